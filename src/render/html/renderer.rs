//! HTML, XML and text outputs: each [`Output`] of the model becomes one file through one
//! template of the theme. The pages of each kind are made by the neighbouring modules.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use minijinja::value::Serde;
use minijinja::{Environment, Value, context};
use serde::Serialize;

use super::templates;
use crate::base::diagnostic::{Checked, Diagnostics};
use crate::base::urls::root_of;
use crate::model::coverage::Coverage;
use crate::model::{Output, PageId, SITEMAP_PART, Site};
use crate::render::views::page::{Addresses, PageView, SiteView};
use crate::render::views::places::filters;

/// A rendered output: its files, and what went wrong.
#[derive(Debug, Default)]
pub struct Rendered {
    /// Path of each file in the output folder, with its content (none when an error stopped it).
    pub files: Vec<(String, Vec<u8>)>,
    /// Errors and warnings.
    pub problems: Diagnostics,
    /// Whether the page shows highlighted code.
    pub has_code: bool,
}

/// What a template is given for one output: its name, the output's own values, and whether
/// the page shows highlighted code.
pub(super) struct Filled {
    /// The template's name (`page.html`).
    pub(super) template: &'static str,
    /// The values of this output, beside those every template receives.
    pub(super) own: Value,
    /// Whether the page shows highlighted code.
    pub(super) has_code: bool,
}

impl Filled {
    /// A template and values for an output without code.
    fn plain(template: &'static str, own: Value) -> Filled {
        Filled {
            template,
            own,
            has_code: false,
        }
    }
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
    /// Per language: the services and spoken languages the directory's filters offer.
    pub(super) place_filters: BTreeMap<String, (Value, Value)>,
    /// The outputs the sitemap lists, found when first needed (each of its files lists
    /// some of them).
    pub(super) sitemap: OnceLock<Vec<Output>>,
}

impl<'a> HtmlRenderer<'a> {
    /// Compiles the templates and prepares the views of every page; `None` when a template
    /// does not compile.
    pub fn new(
        site: &'a Site,
        pdf_sizes: Option<&'a BTreeMap<String, u64>>,
    ) -> Checked<Option<HtmlRenderer<'a>>> {
        let mut problems = Diagnostics::new();
        let Some(env) = problems.take(templates::environment(site)) else {
            return Checked::failed_with(problems);
        };
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
            place_filters: BTreeMap::new(),
            sitemap: OnceLock::new(),
        };
        for language in &site.languages {
            let lang = &language.code;
            let areas = Value::from(renderer.areas_overview(lang));
            let sections = ser(renderer.top_sections(lang));
            renderer.areas.insert(lang.clone(), areas);
            renderer.top_sections.insert(lang.clone(), sections);
            let urls = ser(Addresses::of(site, lang));
            renderer.urls.insert(lang.clone(), urls);
            if !site.directory.is_empty() {
                let (services, languages) = filters(site, lang);
                let filters = (ser(services), ser(languages));
                renderer.place_filters.insert(lang.clone(), filters);
            }
        }
        Checked::new(Some(renderer), problems)
    }

    /// Renders one output.
    pub fn render(&self, output: &Output) -> Rendered {
        let file = output.file(self.site);
        let path = output.path(self.site);
        let Some(Checked {
            value: filled,
            mut problems,
        }) = self.fill(output)
        else {
            return Rendered::default();
        };
        let Filled {
            template,
            own,
            has_code,
        } = filled;
        let lang = output
            .lang(self.site)
            .unwrap_or(self.site.default_language())
            .to_string();
        let root = match output {
            Output::NotFound if !self.site.config.portable => self.site.config.base_path(),
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
        if !problems.has_errors() {
            let text = templates::render(&self.env, &self.site.theme, template, context);
            rendered
                .files
                .extend(problems.take(text).map(|text| (file, text.into_bytes())));
        }
        rendered.problems = problems;
        rendered
    }

    /// The template of an output and its own values; `None` for the outputs the search and
    /// PDF renderers make, which are never sent here.
    fn fill(&self, output: &Output) -> Option<Checked<Filled>> {
        let plain = |template, own| Checked::ok(Filled::plain(template, own));
        Some(match output {
            Output::Page(id) => self.page_context(*id),
            Output::Framework(lang) => plain("framework.html", self.framework_context(lang)),
            Output::Area(lang, area) => plain("area.html", self.area_context(lang, area)),
            Output::Competence(lang, id) => {
                plain("competence.html", self.competence_context(lang, id))
            }
            Output::Level(lang, level) => plain("level.html", self.level_context(lang, *level)),
            Output::Feed(lang) => plain("atom.xml", self.feed_context(lang)),
            Output::Search(lang) => plain("search.html", self.search_context(lang)),
            Output::Glossary(lang) => plain("glossary.html", self.glossary_context(lang)),
            Output::Coverage(lang) => plain("coverage.html", self.coverage_context(lang)),
            Output::Places(lang) => plain("places.html", self.places_context(lang, 0)),
            Output::PlaceListing(lang, index) => {
                plain("places.html", self.places_context(lang, *index))
            }
            Output::Place(lang, index) => plain("place.html", self.place_context(lang, *index)),
            Output::SearchIndex(_)
            | Output::PlaceIndex
            | Output::Worksheet(_)
            | Output::Booklet(_)
            | Output::HelperSheet(_)
            | Output::CityList(..) => return None,
            Output::LanguageChooser => plain("languages.html", Value::UNDEFINED),
            Output::NotFound => plain("404.html", Value::UNDEFINED),
            Output::Sitemap => plain("sitemap.xml", self.sitemap_context()),
            Output::SitemapPart(part) => plain(
                "sitemap.xml",
                self.sitemap_part_context(*part, SITEMAP_PART),
            ),
            Output::Robots => plain("robots.txt", Value::UNDEFINED),
            Output::ServiceWorker => plain("sw.js", Value::UNDEFINED),
        })
    }

    pub(super) fn view(&self, id: PageId) -> &PageView {
        self.views[id].get_or_init(|| PageView::new(self.site, &self.site.pages[id]))
    }

    /// The outputs the sitemap lists, in order.
    pub(super) fn sitemap_pages(&self) -> &[Output] {
        self.sitemap.get_or_init(|| self.site.sitemap_outputs())
    }

    pub(super) fn views_of(&self, ids: &[PageId]) -> Vec<&PageView> {
        ids.iter().map(|&id| self.view(id)).collect()
    }
}

/// Any serialisable value as a template value.
pub(super) fn ser<T: Serialize>(value: T) -> Value {
    Value::from(Serde(value))
}
