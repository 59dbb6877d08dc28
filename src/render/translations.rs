//! What `parcours check --translations` prints: the pages missing a language and the
//! outdated translations with the original's commits since, then a summary; or the whole
//! report as JSON (`--json`), for a dashboard.

use std::fmt::Write;

use crate::model::translations::{Report, Status};

/// The report as text: only the pages with something to do, then the counts.
pub fn text(report: &Report) -> String {
    let mut out = String::new();
    for page in &report.pages {
        let outdated: Vec<_> = page
            .translations
            .iter()
            .filter(|t| t.status == Status::Outdated)
            .collect();
        if page.missing.is_empty() && outdated.is_empty() {
            continue;
        }
        let _ = writeln!(out, "{}", page.original.file.display());
        if !page.missing.is_empty() {
            let _ = writeln!(out, "  missing: {}", page.missing.join(", "));
        }
        for translation in outdated {
            let version = &translation.version;
            let _ = writeln!(
                out,
                "  outdated: {} ({}), updated {}; the original changed on {}, {} commit(s) since:",
                version.lang,
                version.file.display(),
                version.updated.as_deref().unwrap_or("-"),
                page.original.updated.as_deref().unwrap_or("-"),
                translation.original_commits_since.len()
            );
            for change in &translation.original_commits_since {
                let _ = writeln!(
                    out,
                    "    {} {} {}",
                    change.commit, change.date, change.subject
                );
            }
        }
    }
    out.push_str(&summary(report));
    out
}

/// The counts of the report, and what to do about an outdated translation.
fn summary(report: &Report) -> String {
    let count = |status: Status| {
        report
            .pages
            .iter()
            .flat_map(|p| &p.translations)
            .filter(|t| t.status == status)
            .count()
    };
    let missing: usize = report.pages.iter().map(|p| p.missing.len()).sum();
    let mut out = format!(
        "\n{} pages (originals in {}): {} translations up to date, {} outdated, {} not in the git history yet; {} missing.\n",
        report.pages.len(),
        report.original_language,
        count(Status::UpToDate),
        count(Status::Outdated),
        count(Status::Untracked),
        missing
    );
    if report.git {
        out.push_str("A change that needs no translating: write [i18n-ignore] in its commit message, and the translations stay up to date.\n");
    } else {
        out.push_str("Outdated translations are found with the site's git history: this site is not in a git repository (`git init`, then commit), so only missing languages are listed.\n");
    }
    out
}

/// The report as JSON.
pub fn json(report: &Report) -> String {
    serde_json::to_string_pretty(report).unwrap_or_default()
}
