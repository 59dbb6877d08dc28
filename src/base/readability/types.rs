//! The public types of the readability module: limits, sentences, long words, the rules of
//! the guidelines and what they find, Flesch's bands, and the analysis of a text.

use std::ops::RangeInclusive;

use super::languages::language;

/// The limits of the easy-to-read checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// A sentence with more words than this is long. Default 20: the ceiling that plain-language
    /// checklists commonly set for learners; easy-to-read guides go lower (Leichte Sprache
    /// guides ask 8 to 12 words), so tighten it for the easiest courses.
    pub max_sentence_words: usize,
    /// A word with more letters than this is long. Default 12: the guidelines ask for short
    /// words without a number; 12 letters catches the long compounds whose syllables stay few
    /// (Dutch `wachtwoordbeheerder`, German `Passwortschutz`) and leaves common words alone.
    pub max_word_letters: usize,
    /// A word with more syllables than this is long. Default 3: Netzwerk Leichte Sprache asks to
    /// avoid words of more than 3 syllables (`Omnibus`: say `Bus`).
    pub max_word_syllables: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_sentence_words: 20,
            max_word_letters: 12,
            max_word_syllables: 3,
        }
    }
}

/// One sentence of the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    /// The index of its block in the input.
    pub block: usize,
    /// The byte offset of its first character in its block.
    pub offset: usize,
    /// Its length in bytes, up to its final punctuation and closing quotes.
    pub len: usize,
    /// How many words it has.
    pub words: usize,
    /// How many syllables its words have.
    pub syllables: usize,
}

impl Sentence {
    /// Its text, taken from the blocks it was found in.
    pub fn text<'a>(&self, blocks: &[&'a str]) -> &'a str {
        &blocks[self.block][self.offset..self.offset + self.len]
    }
}

/// A sentence with more words than [`Limits::max_sentence_words`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LongSentence {
    /// The index of its block in the input.
    pub block: usize,
    /// The byte offset of its first character in its block.
    pub offset: usize,
    /// How many words it has.
    pub words: usize,
    /// Its first eight words, as written, to show which sentence it is.
    pub start: String,
}

/// A word with more letters or syllables than the [`Limits`] allow.
///
/// The parts of a hyphenated or elided word are checked on their own (`l'ordinateur` gives
/// `ordinateur`), as easy-to-read guides ask to cut long compounds with hyphens. Addresses,
/// numbers and words in capitals (reported by [`Rule::Capitals`] and [`Rule::Initials`]) are
/// left out. A caller can drop the words that its glossary explains by comparing `word`, in
/// lower case, with the glossary's forms.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LongWord {
    /// The index of its block in the input.
    pub block: usize,
    /// The byte offset of its first letter in its block.
    pub offset: usize,
    /// The word as written.
    pub word: String,
    /// How many letters it has.
    pub letters: usize,
    /// How many syllables it has.
    pub syllables: usize,
}

/// A rule of the easy-to-read guidelines that can be counted in plain text.
///
/// The guidelines are *Information for all: European standards for making information easy to
/// read and understand* (Inclusion Europe, 2009; in French *L'information pour tous*, the
/// source of FALC; in Dutch *Informatie voor iedereen*) and, where they say more, the rules of
/// Netzwerk Leichte Sprache (*Die Regeln für Leichte Sprache*).
/// [`Rule::guideline`] names the rule each one implements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    /// A number in Roman numerals: `XIV`, `XXIe siècle`, `Henri IV`. Two letters at least, or
    /// one with an ordinal ending (`Ier`, `Ve`); initialisms that look like numerals (`CD`,
    /// `CV`, `MC`, `XL`...) are left out.
    RomanNumeral,
    /// A percentage: `50 %`, `50%`, `pour cent`, `procent`, `percent`, `Prozent`.
    Percentage,
    /// A number written in words: `deux`, `vingt-cinq`, `twaalf`, `twenty`, `zwei`. Words that
    /// are also articles or adjectives are left out (`un`, `neuf`, `een`, `one`, `ein`).
    NumberInWords,
    /// Words written in capital letters: a run of two or more (`NE PAS`, `VERY IMPORTANT`) or
    /// one of 6 letters or more (`ATTENTION`).
    Capitals,
    /// Initials: one word of 2 to 5 capital letters (`SMS`, `USB`, `CPAS`); dotted ones
    /// (`S.N.C.F.`) are reported as abbreviations.
    Initials,
    /// An abbreviation: one of the language's table (`p. ex.`, `etc.`, `Mme`, `bijv.`, `e.g.`,
    /// `z. B.`) or dotted letters (`S.N.C.F.`, `a.s.b.l.`).
    Abbreviation,
    /// A special character: `&`, `§`, `#`, `\`, `<`, `>`, `|`, `~`, `^`, `{`, `}`, `[`, `]`, `*`
    /// (a run of them is one finding; addresses are left out).
    SpecialCharacter,
}

