//! The commands of the `parcours` binary, each a function over the library that returns an
//! exit code: 0 success, 1 content errors, 2 usage errors.

pub mod build;
pub mod check;
pub mod fiche;
pub mod new;
pub mod problems;
pub mod search;

pub use problems::print_problems;

/// Exit code of a successful command.
pub const SUCCESS: i32 = 0;
/// Exit code when the content has errors.
pub const CONTENT_ERROR: i32 = 1;
/// Exit code when the command line is wrong.
pub const USAGE_ERROR: i32 = 2;
