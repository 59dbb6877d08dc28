//! Where the links and images of a page lead: to another page (written as its `.md` file),
//! to an asset beside the page, or to an address of the site. Every target is checked once,
//! here, and [`PageLinks`] tells the Markdown renderers where each link leads.

use percent_encoding::percent_decode_str;

use super::outputs::Output;
use super::page::{Page, PageId};
use super::site::Site;
use crate::base::diagnostic::{Checked, Diagnostic, Diagnostics};
use crate::base::urls::{has_scheme, join, relative_url, resolve_relative};
use crate::markdown::context::{Asset, Context, Linked, Links, Teaching};
use crate::markdown::document::Document;
use crate::markdown::lint::anchor_hint;
use crate::sources::pages::CONTENT_DIR;

/// Where a link leads once resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// An external address, an anchor of the page, or a relative URL that already works.
    Unchanged,
    /// A file of the site, at this relative URL.
    Url(String),
    /// A page of the site.
    Page {
        /// Its URL relative to the linking page, with the link's `#anchor` or `?query`.
        url: String,
        /// The page.
        id: PageId,
        /// The language it opens in when it is not the linking page's, for lack of a
        /// translation.
        fallback: Option<String>,
    },
}

impl Target {
    /// The URL to write in the page, when it changes.
    fn url(self) -> Option<String> {
        match self {
            Target::Url(url) | Target::Page { url, .. } => Some(url),
            Target::Unchanged => None,
        }
    }
}

/// The links of one page, as the Markdown layer asks about them.
pub struct PageLinks<'s> {
    site: &'s Site,
    page: &'s Page,
}

impl<'s> PageLinks<'s> {
    /// The links of `page`.
    pub fn new(site: &'s Site, page: &'s Page) -> PageLinks<'s> {
        PageLinks { site, page }
    }

    /// What the page's Markdown is rendered with: its language, strings and glossary, and
    /// these links.
    pub fn context(&self) -> Context<'_> {
        let site = self.site;
        let lang = &self.page.lang;
        let glossary = Output::Glossary(lang.clone()).path(site);
        Context {
            lang,
            strings: &site.strings,
            glossary: site.glossary.terms(lang),
            glossary_url: site.link_from(&self.page.path, &glossary),
            raw_html: site.config.markdown.raw_html,
            links: self,
        }
    }

    /// The problems of the page's links and images: those that lead nowhere (errors), and
    /// those that open a page in another language (warnings).
    pub fn check(&self, document: &Document<'_>) -> Checked<()> {
        let file = self.page.file();
        let mut problems = Diagnostics::new();
        for link in &document.links {
            let what = if link.image { "image" } else { "link" };
            let url = &link.url;
            let resolved = self
                .site
                .resolve(self.page, url, what)
                .map_problems(|problem| problem.at_line(link.line));
            let Some(Target::Page { id, fallback, .. }) = problems.take(resolved) else {
                continue;
            };
            if let Some(lang) = fallback {
                problems.push(Diagnostic::warning(&file, format!(
                    "the {what} `{url}` leads to a page not translated into {}: it opens the {lang} version",
                    self.page.lang
                ))
                .with_hint("translate that page, or link to another one")
                .at_line(link.line));
            }
            if let Some(problem) = self.missing_anchor(url, id) {
                problems.push(problem.at_line(link.line));
            }
        }
        Checked::new((), problems)
    }

    /// The error for a link whose `#anchor` names no heading of the page it leads to.
    fn missing_anchor(&self, url: &str, id: PageId) -> Option<Diagnostic> {
        let (_, fragment) = url.split_once('#')?;
        let wanted = percent_decode_str(fragment).decode_utf8_lossy();
        let target = &self.site.pages[id];
        let anchors = target.anchors();
        if wanted.is_empty() || anchors.iter().any(|a| *a == wanted) {
            return None;
        }
        let message = format!(
            "the link `{url}` leads to {}, which has no heading with the anchor `#{wanted}`",
            target.file().display()
        );
        Some(Diagnostic::error(self.page.file(), message).with_hint(anchor_hint(&wanted, anchors)))
    }

    fn linked(&self, id: PageId) -> Linked {
        let target = &self.site.pages[id];
        Linked {
            title: target.front.title.clone(),
            url: self.site.link_from(&self.page.path, &target.path),
        }
    }
}

