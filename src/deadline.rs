//! Deadlines: every clock a personal data breach starts, when each duty falls due in Swedish time,
//! and its status at a given moment.
//!
//! The library never reads the clock: the moment to judge at (`now`) is always a parameter.
//!
//! # What is counted
//!
//! The duties are rows of a table, [`RULES`]: a regime, a stage, the event that starts the clock
//! ([`Trigger`]), the period ([`Period`]), when the row applies, a title and the legal reference.
//! GDPR is always on; the other regimes a Swedish organisation can face for the same incident are
//! opt-in ([`Options::regime`]).
//!
//! | Regime | Stage | From | Period | Reference |
//! |---|---|---|---|---|
//! | GDPR | notification to IMY | awareness (question 11) | 72 h | Art. 33(1) |
//! | GDPR | supplement to IMY, when question 36 is Ja | the notification to IMY | 4 weeks | Art. 33(4) |
//! | GDPR | processor's notice to the controller | the processor's awareness | without undue delay, or a contractual window | Art. 33(2) |
//! | GDPR | information to the data subjects | awareness | without undue delay (status from questions 31–35) | Art. 34 |
//! | NIS2 | early warning | awareness | 24 h | Directive 2022/2555 Art. 23(4)(a) |
//! | NIS2 | incident notification | awareness | 72 h | Art. 23(4)(b) |
//! | NIS2 | final report | the incident notification | 1 month | Art. 23(4)(d) |
//! | ePrivacy | initial notification (telecom providers, to PTS) | detection (awareness) | 24 h | Regulation 611/2013 Art. 2(2) |
//! | ePrivacy | complete notification | the initial notification | 3 days | Art. 2(3) |
//!
//! A stage counted from an earlier stage (the supplement, the NIS2 final report, the complete
//! ePrivacy notification) runs from when that stage was completed ([`Facts::completed`],
//! `submittedAt` for the notification to IMY). While it is not completed, it runs from that stage's
//! deadline and is marked [`provisional`](Obligation::provisional): the latest the clock can start
//! if the earlier stage is done in time.
//!
//! # Counting policies
//!
//! - [`CountingPolicy::Elapsed`] (the default): hours are elapsed time, so across a daylight-saving
//!   change 72 hours are 71 or 73 hours on the clock. Days, weeks (7 days) and months end at the
//!   same Swedish wall-clock time on the same date that many days or months later; a month that has
//!   no such date ends on its last day. A wall-clock time that does not exist that day (02:xx when
//!   summer time begins) moves forward by the hour skipped; one that occurs twice is the earlier.
//! - [`CountingPolicy::Reg1182`], the stricter reading of Regulation (EEC, Euratom) No 1182/71:
//!   Art. 3(1), the hour (or day) during which the event occurs is not counted, so an hour period
//!   starts at the beginning of the next full hour — 10:00:00 and 10:59 both start at 11:00 — and
//!   runs that many elapsed hours. Periods in days, weeks and months start at the beginning of the
//!   next day and end with the expiry of the last day (Art. 3(2)(b) and (c)): 24:00, written 00:00
//!   of the following day. Art. 3(4), which extends a period ending on a Saturday, Sunday or public
//!   holiday, is not applied: it does not apply to periods in hours, and the day periods here are
//!   administrative practice rather than procedural time limits.
//!
//! When only the discovery date is known, the clock starts at 00:00 that day, the earliest
//! possible awareness, and every obligation counted from it says so
//! ([`Obligation::date_only`]).
//!
//! # Example
//! ```
//! use imy_breach::deadline::{schedule, Facts, Options, Stage, Status};
//! use time::format_description::well_known::Rfc3339;
//! use time::macros::datetime;
//!
//! let facts = Facts::new().aware_at(datetime!(2025-03-29 10:00 +01:00));
//! let s = schedule(&facts, &Options::new(), datetime!(2025-03-30 12:00 +02:00))?;
//! let imy = s.get(Stage::ImyNotification).unwrap();
//! assert_eq!(imy.deadline.unwrap().format(&Rfc3339)?, "2025-04-01T11:00:00+02:00");
//! assert_eq!(imy.status, Status::Open);
//! assert_eq!(imy.time_left(), Some(time::Duration::hours(47)));
//! assert!(imy.dst_change); // summer time began on 30 March: 73 hours on the clock
//! assert_eq!(imy.wall_clock, Some(time::Duration::hours(73)));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::{self, Write as _};

use serde::{Serialize, Serializer};
use time::format_description::well_known::Rfc3339;
use time::{Date, Duration, Month, OffsetDateTime, PrimitiveDateTime, UtcOffset};

use crate::choice::YesNo;
use crate::datetime::{LocalDate, StockholmOffset, WallClockTime};
use crate::incident::DiscoveryMethod;
use crate::information::DataSubjectInformation;
use crate::lang::Lang;
use crate::notification::Notification;
use crate::stockholm::{self, resolve_lenient, to_instant, to_local, LocalTimeError};

// ---------------------------------------------------------------------------------------------
// Policies, regimes, stages
// ---------------------------------------------------------------------------------------------

/// How periods are counted; see the [module documentation](self#counting-policies).
///
/// # Example
/// ```
/// use imy_breach::deadline::CountingPolicy;
/// assert_eq!(CountingPolicy::default(), CountingPolicy::Elapsed);
/// assert_eq!("reg1182".parse::<CountingPolicy>(), Ok(CountingPolicy::Reg1182));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
#[non_exhaustive]
pub enum CountingPolicy {
    /// Elapsed time: 72 hours are 72 × 3600 seconds from the event. Code `elapsed`.
    #[default]
    Elapsed,
    /// Regulation 1182/71 Art. 3: the hour (or day) of the event is not counted; counting starts at
    /// the beginning of the next full hour (or day). Code `reg1182`.
    Reg1182,
}

impl CountingPolicy {
    /// Every policy.
    pub const ALL: &'static [CountingPolicy] = &[CountingPolicy::Elapsed, CountingPolicy::Reg1182];

    /// The stable code: `"elapsed"` or `"reg1182"`.
    pub fn code(self) -> &'static str {
        match self {
            CountingPolicy::Elapsed => "elapsed",
            CountingPolicy::Reg1182 => "reg1182",
        }
    }

    /// A short description in the given language.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (CountingPolicy::Elapsed, Lang::Sv) => "förfluten tid",
            (CountingPolicy::Elapsed, _) => "elapsed time",
            (CountingPolicy::Reg1182, Lang::Sv) => "förordning 1182/71: från nästa hela timme",
            (CountingPolicy::Reg1182, _) => "Regulation 1182/71: from the next full hour",
        }
    }
}

/// An unknown code for a [`CountingPolicy`] or a [`Regime`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} `{given}`, expected one of: {expected}")]
pub struct UnknownCode {
    what: &'static str,
    given: String,
    expected: &'static str,
}

impl std::str::FromStr for CountingPolicy {
    type Err = UnknownCode;
    fn from_str(s: &str) -> Result<Self, UnknownCode> {
        CountingPolicy::ALL.iter().copied().find(|p| p.code() == s).ok_or_else(|| UnknownCode {
            what: "counting policy",
            given: s.chars().take(32).collect(),
            expected: "elapsed, reg1182",
        })
    }
}

impl fmt::Display for CountingPolicy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for CountingPolicy {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// A body of law that sets notification deadlines for the same incident. GDPR always applies; the
/// others are opt-in.
///
/// # Example
/// ```
/// use imy_breach::deadline::Regime;
/// assert_eq!("nis2".parse::<Regime>(), Ok(Regime::Nis2));
/// assert_eq!(Regime::Eprivacy.code(), "eprivacy");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Regime {
    /// The General Data Protection Regulation (EU) 2016/679, Art. 33–34: notification to IMY. Code
    /// `gdpr`. Always on.
    Gdpr,
    /// The NIS2 Directive (EU) 2022/2555, Art. 23: significant incidents of essential and important
    /// entities. Code `nis2`.
    Nis2,
    /// Commission Regulation (EU) No 611/2013 (the ePrivacy Directive 2002/58/EC, Art. 4):
    /// providers of publicly available electronic communications services, notified to PTS in
    /// Sweden. Code `eprivacy`.
    Eprivacy,
}

impl Regime {
    /// Every regime, GDPR first.
    pub const ALL: &'static [Regime] = &[Regime::Gdpr, Regime::Nis2, Regime::Eprivacy];

    /// The stable code: `"gdpr"`, `"nis2"` or `"eprivacy"`.
    pub fn code(self) -> &'static str {
        match self {
            Regime::Gdpr => "gdpr",
            Regime::Nis2 => "nis2",
            Regime::Eprivacy => "eprivacy",
        }
    }

    /// The short name: "GDPR", "NIS2", "ePrivacy" / "e-integritet".
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Regime::Gdpr, _) => "GDPR",
            (Regime::Nis2, _) => "NIS2",
            (Regime::Eprivacy, Lang::Sv) => "E-integritet",
            (Regime::Eprivacy, _) => "ePrivacy",
        }
    }
}

