#![cfg(feature = "cli")]
//! `imy-breach assess`: the JSON output is the library's assessment with the members the issue
//! names, the text names the recommendation, and the exit codes are those documented.

mod common;

use common::{assert_exit, run, stderr, stdout};
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
fn a_notification_with_inputs_in_a_file_of_their_own() {
    let dir = std::env::temp_dir().join(format!("imy-breach-assess-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let case: Value = serde_json::from_str(&std::fs::read_to_string(HOSPITAL).unwrap()).unwrap();
    let n = dir.join("n.json");
    let i = dir.join("i.json");
    std::fs::write(&n, case["notification"].to_string()).unwrap();
    std::fs::write(&i, case["assessment"].to_string()).unwrap();
    let v = json(&["assess", n.to_str().unwrap(), "--inputs", i.to_str().unwrap(), "--format", "json"]);
    assert_eq!(v["severity"]["score"], serde_json::json!(4.75));
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
    let o = run(&["assess", "tests/data/assessment/no-such-file.json"]);
    assert_exit(&o, 2);
}
