//! What every page shows of the whole site (the language switcher, the breadcrumbs, the main
//! sections), and the outputs about the whole site: the glossary, the feed, the sitemap.

use minijinja::{Value, context};
use serde::Serialize;

use super::renderer::{HtmlRenderer, ser};
use crate::model::{Output, Page, PageKind, sitemap_parts};
use crate::render::views::page::{Addresses, PageView};
use crate::render::views::places::{area_name, listing_path, listing_trail};
use crate::sources::digcomp::{self, text};

/// One language in the switcher of a page.
#[derive(Debug, Serialize)]
pub(super) struct Switch {
    code: String,
    name: String,
    path: String,
    available: bool,
    current: bool,
}

/// A link in the breadcrumb trail.
#[derive(Debug, Serialize)]
pub(super) struct Crumb {
    title: String,
    path: String,
}

impl HtmlRenderer<'_> {
    /// The defined words of a language, alphabetical.
    pub(super) fn glossary_context(&self, lang: &str) -> Value {
        let terms: Vec<Value> = self
            .site
            .glossary
            .terms(lang)
            .iter()
            .map(|t| context! { term => t.term.clone(), slug => t.slug.clone(), definition => t.definition.clone() })
            .collect();
        context! { terms => terms }
    }

    pub(super) fn feed_context(&self, lang: &str) -> Value {
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
        let path = Output::Feed(lang.to_string()).path(self.site);
        context! { entries => ser(entries), updated => atom_date(&updated), path => path }
    }

    /// The values of `sitemap.xml`: every page or, on a large site, the addresses of its
    /// sitemap files (`sitemaps`).
    pub(super) fn sitemap_context(&self) -> Value {
        let site = self.site;
        match sitemap_parts(self.sitemap_pages().len()) {
            0 => self.sitemap_part_context(0, usize::MAX),
            parts => {
                let sitemaps: Vec<String> = (0..parts)
                    .map(|part| Output::SitemapPart(part).path(site))
                    .collect();
                context! { sitemaps => sitemaps }
            }
        }
    }

    /// The values of one sitemap file: the pages `part * size` to `part * size + size`, each
    /// with its translations and its last update.
    pub(super) fn sitemap_part_context(&self, part: usize, size: usize) -> Value {
        let site = self.site;
        let entries: Vec<Value> = self
            .sitemap_pages()
            .iter()
            .skip(part.saturating_mul(size))
            .take(size)
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
    pub(super) fn switcher(&self, output: &Output) -> Vec<Switch> {
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
                    Output::PlaceListing(_, index) => {
                        Some(Output::PlaceListing(code.clone(), *index).path(site))
                    }
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
                    path: same.unwrap_or_else(|| Addresses::of(site, &code).home),
                    current: current == Some(code.as_str()),
                    code,
                }
            })
            .collect()
    }

    /// Home, then each section above the output.
    pub(super) fn breadcrumbs(&self, output: &Output) -> Vec<Crumb> {
        let site = self.site;
        let Some(lang) = output.lang(site) else {
            return Vec::new();
        };
        let urls = Addresses::of(site, lang);
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
                trail.push(home(&urls.home))
            }
            Output::PlaceListing(_, index) => {
                trail.push(home(&urls.home));
                trail.extend(directory_trail(site, lang, *index, false));
            }
            Output::Place(_, index) => {
                trail.push(home(&urls.home));
                trail.extend(directory_trail(
                    site,
                    lang,
                    site.listings.of_place[*index],
                    true,
                ));
            }
            _ => {
                trail.push(home(&urls.home));
                if !matches!(output, Output::Framework(_)) {
                    trail.push(Crumb {
                        title: site.strings.get(lang, "digcomp.title"),
                        path: urls.framework.clone(),
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
    pub(super) fn top_sections(&self, lang: &str) -> Vec<&PageView> {
        self.site
            .home(lang)
            .map(|home| self.views_of(&home.subsections))
            .unwrap_or_default()
    }
}

/// The listing pages above listing page `index` of the directory, and that page itself when
/// `with_itself`.
fn directory_trail(
    site: &crate::model::Site,
    lang: &str,
    index: usize,
    with_itself: bool,
) -> Vec<Crumb> {
    let mut trail = listing_trail(site, lang, index);
    if with_itself {
        let name = match index {
            0 => site.strings.get(lang, "places.title"),
            _ => area_name(site, lang, &site.listings.pages[index].area),
        };
        trail.push((name, listing_path(site, lang, index)));
    }
    trail
        .into_iter()
        .map(|(title, path)| Crumb { title, path })
        .collect()
}

/// A date as Atom wants it.
fn atom_date(date: &str) -> String {
    if date.contains('T') {
        date.to_string()
    } else {
        format!("{date}T00:00:00Z")
    }
}
