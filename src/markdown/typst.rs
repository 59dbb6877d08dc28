//! A read page as Typst markup, for its worksheet. Every piece of text the author wrote
//! becomes a Typst string literal (`#"..."`), so that no character of the content can ever
//! run Typst code; the structure becomes calls to Typst functions and to the helpers of the
//! theme's fiche.typ (`task`, `callout`, `quiz`, `answers`, `selftest`).

use std::collections::{HashMap, HashSet};

use pulldown_cmark::{Alignment, Event, Tag, TagEnd};

use super::blocks::Appendix;
use super::context::Context;
use super::document::{Document, Item, Node};
use super::helper::{self, HelperMarkup};
use super::raw_html::{Piece, pieces};
use crate::base::diagnostic::{Diagnostic, Diagnostics};
use crate::base::images::{self, Printed};
use crate::base::text::typst_string as string;

/// The Typst markup of a page body, the assets it shows, and its problems.
#[derive(Debug, Default)]
pub struct Markup {
    /// Typst markup, to be placed after `#import` of the theme's helpers.
    pub text: String,
    /// The assets (paths inside `content/`) that images use.
    pub images: Vec<String>,
    /// Images the worksheet cannot show, and other problems, with their lines.
    pub problems: Diagnostics,
}

/// Converts a read page to Typst markup for the learner's worksheet: the `:::helper` boxes
/// and the quizzes' answers are left for the helper sheet ([`render_helper`]).
pub fn render(document: &Document<'_>, cx: &Context<'_>) -> Markup {
    let (mut converter, rest) = Converter::new(document, cx);
    converter.out.text = converter.blocks(&helper::learner_nodes(&rest));
    converter.report_web_images();
    converter.out
}

/// The Typst markup of a helper sheet: what the session needs (under the heading
/// `materials_heading`), the `:::helper` notes, and the quizzes' answers.
pub fn render_helper(document: &Document<'_>, cx: &Context<'_>, heading: &str) -> HelperMarkup {
    let (mut converter, rest) = Converter::new(document, cx);
    let parts = helper::parts(&rest, heading);
    let materials = converter.blocks(&parts.materials);
    let notes: Vec<String> = parts.notes.iter().map(|n| converter.blocks(n)).collect();
    for block in &parts.quizzes {
        // Only the answers are kept: the questions are on the learner's sheet.
        block.extension().typst(cx, &mut converter.appendix);
    }
    HelperMarkup {
        materials,
        notes: notes.join("\n"),
        answers: converter.answers(),
        images: converter.out.images,
        problems: converter.out.problems,
    }
}

struct Converter<'c> {
    cx: &'c Context<'c>,
    document: &'c Document<'c>,
    out: Markup,
    footnotes: HashMap<String, String>,
    appendix: Appendix,
    /// Whether raw HTML is inside a script or a style, which never prints.
    hidden_html: bool,
    /// The lines of the images from the web.
    web_images: Vec<usize>,
    /// The inline HTML elements open (`sub`, `kbd`...), each printed with its style, with
    /// the depth of the element they are written in.
    html_open: Vec<(String, usize)>,
}

/// What an element gives its parent when it ends.
enum Closed {
    Text(String),
    Item(String),
    Cell(String),
    Row { head: bool },
}

/// Where the converter is while walking the nodes.
enum Frame {
    /// Inline content to wrap when the element ends: the opening text.
    Wrap(String),
    /// A block to wrap, on lines of its own.
    Block(String),
    /// Content kept as it is.
    Plain,
    /// A block of raw HTML: a paragraph of its text, if it has any.
    HtmlBlock,
    /// A list item, a table cell, a table row (header or not).
    Item,
    Cell,
    Row {
        head: bool,
    },
    /// A list: its items so far, the call that opens it, and whether it is a task list.
    List {
        open: String,
        items: Vec<String>,
        tasks: bool,
    },
    /// A table: its alignments, cells of the current row, rows.
    Table {
        columns: Vec<Alignment>,
        row: Vec<String>,
        header: Vec<String>,
        rows: Vec<String>,
    },
}

