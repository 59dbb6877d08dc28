//! Worksheets: every Markdown construct gives a PDF that Typst accepts, content cannot run
//! Typst code, and the build and `parcours fiche` write worksheets.

mod common;

use std::path::Path;

use parcours::model::Site;
use parcours::model::load::{SiteOptions, load_site};
use parcours::render::pdf::{Worksheets, markup};
use proptest::prelude::*;

use common::{build, fixture, parcours, stderr};

/// A site of one course whose body the tests replace.
fn one_page_site() -> (tempfile::TempDir, Site) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("content/s")).unwrap();
    std::fs::write(
        dir.path().join("site.yaml"),
        "title: T\nlanguages:\n  fr: { name: Français }\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("content/s/page.fr.md"),
        "---\ntitle: \"Page\"\ncompetences: [\"1.1\"]\n---\nx\n",
    )
    .unwrap();
    std::fs::copy(
        fixture("minimal").join("content/bases/souris.svg"),
        dir.path().join("content/s/image.svg"),
    )
    .unwrap();
    let site = load(dir.path());
    (dir, site)
}

/// The site at `root`, which must load without errors.
fn load(root: &Path) -> Site {
    let loaded = load_site(&SiteOptions {
        root: root.into(),
        ..SiteOptions::default()
    });
    assert!(!loaded.has_errors());
    loaded.value.unwrap()
}

/// Compiles `markdown` as the body of the page; a failure must be one of ours (a missing image
/// or alt text, named with its line), never a Typst error.
fn compiles(site: &mut Site, worksheets: &Worksheets, markdown: &str) -> Result<(), String> {
    let id = site.pages.iter().position(|p| p.key == "s/page").unwrap();
    site.pages[id].body = markdown.to_string();
    let made = worksheets.render(site, &site.pages[id]);
    match made.value {
        Some(pdf) if pdf.starts_with(b"%PDF-") => Ok(()),
        Some(_) => Err("not a PDF".into()),
        None => {
            for problem in &made.problems {
                let ours = problem.message.contains("image") && problem.line.is_some();
                if !ours {
                    return Err(format!("{problem}\n--- markdown ---\n{markdown}"));
                }
            }
            Ok(())
        }
    }
}

#[test]
fn every_commonmark_and_gfm_example_compiles() {
    let (_dir, mut site) = one_page_site();
    let worksheets = Worksheets::new(&site).value.unwrap();
    let examples: Vec<String> = ["examples.json", "more-examples.json"]
        .into_iter()
        .flat_map(|file| {
            let path = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/commonmark")
                .join(file);
            serde_json::from_str::<Vec<String>>(&std::fs::read_to_string(path).unwrap()).unwrap()
        })
        .collect();
    assert!(examples.len() > 800);
    let failures: Vec<String> = examples
        .iter()
        .filter_map(|example| compiles(&mut site, &worksheets, example).err())
        .collect();
    // Their pages too, raw HTML sanitised, never panic.
    let id = site.pages.iter().position(|p| p.key == "s/page").unwrap();
    for example in &examples {
        site.pages[id].body = example.clone();
        let body = parcours::render::html::body(&site, &site.pages[id]);
        assert!(!body.html.html.contains("<script"), "{example}");
    }
    assert!(
        failures.is_empty(),
        "{} examples failed:\n{}",
        failures.len(),
        failures.join("\n=====\n")
    );
}

