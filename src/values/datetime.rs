//! Dates and times as the form writes them: a Swedish local date (`YYYY-MM-DD`), a wall-clock time
//! (`HH:MM`), an explicit UTC offset for the hour that occurs twice in October, and an RFC 3339
//! timestamp for `submittedAt`.
//!
//! The `time` crate's own serde formats are never used on the wire (they write arrays); each type here
//! reads and writes its text form itself.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use time::format_description::well_known::Rfc3339;
use time::{Date, Month, OffsetDateTime, Time};

use crate::values::error::FieldError;

/// The schema pattern of [`WallClockTime`].
pub const WALL_CLOCK_PATTERN: &str = "^([01][0-9]|2[0-3]):[0-5][0-9]$";

/// A calendar date in Swedish local time, written `YYYY-MM-DD` (years 0000–9999).
///
/// # Example
/// ```
/// use imy_breach::LocalDate;
/// let d: LocalDate = "2024-02-29".parse().unwrap();
/// assert_eq!(d.to_string(), "2024-02-29");
/// assert!("2023-02-29".parse::<LocalDate>().is_err());
/// assert!("2024-2-29".parse::<LocalDate>().is_err());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct LocalDate(Date);

fn digits(b: &[u8]) -> Option<u32> {
    if b.is_empty() || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
}

impl LocalDate {
    /// Reads `YYYY-MM-DD`.
    ///
    /// # Errors
    /// [`FieldError::Date`] when the text is not in that form or the date does not exist.
    pub fn parse(text: &str) -> Result<Self, FieldError> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(FieldError::Date);
        }
        let (Some(y), Some(m), Some(d)) = (digits(&b[..4]), digits(&b[5..7]), digits(&b[8..])) else {
            return Err(FieldError::Date);
        };
        let month = u8::try_from(m).ok().and_then(|m| Month::try_from(m).ok()).ok_or(FieldError::Date)?;
        let day = u8::try_from(d).map_err(|_| FieldError::Date)?;
        let year = i32::try_from(y).map_err(|_| FieldError::Date)?;
        Date::from_calendar_date(year, month, day).map(LocalDate).map_err(|_| FieldError::Date)
    }

    /// Wraps a `time::Date`.
    ///
    /// # Errors
    /// [`FieldError::Date`] when the year is outside 0000–9999.
    pub fn from_date(date: Date) -> Result<Self, FieldError> {
        if (0..=9999).contains(&date.year()) {
            Ok(LocalDate(date))
        } else {
            Err(FieldError::Date)
        }
    }

    /// The `time::Date`.
    pub fn date(self) -> Date {
        self.0
    }
}

impl fmt::Display for LocalDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.0.year(), u8::from(self.0.month()), self.0.day())
    }
}

impl fmt::Debug for LocalDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "LocalDate({self})")
    }
}

impl std::str::FromStr for LocalDate {
    type Err = FieldError;
    fn from_str(s: &str) -> Result<Self, FieldError> {
        Self::parse(s)
    }
}

impl From<LocalDate> for String {
    fn from(d: LocalDate) -> String {
        d.to_string()
    }
}

/// A wall-clock time in Swedish local time, written `HH:MM` (00:00–23:59), as the form's
/// "Klockslag" fields take it.
///
/// # Example
/// ```
/// use imy_breach::WallClockTime;
/// let t: WallClockTime = "09:05".parse().unwrap();
/// assert_eq!((t.hour(), t.minute()), (9, 5));
/// assert!("24:00".parse::<WallClockTime>().is_err());
/// assert!("9:05".parse::<WallClockTime>().is_err());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct WallClockTime(Time);

impl WallClockTime {
    /// Reads `HH:MM`.
    ///
    /// # Errors
    /// [`FieldError::Time`] when the text is not in that form or out of range.
    pub fn parse(text: &str) -> Result<Self, FieldError> {
        let b = text.as_bytes();
        if b.len() != 5 || b[2] != b':' {
            return Err(FieldError::Time);
        }
        let (Some(h), Some(m)) = (digits(&b[..2]), digits(&b[3..])) else {
            return Err(FieldError::Time);
        };
        Self::from_hm(h, m)
    }

    /// The time `hour:minute`.
    ///
    /// # Errors
    /// [`FieldError::Time`] when hour > 23 or minute > 59.
    pub fn from_hm(hour: u32, minute: u32) -> Result<Self, FieldError> {
        let (h, m) = (
            u8::try_from(hour).map_err(|_| FieldError::Time)?,
            u8::try_from(minute).map_err(|_| FieldError::Time)?,
        );
        Time::from_hms(h, m, 0).map(WallClockTime).map_err(|_| FieldError::Time)
    }

