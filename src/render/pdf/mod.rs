//! Printable worksheets ("fiches"): every page with a worksheet becomes an A4 PDF, laid out by
//! the theme's `fiche.typ` and compiled by Typst in a sandboxed World, in parallel.

mod qr;
mod world;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;
use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::{Datetime, Smart};
use typst::syntax::DiagSpanKind;
use typst::{World, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use crate::base::diagnostic::{Checked, Diagnostic, Diagnostics};
use crate::base::text::typst_string;
use crate::base::write::Sink;
use crate::markdown::typst::{Markup, render as typst_markup};
use crate::model::links::PageLinks;
use crate::model::{Output, Page, Site};
use crate::render::views::page::PageView;
use crate::render::views::places::{PlaceView, listing_path};
use crate::sources::places::PLACES_DIR;
use world::{FicheWorld, Shared};

/// The worksheet template, among the theme's templates (a site overrides it with its own
/// `templates/fiche.typ`).
pub const TEMPLATE: &str = "templates/fiche.typ";

/// How many worksheets are compiled between two clean-ups of Typst's caches.
const BATCH: usize = 48;

/// A PDF's bytes, or `None` with why it could not be made.
pub type Made = Checked<Option<Vec<u8>>>;

/// One worksheet's part of a Typst document.
struct Sheet {
    markup: String,
    qr_call: String,
    memory: Vec<(String, Vec<u8>)>,
}

/// The data a worksheet template receives.
#[derive(Serialize)]
struct SheetData<'a> {
    page: PageView,
    site: String,
    t: &'a serde_json::Value,
}

/// The data a booklet template receives.
#[derive(Serialize)]
struct BookletData<'a> {
    title: String,
    description: Option<String>,
    lang: String,
    site: String,
    count: usize,
    t: &'a serde_json::Value,
}

/// What a compiled document is named after in messages and metadata.
struct Origin {
    /// The file to name in messages.
    file: PathBuf,
    /// The document's identifier (its address in the site).
    ident: String,
    /// The date in its metadata, fixed so that two builds give the same bytes.
    date: Datetime,
}

impl Origin {
    fn of(page: &Page) -> Origin {
        Origin {
            file: page.file(),
            ident: page.path.clone(),
            date: timestamp(page.front.updated.as_deref().or(page.front.date.as_deref())),
        }
    }
}

/// The data the printed directory of a city receives.
#[derive(Serialize)]
struct CityData<'a> {
    city: &'a str,
    lang: &'a str,
    site: String,
    notice: Option<String>,
    url: String,
    places: Vec<PlaceView>,
    t: &'a serde_json::Value,
}

/// Makes worksheets; holds the fonts and library shared by all of them.
pub struct Worksheets {
    shared: Shared,
}

impl Worksheets {
    /// Prepares the worksheets of `site`: its template must exist and its theme have fonts;
    /// `None` otherwise.
    pub fn new(site: &Site) -> Checked<Option<Worksheets>> {
        if site.theme.find(TEMPLATE).is_none() {
            return Checked::failed(
                Diagnostic::error(
                    format!("themes/{}/{TEMPLATE}", site.config.theme),
                    "the theme has no worksheet template",
                )
                .with_hint("add fiche.typ to the theme, or set `fiche: false` on the pages"),
            );
        }
        let shared = Shared::new(&site.theme);
        if !shared.has_fonts() {
            return Checked::failed(
                Diagnostic::error(
                    format!("themes/{}/fonts", site.config.theme),
                    "the theme has no font for the worksheets",
                )
                .with_hint("put TTF or OTF files in the theme's fonts/ folder"),
            );
        }
        Checked::ok(Some(Worksheets { shared }))
    }

    /// Compiles the worksheet of one page.
    pub fn render(&self, site: &Site, page: &Page) -> Made {
        self.sheet(site, page, 0).and_then(|sheet| {
            let main = format!(
                "#import \"/theme/{TEMPLATE}\": *\n#show: fiche.with(json(\"/sheet-0.json\"), {})\n{}\n",
                sheet.qr_call, sheet.markup
            );
            self.compile(
                site,
                &Origin::of(page),
                main,
                sheet.memory,
                vec![page.dir.clone()],
            )
        })
    }

