//! The directory of help places: where to send a person for more help (a public digital
//! space, a library, a social centre). Places are data in `places/`, beside `content/`:
//!
//! - `places/directory.yaml`: the services and audiences places may list, named in every
//!   language of the site, the names of spoken languages not built in, and a notice shown
//!   above the directory;
//! - any other `places/**/*.yaml`: one place (a mapping) or a list of places;
//! - `places/**/*.csv`: places as a spreadsheet exports them (see [`table`]).
//!
//! ```yaml
//! name: "Espace numérique de la médiathèque"
//! address: "12 rue des Tilleuls"
//! postcode: "69003"
//! city: "Lyon"
//! country: FR
//! coordinates: [45.7597, 4.8422]
//! services: [acces-libre, ateliers]
//! audiences: [tous]
//! languages: [fr, ar]
//! hours: { mo-fr: "09:00-12:00, 14:00-17:30", sa: "10:00-12:00" }
//! phone: "+33 1 99 00 12 34"
//! email: "mediatheque@example.org"
//! website: "https://example.org"
//! wheelchair: yes          # yes | limited | no
//! note: { fr: "Sur rendez-vous le mardi." }
//! ```
//!
//! Every place is checked here; each problem names its file and line (and its row in a CSV).

pub mod hours;
mod languages;
mod spot;
mod table;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use indexmap::IndexMap;
use serde::Deserialize;

use crate::base::diagnostic::{Checked, Diagnostic, Diagnostics, unknown_choice};
use crate::base::files::read_optional;
use crate::base::text::{fold, slugify};
use crate::base::yaml::{self, Scalar, Spanned};
use crate::sources::config::{Localized, SiteConfig};
use hours::Opening;
pub use spot::Spot;

/// The folder of the directory inside a site.
pub const PLACES_DIR: &str = "places";

/// The file of the directory's vocabulary, inside [`PLACES_DIR`].
pub const VOCABULARY_FILE: &str = "directory.yaml";

/// The countries places may be in: the form of their postcodes and their time zone.
const COUNTRIES: [Country; 6] = [
    Country::new("FR", "5 digits, such as 69003", "Europe/Paris", 5, 0),
    Country::new("BE", "4 digits, such as 1000", "Europe/Brussels", 4, 0),
    Country::new("LU", "4 digits, such as 1009", "Europe/Luxembourg", 4, 0),
    Country::new("CH", "4 digits, such as 1201", "Europe/Zurich", 4, 0),
    Country::new("DE", "5 digits, such as 10115", "Europe/Berlin", 5, 0),
    Country::new(
        "NL",
        "4 digits and 2 letters, such as 1011 AB",
        "Europe/Amsterdam",
        4,
        2,
    ),
];

/// A country: its ISO code, the form of its postcodes, its time zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166 code (`FR`).
    pub code: &'static str,
    /// The form of its postcodes, for messages.
    postcode: &'static str,
    /// Its IANA time zone, for "open now".
    pub time_zone: &'static str,
    digits: usize,
    letters: usize,
}

impl Country {
    const fn new(
        code: &'static str,
        postcode: &'static str,
        time_zone: &'static str,
        digits: usize,
        letters: usize,
    ) -> Country {
        Country {
            code,
            postcode,
            time_zone,
            digits,
            letters,
        }
    }

    fn find(code: &str) -> Option<Country> {
        COUNTRIES
            .into_iter()
            .find(|c| c.code.eq_ignore_ascii_case(code.trim()))
    }

    /// Whether `postcode` has this country's form.
    fn fits(&self, postcode: &str) -> bool {
        let compact: String = postcode.chars().filter(|c| *c != ' ').collect();
        compact.len() == self.digits + self.letters
            && compact[..self.digits].chars().all(|c| c.is_ascii_digit())
            && compact[self.digits..]
                .chars()
                .all(|c| c.is_ascii_alphabetic())
    }
}

/// Whether a place can be reached in a wheelchair, as OpenStreetMap says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wheelchair {
    /// Every part the public uses.
    Yes,
    /// Some parts, or with help.
    Limited,
    /// Not.
    No,
}

