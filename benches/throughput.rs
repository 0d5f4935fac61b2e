//! Throughput on one generated corpus, side by side in one run:
//!
//! - (a) `parse`: serde_json into our types;
//! - (b) `full`: our full job — parse with every reading problem, validate every rule, compute the
//!   deadlines of a readable notification;
//! - (c) `jsonschema`: serde_json into a `Value`, then the jsonschema crate against our canonical
//!   schema (the validator compiled once), from the same bytes;
//! - (d) `value`: serde_json into a `Value` only;
//! - (e) `large`: (b) on one 220 kB notification and on its twin with 100 reading errors.
//!
//! Every benchmark reads the bytes the same way: checked as UTF-8 once, then read as a `str`.
//!
//! Two corpora: `valid` (every notification valid) and `mixed` (10 % deliberately invalid, the
//! generator's default). `cargo bench --bench throughput`; `cargo bench -- --test` runs each once.

use std::sync::OnceLock;

use divan::counter::{BytesCount, ItemsCount};
use divan::{black_box, Bencher};
use imy_breach::deadline::{schedule_notification, ScheduleOptions};
use imy_breach::generate::Generator;
use imy_breach::{validate_json_with, Notification, ValidationOptions};
use time::macros::datetime;

fn main() {
    divan::main();
}

/// Notifications per corpus.
const SIZE: usize = 500;

struct Corpus {
    docs: Vec<Vec<u8>>,
    bytes: usize,
}

fn corpus(name: &str) -> &'static Corpus {
    static VALID: OnceLock<Corpus> = OnceLock::new();
    static MIXED: OnceLock<Corpus> = OnceLock::new();
    let (cell, share) = if name == "valid" { (&VALID, 0.0) } else { (&MIXED, 0.1) };
    cell.get_or_init(|| {
        let docs: Vec<Vec<u8>> =
            Generator::new(2026).invalid_share(share).take(SIZE).map(|s| s.json.into_bytes()).collect();
        let bytes = docs.iter().map(Vec::len).sum();
        // What is measured is what it says: the valid corpus reads, and the mixed one has invalid
        // documents.
        let readable = docs.iter().filter(|d| Notification::from_slice(d).is_ok()).count();
        if share == 0.0 {
            assert_eq!(readable, SIZE, "every document of the valid corpus reads");
        } else {
            assert!(readable < SIZE, "the mixed corpus has unreadable documents");
        }
        Corpus { docs, bytes }
    })
}

const CORPORA: [&str; 2] = ["valid", "mixed"];

fn counted<'a, 'b>(b: Bencher<'a, 'b>, c: &Corpus) -> Bencher<'a, 'b> {
    b.counter(ItemsCount::new(c.docs.len())).counter(BytesCount::new(c.bytes))
}

/// serde_json's fastest reading of bytes: checked as UTF-8 once, then read as a `str` (its
/// `from_slice` checks every string on its own, about a tenth slower; see `parts_parse_slice`).
/// (b) reads this way too, so every benchmark reads the same way.
fn from_bytes<'a, T: serde::Deserialize<'a>>(d: &'a [u8]) -> Option<T> {
    serde_json::from_str(std::str::from_utf8(d).ok()?).ok()
}

/// (a) serde_json into our types.
#[divan::bench(args = CORPORA)]
fn a_parse(b: Bencher, corpus_name: &str) {
    let c = corpus(corpus_name);
    counted(b, c).bench(|| {
        for d in &c.docs {
            black_box(from_bytes::<Notification>(d));
        }
    });
}

/// (b) parse + validate + deadlines.
#[divan::bench(args = CORPORA)]
fn b_full(b: Bencher, corpus_name: &str) {
    let c = corpus(corpus_name);
    let options = ValidationOptions::new();
    let deadline_options = ScheduleOptions::new();
    let now = datetime!(2026-06-01 12:00 +02:00);
    counted(b, c).bench(|| {
        for d in &c.docs {
            let (n, report) = validate_json_with(d, &options);
            if let Some(n) = &n {
                black_box(schedule_notification(n, &deadline_options, now).ok());
            }
            black_box(report);
        }
    });
}

/// (c) serde_json into `Value` + jsonschema against the canonical schema.
#[divan::bench(args = CORPORA)]
fn c_jsonschema(b: Bencher, corpus_name: &str) {
    let c = corpus(corpus_name);
    let validator = jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&imy_breach::schema::canonical())
        .expect("the canonical schema compiles");
    counted(b, c).bench(|| {
        for d in &c.docs {
            match from_bytes::<serde_json::Value>(d) {
                Some(v) => black_box(validator.is_valid(&v)),
                None => black_box(false),
            };
        }
    });
}

