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
    /// DORA, Regulation (EU) 2022/2554 Art. 19 with Delegated Regulation (EU) 2025/301: major
    /// ICT-related incidents of financial entities. Code `dora`.
    Dora,
    /// eIDAS, Regulation (EU) No 910/2014 Art. 19(2): trust service providers. Code `eidas`.
    Eidas,
    /// The CER Directive (EU) 2022/2557 Art. 15: critical entities. Code `cer`.
    Cer,
    /// The Cyber Resilience Act, Regulation (EU) 2024/2847 Art. 14(2): actively exploited
    /// vulnerabilities in products with digital elements. Code `cra`.
    Cra,
    /// The AI Act, Regulation (EU) 2024/1689 Art. 73: serious incidents of high-risk AI systems.
    /// Code `ai_act`.
    AiAct,
}

impl Regime {
    /// Every regime, GDPR first.
    pub const ALL: &'static [Regime] = &[
        Regime::Gdpr,
        Regime::Nis2,
        Regime::Eprivacy,
        Regime::Dora,
        Regime::Eidas,
        Regime::Cer,
        Regime::Cra,
        Regime::AiAct,
    ];

    /// The stable code: `"gdpr"`, `"nis2"`, `"eprivacy"`, `"dora"`, `"eidas"`, `"cer"`, `"cra"` or
    /// `"ai_act"`.
    pub fn code(self) -> &'static str {
        match self {
            Regime::Gdpr => "gdpr",
            Regime::Nis2 => "nis2",
            Regime::Eprivacy => "eprivacy",
            Regime::Dora => "dora",
            Regime::Eidas => "eidas",
            Regime::Cer => "cer",
            Regime::Cra => "cra",
            Regime::AiAct => "ai_act",
        }
    }

    /// The short name: "GDPR", "NIS2", "ePrivacy" / "e-integritet".
    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Regime::Gdpr, _) => "GDPR",
            (Regime::Nis2, _) => "NIS2",
            (Regime::Eprivacy, Lang::Sv) => "E-integritet",
            (Regime::Eprivacy, _) => "ePrivacy",
            (Regime::Dora, _) => "DORA",
            (Regime::Eidas, _) => "eIDAS",
            (Regime::Cer, _) => "CER",
            (Regime::Cra, _) => "CRA",
            (Regime::AiAct, Lang::Sv) => "AI-förordningen",
            (Regime::AiAct, _) => "AI Act",
        }
    }
}

