//! The static search index of a language, queried in the reader's browser with no server.
//!
//! Made with the analysis of [`super::analysis`], it is split into small files under
//! `search/<lang>/`, compressed at build time, so that a query downloads only what it needs:
//! - `meta.json`: the number of pages, where each shard starts, how many pages a document
//!   file holds, the synonym groups, the interface strings of the search box;
//! - `v/<n>.gz`: the vocabulary, every form readers may type (lower case, no accents) with
//!   its stem, one a line (`form`, `form<TAB>stem`, or `form<TAB>` for a stop word), in
//!   alphabetical shards, so that exact, prefix and typo-tolerant look-ups happen in the
//!   browser without a stemmer;
//! - `p/<n>.gz`: for each stem, its pages with their BM25 score, the kept chunks that have
//!   it and whether their title has it ([`super::postings`]), in alphabetical shards;
//! - `d/<n>.gz`: what results show of a run of pages (title, address, section, description,
//!   the place's address, the kept chunks of text), as JSON;
//! - `filters.gz`: the pages of each competence, area, level, audience and format.
//!
//! The pages are the language's pages but its home page, then the help places.

use std::collections::BTreeMap;
use std::hash::Hasher;

use rayon::prelude::*;
use rustc_hash::FxHasher;
use serde_json::{Value, json};

use super::analysis::Words;
use super::documents::{self, Searchable};
use super::gather::Gathered;
use super::postings;
use super::shards::{Cut, group, gzip, json_array};
use crate::model::{Page, SEARCH_META, Site};
use crate::sources::digcomp;

/// How each kind of file is cut: the vocabulary and the postings into shards of a few
/// kilobytes, the documents a page a file, all growing with the site so that a language
/// takes fewer than a thousand files.
const VOCABULARY: Cut = Cut {
    smallest: 16 * 1024,
    most: 100,
};
const POSTINGS: Cut = Cut {
    smallest: 4 * 1024,
    most: 300,
};
const DOCUMENTS: Cut = Cut {
    smallest: 1,
    most: 500,
};

/// At most how many pieces the pages are read in: each worker's piece stems its words anew.
const PIECES: usize = 16;

/// What the index reads: a page, or a help place by its number in the directory.
enum Source<'a> {
    Page(&'a Page),
    Place(usize),
}

impl Source<'_> {
    fn read(&self, site: &Site, lang: &str) -> Searchable {
        match self {
            Source::Page(page) => documents::page(site, page),
            Source::Place(index) => documents::place(site, lang, *index),
        }
    }
}

/// The files of the index of `lang` in `folder` (its address), paths relative to the
/// output's root.
pub fn render(site: &Site, lang: &str, folder: &str) -> Vec<(String, Vec<u8>)> {
    let pages = documents::pages(site, lang);
    let places = (0..site.directory.places.len()).map(Source::Place);
    let sources: Vec<Source> = pages
        .iter()
        .map(|p| Source::Page(p))
        .chain(places)
        .collect();
    let mut gathered = sources
        .par_iter()
        .enumerate()
        .with_min_len(sources.len().div_ceil(PIECES))
        .fold(
            || (Words::new(lang), Gathered::default()),
            |(mut words, mut gathered), (n, source)| {
                gathered.add(&mut words, n as u32, &source.read(site, lang));
                (words, gathered)
            },
        )
        .map(|(words, gathered)| gathered.finish(words))
        .reduce(Gathered::default, Gathered::merge);
    gathered.lengths.sort_unstable_by_key(|(n, _)| *n);
    gathered.shown.sort_unstable_by_key(|(n, _)| *n);
    let lengths: Vec<Option<f32>> = gathered.lengths.iter().map(|(_, l)| *l).collect();
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    let mut starts = |kind: &str, shards: Vec<(String, Vec<u8>)>| -> Vec<String> {
        shards
            .into_iter()
            .enumerate()
            .map(|(n, (start, bytes))| {
                files.push((format!("{kind}/{n}.gz"), bytes));
                start
            })
            .collect()
    };
    let vocabulary = starts("v", group(vocabulary(gathered.forms), VOCABULARY));
    let postings = starts(
        "p",
        group(postings::entries(gathered.postings, &lengths), POSTINGS),
    );
    let per_file = DOCUMENTS.per_file(gathered.shown.len());
    for (n, run) in gathered.shown.chunks(per_file).enumerate() {
        let shown = json_array(run.iter().map(|(_, bytes)| bytes.as_slice()));
        files.push((format!("d/{n}.gz"), shown));
    }
    files.push(("filters.gz".into(), filters(&pages)));
    let mut files: Vec<(String, Vec<u8>)> = files
        .into_par_iter()
        .map(|(name, bytes)| (name, gzip(&bytes)))
        .collect();
    let meta = json!({
        "version": version(&files),
        "lang": lang,
        "pages": lengths.len(),
        "vocabulary": vocabulary,
        "postings": postings,
        "documents": per_file,
        "synonyms": synonyms(site, lang),
        "strings": strings(site, lang),
    });
    files.push((SEARCH_META.into(), meta.to_string().into_bytes()));
    files
        .into_iter()
        .map(|(file, bytes)| (format!("{folder}{file}"), bytes))
        .collect()
}

/// Every form with its stem, as shard entries: a line `form`, `form<TAB>stem`, or
/// `form<TAB>` for a stop word.
fn vocabulary(forms: rustc_hash::FxHashMap<String, Option<String>>) -> Vec<(String, Vec<u8>)> {
    let mut forms: Vec<(String, Option<String>)> = forms.into_iter().collect();
    forms.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
    forms
        .into_iter()
        .map(|(form, stem)| {
            let line = match stem {
                Some(stem) if stem == form => format!("{form}\n"),
                Some(stem) => format!("{form}\t{stem}\n"),
                None => format!("{form}\t\n"),
            };
            (form, line.into_bytes())
        })
        .collect()
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
                    words
                        .filter_map(|(form, stem)| Some((form, stem?)))
                        .collect()
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
    let mut hash = FxHasher::default();
    for (name, bytes) in files {
        hash.write(name.as_bytes());
        hash.write(bytes);
    }
    format!("{:016x}", hash.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_vocabulary_says_the_stem_only_when_it_differs() {
        let forms = [("mot", Some("mot")), ("mots", Some("mot")), ("de", None)]
            .map(|(form, stem)| (form.to_string(), stem.map(str::to_string)));
        let lines: Vec<String> = vocabulary(forms.into_iter().collect())
            .into_iter()
            .map(|(_, line)| String::from_utf8(line).unwrap())
            .collect();
        assert_eq!(lines, ["de\t\n", "mot\n", "mots\tmot\n"]);
    }
}