impl Links for PageLinks<'_> {
    fn href(&self, url: &str) -> Option<String> {
        self.site.resolve(self.page, url, "link").value?.url()
    }

    fn printed(&self, url: &str) -> String {
        let base = &self.site.config.base_url;
        match self
            .site
            .resolve(self.page, url, "link")
            .value
            .and_then(Target::url)
        {
            Some(relative) => {
                let (path, fragment) = relative.split_once('#').unwrap_or((&relative, ""));
                let absolute = resolve_relative(&self.page.path, path).unwrap_or_default();
                let fragment = if fragment.is_empty() {
                    String::new()
                } else {
                    format!("#{fragment}")
                };
                format!("{base}{absolute}{fragment}")
            }
            _ if url.starts_with('#') => format!("{base}{}{url}", self.page.path),
            _ => url.to_string(),
        }
    }

    fn asset(&self, url: &str) -> Option<Asset> {
        let path = self.site.asset_of(self.page, url)?;
        Some(Asset {
            file: self.site.root.join(CONTENT_DIR).join(&path),
            path,
        })
    }

    fn teaching(&self, competence: &str) -> Teaching {
        let courses = self.site.courses_teaching(&self.page.lang, competence);
        let mut paths: Vec<PageId> = courses
            .iter()
            .flat_map(|&c| self.site.paths_through(c))
            .collect();
        paths.sort_unstable();
        paths.dedup();
        Teaching {
            courses: courses.iter().map(|&id| self.linked(id)).collect(),
            paths: paths.into_iter().map(|id| self.linked(id)).collect(),
        }
    }
}

/// A link or an image written in a page, being resolved.
struct Link<'a> {
    page: &'a Page,
    url: &'a str,
    /// `link` or `image`.
    what: &'a str,
}

impl Link<'_> {
    /// It leads nowhere: an error on the page's file saying why, and how to fix it.
    fn broken(&self, message: &str, hint: &str) -> Checked<Option<Target>> {
        Checked::failed(
            Diagnostic::error(
                self.page.file(),
                format!("broken {} `{}`: {message}", self.what, self.url),
            )
            .with_hint(hint),
        )
    }
}

impl Site {
    /// The link from the page at `from` to the address `to` of the site (with its `#anchor`
    /// or `?query`): relative, and naming `index.html` files in a portable site.
    pub fn link_from(&self, from: &str, to: &str) -> String {
        self.config.link_style().link(&relative_url(from, to))
    }

    /// Resolves `url`, written in `page` as a link or an image (`what`: `link` or `image`):
    /// where it leads, or `None` with an error on the page's file (not yet on its line)
    /// saying what is wrong and how to fix it.
    pub fn resolve(&self, page: &Page, url: &str, what: &str) -> Checked<Option<Target>> {
        let link = Link { page, url, what };
        if url.is_empty() || url.starts_with('#') || url.starts_with("//") || has_scheme(url) {
            return Checked::ok(Some(Target::Unchanged));
        }
        let (path, suffix) = match url.find(['#', '?']) {
            Some(cut) => (&url[..cut], &url[cut..]),
            None => (url, ""),
        };
        if path.is_empty() {
            return Checked::ok(Some(Target::Unchanged));
        }
        let decoded = percent_decode_str(path).decode_utf8_lossy();
        if let Some(absolute) = decoded.strip_prefix('/') {
            if !self.has_path(absolute) {
                if let Some(stem) = self.source_stem(absolute) {
                    return self.page_link(&link, &stem, suffix);
                }
                return link.broken(
                    "no page or file of the site has this address",
                    "check the address, or link to the page's .md file",
                );
            }
            let url = self.link_from(&page.path, &format!("{absolute}{suffix}"));
            return Checked::ok(Some(self.target(url, absolute)));
        }
        let in_content = resolve_relative(&page.dir, &decoded);
        if let Some(stem) = in_content.as_deref().and_then(|p| p.strip_suffix(".md")) {
            return self.page_link(&link, &self.readme_as_index(stem), suffix);
        }
        if let Some(asset) = in_content.as_deref().filter(|p| self.is_asset(p)) {
            let target = self.asset_path(asset, &page.lang);
            let url = self.link_from(&page.path, &format!("{target}{suffix}"));
            return Checked::ok(Some(Target::Url(url)));
        }
        match resolve_relative(&page.path, &decoded) {
            Some(address) if self.has_path(&address) => {
                let url = self.config.link_style().link(url);
                Checked::ok(Some(self.target(url, &address)))
            }
            _ => match in_content.as_deref().and_then(|file| self.source_stem(file)) {
                Some(stem) => self.page_link(&link, &stem, suffix),
                None => link.broken(
                &match in_content {
                    Some(file) => {
                        format!("there is no file content/{file} and no page at this address")
                    }
                    None => "it leads out of the site".to_string(),
                },
                "check the spelling; link to pages by their .md file, such as `../securite/mots-de-passe.md`",
                ),
            },
        }
    }