#[test]
fn images_alone_are_figures_and_the_others_stay_in_their_line() {
    let (_dir, mut site) = one_page_site();
    let id = site.pages.iter().position(|p| p.key == "s/page").unwrap();
    let markup = |site: &mut Site, markdown: &str| {
        site.pages[id].body = markdown.to_string();
        markup(site, &site.pages[id]).text
    };
    let figure = "#figure(image(\"/content/s/image.svg\"";
    let inline = "#box(image(\"/content/s/image.svg\"";
    for alone in ["![Souris](image.svg)\n", "- ![Souris](image.svg)\n- b\n"] {
        let text = markup(&mut site, alone);
        assert!(text.contains(figure) && !text.contains("#par["), "{text}");
    }
    for inline_image in [
        "Cliquez sur ![la souris](image.svg) ici.\n",
        "# ![Souris](image.svg) Titre\n",
        "**![Souris](image.svg)**\n",
        "[![Souris](image.svg)](https://example.org)\n",
    ] {
        let text = markup(&mut site, inline_image);
        assert!(text.contains(inline) && !text.contains(figure), "{text}");
    }
}

#[test]
fn a_heading_of_images_with_a_footnote_in_a_list_compiles() {
    let (_dir, mut site) = one_page_site();
    let worksheets = Worksheets::new(&site).value.unwrap();
    let markdown =
        "- # ![Une image](image.svg)**![Une image](image.svg)# [^1]\n\n[^1]: Une note.\n";
    compiles(&mut site, &worksheets, markdown).unwrap();
}

#[test]
fn a_footnote_starts_on_the_line_of_its_number() {
    let (_dir, mut site) = one_page_site();
    let id = site.pages.iter().position(|p| p.key == "s/page").unwrap();
    site.pages[id].body =
        "Un mot[^1] et un autre[^2].\n\n[^1]: Une note.\n\n[^2]: Un.\n\n    Deux.\n".into();
    let text = markup(&site, &site.pages[id]).text;
    assert!(!text.contains("#footnote[\n#par["), "{text}");
    let second = text.split("#footnote[").nth(2).unwrap();
    assert!(
        !second.starts_with('\n') && second.contains("#par["),
        "{text}"
    );
}

#[test]
fn typst_syntax_in_content_stays_text() {
    let (_dir, mut site) = one_page_site();
    let worksheets = Worksheets::new(&site).value.unwrap();
    let attacks = [
        "#read(\"/etc/passwd\")",
        "#import \"/etc/passwd\"",
        "]) #panic(\"x\") #([",
        "\\\"#panic()",
        "$ x^2 $ and `#panic()` and ```typ\n#panic()\n```",
        "<label> @ref = Heading - list + enum / // comment /* block",
        "#image(\"/etc/passwd\")",
    ];
    for attack in attacks {
        compiles(&mut site, &worksheets, attack).unwrap();
    }
}

#[test]
fn images_outside_the_page_folder_are_refused() {
    let (dir, mut site) = one_page_site();
    std::fs::write(
        dir.path().join("secret.svg"),
        std::fs::read(dir.path().join("content/s/image.svg")).unwrap(),
    )
    .unwrap();
    let worksheets = Worksheets::new(&site).value.unwrap();
    let id = site.pages.iter().position(|p| p.key == "s/page").unwrap();
    site.pages[id].body = "![A picture](image.svg)\n\n![Secret](../../secret.svg)\n".into();
    let made = worksheets.render(&site, &site.pages[id]);
    assert!(made.value.is_none());
    let problems = made.problems;
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].message.contains("../../secret.svg") && problems[0].line == Some(7),
        "{problems:?}"
    );
    site.pages[id].body = "![](image.svg)\n".into();
    let pdf = worksheets.render(&site, &site.pages[id]).value.unwrap();
    assert!(
        pdf.starts_with(b"%PDF-"),
        "without alt text: a tagged PDF without the PDF/UA claim"
    );
}

