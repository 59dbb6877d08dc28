//! Rendering: every output of the model, in parallel, into a [`Sink`]. Each kind of output
//! is made by one renderer ([`html`], [`pdf`], [`search`], [`place_index`]); they all read
//! the same model and its [`views`], and never use each other. [`coverage`], [`external`],
//! [`readability`] and [`translations`] report on the site for `parcours check`.

pub mod coverage;
pub mod external;
pub mod html;
pub mod pdf;
pub mod place_index;
pub mod portable;
pub mod readability;
pub mod search;
pub mod translations;
pub mod views;

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use rayon::prelude::*;
use syntect::highlighting::ThemeSet;

use crate::base::diagnostic::{Checked, Diagnostic, Diagnostics};
use crate::base::write::Sink;
use crate::model::{Output, Site};

/// The stylesheet of highlighted code, written at the output's root.
pub const HIGHLIGHT_CSS: &str = "highlight.css";

/// What a render produced.
#[derive(Debug, Default)]
pub struct Report {
    /// Pages (home, sections, courses) rendered, per language.
    pub pages_per_language: BTreeMap<String, usize>,
    /// Files written in all.
    pub files: usize,
    /// Errors and warnings.
    pub problems: Diagnostics,
}

/// Whether a render makes the worksheets now, or leaves them to be made when asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fiches {
    /// Compile every worksheet, or copy it from the worksheet cache when `cache` is true;
    /// pages show their size.
    Make {
        /// Whether PDFs made by earlier builds may be reused.
        cache: bool,
    },
    /// Compile none (the preview server makes each when first requested).
    Later,
    /// Worksheets and other PDFs already made, with their sizes by output path.
    Made(BTreeMap<String, u64>),
}

/// The renderer that makes an output. Every kind of output is given to one here, so that a
/// new kind does not compile until it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Renderer {
    Html,
    Pdf,
    Search,
    PlaceIndex,
}

impl Renderer {
    fn of(output: &Output) -> Renderer {
        match output {
            Output::Page(_)
            | Output::Framework(_)
            | Output::Area(..)
            | Output::Competence(..)
            | Output::Level(..)
            | Output::Feed(_)
            | Output::Coverage(_)
            | Output::Glossary(_)
            | Output::Search(_)
            | Output::Places(_)
            | Output::PlaceListing(..)
            | Output::Place(..)
            | Output::LanguageChooser
            | Output::NotFound
            | Output::Sitemap
            | Output::SitemapPart(_)
            | Output::Robots
            | Output::ServiceWorker => Renderer::Html,
            Output::Worksheet(_)
            | Output::Booklet(_)
            | Output::HelperSheet(_)
            | Output::CityList(..) => Renderer::Pdf,
            Output::SearchIndex(_) => Renderer::Search,
            Output::PlaceIndex => Renderer::PlaceIndex,
        }
    }
}

/// Whether an output is a PDF (made first, so that pages can show its size, or on demand).
pub fn is_pdf(output: &Output) -> bool {
    Renderer::of(output) == Renderer::Pdf
}

/// Renders every output of `site` into `sink`, worksheets first (pages show their size), then
/// the indexes, then the pages, then copies static files and assets.
pub fn render_site(site: &Site, sink: &Sink, fiches: Fiches) -> Report {
    let (pdfs, mut others): (Vec<Output>, Vec<Output>) =
        site.outputs().into_iter().partition(is_pdf);
    let mut problems = Diagnostics::new();
    let fiches = match fiches {
        Fiches::Make { cache } => {
            Fiches::Made(problems.take(pdf::render_all(site, &pdfs, sink, cache)))
        }
        other => other,
    };
    // The indexes, each one long job, go first: their steps that use one core then overlap
    // the pages' rendering instead of ending the build.
    others.sort_by_key(|o| Renderer::of(o) == Renderer::Html);
    let mut report = render_outputs(site, &others, sink, &fiches);
    report.problems.extend(problems);
    report.problems.take(copy_static(site, sink));
    report.files = sink.count();
    report
}

/// Renders some outputs of `site` into `sink`, in parallel; PDFs are left to [`pdf`].
pub fn render_outputs(site: &Site, outputs: &[Output], sink: &Sink, fiches: &Fiches) -> Report {
    let mut report = Report {
        pages_per_language: pages_per_language(site),
        ..Report::default()
    };
    let sizes = match fiches {
        Fiches::Made(sizes) => Some(sizes),
        _ => None,
    };
    let Some(renderer) = report.problems.take(html::HtmlRenderer::new(site, sizes)) else {
        // Without templates, the pages are still read, so that their own errors show too.
        let bodies: Vec<Diagnostic> = site
            .pages
            .par_iter()
            .flat_map_iter(|p| html::body(site, p).problems)
            .collect();
        report.problems.extend(bodies);
        return report;
    };
    let progress = Progress::new(outputs.len());
    let any_code = AtomicBool::new(false);
    let problems: Vec<Diagnostic> = outputs
        .par_iter()
        .flat_map_iter(|output| {
            let mut rendered = match Renderer::of(output) {
                Renderer::Html => renderer.render(output),
                Renderer::Search => html::Rendered {
                    files: search::render(site, output),
                    ..html::Rendered::default()
                },
                Renderer::PlaceIndex => html::Rendered {
                    files: place_index::render(site),
                    ..html::Rendered::default()
                },
                Renderer::Pdf => html::Rendered::default(),
            };
            if site.config.portable && output.is_fetched() {
                rendered.files = portable::with_scripts(rendered.files);
            }
            progress.tick();
            any_code.fetch_or(rendered.has_code, Ordering::Relaxed);
            let mut problems = rendered.problems;
            if !problems.has_errors() {
                for (file, bytes) in &rendered.files {
                    write_or_report(sink, file, bytes, &mut problems);
                }
            }
            problems
        })
        .collect();
    progress.finish();
    report.problems.extend(problems);
    if any_code.load(Ordering::Relaxed) {
        write_or_report(
            sink,
            HIGHLIGHT_CSS,
            highlight_css().as_bytes(),
            &mut report.problems,
        );
    }
    report.files = sink.count();
    report
}

