//! Tests of the readability module: sentence splitting, words, syllables, scores and the
//! easy-to-read checks, per language.

use super::*;

/// The texts of the sentences of `blocks`.
fn texts<'a>(lang: &str, blocks: &[&'a str]) -> Vec<&'a str> {
    sentences(lang, blocks)
        .iter()
        .map(|s| s.text(blocks))
        .collect()
}

/// The rule and text of each finding of `text`.
fn findings(lang: &str, text: &str) -> Vec<(Rule, String)> {
    let analysis = analyse(lang, &[text], &Limits::default());
    analysis
        .findings
        .into_iter()
        .map(|f| (f.rule, f.text))
        .collect()
}

/// `(rule, text)` pairs, for the expected side of [`findings`].
fn expected(pairs: &[(Rule, &str)]) -> Vec<(Rule, String)> {
    pairs
        .iter()
        .map(|&(rule, text)| (rule, text.to_string()))
        .collect()
}

/// Checks the syllables of each word, listing every miss at once.
fn check_syllables(lang: &str, table: &[(&str, usize)]) {
    let misses: Vec<String> = table
        .iter()
        .filter(|(word, count)| syllables(lang, word) != *count)
        .map(|(word, count)| format!("{word}: {} instead of {count}", syllables(lang, word)))
        .collect();
    assert!(misses.is_empty(), "{lang}: {misses:?}");
}

fn assert_close(actual: Option<f64>, expected: f64) {
    let actual = actual.expect("a score");
    assert!((actual - expected).abs() < 1e-9, "{actual} != {expected}");
}

mod checks;
mod scores;
mod sentences;
mod words;