#[test]
fn images_below_the_page_elsewhere_in_content_or_misnamed_are_printed() {
    let (dir, _) = one_page_site();
    let svg = std::fs::read(dir.path().join("content/s/image.svg")).unwrap();
    for folder in ["content/s/images", "content/shared"] {
        std::fs::create_dir_all(dir.path().join(folder)).unwrap();
        std::fs::write(dir.path().join(folder).join("souris.svg"), &svg).unwrap();
    }
    // A PNG saved under a JPEG name, as browsers forgive.
    let png = dir.path().join("content/shared/photo.png");
    image::RgbImage::new(8, 8).save(&png).unwrap();
    std::fs::rename(&png, dir.path().join("content/shared/photo.jpg")).unwrap();
    let mut site = load(dir.path());
    let worksheets = Worksheets::new(&site).value.unwrap();
    let id = site.pages.iter().position(|p| p.key == "s/page").unwrap();
    site.pages[id].body = "![Une souris](./images/souris.svg)\n\n![La même](../shared/souris.svg)\n\n![Une photo](../shared/photo.jpg)\n".into();
    let made = worksheets.render(&site, &site.pages[id]);
    assert!(made.problems.is_empty(), "{:?}", made.problems);
    assert!(made.value.unwrap().starts_with(b"%PDF-"));
}

/// The number of pages of a PDF.
fn page_count(pdf: &[u8]) -> usize {
    let count = |needle: &[u8]| pdf.windows(needle.len()).filter(|w| *w == needle).count();
    count(b"/Type /Page/") + count(b"/Type/Page/")
}

#[test]
fn boxes_taller_than_a_page_break_and_tall_images_fit_on_one() {
    let (dir, mut site) = one_page_site();
    let worksheets = Worksheets::new(&site).value.unwrap();
    let id = site.pages.iter().position(|p| p.key == "s/page").unwrap();
    // A box of 200 lines (about six pages): kept whole, it would stand on one page and run
    // over its footer, lost; breaking, it fills the pages in turn.
    let lines: Vec<String> = (1..=200)
        .map(|n| format!("> Ligne {n} de la longue remarque, avec assez de mots pour la remplir."))
        .collect();
    site.pages[id].body = format!(
        "Ouverture.\n\n## Remarque\n\n> [!NOTE]\n{}\n\n## Suite\n\nFin.\n",
        lines.join("\n")
    );
    let pdf = worksheets.render(&site, &site.pages[id]).value.unwrap();
    assert!(page_count(&pdf) >= 6, "{} pages", page_count(&pdf));
    // A phone's screenshot, four times as high as wide, fits under its heading.
    image::RgbImage::new(100, 400)
        .save(dir.path().join("content/s/haute.png"))
        .unwrap();
    let mut site = load(dir.path());
    let id = site.pages.iter().position(|p| p.key == "s/page").unwrap();
    site.pages[id].body = "## Écran\n\n![Un écran de téléphone](haute.png)\n".into();
    let pdf = worksheets.render(&site, &site.pages[id]).value.unwrap();
    assert_eq!(page_count(&pdf), 1);
}

/// Pieces of Markdown, joined at random by the property test.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Zéèàç0-9 #$*_`\\[\\]<>@=/\\\\\"'~+.:-]{0,40}",
        Just("\n\n".to_string()),
        Just("# ".to_string()),
        Just("## Titre\n".to_string()),
        Just("- ".to_string()),
        Just("  - ".to_string()),
        Just("1. ".to_string()),
        Just("3) ".to_string()),
        Just("> ".to_string()),
        Just("> [!IMPORTANT]\n> ".to_string()),
        Just("> [!WARNING]\n".to_string()),
        Just("- [ ] ".to_string()),
        Just("- [x] ".to_string()),
        Just("| a | b |\n| --- | :-: |\n| c | d |\n".to_string()),
        Just("```\ncode #x\n```\n".to_string()),
        Just("    indented\n".to_string()),
        Just("**".to_string()),
        Just("*".to_string()),
        Just("~~".to_string()),
        Just("`".to_string()),
        Just("[lien](https://example.org/a?b=c#d)".to_string()),
        Just("[page](page.md)".to_string()),
        Just("![Une image](image.svg)".to_string()),
        Just("<b>html</b>".to_string()),
        Just("<sub>".to_string()),
        Just("</sub>".to_string()),
        Just("<kbd>Ctrl</kbd>".to_string()),
        Just("<details>\n<summary>Pourquoi ?</summary>\n".to_string()),
        Just("</details>\n".to_string()),
        Just("<script>x</script>".to_string()),
        Just(":::tip[Astuce]\n".to_string()),
        Just(":::\n".to_string()),
        Just("![Du web](https://example.org/i.png)".to_string()),
        Just("[^1]\n\n[^1]: Une note.\n".to_string()),
        Just("---\n".to_string()),
        Just("\\".to_string()),
        Just("&amp; &#35; &copy;".to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_markdown_compiles(pieces in prop::collection::vec(piece(), 0..40)) {
        thread_local! {
            static SITE: std::cell::RefCell<(tempfile::TempDir, Site)> = std::cell::RefCell::new(one_page_site());
        }
        SITE.with(|cell| {
            let mut guard = cell.borrow_mut();
            let site = &mut guard.1;
            let worksheets = Worksheets::new(site).value.unwrap();
            let markdown = pieces.concat();
            prop_assert!(compiles(site, &worksheets, &markdown).is_ok(), "{}", compiles(site, &worksheets, &markdown).unwrap_err());
            Ok(())
        })?;
    }
}

