//! PDF objects as a small tree, and a writer that puts them in a file under the numbers
//! given. Numbers, strings and names keep the bytes they were read with, so that copying an
//! object changes nothing in it.

use std::collections::BTreeMap;

/// A PDF object. Numbers, strings and names keep the bytes they were written with, so that
/// copying an object changes nothing in it.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Object {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// An integer or a real, as written.
    Number(Vec<u8>),
    /// A name, without its slash, as written.
    Name(Vec<u8>),
    /// A literal or hexadecimal string, delimiters included.
    String(Vec<u8>),
    /// `[...]`.
    Array(Vec<Object>),
    /// `<<...>>`.
    Dict(Dict),
    /// `N 0 R`: a reference to object N.
    Ref(u32),
}

/// A dictionary, its keys in the order they were written.
#[derive(Debug, Clone, Default, PartialEq)]
pub(super) struct Dict(pub Vec<(Vec<u8>, Object)>);

impl Dict {
    /// The value of `key`.
    pub(super) fn get(&self, key: &str) -> Option<&Object> {
        self.0
            .iter()
            .find(|(k, _)| k == key.as_bytes())
            .map(|(_, v)| v)
    }

    /// The value of `key`, to change it.
    pub(super) fn get_mut(&mut self, key: &str) -> Option<&mut Object> {
        self.0
            .iter_mut()
            .find(|(k, _)| k == key.as_bytes())
            .map(|(_, v)| v)
    }

    /// Sets `key`, in place when it is there, at the end otherwise.
    pub(super) fn set(&mut self, key: &str, value: Object) {
        match self.0.iter_mut().find(|(k, _)| k == key.as_bytes()) {
            Some((_, v)) => *v = value,
            None => self.0.push((key.as_bytes().to_vec(), value)),
        }
    }

    /// Whether `/Type` is `name`.
    pub(super) fn is_type(&self, name: &str) -> bool {
        self.get("Type") == Some(&Object::name(name))
    }
}

impl Object {
    /// A name object.
    pub(super) fn name(name: &str) -> Object {
        Object::Name(name.as_bytes().to_vec())
    }

    /// An integer object.
    pub(super) fn int(value: i64) -> Object {
        Object::Number(value.to_string().into_bytes())
    }

    /// The integer this object is, if it is one.
    pub(super) fn as_int(&self) -> Option<i64> {
        match self {
            Object::Number(raw) => std::str::from_utf8(raw).ok()?.parse().ok(),
            _ => None,
        }
    }

    /// The dictionary this object is, if it is one.
    pub(super) fn as_dict(&self) -> Option<&Dict> {
        match self {
            Object::Dict(dict) => Some(dict),
            _ => None,
        }
    }

    /// Writes the object as PDF syntax.
    pub(super) fn write(&self, out: &mut Vec<u8>) {
        match self {
            Object::Null => out.extend_from_slice(b"null"),
            Object::Bool(b) => out.extend_from_slice(if *b { b"true" } else { b"false" }),
            Object::Number(raw) | Object::String(raw) => out.extend_from_slice(raw),
            Object::Name(name) => {
                out.push(b'/');
                out.extend_from_slice(name);
            }
            Object::Array(items) => {
                out.push(b'[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(b' ');
                    }
                    item.write(out);
                }
                out.push(b']');
            }
            Object::Dict(dict) => dict.write(out),
            Object::Ref(n) => out.extend_from_slice(format!("{n} 0 R").as_bytes()),
        }
    }
}

impl Dict {
    /// Writes the dictionary as PDF syntax.
    pub(super) fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(b"<<");
        for (key, value) in &self.0 {
            out.push(b'/');
            out.extend_from_slice(key);
            out.push(b' ');
            value.write(out);
        }
        out.extend_from_slice(b">>");
    }
}

/// Writes a PDF file object by object, then its cross-reference table.
pub(super) struct Writer {
    out: Vec<u8>,
    offsets: BTreeMap<u32, usize>,
}

impl Default for Writer {
    fn default() -> Self {
        Writer::new()
    }
}

impl Writer {
    /// A file with its header written.
    pub(super) fn new() -> Writer {
        Writer {
            out: b"%PDF-1.7\n%\x80\x80\x80\x80\n\n".to_vec(),
            offsets: BTreeMap::new(),
        }
    }

    /// Writes object `number`; a stream's `/Length` is set from its data.
    pub(super) fn write(&mut self, number: u32, object: &Object, stream: Option<&[u8]>) {
        self.offsets.insert(number, self.out.len());
        self.out
            .extend_from_slice(format!("{number} 0 obj\n").as_bytes());
        match (object, stream) {
            (Object::Dict(dict), Some(data)) => {
                let mut dict = dict.clone();
                dict.set("Length", Object::int(data.len() as i64));
                dict.write(&mut self.out);
                self.out.extend_from_slice(b"\nstream\n");
                self.out.extend_from_slice(data);
                self.out.extend_from_slice(b"\nendstream");
            }
            _ => object.write(&mut self.out),
        }
        self.out.extend_from_slice(b"\nendobj\n\n");
    }

    /// Writes the cross-reference table and the trailer, and gives the file.
    pub(super) fn finish(mut self, trailer: Dict) -> Vec<u8> {
        let size = self.offsets.keys().next_back().map_or(1, |n| n + 1);
        let start = self.out.len();
        self.out
            .extend_from_slice(format!("xref\n0 {size}\n").as_bytes());
        for number in 0..size {
            let entry = match self.offsets.get(&number) {
                Some(offset) => format!("{offset:010} 00000 n\r\n"),
                None => "0000000000 65535 f\r\n".to_string(),
            };
            self.out.extend_from_slice(entry.as_bytes());
        }
        let mut trailer = trailer;
        trailer.set("Size", Object::int(i64::from(size)));
        self.out.extend_from_slice(b"trailer\n");
        trailer.write(&mut self.out);
        self.out
            .extend_from_slice(format!("\nstartxref\n{start}\n%%EOF").as_bytes());
        self.out
    }
}
