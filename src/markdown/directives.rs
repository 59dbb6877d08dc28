//! The `:::` container directives of Docusaurus, VitePress and Starlight (`:::note`,
//! `:::tip[Astuce]`, `::: warning Titre`, `:::details`), which CommonMark does not know.
//! Before the page is read, each directive is rewritten line for line into GitHub's alert
//! syntax (`> [!NOTE]`, each line of its content quoted), so that its content stays Markdown
//! and every line keeps its number; the directive's kind and title are kept aside, by line.

use std::collections::BTreeMap;

/// A directive of the page: what its box is, and its title when it gives one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Directive {
    /// The name written after `:::` (`note`), lower case.
    pub name: String,
    /// The title it gives (`:::tip[Astuce]`, `::: tip Astuce`).
    pub title: Option<String>,
}

/// A page's Markdown with its directives rewritten.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rewritten {
    /// The Markdown, with as many lines as before.
    pub text: String,
    /// Each directive, by the 0-based line of the body on which it opens.
    pub directives: BTreeMap<usize, Directive>,
}

/// A directive still open while the lines go by.
struct Open {
    /// The indentation of its opening line, inside its parent.
    indent: String,
    /// How many colons opened it: a closing line needs as many or more.
    colons: usize,
}

/// A fence of code while the lines go by: its character and length.
type Fence = (char, usize);

/// The body with its directives rewritten, or `None` when it has none.
pub fn rewrite(body: &str) -> Option<Rewritten> {
    memchr::memmem::find(body.as_bytes(), b":::")?;
    let mut open: Vec<Open> = Vec::new();
    let mut fence: Option<Fence> = None;
    let mut directives = BTreeMap::new();
    let mut lines = Vec::new();
    for (number, line) in body.split('\n').enumerate() {
        let (prefix, inner) = quoted(&open, line);
        if fence.is_none()
            && let Some(colons) = closing(inner)
            && open.last().is_some_and(|o| colons >= o.colons)
        {
            open.pop();
            let (prefix, _) = quoted(&open, line);
            lines.push(prefix.trim_end().to_string());
            continue;
        }
        if fence.is_none()
            && let Some((colons, directive)) = opening(inner)
        {
            let indent = leading_space(inner).to_string();
            directives.insert(number, directive);
            lines.push(format!("{prefix}{indent}> [!NOTE]"));
            open.push(Open { indent, colons });
            continue;
        }
        fence = next_fence(fence, inner);
        lines.push(format!("{prefix}{inner}").trim_end_matches(' ').to_string());
    }
    if directives.is_empty() {
        return None;
    }
    Some(Rewritten {
        text: lines.join("\n"),
        directives,
    })
}

/// The quote marks a line of content takes inside the open directives, and the line
/// without the directives' indentation.
fn quoted<'l>(open: &[Open], line: &'l str) -> (String, &'l str) {
    let mut prefix = String::new();
    let mut rest = line;
    for directive in open {
        let indent = &directive.indent;
        let inner = rest
            .strip_prefix(indent.as_str())
            .unwrap_or_else(|| rest.trim_start());
        prefix.push_str(indent);
        prefix.push_str("> ");
        rest = inner;
    }
    (prefix, rest)
}

/// The number of colons of a closing line (`:::`), if it is one.
fn closing(line: &str) -> Option<usize> {
    let trimmed = line.trim();
    let colons = trimmed.chars().take_while(|&c| c == ':').count();
    (colons >= 3 && colons == trimmed.len() && leading_space(line).len() < 4).then_some(colons)
}

/// The colons and the directive of an opening line (`:::tip[Astuce]`), if it is one.
fn opening(line: &str) -> Option<(usize, Directive)> {
    if leading_space(line).len() >= 4 {
        return None;
    }
    let trimmed = line.trim();
    let colons = trimmed.chars().take_while(|&c| c == ':').count();
    if colons < 3 {
        return None;
    }
    let rest = trimmed[colons..].trim_start();
    let name_end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(rest.len());
    let name = &rest[..name_end];
    if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    Some((
        colons,
        Directive {
            name: name.to_ascii_lowercase(),
            title: title(&rest[name_end..]),
        },
    ))
}

/// The title after a directive's name: `[Astuce]`, or words (`Astuce`); attributes in
/// braces (`{.class}`) are left out.
fn title(after: &str) -> Option<String> {
    let after = after.trim();
    let title = match after.strip_prefix('[') {
        Some(bracketed) => bracketed.rsplit_once(']').map_or(bracketed, |(t, _)| t),
        None => after.split('{').next().unwrap_or_default(),
    };
    let title = title.trim();
    (!title.is_empty()).then(|| title.to_string())
}

/// The fence of code the reader is in after `line`: one opens with three backticks or
/// tildes and closes with as many of the same.
fn next_fence(fence: Option<Fence>, line: &str) -> Option<Fence> {
    let trimmed = line.trim_start();
    let Some(mark) = trimmed.chars().next().filter(|c| matches!(c, '`' | '~')) else {
        return fence;
    };
    let length = trimmed.chars().take_while(|&c| c == mark).count();
    match fence {
        None if length >= 3 && leading_space(line).len() < 4 => Some((mark, length)),
        Some((open, needed)) if open == mark && length >= needed => {
            let closes = trimmed.trim_end().chars().all(|c| c == mark);
            (!closes).then_some((open, needed))
        }
        other => other,
    }
}

fn leading_space(line: &str) -> &str {
    &line[..line.len() - line.trim_start().len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_directive_becomes_an_alert_line_for_line() {
        let body = "Avant.\n\n:::tip[Astuce]\nUn *conseil*.\n\nUn autre.\n:::\nAprès.\n";
        let rewritten = rewrite(body).unwrap();
        assert_eq!(
            rewritten.text,
            "Avant.\n\n> [!NOTE]\n> Un *conseil*.\n>\n> Un autre.\n\nAprès.\n"
        );
        assert_eq!(rewritten.text.lines().count(), body.lines().count());
        assert_eq!(
            rewritten.directives[&2],
            Directive {
                name: "tip".into(),
                title: Some("Astuce".into())
            }
        );
    }

    #[test]
    fn titles_in_words_nesting_indentation_and_code_are_kept() {
        let body = "1. Étape\n\n   ::: warning Attention au code\n   ```\n   :::\n   ```\n   ::::note\n   Dedans\n   ::::\n   :::\n";
        let rewritten = rewrite(body).unwrap();
        let lines: Vec<&str> = rewritten.text.lines().collect();
        assert_eq!(lines[2], "   > [!NOTE]");
        assert_eq!(lines[4], "   > :::");
        assert_eq!(lines[6], "   > > [!NOTE]");
        assert_eq!(lines[7], "   > > Dedans");
        assert_eq!(lines[8], "   >");
        assert_eq!(
            rewritten.directives[&2].title.as_deref(),
            Some("Attention au code")
        );
        assert_eq!(rewritten.directives[&6].name, "note");
        assert_eq!(lines[9], "");
    }

    #[test]
    fn pages_without_directives_are_left_alone() {
        assert!(rewrite("Un texte : avec deux points.\n").is_none());
        assert!(rewrite("```\n:::note\n```\n").is_none());
    }
}