impl std::str::FromStr for Regime {
    type Err = UnknownCode;
    fn from_str(s: &str) -> Result<Self, UnknownCode> {
        Regime::ALL.iter().copied().find(|r| r.code() == s).ok_or_else(|| UnknownCode {
            what: "regime",
            given: s.chars().take(32).collect(),
            expected: "gdpr, nis2, eprivacy",
        })
    }
}

impl fmt::Display for Regime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Regime {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// One duty of one regime. The titles, references and periods are in [`RULES`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Stage {
    /// GDPR Art. 33(1): notify IMY. Code `imy_notification`.
    ImyNotification,
    /// GDPR Art. 33(4): supplement the notification (question 36). Code `imy_supplement`.
    ImySupplement,
    /// GDPR Art. 33(2): the processor notifies the controller. Code `processor_to_controller`.
    ProcessorToController,
    /// GDPR Art. 34: inform the data subjects. Code `data_subjects`.
    DataSubjects,
    /// NIS2 Art. 23(4)(a): early warning. Code `nis2_early_warning`.
    Nis2EarlyWarning,
    /// NIS2 Art. 23(4)(b): incident notification. Code `nis2_incident_notification`.
    Nis2IncidentNotification,
    /// NIS2 Art. 23(4)(d): final report. Code `nis2_final_report`.
    Nis2FinalReport,
    /// Regulation 611/2013 Art. 2(2) and (3): initial notification. Code `eprivacy_initial`.
    EprivacyInitial,
    /// Regulation 611/2013 Art. 2(3): complete (second) notification. Code `eprivacy_complete`.
    EprivacyComplete,
}

impl Stage {
    /// The stable snake_case code.
    pub fn code(self) -> &'static str {
        match self {
            Stage::ImyNotification => "imy_notification",
            Stage::ImySupplement => "imy_supplement",
            Stage::ProcessorToController => "processor_to_controller",
            Stage::DataSubjects => "data_subjects",
            Stage::Nis2EarlyWarning => "nis2_early_warning",
            Stage::Nis2IncidentNotification => "nis2_incident_notification",
            Stage::Nis2FinalReport => "nis2_final_report",
            Stage::EprivacyInitial => "eprivacy_initial",
            Stage::EprivacyComplete => "eprivacy_complete",
        }
    }

    /// The row of [`RULES`] for this stage.
    pub fn rule(self) -> Option<&'static Rule> {
        RULES.iter().find(|r| r.stage == self)
    }
}

impl fmt::Display for Stage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Stage {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// The event that starts a clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Trigger {
    /// The controller became aware of the breach: question 11. Code `awareness`.
    Awareness,
    /// The processor became aware of the breach. When it is not given, the controller's awareness
    /// stands in for it, and the explanation says so. Code `processor_awareness`.
    ProcessorAwareness,
    /// An earlier stage was completed (or, while it is not, its deadline passes). Code
    /// `completion`.
    Completion(Stage),
}

impl Trigger {
    /// The stable code: `"awareness"`, `"processor_awareness"` or `"completion"`.
    pub fn code(self) -> &'static str {
        match self {
            Trigger::Awareness => "awareness",
            Trigger::ProcessorAwareness => "processor_awareness",
            Trigger::Completion(_) => "completion",
        }
    }
}

/// The length of a period; see the [module documentation](self#counting-policies) for how each is
/// counted.
///
/// # Example
/// ```
/// use imy_breach::deadline::Period;
/// assert_eq!(Period::Hours(72).iso8601().as_deref(), Some("PT72H"));
/// assert_eq!(Period::WithoutUndueDelay.iso8601(), None);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Period {
    /// Hours of elapsed time.
    Hours(u32),
    /// Calendar days in Swedish time.
    Days(u32),
    /// Weeks of seven calendar days.
    Weeks(u32),
    /// Calendar months in Swedish time.
    Months(u32),
    /// "Without undue delay": no fixed instant.
    WithoutUndueDelay,
}

impl Period {
    /// The ISO 8601 duration (`PT72H`, `P3D`, `P4W`, `P1M`), `None` for
    /// [`WithoutUndueDelay`](Period::WithoutUndueDelay).
    pub fn iso8601(self) -> Option<String> {
        match self {
            Period::Hours(n) => Some(format!("PT{n}H")),
            Period::Days(n) => Some(format!("P{n}D")),
            Period::Weeks(n) => Some(format!("P{n}W")),
            Period::Months(n) => Some(format!("P{n}M")),
            Period::WithoutUndueDelay => None,
        }
    }

    /// "72 timmar" / "72 hours", "utan onödigt dröjsmål" / "without undue delay".
    pub fn describe(self, lang: Lang) -> String {
        self.text(lang).to_string()
    }

    /// [`describe`](Self::describe) as a `Display`.
    fn text(self, lang: Lang) -> PeriodText {
        PeriodText(self, lang)
    }
}

/// A period in words (see [`Period::describe`]).
#[derive(Debug, Clone, Copy)]
struct PeriodText(Period, Lang);

impl fmt::Display for PeriodText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let PeriodText(period, lang) = *self;
        let (n, one, many) = match (period, lang == Lang::Sv) {
            (Period::Hours(n), true) => (n, "timme", "timmar"),
            (Period::Hours(n), false) => (n, "hour", "hours"),
            (Period::Days(n), true) => (n, "dag", "dagar"),
            (Period::Days(n), false) => (n, "day", "days"),
            (Period::Weeks(n), true) => (n, "vecka", "veckor"),
            (Period::Weeks(n), false) => (n, "week", "weeks"),
            (Period::Months(n), true) => (n, "månad", "månader"),
            (Period::Months(n), false) => (n, "month", "months"),
            (Period::WithoutUndueDelay, true) => return f.write_str("utan onödigt dröjsmål"),
            (Period::WithoutUndueDelay, false) => return f.write_str("without undue delay"),
        };
        write!(f, "{n} {}", if n == 1 { one } else { many })
    }
}

/// When a row of [`RULES`] applies (beyond its regime being on).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Applies {
    /// Always.
    Always,
    /// When the controller intends to supplement the notification (question 36 = Ja).
    SupplementIntended,
    /// When processors are involved (question 21 = Ja), the processor's awareness is given, or a
    /// contractual window is given ([`Options::processor_window_hours`]).
    ProcessorInvolved,
}

/// A text in Swedish and English, fixed in the crate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Label {
    /// Swedish.
    pub sv: &'static str,
    /// English.
    pub en: &'static str,
}

impl Label {
    /// The text in the given language.
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Sv => self.sv,
            _ => self.en,
        }
    }
}

/// A text in Swedish and English, built for one obligation or note.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize)]
pub struct Explanation {
    /// Swedish.
    pub sv: String,
    /// English.
    pub en: String,
}

impl Explanation {
    /// The text in the given language.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Sv => &self.sv,
            _ => &self.en,
        }
    }

    fn push(&mut self, sv: impl AsRef<str>, en: impl AsRef<str>) {
        self.sv.push_str(sv.as_ref());
        self.en.push_str(en.as_ref());
    }

    /// Appends formatted text.
    fn write(&mut self, sv: fmt::Arguments<'_>, en: fmt::Arguments<'_>) {
        // Writing into a `String` cannot fail.
        let _ = self.sv.write_fmt(sv);
        let _ = self.en.write_fmt(en);
    }

    /// An empty text with room for a typical explanation in each language.
    fn with_capacity(bytes: usize) -> Self {
        Explanation { sv: String::with_capacity(bytes), en: String::with_capacity(bytes) }
    }
}

/// One row of the regime table [`RULES`]: a duty, the event that starts its clock, the period and
/// the legal reference. Adding a regime is adding rows (and its [`Regime`] and [`Stage`] names).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Rule {
    /// The regime.
    pub regime: Regime,
    /// The stage.
    pub stage: Stage,
    /// The event that starts the clock.
    pub trigger: Trigger,
    /// The period.
    pub period: Period,
    /// When the row applies.
    pub applies: Applies,
    /// The title, for example "Anmälan till IMY" / "Notification to IMY".
    pub title: Label,
    /// The legal reference, for example "GDPR art. 33.1" / "GDPR Art. 33(1)".
    pub reference: Label,
    /// The duty as the object of "from the submission of …": "anmälan till IMY" / "the
    /// notification to IMY".
    pub noun: Label,
}

const fn label(sv: &'static str, en: &'static str) -> Label {
    Label { sv, en }
}

