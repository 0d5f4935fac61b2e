//! Each period by its own law (issue 13): the legal policy is never earlier than elapsed time,
//! hours are never moved, and the edges (month ends, holidays, daylight-saving nights).

use imy_breach::deadline::{
    period_end_by, schedule, CountingLaw, CountingPolicy, Facts, Period, Regime, ScheduleOptions,
};
use time::format_description::well_known::Rfc3339;
use time::macros::datetime;
use time::Duration;

fn legal(at: time::OffsetDateTime, period: Period, law: CountingLaw) -> String {
    period_end_by(at, period, CountingPolicy::Legal, law).unwrap().unwrap().deadline.format(&Rfc3339).unwrap()
}

#[test]
fn thirty_first_of_january_plus_one_month() {
    // 2026-02-28 is a Saturday: both laws move the last day to Monday 2 March.
    for law in [CountingLaw::Reg1182, CountingLaw::Sfs1930] {
        assert_eq!(
            legal(datetime!(2026-01-31 10:00 +01:00), Period::Months(1), law),
            "2026-03-03T00:00:00+01:00"
        );
    }
    // 2028 is a leap year and 29 February a Tuesday: not moved.
    let e = period_end_by(
        datetime!(2028-01-31 10:00 +01:00),
        Period::Months(1),
        CountingPolicy::Legal,
        CountingLaw::Sfs1930,
    )
    .unwrap()
    .unwrap();
    assert_eq!(e.deadline.format(&Rfc3339).unwrap(), "2028-03-01T00:00:00+01:00");
    assert_eq!(e.moved, None);
    // IMY's 4 weeks are practice, not law: never moved (2026-06-19 + 4 weeks lands on Friday 17 July,
    // 2026-05-22 + 4 weeks on Midsommarafton).
    let p = period_end_by(
        datetime!(2026-05-22 10:00 +02:00),
        Period::Weeks(4),
        CountingPolicy::Legal,
        CountingLaw::Practice,
    )
    .unwrap()
    .unwrap();
    assert_eq!((p.deadline.format(&Rfc3339).unwrap().as_str(), p.moved), ("2026-06-20T00:00:00+02:00", None));
}

#[test]
fn reg1182_moves_off_public_holidays_but_not_off_the_eves() {
    // Midsommarafton is a working day under Art. 3(4); lag (1930:173) moves it.
    assert_eq!(
        legal(datetime!(2026-06-16 10:00 +02:00), Period::Days(3), CountingLaw::Reg1182),
        "2026-06-20T00:00:00+02:00"
    );
    assert_eq!(
        legal(datetime!(2026-06-16 10:00 +02:00), Period::Days(3), CountingLaw::Sfs1930),
        "2026-06-23T00:00:00+02:00"
    );
    // Nationaldagen 2026 is a Saturday; 2025 a Friday.
    assert_eq!(
        legal(datetime!(2025-06-03 10:00 +02:00), Period::Days(3), CountingLaw::Reg1182),
        "2025-06-10T00:00:00+02:00"
    );
}

#[test]
fn over_the_autumn_night_a_day_period_ends_at_midnight_local() {
    // Summer time ends 2026-10-25; three days from Friday 23 October end with Monday 26 October,
    // the only working day among them: Art. 3(5) adds Tuesday 27 October. Swedish law does not.
    assert_eq!(
        legal(datetime!(2026-10-23 10:00 +02:00), Period::Days(3), CountingLaw::Reg1182),
        "2026-10-28T00:00:00+01:00"
    );
    assert_eq!(
        legal(datetime!(2026-10-23 10:00 +02:00), Period::Days(3), CountingLaw::Sfs1930),
        "2026-10-27T00:00:00+01:00"
    );
    // Hours are never moved, across the change or a weekend: 72 h from Friday 10:00 +02:00.
    assert_eq!(
        legal(datetime!(2026-10-23 10:00 +02:00), Period::Hours(72), CountingLaw::Sfs1930),
        "2026-10-26T09:00:00+01:00"
    );
    assert_eq!(
        legal(datetime!(2026-10-23 10:00 +02:00), Period::Hours(72), CountingLaw::Reg1182),
        "2026-10-26T10:00:00+01:00"
    );
}

#[test]
fn legal_is_never_earlier_than_elapsed_for_any_duty() {
    let options = |p| ScheduleOptions::new().policy(p).regime(Regime::Nis2).regime(Regime::Eprivacy);
    let mut at = datetime!(2025-12-20 00:17 +01:00);
    let end = datetime!(2027-01-10 00:00 +01:00);
    let mut moved = 0;
    while at < end {
        let facts = Facts::new().aware_at(at).intends_to_supplement(true);
        let e = schedule(&facts, &options(CountingPolicy::Elapsed), at).unwrap();
        let l = schedule(&facts, &options(CountingPolicy::Legal), at).unwrap();
        for (a, b) in e.obligations.iter().zip(&l.obligations) {
            assert_eq!(a.stage, b.stage);
            if let (Some(x), Some(y)) = (a.deadline, b.deadline) {
                assert!(x <= y, "{:?} from {at}: elapsed {x} after legal {y}", a.stage);
            }
            if matches!(b.period, Period::Hours(_)) {
                assert_eq!(b.moved, None);
            }
            moved += usize::from(b.moved.is_some());
        }
        at += Duration::minutes(337);
    }
    assert!(moved > 100, "{moved}");
}
