//! Places from a spreadsheet: a CSV file with a header row naming its columns, in parcours'
//! own columns or in those of the national standard ([`standard`](super::standard)), which
//! the header tells apart.
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

use std::collections::HashMap;
use std::path::Path;

use super::raw::{Field, RawPlace};
use super::standard::{self, Rows};
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
    let header: Vec<String> = match reader.headers() {
        Ok(header) => header.iter().map(|h| h.trim().to_lowercase()).collect(),
        Err(error) => {
            return Checked::failed(
                Diagnostic::error(file, format!("cannot read the CSV: {error}")).at_line(1),
            )
            .map(Option::unwrap_or_default);
        }
    };
    if standard::recognises(&header) {
        return standard_places(reader, &header, file);
    }
    let mut problems = Diagnostics::new();
    let Some(header) = problems.take(columns(header, file)) else {
        return Checked::new(Vec::new(), problems);
    };
    let mut places = Vec::new();
    let rows: Vec<_> = records(&mut reader, file, &mut problems).collect();
    for (row, record) in rows {
        let line = record.position().map_or(row, |p| p.line() as usize);
        let cells = header.iter().map(String::as_str).zip(record.iter());
        places.push(place(cells, file, line, row));
    }
    Checked::new(places, problems)
}

/// The places of a file of the national standard.
fn standard_places(
    mut reader: csv::Reader<&[u8]>,
    header: &[String],
    file: &Path,
) -> Checked<Vec<RawPlace>> {
    let mut problems = Diagnostics::new();
    let Some(columns) = problems.take(standard::columns(header, file)) else {
        return Checked::new(Vec::new(), problems);
    };
    let mut rows = Rows::new(file);
    let mut places = Vec::new();
    let records: Vec<_> = records(&mut reader, file, &mut problems).collect();
    for (row, record) in records {
        let line = record.position().map_or(row, |p| p.line() as usize);
        let cells: HashMap<&'static str, &str> = columns
            .iter()
            .zip(record.iter())
            .filter_map(|(column, cell)| Some(((*column)?, cell)))
            .collect();
        places.extend(problems.take(rows.place(&cells, line, row)));
    }
    Checked::new(places, problems)
}

/// The rows after the header, numbered as a spreadsheet numbers them (the header is row 1);
/// a row that cannot be read is an error.
fn records<'a>(
    reader: &'a mut csv::Reader<&[u8]>,
    file: &'a Path,
    problems: &'a mut Diagnostics,
) -> impl Iterator<Item = (usize, csv::StringRecord)> + 'a {
    reader
        .records()
        .enumerate()
        .filter_map(move |(index, record)| {
            let row = index + 2;
            match record {
                Ok(record) => Some((row, record)),
                Err(error) => {
                    problems.push(
                        Diagnostic::error(file, format!("row {row}: cannot read the CSV: {error}"))
                            .with_hint("check the quotes: a cell holding the delimiter is written between double quotes"),
                    );
                    None
                }
            }
        })
}

/// The columns the header row names, in lower case; `None` when one is unknown or a
/// required one is missing (each is reported).
fn columns(header: Vec<String>, file: &Path) -> Checked<Option<Vec<String>>> {
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
    let mut latitude = None;
    let mut longitude = None;
    for (column, value) in cells {
        let value = value.trim();
        let Some(column) = COLUMNS.iter().find(|c| **c == column).copied() else {
            continue;
        };
        let field = |value: &str| Field {
            value: value.trim().to_string(),
            line,
            column: Some(column),
        };
        let optional = || (!value.is_empty()).then(|| field(value));
        let list = || -> Vec<Field> {
            value
                .split([',', ';'])
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(field)
                .collect()
        };
        match column {
            "name" => place.name = optional(),
            "address" => place.address = optional(),
            "postcode" => place.postcode = optional(),
            "city" => place.city = optional(),
            "country" => place.country = optional(),
            "latitude" => latitude = Some(field(value)),
            "longitude" => longitude = Some(field(value)),
            "services" => place.services = list(),
            "audiences" => place.audiences = list(),
            "languages" => place.languages = list(),
            "hours" => place.hours_line = optional(),
            "phone" => place.phone = optional(),
            "email" => place.emails = optional().into_iter().collect(),
            "website" => place.websites = optional().into_iter().collect(),
            "wheelchair" => place.wheelchair = optional(),
            "note" => place.note = (!value.is_empty()).then(|| Localized::Same(value.to_string())),
            _ => place.slug = (!value.is_empty()).then(|| value.to_string()),
        }
    }
    place.coordinates = latitude.zip(longitude);
    place
}
