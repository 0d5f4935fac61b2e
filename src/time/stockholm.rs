//! Swedish local time (Europe/Stockholm) without a time-zone database.
//!
//! Sweden has followed the EU summer-time rule since 1996: normal time (CET, `+01:00`), and summer
//! time (CEST, `+02:00`) from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday
//! of October. From 1981 to 1995 summer time ended on the last Sunday of September (03:00 local,
//! 01:00 UTC); in 1980, the first year, it ran from the first Sunday of April (6 April) to the last
//! Sunday of September. From 1950 to 1979 Sweden kept normal time all year. Those rules are all this
//! module knows, so it only answers for local dates from [`FIRST_DATE`] (1950-01-01) to
//! [`LAST_DATE`] (2100-12-31); outside that range every function returns
//! [`LocalTimeError::OutOfRange`] rather than guess. The rules are checked against jiff's bundled tz
//! database in this crate's tests, at every quarter hour of the range.
//!
//! Two local times need care:
//!
//! - **the gap**: when summer time begins the clocks go from 02:00 to 03:00, so 02:00–02:59 does
//!   not exist. [`to_instant`] returns [`LocalTimeError::Gap`].
//! - **the fold**: when summer time ends the clocks go from 03:00 back to 02:00, so
//!   02:00–02:59 occurs twice. [`to_instant`] takes the earlier (summer-time) instant and says so
//!   with [`Resolved::ambiguous`] (see [`Resolved::ambiguity_message`]), unless an explicit UTC
//!   offset chooses.
//!
//! # Example
//! ```
//! use imy_breach::stockholm::{to_instant, to_local};
//! use imy_breach::{LocalDate, WallClockTime};
//! use time::format_description::well_known::Rfc3339;
//!
//! let date: LocalDate = "2025-03-28".parse()?;
//! let time: WallClockTime = "10:00".parse()?;
//! let aware = to_instant(date, Some(time), None)?;
//! assert_eq!(aware.instant.format(&Rfc3339)?, "2025-03-28T10:00:00+01:00");
//!
//! let deadline = to_local(aware.instant + time::Duration::hours(72))?;
//! assert_eq!(deadline.format(&Rfc3339)?, "2025-03-31T11:00:00+02:00");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt::Write as _;

use time::macros::{date, offset, time};
use time::{Date, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

use crate::lang::Lang;
use crate::values::datetime::{LocalDate, StockholmOffset, WallClockTime};

/// The first local date this module answers for: 1950-01-01 (normal time until summer time came
/// back in 1980).
pub const FIRST_DATE: Date = date!(1950 - 01 - 01);

/// The first year with summer time in the range: 1980.
const FIRST_SUMMER: i32 = 1980;

/// The last local date this module answers for: 2100-12-31.
pub const LAST_DATE: Date = date!(2100 - 12 - 31);

/// The stable code of the warning given when a wall-clock time occurs twice and no UTC offset
/// chose between the two: `"local-time-ambiguous"`. See [`Resolved::ambiguity_message`].
pub const AMBIGUOUS_CODE: &str = "local-time-ambiguous";

const CET: UtcOffset = offset!(+1);
const CEST: UtcOffset = offset!(+2);
const TWO: Time = time!(02:00);
const THREE: Time = time!(03:00);

/// A local date and time that cannot be turned into an instant, or an instant that cannot be
/// shown in Swedish time.
///
/// Each variant has a stable kebab-case [`code`](LocalTimeError::code) and a
/// [`message`](LocalTimeError::message) in Swedish and English. `Display` writes `[code] message`
/// in English.
///
/// # Example
/// ```
/// use imy_breach::stockholm::{to_instant, LocalTimeError};
/// use imy_breach::Lang;
///
/// let err = to_instant("2025-03-30".parse()?, Some("02:30".parse()?), None).unwrap_err();
/// assert!(matches!(err, LocalTimeError::Gap { .. }));
/// assert_eq!(err.code(), "local-time-gap");
/// assert!(err.message(Lang::Sv).contains("finns inte"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LocalTimeError {
    /// The wall-clock time does not exist: it falls in the hour skipped when summer time begins
    /// (02:00–02:59 on the night summer time begins).
    #[error("[local-time-gap] {}", self.message(Lang::En))]
    Gap {
        /// The local date and time given.
        datetime: PrimitiveDateTime,
    },
    /// The local date, or the local date of an instant, is outside [`FIRST_DATE`]..=[`LAST_DATE`].
    #[error("[local-time-out-of-range] {}", self.message(Lang::En))]
    OutOfRange {
        /// The date at fault: the local date when it is known, otherwise the UTC date.
        date: Date,
    },
    /// An explicit UTC offset that Swedish time does not have at that date and time.
    #[error("[utc-offset-mismatch] {}", self.message(Lang::En))]
    UtcOffsetMismatch {
        /// The local date and time given.
        datetime: PrimitiveDateTime,
        /// The offset given.
        given: StockholmOffset,
        /// The offset Swedish time has then.
        actual: StockholmOffset,
    },
}

