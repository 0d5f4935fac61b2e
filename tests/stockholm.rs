//! Swedish local time: the EU rule in `imy_breach::stockholm` against jiff's bundled tz database
//! (the oracle), and the behaviour at the gap, the fold and the edges of the supported range.

use imy_breach::stockholm::{
    lookup, offset_at, summer_time, to_instant, to_local, LocalLookup, LocalTimeError, Resolved,
    AMBIGUOUS_CODE, FIRST_DATE, LAST_DATE,
};
use imy_breach::{Lang, LocalDate, StockholmOffset, WallClockTime};
use jiff::tz::{AmbiguousOffset, TimeZone};
use proptest::prelude::*;
use time::format_description::well_known::Rfc3339;
use time::macros::{date, datetime};
use time::{Date, Duration, OffsetDateTime, PrimitiveDateTime};

static TZ: TimeZone = jiff::tz::get!("Europe/Stockholm");

fn d(s: &str) -> LocalDate {
    s.parse().unwrap()
}
fn t(s: &str) -> Option<WallClockTime> {
    Some(s.parse().unwrap())
}
fn rfc(t: OffsetDateTime) -> String {
    t.format(&Rfc3339).unwrap()
}

/// jiff's answer for a wall-clock time, as offsets in seconds.
#[derive(Debug, PartialEq)]
enum Oracle {
    Single(i32),
    Fold(i32, i32),
    Gap(i32, i32),
}

fn jiff_lookup(dt: PrimitiveDateTime) -> Oracle {
    let civil = jiff::civil::DateTime::new(
        i16::try_from(dt.year()).unwrap(),
        u8::from(dt.month()) as i8,
        dt.day() as i8,
        dt.hour() as i8,
        dt.minute() as i8,
        dt.second() as i8,
        0,
    )
    .unwrap();
    match TZ.to_ambiguous_timestamp(civil).offset() {
        AmbiguousOffset::Unambiguous { offset } => Oracle::Single(offset.seconds()),
        AmbiguousOffset::Fold { before, after } => Oracle::Fold(before.seconds(), after.seconds()),
        AmbiguousOffset::Gap { before, after } => Oracle::Gap(before.seconds(), after.seconds()),
    }
}

fn ours(dt: PrimitiveDateTime) -> Oracle {
    match lookup(dt).unwrap() {
        LocalLookup::Single(i) => {
            assert_eq!((i.date(), i.time()), (dt.date(), dt.time()), "Single keeps the wall clock");
            Oracle::Single(i.offset().whole_seconds())
        }
        LocalLookup::Fold { earlier, later } => {
            assert_eq!(later - earlier, Duration::HOUR);
            Oracle::Fold(earlier.offset().whole_seconds(), later.offset().whole_seconds())
        }
        LocalLookup::Gap { transition } => {
            assert_eq!(rfc(transition), format!("{}T03:00:00+02:00", dt.date()));
            Oracle::Gap(3600, 7200)
        }
        _ => unreachable!(),
    }
}

fn jiff_offset(instant: OffsetDateTime) -> i32 {
    let ts = jiff::Timestamp::from_second(instant.unix_timestamp()).unwrap();
    TZ.to_offset(ts).seconds()
}

#[test]
fn every_transition_1950_to_2100_matches_jiff() {
    let start = jiff::Timestamp::from_second(datetime!(1949-12-31 23:00 UTC).unix_timestamp()).unwrap();
    let end = datetime!(2100-12-31 23:00 UTC).unix_timestamp();
    let theirs: Vec<i64> =
        TZ.following(start).map(|tr| tr.timestamp().as_second()).take_while(|&s| s < end).collect();
    let mut ours = Vec::new();
    for year in 1980..=2100 {
        let (spring, autumn) = summer_time(year).unwrap();
        ours.push(spring.unix_timestamp());
        ours.push(autumn.unix_timestamp());
    }
    assert_eq!(ours.len(), 2 * 121);
    assert!(summer_time(1979).is_err(), "no summer time 1950–1979");
    assert_eq!(ours, theirs);
}

#[test]
fn every_quarter_hour_of_every_change_weekend_matches_jiff() {
    for year in 1980..=2100 {
        let (spring, autumn) = summer_time(year).unwrap();
        for change in [spring, autumn] {
            // From Friday 00:00 to Tuesday 00:00 around the Sunday of the change.
            let friday = change.date() - Duration::days(2);
            let mut dt = friday.midnight();
            while dt < (friday + Duration::days(4)).midnight() {
                assert_eq!(ours(dt), jiff_lookup(dt), "{dt}");
                dt += Duration::minutes(15);
            }
        }
    }
}

