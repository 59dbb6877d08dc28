//! `parcours build`: the site into its output folder, swapped in only on success.

use std::path::{Path, PathBuf};
use std::time::Instant;

use super::{CONTENT_ERROR, SUCCESS, USAGE_ERROR, print_problems};
use crate::base::diagnostic::{Checked, Diagnostic};
use crate::base::write::{Sink, Staging};
use crate::model::load::{SiteOptions, load_site};
use crate::render::{Fiches, Report, render_site};

/// The default output folder, inside the site.
pub const DEFAULT_OUTPUT: &str = "public";

/// Builds the site of `options` into `output` (default `<root>/public`), then into the ZIP
/// `zip` when asked (`--zip`, a portable site), and prints a summary.
pub fn run(options: &SiteOptions, output: Option<&Path>, zip: Option<&Path>) -> i32 {
    let started = Instant::now();
    let output = output.map_or_else(|| options.root.join(DEFAULT_OUTPUT), Path::to_path_buf);
    let mut problems = check_output(&options.root, &output).problems;
    problems.extend(
        zip.map(|zip| check_zip(&output, zip).problems)
            .unwrap_or_default(),
    );
    if let Some(problem) = problems.first() {
        eprintln!("error: {}", problem.message);
        return USAGE_ERROR;
    }
    match build(options, &output) {
        Ok(report) => {
            print_problems(&options.root, &report.problems, options.verbose);
            println!("{}", summary(&report, &output, started));
            zip.map_or(SUCCESS, |zip| write_zip(&output, zip))
        }
        Err(report) => {
            print_problems(&options.root, &report.problems, options.verbose);
            eprintln!(
                "Build failed: {} error(s), {} warning(s). The previous output in {} was left as it was.",
                report.problems.error_count(),
                report.problems.warning_count(),
                output.display()
            );
            CONTENT_ERROR
        }
    }
}

/// Builds into a staging folder and swaps it in; on any error the staging folder is dropped.
pub fn build(options: &SiteOptions, output: &Path) -> Result<Report, Report> {
    let Checked {
        value: site,
        problems,
    } = load_site(options);
    let mut report = Report {
        problems,
        ..Report::default()
    };
    let Some(site) = site else { return Err(report) };
    if report.problems.has_errors() {
        // Render anyway into nowhere, so that one run reports every error of the site.
        let fiches = Fiches::Make {
            cache: !options.no_cache,
        };
        let rendered = render_site(&site, &Sink::discard(), fiches);
        report.problems.extend(rendered.problems);
        return Err(report);
    }
    let staging = match Staging::new(output) {
        Ok(staging) => staging,
        Err(error) => {
            report.problems.push(Diagnostic::error(
                output,
                format!("cannot create the output folder: {error}"),
            ));
            return Err(report);
        }
    };
    let fiches = Fiches::Make {
        cache: !options.no_cache,
    };
    let rendered = render_site(&site, &Sink::folder(staging.path()), fiches);
    report.problems.extend(rendered.problems);
    report.pages_per_language = rendered.pages_per_language;
    report.files = rendered.files;
    if report.problems.has_errors() {
        return Err(report);
    }
    if let Err(error) = staging.commit() {
        report.problems.push(Diagnostic::error(
            output,
            format!("cannot put the new output in place: {error}"),
        ));
        return Err(report);
    }
    Ok(report)
}

/// Writes the built site in `output` as the ZIP `zip`, its files in a folder named as the
/// archive, and says so; an exit code.
fn write_zip(output: &Path, zip: &Path) -> i32 {
    let top = zip
        .file_stem()
        .map_or_else(|| "site".into(), |stem| stem.to_string_lossy().into_owned());
    match crate::base::archive::zip_folder(output, zip, &top) {
        Ok(()) => {
            let size = std::fs::metadata(zip).map_or(0, |m| m.len());
            println!(
                "Wrote {} ({} KB): unzip it and open {top}/index.html in a browser.",
                zip.display(),
                size.div_ceil(1024)
            );
            SUCCESS
        }
        Err(error) => {
            eprintln!("error: cannot write {}: {error}", zip.display());
            CONTENT_ERROR
        }
    }
}

/// Refuses a ZIP inside the output folder, which the next build would replace.
fn check_zip(output: &Path, zip: &Path) -> Checked<()> {
    if absolute(zip).starts_with(absolute(output)) {
        let message = format!(
            "{} cannot be written inside the output folder {}: write the ZIP elsewhere",
            zip.display(),
            output.display()
        );
        return Checked::new((), Diagnostic::error(zip, message).into());
    }
    Checked::ok(())
}

/// A path made absolute from the working folder, `.` and `..` resolved without touching
/// the disk.
fn absolute(p: &Path) -> PathBuf {
    let p = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(p)
    };
    p.components().fold(PathBuf::new(), |mut acc, c| {
        match c {
            std::path::Component::ParentDir => {
                acc.pop();
            }
            std::path::Component::CurDir => {}
            other => acc.push(other),
        }
        acc
    })
}

/// Refuses an output folder that would hold or replace the site's own files: an error on the
/// output folder.
fn check_output(root: &Path, output: &Path) -> Checked<()> {
    let (root, absolute_output) = (absolute(root), absolute(output));
    let protected = [
        "content",
        "themes",
        "static",
        "i18n",
        "templates",
        "src",
        ".git",
    ];
    let replaced = root.starts_with(&absolute_output)
        || protected
            .iter()
            .any(|p| absolute_output.starts_with(root.join(p)));
    if replaced {
        let problem = Diagnostic::error(
            output,
            format!(
                "{} cannot be the output folder: building there would replace the site's own files",
                absolute_output.display()
            ),
        );
        return Checked::new((), problem.into());
    }
    Checked::ok(())
}

fn summary(report: &Report, output: &Path, started: Instant) -> String {
    let per_language: Vec<String> = report
        .pages_per_language
        .iter()
        .map(|(lang, count)| format!("{lang} {count}"))
        .collect();
    let total: usize = report.pages_per_language.values().sum();
    format!(
        "Built {total} pages ({}) and {} files in all into {} in {:.2} s{}",
        per_language.join(", "),
        report.files,
        output.display(),
        started.elapsed().as_secs_f64(),
        match report.problems.warning_count() {
            0 => String::new(),
            n => format!(", with {n} warning(s)"),
        }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_site_itself_cannot_be_the_output() {
        let root = Path::new("/sites/a");
        let refused = |output: &str| check_output(root, Path::new(output)).has_errors();
        assert!(refused("/sites/a"));
        assert!(refused("/sites"));
        assert!(refused("/sites/a/content/out"));
        assert!(!refused("/sites/a/public"));
        assert!(!refused("/tmp/out"));
        assert!(refused("/sites/a/public/../content"));
    }
}
