//! A read page as HTML: CommonMark's HTML, with links rewritten to where they lead, images
//! with their size and smaller copies, callouts as framed boxes, tables that scroll on small
//! screens, task lists as real checkboxes, highlighted code, glossary words linked to their
//! definition, and each fenced-block extension's own HTML.

use std::fmt::Write;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::callout::Callout;
use super::context::Context;
use super::document::{Document, Item};
use super::highlight::highlight;
use super::sanitize;
use crate::base::diagnostic::{Diagnostic, Diagnostics};
use crate::base::images;
use crate::base::text::escape;
use crate::sources::config::RawHtml;
use crate::sources::glossary::{self, Term};

/// A page body rendered to HTML.
#[derive(Debug, Clone, Default)]
pub struct Html {
    /// The HTML.
    pub html: String,
    /// Whether the page shows highlighted code (and needs its stylesheet).
    pub has_code: bool,
    /// Whether the page links glossary words (and needs their script).
    pub has_terms: bool,
    /// Problems only the HTML shows: raw HTML shown as text, images too heavy for a phone.
    pub problems: Diagnostics,
}

/// Renders a read page to HTML.
pub fn render(document: &Document<'_>, cx: &Context<'_>) -> Html {
    let mut out = Html::default();
    let mut writer = Writer {
        cx,
        file: &document.file,
        out: &mut out,
        events: Vec::with_capacity(document.nodes.len()),
        terms: Terms::new(cx),
        images: 0,
        tasks: 0,
        callouts: Vec::new(),
        fragments: Vec::new(),
        label_open: false,
        not_text: 0,
    };
    for node in &document.nodes {
        writer.node(&node.item, node.line);
    }
    let events = std::mem::take(&mut writer.events);
    let fragments = std::mem::take(&mut writer.fragments);
    let mut html = String::with_capacity(events.len() * 16);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    out.html = if fragments.is_empty() {
        html
    } else {
        Sanitised::clean(&html, &fragments)
    };
    out
}

/// The characters of private use that stand for pieces of a page while it is sanitised;
/// authors' raw HTML and text lose them.
const PRIVATE: [char; 4] = ['\u{E000}', '\u{E001}', '\u{E002}', '\u{E003}'];

/// A page with raw HTML, sanitised: only the authors' fragments go through the sanitiser,
/// everything parcours wrote standing aside as a numbered mark, so that the policy
/// concerns what authors write and never what parcours makes.
struct Sanitised;

impl Sanitised {
    /// The mark of the `n`th raw fragment in the page's HTML.
    fn token(n: usize) -> String {
        format!("\u{E002}{n}\u{E003}")
    }

    /// The mark of the `n`th piece parcours wrote, in the sanitiser's input.
    fn mark(n: usize) -> String {
        format!("\u{E000}{n}\u{E001}")
    }

    /// The page's HTML (in which `fragments` stand as tokens) with every fragment
    /// sanitised in place.
    fn clean(html: &str, fragments: &[String]) -> String {
        let mut ours = Vec::new();
        let mut input = String::with_capacity(html.len());
        let mut rest = html;
        for (n, fragment) in fragments.iter().enumerate() {
            let token = Self::token(n);
            let Some(at) = rest.find(&token) else { break };
            input.push_str(&Self::mark(ours.len()));
            ours.push(&rest[..at]);
            input.push_str(fragment);
            rest = &rest[at + token.len()..];
        }
        input.push_str(&Self::mark(ours.len()));
        ours.push(rest);
        Self::restore(&sanitize::clean(&input), &ours)
    }

    /// The sanitised HTML with each mark replaced by the piece it stands for.
    fn restore(clean: &str, ours: &[&str]) -> String {
        let mut out =
            String::with_capacity(clean.len() + ours.iter().map(|p| p.len()).sum::<usize>());
        let mut rest = clean;
        while let Some(start) = rest.find('\u{E000}') {
            out.push_str(&rest[..start]);
            rest = &rest[start + '\u{E000}'.len_utf8()..];
            let end = rest.find('\u{E001}').unwrap_or(rest.len());
            if let Some(piece) = rest[..end].parse::<usize>().ok().and_then(|n| ours.get(n)) {
                out.push_str(piece);
            }
            rest = rest.get(end + '\u{E001}'.len_utf8()..).unwrap_or_default();
        }
        out.push_str(rest);
        out
    }
}

/// What the writer holds while the nodes go by.
struct Writer<'c, 'o, 'e> {
    cx: &'c Context<'c>,
    file: &'c std::path::Path,
    out: &'o mut Html,
    events: Vec<Event<'e>>,
    terms: Terms<'c>,
    images: usize,
    tasks: usize,
    /// The boxes open, innermost last.
    callouts: Vec<Callout>,
    /// The authors' raw HTML, to be sanitised.
    fragments: Vec<String>,
    /// Whether the label of a task list's checkbox is open.
    label_open: bool,
    /// How deep the writer is in headings and links, where glossary words are not linked.
    not_text: usize,
}

