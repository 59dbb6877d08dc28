//! The pages of DigComp 2.2: the overview, each area, competence and level with the courses
//! that teach it, the coverage of the framework, and the search page's filters.

use minijinja::{Value, context};

use super::chart::chart;
use super::renderer::{HtmlRenderer, ser};
use crate::model::coverage::Coverage;
use crate::model::{Output, PageId};
use crate::sources::digcomp::{self, level_label, text};
use crate::sources::pages::frontmatter::{AUDIENCES, FORMATS};

impl HtmlRenderer<'_> {
    /// The areas with their competences and how many courses teach each.
    pub(super) fn areas_overview(&self, lang: &str) -> Vec<Value> {
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
                    path => Output::Area(lang.to_string(), area.id.clone()).path(self.site),
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
            path => Output::Competence(lang.to_string(), c.id.clone()).path(self.site),
            count => self.site.courses_teaching(lang, &c.id).len(),
        }
    }

    pub(super) fn framework_context(&self, lang: &str) -> Value {
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
            path => Output::Level(lang.to_string(), level).path(self.site),
            count => self.site.courses_at_level(lang, level).len(),
        }
    }

    /// The choices of the search page's filters: areas with their competences, levels,
    /// audiences and formats.
    pub(super) fn search_context(&self, lang: &str) -> Value {
        let levels: Vec<Value> = digcomp::LEVELS
            .map(|level| context! { level => level, label => level_label(level, lang) })
            .collect();
        context! {
            areas => self.areas.get(lang).cloned().unwrap_or_default(),
            levels => levels,
            audiences => AUDIENCES,
            formats => FORMATS,
            index => Output::SearchIndex(lang.to_string()).path(self.site),
        }
    }

    /// The coverage of DigComp by the courses: a chart, and a row per competence with its
    /// courses by level in `lang` and its courses in every language.
    pub(super) fn coverage_context(&self, lang: &str) -> Value {
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
            chart => Value::from_safe_string(chart(coverage, &label)),
            gaps => coverage.gaps().len(),
        }
    }

    pub(super) fn area_context(&self, lang: &str, area: &str) -> Value {
        let index = digcomp::framework()
            .areas
            .iter()
            .position(|a| a.id == area)
            .unwrap_or(0);
        let overview = self.areas.get(lang).cloned().unwrap_or_default();
        context! { area => overview.get_item_by_index(index).unwrap_or_default() }
    }

    pub(super) fn competence_context(&self, lang: &str, id: &str) -> Value {
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
            context! { id => a.id.clone(), title => text(&a.title, lang), path => Output::Area(lang.to_string(), a.id.clone()).path(self.site) }
        });
        context! {
            competence => self.competence_value(lang, competence),
            area => area,
            levels => by_level,
            unstated => ser(self.views_of(&unstated)),
        }
    }

    pub(super) fn level_context(&self, lang: &str, level: u8) -> Value {
        let pages = self.site.courses_at_level(lang, level);
        context! { level => self.level_value(lang, level), pages => ser(self.views_of(pages)) }
    }
}
