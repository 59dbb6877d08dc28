//! `site.yaml`: the settings of a site.

use std::collections::BTreeMap;
use std::path::Path;

use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

use crate::base::diagnostic::{Checked, Diagnostic, Diagnostics};
use crate::base::urls::LinkStyle;
use crate::base::yaml::{self, Spanned};

/// The name of the settings file at the root of a site.
pub const CONFIG_FILE: &str = "site.yaml";

/// The only framework parcours knows today.
pub const FRAMEWORK: &str = "digcomp-2.2";

/// A text given once for every language, or once per language.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(untagged)]
pub enum Localized {
    /// The same text in every language.
    Same(String),
    /// One text per language code.
    PerLanguage(BTreeMap<String, String>),
}

impl Localized {
    /// The text in `lang`, else in `fallback`, else any.
    pub fn get(&self, lang: &str, fallback: &str) -> String {
        match self {
            Localized::Same(text) => text.clone(),
            Localized::PerLanguage(map) => map
                .get(lang)
                .or_else(|| map.get(fallback))
                .or_else(|| map.values().next())
                .cloned()
                .unwrap_or_default(),
        }
    }
}

/// One language of the site, as configured.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
pub struct LanguageConfig {
    /// Its name in itself ("Français", "Nederlands").
    pub name: String,
}

/// How Markdown is turned into HTML.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Default)]
#[serde(deny_unknown_fields)]
pub struct MarkdownConfig {
    /// What becomes of raw HTML written in Markdown (`raw_html:`).
    #[serde(default)]
    pub raw_html: RawHtml,
}

/// What becomes of raw HTML written in Markdown: `sanitize` (the default), `trust` (or
/// `true`), `text` (or `false`).
#[derive(Debug, Clone, Copy, Deserialize, Serialize, PartialEq, Eq, Default)]
#[serde(rename_all = "lowercase", try_from = "RawHtmlSetting")]
pub enum RawHtml {
    /// Kept, once whatever could run code or leave the page (scripts, styles, event
    /// handlers, `javascript:` addresses, frames, forms) is removed.
    #[default]
    Sanitize,
    /// Kept as it is: for sites whose every author is trusted.
    Trust,
    /// Shown as text, tags and all.
    Text,
}

/// `raw_html:` as written: a word, or `true` / `false` as older sites write it.
#[derive(Deserialize)]
#[serde(untagged)]
enum RawHtmlSetting {
    Flag(bool),
    Word(String),
}

impl TryFrom<RawHtmlSetting> for RawHtml {
    type Error = String;

    fn try_from(setting: RawHtmlSetting) -> Result<RawHtml, String> {
        match setting {
            RawHtmlSetting::Flag(true) => Ok(RawHtml::Trust),
            RawHtmlSetting::Flag(false) => Ok(RawHtml::Text),
            RawHtmlSetting::Word(word) => match word.as_str() {
                "sanitize" => Ok(RawHtml::Sanitize),
                "trust" => Ok(RawHtml::Trust),
                "text" => Ok(RawHtml::Text),
                other => Err(format!(
                    "`{other}` is not a way to treat raw HTML: write sanitize, trust or text"
                )),
            },
        }
    }
}

#[derive(Debug, Deserialize)]
struct RawConfig {
    title: Option<Localized>,
    description: Option<Localized>,
    base_url: Option<Spanned<String>>,
    default_language: Option<Spanned<String>>,
    languages: Option<Spanned<IndexMap<String, LanguageConfig>>>,
    framework: Option<Spanned<String>>,
    theme: Option<String>,
    #[serde(default)]
    markdown: MarkdownConfig,
    search: Option<bool>,
    #[serde(default)]
    offline: bool,
    #[serde(default)]
    portable: bool,
    #[serde(default)]
    extra: BTreeMap<String, serde_json::Value>,
}