impl<'c> Converter<'c> {
    /// A converter for `document`, with its footnotes read, and the nodes that are not
    /// footnote definitions.
    fn new(document: &'c Document<'c>, cx: &'c Context<'c>) -> (Self, Vec<&'c Node<'c>>) {
        let mut converter = Converter {
            cx,
            document,
            out: Markup::default(),
            footnotes: HashMap::new(),
            appendix: Appendix::default(),
            hidden_html: false,
            web_images: Vec::new(),
            html_open: Vec::new(),
        };
        // Footnote definitions first, so that each reference can carry its text.
        let mut rest: Vec<&Node<'_>> = Vec::with_capacity(document.nodes.len());
        let mut nodes = document.nodes.iter();
        while let Some(node) = nodes.next() {
            if let Item::Event(Event::Start(Tag::FootnoteDefinition(label))) = &node.item {
                let inner: Vec<&Node<'_>> = nodes
                    .by_ref()
                    .take_while(|n| n.item != Item::Event(Event::End(TagEnd::FootnoteDefinition)))
                    .collect();
                let text = converter.footnote(&inner);
                converter.footnotes.insert(label.to_string(), text);
            } else {
                rest.push(node);
            }
        }
        (converter, rest)
    }

    /// The answers of the quizzes converted so far, for the helper; empty without any.
    fn answers(&self) -> String {
        if self.appendix.answers.is_empty() {
            return String::new();
        }
        let label = |key: &str| string(&self.cx.text(key));
        format!(
            "\n#answers({}, {}, ({},))\n",
            label("quiz.answers"),
            label("quiz.answer"),
            self.appendix.answers.join(", ")
        )
    }
}

