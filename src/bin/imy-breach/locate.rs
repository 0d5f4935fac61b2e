//! Where a JSON pointer's value is in the source text: its line and column, for SARIF regions.
//!
//! One pass over the source, descending only into the containers on the way to a wanted pointer
//! and skipping every other value by counting brackets, so the time is linear in the source and
//! the memory bounded by the pointers asked for (the source is at most `MAX_DOCUMENT_BYTES`). A
//! pointer whose value is absent (a required answer not given) is located at its nearest
//! ancestor that is present: the parent object.

use std::collections::{HashMap, HashSet};

/// How deep the scan descends; deeper documents are refused by the reader anyway.
const MAX_DEPTH: usize = imy_breach::MAX_NESTING_DEPTH + 1;

/// Where a pointer's value (or its parent's) starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// The line, from 1.
    pub line: usize,
    /// The column, from 1, in Unicode code points (SARIF `columnKind` `unicodeCodePoints`).
    pub column: usize,
    /// Whether this is the value itself (`true`) or an ancestor's, the value being absent.
    pub exact: bool,
}

/// Locates pointers (RFC 6901, as the violations carry them) in one JSON source text.
pub struct Locator<'a> {
    src: &'a [u8],
    offsets: HashMap<String, usize>,
    /// The second occurrence of a member given twice (`duplicate-field`).
    repeats: HashMap<String, usize>,
    line_starts: Vec<usize>,
}

impl<'a> Locator<'a> {
    /// Scans `src` for the values at `pointers` and at their ancestors.
    pub fn new<'p>(src: &'a [u8], pointers: impl IntoIterator<Item = &'p str>) -> Self {
        let mut wanted = HashSet::new();
        wanted.insert(String::new());
        for p in pointers {
            let mut end = p.len();
            while !wanted.contains(&p[..end]) {
                wanted.insert(p[..end].to_string());
                end = p[..end].rfind('/').unwrap_or(0);
            }
        }
        let mut scan = Scan {
            s: src,
            i: 0,
            wanted: &wanted,
            found: HashMap::new(),
            repeats: HashMap::new(),
            path: String::new(),
        };
        // A malformed source stops the scan: what was found before stays.
        let _ = scan.value(0);
        let mut line_starts = vec![0];
        line_starts.extend(memchr::memchr_iter(b'\n', src).map(|i| i + 1));
        Locator { src, offsets: scan.found, repeats: scan.repeats, line_starts }
    }

    /// The place of `pointer`'s value, or of its nearest present ancestor; the start of the text
    /// when not even the root could be read.
    pub fn place(&self, pointer: &str) -> Place {
        let mut end = pointer.len();
        let mut exact = true;
        loop {
            if let Some(&offset) = self.offsets.get(&pointer[..end]) {
                return self.place_of_offset(offset, exact);
            }
            if end == 0 {
                return self.place_of_offset(0, false);
            }
            exact = false;
            end = pointer[..end].rfind('/').unwrap_or(0);
        }
    }

    /// The place of the second occurrence of a member given twice, if it is.
    pub fn repeat(&self, pointer: &str) -> Option<Place> {
        self.repeats.get(pointer).map(|&offset| self.place_of_offset(offset, true))
    }

    /// The place of a line (from 1) and byte column (from 1; 0 is taken as 1), as serde_json
    /// reports a syntax error: the column recounted in code points.
    pub fn place_of_line_and_byte(&self, line: usize, byte_column: usize) -> Place {
        let start = self.line_starts.get(line.saturating_sub(1)).copied().unwrap_or(self.src.len());
        self.place_of_offset(start.saturating_add(byte_column.saturating_sub(1)), true)
    }

    /// The line and column of a byte offset.
    pub fn place_of_offset(&self, offset: usize, exact: bool) -> Place {
        let offset = offset.min(self.src.len());
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let start = self.line_starts[line.saturating_sub(1)];
        // Code points: every byte that does not continue a UTF-8 sequence starts one.
        let column = 1 + self.src[start..offset].iter().filter(|&&b| b & 0xC0 != 0x80).count();
        Place { line, column, exact }
    }
}

struct Scan<'a, 'w> {
    s: &'a [u8],
    i: usize,
    wanted: &'w HashSet<String>,
    found: HashMap<String, usize>,
    repeats: HashMap<String, usize>,
    path: String,
}