    /// mdBook and GitHub show a folder's `README.md` as its index: a link to a README that
    /// is no page of the site leads to the folder's `_index` page.
    fn readme_as_index(&self, stem: &str) -> String {
        let (dir, file) = stem.rsplit_once('/').unwrap_or(("", stem));
        let (name, lang) = file.split_once('.').unwrap_or((file, ""));
        if !name.eq_ignore_ascii_case("readme") || self.source_stem(stem).is_some() {
            return stem.to_string();
        }
        let index = if lang.is_empty() {
            "_index".to_string()
        } else {
            format!("_index.{lang}")
        };
        join(dir, &index)
    }

    /// The page file (its path in `content/` without `.md`) that an address written the way
    /// other generators write it names, when there is such a page: `/guide/intro/` or
    /// `/guide/intro` or `/guide/intro.md` (VitePress, Docusaurus: the content folder is the
    /// site's root), and
    /// `cli/index.html` or `guide/intro.html` (mdBook: the source's path as a web page).
    fn source_stem(&self, path: &str) -> Option<String> {
        let path = path.trim_end_matches('/');
        let stem = [".html", ".md"]
            .iter()
            .find_map(|extension| path.strip_suffix(extension))
            .unwrap_or(path);
        let (key, lang) = self.page_key(stem);
        let exists = match lang {
            Some(lang) => self.translation(&key, lang).is_some(),
            None => self.has_key(&key),
        };
        exists.then(|| stem.to_string())
    }

    /// Where a link to the address `path` of the site, written `url` in the page, leads: a
    /// page, or another file.
    fn target(&self, url: String, path: &str) -> Target {
        match self.page_at(path) {
            Some(id) => Target::Page {
                url,
                id,
                fallback: None,
            },
            None => Target::Url(url),
        }
    }

    /// The asset of `content/` (its path there) that a relative `url` written in `page` names.
    pub fn asset_of(&self, page: &Page, url: &str) -> Option<String> {
        if url.starts_with(['/', '#']) || has_scheme(url) {
            return None;
        }
        let path = url.split(['#', '?']).next()?;
        let decoded = percent_decode_str(path).decode_utf8_lossy();
        resolve_relative(&page.dir, &decoded).filter(|p| self.is_asset(p))
    }

    /// The page a link written in `page` to a `.md` file names, in the page's language (or
    /// the one the file name says), if it exists.
    pub fn linked_page(&self, page: &Page, link: &str) -> Option<&Page> {
        let stem = resolve_relative(&page.dir, link)?;
        let (key, lang) = self.page_key(stem.strip_suffix(".md")?);
        self.translation(&key, lang.unwrap_or(&page.lang))
    }

    /// The key of a page file (`stem`: its path in `content/` without `.md`), and the
    /// language its name states, if any.
    fn page_key<'a>(&self, stem: &'a str) -> (String, Option<&'a str>) {
        let (dir, file) = stem.rsplit_once('/').unwrap_or(("", stem));
        let (name, explicit_lang) = match file.rsplit_once('.') {
            Some((name, lang)) if self.config.languages.contains_key(lang) => (name, Some(lang)),
            _ => (file, None),
        };
        let key = match name {
            "_index" | "index" => dir.to_string(),
            name => join(dir, name),
        };
        (key, explicit_lang)
    }

    /// A link to a page file: `stem` is its path in `content/` without `.md`.
    fn page_link(&self, link: &Link<'_>, stem: &str, suffix: &str) -> Checked<Option<Target>> {
        let page = link.page;
        let (key, explicit_lang) = self.page_key(stem);
        let wanted = explicit_lang.unwrap_or(&page.lang);
        if let Some(target) = self.translation(&key, wanted) {
            return Checked::ok(Some(Target::Page {
                url: self.link_from(&page.path, &format!("{}{suffix}", target.path)),
                id: target.id,
                fallback: None,
            }));
        }
        let fallback = std::iter::once(self.default_language())
            .chain(self.languages.iter().map(|l| l.code.as_str()))
            .find_map(|lang| self.translation(&key, lang));
        match fallback {
            Some(target) if explicit_lang.is_none() => Checked::ok(Some(Target::Page {
                url: self.link_from(&page.path, &format!("{}{suffix}", target.path)),
                id: target.id,
                fallback: Some(target.lang.clone()),
            })),
            _ => link.broken(
                &format!("there is no page content/{stem}.md"),
                "check the file name; a link to `name.md` opens that page in the same language",
            ),
        }
    }
}
