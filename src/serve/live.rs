//! The site kept in memory while serving, and what each kind of change re-renders: a page's
//! text re-renders that page; its title, competences or dates also re-render the pages that
//! list it; a new, moved or deleted page, a template or an asset re-renders everything from
//! memory; the settings and interface strings reload the whole site from disk.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::base::diagnostic::{Checked, Diagnostic, Diagnostics};
use crate::base::write::{Sink, Staging};
use crate::model::load::{SiteOptions, load_site};
use crate::model::{Output, PageKind, Site};
use crate::render::pdf::{self, Pdfs};
use crate::render::views::page::PageView;
use crate::render::{Fiches, copy_static, is_pdf, render_outputs, render_site};
use crate::sources::digcomp;
use crate::sources::pages::{CONTENT_DIR, load_page};

/// What changed on disk since the last rebuild, from the least to the most work.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Changes {
    /// Page files (relative to the site root) written, created or deleted.
    pub pages: BTreeSet<PathBuf>,
    /// Asset files of `content/` written (relative to the site root).
    pub assets: BTreeSet<PathBuf>,
    /// Static files of the site or theme changed.
    pub statics: bool,
    /// Templates changed, or assets appeared or went: render everything from memory.
    pub render_all: bool,
    /// Settings, strings or folders changed: read everything again.
    pub reload: bool,
}

impl Changes {
    /// Adds other changes to these.
    pub fn merge(&mut self, other: Changes) {
        self.pages.extend(other.pages);
        self.assets.extend(other.assets);
        self.statics |= other.statics;
        self.render_all |= other.render_all;
        self.reload |= other.reload;
    }

    /// Whether there is nothing to do.
    pub fn is_empty(&self) -> bool {
        *self == Changes::default()
    }
}

/// What a rebuild did.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Errors and warnings worth showing.
    pub problems: Diagnostics,
    /// How many files were written.
    pub written: usize,
    /// How long it took.
    pub elapsed: Duration,
}

impl Outcome {
    /// Whether the output is up to date (no error).
    pub fn ok(&self) -> bool {
        !self.problems.has_errors()
    }
}

/// The served site: its model, its output folder, and whether the output lags behind.
pub struct LiveSite {
    options: SiteOptions,
    output: PathBuf,
    site: Option<Site>,
    stale: bool,
    pdfs: Option<Pdfs>,
    /// Search indexes to rewrite once the pages are.
    search_stale: BTreeSet<Output>,
}

impl LiveSite {
    /// Loads and builds the site into `output`.
    pub fn new(options: SiteOptions, output: &Path) -> (LiveSite, Outcome) {
        let mut live = LiveSite {
            options,
            output: output.to_path_buf(),
            site: None,
            stale: true,
            pdfs: None,
            search_stale: BTreeSet::new(),
        };
        let outcome = live.reload(Instant::now());
        (live, outcome)
    }

    /// Makes the PDF at `path` (such as `fr/securite/mots/mots.pdf`) when first asked for,
    /// and keeps it in the output. `None` when the site has no PDF there.
    pub fn fiche(&mut self, path: &str) -> Option<pdf::Made> {
        let site = self.site.as_ref()?;
        let wanted = site
            .outputs()
            .into_iter()
            .find(|output| is_pdf(output) && output.path(site) == path)?;
        if self.pdfs.is_none() {
            let Checked { value, problems } = Pdfs::new(site, !self.options.no_cache);
            if value.is_none() {
                return Some(Checked::failed_with(problems));
            }
            self.pdfs = value;
        }
        let made = self.pdfs.as_ref()?.make(site, &wanted)?;
        if let Some(bytes) = &made.value {
            let _ = Sink::folder(&self.output).write(path, bytes);
        }
        Some(made)
    }

    /// Whether changes have made a search index stale.
    pub fn search_is_stale(&self) -> bool {
        !self.search_stale.is_empty()
    }

