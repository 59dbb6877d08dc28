//! parcours compiles Markdown courses tagged with DigComp 2.2 competences into a searchable,
//! multilingual static site.
//!
//! The pipeline, one module per stage: [`load`] reads the files, [`model`] links them into a
//! site, [`render`] turns the model into outputs, [`write`] puts them in place.
//! [`commands`] holds what the binary runs; [`serve`] previews a site and rebuilds it live.

pub mod commands;
pub mod config;
pub mod coverage;
pub mod diagnostic;
pub mod digcomp;
pub mod external;
pub mod glossary;
pub mod i18n;
pub mod images;
pub mod links;
pub mod lint;
pub mod load;
pub mod markdown;
pub mod model;
pub mod places;
pub mod quiz;
pub mod render;
pub mod search;
pub mod selftest;
pub mod serve;
pub mod theme;
pub mod write;
pub mod yaml;
