//! HTML, XML and text outputs: each [`Output`] of the model becomes one file through one
//! template of the theme.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use minijinja::value::Serde;
use minijinja::{Environment, Value, context};
use serde::Serialize;

use super::context::{PageView, SiteView};
use super::templates;
use super::{Fiches, directory, pdf};
use crate::base::diagnostic::Diagnostic;
use crate::base::urls::root_of;
use crate::markdown::blocks::{quiz, selftest};
use crate::markdown::document::Heading;
use crate::markdown::html::{self as markdown_html, Html};
use crate::model::links::PageLinks;
use crate::model::{Output, Page, PageId, PageKind, Site};
use crate::render::coverage::Coverage;
use crate::sources::digcomp::level_label;
use crate::sources::digcomp::{self, text};

/// One language in the switcher of a page.
#[derive(Debug, Serialize)]
struct Switch {
    code: String,
    name: String,
    path: String,
    available: bool,
    current: bool,
}

/// A link in the breadcrumb trail.
#[derive(Debug, Serialize)]
struct Crumb {
    title: String,
    path: String,
}

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
    site: &'a Site,
    env: Environment<'static>,
    site_value: Value,
    strings: BTreeMap<String, Value>,
    /// The strings of every language, for pages that speak them all (chooser, 404, switcher).
    all_strings: Value,
    /// Views of the pages, made when first needed.
    views: Vec<OnceLock<PageView>>,
    /// Per language: the DigComp areas with their competences, and the top sections.
    areas: BTreeMap<String, Value>,
    top_sections: BTreeMap<String, Value>,
    fiches: &'a Fiches,
    /// The coverage of DigComp, counted when first needed.
    coverage: OnceLock<Coverage>,
}

