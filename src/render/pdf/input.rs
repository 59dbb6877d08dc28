//! One file copied into a booklet: the parts of it the booklet replaces by its own, and its
//! objects renumbered into the booklet's, with their marked-content keys, element ids and
//! named destinations made to fit beside those of the other files.

use std::collections::{HashMap, HashSet};

use super::numbers::{Numbers, PIECES, Piece};
use super::objects::{Dict, Object};
use super::output::{Booklet, dict};
use super::reader::{Error, Pdf};

/// The parts of a tagged PDF that the booklet replaces by its own.
pub(super) struct Parts {
    pub catalog: Dict,
    pub pages: Vec<u32>,
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
    /// The parts of `pdf`.
    pub(super) fn of(pdf: &Pdf) -> Result<Parts, Error> {
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
pub(super) struct Input<'a> {
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
    pub(super) fn new(
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
            map[page as usize] = booklet.pages.get(first + index).copied();
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

    /// The pieces of the page numbers, the skeleton's pages past `total` (see
    /// [`super::numbers`]), written as forms.
    pub(super) fn numbers(
        &self,
        parts: &Parts,
        total: usize,
        booklet: &mut Booklet,
    ) -> Result<Numbers, Error> {
        let mut pieces = Vec::with_capacity(PIECES);
        for &page in parts.pages.iter().skip(total) {
            let page = self.pdf.dict(&Object::Ref(page))?;
            let Some(Object::Ref(contents)) = page.get("Contents") else {
                return Err("a page of the skeleton without one content stream".into());
            };
            let content = self.pdf.get(*contents)?;
            let stream = content.stream.ok_or("a page's content is not a stream")?;
            let media_box = page.get("MediaBox").ok_or("a page without size")?;
            let mut form = dict([
                ("Type", Object::name("XObject")),
                ("Subtype", Object::name("Form")),
                ("BBox", self.renumber(media_box)?),
            ]);
            if let Some(resources) = page.get("Resources") {
                form.set("Resources", self.renumber(resources)?);
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
            pieces.push(Piece::new(number, Some(media_box)).ok_or("a page without size")?);
        }
        match pieces.as_slice() {
            [label, digits @ ..] if digits.len() == 10 => Ok(Numbers {
                label: *label,
                digits: std::array::from_fn(|d| digits[d]),
            }),
            _ => Err("the skeleton does not end with the pieces of the page numbers".into()),
        }
    }

    /// Copies the skeleton: its first `front` pages (cover and contents), each but the
    /// cover numbered, and every other object but the content of its other pages and the
    /// document element, which is returned to receive the worksheets.
    pub(super) fn copy(
        &self,
        parts: &Parts,
        booklet: &mut Booklet,
        front: usize,
        numbers: &Numbers,
    ) -> Result<(u32, Dict), Error> {
        for (index, &page) in parts.pages.iter().enumerate().take(front) {
            let number = (index > 0).then_some((index + 1, numbers));
            let page = self.page(page, booklet, number)?;
            booklet
                .writer
                .write(booklet.pages[index], &Object::Dict(page), None);
        }
        let mut left_out = HashSet::new();
        for &page in parts.pages.iter().skip(front) {
            if let Some(Object::Ref(n)) = self.pdf.dict(&Object::Ref(page))?.get("Contents") {
                left_out.insert(*n);
            }
        }
        self.copy_objects(parts, booklet, |n| left_out.contains(&n))?;
        let document = self.renumber_dict(&self.pdf.dict(&Object::Ref(parts.document))?)?;
        Ok((self.new_number(parts.document)?, document))
    }

    /// Copies a worksheet whose first page is the booklet's page `first`.
    pub(super) fn copy_sheet(
        &self,
        parts: &Parts,
        booklet: &mut Booklet,
        first: usize,
        numbers: &Numbers,
        document: u32,
    ) -> Result<(), Error> {
        for (offset, &page) in parts.pages.iter().enumerate() {
            let index = first + offset;
            let page = self.page(page, booklet, Some((index + 1, numbers)))?;
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

    /// A page of the file, renumbered, in the booklet's page tree, with its `number` drawn
    /// at its top right when given.
    fn page(
        &self,
        page: u32,
        booklet: &mut Booklet,
        number: Option<(usize, &Numbers)>,
    ) -> Result<Dict, Error> {
        let old = self.pdf.dict(&Object::Ref(page))?;
        let mut page = self.renumber_dict(&old)?;
        page.set("Parent", Object::Ref(booklet.pages_root));
        let Some((number, numbers)) = number else {
            return Ok(page);
        };
        let mut resources = self.inline(old.get("Resources"))?;
        let forms = self.inline(resources.get("XObject"))?;
        resources.set("XObject", Object::Dict(forms));
        let mut resources = self.renumber_dict(&resources)?;
        if let Some(Object::Dict(forms)) = resources.get_mut("XObject") {
            forms.0.extend(numbers.resources(number).0);
        }
        page.set("Resources", Object::Dict(resources));
        let size = Piece::new(0, page.get("MediaBox")).ok_or("a page without size")?;
        let mut after = b"Q\n".to_vec();
        after.extend(numbers.stream(number, size.width, size.height));
        let after_ref = booklet.allocate();
        booklet
            .writer
            .write(after_ref, &Object::Dict(Dict::default()), Some(&after));
        let mut contents = vec![Object::Ref(booklet.before)];
        match page.get("Contents") {
            Some(Object::Array(streams)) => contents.extend(streams.iter().cloned()),
            Some(stream) => contents.push(stream.clone()),
            None => {}
        }
        contents.push(Object::Ref(after_ref));
        page.set("Contents", Object::Array(contents));
        Ok(page)
    }

    /// The dictionary `value` is or refers to, in the file's numbering (empty when absent).
    fn inline(&self, value: Option<&Object>) -> Result<Dict, Error> {
        value.map_or_else(|| Ok(Dict::default()), |value| self.pdf.dict(value))
    }

    /// The trailer entry `key` of the file, renumbered.
    pub(super) fn trailer(&self, key: &str) -> Option<Object> {
        self.renumber(self.pdf.trailer.get(key)?).ok()
    }

    /// The booklet's number of object `old` of the file.
    pub(super) fn new_number(&self, old: u32) -> Result<u32, Error> {
        self.map
            .get(old as usize)
            .copied()
            .flatten()
            .ok_or_else(|| format!("object {old} is referred to but not copied"))
    }

    /// `object` with its references renumbered, its marked-content keys moved, its ids
    /// prefixed, and named destinations replaced by where they point.
    pub(super) fn renumber(&self, object: &Object) -> Result<Object, Error> {
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

    /// `dict` renumbered as by [`Input::renumber`].
    pub(super) fn renumber_dict(&self, dict: &Dict) -> Result<Dict, Error> {
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