    /// Rewrites the search indexes that changes made stale: slow on large sites, so done
    /// once the open tabs show the change.
    pub fn refresh_search(&mut self) -> Outcome {
        let started = Instant::now();
        let stale: Vec<Output> = std::mem::take(&mut self.search_stale).into_iter().collect();
        let (Some(site), false) = (&self.site, stale.is_empty()) else {
            return Outcome::default();
        };
        let sink = Sink::folder(&self.output);
        let report = render_outputs(site, &stale, &sink, &Fiches::Later);
        Outcome {
            problems: report.problems,
            written: sink.count(),
            elapsed: started.elapsed(),
        }
    }

    /// Applies changes and rebuilds what they touch.
    pub fn apply(&mut self, changes: &Changes) -> Outcome {
        let started = Instant::now();
        if changes.reload || changes.render_all || !changes.assets.is_empty() {
            // The fingerprints of the theme and of the pages' images are taken again.
            self.pdfs = None;
        }
        self.forget_fiches(&changes.pages);
        if changes.reload || self.site.is_none() {
            return self.reload(started);
        }
        if changes.render_all || !changes.assets.iter().all(|a| self.is_known_asset(a)) {
            return self.render_all(started, Diagnostics::new());
        }
        let mut outcome = Outcome::default();
        if !changes.pages.is_empty() {
            outcome = self.pages_changed(&changes.pages, started);
        }
        if outcome.ok() && (changes.statics || !changes.assets.is_empty()) {
            let sink = Sink::folder(&self.output);
            if let Some(site) = &self.site {
                outcome.problems.take(copy_static(site, &sink));
            }
            outcome.written += sink.count();
        }
        outcome.elapsed = started.elapsed();
        outcome
    }

    /// A rebuild that failed: the output lags behind until a later one succeeds.
    fn failed(&mut self, problems: Diagnostics, started: Instant) -> Outcome {
        self.stale = true;
        Outcome {
            problems,
            written: 0,
            elapsed: started.elapsed(),
        }
    }

    /// Removes the worksheets and helper sheets of changed pages, and the booklets of their sections and
    /// learning paths, from the output, to be made again when asked for.
    fn forget_fiches(&self, files: &BTreeSet<PathBuf>) {
        let Some(site) = &self.site else { return };
        for page in site
            .pages
            .iter()
            .filter(|p| p.source.as_ref().is_some_and(|s| files.contains(s)))
        {
            let holders = page.parent.into_iter().chain(site.paths_through(page.id));
            let pages = std::iter::once(page).chain(holders.map(|id| &site.pages[id]));
            let helper = site.helper_sheet_of(page);
            for pdf in pages.filter_map(|p| site.pdf_of(p)).chain(helper) {
                let _ = std::fs::remove_file(self.output.join(pdf.path(site)));
            }
        }
    }

    fn is_known_asset(&self, file: &Path) -> bool {
        let inner = file
            .strip_prefix(CONTENT_DIR)
            .unwrap_or(file)
            .to_string_lossy()
            .replace('\\', "/");
        file.exists() && self.site.as_ref().is_some_and(|s| s.is_asset(&inner))
    }

    /// Reads everything from disk and renders it.
    fn reload(&mut self, started: Instant) -> Outcome {
        let Checked {
            value: site,
            problems,
        } = load_site(&self.options);
        self.site = site;
        // Before anything is served, a site with errors still shows the pages it can.
        let shown = self.output.is_dir();
        if self.site.is_none() || (problems.has_errors() && shown) {
            return self.failed(problems, started);
        }
        self.render_all(started, problems)
    }

