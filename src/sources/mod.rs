//! Reading the sources of a site: its settings, interface strings, theme, glossary, pages and
//! help places. Every problem becomes a [`Diagnostic`](crate::base::diagnostic::Diagnostic)
//! naming the file and line.

pub mod config;
pub mod digcomp;
pub mod glossary;
pub mod i18n;
pub mod pages;
pub mod places;
pub mod theme;
