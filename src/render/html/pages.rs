//! The pages of the site's content: home, sections, courses and learning paths, with their
//! Markdown body, their worksheet, their learning paths and where to continue.

use std::collections::BTreeMap;

use minijinja::{Value, context};

use super::jsonld;
use super::renderer::{Filled, HtmlRenderer, ser};
use crate::base::diagnostic::{Checked, Diagnostics};
use crate::markdown::blocks::{quiz, selftest};
use crate::markdown::document::Heading;
use crate::markdown::html::{Html, render as markdown_html};
use crate::model::links::PageLinks;
use crate::model::{Output, Page, PageId, PageKind, Site};
use crate::render::views::page::{Badge, duration_label};

impl HtmlRenderer<'_> {
    /// The template of a page and its values, with the problems of its body.
    pub(super) fn page_context(&self, id: PageId) -> Checked<Filled> {
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
            helper_sheet => self.site.helper_sheet_of(page).and_then(|pdf| self.pdf_link(&page.lang, pdf.path(self.site))),
            jsonld => self.jsonld(page),
            learning_path => self.learning_path(page),
            in_paths => self.in_paths(page),
            continue_at => self.continue_at(page),
            has_quiz => body.has(quiz::FENCE),
            has_terms => body.html.has_terms,
            has_selftest => body.has(selftest::FENCE),
        };
        let filled = Filled {
            template,
            own: value,
            has_code: body.html.has_code,
        };
        Checked::new(filled, body.problems)
    }

    /// The schema.org description of a course or a learning path.
    fn jsonld(&self, page: &Page) -> Option<Value> {
        match (page.kind, self.site.learning_path(page.id)) {
            (PageKind::Course, _) => Some(ser(jsonld::course(self.site, page))),
            (PageKind::Path, Some(path)) => Some(ser(jsonld::path(self.site, page, path))),
            _ => None,
        }
    }

    /// A learning path's page: its courses in order, their total duration, the competences
    /// they teach (each at the highest level aimed at), the paths before and after it.
    fn learning_path(&self, page: &Page) -> Option<Value> {
        let path = self.site.learning_path(page.id)?;
        let steps = self.views_of(&path.steps);
        let minutes: u32 = steps.iter().filter_map(|v| v.duration).sum();
        let mut competences: BTreeMap<&str, &Badge> = BTreeMap::new();
        for badge in steps.iter().flat_map(|v| &v.competences) {
            let kept = competences.entry(&badge.id).or_insert(badge);
            if badge.level > kept.level {
                *kept = badge;
            }
        }
        Some(context! {
            steps => ser(&steps),
            duration => (minutes > 0).then(|| duration_label(self.site, &page.lang, minutes)),
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

    /// The worksheet or booklet of a page: its address and, once made, its size in words.
    fn fiche(&self, page: &Page) -> Option<Value> {
        let pdf = self.site.pdf_of(page)?;
        self.pdf_link(&page.lang, pdf.path(self.site))
    }

    /// A link to a PDF of the site: its address and, once made, its size in words; `None`
    /// when a build made the PDFs and this one failed.
    pub(super) fn pdf_link(&self, lang: &str, path: String) -> Option<Value> {
        let size = match self.pdf_sizes {
            Some(sizes) => Some(sizes.get(&path).copied()?),
            None => None,
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
    pub problems: Diagnostics,
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
    let html = markdown_html(&document, &links.context());
    let mut problems = document.problems.clone();
    problems.take(links.check(&document));
    problems.extend(html.problems.iter().cloned());
    Body {
        toc: document.toc(),
        blocks: document.blocks().map(|b| b.fence()).collect(),
        html,
        problems,
    }
}
