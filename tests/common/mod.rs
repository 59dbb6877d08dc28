//! Helpers shared by the integration tests: run the real binary on fixture sites.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The fixture site `name` under tests/fixtures.
pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// The repository root, which is the sample site.
pub fn sample_site() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `parcours` with `args`.
pub fn parcours(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parcours"))
        .args(args)
        .output()
        .expect("the parcours binary runs")
}

/// Runs `parcours build` of `root` into `out`, with extra arguments.
pub fn build(root: &Path, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec![
        "build",
        "--root",
        root.to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    parcours(&args)
}

/// The standard error of a run, as text.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A file of a built site, as text.
pub fn read(out: &Path, file: &str) -> String {
    std::fs::read_to_string(out.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// Every file under `dir`, with its bytes, sorted by path.
pub fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().to_path_buf(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

/// Copies a folder recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from)
        .into_iter()
        .filter_map(Result::ok)
    {
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Sends a raw GET request for `path` (sent as written) and returns the status and the body.
pub fn http_get(address: &str, path: &str) -> (u16, String) {
    let (status, body) = http_get_bytes(address, path);
    (status, String::from_utf8_lossy(&body).into_owned())
}

/// Asks the server at `address` for `path`: (status, body as bytes).
pub fn http_get_bytes(address: &str, path: &str) -> (u16, Vec<u8>) {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(address).expect("the server accepts");
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(10)))
        .unwrap();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let end = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map_or(response.len(), |at| at + 4);
    let head = String::from_utf8_lossy(&response[..end]);
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, response[end..].to_vec())
}

/// The content of gzip data, as the browser opens the search index's files.
pub fn gunzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Read;
    let mut opened = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut opened)
        .expect("a gzip file");
    opened
}

/// A vocabulary shard of the search index: each form with its stem, `None` for a stop word.
pub fn search_vocabulary(shard: &[u8]) -> std::collections::BTreeMap<String, Option<String>> {
    String::from_utf8(gunzip(shard))
        .expect("UTF-8")
        .lines()
        .map(|line| match line.split_once('\t') {
            None => (line.to_string(), Some(line.to_string())),
            Some((form, "")) => (form.to_string(), None),
            Some((form, stem)) => (form.to_string(), Some(stem.to_string())),
        })
        .collect()
}
