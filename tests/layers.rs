//! The code is cut into layers, and imports go one way: a module may use its own layer and
//! the layers below it, never one above. Renderers do not use each other, and no file is
//! part of an import cycle. This test reads every `crate::`, `super::` and `self::` path of
//! `src/` (in `use` declarations and inline) and checks those three rules.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The layers, from the bottom up: a module path prefix and its layer's number.
const LAYERS: [(&str, usize); 8] = [
    ("base", 0),
    ("sources", 1),
    ("markdown", 2),
    ("model", 3),
    ("render", 4),
    ("commands", 5),
    ("serve", 5),
    ("", 6),
];

/// The renderers: each reads the model and the shared views, never another renderer.
const RENDERERS: [&str; 6] = [
    "render::html",
    "render::pdf",
    "render::search",
    "render::place_index",
    "render::external",
    "render::coverage",
];

#[test]
fn the_code_imports_downward_only_and_has_no_cycle() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = BTreeMap::new();
    for entry in walk(&root) {
        let inner = entry
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        if inner == "main.rs" {
            continue;
        }
        files.insert(inner, std::fs::read_to_string(&entry).unwrap());
    }
    assert!(files.len() > 20, "the source files were not found");
    let problems = check(&files);
    assert!(
        problems.is_empty(),
        "imports that break the layers:\n{}",
        problems.join("\n")
    );
}

#[test]
fn an_upward_import_is_caught() {
    let files = tree(&[
        ("base/text.rs", "use crate::model::Site;\npub fn f() {}\n"),
        ("model/mod.rs", "pub struct Site;\n"),
    ]);
    let problems = check(&files);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("base/text.rs uses model/mod.rs"));
    assert!(problems[0].contains("a layer above it"));
}

#[test]
fn inline_paths_and_nested_braces_count_too() {
    let files = tree(&[
        (
            "sources/a.rs",
            "use crate::base::{x, y::{Z, self}};\nfn f() { crate::render::go(); }\n",
        ),
        ("base/x.rs", ""),
        ("base/y.rs", ""),
        ("render/mod.rs", "pub fn go() {}\n"),
    ]);
    let problems = check(&files);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("sources/a.rs uses render/mod.rs"));
}

#[test]
fn comments_and_strings_are_not_imports() {
    let files = tree(&[
        (
            "base/a.rs",
            "//! See [`crate::model::Site`].\n/* crate::render */\nconst S: &str = \"crate::serve\";\nconst R: &str = r#\"crate::model\"#;\nfn f<'a>(x: &'a str) -> char { 'c' }\n",
        ),
        ("model/mod.rs", ""),
    ]);
    assert!(check(&files).is_empty());
}

#[test]
fn renderers_do_not_use_each_other() {
    let files = tree(&[
        ("render/html/mod.rs", "use crate::render::pdf::make;\n"),
        ("render/pdf/mod.rs", "use crate::render::views::PageView;\n"),
        ("render/views.rs", ""),
        ("render/mod.rs", "use crate::render::html::x;\n"),
    ]);
    let problems = check(&files);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("render/html/mod.rs uses render/pdf/mod.rs"));
}

#[test]
fn a_parent_calling_its_child_and_the_child_using_the_parent_is_a_cycle() {
    let files = tree(&[
        (
            "sources/places/mod.rs",
            "mod table;\npub struct Place;\nfn load() { table::read(); }\n",
        ),
        (
            "sources/places/table.rs",
            "use super::Place;\npub fn read() {}\n",
        ),
    ]);
    let problems = check(&files);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("import cycle"), "{problems:?}");
}

#[test]
fn cycles_between_files_are_caught_even_in_one_layer() {
    let files = tree(&[
        ("model/mod.rs", "mod a;\nmod b;\npub use a::A;\n"),
        ("model/a.rs", "use super::b::B;\npub struct A;\n"),
        (
            "model/b.rs",
            "use super::A;\npub struct B;\n#[cfg(test)]\nmod tests {\n    use super::*;\n}\n",
        ),
    ]);
    let problems = check(&files);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("import cycle"), "{problems:?}");
    assert!(problems[0].contains("model/a.rs"), "{problems:?}");
}

fn tree(files: &[(&str, &str)]) -> BTreeMap<String, String> {
    files
        .iter()
        .map(|(path, text)| (path.to_string(), text.to_string()))
        .collect()
}

