//! Where a value of the directory is written, so that its problems name the file, the line
//! and, in a spreadsheet, the row.

use std::path::Path;

use crate::base::diagnostic::Diagnostic;

/// Where a value is written: its file and line, and its row when the file is a spreadsheet.
#[derive(Debug, Clone, Copy)]
pub struct Spot<'a> {
    /// The file, relative to the site root.
    pub file: &'a Path,
    /// The 1-based line.
    pub line: usize,
    /// The row of a spreadsheet, as the spreadsheet numbers it (the header is row 1).
    pub row: Option<usize>,
}

impl Spot<'_> {
    /// An error here.
    pub fn error(&self, message: impl Into<String>) -> Diagnostic {
        self.locate(Diagnostic::error(self.file, message))
    }

    /// `problem` put here: on this line and, in a spreadsheet, with its row before its
    /// message (`row 3: ...`).
    pub fn locate(&self, mut problem: Diagnostic) -> Diagnostic {
        if let Some(row) = self.row {
            problem.message = format!("row {row}: {}", problem.message);
        }
        problem.at_line(self.line)
    }
}
