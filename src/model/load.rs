//! Loading a whole site: each of its sources read (settings, theme, strings, glossary, help
//! places, pages), then modelled into a [`Site`].

use std::path::{Path, PathBuf};

use super::site::{Site, Sources};
use crate::base::diagnostic::{Checked, Diagnostics};
use crate::sources::config::{SiteConfig, normalize_base_url};
use crate::sources::glossary::Glossary;
use crate::sources::i18n::Strings;
use crate::sources::pages::load_content;
use crate::sources::places::Directory;
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
    /// Makes every PDF again instead of copying those of earlier builds from the cache.
    pub no_cache: bool,
    /// Makes a site that works opened from a folder (`--portable`), whatever site.yaml says.
    pub portable: bool,
    /// List every problem, rather than the first ones of each kind.
    pub verbose: bool,
}

/// Loads and models a site, collecting every problem. `None` when the site cannot be modelled
/// at all (unreadable settings or theme, or a wrong `--base-url`).
pub fn load_site(options: &SiteOptions) -> Checked<Option<Site>> {
    let mut problems = Diagnostics::new();
    let root = &options.root;
    let Some(mut config) = problems.take(SiteConfig::load(root)) else {
        return Checked::failed_with(problems);
    };
    if let Some(url) = &options.base_url {
        let Some(url) = problems.take(normalize_base_url(url, Path::new("--base-url"))) else {
            return Checked::failed_with(problems);
        };
        config.base_url = url;
    }
    if options.portable {
        config.make_portable();
    }
    let Some(theme) = problems.take(Theme::open(root, &config.theme)) else {
        return Checked::failed_with(problems);
    };
    let sources = Sources {
        strings: problems.take(Strings::load(root, &config)),
        glossary: problems.take(Glossary::load(root, &config)),
        directory: problems.take(Directory::load(root, &config)),
        content: problems.take(load_content(root, &config, options.drafts)),
        theme,
        config,
    };
    let site = problems.take(Site::new(root, sources));
    Checked::new(Some(site), problems)
}
