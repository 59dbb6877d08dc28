//! Every output the renderers produce from the model, and its address: computed here once,
//! so that renderers and templates receive addresses and never spell them.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

use super::page::{Page, PageId, PageKind};
use super::site::Site;
use crate::base::diagnostic::{Diagnostic, Diagnostics};
use crate::base::files::walk_files;
use crate::markdown::helper;
use crate::sources::digcomp;
use crate::sources::pages::CONTENT_DIR;

/// What the file name of a helper sheet adds to its worksheet's (`slug-helper.pdf`).
const HELPER_SUFFIX: &str = "helper";

/// The first file of a language's search index, in its folder.
pub const SEARCH_META: &str = "meta.json";

/// The folder of the index of the directory's filters.
pub const PLACE_INDEX: &str = "places/";

/// The first file of the index of the directory's filters, in its folder.
pub const PLACE_INDEX_META: &str = "index.json";

/// The most addresses one sitemap file lists. Beyond, `sitemap.xml` becomes the index of
/// sitemap files of this size (the protocol allows 50,000 and 50 MB per file; smaller files
/// are made in parallel and keep the build's memory low).
pub const SITEMAP_PART: usize = 10_000;

/// One output of the build, named by what it shows.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Output {
    /// A home, section or course page.
    Page(PageId),
    /// The overview of DigComp 2.2 in a language: areas, competences, levels.
    Framework(String),
    /// An area's page: its competences (language, area id).
    Area(String, String),
    /// A competence's page: the courses that teach it, by level (language, competence id).
    Competence(String, String),
    /// A level's page: the courses that aim at it (language, level).
    Level(String, u8),
    /// The Atom feed of a language.
    Feed(String),
    /// How well the courses cover DigComp, for authors and partners (language).
    Coverage(String),
    /// The defined words of a language.
    Glossary(String),
    /// The search page of a language, which opens from a shareable `?q=` address.
    Search(String),
    /// The directory of help places in a language, filtered in the browser: its first
    /// listing page.
    Places(String),
    /// A listing page of the directory below the first (language, index among the
    /// listings' pages).
    PlaceListing(String, usize),
    /// One help place's page (language, index in the directory's places).
    Place(String, usize),
    /// What the directory's filters read in the browser, in every language: the towns by the
    /// start of their names and postcodes, and the places of each listing page.
    PlaceIndex,
    /// The static search index of a language: many small files under `search/<lang>/`.
    SearchIndex(String),
    /// The printable worksheet of a course.
    Worksheet(PageId),
    /// The booklet of a section or a learning path: the worksheets of its courses.
    Booklet(PageId),
    /// The helper sheet of a course ("fiche animateur"): its goals, facts, materials, helper
    /// notes and quiz answers, for the helper only.
    HelperSheet(PageId),
    /// The printable directory of the help places of a town (language, index among the
    /// directory's towns).
    CityList(String, usize),
    /// The root page offering the languages.
    LanguageChooser,
    /// The page shown for a missing address.
    NotFound,
    /// sitemap.xml: every page with its translations or, on a site of more than
    /// [`SITEMAP_PART`] pages, the index of its sitemap files.
    Sitemap,
    /// One file of a large site's sitemap (`sitemap-1.xml`...): the pages of that part, from
    /// its index 0.
    SitemapPart(usize),
    /// robots.txt.
    Robots,
    /// sw.js, the service worker of offline reading.
    ServiceWorker,
}

