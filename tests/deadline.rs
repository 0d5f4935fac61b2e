//! The deadline engine: GDPR Art. 33(1) across daylight-saving changes, both counting policies,
//! date-only awareness, every regime and stage, statuses at a given moment, the seed scenarios, and
//! property tests of the 72-hour rule.

use imy_breach::deadline::{
    gdpr_deadline, gdpr_lateness, period_end, schedule, schedule_notification, Awareness, CountingPolicy,
    Facts, Period, Regime, Schedule, ScheduleOptions, Stage, Status, SubjectInformation, Wording, DUTIES,
};
use imy_breach::stockholm::{to_local, LocalTimeError};
use imy_breach::{Lang, Notification};
use proptest::prelude::*;
use time::format_description::well_known::Rfc3339;
use time::macros::datetime;
use time::{Duration, OffsetDateTime};

fn rfc(t: OffsetDateTime) -> String {
    t.format(&Rfc3339).unwrap()
}

fn deadline_of(s: &Schedule, stage: Stage) -> String {
    rfc(s
        .get(stage)
        .unwrap_or_else(|| panic!("no {stage}"))
        .deadline
        .unwrap_or_else(|| panic!("{stage}: no deadline")))
}

/// A notification with the given `incident.discovered` and extra top-level members.
fn notification(discovered: &str, extra: &str) -> Notification {
    let json = format!(
        r#"{{"schemaVersion":"1.0"{}{extra},"incident":{{"discovered":{discovered}}}}}"#,
        if extra.is_empty() { "" } else { "," }
    );
    Notification::from_json(&json).unwrap_or_else(|e| panic!("{e}: {json}"))
}

fn gdpr(aware: OffsetDateTime, policy: CountingPolicy) -> String {
    rfc(gdpr_deadline(aware, policy).unwrap())
}

// ---------------------------------------------------------------------------------------------
// GDPR Art. 33(1) and daylight saving
// ---------------------------------------------------------------------------------------------

#[test]
fn before_the_spring_change_72_elapsed_hours_are_73_on_the_clock() {
    let aware = datetime!(2025-03-28 10:00 +01:00);
    let s =
        schedule(&Facts::new().aware_at(aware), &ScheduleOptions::new(), datetime!(2025-03-28 12:00 +01:00))
            .unwrap();
    let o = s.get(Stage::ImyNotification).unwrap();
    assert_eq!(rfc(o.deadline.unwrap()), "2025-03-31T11:00:00+02:00");
    assert_eq!(o.deadline.unwrap() - aware, Duration::hours(72));
    assert_eq!(o.wall_clock, Some(Duration::hours(73)));
    assert!(o.dst_change);
    assert!(o.explanation().en.contains("Summer time began on 2025-03-30"), "{}", o.explanation().en);
    assert!(
        o.explanation().en.contains("72 h of elapsed time and 73 h on the clock"),
        "{}",
        o.explanation().en
    );
    assert!(o.explanation().sv.contains("Sommartiden började 2025-03-30"), "{}", o.explanation().sv);
    assert!(o.explanation().sv.contains("72 h förfluten tid och 73 h på klockan"), "{}", o.explanation().sv);
}

#[test]
fn before_the_autumn_change_72_elapsed_hours_are_71_on_the_clock() {
    let aware = datetime!(2025-10-24 10:00 +02:00);
    let s =
        schedule(&Facts::new().aware_at(aware), &ScheduleOptions::new(), datetime!(2025-10-24 12:00 +02:00))
            .unwrap();
    let o = s.get(Stage::ImyNotification).unwrap();
    assert_eq!(rfc(o.deadline.unwrap()), "2025-10-27T09:00:00+01:00");
    assert_eq!(o.wall_clock, Some(Duration::hours(71)));
    assert!(o.dst_change);
    assert!(
        o.explanation().en.contains("Summer time ended on 2025-10-26 (03:00 → 02:00)"),
        "{}",
        o.explanation().en
    );
    assert!(o.explanation().en.contains("71 h on the clock"));
}

#[test]
fn no_dst_note_when_no_change_falls_in_the_period() {
    let s = schedule(
        &Facts::new().aware_at(datetime!(2025-06-10 10:00 +02:00)),
        &ScheduleOptions::new(),
        datetime!(2025-06-10 12:00 +02:00),
    )
    .unwrap();
    let o = s.get(Stage::ImyNotification).unwrap();
    assert_eq!(rfc(o.deadline.unwrap()), "2025-06-13T10:00:00+02:00");
    assert!(!o.dst_change);
    assert_eq!(o.wall_clock, Some(Duration::hours(72)));
    assert!(!o.explanation().en.contains("Summer time"));
}

