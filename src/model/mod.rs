//! The site model: every page with its URL, language, section and translations, the DigComp
//! indexes (courses by competence and by level), learning paths, where links lead, and the
//! list of every output with its address. Renderers only read this model; watch mode
//! rebuilds it and re-renders the outputs whose inputs changed.

pub mod coverage;
pub mod links;
pub mod listings;
pub mod load;
mod outputs;
mod page;
mod paths;
pub mod readability;
mod site;
pub mod translations;

pub use outputs::{
    Output, PLACE_INDEX, PLACE_INDEX_META, SEARCH_META, SITEMAP_PART, sitemap_parts,
};
pub use page::{Language, LearningPath, Page, PageId, PageKind};
pub use site::{Site, Sources};

#[cfg(test)]
mod tests;