impl Scan<'_, '_> {
    fn ws(&mut self) {
        while self.i < self.s.len() && matches!(self.s[self.i], b' ' | b'\t' | b'\n' | b'\r') {
            self.i += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    /// One value at `self.path`; `None` when the source is malformed.
    fn value(&mut self, depth: usize) -> Option<()> {
        self.ws();
        let wanted = self.wanted.contains(&self.path);
        if wanted {
            if self.found.contains_key(&self.path) {
                self.repeats.entry(self.path.clone()).or_insert(self.i);
            } else {
                self.found.insert(self.path.clone(), self.i);
            }
        }
        match self.peek()? {
            b'{' if wanted && depth < MAX_DEPTH => self.object(depth),
            b'[' if wanted && depth < MAX_DEPTH => self.array(depth),
            b'{' | b'[' => self.skip_container(),
            b'"' => self.string().map(|_| ()),
            _ => {
                while self.i < self.s.len()
                    && !matches!(self.s[self.i], b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r')
                {
                    self.i += 1;
                }
                Some(())
            }
        }
    }

    /// A string starting at `"`: its bytes between the quotes, escapes undecoded.
    fn string(&mut self) -> Option<(usize, usize)> {
        let start = self.i + 1;
        let mut j = start;
        loop {
            j += memchr::memchr2(b'"', b'\\', self.s.get(j..)?)?;
            if self.s[j] == b'\\' {
                j += 2;
            } else {
                self.i = j + 1;
                return Some((start, j));
            }
        }
    }

    fn skip_container(&mut self) -> Option<()> {
        let mut depth = 0usize;
        loop {
            match self.peek()? {
                b'"' => {
                    self.string()?;
                    continue;
                }
                b'{' | b'[' => depth += 1,
                b'}' | b']' => {
                    depth -= 1;
                    if depth == 0 {
                        self.i += 1;
                        return Some(());
                    }
                }
                _ => {}
            }
            self.i += 1;
        }
    }

    fn object(&mut self, depth: usize) -> Option<()> {
        self.i += 1;
        self.ws();
        if self.peek()? == b'}' {
            self.i += 1;
            return Some(());
        }
        loop {
            self.ws();
            if self.peek()? != b'"' {
                return None;
            }
            let (start, end) = self.string()?;
            let raw = &self.s[start..end];
            let key = if raw.contains(&b'\\') {
                serde_json::from_slice::<String>(&self.s[start - 1..=end]).ok()?
            } else {
                String::from_utf8_lossy(raw).into_owned()
            };
            let len = self.path.len();
            self.path.push('/');
            for c in key.chars() {
                match c {
                    '~' => self.path.push_str("~0"),
                    '/' => self.path.push_str("~1"),
                    c => self.path.push(c),
                }
            }
            self.ws();
            if self.peek()? != b':' {
                return None;
            }
            self.i += 1;
            self.value(depth + 1)?;
            self.path.truncate(len);
            if self.next_or_close(b'}')? {
                return Some(());
            }
        }
    }

    fn array(&mut self, depth: usize) -> Option<()> {
        self.i += 1;
        self.ws();
        if self.peek()? == b']' {
            self.i += 1;
            return Some(());
        }
        for index in 0usize.. {
            let len = self.path.len();
            self.path.push('/');
            self.path.push_str(&index.to_string());
            self.value(depth + 1)?;
            self.path.truncate(len);
            if self.next_or_close(b']')? {
                break;
            }
        }
        Some(())
    }

    /// After a member or element: `true` at the closing bracket, `false` after a comma.
    fn next_or_close(&mut self, close: u8) -> Option<bool> {
        self.ws();
        let b = self.peek()?;
        self.i += 1;
        match b {
            b',' => Some(false),
            b if b == close => Some(true),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "{\n  \"a~/b\": 1,\n  \"controller\": {\"name\": \"Åsa\", \"x\": [10, {\"y\": \"\\\"}\"}]},\n  \"incident\": {\"nature\": \"lost\"}\n}\n";

    fn at(pointers: &[&str], p: &str) -> (usize, usize, bool) {
        let l = Locator::new(DOC.as_bytes(), pointers.iter().copied());
        let place = l.place(p);
        (place.line, place.column, place.exact)
    }

    #[test]
    fn values_are_found_by_line_and_column() {
        let all =
            ["/a~0~1b", "/controller/name", "/controller/x/1/y", "/incident/nature", "/incident/ceased"];
        assert_eq!(at(&all, ""), (1, 1, true));
        assert_eq!(at(&all, "/a~0~1b"), (2, 11, true));
        assert_eq!(at(&all, "/controller/name"), (3, 26, true));
        assert_eq!(at(&all, "/controller/x/1/y"), (3, 49, true));
        assert_eq!(at(&all, "/incident/nature"), (4, 26, true));
        // Absent: the parent object.
        assert_eq!(at(&all, "/incident/ceased"), (4, 15, false));
        assert_eq!(at(&["/nowhere/deep"], "/nowhere/deep"), (1, 1, false));
    }

    /// Every pointer of a document, with its value.
    fn all_pointers(value: &serde_json::Value, at: String, out: &mut Vec<(String, serde_json::Value)>) {
        out.push((at.clone(), value.clone()));
        match value {
            serde_json::Value::Object(map) => {
                for (k, v) in map {
                    all_pointers(v, format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")), out);
                }
            }
            serde_json::Value::Array(items) => {
                for (i, v) in items.iter().enumerate() {
                    all_pointers(v, format!("{at}/{i}"), out);
                }
            }
            _ => {}
        }
    }

    /// At every pointer of every JSON document of the corpus, the value read from the located
    /// place is the value at the pointer.
    #[test]
    fn every_value_of_the_corpus_is_located() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut checked = 0;
        for dir in ["examples", "tests/data/valid", "tests/data/invalid", "tests/data/render"] {
            for entry in std::fs::read_dir(root.join(dir)).unwrap() {
                let path = entry.unwrap().path();
                if path.extension().is_none_or(|e| e != "json") {
                    continue;
                }
                let src = std::fs::read(&path).unwrap();
                let Ok(value) = serde_json::from_slice::<serde_json::Value>(&src) else { continue };
                let mut pointers = Vec::new();
                all_pointers(&value, String::new(), &mut pointers);
                let locator = Locator::new(&src, pointers.iter().map(|(p, _)| p.as_str()));
                for (pointer, expected) in &pointers {
                    let place = locator.place(pointer);
                    assert!(place.exact, "{}: {pointer}", path.display());
                    let offset = locator.line_starts[place.line - 1];
                    let line = std::str::from_utf8(&src[offset..]).unwrap();
                    let byte = line.char_indices().nth(place.column - 1).map_or(line.len(), |(i, _)| i);
                    let mut values =
                        serde_json::Deserializer::from_str(&line[byte..]).into_iter::<serde_json::Value>();
                    let found = values.next().and_then(Result::ok);
                    // A member given twice: serde_json keeps the last, the scanner the first.
                    if path.ends_with("duplicate-field.json") && pointer.starts_with("/controller") {
                        continue;
                    }
                    assert_eq!(found.as_ref(), Some(expected), "{}: {pointer}", path.display());
                    checked += 1;
                }
            }
        }
        assert!(checked > 5000, "{checked}");
    }

    #[test]
    fn a_member_given_twice_is_found_at_its_second_occurrence_too() {
        let l = Locator::new(b"{\"a\": 1,\n \"a\": 2}", ["/a"]);
        assert_eq!(l.place("/a"), Place { line: 1, column: 7, exact: true });
        assert_eq!(l.repeat("/a"), Some(Place { line: 2, column: 7, exact: true }));
        assert_eq!(l.repeat("/b"), None);
    }

    #[test]
    fn columns_count_code_points_and_broken_sources_keep_what_was_found() {
        let src = "{\"å\": \"ä\", \"b\": 2, \"c\": ";
        let l = Locator::new(src.as_bytes(), ["/b", "/c"]);
        assert_eq!(l.place("/b"), Place { line: 1, column: 17, exact: true });
        assert_eq!(l.place("/c"), Place { line: 1, column: 25, exact: true });
        let l = Locator::new(b"", ["/a"]);
        assert_eq!(l.place("/a"), Place { line: 1, column: 1, exact: false });
        let l = Locator::new("{\n\"å\": ]".as_bytes(), [""]);
        assert_eq!(l.place_of_line_and_byte(2, 7), Place { line: 2, column: 6, exact: true });
        assert_eq!(l.place_of_line_and_byte(9, 0), Place { line: 2, column: 7, exact: true });
        let l = Locator::new(b"[[[[", ["/0/0/0/0/0"]);
        assert!(!l.place("/0/0/0/0/0").exact);
    }
}
