//! The text analysis of each language, shared by the static index and `parcours search`:
//! words split on anything that is not a letter or a digit, lower case, stop words left
//! out, the language's stemmer, then accents folded (`élèves` becomes `elev`).

use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use rustc_hash::FxHashMap;
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language as Stemming, LowerCaser, RawTokenizer, RemoveLongFilter,
    SimpleTokenizer, Stemmer, StopWordFilter, TextAnalyzer, TokenStream,
};

use crate::markdown::{code_language, options};
use crate::{quiz, selftest};

/// Words longer than this are not indexed (they are URLs or noise, not words).
const LONGEST_WORD: usize = 40;

/// The analyzer of a language for tantivy: words, lower case, stop words out, the language's
/// stem (before folding, so that French rules see the accents), then accents folded.
pub fn analyzer(lang: &str) -> TextAnalyzer {
    let builder = TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(LONGEST_WORD))
        .filter(LowerCaser)
        .filter(stop_words(lang));
    match stemming(lang) {
        Some(language) => builder
            .filter(Stemmer::new(language))
            .filter(AsciiFoldingFilter)
            .build(),
        None => builder.filter(AsciiFoldingFilter).build(),
    }
}

/// The stop words of a language ("de", "the", "het"), or none when tantivy has no list.
fn stop_words(lang: &str) -> StopWordFilter {
    stemming(lang)
        .and_then(StopWordFilter::new)
        .unwrap_or_else(|| StopWordFilter::remove(Vec::new()))
}

/// The stemmer of a language, when tantivy has one.
fn stemming(lang: &str) -> Option<Stemming> {
    match lang.split('-').next().unwrap_or(lang) {
        "fr" => Some(Stemming::French),
        "nl" => Some(Stemming::Dutch),
        "en" => Some(Stemming::English),
        "de" => Some(Stemming::German),
        "es" => Some(Stemming::Spanish),
        "it" => Some(Stemming::Italian),
        "pt" => Some(Stemming::Portuguese),
        _ => None,
    }
}

/// A word as the index knows it: the form readers type (lower case, accents folded), and
/// its stem, or `None` for a stop word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Lower case, accents folded: `impots` for `Impôts`.
    pub form: String,
    /// The stem the analyzer gives the word, accents folded: `impot`.
    pub stem: Option<String>,
}

/// Splits text into [`Word`]s with the analysis of one language, remembering each word it
/// has seen so that a large site stems each distinct word once. Words are numbered in the
/// order they are first seen.
pub struct Words {
    split: TextAnalyzer,
    stem: TextAnalyzer,
    fold: TextAnalyzer,
    seen: FxHashMap<String, usize>,
    words: Vec<Word>,
}

impl Words {
    /// The analysis of `lang`.
    pub fn new(lang: &str) -> Words {
        let single = || TextAnalyzer::builder(RawTokenizer::default());
        let stem = match stemming(lang) {
            Some(language) => single()
                .filter(stop_words(lang))
                .filter(Stemmer::new(language))
                .filter(AsciiFoldingFilter)
                .build(),
            None => single()
                .filter(stop_words(lang))
                .filter(AsciiFoldingFilter)
                .build(),
        };
        Words {
            split: TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(RemoveLongFilter::limit(LONGEST_WORD))
                .filter(LowerCaser)
                .build(),
            stem,
            fold: single().filter(AsciiFoldingFilter).build(),
            seen: FxHashMap::default(),
            words: Vec::new(),
        }
    }

    /// Calls `each` with the number of every word of `text`, in order.
    pub fn each(&mut self, text: &str, mut each: impl FnMut(usize)) {
        let mut stream = self.split.token_stream(text);
        while stream.advance() {
            let lower = &stream.token().text;
            if let Some(&id) = self.seen.get(lower) {
                each(id);
                continue;
            }
            let id = self.words.len();
            self.words.push(Word {
                form: first_token(&mut self.fold, lower).unwrap_or_else(|| lower.clone()),
                stem: first_token(&mut self.stem, lower),
            });
            self.seen.insert(lower.clone(), id);
            each(id);
        }
    }

    /// The word numbered `id` by [`Words::each`].
    pub fn word(&self, id: usize) -> &Word {
        &self.words[id]
    }

    /// Every word seen, in the order first seen.
    pub fn into_words(self) -> Vec<Word> {
        self.words
    }

    /// The words of `text`.
    pub fn of(&mut self, text: &str) -> Vec<Word> {
        let mut ids = Vec::new();
        self.each(text, |id| ids.push(id));
        ids.into_iter().map(|id| self.word(id).clone()).collect()
    }
}

fn first_token(analyzer: &mut TextAnalyzer, text: &str) -> Option<String> {
    let mut stream = analyzer.token_stream(text);
    stream.advance().then(|| stream.token().text.clone())
}

