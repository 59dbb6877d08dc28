//! Printable worksheets ("fiches"): every page with a worksheet becomes an A4 PDF, laid out by
//! the theme's `fiche.typ` and compiled by Typst in a sandboxed World, in parallel.

pub mod markup;
mod qr;
mod world;

use std::collections::BTreeMap;

use rayon::prelude::*;
use serde::Serialize;
use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::{Datetime, Smart};
use typst::syntax::DiagSpanKind;
use typst::{World, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use crate::diagnostic::Diagnostic;
use crate::model::{Page, PageId, Site};
use crate::render::context::PageView;
use crate::write::Sink;
use world::{FicheWorld, Shared};

/// The worksheet template, inside the theme.
pub const TEMPLATE: &str = "fiche.typ";

/// How many worksheets are compiled between two clean-ups of Typst's caches.
const BATCH: usize = 48;

/// A worksheet's bytes, or why it could not be made.
pub type Made = Result<Vec<u8>, Vec<Diagnostic>>;

/// The data a worksheet template receives.
#[derive(Serialize)]
struct SheetData<'a> {
    page: PageView,
    site: String,
    t: &'a serde_json::Value,
}

/// Makes worksheets; holds the fonts and library shared by all of them.
pub struct Worksheets {
    shared: Shared,
}

/// The file name of a page's worksheet: its slug, then `.pdf`.
pub fn file_name(page: &Page) -> String {
    let slug = page
        .path
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or("fiche");
    format!("{slug}.pdf")
}

/// Where a page's worksheet goes in the output.
pub fn output_path(page: &Page) -> String {
    format!("{}{}", page.path, file_name(page))
}

impl Worksheets {
    /// Prepares the worksheets of `site`: its template must exist and its theme have fonts.
    pub fn new(site: &Site) -> Result<Worksheets, Diagnostic> {
        if site.theme.find(TEMPLATE).is_none() {
            return Err(Diagnostic::error(
                format!("themes/{}/{TEMPLATE}", site.config.theme),
                "the theme has no worksheet template",
            )
            .with_hint("add fiche.typ to the theme, or set `fiche: false` on the pages"));
        }
        let shared = Shared::new(&site.theme);
        if !shared.has_fonts() {
            return Err(Diagnostic::error(
                format!("themes/{}/fonts", site.config.theme),
                "the theme has no font for the worksheets",
            )
            .with_hint("put TTF or OTF files in the theme's fonts/ folder"));
        }
        Ok(Worksheets { shared })
    }

    /// Compiles the worksheet of one page.
    pub fn render(&self, site: &Site, page: &Page) -> Made {
        let markup = markup::convert(site, page);
        if markup.problems.iter().any(Diagnostic::is_error) {
            return Err(markup.problems);
        }
        let view = PageView::new(site, page);
        let permalink = view.permalink.clone();
        let data = SheetData {
            page: view,
            site: site.config.title.get(&page.lang, site.default_language()),
            t: site.strings.of(&page.lang),
        };
        let json = serde_json::to_vec(&data)
            .map_err(|e| vec![Diagnostic::error(page.file(), e.to_string())])?;
        let qr = qr::svg(&permalink).unwrap_or_default();
        let main = format!(
            "#import \"/theme/{TEMPLATE}\": *\n#show: fiche.with(json(\"/data.json\"), image(\"/qr.svg\", alt: {}, width: 100%))\n{}\n",
            markup::string(&site.strings.get(&page.lang, "fiche.qr_alt")),
            markup.text
        );
        let memory = vec![("/data.json", json), ("/qr.svg", qr.into_bytes())];
        let world = FicheWorld::new(
            &self.shared,
            main,
            memory,
            &site.root,
            vec![page.dir.clone()],
        );
        let compiled = typst::compile::<PagedDocument>(&world);
        let document = compiled
            .output
            .map_err(|errors| self.problems(&world, page, &errors[..]))?;
        let mut options = PdfOptions {
            ident: Smart::Custom(page.path.clone()),
            timestamp: Some(Timestamp::new_utc(timestamp(page))),
            standards: PdfStandards::new(&[PdfStandard::Ua_1]).unwrap_or_default(),
            ..PdfOptions::default()
        };
        // PDF/UA-1 when the page allows it (its headings in order, for example); a tagged
        // PDF without the claim otherwise.
        typst_pdf::pdf(&document, &options).or_else(|_| {
            options.standards = PdfStandards::default();
            typst_pdf::pdf(&document, &options)
                .map_err(|errors| self.problems(&world, page, &errors[..]))
        })
    }