/// Every `.rs` file under `dir`.
fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(walk(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
    found
}

/// The problems of a source tree given as file paths (relative to `src/`) and their texts.
fn check(files: &BTreeMap<String, String>) -> Vec<String> {
    let modules: BTreeMap<String, String> = files
        .keys()
        .map(|file| (module_of(file), file.clone()))
        .collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut problems = Vec::new();
    for (file, text) in files {
        let own = module_of(file);
        let edges = graph.entry(file.clone()).or_default();
        for path in imported_paths(&own, text) {
            let Some(target) = file_of(&modules, &path) else {
                continue;
            };
            if target == *file {
                continue;
            }
            let target_module = module_of(&target);
            if layer(&own) < layer(&target_module) {
                problems.push(format!("{file} uses {target} (`{path}`), a layer above it"));
            } else if let (Some(a), Some(b)) = (renderer(&own), renderer(&target_module))
                && a != b
            {
                problems.push(format!(
                    "{file} uses {target} (`{path}`): renderers do not use each other"
                ));
            }
            edges.insert(target);
        }
    }
    for cycle in cycles(&graph) {
        problems.push(format!("import cycle: {}", cycle.join(" -> ")));
    }
    problems
}

/// The module path of a file: `model/links.rs` is `model::links`, `model/mod.rs` is `model`.
fn module_of(file: &str) -> String {
    let stem = file.trim_end_matches(".rs");
    let stem = stem
        .strip_suffix("/mod")
        .unwrap_or(if stem == "lib" { "" } else { stem });
    stem.replace('/', "::")
}

/// The file of the longest module that starts `path` (`model::links::resolve` is in
/// `model/links.rs`).
fn file_of(modules: &BTreeMap<String, String>, path: &str) -> Option<String> {
    let parts: Vec<&str> = path.split("::").collect();
    (0..=parts.len())
        .rev()
        .find_map(|n| modules.get(&parts[..n].join("::")).cloned())
}

fn layer(module: &str) -> usize {
    LAYERS
        .iter()
        .find(|(prefix, _)| {
            prefix.is_empty() || module == *prefix || module.starts_with(&format!("{prefix}::"))
        })
        .map_or(usize::MAX, |(_, layer)| *layer)
}

fn renderer(module: &str) -> Option<&'static str> {
    RENDERERS
        .into_iter()
        .find(|r| module == *r || module.starts_with(&format!("{r}::")))
}

/// Every path a file names through `crate::`, `super::` or `self::`, made absolute (from the
/// crate's root, without `crate::`), `use` trees expanded.
fn imported_paths(own: &str, text: &str) -> Vec<String> {
    let code = without_comments_and_strings(text);
    let mut found = Vec::new();
    // The module path at each point: the file's, then inline `mod name {` blocks.
    let mut inline: Vec<(String, usize)> = Vec::new();
    let mut depth = 0usize;
    let mut pending_mod: Option<String> = None;
    let tokens = tokenize(&code);
    let children: BTreeSet<&str> = tokens
        .windows(3)
        .filter(|w| w[0] == "mod" && w[2] == ";")
        .map(|w| w[1].as_str())
        .collect();
    let mut i = 0;
    while i < tokens.len() {
        let token = tokens[i].as_str();
        match token {
            "{" => {
                depth += 1;
                if let Some(name) = pending_mod.take() {
                    inline.push((name, depth));
                }
            }
            "}" => {
                if inline.last().is_some_and(|(_, d)| *d == depth) {
                    inline.pop();
                }
                depth = depth.saturating_sub(1);
            }
            ";" => pending_mod = None,
            "mod" => pending_mod = tokens.get(i + 1).cloned(),
            _ => {}
        }
        let here = inline
            .iter()
            .fold(own.to_string(), |m, (name, _)| join(&m, name));
        if token == "use" {
            let end = tokens[i..]
                .iter()
                .position(|t| t == ";")
                .map_or(tokens.len(), |p| i + p);
            let tree = tokens[i + 1..end].join(" ");
            for path in expand(&tree) {
                let first = path.split("::").next().unwrap_or_default();
                let path = if children.contains(first) {
                    format!("self::{path}")
                } else {
                    path
                };
                if let Some(absolute) = absolute(&here, &path) {
                    found.push(absolute);
                }
            }
            i = end;
            continue;
        }
        let child =
            children.contains(token) && tokens.get(i.wrapping_sub(1)).is_none_or(|t| t != "::");
        if (child || matches!(token, "crate" | "super" | "self"))
            && tokens.get(i + 1).is_some_and(|t| t == "::")
        {
            let mut path = if child {
                format!("self::{token}")
            } else {
                token.to_string()
            };
            let mut j = i + 1;
            while tokens.get(j).is_some_and(|t| t == "::")
                && tokens.get(j + 1).is_some_and(|t| is_ident(t))
            {
                path.push_str("::");
                path.push_str(&tokens[j + 1]);
                j += 2;
            }
            if let Some(absolute) = absolute(&here, &path) {
                found.push(absolute);
            }
            i = j;
            continue;
        }
        i += 1;
    }
    found
}

fn join(module: &str, name: &str) -> String {
    if module.is_empty() {
        name.to_string()
    } else {
        format!("{module}::{name}")
    }
}

/// `crate::a::b` is `a::b`; `super::x` and `self::x` are taken from the module `here`;
/// anything else (another crate) is `None`.
fn absolute(here: &str, path: &str) -> Option<String> {
    let mut parts = path.split("::");
    let mut module: Vec<&str> = here.split("::").filter(|p| !p.is_empty()).collect();
    match parts.next()? {
        "crate" => module.clear(),
        "self" => {}
        "super" => {
            module.pop()?;
        }
        _ => return None,
    }
    for part in parts {
        match part {
            "super" => {
                module.pop()?;
            }
            "self" => {}
            "*" => {}
            other => module.push(other),
        }
    }
    Some(module.join("::"))
}

