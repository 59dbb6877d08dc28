//! What templates (the directory's listing pages, a place's page) and the printed list of a
//! town show of the help places: everything already in the reader's language.

use indexmap::IndexMap;
use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use serde::Serialize;

use super::hours::{self, Day, Note, Words};
use crate::base::text::fold;
use crate::model::listings::Area;
use crate::model::{Output, Site};
use crate::sources::config::Localized;
use crate::sources::places::Place;
use crate::sources::places::schedule::{Openings, Schedule};

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

/// What the national standard tells of a place, in words.
#[derive(Debug, Serialize)]
pub struct DetailsView {
    /// What it costs.
    pub fees: Vec<String>,
    /// How to come.
    pub access: Vec<String>,
    /// How people are helped.
    pub help: Vec<String>,
    /// Specific needs it can support.
    pub support: Vec<String>,
    /// National schemes it belongs to.
    pub schemes: Vec<String>,
    /// Whether it moves from place to place.
    pub mobile: bool,
    /// When its data was last updated, in words.
    pub updated: Option<String>,
}

/// A place as its page and printed lists show it.
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
    /// More of the address: floor, building.
    pub address_more: Option<String>,
    /// Postcode.
    pub postcode: String,
    /// City.
    pub city: String,
    /// ISO country code.
    pub country: String,
    /// Its time zone, for "open now".
    pub time_zone: String,
    /// Services offered.
    pub services: Vec<Named>,
    /// Audiences welcomed.
    pub audiences: Vec<Named>,
    /// Languages spoken, named in themselves.
    pub languages: Vec<Named>,
    /// Whether its hours are known.
    pub known_hours: bool,
    /// Its usual week, from Monday (empty when its hours have none).
    pub week: Vec<Day>,
    /// The other rules of its hours, in words.
    pub notes: Vec<Note>,
    /// Its openings over the coming weeks: each day of the week as `[day, opens, closes]`.
    pub hours: Vec<[u16; 3]>,
    /// The dates that differ, as `[offset in the window, openings]`.
    pub exceptions: Vec<(u16, Openings)>,
    /// Phone number, easy to read.
    pub phone: Option<String>,
    /// The `tel:` address of the phone.
    pub phone_link: Option<String>,
    /// Email addresses.
    pub emails: Vec<String>,
    /// Websites.
    pub websites: Vec<String>,
    /// Where to book online.
    pub booking: Option<String>,
    /// Its accessibility details online.
    pub accessibility: Option<String>,
    /// Wheelchair access, in words.
    pub wheelchair: Option<String>,
    /// A note for visitors.
    pub note: Option<String>,
    /// The language of the note, when it is not the page's.
    pub note_lang: Option<String>,
    /// What the national standard adds, in words.
    pub details: DetailsView,
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
        let strings = site.strings.of(lang);
        let words = Words::new(strings);
        let path = Output::Place(lang.to_string(), index).path(site);
        let (note, note_lang) = note(place, lang, fallback);
        PlaceView {
            permalink: format!("{}{path}", site.config.base_url),
            path,
            name: place.name.clone(),
            address: place.address.clone(),
            address_more: place.address_more.clone(),
            postcode: place.postcode.clone(),
            city: place.city.clone(),
            country: place.country.code.to_string(),
            time_zone: place.time_zone.to_string(),
            services: names(&place.services, &site.directory.services),
            audiences: names(&place.audiences, &site.directory.audiences),
            languages: place
                .languages
                .iter()
                .map(|code| Named::language(site, code))
                .collect(),
            known_hours: place.hours.is_some(),
            week: place
                .hours
                .as_ref()
                .map_or_else(Vec::new, |h| hours::week(h, &words)),
            notes: place
                .hours
                .as_ref()
                .map_or_else(Vec::new, |h| hours::notes(h, &words)),
            hours: weekly(&place.schedule),
            exceptions: place.schedule.exceptions.clone(),
            phone: place.phone.as_deref().map(readable_phone),
            phone_link: place.phone_link(),
            emails: place.emails.clone(),
            websites: place.websites.clone(),
            booking: place.booking.clone(),
            accessibility: place.accessibility.clone(),
            wheelchair: place.wheelchair.map(|w| site.strings.get(lang, w.key())),
            note,
            note_lang,
            details: details(site, place, lang, &words),
            map: map_link(place),
            coordinates: place.coordinates,
        }
    }
}

/// A place as a listing shows it: enough to find it, filter it and say whether it is open.
#[derive(Debug, Serialize)]
pub struct CardView {
    /// Its page, from the site root.
    pub path: String,
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
    /// Services offered.
    pub services: Vec<Named>,
    /// Codes of the languages spoken.
    pub languages: Vec<String>,
    /// Its time zone.
    pub time_zone: String,
    /// Each day of the week as `[day, opens, closes]`.
    pub hours: Vec<[u16; 3]>,
    /// The dates that differ, as `[offset in the window, openings]`.
    pub exceptions: Vec<(u16, Openings)>,
}

