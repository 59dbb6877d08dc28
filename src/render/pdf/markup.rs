//! Markdown to Typst markup. Every piece of text the author wrote becomes a Typst string
//! literal (`#"..."`), so that no character of the content can ever run Typst code; the
//! structure becomes calls to Typst functions and to the helpers of the theme's fiche.typ
//! (`task`, `callout`).

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use pulldown_cmark::{Alignment, Event, Parser, Tag, TagEnd};

use crate::diagnostic::{Diagnostic, LineIndex};
use crate::links::{self, Target};
use crate::markdown::{callout_name, code_language, french_spacing, options};
use crate::model::{Page, Site, resolve_relative};
use crate::quiz::{self, Question};

/// The Typst markup of a page body, the assets it shows, and its problems.
#[derive(Debug, Default)]
pub struct Markup {
    /// Typst markup, to be placed after `#import` of the theme's helpers.
    pub text: String,
    /// The assets (paths inside `content/`) that images use.
    pub images: Vec<String>,
    /// Missing images and other problems, with their lines.
    pub problems: Vec<Diagnostic>,
}

/// A Typst string literal holding `text`, safe whatever it contains.
pub fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Converts the body of `page` to Typst markup.
pub fn convert(site: &Site, page: &Page) -> Markup {
    let events: Vec<(Event, Range<usize>)> = Parser::new_ext(&page.body, options())
        .into_offset_iter()
        .collect();
    let lines = LineIndex::new(&page.body, page.body_line);
    let mut converter = Converter {
        site,
        page,
        lines: &lines,
        out: Markup::default(),
        footnotes: HashMap::new(),
        quiz: Vec::new(),
    };
    // Footnote definitions first, so that each reference can carry its text.
    let mut rest = Vec::with_capacity(events.len());
    let mut iter = events.into_iter();
    while let Some((event, range)) = iter.next() {
        if let Event::Start(Tag::FootnoteDefinition(label)) = event {
            let inner: Vec<_> = iter
                .by_ref()
                .take_while(|(e, _)| !matches!(e, Event::End(TagEnd::FootnoteDefinition)))
                .collect();
            let text = converter.blocks(inner);
            converter.footnotes.insert(label.to_string(), text);
        } else {
            rest.push((event, range));
        }
    }
    let mut text = converter.blocks(rest);
    if !converter.quiz.is_empty() {
        let label = |key: &str| string(&site.strings.get(&page.lang, key));
        let questions: Vec<String> = converter
            .quiz
            .iter()
            .map(|q| converter.question(q))
            .collect();
        text.push_str(&format!(
            "\n#answers({}, {}, ({},))\n",
            label("quiz.answers"),
            label("quiz.answer"),
            questions.join(", ")
        ));
    }
    converter.out.text = text;
    converter.out
}

struct Converter<'a> {
    site: &'a Site,
    page: &'a Page,
    lines: &'a LineIndex,
    out: Markup,
    footnotes: HashMap<String, String>,
    /// Every quiz question so far, for the answers page.
    quiz: Vec<Question>,
}

/// What an element gives its parent when it ends.
enum Closed {
    Text(String),
    Item(String),
    Cell(String),
    Row { head: bool },
}

/// Where the converter is while walking the events.
enum Frame {
    /// Inline content to wrap when the element ends: the opening text.
    Wrap(String),
    /// A block to wrap, on lines of its own.
    Block(String),
    /// Content kept as it is.
    Plain,
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
    /// An image: where it points, its alt text so far (checked by [`crate::lint`]), and
    /// whether it stands alone in its paragraph or list item (then it prints as a figure).
    Image {
        path: Option<String>,
        alt: String,
        figure: bool,
    },
    /// A code block: its language and text.
    Code {
        lang: String,
        text: String,
    },
}