impl LocalTimeError {
    /// The stable kebab-case code: `"local-time-gap"`, `"local-time-out-of-range"` or
    /// `"utc-offset-mismatch"`.
    pub fn code(&self) -> &'static str {
        match self {
            LocalTimeError::Gap { .. } => "local-time-gap",
            LocalTimeError::OutOfRange { .. } => "local-time-out-of-range",
            LocalTimeError::UtcOffsetMismatch { .. } => "utc-offset-mismatch",
        }
    }

    /// The message in the given language, without the code.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (LocalTimeError::Gap { datetime }, Lang::Sv) => format!(
                "{} finns inte i svensk tid: klockan ställdes fram från 02:00 till 03:00 när \
                 sommartiden började. Ange en tid före 02:00 eller från 03:00.",
                wall(*datetime)
            ),
            (LocalTimeError::Gap { datetime }, _) => format!(
                "{} does not exist in Swedish time: the clocks went forward from 02:00 to 03:00 when \
                 summer time began. Give a time before 02:00 or from 03:00 on.",
                wall(*datetime)
            ),
            (LocalTimeError::OutOfRange { date }, Lang::Sv) => format!(
                "{} ligger utanför de datum som stöds, {FIRST_DATE} till {LAST_DATE}: svensk tid \
                 beräknas med de svenska sommartidsreglerna sedan 1950.",
                ymd(*date)
            ),
            (LocalTimeError::OutOfRange { date }, _) => format!(
                "{} is outside the supported dates, {FIRST_DATE} to {LAST_DATE}: Swedish time is \
                 computed with Sweden's summer-time rules since 1950.",
                ymd(*date)
            ),
            (LocalTimeError::UtcOffsetMismatch { datetime, given, actual }, Lang::Sv) => format!(
                "{} har UTC-förskjutningen {actual} ({}) i svensk tid, inte {given}. Utelämna \
                 förskjutningen; den behövs bara för 02:00–02:59 natten då sommartiden slutar.",
                wall(*datetime),
                offset_name(*actual, Lang::Sv)
            ),
            (LocalTimeError::UtcOffsetMismatch { datetime, given, actual }, _) => format!(
                "{} is at UTC offset {actual} ({}) in Swedish time, not {given}. Leave the offset \
                 out; it is only needed for 02:00–02:59 on the night summer time ends.",
                wall(*datetime),
                offset_name(*actual, Lang::En)
            ),
        }
    }
}

