//! Markdown to HTML: CommonMark with GFM tables, footnotes, strikethrough, task lists and
//! alerts; heading anchors; highlighted code; links between pages rewritten to relative URLs
//! in the page's language, and every broken link reported with its line.

use std::collections::HashSet;
use std::fmt::Write;
use std::sync::LazyLock;

use pulldown_cmark::{BlockQuoteKind, CodeBlockKind, CowStr, Event, Options, Parser, Tag, TagEnd};
use serde::Serialize;
use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

use crate::diagnostic::{Diagnostic, LineIndex};
use crate::images;
use crate::links::{self, Target};
use crate::lint::Lint;
use crate::model::{Page, Site};
use crate::quiz;
use crate::selftest;

/// How highlighted code tokens are classed (`hl-keyword`...).
pub const HIGHLIGHT_CLASSES: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

static SYNTAXES: LazyLock<SyntaxSet> = LazyLock::new(SyntaxSet::load_defaults_newlines);

/// A heading of a page, for its table of contents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Heading {
    /// 2 or 3.
    pub level: u8,
    /// The anchor.
    pub id: String,
    /// Its text.
    pub title: String,
}

/// A page body rendered to HTML.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// The HTML.
    pub html: String,
    /// Level-2 and level-3 headings.
    pub toc: Vec<Heading>,
    /// Whether the page shows highlighted code (and needs its stylesheet).
    pub has_code: bool,
    /// Whether the page has a quiz (and needs its script).
    pub has_quiz: bool,
    /// Whether the page links glossary words (and needs their script).
    pub has_terms: bool,
    /// Whether the page has a self-diagnostic (and needs its script).
    pub has_selftest: bool,
    /// Broken links and other problems, with their lines.
    pub problems: Vec<Diagnostic>,
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

/// Renders the body of `page`.
pub fn render(site: &Site, page: &Page) -> Rendered {
    let lines = LineIndex::new(&page.body, page.body_line);
    let mut out = Rendered::default();
    let events = Parser::new_ext(&page.body, options()).into_offset_iter();
    let mut lint = Lint::new(page.file());
    let mut events = BodyRenderer {
        site,
        page,
        lines: &lines,
        out: &mut out,
        lint: &mut lint,
    }
    .transform(events);
    out.toc = anchor_headings(&mut events);
    let ids: HashSet<String> = events
        .iter()
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { id: Some(id), .. }) => Some(id.to_string()),
            _ => None,
        })
        .collect();
    out.problems.extend(lint.finish(&ids));
    let mut html = String::with_capacity(page.body.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    out.html = html;
    out
}

struct BodyRenderer<'a> {
    site: &'a Site,
    page: &'a Page,
    lines: &'a LineIndex,
    out: &'a mut Rendered,
    lint: &'a mut Lint,
}

