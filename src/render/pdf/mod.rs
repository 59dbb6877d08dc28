//! Printable worksheets ("fiches"): every page with a worksheet becomes an A4 PDF, laid out by
//! the theme's `fiche.typ` and compiled by Typst in a sandboxed World ([`compile`]), in
//! parallel, each written as soon as it is made. A PDF whose inputs have not changed since an
//! earlier build is copied from the [`cache`]. Booklets of sections and learning paths are
//! put together from their worksheets' PDFs ([`booklet`]), without laying them out again.

mod assemble;
mod booklet;
mod cache;
mod compile;
pub mod helper;
mod input;
mod numbers;
mod objects;
mod output;
mod qr;
mod reader;
mod world;

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use std::sync::atomic::{AtomicUsize, Ordering};

use crate::base::diagnostic::{Checked, Diagnostic, Diagnostics};
use crate::base::write::Sink;
use crate::model::{Output, PageId, Site};
pub use cache::CACHE_DIR;
use cache::{Cache, Key};
pub use compile::{Made, TEMPLATE, Worksheets, markup};

/// How many PDFs are compiled between two clean-ups of Typst's caches.
const BATCH: usize = 64;

/// A PDF made or found in the cache: where its bytes are, and its fingerprint.
#[derive(Clone)]
struct Printed {
    file: PathBuf,
    key: Key,
}

/// Makes the PDFs of a site, through the cache.
pub struct Pdfs {
    worksheets: Worksheets,
    cache: Cache,
}

impl Pdfs {
    /// Prepares the PDFs of `site`, with the cache beside it unless `cache` is false.
    pub fn new(site: &Site, cache: bool) -> Checked<Option<Pdfs>> {
        Worksheets::new(site).and_then(|worksheets| match Cache::open(&site.root, cache) {
            Ok(cache) => Checked::ok(Some(Pdfs { worksheets, cache })),
            Err(error) => Checked::failed(
                Diagnostic::error(
                    CACHE_DIR,
                    format!("cannot open the worksheet cache: {error}"),
                )
                .with_hint("check the permissions of the site's folder, or use --no-cache"),
            ),
        })
    }

    /// Makes one PDF of the site (a booklet's worksheets first); `None` for an output that
    /// is no PDF.
    pub fn make(&self, site: &Site, output: &Output) -> Option<Made> {
        let printed = match output {
            Output::Booklet(id) => {
                let mut problems = Diagnostics::new();
                let sheets: Option<Vec<Printed>> = site
                    .booklet_pages(&site.pages[*id])
                    .iter()
                    .map(|page| problems.take(self.single(site, &Output::Worksheet(page.id))?))
                    .collect();
                match sheets {
                    Some(sheets) => {
                        let made = self.booklet(site, *id, &sheets);
                        Checked::new(problems.take(made), problems)
                    }
                    None => Checked::failed_with(problems),
                }
            }
            _ => self.single(site, output)?,
        };
        Some(
            printed.and_then(|printed| match std::fs::read(&printed.file) {
                Ok(bytes) => Checked::ok(Some(bytes)),
                Err(error) => Checked::failed(Diagnostic::error(
                    &printed.file,
                    format!("cannot read the PDF: {error}"),
                )),
            }),
        )
    }

    /// A worksheet, a helper sheet or a town's directory; `None` for other outputs.
    fn single(&self, site: &Site, output: &Output) -> Option<Checked<Option<Printed>>> {
        let job = match output {
            Output::Worksheet(id) => self.worksheets.sheet_job(site, &site.pages[*id]),
            Output::HelperSheet(id) => self.worksheets.helper_job(site, &site.pages[*id]),
            Output::CityList(lang, town) => self.worksheets.city_job(site, lang, *town),
            _ => return None,
        };
        Some(job.and_then(|job| {
            let key = self.worksheets.key(&job);
            if let Some(file) = self.cache.get(key) {
                return Checked::ok(Some(Printed { file, key }));
            }
            let file = job.file().to_path_buf();
            self.worksheets
                .compile(job, true)
                .and_then(|bytes| self.keep(key, &bytes, &file))
        }))
    }

    /// The booklet of page `id`, from its worksheets already made.
    fn booklet(&self, site: &Site, id: PageId, sheets: &[Printed]) -> Checked<Option<Printed>> {
        let section = &site.pages[id];
        let keys: Vec<Key> = sheets.iter().map(|s| s.key).collect();
        booklet::key(&self.worksheets, site, section, &keys).and_then(|key| {
            if let Some(file) = self.cache.get(key) {
                return Checked::ok(Some(Printed { file, key }));
            }
            let files: Vec<PathBuf> = sheets.iter().map(|s| s.file.clone()).collect();
            booklet::make(&self.worksheets, site, section, &files)
                .and_then(|bytes| self.keep(key, &bytes, &section.file()))
        })
    }

    fn keep(&self, key: Key, bytes: &[u8], file: &std::path::Path) -> Checked<Option<Printed>> {
        match self.cache.put(key, bytes) {
            Ok(path) => Checked::ok(Some(Printed { file: path, key })),
            Err(error) => Checked::failed(Diagnostic::error(
                file,
                format!(
                    "cannot keep the PDF in {}: {error}",
                    self.cache.dir().display()
                ),
            )),
        }
    }

