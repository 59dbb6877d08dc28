//! The data files that scripts fetch, as scripts: opened from a folder (`file://`), browsers
//! refuse `fetch`, but still run `<script>` tags. Each fetched file gets a twin, `FILE.js`,
//! which hands the file's bytes to the shared loader of the theme (`load.js`), where the
//! scripts' one loading function (`parcoursLoad`) picks them up.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

/// The name of a data file's script twin.
pub fn script_name(file: &str) -> String {
    format!("{file}.js")
}

/// The script twin of a data file: one call that hands its bytes, in base64, to the loader,
/// with the script element that carries them.
pub fn data_script(bytes: &[u8]) -> Vec<u8> {
    format!(
        "parcoursData(document.currentScript,\"{}\");\n",
        STANDARD.encode(bytes)
    )
    .into_bytes()
}

/// The files of a fetched output with, after each, its script twin.
pub fn with_scripts(files: Vec<(String, Vec<u8>)>) -> Vec<(String, Vec<u8>)> {
    files
        .into_iter()
        .flat_map(|(file, bytes)| {
            let twin = (script_name(&file), data_script(&bytes));
            [(file, bytes), twin]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_file_gets_a_script_that_hands_over_its_bytes() {
        let files = with_scripts(vec![("search/fr/meta.json".into(), b"{}\n".to_vec())]);
        assert_eq!(files.len(), 2);
        assert_eq!(files[1].0, "search/fr/meta.json.js");
        assert_eq!(
            String::from_utf8(files[1].1.clone()).unwrap(),
            "parcoursData(document.currentScript,\"e30K\");\n"
        );
    }
}
