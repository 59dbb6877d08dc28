//! `parcours fiche PATH.md`: one worksheet on its own, for an author checking it.

use std::path::{Path, PathBuf};

use super::{CONTENT_ERROR, SUCCESS, USAGE_ERROR, print_problems};
use crate::base::diagnostic::{Checked, Diagnostic, Diagnostics};
use crate::model::Output;
use crate::model::load::{SiteOptions, load_site};
use crate::render::pdf::Pdfs;

/// Makes the worksheet of the page `file` (a path to its `.md` file) into `output`, by
/// default the page's slug with `.pdf` in the current folder.
pub fn run(options: &SiteOptions, file: &Path, output: Option<&Path>) -> i32 {
    let Checked {
        value: site,
        problems,
    } = load_site(options);
    let Some(site) = site else {
        print_problems(&options.root, &problems, options.verbose);
        return CONTENT_ERROR;
    };
    let wanted = relative_to_root(&options.root, file);
    let Some(page) = site
        .pages
        .iter()
        .find(|p| p.source.as_deref() == Some(wanted.as_path()))
    else {
        eprintln!(
            "error: {} is not a page of the site in {}",
            file.display(),
            options.root.display()
        );
        return USAGE_ERROR;
    };
    // Only this page's own problems concern its author here.
    let mut problems: Diagnostics = problems.into_iter().filter(|d| d.file == wanted).collect();
    let worksheet = Output::Worksheet(page.id);
    let made = Pdfs::new(&site, !options.no_cache).and_then(|pdfs| {
        pdfs.make(&site, &worksheet)
            .unwrap_or_else(|| Checked::ok(None))
    });
    let Some(bytes) = problems.take(made) else {
        print_problems(&options.root, &problems, options.verbose);
        return CONTENT_ERROR;
    };
    let address = worksheet.path(&site);
    let name = address.rsplit('/').next().unwrap_or(&address);
    let target = output.map_or_else(|| PathBuf::from(name), Path::to_path_buf);
    if let Err(error) = std::fs::write(&target, &bytes) {
        problems.push(Diagnostic::error(
            &target,
            format!("cannot write the worksheet: {error}"),
        ));
        print_problems(&options.root, &problems, options.verbose);
        return CONTENT_ERROR;
    }
    print_problems(&options.root, &problems, options.verbose);
    println!(
        "Wrote {} ({} KB)",
        target.display(),
        bytes.len().div_ceil(1024)
    );
    SUCCESS
}

/// `file` as a path relative to the site root, as pages know their source.
fn relative_to_root(root: &Path, file: &Path) -> PathBuf {
    let absolute = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    let (root, file) = (absolute(root), absolute(file));
    file.strip_prefix(&root)
        .map(Path::to_path_buf)
        .unwrap_or(file)
}
