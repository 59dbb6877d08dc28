//! The one reading of a page's Markdown. The body is parsed once into a [`Document`]: the
//! CommonMark and GFM events in order, in which headings carry their final anchors, code
//! blocks and images come whole, alerts become callouts and fenced-block extensions are
//! parsed and checked; beside them, every heading and every link with its line, and the
//! problems of the reading. Every output (HTML, worksheet, link checks) reads this document,
//! so that a heading, a link or a block means the same thing in all of them; the search text
//! reads the same items as they come (`read_items`), without the anchors, links and checks.

use std::collections::{BTreeMap, HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};

use pulldown_cmark::{BlockQuoteKind, CodeBlockKind, CowStr, Event, Options, Parser, Tag, TagEnd};
use serde::Serialize;

use super::blocks::{Block, Kind};
use super::callout::Callout;
use super::directives::{self, Directive};
use super::lint::Lint;
use super::sanitize;
use crate::base::diagnostic::{Diagnostic, Diagnostics, LineIndex};
use crate::base::text::{anchor, french_spacing};

/// The Markdown of a page, and what is needed to read it.
#[derive(Debug, Clone, Copy)]
pub struct Source<'a> {
    /// The Markdown.
    pub body: &'a str,
    /// The line of its file on which it starts.
    pub first_line: usize,
    /// Its file, for messages.
    pub file: &'a Path,
    /// Its language, which sets its typography.
    pub lang: &'a str,
}

/// A page's Markdown, read.
#[derive(Debug, Clone, Default)]
pub struct Document<'a> {
    /// The page's file, for messages.
    pub file: PathBuf,
    /// What the page holds, in order.
    pub nodes: Vec<Node<'a>>,
    /// Every heading, with its anchor.
    pub headings: Vec<Heading>,
    /// The anchors raw HTML gives the page (`id="..."`, `<a name="...">`).
    pub html_anchors: Vec<String>,
    /// Every link and image, with its line.
    pub links: Vec<LinkRef>,
    /// What is wrong in it: malformed blocks, images without text alternative, links
    /// without text, skipped heading levels, anchors that lead nowhere on the page.
    pub problems: Diagnostics,
}

/// One piece of a document, and the line of the file where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Node<'a> {
    /// The line.
    pub line: usize,
    /// The piece.
    pub item: Item<'a>,
}

/// A piece of a document.
#[derive(Debug, Clone, PartialEq)]
pub enum Item<'a> {
    /// Any other piece of CommonMark, as pulldown-cmark reads it. Headings carry their final
    /// anchor, and text its typography.
    Event(Event<'a>),
    /// A code block, whole: its language (the first word of its info string) and its text.
    Code {
        /// `rust`, or empty.
        lang: String,
        /// The code.
        text: String,
    },
    /// A fenced-block extension, parsed and checked.
    Block {
        /// The block.
        block: Block,
        /// Its number among the blocks of its kind in the page, from 1.
        number: usize,
    },
    /// An image, whole.
    Image {
        /// Its address, as written.
        url: String,
        /// Its title, if any.
        title: String,
        /// Its text alternative.
        alt: String,
    },
    /// The start of a framed box ("Remember", "Warning", "Tip"...), with the title its
    /// author gave it, if any.
    CalloutStart(Callout, Option<String>),
    /// The end of the box.
    CalloutEnd,
}

/// A heading of a page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Heading {
    /// 1 to 6.
    pub level: u8,
    /// Its anchor, unique in the page.
    pub id: String,
    /// Its text.
    pub title: String,
    /// Its line in the page's file.
    #[serde(skip)]
    pub line: usize,
}

/// A link or an image of a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkRef {
    /// Its address, as written.
    pub url: String,
    /// Its line in the page's file.
    pub line: usize,
    /// Whether it is an image.
    pub image: bool,
}

/// How much of a page a reading takes in.
enum Reading<'r> {
    /// All of it, as nodes: anchors, links, typography, and the checks.
    Whole,
    /// Its items only, each handed over as it comes: no nodes, anchors, links or checks.
    Items(&'r mut dyn FnMut(&Item<'_>)),
}

/// The parser options: CommonMark plus the GFM extensions.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_GFM
}

