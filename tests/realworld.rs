//! Content written the way partners already write it, on GitHub or with Hugo, Docusaurus
//! or Starlight (tests/fixtures/realworld, in French and English), builds unchanged: GitHub
//! heading anchors resolved on the page and across pages, raw HTML sanitised, `:::`
//! directives as boxes, images of the web on worksheets, reference links, nested lists with
//! code, tables with inline HTML, comments and footnotes.

mod common;

use common::{build, fixture, read, stderr};

#[test]
fn real_world_markdown_builds_with_every_link_and_anchor_resolved() {
    let out = tempfile::tempdir().unwrap();
    let run = build(&fixture("realworld"), out.path(), &[]);
    let errors = stderr(&run);
    assert!(run.status.success(), "{errors}");
    assert!(!errors.contains("error:"), "{errors}");
    for lang in ["fr", "en"] {
        let warnings = errors
            .lines()
            .filter(|l| l.contains(&format!("demarrer.{lang}.md:")))
            .count();
        assert_eq!(
            warnings, 3,
            "script, onclick and javascript:, web image\n{errors}"
        );
    }
    assert!(!errors.contains("plus-loin"), "{errors}");

    let page = read(out.path(), "fr/guide/demarrer/index.html");
    // GitHub's anchors, and the links to them.
    for id in [
        "îlots-de-client",
        "markdownmdx-pages",
        "routedataroute",
        "étape-1--ouvrir",
        "exemple",
        "exemple-1",
    ] {
        assert!(page.contains(&format!("id=\"{id}\"")), "anchor {id}");
    }
    assert!(page.contains("href=\"#exemple-1\""));
    assert!(
        page.contains("href=\"../../../fr/guide/plus-loin/#raccourcis-du-clavier\""),
        "reference link to another page's anchor"
    );
    // Raw HTML: prose kept, what could run code removed.
    assert!(page.contains("<details>\n<summary>Pourquoi ce titre est-il en anglais ?</summary>"));
    assert!(page.contains("<kbd>Ctrl</kbd>"));
    assert!(page.contains("<aside class=\"encart\">"));
    assert!(page.contains("H<sub>2</sub>O") && page.contains("x<sup>2</sup>"));
    assert!(page.contains("<abbr title=\"courrier électronique\">"));
    assert!(page.contains("<div class=\"note-maison\"><span class=\"rappel\">"));
    assert!(
        !page.contains("<script>alert")
            && !page.contains("onclick")
            && !page.contains("javascript:")
    );
    assert!(
        !page.contains("À relire avant la formation"),
        "HTML comments are left out"
    );
    // Directives are the same boxes as GitHub's alerts.
    assert!(page.contains("<aside class=\"callout callout-note\" aria-label=\"Bon à savoir\">"));
    assert!(page.contains("<aside class=\"callout callout-tip\" aria-label=\"Astuce\">"));
    assert!(page.contains("<aside class=\"callout callout-caution\" aria-label=\"Arnaque\">"));
    assert!(page.contains("<aside class=\"callout callout-important\""));
    assert!(!page.contains(":::"));
    // Images of the web are shown as written; tables keep their inline HTML; footnotes.
    assert!(page.contains("src=\"https://example.org/images/logo-messagerie.png\""));
    assert!(page.contains("<td><kbd>Entrée</kbd></td>"));
    assert!(page.contains("footnote-definition"));
    // Nested lists keep their code.
    assert!(page.contains("identifiant : prenom.nom"));

    // The worksheets and the booklets are made.
    for pdf in [
        "fr/guide/demarrer/demarrer.pdf",
        "en/guide/demarrer/demarrer.pdf",
        "fr/guide/guide.pdf",
    ] {
        let path = out.path().join(pdf);
        let bytes = std::fs::read(&path).unwrap_or_else(|_| panic!("missing {pdf}"));
        assert!(bytes.starts_with(b"%PDF-"), "{pdf}");
    }
    let home = read(out.path(), "en/index.html");
    assert!(
        home.contains("href=\"../en/guide/plus-loin/#client-islands\""),
        "{home}"
    );
}
