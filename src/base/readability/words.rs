//! Words, counted as Flesch counted them, and their syllables, found with spelling rules.

use std::ops::Range;

use super::languages::*;

/// Characters that separate words besides spaces.
pub(super) const WORD_SEPARATORS: [char; 3] = ['—', '–', '…'];
/// Spaces that group the digits of a number (`10 000`): no-break, narrow no-break, thin.
pub(super) const DIGIT_GROUP_SPACES: [char; 3] = ['\u{a0}', '\u{202f}', '\u{2009}'];

/// The maximal runs of characters of `text` that `keep` accepts; `keep` sees the text, the
/// character's offset and the character.
pub(super) fn runs(text: &str, keep: impl Fn(&str, usize, char) -> bool) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (keep(text, i, c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    out.extend(start.map(|s| s..text.len()));
    out
}

/// The pieces of `text` between spaces and dashes; a space that groups digits joins them.
pub(super) fn chunks(text: &str) -> Vec<Range<usize>> {
    runs(text, |text, i, c| {
        let separator = c.is_whitespace() || WORD_SEPARATORS.contains(&c);
        !separator || joins_digits(text, i, c)
    })
}

/// Whether the character `c` at `i` is a space that groups digits (`10 000`).
pub(super) fn joins_digits(text: &str, i: usize, c: char) -> bool {
    let digit_before = text[..i]
        .chars()
        .next_back()
        .is_some_and(|b| b.is_ascii_digit());
    let digit_after = text[i + c.len_utf8()..].starts_with(|a: char| a.is_ascii_digit());
    DIGIT_GROUP_SPACES.contains(&c) && digit_before && digit_after
}

/// The words of `text`: its chunks that hold a letter or a digit, without the punctuation
/// around them.
pub(super) fn word_ranges(text: &str) -> Vec<Range<usize>> {
    let trim = |chunk: Range<usize>| {
        let s = &text[chunk.clone()];
        let start = s.find(char::is_alphanumeric)?;
        let (last, c) = s.char_indices().rev().find(|(_, c)| c.is_alphanumeric())?;
        Some(chunk.start + start..chunk.start + last + c.len_utf8())
    };
    chunks(text).into_iter().filter_map(trim).collect()
}

/// Whether `word` is a web or email address.
pub(super) fn is_link(word: &str) -> bool {
    let email = word
        .split_once('@')
        .is_some_and(|(user, host)| !user.is_empty() && host.contains('.'));
    email || word.contains("://") || word.to_lowercase().starts_with("www.")
}

/// Whether `word` is written in capitals: two letters or more, none in lower case.
pub(super) fn is_in_capitals(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !word.chars().any(char::is_lowercase)
}

// ------------------------------------------------------------------------------------------
// Syllables
// ------------------------------------------------------------------------------------------

/// The longest word in capitals that is spelled out letter by letter (`HTML`).
pub(super) const SPELLED_MAX_LETTERS: usize = 4;

/// The syllables of a word: its digits, and its letter parts (between apostrophes, hyphens...)
/// counted by the rules; a short word in capitals or a word without vowels is spelled out.
pub(super) fn word_syllables(rules: &SyllableRules, word: &str) -> usize {
    let digits = word.chars().filter(|c| c.is_numeric()).count();
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let spelled = (2..=SPELLED_MAX_LETTERS).contains(&letters) && is_in_capitals(word);
    let voiced = runs(word, |_, _, c| c.is_alphabetic())
        .into_iter()
        .map(|part| part_syllables(rules, &word[part]))
        .sum::<usize>();
    let spoken = if spelled || voiced == 0 {
        letters
    } else {
        voiced
    };
    (digits + spoken).max(1)
}

/// The syllables of a run of letters: its vowel groups, split where a rule says so, less a
/// silent ending.
pub(super) fn part_syllables(rules: &SyllableRules, part: &str) -> usize {
    let letters = Letters::new(rules, part);
    let nuclei = split_nuclei(rules, &letters, nuclei(rules, &letters));
    nuclei.len() - silent_ending(rules, &letters, &nuclei, part)
}

/// A run of letters in lower case, with what the rules make of each.
pub(super) struct Letters {
    /// The letters, a letter with a hiatus diaeresis replaced by its plain vowel.
    pub(super) chars: Vec<char>,
    /// Whether each letter had a hiatus diaeresis: it starts a new syllable.
    pub(super) breaks: Vec<bool>,
    /// Whether each letter is a vowel here.
    pub(super) vowel: Vec<bool>,
}

impl Letters {
    pub(super) fn new(rules: &SyllableRules, part: &str) -> Letters {
        let (chars, breaks): (Vec<char>, Vec<bool>) = part
            .chars()
            .flat_map(char::to_lowercase)
            .map(
                |c| match rules.hiatus.iter().find(|(marked, _)| *marked == c) {
                    Some(&(_, plain)) => (plain, true),
                    None => (c, false),
                },
            )
            .unzip();
        let vowel = (0..chars.len())
            .map(|i| is_vowel(rules, &chars, i))
            .collect();
        Letters {
            chars,
            breaks,
            vowel,
        }
    }

    /// Whether the letters from `i` spell `unit`, no hiatus inside.
    pub(super) fn spell(&self, i: usize, unit: &str) -> bool {
        (i..)
            .zip(unit.chars())
            .all(|(k, u)| self.chars.get(k) == Some(&u) && (k == i || !self.breaks[k]))
    }

    /// Whether the letters from `i` to the end are `tail`.
    pub(super) fn end_is(&self, i: usize, tail: &str) -> bool {
        self.chars
            .get(i..)
            .is_some_and(|rest| rest.iter().copied().eq(tail.chars()))
    }
}

/// Whether the letter at `i` is a vowel here: a silent `u` or an initial `y` may not be.
pub(super) fn is_vowel(rules: &SyllableRules, chars: &[char], i: usize) -> bool {
    let c = chars[i];
    if !rules.vowels.contains(c) {
        return false;
    }
    if c == 'y' && i == 0 && rules.initial_y_consonant {
        return false;
    }
    let silent_u = |&(after, before): &(char, &str)| {
        let next_fits = before.is_empty() || chars.get(i + 1).is_some_and(|n| before.contains(*n));
        i > 0 && chars[i - 1] == after && next_fits
    };
    !(c == 'u' && rules.silent_u.iter().any(silent_u))
}

/// The syllable nuclei of `letters`: the ranges of its vowel groups.
pub(super) fn nuclei(rules: &SyllableRules, letters: &Letters) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < letters.chars.len() {
        if !letters.vowel[i] {
            i += 1;
            continue;
        }
        let len = match rules.grouping {
            Grouping::Runs => {
                let more = letters.vowel[i + 1..].iter().zip(&letters.breaks[i + 1..]);
                1 + more
                    .take_while(|&(&vowel, &hiatus)| vowel && !hiatus)
                    .count()
            }
            Grouping::Units(units) => units
                .iter()
                .filter(|unit| letters.spell(i, unit))
                .map(|unit| unit.chars().count())
                .fold(1, usize::max),
        };
        out.push(i..i + len);
        i += len;
    }
    out
}

