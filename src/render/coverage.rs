//! How well the courses cover DigComp 2.2: for each competence, the courses of each language
//! and the levels they aim at. Shown as a page with a chart made at build time, and printed
//! by `parcours check --coverage`.

use std::fmt::Write;

use crate::base::text::escape;
use crate::model::Site;
use crate::sources::digcomp::{self, text};

/// The coverage of one competence.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Its id, such as "1.1".
    pub id: String,
    /// The id of its area.
    pub area: String,
    /// Courses teaching it, per language of the site (in the site's order).
    pub courses: Vec<usize>,
    /// Per language: courses by level, index 0 for courses that state no level.
    pub levels: Vec<[usize; 9]>,
}

/// The coverage of every competence, in the framework's order.
#[derive(Debug, Clone, PartialEq)]
pub struct Coverage {
    /// The languages of the site, in order.
    pub languages: Vec<String>,
    /// One row per competence.
    pub rows: Vec<Row>,
}

impl Coverage {
    /// Counts the courses of `site`.
    pub fn of(site: &Site) -> Coverage {
        let languages: Vec<String> = site.languages.iter().map(|l| l.code.clone()).collect();
        let rows = digcomp::framework()
            .competences
            .iter()
            .map(|c| {
                let mut row = Row {
                    id: c.id.clone(),
                    area: c.area.clone(),
                    courses: Vec::new(),
                    levels: Vec::new(),
                };
                for lang in &languages {
                    let courses = site.courses_teaching(lang, &c.id);
                    let mut levels = [0; 9];
                    for &page in courses {
                        let level = site.pages[page]
                            .front
                            .competences
                            .iter()
                            .find(|r| r.id == c.id)
                            .and_then(|r| r.level);
                        levels[usize::from(level.unwrap_or(0))] += 1;
                    }
                    row.courses.push(courses.len());
                    row.levels.push(levels);
                }
                row
            })
            .collect();
        Coverage { languages, rows }
    }

    /// The competences no course teaches in some language, with those languages.
    pub fn gaps(&self) -> Vec<(&str, Vec<&str>)> {
        self.rows
            .iter()
            .filter_map(|row| {
                let missing: Vec<&str> = row
                    .courses
                    .iter()
                    .zip(&self.languages)
                    .filter(|(n, _)| **n == 0)
                    .map(|(_, lang)| lang.as_str())
                    .collect();
                (!missing.is_empty()).then_some((row.id.as_str(), missing))
            })
            .collect()
    }

    /// The table printed on a terminal: courses per competence and language, and the levels
    /// of the first language's courses.
    pub fn table(&self) -> String {
        let framework = digcomp::framework();
        let first = self.languages.first().map_or("", String::as_str);
        let mut out = String::new();
        let _ = write!(out, "{:<44}", "DigComp 2.2 competence");
        for lang in &self.languages {
            let _ = write!(out, "{lang:>5}");
        }
        let _ = writeln!(out, "   levels ({first}: level×courses)");
        for row in &self.rows {
            let title = framework
                .competence(&row.id)
                .map_or("", |c| text(&c.short, "en"));
            let label: String = format!("{} {title}", row.id).chars().take(43).collect();
            let _ = write!(out, "{label:<44}");
            for count in &row.courses {
                let cell = if *count == 0 {
                    "-".to_string()
                } else {
                    count.to_string()
                };
                let _ = write!(out, "{cell:>5}");
            }
            let levels = row.levels.first().map(level_summary).unwrap_or_default();
            let _ = writeln!(out, "   {levels}");
        }
        let gaps = self.gaps();
        let _ = writeln!(
            out,
            "\n{} of {} competences have no course in at least one language (-).",
            gaps.len(),
            self.rows.len()
        );
        out
    }