/// The regime table: every duty this crate counts, in display order. A row counted from another
/// stage comes after it.
pub const RULES: &[Rule] = &[
    Rule {
        regime: Regime::Gdpr,
        stage: Stage::ImyNotification,
        trigger: Trigger::Awareness,
        period: Period::Hours(72),
        applies: Applies::Always,
        title: label("Anmälan till IMY", "Notification to IMY"),
        reference: label("GDPR art. 33.1", "GDPR Art. 33(1)"),
        noun: label("anmälan till IMY", "the notification to IMY"),
    },
    Rule {
        regime: Regime::Gdpr,
        stage: Stage::ImySupplement,
        trigger: Trigger::Completion(Stage::ImyNotification),
        period: Period::Weeks(4),
        applies: Applies::SupplementIntended,
        title: label("Komplettering till IMY", "Supplement to IMY"),
        reference: label(
            "GDPR art. 33.4; IMY beslutar efter 4 veckor",
            "GDPR Art. 33(4); IMY decides after 4 weeks",
        ),
        noun: label("kompletteringen", "the supplement"),
    },
    Rule {
        regime: Regime::Gdpr,
        stage: Stage::ProcessorToController,
        trigger: Trigger::ProcessorAwareness,
        period: Period::WithoutUndueDelay,
        applies: Applies::ProcessorInvolved,
        title: label("Biträdet underrättar den ansvarige", "Processor notifies the controller"),
        reference: label("GDPR art. 33.2", "GDPR Art. 33(2)"),
        noun: label("biträdets underrättelse", "the processor's notice"),
    },
    Rule {
        regime: Regime::Gdpr,
        stage: Stage::DataSubjects,
        trigger: Trigger::Awareness,
        period: Period::WithoutUndueDelay,
        applies: Applies::Always,
        title: label("Information till de registrerade", "Information to the data subjects"),
        reference: label("GDPR art. 34", "GDPR Art. 34"),
        noun: label("informationen till de registrerade", "the information to the data subjects"),
    },
    Rule {
        regime: Regime::Nis2,
        stage: Stage::Nis2EarlyWarning,
        trigger: Trigger::Awareness,
        period: Period::Hours(24),
        applies: Applies::Always,
        title: label("Tidig varning", "Early warning"),
        reference: label("NIS2 (EU) 2022/2555 art. 23.4 a", "NIS2 (EU) 2022/2555 Art. 23(4)(a)"),
        noun: label("den tidiga varningen", "the early warning"),
    },
    Rule {
        regime: Regime::Nis2,
        stage: Stage::Nis2IncidentNotification,
        trigger: Trigger::Awareness,
        period: Period::Hours(72),
        applies: Applies::Always,
        title: label("Incidentanmälan", "Incident notification"),
        reference: label("NIS2 (EU) 2022/2555 art. 23.4 b", "NIS2 (EU) 2022/2555 Art. 23(4)(b)"),
        noun: label("incidentanmälan", "the incident notification"),
    },
    Rule {
        regime: Regime::Nis2,
        stage: Stage::Nis2FinalReport,
        trigger: Trigger::Completion(Stage::Nis2IncidentNotification),
        period: Period::Months(1),
        applies: Applies::Always,
        title: label("Slutrapport", "Final report"),
        reference: label("NIS2 (EU) 2022/2555 art. 23.4 d", "NIS2 (EU) 2022/2555 Art. 23(4)(d)"),
        noun: label("slutrapporten", "the final report"),
    },
    Rule {
        regime: Regime::Eprivacy,
        stage: Stage::EprivacyInitial,
        trigger: Trigger::Awareness,
        period: Period::Hours(24),
        applies: Applies::Always,
        title: label("Första anmälan till PTS", "Initial notification to PTS"),
        reference: label("Förordning (EU) 611/2013 art. 2.2", "Regulation (EU) 611/2013 Art. 2(2)"),
        noun: label("den första anmälan till PTS", "the initial notification to PTS"),
    },
    Rule {
        regime: Regime::Eprivacy,
        stage: Stage::EprivacyComplete,
        trigger: Trigger::Completion(Stage::EprivacyInitial),
        period: Period::Days(3),
        applies: Applies::Always,
        title: label("Fullständig anmälan till PTS", "Complete notification to PTS"),
        reference: label("Förordning (EU) 611/2013 art. 2.3", "Regulation (EU) 611/2013 Art. 2(3)"),
        noun: label("den fullständiga anmälan till PTS", "the complete notification to PTS"),
    },
];

// ---------------------------------------------------------------------------------------------
// Counting
// ---------------------------------------------------------------------------------------------

/// Where a period starts being counted and where it ends: see [`period_end`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct PeriodEnd {
    /// Where counting starts: the event under [`CountingPolicy::Elapsed`], the next full hour (or
    /// day) under [`CountingPolicy::Reg1182`]. At Swedish time's offset.
    pub counting_from: OffsetDateTime,
    /// The deadline, at Swedish time's offset.
    pub deadline: OffsetDateTime,
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

/// Counts a period from an event: where counting starts and the deadline, in Swedish time.
/// `Ok(None)` for [`Period::WithoutUndueDelay`].
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
/// let r = period_end(aware, Period::Hours(72), CountingPolicy::Reg1182)?.unwrap();
/// assert_eq!(r.counting_from.format(&Rfc3339)?, "2025-10-24T11:00:00+02:00");
/// assert_eq!(r.deadline.format(&Rfc3339)?, "2025-10-27T10:00:00+01:00");
/// let m = period_end(datetime!(2025-01-31 10:00 +01:00), Period::Months(1), CountingPolicy::Elapsed)?.unwrap();
/// assert_eq!(m.deadline.format(&Rfc3339)?, "2025-02-28T10:00:00+01:00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// [`LocalTimeError::OutOfRange`] when the event or the deadline is outside the supported dates
/// (Swedish local dates 1996-01-01 to 2100-12-31).
pub fn period_end(
    event: OffsetDateTime,
    period: Period,
    policy: CountingPolicy,
) -> Result<Option<PeriodEnd>, LocalTimeError> {
    let event = to_local(event)?;
    let (from, deadline) = match (period, policy) {
        (Period::WithoutUndueDelay, _) => return Ok(None),
        (Period::Hours(h), _) => {
            let from = match policy {
                CountingPolicy::Reg1182 => {
                    event.truncate_to_hour().checked_add(Duration::HOUR).ok_or_else(beyond_range)?
                }
                CountingPolicy::Elapsed => event,
            };
            (from, from.checked_add(Duration::hours(i64::from(h))).ok_or_else(beyond_range)?)
        }
        (_, CountingPolicy::Elapsed) => {
            let last = last_day(event.date(), period).ok_or_else(beyond_range)?;
            (event, resolve_lenient(PrimitiveDateTime::new(last, event.time()))?)
        }
        (_, CountingPolicy::Reg1182) => {
            let next = event.date().next_day().ok_or_else(beyond_range)?;
            let last = last_day(event.date(), period).ok_or_else(beyond_range)?;
            let end = last.next_day().ok_or_else(beyond_range)?;
            (resolve_lenient(next.midnight())?, resolve_lenient(end.midnight())?)
        }
    };
    Ok(Some(PeriodEnd { counting_from: to_local(from)?, deadline: to_local(deadline)? }))
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

/// Whether a notification filed at a given moment is late under GDPR Art. 33(1): see
/// [`gdpr_lateness`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lateness {
    /// The 72-hour deadline, at Swedish time's offset.
    pub deadline: OffsetDateTime,
    /// How late the notification is; `None` when it is on time (at or before the deadline).
    pub late_by: Option<Duration>,
    /// `true` when question 11 gives only a date: the deadline is counted from 00:00 that day, the
    /// earliest possible awareness, so the notification is late at most by `late_by`.
    pub date_only: bool,
}

/// Whether a notification filed at `submitted_at` (its `submittedAt`) is later than 72 hours after
/// awareness (question 11). The validation rule for question 14 (the reason for a late
/// notification) calls this.
///
/// Returns `Ok(None)` when the discovery date (question 11) is not given.
///
/// # Example
/// ```
/// use imy_breach::deadline::{gdpr_lateness, CountingPolicy};
/// use imy_breach::Notification;
/// use time::macros::datetime;
///
/// let n = Notification::from_json(r#"{"schemaVersion":"1.0",
///     "incident":{"discovered":{"date":"2025-03-28","time":"10:00"}}}"#)?;
/// let on_time = gdpr_lateness(&n, datetime!(2025-03-31 11:00 +02:00), CountingPolicy::Elapsed)?.unwrap();
/// assert_eq!(on_time.late_by, None);
/// let late = gdpr_lateness(&n, datetime!(2025-03-31 12:30 +02:00), CountingPolicy::Elapsed)?.unwrap();
/// assert_eq!(late.late_by, Some(time::Duration::minutes(90)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// The [`LocalTimeError`] of question 11's date and time: a time that does not exist, an offset
/// that does not match, a date outside the supported range.
pub fn gdpr_lateness(
    n: &Notification,
    submitted_at: OffsetDateTime,
    policy: CountingPolicy,
) -> Result<Option<Lateness>, LocalTimeError> {
    let Some(awareness) = Awareness::of(n)? else {
        return Ok(None);
    };
    let deadline = gdpr_deadline(awareness.at, policy)?;
    let late_by = (submitted_at > deadline).then(|| submitted_at - deadline);
    Ok(Some(Lateness { deadline, late_by, date_only: awareness.date_only }))
}

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

