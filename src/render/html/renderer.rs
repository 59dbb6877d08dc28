//! HTML, XML and text outputs: each [`Output`] of the model becomes one file through one
//! template of the theme. The pages of each kind are made by the neighbouring modules.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use minijinja::value::Serde;
use minijinja::{Environment, Value, context};
use serde::Serialize;

use super::templates;
use crate::base::diagnostic::Diagnostic;
use crate::base::urls::root_of;
use crate::model::coverage::Coverage;
use crate::model::{Output, PageId, Site};
use crate::render::views::page::{Addresses, PageView, SiteView};

/// A rendered output: its files, and what went wrong.
#[derive(Debug, Default)]
pub struct Rendered {
    /// Path of each file in the output folder, with its content (none when an error stopped it).
    pub files: Vec<(String, Vec<u8>)>,
    /// Errors and warnings.
    pub problems: Vec<Diagnostic>,
    /// Whether the page shows highlighted code.
    pub has_code: bool,
}

/// Renders outputs with the theme's templates, sharing the views every page needs.
pub struct HtmlRenderer<'a> {
    pub(super) site: &'a Site,
    pub(super) env: Environment<'static>,
    pub(super) site_value: Value,
    pub(super) strings: BTreeMap<String, Value>,
    /// The strings of every language, for pages that speak them all (chooser, 404, switcher).
    pub(super) all_strings: Value,
    /// Views of the pages, made when first needed.
    pub(super) views: Vec<OnceLock<PageView>>,
    /// Per language: the DigComp areas with their competences, and the top sections.
    pub(super) areas: BTreeMap<String, Value>,
    pub(super) top_sections: BTreeMap<String, Value>,
    /// The sizes of the PDFs made, by address; `None` when they are made later (the
    /// preview server makes each when first asked for).
    pub(super) pdf_sizes: Option<&'a BTreeMap<String, u64>>,
    /// Per language: the addresses every page links to.
    pub(super) urls: BTreeMap<String, Value>,
    /// The coverage of DigComp, counted when first needed.
    pub(super) coverage: OnceLock<Coverage>,
}

impl<'a> HtmlRenderer<'a> {
    /// Compiles the templates and prepares the views of every page.
    pub fn new(
        site: &'a Site,
        pdf_sizes: Option<&'a BTreeMap<String, u64>>,
    ) -> Result<HtmlRenderer<'a>, Vec<Diagnostic>> {
        let env = templates::environment(site)?;
        let strings = site
            .languages
            .iter()
            .map(|l| (l.code.clone(), ser(site.strings.of(&l.code))))
            .collect();
        let views = site.pages.iter().map(|_| OnceLock::new()).collect();
        let mut renderer = HtmlRenderer {
            site,
            env,
            site_value: ser(SiteView::new(site)),
            all_strings: ser(&strings),
            strings,
            views,
            areas: BTreeMap::new(),
            top_sections: BTreeMap::new(),
            pdf_sizes,
            urls: BTreeMap::new(),
            coverage: OnceLock::new(),
        };
        for language in &site.languages {
            let lang = &language.code;
            let areas = Value::from(renderer.areas_overview(lang));
            let sections = ser(renderer.top_sections(lang));
            renderer.areas.insert(lang.clone(), areas);
            renderer.top_sections.insert(lang.clone(), sections);
            let urls = ser(Addresses::of(site, lang));
            renderer.urls.insert(lang.clone(), urls);
        }
        Ok(renderer)
    }

    /// Renders one output.
    pub fn render(&self, output: &Output) -> Rendered {
        let file = output.file(self.site);
        let path = output.path(self.site);
        let (template, own, mut problems, has_code) = match output {
            Output::Page(id) => self.page_context(*id),
            Output::Framework(lang) => (
                "framework.html",
                self.framework_context(lang),
                Vec::new(),
                false,
            ),
            Output::Area(lang, area) => (
                "area.html",
                self.area_context(lang, area),
                Vec::new(),
                false,
            ),
            Output::Competence(lang, id) => (
                "competence.html",
                self.competence_context(lang, id),
                Vec::new(),
                false,
            ),
            Output::Level(lang, level) => (
                "level.html",
                self.level_context(lang, *level),
                Vec::new(),
                false,
            ),
            Output::Feed(lang) => ("atom.xml", self.feed_context(lang), Vec::new(), false),
            Output::Search(lang) => ("search.html", self.search_context(lang), Vec::new(), false),
            Output::Glossary(lang) => (
                "glossary.html",
                self.glossary_context(lang),
                Vec::new(),
                false,
            ),
            Output::Coverage(lang) => (
                "coverage.html",
                self.coverage_context(lang),
                Vec::new(),
                false,
            ),
            Output::Places(lang) => ("places.html", self.places_context(lang), Vec::new(), false),
            Output::Place(lang, index) => (
                "place.html",
                self.place_context(lang, *index),
                Vec::new(),
                false,
            ),
            // Made by the search and PDF renderers, never sent here.
            Output::SearchIndex(_)
            | Output::Worksheet(_)
            | Output::Booklet(_)
            | Output::CityList(..) => return Rendered::default(),
            Output::LanguageChooser => ("languages.html", Value::UNDEFINED, Vec::new(), false),
            Output::NotFound => ("404.html", Value::UNDEFINED, Vec::new(), false),
            Output::Sitemap => ("sitemap.xml", self.sitemap_context(), Vec::new(), false),
            Output::Robots => ("robots.txt", Value::UNDEFINED, Vec::new(), false),
            Output::ServiceWorker => ("sw.js", Value::UNDEFINED, Vec::new(), false),
        };
        let lang = output
            .lang(self.site)
            .unwrap_or(self.site.default_language())
            .to_string();
        let root = match output {
            Output::NotFound => self.site.config.base_path(),
            _ => root_of(&path),
        };
        let common = context! {
            site => self.site_value.clone(),
            lang => lang.clone(),
            t => self.strings.get(&lang).cloned().unwrap_or_default(),
            root => root,
            current_path => path.clone(),
            has_code => has_code,
            translations => ser(self.switcher(output)),
            breadcrumbs => ser(self.breadcrumbs(output)),
            sections => self.top_sections.get(&lang).cloned().unwrap_or_default(),
            urls => self.urls.get(&lang).cloned().unwrap_or_default(),
            strings_by_language => self.all_strings.clone(),
        };
        let context = context! { ..own, ..common };
        let mut rendered = Rendered {
            has_code,
            ..Rendered::default()
        };
        if problems.iter().any(Diagnostic::is_error) {
            rendered.problems = problems;
            return rendered;
        }
        match templates::render(&self.env, &self.site.theme, template, context) {
            Ok(text) => rendered.files.push((file, text.into_bytes())),
            Err(problem) => problems.push(problem),
        }
        rendered.problems = problems;
        rendered
    }

    pub(super) fn view(&self, id: PageId) -> &PageView {
        self.views[id].get_or_init(|| PageView::new(self.site, &self.site.pages[id]))
    }

    pub(super) fn views_of(&self, ids: &[PageId]) -> Vec<&PageView> {
        ids.iter().map(|&id| self.view(id)).collect()
    }
}

/// Any serialisable value as a template value.
pub(super) fn ser<T: Serialize>(value: T) -> Value {
    Value::from(Serde(value))
}
