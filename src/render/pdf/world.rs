//! The Typst World of one worksheet: the one door through which Typst reads files and fonts.
//! It serves the generated main file, the page's data and QR code from memory, the theme's
//! files, and the images of `content/` the page's Markdown shows; anything else is refused.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use typst::diag::{FileError, FileResult};
use typst::ecow::eco_format;
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use crate::sources::theme::Theme;

/// What every worksheet of a build shares: the standard library, the fonts, the theme's
/// parsed sources. Loaded once.
pub(super) struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    theme: Theme,
    sources: Mutex<HashMap<FileId, Source>>,
}

impl Shared {
    /// Loads the fonts of the theme (`fonts/*.ttf`, `*.otf`).
    pub(super) fn new(theme: &Theme) -> Shared {
        let fonts: Vec<Font> = theme
            .files_in("fonts")
            .into_iter()
            .filter(|(name, _)| name.ends_with(".ttf") || name.ends_with(".otf"))
            .filter_map(|(_, file)| file.read().ok())
            .flat_map(|bytes| Font::iter(Bytes::new(bytes.into_owned())))
            .collect();
        Shared {
            library: LazyHash::new(Library::default()),
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
            theme: theme.clone(),
            sources: Mutex::new(HashMap::new()),
        }
    }

    /// Whether the theme provides at least one font.
    pub(super) fn has_fonts(&self) -> bool {
        !self.fonts.is_empty()
    }
}

/// The folders of a theme that a worksheet template may read.
pub(super) const THEME_FOLDERS: [&str; 4] = ["templates/", "fonts/", "static/", "images/"];

/// A file id for a path of the virtual project.
pub(super) fn id(path: &str) -> FileId {
    let path = VirtualPath::new(path)
        .unwrap_or_else(|_| VirtualPath::new("/invalid").expect("a valid path"));
    RootedPath::new(VirtualRoot::Project, path).intern()
}

/// The World of one document.
pub(super) struct FicheWorld<'a> {
    shared: &'a Shared,
    main: Source,
    memory: HashMap<FileId, Bytes>,
    content_root: PathBuf,
    /// The files of `content/` the document may show: the images its pages use.
    allowed: Vec<String>,
}

impl<'a> FicheWorld<'a> {
    /// A World whose main file is `main`, with files held in memory (`/data.json`...), that
    /// may read the `allowed` files of `content/` under `site_root`.
    pub(super) fn new(
        shared: &'a Shared,
        main: String,
        memory: Vec<(String, Vec<u8>)>,
        site_root: &Path,
        allowed: Vec<String>,
    ) -> Self {
        FicheWorld {
            shared,
            main: Source::new(id("/main.typ"), main),
            memory: memory
                .into_iter()
                .map(|(path, bytes)| (id(&path), Bytes::new(bytes)))
                .collect(),
            content_root: site_root.join(crate::sources::pages::CONTENT_DIR),
            allowed,
        }
    }

    /// The theme file a virtual path names, if any (for messages).
    pub(super) fn theme_file(&self, file: FileId) -> Option<PathBuf> {
        let path = file.get().vpath().get_without_slash();
        let inner = path.strip_prefix("theme/")?;
        self.shared.theme.find(inner).map(|f| f.origin)
    }

    fn read(&self, file: FileId) -> FileResult<Bytes> {
        if let Some(bytes) = self.memory.get(&file) {
            return Ok(bytes.clone());
        }
        let rooted = file.get();
        if !matches!(rooted.root(), VirtualRoot::Project) {
            return Err(FileError::AccessDenied);
        }
        let path = rooted.vpath().get_without_slash().to_string();
        if let Some(inner) = path.strip_prefix("theme/") {
            if !THEME_FOLDERS.iter().any(|folder| inner.starts_with(folder)) {
                return Err(FileError::AccessDenied);
            }
            let found = self
                .shared
                .theme
                .find(inner)
                .ok_or_else(|| FileError::NotFound(inner.into()))?;
            return found
                .read()
                .map(|b| Bytes::new(b.into_owned()))
                .map_err(|_| FileError::NotFound(inner.into()));
        }
        if let Some(inner) = path.strip_prefix("content/") {
            if !self.allowed.iter().any(|a| a == inner) {
                return Err(FileError::Other(Some(eco_format!(
                    "content/{inner} is not an image of the page: a worksheet shows only the images its Markdown uses"
                ))));
            }
            let real = self
                .content_root
                .join(inner)
                .canonicalize()
                .map_err(|_| FileError::NotFound(inner.into()))?;
            let root = self
                .content_root
                .canonicalize()
                .map_err(|_| FileError::AccessDenied)?;
            if !real.starts_with(root) {
                return Err(FileError::AccessDenied);
            }
            return std::fs::read(&real)
                .map(Bytes::new)
                .map_err(|_| FileError::NotFound(real));
        }
        Err(FileError::AccessDenied)
    }
}

impl World for FicheWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        &self.shared.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.shared.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, file: FileId) -> FileResult<Source> {
        if file == self.main.id() {
            return Ok(self.main.clone());
        }
        let cache = file.get().vpath().get_without_slash().starts_with("theme/");
        if cache
            && let Some(source) = self
                .shared
                .sources
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .get(&file)
        {
            return Ok(source.clone());
        }
        let bytes = self.read(file)?;
        let text = std::str::from_utf8(bytes.as_slice()).map_err(|_| FileError::InvalidUtf8)?;
        let source = Source::new(file, text.to_string());
        if cache {
            self.shared
                .sources
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .insert(file, source.clone());
        }
        Ok(source)
    }

    fn file(&self, file: FileId) -> FileResult<Bytes> {
        self.read(file)
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.shared.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}
