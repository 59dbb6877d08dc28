//! The views of the model that renderers share: a page, the site, the help places and their hours, each with
//! labels in the reader's language and every address computed by the model.

pub mod hours;
pub mod page;
pub mod places;
