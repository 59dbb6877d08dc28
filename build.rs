//! Embeds the default theme (themes/default) in the binary, so that `parcours` builds a site
//! that has no theme folder of its own.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let theme = Path::new("themes/default");
    println!("cargo:rerun-if-changed={}", theme.display());
    let mut files = Vec::new();
    collect(theme, &mut files);
    files.sort();
    let mut code = String::from(
        "/// Files of the built-in default theme: path inside the theme, bytes.\npub(crate) static FILES: &[(&str, &[u8])] = &[\n",
    );
    for file in files {
        let inner = file
            .strip_prefix(theme)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let absolute = std::fs::canonicalize(&file).unwrap();
        writeln!(
            code,
            "    ({inner:?}, include_bytes!({:?})),",
            absolute.display().to_string()
        )
        .unwrap();
    }
    code.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("embedded_theme.rs");
    std::fs::write(out, code).unwrap();
}

fn collect(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, files);
        } else {
            files.push(path);
        }
    }
}
