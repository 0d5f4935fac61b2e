//! Supplements on schema version 1.1: answers "not known yet" are pending items, a supplement
//! written with the new states reads, validates and renders, a 1.0 supplement may not use them,
//! and the case's checks take the states and the supplement's own filing into account.

use imy_breach::case::{apply, pending, validate_case, validate_supplement_json, PendingReason};
use imy_breach::render::{render_current, render_supplement, Format, RenderOptions};
use imy_breach::{AnswerState, Lang, Notification, SchemaVersion, Supplement, ValidationOptions};

const FILED: &str = "2025-03-31T09:00:00+02:00";

fn base(version: &str) -> Notification {
    Notification::from_json(&format!(
        r#"{{"schemaVersion":"{version}","submittedAt":"{FILED}",
        "controller":{{"name":"Exempelkommunen","internalReference":"INC-7"}},
        "incident":{{"discovered":{{"date":"2025-03-30","time":"10:00"}},"ongoing":"yes","nature":"loss_or_theft"}},
        "dataAndSubjects":{{"subjectCount":{{"state":"not_known_yet"}},"recordCount":{{"interval":"from_1001_to_10000"}}}},
        "supplementAndConfidentiality":{{"intendsToSupplement":"yes"}}}}"#
    ))
    .unwrap()
}

fn supplement(version: &str, submitted: &str, changes: &str) -> String {
    format!(
        r#"{{"schemaVersion":"{version}","kind":"supplement","caseNumber":"IMY-2025-1234",
        "notification":{{"internalReference":"INC-7","submittedAt":"{FILED}"}},
        "submittedAt":"{submitted}","changes":[{changes}]}}"#
    )
}

/// The errors of a report, as (code, pointer).
fn errors(r: &imy_breach::Report) -> Vec<(&'static str, String)> {
    r.errors().map(|v| (v.code, v.pointer.clone())).collect()
}

const COUNTED: &str =
    r#"{"field":"/dataAndSubjects/subjectCount","value":{"exact":4180},"comment":"Räknat i utredningen."}"#;

#[test]
fn pending_reports_the_answers_not_known_yet() {
    let items = pending(&base("1.1"), &[]).unwrap();
    let unknown: Vec<(&str, Option<&str>)> = items
        .iter()
        .filter(|i| i.reason == PendingReason::NotKnownYet)
        .map(|i| (i.pointer.as_str(), i.question))
        .collect();
    assert_eq!(unknown, [("/dataAndSubjects/subjectCount", Some("23"))]);
    let item = items.iter().find(|i| i.reason == PendingReason::NotKnownYet).unwrap();
    assert_eq!(item.title(Lang::En), "23. How many data subjects are affected?");
    assert_eq!(item.reason.label(Lang::Sv), "inte känt ännu");
}

#[test]
fn a_count_supplemented_from_not_known_yet_reads_validates_and_renders() {
    let doc = supplement("1.1", "2025-04-02T10:00:00+02:00", COUNTED);
    let (s, report) = validate_supplement_json(doc.as_bytes());
    let s = s.unwrap();
    assert!(report.violations.is_empty(), "{:?}", report.violations);
    let n = base("1.1");
    let case = validate_case(&n, std::slice::from_ref(&s), &ValidationOptions::new());
    assert!(case.supplements[0].violations.is_empty(), "{:?}", case.supplements[0]);
    assert!(case.current.violations.iter().all(|v| v.code != "answer-not-known-yet"), "{:?}", case.current);
    assert_eq!(
        errors(&case.current),
        errors(&n.validate(&ValidationOptions::new())),
        "the supplement adds no error"
    );
    let items = pending(&n, std::slice::from_ref(&s)).unwrap();
    assert!(items.iter().all(|i| i.reason == PendingReason::RequiredInSupplement), "{items:?}");
    assert!(items.iter().all(|i| i.question != Some("23")), "{items:?}");
    let en = render_supplement(&s, &RenderOptions::new(Lang::En, Format::Text));
    assert!(en.contains("23. How many data subjects are affected?\n"), "{en}");
    assert!(en.contains("4180") || en.contains("4 180") || en.contains("4,180"), "{en}");
    let state = apply(&n, &[s]).unwrap();
    assert_eq!(state.notification.data_and_subjects.subject_count.exact, Some(4180));
    assert_eq!(state.notification.data_and_subjects.subject_count.state, None);
    let sv = render_current(&state, &RenderOptions::new(Lang::Sv, Format::Text));
    assert!(sv.contains("23. Hur många registrerade har påverkats? — kompletterat 2025-04-02\n"), "{sv}");
}

