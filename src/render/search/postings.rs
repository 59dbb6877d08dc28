//! The postings of the static index: for each stem, the pages that have it with their BM25
//! score and flags, written as bytes the browser reads with a few lines of code.
//!
//! An entry is the stem's length in bytes and the stem (UTF-8), the number of pages, then for
//! each page three numbers: the gap from the previous page's number, the score, and the
//! flags (the kept chunks that have the stem, and whether the title has it). Every number is
//! a variable-length integer: seven bits a byte, low bits first, the high bit set on every
//! byte but the last.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::gather::{IN_TITLE, Posting, Runs};

/// BM25's saturation of repeated words and its normalisation by length.
const K1: f32 = 1.2;
const B: f32 = 0.75;
/// What a word of the title adds, beyond its weight, once BM25 has saturated a word that a
/// long page repeats: a page about a thing names it in its title.
const TITLE_BONUS: f32 = 1.0;
/// Scores are written as integers: this many units per point of BM25.
const SCORE_UNITS: f32 = 20.0;

/// Every stem's entry, in the order of the stems, with the stem. `lengths` are the pages'
/// numbers of words, `None` for a page that counts as one of average length.
pub(super) fn entries(
    postings: FxHashMap<String, Runs>,
    lengths: &[Option<f32>],
) -> Vec<(String, Vec<u8>)> {
    let pages = lengths.len() as f32;
    let known: Vec<f32> = lengths.iter().flatten().copied().collect();
    let average = (known.iter().sum::<f32>() / (known.len() as f32).max(1.0)).max(1.0);
    let mut by_stem: Vec<(String, Runs)> = postings.into_iter().collect();
    by_stem.par_sort_unstable_by(|a, b| a.0.cmp(&b.0));
    by_stem
        .into_par_iter()
        .map(|(stem, mut runs)| {
            runs.sort_unstable_by_key(|run| run.first().map(|p| p.page));
            let found = runs.iter().flatten();
            let with = runs.iter().map(Vec::len).sum::<usize>();
            let idf = (1.0 + (pages - with as f32 + 0.5) / (with as f32 + 0.5)).ln();
            let mut bytes = Vec::with_capacity(stem.len() + 4 + with * 4);
            varint(&mut bytes, stem.len() as u32);
            bytes.extend_from_slice(stem.as_bytes());
            varint(&mut bytes, with as u32);
            let mut previous = 0;
            for posting in found {
                let length = lengths
                    .get(posting.page as usize)
                    .copied()
                    .flatten()
                    .unwrap_or(average);
                varint(&mut bytes, posting.page - previous);
                varint(&mut bytes, score(*posting, idf, length / average));
                varint(&mut bytes, u32::from(posting.flags));
                previous = posting.page;
            }
            (stem, bytes)
        })
        .collect()
}

/// The BM25 score of a page for a stem, in [`SCORE_UNITS`], at least 1.
fn score(posting: Posting, idf: f32, relative_length: f32) -> u32 {
    let norm = K1 * (1.0 - B + B * relative_length);
    let bonus = if posting.flags & IN_TITLE != 0 {
        TITLE_BONUS
    } else {
        0.0
    };
    let saturation = posting.count * (K1 + 1.0) / (posting.count + norm) + bonus;
    (idf * saturation * SCORE_UNITS).round().max(1.0) as u32
}

/// Appends `n` as a variable-length integer.
pub(super) fn varint(bytes: &mut Vec<u8>, mut n: u32) {
    while n >= 0x80 {
        bytes.push((n as u8 & 0x7f) | 0x80);
        n >>= 7;
    }
    bytes.push(n as u8);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads a variable-length integer at `at`, moving it on.
    fn read(bytes: &[u8], at: &mut usize) -> u32 {
        let (mut n, mut shift) = (0, 0);
        loop {
            let byte = bytes[*at];
            *at += 1;
            n |= u32::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                return n;
            }
            shift += 7;
        }
    }

    /// An entry read back: its stem and its (gap, score, flags).
    fn decode(bytes: &[u8]) -> (String, Vec<[u32; 3]>) {
        let mut at = 0;
        let length = read(bytes, &mut at) as usize;
        let stem = String::from_utf8(bytes[at..at + length].to_vec()).unwrap();
        at += length;
        let count = read(bytes, &mut at);
        let postings = (0..count)
            .map(|_| [0; 3].map(|_| read(bytes, &mut at)))
            .collect();
        assert_eq!(at, bytes.len());
        (stem, postings)
    }

    #[test]
    fn variable_length_integers_take_seven_bits_a_byte() {
        for (n, expected) in [(0, vec![0]), (127, vec![127]), (128, vec![0x80, 1])] {
            let mut bytes = Vec::new();
            varint(&mut bytes, n);
            assert_eq!(bytes, expected);
        }
        let mut bytes = Vec::new();
        varint(&mut bytes, u32::MAX);
        assert_eq!(read(&bytes, &mut 0), u32::MAX);
    }

    #[test]
    fn entries_are_sorted_gaps_and_rare_words_score_higher() {
        let mut found: FxHashMap<String, Runs> = FxHashMap::default();
        let mut has = |stem: &str, page: u32, flags: u16| {
            let posting = Posting {
                page,
                count: 1.0,
                flags,
            };
            found
                .entry(stem.to_string())
                .or_default()
                .push(vec![posting])
        };
        has("common", 2, 0);
        has("common", 0, 0);
        has("rare", 0, IN_TITLE | 1);
        has("common", 1, 0);
        let entries = entries(found, &[Some(2.0), Some(1.0), None]);
        let (first, common) = decode(&entries[0].1);
        let (second, rare) = decode(&entries[1].1);
        assert_eq!((first.as_str(), second.as_str()), ("common", "rare"));
        let gaps: Vec<u32> = common.iter().map(|p| p[0]).collect();
        assert_eq!(gaps, [0, 1, 1]);
        assert_eq!(rare[0][2], u32::from(IN_TITLE | 1));
        assert!(rare[0][1] > common[0][1]);
    }
}
