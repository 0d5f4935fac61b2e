//! The breach record: its committed schemas match the library, the examples satisfy them and read,
//! and a record and a notification give each other their shared answers.

mod common;

use common::{json_files, root, validator};

use imy_breach::form::SHARED_ANSWERS;
use imy_breach::{record_schema, BreachRecord, DecisionOutcome, Lang, Notification};
use proptest::prelude::*;
use serde_json::Value;

const UPDATE_VAR: &str = "IMY_BREACH_UPDATE_SCHEMA";

fn record_schemas() -> [(&'static str, Value); 3] {
    [
        ("schema/record.schema.json", record_schema::canonical()),
        ("schema/record.sv.schema.json", record_schema::localized(Lang::Sv)),
        ("schema/record.en.schema.json", record_schema::localized(Lang::En)),
    ]
}

fn examples() -> Vec<std::path::PathBuf> {
    let files = json_files(&["examples/records"]);
    assert!(files.len() >= 2, "the record examples are missing");
    files
}

fn text(path: &std::path::Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn committed_record_schemas_match_the_library() {
    let update = std::env::var(UPDATE_VAR).is_ok_and(|v| v == "1");
    let mut stale = Vec::new();
    for (file, schema) in record_schemas() {
        let path = root().join(file);
        let expected = format!("{}\n", serde_json::to_string_pretty(&schema).unwrap());
        if std::fs::read_to_string(&path).unwrap_or_default() == expected {
            continue;
        }
        if update {
            std::fs::write(&path, &expected).unwrap();
        } else {
            stale.push(file);
        }
    }
    assert!(
        stale.is_empty(),
        "stale: {stale:?}; regenerate with {UPDATE_VAR}=1 cargo test --all-features --test record"
    );
}

#[test]
fn the_schemas_label_every_member_in_both_languages() {
    let sv = record_schema::localized(Lang::Sv);
    assert_eq!(sv["properties"]["facts"]["title"], "Vad som hände");
    // A shared answer carries the form's wording and question number.
    let occurred = &sv["$defs"]["Facts"]["properties"]["occurred"];
    assert_eq!(occurred["title"], "10. När inträffade incidenten?", "{occurred}");
    let en = record_schema::localized(Lang::En);
    assert_eq!(en["$defs"]["Filing"]["properties"]["caseNumber"]["title"], "IMY's case number");
    // Every property of the record's own types has labels.
    let canonical = record_schema::canonical();
    for ty in [
        "Facts",
        "Decisions",
        "NotifyDecision",
        "InformDecision",
        "Filing",
        "Communication",
        "AuthorityReport",
    ] {
        let props = canonical["$defs"][ty]["properties"].as_object().unwrap_or_else(|| panic!("{ty}"));
        for (name, prop) in props {
            assert!(prop.get("x-labels").is_some(), "{ty}.{name} has no labels");
        }
    }
}

#[test]
fn every_example_satisfies_the_committed_schema_and_reads() {
    let schema: Value = serde_json::from_str(&text(&root().join("schema/record.schema.json"))).unwrap();
    let v = validator(&schema);
    for path in examples() {
        let doc: Value = serde_json::from_str(&text(&path)).unwrap();
        let errors: Vec<String> =
            v.iter_errors(&doc).map(|e| format!("{} at {}", e, e.instance_path())).collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
        let record =
            BreachRecord::from_json(&text(&path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        // Valid by the crate's rules, without a single error.
        let report = record.validate(&imy_breach::ValidationOptions::new());
        let errors: Vec<_> = report.errors().map(|v| format!("{} {}", v.code, v.pointer)).collect();
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
        // Written back, it is the same document.
        assert_eq!(serde_json::from_str::<Value>(&record.to_json()).unwrap(), doc, "{}", path.display());
    }
}

#[test]
fn the_schema_refuses_what_the_reader_refuses() {
    let v = validator(&record_schema::canonical());
    for bad in [
        r#"{"schemaVersion":"1.0"}"#,
        r#"{"kind":"supplement","schemaVersion":"1.0"}"#,
        r#"{"kind":"breach_record","schemaVersion":"1.0","status":null}"#,
        r#"{"kind":"breach_record","schemaVersion":"1.0","decisions":{"notifyAuthority":{"decision":"maybe"}}}"#,
        r#"{"kind":"breach_record","schemaVersion":"1.0","facts":{"breachTypes":["integrity","integrity"]}}"#,
    ] {
        let doc: Value = serde_json::from_str(bad).unwrap();
        assert!(!v.is_valid(&doc), "the schema accepts {bad}");
        assert!(BreachRecord::from_json(bad).is_err(), "the reader accepts {bad}");
    }
}

#[test]
fn a_notified_record_prefills_its_notification() {
    let path = root().join("examples/records/notified-ransomware.json");
    let r = BreachRecord::from_json(&text(&path)).unwrap();
    let n = r.to_notification();
    assert_eq!(n.submitted_at, r.filings[0].submitted_at);
    assert_eq!(n.controller, r.controller);
    assert_eq!(n.data_and_subjects, r.affected);
    assert_eq!(n.consequences.actions, r.actions);
    assert_eq!(n.incident.occurred, r.facts.occurred);
    assert_eq!(n.data_subject_information.informed_on, r.communication.as_ref().and_then(|c| c.sent_on));
    // Back again: the facts and affected are the record's.
    let back = BreachRecord::from_notification(&n);
    assert_eq!(
        (back.facts.cause, back.facts.description.clone()),
        (r.facts.cause, r.facts.description.clone())
    );
    assert_eq!(back.affected, r.affected);
    assert_eq!(back.decisions.notify_authority.decision, Some(DecisionOutcome::Yes));
    assert_eq!(back.decisions.inform_data_subjects.decision, Some(DecisionOutcome::Yes));
}

#[test]
fn a_decision_not_to_inform_gives_question_35() {
    let path = root().join("examples/records/not-notified-misdirected-letter.json");
    let r = BreachRecord::from_json(&text(&path)).unwrap();
    let n = r.to_notification();
    assert!(n.submitted_at.is_none());
    let info = &n.data_subject_information;
    assert_eq!((info.informed, info.will_inform), (Some(imy_breach::YesNo::No), Some(imy_breach::YesNo::No)));
    assert_eq!(info.reason_not_informing, r.decisions.inform_data_subjects.explanation);
}

/// The notification with only the answers a record shares (the table, the filing moment and the
/// information to the data subjects).
fn shared_only(n: &Notification) -> Notification {
    let mut m = Notification::new();
    let from = serde_json::to_value(n).unwrap();
    let mut to = serde_json::to_value(&m).unwrap();
    for (_, field) in SHARED_ANSWERS {
        let p = field.pointer().to_string();
        if let Some(v) = from.pointer(&p) {
            let (parent, member) = p.rsplit_once('/').unwrap();
            let obj = if parent.is_empty() {
                &mut to
            } else {
                to.as_object_mut().unwrap().entry(&parent[1..]).or_insert_with(|| serde_json::json!({}))
            };
            obj.as_object_mut().unwrap().insert(member.to_owned(), v.clone());
        }
    }
    m = serde_json::from_value(to).unwrap();
    m.submitted_at = n.submitted_at;
    m.data_subject_information = n.data_subject_information.clone();
    m
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// A notification → its record → the record's notification keeps every shared answer.
    #[test]
    fn generated_notifications_round_trip_through_a_record(seed in any::<u64>()) {
        let n = imy_breach::generate::Generator::new(seed).notification();
        let r = BreachRecord::from_notification(&n);
        // The record is a document of its own kind that reads back.
        prop_assert_eq!(BreachRecord::from_json(&r.to_json()).unwrap(), r.clone());
        let again = r.to_notification();
        prop_assert_eq!(shared_only(&again), shared_only(&n));
        prop_assert!(again.contact_details.is_empty() && again.processors.is_empty());
    }
}

/// The CLI reads records where it reads notifications, recognising them by their `kind`.
#[cfg(feature = "cli")]
mod cli {
    use super::common::{assert_exit, json_output, run, run_with_stdin, stdout};

    #[test]
    fn validate_reads_records_and_notifications_alike() {
        let o = run(&[
            "validate",
            "examples/records/not-notified-misdirected-letter.json",
            "examples/ransomware.json",
        ]);
        assert_exit(&o, 0);
        let o = run(&["validate", "--format", "json", "tests/data/records/notified-without-filing.json"]);
        assert_exit(&o, 1);
        let text = stdout(&o);
        assert!(text.contains("notified-without-filing") && text.contains("/filings"), "{text}");
        // NDJSON: one record, one notification.
        let record = std::fs::read_to_string("tests/data/records/late-without-reason.json").unwrap();
        let record: serde_json::Value = serde_json::from_str(&record).unwrap();
        let input = format!("{record}\n{{\"schemaVersion\":\"1.0\"}}\n");
        let o = run_with_stdin(&["validate", "--ndjson", "--lang", "en", "-"], input);
        assert_exit(&o, 1);
        let out = stdout(&o);
        assert!(out.contains("record-late-reason-required"), "{out}");
    }

    #[test]
    fn deadline_runs_on_a_record_through_its_notification() {
        let o = run(&[
            "deadline",
            "examples/records/notified-ransomware.json",
            "--now",
            "2025-04-01T12:00:00+02:00",
            "--format",
            "json",
        ]);
        assert_exit(&o, 0);
        let doc = json_output(&o);
        let imy = super::common::obligation(&doc, "imy_notification");
        assert_eq!(imy["deadline"], "2025-03-30T08:45:00+02:00", "{imy}");
        assert_eq!(imy["status"], "met", "{imy}");
    }

    #[test]
    fn schema_prints_the_record_schema() {
        let o = run(&["schema", "--document", "record"]);
        assert_exit(&o, 0);
        let committed = std::fs::read_to_string(super::root().join("schema/record.schema.json")).unwrap();
        assert_eq!(stdout(&o), committed);
        assert_exit(&run(&["schema", "--document", "record", "--profile", "form"]), 2);
    }
}
