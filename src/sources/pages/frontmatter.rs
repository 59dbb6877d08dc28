//! Front matter: the YAML block between two `---` lines at the top of a page.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::base::diagnostic::{Checked, Diagnostic, Diagnostics, unknown_choice};
use crate::base::yaml::{self, Scalar, Spanned};
use crate::sources::digcomp;

/// The audiences a course can be written for.
pub const AUDIENCES: [&str; 2] = ["apprenant", "aidant"];
/// The formats a course can take.
pub const FORMATS: [&str; 3] = ["atelier", "individuel", "autoformation"];

/// A competence a page teaches, with the proficiency level it aims at when stated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CompetenceRef {
    /// A DigComp 2.2 competence id, such as "2.1".
    pub id: String,
    /// A proficiency level from 1 to 8.
    pub level: Option<u8>,
}

/// The validated front matter of a page.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct FrontMatter {
    /// Required title.
    pub title: String,
    /// One sentence for lists, search and meta tags.
    pub description: Option<String>,
    /// DigComp competences.
    pub competences: Vec<CompetenceRef>,
    /// `apprenant`, `aidant` or both.
    pub audience: Vec<String>,
    /// Minutes.
    pub duration: Option<u32>,
    /// `atelier`, `individuel` or `autoformation`.
    pub format: Option<String>,
    /// Free tags.
    pub sectors: Vec<String>,
    /// Order inside its section, smaller first.
    pub weight: i64,
    /// Left out of builds unless `--drafts`.
    pub draft: bool,
    /// Whether the page gets a printable worksheet (default: true for course pages).
    pub fiche: Option<bool>,
    /// Licence of the content.
    pub license: Option<String>,
    /// The last part of the URL, instead of the file name.
    pub slug: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// Date of the last real change, `YYYY-MM-DD`.
    pub updated: Option<String>,
    /// `parcours` for a learning path.
    pub kind: Option<String>,
    /// A learning path's courses, in order: links to their `.md` files.
    pub steps: Vec<PageRef>,
    /// The learning paths to follow before this one: links to their `.md` files.
    pub prerequisites: Vec<PageRef>,
    /// The services of the directory of help places that continue this page.
    pub continue_at: Option<ServiceRefs>,
    /// Every other key, for templates (`page.extra`).
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// A page named in front matter by the link to its file, with the line it is written on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PageRef {
    /// The link as written (`../securite/mots-de-passe.md`).
    pub link: String,
    /// Its line in the page file.
    pub line: usize,
}

/// Services of the directory of help places named in front matter (`continue_at:`), with
/// the line they are written on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ServiceRefs {
    /// Service ids, as `places/directory.yaml` defines them.
    pub ids: Vec<String>,
    /// Their line in the page file.
    pub line: usize,
}

/// The `kind` of a learning path.
pub const PATH_KIND: &str = "parcours";

/// The keys with a meaning of their own; any other key goes to `extra`.
const KNOWN_KEYS: [&str; 19] = [
    "title",
    "description",
    "competences",
    "audience",
    "duration",
    "format",
    "sectors",
    "weight",
    "draft",
    "fiche",
    "license",
    "slug",
    "date",
    "updated",
    "kind",
    "steps",
    "prerequisites",
    "continue_at",
    "extra",
];

#[derive(Deserialize)]
#[serde(untagged)]
enum RawCompetence {
    Id(Scalar),
    Full { id: Scalar, level: Option<i64> },
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    fn into_vec(self) -> Vec<String> {
        match self {
            OneOrMany::One(one) => vec![one],
            OneOrMany::Many(many) => many,
        }
    }
}

#[derive(Deserialize)]
struct RawFrontMatter {
    title: Option<Spanned<String>>,
    description: Option<String>,
    competences: Option<Vec<Spanned<RawCompetence>>>,
    audience: Option<Spanned<OneOrMany>>,
    duration: Option<Spanned<u32>>,
    format: Option<Spanned<String>>,
    sectors: Option<OneOrMany>,
    weight: Option<i64>,
    draft: Option<bool>,
    fiche: Option<bool>,
    license: Option<String>,
    slug: Option<Spanned<String>>,
    date: Option<Spanned<Scalar>>,
    updated: Option<Spanned<Scalar>>,
    kind: Option<Spanned<String>>,
    steps: Option<Vec<Spanned<String>>>,
    prerequisites: Option<Vec<Spanned<String>>>,
    continue_at: Option<Spanned<OneOrMany>>,
    extra: Option<BTreeMap<String, serde_json::Value>>,
}

