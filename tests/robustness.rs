//! Hostile input: nothing panics, nothing hangs, the limits hold.
//!
//! Property tests feed arbitrary JSON values, arbitrary bytes and mutated valid documents (members
//! deleted, types changed, huge strings, deep nesting, odd Unicode) to reading, validation, the
//! deadline engine and rendering; each returns a result or an error. The fuzzer's findings are
//! replayed from `tests/data/fuzz/`.

mod common;

use imy_breach::deadline::{schedule_notification, CountingPolicy, Regime, ScheduleOptions};
use imy_breach::generate::Generator;
use imy_breach::render::{render, Format, RenderOptions, Summary};
use imy_breach::{
    validate_json, validate_json_with, Lang, Notification, ValidationOptions, MAX_DOCUMENT_BYTES,
    MAX_NESTING_DEPTH, MAX_PARSE_ERRORS,
};
use proptest::prelude::*;
use serde_json::{json, Map, Value};
use time::macros::datetime;

/// Everything the crate does with a document; panics are the failures.
fn exercise(bytes: &[u8]) {
    let now = datetime!(2025-06-01 12:00 +02:00);
    let (n, report) = validate_json(bytes);
    let options = ValidationOptions::new().submitted_at(now).policy(CountingPolicy::Reg1182);
    let _ = validate_json_with(bytes, &options);
    match Notification::from_json_all_errors(bytes) {
        Ok(read) => assert_eq!(Some(&read), n.as_ref()),
        Err(errors) => {
            assert!(n.is_none());
            assert!(!errors.is_empty() && errors.len() <= MAX_PARSE_ERRORS);
            assert!(!report.is_valid());
        }
    }
    let Some(n) = n else { return };
    let _ = n.validate(&options);
    for options in [
        ScheduleOptions::new(),
        ScheduleOptions::new().policy(CountingPolicy::Reg1182).regime(Regime::Nis2).regime(Regime::Eprivacy),
    ] {
        if let Ok(s) = schedule_notification(&n, &options, now) {
            for o in &s.obligations {
                let _ = o.explanation();
            }
        }
    }
    let _ = render(&n, &RenderOptions::new(Lang::Sv, Format::Text).with_summary(Summary::compute(&n, now)));
    let _ = render(&n, &RenderOptions::new(Lang::En, Format::Markdown));
    let again = Notification::from_json(&n.to_json()).expect("a readable notification reads back");
    assert_eq!(again, n);
}

/// Strings a hostile sender might try: empty, blank, control characters, escapes that are not
/// characters, right-to-left and zero-width marks, combining marks, astral characters, long runs.
fn odd_string() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just(" \t\n".to_string()),
        Just("\u{0}\u{1}\u{1f}".to_string()),
        Just("\u{202e}evil\u{200b}\u{feff}".to_string()),
        Just("e\u{301}\u{301}\u{301}".to_string()),
        Just("😀🇸🇪𝕏".to_string()),
        Just("2025-02-30".to_string()),
        Just("25:61".to_string()),
        Just("121212-1212 och 070-123 45 67, kim@example.org".to_string()),
        Just("x".repeat(10_001)),
        Just("å".repeat(201)),
        ".{0,40}",
        "[0-9 +-]{0,20}",
    ]
}

fn arbitrary_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<u64>().prop_map(|n| json!(n)),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(|f| json!(f)),
        odd_string().prop_map(Value::String),
        prop::sample::select(vec![
            "1.0",
            "yes",
            "no",
            "other",
            "from_1_to_10",
            "2025-03-30",
            "02:30",
            "+02:00"
        ])
        .prop_map(|s| Value::String(s.to_string())),
    ];
    leaf.prop_recursive(6, 96, 8, |inner| {
        let keys = prop::sample::select(vec![
            "schemaVersion",
            "submittedAt",
            "controller",
            "contactDetails",
            "contactPersons",
            "incident",
            "occurred",
            "discovered",
            "ceased",
            "date",
            "time",
            "utcOffset",
            "ongoing",
            "nature",
            "description",
            "processors",
            "organisations",
            "dataAndSubjects",
            "subjectCount",
            "exact",
            "interval",
            "consequences",
            "actions",
            "dataSubjectInformation",
            "supplementAndConfidentiality",
            "confidentialityMarkings",
            "pointer",
            "unknown",
        ]);
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((keys, inner), 0..8).prop_map(|members| Value::Object(
                members.into_iter().map(|(k, v)| (k.to_string(), v)).collect()
            )),
        ]
    })
}

