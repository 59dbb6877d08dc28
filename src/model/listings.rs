//! The directory of help places as pages: its towns, each with its printed list, and the
//! listing pages that lead to them. A directory small enough is one page; a larger one is
//! split by country, région, département (or province), town and postcode, each page listing
//! the areas under it, until an area has few enough places to list them, grouped by town. A
//! level with a single area is skipped, and an area still too large for one page (a town of
//! a single postcode) is cut into numbered pages. Every page is reached by plain links.

use crate::base::text::{fold, slugify};
use crate::sources::places::geography::{self, District, Region};
use crate::sources::places::{Directory, Place};

/// The most places a listing page shows.
pub const PAGE_PLACES: usize = 100;

/// A town of the directory.
#[derive(Debug, Clone, PartialEq)]
pub struct Town {
    /// Its name, as its first place writes it.
    pub name: String,
    /// Its country's ISO code.
    pub country: &'static str,
    /// Its département or province, when known.
    pub district: Option<&'static District>,
    /// The last part of its address (`lyon`).
    pub slug: String,
    /// Its folder under the directory (`fr/69-rhone/lyon/`).
    pub folder: String,
    /// Its postcodes, in order.
    pub postcodes: Vec<String>,
    /// Its places, by name.
    pub places: Vec<usize>,
}

