//! The directory: its vocabulary (services, audiences, spoken languages, a notice), read
//! from `places/directory.yaml` over the values of the national standard, and every place of
//! `places/`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use indexmap::IndexMap;
use rayon::prelude::*;
use serde::Deserialize;

use super::place::Place;
use super::schedule::Window;
use super::standard::values::{self, Value};
use super::{languages, table, yaml};
use crate::base::date::build_date;
use crate::base::diagnostic::{Checked, Diagnostic, Diagnostics, unknown_choice};
use crate::base::files::{is_ignored_name, read_optional};
use crate::base::text::fold;
use crate::base::yaml::{self as yaml_file, Spanned};
use crate::sources::config::{Localized, SiteConfig};

/// The folder of the directory inside a site.
pub const PLACES_DIR: &str = "places";

/// The file of the directory's vocabulary, inside [`PLACES_DIR`].
pub const VOCABULARY_FILE: &str = "directory.yaml";

/// The vocabulary of the directory and its places, ordered by city then name.
#[derive(Debug, Clone, PartialEq)]
pub struct Directory {
    /// A notice shown above the list ("these places are examples").
    pub notice: Option<Localized>,
    /// Each service's id and names: the site's own, then those of the national standard
    /// that the site does not map onto its own.
    pub services: IndexMap<String, Localized>,
    /// Each audience's id and names, likewise.
    pub audiences: IndexMap<String, Localized>,
    /// The names of the other values of the national standard (fees, how to come...), by id.
    pub names: BTreeMap<String, Localized>,
    /// Whether each town gets a printed list of its places.
    pub print: bool,
    /// The days whose openings are computed for "open now".
    pub window: Window,
    /// Services of the national standard counted as the site's own (standard id, site id).
    pub(super) standard_services: BTreeMap<String, String>,
    /// Audiences likewise.
    pub(super) standard_audiences: BTreeMap<String, String>,
    /// Names of spoken languages the site adds to the built-in ones.
    pub(super) spoken: BTreeMap<String, String>,
    /// Every place.
    pub places: Vec<Place>,
}

impl Default for Directory {
    fn default() -> Directory {
        Directory {
            notice: None,
            services: IndexMap::new(),
            audiences: IndexMap::new(),
            names: BTreeMap::new(),
            print: true,
            window: Window::around(build_date()),
            standard_services: BTreeMap::new(),
            standard_audiences: BTreeMap::new(),
            spoken: BTreeMap::new(),
            places: Vec::new(),
        }
    }
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
    #[serde(default)]
    standard: RawStandard,
    print: Option<bool>,
}

/// What `places/directory.yaml` says of the values of the national standard.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawStandard {
    /// New names, by id.
    #[serde(default)]
    names: BTreeMap<String, Spanned<Localized>>,
    /// Its services counted as the site's own (standard id: site id).
    #[serde(default)]
    services: BTreeMap<String, Spanned<String>>,
    /// Its audiences likewise.
    #[serde(default)]
    audiences: BTreeMap<String, Spanned<String>>,
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
        let checked: Vec<Checked<Option<Place>>> = raw
            .into_par_iter()
            .map(|place| directory.check(place))
            .collect();
        let places = checked
            .into_iter()
            .filter_map(|place| problems.take(place))
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
}

/// Reads `places/directory.yaml`, warning about names missing in a language of the site, and
/// adds the values of the national standard that it does not map onto its own.
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
                problems.extend(missing_languages(&file, config, &id, &name));
                (id, name.value)
            })
            .collect()
    };
    let own_services = names(raw.services);
    let own_audiences = names(raw.audiences);
    let standard_names = problems.take(standard_names(&file, raw.standard.names));
    let mut directory = Directory {
        notice: raw.notice,
        print: raw.print.unwrap_or(true),
        spoken: raw.languages,
        ..Directory::default()
    };
    let (services, map) = problems.take(with_standard(
        &file,
        own_services,
        (&values::SERVICES, raw.standard.services),
        &standard_names,
    ));
    (directory.services, directory.standard_services) = (services, map);
    let (audiences, map) = problems.take(with_standard(
        &file,
        own_audiences,
        (&values::AUDIENCES, raw.standard.audiences),
        &standard_names,
    ));
    (directory.audiences, directory.standard_audiences) = (audiences, map);
    directory.names = standard_names;
    Checked::new(directory, problems)
}

