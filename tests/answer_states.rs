//! Answer states of schema version 1.1, rule by rule: "not known yet" is a warning at the
//! question whatever question 36 says, and contradicts a question 36 that is not Ja; "cannot be
//! determined" answers a question "where possible" when its reason is given and is an error
//! without it; absent stays "not answered"; the deadline engine reads a phased notification.

use imy_breach::deadline::{schedule_notification, ScheduleOptions, Stage};
use imy_breach::{validate_json, Lang, Notification};
use serde_json::{json, Value};

/// A 1.1 document with the given `incident`, `dataAndSubjects` members and question 36.
fn doc(incident: Value, data: Value, q36: Option<&str>) -> Vec<u8> {
    let mut d = json!({
        "schemaVersion": "1.1",
        "incident": incident,
        "dataAndSubjects": data,
    });
    if let Some(q) = q36 {
        d["supplementAndConfidentiality"] = json!({"intendsToSupplement": q});
    }
    d.to_string().into_bytes()
}

fn found(bytes: &[u8], code: &str) -> Vec<String> {
    validate_json(bytes).1.violations.iter().filter(|v| v.code == code).map(|v| v.pointer.clone()).collect()
}

#[test]
fn not_known_yet_is_a_warning_whatever_question_36_says_and_contradicts_36_nej() {
    for (q36, contradiction) in [(Some("yes"), false), (Some("no"), true), (None, true)] {
        let d = doc(json!({}), json!({"subjectCount": {"state": "not_known_yet"}}), q36);
        let report = validate_json(&d).1;
        let warning = report.violations.iter().find(|v| v.code == "answer-not-known-yet").unwrap();
        assert_eq!(warning.pointer, "/dataAndSubjects/subjectCount");
        assert_eq!(warning.level, imy_breach::Level::Warning);
        assert!(warning.message(Lang::Sv).contains("fråga 23 (Hur många registrerade har påverkats?)"));
        assert!(warning.message(Lang::En).contains("question 23 (How many data subjects are affected?)"));
        assert_eq!(
            found(&d, "not-known-yet-without-supplement"),
            if contradiction {
                vec!["/supplementAndConfidentiality/intendsToSupplement".to_string()]
            } else {
                vec![]
            },
            "{q36:?}"
        );
        // Said to be not known yet, the question is answered: no `required-*` finding for it.
        assert!(!report
            .violations
            .iter()
            .any(|v| v.pointer == "/dataAndSubjects/subjectCount" && v.code.starts_with("required")));
    }
}

#[test]
fn cannot_be_determined_satisfies_where_possible_with_its_reason_only() {
    let with = doc(
        json!({}),
        json!({"subjectCount": {"state": "cannot_be_determined", "reason": "Loggar saknas."}}),
        Some("no"),
    );
    assert!(found(&with, "required-where-possible").iter().all(|p| p != "/dataAndSubjects/subjectCount"));
    assert!(found(&with, "required-when").is_empty());
    let without = doc(json!({}), json!({"subjectCount": {"state": "cannot_be_determined"}}), Some("no"));
    assert_eq!(found(&without, "required-when"), ["/dataAndSubjects/subjectCount/reason"]);
    let absent = doc(json!({}), json!({}), Some("no"));
    assert!(found(&absent, "required-where-possible").contains(&"/dataAndSubjects/subjectCount".to_string()));
    assert!(found(&absent, "answer-not-known-yet").is_empty());
}

#[test]
fn a_ceased_breach_said_not_known_yet_needs_no_date() {
    let d = doc(json!({"ongoing": "no", "ceased": {"state": "not_known_yet"}}), json!({}), Some("yes"));
    assert!(found(&d, "required-when").iter().all(|p| !p.starts_with("/incident/ceased")));
    assert_eq!(found(&d, "answer-not-known-yet"), ["/incident/ceased"]);
    let plain = doc(json!({"ongoing": "no", "ceased": {}}), json!({}), Some("yes"));
    assert!(!found(&plain, "required-when").is_empty());
}

#[test]
fn a_reason_is_never_echoed() {
    let secret = "Anna Exempelsson 19121212-1212";
    let d = doc(
        json!({"occurred": {"state": "cannot_be_determined", "reason": secret}}),
        json!({"subjectCount": {"exact": 3, "state": "cannot_be_determined", "reason": secret}}),
        None,
    );
    let report = validate_json(&d).1;
    assert!(!report.violations.is_empty());
    for v in &report.violations {
        for lang in [Lang::Sv, Lang::En] {
            assert!(!v.message(lang).contains("19121212"), "{}: {}", v.code, v.message(lang));
            assert!(!v.message(lang).contains("Anna"), "{}: {}", v.code, v.message(lang));
        }
    }
}

#[test]
fn the_deadline_engine_reads_a_phased_notification() {
    let d = json!({
        "schemaVersion": "1.1",
        "incident": {
            "occurred": {"date": "2025-03-01", "period": "from_to", "untilDate": "2025-03-20"},
            "discovered": {"date": "2025-03-24", "time": "14:40"},
            "ongoing": "no",
            "ceased": {"state": "not_known_yet"}
        }
    });
    let n = Notification::from_json(&d.to_string()).unwrap();
    let now = time::macros::datetime!(2025-03-25 09:00 +01:00);
    let s = schedule_notification(&n, &ScheduleOptions::default(), now).unwrap();
    let deadline = s.get(Stage::ImyNotification).and_then(|o| o.deadline).unwrap();
    assert_eq!(deadline, time::macros::datetime!(2025-03-27 14:40 +01:00));
}
