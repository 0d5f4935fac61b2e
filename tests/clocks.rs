//! The other clocks of issue 13: NIS2 for an ongoing incident, the processor's row when there is
//! no processor, DORA, eIDAS, CER, the Cyber Resilience Act and the AI Act, at the edges.

use imy_breach::deadline::{
    schedule, schedule_notification, AiSeverity, CountingPolicy, Facts, Regime, Schedule, ScheduleOptions,
    Stage, Status,
};
use imy_breach::Notification;
use time::format_description::well_known::Rfc3339;
use time::macros::datetime;
use time::OffsetDateTime;

fn run(facts: &Facts, regime: Regime, policy: CountingPolicy, now: OffsetDateTime) -> Schedule {
    schedule(facts, &ScheduleOptions::new().policy(policy).regime(regime), now).unwrap()
}

fn due(s: &Schedule, stage: Stage) -> String {
    let o = s.get(stage).unwrap_or_else(|| panic!("no {stage}"));
    o.deadline.unwrap_or_else(|| panic!("{stage}: {:?}", o.status)).format(&Rfc3339).unwrap()
}

use CountingPolicy::{Elapsed, Legal};

#[test]
fn nis2_ongoing_incident_progress_report_then_final_report_after_handling() {
    let aware = datetime!(2026-05-16 10:00 +02:00);
    let facts = Facts::new().aware_at(aware).ongoing(true);
    let s = run(&facts, Regime::Nis2, Legal, aware);
    assert!(s.get(Stage::Nis2FinalReport).is_none(), "no final report at one month while ongoing");
    assert_eq!(due(&s, Stage::Nis2ProgressReport), "2026-06-23T00:00:00+02:00");
    let f = s.get(Stage::Nis2FinalReportAfterHandling).unwrap();
    assert_eq!((f.status, f.deadline), (Status::Unknown, None));
    assert!(f.explanation().en.contains("the incident is ongoing (question 12)"), "{}", f.explanation().en);

    let facts = facts.handled_at(datetime!(2026-07-10 12:00 +02:00));
    assert_eq!(
        due(&run(&facts, Regime::Nis2, Legal, aware), Stage::Nis2FinalReportAfterHandling),
        "2026-08-11T00:00:00+02:00"
    );
    assert_eq!(
        due(&run(&facts, Regime::Nis2, Elapsed, aware), Stage::Nis2FinalReportAfterHandling),
        "2026-08-10T12:00:00+02:00"
    );

    // Question 12 = Ja in a notification.
    let n = Notification::from_json(r#"{"schemaVersion":"1.0","incident":{"discovered":{"date":"2026-05-16","time":"10:00"},"ongoing":"yes"}}"#).unwrap();
    let s = schedule_notification(&n, &ScheduleOptions::new().regime(Regime::Nis2), aware).unwrap();
    assert!(s.get(Stage::Nis2ProgressReport).is_some() && s.get(Stage::Nis2FinalReport).is_none());
}

#[test]
fn processor_row_is_not_applicable_without_a_processor() {
    let n = Notification::from_json(r#"{"schemaVersion":"1.0","incident":{"discovered":{"date":"2026-01-05","time":"10:00"}},"processors":{"involved":"no"}}"#).unwrap();
    let options = ScheduleOptions::new().processor_window_hours(24);
    let s = schedule_notification(&n, &options, datetime!(2026-02-10 12:00 +01:00)).unwrap();
    let p = s.get(Stage::ProcessorToController).unwrap();
    assert_eq!((p.status, p.deadline, p.remaining), (Status::NotApplicable, None, None));
    assert_eq!(p.status.code(), "not_applicable");
    assert!(p.explanation().en.contains("no processor is involved (question 21 No)"));
    // With a processor involved, the row is counted as before.
    let n = Notification::from_json(r#"{"schemaVersion":"1.0","incident":{"discovered":{"date":"2026-01-05","time":"10:00"}},"processors":{"involved":"yes"}}"#).unwrap();
    let s = schedule_notification(&n, &options, datetime!(2026-02-10 12:00 +01:00)).unwrap();
    assert_eq!(s.get(Stage::ProcessorToController).unwrap().status, Status::Overdue);
}

#[test]
fn dora_initial_intermediate_and_final_at_a_month_end() {
    let aware = datetime!(2026-01-30 22:30 +01:00);
    let facts = Facts::new().aware_at(aware).classified_major_at(datetime!(2026-01-31 20:00 +01:00));
    let s = run(&facts, Regime::Dora, Legal, aware);
    assert_eq!(due(&s, Stage::DoraInitialAfterClassification), "2026-02-01T01:00:00+01:00");
    assert_eq!(due(&s, Stage::DoraInitial), "2026-01-31T23:00:00+01:00");
    // From the initial notification's deadline, 23:00: the hour 23:00–24:00 is not counted.
    assert_eq!(due(&s, Stage::DoraIntermediate), "2026-02-04T00:00:00+01:00");
    assert_eq!(due(&s, Stage::DoraFinal), "2026-03-05T00:00:00+01:00");
    let s = run(&facts, Regime::Dora, Elapsed, aware);
    assert_eq!(due(&s, Stage::DoraInitialAfterClassification), "2026-02-01T00:00:00+01:00");
    assert_eq!(due(&s, Stage::DoraInitial), "2026-01-31T22:30:00+01:00");

    // 31 January + 1 month: 28 February 2026 is a Saturday, Art. 3(4) moves it to Monday 2 March.
    let facts =
        Facts::new().aware_at(aware).completed(Stage::DoraIntermediate, datetime!(2026-01-31 10:00 +01:00));
    let now = datetime!(2026-02-01 12:00 +01:00);
    assert_eq!(due(&run(&facts, Regime::Dora, Legal, now), Stage::DoraFinal), "2026-03-03T00:00:00+01:00");
    assert_eq!(due(&run(&facts, Regime::Dora, Elapsed, now), Stage::DoraFinal), "2026-02-28T10:00:00+01:00");

    // Not yet classified: that row cannot be counted; the 24 hours still run.
    let s = run(&Facts::new().aware_at(aware), Regime::Dora, Legal, aware);
    assert_eq!(s.get(Stage::DoraInitialAfterClassification).unwrap().status, Status::Unknown);
    assert_eq!(s.get(Stage::DoraInitial).unwrap().status, Status::Open);
}

#[test]
fn dora_initial_over_the_spring_night() {
    let aware = datetime!(2026-03-28 10:00 +01:00);
    let s = run(&Facts::new().aware_at(aware), Regime::Dora, Elapsed, aware);
    let o = s.get(Stage::DoraInitial).unwrap();
    assert_eq!(due(&s, Stage::DoraInitial), "2026-03-29T11:00:00+02:00");
    assert!(o.dst_change);
}

#[test]
fn eidas_24_hours_are_not_moved_off_juldagen() {
    let aware = datetime!(2026-12-24 10:00 +01:00);
    let s = run(&Facts::new().aware_at(aware), Regime::Eidas, Legal, aware);
    assert_eq!(due(&s, Stage::EidasNotification), "2026-12-25T11:00:00+01:00");
    assert_eq!(s.get(Stage::EidasNotification).unwrap().moved, None);
}

#[test]
fn cer_detailed_report_moves_off_julafton_by_swedish_law() {
    let aware = datetime!(2026-11-23 10:00 +01:00);
    let s = run(&Facts::new().aware_at(aware), Regime::Cer, Legal, aware);
    assert_eq!(due(&s, Stage::CerInitial), "2026-11-24T10:00:00+01:00");
    assert_eq!(due(&s, Stage::CerDetailedReport), "2026-12-29T00:00:00+01:00");
}

#[test]
fn cra_final_report_14_days_after_the_fix_moves_past_christmas() {
    let aware = datetime!(2026-12-01 09:00 +01:00);
    let s = run(&Facts::new().aware_at(aware), Regime::Cra, Legal, aware);
    assert_eq!(due(&s, Stage::CraEarlyWarning), "2026-12-02T10:00:00+01:00");
    assert_eq!(due(&s, Stage::CraNotification), "2026-12-04T10:00:00+01:00");
    assert_eq!(s.get(Stage::CraFinalReport).unwrap().status, Status::Unknown);
    let facts = Facts::new().aware_at(aware).fix_available_at(datetime!(2026-12-11 12:00 +01:00));
    let s = run(&facts, Regime::Cra, Legal, aware);
    // Last day juldagen 25 December; 26 and 27 are a Saturday and a Sunday: Monday 28 December.
    assert_eq!(due(&s, Stage::CraFinalReport), "2026-12-29T00:00:00+01:00");
    assert!(s
        .get(Stage::CraFinalReport)
        .unwrap()
        .explanation()
        .en
        .contains("Juldagen 2026-12-25: moved to Monday 2026-12-28 by Regulation 1182/71 Art. 3(4)"));
}

#[test]
fn ai_act_period_follows_the_severity() {
    let aware = datetime!(2026-06-18 10:00 +02:00);
    let stages = |s: &Schedule| {
        s.obligations.iter().filter(|o| o.regime == Regime::AiAct).map(|o| o.stage).collect::<Vec<_>>()
    };
    let s = run(&Facts::new().aware_at(aware), Regime::AiAct, Legal, aware);
    assert_eq!(stages(&s), [Stage::AiActReport]);
    assert_eq!(due(&s, Stage::AiActReport), "2026-07-04T00:00:00+02:00");
    let s = run(&Facts::new().aware_at(aware).ai_severity(AiSeverity::Death), Regime::AiAct, Legal, aware);
    assert_eq!(stages(&s), [Stage::AiActReportDeath]);
    assert_eq!(due(&s, Stage::AiActReportDeath), "2026-06-30T00:00:00+02:00");
    // Two days from Thursday: Midsommarafton (a working day under Reg. 1182/71) and Midsommardagen,
    // moved to Monday 22 June; two working days, so Art. 3(5) adds nothing.
    let s =
        run(&Facts::new().aware_at(aware).ai_severity(AiSeverity::Widespread), Regime::AiAct, Legal, aware);
    assert_eq!(due(&s, Stage::AiActReportWidespread), "2026-06-23T00:00:00+02:00");
    let o = s.get(Stage::AiActReportWidespread).unwrap();
    assert_eq!(o.moved.map(|m| m.two_working_days), Some(None));
    let s =
        run(&Facts::new().aware_at(aware).ai_severity(AiSeverity::Widespread), Regime::AiAct, Elapsed, aware);
    assert_eq!(due(&s, Stage::AiActReportWidespread), "2026-06-20T10:00:00+02:00");
}