impl<'e> Writer<'_, '_, 'e> {
    fn node(&mut self, item: &Item<'e>, line: usize) {
        if self.label_open
            && matches!(
                item,
                Item::Event(
                    Event::End(TagEnd::Paragraph | TagEnd::Item) | Event::Start(Tag::List(_))
                )
            )
        {
            self.html("</label>".into());
            self.label_open = false;
        }
        match item {
            Item::Event(event) => self.event(event.clone(), line),
            Item::Code { lang, text } => {
                self.out.has_code |= !lang.is_empty();
                self.html(highlight(lang, text));
            }
            Item::Block { block, number } => {
                let html = block.extension().html(self.cx, *number);
                self.html(html);
            }
            Item::Image { url, title, alt } => {
                self.images += 1;
                let html = self.image(url, title, alt, line);
                self.html(html);
            }
            Item::CalloutStart(kind, title) => {
                self.callouts.push(*kind);
                let html = self.callout_start(*kind, title.as_deref());
                self.html(html);
            }
            Item::CalloutEnd => {
                let close = match self.callouts.pop() {
                    Some(Callout::Details) => "</details>\n",
                    _ => "</aside>\n",
                };
                self.html(close.into());
            }
        }
    }

    fn html(&mut self, html: String) {
        self.events.push(Event::Html(html.into()));
    }

    fn event(&mut self, event: Event<'e>, line: usize) {
        match &event {
            Event::Start(Tag::Heading { .. } | Tag::Link { .. }) => self.not_text += 1,
            Event::End(TagEnd::Heading(_) | TagEnd::Link) => {
                self.not_text = self.not_text.saturating_sub(1)
            }
            _ => {}
        }
        match event {
            Event::Start(Tag::Link { dest_url, .. }) if !self.safe_address(&dest_url, line) => {
                self.html("<a>".into());
            }
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = match self.cx.links.href(&dest_url) {
                    Some(url) => url.into(),
                    None => dest_url,
                };
                self.events.push(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::Start(Tag::Table(alignments)) => {
                self.html("<div class=\"table-scroll\" tabindex=\"0\">\n".into());
                self.events.push(Event::Start(Tag::Table(alignments)));
            }
            Event::End(TagEnd::Table) => {
                self.events.push(Event::End(TagEnd::Table));
                self.html("</div>\n".into());
            }
            Event::Html(html) | Event::InlineHtml(html) => self.raw_html(html, line),
            Event::TaskListMarker(done) => {
                // A real checkbox the reader may tick, labelled by the item's text.
                self.tasks += 1;
                let tasks = self.tasks;
                let checked = if done { " checked" } else { "" };
                self.html(format!(
                    "<input type=\"checkbox\" id=\"task-{tasks}\"{checked}><label for=\"task-{tasks}\">"
                ));
                self.label_open = true;
            }
            Event::Text(text)
                if self.cx.raw_html == RawHtml::Sanitize && text.contains(PRIVATE) =>
            {
                self.event(Event::Text(text.replace(PRIVATE, "").into()), line);
            }
            Event::Text(text) if self.not_text == 0 => {
                self.out.has_terms |= self.terms.link(text, &mut self.events);
            }
            other => self.events.push(other),
        }
    }

    /// Whether an address written in Markdown may stay: any, when the site trusts its
    /// authors; otherwise none that runs code (`javascript:`), which goes with a warning.
    fn safe_address(&mut self, url: &str, line: usize) -> bool {
        if self.cx.raw_html == RawHtml::Trust || sanitize::allowed_address(url) {
            return true;
        }
        self.out.problems.push(
            Diagnostic::warning(self.file, format!("removed the address `{}`", url.trim()))
                .at_line(line)
                .with_hint("links lead to pages, files, the web (https:), mail (mailto:) or a phone (tel:)"),
        );
        false
    }

    /// Raw HTML written by the author: as text, as it is, or (by default) set aside to be
    /// sanitised with the whole page, with a warning saying what the sanitiser removes.
    fn raw_html(&mut self, html: CowStr<'e>, line: usize) {
        match self.cx.raw_html {
            RawHtml::Text => self.events.push(Event::Text(html)),
            RawHtml::Trust => self.events.push(Event::Html(html)),
            RawHtml::Sanitize => {
                let removed = sanitize::removed(&html);
                if !removed.is_empty() {
                    self.out.problems.push(
                        Diagnostic::warning(
                            self.file,
                            format!("removed from the HTML: {}", removed.join(", ")),
                        )
                        .at_line(line)
                        .with_hint("pages keep the HTML of prose and lose what could run code or leave the page; write it in Markdown, or set `markdown: { raw_html: trust }` in site.yaml if every author of the site is trusted"),
                    );
                }
                let token = Sanitised::token(self.fragments.len());
                self.fragments.push(html.replace(PRIVATE, ""));
                self.events.push(Event::Html(token.into()));
            }
        }
    }

    /// The `<img>` of an image: its size when it is a raster image beside the page, smaller
    /// copies for small screens, and lazy loading from the second image of the page on.
    fn image(&mut self, url: &str, title: &str, alt: &str, line: usize) -> String {
        let src = if self.safe_address(url, line) {
            self.cx.links.href(url).unwrap_or_else(|| url.to_string())
        } else {
            String::new()
        };
        let mut html = format!("<img src=\"{}\" alt=\"{}\"", escape(&src), escape(alt));
        if !title.is_empty() {
            let _ = write!(html, " title=\"{}\"", escape(title));
        }
        let asset = self.cx.links.asset(url);
        let file = asset.as_ref().map(|asset| asset.file.as_path());
        if let Some(size) = file.and_then(images::size) {
            let _ = write!(html, " width=\"{}\" height=\"{}\"", size.width, size.height);
            let mut srcset: Vec<String> = size
                .variants()
                .map(|w| format!("{} {w}w", escape(&images::variant_path(&src, w))))
                .collect();
            if !srcset.is_empty() {
                srcset.push(format!("{} {}w", escape(&src), size.width));
                let _ = write!(
                    html,
                    " srcset=\"{}\" sizes=\"(min-width: 48rem) 44rem, 100vw\"",
                    srcset.join(", ")
                );
            }
            if size.is_oversized() {
                let shown = asset.as_ref().map_or(url, |a| a.path.as_str());
                self.out
                    .problems
                    .push(oversized(self.file, shown, size).at_line(line));
            }
        } else if let Some((width, height)) = file.and_then(images::svg_size) {
            let _ = write!(html, " width=\"{width}\" height=\"{height}\"");
        }
        if self.images > 1 {
            html.push_str(" loading=\"lazy\"");
        }
        html.push_str(" decoding=\"async\">");
        html
    }

    /// The start of a box: a disclosure for `:::details`, an `aside` otherwise, titled with
    /// its author's title or its kind's name.
    fn callout_start(&self, kind: Callout, title: Option<&str>) -> String {
        let name = kind.name();
        let title = title.map_or_else(|| self.cx.text(&format!("callout.{name}")), str::to_string);
        let title = escape(&title);
        match kind {
            Callout::Details => format!(
                "<details class=\"callout callout-{name}\">\n<summary class=\"callout-title\">{title}</summary>\n"
            ),
            _ => format!(
                "<aside class=\"callout callout-{name}\" aria-label=\"{title}\">\n<p class=\"callout-title\">{title}</p>\n"
            ),
        }
    }
}

/// The glossary of a page's language, and which of its words the page has linked already.
struct Terms<'a> {
    terms: &'a [Term],
    used: Vec<bool>,
    glossary_url: &'a str,
}

