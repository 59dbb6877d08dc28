//! Places from a spreadsheet: a CSV file with a header row naming its columns.
//!
//! ```text
//! name;address;postcode;city;country;latitude;longitude;services;audiences;languages;hours;phone;email;website;wheelchair;note
//! Buurthuis;Kerkstraat 5;9000;Gent;BE;51.05;3.72;acces-libre,ateliers;tous;nl,fr;"mo-fr 09:00-12:00; sa 10:00-12:00";+32 9 000 00 31;;;yes;Op afspraak.
//! ```
//!
//! The delimiter is `;` (as French and Belgian spreadsheets export) or `,`; lists inside a
//! cell are separated by commas or semicolons; columns may come in any order, and only name,
//! address, postcode, city and country are required. Errors name the row as the spreadsheet
//! numbers it (the header is row 1).

use std::path::Path;

use super::raw::{Field, RawPlace};
use crate::base::diagnostic::{Checked, Diagnostic, Diagnostics};
use crate::sources::config::Localized;

/// The columns a directory spreadsheet may have.
const COLUMNS: [&str; 17] = [
    "name",
    "address",
    "postcode",
    "city",
    "country",
    "latitude",
    "longitude",
    "services",
    "audiences",
    "languages",
    "hours",
    "phone",
    "email",
    "website",
    "wheelchair",
    "note",
    "slug",
];

/// The columns without which no place can be read.
const REQUIRED: [&str; 5] = ["name", "address", "postcode", "city", "country"];

/// The places of one CSV file.
pub(super) fn places(text: &str, file: &Path) -> Checked<Vec<RawPlace>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let header_line = text.lines().next().unwrap_or_default();
    let delimiter = if header_line.matches(';').count() >= header_line.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut problems = Diagnostics::new();
    let header = match reader.headers() {
        Ok(header) => columns(header, file),
        Err(error) => Checked::failed(
            Diagnostic::error(file, format!("cannot read the CSV: {error}")).at_line(1),
        ),
    };
    let Some(header) = problems.take(header) else {
        return Checked::new(Vec::new(), problems);
    };
    let mut places = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let row = index + 2;
        match record {
            Ok(record) => {
                let line = record.position().map_or(row, |p| p.line() as usize);
                let cells = header.iter().map(String::as_str).zip(record.iter());
                places.push(place(cells, file, line, row));
            }
            Err(error) => problems.push(
                Diagnostic::error(file, format!("row {row}: cannot read the CSV: {error}"))
                    .with_hint("check the quotes: a cell holding the delimiter is written between double quotes"),
            ),
        }
    }
    Checked::new(places, problems)
}

/// The columns the header row names, in lower case; `None` when one is unknown or a
/// required one is missing (each is reported).
fn columns(header: &csv::StringRecord, file: &Path) -> Checked<Option<Vec<String>>> {
    let header: Vec<String> = header.iter().map(|h| h.trim().to_lowercase()).collect();
    let mut problems: Diagnostics = header
        .iter()
        .filter(|c| !COLUMNS.contains(&c.as_str()))
        .map(|column| {
            Diagnostic::error(file, format!("unknown column `{column}`"))
                .at_line(1)
                .with_hint(format!("the columns are named {}", COLUMNS.join(", ")))
        })
        .collect();
    let missing: Vec<&str> = REQUIRED
        .into_iter()
        .filter(|r| !header.iter().any(|c| c == r))
        .collect();
    if !missing.is_empty() {
        problems.push(
            Diagnostic::error(
                file,
                format!("the header has no column {}", missing.join(", ")),
            )
            .at_line(1)
            .with_hint(format!(
                "the first row names the columns, such as `{}`",
                REQUIRED.join(";")
            )),
        );
    }
    if !problems.is_empty() {
        return Checked::failed_with(problems);
    }
    Checked::ok(Some(header))
}

/// One row as a place to check.
fn place<'a>(
    cells: impl Iterator<Item = (&'a str, &'a str)>,
    file: &Path,
    line: usize,
    row: usize,
) -> RawPlace {
    let mut place = RawPlace {
        file: file.to_path_buf(),
        line,
        row: Some(row),
        ..RawPlace::default()
    };
    let field = |value: &str| Field {
        value: value.trim().to_string(),
        line,
    };
    let list = |value: &str| -> Vec<Field> {
        value
            .split([',', ';'])
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(field)
            .collect()
    };
    let mut latitude = None;
    let mut longitude = None;
    for (column, value) in cells {
        let value = value.trim();
        let optional = || (!value.is_empty()).then(|| field(value));
        match column {
            "name" => place.name = optional(),
            "address" => place.address = optional(),
            "postcode" => place.postcode = optional(),
            "city" => place.city = optional(),
            "country" => place.country = optional(),
            "latitude" => latitude = Some(field(value)),
            "longitude" => longitude = Some(field(value)),
            "services" => place.services = list(value),
            "audiences" => place.audiences = list(value),
            "languages" => place.languages = list(value),
            "hours" => place.hours_line = optional(),
            "phone" => place.phone = optional(),
            "email" => place.email = optional(),
            "website" => place.website = optional(),
            "wheelchair" => place.wheelchair = optional(),
            "note" => place.note = (!value.is_empty()).then(|| Localized::Same(value.to_string())),
            "slug" => place.slug = (!value.is_empty()).then(|| value.to_string()),
            _ => {}
        }
    }
    place.coordinates = latitude.zip(longitude);
    place
}
