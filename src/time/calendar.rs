//! The Swedish calendar: public holidays under lag (1989:253) om allmänna helgdagar, and the days
//! lag (1930:173) om beräkning av lagstadgad tid § 2 lists beside them (Saturdays, Midsommarafton,
//! Julafton, Nyårsafton).
//!
//! The holidays: nyårsdagen (1 January), trettondedag jul (6 January), långfredagen, påskdagen and
//! annandag påsk (from Easter Sunday, by the Gregorian computus), första maj, Kristi
//! himmelsfärdsdag (Easter + 39 days), pingstdagen (Easter + 49 days, a Sunday), annandag pingst
//! (Easter + 50 days, a holiday until 2004), nationaldagen (6 June, a holiday from 2005, when it
//! replaced annandag pingst: SFS 2004:1052), midsommardagen (the Saturday 20–26 June), alla helgons
//! dag (the Saturday 31 October–6 November), juldagen and annandag jul (25 and 26 December).
//! Before 1 July 1989 lag (1952:48) listed the same days. Every Sunday is a holiday too.
//!
//! Answers for the years [`FIRST_YEAR`]..=[`LAST_YEAR`] (1980–2100).
//!
//! # Example
//! ```
//! use imy_breach::calendar::{day_kind, is_weekday_1930, DayKind, Holiday};
//! use time::macros::date;
//! assert_eq!(day_kind(date!(2026 - 06 - 20)), DayKind::Holiday(Holiday::Midsommardagen));
//! assert!(!is_weekday_1930(date!(2026 - 06 - 19))); // Midsommarafton
//! assert!(is_weekday_1930(date!(2026 - 06 - 22)));
//! ```

use time::{Date, Duration, Month, Weekday};

use crate::lang::Lang;

/// The first year answered for.
pub const FIRST_YEAR: i32 = 1980;
/// The last year answered for.
pub const LAST_YEAR: i32 = 2100;

/// A public holiday (allmän helgdag) other than an ordinary Sunday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Holiday {
    /// 1 January.
    Nyarsdagen,
    /// 6 January.
    TrettondedagJul,
    /// The Friday before Easter.
    Langfredagen,
    /// Easter Sunday.
    Paskdagen,
    /// Easter Monday.
    AnnandagPask,
    /// 1 May.
    ForstaMaj,
    /// Easter + 39 days (a Thursday).
    KristiHimmelsfardsdag,
    /// Easter + 49 days (a Sunday).
    Pingstdagen,
    /// Easter + 50 days (a Monday); a holiday until 2004.
    AnnandagPingst,
    /// 6 June; a holiday from 2005.
    Nationaldagen,
    /// The Saturday 20–26 June.
    Midsommardagen,
    /// The Saturday 31 October–6 November.
    AllaHelgonsDag,
    /// 25 December.
    Juldagen,
    /// 26 December.
    AnnandagJul,
}

impl Holiday {
    /// The Swedish name, for example "Påskdagen" (used in both languages: it is a proper name).
    pub fn name(self) -> &'static str {
        match self {
            Holiday::Nyarsdagen => "Nyårsdagen",
            Holiday::TrettondedagJul => "Trettondedag jul",
            Holiday::Langfredagen => "Långfredagen",
            Holiday::Paskdagen => "Påskdagen",
            Holiday::AnnandagPask => "Annandag påsk",
            Holiday::ForstaMaj => "Första maj",
            Holiday::KristiHimmelsfardsdag => "Kristi himmelsfärdsdag",
            Holiday::Pingstdagen => "Pingstdagen",
            Holiday::AnnandagPingst => "Annandag pingst",
            Holiday::Nationaldagen => "Nationaldagen",
            Holiday::Midsommardagen => "Midsommardagen",
            Holiday::AllaHelgonsDag => "Alla helgons dag",
            Holiday::Juldagen => "Juldagen",
            Holiday::AnnandagJul => "Annandag jul",
        }
    }
}

/// An eve that lag (1930:173) § 2 treats like a holiday; not a public holiday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Eve {
    /// The Friday before midsommardagen (19–25 June).
    Midsommarafton,
    /// 24 December.
    Julafton,
    /// 31 December.
    Nyarsafton,
}

impl Eve {
    /// The Swedish name.
    pub fn name(self) -> &'static str {
        match self {
            Eve::Midsommarafton => "Midsommarafton",
            Eve::Julafton => "Julafton",
            Eve::Nyarsafton => "Nyårsafton",
        }
    }
}

/// What kind of day a date is. A holiday wins over the weekday it falls on, an eve over a
/// Saturday.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum DayKind {
    /// Monday to Friday, no holiday, no eve.
    Weekday,
    /// A Saturday that is no holiday and no eve.
    Saturday,
    /// A Sunday that is no named holiday.
    Sunday,
    /// A named public holiday.
    Holiday(Holiday),
    /// Midsommarafton, Julafton or Nyårsafton (on a weekday or a Saturday).
    Eve(Eve),
}

impl DayKind {
    /// The day's name: the holiday's or eve's name, else the weekday's ("Lördag" / "Saturday").
    pub fn name(self, date: Date, lang: Lang) -> String {
        match self {
            DayKind::Holiday(h) => h.name().into(),
            DayKind::Eve(e) => e.name().into(),
            _ => {
                let mut s = weekday_name(date.weekday(), lang).to_string();
                if let Some(first) = s.get_mut(..1) {
                    first.make_ascii_uppercase();
                }
                s
            }
        }
    }
}

