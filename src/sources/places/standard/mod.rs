//! Files of the French national standard of digital-mediation places ("standard de données
//! des lieux de médiation numérique", LaMednum/standard-mediation-num, schema v1.0.2, Licence
//! Ouverte 2.0), as the national map of digital inclusion places publishes them: a CSV with
//! the columns `id`, `pivot`, `nom`, `commune`, `code_postal`, `adresse`, `horaires`,
//! `services`, `date_maj`... and `|` between the values of a cell.
//!
//! Such a file is recognised by its header and read as it is. Every cell is checked against
//! the schema: a row that breaks it is an error naming the file, the row and the column.
//! Values the schema leaves free (opening hours, emails, web addresses) that cannot be read
//! are warnings, and left out.

pub mod values;

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;

use super::place::Details;
use super::raw::{Field, RawPlace};
use super::spot::Spot;
use crate::base::diagnostic::{Checked, Diagnostic, Diagnostics, unknown_choice};
use crate::base::text::fold;
use crate::sources::config::Localized;
use values::Value;

/// The columns of the standard, in its order.
pub const COLUMNS: [&str; 32] = [
    "id",
    "pivot",
    "nom",
    "commune",
    "code_postal",
    "code_insee",
    "adresse",
    "complement_adresse",
    "latitude",
    "longitude",
    "typologie",
    "telephone",
    "courriels",
    "site_web",
    "horaires",
    "presentation_resume",
    "presentation_detail",
    "source",
    "itinerance",
    "structure_parente",
    "date_maj",
    "services",
    "publics_specifiquement_adresses",
    "prise_en_charge_specifique",
    "frais_a_charge",
    "dispositif_programmes_nationaux",
    "formations_labels",
    "autres_formations_labels",
    "modalites_acces",
    "modalites_accompagnement",
    "fiche_acces_libre",
    "prise_rdv",
];

/// The columns every row must fill.
const REQUIRED: [&str; 7] = [
    "id",
    "pivot",
    "nom",
    "commune",
    "code_postal",
    "adresse",
    "date_maj",
];

/// The international prefixes the standard allows before a phone number's digits.
const PHONE_PREFIXES: [&str; 10] = [
    "+33", "+590", "+594", "+262", "+596", "+269", "+687", "+689", "+508", "+681",
];

/// The most characters of `presentation_resume`.
const SUMMARY_LENGTH: usize = 280;

/// The hint of every cell that breaks the standard.
const HINT: &str = "the national standard of digital-mediation places (schema v1.0.2) allows";

/// Whether a header (names trimmed, in lower case) is the standard's: it names the columns
/// every row must fill.
pub fn recognises(header: &[String]) -> bool {
    REQUIRED.iter().all(|r| header.iter().any(|c| c == r))
}

/// The column of the standard each header cell names (`None` for a column it does not
/// know, which is warned about and left out); an error when a required one is missing.
pub fn columns(header: &[String], file: &Path) -> Checked<Option<Vec<Option<&'static str>>>> {
    let mut problems = Diagnostics::new();
    let columns = header
        .iter()
        .map(|name| {
            let known = COLUMNS.iter().find(|c| **c == name.as_str()).copied();
            if known.is_none() {
                problems.push(
                    Diagnostic::warning(
                        file,
                        format!("column `{name}` is not in the national standard: it is left out"),
                    )
                    .at_line(1)
                    .with_hint(format!("the standard's columns are {}", COLUMNS.join(", "))),
                );
            }
            known
        })
        .collect();
    Checked::new(Some(columns), problems)
}

/// The rows of a file of the standard, checked, as places to check with the others.
pub struct Rows<'a> {
    file: &'a Path,
    /// The row of each id already read, so that an id used twice is an error.
    ids: HashMap<String, usize>,
}

impl<'a> Rows<'a> {
    /// Starts reading the rows of `file`.
    pub fn new(file: &'a Path) -> Rows<'a> {
        Rows {
            file,
            ids: HashMap::new(),
        }
    }

    /// One row (`cells` by column), on `line`, numbered `row`: a place, or `None` when the row
    /// breaks the standard (each problem is reported).
    pub(crate) fn place(
        &mut self,
        cells: &HashMap<&'static str, &str>,
        line: usize,
        row: usize,
    ) -> Checked<Option<RawPlace>> {
        let reading = Reading {
            file: self.file,
            cells,
            line,
            row,
        };
        let mut problems = Diagnostics::new();
        for column in REQUIRED {
            if reading.text(column).is_empty() {
                problems.push(reading.error(column, format!("the `{column}` of the place is empty")).with_hint("every row of the standard gives id, pivot, nom, commune, code_postal, adresse and date_maj"));
            }
        }
        problems.extend(reading.patterns());
        if let Some(first) = self.ids.get(reading.text("id")) {
            problems.push(
                reading
                    .error(
                        "id",
                        format!(
                            "the id `{}` is also the id of row {first}",
                            reading.text("id")
                        ),
                    )
                    .with_hint("each place of the standard has its own id"),
            );
        } else if !reading.text("id").is_empty() {
            self.ids.insert(reading.text("id").to_string(), row);
        }
        let place = problems.take(reading.place());
        if problems.has_errors() {
            return Checked::failed_with(problems);
        }
        Checked::new(Some(place), problems)
    }
}

/// One row being read.
struct Reading<'a> {
    file: &'a Path,
    cells: &'a HashMap<&'static str, &'a str>,
    line: usize,
    row: usize,
}

