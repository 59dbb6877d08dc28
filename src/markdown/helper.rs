//! What a page holds for the helper only: its `:::helper` notes and its quizzes' answers,
//! which the learner's worksheet leaves out and the helper sheet prints, with the section
//! that says what the session needs.

use pulldown_cmark::{Event, Tag, TagEnd};

use super::blocks::{Block, quiz};
use super::callout::Callout;
use super::document::{Item, Node};

/// The parts of a page that its helper sheet prints.
#[derive(Debug, Default)]
pub struct Parts<'n, 'a> {
    /// The section under the heading that says what the session needs, without the heading.
    pub materials: Vec<&'n Node<'a>>,
    /// The content of each `:::helper` box, in order.
    pub notes: Vec<Vec<&'n Node<'a>>>,
    /// The quizzes outside the helper boxes, whose answers the helper sheet prints.
    pub quizzes: Vec<&'n Block>,
}

/// The markup of a helper sheet's parts (see [`render_helper`](super::typst::render_helper)); each is empty when the page
/// has none.
#[derive(Debug, Default)]
pub struct HelperMarkup {
    /// The section that says what the session needs.
    pub materials: String,
    /// The `:::helper` notes, in order.
    pub notes: String,
    /// The answers of the quizzes.
    pub answers: String,
    /// The assets (paths inside `content/`) that images use.
    pub images: Vec<String>,
    /// Images the sheet cannot show, with their lines.
    pub problems: crate::base::diagnostic::Diagnostics,
}

/// Whether a page's Markdown holds something for the helper (a `:::helper` box or a quiz),
/// and so gets a helper sheet. It looks at the lines only, without reading the page, so that
/// the site can list its outputs quickly; a `:::helper` line inside a code block counts too
/// (that page gets a helper sheet with its materials alone).
pub fn has_helper_material(body: &str) -> bool {
    body.lines().any(|line| {
        let line = line.trim_start_matches(|c: char| c == '>' || c.is_whitespace());
        opens(line, ':', Callout::Helper.name())
            || opens(line, '`', quiz::FENCE)
            || opens(line, '~', quiz::FENCE)
    })
}

/// Whether `line` opens a fence of at least three `mark` characters named `name`.
fn opens(line: &str, mark: char, name: &str) -> bool {
    let after = line.trim_start_matches(mark);
    line.len() - after.len() >= 3 * mark.len_utf8()
        && after.trim_start().strip_prefix(name).is_some_and(|rest| {
            !rest.starts_with(|c: char| c.is_alphanumeric() || c == '-' || c == '_')
        })
}

/// The nodes of the learner's worksheet: all but the content of the `:::helper` boxes.
pub fn learner_nodes<'n, 'a>(nodes: &[&'n Node<'a>]) -> Vec<&'n Node<'a>> {
    let mut kept = Vec::with_capacity(nodes.len());
    let mut boxes: Vec<Callout> = Vec::new();
    let mut hidden = 0;
    for node in nodes {
        match &node.item {
            Item::CalloutStart(kind, _) => {
                boxes.push(*kind);
                hidden += usize::from(*kind == Callout::Helper);
            }
            Item::CalloutEnd => {
                let closed = boxes.pop();
                if closed == Some(Callout::Helper) {
                    hidden -= 1;
                    continue;
                }
            }
            _ => {}
        }
        if hidden == 0 {
            kept.push(*node);
        }
    }
    kept
}

/// The parts of `nodes` (a page's nodes but its footnote definitions) that the helper sheet
/// prints; `materials_heading` is the heading of the section that says what the
/// session needs, compared without case, spaces or punctuation.
pub fn parts<'n, 'a>(nodes: &[&'n Node<'a>], materials_heading: &str) -> Parts<'n, 'a> {
    let mut parts = Parts {
        materials: materials(nodes, &folded(materials_heading)),
        ..Parts::default()
    };
    let mut depth = 0;
    let mut boxes: Vec<Callout> = Vec::new();
    for node in nodes {
        let opens = matches!(node.item, Item::CalloutStart(Callout::Helper, _));
        let closes = node.item == Item::CalloutEnd && boxes.last() == Some(&Callout::Helper);
        match &node.item {
            Item::CalloutStart(kind, _) => boxes.push(*kind),
            Item::CalloutEnd => {
                boxes.pop();
            }
            Item::Block {
                block: block @ Block::Quiz(_),
                ..
            } if depth == 0 => parts.quizzes.push(block),
            _ => {}
        }
        if opens {
            depth += 1;
            if depth == 1 {
                parts.notes.push(Vec::new());
                continue;
            }
        }
        if closes {
            depth -= 1;
            if depth == 0 {
                continue;
            }
        }
        if depth > 0
            && let Some(note) = parts.notes.last_mut()
        {
            note.push(*node);
        }
    }
    parts
}