/// "måndag" / "Monday".
pub fn weekday_name(w: Weekday, lang: Lang) -> &'static str {
    let (sv, en) = match w {
        Weekday::Monday => ("måndag", "Monday"),
        Weekday::Tuesday => ("tisdag", "Tuesday"),
        Weekday::Wednesday => ("onsdag", "Wednesday"),
        Weekday::Thursday => ("torsdag", "Thursday"),
        Weekday::Friday => ("fredag", "Friday"),
        Weekday::Saturday => ("lördag", "Saturday"),
        Weekday::Sunday => ("söndag", "Sunday"),
    };
    if lang == Lang::Sv {
        sv
    } else {
        en
    }
}

/// Easter Sunday of a Gregorian year (the anonymous Gregorian computus); `None` for a year `time`
/// cannot hold.
///
/// # Example
/// ```
/// use imy_breach::calendar::easter_sunday;
/// use time::macros::date;
/// assert_eq!(easter_sunday(2026), Some(date!(2026 - 04 - 05)));
/// ```
pub fn easter_sunday(year: i32) -> Option<Date> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    let month = Month::try_from(u8::try_from(month).ok()?).ok()?;
    Date::from_calendar_date(year, month, u8::try_from(day).ok()?).ok()
}

/// The first date with the given weekday on or after `from`.
fn on_or_after(from: Date, weekday: Weekday) -> Option<Date> {
    let ahead = (i64::from(weekday.number_days_from_monday())
        - i64::from(from.weekday().number_days_from_monday()))
    .rem_euclid(7);
    from.checked_add(Duration::days(ahead))
}

/// The named public holidays of a year, in date order; empty outside [`FIRST_YEAR`]..=[`LAST_YEAR`].
///
/// # Example
/// ```
/// use imy_breach::calendar::{holidays, Holiday};
/// let h = holidays(2004);
/// assert!(h.iter().any(|&(_, x)| x == Holiday::AnnandagPingst));
/// assert!(!h.iter().any(|&(_, x)| x == Holiday::Nationaldagen));
/// assert_eq!(holidays(2026).len(), 13);
/// ```
pub fn holidays(year: i32) -> Vec<(Date, Holiday)> {
    if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
        return Vec::new();
    }
    let ymd = |m: Month, d: u8| Date::from_calendar_date(year, m, d).ok();
    let easter = easter_sunday(year);
    let from_easter = |days: i64| easter.and_then(|e| e.checked_add(Duration::days(days)));
    let mut out: Vec<(Option<Date>, Holiday)> = vec![
        (ymd(Month::January, 1), Holiday::Nyarsdagen),
        (ymd(Month::January, 6), Holiday::TrettondedagJul),
        (from_easter(-2), Holiday::Langfredagen),
        (easter, Holiday::Paskdagen),
        (from_easter(1), Holiday::AnnandagPask),
        (ymd(Month::May, 1), Holiday::ForstaMaj),
        (from_easter(39), Holiday::KristiHimmelsfardsdag),
        (from_easter(49), Holiday::Pingstdagen),
    ];
    if year <= 2004 {
        out.push((from_easter(50), Holiday::AnnandagPingst));
    } else {
        out.push((ymd(Month::June, 6), Holiday::Nationaldagen));
    }
    out.extend([
        (ymd(Month::June, 20).and_then(|d| on_or_after(d, Weekday::Saturday)), Holiday::Midsommardagen),
        (ymd(Month::October, 31).and_then(|d| on_or_after(d, Weekday::Saturday)), Holiday::AllaHelgonsDag),
        (ymd(Month::December, 25), Holiday::Juldagen),
        (ymd(Month::December, 26), Holiday::AnnandagJul),
    ]);
    let mut out: Vec<(Date, Holiday)> = out.into_iter().filter_map(|(d, h)| d.map(|d| (d, h))).collect();
    out.sort();
    out
}

/// The named public holiday on a date, if any.
pub fn holiday(date: Date) -> Option<Holiday> {
    holidays(date.year()).into_iter().find(|&(d, _)| d == date).map(|(_, h)| h)
}

/// The eve on a date, if any (Midsommarafton is the Friday 19–25 June).
pub fn eve(date: Date) -> Option<Eve> {
    match (date.month(), date.day(), date.weekday()) {
        (Month::June, 19..=25, Weekday::Friday) => Some(Eve::Midsommarafton),
        (Month::December, 24, _) => Some(Eve::Julafton),
        (Month::December, 31, _) => Some(Eve::Nyarsafton),
        _ => None,
    }
}

/// What kind of day a date is.
pub fn day_kind(date: Date) -> DayKind {
    if let Some(h) = holiday(date) {
        return DayKind::Holiday(h);
    }
    match (eve(date), date.weekday()) {
        (_, Weekday::Sunday) => DayKind::Sunday,
        (Some(e), _) => DayKind::Eve(e),
        (None, Weekday::Saturday) => DayKind::Saturday,
        _ => DayKind::Weekday,
    }
}

/// A working day under Regulation 1182/71 Art. 2(2): not a Saturday, a Sunday or a public holiday
/// (an eve is a working day).
pub fn is_working_day(date: Date) -> bool {
    matches!(day_kind(date), DayKind::Weekday | DayKind::Eve(_)) && date.weekday() != Weekday::Saturday
}

/// A weekday under lag (1930:173) § 2: not a Saturday, a Sunday, a public holiday, Midsommarafton,
/// Julafton or Nyårsafton.
pub fn is_weekday_1930(date: Date) -> bool {
    day_kind(date) == DayKind::Weekday
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn on_or_after_finds_the_weekday() {
        let d = Date::from_calendar_date(2026, Month::June, 20).unwrap();
        assert_eq!(on_or_after(d, Weekday::Saturday), Some(d));
        assert_eq!(on_or_after(d, Weekday::Friday).map(|x| x.day()), Some(26));
    }

    #[test]
    fn outside_the_range_there_are_no_holidays() {
        assert!(holidays(1979).is_empty());
        assert!(holidays(2101).is_empty());
    }
}
