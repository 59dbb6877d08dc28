//! Every use of the YAML parser lives here, so that its version can change in one place.
//! YAML errors become [`Diagnostic`]s that point at the line of the file, not of the snippet.

use std::path::Path;

use serde::de::DeserializeOwned;

use crate::base::diagnostic::{Checked, Diagnostic};

pub use serde_saphyr::Spanned;

/// A value authors may write as text or as a number or boolean (`postcode: 69003`,
/// `date: 2026-09-01`, `wheelchair: yes`), read as its text.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(untagged)]
pub enum Scalar {
    /// Text, as written.
    Text(String),
    /// A number.
    Number(f64),
    /// `true` or `false`.
    Bool(bool),
}

impl Scalar {
    /// The value as text, trimmed.
    pub fn text(&self) -> String {
        match self {
            Scalar::Text(text) => text.trim().to_string(),
            Scalar::Number(number) => number.to_string(),
            Scalar::Bool(value) => value.to_string(),
        }
    }
}

/// Parses `text`, which starts at line `first_line` of `file`, into `T`; `None` with the
/// error of malformed YAML or of a value of the wrong type.
pub fn parse<T: DeserializeOwned>(
    text: &str,
    file: &Path,
    first_line: usize,
) -> Checked<Option<T>> {
    let mut options = serde_saphyr::Options::default();
    options.with_snippet = false;
    match serde_saphyr::from_str_with_options(text, options) {
        Ok(value) => Checked::ok(Some(value)),
        Err(error) => Checked::failed(invalid(&error, file, first_line)),
    }
}

/// The error of YAML the parser refused, on the line of the file where it is.
fn invalid(error: &serde_saphyr::Error, file: &Path, first_line: usize) -> Diagnostic {
    let mut diagnostic = Diagnostic::error(file, format!("invalid YAML: {}", message_of(error)));
    if let Some(location) = error.location().filter(|l| l.line() > 0) {
        diagnostic = diagnostic.at(
            location.line() as usize + first_line - 1,
            location.column().max(1) as usize,
        );
    }
    diagnostic.with_hint(
        "check the indentation, the colons after each key, and put text containing `:` or `#` between double quotes",
    )
}

/// Parses the YAML list of a fenced block (a quiz, a self-diagnostic) that starts at line
/// `first_line` of `file`. `format` is the hint for malformed YAML; an empty list is an error
/// with the message and hint of `empty`.
pub fn parse_list<T: DeserializeOwned>(
    text: &str,
    file: &Path,
    first_line: usize,
    format: &str,
    empty: (&str, &str),
) -> Checked<Option<Vec<T>>> {
    parse::<Vec<T>>(text, file, first_line)
        .map_problems(|d| d.with_hint(format))
        .and_then(|list| {
            if list.is_empty() {
                return Checked::failed(
                    Diagnostic::error(file, empty.0)
                        .at_line(first_line)
                        .with_hint(empty.1),
                );
            }
            Checked::ok(Some(list))
        })
}

/// The line, in the file, of a value read with [`Spanned`], where `first_line` is the line
/// of the file on which the YAML text began.
pub fn line_of<T>(value: &Spanned<T>, first_line: usize) -> Option<usize> {
    let line = value.referenced.line() as usize;
    (line > 0).then(|| line + first_line - 1)
}

/// The parser's message without its own location suffix (we print ours).
fn message_of(error: &serde_saphyr::Error) -> String {
    let text = error.without_snippet().to_string();
    let text = text.lines().next().unwrap_or_default().trim().to_string();
    match text.find(" at line ") {
        Some(cut) => text[..cut].to_string(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize, Debug)]
    struct Doc {
        title: Spanned<String>,
        level: Option<u8>,
    }

    #[test]
    fn errors_point_at_the_line_of_the_file() {
        let err = parse::<Doc>("title: x\nlevel: [\n", Path::new("f.md"), 2).failure()[0].clone();
        assert!(err.line.unwrap() >= 3, "{err:?}");
        assert!(err.message.starts_with("invalid YAML"), "{err:?}");
    }

    #[test]
    fn spans_are_shifted_to_the_file() {
        let doc: Doc = parse("level: 3\ntitle: hello\n", Path::new("f.md"), 2)
            .value
            .unwrap();
        assert_eq!(doc.title.value, "hello");
        assert_eq!(line_of(&doc.title, 2), Some(3));
        assert_eq!(doc.level, Some(3));
    }

    #[test]
    fn type_errors_are_reported() {
        let err =
            parse::<Doc>("title: x\nlevel: many\n", Path::new("f.md"), 1).failure()[0].clone();
        assert_eq!(err.line, Some(2), "{err:?}");
    }
}