/// A warning for each language of the site that a name of the vocabulary lacks.
fn missing_languages(
    file: &Path,
    config: &SiteConfig,
    id: &str,
    name: &Spanned<Localized>,
) -> Diagnostics {
    let Localized::PerLanguage(map) = &name.value else {
        return Diagnostics::new();
    };
    config
        .languages
        .keys()
        .filter(|l| !map.contains_key(*l))
        .map(|lang| {
            let warning = Diagnostic::warning(file, format!("`{id}` has no name in {lang}"))
                .with_hint(format!("add `{lang}: \"...\"` under `{id}:`"));
            match yaml_file::line_of(name, 1) {
                Some(line) => warning.at_line(line),
                None => warning,
            }
        })
        .collect()
}

/// The names of every value of the national standard, by id: built in, or as `standard:
/// names:` renames them.
fn standard_names(
    file: &Path,
    renamed: BTreeMap<String, Spanned<Localized>>,
) -> Checked<BTreeMap<String, Localized>> {
    let mut names: BTreeMap<String, Localized> = values::all()
        .map(|value| (value.id.to_string(), built_in_name(value)))
        .collect();
    let ids: Vec<&str> = values::all().map(|v| v.id).collect();
    let mut problems = Diagnostics::new();
    for (id, name) in renamed {
        match unknown_choice_at(file, "value of the national standard", &id, &ids, &name) {
            Some(problem) => problems.push(problem),
            None => {
                names.insert(id, name.value);
            }
        }
    }
    Checked::new(names, problems)
}

/// The built-in names of a value, in French, Dutch and English.
fn built_in_name(value: &Value) -> Localized {
    let [fr, nl, en] = value.names;
    Localized::PerLanguage(
        [("fr", fr), ("nl", nl), ("en", en)]
            .into_iter()
            .map(|(lang, name)| (lang.to_string(), name.to_string()))
            .collect(),
    )
}

/// The site's own entries (services or audiences), then those of the national `standard`
/// not among them nor mapped onto them; and the map from standard ids to the site's.
fn with_standard(
    file: &Path,
    own: IndexMap<String, Localized>,
    (standard, mapped): (&[Value], BTreeMap<String, Spanned<String>>),
    names: &BTreeMap<String, Localized>,
) -> Checked<(IndexMap<String, Localized>, BTreeMap<String, String>)> {
    let mut problems = Diagnostics::new();
    let standard_ids: Vec<&str> = standard.iter().map(|v| v.id).collect();
    let mut all = own;
    for value in standard {
        if !all.contains_key(value.id) && !mapped.contains_key(value.id) {
            all.insert(value.id.to_string(), names[value.id].clone());
        }
    }
    let targets: Vec<&str> = all.keys().map(String::as_str).collect();
    let mut map = BTreeMap::new();
    for (id, target) in &mapped {
        let problem = unknown_choice_at(
            file,
            "value of the national standard",
            id,
            &standard_ids,
            target,
        )
        .or_else(|| unknown_choice_at(file, "id of this site", &target.value, &targets, target));
        match problem {
            Some(problem) => problems.push(problem),
            None => {
                map.insert(id.clone(), target.value.clone());
            }
        }
    }
    Checked::new((all, map), problems)
}

/// An error for a `value` that is none of `choices`, on the line of `at`.
fn unknown_choice_at<T>(
    file: &Path,
    what: &str,
    value: &str,
    choices: &[&str],
    at: &Spanned<T>,
) -> Option<Diagnostic> {
    let problem = unknown_choice(file, what, value, choices)?;
    Some(match yaml_file::line_of(at, 1) {
        Some(line) => problem.at_line(line),
        None => problem,
    })
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
