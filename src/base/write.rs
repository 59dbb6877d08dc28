//! Writing the output: into a staging folder beside the final one, swapped in only when the
//! whole build succeeded, so that a failed build leaves the previous site as it was.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Files rendered into memory: path and bytes.
pub type Files = Vec<(String, Vec<u8>)>;

/// Where rendered files go: a folder, memory (to write later, all or nothing), or nowhere
/// (for `check`).
#[derive(Debug)]
pub struct Sink {
    folder: Option<PathBuf>,
    memory: Option<Mutex<Files>>,
    count: AtomicUsize,
}

impl Sink {
    fn with(folder: Option<PathBuf>, memory: Option<Mutex<Files>>) -> Sink {
        Sink {
            folder,
            memory,
            count: AtomicUsize::new(0),
        }
    }

    /// Writes into `folder`.
    pub fn folder(folder: &Path) -> Sink {
        Sink::with(Some(folder.to_path_buf()), None)
    }

    /// Writes nothing (files are only counted).
    pub fn discard() -> Sink {
        Sink::with(None, None)
    }

    /// Keeps the files in memory, for [`Sink::into_files`].
    pub fn memory() -> Sink {
        Sink::with(None, Some(Mutex::new(Vec::new())))
    }

    /// The files kept in memory, sorted by path.
    pub fn into_files(self) -> Files {
        let mut files = self
            .memory
            .map(|m| m.into_inner().unwrap_or_else(|e| e.into_inner()))
            .unwrap_or_default();
        files.sort();
        files
    }

    /// Writes a file at `path` (relative, `/`-separated), creating its folders.
    pub fn write(&self, path: &str, bytes: &[u8]) -> std::io::Result<()> {
        self.count.fetch_add(1, Ordering::Relaxed);
        if let Some(memory) = &self.memory {
            let mut files = memory.lock().unwrap_or_else(|e| e.into_inner());
            files.push((path.to_string(), bytes.to_vec()));
            return Ok(());
        }
        match self.target(path)? {
            Some(target) => std::fs::write(target, bytes),
            None => Ok(()),
        }
    }

    /// Copies the file `from` to `path`.
    pub fn copy(&self, path: &str, from: &Path) -> std::io::Result<()> {
        if self.memory.is_some() {
            return self.write(path, &std::fs::read(from)?);
        }
        self.count.fetch_add(1, Ordering::Relaxed);
        match self.target(path)? {
            Some(target) => std::fs::copy(from, target).map(|_| ()),
            None => std::fs::metadata(from).map(|_| ()),
        }
    }

    /// How many files were written.
    pub fn count(&self) -> usize {
        self.count.load(Ordering::Relaxed)
    }

    fn target(&self, path: &str) -> std::io::Result<Option<PathBuf>> {
        let Some(folder) = &self.folder else {
            return Ok(None);
        };
        if path.split('/').any(|part| part == ".." || part.is_empty()) || path.starts_with('/') {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                format!("refusing to write outside the output folder: {path}"),
            ));
        }
        let target = folder.join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        Ok(Some(target))
    }
}

/// A staging folder that replaces the output folder on [`Staging::commit`], and is removed
/// if dropped before.
#[derive(Debug)]
pub struct Staging {
    staging: PathBuf,
    target: PathBuf,
    committed: bool,
}

impl Staging {
    /// Creates an empty staging folder next to `target`.
    pub fn new(target: &Path) -> std::io::Result<Staging> {
        let parent = target
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent)?;
        let name = target
            .file_name()
            .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
        let staging = parent.join(format!(".{name}.building-{}", std::process::id()));
        if staging.exists() {
            std::fs::remove_dir_all(&staging)?;
        }
        std::fs::create_dir(&staging)?;
        Ok(Staging {
            staging,
            target: target.to_path_buf(),
            committed: false,
        })
    }

    /// The folder to write into.
    pub fn path(&self) -> &Path {
        &self.staging
    }

    /// Puts the staging folder in place of the target, removing the previous output.
    pub fn commit(mut self) -> std::io::Result<()> {
        let old = self.staging.with_file_name(format!(
            "{}.old",
            self.staging
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        ));
        let had_previous = self.target.exists();
        if had_previous {
            std::fs::rename(&self.target, &old)?;
        }
        if let Err(error) = std::fs::rename(&self.staging, &self.target) {
            if had_previous {
                let _ = std::fs::rename(&old, &self.target);
            }
            return Err(error);
        }
        self.committed = true;
        if had_previous {
            std::fs::remove_dir_all(&old)?;
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_dir_all(&self.staging);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dropped_staging_leaves_the_previous_output() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("public");
        std::fs::create_dir(&target).unwrap();
        std::fs::write(target.join("index.html"), "old").unwrap();
        {
            let staging = Staging::new(&target).unwrap();
            Sink::folder(staging.path())
                .write("index.html", b"new")
                .unwrap();
        }
        assert_eq!(
            std::fs::read_to_string(target.join("index.html")).unwrap(),
            "old"
        );
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "staging removed"
        );
    }

    #[test]
    fn a_commit_swaps_the_output() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("public");
        std::fs::create_dir(&target).unwrap();
        std::fs::write(target.join("stale.html"), "old").unwrap();
        let staging = Staging::new(&target).unwrap();
        let sink = Sink::folder(staging.path());
        sink.write("fr/index.html", b"new").unwrap();
        assert!(sink.write("../escape", b"x").is_err());
        staging.commit().unwrap();
        assert_eq!(
            std::fs::read_to_string(target.join("fr/index.html")).unwrap(),
            "new"
        );
        assert!(!target.join("stale.html").exists());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
