//! `parcours serve`: live rebuilds seen over HTTP, and requests that try to leave the site.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use common::{copy_dir, fixture, http_get, http_get_bytes, search_vocabulary};

/// A running `parcours serve`, stopped when dropped.
struct Server {
    child: Child,
    address: String,
    lines: mpsc::Receiver<String>,
}

impl Server {
    fn start(root: &std::path::Path) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_parcours"))
            .args(["serve", "--port", "0", "--root", root.to_str().unwrap()])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let (send, lines) = mpsc::channel();
        let stdout = child.stdout.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                let _ = send.send(line);
            }
        });
        let mut server = Server {
            child,
            address: String::new(),
            lines,
        };
        let line = server.wait_for("Serving");
        server.address = line
            .split("http://")
            .nth(1)
            .unwrap()
            .trim_end_matches(|c| c != '/')
            .trim_end_matches('/')
            .split('/')
            .next()
            .unwrap()
            .to_string();
        server
    }

    fn wait_for(&self, text: &str) -> String {
        loop {
            let line = self
                .lines
                .recv_timeout(Duration::from_secs(20))
                .unwrap_or_else(|_| panic!("no `{text}` from the server"));
            if line.contains(text) {
                return line;
            }
        }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Opens the event stream and returns a channel receiving its event names.
fn events(address: &str) -> mpsc::Receiver<String> {
    let mut stream = std::net::TcpStream::connect(address).unwrap();
    write!(
        stream,
        "GET /__parcours/events HTTP/1.1\r\nHost: {address}\r\n\r\n"
    )
    .unwrap();
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stream).lines().map_while(Result::ok) {
            if let Some(name) = line.strip_prefix("event: ") {
                let _ = send.send(name.to_string());
            }
        }
    });
    std::thread::sleep(Duration::from_millis(300));
    receive
}

#[test]
fn an_edit_is_rebuilt_and_announced() {
    let site = tempfile::tempdir().unwrap();
    copy_dir(&fixture("minimal"), site.path());
    let server = Server::start(site.path());
    let (status, body) = http_get(&server.address, "/fr/bases/clavier/");
    assert_eq!(status, 200);
    assert!(body.contains("Tapez votre nom."));
    assert!(
        body.contains("/__parcours/live.js"),
        "the live-reload script is injected"
    );

    let (status, pdf) = http_get(&server.address, "/fr/bases/clavier/clavier.pdf");
    assert_eq!(status, 200, "a worksheet is made when first requested");
    assert!(pdf.starts_with("%PDF-"));
    let (status, booklet) = http_get(&server.address, "/fr/bases/bases.pdf");
    assert_eq!(status, 200, "so is a booklet");
    assert!(booklet.starts_with("%PDF-"));
    let kept = std::fs::read_dir(site.path().join(".parcours-cache/worksheets"))
        .unwrap()
        .count();
    assert!(
        kept >= 2,
        "the worksheet and the booklet are kept in the cache"
    );

    let stream = events(&server.address);
    let page = site.path().join("content/bases/clavier.fr.md");
    let text = std::fs::read_to_string(&page).unwrap();
    std::fs::write(
        &page,
        text.replace("Tapez votre nom.", "Tapez votre prénom."),
    )
    .unwrap();
    assert_eq!(
        stream.recv_timeout(Duration::from_secs(20)).unwrap(),
        "reload"
    );
    let (_, body) = http_get(&server.address, "/fr/bases/clavier/");
    assert!(body.contains("Tapez votre prénom."), "{body}");
    // The search index follows, just after the reload.
    let indexed = (0..100).any(|_| {
        let (_, shard) = http_get_bytes(&server.address, "/search/fr/v/0.gz");
        search_vocabulary(&shard).contains_key("prenom") || {
            std::thread::sleep(Duration::from_millis(100));
            false
        }
    });
    assert!(indexed, "the new word is in the search index");

    // An error keeps the last good version and reaches the open tabs.
    std::fs::write(
        &page,
        text.replace("title: \"Utiliser le clavier\"", "title: \"Oups"),
    )
    .unwrap();
    assert_eq!(
        stream.recv_timeout(Duration::from_secs(20)).unwrap(),
        "problems"
    );
    let (_, body) = http_get(&server.address, "/fr/bases/clavier/");
    assert!(
        body.contains("Tapez votre prénom."),
        "the last good version is served"
    );

    // A new page appears.
    std::fs::write(&page, &text).unwrap();
    assert_eq!(
        stream.recv_timeout(Duration::from_secs(20)).unwrap(),
        "reload"
    );
    let added = site.path().join("content/bases/ecran.fr.md");
    std::fs::write(&added, "---\ntitle: \"L'écran\"\n---\nRegardez l'écran.\n").unwrap();
    assert_eq!(
        stream.recv_timeout(Duration::from_secs(20)).unwrap(),
        "reload"
    );
    let (status, body) = http_get(&server.address, "/fr/bases/ecran/");
    assert_eq!(status, 200);
    assert!(body.contains("Regardez l"));
    let (_, section) = http_get(&server.address, "/fr/bases/");
    assert!(
        section.contains("L&#39;écran"),
        "the section lists the new page"
    );
}

#[test]
fn a_site_with_errors_is_served_with_its_problems_until_they_are_fixed() {
    let site = tempfile::tempdir().unwrap();
    copy_dir(&fixture("minimal"), site.path());
    let page = site.path().join("content/bases/clavier.fr.md");
    let text = std::fs::read_to_string(&page).unwrap();
    std::fs::write(&page, format!("{text}\n[cassé](nulle-part.md)\n")).unwrap();
    let server = Server::start(site.path());
    // The pages that built are served, with the script that shows the problems.
    let (status, body) = http_get(&server.address, "/fr/bases/souris/");
    assert_eq!(status, 200);
    assert!(body.contains("/__parcours/live.js"));
    let stream = events(&server.address);
    assert_eq!(
        stream.recv_timeout(Duration::from_secs(20)).unwrap(),
        "problems",
        "a tab that opens is told the problems at once"
    );
    std::fs::write(&page, &text).unwrap();
    assert_eq!(
        stream.recv_timeout(Duration::from_secs(20)).unwrap(),
        "reload"
    );
    let (status, body) = http_get(&server.address, "/fr/bases/clavier/");
    assert_eq!(status, 200);
    assert!(body.contains("Tapez votre nom."));
}

#[test]
fn requests_never_leave_the_output() {
    let site = tempfile::tempdir().unwrap();
    copy_dir(&fixture("minimal"), site.path());
    std::fs::write(site.path().join("secret.txt"), "top secret").unwrap();
    let server = Server::start(site.path());
    for path in [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/fr/../../secret.txt",
        "/..%2fsecret.txt",
        "/fr/%2e%2e/%2e%2e/secret.txt",
        "/site.yaml",
    ] {
        let (status, body) = http_get(&server.address, path);
        assert_eq!(status, 404, "{path}");
        assert!(!body.contains("top secret"), "{path}");
    }
    let (status, body) = http_get(&server.address, "/no/such/page/");
    assert_eq!(status, 404);
    assert!(body.contains("Page introuvable"), "the theme's 404 page");
    let (status, _) = http_get(&server.address, "/fr");
    assert_eq!(status, 308, "a folder without its slash is redirected");
}

#[test]
fn it_listens_on_loopback_by_default() {
    let site = tempfile::tempdir().unwrap();
    copy_dir(&fixture("minimal"), site.path());
    let server = Server::start(site.path());
    assert!(
        server.address.starts_with("127.0.0.1:"),
        "{}",
        server.address
    );
}
