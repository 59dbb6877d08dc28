//! Helper notes: a `:::helper` box shows on the web page in a box of its own, stays off the
//! learner's worksheet, and prints on the helper sheet beside it, with the materials, the
//! goals and the quiz answers.

mod common;

use common::{build, parcours, read, stderr};

const COURSE: &str = "---\ntitle: \"Allumer une tablette\"\ndescription: \"Allumer et éteindre une tablette.\"\naudience: [apprenant, aidant]\nduration: 20\nlicense: \"CC-BY-SA-4.0\"\n---\n\n## Ce dont vous avez besoin\n\n- Une tablette chargée.\n\n## Étape par étape\n\n1. Appuyez longtemps sur le bouton du côté.\n\n:::helper\nPrévoyez une tablette de démonstration ZORGLUB.\n:::\n\n```quiz\n- question: \"Quel bouton ?\"\n  choices:\n    - \"Le volume\"\n    - text: \"Le bouton du côté\"\n      correct: true\n  explanation: \"Un appui long allume.\"\n```\n";

/// A site of one course with helper notes and a quiz, and another without either.
fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("content/bases")).unwrap();
    std::fs::write(
        dir.path().join("site.yaml"),
        "title: T\nlanguages:\n  fr: { name: Français }\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("content/bases/tablette.fr.md"), COURSE).unwrap();
    std::fs::write(
        dir.path().join("content/bases/sans.fr.md"),
        "---\ntitle: \"Sans notes\"\n---\n\nRien pour l'aidant.\n",
    )
    .unwrap();
    dir
}

/// The text of a PDF, as pdftotext gives it, or `None` without pdftotext.
fn pdf_text(file: &std::path::Path) -> Option<String> {
    let output = std::process::Command::new("pdftotext")
        .arg(file)
        .arg("-")
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

#[test]
fn the_helper_sheet_holds_the_note_and_the_learner_sheet_does_not() {
    let site = site();
    let out = tempfile::tempdir().unwrap();
    let run = build(site.path(), out.path(), &[]);
    assert!(run.status.success(), "{}", stderr(&run));
    let folder = out.path().join("fr/bases/tablette");
    let learner = folder.join("tablette.pdf");
    let helper = folder.join("tablette-helper.pdf");
    assert!(std::fs::read(&helper).unwrap().starts_with(b"%PDF-"));
    assert!(
        !out.path().join("fr/bases/sans/sans-helper.pdf").exists(),
        "a course with nothing for the helper has no helper sheet"
    );
    // The markup of each sheet, which the PDFs are compiled from.
    let loaded = parcours::model::load::load_site(&parcours::model::load::SiteOptions {
        root: site.path().into(),
        ..Default::default()
    });
    let loaded = loaded.value.unwrap();
    let page = loaded
        .pages
        .iter()
        .find(|p| p.key == "bases/tablette")
        .unwrap();
    let learner_markup = parcours::render::pdf::markup(&loaded, page).text;
    assert!(!learner_markup.contains("ZORGLUB"), "{learner_markup}");
    assert!(!learner_markup.contains("#answers("), "{learner_markup}");
    assert!(learner_markup.contains("Appuyez longtemps"));
    let helper_markup = parcours::render::pdf::helper::helper_markup(&loaded, page);
    assert!(helper_markup.notes.contains("ZORGLUB"));
    assert!(helper_markup.materials.contains("Une tablette chargée."));
    assert!(helper_markup.answers.contains("Le bouton du côté"));
    // And the PDFs themselves, when pdftotext is there to read them.
    if let (Some(learner), Some(helper)) = (pdf_text(&learner), pdf_text(&helper)) {
        assert!(!learner.contains("ZORGLUB"), "{learner}");
        assert!(!learner.contains("Un appui long allume"), "{learner}");
        for text in [
            "ZORGLUB",
            "Fiche animateur",
            "Allumer et éteindre une tablette.",
            "Matériel",
            "Une tablette chargée.",
            "Un appui long allume.",
        ] {
            assert!(helper.contains(text), "{text} missing from {helper}");
        }
    }
}

#[test]
fn the_page_shows_the_note_in_its_own_box_and_links_the_helper_sheet() {
    let site = site();
    let out = tempfile::tempdir().unwrap();
    assert!(build(site.path(), out.path(), &[]).status.success());
    let page = read(out.path(), "fr/bases/tablette/index.html");
    assert!(
        page.contains("<aside class=\"callout callout-helper\" aria-label=\"Pour l&#39;aidant\">"),
        "{page}"
    );
    assert!(page.contains("ZORGLUB"));
    assert!(
        page.contains("href=\"../../../fr/bases/tablette/tablette-helper.pdf\""),
        "{page}"
    );
    let other = read(out.path(), "fr/bases/sans/index.html");
    assert!(!other.contains("-helper.pdf"));
}

#[test]
fn a_new_course_has_a_helper_block() {
    let site = site();
    let run = parcours(&[
        "new",
        "course",
        "bases/nouvelle",
        "--root",
        site.path().to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", stderr(&run));
    let text = std::fs::read_to_string(site.path().join("content/bases/nouvelle.fr.md")).unwrap();
    assert!(text.contains("\n:::helper\n- \n:::\n"), "{text}");
}
