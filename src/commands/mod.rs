//! The commands of the `parcours` binary, each a function over the library that returns an
//! exit code: 0 success, 1 content errors, 2 usage errors.

pub mod build;
pub mod check;
pub mod fiche;
pub mod new;
pub mod search;

use std::path::Path;

use crate::base::diagnostic::Diagnostics;

/// Exit code of a successful command.
pub const SUCCESS: i32 = 0;
/// Exit code when the content has errors.
pub const CONTENT_ERROR: i32 = 1;
/// Exit code when the command line is wrong.
pub const USAGE_ERROR: i32 = 2;

/// Prints every problem, errors and warnings, with the lines they point at.
pub fn print_problems(root: &Path, problems: &Diagnostics) {
    for problem in problems.sorted() {
        eprintln!("{}", problem.render(root));
    }
}