impl CardView {
    /// The card of the place at `index` of the directory, in `lang`.
    pub fn new(site: &Site, lang: &str, index: usize) -> CardView {
        let place = &site.directory.places[index];
        CardView {
            path: Output::Place(lang.to_string(), index).path(site),
            name: place.name.clone(),
            address: place.address.clone(),
            postcode: place.postcode.clone(),
            city: place.city.clone(),
            city_key: place.city_key(),
            services: place
                .services
                .iter()
                .map(|id| Named::defined(site, &site.directory.services, id, lang))
                .collect(),
            languages: place.languages.clone(),
            time_zone: place.time_zone.to_string(),
            hours: weekly(&place.schedule),
            exceptions: place.schedule.exceptions.clone(),
        }
    }
}

/// An area a listing page leads to, with how many places it has and what they offer.
#[derive(Debug, Serialize)]
pub struct AreaLink {
    /// Its name.
    pub name: String,
    /// Its listing page, from the site root.
    pub path: String,
    /// How many places it has.
    pub count: usize,
    /// How many of them offer each service, as `id:count` separated by spaces.
    pub services: String,
    /// The languages spoken in any of them, separated by spaces.
    pub languages: String,
}

/// The places of one town on a listing page.
#[derive(Debug, Serialize)]
pub struct TownView {
    /// The town's index in the directory, for its printed list.
    pub town: usize,
    /// Its name.
    pub name: String,
    /// Its anchor on the page.
    pub anchor: String,
    /// Its places on this page.
    pub places: Vec<CardView>,
}

/// A listing page of the directory.
#[derive(Debug, Serialize)]
pub struct ListingView {
    /// The name of its area; none for the directory's first page.
    pub area: Option<String>,
    /// Its number among its area's pages, from 1.
    pub page: usize,
    /// How many pages its area has.
    pub pages: usize,
    /// Each page of its area: number and address.
    pub numbers: Vec<(usize, String)>,
    /// How many places its area has.
    pub count: usize,
    /// The areas it leads to.
    pub children: Vec<AreaLink>,
    /// The places it shows, by town.
    pub towns: Vec<TownView>,
}

impl ListingView {
    /// The view of listing page `index` in `lang`.
    pub fn new(site: &Site, lang: &str, index: usize) -> ListingView {
        let listing = &site.listings.pages[index];
        let first = index + 1 - listing.page;
        ListingView {
            area: (index != 0).then(|| area_name(site, lang, &listing.area)),
            page: listing.page,
            pages: listing.pages,
            numbers: (first..first + listing.pages)
                .map(|page| (page + 1 - first, listing_path(site, lang, page)))
                .collect(),
            count: listing.count,
            children: listing
                .children
                .iter()
                .map(|&child| area_link(site, lang, child))
                .collect(),
            towns: listing
                .towns
                .iter()
                .map(|(town, places)| TownView {
                    town: *town,
                    name: site.listings.towns[*town].name.clone(),
                    anchor: site.listings.anchor(index, *town),
                    places: places
                        .iter()
                        .map(|&place| CardView::new(site, lang, place))
                        .collect(),
                })
                .collect(),
        }
    }
}

/// The address of listing page `index` in `lang`.
pub fn listing_path(site: &Site, lang: &str, index: usize) -> String {
    match index {
        0 => Output::Places(lang.to_string()).path(site),
        _ => Output::PlaceListing(lang.to_string(), index).path(site),
    }
}

/// The pages above listing page `index`, from the directory's first, as (name, address).
pub fn listing_trail(site: &Site, lang: &str, index: usize) -> Vec<(String, String)> {
    let mut trail = Vec::new();
    let mut at = site.listings.pages.get(index).and_then(|l| l.parent);
    while let Some(page) = at {
        let listing = &site.listings.pages[page];
        let name = match page {
            0 => site.strings.get(lang, "places.title"),
            _ => area_name(site, lang, &listing.area),
        };
        trail.push((name, listing_path(site, lang, page)));
        at = listing.parent;
    }
    trail.reverse();
    trail
}

/// The name of an area in `lang`.
pub fn area_name(site: &Site, lang: &str, area: &Area) -> String {
    match area {
        Area::All => site.strings.get(lang, "places.title"),
        Area::Country(code) => site.strings.get(lang, &format!("places.countries.{code}")),
        Area::Region(region) => region.names.get(lang).to_string(),
        Area::District(district) if district.code.starts_with(|c: char| c.is_ascii_digit()) => {
            format!("{} ({})", district.names.get(lang), district.code)
        }
        Area::District(district) => district.names.get(lang).to_string(),
        Area::Town(town) => site.listings.towns[*town].name.clone(),
        Area::Postcode(town, postcode) => {
            format!("{} {postcode}", site.listings.towns[*town].name)
        }
    }
}