    /// Typst's errors as diagnostics: on the theme's file and line when they are there, on
    /// the page otherwise.
    fn problems(
        &self,
        world: &FicheWorld,
        page: &Page,
        errors: &[SourceDiagnostic],
    ) -> Vec<Diagnostic> {
        errors
            .iter()
            .filter(|e| e.severity == Severity::Error)
            .map(|error| {
                let mut message = format!("worksheet: {}", error.message);
                for hint in &error.hints {
                    message.push_str(&format!(" ({})", hint.v));
                }
                let place = match error.span.get() {
                    DiagSpanKind::Number { id, .. } | DiagSpanKind::Range { id, .. } => Some(id),
                    DiagSpanKind::Detached => None,
                };
                if let Some(file) = place
                    && let Some(theme_file) = world.theme_file(file)
                {
                    let line = world.range(error.span).and_then(|range| {
                        world.source(file).ok()?.lines().byte_to_line(range.start)
                    });
                    let d = Diagnostic::error(
                        theme_file,
                        format!(
                            "{message}, while making the worksheet of {}",
                            page.file().display()
                        ),
                    );
                    return match line {
                        Some(line) => d.at_line(line + 1),
                        None => d,
                    };
                }
                Diagnostic::error(page.file(), message)
            })
            .collect()
    }
}

/// A fixed date for the PDF's metadata, so that two builds give the same bytes.
fn timestamp(page: &Page) -> Datetime {
    let date = page
        .front
        .updated
        .as_deref()
        .or(page.front.date.as_deref())
        .unwrap_or("2000-01-01");
    let mut parts = date
        .get(..10)
        .unwrap_or("2000-01-01")
        .split('-')
        .map(|p| p.parse::<i64>().unwrap_or(1));
    let (y, m, d) = (
        parts.next().unwrap_or(2000),
        parts.next().unwrap_or(1),
        parts.next().unwrap_or(1),
    );
    Datetime::from_ymd(y as i32, m as u8, d as u8)
        .unwrap_or_else(|| Datetime::from_ymd(2000, 1, 1).expect("a valid date"))
}

/// Compiles every worksheet of the site into `sink`, in parallel, and returns their sizes.
pub fn render_all(site: &Site, sink: &Sink) -> (BTreeMap<PageId, u64>, Vec<Diagnostic>) {
    let pages: Vec<&Page> = site.pages.iter().filter(|p| p.has_fiche()).collect();
    if pages.is_empty() {
        return (BTreeMap::new(), Vec::new());
    }
    let worksheets = match Worksheets::new(site) {
        Ok(worksheets) => worksheets,
        Err(problem) => return (BTreeMap::new(), vec![problem]),
    };
    let mut sizes = BTreeMap::new();
    let mut problems = Vec::new();
    for batch in pages.chunks(BATCH) {
        let results: Vec<(PageId, Made)> = batch
            .par_iter()
            .map(|page| (page.id, worksheets.render(site, page)))
            .collect();
        for (id, result) in results {
            match result {
                Ok(bytes) => {
                    let page = &site.pages[id];
                    match sink.write(&output_path(page), &bytes) {
                        Ok(()) => {
                            sizes.insert(id, bytes.len() as u64);
                        }
                        Err(error) => problems.push(Diagnostic::error(
                            page.file(),
                            format!("cannot write the worksheet: {error}"),
                        )),
                    }
                }
                Err(found) => problems.extend(found),
            }
        }
        comemo::evict(10);
    }
    (sizes, problems)
}
