//! Booklets put together from PDFs already made, without laying anything out again.
//!
//! Typst makes the booklet's *skeleton*: its cover and contents, then one empty page for each
//! page of its worksheets, then the pieces of its page numbers ([`super::numbers`]). The
//! booklet is the skeleton's cover and contents, then every page of every worksheet PDF in
//! order, each page but the cover with its number drawn at its top right. Links that point
//! to an empty page of the skeleton (those of the contents) point to the worksheet page that
//! takes its place. The worksheets keep their tags: each worksheet's `Document` becomes an
//! `Art` of the booklet's, their outlines follow the skeleton's, and their marked-content
//! keys and element ids are renumbered into the booklet's structure tree ([`super::input`]).

use super::input::{Input, Parts};
use super::numbers::PIECES;
use super::objects::Dict;
use super::output::Booklet;
use super::reader::{Error, Pdf};

/// Puts a booklet together from its `skeleton` and the worksheet PDFs in order, which have
/// `sheet_pages` pages in all.
pub(super) fn assemble(
    skeleton: &[u8],
    sheet_pages: usize,
    sheets: impl Iterator<Item = Result<Vec<u8>, Error>>,
) -> Result<Vec<u8>, Error> {
    let pdf = Pdf::parse(skeleton)?;
    let parts = Parts::of(&pdf)?;
    let front = parts
        .pages
        .len()
        .checked_sub(sheet_pages + PIECES)
        .ok_or("the skeleton has fewer pages than the worksheets")?;
    let total = front + sheet_pages;
    let mut booklet = Booklet::new(total);
    let skeleton = Input::new(pdf, &parts, &mut booklet, 0, "")?;
    let numbers = skeleton.numbers(&parts, total, &mut booklet)?;
    let document = skeleton.copy(&parts, &mut booklet, front, &numbers)?;
    let mut page = front;
    for (index, sheet) in sheets.enumerate() {
        let sheet = sheet?;
        let pdf = Pdf::parse(&sheet)?;
        let sheet_parts = Parts::of(&pdf)?;
        let end = page + sheet_parts.pages.len();
        if end > total {
            return Err("the worksheets have more pages than the skeleton".into());
        }
        let input = Input::new(pdf, &sheet_parts, &mut booklet, page, &format!("s{index}-"))?;
        input.copy_sheet(&sheet_parts, &mut booklet, page, &numbers, document.0)?;
        page = end;
    }
    if page != total {
        return Err("the worksheets have fewer pages than the skeleton".into());
    }
    let catalog = catalog(&skeleton, &parts);
    let mut trailer = Dict::default();
    for key in ["Info", "ID"] {
        if let Some(value) = skeleton.trailer(key) {
            trailer.set(key, value);
        }
    }
    Ok(booklet.finish(document, catalog, trailer))
}

/// The skeleton's catalog renumbered, without the roots the booklet writes itself.
fn catalog(skeleton: &Input, parts: &Parts) -> Dict {
    let mut catalog = Dict::default();
    for (key, value) in &parts.catalog.0 {
        let own = matches!(key.as_slice(), b"Pages" | b"StructTreeRoot" | b"Outlines");
        if !own && let Ok(value) = skeleton.renumber(value) {
            catalog.0.push((key.clone(), value));
        }
    }
    catalog
}
