//! The base layer: what every other layer uses, and which uses nothing of parcours.

pub mod archive;
pub mod date;
pub mod diagnostic;
pub mod files;
pub mod git;
pub mod images;
pub mod readability;
pub mod text;
pub mod urls;
pub mod write;
pub mod yaml;
