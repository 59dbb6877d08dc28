//! `parcours check --translations` on a site kept in git, made in a temporary folder:
//! commit, change the original, commit, and the translation is reported as outdated, with the
//! original's commit since; a commit marked `[i18n-ignore]` keeps translations up to date.

mod common;

use std::path::Path;
use std::process::Command;

use common::{parcours, stderr};

/// Runs git in `dir`, with a fixed author and date (so that commits are ordered).
fn git(dir: &Path, args: &[&str], date: &str) {
    let run = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.org"])
        .args(["-c", "commit.gpgsign=false"])
        .args(args)
        .env("GIT_AUTHOR_DATE", date)
        .env("GIT_COMMITTER_DATE", date)
        .output()
        .expect("git runs");
    assert!(run.status.success(), "git {args:?}: {}", stderr(&run));
}

fn write(dir: &Path, file: &str, text: &str) {
    let path = dir.join(file);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// A site in French, Dutch and English: a course in French and Dutch, committed.
fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(
        root,
        "site.yaml",
        "title: T\ndefault_language: fr\nlanguages:\n  fr: { name: Français }\n  nl: { name: Nederlands }\n  en: { name: English }\n",
    );
    write(
        root,
        "content/bases/souris.fr.md",
        "---\ntitle: \"La souris\"\n---\n\nCliquez.\n",
    );
    write(
        root,
        "content/bases/souris.nl.md",
        "---\ntitle: \"De muis\"\n---\n\nKlik.\n",
    );
    git(root, &["init", "-q"], "2026-01-01T10:00:00+00:00");
    git(root, &["add", "."], "2026-01-01T10:00:00+00:00");
    git(
        root,
        &["commit", "-qm", "First courses"],
        "2026-01-01T10:00:00+00:00",
    );
    dir
}

fn check(root: &Path, json: bool) -> (String, String) {
    let mut args = vec!["check", "--translations", "--root", root.to_str().unwrap()];
    if json {
        args.push("--json");
    }
    let run = parcours(&args);
    assert!(run.status.success(), "{}", stderr(&run));
    (
        String::from_utf8_lossy(&run.stdout).into_owned(),
        stderr(&run),
    )
}

#[test]
fn a_changed_original_makes_its_translation_outdated() {
    let site = site();
    let root = site.path();
    let (text, _) = check(root, false);
    assert!(!text.contains("outdated: nl"), "{text}");
    assert!(text.contains("missing: en"), "{text}");

    write(
        root,
        "content/bases/souris.fr.md",
        "---\ntitle: \"La souris\"\n---\n\nCliquez deux fois.\n",
    );
    git(
        root,
        &["commit", "-qam", "Double-clic"],
        "2026-02-01T10:00:00+00:00",
    );
    let (text, _) = check(root, false);
    assert!(
        text.contains("outdated: nl (content/bases/souris.nl.md), updated 2026-01-01; the original changed on 2026-02-01, 1 commit(s) since:"),
        "{text}"
    );
    assert!(text.contains("2026-02-01 Double-clic"), "{text}");

    let (json, _) = check(root, true);
    let report: serde_json::Value = serde_json::from_str(&json).expect("JSON on stdout");
    let page = &report["pages"][0];
    assert_eq!(page["original"]["lang"], "fr");
    assert_eq!(page["missing"], serde_json::json!(["en"]));
    let nl = &page["translations"][0];
    assert_eq!(nl["lang"], "nl");
    assert_eq!(nl["status"], "outdated");
    assert_eq!(nl["updated"], "2026-01-01");
    assert_eq!(nl["original_commits_since"][0]["subject"], "Double-clic");

    // Translating brings it up to date.
    write(
        root,
        "content/bases/souris.nl.md",
        "---\ntitle: \"De muis\"\n---\n\nDubbelklik.\n",
    );
    git(
        root,
        &["commit", "-qam", "Vertaling"],
        "2026-03-01T10:00:00+00:00",
    );
    let (json, _) = check(root, true);
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        report["pages"][0]["translations"][0]["status"],
        "up-to-date"
    );
}

#[test]
fn a_change_marked_i18n_ignore_keeps_translations_up_to_date() {
    let site = site();
    let root = site.path();
    write(
        root,
        "content/bases/souris.fr.md",
        "---\ntitle: \"La souris\"\n---\n\nCliquez !\n",
    );
    git(
        root,
        &["commit", "-qam", "Typographie\n\n[i18n-ignore]"],
        "2026-02-01T10:00:00+00:00",
    );
    let (text, _) = check(root, false);
    assert!(!text.contains("outdated: nl"), "{text}");
    assert!(
        text.contains("1 translations up to date, 0 outdated"),
        "{text}"
    );
}

#[test]
fn without_git_the_check_says_it_needs_it() {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "site.yaml",
        "title: T\nlanguages:\n  fr: { name: Français }\n  nl: { name: Nederlands }\n",
    );
    write(
        dir.path(),
        "content/a.fr.md",
        "---\ntitle: \"A\"\n---\n\nTexte.\n",
    );
    let (text, err) = check(dir.path(), false);
    assert!(err.contains("needs the site's git history"), "{err}");
    assert!(text.contains("missing: nl"), "{text}");
    assert!(text.contains("not in a git repository"), "{text}");
}
