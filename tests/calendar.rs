//! The Swedish calendar against published lists of holidays, and by properties over 1980–2100.

use imy_breach::calendar::{
    day_kind, easter_sunday, eve, holiday, holidays, is_weekday_1930, is_working_day, DayKind, Eve, Holiday,
    FIRST_YEAR, LAST_YEAR,
};
use time::macros::date;
use time::{Date, Duration, Month, Weekday};

use Holiday::*;

/// The lists as published (for example on kalender.se and in Almanacksförlaget's almanac).
#[test]
fn the_published_holidays_of_2024_2025_and_2026() {
    let expected: [(i32, [(Date, Holiday); 13]); 3] = [
        (
            2024,
            [
                (date!(2024 - 01 - 01), Nyarsdagen),
                (date!(2024 - 01 - 06), TrettondedagJul),
                (date!(2024 - 03 - 29), Langfredagen),
                (date!(2024 - 03 - 31), Paskdagen),
                (date!(2024 - 04 - 01), AnnandagPask),
                (date!(2024 - 05 - 01), ForstaMaj),
                (date!(2024 - 05 - 09), KristiHimmelsfardsdag),
                (date!(2024 - 05 - 19), Pingstdagen),
                (date!(2024 - 06 - 06), Nationaldagen),
                (date!(2024 - 06 - 22), Midsommardagen),
                (date!(2024 - 11 - 02), AllaHelgonsDag),
                (date!(2024 - 12 - 25), Juldagen),
                (date!(2024 - 12 - 26), AnnandagJul),
            ],
        ),
        (
            2025,
            [
                (date!(2025 - 01 - 01), Nyarsdagen),
                (date!(2025 - 01 - 06), TrettondedagJul),
                (date!(2025 - 04 - 18), Langfredagen),
                (date!(2025 - 04 - 20), Paskdagen),
                (date!(2025 - 04 - 21), AnnandagPask),
                (date!(2025 - 05 - 01), ForstaMaj),
                (date!(2025 - 05 - 29), KristiHimmelsfardsdag),
                (date!(2025 - 06 - 06), Nationaldagen),
                (date!(2025 - 06 - 08), Pingstdagen),
                (date!(2025 - 06 - 21), Midsommardagen),
                (date!(2025 - 11 - 01), AllaHelgonsDag),
                (date!(2025 - 12 - 25), Juldagen),
                (date!(2025 - 12 - 26), AnnandagJul),
            ],
        ),
        (
            2026,
            [
                (date!(2026 - 01 - 01), Nyarsdagen),
                (date!(2026 - 01 - 06), TrettondedagJul),
                (date!(2026 - 04 - 03), Langfredagen),
                (date!(2026 - 04 - 05), Paskdagen),
                (date!(2026 - 04 - 06), AnnandagPask),
                (date!(2026 - 05 - 01), ForstaMaj),
                (date!(2026 - 05 - 14), KristiHimmelsfardsdag),
                (date!(2026 - 05 - 24), Pingstdagen),
                (date!(2026 - 06 - 06), Nationaldagen),
                (date!(2026 - 06 - 20), Midsommardagen),
                (date!(2026 - 10 - 31), AllaHelgonsDag),
                (date!(2026 - 12 - 25), Juldagen),
                (date!(2026 - 12 - 26), AnnandagJul),
            ],
        ),
    ];
    for (year, list) in expected {
        assert_eq!(holidays(year), list.to_vec(), "{year}");
    }
    assert_eq!(eve(date!(2024 - 06 - 21)), Some(Eve::Midsommarafton));
    assert_eq!(eve(date!(2025 - 06 - 20)), Some(Eve::Midsommarafton));
    assert_eq!(eve(date!(2026 - 06 - 19)), Some(Eve::Midsommarafton));
    assert_eq!(eve(date!(2026 - 06 - 26)), None);
    assert_eq!(day_kind(date!(2026 - 12 - 24)), DayKind::Eve(Eve::Julafton));
    assert_eq!(day_kind(date!(2026 - 12 - 31)), DayKind::Eve(Eve::Nyarsafton));
    assert_eq!(day_kind(date!(2026 - 12 - 27)), DayKind::Sunday);
    assert_eq!(day_kind(date!(2026 - 12 - 28)), DayKind::Weekday);
}

