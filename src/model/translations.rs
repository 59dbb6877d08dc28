//! `parcours check --translations`: for every page, which languages it is missing and which
//! translations are outdated, from the site's git history, as Lunaria does for Astro's docs.
//!
//! The original of a page is its file in the site's default language (else its first
//! language in switcher order). A translation is outdated when a commit changed the original
//! after the last commit that changed the translation. A change that needs no translating
//! (a typo, a link) is marked by writing `[i18n-ignore]` in its commit message (Lunaria's
//! `i18nIgnore` works too): such commits are not counted, so the translations stay up to date.

use std::path::PathBuf;

use serde::Serialize;

use super::page::Page;
use super::site::Site;
use crate::base::git::{Commit, History};

/// The words that, in a commit message, say that its change needs no translating.
pub const IGNORE_MARKS: [&str; 2] = ["[i18n-ignore]", "i18nIgnore"];

/// The translation status of every page of a site.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Whether the site's git history was read (without it, nothing is known to be outdated).
    pub git: bool,
    /// The language of the originals.
    pub original_language: String,
    /// The site's languages, in switcher order.
    pub languages: Vec<String>,
    /// Every page with a file, in model order.
    pub pages: Vec<PageStatus>,
}

/// The translation status of one page.
#[derive(Debug, Clone, Serialize)]
pub struct PageStatus {
    /// The key its translations share (`securite/mots-de-passe-solides`).
    pub key: String,
    /// Its original.
    pub original: Version,
    /// Its translations, in switcher order.
    pub translations: Vec<Translation>,
    /// The languages it has no file in.
    pub missing: Vec<String>,
}

/// A file of a page in one language, with its last commit.
#[derive(Debug, Clone, Serialize)]
pub struct Version {
    /// Its language.
    pub lang: String,
    /// Its file, relative to the site.
    pub file: PathBuf,
    /// The date of the last commit that changed it (`YYYY-MM-DD`), if it has one.
    pub updated: Option<String>,
    /// That commit.
    pub commit: Option<String>,
}

/// A translation of a page and its status.
#[derive(Debug, Clone, Serialize)]
pub struct Translation {
    /// The translation's file and last commit.
    #[serde(flatten)]
    pub version: Version,
    /// `up-to-date`, `outdated`, or `untracked` (no commit yet, or no git history).
    pub status: Status,
    /// For an outdated translation, the commits that changed the original since, newest
    /// first.
    pub original_commits_since: Vec<Change>,
}

/// Where a translation stands against its original.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// No change of the original since the translation's last commit.
    UpToDate,
    /// The original changed since.
    Outdated,
    /// The translation (or the original) has no commit, or the site has no git history.
    Untracked,
}

/// A commit that changed an original.
#[derive(Debug, Clone, Serialize)]
pub struct Change {
    /// Its short hash.
    pub commit: String,
    /// Its date, `YYYY-MM-DD`.
    pub date: String,
    /// The first line of its message.
    pub subject: String,
}

impl Report {
    /// The status of every page of `site`, from `history` when the site has one.
    pub fn new(site: &Site, history: Option<&History>) -> Report {
        let languages: Vec<String> = site.languages.iter().map(|l| l.code.clone()).collect();
        let mut pages = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for page in &site.pages {
            if !seen.insert(&page.key) {
                continue;
            }
            let versions: Vec<&Page> = languages
                .iter()
                .filter_map(|lang| site.translation(&page.key, lang))
                .filter(|p| p.source.is_some())
                .collect();
            let Some(original) = versions
                .iter()
                .find(|p| p.lang == site.default_language())
                .or(versions.first())
            else {
                continue;
            };
            pages.push(PageStatus::new(original, &versions, &languages, history));
        }
        Report {
            git: history.is_some(),
            original_language: site.default_language().to_string(),
            languages,
            pages,
        }
    }
}

impl PageStatus {
    fn new(
        original: &Page,
        versions: &[&Page],
        languages: &[String],
        history: Option<&History>,
    ) -> PageStatus {
        let commits = |page: &Page| history.map_or(&[][..], |h| h.of(&page.file()));
        let significant: Vec<&Commit> = commits(original)
            .iter()
            .filter(|c| !IGNORE_MARKS.iter().any(|mark| c.message.contains(mark)))
            .collect();
        let translations = versions
            .iter()
            .filter(|p| p.id != original.id)
            .map(|page| {
                let last = commits(page).first();
                let since: Vec<Change> = match (history, last) {
                    (Some(_), Some(last)) => significant
                        .iter()
                        .take_while(|c| c.hash != last.hash && c.time > last.time)
                        .map(|c| Change {
                            commit: c.short().to_string(),
                            date: c.day().to_string(),
                            subject: c.subject.clone(),
                        })
                        .collect(),
                    _ => Vec::new(),
                };
                let status = match (last, significant.is_empty(), since.is_empty()) {
                    (None, _, _) | (_, true, _) => Status::Untracked,
                    (Some(_), false, true) => Status::UpToDate,
                    (Some(_), false, false) => Status::Outdated,
                };
                Translation {
                    version: version(page, last),
                    status,
                    original_commits_since: since,
                }
            })
            .collect();
        PageStatus {
            key: original.key.clone(),
            original: version(original, commits(original).first()),
            translations,
            missing: languages
                .iter()
                .filter(|lang| !versions.iter().any(|p| &p.lang == *lang))
                .cloned()
                .collect(),
        }
    }
}

/// A page's file with its last commit.
fn version(page: &Page, last: Option<&Commit>) -> Version {
    Version {
        lang: page.lang.clone(),
        file: page.file(),
        updated: last.map(|c| c.day().to_string()),
        commit: last.map(|c| c.short().to_string()),
    }
}
