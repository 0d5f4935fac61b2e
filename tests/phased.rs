//! Phased notification end to end, on the real incidents of the seeds (fictional organisations and
//! people): each first filing is honest within 72 hours with what was known then (start of the
//! breach and counts "not known yet", question 36 = Ja), and the supplements of
//! examples/supplements/NN-name-K.json bring the later facts. The deadline engine, `pending`,
//! `validate_case`, `diff`/`apply` and the binary's `supplement diff`/`apply` are checked on each.

mod common;

use std::path::PathBuf;

use common::{canonical_validator, root, run, stdout, temp_file, validator};
use imy_breach::case::{apply, case_facts, diff, pending, validate_case, PendingReason};
use imy_breach::deadline::{schedule, ScheduleOptions, Stage, Status};
use imy_breach::{validate_document_json, Level, Notification, Supplement, ValidationOptions};
use serde_json::Value;

const OCCURRED: &str = "/incident/occurred";
const SUBJECTS: &str = "/dataAndSubjects/subjectCount";
const RECORDS: &str = "/dataAndSubjects/recordCount";
const PROMISE: &str = "/supplementAndConfidentiality/intendsToSupplement";

/// A seed incident: its first filing, its supplements, and what is "not known yet" at first and
/// after each supplement.
struct Case {
    name: &'static str,
    not_known_yet: &'static [&'static str],
    open_after: &'static [&'static [&'static str]],
}

const CASES: &[Case] = &[
    Case {
        name: "01-protected-identities",
        not_known_yet: &[OCCURRED, SUBJECTS, RECORDS],
        open_after: &[&[RECORDS], &[]],
    },
    Case { name: "02-pupils-intranet", not_known_yet: &[SUBJECTS, RECORDS], open_after: &[&[]] },
    Case {
        name: "04-ransomware",
        not_known_yet: &[OCCURRED, SUBJECTS, RECORDS],
        open_after: &[&[OCCURRED], &[]],
    },
];

fn first_path(c: &Case) -> PathBuf {
    root().join(format!("examples/phased/{}.json", c.name))
}

fn supplement_paths(c: &Case) -> Vec<PathBuf> {
    (1..=c.open_after.len())
        .map(|k| root().join(format!("examples/supplements/{}-{k}.json", c.name)))
        .collect()
}

fn text(path: &PathBuf) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn first(c: &Case) -> Notification {
    Notification::from_json(&text(&first_path(c))).unwrap()
}

fn supplements(c: &Case) -> Vec<Supplement> {
    supplement_paths(c).iter().map(|p| Supplement::from_json(&text(p)).unwrap()).collect()
}

fn now() -> time::OffsetDateTime {
    time::macros::datetime!(2025-01-01 12:00 +01:00)
}

#[test]
fn every_phased_example_is_a_case_here() {
    let found = common::json_files(&["examples/phased"]);
    let known: Vec<PathBuf> = CASES.iter().map(first_path).collect();
    assert_eq!(found, known);
    assert!(CASES.len() >= 3);
}

#[test]
fn each_first_filing_validates_with_exactly_its_not_known_yet_warnings() {
    for c in CASES {
        let bytes = text(&first_path(c));
        let n: Value = serde_json::from_str(&bytes).unwrap();
        assert_eq!(n["schemaVersion"], "1.1", "{}", c.name);
        assert_eq!(n["supplementAndConfidentiality"]["intendsToSupplement"], "yes", "{}: 36 = Ja", c.name);
        let errors: Vec<String> =
            canonical_validator().iter_errors(&n).map(|e| format!("{e} at {}", e.instance_path())).collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", c.name);
        let report = validate_document_json(bytes.as_bytes(), &ValidationOptions::new());
        assert!(report.is_valid(), "{}: {:?}", c.name, report.violations);
        let warnings: Vec<(&str, &str)> =
            report.violations.iter().map(|v| (v.code, v.pointer.as_str())).collect();
        let expected: Vec<(&str, &str)> =
            c.not_known_yet.iter().map(|p| ("answer-not-known-yet", *p)).collect();
        assert_eq!(warnings, expected, "{}", c.name);
        assert!(report.violations.iter().all(|v| v.level == Level::Warning));
    }
}

