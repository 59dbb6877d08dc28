//! How easy a plain text is to read, in French, Dutch, English and German.
//!
//! [`analyse`] takes the blocks of a page (paragraphs, list items, headings: plain text, one
//! string each, or several in one string separated by a blank line) and returns an
//! [`Analysis`]: how many sentences, words and syllables they hold, the reading-ease score of
//! the formula published for the language, and what the easy-to-read guidelines ask an author to
//! look at again (long sentences, long words, Roman numerals, percentages...). Every place it
//! reports keeps the index of its block and its byte offset in that block, so that a caller can
//! map it back to a line. [`sentences`], [`count_words`], [`syllables`], [`reading_ease`] and
//! [`Band`] give the parts on their own.
//!
//! The module needs the standard library only. What differs between languages (abbreviations,
//! vowel spellings, silent endings, formula constants, labels, number words) is data, one table
//! per language in `languages.rs`; the code is shared (`sentences.rs`, `words.rs`, `checks.rs`). A language other than `fr`, `nl`,
//! `en` and `de` (region subtags such as `fr-BE` are ignored) gets counts with generic rules and
//! no score.
//!
//! # Sentences
//!
//! A block always ends a sentence, even without a final point (list items often have none), and
//! so does a blank line inside a block (`"\n\n"`, also with spaces or `\r` on the blank line) or a
//! U+2029 paragraph separator. Inside a paragraph, a sentence ends after `.`, `!`, `?`, `…` or
//! `...` (or a run of them: `?!`) and the closing quotes and brackets that follow them (also
//! after a space, as French writes `« Viens ! »`), when a space or a line break comes next and
//! the next word does not start with a lower-case letter (`« Tu viens ? » dit-il.` is one
//! sentence). A single line break is a space. A colon never ends a sentence, not even before a
//! line break: the list it introduces belongs to the same sentence unless its items are blocks
//! of their own. A period does not end a sentence:
//!
//! - inside a number or an address (`3.5`, `www.exemple.fr`, `ana@exemple.be`): no space follows;
//! - after an abbreviation of the language's table (`M.`, `p. ex.`, `c.-à-d.`, `bijv.`, `d.w.z.`,
//!   `e.g.`, `Dr.`, `z. B.`), except those that may close a sentence (`etc.`, `enz.`, `usw.`)
//!   when a capital follows;
//! - after initials: one capital letter (`J. Dupont`) or dotted letters (`J.-P.`, `U.S.`);
//! - in German, after a number of one or two digits, which is an ordinal (`am 3. Mai`).
//!
//! Any kind of space may stand before `?`, `!`, `:` and `;` (French typography puts U+202F or
//! U+00A0 there): it changes nothing. A piece without any letter (a list number `1.`, a lone
//! `...`) joins the sentence that follows it.
//!
//! # Words
//!
//! Words are counted as Flesch counted them: a word is what stands between spaces and holds at
//! least one letter or digit, with the punctuation around it taken off. So an elided or
//! contracted form is one word (`c'est`, `l'ordinateur`, `aujourd'hui`, `don't`, `auto's`), so
//! is a hyphenated compound (`c'est-à-dire`, `e-mail`), a number (`3,5`; `10 000` when a
//! no-break or thin space groups its digits), an abbreviation (`e.g.`, but `p. ex.` is two) and
//! an address (`https://exemple.fr/aide`, `ana@exemple.be`). Dashes (`—`, `–`) and `…` separate
//! words like spaces. French gets no exception: Kandel & Moles kept Flesch's way of counting and
//! refitted only the constants, so `c'est` is one word of one syllable, not two words; the
//! elided letter has no syllable of its own either way, so only the words per sentence change,
//! by little.
//!
//! # Syllables
//!
//! Syllables are those of the spoken word, as the formulas ask, found with spelling rules:
//!
//! - Vowel letters group into one syllable each. French, Dutch and German list the spellings
//!   that make one sound (French `eau`, `ou`, `oi`, `ai`, `eu`, `ie`...; Dutch `aa`, `ij`, `ei`,
//!   `oe`, `ui`, `eeu`, `ieu`, `oei`...; German `ei`, `ie`, `eu`, `äu`...) and count every
//!   other vowel on its own (Dutch `i-de-aal`, German `In-for-ma-ti-on`). English counts each
//!   run of vowels as one, then splits the runs that are two syllables in common endings
//!   (`ac-tu-al`, `ra-di-o`, `be-ing`, `eas-i-er`).
//! - A diaeresis starts a new syllable in French and Dutch (`ma-ïs`, `ru-ï-ne`, `be-ëin-di-gen`).
//! - The `u` of `qu` is silent, and in French that of `gu` before `e`, `i` or `y` (`guerre`).
//! - French: a final `e`, `es` or `ent` whose `e` is a vowel group of its own is silent (`table`
//!   1, `vue` 1, `joues` 1, `utilisent` 3; `vie` keeps its `ie`), except `-ment` and a list of
//!   nouns and adjectives in `-ent` (`souvent`, `parent`, `urgent`). This is the hard part: a
//!   verb in `-ment` (`aiment`) is counted one too many, a noun in `-ent` missing from the list
//!   one too few, and an internal mute `e` (`rapidement` 4) is counted, as careful reading says
//!   it. `i` before a vowel joins it (`nation` 2, `lion` 1, `client` 1).
//! - English: a final `e` is silent unless after a consonant and `l` (`table` 2), so is the `e`
//!   of `-es` (but not after `c`, `g`, `s`, `x`, `z`, `ch`, `sh`), of `-ed` (but not after `t`,
//!   `d`) and before `-ly`, `-ment`, `-ful`, `-less`, `-ness` (`safely` 2). Compounds with a
//!   silent `e` inside (`sometimes`, `homepage`) are counted one too many, and words with two
//!   vowels that are two syllables outside the split rules (`create`, `idea`) one too few.
//! - Loanwords follow the rules of the language that borrows them (Dutch `website` 3).
//! - A word of 2 to 4 letters written in capitals is spelled out (`PDF` 3, `USB` 3); a word
//!   without vowels counts one syllable per letter; each digit counts one (`2024` counts 4,
//!   where speech has 5); every word has at least one syllable.
//!
//! Such rules get most words right, not all (see the tests); over a page the errors mostly
//! cancel out.
//!
//! # Scores
//!
//! Each language has the adaptation of Flesch's reading ease published for it, whose constants
//! are cited on [`reading_ease`]. All are read on Flesch's scale (0–100, higher is easier) with
//! his bands, which [`Band`] maps to a label and an approximate school level.
//!
//! # Easy-to-read checks
//!
//! Sentences over [`Limits::max_sentence_words`] and words over [`Limits::max_word_letters`] or
//! [`Limits::max_word_syllables`] are listed apart ([`LongSentence`], [`LongWord`]); [`Rule`]
//! lists the other rules of the easy-to-read guidelines that can be counted in plain text, each
//! with the guideline it implements. Left out: the passive voice (in French and English it
//! takes a part-of-speech tagger: `il est allé` and `she is interested` are not passive), italics
//! and underlining (not visible in plain text), one sentence per line (the page layout decides),
//! and difficult or foreign words (they take a word list; [`LongWord`] gives lengths only).
//!
//! Text is expected in Unicode composed form (NFC), as Markdown files usually are.

