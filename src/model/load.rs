//! Loading a whole site: its settings, theme, strings and content, modelled into a [`Site`].

use std::path::PathBuf;

use super::Site;
use crate::base::diagnostic::{Diagnostic, Diagnostics};
use crate::sources::config::SiteConfig;
use crate::sources::i18n::Strings;
use crate::sources::pages::load_content;
use crate::sources::theme::Theme;

/// Options shared by the commands that read a site.
#[derive(Debug, Clone, Default)]
pub struct SiteOptions {
    /// The site folder.
    pub root: PathBuf,
    /// Publish drafts too.
    pub drafts: bool,
    /// Replaces the base URL of site.yaml.
    pub base_url: Option<String>,
}

/// Loads and models a site, collecting every problem. `None` when the site cannot be modelled
/// at all (unreadable settings or theme).
pub fn load_site(options: &SiteOptions) -> (Option<Site>, Diagnostics) {
    let mut problems = Diagnostics::new();
    let root = &options.root;
    let mut config = match SiteConfig::load(root) {
        Ok(config) => config,
        Err(found) => {
            problems.extend(found);
            return (None, problems);
        }
    };
    if let Some(url) = &options.base_url {
        match crate::sources::config::normalize_base_url(url) {
            Ok(url) => config.base_url = url,
            Err(message) => {
                problems.push(Diagnostic::error("--base-url", message));
                return (None, problems);
            }
        }
    }
    let theme = match Theme::open(root, &config.theme) {
        Ok(theme) => theme,
        Err(message) => {
            problems.push(
                Diagnostic::error(crate::sources::config::CONFIG_FILE, message)
                    .with_hint("set `theme: default`, or put the theme in themes/<name>"),
            );
            return (None, problems);
        }
    };
    let (strings, found) = Strings::load(root, &config);
    problems.extend(found);
    let (content, found) = load_content(root, &config, options.drafts);
    problems.extend(found);
    let (site, found) = Site::new(root, config, strings, theme, content);
    problems.extend(found);
    (Some(site), problems)
}
