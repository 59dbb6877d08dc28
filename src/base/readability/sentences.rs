//! Where sentences end, and matching written phrases (abbreviations, percentages).

use std::ops::Range;

use super::languages::*;
use super::types::Sentence;
use super::words::*;

/// What ends a sentence.
pub(super) const TERMINATORS: [char; 5] = ['.', '!', '?', '…', '‽'];
/// What may close a sentence after its final punctuation.
pub(super) const CLOSERS: [char; 8] = ['"', '\'', '»', '”', '’', '›', ')', ']'];
/// Closers that may also follow a space (French spacing: `Viens ! »`).
pub(super) const SPACED_CLOSERS: [char; 5] = ['»', '”', '›', ')', ']'];
/// The paragraph separator.
pub(super) const PARAGRAPH_SEPARATOR: char = '\u{2029}';

/// The sentences of `blocks`, measured.
pub(super) fn split_blocks(language: &Language, blocks: &[&str]) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (block, text) in blocks.iter().enumerate() {
        for paragraph in paragraphs(text) {
            for range in paragraph_sentences(language, text, paragraph) {
                out.push(measure(language, block, text, range));
            }
        }
    }
    out
}

/// The sentence of `text` in `range`, with its words and syllables counted.
pub(super) fn measure(
    language: &Language,
    block: usize,
    text: &str,
    range: Range<usize>,
) -> Sentence {
    let sentence = &text[range.clone()];
    let words = word_ranges(sentence);
    let syllables = words
        .iter()
        .map(|word| word_syllables(&language.syllables, &sentence[word.clone()]))
        .sum();
    Sentence {
        block,
        offset: range.start,
        len: range.len(),
        words: words.len(),
        syllables,
    }
}

/// The paragraphs of `text`, trimmed: a blank line or U+2029 ends one.
pub(super) fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut current: Option<Range<usize>> = None;
    let mut line_start = 0;
    for (i, c) in text.char_indices().chain([(text.len(), '\n')]) {
        if c != '\n' && c != PARAGRAPH_SEPARATOR {
            continue;
        }
        let line = trim_range(text, line_start..i);
        line_start = i + c.len_utf8();
        if line.is_empty() {
            out.extend(current.take());
            continue;
        }
        current = Some(current.map_or(line.clone(), |paragraph| paragraph.start..line.end));
        if c == PARAGRAPH_SEPARATOR {
            out.extend(current.take());
        }
    }
    out.extend(current);
    out
}

/// `range` without the spaces at its ends.
pub(super) fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.end - (slice.len() - slice.trim_end().len());
    start..end.max(start)
}

/// The sentences of the paragraph of `text` in `paragraph`.
pub(super) fn paragraph_sentences(
    language: &Language,
    text: &str,
    paragraph: Range<usize>,
) -> Vec<Range<usize>> {
    let p = &text[paragraph.clone()];
    let mut cuts = vec![0];
    let mut i = 0;
    while let Some(c) = p[i..].chars().next() {
        if !TERMINATORS.contains(&c) {
            i += c.len_utf8();
            continue;
        }
        let (run_end, end) = terminator_end(p, i);
        if ends_sentence(language, p, i..run_end, end) {
            cuts.push(end);
        }
        i = end;
    }
    cuts.push(p.len());
    let pieces = cuts.windows(2).map(|cut| trim_range(p, cut[0]..cut[1]));
    let pieces = pieces.filter(|piece| !piece.is_empty());
    let shift = |piece: Range<usize>| piece.start + paragraph.start..piece.end + paragraph.start;
    merge_letterless(p, pieces).into_iter().map(shift).collect()
}

/// Where the run of final punctuation that starts at `i` ends, and where the closing quotes and
/// brackets after it end.
pub(super) fn terminator_end(p: &str, i: usize) -> (usize, usize) {
    let run_end = p[i..]
        .find(|c: char| !TERMINATORS.contains(&c))
        .map_or(p.len(), |k| i + k);
    let mut end = run_end;
    loop {
        let rest = &p[end..];
        let after_space = rest.trim_start();
        end += match (rest.chars().next(), after_space.chars().next()) {
            (Some(c), _) if CLOSERS.contains(&c) => c.len_utf8(),
            (Some(c), Some(k)) if c.is_whitespace() && SPACED_CLOSERS.contains(&k) => {
                rest.len() - after_space.len() + k.len_utf8()
            }
            _ => break,
        };
    }
    (run_end, end)
}

/// Whether the punctuation `run`, closed at `end`, ends a sentence of the paragraph `p`.
pub(super) fn ends_sentence(language: &Language, p: &str, run: Range<usize>, end: usize) -> bool {
    let after = &p[end..];
    if after.is_empty() {
        return true;
    }
    if !after.starts_with(char::is_whitespace) || after.trim_start().starts_with(char::is_lowercase)
    {
        return false;
    }
    &p[run.clone()] != "." || period_ends_sentence(language, p, run.start)
}

