//! Booklets put together from PDFs already made, without laying anything out again.
//!
//! Typst makes the booklet's *skeleton*: its cover and contents, then one page for each page
//! of its worksheets, which carries only the booklet's page number. The booklet is the
//! skeleton's first pages, then every page of every worksheet PDF in order, each with the
//! skeleton's page of the same number drawn over it as a form. Links that point to a skeleton
//! page (those of the contents) point to the worksheet page that takes its place. The
//! worksheets keep their tags: each worksheet's `Document` becomes an `Art` of the booklet's,
//! their outlines follow the skeleton's, and their marked-content keys and element ids are
//! renumbered into the booklet's structure tree.

use std::collections::{HashMap, HashSet};

use super::objects::{Dict, Error, Object, Pdf, Writer};

/// The XObject name under which a worksheet page draws its number in the booklet.
const STAMP: &str = "ParcoursBooklet";

/// Puts a booklet together from its `skeleton`, whose first `front` pages are its cover and
/// contents, and the worksheet PDFs in order, whose pages must number the skeleton's others.
pub fn assemble(
    skeleton: &[u8],
    front: usize,
    sheets: impl Iterator<Item = Result<Vec<u8>, Error>>,
) -> Result<Vec<u8>, Error> {
    let pdf = Pdf::parse(skeleton)?;
    let parts = Parts::of(&pdf)?;
    let total = parts.pages.len();
    if front > total {
        return Err("the skeleton has fewer pages than the cover and contents".into());
    }
    let mut booklet = Booklet::new(total);
    let skeleton = Input::new(pdf, &parts, &mut booklet, 0, "")?;
    let stamps = skeleton.stamps(&parts, front, &mut booklet)?;
    let document = skeleton.copy(&parts, &mut booklet, |index| index < front)?;
    let mut page = front;
    for (index, sheet) in sheets.enumerate() {
        let sheet = sheet?;
        let pdf = Pdf::parse(&sheet)?;
        let parts = Parts::of(&pdf)?;
        let end = page + parts.pages.len();
        if end > total {
            return Err("the worksheets have more pages than the skeleton".into());
        }
        let input = Input::new(pdf, &parts, &mut booklet, page, &format!("s{index}-"))?;
        input.copy_sheet(&parts, &mut booklet, page, &stamps, document.0)?;
        page = end;
    }
    if page != total {
        return Err("the worksheets have fewer pages than the skeleton".into());
    }
    Ok(booklet.finish(&skeleton, &parts, document))
}

/// A booklet being written.
struct Booklet {
    writer: Writer,
    /// The next free object number.
    next: u32,
    /// The object numbers of the booklet's pages, in order.
    pages: Vec<u32>,
    pages_root: u32,
    outlines_root: u32,
    struct_root: u32,
    /// Two content streams that wrap each worksheet page and draw its number.
    before: u32,
    after: u32,
    /// Parent-tree entries (key, value), and the next free key.
    parent_tree: Vec<(i64, Object)>,
    next_key: i64,
    role_map: Dict,
    id_tree: Vec<Object>,
    /// The outline items at the top level, held until their neighbours are known.
    outline_items: Vec<(u32, Dict)>,
    /// The worksheets' structure, to hang below the booklet's `Document`.
    articles: Vec<Object>,
}

