//! Tests of the site model on small sites written to a temporary folder.

use std::path::Path;

use super::*;
use crate::base::diagnostic::Checked;
use crate::model::load::{SiteOptions, load_site};

fn write(root: &Path, file: &str, text: &str) {
    let path = root.join(file);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn site_with(files: &[(&str, &str)]) -> (tempfile::TempDir, Checked<Site>) {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "site.yaml",
        "title: T\ndefault_language: fr\nlanguages:\n  fr: { name: Français }\n  nl: { name: Nederlands }\n",
    );
    for (file, text) in files {
        write(dir.path(), file, text);
    }
    let loaded = load_site(&SiteOptions {
        root: dir.path().into(),
        ..SiteOptions::default()
    });
    (dir, loaded.map(|site| site.expect("the site loads")))
}

fn page<'a>(site: &'a Site, key: &str, lang: &str) -> &'a Page {
    site.translation(key, lang)
        .unwrap_or_else(|| panic!("no page {key} in {lang}"))
}

#[test]
fn urls_follow_sections_and_slugs() {
    let (_dir, Checked { value: site, .. }) = site_with(&[
        ("content/_index.fr.md", "---\ntitle: Accueil\n---\n"),
        ("content/secu/_index.fr.md", "---\ntitle: Sécurité\n---\n"),
        ("content/secu/mots.fr.md", "---\ntitle: Mots\n---\n"),
        (
            "content/secu/mots.nl.md",
            "---\ntitle: Woorden\nslug: woorden\n---\n",
        ),
        ("content/secu/guide/index.fr.md", "---\ntitle: Guide\n---\n"),
    ]);
    assert_eq!(page(&site, "", "fr").path, "fr/");
    assert_eq!(page(&site, "secu/mots", "fr").path, "fr/secu/mots/");
    assert_eq!(page(&site, "secu/mots", "nl").path, "nl/secu/woorden/");
    assert_eq!(page(&site, "secu/guide", "fr").path, "fr/secu/guide/");
    let section = page(&site, "secu", "fr");
    assert_eq!(section.kind, PageKind::Section);
    assert_eq!(section.pages.len(), 2);
    assert_eq!(page(&site, "secu/guide", "fr").parent, Some(section.id));
}

#[test]
fn folders_without_index_get_a_section_and_every_language_a_home() {
    let (
        _dir,
        Checked {
            value: site,
            problems,
        },
    ) = site_with(&[(
        "content/premiers-pas/souris.fr.md",
        "---\ntitle: Souris\n---\n",
    )]);
    let section = page(&site, "premiers-pas", "fr");
    assert_eq!(section.front.title, "Premiers pas");
    assert!(section.source.is_none());
    assert_eq!(page(&site, "", "nl").front.title, "T");
    assert!(
        problems
            .sorted()
            .iter()
            .any(|d| d.message.contains("no Nederlands translation"))
    );
}

#[test]
fn children_are_ordered_by_weight_then_title() {
    let (_dir, Checked { value: site, .. }) = site_with(&[
        ("content/s/b.fr.md", "---\ntitle: Bravo\nweight: 1\n---\n"),
        ("content/s/a.fr.md", "---\ntitle: Alpha\nweight: 2\n---\n"),
        ("content/s/c.fr.md", "---\ntitle: Charlie\nweight: 1\n---\n"),
    ]);
    let titles: Vec<&str> = page(&site, "s", "fr")
        .pages
        .iter()
        .map(|&id| site.pages[id].front.title.as_str())
        .collect();
    assert_eq!(titles, ["Bravo", "Charlie", "Alpha"]);
}

#[test]
fn competences_and_levels_are_indexed_per_language() {
    let (_dir, Checked { value: site, .. }) = site_with(&[
        (
            "content/s/a.fr.md",
            "---\ntitle: A\ncompetences:\n  - { id: \"4.1\", level: 2 }\n  - \"1.1\"\n---\n",
        ),
        (
            "content/s/b.fr.md",
            "---\ntitle: B\ncompetences: [\"4.1\"]\n---\n",
        ),
        (
            "content/s/a.nl.md",
            "---\ntitle: A\ncompetences:\n  - { id: \"4.1\", level: 2 }\n---\n",
        ),
    ]);
    assert_eq!(site.courses_teaching("fr", "4.1").len(), 2);
    assert_eq!(site.courses_teaching("nl", "4.1").len(), 1);
    assert_eq!(site.courses_teaching("fr", "1.1").len(), 1);
    assert_eq!(site.courses_at_level("fr", 2).len(), 1);
    assert!(site.courses_at_level("fr", 3).is_empty());
}

#[test]
fn two_pages_with_one_url_are_an_error() {
    let (_dir, Checked { problems, .. }) = site_with(&[
        ("content/s/a.fr.md", "---\ntitle: A\nslug: same\n---\n"),
        ("content/s/b.fr.md", "---\ntitle: B\nslug: same\n---\n"),
    ]);
    assert!(
        problems
            .sorted()
            .iter()
            .any(|d| d.is_error() && d.message.contains("same URL /fr/s/same/"))
    );
}

