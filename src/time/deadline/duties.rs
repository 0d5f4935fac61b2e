//! The duties: counting policies, regimes, stages, periods and the table [`DUTIES`].

use std::fmt;

use serde::{Serialize, Serializer};

use crate::lang::{Bilingual, Lang};

/// How periods are counted. Under both, a Swedish wall-clock time that does not exist that day
/// (02:xx when summer time begins) moves forward by the hour skipped, and one that occurs twice is
/// the earlier. [`Elapsed`](CountingPolicy::Elapsed) is the earlier deadline, an alarm that is never
/// later than the law's; [`Legal`](CountingPolicy::Legal) is the law's deadline, each duty counted by
/// its own law ([`Duty::law`]). The reasons are in `docs/DESIGN.md`, section Deadlines.
///
/// # Example
/// ```
/// use imy_breach::deadline::CountingPolicy;
/// assert_eq!(CountingPolicy::default(), CountingPolicy::Elapsed);
/// assert_eq!("legal".parse::<CountingPolicy>(), Ok(CountingPolicy::Legal));
/// assert_eq!("reg1182".parse::<CountingPolicy>(), Ok(CountingPolicy::Legal)); // the old name
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
#[non_exhaustive]
pub enum CountingPolicy {
    /// Elapsed time, the conservative alarm: 72 hours are 72 × 3600 seconds from the event (71 or
    /// 73 hours on the clock across a daylight-saving change). Days, weeks and months end at the
    /// same Swedish wall-clock time on the same date that many days or months later; a month that
    /// has no such date ends on its last day. Nothing is moved off weekends or holidays, so the
    /// deadline is never later than [`Legal`](CountingPolicy::Legal)'s. Code `elapsed`.
    #[default]
    Elapsed,
    /// The law's deadline, each duty by its own law ([`CountingLaw`]): for EU regulations
    /// Regulation 1182/71 Art. 3 (the hour or day of the event is not counted; a day, week or month
    /// period ends with its last day, moved off Saturdays, Sundays and public holidays by Art. 3(4)
    /// and lengthened to two working days by Art. 3(5)); for directives transposed into Swedish law
    /// lag (1930:173) § 2 (a last day on a Saturday, Sunday, public holiday, Midsommarafton, Julafton
    /// or Nyårsafton moves to the next weekday). Periods in hours are never moved. Never earlier than
    /// [`Elapsed`](CountingPolicy::Elapsed). Code `legal`; `reg1182` is accepted as an alias.
    Legal,
}

#[allow(non_upper_case_globals)]
impl CountingPolicy {
    /// Every policy.
    pub const ALL: &'static [CountingPolicy] = &[CountingPolicy::Elapsed, CountingPolicy::Legal];

    /// The old name of [`Legal`](CountingPolicy::Legal) (code `reg1182`), kept for compatibility.
    pub const Reg1182: CountingPolicy = CountingPolicy::Legal;

    /// The stable code: `"elapsed"` or `"legal"`.
    pub fn code(self) -> &'static str {
        match self {
            CountingPolicy::Elapsed => "elapsed",
            CountingPolicy::Legal => "legal",
        }
    }

    /// A short description in the given language.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (CountingPolicy::Elapsed, Lang::Sv) => "förfluten tid",
            (CountingPolicy::Elapsed, _) => "elapsed time",
            (CountingPolicy::Legal, Lang::Sv) => {
                "lagens frist: förordning 1182/71 eller lag (1930:173), efter varje skyldighet"
            }
            (CountingPolicy::Legal, _) => {
                "the law's deadline: Regulation 1182/71 or lag (1930:173), per duty"
            }
        }
    }
}

/// The law by which a duty's period is counted under [`CountingPolicy::Legal`].
///
/// # Example
/// ```
/// use imy_breach::deadline::{CountingLaw, Stage};
/// assert_eq!(Stage::Nis2FinalReport.duty().unwrap().law, CountingLaw::Sfs1930);
/// assert_eq!(Stage::ImyNotification.duty().unwrap().law, CountingLaw::Reg1182);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CountingLaw {
    /// Regulation (EEC, Euratom) No 1182/71, for periods set by an EU regulation: Art. 3(1)–(2),
    /// Art. 3(4) and Art. 3(5). Code `reg1182`.
    Reg1182,
    /// Lag (1930:173) om beräkning av lagstadgad tid § 2, for periods set by Swedish law (a
    /// directive transposed): hours are elapsed time; a last day that is no weekday moves to the
    /// next weekday. Code `sfs1930_173`.
    Sfs1930,
    /// An authority's practice, not a period of law (IMY's 4 weeks for a supplement): counted like
    /// Regulation 1182/71 Art. 3(1)–(2), never moved. Code `practice`.
    Practice,
}