/// `nuclei` cut in two wherever a [`Split`] rule applies.
pub(super) fn split_nuclei(
    rules: &SyllableRules,
    letters: &Letters,
    nuclei: Vec<Range<usize>>,
) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for nucleus in nuclei {
        let mut start = nucleus.start;
        for k in nucleus.start..nucleus.end - 1 {
            if rules.splits.iter().any(|split| split.applies(letters, k)) {
                out.push(start..k + 1);
                start = k + 1;
            }
        }
        out.push(start..nucleus.end);
    }
    out
}

impl Split {
    /// Whether the letters at `k` and `k + 1` are this pair and are two syllables.
    pub(super) fn applies(&self, letters: &Letters, k: usize) -> bool {
        let after_ok = k == 0 || !self.not_after.contains(letters.chars[k - 1]);
        let rest_ok = self.rest.is_empty() || self.rest.iter().any(|r| letters.end_is(k + 2, r));
        letters.spell(k, self.pair) && after_ok && rest_ok
    }
}

/// 1 when the word ends with a silent `e` that counted as a syllable, else 0.
pub(super) fn silent_ending(
    rules: &SyllableRules,
    letters: &Letters,
    nuclei: &[Range<usize>],
    part: &str,
) -> usize {
    let part = part.to_lowercase();
    if rules.pronounced.split_whitespace().any(|word| word == part) {
        return 0;
    }
    usize::from(
        rules
            .silent_e
            .iter()
            .any(|rule| rule.applies(rules, letters, nuclei)),
    )
}

impl SilentE {
    /// Whether the word ends with this silent ending, its `e` a syllable of its own and not the
    /// word's only one.
    pub(super) fn applies(
        &self,
        rules: &SyllableRules,
        letters: &Letters,
        nuclei: &[Range<usize>],
    ) -> bool {
        let Some(e) = letters
            .chars
            .len()
            .checked_sub(self.tail.chars().count() + 1)
        else {
            return false;
        };
        let stem = &letters.chars[..e];
        letters.chars[e] == 'e'
            && !letters.breaks[e]
            && letters.end_is(e + 1, self.tail)
            && nuclei.contains(&(e..e + 1))
            && nuclei.first().is_some_and(|first| first.end <= e)
            && !self
                .unless_after
                .iter()
                .any(|after| stem_ends_with(rules, stem, after))
    }
}

/// Whether `stem` ends with `pattern`, where `C` stands for a consonant other than `l`.
pub(super) fn stem_ends_with(rules: &SyllableRules, stem: &[char], pattern: &str) -> bool {
    let pattern: Vec<char> = pattern.chars().collect();
    let Some(start) = stem.len().checked_sub(pattern.len()) else {
        return false;
    };
    let consonant = |c: char| c != 'l' && c.is_alphabetic() && !rules.vowels.contains(c);
    stem[start..]
        .iter()
        .zip(&pattern)
        .all(|(&c, &p)| if p == 'C' { consonant(c) } else { c == p })
}
