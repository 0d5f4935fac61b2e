//! The inputs of a schedule: what is known about a breach, and how to count.

use std::collections::{BTreeMap, BTreeSet};

use time::OffsetDateTime;

use crate::model::incident::DiscoveryMethod;
use crate::model::information::DataSubjectInformation;
use crate::model::notification::Notification;
use crate::time::stockholm::{to_instant, to_local, LocalTimeError};
use crate::values::choice::YesNo;
use crate::values::datetime::{LocalDate, StockholmOffset, WallClockTime};

use super::duties::{AiSeverity, CountingPolicy, Regime, Stage};

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
    /// [`crate::time::stockholm::to_instant`]. Without a time, from 00:00 that day.
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

/// What is known about a breach, for [`schedule`](super::schedule): from a notification
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
    /// No processor is involved: question 21 = Nej, and no processor informed the controller
    /// (question 17). The processor's row is then not applicable.
    pub no_processor: bool,
    /// The incident is ongoing (question 12 = Ja): NIS2 Art. 23(4)(e).
    pub ongoing: bool,
    /// When the incident was classified as major (DORA).
    pub classified_major: Option<OffsetDateTime>,
    /// When a corrective or mitigating measure became available (CRA).
    pub fix_available: Option<OffsetDateTime>,
    /// When an ongoing incident was handled (NIS2 Art. 23(4)(e)).
    pub handled: Option<OffsetDateTime>,
    /// What an AI Act serious incident involved.
    pub ai_severity: AiSeverity,
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
            no_processor: n.processors.involved == Some(YesNo::No)
                && n.incident.discovery_method != Some(DiscoveryMethod::ProcessorInformed),
            ongoing: n.incident.ongoing.is_some_and(YesNo::is_yes),
            ..Facts::default()
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

    /// The incident is ongoing (question 12 = Ja).
    pub fn ongoing(mut self, ongoing: bool) -> Self {
        self.ongoing = ongoing;
        self
    }

    /// The incident was classified as major (DORA).
    pub fn classified_major_at(mut self, at: OffsetDateTime) -> Self {
        self.classified_major = Some(at);
        self
    }

    /// A corrective or mitigating measure became available (CRA).
    pub fn fix_available_at(mut self, at: OffsetDateTime) -> Self {
        self.fix_available = Some(at);
        self
    }

    /// An ongoing incident was handled (NIS2 Art. 23(4)(e)).
    pub fn handled_at(mut self, at: OffsetDateTime) -> Self {
        self.handled = Some(at);
        self
    }

    /// What an AI Act serious incident involved.
    pub fn ai_severity(mut self, severity: AiSeverity) -> Self {
        self.ai_severity = severity;
        self
    }
}

/// How to count: the policy, the opt-in regimes, a processor's contractual window.
///
/// # Example
/// ```
/// use imy_breach::deadline::{CountingPolicy, ScheduleOptions, Regime};
/// let o = ScheduleOptions::new().policy(CountingPolicy::Legal).regime(Regime::Nis2).processor_window_hours(24);
/// assert!(o.regimes.contains(&Regime::Nis2));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ScheduleOptions {
    /// The counting policy (default [`CountingPolicy::Elapsed`]).
    pub policy: CountingPolicy,
    /// The regimes counted; always holds [`Regime::Gdpr`].
    pub regimes: BTreeSet<Regime>,
    /// A contractual window for the processor's notice to the controller, in hours (Art. 33(2) says
    /// only "without undue delay").
    pub processor_window_hours: Option<u32>,
}

impl Default for ScheduleOptions {
    fn default() -> Self {
        ScheduleOptions {
            policy: CountingPolicy::Elapsed,
            regimes: BTreeSet::from([Regime::Gdpr]),
            processor_window_hours: None,
        }
    }
}

impl ScheduleOptions {
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
