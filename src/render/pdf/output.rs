//! The booklet being written: its pages' and roots' object numbers, and what it gathers from
//! every file it is made of (parent tree, role map, ids, outline items, the worksheets'
//! structure) until its end, when its roots and catalog are written.

use super::objects::{Dict, Object, Writer};

/// A booklet being written.
pub(super) struct Booklet {
    /// The file being written.
    pub writer: Writer,
    /// The next free object number.
    next: u32,
    /// The object numbers of the booklet's pages, in order.
    pub pages: Vec<u32>,
    /// The roots of the page tree, the outline and the structure tree.
    pub pages_root: u32,
    pub outlines_root: u32,
    pub struct_root: u32,
    /// A content stream that saves the graphics state before a page's own content, so that
    /// its number is drawn after it from a clean state.
    pub before: u32,
    /// Parent-tree entries (key, value), and the next free key.
    pub parent_tree: Vec<(i64, Object)>,
    pub next_key: i64,
    pub role_map: Dict,
    pub id_tree: Vec<Object>,
    /// The outline items at the top level, held until their neighbours are known.
    pub outline_items: Vec<(u32, Dict)>,
    /// The worksheets' structure, to hang below the booklet's `Document`.
    pub articles: Vec<Object>,
}

impl Booklet {
    /// A booklet of `pages` pages, their numbers and those of its roots taken.
    pub(super) fn new(pages: usize) -> Booklet {
        let mut booklet = Booklet {
            writer: Writer::new(),
            next: 1,
            pages: Vec::new(),
            pages_root: 0,
            outlines_root: 0,
            struct_root: 0,
            before: 0,
            parent_tree: Vec::new(),
            next_key: 0,
            role_map: Dict::default(),
            id_tree: Vec::new(),
            outline_items: Vec::new(),
            articles: Vec::new(),
        };
        booklet.pages = (0..pages).map(|_| booklet.allocate()).collect();
        booklet.pages_root = booklet.allocate();
        booklet.outlines_root = booklet.allocate();
        booklet.struct_root = booklet.allocate();
        booklet.before = booklet.allocate();
        booklet
            .writer
            .write(booklet.before, &Object::Dict(Dict::default()), Some(b"q\n"));
        booklet
    }

    /// A new object number.
    pub(super) fn allocate(&mut self) -> u32 {
        self.next += 1;
        self.next - 1
    }

    /// Writes what is known only at the end: the booklet's `document` element with the
    /// worksheets below it, the roots of its structure, outline and page tree, and its
    /// `catalog` (the skeleton's, renumbered), then gives the file with `trailer`.
    pub(super) fn finish(mut self, document: (u32, Dict), catalog: Dict, trailer: Dict) -> Vec<u8> {
        let (document_ref, mut document) = document;
        let mut kids = match document.get("K") {
            Some(Object::Array(kids)) => kids.clone(),
            Some(kid) => vec![kid.clone()],
            None => Vec::new(),
        };
        kids.append(&mut self.articles);
        document.set("K", Object::Array(kids));
        self.writer
            .write(document_ref, &Object::Dict(document), None);

        let struct_root = self.struct_root;
        self.parent_tree.sort_by_key(|(key, _)| *key);
        let nums = self
            .parent_tree
            .drain(..)
            .flat_map(|(key, value)| [Object::int(key), value])
            .collect();
        let mut root = dict([
            ("Type", Object::name("StructTreeRoot")),
            ("K", Object::Array(vec![Object::Ref(document_ref)])),
            (
                "ParentTree",
                Object::Dict(dict([("Nums", Object::Array(nums))])),
            ),
            ("ParentTreeNextKey", Object::int(self.next_key)),
        ]);
        if !self.role_map.0.is_empty() {
            root.set("RoleMap", Object::Dict(std::mem::take(&mut self.role_map)));
        }
        if !self.id_tree.is_empty() {
            let names = Object::Array(std::mem::take(&mut self.id_tree));
            root.set("IDTree", Object::Dict(dict([("Names", names)])));
        }
        self.writer.write(struct_root, &Object::Dict(root), None);

        let outlined = !self.outline_items.is_empty();
        self.write_outline();
        let kids = self.pages.iter().map(|&p| Object::Ref(p)).collect();
        let pages = dict([
            ("Type", Object::name("Pages")),
            ("Count", Object::int(self.pages.len() as i64)),
            ("Kids", Object::Array(kids)),
        ]);
        self.writer
            .write(self.pages_root, &Object::Dict(pages), None);

        let catalog_ref = self.allocate();
        let mut catalog = catalog;
        catalog.set("Pages", Object::Ref(self.pages_root));
        catalog.set("StructTreeRoot", Object::Ref(struct_root));
        if outlined {
            catalog.set("Outlines", Object::Ref(self.outlines_root));
        }
        self.writer.write(catalog_ref, &Object::Dict(catalog), None);
        let mut trailer = trailer;
        trailer.set("Root", Object::Ref(catalog_ref));
        self.writer.finish(trailer)
    }

    /// Chains the top-level outline items of every part under one root.
    fn write_outline(&mut self) {
        let items = std::mem::take(&mut self.outline_items);
        let mut count = 0;
        for (index, (number, item)) in items.iter().enumerate() {
            let mut item = item.clone();
            item.0.retain(|(key, _)| key != b"Prev" && key != b"Next");
            item.set("Parent", Object::Ref(self.outlines_root));
            if index > 0 {
                item.set("Prev", Object::Ref(items[index - 1].0));
            }
            if let Some((next, _)) = items.get(index + 1) {
                item.set("Next", Object::Ref(*next));
            }
            count += 1 + item
                .get("Count")
                .and_then(Object::as_int)
                .unwrap_or(0)
                .max(0);
            self.writer.write(*number, &Object::Dict(item), None);
        }
        let mut root = dict([("Type", Object::name("Outlines"))]);
        if let (Some(first), Some(last)) = (items.first(), items.last()) {
            root.set("First", Object::Ref(first.0));
            root.set("Last", Object::Ref(last.0));
            root.set("Count", Object::int(count));
        }
        self.writer
            .write(self.outlines_root, &Object::Dict(root), None);
    }
}

/// A dictionary of `entries`.
pub(super) fn dict<const N: usize>(entries: [(&str, Object); N]) -> Dict {
    Dict(
        entries
            .into_iter()
            .map(|(key, value)| (key.as_bytes().to_vec(), value))
            .collect(),
    )
}