/// A page file cut in two: its front matter and its Markdown body.
#[derive(Debug, Clone, PartialEq)]
pub struct Split<'a> {
    /// The YAML text between the `---` lines.
    pub yaml: &'a str,
    /// The 1-based line of the file where the YAML starts.
    pub yaml_line: usize,
    /// The Markdown after the closing `---`.
    pub body: &'a str,
    /// The 1-based line of the file where the body starts.
    pub body_line: usize,
}

/// Cuts the page `file` into front matter and body; `None` with an error on its first line
/// when it has no front matter, or one never closed.
pub fn split<'a>(text: &'a str, file: &Path) -> Checked<Option<Split<'a>>> {
    let malformed = |message: &str| {
        Checked::failed(Diagnostic::error(file, message).at_line(1).with_hint(
            "start the file with a line `---`, then `title: \"...\"`, then a line `---`",
        ))
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first_line_end = text.find('\n').map_or(text.len(), |i| i + 1);
    if text[..first_line_end].trim_end() != "---" {
        return malformed(
            "the page does not start with front matter (a line `---`, the settings, then `---`)",
        );
    }
    let mut offset = first_line_end;
    let mut line = 2;
    while offset < text.len() {
        let end = text[offset..]
            .find('\n')
            .map_or(text.len(), |i| offset + i + 1);
        let current = text[offset..end].trim_end();
        if current == "---" || current == "..." {
            return Checked::ok(Some(Split {
                yaml: &text[first_line_end..offset],
                yaml_line: 2,
                body: &text[end..],
                body_line: line + 1,
            }));
        }
        offset = end;
        line += 1;
    }
    malformed("the front matter is never closed by a line `---`")
}

