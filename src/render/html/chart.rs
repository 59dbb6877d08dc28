//! The coverage of DigComp as a bar chart, drawn at build time in SVG for the coverage page.

use std::fmt::Write;

use crate::base::text::escape;
use crate::model::coverage::Coverage;

/// A bar chart, one group of bars per competence and one bar per language, for the
/// coverage page; `label` names it for screen readers, which also have the table.
pub(super) fn chart(coverage: &Coverage, label: &str) -> String {
    /// The space of one language's bar, the gap between competences, the label column.
    const BAR: usize = 12;
    const GAP: usize = 12;
    const LEFT: usize = 36;
    const WIDTH: usize = 360;
    let row_height = coverage.languages.len().max(1) * BAR + GAP;
    let most = coverage
        .rows
        .iter()
        .flat_map(|r| &r.courses)
        .copied()
        .max()
        .unwrap_or(0)
        .max(1);
    let height = coverage.rows.len() * row_height;
    let mut svg = format!(
        "<svg class=\"coverage-chart\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" aria-label=\"{}\" xmlns=\"http://www.w3.org/2000/svg\">",
        escape(label)
    );
    for (n, row) in coverage.rows.iter().enumerate() {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::coverage::tests::sample;

    #[test]
    fn the_chart_has_a_bar_per_course_count_and_marks_gaps() {
        let svg = chart(&sample(), "Coverage <chart>");
        assert!(svg.contains("aria-label=\"Coverage &lt;chart&gt;\""));
        assert_eq!(svg.matches("<rect").count(), 3);
        assert_eq!(svg.matches("class=\"coverage-gap\"").count(), 1);
        assert_eq!(svg.matches("class=\"coverage-count\"").count(), 3);
    }
}