impl Converter<'_> {
    /// Converts a sequence of nodes into markup.
    fn blocks(&mut self, nodes: &[&Node<'_>]) -> String {
        self.blocks_with(nodes, lone_images(nodes))
    }

    /// The text of a footnote, its first paragraph unwrapped so that it starts on the line
    /// of the footnote's number.
    fn footnote(&mut self, nodes: &[&Node<'_>]) -> String {
        let mut plain = lone_images(nodes);
        if let Some(Item::Event(Event::Start(Tag::Paragraph))) = nodes.first().map(|n| &n.item) {
            plain.insert(0);
        }
        self.blocks_with(nodes, plain)
    }

    /// Typst markup of block nodes; the paragraphs at the indexes of `alone` are not wrapped.
    fn blocks_with(&mut self, nodes: &[&Node<'_>], alone: HashSet<usize>) -> String {
        let mut stack: Vec<(Frame, String)> = Vec::new();
        let mut current = String::new();
        for (index, node) in nodes.iter().enumerate() {
            match &node.item {
                Item::Event(Event::Start(tag)) => {
                    let frame = self.open(tag, alone.contains(&index));
                    stack.push((frame, std::mem::take(&mut current)));
                }
                Item::CalloutStart(kind, title) => {
                    let name = kind.name();
                    let title = title
                        .clone()
                        .unwrap_or_else(|| self.cx.text(&format!("callout.{name}")));
                    let open = format!("#callout({}, {})[", string(kind.name()), string(&title));
                    stack.push((Frame::Block(open), std::mem::take(&mut current)));
                }
                Item::Event(Event::End(_)) | Item::CalloutEnd => {
                    // Inline HTML never runs past the element it is written in.
                    self.close_html(stack.len(), &mut current);
                    let Some((frame, before)) = stack.pop() else {
                        continue;
                    };
                    let done = std::mem::replace(&mut current, before);
                    self.closed(self.close(frame, done), &mut stack, &mut current);
                }
                Item::Event(Event::Html(html) | Event::InlineHtml(html)) => {
                    current.push_str(&self.html_text(html, stack.len()));
                }
                Item::Event(event) => self.inline(event, &mut stack, &mut current),
                Item::Code { lang, text } => current.push_str(&code(lang, text)),
                Item::Block { block, .. } => {
                    let markup = block.extension().typst(self.cx, &mut self.appendix);
                    current.push_str(&markup);
                }
                Item::Image { url, alt, .. } => {
                    current.push_str(&self.image(url, alt, node.line, alone.contains(&index)))
                }
            }
        }
        self.close_html(0, &mut current);
        current
    }

    /// Gives what an element closed to its parent.
    fn closed(&self, closed: Closed, stack: &mut [(Frame, String)], current: &mut String) {
        match closed {
            Closed::Item(text) => match stack.last_mut() {
                Some((Frame::List { items, .. }, _)) => items.push(text),
                _ => current.push_str(&text),
            },
            Closed::Cell(text) => match nearest_table(stack) {
                Some((row, _, _)) => row.push(text),
                None => current.push_str(&text),
            },
            Closed::Row { head } => {
                if let Some((row, header, rows)) = nearest_table(stack) {
                    let cells = std::mem::take(row);
                    if head {
                        *header = cells
                    } else {
                        rows.extend(cells)
                    }
                }
            }
            Closed::Text(text) => current.push_str(&text),
        }
    }

    /// Text, breaks, rules, task markers, footnote references.
    fn inline(&mut self, event: &Event<'_>, stack: &mut [(Frame, String)], current: &mut String) {
        match event {
            Event::Text(text) => {
                current.push('#');
                current.push_str(&string(text));
            }
            Event::Html(_) | Event::InlineHtml(_) => {}
            Event::InlineMath(text) | Event::DisplayMath(text) => {
                current.push('#');
                current.push_str(&string(text));
            }
            Event::Code(text) => current.push_str(&format!("#raw({})", string(text))),
            Event::SoftBreak => current.push_str("#\" \""),
            Event::HardBreak => current.push_str("#linebreak()"),
            Event::Rule => current.push_str("\n#line(length: 100%)\n"),
            Event::TaskListMarker(done) => {
                current.push_str(&format!("#task({done})"));
                let list = stack
                    .iter_mut()
                    .rev()
                    .find(|(f, _)| matches!(f, Frame::List { .. }));
                if let Some((Frame::List { tasks, .. }, _)) = list {
                    *tasks = true;
                }
            }
            Event::FootnoteReference(label) => {
                if let Some(text) = self.footnotes.get(&**label) {
                    current.push_str(&format!("#footnote[{text}]"));
                }
            }
            Event::Start(_) | Event::End(_) => {}
        }
    }

    /// Closes the styles of inline HTML still open in the element ending at `depth` (a
    /// `<sub>` without its `</sub>`), so that every bracket closes where it opened.
    fn close_html(&mut self, depth: usize, current: &mut String) {
        while self.html_open.last().is_some_and(|(_, d)| *d >= depth) {
            self.html_open.pop();
            current.push(']');
        }
    }

    /// One warning for the images of the web a page shows: its worksheet prints their
    /// description and address, since it cannot fetch them.
    fn report_web_images(&mut self) {
        let Some(&line) = self.web_images.first() else {
            return;
        };
        let count = self.web_images.len();
        let message = match count {
            1 => "an image comes from the web: the worksheet prints its description and address instead".to_string(),
            n => format!("{n} images come from the web: the worksheet prints their description and address instead"),
        };
        self.out.problems.push(
            Diagnostic::warning(&self.document.file, message)
                .at_line(line)
                .with_hint("to print an image, put it in the page's folder and link to it by its name, such as `![...](cadenas.png)`"),
        );
    }

    /// What a reader sees of raw HTML, on paper: its text, a `<summary>` in bold (the
    /// disclosure is open in print), a line break for `<br>`; never its tags, comments,
    /// scripts or styles.
    fn html_text(&mut self, fragment: &str, depth: usize) -> String {
        let mut out = String::new();
        let mut summary = false;
        for piece in pieces(fragment) {
            match piece {
                Piece::Open { name, .. } if name == "script" || name == "style" => {
                    self.hidden_html = true
                }
                Piece::Close(name) if name == "script" || name == "style" => {
                    self.hidden_html = false
                }
                _ if self.hidden_html => {}
                Piece::Open { name, .. } if name == "br" => out.push_str("#linebreak()"),
                Piece::Open { name, .. } if inline_style(&name).is_some() => {
                    out.push_str(inline_style(&name).unwrap_or_default());
                    self.html_open.push((name, depth));
                }
                Piece::Close(name)
                    if self
                        .html_open
                        .last()
                        .is_some_and(|(open, d)| *open == name && *d == depth) =>
                {
                    self.html_open.pop();
                    out.push(']');
                }
                Piece::Open { name, .. } if name == "summary" && fragment.contains("</summary") => {
                    summary = true;
                    out.push_str("#strong[");
                }
                Piece::Close(name) if name == "summary" && summary => {
                    summary = false;
                    out.push(']');
                }
                Piece::Text(text) if !text.trim().is_empty() => {
                    out.push('#');
                    out.push_str(&string(&collapsed(&text)));
                }
                _ => {}
            }
        }
        if summary {
            out.push(']');
        }
        out
    }

    /// The frame of an element; `alone` when it is a paragraph holding only an image (which
    /// then prints as a figure, unwrapped).
    fn open(&self, tag: &Tag<'_>, alone: bool) -> Frame {
        match tag {
            Tag::Paragraph if alone => Frame::Plain,
            Tag::Paragraph => Frame::Block("#par[".into()),
            Tag::Heading { level, .. } => {
                Frame::Block(format!("#heading(level: {})[", *level as u8))
            }
            Tag::BlockQuote(_) => Frame::Block("#quote(block: true)[".into()),
            Tag::List(Some(start)) => Frame::List {
                open: format!("#enum(start: {start}"),
                items: Vec::new(),
                tasks: false,
            },
            Tag::List(None) => Frame::List {
                open: "#list(".into(),
                items: Vec::new(),
                tasks: false,
            },
            Tag::Item => Frame::Item,
            Tag::Emphasis => Frame::Wrap("#emph[".into()),
            Tag::Strong => Frame::Wrap("#strong[".into()),
            Tag::Strikethrough => Frame::Wrap("#strike[".into()),
            Tag::Superscript => Frame::Wrap("#super[".into()),
            Tag::Subscript => Frame::Wrap("#sub[".into()),
            Tag::Link { dest_url, .. } if dest_url.trim().is_empty() => Frame::Plain,
            Tag::Link { dest_url, .. } => {
                let url = self.cx.links.printed(dest_url);
                Frame::Wrap(format!("#link({})[", string(&url)))
            }
            Tag::Table(columns) => Frame::Table {
                columns: columns.clone(),
                row: Vec::new(),
                header: Vec::new(),
                rows: Vec::new(),
            },
            Tag::TableHead => Frame::Row { head: true },
            Tag::TableRow => Frame::Row { head: false },
            Tag::TableCell => Frame::Cell,
            Tag::HtmlBlock => Frame::HtmlBlock,
            Tag::CodeBlock(_)
            | Tag::Image { .. }
            | Tag::MetadataBlock(_)
            | Tag::FootnoteDefinition(_)
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition => Frame::Plain,
        }
    }

    fn close(&self, frame: Frame, inner: String) -> Closed {
        Closed::Text(match frame {
            Frame::Plain => inner,
            Frame::HtmlBlock if inner.trim().is_empty() => inner,
            Frame::HtmlBlock => format!("\n#par[{inner}]\n"),
            Frame::Item => return Closed::Item(inner),
            Frame::Cell => return Closed::Cell(inner),
            Frame::Row { head } => return Closed::Row { head },
            Frame::Block(open) => format!("\n{open}{inner}]\n"),
            Frame::Wrap(open) => format!("{open}{inner}]"),
            Frame::List { open, items, tasks } => list(&open, &items, tasks),
            Frame::Table {
                columns,
                header,
                rows,
                ..
            } => table(&columns, &header, &rows),
        })
    }

    /// An image beside the page: a figure the width of the page when it stands alone in its
    /// paragraph or list item, in its line otherwise. Any other image is a problem.
    fn image(&mut self, url: &str, alt: &str, line: usize, figure: bool) -> String {
        if is_web_address(url) {
            self.web_images.push(line);
            return format!(
                "#web-image({}, {}, {}, figure: {figure})",
                string(&self.cx.text("fiche.web_image")),
                string(alt.trim()),
                string(url)
            );
        }
        let Some(asset) = self.cx.links.asset(url) else {
            self.out.problems.push(
                Diagnostic::error(&self.document.file, format!("the image `{url}` is not a file beside the page, so the worksheet cannot show it"))
                    .at_line(line)
                    .with_hint("put the image in the page's folder and link to it by its name, such as `![...](cadenas.png)`"),
            );
            return String::new();
        };
        let printed = images::printed(&asset.file);
        let format = printed
            .and_then(|p| p.misnamed)
            .map(|format| format!(", format: \"{format}\""))
            .unwrap_or_default();
        let image = format!(
            "image({}, alt: {}{format}",
            string(&format!("/content/{}", asset.path)),
            string(alt.trim())
        );
        self.out.images.push(asset.path);
        if figure {
            format!("\n#figure({image}, {}))\n", figure_size(printed))
        } else {
            format!("#box({image}))")
        }
    }
}

/// How large an image standing alone prints: the width of the page, or, when that would
/// make it taller than most of a page (a phone's screenshot), 80% of the page's height, so
/// that it never runs over the footer.
fn figure_size(printed: Option<Printed>) -> &'static str {
    let (width, height) = printed.map_or((1, 1), |p| (p.width, p.height));
    // The text of an A4 page is about 1.36 times as high as it is wide.
    if f64::from(height) > 1.09 * f64::from(width.max(1)) {
        "height: 80%"
    } else {
        "width: 100%"
    }
}

/// How an inline HTML element prints, if it has a style on paper: the opening of its Typst
/// call (`kbd` is the theme's key).
fn inline_style(name: &str) -> Option<&'static str> {
    Some(match name {
        "b" | "strong" | "mark" => "#strong[",
        "i" | "em" | "cite" | "dfn" | "var" => "#emph[",
        "sub" => "#sub[",
        "sup" => "#super[",
        "s" | "del" | "strike" => "#strike[",
        "u" | "ins" => "#underline[",
        "kbd" => "#key[",
        _ => return None,
    })
}