mod checks;
mod languages;
mod sentences;
mod types;
mod words;

use checks::*;
use languages::*;
use sentences::*;
use words::*;

pub use types::{Analysis, Band, Finding, Limits, LongSentence, LongWord, Rule, Sentence};

// ------------------------------------------------------------------------------------------
// Public API
// ------------------------------------------------------------------------------------------

/// Analyses `blocks`, written in `lang` (`"fr"`, `"nl"`, `"en"`, `"de"`, with or without a
/// region: `"fr-BE"`), with the `limits` of the easy-to-read checks.
///
/// For "Un mot de passe solide est long. Il mélange des mots sans lien entre eux." in French it
/// finds 2 sentences, 15 words and 17 syllables, a score of 116.0, "très facile", and nothing
/// to change.
pub fn analyse(lang: &str, blocks: &[&str], limits: &Limits) -> Analysis {
    let language = language(lang);
    let sentences = split_blocks(language, blocks);
    let mut analysis = Analysis::counts(language, &sentences);
    for sentence in &sentences {
        let scan = Scan::new(language, blocks[sentence.block], sentence);
        if sentence.words > limits.max_sentence_words {
            analysis.long_sentences.push(scan.long_sentence());
        }
        analysis.long_words.extend(scan.long_words(limits));
        analysis.findings.extend(scan.findings());
    }
    analysis
}

/// The sentences of `blocks`, written in `lang`, in order (see the module documentation for
/// where a sentence ends).
pub fn sentences(lang: &str, blocks: &[&str]) -> Vec<Sentence> {
    split_blocks(language(lang), blocks)
}

/// How many words `text` has, counted as the readability formulas count them (see the module
/// documentation).
pub fn count_words(text: &str) -> usize {
    word_ranges(text).len()
}

/// How many syllables `word` has when spoken in `lang`, estimated from its spelling (see the
/// module documentation). A word is at least one syllable.
pub fn syllables(lang: &str, word: &str) -> usize {
    word_syllables(&language(lang).syllables, word)
}

/// The reading-ease score of a text in `lang` with that many sentences, words and syllables, or
/// `None` for another language or when there is no sentence or no word. Higher is easier; the
/// formulas are Flesch's reading ease refitted for each language, with W/S the words per
/// sentence and Sy/W the syllables per word:
///
/// - French, Kandel & Moles (1958), "Application de l'indice de Flesch à la langue française",
///   *Cahiers Études de Radio-Télévision* 19: 207 − 1.015 × W/S − 73.6 × Sy/W.
/// - Dutch, Douma (1960), *De leesbaarheid van landbouwbladen*, Landbouwhogeschool
///   Wageningen: 206.835 − 0.93 × W/S − 77 × Sy/W.
/// - English, Flesch (1948), "A new readability yardstick", *Journal of Applied Psychology*
///   32(3): 206.835 − 1.015 × W/S − 84.6 × Sy/W.
/// - German, Amstad (1978), *Wie verständlich sind unsere Zeitungen?*, Universität Zürich:
///   180 − W/S − 58.5 × Sy/W.
pub fn reading_ease(lang: &str, sentences: usize, words: usize, syllables: usize) -> Option<f64> {
    language(lang)
        .formula
        .as_ref()?
        .score(sentences, words, syllables)
}

#[cfg(test)]
mod tests;

/// The name of the reading-ease formula of `lang` ("Kandel & Moles" for French,
/// "Flesch–Douma" for Dutch, "Flesch" for English, "Amstad" for German), or `None`.
pub fn formula_name(lang: &str) -> Option<&'static str> {
    language(lang).formula.as_ref().map(|formula| formula.name)
}