    /// The hour, 0–23.
    pub fn hour(self) -> u8 {
        self.0.hour()
    }
    /// The minute, 0–59.
    pub fn minute(self) -> u8 {
        self.0.minute()
    }
    /// The `time::Time` (seconds zero).
    pub fn time(self) -> Time {
        self.0
    }
}

impl fmt::Display for WallClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0.hour(), self.0.minute())
    }
}

impl fmt::Debug for WallClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "WallClockTime({self})")
    }
}

impl std::str::FromStr for WallClockTime {
    type Err = FieldError;
    fn from_str(s: &str) -> Result<Self, FieldError> {
        Self::parse(s)
    }
}

impl From<WallClockTime> for String {
    fn from(t: WallClockTime) -> String {
        t.to_string()
    }
}

/// Which of Swedish time's two UTC offsets a wall-clock time is in. Only needed for the hour that
/// occurs twice when summer time ends (02:00–02:59 on the last Sunday of October); elsewhere it must
/// agree with the date, and leaving it out is best.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum StockholmOffset {
    /// `+01:00`, normal time (CET).
    Cet,
    /// `+02:00`, summer time (CEST).
    Cest,
}

impl StockholmOffset {
    /// Reads `+01:00` or `+02:00`.
    ///
    /// # Errors
    /// [`FieldError::UtcOffset`] for anything else.
    pub fn parse(text: &str) -> Result<Self, FieldError> {
        match text {
            "+01:00" => Ok(StockholmOffset::Cet),
            "+02:00" => Ok(StockholmOffset::Cest),
            _ => Err(FieldError::UtcOffset),
        }
    }

    /// The offset from UTC in whole hours: 1 or 2.
    pub fn hours(self) -> i8 {
        match self {
            StockholmOffset::Cet => 1,
            StockholmOffset::Cest => 2,
        }
    }
    /// The wire form, `"+01:00"` or `"+02:00"`.
    pub fn as_str(self) -> &'static str {
        match self {
            StockholmOffset::Cet => "+01:00",
            StockholmOffset::Cest => "+02:00",
        }
    }
}

impl fmt::Display for StockholmOffset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl schemars::JsonSchema for StockholmOffset {
    fn schema_name() -> Cow<'static, str> {
        "StockholmOffset".into()
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "oneOf": [
                {"const": "+01:00", "title": "+01:00 (normal time, CET)",
                 "x-labels": {"sv": "+01:00 (normaltid)", "en": "+01:00 (normal time, CET)"}},
                {"const": "+02:00", "title": "+02:00 (summer time, CEST)",
                 "x-labels": {"sv": "+02:00 (sommartid)", "en": "+02:00 (summer time, CEST)"}},
            ],
        })
    }
}

/// An instant with its UTC offset, written in RFC 3339 (`2025-03-31T09:00:00+02:00`); used for
/// `submittedAt`. The offset given is kept, also `-00:00`, which RFC 3339 (section 4.3) gives a
/// meaning of its own: the time is in UTC and the local offset is unknown.
///
/// Written back, a timestamp is the same instant and offset in RFC 3339's usual form: `T` and `Z` in
/// upper case, `+00:00` as `Z`, the fraction of a second without trailing zeros (none when it is
/// zero) and cut to nine digits (nanoseconds), a leap second (`23:59:60`) as `23:59:59.999999999`.
///
/// # Example
/// ```
/// use imy_breach::Timestamp;
/// let t: Timestamp = "2025-03-31T09:00:00+02:00".parse().unwrap();
/// assert_eq!(t.to_string(), "2025-03-31T09:00:00+02:00");
/// assert!("2025-03-31 09:00".parse::<Timestamp>().is_err());
/// let utc: Timestamp = "2025-03-31t07:00:00.500z".parse().unwrap();
/// assert_eq!(utc.to_string(), "2025-03-31T07:00:00.5Z");
/// let unknown: Timestamp = "2025-03-31T07:00:00-00:00".parse().unwrap();
/// assert!(unknown.offset_unknown());
/// assert_eq!(unknown.to_string(), "2025-03-31T07:00:00-00:00");
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Timestamp {
    at: OffsetDateTime,
    /// Written `-00:00`: in UTC, the local offset unknown (RFC 3339, section 4.3).
    offset_unknown: bool,
}