/// Whether the period at `dot`, followed by a space and no lower-case letter, ends a sentence.
pub(super) fn period_ends_sentence(language: &Language, p: &str, dot: usize) -> bool {
    if let Some(may_end) = abbreviation_ending(&language.abbreviations, &p[..=dot], &p[dot + 1..]) {
        return may_end;
    }
    let word = p[..dot]
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or_default();
    !(is_initials(word) || language.ordinal_dot && is_ordinal_number(word))
}

/// Whether the period at the end of `before` belongs to an abbreviation: `Some(true)` when it
/// ends one that may end a sentence, `Some(false)` when it ends another one or stands inside
/// one (`p.` of `p. ex.`), `None` when it belongs to none.
pub(super) fn abbreviation_ending(
    abbreviations: &Abbreviations,
    before: &str,
    after: &str,
) -> Option<bool> {
    let inner = abbreviations.inner.iter().map(|phrase| (phrase, false));
    let may_end = abbreviations.may_end.iter().map(|phrase| (phrase, true));
    for (phrase, can_end) in inner.chain(may_end) {
        for (k, _) in phrase.match_indices('.') {
            let (head, tail) = phrase.split_at(k + 1);
            if ends_with_phrase(before, head) && phrase_at(after, tail).is_some() {
                return Some(can_end && tail.is_empty());
            }
        }
    }
    None
}

/// Whether `word` (before a period) is initials: one capital letter (`J`) or dotted letters,
/// one or two each (`J.-P`, `d.w.z`, `U.S`).
pub(super) fn is_initials(word: &str) -> bool {
    let word = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    match letter_segments(word, 2) {
        Some(1) => word.chars().count() == 1 && word.chars().all(char::is_uppercase),
        Some(_) => true,
        None => false,
    }
}

/// How many segments `word` has between its periods when each is 1 to `max` letters (after a
/// leading hyphen: `J.-P`), or `None`.
pub(super) fn letter_segments(word: &str, max: usize) -> Option<usize> {
    let short = |segment: &str| {
        let segment = segment.trim_start_matches('-');
        (1..=max).contains(&segment.chars().count()) && segment.chars().all(char::is_alphabetic)
    };
    word.split('.').all(short).then(|| word.split('.').count())
}

/// Whether `word` is a number of one or two digits.
pub(super) fn is_ordinal_number(word: &str) -> bool {
    (1..=2).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_digit())
}

/// `pieces` of `p`, where each piece without a letter joins the next one (or the last one).
pub(super) fn merge_letterless(
    p: &str,
    pieces: impl Iterator<Item = Range<usize>>,
) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut pending: Option<Range<usize>> = None;
    for piece in pieces {
        let piece = pending
            .take()
            .map_or(piece.clone(), |held| held.start..piece.end);
        if p[piece.clone()].contains(char::is_alphabetic) {
            out.push(piece);
        } else {
            pending = Some(piece);
        }
    }
    match (pending, out.last_mut()) {
        (Some(rest), Some(last)) => last.end = rest.end,
        (Some(rest), None) if p[rest.clone()].contains(char::is_alphanumeric) => out.push(rest),
        _ => {}
    }
    out
}

// ------------------------------------------------------------------------------------------
// Matching written phrases (abbreviations, percentages)
// ------------------------------------------------------------------------------------------

/// The length of `phrase` at the start of `text`, written as is, with a capital first letter, or
/// with any kind of space for each of its spaces; a phrase that ends with a letter must end a
/// word.
pub(super) fn phrase_at(text: &str, phrase: &str) -> Option<usize> {
    let mut chars = text.char_indices();
    for (k, p) in phrase.chars().enumerate() {
        let (_, c) = chars.next()?;
        let capital = k == 0 && c.is_uppercase() && p.to_uppercase().eq([c]);
        if !(c == p || capital || p == ' ' && c.is_whitespace()) {
            return None;
        }
    }
    let end = chars.next().map_or(text.len(), |(i, _)| i);
    let ends_with_letter = phrase.chars().last().is_some_and(char::is_alphanumeric);
    let word_goes_on = text[end..].starts_with(char::is_alphanumeric);
    (!(ends_with_letter && word_goes_on)).then_some(end)
}

/// Whether `text` ends with `phrase` (see [`phrase_at`]), at the start of a word.
pub(super) fn ends_with_phrase(text: &str, phrase: &str) -> bool {
    let n = phrase.chars().count();
    match text.char_indices().rev().nth(n.saturating_sub(1)) {
        Some((start, _)) => {
            is_word_start(text, start)
                && phrase_at(&text[start..], phrase) == Some(text.len() - start)
        }
        None => false,
    }
}

/// Whether a word may start at `i`: no letter or digit stands before it.
pub(super) fn is_word_start(text: &str, i: usize) -> bool {
    !text[..i]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}

/// Where `phrases` stand in `text`, at word starts, the longest at each place, without overlaps.
pub(super) fn find_phrases(text: &str, phrases: &[&str]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(c) = text[i..].chars().next() {
        let longest = is_word_start(text, i)
            .then(|| {
                phrases
                    .iter()
                    .filter_map(|phrase| phrase_at(&text[i..], phrase))
                    .max()
            })
            .flatten();
        match longest {
            Some(len) if len > 0 => {
                out.push(i..i + len);
                i += len;
            }
            _ => i += c.len_utf8(),
        }
    }
    out
}