impl BodyRenderer<'_> {
    fn transform<'e>(
        &mut self,
        events: impl Iterator<Item = (Event<'e>, std::ops::Range<usize>)>,
    ) -> Vec<Event<'e>> {
        let mut result = Vec::new();
        let mut code: Option<(String, String, usize)> = None;
        let mut quizzes = 0;
        let mut image: Option<Image> = None;
        let mut images = 0;
        // Glossary words link only in running text, not in headings or links (images and code
        // are read apart).
        let mut not_text = 0usize;
        let mut terms = Terms::new(self.site, self.page);
        let mut tasks = 0;
        let mut label_open = false;
        for (event, range) in events {
            if label_open
                && matches!(
                    event,
                    Event::End(TagEnd::Paragraph | TagEnd::Item) | Event::Start(Tag::List(_))
                )
            {
                result.push(Event::Html("</label>".into()));
                label_open = false;
            }
            if let Some((lang, text, fence)) = &mut code {
                match event {
                    Event::Text(more) => text.push_str(&more),
                    Event::End(TagEnd::CodeBlock) if lang == selftest::FENCE => {
                        let html = self.selftest_html(text, *fence + 1);
                        result.push(Event::Html(html.into()));
                        code = None;
                    }
                    Event::End(TagEnd::CodeBlock) if lang == quiz::FENCE => {
                        quizzes += 1;
                        let html = self.quiz_html(text, *fence + 1, quizzes);
                        result.push(Event::Html(html.into()));
                        code = None;
                    }
                    Event::End(TagEnd::CodeBlock) => {
                        let html = highlight(lang, text);
                        self.out.has_code |= !lang.is_empty();
                        result.push(Event::Html(html.into()));
                        code = None;
                    }
                    _ => {}
                }
                continue;
            }
            let line = self.lines.line(range.start);
            self.lint.observe(&event, line);
            if let Some(img) = &mut image {
                match event {
                    Event::Text(text) | Event::Code(text) => img.alt.push_str(&text),
                    Event::End(TagEnd::Image) => {
                        images += 1;
                        let html = self.image_html(image.take().expect("inside an image"), images);
                        result.push(Event::Html(html.into()));
                    }
                    _ => {}
                }
                continue;
            }
            match &event {
                Event::Start(Tag::Heading { .. } | Tag::Link { .. }) => not_text += 1,
                Event::End(TagEnd::Heading(_) | TagEnd::Link) => {
                    not_text = not_text.saturating_sub(1)
                }
                _ => {}
            }
            match event {
                Event::Start(Tag::CodeBlock(kind)) => {
                    let lang = code_language(kind);
                    code = Some((lang, String::new(), line));
                }
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }) => {
                    let dest_url = self.rewrite(dest_url, line, "link");
                    result.push(Event::Start(Tag::Link {
                        link_type,
                        dest_url,
                        title,
                        id,
                    }));
                }
                Event::Start(Tag::Image {
                    dest_url, title, ..
                }) => {
                    let asset = links::asset_of(self.site, self.page, &dest_url);
                    image = Some(Image {
                        src: self.rewrite(dest_url, line, "image").into_string(),
                        title: title.into_string(),
                        alt: String::new(),
                        asset,
                        line,
                    });
                }
                Event::Start(Tag::BlockQuote(Some(kind))) => {
                    result.push(Event::Html(self.callout_start(kind).into()));
                }
                Event::End(TagEnd::BlockQuote(Some(_))) => {
                    result.push(Event::Html("</aside>\n".into()))
                }
                Event::Start(Tag::Table(alignments)) => {
                    result.push(Event::Html(
                        "<div class=\"table-scroll\" tabindex=\"0\">\n".into(),
                    ));
                    result.push(Event::Start(Tag::Table(alignments)));
                }
                Event::End(TagEnd::Table) => {
                    result.push(Event::End(TagEnd::Table));
                    result.push(Event::Html("</div>\n".into()));
                }
                Event::Html(html) | Event::InlineHtml(html)
                    if !self.site.config.markdown.raw_html =>
                {
                    self.out.problems.push(
                        Diagnostic::warning(self.page.file(), "raw HTML is shown as text")
                            .at_line(line)
                            .with_hint("write it in Markdown, or allow it with `markdown: { raw_html: true }` in site.yaml"),
                    );
                    result.push(Event::Text(html));
                }
                Event::TaskListMarker(done) => {
                    // A real checkbox the reader may tick, labelled by the item's text.
                    tasks += 1;
                    let checked = if done { " checked" } else { "" };
                    result.push(Event::Html(
                        format!("<input type=\"checkbox\" id=\"task-{tasks}\"{checked}><label for=\"task-{tasks}\">").into(),
                    ));
                    label_open = true;
                }
                Event::Text(text) => {
                    let text = if self.page.lang == "fr" {
                        french_spacing(text)
                    } else {
                        text
                    };
                    if not_text == 0 {
                        self.out.has_terms |= terms.link(text, &mut result);
                    } else {
                        result.push(Event::Text(text));
                    }
                }
                other => result.push(other),
            }
        }
        result
    }

    /// Rewrites a link or image address; reports it when it leads nowhere.
    fn rewrite<'e>(&mut self, url: CowStr<'e>, line: usize, what: &str) -> CowStr<'e> {
        match links::resolve(self.site, self.page, &url) {
            Ok(Target::Unchanged) => url,
            Ok(Target::Url(new)) => new.into(),
            Ok(Target::OtherLanguage(new, lang)) => {
                self.out.problems.push(
                    Diagnostic::warning(self.page.file(), format!(
                        "the {what} `{url}` leads to a page not translated into {}: it opens the {lang} version",
                        self.page.lang
                    ))
                    .at_line(line)
                    .with_hint("translate that page, or link to another one"),
                );
                new.into()
            }
            Err(problem) => {
                self.out.problems.push(
                    Diagnostic::error(
                        self.page.file(),
                        format!("broken {what} `{url}`: {}", problem.message),
                    )
                    .at_line(line)
                    .with_hint(problem.hint),
                );
                url
            }
        }
    }

    /// The `<img>` of an image: its size when it is a raster image beside the page, smaller
    /// copies for small screens, and lazy loading from the second image of the page on.
    fn image_html(&mut self, image: Image, nth: usize) -> String {
        let mut html = format!(
            "<img src=\"{}\" alt=\"{}\"",
            escape(&image.src),
            escape(&image.alt)
        );
        if !image.title.is_empty() {
            let _ = write!(html, " title=\"{}\"", escape(&image.title));
        }
        let file = image
            .asset
            .as_ref()
            .map(|asset| self.site.root.join(crate::load::CONTENT_DIR).join(asset));
        if let Some(size) = file.as_deref().and_then(images::size) {
            let _ = write!(html, " width=\"{}\" height=\"{}\"", size.width, size.height);
            let mut srcset: Vec<String> = size
                .variants()
                .map(|w| format!("{} {w}w", escape(&images::variant_path(&image.src, w))))
                .collect();
            if !srcset.is_empty() {
                srcset.push(format!("{} {}w", escape(&image.src), size.width));
                let _ = write!(
                    html,
                    " srcset=\"{}\" sizes=\"(min-width: 48rem) 44rem, 100vw\"",
                    srcset.join(", ")
                );
            }
            if size.is_oversized() {
                self.out.problems.push(oversized(self.page, &image, size));
            }
        } else if let Some((width, height)) = file.as_deref().and_then(images::svg_size) {
            let _ = write!(html, " width=\"{width}\" height=\"{height}\"");
        }
        if nth > 1 {
            html.push_str(" loading=\"lazy\"");
        }
        html.push_str(" decoding=\"async\">");
        html
    }

    /// The HTML of a quiz whose YAML starts at line `first_line`, or nothing and an error.
    fn quiz_html(&mut self, source: &str, first_line: usize, number: usize) -> String {
        match quiz::parse(source, &self.page.file(), first_line) {
            Ok(questions) => {
                self.out.has_quiz = true;
                let labels = quiz::Labels::of(self.site, &self.page.lang);
                quiz::html(&questions, number, &labels)
            }
            Err(problem) => {
                self.out.problems.push(problem);
                String::new()
            }
        }
    }

    /// The HTML of a self-diagnostic whose YAML starts at line `first_line`, with the
    /// courses and learning paths it may recommend, or nothing and an error.
    fn selftest_html(&mut self, source: &str, first_line: usize) -> String {
        let statements = match selftest::parse(source, &self.page.file(), first_line) {
            Ok(statements) => statements,
            Err(problem) => {
                self.out.problems.push(problem);
                return String::new();
            }
        };
        self.out.has_selftest = true;
        let labels = selftest::labels(self.site, &self.page.lang);
        let recommendations = selftest::recommendations(self.site, self.page, &statements);
        selftest::html(&statements, &labels, &recommendations)
    }

    fn callout_start(&self, kind: BlockQuoteKind) -> String {
        let name = callout_name(kind);
        let title = self
            .site
            .strings
            .get(&self.page.lang, &format!("callout.{name}"));
        format!(
            "<aside class=\"callout callout-{name}\" aria-label=\"{title}\">\n<p class=\"callout-title\">{title}</p>\n",
            title = escape(&title)
        )
    }
}

