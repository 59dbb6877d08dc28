//! The HTML renderer: every page, feed and text output of the site through the theme's
//! templates (minijinja), which receive views of the model and its addresses.

mod chart;
mod digcomp;
pub mod jsonld;
mod pages;
mod places;
mod renderer;
mod site;
pub mod templates;

pub use pages::{Body, body};
pub use renderer::{HtmlRenderer, Rendered};