impl CountingLaw {
    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            CountingLaw::Reg1182 => "reg1182",
            CountingLaw::Sfs1930 => "sfs1930_173",
            CountingLaw::Practice => "practice",
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
        let s = if s == "reg1182" { "legal" } else { s };
        CountingPolicy::ALL.iter().copied().find(|p| p.code() == s).ok_or_else(|| UnknownCode {
            what: "counting policy",
            given: s.chars().take(32).collect(),
            expected: "elapsed, legal (alias reg1182)",
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

/// One duty of one regime. The titles, references and periods are in [`DUTIES`].
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

    /// The row of [`DUTIES`] for this stage.
    pub fn duty(self) -> Option<&'static Duty> {
        DUTIES.iter().find(|r| r.stage == self)
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
pub enum ClockStart {
    /// The controller became aware of the breach: question 11. Code `awareness`.
    Awareness,
    /// The processor became aware of the breach. When it is not given, the controller's awareness
    /// stands in for it, and the explanation says so. Code `processor_awareness`.
    ProcessorAwareness,
    /// An earlier stage was completed (or, while it is not, its deadline passes). Code
    /// `completion`.
    Completion(Stage),
}

impl ClockStart {
    /// The stable code: `"awareness"`, `"processor_awareness"` or `"completion"`.
    pub fn code(self) -> &'static str {
        match self {
            ClockStart::Awareness => "awareness",
            ClockStart::ProcessorAwareness => "processor_awareness",
            ClockStart::Completion(_) => "completion",
        }
    }
}

/// The length of a period; [`CountingPolicy`] says how each is counted.
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
    pub(super) fn text(self, lang: Lang) -> PeriodText {
        PeriodText(self, lang)
    }
}

/// A period in words (see [`Period::describe`]).
#[derive(Debug, Clone, Copy)]
pub(super) struct PeriodText(Period, Lang);

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

/// When a row of [`DUTIES`] applies (beyond its regime being on).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Applies {
    /// Always.
    Always,
    /// When the controller intends to supplement the notification (question 36 = Ja).
    SupplementIntended,
    /// When processors are involved (question 21 = Ja), the processor's awareness is given, or a
    /// contractual window is given ([`ScheduleOptions::processor_window_hours`](super::ScheduleOptions::processor_window_hours)).
    ProcessorInvolved,
}

/// One row of the regime table [`DUTIES`]: a duty, the event that starts its clock, the period and
/// the legal reference. Adding a regime is adding rows (and its [`Regime`] and [`Stage`] names).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Duty {
    /// The regime.
    pub regime: Regime,
    /// The stage.
    pub stage: Stage,
    /// The event that starts the clock.
    pub clock_start: ClockStart,
    /// The period.
    pub period: Period,
    /// The law the period is counted by under [`CountingPolicy::Legal`].
    pub law: CountingLaw,
    /// When the row applies.
    pub applies: Applies,
    /// The title, for example "Anmälan till IMY" / "Notification to IMY".
    pub title: Bilingual,
    /// The legal reference, for example "GDPR art. 33.1" / "GDPR Art. 33(1)".
    pub reference: Bilingual,
    /// The duty as the object of "from the submission of …": "anmälan till IMY" / "the
    /// notification to IMY".
    pub noun: Bilingual,
}

pub(super) const fn label(sv: &'static str, en: &'static str) -> Bilingual {
    Bilingual::new(sv, en)
}