/// When the controller became aware of the breach.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Awareness {
    /// The instant, at Swedish time's offset.
    pub at: OffsetDateTime,
    /// Only the date is known: `at` is 00:00 that day, the earliest possible awareness.
    pub date_only: bool,
    /// The wall-clock time occurred twice (the night summer time ends) and no offset chose: `at` is
    /// the earlier.
    pub ambiguous: bool,
}

impl Awareness {
    /// Awareness at a known instant.
    ///
    /// # Errors
    /// [`LocalTimeError::OutOfRange`] when the instant's Swedish date is outside the supported dates.
    pub fn at(at: OffsetDateTime) -> Result<Self, LocalTimeError> {
        Ok(Awareness { at: to_local(at)?, date_only: false, ambiguous: false })
    }

    /// Awareness on a date whose time is not known: from 00:00 that day.
    ///
    /// # Errors
    /// [`LocalTimeError::OutOfRange`] when the date is outside the supported dates.
    pub fn on(date: LocalDate) -> Result<Self, LocalTimeError> {
        let r = to_instant(date, None, None)?;
        Ok(Awareness { at: r.instant, date_only: true, ambiguous: false })
    }

    /// Awareness at a Swedish local date and time, as the form gives it: see
    /// [`crate::stockholm::to_instant`]. Without a time, from 00:00 that day.
    ///
    /// # Example
    /// ```
    /// use imy_breach::deadline::Awareness;
    /// let a = Awareness::local("2025-10-26".parse()?, Some("02:30".parse()?), None)?;
    /// assert!(a.ambiguous && !a.date_only);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// The [`LocalTimeError`] of the date and time: a time that does not exist, an offset that
    /// does not match, a date outside the supported range.
    pub fn local(
        date: LocalDate,
        time: Option<WallClockTime>,
        offset: Option<StockholmOffset>,
    ) -> Result<Self, LocalTimeError> {
        let r = to_instant(date, time, offset)?;
        Ok(Awareness { at: r.instant, date_only: time.is_none(), ambiguous: r.ambiguous })
    }

    /// Awareness from question 11; `Ok(None)` when its date is not given.
    ///
    /// # Errors
    /// The [`LocalTimeError`] of question 11's date and time.
    pub fn of(n: &Notification) -> Result<Option<Self>, LocalTimeError> {
        let d = &n.incident.discovered;
        d.date.map(|date| Self::local(date, d.time, d.utc_offset)).transpose()
    }
}

/// Whether and when the data subjects are told (GDPR Art. 34), from questions 31–35.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum SubjectInformation {
    /// Questions 31–35 are not answered.
    #[default]
    Unknown,
    /// Informed (question 31 Ja), on this date (question 32).
    Informed {
        /// Question 32.
        on: Option<LocalDate>,
    },
    /// Not yet informed, but will be (question 33 Ja), on this date (question 34).
    Planned {
        /// Question 34.
        on: Option<LocalDate>,
    },
    /// Will not be informed (question 33 Nej).
    NotInforming {
        /// Whether question 35 gives the reason.
        reason_given: bool,
    },
}

impl SubjectInformation {
    /// From the answers to questions 31–35.
    ///
    /// # Example
    /// ```
    /// use imy_breach::deadline::SubjectInformation;
    /// use imy_breach::{DataSubjectInformation, YesNo};
    /// let mut a = DataSubjectInformation::default();
    /// a.informed = Some(YesNo::No);
    /// a.will_inform = Some(YesNo::Yes);
    /// a.planned_on = Some("2025-04-02".parse().unwrap());
    /// assert!(matches!(SubjectInformation::from_answers(&a), SubjectInformation::Planned { on: Some(_) }));
    /// ```
    pub fn from_answers(a: &DataSubjectInformation) -> Self {
        match (a.informed, a.will_inform) {
            (Some(YesNo::Yes), _) => SubjectInformation::Informed { on: a.informed_on },
            (Some(YesNo::No), Some(YesNo::Yes)) => SubjectInformation::Planned { on: a.planned_on },
            (Some(YesNo::No), Some(YesNo::No)) => {
                SubjectInformation::NotInforming { reason_given: a.reason_not_informing.is_some() }
            }
            _ => SubjectInformation::Unknown,
        }
    }
}

/// What is known about a breach, for [`schedule`]: from a notification
/// ([`Facts::from_notification`]) or from bare timestamps (the builder methods).
///
/// # Example
/// ```
/// use imy_breach::deadline::{Facts, Stage};
/// use time::macros::datetime;
/// let facts = Facts::new()
///     .aware_at(datetime!(2025-03-28 10:00 +01:00))
///     .filed_at(datetime!(2025-03-30 09:00 +02:00))
///     .intends_to_supplement(true);
/// assert!(facts.completed.contains_key(&Stage::ImyNotification));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Facts {
    /// The controller's awareness (question 11); `None` when not known.
    pub awareness: Option<Awareness>,
    /// The processor's awareness, when known.
    pub processor_awareness: Option<OffsetDateTime>,
    /// Processors are involved (question 21 = Ja).
    pub processors_involved: bool,
    /// The controller intends to supplement the notification (question 36 = Ja).
    pub intends_to_supplement: bool,
    /// Questions 31–35.
    pub subject_information: SubjectInformation,
    /// When stages were completed: the notification to IMY (`submittedAt`), the NIS2 stages, …
    pub completed: BTreeMap<Stage, OffsetDateTime>,
}

impl Facts {
    /// Nothing known yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Reads the facts from a notification: question 11 (awareness), `submittedAt` (the
    /// notification to IMY completed), question 17 (a processor that informed the controller has
    /// completed its notice, at the controller's awareness), question 21, questions 31–35 and
    /// question 36.
    ///
    /// # Errors
    /// The [`LocalTimeError`] of question 11's date and time.
    pub fn from_notification(n: &Notification) -> Result<Self, LocalTimeError> {
        let awareness = Awareness::of(n)?;
        let mut completed = BTreeMap::new();
        if let Some(at) = n.submitted_at {
            completed.insert(Stage::ImyNotification, at.get());
        }
        if let (Some(a), Some(DiscoveryMethod::ProcessorInformed)) = (awareness, n.incident.discovery_method)
        {
            completed.insert(Stage::ProcessorToController, a.at);
        }
        Ok(Facts {
            awareness,
            processor_awareness: None,
            processors_involved: n.processors.involved.is_some_and(YesNo::is_yes)
                || n.incident.discovery_method == Some(DiscoveryMethod::ProcessorInformed),
            intends_to_supplement: n
                .supplement_and_confidentiality
                .intends_to_supplement
                .is_some_and(YesNo::is_yes),
            subject_information: SubjectInformation::from_answers(&n.data_subject_information),
            completed,
        })
    }

    /// Awareness at a known instant.
    pub fn aware_at(mut self, at: OffsetDateTime) -> Self {
        self.awareness = Some(Awareness { at, date_only: false, ambiguous: false });
        self
    }

    /// Awareness as an [`Awareness`] (for example [`Awareness::on`] a date only).
    pub fn awareness(mut self, awareness: Awareness) -> Self {
        self.awareness = Some(awareness);
        self
    }

    /// The notification to IMY was filed (`submittedAt`).
    pub fn filed_at(self, at: OffsetDateTime) -> Self {
        self.completed(Stage::ImyNotification, at)
    }

    /// A stage was completed.
    pub fn completed(mut self, stage: Stage, at: OffsetDateTime) -> Self {
        self.completed.insert(stage, at);
        self
    }

    /// The processor became aware (this also marks processors as involved).
    pub fn processor_aware_at(mut self, at: OffsetDateTime) -> Self {
        self.processor_awareness = Some(at);
        self.processors_involved = true;
        self
    }

    /// Processors are involved (question 21).
    pub fn processors_involved(mut self, involved: bool) -> Self {
        self.processors_involved = involved;
        self
    }

    /// The controller intends to supplement the notification (question 36).
    pub fn intends_to_supplement(mut self, intends: bool) -> Self {
        self.intends_to_supplement = intends;
        self
    }

