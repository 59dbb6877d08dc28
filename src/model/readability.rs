//! `parcours check --readability`: how easy the pages for learners are to read. Each page
//! whose `audience` holds `apprenant` (or that names no audience) is measured on its running
//! text, as the one reading of its Markdown gives it: the reading-ease score of its language,
//! its sentences over the limit, its long words that the glossary does not explain, and what
//! else the easy-to-read guidelines ask to avoid and a program can count.

use std::collections::HashSet;

use rayon::prelude::*;

use super::page::{Page, PageId};
use super::site::Site;
use crate::base::diagnostic::{Checked, Diagnostic, Diagnostics};
use crate::base::readability::{Analysis, Limits, Rule, analyse, formula_name};
use crate::markdown::prose::{ProseBlock, prose};
use crate::sources::config::ReadabilityConfig;
use crate::sources::glossary::GLOSSARY_DIR;

/// The audience of the pages for learners.
pub const LEARNERS: &str = "apprenant";

/// What the readability check found on one page.
#[derive(Debug, Clone)]
pub struct PageReadability {
    /// The page.
    pub page: PageId,
    /// Its counts, score and long sentences (long words as found, before the glossary).
    pub analysis: Analysis,
    /// How many long words the glossary does not explain.
    pub long_words: usize,
}

/// Measures every page for learners, in model order, with a warning for each long sentence,
/// unexplained long word and counted rule of the guidelines, and for each page under the
/// site's `min_score`.
pub fn readability(site: &Site) -> Checked<Vec<PageReadability>> {
    let config = site.config.readability;
    let found: Vec<(PageReadability, Diagnostics)> = site
        .pages
        .par_iter()
        .filter(|page| page.source.is_some() && is_for_learners(page))
        .map(|page| measure(site, page, &config))
        .collect();
    let mut problems = Diagnostics::new();
    let pages = found
        .into_iter()
        .map(|(page, found)| {
            problems.extend(found);
            page
        })
        .collect();
    Checked::new(pages, problems)
}

/// Whether a page is for learners: its `audience` holds them, or it names none.
pub fn is_for_learners(page: &Page) -> bool {
    page.front.audience.is_empty() || page.front.audience.iter().any(|a| a == LEARNERS)
}

/// The analysis of one page, and its warnings.
fn measure(site: &Site, page: &Page, config: &ReadabilityConfig) -> (PageReadability, Diagnostics) {
    let document = page.document();
    let blocks = prose(&document);
    let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
    let limits = Limits {
        max_sentence_words: config.max_sentence_words,
        max_word_letters: config.max_word_letters,
        max_word_syllables: config.max_word_syllables,
    };
    let analysis = analyse(&page.lang, &texts, &limits);
    let explained = explained_words(site, &page.lang);
    let warn = Warnings {
        file: page.file(),
        blocks: &blocks,
        lang: &page.lang,
    };
    let mut problems = Diagnostics::new();
    for sentence in &analysis.long_sentences {
        problems.push(warn.long_sentence(sentence, config.max_sentence_words));
    }
    let mut long_words = 0;
    for word in &analysis.long_words {
        if !explained.contains(&word.word.to_lowercase()) {
            long_words += 1;
            problems.push(warn.long_word(word));
        }
    }
    for finding in &analysis.findings {
        let excused = matches!(finding.rule, Rule::Initials | Rule::Abbreviation)
            && explained.contains(&finding.text.to_lowercase());
        if !excused {
            problems.push(warn.finding(finding));
        }
    }
    if let (Some(min), Some(score)) = (config.min_score, analysis.score)
        && score < min
    {
        problems.push(warn.low_score(&analysis, score, min, page.body_line));
    }
    let found = PageReadability {
        page: page.id,
        analysis,
        long_words,
    };
    (found, problems)
}

/// The words that a language's glossary explains, in lower case: each word of its terms and
/// of their forms.
fn explained_words(site: &Site, lang: &str) -> HashSet<String> {
    site.glossary
        .terms(lang)
        .iter()
        .flat_map(|term| std::iter::once(&term.term).chain(&term.forms))
        .flat_map(|form| form.split(|c: char| !c.is_alphanumeric()))
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The warnings of one page.
struct Warnings<'a> {
    file: std::path::PathBuf,
    blocks: &'a [ProseBlock],
    lang: &'a str,
}

impl Warnings<'_> {
    fn at(&self, block: usize, offset: usize, message: String, hint: &str) -> Diagnostic {
        Diagnostic::warning(&self.file, message)
            .at_line(self.blocks[block].line(offset))
            .with_hint(hint)
    }

    fn long_sentence(
        &self,
        sentence: &crate::base::readability::LongSentence,
        max: usize,
    ) -> Diagnostic {
        let start = sentence
            .start
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        self.at(
            sentence.block,
            sentence.offset,
            format!(
                "a sentence of {} words, over the {max} of pages for learners: `{start}…`",
                sentence.words
            ),
            "cut it into short sentences, one idea each (Inclusion Europe, Information for all); `readability: { max_sentence_words: N }` in site.yaml sets the limit",
        )
    }

    fn long_word(&self, word: &crate::base::readability::LongWord) -> Diagnostic {
        self.at(
            word.block,
            word.offset,
            format!(
                "a long word that the glossary does not explain: `{}` ({} letters, {} syllables)",
                word.word, word.letters, word.syllables
            ),
            &format!(
                "use a short, everyday word, or explain it in {GLOSSARY_DIR}/{}.yaml",
                self.lang
            ),
        )
    }

    fn finding(&self, finding: &crate::base::readability::Finding) -> Diagnostic {
        let what = match finding.rule {
            Rule::RomanNumeral => "a number in Roman numerals",
            Rule::Percentage => "a percentage",
            Rule::NumberInWords => "a number written in words",
            Rule::Capitals => "words in capital letters",
            Rule::Initials => "initials that the glossary does not explain",
            Rule::Abbreviation => "an abbreviation",
            Rule::SpecialCharacter => "a special character",
        };
        self.at(
            finding.block,
            finding.offset,
            format!("{what}: `{}`", finding.text),
            finding.rule.guideline(),
        )
    }

    fn low_score(&self, analysis: &Analysis, score: f64, min: f64, line: usize) -> Diagnostic {
        let formula = formula_name(self.lang).unwrap_or("reading ease");
        let label = analysis.label.unwrap_or_default();
        Diagnostic::warning(
            &self.file,
            format!("the page reads as {label} ({formula} {score:.0}), under the {min:.0} set in site.yaml"),
        )
        .at_line(line)
        .with_hint("shorter sentences and shorter words raise the score")
    }
}