fn write_or_report(sink: &Sink, file: &str, bytes: &[u8], problems: &mut Diagnostics) {
    if let Err(error) = sink.write(file, bytes) {
        problems.push(Diagnostic::error(
            file,
            format!("cannot write the output: {error}"),
        ));
    }
}

/// Copies the theme's static files, then the site's `static/` (which wins), then the assets
/// of `content/` beside their pages in every language.
pub fn copy_static(site: &Site, sink: &Sink) -> Checked<()> {
    let mut problems = Diagnostics::new();
    for (inner, file) in site.theme.static_files() {
        match file.read() {
            Ok(bytes) => write_or_report(sink, &inner, &bytes, &mut problems),
            Err(error) => problems.push(Diagnostic::error(
                &file.origin,
                format!("cannot read: {error}"),
            )),
        }
    }
    for (inner, path) in crate::base::files::walk_files(&site.root.join("static")) {
        copy_file(
            sink,
            &inner,
            &path,
            &Path::new("static").join(&inner),
            &mut problems,
        );
    }
    let copies: Vec<Diagnostic> = site
        .assets
        .par_iter()
        .flat_map_iter(|asset| {
            let mut found = Diagnostics::new();
            let file = site.root.join(&asset.file);
            let copies = smaller_copies(&file, &asset.file, &mut found);
            for language in &site.languages {
                let target = site.asset_path(&asset.path, &language.code);
                copy_file(sink, &target, &file, &asset.file, &mut found);
                for (width, bytes) in &copies {
                    let copy = crate::base::images::variant_path(&target, *width);
                    write_or_report(sink, &copy, bytes, &mut found);
                }
            }
            found
        })
        .collect();
    problems.extend(copies);
    Checked::new((), problems)
}

/// The narrower copies of a raster image, by width, for the `srcset` of its pages.
fn smaller_copies(file: &Path, shown: &Path, problems: &mut Diagnostics) -> Vec<(u32, Vec<u8>)> {
    let Some(size) = crate::base::images::size(file) else {
        return Vec::new();
    };
    size.variants()
        .filter_map(|width| {
            let copy = problems.take(crate::base::images::resized(file, shown, width));
            copy.map(|bytes| (width, bytes))
        })
        .collect()
}

fn copy_file(sink: &Sink, target: &str, from: &Path, shown: &Path, problems: &mut Diagnostics) {
    if let Err(error) = sink.copy(target, from) {
        problems.push(Diagnostic::error(
            shown,
            format!("cannot copy to the output: {error}"),
        ));
    }
}

/// How many pages (home, sections, courses) each language has.
fn pages_per_language(site: &Site) -> BTreeMap<String, usize> {
    let mut counts = BTreeMap::new();
    for page in &site.pages {
        *counts.entry(page.lang.clone()).or_default() += 1;
    }
    counts
}

/// The CSS of highlighted code: a light theme, and a dark one for dark mode.
pub fn highlight_css() -> String {
    let themes = ThemeSet::load_defaults();
    let css = |name: &str| {
        themes
            .themes
            .get(name)
            .and_then(|theme| {
                syntect::html::css_for_theme_with_class_style(
                    theme,
                    crate::markdown::highlight::HIGHLIGHT_CLASSES,
                )
                .ok()
            })
            .unwrap_or_default()
    };
    format!(
        "{}\n@media (prefers-color-scheme: dark) {{\n{}\n}}\n",
        css("InspiredGitHub"),
        css("base16-ocean.dark")
    )
}

/// A progress line on the terminal for long builds; silent when stderr is not a terminal.
struct Progress {
    total: usize,
    done: AtomicUsize,
    shown: bool,
}

impl Progress {
    fn new(total: usize) -> Progress {
        Progress {
            total,
            done: AtomicUsize::new(0),
            shown: total >= 2000 && std::io::stderr().is_terminal(),
        }
    }

    fn tick(&self) {
        let done = self.done.fetch_add(1, Ordering::Relaxed) + 1;
        if self.shown && done % 500 == 0 {
            eprint!("\rRendering {done}/{} pages", self.total);
        }
    }

    fn finish(&self) {
        if self.shown {
            eprint!("\r\x1b[2K");
        }
    }
}
