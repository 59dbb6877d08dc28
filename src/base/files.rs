//! Reading files of a site: optional files, folders walked in a stable order, and the names a
//! site never publishes (hidden files, editors' temporaries).

use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::base::diagnostic::{Checked, Diagnostic};

/// The text of an optional site file (`file` from the site's `root`, such as
/// `i18n/fr.yaml`): `None` when it does not exist, or with an error naming it when it cannot
/// be read.
pub fn read_optional(root: &Path, file: &Path) -> Checked<Option<String>> {
    match std::fs::read_to_string(root.join(file)) {
        Ok(text) => Checked::ok(Some(text)),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Checked::ok(None),
        Err(error) => Checked::failed(Diagnostic::error(file, format!("cannot read: {error}"))),
    }
}

/// Whether a file is an editor's temporary or a hidden file, which a site never publishes.
pub fn is_ignored_name(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
        || name == "4913"
        || name.contains("___jb_")
}

/// Every file under `dir`, as (path relative to `dir` with `/`, absolute path), sorted,
/// hidden files and editor temporaries left out.
pub fn walk_files(dir: &Path) -> Vec<(String, PathBuf)> {
    if !dir.is_dir() {
        return Vec::new();
    }
    WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored_name(&e.file_name().to_string_lossy()))
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| {
            let inner = e
                .path()
                .strip_prefix(dir)
                .ok()?
                .to_str()?
                .replace('\\', "/");
            Some((inner, e.path().to_path_buf()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_temporaries_are_ignored() {
        for name in [
            ".#page.md",
            "page.md~",
            ".page.md.swp",
            "4913",
            "x___jb_tmp___",
            ".DS_Store",
        ] {
            assert!(is_ignored_name(name), "{name}");
        }
        assert!(!is_ignored_name("page.fr.md"));
    }
}