fn local_datetime() -> impl Strategy<Value = PrimitiveDateTime> {
    let days = (LAST_DATE - FIRST_DATE).whole_days();
    (0..=days, 0..86_400i64)
        .prop_map(|(day, sec)| (FIRST_DATE + Duration::days(day)).midnight() + Duration::seconds(sec))
}

fn instant_in_range() -> impl Strategy<Value = OffsetDateTime> {
    let lo = datetime!(1949-12-31 23:00 UTC).unix_timestamp();
    let hi = datetime!(2100-12-31 22:59:59 UTC).unix_timestamp();
    (lo..=hi).prop_map(|s| OffsetDateTime::from_unix_timestamp(s).unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4096))]

    #[test]
    fn lookup_matches_jiff(dt in local_datetime()) {
        prop_assert_eq!(ours(dt), jiff_lookup(dt));
    }

    #[test]
    fn to_local_matches_jiff(instant in instant_in_range()) {
        let local = to_local(instant).unwrap();
        prop_assert_eq!(local, instant);
        prop_assert_eq!(local.offset().whole_seconds(), jiff_offset(instant));
        prop_assert_eq!(offset_at(instant).unwrap().hours() as i32 * 3600, jiff_offset(instant));
    }

    #[test]
    fn to_instant_then_to_local_gives_the_wall_clock_back(dt in local_datetime()) {
        let date = LocalDate::from_date(dt.date()).unwrap();
        let time = WallClockTime::from_hm(dt.hour().into(), dt.minute().into()).unwrap();
        match to_instant(date, Some(time), None) {
            Ok(Resolved { instant, ambiguous }) => {
                let local = to_local(instant).unwrap();
                prop_assert_eq!((local.date(), local.hour(), local.minute()), (dt.date(), dt.hour(), dt.minute()));
                prop_assert_eq!(ambiguous, matches!(jiff_lookup(dt), Oracle::Fold(..)));
            }
            Err(e) => {
                prop_assert_eq!(e.code(), "local-time-gap");
                prop_assert!(matches!(jiff_lookup(dt), Oracle::Gap(..)), "{dt}");
            }
        }
    }
}

#[test]
fn notes_examples() {
    let aware = to_instant(d("2025-03-28"), t("10:00"), None).unwrap();
    assert_eq!(rfc(aware.instant), "2025-03-28T10:00:00+01:00");
    assert_eq!(rfc(to_local(aware.instant + Duration::hours(72)).unwrap()), "2025-03-31T11:00:00+02:00");
    let aware = to_instant(d("2025-10-24"), t("10:00"), None).unwrap();
    assert_eq!(rfc(aware.instant), "2025-10-24T10:00:00+02:00");
    assert_eq!(rfc(to_local(aware.instant + Duration::hours(72)).unwrap()), "2025-10-27T09:00:00+01:00");
}

#[test]
fn the_gap_is_an_error_with_a_clear_message() {
    for time in ["02:00", "02:30", "02:59"] {
        let err = to_instant(d("2025-03-30"), t(time), None).unwrap_err();
        assert_eq!(err.code(), "local-time-gap");
        assert_eq!(
            err,
            LocalTimeError::Gap { datetime: date!(2025 - 03 - 30).with_time(t(time).unwrap().time()) }
        );
    }
    // Even an explicit offset does not make a skipped time exist.
    for offset in [StockholmOffset::Cet, StockholmOffset::Cest] {
        let err = to_instant(d("2025-03-30"), t("02:30"), Some(offset)).unwrap_err();
        assert_eq!(err.code(), "local-time-gap");
    }
    let err = to_instant(d("2025-03-30"), t("02:30"), None).unwrap_err();
    assert_eq!(
        err.message(Lang::Sv),
        "2025-03-30 02:30 finns inte i svensk tid: klockan ställdes fram från 02:00 till 03:00 när \
         sommartiden började. Ange en tid före 02:00 eller från 03:00."
    );
    assert!(err.message(Lang::En).starts_with("2025-03-30 02:30 does not exist in Swedish time"));
    assert!(err.to_string().starts_with("[local-time-gap] 2025-03-30 02:30 does not exist"));
    // Either side of the gap is fine.
    assert_eq!(
        rfc(to_instant(d("2025-03-30"), t("01:59"), None).unwrap().instant),
        "2025-03-30T01:59:00+01:00"
    );
    assert_eq!(
        rfc(to_instant(d("2025-03-30"), t("03:00"), None).unwrap().instant),
        "2025-03-30T03:00:00+02:00"
    );
}