impl Rule {
    /// The guideline that the rule implements, in English.
    pub fn guideline(self) -> &'static str {
        match self {
            Rule::RomanNumeral => {
                "Information for all, numbers: do not use Roman numerals; write 14, not XIV."
            }
            Rule::Percentage => {
                "Information for all, numbers: avoid percentages and big numbers; \
                 say 'few' or 'many' instead."
            }
            Rule::NumberInWords => {
                "Information for all, numbers: write numbers as digits (5, not five); \
                 Leichte Sprache: Zahlen als Ziffern schreiben."
            }
            Rule::Capitals => {
                "Information for all, how the text looks: do not write whole words in capital letters."
            }
            Rule::Initials => {
                "Information for all, words: avoid initials; use the word in full, \
                 or explain the initials the first time."
            }
            Rule::Abbreviation => {
                "Information for all, words: do not use abbreviations such as e.g. or etc.; \
                 Leichte Sprache: keine Abkürzungen (z. B., d. h.)."
            }
            Rule::SpecialCharacter => {
                "Information for all, words: avoid special characters such as \\ & < § #."
            }
        }
    }
}

/// A place that breaks a [`Rule`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// The rule it breaks.
    pub rule: Rule,
    /// The index of its block in the input.
    pub block: usize,
    /// The byte offset of its first character in its block.
    pub offset: usize,
    /// The text as written (`XIV`, `50 %`, `p. ex.`, `NE PAS`).
    pub text: String,
}

/// The bands of Flesch's reading-ease scale, from the easiest.
///
/// Flesch's table of reading ease (*The Art of Readable Writing*, 1949; *How to Test
/// Readability*, 1951) gives each band of 10 points above 50, then 30–50 and 0–30, a
/// description and the school grade (United States) whose pupils read it. The adaptations to French (Kandel & Moles), Dutch
/// (Douma) and German (Amstad) keep the 0–100 scale and are read with the same bands. A score
/// above 100 is very easy, one below 0 very difficult.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Band {
    /// 90 and more: 5th grade, readers of 10–11.
    VeryEasy,
    /// 80 to 90: 6th grade, 11–12.
    Easy,
    /// 70 to 80: 7th grade, 12–13.
    FairlyEasy,
    /// 60 to 70: 8th and 9th grades, 13–15.
    Standard,
    /// 50 to 60: 10th to 12th grades, 15–18.
    FairlyDifficult,
    /// 30 to 50: college.
    Difficult,
    /// Below 30: college graduates (Flesch's "very difficult", also printed "very confusing").
    VeryDifficult,
}

/// The lowest score of each band but the last, from the easiest.
const BAND_FLOORS: [(f64, Band); 6] = [
    (90.0, Band::VeryEasy),
    (80.0, Band::Easy),
    (70.0, Band::FairlyEasy),
    (60.0, Band::Standard),
    (50.0, Band::FairlyDifficult),
    (30.0, Band::Difficult),
];

impl Band {
    /// The band of a reading-ease score.
    pub fn of(score: f64) -> Band {
        BAND_FLOORS
            .iter()
            .find(|(floor, _)| score >= *floor)
            .map_or(Band::VeryDifficult, |&(_, band)| band)
    }

    /// Its plain label in a language ("très facile", "zeer makkelijk", "very easy", "sehr
    /// leicht"; English for another language).
    pub fn label(self, lang: &str) -> &'static str {
        language(lang).bands[self as usize]
    }

    /// The school level whose pupils read it, in a language ("CM2 – 5e primaire (10–11 ans)").
    /// French names the French and the Belgian classes, Dutch the Dutch and the Flemish ones.
    pub fn school_level(self, lang: &str) -> &'static str {
        language(lang).school[self as usize]
    }

    /// Its school grades in the United States, as Flesch gave them (17 for graduates).
    pub fn grades(self) -> RangeInclusive<u8> {
        let grades = [(5, 5), (6, 6), (7, 7), (8, 9), (10, 12), (13, 16), (17, 17)];
        let (low, high) = grades[self as usize];
        low..=high
    }
}

/// What [`analyse`] finds in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    /// The language whose rules were used (`"fr"`, `"nl"`, `"en"`, `"de"`), or `None` when the
    /// language is not one of them and generic rules counted.
    pub language: Option<&'static str>,
    /// How many sentences the text has.
    pub sentences: usize,
    /// How many words.
    pub words: usize,
    /// How many syllables.
    pub syllables: usize,
    /// The reading-ease score (see [`reading_ease`]), or `None` for another language or a text
    /// without words.
    pub score: Option<f64>,
    /// The band of the score.
    pub band: Option<Band>,
    /// The band's label in the text's language.
    pub label: Option<&'static str>,
    /// The band's school level in the text's language.
    pub school_level: Option<&'static str>,
    /// The sentences over [`Limits::max_sentence_words`], in order.
    pub long_sentences: Vec<LongSentence>,
    /// The words over [`Limits::max_word_letters`] or [`Limits::max_word_syllables`], in order.
    pub long_words: Vec<LongWord>,
    /// What else breaks an easy-to-read rule, in order.
    pub findings: Vec<Finding>,
}

impl Analysis {
    /// The average number of words in a sentence.
    pub fn words_per_sentence(&self) -> Option<f64> {
        (self.sentences > 0).then(|| self.words as f64 / self.sentences as f64)
    }

    /// The average number of syllables in a word.
    pub fn syllables_per_word(&self) -> Option<f64> {
        (self.words > 0).then(|| self.syllables as f64 / self.words as f64)
    }
}