impl Wheelchair {
    /// The key of its words in the interface strings.
    pub fn key(self) -> &'static str {
        match self {
            Wheelchair::Yes => "places.wheelchair_yes",
            Wheelchair::Limited => "places.wheelchair_limited",
            Wheelchair::No => "places.wheelchair_no",
        }
    }
}

/// A place where people get help.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// The last part of its address (`mediatheque-des-tilleuls`).
    pub slug: String,
    /// Its name.
    pub name: String,
    /// Street and number.
    pub address: String,
    /// Postcode, as written.
    pub postcode: String,
    /// City.
    pub city: String,
    /// Country.
    pub country: Country,
    /// Latitude and longitude.
    pub coordinates: Option<(f64, f64)>,
    /// Ids of the services it offers, from the directory's list.
    pub services: Vec<String>,
    /// Ids of the audiences it welcomes.
    pub audiences: Vec<String>,
    /// Codes of the languages spoken there.
    pub languages: Vec<String>,
    /// When it is open, by day then time.
    pub hours: Vec<Opening>,
    /// Phone number, as written.
    pub phone: Option<String>,
    /// Email address.
    pub email: Option<String>,
    /// Website, an http(s) address.
    pub website: Option<String>,
    /// Wheelchair access, when known.
    pub wheelchair: Option<Wheelchair>,
    /// A note for visitors ("on appointment").
    pub note: Option<Localized>,
    /// The file it comes from and its line, for messages.
    pub file: PathBuf,
    /// Its line in that file.
    pub line: usize,
}

impl Place {
    /// The phone number as a `tel:` address: its digits, with a leading `+`.
    pub fn phone_link(&self) -> Option<String> {
        let phone = self.phone.as_deref()?;
        let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
        let plus = if phone.trim_start().starts_with('+') {
            "+"
        } else {
            ""
        };
        Some(format!("tel:{plus}{digits}"))
    }

    /// The city as filters compare it: lower case, without accents.
    pub fn city_key(&self) -> String {
        fold(&self.city)
    }
}

/// The vocabulary of the directory and its places, ordered by city then name.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Directory {
    /// A notice shown above the list ("these places are examples").
    pub notice: Option<Localized>,
    /// Each service's id and names.
    pub services: IndexMap<String, Localized>,
    /// Each audience's id and names.
    pub audiences: IndexMap<String, Localized>,
    /// Names of spoken languages the site adds to the built-in ones.
    spoken: BTreeMap<String, String>,
    /// Every place.
    pub places: Vec<Place>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawVocabulary {
    notice: Option<Localized>,
    #[serde(default)]
    services: IndexMap<String, Spanned<Localized>>,
    #[serde(default)]
    audiences: IndexMap<String, Spanned<Localized>>,
    #[serde(default)]
    languages: BTreeMap<String, String>,
}

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

/// A value read from a file, with its line.
#[derive(Debug, Clone)]
struct Field {
    value: String,
    line: usize,
}

/// A place as read, before it is checked: from YAML or from a CSV row.
#[derive(Debug, Default)]
struct RawPlace {
    file: PathBuf,
    line: usize,
    /// Its row, when it comes from a CSV file.
    row: Option<usize>,
    slug: Option<String>,
    name: Option<Field>,
    address: Option<Field>,
    postcode: Option<Field>,
    city: Option<Field>,
    country: Option<Field>,
    /// Latitude and longitude as written.
    coordinates: Option<(Field, Field)>,
    services: Vec<Field>,
    audiences: Vec<Field>,
    languages: Vec<Field>,
    /// Rules of days and times.
    hours: Vec<(Field, Field)>,
    /// Rules in one line, as in a spreadsheet cell (`mo-fr 09:00-12:00; sa 10:00-12:00`).
    hours_line: Option<Field>,
    phone: Option<Field>,
    email: Option<Field>,
    website: Option<Field>,
    wheelchair: Option<Field>,
    note: Option<Localized>,
}