impl Timestamp {
    /// Reads RFC 3339.
    ///
    /// # Errors
    /// [`FieldError::Timestamp`] when the text is not RFC 3339 with an offset.
    pub fn parse(text: &str) -> Result<Self, FieldError> {
        let at = OffsetDateTime::parse(text, &Rfc3339).map_err(|_| FieldError::Timestamp)?;
        Ok(Timestamp { at, offset_unknown: text.ends_with("-00:00") })
    }
    /// Wraps an `OffsetDateTime` (its offset known).
    pub fn new(at: OffsetDateTime) -> Self {
        Timestamp { at, offset_unknown: false }
    }
    /// The instant with its offset (UTC when the offset is unknown).
    pub fn get(self) -> OffsetDateTime {
        self.at
    }
    /// Whether the timestamp was written with the offset `-00:00`: the time is in UTC and the local
    /// offset is unknown (RFC 3339, section 4.3). It is written back so.
    pub fn offset_unknown(self) -> bool {
        self.offset_unknown
    }
}

impl From<OffsetDateTime> for Timestamp {
    fn from(at: OffsetDateTime) -> Self {
        Timestamp::new(at)
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = self.at.format(&Rfc3339).map_err(|_| fmt::Error)?;
        match text.strip_suffix('Z') {
            Some(utc) if self.offset_unknown => write!(f, "{utc}-00:00"),
            _ => f.write_str(&text),
        }
    }
}

impl fmt::Debug for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Timestamp({self})")
    }
}

impl std::str::FromStr for Timestamp {
    type Err = FieldError;
    fn from_str(s: &str) -> Result<Self, FieldError> {
        Self::parse(s)
    }
}

impl From<Timestamp> for String {
    fn from(t: Timestamp) -> String {
        t.to_string()
    }
}

inline_schema! {
    LocalDate => schemars::json_schema!({"type": "string", "format": "date", "examples": ["2025-03-28"]});
    WallClockTime => schemars::json_schema!({"type": "string", "pattern": WALL_CLOCK_PATTERN, "examples": ["09:30"]});
    Timestamp => schemars::json_schema!({"type": "string", "format": "date-time", "examples": ["2025-03-31T09:00:00+02:00"]});
}

/// Reads and writes a type through its text form, without an intermediate `String`.
macro_rules! text_serde {
    ($($ty:ident: $expecting:literal;)+) => {$(
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl Visitor<'_> for V {
                    type Value = $ty;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str($expecting)
                    }
                    fn visit_str<E: de::Error>(self, v: &str) -> Result<$ty, E> {
                        $ty::parse(v).map_err(crate::values::error::reject)
                    }
                }
                d.deserialize_str(V)
            }
        }
    )+};
}

text_serde! {
    LocalDate: "a date YYYY-MM-DD as a string";
    WallClockTime: "a time HH:MM as a string";
    Timestamp: "an RFC 3339 timestamp as a string";
    StockholmOffset: "+01:00 or +02:00 as a string";
}

#[cfg(test)]
mod tests {
    use super::Timestamp;

    #[test]
    fn timestamps_are_written_back_in_the_usual_form_with_the_offset_kept() {
        for (read, written) in [
            ("2025-03-31T09:00:00+02:00", "2025-03-31T09:00:00+02:00"),
            ("2025-03-31T09:00:00.000+02:00", "2025-03-31T09:00:00+02:00"),
            ("2025-03-31T09:00:00.120+01:00", "2025-03-31T09:00:00.12+01:00"),
            ("2025-03-31T09:00:00.123456789123+02:00", "2025-03-31T09:00:00.123456789+02:00"),
            ("2025-03-31t07:00:00z", "2025-03-31T07:00:00Z"),
            ("2025-03-31T07:00:00+00:00", "2025-03-31T07:00:00Z"),
            ("2025-03-31T07:00:00-00:00", "2025-03-31T07:00:00-00:00"),
            ("2025-03-31T07:00:00.50-00:00", "2025-03-31T07:00:00.5-00:00"),
            ("2016-12-31T23:59:60Z", "2016-12-31T23:59:59.999999999Z"),
        ] {
            let t = Timestamp::parse(read).unwrap();
            assert_eq!(t.to_string(), written, "{read}");
            // Written back, it reads as itself.
            assert_eq!(Timestamp::parse(written), Ok(t), "{read}");
        }
        let unknown = Timestamp::parse("2025-03-31T07:00:00-00:00").unwrap();
        let utc = Timestamp::parse("2025-03-31T07:00:00Z").unwrap();
        assert!(unknown.offset_unknown() && !utc.offset_unknown());
        assert_eq!(unknown.get(), utc.get());
        assert_ne!(unknown, utc);
    }
}
