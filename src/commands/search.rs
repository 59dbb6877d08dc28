//! `parcours search "query"`: finds existing pages, for authors about to write one.

use super::{CONTENT_ERROR, SUCCESS, USAGE_ERROR, print_problems};
use crate::base::diagnostic::Checked;
use crate::model::load::{SiteOptions, load_site};

/// Prints the pages of `lang` (the default language when `None`) that best match `query`.
pub fn run(options: &SiteOptions, query: &str, lang: Option<&str>, limit: usize) -> i32 {
    let Checked {
        value: site,
        problems,
    } = load_site(options);
    let Some(site) = site else {
        print_problems(&options.root, &problems, options.verbose);
        return CONTENT_ERROR;
    };
    let lang = lang.unwrap_or(site.default_language()).to_string();
    if !site.config.languages.contains_key(&lang) {
        eprintln!(
            "error: the site has no language `{lang}`; it has {:?}",
            site.config.languages.keys().collect::<Vec<_>>()
        );
        return USAGE_ERROR;
    }
    match crate::render::search::search(&site, &lang, query, limit) {
        Ok(hits) if hits.is_empty() => {
            println!("No page in `{lang}` matches \"{query}\".");
            SUCCESS
        }
        Ok(hits) => {
            for (rank, hit) in hits.iter().enumerate() {
                println!(
                    "{}. {} ({})\n   {}\n   {}\n",
                    rank + 1,
                    hit.title,
                    hit.file,
                    hit.url,
                    hit.excerpt
                );
            }
            SUCCESS
        }
        Err(error) => {
            eprintln!("error: the search failed: {error}");
            CONTENT_ERROR
        }
    }
}