#[test]
fn the_fold_resolves_to_the_earlier_instant_and_says_so() {
    let r = to_instant(d("2025-10-26"), t("02:30"), None).unwrap();
    assert_eq!(rfc(r.instant), "2025-10-26T02:30:00+02:00");
    assert!(r.ambiguous);
    assert_eq!(r.offset(), StockholmOffset::Cest);
    assert_eq!(r.later().map(rfc).as_deref(), Some("2025-10-26T02:30:00+01:00"));
    assert_eq!(AMBIGUOUS_CODE, "local-time-ambiguous");
    let sv = r.ambiguity_message(Lang::Sv).unwrap();
    assert!(sv.contains("inträffar två gånger") && sv.contains("+01:00"), "{sv}");
    let en = r.ambiguity_message(Lang::En).unwrap();
    assert!(en.contains("2025-10-26 02:30 occurs twice") && en.contains("the earlier one"), "{en}");

    // An explicit offset chooses, and then nothing is ambiguous.
    let first = to_instant(d("2025-10-26"), t("02:30"), Some(StockholmOffset::Cest)).unwrap();
    assert_eq!((rfc(first.instant), first.ambiguous), ("2025-10-26T02:30:00+02:00".into(), false));
    let second = to_instant(d("2025-10-26"), t("02:30"), Some(StockholmOffset::Cet)).unwrap();
    assert_eq!((rfc(second.instant), second.ambiguous), ("2025-10-26T02:30:00+01:00".into(), false));
    assert_eq!(second.instant - first.instant, Duration::HOUR);
    assert_eq!(second.ambiguity_message(Lang::En), None);

    // The edges of the fold.
    assert!(!to_instant(d("2025-10-26"), t("01:59"), None).unwrap().ambiguous);
    assert!(to_instant(d("2025-10-26"), t("02:00"), None).unwrap().ambiguous);
    assert!(to_instant(d("2025-10-26"), t("02:59"), None).unwrap().ambiguous);
    let three = to_instant(d("2025-10-26"), t("03:00"), None).unwrap();
    assert_eq!((rfc(three.instant), three.ambiguous), ("2025-10-26T03:00:00+01:00".into(), false));
}

#[test]
fn an_offset_that_does_not_match_is_an_error() {
    let err = to_instant(d("2025-07-01"), t("10:00"), Some(StockholmOffset::Cet)).unwrap_err();
    assert_eq!(err.code(), "utc-offset-mismatch");
    assert!(matches!(
        err,
        LocalTimeError::UtcOffsetMismatch { given: StockholmOffset::Cet, actual: StockholmOffset::Cest, .. }
    ));
    assert!(
        err.message(Lang::En).contains("is at UTC offset +02:00 (summer time)"),
        "{}",
        err.message(Lang::En)
    );
    assert!(err.message(Lang::Sv).contains("har UTC-förskjutningen +02:00 (sommartid)"));
    let err = to_instant(d("2025-01-15"), None, Some(StockholmOffset::Cest)).unwrap_err();
    assert_eq!(err.code(), "utc-offset-mismatch");
    // A matching offset is accepted.
    let ok = to_instant(d("2025-07-01"), t("10:00"), Some(StockholmOffset::Cest)).unwrap();
    assert_eq!(rfc(ok.instant), "2025-07-01T10:00:00+02:00");
}

#[test]
fn no_time_means_the_start_of_the_day() {
    assert_eq!(rfc(to_instant(d("2025-01-15"), None, None).unwrap().instant), "2025-01-15T00:00:00+01:00");
    assert_eq!(rfc(to_instant(d("2025-03-30"), None, None).unwrap().instant), "2025-03-30T00:00:00+01:00");
    assert_eq!(rfc(to_instant(d("2025-10-26"), None, None).unwrap().instant), "2025-10-26T00:00:00+02:00");
}