/// Parses and validates front matter that starts at line `first_line` of `file`; `None` when
/// anything in it is wrong.
pub fn parse(yaml_text: &str, file: &Path, first_line: usize) -> Checked<Option<FrontMatter>> {
    let mut problems = Diagnostics::new();
    let Some(raw) = problems.take(yaml::parse::<RawFrontMatter>(yaml_text, file, first_line))
    else {
        return Checked::failed_with(problems);
    };
    let Some(all) = problems.take(yaml::parse::<BTreeMap<String, serde_json::Value>>(
        yaml_text, file, first_line,
    )) else {
        return Checked::failed_with(problems);
    };
    let at = |line: Option<usize>, d: Diagnostic| match line {
        Some(line) => d.at_line(line),
        None => d,
    };

    let title = match raw.title {
        Some(title) if !title.value.trim().is_empty() => title.value.trim().to_string(),
        other => {
            problems.push(at(
                other
                    .as_ref()
                    .and_then(|t| yaml::line_of(t, first_line))
                    .or(Some(first_line)),
                Diagnostic::error(file, "the page has no title").with_hint(
                    "add a line such as `title: \"Créer une adresse mail\"` to the front matter",
                ),
            ));
            String::new()
        }
    };

    let competences = raw
        .competences
        .unwrap_or_default()
        .into_iter()
        .filter_map(|item| {
            let line = yaml::line_of(&item, first_line);
            problems.take(competence(item.value, file).map_problems(|d| at(line, d)))
        })
        .collect();

    let audience = match raw.audience {
        Some(audience) => {
            let line = yaml::line_of(&audience, first_line);
            let values = audience.value.into_vec();
            for value in &values {
                if let Some(d) = unknown_choice(file, "audience", value, &AUDIENCES) {
                    problems.push(at(line, d));
                }
            }
            values
        }
        None => Vec::new(),
    };

    let format = raw.format.map(|format| {
        if let Some(d) = unknown_choice(file, "format", &format.value, &FORMATS) {
            problems.push(at(yaml::line_of(&format, first_line), d));
        }
        format.value
    });

    let duration = raw.duration.map(|duration| {
        if duration.value == 0 {
            problems.push(at(
                yaml::line_of(&duration, first_line),
                Diagnostic::error(file, "the duration is 0 minutes")
                    .with_hint("give the duration in minutes, such as `duration: 45`"),
            ));
        }
        duration.value
    });

    let slug = raw.slug.map(|slug| {
        let value = slug.value.trim().trim_matches('/').to_string();
        if value.is_empty() || value.contains(['/', '\\', '?', '#']) || value == ".." || value == "." {
            problems.push(at(
                yaml::line_of(&slug, first_line),
                Diagnostic::error(file, format!("`{}` cannot be used as a slug", slug.value))
                    .with_hint("a slug is one word or several joined by dashes, such as `strong-passwords`"),
            ));
        }
        value
    });

    let mut date_field = |field: Option<Spanned<Scalar>>, name: &str| {
        field.map(|value| {
            let text = value.value.text();
            if !is_valid_date(&text) {
                problems.push(at(
                    yaml::line_of(&value, first_line),
                    Diagnostic::error(file, format!("`{text}` is not a valid {name}"))
                        .with_hint("write dates as YYYY-MM-DD, such as `2026-09-01`"),
                ));
            }
            text
        })
    };
    let date = date_field(raw.date, "date");
    let updated = date_field(raw.updated, "date");

    let mut extra: BTreeMap<String, serde_json::Value> = all
        .into_iter()
        .filter(|(key, _)| !KNOWN_KEYS.contains(&key.as_str()))
        .collect();
    extra.extend(raw.extra.unwrap_or_default());

    if !problems.is_empty() {
        return Checked::failed_with(problems);
    }
    let kind = raw.kind.and_then(|kind| match kind.value.trim() {
        PATH_KIND | "path" => Some(PATH_KIND.to_string()),
        other => {
            problems.push(at(
                yaml::line_of(&kind, first_line),
                Diagnostic::error(file, format!("unknown kind `{other}`"))
                    .with_hint("write `kind: parcours` for a learning path, or leave `kind` out"),
            ));
            None
        }
    });
    let refs = |list: Option<Vec<Spanned<String>>>| -> Vec<PageRef> {
        list.unwrap_or_default()
            .into_iter()
            .map(|link| PageRef {
                line: yaml::line_of(&link, first_line).unwrap_or(first_line),
                link: link.value.trim().to_string(),
            })
            .collect()
    };
    let (steps, prerequisites) = (refs(raw.steps), refs(raw.prerequisites));
    if !problems.is_empty() {
        return Checked::failed_with(problems);
    }
    let continue_at = raw.continue_at.map(|services| ServiceRefs {
        line: yaml::line_of(&services, first_line).unwrap_or(first_line),
        ids: services.value.into_vec(),
    });
    Checked::ok(Some(FrontMatter {
        kind,
        steps,
        prerequisites,
        continue_at,
        title,
        description: raw
            .description
            .map(|d| d.trim().to_string())
            .filter(|d| !d.is_empty()),
        competences,
        audience,
        duration,
        format,
        sectors: raw.sectors.map(OneOrMany::into_vec).unwrap_or_default(),
        weight: raw.weight.unwrap_or(0),
        draft: raw.draft.unwrap_or(false),
        fiche: raw.fiche,
        license: raw.license,
        slug,
        date,
        updated,
        extra,
    }))
}

/// Validates one entry of `competences` of the page `file`.
fn competence(raw: RawCompetence, file: &Path) -> Checked<Option<CompetenceRef>> {
    let (id, level) = match raw {
        RawCompetence::Id(id) => (id.text(), None),
        RawCompetence::Full { id, level } => (id.text(), level),
    };
    let framework = digcomp::framework();
    if framework.competence(&id).is_none() {
        return Checked::failed(
            Diagnostic::error(file, format!("unknown DigComp competence `{id}`"))
                .with_hint(framework.suggest(&id)),
        );
    }
    let level = match level {
        None => None,
        Some(level) => match u8::try_from(level)
            .ok()
            .filter(|l| digcomp::LEVELS.contains(l))
        {
            Some(level) => Some(level),
            None => {
                return Checked::failed(
                    Diagnostic::error(
                        file,
                        format!("level {level} of competence {id} is out of range"),
                    )
                    .with_hint("DigComp 2.2 has 8 proficiency levels: write a level from 1 to 8"),
                );
            }
        },
    };
    Checked::ok(Some(CompetenceRef { id, level }))
}