/// `YYYY-MM-DD` for any year `time` can hold.
pub(crate) fn ymd(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// `YYYY-MM-DD HH:MM`, with `:SS` when the seconds are not zero.
pub(crate) fn wall(dt: PrimitiveDateTime) -> String {
    let mut s = format!("{} {:02}:{:02}", ymd(dt.date()), dt.hour(), dt.minute());
    if dt.second() != 0 {
        let _ = write!(s, ":{:02}", dt.second());
    }
    s
}

/// "normaltid" / "sommartid", "normal time" / "summer time".
pub(crate) fn offset_name(o: StockholmOffset, lang: Lang) -> &'static str {
    match (o, lang) {
        (StockholmOffset::Cest, Lang::Sv) => "sommartid",
        (StockholmOffset::Cest, _) => "summer time",
        (_, Lang::Sv) => "normaltid",
        (_, _) => "normal time",
    }
}

fn utc_offset(o: StockholmOffset) -> UtcOffset {
    match o {
        StockholmOffset::Cest => CEST,
        StockholmOffset::Cet => CET,
    }
}

fn stockholm_offset(o: UtcOffset) -> StockholmOffset {
    if o == CEST {
        StockholmOffset::Cest
    } else {
        StockholmOffset::Cet
    }
}

fn check_date(d: Date) -> Result<(), LocalTimeError> {
    if (FIRST_DATE..=LAST_DATE).contains(&d) {
        Ok(())
    } else {
        Err(LocalTimeError::OutOfRange { date: d })
    }
}

/// The last Sunday of a month of a year `time` can hold (March and October, with 31 days, the
/// fast way).
fn last_sunday(year: i32, month: Month) -> Option<Date> {
    // Sakamoto's day of the week of the 31st (0 = Sunday); March and October need no January or
    // February year shift. Cheaper than asking `time` for the weekday, and called for every
    // conversion.
    let t = match month {
        Month::March => 2,
        Month::October => 6,
        _ => {
            let last = Date::from_calendar_date(year, month, month.length(year)).ok()?;
            return last
                .checked_sub(time::Duration::days(i64::from(last.weekday().number_days_from_sunday())));
        }
    };
    let y = i64::from(year);
    let weekday = (y + y.div_euclid(4) - y.div_euclid(100) + y.div_euclid(400) + t + 31).rem_euclid(7);
    Date::from_calendar_date(year, month, 31 - weekday as u8).ok()
}

/// The dates of the spring and autumn changes of a year, without a range check; `None` before
/// 1980 (no summer time).
fn change_dates(year: i32) -> Option<(Date, Date)> {
    if year < FIRST_SUMMER {
        None
    } else if year == FIRST_SUMMER {
        Some((date!(1980 - 04 - 06), date!(1980 - 09 - 28)))
    } else if year <= 1995 {
        Some((last_sunday(year, Month::March)?, last_sunday(year, Month::September)?))
    } else {
        Some((last_sunday(year, Month::March)?, last_sunday(year, Month::October)?))
    }
}

/// The start and end of summer time in a year, as UTC instants (01:00 UTC on the last Sunday of
/// March and of October; of September 1981–1995; 6 April and 28 September in 1980).
///
/// # Example
/// ```
/// use time::macros::datetime;
/// let (start, end) = imy_breach::stockholm::summer_time(2025)?;
/// assert_eq!(start, datetime!(2025-03-30 01:00 UTC));
/// assert_eq!(end, datetime!(2025-10-26 01:00 UTC));
/// # Ok::<(), imy_breach::stockholm::LocalTimeError>(())
/// ```
///
/// # Errors
/// [`LocalTimeError::OutOfRange`] for a year outside 1980–2100 (1950–1979 had no summer time).
pub fn summer_time(year: i32) -> Result<(OffsetDateTime, OffsetDateTime), LocalTimeError> {
    let out = || LocalTimeError::OutOfRange {
        date: Date::from_calendar_date(year, Month::January, 1).unwrap_or(FIRST_DATE),
    };
    if !(FIRST_SUMMER..=LAST_DATE.year()).contains(&year) {
        return Err(out());
    }
    let (spring, autumn) = change_dates(year).ok_or_else(out)?;
    let one = time!(01:00);
    Ok((spring.with_time(one).assume_utc(), autumn.with_time(one).assume_utc()))
}

