//! The git history of a site's files, read through the git command line in one pass: which
//! commits changed each file, newest first, with their dates and messages.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// One commit that changed a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Commit {
    /// Its full hash.
    pub hash: String,
    /// When it was committed, in seconds since 1970.
    pub time: i64,
    /// When it was committed, as git gives it (ISO 8601 with the committer's offset).
    pub date: String,
    /// The first line of its message.
    pub subject: String,
    /// Its whole message.
    pub message: String,
}

impl Commit {
    /// Its hash, shortened as git shows it.
    pub fn short(&self) -> &str {
        &self.hash[..self.hash.len().min(10)]
    }

    /// Its date, `YYYY-MM-DD`.
    pub fn day(&self) -> &str {
        &self.date[..self.date.len().min(10)]
    }
}

/// The commits that changed the files under some folders of a site, by file.
#[derive(Debug, Clone, Default)]
pub struct History {
    by_file: HashMap<PathBuf, Vec<Commit>>,
}

/// Why a history could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GitError {
    /// git is not installed (or cannot run).
    NoGit(String),
    /// The folder is not inside a git repository.
    NotARepository,
    /// git ran and failed.
    Failed(String),
}

/// The record and field separators of the log's format.
const RECORD: char = '\u{1e}';
const FIELD: char = '\u{1f}';

impl History {
    /// Reads the history of the files under `folders` of the site at `root` (paths relative
    /// to `root`), newest commit first.
    pub fn read(root: &Path, folders: &[&str]) -> Result<History, GitError> {
        let inside = git(root, &["rev-parse", "--is-inside-work-tree"])?;
        if inside.trim() != "true" {
            return Err(GitError::NotARepository);
        }
        let mut args = vec![
            "-c",
            "core.quotePath=false",
            "log",
            "--no-color",
            "--relative",
            "--name-only",
            "--format=%x1e%H%x1f%ct%x1f%cI%x1f%B%x1f",
            "--",
        ];
        args.extend(folders);
        Ok(History::parse(&git(root, &args)?))
    }

    /// The history in the output of `git log` with the format of [`History::read`].
    fn parse(log: &str) -> History {
        let mut history = History::default();
        for record in log.split(RECORD).filter(|r| !r.trim().is_empty()) {
            let mut fields = record.splitn(5, FIELD);
            let mut next = || fields.next().unwrap_or_default();
            let (hash, time, date, message, files) = (next(), next(), next(), next(), next());
            let Ok(time) = time.trim().parse() else {
                continue;
            };
            let commit = Commit {
                hash: hash.trim().to_string(),
                time,
                date: date.trim().to_string(),
                subject: message
                    .lines()
                    .next()
                    .unwrap_or_default()
                    .trim()
                    .to_string(),
                message: message.trim().to_string(),
            };
            for file in files.lines().map(str::trim).filter(|f| !f.is_empty()) {
                history
                    .by_file
                    .entry(PathBuf::from(file))
                    .or_default()
                    .push(commit.clone());
            }
        }
        history
    }

    /// The commits that changed `file` (relative to the site), newest first.
    pub fn of(&self, file: &Path) -> &[Commit] {
        self.by_file.get(file).map_or(&[], Vec::as_slice)
    }
}

/// Runs git in `root` and returns what it printed.
fn git(root: &Path, args: &[&str]) -> Result<String, GitError> {
    let output = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(args)
        .output()
        .map_err(|error| GitError::NoGit(error.to_string()))?;
    if output.status.success() {
        return Ok(String::from_utf8_lossy(&output.stdout).into_owned());
    }
    let error = String::from_utf8_lossy(&output.stderr).trim().to_string();
    if error.contains("not a git repository") {
        Err(GitError::NotARepository)
    } else {
        Err(GitError::Failed(error))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_log_gives_each_file_its_commits_newest_first() {
        let log = "\u{1e}bbb\u{1f}1793610000\u{1f}2026-11-02T10:00:00+01:00\u{1f}Second\n\nBody [i18n-ignore]\n\u{1f}\n\ncontent/a.fr.md\n\u{1e}aaa\u{1f}1793523600\u{1f}2026-11-01T10:00:00+01:00\u{1f}First\n\u{1f}\n\ncontent/a.fr.md\ncontent/a.nl.md\n";
        let history = History::parse(log);
        let a = history.of(Path::new("content/a.fr.md"));
        assert_eq!(
            a.iter().map(|c| c.hash.as_str()).collect::<Vec<_>>(),
            ["bbb", "aaa"]
        );
        assert_eq!(a[0].subject, "Second");
        assert!(a[0].message.contains("[i18n-ignore]"));
        assert_eq!(a[0].day(), "2026-11-02");
        assert_eq!(history.of(Path::new("content/a.nl.md")).len(), 1);
        assert!(history.of(Path::new("content/b.md")).is_empty());
    }
}
