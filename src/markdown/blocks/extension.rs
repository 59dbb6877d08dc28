//! What a fenced-block extension gives each output: one method per output, so that a new
//! output does not compile until every kind of block has its form.

use crate::markdown::context::Context;

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