/// Swedish time's UTC offset at an instant.
///
/// # Example
/// ```
/// use imy_breach::StockholmOffset;
/// use time::macros::datetime;
/// let at = |t| imy_breach::stockholm::offset_at(t).unwrap();
/// assert_eq!(at(datetime!(2025-03-30 00:59:59 UTC)), StockholmOffset::Cet);
/// assert_eq!(at(datetime!(2025-03-30 01:00 UTC)), StockholmOffset::Cest);
/// ```
///
/// # Errors
/// [`LocalTimeError::OutOfRange`] when the instant's Swedish local date is outside
/// [`FIRST_DATE`]..=[`LAST_DATE`].
pub fn offset_at(instant: OffsetDateTime) -> Result<StockholmOffset, LocalTimeError> {
    to_local(instant).map(|t| stockholm_offset(t.offset()))
}

/// The same instant at Swedish time's offset: use `.date()` and `.time()` of the result for the
/// Swedish wall clock.
///
/// # Example
/// ```
/// use time::macros::datetime;
/// use time::format_description::well_known::Rfc3339;
/// let local = imy_breach::stockholm::to_local(datetime!(2025-10-26 00:30 UTC))?;
/// assert_eq!(local.format(&Rfc3339)?, "2025-10-26T02:30:00+02:00");
/// let local = imy_breach::stockholm::to_local(datetime!(2025-10-26 01:30 UTC))?;
/// assert_eq!(local.format(&Rfc3339)?, "2025-10-26T02:30:00+01:00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// [`LocalTimeError::OutOfRange`] when the instant's Swedish local date is outside
/// [`FIRST_DATE`]..=[`LAST_DATE`].
pub fn to_local(instant: OffsetDateTime) -> Result<OffsetDateTime, LocalTimeError> {
    let t = instant.unix_timestamp();
    let table = summer_table();
    // A UTC date one day outside the range can still be a local date inside it (and back).
    if !(table.earliest..table.until).contains(&t) {
        return Err(LocalTimeError::OutOfRange { date: instant.to_offset(UtcOffset::UTC).date() });
    }
    // The last change at or before the instant says which time it is: summer time after a spring
    // change. The table is in order, one (spring, autumn) pair a year.
    let after = table.springs_until(t);
    let summer = after > 0 && t < table.changes[after - 1].1;
    let local = instant.to_offset(if summer { CEST } else { CET });
    check_date(local.date())?;
    Ok(local)
}

/// The summer-time changes of every year a conversion can meet, as Unix timestamps, computed once
/// (converting instants is the deadline engine's most frequent operation).
struct SummerTable {
    /// 1949-12-31 00:00 UTC: the earliest instant answered for.
    earliest: i64,
    /// 1980-01-01 00:00 UTC: the year of the first row of `changes`.
    from: i64,
    /// 2102-01-01 00:00 UTC.
    until: i64,
    /// (start, end) of summer time, a year each, in order.
    changes: Vec<(i64, i64)>,
}

impl SummerTable {
    /// How many spring changes are at or before `t` (the table's partition point): found from the
    /// year `t` falls in, which an average year's length estimates to within a step.
    fn springs_until(&self, t: i64) -> usize {
        /// The average Gregorian year: 365.2425 days.
        const YEAR: i64 = 31_556_952;
        let changes = &self.changes;
        let estimate = usize::try_from((t - self.from).div_euclid(YEAR)).unwrap_or(0);
        let mut after = estimate.min(changes.len());
        while after < changes.len() && changes[after].0 <= t {
            after += 1;
        }
        while after > 0 && changes[after - 1].0 > t {
            after -= 1;
        }
        after
    }
}

