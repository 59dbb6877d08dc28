//! URL and path arithmetic: relative URLs between pages of a site, so that a built site works
//! under any base URL, and `/`-separated paths resolved inside a root.

/// The relative URL from the page at `from` (a site path such as `fr/a/b/`, or `` for the
/// root) to the site path `to`.
pub fn relative_url(from: &str, to: &str) -> String {
    let url = format!("{}{to}", root_of(from));
    if url.is_empty() {
        "./".to_string()
    } else {
        url
    }
}

/// How the address of a folder of the site becomes a link: the one place where a site made to
/// be opened from files differs from one served on the web.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum LinkStyle {
    /// A folder's address as it is (`fr/a/`): a web server answers with its `index.html`.
    #[default]
    Folder,
    /// A folder's address names its `index.html` (`fr/a/index.html`): opened from a folder or
    /// a USB stick (`file://`), a browser shows a folder's listing, not its page.
    File,
}

impl LinkStyle {
    /// The link to `url` (relative or from the root, with its `?query` or `#anchor`) in this
    /// style; a bare anchor, and an address of another site, stay as they are.
    pub fn link(self, url: &str) -> String {
        if self == LinkStyle::Folder || has_scheme(url) || url.starts_with("//") {
            return url.to_string();
        }
        let cut = url.find(['?', '#']).unwrap_or(url.len());
        let (path, suffix) = url.split_at(cut);
        if path.ends_with('/') || path == "." || (path.is_empty() && suffix.starts_with('?')) {
            format!("{}index.html{suffix}", path.trim_end_matches('.'))
        } else {
            url.to_string()
        }
    }
}

/// The relative URL of the site root from the page at `from`: `../` once per folder.
pub fn root_of(from: &str) -> String {
    let depth = from.split('/').filter(|part| !part.is_empty()).count();
    let depth = if from.ends_with('/') || from.is_empty() {
        depth
    } else {
        depth.saturating_sub(1)
    };
    "../".repeat(depth)
}

/// Resolves a relative `/`-separated path against a base folder, both relative to the same
/// root; `None` when it climbs out of the root.
pub fn resolve_relative(base_dir: &str, relative: &str) -> Option<String> {
    let mut parts: Vec<&str> = base_dir.split('/').filter(|p| !p.is_empty()).collect();
    for part in relative.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            other => parts.push(other),
        }
    }
    let mut joined = parts.join("/");
    if relative.ends_with('/') && !joined.is_empty() {
        joined.push('/');
    }
    Some(joined)
}

/// Joins two `/`-separated path parts, either of which may be empty.
pub fn join(a: &str, b: &str) -> String {
    match (a.is_empty(), b.is_empty()) {
        (true, _) => b.to_string(),
        (_, true) => a.to_string(),
        _ => format!("{a}/{b}"),
    }
}

/// Whether a URL starts with a scheme such as `https:` or `mailto:`.
pub fn has_scheme(url: &str) -> bool {
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
    fn relative_urls_climb_to_the_root_then_descend() {
        assert_eq!(
            relative_url("fr/securite/mots/", "fr/digcomp/2.1/"),
            "../../../fr/digcomp/2.1/"
        );
        assert_eq!(relative_url("", "fr/"), "fr/");
        assert_eq!(relative_url("", ""), "./");
        assert_eq!(relative_url("fr/", ""), "../");
        assert_eq!(relative_url("404.html", "fr/"), "fr/");
    }

    #[test]
    fn file_links_name_the_index_of_folders() {
        let file = LinkStyle::File;
        assert_eq!(file.link("../../fr/a/"), "../../fr/a/index.html");
        assert_eq!(file.link("./"), "./index.html");
        assert_eq!(file.link("fr/a/#steps"), "fr/a/index.html#steps");
        assert_eq!(file.link("../search/?q=mot"), "../search/index.html?q=mot");
        assert_eq!(file.link("."), "index.html");
        assert_eq!(file.link("#steps"), "#steps");
        assert_eq!(file.link("a/b.pdf"), "a/b.pdf");
        assert_eq!(file.link("https://example.org/"), "https://example.org/");
        assert_eq!(LinkStyle::Folder.link("fr/a/"), "fr/a/");
    }

    #[test]
    fn relative_paths_resolve_inside_the_root_only() {
        assert_eq!(
            resolve_relative("securite", "../informer/a.md").as_deref(),
            Some("informer/a.md")
        );
        assert_eq!(
            resolve_relative("securite", "./img/x.png").as_deref(),
            Some("securite/img/x.png")
        );
        assert_eq!(
            resolve_relative("fr/a/b/", "../../c/").as_deref(),
            Some("fr/c/")
        );
        assert_eq!(resolve_relative("", "../etc/passwd"), None);
    }

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
