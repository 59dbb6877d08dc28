//! Worksheets at scale: booklets made from their worksheets' PDFs, and the cache in
//! `.parcours-cache/worksheets/` that copies a PDF whose inputs have not changed.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use common::{build, copy_dir, fixture, parcours, stderr};

const SHEET: &str = "fr/bases/souris/souris.pdf";
const OTHER_SHEET: &str = "fr/bases/clavier/clavier.pdf";
const BOOKLET: &str = "fr/bases/bases.pdf";

/// A copy of the fixture `minimal`, which the tests may change.
fn site() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture("minimal"), dir.path());
    // Other tests build the fixture where it is: its cache is not this site's.
    let _ = std::fs::remove_dir_all(dir.path().join(".parcours-cache"));
    dir
}

fn cache(site: &Path) -> PathBuf {
    site.join(".parcours-cache/worksheets")
}

/// The names of the cache's entries.
fn entries(site: &Path) -> BTreeSet<String> {
    std::fs::read_dir(cache(site))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".pdf"))
        .collect()
}

/// Builds `site` into a new folder, which is returned.
fn built(site: &Path, extra: &[&str]) -> tempfile::TempDir {
    let out = tempfile::tempdir().unwrap();
    let run = build(site, out.path(), extra);
    assert!(run.status.success(), "{}", stderr(&run));
    out
}

fn pdf(out: &Path, file: &str) -> Vec<u8> {
    std::fs::read(out.join(file)).unwrap()
}

/// Marks every entry of the cache, so that a PDF copied from it can be told from one made
/// again (a comment after the end of the file changes nothing a reader shows).
fn mark_entries(site: &Path) {
    for name in entries(site) {
        let path = cache(site).join(name);
        let mut bytes = std::fs::read(&path).unwrap();
        bytes.extend_from_slice(b"\n%marked\n");
        std::fs::write(&path, bytes).unwrap();
    }
}

fn marked(bytes: &[u8]) -> bool {
    bytes.ends_with(b"%marked\n")
}

fn count(haystack: &[u8], needle: &str) -> usize {
    haystack
        .windows(needle.len())
        .filter(|w| *w == needle.as_bytes())
        .count()
}

#[test]
fn an_unchanged_worksheet_is_copied_and_a_changed_one_made_again() {
    let site = site();
    let first = built(site.path(), &[]);
    assert_eq!(entries(site.path()).len(), 5, "3 worksheets and 2 booklets");
    mark_entries(site.path());
    let copied = built(site.path(), &[]);
    for file in [SHEET, OTHER_SHEET, BOOKLET] {
        assert!(marked(&pdf(copied.path(), file)), "{file} is copied");
    }

    let page = site.path().join("content/bases/souris.fr.md");
    let text = std::fs::read_to_string(&page).unwrap();
    std::fs::write(&page, format!("{text}\nUne phrase de plus.\n")).unwrap();
    let after_edit = built(site.path(), &[]);
    assert!(
        !marked(&pdf(after_edit.path(), SHEET)),
        "the edited page's worksheet"
    );
    assert!(
        !marked(&pdf(after_edit.path(), BOOKLET)),
        "and its section's booklet"
    );
    assert!(
        marked(&pdf(after_edit.path(), OTHER_SHEET)),
        "the others are copied"
    );
    assert!(marked(&pdf(
        after_edit.path(),
        "en/bases/using-the-mouse/using-the-mouse.pdf"
    )));
    assert_ne!(pdf(first.path(), SHEET), pdf(after_edit.path(), SHEET));
}

#[test]
fn a_changed_image_makes_the_worksheets_that_show_it_again() {
    let site = site();
    built(site.path(), &[]);
    mark_entries(site.path());
    let image = site.path().join("content/bases/souris.svg");
    let svg = std::fs::read_to_string(&image).unwrap();
    std::fs::write(&image, svg.replace("</svg>", "<circle r=\"1\"/></svg>")).unwrap();
    let out = built(site.path(), &[]);
    assert!(!marked(&pdf(out.path(), SHEET)), "the page showing it");
    assert!(marked(&pdf(out.path(), OTHER_SHEET)), "not the others");
}

#[test]
fn a_change_of_template_font_or_address_makes_every_worksheet_again() {
    let site = site();
    built(site.path(), &[]);
    mark_entries(site.path());
    let theme = common::sample_site().join("themes/default/templates/fiche.typ");
    let template = std::fs::read_to_string(theme).unwrap();
    std::fs::create_dir_all(site.path().join("templates")).unwrap();
    std::fs::write(
        site.path().join("templates/fiche.typ"),
        format!("{template}\n// A comment changes the template.\n"),
    )
    .unwrap();
    let after = built(site.path(), &[]);
    for file in [SHEET, OTHER_SHEET, BOOKLET] {
        assert!(
            !marked(&pdf(after.path(), file)),
            "{file} after a template change"
        );
    }

    mark_entries(site.path());
    copy_dir(
        &common::sample_site().join("themes/default"),
        &site.path().join("themes/default"),
    );
    let same = built(site.path(), &[]);
    assert!(
        marked(&pdf(same.path(), SHEET)),
        "the same theme files from a folder"
    );
    let font = site
        .path()
        .join("themes/default/fonts/AtkinsonHyperlegibleNext_400Regular.ttf");
    assert!(font.is_file(), "the theme has the font the test changes");
    std::fs::copy(&font, site.path().join("themes/default/fonts/Extra.ttf")).unwrap();
    let after = built(site.path(), &[]);
    assert!(
        !marked(&pdf(after.path(), SHEET)),
        "a font added makes them again"
    );

    mark_entries(site.path());
    let moved = built(site.path(), &["--base-url", "https://partner.example/"]);
    assert!(
        !marked(&pdf(moved.path(), SHEET)),
        "another address, another QR code"
    );
}

