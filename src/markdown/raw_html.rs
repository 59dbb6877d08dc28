//! Raw HTML written in a page, read as tags and text: what a worksheet prints of it, what a
//! sanitised page loses of it, and the anchors (`id`) it gives. This is not a full HTML
//! parser; it reads the fragments CommonMark hands over, one HTML block or inline tag at a
//! time, and never decides alone what is safe (the sanitiser does).

/// A piece of a fragment of HTML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// An opening tag: its name in lower case, its attributes (names in lower case, values
    /// with entities decoded).
    Open {
        /// `details`.
        name: String,
        /// `[("class", "note")]`.
        attributes: Vec<(String, String)>,
    },
    /// A closing tag, by name.
    Close(String),
    /// Text between tags, entities decoded.
    Text(String),
    /// A comment, a doctype or a processing instruction: nothing a reader sees.
    Hidden,
}

/// The pieces of a fragment, in order.
pub fn pieces(fragment: &str) -> Vec<Piece> {
    let mut pieces = Vec::new();
    let mut rest = fragment;
    while !rest.is_empty() {
        let Some(start) = rest.find('<') else {
            pieces.push(Piece::Text(decode(rest)));
            break;
        };
        if start > 0 {
            pieces.push(Piece::Text(decode(&rest[..start])));
        }
        let (piece, length) = tag(&rest[start..]);
        pieces.push(piece);
        rest = &rest[start + length..];
    }
    pieces
}

/// The piece at the start of `text`, which starts with `<`, and its length in bytes.
fn tag(text: &str) -> (Piece, usize) {
    let ends = |close: &str| text.find(close).map_or(text.len(), |at| at + close.len());
    if text.starts_with("<!--") {
        return (Piece::Hidden, ends("-->"));
    }
    if text.starts_with("<!") || text.starts_with("<?") {
        return (Piece::Hidden, ends(">"));
    }
    let closing = text.starts_with("</");
    let name_start = if closing { 2 } else { 1 };
    let name_length = text[name_start..]
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == ':' || c == '.'))
        .unwrap_or(text.len() - name_start);
    if name_length == 0 {
        return (Piece::Text("<".into()), 1);
    }
    let name = text[name_start..name_start + name_length].to_ascii_lowercase();
    let (attributes, length) = attributes(&text[name_start + name_length..]);
    let length = name_start + name_length + length;
    if closing {
        (Piece::Close(name), length)
    } else {
        (Piece::Open { name, attributes }, length)
    }
}

/// The attributes of a tag, read up to its `>`, and the length read.
fn attributes(text: &str) -> (Vec<(String, String)>, usize) {
    let mut attributes = Vec::new();
    let bytes = text.as_bytes();
    let mut at = 0;
    loop {
        while at < bytes.len() && (bytes[at].is_ascii_whitespace() || bytes[at] == b'/') {
            at += 1;
        }
        if at >= bytes.len() {
            return (attributes, at);
        }
        if bytes[at] == b'>' {
            return (attributes, at + 1);
        }
        let name_end = text[at..]
            .find(|c: char| c.is_ascii_whitespace() || matches!(c, '=' | '>' | '/'))
            .map_or(text.len(), |end| at + end);
        let name = text[at..name_end].to_ascii_lowercase();
        if name.is_empty() {
            // A stray `=` or quote: skip it.
            at += text[at..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        at = name_end;
        let mut value = String::new();
        if text[at..].trim_start().starts_with('=') {
            at += text[at..].find('=').map_or(0, |eq| eq + 1);
            at += text[at..].len() - text[at..].trim_start().len();
            let (raw, length) = attribute_value(&text[at..]);
            value = decode(raw);
            at += length;
        }
        attributes.push((name, value));
    }
}

/// An attribute's value, quoted or not, and the length it takes.
fn attribute_value(text: &str) -> (&str, usize) {
    match text.chars().next() {
        Some(quote @ ('"' | '\'')) => match text[1..].find(quote) {
            Some(end) => (&text[1..1 + end], end + 2),
            None => (&text[1..], text.len()),
        },
        _ => {
            let end = text
                .find(|c: char| c.is_ascii_whitespace() || c == '>')
                .unwrap_or(text.len());
            (&text[..end], end)
        }
    }
}

/// Text with its character references decoded (`&amp;`, `&#233;`, `&#xE9;`, the common
/// named ones); an unknown reference stays as written.
pub fn decode(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find('&') {
        out.push_str(&rest[..start]);
        rest = &rest[start..];
        let decoded = rest.find(';').filter(|&end| end <= 10).and_then(|end| {
            let character = reference(&rest[1..end])?;
            Some((character, end + 1))
        });
        match decoded {
            Some((character, length)) => {
                out.push(character);
                rest = &rest[length..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character a reference names (`amp`, `#233`, `#xE9`).
fn reference(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{A0}',
        "eacute" => 'é',
        "egrave" => 'è',
        "agrave" => 'à',
        "ccedil" => 'ç',
        "laquo" => '«',
        "raquo" => '»',
        "hellip" => '…',
        "rarr" => '→',
        "larr" => '←',
        "copy" => '©',
        "euro" => '€',
        "mdash" => '—',
        "ndash" => '–',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn open(name: &str, attributes: &[(&str, &str)]) -> Piece {
        Piece::Open {
            name: name.into(),
            attributes: attributes
                .iter()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect(),
        }
    }

    #[test]
    fn tags_attributes_text_and_comments_are_read() {
        assert_eq!(
            pieces("<P class=note onclick='x()' hidden>A &amp; b<br/></p><!-- non -->"),
            [
                open(
                    "p",
                    &[("class", "note"), ("onclick", "x()"), ("hidden", "")]
                ),
                Piece::Text("A & b".into()),
                open("br", &[]),
                Piece::Close("p".into()),
                Piece::Hidden,
            ]
        );
        assert_eq!(
            pieces("<a href=\"javascript:alert(1)\" title=\"a > b\">x</a>"),
            [
                open("a", &[("href", "javascript:alert(1)"), ("title", "a > b")]),
                Piece::Text("x".into()),
                Piece::Close("a".into()),
            ]
        );
    }

    #[test]
    fn broken_html_never_panics() {
        for fragment in [
            "<",
            "<a",
            "<a href=",
            "<a href=\"x",
            "</",
            "< p>",
            "&#xZZ;",
            "&#99999999;",
            "<!--",
            "<g=às*'ySC*[**",
            "<a ='é'>",
            "<a b= >",
        ] {
            let _ = pieces(fragment);
        }
        assert_eq!(
            pieces("a < b"),
            [
                Piece::Text("a ".into()),
                Piece::Text("<".into()),
                Piece::Text(" b".into())
            ]
        );
    }

    proptest::proptest! {
        #[test]
        fn any_text_is_read_without_panic(text in "[<>=/'\"a-zé!&#;x0-9 -]{0,40}") {
            let _ = pieces(&text);
            let _ = decode(&text);
        }
    }

    #[test]
    fn references_are_decoded() {
        assert_eq!(
            decode("&eacute;t&#233; &#xE9;t&eacute; &unknown; AT&T"),
            "été été &unknown; AT&T"
        );
    }
}
