//! The static search index of a language, queried in the reader's browser with no server.
//!
//! Made with the analysis of [`super::analysis`], it is split into small JSON files under
//! `search/<lang>/` so that a query downloads only what it needs:
//! - `meta.json`: the number of pages, where each shard starts, the synonym groups, the
//!   interface strings of the search box;
//! - `v/<n>.json`: the vocabulary, every form readers may type (lower case, no accents)
//!   with its stem (`1` when the stem is the form itself, `0` for a stop word), in
//!   alphabetical shards, so that exact, prefix and typo-tolerant look-ups happen in the
//!   browser without a stemmer;
//! - `p/<n>.json`: for each stem, the pages that contain it and their BM25 score,
//!   as pairs `[page gap, score]`, in alphabetical shards;
//! - `d/<page>.json`: what a result shows: title, address, section, description, text;
//! - `filters.json`: the pages of each competence, area, level, audience and format.

use std::collections::BTreeMap;
use std::fmt::Write;

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use serde_json::{Value, json};

use super::analysis::Words;
use crate::markdown::text::{PlainText, plain};
use crate::model::{Page, PageKind, SEARCH_META, Site};
use crate::sources::digcomp;

/// How much a word counts in each part of a page. Headings are also part of the text.
const TITLE: f32 = 3.0;
const DESCRIPTION: f32 = 1.5;
const HEADING: f32 = 1.0;
/// What a word of the title adds, beyond its weight, once BM25 has saturated a word that a
/// long page repeats: a page about a thing names it in its title.
const TITLE_BONUS: f32 = 1.0;
/// BM25's saturation of repeated words and its normalisation by length.
const K1: f32 = 1.2;
const B: f32 = 0.75;
/// Scores are written as integers: this many units per point of BM25.
const SCORE_UNITS: f32 = 20.0;
/// The size a shard of each kind grows to before the next one starts, in bytes.
const VOCABULARY_SHARD: usize = 12 * 1024;
const POSTINGS_SHARD: usize = 24 * 1024;

/// A page that has a stem: its number, the stem's weighted count there, and whether its
/// title has it.
struct Posting {
    page: usize,
    count: f32,
    in_title: bool,
}

/// What the analysis of some pages gathers; workers gather apart, then merge.
#[derive(Default)]
struct Gathered {
    /// Every form with its stem (`None` for a stop word).
    forms: FxHashMap<String, Option<String>>,
    /// The pages of each stem.
    postings: FxHashMap<String, Vec<Posting>>,
    /// Each page's number of words, by page number.
    lengths: Vec<(usize, f32)>,
    /// What a result shows of each page, by page number.
    documents: Vec<(usize, Vec<u8>)>,
}

impl Gathered {
    /// Analyses page `n`: counts its stems, each part of it weighted, and keeps its document.
    fn add(&mut self, words: &mut Words, n: usize, site: &Site, page: &Page) {
        let text = plain(&page.document());
        let description = page.front.description.as_deref().unwrap_or_default();
        let parts = [
            (page.front.title.as_str(), TITLE),
            (description, DESCRIPTION),
        ];
        let headings = text.headings.iter().map(|h| (h.as_str(), HEADING));
        let body = std::iter::once((text.text.as_str(), 1.0));
        // Per word: its weighted count, and whether the title has it.
        let mut counts: FxHashMap<usize, (f32, bool)> = FxHashMap::default();
        let mut length = 0.0;
        for (part, (text, weight)) in parts.into_iter().chain(headings).chain(body).enumerate() {
            words.each(text, |id| {
                length += 1.0;
                let count = counts.entry(id).or_default();
                count.0 += weight;
                count.1 |= part == 0;
            });
        }
        // Several words may share a stem ("passe", "passer").
        let mut stems: FxHashMap<&str, (f32, bool)> = FxHashMap::default();
        for (id, (count, in_title)) in counts {
            if let Some(stem) = &words.word(id).stem {
                let total = stems.entry(stem).or_default();
                total.0 += count;
                total.1 |= in_title;
            }
        }
        for (stem, (count, in_title)) in stems {
            let posting = Posting {
                page: n,
                count,
                in_title,
            };
            match self.postings.get_mut(stem) {
                Some(list) => list.push(posting),
                None => {
                    self.postings.insert(stem.to_string(), vec![posting]);
                }
            }
        }
        self.lengths.push((n, length));
        self.documents.push((n, document(site, page, text)));
    }