    /// Makes every PDF among `outputs` into `sink`, worksheets in parallel and then the
    /// booklets, and returns their sizes by address; afterwards the cache drops entries
    /// that no longer serve.
    pub fn render_all(
        &self,
        site: &Site,
        outputs: &[Output],
        sink: &Sink,
    ) -> Checked<BTreeMap<String, u64>> {
        let (booklets, singles): (Vec<&Output>, Vec<&Output>) = outputs
            .iter()
            .partition(|output| matches!(output, Output::Booklet(_)));
        let mut problems = Diagnostics::new();
        let mut sizes = BTreeMap::new();
        let mut sheets = HashMap::new();
        let worksheets = in_batches(&singles, BATCH, |output| self.single(site, output));
        for (output, printed) in worksheets {
            let Some(printed) = printed.and_then(|p| problems.take(p)) else {
                continue;
            };
            copy(site, output, &printed, sink, &mut sizes, &mut problems);
            if let Output::Worksheet(id) = output {
                sheets.insert(*id, printed);
            }
        }
        // Booklets hold long documents: Typst's memory is dropped after every few.
        let made = in_batches(&booklets, threads(), |output| {
            let Output::Booklet(id) = output else {
                return None;
            };
            let ready: Option<Vec<Printed>> = site
                .booklet_pages(&site.pages[*id])
                .iter()
                .map(|page| sheets.get(&page.id).cloned())
                .collect();
            // A booklet whose worksheet failed is not made: the worksheet's error says why.
            ready.map(|sheets| self.booklet(site, *id, &sheets))
        });
        for (output, printed) in made {
            if let Some(printed) = printed.and_then(|p| problems.take(p)) {
                copy(site, output, &printed, sink, &mut sizes, &mut problems);
            }
        }
        self.cache.sweep();
        Checked::new(sizes, problems)
    }
}

/// `make` of every output, in parallel, by batches of `size` after each of which Typst's
/// memoised results are dropped: they serve the documents of one batch, and dropping them
/// keeps memory flat however many documents the site has.
fn in_batches<'a, R: Send>(
    outputs: &[&'a Output],
    size: usize,
    make: impl Fn(&Output) -> R + Sync,
) -> Vec<(&'a Output, R)> {
    let mut made = Vec::with_capacity(outputs.len());
    for batch in outputs.chunks(size.max(1)) {
        made.extend(in_parallel(batch, |output| (*output, make(output))));
        comemo::evict(0);
    }
    made
}

/// How many threads compile PDFs: one per core.
fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// The stack of a thread that compiles PDFs: Typst recurses deeply in large documents.
const STACK: usize = 64 * 1024 * 1024;

/// `f` of every item, in order, computed by one thread per core, each taking the next item
/// when done. Unlike a work-stealing pool, a thread never starts a second document while
/// Typst waits inside the first, so stacks stay shallow and memory holds one document per
/// thread.
fn in_parallel<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = threads().min(items.len().max(1));
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(index) else {
                return done;
            };
            done.push((index, f(item)));
        }
    };
    let mut results: Vec<(usize, R)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .filter_map(|_| {
                std::thread::Builder::new()
                    .stack_size(STACK)
                    .spawn_scoped(scope, work)
                    .ok()
            })
            .collect();
        let mut results = if workers.is_empty() {
            work()
        } else {
            Vec::new()
        };
        for worker in workers {
            match worker.join() {
                Ok(done) => results.extend(done),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        results
    });
    results.sort_by_key(|(index, _)| *index);
    results.into_iter().map(|(_, result)| result).collect()
}

/// Copies a PDF into the output, and notes its size.
fn copy(
    site: &Site,
    output: &Output,
    printed: &Printed,
    sink: &Sink,
    sizes: &mut BTreeMap<String, u64>,
    problems: &mut Diagnostics,
) {
    let path = output.path(site);
    let size = std::fs::metadata(&printed.file).map_or(0, |m| m.len());
    match sink.copy(&path, &printed.file) {
        Ok(()) => {
            sizes.insert(path, size);
        }
        Err(error) => problems.push(Diagnostic::error(
            &path,
            format!("cannot write the PDF: {error}"),
        )),
    }
}

/// Compiles the PDFs among `outputs` of the whole site into `sink`, through the cache unless
/// `cache` is false, and returns their sizes by address.
pub fn render_all(
    site: &Site,
    outputs: &[Output],
    sink: &Sink,
    cache: bool,
) -> Checked<BTreeMap<String, u64>> {
    if outputs.is_empty() {
        return Checked::ok(BTreeMap::new());
    }
    let mut problems = Diagnostics::new();
    let Some(pdfs) = problems.take(Pdfs::new(site, cache)) else {
        return Checked::new(BTreeMap::new(), problems);
    };
    let sizes = problems.take(pdfs.render_all(site, outputs, sink));
    Checked::new(sizes, problems)
}
