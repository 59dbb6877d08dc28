//! The directory's reader and checks: every shape of file, and every mistake named with its
//! file and line (and row, for spreadsheets).

mod standard;

use std::path::Path;

use super::*;
use crate::base::diagnostic::{Checked, Diagnostic};
use crate::sources::config::SiteConfig;

const VOCABULARY: &str = r#"
notice: { fr: "Exemples", en: "Examples" }
services:
  ateliers: { fr: "Ateliers", en: "Workshops" }
  demarches: { fr: "Démarches", en: "Procedures" }
audiences:
  tous: { fr: "Tout public", en: "Everyone" }
languages:
  lsf: "Langue des signes française"
"#;

const PLACE: &str = r#"name: "Médiathèque"
address: "12 rue des Tilleuls"
postcode: "69003"
city: "Lyon"
country: FR
coordinates: [45.76, 4.84]
services: [ateliers]
audiences: [tous]
languages: [fr, ar, lsf]
hours:
  mo-fr: "09:00-12:00, 14:00-17:30"
  we: closed
phone: "+33 1 99 00 12 34"
email: "contact@example.org"
website: "https://example.org"
wheelchair: yes
"#;

/// Loads a site made of the vocabulary and `files` (path under places/, text).
fn load(files: &[(&str, &str)]) -> Checked<Directory> {
    load_with(VOCABULARY, files)
}

/// Loads a site made of the vocabulary `vocabulary` and `files`.
fn load_with(vocabulary: &str, files: &[(&str, &str)]) -> Checked<Directory> {
    let dir = tempfile::tempdir().unwrap();
    let places = dir.path().join(PLACES_DIR);
    std::fs::create_dir_all(&places).unwrap();
    std::fs::write(places.join(VOCABULARY_FILE), vocabulary).unwrap();
    for (path, text) in files {
        let file = places.join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(file, text).unwrap();
    }
    let config = SiteConfig::parse(
        "title: T\nlanguages:\n  fr: { name: Français }\n  en: { name: English }\n",
    )
    .value
    .unwrap();
    Directory::load(dir.path(), &config)
}

/// How many openings the usual week of a place has.
fn openings(place: &Place) -> usize {
    let week = place.hours.as_ref().and_then(|h| h.usual_week()).unwrap();
    week.iter().map(Vec::len).sum()
}

/// The one problem of a directory, as `file:line: message`.
fn only_problem(files: &[(&str, &str)]) -> Diagnostic {
    only_problem_with(VOCABULARY, files)
}

/// The one problem of a directory with the vocabulary `vocabulary`.
fn only_problem_with(vocabulary: &str, files: &[(&str, &str)]) -> Diagnostic {
    let problems = load_with(vocabulary, files).problems;
    assert_eq!(problems.len(), 1, "{problems:#?}");
    problems.into_iter().next().unwrap()
}

#[test]
fn a_place_file_is_read_whole() {
    let Checked {
        value: directory,
        problems,
    } = load(&[("lyon/mediatheque.yaml", PLACE)]);
    assert!(problems.is_empty(), "{problems:#?}");
    let place = &directory.places[0];
    assert_eq!(place.slug, "mediatheque-lyon");
    assert_eq!(place.country.code, "FR");
    assert_eq!(place.coordinates, Some((45.76, 4.84)));
    assert_eq!(place.languages, ["fr", "ar", "lsf"]);
    assert_eq!(openings(place), 8, "Wednesday closed: {:?}", place.hours);
    assert_eq!(place.wheelchair, Some(Wheelchair::Yes));
    assert_eq!(place.phone_link().as_deref(), Some("tel:+33199001234"));
    assert_eq!(
        directory.language_name("lsf"),
        "Langue des signes française"
    );
    assert_eq!(directory.language_name("ar"), "العربية");
}