#[test]
fn the_build_writes_worksheets_and_links_them_with_their_size() {
    let out = tempfile::tempdir().unwrap();
    let run = build(&fixture("minimal"), out.path(), &[]);
    assert!(run.status.success(), "{}", stderr(&run));
    let pdf = std::fs::read(out.path().join("fr/bases/souris/souris.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(
        out.path()
            .join("en/bases/using-the-mouse/using-the-mouse.pdf")
            .is_file()
    );
    let page = std::fs::read_to_string(out.path().join("fr/bases/souris/index.html")).unwrap();
    let size = format!("{} Ko", pdf.len().div_ceil(1024));
    assert!(
        page.contains("href=\"../../../fr/bases/souris/souris.pdf\""),
        "button links the worksheet"
    );
    assert!(page.contains(&size), "the button shows the size {size}");
    let booklet = std::fs::read(out.path().join("fr/bases/bases.pdf")).unwrap();
    assert!(
        booklet.starts_with(b"%PDF-"),
        "a booklet per section and language"
    );
    assert!(booklet.len() > pdf.len());
    let section = std::fs::read_to_string(out.path().join("fr/bases/index.html")).unwrap();
    assert!(
        section.contains("href=\"../../fr/bases/bases.pdf\""),
        "the section links its booklet"
    );
}

#[test]
fn the_fiche_command_writes_one_worksheet() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("souris.pdf");
    let page = fixture("minimal").join("content/bases/souris.fr.md");
    let run = parcours(&[
        "fiche",
        page.to_str().unwrap(),
        "--root",
        fixture("minimal").to_str().unwrap(),
        "-o",
        target.to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(std::fs::read(&target).unwrap().starts_with(b"%PDF-"));
    let missing = parcours(&[
        "fiche",
        "nowhere.md",
        "--root",
        fixture("minimal").to_str().unwrap(),
    ]);
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn an_error_in_the_worksheet_template_names_its_file_and_line() {
    let site = tempfile::tempdir().unwrap();
    common::copy_dir(&fixture("minimal"), site.path());
    std::fs::create_dir_all(site.path().join("templates")).unwrap();
    std::fs::write(
        site.path().join("templates/fiche.typ"),
        "#let task(done) = []\n#let callout(kind, title, body) = body\n#let fiche(data, qr, body) = {\n  set text(size: 14pt)\n  undefined-thing\n  body\n}\n",
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let run = build(site.path(), out.path(), &[]);
    assert_eq!(run.status.code(), Some(1));
    let err = stderr(&run);
    assert!(err.contains("templates/fiche.typ:5"), "{err}");
    assert!(err.contains("undefined-thing"), "{err}");
}

#[test]
fn two_builds_give_the_same_worksheets() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    assert!(build(&fixture("minimal"), a.path(), &[]).status.success());
    assert!(build(&fixture("minimal"), b.path(), &[]).status.success());
    let file = "fr/bases/souris/souris.pdf";
    assert_eq!(
        std::fs::read(a.path().join(file)).unwrap(),
        std::fs::read(b.path().join(file)).unwrap()
    );
}

#[test]
fn quizzes_print_with_boxes_and_their_answers_on_the_helper_sheet() {
    let (_dir, mut site) = one_page_site();
    let id = site.pages.iter().position(|p| p.key == "s/page").unwrap();
    site.pages[id].body = "Texte.\n\n```quiz\n- question: \"Le plus \\\"solide\\\" #strong[x] ?\"\n  choices:\n    - \"123456\"\n    - text: \"girafe-tulipe\"\n      correct: true\n  explanation: \"Quatre mots.\"\n- question: \"Signes ?\"\n  choices:\n    - { text: \"Urgence\", correct: true }\n    - { text: \"Faute\", correct: true }\n    - \"Logo\"\n```\n".into();
    let markup = parcours::render::pdf::markup(&site, &site.pages[id]);
    assert!(
        markup
            .text
            .contains("#quiz(1, ((text: \"Le plus \\\"solide\\\" #strong[x] ?\""),
        "{}",
        markup.text
    );
    assert!(
        markup
            .text
            .contains("several: \"Plusieurs réponses possibles\"")
    );
    assert!(!markup.text.contains("#answers("), "{}", markup.text);
    let helper = parcours::render::pdf::helper::helper_markup(&site, &site.pages[id]);
    assert!(
        helper
            .answers
            .contains("#answers(\"Réponses des quiz (pour l'aidant)\""),
        "{}",
        helper.answers
    );
    assert!(
        helper
            .answers
            .contains("correct: (\"Urgence\", \"Faute\",)")
    );
    let worksheets = Worksheets::new(&site).value.unwrap();
    let body = site.pages[id].body.clone();
    compiles(&mut site, &worksheets, &body).unwrap();
}

#[test]
fn a_self_diagnostic_prints_as_a_questionnaire_with_boxes_and_no_yaml() {
    let (dir, mut site) = one_page_site();
    let id = site.pages.iter().position(|p| p.key == "s/page").unwrap();
    let body = "Pour chaque phrase, cochez une case.\n\n```autodiagnostic\n- statement: \"Je trouve les horaires de ma mairie.\"\n  competence: \"1.1\"\n  level: 2\n- statement: \"J'envoie un e-mail #strong[x].\"\n  competence: \"2.1\"\n  level: 1\n```\n";
    site.pages[id].body = body.into();
    let markup = markup(&site, &site.pages[id]).text;
    assert!(
        markup.contains("#selftest((answers: (\"Seul\", \"Avec de l'aide\", \"Pas encore\")"),
        "{markup}"
    );
    assert!(
        markup.contains("(text: \"Je trouve les horaires de ma mairie.\", level: 2)"),
        "{markup}"
    );
    assert!(
        markup.contains("(text: \"J'envoie un e-mail #strong[x].\", level: 1)"),
        "{markup}"
    );
    assert!(
        markup.contains("(id: \"1\", title: \"Informations et données\", statements: ((1, 2),))"),
        "{markup}"
    );
    assert!(
        !markup.contains("competence:") && !markup.contains("statement:"),
        "{markup}"
    );
    // The command line makes the worksheet.
    std::fs::write(
        dir.path().join("content/s/page.fr.md"),
        format!("---\ntitle: \"Page\"\n---\n{body}"),
    )
    .unwrap();
    let out = dir.path().join("questionnaire.pdf");
    let page = dir.path().join("content/s/page.fr.md");
    let run = parcours(&[
        "fiche",
        page.to_str().unwrap(),
        "--root",
        dir.path().to_str().unwrap(),
        "--output",
        out.to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(std::fs::read(&out).unwrap().starts_with(b"%PDF-"));
}