impl Output {
    /// The URL path from the site root: folders end with `/` (their file is `index.html`).
    pub fn path(&self, site: &Site) -> String {
        match self {
            Output::Page(id) => site.pages[*id].path.clone(),
            Output::Framework(lang) => format!("{lang}/digcomp/"),
            Output::Area(lang, area) => format!("{lang}/digcomp/{area}/"),
            Output::Competence(lang, id) => format!("{lang}/digcomp/{id}/"),
            Output::Level(lang, level) => format!("{lang}/digcomp/levels/{level}/"),
            Output::Feed(lang) => format!("{lang}/atom.xml"),
            Output::Coverage(lang) => format!("{lang}/digcomp/coverage/"),
            Output::Glossary(lang) => format!("{lang}/glossary/"),
            Output::Search(lang) => format!("{lang}/search/"),
            Output::Places(lang) => format!("{lang}/places/"),
            Output::PlaceListing(lang, index) => {
                format!("{lang}/places/{}", site.listings.pages[*index].folder)
            }
            Output::PlaceIndex => PLACE_INDEX.into(),
            Output::Place(lang, index) => {
                format!("{lang}/places/{}/", site.directory.places[*index].slug)
            }
            Output::SearchIndex(lang) => format!("search/{lang}/"),
            Output::Worksheet(id) | Output::Booklet(id) => {
                let page = &site.pages[*id];
                let slug = page.path.trim_end_matches('/').rsplit('/').next();
                format!("{}{}.pdf", page.path, slug.unwrap_or("fiche"))
            }
            Output::HelperSheet(id) => {
                let page = &site.pages[*id];
                let slug = page.path.trim_end_matches('/').rsplit('/').next();
                format!(
                    "{}{}-{HELPER_SUFFIX}.pdf",
                    page.path,
                    slug.unwrap_or("fiche")
                )
            }
            Output::CityList(lang, town) => {
                let town = &site.listings.towns[*town];
                format!("{lang}/places/{}{}.pdf", town.folder, town.slug)
            }
            Output::LanguageChooser => String::new(),
            Output::NotFound => "404.html".into(),
            Output::Sitemap => "sitemap.xml".into(),
            Output::SitemapPart(part) => format!("sitemap-{}.xml", part + 1),
            Output::Robots => "robots.txt".into(),
            Output::ServiceWorker => "sw.js".into(),
        }
    }

    /// The file written, relative to the output folder (the index's first file for the
    /// search index, whose address is its folder).
    pub fn file(&self, site: &Site) -> String {
        let path = self.path(site);
        if let Output::SearchIndex(_) = self {
            format!("{path}{SEARCH_META}")
        } else if let Output::PlaceIndex = self {
            format!("{path}{PLACE_INDEX_META}")
        } else if path.is_empty() || path.ends_with('/') {
            format!("{path}index.html")
        } else {
            path
        }
    }

    /// Whether the theme's scripts fetch this output's files rather than the browser opening
    /// them. A portable site gives each of them a script twin (`FILE.js`) that pages load
    /// instead, since browsers refuse `fetch` on `file://`.
    pub fn is_fetched(&self) -> bool {
        matches!(self, Output::SearchIndex(_) | Output::PlaceIndex)
    }

    /// What this output is, for messages.
    pub fn describe(&self, site: &Site) -> String {
        match self {
            Output::Page(id) => format!("the page {}", site.pages[*id].file().display()),
            Output::Framework(lang) => format!("the DigComp overview ({lang})"),
            Output::Area(lang, area) => format!("the page of DigComp area {area} ({lang})"),
            Output::Competence(lang, id) => format!("the page of competence {id} ({lang})"),
            Output::Level(lang, level) => format!("the page of level {level} ({lang})"),
            Output::Feed(lang) => format!("the feed of {lang}"),
            Output::Coverage(lang) => format!("the coverage of DigComp ({lang})"),
            Output::Glossary(lang) => format!("the glossary ({lang})"),
            Output::Search(lang) => format!("the search page ({lang})"),
            Output::Places(lang) => format!("the directory of help places ({lang})"),
            Output::PlaceListing(lang, index) => format!(
                "the page /{lang}/places/{} of the directory",
                site.listings.pages[*index].folder
            ),
            Output::PlaceIndex => "the index of the directory's filters".into(),
            Output::Place(lang, index) => {
                let place = &site.directory.places[*index];
                format!(
                    "the page of {} ({}:{}, {lang})",
                    place.name,
                    place.file.display(),
                    place.line
                )
            }
            Output::SearchIndex(lang) => format!("the search index ({lang})"),
            Output::Worksheet(id) => {
                format!("the worksheet of {}", site.pages[*id].file().display())
            }
            Output::Booklet(id) => format!("the booklet of {}", site.pages[*id].file().display()),
            Output::HelperSheet(id) => {
                format!("the helper sheet of {}", site.pages[*id].file().display())
            }
            Output::CityList(lang, town) => format!(
                "the printed directory of {} ({lang})",
                site.listings.towns[*town].name
            ),
            Output::LanguageChooser => "the language chooser".into(),
            Output::NotFound => "the 404 page".into(),
            Output::Sitemap => "the sitemap".into(),
            Output::SitemapPart(part) => format!("part {} of the sitemap", part + 1),
            Output::Robots => "robots.txt".into(),
            Output::ServiceWorker => "the service worker".into(),
        }
    }