#[test]
fn each_first_filing_is_within_72_hours_and_pending_lists_what_is_not_known_yet() {
    for c in CASES {
        let n = first(c);
        let filed = n.submitted_at.unwrap().get();
        let facts = case_facts(&n, &[]).unwrap();
        let s = schedule(&facts, &ScheduleOptions::new(), now()).unwrap();
        let art33 = s.get(Stage::ImyNotification).unwrap();
        assert_eq!(art33.status, Status::Met, "{}", c.name);
        assert_eq!(art33.completed_at, Some(filed));
        assert!(art33.deadline.is_some_and(|d| filed <= d), "{}", c.name);
        // Without a supplement the 4-week duty is open, and overdue by now.
        assert_eq!(s.get(Stage::ImySupplement).unwrap().status, Status::Overdue, "{}", c.name);
        let items = pending(&n, &[]).unwrap();
        let unknown: Vec<&str> = items
            .iter()
            .filter(|i| i.reason == PendingReason::NotKnownYet)
            .map(|i| i.pointer.as_str())
            .collect();
        assert_eq!(unknown, c.not_known_yet, "{}", c.name);
        let rest: Vec<(&str, PendingReason)> = items
            .iter()
            .filter(|i| i.reason != PendingReason::NotKnownYet)
            .map(|i| (i.pointer.as_str(), i.reason))
            .collect();
        assert_eq!(rest, [(PROMISE, PendingReason::Promised)], "{}: only the promise of 36 besides", c.name);
    }
}

#[test]
fn after_each_supplement_the_case_validates_and_pending_lists_what_is_still_open() {
    for c in CASES {
        let (n, all) = (first(c), supplements(c));
        for (k, open) in c.open_after.iter().enumerate() {
            let filed = &all[..=k];
            let report = validate_case(&n, filed, &ValidationOptions::new());
            for (i, r) in report.supplements.iter().enumerate() {
                assert!(r.violations.is_empty(), "{} supplement {}: {:?}", c.name, i + 1, r.violations);
            }
            assert!(report.current.is_valid(), "{} after {}: {:?}", c.name, k + 1, report.current.violations);
            let warned: Vec<&str> = report.current.violations.iter().map(|v| v.pointer.as_str()).collect();
            assert_eq!(warned, *open, "{} after {}: only the still unknown answers warn", c.name, k + 1);
            let items = pending(&n, filed).unwrap();
            let pointers: Vec<&str> = items.iter().map(|i| i.pointer.as_str()).collect();
            assert_eq!(pointers, *open, "{} after {}", c.name, k + 1);
            assert!(items.iter().all(|i| i.reason == PendingReason::NotKnownYet));
        }
    }
}

#[test]
fn the_first_supplement_meets_the_four_week_duty() {
    for c in CASES {
        let (n, all) = (first(c), supplements(c));
        let facts = case_facts(&n, &all).unwrap();
        let s = schedule(&facts, &ScheduleOptions::new(), now()).unwrap();
        let row = s.get(Stage::ImySupplement).unwrap();
        assert_eq!(row.status, Status::Met, "{}", c.name);
        assert_eq!(
            row.completed_at,
            Some(all[0].submitted_at.get()),
            "{}: the first supplement's date",
            c.name
        );
        let filed = n.submitted_at.unwrap().get();
        assert_eq!(row.deadline, Some(filed + time::Duration::weeks(4)), "{}", c.name);
        assert!(all[0].submitted_at.get() <= filed + time::Duration::weeks(4));
        // The 72 hours stay met: no supplement moves question 11.
        assert_eq!(s.get(Stage::ImyNotification).unwrap().status, Status::Met);
    }
}