/// The link to listing page `index`, with what its places offer.
fn area_link(site: &Site, lang: &str, index: usize) -> AreaLink {
    let listing = &site.listings.pages[index];
    let mut services: IndexMap<&str, usize> = IndexMap::new();
    let mut languages: Vec<&str> = Vec::new();
    for place in places_under(site, index) {
        let place = &site.directory.places[place];
        for service in &place.services {
            *services.entry(service).or_default() += 1;
        }
        for language in &place.languages {
            if !languages.contains(&language.as_str()) {
                languages.push(language);
            }
        }
    }
    AreaLink {
        name: area_name(site, lang, &listing.area),
        path: listing_path(site, lang, index),
        count: listing.count,
        services: services
            .iter()
            .map(|(id, n)| format!("{id}:{n}"))
            .collect::<Vec<_>>()
            .join(" "),
        languages: languages.join(" "),
    }
}

/// Every place under the listing page `index` (the first of its area): those of every page
/// of its area and of the pages they lead to.
fn places_under(site: &Site, index: usize) -> Vec<usize> {
    let pages = site.listings.pages[index].pages;
    let mut places = Vec::new();
    for page in &site.listings.pages[index..index + pages] {
        places.extend(page.towns.iter().flat_map(|(_, p)| p.iter().copied()));
        for &child in &page.children {
            places.extend(places_under(site, child));
        }
    }
    places
}

/// The services offered somewhere and the spoken languages of the directory, for the
/// filters: services in the vocabulary's order, languages by name.
pub fn filters(site: &Site, lang: &str) -> (Vec<Named>, Vec<Named>) {
    let places = &site.directory.places;
    let services = site
        .directory
        .services
        .keys()
        .filter(|id| places.iter().any(|p| p.services.contains(id)))
        .map(|id| Named::defined(site, &site.directory.services, id, lang))
        .collect();
    let mut codes: Vec<&String> = places.iter().flat_map(|p| &p.languages).collect();
    codes.sort();
    codes.dedup();
    let mut languages: Vec<Named> = codes
        .into_iter()
        .map(|code| Named::language(site, code))
        .collect();
    languages.sort_by_cached_key(|l| fold(&l.name));
    (services, languages)
}

/// The days of the week of a schedule as `[day, opens, closes]`.
pub fn weekly(schedule: &Schedule) -> Vec<[u16; 3]> {
    schedule
        .weekly
        .iter()
        .enumerate()
        .flat_map(|(day, openings)| openings.iter().map(move |[o, c]| [day as u16, *o, *c]))
        .collect()
}

/// The note of a place in `lang`, and its language when it is only written in another.
fn note(place: &Place, lang: &str, fallback: &str) -> (Option<String>, Option<String>) {
    let Some(note) = &place.note else {
        return (None, None);
    };
    let other = match note {
        Localized::PerLanguage(map) if !map.contains_key(lang) && map.len() == 1 => {
            map.keys().next().cloned()
        }
        _ => None,
    };
    (Some(note.get(lang, fallback)), other)
}

/// What the national standard tells of a place, named in `lang`.
fn details(site: &Site, place: &Place, lang: &str, words: &Words) -> DetailsView {
    let fallback = site.default_language();
    let names = |ids: &[String]| -> Vec<String> {
        ids.iter()
            .map(|id| {
                site.directory
                    .names
                    .get(id)
                    .map_or_else(|| id.clone(), |n| n.get(lang, fallback))
            })
            .collect()
    };
    let details = &place.details;
    DetailsView {
        fees: names(&details.fees),
        access: names(&details.access),
        help: names(&details.help),
        support: names(&details.support),
        schemes: names(&details.schemes),
        mobile: details.mobile,
        updated: details
            .updated
            .as_deref()
            .and_then(|date| words.full_date(date)),
    }
}

/// A French phone number written `+33180059880` as `+33 1 80 05 98 80`; any other as written.
fn readable_phone(phone: &str) -> String {
    match phone.strip_prefix("+33") {
        Some(digits) if digits.len() == 9 && digits.bytes().all(|b| b.is_ascii_digit()) => {
            let pairs: Vec<&str> = (1..9).step_by(2).map(|at| &digits[at..at + 2]).collect();
            format!("+33 {} {}", &digits[..1], pairs.join(" "))
        }
        _ => phone.to_string(),
    }
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

#[cfg(test)]
mod tests {
    #[test]
    fn french_numbers_are_grouped() {
        assert_eq!(super::readable_phone("+33180059880"), "+33 1 80 05 98 80");
        assert_eq!(super::readable_phone("+32 9 000 00 31"), "+32 9 000 00 31");
    }
}
