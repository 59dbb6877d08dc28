//! `check --external`: the web addresses the pages link to, asked whether they still answer,
//! a few at a time, each within a time limit; good answers are remembered for a day in
//! `.parcours-cache/`, so that checking again is quick.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rayon::prelude::*;

use crate::base::diagnostic::{Checked, Diagnostic, Diagnostics};
use crate::model::Site;

/// Where the addresses that answered are remembered, from the site's root.
pub const CACHE_FILE: &str = ".parcours-cache/external-links.json";
/// How many addresses are asked at once.
const AT_ONCE: usize = 8;
/// How long an address has to answer.
const TIME_LIMIT: Duration = Duration::from_secs(10);
/// How long a good answer is trusted.
const REMEMBERED: Duration = Duration::from_secs(24 * 60 * 60);

/// A link to the web in a page: its address, and where it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExternalLink {
    /// The `http` or `https` address.
    pub url: String,
    /// The page file.
    pub file: PathBuf,
    /// The line of the link.
    pub line: usize,
}

/// What an address answered.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Answer {
    Fine,
    /// Gone for good: the link must change.
    Broken(String),
    /// Perhaps passing: a server error, a refusal to robots, no answer in time.
    Unsure(String),
}

/// Every link and image of the pages that leads to the web, in page order.
pub fn links(site: &Site) -> Vec<ExternalLink> {
    let mut found = Vec::new();
    for page in &site.pages {
        let document = page.document();
        let web = document
            .links
            .into_iter()
            .filter(|l| l.url.starts_with("http://") || l.url.starts_with("https://"));
        found.extend(web.map(|link| ExternalLink {
            url: link.url,
            file: page.file(),
            line: link.line,
        }));
    }
    found
}

/// Asks each address once, the ones that answered within a day apart, and reports the links
/// that lead nowhere (errors) or may (warnings).
pub fn check(root: &Path, links: &[ExternalLink]) -> Checked<()> {
    let cache_file = root.join(CACHE_FILE);
    let now = seconds(SystemTime::now());
    let mut cache = read_cache(&cache_file, now);
    let unique: BTreeSet<&str> = links.iter().map(|l| l.url.as_str()).collect();
    let to_ask: Vec<&str> = unique
        .into_iter()
        .filter(|u| !cache.contains_key(*u))
        .collect();
    let agent = agent();
    let answers: BTreeMap<&str, Answer> =
        match rayon::ThreadPoolBuilder::new().num_threads(AT_ONCE).build() {
            Ok(pool) => pool.install(|| to_ask.par_iter().map(|u| (*u, ask(&agent, u))).collect()),
            Err(_) => to_ask.iter().map(|u| (*u, ask(&agent, u))).collect(),
        };
    let mut problems = Diagnostics::new();
    for (url, answer) in &answers {
        if *answer == Answer::Fine {
            cache.insert(url.to_string(), now);
        }
    }
    for link in links {
        let problem = match answers.get(link.url.as_str()) {
            Some(Answer::Broken(why)) => {
                Diagnostic::error(&link.file, format!("the link {} {why}", link.url))
                    .with_hint("update the address, or remove the link")
            }
            Some(Answer::Unsure(why)) => {
                Diagnostic::warning(&link.file, format!("the link {} {why}", link.url)).with_hint(
                    "open it in a browser; if it works there, it may only refuse automatic checks",
                )
            }
            _ => continue,
        };
        problems.push(problem.at_line(link.line));
    }
    if let Err(error) = write_cache(&cache_file, &cache) {
        problems.push(Diagnostic::warning(
            CACHE_FILE,
            format!("cannot remember the links checked: {error}"),
        ));
    }
    Checked::new((), problems)
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .timeout_global(Some(TIME_LIMIT))
        .http_status_as_error(false)
        .max_redirects(10)
        .user_agent(concat!(
            "parcours/",
            env!("CARGO_PKG_VERSION"),
            " (link check)"
        ))
        .build()
        .into()
}

/// Asks with HEAD, then with GET when the server does not answer HEAD.
fn ask(agent: &ureq::Agent, url: &str) -> Answer {
    let status = match agent.head(url).call() {
        Ok(response) if matches!(response.status().as_u16(), 403 | 405 | 501) => {
            agent.get(url).call().map(|r| r.status().as_u16())
        }
        other => other.map(|r| r.status().as_u16()),
    };
    match status {
        Ok(200..=399) => Answer::Fine,
        Ok(code @ (404 | 410)) => Answer::Broken(format!("answers {code}: the page is gone")),
        Ok(code @ (401 | 403 | 429)) => Answer::Unsure(format!("answers {code}: access refused")),
        Ok(code @ 500..) => Answer::Unsure(format!("answers {code}: a server error")),
        Ok(code) => Answer::Broken(format!("answers {code}")),
        Err(ureq::Error::Timeout(_)) => {
            Answer::Unsure(format!("does not answer within {} s", TIME_LIMIT.as_secs()))
        }
        Err(ureq::Error::HostNotFound) => {
            Answer::Broken("leads to a host that does not exist".into())
        }
        Err(ureq::Error::BadUri(_) | ureq::Error::Http(_)) => {
            Answer::Broken("is not a valid address".into())
        }
        Err(error) => Answer::Unsure(format!("cannot be reached: {error}")),
    }
}

fn seconds(time: SystemTime) -> u64 {
    time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

/// The addresses that answered less than a day ago, with when.
fn read_cache(file: &Path, now: u64) -> BTreeMap<String, u64> {
    let cache: BTreeMap<String, u64> = std::fs::read(file)
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default();
    cache
        .into_iter()
        .filter(|(_, when)| now.saturating_sub(*when) < REMEMBERED.as_secs())
        .collect()
}

fn write_cache(file: &Path, cache: &BTreeMap<String, u64>) -> std::io::Result<()> {
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(file, serde_json::to_vec_pretty(cache)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn old_answers_are_forgotten() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("cache.json");
        let day = REMEMBERED.as_secs();
        let cache = BTreeMap::from([
            ("https://a".to_string(), 10 * day),
            ("https://b".to_string(), 9 * day),
        ]);
        write_cache(&file, &cache).unwrap();
        let kept = read_cache(&file, 10 * day + 5);
        assert_eq!(kept.keys().collect::<Vec<_>>(), ["https://a"]);
    }

    #[test]
    fn a_bad_address_is_broken_without_asking_the_network() {
        assert!(matches!(
            ask(&agent(), "https://exa mple/"),
            Answer::Broken(_)
        ));
    }
}
