//! The Markdown layer. A page's body is read once into a [`document::Document`] (CommonMark
//! with the GFM extensions, heading anchors, callouts, and the fenced-block extensions of
//! [`blocks`]), which every output reads: [`html`] for the web page, [`typst`] for the
//! worksheet, [`text`] for the search index, and the site model for link checks.
//!
//! Nothing here knows the whole site: what a page needs of it (where its links lead, its
//! glossary, its interface strings) comes through a [`context::Context`], as Zola's
//! Markdown component receives a render context.

pub mod blocks;
pub mod callout;
pub mod context;
pub mod directives;
pub mod document;
pub mod highlight;
pub mod html;
pub mod lint;
pub mod raw_html;
pub mod sanitize;
pub mod text;
pub mod typst;
