//! The easy-to-read checks: long sentences, long words, and the rules of the guidelines that
//! can be counted in plain text.

use std::ops::Range;

use super::languages::*;
use super::sentences::*;
use super::types::*;
use super::words::*;

/// How many words of a long sentence [`LongSentence::start`] shows.
pub(super) const START_WORDS: usize = 8;
/// The longest word in capitals that counts as initials rather than shouting.
pub(super) const INITIALS_MAX_LETTERS: usize = 5;
/// Percent and per mille signs.
pub(super) const PERCENT_SIGNS: [char; 2] = ['%', '‰'];
/// The special characters that the guidelines ask to avoid.
pub(super) const SPECIAL_CHARACTERS: [char; 14] = [
    '&', '§', '#', '\\', '<', '>', '|', '~', '^', '{', '}', '[', ']', '*',
];
/// Roman numerals that are more often initials (compact disc, curriculum vitae...).
pub(super) const ROMAN_LOOKALIKES: [&str; 16] = [
    "CC", "CD", "CI", "CIV", "CLI", "CM", "CV", "DC", "DI", "DIV", "DIX", "LI", "MC", "MD", "MI",
    "XL",
];
/// The Roman numerals of thousands, hundreds, tens and units, from the largest.
pub(super) const ROMAN: [(u32, &str); 13] = [
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
];

impl Analysis {
    /// The counts and the score of `sentences`, with no check done yet.
    pub(super) fn counts(language: &'static Language, sentences: &[Sentence]) -> Analysis {
        let words = sentences.iter().map(|s| s.words).sum();
        let syllables = sentences.iter().map(|s| s.syllables).sum();
        let formula = language.formula.as_ref();
        let score = formula.and_then(|f| f.score(sentences.len(), words, syllables));
        let band = score.map(Band::of);
        Analysis {
            language: formula.map(|_| language.code),
            sentences: sentences.len(),
            words,
            syllables,
            score,
            band,
            label: band.map(|band| language.bands[band as usize]),
            school_level: band.map(|band| language.school[band as usize]),
            long_sentences: Vec::new(),
            long_words: Vec::new(),
            findings: Vec::new(),
        }
    }
}

/// One sentence, ready for the checks.
pub(super) struct Scan<'a> {
    pub(super) language: &'static Language,
    pub(super) block: usize,
    /// The whole block.
    pub(super) text: &'a str,
    /// The sentence in the block.
    pub(super) sentence: Range<usize>,
    /// Its words, in block offsets.
    pub(super) words: Vec<Range<usize>>,
    /// Its web and email addresses, in block offsets.
    pub(super) links: Vec<Range<usize>>,
}

