//! The whole site, ready to render: every page in every language with its section and
//! translations, the DigComp indexes, and the checks that need the whole site.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use super::listings::Listings;
use super::page::{Language, LearningPath, Page, PageId, PageKind};
use crate::base::diagnostic::{Checked, Diagnostic, Diagnostics, unknown_choice};
use crate::sources::config::SiteConfig;
use crate::sources::glossary::Glossary;
use crate::sources::i18n::Strings;
use crate::sources::pages::{Asset, CONTENT_DIR, Content, FrontMatter, SourcePage};
use crate::sources::places::{Directory, VOCABULARY_FILE};
use crate::sources::theme::Theme;

/// The whole site, ready to render.
#[derive(Debug)]
pub struct Site {
    /// The site folder.
    pub root: PathBuf,
    /// Its settings.
    pub config: SiteConfig,
    /// Its languages, in switcher order.
    pub languages: Vec<Language>,
    /// Interface strings.
    pub strings: Strings,
    /// Templates and static files.
    pub theme: Theme,
    /// Every page in every language, ordered by translation key then language order.
    pub pages: Vec<Page>,
    /// Images and attachments of `content/`.
    pub assets: Vec<Asset>,
    /// The defined words of each language.
    pub glossary: Glossary,
    /// The directory of help places.
    pub directory: Directory,
    /// Its towns and listing pages.
    pub listings: Listings,
    /// Each learning path's courses and prerequisites.
    pub(super) paths: BTreeMap<PageId, LearningPath>,
    translations: HashMap<String, BTreeMap<usize, PageId>>,
    by_competence: BTreeMap<(String, String), Vec<PageId>>,
    by_level: BTreeMap<(String, u8), Vec<PageId>>,
    /// Each page by its address.
    by_path: HashMap<String, PageId>,
    /// Every URL path of the site: outputs, assets and static files.
    pub(super) known_paths: BTreeSet<String>,
}

/// Everything read from a site's files, before it is modelled.
#[derive(Debug)]
pub struct Sources {
    /// Its settings.
    pub config: SiteConfig,
    /// Its interface strings.
    pub strings: Strings,
    /// Its templates and static files.
    pub theme: Theme,
    /// The defined words of each language.
    pub glossary: Glossary,
    /// The directory of help places.
    pub directory: Directory,
    /// Its pages and assets.
    pub content: Content,
}

impl Site {
    /// Builds the model from a site's sources, reporting duplicate URLs and missing
    /// translations.
    pub fn new(root: &Path, sources: Sources) -> Checked<Site> {
        let Sources {
            config,
            strings,
            theme,
            glossary,
            directory,
            content,
        } = sources;
        let mut problems = Diagnostics::new();
        let languages: Vec<Language> = config
            .languages
            .iter()
            .map(|(code, l)| Language {
                code: code.clone(),
                name: l.name.clone(),
            })
            .collect();
        let mut site = Site {
            root: root.to_path_buf(),
            config,
            languages,
            strings,
            theme,
            pages: Vec::new(),
            assets: content.assets,
            glossary,
            listings: Listings::new(&directory),
            directory,
            paths: BTreeMap::new(),
            translations: HashMap::new(),
            by_competence: BTreeMap::new(),
            by_level: BTreeMap::new(),
            by_path: HashMap::new(),
            known_paths: BTreeSet::new(),
        };
        site.add_pages(content.pages, &mut problems);
        site.link_sections();
        site.by_path = site.pages.iter().map(|p| (p.path.clone(), p.id)).collect();
        site.index_competences();
        site.link_paths(&mut problems);
        site.check_paths(&mut problems);
        site.check_continue_at(&mut problems);
        site.report_missing_translations(&mut problems);
        Checked::new(site, problems)
    }

    /// Takes the site apart again into its sources, to rebuild it with some pages changed
    /// (the sections made up for folders without `_index` are left out).
    pub fn into_sources(self) -> Sources {
        let pages = self
            .pages
            .into_iter()
            .filter_map(|page| {
                Some(SourcePage {
                    file: page.source?,
                    dir: page.dir,
                    name: page.name,
                    lang: page.lang,
                    front: page.front,
                    body: page.body,
                    body_line: page.body_line,
                })
            })
            .collect();
        Sources {
            config: self.config,
            strings: self.strings,
            theme: self.theme,
            glossary: self.glossary,
            directory: self.directory,
            content: Content {
                pages,
                assets: self.assets,
            },
        }
    }

