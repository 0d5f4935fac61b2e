//! Bilingual texts and the formats of instants and durations the schedule shows.

use std::fmt;

use time::{Duration, OffsetDateTime};

/// `YYYY-MM-DD HH:MM +01:00`, with `:SS` when the seconds are not zero.
#[derive(Debug, Clone, Copy)]
pub(super) struct LocalText(pub(super) OffsetDateTime);

impl fmt::Display for LocalText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = self.0;
        write!(
            f,
            "{:04}-{:02}-{:02} {:02}:{:02}",
            t.year(),
            u8::from(t.month()),
            t.day(),
            t.hour(),
            t.minute()
        )?;
        if t.second() != 0 {
            write!(f, ":{:02}", t.second())?;
        }
        let (hours, minutes, _) = t.offset().as_hms();
        write!(f, " {hours:+03}:{:02}", minutes.unsigned_abs())
    }
}

/// `2 d 3 h 15 min`, `45 h 0 min`, `0 min`: days, hours and minutes of a non-negative duration
/// (seconds rounded down).
///
/// # Example
/// ```
/// use imy_breach::deadline::human_duration;
/// assert_eq!(human_duration(time::Duration::hours(45)), "1 d 21 h 0 min");
/// assert_eq!(human_duration(time::Duration::minutes(90)), "1 h 30 min");
/// assert_eq!(human_duration(time::Duration::seconds(59)), "0 min");
/// ```
pub fn human_duration(d: Duration) -> String {
    let total = d.abs().whole_minutes();
    let (days, hours, minutes) = (total / 1440, (total / 60) % 24, total % 60);
    if days > 0 {
        format!("{days} d {hours} h {minutes} min")
    } else if hours > 0 {
        format!("{hours} h {minutes} min")
    } else {
        format!("{minutes} min")
    }
}

/// `PT45H`, `PT1H30M`, `PT0S`, `-PT2H`: an ISO 8601 duration in hours, minutes and seconds (no
/// days, which are not always 24 hours in Swedish time).
///
/// # Example
/// ```
/// use imy_breach::deadline::iso_duration;
/// assert_eq!(iso_duration(time::Duration::hours(72)), "PT72H");
/// assert_eq!(iso_duration(time::Duration::minutes(-90)), "-PT1H30M");
/// assert_eq!(iso_duration(time::Duration::ZERO), "PT0S");
/// ```
pub fn iso_duration(d: Duration) -> String {
    let sign = if d.is_negative() { "-" } else { "" };
    let secs = d.abs().whole_seconds();
    let (h, m, s) = (secs / 3600, (secs / 60) % 60, secs % 60);
    let mut out = format!("{sign}PT");
    if h > 0 {
        out.push_str(&format!("{h}H"));
    }
    if m > 0 {
        out.push_str(&format!("{m}M"));
    }
    if s > 0 || (h == 0 && m == 0) {
        out.push_str(&format!("{s}S"));
    }
    out
}

pub(super) fn hours_text(d: Duration) -> String {
    let minutes = d.whole_minutes();
    if minutes % 60 == 0 {
        format!("{} h", minutes / 60)
    } else {
        format!("{} h {} min", minutes / 60, minutes % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn local_text_shows_the_offset() {
        assert_eq!(LocalText(datetime!(2025-04-01 11:00 +02:00)).to_string(), "2025-04-01 11:00 +02:00");
        assert_eq!(LocalText(datetime!(2025-01-01 11:00 +01:00)).to_string(), "2025-01-01 11:00 +01:00");
        assert_eq!(
            LocalText(datetime!(2025-01-01 11:00:30 +01:00)).to_string(),
            "2025-01-01 11:00:30 +01:00"
        );
    }
}
