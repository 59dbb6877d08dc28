//! Fenced-block extensions. A code block whose language names an extension (` ```quiz `,
//! ` ```autodiagnostic `) holds YAML that the extension parses and checks once, when the
//! page is read; then the block gives each output its form through [`Extension`].
//!
//! A new output is a new method of [`Extension`], and a new kind of block a new variant of
//! [`Block`]: either way, the compiler names every pair of block and output left to write.

pub mod quiz;
pub mod selftest;

use std::path::Path;

use super::context::Context;
use crate::base::diagnostic::Diagnostic;

/// What every fenced-block extension gives each output.
pub trait Extension {
    /// The block on the web page; `number` counts the blocks of its kind in the page, from 1.
    fn html(&self, cx: &Context<'_>, number: usize) -> String;
    /// The block on the worksheet, as Typst markup in which every text of the author is a
    /// string literal; what is for the helper only goes to `appendix`.
    fn typst(&self, cx: &Context<'_>, appendix: &mut Appendix) -> String;
    /// What a reader reads of the block, for the search index.
    fn text(&self) -> String;
}

/// What a worksheet prints after its body, for the helper.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Appendix {
    /// The answers of the sheet's quiz questions, in order, as Typst dictionaries.
    pub answers: Vec<String>,
}

/// A fenced block of an extension, parsed and checked.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// Questions with choices to tick.
    Quiz(quiz::Quiz),
    /// Statements of digital autonomy, answered "alone", "with help" or "not yet".
    SelfTest(selftest::SelfTest),
}

impl Block {
    /// The block of the extension that `fence` (a code block's language) names, read from
    /// its YAML `source`, which starts at line `first_line` of `file`; `None` when the fence
    /// names no extension.
    pub fn parse(
        fence: &str,
        source: &str,
        file: &Path,
        first_line: usize,
    ) -> Option<Result<Block, Diagnostic>> {
        Some(match fence {
            quiz::FENCE => quiz::Quiz::parse(source, file, first_line).map(Block::Quiz),
            selftest::FENCE => {
                selftest::SelfTest::parse(source, file, first_line).map(Block::SelfTest)
            }
            _ => return None,
        })
    }

    /// The fence that names this kind of block (`quiz`), which also names the script a page
    /// holding it needs.
    pub fn fence(&self) -> &'static str {
        match self {
            Block::Quiz(_) => quiz::FENCE,
            Block::SelfTest(_) => selftest::FENCE,
        }
    }

    /// The extension behind the block.
    pub fn extension(&self) -> &dyn Extension {
        match self {
            Block::Quiz(quiz) => quiz,
            Block::SelfTest(selftest) => selftest,
        }
    }
}
