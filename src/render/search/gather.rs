//! The analysis of a language's pages for the static index: for each stem, the pages that
//! have it, how often (each part of a page weighted), whether their title has it and in which
//! kept chunks it stands; for each page, its length and what a result shows. Workers gather
//! apart, then merge.

use rustc_hash::FxHashMap;

use super::analysis::Words;
use super::chunks::{Chunker, KEPT, keep};
use super::documents::Searchable;

/// How much a word counts in each part of a page. Headings are also part of the text.
const TITLE: f32 = 3.0;
const DESCRIPTION: f32 = 1.5;
const HEADING: f32 = 1.0;
const TEXT: f32 = 1.0;
/// How much the words of a card count, beside a page's text.
const CARD: f32 = 0.5;

/// The bit of [`Posting::flags`] that says the page's title has the stem; the bits below it
/// are the kept chunks that have it.
pub(super) const IN_TITLE: u16 = 1 << KEPT;

/// A page that has a stem.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Posting {
    /// The page's number.
    pub(super) page: u32,
    /// The stem's weighted count on the page.
    pub(super) count: f32,
    /// [`IN_TITLE`], and a bit for each kept chunk of the page that has the stem.
    pub(super) flags: u16,
}

/// The pages of a stem, in runs: each run in page order, the runs of distinct ranges of
/// pages (a worker reads a range of pages in order), so that merging workers' findings moves
/// runs instead of copying pages.
pub(super) type Runs = Vec<Vec<Posting>>;

/// A stem on the page being read.
#[derive(Debug, Clone, Copy, Default)]
struct OnPage {
    count: f32,
    flags: u16,
    /// The chunk where it first stands in the text, plus one (0: not in the text).
    first: u32,
}

/// What the analysis of some pages gathers.
#[derive(Default)]
pub(super) struct Gathered {
    /// Every form with its stem (`None` for a stop word); filled by [`Gathered::finish`].
    pub(super) forms: FxHashMap<String, Option<String>>,
    /// The pages of each stem, as runs that workers gathered apart; filled by
    /// [`Gathered::finish`].
    pub(super) postings: FxHashMap<String, Runs>,
    /// The pages of each stem, by the worker's stem number.
    by_number: Vec<Vec<Posting>>,
    /// Each page's number of words (`None` for a card, which counts as a page of average
    /// length), by page number.
    pub(super) lengths: Vec<(u32, Option<f32>)>,
    /// What a result shows of each page (JSON), by page number.
    pub(super) shown: Vec<(u32, Vec<u8>)>,
    /// The page being read: its stems, those it has, and its text's stems by chunk.
    page: Vec<OnPage>,
    touched: Vec<u32>,
    text: Vec<(u32, u32)>,
}

impl Gathered {
    /// Reads page `n`: counts its stems, each part of it weighted, finds its chunks, and
    /// keeps what a result shows.
    pub(super) fn add(&mut self, words: &mut Words, n: u32, page: &Searchable) {
        let mut length = 0.0;
        let parts = [(&page.title, TITLE), (&page.description, DESCRIPTION)];
        let headings = page.headings.iter().map(|h| (h, HEADING));
        for (part, (text, weight)) in parts.into_iter().chain(headings).enumerate() {
            let title = if part == 0 { IN_TITLE } else { 0 };
            words.each(text, |_, stem, _| {
                length += 1.0;
                if let Some(stem) = stem {
                    self.count(stem, weight, title);
                }
            });
        }
        let mut chunker = Chunker::new(&page.heading_starts);
        let weight = if page.card { CARD } else { TEXT };
        words.each(&page.text, |_, stem, range| {
            length += 1.0;
            let chunk = chunker.chunk_of(&page.text, &range);
            if let Some(stem) = stem {
                let on = self.count(stem, weight, 0);
                if on.first == 0 {
                    on.first = chunk + 1;
                }
                self.text.push((stem, chunk));
            }
        });
        let kept = self.mark_kept_chunks(chunker.headed());
        let chunks = kept
            .iter()
            .map(|&c| chunker.text(&page.text, c as usize))
            .collect();
        let shown = serde_json::to_vec(&page.shown(chunks)).unwrap_or_default();
        self.shown.push((n, shown));
        self.lengths.push((n, (!page.card).then_some(length)));
        self.post(n);
    }

    /// Adds `weight` to a stem of the page being read.
    fn count(&mut self, stem: u32, weight: f32, flags: u16) -> &mut OnPage {
        let at = stem as usize;
        if self.page.len() <= at {
            self.page.resize(at + 1, OnPage::default());
        }
        let on = &mut self.page[at];
        if on.count == 0.0 {
            self.touched.push(stem);
        }
        on.count += weight;
        on.flags |= flags;
        on
    }

