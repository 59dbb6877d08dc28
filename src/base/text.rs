//! Text helpers every layer needs: escaping for HTML, slugs, folding for comparisons, and
//! French typography.

use std::borrow::Cow;

/// Escapes text for HTML and XML, in text and in attributes quoted either way.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    // Writing into a String cannot fail.
    let _ = escape_into(&mut out, text);
    out
}

/// Writes `text` escaped for HTML and XML into `out`: the runs without `&<>"'` are copied
/// whole, each of those five characters becomes its entity.
pub fn escape_into<W: std::fmt::Write>(out: &mut W, text: &str) -> std::fmt::Result {
    let mut start = 0;
    for (at, byte) in text.bytes().enumerate() {
        let entity = match byte {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.write_str(&text[start..at])?;
        out.write_str(entity)?;
        start = at + 1;
    }
    out.write_str(&text[start..])
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

/// The anchor GitHub gives a heading, as github-slugger, Hugo (`autoHeadingIDType: github`),
/// Docusaurus and Starlight do: lower case, letters and digits kept (accents included),
/// punctuation dropped, each space a `-`. `Étape 1 : ouvrir` becomes `étape-1--ouvrir`.
/// A heading of punctuation alone gets `section`.
pub fn anchor(text: &str) -> String {
    let slug: String = text
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            '-' | '_' => Some(c),
            c if c.is_alphanumeric() || is_combining_mark(c) => Some(c),
            _ => None,
        })
        .collect();
    if slug.is_empty() {
        "section".into()
    } else {
        slug
    }
}

/// Whether `c` is a combining mark, which anchors keep with its letter (`é` written `e` + `´`).
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// The names among `known` closest to `wanted` (a mistyped anchor, id or word), best first,
/// at most `most` of them and only those close enough to be what was meant.
pub fn closest<'a>(wanted: &str, known: &'a [String], most: usize) -> Vec<&'a str> {
    let mut scored: Vec<(f64, &str)> = known
        .iter()
        .map(|k| {
            (
                strsim::normalized_damerau_levenshtein(wanted, k),
                k.as_str(),
            )
        })
        .filter(|(score, _)| *score >= 0.5)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored.into_iter().take(most).map(|(_, k)| k).collect()
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
    fn html_escapes_the_five_characters_and_keeps_the_rest() {
        assert_eq!(
            escape(r#"Tom & "Léa" <b>l'été</b>"#),
            "Tom &amp; &quot;Léa&quot; &lt;b&gt;l&#39;été&lt;/b&gt;"
        );
        assert_eq!(escape("déjà vu — 日本"), "déjà vu — 日本");
        assert_eq!(escape("&"), "&amp;");
        assert_eq!(escape(""), "");
    }

    #[test]
    fn slugs_are_ascii() {
        assert_eq!(slugify("Étape par étape"), "etape-par-etape");
        assert_eq!(slugify("  Wat heb je nodig?  "), "wat-heb-je-nodig");
        assert_eq!(slugify("???"), "section");
    }

    #[test]
    fn anchors_are_the_ones_github_gives() {
        assert_eq!(anchor("Îlots de client"), "îlots-de-client");
        assert_eq!(anchor("Markdown/MDX pages"), "markdownmdx-pages");
        assert_eq!(anchor("RouteData['route']"), "routedataroute");
        assert_eq!(anchor("Étape 1 : ouvrir"), "étape-1--ouvrir");
        assert_eq!(
            anchor("À quels moments dois-je intégrer la mention ?"),
            "à-quels-moments-dois-je-intégrer-la-mention-"
        );
        assert_eq!(anchor("snake_case et CamelCase"), "snake_case-et-camelcase");
        assert_eq!(anchor("📘 React / Preact"), "-react--preact");
        assert_eq!(anchor("e\u{301}te\u{301}"), "e\u{301}te\u{301}");
        assert_eq!(anchor("???"), "section");
    }

    #[test]
    fn the_closest_names_come_first() {
        let known: Vec<String> = ["îlots-de-client", "exemple", "exemple-1", "aller-plus-loin"]
            .map(String::from)
            .to_vec();
        assert_eq!(closest("ilots-de-client", &known, 3), ["îlots-de-client"]);
        assert_eq!(closest("exemple-2", &known, 2), ["exemple-1", "exemple"]);
        assert!(closest("zzz", &known, 3).is_empty());
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