impl<'a> Scan<'a> {
    pub(super) fn new(language: &'static Language, text: &'a str, sentence: &Sentence) -> Scan<'a> {
        let range = sentence.offset..sentence.offset + sentence.len;
        let shift = |word: Range<usize>| word.start + range.start..word.end + range.start;
        let words: Vec<Range<usize>> = word_ranges(&text[range.clone()])
            .into_iter()
            .map(shift)
            .collect();
        let links = words
            .iter()
            .filter(|w| is_link(&text[(*w).clone()]))
            .cloned()
            .collect();
        Scan {
            language,
            block: sentence.block,
            text,
            sentence: range,
            words,
            links,
        }
    }

    pub(super) fn finding(&self, rule: Rule, range: Range<usize>) -> Finding {
        Finding {
            rule,
            block: self.block,
            offset: range.start,
            text: self.text[range].to_string(),
        }
    }

    pub(super) fn in_link(&self, i: usize) -> bool {
        self.links.iter().any(|link| link.contains(&i))
    }

    /// The sentence's text.
    pub(super) fn sentence_text(&self) -> &'a str {
        &self.text[self.sentence.clone()]
    }

    /// A range of the sentence's text as a range of the block.
    pub(super) fn in_block(&self, range: Range<usize>) -> Range<usize> {
        range.start + self.sentence.start..range.end + self.sentence.start
    }

    /// The words that are neither addresses nor numbers, with their text.
    pub(super) fn plain_words(&self) -> impl Iterator<Item = (Range<usize>, &'a str)> + '_ {
        let text = self.text;
        self.words
            .iter()
            .map(move |w| (w.clone(), &text[w.clone()]))
            .filter(|(_, word)| !is_link(word) && word.contains(char::is_alphabetic))
    }

    pub(super) fn long_sentence(&self) -> LongSentence {
        let end = self
            .words
            .get(START_WORDS - 1)
            .map_or(self.sentence.end, |w| w.end);
        LongSentence {
            block: self.block,
            offset: self.sentence.start,
            words: self.words.len(),
            start: self.text[self.sentence.start..end].to_string(),
        }
    }

    pub(super) fn long_words(&self, limits: &Limits) -> Vec<LongWord> {
        let parts = self
            .plain_words()
            .filter(|(_, word)| !word.contains(char::is_numeric));
        let parts = parts.flat_map(|(range, word)| {
            let letter_runs = runs(word, |_, _, c| c.is_alphabetic()).into_iter();
            letter_runs.map(move |part| part.start + range.start..part.end + range.start)
        });
        parts
            .filter(|part| self.text[part.clone()].contains(char::is_lowercase))
            .filter_map(|part| {
                let word = &self.text[part.clone()];
                let letters = word.chars().count();
                let syllables = word_syllables(&self.language.syllables, word);
                let long =
                    letters > limits.max_word_letters || syllables > limits.max_word_syllables;
                long.then(|| LongWord {
                    block: self.block,
                    offset: part.start,
                    word: word.to_string(),
                    letters,
                    syllables,
                })
            })
            .collect()
    }

    /// Everything but the long sentences and words, in order.
    pub(super) fn findings(&self) -> Vec<Finding> {
        let mut out = self.numbers();
        out.extend(self.capitals());
        out.extend(self.percentages());
        out.extend(self.abbreviations());
        out.extend(self.special_characters());
        out.sort_by_key(|finding| (finding.offset, finding.rule));
        out
    }

    /// Roman numerals and numbers in words.
    pub(super) fn numbers(&self) -> Vec<Finding> {
        let rule = |word: &str| {
            if is_roman_numeral(self.language, word) {
                Some(Rule::RomanNumeral)
            } else {
                is_number_in_words(self.language, word).then_some(Rule::NumberInWords)
            }
        };
        self.plain_words()
            .filter_map(|(range, word)| rule(word).map(|rule| self.finding(rule, range)))
            .collect()
    }

    /// Runs of words in capitals: initials when one short word, else capitals.
    pub(super) fn capitals(&self) -> Vec<Finding> {
        let flagged: Vec<(Range<usize>, bool)> = self
            .plain_words()
            .map(|(range, word)| {
                let roman = is_roman_numeral(self.language, word);
                (range, is_in_capitals(word) && !roman && !word.contains('.'))
            })
            .collect();
        let runs = flagged.chunk_by(|a, b| a.1 == b.1).filter(|run| run[0].1);
        runs.map(|run| {
            let range = run[0].0.start..run[run.len() - 1].0.end;
            let letters = self.text[range.clone()]
                .chars()
                .filter(|c| c.is_alphabetic())
                .count();
            let initials = run.len() == 1 && letters <= INITIALS_MAX_LETTERS;
            let rule = if initials {
                Rule::Initials
            } else {
                Rule::Capitals
            };
            self.finding(rule, range)
        })
        .collect()
    }

    /// Percent signs with their numbers, and percent words.
    pub(super) fn percentages(&self) -> Vec<Finding> {
        let sentence = self.sentence_text();
        let signs = sentence
            .char_indices()
            .filter(|(_, c)| PERCENT_SIGNS.contains(c));
        let signs = signs.map(|(i, c)| number_before(sentence, i)..i + c.len_utf8());
        let words = find_phrases(sentence, self.language.percent_words);
        signs
            .chain(words)
            .map(|r| self.in_block(r))
            .filter(|r| !self.in_link(r.end - 1))
            .map(|r| self.finding(Rule::Percentage, r))
            .collect()
    }

    /// Listed abbreviations and dotted letters.
    pub(super) fn abbreviations(&self) -> Vec<Finding> {
        let abbreviations = &self.language.abbreviations;
        let listed: Vec<&str> = [
            abbreviations.inner,
            abbreviations.may_end,
            abbreviations.undotted,
        ]
        .concat();
        let sentence = self.sentence_text();
        let mut found = find_phrases(sentence, &listed);
        found.extend(dotted_abbreviations(sentence));
        found.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
        found.dedup_by_key(|r| r.start);
        found
            .into_iter()
            .map(|r| self.in_block(r))
            .filter(|r| !self.in_link(r.start))
            .map(|r| self.finding(Rule::Abbreviation, r))
            .collect()
    }

    /// Runs of special characters.
    pub(super) fn special_characters(&self) -> Vec<Finding> {
        runs(self.sentence_text(), |_, _, c| {
            SPECIAL_CHARACTERS.contains(&c)
        })
        .into_iter()
        .map(|r| self.in_block(r))
        .filter(|r| !self.in_link(r.start))
        .map(|r| self.finding(Rule::SpecialCharacter, r))
        .collect()
    }
}

