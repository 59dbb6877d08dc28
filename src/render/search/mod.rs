//! Search, in two forms that share one text analysis: a static index that the reader's
//! browser queries (made at build time, split into small files fetched on demand), and a
//! tantivy index in memory that answers `parcours search` on the command line.

pub mod analysis;
pub mod index;
mod query;

pub use query::{Hit, search};