impl<'a> HtmlRenderer<'a> {
    /// Compiles the templates and prepares the views of every page.
    pub fn new(site: &'a Site, fiches: &'a Fiches) -> Result<HtmlRenderer<'a>, Vec<Diagnostic>> {
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
            fiches,
            coverage: OnceLock::new(),
        };
        for language in &site.languages {
            let lang = &language.code;
            let areas = Value::from(renderer.areas_overview(lang));
            let sections = ser(renderer.top_sections(lang));
            renderer.areas.insert(lang.clone(), areas);
            renderer.top_sections.insert(lang.clone(), sections);
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
            Output::SearchIndex(lang) => {
                return Rendered {
                    files: crate::render::search::index::render(self.site, lang),
                    ..Rendered::default()
                };
            }
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

    fn view(&self, id: PageId) -> &PageView {
        self.views[id].get_or_init(|| PageView::new(self.site, &self.site.pages[id]))
    }

    fn views_of(&self, ids: &[PageId]) -> Vec<&PageView> {
        ids.iter().map(|&id| self.view(id)).collect()
    }

    fn page_context(&self, id: PageId) -> (&'static str, Value, Vec<Diagnostic>, bool) {
        let page = &self.site.pages[id];
        let body = body(self.site, page);
        let template = match page.kind {
            PageKind::Home => "home.html",
            PageKind::Section => "section.html",
            PageKind::Course => "page.html",
            PageKind::Path => "path.html",
        };
        let sections: Vec<_> = page
            .subsections
            .iter()
            .map(|&s| context! { section => ser(self.view(s)), pages => ser(self.views_of(&self.site.pages[s].pages)) })
            .collect();
        let value = context! {
            page => ser(self.view(id)),
            content => Value::from_safe_string(body.html.html.clone()),
            toc => ser(&body.toc),
            section => ser(page.parent.map(|p| self.view(p))),
            pages => ser(self.views_of(&page.pages)),
            subsections => sections,
            areas => self.areas.get(&page.lang).cloned().unwrap_or_default(),
            fiche => self.fiche(page),
            jsonld => self.jsonld(page),
            learning_path => self.learning_path(page),
            in_paths => self.in_paths(page),
            continue_at => self.continue_at(page),
            has_quiz => body.has(quiz::FENCE),
            has_terms => body.html.has_terms,
            has_selftest => body.has(selftest::FENCE),
        };
        (template, value, body.problems, body.html.has_code)
    }

    /// The schema.org description of a course or a learning path.
    fn jsonld(&self, page: &Page) -> Option<Value> {
        match (page.kind, self.site.learning_path(page.id)) {
            (PageKind::Course, _) => Some(ser(super::jsonld::course(self.site, page))),
            (PageKind::Path, Some(path)) => Some(ser(super::jsonld::path(self.site, page, path))),
            _ => None,
        }
    }

    /// A learning path's page: its courses in order, their total duration, the competences
    /// they teach (each at the highest level aimed at), the paths before and after it.
    fn learning_path(&self, page: &Page) -> Option<Value> {
        let path = self.site.learning_path(page.id)?;
        let steps = self.views_of(&path.steps);
        let minutes: u32 = steps.iter().filter_map(|v| v.duration).sum();
        let mut competences: BTreeMap<&str, &super::context::Badge> = BTreeMap::new();
        for badge in steps.iter().flat_map(|v| &v.competences) {
            let kept = competences.entry(&badge.id).or_insert(badge);
            if badge.level > kept.level {
                *kept = badge;
            }
        }
        Some(context! {
            steps => ser(&steps),
            duration => (minutes > 0).then(|| super::context::duration_label(self.site, &page.lang, minutes)),
            competences => ser(competences.into_values().collect::<Vec<_>>()),
            prerequisites => ser(self.views_of(&path.prerequisites)),
            next => ser(self.views_of(&self.site.paths_after(page.id))),
        })
    }

    /// For a course, each learning path it is a step of: the path, the step's place, and
    /// the courses before and after it.
    fn in_paths(&self, page: &Page) -> Vec<Value> {
        self.site
            .paths_through(page.id)
            .into_iter()
            .filter_map(|id| {
                let steps = &self.site.learning_path(id)?.steps;
                let at = steps.iter().position(|&s| s == page.id)?;
                Some(context! {
                    path => ser(self.view(id)),
                    step => at + 1,
                    count => steps.len(),
                    previous => at.checked_sub(1).map(|i| ser(self.view(steps[i]))),
                    next => steps.get(at + 1).map(|&s| ser(self.view(s))),
                })
            })
            .collect()
    }

    /// The worksheet of a page: its address and, once made, its size in words.
    fn fiche(&self, page: &Page) -> Option<Value> {
        if !pdf::has_pdf(self.site, page) {
            return None;
        }
        let path = pdf::output_path(page);
        self.pdf_link(&page.lang, path)
    }

    /// A link to a PDF of the site: its address and, once made, its size in words; `None`
    /// when a build made the PDFs and this one failed.
    fn pdf_link(&self, lang: &str, path: String) -> Option<Value> {
        let size = match self.fiches {
            Fiches::Made(sizes) => Some(sizes.get(&path).copied()?),
            _ => None,
        };
        let size_label = size.map(|bytes| {
            let kilobytes = bytes.div_ceil(1024).to_string();
            self.site
                .strings
                .get(lang, "fiche.kilobytes")
                .replace("{n}", &kilobytes)
        });
        Some(context! { path => path, size => size_label })
    }

    /// The directory of help places: the filters, and the places of each city with the
    /// link to its printable list.
    fn places_context(&self, lang: &str) -> Value {
        let (services, languages) = directory::filters(self.site, lang);
        let cities: Vec<Value> = directory::cities(self.site, lang)
            .into_iter()
            .map(|city| {
                let pdf = self.pdf_link(lang, directory::city_pdf(lang, &city.name));
                context! { pdf => pdf, ..ser(&city) }
            })
            .collect();
        context! {
            notice => self.notice(lang),
            services => ser(services),
            languages => ser(languages),
            cities => cities,
            count => self.site.directory.places.len(),
        }
    }

    /// A help place's page.
    fn place_context(&self, lang: &str, index: usize) -> Value {
        let place = &self.site.directory.places[index];
        let view = directory::PlaceView::new(self.site, lang, index);
        let jsonld = super::jsonld::place(&view);
        context! {
            place => ser(view),
            notice => self.notice(lang),
            jsonld => ser(jsonld),
            pdf => self.pdf_link(lang, directory::city_pdf(lang, &place.city)),
        }
    }

    /// The notice of the directory ("these places are examples") in `lang`.
    fn notice(&self, lang: &str) -> Option<String> {
        let notice = self.site.directory.notice.as_ref()?;
        Some(notice.get(lang, self.site.default_language()))
    }

    /// The services of the directory that continue a page, each with the address of the
    /// directory filtered on it.
    fn continue_at(&self, page: &Page) -> Vec<Value> {
        let Some(services) = &page.front.continue_at else {
            return Vec::new();
        };
        let directory = Output::Places(page.lang.clone()).path(self.site);
        services
            .ids
            .iter()
            .filter_map(|id| {
                let name = self.site.directory.services.get(id)?;
                Some(context! {
                    name => name.get(&page.lang, self.site.default_language()),
                    path => format!("{directory}?service={id}"),
                })
            })
            .collect()
    }

    /// The areas with their competences and how many courses teach each.
    fn areas_overview(&self, lang: &str) -> Vec<Value> {
        let framework = digcomp::framework();
        framework
            .areas
            .iter()
            .map(|area| {
                let competences: Vec<Value> = framework
                    .competences_of(&area.id)
                    .map(|c| self.competence_value(lang, c))
                    .collect();
                context! {
                    id => area.id.clone(),
                    title => text(&area.title, lang),
                    description => text(&area.description, lang),
                    path => format!("{lang}/digcomp/{}/", area.id),
                    competences => competences,
                }
            })
            .collect()
    }

    fn competence_value(&self, lang: &str, c: &digcomp::Competence) -> Value {
        context! {
            id => c.id.clone(),
            title => text(&c.title, lang),
            short => text(&c.short, lang),
            description => text(&c.description, lang),
            area => c.area.clone(),
            path => format!("{lang}/digcomp/{}/", c.id),
            count => self.site.courses_teaching(lang, &c.id).len(),
        }
    }

    fn framework_context(&self, lang: &str) -> Value {
        let levels: Vec<Value> = digcomp::framework()
            .levels
            .iter()
            .map(|l| self.level_value(lang, l.level))
            .collect();
        context! { areas => self.areas.get(lang).cloned().unwrap_or_default(), levels => levels }
    }

    fn level_value(&self, lang: &str, level: u8) -> Value {
        let framework = digcomp::framework();
        context! {
            level => level,
            label => level_label(level, lang),
            group => framework.group_of(level).map(|g| g.id.clone()),
            description => framework.level(level).map(|l| text(&l.description, lang)),
            path => format!("{lang}/digcomp/levels/{level}/"),
            count => self.site.courses_at_level(lang, level).len(),
        }
    }

    /// The choices of the search page's filters: areas with their competences, levels,
    /// audiences and formats.
    fn search_context(&self, lang: &str) -> Value {
        let levels: Vec<Value> = digcomp::LEVELS
            .map(|level| context! { level => level, label => level_label(level, lang) })
            .collect();
        context! {
            areas => self.areas.get(lang).cloned().unwrap_or_default(),
            levels => levels,
            audiences => crate::sources::pages::frontmatter::AUDIENCES,
            formats => crate::sources::pages::frontmatter::FORMATS,
            index => crate::render::search::index::folder(lang),
        }
    }

    /// The coverage of DigComp by the courses: a chart, and a row per competence with its
    /// courses by level in `lang` and its courses in every language.
    fn coverage_context(&self, lang: &str) -> Value {
        let coverage = self.coverage.get_or_init(|| Coverage::of(self.site));
        let index = coverage
            .languages
            .iter()
            .position(|l| l == lang)
            .unwrap_or(0);
        let framework = digcomp::framework();
        let rows: Vec<Value> = coverage
            .rows
            .iter()
            .map(|row| {
                let levels = row.levels.get(index).copied().unwrap_or_default();
                let languages: Vec<Value> = coverage
                    .languages
                    .iter()
                    .zip(&row.courses)
                    .map(|(code, count)| context! { code => code, count => count })
                    .collect();
                context! {
                    id => row.id.clone(),
                    area => row.area.clone(),
                    title => framework.competence(&row.id).map(|c| text(&c.title, lang)),
                    path => Output::Competence(lang.to_string(), row.id.clone()).path(self.site),
                    unstated => levels[0],
                    levels => levels[1..].to_vec(),
                    total => row.courses.get(index).copied().unwrap_or(0),
                    languages => languages,
                }
            })
            .collect();
        let label = self.site.strings.get(lang, "coverage.chart");
        context! {
            rows => rows,
            languages => coverage.languages.clone(),
            chart => Value::from_safe_string(coverage.chart(&label)),
            gaps => coverage.gaps().len(),
        }
    }

    /// The defined words of a language, alphabetical.
    fn glossary_context(&self, lang: &str) -> Value {
        let terms: Vec<Value> = self
            .site
            .glossary
            .terms(lang)
            .iter()
            .map(|t| context! { term => t.term.clone(), slug => t.slug.clone(), definition => t.definition.clone() })
            .collect();
        context! { terms => terms }
    }

    fn area_context(&self, lang: &str, area: &str) -> Value {
        let index = digcomp::framework()
            .areas
            .iter()
            .position(|a| a.id == area)
            .unwrap_or(0);
        let overview = self.areas.get(lang).cloned().unwrap_or_default();
        context! { area => overview.get_item_by_index(index).unwrap_or_default() }
    }

    fn competence_context(&self, lang: &str, id: &str) -> Value {
        let framework = digcomp::framework();
        let Some(competence) = framework.competence(id) else {
            return Value::UNDEFINED;
        };
        let courses = self.site.courses_teaching(lang, id);
        let level_of = |page: PageId| {
            self.site.pages[page]
                .front
                .competences
                .iter()
                .find(|c| c.id == id)
                .and_then(|c| c.level)
        };
        let mut by_level: Vec<Value> = Vec::new();
        for level in digcomp::LEVELS {
            let pages: Vec<PageId> = courses
                .iter()
                .copied()
                .filter(|&p| level_of(p) == Some(level))
                .collect();
            if !pages.is_empty() {
                by_level.push(context! { ..self.level_value(lang, level), ..context! { pages => ser(self.views_of(&pages)) } });
            }
        }
        let unstated: Vec<PageId> = courses
            .iter()
            .copied()
            .filter(|&p| level_of(p).is_none())
            .collect();
        let area = framework.area(&competence.area).map(|a| {
            context! { id => a.id.clone(), title => text(&a.title, lang), path => format!("{lang}/digcomp/{}/", a.id) }
        });
        context! {
            competence => self.competence_value(lang, competence),
            area => area,
            levels => by_level,
            unstated => ser(self.views_of(&unstated)),
        }
    }

    fn level_context(&self, lang: &str, level: u8) -> Value {
        let pages = self.site.courses_at_level(lang, level);
        context! { level => self.level_value(lang, level), pages => ser(self.views_of(pages)) }
    }

    fn feed_context(&self, lang: &str) -> Value {
        let mut dated: Vec<&Page> = self
            .site
            .courses()
            .filter(|p| p.lang == lang && p.front.date.is_some())
            .collect();
        dated.sort_by(|a, b| {
            let key = |p: &Page| p.front.updated.clone().or_else(|| p.front.date.clone());
            key(b).cmp(&key(a)).then_with(|| a.key.cmp(&b.key))
        });
        dated.truncate(50);
        let entries: Vec<&PageView> = dated.iter().map(|p| self.view(p.id)).collect();
        let updated = dated
            .iter()
            .filter_map(|p| p.front.updated.clone().or_else(|| p.front.date.clone()))
            .max()
            .unwrap_or_else(|| "1970-01-01".into());
        context! { entries => ser(entries), updated => atom_date(&updated), path => format!("{lang}/atom.xml") }
    }

    fn sitemap_context(&self) -> Value {
        let site = self.site;
        let entries: Vec<Value> = site
            .outputs()
            .iter()
            .filter(|o| {
                !matches!(
                    o,
                    Output::Feed(_)
                        | Output::Search(_)
                        | Output::SearchIndex(_)
                        | Output::NotFound
                        | Output::Sitemap
                        | Output::Robots
                        | Output::ServiceWorker
                )
            })
            .map(|output| {
                let alternates: Vec<Value> = self
                    .switcher(output)
                    .into_iter()
                    .filter(|s| s.available)
                    .map(|s| context! { lang => s.code, path => s.path })
                    .collect();
                let updated = match output {
                    Output::Page(id) => {
                        let front = &site.pages[*id].front;
                        front.updated.clone().or_else(|| front.date.clone())
                    }
                    _ => None,
                };
                context! { path => output.path(site), alternates => alternates, updated => updated }
            })
            .collect();
        context! { entries => entries }
    }

    /// The same output in every language, or the language's home when there is none.
    fn switcher(&self, output: &Output) -> Vec<Switch> {
        let site = self.site;
        let current = output.lang(site);
        site.languages
            .iter()
            .map(|language| {
                let code = language.code.clone();
                let same = match output {
                    Output::Page(id) => site
                        .translation(&site.pages[*id].key, &code)
                        .map(|p| p.path.clone()),
                    Output::Framework(_) => Some(Output::Framework(code.clone()).path(site)),
                    Output::Area(_, a) => Some(Output::Area(code.clone(), a.clone()).path(site)),
                    Output::Competence(_, c) => {
                        Some(Output::Competence(code.clone(), c.clone()).path(site))
                    }
                    Output::Level(_, l) => Some(Output::Level(code.clone(), *l).path(site)),
                    Output::Search(_) => Some(Output::Search(code.clone()).path(site)),
                    Output::Places(_) => Some(Output::Places(code.clone()).path(site)),
                    Output::Place(_, index) => Some(Output::Place(code.clone(), *index).path(site)),
                    Output::Coverage(_) => Some(Output::Coverage(code.clone()).path(site)),
                    Output::Glossary(_) if !site.glossary.terms(&code).is_empty() => {
                        Some(Output::Glossary(code.clone()).path(site))
                    }
                    _ => site.home(&code).map(|p| p.path.clone()),
                };
                Switch {
                    name: language.name.clone(),
                    available: same.is_some(),
                    path: same.unwrap_or_else(|| format!("{code}/")),
                    current: current == Some(code.as_str()),
                    code,
                }
            })
            .collect()
    }

    /// Home, then each section above the output.
    fn breadcrumbs(&self, output: &Output) -> Vec<Crumb> {
        let site = self.site;
        let Some(lang) = output.lang(site) else {
            return Vec::new();
        };
        let home = |path: &str| Crumb {
            title: site.strings.get(lang, "nav.home"),
            path: path.to_string(),
        };
        let mut trail = Vec::new();
        match output {
            Output::Page(id) => {
                let mut parent = site.pages[*id].parent;
                while let Some(p) = parent {
                    let page = &site.pages[p];
                    trail.push(match page.kind {
                        PageKind::Home => home(&page.path),
                        _ => Crumb {
                            title: page.front.title.clone(),
                            path: page.path.clone(),
                        },
                    });
                    parent = page.parent;
                }
                trail.reverse();
            }
            Output::Feed(_) | Output::SearchIndex(_) => {}
            Output::Search(_) | Output::Glossary(_) | Output::Places(_) => {
                trail.push(home(&format!("{lang}/")))
            }
            Output::Place(..) => {
                trail.push(home(&format!("{lang}/")));
                trail.push(Crumb {
                    title: site.strings.get(lang, "places.title"),
                    path: Output::Places(lang.to_string()).path(site),
                });
            }
            _ => {
                trail.push(home(&format!("{lang}/")));
                if !matches!(output, Output::Framework(_)) {
                    let path = Output::Framework(lang.to_string()).path(site);
                    trail.push(Crumb {
                        title: site.strings.get(lang, "digcomp.title"),
                        path,
                    });
                }
                if let Output::Competence(_, id) = output
                    && let Some(c) = digcomp::framework().competence(id)
                    && let Some(area) = digcomp::framework().area(&c.area)
                {
                    trail.push(Crumb {
                        title: format!("{}. {}", area.id, text(&area.title, lang)),
                        path: Output::Area(lang.to_string(), area.id.clone()).path(site),
                    });
                }
            }
        }
        trail
    }

    /// The top-level sections of a language, for the main navigation.
    fn top_sections(&self, lang: &str) -> Vec<&PageView> {
        self.site
            .home(lang)
            .map(|home| self.views_of(&home.subsections))
            .unwrap_or_default()
    }
}