    /// Whether the sitemap lists this output: a page a reader may land on, in any language
    /// (not a feed, an index, a file for scripts or a PDF).
    pub fn in_sitemap(&self) -> bool {
        matches!(
            self,
            Output::Page(_)
                | Output::Framework(_)
                | Output::Area(..)
                | Output::Competence(..)
                | Output::Level(..)
                | Output::Coverage(_)
                | Output::Glossary(_)
                | Output::Places(_)
                | Output::PlaceListing(..)
                | Output::Place(..)
                | Output::LanguageChooser
        )
    }

    /// The language the output is in, if it has one.
    pub fn lang<'a>(&'a self, site: &'a Site) -> Option<&'a str> {
        match self {
            Output::Page(id) => Some(&site.pages[*id].lang),
            Output::Framework(lang)
            | Output::Area(lang, _)
            | Output::Competence(lang, _)
            | Output::Level(lang, _)
            | Output::Feed(lang)
            | Output::Coverage(lang)
            | Output::Glossary(lang)
            | Output::Search(lang)
            | Output::Places(lang)
            | Output::PlaceListing(lang, _)
            | Output::Place(lang, _)
            | Output::SearchIndex(lang)
            | Output::CityList(lang, _) => Some(lang),
            Output::Worksheet(id) | Output::Booklet(id) | Output::HelperSheet(id) => {
                Some(&site.pages[*id].lang)
            }
            _ => None,
        }
    }
}

/// How many sitemap files `pages` addresses need: none when one sitemap holds them all.
pub fn sitemap_parts(pages: usize) -> usize {
    if pages <= SITEMAP_PART {
        0
    } else {
        pages.div_ceil(SITEMAP_PART)
    }
}

impl Site {
    /// Every output of the site, in a stable order.
    pub fn outputs(&self) -> Vec<Output> {
        let framework = digcomp::framework();
        let mut outputs: Vec<Output> = (0..self.pages.len()).map(Output::Page).collect();
        outputs.extend(self.pages.iter().filter_map(|page| self.pdf_of(page)));
        outputs.extend(
            self.pages
                .iter()
                .filter_map(|page| self.helper_sheet_of(page)),
        );
        for language in &self.languages {
            let lang = &language.code;
            outputs.push(Output::Framework(lang.clone()));
            outputs.extend(
                framework
                    .areas
                    .iter()
                    .map(|a| Output::Area(lang.clone(), a.id.clone())),
            );
            outputs.extend(
                framework
                    .competences
                    .iter()
                    .map(|c| Output::Competence(lang.clone(), c.id.clone())),
            );
            outputs.extend(digcomp::LEVELS.map(|level| Output::Level(lang.clone(), level)));
            outputs.push(Output::Feed(lang.clone()));
            outputs.push(Output::Coverage(lang.clone()));
            if !self.glossary.terms(lang).is_empty() {
                outputs.push(Output::Glossary(lang.clone()));
            }
            if !self.directory.is_empty() {
                outputs.push(Output::Places(lang.clone()));
                outputs.extend(
                    (1..self.listings.pages.len()).map(|i| Output::PlaceListing(lang.clone(), i)),
                );
                outputs.extend(
                    (0..self.directory.places.len()).map(|i| Output::Place(lang.clone(), i)),
                );
                if self.directory.print {
                    outputs.extend(
                        (0..self.listings.towns.len()).map(|i| Output::CityList(lang.clone(), i)),
                    );
                }
            }
            if self.config.search {
                outputs.push(Output::Search(lang.clone()));
                outputs.push(Output::SearchIndex(lang.clone()));
            }
        }
        if self.listings.pages.len() > 1 {
            outputs.push(Output::PlaceIndex);
        }
        outputs.extend([Output::LanguageChooser, Output::NotFound]);
        let parts = sitemap_parts(outputs.iter().filter(|o| o.in_sitemap()).count());
        outputs.extend((0..parts).map(Output::SitemapPart));
        outputs.extend([Output::Sitemap, Output::Robots]);
        if self.config.offline {
            outputs.push(Output::ServiceWorker);
        }
        outputs
    }