/// The glossary of a page's language, and which of its words the page has linked already.
struct Terms<'a> {
    terms: &'a [crate::glossary::Term],
    used: Vec<bool>,
    glossary_url: String,
}

impl<'a> Terms<'a> {
    fn new(site: &'a Site, page: &Page) -> Terms<'a> {
        let terms = site.glossary.terms(&page.lang);
        let glossary = crate::model::Output::Glossary(page.lang.clone()).path(site);
        Terms {
            terms,
            used: vec![false; terms.len()],
            glossary_url: crate::model::relative_url(&page.path, &glossary),
        }
    }

    /// Pushes `text`, its first use of each glossary word made a link to the definition,
    /// which shows beside it on hover or focus and describes it for screen readers.
    fn link<'e>(&mut self, text: CowStr<'e>, out: &mut Vec<Event<'e>>) -> bool {
        let mut rest: &str = &text;
        let mut pieces = Vec::new();
        while let Some((start, end, index)) = crate::glossary::find(self.terms, rest, &self.used) {
            self.used[index] = true;
            let term = &self.terms[index];
            pieces.push(Event::Text(rest[..start].to_string().into()));
            pieces.push(Event::Html(
                format!(
                    "<span class=\"term\"><a href=\"{}#{}\" aria-describedby=\"term-{}\">",
                    escape(&self.glossary_url),
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

/// An image being read: where it leads, its title, its text alternative so far, and the
/// asset beside the page it names, if any.
struct Image {
    src: String,
    title: String,
    alt: String,
    asset: Option<String>,
    line: usize,
}

/// The warning for an image heavier or larger than a page needs.
fn oversized(page: &Page, image: &Image, size: images::Size) -> Diagnostic {
    Diagnostic::warning(
        page.file(),
        format!(
            "the image `{}` is {} × {} px and weighs {} KB: slow to load on a phone",
            image.asset.as_deref().unwrap_or(&image.src),
            size.width,
            size.height,
            size.bytes.div_ceil(1024)
        ),
    )
    .at_line(image.line)
    .with_hint(format!(
        "resize it to {} px wide at most and save it as JPEG (quality 80) or WebP, under {} KB",
        images::WIDEST * 2 / 3,
        images::HEAVY_BYTES / 1024
    ))
}

/// The language of a code block: the first word of its info string (`rust` in
/// "```rust,ignore"), empty when it has none.
pub fn code_language(kind: CodeBlockKind<'_>) -> String {
    match kind {
        CodeBlockKind::Fenced(info) => info
            .split([' ', ',', '{'])
            .next()
            .unwrap_or_default()
            .to_string(),
        CodeBlockKind::Indented => String::new(),
    }
}

/// The name of a GFM alert (`important`), which is also the key of its title in i18n
/// (`callout.important`).
pub fn callout_name(kind: BlockQuoteKind) -> &'static str {
    match kind {
        BlockQuoteKind::Note => "note",
        BlockQuoteKind::Tip => "tip",
        BlockQuoteKind::Important => "important",
        BlockQuoteKind::Warning => "warning",
        BlockQuoteKind::Caution => "caution",
    }
}

/// Gives every heading an id (its own `{#id}`, or one made from its text, unique in the
/// page) and returns the level-2 and level-3 headings.
fn anchor_headings(events: &mut [Event<'_>]) -> Vec<Heading> {
    let mut taken = HashSet::new();
    let mut toc = Vec::new();
    let mut index = 0;
    while index < events.len() {
        if let Event::Start(Tag::Heading { level, .. }) = &events[index] {
            let level = *level as u8;
            let mut title = String::new();
            for event in &events[index + 1..] {
                match event {
                    Event::End(TagEnd::Heading(_)) => break,
                    Event::Text(text) | Event::Code(text) => title.push_str(text),
                    _ => {}
                }
            }
            if let Event::Start(Tag::Heading { id, .. }) = &mut events[index] {
                let wanted = id
                    .as_deref()
                    .map_or_else(|| slugify(&title), str::to_string);
                let unique = unique_id(&mut taken, wanted);
                *id = Some(unique.clone().into());
                if (2..=3).contains(&level) {
                    toc.push(Heading {
                        level,
                        id: unique,
                        title: title.trim().to_string(),
                    });
                }
            }
        }
        index += 1;
    }
    toc
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

/// An ASCII anchor made from a text: "Étape par étape" becomes "etape-par-etape".
pub fn slugify(text: &str) -> String {
    let ascii = deunicode::deunicode(text).to_lowercase();
    let mut slug = String::with_capacity(ascii.len());
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-').to_string();
    if slug.is_empty() {
        "section".into()
    } else {
        slug
    }
}

/// Highlights a code block with CSS classes; a block without a known language stays plain.
fn highlight(lang: &str, code: &str) -> String {
    let syntax = (!lang.is_empty())
        .then(|| SYNTAXES.find_syntax_by_token(lang))
        .flatten();
    let Some(syntax) = syntax else {
        return format!("<pre class=\"code\"><code>{}</code></pre>\n", escape(code));
    };
    let mut generator =
        ClassedHTMLGenerator::new_with_class_style(syntax, &SYNTAXES, HIGHLIGHT_CLASSES);
    for line in LinesWithEndings::from(code) {
        if generator
            .parse_html_for_line_which_includes_newline(line)
            .is_err()
        {
            return format!("<pre class=\"code\"><code>{}</code></pre>\n", escape(code));
        }
    }
    format!(
        "<pre class=\"code\" data-lang=\"{}\"><code>{}</code></pre>\n",
        escape(lang),
        generator.finalize()
    )
}

/// Escapes text for HTML and XML, in text and in attributes quoted either way.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            other => out.push(other),
        }
    }
    out
}

/// French typography: a narrow no-break space replaces the space before `:`, `;`, `?`, `!`
/// and `»`, and after `«`, so that the sign never starts a line.
pub fn french_spacing(text: CowStr<'_>) -> CowStr<'_> {
    if !text.contains([':', ';', '?', '!', '»', '«']) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            (' ', Some(':' | ';' | '?' | '!' | '»')) => out.push('\u{202F}'),
            ('«', Some(' ')) => {
                out.push('«');
                out.push('\u{202F}');
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii() {
        assert_eq!(slugify("Étape par étape"), "etape-par-etape");
        assert_eq!(slugify("  Wat heb je nodig?  "), "wat-heb-je-nodig");
        assert_eq!(slugify("???"), "section");
    }

    #[test]
    fn french_punctuation_gets_a_narrow_no_break_space() {
        assert_eq!(
            &*french_spacing("Attention : oui ?".into()),
            "Attention\u{202F}: oui\u{202F}?"
        );
        assert_eq!(
            &*french_spacing("« bonjour »".into()),
            "«\u{202F}bonjour\u{202F}»"
        );
        assert_eq!(&*french_spacing("https://a.b".into()), "https://a.b");
    }

    #[test]
    fn code_is_highlighted_with_classes_and_escaped() {
        let html = highlight("rust", "fn main() { let x = \"<b>\"; }\n");
        assert!(html.contains("hl-"), "{html}");
        assert!(html.contains("&lt;b&gt;"), "{html}");
        let plain = highlight("", "<script>\n");
        assert!(plain.contains("&lt;script&gt;"), "{plain}");
    }

    #[test]
    fn headings_get_unique_anchors() {
        let mut events: Vec<Event> =
            Parser::new_ext("## A b\n## A b\n### C {#own}\n", options()).collect();
        let toc = anchor_headings(&mut events);
        let ids: Vec<_> = toc.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["a-b", "a-b-1", "own"]);
    }
}