#[test]
fn awareness_in_the_autumn_fold_is_the_earlier_instant_with_a_warning() {
    let n = notification(r#"{"date":"2025-10-26","time":"02:30"}"#, "");
    let s = schedule_notification(&n, &ScheduleOptions::new(), datetime!(2025-10-26 12:00 +01:00)).unwrap();
    let a = s.awareness.unwrap();
    assert!(a.ambiguous);
    assert_eq!(rfc(a.at), "2025-10-26T02:30:00+02:00");
    assert_eq!(deadline_of(&s, Stage::ImyNotification), "2025-10-29T01:30:00+01:00");
    assert_eq!(s.notes.len(), 1);
    assert_eq!(s.notes[0].code, "local-time-ambiguous");
    assert!(s.notes[0].message.en.contains("occurs twice"));
    let ex = &s.get(Stage::ImyNotification).unwrap().explanation().en;
    assert!(ex.contains("the earlier of two identical wall-clock times"), "{ex}");

    // The wire format's utcOffset chooses the second 02:30.
    let n = notification(r#"{"date":"2025-10-26","time":"02:30","utcOffset":"+01:00"}"#, "");
    let s = schedule_notification(&n, &ScheduleOptions::new(), datetime!(2025-10-26 12:00 +01:00)).unwrap();
    assert!(!s.awareness.unwrap().ambiguous);
    assert!(s.notes.is_empty());
    assert_eq!(deadline_of(&s, Stage::ImyNotification), "2025-10-29T02:30:00+01:00");
}

#[test]
fn awareness_in_the_spring_gap_is_an_error() {
    let n = notification(
        r#"{"date":"2025-03-30","time":"02:30"}"#,
        r#""submittedAt":"2025-04-01T10:00:00+02:00""#,
    );
    let err =
        schedule_notification(&n, &ScheduleOptions::new(), datetime!(2025-03-31 12:00 +02:00)).unwrap_err();
    assert!(matches!(err, LocalTimeError::Gap { .. }));
    let err = gdpr_lateness(&n, datetime!(2025-04-01 10:00 +02:00), CountingPolicy::Elapsed).unwrap_err();
    assert_eq!(err.code(), "local-time-gap");
    assert!(Facts::from_notification(&n).is_err());
}

#[test]
fn year_boundary_and_leap_day() {
    let e = CountingPolicy::Elapsed;
    assert_eq!(gdpr(datetime!(2025-12-30 15:00 +01:00), e), "2026-01-02T15:00:00+01:00");
    assert_eq!(gdpr(datetime!(2024-12-31 23:59:30 +01:00), e), "2025-01-03T23:59:30+01:00");
    // 2024 is a leap year, 2023 is not.
    assert_eq!(gdpr(datetime!(2024-02-27 12:00 +01:00), e), "2024-03-01T12:00:00+01:00");
    assert_eq!(gdpr(datetime!(2024-02-28 12:00 +01:00), e), "2024-03-02T12:00:00+01:00");
    assert_eq!(gdpr(datetime!(2023-02-28 12:00 +01:00), e), "2023-03-03T12:00:00+01:00");
    assert_eq!(gdpr(datetime!(2024-02-29 08:15 +01:00), e), "2024-03-03T08:15:00+01:00");
    // 2100 is not a leap year.
    assert_eq!(gdpr(datetime!(2100-02-27 12:00 +01:00), e), "2100-03-02T12:00:00+01:00");
    // Under reg1182 the last minute of a year starts counting at midnight.
    assert_eq!(
        gdpr(datetime!(2024-12-31 23:59:30 +01:00), CountingPolicy::Reg1182),
        "2025-01-04T00:00:00+01:00"
    );
    // Any input offset: the deadline comes back in Swedish time.
    assert_eq!(gdpr(datetime!(2025-12-30 14:00 UTC), e), "2026-01-02T15:00:00+01:00");
}

#[test]
fn a_deadline_beyond_2100_is_an_error() {
    let err = gdpr_deadline(datetime!(2100-12-30 12:00 +01:00), CountingPolicy::Elapsed).unwrap_err();
    assert_eq!(err.code(), "local-time-out-of-range");
    let err = gdpr_deadline(datetime!(1949-06-01 12:00 +02:00), CountingPolicy::Elapsed).unwrap_err();
    assert_eq!(err.code(), "local-time-out-of-range");
    let err = schedule(&Facts::new(), &ScheduleOptions::new(), datetime!(2101-06-01 12:00 UTC)).unwrap_err();
    assert_eq!(err.code(), "local-time-out-of-range");
}

// ---------------------------------------------------------------------------------------------
// Counting policies
// ---------------------------------------------------------------------------------------------

#[test]
fn reg1182_starts_at_the_next_full_hour() {
    let r = CountingPolicy::Reg1182;
    // The hour during which the event occurs is not counted: 10:00 and 10:59 both start at 11:00.
    assert_eq!(gdpr(datetime!(2025-06-10 10:00 +02:00), r), "2025-06-13T11:00:00+02:00");
    assert_eq!(gdpr(datetime!(2025-06-10 10:59:59 +02:00), r), "2025-06-13T11:00:00+02:00");
    assert_eq!(
        gdpr(datetime!(2025-06-10 10:00 +02:00), CountingPolicy::Elapsed),
        "2025-06-13T10:00:00+02:00"
    );
    // Across the spring change.
    assert_eq!(gdpr(datetime!(2025-03-28 10:20 +01:00), r), "2025-03-31T12:00:00+02:00");
    let e = period_end(datetime!(2025-03-28 10:20 +01:00), Period::Hours(72), r).unwrap().unwrap();
    assert_eq!(rfc(e.counting_from), "2025-03-28T11:00:00+01:00");

    let s = schedule(
        &Facts::new().aware_at(datetime!(2025-06-10 10:20 +02:00)),
        &ScheduleOptions::new().policy(r),
        datetime!(2025-06-10 12:00 +02:00),
    )
    .unwrap();
    let o = s.get(Stage::ImyNotification).unwrap();
    assert_eq!(o.policy, CountingPolicy::Reg1182);
    assert_eq!(rfc(o.counting_from.unwrap()), "2025-06-10T11:00:00+02:00");
    assert_eq!(rfc(o.deadline.unwrap()), "2025-06-13T11:00:00+02:00");
    assert!(
        o.explanation().en.contains("counted from the next full hour, 2025-06-10 11:00 +02:00"),
        "{}",
        o.explanation().en
    );
    assert!(o.explanation().sv.contains("förordning 1182/71 art. 3.1"), "{}", o.explanation().sv);
}

#[test]
fn reg1182_day_periods_end_at_the_end_of_the_last_day() {
    let r = CountingPolicy::Reg1182;
    let e = period_end(datetime!(2025-03-10 15:20 +01:00), Period::Days(3), r).unwrap().unwrap();
    assert_eq!(rfc(e.counting_from), "2025-03-11T00:00:00+01:00");
    assert_eq!(rfc(e.deadline), "2025-03-14T00:00:00+01:00");
    let e = period_end(datetime!(2025-01-31 15:20 +01:00), Period::Months(1), r).unwrap().unwrap();
    assert_eq!(rfc(e.deadline), "2025-03-01T00:00:00+01:00");
    let e = period_end(datetime!(2025-03-10 15:20 +01:00), Period::Weeks(4), r).unwrap().unwrap();
    assert_eq!(rfc(e.deadline), "2025-04-08T00:00:00+02:00");
}

#[test]
fn elapsed_calendar_periods_keep_the_wall_clock_time() {
    let e = CountingPolicy::Elapsed;
    let end = |t, p| rfc(period_end(t, p, e).unwrap().unwrap().deadline);
    assert_eq!(end(datetime!(2025-03-10 15:20 +01:00), Period::Weeks(4)), "2025-04-07T15:20:00+02:00");
    assert_eq!(end(datetime!(2025-03-28 15:20 +01:00), Period::Days(3)), "2025-03-31T15:20:00+02:00");
    assert_eq!(end(datetime!(2025-01-31 09:00 +01:00), Period::Months(1)), "2025-02-28T09:00:00+01:00");
    assert_eq!(end(datetime!(2024-01-31 09:00 +01:00), Period::Months(1)), "2024-02-29T09:00:00+01:00");
    assert_eq!(end(datetime!(2025-12-15 09:00 +01:00), Period::Months(1)), "2026-01-15T09:00:00+01:00");
    // A wall-clock time skipped on the last day moves forward by the hour skipped.
    assert_eq!(end(datetime!(2025-03-27 02:30 +01:00), Period::Days(3)), "2025-03-30T03:30:00+02:00");
    // One that occurs twice on the last day is the earlier.
    assert_eq!(end(datetime!(2025-10-23 02:30 +02:00), Period::Days(3)), "2025-10-26T02:30:00+02:00");
    assert_eq!(period_end(datetime!(2025-10-23 02:30 +02:00), Period::WithoutUndueDelay, e).unwrap(), None);
}

// ---------------------------------------------------------------------------------------------
// Date-only awareness and lateness
// ---------------------------------------------------------------------------------------------

#[test]
fn date_only_awareness_counts_from_the_start_of_the_day_and_says_so() {
    let n = notification(r#"{"date":"2025-06-10"}"#, "");
    let l = gdpr_lateness(&n, datetime!(2025-06-13 00:00 +02:00), CountingPolicy::Elapsed).unwrap().unwrap();
    assert!(l.date_only);
    assert_eq!(rfc(l.deadline), "2025-06-13T00:00:00+02:00");
    assert_eq!(l.late_by, None);
    let l = gdpr_lateness(&n, datetime!(2025-06-13 09:30 +02:00), CountingPolicy::Elapsed).unwrap().unwrap();
    assert_eq!(l.late_by, Some(Duration::minutes(570)));

    let s = schedule_notification(&n, &ScheduleOptions::new(), datetime!(2025-06-11 12:00 +02:00)).unwrap();
    assert!(s.awareness.unwrap().date_only);
    let o = s.get(Stage::ImyNotification).unwrap();
    assert!(o.date_only);
    assert!(
        o.explanation().en.contains("from the start of the discovery day, 2025-06-10 00:00"),
        "{}",
        o.explanation().en
    );
    assert!(o.explanation().en.contains("the earliest possible awareness"));
    assert!(o.explanation().sv.contains("tidigast möjliga vetskap"));

    let bare = Facts::new().awareness(Awareness::on("2025-06-10".parse().unwrap()).unwrap());
    let s2 = schedule(&bare, &ScheduleOptions::new(), datetime!(2025-06-11 12:00 +02:00)).unwrap();
    assert_eq!(s2.obligations, s.obligations);
}

#[test]
fn lateness_uses_submitted_at_and_the_exact_deadline() {
    let n = notification(r#"{"date":"2025-03-28","time":"10:00"}"#, "");
    let at = |t| gdpr_lateness(&n, t, CountingPolicy::Elapsed).unwrap().unwrap();
    assert_eq!(at(datetime!(2025-03-31 11:00 +02:00)).late_by, None);
    assert_eq!(at(datetime!(2025-03-31 11:00:01 +02:00)).late_by, Some(Duration::SECOND));
    assert_eq!(at(datetime!(2025-03-31 09:00:01 UTC)).late_by, Some(Duration::SECOND));
    assert!(!at(datetime!(2025-03-29 09:00 +01:00)).date_only);
    assert_eq!(rfc(at(datetime!(2025-03-29 09:00 +01:00)).deadline), "2025-03-31T11:00:00+02:00");
    // reg1182 gives an hour more here.
    let l = gdpr_lateness(&n, datetime!(2025-03-31 11:30 +02:00), CountingPolicy::Reg1182).unwrap().unwrap();
    assert_eq!((rfc(l.deadline), l.late_by), ("2025-03-31T12:00:00+02:00".to_string(), None));
    // No discovery date: nothing to say.
    let empty = Notification::from_json(r#"{"schemaVersion":"1.0"}"#).unwrap();
    assert_eq!(
        gdpr_lateness(&empty, datetime!(2025-03-31 11:30 +02:00), CountingPolicy::Elapsed).unwrap(),
        None
    );
}

// ---------------------------------------------------------------------------------------------
// Statuses at a given moment
// ---------------------------------------------------------------------------------------------

#[test]
fn status_depends_only_on_the_given_moment() {
    let facts = Facts::new().aware_at(datetime!(2025-06-10 10:00 +02:00));
    let at = |now| {
        schedule(&facts, &ScheduleOptions::new(), now).unwrap().get(Stage::ImyNotification).unwrap().clone()
    };
    let o = at(datetime!(2025-06-12 10:00 +02:00));
    assert_eq!((o.status, o.time_left(), o.overdue_by()), (Status::Open, Some(Duration::hours(24)), None));
    let o = at(datetime!(2025-06-13 10:00 +02:00));
    assert_eq!((o.status, o.time_left()), (Status::Open, Some(Duration::ZERO)));
    let o = at(datetime!(2025-06-13 12:30 +02:00));
    assert_eq!(
        (o.status, o.time_left(), o.overdue_by()),
        (Status::Overdue, None, Some(Duration::minutes(150)))
    );
    assert_eq!(o.remaining, Some(Duration::minutes(-150)));
}

#[test]
fn filed_notifications_are_met_or_met_late_and_future_filings_are_not_done_yet() {
    let aware = datetime!(2025-06-10 10:00 +02:00);
    let now = datetime!(2025-06-20 12:00 +02:00);
    let on_time = schedule(
        &Facts::new().aware_at(aware).filed_at(datetime!(2025-06-13 10:00 +02:00)),
        &ScheduleOptions::new(),
        now,
    )
    .unwrap();
    let o = on_time.get(Stage::ImyNotification).unwrap();
    assert_eq!((o.status, o.late_by, o.remaining), (Status::Met, None, None));
    assert_eq!(rfc(o.completed_at.unwrap()), "2025-06-13T10:00:00+02:00");

    let late = schedule(
        &Facts::new().aware_at(aware).filed_at(datetime!(2025-06-16 08:00 UTC)),
        &ScheduleOptions::new(),
        now,
    )
    .unwrap();
    let o = late.get(Stage::ImyNotification).unwrap();
    assert_eq!((o.status, o.late_by), (Status::MetLate, Some(Duration::hours(72))));
    assert!(
        o.explanation().en.contains("Done at 2025-06-16 10:00 +02:00, 3 d 0 h 0 min late"),
        "{}",
        o.explanation().en
    );

    // Judged before the filing: not filed yet at that moment.
    let before = schedule(
        &Facts::new().aware_at(aware).filed_at(datetime!(2025-06-16 08:00 UTC)),
        &ScheduleOptions::new(),
        datetime!(2025-06-11 12:00 +02:00),
    )
    .unwrap();
    let o = before.get(Stage::ImyNotification).unwrap();
    assert_eq!((o.status, o.completed_at), (Status::Open, None));
    assert_eq!(before.notes[0].code, "completion-after-now");
}

#[test]
fn unknown_awareness_gives_unknown_statuses() {
    let n = Notification::from_json(r#"{"schemaVersion":"1.0"}"#).unwrap();
    let s = schedule_notification(
        &n,
        &ScheduleOptions::new().regime(Regime::Nis2),
        datetime!(2025-06-11 12:00 +02:00),
    )
    .unwrap();
    assert!(s.awareness.is_none());
    for stage in [Stage::ImyNotification, Stage::Nis2EarlyWarning, Stage::Nis2FinalReport] {
        let o = s.get(stage).unwrap();
        assert_eq!((o.status, o.deadline), (Status::Unknown, None), "{stage}");
    }
    assert!(s
        .get(Stage::ImyNotification)
        .unwrap()
        .explanation()
        .en
        .contains("the discovery date (question 11) is missing"));
}

// ---------------------------------------------------------------------------------------------
// Regimes and stages
// ---------------------------------------------------------------------------------------------

#[test]
fn gdpr_only_by_default_and_regimes_are_opt_in() {
    let facts = Facts::new().aware_at(datetime!(2025-06-10 10:00 +02:00));
    let stages = |o: &ScheduleOptions| -> Vec<Stage> {
        schedule(&facts, o, datetime!(2025-06-10 12:00 +02:00))
            .unwrap()
            .obligations
            .iter()
            .map(|o| o.stage)
            .collect()
    };
    assert_eq!(stages(&ScheduleOptions::new()), [Stage::ImyNotification, Stage::DataSubjects]);
    assert_eq!(
        stages(&ScheduleOptions::new().regime(Regime::Nis2)),
        [
            Stage::ImyNotification,
            Stage::DataSubjects,
            Stage::Nis2EarlyWarning,
            Stage::Nis2IncidentNotification,
            Stage::Nis2FinalReport
        ]
    );
    assert_eq!(
        stages(&ScheduleOptions::new().regime(Regime::Eprivacy)),
        [Stage::ImyNotification, Stage::DataSubjects, Stage::EprivacyInitial, Stage::EprivacyComplete]
    );
    // GDPR 4, NIS2 5, ePrivacy 2, DORA 4, eIDAS 1, CER 2, CRA 3, AI Act 3.
    assert_eq!(DUTIES.len(), 24);
    for r in Regime::ALL {
        assert!(DUTIES.iter().any(|d| d.regime == *r), "{r}");
    }
    assert!(DUTIES.iter().all(|r| !r.reference.sv.is_empty() && !r.reference.en.is_empty()));
}

#[test]
fn nis2_early_warning_incident_notification_and_final_report() {
    let facts = Facts::new().aware_at(datetime!(2025-01-30 10:00 +01:00));
    let opts = ScheduleOptions::new().regime(Regime::Nis2);
    let s = schedule(&facts, &opts, datetime!(2025-01-30 12:00 +01:00)).unwrap();
    assert_eq!(deadline_of(&s, Stage::Nis2EarlyWarning), "2025-01-31T10:00:00+01:00");
    assert_eq!(deadline_of(&s, Stage::Nis2IncidentNotification), "2025-02-02T10:00:00+01:00");
    // Not submitted yet: one month from its deadline, provisionally.
    let fr = s.get(Stage::Nis2FinalReport).unwrap();
    assert_eq!(rfc(fr.deadline.unwrap()), "2025-03-02T10:00:00+01:00");
    assert!(fr.provisional);
    assert_eq!(fr.status, Status::Open);
    assert!(fr.explanation().en.contains("provisionally"), "{}", fr.explanation().en);
    assert_eq!(fr.reference.en, "NIS2 (EU) 2022/2555 Art. 23(4)(d)");

    // Submitted on 31 January: one month from then, clamped to the end of February.
    let done = facts.clone().completed(Stage::Nis2IncidentNotification, datetime!(2025-01-31 16:45 +01:00));
    let s = schedule(&done, &opts, datetime!(2025-02-01 12:00 +01:00)).unwrap();
    let fr = s.get(Stage::Nis2FinalReport).unwrap();
    assert_eq!(rfc(fr.deadline.unwrap()), "2025-02-28T16:45:00+01:00");
    assert!(!fr.provisional);
    assert_eq!(s.get(Stage::Nis2IncidentNotification).unwrap().status, Status::Met);
    assert_eq!(s.get(Stage::Nis2EarlyWarning).unwrap().status, Status::Overdue);
}

#[test]
fn eprivacy_initial_within_24_hours_complete_within_3_days() {
    let facts = Facts::new()
        .aware_at(datetime!(2025-03-27 09:00 +01:00))
        .completed(Stage::EprivacyInitial, datetime!(2025-03-28 08:00 +01:00));
    let s = schedule(
        &facts,
        &ScheduleOptions::new().regime(Regime::Eprivacy),
        datetime!(2025-03-29 12:00 +01:00),
    )
    .unwrap();
    let initial = s.get(Stage::EprivacyInitial).unwrap();
    assert_eq!(rfc(initial.deadline.unwrap()), "2025-03-28T09:00:00+01:00");
    assert_eq!(initial.status, Status::Met);
    let complete = s.get(Stage::EprivacyComplete).unwrap();
    // Three calendar days from the initial notification, across the spring change: same wall time.
    assert_eq!(rfc(complete.deadline.unwrap()), "2025-03-31T08:00:00+02:00");
    assert_eq!(complete.wall_clock, Some(Duration::hours(72)));
    assert!(complete.dst_change);
    assert_eq!(complete.deadline.unwrap() - complete.counting_from.unwrap(), Duration::hours(71));
    assert_eq!(complete.status, Status::Open);
    assert_eq!(complete.reference.en, "Regulation (EU) 611/2013 Art. 2(3)");
}

#[test]
fn imy_supplement_window_is_four_weeks_after_filing_when_question_36_is_yes() {
    let base = Facts::new().aware_at(datetime!(2025-09-29 10:00 +02:00));
    let now = datetime!(2025-10-10 12:00 +02:00);
    let s = schedule(&base.clone().intends_to_supplement(false), &ScheduleOptions::new(), now).unwrap();
    assert!(s.get(Stage::ImySupplement).is_none());

    let filed = base.clone().intends_to_supplement(true).filed_at(datetime!(2025-10-01 15:00 +02:00));
    let s = schedule(&filed, &ScheduleOptions::new(), now).unwrap();
    let o = s.get(Stage::ImySupplement).unwrap();
    // 28 days, same wall-clock time, across the autumn change.
    assert_eq!(rfc(o.deadline.unwrap()), "2025-10-29T15:00:00+01:00");
    assert!(!o.provisional && o.dst_change);
    assert_eq!(o.status, Status::Open);
    assert!(o
        .explanation()
        .en
        .contains("from the submission of the notification to IMY at 2025-10-01 15:00 +02:00"));

    let not_filed = base.intends_to_supplement(true);
    let s = schedule(&not_filed, &ScheduleOptions::new(), now).unwrap();
    let o = s.get(Stage::ImySupplement).unwrap();
    assert!(o.provisional);
    assert_eq!(rfc(o.started_at.unwrap()), "2025-10-02T10:00:00+02:00");
    assert_eq!(rfc(o.deadline.unwrap()), "2025-10-30T10:00:00+01:00");
}

#[test]
fn processor_to_controller() {
    let aware = datetime!(2025-06-10 10:00 +02:00);
    let now = datetime!(2025-06-10 12:00 +02:00);
    // Without processors: no row.
    assert!(schedule(&Facts::new().aware_at(aware), &ScheduleOptions::new(), now)
        .unwrap()
        .get(Stage::ProcessorToController)
        .is_none());
    // Processors involved, no window: without undue delay.
    let s = schedule(&Facts::new().aware_at(aware).processors_involved(true), &ScheduleOptions::new(), now)
        .unwrap();
    let o = s.get(Stage::ProcessorToController).unwrap();
    assert_eq!((o.status, o.deadline, o.period), (Status::Pending, None, Period::WithoutUndueDelay));
    assert!(
        o.explanation().en.contains("the processor's own awareness is not given"),
        "{}",
        o.explanation().en
    );
    // A contractual window from the processor's own awareness.
    let facts = Facts::new().aware_at(aware).processor_aware_at(datetime!(2025-06-09 08:30 +02:00));
    let s = schedule(&facts, &ScheduleOptions::new().processor_window_hours(24), now).unwrap();
    let o = s.get(Stage::ProcessorToController).unwrap();
    assert_eq!(o.period, Period::Hours(24));
    assert_eq!(rfc(o.deadline.unwrap()), "2025-06-10T08:30:00+02:00");
    assert_eq!((o.status, o.overdue_by()), (Status::Overdue, Some(Duration::minutes(210))));
    assert!(o
        .explanation()
        .en
        .contains("(contractual window) from the processor's awareness at 2025-06-09 08:30"));
    // The processor informed the controller (question 17): done at the controller's awareness.
    let n = Notification::from_json(
        r#"{"schemaVersion":"1.0","incident":{"discovered":{"date":"2025-06-10","time":"10:00"},
            "discoveryMethod":"processor_informed"}}"#,
    )
    .unwrap();
    let s = schedule_notification(&n, &ScheduleOptions::new(), now).unwrap();
    let o = s.get(Stage::ProcessorToController).unwrap();
    assert_eq!(o.status, Status::Done);
    assert!(o.explanation().en.contains("a processor informed us, question 17"), "{}", o.explanation().en);
}

#[test]
fn data_subjects_status_from_questions_31_to_35() {
    let now = datetime!(2025-06-12 12:00 +02:00);
    let status = |info: &str| {
        let n = notification(
            r#"{"date":"2025-06-10","time":"10:00"}"#,
            &format!(r#""dataSubjectInformation":{info}"#),
        );
        schedule_notification(&n, &ScheduleOptions::new(), now)
            .unwrap()
            .get(Stage::DataSubjects)
            .unwrap()
            .clone()
    };
    let o = status(r#"{"informed":"yes","informedOn":"2025-06-11"}"#);
    assert_eq!(o.status, Status::Done);
    assert_eq!(rfc(o.completed_at.unwrap()), "2025-06-11T00:00:00+02:00");
    assert!(o.explanation().en.contains("informed on 2025-06-11 (question 32)"));
    let o = status(r#"{"informed":"no","willInform":"yes","plannedOn":"2025-06-20"}"#);
    assert_eq!(o.status, Status::Planned);
    assert!(o.explanation().sv.contains("Planerat till 2025-06-20 (fråga 34)"));
    let o = status(r#"{"informed":"no","willInform":"yes","plannedOn":"2025-06-11"}"#);
    assert_eq!(o.status, Status::PlannedDatePassed);
    let o = status(
        r#"{"informed":"no","willInform":"no","reasonNotInforming":"Låg risk: krypterade uppgifter."}"#,
    );
    assert_eq!(o.status, Status::NotInforming);
    assert!(o
        .explanation()
        .en
        .contains("the reasons (the exemptions of Art. 34(3) or a low risk) are in question 35"));
    let o = status(r#"{"informed":"no","willInform":"no"}"#);
    assert_eq!(o.status, Status::NotInforming);
    assert!(o.explanation().en.contains("but the reasons are missing (question 35)"));
    let o = status(r#"{"informed":"no"}"#);
    assert_eq!((o.status, o.deadline), (Status::Pending, None));
    assert_eq!(o.reference.en, "GDPR Art. 34");
    assert_eq!(SubjectInformation::from_answers(&Default::default()), SubjectInformation::Unknown);
}

// ---------------------------------------------------------------------------------------------
// Seed scenarios
// ---------------------------------------------------------------------------------------------

/// Seed 000, the filled-in form: discovered Thursday 2021-03-25 12:27; the 72 hours cross the spring
/// change of Sunday 2021-03-28; the data subjects were informed the same day; a supplement intended.
#[test]
fn seed_000_skarholmen() {
    let n = notification(
        r#"{"date":"2021-03-25","time":"12:27"}"#,
        r#""submittedAt":"2021-03-26T10:15:00+01:00","dataSubjectInformation":{"informed":"yes","informedOn":"2021-03-25"},
           "supplementAndConfidentiality":{"intendsToSupplement":"yes"}"#,
    );
    let s = schedule_notification(&n, &ScheduleOptions::new(), datetime!(2021-03-29 09:00 +02:00)).unwrap();
    let imy = s.get(Stage::ImyNotification).unwrap();
    assert_eq!(rfc(imy.deadline.unwrap()), "2021-03-28T13:27:00+02:00");
    assert_eq!(imy.status, Status::Met);
    assert!(imy.dst_change);
    assert_eq!(s.get(Stage::DataSubjects).unwrap().status, Status::Done);
    assert_eq!(deadline_of(&s, Stage::ImySupplement), "2021-04-23T10:15:00+02:00");
    let l = gdpr_lateness(&n, datetime!(2021-03-26 10:15 +01:00), CountingPolicy::Elapsed).unwrap().unwrap();
    assert_eq!(l.late_by, None);
}

/// Seed 001: the municipality noticed the breach on 22 September 2022 and reported it to IMY on a
/// Friday two weeks later (7 October 2022): overdue, from the start of the day since no time is known.
#[test]
fn seed_001_protected_identities_reported_on_a_later_friday_is_late() {
    let n = notification(r#"{"date":"2022-09-22"}"#, r#""submittedAt":"2022-10-07T16:30:00+02:00""#);
    let l = gdpr_lateness(&n, datetime!(2022-10-07 16:30 +02:00), CountingPolicy::Elapsed).unwrap().unwrap();
    assert_eq!(rfc(l.deadline), "2022-09-25T00:00:00+02:00");
    assert!(l.date_only);
    assert_eq!(l.late_by, Some(Duration::days(12) + Duration::minutes(16 * 60 + 30)));
    let s = schedule_notification(&n, &ScheduleOptions::new(), datetime!(2022-10-11 12:00 +02:00)).unwrap();
    let o = s.get(Stage::ImyNotification).unwrap();
    assert_eq!(o.status, Status::MetLate);
    assert!(o.date_only);
    // Judged on the Thursday before the filing, it was overdue.
    let s = schedule_notification(&n, &ScheduleOptions::new(), datetime!(2022-10-06 12:00 +02:00)).unwrap();
    assert_eq!(s.get(Stage::ImyNotification).unwrap().status, Status::Overdue);
}

/// Seed 002: the municipality reported on Friday 6 May 2022; when it became aware is not given.
#[test]
fn seed_002_awareness_unknown() {
    let n = Notification::from_json(r#"{"schemaVersion":"1.0","submittedAt":"2022-05-06T11:00:00+02:00"}"#)
        .unwrap();
    assert_eq!(gdpr_lateness(&n, datetime!(2022-05-06 11:00 +02:00), CountingPolicy::Elapsed).unwrap(), None);
    let s = schedule_notification(&n, &ScheduleOptions::new(), datetime!(2022-05-06 12:00 +02:00)).unwrap();
    let o = s.get(Stage::ImyNotification).unwrap();
    assert_eq!(o.status, Status::Unknown);
    assert_eq!(rfc(o.completed_at.unwrap()), "2022-05-06T11:00:00+02:00");
}

/// Seed 004: ransomware; the municipality became aware on 13 May 2024. As a NIS2 entity its early
/// warning was due within 24 hours.
#[test]
fn seed_004_ransomware_with_nis2() {
    let n = notification(
        r#"{"date":"2024-05-13","time":"06:40"}"#,
        r#""submittedAt":"2024-05-15T16:00:00+02:00""#,
    );
    let s = schedule_notification(
        &n,
        &ScheduleOptions::new().regime(Regime::Nis2),
        datetime!(2024-05-14 12:00 +02:00),
    )
    .unwrap();
    assert_eq!(deadline_of(&s, Stage::ImyNotification), "2024-05-16T06:40:00+02:00");
    assert_eq!(s.get(Stage::ImyNotification).unwrap().status, Status::Open);
    assert_eq!(deadline_of(&s, Stage::Nis2EarlyWarning), "2024-05-14T06:40:00+02:00");
    assert_eq!(s.get(Stage::Nis2EarlyWarning).unwrap().status, Status::Overdue);
    let later =
        schedule_notification(&n, &ScheduleOptions::new(), datetime!(2024-05-20 12:00 +02:00)).unwrap();
    assert_eq!(later.get(Stage::ImyNotification).unwrap().status, Status::Met);
}

// ---------------------------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------------------------

#[test]
fn obligation_json_has_the_documented_fields() {
    let facts = Facts::new().aware_at(datetime!(2025-03-29 10:00 +01:00));
    let s = schedule(&facts, &ScheduleOptions::new(), datetime!(2025-04-01 12:00 +02:00)).unwrap();
    let v = serde_json::to_value(&s).unwrap();
    assert_eq!(v["now"], "2025-04-01T12:00:00+02:00");
    assert_eq!(v["policy"], "elapsed");
    assert_eq!(v["awareness"]["atUtc"], "2025-03-29T09:00:00Z");
    let o = &v["obligations"][0];
    assert_eq!(o["regime"], "gdpr");
    assert_eq!(o["stage"], "imy_notification");
    assert_eq!(o["title"]["sv"], "Anmälan till IMY");
    assert_eq!(o["reference"]["en"], "GDPR Art. 33(1)");
    assert_eq!(o["trigger"]["event"], "awareness");
    assert_eq!(o["period"], "PT72H");
    assert_eq!(o["deadline"], "2025-04-01T11:00:00+02:00");
    assert_eq!(o["deadlineUtc"], "2025-04-01T09:00:00Z");
    assert_eq!(o["status"], "overdue");
    assert_eq!(o["remainingSeconds"], -3600);
    assert_eq!(o["overdueBy"], "PT1H");
    assert_eq!(o["timeLeft"], serde_json::Value::Null);
    assert_eq!(o["wallClock"], "PT73H");
    assert_eq!(o["dstChange"], true);
    assert!(o["explanation"]["sv"]
        .as_str()
        .unwrap()
        .starts_with("Anmälan till IMY (GDPR art. 33.1): 72 timmar"));
    assert!(o["explanation"]["en"]
        .as_str()
        .unwrap()
        .starts_with("Notification to IMY (GDPR Art. 33(1)): 72 hours"));
    assert_eq!(s.get(Stage::ImyNotification).unwrap().explanation().get(Lang::En), o["explanation"]["en"]);
}

#[test]
fn time_left_text_has_the_words_of_the_table_column_and_of_the_sentence() {
    let aware = datetime!(2025-03-28 10:00 +01:00);
    let text = |facts: &Facts, now, lang, wording| {
        let s = schedule(facts, &ScheduleOptions::new(), now).unwrap();
        s.get(Stage::ImyNotification).unwrap().time_left_text(lang, wording).map(|t| t.to_string())
    };
    let open = Facts::new().aware_at(aware);
    let open_at = datetime!(2025-03-30 12:00 +02:00);
    let overdue_at = datetime!(2025-03-31 13:00 +02:00);
    let late = Facts::new().aware_at(aware).filed_at(datetime!(2025-03-31 12:30 +02:00));
    let cases = [
        (&open, open_at, Lang::Sv, Wording::Column, "23 h 0 min kvar"),
        (&open, open_at, Lang::En, Wording::Column, "23 h 0 min left"),
        (&open, open_at, Lang::Sv, Wording::Sentence, "23 h 0 min kvar"),
        (&open, open_at, Lang::En, Wording::Sentence, "23 h 0 min left"),
        (&open, overdue_at, Lang::Sv, Wording::Column, "2 h 0 min försenad"),
        (&open, overdue_at, Lang::En, Wording::Column, "2 h 0 min overdue"),
        (&open, overdue_at, Lang::Sv, Wording::Sentence, "2 h 0 min efter fristen"),
        (&open, overdue_at, Lang::En, Wording::Sentence, "2 h 0 min past the deadline"),
        (&late, overdue_at, Lang::Sv, Wording::Column, "1 h 30 min för sent"),
        (&late, overdue_at, Lang::En, Wording::Column, "1 h 30 min late"),
        (&late, overdue_at, Lang::Sv, Wording::Sentence, "1 h 30 min efter fristen"),
        (&late, overdue_at, Lang::En, Wording::Sentence, "1 h 30 min after the deadline"),
    ];
    for (facts, now, lang, wording, want) in cases {
        assert_eq!(text(facts, now, lang, wording).as_deref(), Some(want), "{lang:?} {wording:?}");
    }
    // Met in time: nothing left, nothing late.
    let met = Facts::new().aware_at(aware).filed_at(datetime!(2025-03-30 12:00 +02:00));
    assert_eq!(text(&met, overdue_at, Lang::Sv, Wording::Column), None);
    assert_eq!(text(&met, overdue_at, Lang::En, Wording::Sentence), None);
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

fn awareness_instant() -> impl Strategy<Value = OffsetDateTime> {
    let lo = datetime!(1995-12-31 23:00 UTC).unix_timestamp();
    let hi = datetime!(2100-12-27 00:00 UTC).unix_timestamp();
    (lo..=hi).prop_map(|s| OffsetDateTime::from_unix_timestamp(s).unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2048))]

    #[test]
    fn elapsed_deadline_is_exactly_72_hours_after_awareness(aware in awareness_instant()) {
        let d = gdpr_deadline(aware, CountingPolicy::Elapsed).unwrap();
        prop_assert_eq!(d - aware, Duration::hours(72));
        prop_assert_eq!(d.offset(), to_local(d).unwrap().offset());
    }

    #[test]
    fn reg1182_is_never_earlier_and_at_most_an_hour_later(aware in awareness_instant()) {
        let e = gdpr_deadline(aware, CountingPolicy::Elapsed).unwrap();
        let r = gdpr_deadline(aware, CountingPolicy::Reg1182).unwrap();
        prop_assert!(r >= e, "never earlier");
        prop_assert!(r - e <= Duration::HOUR, "at most an hour later");
        prop_assert!(r > e, "the hour of the event is never counted");
        prop_assert_eq!((r.minute(), r.second()), (0, 0));
    }

    #[test]
    fn lateness_flips_exactly_at_the_deadline(aware in awareness_instant(), extra in 1i64..1_000_000) {
        let local = to_local(aware).unwrap();
        let json = format!(
            r#"{{"schemaVersion":"1.0","incident":{{"discovered":{{"date":"{}","time":"{:02}:{:02}","utcOffset":"{}"}}}}}}"#,
            local.date(), local.hour(), local.minute(),
            if local.offset().whole_hours() == 2 { "+02:00" } else { "+01:00" },
        );
        let n = Notification::from_json(&json).unwrap();
        let deadline = gdpr_lateness(&n, aware, CountingPolicy::Elapsed).unwrap().unwrap().deadline;
        let on_time = gdpr_lateness(&n, deadline, CountingPolicy::Elapsed).unwrap().unwrap();
        prop_assert_eq!(on_time.late_by, None);
        let late = gdpr_lateness(&n, deadline + Duration::seconds(extra), CountingPolicy::Elapsed).unwrap().unwrap();
        prop_assert_eq!(late.late_by, Some(Duration::seconds(extra)));
    }
}
