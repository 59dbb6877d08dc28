//! What templates and worksheets see of the site and its pages: plain, serialisable views of
//! the model, with labels in the reader's language and every address computed by the model.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{Output, Page, PageKind, Site};
use crate::sources::digcomp::{self, level_label, text};
use crate::sources::pages::frontmatter::CompetenceRef;

/// The site, as templates see it (`site`).
#[derive(Debug, Serialize)]
pub struct SiteView {
    /// Title in each language.
    pub titles: BTreeMap<String, String>,
    /// Description in each language.
    pub descriptions: BTreeMap<String, String>,
    /// The absolute base URL.
    pub base_url: String,
    /// The default language.
    pub default_language: String,
    /// Languages in switcher order.
    pub languages: Vec<LanguageView>,
    /// Whether pages have a search box.
    pub search: bool,
    /// Whether pages register the service worker of offline reading.
    pub offline: bool,
    /// The languages that have a glossary.
    pub glossaries: Vec<String>,
    /// Whether the site has a directory of help places.
    pub places: bool,
    /// Free settings from site.yaml.
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// A language (`site.languages`).
#[derive(Debug, Serialize)]
pub struct LanguageView {
    /// Its code.
    pub code: String,
    /// Its name.
    pub name: String,
    /// The address of its home page.
    pub home: String,
}

/// The addresses of a language's pages that every page links to (`urls`): templates
/// receive them, and never spell an address themselves.
#[derive(Debug, Serialize)]
pub struct Addresses {
    /// The home page.
    pub home: String,
    /// The overview of DigComp.
    pub framework: String,
    /// The coverage of DigComp.
    pub coverage: String,
    /// The Atom feed.
    pub feed: String,
    /// The search page.
    pub search: String,
    /// The folder of the search index.
    pub search_index: String,
    /// The glossary.
    pub glossary: String,
    /// The directory of help places.
    pub places: String,
}

impl Addresses {
    /// The addresses of `lang`.
    pub fn of(site: &Site, lang: &str) -> Addresses {
        let path = |output: Output| output.path(site);
        let lang = || lang.to_string();
        Addresses {
            home: site
                .home(&lang())
                .map_or_else(|| format!("{}/", lang()), |p| p.path.clone()),
            framework: path(Output::Framework(lang())),
            coverage: path(Output::Coverage(lang())),
            feed: path(Output::Feed(lang())),
            search: path(Output::Search(lang())),
            search_index: path(Output::SearchIndex(lang())),
            glossary: path(Output::Glossary(lang())),
            places: path(Output::Places(lang())),
        }
    }
}

impl SiteView {
    /// The view of `site`.
    pub fn new(site: &Site) -> SiteView {
        let default = site.default_language();
        let mut titles = BTreeMap::new();
        let mut descriptions = BTreeMap::new();
        for language in &site.languages {
            titles.insert(
                language.code.clone(),
                site.config.title.get(&language.code, default),
            );
            if let Some(description) = &site.config.description {
                descriptions.insert(
                    language.code.clone(),
                    description.get(&language.code, default),
                );
            }
        }
        SiteView {
            titles,
            descriptions,
            base_url: site.config.base_url.clone(),
            default_language: default.to_string(),
            languages: site
                .languages
                .iter()
                .map(|l| LanguageView {
                    code: l.code.clone(),
                    name: l.name.clone(),
                    home: Addresses::of(site, &l.code).home,
                })
                .collect(),
            search: site.config.search,
            offline: site.config.offline,
            places: !site.directory.is_empty(),
            glossaries: site
                .languages
                .iter()
                .filter(|l| !site.glossary.terms(&l.code).is_empty())
                .map(|l| l.code.clone())
                .collect(),
            extra: site.config.extra.clone(),
        }
    }
}

/// A competence badge: id, titles and the level aimed at.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Badge {
    /// "2.1".
    pub id: String,
    /// Official title.
    pub title: String,
    /// Short label.
    pub short: String,
    /// Level 1-8, when stated.
    pub level: Option<u8>,
    /// "Fondamental 2", when a level is stated.
    pub level_label: Option<String>,
    /// The area's id.
    pub area: String,
    /// The area's title.
    pub area_title: String,
    /// Site path of the competence's page.
    pub path: String,
}

