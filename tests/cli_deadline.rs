//! `imy-breach deadline`: the command run as a process.
#![cfg(feature = "cli")]

mod common;

use common::{json_output, obligation, run, run_with_stdin, stderr, stdout};

use std::path::PathBuf;

fn temp_file(name: &str, content: &str) -> PathBuf {
    let path =
        std::env::temp_dir().join(format!("imy-breach-cli-deadline-{}-{name}.json", std::process::id()));
    std::fs::write(&path, content).unwrap();
    path
}

#[test]
fn aware_json_gives_the_gdpr_deadline_in_swedish_time() {
    let v = json_output(&run(&["deadline", "--aware", "2025-03-29 10:00", "--format", "json"]));
    let imy = obligation(&v, "imy_notification");
    assert_eq!(imy["deadline"], "2025-04-01T11:00:00+02:00");
    assert_eq!(imy["deadlineUtc"], "2025-04-01T09:00:00Z");
    assert_eq!(imy["regime"], "gdpr");
    assert_eq!(imy["reference"]["en"], "GDPR Art. 33(1)");
}

#[test]
fn now_is_a_parameter() {
    let v = json_output(&run(&[
        "deadline",
        "--aware",
        "2025-03-29 10:00",
        "--now",
        "2025-03-30T12:00:00+02:00",
        "--format",
        "json",
    ]));
    assert_eq!(v["now"], "2025-03-30T12:00:00+02:00");
    let imy = obligation(&v, "imy_notification");
    assert_eq!(imy["status"], "open");
    assert_eq!(imy["timeLeft"], "PT47H");
    assert_eq!(imy["remainingSeconds"], 47 * 3600);
    let v = json_output(&run(&[
        "deadline",
        "--aware",
        "2025-03-29 10:00",
        "--now",
        "2025-04-01T09:00:01Z",
        "--format",
        "json",
    ]));
    let imy = obligation(&v, "imy_notification");
    assert_eq!(imy["status"], "overdue");
    assert_eq!(imy["overdueBy"], "PT1S");
}