    /// A bar chart, one group of bars per competence and one bar per language, for the
    /// coverage page; `label` names it for screen readers, which also have the table.
    pub fn chart(&self, label: &str) -> String {
        /// The space of one language's bar, the gap between competences, the label column.
        const BAR: usize = 12;
        const GAP: usize = 12;
        const LEFT: usize = 36;
        const WIDTH: usize = 360;
        let row_height = self.languages.len().max(1) * BAR + GAP;
        let most = self
            .rows
            .iter()
            .flat_map(|r| &r.courses)
            .copied()
            .max()
            .unwrap_or(0)
            .max(1);
        let height = self.rows.len() * row_height;
        let mut svg = format!(
            "<svg class=\"coverage-chart\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" aria-label=\"{}\" xmlns=\"http://www.w3.org/2000/svg\">",
            escape(label)
        );
        for (n, row) in self.rows.iter().enumerate() {
            let top = n * row_height;
            let middle = top + (row_height - GAP) / 2 + 5;
            let _ = write!(
                svg,
                "<text class=\"coverage-id\" x=\"0\" y=\"{middle}\">{}</text>",
                escape(&row.id)
            );
            for (k, count) in row.courses.iter().enumerate() {
                let y = top + k * BAR;
                let length = count * (WIDTH - LEFT - 30) / most;
                if length > 0 {
                    let _ = write!(
                        svg,
                        "<rect class=\"coverage-bar coverage-lang-{k}\" x=\"{LEFT}\" y=\"{y}\" width=\"{length}\" height=\"{}\"/>",
                        BAR - 3
                    );
                }
                let class = if *count == 0 {
                    "coverage-gap"
                } else {
                    "coverage-count"
                };
                let _ = write!(
                    svg,
                    "<text class=\"{class}\" x=\"{}\" y=\"{}\">{count}</text>",
                    LEFT + length + 4,
                    y + BAR - 3
                );
            }
        }
        svg.push_str("</svg>");
        svg
    }
}

/// "1×2 2×5": how many courses aim at each level; "?" for those that state none.
fn level_summary(levels: &[usize; 9]) -> String {
    levels
        .iter()
        .enumerate()
        .filter(|(_, n)| **n > 0)
        .map(|(level, n)| match level {
            0 => format!("?×{n}"),
            level => format!("{level}×{n}"),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Coverage {
        Coverage {
            languages: vec!["fr".into(), "nl".into()],
            rows: vec![
                Row {
                    id: "1.1".into(),
                    area: "1".into(),
                    courses: vec![2, 1],
                    levels: vec![[0, 1, 1, 0, 0, 0, 0, 0, 0], [1, 0, 0, 0, 0, 0, 0, 0, 0]],
                },
                Row {
                    id: "1.2".into(),
                    area: "1".into(),
                    courses: vec![1, 0],
                    levels: vec![[0, 0, 1, 0, 0, 0, 0, 0, 0], [0; 9]],
                },
            ],
        }
    }

    #[test]
    fn gaps_name_the_languages_without_a_course() {
        assert_eq!(sample().gaps(), [("1.2", vec!["nl"])]);
    }

    #[test]
    fn the_table_shows_counts_levels_and_gaps() {
        let table = sample().table();
        let lines: Vec<&str> = table.lines().collect();
        assert!(
            lines[1].starts_with("1.1 ") && lines[1].ends_with("    2    1   1×1 2×1"),
            "{table}"
        );
        assert!(lines[2].ends_with("    1    -   2×1"), "{table}");
        assert!(table.contains("1 of 2 competences have no course"));
    }

    #[test]
    fn the_chart_has_a_bar_per_course_count_and_marks_gaps() {
        let svg = sample().chart("Coverage <chart>");
        assert!(svg.contains("aria-label=\"Coverage &lt;chart&gt;\""));
        assert_eq!(svg.matches("<rect").count(), 3);
        assert_eq!(svg.matches("class=\"coverage-gap\"").count(), 1);
        assert_eq!(svg.matches("class=\"coverage-count\"").count(), 3);
    }
}
