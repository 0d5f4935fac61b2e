//! Supplements (komplettering): reading with every problem, `apply`, `diff` and their round trip,
//! validation in context, pending items and the supplement clock.

use imy_breach::case::{
    apply, diff, pending, validate_case, validate_supplement_json, Filing, PendingReason,
};
use imy_breach::form::Field;
use imy_breach::generate::Generator;
use imy_breach::{Notification, Supplement, Timestamp, ValidationOptions};
use proptest::prelude::*;

const FILED: &str = "2025-03-31T09:00:00+02:00";

fn base() -> Notification {
    Notification::from_json(&format!(
        r#"{{"schemaVersion":"1.0","submittedAt":"{FILED}",
        "controller":{{"name":"Exempelkommunen","internalReference":"INC-7"}},
        "incident":{{"discovered":{{"date":"2025-03-30","time":"10:00"}},"ongoing":"yes","nature":"loss_or_theft"}},
        "supplementAndConfidentiality":{{"intendsToSupplement":"yes"}}}}"#
    ))
    .unwrap()
}

fn supplement(changes: &str) -> String {
    format!(
        r#"{{"schemaVersion":"1.0","kind":"supplement","caseNumber":"IMY-2025-1234",
        "notification":{{"internalReference":"INC-7","submittedAt":"{FILED}"}},
        "submittedAt":"2025-04-02T10:00:00+02:00","changes":[{changes}]}}"#
    )
}

fn at(s: &str) -> Timestamp {
    Timestamp::parse(s).unwrap()
}

#[test]
fn every_problem_is_reported_with_its_pointer_into_the_supplement() {
    let doc = r#"{"schemaVersion":"1.0","kind":"breach_record","caseNumber":"IMY-25",
        "notification":{"submittedAt":"yesterday","extra":1},"submittedAt":null,
        "changes":[{"field":"/incident/nature","value":"stolen"},
                   {"field":"/incident/ceased","value":{"date":"2025-02-30"}},
                   {"field":"/incident/ceased/date","clear":true},
                   {"field":"/incident/nature","clear":true},
                   {"field":"/incident/nature","clear":true},
                   {"field":"/incident/ongoing","value":"no","clear":true}]}"#;
    let errs = Supplement::from_json_all_errors(doc.as_bytes()).unwrap_err();
    let found: Vec<(String, &str)> = errs.iter().map(|e| (e.pointer().to_string(), e.code())).collect();
    let want = [
        ("/submittedAt", "invalid-type"),
        ("/kind", "supplement-kind"),
        ("/caseNumber", "case-number-format"),
        ("/notification/extra", "unknown-field"),
        ("/notification/submittedAt", "timestamp-format"),
        ("/changes/0/value", "unknown-option"),
        ("/changes/1/value/date", "date-format"),
        ("/changes/2/field", "supplement-field"),
        ("/changes/4/field", "duplicate-change"),
        ("/changes/5", "supplement-change-shape"),
    ];
    for (p, c) in want {
        assert!(found.iter().any(|(fp, fc)| fp == p && *fc == c), "{p} {c} not in {found:?}");
    }
    for e in &errs {
        assert!(!e.message(imy_breach::Lang::Sv).is_empty() && !e.message(imy_breach::Lang::En).is_empty());
    }
}

