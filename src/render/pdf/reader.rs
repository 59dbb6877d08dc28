//! Reading the PDFs that Typst writes (a classic cross-reference table, no object streams, no
//! encryption), object by object. Anything else is refused with an error, never a panic.

#[cfg(test)]
use super::objects::Writer;
use super::objects::{Dict, Object};

/// An object read from a file, with the data of its stream if it is one.
#[derive(Debug, Clone)]
pub(super) struct Indirect<'a> {
    /// The object (the stream's dictionary for a stream).
    pub object: Object,
    /// The stream's bytes, as stored (still compressed).
    pub stream: Option<&'a [u8]>,
}

/// A PDF file, its objects read on demand.
pub(super) struct Pdf<'a> {
    bytes: &'a [u8],
    /// Where each object starts, by number (`None` for free numbers).
    offsets: Vec<Option<usize>>,
    /// The trailer dictionary.
    pub trailer: Dict,
}

/// Why a PDF could not be read.
pub(super) type Error = String;

impl<'a> Pdf<'a> {
    /// Reads the cross-reference table and trailer of `bytes`.
    pub(super) fn parse(bytes: &'a [u8]) -> Result<Pdf<'a>, Error> {
        let tail = &bytes[bytes.len().saturating_sub(64)..];
        let at = find(tail, b"startxref").ok_or("no startxref")?;
        let mut lexer = Lexer::at(bytes, bytes.len() - tail.len() + at + b"startxref".len());
        let xref = lexer.integer().ok_or("no cross-reference offset")?;
        let mut lexer = Lexer::at(bytes, usize::try_from(xref).map_err(|_| "bad offset")?);
        if !lexer.keyword(b"xref") {
            return Err("not a classic cross-reference table".into());
        }
        let mut offsets: Vec<Option<usize>> = Vec::new();
        while let Some(first) = lexer.integer() {
            let count = lexer.integer().ok_or("bad cross-reference section")?;
            for number in first..first + count {
                let offset = lexer.integer().ok_or("bad cross-reference entry")?;
                lexer.integer().ok_or("bad cross-reference entry")?;
                let used = lexer.keyword(b"n") || !lexer.keyword(b"f");
                let number = usize::try_from(number)
                    .ok()
                    .filter(|&n| n < bytes.len())
                    .ok_or("bad object number")?;
                if offsets.len() <= number {
                    offsets.resize(number + 1, None);
                }
                offsets[number] = (used && number > 0).then_some(offset as usize);
            }
        }
        if !lexer.keyword(b"trailer") {
            return Err("no trailer".into());
        }
        let trailer = match lexer.object()? {
            Object::Dict(dict) if dict.get("Prev").is_none() => dict,
            _ => return Err("an unsupported trailer".into()),
        };
        Ok(Pdf {
            bytes,
            offsets,
            trailer,
        })
    }

    /// One past the highest object number.
    pub(super) fn size(&self) -> u32 {
        self.offsets.len() as u32
    }

    /// The numbers of the objects the file holds.
    pub(super) fn numbers(&self) -> impl Iterator<Item = u32> + '_ {
        (0..self.size()).filter(|&n| self.offsets[n as usize].is_some())
    }

    /// Object `number`.
    pub(super) fn get(&self, number: u32) -> Result<Indirect<'a>, Error> {
        let offset = self
            .offsets
            .get(number as usize)
            .copied()
            .flatten()
            .ok_or_else(|| format!("no object {number}"))?;
        let mut lexer = Lexer::at(self.bytes, offset);
        let (n, _) = (lexer.integer(), lexer.integer());
        if n != Some(i64::from(number)) || !lexer.keyword(b"obj") {
            return Err(format!("object {number} is not where the table says"));
        }
        let object = lexer.object()?;
        if !lexer.keyword(b"stream") {
            return Ok(Indirect {
                object,
                stream: None,
            });
        }
        lexer.end_of_line();
        let length = match object.as_dict().and_then(|d| d.get("Length")) {
            Some(Object::Ref(n)) => self.get(*n)?.object.as_int(),
            Some(other) => other.as_int(),
            None => None,
        }
        .and_then(|l| usize::try_from(l).ok())
        .ok_or_else(|| format!("object {number} has a stream without length"))?;
        let stream = self
            .bytes
            .get(lexer.pos..lexer.pos.saturating_add(length))
            .ok_or_else(|| format!("object {number} has a stream past the end"))?;
        Ok(Indirect {
            object,
            stream: Some(stream),
        })
    }

    /// The dictionary `object` is or refers to.
    pub(super) fn dict(&self, object: &Object) -> Result<Dict, Error> {
        match object {
            Object::Dict(dict) => Ok(dict.clone()),
            Object::Ref(n) => match self.get(*n)?.object {
                Object::Dict(dict) => Ok(dict),
                _ => Err(format!("object {n} is not a dictionary")),
            },
            _ => Err("a dictionary was expected".into()),
        }
    }

    /// The document catalog.
    pub(super) fn catalog(&self) -> Result<Dict, Error> {
        self.dict(self.trailer.get("Root").ok_or("no catalog")?)
    }

    /// The page objects in order, and the page-tree nodes above them.
    pub(super) fn pages(&self) -> Result<(Vec<u32>, Vec<u32>), Error> {
        let root = match self.catalog()?.get("Pages") {
            Some(Object::Ref(n)) => *n,
            _ => return Err("no page tree".into()),
        };
        let (mut pages, mut nodes) = (Vec::new(), Vec::new());
        self.collect_pages(root, &mut pages, &mut nodes, 0)?;
        Ok((pages, nodes))
    }

    fn collect_pages(
        &self,
        node: u32,
        pages: &mut Vec<u32>,
        nodes: &mut Vec<u32>,
        depth: usize,
    ) -> Result<(), Error> {
        let dict = self.dict(&Object::Ref(node))?;
        if dict.is_type("Page") {
            pages.push(node);
            return Ok(());
        }
        if depth > 32 {
            return Err("a page tree too deep".into());
        }
        nodes.push(node);
        let Some(Object::Array(kids)) = dict.get("Kids") else {
            return Err("a page-tree node without kids".into());
        };
        for kid in kids {
            match kid {
                Object::Ref(n) => self.collect_pages(*n, pages, nodes, depth + 1)?,
                _ => return Err("a page-tree kid that is not a reference".into()),
            }
        }
        Ok(())
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\r' | b'\t' | b'\x0c' | b'\0')
}