/// The readable text of a Markdown body: its headings apart, and all of it (headings
/// included) as plain text, without the Markdown.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct PlainText {
    /// The text of each heading.
    pub headings: Vec<String>,
    /// Everything a reader reads, one space between blocks.
    pub text: String,
}

/// The plain text of a Markdown body.
pub fn plain_text(markdown: &str) -> PlainText {
    let mut plain = PlainText {
        text: String::with_capacity(markdown.len()),
        ..PlainText::default()
    };
    let mut heading: Option<String> = None;
    // A quiz or a self-diagnostic: its YAML, read for its words only.
    let mut block: Option<(String, String)> = None;
    for event in Parser::new_ext(markdown, options()) {
        if let Some((lang, source)) = &mut block {
            match event {
                Event::Text(t) => source.push_str(&t),
                Event::End(TagEnd::CodeBlock) => {
                    plain.text.push_str(&readable_block(lang, source));
                    plain.text.push(' ');
                    block = None;
                }
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = code_language(kind);
                if [quiz::FENCE, selftest::FENCE].contains(&lang.as_str()) {
                    block = Some((lang, String::new()));
                }
                plain.text.push(' ');
            }
            Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
            Event::End(TagEnd::Heading(_)) => {
                plain.headings.extend(heading.take());
                plain.text.push(' ');
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some(heading) = &mut heading {
                    heading.push_str(&t);
                }
                plain.text.push_str(&t);
            }
            Event::Start(tag) if is_block(&tag.to_end()) => plain.text.push(' '),
            Event::End(tag) if is_block(&tag) => plain.text.push(' '),
            Event::SoftBreak | Event::HardBreak => plain.text.push(' '),
            _ => {}
        }
    }
    plain.text = plain.text.split_whitespace().collect::<Vec<_>>().join(" ");
    plain
}

/// What a reader reads of a quiz (questions, choices, explanations) or a self-diagnostic
/// (statements), without their YAML keys; nothing when it is malformed (`check` says why).
fn readable_block(lang: &str, source: &str) -> String {
    let file = std::path::Path::new("");
    let texts: Vec<String> = if lang == quiz::FENCE {
        quiz::parse(source, file, 1)
            .unwrap_or_default()
            .into_iter()
            .flat_map(|q| {
                let choices = q.choices.into_iter().map(|c| c.text);
                std::iter::once(q.text).chain(choices).chain(q.explanation)
            })
            .collect()
    } else {
        selftest::parse(source, file, 1)
            .unwrap_or_default()
            .into_iter()
            .map(|s| s.text)
            .collect()
    };
    texts.join(" ")
}

/// Whether a tag is a block, which words do not run across.
fn is_block(tag: &TagEnd) -> bool {
    !matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Link
            | TagEnd::Image
            | TagEnd::Superscript
            | TagEnd::Subscript
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(lang: &str, text: &str) -> Vec<String> {
        let mut analyzer = analyzer(lang);
        let mut stream = analyzer.token_stream(text);
        let mut out = Vec::new();
        while let Some(token) = stream.next() {
            out.push(token.text.clone());
        }
        out
    }

    #[test]
    fn stems_before_folding_accents_and_drops_stop_words() {
        assert_eq!(tokens("fr", "Les élèves"), ["elev"]);
        assert_eq!(tokens("fr", "impôts"), tokens("fr", "impots"));
        assert_eq!(tokens("en", "The passwords"), ["password"]);
        assert_eq!(tokens("xx", "Élan"), ["elan"]);
    }

    #[test]
    fn words_keep_their_folded_form_beside_their_stem() {
        let words = Words::new("fr").of("Mot de passe, Impôts");
        let pairs: Vec<(&str, Option<&str>)> = words
            .iter()
            .map(|w| (w.form.as_str(), w.stem.as_deref()))
            .collect();
        assert_eq!(
            pairs,
            [
                ("mot", Some("mot")),
                ("de", None),
                ("passe", Some("pass")),
                ("impots", Some("impot"))
            ]
        );
    }

    #[test]
    fn quizzes_and_self_diagnostics_give_their_words_not_their_yaml() {
        let plain = plain_text(
            "Avant.\n\n```quiz\n- question: \"Le plus solide ?\"\n  choices:\n    - \"123\"\n    - text: \"girafe\"\n      correct: true\n  explanation: \"Long.\"\n```\n\n```autodiagnostic\n- statement: \"Je cherche.\"\n  competence: \"1.1\"\n  level: 2\n```\n\n```rust\nlet x = 1;\n```\n",
        );
        assert_eq!(
            plain.text,
            "Avant. Le plus solide ? 123 girafe Long. Je cherche. let x = 1;"
        );
    }

    #[test]
    fn plain_text_drops_markdown_and_keeps_headings_apart() {
        let plain = plain_text("## Titre\n\n**gras**, et [lien](x.md).\n- un\n- deux");
        assert_eq!(plain.text, "Titre gras, et lien. un deux");
        assert_eq!(plain.headings, ["Titre"]);
    }
}