/// One way of damaging a valid document.
#[derive(Debug, Clone)]
enum Mutation {
    Delete(usize),
    Replace(usize, Value),
    Nest(usize, usize),
    HugeString(usize, usize),
    Duplicate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::Delete),
        (any::<usize>(), arbitrary_json()).prop_map(|(i, v)| Mutation::Replace(i, v)),
        (any::<usize>(), 1usize..300).prop_map(|(i, d)| Mutation::Nest(i, d)),
        (any::<usize>(), 1usize..30_000).prop_map(|(i, n)| Mutation::HugeString(i, n)),
        any::<usize>().prop_map(Mutation::Duplicate),
    ]
}

/// The pointers of every value in a document.
fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                pointers(child, format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")), out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                pointers(child, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(at);
}

fn nested(depth: usize) -> Value {
    let mut v = json!("bottom");
    for i in 0..depth {
        v = if i % 2 == 0 { json!([v]) } else { json!({ "a": v }) };
    }
    v
}

/// Applies a mutation; returns the document as text (a duplicate member can only be written so).
fn apply(doc: &mut Value, m: &Mutation) -> Option<String> {
    let mut all = Vec::new();
    pointers(doc, String::new(), &mut all);
    let pick = |i: usize| all[i % all.len()].clone();
    match m {
        Mutation::Delete(i) => {
            let p = pick(*i);
            if let Some((parent, key)) = p.rsplit_once('/') {
                match doc.pointer_mut(parent) {
                    Some(Value::Object(o)) => {
                        o.shift_remove(&key.replace("~1", "/").replace("~0", "~"));
                    }
                    Some(Value::Array(a)) => {
                        if let Ok(i) = key.parse::<usize>() {
                            if i < a.len() {
                                a.remove(i);
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
        Mutation::Replace(i, v) => {
            if let Some(slot) = doc.pointer_mut(&pick(*i)) {
                *slot = v.clone();
            }
        }
        Mutation::Nest(i, depth) => {
            if let Some(slot) = doc.pointer_mut(&pick(*i)) {
                *slot = nested(*depth);
            }
        }
        Mutation::HugeString(i, n) => {
            if let Some(slot) = doc.pointer_mut(&pick(*i)) {
                *slot = Value::String("ö".repeat(*n));
            }
        }
        Mutation::Duplicate(i) => {
            // Write the first member of an object twice.
            let p = pick(*i);
            let text = doc.to_string();
            let Some(Value::Object(o)) = doc.pointer(&p) else { return Some(text) };
            let Some((k, v)) = o.iter().next() else { return Some(text) };
            let member = format!("{}:{}", Value::String(k.clone()), v);
            return Some(text.replacen(&member, &format!("{member},{member}"), 1));
        }
    }
    None
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_json_never_panics(v in arbitrary_json()) {
        exercise(v.to_string().as_bytes());
        // The same as the body of a notification.
        let mut doc = Map::new();
        doc.insert("schemaVersion".into(), json!("1.0"));
        if let Value::Object(members) = v {
            doc.extend(members);
        }
        exercise(Value::Object(doc).to_string().as_bytes());
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        exercise(&bytes);
    }

    #[test]
    fn mutated_valid_documents_never_panic(seed in any::<u64>(), mutations in prop::collection::vec(mutation(), 1..5)) {
        let n = Generator::new(seed).invalid_share(0.0).notification();
        let mut doc = serde_json::to_value(&n).unwrap();
        let mut text = None;
        for m in &mutations {
            if let Some(t) = apply(&mut doc, m) {
                text = Some(t);
                break;
            }
        }
        let text = text.unwrap_or_else(|| doc.to_string());
        exercise(text.as_bytes());
        // Cut anywhere (on a character boundary).
        let cut = (seed as usize) % (text.len() + 1);
        let cut = (0..=cut).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
        exercise(&text.as_bytes()[..cut]);
    }

    #[test]
    fn generated_samples_never_panic(seed in any::<u64>()) {
        let sample = Generator::new(seed).invalid_share(0.5).sample();
        exercise(sample.json.as_bytes());
    }
}

#[test]
fn nesting_deeper_than_the_limit_is_a_clear_error_without_recursion() {
    for depth in [MAX_NESTING_DEPTH + 1, 10_000, 500_000] {
        for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
            // Inside a member the model knows, and as the whole document.
            let inner = format!("{}1{}", open.repeat(depth), close.repeat(depth));
            for doc in
                [format!("{{\"schemaVersion\":\"1.0\",\"controller\":{{\"name\":{inner}}}}}"), inner.clone()]
            {
                if doc.len() > MAX_DOCUMENT_BYTES {
                    continue;
                }
                let (n, report) = validate_json(doc.as_bytes());
                assert!(n.is_none());
                assert!(!report.is_valid());
                exercise(doc.as_bytes());
            }
        }
    }
    // At the limit itself a document is read (and then found wrong), past it refused as too deep.
    let too_deep = format!(
        "{{\"schemaVersion\":\"1.0\",\"incident\":{{\"description\":{}1{}}}}}",
        "[".repeat(MAX_NESTING_DEPTH),
        "]".repeat(MAX_NESTING_DEPTH)
    );
    let errors = Notification::from_json_all_errors(too_deep.as_bytes()).unwrap_err();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].code(), "json-syntax");
    assert!(
        errors[0].message(Lang::En).contains("recursion limit exceeded"),
        "{}",
        errors[0].message(Lang::En)
    );
    assert!(errors[0].message(Lang::Sv).contains("för djupt nästlad"), "{}", errors[0].message(Lang::Sv));
}

#[test]
fn oversized_documents_are_refused_before_reading() {
    // Megabytes of anything, even not JSON: one error, the size, no time spent reading.
    let big = vec![b'{'; MAX_DOCUMENT_BYTES + 1];
    let (n, report) = validate_json(&big);
    assert!(n.is_none());
    assert_eq!(report.violations.len(), 1);
    assert_eq!(report.violations[0].code, "document-too-large");
    assert!(report.violations[0].message.en.contains(&(MAX_DOCUMENT_BYTES + 1).to_string()));
    // Exactly at the limit it is read (and found not to be JSON).
    let at_limit = vec![b' '; MAX_DOCUMENT_BYTES];
    assert_eq!(validate_json(&at_limit).1.violations[0].code, "json-syntax");
}

#[test]
fn limits_are_the_documented_ones_and_in_the_schema() {
    assert_eq!(MAX_DOCUMENT_BYTES, 1_048_576);
    assert_eq!(MAX_NESTING_DEPTH, 128);
    assert_eq!(MAX_PARSE_ERRORS, 100);
    let schema = imy_breach::schema::canonical();
    assert_eq!(schema["x-limits"]["maxDocumentBytes"], json!(MAX_DOCUMENT_BYTES));
    assert_eq!(schema["x-limits"]["maxNestingDepth"], json!(MAX_NESTING_DEPTH));
    let description = schema["description"].as_str().unwrap();
    assert!(
        description.contains("1048576 bytes (1 MiB)") && description.contains("128 levels"),
        "{description}"
    );
    let text = schema.to_string();
    for limit in [
        "\"maxLength\":200",
        "\"maxLength\":10000",
        "\"maxItems\":20",
        "\"maxItems\":100",
        "\"maxItems\":200",
    ] {
        assert!(text.contains(limit), "{limit}");
    }
}

#[test]
fn many_problems_stop_at_the_reported_maximum() {
    // 300 unknown members: 100 reported, quickly.
    let members: Vec<String> = (0..300).map(|i| format!("\"x{i}\":{i}")).collect();
    let doc = format!("{{\"schemaVersion\":\"1.0\",{}}}", members.join(","));
    let errors = Notification::from_json_all_errors(doc.as_bytes()).unwrap_err();
    assert_eq!(errors.len(), MAX_PARSE_ERRORS);
    assert!(errors.iter().all(|e| e.code() == "unknown-field"));
    // Every element of a long list wrong: the first 100 problems are reported, one an element,
    // before the reader gets to the list's length.
    let actions: Vec<Value> = (0..250).map(|_| json!({"date": "not a date"})).collect();
    let doc = json!({"schemaVersion": "1.0", "consequences": {"actions": actions}});
    let errors = Notification::from_json_all_errors(doc.to_string().as_bytes()).unwrap_err();
    assert!(errors.len() <= MAX_PARSE_ERRORS);
    let got: Vec<(String, &str)> = errors.iter().map(|e| (e.pointer().to_string(), e.code())).collect();
    let got: Vec<(&str, &str)> = got.iter().map(|(p, c)| (p.as_str(), *c)).collect();
    assert_eq!(got.len(), MAX_PARSE_ERRORS);
    assert_eq!(got[0], ("/consequences/actions/0/date", "date-format"));
    assert_eq!(got[99], ("/consequences/actions/99/date", "date-format"));
}

/// A list one longer than its limit is refused as a whole, by the reader and by the schema.
#[test]
fn lists_longer_than_their_limit_are_refused() {
    let action = json!({"description": "Lösenordet byttes."});
    for (n, ok) in [(200, true), (201, false)] {
        let doc = json!({"schemaVersion": "1.0", "consequences": {"actions": vec![action.clone(); n]}});
        let read = Notification::from_json_all_errors(doc.to_string().as_bytes());
        let schema = common::canonical_validator()
            .iter_errors(&doc)
            .map(|e| e.instance_path().to_string())
            .collect::<Vec<_>>();
        if ok {
            assert!(read.is_ok(), "{n}: {read:?}");
            assert!(!schema.contains(&"/consequences/actions".to_string()), "{n}: {schema:?}");
        } else {
            let errors = read.unwrap_err();
            let got: Vec<(String, &str)> =
                errors.iter().map(|e| (e.pointer().to_string(), e.code())).collect();
            let got: Vec<(&str, &str)> = got.iter().map(|(p, c)| (p.as_str(), *c)).collect();
            assert_eq!(got, [("/consequences/actions", "too-many-items")], "{n}");
            assert!(schema.contains(&"/consequences/actions".to_string()), "{n}: {schema:?}");
        }
    }
}

/// Every list of the canonical schema has `maxItems`, and every free-text string `maxLength` (a
/// string without options, a format or a pattern), wherever it stands outside a condition.
#[test]
fn every_list_and_free_text_has_a_limit_in_the_schema() {
    fn walk(v: &Value, at: &str, in_condition: bool, missing: &mut Vec<String>, seen: &mut usize) {
        match v {
            Value::Object(m) => {
                let is = |t: &str| {
                    m.get("type")
                        .is_some_and(|x| x == t || x.as_array().is_some_and(|a| a.iter().any(|y| y == t)))
                };
                if is("array") {
                    *seen += 1;
                    if !m.contains_key("maxItems") {
                        missing.push(format!("{at} (maxItems)"));
                    }
                }
                let constrained = ["enum", "const", "oneOf", "anyOf", "format", "pattern", "maxLength"]
                    .iter()
                    .any(|k| m.contains_key(*k));
                if is("string") && !constrained && !in_condition {
                    missing.push(format!("{at} (maxLength)"));
                }
                if is("string") && m.contains_key("maxLength") {
                    *seen += 1;
                }
                for (k, x) in m {
                    let condition = in_condition || matches!(k.as_str(), "if" | "then" | "else");
                    walk(x, &format!("{at}/{k}"), condition, missing, seen);
                }
            }
            Value::Array(items) => {
                for (i, x) in items.iter().enumerate() {
                    walk(x, &format!("{at}/{i}"), in_condition, missing, seen);
                }
            }
            _ => {}
        }
    }
    let (mut missing, mut seen) = (Vec::new(), 0);
    walk(&imy_breach::schema::canonical(), "", false, &mut missing, &mut seen);
    assert!(missing.is_empty(), "{missing:#?}");
    assert!(seen >= 10, "{seen}");
}

/// Every input the fuzzer found a problem with (`tests/data/fuzz/`), replayed.
#[test]
fn fuzz_findings_stay_fixed() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/fuzz");
    let mut replayed = 0;
    for entry in std::fs::read_dir(dir).expect("tests/data/fuzz") {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            continue;
        }
        exercise(&std::fs::read(&path).unwrap());
        replayed += 1;
    }
    assert!(replayed >= 6, "{replayed} findings replayed");
}

/// Documents of the largest size made of nothing but problems are read in bounded time: the search
/// for problems stops after ten times the problems reported, and no step is quadratic in them.
#[test]
fn a_megabyte_of_problems_is_read_quickly() {
    let codes: Vec<String> = (0..120_000).map(|i| format!("{i}")).collect();
    let many_codes = json!({"schemaVersion": "1.0", "dataAndSubjects": {"subjectGroups": codes}});
    let mut members = serde_json::Map::new();
    members.insert("schemaVersion".into(), json!("1.0"));
    for i in 0..70_000 {
        members.insert(format!("m{i}"), json!(1));
    }
    let many_members = Value::Object(members);
    for doc in [many_codes, many_members] {
        let bytes = doc.to_string().into_bytes();
        assert!(bytes.len() <= imy_breach::MAX_DOCUMENT_BYTES);
        let start = std::time::Instant::now();
        let errors = Notification::from_json_all_errors(&bytes).unwrap_err();
        assert_eq!(errors.len(), MAX_PARSE_ERRORS);
        let (_, report) = imy_breach::validate_json(&bytes);
        assert!(report.violations.len() >= MAX_PARSE_ERRORS);
        assert!(start.elapsed() < std::time::Duration::from_secs(20), "{:?}", start.elapsed());
    }
}
