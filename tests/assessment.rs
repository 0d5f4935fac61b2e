//! The EDPB's worked cases (Guidelines 01/2021 on examples regarding personal data breach
//! notification, v2.0) as breach records in `tests/data/assessment/` (facts, affected, the
//! assessment's inputs, the decisions as the EDPB concludes), each case's title, expected verdict
//! and how it is known in `cases.json` beside them: the assessment of each record must reach its
//! expected verdict, or the case must be listed, with the reason, in
//! `tests/data/assessment/expected-deviations.json` (as rust-url lists its expected failures). The
//! test fails when a listed deviation stops deviating or an unlisted one appears. Every record
//! satisfies the record schema (an independent validator) and has no errors by the crate's rules.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use imy_breach::assessment::{assess_record, ExpectedVerdict};
use imy_breach::{BreachRecord, DecisionOutcome, ValidationOptions};
use serde::Deserialize;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/assessment")
}

const DEVIATIONS: &str = "expected-deviations.json";
const TABLE: &str = "cases.json";

/// A case's data beside its record: what the EDPB concludes and how that is known.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Case {
    title: String,
    expected: ExpectedVerdict,
    known_from: String,
    #[serde(default)]
    #[allow(dead_code)]
    source: Option<String>,
    #[serde(skip)]
    record: BreachRecord,
}

/// Every case, by its id (the record's file name without `.json`), with its record.
fn cases() -> BTreeMap<String, Case> {
    let text = std::fs::read_to_string(dir().join(TABLE)).unwrap();
    let mut table: BTreeMap<String, Case> = serde_json::from_str(&text).unwrap();
    let schema = common::validator(&serde_json::from_str(&common_schema()).unwrap());
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name == DEVIATIONS || name == TABLE || !name.ends_with(".json") {
            continue;
        }
        let id = name.trim_end_matches(".json").to_owned();
        let bytes = std::fs::read(&path).unwrap();
        let json: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
        let problems: Vec<String> =
            schema.iter_errors(&json).map(|e| format!("{}: {e}", e.instance_path())).collect();
        assert!(problems.is_empty(), "{name} does not satisfy the record schema: {problems:#?}");
        let record = BreachRecord::from_slice(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        let case = table.get_mut(&id).unwrap_or_else(|| panic!("{name} has no row in {TABLE}"));
        case.record = record;
        files.push(id);
    }
    let rows: Vec<&String> = table.keys().filter(|k| !files.contains(k)).collect();
    assert!(rows.is_empty(), "rows of {TABLE} without a record: {rows:?}");
    table
}

fn common_schema() -> String {
    std::fs::read_to_string(common::root().join("schema/record.schema.json")).unwrap()
}

/// The listed deviations: case id → why.
fn listed() -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(dir().join(DEVIATIONS)).unwrap();
    let list: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    list.iter()
        .map(|d| {
            let id = d["case"].as_str().expect("a deviation names its case").to_owned();
            let why = d["why"].as_str().expect("a deviation says why").to_owned();
            assert!(why.len() > 40, "{id}: the reason says why");
            (id, why)
        })
        .collect()
}

#[test]
fn the_edpb_cases_reach_their_verdicts_or_are_listed_deviations() {
    let cases = cases();
    assert!(cases.len() >= 18, "every case of the guideline is in the corpus: {}", cases.len());
    for n in 1..=18 {
        let prefix = format!("{n:02}");
        assert!(cases.keys().any(|k| k.starts_with(&prefix)), "case {prefix} is in the corpus");
    }
    let listed = listed();
    let mut report = Vec::new();
    let mut unexpected = Vec::new();
    for (id, case) in &cases {
        let expected = case.expected;
        assert!(expected.document, "{id}: every breach is documented (Art. 33(5))");
        assert!(!case.known_from.is_empty() && case.title.starts_with("CASE No."), "{id}: knownFrom, title");
        let a = assess_record(&case.record).unwrap_or_else(|| panic!("{id}: the record has an assessment"));
        assert!(a.missing.is_empty(), "{id}: every input is given or derived: {:?}", a.missing);
        let got = ExpectedVerdict {
            document: true,
            notify_authority: a.recommendation.notify_authority,
            inform_data_subjects: a.recommendation.inform_data_subjects,
        };
        let score = a.severity.and_then(|s| s.score).map_or("-".to_owned(), |s| s.to_string());
        report.push(format!("{id}: score {score}, expected {expected:?}, got {got:?}"));
        match (got == expected, listed.contains_key(id)) {
            (true, true) => {
                unexpected.push(format!("{id} is listed as a deviation but now reaches the verdict"))
            }
            (false, false) => unexpected.push(format!(
                "{id} deviates and is not listed: expected {expected:?}, got {got:?} (score {score})"
            )),
            _ => {}
        }
    }
    for id in listed.keys() {
        if !cases.contains_key(id) {
            unexpected.push(format!("{id} is listed but no such case exists"));
        }
    }
    assert!(unexpected.is_empty(), "{}\n\nall cases:\n{}", unexpected.join("\n"), report.join("\n"));
}

/// Each record documents the EDPB's verdict as its decisions, and has no errors by the crate's rules:
/// where the method deviates, the decision's explanation is what the rules ask for.
#[test]
fn the_case_records_decide_as_the_edpb_and_validate() {
    for (id, case) in cases() {
        let d = &case.record.decisions;
        let yes = |o: Option<DecisionOutcome>| o == Some(DecisionOutcome::Yes);
        assert_eq!(yes(d.notify_authority.decision), case.expected.notify_authority, "{id}: notify");
        assert_eq!(yes(d.inform_data_subjects.decision), case.expected.inform_data_subjects, "{id}: inform");
        let report = case.record.validate(&ValidationOptions::new());
        let errors: Vec<_> = report.errors().map(|v| (v.code, v.pointer.clone())).collect();
        assert!(errors.is_empty(), "{id}: {errors:?}");
    }
}

/// A record's findings on severity and informing: the rules of thumb without an assessment, the
/// comparison with the assessment where there is one, each at the record's pointer.
#[test]
fn a_record_is_compared_with_its_assessment_at_its_own_pointers() {
    const HIGH: &str = r#""assessment":{"enisa":{"easeOfIdentification":"maximum",
        "confidentiality":"unknown_recipients","integrity":"none","availability":"none","malicious":"yes"}},"#;
    let findings = |severity: &str, assessment: &str| {
        let r = BreachRecord::from_json(&format!(
            r#"{{"kind":"breach_record","schemaVersion":"1.1","affected":{{"dataCategories":["health"]}},
               "severity":"{severity}",{assessment}"decisions":{{"notifyAuthority":{{"decision":"yes"}}}}}}"#
        ))
        .unwrap();
        let mut out: Vec<(&str, String)> = r
            .validate(&ValidationOptions::new())
            .warnings()
            .filter(|v| v.code.contains("sever") || v.code.contains("inform"))
            .map(|v| (v.code, v.pointer.clone()))
            .collect();
        out.sort();
        out
    };
    let at = |c: &'static str, p: &str| (c, p.to_owned());
    const DECISION: &str = "/decisions/informDataSubjects/decision";
    assert_eq!(findings("not_serious", ""), [at("sensitive-data-low-severity", "/severity")]);
    assert_eq!(findings("very_serious", ""), [at("high-severity-not-informing", DECISION)]);
    assert_eq!(
        findings("not_serious", HIGH),
        [
            at("informing-diverges-from-assessment", DECISION),
            at("severity-diverges-from-assessment", "/severity")
        ]
    );
    assert_eq!(findings("very_serious", HIGH), [at("informing-diverges-from-assessment", DECISION)]);
}