impl RawPlace {
    /// Where this place's value on `line` is written, for its problems.
    fn at(&self, line: usize) -> Spot<'_> {
        Spot {
            file: &self.file,
            line,
            row: self.row,
        }
    }
}

impl Directory {
    /// Reads the vocabulary and every place of `places/`; an absent folder is an empty
    /// directory.
    pub fn load(root: &Path, config: &SiteConfig) -> Checked<Directory> {
        if !root.join(PLACES_DIR).is_dir() {
            return Checked::ok(Directory::default());
        }
        let mut problems = Diagnostics::new();
        let mut directory = problems.take(vocabulary(root, config));
        let mut raw = Vec::new();
        for file in place_files(root) {
            let Some(text) = problems.take(read_optional(root, &file)) else {
                continue;
            };
            let places = if file.extension().is_some_and(|e| e == "csv") {
                table::places(&text, &file)
            } else {
                yaml_places(&text, &file)
            };
            raw.extend(problems.take(places));
        }
        let places = raw
            .into_iter()
            .filter_map(|place| problems.take(directory.check(place)))
            .collect();
        directory.places = problems.take(without_duplicate_slugs(places));
        directory
            .places
            .sort_by_cached_key(|p| (fold(&p.city), fold(&p.name)));
        Checked::new(directory, problems)
    }

    /// Whether the site has no place.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// The name of a spoken language, in itself.
    pub fn language_name(&self, code: &str) -> String {
        self.spoken
            .get(code)
            .cloned()
            .or_else(|| languages::built_in(code).map(str::to_string))
            .unwrap_or_else(|| code.to_string())
    }

    /// Whether the spoken language `code` is named in itself (a built-in one the site does
    /// not rename), so that its name can carry its `lang`.
    pub fn is_named_in_itself(&self, code: &str) -> bool {
        !self.spoken.contains_key(code) && languages::built_in(code).is_some()
    }

    /// The indices of the places of each city, cities in alphabetical order.
    pub fn cities(&self) -> Vec<(&str, Vec<usize>)> {
        let mut cities: Vec<(&str, Vec<usize>)> = Vec::new();
        for (index, place) in self.places.iter().enumerate() {
            match cities.last_mut() {
                Some((city, places)) if fold(city) == place.city_key() => places.push(index),
                _ => cities.push((&place.city, vec![index])),
            }
        }
        cities
    }

    /// Checks a place read from a file: every problem is reported, and only a place
    /// without any comes back.
    fn check(&self, raw: RawPlace) -> Checked<Option<Place>> {
        let mut problems = Diagnostics::new();
        let mut required = |field: &Option<Field>, what: &str, example: &str| {
            problems.take(required_field(&raw, field, what, example))
        };
        let name = required(
            &raw.name,
            "name",
            "name: \"Espace numérique de la médiathèque\"",
        );
        let address = required(&raw.address, "address", "address: \"12 rue des Tilleuls\"");
        let city = required(&raw.city, "city", "city: \"Lyon\"");
        let postcode = required(&raw.postcode, "postcode", "postcode: \"69003\"");
        let country = problems.take(self.country(&raw, &postcode));
        let coordinates = problems.take(coordinates(&raw));
        let services = problems.take(known(&raw, &raw.services, &self.services, "service"));
        let audiences = problems.take(known(&raw, &raw.audiences, &self.audiences, "audience"));
        let languages = problems.take(self.spoken_languages(&raw));
        let hours = problems.take(opening_hours(&raw));
        let phone = problems.take(phone(&raw));
        let email = problems.take(email(&raw));
        let website = problems.take(website(&raw));
        let wheelchair = problems.take(wheelchair(&raw));
        let Some(country) = country.filter(|_| problems.is_empty()) else {
            return Checked::failed_with(problems);
        };
        Checked::ok(Some(Place {
            slug: raw
                .slug
                .clone()
                .unwrap_or_else(|| slugify(&format!("{name} {city}"))),
            name,
            address,
            postcode,
            city,
            country,
            coordinates,
            services,
            audiences,
            languages,
            hours,
            phone,
            email,
            website,
            wheelchair,
            note: raw.note.clone(),
            file: raw.file.clone(),
            line: raw.line,
        }))
    }

