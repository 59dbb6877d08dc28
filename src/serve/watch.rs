//! Watching the site's folders with notify: bursts of events (an editor's atomic save, a large
//! copy) are debounced into one set of [`Changes`].

use std::path::Path;
use std::sync::mpsc::Sender;
use std::time::Duration;

use notify::event::ModifyKind;
use notify::{EventKind, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

use super::live::Changes;
use crate::base::files::is_ignored_name;
use crate::sources::config::CONFIG_FILE;
use crate::sources::glossary::GLOSSARY_DIR;
use crate::sources::i18n::I18N_DIR;
use crate::sources::pages::CONTENT_DIR;
use crate::sources::places::PLACES_DIR;

/// How long the watcher waits for a burst of events to end.
pub const DEBOUNCE: Duration = Duration::from_millis(30);

/// The folders of a site that the watcher follows, recursively.
const WATCHED: [&str; 7] = [
    CONTENT_DIR,
    "themes",
    I18N_DIR,
    GLOSSARY_DIR,
    PLACES_DIR,
    "static",
    "templates",
];

/// A running watcher; dropping it stops watching.
pub type Watcher = Debouncer<notify::RecommendedWatcher, RecommendedCache>;

/// Watches the site at `root` and sends what changed, never reporting the output folder.
pub fn watch(root: &Path, theme: &str, send: Sender<Changes>) -> notify::Result<Watcher> {
    let root = root.canonicalize()?;
    let classify_root = root.clone();
    let theme = theme.to_string();
    let mut debouncer = new_debouncer(DEBOUNCE, None, move |result: DebounceEventResult| {
        let mut changes = Changes::default();
        match result {
            Ok(events) => {
                for event in events {
                    if event.need_rescan() {
                        changes.reload = true;
                    }
                    // Reading files (ours included) and touching their times change nothing.
                    if matches!(
                        event.kind,
                        EventKind::Access(_) | EventKind::Modify(ModifyKind::Metadata(_))
                    ) {
                        continue;
                    }
                    let removed = matches!(event.kind, EventKind::Remove(_));
                    for path in &event.paths {
                        changes.merge(classify(&classify_root, &theme, path, removed));
                    }
                }
            }
            Err(_) => changes.reload = true,
        }
        if !changes.is_empty() {
            let _ = send.send(changes);
        }
    })?;
    // The root itself, not recursively: site.yaml, and folders created later.
    debouncer.watch(&root, RecursiveMode::NonRecursive)?;
    for folder in WATCHED {
        let path = root.join(folder);
        if path.is_dir() {
            debouncer.watch(&path, RecursiveMode::Recursive)?;
        }
    }
    Ok(debouncer)
}

/// What a change to `path` means for the site.
pub fn classify(root: &Path, theme: &str, path: &Path, removed: bool) -> Changes {
    let mut changes = Changes::default();
    let Ok(inner) = path.strip_prefix(root) else {
        return changes;
    };
    let name = inner
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if inner
        .components()
        .any(|c| is_ignored_name(&c.as_os_str().to_string_lossy()))
    {
        return changes;
    }
    let parts: Vec<String> = inner
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    match parts.first().map(String::as_str) {
        Some(CONFIG_FILE) if parts.len() == 1 => changes.reload = true,
        Some(I18N_DIR | GLOSSARY_DIR | PLACES_DIR) => changes.reload = true,
        Some("templates") => changes.render_all = true,
        Some("static") => changes.statics = true,
        Some("themes") if parts.get(1).map(String::as_str) == Some(theme) => {
            match parts.get(2).map(String::as_str) {
                Some("static") => changes.statics = true,
                _ => changes.render_all = true,
            }
        }
        Some(CONTENT_DIR) if name.ends_with(".md") => {
            changes.pages.insert(inner.to_path_buf());
        }
        Some(CONTENT_DIR) if path.is_file() => {
            changes.assets.insert(inner.to_path_buf());
        }
        // A folder of content created or removed, or an asset deleted: read everything again.
        Some(CONTENT_DIR) if parts.len() > 1 || removed => changes.reload = true,
        Some(folder) if parts.len() == 1 && WATCHED.contains(&folder) => changes.reload = true,
        _ => {}
    }
    changes
}

/// Where the watcher sends its changes, as a type for the rebuild loop.
pub type Receiver = std::sync::mpsc::Receiver<Changes>;

/// Gathers the changes that arrived while the last rebuild ran.
pub fn drain(first: Changes, receiver: &Receiver) -> Changes {
    let mut all = first;
    while let Ok(more) = receiver.try_recv() {
        all.merge(more);
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_are_classified_by_folder() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("content/a")).unwrap();
        std::fs::write(root.join("content/a/img.png"), b"x").unwrap();
        let c = |p: &str| classify(root, "default", &root.join(p), false);
        assert!(c("site.yaml").reload);
        assert!(c("i18n/fr.yaml").reload);
        assert!(c("glossary/fr.yaml").reload);
        assert!(c("places/belgique/gent.csv").reload);
        assert!(c("themes/default/templates/page.html").render_all);
        assert!(c("templates/page.html").render_all);
        assert!(c("themes/default/static/parcours.css").statics);
        assert!(c("static/logo.svg").statics);
        assert!(
            c("content/a/b.fr.md")
                .pages
                .contains(Path::new("content/a/b.fr.md"))
        );
        assert!(
            c("content/a/img.png")
                .assets
                .contains(Path::new("content/a/img.png"))
        );
        assert!(c("content/gone").reload, "a folder removed or created");
        assert!(c("content/a/.b.fr.md.swp").is_empty());
        assert!(c("content/a/b.fr.md~").is_empty());
        assert!(c("themes/other/templates/x.html").is_empty());
        assert!(c("public/fr/index.html").is_empty());
        assert!(c("target/debug/x").is_empty());
    }
}