impl Reading<'_> {
    /// The text of a cell, trimmed; empty when the column is absent.
    fn text(&self, column: &str) -> &str {
        self.cells.get(column).map_or("", |t| t.trim())
    }

    /// Where a cell is written.
    fn spot(&self, column: &'static str) -> Spot<'_> {
        Spot {
            file: self.file,
            line: self.line,
            row: Some(self.row),
            column: Some(column),
        }
    }

    fn error(&self, column: &'static str, message: String) -> Diagnostic {
        self.spot(column).error(message)
    }

    /// A cell as a field of the place, when not empty.
    fn field(&self, column: &'static str) -> Option<Field> {
        let value = self.text(column);
        (!value.is_empty()).then(|| Field {
            value: value.to_string(),
            line: self.line,
            column: Some(column),
        })
    }

    /// The values of a `|`-separated cell, each a field.
    fn list(&self, column: &'static str) -> Vec<Field> {
        self.text(column)
            .split('|')
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(|value| Field {
                value: value.to_string(),
                line: self.line,
                column: Some(column),
            })
            .collect()
    }

    /// The cells whose form the schema fixes: pivot, postcode, INSEE code, phone, numbers,
    /// date, and the length of the summary.
    fn patterns(&self) -> Diagnostics {
        let mut problems = Diagnostics::new();
        let mut check = |column: &'static str, valid: fn(&str) -> bool, form: &str| {
            let value = self.text(column);
            if !value.is_empty() && !valid(value) {
                problems.push(
                    self.error(column, format!("`{value}` is not {form}"))
                        .with_hint(format!("{HINT} {form}")),
                );
            }
        };
        check(
            "pivot",
            is_pivot,
            "a SIRET or RNA number (9 to 14 letters and digits)",
        );
        check(
            "code_postal",
            |v| v.len() == 5 && v.bytes().all(|b| b.is_ascii_digit()),
            "a postcode of 5 digits",
        );
        check(
            "code_insee",
            is_insee,
            "an INSEE commune code such as 69123 or 2A004",
        );
        check(
            "telephone",
            is_phone,
            "a phone number written +33 then its digits, without spaces, such as +33180059880",
        );
        check(
            "latitude",
            is_number,
            "a number with a decimal point, such as 45.7597",
        );
        check(
            "longitude",
            is_number,
            "a number with a decimal point, such as 4.8422",
        );
        check(
            "date_maj",
            |v| NaiveDate::parse_from_str(v, "%Y-%m-%d").is_ok(),
            "a date written YYYY-MM-DD, such as 2024-04-02",
        );
        check(
            "presentation_resume",
            |v| v.chars().count() <= SUMMARY_LENGTH,
            "a summary of 280 characters at most",
        );
        problems
    }

    /// The place the row describes, its enumerated values as ids.
    fn place(&self) -> Checked<RawPlace> {
        let mut problems = Diagnostics::new();
        let mut ids = |column: &'static str, table: &'static [Value]| {
            problems.take(self.values(column, table))
        };
        let services = ids("services", &values::SERVICES);
        let audiences = ids("publics_specifiquement_adresses", &values::AUDIENCES);
        let support = ids("prise_en_charge_specifique", &values::SUPPORT);
        let details = Details {
            fees: ids("frais_a_charge", &values::FEES),
            access: ids("modalites_acces", &values::ACCESS),
            help: ids("modalites_accompagnement", &values::HELP),
            schemes: ids("dispositif_programmes_nationaux", &values::SCHEMES),
            mobile: ids("itinerance", &values::MOBILITY).contains(&"itinerant".to_string()),
            updated: Some(self.text("date_maj").to_string()),
            support,
        };
        ids("formations_labels", &values::LABELS);
        let at = |value: &str, column: Option<&'static str>| Field {
            value: value.to_string(),
            line: self.line,
            column,
        };
        // French is spoken in every place of the standard, English where it says so.
        let mut languages = vec![at("fr", None)];
        if details.support.iter().any(|s| s == "langue-anglais") {
            languages.push(at("en", Some("prise_en_charge_specifique")));
        }
        let coordinates = self.field("latitude").zip(self.field("longitude"));
        let place = RawPlace {
            file: self.file.to_path_buf(),
            line: self.line,
            row: Some(self.row),
            id: Some(self.text("id").to_string()),
            name: self.field("nom"),
            address: self.field("adresse"),
            address_more: self.field("complement_adresse").map(|f| f.value),
            postcode: self.field("code_postal"),
            city: self.field("commune"),
            country: Some(at("FR", None)),
            coordinates,
            services: services.iter().map(|id| at(id, Some("services"))).collect(),
            audiences: audiences
                .iter()
                .map(|id| at(id, Some("publics_specifiquement_adresses")))
                .collect(),
            languages,
            hours_line: self.field("horaires"),
            phone: self.field("telephone"),
            emails: self.list("courriels"),
            websites: self.list("site_web"),
            booking: self.field("prise_rdv"),
            accessibility: self.field("fiche_acces_libre"),
            note: self
                .field("presentation_resume")
                .map(|f| Localized::PerLanguage([("fr".to_string(), f.value)].into())),
            details,
            lenient: true,
            ..RawPlace::default()
        };
        Checked::new(place, problems)
    }

    /// The ids of the values of an enumerated cell. A value written with other accents, case
    /// or spaces is a warning; one the standard does not have, an error.
    fn values(&self, column: &'static str, table: &'static [Value]) -> Checked<Vec<String>> {
        let mut problems = Diagnostics::new();
        let ids = self
            .list(column)
            .into_iter()
            .filter_map(|field| {
                let written = field.value.as_str();
                if let Some(value) = table.iter().find(|v| v.text == written) {
                    return Some(value.id.to_string());
                }
                // Older versions of the standard wrote "Gratuit : Je peux accéder...".
                let short = written.split(" : ").next().unwrap_or(written);
                if let Some(value) = table.iter().find(|v| fold(v.text) == fold(short)) {
                    problems.push(
                        self.spot(column)
                            .warning(format!(
                                "`{written}` is written `{}` in the standard",
                                value.text
                            ))
                            .with_hint("copy the value as the standard spells it"),
                    );
                    return Some(value.id.to_string());
                }
                let texts: Vec<&str> = table.iter().map(|v| v.text).collect();
                if let Some(problem) = unknown_choice(self.file, "value", written, &texts) {
                    let hint = format!(
                        "{} (values are separated by `|`)",
                        problem.hint.clone().unwrap_or_default()
                    );
                    problems.push(self.spot(column).locate(problem).with_hint(hint));
                }
                None
            })
            .collect();
        Checked::new(ids, problems)
    }
}

