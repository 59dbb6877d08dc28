//! `parcours check`: validates everything a build would, and writes nothing.

use std::time::Instant;

use super::{CONTENT_ERROR, SUCCESS, print_problems};
use crate::base::diagnostic::Checked;
use crate::base::write::Sink;
use crate::model::coverage::Coverage;
use crate::model::load::{SiteOptions, load_site};
use crate::render::coverage::table;
use crate::render::{Fiches, render_site};

/// Loads and renders the site without writing it, and reports every problem; with
/// `external`, also asks every web address the pages link to whether it still answers; with
/// `coverage`, prints how the courses cover DigComp.
pub fn run(options: &SiteOptions, external: bool, coverage: bool) -> i32 {
    let started = Instant::now();
    let Checked {
        value: site,
        mut problems,
    } = load_site(options);
    let mut pages = 0;
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
        if external {
            let links = crate::render::external::links(site);
            println!("Checking {} links to the web...", links.len());
            problems.take(crate::render::external::check(&options.root, &links));
        }
    }
    print_problems(&options.root, &problems, options.verbose);
    if let (Some(site), true) = (&site, coverage) {
        println!("{}", table(&Coverage::of(site)));
    }
    let (errors, warnings) = (problems.error_count(), problems.warning_count());
    println!(
        "Checked {pages} pages in {:.2} s: {errors} error(s), {warnings} warning(s).",
        started.elapsed().as_secs_f64()
    );
    if errors == 0 { SUCCESS } else { CONTENT_ERROR }
}
