//! A read page as plain text, for the search index: its headings apart, and everything a
//! reader reads, without the Markdown. Fenced-block extensions give their own words (a
//! quiz's questions and choices, not its YAML).

use pulldown_cmark::{Event, Tag, TagEnd};

use super::document::{Item, Source, read_items};

/// The readable text of a page.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct PlainText {
    /// The text of each heading.
    pub headings: Vec<String>,
    /// Where each heading starts in `text`, in bytes.
    pub heading_starts: Vec<usize>,
    /// Everything a reader reads, headings included, with white space between blocks (as
    /// the Markdown has it: runs of spaces and line ends are left for readers of words).
    pub text: String,
}

/// The plain text of a page's Markdown, read for its words only (no anchors, links or
/// checks, which a reading of the whole page gives).
pub fn words_of(source: Source<'_>) -> PlainText {
    let mut text = TextBuilder::default();
    read_items(source, &mut |item| text.add(item));
    text.finish()
}

/// Plain text gathered from a page's items, in order.
#[derive(Debug, Default)]
struct TextBuilder {
    plain: PlainText,
    /// The text of the heading being read, if any.
    heading: Option<String>,
}

impl TextBuilder {
    /// Adds what a reader reads of an item.
    fn add(&mut self, item: &Item<'_>) {
        let text = &mut self.plain.text;
        match item {
            Item::Event(Event::Text(t) | Event::Code(t)) => {
                text.push_str(t);
                if let Some(heading) = &mut self.heading {
                    heading.push_str(t);
                }
            }
            Item::Event(Event::Start(Tag::Heading { .. })) => {
                text.push(' ');
                self.plain.heading_starts.push(text.len());
                self.heading = Some(String::new());
            }
            Item::Event(Event::End(TagEnd::Heading(_))) => {
                text.push(' ');
                let heading = self.heading.take().unwrap_or_default();
                self.plain.headings.push(heading.trim().to_string());
            }
            Item::Event(Event::Start(tag)) if is_block(&tag.to_end()) => text.push(' '),
            Item::Event(Event::End(tag)) if is_block(tag) => text.push(' '),
            Item::Event(Event::SoftBreak | Event::HardBreak) => text.push(' '),
            Item::Event(_) => {}
            Item::Code { text: code, .. } => {
                text.push(' ');
                text.push_str(code);
            }
            Item::Block { block, .. } => {
                text.push(' ');
                text.push_str(&block.extension().text());
                text.push(' ');
            }
            Item::Image { alt, .. } => text.push_str(alt),
            Item::CalloutStart(_, title) => {
                text.push(' ');
                text.push_str(title.as_deref().unwrap_or_default());
                text.push(' ');
            }
            Item::CalloutEnd => text.push(' '),
        }
    }

    /// The text gathered.
    fn finish(self) -> PlainText {
        self.plain
    }
}

/// Whether a tag is a block, which words do not run across.
pub(super) fn is_block(tag: &TagEnd) -> bool {
    !matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Link
            | TagEnd::Image
            | TagEnd::Superscript
            | TagEnd::Subscript
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::document::Document;

    /// The plain text of the whole reading of a page, which the reading of its words must
    /// give too.
    fn plain(document: &Document<'_>) -> PlainText {
        let mut text = TextBuilder::default();
        for node in &document.nodes {
            text.add(&node.item);
        }
        text.finish()
    }

    fn plain_text(markdown: &str) -> PlainText {
        words_of(Source {
            body: markdown,
            first_line: 1,
            file: std::path::Path::new("a.md"),
            lang: "fr",
        })
    }

    #[test]
    fn quizzes_and_self_diagnostics_give_their_words_not_their_yaml() {
        let plain = plain_text(
            "Avant.\n\n```quiz\n- question: \"Le plus solide ?\"\n  choices:\n    - \"123\"\n    - text: \"girafe\"\n      correct: true\n  explanation: \"Long.\"\n```\n\n```autodiagnostic\n- statement: \"Je cherche.\"\n  competence: \"1.1\"\n  level: 2\n```\n\n```rust\nlet x = 1;\n```\n",
        );
        assert_eq!(
            words(&plain.text),
            "Avant. Le plus solide ? 123 girafe Long. Je cherche. let x = 1;"
        );
    }

    /// The words of a text with one space between them.
    fn words(text: &str) -> String {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn reading_the_words_only_gives_the_same_text() {
        let markdown = "# Titre {#t}\n\nUn *mot* : [lien](x.md) <span id=\"a\">!</span>\n\n:::tip[Astuce]\nDedans.\n:::\n\n![Un chat](c.png)\n\n```quiz\n- question: \"Oui ?\"\n  choices:\n    - \"a\"\n    - text: \"b\"\n      correct: true\n```\n";
        let source = Source {
            body: markdown,
            first_line: 1,
            file: std::path::Path::new("a.md"),
            lang: "fr",
        };
        assert_eq!(words_of(source), plain(&Document::parse(source)));
        assert!(words_of(source).text.contains("Astuce"));
    }

    #[test]
    fn plain_text_drops_markdown_and_keeps_headings_apart() {
        let plain = plain_text("## Titre\n\n**gras**, et [lien](x.md).\n- un\n\n## Fin\n");
        assert_eq!(words(&plain.text), "Titre gras, et lien. un Fin");
        assert_eq!(plain.headings, ["Titre", "Fin"]);
        let starts: Vec<&str> = plain
            .heading_starts
            .iter()
            .map(|&at| &plain.text[at..at + 3])
            .collect();
        assert_eq!(starts, ["Tit", "Fin"]);
    }
}
