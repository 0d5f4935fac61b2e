//! The source layout: no file over 1,000 lines, no function over 100 lines, no import cycle of
//! more than two files, and the layers of [`LAYERS`] import only downwards.
//!
//! The analysis is deliberately simple (std only, no parser): comments and literals are blanked
//! out, then `crate::…`, `super::…` and `self::…` paths (in `use` lines, in code, and in
//! `deserialize_with = "crate::…"` strings) are resolved to the file that defines the module.
//! A `pub use` re-export is a facade, not an import: a path through it resolves to the file that
//! defines the item, and the re-export itself adds no edge. `mod` declarations add no edge, nor
//! does the path of a visibility (`pub(in crate::x)`), and neither do the imports of test modules:
//! `#[cfg(test)]` inline modules and the files declared by `#[cfg(test)] mod x;` (see
//! [`COUNT_TEST_MODULES`]).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The layers, bottom first: a name, the files it holds (a path ending in `/` is a folder) and
/// the layers its files may import besides their own. `src/lib.rs` (the facade) is in none.
/// Every other file must be in exactly one layer.
const LAYERS: &[Layer] = &[
    Layer { name: "lang", paths: &["src/lang.rs"], may_import: &[] },
    Layer { name: "values", paths: &["src/values/"], may_import: &["lang"] },
    Layer { name: "model", paths: &["src/model/"], may_import: &["lang", "values"] },
    Layer { name: "wire", paths: &["src/wire/"], may_import: &["lang", "values", "model"] },
    Layer { name: "form", paths: &["src/form/"], may_import: &["lang", "values", "model", "wire"] },
    Layer { name: "time", paths: &["src/time/"], may_import: &["lang", "values", "model", "wire", "form"] },
    Layer {
        name: "privacy",
        paths: &["src/privacy/"],
        may_import: &["lang", "values", "model", "wire", "form"],
    },
    Layer {
        name: "assessment",
        paths: &["src/assessment/"],
        may_import: &["lang", "values", "model", "wire", "form", "time", "privacy"],
    },
    Layer {
        name: "validation",
        paths: &["src/validation/"],
        may_import: &["lang", "values", "model", "form", "wire", "time", "privacy", "assessment"],
    },
    Layer {
        name: "case",
        paths: &["src/case/"],
        may_import: &["lang", "values", "model", "form", "wire", "time", "privacy", "validation"],
    },
    Layer {
        name: "register",
        paths: &["src/register/"],
        may_import: &[
            "lang",
            "values",
            "model",
            "form",
            "wire",
            "time",
            "privacy",
            "assessment",
            "validation",
        ],
    },
    Layer {
        name: "export",
        paths: &["src/export/"],
        may_import: &["lang", "values", "model", "form", "wire", "validation", "case"],
    },
    Layer {
        name: "render",
        paths: &["src/render/"],
        may_import: &["lang", "values", "model", "form", "time", "privacy", "validation", "case"],
    },
    Layer {
        name: "generate",
        paths: &["src/generate/"],
        may_import: &["lang", "values", "model", "form", "wire", "time", "privacy", "validation"],
    },
    Layer {
        name: "bin",
        paths: &["src/bin/"],
        may_import: &[
            "lang",
            "values",
            "model",
            "form",
            "wire",
            "time",
            "privacy",
            "assessment",
            "validation",
            "case",
            "register",
            "export",
            "render",
            "generate",
        ],
    },
];

/// The folder that must exist, so that the layering check cannot pass on an empty layer.
const REQUIRED_FOLDER: &str = "src/model";

const MAX_FILE_LINES: usize = 1_000;
const MAX_FN_LINES: usize = 100;
const MAX_CYCLE_FILES: usize = 2;
/// Whether the imports of test modules (`#[cfg(test)]` inline modules and files declared by
/// `#[cfg(test)] mod x;`) count in the import graph and the layers.
/// They do not: a unit test may use the generator or the reader above its file's layer. (Function
/// lengths count test code all the same.)
const COUNT_TEST_MODULES: bool = false;

