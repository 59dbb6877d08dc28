//! A place as read from a file, before it is checked: every value with its line (and column,
//! in a spreadsheet), so that each problem names where it is written.

use std::path::PathBuf;

use super::place::Details;
use super::spot::Spot;
use crate::sources::config::Localized;

/// A value read from a file, with its line and, in a spreadsheet, its column.
#[derive(Debug, Clone, Default)]
pub(super) struct Field {
    pub(super) value: String,
    pub(super) line: usize,
    pub(super) column: Option<&'static str>,
}

/// A place as read, before it is checked: from YAML, a CSV row, or a row of the national
/// standard.
#[derive(Debug, Default)]
pub(crate) struct RawPlace {
    pub(super) file: PathBuf,
    pub(super) line: usize,
    /// Its row, when it comes from a CSV file.
    pub(super) row: Option<usize>,
    pub(super) slug: Option<String>,
    /// Its id in a file of the national standard.
    pub(super) id: Option<String>,
    pub(super) name: Option<Field>,
    pub(super) address: Option<Field>,
    /// More of the address: floor, building.
    pub(super) address_more: Option<String>,
    pub(super) postcode: Option<Field>,
    pub(super) city: Option<Field>,
    pub(super) country: Option<Field>,
    /// Latitude and longitude as written.
    pub(super) coordinates: Option<(Field, Field)>,
    pub(super) services: Vec<Field>,
    pub(super) audiences: Vec<Field>,
    pub(super) languages: Vec<Field>,
    /// Rules of days and times.
    pub(super) hours: Vec<(Field, Field)>,
    /// Rules in one line, as in a spreadsheet cell (`Mo-Fr 09:00-12:00; Sa 10:00-12:00`).
    pub(super) hours_line: Option<Field>,
    pub(super) phone: Option<Field>,
    pub(super) emails: Vec<Field>,
    pub(super) websites: Vec<Field>,
    /// The address of its online booking.
    pub(super) booking: Option<Field>,
    /// The address of its accessibility details (acceslibre).
    pub(super) accessibility: Option<Field>,
    pub(super) wheelchair: Option<Field>,
    pub(super) note: Option<Localized>,
    pub(super) details: Details,
    /// Whether values the file's format leaves free (hours, emails, web addresses) are only
    /// warned about when they cannot be read, as in a file of the national standard.
    pub(super) lenient: bool,
}

impl RawPlace {
    /// Where this place's value on `line` is written, for its problems.
    pub(super) fn at(&self, line: usize) -> Spot<'_> {
        Spot {
            file: &self.file,
            line,
            row: self.row,
            column: None,
        }
    }

    /// Where `field` is written, with its column in a spreadsheet.
    pub(super) fn spot(&self, field: &Field) -> Spot<'_> {
        Spot {
            column: field.column,
            ..self.at(field.line)
        }
    }
}
