//! A help place, once checked: where it is, what it offers, when it is open, how to reach it.

use std::path::PathBuf;

use super::hours::Hours;
use super::schedule::Schedule;
use crate::base::text::fold;
use crate::sources::config::Localized;

/// The countries places may be in: the form of their postcodes and their time zone.
pub(super) const COUNTRIES: [Country; 6] = [
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
    pub(super) postcode: &'static str,
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

    pub(super) fn find(code: &str) -> Option<Country> {
        COUNTRIES
            .into_iter()
            .find(|c| c.code.eq_ignore_ascii_case(code.trim()))
    }

    /// Whether `postcode` has this country's form.
    pub(super) fn fits(&self, postcode: &str) -> bool {
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

/// What the national standard tells of a place beyond its address, services and hours, as
/// ids of its values (see [`values`](super::standard::values)).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Details {
    /// What it costs (`gratuit`, `payant`).
    pub fees: Vec<String>,
    /// How to come (`sur-place`, `telephone`, `rdv-en-ligne`).
    pub access: Vec<String>,
    /// How people are helped (`individuel`, `atelier`).
    pub help: Vec<String>,
    /// Specific needs it can support (`surdite`, `illettrisme`).
    pub support: Vec<String>,
    /// National schemes it belongs to (`france-services`).
    pub schemes: Vec<String>,
    /// Whether it moves from place to place (a bus, a helper on tour).
    pub mobile: bool,
    /// When its data was last updated (`2024-04-02`).
    pub updated: Option<String>,
}

/// A place where people get help.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// The last part of its address (`mediatheque-des-tilleuls`).
    pub slug: String,
    /// Its id in a file of the national standard.
    pub id: Option<String>,
    /// Its name.
    pub name: String,
    /// Street and number.
    pub address: String,
    /// More of the address: floor, building.
    pub address_more: Option<String>,
    /// Postcode, as written.
    pub postcode: String,
    /// City.
    pub city: String,
    /// Country.
    pub country: Country,
    /// Its IANA time zone, for "open now".
    pub time_zone: &'static str,
    /// Latitude and longitude.
    pub coordinates: Option<(f64, f64)>,
    /// Ids of the services it offers, from the directory's list.
    pub services: Vec<String>,
    /// Ids of the audiences it welcomes.
    pub audiences: Vec<String>,
    /// Codes of the languages spoken there.
    pub languages: Vec<String>,
    /// When it is open, when known.
    pub hours: Option<Hours>,
    /// When it is open over the coming weeks (empty when the hours are unknown).
    pub schedule: Schedule,
    /// Phone number, as written.
    pub phone: Option<String>,
    /// Email addresses.
    pub emails: Vec<String>,
    /// Websites, http(s) addresses.
    pub websites: Vec<String>,
    /// The address where visitors book online.
    pub booking: Option<String>,
    /// The address of its accessibility details (acceslibre).
    pub accessibility: Option<String>,
    /// Wheelchair access, when known.
    pub wheelchair: Option<Wheelchair>,
    /// A note for visitors ("on appointment").
    pub note: Option<Localized>,
    /// What the national standard adds.
    pub details: Details,
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