struct Layer {
    name: &'static str,
    paths: &'static [&'static str],
    may_import: &'static [&'static str],
}

#[test]
fn no_source_file_over_1000_lines() {
    let files = sources();
    let long: Vec<String> = files
        .iter()
        .filter(|(_, text)| text.lines().count() > MAX_FILE_LINES)
        .map(|(path, text)| format!("  {path}: {} lines", text.lines().count()))
        .collect();
    assert!(long.is_empty(), "files over {MAX_FILE_LINES} lines:\n{}", long.join("\n"));
}

#[test]
fn no_function_over_100_lines() {
    let mut long = Vec::new();
    for (path, text) in sources() {
        for f in long_functions(&text, MAX_FN_LINES) {
            long.push(format!("  {path}:{}: fn {} ({} lines)", f.line, f.name, f.lines));
        }
    }
    assert!(long.is_empty(), "functions over {MAX_FN_LINES} lines:\n{}", long.join("\n"));
}

#[test]
fn no_import_cycle_of_more_than_two_files() {
    let graph = import_graph(&sources());
    let big: Vec<Vec<String>> =
        strongly_connected(&graph).into_iter().filter(|c| c.len() > MAX_CYCLE_FILES).collect();
    let shown: Vec<String> = big
        .iter()
        .map(|c| {
            let edges: Vec<String> = c
                .iter()
                .flat_map(|from| {
                    graph[from]
                        .iter()
                        .filter(|to| c.contains(to))
                        .map(move |to| format!("    {from} -> {to}"))
                })
                .collect();
            format!("  {} files: {}\n  imports inside it:\n{}", c.len(), c.join(", "), edges.join("\n"))
        })
        .collect();
    assert!(big.is_empty(), "import cycles of more than {MAX_CYCLE_FILES} files:\n{}", shown.join("\n"));
}

#[test]
fn layers_import_only_downwards() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    assert!(
        root.join(REQUIRED_FOLDER).is_dir(),
        "{REQUIRED_FOLDER}/ does not exist: the layers of LAYERS are not laid out yet"
    );
    let problems = layer_problems(&sources());
    assert!(problems.is_empty(), "layering:\n{}", problems.join("\n"));
}

/// The files in no layer or in several, and the imports of a layer it may not import.
fn layer_problems(files: &BTreeMap<String, String>) -> Vec<String> {
    let mut problems = Vec::new();
    for path in files.keys() {
        let layers: Vec<&str> = LAYERS.iter().filter(|l| in_layer(l, path)).map(|l| l.name).collect();
        if path != "src/lib.rs" && layers.len() != 1 {
            problems.push(format!("  {path} is in {} layers {layers:?}, not one", layers.len()));
        }
    }
    let graph = import_graph(files);
    for (from, tos) in &graph {
        let Some(layer) = layer_of(from) else { continue };
        for to in tos {
            let Some(target) = layer_of(to) else { continue };
            if target.name != layer.name && !layer.may_import.contains(&target.name) {
                problems.push(format!("  {from} ({}) imports {to} ({})", layer.name, target.name));
            }
        }
    }
    problems
}

fn in_layer(layer: &Layer, path: &str) -> bool {
    layer.paths.iter().any(|p| if p.ends_with('/') { path.starts_with(p) } else { path == *p })
}

fn layer_of(path: &str) -> Option<&'static Layer> {
    LAYERS.iter().find(|l| in_layer(l, path))
}

