//! The personal-data detector, per byte, side by side in one run: ordinary Swedish prose (about
//! 10,000 characters: the long texts of the example notifications, repeated) against the worst
//! inputs we could construct, each of the same size. `find_maskable` runs every detector (and
//! `find_personal_data` within it). Then whole documents of about 1 MiB, side by side: 100 free
//! texts of 10,000 bytes of prose against 100 of the worst inputs (`0 0 0 …`, `1234 1234 …`,
//! `a@a@…`, the mix, and all four in turn), each through `validate_json` and through `redact`.
//! `cargo bench --bench pii`.

use std::sync::OnceLock;

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use imy_breach::pii::{find_maskable, find_personal_data};

fn main() {
    divan::main();
}

/// The size of every input, in bytes (about).
const SIZE: usize = 10_000;

/// The texts of the example notifications of at least 40 characters.
fn example_texts() -> Vec<String> {
    fn collect(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::String(s) if s.chars().count() >= 40 => out.push(s.clone()),
            serde_json::Value::Array(a) => a.iter().for_each(|x| collect(x, out)),
            serde_json::Value::Object(o) => o.values().for_each(|x| collect(x, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples");
    let mut paths: Vec<_> =
        std::fs::read_dir(dir).into_iter().flatten().flatten().map(|e| e.path()).collect();
    paths.sort();
    for p in paths.iter().filter(|p| p.extension().is_some_and(|e| e == "json")) {
        if let Ok(v) = std::fs::read(p).map(|b| serde_json::from_slice::<serde_json::Value>(&b)) {
            v.iter().for_each(|v| collect(v, &mut out));
        }
    }
    out
}

/// `unit` repeated to [`SIZE`] bytes.
fn repeat(unit: &str) -> String {
    unit.repeat(SIZE / unit.len())
}

const INPUTS: [&str; 14] = [
    "prose",
    "0 0 0",
    "0-0-0",
    "digits",
    "1212121212",
    "12 12 12",
    "1234 1234",
    "a@a@a@",
    "dots",
    "[at][at]",
    "colons",
    "hex:hex",
    "0 0a 0",
    "mix",
];

fn input(name: &str) -> &'static str {
    static TEXTS: OnceLock<Vec<(&'static str, String)>> = OnceLock::new();
    let texts = TEXTS.get_or_init(|| {
        let texts = example_texts();
        assert!(!texts.is_empty(), "the examples have long texts");
        let mut prose = String::new();
        while prose.len() < SIZE {
            for t in &texts {
                prose.push_str(t);
                prose.push(' ');
            }
        }
        let prose: String = prose
            .chars()
            .scan(0, |n, c| {
                *n += c.len_utf8();
                (*n <= SIZE).then_some(c)
            })
            .collect();
        let made = [
            repeat("0 "),
            repeat("0-"),
            repeat("0"),
            repeat("12"),
            repeat("12 "),
            repeat("1234 "),
            repeat("a@"),
            repeat("."),
            repeat("[at]"),
            repeat(":"),
            repeat("a:b:"),
            repeat("0 0 0 0 0 0a "),
            repeat("0 1-2:3.4 a@b [at] 121212-1212 ::ab "),
        ];
        INPUTS.iter().copied().zip(std::iter::once(prose).chain(made)).collect()
    });
    texts.iter().find(|(n, _)| *n == name).map_or("", |(_, t)| t.as_str())
}

/// Everything a public copy masks (every detector).
#[divan::bench(args = INPUTS)]
fn maskable(b: Bencher, name: &str) {
    let text = input(name);
    b.counter(BytesCount::new(text.len())).bench(|| black_box(find_maskable(black_box(text))));
}

/// What validation warns about.
#[divan::bench(args = INPUTS)]
fn personal_data(b: Bencher, name: &str) {
    let text = input(name);
    b.counter(BytesCount::new(text.len())).bench(|| black_box(find_personal_data(black_box(text))));
}

/// The documents of the document-level benchmark: each about 1 MiB, 100 free texts (the
/// descriptions of 100 actions, question 29) of 10,000 bytes each in the ransomware example.
const DOCUMENTS: [&str; 6] = ["prose", "0 0 0", "1234 1234", "a@a@a@", "mix", "all four"];

/// A document as JSON, and read.
type Document = (Vec<u8>, imy_breach::Notification);

/// The document `name` of [`DOCUMENTS`].
fn document(name: &str) -> &'static Document {
    static DOCS: OnceLock<Vec<(&'static str, Document)>> = OnceLock::new();
    let docs = DOCS.get_or_init(|| {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/ransomware.json");
        let base: serde_json::Value =
            serde_json::from_slice(&std::fs::read(path).expect("the example")).expect("JSON");
        let worst = ["0 0 0", "1234 1234", "a@a@a@", "mix"];
        DOCUMENTS
            .iter()
            .map(|&name| {
                let text = |i: usize| match name {
                    "all four" => input(worst[i % 4]),
                    other => input(other),
                };
                let actions: Vec<_> = (0..100)
                    .map(|i| serde_json::json!({ "date": "2024-05-13", "description": text(i) }))
                    .collect();
                let mut doc = base.clone();
                doc["consequences"]["actions"] = serde_json::Value::Array(actions);
                let bytes = serde_json::to_vec(&doc).expect("JSON");
                assert!(bytes.len() <= imy_breach::MAX_DOCUMENT_BYTES, "{name}: {} bytes", bytes.len());
                let n = imy_breach::Notification::from_json(std::str::from_utf8(&bytes).expect("UTF-8"))
                    .expect("the document reads");
                (name, (bytes, n))
            })
            .collect()
    });
    &docs.iter().find(|(n, _)| *n == name).expect("a document").1
}

/// A 1 MiB document through `validate_json` (reading with every problem, every rule).
#[divan::bench(args = DOCUMENTS, sample_count = 20)]
fn document_validate(b: Bencher, name: &str) {
    let (bytes, _) = document(name);
    b.counter(BytesCount::new(bytes.len())).bench(|| black_box(imy_breach::validate_json(black_box(bytes))));
}

/// A 1 MiB document (already read) through `redact` with the default options.
#[divan::bench(args = DOCUMENTS, sample_count = 20)]
fn document_redact(b: Bencher, name: &str) {
    let (bytes, n) = document(name);
    let options = imy_breach::redact::RedactOptions::default();
    b.counter(BytesCount::new(bytes.len()))
        .bench(|| black_box(imy_breach::redact::redact(black_box(n), &options)));
}
