//! The table `parcours check --readability` prints: every page for learners with its
//! reading-ease score in its language, its level in words, and what is long in it.

use std::fmt::Write;

use crate::model::Site;
use crate::model::readability::PageReadability;
use crate::sources::pages::CONTENT_DIR;

/// The table of `pages`, one line each, then the formulas used and the page counts.
pub fn table(site: &Site, pages: &[PageReadability]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{:<56} {:>5} {:<18} {:>9} {:>6} {:>10} {:>9}",
        "page (in content/)", "score", "level", "sentences", "words", "long sent.", "long words"
    );
    for found in pages {
        let page = &site.pages[found.page];
        let analysis = &found.analysis;
        let file = page.file();
        let file = file
            .strip_prefix(CONTENT_DIR)
            .unwrap_or(&file)
            .display()
            .to_string();
        let score = analysis
            .score
            .map_or_else(|| "-".to_string(), |s| format!("{s:.0}"));
        let per_sentence = analysis
            .words_per_sentence()
            .map_or_else(|| "-".to_string(), |w| format!("{w:.1}"));
        let _ = writeln!(
            out,
            "{:<56} {score:>5} {:<18} {:>9} {per_sentence:>6} {:>10} {:>9}",
            shortened(&file, 56),
            analysis.label.unwrap_or("-"),
            analysis.sentences,
            analysis.long_sentences.len(),
            found.long_words,
        );
    }
    let _ = writeln!(
        out,
        "\n{} pages for learners. Scores: Kandel & Moles (fr), Flesch–Douma (nl), Flesch reading ease (en), Amstad (de); 0 to 100, higher is easier; `words` is the average words per sentence.",
        pages.len()
    );
    out
}

/// `text` cut to `width` characters, its start replaced by `…` when too long.
fn shortened(text: &str, width: usize) -> String {
    let count = text.chars().count();
    if count <= width {
        return text.to_string();
    }
    let tail: String = text.chars().skip(count - width + 1).collect();
    format!("…{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_paths_keep_their_end() {
        assert_eq!(shortened("content/a.md", 20), "content/a.md");
        assert_eq!(shortened("content/abcdef.fr.md", 10), "…def.fr.md");
    }
}