    /// Questions 31–35.
    pub fn subject_information(mut self, info: SubjectInformation) -> Self {
        self.subject_information = info;
        self
    }
}

/// How to count: the policy, the opt-in regimes, a processor's contractual window.
///
/// # Example
/// ```
/// use imy_breach::deadline::{CountingPolicy, Options, Regime};
/// let o = Options::new().policy(CountingPolicy::Reg1182).regime(Regime::Nis2).processor_window_hours(24);
/// assert!(o.regimes.contains(&Regime::Nis2));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Options {
    /// The counting policy (default [`CountingPolicy::Elapsed`]).
    pub policy: CountingPolicy,
    /// The regimes counted; always holds [`Regime::Gdpr`].
    pub regimes: BTreeSet<Regime>,
    /// A contractual window for the processor's notice to the controller, in hours (Art. 33(2) says
    /// only "without undue delay").
    pub processor_window_hours: Option<u32>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            policy: CountingPolicy::Elapsed,
            regimes: BTreeSet::from([Regime::Gdpr]),
            processor_window_hours: None,
        }
    }
}

impl Options {
    /// GDPR only, elapsed time, no processor window.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the counting policy.
    pub fn policy(mut self, policy: CountingPolicy) -> Self {
        self.policy = policy;
        self
    }

    /// Adds a regime.
    pub fn regime(mut self, regime: Regime) -> Self {
        self.regimes.insert(regime);
        self
    }

    /// Sets the processor's contractual window, in hours.
    pub fn processor_window_hours(mut self, hours: u32) -> Self {
        self.processor_window_hours = Some(hours);
        self
    }
}

// ---------------------------------------------------------------------------------------------
// Results
// ---------------------------------------------------------------------------------------------

/// The status of an obligation at the given moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Status {
    /// Not done; the deadline is still ahead (or now). Code `open`.
    Open,
    /// Not done; the deadline has passed. Code `overdue`.
    Overdue,
    /// Done at or before the deadline. Code `met`.
    Met,
    /// Done after the deadline. Code `met_late`.
    MetLate,
    /// No fixed deadline ("without undue delay") and not done. Code `pending`.
    Pending,
    /// No fixed deadline, and done. Code `done`.
    Done,
    /// Art. 34: the data subjects will be informed on a date not yet passed (question 34). Code
    /// `planned`.
    Planned,
    /// Art. 34: the planned date (question 34) has passed. Code `planned_date_passed`.
    PlannedDatePassed,
    /// Art. 34: the data subjects will not be informed (question 35 gives why). Code
    /// `not_informing`.
    NotInforming,
    /// Cannot be counted: the event that starts the clock is not known. Code `unknown`.
    Unknown,
}

impl Status {
    /// The stable snake_case code.
    pub fn code(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::Overdue => "overdue",
            Status::Met => "met",
            Status::MetLate => "met_late",
            Status::Pending => "pending",
            Status::Done => "done",
            Status::Planned => "planned",
            Status::PlannedDatePassed => "planned_date_passed",
            Status::NotInforming => "not_informing",
            Status::Unknown => "unknown",
        }
    }

    /// The label in the given language.
    pub fn label(self, lang: Lang) -> &'static str {
        let (sv, en) = match self {
            Status::Open => ("öppen", "open"),
            Status::Overdue => ("försenad", "overdue"),
            Status::Met => ("i tid", "met"),
            Status::MetLate => ("för sent", "met late"),
            Status::Pending => ("utan onödigt dröjsmål", "without undue delay"),
            Status::Done => ("klar", "done"),
            Status::Planned => ("planerad", "planned"),
            Status::PlannedDatePassed => ("planerat datum passerat", "planned date passed"),
            Status::NotInforming => ("informeras inte", "not informing"),
            Status::Unknown => ("okänd", "unknown"),
        };
        if lang == Lang::Sv {
            sv
        } else {
            en
        }
    }
}

impl Serialize for Status {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

/// One duty with its deadline and status at the given moment.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Obligation {
    /// The regime.
    pub regime: Regime,
    /// The stage.
    pub stage: Stage,
    /// The title.
    pub title: Label,
    /// The legal reference.
    pub reference: Label,
    /// The event that starts the clock.
    pub trigger: Trigger,
    /// When that event happened (or, when [`provisional`](Obligation::provisional), the earlier
    /// stage's deadline); `None` when not known. At Swedish time's offset.
    pub triggered_at: Option<OffsetDateTime>,
    /// The period, with a processor's contractual window filled in.
    pub period: Period,
    /// The counting policy.
    pub policy: CountingPolicy,
    /// Where counting starts (see [`PeriodEnd::counting_from`]).
    pub counting_from: Option<OffsetDateTime>,
    /// The deadline, at Swedish time's offset; `None` without a fixed instant.
    pub deadline: Option<OffsetDateTime>,
    /// When the duty was done, when that is known and not after the given moment.
    pub completed_at: Option<OffsetDateTime>,
    /// The status at the given moment.
    pub status: Status,
    /// Deadline minus the given moment, while not done: positive is time left, negative overdue.
    pub remaining: Option<Duration>,
    /// How late the duty was done, when [`MetLate`](Status::MetLate).
    pub late_by: Option<Duration>,
    /// Counted from a discovery date without a time, from 00:00 that day.
    pub date_only: bool,
    /// Counted from an earlier stage's deadline because that stage is not completed yet.
    pub provisional: bool,
    /// A daylight-saving change falls between the start of counting and the deadline, so the
    /// period on the clock differs from the elapsed time.
    pub dst_change: bool,
    /// The period on the wall clock, from the start of counting to the deadline: 73 hours for 72
    /// elapsed hours over the spring change (the clocks skip an hour), 71 over the autumn change.
    pub wall_clock: Option<Duration>,
    /// What [`explanation`](Obligation::explanation) is written from.
    why: Why,
}

/// The facts an obligation's explanation is written from, beyond its public fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Why {
    rule: &'static Rule,
    start: Start,
    /// The completion given in the facts (before questions 31–35 are read for Art. 34).
    completed: Option<OffsetDateTime>,
    /// The controller learnt of the breach from the processor (question 17), so the processor's
    /// notice is done at the controller's awareness.
    processor_informed: bool,
    subject_information: SubjectInformation,
    /// The moment judged at.
    now: OffsetDateTime,
}

impl Obligation {
    /// One line in Swedish and English: the event, the rule, the policy, the DST note.
    ///
    /// Written on demand: a schedule's deadlines and statuses are cheap, the prose in two languages
    /// is not, and a service that stores deadlines does not need it.
    ///
    /// # Example
    /// ```
    /// use imy_breach::deadline::{schedule, Facts, Options, Stage};
    /// use time::macros::datetime;
    /// let s = schedule(&Facts::new().aware_at(datetime!(2025-03-28 10:00 +01:00)), &Options::new(),
    ///     datetime!(2025-03-29 12:00 +01:00))?;
    /// let text = s.get(Stage::ImyNotification).unwrap().explanation();
    /// assert!(text.en.starts_with("Notification to IMY (GDPR Art. 33(1)): 72 hours of elapsed time"));
    /// # Ok::<(), imy_breach::stockholm::LocalTimeError>(())
    /// ```
    pub fn explanation(&self) -> Explanation {
        explain(self)
    }

    /// The time left at the given moment, while open.
    pub fn time_left(&self) -> Option<Duration> {
        self.remaining.filter(|d| !d.is_negative())
    }

    /// How long the deadline has passed at the given moment, while overdue.
    pub fn overdue_by(&self) -> Option<Duration> {
        self.remaining.filter(|d| d.is_negative()).map(Duration::abs)
    }
}

/// A warning about the input: an ambiguous local time, a completion after the given moment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Note {
    /// The stable kebab-case code, for example `"local-time-ambiguous"`.
    pub code: &'static str,
    /// The text in Swedish and English.
    pub message: Explanation,
}

/// Every obligation of a breach at a given moment: the result of [`schedule`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Schedule {
    /// The moment judged at, at Swedish time's offset.
    pub now: OffsetDateTime,
    /// The counting policy.
    pub policy: CountingPolicy,
    /// The controller's awareness, when known.
    pub awareness: Option<Awareness>,
    /// The obligations, in the order of [`RULES`].
    pub obligations: Vec<Obligation>,
    /// Warnings about the input.
    pub notes: Vec<Note>,
}

impl Schedule {
    /// The obligation of a stage, when counted.
    pub fn get(&self, stage: Stage) -> Option<&Obligation> {
        self.obligations.iter().find(|o| o.stage == stage)
    }
}

// ---------------------------------------------------------------------------------------------
// The engine
// ---------------------------------------------------------------------------------------------

/// `YYYY-MM-DD HH:MM +01:00`, with `:SS` when the seconds are not zero.
#[derive(Debug, Clone, Copy)]
struct LocalText(OffsetDateTime);

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