    /// Keeps the forms a worker has seen.
    fn with_forms(mut self, words: Words) -> Gathered {
        for word in words.into_words() {
            self.add_form(word.form, word.stem);
        }
        self
    }

    /// A form folded from differently accented words keeps one stem: the smallest, so that
    /// two builds agree.
    fn add_form(&mut self, form: String, stem: Option<String>) {
        match self.forms.get_mut(&form) {
            Some(kept) if stem < *kept => *kept = stem,
            Some(_) => {}
            None => {
                self.forms.insert(form, stem);
            }
        }
    }

    fn merge(mut self, other: Gathered) -> Gathered {
        for (form, stem) in other.forms {
            self.add_form(form, stem);
        }
        for (stem, list) in other.postings {
            self.postings.entry(stem).or_default().extend(list);
        }
        self.lengths.extend(other.lengths);
        self.documents.extend(other.documents);
        self
    }
}

/// The files of the index of `lang` in `folder` (its address), paths relative to the
/// output's root.
pub fn render(site: &Site, lang: &str, folder: &str) -> Vec<(String, Vec<u8>)> {
    let pages: Vec<&Page> = site
        .pages
        .iter()
        .filter(|p| p.lang == lang && p.kind != PageKind::Home)
        .collect();
    let mut gathered = pages
        .par_iter()
        .enumerate()
        .fold(
            || (Words::new(lang), Gathered::default()),
            |(mut words, mut gathered), (n, page)| {
                gathered.add(&mut words, n, site, page);
                (words, gathered)
            },
        )
        .map(|(words, gathered)| gathered.with_forms(words))
        .reduce(Gathered::default, Gathered::merge);
    gathered.lengths.sort_unstable_by_key(|(n, _)| *n);
    gathered.documents.sort_unstable_by_key(|(n, _)| *n);
    let lengths: Vec<f32> = gathered.lengths.iter().map(|(_, l)| *l).collect();
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let vocabulary = shards(vocabulary(gathered.forms), VOCABULARY_SHARD);
    let postings = shards(postings(gathered.postings, &lengths), POSTINGS_SHARD);
    let mut starts = |kind: &str, shards: Vec<(String, String)>| -> Vec<String> {
        shards
            .into_iter()
            .enumerate()
            .map(|(n, (start, text))| {
                files.push((format!("{kind}/{n}.json"), text.into_bytes()));
                start
            })
            .collect()
    };
    let vocabulary = starts("v", vocabulary);
    let postings = starts("p", postings);
    for (n, document) in gathered.documents {
        files.push((format!("d/{n}.json"), document));
    }
    files.push(("filters.json".into(), filters(&pages)));
    let meta = json!({
        "version": version(&files),
        "lang": lang,
        "pages": pages.len(),
        "vocabulary": vocabulary,
        "postings": postings,
        "synonyms": synonyms(site, lang),
        "strings": strings(site, lang),
    });
    files.push((SEARCH_META.into(), meta.to_string().into_bytes()));
    files
        .into_iter()
        .map(|(file, bytes)| (format!("{folder}{file}"), bytes))
        .collect()
}

/// Every form with its stem, as shard entries: `1` for a form that is its own stem, `0` for
/// a stop word.
fn vocabulary(forms: FxHashMap<String, Option<String>>) -> Vec<(String, String)> {
    let mut forms: Vec<(String, Option<String>)> = forms.into_iter().collect();
    forms.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
    forms
        .into_iter()
        .map(|(form, stem)| {
            let value = match stem {
                None => "0".to_string(),
                Some(stem) if stem == form => "1".to_string(),
                Some(stem) => Value::from(stem).to_string(),
            };
            (form, value)
        })
        .collect()
}