fn is_delimiter(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

/// Reads PDF syntax from a position.
struct Lexer<'a> {
    bytes: &'a [u8],
    pos: usize,
}

/// How deep arrays and dictionaries may nest.
const MAX_DEPTH: usize = 64;

impl<'a> Lexer<'a> {
    fn at(bytes: &'a [u8], pos: usize) -> Lexer<'a> {
        Lexer {
            bytes,
            pos: pos.min(bytes.len()),
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_space(&mut self) {
        while let Some(b) = self.peek() {
            if is_space(b) {
                self.pos += 1;
            } else if b == b'%' {
                while self.peek().is_some_and(|b| b != b'\n' && b != b'\r') {
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    /// The end of line after `stream`.
    fn end_of_line(&mut self) {
        if self.peek() == Some(b'\r') {
            self.pos += 1;
        }
        if self.peek() == Some(b'\n') {
            self.pos += 1;
        }
    }

    /// A regular token (keyword, number, or name without its slash).
    fn token(&mut self) -> &'a [u8] {
        let start = self.pos;
        while self
            .peek()
            .is_some_and(|b| !is_space(b) && !is_delimiter(b))
        {
            self.pos += 1;
        }
        &self.bytes[start..self.pos]
    }

    /// Consumes `word` if it comes next.
    fn keyword(&mut self, word: &[u8]) -> bool {
        self.skip_space();
        let start = self.pos;
        if self.token() == word {
            return true;
        }
        self.pos = start;
        false
    }

    /// An integer, if one comes next.
    fn integer(&mut self) -> Option<i64> {
        self.skip_space();
        let start = self.pos;
        let value = std::str::from_utf8(self.token()).ok()?.parse().ok();
        if value.is_none() {
            self.pos = start;
        }
        value
    }

    fn object(&mut self) -> Result<Object, Error> {
        self.object_at(0)
    }

    fn object_at(&mut self, depth: usize) -> Result<Object, Error> {
        if depth > MAX_DEPTH {
            return Err("objects nested too deep".into());
        }
        self.skip_space();
        let start = self.pos;
        match self.peek().ok_or("unexpected end of file")? {
            b'<' if self.bytes.get(self.pos + 1) == Some(&b'<') => self.dict(depth),
            b'<' => self.hex_string(),
            b'(' => self.literal_string(),
            b'[' => {
                self.pos += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_space();
                    if self.peek() == Some(b']') {
                        self.pos += 1;
                        return Ok(Object::Array(items));
                    }
                    items.push(self.object_at(depth + 1)?);
                }
            }
            b'/' => {
                self.pos += 1;
                Ok(Object::Name(self.token().to_vec()))
            }
            _ => {
                let token = self.token();
                match token {
                    b"true" => Ok(Object::Bool(true)),
                    b"false" => Ok(Object::Bool(false)),
                    b"null" => Ok(Object::Null),
                    _ if is_number(token) => Ok(self
                        .reference(token)
                        .unwrap_or_else(|| Object::Number(token.to_vec()))),
                    _ => Err(format!("unexpected syntax at byte {start}")),
                }
            }
        }
    }

    /// `N 0 R` when `first` (already read) starts one.
    fn reference(&mut self, first: &[u8]) -> Option<Object> {
        let number: u32 = std::str::from_utf8(first).ok()?.parse().ok()?;
        let start = self.pos;
        let found = self.integer().is_some() && self.keyword(b"R");
        if !found {
            self.pos = start;
        }
        found.then_some(Object::Ref(number))
    }

    fn dict(&mut self, depth: usize) -> Result<Object, Error> {
        self.pos += 2;
        let mut dict = Dict::default();
        loop {
            self.skip_space();
            match self.peek() {
                Some(b'>') if self.bytes.get(self.pos + 1) == Some(&b'>') => {
                    self.pos += 2;
                    return Ok(Object::Dict(dict));
                }
                Some(b'/') => {
                    self.pos += 1;
                    let key = self.token().to_vec();
                    let value = self.object_at(depth + 1)?;
                    dict.0.push((key, value));
                }
                _ => {
                    return Err(format!(
                        "a dictionary key was expected at byte {}",
                        self.pos
                    ));
                }
            }
        }
    }

    fn hex_string(&mut self) -> Result<Object, Error> {
        let start = self.pos;
        let end = self.bytes[start..]
            .iter()
            .position(|&b| b == b'>')
            .ok_or("an unterminated string")?;
        self.pos = start + end + 1;
        Ok(Object::String(self.bytes[start..self.pos].to_vec()))
    }

    fn literal_string(&mut self) -> Result<Object, Error> {
        let start = self.pos;
        let mut depth = 0usize;
        while let Some(b) = self.peek() {
            self.pos += 1;
            match b {
                b'\\' => self.pos = (self.pos + 1).min(self.bytes.len()),
                b'(' => depth += 1,
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        return Ok(Object::String(self.bytes[start..self.pos].to_vec()));
                    }
                }
                _ => {}
            }
        }
        Err("an unterminated string".into())
    }
}

fn is_number(token: &[u8]) -> bool {
    !token.is_empty()
        && token
            .iter()
            .all(|b| b.is_ascii_digit() || matches!(b, b'+' | b'-' | b'.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Object {
        Lexer::at(text.as_bytes(), 0).object().unwrap()
    }

    fn written(object: &Object) -> String {
        let mut out = Vec::new();
        object.write(&mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn objects_are_read_and_written_back_as_they_were() {
        let text = "<</Type/Page/Kids[1 0 R 2 0 R]/T(a (nested) \\) string)/H<4142>/N -1.5/B true/Z null>>";
        let object = parse(text);
        let dict = object.as_dict().unwrap();
        assert!(dict.is_type("Page"));
        assert_eq!(
            dict.get("Kids"),
            Some(&Object::Array(vec![Object::Ref(1), Object::Ref(2)]))
        );
        assert_eq!(
            dict.get("T"),
            Some(&Object::String(b"(a (nested) \\) string)".to_vec()))
        );
        assert_eq!(parse(&written(&object)), object);
    }

    #[test]
    fn numbers_are_not_mistaken_for_references() {
        assert_eq!(
            parse("[0 1 0 R 3]"),
            Object::Array(vec![Object::int(0), Object::Ref(1), Object::int(3)])
        );
    }

    #[test]
    fn a_written_file_reads_back() {
        let mut writer = Writer::new();
        let catalog = Object::Dict(Dict(vec![
            (b"Type".to_vec(), Object::name("Catalog")),
            (b"Pages".to_vec(), Object::Ref(2)),
        ]));
        writer.write(1, &catalog, None);
        let pages = "<</Type/Pages/Kids[3 0 R]/Count 1>>";
        writer.write(2, &parse(pages), None);
        writer.write(3, &parse("<</Type/Page/Parent 2 0 R>>"), None);
        writer.write(4, &parse("<</Filter/FlateDecode>>"), Some(b"data"));
        let bytes = writer.finish(Dict(vec![(b"Root".to_vec(), Object::Ref(1))]));
        let pdf = Pdf::parse(&bytes).unwrap();
        assert_eq!(pdf.pages().unwrap(), (vec![3], vec![2]));
        assert_eq!(pdf.get(4).unwrap().stream, Some(&b"data"[..]));
        assert!(pdf.get(5).is_err());
    }

    #[test]
    fn broken_files_are_errors() {
        for bytes in [&b""[..], b"%PDF-1.7\nstartxref\n999\n%%EOF", b"startxref 0"] {
            assert!(Pdf::parse(bytes).is_err());
        }
        assert!(Lexer::at(b"<</A (open", 0).object().is_err());
        assert!(Lexer::at(&[b'['; 200], 0).object().is_err());
        assert!(Lexer::at(b"(a\\", 0).object().is_err());
    }

    proptest::proptest! {
        #[test]
        fn no_input_makes_the_reader_panic(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..300), cut in 0usize..300) {
            let mut file = Writer::new();
            file.write(1, &parse("<</Type/Catalog/Pages 2 0 R>>"), None);
            file.write(2, &parse("<</Type/Pages/Kids[3 0 R]/Count 1>>"), None);
            file.write(3, &parse("<</Type/Page/Parent 2 0 R>>"), None);
            let mut file = file.finish(Dict(vec![(b"Root".to_vec(), Object::Ref(1))]));
            let at = cut.min(file.len());
            file.splice(at..at, bytes.iter().copied());
            for input in [&bytes[..], &file[..]] {
                if let Ok(pdf) = Pdf::parse(input) {
                    let _ = pdf.pages();
                    for number in 0..pdf.size() + 1 {
                        let _ = pdf.get(number);
                    }
                }
                let _ = Lexer::at(input, 0).object();
            }
        }
    }
}
