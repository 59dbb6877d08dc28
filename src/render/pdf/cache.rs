//! The worksheet cache: every PDF made is kept in `.parcours-cache/worksheets/` beside the
//! site, named after a fingerprint of everything its compilation reads, so that a later build
//! copies it instead of compiling it again. Without the cache (`--no-cache`), PDFs go to a
//! temporary folder that is removed at the end, where booklets read their worksheets.

use std::collections::HashSet;
use std::hash::Hasher;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime};

use siphasher::sip128::{Hasher128, SipHasher13};

/// The cache folder of the worksheets, inside the site.
pub const CACHE_DIR: &str = ".parcours-cache/worksheets";

/// What makes entries of another version of parcours (and so of Typst) differ.
const VERSION: &str = concat!("parcours ", env!("CARGO_PKG_VERSION"), " cache 1");

/// Entries used this recently are kept, for another build running at the same time, and
/// temporary files older than this were left over by a run that stopped.
const RECENT: Duration = Duration::from_secs(3600);

/// The fingerprint of what a PDF is made from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key(u128);

impl Key {
    /// The name of the entry in the cache.
    fn file_name(self) -> String {
        format!("{:032x}.pdf", self.0)
    }
}

/// Builds a [`Key`] from pieces of input, each counted with its length so that two lists of
/// pieces never give the same bytes.
pub(super) struct Fingerprint(SipHasher13);

impl Default for Fingerprint {
    fn default() -> Self {
        Fingerprint::new()
    }
}

impl Fingerprint {
    /// A fingerprint that starts with the version of parcours.
    pub(super) fn new() -> Fingerprint {
        let mut hasher = Fingerprint(SipHasher13::new_with_keys(0, 0));
        hasher.add(VERSION.as_bytes());
        hasher
    }

    /// Adds a piece.
    pub(super) fn add(&mut self, bytes: &[u8]) -> &mut Fingerprint {
        self.0.write(&(bytes.len() as u64).to_le_bytes());
        self.0.write(bytes);
        self
    }

    /// Adds a key.
    pub(super) fn add_key(&mut self, key: Key) -> &mut Fingerprint {
        self.add(&key.0.to_le_bytes())
    }

    /// The fingerprint of the pieces added.
    pub(super) fn finish(&self) -> Key {
        Key(self.0.finish128().as_u128())
    }
}

/// The PDFs of a site, kept between builds, or for one run only.
pub(super) struct Cache {
    dir: PathBuf,
    /// Whether entries of earlier runs may be used.
    reuse: bool,
    /// Holds the folder of a run without cache until the end.
    _temporary: Option<tempfile::TempDir>,
    /// The entries this run used.
    used: Mutex<HashSet<String>>,
    writes: AtomicUsize,
}

impl Cache {
    /// The cache of the site at `root`, or, when `enabled` is false, a temporary folder that
    /// nothing is taken from.
    pub(super) fn open(root: &Path, enabled: bool) -> std::io::Result<Cache> {
        let (dir, temporary) = if enabled {
            let dir = root.join(CACHE_DIR);
            std::fs::create_dir_all(&dir)?;
            (dir, None)
        } else {
            let temporary = tempfile::Builder::new().prefix("parcours-pdf-").tempdir()?;
            (temporary.path().to_path_buf(), Some(temporary))
        };
        Ok(Cache {
            dir,
            reuse: enabled,
            _temporary: temporary,
            used: Mutex::new(HashSet::new()),
            writes: AtomicUsize::new(0),
        })
    }

    /// The folder of the entries.
    pub(super) fn dir(&self) -> &Path {
        &self.dir
    }

    /// The entry of `key`, when an earlier run made it; it counts as just used.
    pub(super) fn get(&self, key: Key) -> Option<PathBuf> {
        let name = key.file_name();
        if !self.reuse && !self.used().contains(&name) {
            return None;
        }
        let path = self.dir.join(&name);
        let file = std::fs::File::options().write(true).open(&path).ok()?;
        // The time of last use, by which entries no longer used are found.
        let _ = file.set_modified(SystemTime::now());
        self.used().insert(name);
        Some(path)
    }

    /// Keeps `bytes` as the entry of `key`, and gives its path.
    pub(super) fn put(&self, key: Key, bytes: &[u8]) -> std::io::Result<PathBuf> {
        let name = key.file_name();
        let path = self.dir.join(&name);
        let count = self.writes.fetch_add(1, Ordering::Relaxed);
        let temporary = self
            .dir
            .join(format!(".tmp-{}-{count}-{name}", std::process::id()));
        std::fs::write(&temporary, bytes)?;
        std::fs::rename(&temporary, &path)?;
        self.used().insert(name);
        Ok(path)
    }

