//! Quizzes inside courses: a fenced block ` ```quiz ` holding YAML questions, each with its
//! choices (the right ones marked `correct: true`) and an explanation.
//!
//! ```yaml
//! - question: "Which password is the strongest?"
//!   choices:
//!     - "123456"
//!     - text: "giraffe-tulip-boat-rain"
//!       correct: true
//!   explanation: "Four unrelated words are long and easy to remember."
//! ```
//!
//! A question with several right choices is answered by ticking all of them.

use std::path::Path;

use serde::Deserialize;

use super::extension::{Appendix, Extension};
use crate::base::diagnostic::{Checked, Diagnostic};
use crate::base::text::{escape, typst_string};
use crate::base::yaml::{self, Spanned};
use crate::markdown::context::Context;

/// The info string that makes a fenced block a quiz.
pub const FENCE: &str = "quiz";

/// A quiz: its questions, in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Quiz {
    /// The questions.
    pub questions: Vec<Question>,
}

impl Quiz {
    /// Reads and checks the YAML of a quiz block whose first line is `first_line` of `file`;
    /// `None` when it is malformed.
    pub fn parse(source: &str, file: &Path, first_line: usize) -> Checked<Option<Quiz>> {
        parse(source, file, first_line)
            .map(|questions| questions.map(|questions| Quiz { questions }))
    }
}

impl Extension for Quiz {
    fn html(&self, cx: &Context<'_>, number: usize) -> String {
        html(&self.questions, number, &Labels::of(cx))
    }

    /// Boxes to tick by each choice; the answers go to the helper's last page.
    fn typst(&self, cx: &Context<'_>, appendix: &mut Appendix) -> String {
        let first = appendix.answers.len() + 1;
        let questions: Vec<String> = self.questions.iter().map(|q| q.typst(cx)).collect();
        appendix.answers.extend(questions.iter().cloned());
        format!("\n#quiz({first}, ({},))\n", questions.join(", "))
    }

    fn text(&self) -> String {
        let texts: Vec<&str> = self
            .questions
            .iter()
            .flat_map(|q| {
                let choices = q.choices.iter().map(|c| c.text.as_str());
                std::iter::once(q.text.as_str())
                    .chain(choices)
                    .chain(q.explanation.as_deref())
            })
            .collect();
        texts.join(" ")
    }
}

/// One question of a quiz.
#[derive(Debug, Clone, PartialEq)]
pub struct Question {
    /// What is asked.
    pub text: String,
    /// The choices, in order.
    pub choices: Vec<Choice>,
    /// Why the right answer is right.
    pub explanation: Option<String>,
}

impl Question {
    /// Whether several choices are right (ticked with checkboxes rather than one radio).
    pub fn is_multiple(&self) -> bool {
        self.choices.iter().filter(|c| c.correct).count() > 1
    }

    /// The right choices' texts.
    pub fn answers(&self) -> impl Iterator<Item = &str> {
        self.choices
            .iter()
            .filter(|c| c.correct)
            .map(|c| c.text.as_str())
    }

    /// The question as a Typst dictionary of strings, for the sheet and its answers.
    fn typst(&self, cx: &Context<'_>) -> String {
        let list = |items: Vec<&str>| {
            let items: Vec<String> = items.into_iter().map(typst_string).collect();
            format!("({},)", items.join(", "))
        };
        let several = self
            .is_multiple()
            .then(|| typst_string(&cx.text("quiz.choose")));
        format!(
            "(text: {}, several: {}, choices: {}, correct: {}, explanation: {})",
            typst_string(&self.text),
            several.unwrap_or_else(|| "none".into()),
            list(self.choices.iter().map(|c| c.text.as_str()).collect()),
            list(self.answers().collect()),
            self.explanation
                .as_deref()
                .map_or_else(|| "none".into(), typst_string)
        )
    }
}

/// One choice of a question.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    /// Its text.
    pub text: String,
    /// Whether it is a right answer.
    pub correct: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    question: Spanned<String>,
    choices: Vec<RawChoice>,
    explanation: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawChoice {
    Text(String),
    Marked {
        text: String,
        #[serde(default)]
        correct: bool,
    },
}

