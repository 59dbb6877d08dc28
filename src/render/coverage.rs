//! How well the courses cover DigComp 2.2, as the table `parcours check --coverage` prints.

use std::fmt::Write;

use crate::model::coverage::Coverage;
use crate::sources::digcomp::{self, text};

/// The table printed on a terminal: courses per competence and language, and the levels
/// of the first language's courses.
pub fn table(coverage: &Coverage) -> String {
    let framework = digcomp::framework();
    let first = coverage.languages.first().map_or("", String::as_str);
    let mut out = String::new();
    let _ = write!(out, "{:<44}", "DigComp 2.2 competence");
    for lang in &coverage.languages {
        let _ = write!(out, "{lang:>5}");
    }
    let _ = writeln!(out, "   levels ({first}: level×courses)");
    for row in &coverage.rows {
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
    let gaps = coverage.gaps();
    let _ = writeln!(
        out,
        "\n{} of {} competences have no course in at least one language (-).",
        gaps.len(),
        coverage.rows.len()
    );
    out
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
    use crate::model::coverage::tests::sample;

    #[test]
    fn the_table_shows_counts_levels_and_gaps() {
        let table = table(&sample());
        let lines: Vec<&str> = table.lines().collect();
        assert!(
            lines[1].starts_with("1.1 ") && lines[1].ends_with("    2    1   1×1 2×1"),
            "{table}"
        );
        assert!(lines[2].ends_with("    1    -   2×1"), "{table}");
        assert!(table.contains("1 of 2 competences have no course"));
    }
}
