//! Problems found in a site, reported the way authors can act on them: which file, which line,
//! what is wrong and how to fix it.
//!
//! There is one way to return problems. Every problem is a [`Diagnostic`] with its file, line,
//! message and hint; every function that can find problems returns [`Checked<T>`]: the value
//! it made and the [`Diagnostics`] it found (a step that may make nothing returns
//! `Checked<Option<T>>`, `None` when it failed); callers merge them into their own with
//! [`Diagnostics::take`], which hands back the value. Only the private helpers of such a
//! function add to its `&mut Diagnostics` instead of returning their own.
//!
//! ```
//! use parcours::base::diagnostic::{Checked, Diagnostic, Diagnostics};
//!
//! fn duration(text: &str) -> Checked<Option<u32>> {
//!     match text.parse() {
//!         Ok(minutes) => Checked::ok(Some(minutes)),
//!         Err(_) => Checked::failed(
//!             Diagnostic::error("a.md", format!("`{text}` is not a duration"))
//!                 .with_hint("write the minutes, such as `45`"),
//!         ),
//!     }
//! }
//!
//! let mut problems = Diagnostics::new();
//! assert_eq!(problems.take(duration("45")), Some(45));
//! assert_eq!(problems.take(duration("long")), None);
//! assert!(problems.has_errors());
//! ```