impl<'a> Document<'a> {
    /// Reads a page's Markdown.
    pub fn parse(source: Source<'a>) -> Document<'a> {
        read(source, Reading::Whole, |reader, events| {
            reader.finish(events)
        })
    }

    /// The anchors of the page, in order: its headings', then its raw HTML's.
    pub fn anchors(&self) -> Vec<String> {
        let headings = self.headings.iter().map(|h| h.id.clone());
        headings.chain(self.html_anchors.iter().cloned()).collect()
    }

    /// The headings of levels 2 and 3, for a table of contents.
    pub fn toc(&self) -> Vec<Heading> {
        self.headings
            .iter()
            .filter(|h| (2..=3).contains(&h.level))
            .cloned()
            .collect()
    }

    /// The fenced-block extensions of the page.
    pub fn blocks(&self) -> impl Iterator<Item = &Block> {
        self.nodes.iter().filter_map(|node| match &node.item {
            Item::Block { block, .. } => Some(block),
            _ => None,
        })
    }

    /// Gives every heading an anchor (its own `{#id}`, or the one GitHub makes from its text
    /// as written, `texts` in order; unique in the page), and records the headings.
    fn anchor_headings(&mut self, texts: &[String]) {
        let mut taken = HashSet::new();
        let mut texts = texts.iter();
        for index in 0..self.nodes.len() {
            let Item::Event(Event::Start(Tag::Heading { level, .. })) = &self.nodes[index].item
            else {
                continue;
            };
            let level = *level as u8;
            let title = heading_text(&self.nodes[index + 1..]);
            let written = texts.next().map_or(title.as_str(), String::as_str);
            let made = anchor(written);
            let line = self.nodes[index].line;
            if let Item::Event(Event::Start(Tag::Heading { id, .. })) = &mut self.nodes[index].item
            {
                let wanted = id.as_deref().map_or(made, str::to_string);
                let unique = unique_id(&mut taken, wanted);
                *id = Some(unique.clone().into());
                self.headings.push(Heading {
                    level,
                    id: unique,
                    title: title.trim().to_string(),
                    line,
                });
            }
        }
    }
}

/// Reads a page's Markdown for what a reader reads only, handing `each` item to it as it
/// comes, in order: the items of [`Document::parse`], without its nodes, anchors, links and
/// checks.
pub(super) fn read_items(source: Source<'_>, each: &mut dyn FnMut(&Item<'_>)) {
    read(source, Reading::Items(each), |mut reader, events| {
        reader.read(events);
    });
}

/// Reads a page's Markdown as `reading` asks, then `finish`es the reader.
fn read<'a, 'r, T>(
    source: Source<'a>,
    reading: Reading<'r>,
    finish: impl FnOnce(Reader<'r, 'a>, Events<'_, 'a>) -> T,
) -> T {
    let Some(rewritten) = directives::rewrite(source.body) else {
        let lines = LineIndex::new(source.body, source.first_line);
        let mut events = Parser::new_ext(source.body, options()).into_offset_iter();
        let reader = Reader::new(source, lines, BTreeMap::new(), reading);
        return finish(reader, &mut events);
    };
    // The rewritten text lives here only: its events are made to own their text. It has the
    // lines of the body, each at another offset.
    let lines = LineIndex::new(&rewritten.text, source.first_line);
    let mut events = Parser::new_ext(&rewritten.text, options())
        .into_offset_iter()
        .map(|(event, range)| (event.into_static(), range));
    finish(
        Reader::new(source, lines, rewritten.directives, reading),
        &mut events,
    )
}

/// The events of a page's Markdown, with where each stands.
type Events<'e, 'a> = &'e mut dyn Iterator<Item = (Event<'a>, Range<usize>)>;

