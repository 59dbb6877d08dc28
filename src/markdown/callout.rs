//! The framed boxes of a page ("Remember", "Warning", "Tip"...): GitHub's alerts and the
//! `:::` directives of Docusaurus, VitePress and Starlight.

use pulldown_cmark::BlockQuoteKind;

/// The kinds of framed boxes, from GitHub's alerts (`> [!NOTE]`) and the `:::` directives of
/// Docusaurus, VitePress and Starlight.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Callout {
    /// `NOTE`.
    Note,
    /// `TIP`.
    Tip,
    /// `IMPORTANT`, titled "Remember".
    Important,
    /// `WARNING`.
    Warning,
    /// `CAUTION`, `:::danger`.
    Caution,
    /// `:::details`: a box that opens on the page, and is open on paper.
    Details,
}

impl Callout {
    /// Its name (`important`), which is also the key of its title in the interface strings
    /// (`callout.important`).
    pub fn name(self) -> &'static str {
        match self {
            Callout::Note => "note",
            Callout::Tip => "tip",
            Callout::Important => "important",
            Callout::Warning => "warning",
            Callout::Caution => "caution",
            Callout::Details => "details",
        }
    }

    /// The box a directive's name (`:::tip`) makes, if it is one parcours knows.
    pub fn named(name: &str) -> Option<Callout> {
        Some(match name {
            "note" | "info" => Callout::Note,
            "tip" | "success" | "hint" => Callout::Tip,
            "important" => Callout::Important,
            "warning" => Callout::Warning,
            "caution" | "danger" | "error" => Callout::Caution,
            "details" => Callout::Details,
            _ => return None,
        })
    }

    /// The box of a GitHub alert.
    pub fn of(kind: BlockQuoteKind) -> Callout {
        match kind {
            BlockQuoteKind::Note => Callout::Note,
            BlockQuoteKind::Tip => Callout::Tip,
            BlockQuoteKind::Important => Callout::Important,
            BlockQuoteKind::Warning => Callout::Warning,
            BlockQuoteKind::Caution => Callout::Caution,
        }
    }
}