impl std::str::FromStr for Regime {
    type Err = UnknownCode;
    fn from_str(s: &str) -> Result<Self, UnknownCode> {
        Regime::ALL.iter().copied().find(|r| r.code() == s).ok_or_else(|| UnknownCode {
            what: "regime",
            given: s.chars().take(32).collect(),
            expected: "gdpr, nis2, eprivacy, dora, eidas, cer, cra, ai_act",
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
    /// NIS2 Art. 23(4)(d): final report, one month after the incident notification, for an incident
    /// that is not ongoing (question 12 is not Ja). Code `nis2_final_report`.
    Nis2FinalReport,
    /// NIS2 Art. 23(4)(e): progress report at one month for an ongoing incident. Code
    /// `nis2_progress_report`.
    Nis2ProgressReport,
    /// NIS2 Art. 23(4)(e): final report one month after an ongoing incident is handled. Code
    /// `nis2_final_report_after_handling`.
    Nis2FinalReportAfterHandling,
    /// Regulation 611/2013 Art. 2(2) and (3): initial notification. Code `eprivacy_initial`.
    EprivacyInitial,
    /// Regulation 611/2013 Art. 2(3): complete (second) notification. Code `eprivacy_complete`.
    EprivacyComplete,
    /// DORA initial notification: 4 hours after classification as major. Code
    /// `dora_initial_after_classification`.
    DoraInitialAfterClassification,
    /// DORA initial notification: at the latest 24 hours after awareness. Code `dora_initial`.
    DoraInitial,
    /// DORA intermediate report: 72 hours after the initial notification. Code
    /// `dora_intermediate`.
    DoraIntermediate,
    /// DORA final report: one month after the (last) intermediate report. Code `dora_final`.
    DoraFinal,
    /// eIDAS Art. 19(2): notification to the supervisory body. Code `eidas_notification`.
    EidasNotification,
    /// CER Art. 15(1): initial notification. Code `cer_initial`.
    CerInitial,
    /// CER Art. 15(1): detailed report. Code `cer_detailed_report`.
    CerDetailedReport,
    /// CRA Art. 14(2)(a): early warning. Code `cra_early_warning`.
    CraEarlyWarning,
    /// CRA Art. 14(2)(b): vulnerability notification. Code `cra_notification`.
    CraNotification,
    /// CRA Art. 14(2)(c): final report, 14 days after a corrective measure is available. Code
    /// `cra_final_report`.
    CraFinalReport,
    /// AI Act Art. 73(2): report of a serious incident, 15 days. Code `ai_act_report`.
    AiActReport,
    /// AI Act Art. 73(4): on a death, 10 days. Code `ai_act_report_death`.
    AiActReportDeath,
    /// AI Act Art. 73(3): a widespread infringement or critical infrastructure, 2 days. Code
    /// `ai_act_report_widespread`.
    AiActReportWidespread,
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
            Stage::Nis2ProgressReport => "nis2_progress_report",
            Stage::Nis2FinalReportAfterHandling => "nis2_final_report_after_handling",
            Stage::DoraInitialAfterClassification => "dora_initial_after_classification",
            Stage::DoraInitial => "dora_initial",
            Stage::DoraIntermediate => "dora_intermediate",
            Stage::DoraFinal => "dora_final",
            Stage::EidasNotification => "eidas_notification",
            Stage::CerInitial => "cer_initial",
            Stage::CerDetailedReport => "cer_detailed_report",
            Stage::CraEarlyWarning => "cra_early_warning",
            Stage::CraNotification => "cra_notification",
            Stage::CraFinalReport => "cra_final_report",
            Stage::AiActReport => "ai_act_report",
            Stage::AiActReportDeath => "ai_act_report_death",
            Stage::AiActReportWidespread => "ai_act_report_widespread",
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
    /// The incident was classified as major (DORA). Code `classified_major`.
    ClassifiedMajor,
    /// A corrective or mitigating measure became available (CRA). Code `fix_available`.
    FixAvailable,
    /// An ongoing incident was handled (NIS2 Art. 23(4)(e)). Code `incident_handled`.
    IncidentHandled,
}

impl ClockStart {
    /// The stable code: `"awareness"`, `"processor_awareness"`, `"completion"`,
    /// `"classified_major"`, `"fix_available"` or `"incident_handled"`.
    pub fn code(self) -> &'static str {
        match self {
            ClockStart::Awareness => "awareness",
            ClockStart::ProcessorAwareness => "processor_awareness",
            ClockStart::Completion(_) => "completion",
            ClockStart::ClassifiedMajor => "classified_major",
            ClockStart::FixAvailable => "fix_available",
            ClockStart::IncidentHandled => "incident_handled",
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
    /// When the incident is not ongoing (question 12 is not Ja).
    NotOngoing,
    /// When the incident is ongoing (question 12 = Ja).
    Ongoing,
    /// When the AI Act incident has this severity ([`Facts::ai_severity`](super::Facts::ai_severity)).
    AiSeverity(AiSeverity),
}

/// What an AI Act serious incident involved (Art. 73(2)–(4)): it sets the period.
///
/// # Example
/// ```
/// use imy_breach::deadline::AiSeverity;
/// assert_eq!("death".parse::<AiSeverity>(), Ok(AiSeverity::Death));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum AiSeverity {
    /// Any other serious incident: 15 days (Art. 73(2)). Code `serious`.
    #[default]
    Serious,
    /// The death of a person: 10 days (Art. 73(4)). Code `death`.
    Death,
    /// A widespread infringement or a serious incident in critical infrastructure (Art. 3(49)(b)):
    /// 2 days (Art. 73(3)). Code `widespread`.
    Widespread,
}

impl std::str::FromStr for AiSeverity {
    type Err = UnknownCode;
    fn from_str(s: &str) -> Result<Self, UnknownCode> {
        match s {
            "serious" => Ok(AiSeverity::Serious),
            "death" => Ok(AiSeverity::Death),
            "widespread" => Ok(AiSeverity::Widespread),
            _ => Err(UnknownCode {
                what: "AI Act severity",
                given: s.chars().take(32).collect(),
                expected: "serious, death, widespread",
            }),
        }
    }
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

/// The reference and noun of both DORA initial-notification rows (4 hours after classification, at
/// most 24 hours after awareness).
const DORA_INITIAL: (Bilingual, Bilingual) = (
    label(
        "DORA (EU) 2022/2554 art. 19.4; (EU) 2025/301 art. 5.1 a",
        "DORA (EU) 2022/2554 Art. 19(4); (EU) 2025/301 Art. 5(1)(a)",
    ),
    label("den första anmälan", "the initial notification"),
);

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
        applies: Applies::NotOngoing,
        title: label("Slutrapport", "Final report"),
        reference: label("NIS2 (EU) 2022/2555 art. 23.4 d", "NIS2 (EU) 2022/2555 Art. 23(4)(d)"),
        noun: label("slutrapporten", "the final report"),
    },
    Duty {
        regime: Regime::Nis2,
        stage: Stage::Nis2ProgressReport,
        clock_start: ClockStart::Completion(Stage::Nis2IncidentNotification),
        period: Period::Months(1),
        law: CountingLaw::Sfs1930,
        applies: Applies::Ongoing,
        title: label("Lägesrapport (pågående incident)", "Progress report (ongoing incident)"),
        reference: label("NIS2 (EU) 2022/2555 art. 23.4 e", "NIS2 (EU) 2022/2555 Art. 23(4)(e)"),
        noun: label("lägesrapporten", "the progress report"),
    },
    Duty {
        regime: Regime::Nis2,
        stage: Stage::Nis2FinalReportAfterHandling,
        clock_start: ClockStart::IncidentHandled,
        period: Period::Months(1),
        law: CountingLaw::Sfs1930,
        applies: Applies::Ongoing,
        title: label("Slutrapport efter hanteringen", "Final report after handling"),
        reference: label("NIS2 (EU) 2022/2555 art. 23.4 e", "NIS2 (EU) 2022/2555 Art. 23(4)(e)"),
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
    Duty {
        regime: Regime::Dora,
        stage: Stage::DoraInitialAfterClassification,
        clock_start: ClockStart::ClassifiedMajor,
        period: Period::Hours(4),
        law: CountingLaw::Reg1182,
        applies: Applies::Always,
        title: label("Första anmälan, efter klassificering", "Initial notification, after classification"),
        reference: DORA_INITIAL.0,
        noun: DORA_INITIAL.1,
    },
    Duty {
        regime: Regime::Dora,
        stage: Stage::DoraInitial,
        clock_start: ClockStart::Awareness,
        period: Period::Hours(24),
        law: CountingLaw::Reg1182,
        applies: Applies::Always,
        title: label("Första anmälan, senast", "Initial notification, at the latest"),
        reference: DORA_INITIAL.0,
        noun: DORA_INITIAL.1,
    },
    Duty {
        regime: Regime::Dora,
        stage: Stage::DoraIntermediate,
        clock_start: ClockStart::Completion(Stage::DoraInitial),
        period: Period::Hours(72),
        law: CountingLaw::Reg1182,
        applies: Applies::Always,
        title: label("Mellanrapport", "Intermediate report"),
        reference: label(
            "DORA (EU) 2022/2554 art. 19.4 b; (EU) 2025/301 art. 5.1 b",
            "DORA (EU) 2022/2554 Art. 19(4)(b); (EU) 2025/301 Art. 5(1)(b)",
        ),
        noun: label("mellanrapporten", "the intermediate report"),
    },
    Duty {
        regime: Regime::Dora,
        stage: Stage::DoraFinal,
        clock_start: ClockStart::Completion(Stage::DoraIntermediate),
        period: Period::Months(1),
        law: CountingLaw::Reg1182,
        applies: Applies::Always,
        title: label("Slutrapport", "Final report"),
        reference: label(
            "DORA (EU) 2022/2554 art. 19.4 c; (EU) 2025/301 art. 5.1 c",
            "DORA (EU) 2022/2554 Art. 19(4)(c); (EU) 2025/301 Art. 5(1)(c)",
        ),
        noun: label("slutrapporten", "the final report"),
    },
    Duty {
        regime: Regime::Eidas,
        stage: Stage::EidasNotification,
        clock_start: ClockStart::Awareness,
        period: Period::Hours(24),
        law: CountingLaw::Reg1182,
        applies: Applies::Always,
        title: label("Anmälan till tillsynsorganet", "Notification to the supervisory body"),
        reference: label("eIDAS (EU) 910/2014 art. 19.2", "eIDAS (EU) 910/2014 Art. 19(2)"),
        noun: label("anmälan till tillsynsorganet", "the notification to the supervisory body"),
    },
    Duty {
        regime: Regime::Cer,
        stage: Stage::CerInitial,
        clock_start: ClockStart::Awareness,
        period: Period::Hours(24),
        law: CountingLaw::Sfs1930,
        applies: Applies::Always,
        title: label("Första underrättelse", "Initial notification"),
        reference: label("CER (EU) 2022/2557 art. 15.1", "CER (EU) 2022/2557 Art. 15(1)"),
        noun: label("den första underrättelsen", "the initial notification"),
    },
    Duty {
        regime: Regime::Cer,
        stage: Stage::CerDetailedReport,
        clock_start: ClockStart::Completion(Stage::CerInitial),
        period: Period::Months(1),
        law: CountingLaw::Sfs1930,
        applies: Applies::Always,
        title: label("Detaljerad rapport", "Detailed report"),
        reference: label("CER (EU) 2022/2557 art. 15.1", "CER (EU) 2022/2557 Art. 15(1)"),
        noun: label("den detaljerade rapporten", "the detailed report"),
    },
    Duty {
        regime: Regime::Cra,
        stage: Stage::CraEarlyWarning,
        clock_start: ClockStart::Awareness,
        period: Period::Hours(24),
        law: CountingLaw::Reg1182,
        applies: Applies::Always,
        title: label("Tidig varning", "Early warning"),
        reference: label("CRA (EU) 2024/2847 art. 14.2 a", "CRA (EU) 2024/2847 Art. 14(2)(a)"),
        noun: label("den tidiga varningen", "the early warning"),
    },
    Duty {
        regime: Regime::Cra,
        stage: Stage::CraNotification,
        clock_start: ClockStart::Awareness,
        period: Period::Hours(72),
        law: CountingLaw::Reg1182,
        applies: Applies::Always,
        title: label("Anmälan av sårbarheten", "Vulnerability notification"),
        reference: label("CRA (EU) 2024/2847 art. 14.2 b", "CRA (EU) 2024/2847 Art. 14(2)(b)"),
        noun: label("anmälan", "the notification"),
    },
    Duty {
        regime: Regime::Cra,
        stage: Stage::CraFinalReport,
        clock_start: ClockStart::FixAvailable,
        period: Period::Days(14),
        law: CountingLaw::Reg1182,
        applies: Applies::Always,
        title: label("Slutrapport", "Final report"),
        reference: label("CRA (EU) 2024/2847 art. 14.2 c", "CRA (EU) 2024/2847 Art. 14(2)(c)"),
        noun: label("slutrapporten", "the final report"),
    },
    Duty {
        regime: Regime::AiAct,
        stage: Stage::AiActReport,
        clock_start: ClockStart::Awareness,
        period: Period::Days(15),
        law: CountingLaw::Reg1182,
        applies: Applies::AiSeverity(AiSeverity::Serious),
        title: label("Rapport om allvarlig incident", "Serious incident report"),
        reference: label("AI-förordningen (EU) 2024/1689 art. 73.2", "AI Act (EU) 2024/1689 Art. 73(2)"),
        noun: label("rapporten", "the report"),
    },
    Duty {
        regime: Regime::AiAct,
        stage: Stage::AiActReportDeath,
        clock_start: ClockStart::Awareness,
        period: Period::Days(10),
        law: CountingLaw::Reg1182,
        applies: Applies::AiSeverity(AiSeverity::Death),
        title: label("Rapport om allvarlig incident (dödsfall)", "Serious incident report (death)"),
        reference: label("AI-förordningen (EU) 2024/1689 art. 73.4", "AI Act (EU) 2024/1689 Art. 73(4)"),
        noun: label("rapporten", "the report"),
    },
    Duty {
        regime: Regime::AiAct,
        stage: Stage::AiActReportWidespread,
        clock_start: ClockStart::Awareness,
        period: Period::Days(2),
        law: CountingLaw::Reg1182,
        applies: Applies::AiSeverity(AiSeverity::Widespread),
        title: label(
            "Rapport om allvarlig incident (omfattande överträdelse eller kritisk infrastruktur)",
            "Serious incident report (widespread infringement or critical infrastructure)",
        ),
        reference: label("AI-förordningen (EU) 2024/1689 art. 73.3", "AI Act (EU) 2024/1689 Art. 73(3)"),
        noun: label("rapporten", "the report"),
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
