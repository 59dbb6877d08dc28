//! Fenced-block extensions. A code block whose language names an extension (` ```quiz `,
//! ` ```autodiagnostic `) holds YAML that the extension parses and checks once, when the
//! page is read; then the block gives each output its form through [`Extension`].
//!
//! A new output is a new method of [`Extension`], and a new kind of block a new variant of
//! [`Block`]: either way, the compiler names every pair of block and output left to write.

mod extension;
pub mod quiz;
pub mod selftest;

use std::path::Path;

use crate::base::diagnostic::Checked;
pub use extension::{Appendix, Extension};

/// A fenced block of an extension, parsed and checked.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Questions with choices to tick.
    Quiz(quiz::Quiz),
    /// Statements of digital autonomy, answered "alone", "with help" or "not yet".
    SelfTest(selftest::SelfTest),
}

/// The kinds of fenced-block extensions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// ` ```quiz `.
    Quiz,
    /// ` ```autodiagnostic `.
    SelfTest,
}

impl Kind {
    /// The kind of extension that `fence` (a code block's language) names, if any.
    pub fn named(fence: &str) -> Option<Kind> {
        [Kind::Quiz, Kind::SelfTest]
            .into_iter()
            .find(|kind| kind.fence() == fence)
    }

    /// The fence that names this kind of block (`quiz`), which also names the script a page
    /// holding it needs.
    pub fn fence(self) -> &'static str {
        match self {
            Kind::Quiz => quiz::FENCE,
            Kind::SelfTest => selftest::FENCE,
        }
    }

    /// Reads a block of this kind from its YAML `source`, which starts at line `first_line`
    /// of `file`; `None` when it is malformed.
    pub fn parse(self, source: &str, file: &Path, first_line: usize) -> Checked<Option<Block>> {
        match self {
            Kind::Quiz => quiz::Quiz::parse(source, file, first_line).map(|q| q.map(Block::Quiz)),
            Kind::SelfTest => {
                selftest::SelfTest::parse(source, file, first_line).map(|s| s.map(Block::SelfTest))
            }
        }
    }
}

impl Block {
    /// Its kind.
    pub fn kind(&self) -> Kind {
        match self {
            Block::Quiz(_) => Kind::Quiz,
            Block::SelfTest(_) => Kind::SelfTest,
        }
    }

    /// The fence that names this kind of block (`quiz`), which also names the script a page
    /// holding it needs.
    pub fn fence(&self) -> &'static str {
        self.kind().fence()
    }

    /// The extension behind the block.
    pub fn extension(&self) -> &dyn Extension {
        match self {
            Block::Quiz(quiz) => quiz,
            Block::SelfTest(selftest) => selftest,
        }
    }
}