impl Badge {
    /// The badge of a competence reference in a language.
    pub fn new(site: &Site, reference: &CompetenceRef, lang: &str) -> Badge {
        let framework = digcomp::framework();
        let competence = framework.competence(&reference.id);
        let area = competence.and_then(|c| framework.area(&c.area));
        Badge {
            id: reference.id.clone(),
            title: competence
                .map(|c| text(&c.title, lang).to_string())
                .unwrap_or_default(),
            short: competence
                .map(|c| text(&c.short, lang).to_string())
                .unwrap_or_default(),
            level: reference.level,
            level_label: reference.level.map(|l| level_label(l, lang)),
            area: area.map(|a| a.id.clone()).unwrap_or_default(),
            area_title: area
                .map(|a| text(&a.title, lang).to_string())
                .unwrap_or_default(),
            path: Output::Competence(lang.to_string(), reference.id.clone()).path(site),
        }
    }
}

/// An id with its label in the page's language (audience, format).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Choice {
    /// The id written in front matter.
    pub id: String,
    /// Its label.
    pub label: String,
}

/// A page as templates see it (`page`, and the items of lists).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PageView {
    /// "home", "section" or "course".
    pub kind: &'static str,
    /// Title.
    pub title: String,
    /// One sentence.
    pub description: Option<String>,
    /// Language.
    pub lang: String,
    /// Site path, such as `fr/securite/mots-de-passe/`.
    pub path: String,
    /// Absolute URL.
    pub permalink: String,
    /// DigComp badges.
    pub competences: Vec<Badge>,
    /// Audiences with labels.
    pub audience: Vec<Choice>,
    /// Minutes.
    pub duration: Option<u32>,
    /// "45 min", "1 h 30".
    pub duration_label: Option<String>,
    /// Format with label.
    pub format: Option<Choice>,
    /// Free tags.
    pub sectors: Vec<String>,
    /// Licence.
    pub license: Option<String>,
    /// Publication date.
    pub date: Option<String>,
    /// Last update.
    pub updated: Option<String>,
    /// Order in its section.
    pub weight: i64,
    /// Whether it gets a worksheet.
    pub fiche: bool,
    /// Every other front matter key.
    pub extra: BTreeMap<String, serde_json::Value>,
}

impl PageView {
    /// The view of a page, labels in its language.
    pub fn new(site: &Site, page: &Page) -> PageView {
        let lang = &page.lang;
        let front = &page.front;
        let label = |group: &str, id: &str| Choice {
            id: id.to_string(),
            label: site.strings.get(lang, &format!("{group}.{id}")),
        };
        PageView {
            kind: match page.kind {
                PageKind::Home => "home",
                PageKind::Section => "section",
                PageKind::Course => "course",
                PageKind::Path => "path",
            },
            title: front.title.clone(),
            description: front.description.clone(),
            lang: lang.clone(),
            path: page.path.clone(),
            permalink: site.permalink(&page.path),
            competences: front
                .competences
                .iter()
                .map(|c| Badge::new(site, c, lang))
                .collect(),
            audience: front
                .audience
                .iter()
                .map(|a| label("audience", a))
                .collect(),
            duration: front.duration,
            duration_label: front.duration.map(|m| duration_label(site, lang, m)),
            format: front.format.as_deref().map(|f| label("format", f)),
            sectors: front.sectors.clone(),
            license: front.license.clone(),
            date: front.date.clone(),
            updated: front.updated.clone(),
            weight: front.weight,
            fiche: page.has_fiche(),
            extra: front.extra.clone(),
        }
    }
}

/// A duration in words: "45 min", "1 h", "1 h 30".
pub fn duration_label(site: &Site, lang: &str, minutes: u32) -> String {
    let (hours, rest) = (minutes / 60, minutes % 60);
    let pattern = match (hours, rest) {
        (0, _) => "duration.minutes",
        (_, 0) => "duration.hours",
        _ => "duration.hours_minutes",
    };
    site.strings
        .get(lang, pattern)
        .replace("{m}", &minutes.to_string())
        .replace("{h}", &hours.to_string())
        .replace("{r}", &format!("{rest:02}"))
}
