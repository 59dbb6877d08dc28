//! The index that the directory's filters read in the browser when the directory is split
//! into many pages, so that finding a town or a postcode never loads the whole directory:
//!
//! - `places/index.json`: the days the openings cover, and the keys of the town files;
//! - `places/where/<key>.json`: the towns whose postcodes, or one of whose words, start with
//!   the key's two letters or digits (`69`, `ly`, `gi` for Saint-Gilles), each with its
//!   postcodes, its number of places, its page and the files of its places;
//! - `places/leaf/<n>.json`: the places of listing page `n`, as its cards show them, with
//!   their openings over the coming weeks.
//!
//! Every file is the same in every language: names of services come from the page. Links to
//! pages are relative to the directory's first page, in the site's link style (naming
//! `index.html` in a portable site). A portable site gives each file its script twin, since
//! `places.js` reads them through the theme's shared loader.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::base::urls::LinkStyle;
use crate::model::{PLACE_INDEX, PLACE_INDEX_META, Site};
use crate::render::views::places::weekly;

/// The files of the index, by path in the output.
pub fn render(site: &Site) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    let mut towns_by_key: BTreeMap<String, Vec<Value>> = BTreeMap::new();
    for (index, town) in site.listings.towns.iter().enumerate() {
        let entry = town_entry(site, index);
        for key in keys(&town.name, &town.postcodes) {
            towns_by_key.entry(key).or_default().push(entry.clone());
        }
    }
    let window = &site.directory.window;
    let meta = json!({
        "from": window.start.to_string(),
        "days": window.days,
        "keys": towns_by_key.keys().collect::<Vec<_>>(),
    });
    files.push((
        format!("{PLACE_INDEX}{PLACE_INDEX_META}"),
        meta.to_string().into_bytes(),
    ));
    for (key, towns) in towns_by_key {
        files.push((
            format!("{PLACE_INDEX}where/{key}.json"),
            Value::from(towns).to_string().into_bytes(),
        ));
    }
    for (index, listing) in site.listings.pages.iter().enumerate() {
        if listing.towns.is_empty() {
            continue;
        }
        let places: Vec<Value> = listing
            .towns
            .iter()
            .flat_map(|(_, places)| places.iter().map(|&place| place_entry(site, place)))
            .collect();
        files.push((
            format!("{PLACE_INDEX}leaf/{index}.json"),
            Value::from(places).to_string().into_bytes(),
        ));
    }
    files
}

/// A town as the filters find it: `[name, postcodes, count, page, anchor, place files]`,
/// the link to its page from the directory's first page, its anchor there when its page
/// lists other towns too.
fn town_entry(site: &Site, index: usize) -> Value {
    let listings = &site.listings;
    let town = &listings.towns[index];
    let (page, anchor) = match listings.town_page(index) {
        Some(page) => (page, None),
        None => (
            listings.of_town[index],
            Some(listings.anchor(listings.of_town[index], index)),
        ),
    };
    let mut files: Vec<usize> = town.places.iter().map(|&p| listings.of_place[p]).collect();
    files.dedup();
    json!([
        town.name,
        town.postcodes,
        town.places.len(),
        page_link(site.config.link_style(), &listings.pages[page].folder),
        anchor,
        files,
    ])
}

/// A place as the filters show it: `[page, name, address, postcode, city, services,
/// languages, time zone, days of the week, dates that differ]`, the link to its page from
/// the directory's first page.
fn place_entry(site: &Site, index: usize) -> Value {
    let place = &site.directory.places[index];
    json!([
        page_link(site.config.link_style(), &format!("{}/", place.slug)),
        place.name,
        place.address,
        place.postcode,
        place.city,
        place.services,
        place.languages,
        place.time_zone,
        weekly(&place.schedule),
        place.schedule.exceptions,
    ])
}

/// The link to the page in `folder` under the directory's first page (empty for the first
/// page itself).
fn page_link(style: LinkStyle, folder: &str) -> String {
    style.link(if folder.is_empty() { "./" } else { folder })
}

/// The keys under which a town is found: the first two digits of each postcode, and the
/// first two letters from each word of its name on (`saint-gilles`: `sa`, `gi`).
fn keys(name: &str, postcodes: &[String]) -> Vec<String> {
    let mut keys: Vec<String> = postcodes
        .iter()
        .filter_map(|p| p.get(..2))
        .filter(|p| p.bytes().all(|b| b.is_ascii_digit()))
        .map(str::to_string)
        .collect();
    let ascii = deunicode::deunicode(name).to_lowercase();
    let words: Vec<&str> = ascii
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    for start in 0..words.len() {
        let key: String = words[start..].concat().chars().take(2).collect();
        if key.len() == 2 {
            keys.push(key);
        }
    }
    keys.sort();
    keys.dedup();
    keys
}

#[cfg(test)]
mod tests {
    use crate::base::urls::LinkStyle;

    #[test]
    fn links_name_index_html_in_a_portable_site() {
        assert_eq!(
            super::page_link(LinkStyle::Folder, "fr/69-rhone/lyon/"),
            "fr/69-rhone/lyon/"
        );
        assert_eq!(
            super::page_link(LinkStyle::File, "fr/69-rhone/lyon/"),
            "fr/69-rhone/lyon/index.html"
        );
        assert_eq!(super::page_link(LinkStyle::Folder, ""), "./");
        assert_eq!(super::page_link(LinkStyle::File, ""), "./index.html");
    }

    #[test]
    fn towns_are_found_by_postcode_and_by_each_word() {
        let keys = super::keys("L'Haÿ-les-Roses", &["94240".into()]);
        assert_eq!(keys, ["94", "ha", "le", "lh", "ro"]);
        let keys = super::keys("Saint-Gilles", &["1060".into(), "1060".into()]);
        assert_eq!(keys, ["10", "gi", "sa"]);
    }
}
