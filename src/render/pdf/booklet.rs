//! The booklet of a section or a learning path: its worksheets, already made, put together
//! behind a cover and contents that Typst lays out (see [`super::assemble`]).

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::assemble::assemble;
use super::cache::Key;
use super::compile::{Job, Made, Origin, TEMPLATE, Worksheets, json};
use super::reader::Pdf;
use crate::base::diagnostic::{Checked, Diagnostic};
use crate::model::{Output, Page, Site};

/// The data a booklet's skeleton receives.
#[derive(Serialize)]
struct BookletData<'a> {
    title: String,
    description: Option<String>,
    lang: String,
    site: String,
    count: usize,
    /// The worksheets in order, with how many pages each has.
    sheets: Vec<SheetEntry>,
    t: &'a serde_json::Value,
}

/// A worksheet in a booklet's contents.
#[derive(Serialize)]
struct SheetEntry {
    title: String,
    pages: usize,
}

/// What a worksheet PDF tells the booklet: how many pages it has, whether it is PDF/UA.
struct SheetFacts {
    pages: usize,
    ua: bool,
}

impl<'a> BookletData<'a> {
    /// The data of the booklet of `section`; the worksheets' pages are counted later.
    fn new(site: &'a Site, section: &Page) -> BookletData<'a> {
        let sheets: Vec<SheetEntry> = site
            .booklet_pages(section)
            .into_iter()
            .map(|page| SheetEntry {
                title: page.front.title.clone(),
                pages: 0,
            })
            .collect();
        BookletData {
            title: section.front.title.clone(),
            description: section.front.description.clone(),
            lang: section.lang.clone(),
            site: site
                .config
                .title
                .get(&section.lang, site.default_language()),
            count: sheets.len(),
            sheets,
            t: site.strings.of(&section.lang),
        }
    }
}

/// The fingerprint of the booklet of `section` whose worksheets have the fingerprints
/// `sheets`.
pub(super) fn key(
    worksheets: &Worksheets,
    site: &Site,
    section: &Page,
    sheets: &[Key],
) -> Checked<Option<Key>> {
    let origin = Origin::of(site, section, &Output::Booklet(section.id));
    json(&BookletData::new(site, section), &origin.file)
        .map(|data| data.map(|data| worksheets.key_of(&[b"booklet", &data], sheets, &origin)))
}

/// Makes the booklet of `section` from the PDFs of its worksheets, in order.
pub(super) fn make(
    worksheets: &Worksheets,
    site: &Site,
    section: &Page,
    sheets: &[PathBuf],
) -> Made {
    let origin = Origin::of(site, section, &Output::Booklet(section.id));
    let file = origin.file.clone();
    let facts = match sheets
        .iter()
        .map(|s| facts(s))
        .collect::<Result<Vec<_>, _>>()
    {
        Ok(facts) => facts,
        Err(error) => return failed(&file, error),
    };
    let mut data = BookletData::new(site, section);
    for (entry, facts) in data.sheets.iter_mut().zip(&facts) {
        entry.pages = facts.pages;
    }
    let sheet_pages: usize = facts.iter().map(|f| f.pages).sum();
    let all_ua = facts.iter().all(|f| f.ua);
    json(&data, &file).and_then(|data| {
        let main = format!("#import \"/theme/{TEMPLATE}\": *\n#booklet(json(\"/booklet.json\"))\n");
        let job = Job::new(
            origin,
            main,
            vec![("/booklet.json".into(), data)],
            Vec::new(),
        );
        worksheets.compile(job, all_ua).and_then(|skeleton| {
            let read = sheets
                .iter()
                .map(|s| std::fs::read(s).map_err(|e| e.to_string()));
            let put_together = assemble(&skeleton, sheet_pages, read);
            match put_together {
                Ok(bytes) => Checked::ok(Some(bytes)),
                Err(error) => failed(&file, error),
            }
        })
    })
}

/// How many pages a worksheet PDF has, and whether it claims PDF/UA.
fn facts(sheet: &Path) -> Result<SheetFacts, String> {
    let bytes = std::fs::read(sheet).map_err(|e| e.to_string())?;
    let pages = Pdf::parse(&bytes)?.pages()?.0.len();
    let ua = bytes.windows(12).any(|w| w == b"pdfuaid:part");
    Ok(SheetFacts { pages, ua })
}

fn failed(file: &Path, error: String) -> Made {
    Checked::failed(
        Diagnostic::error(file, format!("cannot put the booklet together: {error}")).with_hint(
            "the booklet template must make one page per worksheet page after the contents",
        ),
    )
}
