//! What templates (the directory page, a place's page) and the printed directory of a city
//! show of the help places: everything already in the reader's language.

use indexmap::IndexMap;
use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Serialize;

use crate::base::text::fold;
use crate::base::text::slugify;
use crate::model::{Output, Site};
use crate::sources::config::Localized;
use crate::sources::places::Place;
use crate::sources::places::hours::{self, Opening};

/// A service, an audience or a spoken language: its id and its name.
#[derive(Debug, Serialize)]
pub struct Named {
    /// Its id (`ateliers`, `ar`).
    pub id: String,
    /// Its name for the reader.
    pub name: String,
    /// The language its name is written in, when not the page's (a spoken language named
    /// in itself).
    pub lang: Option<String>,
}

impl Named {
    /// An entry of the directory's vocabulary (a service, an audience) named in `lang`;
    /// an id the vocabulary lacks is shown as it is.
    fn defined(site: &Site, list: &IndexMap<String, Localized>, id: &str, lang: &str) -> Named {
        Named {
            id: id.to_string(),
            name: list
                .get(id)
                .map_or_else(|| id.to_string(), |n| n.get(lang, site.default_language())),
            lang: None,
        }
    }

    /// A spoken language of the directory, named in itself when built in.
    fn language(site: &Site, code: &str) -> Named {
        Named {
            id: code.to_string(),
            name: site.directory.language_name(code),
            lang: site
                .directory
                .is_named_in_itself(code)
                .then(|| code.to_string()),
        }
    }
}

/// One day of a place's week.
#[derive(Debug, Serialize)]
pub struct Day {
    /// 0 = Monday … 6 = Sunday (templates name it with `t.places.days[day]`).
    pub day: u8,
    /// Its opening times (`09:00–12:00`); none when closed.
    pub times: Vec<String>,
}

/// A place as pages and printed directories show it.
#[derive(Debug, Serialize)]
pub struct PlaceView {
    /// Its page, from the site root.
    pub path: String,
    /// Its full address online.
    pub permalink: String,
    /// Its name.
    pub name: String,
    /// Street and number.
    pub address: String,
    /// Postcode.
    pub postcode: String,
    /// City.
    pub city: String,
    /// The city as filters compare it.
    pub city_key: String,
    /// ISO country code.
    pub country: String,
    /// The country's time zone, for "open now".
    pub time_zone: String,
    /// Services offered.
    pub services: Vec<Named>,
    /// Audiences welcomed.
    pub audiences: Vec<Named>,
    /// Languages spoken, named in themselves.
    pub languages: Vec<Named>,
    /// The week, from Monday.
    pub week: Vec<Day>,
    /// The hours as `[day, opens, closes]` in minutes, for the browser.
    pub hours: Vec<[u16; 3]>,
    /// Phone number as written, and as a `tel:` address.
    pub phone: Option<String>,
    /// The `tel:` address of the phone.
    pub phone_link: Option<String>,
    /// Email address.
    pub email: Option<String>,
    /// Website.
    pub website: Option<String>,
    /// Wheelchair access, in words.
    pub wheelchair: Option<String>,
    /// A note for visitors.
    pub note: Option<String>,
    /// The place on OpenStreetMap: at its coordinates, else a search for its address.
    pub map: String,
    /// Latitude and longitude.
    pub coordinates: Option<(f64, f64)>,
}

impl PlaceView {
    /// The view of the place at `index` of the directory, in `lang`.
    pub fn new(site: &Site, lang: &str, index: usize) -> PlaceView {
        let place = &site.directory.places[index];
        let fallback = site.default_language();
        let names = |ids: &[String], list: &IndexMap<String, Localized>| {
            ids.iter()
                .map(|id| Named::defined(site, list, id, lang))
                .collect()
        };
        let path = Output::Place(lang.to_string(), index).path(site);
        PlaceView {
            permalink: format!("{}{path}", site.config.base_url),
            path,
            name: place.name.clone(),
            address: place.address.clone(),
            postcode: place.postcode.clone(),
            city: place.city.clone(),
            city_key: place.city_key(),
            country: place.country.code.to_string(),
            time_zone: place.country.time_zone.to_string(),
            services: names(&place.services, &site.directory.services),
            audiences: names(&place.audiences, &site.directory.audiences),
            languages: place
                .languages
                .iter()
                .map(|code| Named::language(site, code))
                .collect(),
            week: week(&place.hours),
            hours: place
                .hours
                .iter()
                .map(|o| [u16::from(o.day), o.opens, o.closes])
                .collect(),
            phone: place.phone.clone(),
            phone_link: place.phone_link(),
            email: place.email.clone(),
            website: place.website.clone(),
            wheelchair: place.wheelchair.map(|w| site.strings.get(lang, w.key())),
            note: place.note.as_ref().map(|n| n.get(lang, fallback)),
            map: map_link(place),
            coordinates: place.coordinates,
        }
    }
}

/// The places of one city, with their printable list.
#[derive(Debug, Serialize)]
pub struct CityView {
    /// The city's name.
    pub name: String,
    /// Its anchor on the directory page.
    pub slug: String,
    /// Its places.
    pub places: Vec<PlaceView>,
}

/// Every city of the directory in `lang`, in alphabetical order.
pub fn cities(site: &Site, lang: &str) -> Vec<CityView> {
    site.directory
        .cities()
        .into_iter()
        .map(|(name, places)| CityView {
            name: name.to_string(),
            slug: slugify(name),
            places: places
                .into_iter()
                .map(|index| PlaceView::new(site, lang, index))
                .collect(),
        })
        .collect()
}

/// The services and the spoken languages of the directory, for the filters: every service
/// in the vocabulary's order, the languages spoken somewhere by name.
pub fn filters(site: &Site, lang: &str) -> (Vec<Named>, Vec<Named>) {
    let services = site
        .directory
        .services
        .keys()
        .map(|id| Named::defined(site, &site.directory.services, id, lang))
        .collect();
    let mut codes: Vec<&String> = site
        .directory
        .places
        .iter()
        .flat_map(|p| &p.languages)
        .collect();
    codes.sort();
    codes.dedup();
    let mut languages: Vec<Named> = codes
        .into_iter()
        .map(|code| Named::language(site, code))
        .collect();
    languages.sort_by_cached_key(|l| fold(&l.name));
    (services, languages)
}

/// The seven days from Monday with their opening times.
fn week(hours: &[Opening]) -> Vec<Day> {
    (0..7)
        .map(|day| Day {
            day,
            times: hours
                .iter()
                .filter(|o| o.day == day)
                .map(|o| format!("{}–{}", hours::clock(o.opens), hours::clock(o.closes)))
                .collect(),
        })
        .collect()
}

/// The place on OpenStreetMap.
fn map_link(place: &Place) -> String {
    match place.coordinates {
        Some((lat, lon)) => {
            format!("https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=18/{lat}/{lon}")
        }
        None => {
            let query = format!(
                "{}, {} {}, {}",
                place.address, place.postcode, place.city, place.country.code
            );
            format!(
                "https://www.openstreetmap.org/search?query={}",
                utf8_percent_encode(&query, NON_ALPHANUMERIC)
            )
        }
    }
}