/// Where the number before the percent sign at `i` starts (`50 %`), or `i` without one.
pub(super) fn number_before(text: &str, i: usize) -> usize {
    let head = text[..i].trim_end();
    let is_number =
        |c: char| c.is_ascii_digit() || ",.".contains(c) || DIGIT_GROUP_SPACES.contains(&c);
    let stem = head.trim_end_matches(is_number);
    head[stem.len()..]
        .find(|c: char| c.is_ascii_digit())
        .map_or(i, |k| stem.len() + k)
}

/// The dotted letters of `text`: `S.N.C.F.`, `a.s.b.l.`, `z.B.`, `e.g.`.
pub(super) fn dotted_abbreviations(text: &str) -> Vec<Range<usize>> {
    let dotted = |chunk: Range<usize>| {
        let s = &text[chunk.clone()];
        let core = s.trim_start_matches(|c: char| !c.is_alphanumeric());
        let lead = s.len() - core.len();
        let core = core.trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.');
        let segments = letter_segments(core.trim_end_matches('.'), 3);
        let is_abbreviation = segments.is_some_and(|n| n >= 2) && !core.contains('-');
        is_abbreviation.then(|| chunk.start + lead..chunk.start + lead + core.len())
    };
    chunks(text).into_iter().filter_map(dotted).collect()
}

/// Whether `word` is a Roman numeral (see [`Rule::RomanNumeral`]).
pub(super) fn is_roman_numeral(language: &Language, word: &str) -> bool {
    let numeral_end = word
        .find(|c: char| !"IVXLCDM".contains(c))
        .unwrap_or(word.len());
    let (numeral, suffix) = word.split_at(numeral_end);
    if roman_value(numeral).is_none() {
        return false;
    }
    if suffix.is_empty() {
        numeral.len() >= 2 && !ROMAN_LOOKALIKES.contains(&numeral)
    } else {
        let one_letter_ok = numeral.len() >= 2 || ["I", "V", "X"].contains(&numeral);
        language.ordinal_suffixes.contains(&suffix) && one_letter_ok
    }
}

/// The value of a Roman numeral written in the standard form (`XIV`, not `XIIII`), or `None`.
pub(super) fn roman_value(numeral: &str) -> Option<u32> {
    let mut rest = numeral;
    let mut value = 0;
    for (amount, letters) in ROMAN {
        while let Some(after) = rest.strip_prefix(letters) {
            value += amount;
            rest = after;
        }
    }
    (rest.is_empty() && value > 0 && to_roman(value) == numeral).then_some(value)
}

/// `value` in Roman numerals.
pub(super) fn to_roman(mut value: u32) -> String {
    let mut out = String::new();
    for (amount, letters) in ROMAN {
        while value >= amount {
            out.push_str(letters);
            value -= amount;
        }
    }
    out
}

/// Whether `word` is a number written in words: each of its hyphenated parts is a number word.
pub(super) fn is_number_in_words(language: &Language, word: &str) -> bool {
    let is_number_word = |part: &str| {
        let part = part.to_lowercase();
        language
            .number_words
            .split_whitespace()
            .any(|number| number == part)
    };
    !word.contains(char::is_numeric) && word.split('-').all(is_number_word)
}
