//! What the search index reads of each page and help place of a language, and what a
//! result shows of it.

use serde::Serialize;

use crate::model::{Page, PageKind, Site};
use crate::render::views::places::PlaceView;

/// A page or a place as the index reads it.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Searchable {
    /// Its title, which weighs most.
    pub(super) title: String,
    /// Its description, which weighs more than its text.
    pub(super) description: String,
    /// Its headings, which weigh more than its text (they are part of the text too).
    pub(super) headings: Vec<String>,
    /// Where each heading starts in the text (none for a heading that is not part of it).
    pub(super) heading_starts: Vec<usize>,
    /// Everything a reader reads of it.
    pub(super) text: String,
    /// Its address from the site root.
    pub(super) url: String,
    /// The section it belongs to, or what it is ("Place for digital help").
    pub(super) section: Option<String>,
    /// For a place: its address and town, which a result shows.
    pub(super) place: Option<String>,
    /// Whether it is a card (a help place) rather than an article: a card's few words are
    /// labels, so they weigh half of a page's text, and it counts as a page of average
    /// length (the ranking would otherwise put short cards above every page).
    pub(super) card: bool,
}

/// What a result shows of a page: its title, address, section, description or place, and the
/// chunks of its text that the index kept, for excerpts.
#[derive(Debug, Serialize, PartialEq)]
pub(super) struct Shown<'a> {
    t: &'a str,
    u: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    s: Option<&'a str>,
    #[serde(skip_serializing_if = "str::is_empty")]
    d: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    p: Option<&'a str>,
    c: Vec<String>,
}

impl Searchable {
    /// What a result shows of it, with the chunks kept for excerpts.
    pub(super) fn shown(&self, chunks: Vec<String>) -> Shown<'_> {
        Shown {
            t: &self.title,
            u: &self.url,
            s: self.section.as_deref(),
            d: &self.description,
            p: self.place.as_deref(),
            c: chunks,
        }
    }
}

/// The pages of `lang` that the index holds, in the order it numbers them: every page but
/// the home page.
pub(super) fn pages<'a>(site: &'a Site, lang: &str) -> Vec<&'a Page> {
    site.pages
        .iter()
        .filter(|p| p.lang == lang && p.kind != PageKind::Home)
        .collect()
}

/// A page as the index reads it.
pub(super) fn page(site: &Site, page: &Page) -> Searchable {
    let text = page.plain_text();
    let section = page
        .parent
        .map(|p| &site.pages[p])
        .filter(|p| p.kind == PageKind::Section);
    Searchable {
        title: page.front.title.clone(),
        description: page.front.description.clone().unwrap_or_default(),
        headings: text.headings,
        heading_starts: text.heading_starts,
        text: text.text,
        url: site.config.link_style().link(&page.path),
        section: section.map(|s| s.front.title.clone()),
        place: None,
        card: false,
    }
}

/// A help place as the index reads it in `lang`: its name is its title, its address and
/// town weigh as headings, and its text says what it offers, for whom, and its note.
pub(super) fn place(site: &Site, lang: &str, index: usize) -> Searchable {
    let view = PlaceView::new(site, lang, index);
    let town = format!("{} {}", view.postcode, view.city);
    let address = format!("{}, {town}", view.address);
    let named = view.services.iter().chain(&view.audiences);
    let mut text: Vec<&str> = named.map(|n| n.name.as_str()).collect();
    text.extend(view.note.as_deref());
    Searchable {
        title: view.name.clone(),
        description: String::new(),
        headings: vec![address.clone()],
        heading_starts: Vec::new(),
        text: text.join(". "),
        url: site.config.link_style().link(&view.path),
        section: Some(site.strings.get(lang, "places.kind")),
        place: Some(address),
        card: true,
    }
}