impl<'a> Terms<'a> {
    fn new(cx: &'a Context<'a>) -> Terms<'a> {
        Terms {
            terms: cx.glossary,
            used: vec![false; cx.glossary.len()],
            glossary_url: &cx.glossary_url,
        }
    }

    /// Pushes `text`, its first use of each glossary word made a link to the definition,
    /// which shows beside it on hover or focus and describes it for screen readers.
    fn link<'e>(&mut self, text: CowStr<'e>, out: &mut Vec<Event<'e>>) -> bool {
        let mut rest: &str = &text;
        let mut pieces = Vec::new();
        while let Some((start, end, index)) = glossary::find(self.terms, rest, &self.used) {
            self.used[index] = true;
            let term = &self.terms[index];
            pieces.push(Event::Text(rest[..start].to_string().into()));
            pieces.push(Event::Html(
                format!(
                    "<span class=\"term\"><a href=\"{}#{}\" aria-describedby=\"term-{}\">",
                    escape(self.glossary_url),
                    escape(&term.slug),
                    escape(&term.slug)
                )
                .into(),
            ));
            pieces.push(Event::Text(rest[start..end].to_string().into()));
            pieces.push(Event::Html(
                format!(
                    "</a><span class=\"term-tip\" role=\"tooltip\" id=\"term-{}\">{}</span></span>",
                    escape(&term.slug),
                    escape(&term.definition)
                )
                .into(),
            ));
            rest = &rest[end..];
        }
        if pieces.is_empty() {
            out.push(Event::Text(text));
            false
        } else {
            pieces.push(Event::Text(rest.to_string().into()));
            out.extend(pieces);
            true
        }
    }
}

/// The warning for an image heavier or larger than a page needs.
fn oversized(file: &std::path::Path, shown: &str, size: images::Size) -> Diagnostic {
    Diagnostic::warning(
        file,
        format!(
            "the image `{shown}` is {} × {} px and weighs {} KB: slow to load on a phone",
            size.width,
            size.height,
            size.bytes.div_ceil(1024)
        ),
    )
    .with_hint(format!(
        "resize it to {} px wide at most and save it as JPEG (quality 80) or WebP, under {} KB",
        images::WIDEST * 2 / 3,
        images::HEAVY_BYTES / 1024
    ))
}