    /// The position of a language in switcher order.
    pub fn language_index(&self, lang: &str) -> usize {
        self.languages
            .iter()
            .position(|l| l.code == lang)
            .unwrap_or(usize::MAX)
    }

    /// The default language's code.
    pub fn default_language(&self) -> &str {
        &self.config.default_language
    }

    /// The page of translation key `key` in `lang`.
    pub fn translation(&self, key: &str, lang: &str) -> Option<&Page> {
        let index = self.language_index(lang);
        self.translations
            .get(key)?
            .get(&index)
            .map(|&id| &self.pages[id])
    }

    /// Whether a page of translation key `key` exists, in any language.
    pub fn has_key(&self, key: &str) -> bool {
        self.translations.contains_key(key)
    }

    /// The home page of a language.
    pub fn home(&self, lang: &str) -> Option<&Page> {
        self.translation("", lang)
    }

    /// The courses of a language that teach a competence, in order.
    pub fn courses_teaching(&self, lang: &str, competence: &str) -> &[PageId] {
        self.by_competence
            .get(&(lang.to_string(), competence.to_string()))
            .map_or(&[], Vec::as_slice)
    }

    /// The courses of a language that aim at a proficiency level, in order.
    pub fn courses_at_level(&self, lang: &str, level: u8) -> &[PageId] {
        self.by_level
            .get(&(lang.to_string(), level))
            .map_or(&[], Vec::as_slice)
    }

    /// Whether a URL path (from the site root, as `fr/a/b/`) is a page or file of the site.
    pub fn has_path(&self, path: &str) -> bool {
        let path = path.trim_start_matches('/');
        let folder = path.strip_suffix("index.html").unwrap_or(path);
        self.known_paths.contains(path)
            || self.known_paths.contains(folder)
            || self.known_paths.contains(&format!("{folder}/"))
    }

    /// The page at an address of the site (`fr/a/b/`, `/fr/a/b/index.html`), if any.
    pub fn page_at(&self, path: &str) -> Option<PageId> {
        let path = path.trim_start_matches('/');
        let folder = path.strip_suffix("index.html").unwrap_or(path);
        let folder = if folder.is_empty() || folder.ends_with('/') {
            folder.to_string()
        } else {
            format!("{folder}/")
        };
        self.by_path.get(&folder).copied()
    }

    /// Whether `content/<path>` is an asset.
    pub fn is_asset(&self, path: &str) -> bool {
        self.assets
            .binary_search_by(|a| a.path.as_str().cmp(path))
            .is_ok()
    }

    /// Every course page, in model order.
    pub fn courses(&self) -> impl Iterator<Item = &Page> {
        self.pages.iter().filter(|p| p.kind == PageKind::Course)
    }

    fn add_pages(&mut self, sources: Vec<SourcePage>, problems: &mut Diagnostics) {
        // Sort an index, not the pages themselves, which are large to move.
        let mut order: Vec<(String, usize, usize)> = sources
            .iter()
            .enumerate()
            .map(|(i, s)| (s.translation_key(), self.language_index(&s.lang), i))
            .collect();
        order.sort_unstable();
        let mut slots: Vec<Option<SourcePage>> = sources.into_iter().map(Some).collect();
        let mut previous: Option<(usize, PathBuf)> = None;
        for (position, (key, lang_index, index)) in order.iter().enumerate() {
            let Some(source) = slots[*index].take() else {
                continue;
            };
            if let Some((before, first)) = &previous
                && order[*before].0 == *key
                && order[*before].1 == *lang_index
            {
                problems.push(
                    Diagnostic::error(
                        &source.file,
                        format!(
                            "this page is the same page as {} (same folder, name and language)",
                            first.display()
                        ),
                    )
                    .with_hint("keep one of the two files, or rename one"),
                );
                continue;
            }
            previous = Some((position, source.file.clone()));
            let kind = match (source.is_section(), key.is_empty()) {
                (true, true) => PageKind::Home,
                (true, false) => PageKind::Section,
                (false, _) if source.front.kind.is_some() => PageKind::Path,
                (false, _) => PageKind::Course,
            };
            self.push_page(kind, key.clone(), source, true);
        }
        self.add_missing_sections();
    }

