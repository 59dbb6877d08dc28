//! The self-diagnostic of digital autonomy: a fenced block ` ```autodiagnostic ` of YAML
//! statements, each mapped to a DigComp competence and level ("I can look for the opening
//! hours of the town hall on the internet": 1.1, level 2). The reader answers one statement
//! at a time (yes, with help, not yet); the result shows a level per DigComp area and
//! recommends the courses and learning paths that teach what is not yet mastered. It all
//! runs in the browser; nothing is sent. Without JavaScript it is a printable questionnaire.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use serde_json::json;

use super::extension::{Appendix, Extension};
use crate::base::diagnostic::{Checked, Diagnostic};
use crate::base::text::{escape, typst_string};
use crate::base::yaml::{self, Spanned};
use crate::markdown::context::{Context, Linked, Links};
use crate::sources::digcomp::{self, level_label};

/// The info string that makes a fenced block a self-diagnostic.
pub const FENCE: &str = "autodiagnostic";

/// A self-diagnostic: its statements, in order.
#[derive(Debug, Clone, PartialEq)]
pub struct SelfTest {
    /// The statements.
    pub statements: Vec<Statement>,
}

impl SelfTest {
    /// Reads and checks the YAML of a self-diagnostic block whose first line is `first_line`
    /// of `file`; `None` when it is malformed.
    pub fn parse(source: &str, file: &Path, first_line: usize) -> Checked<Option<SelfTest>> {
        parse(source, file, first_line)
            .map(|statements| statements.map(|statements| SelfTest { statements }))
    }
}

impl Extension for SelfTest {
    fn html(&self, cx: &Context<'_>, _number: usize) -> String {
        let recommendations = recommendations(cx.links, &self.statements);
        html(&self.statements, &labels(cx), &recommendations)
    }

    /// A questionnaire on paper: three boxes by each statement (alone, with help, not yet),
    /// then a grid with which the helper reads a level for each DigComp area.
    fn typst(&self, cx: &Context<'_>, _appendix: &mut Appendix) -> String {
        let framework = digcomp::framework();
        let statements: Vec<String> = self
            .statements
            .iter()
            .map(|s| format!("(text: {}, level: {})", typst_string(&s.text), s.level))
            .collect();
        let mut by_area: BTreeMap<&str, Vec<String>> = BTreeMap::new();
        for (n, statement) in self.statements.iter().enumerate() {
            if let Some(competence) = framework.competence(&statement.competence) {
                by_area.entry(&competence.area).or_default().push(format!(
                    "({}, {})",
                    n + 1,
                    statement.level
                ));
            }
        }
        let areas: Vec<String> = by_area
            .into_iter()
            .filter_map(|(id, statements)| {
                let area = framework.area(id)?;
                Some(format!(
                    "(id: {}, title: {}, statements: ({},))",
                    typst_string(id),
                    typst_string(digcomp::text(&area.title, cx.lang)),
                    statements.join(", ")
                ))
            })
            .collect();
        let text = |key: &str| typst_string(&cx.text(&format!("selftest.{key}")));
        format!(
            "\n#selftest((answers: ({}, {}, {}), statements: ({},), areas: ({},), grid: {}, how: {}, area: {}, numbers: {}, level: {}))\n",
            text("paper_yes"),
            text("paper_help"),
            text("paper_no"),
            statements.join(", "),
            areas.join(", "),
            text("grid"),
            text("grid_how"),
            text("grid_area"),
            text("grid_statements"),
            text("grid_level"),
        )
    }

    fn text(&self) -> String {
        let texts: Vec<&str> = self.statements.iter().map(|s| s.text.as_str()).collect();
        texts.join(" ")
    }
}

/// One statement the reader says whether they can do.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Statement {
    /// "I can ...".
    pub text: String,
    /// The DigComp competence it shows.
    pub competence: String,
    /// The proficiency level it shows, 1 to 8.
    pub level: u8,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStatement {
    statement: Spanned<String>,
    competence: String,
    level: u8,
}

/// Reads the YAML of a self-diagnostic block whose first line is `first_line` of `file`;
/// `None` with the problem of the first malformed statement.
pub fn parse(source: &str, file: &Path, first_line: usize) -> Checked<Option<Vec<Statement>>> {
    let raw = yaml::parse_list::<RawStatement>(
        source,
        file,
        first_line,
        "a self-diagnostic is a list of `- statement: \"...\"` with `competence: \"1.1\"` and `level: 2`",
        (
            "this self-diagnostic has no statement",
            "add `- statement: \"Je sais ...\"` with its `competence:` and `level:`",
        ),
    );
    raw.and_then(|raw| {
        raw.into_iter()
            .map(|r| statement(r, file, first_line))
            .collect()
    })
}

/// Checks one statement: its competence exists, and its level.
fn statement(r: RawStatement, file: &Path, first_line: usize) -> Checked<Option<Statement>> {
    let framework = digcomp::framework();
    let line = yaml::line_of(&r.statement, first_line).unwrap_or(first_line);
    let problem = |message: String, hint: String| {
        Checked::failed(
            Diagnostic::error(file, message)
                .at_line(line)
                .with_hint(hint),
        )
    };
    if framework.competence(&r.competence).is_none() {
        return problem(
            format!("unknown DigComp competence `{}`", r.competence),
            framework.suggest(&r.competence),
        );
    }
    if !digcomp::LEVELS.contains(&r.level) {
        return problem(
            format!("level {} does not exist", r.level),
            "DigComp 2.2 levels go from 1 to 8".into(),
        );
    }
    Checked::ok(Some(Statement {
        text: r.statement.value.trim().to_string(),
        competence: r.competence,
        level: r.level,
    }))
}

