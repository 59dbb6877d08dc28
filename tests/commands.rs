//! `parcours check` and `parcours new`, and the sample site of the repository.

mod common;

use common::{build, fixture, parcours, sample_site, stderr};

#[test]
fn check_writes_nothing_and_reports_like_build() {
    let site = fixture("minimal");
    let run = parcours(&["check", "--root", site.to_str().unwrap()]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(!site.join("public").exists(), "check wrote an output");
    assert!(String::from_utf8_lossy(&run.stdout).contains("0 error(s)"));
    let broken = parcours(&["check", "--root", fixture("broken").to_str().unwrap()]);
    assert_eq!(broken.status.code(), Some(1));
    assert!(stderr(&broken).contains("content/a/competence.fr.md:4"));
}

#[test]
fn new_site_builds_in_three_languages() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    let run = parcours(&["new", "site", site.to_str().unwrap()]);
    assert!(run.status.success(), "{}", stderr(&run));
    let out = dir.path().join("out");
    let built = build(&site, &out, &[]);
    assert!(built.status.success(), "{}", stderr(&built));
    assert!(
        stderr(&built).is_empty(),
        "a new site has no warning: {}",
        stderr(&built)
    );
    for file in [
        "fr/premiers-pas/allumer-une-tablette/index.html",
        "nl/premiers-pas/een-tablet-aanzetten/index.html",
        "en/premiers-pas/turning-on-a-tablet/index.html",
    ] {
        assert!(out.join(file).is_file(), "{file}");
    }
    let again = parcours(&["new", "site", site.to_str().unwrap()]);
    assert_eq!(
        again.status.code(),
        Some(2),
        "an existing folder is refused"
    );
}

#[test]
fn new_course_creates_a_draft_in_every_language() {
    let dir = tempfile::tempdir().unwrap();
    let site = dir.path().join("site");
    assert!(
        parcours(&["new", "site", site.to_str().unwrap()])
            .status
            .success()
    );
    let run = parcours(&[
        "new",
        "course",
        "premiers-pas/ma-fiche",
        "--root",
        site.to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", stderr(&run));
    for lang in ["fr", "nl", "en"] {
        let file = site.join(format!("content/premiers-pas/ma-fiche.{lang}.md"));
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(text.contains("draft: true"), "{text}");
    }
    let fr = std::fs::read_to_string(site.join("content/premiers-pas/ma-fiche.fr.md")).unwrap();
    assert!(fr.contains("## Étape par étape") && fr.contains("title: \"Ma fiche\""));
    let check = parcours(&["check", "--root", site.to_str().unwrap(), "--drafts"]);
    assert!(
        check.status.success(),
        "a new course checks: {}",
        stderr(&check)
    );
    let twice = parcours(&[
        "new",
        "course",
        "premiers-pas/ma-fiche",
        "--root",
        site.to_str().unwrap(),
    ]);
    assert_eq!(
        twice.status.code(),
        Some(1),
        "an existing course is not overwritten"
    );
}

#[test]
fn the_sample_site_checks_without_error_or_warning() {
    let run = parcours(&["check", "--root", sample_site().to_str().unwrap()]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(
        stderr(&run).is_empty(),
        "the sample site has warnings:\n{}",
        stderr(&run)
    );
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(stdout.contains("0 error(s), 0 warning(s)"), "{stdout}");
}

#[test]
fn search_finds_pages_despite_typos_and_accents() {
    let root = sample_site();
    let search = |query: &str, lang: &str| {
        let run = parcours(&[
            "search",
            query,
            "--lang",
            lang,
            "--limit",
            "3",
            "--root",
            root.to_str().unwrap(),
        ]);
        assert!(run.status.success(), "{}", stderr(&run));
        String::from_utf8_lossy(&run.stdout).into_owned()
    };
    let first_line = |text: String| text.lines().next().unwrap_or_default().to_string();
    assert!(first_line(search("mot de pase", "fr")).contains("mots-de-passe-solides.fr.md"));
    assert!(first_line(search("wachtwoord", "nl")).contains("mots-de-passe-solides.nl.md"));
    assert!(
        first_line(search("demarches administratives", "fr"))
            .contains("demarches-administratives-en-ligne.fr.md")
    );
    assert!(search("zzzqqq", "en").contains("No page"));
    let bad = parcours(&[
        "search",
        "x",
        "--lang",
        "de",
        "--root",
        root.to_str().unwrap(),
    ]);
    assert_eq!(bad.status.code(), Some(2));
}