/// The first list of the section under the first heading whose text, folded, is `wanted` (the
/// section goes up to the next heading of the same level or above).
fn materials<'n, 'a>(nodes: &[&'n Node<'a>], wanted: &str) -> Vec<&'n Node<'a>> {
    if wanted.is_empty() {
        return Vec::new();
    }
    let mut index = 0;
    while index < nodes.len() {
        if let Item::Event(Event::Start(Tag::Heading { level, .. })) = nodes[index].item {
            let end = heading_end(nodes, index);
            if folded(&heading_text(&nodes[index..end])) == wanted {
                let stop = nodes[end..]
                    .iter()
                    .position(|n| {
                        matches!(n.item, Item::Event(Event::Start(Tag::Heading { level: l, .. })) if l <= level)
                    })
                    .map_or(nodes.len(), |k| end + k);
                return first_list(&nodes[end + 1..stop.max(end + 1)]);
            }
            index = end;
        }
        index += 1;
    }
    Vec::new()
}

/// The first list of a section (what the session needs is listed), or the whole section when
/// it has none.
fn first_list<'n, 'a>(section: &[&'n Node<'a>]) -> Vec<&'n Node<'a>> {
    let Some(start) = section
        .iter()
        .position(|n| matches!(n.item, Item::Event(Event::Start(Tag::List(_)))))
    else {
        return section.to_vec();
    };
    let mut depth = 0usize;
    for (index, node) in section.iter().enumerate().skip(start) {
        match node.item {
            Item::Event(Event::Start(Tag::List(_))) => depth += 1,
            Item::Event(Event::End(TagEnd::List(_))) => {
                depth -= 1;
                if depth == 0 {
                    return section[start..=index].to_vec();
                }
            }
            _ => {}
        }
    }
    section[start..].to_vec()
}

/// The index of the end of the heading that starts at `start`.
fn heading_end(nodes: &[&Node<'_>], start: usize) -> usize {
    nodes[start..]
        .iter()
        .position(|n| matches!(n.item, Item::Event(Event::End(TagEnd::Heading(_)))))
        .map_or(nodes.len() - 1, |k| start + k)
}

/// The text of a heading's nodes.
fn heading_text(nodes: &[&Node<'_>]) -> String {
    nodes
        .iter()
        .filter_map(|n| match &n.item {
            Item::Event(Event::Text(text) | Event::Code(text)) => Some(text.as_ref()),
            _ => None,
        })
        .collect()
}

/// A heading's text in lower case, letters and digits only.
fn folded(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::document::{Document, Source};

    fn read(markdown: &str) -> Document<'_> {
        Document::parse(Source {
            body: markdown,
            first_line: 1,
            file: std::path::Path::new("a.md"),
            lang: "fr",
        })
    }

    fn texts(nodes: &[&Node<'_>]) -> String {
        nodes
            .iter()
            .filter_map(|n| match &n.item {
                Item::Event(Event::Text(t)) => Some(t.to_string()),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join("|")
    }

    const PAGE: &str = "## Ce dont vous avez besoin\n\n- Un téléphone.\n\nPuis un tableau.\n\n## Étapes\n\n1. Allumez.\n\n:::helper\nPrévoyez 10 minutes.\n\n:::tip\nAstuce dedans.\n:::\n:::\n\nFin.\n\n```quiz\n- question: \"A ?\"\n  choices:\n    - \"x\"\n    - text: \"y\"\n      correct: true\n```\n";

    #[test]
    fn the_learner_keeps_everything_but_the_helper_boxes() {
        let document = read(PAGE);
        let nodes: Vec<&Node<'_>> = document.nodes.iter().collect();
        let kept = texts(&learner_nodes(&nodes));
        assert!(kept.contains("Allumez.") && kept.contains("Fin."), "{kept}");
        assert!(
            !kept.contains("Prévoyez") && !kept.contains("Astuce dedans"),
            "{kept}"
        );
    }

    #[test]
    fn the_helper_gets_the_materials_the_notes_and_the_quizzes() {
        let document = read(PAGE);
        let nodes: Vec<&Node<'_>> = document.nodes.iter().collect();
        let parts = parts(&nodes, "Ce dont vous avez besoin ");
        assert_eq!(texts(&parts.materials), "Un téléphone.");
        assert_eq!(parts.notes.len(), 1);
        assert_eq!(
            texts(&parts.notes[0]),
            "Prévoyez 10 minutes.|Astuce dedans."
        );
        assert_eq!(parts.quizzes.len(), 1);
    }

    #[test]
    fn helper_material_is_seen_in_the_lines() {
        assert!(has_helper_material("Texte.\n\n:::helper\nNote.\n:::\n"));
        assert!(has_helper_material("> ::: helper Pour la séance\n"));
        assert!(has_helper_material("```quiz\n- question: x\n```\n"));
        assert!(!has_helper_material(
            ":::helpers\n:::\n```quizz\n```\n:: helper\n"
        ));
    }
}
