//! Counting a period from an event in Swedish time, under either policy.

use time::{Date, Duration, Month, OffsetDateTime, PrimitiveDateTime};

use crate::time::calendar::{self, DayKind};
use crate::time::stockholm::{self, resolve_lenient, to_local, LocalTimeError};

use super::duties::{CountingLaw, CountingPolicy, Period};

/// Where a period starts being counted and where it ends: see [`period_end`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct PeriodEnd {
    /// Where counting starts: the event under [`CountingPolicy::Elapsed`], the next full hour (or
    /// day) under [`CountingPolicy::Legal`] (the event for hours under lag (1930:173)). At Swedish
    /// time's offset.
    pub counting_from: OffsetDateTime,
    /// The deadline, at Swedish time's offset.
    pub deadline: OffsetDateTime,
    /// The last day was moved off a Saturday, Sunday, holiday or eve (under
    /// [`CountingPolicy::Legal`] only; never for a period in hours).
    pub moved: Option<Moved>,
}

/// A last day moved by a calendar rule: see [`PeriodEnd::moved`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Moved {
    /// The last day as counted.
    pub from: Date,
    /// What kind of day it is.
    pub kind: DayKind,
    /// The last day after Regulation 1182/71 Art. 3(4) or lag (1930:173) § 2.
    pub to: Date,
    /// The rule that moved it.
    pub law: CountingLaw,
    /// The last day after Regulation 1182/71 Art. 3(5) (two working days at least), when that
    /// lengthened the period further.
    pub two_working_days: Option<Date>,
}

/// Moves a last day by the law's calendar rule; `None` when it stays.
fn move_last_day(first: Date, last: Date, period: Period, law: CountingLaw) -> Option<Moved> {
    let next = |mut d: Date, ok: fn(Date) -> bool| {
        while !ok(d) {
            d = d.next_day()?;
        }
        Some(d)
    };
    let (to, two) = match law {
        CountingLaw::Practice => return None,
        CountingLaw::Sfs1930 => (next(last, calendar::is_weekday_1930)?, None),
        CountingLaw::Reg1182 => {
            let to = next(last, calendar::is_working_day)?;
            // Art. 3(5): a period of two days or more includes at least two working days.
            let long = !matches!(period, Period::Days(0 | 1));
            let mut end = to;
            let mut working = (0..=(to - first).whole_days())
                .filter_map(|i| first.checked_add(Duration::days(i)))
                .filter(|&d| calendar::is_working_day(d))
                .count();
            while long && working < 2 {
                end = next(end.next_day()?, calendar::is_working_day)?;
                working += 1;
            }
            (to, (end != to).then_some(end))
        }
    };
    (to != last || two.is_some()).then(|| Moved {
        from: last,
        kind: calendar::day_kind(last),
        to,
        law,
        two_working_days: two,
    })
}

fn beyond_range() -> LocalTimeError {
    LocalTimeError::OutOfRange { date: stockholm::LAST_DATE.next_day().unwrap_or(Date::MAX) }
}

fn add_months(date: Date, months: u32) -> Option<Date> {
    let index = i64::from(date.year()) * 12 + i64::from(u8::from(date.month())) - 1 + i64::from(months);
    let year = i32::try_from(index.div_euclid(12)).ok()?;
    let month = Month::try_from(u8::try_from(index.rem_euclid(12) + 1).ok()?).ok()?;
    let day = date.day().min(month.length(year));
    Date::from_calendar_date(year, month, day).ok()
}

/// The last day of a calendar period that starts on `date` (the day of the event), in days from
/// it: `date` + n days, + 7n days, or the same date n months later (the month's last day when it
/// has no such date).
fn last_day(date: Date, period: Period) -> Option<Date> {
    match period {
        Period::Days(n) => date.checked_add(Duration::days(i64::from(n))),
        Period::Weeks(n) => date.checked_add(Duration::weeks(i64::from(n))),
        Period::Months(n) => add_months(date, n),
        Period::Hours(_) | Period::WithoutUndueDelay => None,
    }
}

/// Counts a period set by an EU regulation from an event: where counting starts and the deadline,
/// in Swedish time. `Ok(None)` for [`Period::WithoutUndueDelay`]. See [`period_end_by`] for a
/// period set by another law.
///
/// # Example
/// ```
/// use imy_breach::deadline::{period_end, CountingPolicy, Period};
/// use time::format_description::well_known::Rfc3339;
/// use time::macros::datetime;
///
/// let aware = datetime!(2025-10-24 10:20 +02:00);
/// let e = period_end(aware, Period::Hours(72), CountingPolicy::Elapsed)?.unwrap();
/// assert_eq!(e.deadline.format(&Rfc3339)?, "2025-10-27T09:20:00+01:00");
/// let r = period_end(aware, Period::Hours(72), CountingPolicy::Legal)?.unwrap();
/// assert_eq!(r.counting_from.format(&Rfc3339)?, "2025-10-24T11:00:00+02:00");
/// assert_eq!(r.deadline.format(&Rfc3339)?, "2025-10-27T10:00:00+01:00");
/// let m = period_end(datetime!(2025-01-31 10:00 +01:00), Period::Months(1), CountingPolicy::Elapsed)?.unwrap();
/// assert_eq!(m.deadline.format(&Rfc3339)?, "2025-02-28T10:00:00+01:00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// [`LocalTimeError::OutOfRange`] when the event or the deadline is outside the supported dates
/// (Swedish local dates from [`FIRST_DATE`](crate::stockholm::FIRST_DATE) to 2100-12-31).
pub fn period_end(
    event: OffsetDateTime,
    period: Period,
    policy: CountingPolicy,
) -> Result<Option<PeriodEnd>, LocalTimeError> {
    period_end_by(event, period, policy, CountingLaw::Reg1182)
}

