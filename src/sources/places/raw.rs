//! A place as read from a file, before it is checked: every value with its line, so that
//! each problem names where it is written.

use std::path::PathBuf;

use super::spot::Spot;
use crate::sources::config::Localized;

/// A value read from a file, with its line.
#[derive(Debug, Clone)]
pub(super) struct Field {
    pub(super) value: String,
    pub(super) line: usize,
}

/// A place as read, before it is checked: from YAML or from a CSV row.
#[derive(Debug, Default)]
pub(super) struct RawPlace {
    pub(super) file: PathBuf,
    pub(super) line: usize,
    /// Its row, when it comes from a CSV file.
    pub(super) row: Option<usize>,
    pub(super) slug: Option<String>,
    pub(super) name: Option<Field>,
    pub(super) address: Option<Field>,
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
    /// Rules in one line, as in a spreadsheet cell (`mo-fr 09:00-12:00; sa 10:00-12:00`).
    pub(super) hours_line: Option<Field>,
    pub(super) phone: Option<Field>,
    pub(super) email: Option<Field>,
    pub(super) website: Option<Field>,
    pub(super) wheelchair: Option<Field>,
    pub(super) note: Option<Localized>,
}

impl RawPlace {
    /// Where this place's value on `line` is written, for its problems.
    pub(super) fn at(&self, line: usize) -> Spot<'_> {
        Spot {
            file: &self.file,
            line,
            row: self.row,
        }
    }
}
