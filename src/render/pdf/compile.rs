//! Compiling one PDF: a *job* (the generated main file, the data it reads from memory, the
//! images of `content/` it may show), its fingerprint for the cache, and Typst's
//! compilation in the sandboxed World, tagged and PDF/UA-1 when the content allows it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::Serialize;
use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::{Datetime, Smart};
use typst::syntax::DiagSpanKind;
use typst::{World, WorldExt};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use super::cache::{Fingerprint, Key};
use super::qr;
use super::world::{FicheWorld, Shared, THEME_FOLDERS};
use crate::base::diagnostic::{Checked, Diagnostic, Diagnostics};
use crate::base::text::typst_string;
use crate::markdown::typst::{Markup, render as typst_markup};
use crate::model::links::PageLinks;
use crate::model::{Output, Page, Site};
use crate::render::views::page::PageView;
use crate::render::views::places::{PlaceView, listing_path};
use crate::sources::pages::CONTENT_DIR;
use crate::sources::places::PLACES_DIR;

/// The worksheet template, among the theme's templates (a site overrides it with its own
/// `templates/fiche.typ`).
pub const TEMPLATE: &str = "templates/fiche.typ";

/// A PDF's bytes, or `None` with why it could not be made.
pub type Made = Checked<Option<Vec<u8>>>;

/// The data a worksheet template receives.
#[derive(Serialize)]
struct SheetData<'a> {
    page: PageView,
    site: String,
    t: &'a serde_json::Value,
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

/// What a compiled document is named after in messages and metadata.
pub struct Origin {
    /// The file to name in messages.
    pub file: PathBuf,
    /// The document's identifier (its address in the site).
    pub ident: String,
    /// The date in its metadata, fixed so that two builds give the same bytes.
    pub date: Datetime,
}

impl Origin {
    /// The origin of the PDF of a page.
    pub fn of(site: &Site, page: &Page, output: &Output) -> Origin {
        Origin {
            file: page.file(),
            ident: output.path(site),
            date: timestamp(page.front.updated.as_deref().or(page.front.date.as_deref())),
        }
    }

    fn fingerprint(&self, fingerprint: &mut Fingerprint) {
        fingerprint
            .add(self.ident.as_bytes())
            .add(format!("{:?}", self.date).as_bytes());
    }
}

/// One document to compile.
pub struct Job {
    origin: Origin,
    main: String,
    memory: Vec<(String, Vec<u8>)>,
    allowed: Vec<String>,
}

impl Job {
    /// A document whose main file is `main`, reading `memory` (path, bytes) and the
    /// `allowed` images of `content/`.
    pub fn new(
        origin: Origin,
        main: String,
        memory: Vec<(String, Vec<u8>)>,
        allowed: Vec<String>,
    ) -> Job {
        Job {
            origin,
            main,
            memory,
            allowed,
        }
    }

    /// The file messages name.
    pub fn file(&self) -> &Path {
        &self.origin.file
    }
}

