//! The directory: its vocabulary (services, audiences, spoken languages, a notice), read
//! from `places/directory.yaml`, and every place of `places/`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use indexmap::IndexMap;
use serde::Deserialize;

use super::place::Place;
use super::{languages, table, yaml};
use crate::base::diagnostic::{Checked, Diagnostic, Diagnostics};
use crate::base::files::{is_ignored_name, read_optional};
use crate::base::text::fold;
use crate::base::yaml::{self as yaml_file, Spanned};
use crate::sources::config::{Localized, SiteConfig};

/// The folder of the directory inside a site.
pub const PLACES_DIR: &str = "places";

/// The file of the directory's vocabulary, inside [`PLACES_DIR`].
pub const VOCABULARY_FILE: &str = "directory.yaml";

/// The vocabulary of the directory and its places, ordered by city then name.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Directory {
    /// A notice shown above the list ("these places are examples").
    pub notice: Option<Localized>,
    /// Each service's id and names.
    pub services: IndexMap<String, Localized>,
    /// Each audience's id and names.
    pub audiences: IndexMap<String, Localized>,
    /// Names of spoken languages the site adds to the built-in ones.
    pub(super) spoken: BTreeMap<String, String>,
    /// Every place.
    pub places: Vec<Place>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawVocabulary {
    notice: Option<Localized>,
    #[serde(default)]
    services: IndexMap<String, Spanned<Localized>>,
    #[serde(default)]
    audiences: IndexMap<String, Spanned<Localized>>,
    #[serde(default)]
    languages: BTreeMap<String, String>,
}

impl Directory {
    /// Reads the vocabulary and every place of `places/`; an absent folder is an empty
    /// directory.
    pub fn load(root: &Path, config: &SiteConfig) -> Checked<Directory> {
        if !root.join(PLACES_DIR).is_dir() {
            return Checked::ok(Directory::default());
        }
        let mut problems = Diagnostics::new();
        let mut directory = problems.take(vocabulary(root, config));
        let mut raw = Vec::new();
        for file in place_files(root) {
            let Some(text) = problems.take(read_optional(root, &file)) else {
                continue;
            };
            let places = if file.extension().is_some_and(|e| e == "csv") {
                table::places(&text, &file)
            } else {
                yaml::places(&text, &file)
            };
            raw.extend(problems.take(places));
        }
        let places = raw
            .into_iter()
            .filter_map(|place| problems.take(directory.check(place)))
            .collect();
        directory.places = problems.take(Directory::without_duplicate_slugs(places));
        directory
            .places
            .sort_by_cached_key(|p| (fold(&p.city), fold(&p.name)));
        Checked::new(directory, problems)
    }

    /// Whether the site has no place.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// The name of a spoken language, in itself.
    pub fn language_name(&self, code: &str) -> String {
        self.spoken
            .get(code)
            .cloned()
            .or_else(|| languages::built_in(code).map(str::to_string))
            .unwrap_or_else(|| code.to_string())
    }

    /// Whether the spoken language `code` is named in itself (a built-in one the site does
    /// not rename), so that its name can carry its `lang`.
    pub fn is_named_in_itself(&self, code: &str) -> bool {
        !self.spoken.contains_key(code) && languages::built_in(code).is_some()
    }

    /// The indices of the places of each city, cities in alphabetical order.
    pub fn cities(&self) -> Vec<(&str, Vec<usize>)> {
        let mut cities: Vec<(&str, Vec<usize>)> = Vec::new();
        for (index, place) in self.places.iter().enumerate() {
            match cities.last_mut() {
                Some((city, places)) if fold(city) == place.city_key() => places.push(index),
                _ => cities.push((&place.city, vec![index])),
            }
        }
        cities
    }
}

/// Reads `places/directory.yaml`, warning about names missing in a language of the site.
fn vocabulary(root: &Path, config: &SiteConfig) -> Checked<Directory> {
    let file = Path::new(PLACES_DIR).join(VOCABULARY_FILE);
    let mut problems = Diagnostics::new();
    let read = read_optional(root, &file).and_then(|text| {
        yaml_file::parse::<Option<RawVocabulary>>(&text, &file, 1)
            .map_problems(|d| d.with_hint("the directory's vocabulary has `services:` and `audiences:`, each id with its name per language, such as `ateliers: { fr: \"Ateliers collectifs\", en: \"Group workshops\" }`"))
    });
    let raw = problems.take(read).flatten().unwrap_or_default();
    let mut names = |list: IndexMap<String, Spanned<Localized>>| -> IndexMap<String, Localized> {
        list.into_iter()
            .map(|(id, name)| {
                if let Localized::PerLanguage(map) = &name.value {
                    for lang in config.languages.keys().filter(|l| !map.contains_key(*l)) {
                        let mut warning =
                            Diagnostic::warning(&file, format!("`{id}` has no name in {lang}"))
                                .with_hint(format!("add `{lang}: \"...\"` under `{id}:`"));
                        if let Some(line) = yaml_file::line_of(&name, 1) {
                            warning = warning.at_line(line);
                        }
                        problems.push(warning);
                    }
                }
                (id, name.value)
            })
            .collect()
    };
    let directory = Directory {
        notice: raw.notice,
        services: names(raw.services),
        audiences: names(raw.audiences),
        spoken: raw.languages,
        places: Vec::new(),
    };
    Checked::new(directory, problems)
}

/// The place files of `places/`, in a stable order: YAML files other than the vocabulary,
/// and CSV files.
fn place_files(root: &Path) -> Vec<PathBuf> {
    let vocabulary = Path::new(PLACES_DIR).join(VOCABULARY_FILE);
    walkdir::WalkDir::new(root.join(PLACES_DIR))
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_file())
        .filter(|entry| !is_ignored_name(&entry.file_name().to_string_lossy()))
        .filter_map(|entry| entry.path().strip_prefix(root).ok().map(Path::to_path_buf))
        .filter(|file| *file != vocabulary)
        .filter(|file| {
            file.extension()
                .is_some_and(|e| e == "yaml" || e == "yml" || e == "csv")
        })
        .collect()
}