/// For each stem, its pages and their BM25 scores, as shard entries `[gap, score, ...]`.
fn postings(postings: FxHashMap<String, Vec<Posting>>, lengths: &[f32]) -> Vec<(String, String)> {
    let pages = lengths.len() as f32;
    let average = (lengths.iter().sum::<f32>() / pages.max(1.0)).max(1.0);
    let mut by_stem: Vec<(String, Vec<Posting>)> = postings.into_iter().collect();
    by_stem.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
    by_stem
        .into_par_iter()
        .map(|(stem, mut found)| {
            found.sort_unstable_by_key(|p| p.page);
            let with = found.len() as f32;
            let idf = (1.0 + (pages - with + 0.5) / (with + 0.5)).ln();
            let mut previous = 0;
            let mut text = String::with_capacity(found.len() * 8);
            for posting in found {
                let norm = K1 * (1.0 - B + B * lengths[posting.page] / average);
                let bonus = if posting.in_title { TITLE_BONUS } else { 0.0 };
                let saturation = posting.count * (K1 + 1.0) / (posting.count + norm) + bonus;
                let score = (idf * saturation * SCORE_UNITS).round().max(1.0) as u32;
                let separator = if text.is_empty() { '[' } else { ',' };
                let _ = write!(text, "{separator}{},{score}", posting.page - previous);
                previous = posting.page;
            }
            text.push(']');
            (stem, text)
        })
        .collect()
}

/// Groups sorted entries into JSON objects of about `target` bytes: (first key, text).
fn shards(entries: Vec<(String, String)>, target: usize) -> Vec<(String, String)> {
    let mut shards: Vec<(String, String)> = Vec::new();
    for (key, value) in entries {
        let entry = format!("{}:{value}", Value::from(key.as_str()));
        match shards.last_mut() {
            Some((_, text)) if text.len() + entry.len() < target => {
                text.push(',');
                text.push_str(&entry);
            }
            _ => shards.push((key, format!("{{{entry}"))),
        }
    }
    for (_, text) in &mut shards {
        text.push('}');
    }
    if shards.is_empty() {
        shards.push((String::new(), "{}".into()));
    }
    shards
}

/// What a result shows of a page.
fn document(site: &Site, page: &Page, text: PlainText) -> Vec<u8> {
    let section = page
        .parent
        .map(|p| &site.pages[p])
        .filter(|p| p.kind == PageKind::Section);
    json!({
        "t": page.front.title,
        "u": page.path,
        "s": section.map(|s| &s.front.title),
        "d": page.front.description,
        "b": text.text,
    })
    .to_string()
    .into_bytes()
}

/// The pages of each filter value, numbered as in the index, as gaps.
fn filters(pages: &[&Page]) -> Vec<u8> {
    let framework = digcomp::framework();
    let mut filters: BTreeMap<&str, BTreeMap<String, Vec<usize>>> = BTreeMap::new();
    for (n, page) in pages.iter().enumerate() {
        let front = &page.front;
        let mut values: Vec<(&str, String)> = Vec::new();
        for competence in &front.competences {
            values.push(("competence", competence.id.clone()));
            if let Some(c) = framework.competence(&competence.id) {
                values.push(("area", c.area.clone()));
            }
            if let Some(level) = competence.level {
                values.push(("level", level.to_string()));
            }
        }
        values.extend(front.audience.iter().map(|a| ("audience", a.clone())));
        values.extend(front.format.iter().map(|f| ("format", f.clone())));
        for (filter, value) in values {
            let list = filters.entry(filter).or_default().entry(value).or_default();
            if list.last() != Some(&n) {
                list.push(n);
            }
        }
    }
    let gaps = |list: &Vec<usize>| -> Vec<usize> {
        let mut previous = 0;
        list.iter()
            .map(|&n| {
                let gap = n - previous;
                previous = n;
                gap
            })
            .collect()
    };
    let value: BTreeMap<&str, BTreeMap<&String, Vec<usize>>> = filters
        .iter()
        .map(|(filter, values)| (*filter, values.iter().map(|(v, l)| (v, gaps(l))).collect()))
        .collect();
    serde_json::to_vec(&value).unwrap_or_default()
}

