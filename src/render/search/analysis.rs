//! The text analysis of each language, shared by the static index and `parcours search`:
//! words split on anything that is not a letter or a digit, lower case, stop words left
//! out, the language's stemmer, then accents folded (`élèves` becomes `elev`).

use rustc_hash::FxHashMap;
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language as Stemming, LowerCaser, RawTokenizer, RemoveLongFilter,
    SimpleTokenizer, Stemmer, StopWordFilter, TextAnalyzer, TokenStream,
};

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
}
