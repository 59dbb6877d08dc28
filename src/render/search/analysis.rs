//! The text analysis of each language, shared by the static index and `parcours search`:
//! words split on anything that is not a letter or a digit, lower case, stop words left
//! out, the language's stemmer, then accents folded (`élèves` becomes `elev`).

use std::ops::Range;

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
/// the number of its stem in [`Words::stem`], or `None` for a stop word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Lower case, accents folded: `impots` for `Impôts`.
    pub form: String,
    /// The number of the stem the analyzer gives the word (`impot`).
    pub stem: Option<u32>,
}

/// Splits text into [`Word`]s with the analysis of one language, remembering each word it
/// has seen so that a large site stems each distinct word once. Words and stems are numbered
/// in the order they are first seen.
pub struct Words {
    stemmer: TextAnalyzer,
    fold: TextAnalyzer,
    /// The number of each short word as written (`Impôts`, `impôts`), held inline.
    written: FxHashMap<Short, u32>,
    /// The number of each word seen, in lower case.
    seen: FxHashMap<String, u32>,
    words: Vec<Word>,
    stems: Vec<String>,
    stem_ids: FxHashMap<String, u32>,
    lower: String,
}

impl Words {
    /// The analysis of `lang`.
    pub fn new(lang: &str) -> Words {
        let single = || TextAnalyzer::builder(RawTokenizer::default());
        let stemmer = match stemming(lang) {
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
            stemmer,
            fold: single().filter(AsciiFoldingFilter).build(),
            written: FxHashMap::default(),
            seen: FxHashMap::default(),
            words: Vec::new(),
            stems: Vec::new(),
            stem_ids: FxHashMap::default(),
            lower: String::new(),
        }
    }

    /// Calls `each` with the number of every word of `text`, its stem's number (`None` for
    /// a stop word) and where it stands in `text`, in order. Words are runs of letters and
    /// digits, as tantivy's simple tokenizer cuts them; words of [`LONGEST_WORD`] bytes or
    /// more are skipped.
    pub fn each(&mut self, text: &str, mut each: impl FnMut(u32, Option<u32>, Range<usize>)) {
        split(text, |range| {
            if range.len() < LONGEST_WORD {
                let id = self.number(&text[range.clone()]);
                each(id, self.words[id as usize].stem, range);
            }
        });
    }

    /// The number of a word, analysed when first seen. Short words are found as written.
    fn number(&mut self, word: &str) -> u32 {
        let written = Short::of(word);
        if let Some(&id) = written.and_then(|short| self.written.get(&short)) {
            return id;
        }
        let id = self.number_of_lower_case(word);
        if let Some(short) = written {
            self.written.insert(short, id);
        }
        id
    }

    /// The number of a word put in lower case, analysed when first seen.
    fn number_of_lower_case(&mut self, word: &str) -> u32 {
        self.lower.clear();
        if word.is_ascii() {
            self.lower.push_str(word);
            self.lower.make_ascii_lowercase();
        } else {
            self.lower.extend(word.chars().flat_map(char::to_lowercase));
        }
        if let Some(&id) = self.seen.get(&self.lower) {
            return id;
        }
        let lower = self.lower.clone();
        let stem = first_token(&mut self.stemmer, &lower).map(|stem| self.stem_id(stem));
        let id = self.words.len() as u32;
        self.words.push(Word {
            form: first_token(&mut self.fold, &lower).unwrap_or_else(|| lower.clone()),
            stem,
        });
        self.seen.insert(lower, id);
        id
    }

    fn stem_id(&mut self, stem: String) -> u32 {
        if let Some(&id) = self.stem_ids.get(&stem) {
            return id;
        }
        let id = self.stems.len() as u32;
        self.stems.push(stem.clone());
        self.stem_ids.insert(stem, id);
        id
    }

    /// The word numbered `id` by [`Words::each`].
    pub fn word(&self, id: u32) -> &Word {
        &self.words[id as usize]
    }

    /// The stem numbered `id`.
    pub fn stem(&self, id: u32) -> &str {
        &self.stems[id as usize]
    }

    /// How many stems have been seen.
    pub fn stem_count(&self) -> usize {
        self.stems.len()
    }

    /// Every word seen with its stem, in the order first seen.
    pub fn into_forms(self) -> impl Iterator<Item = (String, Option<String>)> {
        let stems = self.stems;
        self.words
            .into_iter()
            .map(move |w| (w.form, w.stem.map(|s| stems[s as usize].clone())))
    }

    /// The words of `text`, as (form, stem) pairs, the stem `None` for a stop word.
    pub fn of(&mut self, text: &str) -> Vec<(String, Option<String>)> {
        let mut ids = Vec::new();
        self.each(text, |id, _, _| ids.push(id));
        ids.into_iter()
            .map(|id| {
                let word = self.word(id);
                (
                    word.form.clone(),
                    word.stem.map(|s| self.stem(s).to_string()),
                )
            })
            .collect()
    }
}

/// A word of at most 16 bytes, held in place of a string (padded with zero bytes, which
/// no word holds), so that looking it up reads no other memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Short(u64, u64);

impl Short {
    /// A word of at most 16 bytes, its bytes gathered into two integers in registers (bytes
    /// written to memory then read as integers would stall the processor).
    fn of(word: &str) -> Option<Short> {
        if word.len() > 16 {
            return None;
        }
        let (mut low, mut high) = (0u64, 0u64);
        for (at, &byte) in word.as_bytes().iter().enumerate() {
            if at < 8 {
                low |= u64::from(byte) << (8 * at);
            } else {
                high |= u64::from(byte) << (8 * (at - 8));
            }
        }
        Some(Short(low, high))
    }
}

/// Calls `each` with the place of every run of letters and digits in `text`. ASCII is read
/// byte by byte, other characters whole.
fn split(text: &str, mut each: impl FnMut(Range<usize>)) {
    let bytes = text.as_bytes();
    let mut start = None;
    let mut at = 0;
    while at < bytes.len() {
        let (word, width) = match bytes[at] {
            byte if byte < 0x80 => (byte.is_ascii_alphanumeric(), 1),
            _ => {
                let c = text[at..].chars().next().unwrap_or_default();
                (c.is_alphanumeric(), c.len_utf8())
            }
        };
        if word {
            start.get_or_insert(at);
        } else if let Some(from) = start.take() {
            each(from..at);
        }
        at += width;
    }
    if let Some(from) = start {
        each(from..text.len());
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
            .map(|(form, stem)| (form.as_str(), stem.as_deref()))
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
    fn a_word_has_one_number_however_it_is_written() {
        let mut words = Words::new("fr");
        let mut ids = Vec::new();
        let text = "Impôts impôts IMPÔTS anticonstitutionnellement Anticonstitutionnellement";
        words.each(text, |id, _, _| ids.push(id));
        assert_eq!(ids, [0, 0, 0, 1, 1]);
        assert_eq!(words.word(0).form, "impots");
        assert_eq!(words.word(1).form, "anticonstitutionnellement");
    }

    #[test]
    fn words_are_cut_and_stemmed_as_the_tantivy_analyzer_does() {
        let text = "L'ÉLÈVE télécharge 2 applis: «WhatsApp», e-mail… \
            Œuvres naïves ﬁn xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx Ωmega ÇA";
        for lang in ["fr", "nl", "en", "xx"] {
            let stems: Vec<String> = Words::new(lang)
                .of(text)
                .into_iter()
                .filter_map(|(_, stem)| stem)
                .collect();
            assert_eq!(stems, tokens(lang, text), "{lang}");
        }
    }
}
