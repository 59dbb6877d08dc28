//! Rules that keep pages usable by everyone, checked while a page is rendered: every image has
//! a text alternative, every link has text, headings do not skip levels, and links to an
//! anchor of the page find a heading there.

use std::collections::HashSet;
use std::path::PathBuf;

use pulldown_cmark::{Event, Tag, TagEnd};

use crate::base::diagnostic::{Checked, Diagnostic, Diagnostics};

/// The state of the rules while the events of one page go by.
#[derive(Debug)]
pub struct Lint {
    file: PathBuf,
    image: Option<(usize, String)>,
    links: Vec<(usize, String)>,
    last_heading: u8,
    anchors: Vec<(String, usize)>,
    problems: Diagnostics,
}

impl Lint {
    /// Rules for the page in `file`, whose title is its level-1 heading.
    pub fn new(file: PathBuf) -> Lint {
        Lint {
            file,
            image: None,
            links: Vec::new(),
            last_heading: 1,
            anchors: Vec::new(),
            problems: Diagnostics::new(),
        }
    }

    /// Looks at one event, found on `line`.
    pub fn observe(&mut self, event: &Event<'_>, line: usize) {
        match event {
            Event::Start(Tag::Image { .. }) => self.image = Some((line, String::new())),
            Event::End(TagEnd::Image) => {
                if let Some((at, alt)) = self.image.take() {
                    if alt.trim().is_empty() {
                        self.problems.push(
                            Diagnostic::error(&self.file, "the image has no text alternative")
                                .at_line(at)
                                .with_hint("describe the picture between the brackets: `![A padlock on a phone](cadenas.svg)`"),
                        );
                    }
                    self.text(&alt);
                }
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                if let Some(anchor) = dest_url.strip_prefix('#') {
                    self.anchors.push((anchor.to_string(), line));
                }
                self.links.push((line, String::new()));
            }
            Event::End(TagEnd::Link) => {
                if let Some((at, text)) = self.links.pop()
                    && text.trim().is_empty()
                {
                    self.problems.push(
                        Diagnostic::error(&self.file, "the link has no text, so a screen reader cannot say where it goes")
                            .at_line(at)
                            .with_hint("write the words of the link between the brackets: `[strong passwords](...)`"),
                    );
                }
            }
            Event::Start(Tag::Heading { level, .. }) => {
                let level = *level as u8;
                if level > self.last_heading + 1 {
                    self.problems.push(
                        Diagnostic::warning(
                            &self.file,
                            format!(
                                "a level-{level} heading follows a level-{} one",
                                self.last_heading
                            ),
                        )
                        .at_line(line)
                        .with_hint(format!(
                            "use {} `#` (the page title is the level-1 heading)",
                            self.last_heading + 1
                        )),
                    );
                }
                self.last_heading = level;
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some((_, alt)) = &mut self.image {
                    alt.push_str(text);
                } else {
                    self.text(text);
                }
            }
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        for (_, link) in &mut self.links {
            link.push_str(text);
        }
    }

    /// The problems found, once the page's anchors (`ids`) are known.
    pub fn finish(mut self, ids: &HashSet<String>) -> Checked<()> {
        for (anchor, line) in std::mem::take(&mut self.anchors) {
            if !anchor.is_empty() && !ids.contains(&anchor) {
                self.problems.push(
                    Diagnostic::error(&self.file, format!("the link to `#{anchor}` finds no heading with that anchor on this page"))
                        .at_line(line)
                        .with_hint("check the anchor; a heading `## Step by step` has the anchor `#step-by-step`"),
                );
            }
        }
        Checked::new((), self.problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::Parser;

    fn lint(markdown: &str, ids: &[&str]) -> Diagnostics {
        let mut lint = Lint::new("p.md".into());
        let text = markdown;
        for (event, range) in Parser::new(text).into_offset_iter() {
            let line = text[..range.start].matches('\n').count() + 1;
            lint.observe(&event, line);
        }
        lint.finish(&ids.iter().map(|s| s.to_string()).collect())
            .problems
    }

    #[test]
    fn images_need_alt_text_and_links_need_text() {
        let found = lint("![](a.png)\n\n[](b.md)\n\n[![A cat](c.png)](d.md)\n", &[]);
        let lines: Vec<_> = found.iter().map(|d| (d.line, d.is_error())).collect();
        assert_eq!(lines, [(Some(1), true), (Some(3), true)], "{found:?}");
    }

    #[test]
    fn headings_do_not_skip_levels() {
        let found = lint("## A\n\n#### B\n\n## C\n\n### D\n", &[]);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].line, Some(3));
        assert!(!found[0].is_error());
    }

    #[test]
    fn anchors_must_exist() {
        let found = lint("[go](#steps) [there](#nowhere)\n", &["steps"]);
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("#nowhere"));
    }
}