impl Booklet {
    fn new(pages: usize) -> Booklet {
        let mut booklet = Booklet {
            writer: Writer::new(),
            next: 1,
            pages: Vec::new(),
            pages_root: 0,
            outlines_root: 0,
            struct_root: 0,
            before: 0,
            after: 0,
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
        booklet.after = booklet.allocate();
        let stamp = format!("Q\n/{STAMP} Do\n");
        booklet
            .writer
            .write(booklet.before, &Object::Dict(Dict::default()), Some(b"q\n"));
        booklet.writer.write(
            booklet.after,
            &Object::Dict(Dict::default()),
            Some(stamp.as_bytes()),
        );
        booklet
    }

    fn allocate(&mut self) -> u32 {
        self.next += 1;
        self.next - 1
    }

    /// Writes what is known only at the end: the booklet's document element, structure
    /// root, outline, page tree and catalog.
    fn finish(mut self, skeleton: &Input, parts: &Parts, document: (u32, Dict)) -> Vec<u8> {
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
        let mut catalog = Dict::default();
        for (key, value) in &parts.catalog.0 {
            let value = match key.as_slice() {
                b"Pages" => Object::Ref(self.pages_root),
                b"StructTreeRoot" => Object::Ref(struct_root),
                b"Outlines" => Object::Ref(self.outlines_root),
                _ => match skeleton.renumber(value) {
                    Ok(value) => value,
                    Err(_) => continue,
                },
            };
            catalog.0.push((key.clone(), value));
        }
        if catalog.get("Outlines").is_none() && !self.outline_items.is_empty() {
            catalog.set("Outlines", Object::Ref(self.outlines_root));
        }
        self.writer.write(catalog_ref, &Object::Dict(catalog), None);

        let mut trailer = dict([("Root", Object::Ref(catalog_ref))]);
        for key in ["Info", "ID"] {
            if let Some(value) = skeleton.pdf.trailer.get(key)
                && let Ok(value) = skeleton.renumber(value)
            {
                trailer.set(key, value);
            }
        }
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

fn dict<const N: usize>(entries: [(&str, Object); N]) -> Dict {
    Dict(
        entries
            .into_iter()
            .map(|(key, value)| (key.as_bytes().to_vec(), value))
            .collect(),
    )
}

/// The parts of a tagged PDF that the booklet replaces by its own.
struct Parts {
    catalog: Dict,
    pages: Vec<u32>,
    /// Objects not copied as they are: the catalog, the page tree, the structure and
    /// outline roots.
    skipped: HashSet<u32>,
    /// The nodes of the page tree, and the roots of the structure and the outline, which
    /// the booklet's own replace.
    page_nodes: Vec<u32>,
    struct_ref: u32,
    outlines: Option<u32>,
    /// The structure element at the root (the document).
    document: u32,
    struct_root: Dict,
    /// The outline items at the top level.
    outline_items: Vec<u32>,
}

impl Parts {
    fn of(pdf: &Pdf) -> Result<Parts, Error> {
        let catalog = pdf.catalog()?;
        let (pages, nodes) = pdf.pages()?;
        let mut skipped: HashSet<u32> = nodes.iter().copied().collect();
        if let Some(Object::Ref(root)) = pdf.trailer.get("Root") {
            skipped.insert(*root);
        }
        let Some(&Object::Ref(struct_ref)) = catalog.get("StructTreeRoot") else {
            return Err("a PDF without tags".into());
        };
        skipped.insert(struct_ref);
        let struct_root = pdf.dict(&Object::Ref(struct_ref))?;
        let document = match struct_root.get("K") {
            Some(Object::Ref(n)) => *n,
            Some(Object::Array(kids)) => match kids.as_slice() {
                [Object::Ref(n)] => *n,
                _ => return Err("a structure tree without one root element".into()),
            },
            _ => return Err("a structure tree without root element".into()),
        };
        for key in ["ParentTree", "IDTree"] {
            if let Some(Object::Ref(tree)) = struct_root.get(key) {
                skipped.insert(*tree);
            }
        }
        let mut outline_items = Vec::new();
        let outlines = match catalog.get("Outlines") {
            Some(Object::Ref(n)) => Some(*n),
            _ => None,
        };
        if let Some(outlines) = &outlines {
            skipped.insert(*outlines);
            let mut item = pdf.dict(&Object::Ref(*outlines))?.get("First").cloned();
            while let Some(Object::Ref(n)) = item {
                if outline_items.contains(&n) {
                    return Err("an outline that loops".into());
                }
                outline_items.push(n);
                item = pdf.dict(&Object::Ref(n))?.get("Next").cloned();
            }
        }
        Ok(Parts {
            catalog,
            pages,
            skipped,
            page_nodes: nodes,
            struct_ref,
            outlines,
            document,
            struct_root,
            outline_items,
        })
    }
}

/// One file being copied into the booklet, with the new number of each of its objects.
struct Input<'a> {
    pdf: Pdf<'a>,
    map: Vec<Option<u32>>,
    /// What the file's marked-content keys are moved by.
    key_offset: i64,
    /// What the file's structure element ids are prefixed with.
    prefix: String,
    /// Named destinations, which links are made to point to directly.
    names: HashMap<Vec<u8>, Object>,
}

impl<'a> Input<'a> {
    /// Gives every object of `pdf` that is copied a number in `booklet` (its pages those of
    /// the booklet from `first`), and takes its parent-tree entries, role map and ids.
    fn new(
        pdf: Pdf<'a>,
        parts: &Parts,
        booklet: &mut Booklet,
        first: usize,
        prefix: &str,
    ) -> Result<Input<'a>, Error> {
        let mut map = vec![None; pdf.size() as usize];
        for number in pdf.numbers() {
            if !parts.skipped.contains(&number) {
                map[number as usize] = Some(booklet.allocate());
            }
        }
        for (index, &page) in parts.pages.iter().enumerate() {
            map[page as usize] = Some(booklet.pages[first + index]);
        }
        for &node in &parts.page_nodes {
            map[node as usize] = Some(booklet.pages_root);
        }
        map[parts.struct_ref as usize] = Some(booklet.struct_root);
        if let Some(outlines) = parts.outlines {
            map[outlines as usize] = Some(booklet.outlines_root);
        }
        let names = names(&pdf, &parts.catalog)?;
        let input = Input {
            pdf,
            map,
            key_offset: booklet.next_key,
            prefix: prefix.to_string(),
            names,
        };
        input.take_structure(parts, booklet)?;
        Ok(input)
    }

    /// Moves the file's parent tree, role map and id tree into the booklet's.
    fn take_structure(&self, parts: &Parts, booklet: &mut Booklet) -> Result<(), Error> {
        let root = &parts.struct_root;
        if let Some(tree) = root.get("ParentTree") {
            let tree = self.pdf.dict(tree)?;
            if tree.get("Kids").is_some() {
                return Err("a parent tree of several levels".into());
            }
            if let Some(Object::Array(nums)) = tree.get("Nums") {
                for pair in nums.chunks(2) {
                    let [key, value] = pair else { continue };
                    let key = key.as_int().ok_or("a parent-tree key is not a number")?;
                    let value = self.renumber(value)?;
                    booklet.parent_tree.push((key + self.key_offset, value));
                }
            }
        }
        let next = root.get("ParentTreeNextKey").and_then(Object::as_int);
        booklet.next_key += next.unwrap_or(0);
        if let Some(roles) = root.get("RoleMap") {
            for (role, standard) in self.pdf.dict(roles)?.0 {
                if !booklet.role_map.0.iter().any(|(r, _)| *r == role) {
                    booklet.role_map.0.push((role, standard));
                }
            }
        }
        if let Some(ids) = root.get("IDTree") {
            let ids = self.pdf.dict(ids)?;
            if ids.get("Kids").is_some() {
                return Err("an id tree of several levels".into());
            }
            if let Some(Object::Array(names)) = ids.get("Names") {
                for pair in names.chunks(2) {
                    if let [Object::String(id), target] = pair {
                        booklet.id_tree.push(Object::String(self.prefixed(id)));
                        booklet.id_tree.push(self.renumber(target)?);
                    }
                }
            }
        }
        Ok(())
    }

    /// The skeleton's pages past `front` turned into forms, to draw over the worksheet page
    /// of the same index: their object numbers, by page index.
    fn stamps(
        &self,
        parts: &Parts,
        front: usize,
        booklet: &mut Booklet,
    ) -> Result<HashMap<usize, u32>, Error> {
        let mut stamps = HashMap::new();
        for (index, &page) in parts.pages.iter().enumerate().skip(front) {
            let page = self.pdf.dict(&Object::Ref(page))?;
            let Some(Object::Ref(contents)) = page.get("Contents") else {
                return Err("a skeleton page without one content stream".into());
            };
            let content = self.pdf.get(*contents)?;
            let stream = content.stream.ok_or("a page's content is not a stream")?;
            let mut form = dict([
                ("Type", Object::name("XObject")),
                ("Subtype", Object::name("Form")),
            ]);
            for (key, from) in [("BBox", &page), ("Resources", &page)] {
                let value = from.get(key).or_else(|| from.get("MediaBox"));
                form.set(key, self.renumber(value.ok_or("a page without size")?)?);
            }
            for key in ["Filter", "DecodeParms"] {
                if let Some(value) = content.object.as_dict().and_then(|d| d.get(key)) {
                    form.set(key, value.clone());
                }
            }
            let number = booklet.allocate();
            booklet
                .writer
                .write(number, &Object::Dict(form), Some(stream));
            stamps.insert(index, number);
        }
        Ok(stamps)
    }

    /// Copies the skeleton: the pages for which `kept` holds, and every other object but the
    /// document element, which is returned to receive the worksheets.
    fn copy(
        &self,
        parts: &Parts,
        booklet: &mut Booklet,
        kept: impl Fn(usize) -> bool,
    ) -> Result<(u32, Dict), Error> {
        for (index, &page) in parts.pages.iter().enumerate() {
            if kept(index) {
                let page = self.page(page, booklet, None)?;
                booklet
                    .writer
                    .write(booklet.pages[index], &Object::Dict(page), None);
            }
        }
        let page_contents: HashSet<u32> = parts
            .pages
            .iter()
            .enumerate()
            .filter(|(index, _)| !kept(*index))
            .filter_map(|(_, &page)| match self.pdf.dict(&Object::Ref(page)) {
                Ok(dict) => match dict.get("Contents") {
                    Some(Object::Ref(n)) => Some(*n),
                    _ => None,
                },
                Err(_) => None,
            })
            .collect();
        self.copy_objects(parts, booklet, |n| page_contents.contains(&n))?;
        let document = self.renumber_dict(&self.pdf.dict(&Object::Ref(parts.document))?)?;
        Ok((self.new_number(parts.document)?, document))
    }

    /// Copies a worksheet whose first page is the booklet's page `first`.
    fn copy_sheet(
        &self,
        parts: &Parts,
        booklet: &mut Booklet,
        first: usize,
        stamps: &HashMap<usize, u32>,
        document: u32,
    ) -> Result<(), Error> {
        for (offset, &page) in parts.pages.iter().enumerate() {
            let index = first + offset;
            let stamp = *stamps
                .get(&index)
                .ok_or("a worksheet page without number")?;
            let page = self.page(page, booklet, Some(stamp))?;
            booklet
                .writer
                .write(booklet.pages[index], &Object::Dict(page), None);
        }
        self.copy_objects(parts, booklet, |_| false)?;
        let mut article = self.renumber_dict(&self.pdf.dict(&Object::Ref(parts.document))?)?;
        article.set("S", Object::name("Art"));
        article.set("P", Object::Ref(document));
        if let (None, Some(lang)) = (article.get("Lang"), parts.catalog.get("Lang")) {
            article.set("Lang", lang.clone());
        }
        let number = self.new_number(parts.document)?;
        booklet.writer.write(number, &Object::Dict(article), None);
        booklet.articles.push(Object::Ref(number));
        Ok(())
    }

    /// Copies every object given a number, but the document element; outline items at the
    /// top level are held for the booklet's outline.
    fn copy_objects(
        &self,
        parts: &Parts,
        booklet: &mut Booklet,
        left_out: impl Fn(u32) -> bool,
    ) -> Result<(), Error> {
        for number in self.pdf.numbers() {
            let Some(new) = self.map[number as usize] else {
                continue;
            };
            let replaced = parts.skipped.contains(&number) || parts.pages.contains(&number);
            if replaced || number == parts.document || left_out(number) {
                continue;
            }
            let object = self.pdf.get(number)?;
            let renumbered = self.renumber(&object.object)?;
            if parts.outline_items.contains(&number)
                && let Object::Dict(item) = renumbered
            {
                booklet.outline_items.push((new, item));
                continue;
            }
            booklet.writer.write(new, &renumbered, object.stream);
        }
        Ok(())
    }

    /// A page of the file, renumbered, in the booklet's page tree; a worksheet page draws
    /// the form `stamp` (its number in the booklet) over itself.
    fn page(&self, page: u32, booklet: &Booklet, stamp: Option<u32>) -> Result<Dict, Error> {
        let old = self.pdf.dict(&Object::Ref(page))?;
        let mut page = self.renumber_dict(&old)?;
        page.set("Parent", Object::Ref(booklet.pages_root));
        let Some(stamp) = stamp else {
            return Ok(page);
        };
        let mut resources = self.inline(old.get("Resources"))?;
        let forms = self.inline(resources.get("XObject"))?;
        resources.set("XObject", Object::Dict(forms));
        let mut resources = self.renumber_dict(&resources)?;
        if let Some(Object::Dict(forms)) = resources.get_mut("XObject") {
            forms.set(STAMP, Object::Ref(stamp));
        }
        page.set("Resources", Object::Dict(resources));
        let mut contents = vec![Object::Ref(booklet.before)];
        match page.get("Contents") {
            Some(Object::Array(streams)) => contents.extend(streams.iter().cloned()),
            Some(stream) => contents.push(stream.clone()),
            None => {}
        }
        contents.push(Object::Ref(booklet.after));
        page.set("Contents", Object::Array(contents));
        Ok(page)
    }

    /// The dictionary `value` is or refers to, in the file's numbering (empty when absent).
    fn inline(&self, value: Option<&Object>) -> Result<Dict, Error> {
        value.map_or_else(|| Ok(Dict::default()), |value| self.pdf.dict(value))
    }

    fn new_number(&self, old: u32) -> Result<u32, Error> {
        self.map
            .get(old as usize)
            .copied()
            .flatten()
            .ok_or_else(|| format!("object {old} is referred to but not copied"))
    }

    /// `object` with its references renumbered, its marked-content keys moved, its ids
    /// prefixed, and named destinations replaced by where they point.
    fn renumber(&self, object: &Object) -> Result<Object, Error> {
        Ok(match object {
            Object::Ref(n) => Object::Ref(self.new_number(*n)?),
            Object::Array(items) => Object::Array(
                items
                    .iter()
                    .map(|item| self.renumber(item))
                    .collect::<Result<_, _>>()?,
            ),
            Object::Dict(dict) => Object::Dict(self.renumber_dict(dict)?),
            other => other.clone(),
        })
    }

    fn renumber_dict(&self, dict: &Dict) -> Result<Dict, Error> {
        let mut out = Dict::default();
        for (key, value) in &dict.0 {
            let value = match (key.as_slice(), value) {
                (b"StructParents" | b"StructParent", number) => {
                    let key = number
                        .as_int()
                        .ok_or("a marked-content key is not a number")?;
                    Object::int(key + self.key_offset)
                }
                (b"Dest" | b"D", Object::String(name)) => match self.names.get(name) {
                    Some(target) => self.renumber(target)?,
                    None => value.clone(),
                },
                (b"ID", Object::String(id)) => Object::String(self.prefixed(id)),
                (b"Headers", Object::Array(ids)) => Object::Array(
                    ids.iter()
                        .map(|id| match id {
                            Object::String(id) => Object::String(self.prefixed(id)),
                            other => other.clone(),
                        })
                        .collect(),
                ),
                _ => self.renumber(value)?,
            };
            out.0.push((key.clone(), value));
        }
        Ok(out)
    }

    /// A string, as written, with the file's prefix before its text.
    fn prefixed(&self, raw: &[u8]) -> Vec<u8> {
        let (open, rest) = raw.split_at(1.min(raw.len()));
        let prefix: Vec<u8> = if open == b"<" {
            self.prefix
                .bytes()
                .flat_map(|b| format!("{b:02X}").into_bytes())
                .collect()
        } else {
            self.prefix.bytes().collect()
        };
        [open, &prefix, rest].concat()
    }
}

/// The named destinations of a file (`/Dests` of its name dictionary, one level).
fn names(pdf: &Pdf, catalog: &Dict) -> Result<HashMap<Vec<u8>, Object>, Error> {
    let Some(names) = catalog.get("Names") else {
        return Ok(HashMap::new());
    };
    let Some(dests) = pdf.dict(names)?.get("Dests").cloned() else {
        return Ok(HashMap::new());
    };
    let dests = pdf.dict(&dests)?;
    if dests.get("Kids").is_some() {
        return Err("a name tree of several levels".into());
    }
    let Some(Object::Array(pairs)) = dests.get("Names") else {
        return Ok(HashMap::new());
    };
    Ok(pairs
        .chunks(2)
        .filter_map(|pair| match pair {
            [Object::String(name), target] => Some((name.clone(), target.clone())),
            _ => None,
        })
        .collect())
}