fn hours_text(d: Duration) -> String {
    let minutes = d.whole_minutes();
    if minutes % 60 == 0 {
        format!("{} h", minutes / 60)
    } else {
        format!("{} h {} min", minutes / 60, minutes % 60)
    }
}

/// Daylight-saving changes strictly after `from` and at or before `to`: (instant, spring).
fn changes_between(from: OffsetDateTime, to: OffsetDateTime) -> Vec<(OffsetDateTime, bool)> {
    let mut out = Vec::new();
    for year in from.year()..=to.year() {
        if let Ok((spring, autumn)) = stockholm::summer_time(year) {
            for (t, is_spring) in [(spring, true), (autumn, false)] {
                if from < t && t <= to {
                    out.push((t, is_spring));
                }
            }
        }
    }
    out
}

fn wall_span(from: OffsetDateTime, to: OffsetDateTime) -> Duration {
    PrimitiveDateTime::new(to.date(), to.time()) - PrimitiveDateTime::new(from.date(), from.time())
}

/// An instant per stage, without allocating (a schedule has a handful of stages).
#[derive(Debug, Default)]
struct StageMap([Option<OffsetDateTime>; STAGES]);

/// The number of [`Stage`]s.
const STAGES: usize = Stage::EprivacyComplete as usize + 1;

impl StageMap {
    fn insert(&mut self, stage: Stage, at: OffsetDateTime) {
        self.0[stage as usize] = Some(at);
    }
    fn get(&self, stage: Stage) -> Option<OffsetDateTime> {
        self.0[stage as usize]
    }
}

struct Counted {
    triggered_at: Option<OffsetDateTime>,
    provisional: bool,
    date_only: bool,
    /// The starting event, for the explanation ("från …" / "from …").
    start: Start,
}

/// What a period is counted from, as the explanation says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Start {
    /// Nothing to say.
    None,
    /// The controller's awareness (question 11).
    Awareness(Awareness),
    /// The processor's awareness, given.
    ProcessorAwareness(OffsetDateTime),
    /// The controller's awareness, standing in for the processor's, which is not given.
    AwarenessForProcessor(Awareness),
    /// The submission of an earlier stage.
    Submitted(Label, OffsetDateTime),
    /// The deadline of an earlier stage not submitted yet.
    Provisional(Label, OffsetDateTime),
}

impl Start {
    fn write_to(self, ex: &mut Explanation) {
        let aware = |ex: &mut Explanation, a: Awareness| {
            if a.date_only {
                let day = a.at.date();
                let day = stockholm::ymd(day);
                ex.write(
                    format_args!("från början av upptäcktsdagen, {day} 00:00 (fråga 11 saknar klockslag: tidigast möjliga vetskap)"),
                    format_args!("from the start of the discovery day, {day} 00:00 (question 11 has no time: the earliest possible awareness)"),
                );
            } else {
                let at = LocalText(a.at);
                ex.write(
                    format_args!("från upptäckten {at} (fråga 11)"),
                    format_args!("from awareness at {at} (question 11)"),
                );
                if a.ambiguous {
                    ex.push(
                        ", den första av två likadana klockslag",
                        ", the earlier of two identical wall-clock times",
                    );
                }
            }
        };
        match self {
            Start::None => {}
            Start::Awareness(a) => aware(ex, a),
            Start::ProcessorAwareness(p) => ex.write(
                format_args!("från biträdets vetskap {}", LocalText(p)),
                format_args!("from the processor's awareness at {}", LocalText(p)),
            ),
            Start::AwarenessForProcessor(a) => {
                aware(ex, a);
                ex.push(
                    "; biträdets egen vetskap är inte angiven och kan vara tidigare",
                    "; the processor's own awareness is not given and may be earlier",
                );
            }
            Start::Submitted(noun, done) => ex.write(
                format_args!("från att {} lämnades {}", noun.sv, LocalText(done)),
                format_args!("from the submission of {} at {}", noun.en, LocalText(done)),
            ),
            Start::Provisional(noun, due) => ex.write(
                format_args!(
                    "från fristen för {} {}, preliminärt: den är inte lämnad än och tiden räknas från när den lämnas",
                    noun.sv,
                    LocalText(due)
                ),
                format_args!(
                    "from the deadline of {} at {}, provisionally: it is not submitted yet, and the period runs from when it is",
                    noun.en,
                    LocalText(due)
                ),
            ),
        }
    }
}

/// Counts every obligation of a breach and judges it at `now`.
///
/// # Example
/// ```
/// use imy_breach::deadline::{schedule, Facts, Options, Regime, Stage, Status};
/// use time::format_description::well_known::Rfc3339;
/// use time::macros::datetime;
///
/// let facts = Facts::new()
///     .aware_at(datetime!(2025-10-24 10:00 +02:00))
///     .filed_at(datetime!(2025-10-27 10:00 +01:00));
/// let s = schedule(&facts, &Options::new().regime(Regime::Nis2), datetime!(2025-10-28 12:00 +01:00))?;
/// let imy = s.get(Stage::ImyNotification).unwrap();
/// assert_eq!(imy.deadline.unwrap().format(&Rfc3339)?, "2025-10-27T09:00:00+01:00");
/// assert_eq!((imy.status, imy.late_by), (Status::MetLate, Some(time::Duration::HOUR)));
/// let warning = s.get(Stage::Nis2EarlyWarning).unwrap();
/// assert_eq!(warning.status, Status::Overdue);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// [`LocalTimeError::OutOfRange`] when `now`, an event or a deadline is outside the supported dates.
pub fn schedule(facts: &Facts, options: &Options, now: OffsetDateTime) -> Result<Schedule, LocalTimeError> {
    let now = to_local(now)?;
    let policy = options.policy;
    let awareness = match facts.awareness {
        Some(a) => Some(Awareness { at: to_local(a.at)?, ..a }),
        None => None,
    };
    let mut notes = Vec::new();
    if let Some(a) = awareness.filter(|a| a.ambiguous) {
        let r = stockholm::Resolved { instant: a.at, ambiguous: true };
        notes.push(Note {
            code: stockholm::AMBIGUOUS_CODE,
            message: Explanation {
                sv: r.ambiguity_message(Lang::Sv).unwrap_or_default(),
                en: r.ambiguity_message(Lang::En).unwrap_or_default(),
            },
        });
    }
    // Completions after the moment judged at have not happened yet at that moment.
    let mut completed = StageMap::default();
    for (&stage, &at) in &facts.completed {
        let at = to_local(at)?;
        if at <= now {
            completed.insert(stage, at);
        } else if stage.rule().is_some_and(|r| enabled(options, r.regime)) {
            let (title, t) = (stage.rule().map(|r| r.title), LocalText(at));
            notes.push(Note {
                code: "completion-after-now",
                message: Explanation {
                    sv: format!(
                        "{} är angiven som klar {t}, efter den bedömda tidpunkten {}: räknas som inte klar.",
                        title.map_or(stage.code(), |l| l.sv),
                        LocalText(now)
                    ),
                    en: format!(
                        "{} is given as done at {t}, after the moment judged at, {}: counted as not done.",
                        title.map_or(stage.code(), |l| l.en),
                        LocalText(now)
                    ),
                },
            });
        }
    }

    let mut deadlines = StageMap::default();
    let mut obligations = Vec::with_capacity(RULES.len());
    for rule in RULES {
        if !enabled(options, rule.regime) {
            continue;
        }
        let applies = match rule.applies {
            Applies::Always => true,
            Applies::SupplementIntended => facts.intends_to_supplement,
            Applies::ProcessorInvolved => {
                facts.processors_involved
                    || facts.processor_awareness.is_some()
                    || options.processor_window_hours.is_some()
            }
        };
        if !applies {
            continue;
        }
        let counted = start_of(rule, facts, awareness, &completed, &deadlines)?;
        let period = match (rule.stage, options.processor_window_hours) {
            (Stage::ProcessorToController, Some(h)) => Period::Hours(h),
            _ => rule.period,
        };
        let end = match counted.triggered_at {
            Some(t) => period_end(t, period, policy)?,
            None => None,
        };
        if let Some(e) = end {
            deadlines.insert(rule.stage, e.deadline);
        }
        let completed_at = completed.get(rule.stage);
        obligations.push(obligation(
            rule,
            period,
            policy,
            &counted,
            end,
            completed_at,
            facts,
            awareness,
            now,
        )?);
    }
    Ok(Schedule { now, policy, awareness, obligations, notes })
}

