//! The running text of a read page, as readability checks measure it: one block per
//! paragraph, list item or footnote, each knowing the line of the file every piece of its
//! text comes from. Headings, code, fenced-block extensions (quizzes, self-diagnostics),
//! tables, images, raw HTML and the `:::helper` boxes (written for helpers, not learners) are
//! left out.

use pulldown_cmark::{Event, TagEnd};

use super::callout::Callout;
use super::document::{Document, Item};
use super::text::is_block;

/// A block of running text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProseBlock {
    /// Its text; a line break inside a paragraph is a `\n`.
    pub text: String,
    /// Where each piece of the text starts in it, with the line of the file it comes from.
    starts: Vec<(usize, usize)>,
}

impl ProseBlock {
    /// The line of the file of the text at byte `offset` of the block.
    pub fn line(&self, offset: usize) -> usize {
        let index = self.starts.partition_point(|&(start, _)| start <= offset);
        self.starts
            .get(index.saturating_sub(1))
            .map_or(0, |&(_, line)| line)
    }

    fn push(&mut self, text: &str, line: usize) {
        if self.starts.last().is_none_or(|&(_, last)| last != line) {
            self.starts.push((self.text.len(), line));
        }
        self.text.push_str(text);
    }
}

/// The blocks of running text of a read page, in order.
pub fn prose(document: &Document<'_>) -> Vec<ProseBlock> {
    let mut blocks = Vec::new();
    let mut current = ProseBlock::default();
    let mut left_out = 0usize;
    let mut boxes: Vec<Callout> = Vec::new();
    for node in &document.nodes {
        match &node.item {
            Item::Event(Event::Start(tag)) if is_block(&tag.to_end()) => {
                flush(&mut current, &mut blocks);
                left_out += usize::from(is_left_out(&tag.to_end()));
            }
            Item::Event(Event::End(tag)) if is_block(tag) => {
                flush(&mut current, &mut blocks);
                left_out -= usize::from(is_left_out(tag));
            }
            Item::Event(Event::Text(text) | Event::Code(text)) if left_out == 0 => {
                current.push(text, node.line);
            }
            Item::Event(Event::SoftBreak | Event::HardBreak) if left_out == 0 => {
                current.push("\n", node.line);
            }
            Item::CalloutStart(kind, _) => {
                flush(&mut current, &mut blocks);
                boxes.push(*kind);
                left_out += usize::from(*kind == Callout::Helper);
            }
            Item::CalloutEnd => {
                flush(&mut current, &mut blocks);
                left_out -= usize::from(boxes.pop() == Some(Callout::Helper));
            }
            Item::Code { .. } | Item::Block { .. } => flush(&mut current, &mut blocks),
            _ => {}
        }
    }
    flush(&mut current, &mut blocks);
    blocks
}

/// Ends the block being read, keeping it when it holds text.
fn flush(current: &mut ProseBlock, blocks: &mut Vec<ProseBlock>) {
    let block = std::mem::take(current);
    if !block.text.trim().is_empty() {
        blocks.push(block);
    }
}

/// Whether the text inside an element is left out of the prose.
fn is_left_out(end: &TagEnd) -> bool {
    matches!(
        end,
        TagEnd::Heading(_) | TagEnd::Table | TagEnd::HtmlBlock | TagEnd::MetadataBlock(_)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::document::Source;

    fn blocks(markdown: &str) -> Vec<ProseBlock> {
        prose(&Document::parse(Source {
            body: markdown,
            first_line: 10,
            file: std::path::Path::new("a.md"),
            lang: "en",
        }))
    }

    #[test]
    fn headings_code_quizzes_tables_and_helper_notes_are_left_out() {
        let markdown = "## A heading\n\nFirst **bold** text,\nnext line.\n\n- one\n- two\n\n```\ncode here\n```\n\n| a | b |\n| - | - |\n| c | d |\n\n:::helper\nFor the helper.\n:::\n\n:::tip\nA tip.\n:::\n\n```quiz\n- question: \"Q?\"\n  choices:\n    - \"x\"\n    - text: \"y\"\n      correct: true\n```\n";
        let texts: Vec<String> = blocks(markdown).into_iter().map(|b| b.text).collect();
        assert_eq!(
            texts,
            ["First bold text,\nnext line.", "one", "two", "A tip."]
        );
    }

    #[test]
    fn every_offset_maps_back_to_its_line() {
        let found = blocks("Intro.\n\nFirst line,\nsecond `line`\nthird.\n");
        let block = &found[1];
        assert_eq!(block.line(0), 12);
        let second = block.text.find("second").unwrap();
        assert_eq!(block.line(second), 13);
        let third = block.text.find("third").unwrap();
        assert_eq!(block.line(third), 14);
        assert_eq!(found[0].line(3), 10);
    }
}