fn summer_table() -> &'static SummerTable {
    static TABLE: std::sync::OnceLock<SummerTable> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let one = time!(01:00);
        let at = |d: Date| d.with_time(one).assume_utc().unix_timestamp();
        let years = FIRST_SUMMER..=LAST_DATE.year() + 1;
        let first = Date::from_calendar_date(*years.start(), Month::January, 1).unwrap_or(FIRST_DATE);
        let after = Date::from_calendar_date(*years.end() + 1, Month::January, 1).unwrap_or(LAST_DATE);
        let earliest = FIRST_DATE.previous_day().unwrap_or(FIRST_DATE);
        SummerTable {
            earliest: earliest.midnight().assume_utc().unix_timestamp(),
            from: first.midnight().assume_utc().unix_timestamp(),
            until: after.midnight().assume_utc().unix_timestamp(),
            changes: years
                .filter_map(change_dates)
                .map(|(spring, autumn)| (at(spring), at(autumn)))
                .collect(),
        }
    })
}

/// What a Swedish wall-clock date and time is, as instants.
///
/// # Example
/// ```
/// use imy_breach::stockholm::{lookup, LocalLookup};
/// use time::macros::datetime;
/// assert!(matches!(lookup(datetime!(2025-03-30 02:30))?, LocalLookup::Gap { .. }));
/// assert!(matches!(lookup(datetime!(2025-10-26 02:30))?, LocalLookup::Fold { .. }));
/// assert!(matches!(lookup(datetime!(2025-10-26 03:00))?, LocalLookup::Single(_)));
/// # Ok::<(), imy_breach::stockholm::LocalTimeError>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum LocalLookup {
    /// The wall-clock time occurs once: this instant, at its offset.
    Single(OffsetDateTime),
    /// The wall-clock time occurs twice (02:00–02:59 on the night summer time ends).
    Fold {
        /// The first occurrence, in summer time (`+02:00`).
        earlier: OffsetDateTime,
        /// The second occurrence, an hour later, in normal time (`+01:00`).
        later: OffsetDateTime,
    },
    /// The wall-clock time does not occur (02:00–02:59 on the night summer time begins).
    Gap {
        /// The instant the clocks jumped from 02:00 to 03:00 (01:00 UTC), at `+02:00`.
        transition: OffsetDateTime,
    },
}

/// Classifies a Swedish wall-clock date and time (any precision) as occurring once, twice or
/// never.
///
/// # Example
/// ```
/// use imy_breach::stockholm::{lookup, LocalLookup};
/// use time::macros::datetime;
/// let LocalLookup::Fold { earlier, later } = lookup(datetime!(2025-10-26 02:30))? else { panic!() };
/// assert_eq!(later - earlier, time::Duration::HOUR);
/// # Ok::<(), imy_breach::stockholm::LocalTimeError>(())
/// ```
///
/// # Errors
/// [`LocalTimeError::OutOfRange`] when the date is outside [`FIRST_DATE`]..=[`LAST_DATE`].
pub fn lookup(datetime: PrimitiveDateTime) -> Result<LocalLookup, LocalTimeError> {
    let date = datetime.date();
    check_date(date)?;
    let Some((spring, autumn)) = change_dates(date.year()) else {
        return Ok(LocalLookup::Single(datetime.assume_offset(CET)));
    };
    let t = datetime.time();
    let in_change_hour = (TWO..THREE).contains(&t);
    if date == spring && in_change_hour {
        return Ok(LocalLookup::Gap { transition: spring.with_time(THREE).assume_offset(CEST) });
    }
    if date == autumn && in_change_hour {
        return Ok(LocalLookup::Fold {
            earlier: datetime.assume_offset(CEST),
            later: datetime.assume_offset(CET),
        });
    }
    let summer = (spring.with_time(THREE)..autumn.with_time(TWO)).contains(&datetime);
    Ok(LocalLookup::Single(datetime.assume_offset(if summer { CEST } else { CET })))
}

/// A form date and time resolved to an instant: see [`to_instant`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Resolved {
    /// The instant, at Swedish time's offset then.
    pub instant: OffsetDateTime,
    /// `true` when the wall-clock time occurred twice and no offset chose: `instant` is then the
    /// earlier of the two, and a warning should say so ([`Resolved::ambiguity_message`]).
    pub ambiguous: bool,
}