    /// Adds a page; `from_file` is false for a section made up for a folder without `_index`.
    fn push_page(
        &mut self,
        kind: PageKind,
        key: String,
        source: SourcePage,
        from_file: bool,
    ) -> PageId {
        let id = self.pages.len();
        let lang_index = self.language_index(&source.lang);
        self.translations
            .entry(key.clone())
            .or_default()
            .insert(lang_index, id);
        self.pages.push(Page {
            id,
            kind,
            key,
            lang: source.lang,
            source: from_file.then_some(source.file),
            dir: source.dir,
            name: source.name,
            front: source.front,
            body: source.body,
            body_line: source.body_line,
            path: String::new(),
            parent: None,
            pages: Vec::new(),
            subsections: Vec::new(),
            anchors: OnceLock::new(),
        });
        id
    }

    /// Gives every folder holding pages a section page in each of their languages, titled
    /// after the folder when it has no `_index` file, and every language a home page.
    fn add_missing_sections(&mut self) {
        let mut needed: BTreeSet<(String, String)> = BTreeSet::new();
        for page in &self.pages {
            let mut dir = section_key_of(page);
            loop {
                needed.insert((dir.clone(), page.lang.clone()));
                match dir.rsplit_once('/') {
                    Some((parent, _)) => dir = parent.to_string(),
                    None if dir.is_empty() => break,
                    None => dir = String::new(),
                }
            }
        }
        for language in self.languages.clone() {
            needed.insert((String::new(), language.code.clone()));
        }
        for (dir, lang) in needed {
            if self.translation(&dir, &lang).is_some() {
                continue;
            }
            let title = if dir.is_empty() {
                self.config.title.get(&lang, &self.config.default_language)
            } else {
                title_from_folder(dir.rsplit('/').next().unwrap_or(&dir))
            };
            let kind = if dir.is_empty() {
                PageKind::Home
            } else {
                PageKind::Section
            };
            let front = FrontMatter {
                title,
                ..FrontMatter::default()
            };
            let source = SourcePage {
                file: Path::new(CONTENT_DIR).join(&dir),
                dir: dir.clone(),
                name: "_index".into(),
                lang,
                front,
                body: String::new(),
                body_line: 1,
            };
            self.push_page(kind, dir, source, false);
        }
    }

    /// Sets parents, children and URL paths, parents before children.
    fn link_sections(&mut self) {
        let mut order: Vec<PageId> = (0..self.pages.len()).collect();
        order.sort_by_cached_key(|&id| {
            let page = &self.pages[id];
            (
                page.kind != PageKind::Home,
                matches!(page.kind, PageKind::Course | PageKind::Path),
                page.key.matches('/').count(),
                page.key.clone(),
                self.language_index(&page.lang),
            )
        });
        for id in order {
            let page = &self.pages[id];
            let parent = match page.kind {
                PageKind::Home => None,
                PageKind::Section => {
                    let parent_key = page.key.rsplit_once('/').map_or("", |(p, _)| p);
                    self.translation(parent_key, &page.lang).map(|p| p.id)
                }
                PageKind::Course | PageKind::Path => self
                    .translation(&section_key_of(page), &page.lang)
                    .map(|p| p.id),
            };
            let base =
                parent.map_or_else(|| format!("{}/", page.lang), |p| self.pages[p].path.clone());
            let path = match page.kind {
                PageKind::Home => base,
                _ => {
                    let own = page.key.rsplit('/').next().unwrap_or(&page.key);
                    let slug = page.front.slug.clone().unwrap_or_else(|| own.to_string());
                    format!("{base}{slug}/")
                }
            };
            let page = &mut self.pages[id];
            page.path = path;
            page.parent = parent;
            if let Some(parent) = parent {
                match self.pages[id].kind {
                    PageKind::Course | PageKind::Path => self.pages[parent].pages.push(id),
                    _ => self.pages[parent].subsections.push(id),
                }
            }
        }
        let order_key = |pages: &[Page], id: PageId| {
            (
                pages[id].front.weight,
                pages[id].front.title.to_lowercase(),
                pages[id].key.clone(),
            )
        };
        for id in 0..self.pages.len() {
            let mut children = std::mem::take(&mut self.pages[id].pages);
            children.sort_by_cached_key(|&c| order_key(&self.pages, c));
            let mut subsections = std::mem::take(&mut self.pages[id].subsections);
            subsections.sort_by_cached_key(|&c| order_key(&self.pages, c));
            self.pages[id].pages = children;
            self.pages[id].subsections = subsections;
        }
    }