#[test]
fn duplicate_members_and_unknown_members_inside_values_are_refused() {
    let doc = supplement(
        r#"{"field":"/incident/nature","value":"misdirected_communication","value":"loss_or_theft"}"#,
    );
    let errs = Supplement::from_json_all_errors(doc.as_bytes()).unwrap_err();
    assert_eq!(errs[0].code(), "json-syntax");
    let doc = supplement(r#"{"field":"/incident/ceased","value":{"dat":"2025-04-01"}}"#);
    let errs = Supplement::from_json_all_errors(doc.as_bytes()).unwrap_err();
    assert_eq!(
        (errs[0].pointer().to_string().as_str(), errs[0].code()),
        ("/changes/0/value/dat", "unknown-field")
    );
}

#[test]
fn a_supplement_round_trips_through_its_json() {
    let doc = supplement(
        r#"{"field":"/dataAndSubjects/subjectCount","value":{"exact":1200},"comment":"Efter den tekniska utredningen"},
           {"field":"/incident/ongoing","clear":true}"#,
    );
    let s = Supplement::from_json(&doc).unwrap();
    assert_eq!(s.case_number.as_ref().unwrap().as_str(), "IMY-2025-1234");
    assert!(s.changes[1].is_clear());
    assert_eq!(Supplement::from_json(&s.to_json()).unwrap(), s);
    let v: serde_json::Value = serde_json::from_str(&s.to_json()).unwrap();
    assert_eq!(v["kind"], "supplement");
    assert_eq!(v["changes"][1], serde_json::json!({"field": "/incident/ongoing", "clear": true}));
}

#[test]
fn apply_sets_clears_and_records_provenance() {
    let s = Supplement::from_json(&supplement(
        r#"{"field":"/incident/ongoing","value":"no"},{"field":"/incident/ceased","value":{"date":"2025-04-01"}},
           {"field":"/incident/nature","clear":true,"comment":"Felaktigt angivet"}"#,
    ))
    .unwrap();
    let state = apply(&base(), &[s]).unwrap();
    let n = &state.notification;
    assert_eq!(n.incident.ongoing, Some(imy_breach::YesNo::No));
    assert!(n.incident.nature.is_none());
    assert_eq!(n.submitted_at, base().submitted_at);
    assert_eq!(state.supplemented_on(Field::IncidentCeased), Some(at("2025-04-02T10:00:00+02:00")));
    assert_eq!(state.supplemented_on(Field::ControllerName), None);
    assert!(state.origin(Field::IncidentNature).is_none(), "a cleared answer has no origin");
    match &state.origin(Field::ControllerName).unwrap().filing {
        Filing::Notification { submitted_at } => assert_eq!(*submitted_at, Some(at(FILED))),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_supplement_for_another_notification_is_refused() {
    let doc = supplement("").replace("INC-7", "INC-8");
    let s = Supplement::from_json(&doc).unwrap();
    assert!(apply(&base(), std::slice::from_ref(&s)).is_err());
    let report = validate_case(&base(), &[s], &ValidationOptions::new());
    let codes: Vec<_> = report.supplements[0].violations.iter().map(|v| v.code).collect();
    assert!(codes.contains(&"supplement-other-notification"), "{codes:?}");
}

#[test]
fn validation_in_context_flags_what_matters() {
    let s = Supplement::from_json(&supplement(
        r#"{"field":"/incident/nature","value":"loss_or_theft"},
           {"field":"/incident/ceased","value":{"date":"2025-04-01"}},
           {"field":"/incident/discovered","value":{"date":"2025-03-31","time":"08:00"}}"#,
    ))
    .unwrap();
    let report = validate_case(&base(), &[s], &ValidationOptions::new());
    let found: Vec<(&str, &str)> =
        report.supplements[0].violations.iter().map(|v| (v.pointer.as_str(), v.code)).collect();
    assert_eq!(
        found,
        [
            ("/changes/0", "supplement-no-change"),
            ("/changes/1/value", "supplement-not-asked"),
            ("/changes/2", "supplement-moves-discovery"),
        ]
    );
    assert!(!report.is_valid());
}

#[test]
fn an_earlier_discovery_can_make_the_notification_late() {
    let earlier = r#"{"field":"/incident/discovered","value":{"date":"2025-03-20","time":"10:00"}}"#;
    let s = Supplement::from_json(&supplement(earlier)).unwrap();
    let report = validate_case(&base(), &[s], &ValidationOptions::new());
    assert_eq!(report.supplements[0].violations[0].code, "supplement-makes-late");
    // With the reason given in question 14 it is a warning only.
    let reason = r#"{"field":"/incident/lateReason","value":"Upptäckten förstods först senare."}"#;
    let s = Supplement::from_json(&supplement(&format!("{earlier},{reason}"))).unwrap();
    let report = validate_case(&base(), &[s], &ValidationOptions::new());
    assert_eq!(report.supplements[0].violations[0].code, "supplement-moves-discovery");
}

#[test]
fn out_of_order_and_empty_supplements_are_flagged() {
    let doc = supplement("").replace("2025-04-02T10:00:00+02:00", "2025-03-30T10:00:00+02:00");
    let s = Supplement::from_json(&doc).unwrap();
    let report = validate_case(&base(), &[s], &ValidationOptions::new());
    let codes: Vec<_> = report.supplements[0].violations.iter().map(|v| v.code).collect();
    assert_eq!(codes, ["supplement-out-of-order", "supplement-no-change"]);
}

#[test]
fn values_are_checked_alone_at_pointers_into_the_supplement() {
    let doc =
        supplement(r#"{"field":"/incident/description","value":"Kalle, 19121212-1212, fick fel brev."}"#);
    let (s, report) = validate_supplement_json(doc.as_bytes());
    assert!(s.is_some());
    let v: Vec<_> = report.violations.iter().map(|v| (v.pointer.as_str(), v.code)).collect();
    assert_eq!(v, [("/changes/0/value", "personal-identity-number-in-text")]);
}

#[test]
fn pending_items_close_when_the_supplement_gives_them() {
    let before = pending(&base(), &[]).unwrap();
    let questions: Vec<_> = before.iter().map(|i| (i.question, i.reason)).collect();
    assert!(questions.contains(&(Some("23"), PendingReason::RequiredInSupplement)), "{questions:?}");
    assert!(questions.contains(&(Some("36"), PendingReason::Promised)));
    let s = Supplement::from_json(&supplement(
        r#"{"field":"/dataAndSubjects/subjectCount","value":{"exact":40}}"#,
    ))
    .unwrap();
    let after = pending(&base(), &[s]).unwrap();
    assert!(!after.iter().any(|i| i.question == Some("23")));
    assert!(!after.iter().any(|i| i.reason == PendingReason::Promised));
    assert!(after.iter().any(|i| i.question == Some("24")), "24 is still missing");
}

#[test]
fn the_supplement_clock_closes_when_a_supplement_arrives() {
    use imy_breach::deadline::{schedule, ScheduleOptions, Stage, Status};
    let now = time::macros::datetime!(2025-05-10 12:00 +02:00);
    let facts = imy_breach::case::case_facts(&base(), &[]).unwrap();
    let open = schedule(&facts, &ScheduleOptions::new(), now).unwrap();
    assert_eq!(open.get(Stage::ImySupplement).unwrap().status, Status::Overdue);
    let s = Supplement::from_json(&supplement(
        r#"{"field":"/dataAndSubjects/subjectCount","value":{"exact":40}}"#,
    ))
    .unwrap();
    let facts = imy_breach::case::case_facts(&base(), &[s]).unwrap();
    let met = schedule(&facts, &ScheduleOptions::new(), now).unwrap();
    let row = met.get(Stage::ImySupplement).unwrap();
    assert_eq!(row.status, Status::Met);
}

fn filed(mut n: Notification) -> Notification {
    n.submitted_at = Some(at(FILED));
    n
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn apply_of_diff_gives_the_newer_notification(a in any::<u64>(), b in any::<u64>()) {
        let old = filed(Generator::new(a).notification());
        let new = filed(Generator::new(b).notification());
        let s = diff(&old, &new, at("2025-04-02T10:00:00+02:00")).unwrap();
        prop_assert_eq!(&apply(&old, std::slice::from_ref(&s)).unwrap().notification, &new);
        // The supplement survives its wire format.
        let read = Supplement::from_json(&s.to_json()).unwrap();
        prop_assert_eq!(&read, &s);
        // Nothing changes nothing.
        prop_assert!(diff(&new, &new, at("2025-04-02T10:00:00+02:00")).unwrap().changes.is_empty());
    }
}

#[test]
fn the_example_supplements_fit_their_notifications() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    for (supp, base) in [
        ("supplements/ransomware-counts.json", "ransomware.json"),
        ("supplements/misdirected-email-ceased.json", "misdirected-email.json"),
    ] {
        let s = Supplement::from_json(&std::fs::read_to_string(dir.join(supp)).unwrap()).unwrap();
        let n = Notification::from_json(&std::fs::read_to_string(dir.join(base)).unwrap()).unwrap();
        let report = validate_case(&n, std::slice::from_ref(&s), &ValidationOptions::new());
        assert!(report.supplements[0].violations.is_empty(), "{supp}: {:?}", report.supplements[0]);
        assert!(report.is_valid(), "{supp}: {:?}", report.current.errors().collect::<Vec<_>>());
        let items = pending(&n, &[s]).unwrap();
        assert!(!items.iter().any(|i| i.reason == PendingReason::Promised), "{supp}: {items:?}");
    }
}

#[test]
fn a_supplement_renders_only_its_questions_in_both_languages() {
    use imy_breach::render::{render_current, render_supplement, Format, RenderOptions};
    use imy_breach::Lang;
    let s = Supplement::from_json(&supplement(
        r#"{"field":"/dataAndSubjects/subjectCount","value":{"exact":40},"comment":"Efter utredningen"},
           {"field":"/incident/causeComment","value":"Okänd orsak."},
           {"field":"/incident/ongoing","clear":true}"#,
    ))
    .unwrap();
    let en = render_supplement(&s, &RenderOptions::new(Lang::En, Format::Text));
    assert!(en.starts_with("Supplement to the notification\n"), "{en}");
    assert!(en.contains("23. How many data subjects are affected?\n"), "{en}");
    assert!(en.contains("Comment on the change"), "{en}");
    assert!(en.contains("12. Is the breach still ongoing?\n\n[Cleared]\n"), "{en}");
    assert!(en.contains("18. Comment when \"Other\" is chosen"), "{en}");
    assert!(!en.contains("1. Organisation name"), "{en}");
    let md = render_supplement(&s, &RenderOptions::new(Lang::Sv, Format::Markdown));
    assert!(md.starts_with("# Komplettering av anmälan\n"), "{md}");
    assert!(md.contains("Diarienummer: IMY-2025-1234"), "{md}");
    let state = apply(&base(), &[s]).unwrap();
    let text = render_current(&state, &RenderOptions::new(Lang::Sv, Format::Text));
    assert!(text.contains("23. Hur många registrerade har påverkats? — kompletterat 2025-04-02\n"), "{text}");
    assert!(!text.contains("1. Organisationens namn * — kompletterat"), "{text}");
}

/// Every rule of kind `supplement` in the catalogue is produced by reading or checking a
/// supplement, at the catalogue's level (the corpus of notifications cannot produce them).
#[test]
fn every_supplement_rule_is_exercised() {
    use imy_breach::validation::{rule, RuleKind, RULES};
    let mut produced = std::collections::BTreeSet::new();
    let bad = r#"{"schemaVersion":"1.0","kind":"x","caseNumber":"1","notification":{"submittedAt":"2025-03-31T09:00:00+02:00"},
        "submittedAt":"2025-04-02T10:00:00+02:00","changes":[{"field":"/incident"},{"field":"/incident/nature"},
        {"field":"/incident/ongoing","clear":true},{"field":"/incident/ongoing","clear":true}]}"#;
    for e in Supplement::from_json_all_errors(bad.as_bytes()).unwrap_err() {
        produced.insert(e.code());
    }
    let scenarios = [
        supplement(
            r#"{"field":"/incident/nature","value":"loss_or_theft"},{"field":"/incident/ceased","value":{"date":"2025-04-01"}}"#,
        ),
        supplement(r#"{"field":"/incident/discovered","value":{"date":"2025-03-31","time":"08:00"}}"#),
        supplement(r#"{"field":"/incident/discovered","value":{"date":"2025-03-20","time":"08:00"}}"#),
        supplement("").replace("INC-7", "INC-8").replace("2025-04-02T10:00:00", "2025-03-30T10:00:00"),
    ];
    for doc in scenarios {
        let s = Supplement::from_json(&doc).unwrap();
        for v in validate_case(&base(), &[s], &ValidationOptions::new()).supplements[0].violations.iter() {
            assert_eq!(rule(v.code).unwrap().level, v.level, "{}", v.code);
            produced.insert(v.code);
        }
    }
    // A count given, then set back to "not known yet" (schema version 1.1).
    let counted = Notification::from_json(&format!(
        r#"{{"schemaVersion":"1.1","submittedAt":"{FILED}","controller":{{"internalReference":"INC-7"}},
        "dataAndSubjects":{{"subjectCount":{{"exact":40}}}},"supplementAndConfidentiality":{{"intendsToSupplement":"yes"}}}}"#
    ))
    .unwrap();
    let back = supplement(r#"{"field":"/dataAndSubjects/subjectCount","value":{"state":"not_known_yet"}}"#)
        .replace(r#""schemaVersion":"1.0""#, r#""schemaVersion":"1.1""#);
    let s = Supplement::from_json(&back).unwrap();
    for v in validate_case(&counted, &[s], &ValidationOptions::new()).supplements[0].violations.iter() {
        assert_eq!(rule(v.code).unwrap().level, v.level, "{}", v.code);
        produced.insert(v.code);
    }
    let missing: Vec<&str> = RULES
        .iter()
        .filter(|r| r.kind == RuleKind::Supplement && !produced.contains(r.code))
        .map(|r| r.code)
        .collect();
    assert!(missing.is_empty(), "never produced: {missing:?}");
}

#[test]
fn debug_of_a_change_shows_no_value() {
    let doc = supplement(r#"{"field":"/incident/description","value":"Kalle Exempelsson fick fel brev."}"#);
    let s = Supplement::from_json(&doc).unwrap();
    let debug = format!("{s:?}");
    assert!(!debug.contains("Kalle") && debug.contains("/incident/description"), "{debug}");
}

#[test]
fn a_supplemented_list_without_a_number_is_marked_too() {
    use imy_breach::render::{render_current, Format, RenderOptions};
    let s = Supplement::from_json(&supplement(
        r#"{"field":"/contactDetails/contactPersons","value":[{"name":"Kim Exempel","email":"kim@example.org","phone":"070-174 06 05"}]}"#,
    ))
    .unwrap();
    let state = apply(&base(), &[s]).unwrap();
    let text = render_current(&state, &RenderOptions::new(imy_breach::Lang::En, Format::Text));
    assert!(text.contains("Contact persons — supplemented on 2025-04-02\n"), "{text}");
}