/// Every `src/**/*.rs`, by path relative to the crate (`src/…`, with `/`).
fn sources() -> BTreeMap<String, String> {
    fn walk(dir: &Path, rel: &str, out: &mut BTreeMap<String, String>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
        entries.sort();
        for p in entries {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let rel = format!("{rel}/{name}");
            if p.is_dir() {
                walk(&p, &rel, out);
            } else if name.ends_with(".rs") {
                out.insert(rel, std::fs::read_to_string(&p).unwrap());
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), "src", &mut out);
    assert!(out.len() > 10, "{} source files", out.len());
    out
}

// ---------------------------------------------------------------------------------------------
// Lexing: comments and literals blanked out, line breaks kept.

/// The code with comments, string and char literals replaced by spaces (line breaks kept). A
/// string whose text starts with `crate::` (a serde `deserialize_with` path) is kept as code.
fn blank(text: &str) -> String {
    let c: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let keep_newlines = |s: &[char], out: &mut String| {
        for ch in s {
            out.push(if *ch == '\n' { '\n' } else { ' ' });
        }
    };
    while i < c.len() {
        let rest = &c[i..];
        if rest.starts_with(&['/', '/']) {
            let end = rest.iter().position(|ch| *ch == '\n').unwrap_or(rest.len());
            keep_newlines(&rest[..end], &mut out);
            i += end;
        } else if rest.starts_with(&['/', '*']) {
            let (mut depth, mut j) = (0, 0);
            while j < rest.len() {
                if rest[j..].starts_with(&['/', '*']) {
                    depth += 1;
                    j += 2;
                } else if rest[j..].starts_with(&['*', '/']) {
                    depth -= 1;
                    j += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    j += 1;
                }
            }
            keep_newlines(&rest[..j], &mut out);
            i += j;
        } else if let Some((open, hashes)) = raw_string_start(rest, i == 0 || !is_ident(c[i - 1])) {
            let close: Vec<char> = std::iter::once('"').chain(std::iter::repeat_n('#', hashes)).collect();
            let body = &rest[open..];
            let end = (0..body.len()).find(|&j| body[j..].starts_with(&close)).unwrap_or(body.len());
            let total = (open + end + close.len()).min(rest.len());
            keep_newlines(&rest[..total], &mut out);
            i += total;
        } else if rest[0] == '"' || (rest.starts_with(&['b', '"']) && (i == 0 || !is_ident(c[i - 1]))) {
            let open = if rest[0] == '"' { 1 } else { 2 };
            let mut j = open;
            while j < rest.len() && rest[j] != '"' {
                j += if rest[j] == '\\' { 2 } else { 1 };
            }
            let body: String = rest[open..j.min(rest.len())].iter().collect();
            if body.starts_with("crate::") {
                out.push(' ');
                out.push_str(&body);
                out.push(' ');
            } else {
                keep_newlines(&rest[..(j + 1).min(rest.len())], &mut out);
            }
            i += j + 1;
        } else if rest[0] == '\'' {
            // A char literal ('a', '\n', '\u{7f}', '{') or a lifetime ('a).
            let len = if rest.get(1) == Some(&'\\') {
                rest.get(3..).and_then(|r| r.iter().position(|ch| *ch == '\'')).map_or(1, |p| p + 4)
            } else if rest.get(2) == Some(&'\'') {
                3
            } else {
                1
            };
            if len == 1 {
                out.push('\'');
            } else {
                keep_newlines(&rest[..len], &mut out);
            }
            i += len;
        } else {
            out.push(rest[0]);
            i += 1;
        }
    }
    out
}

/// At `r"`, `r#"`, `br"`, `br#"`: the length of the opening and the number of `#`.
fn raw_string_start(rest: &[char], at_word_start: bool) -> Option<(usize, usize)> {
    if !at_word_start {
        return None;
    }
    let after_prefix = if rest.starts_with(&['b', 'r']) {
        2
    } else if rest.first() == Some(&'r') {
        1
    } else {
        return None;
    };
    let hashes = rest[after_prefix..].iter().take_while(|ch| **ch == '#').count();
    (rest.get(after_prefix + hashes) == Some(&'"')).then_some((after_prefix + hashes + 1, hashes))
}

fn is_ident(ch: char) -> bool {
    ch.is_alphanumeric() || ch == '_'
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Ident(String),
    Path,
    Punct(char),
}

/// The tokens of blanked code, each with its line (1-based).
fn tokens(code: &str) -> Vec<(Tok, usize)> {
    let c: Vec<char> = code.chars().collect();
    let (mut out, mut i, mut line) = (Vec::new(), 0, 1);
    while i < c.len() {
        let ch = c[i];
        if ch == '\n' {
            line += 1;
            i += 1;
        } else if ch.is_whitespace() {
            i += 1;
        } else if is_ident(ch) {
            let start = i;
            while i < c.len() && is_ident(c[i]) {
                i += 1;
            }
            out.push((Tok::Ident(c[start..i].iter().collect()), line));
        } else if ch == ':' && c.get(i + 1) == Some(&':') {
            out.push((Tok::Path, line));
            i += 2;
        } else {
            out.push((Tok::Punct(ch), line));
            i += 1;
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Functions.

#[derive(Debug)]
struct LongFn {
    name: String,
    line: usize,
    lines: usize,
}

/// The functions (with a body) longer than `max` lines, from the `fn` line to the closing brace.
fn long_functions(text: &str, max: usize) -> Vec<LongFn> {
    let toks = tokens(&blank(text));
    let mut out = Vec::new();
    for (k, (tok, line)) in toks.iter().enumerate() {
        let (Tok::Ident(kw), Some((Tok::Ident(name), _))) = (tok, toks.get(k + 1)) else { continue };
        if kw != "fn" {
            continue;
        }
        // The body opens at the first `{` outside parentheses and brackets; a `;` first means none.
        let mut depth = 0i32;
        let mut open = None;
        for (j, (t, _)) in toks.iter().enumerate().skip(k + 2) {
            match t {
                Tok::Punct('(' | '[') => depth += 1,
                Tok::Punct(')' | ']') => depth -= 1,
                Tok::Punct(';') if depth == 0 => break,
                Tok::Punct('{') if depth == 0 => {
                    open = Some(j);
                    break;
                }
                _ => {}
            }
        }
        let Some(open) = open else { continue };
        let mut braces = 0;
        for (t, end) in &toks[open..] {
            match t {
                Tok::Punct('{') => braces += 1,
                Tok::Punct('}') => {
                    braces -= 1;
                    if braces == 0 {
                        let lines = end - line + 1;
                        if lines > max {
                            out.push(LongFn { name: name.clone(), line: *line, lines });
                        }
                        break;
                    }
                }
                _ => {}
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Imports.

/// Which crate a file belongs to and its module path in it: `src/lib.rs` is the library's root,
/// `src/a/b.rs` and `src/a/b/mod.rs` are `a::b`; `src/bin/x.rs` and `src/bin/x/main.rs` are the
/// roots of binary `x`.
fn module_of(path: &str) -> (String, Vec<String>) {
    let rel = path.strip_prefix("src/").unwrap_or(path).strip_suffix(".rs").unwrap_or(path);
    let mut parts: Vec<String> = rel.split('/').map(str::to_string).collect();
    let krate = if parts.first().map(String::as_str) == Some("bin") {
        parts.remove(0);
        let name = parts.remove(0);
        format!("bin:{name}")
    } else {
        "lib".to_string()
    };
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib" | "main")) {
        parts.pop();
    }
    (krate, parts)
}

/// A path as written: its first segment (`crate`, `super`, `self`, `imy_breach`) and the rest; a
/// group `{…}` is expanded into one path per leaf. `alias` is the name a `use … as` gives.
#[derive(Debug, Clone)]
struct Written {
    segments: Vec<String>,
    alias: Option<String>,
    reexport: bool,
    /// The inline modules (`mod tests { … }`) the path is written in.
    inline: Vec<String>,
    /// Whether one of them is `#[cfg(test)]` (or `#[cfg(all(test, …))]`).
    in_test: bool,
}

/// Every `crate::`, `super::`, `self::` and `imy_breach::` path in the code.
fn written_paths(text: &str) -> Vec<Written> {
    let toks = tokens(&blank(text));
    let mut out = Vec::new();
    // Child modules declared here (`mod x;`): a path starting with one is relative to this module.
    let children: BTreeSet<String> = toks
        .windows(3)
        .filter_map(|w| match w {
            [(Tok::Ident(m), _), (Tok::Ident(name), _), (Tok::Punct(';'), _)] if m == "mod" => {
                Some(name.clone())
            }
            _ => None,
        })
        .collect();
    // Inline modules: (name, brace depth at which they close, whether under `cfg(test)`).
    let (mut inline, mut depth): (Vec<(String, i32, bool)>, i32) = (Vec::new(), 0);
    let mut k = 0;
    while k < toks.len() {
        match &toks[k].0 {
            Tok::Punct('{') => depth += 1,
            Tok::Punct('}') => {
                depth -= 1;
                if inline.last().is_some_and(|(_, d, _)| *d == depth) {
                    inline.pop();
                }
            }
            Tok::Ident(m) if m == "mod" => {
                if let (Some((Tok::Ident(name), _)), Some((Tok::Punct('{'), _))) =
                    (toks.get(k + 1), toks.get(k + 2))
                {
                    inline.push((name.clone(), depth, under_cfg_test(&toks, k)));
                }
            }
            Tok::Ident(first)
                if (matches!(first.as_str(), "crate" | "super" | "self" | "imy_breach")
                    || children.contains(first))
                    && toks.get(k + 1).map(|t| &t.0) == Some(&Tok::Path)
                    && !(k > 0 && matches!(toks[k - 1].0, Tok::Path | Tok::Punct('$')))
                    && !is_visibility(&toks, k) =>
            {
                let reexport = is_reexport(&toks, k);
                let names: Vec<String> = inline.iter().map(|(n, _, _)| n.clone()).collect();
                let in_test = inline.iter().any(|(_, _, t)| *t);
                let mut leaves = Vec::new();
                let prefix = if children.contains(first) { vec!["self".to_string()] } else { Vec::new() };
                k = use_tree(&toks, k, prefix, &mut leaves);
                for (segments, alias) in leaves {
                    out.push(Written { segments, alias, reexport, inline: names.clone(), in_test });
                }
                continue;
            }
            _ => {}
        }
        k += 1;
    }
    out
}

/// Whether the `mod` at `k` has an attribute `#[cfg(…test…)]` right before it (or before `pub`).
fn under_cfg_test(toks: &[(Tok, usize)], k: usize) -> bool {
    let mut j = k;
    if j > 0 && toks[j - 1].0 == Tok::Ident("pub".into()) {
        j -= 1;
    }
    if j == 0 || toks[j - 1].0 != Tok::Punct(']') {
        return false;
    }
    let Some(open) = (0..j - 1).rev().find(|&i| toks[i].0 == Tok::Punct('[')) else { return false };
    let attr = &toks[open..j];
    attr.first().is_some_and(|t| t.0 == Tok::Punct('['))
        && attr.iter().any(|t| t.0 == Tok::Ident("cfg".into()))
        && attr.iter().any(|t| t.0 == Tok::Ident("test".into()))
}

/// Whether the path at `k` is the module of a visibility, `pub(in …)`.
fn is_visibility(toks: &[(Tok, usize)], k: usize) -> bool {
    k >= 3
        && toks[k - 1].0 == Tok::Ident("in".into())
        && toks[k - 2].0 == Tok::Punct('(')
        && toks[k - 3].0 == Tok::Ident("pub".into())
}

/// The files declared by `#[cfg(test)] mod x;`: test modules in files of their own.
fn test_files(files: &BTreeMap<String, String>) -> BTreeSet<String> {
    let modules: BTreeMap<(String, Vec<String>), String> =
        files.keys().map(|p| (module_of(p), p.clone())).collect();
    let mut out = BTreeSet::new();
    for (path, text) in files {
        let toks = tokens(&blank(text));
        for k in 0..toks.len().saturating_sub(2) {
            if let (Tok::Ident(m), Tok::Ident(name), Tok::Punct(';')) =
                (&toks[k].0, &toks[k + 1].0, &toks[k + 2].0)
            {
                if m == "mod" && under_cfg_test(&toks, k) {
                    let (krate, mut module) = module_of(path);
                    module.push(name.clone());
                    if let Some(file) = modules.get(&(krate, module)) {
                        out.insert(file.clone());
                    }
                }
            }
        }
    }
    out
}

/// Whether the path at `k` follows `pub use` or `pub(…) use` at the start of an item.
fn is_reexport(toks: &[(Tok, usize)], k: usize) -> bool {
    if k == 0 || toks[k - 1].0 != Tok::Ident("use".into()) {
        return false;
    }
    let mut j = k - 1;
    if j > 0 && toks[j - 1].0 == Tok::Punct(')') {
        while j > 0 && toks[j - 1].0 != Tok::Punct('(') {
            j -= 1;
        }
        j = j.saturating_sub(1);
    }
    j > 0 && toks[j - 1].0 == Tok::Ident("pub".into())
}

/// Reads a path (or use tree) from `k`, pushing each leaf; returns the index after it.
fn use_tree(
    toks: &[(Tok, usize)],
    mut k: usize,
    prefix: Vec<String>,
    leaves: &mut Vec<(Vec<String>, Option<String>)>,
) -> usize {
    let mut path = prefix;
    loop {
        match toks.get(k).map(|t| &t.0) {
            Some(Tok::Ident(s)) if s == "self" && !path.is_empty() => k += 1,
            Some(Tok::Ident(s)) => {
                path.push(s.clone());
                k += 1;
            }
            Some(Tok::Punct('*')) => {
                k += 1;
                break;
            }
            Some(Tok::Punct('{')) => {
                k += 1;
                loop {
                    match toks.get(k).map(|t| &t.0) {
                        Some(Tok::Punct('}')) | None => return k + 1,
                        Some(Tok::Punct(',')) => k += 1,
                        _ => k = use_tree(toks, k, path.clone(), leaves),
                    }
                }
            }
            _ => break,
        }
        if toks.get(k).map(|t| &t.0) == Some(&Tok::Path) {
            k += 1;
        } else {
            break;
        }
    }
    let mut alias = None;
    if toks.get(k).map(|t| &t.0) == Some(&Tok::Ident("as".into())) {
        if let Some((Tok::Ident(a), _)) = toks.get(k + 1) {
            alias = Some(a.clone());
        }
        k += 2;
    }
    leaves.push((path, alias));
    k
}

/// The files and the files each imports (itself left out).
fn import_graph(files: &BTreeMap<String, String>) -> BTreeMap<String, BTreeSet<String>> {
    let modules: BTreeMap<(String, Vec<String>), String> =
        files.keys().map(|p| (module_of(p), p.clone())).collect();
    let written: BTreeMap<&String, Vec<Written>> = files.iter().map(|(p, t)| (p, written_paths(t))).collect();
    // Re-exports: (file, name) → absolute path in the file's crate.
    let mut reexports: BTreeMap<(String, String), (String, Vec<String>)> = BTreeMap::new();
    for (path, paths) in &written {
        for w in paths.iter().filter(|w| w.reexport && w.inline.is_empty()) {
            if let (Some(target), Some(name)) =
                (absolute(path, w), w.alias.clone().or_else(|| w.segments.last().cloned()))
            {
                reexports.insert(((*path).clone(), name), target);
            }
        }
    }
    let tests = test_files(files);
    let mut graph = BTreeMap::new();
    for (path, paths) in &written {
        let edges: &mut BTreeSet<String> = graph.entry((*path).clone()).or_default();
        let test_file = tests.contains(*path);
        for w in paths.iter().filter(|w| !w.reexport && (COUNT_TEST_MODULES || !(w.in_test || test_file))) {
            if let Some(target) = absolute(path, w).and_then(|a| resolve(&modules, &reexports, a, 0)) {
                if target != **path {
                    edges.insert(target);
                }
            }
        }
    }
    graph
}

/// A written path as (crate, absolute segments), or `None` for a `super` above the root.
fn absolute(file: &str, w: &Written) -> Option<(String, Vec<String>)> {
    let (krate, module) = module_of(file);
    let mut here: Vec<String> = module.into_iter().chain(w.inline.iter().cloned()).collect();
    let mut segs = w.segments.iter().peekable();
    match segs.next().map(String::as_str) {
        Some("crate") => return Some((krate, segs.cloned().collect())),
        Some("imy_breach") => return Some(("lib".into(), segs.cloned().collect())),
        Some("self") => {}
        Some("super") => {
            here.pop()?;
            while segs.peek().map(|s| s.as_str()) == Some("super") {
                segs.next();
                here.pop()?;
            }
        }
        _ => return None,
    }
    here.extend(segs.cloned());
    Some((krate, here))
}

/// The file defining an absolute path: the longest module prefix that is a file, followed through
/// that file's re-exports.
fn resolve(
    modules: &BTreeMap<(String, Vec<String>), String>,
    reexports: &BTreeMap<(String, String), (String, Vec<String>)>,
    (krate, segs): (String, Vec<String>),
    hops: usize,
) -> Option<String> {
    let n = (0..=segs.len()).rev().find(|&n| modules.contains_key(&(krate.clone(), segs[..n].to_vec())))?;
    let file = modules[&(krate.clone(), segs[..n].to_vec())].clone();
    if let Some(name) = segs.get(n) {
        if let Some((k, target)) = reexports.get(&(file.clone(), name.clone())) {
            if hops < 8 {
                let mut next = target.clone();
                next.extend(segs[n + 1..].iter().cloned());
                return resolve(modules, reexports, (k.clone(), next), hops + 1);
            }
        }
    }
    Some(file)
}

/// The strongly connected components (Tarjan), each sorted, largest first.
fn strongly_connected(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct State<'a> {
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'a str, usize>,
        low: BTreeMap<&'a str, usize>,
        stack: Vec<&'a str>,
        on_stack: BTreeSet<&'a str>,
        out: Vec<Vec<String>>,
    }
    fn visit<'a>(s: &mut State<'a>, v: &'a str) {
        let i = s.index.len();
        s.index.insert(v, i);
        s.low.insert(v, i);
        s.stack.push(v);
        s.on_stack.insert(v);
        for w in s.graph.get(v).into_iter().flatten() {
            if !s.index.contains_key(w.as_str()) {
                visit(s, w);
                let low = s.low[v].min(s.low[w.as_str()]);
                s.low.insert(v, low);
            } else if s.on_stack.contains(w.as_str()) {
                let low = s.low[v].min(s.index[w.as_str()]);
                s.low.insert(v, low);
            }
        }
        if s.low[v] == s.index[v] {
            let mut component = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on_stack.remove(w);
                component.push(w.to_string());
                if w == v {
                    break;
                }
            }
            component.sort();
            s.out.push(component);
        }
    }
    let mut s = State {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        out: Vec::new(),
    };
    for v in graph.keys() {
        if !s.index.contains_key(v.as_str()) {
            visit(&mut s, v);
        }
    }
    let mut out = s.out;
    out.sort_by_key(|c| std::cmp::Reverse(c.len()));
    out
}

// ---------------------------------------------------------------------------------------------
// The analysis itself, on small synthetic crates.

fn synthetic(files: &[(&str, &str)]) -> BTreeMap<String, String> {
    files.iter().map(|(p, t)| (p.to_string(), t.to_string())).collect()
}

fn largest_cycle(files: &[(&str, &str)]) -> Vec<String> {
    strongly_connected(&import_graph(&synthetic(files))).into_iter().next().unwrap_or_default()
}

#[test]
fn analysis_two_file_cycle_is_allowed() {
    let c = largest_cycle(&[
        ("src/lib.rs", "mod a;\nmod b;\npub use a::A;\npub use b::{B, C as D};\n"),
        ("src/a.rs", "use crate::b::B;\npub struct A(B);\n"),
        ("src/b.rs", "pub struct B;\npub struct C;\nfn f() -> crate::A { todo!() }\n"),
    ]);
    assert_eq!(c, ["src/a.rs", "src/b.rs"]);
}

#[test]
fn analysis_three_file_cycle_is_found() {
    let files = [
        ("src/lib.rs", "mod a;\nmod m;\npub use m::C;\n"),
        ("src/a.rs", "// use crate::nothing;\nuse crate::m::b::B;\n"),
        ("src/m/mod.rs", "pub mod b;\npub use self::b::B;\npub struct C;\nfn f() { super::a::g(); }\n"),
        ("src/m/b.rs", "pub struct B(crate::C);\n#[cfg(test)]\nmod tests { use super::*; }\n"),
    ];
    // a → m/b → m (through the root's re-export of C) → a.
    assert_eq!(largest_cycle(&files), ["src/a.rs", "src/m/b.rs", "src/m/mod.rs"]);
    // A path in a `deserialize_with` string counts; one in a comment or another string does not.
    let graph = import_graph(&synthetic(&[
        ("src/lib.rs", "mod a;\nmod b;\nmod c;\n"),
        ("src/a.rs", "#[serde(deserialize_with = \"crate::b::at_most::<_, _, 3>\")]\n// crate::c::x\n"),
        ("src/b.rs", "let s = \"see crate::c::x\"; let c = '{'; let r = r#\"crate::c\"#;\n"),
        ("src/c.rs", ""),
    ]));
    assert_eq!(graph["src/a.rs"], BTreeSet::from(["src/b.rs".to_string()]));
    assert!(graph["src/b.rs"].is_empty(), "{:?}", graph["src/b.rs"]);
    let w = written_paths(
        "use crate::a::A;\n#[cfg(all(test, feature = \"x\"))]\nmod tests {\n    use crate::b::B;\n}\n",
    );
    let flags: Vec<(String, bool)> = w.iter().map(|w| (w.segments.join("::"), w.in_test)).collect();
    assert_eq!(flags, [("crate::a::A".to_string(), false), ("crate::b::B".to_string(), true)]);
    // A visibility's path is no import; a file declared by `#[cfg(test)] mod x;` imports nothing.
    let graph = import_graph(&synthetic(&[
        ("src/lib.rs", "mod a;\nmod b;\n"),
        ("src/a/mod.rs", "mod c;\n#[cfg(test)]\nmod tests;\npub(in crate::a) struct A;\n"),
        ("src/a/c.rs", "pub(in crate::a) struct C;\n"),
        ("src/a/tests.rs", "use crate::b::B;\n"),
        ("src/b.rs", "pub struct B;\n"),
    ]));
    assert!(graph["src/a/c.rs"].is_empty(), "{:?}", graph["src/a/c.rs"]);
    assert!(graph["src/a/tests.rs"].is_empty(), "{:?}", graph["src/a/tests.rs"]);
}

#[test]
fn analysis_layering_is_checked() {
    let problems = layer_problems(&synthetic(&[
        ("src/lib.rs", "mod lang;\nmod model;\nmod wire;\npub use model::Notification;\n"),
        ("src/lang.rs", "pub enum Lang { Sv }\n"),
        ("src/model/mod.rs", "use crate::lang::Lang;\nfn f() { crate::wire::read(); }\n"),
        ("src/wire/mod.rs", "use crate::Notification;\npub fn read() {}\n"),
        ("src/stray.rs", ""),
    ]));
    assert_eq!(
        problems,
        [
            "  src/stray.rs is in 0 layers [], not one",
            "  src/model/mod.rs (model) imports src/wire/mod.rs (wire)",
        ]
    );
}

#[test]
fn analysis_long_function_is_found() {
    let body: String = (0..120).map(|i| format!("    let _x{i} = \"}}{{\"; // }}\n")).collect();
    let text = format!(
        "trait T {{ fn declared(&self) -> [u8; 2]; }}\nfn short() {{ let c = '}}'; }}\n\
         pub fn long<'a>(x: &'a str) -> impl Fn() + 'a {{\n{body}    move || {{ let _ = x; }}\n}}\n"
    );
    let found = long_functions(&text, 100);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].name.as_str(), found[0].line, found[0].lines), ("long", 3, 123));
}