/// The regime table: every duty this crate counts, in display order. A row counted from another
/// stage comes after it.
pub const DUTIES: &[Duty] = &[
    Duty {
        regime: Regime::Gdpr,
        stage: Stage::ImyNotification,
        clock_start: ClockStart::Awareness,
        period: Period::Hours(72),
        law: CountingLaw::Reg1182,
        applies: Applies::Always,
        title: label("Anmälan till IMY", "Notification to IMY"),
        reference: label("GDPR art. 33.1", "GDPR Art. 33(1)"),
        noun: label("anmälan till IMY", "the notification to IMY"),
    },
    Duty {
        regime: Regime::Gdpr,
        stage: Stage::ImySupplement,
        clock_start: ClockStart::Completion(Stage::ImyNotification),
        period: Period::Weeks(4),
        law: CountingLaw::Practice,
        applies: Applies::SupplementIntended,
        title: label("Komplettering till IMY", "Supplement to IMY"),
        reference: label(
            "GDPR art. 33.4; IMY beslutar efter 4 veckor",
            "GDPR Art. 33(4); IMY decides after 4 weeks",
        ),
        noun: label("kompletteringen", "the supplement"),
    },
    Duty {
        regime: Regime::Gdpr,
        stage: Stage::ProcessorToController,
        clock_start: ClockStart::ProcessorAwareness,
        period: Period::WithoutUndueDelay,
        law: CountingLaw::Reg1182,
        applies: Applies::ProcessorInvolved,
        title: label("Biträdet underrättar den ansvarige", "Processor notifies the controller"),
        reference: label("GDPR art. 33.2", "GDPR Art. 33(2)"),
        noun: label("biträdets underrättelse", "the processor's notice"),
    },
    Duty {
        regime: Regime::Gdpr,
        stage: Stage::DataSubjects,
        clock_start: ClockStart::Awareness,
        period: Period::WithoutUndueDelay,
        law: CountingLaw::Reg1182,
        applies: Applies::Always,
        title: label("Information till de registrerade", "Information to the data subjects"),
        reference: label("GDPR art. 34", "GDPR Art. 34"),
        noun: label("informationen till de registrerade", "the information to the data subjects"),
    },
    Duty {
        regime: Regime::Nis2,
        stage: Stage::Nis2EarlyWarning,
        clock_start: ClockStart::Awareness,
        period: Period::Hours(24),
        law: CountingLaw::Sfs1930,
        applies: Applies::Always,
        title: label("Tidig varning", "Early warning"),
        reference: label("NIS2 (EU) 2022/2555 art. 23.4 a", "NIS2 (EU) 2022/2555 Art. 23(4)(a)"),
        noun: label("den tidiga varningen", "the early warning"),
    },
    Duty {
        regime: Regime::Nis2,
        stage: Stage::Nis2IncidentNotification,
        clock_start: ClockStart::Awareness,
        period: Period::Hours(72),
        law: CountingLaw::Sfs1930,
        applies: Applies::Always,
        title: label("Incidentanmälan", "Incident notification"),
        reference: label("NIS2 (EU) 2022/2555 art. 23.4 b", "NIS2 (EU) 2022/2555 Art. 23(4)(b)"),
        noun: label("incidentanmälan", "the incident notification"),
    },
    Duty {
        regime: Regime::Nis2,
        stage: Stage::Nis2FinalReport,
        clock_start: ClockStart::Completion(Stage::Nis2IncidentNotification),
        period: Period::Months(1),
        law: CountingLaw::Sfs1930,
        applies: Applies::Always,
        title: label("Slutrapport", "Final report"),
        reference: label("NIS2 (EU) 2022/2555 art. 23.4 d", "NIS2 (EU) 2022/2555 Art. 23(4)(d)"),
        noun: label("slutrapporten", "the final report"),
    },
    Duty {
        regime: Regime::Eprivacy,
        stage: Stage::EprivacyInitial,
        clock_start: ClockStart::Awareness,
        period: Period::Hours(24),
        law: CountingLaw::Reg1182,
        applies: Applies::Always,
        title: label("Första anmälan till PTS", "Initial notification to PTS"),
        reference: label("Förordning (EU) 611/2013 art. 2.2", "Regulation (EU) 611/2013 Art. 2(2)"),
        noun: label("den första anmälan till PTS", "the initial notification to PTS"),
    },
    Duty {
        regime: Regime::Eprivacy,
        stage: Stage::EprivacyComplete,
        clock_start: ClockStart::Completion(Stage::EprivacyInitial),
        period: Period::Days(3),
        law: CountingLaw::Reg1182,
        applies: Applies::Always,
        title: label("Fullständig anmälan till PTS", "Complete notification to PTS"),
        reference: label("Förordning (EU) 611/2013 art. 2.3", "Regulation (EU) 611/2013 Art. 2(3)"),
        noun: label("den fullständiga anmälan till PTS", "the complete notification to PTS"),
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_stage_has_exactly_one_row_and_completion_triggers_come_after_their_stage() {
        for (i, duty) in DUTIES.iter().enumerate() {
            assert_eq!(DUTIES.iter().filter(|r| r.stage == duty.stage).count(), 1, "{:?}", duty.stage);
            if let ClockStart::Completion(earlier) = duty.clock_start {
                let j = DUTIES.iter().position(|r| r.stage == earlier).unwrap();
                assert!(j < i, "{:?} counts from a later row", duty.stage);
                assert_eq!(DUTIES[j].regime, duty.regime);
            }
        }
    }
}