/// The interface strings of a self-diagnostic, in the page's language.
pub struct Labels {
    /// The three answers: can do alone, with help, not yet.
    pub answers: [String; 3],
    /// "Question {n} of {count}", "Start again", "Print my result" and the result's texts,
    /// passed to the script as they are.
    pub script: serde_json::Value,
}

/// The labels of a self-diagnostic in the page's language: answers, messages, area titles,
/// level names.
pub fn labels(cx: &Context<'_>) -> Labels {
    let lang = cx.lang;
    let text = |key: &str| cx.text(&format!("selftest.{key}"));
    let areas: serde_json::Map<String, serde_json::Value> = digcomp::framework()
        .areas
        .iter()
        .map(|a| (a.id.clone(), digcomp::text(&a.title, lang).into()))
        .collect();
    let levels: Vec<String> = digcomp::LEVELS.map(|l| level_label(l, lang)).collect();
    Labels {
        answers: [text("yes"), text("help"), text("no")],
        script: json!({
            "question": text("question"),
            "previous": text("previous"),
            "result": text("result"),
            "not_yet": text("not_yet"),
            "courses": text("courses"),
            "paths": text("paths"),
            "nothing": text("nothing"),
            "print": text("print"),
            "restart": text("restart"),
            "areas": areas,
            "levels": levels,
        }),
    }
}

/// What the result may recommend for each competence of the statements: the courses of the
/// page's language that teach it, and the learning paths holding them, as titles and
/// addresses relative to the page.
pub fn recommendations(links: &dyn Links, statements: &[Statement]) -> serde_json::Value {
    let link = |page: &Linked| json!({ "t": page.title, "u": page.url });
    let mut found = serde_json::Map::new();
    for statement in statements {
        let teaching = links.teaching(&statement.competence);
        found.insert(
            statement.competence.clone(),
            json!({
                "courses": teaching.courses.iter().map(link).collect::<Vec<_>>(),
                "paths": teaching.paths.iter().map(link).collect::<Vec<_>>(),
            }),
        );
    }
    serde_json::Value::Object(found)
}

/// The HTML of a self-diagnostic: a questionnaire of radio buttons that works on paper and
/// without JavaScript; `recommendations` (JSON) is what the script proposes for each
/// competence.
pub fn html(
    statements: &[Statement],
    labels: &Labels,
    recommendations: &serde_json::Value,
) -> String {
    let framework = digcomp::framework();
    let data = json!({
        "statements": statements.iter().map(|s| json!({
            "competence": s.competence,
            "area": framework.competence(&s.competence).map(|c| c.area.clone()),
            "level": s.level,
        })).collect::<Vec<_>>(),
        "labels": labels.script,
        "recommendations": recommendations,
    });
    let mut html = format!(
        "<form class=\"selftest\" data-selftest=\"{}\">\n<ol class=\"selftest-statements\">\n",
        escape(&data.to_string())
    );
    for (n, statement) in statements.iter().enumerate() {
        html.push_str(&format!(
            "<li><fieldset class=\"selftest-statement\"><legend>{}</legend>\n",
            escape(&statement.text)
        ));
        for (value, answer) in labels.answers.iter().enumerate() {
            html.push_str(&format!(
                "<label><input type=\"radio\" name=\"s{n}\" value=\"{value}\"> {}</label>\n",
                escape(answer)
            ));
        }
        html.push_str("</fieldset></li>\n");
    }
    html.push_str("</ol>\n</form>\n");
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_statements_and_checks_competences_and_levels() {
        let source = "- statement: \"Je sais chercher.\"\n  competence: \"1.1\"\n  level: 2\n";
        let statements = parse(source, Path::new("a.md"), 4).value.unwrap();
        assert_eq!(statements[0].competence, "1.1");
        let error = parse(
            "- statement: \"X\"\n  competence: \"1.9\"\n  level: 2\n",
            Path::new("a.md"),
            4,
        )
        .failure()[0]
            .clone();
        assert_eq!(error.line, Some(4));
        assert!(error.message.contains("unknown DigComp competence `1.9`"));
        let error = parse(
            "- statement: \"X\"\n  competence: \"1.1\"\n  level: 9\n",
            Path::new("a.md"),
            4,
        )
        .failure()[0]
            .clone();
        assert!(error.message.contains("level 9"));
    }

    #[test]
    fn the_questionnaire_works_without_javascript_and_escapes_text() {
        let statements = vec![Statement {
            text: "Je sais <b>".into(),
            competence: "1.1".into(),
            level: 2,
        }];
        let labels = Labels {
            answers: ["Oui".into(), "Aide".into(), "Non".into()],
            script: json!({}),
        };
        let html = html(&statements, &labels, &json!({}));
        assert!(html.contains("<legend>Je sais &lt;b&gt;</legend>"));
        assert_eq!(html.matches("type=\"radio\" name=\"s0\"").count(), 3);
        assert!(html.contains("&quot;area&quot;:&quot;1&quot;"));
    }
}