    /// Renders every output from the model in memory into a staging folder, then swaps it in
    /// when it has no error, or when nothing is served yet: the pages that built are then
    /// served, and every page shows the problems until they are fixed.
    fn render_all(&mut self, started: Instant, mut problems: Diagnostics) -> Outcome {
        let Some(site) = &self.site else {
            return self.reload(started);
        };
        let staging = match Staging::new(&self.output) {
            Ok(staging) => staging,
            Err(error) => {
                problems.push(Diagnostic::error(
                    &self.output,
                    format!("cannot write the output: {error}"),
                ));
                return Outcome {
                    problems,
                    written: 0,
                    elapsed: started.elapsed(),
                };
            }
        };
        let report = render_site(site, &Sink::folder(staging.path()), Fiches::Later);
        problems.extend(report.problems);
        let first = !self.output.is_dir();
        if first || !problems.has_errors() {
            match staging.commit() {
                Ok(()) => self.stale = problems.has_errors(),
                Err(error) => problems.push(Diagnostic::error(
                    &self.output,
                    format!("cannot swap the output: {error}"),
                )),
            }
        }
        Outcome {
            problems,
            written: report.files,
            elapsed: started.elapsed(),
        }
    }

    /// Re-reads the changed page files, rebuilds the model, and renders what shows them.
    fn pages_changed(&mut self, files: &BTreeSet<PathBuf>, started: Instant) -> Outcome {
        if let Some(outcome) = self.bodies_changed(files, started) {
            return outcome;
        }
        let Some(old) = self.site.take() else {
            return self.reload(started);
        };
        let before = Snapshot::of(&old, files);
        let mut sources = old.into_sources();
        let mut problems = Diagnostics::new();
        sources
            .content
            .pages
            .retain(|page| !files.contains(&page.file));
        for file in files.iter().filter(|f| self.options.root.join(f).is_file()) {
            let page = load_page(
                &self.options.root,
                file,
                &sources.config,
                self.options.drafts,
            );
            sources.content.pages.extend(problems.take(page));
        }
        let Checked {
            value: site,
            problems: found,
        } = Site::new(&self.options.root, sources);
        let relevant = found
            .into_iter()
            .filter(|d| d.is_error() || files.contains(&d.file));
        problems.extend(relevant);
        self.site = Some(site);
        if problems.has_errors() {
            return self.failed(problems, started);
        }
        let site = self.site.as_ref().expect("just set");
        let after = Snapshot::of(site, files);
        if self.stale || before.structure != after.structure {
            return self.render_all(started, problems);
        }
        let outputs = affected_outputs(site, &before, &after);
        self.write_outputs(&outputs, problems, started)
    }

    /// The common case, without rebuilding the model: only the text under the front matter
    /// of existing pages changed. `None` when the change is more than that.
    fn bodies_changed(&mut self, files: &BTreeSet<PathBuf>, started: Instant) -> Option<Outcome> {
        let site = self.site.as_mut().filter(|_| !self.stale)?;
        let mut edits = Vec::new();
        for file in files {
            let id = site
                .pages
                .iter()
                .position(|p| p.source.as_ref() == Some(file))?;
            let Checked { value, problems } =
                load_page(&self.options.root, file, &site.config, self.options.drafts);
            if problems.has_errors() {
                return Some(Outcome {
                    problems,
                    written: 0,
                    elapsed: started.elapsed(),
                });
            }
            match value {
                Some(page) if page.front == site.pages[id].front => edits.push((id, page)),
                _ => return None,
            }
        }
        let outputs: Vec<Output> = edits
            .iter()
            .flat_map(|(id, page)| [Output::Page(*id), Output::SearchIndex(page.lang.clone())])
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        for (id, page) in edits {
            site.pages[id].replace_body(page.body, page.body_line);
        }
        Some(self.write_outputs(&outputs, Diagnostics::new(), started))
    }

    /// Renders some outputs into memory and writes them only if none has an error. Search
    /// indexes are left for [`LiveSite::refresh_search`], after the tabs have reloaded.
    fn write_outputs(
        &mut self,
        outputs: &[Output],
        mut problems: Diagnostics,
        started: Instant,
    ) -> Outcome {
        let Some(site) = &self.site else {
            return self.reload(started);
        };
        let (indexes, outputs): (Vec<&Output>, Vec<&Output>) = outputs
            .iter()
            .partition(|o| matches!(o, Output::SearchIndex(_)));
        self.search_stale.extend(indexes.into_iter().cloned());
        let outputs: Vec<Output> = outputs.into_iter().cloned().collect();
        let sink = Sink::memory();
        let report = render_outputs(site, &outputs, &sink, &Fiches::Later);
        problems.extend(report.problems);
        if problems.has_errors() {
            return self.failed(problems, started);
        }
        let written = Sink::folder(&self.output);
        for (file, bytes) in sink.into_files() {
            if let Err(error) = written.write(&file, &bytes) {
                problems.push(Diagnostic::error(
                    &file,
                    format!("cannot write the output: {error}"),
                ));
            }
        }
        Outcome {
            problems,
            written: written.count(),
            elapsed: started.elapsed(),
        }
    }
}