/// A page's body as HTML, with what the page needs and every problem of its Markdown.
pub struct Body {
    /// The HTML, and whether it has code or glossary words.
    pub html: Html,
    /// Its headings of levels 2 and 3.
    pub toc: Vec<Heading>,
    /// The fences of its fenced-block extensions (the scripts they need).
    pub blocks: Vec<&'static str>,
    /// The problems of its Markdown, its links and its HTML.
    pub problems: Vec<Diagnostic>,
}

impl Body {
    /// Whether the page holds a block of this kind.
    pub fn has(&self, fence: &str) -> bool {
        self.blocks.contains(&fence)
    }
}

/// Reads and renders the body of `page`.
pub fn body(site: &Site, page: &Page) -> Body {
    let document = page.document();
    let links = PageLinks::new(site, page);
    let html = markdown_html::render(&document, &links.context());
    let mut problems = document.problems.clone();
    problems.extend(links.check(&document));
    problems.extend(html.problems.iter().cloned());
    Body {
        toc: document.toc(),
        blocks: document.blocks().map(|b| b.fence()).collect(),
        html,
        problems,
    }
}

/// Any serialisable value as a template value.
fn ser<T: Serialize>(value: T) -> Value {
    Value::from(Serde(value))
}

/// A date as Atom wants it.
fn atom_date(date: &str) -> String {
    if date.contains('T') {
        date.to_string()
    } else {
        format!("{date}T00:00:00Z")
    }
}