#[test]
fn annandag_pingst_until_2004_nationaldagen_from_2005() {
    assert_eq!(holiday(date!(2004 - 05 - 31)), Some(AnnandagPingst));
    assert_eq!(holiday(date!(2004 - 06 - 06)), None, "a Sunday, but not yet nationaldagen");
    assert_eq!(day_kind(date!(2004 - 06 - 06)), DayKind::Sunday);
    assert_eq!(holiday(date!(2005 - 05 - 16)), None, "annandag pingst 2005 is a working day");
    assert!(is_working_day(date!(2005 - 05 - 16)));
    assert_eq!(holiday(date!(2005 - 06 - 06)), Some(Nationaldagen));
    assert_eq!(holiday(date!(1980 - 05 - 26)), Some(AnnandagPingst));
}

#[test]
fn known_easter_sundays() {
    for (year, d) in [
        (1980, date!(1980 - 04 - 06)),
        (1981, date!(1981 - 04 - 19)),
        (2000, date!(2000 - 04 - 23)),
        (2008, date!(2008 - 03 - 23)),
        (2011, date!(2011 - 04 - 24)),
        (2019, date!(2019 - 04 - 21)),
        (2038, date!(2038 - 04 - 25)),
        (2100, date!(2100 - 03 - 28)),
    ] {
        assert_eq!(easter_sunday(year), Some(d), "{year}");
    }
    // 2008: Kristi himmelsfärdsdag fell on första maj.
    let h = holidays(2008);
    assert!(
        h.contains(&(date!(2008 - 05 - 01), ForstaMaj))
            && h.contains(&(date!(2008 - 05 - 01), KristiHimmelsfardsdag))
    );
}

#[test]
fn properties_of_every_year_1980_to_2100() {
    for year in FIRST_YEAR..=LAST_YEAR {
        let e = easter_sunday(year).unwrap();
        assert_eq!(e.weekday(), Weekday::Sunday, "{year}");
        assert!((date!(2000 - 03 - 22).replace_year(year).unwrap()
            ..=date!(2000 - 04 - 25).replace_year(year).unwrap())
            .contains(&e));
        let h = holidays(year);
        assert_eq!(h.len(), 13, "{year}");
        for &(d, x) in &h {
            assert_eq!(d.year(), year, "{x:?}");
            let weekday = d.weekday();
            match x {
                Langfredagen => assert_eq!(weekday, Weekday::Friday),
                Paskdagen | Pingstdagen => assert_eq!(weekday, Weekday::Sunday),
                AnnandagPask | AnnandagPingst => assert_eq!(weekday, Weekday::Monday),
                KristiHimmelsfardsdag => assert_eq!(weekday, Weekday::Thursday),
                Midsommardagen => {
                    assert_eq!(weekday, Weekday::Saturday);
                    assert!(d.month() == Month::June && (20..=26).contains(&d.day()));
                    let afton = d - Duration::DAY;
                    assert_eq!(eve(afton), Some(Eve::Midsommarafton));
                }
                AllaHelgonsDag => {
                    assert_eq!(weekday, Weekday::Saturday);
                    let first = date!(2000 - 10 - 31).replace_year(year).unwrap();
                    assert!((0..7).contains(&(d - first).whole_days()));
                }
                _ => {}
            }
            assert!(!is_working_day(d) && !is_weekday_1930(d), "{d}");
        }
        // Exactly one Midsommarafton a year; the 1930:173 weekdays are the working days less the eves.
        let mut d = date!(2000 - 01 - 01).replace_year(year).unwrap();
        let mut eves = 0;
        while d.year() == year {
            eves += usize::from(eve(d) == Some(Eve::Midsommarafton));
            assert_eq!(is_weekday_1930(d), is_working_day(d) && eve(d).is_none(), "{d}");
            if matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday) {
                assert!(!is_working_day(d));
            }
            d = d.next_day().unwrap();
        }
        assert_eq!(eves, 1, "{year}");
    }
}