/// The synonym groups of `lang` from its interface strings (`search.synonyms`), each
/// alternative analysed into its words, as the form a reader types and its stem:
/// `[[["courriel", "courriel"]], [["e", "e"], ["mail", "mail"]]]`.
fn synonyms(site: &Site, lang: &str) -> Vec<Vec<Vec<(String, String)>>> {
    let mut words = Words::new(lang);
    let groups = site
        .strings
        .of(lang)
        .pointer("/search/synonyms")
        .and_then(Value::as_array);
    groups
        .into_iter()
        .flatten()
        .filter_map(Value::as_array)
        .map(|group| {
            group
                .iter()
                .filter_map(Value::as_str)
                .map(|text| {
                    let words = words.of(text).into_iter();
                    words.filter_map(|w| Some((w.form, w.stem?))).collect()
                })
                .filter(|words: &Vec<(String, String)>| !words.is_empty())
                .collect::<Vec<_>>()
        })
        .filter(|group| group.len() > 1)
        .collect()
}

/// The interface strings the search box shows (`search.*`, synonyms apart).
fn strings(site: &Site, lang: &str) -> Value {
    let mut strings = site
        .strings
        .of(lang)
        .get("search")
        .cloned()
        .unwrap_or_default();
    if let Some(strings) = strings.as_object_mut() {
        strings.remove("synonyms");
    }
    strings
}

/// A short fingerprint of the files, so that browsers fetch the new shards after a build.
fn version(files: &[(String, Vec<u8>)]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in files
        .iter()
        .flat_map(|(name, bytes)| name.bytes().chain(bytes.iter().copied()))
    {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_start_at_their_first_key_and_stay_near_the_target() {
        let entries: Vec<(String, String)> = (0..100)
            .map(|n| (format!("w{n:03}"), "1".to_string()))
            .collect();
        let shards = shards(entries, 100);
        assert!(shards.len() > 5);
        assert_eq!(shards[0].0, "w000");
        for (start, text) in &shards {
            let parsed: serde_json::Map<String, Value> = serde_json::from_str(text).unwrap();
            assert_eq!(parsed.keys().next(), Some(start));
            assert!(text.len() <= 100);
        }
    }

    #[test]
    fn empty_index_still_has_one_shard() {
        assert_eq!(shards(Vec::new(), 100), [(String::new(), "{}".to_string())]);
    }

    #[test]
    fn postings_are_gaps_and_rare_words_score_higher() {
        let mut found: FxHashMap<String, Vec<Posting>> = FxHashMap::default();
        let mut has = |stem: &str, page: usize| {
            found.entry(stem.to_string()).or_default().push(Posting {
                page,
                count: 1.0,
                in_title: false,
            })
        };
        has("common", 2);
        has("common", 0);
        has("rare", 0);
        has("common", 1);
        let postings: BTreeMap<String, Vec<u32>> = postings(found, &[2.0, 1.0, 1.0])
            .into_iter()
            .map(|(stem, text)| (stem, serde_json::from_str(&text).unwrap()))
            .collect();
        let gaps: Vec<u32> = postings["common"].iter().step_by(2).copied().collect();
        assert_eq!(gaps, [0, 1, 1]);
        assert_eq!(postings["rare"][0], 0);
        assert!(postings["rare"][1] > postings["common"][1]);
    }

    #[test]
    fn a_folded_form_keeps_the_same_stem_whatever_the_order() {
        let mut one = Gathered::default();
        one.add_form("peche".into(), Some("pech".into()));
        one.add_form("peche".into(), Some("pec".into()));
        let mut other = Gathered::default();
        other.add_form("peche".into(), Some("pec".into()));
        other.add_form("peche".into(), Some("pech".into()));
        assert_eq!(one.forms["peche"], other.forms["peche"]);
    }
}