/// The paths of a `use` tree: `crate::a::{b, c::{D, self}}` gives `crate::a::b`,
/// `crate::a::c::D` and `crate::a::c::self`.
fn expand(tree: &str) -> Vec<String> {
    let tree = tree.trim().trim_start_matches("::").trim();
    let Some(open) = tree.find('{') else {
        let path = tree.split(" as ").next().unwrap_or(tree);
        return vec![path.split_whitespace().collect()];
    };
    let prefix: String = tree[..open].split_whitespace().collect();
    let prefix = prefix.trim_end_matches("::");
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let mut items = Vec::new();
    let (mut level, mut start) = (0, 0);
    for (at, c) in inner.char_indices() {
        match c {
            '{' => level += 1,
            '}' => level -= 1,
            ',' if level == 0 => {
                items.push(&inner[start..at]);
                start = at + 1;
            }
            _ => {}
        }
    }
    items.push(&inner[start..]);
    items
        .into_iter()
        .filter(|item| !item.trim().is_empty())
        .flat_map(expand)
        .map(|rest| {
            if prefix.is_empty() {
                rest
            } else {
                format!("{prefix}::{rest}")
            }
        })
        .collect()
}

fn is_ident(token: &str) -> bool {
    token
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
}

/// Identifiers, `::`, and single punctuation characters.
fn tokenize(code: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let chars: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_alphanumeric() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            tokens.push(chars[start..i].iter().collect());
            continue;
        }
        if c == ':' && chars.get(i + 1) == Some(&':') {
            tokens.push("::".into());
            i += 2;
            continue;
        }
        if !c.is_whitespace() {
            tokens.push(c.to_string());
        }
        i += 1;
    }
    tokens
}

/// The code with comments, string literals and character literals blanked out.
fn without_comments_and_strings(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            continue;
        }
        if c == '/' && next == Some('*') {
            let mut level = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    level += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    level -= 1;
                    i += 2;
                    if level == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push(' ');
            continue;
        }
        let raw = c == 'r'
            && matches!(next, Some('"' | '#'))
            && !chars
                .get(i.wrapping_sub(1))
                .is_some_and(|p| p.is_alphanumeric() || *p == '_');
        if raw {
            let mut j = i + 1;
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) == Some(&'"') {
                j += 1;
                loop {
                    if j >= chars.len() {
                        break;
                    }
                    if chars[j] == '"' && (1..=hashes).all(|h| chars.get(j + h) == Some(&'#')) {
                        j += 1 + hashes;
                        break;
                    }
                    j += 1;
                }
                out.push_str("\"\"");
                i = j;
                continue;
            }
        }
        if c == '"' {
            let mut j = i + 1;
            while j < chars.len() && chars[j] != '"' {
                if chars[j] == '\\' {
                    j += 1;
                }
                j += 1;
            }
            out.push_str("\"\"");
            i = j + 1;
            continue;
        }
        if c == '\'' {
            // A character literal ('a', '\n', '\u{1F600}'), not a lifetime ('a).
            let close = if next == Some('\\') {
                chars[i + 2..]
                    .iter()
                    .position(|&c| c == '\'')
                    .map(|p| i + 2 + p)
            } else if chars.get(i + 2) == Some(&'\'') {
                Some(i + 2)
            } else {
                None
            };
            if let Some(close) = close {
                out.push_str("' '");
                i = close + 1;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

/// The files of every import cycle (strongly connected component of more than one file).
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct Tarjan<'g> {
        graph: &'g BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'g str, usize>,
        low: BTreeMap<&'g str, usize>,
        stack: Vec<&'g str>,
        on_stack: BTreeSet<&'g str>,
        found: Vec<Vec<String>>,
    }
    impl<'g> Tarjan<'g> {
        fn visit(&mut self, node: &'g str) {
            let n = self.index.len();
            self.index.insert(node, n);
            self.low.insert(node, n);
            self.stack.push(node);
            self.on_stack.insert(node);
            for next in self.graph.get(node).into_iter().flatten() {
                let next = next.as_str();
                if !self.index.contains_key(next) {
                    self.visit(next);
                    let low = self.low[node].min(self.low[next]);
                    self.low.insert(node, low);
                } else if self.on_stack.contains(next) {
                    let low = self.low[node].min(self.index[next]);
                    self.low.insert(node, low);
                }
            }
            if self.low[node] == self.index[node] {
                let mut component = Vec::new();
                while let Some(top) = self.stack.pop() {
                    self.on_stack.remove(top);
                    component.push(top.to_string());
                    if top == node {
                        break;
                    }
                }
                if component.len() > 1 {
                    component.sort();
                    self.found.push(component);
                }
            }
        }
    }
    let mut tarjan = Tarjan {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        found: Vec::new(),
    };
    for node in graph.keys() {
        if !tarjan.index.contains_key(node.as_str()) {
            tarjan.visit(node);
        }
    }
    tarjan.found
}
