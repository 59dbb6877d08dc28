//! Every check of a place: required fields, country and postcode, coordinates, services,
//! audiences and languages the directory knows, hours, phone, emails, web addresses,
//! wheelchair access, and two places at one address. Each problem names its file and line
//! (and its row and column in a spreadsheet).

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use indexmap::IndexMap;

use super::check_hours::opening_hours;
use super::directory::{Directory, VOCABULARY_FILE};
use super::languages;
use super::place::{COUNTRIES, Country, Place, Wheelchair};
use super::raw::{Field, RawPlace};
use super::schedule::Schedule;
use super::{calendar, hours::Hours};
use crate::base::diagnostic::{Checked, Diagnostic, Diagnostics, unknown_choice};
use crate::base::text::slugify;
use crate::sources::config::Localized;

impl Directory {
    /// Checks a place read from a file: every problem is reported, and only a place
    /// without any error comes back.
    pub(super) fn check(&self, raw: RawPlace) -> Checked<Option<Place>> {
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
        let services = self.standard_ids(&raw.services, &self.standard_services);
        let services = problems.take(known(&raw, &services, &self.services, "service"));
        let audiences = self.standard_ids(&raw.audiences, &self.standard_audiences);
        let audiences = problems.take(known(&raw, &audiences, &self.audiences, "audience"));
        let languages = problems.take(self.spoken_languages(&raw));
        let hours = problems.take(opening_hours(&raw));
        let phone = problems.take(phone(&raw));
        let emails = problems.take(each(&raw, &raw.emails, is_email, EMAIL));
        let websites = problems.take(each(&raw, &raw.websites, is_web_address, WEBSITE));
        let booking = problems.take(each(&raw, raw.booking.as_slice(), is_web_address, WEBSITE));
        let accessibility = problems.take(each(
            &raw,
            raw.accessibility.as_slice(),
            is_web_address,
            WEBSITE,
        ));
        let wheelchair = problems.take(wheelchair(&raw));
        let Some(country) = country.filter(|_| !problems.has_errors()) else {
            return Checked::failed_with(problems);
        };
        let hours = hours.map(|h| h.with_holidays(calendar::holidays(&country, &postcode)));
        let schedule = hours
            .as_ref()
            .map(|h: &Hours| Schedule::of(h, &self.window))
            .unwrap_or_default();
        let place = Place {
            slug: raw
                .slug
                .clone()
                .unwrap_or_else(|| slugify(&format!("{name} {city}"))),
            id: raw.id.clone(),
            name,
            address,
            address_more: raw.address_more.clone(),
            time_zone: calendar::time_zone(&country, &postcode),
            postcode,
            city,
            country,
            coordinates,
            services,
            audiences,
            languages,
            hours,
            schedule,
            phone,
            emails,
            websites,
            booking: booking.into_iter().next(),
            accessibility: accessibility.into_iter().next(),
            wheelchair,
            note: raw.note.clone(),
            details: raw.details.clone(),
            file: raw.file.clone(),
            line: raw.line,
        };
        Checked::new(Some(place), problems)
    }

    /// Values of the national standard given as ids of the site's own services or
    /// audiences, as `places/directory.yaml` maps them.
    fn standard_ids(&self, fields: &[Field], map: &BTreeMap<String, String>) -> Vec<Field> {
        let mut ids: Vec<Field> = Vec::new();
        for field in fields {
            let id = map.get(&field.value).unwrap_or(&field.value);
            if !ids.iter().any(|f| &f.value == id) {
                ids.push(Field {
                    value: id.clone(),
                    ..field.clone()
                });
            }
        }
        ids
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
                raw.spot(field)
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
            let at = raw
                .postcode
                .as_ref()
                .map_or(raw.at(raw.line), |f| raw.spot(f));
            problems.push(
                at.error(format!(
                    "`{postcode}` is not a postcode of {}",
                    country.code
                ))
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
                    raw.spot(field).error(format!("`{}` is not a known language code", field.value))
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

    /// The places without those whose address another place before them has: each of those
    /// is an error. Places of the national standard that share an address are told apart by
    /// their ids first (`mediatheque-reims-structure-1`), as their files cannot give slugs.
    pub(super) fn without_duplicate_slugs(mut places: Vec<Place>) -> Checked<Vec<Place>> {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for place in &places {
            *counts.entry(place.slug.clone()).or_default() += 1;
        }
        for place in &mut places {
            if counts[&place.slug] > 1
                && let Some(id) = &place.id
            {
                place.slug = format!("{}-{}", place.slug, slugify(id));
            }
        }
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
            raw.spot(latitude).error(format!("`{}, {}` are not coordinates", latitude.value, longitude.value))
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
                    problems.push(raw.spot(field).locate(problem).with_hint(hint));
                    None
                }
            },
        )
        .collect();
    Checked::new(found, problems)
}

/// What an email address is, and how to write one.
const EMAIL: (&str, &str) = (
    "an email address",
    "write one address, such as `contact@example.org`",
);

/// What a web address is, and how to write one.
const WEBSITE: (&str, &str) = (
    "a web address",
    "write the whole address, starting with `https://`, such as `https://example.org`",
);

/// The values of `fields` that pass `valid`; each other one is an error saying it is not
/// `what`, with `hint` (a warning, the value left out, where the file's format leaves it free).
fn each(
    raw: &RawPlace,
    fields: &[Field],
    valid: fn(&str) -> bool,
    (what, hint): (&str, &str),
) -> Checked<Vec<String>> {
    let mut problems = Diagnostics::new();
    let values = fields
        .iter()
        .filter(|f| !f.value.is_empty())
        .filter_map(|field| {
            if valid(&field.value) {
                return Some(field.value.clone());
            }
            let at = raw.spot(field);
            problems.push(if raw.lenient {
                at.warning(format!("`{}` is not {what}: it is left out", field.value))
                    .with_hint(hint)
            } else {
                at.error(format!("`{}` is not {what}", field.value))
                    .with_hint(hint)
            });
            None
        })
        .collect();
    Checked::new(values, problems)
}

/// Whether a text looks like one email address.
fn is_email(email: &str) -> bool {
    !email.contains(|c: char| c.is_whitespace() || c == ',' || c == ';')
        && email.split_once('@').is_some_and(|(user, domain)| {
            !user.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
        })
}

/// Whether a text is an http(s) address.
fn is_web_address(url: &str) -> bool {
    (url.starts_with("https://") || url.starts_with("http://"))
        && !url.contains(char::is_whitespace)
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
    let Some(field) = raw.phone.as_ref().filter(|f| !f.value.is_empty()) else {
        return Checked::ok(None);
    };
    if !valid(&field.value) {
        return Checked::failed(
            raw.spot(field)
                .error(format!("`{}` is not a phone number", field.value))
                .with_hint(hint),
        );
    }
    Checked::ok(Some(field.value.clone()))
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
                raw.spot(field)
                    .error(format!("`{}` is not a wheelchair access", field.value))
                    .with_hint("write `wheelchair: yes`, `limited` or `no`"),
            );
        }
    };
    Checked::ok(Some(access))
}
