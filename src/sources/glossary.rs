//! The glossary: words of the digital world defined once per language in
//! `glossary/<lang>.yaml`. Their first use in each page links to the definition, which also
//! shows beside the word on hover or focus; each language gets a glossary page.
//!
//! ```yaml
//! - term: "navigateur"
//!   also: ["navigateurs"]
//!   definition: "Le programme qui ouvre les sites internet : Chrome, Firefox, Safari..."
//! ```

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::base::diagnostic::{Checked, Diagnostic, Diagnostics};
use crate::base::files::read_optional;
use crate::base::text::slugify;
use crate::base::yaml::{self, Spanned};
use crate::sources::config::SiteConfig;

/// The folder of glossary files inside a site.
pub const GLOSSARY_DIR: &str = "glossary";

/// A defined word.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    /// The word as the glossary page shows it.
    pub term: String,
    /// Its anchor on the glossary page.
    pub slug: String,
    /// What it means, in one or two plain sentences.
    pub definition: String,
    /// The forms a page may use ("navigateur", "navigateurs"), in lower case.
    pub forms: Vec<String>,
}

/// The terms of every language, each list in alphabetical order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Glossary {
    by_language: BTreeMap<String, Vec<Term>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTerm {
    term: Spanned<String>,
    #[serde(default)]
    also: Vec<String>,
    definition: String,
}

impl Glossary {
    /// Reads `glossary/<lang>.yaml` for each language that has one.
    pub fn load(root: &Path, config: &SiteConfig) -> Checked<Glossary> {
        let mut glossary = Glossary::default();
        let mut problems = Diagnostics::new();
        for lang in config.languages.keys() {
            let file = Path::new(GLOSSARY_DIR).join(format!("{lang}.yaml"));
            let read = read_optional(root, &file).and_then(|text| {
                yaml::parse::<Option<Vec<RawTerm>>>(&text, &file, 1).map_problems(|problem| problem.with_hint(
                    "the glossary is a list of `- term: \"...\"` with a `definition:` and optional `also: [...]` forms",
                ))
            });
            if let Some(raw) = problems.take(read) {
                let terms = problems.take(terms(raw.unwrap_or_default(), &file));
                glossary.by_language.insert(lang.clone(), terms);
            }
        }
        Checked::new(glossary, problems)
    }

    /// The terms of `lang`, alphabetical.
    pub fn terms(&self, lang: &str) -> &[Term] {
        self.by_language.get(lang).map_or(&[], Vec::as_slice)
    }
}

/// The terms of one file, checked (each once, none empty) and in alphabetical order.
fn terms(raw: Vec<RawTerm>, file: &Path) -> Checked<Vec<Term>> {
    let mut problems = Diagnostics::new();
    let mut terms: Vec<Term> = Vec::new();
    for entry in raw {
        let line = yaml::line_of(&entry.term, 1).unwrap_or(1);
        let term = entry.term.value.trim().to_string();
        let definition = entry.definition.trim().to_string();
        if term.is_empty() || definition.is_empty() {
            problems.push(
                Diagnostic::error(file, "a glossary entry has an empty term or definition")
                    .at_line(line)
                    .with_hint("write the word after `term:` and its meaning after `definition:`"),
            );
            continue;
        }
        if terms
            .iter()
            .any(|t| t.term.to_lowercase() == term.to_lowercase())
        {
            problems.push(
                Diagnostic::error(file, format!("\"{term}\" is defined twice"))
                    .at_line(line)
                    .with_hint("keep one definition, and list other spellings under `also:`"),
            );
            continue;
        }
        let forms = std::iter::once(&term)
            .chain(&entry.also)
            .map(|f| f.trim().to_lowercase())
            .filter(|f| !f.is_empty())
            .collect();
        terms.push(Term {
            slug: slugify(&term),
            term,
            definition,
            forms,
        });
    }
    terms.sort_by_key(|t| t.term.to_lowercase());
    Checked::new(terms, problems)
}

/// Where the first form of any term not yet `used` starts in `text`, as a whole word, case
/// ignored: (start, end in bytes, the term's index). Longer forms win over shorter ones.
pub fn find(terms: &[Term], text: &str, used: &[bool]) -> Option<(usize, usize, usize)> {
    let lower = text.to_lowercase();
    if lower.len() != text.len() {
        // Lower-casing changed byte offsets (rare letters): match case-sensitively instead.
        return find_in(terms, text, text, used);
    }
    find_in(terms, text, &lower, used)
}

fn find_in(
    terms: &[Term],
    text: &str,
    haystack: &str,
    used: &[bool],
) -> Option<(usize, usize, usize)> {
    let mut best: Option<(usize, usize, usize)> = None;
    for (index, term) in terms.iter().enumerate().filter(|(i, _)| !used[*i]) {
        for form in &term.forms {
            let mut from = 0;
            while let Some(at) = haystack[from..].find(form.as_str()) {
                let start = from + at;
                let end = start + form.len();
                let before = text[..start].chars().next_back();
                let after = text[end..].chars().next();
                if !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric)
                {
                    let better = match best {
                        None => true,
                        Some((s, e, _)) => start < s || (start == s && end > e),
                    };
                    if better {
                        best = Some((start, end, index));
                    }
                    break;
                }
                from = start + form.len().max(1);
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn term(term: &str, also: &[&str]) -> Term {
        Term {
            term: term.into(),
            slug: slugify(term),
            definition: "d".into(),
            forms: std::iter::once(term)
                .chain(also.iter().copied())
                .map(str::to_lowercase)
                .collect(),
        }
    }

    #[test]
    fn finds_the_first_whole_word_and_prefers_longer_forms() {
        let terms = [term("mot de passe", &["mots de passe"]), term("mot", &[])];
        let text = "Un motif, puis vos Mots de passe et un mot.";
        let (start, end, index) = find(&terms, text, &[false, false]).unwrap();
        assert_eq!((&text[start..end], index), ("Mots de passe", 0));
        let (start, end, index) = find(&terms, text, &[true, false]).unwrap();
        assert_eq!((&text[start..end], index), ("mot", 1));
        assert!(find(&terms, "motif", &[false, false]).is_none());
    }

    #[test]
    fn entries_are_checked_and_sorted() {
        let raw: Vec<RawTerm> = yaml::parse(
            "- term: \"Wifi\"\n  definition: \"Sans fil.\"\n- term: \"appli\"\n  definition: \"Programme.\"\n- term: \"wifi\"\n  definition: \"Encore.\"\n- term: \"vide\"\n  definition: \" \"\n",
            Path::new("g.yaml"),
            1,
        )
        .value
        .unwrap();
        let Checked {
            value: terms,
            problems,
        } = terms(raw, Path::new("glossary/fr.yaml"));
        assert_eq!(
            terms.iter().map(|t| t.term.as_str()).collect::<Vec<_>>(),
            ["appli", "Wifi"]
        );
        assert_eq!(problems.len(), 2);
        assert_eq!(problems[0].line, Some(5));
        assert!(problems[0].message.contains("defined twice"));
        assert_eq!(problems[1].line, Some(7));
    }
}