/// "lexique" becomes "Lexique".
fn capitalized(name: &str) -> String {
    let mut chars = name.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// The text of a heading whose events start `nodes`.
fn heading_text(nodes: &[Node<'_>]) -> String {
    let mut title = String::new();
    for node in nodes {
        match &node.item {
            Item::Event(Event::End(TagEnd::Heading(_))) => break,
            Item::Event(Event::Text(text) | Event::Code(text)) => title.push_str(text),
            _ => {}
        }
    }
    title
}

fn unique_id(taken: &mut HashSet<String>, wanted: String) -> String {
    let mut candidate = wanted.clone();
    let mut n = 1;
    while !taken.insert(candidate.clone()) {
        candidate = format!("{wanted}-{n}");
        n += 1;
    }
    candidate
}

/// The language of a code block: the first word of its info string (`rust` in
/// "```rust,ignore"), empty when it has none.
pub fn code_language(kind: &CodeBlockKind<'_>) -> String {
    match kind {
        CodeBlockKind::Fenced(info) => info
            .split([' ', ',', '{'])
            .next()
            .unwrap_or_default()
            .to_string(),
        CodeBlockKind::Indented => String::new(),
    }
}

/// About how many bytes of Markdown make one node in dense pages (16 to 34 in documentation
/// sites), to size a document's nodes ahead.
const BYTES_PER_NODE: usize = 16;

/// What the reader holds while the events go by.
struct Reader<'r, 'a> {
    source: Source<'a>,
    lines: LineIndex,
    /// The `:::` directives of the page, by the line of the body they open on.
    directives: BTreeMap<usize, Directive>,
    reading: Reading<'r>,
    lint: Lint,
    document: Document<'a>,
    /// The text of each heading as written, before typography, for its anchor.
    heading_texts: Vec<String>,
    /// The heading being read, if any.
    heading: Option<String>,
}

/// A code block or an image being read, whose events are gathered until it ends.
enum Gathering {
    Code {
        lang: String,
        text: String,
        line: usize,
    },
    Image {
        url: String,
        title: String,
        alt: String,
        line: usize,
    },
}

impl<'r, 'a> Reader<'r, 'a> {
    fn new(
        source: Source<'a>,
        lines: LineIndex,
        directives: BTreeMap<usize, Directive>,
        reading: Reading<'r>,
    ) -> Reader<'r, 'a> {
        Reader {
            source,
            lines,
            directives,
            lint: Lint::new(source.file.to_path_buf()),
            heading_texts: Vec::new(),
            heading: None,
            document: Document {
                file: source.file.to_path_buf(),
                nodes: match reading {
                    Reading::Whole => Vec::with_capacity(source.body.len() / BYTES_PER_NODE),
                    Reading::Items(_) => Vec::new(),
                },
                ..Document::default()
            },
            reading,
        }
    }

    /// Reads the events, then gives the headings their anchors and checks the links to
    /// them.
    fn finish(mut self, events: Events<'_, 'a>) -> Document<'a> {
        self.read(events);
        self.document.anchor_headings(&self.heading_texts);
        let Reader {
            mut document, lint, ..
        } = self;
        document.problems.take(lint.finish(&document.anchors()));
        document
    }

    fn read(&mut self, events: Events<'_, 'a>) {
        let mut gathering: Option<Gathering> = None;
        let mut blocks_of_kind: Vec<&'static str> = Vec::new();
        let mut last_line = 0;
        for (event, range) in events {
            let line = self.lines.line_after(range.start, &mut last_line);
            if let Some(Gathering::Code { text, .. }) = &mut gathering {
                match event {
                    Event::Text(more) => text.push_str(&more),
                    Event::End(TagEnd::CodeBlock) => {
                        if let Some(Gathering::Code { lang, text, line }) = gathering.take() {
                            self.code_block(lang, text, line, &mut blocks_of_kind);
                        }
                    }
                    _ => {}
                }
                continue;
            }
            let whole = matches!(self.reading, Reading::Whole);
            if whole {
                self.lint.observe(&event, line);
            }
            if let Some(Gathering::Image { alt, .. }) = &mut gathering {
                match event {
                    Event::Text(text) | Event::Code(text) => alt.push_str(&text),
                    Event::End(TagEnd::Image) => {
                        if let Some(Gathering::Image {
                            url,
                            title,
                            alt,
                            line,
                        }) = gathering.take()
                        {
                            self.push(line, Item::Image { url, title, alt });
                        }
                    }
                    _ => {}
                }
                continue;
            }
            if whole {
                self.follow_heading(&event);
            }
            match event {
                Event::Start(Tag::CodeBlock(kind)) => {
                    gathering = Some(Gathering::Code {
                        lang: code_language(&kind),
                        text: String::new(),
                        line,
                    });
                }
                Event::Start(Tag::Image {
                    dest_url, title, ..
                }) => {
                    self.link(&dest_url, line, true);
                    gathering = Some(Gathering::Image {
                        url: dest_url.into_string(),
                        title: title.into_string(),
                        alt: String::new(),
                        line,
                    });
                }
                Event::Start(Tag::Link { ref dest_url, .. }) => {
                    self.link(dest_url, line, false);
                    self.push(line, Item::Event(event));
                }
                Event::Start(Tag::BlockQuote(Some(kind))) => {
                    let item = self.callout(kind, line);
                    self.push(line, item);
                }
                Event::End(TagEnd::BlockQuote(Some(_))) => self.push(line, Item::CalloutEnd),
                Event::Html(ref html) | Event::InlineHtml(ref html) if whole => {
                    self.document.html_anchors.extend(sanitize::anchors(html));
                    self.push(line, Item::Event(event));
                }
                Event::Text(text) if self.source.lang == "fr" => {
                    let text = match french_spacing(&text) {
                        std::borrow::Cow::Borrowed(_) => text,
                        std::borrow::Cow::Owned(spaced) => CowStr::from(spaced),
                    };
                    self.push(line, Item::Event(Event::Text(text)));
                }
                other => self.push(line, Item::Event(other)),
            }
        }
    }

    /// The start of a box: a GitHub alert, or a `:::` directive rewritten as one.
    fn callout(&mut self, kind: BlockQuoteKind, line: usize) -> Item<'a> {
        let Some(directive) = self.directives.get(&(line - self.source.first_line)) else {
            return Item::CalloutStart(Callout::of(kind), None);
        };
        if let Some(named) = Callout::named(&directive.name) {
            return Item::CalloutStart(named, directive.title.clone());
        }
        let name = &directive.name;
        self.document.problems.push(
            Diagnostic::warning(
                self.source.file,
                format!("`:::{name}` is not a kind of box parcours knows: it shows as a note"),
            )
            .at_line(line)
            .with_hint("use :::note, :::tip, :::important, :::warning, :::caution, :::danger, :::details or :::helper, with a title in brackets if you like (`:::tip[Astuce]`)"),
        );
        let title = directive.title.clone().unwrap_or_else(|| capitalized(name));
        Item::CalloutStart(Callout::Note, Some(title))
    }

    /// Gathers the text of the heading being read, as written.
    fn follow_heading(&mut self, event: &Event<'_>) {
        match (event, &mut self.heading) {
            (Event::Start(Tag::Heading { .. }), _) => self.heading = Some(String::new()),
            (Event::End(TagEnd::Heading(_)), heading) => {
                self.heading_texts.extend(heading.take());
            }
            (Event::Text(text) | Event::Code(text), Some(heading)) => heading.push_str(text),
            _ => {}
        }
    }

    fn push(&mut self, line: usize, item: Item<'a>) {
        match &mut self.reading {
            Reading::Whole => self.document.nodes.push(Node { line, item }),
            Reading::Items(each) => each(&item),
        }
    }

    fn link(&mut self, url: &str, line: usize, image: bool) {
        if let Reading::Items(_) = self.reading {
            return;
        }
        self.document.links.push(LinkRef {
            url: url.to_string(),
            line,
            image,
        });
    }

    /// A code block whose fence starts at `line`: a fenced-block extension when its language
    /// names one (or the extension's problem), plain code otherwise.
    fn code_block(
        &mut self,
        lang: String,
        text: String,
        line: usize,
        blocks_of_kind: &mut Vec<&'static str>,
    ) {
        let Some(kind) = Kind::named(&lang) else {
            self.push(line, Item::Code { lang, text });
            return;
        };
        let parsed = kind.parse(&text, self.source.file, line + 1);
        if let Some(block) = self.document.problems.take(parsed) {
            blocks_of_kind.push(block.fence());
            let number = blocks_of_kind
                .iter()
                .filter(|k| **k == block.fence())
                .count();
            self.push(line, Item::Block { block, number });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(markdown: &str) -> Document<'_> {
        Document::parse(Source {
            body: markdown,
            first_line: 1,
            file: Path::new("a.md"),
            lang: "fr",
        })
    }

    #[test]
    fn headings_get_unique_anchors() {
        let document = read("## A b\n## A b\n### C {#own}\n");
        let ids: Vec<_> = document.toc().into_iter().map(|h| h.id).collect();
        assert_eq!(ids, ["a-b", "a-b-1", "own"]);
    }

    #[test]
    fn images_and_code_come_whole_and_links_are_listed_with_their_lines() {
        let document =
            read("Voir [là](b.md).\n\n![Un *cadenas*](c.png \"t\")\n\n```rust\nlet x;\n```\n");
        let images: Vec<_> = document
            .nodes
            .iter()
            .filter_map(|n| match &n.item {
                Item::Image { url, alt, title } => {
                    Some((url.as_str(), alt.as_str(), title.as_str(), n.line))
                }
                _ => None,
            })
            .collect();
        assert_eq!(images, [("c.png", "Un cadenas", "t", 3)]);
        assert!(document.nodes.iter().any(|n| n.item
            == Item::Code {
                lang: "rust".into(),
                text: "let x;\n".into()
            }));
        let links: Vec<_> = document
            .links
            .iter()
            .map(|l| (l.url.as_str(), l.line, l.image))
            .collect();
        assert_eq!(links, [("b.md", 1, false), ("c.png", 3, true)]);
    }

    #[test]
    fn extensions_are_parsed_once_and_numbered_by_kind() {
        let quiz = "```quiz\n- question: \"A ?\"\n  choices:\n    - \"x\"\n    - text: \"y\"\n      correct: true\n```\n\n";
        let markdown = format!(
            "{quiz}{quiz}```autodiagnostic\n- statement: \"Je sais.\"\n  competence: \"1.1\"\n  level: 2\n```\n"
        );
        let document = read(&markdown);
        let numbers: Vec<_> = document
            .nodes
            .iter()
            .filter_map(|n| match &n.item {
                Item::Block { block, number } => Some((block.fence(), *number)),
                _ => None,
            })
            .collect();
        assert_eq!(numbers, [("quiz", 1), ("quiz", 2), ("autodiagnostic", 1)]);
        assert!(document.problems.is_empty(), "{:?}", document.problems);
    }

    #[test]
    fn a_malformed_block_is_a_problem_on_its_line_and_is_left_out() {
        let document = read("Texte.\n\n```quiz\n- question: [\n```\n");
        assert_eq!(document.blocks().count(), 0);
        assert!(document.problems[0].line.is_some_and(|l| l >= 4));
    }

    #[test]
    fn directives_become_boxes_with_their_titles_and_keep_their_lines() {
        let document = read(
            "Texte.\n\n:::tip[Astuce]\nUn [lien](#titre).\n:::\n\n:::lexique\nMot.\n:::\n\n## Titre\n",
        );
        let boxes: Vec<(&Item, usize)> = document
            .nodes
            .iter()
            .filter(|n| matches!(n.item, Item::CalloutStart(..)))
            .map(|n| (&n.item, n.line))
            .collect();
        assert_eq!(
            boxes,
            [
                (&Item::CalloutStart(Callout::Tip, Some("Astuce".into())), 3),
                (
                    &Item::CalloutStart(Callout::Note, Some("Lexique".into())),
                    7
                )
            ]
        );
        assert_eq!(document.links[0].line, 4);
        assert_eq!(document.headings[0].line, 11);
        let problems: Vec<_> = document
            .problems
            .iter()
            .map(|d| (d.line, d.is_error()))
            .collect();
        assert_eq!(problems, [(Some(7), false)], "{:?}", document.problems);
    }

    #[test]
    fn alerts_become_callouts_and_french_text_gets_its_spaces() {
        let document = read("> [!IMPORTANT]\n> Attention : oui.\n");
        assert_eq!(
            document.nodes[0].item,
            Item::CalloutStart(Callout::Important, None)
        );
        assert!(
            document
                .nodes
                .iter()
                .any(|n| n.item == Item::Event(Event::Text("Attention\u{202F}: oui.".into())))
        );
        assert_eq!(
            document.nodes.last().map(|n| &n.item),
            Some(&Item::CalloutEnd)
        );
    }
}