    /// Compiles the printable directory of the help places of town `town`, in `lang`.
    pub fn render_city(&self, site: &Site, lang: &str, town: usize) -> Made {
        let origin = Origin {
            file: PathBuf::from(PLACES_DIR),
            ident: Output::CityList(lang.to_string(), town).path(site),
            date: timestamp(None),
        };
        let listings = &site.listings;
        let fallback = site.default_language();
        let data = CityData {
            city: &listings.towns[town].name,
            lang,
            site: site.config.title.get(lang, fallback),
            notice: site
                .directory
                .notice
                .as_ref()
                .map(|n| n.get(lang, fallback)),
            url: site.permalink(&listing_path(site, lang, listings.of_town[town])),
            places: listings.towns[town]
                .places
                .iter()
                .map(|&index| PlaceView::new(site, lang, index))
                .collect(),
            t: site.strings.of(lang),
        };
        json(&data, &origin.file).and_then(|json| {
            let qr = qr::svg(&data.url).unwrap_or_default();
            let alt = typst_string(&site.strings.get(lang, "places.qr_alt"));
            let main = format!(
                "#import \"/theme/{TEMPLATE}\": *\n#directory(json(\"/directory.json\"), image(\"/qr.svg\", alt: {alt}, width: 100%))\n"
            );
            let memory = vec![
                ("/directory.json".to_string(), json),
                ("/qr.svg".to_string(), qr.into_bytes()),
            ];
            self.compile(site, &origin, main, memory, Vec::new())
        })
    }

    /// Compiles the booklet of a section: a cover, the contents, and every worksheet of it.
    pub fn render_booklet(&self, site: &Site, section: &Page) -> Made {
        let pages = site.booklet_pages(section);
        let data = BookletData {
            title: section.front.title.clone(),
            description: section.front.description.clone(),
            lang: section.lang.clone(),
            site: site
                .config
                .title
                .get(&section.lang, site.default_language()),
            count: pages.len(),
            t: site.strings.of(&section.lang),
        };
        let mut problems = Diagnostics::new();
        let Some(json) = problems.take(json(&data, &section.file())) else {
            return Checked::failed_with(problems);
        };
        let mut memory = vec![("/booklet.json".to_string(), json)];
        let mut main = format!(
            "#import \"/theme/{TEMPLATE}\": *\n#show: booklet.with(json(\"/booklet.json\"))\n"
        );
        let mut allowed = Vec::new();
        for (index, page) in pages.iter().enumerate() {
            let Some(sheet) = problems.take(self.sheet(site, page, index)) else {
                return Checked::failed_with(problems);
            };
            main.push_str(&format!(
                "#sheet(json(\"/sheet-{index}.json\"), {})[\n{}\n]\n",
                sheet.qr_call, sheet.markup
            ));
            memory.extend(sheet.memory);
            allowed.push(page.dir.clone());
        }
        let made = self.compile(site, &Origin::of(section), main, memory, allowed);
        Checked::new(problems.take(made), problems)
    }

    /// The markup and files of one worksheet, numbered `index` inside its document; `None`
    /// with the problems of the page's Markdown when it has errors.
    fn sheet(&self, site: &Site, page: &Page, index: usize) -> Checked<Option<Sheet>> {
        let markup = markup(site, page);
        if markup.problems.has_errors() {
            return Checked::failed_with(markup.problems);
        }
        let view = PageView::new(site, page);
        let qr = qr::svg(&view.permalink).unwrap_or_default();
        let data = SheetData {
            page: view,
            site: site.config.title.get(&page.lang, site.default_language()),
            t: site.strings.of(&page.lang),
        };
        // The markup's warnings (images of the web) go with the sheet.
        let mut problems = markup.problems;
        let sheet = problems.take(json(&data, &page.file())).map(|json| {
            let alt = typst_string(&site.strings.get(&page.lang, "fiche.qr_alt"));
            Sheet {
                markup: markup.text,
                qr_call: format!("image(\"/qr-{index}.svg\", alt: {alt}, width: 100%)"),
                memory: vec![
                    (format!("/sheet-{index}.json"), json),
                    (format!("/qr-{index}.svg"), qr.into_bytes()),
                ],
            }
        });
        Checked::new(sheet, problems)
    }