#[test]
fn every_output_has_a_distinct_file() {
    let (_dir, Checked { value: site, .. }) =
        site_with(&[("content/s/a.fr.md", "---\ntitle: A\n---\n")]);
    let outputs = site.outputs();
    let files: std::collections::BTreeSet<String> = outputs.iter().map(|o| o.file(&site)).collect();
    assert_eq!(files.len(), outputs.len());
    assert!(files.contains("fr/digcomp/2.1/index.html"));
    assert!(files.contains("nl/digcomp/levels/8/index.html"));
    assert!(
        files.contains("index.html") && files.contains("404.html") && files.contains("sitemap.xml")
    );
}

#[test]
fn anchors_of_other_pages_are_checked_with_the_closest_ones_as_hint() {
    let (_dir, loaded) = site_with(&[
        (
            "content/s/a.fr.md",
            "---\ntitle: A\n---\n[un](b.md#îlots-de-client) [deux](b.md#ilots-de-clients)\n\n[trois](/fr/s/b/#étape-1--ouvrir) [quatre](../b/#nulle-part)\n",
        ),
        (
            "content/s/b.fr.md",
            "---\ntitle: B\n---\n## Îlots de client\n\n## Étape 1 : ouvrir\n",
        ),
    ]);
    let site = loaded.value;
    let page = page(&site, "s/a", "fr");
    let found = crate::model::links::PageLinks::new(&site, page)
        .check(&page.document())
        .problems;
    let messages: Vec<(Option<usize>, &str)> =
        found.iter().map(|d| (d.line, d.message.as_str())).collect();
    assert_eq!(found.len(), 2, "{messages:?}");
    assert!(found.iter().all(|d| d.is_error()));
    assert_eq!((found[0].line, found[1].line), (Some(4), Some(6)));
    assert!(
        messages[0].1.contains("`b.md#ilots-de-clients`"),
        "{messages:?}"
    );
    assert!(messages[0].1.contains("content/s/b.fr.md"), "{messages:?}");
    let hint = found[0].hint.as_deref().unwrap_or_default();
    assert!(
        hint.starts_with("did you mean `#îlots-de-client`?"),
        "{hint}"
    );
    assert!(messages[1].1.contains("#nulle-part"), "{messages:?}");
}

#[test]
fn addresses_written_for_other_generators_lead_to_their_pages() {
    let (_dir, loaded) = site_with(&[
        (
            "content/guide/a.fr.md",
            "---\ntitle: A\n---\n[un](/guide/b) [deux](/guide/b/#suite) [trois](../cli/index.html) [quatre](b.html)\n\n[cinq](../cli/README.md) [six](/cli/) [sept](/guide/nulle-part)\n",
        ),
        ("content/guide/b.fr.md", "---\ntitle: B\n---\n## Suite\n"),
        ("content/cli/_index.fr.md", "---\ntitle: CLI\n---\n"),
        ("content/notes/README.fr.md", "---\ntitle: Notes\n---\n"),
        (
            "content/notes/c.fr.md",
            "---\ntitle: C\n---\n[lisez-moi](README.md)\n",
        ),
    ]);
    let site = loaded.value;
    let a = page(&site, "guide/a", "fr");
    let href = |url: &str| {
        let links = crate::model::links::PageLinks::new(&site, a);
        crate::markdown::context::Links::href(&links, url)
    };
    let b = href("b.md").expect("b.md leads to B");
    let cli = href("../cli/_index.md").expect("the index leads to CLI");
    assert_eq!(href("/guide/b"), Some(b.clone()));
    assert_eq!(href("/guide/b/#suite"), Some(format!("{b}#suite")));
    assert_eq!(href("/guide/b.md#suite"), Some(format!("{b}#suite")));
    assert_eq!(href("../cli/index.html"), Some(cli.clone()));
    assert_eq!(href("b.html"), Some(b));
    assert_eq!(href("../cli/README.md"), Some(cli.clone()));
    assert_eq!(href("/cli/"), Some(cli));
    let found = crate::model::links::PageLinks::new(&site, a)
        .check(&a.document())
        .problems;
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].message.contains("`/guide/nulle-part`"),
        "{found:?}"
    );
    // A page that is a README stays one.
    let c = page(&site, "notes/c", "fr");
    let links = crate::model::links::PageLinks::new(&site, c);
    let readme = crate::markdown::context::Links::href(&links, "README.md").unwrap();
    assert!(readme.ends_with("notes/README/"), "{readme}");
}

#[test]
fn a_sitemap_is_cut_only_beyond_its_limit_and_into_full_files() {
    assert_eq!(sitemap_parts(0), 0);
    assert_eq!(sitemap_parts(SITEMAP_PART), 0);
    assert_eq!(sitemap_parts(SITEMAP_PART + 1), 2);
    assert_eq!(sitemap_parts(2 * SITEMAP_PART), 2);
    assert_eq!(sitemap_parts(2 * SITEMAP_PART + 1), 3);
}