/// The validated settings of a site.
#[derive(Debug, Clone, PartialEq)]
pub struct SiteConfig {
    /// The site's title.
    pub title: Localized,
    /// A sentence describing the site, used in meta tags and feeds.
    pub description: Option<Localized>,
    /// The absolute URL the site is published under, ending with `/`.
    pub base_url: String,
    /// The language of `<name>.md` files without a language code.
    pub default_language: String,
    /// The languages, in the order of the language switcher.
    pub languages: IndexMap<String, LanguageConfig>,
    /// The theme folder name under `themes/` (or the built-in `default`).
    pub theme: String,
    /// Markdown options.
    pub markdown: MarkdownConfig,
    /// Whether the site has a search box and a search index (default: yes).
    pub search: bool,
    /// Whether a service worker keeps the pages a reader opened readable offline (default: no).
    pub offline: bool,
    /// Whether the site is made to be opened from a folder or a USB stick (default: no).
    pub portable: bool,
    /// Free settings for templates (`site.extra`).
    pub extra: BTreeMap<String, serde_json::Value>,
}

impl SiteConfig {
    /// Reads and validates `site.yaml` under `root`; `None` when it is missing or wrong.
    pub fn load(root: &Path) -> Checked<Option<SiteConfig>> {
        match std::fs::read_to_string(root.join(CONFIG_FILE)) {
            Ok(text) => Self::parse(&text),
            Err(error) => Checked::failed(
                Diagnostic::error(CONFIG_FILE, format!("cannot read the site settings: {error}"))
                    .with_hint("run parcours in a site folder (one with a site.yaml), pass --root DIR, or create one with `parcours new site DIR`"),
            ),
        }
    }

    /// Validates the text of a `site.yaml`; `None` when any setting is wrong.
    pub fn parse(text: &str) -> Checked<Option<SiteConfig>> {
        yaml::parse(text, Path::new(CONFIG_FILE), 1).and_then(Self::validate)
    }

    /// Checks the settings as read, reporting every mistake with its line.
    fn validate(raw: RawConfig) -> Checked<Option<SiteConfig>> {
        let mut problems = Diagnostics::new();
        let located = |value: Option<usize>, message: String, hint: &str| {
            let d = Diagnostic::error(CONFIG_FILE, message).with_hint(hint);
            match value {
                Some(line) => d.at_line(line),
                None => d,
            }
        };

        let title = raw.title.unwrap_or_else(|| {
            problems.push(
                Diagnostic::error(CONFIG_FILE, "the site has no `title`")
                    .with_hint("add a line such as `title: \"Les Bons Gestes Numériques\"`"),
            );
            Localized::Same(String::new())
        });

        let base_url = match raw.base_url {
            Some(url) => {
                let line = yaml::line_of(&url, 1);
                let hint =
                    "write the full address, such as `base_url: \"https://example.org/partner/\"`";
                let normalized = normalize_base_url(&url.value, Path::new(CONFIG_FILE))
                    .map_problems(|d| located(line, d.message, hint));
                problems.take(normalized).unwrap_or_default()
            }
            None => "/".to_string(),
        };

        let languages = match raw.languages {
            Some(languages) if !languages.value.is_empty() => {
                for code in languages.value.keys() {
                    if !is_language_code(code) {
                        problems.push(located(
                            yaml::line_of(&languages, 1),
                            format!("`{code}` is not a language code"),
                            "use a code such as fr, nl, en, de or pt-BR",
                        ));
                    }
                }
                languages.value
            }
            other => {
                problems.push(located(
                    other.as_ref().and_then(|l| yaml::line_of(l, 1)),
                    "the site lists no `languages`".into(),
                    "add for example `languages: { fr: { name: \"Français\" } }`",
                ));
                IndexMap::new()
            }
        };

        let default_language = match raw.default_language {
            Some(lang) if languages.contains_key(&lang.value) => lang.value,
            Some(lang) => {
                problems.push(located(
                    yaml::line_of(&lang, 1),
                    format!(
                        "the default language `{}` is not in `languages`",
                        lang.value
                    ),
                    "add it to `languages`, or choose one of them",
                ));
                lang.value
            }
            None => languages.keys().next().cloned().unwrap_or_default(),
        };

        if let Some(framework) = &raw.framework
            && framework.value != FRAMEWORK
        {
            problems.push(located(
                yaml::line_of(framework, 1),
                format!("unknown framework `{}`", framework.value),
                "parcours knows `digcomp-2.2`",
            ));
        }

        if !problems.is_empty() {
            return Checked::failed_with(problems);
        }
        let mut config = SiteConfig {
            title,
            description: raw.description,
            base_url,
            default_language,
            languages,
            theme: raw.theme.unwrap_or_else(|| "default".into()),
            markdown: raw.markdown,
            search: raw.search.unwrap_or(true),
            offline: raw.offline,
            portable: false,
            extra: raw.extra,
        };
        if raw.portable {
            config.make_portable();
        }
        Checked::ok(Some(config))
    }