/// Reads the YAML of a quiz block whose first line is line `first_line` of `file`; `None`
/// with the problem of the first malformed question.
pub fn parse(source: &str, file: &Path, first_line: usize) -> Checked<Option<Vec<Question>>> {
    let raw = yaml::parse_list::<RawQuestion>(
        source,
        file,
        first_line,
        "a quiz is a list of questions, each with `question:`, `choices:` (mark the right ones `correct: true`) and an optional `explanation:`",
        (
            "this quiz has no question",
            "add `- question: \"...\"` with its `choices:`",
        ),
    );
    raw.and_then(|raw| {
        raw.into_iter()
            .map(|q| question(q, file, first_line))
            .collect()
    })
}

/// Checks one question: it has a text, two choices or more, and a right one.
fn question(raw: RawQuestion, file: &Path, first_line: usize) -> Checked<Option<Question>> {
    let line = yaml::line_of(&raw.question, first_line).unwrap_or(first_line);
    let choices: Vec<Choice> = raw
        .choices
        .into_iter()
        .map(|c| match c {
            RawChoice::Text(text) => Choice {
                text,
                correct: false,
            },
            RawChoice::Marked { text, correct } => Choice { text, correct },
        })
        .collect();
    let text = raw.question.value;
    let problem = |message: String, hint: &str| {
        Checked::failed(
            Diagnostic::error(file, message)
                .at_line(line)
                .with_hint(hint),
        )
    };
    if text.trim().is_empty() {
        return problem(
            "a quiz question is empty".into(),
            "write the question after `question:`",
        );
    }
    if choices.len() < 2 {
        return problem(
            format!(
                "the question \"{text}\" has {} choice(s): it needs at least 2",
                choices.len()
            ),
            "list the choices under `choices:`, one per line starting with `- `",
        );
    }
    if !choices.iter().any(|c| c.correct) {
        return problem(
            format!("the question \"{text}\" has no right answer"),
            "mark the right choice as `- text: \"...\"` followed by `correct: true`",
        );
    }
    Checked::ok(Some(Question {
        text,
        choices,
        explanation: raw.explanation,
    }))
}

/// The interface strings a quiz shows, in the page's language.
pub struct Labels {
    /// "Several answers are right".
    pub several: String,
    /// "See the answer".
    pub show: String,
    /// "Answer".
    pub answer: String,
    /// "Check my answer", "Right!", "Not quite." for the script.
    pub check: String,
    /// See `check`.
    pub right: String,
    /// See `check`.
    pub wrong: String,
}

impl Labels {
    /// The labels in the page's language, from the site's interface strings (`quiz.*`).
    pub fn of(cx: &Context<'_>) -> Labels {
        let label = |key: &str| cx.text(&format!("quiz.{key}"));
        Labels {
            several: label("several"),
            show: label("show"),
            answer: label("answer"),
            check: label("check"),
            right: label("right"),
            wrong: label("wrong"),
        }
    }
}

