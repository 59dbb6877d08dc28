//! The commands of the `parcours` binary, each a function over the library that returns an
//! exit code: 0 success, 1 content errors, 2 usage errors.

pub mod build;
pub mod check;
pub mod fiche;
pub mod new;
pub mod search;

use std::path::{Path, PathBuf};

use crate::config::SiteConfig;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::i18n::Strings;
use crate::load::load_content;
use crate::model::Site;
use crate::theme::Theme;

/// Exit code of a successful command.
pub const SUCCESS: i32 = 0;
/// Exit code when the content has errors.
pub const CONTENT_ERROR: i32 = 1;
/// Exit code when the command line is wrong.
pub const USAGE_ERROR: i32 = 2;

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
        match crate::config::normalize_base_url(url) {
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
                Diagnostic::error(crate::config::CONFIG_FILE, message)
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

/// Prints every problem, errors and warnings, with the lines they point at.
pub fn print_problems(root: &Path, problems: &Diagnostics) {
    for problem in problems.sorted() {
        eprintln!("{}", problem.render(root));
    }
}