/// Whether `text` is a real calendar date written `YYYY-MM-DD` (a time may follow after `T`).
pub fn is_valid_date(text: &str) -> bool {
    let date = text.split(['T', ' ']).next().unwrap_or_default();
    let parts: Vec<&str> = date.split('-').collect();
    let [year, month, day] = parts.as_slice() else {
        return false;
    };
    if year.len() != 4 || month.len() != 2 || day.len() != 2 {
        return false;
    }
    let (Ok(year), Ok(month), Ok(day)) = (
        year.parse::<u32>(),
        month.parse::<u32>(),
        day.parse::<u32>(),
    ) else {
        return false;
    };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_page(text: &str) -> Checked<Option<FrontMatter>> {
        let file = Path::new("p.md");
        split(text, file).and_then(|split| parse(split.yaml, file, split.yaml_line))
    }

    #[test]
    fn reads_the_format_of_the_specification() {
        let page = "---\ntitle: \"Créer une adresse mail\"\ndescription: \"Ouvrir une boîte\"\ncompetences:\n  - { id: \"2.1\", level: 2 }\n  - \"1.1\"\n  - 4.1\naudience: [apprenant, aidant]\nduration: 45\nformat: atelier\nsectors: [emploi, banque]\nweight: 10\ndraft: false\nfiche: true\nlicense: \"CC-BY-SA-4.0\"\ncolour: blue\n---\nBody\n";
        let fm = parse_page(page).value.unwrap();
        assert_eq!(fm.title, "Créer une adresse mail");
        assert_eq!(
            fm.competences,
            [
                CompetenceRef {
                    id: "2.1".into(),
                    level: Some(2)
                },
                CompetenceRef {
                    id: "1.1".into(),
                    level: None
                },
                CompetenceRef {
                    id: "4.1".into(),
                    level: None
                },
            ]
        );
        assert_eq!(fm.audience, ["apprenant", "aidant"]);
        assert_eq!(fm.duration, Some(45));
        assert_eq!(fm.weight, 10);
        assert_eq!(fm.extra["colour"], serde_json::json!("blue"));
    }

    #[test]
    fn split_finds_the_body_line() {
        let file = Path::new("p.md");
        let s = split("---\ntitle: x\n---\n# Hello\n", file).value.unwrap();
        assert_eq!(s.yaml, "title: x\n");
        assert_eq!(s.body, "# Hello\n");
        assert_eq!(s.body_line, 4);
        assert!(split("# no front matter", file).value.is_none());
        assert!(split("---\ntitle: x\n", file).value.is_none());
    }

    #[test]
    fn every_problem_has_its_line() {
        let page = "---\ntitle: x\ncompetences:\n  - { id: \"4.7\", level: 2 }\n  - { id: \"2.1\", level: 9 }\naudience: [apprenants]\n---\n";
        let problems = parse_page(page).failure();
        let lines: Vec<_> = problems.iter().map(|d| d.line).collect();
        assert_eq!(lines, [Some(4), Some(5), Some(6)], "{problems:#?}");
        assert!(problems[0].hint.as_deref().unwrap().contains("4.1 to 4.4"));
        assert!(problems[1].message.contains("level 9"));
        assert!(problems[2].hint.as_deref().unwrap().contains("apprenant"));
    }

    #[test]
    fn a_missing_title_is_an_error() {
        let problems = parse_page("---\ndescription: x\n---\n").failure();
        assert!(problems[0].message.contains("no title"));
    }

    #[test]
    fn dates_are_checked() {
        assert!(is_valid_date("2024-02-29"));
        assert!(is_valid_date("2026-11-23T10:00:00Z"));
        assert!(!is_valid_date("2023-02-29"));
        assert!(!is_valid_date("2026-13-01"));
        assert!(!is_valid_date("23/11/2026"));
        let problems = parse_page("---\ntitle: x\ndate: 2026-02-30\n---\n").failure();
        assert_eq!(problems[0].line, Some(3));
    }
}
