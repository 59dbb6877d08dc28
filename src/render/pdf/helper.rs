//! Helper sheets ("fiches animateur"): beside a course's worksheet, for the helper only, its
//! goals, facts and competences, what the session needs, the `:::helper` notes and the
//! answers of its quizzes. They go through the same compilation as worksheets.

use serde::Serialize;

use super::compile::{Job, Origin, TEMPLATE, Worksheets, json};
use super::qr;
use crate::base::diagnostic::Checked;
use crate::base::text::typst_string;
use crate::markdown::helper::HelperMarkup;
use crate::markdown::typst::render_helper;
use crate::model::links::PageLinks;
use crate::model::{Output, Page, Site};
use crate::render::views::page::PageView;

/// The data a helper sheet's template receives.
#[derive(Serialize)]
struct HelperData<'a> {
    page: PageView,
    site: String,
    /// What the learner will be able to do: the front matter's `goals:`, or the description.
    goals: Vec<String>,
    t: &'a serde_json::Value,
}

impl Worksheets {
    /// The job of the helper sheet of one page; `None` with the problems of its Markdown
    /// when it has errors.
    pub fn helper_job(&self, site: &Site, page: &Page) -> Checked<Option<Job>> {
        let markup = helper_markup(site, page);
        if markup.problems.has_errors() {
            return Checked::failed_with(markup.problems);
        }
        let view = PageView::new(site, page);
        let qr = qr::svg(&view.permalink).unwrap_or_default();
        let data = HelperData {
            goals: goals(page),
            site: site.config.title.get(&page.lang, site.default_language()),
            t: site.strings.of(&page.lang),
            page: view,
        };
        let text = |key: &str| site.strings.get(&page.lang, key);
        let images = markup.images;
        let materials = listed(page, "materials").unwrap_or(markup.materials);
        let mut body = String::new();
        for (title, part) in [
            ("fiche.materials", materials),
            ("fiche.notes", markup.notes),
        ] {
            if !part.trim().is_empty() {
                body.push_str(&format!(
                    "\n#helper-part({})[{part}]\n",
                    typst_string(&text(title))
                ));
            }
        }
        body.push_str(&markup.answers);
        json(&data, &page.file()).map(|json| json.map(|json| {
            let alt = typst_string(&text("fiche.qr_alt"));
            let main = format!(
                "#import \"/theme/{TEMPLATE}\": *\n#show: helper-fiche.with(json(\"/helper.json\"), image(\"/qr.svg\", alt: {alt}, width: 100%))\n{body}\n"
            );
            let memory = vec![
                ("/helper.json".to_string(), json),
                ("/qr.svg".to_string(), qr.into_bytes()),
            ];
            let origin = Origin::of(site, page, &Output::HelperSheet(page.id));
            Job::new(origin, main, memory, images)
        }))
    }
}

/// The Typst markup of the parts of a page's helper sheet.
pub fn helper_markup(site: &Site, page: &Page) -> HelperMarkup {
    let links = PageLinks::new(site, page);
    let heading = site.strings.get(&page.lang, "new_course.need");
    render_helper(&page.document(), &links.context(), &heading)
}

/// The goals of a page: its `goals:` list, else its description.
fn goals(page: &Page) -> Vec<String> {
    strings(page, "goals").unwrap_or_else(|| page.front.description.iter().cloned().collect())
}

/// A front-matter list of texts (`materials: [...]`) as a Typst list, if the page has one.
fn listed(page: &Page, key: &str) -> Option<String> {
    let items: Vec<String> = strings(page, key)?
        .iter()
        .map(|item| format!("[#{}]", typst_string(item)))
        .collect();
    Some(format!("#list({})", items.join(", ")))
}

/// A front-matter key holding a text or a list of texts.
fn strings(page: &Page, key: &str) -> Option<Vec<String>> {
    match page.front.extra.get(key)? {
        serde_json::Value::String(text) => Some(vec![text.clone()]),
        serde_json::Value::Array(items) => Some(
            items
                .iter()
                .filter_map(|item| item.as_str().map(str::to_string))
                .collect(),
        ),
        _ => None,
    }
}