    /// Makes the site one that works opened from a folder (`file://`): its links name
    /// `index.html` files, and it has no service worker, which cannot run there.
    pub fn make_portable(&mut self) {
        self.portable = true;
        self.offline = false;
    }

    /// How the addresses of folders become links in this site.
    pub fn link_style(&self) -> LinkStyle {
        if self.portable {
            LinkStyle::File
        } else {
            LinkStyle::Folder
        }
    }

    /// The path part of the base URL (`/` or `/partner/`), for the few pages that must use
    /// root-relative links because they are served from any address (the 404 page).
    pub fn base_path(&self) -> String {
        match self.base_url.find("://") {
            Some(scheme) => {
                let rest = &self.base_url[scheme + 3..];
                rest.find('/')
                    .map_or("/".into(), |slash| rest[slash..].to_string())
            }
            None => self.base_url.clone(),
        }
    }
}

/// Checks a base URL and makes it end with a slash; `None` with an error on `file` (where
/// the URL comes from: `site.yaml`, `--base-url`) when it is not an absolute URL.
pub fn normalize_base_url(url: &str, file: &Path) -> Checked<Option<String>> {
    let url = url.trim();
    let valid = url.starts_with('/')
        || ((url.starts_with("https://") || url.starts_with("http://"))
            && url.split("://").nth(1).is_some_and(|rest| !rest.is_empty()));
    if !valid || url.contains(char::is_whitespace) {
        return Checked::failed(Diagnostic::error(
            file,
            format!("`{url}` is not an absolute URL"),
        ));
    }
    Checked::ok(Some(if url.ends_with('/') {
        url.to_string()
    } else {
        format!("{url}/")
    }))
}

/// Whether `code` looks like a language code (`fr`, `nl`, `pt-BR`).
pub fn is_language_code(code: &str) -> bool {
    let mut parts = code.split('-');
    let primary = parts.next().unwrap_or_default();
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"
title: "Les Bons Gestes Numériques"
base_url: "https://example.org/partner"
default_language: fr
languages:
  fr: { name: "Français" }
  nl: { name: "Nederlands" }
  en: { name: "English" }
framework: digcomp-2.2
theme: default
"#;

    #[test]
    fn reads_the_sample_settings_in_order() {
        let config = SiteConfig::parse(SAMPLE).value.unwrap();
        assert_eq!(config.base_url, "https://example.org/partner/");
        assert_eq!(config.base_path(), "/partner/");
        let codes: Vec<_> = config.languages.keys().cloned().collect();
        assert_eq!(codes, ["fr", "nl", "en"]);
        assert_eq!(config.title.get("nl", "fr"), "Les Bons Gestes Numériques");
    }

    #[test]
    fn reports_every_problem_with_its_line() {
        let text = SAMPLE
            .replace("default_language: fr", "default_language: de")
            .replace("digcomp-2.2", "digcomp-3");
        let problems = SiteConfig::parse(&text).failure();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!(problems[0].line, Some(4));
        assert_eq!(problems[1].line, Some(9));
    }

    #[test]
    fn localized_titles_pick_the_language() {
        let text = SAMPLE.replace(
            "title: \"Les Bons Gestes Numériques\"",
            "title: { fr: \"Bonjour\", nl: \"Hallo\" }",
        );
        let config = SiteConfig::parse(&text).value.unwrap();
        assert_eq!(config.title.get("nl", "fr"), "Hallo");
        assert_eq!(config.title.get("en", "fr"), "Bonjour");
    }

    #[test]
    fn base_urls_are_checked() {
        let normalized = |url: &str| normalize_base_url(url, Path::new(CONFIG_FILE)).value;
        assert_eq!(normalized("https://a.org").unwrap(), "https://a.org/");
        assert!(normalized("example.org").is_none());
        assert!(normalized("https://").is_none());
        assert!(is_language_code("pt-BR"));
        assert!(!is_language_code("v2"));
    }
}