#[test]
fn a_supplement_may_say_not_known_yet_and_cannot_be_determined() {
    let doc = supplement(
        "1.1",
        "2025-04-02T10:00:00+02:00",
        r#"{"field":"/incident/occurred","value":{"state":"cannot_be_determined","reason":"Loggarna sparas inte."}},
           {"field":"/dataAndSubjects/recordCount","value":{"state":"not_known_yet"}}"#,
    );
    let (s, report) = validate_supplement_json(doc.as_bytes());
    assert!(report.violations.is_empty(), "{:?}", report.violations);
    let s = s.unwrap();
    let n = base("1.1");
    let state = apply(&n, std::slice::from_ref(&s)).unwrap();
    assert_eq!(state.notification.incident.occurred.state, Some(AnswerState::CannotBeDetermined));
    // The count given in the notification is withdrawn: a warning, and it is pending again.
    let case = validate_case(&n, std::slice::from_ref(&s), &ValidationOptions::new());
    let codes: Vec<(&str, &str)> =
        case.supplements[0].violations.iter().map(|v| (v.code, v.pointer.as_str())).collect();
    assert_eq!(codes, [("supplement-back-to-not-known-yet", "/changes/1/value")]);
    assert_eq!(
        errors(&case.current),
        errors(&n.validate(&ValidationOptions::new())),
        "the supplement adds no error"
    );
    let open: Vec<String> = pending(&n, &[s])
        .unwrap()
        .into_iter()
        .filter(|i| i.reason == PendingReason::NotKnownYet)
        .map(|i| i.pointer)
        .collect();
    assert_eq!(open, ["/dataAndSubjects/subjectCount", "/dataAndSubjects/recordCount"]);
    // "Cannot be determined" with its reason is an answer: not pending, not warned.
    assert!(case.current.violations.iter().all(|v| !v.pointer.starts_with("/incident/occurred")));
}

#[test]
fn a_state_in_a_1_0_supplement_is_not_in_its_schema_version() {
    let doc = supplement(
        "1.0",
        "2025-04-02T10:00:00+02:00",
        r#"{"field":"/dataAndSubjects/recordCount","value":{"state":"not_known_yet"}}"#,
    );
    let (s, report) = validate_supplement_json(doc.as_bytes());
    assert!(s.is_some(), "it reads");
    let codes: Vec<(&str, &str)> = report.violations.iter().map(|v| (v.code, v.pointer.as_str())).collect();
    assert_eq!(codes, [("answer-not-in-schema-version", "/changes/0/value/state")]);
    assert!(!report.is_valid());
}

#[test]
fn the_case_stands_in_the_newest_schema_version_of_its_filings() {
    let old = Notification::from_json(&format!(
        r#"{{"schemaVersion":"1.0","submittedAt":"{FILED}","controller":{{"internalReference":"INC-7"}},
        "supplementAndConfidentiality":{{"intendsToSupplement":"yes"}}}}"#
    ))
    .unwrap();
    let s = Supplement::from_json(&supplement(
        "1.1",
        "2025-04-02T10:00:00+02:00",
        r#"{"field":"/dataAndSubjects/subjectCount","value":{"state":"not_known_yet"}}"#,
    ))
    .unwrap();
    let state = apply(&old, std::slice::from_ref(&s)).unwrap();
    assert_eq!(state.notification.schema_version, SchemaVersion::V1_1);
    let case = validate_case(&old, &[s], &ValidationOptions::new());
    assert!(
        case.current.violations.iter().all(|v| v.code != "answer-not-in-schema-version"),
        "{:?}",
        case.current
    );
    let one = imy_breach::case::diff(
        &old,
        &state.notification,
        imy_breach::Timestamp::parse("2025-04-03T10:00:00+02:00").unwrap(),
    )
    .unwrap();
    assert_eq!(one.schema_version, SchemaVersion::V1_1, "a diff is written in the newer version");
    assert_eq!(apply(&old, &[one]).unwrap().notification, state.notification);
}

#[test]
fn a_date_a_supplement_gives_is_judged_against_the_supplement_filing() {
    let ceased = |date: &str| {
        Supplement::from_json(&supplement(
            "1.1",
            "2025-04-02T10:00:00+02:00",
            &format!(r#"{{"field":"/incident/ongoing","value":"no"}},{{"field":"/incident/ceased","value":{{"date":"{date}","time":"12:00"}}}},{COUNTED}"#),
        ))
        .unwrap()
    };
    let n = base("1.1");
    // Ceased the day after the notification, reported in the supplement the day after that.
    let case = validate_case(&n, &[ceased("2025-04-01")], &ValidationOptions::new());
    assert!(case.current.violations.iter().all(|v| v.code != "future-date"), "{:?}", case.current);
    // After the supplement too: a future date still.
    let case = validate_case(&n, &[ceased("2025-04-05")], &ValidationOptions::new());
    let future: Vec<&str> = case
        .current
        .violations
        .iter()
        .filter(|v| v.code == "future-date")
        .map(|v| v.pointer.as_str())
        .collect();
    assert_eq!(future, ["/incident/ceased"]);
}
