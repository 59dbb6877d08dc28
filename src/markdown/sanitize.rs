//! Raw HTML written by authors, made safe. One policy says what stays: the elements of
//! prose (disclosures, asides, figures, keys, abbreviations, tables...), classes on a few of
//! them, and links to the web, to mail and to the phone. Scripts, styles, event handlers,
//! `javascript:` addresses, frames and forms go. ammonia applies the policy to a page; the
//! same policy says, fragment by fragment, what was removed, so that authors are told.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use ammonia::Builder;

use super::raw_html::{Piece, pieces};

/// The elements authors may write.
const TAGS: [&str; 68] = [
    "a",
    "abbr",
    "article",
    "aside",
    "b",
    "bdi",
    "bdo",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "data",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "section",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "u",
    "ul",
    "var",
    "wbr",
];

/// The elements removed with everything they hold.
const REMOVED_WHOLE: [&str; 2] = ["script", "style"];

/// The attributes every element may have.
const GENERIC: [&str; 4] = ["id", "lang", "title", "dir"];

/// The elements that may have a class.
const CLASSED: [&str; 8] = [
    "div", "span", "aside", "figure", "p", "section", "table", "pre",
];

/// The attributes of particular elements.
const ATTRIBUTES: [(&str, &[&str]); 11] = [
    ("a", &["href", "hreflang"]),
    ("img", &["src", "alt", "width", "height"]),
    ("ol", &["start", "reversed"]),
    ("td", &["colspan", "rowspan", "headers"]),
    ("th", &["colspan", "rowspan", "headers", "scope"]),
    ("col", &["span"]),
    ("colgroup", &["span"]),
    ("details", &["open"]),
    ("time", &["datetime"]),
    ("data", &["value"]),
    ("blockquote", &["cite"]),
];

/// The schemes of the addresses links and images may have; addresses without a scheme
/// (relative ones) stay.
const SCHEMES: [&str; 4] = ["http", "https", "mailto", "tel"];

/// The attributes that hold an address.
const ADDRESSES: [&str; 3] = ["href", "src", "cite"];

static POLICY: LazyLock<Builder<'static>> = LazyLock::new(|| {
    let mut builder = Builder::empty();
    builder
        .tags(TAGS.into_iter().collect())
        .clean_content_tags(REMOVED_WHOLE.into_iter().collect())
        .generic_attributes(GENERIC.into_iter().collect())
        .tag_attributes(tag_attributes())
        .url_schemes(SCHEMES.into_iter().collect())
        .link_rel(Some("noopener noreferrer"))
        .strip_comments(true);
    builder
});

/// The attributes of each element: its own, and `class` where classes are allowed.
fn tag_attributes() -> HashMap<&'static str, HashSet<&'static str>> {
    let mut attributes: HashMap<&str, HashSet<&str>> = ATTRIBUTES
        .into_iter()
        .map(|(tag, names)| (tag, names.iter().copied().collect()))
        .collect();
    for tag in CLASSED {
        attributes.entry(tag).or_default().insert("class");
    }
    attributes
}

/// HTML cleaned by the policy.
pub fn clean(html: &str) -> String {
    POLICY.clean(html).to_string()
}

/// What the policy removes from a fragment of raw HTML, in words, each once: "`<script>`
/// and its content", "`onclick` on `<p>`", "the address `javascript:alert(1)`".
pub fn removed(fragment: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let mut note = |what: String| {
        if !found.contains(&what) {
            found.push(what);
        }
    };
    for piece in pieces(fragment) {
        let Piece::Open { name, attributes } = piece else {
            continue;
        };
        if REMOVED_WHOLE.contains(&name.as_str()) {
            note(format!("`<{name}>` and its content"));
        } else if !TAGS.contains(&name.as_str()) {
            note(format!("`<{name}>`"));
            continue;
        }
        for (attribute, value) in attributes {
            if !allowed_attribute(&name, &attribute) {
                note(format!("`{attribute}` on `<{name}>`"));
            } else if ADDRESSES.contains(&attribute.as_str()) && !allowed_address(&value) {
                note(format!("the address `{}`", value.trim()));
            }
        }
    }
    found
}

fn allowed_attribute(tag: &str, attribute: &str) -> bool {
    GENERIC.contains(&attribute)
        || (attribute == "class" && CLASSED.contains(&tag))
        || ATTRIBUTES
            .iter()
            .any(|(t, names)| *t == tag && names.contains(&attribute))
}

/// Whether an address is relative or has an allowed scheme (not `javascript:`).
pub fn allowed_address(url: &str) -> bool {
    let url = url.trim();
    match url.find(':') {
        Some(colon) if !url[..colon].contains(['/', '?', '#']) => {
            SCHEMES.contains(&url[..colon].to_ascii_lowercase().as_str())
        }
        _ => true,
    }
}

/// The anchors raw HTML gives a page: its `id` attributes, and the `name` of `<a>`.
pub fn anchors(fragment: &str) -> Vec<String> {
    pieces(fragment)
        .into_iter()
        .filter_map(|piece| match piece {
            Piece::Open { name, attributes } => attributes
                .into_iter()
                .find_map(|(a, v)| (a == "id" || (a == "name" && name == "a")).then_some(v)),
            _ => None,
        })
        .filter(|anchor| !anchor.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_stays_and_what_could_run_code_goes() {
        let html = "<details><summary>Pourquoi ?</summary><p class=\"x\" onclick=\"voler()\">Un <kbd>Ctrl</kbd> <a href=\"javascript:alert(1)\">lien</a></p></details><script>alert(1)</script><iframe src=\"https://x.org\"></iframe><aside class=\"encart\">A</aside>";
        let clean = clean(html);
        assert_eq!(
            clean,
            "<details><summary>Pourquoi ?</summary><p class=\"x\">Un <kbd>Ctrl</kbd> <a rel=\"noopener noreferrer\">lien</a></p></details><aside class=\"encart\">A</aside>"
        );
        assert_eq!(
            removed(html),
            [
                "`onclick` on `<p>`",
                "the address `javascript:alert(1)`",
                "`<script>` and its content",
                "`<iframe>`"
            ]
        );
    }

    #[test]
    fn safe_html_reports_nothing_removed() {
        let html = "<figure><img src=\"a.png\" alt=\"A\" width=\"10\"><figcaption>Un <abbr title=\"x\">X</abbr>, H<sub>2</sub>O, x<sup>2</sup><br></figcaption></figure><div class=\"n\"><span class=\"r\">R</span></div><a href=\"https://example.org\">x</a> <a href=\"../a.md\">y</a> <a href=\"mailto:a@b.c\">z</a><!-- note -->";
        assert!(removed(html).is_empty(), "{:?}", removed(html));
        assert!(clean(html).contains("<abbr title=\"x\">X</abbr>"));
    }

    #[test]
    fn ids_and_names_are_anchors() {
        assert_eq!(
            anchors("<a name=\"haut\"></a><span id=\"ici\">x</span><p name=\"non\">"),
            ["haut", "ici"]
        );
    }
}