/// Counts a notification's obligations at `now`: [`Facts::from_notification`], then [`schedule`].
///
/// # Example
/// ```
/// use imy_breach::deadline::{schedule_notification, Options, Stage, Status};
/// use imy_breach::Notification;
/// use time::macros::datetime;
/// let n = Notification::from_json(r#"{"schemaVersion":"1.0","submittedAt":"2022-10-07T15:00:00+02:00",
///     "incident":{"discovered":{"date":"2022-09-22"}}}"#)?;
/// let s = schedule_notification(&n, &Options::new(), datetime!(2022-10-11 12:00 +02:00))?;
/// let imy = s.get(Stage::ImyNotification).unwrap();
/// assert_eq!(imy.status, Status::MetLate);
/// assert!(imy.date_only);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// The [`LocalTimeError`] of question 11's date and time, or of [`schedule`].
pub fn schedule_notification(
    n: &Notification,
    options: &Options,
    now: OffsetDateTime,
) -> Result<Schedule, LocalTimeError> {
    schedule(&Facts::from_notification(n)?, options, now)
}

fn enabled(options: &Options, regime: Regime) -> bool {
    regime == Regime::Gdpr || options.regimes.contains(&regime)
}

fn start_of(
    rule: &Rule,
    facts: &Facts,
    awareness: Option<Awareness>,
    completed: &StageMap,
    deadlines: &StageMap,
) -> Result<Counted, LocalTimeError> {
    let counted = match rule.trigger {
        Trigger::Awareness => Counted {
            triggered_at: awareness.map(|a| a.at),
            provisional: false,
            date_only: awareness.is_some_and(|a| a.date_only),
            start: awareness.map_or(Start::None, Start::Awareness),
        },
        Trigger::ProcessorAwareness => match (facts.processor_awareness, awareness) {
            (Some(p), _) => {
                let p = to_local(p)?;
                Counted {
                    triggered_at: Some(p),
                    provisional: false,
                    date_only: false,
                    start: Start::ProcessorAwareness(p),
                }
            }
            (None, Some(a)) => Counted {
                triggered_at: Some(a.at),
                provisional: false,
                date_only: a.date_only,
                start: Start::AwarenessForProcessor(a),
            },
            (None, None) => {
                Counted { triggered_at: None, provisional: false, date_only: false, start: Start::None }
            }
        },
        Trigger::Completion(earlier) => {
            let noun = earlier.rule().map_or(label("", ""), |r| r.noun);
            let date_only = earlier.rule().is_some_and(|r| r.trigger == Trigger::Awareness)
                && awareness.is_some_and(|a| a.date_only);
            match (completed.get(earlier), deadlines.get(earlier)) {
                (Some(done), _) => Counted {
                    triggered_at: Some(done),
                    provisional: false,
                    date_only: false,
                    start: Start::Submitted(noun, done),
                },
                (None, Some(due)) => Counted {
                    triggered_at: Some(due),
                    provisional: true,
                    date_only,
                    start: Start::Provisional(noun, due),
                },
                (None, None) => {
                    Counted { triggered_at: None, provisional: false, date_only, start: Start::None }
                }
            }
        }
    };
    Ok(counted)
}

#[allow(clippy::too_many_arguments)]
fn obligation(
    rule: &'static Rule,
    period: Period,
    policy: CountingPolicy,
    counted: &Counted,
    end: Option<PeriodEnd>,
    completed_at: Option<OffsetDateTime>,
    facts: &Facts,
    awareness: Option<Awareness>,
    now: OffsetDateTime,
) -> Result<Obligation, LocalTimeError> {
    let processor_informed = rule.stage == Stage::ProcessorToController
        && facts.processor_awareness.is_none()
        && completed_at.is_some_and(|c| awareness.is_some_and(|a| a.at == c));
    let mut o = Obligation {
        regime: rule.regime,
        stage: rule.stage,
        title: rule.title,
        reference: rule.reference,
        trigger: rule.trigger,
        triggered_at: counted.triggered_at,
        period,
        policy,
        counting_from: end.map(|e| e.counting_from),
        deadline: end.map(|e| e.deadline),
        completed_at,
        status: Status::Unknown,
        remaining: None,
        late_by: None,
        date_only: counted.date_only,
        provisional: counted.provisional,
        dst_change: false,
        wall_clock: None,
        why: Why {
            rule,
            start: counted.start,
            completed: completed_at,
            processor_informed,
            subject_information: facts.subject_information,
            now,
        },
    };
    if counted.triggered_at.is_none() {
        return Ok(o);
    }
    if let Some(e) = end {
        o.wall_clock = Some(wall_span(e.counting_from, e.deadline));
        o.dst_change = !changes_between(e.counting_from, e.deadline).is_empty();
    }

    // The status.
    match (o.deadline, completed_at) {
        (Some(d), Some(c)) if c <= d => o.status = Status::Met,
        (Some(d), Some(c)) => {
            o.status = Status::MetLate;
            o.late_by = Some(c - d);
        }
        (Some(d), None) => {
            let r = d - now;
            o.remaining = Some(r);
            o.status = if r.is_negative() { Status::Overdue } else { Status::Open };
        }
        (None, Some(_)) => o.status = Status::Done,
        (None, None) => o.status = Status::Pending,
    }
    if rule.stage == Stage::DataSubjects && completed_at.is_none() {
        match facts.subject_information {
            SubjectInformation::Unknown => {}
            SubjectInformation::Informed { on } => {
                o.status = Status::Done;
                if let Some(d) = on {
                    o.completed_at = Some(to_instant(d, None, None)?.instant);
                }
            }
            SubjectInformation::Planned { on } => {
                let passed = on.is_some_and(|d| d.date() < now.date());
                o.status = if passed { Status::PlannedDatePassed } else { Status::Planned };
            }
            SubjectInformation::NotInforming { .. } => o.status = Status::NotInforming,
        }
    }
    Ok(o)
}

/// Writes an obligation's explanation (see [`Obligation::explanation`]).
fn explain(o: &Obligation) -> Explanation {
    let Why { rule, start, completed, processor_informed, subject_information, now } = o.why;
    let (period, policy) = (o.period, o.policy);
    let mut ex = Explanation::with_capacity(320);
    ex.write(
        format_args!("{} ({}): ", rule.title.sv, rule.reference.sv),
        format_args!("{} ({}): ", rule.title.en, rule.reference.en),
    );
    if o.triggered_at.is_none() {
        let (sv, en) = match rule.trigger {
            Trigger::Completion(_) => (
                "kan inte räknas: det föregående steget har ingen frist",
                "cannot be counted: the earlier stage has no deadline",
            ),
            _ => (
                "kan inte räknas: upptäcktsdatum (fråga 11) saknas",
                "cannot be counted: the discovery date (question 11) is missing",
            ),
        };
        ex.push(sv, en);
        return ex;
    }

    // The rule and the period.
    let end = o
        .counting_from
        .zip(o.deadline)
        .map(|(counting_from, deadline)| PeriodEnd { counting_from, deadline });
    match end {
        None => {
            ex.write(format_args!("{} ", period.text(Lang::Sv)), format_args!("{} ", period.text(Lang::En)));
            start.write_to(&mut ex);
            ex.push("; ingen fast tidpunkt", "; no fixed deadline");
        }
        Some(e) => {
            let (psv, pen) = (period.text(Lang::Sv), period.text(Lang::En));
            match (period, policy) {
                (Period::Hours(_), CountingPolicy::Elapsed) => {
                    ex.write(format_args!("{psv} förfluten tid "), format_args!("{pen} of elapsed time "))
                }
                (Period::Hours(_), _) => {
                    let start = LocalText(e.counting_from);
                    ex.write(
                        format_args!("{psv} räknat från nästa hela timme, {start} (förordning 1182/71 art. 3.1), "),
                        format_args!("{pen} counted from the next full hour, {start} (Regulation 1182/71 Art. 3(1)), "),
                    );
                }
                (Period::Months(_), CountingPolicy::Elapsed) => ex.write(
                    format_args!("{psv} (samma datum och klockslag; månadens sista dag om datumet saknas) "),
                    format_args!("{pen} (same date and time of day; the month's last day when that date does not exist) "),
                ),
                (Period::Weeks(n), CountingPolicy::Elapsed) => ex.write(
                    format_args!("{psv} ({} dagar, samma klockslag) ", n * 7),
                    format_args!("{pen} ({} days, same time of day) ", n * 7),
                ),
                (_, CountingPolicy::Elapsed) => {
                    ex.write(format_args!("{psv} (samma klockslag) "), format_args!("{pen} (same time of day) "))
                }
                (_, _) => ex.write(
                    format_args!("{psv} räknat från dagen efter till den sista dagens slut (förordning 1182/71 art. 3.1–3.2) "),
                    format_args!("{pen} counted from the next day to the end of the last day (Regulation 1182/71 Art. 3(1)–(2)) "),
                ),
            }
            if rule.stage == Stage::ProcessorToController {
                ex.push("(avtalad frist) ", "(contractual window) ");
            }
            start.write_to(&mut ex);
            let deadline = LocalText(e.deadline);
            ex.write(format_args!(" → {deadline}"), format_args!(" → {deadline}"));

            let changes = changes_between(e.counting_from, e.deadline);
            if let Some(&(at, spring)) = changes.first() {
                let wall = wall_span(e.counting_from, e.deadline);
                let day = stockholm::to_local(at).map(|t| stockholm::ymd(t.date())).unwrap_or_default();
                let (elapsed, clock) = (hours_text(e.deadline - e.counting_from), hours_text(wall));
                let (what_sv, what_en) = if spring {
                    ("Sommartiden började", "Summer time began on")
                } else {
                    ("Sommartiden slutade", "Summer time ended on")
                };
                let (arrow_sv, arrow_en) = if spring {
                    ("02:00 → 03:00", "02:00 → 03:00")
                } else {
                    ("03:00 → 02:00", "03:00 → 02:00")
                };
                ex.write(
                    format_args!(". {what_sv} {day} ({arrow_sv}): perioden är {elapsed} förfluten tid och {clock} på klockan"),
                    format_args!(". {what_en} {day} ({arrow_en}): the period is {elapsed} of elapsed time and {clock} on the clock"),
                );
            }
        }
    }

    if let Some(c) = completed {
        match o.late_by {
            Some(late) => {
                let (t, l) = (LocalText(c), human_duration(late));
                ex.write(format_args!(". Klar {t}, {l} för sent"), format_args!(". Done at {t}, {l} late"));
            }
            None => {
                ex.write(format_args!(". Klar {}", LocalText(c)), format_args!(". Done at {}", LocalText(c)))
            }
        }
        if processor_informed {
            ex.push(" (biträdet informerade oss, fråga 17)", " (a processor informed us, question 17)");
        }
    }
    if rule.stage == Stage::DataSubjects && completed.is_none() {
        subject_text(&mut ex, subject_information, now);
    }
    ex.push(".", ".");
    ex
}