    /// The country of a place, whose postcode must have the country's form.
    fn country(&self, raw: &RawPlace, postcode: &str) -> Checked<Option<Country>> {
        let codes: Vec<&str> = COUNTRIES.iter().map(|c| c.code).collect();
        let Some(field) = &raw.country else {
            return Checked::failed(
                raw.at(raw.line)
                    .error("the place has no country")
                    .with_hint(format!("add `country: FR` (one of {})", codes.join(", "))),
            );
        };
        let Some(country) = Country::find(&field.value) else {
            return Checked::failed(
                raw.at(field.line)
                    .error(format!(
                        "`{}` is not a country of the directory",
                        field.value
                    ))
                    .with_hint(format!(
                        "write the country's code: one of {}",
                        codes.join(", ")
                    )),
            );
        };
        let mut problems = Diagnostics::new();
        if !postcode.is_empty() && !country.fits(postcode) {
            let line = raw.postcode.as_ref().map_or(raw.line, |f| f.line);
            problems.push(
                raw.at(line)
                    .error(format!("`{postcode}` is not a postcode of {}", country.code))
                    .with_hint(format!(
                        "postcodes of {} have {}; write it between quotes so that a leading 0 stays",
                        country.code, country.postcode
                    )),
            );
        }
        Checked::new(Some(country), problems)
    }

    /// The codes of the languages spoken at a place, each built in or named in the
    /// vocabulary.
    fn spoken_languages(&self, raw: &RawPlace) -> Checked<Vec<String>> {
        let mut problems = Diagnostics::new();
        let codes = raw
            .languages
            .iter()
            .filter_map(|field| {
                let code = field.value.to_lowercase();
                if languages::built_in(&code).is_some() || self.spoken.contains_key(&code) {
                    return Some(code);
                }
                problems.push(
                    raw.at(field.line).error(format!("`{}` is not a known language code", field.value))
                        .with_hint(format!(
                            "use an ISO 639 code ({}), or name the language under `languages:` in places/{VOCABULARY_FILE}",
                            languages::codes()
                        )),
                );
                None
            })
            .collect();
        Checked::new(codes, problems)
    }
}

/// The places without those whose address another place before them has: each of those is
/// an error.
fn without_duplicate_slugs(mut places: Vec<Place>) -> Checked<Vec<Place>> {
    let mut problems = Diagnostics::new();
    let mut seen: BTreeMap<String, (PathBuf, usize)> = BTreeMap::new();
    places.retain(|place| {
        if let Some((file, line)) = seen.get(&place.slug) {
            problems.push(
                Diagnostic::error(
                    &place.file,
                    format!(
                        "another place has the address `{}` ({}:{line})",
                        place.slug,
                        file.display()
                    ),
                )
                .at_line(place.line)
                .with_hint("give one of them its own `slug:`"),
            );
            return false;
        }
        seen.insert(place.slug.clone(), (place.file.clone(), place.line));
        true
    });
    Checked::new(places, problems)
}

/// A required text field of a place: its value, or an error saying that the place has no
/// `what`, with an `example`.
fn required_field(
    raw: &RawPlace,
    field: &Option<Field>,
    what: &str,
    example: &str,
) -> Checked<String> {
    match field {
        Some(field) if !field.value.is_empty() => Checked::ok(field.value.clone()),
        _ => {
            let line = field.as_ref().map_or(raw.line, |f| f.line);
            let problem = raw
                .at(line)
                .error(format!("the place has no {what}"))
                .with_hint(format!("add `{example}`"));
            Checked::new(String::new(), problem.into())
        }
    }
}

