//! Learning paths: courses to follow in order, and the paths to follow first.

use std::collections::BTreeMap;

use super::page::{LearningPath, PageId, PageKind};
use super::site::Site;
use crate::base::diagnostic::{Diagnostic, Diagnostics};
use crate::sources::pages::frontmatter::PageRef;

impl Site {
    /// Finds the courses and prerequisites each learning path names; a name that leads to no
    /// course (or no path) is an error on its line.
    pub(super) fn link_paths(&mut self, problems: &mut Diagnostics) {
        let mut paths = BTreeMap::new();
        for page in self.pages.iter().filter(|p| p.kind == PageKind::Path) {
            let mut find = |refs: &[PageRef], kind: PageKind, what: &str| -> Vec<PageId> {
                refs.iter()
                    .filter_map(|r| match self.linked_page(page, &r.link) {
                        Some(found) if found.kind == kind => Some(found.id),
                        _ => {
                            problems.push(
                                Diagnostic::error(page.file(), format!("`{}` is not {what} of the site in this language", r.link))
                                    .at_line(r.line)
                                    .with_hint("link to the .md file of the page, relative to this one, such as `../securite/mots-de-passe.md`"),
                            );
                            None
                        }
                    })
                    .collect()
            };
            let path = LearningPath {
                steps: find(&page.front.steps, PageKind::Course, "a course"),
                prerequisites: find(&page.front.prerequisites, PageKind::Path, "a learning path"),
            };
            paths.insert(page.id, path);
        }
        self.paths = paths;
    }

    /// The courses and prerequisites of a learning path.
    pub fn learning_path(&self, id: PageId) -> Option<&LearningPath> {
        self.paths.get(&id)
    }

    /// The learning paths whose steps include a course, in page order.
    pub fn paths_through(&self, course: PageId) -> Vec<PageId> {
        self.paths_where(|path| path.steps.contains(&course))
    }

    /// The learning paths that follow a path (they name it as a prerequisite).
    pub fn paths_after(&self, path: PageId) -> Vec<PageId> {
        self.paths_where(|p| p.prerequisites.contains(&path))
    }

    fn paths_where(&self, keep: impl Fn(&LearningPath) -> bool) -> Vec<PageId> {
        self.paths
            .iter()
            .filter(|(_, path)| keep(path))
            .map(|(id, _)| *id)
            .collect()
    }
}
