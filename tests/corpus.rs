//! The validation corpus.
//!
//! - `tests/data/valid/*.json`: notifications that can be filed (no errors). Their warnings, if any,
//!   are listed in [`VALID_WARNINGS`].
//! - `tests/data/invalid/NAME.json`: documents with problems, each with `NAME.expected.json`, the
//!   violations it must produce, exactly: `[{"code", "pointer", "severity"}]` in report order.
//! - Every rule of the catalogue is produced by at least one document (the 1 MiB limit by a document
//!   generated here), and every code produced is in the catalogue.
//! - `tests/data/records/NAME.json`: breach records with problems, each with its `NAME.expected.json`
//!   as above (a document with `"kind": "breach_record"` is validated as a record).
//! - `tests/data/messages.txt`: every message of the corpus in Swedish and English, a snapshot read
//!   by people; messages are full sentences that name the question.
//!
//! The documents take the submission moment from their `submittedAt`. After an intended change,
//! regenerate the expectations with `IMY_BREACH_UPDATE_CORPUS=1 cargo test --test corpus` and review
//! the diff.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use imy_breach::validation::{validate_with_assessment, RuleKind, RULES};
use imy_breach::{validate_json, Lang, Level, Report, MAX_DOCUMENT_BYTES};
use serde_json::{json, Value};

const UPDATE_VAR: &str = "IMY_BREACH_UPDATE_CORPUS";

/// Warnings a valid document is expected to produce: (file stem, [(code, pointer)]).
const VALID_WARNINGS: &[(&str, &[(&str, &str)])] = &[
    ("ceased-comment-only", &[("date-missing-with-comment", "/incident/ceased/date")]),
    ("informed-on-suspicion", &[("informed-before-discovery", "/dataSubjectInformation/informedOn")]),
    (
        "supplement-pending",
        &[
            ("form-question-unanswered", "/incident/sector"),
            ("required-in-supplement", "/dataAndSubjects/subjectCount"),
            ("required-in-supplement", "/dataAndSubjects/recordCount"),
            ("required-in-supplement", "/consequences/likelyConsequences"),
        ],
    ),
    // Schema version 1.1: a notification filed in phases, with 36 = Ja.
    (
        "phased-notification",
        &[
            ("answer-not-known-yet", "/dataAndSubjects/subjectCount"),
            ("answer-not-known-yet", "/consequences/likelyConsequences"),
        ],
    ),
    // A fictional version of a real filing: questions 19, 20 and 23 unanswered, 36 = Nej.
    (
        "unanswered-sector-and-count",
        &[
            ("form-question-unanswered", "/incident/sector"),
            ("form-question-unanswered", "/incident/areaOfActivity"),
            ("required-where-possible", "/dataAndSubjects/subjectCount"),
        ],
    ),
];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn updating() -> bool {
    std::env::var(UPDATE_VAR).is_ok_and(|v| v == "1")
}

/// The documents of a corpus directory (sidecars excluded), sorted.
fn documents(dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join(dir))
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .map(|e| e.unwrap().path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.ends_with(".json") && !name.ends_with(".expected.json")
        })
        .collect();
    files.sort();
    files
}

fn stem(path: &Path) -> String {
    path.file_name().unwrap().to_string_lossy().trim_end_matches(".json").to_string()
}

fn report_of(path: &Path) -> Report {
    let bytes = std::fs::read(path).unwrap();
    let kind = serde_json::from_slice::<Value>(&bytes).ok().and_then(|v| v.get("kind").cloned());
    if kind.is_some_and(|k| k == imy_breach::RECORD_KIND || k == "supplement") {
        return imy_breach::validate_record_json(&bytes, &imy_breach::ValidationOptions::new()).1;
    }
    validate_json(&bytes).1
}

fn summary(report: &Report) -> Value {
    Value::Array(
        report
            .violations
            .iter()
            .map(|v| json!({"code": v.code, "pointer": v.pointer, "severity": v.level.code()}))
            .collect(),
    )
}

#[test]
fn valid_documents_have_no_errors() {
    let docs = documents("tests/data/valid");
    assert!(docs.len() >= 4, "tests/data/valid holds {} documents", docs.len());
    for path in docs {
        let report = report_of(&path);
        let errors: Vec<_> = report.errors().map(|v| (v.code, &v.pointer)).collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
        let name = stem(&path);
        let expected: Vec<(&str, &str)> =
            VALID_WARNINGS.iter().find(|(n, _)| *n == name).map_or(Vec::new(), |(_, w)| w.to_vec());
        let got: Vec<(&str, &str)> = report.warnings().map(|v| (v.code, v.pointer.as_str())).collect();
        assert_eq!(got, expected, "{}: warnings", path.display());
    }
}