impl Resolved {
    /// Swedish time's offset at the instant.
    pub fn offset(&self) -> StockholmOffset {
        stockholm_offset(self.instant.offset())
    }

    /// When [`ambiguous`](Resolved::ambiguous): the other, later occurrence of the same wall-clock
    /// time (an hour later, at `+01:00`).
    pub fn later(&self) -> Option<OffsetDateTime> {
        self.ambiguous.then(|| (self.instant + time::Duration::HOUR).to_offset(CET))
    }

    /// When [`ambiguous`](Resolved::ambiguous): a warning saying which instant was taken and how to
    /// choose the other (warning code [`AMBIGUOUS_CODE`]).
    ///
    /// # Example
    /// ```
    /// use imy_breach::{stockholm::to_instant, Lang};
    /// let r = to_instant("2025-10-26".parse()?, Some("02:30".parse()?), None)?;
    /// assert!(r.ambiguous);
    /// let msg = r.ambiguity_message(Lang::En).unwrap();
    /// assert!(msg.contains("occurs twice") && msg.contains("+01:00"), "{msg}");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn ambiguity_message(&self, lang: Lang) -> Option<String> {
        if !self.ambiguous {
            return None;
        }
        let at = wall(PrimitiveDateTime::new(self.instant.date(), self.instant.time()));
        Some(match lang {
            Lang::Sv => format!(
                "{at} inträffar två gånger i svensk tid (klockan ställdes tillbaka från 03:00 till 02:00 \
                 när sommartiden slutade): den första, {at}+02:00 (sommartid), används. Ange \
                 UTC-förskjutningen +01:00 för den andra."
            ),
            _ => format!(
                "{at} occurs twice in Swedish time (the clocks went back from 03:00 to 02:00 when summer \
                 time ended): the earlier one, {at}+02:00 (summer time), is used. Give the UTC offset \
                 +01:00 to mean the later one."
            ),
        })
    }
}

/// Turns a form date and time in Swedish local time into an instant.
///
/// `time: None` means the start of the day (00:00), the earliest moment of that date. `offset`
/// chooses between the two occurrences of a wall-clock time on the night summer time ends; anywhere
/// else it must agree with the date, or is an error.
///
/// # Example
/// ```
/// use imy_breach::{stockholm::to_instant, StockholmOffset};
/// use time::format_description::well_known::Rfc3339;
/// let d = "2025-10-26".parse()?;
/// let t = Some("02:30".parse()?);
///
/// let first = to_instant(d, t, None)?;
/// assert_eq!(first.instant.format(&Rfc3339)?, "2025-10-26T02:30:00+02:00");
/// assert!(first.ambiguous);
///
/// let second = to_instant(d, t, Some(StockholmOffset::Cet))?;
/// assert_eq!(second.instant.format(&Rfc3339)?, "2025-10-26T02:30:00+01:00");
/// assert!(!second.ambiguous);
///
/// let midnight = to_instant("2025-07-01".parse()?, None, None)?;
/// assert_eq!(midnight.instant.format(&Rfc3339)?, "2025-07-01T00:00:00+02:00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// - [`LocalTimeError::Gap`] for a time in the hour skipped when summer time begins (02:00–02:59 on
///   the night summer time begins), whatever the offset;
/// - [`LocalTimeError::UtcOffsetMismatch`] for an offset Swedish time does not have then;
/// - [`LocalTimeError::OutOfRange`] for a date outside [`FIRST_DATE`]..=[`LAST_DATE`].
pub fn to_instant(
    date: LocalDate,
    time: Option<WallClockTime>,
    offset: Option<StockholmOffset>,
) -> Result<Resolved, LocalTimeError> {
    let datetime = date.date().with_time(time.map_or(Time::MIDNIGHT, WallClockTime::time));
    match lookup(datetime)? {
        LocalLookup::Single(instant) => match offset {
            Some(given) if utc_offset(given) != instant.offset() => Err(LocalTimeError::UtcOffsetMismatch {
                datetime,
                given,
                actual: stockholm_offset(instant.offset()),
            }),
            _ => Ok(Resolved { instant, ambiguous: false }),
        },
        LocalLookup::Fold { earlier, later } => Ok(match offset {
            None => Resolved { instant: earlier, ambiguous: true },
            Some(StockholmOffset::Cest) => Resolved { instant: earlier, ambiguous: false },
            Some(StockholmOffset::Cet) => Resolved { instant: later, ambiguous: false },
        }),
        LocalLookup::Gap { .. } => Err(LocalTimeError::Gap { datetime }),
    }
}