/// What questions 31–35 say, for the explanation of the Art. 34 obligation.
fn subject_text(ex: &mut Explanation, info: SubjectInformation, now: OffsetDateTime) {
    match info {
        SubjectInformation::Unknown => ex.push(
            ". Krävs om incidenten sannolikt leder till hög risk för de registrerade; frågorna 31–35 är inte besvarade",
            ". Required if the breach is likely to result in a high risk to the data subjects; questions 31–35 are not answered",
        ),
        SubjectInformation::Informed { on } => {
            match on {
                Some(d) => {
                    let day = stockholm::ymd(d.date());
                    ex.write(
                        format_args!(". De registrerade informerades {day} (fråga 32)"),
                        format_args!(". The data subjects were informed on {day} (question 32)"),
                    )
                }
                None => ex.push(
                    ". De registrerade är informerade (fråga 31); datum saknas (fråga 32)",
                    ". The data subjects have been informed (question 31); the date is missing (question 32)",
                ),
            }
        }
        SubjectInformation::Planned { on } => {
            let passed = on.is_some_and(|d| d.date() < now.date());
            match (on, passed) {
                (Some(d), true) => {
                    let day = stockholm::ymd(d.date());
                    ex.write(
                        format_args!(". Planerat till {day} (fråga 34), ett datum som har passerat"),
                        format_args!(". Planned for {day} (question 34), a date that has passed"),
                    )
                }
                (Some(d), false) => {
                    let day = stockholm::ymd(d.date());
                    ex.write(
                        format_args!(". Planerat till {day} (fråga 34)"),
                        format_args!(". Planned for {day} (question 34)"),
                    )
                }
                (None, _) => ex.push(
                    ". De registrerade ska informeras (fråga 33); datum saknas (fråga 34)",
                    ". The data subjects will be informed (question 33); the date is missing (question 34)",
                ),
            }
        }
        SubjectInformation::NotInforming { reason_given } => {
            if reason_given {
                ex.push(
                    ". De registrerade informeras inte; skälen (undantagen i art. 34.3 eller låg risk) finns i fråga 35",
                    ". The data subjects will not be informed; the reasons (the exemptions of Art. 34(3) or a low risk) are in question 35",
                );
            } else {
                ex.push(
                    ". De registrerade informeras inte, men skälen saknas (fråga 35)",
                    ". The data subjects will not be informed, but the reasons are missing (question 35)",
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// JSON
// ---------------------------------------------------------------------------------------------

fn rfc3339(t: OffsetDateTime) -> String {
    t.format(&Rfc3339).unwrap_or_default()
}

fn utc(t: OffsetDateTime) -> String {
    rfc3339(t.to_offset(UtcOffset::UTC))
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct TriggerWire {
    event: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    stage: Option<Stage>,
    at: Option<String>,
    at_utc: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ObligationWire<'a> {
    regime: Regime,
    stage: Stage,
    title: Label,
    reference: Label,
    trigger: TriggerWire,
    period: Option<String>,
    policy: CountingPolicy,
    counting_from: Option<String>,
    deadline: Option<String>,
    deadline_utc: Option<String>,
    status: Status,
    remaining_seconds: Option<i64>,
    time_left: Option<String>,
    overdue_by: Option<String>,
    completed_at: Option<String>,
    late_by: Option<String>,
    date_only: bool,
    provisional: bool,
    dst_change: bool,
    wall_clock: Option<String>,
    explanation: &'a Explanation,
}

impl Serialize for Obligation {
    /// The JSON form: camelCase keys; instants in RFC 3339, at Swedish time's offset and (for the
    /// deadline, as `deadlineUtc`) in UTC; durations in ISO 8601 (`PT45H`), `remainingSeconds`
    /// signed; titles, references and the explanation as `{"sv": …, "en": …}`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        ObligationWire {
            regime: self.regime,
            stage: self.stage,
            title: self.title,
            reference: self.reference,
            trigger: TriggerWire {
                event: self.trigger.code(),
                stage: match self.trigger {
                    Trigger::Completion(st) => Some(st),
                    _ => None,
                },
                at: self.triggered_at.map(rfc3339),
                at_utc: self.triggered_at.map(utc),
            },
            period: self.period.iso8601(),
            policy: self.policy,
            counting_from: self.counting_from.map(rfc3339),
            deadline: self.deadline.map(rfc3339),
            deadline_utc: self.deadline.map(utc),
            status: self.status,
            remaining_seconds: self.remaining.map(Duration::whole_seconds),
            time_left: self.time_left().map(iso_duration),
            overdue_by: self.overdue_by().map(iso_duration),
            completed_at: self.completed_at.map(rfc3339),
            late_by: self.late_by.map(iso_duration),
            date_only: self.date_only,
            provisional: self.provisional,
            dst_change: self.dst_change,
            wall_clock: self.wall_clock.map(iso_duration),
            explanation: &self.explanation(),
        }
        .serialize(s)
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct AwarenessWire {
    at: String,
    at_utc: String,
    date_only: bool,
    ambiguous: bool,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ScheduleWire<'a> {
    now: String,
    policy: CountingPolicy,
    awareness: Option<AwarenessWire>,
    obligations: &'a [Obligation],
    notes: &'a [Note],
}

impl Serialize for Schedule {
    /// The JSON form: `now`, `policy`, `awareness` (`at`, `atUtc`, `dateOnly`, `ambiguous`),
    /// `obligations` and `notes`.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        ScheduleWire {
            now: rfc3339(self.now),
            policy: self.policy,
            awareness: self.awareness.map(|a| AwarenessWire {
                at: rfc3339(a.at),
                at_utc: utc(a.at),
                date_only: a.date_only,
                ambiguous: a.ambiguous,
            }),
            obligations: &self.obligations,
            notes: &self.notes,
        }
        .serialize(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::{date, datetime};

    #[test]
    fn every_stage_has_a_place_in_a_stage_map() {
        let mut m = StageMap::default();
        for rule in RULES {
            m.insert(rule.stage, datetime!(2025-01-01 0:00 UTC));
            assert!(m.get(rule.stage).is_some());
        }
        assert_eq!(Stage::EprivacyComplete as usize, STAGES - 1);
    }

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
        assert_eq!(changes_between(spring - Duration::SECOND, spring), vec![(spring, true)]);
    }

    #[test]
    fn every_stage_has_exactly_one_row_and_completion_triggers_come_after_their_stage() {
        for (i, rule) in RULES.iter().enumerate() {
            assert_eq!(RULES.iter().filter(|r| r.stage == rule.stage).count(), 1, "{:?}", rule.stage);
            if let Trigger::Completion(earlier) = rule.trigger {
                let j = RULES.iter().position(|r| r.stage == earlier).unwrap();
                assert!(j < i, "{:?} counts from a later row", rule.stage);
                assert_eq!(RULES[j].regime, rule.regime);
            }
        }
    }

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
