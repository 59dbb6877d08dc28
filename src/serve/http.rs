//! The preview server: the output folder over HTTP on a loopback address, with a live-reload
//! script added to HTML pages and a stream of events telling open tabs to reload.

use std::convert::Infallible;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderValue, StatusCode, Uri, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use percent_encoding::percent_decode_str;
use tokio::sync::broadcast;
use tokio_stream::wrappers::BroadcastStream;
use tokio_stream::{Stream, StreamExt};

/// The address of the event stream.
pub const EVENTS_PATH: &str = "/__parcours/events";
/// The address of the live-reload script.
pub const SCRIPT_PATH: &str = "/__parcours/live.js";
const SCRIPT: &str = include_str!("live.js");

/// A message to the open tabs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// The site changed: reload.
    Reload,
    /// The last rebuild failed: show these problems (JSON).
    Problems(String),
}

/// Makes a worksheet when first requested: its path in the output, then its bytes.
pub type FicheMaker = Box<dyn Fn(&str) -> Option<Vec<u8>> + Send + Sync>;

/// What the server shares with the rebuild loop.
pub struct ServerState {
    /// The output folder, canonical.
    pub root: PathBuf,
    /// Messages to the tabs.
    pub messages: broadcast::Sender<Message>,
    /// The problems of the last failed rebuild, shown to tabs that open meanwhile.
    pub problems: Mutex<Option<String>>,
    /// Makes a worksheet on first request: its path in the output, then its bytes.
    pub make_fiche: FicheMaker,
}

/// The routes of the preview server.
pub fn router(state: Arc<ServerState>) -> Router {
    Router::new()
        .route(EVENTS_PATH, get(events))
        .route(SCRIPT_PATH, get(script))
        .fallback(get(file))
        .with_state(state)
}

async fn script() -> impl IntoResponse {
    (
        [
            (header::CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        SCRIPT,
    )
}

async fn events(
    State(state): State<Arc<ServerState>>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let current = state
        .problems
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    let first =
        tokio_stream::iter(current.map(|json| Ok(Event::default().event("problems").data(json))));
    let updates =
        BroadcastStream::new(state.messages.subscribe()).filter_map(|message| match message {
            Ok(Message::Reload) => Some(Ok(Event::default().event("reload").data("reload"))),
            Ok(Message::Problems(json)) => Some(Ok(Event::default().event("problems").data(json))),
            Err(_) => None,
        });
    Sse::new(first.chain(updates)).keep_alive(KeepAlive::default())
}

async fn file(State(state): State<Arc<ServerState>>, uri: Uri) -> Response {
    let raw = uri.path();
    let Some(inner) = safe_relative(raw) else {
        return not_found(&state.root).await;
    };
    let mut target = state.root.join(&inner);
    if target.is_dir() {
        if !raw.ends_with('/') {
            let location = format!("{raw}/");
            return (
                StatusCode::PERMANENT_REDIRECT,
                [(header::LOCATION, location)],
            )
                .into_response();
        }
        target = target.join("index.html");
    }
    if let Some(bytes) = read_inside(&state.root, &target).await {
        return respond(StatusCode::OK, &target, bytes);
    }
    let wanted = inner.to_string_lossy().replace('\\', "/");
    if wanted.ends_with(".pdf") {
        let maker = state.clone();
        let made = tokio::task::spawn_blocking(move || (maker.make_fiche)(&wanted))
            .await
            .ok()
            .flatten();
        if let Some(bytes) = made {
            return respond(StatusCode::OK, &target, bytes);
        }
    }
    not_found(&state.root).await
}

/// The path of a request as a relative path without `..`, or `None` when it tries to leave
/// the output folder.
pub fn safe_relative(raw: &str) -> Option<PathBuf> {
    let decoded = percent_decode_str(raw).decode_utf8().ok()?;
    if decoded.contains('\0') || decoded.contains('\\') {
        return None;
    }
    let mut path = PathBuf::new();
    for component in Path::new(decoded.trim_start_matches('/')).components() {
        match component {
            Component::Normal(part) => path.push(part),
            Component::CurDir => {}
            _ => return None,
        }
    }
    Some(path)
}

/// Reads a file only if, links resolved, it is inside `root`.
async fn read_inside(root: &Path, target: &Path) -> Option<Vec<u8>> {
    let real = tokio::fs::canonicalize(target).await.ok()?;
    if !real.starts_with(root) || !real.is_file() {
        return None;
    }
    tokio::fs::read(real).await.ok()
}

async fn not_found(root: &Path) -> Response {
    let page = root.join("404.html");
    match read_inside(root, &page).await {
        Some(bytes) => respond(StatusCode::NOT_FOUND, &page, bytes),
        None => (StatusCode::NOT_FOUND, "Not found").into_response(),
    }
}

/// A file as a response; HTML pages get the live-reload script.
fn respond(status: StatusCode, path: &Path, bytes: Vec<u8>) -> Response {
    let mime = mime_guess::from_path(path).first_or_octet_stream();
    let is_html = mime.subtype() == "html";
    let body = if is_html { with_script(bytes) } else { bytes };
    let mut response = (status, Body::from(body)).into_response();
    let content_type = match mime.type_() {
        mime_guess::mime::TEXT => format!("{mime}; charset=utf-8"),
        _ if mime.subtype() == "javascript"
            || mime.subtype() == "json"
            || mime.subtype() == "xml" =>
        {
            format!("{mime}; charset=utf-8")
        }
        _ => mime.to_string(),
    };
    if let Ok(value) = HeaderValue::from_str(&content_type) {
        response.headers_mut().insert(header::CONTENT_TYPE, value);
    }
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// Adds the live-reload script before `</body>`.
fn with_script(html: Vec<u8>) -> Vec<u8> {
    let tag = format!("<script src=\"{SCRIPT_PATH}\" defer></script>\n");
    let at = html
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + tag.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(tag.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn requests_cannot_leave_the_output() {
        assert_eq!(safe_relative("/fr/a/"), Some(PathBuf::from("fr/a")));
        assert_eq!(
            safe_relative("/caf%C3%A9.png"),
            Some(PathBuf::from("café.png"))
        );
        for bad in [
            "/../site.yaml",
            "/fr/../../x",
            "/%2e%2e/x",
            "/a%00b",
            "/a%5c..%5cb",
            "/%ff",
        ] {
            assert_eq!(safe_relative(bad), None, "{bad}");
        }
    }

    #[tokio::test]
    async fn links_out_of_the_output_are_not_followed() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.txt"), "secret").unwrap();
        let output = tempfile::tempdir().unwrap();
        let root = output.path().canonicalize().unwrap();
        std::fs::write(root.join("page.html"), "page").unwrap();
        std::os::unix::fs::symlink(outside.path().join("secret.txt"), root.join("link.txt"))
            .unwrap();
        assert_eq!(
            read_inside(&root, &root.join("page.html")).await.as_deref(),
            Some(&b"page"[..])
        );
        assert_eq!(read_inside(&root, &root.join("link.txt")).await, None);
    }

    #[test]
    fn the_script_goes_before_the_end_of_the_body() {
        let html = with_script(b"<html><body><p>x</p></body></html>".to_vec());
        let text = String::from_utf8(html).unwrap();
        assert!(
            text.contains("<p>x</p><script src=\"/__parcours/live.js\" defer></script>\n</body>"),
            "{text}"
        );
    }
}
