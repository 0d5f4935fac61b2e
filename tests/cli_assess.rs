#![cfg(feature = "cli")]
//! `imy-breach assess`: the JSON output is the library's assessment with the members the issue
//! names, the text names the recommendation, and the exit codes are those documented; FILE is a
//! breach record, an assessment case, or a notification with `--inputs`. `imy-breach record
//! notification` prints the notification a record prefills.

mod common;

use common::{assert_exit, run, run_with_stdin, stderr, stdout};
use serde_json::Value;

const HOSPITAL: &str = "tests/data/assessment/03-ransomware-hospital.json";

fn json(args: &[&str]) -> Value {
    let o = run(args);
    assert_exit(&o, 0);
    serde_json::from_str(&stdout(&o)).expect("the output is JSON")
}

#[test]
fn json_carries_the_score_band_recommendation_and_explanation() {
    let v = json(&["assess", HOSPITAL, "--format", "json"]);
    assert_eq!(v["severity"]["score"], serde_json::json!(4.75));
    assert_eq!(v["severity"]["band"], "very_high");
    assert_eq!(v["recommendation"]["notifyAuthority"], true);
    assert_eq!(v["recommendation"]["informDataSubjects"], true);
    assert_eq!(v["recommendation"]["borderline"], false);
    assert!(v["explanation"]["sv"].as_str().unwrap().contains("presumtion"));
    assert!(v["explanation"]["en"].as_str().unwrap().contains("presumption"));
    let inputs = v["inputs"].as_array().unwrap();
    assert!(inputs.iter().any(|i| i["input"] == "data_kind" && i["effect"]["base"] == 4));
    assert!(inputs.iter().any(|i| i["input"] == "malicious" && i["source"] == "derived"));
}

#[test]
fn a_notification_with_inputs_in_a_file_of_their_own_or_as_an_assessment_case() {
    let dir = std::env::temp_dir().join(format!("imy-breach-assess-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let record: Value = serde_json::from_str(&std::fs::read_to_string(HOSPITAL).unwrap()).unwrap();
    // The record's prefilled notification, from the CLI.
    let o = run(&["record", "notification", HOSPITAL]);
    assert_exit(&o, 0);
    let notification: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(notification["incident"]["nature"], record["facts"]["nature"]);
    assert!(notification.get("kind").is_none(), "a notification has no kind");
    let n = dir.join("n.json");
    let i = dir.join("i.json");
    std::fs::write(&n, notification.to_string()).unwrap();
    std::fs::write(&i, record["assessment"].to_string()).unwrap();
    let v = json(&["assess", n.to_str().unwrap(), "--inputs", i.to_str().unwrap(), "--format", "json"]);
    assert_eq!(v["severity"]["score"], serde_json::json!(4.75));
    let case = serde_json::json!({"kind": "assessment_case", "notification": notification,
        "assessment": record["assessment"]});
    let c = dir.join("case.json");
    std::fs::write(&c, case.to_string()).unwrap();
    assert_eq!(
        json(&["assess", c.to_str().unwrap(), "--format", "json"]),
        json(&["assess", HOSPITAL, "--format", "json"])
    );
    let o = run(&["assess", n.to_str().unwrap(), "--inputs", n.to_str().unwrap()]);
    assert_exit(&o, 1);
    assert!(stderr(&o).contains("n.json"), "{}", stderr(&o));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn text_in_either_language_and_the_exit_codes() {
    let o = run(&["assess", HOSPITAL, "--lang", "sv"]);
    assert_exit(&o, 0);
    let out = stdout(&o);
    assert!(out.contains("Poäng: 4,75 (Mycket hög)"), "{out}");
    assert!(out.contains("Anmäl till IMY: ja"), "{out}");
    let o = run(&["assess", HOSPITAL, "--lang", "en"]);
    assert!(stdout(&o).contains("Inform the data subjects: yes"));
    assert!(stdout(&o).contains("Weighed after the score:\n  Number of data subjects: 10,001 - 100,000."));
    // A notification is not an assessment case.
    let o = run(&["assess", "tests/data/assessment/expected-deviations.json"]);
    assert_exit(&o, 1);
    // A record without an assessment, and an unreadable record.
    let o =
        run_with_stdin(&["assess", "-", "--lang", "en"], r#"{"kind":"breach_record","schemaVersion":"1.1"}"#);
    assert_exit(&o, 1);
    assert!(stderr(&o).contains("/assessment: the record has no risk assessment"), "{}", stderr(&o));
    let o = run_with_stdin(
        &["record", "notification", "-"],
        r#"{"kind":"breach_record","schemaVersion":"1.1","status":"lost"}"#,
    );
    assert_exit(&o, 1);
    assert!(stderr(&o).contains("/status [unknown-option]"), "{}", stderr(&o));
    let o = run(&["assess", "tests/data/assessment/no-such-file.json"]);
    assert_exit(&o, 2);
}

/// Each record example assesses to the decisions it records: document only, notify, or notify and
/// inform (or, with a ground of Art. 34(3), notify without informing).
#[test]
fn the_record_examples_assess_to_their_decisions() {
    let mut seen = Vec::new();
    for path in common::json_files(&["examples/records"]) {
        let file = path.to_str().unwrap();
        let record: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(record["schemaVersion"], "1.1", "{file}");
        let v = json(&["assess", file, "--format", "json"]);
        let d = &record["decisions"];
        let r = &v["recommendation"];
        assert_eq!(r["notifyAuthority"], d["notifyAuthority"]["decision"] == "yes", "{file}");
        assert_eq!(r["informDataSubjects"], d["informDataSubjects"]["decision"] == "yes", "{file}");
        assert_eq!(r["risk"], record["assessment"]["conclusion"], "{file}");
        let o = run(&["validate", file, "--format", "json"]);
        assert_exit(&o, 0);
        seen.push((r["notifyAuthority"].clone(), r["informDataSubjects"].clone(), r["art34Ground"].clone()));
    }
    let (f, t) = (Value::Bool(false), Value::Bool(true));
    assert!(seen.contains(&(f.clone(), f.clone(), Value::Null)), "a breach documented only: {seen:?}");
    assert!(seen.contains(&(t.clone(), t, Value::Null)), "a breach notified and communicated: {seen:?}");
    assert!(seen.contains(&(Value::Bool(true), f, "unintelligible".into())), "Art. 34(3)(a): {seen:?}");
}
