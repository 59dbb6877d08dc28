//! Places from YAML files: one place (a mapping) or a list of places per file.

use std::path::Path;

use serde::Deserialize;

use super::raw::{Field, RawPlace};
use crate::base::diagnostic::Checked;
use crate::base::yaml::{self, Scalar, Spanned};
use crate::sources::config::Localized;

/// A place as a YAML file writes it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct YamlPlace {
    name: Option<Spanned<String>>,
    slug: Option<String>,
    address: Option<Spanned<String>>,
    postcode: Option<Spanned<Scalar>>,
    city: Option<Spanned<String>>,
    country: Option<Spanned<String>>,
    coordinates: Option<Spanned<Vec<f64>>>,
    #[serde(default)]
    services: Vec<Spanned<String>>,
    #[serde(default)]
    audiences: Vec<Spanned<String>>,
    #[serde(default)]
    languages: Vec<Spanned<String>>,
    hours: Option<Spanned<YamlHours>>,
    phone: Option<Spanned<Scalar>>,
    email: Option<Spanned<String>>,
    website: Option<Spanned<String>>,
    wheelchair: Option<Spanned<Scalar>>,
    note: Option<Localized>,
}

/// Opening hours in YAML: rules by days, or one line as in a spreadsheet. Read by hand
/// rather than as an untagged enum, which would lose the line of each rule.
enum YamlHours {
    Rules(Vec<(String, Spanned<String>)>),
    Line(String),
}

impl<'de> Deserialize<'de> for YamlHours {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = YamlHours;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("days with their times, such as `mo-fr: \"09:00-12:00\"`")
            }
            fn visit_str<E: serde::de::Error>(self, line: &str) -> Result<YamlHours, E> {
                Ok(YamlHours::Line(line.to_string()))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<YamlHours, A::Error> {
                let mut rules = Vec::new();
                while let Some(rule) = map.next_entry::<String, Spanned<String>>()? {
                    rules.push(rule);
                }
                Ok(YamlHours::Rules(rules))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

/// The places of one YAML file.
pub(super) fn places(text: &str, file: &Path) -> Checked<Vec<RawPlace>> {
    let hint = "a place file holds one place (`name:`, `address:`, `postcode:`, `city:`, `country:`, ...) or a list of them (`- name: ...`)";
    // The shape first: an untagged enum would lose the lines of the values.
    let places =
        yaml::parse::<serde_json::Value>(text, file, 1).and_then(|shape| match shape {
            serde_json::Value::Array(_) => yaml::parse::<Vec<Spanned<YamlPlace>>>(text, file, 1)
                .map(|list| {
                    list.map(|list| {
                        list.into_iter()
                            .map(|place| {
                                let line = yaml::line_of(&place, 1).unwrap_or(1);
                                (place.value, line)
                            })
                            .collect()
                    })
                }),
            serde_json::Value::Null => Checked::ok(Some(Vec::new())),
            _ => yaml::parse::<YamlPlace>(text, file, 1)
                .map(|place| place.map(|place| vec![(place, 1)])),
        });
    places
        .map_problems(|problem| problem.with_hint(hint))
        .map(|places| {
            places
                .unwrap_or_default()
                .into_iter()
                .map(|(place, line)| raw_of_yaml(place, file, line))
                .collect()
        })
}

fn raw_of_yaml(place: YamlPlace, file: &Path, line: usize) -> RawPlace {
    let field = |at: Option<usize>, value: String| Field {
        value: value.trim().to_string(),
        line: at.unwrap_or(line),
        column: None,
    };
    let text = |v: Spanned<String>| field(yaml::line_of(&v, 1), v.value);
    let scalar = |v: Spanned<Scalar>| field(yaml::line_of(&v, 1), v.value.text());
    let coordinates = place.coordinates.map(|c| {
        let at = yaml::line_of(&c, 1);
        let number = |i: usize| field(at, c.value.get(i).map(f64::to_string).unwrap_or_default());
        (number(0), number(1))
    });
    let mut hours_line = None;
    let hours = match place.hours {
        Some(hours) => {
            let at = yaml::line_of(&hours, 1);
            match hours.value {
                YamlHours::Rules(rules) => rules
                    .into_iter()
                    .map(|(days, times)| {
                        let at = yaml::line_of(&times, 1).or(at);
                        (field(at, days), field(at, times.value))
                    })
                    .collect(),
                YamlHours::Line(rules) => {
                    hours_line = Some(field(at, rules));
                    Vec::new()
                }
            }
        }
        None => Vec::new(),
    };
    RawPlace {
        file: file.to_path_buf(),
        line: place
            .name
            .as_ref()
            .and_then(|n| yaml::line_of(n, 1))
            .unwrap_or(line),
        slug: place.slug,
        name: place.name.map(text),
        address: place.address.map(text),
        postcode: place.postcode.map(scalar),
        city: place.city.map(text),
        country: place.country.map(text),
        coordinates,
        services: place.services.into_iter().map(text).collect(),
        audiences: place.audiences.into_iter().map(text).collect(),
        languages: place.languages.into_iter().map(text).collect(),
        hours,
        hours_line,
        phone: place.phone.map(scalar),
        emails: place.email.map(text).into_iter().collect(),
        websites: place.website.map(text).into_iter().collect(),
        wheelchair: place.wheelchair.map(scalar),
        note: place.note,
        ..RawPlace::default()
    }
}
