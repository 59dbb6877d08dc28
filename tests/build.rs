//! `parcours build` on fixture sites: what it writes, and how it fails.

mod common;

use std::collections::BTreeMap;

use common::{
    build, copy_dir, fixture, gunzip, parcours, read, search_vocabulary, snapshot, stderr,
};

#[test]
fn builds_every_language_with_pretty_relative_urls() {
    let out = tempfile::tempdir().unwrap();
    let run = build(&fixture("minimal"), out.path(), &[]);
    assert!(run.status.success(), "{}", stderr(&run));
    for file in [
        "index.html",
        "404.html",
        "robots.txt",
        "sitemap.xml",
        "fr/index.html",
        "fr/atom.xml",
        "fr/bases/souris/index.html",
        "en/bases/using-the-mouse/index.html",
        "fr/digcomp/index.html",
        "fr/digcomp/5/index.html",
        "fr/digcomp/5.1/index.html",
        "fr/digcomp/levels/1/index.html",
        "fr/bases/souris.svg",
        "parcours.css",
        "highlight.css",
    ] {
        assert!(out.path().join(file).is_file(), "missing {file}");
    }
    let page = read(out.path(), "fr/bases/souris/index.html");
    assert!(
        page.contains(r#"href="../../../fr/bases/clavier/#debut""#),
        "link to a page file rewritten"
    );
    assert!(
        page.contains(r#"src="../../../fr/bases/souris.svg""#),
        "image resolved beside the page"
    );
    assert!(
        page.contains(r#"href="../../../fr/digcomp/5.1/""#),
        "root link made relative"
    );
    assert!(page.contains(r#"href="../../../parcours.css""#));
    assert!(
        page.contains("class=\"callout callout-important\""),
        "GFM alert"
    );
    assert!(
        page.contains("«\u{202F}doucement\u{202F}»"),
        "French spacing"
    );
    assert!(
        page.contains("<table>") && page.contains("type=\"checkbox\""),
        "table and task list"
    );
    assert!(page.contains("footnote-definition"), "footnote");
    assert!(page.contains("hl-"), "highlighted code");
    assert!(
        page.contains("&lt;b&gt;brut&lt;/b&gt;"),
        "raw HTML shown as text"
    );
    assert!(page.contains("1 h 30"), "duration in words");
    assert!(page.contains("Fondamental 1"), "level in words");
    assert!(page.contains(r#"hreflang="en" href="https://example.org/en/bases/using-the-mouse/""#));
    assert!(
        page.contains("Maison"),
        "site i18n overrides the built-in strings"
    );
    let clavier = read(out.path(), "fr/bases/clavier/index.html");
    assert!(
        clavier.contains("Taper des lettres &amp; des chiffres &lt;vite&gt;."),
        "front matter escaped"
    );
    assert!(clavier.contains("id=\"debut\""), "custom heading id");
}

#[test]
fn a_missing_translation_leads_to_that_languages_home_with_a_notice() {
    let out = tempfile::tempdir().unwrap();
    assert!(build(&fixture("minimal"), out.path(), &[]).status.success());
    let page = read(out.path(), "fr/bases/clavier/index.html");
    assert!(
        page.contains(r#"href="../../../nl/" hreflang="nl""#),
        "{page}"
    );
    assert!(
        page.contains("nog niet vertaald"),
        "the notice in the language the reader chooses"
    );
}

#[test]
fn competence_pages_list_their_courses_by_level() {
    let out = tempfile::tempdir().unwrap();
    assert!(build(&fixture("minimal"), out.path(), &[]).status.success());
    let page = read(out.path(), "fr/digcomp/5.1/index.html");
    let first = page.find("Fondamental 1").unwrap();
    let second = page.find("Fondamental 2").unwrap();
    assert!(first < page.find("Utiliser la souris").unwrap());
    assert!(second < page.find("Utiliser le clavier").unwrap());
    assert!(read(out.path(), "fr/digcomp/levels/2/index.html").contains("Utiliser le clavier"));
    assert!(read(out.path(), "fr/digcomp/5/index.html").contains("5.1"));
}

#[test]
fn sitemap_feed_and_robots_use_the_base_url() {
    let out = tempfile::tempdir().unwrap();
    let run = build(
        &fixture("minimal"),
        out.path(),
        &["--base-url", "https://example.org/partner"],
    );
    assert!(run.status.success(), "{}", stderr(&run));
    let sitemap = read(out.path(), "sitemap.xml");
    assert!(sitemap.contains("<loc>https://example.org/partner/fr/bases/souris/</loc>"));
    assert!(
        sitemap.contains(
            r#"hreflang="en" href="https://example.org/partner/en/bases/using-the-mouse/""#
        )
    );
    let feed = read(out.path(), "fr/atom.xml");
    assert!(feed.contains("<id>https://example.org/partner/fr/bases/souris/</id>"));
    assert!(feed.contains("2026-10-01T00:00:00Z"));
    assert!(
        read(out.path(), "robots.txt").contains("Sitemap: https://example.org/partner/sitemap.xml")
    );
    let not_found = read(out.path(), "404.html");
    assert!(
        not_found.contains(r#"href="/partner/fr/""#),
        "the 404 page links from any address"
    );
    let chooser = read(out.path(), "index.html");
    assert!(chooser.contains(r#"href="fr/""#) && chooser.contains(r#"href="en/""#));
    assert!(
        !chooser.contains("<script"),
        "the language chooser works without JavaScript"
    );
}

#[test]
fn two_builds_are_byte_identical() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    assert!(build(&fixture("minimal"), a.path(), &[]).status.success());
    assert!(build(&fixture("minimal"), b.path(), &[]).status.success());
    let (a, b) = (snapshot(a.path()), snapshot(b.path()));
    assert!(a.len() > 50);
    assert!(a == b, "the two builds differ");
}

#[test]
fn every_error_is_reported_with_file_and_line_and_the_old_output_stays() {
    let out = tempfile::tempdir().unwrap();
    std::fs::write(out.path().join("index.html"), "previous").unwrap();
    let run = build(&fixture("broken"), out.path(), &[]);
    assert_eq!(run.status.code(), Some(1));
    let err = stderr(&run);
    for expected in [
        "content/a/yaml.fr.md:2:8",
        "invalid YAML",
        "content/a/sans-titre.fr.md:2",
        "the page has no title",
        "content/a/competence.fr.md:4",
        "did you mean 4.1?",
        "content/a/niveau.fr.md:4",
        "level 9",
        "same URL /fr/a/pareil/",
        "content/a/lien.fr.md:7",
        "broken link `nulle-part.md`",
        "content/a/latin1.fr.md:5:4",
        "not valid UTF-8",
        "content/a/date.fr.md:3",
        "templates/page.html:3",
        "syntax error",
        "content/a/accessible.fr.md:5",
        "no text alternative",
        "content/a/accessible.fr.md:7",
        "the link has no text",
        "content/a/accessible.fr.md:9",
        "finds no heading",
    ] {
        assert!(err.contains(expected), "missing `{expected}` in:\n{err}");
    }
    assert!(!err.contains("panicked"));
    assert_eq!(
        std::fs::read_to_string(out.path().join("index.html")).unwrap(),
        "previous"
    );
    let staging = format!(
        ".{}.building-",
        out.path().file_name().unwrap().to_string_lossy()
    );
    let left = std::fs::read_dir(out.path().parent().unwrap())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with(&staging))
        .count();
    assert_eq!(left, 0, "no staging folder left");
}

#[test]
fn an_unreadable_file_is_an_error_not_a_panic() {
    let site = tempfile::tempdir().unwrap();
    copy_dir(&fixture("minimal"), site.path());
    let file = site.path().join("content/bases/clavier.fr.md");
    std::fs::remove_file(&file).unwrap();
    std::os::unix::fs::symlink(site.path().join("nowhere.md"), &file).unwrap();
    let out = tempfile::tempdir().unwrap();
    let run = build(site.path(), out.path(), &[]);
    assert_eq!(run.status.code(), Some(1));
    assert!(stderr(&run).contains("clavier.fr.md"), "{}", stderr(&run));
}

#[test]
fn the_site_folder_itself_is_refused_as_output() {
    let site = fixture("minimal");
    let run = build(&site, &site, &[]);
    assert_eq!(run.status.code(), Some(2));
    assert!(stderr(&run).contains("cannot be the output folder"));
}

#[test]
fn usage_errors_exit_with_2_and_help_exits_with_0() {
    assert_eq!(
        parcours(&["build", "--no-such-flag"]).status.code(),
        Some(2)
    );
    assert_eq!(parcours(&["frobnicate"]).status.code(), Some(2));
    for command in [
        &["--help"][..],
        &["build", "--help"],
        &["check", "--help"],
        &["new", "site", "--help"],
    ] {
        let run = parcours(command);
        assert!(run.status.success(), "{command:?}");
        assert!(String::from_utf8_lossy(&run.stdout).contains("Usage"));
    }
    let bad_url = build(
        &fixture("minimal"),
        tempfile::tempdir().unwrap().path(),
        &["--base-url", "nope"],
    );
    assert_eq!(bad_url.status.code(), Some(1));
    assert!(stderr(&bad_url).contains("not an absolute URL"));
}

/// Reads a JSON file of the output.
fn json(out: &std::path::Path, file: &str) -> serde_json::Value {
    serde_json::from_str(&read(out, file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

/// The shard of `starts` that holds `key`: the last one starting at or before it.
fn shard_of(starts: &serde_json::Value, key: &str) -> usize {
    let starts: Vec<&str> = starts
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    starts.iter().rposition(|s| *s <= key).unwrap_or(0)
}

/// A variable-length integer of the search index at `at`, which moves past it.
fn varint(bytes: &[u8], at: &mut usize) -> u32 {
    let (mut n, mut shift) = (0u32, 0);
    loop {
        let byte = bytes[*at];
        *at += 1;
        n |= u32::from(byte & 0x7f) << shift;
        if byte < 0x80 {
            return n;
        }
        shift += 7;
    }
}

/// A postings shard of the search index, opened: each stem with its (page, score, flags).
fn search_postings(bytes: &[u8]) -> BTreeMap<String, Vec<(usize, u32, u32)>> {
    let mut at = 0;
    let mut stems = BTreeMap::new();
    while at < bytes.len() {
        let length = varint(bytes, &mut at) as usize;
        let stem = String::from_utf8(bytes[at..at + length].to_vec()).unwrap();
        at += length;
        let count = varint(bytes, &mut at);
        let mut page = 0;
        let mut postings = Vec::new();
        for _ in 0..count {
            page += varint(bytes, &mut at) as usize;
            let score = varint(bytes, &mut at);
            postings.push((page, score, varint(bytes, &mut at)));
        }
        stems.insert(stem, postings);
    }
    stems
}

#[test]
fn writes_a_search_index_per_language_with_stems_scores_and_filters() {
    let site = tempfile::tempdir().unwrap();
    copy_dir(&fixture("minimal"), site.path());
    std::fs::write(
        site.path().join("i18n/fr.yaml"),
        "nav:\n  home: \"Maison\"\nsearch:\n  synonyms:\n    - [souris, mulot]\n",
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let run = build(site.path(), out.path(), &[]);
    assert!(run.status.success(), "{}", stderr(&run));
    let meta = json(out.path(), "search/fr/meta.json");
    // Sections and courses are indexed, not the home page.
    assert_eq!(meta["pages"], 3);
    assert_eq!(meta["strings"]["label"], "Rechercher");
    assert_eq!(
        meta["synonyms"],
        serde_json::json!([[[["souris", "sour"]], [["mulot", "mulot"]]]])
    );
    // The vocabulary maps what readers type, accents folded, to the stem.
    let file = |name: &str| std::fs::read(out.path().join("search/fr").join(name)).unwrap();
    let vocabulary = |form: &str| {
        let n = shard_of(&meta["vocabulary"], form);
        search_vocabulary(&file(&format!("v/{n}.gz")))
            .get(form)
            .cloned()
    };
    assert_eq!(vocabulary("etape"), Some(Some("etap".into())));
    assert_eq!(vocabulary("souris"), Some(Some("sour".into())));
    assert_eq!(
        vocabulary("la"),
        Some(None),
        "stop words are known, and mean nothing"
    );
    assert_eq!(vocabulary("pomme"), None);
    // Postings: the page that has the word in its title scores highest.
    let n = shard_of(&meta["postings"], "sour");
    let postings = search_postings(&gunzip(&file(&format!("p/{n}.gz"))));
    let best = postings["sour"]
        .iter()
        .max_by_key(|(_, score, _)| *score)
        .unwrap();
    assert_ne!(best.2 & 0x1000, 0, "its title has the word");
    assert_ne!(best.2 & 0xfff, 0, "a kept chunk of its text has it");
    let per = meta["documents"].as_u64().unwrap() as usize;
    let shard: serde_json::Value =
        serde_json::from_slice(&gunzip(&file(&format!("d/{}.gz", best.0 / per)))).unwrap();
    let document = &shard[best.0 % per];
    assert_eq!(document["t"], "Utiliser la souris");
    assert_eq!(document["u"], "fr/bases/souris/");
    let chunks: Vec<&str> = document["c"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert!(chunks.concat().contains("Posez la main sur la souris."));
    // Filters list the pages of each competence, level, audience and format.
    let filters: serde_json::Value = serde_json::from_slice(&gunzip(&file("filters.gz"))).unwrap();
    let pages_of = |filter: &str, value: &str| -> Vec<u64> {
        let gaps = filters[filter][value].as_array().unwrap();
        gaps.iter()
            .scan(0, |page, gap| {
                *page += gap.as_u64().unwrap();
                Some(*page)
            })
            .collect()
    };
    let best = best.0 as u64;
    assert!(pages_of("competence", "5.1").contains(&best));
    assert!(pages_of("level", "1").contains(&best));
    assert_eq!(pages_of("audience", "apprenant").len(), 2);
    assert!(pages_of("format", "atelier").contains(&best));
    // The search page offers the filters, and every page has the search box.
    let search = read(out.path(), "fr/search/index.html");
    assert!(search.contains(r#"<option value="5.1">"#));
    assert!(search.contains(r#"data-search="../../search/fr/""#));
    let course = read(out.path(), "fr/bases/souris/index.html");
    assert!(course.contains(r#"action="../../../fr/search/""#));
    assert!(out.path().join("search.js").is_file());
}

#[test]
fn raster_images_get_their_size_smaller_copies_and_lazy_loading() {
    let site = tempfile::tempdir().unwrap();
    copy_dir(&fixture("minimal"), site.path());
    let bases = site.path().join("content/bases");
    image::RgbImage::new(1200, 600)
        .save(bases.join("photo.png"))
        .unwrap();
    image::RgbImage::from_fn(3000, 100, |x, y| {
        image::Rgb([(x % 251) as u8, (y * 7 % 256) as u8, (x * y % 256) as u8])
    })
    .save(bases.join("grande.png"))
    .unwrap();
    let page = bases.join("souris.fr.md");
    let text = std::fs::read_to_string(&page).unwrap();
    std::fs::write(
        &page,
        text.replace(
            "## Étape par étape",
            "![Un écran](photo.png)\n\n![Un grand écran](grande.png)\n\n## Étape par étape",
        ),
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let run = build(site.path(), out.path(), &[]);
    assert!(run.status.success(), "{}", stderr(&run));
    let html = read(out.path(), "fr/bases/souris/index.html");
    assert!(
        html.contains(r#"<img src="../../../fr/bases/photo.png" alt="Un écran" width="1200" height="600" srcset="../../../fr/bases/photo-480w.png 480w, ../../../fr/bases/photo-960w.png 960w, ../../../fr/bases/photo.png 1200w" sizes="(min-width: 48rem) 44rem, 100vw" loading="lazy" decoding="async">"#),
        "{html}"
    );
    let first = html.find("<img").unwrap();
    assert!(
        !html[first..].split('>').next().unwrap().contains("lazy"),
        "the first image loads at once"
    );
    for (file, width) in [
        ("fr/bases/photo-480w.png", 480),
        ("en/bases/photo-960w.png", 960),
    ] {
        let copy = image::open(out.path().join(file)).unwrap();
        assert_eq!((copy.width(), copy.height()), (width, width / 2), "{file}");
    }
    let warnings = stderr(&run);
    assert!(
        warnings.contains("content/bases/souris.fr.md:20")
            && warnings.contains("`bases/grande.png` is 3000 × 100 px"),
        "{warnings}"
    );
}

#[test]
fn courses_describe_themselves_in_schema_org_json_ld() {
    let out = tempfile::tempdir().unwrap();
    let run = build(&fixture("minimal"), out.path(), &[]);
    assert!(run.status.success(), "{}", stderr(&run));
    let html = read(out.path(), "fr/bases/souris/index.html");
    let start = html
        .find(r#"<script type="application/ld+json">"#)
        .expect("JSON-LD")
        + 35;
    let end = start + html[start..].find("</script>").unwrap();
    let ld: serde_json::Value = serde_json::from_str(&html[start..end]).unwrap();
    assert_eq!(ld["@type"], "LearningResource");
    assert_eq!(ld["name"], "Utiliser la souris");
    assert_eq!(ld["inLanguage"], "fr");
    assert_eq!(ld["timeRequired"], "PT90M");
    assert_eq!(
        ld["license"],
        "https://creativecommons.org/licenses/by-sa/4.0/"
    );
    assert_eq!(ld["audience"][0]["educationalRole"], "learner");
    let alignment = &ld["educationalAlignment"][0];
    assert_eq!(alignment["educationalFramework"], "DigComp 2.2");
    assert_eq!(alignment["alignmentType"], "teaches");
    assert!(
        alignment["targetName"]
            .as_str()
            .unwrap()
            .starts_with("5.1 ")
    );
    assert!(
        alignment["targetUrl"]
            .as_str()
            .unwrap()
            .ends_with("/fr/digcomp/5.1/")
    );
    assert_eq!(
        ld["educationalAlignment"][1]["alignmentType"],
        "educationalLevel"
    );
    assert!(!read(out.path(), "fr/bases/index.html").contains("application/ld+json"));
}

#[test]
fn quizzes_become_questions_that_work_without_javascript_and_bad_ones_are_errors() {
    let site = tempfile::tempdir().unwrap();
    copy_dir(&fixture("minimal"), site.path());
    let page = site.path().join("content/bases/souris.fr.md");
    let text = std::fs::read_to_string(&page).unwrap();
    let quiz = "```quiz\n- question: \"Quel bouton pour choisir ?\"\n  choices:\n    - text: \"Le gauche\"\n      correct: true\n    - \"Le droit\"\n  explanation: \"Le bouton gauche choisit.\"\n```\n";
    std::fs::write(&page, format!("{text}\n{quiz}")).unwrap();
    let out = tempfile::tempdir().unwrap();
    let run = build(site.path(), out.path(), &[]);
    assert!(run.status.success(), "{}", stderr(&run));
    let html = read(out.path(), "fr/bases/souris/index.html");
    assert!(html.contains(r#"<script src="../../../quiz.js" defer></script>"#));
    assert!(html.contains("<legend>Quel bouton pour choisir ?</legend>"));
    assert!(html.contains(
        r#"<input type="radio" id="quiz-1-1-0" name="quiz-1-1" value="0" data-correct>"#
    ));
    assert!(html.contains("<summary>Voir la réponse</summary>"));
    assert!(!read(out.path(), "fr/bases/clavier/index.html").contains("quiz.js"));

    let fence = text.lines().count() + 2;
    std::fs::write(
        &page,
        format!("{text}\n{}", quiz.replace("      correct: true\n", "")),
    )
    .unwrap();
    let broken = build(site.path(), out.path(), &[]);
    assert_eq!(broken.status.code(), Some(1));
    let errors = stderr(&broken);
    assert!(
        errors.contains(&format!("content/bases/souris.fr.md:{}", fence + 1))
            && errors.contains("has no right answer"),
        "{errors}"
    );
}

#[test]
fn glossary_words_link_to_their_definition_once_per_page() {
    let site = tempfile::tempdir().unwrap();
    copy_dir(&fixture("minimal"), site.path());
    std::fs::create_dir_all(site.path().join("glossary")).unwrap();
    std::fs::write(
        site.path().join("glossary/fr.yaml"),
        "- term: \"souris\"\n  definition: \"L'objet <qui> déplace la flèche.\"\n- term: \"bouton gauche\"\n  also: [\"boutons gauches\"]\n  definition: \"Celui qui choisit.\"\n",
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let run = build(site.path(), out.path(), &[]);
    assert!(run.status.success(), "{}", stderr(&run));
    let html = read(out.path(), "fr/bases/souris/index.html");
    assert_eq!(
        html.matches(r##"href="../../../fr/glossary/#souris""##)
            .count(),
        1,
        "{html}"
    );
    assert!(
        html.contains(r#"aria-describedby="term-souris">souris</a><span class="term-tip" role="tooltip" id="term-souris">L&#39;objet &lt;qui&gt; déplace la flèche.</span>"#),
        "{html}"
    );
    assert!(
        !html.contains("<h1>Utiliser la <span"),
        "titles are left alone"
    );
    let glossary = read(out.path(), "fr/glossary/index.html");
    assert!(glossary.contains(r#"<dt id="bouton-gauche">bouton gauche</dt>"#));
    assert!(glossary.find("bouton-gauche").unwrap() < glossary.find(r#"id="souris""#).unwrap());
    assert!(
        !out.path().join("en/glossary").exists(),
        "no glossary, no page"
    );

    std::fs::write(
        site.path().join("glossary/fr.yaml"),
        "- term: \"souris\"\n  definition: \"Un objet.\"\n- term: \"Souris\"\n  definition: \"Encore.\"\n",
    )
    .unwrap();
    let broken = build(site.path(), out.path(), &[]);
    assert_eq!(broken.status.code(), Some(1));
    assert!(
        stderr(&broken).contains("glossary/fr.yaml:3"),
        "{}",
        stderr(&broken)
    );
}

#[test]
fn learning_paths_list_their_courses_in_order_and_courses_lead_along_them() {
    let site = tempfile::tempdir().unwrap();
    copy_dir(&fixture("minimal"), site.path());
    let path = site.path().join("content/bases/debuter.fr.md");
    std::fs::write(
        &path,
        "---\ntitle: \"Débuter\"\nkind: parcours\nsteps:\n  - clavier.md\n  - souris.md\n---\n\nDeux cours.\n",
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let run = build(site.path(), out.path(), &[]);
    assert!(run.status.success(), "{}", stderr(&run));
    let page = read(out.path(), "fr/bases/debuter/index.html");
    let (clavier, souris) = (
        page.find("../../../fr/bases/clavier/").unwrap(),
        page.find("../../../fr/bases/souris/").unwrap(),
    );
    assert!(clavier < souris, "steps keep their order");
    assert!(page.contains("<dd>2</dd>"), "two courses");
    assert!(page.contains(r#"<p class="path-progress" role="status" hidden"#));
    assert!(page.contains(r#""@type": "Course""#));
    let booklet = std::fs::read(out.path().join("fr/bases/debuter/debuter.pdf")).unwrap();
    assert!(
        booklet.starts_with(b"%PDF-"),
        "a path gets a booklet of its worksheets"
    );
    assert!(page.contains(r#"href="../../../fr/bases/debuter/debuter.pdf""#));
    let course = read(out.path(), "fr/bases/souris/index.html");
    assert!(course.contains("étape 2 sur 2"), "{course}");
    assert!(course.contains(r#"<a rel="prev" href="../../../fr/bases/clavier/">"#));
    assert!(!course.contains(r#"rel="next""#));

    std::fs::write(
        &path,
        "---\ntitle: \"Débuter\"\nkind: parcours\nsteps:\n  - clavier.md\n  - ecran.md\n---\n",
    )
    .unwrap();
    let broken = build(site.path(), out.path(), &[]);
    assert_eq!(broken.status.code(), Some(1));
    assert!(
        stderr(&broken).contains("content/bases/debuter.fr.md:6")
            && stderr(&broken).contains("`ecran.md` is not a course"),
        "{}",
        stderr(&broken)
    );
}

#[test]
fn a_self_diagnostic_is_a_questionnaire_with_its_recommendations_and_bad_ones_are_errors() {
    let site = tempfile::tempdir().unwrap();
    copy_dir(&fixture("minimal"), site.path());
    let page = site.path().join("content/bases/test.fr.md");
    let statements = "- statement: \"Je clique avec la souris.\"\n  competence: \"5.1\"\n  level: 1\n- statement: \"Je cherche sur internet.\"\n  competence: \"1.1\"\n  level: 2\n";
    std::fs::write(
        &page,
        format!("---\ntitle: \"Test\"\nfiche: false\n---\n\n```autodiagnostic\n{statements}```\n"),
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let run = build(site.path(), out.path(), &[]);
    assert!(run.status.success(), "{}", stderr(&run));
    let html = read(out.path(), "fr/bases/test/index.html");
    assert!(html.contains(r#"<script src="../../../selftest.js" defer></script>"#));
    assert!(html.contains("<legend>Je clique avec la souris.</legend>"));
    assert_eq!(html.matches(r#"type="radio" name="s1""#).count(), 3);
    // The courses of 5.1 are recommended, with addresses relative to the page.
    assert!(
        html.contains("&quot;u&quot;:&quot;../../../fr/bases/souris/&quot;"),
        "{html}"
    );

    std::fs::write(
        &page,
        format!(
            "---\ntitle: \"Test\"\n---\n\n```autodiagnostic\n{}```\n",
            statements.replace("\"1.1\"", "\"6.1\"")
        ),
    )
    .unwrap();
    let broken = build(site.path(), out.path(), &[]);
    assert_eq!(broken.status.code(), Some(1));
    assert!(
        stderr(&broken).contains("content/bases/test.fr.md:9")
            && stderr(&broken).contains("unknown DigComp competence `6.1`"),
        "{}",
        stderr(&broken)
    );
}
