//! Rules that keep pages usable by everyone, checked while a page is rendered: every image has
//! a text alternative, every link has text, headings do not skip levels, and links to an
//! anchor of the page find a heading there.

use std::path::PathBuf;

use percent_encoding::percent_decode_str;
use pulldown_cmark::{Event, Tag, TagEnd};

use crate::base::diagnostic::{Checked, Diagnostic, Diagnostics};
use crate::base::text::closest;

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
                    let anchor = percent_decode_str(anchor).decode_utf8_lossy();
                    self.anchors.push((anchor.into_owned(), line));
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
    pub fn finish(mut self, anchors: &[String]) -> Checked<()> {
        for (anchor, line) in std::mem::take(&mut self.anchors) {
            if !anchor.is_empty() && !anchors.contains(&anchor) {
                let message = format!(
                    "the link to `#{anchor}` finds no heading with that anchor on this page"
                );
                let problem = Diagnostic::error(&self.file, message).at_line(line);
                self.problems
                    .push(problem.with_hint(anchor_hint(&anchor, anchors)));
            }
        }
        Checked::new((), self.problems)
    }
}

/// How to mend a link to an anchor missing from a page whose headings have `anchors`: the
/// closest ones, else the page's own.
pub fn anchor_hint(wanted: &str, anchors: &[String]) -> String {
    let list = |names: &[&str]| {
        let names: Vec<String> = names.iter().map(|a| format!("`#{a}`")).collect();
        names.join(", ")
    };
    let close = closest(wanted, anchors, 3);
    if let Some(best) = close.first() {
        let others = if close.len() > 1 {
            format!(" (or {})", list(&close[1..]))
        } else {
            String::new()
        };
        return format!(
            "did you mean `#{best}`?{others} A heading's anchor is its text in lower case, punctuation dropped, spaces as `-`"
        );
    }
    match anchors {
        [] => "the page has no heading to link to".to_string(),
        _ => {
            let shown: Vec<&str> = anchors.iter().take(8).map(String::as_str).collect();
            let more = if anchors.len() > shown.len() {
                ", …"
            } else {
                ""
            };
            format!(
                "the page's headings have the anchors {}{more}",
                list(&shown)
            )
        }
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
        let anchors: Vec<String> = ids.iter().map(|s| s.to_string()).collect();
        lint.finish(&anchors).problems
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

    #[test]
    fn encoded_anchors_are_read_and_the_closest_ones_are_suggested() {
        let found = lint(
            "[a](#%C3%AElots-de-client) [b](#ilots-de-client)\n",
            &["îlots-de-client", "exemple"],
        );
        assert_eq!(found.len(), 1, "{found:?}");
        let hint = found[0].hint.as_deref().unwrap_or_default();
        assert!(
            hint.starts_with("did you mean `#îlots-de-client`?"),
            "{hint}"
        );
    }
}