/// Whether an address leads to the web (`https://…`, `//host/…`).
fn is_web_address(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("//")
}

/// Text with each run of white space made one space, as HTML shows it.
fn collapsed(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (n, word) in text.split_whitespace().enumerate() {
        if n > 0 || text.starts_with(char::is_whitespace) {
            out.push(' ');
        }
        out.push_str(word);
    }
    if text.ends_with(char::is_whitespace) {
        out.push(' ');
    }
    out
}

/// A code block.
fn code(lang: &str, text: &str) -> String {
    let lang = if lang.is_empty() {
        "none".to_string()
    } else {
        string(lang)
    };
    format!(
        "\n#raw(block: true, lang: {lang}, {})\n",
        string(text.trim_end_matches('\n'))
    )
}

/// A list of items; a task list has boxes instead of bullets.
fn list(open: &str, items: &[String], tasks: bool) -> String {
    let items: Vec<String> = items.iter().map(|i| format!("[{i}]")).collect();
    let open = if tasks && open == "#list(" {
        "#list(marker: none, "
    } else {
        open
    };
    let separator = if open.ends_with('(') || open.ends_with(", ") {
        ""
    } else {
        ", "
    };
    format!("\n{open}{separator}{})\n", items.join(", "))
}

/// A table, its header repeated on every page it runs over.
fn table(columns: &[Alignment], header: &[String], rows: &[String]) -> String {
    let align: Vec<&str> = columns
        .iter()
        .map(|a| match a {
            Alignment::Center => "center",
            Alignment::Right => "right",
            _ => "left",
        })
        .collect();
    let header: Vec<String> = header.iter().map(|c| format!("[{c}]")).collect();
    let cells: Vec<String> = rows.iter().map(|c| format!("[{c}]")).collect();
    format!(
        "\n#table(columns: {}, align: ({},), table.header({}), {})\n",
        columns.len().max(1),
        align.join(", "),
        header.join(", "),
        cells.join(", ")
    )
}

/// The indices of the images alone in their paragraph or list item, and of that paragraph
/// or item: such an image is a figure the width of the page; any other stays in its line.
fn lone_images(nodes: &[&Node<'_>]) -> HashSet<usize> {
    let mut alone = HashSet::new();
    for (index, window) in nodes.windows(3).enumerate() {
        let parent = match &window[0].item {
            Item::Event(Event::Start(Tag::Paragraph)) => TagEnd::Paragraph,
            Item::Event(Event::Start(Tag::Item)) => TagEnd::Item,
            _ => continue,
        };
        if matches!(window[1].item, Item::Image { .. })
            && window[2].item == Item::Event(Event::End(parent))
        {
            alone.extend([index, index + 1]);
        }
    }
    alone
}

/// The row, header and body cells of the innermost table being read.
#[allow(clippy::type_complexity)]
fn nearest_table(
    stack: &mut [(Frame, String)],
) -> Option<(&mut Vec<String>, &mut Vec<String>, &mut Vec<String>)> {
    stack.iter_mut().rev().find_map(|(frame, _)| match frame {
        Frame::Table {
            row, header, rows, ..
        } => Some((row, header, rows)),
        _ => None,
    })
}
