//! `parcours check`: validates everything a build would, and writes nothing.

use std::time::Instant;

use super::{CONTENT_ERROR, SUCCESS, print_problems};
use crate::base::diagnostic::{Checked, Diagnostics};
use crate::base::git::{GitError, History};
use crate::base::write::Sink;
use crate::model::Site;
use crate::model::coverage::Coverage;
use crate::model::load::{SiteOptions, load_site};
use crate::model::readability::readability;
use crate::model::translations::Report;
use crate::render::{
    Fiches, coverage, readability as readability_table, render_site, translations,
};
use crate::sources::pages::CONTENT_DIR;

/// What `parcours check` does besides the checks of a build.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Extra {
    /// Ask every web address the pages link to whether it still answers.
    pub external: bool,
    /// Print how the courses cover DigComp.
    pub coverage: bool,
    /// Warn about hard text in the pages for learners, and print their readability table.
    pub readability: bool,
    /// List the missing and outdated translations.
    pub translations: bool,
    /// Print the translations as JSON on the standard output (everything else goes to the
    /// standard error).
    pub json: bool,
}

/// Loads and renders the site without writing it, and reports every problem, with what
/// `extra` asks for too.
pub fn run(options: &SiteOptions, extra: Extra) -> i32 {
    let started = Instant::now();
    let Checked {
        value: site,
        mut problems,
    } = load_site(options);
    let mut pages = 0;
    let mut reports = Vec::new();
    if let Some(site) = &site {
        let report = render_site(
            site,
            &Sink::discard(),
            Fiches::Make {
                cache: !options.no_cache,
            },
        );
        problems.extend(report.problems);
        pages = report.pages_per_language.values().sum();
        if extra.external {
            let links = crate::render::external::links(site);
            eprintln!("Checking {} links to the web...", links.len());
            problems.take(crate::render::external::check(&options.root, &links));
        }
        if extra.readability {
            let measured = Instant::now();
            let found = problems.take(readability(site));
            reports.push(readability_table::table(site, &found));
            reports.push(format!(
                "Readability of {} pages measured in {:.2} s.\n",
                found.len(),
                measured.elapsed().as_secs_f64()
            ));
        }
        if extra.coverage {
            reports.push(coverage::table(&Coverage::of(site)));
        }
        if extra.translations {
            reports.push(translation_report(
                site,
                &options.root,
                extra.json,
                &mut problems,
            ));
        }
    }
    print_problems(&options.root, &problems, options.verbose);
    for report in reports {
        println!("{report}");
    }
    let (errors, warnings) = (problems.error_count(), problems.warning_count());
    let summary = format!(
        "Checked {pages} pages in {:.2} s: {errors} error(s), {warnings} warning(s).",
        started.elapsed().as_secs_f64()
    );
    if extra.json {
        eprintln!("{summary}");
    } else {
        println!("{summary}");
    }
    if errors == 0 { SUCCESS } else { CONTENT_ERROR }
}

/// The translation report, as text or JSON; without a git history, a note says why outdated
/// translations cannot be found.
fn translation_report(
    site: &Site,
    root: &std::path::Path,
    json: bool,
    problems: &mut Diagnostics,
) -> String {
    let started = Instant::now();
    let history = match History::read(root, &[CONTENT_DIR]) {
        Ok(history) => Some(history),
        Err(error) => {
            let why = match error {
                GitError::NoGit(error) => format!("git cannot run ({error})"),
                GitError::NotARepository => "the site is not in a git repository".into(),
                GitError::Failed(error) => format!("git failed: {error}"),
            };
            problems.push(
                crate::base::diagnostic::Diagnostic::warning(
                    root,
                    format!("`check --translations` needs the site's git history to find outdated translations: {why}"),
                )
                .with_hint("keep the site in git (`git init`, `git add .`, `git commit`); missing languages are listed all the same"),
            );
            None
        }
    };
    let report = Report::new(site, history.as_ref());
    if json {
        return translations::json(&report);
    }
    format!(
        "{}Translations of {} pages checked in {:.2} s.\n",
        translations::text(&report),
        report.pages.len(),
        started.elapsed().as_secs_f64()
    )
}
