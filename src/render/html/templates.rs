//! The template engine: minijinja over the theme's templates, with the site's overrides, and
//! template errors turned into diagnostics that name the template file and line.

use std::path::PathBuf;

use minijinja::{AutoEscape, Environment, State, UndefinedBehavior, Value};

use crate::base::diagnostic::{Checked, Diagnostic, Diagnostics};
use crate::model::Site;
use crate::sources::theme::Theme;

/// The templates every theme provides.
pub const REQUIRED: [&str; 20] = [
    "base.html",
    "home.html",
    "section.html",
    "page.html",
    "path.html",
    "framework.html",
    "area.html",
    "competence.html",
    "level.html",
    "languages.html",
    "404.html",
    "atom.xml",
    "sitemap.xml",
    "robots.txt",
    "search.html",
    "coverage.html",
    "glossary.html",
    "places.html",
    "place.html",
    "sw.js",
];

/// Creates the engine and compiles every required template; `None` with the error of each
/// template that does not compile.
pub fn environment(site: &Site) -> Checked<Option<Environment<'static>>> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
    env.set_auto_escape_callback(|name| match name.rsplit('.').next() {
        Some("html" | "xml" | "svg") => AutoEscape::Html,
        _ => AutoEscape::None,
    });
    env.set_formatter(format_value);
    let theme = site.theme.clone();
    env.set_loader(move |name| match theme.template(name) {
        Some(file) => {
            let bytes = file.read().map_err(|e| {
                minijinja::Error::new(
                    minijinja::ErrorKind::TemplateNotFound,
                    format!("cannot read: {e}"),
                )
            })?;
            String::from_utf8(bytes.into_owned())
                .map(Some)
                .map_err(|_| {
                    minijinja::Error::new(
                        minijinja::ErrorKind::SyntaxError,
                        "the template is not valid UTF-8",
                    )
                })
        }
        None => Ok(None),
    });
    let base_url = site.config.base_url.clone();
    let style = site.config.link_style();
    env.add_function("link", move |state: &State, path: &str| {
        url_value(style.link(&folder_url(state, path)))
    });
    env.add_function("folder", |state: &State, path: &str| {
        url_value(folder_url(state, path))
    });
    env.add_function("abs_url", move |path: &str| {
        url_value(format!("{base_url}{}", path.trim_start_matches('/')))
    });
    let problems: Diagnostics = REQUIRED
        .iter()
        .filter_map(|name| env.get_template(name).err())
        .map(|error| diagnostic(&site.theme, &error))
        .collect();
    if !problems.is_empty() {
        return Checked::failed_with(problems);
    }
    Checked::ok(Some(env))
}

/// Prints a value: text escaped for HTML when the template escapes (but for `/`, which
/// needs no escape, so that URLs and feeds stay readable), anything else as minijinja does.
fn format_value(
    out: &mut minijinja::Output,
    state: &mut State,
    value: &Value,
) -> Result<(), minijinja::Error> {
    match value.as_str() {
        Some(text) if !value.is_safe() && matches!(state.auto_escape(), AutoEscape::Html) => {
            crate::base::text::escape_into(out, text).map_err(minijinja::Error::from)
        }
        _ => minijinja::escape_formatter(out, state, value),
    }
}

/// The relative URL of a site path from the page being rendered, as it is: `folder(path)` in
/// templates, for the folders that scripts add file names to (`link(path)` names a folder's
/// `index.html` in a portable site).
fn folder_url(state: &State, path: &str) -> String {
    let root = state.lookup("root");
    let root = root.as_ref().and_then(Value::as_str).unwrap_or_default();
    let path = path.trim_start_matches('/');
    if root.is_empty() && path.is_empty() {
        return "./".into();
    }
    let mut url = String::with_capacity(root.len() + path.len());
    url.push_str(root);
    url.push_str(path);
    url
}

/// A URL for an attribute: the characters that matter in HTML escaped, `/` left readable.
fn url_value(url: String) -> Value {
    Value::from_safe_string(crate::base::text::escape(&url))
}

/// Renders a template with a context; `None` with an error naming the template file and
/// line when it fails.
pub fn render(
    env: &Environment<'_>,
    theme: &Theme,
    name: &str,
    context: Value,
) -> Checked<Option<String>> {
    match env
        .get_template(name)
        .and_then(|template| template.render(context))
    {
        Ok(text) => Checked::ok(Some(text)),
        Err(error) => Checked::failed(diagnostic(theme, &error)),
    }
}

/// A template error as a diagnostic on the template's file.
pub fn diagnostic(theme: &Theme, error: &minijinja::Error) -> Diagnostic {
    let name = error.name().unwrap_or("template");
    let file = theme
        .template(name)
        .map_or_else(|| PathBuf::from("templates").join(name), |t| t.origin);
    let mut message = format!("template error: {}", error.kind());
    if let Some(detail) = error.detail() {
        message.push_str(&format!(": {detail}"));
    }
    let mut source = std::error::Error::source(error);
    while let Some(inner) = source {
        message.push_str(&format!(" ({inner})"));
        source = inner.source();
    }
    let hint = match error.kind() {
        minijinja::ErrorKind::SyntaxError => {
            "check the template's Jinja syntax: every {% if %}, {% for %} and {% block %} needs its {% end... %}"
        }
        minijinja::ErrorKind::UndefinedError => {
            "the template uses a value this page does not have: test it with `is defined` first"
        }
        _ => {
            "see the minijinja documentation for the filters, tests and functions templates can use"
        }
    };
    let d = Diagnostic::error(file, message).with_hint(hint);
    match error.line() {
        Some(line) => d.at_line(line),
        None => d,
    }
}
