//! Search, in two forms that share one text analysis: a static index that the reader's
//! browser queries (made at build time, split into small compressed files fetched on
//! demand), and a tantivy index in memory that answers `parcours search` on the command line.

pub mod analysis;
mod chunks;
mod documents;
mod gather;
pub mod index;
mod postings;
mod query;
mod shards;

pub use query::{Hit, search};

use crate::model::{Output, Site};

/// The files of a search index output (none for any other output), paths relative to the
/// output's root.
pub fn render(site: &Site, output: &Output) -> Vec<(String, Vec<u8>)> {
    match output {
        Output::SearchIndex(lang) => index::render(site, lang, &output.path(site)),
        _ => Vec::new(),
    }
}
