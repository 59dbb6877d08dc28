//! Code blocks highlighted with CSS classes (syntect, pure-Rust regular expressions), so
//! that one stylesheet colours them in light and dark mode.

use std::sync::LazyLock;

use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

use crate::base::text::escape;

/// How highlighted code tokens are classed (`hl-keyword`...).
pub const HIGHLIGHT_CLASSES: ClassStyle = ClassStyle::SpacedPrefixed { prefix: "hl-" };

static SYNTAXES: LazyLock<SyntaxSet> = LazyLock::new(SyntaxSet::load_defaults_newlines);

/// Highlights a code block with CSS classes; a block without a known language stays plain.
pub fn highlight(lang: &str, code: &str) -> String {
    let syntax = (!lang.is_empty())
        .then(|| SYNTAXES.find_syntax_by_token(lang))
        .flatten();
    let Some(syntax) = syntax else {
        return format!("<pre class=\"code\"><code>{}</code></pre>\n", escape(code));
    };
    let mut generator =
        ClassedHTMLGenerator::new_with_class_style(syntax, &SYNTAXES, HIGHLIGHT_CLASSES);
    for line in LinesWithEndings::from(code) {
        if generator
            .parse_html_for_line_which_includes_newline(line)
            .is_err()
        {
            return format!("<pre class=\"code\"><code>{}</code></pre>\n", escape(code));
        }
    }
    format!(
        "<pre class=\"code\" data-lang=\"{}\"><code>{}</code></pre>\n",
        escape(lang),
        generator.finalize()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_is_highlighted_with_classes_and_escaped() {
        let html = highlight("rust", "fn main() { let x = \"<b>\"; }\n");
        assert!(html.contains("hl-"), "{html}");
        assert!(html.contains("&lt;b&gt;"), "{html}");
        let plain = highlight("", "<script>\n");
        assert!(plain.contains("&lt;script&gt;"), "{plain}");
    }
}
