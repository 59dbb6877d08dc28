//! A folder as one ZIP archive, the same bytes for the same files: entries sorted by path,
//! each dated 1980-01-01 (the format's first day), with the same permissions.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use crate::base::files::walk_files;

/// Files already compressed, stored as they are rather than compressed again.
const COMPRESSED: [&str; 7] = [".gz", ".png", ".jpg", ".jpeg", ".webp", ".pdf", ".zip"];

/// Writes every file under `folder` into the ZIP `into`, under the folder `top` (so that
/// unpacking makes one folder, not a heap of files). Written beside `into` first, then
/// renamed: a failure leaves no half archive.
pub fn zip_folder(folder: &Path, into: &Path, top: &str) -> std::io::Result<()> {
    let partial = into.with_extension("zip.part");
    let written = write_zip(folder, &partial, top).and_then(|()| std::fs::rename(&partial, into));
    if written.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    written
}

fn write_zip(folder: &Path, into: &Path, top: &str) -> std::io::Result<()> {
    let mut zip = ZipWriter::new(BufWriter::new(File::create(into)?));
    for (inner, file) in walk_files(folder) {
        let stored = COMPRESSED.iter().any(|ext| inner.ends_with(ext));
        let options = SimpleFileOptions::default()
            .compression_method(if stored {
                CompressionMethod::Stored
            } else {
                CompressionMethod::Deflated
            })
            .last_modified_time(DateTime::default())
            .unix_permissions(0o644);
        zip.start_file(format!("{top}/{inner}"), options)?;
        zip.write_all(&std::fs::read(file)?)?;
    }
    zip.finish()?.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_files_make_the_same_archive() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        std::fs::create_dir_all(site.join("fr/a")).unwrap();
        std::fs::write(site.join("index.html"), "<p>home</p>").unwrap();
        std::fs::write(site.join("fr/a/index.html"), "<p>a</p>").unwrap();
        let (first, second) = (dir.path().join("1.zip"), dir.path().join("2.zip"));
        zip_folder(&site, &first, "site").unwrap();
        std::thread::sleep(std::time::Duration::from_millis(1100));
        zip_folder(&site, &second, "site").unwrap();
        let bytes = std::fs::read(&first).unwrap();
        assert_eq!(bytes, std::fs::read(&second).unwrap());
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let names: Vec<&str> = archive.file_names().collect();
        assert_eq!(names, ["site/fr/a/index.html", "site/index.html"]);
        let mut text = String::new();
        std::io::Read::read_to_string(&mut archive.by_name("site/index.html").unwrap(), &mut text)
            .unwrap();
        assert_eq!(text, "<p>home</p>");
    }
}