#[test]
fn examples_have_no_errors() {
    let mut n = 0;
    for entry in std::fs::read_dir(root().join("examples")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|x| x != "json") {
            continue;
        }
        n += 1;
        let report = report_of(&path);
        let errors: Vec<_> =
            report.errors().map(|v| format!("{} {}: {}", v.code, v.pointer, v.message.en)).collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
        assert!(report.skipped.is_empty(), "{}: every example has submittedAt", path.display());
    }
    assert!(n >= 4, "examples/ holds {n} notifications");
}

#[test]
fn invalid_documents_produce_exactly_the_expected_violations() {
    let docs = documents("tests/data/invalid");
    assert!(docs.len() >= 20, "tests/data/invalid holds {} documents", docs.len());
    expect_sidecars(docs);
}

#[test]
fn invalid_records_produce_exactly_the_expected_violations() {
    let docs = documents("tests/data/records");
    assert!(docs.len() >= 10, "tests/data/records holds {} documents", docs.len());
    expect_sidecars(docs);
}

/// Each document produces exactly the violations of its sidecar.
fn expect_sidecars(docs: Vec<PathBuf>) {
    let mut failures = Vec::new();
    for path in docs {
        let got = summary(&report_of(&path));
        assert!(!got.as_array().unwrap().is_empty(), "{} produces no violation", path.display());
        let sidecar = path.with_file_name(format!("{}.expected.json", stem(&path)));
        if updating() {
            std::fs::write(&sidecar, format!("{}\n", serde_json::to_string_pretty(&got).unwrap())).unwrap();
            continue;
        }
        let expected: Value = match std::fs::read_to_string(&sidecar) {
            Ok(text) => serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", sidecar.display())),
            Err(_) => {
                failures.push(format!("{} is missing", sidecar.display()));
                continue;
            }
        };
        if got != expected {
            failures.push(format!(
                "{}:\nexpected {}\n     got {}",
                path.display(),
                serde_json::to_string(&expected).unwrap(),
                serde_json::to_string(&got).unwrap()
            ));
        }
    }
    assert!(failures.is_empty(), "set {UPDATE_VAR}=1 to regenerate after review:\n{}", failures.join("\n"));
}

/// Reports of documents that are not worth a file in the corpus.
fn generated_reports() -> Vec<(String, Report)> {
    let mut big = br#"{"schemaVersion":"1.0","incident":{"description":""#.to_vec();
    big.resize(MAX_DOCUMENT_BYTES + 10, b'x');
    big.extend_from_slice(br#""}}"#);
    vec![
        ("(generated) document over 1 MiB".to_string(), validate_json(&big).1),
        with_assessment(),
        record_against_assessment(),
    ]
}

/// A notification whose severity (29) and informing (31–35) diverge from its risk assessment: the
/// rules a breach record runs ([`validate_with_assessment`]).
fn with_assessment() -> (String, Report) {
    let n = imy_breach::Notification::from_json(
        r#"{"schemaVersion":"1.0","incident":{"nature":"unauthorised_access","cause":"antagonistic_attack"},
            "dataAndSubjects":{"dataCategories":["health"]},"consequences":{"severity":"not_serious"}}"#,
    )
    .unwrap();
    let inputs: imy_breach::RiskAssessment =
        serde_json::from_str(r#"{"enisa":{"easeOfIdentification":"maximum"}}"#).unwrap();
    let a = imy_breach::assessment::assess(&n, &inputs);
    let report = validate_with_assessment(&n, &imy_breach::ValidationOptions::default(), &a);
    ("(generated) notification with a risk assessment".to_string(), report)
}

/// A record not notified while its assessment method recommends notifying.
fn record_against_assessment() -> (String, Report) {
    // ENISA's method presumes a risk (3 × 1 + 0.25 = 3.25, high) where the record decides not to notify.
    let record = imy_breach::BreachRecord::from_json(
        r#"{"kind":"breach_record","schemaVersion":"1.1","affected":{"dataCategories":["financial_information"]},
            "assessment":{"enisa":{"easeOfIdentification":"maximum","confidentiality":"known_recipients",
            "integrity":"none","availability":"none","malicious":"no"}},
            "decisions":{"notifyAuthority":{"decision":"no","reason":"risk_unlikely"}}}"#,
    )
    .unwrap();
    let against = record.validate(&imy_breach::ValidationOptions::new());
    ("(generated) record not notified against its assessment".to_string(), against)
}

