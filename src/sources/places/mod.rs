//! The directory of help places: where to send a person for more help (a public digital
//! space, a library, a social centre). Places are data in `places/`, beside `content/`:
//!
//! - `places/directory.yaml`: the services and audiences places may list, named in every
//!   language of the site, the names of spoken languages not built in, and a notice shown
//!   above the directory;
//! - any other `places/**/*.yaml`: one place (a mapping) or a list of places;
//! - `places/**/*.csv`: places as a spreadsheet exports them (see [`table`]), or as the
//!   national map of digital inclusion places publishes them in the French national standard
//!   (see [`standard`]), read as they are.
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
//! hours: { mo-fr: "09:00-12:00, 14:00-17:30", sa: "10:00-12:00", PH: closed }
//! phone: "+33 1 99 00 12 34"
//! email: "mediatheque@example.org"
//! website: "https://example.org"
//! wheelchair: yes          # yes | limited | no
//! note: { fr: "Sur rendez-vous le mardi." }
//! ```
//!
//! Hours are OpenStreetMap's `opening_hours` ([`hours`]); the simpler forms above are
//! translated into it. Every place is checked here; each problem names its file and line (and
//! its row and column in a CSV).

mod calendar;
mod check;
mod check_hours;
mod directory;
pub mod geography;
pub mod hours;
mod languages;
mod legacy;
mod place;
mod raw;
pub mod schedule;
mod spot;
pub mod standard;
mod table;
mod yaml;

pub use directory::{Directory, PLACES_DIR, VOCABULARY_FILE};
pub use legacy::clock;
pub use place::{Country, Details, Place, Wheelchair};
pub use spot::Spot;

#[cfg(test)]
mod tests;