/// What the rest of the site sees of some pages, before or after a change.
struct Snapshot {
    /// Every page's key, language and URL: when it changes, links anywhere may change.
    structure: Vec<(String, String, String)>,
    /// The changed pages that exist: their view, by file.
    views: HashMap<PathBuf, (PageView, Vec<String>, Vec<u8>)>,
}

impl Snapshot {
    fn of(site: &Site, files: &BTreeSet<PathBuf>) -> Snapshot {
        let structure = site
            .pages
            .iter()
            .map(|p| (p.key.clone(), p.lang.clone(), p.path.clone()))
            .collect();
        let views = site
            .pages
            .iter()
            .filter(|p| p.source.as_ref().is_some_and(|s| files.contains(s)))
            .map(|p| {
                let ids = p.front.competences.iter().map(|c| c.id.clone()).collect();
                let levels = p.front.competences.iter().filter_map(|c| c.level).collect();
                (
                    p.source.clone().unwrap_or_default(),
                    (PageView::new(site, p), ids, levels),
                )
            })
            .collect();
        Snapshot { structure, views }
    }
}

/// The outputs that show the changed pages: the pages themselves, and when what lists show of
/// them changed, their sections, competences, levels, feed and sitemap.
fn affected_outputs(site: &Site, before: &Snapshot, after: &Snapshot) -> Vec<Output> {
    let framework = digcomp::framework();
    let mut outputs = BTreeSet::new();
    for page in site.pages.iter().filter(|p| {
        p.source
            .as_ref()
            .is_some_and(|s| after.views.contains_key(s))
    }) {
        outputs.insert(Output::Page(page.id));
        outputs.insert(Output::SearchIndex(page.lang.clone()));
        let file = page.source.as_ref().expect("filtered on source");
        let (view, ids, levels) = &after.views[file];
        let Some((old_view, old_ids, old_levels)) = before.views.get(file) else {
            continue;
        };
        if old_view == view {
            continue;
        }
        let lang = &page.lang;
        if page.kind != PageKind::Course {
            return site.outputs();
        }
        // Its learning paths list it, and their other courses name it as previous or next.
        for path in site.paths_through(page.id) {
            outputs.insert(Output::Page(path));
            let steps = site
                .learning_path(path)
                .map(|p| p.steps.clone())
                .unwrap_or_default();
            outputs.extend(steps.into_iter().map(Output::Page));
        }
        let mut parent = page.parent;
        while let Some(id) = parent {
            outputs.insert(Output::Page(id));
            parent = site.pages[id].parent;
        }
        for id in ids.iter().chain(old_ids) {
            outputs.insert(Output::Competence(lang.clone(), id.clone()));
            if let Some(c) = framework.competence(id) {
                outputs.insert(Output::Area(lang.clone(), c.area.clone()));
            }
        }
        for level in levels.iter().chain(old_levels) {
            outputs.insert(Output::Level(lang.clone(), *level));
        }
        outputs.extend([
            Output::Framework(lang.clone()),
            Output::Feed(lang.clone()),
            Output::Sitemap,
        ]);
        outputs.extend((0..site.sitemap_parts()).map(Output::SitemapPart));
        // Every language's coverage page counts the courses of all languages.
        outputs.extend(
            site.languages
                .iter()
                .map(|l| Output::Coverage(l.code.clone())),
        );
    }
    outputs.into_iter().collect()
}