/// [`period_end`] for a period set by the given law: under [`CountingPolicy::Legal`], a period in
/// days, weeks or months whose last day is no working day (Regulation 1182/71 Art. 3(4)–(5)) or no
/// weekday (lag (1930:173) § 2) ends with the next one; a period in hours is never moved, and under
/// lag (1930:173) it is elapsed time from the event.
///
/// # Example
/// ```
/// use imy_breach::deadline::{period_end_by, CountingLaw, CountingPolicy, Period};
/// use time::format_description::well_known::Rfc3339;
/// use time::macros::datetime;
/// // One month from 2026-05-19 ends on Midsommarafton 2026-06-19: moved to Monday 2026-06-22.
/// let e = period_end_by(datetime!(2026-05-19 10:00 +02:00), Period::Months(1), CountingPolicy::Legal,
///     CountingLaw::Sfs1930)?.unwrap();
/// assert_eq!(e.deadline.format(&Rfc3339)?, "2026-06-23T00:00:00+02:00");
/// assert_eq!(e.moved.unwrap().to.to_string(), "2026-06-22");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// As [`period_end`].
pub fn period_end_by(
    event: OffsetDateTime,
    period: Period,
    policy: CountingPolicy,
    law: CountingLaw,
) -> Result<Option<PeriodEnd>, LocalTimeError> {
    let event = to_local(event)?;
    let mut moved = None;
    let (from, deadline) = match (period, policy) {
        (Period::WithoutUndueDelay, _) => return Ok(None),
        (Period::Hours(h), _) => {
            let from = match (policy, law) {
                (CountingPolicy::Legal, CountingLaw::Reg1182 | CountingLaw::Practice) => {
                    event.truncate_to_hour().checked_add(Duration::HOUR).ok_or_else(beyond_range)?
                }
                _ => event,
            };
            (from, from.checked_add(Duration::hours(i64::from(h))).ok_or_else(beyond_range)?)
        }
        (_, CountingPolicy::Elapsed) => {
            let last = last_day(event.date(), period).ok_or_else(beyond_range)?;
            (event, resolve_lenient(PrimitiveDateTime::new(last, event.time()))?)
        }
        (_, _) => {
            let next = event.date().next_day().ok_or_else(beyond_range)?;
            let mut last = last_day(event.date(), period).ok_or_else(beyond_range)?;
            moved = move_last_day(next, last, period, law);
            if let Some(m) = moved {
                last = m.two_working_days.unwrap_or(m.to);
            }
            let end = last.next_day().ok_or_else(beyond_range)?;
            (resolve_lenient(next.midnight())?, resolve_lenient(end.midnight())?)
        }
    };
    Ok(Some(PeriodEnd { counting_from: to_local(from)?, deadline: to_local(deadline)?, moved }))
}

/// The GDPR Art. 33(1) deadline: 72 hours after awareness under the given policy, at Swedish
/// time's offset.
///
/// # Example
/// ```
/// use imy_breach::deadline::{gdpr_deadline, CountingPolicy};
/// use time::format_description::well_known::Rfc3339;
/// use time::macros::datetime;
/// let d = gdpr_deadline(datetime!(2025-03-28 10:00 +01:00), CountingPolicy::Elapsed)?;
/// assert_eq!(d.format(&Rfc3339)?, "2025-03-31T11:00:00+02:00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// [`LocalTimeError::OutOfRange`] when awareness or the deadline is outside the supported dates.
pub fn gdpr_deadline(
    awareness: OffsetDateTime,
    policy: CountingPolicy,
) -> Result<OffsetDateTime, LocalTimeError> {
    let end = period_end(awareness, Period::Hours(72), policy)?;
    end.map(|e| e.deadline).ok_or_else(beyond_range)
}

/// A daylight-saving change in Swedish time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Change {
    /// Summer time begins: the clocks go from 02:00 to 03:00.
    Spring,
    /// Summer time ends: the clocks go from 03:00 back to 02:00.
    Autumn,
}

/// Daylight-saving changes strictly after `from` and at or before `to`.
pub(super) fn changes_between(from: OffsetDateTime, to: OffsetDateTime) -> Vec<(OffsetDateTime, Change)> {
    let mut out = Vec::new();
    for year in from.year()..=to.year() {
        if let Ok((spring, autumn)) = stockholm::summer_time(year) {
            for (t, change) in [(spring, Change::Spring), (autumn, Change::Autumn)] {
                if from < t && t <= to {
                    out.push((t, change));
                }
            }
        }
    }
    out
}

pub(super) fn wall_span(from: OffsetDateTime, to: OffsetDateTime) -> Duration {
    PrimitiveDateTime::new(to.date(), to.time()) - PrimitiveDateTime::new(from.date(), from.time())
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn add_months_clamps_to_the_end_of_the_month() {
        assert_eq!(add_months(date!(2025 - 01 - 31), 1), Some(date!(2025 - 02 - 28)));
        assert_eq!(add_months(date!(2024 - 01 - 31), 1), Some(date!(2024 - 02 - 29)));
        assert_eq!(add_months(date!(2025 - 12 - 15), 1), Some(date!(2026 - 01 - 15)));
        assert_eq!(add_months(date!(2025 - 03 - 31), 13), Some(date!(2026 - 04 - 30)));
    }

    #[test]
    fn changes_between_is_half_open() {
        let (spring, _) = stockholm::summer_time(2025).unwrap();
        assert_eq!(changes_between(spring, spring + Duration::HOUR), vec![]);
        assert_eq!(changes_between(spring - Duration::SECOND, spring), vec![(spring, Change::Spring)]);
    }
}
