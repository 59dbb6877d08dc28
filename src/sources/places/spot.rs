//! Where a value of the directory is written, so that its problems name the file, the line
//! and, in a spreadsheet, the row and the column.

use std::path::Path;

use crate::base::diagnostic::Diagnostic;

/// Where a value is written: its file and line, and its row and column when the file is a
/// spreadsheet.
#[derive(Debug, Clone, Copy)]
pub struct Spot<'a> {
    /// The file, relative to the site root.
    pub file: &'a Path,
    /// The 1-based line.
    pub line: usize,
    /// The row of a spreadsheet, as the spreadsheet numbers it (the header is row 1).
    pub row: Option<usize>,
    /// The column of a spreadsheet, by the name its header gives it.
    pub column: Option<&'a str>,
}

impl Spot<'_> {
    /// An error here.
    pub fn error(&self, message: impl Into<String>) -> Diagnostic {
        self.locate(Diagnostic::error(self.file, message))
    }

    /// A warning here.
    pub fn warning(&self, message: impl Into<String>) -> Diagnostic {
        self.locate(Diagnostic::warning(self.file, message))
    }

    /// `problem` put here: on this line and, in a spreadsheet, with its row and column before
    /// its message (`row 3, column services: ...`).
    pub fn locate(&self, mut problem: Diagnostic) -> Diagnostic {
        let place = match (self.row, self.column) {
            (Some(row), Some(column)) => format!("row {row}, column {column}: "),
            (Some(row), None) => format!("row {row}: "),
            _ => String::new(),
        };
        problem.message = format!("{place}{}", problem.message);
        problem.at_line(self.line)
    }
}