/// A SIRET or RNA number: 9 to 14 ASCII letters and digits.
fn is_pivot(value: &str) -> bool {
    (9..=14).contains(&value.len()) && value.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// An INSEE commune code: two digits (not 2x but 2A, 2B, 21 to 29) then three.
fn is_insee(value: &str) -> bool {
    let bytes = value.as_bytes();
    bytes.len() == 5
        && bytes[2..].iter().all(u8::is_ascii_digit)
        && match (bytes[0], bytes[1]) {
            (b'2', second) => matches!(second, b'A' | b'B' | b'1'..=b'9'),
            (first, second) => first.is_ascii_digit() && second.is_ascii_digit(),
        }
}

/// A phone number as the standard writes it: an allowed prefix, then 6 to 9 digits.
fn is_phone(value: &str) -> bool {
    PHONE_PREFIXES.iter().any(|prefix| {
        value.strip_prefix(prefix).is_some_and(|digits| {
            (6..=9).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit())
        })
    })
}

/// A number as the schema reads one: digits with a decimal point.
fn is_number(value: &str) -> bool {
    value.parse::<f64>().is_ok_and(f64::is_finite) && !value.contains(['e', 'E', 'i', 'n', 'N'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_follow_the_schema_patterns() {
        assert!(is_pivot("43493312300029") && is_pivot("W123456789"));
        assert!(!is_pivot("4349331230002900") && !is_pivot("4349 3312"));
        assert!(is_insee("51454") && is_insee("2A004") && is_insee("97411"));
        assert!(!is_insee("20004") && !is_insee("2C004") && !is_insee("5145"));
        assert!(is_phone("+33180059880") && is_phone("+262262000000"));
        assert!(
            !is_phone("01 80 05 98 80")
                && !is_phone("+32 2 000 00 00")
                && !is_phone("+3318005988012")
        );
        assert!(is_number("43.52609") && is_number("-1.5"));
        assert!(!is_number("43,52609") && !is_number("NaN") && !is_number("inf"));
    }

    #[test]
    fn the_header_is_recognised_by_its_required_columns() {
        let header: Vec<String> = COLUMNS.iter().map(ToString::to_string).collect();
        assert!(recognises(&header));
        let own: Vec<String> = ["name", "address", "postcode"].map(String::from).to_vec();
        assert!(!recognises(&own));
    }
}