#[test]
fn no_cache_makes_every_pdf_and_gives_the_same_bytes() {
    let site = site();
    let cached = built(site.path(), &[]);
    let from_cache = built(site.path(), &[]);
    mark_entries(site.path());
    let bypassed = built(site.path(), &["--no-cache"]);
    for file in [SHEET, OTHER_SHEET, BOOKLET] {
        let made = pdf(bypassed.path(), file);
        assert!(!marked(&made), "--no-cache makes {file} again");
        assert_eq!(made, pdf(cached.path(), file), "{file}: same bytes");
        assert_eq!(made, pdf(from_cache.path(), file), "{file}: same bytes");
    }
    assert_eq!(
        entries(site.path()).len(),
        5,
        "--no-cache leaves the cache as it was"
    );
    let run = parcours(&[
        "fiche",
        site.path()
            .join("content/bases/souris.fr.md")
            .to_str()
            .unwrap(),
        "--root",
        site.path().to_str().unwrap(),
        "--output",
        site.path().join("souris.pdf").to_str().unwrap(),
    ]);
    assert!(run.status.success(), "{}", stderr(&run));
    let fiche = std::fs::read(site.path().join("souris.pdf")).unwrap();
    assert!(
        marked(&fiche),
        "`parcours fiche` takes the worksheet from the cache"
    );
}

#[test]
fn entries_no_longer_used_are_removed_until_they_weigh_no_more_than_the_used_ones() {
    let site = site();
    built(site.path(), &[]);
    let before = entries(site.path());
    // Entries used in the last hour are kept, for a build running beside this one.
    let hour = Duration::from_secs(3600);
    let long_ago = SystemTime::now() - 3 * hour;
    for name in &before {
        let file = std::fs::File::options()
            .write(true)
            .open(cache(site.path()).join(name));
        file.unwrap().set_modified(long_ago).unwrap();
    }
    for page in ["clavier.fr.md", "souris.en.md"] {
        std::fs::remove_file(site.path().join("content/bases").join(page)).unwrap();
    }
    let souris = site.path().join("content/bases/souris.fr.md");
    let text = std::fs::read_to_string(&souris).unwrap();
    let text = text.replace(
        "[la fiche sur le clavier](clavier.md#debut)",
        "la fiche du clavier",
    );
    std::fs::write(&souris, text).unwrap();
    built(site.path(), &[]);
    let (mut used, mut unused) = (0, 0);
    let mut old_left = 0;
    for name in entries(site.path()) {
        let meta = std::fs::metadata(cache(site.path()).join(&name)).unwrap();
        let recent = meta.modified().unwrap() > SystemTime::now() - hour;
        if recent {
            used += meta.len();
        } else {
            unused += meta.len();
            old_left += 1;
        }
    }
    assert!(used > 0, "the French souris worksheet and the new booklet");
    assert!(unused <= used, "{unused} bytes unused for {used} used");
    assert!(
        old_left < 4,
        "the two souris worksheets and the two old booklets are not all kept"
    );
}

#[test]
fn a_booklet_holds_the_pages_of_its_worksheets_with_their_tags() {
    let site = site();
    let out = built(site.path(), &[]);
    let booklet = pdf(out.path(), BOOKLET);
    let sheets = [pdf(out.path(), SHEET), pdf(out.path(), OTHER_SHEET)];
    let pages = |pdf: &[u8]| count(pdf, "/Type /Page/") + count(pdf, "/Type/Page/");
    let sheet_pages: usize = sheets.iter().map(|s| pages(s)).sum();
    assert_eq!(
        pages(&booklet),
        sheet_pages + 2,
        "a cover, the contents, the worksheets"
    );
    assert_eq!(
        count(&booklet, "/S /Art"),
        2,
        "each worksheet is an article"
    );
    assert_eq!(count(&booklet, "/Type /StructTreeRoot"), 1);
    assert!(
        count(&booklet, "pdfuaid:part") > 0,
        "PDF/UA, as its worksheets"
    );
    assert!(count(&booklet, "/Lang (fr)") >= 1);
    assert!(
        count(&booklet, "/PcLabel") > sheet_pages,
        "every page but the cover is numbered"
    );
    assert!(
        count(&booklet, "/Subtype /Link") >= 2,
        "the contents link the worksheets"
    );
}
