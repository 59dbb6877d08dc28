//! Loading: reads a site's files from disk (settings, pages, assets, interface strings) and
//! turns every problem into a [`Diagnostic`]. Nothing here knows about URLs or HTML.

pub mod frontmatter;

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::base::diagnostic::{Checked, Diagnostic, Diagnostics};
use crate::base::files::is_ignored_name;
use crate::base::urls::join;
use crate::sources::config::{SiteConfig, is_language_code};
pub use frontmatter::FrontMatter;

/// The folder of pages inside a site.
pub const CONTENT_DIR: &str = "content";

/// A page file as read from disk: where it is, its language, its front matter and body.
#[derive(Debug, Clone)]
pub struct SourcePage {
    /// Path relative to the site root (`content/securite/mots-de-passe.fr.md`).
    pub file: PathBuf,
    /// Folder relative to `content/`, with `/` separators (`securite`, or `` at the top).
    pub dir: String,
    /// File name without language and extension (`mots-de-passe`, `_index`, `index`).
    pub name: String,
    /// Language code.
    pub lang: String,
    /// Validated front matter.
    pub front: FrontMatter,
    /// Markdown body.
    pub body: String,
    /// Line of the file where the body starts.
    pub body_line: usize,
}

impl SourcePage {
    /// Whether the file describes a section (`_index.md`).
    pub fn is_section(&self) -> bool {
        self.name == "_index"
    }

    /// The key shared by the translations of one page: the path without language
    /// (`securite/mots-de-passe`, `securite` for a section, `` for the home page).
    pub fn translation_key(&self) -> String {
        let own = match self.name.as_str() {
            "_index" | "index" => "",
            name => name,
        };
        join(&self.dir, own)
    }
}

/// A file of `content/` that is not a page: an image or attachment, copied beside its pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asset {
    /// Path relative to the site root.
    pub file: PathBuf,
    /// Path relative to `content/`, with `/` separators.
    pub path: String,
}

/// Everything found in `content/`.
#[derive(Debug, Default)]
pub struct Content {
    /// Pages, ordered by file path.
    pub pages: Vec<SourcePage>,
    /// Assets, ordered by path.
    pub assets: Vec<Asset>,
}

/// Reads every page and lists every asset under `root/content`, page files in parallel.
pub fn load_content(root: &Path, config: &SiteConfig, drafts: bool) -> Checked<Content> {
    let mut problems = Diagnostics::new();
    let mut page_files = Vec::new();
    let mut assets = Vec::new();
    let content_root = root.join(CONTENT_DIR);
    if !content_root.is_dir() {
        problems.push(
            Diagnostic::error(CONTENT_DIR, "the site has no content folder")
                .with_hint("create content/ with a page such as content/_index.fr.md"),
        );
        return Checked::new(Content::default(), problems);
    }
    let walker = WalkDir::new(&content_root)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored_name(&e.file_name().to_string_lossy()));
    for entry in walker {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                let file = error
                    .path()
                    .map(|p| relative(root, p))
                    .unwrap_or_else(|| CONTENT_DIR.into());
                problems.push(Diagnostic::error(file, format!("cannot read: {error}")));
                continue;
            }
        };
        if entry.file_type().is_dir() {
            continue;
        }
        let file = relative(root, entry.path());
        if entry.path_is_symlink() && !links_inside(root, entry.path()) {
            problems.push(
                Diagnostic::error(&file, "this link leads outside the site, or nowhere")
                    .with_hint("copy the file into the site instead of linking to it"),
            );
            continue;
        }
        let inner = relative(&content_root, entry.path());
        let Some(inner_str) = inner.to_str().map(|s| s.replace('\\', "/")) else {
            problems.push(
                Diagnostic::error(&file, "the file name is not valid UTF-8")
                    .with_hint("rename the file"),
            );
            continue;
        };
        if inner_str.ends_with(".md") {
            page_files.push((file, inner_str));
        } else {
            assets.push(Asset {
                file,
                path: inner_str,
            });
        }
    }

    let read: Vec<Checked<Option<SourcePage>>> = page_files
        .par_iter()
        .map(|(file, inner)| read_page(root, file, inner, config, drafts))
        .collect();
    let pages = read
        .into_iter()
        .filter_map(|page| problems.take(page))
        .collect();
    Checked::new(Content { pages, assets }, problems)
}

