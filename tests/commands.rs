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
    let ignored = std::fs::read_to_string(site.join(".gitignore")).unwrap();
    assert!(
        ignored.lines().any(|l| l == ".parcours-cache/") && ignored.lines().any(|l| l == "public/"),
        "git ignores the output and the worksheet cache: {ignored}"
    );
    assert!(
        site.join(".parcours-cache/worksheets").is_dir(),
        "the build kept its worksheets"
    );
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

/// A web server on the loopback address for link checks: `/ok` answers 200, `/no-head` 405 to
/// HEAD and 200 to GET, anything else 404. Returns its address and the paths asked, in order.
fn link_server() -> (String, std::sync::Arc<std::sync::Mutex<Vec<String>>>) {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = format!("http://{}", listener.local_addr().unwrap());
    let asked = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let log = asked.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(&stream);
            let mut request = String::new();
            if reader.read_line(&mut request).is_err() {
                continue;
            }
            let mut header = String::new();
            while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
                header.clear();
            }
            let mut parts = request.split_whitespace();
            let (method, path) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
            log.lock().unwrap().push(format!("{method} {path}"));
            let status = match (method, path) {
                (_, "/ok") | ("GET", "/no-head") => "200 OK",
                (_, "/no-head") => "405 Method Not Allowed",
                _ => "404 Not Found",
            };
            let _ = write!(
                &stream,
                "HTTP/1.1 {status}\r\ncontent-length: 0\r\nconnection: close\r\n\r\n"
            );
        }
    });
    (address, asked)
}

#[test]
fn check_external_reports_dead_links_with_their_line_and_remembers_live_ones() {
    let (server, asked) = link_server();
    let site = tempfile::tempdir().unwrap();
    common::copy_dir(&fixture("minimal"), site.path());
    let page = site.path().join("content/bases/clavier.fr.md");
    let text = std::fs::read_to_string(&page).unwrap();
    std::fs::write(
        &page,
        format!("{text}\n[Un site]({server}/ok) et [un autre]({server}/no-head).\n\nUn [lien mort]({server}/gone).\n"),
    )
    .unwrap();
    let lines = std::fs::read_to_string(&page).unwrap().lines().count();
    let root = site.path().to_str().unwrap();
    let run = parcours(&["check", "--external", "--root", root]);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    let errors = stderr(&run);
    assert!(
        errors.contains(&format!("content/bases/clavier.fr.md:{lines}"))
            && errors.contains(&format!("the link {server}/gone answers 404")),
        "{errors}"
    );
    assert!(
        !errors.contains("/ok ") && !errors.contains("/no-head "),
        "{errors}"
    );
    let first: Vec<String> = asked.lock().unwrap().drain(..).collect();
    assert!(first.contains(&"GET /no-head".to_string()), "{first:?}");

    // The second time, only the dead link is asked again.
    let again = parcours(&["check", "--external", "--root", root]);
    assert_eq!(again.status.code(), Some(1));
    let second: Vec<String> = asked.lock().unwrap().clone();
    assert_eq!(second, ["HEAD /gone"]);
    assert!(
        site.path()
            .join(".parcours-cache/external-links.json")
            .is_file()
    );
}

#[test]
fn coverage_counts_courses_by_competence_language_and_level() {
    let site = fixture("minimal");
    let run = parcours(&["check", "--coverage", "--root", site.to_str().unwrap()]);
    assert!(run.status.success(), "{}", stderr(&run));
    let table = String::from_utf8_lossy(&run.stdout);
    let row = |id: &str| {
        table
            .lines()
            .find(|l| l.starts_with(&format!("{id} ")))
            .unwrap_or_else(|| panic!("no row {id} in\n{table}"))
            .split_whitespace()
            .rev()
            .take(5)
            .collect::<Vec<_>>()
    };
    // 5.1: two French courses (levels 1 and 2), none in Dutch, one in English.
    assert_eq!(row("5.1"), ["2×1", "1×1", "1", "-", "2"]);
    assert!(table.contains("competences have no course in at least one language"));

    let out = tempfile::tempdir().unwrap();
    let built = build(&site, out.path(), &[]);
    assert!(built.status.success(), "{}", stderr(&built));
    let page = common::read(out.path(), "fr/digcomp/coverage/index.html");
    assert!(page.contains(r#"<svg class="coverage-chart""#));
    assert!(
        page.contains(r#"<td class="gap">0</td>"#),
        "gaps are marked"
    );
    assert!(
        common::read(out.path(), "fr/digcomp/index.html")
            .contains(r#"href="../../fr/digcomp/coverage/""#)
    );
}