/// Compiles worksheets; holds the fonts and library shared by all of them.
pub struct Worksheets {
    shared: Shared,
    /// The site's folder.
    root: PathBuf,
    /// The fingerprint of the theme's files that Typst may read, fonts included.
    theme: Key,
    /// The fingerprint of each image of `content/` the worksheets show, computed once.
    images: Mutex<HashMap<String, Key>>,
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
        Checked::ok(Some(Worksheets {
            shared,
            root: site.root.clone(),
            theme: theme_fingerprint(site),
            images: Mutex::new(HashMap::new()),
        }))
    }

    /// Compiles the worksheet of one page.
    pub fn render(&self, site: &Site, page: &Page) -> Made {
        self.sheet_job(site, page)
            .and_then(|job| self.compile(job, true))
    }

    /// The job of the worksheet of a page; `None` with the problems of its Markdown when it
    /// has errors.
    pub fn sheet_job(&self, site: &Site, page: &Page) -> Checked<Option<Job>> {
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
        let origin = Origin::of(site, page, &Output::Worksheet(page.id));
        // The markup's warnings (images of the web) go with the worksheet.
        let mut problems = markup.problems;
        let images = markup.images;
        let job = problems.take(json(&data, &origin.file)).map(|json| {
            let alt = typst_string(&site.strings.get(&page.lang, "fiche.qr_alt"));
            let main = format!(
                "#import \"/theme/{TEMPLATE}\": *\n#show: fiche.with(json(\"/sheet.json\"), image(\"/qr.svg\", alt: {alt}, width: 100%))\n{}\n",
                markup.text
            );
            let memory = vec![
                ("/sheet.json".to_string(), json),
                ("/qr.svg".to_string(), qr.into_bytes()),
            ];
            Job::new(origin, main, memory, images)
        });
        Checked::new(job, problems)
    }

    /// The job of the printable directory of the help places of town `town`, in `lang`.
    pub fn city_job(&self, site: &Site, lang: &str, town: usize) -> Checked<Option<Job>> {
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
        json(&data, &origin.file).map(|json| {
            json.map(|json| {
                let qr = qr::svg(&data.url).unwrap_or_default();
                let alt = typst_string(&site.strings.get(lang, "places.qr_alt"));
                let main = format!(
                    "#import \"/theme/{TEMPLATE}\": *\n#directory(json(\"/directory.json\"), image(\"/qr.svg\", alt: {alt}, width: 100%))\n"
                );
                let memory = vec![
                    ("/directory.json".to_string(), json),
                    ("/qr.svg".to_string(), qr.into_bytes()),
                ];
                Job::new(origin, main, memory, Vec::new())
            })
        })
    }

    /// A fingerprint of everything `job` reads: the version of parcours, the theme's files
    /// and fonts, the generated main file (the page's text, the titles and addresses it
    /// links to), the data (front matter, interface strings, base URL), the images it
    /// shows and the PDF's metadata.
    pub fn key(&self, job: &Job) -> Key {
        let mut fingerprint = Fingerprint::new();
        fingerprint.add_key(self.theme).add(job.main.as_bytes());
        for (path, bytes) in &job.memory {
            fingerprint.add(path.as_bytes()).add(bytes);
        }
        for image in &job.allowed {
            fingerprint.add_key(self.image_fingerprint(image));
        }
        job.origin.fingerprint(&mut fingerprint);
        fingerprint.finish()
    }

    /// A fingerprint made of `pieces` and the theme's files, for what is not a [`Job`].
    pub fn key_of(&self, pieces: &[&[u8]], keys: &[Key], origin: &Origin) -> Key {
        let mut fingerprint = Fingerprint::new();
        fingerprint.add_key(self.theme);
        for piece in pieces {
            fingerprint.add(piece);
        }
        for key in keys {
            fingerprint.add_key(*key);
        }
        origin.fingerprint(&mut fingerprint);
        fingerprint.finish()
    }

    /// The fingerprint of an image of `content/` (its path and bytes), taken once per run.
    fn image_fingerprint(&self, image: &str) -> Key {
        let mut images = self.images.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(key) = images.get(image) {
            return *key;
        }
        let bytes = std::fs::read(self.root.join(CONTENT_DIR).join(image)).unwrap_or_default();
        let key = Fingerprint::new()
            .add(image.as_bytes())
            .add(&bytes)
            .finish();
        images.insert(image.to_string(), key);
        key
    }

    /// Compiles a job to a PDF, tagged, and PDF/UA-1 when `claim_ua` and the content allows
    /// it.
    pub fn compile(&self, job: Job, claim_ua: bool) -> Made {
        self.document(job)
            .and_then(|(world, origin, document)| self.export(&world, &origin, &document, claim_ua))
    }

    fn document(&self, job: Job) -> Checked<Option<(FicheWorld<'_>, Origin, PagedDocument)>> {
        let world = FicheWorld::new(&self.shared, job.main, job.memory, &self.root, job.allowed);
        let compiled = typst::compile::<PagedDocument>(&world);
        match compiled.output {
            Ok(document) => Checked::ok(Some((world, job.origin, document))),
            Err(errors) => Checked::failed_with(problems(&world, &job.origin, &errors)),
        }
    }

    fn export(
        &self,
        world: &FicheWorld,
        origin: &Origin,
        document: &PagedDocument,
        claim_ua: bool,
    ) -> Made {
        let mut options = PdfOptions {
            ident: Smart::Custom(origin.ident.clone()),
            timestamp: Some(Timestamp::new_utc(origin.date)),
            ..PdfOptions::default()
        };
        if claim_ua {
            options.standards = PdfStandards::new(&[PdfStandard::Ua_1]).unwrap_or_default();
        }
        // PDF/UA-1 when the page allows it (its headings in order, for example); a tagged
        // PDF without the claim otherwise.
        let pdf = typst_pdf::pdf(document, &options).or_else(|_| {
            options.standards = PdfStandards::default();
            typst_pdf::pdf(document, &options)
        });
        match pdf {
            Ok(bytes) => Checked::ok(Some(bytes)),
            Err(errors) => Checked::failed_with(problems(world, origin, &errors)),
        }
    }
}

/// The fingerprint of the theme's files that worksheets may read (templates, fonts, static
/// files, images), the site's own before the theme's.
fn theme_fingerprint(site: &Site) -> Key {
    let mut fingerprint = Fingerprint::new();
    for folder in THEME_FOLDERS {
        let folder = folder.trim_end_matches('/');
        let own = crate::base::files::walk_files(&site.root.join(folder));
        for (inner, path) in own {
            fingerprint
                .add(format!("site {folder}/{inner}").as_bytes())
                .add(&std::fs::read(path).unwrap_or_default());
        }
        for (inner, file) in site.theme.files_in(folder) {
            fingerprint
                .add(format!("theme {folder}/{inner}").as_bytes())
                .add(&file.read().unwrap_or_default());
        }
    }
    fingerprint.finish()
}

/// Typst's errors as diagnostics: on the theme's file and line when they are there, on the
/// page otherwise.
fn problems(world: &FicheWorld, origin: &Origin, errors: &[SourceDiagnostic]) -> Diagnostics {
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
                let line = world
                    .range(error.span)
                    .and_then(|range| world.source(file).ok()?.lines().byte_to_line(range.start));
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

/// The Typst markup of a page's body, with the images it shows and its problems.
pub fn markup(site: &Site, page: &Page) -> Markup {
    let links = PageLinks::new(site, page);
    typst_markup(&page.document(), &links.context())
}

/// A fixed date for the PDF's metadata, so that two builds give the same bytes: the date
/// given (`YYYY-MM-DD`), else 2000-01-01.
pub(super) fn timestamp(date: Option<&str>) -> Datetime {
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

/// A value as the JSON a template reads; `None` with an error on `file` when it cannot be
/// written.
pub(super) fn json(data: &impl Serialize, file: &Path) -> Checked<Option<Vec<u8>>> {
    match serde_json::to_vec(data) {
        Ok(json) => Checked::ok(Some(json)),
        Err(error) => Checked::failed(Diagnostic::error(file, error.to_string())),
    }
}
