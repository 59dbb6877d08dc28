//! What the Markdown of a page needs to know of the rest of the site, and nothing more: where
//! its links and images lead, its glossary, its interface strings. The site model provides
//! it; the Markdown layer never sees the site itself.

use std::path::PathBuf;

use crate::sources::config::RawHtml;
use crate::sources::glossary::Term;
use crate::sources::i18n::Strings;

/// A file beside a page that an image shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asset {
    /// Its path inside `content/` (`securite/cadenas.png`).
    pub path: String,
    /// The file on disk, to read its size.
    pub file: PathBuf,
}

/// A page of the site, linked from a self-diagnostic's result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Linked {
    /// Its title.
    pub title: String,
    /// Its URL, relative to the page being rendered.
    pub url: String,
}

/// What the site offers to learn a competence: its courses in the page's language, and the
/// learning paths that hold them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Teaching {
    /// The courses that teach it.
    pub courses: Vec<Linked>,
    /// The learning paths whose steps include one of them.
    pub paths: Vec<Linked>,
}

/// Where the links of one page lead. The site model implements it for each page; tests
/// implement it with a few fixed answers.
pub trait Links {
    /// The URL to write in the page for `url` as the author wrote it, or `None` to keep it
    /// as written (an address of the web, an anchor, or a link that leads nowhere).
    fn href(&self, url: &str) -> Option<String>;
    /// The address to print on paper for `url`: absolute, so that it can be typed.
    fn printed(&self, url: &str) -> String;
    /// The file beside the page that an image address names, if any.
    fn asset(&self, url: &str) -> Option<Asset>;
    /// What the site offers in the page's language to learn a competence.
    fn teaching(&self, competence: &str) -> Teaching;
}

/// Everything a page's Markdown is rendered with.
pub struct Context<'a> {
    /// The page's language.
    pub lang: &'a str,
    /// The site's interface strings.
    pub strings: &'a Strings,
    /// The defined words of the page's language.
    pub glossary: &'a [Term],
    /// The URL of the glossary page, relative to the page.
    pub glossary_url: String,
    /// What becomes of raw HTML written in the Markdown.
    pub raw_html: RawHtml,
    /// Where the page's links lead.
    pub links: &'a dyn Links,
}

impl Context<'_> {
    /// An interface string in the page's language.
    pub fn text(&self, key: &str) -> String {
        self.strings.get(self.lang, key)
    }
}
