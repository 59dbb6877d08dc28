//! Problems printed on a terminal, so that the real ones stand out of a thousand: each kind
//! of problem shows its first occurrences, the rest of the kind is counted, and the last
//! lines sum the problems up by kind, errors first.

use std::collections::BTreeMap;
use std::path::Path;

use crate::base::diagnostic::{Diagnostic, Diagnostics, Severity};

/// How many problems of one kind are shown before the rest are counted.
pub const SHOWN_PER_KIND: usize = 20;

/// Prints every problem with the lines it points at; unless `verbose`, only the first
/// [`SHOWN_PER_KIND`] of each kind, then how many more there are, then a summary by kind.
pub fn print_problems(root: &Path, problems: &Diagnostics, verbose: bool) {
    for line in report(root, problems, verbose) {
        eprintln!("{line}");
    }
}

/// The lines [`print_problems`] prints.
pub fn report(root: &Path, problems: &Diagnostics, verbose: bool) -> Vec<String> {
    let sorted = problems.sorted();
    let mut kinds: BTreeMap<(Severity, String), usize> = BTreeMap::new();
    let mut lines = Vec::new();
    for problem in &sorted {
        let seen = kinds.entry(kind(problem)).or_default();
        *seen += 1;
        if verbose || *seen <= SHOWN_PER_KIND {
            lines.push(problem.render(root));
        }
    }
    if sorted.len() < 2 {
        return lines;
    }
    let hidden: Vec<String> = kinds
        .iter()
        .filter(|(_, count)| !verbose && **count > SHOWN_PER_KIND)
        .map(|((severity, text), count)| {
            format!(
                "… and {} more {} like this: {text} (`--verbose` lists them all)",
                thousands(count - SHOWN_PER_KIND),
                noun(*severity, count - SHOWN_PER_KIND)
            )
        })
        .collect();
    if !hidden.is_empty() {
        lines.push(hidden.join("\n"));
    }
    lines.push(summary(&kinds));
    lines
}

/// The sum of the problems by kind, errors first, the most frequent first.
fn summary(kinds: &BTreeMap<(Severity, String), usize>) -> String {
    let mut rows: Vec<(&(Severity, String), &usize)> = kinds.iter().collect();
    rows.sort_by(|a, b| (a.0.0, std::cmp::Reverse(a.1)).cmp(&(b.0.0, std::cmp::Reverse(b.1))));
    let mut out = String::from("Problems by kind:");
    for ((severity, text), count) in rows {
        out.push_str(&format!(
            "\n  {:>7} {:<8} {text}",
            thousands(*count),
            noun(*severity, *count)
        ));
    }
    out
}

/// What makes problems alike: their severity and message, with what differs from one to
/// the next (what is quoted, numbers, paths) left out.
fn kind(problem: &Diagnostic) -> (Severity, String) {
    let mut text = String::with_capacity(problem.message.len());
    let mut quoted = false;
    for part in problem.message.split('`') {
        if quoted {
            text.push_str("`…`");
        } else {
            let words: Vec<String> = part.split(' ').map(general_word).collect();
            text.push_str(&words.join(" "));
        }
        quoted = !quoted;
    }
    (problem.severity, text)
}

/// A word of a message, as kinds compare it: a path or a number stands for any.
fn general_word(word: &str) -> String {
    if word.contains('/') || word.ends_with(".md") || word.ends_with(".md,") {
        let comma = if word.ends_with(',') { "," } else { "" };
        format!("…{comma}")
    } else if word.chars().any(|c| c.is_ascii_digit()) {
        word.chars()
            .map(|c| if c.is_ascii_digit() { 'N' } else { c })
            .collect::<String>()
            .replace("NN", "N")
            .replace("NN", "N")
    } else {
        word.to_string()
    }
}

fn noun(severity: Severity, count: usize) -> &'static str {
    match (severity, count) {
        (Severity::Error, 1) => "error",
        (Severity::Error, _) => "errors",
        (Severity::Warning, 1) => "warning",
        (Severity::Warning, _) => "warnings",
    }
}

/// 7735 as "7,735".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(count: usize) -> Diagnostics {
        let mut all = Diagnostics::new();
        for n in 0..count {
            all.push(
                Diagnostic::warning(
                    format!("content/p{n}.md"),
                    format!("removed from the HTML: `<x{n}>`"),
                )
                .at_line(n + 1),
            );
        }
        all.push(Diagnostic::error("content/a.md", "the link to `#x` finds no heading").at_line(3));
        all
    }

    #[test]
    fn after_twenty_of_a_kind_the_rest_are_counted_and_summed_up_errors_first() {
        let lines = report(Path::new("/nowhere"), &problems(7755), false);
        let warnings = lines.iter().filter(|l| l.starts_with("warning:")).count();
        assert_eq!(warnings, SHOWN_PER_KIND);
        let text = lines.join("\n");
        assert!(
            text.contains("… and 7,735 more warnings like this: removed from the HTML: `…` (`--verbose` lists them all)"),
            "{text}"
        );
        let summary = lines.last().unwrap();
        let error = summary.find("error ").unwrap();
        let warning = summary.find("warnings").unwrap();
        assert!(error < warning, "{summary}");
        assert!(summary.contains("7,755 warnings"), "{summary}");
    }

    #[test]
    fn verbose_lists_them_all() {
        let lines = report(Path::new("/nowhere"), &problems(30), true);
        assert_eq!(
            lines.iter().filter(|l| l.starts_with("warning:")).count(),
            30
        );
        assert!(!lines.join("\n").contains("more warnings like this"));
    }

    #[test]
    fn kinds_leave_out_quotes_numbers_and_paths() {
        let a = Diagnostic::error(
            "a.md",
            "row 3: the link `x.md#a` leads to content/x.fr.md, which has no heading",
        );
        let b = Diagnostic::error(
            "b.md",
            "row 12: the link `y.md#b` leads to content/y.en.md, which has no heading",
        );
        assert_eq!(kind(&a), kind(&b));
    }
}
