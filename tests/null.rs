//! `null` is never a value: wherever it stands (an optional or required member, a list, a list's
//! element, a whole section) the reader refuses it with `invalid-type` at its own pointer, on both
//! reading paths (`from_json` stops at the first problem; `from_json_all_errors` and `validate_json`
//! find every problem), and the rules still run on the rest of the document.

use imy_breach::{validate_json, Lang, Notification};
use serde_json::{json, Value};

fn example() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/misdirected-email.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// The example with `null` written at each pointer (a list element replaced in place).
fn with_nulls(pointers: &[&str]) -> Vec<u8> {
    let mut doc = example();
    for p in pointers {
        *doc.pointer_mut(p).unwrap_or_else(|| panic!("{p} is not in the example")) = Value::Null;
    }
    serde_json::to_vec(&doc).unwrap()
}

/// Places of every kind: optional members (text, option code, count, date, time), a required
/// member, a list element, a list, a group and a whole section.
const PLACES: &[&str] = &[
    "/controller/internalReference",
    "/incident/description",
    "/incident/nature",
    "/incident/ongoing",
    "/incident/occurred/time",
    "/incident/ceased/date",
    "/dataAndSubjects/subjectCount/exact",
    "/dataAndSubjects/subjectGroups/0",
    "/dataAndSubjects/subjectGroups",
    "/contactDetails/contactPersons/1/phone",
    "/contactDetails/correspondenceAddress",
    "/processors",
    "/schemaVersion",
];

#[test]
fn null_is_refused_where_it_stands_when_reading_stops_at_the_first_problem() {
    for p in PLACES {
        let err = Notification::from_slice(&with_nulls(&[p])).expect_err(p);
        assert_eq!((err.pointer().to_string().as_str(), err.code()), (*p, "invalid-type"), "{err}");
        assert!(err.message(Lang::Sv).contains("`null` är inte tillåtet"), "{p}: {err}");
        assert!(err.message(Lang::En).contains("leave the field out"), "{p}: {err}");
    }
}

#[test]
fn every_null_is_reported_at_once_on_the_every_problem_path() {
    // The places that do not hold one another.
    let places: Vec<&str> = PLACES
        .iter()
        .copied()
        .filter(|p| !matches!(*p, "/dataAndSubjects/subjectGroups/0" | "/schemaVersion"))
        .collect();
    let errs = Notification::from_json_all_errors(&with_nulls(&places)).expect_err("nulls");
    let mut found: Vec<(String, &str)> = errs.iter().map(|e| (e.pointer().to_string(), e.code())).collect();
    let mut want: Vec<(String, &str)> = places.iter().map(|p| (p.to_string(), "invalid-type")).collect();
    found.sort();
    want.sort();
    assert_eq!(found, want);
    // The same message on both paths.
    let first = Notification::from_slice(&with_nulls(&places)).expect_err("nulls");
    assert_eq!(first.message(Lang::En), errs[0].message(Lang::En));
}

#[test]
fn validation_reports_the_null_and_still_runs_the_rules_on_the_rest() {
    let mut doc = example();
    doc["incident"]["description"] = Value::Null;
    doc["dataAndSubjects"]["subjectGroups"] = json!([null, "employees"]);
    // A rule violation elsewhere: discovered before it occurred.
    doc["incident"]["discovered"]["date"] = json!("2021-03-20");
    let (n, report) = validate_json(&serde_json::to_vec(&doc).unwrap());
    assert!(n.is_none());
    let codes: Vec<(&str, String)> = report.errors().map(|v| (v.code, v.pointer.to_string())).collect();
    assert!(codes.contains(&("invalid-type", "/incident/description".into())), "{codes:?}");
    assert!(codes.contains(&("invalid-type", "/dataAndSubjects/subjectGroups/0".into())), "{codes:?}");
    assert!(
        codes.iter().any(|(c, p)| *c == "discovered-before-occurred" && p == "/incident/discovered"),
        "{codes:?}"
    );
}

#[test]
fn leaving_the_member_out_is_the_way_to_say_no_answer() {
    let mut doc = example();
    doc["controller"].as_object_mut().unwrap().shift_remove("internalReference");
    let n = Notification::from_slice(&serde_json::to_vec(&doc).unwrap()).expect("reads");
    assert!(n.controller.internal_reference.is_none());
    // Written back, an absent answer is left out, never written as null.
    assert!(!n.to_json().contains("null"));
}