use std::fmt::Write as _;
use std::ops::Deref;
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

    /// Records the problems of a step and hands back what it made.
    pub fn take<T>(&mut self, checked: Checked<T>) -> T {
        self.extend(checked.problems);
        checked.value
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

/// The problems, in the order they were found.
impl Deref for Diagnostics {
    type Target = [Diagnostic];
    fn deref(&self) -> &[Diagnostic] {
        &self.items
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(diagnostic: Diagnostic) -> Self {
        Diagnostics {
            items: vec![diagnostic],
        }
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(iter: I) -> Self {
        Diagnostics {
            items: iter.into_iter().collect(),
        }
    }
}

impl<'a> IntoIterator for &'a Diagnostics {
    type Item = &'a Diagnostic;
    type IntoIter = std::slice::Iter<'a, Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.iter()
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

/// What every step that can find problems in a site returns: the value it made and every
/// problem it found. A step that may make nothing returns `Checked<Option<T>>`, `None` when
/// it failed (its problems then say why). Callers record the problems with their own and
/// keep the value with [`Diagnostics::take`].
#[must_use]
#[derive(Debug, Clone)]
pub struct Checked<T> {
    /// What the step made.
    pub value: T,
    /// Every problem it found, errors and warnings.
    pub problems: Diagnostics,
}

impl<T> Checked<T> {
    /// A value made with these problems.
    pub fn new(value: T, problems: Diagnostics) -> Self {
        Checked { value, problems }
    }

    /// A value made without any problem.
    pub fn ok(value: T) -> Self {
        Checked::new(value, Diagnostics::new())
    }

    /// The value changed by `f`, with the same problems.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Checked<U> {
        Checked::new(f(self.value), self.problems)
    }

    /// Every problem changed by `f` (given a line, a hint, a prefix), the value kept.
    pub fn map_problems(self, f: impl FnMut(Diagnostic) -> Diagnostic) -> Self {
        Checked::new(self.value, self.problems.into_iter().map(f).collect())
    }

    /// Whether any problem found is an error.
    pub fn has_errors(&self) -> bool {
        self.problems.has_errors()
    }
}

impl<T> Checked<Option<T>> {
    /// Nothing made, because of `diagnostic`.
    pub fn failed(diagnostic: Diagnostic) -> Self {
        Checked::failed_with(diagnostic.into())
    }

    /// Nothing made, because of `problems`.
    pub fn failed_with(problems: Diagnostics) -> Self {
        Checked::new(None, problems)
    }

    /// The next step, run on the value when there is one; the problems of both are kept.
    pub fn and_then<U>(self, f: impl FnOnce(T) -> Checked<Option<U>>) -> Checked<Option<U>> {
        let mut problems = self.problems;
        let value = self.value.and_then(|value| problems.take(f(value)));
        Checked::new(value, problems)
    }
}

/// Runs steps in order until one makes nothing, as `Result` collects until an error: the
/// values of all, or `None` when one failed; the problems of every step run.
impl<T> FromIterator<Checked<Option<T>>> for Checked<Option<Vec<T>>> {
    fn from_iter<I: IntoIterator<Item = Checked<Option<T>>>>(steps: I) -> Self {
        let mut problems = Diagnostics::new();
        let mut values = Vec::new();
        for step in steps {
            match problems.take(step) {
                Some(value) => values.push(value),
                None => return Checked::failed_with(problems),
            }
        }
        Checked::new(Some(values), problems)
    }
}

#[cfg(test)]
impl<T: std::fmt::Debug> Checked<Option<T>> {
    /// The problems of a step that must have failed, for tests.
    pub fn failure(self) -> Diagnostics {
        assert!(self.value.is_none(), "expected a failure: {:?}", self.value);
        self.problems
    }
}

/// How many lines ahead [`LineIndex::line_after`] looks before it searches.
const NEAR: usize = 4;

/// Maps byte offsets of a text to 1-based line and column numbers.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    first_line: usize,
}

impl LineIndex {
    /// Indexes `text`, whose first line is line `first_line` of its file.
    pub fn new(text: &str, first_line: usize) -> Self {
        let ends = memchr::memchr_iter(b'\n', text.as_bytes());
        let starts = std::iter::once(0).chain(ends.map(|i| i + 1)).collect();
        LineIndex { starts, first_line }
    }

    /// The 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> usize {
        self.index_of(offset) + self.first_line
    }

    /// The 1-based line of a byte offset, looked for from the line found last (`last`, which
    /// it updates): offsets that come in order, a line or two apart, cost no search.
    pub fn line_after(&self, offset: usize, last: &mut usize) -> usize {
        let near = (*last..self.starts.len().min(*last + NEAR))
            .take_while(|&at| self.starts[at] <= offset)
            .last();
        *last = match near {
            Some(at) if self.starts.get(at + 1).is_none_or(|&next| next > offset) => at,
            _ => self.index_of(offset),
        };
        *last + self.first_line
    }

    /// The index of the line of a byte offset.
    fn index_of(&self, offset: usize) -> usize {
        self.starts.partition_point(|&start| start <= offset) - 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_looked_for_from_the_last_agree_with_a_search() {
        let text: String = (0..40).map(|n| format!("line {n}\n")).collect();
        let lines = LineIndex::new(&text, 7);
        let offsets = [
            0,
            3,
            8,
            9,
            30,
            2,
            250,
            251,
            100,
            101,
            102,
            text.len() - 1,
            0,
        ];
        let mut last = 0;
        for offset in offsets {
            assert_eq!(
                lines.line_after(offset, &mut last),
                lines.line(offset),
                "{offset}"
            );
        }
        assert_eq!(lines.line(0), 7);
    }

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

    fn number(text: &str) -> Checked<Option<u32>> {
        match text.parse() {
            Ok(n) => Checked::ok(Some(n)),
            Err(_) => Checked::failed(Diagnostic::error("f.md", format!("`{text}`")).at_line(1)),
        }
    }

    #[test]
    fn take_records_the_problems_and_hands_back_the_value() {
        let mut problems = Diagnostics::new();
        let warned = Checked::new(3, Diagnostic::warning("f.md", "w").into());
        assert_eq!(problems.take(warned), 3);
        assert!(!problems.has_errors());
        assert_eq!(problems.take(number("x")), None);
        assert_eq!(problems.take(number("7")), Some(7));
        let messages: Vec<&str> = problems.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(messages, ["w", "`x`"]);
        assert!(problems.has_errors());
    }

    #[test]
    fn a_failed_step_has_no_value_and_its_problems() {
        let failed: Checked<Option<u8>> = Checked::failed(Diagnostic::error("a", "b"));
        assert!(failed.value.is_none() && failed.has_errors());
        let two: Diagnostics = [Diagnostic::error("a", "b"), Diagnostic::warning("a", "c")]
            .into_iter()
            .collect();
        let failed: Checked<Option<u8>> = Checked::failed_with(two);
        assert_eq!(failed.problems.len(), 2);
        let fine = Checked::ok(Some(1));
        assert!(fine.problems.is_empty() && !fine.has_errors());
    }

    #[test]
    fn map_changes_the_value_and_map_problems_the_problems() {
        let doubled = number("4").map(|n| n.map(|n| n * 2));
        assert_eq!(doubled.value, Some(8));
        let hinted = number("x").map_problems(|d| d.with_hint("write digits"));
        assert_eq!(hinted.problems[0].hint.as_deref(), Some("write digits"));
        assert_eq!(hinted.problems[0].line, Some(1));
    }

    #[test]
    fn and_then_runs_the_next_step_only_on_a_value_and_keeps_every_problem() {
        let warned = |n: u32| Checked::new(Some(n + 1), Diagnostic::warning("f.md", "w").into());
        let both = number("1").and_then(warned);
        assert_eq!(both.value, Some(2));
        assert_eq!(both.problems.len(), 1);
        let mut ran = false;
        let stopped = number("x").and_then(|n| {
            ran = true;
            warned(n)
        });
        assert!(!ran && stopped.value.is_none());
        assert_eq!(stopped.problems[0].message, "`x`");
    }

    #[test]
    fn collecting_stops_at_the_first_step_that_makes_nothing() {
        let all: Checked<Option<Vec<u32>>> = ["1", "2"].into_iter().map(number).collect();
        assert_eq!(all.value, Some(vec![1, 2]));
        let mut run = Vec::new();
        let stopped: Checked<Option<Vec<u32>>> = ["1", "x", "y"]
            .into_iter()
            .inspect(|text| run.push(*text))
            .map(number)
            .collect();
        assert!(stopped.value.is_none());
        assert_eq!(run, ["1", "x"]);
        assert_eq!(stopped.failure().len(), 1);
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