    fn index_competences(&mut self) {
        for page in self.pages.iter().filter(|p| p.kind == PageKind::Course) {
            for competence in &page.front.competences {
                let list = self
                    .by_competence
                    .entry((page.lang.clone(), competence.id.clone()))
                    .or_default();
                if list.last() != Some(&page.id) {
                    list.push(page.id);
                }
                if let Some(level) = competence.level {
                    let list = self.by_level.entry((page.lang.clone(), level)).or_default();
                    if list.last() != Some(&page.id) {
                        list.push(page.id);
                    }
                }
            }
        }
        let pages = &self.pages;
        let sort = |list: &mut Vec<PageId>| {
            list.sort_by_cached_key(|&id| {
                (pages[id].front.title.to_lowercase(), pages[id].key.clone())
            })
        };
        self.by_competence.values_mut().for_each(sort);
        self.by_level.values_mut().for_each(sort);
    }

    /// Pages that continue at a service of the directory of help places must name one that
    /// the directory defines; a service no place offers is a warning.
    fn check_continue_at(&self, problems: &mut Diagnostics) {
        let ids: Vec<&str> = self.directory.services.keys().map(String::as_str).collect();
        for page in &self.pages {
            let Some(services) = &page.front.continue_at else {
                continue;
            };
            for id in &services.ids {
                let at = |d: Diagnostic| d.at_line(services.line);
                if let Some(problem) = unknown_choice(&page.file(), "service", id, &ids) {
                    let hint = format!(
                        "`continue_at:` names a service of places/{}; {}",
                        VOCABULARY_FILE,
                        problem.hint.clone().unwrap_or_default()
                    );
                    problems.push(at(problem.with_hint(hint)));
                } else if !self
                    .directory
                    .places
                    .iter()
                    .any(|p| p.services.contains(id))
                {
                    problems.push(at(Diagnostic::warning(page.file(), format!("no place of the directory offers `{id}`"))
                        .with_hint("readers following the link would find no place: add one, or name another service")));
                }
            }
        }
    }

    fn report_missing_translations(&self, problems: &mut Diagnostics) {
        let mut keys: Vec<(&String, &BTreeMap<usize, PageId>)> = self.translations.iter().collect();
        keys.sort();
        for (_, found) in keys {
            let pages: Vec<&Page> = found.values().map(|&id| &self.pages[id]).collect();
            let Some(reference) = pages.iter().find(|p| p.source.is_some()) else {
                continue;
            };
            for (index, language) in self.languages.iter().enumerate() {
                if !found.contains_key(&index) {
                    problems.push(
                        Diagnostic::warning(
                            reference.file(),
                            format!("this page has no {} translation", language.name),
                        )
                        .with_hint(format!("add {}", expected_file(reference, &language.code))),
                    );
                } else if self.pages[found[&index]].source.is_none()
                    && reference.kind != PageKind::Home
                {
                    problems.push(
                        Diagnostic::warning(
                            reference.file(),
                            format!("this section has no {} description", language.name),
                        )
                        .with_hint(format!("add {}", expected_file(reference, &language.code))),
                    );
                }
            }
        }
    }
}

/// The translation key of the section a page belongs to (its folder; the parent folder for a
/// bundle page `dir/index.md`).
fn section_key_of(page: &Page) -> String {
    match page.kind {
        PageKind::Course | PageKind::Path => match page.source.as_ref().and_then(|s| s.file_stem())
        {
            Some(stem) if stem.to_string_lossy().split('.').next() == Some("index") => page
                .dir
                .rsplit_once('/')
                .map_or(String::new(), |(p, _)| p.to_string()),
            _ => page.dir.clone(),
        },
        _ => page.key.clone(),
    }
}

/// The file a translation of `page` into `lang` would be.
fn expected_file(page: &Page, lang: &str) -> String {
    let file = page.file();
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name.trim_end_matches(".md");
    let stem = stem
        .strip_suffix(&format!(".{}", page.lang))
        .unwrap_or(stem);
    let stem = if page.source.is_none() {
        "_index"
    } else {
        stem
    };
    let dir = if page.source.is_none() {
        file.as_path()
    } else {
        file.parent().unwrap_or(Path::new(""))
    };
    dir.join(format!("{stem}.{lang}.md")).display().to_string()
}

/// "premiers-pas" becomes "Premiers pas".
fn title_from_folder(name: &str) -> String {
    let words = name.replace(['-', '_'], " ");
    let mut chars = words.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}
