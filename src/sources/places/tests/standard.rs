//! Files of the national standard: the example of the standard read as it is, every cell
//! that breaks the schema an error with its row and column, free values that cannot be read
//! left out with a warning, and the vocabulary's names and maps.

use std::path::Path;

use super::{load_with, only_problem_with};
use crate::base::diagnostic::Checked;

/// The example file of the standard (tests/fixtures/mednum, Licence Ouverte 2.0).
const EXAMPLE: &str = include_str!("../../../../tests/fixtures/mednum/exemple-valide.csv");

/// The example with its one row changed by `change`, and a second row made by `second`.
fn example(change: impl Fn(&str) -> String, second: Option<&dyn Fn(&str) -> String>) -> String {
    let (header, row) = EXAMPLE.trim_end().split_once('\n').unwrap();
    let mut csv = format!("{header}\n{}\n", change(row));
    if let Some(second) = second {
        csv.push_str(&second(row));
        csv.push('\n');
    }
    csv
}

#[test]
fn the_example_of_the_standard_is_read_as_it_is() {
    let Checked {
        value: directory,
        problems,
    } = load_with("", &[("reims.csv", EXAMPLE)]);
    assert!(problems.is_empty(), "{problems:#?}");
    let place = &directory.places[0];
    assert_eq!(
        (place.name.as_str(), place.city.as_str()),
        ("Anonymal", "Reims")
    );
    assert_eq!(
        (place.postcode.as_str(), place.country.code),
        ("51100", "FR")
    );
    assert_eq!(
        place.address_more.as_deref(),
        Some("Le patio du bois de l'Aulne")
    );
    assert_eq!(place.services, ["outils-quotidien", "emploi", "loisirs"]);
    assert_eq!(place.audiences, ["jeunes", "femmes"]);
    assert_eq!(
        place.languages,
        ["fr", "en"],
        "English help means English is spoken"
    );
    assert_eq!(place.emails.len(), 2);
    assert_eq!(place.websites.len(), 2);
    assert_eq!(
        place.booking.as_deref(),
        Some("https://www.rdv-solidarites.fr/")
    );
    assert!(
        place
            .accessibility
            .as_deref()
            .unwrap()
            .contains("acceslibre")
    );
    let details = &place.details;
    assert_eq!(details.fees, ["gratuit-sous-condition", "payant"]);
    assert_eq!(details.access, ["sur-place", "telephone"]);
    assert_eq!(
        details.help,
        ["atelier", "a-distance", "autonomie", "individuel"]
    );
    assert_eq!(
        details.support,
        ["surdite", "illettrisme", "langue-anglais"]
    );
    assert_eq!(
        details.schemes,
        ["aidants-connect", "conseillers-numeriques", "croix-rouge"]
    );
    assert!(details.mobile);
    assert_eq!(details.updated.as_deref(), Some("2024-04-02"));
    let week = place.hours.as_ref().unwrap().usual_week().unwrap();
    assert_eq!((week[0].len(), week[5].len(), week[6].len()), (2, 1, 0));
    assert_eq!(place.time_zone, "Europe/Paris");
    let named = directory.services["outils-quotidien"].get("nl", "fr");
    assert_eq!(named, "Digitale hulpmiddelen in het dagelijks leven");
    assert_eq!(directory.names["croix-rouge"].get("en", "fr"), "Red Cross");
}

#[test]
fn cells_that_break_the_standard_are_errors_with_their_row_and_column() {
    let broken = example(
        |row| {
            row.replace("\"51100\"", "\"5110\"")
                .replace("Loisirs et créations numériques", "Cuisine")
                .replace("+33180059880", "01 80 05 98 80")
                .replace("2024-04-02", "02/04/2024")
        },
        Some(&|row: &str| row.replace("Anonymal", "Autre")),
    );
    let problems = load_with("", &[("reims.csv", &broken)]).problems;
    let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
    for expected in [
        "row 2, column code_postal: `5110` is not a postcode of 5 digits",
        "row 2, column telephone: `01 80 05 98 80` is not a phone number",
        "row 2, column date_maj: `02/04/2024` is not a date",
        "row 2, column services: unknown value `Cuisine`",
        "row 3, column id: the id `structure-1` is also the id of row 2",
    ] {
        assert!(
            messages.iter().any(|m| m.contains(expected)),
            "{expected}: {messages:#?}"
        );
    }
    assert!(problems.iter().all(|p| p.is_error() && p.line.is_some()));
    assert!(
        problems
            .iter()
            .all(|p| p.file == Path::new("places/reims.csv"))
    );
}

#[test]
fn values_spelt_otherwise_and_unreadable_free_values_are_warnings() {
    let loose = example(
        |row| {
            row.replace(
                "Loisirs et créations numériques",
                "loisirs et creations numeriques",
            )
            .replace(
                "Mo-Fr 09:00-12:00,14:00-18:30; Sa 08:30-12:00",
                "Sur rendez-vous",
            )
            .replace(
                "contact@laquincaillerie.tl",
                "contact(at)laquincaillerie.tl",
            )
        },
        None,
    );
    let Checked {
        value: directory,
        problems,
    } = load_with("", &[("reims.csv", &loose)]);
    assert_eq!(problems.len(), 3, "{problems:#?}");
    assert!(problems.iter().all(|p| !p.is_error()), "{problems:#?}");
    let place = &directory.places[0];
    assert!(place.services.contains(&"loisirs".to_string()));
    assert!(place.hours.is_none(), "unreadable hours are left out");
    assert_eq!(place.emails.len(), 1);
    let hours = problems
        .iter()
        .find(|p| p.message.contains("column horaires"))
        .unwrap();
    assert!(hours.message.contains("cannot be read"), "{hours}");
}

#[test]
fn the_vocabulary_renames_standard_values_and_maps_them_onto_its_own() {
    let vocabulary = "services:\n  ateliers: { fr: Ateliers, en: Workshops }\nstandard:\n  names:\n    gratuit-sous-condition: { en: \"Free for some\" }\n  services:\n    loisirs: ateliers\n";
    let Checked {
        value: directory,
        problems,
    } = load_with(vocabulary, &[("reims.csv", EXAMPLE)]);
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(
        directory.places[0].services,
        ["outils-quotidien", "emploi", "ateliers"]
    );
    assert!(!directory.services.contains_key("loisirs"));
    assert_eq!(directory.services.keys().next().unwrap(), "ateliers");
    assert_eq!(
        directory.names["gratuit-sous-condition"].get("en", "fr"),
        "Free for some"
    );
    let wrong = vocabulary.replace("loisirs: ateliers", "loisir: ateliers");
    let problem = only_problem_with(&wrong, &[("reims.csv", EXAMPLE)]);
    assert_eq!(problem.line, Some(7), "{problem}");
    assert!(problem.message.contains("`loisir`"), "{problem}");
}

#[test]
fn places_of_one_name_in_one_town_are_told_apart_by_their_ids() {
    let twins = example(
        |row| row.to_string(),
        Some(&|row: &str| {
            row.replace("structure-1", "structure-2")
                .replace("12 BIS", "14")
        }),
    );
    let Checked {
        value: directory,
        problems,
    } = load_with("", &[("reims.csv", &twins)]);
    assert!(problems.is_empty(), "{problems:#?}");
    let slugs: Vec<&str> = directory.places.iter().map(|p| p.slug.as_str()).collect();
    assert_eq!(
        slugs,
        ["anonymal-reims-structure-1", "anonymal-reims-structure-2"]
    );
}