    fn used(&self) -> std::sync::MutexGuard<'_, HashSet<String>> {
        self.used.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Removes entries no longer used: those this run did not use (nor any run in the last
    /// hour), least recently used first, until they take no more room than the ones it used;
    /// and temporary files a stopped run left. Call it after a run that made every PDF of the
    /// site. Gives how many files were removed.
    pub(super) fn sweep(&self) -> usize {
        if !self.reuse {
            return 0;
        }
        let used = self.used().clone();
        let now = SystemTime::now();
        let mut entries = Vec::new();
        let mut removed = 0;
        for entry in std::fs::read_dir(&self.dir).into_iter().flatten().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let Ok(meta) = entry.metadata() else { continue };
            let modified = meta.modified().unwrap_or(now);
            if name.starts_with(".tmp-") {
                let old = now.duration_since(modified).unwrap_or_default() > RECENT;
                if old && std::fs::remove_file(entry.path()).is_ok() {
                    removed += 1;
                }
                continue;
            }
            let recent = now.duration_since(modified).unwrap_or_default() < RECENT;
            let in_use = used.contains(&name) || recent;
            entries.push(Entry {
                name,
                size: meta.len(),
                modified,
                used: in_use,
            });
        }
        for name in to_evict(entries) {
            if std::fs::remove_file(self.dir.join(name)).is_ok() {
                removed += 1;
            }
        }
        removed
    }
}

/// An entry of the cache, as the sweep sees it.
#[derive(Debug, Clone)]
struct Entry {
    name: String,
    size: u64,
    modified: SystemTime,
    used: bool,
}

/// The entries to remove: unused ones, least recently used first, until the unused ones
/// left take no more room than the used ones.
fn to_evict(mut entries: Vec<Entry>) -> Vec<String> {
    let used: u64 = entries.iter().filter(|e| e.used).map(|e| e.size).sum();
    entries.retain(|e| !e.used);
    entries.sort_by(|a, b| a.modified.cmp(&b.modified).then(a.name.cmp(&b.name)));
    let mut unused: u64 = entries.iter().map(|e| e.size).sum();
    let mut evicted = Vec::new();
    for entry in entries {
        if unused <= used {
            break;
        }
        unused -= entry.size;
        evicted.push(entry.name);
    }
    evicted
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(name: &str, size: u64, age: u64, used: bool) -> Entry {
        Entry {
            name: name.into(),
            size,
            modified: SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000 - age),
            used,
        }
    }

    #[test]
    fn unused_entries_go_oldest_first_until_they_weigh_no_more_than_the_used_ones() {
        let entries = vec![
            entry("used", 100, 0, true),
            entry("recent", 60, 10, false),
            entry("older", 50, 20, false),
            entry("oldest", 30, 30, false),
        ];
        assert_eq!(to_evict(entries), ["oldest", "older"]);
        assert!(to_evict(vec![entry("a", 10, 5, false), entry("b", 10, 1, true)]).is_empty());
        assert_eq!(to_evict(vec![entry("a", 10, 5, false)]), ["a"]);
    }

    #[test]
    fn fingerprints_tell_apart_pieces_cut_differently() {
        let key = |pieces: &[&str]| {
            let mut fingerprint = Fingerprint::new();
            for piece in pieces {
                fingerprint.add(piece.as_bytes());
            }
            fingerprint.finish()
        };
        assert_eq!(key(&["ab", "c"]), key(&["ab", "c"]));
        assert_ne!(key(&["ab", "c"]), key(&["a", "bc"]));
        let name = key(&["fiche"]).file_name();
        assert_eq!(name.len(), 36);
        assert!(name.ends_with(".pdf") && name[..32].bytes().all(|b| b.is_ascii_hexdigit()));
    }

    #[test]
    fn a_run_without_cache_takes_nothing_from_earlier_runs() {
        let site = tempfile::tempdir().unwrap();
        let key = Fingerprint::new().add(b"x").finish();
        let cache = Cache::open(site.path(), true).unwrap();
        let kept = cache.put(key, b"%PDF-").unwrap();
        assert_eq!(cache.get(key), Some(kept));
        let again = Cache::open(site.path(), true).unwrap();
        assert!(again.get(key).is_some(), "a later run finds it");
        let bypass = Cache::open(site.path(), false).unwrap();
        assert!(bypass.get(key).is_none(), "--no-cache does not");
        bypass.put(key, b"%PDF-").unwrap();
        assert!(bypass.get(key).is_some(), "but finds what it made itself");
        assert!(!bypass.dir().starts_with(site.path()));
    }
}