#[test]
fn dates_outside_the_range_are_errors_never_guesses() {
    for (date, time) in
        [("1949-12-31", "23:59"), ("2101-01-01", "00:00"), ("1916-07-01", "12:00"), ("9999-12-31", "12:00")]
    {
        let err = to_instant(d(date), t(time), None).unwrap_err();
        assert_eq!(err.code(), "local-time-out-of-range", "{date}");
        assert_eq!(err, LocalTimeError::OutOfRange { date: d(date).date() });
    }
    let err = to_instant(d("1949-06-01"), None, None).unwrap_err();
    assert_eq!(
        err.message(Lang::En),
        "1949-06-01 is outside the supported dates, 1950-01-01 to 2100-12-31: Swedish time is computed with \
         Sweden's summer-time rules since 1950."
    );
    // 1950–1979: normal time all year; 1980–1995: summer time ended in September.
    assert_eq!(
        rfc(to_instant(d("1970-07-01"), t("12:00"), None).unwrap().instant),
        "1970-07-01T12:00:00+01:00"
    );
    assert_eq!(
        rfc(to_instant(d("1990-09-29"), t("12:00"), None).unwrap().instant),
        "1990-09-29T12:00:00+02:00"
    );
    assert_eq!(
        rfc(to_instant(d("1990-10-01"), t("12:00"), None).unwrap().instant),
        "1990-10-01T12:00:00+01:00"
    );
    assert!(to_instant(d("1990-09-30"), t("02:30"), None).unwrap().ambiguous);
    assert!(matches!(to_instant(d("1980-04-06"), t("02:30"), None), Err(LocalTimeError::Gap { .. })));
    assert!(err.message(Lang::Sv).contains("ligger utanför de datum som stöds"));
    // The edges themselves are supported.
    assert_eq!(rfc(to_instant(d("1950-01-01"), None, None).unwrap().instant), "1950-01-01T00:00:00+01:00");
    assert_eq!(
        rfc(to_instant(d("2100-12-31"), t("23:59"), None).unwrap().instant),
        "2100-12-31T23:59:00+01:00"
    );
    // Instants: by their Swedish local date.
    assert!(to_local(datetime!(1949-12-31 22:59:59 UTC)).is_err());
    assert_eq!(rfc(to_local(datetime!(1949-12-31 23:00 UTC)).unwrap()), "1950-01-01T00:00:00+01:00");
    assert!(to_local(datetime!(2100-12-31 23:00 UTC)).is_err());
    assert!(matches!(summer_time(1979), Err(LocalTimeError::OutOfRange { .. })));
    assert!(matches!(lookup(Date::MIN.midnight()), Err(LocalTimeError::OutOfRange { .. })));
}

#[test]
fn to_local_keeps_the_instant_and_any_input_offset_works() {
    let utc = datetime!(2025-10-26 00:30 UTC);
    let from_tokyo = utc.to_offset(time::macros::offset!(+9));
    assert_eq!(rfc(to_local(from_tokyo).unwrap()), "2025-10-26T02:30:00+02:00");
    assert_eq!(rfc(to_local(utc + Duration::HOUR).unwrap()), "2025-10-26T02:30:00+01:00");
    assert_eq!(rfc(to_local(datetime!(2024-02-29 23:30 UTC)).unwrap()), "2024-03-01T00:30:00+01:00");
}

/// The whole range, exhaustively: every wall-clock step and every UTC step from 1950-01-01 to
/// 2100-12-31 agrees with jiff. Every quarter hour in an optimised build (5.3 million of each);
/// every hour in a debug build, to keep `cargo test` fast.
#[test]
fn every_step_of_the_supported_range_matches_jiff() {
    let step = if cfg!(debug_assertions) { Duration::HOUR } else { Duration::minutes(15) };
    let started = std::time::Instant::now();
    let mut dt = FIRST_DATE.midnight();
    let end = (LAST_DATE + Duration::DAY).midnight();
    let mut n = 0u64;
    while dt < end {
        assert_eq!(ours(dt), jiff_lookup(dt), "{dt}");
        // The same wall-clock reading as an instant at UTC, an hour before local midnight at worst.
        let instant = dt.assume_utc() - Duration::HOUR;
        assert_eq!(to_local(instant).unwrap().offset().whole_seconds(), jiff_offset(instant), "{instant}");
        dt += step;
        n += 1;
    }
    assert!(n > 1_300_000, "{n}");
    eprintln!("{n} steps of {step} in {:?}", started.elapsed());
}