    /// Chooses the chunks of the page to keep, marks in each stem's flags the kept chunks
    /// that have it, and returns them.
    fn mark_kept_chunks(&mut self, headed: &[bool]) -> Vec<u32> {
        let chunks = headed.len();
        let mut firsts = vec![0; chunks];
        for &stem in &self.touched {
            let first = self.page[stem as usize].first;
            if first > 0 {
                firsts[first as usize - 1] += 1;
            }
        }
        let kept = keep(headed, &firsts);
        let mut bits = vec![0u16; chunks];
        for (bit, &chunk) in kept.iter().enumerate() {
            bits[chunk as usize] = 1 << bit;
        }
        for &(stem, chunk) in &self.text {
            self.page[stem as usize].flags |= bits[chunk as usize];
        }
        self.text.clear();
        kept
    }

    /// Adds page `n` to the postings of its stems, and forgets it.
    fn post(&mut self, n: u32) {
        if self.by_number.len() < self.page.len() {
            self.by_number.resize_with(self.page.len(), Vec::new);
        }
        for stem in self.touched.drain(..) {
            let on = std::mem::take(&mut self.page[stem as usize]);
            self.by_number[stem as usize].push(Posting {
                page: n,
                count: on.count,
                flags: on.flags,
            });
        }
    }

    /// Names the stems this worker numbered, and keeps the forms it has seen.
    pub(super) fn finish(mut self, words: Words) -> Gathered {
        for (stem, postings) in std::mem::take(&mut self.by_number).into_iter().enumerate() {
            if !postings.is_empty() {
                self.postings
                    .insert(words.stem(stem as u32).to_string(), vec![postings]);
            }
        }
        for (form, stem) in words.into_forms() {
            self.add_form(form, stem);
        }
        self.page = Vec::new();
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

    /// Both gatherings in one.
    pub(super) fn merge(mut self, other: Gathered) -> Gathered {
        for (form, stem) in other.forms {
            self.add_form(form, stem);
        }
        for (stem, runs) in other.postings {
            self.postings.entry(stem).or_default().extend(runs);
        }
        self.lengths.extend(other.lengths);
        self.shown.extend(other.shown);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gather(pages: &[Searchable]) -> Gathered {
        let mut words = Words::new("fr");
        let mut gathered = Gathered::default();
        for (n, page) in pages.iter().enumerate() {
            gathered.add(&mut words, n as u32, page);
        }
        gathered.finish(words)
    }

    fn page(title: &str, text: &str) -> Searchable {
        Searchable {
            title: title.into(),
            text: text.into(),
            url: "fr/a/".into(),
            ..Searchable::default()
        }
    }

    #[test]
    fn stems_count_each_part_weighted_and_know_the_title() {
        let gathered = gather(&[page("Mot de passe", "Un mot de passe solide. Des mots.")]);
        let pass = gathered.postings["pass"][0][0];
        assert_eq!(pass.count, TITLE + TEXT);
        assert_ne!(pass.flags & IN_TITLE, 0);
        let solid = gathered.postings["solid"][0][0];
        assert_eq!(solid.flags & IN_TITLE, 0);
        assert_eq!(gathered.postings["mot"][0][0].count, TITLE + 2.0 * TEXT);
        assert_eq!(gathered.forms["de"], None);
        assert_eq!(gathered.forms["mots"], Some("mot".into()));
    }

    #[test]
    fn words_in_one_kept_chunk_share_its_bit_and_the_page_shows_its_chunks() {
        let filler = vec!["remplissage"; 30].join(" ");
        let first = "Pour bien commencer, il faut choisir avec soin un mot de passe long.";
        let text = format!("{first} {filler}. Une girafe passe.");
        let gathered = gather(&[page("Titre", &text)]);
        let chunks = |stem: &str| gathered.postings[stem][0][0].flags & !IN_TITLE;
        assert_ne!(chunks("mot") & chunks("pass"), 0);
        assert_eq!(chunks("mot") & chunks("giraf"), 0);
        assert_ne!(chunks("giraf") & chunks("pass"), 0);
        let shown: serde_json::Value = serde_json::from_slice(&gathered.shown[0].1).unwrap();
        assert_eq!(shown["t"], "Titre");
        assert_eq!(shown["u"], "fr/a/");
        assert_eq!(shown["c"][0], first);
        assert!(shown.get("d").is_none());
    }

    #[test]
    fn pages_are_posted_in_order_with_their_lengths() {
        let gathered = gather(&[page("Un", "vélo"), page("Deux", "vélo rouge")]);
        let pages: Vec<u32> = gathered.postings["velo"]
            .iter()
            .flatten()
            .map(|p| p.page)
            .collect();
        assert_eq!(pages, [0, 1]);
        assert_eq!(gathered.lengths, [(0, Some(2.0)), (1, Some(3.0))]);
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