#[test]
fn a_time_that_does_not_exist_is_a_clear_error() {
    let o = run(&["deadline", "--aware", "2025-03-30 02:30", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(o.stdout.is_empty());
    let err = stderr(&o);
    assert!(err.contains("--aware: 2025-03-30 02:30 does not exist in Swedish time"), "{err}");
    assert!(err.contains("[local-time-gap]"), "{err}");
    let o = run(&["deadline", "--aware", "2025-03-30 02:30"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("finns inte i svensk tid"), "{}", stderr(&o));
}

#[test]
fn malformed_and_out_of_range_values_are_usage_errors() {
    for args in [
        &["deadline", "--aware", "29/03/2025 10:00"][..],
        &["deadline", "--aware", "2025-03-29 10:00", "--now", "tomorrow"],
        &["deadline", "--aware", "1949-03-29 10:00"],
        &["deadline", "--aware", "2025-07-01 10:00 +01:00"],
        &["deadline", "--aware", "2025-03-29 10:00", "--policy", "lenient"],
        &["deadline", "--aware", "2025-03-29 10:00", "--regime", "sox"],
        &["deadline"],
    ] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(!stderr(&o).is_empty());
    }
    let o = run(&["deadline", "--aware", "1949-03-29 10:00", "--lang", "en"]);
    assert!(stderr(&o).contains("[local-time-out-of-range]"), "{}", stderr(&o));
}

#[test]
fn the_fold_takes_the_earlier_time_with_a_warning_unless_an_offset_chooses() {
    let o = run(&[
        "deadline",
        "--aware",
        "2025-10-26 02:30",
        "--now",
        "2025-10-26T12:00:00+01:00",
        "--format",
        "json",
    ]);
    let v = json_output(&o);
    assert_eq!(v["awareness"]["ambiguous"], true);
    assert_eq!(v["notes"][0]["code"], "local-time-ambiguous");
    assert_eq!(obligation(&v, "imy_notification")["deadline"], "2025-10-29T01:30:00+01:00");
    let v = json_output(&run(&[
        "deadline",
        "--aware",
        "2025-10-26 02:30 +01:00",
        "--now",
        "2025-10-26T12:00:00+01:00",
        "--format",
        "json",
    ]));
    assert_eq!(v["awareness"]["ambiguous"], false);
    assert_eq!(obligation(&v, "imy_notification")["deadline"], "2025-10-29T02:30:00+01:00");
}

#[test]
fn policy_regimes_and_processor_window() {
    let v = json_output(&run(&[
        "deadline",
        "--aware",
        "2025-03-29 10:20",
        "--now",
        "2025-03-29T12:00:00+01:00",
        "--policy",
        "reg1182",
        "--regime",
        "nis2",
        "--regime",
        "eprivacy",
        "--processor-window",
        "24",
        "--format",
        "json",
    ]));
    // `reg1182` is the old name of `legal`.
    assert_eq!(v["policy"], "legal");
    assert_eq!(obligation(&v, "imy_notification")["deadline"], "2025-04-01T12:00:00+02:00");
    assert_eq!(obligation(&v, "imy_notification")["countingFrom"], "2025-03-29T11:00:00+01:00");
    // NIS2 is Swedish law (cybersäkerhetslagen): its hours are elapsed time from awareness.
    assert_eq!(obligation(&v, "nis2_early_warning")["deadline"], "2025-03-30T11:20:00+02:00");
    assert_eq!(obligation(&v, "nis2_incident_notification")["deadline"], "2025-04-01T11:20:00+02:00");
    assert_eq!(obligation(&v, "nis2_final_report")["provisional"], true);
    assert_eq!(obligation(&v, "eprivacy_initial")["deadline"], "2025-03-30T12:00:00+02:00");
    // Three days under legal (Regulation 1182/71): from the next day to the end of the last day.
    assert_eq!(obligation(&v, "eprivacy_complete")["deadline"], "2025-04-03T00:00:00+02:00");
    let p = obligation(&v, "processor_to_controller");
    assert_eq!(p["period"], "PT24H");
    assert_eq!(p["deadline"], "2025-03-30T12:00:00+02:00");
    assert_eq!(v["obligations"].as_array().unwrap().len(), 8);

    let v = json_output(&run(&[
        "deadline",
        "--aware",
        "2025-03-29 10:20",
        "--now",
        "2025-03-29T12:00:00+01:00",
        "--processor-window",
        "24",
        "--processor-aware",
        "2025-03-28 09:00",
        "--format",
        "json",
    ]));
    let p = obligation(&v, "processor_to_controller");
    assert_eq!(p["deadline"], "2025-03-29T09:00:00+01:00");
    assert_eq!(p["status"], "overdue");
}

#[test]
fn text_output_is_a_table_with_explanations() {
    let o = run(&["deadline", "--aware", "2025-03-29 10:00", "--now", "2025-03-30T12:00:00+02:00"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.starts_with("Upptäckt: 2025-03-29 10:00 +01:00 · Bedömt vid: 2025-03-30 12:00 +02:00"),
        "{out}"
    );
    let row = out.lines().find(|l| l.starts_with("1 ")).unwrap_or_else(|| panic!("{out}"));
    for cell in [
        "GDPR",
        "Anmälan till IMY",
        "GDPR art. 33.1",
        "2025-04-01 11:00 +02:00",
        "2025-04-01 09:00 UTC",
        "öppen",
        "1 d 23 h 0 min kvar",
    ] {
        assert!(row.contains(cell), "{cell} in {row}");
    }
    assert!(out.contains("Förklaringar:"));
    assert!(out.contains("Sommartiden började 2025-03-30"), "{out}");

    let out = stdout(&run(&[
        "deadline",
        "--aware",
        "2025-03-29 10:00",
        "--now",
        "2025-04-02T12:00:00+02:00",
        "--lang",
        "en",
    ]));
    let row = out.lines().find(|l| l.starts_with("1 ")).unwrap();
    assert!(
        row.contains("Notification to IMY")
            && row.contains("overdue")
            && row.contains("1 d 1 h 0 min overdue"),
        "{row}"
    );
    assert!(out.contains("Explanations:"));
}

#[test]
fn from_a_notification_file_and_from_stdin() {
    let doc = r#"{"schemaVersion":"1.0","submittedAt":"2022-10-07T16:30:00+02:00",
        "incident":{"discovered":{"date":"2022-09-22"}},
        "supplementAndConfidentiality":{"intendsToSupplement":"yes"}}"#;
    let path = temp_file("seed001", doc);
    let v = json_output(&run(&[
        "deadline",
        path.to_str().unwrap(),
        "--now",
        "2022-10-11T12:00:00+02:00",
        "--format",
        "json",
    ]));
    let imy = obligation(&v, "imy_notification");
    assert_eq!(imy["deadline"], "2022-09-25T00:00:00+02:00");
    assert_eq!(imy["status"], "met_late");
    assert_eq!(imy["dateOnly"], true);
    assert_eq!(imy["completedAt"], "2022-10-07T16:30:00+02:00");
    assert_eq!(obligation(&v, "imy_supplement")["deadline"], "2022-11-04T16:30:00+01:00");
    let _ = std::fs::remove_file(path);

    let v = json_output(&run_with_stdin(
        &["deadline", "-", "--now", "2022-10-11T12:00:00+02:00", "--format", "json"],
        doc,
    ));
    assert_eq!(obligation(&v, "imy_notification")["status"], "met_late");

    // --submitted overrides submittedAt.
    let v = json_output(&run_with_stdin(
        &[
            "deadline",
            "-",
            "--now",
            "2022-10-11T12:00:00+02:00",
            "--submitted",
            "2022-09-24T08:00:00+02:00",
            "--format",
            "json",
        ],
        doc,
    ));
    assert_eq!(obligation(&v, "imy_notification")["status"], "met");
}

#[test]
fn a_bad_notification_file_exits_1() {
    let gap = temp_file(
        "gap",
        r#"{"schemaVersion":"1.0","incident":{"discovered":{"date":"2025-03-30","time":"02:30"}}}"#,
    );
    let o = run(&["deadline", gap.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("/incident/discovered: 2025-03-30 02:30 does not exist"), "{}", stderr(&o));
    let _ = std::fs::remove_file(gap);

    let o = run_with_stdin(
        &["deadline", "-"],
        r#"{"schemaVersion":"1.0","incident":{"discovered":{"date":"2025-02-30"}}}"#,
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("/incident/discovered/date"), "{}", stderr(&o));

    let o = run(&["deadline", "/nonexistent/notification.json"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn file_and_aware_are_exclusive() {
    let o = run(&["deadline", "x.json", "--aware", "2025-03-29 10:00"]);
    assert_eq!(o.status.code(), Some(2));
}