/// Reads `places/directory.yaml`, warning about names missing in a language of the site.
fn vocabulary(root: &Path, config: &SiteConfig) -> Checked<Directory> {
    let file = Path::new(PLACES_DIR).join(VOCABULARY_FILE);
    let mut problems = Diagnostics::new();
    let read = read_optional(root, &file).and_then(|text| {
        yaml::parse::<Option<RawVocabulary>>(&text, &file, 1)
            .map_problems(|d| d.with_hint("the directory's vocabulary has `services:` and `audiences:`, each id with its name per language, such as `ateliers: { fr: \"Ateliers collectifs\", en: \"Group workshops\" }`"))
    });
    let raw = problems.take(read).flatten().unwrap_or_default();
    let mut names = |list: IndexMap<String, Spanned<Localized>>| -> IndexMap<String, Localized> {
        list.into_iter()
            .map(|(id, name)| {
                if let Localized::PerLanguage(map) = &name.value {
                    for lang in config.languages.keys().filter(|l| !map.contains_key(*l)) {
                        let mut warning =
                            Diagnostic::warning(&file, format!("`{id}` has no name in {lang}"))
                                .with_hint(format!("add `{lang}: \"...\"` under `{id}:`"));
                        if let Some(line) = yaml::line_of(&name, 1) {
                            warning = warning.at_line(line);
                        }
                        problems.push(warning);
                    }
                }
                (id, name.value)
            })
            .collect()
    };
    let directory = Directory {
        notice: raw.notice,
        services: names(raw.services),
        audiences: names(raw.audiences),
        spoken: raw.languages,
        places: Vec::new(),
    };
    Checked::new(directory, problems)
}

/// The place files of `places/`, in a stable order: YAML files other than the vocabulary,
/// and CSV files.
fn place_files(root: &Path) -> Vec<PathBuf> {
    let vocabulary = Path::new(PLACES_DIR).join(VOCABULARY_FILE);
    walkdir::WalkDir::new(root.join(PLACES_DIR))
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_file())
        .filter(|entry| !crate::base::files::is_ignored_name(&entry.file_name().to_string_lossy()))
        .filter_map(|entry| entry.path().strip_prefix(root).ok().map(Path::to_path_buf))
        .filter(|file| *file != vocabulary)
        .filter(|file| {
            file.extension()
                .is_some_and(|e| e == "yaml" || e == "yml" || e == "csv")
        })
        .collect()
}

/// The places of one YAML file.
fn yaml_places(text: &str, file: &Path) -> Checked<Vec<RawPlace>> {
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
        row: None,
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
        email: place.email.map(text),
        website: place.website.map(text),
        wheelchair: place.wheelchair.map(scalar),
        note: place.note,
    }
}

/// The coordinates, when given and possible on Earth.
fn coordinates(raw: &RawPlace) -> Checked<Option<(f64, f64)>> {
    let Some((latitude, longitude)) = raw.coordinates.as_ref() else {
        return Checked::ok(None);
    };
    if latitude.value.is_empty() && longitude.value.is_empty() {
        return Checked::ok(None);
    }
    let number = |field: &Field| field.value.replace(',', ".").parse::<f64>().ok();
    match (number(latitude), number(longitude)) {
        (Some(lat), Some(lon))
            if (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon) =>
        {
            Checked::ok(Some((lat, lon)))
        }
        _ => Checked::failed(
            raw.at(latitude.line).error(format!("`{}, {}` are not coordinates", latitude.value, longitude.value))
                .with_hint("give the latitude then the longitude in degrees, such as `coordinates: [45.7597, 4.8422]` (OpenStreetMap shows them when you right-click a place)"),
        ),
    }
}

/// The ids of `fields` that the directory defines in `known`; the others are errors.
fn known(
    raw: &RawPlace,
    fields: &[Field],
    known: &IndexMap<String, Localized>,
    what: &str,
) -> Checked<Vec<String>> {
    let ids: Vec<&str> = known.keys().map(String::as_str).collect();
    let mut problems = Diagnostics::new();
    let found = fields
        .iter()
        .filter_map(
            |field| match unknown_choice(&raw.file, what, &field.value, &ids) {
                None => Some(field.value.clone()),
                Some(problem) => {
                    let hint = format!(
                        "{} (the {what}s are defined in places/{VOCABULARY_FILE})",
                        problem.hint.clone().unwrap_or_default()
                    );
                    problems.push(raw.at(field.line).locate(problem).with_hint(hint));
                    None
                }
            },
        )
        .collect();
    Checked::new(found, problems)
}