/// Resolves a wall-clock date and time the way periods counted in days and months land: a time in
/// the fold is the earlier occurrence; a time in the gap moves forward by the hour skipped (02:30
/// becomes 03:30 summer time).
pub(crate) fn resolve_lenient(datetime: PrimitiveDateTime) -> Result<OffsetDateTime, LocalTimeError> {
    Ok(match lookup(datetime)? {
        LocalLookup::Single(t) => t,
        LocalLookup::Fold { earlier, .. } => earlier,
        LocalLookup::Gap { .. } => to_local(datetime.assume_offset(CET))?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    /// The year-indexed search agrees with a binary search: at every change and a second either
    /// side, and every six hours of the table's range.
    #[test]
    fn springs_until_is_the_partition_point() {
        let table = summer_table();
        let by_search = |t: i64| table.changes.partition_point(|&(spring, _)| spring <= t);
        let mut checked = 0;
        for &(spring, autumn) in &table.changes {
            for t in [spring - 1, spring, spring + 1, autumn - 1, autumn, autumn + 1] {
                assert_eq!(table.springs_until(t), by_search(t), "{t}");
                checked += 1;
            }
        }
        for t in (table.earliest - 86_400..table.until + 86_400).step_by(6 * 3600) {
            assert_eq!(table.springs_until(t), by_search(t), "{t}");
            checked += 1;
        }
        assert!(checked > 200_000, "{checked}");
    }

    /// The table-driven conversion agrees with the rule computed year by year, at every change
    /// and a second either side, and at the edges of the range.
    #[test]
    fn to_local_agrees_with_the_rule_at_every_change() {
        let by_rule = |instant: OffsetDateTime| {
            let utc = instant.to_offset(UtcOffset::UTC);
            let Some((spring, autumn)) = change_dates(utc.year()) else { return utc.to_offset(CET) };
            let one = time!(01:00);
            let summer = (spring.with_time(one)..autumn.with_time(one))
                .contains(&PrimitiveDateTime::new(utc.date(), utc.time()));
            utc.to_offset(if summer { CEST } else { CET })
        };
        for year in 1980..=2100 {
            let (spring, autumn) = summer_time(year).unwrap();
            for at in [spring, autumn] {
                for delta in [-3601, -1, 0, 1, 3600] {
                    let t = at + time::Duration::seconds(delta);
                    let ours = to_local(t).unwrap();
                    assert_eq!((ours, ours.offset()), (by_rule(t), by_rule(t).offset()), "{t}");
                }
            }
        }
        assert!(to_local(datetime!(1948-12-31 23:59:59 UTC)).is_err());
        assert_eq!(to_local(datetime!(1975-07-01 12:00 UTC)).unwrap().offset(), CET);
        assert!(to_local(datetime!(2102-01-01 00:00 UTC)).is_err());
        assert!(to_local(OffsetDateTime::new_utc(Date::MIN, time!(00:00))).is_err());
        assert!(to_local(OffsetDateTime::new_utc(Date::MAX, time!(23:59))).is_err());
    }

    #[test]
    fn last_sunday_agrees_with_time_for_every_year() {
        for year in -9999..=9999 {
            for month in [Month::March, Month::October] {
                let last = Date::from_calendar_date(year, month, 31).unwrap();
                let expected =
                    last - time::Duration::days(i64::from(last.weekday().number_days_from_sunday()));
                assert_eq!(last_sunday(year, month), Some(expected), "{year} {month}");
            }
        }
    }

    #[test]
    fn change_dates_of_known_years() {
        assert_eq!(change_dates(1979), None);
        assert_eq!(change_dates(1980), Some((date!(1980 - 04 - 06), date!(1980 - 09 - 28))));
        assert_eq!(change_dates(1981), Some((date!(1981 - 03 - 29), date!(1981 - 09 - 27))));
        assert_eq!(change_dates(1995), Some((date!(1995 - 03 - 26), date!(1995 - 09 - 24))));
        assert_eq!(change_dates(1996), Some((date!(1996 - 03 - 31), date!(1996 - 10 - 27))));
        assert_eq!(change_dates(2024), Some((date!(2024 - 03 - 31), date!(2024 - 10 - 27))));
        assert_eq!(change_dates(2100), Some((date!(2100 - 03 - 28), date!(2100 - 10 - 31))));
    }

    #[test]
    fn range_edges() {
        assert!(to_local(datetime!(1949-12-31 23:00 UTC)).is_ok());
        assert!(matches!(
            to_local(datetime!(1949-12-31 22:59 UTC)),
            Err(LocalTimeError::OutOfRange { date }) if date == date!(1949 - 12 - 31)
        ));
        assert!(to_local(datetime!(2100-12-31 22:59 UTC)).is_ok());
        assert!(matches!(
            to_local(datetime!(2100-12-31 23:00 UTC)),
            Err(LocalTimeError::OutOfRange { date }) if date == date!(2101 - 01 - 01)
        ));
        assert!(to_local(datetime!(9999-12-31 23:59 UTC)).is_err());
        assert!(to_local(datetime!(-9999-01-01 0:00 UTC)).is_err());
        assert!(summer_time(1979).is_err() && summer_time(2101).is_err());
        assert!(
            matches!(lookup(datetime!(1979-10-28 02:30)), Ok(LocalLookup::Single(t)) if t.offset() == CET)
        );
    }

    #[test]
    fn gap_and_fold_edges() {
        assert!(
            matches!(lookup(datetime!(2025-03-30 01:59:59)), Ok(LocalLookup::Single(t)) if t.offset() == CET)
        );
        assert!(matches!(lookup(datetime!(2025-03-30 02:00)), Ok(LocalLookup::Gap { .. })));
        assert!(matches!(lookup(datetime!(2025-03-30 02:59:59)), Ok(LocalLookup::Gap { .. })));
        assert!(
            matches!(lookup(datetime!(2025-03-30 03:00)), Ok(LocalLookup::Single(t)) if t.offset() == CEST)
        );
        assert!(
            matches!(lookup(datetime!(2025-10-26 01:59:59)), Ok(LocalLookup::Single(t)) if t.offset() == CEST)
        );
        assert!(matches!(lookup(datetime!(2025-10-26 02:00)), Ok(LocalLookup::Fold { .. })));
        assert!(
            matches!(lookup(datetime!(2025-10-26 03:00)), Ok(LocalLookup::Single(t)) if t.offset() == CET)
        );
    }

    #[test]
    fn lenient_resolution_moves_out_of_the_gap() {
        let t = resolve_lenient(datetime!(2025-03-30 02:30)).unwrap();
        assert_eq!((t.hour(), t.minute(), t.offset()), (3, 30, CEST));
        let t = resolve_lenient(datetime!(2025-10-26 02:30)).unwrap();
        assert_eq!(t.offset(), CEST);
    }

    #[test]
    fn display_has_code_and_english_message() {
        let e = LocalTimeError::Gap { datetime: datetime!(2025-03-30 02:30) };
        assert_eq!(
            e.to_string(),
            "[local-time-gap] 2025-03-30 02:30 does not exist in Swedish time: the clocks went forward \
             from 02:00 to 03:00 when summer time began. Give a time before 02:00 or from 03:00 on."
        );
    }
}
