//! The directory of help places, built by the real binary: a small directory on one page,
//! a file of the national standard of digital-mediation places read as it is, a directory
//! large enough to be split into listing pages that plain links lead through (and its index
//! in a portable site), and the printed town lists in the worksheet cache.

mod common;

use std::collections::{BTreeSet, VecDeque};
use std::path::Path;

use common::{build, copy_dir, fixture, read, stderr};

#[test]
fn the_directory_of_help_places_has_its_pages_its_printed_lists_and_its_checks() {
    let site = tempfile::tempdir().unwrap();
    copy_dir(&fixture("minimal"), site.path());
    let places = site.path().join("places");
    std::fs::create_dir_all(&places).unwrap();
    std::fs::write(
        places.join("directory.yaml"),
        "notice: { fr: \"Lieux d'exemple\", en: \"Example places\", nl: \"Voorbeelden\" }\nservices:\n  ateliers: { fr: \"Ateliers\", en: \"Workshops\", nl: \"Workshops\" }\n  demarches: { fr: \"Démarches\", en: \"Procedures\", nl: \"Procedures\" }\n",
    )
    .unwrap();
    let lyon_places = "- name: \"Médiathèque <b>(exemple)</b>\"\n  address: \"12 rue des Tilleuls\"\n  postcode: \"69003\"\n  city: Lyon\n  country: FR\n  coordinates: [45.76, 4.84]\n  services: [ateliers]\n  languages: [fr, ar]\n  hours:\n    mo-fr: \"09:00-12:00, 14:00-17:30\"\n  phone: \"+33 1 99 00 12 34\"\n";
    std::fs::write(places.join("lyon.yaml"), lyon_places).unwrap();
    std::fs::write(
        places.join("gent.csv"),
        "name;address;postcode;city;country;services;hours\nDigipunt;Kerkstraat 5;9000;Gent;BE;demarches;\"sa 10:00-12:00\"\n",
    )
    .unwrap();
    let course = site.path().join("content/bases/souris.fr.md");
    let text = std::fs::read_to_string(&course).unwrap();
    std::fs::write(
        &course,
        text.replacen("weight: 20", "weight: 20\ncontinue_at: ateliers", 1),
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let run = build(site.path(), out.path(), &[]);
    assert!(run.status.success(), "{}", stderr(&run));

    let directory = read(out.path(), "fr/places/index.html");
    let (gent, lyon) = (
        directory.find("city-gent").unwrap(),
        directory.find("city-lyon").unwrap(),
    );
    assert!(gent < lyon, "cities in alphabetical order");
    assert!(directory.contains(r#"data-services="ateliers""#));
    assert!(
        directory.contains(r#"data-hours="[[0, 540, 720], [0, 840, 1050], "#),
        "{directory}"
    );
    assert!(directory.contains(r#"data-tz="Europe/Brussels""#));
    assert!(
        directory.contains("Médiathèque &lt;b&gt;(exemple)&lt;/b&gt;"),
        "names are escaped"
    );
    assert!(directory.contains(r#"<option value="ar" lang="ar">العربية</option>"#));
    assert!(directory.contains(r#"href="../../fr/places/fr/69-rhone/lyon/lyon.pdf""#));
    assert!(directory.contains("Lieux d&#39;exemple"));
    let pdf = std::fs::read(out.path().join("fr/places/fr/69-rhone/lyon/lyon.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF-"));
    assert!(
        directory.contains(&format!("{} Ko", pdf.len().div_ceil(1024))),
        "the list shows its size"
    );

    let page = read(
        out.path(),
        "fr/places/mediatheque-b-exemple-b-lyon/index.html",
    );
    let start = page.find("application/ld+json\">").unwrap() + 21;
    let end = start + page[start..].find("</script>").unwrap();
    let jsonld: serde_json::Value = serde_json::from_str(&page[start..end]).unwrap();
    assert_eq!(jsonld["@type"], "LocalBusiness");
    assert_eq!(jsonld["address"]["postalCode"], "69003");
    assert_eq!(jsonld["geo"]["latitude"], 45.76);
    let hours = &jsonld["openingHoursSpecification"];
    assert_eq!(hours.as_array().unwrap().len(), 10);
    assert_eq!(hours[0]["dayOfWeek"], "https://schema.org/Monday");
    assert_eq!(
        (hours[1]["opens"].as_str(), hours[1]["closes"].as_str()),
        (Some("14:00"), Some("17:30"))
    );
    assert!(
        page.contains("https://www.openstreetmap.org/?mlat=45.76&amp;mlon=4.84#map=18/45.76/4.84"),
        "{page}"
    );
    assert!(page.contains(r#"href="tel:+33199001234""#));
    assert!(read(out.path(), "en/places/index.html").contains("Workshops"));

    let course_page = read(out.path(), "fr/bases/souris/index.html");
    assert!(
        course_page.contains(r#"href="../../../fr/places/?service=ateliers""#),
        "{course_page}"
    );

    std::fs::write(
        &course,
        text.replacen("weight: 20", "weight: 20\ncontinue_at: atelier", 1),
    )
    .unwrap();
    std::fs::write(
        places.join("lyon.yaml"),
        lyon_places
            .replace("\"69003\"", "\"6903\"")
            .replace("mo-fr", "mo-fx"),
    )
    .unwrap();
    let broken = build(site.path(), out.path(), &[]);
    assert_eq!(broken.status.code(), Some(1));
    let errors = stderr(&broken);
    assert!(
        errors.contains("content/bases/souris.fr.md:11")
            && errors.contains("unknown service `atelier`"),
        "{errors}"
    );
    assert!(
        errors.contains("places/lyon.yaml:3") && errors.contains("`6903` is not a postcode of FR"),
        "{errors}"
    );
    assert!(
        errors.contains("places/lyon.yaml:10") && errors.contains("`fx` is not a day"),
        "{errors}"
    );
}

/// The example file of the national standard, with `change` made to its one row.
fn standard_example(change: impl Fn(&str) -> String) -> String {
    let text = std::fs::read_to_string(fixture("mednum/exemple-valide.csv")).unwrap();
    let (header, row) = text.split_once('\n').unwrap();
    format!("{header}\n{}", change(row))
}

#[test]
fn a_file_of_the_national_standard_is_read_as_it_is_without_a_vocabulary() {
    let site = tempfile::tempdir().unwrap();
    copy_dir(&fixture("minimal"), site.path());
    let places = site.path().join("places");
    std::fs::create_dir_all(&places).unwrap();
    std::fs::write(
        places.join("lieux.csv"),
        standard_example(|row| row.replace("Sa 08:30-12:00", "Sa 08:30-12:00; Aug off; PH off")),
    )
    .unwrap();
    let course = site.path().join("content/bases/souris.fr.md");
    let text = std::fs::read_to_string(&course).unwrap();
    let continued = text.replacen("weight: 20", "weight: 20\ncontinue_at: outils-quotidien", 1);
    std::fs::write(&course, continued).unwrap();
    let out = tempfile::tempdir().unwrap();
    // Built on 1 December 2026: the coming weeks hold Christmas and New Year's Day.
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_parcours"))
        .args(["build", "--root", site.path().to_str().unwrap()])
        .args(["--output", out.path().to_str().unwrap()])
        .env("SOURCE_DATE_EPOCH", "1796083200")
        .output()
        .unwrap();
    assert!(run.status.success(), "{}", stderr(&run));

    let page = read(out.path(), "en/places/anonymal-reims/index.html");
    for shown in [
        "Everyday digital tools",
        "Free under conditions, Paid",
        "<dd>Group workshop, Remote (phone or video), On your own, One-to-one help</dd>",
        r#"href="https://www.rdv-solidarites.fr/""#,
        r#"href="https://acceslibre.beta.gouv.fr/app/29-lampaul-plouarzel/a/bibliotheque-mediatheque/erp/mediatheque-13/""#,
        "Information updated on 2 April 2024.",
        r#"<th scope="row">Saturday</th><td>08:30–12:00</td>"#,
        "<li><strong>August:</strong> closed</li>",
        "<li><strong>Public holidays:</strong> closed</li>",
        "https://www.openstreetmap.org/?mlat=43.52609&amp;mlon=5.41423",
    ] {
        assert!(page.contains(shown), "{shown} in {page}");
    }
    let start = page.find("application/ld+json\">").unwrap() + 21;
    let end = start + page[start..].find("</script>").unwrap();
    let jsonld: serde_json::Value = serde_json::from_str(&page[start..end]).unwrap();
    let hours = jsonld["openingHoursSpecification"].as_array().unwrap();
    assert_eq!(hours[10]["dayOfWeek"], "https://schema.org/Saturday");
    let christmas = serde_json::json!({
        "@type": "OpeningHoursSpecification",
        "opens": "00:00",
        "closes": "00:00",
        "validFrom": "2026-12-25",
        "validThrough": "2026-12-25",
    });
    assert!(
        jsonld["specialOpeningHoursSpecification"]
            .as_array()
            .unwrap()
            .contains(&christmas),
        "{jsonld}"
    );
    assert!(
        read(out.path(), "nl/places/index.html")
            .contains("Digitale hulpmiddelen in het dagelijks leven")
    );
    let course_page = read(out.path(), "fr/bases/souris/index.html");
    assert!(course_page.contains(r#"href="../../../fr/places/?service=outils-quotidien""#));

    std::fs::write(
        places.join("lieux.csv"),
        standard_example(|row| {
            let second = standard_row(row, 2, "Reims", "51100").replace("Mo-Fr", "Mo-Fx");
            format!("{}\n{second}", row.replace("\"51100\"", "\"5110\""))
        }),
    )
    .unwrap();
    let broken = build(site.path(), out.path(), &[]);
    assert_eq!(broken.status.code(), Some(1));
    let errors = stderr(&broken);
    for (row, column) in [(2, "code_postal"), (3, "horaires")] {
        assert!(
            errors.contains(&format!("row {row}, column {column}"))
                && errors.contains(&format!("places/lieux.csv:{row}")),
            "{column}: {errors}"
        );
    }
}

/// A row of the national standard: the example's, for another place and town.
fn standard_row(example: &str, n: usize, town: &str, postcode: &str) -> String {
    example
        .replace("\"structure-1\"", &format!("\"lieu-{n}\""))
        .replace("\"Anonymal\"", &format!("\"Lieu {n:03}\""))
        .replace("\"Reims\"", &format!("\"{town}\""))
        .replace("\"51100\"", &format!("\"{postcode}\""))
        .replace("12 BIS RUE DE LECLERCQ", &format!("{n} rue des Essais"))
}

/// The folder of `href` seen from the page at `from` (both under the output root).
fn resolve(from: &str, href: &str) -> Option<String> {
    let href = href.split(['?', '#']).next()?;
    if href.contains(':') || href.is_empty() {
        return None;
    }
    let mut parts: Vec<&str> = from.split('/').filter(|p| !p.is_empty()).collect();
    for part in href.split('/') {
        match part {
            ".." => {
                parts.pop()?;
            }
            "." | "" => {}
            other => parts.push(other),
        }
    }
    Some(parts.join("/") + if href.ends_with('/') { "/" } else { "" })
}

/// Every page under `start` that plain links lead to from it, by folder.
fn reached(out: &Path, start: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::from([start.to_string()]);
    let mut queue = VecDeque::from([start.to_string()]);
    while let Some(folder) = queue.pop_front() {
        let Ok(html) = std::fs::read_to_string(out.join(&folder).join("index.html")) else {
            continue;
        };
        for href in html
            .split("href=\"")
            .skip(1)
            .filter_map(|s| s.split('"').next())
        {
            let Some(target) = resolve(&folder, href) else {
                continue;
            };
            if target.starts_with(start) && target.ends_with('/') && seen.insert(target.clone()) {
                queue.push_back(target);
            }
        }
    }
    seen
}

/// A copy of the minimal site with 282 places of the national standard in three towns, more
/// than one page holds; returns its folder and the number of places.
fn large_directory() -> (tempfile::TempDir, usize) {
    directory_of(&[
        ("Reims", "51100", 230),
        ("Épernay", "51200", 12),
        ("Lyon", "69003", 40),
    ])
}

/// A copy of the minimal site with places of the national standard in `towns` (name,
/// postcode, how many places); returns its folder and the number of places.
fn directory_of(towns: &[(&str, &str, usize)]) -> (tempfile::TempDir, usize) {
    let site = tempfile::tempdir().unwrap();
    copy_dir(&fixture("minimal"), site.path());
    let places = site.path().join("places");
    std::fs::create_dir_all(&places).unwrap();
    let example = standard_example(|row| row.to_string());
    let (header, row) = example.split_once('\n').unwrap();
    let mut csv = format!("{header}\n");
    let mut n = 0;
    for &(town, postcode, count) in towns {
        for _ in 0..count {
            n += 1;
            csv += &standard_row(row, n, town, postcode);
            csv.push('\n');
        }
    }
    std::fs::write(places.join("lieux.csv"), csv).unwrap();
    (site, n)
}

#[test]
fn a_large_directory_is_split_into_pages_that_plain_links_lead_through() {
    let (site, n) = large_directory();
    let out = tempfile::tempdir().unwrap();
    let run = build(site.path(), out.path(), &[]);
    assert!(run.status.success(), "{}", stderr(&run));

    let pages = reached(out.path(), "fr/places/");
    let place_pages: Vec<&String> = pages
        .iter()
        .filter(|p| p.starts_with("fr/places/lieu-"))
        .collect();
    assert_eq!(
        place_pages.len(),
        n,
        "every place is reached by links: {pages:?}"
    );
    for page in pages.iter().filter(|p| !p.starts_with("fr/places/lieu-")) {
        let html = read(out.path(), &format!("{page}index.html"));
        assert!(
            html.matches("class=\"place-card\"").count() <= 100,
            "{page} lists at most 100 places"
        );
    }
    let first = read(out.path(), "fr/places/index.html");
    assert!(
        !first.contains("class=\"place-card\""),
        "the first page lists areas"
    );
    assert!(
        pages.contains("fr/places/fr/51-marne/reims/2/"),
        "{pages:?}"
    );

    let meta: serde_json::Value =
        serde_json::from_str(&read(out.path(), "places/index.json")).unwrap();
    assert!(meta["keys"].as_array().unwrap().contains(&"ep".into()));
    let found: serde_json::Value =
        serde_json::from_str(&read(out.path(), "places/where/ep.json")).unwrap();
    assert_eq!(found[0][0], "Épernay");
    assert_eq!(found[0][2], 12);
}

#[test]
fn a_site_of_more_than_ten_thousand_pages_has_a_sitemap_index() {
    // 3,400 places in three languages: 10,200 place pages, more than one sitemap file lists.
    let (site, _) = directory_of(&[("Reims", "51100", 3_400)]);
    let out = tempfile::tempdir().unwrap();
    let run = build(site.path(), out.path(), &[]);
    assert!(run.status.success(), "{}", stderr(&run));

    let index = read(out.path(), "sitemap.xml");
    assert!(index.contains("<sitemapindex"), "{index}");
    let files: Vec<&str> = index
        .split("<loc>")
        .skip(1)
        .filter_map(|s| s.split("</loc>").next())
        .collect();
    assert_eq!(
        files,
        [
            "https://example.org/sitemap-1.xml",
            "https://example.org/sitemap-2.xml"
        ]
    );
    let pages: Vec<String> = ["sitemap-1.xml", "sitemap-2.xml"]
        .iter()
        .map(|file| read(out.path(), file))
        .collect();
    assert_eq!(pages[0].matches("<url>").count(), 10_000);
    let listed: usize = pages.iter().map(|p| p.matches("<url>").count()).sum();
    let place_pages = pages
        .iter()
        .map(|p| p.matches("/places/lieu-").count())
        .sum::<usize>();
    assert!(
        listed > 10_200 && place_pages >= 10_200,
        "{listed} {place_pages}"
    );
    assert!(
        pages[1].contains("hreflang=\"nl\""),
        "translations are listed"
    );
    assert!(read(out.path(), "robots.txt").contains("Sitemap: https://example.org/sitemap.xml"));
}

#[test]
fn a_portable_directory_gives_its_index_files_script_twins_and_links_index_files() {
    let (site, _) = large_directory();
    let out = tempfile::tempdir().unwrap();
    let run = build(site.path(), out.path(), &["--portable"]);
    assert!(run.status.success(), "{}", stderr(&run));

    let first = read(out.path(), "fr/places/index.html");
    assert!(first.contains(r#"data-index="../../places/""#), "{first}");
    assert!(first.contains(r#"data-root="../../fr/places/""#), "{first}");
    assert!(first.contains("load.js"));
    for file in [
        "places/index.json",
        "places/where/ep.json",
        "places/leaf/1.json",
    ] {
        let twin = read(out.path(), &format!("{file}.js"));
        assert!(
            twin.starts_with("parcoursData(document.currentScript,"),
            "{file}"
        );
    }
    let found: serde_json::Value =
        serde_json::from_str(&read(out.path(), "places/where/ep.json")).unwrap();
    let page = found[0][3].as_str().unwrap();
    assert!(page.ends_with("/index.html"), "{page}");
    assert!(out.path().join("fr/places").join(page).is_file(), "{page}");
    let leaf = found[0][5][0].as_u64().unwrap();
    let places: serde_json::Value =
        serde_json::from_str(&read(out.path(), &format!("places/leaf/{leaf}.json"))).unwrap();
    let place = places[0][0].as_str().unwrap();
    assert!(
        out.path().join("fr/places").join(place).is_file(),
        "{place}"
    );
}

/// Marks every PDF of the worksheet cache of `site`, so that a PDF copied from it can be told
/// from one made again (a comment after the end of the file changes nothing a reader shows).
fn mark_cache(site: &Path) {
    for entry in std::fs::read_dir(site.join(".parcours-cache/worksheets")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "pdf") {
            let mut bytes = std::fs::read(&path).unwrap();
            bytes.extend_from_slice(b"\n%marked\n");
            std::fs::write(&path, bytes).unwrap();
        }
    }
}

#[test]
fn printed_town_lists_go_through_the_worksheet_cache() {
    let site = tempfile::tempdir().unwrap();
    copy_dir(&fixture("minimal"), site.path());
    let _ = std::fs::remove_dir_all(site.path().join(".parcours-cache"));
    let places = site.path().join("places");
    std::fs::create_dir_all(&places).unwrap();
    let lyon = "- name: Médiathèque (exemple)\n  address: 12 rue des Tilleuls\n  postcode: \"69003\"\n  city: Lyon\n  country: FR\n";
    std::fs::write(places.join("lyon.yaml"), lyon).unwrap();
    std::fs::write(
        places.join("gent.csv"),
        "name;address;postcode;city;country\nDigipunt;Kerkstraat 5;9000;Gent;BE\n",
    )
    .unwrap();
    let lists = [
        "fr/places/fr/69-rhone/lyon/lyon.pdf",
        "fr/places/be/oost-vlaanderen/gent/gent.pdf",
    ];
    let pdf = |out: &Path, file: &str| std::fs::read(out.join(file)).unwrap();
    let marked = |bytes: Vec<u8>| bytes.ends_with(b"%marked\n");
    let built = || {
        let out = tempfile::tempdir().unwrap();
        let run = build(site.path(), out.path(), &[]);
        assert!(run.status.success(), "{}", stderr(&run));
        out
    };
    let first = built();
    assert!(lists.iter().all(|list| !marked(pdf(first.path(), list))));
    mark_cache(site.path());
    let copied = built();
    for list in lists {
        assert!(marked(pdf(copied.path(), list)), "{list} is copied");
    }

    std::fs::write(places.join("lyon.yaml"), lyon.replace("12 rue", "14 rue")).unwrap();
    let edited = built();
    assert!(
        !marked(pdf(edited.path(), lists[0])),
        "the edited town's list"
    );
    assert!(
        marked(pdf(edited.path(), lists[1])),
        "the other town's list is copied"
    );
}
