//! Where the links and images of a page lead: to another page (written as its `.md` file),
//! to an asset beside the page, or to an address of the site. Every target is checked.

use percent_encoding::percent_decode_str;

use crate::model::{Page, Site, relative_url, resolve_relative};

/// Where a link leads once resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// An external address, an anchor, or a relative URL that already works.
    Unchanged,
    /// A new relative URL.
    Url(String),
    /// A page that exists only in another language: its URL and that language.
    OtherLanguage(String, String),
}

/// Why a link leads nowhere, and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkProblem {
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: String,
}

fn problem(message: impl Into<String>, hint: impl Into<String>) -> LinkProblem {
    LinkProblem {
        message: message.into(),
        hint: hint.into(),
    }
}

/// Resolves `url`, written in `page`.
pub fn resolve(site: &Site, page: &Page, url: &str) -> Result<Target, LinkProblem> {
    if url.is_empty() || url.starts_with('#') || url.starts_with("//") || has_scheme(url) {
        return Ok(Target::Unchanged);
    }
    let (path, suffix) = match url.find(['#', '?']) {
        Some(cut) => (&url[..cut], &url[cut..]),
        None => (url, ""),
    };
    if path.is_empty() {
        return Ok(Target::Unchanged);
    }
    let decoded = percent_decode_str(path).decode_utf8_lossy();
    if let Some(absolute) = decoded.strip_prefix('/') {
        return if site.has_path(absolute) {
            Ok(Target::Url(format!(
                "{}{suffix}",
                relative_url(&page.path, absolute)
            )))
        } else {
            Err(problem(
                "no page or file of the site has this address",
                "check the address, or link to the page's .md file",
            ))
        };
    }
    let in_content = resolve_relative(&page.dir, &decoded);
    if let Some(stem) = in_content.as_deref().and_then(|p| p.strip_suffix(".md")) {
        return page_link(site, page, stem, suffix);
    }
    if let Some(asset) = in_content.as_deref().filter(|p| site.is_asset(p)) {
        let target = site.asset_path(asset, &page.lang);
        return Ok(Target::Url(format!(
            "{}{suffix}",
            relative_url(&page.path, &target)
        )));
    }
    match resolve_relative(&page.path, &decoded) {
        Some(address) if site.has_path(&address) => Ok(Target::Unchanged),
        _ => Err(problem(
            match in_content {
                Some(file) => {
                    format!("there is no file content/{file} and no page at this address")
                }
                None => "it leads out of the site".to_string(),
            },
            "check the spelling; link to pages by their .md file, such as `../securite/mots-de-passe.md`",
        )),
    }
}

/// The asset of `content/` (its path there) that a relative `url` written in `page` names.
pub fn asset_of(site: &Site, page: &Page, url: &str) -> Option<String> {
    if url.starts_with(['/', '#']) || has_scheme(url) {
        return None;
    }
    let path = url.split(['#', '?']).next()?;
    let decoded = percent_decode_str(path).decode_utf8_lossy();
    resolve_relative(&page.dir, &decoded).filter(|p| site.is_asset(p))
}

/// The page a link written in `page` to a `.md` file names, in the page's language (or the
/// one the file name says), if it exists.
pub fn linked_page<'s>(site: &'s Site, page: &Page, link: &str) -> Option<&'s Page> {
    let stem = resolve_relative(&page.dir, link)?;
    let (key, lang) = page_key(site, stem.strip_suffix(".md")?);
    site.translation(&key, lang.unwrap_or(&page.lang))
}

/// The key of a page file (`stem`: its path in `content/` without `.md`), and the language
/// its name states, if any.
fn page_key<'a>(site: &Site, stem: &'a str) -> (String, Option<&'a str>) {
    let (dir, file) = stem.rsplit_once('/').unwrap_or(("", stem));
    let (name, explicit_lang) = match file.rsplit_once('.') {
        Some((name, lang)) if site.config.languages.contains_key(lang) => (name, Some(lang)),
        _ => (file, None),
    };
    let key = match name {
        "_index" | "index" => dir.to_string(),
        name => crate::load::join(dir, name),
    };
    (key, explicit_lang)
}

/// A link to a page file: `stem` is its path in `content/` without `.md`.
fn page_link(site: &Site, page: &Page, stem: &str, suffix: &str) -> Result<Target, LinkProblem> {
    let (key, explicit_lang) = page_key(site, stem);
    let wanted = explicit_lang.unwrap_or(&page.lang);
    if let Some(target) = site.translation(&key, wanted) {
        return Ok(Target::Url(format!(
            "{}{suffix}",
            relative_url(&page.path, &target.path)
        )));
    }
    let fallback = std::iter::once(site.default_language())
        .chain(site.languages.iter().map(|l| l.code.as_str()))
        .find_map(|lang| site.translation(&key, lang));
    match fallback {
        Some(target) if explicit_lang.is_none() => Ok(Target::OtherLanguage(
            format!("{}{suffix}", relative_url(&page.path, &target.path)),
            target.lang.clone(),
        )),
        _ => Err(problem(
            format!("there is no page content/{stem}.md"),
            "check the file name; a link to `name.md` opens that page in the same language",
        )),
    }
}

/// Whether a URL starts with a scheme such as `https:` or `mailto:`.
fn has_scheme(url: &str) -> bool {
    match url.find(':') {
        Some(colon) => {
            let scheme = &url[..colon];
            !scheme.is_empty()
                && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemes_are_recognised() {
        assert!(has_scheme("https://a.org"));
        assert!(has_scheme("mailto:a@b.c"));
        assert!(has_scheme("tel:+32"));
        assert!(!has_scheme("../a.md"));
        assert!(!has_scheme("a/b:c.md"));
        assert!(!has_scheme(":nothing"));
    }
}