fn corpus_reports() -> Vec<(String, Report)> {
    let mut all: Vec<(String, Report)> = ["tests/data/valid", "tests/data/invalid", "tests/data/records"]
        .iter()
        .flat_map(|dir| documents(dir))
        .map(|p| (p.strip_prefix(root()).unwrap().display().to_string(), report_of(&p)))
        .collect();
    all.extend(generated_reports());
    all
}

#[test]
fn every_rule_is_exercised_and_every_code_is_catalogued() {
    // The supplement's rules are about supplements, not notifications: tests/supplement.rs
    // exercises each of them.
    let catalogue: BTreeSet<&str> =
        RULES.iter().filter(|r| r.kind != RuleKind::Supplement).map(|r| r.code).collect();
    let mut produced = BTreeSet::new();
    for (name, report) in corpus_reports() {
        for v in &report.violations {
            let rule = imy_breach::validation::rule(v.code)
                .unwrap_or_else(|| panic!("{name}: code {} is not in the catalogue", v.code));
            assert_eq!(rule.level, v.level, "{name}: {} has the catalogue's level", v.code);
            produced.insert(v.code);
        }
    }
    let never: Vec<&&str> = catalogue.difference(&produced).collect();
    assert!(never.is_empty(), "rules no corpus document produces: {never:?}");
}

/// Every rule message is a sentence in its language and names what it is about.
#[test]
fn messages_are_sentences() {
    for (name, report) in corpus_reports() {
        for v in &report.violations {
            if imy_breach::validation::rule(v.code).is_some_and(|r| r.kind == RuleKind::Format) {
                // The reader's messages (crate::ParseError) are checked with the reader.
                continue;
            }
            for lang in [Lang::Sv, Lang::En] {
                let m = v.message(lang);
                let first = m.chars().next().unwrap();
                let identifier = m.split(' ').next().unwrap().chars().any(char::is_uppercase);
                // "… and N more" continues the findings of its code left off (MAX_FINDINGS_PER_CODE).
                let continued = first == '…';
                assert!(
                    first.is_uppercase() || first.is_ascii_digit() || identifier || continued,
                    "{name} {}: {m}",
                    v.code
                );
                assert!(m.ends_with(['.', '?', '!']), "{name} {}: {m}", v.code);
                assert!(!m.contains("{") && !m.contains("  "), "{name} {}: {m}", v.code);
            }
            assert_ne!(v.message.sv, v.message.en, "{name} {}", v.code);
            if v.pointer.contains("/incident/") && v.level == Level::Error && !v.code.contains("format") {
                // Rule messages about the breach name a question.
                let named = v.message.sv.contains("råga") || v.message.sv.contains("Kommentaren");
                assert!(
                    named || imy_breach::validation::rule(v.code).unwrap().in_schema,
                    "{name}: {}",
                    v.message.sv
                );
            }
        }
    }
}

/// The snapshot of every message, for review.
#[test]
fn message_snapshot() {
    let mut out = String::from(
        "# Validation messages of the corpus (tests/corpus.rs; regenerate with IMY_BREACH_UPDATE_CORPUS=1)\n",
    );
    for (name, report) in corpus_reports() {
        if report.violations.is_empty() {
            continue;
        }
        out.push_str(&format!("\n## {name}\n"));
        for v in &report.violations {
            out.push_str(&format!("\n{} {} [{}]\n", v.level.code(), v.pointer, v.code));
            out.push_str(&format!("  sv: {}\n  en: {}\n", v.message.sv, v.message.en));
        }
    }
    let path = root().join("tests/data/messages.txt");
    if updating() {
        std::fs::write(&path, &out).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    if committed != out {
        let diff: Vec<String> = committed
            .lines()
            .zip(out.lines())
            .filter(|(a, b)| a != b)
            .take(5)
            .map(|(a, b)| format!("- {a}\n+ {b}"))
            .collect();
        panic!(
            "tests/data/messages.txt is out of date ({UPDATE_VAR}=1 regenerates it):\n{}",
            diff.join("\n")
        );
    }
}
