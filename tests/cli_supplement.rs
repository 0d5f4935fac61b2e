//! The CLI with supplements: `supplement diff` and `supplement apply` round trip, and `validate`,
//! `render` and `deadline` take supplements, with the exit codes of notifications.
#![cfg(feature = "cli")]

mod common;

use common::{root, run, stdout};

fn path(rel: &str) -> String {
    root().join(rel).to_string_lossy().into_owned()
}

fn temp(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("imy-breach-cli-supplement-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p.to_string_lossy().into_owned()
}

#[test]
fn diff_then_apply_gives_the_newer_notification_back() {
    let old = path("examples/ransomware.json");
    let mut new: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&old).unwrap()).unwrap();
    new["dataAndSubjects"]["subjectCount"] =
        serde_json::json!({"exact": 4180, "interval": "from_1001_to_10000"});
    new["incident"].as_object_mut().unwrap().remove("discoveryMethod");
    let new_file = temp("new.json", &new.to_string());
    let out = run(&["supplement", "diff", &old, &new_file, "--submitted-at", "2024-06-03T10:30:00+02:00"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let s: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(s["kind"], "supplement");
    assert_eq!(s["changes"].as_array().unwrap().len(), 2, "{s}");
    assert_eq!(s["changes"][0], serde_json::json!({"field": "/incident/discoveryMethod", "clear": true}));
    let s_file = temp("s.json", &stdout(&out));
    let out = run(&["supplement", "apply", &old, &s_file]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let applied: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(applied, new);
    let out = run(&["supplement", "apply", &old, &s_file, "--provenance"]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let origin =
        v["provenance"].as_array().unwrap().iter().find(|o| o["field"] == "/dataAndSubjects/subjectCount");
    assert_eq!(origin.unwrap()["filing"], "supplement");
    assert_eq!(origin.unwrap()["submittedAt"], "2024-06-03T10:30:00+02:00");
    // Without a moment for the supplement, diff is a usage error.
    assert_eq!(run(&["supplement", "diff", &old, &old]).status.code(), Some(2));
}

#[test]
fn validate_recognises_supplements_by_their_kind() {
    let s = path("examples/supplements/ransomware-counts.json");
    let out = run(&["validate", &s, "--lang", "en"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains("ransomware-counts.json: valid"));
    let bad =
        temp("bad.json", r#"{"schemaVersion":"1.0","kind":"supplement","caseNumber":"x","changes":[]}"#);
    let out = run(&["validate", &bad, "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let text = v.to_string();
    assert!(text.contains("case-number-format") && text.contains("/notification"), "{text}");
    assert_eq!(run(&["validate", "/no/such/supplement.json"]).status.code(), Some(2));
}

#[test]
fn validate_with_supplements_checks_them_in_place_and_the_current_state() {
    let base = path("examples/ransomware.json");
    let s = path("examples/supplements/ransomware-counts.json");
    let out = run(&["validate", &base, "--supplement", &s, "--lang", "en"]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert!(stdout(&out).contains("ransomware.json (as supplemented): valid"), "{}", stdout(&out));
    // A supplement of another notification is an error in place.
    let other = path("examples/misdirected-email.json");
    let out = run(&["validate", &other, "--supplement", &s, "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("supplement-other-notification"), "{}", stdout(&out));
    // --supplement goes with one notification.
    assert_eq!(run(&["validate", &base, &other, "--supplement", &s]).status.code(), Some(2));
}

#[test]
fn deadline_with_a_supplement_closes_the_supplement_clock() {
    let base = path("examples/ransomware.json");
    let s = path("examples/supplements/ransomware-counts.json");
    let now = "2024-07-01T12:00:00+02:00";
    let open = run(&["deadline", &base, "--now", now, "--format", "json"]);
    let open: serde_json::Value = serde_json::from_str(&stdout(&open)).unwrap();
    let row = |v: &serde_json::Value| {
        v["obligations"].as_array().unwrap().iter().find(|o| o["stage"] == "imy_supplement").cloned().unwrap()
    };
    assert_eq!(row(&open)["status"], "overdue");
    assert!(open.get("pending").is_none());
    let out = run(&["deadline", &base, "--supplement", &s, "--now", now, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let met: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(row(&met)["status"], "met");
    assert_eq!(met["pending"], serde_json::json!([]));
    let out = run(&["deadline", &base, "--supplement", "/no/such.json"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn render_shows_a_supplement_alone_or_the_current_state_marked() {
    let base = path("examples/ransomware.json");
    let s = path("examples/supplements/ransomware-counts.json");
    let out = run(&["render", &s, "--lang", "en"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(
        text.starts_with("Supplement to the notification\n") && text.contains("23. How many data subjects")
    );
    assert!(!text.contains("15. What happened?"));
    let out = run(&["render", &base, "--supplement", &s, "--lang", "en", "--format", "markdown"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("supplemented on 2024-06-03"), "{}", stdout(&out));
}

#[test]
fn supplement_apply_has_the_exit_codes_of_notifications() {
    let base = path("examples/ransomware.json");
    let other = path("examples/misdirected-email.json");
    let s = path("examples/supplements/ransomware-counts.json");
    let bad = temp("unreadable.json", r#"{"schemaVersion":"1.0","kind":"supplement"}"#);
    let out = run(&["supplement", "apply", &base, &bad, "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/changes [missing-field]"), "{out:?}");
    assert_eq!(run(&["supplement", "apply", &base, "/no/such.json"]).status.code(), Some(2));
    let out = run(&["supplement", "apply", &other, &s, "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("another notification"), "{out:?}");
    assert_eq!(run(&["supplement", "apply", &base]).status.code(), Some(2), "a supplement is required");
}