    /// The outputs the sitemap lists, in order: the pages a reader may land on.
    pub fn sitemap_outputs(&self) -> Vec<Output> {
        let mut outputs = self.outputs();
        outputs.retain(Output::in_sitemap);
        outputs
    }

    /// How many sitemap files the index of a large site's sitemap lists (none on a site
    /// whose sitemap is one file).
    pub fn sitemap_parts(&self) -> usize {
        sitemap_parts(self.sitemap_outputs().len())
    }

    /// The printable PDF of a page, if it has one: the worksheet of a course, or the booklet
    /// of a section or a learning path that has courses with worksheets.
    pub fn pdf_of(&self, page: &Page) -> Option<Output> {
        match page.kind {
            PageKind::Section | PageKind::Path => {
                (!self.booklet_pages(page).is_empty()).then_some(Output::Booklet(page.id))
            }
            _ => page.has_fiche().then_some(Output::Worksheet(page.id)),
        }
    }

    /// The helper sheet of a page, if it has one: a course with a worksheet that holds
    /// something for the helper only (a `:::helper` box or a quiz).
    pub fn helper_sheet_of(&self, page: &Page) -> Option<Output> {
        let has = page.kind == PageKind::Course
            && page.has_fiche()
            && helper::has_helper_material(&page.body);
        has.then_some(Output::HelperSheet(page.id))
    }

    /// The worksheets of a booklet: a section's pages, or a learning path's courses in order.
    pub fn booklet_pages(&self, page: &Page) -> Vec<&Page> {
        let ids: &[PageId] = match page.kind {
            PageKind::Section => &page.pages,
            PageKind::Path => self.learning_path(page.id).map_or(&[], |p| &p.steps),
            _ => &[],
        };
        ids.iter()
            .map(|&id| &self.pages[id])
            .filter(|p| p.has_fiche())
            .collect()
    }

    /// The absolute URL of an address of the site.
    pub fn permalink(&self, path: &str) -> String {
        format!("{}{path}", self.config.base_url)
    }

    /// The address of a content asset in a language (`fr/securite/cadenas.svg`): assets are
    /// copied beside their pages in every language.
    pub fn asset_path(&self, asset: &str, lang: &str) -> String {
        format!("{lang}/{asset}")
    }

    /// Detects two outputs with the same URL, and records every URL path of the site.
    pub(super) fn check_paths(&mut self, problems: &mut Diagnostics) {
        let mut owners: HashMap<String, Output> = HashMap::new();
        for output in self.outputs() {
            let path = output.path(self);
            if let Some(first) = owners.get(&path) {
                let file = match output {
                    Output::Page(id) => self.pages[id].file(),
                    _ => PathBuf::from(CONTENT_DIR),
                };
                let (owner, first) = (output.describe(self), first.describe(self));
                problems.push(
                    Diagnostic::error(file, format!("{owner} has the same URL /{path} as {first}"))
                        .with_hint("give one of them another file name, or a `slug:` of its own"),
                );
            } else {
                owners.insert(path, output);
            }
        }
        let mut known: BTreeSet<String> = owners.into_keys().collect();
        for asset in &self.assets {
            for language in &self.languages {
                known.insert(self.asset_path(&asset.path, &language.code));
            }
        }
        for (inner, _) in self.theme.static_files() {
            known.insert(inner);
        }
        for (inner, _) in walk_files(&self.root.join("static")) {
            known.insert(inner);
        }
        self.known_paths = known;
    }
}
