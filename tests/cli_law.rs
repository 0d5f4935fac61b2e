//! `imy-breach deadline --policy legal`: each period by its own law, the cases of issue 13 run as
//! a process.
#![cfg(feature = "cli")]

mod common;

use common::{json_output, obligation, run, stdout};

fn json(args: &[&str]) -> serde_json::Value {
    let mut all = args.to_vec();
    all.extend(["--format", "json"]);
    json_output(&run(&all))
}

#[test]
fn nis2_final_report_moves_off_midsommarafton_and_says_why() {
    let args = [
        "deadline",
        "--aware",
        "2026-05-16 10:00",
        "--now",
        "2026-05-16T12:00:00+02:00",
        "--regime",
        "nis2",
        "--policy",
        "legal",
    ];
    let v = json(&args);
    let n = obligation(&v, "nis2_incident_notification");
    assert_eq!(n["deadline"], "2026-05-19T10:00:00+02:00", "hours are elapsed time under Swedish law");
    assert!(n.get("moved").is_none());
    let f = obligation(&v, "nis2_final_report");
    assert_eq!(f["deadline"], "2026-06-23T00:00:00+02:00", "the end of Monday 2026-06-22");
    assert_eq!(f["moved"]["from"], "2026-06-19");
    assert_eq!(f["moved"]["day"], "Midsommarafton");
    assert_eq!(f["moved"]["to"], "2026-06-22");
    assert_eq!(f["moved"]["rule"], "sfs1930_173");
    let ex = &f["explanation"];
    assert!(
        ex["sv"]
            .as_str()
            .unwrap()
            .contains("Midsommarafton 2026-06-19: flyttad till måndag 2026-06-22 enligt lag (1930:173) 2 §"),
        "{ex}"
    );
    assert!(
        ex["en"]
            .as_str()
            .unwrap()
            .contains("Midsommarafton 2026-06-19: moved to Monday 2026-06-22 by lag (1930:173) § 2"),
        "{ex}"
    );

    // The text output says it too; elapsed time gives the earlier alarm on Midsommarafton itself.
    let o = run(&[&args[..], &["--lang", "en"]].concat());
    assert!(stdout(&o).contains("moved to Monday 2026-06-22 by lag (1930:173) § 2"), "{}", stdout(&o));
    let e = json(&args[..7]);
    assert_eq!(obligation(&e, "nis2_final_report")["deadline"], "2026-06-19T10:00:00+02:00");
}

#[test]
fn gdpr_72_hours_are_never_moved() {
    let v = json(&[
        "deadline",
        "--aware",
        "2026-06-19 10:00",
        "--now",
        "2026-06-19T12:00:00+02:00",
        "--policy",
        "legal",
    ]);
    let imy = obligation(&v, "imy_notification");
    // Reg. 1182/71 Art. 3(1): the hour of the event is not counted, so 72 hours from 11:00.
    assert_eq!(imy["countingFrom"], "2026-06-19T11:00:00+02:00");
    assert_eq!(imy["deadline"], "2026-06-22T11:00:00+02:00");
    assert!(imy.get("moved").is_none());
    assert!(!imy["explanation"]["en"].as_str().unwrap().contains("moved"));
}

#[test]
fn nis2_final_report_moves_off_julafton_to_monday_28_december() {
    let v = json(&[
        "deadline",
        "--aware",
        "2026-11-21 10:00",
        "--now",
        "2026-11-21T12:00:00+01:00",
        "--regime",
        "nis2",
        "--policy",
        "legal",
    ]);
    let f = obligation(&v, "nis2_final_report");
    assert_eq!(f["deadline"], "2026-12-29T00:00:00+01:00");
    assert_eq!(f["moved"]["day"], "Julafton");
    assert_eq!(f["moved"]["to"], "2026-12-28");
    assert!(f["explanation"]["en"]
        .as_str()
        .unwrap()
        .contains("Julafton 2026-12-24: moved to Monday 2026-12-28 by lag (1930:173) § 2"));
}