#[test]
fn lists_and_spreadsheets_give_places_by_city() {
    let list = format!(
        "- {}\n- name: \"CPAS\"\n  address: \"Rue Haute 1\"\n  postcode: 1000\n  city: Bruxelles\n  country: be\n  hours: \"mo-fr 09:00-12:00; sa 10h-12h\"\n",
        PLACE.replace('\n', "\n  ").trim_end()
    );
    let csv = "\u{feff}name;address;postcode;city;country;latitude;longitude;services;hours;note\n\
               Digipunt;Kerkstraat 5;9000;Gent;BE;51,05;3,72;ateliers, demarches;\"mo-fr 09:00-12:00,13:00-16:30; we closed\";Op afspraak.\n";
    let Checked {
        value: directory,
        problems,
    } = load(&[("list.yaml", &list), ("gent.csv", csv)]);
    assert!(problems.is_empty(), "{problems:#?}");
    let mut cities: Vec<&str> = directory.places.iter().map(|p| p.city.as_str()).collect();
    cities.dedup();
    assert_eq!(cities, ["Bruxelles", "Gent", "Lyon"]);
    let gent = directory.places.iter().find(|p| p.city == "Gent").unwrap();
    assert_eq!(gent.coordinates, Some((51.05, 3.72)));
    assert_eq!(gent.services, ["ateliers", "demarches"]);
    assert_eq!(openings(gent), 8);
    let brussels = directory
        .places
        .iter()
        .find(|p| p.city == "Bruxelles")
        .unwrap();
    assert_eq!(brussels.postcode, "1000");
    assert_eq!(openings(brussels), 6, "`sa 10h-12h` is read too");
}

#[test]
fn a_missing_name_or_address_is_an_error_at_the_place() {
    let problem = only_problem(&[("a.yaml", &PLACE.replace("name: \"Médiathèque\"\n", ""))]);
    assert_eq!(problem.file, Path::new("places/a.yaml"));
    assert!(problem.message.contains("no name"), "{problem}");
    let problem = only_problem(&[(
        "a.yaml",
        &PLACE.replace("address: \"12 rue des Tilleuls\"", "address: \"\""),
    )]);
    assert_eq!(problem.line, Some(2), "{problem}");
    assert!(problem.message.contains("no address"), "{problem}");
}

#[test]
fn unknown_services_are_errors_with_a_suggestion() {
    let problem = only_problem(&[(
        "a.yaml",
        &PLACE.replace("services: [ateliers]", "services: [atelier]"),
    )]);
    assert_eq!(problem.line, Some(7));
    assert!(
        problem.message.contains("unknown service `atelier`"),
        "{problem}"
    );
    assert!(problem.hint.unwrap().contains("did you mean `ateliers`"));
}

#[test]
fn malformed_hours_are_errors_on_their_line() {
    let problem = only_problem(&[("a.yaml", &PLACE.replace("we: closed", "we: \"14:00-9:00\""))]);
    assert_eq!(problem.line, Some(12));
    assert!(
        problem.message.contains("closes before it opens"),
        "{problem}"
    );
    let problem = only_problem(&[("a.yaml", &PLACE.replace("mo-fr:", "mo-fx:"))]);
    assert!(problem.message.contains("`fx` is not a day"), "{problem}");
}

#[test]
fn postcodes_must_fit_their_country() {
    let problem = only_problem(&[("a.yaml", &PLACE.replace("\"69003\"", "\"6900\""))]);
    assert_eq!(problem.line, Some(3));
    assert!(
        problem.message.contains("`6900` is not a postcode of FR"),
        "{problem}"
    );
    assert!(problem.hint.unwrap().contains("5 digits"));
    let belgian = PLACE.replace("country: FR", "country: BE");
    let problem = only_problem(&[("a.yaml", &belgian)]);
    assert!(
        problem.message.contains("`69003` is not a postcode of BE"),
        "{problem}"
    );
    let problem = only_problem(&[("a.yaml", &PLACE.replace("country: FR", "country: France"))]);
    assert!(problem.message.contains("not a country"), "{problem}");
}