/// (d) serde_json into `Value` only.
#[divan::bench(args = CORPORA)]
fn d_value(b: Bencher, corpus_name: &str) {
    let c = corpus(corpus_name);
    counted(b, c).bench(|| {
        for d in &c.docs {
            black_box(from_bytes::<serde_json::Value>(d));
        }
    });
}

/// (a) with `serde_json::from_slice`, for comparison.
#[divan::bench(args = CORPORA)]
fn parts_parse_slice(b: Bencher, corpus_name: &str) {
    let c = corpus(corpus_name);
    counted(b, c).bench(|| {
        for d in &c.docs {
            black_box(serde_json::from_slice::<Notification>(d).ok());
        }
    });
}

/// Parts of (b): reading only.
#[divan::bench(args = CORPORA)]
fn parts_read(b: Bencher, corpus_name: &str) {
    let c = corpus(corpus_name);
    counted(b, c).bench(|| {
        for d in &c.docs {
            black_box(Notification::from_slice(d).ok());
        }
    });
}

/// Parts of (b): the rules on notifications in memory.
#[divan::bench]
fn parts_validate(b: Bencher) {
    let ns: Vec<Notification> =
        corpus("valid").docs.iter().filter_map(|d| Notification::from_slice(d).ok()).collect();
    let options = ValidationOptions::new();
    b.counter(ItemsCount::new(ns.len())).bench(|| {
        for n in &ns {
            black_box(n.validate(&options));
        }
    });
}

/// Parts of (b): the deadlines of notifications in memory.
#[divan::bench]
fn parts_deadlines(b: Bencher) {
    let ns: Vec<Notification> =
        corpus("valid").docs.iter().filter_map(|d| Notification::from_slice(d).ok()).collect();
    let options = ScheduleOptions::new();
    let now = datetime!(2026-06-01 12:00 +02:00);
    b.counter(ItemsCount::new(ns.len())).bench(|| {
        for n in &ns {
            black_box(schedule_notification(n, &options, now).ok());
        }
    });
}

/// A large notification (about 220 kB: 200 actions, 20 contact persons, 100 processors, within
/// every limit) and its twin with 100 reading errors (a date that is not in the calendar in every
/// other action).
fn large(errors: bool) -> &'static [u8] {
    static VALID: OnceLock<Vec<u8>> = OnceLock::new();
    static BROKEN: OnceLock<Vec<u8>> = OnceLock::new();
    let cell = if errors { &BROKEN } else { &VALID };
    cell.get_or_init(|| {
        let mut doc = serde_json::to_value(Generator::new(7).invalid_share(0.0).notification())
            .expect("a notification is JSON");
        let filler = "Vi har informerat berörda och bytt lösenord för samtliga konton. ".repeat(14);
        let actions: Vec<serde_json::Value> = (0..200)
            .map(|i| {
                let date = if errors && i % 2 == 1 { "2025-02-30" } else { "2025-03-28" };
                serde_json::json!({"date": date, "time": "10:00", "description": format!("Åtgärd {i}: {filler}")})
            })
            .collect();
        let contacts: Vec<serde_json::Value> = (0..20)
            .map(|i| serde_json::json!({"name": format!("Kontakt {i}"), "role": "Dataskyddsombud", "email": format!("kontakt{i}@exempel.se"), "phone": "08-123 456 78"}))
            .collect();
        let processors: Vec<serde_json::Value> = (0..100)
            .map(|i| serde_json::json!({"name": format!("Biträde {i} AB"), "organisationNumber": "556016-0680"}))
            .collect();
        doc["consequences"]["actions"] = actions.into();
        doc["contactDetails"]["contactPersons"] = contacts.into();
        doc["processors"] = serde_json::json!({"involved": "yes", "organisations": processors});
        let bytes = serde_json::to_vec(&doc).expect("JSON");
        let read = Notification::from_json_all_errors(&bytes);
        match (errors, read) {
            (false, Ok(_)) => {}
            (true, Err(e)) => assert_eq!(e.len(), 100, "the twin has 100 reading errors"),
            (_, r) => panic!("unexpected reading of the large document: {:?}", r.err()),
        }
        assert!((200_000..240_000).contains(&bytes.len()), "{} bytes", bytes.len());
        bytes
    })
}

/// (e) The full job on the large notification (`valid`) and on its twin with 100 reading errors
/// (`errors`): the ratio is what reading every problem costs.
#[divan::bench(args = ["valid", "errors"])]
fn e_large(b: Bencher, which: &str) {
    let doc = large(which == "errors");
    let options = ValidationOptions::new();
    b.counter(BytesCount::new(doc.len())).bench(|| black_box(validate_json_with(doc, &options)));
}