#[test]
fn eprivacy_complete_notification_over_easter_moves_and_keeps_two_working_days() {
    let v = json(&[
        "deadline",
        "--aware",
        "2026-04-01 10:00",
        "--now",
        "2026-04-01T12:00:00+02:00",
        "--regime",
        "eprivacy",
        "--policy",
        "reg1182",
    ]);
    assert_eq!(obligation(&v, "eprivacy_initial")["deadline"], "2026-04-02T11:00:00+02:00");
    let c = obligation(&v, "eprivacy_complete");
    // Three days from Skärtorsdag: 3–5 April, ending on Påskdagen; Art. 3(4) moves it past annandag
    // påsk to Tuesday 7 April, and Art. 3(5) to Wednesday 8 April (7 April is the only working day).
    assert_eq!(c["moved"]["from"], "2026-04-05");
    assert_eq!(c["moved"]["day"], "Påskdagen");
    assert_eq!(c["moved"]["to"], "2026-04-08");
    assert_eq!(c["moved"]["twoWorkingDays"], true);
    assert_eq!(c["deadline"], "2026-04-09T00:00:00+02:00");
    let en = c["explanation"]["en"].as_str().unwrap();
    assert!(
        en.contains("Påskdagen 2026-04-05: moved to Tuesday 2026-04-07 by Regulation 1182/71 Art. 3(4)"),
        "{en}"
    );
    assert!(en.contains("extended to Wednesday 2026-04-08 by Regulation 1182/71 Art. 3(5)"), "{en}");
}

#[test]
fn the_help_says_which_policy_is_earlier_and_which_is_the_law() {
    let o = run(&["deadline", "--help"]);
    let help = stdout(&o);
    assert!(help.contains("earliest deadline") && help.contains("the law's deadline"), "{help}");
    assert!(!help.contains("stricter"));
}

#[test]
fn the_new_regimes_print_their_duties() {
    let base = [
        "deadline",
        "--aware",
        "2026-01-30 22:30",
        "--now",
        "2026-01-31T12:00:00+01:00",
        "--policy",
        "legal",
    ];
    let v = json(&[&base[..], &["--regime", "dora", "--classified-major", "2026-01-31 20:00"]].concat());
    assert_eq!(obligation(&v, "dora_initial_after_classification")["deadline"], "2026-02-01T01:00:00+01:00");
    assert_eq!(obligation(&v, "dora_initial_after_classification")["trigger"]["event"], "classified_major");
    assert_eq!(obligation(&v, "dora_final")["provisional"], true);
    for (regime, stage, reference) in [
        ("eidas", "eidas_notification", "eIDAS (EU) 910/2014 Art. 19(2)"),
        ("cer", "cer_detailed_report", "CER (EU) 2022/2557 Art. 15(1)"),
        ("cra", "cra_notification", "CRA (EU) 2024/2847 Art. 14(2)(b)"),
        ("ai_act", "ai_act_report", "AI Act (EU) 2024/1689 Art. 73(2)"),
    ] {
        let v = json(&[&base[..], &["--regime", regime]].concat());
        assert_eq!(obligation(&v, stage)["reference"]["en"], reference);
        assert_eq!(obligation(&v, stage)["regime"], regime);
    }
    let v = json(&[&base[..], &["--regime", "ai_act", "--ai-severity", "death"]].concat());
    assert_eq!(obligation(&v, "ai_act_report_death")["period"], "P10D");
    let v = json(&[&base[..], &["--regime", "cra", "--fix-available", "2026-02-02 09:00"]].concat());
    assert_eq!(obligation(&v, "cra_final_report")["trigger"]["event"], "fix_available");
    let v = json(&[&base[..], &["--regime", "nis2", "--ongoing", "--handled", "2026-03-01 10:00"]].concat());
    assert_eq!(obligation(&v, "nis2_final_report_after_handling")["trigger"]["event"], "incident_handled");
    assert!(v["obligations"].as_array().unwrap().iter().all(|o| o["stage"] != "nis2_final_report"));
    // The text table names them.
    let o = run(&[&base[..], &["--regime", "dora", "--lang", "en"]].concat());
    assert!(stdout(&o).contains("Intermediate report") && stdout(&o).contains("DORA"), "{}", stdout(&o));
}