/// The opening hours of a place, rule after rule.
fn opening_hours(raw: &RawPlace) -> Checked<Vec<Opening>> {
    let mut problems = Diagnostics::new();
    let mut rules: Vec<(String, String, usize)> = raw
        .hours
        .iter()
        .map(|(days, times)| (days.value.clone(), times.value.clone(), times.line))
        .collect();
    if let Some(line) = &raw.hours_line {
        let split = problems.take(hours::split_rules(&line.value, raw.at(line.line)));
        rules.extend(
            split
                .unwrap_or_default()
                .into_iter()
                .map(|(d, t)| (d, t, line.line)),
        );
    }
    let mut opening = Vec::new();
    for (days, times, line) in rules {
        problems.take(hours::apply(&mut opening, &days, &times, raw.at(line)));
    }
    Checked::new(opening, problems)
}

/// An optional text field that must pass `valid`; otherwise an error saying it is not
/// `what`, with `hint`.
fn checked(
    raw: &RawPlace,
    field: &Option<Field>,
    valid: impl Fn(&str) -> bool,
    (what, hint): (&str, &str),
) -> Checked<Option<String>> {
    let Some(field) = field.as_ref().filter(|f| !f.value.is_empty()) else {
        return Checked::ok(None);
    };
    if !valid(&field.value) {
        return Checked::failed(
            raw.at(field.line)
                .error(format!("`{}` is not {what}", field.value))
                .with_hint(hint),
        );
    }
    Checked::ok(Some(field.value.clone()))
}

/// The phone number, when it has enough digits to be one.
fn phone(raw: &RawPlace) -> Checked<Option<String>> {
    let valid = |phone: &str| {
        phone.chars().filter(char::is_ascii_digit).count() >= 6
            && phone
                .chars()
                .all(|c| c.is_ascii_digit() || " +.-()/".contains(c))
    };
    let hint = "write it as it is dialled, such as `+33 1 99 00 12 34` or `02 000 00 00`";
    checked(raw, &raw.phone, valid, ("a phone number", hint))
}

/// The email address, when it looks like one.
fn email(raw: &RawPlace) -> Checked<Option<String>> {
    let valid = |email: &str| {
        !email.contains(|c: char| c.is_whitespace() || c == ',' || c == ';')
            && email.split_once('@').is_some_and(|(user, domain)| {
                !user.is_empty()
                    && !domain.contains('@')
                    && domain.contains('.')
                    && !domain.starts_with('.')
                    && !domain.ends_with('.')
            })
    };
    let hint = "write one address, such as `contact@example.org`";
    checked(raw, &raw.email, valid, ("an email address", hint))
}

/// The website, an http(s) address.
fn website(raw: &RawPlace) -> Checked<Option<String>> {
    let valid = |url: &str| {
        (url.starts_with("https://") || url.starts_with("http://"))
            && !url.contains(char::is_whitespace)
    };
    let hint = "write the whole address, starting with `https://`, such as `https://example.org`";
    checked(raw, &raw.website, valid, ("a web address", hint))
}

/// Wheelchair access: yes, limited or no.
fn wheelchair(raw: &RawPlace) -> Checked<Option<Wheelchair>> {
    let Some(field) = raw.wheelchair.as_ref().filter(|f| !f.value.is_empty()) else {
        return Checked::ok(None);
    };
    let access = match field.value.to_lowercase().as_str() {
        "yes" | "true" | "oui" | "ja" => Wheelchair::Yes,
        "limited" | "partial" | "partiel" | "beperkt" => Wheelchair::Limited,
        "no" | "false" | "non" | "nee" => Wheelchair::No,
        _ => {
            return Checked::failed(
                raw.at(field.line)
                    .error(format!("`{}` is not a wheelchair access", field.value))
                    .with_hint("write `wheelchair: yes`, `limited` or `no`"),
            );
        }
    };
    Checked::ok(Some(access))
}

#[cfg(test)]
mod tests;
