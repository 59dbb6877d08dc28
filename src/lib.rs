//! parcours compiles Markdown courses tagged with DigComp 2.2 competences into a searchable,
//! multilingual static site.
//!
//! The code is cut into layers, and each layer uses only the layers below it (a test,
//! `tests/layers.rs`, enforces it):
//!
//! 1. [`base`]: diagnostics, YAML, text, URL arithmetic, files;
//! 2. [`sources`]: reading a site's files (settings, strings, theme, glossary, pages, places);
//! 3. [`markdown`]: the one reading of a page's Markdown and its extensions, with every
//!    output form of it (HTML, Typst, plain text), knowing nothing of the whole site;
//! 4. [`model`]: the site (pages, translations, indexes, the address of every output, links);
//! 5. [`render`]: the renderers, which only read the model (HTML, PDF, search, ...);
//! 6. [`commands`] and [`serve`]: what the binary runs.
//!
//! Problems come back one way through every layer. Every problem is a
//! [`Diagnostic`](base::diagnostic::Diagnostic) with its file, line (and column when known),
//! message and hint; every function that can find problems returns
//! [`Checked<T>`](base::diagnostic::Checked): the value it made and the problems it found
//! (`Checked<Option<T>>`, with `None`, when it may make nothing); callers merge them into
//! their own with `problems.take(...)`, which hands back the value. Only the private helpers
//! of such a function add to its `&mut Diagnostics` instead.

#![warn(missing_docs, unreachable_pub)]

pub mod base;
pub mod commands;
pub mod markdown;
pub mod model;
pub mod render;
pub mod serve;
pub mod sources;
