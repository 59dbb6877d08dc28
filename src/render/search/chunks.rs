//! A page's text cut into chunks: short passages of about twenty words, starting at each
//! heading and ending at the end of a sentence when one comes soon enough. The index keeps a
//! few chunks of each page, those that start at a heading first, then those where the most
//! of its words first appear: a result shows its excerpt from one of them, and words found
//! in one chunk stand together.

use std::ops::Range;

/// The most chunks of a page the index keeps, each a bit of a posting's flags.
pub(super) const KEPT: usize = 12;
/// A chunk ends at the first end of a sentence after this many words...
const SHORTEST: usize = 12;
/// ... and after this many words in any case.
const LONGEST: usize = 24;

/// Cuts a text into chunks as its words come, in order.
#[derive(Debug, Default)]
pub(super) struct Chunker {
    /// Where the headings start in the text, the last first: each starts a chunk.
    headings: Vec<usize>,
    /// Where each chunk starts in the text.
    starts: Vec<usize>,
    /// Whether each chunk starts at a heading.
    headed: Vec<bool>,
    /// The words of the last chunk so far.
    words: usize,
    /// Where the last word ended.
    end: usize,
}

impl Chunker {
    /// A chunker for a text whose headings start at `headings` (in order): each starts a
    /// chunk.
    pub(super) fn new(headings: &[usize]) -> Chunker {
        Chunker {
            headings: headings.iter().rev().copied().collect(),
            ..Chunker::default()
        }
    }

    /// The number of the chunk of the next word of `text`, which stands at `word`.
    pub(super) fn chunk_of(&mut self, text: &str, word: &Range<usize>) -> u32 {
        let full = self.words >= LONGEST;
        let sentence = self.words >= SHORTEST && ends_sentence(&text[self.end..word.start]);
        let mut heading = false;
        while self.headings.last().is_some_and(|&at| at <= word.start) {
            self.headings.pop();
            heading = true;
        }
        if self.starts.is_empty() || full || sentence || heading {
            self.starts.push(word.start);
            self.headed.push(heading);
            self.words = 0;
        }
        self.words += 1;
        self.end = word.end;
        (self.starts.len() - 1) as u32
    }

    /// Whether each chunk starts at a heading.
    pub(super) fn headed(&self) -> &[bool] {
        &self.headed
    }

    /// The text of chunk `n` of `text`, from its first word to the start of the next chunk,
    /// with one space between words.
    pub(super) fn text(&self, text: &str, n: usize) -> String {
        let end = self.starts.get(n + 1).copied().unwrap_or(text.len());
        collapse_spaces(&text[self.starts[n]..end])
    }
}

/// The words of `text` with one space between them: runs of white space become one space,
/// and none is left at either end. Words are copied whole, and ASCII read byte by byte.
fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word: Option<usize> = None;
    let mut at = 0;
    while at < text.len() {
        let byte = text.as_bytes()[at];
        let (space, width) = if byte < 0x80 {
            (matches!(byte, b' ' | b'\t'..=b'\r'), 1)
        } else {
            let c = text[at..].chars().next().unwrap_or_default();
            (c.is_whitespace(), c.len_utf8())
        };
        match (space, word) {
            (true, Some(start)) => {
                push_word(&mut out, &text[start..at]);
                word = None;
            }
            (false, None) => word = Some(at),
            _ => {}
        }
        at += width;
    }
    if let Some(start) = word {
        push_word(&mut out, &text[start..]);
    }
    out
}

fn push_word(out: &mut String, word: &str) {
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(word);
}

/// Whether the text between two words ends a sentence.
fn ends_sentence(between: &str) -> bool {
    between.contains(['.', '!', '?', ':', ';'])
}

/// The chunks to keep, in order, from whether each starts at a heading and how many stems
/// first appear in each: the [`KEPT`] that start at a heading, then that introduce the most
/// words (the earlier on a tie), and none that introduces no word.
pub(super) fn keep(headed: &[bool], firsts: &[u32]) -> Vec<u32> {
    let mut chunks: Vec<u32> = (0..firsts.len() as u32)
        .filter(|&c| firsts[c as usize] > 0)
        .collect();
    chunks.sort_by_key(|&c| {
        (
            !headed[c as usize],
            std::cmp::Reverse(firsts[c as usize]),
            c,
        )
    });
    chunks.truncate(KEPT);
    chunks.sort_unstable();
    chunks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chunks(text: &str) -> Vec<String> {
        chunks_with(text, &[])
    }

    fn chunks_with(text: &str, headings: &[&str]) -> Vec<String> {
        let starts: Vec<usize> = headings.iter().filter_map(|h| text.find(h)).collect();
        let mut chunker = Chunker::new(&starts);
        let mut start = None;
        for (at, c) in text.char_indices().chain([(text.len(), ' ')]) {
            match (c.is_alphanumeric(), start) {
                (true, None) => start = Some(at),
                (false, Some(from)) => {
                    chunker.chunk_of(text, &(from..at));
                    start = None;
                }
                _ => {}
            }
        }
        (0..chunker.headed().len())
            .map(|n| chunker.text(text, n))
            .collect()
    }

    #[test]
    fn chunks_end_at_a_sentence_once_long_enough_and_never_run_past_the_longest() {
        let short = "Un deux trois. Quatre cinq.";
        assert_eq!(chunks(short), [short]);
        let twelve = "a b c d e f g h i j k l. Suite ici.";
        assert_eq!(chunks(twelve), ["a b c d e f g h i j k l.", "Suite ici."]);
        let long = vec!["mot"; 60].join(" ");
        let cut = chunks(&long);
        assert_eq!(cut.len(), 3);
        assert!(cut.iter().all(|c| c.split(' ').count() <= LONGEST));
        assert_eq!(cut.concat().matches("mot").count(), 60);
    }

    #[test]
    fn every_heading_starts_a_chunk() {
        let text = "Titre un Du texte. Titre deux Encore du texte.";
        assert_eq!(
            chunks_with(text, &["Titre un", "Titre deux", "Absent"]),
            ["Titre un Du texte.", "Titre deux Encore du texte."]
        );
    }

    #[test]
    fn kept_chunks_start_at_headings_or_introduce_the_most_words_and_stay_in_order() {
        assert_eq!(keep(&[false; 4], &[3, 0, 5, 1]), [0, 2, 3]);
        assert_eq!(keep(&[false, true, false, true], &[3, 0, 5, 1]), [0, 2, 3]);
        let many: Vec<u32> = (0..30).map(|n| n % 4).collect();
        let headed: Vec<bool> = (0..30).map(|n| n == 29).collect();
        let kept = keep(&headed, &many);
        assert_eq!(kept.len(), KEPT);
        assert_eq!(kept.last(), Some(&29));
        assert!(kept[..KEPT - 1].iter().all(|&c| many[c as usize] >= 2));
        assert!(kept.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn spaces_collapse_as_split_whitespace_would() {
        let texts = [
            "",
            "  ",
            " a  b\n\tc ",
            "un\u{a0}mot\u{202f}:",
            "é  ü",
            "x\u{b}y\u{85}",
        ];
        for text in texts {
            let expected = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(collapse_spaces(text), expected, "{text:?}");
        }
    }
}