impl Converter<'_> {
    /// Converts a sequence of events into markup.
    fn blocks(&mut self, events: Vec<(Event<'_>, Range<usize>)>) -> String {
        let alone = lone_images(&events);
        let mut stack: Vec<(Frame, String)> = Vec::new();
        let mut current = String::new();
        for (index, (event, range)) in events.into_iter().enumerate() {
            let line = self.lines.line(range.start);
            if let Some((Frame::Code { text, .. }, _)) = stack.last_mut() {
                if let Event::Text(more) = &event {
                    text.push_str(more);
                    continue;
                }
            }
            if let Some((Frame::Image { alt, .. }, _)) = stack.last_mut() {
                match &event {
                    Event::Text(t) | Event::Code(t) => {
                        alt.push_str(t);
                        continue;
                    }
                    Event::End(TagEnd::Image) => {}
                    _ => continue,
                }
            }
            match event {
                Event::Start(tag) => {
                    let frame = self.open(tag, line, alone.contains(&index));
                    stack.push((frame, std::mem::take(&mut current)));
                }
                Event::End(_) => {
                    let Some((frame, before)) = stack.pop() else {
                        continue;
                    };
                    let done = std::mem::replace(&mut current, before);
                    match self.close(frame, done) {
                        Closed::Item(text) => match stack.last_mut() {
                            Some((Frame::List { items, .. }, _)) => items.push(text),
                            _ => current.push_str(&text),
                        },
                        Closed::Cell(text) => match nearest_table(&mut stack) {
                            Some((row, _, _)) => row.push(text),
                            None => current.push_str(&text),
                        },
                        Closed::Row { head } => {
                            if let Some((row, header, rows)) = nearest_table(&mut stack) {
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
                Event::Text(text) => {
                    let text = if self.page.lang == "fr" {
                        french_spacing(text)
                    } else {
                        text
                    };
                    current.push('#');
                    current.push_str(&string(&text));
                }
                Event::Code(text) => current.push_str(&format!("#raw({})", string(&text))),
                Event::Html(html) | Event::InlineHtml(html) => {
                    current.push('#');
                    current.push_str(&string(&html));
                }
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
                    if let Some(text) = self.footnotes.get(&*label) {
                        current.push_str(&format!("#footnote[{text}]"));
                    }
                }
                Event::InlineMath(t) | Event::DisplayMath(t) => {
                    current.push('#');
                    current.push_str(&string(&t));
                }
            }
        }
        current
    }

    /// The frame of an element starting at `line`; `alone` when it is an image alone in its
    /// paragraph or list item, or that paragraph (which then holds the figure, unwrapped).
    fn open(&mut self, tag: Tag<'_>, line: usize, alone: bool) -> Frame {
        match tag {
            Tag::Paragraph if alone => Frame::Plain,
            Tag::Paragraph => Frame::Block("#par[".into()),
            Tag::Heading { level, .. } => {
                Frame::Block(format!("#heading(level: {})[", level as u8))
            }
            Tag::BlockQuote(Some(kind)) => {
                let name = callout_name(kind);
                let title = self
                    .site
                    .strings
                    .get(&self.page.lang, &format!("callout.{name}"));
                Frame::Block(format!("#callout({}, {})[", string(name), string(&title)))
            }
            Tag::BlockQuote(None) => Frame::Block("#quote(block: true)[".into()),
            Tag::CodeBlock(kind) => Frame::Code {
                lang: code_language(kind),
                text: String::new(),
            },
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
                let url = self.absolute_url(&dest_url);
                Frame::Wrap(format!("#link({})[", string(&url)))
            }
            Tag::Image { dest_url, .. } => Frame::Image {
                path: self.image_path(&dest_url, line),
                alt: String::new(),
                figure: alone,
            },
            Tag::Table(columns) => Frame::Table {
                columns,
                row: Vec::new(),
                header: Vec::new(),
                rows: Vec::new(),
            },
            Tag::TableHead => Frame::Row { head: true },
            Tag::TableRow => Frame::Row { head: false },
            Tag::TableCell => Frame::Cell,
            Tag::HtmlBlock | Tag::MetadataBlock(_) | Tag::FootnoteDefinition(_) => Frame::Plain,
            Tag::DefinitionList | Tag::DefinitionListTitle | Tag::DefinitionListDefinition => {
                Frame::Plain
            }
        }
    }

    fn close(&mut self, frame: Frame, inner: String) -> Closed {
        Closed::Text(match frame {
            Frame::Plain => inner,
            Frame::Item => return Closed::Item(inner),
            Frame::Cell => return Closed::Cell(inner),
            Frame::Row { head } => return Closed::Row { head },
            Frame::Block(open) => format!("\n{open}{inner}]\n"),
            Frame::Wrap(open) => format!("{open}{inner}]"),
            Frame::List { open, items, tasks } => {
                let items: Vec<String> = items.iter().map(|i| format!("[{i}]")).collect();
                let open = if tasks && open == "#list(" {
                    "#list(marker: none, "
                } else {
                    &open
                };
                let separator = if open.ends_with('(') || open.ends_with(", ") {
                    ""
                } else {
                    ", "
                };
                format!("\n{open}{separator}{})\n", items.join(", "))
            }
            Frame::Table {
                columns,
                header,
                rows,
                ..
            } => {
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
            Frame::Image {
                path: Some(path),
                alt,
                figure,
            } => {
                let image = format!(
                    "image({}, alt: {}",
                    string(&format!("/content/{path}")),
                    string(alt.trim())
                );
                if figure {
                    format!("\n#figure({image}, width: 100%))\n")
                } else {
                    format!("#box({image}))")
                }
            }
            Frame::Image { path: None, .. } => String::new(),
            Frame::Code { lang, text } if lang == quiz::FENCE => self.quiz(&text),
            Frame::Code { lang, text } => {
                let lang = if lang.is_empty() {
                    "none".to_string()
                } else {
                    string(&lang)
                };
                format!(
                    "\n#raw(block: true, lang: {lang}, {})\n",
                    string(text.trim_end_matches('\n'))
                )
            }
        })
    }

    /// A quiz on paper: boxes to tick; its answers go to the last page. A malformed quiz
    /// prints nothing (the page's check reports it).
    fn quiz(&mut self, source: &str) -> String {
        let Ok(questions) = quiz::parse(source, &self.page.file(), 1) else {
            return String::new();
        };
        let first = self.quiz.len() + 1;
        let literals: Vec<String> = questions.iter().map(|q| self.question(q)).collect();
        self.quiz.extend(questions);
        format!("\n#quiz({first}, ({},))\n", literals.join(", "))
    }

    /// A question as a Typst dictionary of strings.
    fn question(&self, question: &Question) -> String {
        let list = |items: Vec<&str>| {
            let items: Vec<String> = items.into_iter().map(string).collect();
            format!("({},)", items.join(", "))
        };
        let several = question
            .is_multiple()
            .then(|| string(&self.site.strings.get(&self.page.lang, "quiz.choose")));
        format!(
            "(text: {}, several: {}, choices: {}, correct: {}, explanation: {})",
            string(&question.text),
            several.unwrap_or_else(|| "none".into()),
            list(question.choices.iter().map(|c| c.text.as_str()).collect()),
            list(question.answers().collect()),
            question
                .explanation
                .as_deref()
                .map_or_else(|| "none".into(), string)
        )
    }

    /// The printed address of a link: absolute, so that it can be typed from paper.
    fn absolute_url(&self, url: &str) -> String {
        let base = &self.site.config.base_url;
        match links::resolve(self.site, self.page, url) {
            Ok(Target::Url(relative) | Target::OtherLanguage(relative, _)) => {
                let (path, fragment) = relative.split_once('#').unwrap_or((&relative, ""));
                let absolute = resolve_relative(&self.page.path, path).unwrap_or_default();
                let fragment = if fragment.is_empty() {
                    String::new()
                } else {
                    format!("#{fragment}")
                };
                format!("{base}{absolute}{fragment}")
            }
            _ if url.starts_with('#') => format!("{base}{}{url}", self.page.path),
            _ => url.to_string(),
        }
    }

    /// The asset an image shows, or a problem when there is none.
    fn image_path(&mut self, url: &str, line: usize) -> Option<String> {
        match links::asset_of(self.site, self.page, url) {
            Some(path) => {
                self.out.images.push(path.clone());
                Some(path)
            }
            None => {
                self.out.problems.push(
                    Diagnostic::error(self.page.file(), format!("the image `{url}` is not a file beside the page, so the worksheet cannot show it"))
                        .at_line(line)
                        .with_hint("put the image in the page's folder and link to it by its name, such as `![...](cadenas.png)`"),
                );
                None
            }
        }
    }
}

/// The indices of the images alone in their paragraph or list item, and of that paragraph
/// or item: such an image is a figure the width of the page; any other stays in its line.
fn lone_images(events: &[(Event<'_>, Range<usize>)]) -> HashSet<usize> {
    let mut alone = HashSet::new();
    for (index, window) in events.windows(2).enumerate() {
        let parent = match &window[0].0 {
            Event::Start(Tag::Paragraph) => TagEnd::Paragraph,
            Event::Start(Tag::Item) => TagEnd::Item,
            _ => continue,
        };
        if !matches!(window[1].0, Event::Start(Tag::Image { .. })) {
            continue;
        }
        let mut depth = 0;
        let end = events[index + 1..].iter().position(|(event, _)| {
            match event {
                Event::Start(Tag::Image { .. }) => depth += 1,
                Event::End(TagEnd::Image) => depth -= 1,
                _ => {}
            }
            depth == 0
        });
        let closes_parent = end
            .and_then(|end| events.get(index + end + 2))
            .is_some_and(|(event, _)| *event == Event::End(parent));
        if closes_parent {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_escape_everything_typst_could_read() {
        assert_eq!(string(r#"a "b" \c #d"#), r#""a \"b\" \\c #d""#);
        assert_eq!(string("x\ny"), "\"x\\ny\"");
        assert_eq!(string("\u{7}"), "\"\\u{7}\"");
    }
}