/// The HTML of quiz number `number` of a page: a fieldset per question, radio buttons (or
/// checkboxes when several choices are right), and the answer in a `<details>` that works
/// without JavaScript; `quiz.js` adds a button that checks the reader's choice.
pub fn html(quiz: &[Question], number: usize, labels: &Labels) -> String {
    let mut html = format!(
        "<div class=\"quiz\" data-check=\"{}\" data-right=\"{}\" data-wrong=\"{}\">\n",
        escape(&labels.check),
        escape(&labels.right),
        escape(&labels.wrong)
    );
    for (q, question) in quiz.iter().enumerate() {
        let name = format!("quiz-{number}-{}", q + 1);
        let kind = if question.is_multiple() {
            "checkbox"
        } else {
            "radio"
        };
        html.push_str(&format!(
            "<fieldset class=\"quiz-question\"><legend>{}</legend>\n",
            escape(&question.text)
        ));
        if question.is_multiple() {
            html.push_str(&format!(
                "<p class=\"quiz-hint\">{}</p>\n",
                escape(&labels.several)
            ));
        }
        html.push_str("<ul class=\"quiz-choices\">\n");
        for (c, choice) in question.choices.iter().enumerate() {
            let correct = if choice.correct { " data-correct" } else { "" };
            html.push_str(&format!(
                "<li><input type=\"{kind}\" id=\"{name}-{c}\" name=\"{name}\" value=\"{c}\"{correct}><label for=\"{name}-{c}\">{}</label></li>\n",
                escape(&choice.text)
            ));
        }
        let answers: Vec<String> = question.answers().map(escape).collect();
        html.push_str(&format!(
            "</ul>\n<details class=\"quiz-answer\"><summary>{}</summary><p><strong>{}</strong> {}</p>",
            escape(&labels.show),
            escape(&labels.answer),
            answers.join(" · ")
        ));
        if let Some(explanation) = &question.explanation {
            html.push_str(&format!("<p>{}</p>", escape(explanation)));
        }
        html.push_str("</details>\n</fieldset>\n");
    }
    html.push_str("</div>\n");
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    const QUIZ: &str = "- question: \"Le plus solide ?\"\n  choices:\n    - \"123456\"\n    - text: \"girafe-tulipe\"\n      correct: true\n  explanation: \"Long.\"\n- question: \"Quels signes d'arnaque ?\"\n  choices:\n    - text: \"Urgence\"\n      correct: true\n    - text: \"Faute\"\n      correct: true\n    - \"Logo\"\n";

    #[test]
    fn reads_single_and_multiple_choice_questions() {
        let quiz = parse(QUIZ, Path::new("a.md"), 10).value.unwrap();
        assert_eq!(quiz.len(), 2);
        assert!(!quiz[0].is_multiple());
        assert_eq!(quiz[0].answers().collect::<Vec<_>>(), ["girafe-tulipe"]);
        assert_eq!(quiz[0].explanation.as_deref(), Some("Long."));
        assert!(quiz[1].is_multiple());
    }

    #[test]
    fn html_works_without_javascript_and_escapes_the_text() {
        let mut quiz = parse(QUIZ, Path::new("a.md"), 1).value.unwrap();
        quiz[0].text = "<b>Le plus solide ?</b>".into();
        let labels = Labels {
            several: "Plusieurs".into(),
            show: "Voir".into(),
            answer: "Réponse :".into(),
            check: "Vérifier".into(),
            right: "Oui".into(),
            wrong: "Non".into(),
        };
        let html = html(&quiz, 2, &labels);
        assert!(html.contains("<legend>&lt;b&gt;Le plus solide ?&lt;/b&gt;</legend>"));
        assert!(html.contains(
            r#"<input type="radio" id="quiz-2-1-1" name="quiz-2-1" value="1" data-correct>"#
        ));
        assert!(html.contains(r#"<input type="checkbox" id="quiz-2-2-0""#));
        assert!(html.contains("<details class=\"quiz-answer\"><summary>Voir</summary><p><strong>Réponse :</strong> girafe-tulipe</p><p>Long.</p>"));
        assert_eq!(html.matches("<p class=\"quiz-hint\">").count(), 1);
    }

    #[test]
    fn a_question_without_right_answer_names_its_line() {
        let source = "- question: \"A ?\"\n  choices: [\"x\", \"y\"]\n- question: \"B ?\"\n  choices: [\"x\", \"y\"]\n";
        let error = parse(source, Path::new("a.md"), 10).failure()[0].clone();
        assert_eq!(error.line, Some(10));
        assert!(
            error.message.contains("no right answer"),
            "{}",
            error.message
        );
    }

    #[test]
    fn malformed_yaml_and_unknown_keys_are_errors_with_their_line() {
        let error =
            parse("- question: \"A\"\n  choix: [x]\n", Path::new("a.md"), 20).failure()[0].clone();
        assert!(error.line.is_some_and(|l| l >= 20), "{error:?}");
        let error = parse("- question: [", Path::new("a.md"), 5).failure()[0].clone();
        assert!(error.message.contains("invalid YAML"));
        let error = parse(
            "- question: \"Seul ?\"\n  choices: [\"x\"]\n",
            Path::new("a.md"),
            1,
        )
        .failure()[0]
            .clone();
        assert!(error.message.contains("at least 2"));
    }
}