#[test]
fn bad_emails_phones_and_websites_are_errors() {
    for (from, to, expected) in [
        (
            "contact@example.org",
            "contact.example.org",
            "not an email address",
        ),
        ("contact@example.org", "a@b", "not an email address"),
        ("+33 1 99 00 12 34", "appeler", "not a phone number"),
        (
            "https://example.org",
            "www.example.org",
            "not a web address",
        ),
        (
            "wheelchair: yes",
            "wheelchair: sometimes",
            "not a wheelchair access",
        ),
        (
            "languages: [fr, ar, lsf]",
            "languages: [fr, klingon]",
            "not a known language code",
        ),
    ] {
        let problem = only_problem(&[("a.yaml", &PLACE.replace(from, to))]);
        assert!(problem.message.contains(expected), "{to}: {problem}");
    }
}

#[test]
fn spreadsheet_errors_name_their_row() {
    let csv = "name,address,postcode,city,country,services,email\n\
               Digipunt,Kerkstraat 5,9000,Gent,BE,ateliers,a@example.org\n\
               ,Veldstraat 1,900,Gent,BE,cours,x@\n";
    let problems = load(&[("gent.csv", csv)]).problems;
    let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(problems.len(), 4, "{messages:#?}");
    assert!(
        messages
            .iter()
            .any(|m| m.contains("row 3, column email: `x@`")),
        "{messages:#?}"
    );
    for problem in &problems {
        assert_eq!(problem.file, Path::new("places/gent.csv"));
        assert_eq!(problem.line, Some(3), "{problem}");
        assert!(problem.message.starts_with("row 3"), "{problem}");
    }
    let problems = load(&[("bad.csv", "nom;adresse\nx;y\n")]).problems;
    assert!(
        problems
            .iter()
            .any(|p| p.message.contains("unknown column `nom`"))
    );
    assert!(
        problems
            .iter()
            .any(|p| p.message.contains("no column name"))
    );
}

#[test]
fn two_places_with_one_address_are_refused() {
    let problem = only_problem(&[("a.yaml", PLACE), ("b.yaml", PLACE)]);
    assert_eq!(problem.file, Path::new("places/b.yaml"));
    assert!(
        problem
            .message
            .contains("another place has the address `mediatheque-lyon`"),
        "{problem}"
    );
}

#[test]
fn a_site_without_places_has_an_empty_directory() {
    let dir = tempfile::tempdir().unwrap();
    let config = SiteConfig::parse("title: T\nlanguages:\n  fr: { name: Français }\n")
        .value
        .unwrap();
    let Checked {
        value: directory,
        problems,
    } = Directory::load(dir.path(), &config);
    assert!(directory.is_empty() && problems.is_empty());
}

#[test]
fn hours_take_openstreetmap_rules_in_every_shape() {
    let holidays = PLACE.replace(
        "  we: closed\n",
        "  we: closed\n  PH: closed\n  \"Jul,Aug\": \"09:00-12:00\"\n",
    );
    let Checked { value, problems } = load(&[("a.yaml", &holidays)]);
    assert!(problems.is_empty(), "{problems:#?}");
    let hours = value.places[0].hours.as_ref().unwrap();
    assert_eq!(
        hours.text(),
        "Mo-Fr 09:00-12:00,14:00-17:30; We closed; PH closed; Jul,Aug 09:00-12:00"
    );
    let line = PLACE.replace(
        "hours:\n  mo-fr: \"09:00-12:00, 14:00-17:30\"\n  we: closed\n",
        "hours: \"Mo-Fr 09:00-12:00; Sa 10:00-12:00; PH off\"\n",
    );
    let Checked { value, problems } = load(&[("a.yaml", &line)]);
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(openings(&value.places[0]), 6);
    let broken = line.replace("Sa 10:00-12:00", "Sa 10:00-12:00 14:00-16:00");
    let problem = only_problem(&[("a.yaml", &broken)]);
    assert!(problem.is_error(), "{problem}");
    assert!(
        problem.message.contains("malformed opening hours")
            && problem.message.contains("at character"),
        "{problem}"
    );
}
