//! Problems found in a site, reported the way authors can act on them: which file, which line,
//! what is wrong and how to fix it.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// How serious a problem is: errors fail the build, warnings are only reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The build cannot produce a correct site.
    Error,
    /// The site builds, but something deserves the author's attention.
    Warning,
}

/// One problem, located in a file of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file, relative to the site root when it is inside it.
    pub file: PathBuf,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// 1-based column (in characters), when known.
    pub column: Option<usize>,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// An error in `file`, not yet located on a line.
    pub fn error(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.into(),
            line: None,
            column: None,
            message: message.into(),
            hint: None,
        }
    }

    /// A warning in `file`, not yet located on a line.
    pub fn warning(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, message)
        }
    }

    /// Places the problem on a 1-based line.
    pub fn at_line(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }

    /// Places the problem on a 1-based line and column.
    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    /// Adds advice on how to fix the problem.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Whether this problem fails the build.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `file:line:column`, as far as it is known.
    pub fn location(&self) -> String {
        let mut out = self.file.display().to_string();
        if let Some(line) = self.line {
            let _ = write!(out, ":{line}");
            if let Some(column) = self.column {
                let _ = write!(out, ":{column}");
            }
        }
        out
    }

    /// Renders the problem for a terminal, quoting the offending line of the file found under
    /// `root` (when it can be read) with a caret under the column.
    pub fn render(&self, root: &Path) -> String {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut out = format!("{label}: {}\n  --> {}\n", self.message, self.location());
        if let Some(line) = self.line
            && let Some(text) = source_line(&root.join(&self.file), line)
        {
            let number = line.to_string();
            let pad = " ".repeat(number.len());
            let _ = writeln!(out, "{pad} |\n{number} | {text}");
            if let Some(column) = self.column {
                let caret_pad = " ".repeat(column.saturating_sub(1));
                let _ = writeln!(out, "{pad} | {caret_pad}^");
            }
        }
        if let Some(hint) = &self.hint {
            let _ = writeln!(out, "  = hint: {hint}");
        }
        out
    }
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.location(), self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, " (hint: {hint})")?;
        }
        Ok(())
    }
}

/// An error for a `value` of `key` that is none of `choices`, suggesting the closest one.
pub fn unknown_choice(file: &Path, key: &str, value: &str, choices: &[&str]) -> Option<Diagnostic> {
    if choices.contains(&value) {
        return None;
    }
    let error = Diagnostic::error(file, format!("unknown {key} `{value}`"));
    let closest = choices.iter().min_by_key(|c| strsim::levenshtein(c, value));
    Some(match closest {
        Some(closest) => error.with_hint(format!(
            "did you mean `{closest}`? Possible values: {}",
            choices.join(", ")
        )),
        None => error.with_hint(format!("no {key} is defined yet")),
    })
}

/// Reads one line of a text file, tabs expanded to single spaces so that the caret lines up.
fn source_line(path: &Path, line: usize) -> Option<String> {
    let bytes = std::fs::read(path).ok()?;
    let text = String::from_utf8_lossy(&bytes);
    let found = text.lines().nth(line.checked_sub(1)?)?;
    Some(found.replace('\t', " "))
}

/// Every problem found while loading, checking or building a site.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// No problem yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records a problem.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    /// Records every problem of another collection.
    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(other);
    }

    /// Whether any recorded problem is an error.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(Diagnostic::is_error)
    }

    /// How many different errors were recorded.
    pub fn error_count(&self) -> usize {
        self.sorted().iter().filter(|d| d.is_error()).count()
    }

    /// How many different warnings were recorded.
    pub fn warning_count(&self) -> usize {
        self.sorted().iter().filter(|d| !d.is_error()).count()
    }

    /// The problems, ordered by file, line and column so that reports are stable, each once.
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut items: Vec<&Diagnostic> = self.items.iter().collect();
        items.sort_by(|a, b| {
            (&a.file, a.line, a.column, a.severity, &a.message)
                .cmp(&(&b.file, b.line, b.column, b.severity, &b.message))
        });
        items.dedup();
        items
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

/// Maps byte offsets of a text to 1-based line and column numbers.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    first_line: usize,
}

impl LineIndex {
    /// Indexes `text`, whose first line is line `first_line` of its file.
    pub fn new(text: &str, first_line: usize) -> Self {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        LineIndex { starts, first_line }
    }

    /// The 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset) - 1 + self.first_line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn location_has_line_and_column_when_known() {
        let d = Diagnostic::error("content/a.md", "bad").at(3, 7);
        assert_eq!(d.location(), "content/a.md:3:7");
        assert_eq!(Diagnostic::error("x", "y").location(), "x");
    }

    #[test]
    fn render_quotes_the_line_with_a_caret() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("f.md"), "one\ntwo words\nthree\n").unwrap();
        let d = Diagnostic::error("f.md", "oops")
            .at(2, 5)
            .with_hint("fix it");
        let text = d.render(dir.path());
        assert!(text.contains("error: oops"), "{text}");
        assert!(text.contains("2 | two words"), "{text}");
        assert!(text.contains("  |     ^"), "{text}");
        assert!(text.contains("hint: fix it"), "{text}");
    }

    #[test]
    fn line_index_counts_from_the_first_line() {
        let index = LineIndex::new("a\nbc\n\nd", 10);
        assert_eq!(index.line(0), 10);
        assert_eq!(index.line(2), 11);
        assert_eq!(index.line(5), 12);
        assert_eq!(index.line(6), 13);
    }

    #[test]
    fn sorted_orders_by_file_then_line() {
        let mut all = Diagnostics::new();
        all.push(Diagnostic::error("b.md", "x").at_line(1));
        all.push(Diagnostic::warning("a.md", "y").at_line(9));
        all.push(Diagnostic::error("a.md", "z").at_line(2));
        let order: Vec<_> = all.sorted().iter().map(|d| d.message.clone()).collect();
        assert_eq!(order, ["z", "y", "x"]);
        assert_eq!(all.error_count(), 2);
        assert_eq!(all.warning_count(), 1);
    }
}
