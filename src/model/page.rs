//! A page of the site in one language, and the kinds of pages.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::markdown::document::{Document, Source};
use crate::markdown::text::{PlainText, words_of};
use crate::sources::pages::{CONTENT_DIR, FrontMatter};

/// Index of a page in [`Site::pages`].
pub type PageId = usize;

/// What a page is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PageKind {
    /// The home page of a language (`content/_index.<lang>.md`).
    Home,
    /// A section (`content/<dir>/_index.<lang>.md`), which lists its pages.
    Section,
    /// A course or any other page.
    Course,
    /// A learning path (`kind: parcours`): courses to follow in order.
    Path,
}

/// A learning path: its courses in order, and the paths to follow before it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LearningPath {
    /// Its courses, in order.
    pub steps: Vec<PageId>,
    /// The paths to follow first.
    pub prerequisites: Vec<PageId>,
}

/// A language of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Language {
    /// Its code (`fr`).
    pub code: String,
    /// Its name in itself (`Français`).
    pub name: String,
}

/// A page of the site in one language.
#[derive(Debug, Clone)]
pub struct Page {
    /// Its index in [`Site::pages`].
    pub id: PageId,
    /// Home, section or course.
    pub kind: PageKind,
    /// The key shared by its translations (`securite/mots-de-passe`).
    pub key: String,
    /// Its language.
    pub lang: String,
    /// Its file, relative to the site root; `None` for a section without `_index` file.
    pub source: Option<PathBuf>,
    /// The folder of `content/` its relative links and images start from.
    pub dir: String,
    /// Its file name without language and extension (`_index` for a section).
    pub name: String,
    /// Its front matter.
    pub front: FrontMatter,
    /// Its Markdown.
    pub body: String,
    /// The line of its file where the body starts.
    pub body_line: usize,
    /// Its URL path from the site root, ending with `/` (`fr/securite/mots-de-passe/`).
    pub path: String,
    /// The section it belongs to, in the same language.
    pub parent: Option<PageId>,
    /// For sections: their courses, in order (weight, then title).
    pub pages: Vec<PageId>,
    /// For sections: their sub-sections, in order.
    pub subsections: Vec<PageId>,
    /// The anchors of its headings, read when first asked for.
    pub(super) anchors: OnceLock<Vec<String>>,
}

impl Page {
    /// The file to name in messages about this page.
    pub fn file(&self) -> PathBuf {
        self.source
            .clone()
            .unwrap_or_else(|| Path::new(CONTENT_DIR).join(&self.dir))
    }

    /// Its Markdown, read: the one reading every output and check of the page starts from.
    pub fn document(&self) -> Document<'_> {
        Document::parse(self.markdown())
    }

    /// Its Markdown, read for its words only: what the search index reads.
    pub fn plain_text(&self) -> PlainText {
        words_of(self.markdown())
    }

    /// Its Markdown, with what is needed to read it.
    fn markdown(&self) -> Source<'_> {
        Source {
            body: &self.body,
            first_line: self.body_line,
            file: self.source.as_deref().unwrap_or(Path::new(CONTENT_DIR)),
            lang: &self.lang,
        }
    }

    /// The anchors of its headings, in order.
    pub fn anchors(&self) -> &[String] {
        self.anchors.get_or_init(|| self.document().anchors())
    }

    /// Replaces its Markdown, which starts at line `line` of its file (what it was read
    /// from is forgotten).
    pub fn replace_body(&mut self, body: String, line: usize) {
        self.body = body;
        self.body_line = line;
        self.anchors = OnceLock::new();
    }

    /// Whether the page gets a printable worksheet.
    pub fn has_fiche(&self) -> bool {
        self.front.fiche.unwrap_or(self.kind == PageKind::Course)
    }
}
