//! Themes: where templates and static files come from. A site's own `templates/` override its
//! theme's, and the built-in default theme serves sites without a `themes/default` folder.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use crate::base::diagnostic::{Checked, Diagnostic};
use crate::base::files::walk_files;
use crate::sources::config::CONFIG_FILE;

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_theme.rs"));
}

/// The name of the built-in theme.
pub const DEFAULT_THEME: &str = "default";

/// Where one theme file comes from: a folder of the site, or the binary.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Layer {
    Folder(PathBuf),
    BuiltIn,
}

/// A file found in a theme: where it is (for messages) and how to read it.
#[derive(Debug, Clone)]
pub struct ThemeFile {
    /// Path relative to the site root, or `(built-in)/...` for the embedded theme.
    pub origin: PathBuf,
    absolute: Option<PathBuf>,
    built_in: Option<&'static [u8]>,
}

impl ThemeFile {
    /// The file's bytes.
    pub fn read(&self) -> std::io::Result<Cow<'static, [u8]>> {
        match (self.built_in, &self.absolute) {
            (Some(bytes), _) => Ok(Cow::Borrowed(bytes)),
            (None, Some(path)) => std::fs::read(path).map(Cow::Owned),
            (None, None) => Err(std::io::Error::from(std::io::ErrorKind::NotFound)),
        }
    }
}

/// The theme of a site, with the site's own overrides on top.
#[derive(Debug, Clone)]
pub struct Theme {
    /// Layers searched in order: the site's overrides first.
    layers: Vec<(Layer, PathBuf)>,
}

impl Theme {
    /// The theme `name` of the site at `root`; `None` with an error on `site.yaml` when the
    /// theme does not exist.
    pub fn open(root: &Path, name: &str) -> Checked<Option<Theme>> {
        let mut layers = vec![(Layer::Folder(root.to_path_buf()), PathBuf::new())];
        let folder = Path::new("themes").join(name);
        if root.join(&folder).is_dir() {
            layers.push((Layer::Folder(root.join(&folder)), folder));
        } else if name == DEFAULT_THEME {
            layers.push((Layer::BuiltIn, PathBuf::from("(built-in theme)")));
        } else {
            return Checked::failed(
                Diagnostic::error(
                    CONFIG_FILE,
                    format!("the theme `{name}` is not in themes/{name}"),
                )
                .with_hint("set `theme: default`, or put the theme in themes/<name>"),
            );
        }
        Checked::ok(Some(Theme { layers }))
    }

    /// Finds `templates/<name>` in the site, then in the theme.
    pub fn template(&self, name: &str) -> Option<ThemeFile> {
        self.find(&format!("templates/{name}"))
    }

    /// Finds a file by its path inside the theme (such as `templates/fiche.typ`), the site's copy first.
    pub fn find(&self, inner: &str) -> Option<ThemeFile> {
        if inner.split('/').any(|part| part == ".." || part.is_empty()) {
            return None;
        }
        self.layers.iter().find_map(|(layer, shown)| match layer {
            Layer::Folder(dir) => {
                let path = dir.join(inner);
                path.is_file().then(|| ThemeFile {
                    origin: shown.join(inner),
                    absolute: Some(path),
                    built_in: None,
                })
            }
            Layer::BuiltIn => {
                embedded::FILES
                    .iter()
                    .find(|(path, _)| *path == inner)
                    .map(|(_, bytes)| ThemeFile {
                        origin: shown.join(inner),
                        absolute: None,
                        built_in: Some(bytes),
                    })
            }
        })
    }

    /// The theme's `static/` files, as (path inside `static/`, file), without the site's own
    /// `static/` (which the writer copies after, so that it wins).
    pub fn static_files(&self) -> Vec<(String, ThemeFile)> {
        self.files_in("static")
    }

    /// The files of a folder of the theme (`static`, `fonts`), as (path inside the folder,
    /// file); a file of the theme's folder wins over the built-in one of the same name.
    pub fn files_in(&self, folder: &str) -> Vec<(String, ThemeFile)> {
        let mut found = std::collections::BTreeMap::new();
        for (layer, shown) in self.layers.iter().skip(1).rev() {
            match layer {
                Layer::Folder(dir) => {
                    for (inner, path) in walk_files(&dir.join(folder)) {
                        let origin = shown.join(folder).join(&inner);
                        found.insert(
                            inner,
                            ThemeFile {
                                origin,
                                absolute: Some(path),
                                built_in: None,
                            },
                        );
                    }
                }
                Layer::BuiltIn => {
                    let prefix = format!("{folder}/");
                    for (path, bytes) in embedded::FILES {
                        if let Some(inner) = path.strip_prefix(&prefix) {
                            let origin = shown.join(path);
                            found.insert(
                                inner.to_string(),
                                ThemeFile {
                                    origin,
                                    absolute: None,
                                    built_in: Some(bytes),
                                },
                            );
                        }
                    }
                }
            }
        }
        found.into_iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_theme_serves_a_site_without_theme_folder() {
        let dir = tempfile::tempdir().unwrap();
        let theme = Theme::open(dir.path(), DEFAULT_THEME).value.unwrap();
        let base = theme.template("base.html").expect("built-in base.html");
        assert!(base.origin.starts_with("(built-in theme)"));
        assert!(!base.read().unwrap().is_empty());
        assert!(
            theme
                .static_files()
                .iter()
                .any(|(p, _)| p.ends_with(".css"))
        );
    }

    #[test]
    fn site_templates_override_the_theme() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("templates")).unwrap();
        std::fs::write(dir.path().join("templates/base.html"), "mine").unwrap();
        let theme = Theme::open(dir.path(), DEFAULT_THEME).value.unwrap();
        let base = theme.template("base.html").unwrap();
        assert_eq!(base.origin, Path::new("templates/base.html"));
        assert_eq!(&*base.read().unwrap(), b"mine");
        assert!(theme.template("../site.yaml").is_none());
    }

    #[test]
    fn an_unknown_theme_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        assert!(Theme::open(dir.path(), "fancy").value.is_none());
    }
}
