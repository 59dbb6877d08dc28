//! `parcours serve`: builds the site into a temporary folder, serves it on a loopback address,
//! watches the site's files and rebuilds what changed, and reloads the open tabs.

pub mod http;
pub mod live;
pub mod watch;

use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::Path;
use std::sync::mpsc::RecvTimeoutError;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use tokio::sync::broadcast;

use crate::commands::{CONTENT_ERROR, SUCCESS, USAGE_ERROR, print_problems};
use crate::model::load::SiteOptions;
use crate::sources::config::SiteConfig;
use http::{Message, ServerState};
use live::{LiveSite, Outcome};

/// The port tried first.
pub const DEFAULT_PORT: u16 = 1111;

/// Serves the site of `options` on `bind:port` (another free port when that one is taken).
pub fn run(mut options: SiteOptions, bind: IpAddr, port: u16) -> i32 {
    let listener = match TcpListener::bind(SocketAddr::new(bind, port))
        .or_else(|_| TcpListener::bind(SocketAddr::new(bind, 0)))
    {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("error: cannot listen on {bind}: {error}");
            return USAGE_ERROR;
        }
    };
    let address = match listener.local_addr() {
        Ok(address) => address,
        Err(error) => {
            eprintln!("error: {error}");
            return USAGE_ERROR;
        }
    };
    let url = format!("http://{address}/");
    options.base_url = Some(url.clone());
    let output = match tempfile::Builder::new().prefix("parcours-serve-").tempdir() {
        Ok(dir) => dir,
        Err(error) => {
            eprintln!("error: cannot create a folder for the preview: {error}");
            return CONTENT_ERROR;
        }
    };
    let site_dir = output.path().join("site");
    let (live, first) = LiveSite::new(options.clone(), &site_dir);
    report(&options, &first, "Built");
    if !first.ok() {
        eprintln!(
            "The preview shows the pages that built, and the problems on every page until they are fixed."
        );
    }
    if !site_dir.is_dir() && std::fs::create_dir_all(&site_dir).is_err() {
        return CONTENT_ERROR;
    }
    let theme = SiteConfig::load(&options.root)
        .value
        .map_or_else(|| "default".into(), |c| c.theme);
    let (send, receive) = std::sync::mpsc::channel();
    let _watcher = match watch::watch(&options.root, &theme, send) {
        Ok(watcher) => watcher,
        Err(error) => {
            eprintln!("error: cannot watch {}: {error}", options.root.display());
            return CONTENT_ERROR;
        }
    };
    let live = Arc::new(Mutex::new(live));
    let (messages, _) = broadcast::channel(16);
    let fiche_site = live.clone();
    let fiche_root = options.root.clone();
    let verbose = options.verbose;
    let state = Arc::new(ServerState {
        root: site_dir.canonicalize().unwrap_or(site_dir.clone()),
        messages: messages.clone(),
        problems: Mutex::new(problems_json(&options.root, &first)),
        make_fiche: Box::new(move |path| {
            let made = lock(&fiche_site).fiche(path)?;
            if made.value.is_none() {
                print_problems(&fiche_root, &made.problems, verbose);
            }
            made.value
        }),
    });
    let server_state = state.clone();
    let server = std::thread::spawn(move || serve_forever(listener, server_state));
    println!(
        "Serving {} on {url} (Ctrl+C to stop)",
        options.root.display()
    );
    loop {
        // Search indexes wait until the author pauses, so that saving stays fast.
        let search_stale = lock(&live).search_is_stale();
        let first = match receive.recv_timeout(if search_stale {
            SEARCH_PAUSE
        } else {
            Duration::MAX
        }) {
            Ok(first) => first,
            Err(RecvTimeoutError::Timeout) => {
                let refreshed = lock(&live).refresh_search();
                if !refreshed.ok() {
                    report(&options, &refreshed, "Search index");
                }
                continue;
            }
            Err(RecvTimeoutError::Disconnected) => break,
        };
        let changes = watch::drain(first, &receive);
        let outcome = lock(&live).apply(&changes);
        report(&options, &outcome, "Rebuilt");
        let json = problems_json(&options.root, &outcome);
        *state.problems.lock().unwrap_or_else(|e| e.into_inner()) = json.clone();
        let _ = messages.send(match json {
            Some(json) => Message::Problems(json),
            None => Message::Reload,
        });
    }
    let _ = server.join();
    SUCCESS
}

/// How long the author must pause before the search indexes are rewritten.
const SEARCH_PAUSE: Duration = Duration::from_millis(800);

/// The served site, even if a thread panicked while holding it.
fn lock(live: &Mutex<LiveSite>) -> MutexGuard<'_, LiveSite> {
    live.lock().unwrap_or_else(|e| e.into_inner())
}

fn serve_forever(listener: TcpListener, state: Arc<ServerState>) {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("error: cannot start the server: {error}");
            return;
        }
    };
    runtime.block_on(async move {
        let served = async {
            listener.set_nonblocking(true)?;
            let listener = tokio::net::TcpListener::from_std(listener)?;
            axum::serve(listener, http::router(state)).await
        };
        if let Err(error) = served.await {
            eprintln!("error: the server stopped: {error}");
        }
    });
}

/// Prints a rebuild's problems and a one-line summary.
fn report(options: &SiteOptions, outcome: &Outcome, verb: &str) {
    print_problems(&options.root, &outcome.problems, options.verbose);
    if outcome.ok() {
        println!(
            "{verb} {} file(s) in {} ms",
            outcome.written,
            outcome.elapsed.as_millis()
        );
    } else {
        println!(
            "{} error(s): the last good version is still served",
            outcome.problems.error_count()
        );
    }
}

/// The errors of a failed rebuild as a JSON list of texts, for the overlay.
fn problems_json(root: &Path, outcome: &Outcome) -> Option<String> {
    if outcome.ok() {
        return None;
    }
    let texts: Vec<String> = outcome
        .problems
        .sorted()
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.render(root))
        .collect();
    serde_json::to_string(&texts).ok()
}