    /// Compiles a main Typst file to a PDF, tagged, PDF/UA-1 when the content allows it.
    fn compile(
        &self,
        site: &Site,
        origin: &Origin,
        main: String,
        memory: Vec<(String, Vec<u8>)>,
        allowed: Vec<String>,
    ) -> Made {
        let world = FicheWorld::new(&self.shared, main, memory, &site.root, allowed);
        let compiled = typst::compile::<PagedDocument>(&world);
        let document = match compiled.output {
            Ok(document) => document,
            Err(errors) => return Checked::failed_with(self.problems(&world, origin, &errors)),
        };
        let mut options = PdfOptions {
            ident: Smart::Custom(origin.ident.clone()),
            timestamp: Some(Timestamp::new_utc(origin.date)),
            standards: PdfStandards::new(&[PdfStandard::Ua_1]).unwrap_or_default(),
            ..PdfOptions::default()
        };
        // PDF/UA-1 when the page allows it (its headings in order, for example); a tagged
        // PDF without the claim otherwise.
        let pdf = typst_pdf::pdf(&document, &options).or_else(|_| {
            options.standards = PdfStandards::default();
            typst_pdf::pdf(&document, &options)
        });
        match pdf {
            Ok(bytes) => Checked::ok(Some(bytes)),
            Err(errors) => Checked::failed_with(self.problems(&world, origin, &errors)),
        }
    }

    /// Typst's errors as diagnostics: on the theme's file and line when they are there, on
    /// the page otherwise.
    fn problems(
        &self,
        world: &FicheWorld,
        origin: &Origin,
        errors: &[SourceDiagnostic],
    ) -> Diagnostics {
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
                            "{message}, while making the PDF of {}",
                            origin.file.display()
                        ),
                    );
                    return match line {
                        Some(line) => d.at_line(line + 1),
                        None => d,
                    };
                }
                Diagnostic::error(&origin.file, message)
            })
            .collect()
    }
}

/// The Typst markup of a page's body, with the images it shows and its problems.
pub fn markup(site: &Site, page: &Page) -> Markup {
    let links = PageLinks::new(site, page);
    typst_markup(&page.document(), &links.context())
}

/// A fixed date for the PDF's metadata, so that two builds give the same bytes: the date
/// given (`YYYY-MM-DD`), else 2000-01-01.
fn timestamp(date: Option<&str>) -> Datetime {
    let date = date.unwrap_or("2000-01-01");
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

/// Compiles a PDF of the site: the worksheet of a course, the booklet of a section or a
/// learning path, or the directory of a city; `None` for an output that is no PDF.
pub fn make(worksheets: &Worksheets, site: &Site, output: &Output) -> Option<Made> {
    Some(match output {
        Output::Worksheet(id) => worksheets.render(site, &site.pages[*id]),
        Output::Booklet(id) => worksheets.render_booklet(site, &site.pages[*id]),
        Output::CityList(lang, town) => worksheets.render_city(site, lang, *town),
        _ => return None,
    })
}

/// A value as the JSON a template reads; `None` with an error on `file` when it cannot be
/// written.
fn json(data: &impl Serialize, file: &Path) -> Checked<Option<Vec<u8>>> {
    match serde_json::to_vec(data) {
        Ok(json) => Checked::ok(Some(json)),
        Err(error) => Checked::failed(Diagnostic::error(file, error.to_string())),
    }
}

/// Compiles the PDFs among `outputs` into `sink`, in parallel, and returns their sizes by
/// address.
pub fn render_all(site: &Site, outputs: &[Output], sink: &Sink) -> Checked<BTreeMap<String, u64>> {
    if outputs.is_empty() {
        return Checked::ok(BTreeMap::new());
    }
    let mut problems = Diagnostics::new();
    let Some(worksheets) = problems.take(Worksheets::new(site)) else {
        return Checked::new(BTreeMap::new(), problems);
    };
    let mut sizes = BTreeMap::new();
    for batch in outputs.chunks(BATCH) {
        let results: Vec<(String, Option<Made>)> = batch
            .par_iter()
            .map(|output| (output.path(site), make(&worksheets, site, output)))
            .collect();
        for (path, made) in results {
            let Some(bytes) = made.and_then(|made| problems.take(made)) else {
                continue;
            };
            match sink.write(&path, &bytes) {
                Ok(()) => {
                    sizes.insert(path, bytes.len() as u64);
                }
                Err(error) => problems.push(Diagnostic::error(
                    &path,
                    format!("cannot write the PDF: {error}"),
                )),
            }
        }
        comemo::evict(10);
    }
    Checked::new(sizes, problems)
}
