//! Text helpers every layer needs: escaping for HTML, slugs, folding for comparisons, and
//! French typography.

use std::borrow::Cow;

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

/// A Typst string literal holding `text`, safe whatever it contains.
pub fn typst_string(text: &str) -> String {
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

/// Lower case, without accents, hyphens as spaces: how filters compare names.
pub fn fold(text: &str) -> String {
    deunicode::deunicode(text)
        .to_lowercase()
        .replace('-', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// French typography: a narrow no-break space replaces the space before `:`, `;`, `?`, `!`
/// and `»`, and after `«`, so that the sign never starts a line.
pub fn french_spacing(text: &str) -> Cow<'_, str> {
    if !text.contains([':', ';', '?', '!', '»', '«']) {
        return Cow::Borrowed(text);
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
    Cow::Owned(out)
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
            &*french_spacing("Attention : oui ?"),
            "Attention\u{202F}: oui\u{202F}?"
        );
        assert_eq!(&*french_spacing("« bonjour »"), "«\u{202F}bonjour\u{202F}»");
        assert_eq!(&*french_spacing("https://a.b"), "https://a.b");
    }

    #[test]
    fn typst_strings_escape_everything_typst_could_read() {
        assert_eq!(typst_string(r#"a "b" \c #d"#), r#""a \"b\" \\c #d""#);
        assert_eq!(typst_string("x\ny"), "\"x\\ny\"");
        assert_eq!(typst_string("\u{7}"), "\"\\u{7}\"");
    }

    #[test]
    fn folding_drops_case_accents_and_hyphens() {
        assert_eq!(fold("Saint-Gilles  Élan"), "saint gilles elan");
    }
}