/// Reads one page file, given relative to the site root (`content/a/b.fr.md`); `None` for a
/// draft left out or a page with errors.
pub fn load_page(
    root: &Path,
    file: &Path,
    config: &SiteConfig,
    drafts: bool,
) -> Checked<Option<SourcePage>> {
    let inner = relative(Path::new(CONTENT_DIR), file)
        .to_string_lossy()
        .replace('\\', "/");
    read_page(root, file, &inner, config, drafts)
}

/// Whether a symbolic link resolves to a file inside the site.
fn links_inside(root: &Path, link: &Path) -> bool {
    match (root.canonicalize(), link.canonicalize()) {
        (Ok(root), Ok(target)) => target.starts_with(root) && target.is_file(),
        _ => false,
    }
}

fn relative(base: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(base).unwrap_or(path).to_path_buf()
}

/// Reads one page; `None` for a draft left out or a page with errors.
fn read_page(
    root: &Path,
    file: &Path,
    inner: &str,
    config: &SiteConfig,
    drafts: bool,
) -> Checked<Option<SourcePage>> {
    let (dir, file_name) = match inner.rsplit_once('/') {
        Some((dir, name)) => (dir.to_string(), name),
        None => (String::new(), inner),
    };
    let (name, lang) = split_language(file_name.trim_end_matches(".md"), &config.default_language);
    if !config.languages.contains_key(&lang) {
        return Checked::failed(
            Diagnostic::error(
                file,
                format!("the page is in `{lang}`, which site.yaml does not list in `languages`"),
            )
            .with_hint(format!(
                "add `{lang}` to `languages` in site.yaml, or rename the file"
            )),
        );
    }
    let mut problems = Diagnostics::new();
    let Some(text) = problems.take(read_text(root, file)) else {
        return Checked::failed_with(problems);
    };
    let Some(split) = problems.take(frontmatter::split(&text, file)) else {
        return Checked::failed_with(problems);
    };
    let Some(front) = problems.take(frontmatter::parse(split.yaml, file, split.yaml_line)) else {
        return Checked::failed_with(problems);
    };
    let page = (drafts || !front.draft).then(|| SourcePage {
        file: file.to_path_buf(),
        dir,
        name,
        lang,
        front,
        body: split.body.to_string(),
        body_line: split.body_line,
    });
    Checked::new(page, problems)
}

/// The text of a page file, which must be UTF-8.
fn read_text(root: &Path, file: &Path) -> Checked<Option<String>> {
    let bytes = match std::fs::read(root.join(file)) {
        Ok(bytes) => bytes,
        Err(error) => {
            return Checked::failed(Diagnostic::error(
                file,
                format!("cannot read the page: {error}"),
            ));
        }
    };
    match String::from_utf8(bytes) {
        Ok(text) => Checked::ok(Some(text)),
        Err(error) => {
            let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
            let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
            let column =
                valid.len() - valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1) + 1;
            Checked::failed(
                Diagnostic::error(file, "the file is not valid UTF-8 text")
                    .at(line, column)
                    .with_hint("save the file with the UTF-8 encoding in your editor"),
            )
        }
    }
}

/// Splits `name.lang` into name and language; a name without a language code is in `default`.
fn split_language(stem: &str, default: &str) -> (String, String) {
    match stem.rsplit_once('.') {
        Some((name, lang)) if is_language_code(lang) => (name.to_string(), lang.to_string()),
        _ => (stem.to_string(), default.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_come_from_the_file_name() {
        assert_eq!(
            split_language("mots.nl", "fr"),
            ("mots".into(), "nl".into())
        );
        assert_eq!(split_language("mots", "fr"), ("mots".into(), "fr".into()));
        assert_eq!(
            split_language("guide.v2", "fr"),
            ("guide.v2".into(), "fr".into())
        );
    }

    #[test]
    fn translation_keys_drop_the_language_and_index_names() {
        let page = |dir: &str, name: &str| SourcePage {
            file: PathBuf::new(),
            dir: dir.into(),
            name: name.into(),
            lang: "fr".into(),
            front: FrontMatter::default(),
            body: String::new(),
            body_line: 1,
        };
        assert_eq!(page("securite", "mots").translation_key(), "securite/mots");
        assert_eq!(page("securite", "_index").translation_key(), "securite");
        assert_eq!(
            page("securite/mots", "index").translation_key(),
            "securite/mots"
        );
        assert_eq!(page("", "_index").translation_key(), "");
    }
}