/// What a listing page covers.
#[derive(Debug, Clone, PartialEq)]
pub enum Area {
    /// The whole directory.
    All,
    /// A country, by ISO code.
    Country(&'static str),
    /// A région.
    Region(&'static Region),
    /// A département or province.
    District(&'static District),
    /// A town.
    Town(usize),
    /// The places of a town at one postcode.
    Postcode(usize, String),
}

/// A listing page: the areas under its own, or places grouped by town.
#[derive(Debug, Clone, PartialEq)]
pub struct Listing {
    /// What it covers.
    pub area: Area,
    /// Its folder under the directory (`fr/auvergne-rhone-alpes/`), empty for the first.
    pub folder: String,
    /// Its number among the pages of its area, from 1.
    pub page: usize,
    /// How many pages its area has.
    pub pages: usize,
    /// The page that links to it.
    pub parent: Option<usize>,
    /// The pages of the areas it lists.
    pub children: Vec<usize>,
    /// The places it shows, by town.
    pub towns: Vec<(usize, Vec<usize>)>,
    /// How many places its area has.
    pub count: usize,
}

/// The towns and listing pages of a directory.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Listings {
    /// Every town, by country, district and name.
    pub towns: Vec<Town>,
    /// Every listing page; the first is the directory's own page.
    pub pages: Vec<Listing>,
    /// For each place, the page that shows it.
    pub of_place: Vec<usize>,
    /// For each town, the first page that shows its places.
    pub of_town: Vec<usize>,
    /// For each place, its town.
    pub town_of: Vec<usize>,
}

/// An area while the pages are laid out: its places, and the areas under it.
struct Node {
    area: Area,
    folder: String,
    order: String,
    children: Vec<Node>,
    /// The places of a town or postcode, by town.
    towns: Vec<(usize, Vec<usize>)>,
    count: usize,
}

impl Listings {
    /// The towns and pages of `directory`.
    pub fn new(directory: &Directory) -> Listings {
        let towns = towns(&directory.places);
        let mut town_of = vec![0; directory.places.len()];
        for (index, town) in towns.iter().enumerate() {
            for &place in &town.places {
                town_of[place] = index;
            }
        }
        let mut listings = Listings {
            of_place: vec![0; directory.places.len()],
            of_town: vec![usize::MAX; towns.len()],
            town_of,
            ..Listings::default()
        };
        let tree = tree(&towns, &directory.places);
        listings.towns = towns;
        if !listings.towns.is_empty() {
            listings.lay_out(&tree, None);
        }
        listings
    }

    /// The pages of `node` under the page `parent`; returns the first.
    fn lay_out(&mut self, node: &Node, parent: Option<usize>) -> usize {
        let mut shown = node;
        while let [only] = shown.children.as_slice() {
            shown = only;
        }
        if node.count <= PAGE_PLACES || shown.children.is_empty() {
            return self.leaf(node, parent);
        }
        let index = self.pages.len();
        self.pages.push(Listing {
            area: node.area.clone(),
            folder: node.folder.clone(),
            page: 1,
            pages: 1,
            parent,
            children: Vec::new(),
            towns: Vec::new(),
            count: node.count,
        });
        for child in &shown.children {
            let page = self.lay_out(child, Some(index));
            self.pages[index].children.push(page);
        }
        index
    }

    /// The pages listing every place of `node`, by town in alphabetical order,
    /// [`PAGE_PLACES`] at most on each.
    fn leaf(&mut self, node: &Node, parent: Option<usize>) -> usize {
        let mut flat: Vec<(usize, usize)> = Vec::new();
        collect_places(node, &mut flat);
        flat.sort_by_cached_key(|(town, _)| (fold(&self.towns[*town].name), *town));
        let chunks: Vec<&[(usize, usize)]> = flat.chunks(PAGE_PLACES).collect();
        let first = self.pages.len();
        for (number, chunk) in chunks.iter().enumerate() {
            let index = self.pages.len();
            let mut towns: Vec<(usize, Vec<usize>)> = Vec::new();
            for &(town, place) in *chunk {
                match towns.last_mut() {
                    Some((last, places)) if *last == town => places.push(place),
                    _ => towns.push((town, vec![place])),
                }
                self.of_place[place] = index;
            }
            for (town, _) in &towns {
                if self.of_town[*town] == usize::MAX {
                    self.of_town[*town] = index;
                }
            }
            self.pages.push(Listing {
                area: node.area.clone(),
                folder: match number {
                    0 => node.folder.clone(),
                    n => format!("{}{}/", node.folder, n + 1),
                },
                page: number + 1,
                pages: chunks.len(),
                parent,
                children: Vec::new(),
                towns,
                count: node.count,
            });
        }
        first
    }

    /// The anchor of `town` on listing page `page`: `city-lyon`, with the town's number
    /// when another town of that page has the same name.
    pub fn anchor(&self, page: usize, town: usize) -> String {
        let slug = &self.towns[town].slug;
        let shared = self.pages[page]
            .towns
            .iter()
            .any(|(other, _)| *other != town && &self.towns[*other].slug == slug);
        match shared {
            true => format!("city-{slug}-{town}"),
            false => format!("city-{slug}"),
        }
    }

    /// The page of a town's own, when it has one.
    pub fn town_page(&self, town: usize) -> Option<usize> {
        self.pages
            .iter()
            .position(|page| page.area == Area::Town(town) && page.page == 1)
    }
}

/// Every place of `node`, as (town, place), in order.
fn collect_places(node: &Node, flat: &mut Vec<(usize, usize)>) {
    for (town, places) in &node.towns {
        flat.extend(places.iter().map(|&place| (*town, place)));
    }
    for child in &node.children {
        collect_places(child, flat);
    }
}

/// The towns of the places, each with its places (in the directory's order) and postcodes.
fn towns(places: &[Place]) -> Vec<Town> {
    let mut towns: Vec<Town> = Vec::new();
    let mut index: std::collections::HashMap<(String, &str, String), usize> =
        std::collections::HashMap::new();
    for (at, place) in places.iter().enumerate() {
        let district = geography::district(place.country.code, &place.postcode);
        let slug = slugify(&place.city);
        let key = (
            place.country.code.to_string(),
            district.map_or("", |d| d.code),
            slug.clone(),
        );
        let town = *index.entry(key).or_insert_with(|| {
            let country = place.country.code.to_lowercase();
            let folder = match district {
                Some(district) => format!("{country}/{}/{slug}/", district.slug),
                None => format!("{country}/{slug}/"),
            };
            towns.push(Town {
                name: place.city.clone(),
                country: place.country.code,
                district,
                slug,
                folder,
                postcodes: Vec::new(),
                places: Vec::new(),
            });
            towns.len() - 1
        });
        let town = &mut towns[town];
        town.places.push(at);
        if !town.postcodes.contains(&place.postcode) {
            town.postcodes.push(place.postcode.clone());
        }
    }
    for town in &mut towns {
        town.postcodes.sort();
    }
    towns
}

/// The tree of areas: countries, régions, districts, towns and, in a town of several
/// postcodes, its postcodes.
fn tree(towns: &[Town], places: &[Place]) -> Node {
    let mut root = Node::new(Area::All, String::new(), String::new());
    for (index, town) in towns.iter().enumerate() {
        let country = town.country.to_lowercase();
        let mut node = root.child(
            Area::Country(town.country),
            format!("{country}/"),
            country.clone(),
        );
        if let Some(district) = town.district {
            let region = district.region;
            node = node.child(
                Area::Region(region),
                format!("{country}/{}/", region.slug),
                region.slug.to_string(),
            );
            node = node.child(
                Area::District(district),
                format!("{country}/{}/", district.slug),
                district.slug.to_string(),
            );
        }
        node.children.push(town_node(index, town, places));
    }
    root.finish();
    root
}

/// A town's node: its places, or its postcodes when it has several.
fn town_node(index: usize, town: &Town, places: &[Place]) -> Node {
    let mut node = Node::new(Area::Town(index), town.folder.clone(), fold(&town.name));
    if town.postcodes.len() == 1 {
        node.towns.push((index, town.places.clone()));
        return node;
    }
    for postcode in &town.postcodes {
        let mut child = Node::new(
            Area::Postcode(index, postcode.clone()),
            format!("{}{}/", town.folder, slugify(postcode)),
            postcode.clone(),
        );
        let at: Vec<usize> = town
            .places
            .iter()
            .copied()
            .filter(|p| &places[*p].postcode == postcode)
            .collect();
        child.towns.push((index, at));
        node.children.push(child);
    }
    node
}

impl Node {
    fn new(area: Area, folder: String, order: String) -> Node {
        Node {
            area,
            folder,
            order,
            children: Vec::new(),
            towns: Vec::new(),
            count: 0,
        }
    }

    /// The child of this area for `area`, made when missing.
    fn child(&mut self, area: Area, folder: String, order: String) -> &mut Node {
        let at = match self.children.iter().position(|c| c.area == area) {
            Some(at) => at,
            None => {
                self.children.push(Node::new(area, folder, order));
                self.children.len() - 1
            }
        };
        &mut self.children[at]
    }

    /// Counts the places of every area and puts the areas in order.
    fn finish(&mut self) -> usize {
        self.children.sort_by(|a, b| a.order.cmp(&b.order));
        let own: usize = self.towns.iter().map(|(_, places)| places.len()).sum();
        self.count = own + self.children.iter_mut().map(Node::finish).sum::<usize>();
        self.count
    }
}