#[test]
fn the_supplements_satisfy_the_supplement_schema() {
    let schema: Value = serde_json::from_str(&text(&root().join("schema/supplement.schema.json"))).unwrap();
    let v = validator(&schema);
    for c in CASES {
        for p in supplement_paths(c) {
            let doc: Value = serde_json::from_str(&text(&p)).unwrap();
            assert_eq!(doc["schemaVersion"], "1.1");
            let errors: Vec<String> =
                v.iter_errors(&doc).map(|e| format!("{e} at {}", e.instance_path())).collect();
            assert!(errors.is_empty(), "{}: {errors:#?}", p.display());
        }
    }
}

#[test]
fn diff_of_first_and_final_then_apply_gives_the_final_document_back() {
    for c in CASES {
        let (n, all) = (first(c), supplements(c));
        let last = all.last().unwrap().submitted_at;
        let final_state = apply(&n, &all).unwrap().notification;
        let one = diff(&n, &final_state, last).unwrap();
        let fields: Vec<String> = one.changes.iter().map(|ch| ch.field().pattern()).collect();
        for p in c.not_known_yet.iter().chain([&PROMISE]) {
            assert!(fields.iter().any(|f| f == p), "{}: {p} in {fields:?}", c.name);
        }
        let back = apply(&n, &[one]).unwrap().notification;
        assert_eq!(back.to_json(), final_state.to_json(), "{}", c.name);
    }
}

#[test]
fn the_binary_diffs_and_applies_back_byte_for_byte() {
    for c in CASES {
        let base = first_path(c);
        let base = base.to_str().unwrap();
        let supps: Vec<String> = supplement_paths(c).iter().map(|p| p.display().to_string()).collect();
        let mut args = vec!["supplement", "apply", base];
        args.extend(supps.iter().map(String::as_str));
        let out = run(&args);
        assert!(out.status.success(), "{}: {}", c.name, String::from_utf8_lossy(&out.stderr));
        let final_json = stdout(&out);
        let final_path = temp_file(&format!("phased-{}-final.json", c.name), &final_json);
        let last = supplements(c).last().unwrap().submitted_at.to_string();
        let out = run(&["supplement", "diff", base, final_path.to_str().unwrap(), "--submitted-at", &last]);
        assert!(out.status.success(), "{}: {}", c.name, String::from_utf8_lossy(&out.stderr));
        let diff_path = temp_file(&format!("phased-{}-diff.json", c.name), stdout(&out));
        let out = run(&["supplement", "apply", base, diff_path.to_str().unwrap()]);
        assert!(out.status.success(), "{}", c.name);
        assert_eq!(out.stdout, final_json.as_bytes(), "{}: byte for byte", c.name);
        // And the library agrees with the binary.
        let state = apply(&first(c), &supplements(c)).unwrap();
        assert_eq!(final_json, format!("{}\n", state.notification.to_json()), "{}", c.name);
    }
}

#[test]
fn the_binary_validates_each_case_with_its_supplements() {
    for c in CASES {
        let base = first_path(c).display().to_string();
        let out = run(&["validate", "--lang", "en", &base]);
        assert!(out.status.success(), "{}: warnings only", c.name);
        let text = stdout(&out);
        assert!(
            text.starts_with(&format!("{base}: 0 errors, {} warnings\n", c.not_known_yet.len())),
            "{text}"
        );
        let mut args = vec!["validate".to_string(), "--lang".into(), "en".into(), base.clone()];
        for s in supplement_paths(c) {
            args.extend(["--supplement".to_string(), s.display().to_string()]);
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = run(&args);
        assert!(out.status.success(), "{}", c.name);
        let text = stdout(&out);
        assert!(text.ends_with(&format!("{base} (as supplemented): valid\n")), "{text}");
        for s in supplement_paths(c) {
            assert!(text.contains(&format!("{}: valid\n", s.display())), "{text}");
        }
    }
}
