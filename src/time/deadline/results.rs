//! The results of a schedule: obligations with their statuses, and notes.

use serde::{Serialize, Serializer};
use time::{Duration, OffsetDateTime};

use crate::lang::{Bilingual, Lang};

use super::counting::Moved;
use super::duties::{ClockStart, CountingPolicy, Duty, Period, Regime, Stage};
use super::facts::{Awareness, SubjectInformation};

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
    /// Does not apply to these facts: the processor's notice when no processor is involved
    /// (question 21 = Nej). Code `not_applicable`.
    NotApplicable,
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
            Status::NotApplicable => "not_applicable",
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
            Status::NotApplicable => ("gäller inte", "not applicable"),
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
    pub title: Bilingual,
    /// The legal reference.
    pub reference: Bilingual,
    /// The event that starts the clock.
    pub clock_start: ClockStart,
    /// When that event happened (or, when [`provisional`](Obligation::provisional), the earlier
    /// stage's deadline); `None` when not known. At Swedish time's offset.
    pub started_at: Option<OffsetDateTime>,
    /// The period, with a processor's contractual window filled in.
    pub period: Period,
    /// The counting policy.
    pub policy: CountingPolicy,
    /// Where counting starts (see [`PeriodEnd::counting_from`](super::PeriodEnd::counting_from)).
    pub counting_from: Option<OffsetDateTime>,
    /// The deadline, at Swedish time's offset; `None` without a fixed instant.
    pub deadline: Option<OffsetDateTime>,
    /// The last day moved by a calendar rule (under [`CountingPolicy::Legal`] only).
    pub moved: Option<Moved>,
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
    pub(super) why: Why,
}

/// The facts an obligation's explanation is written from, beyond its public fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Why {
    pub(super) duty: &'static Duty,
    pub(super) start: Start,
    /// The completion given in the facts (before questions 31–35 are read for Art. 34).
    pub(super) completed: Option<OffsetDateTime>,
    /// The controller learnt of the breach from the processor (question 17), so the processor's
    /// notice is done at the controller's awareness.
    pub(super) processor_informed: bool,
    pub(super) subject_information: SubjectInformation,
    /// The moment judged at.
    pub(super) now: OffsetDateTime,
}

impl Obligation {
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
    pub message: Bilingual<String>,
}

/// Every obligation of a breach at a given moment: the result of [`schedule`](super::schedule).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Schedule {
    /// The moment judged at, at Swedish time's offset.
    pub now: OffsetDateTime,
    /// The counting policy.
    pub policy: CountingPolicy,
    /// The controller's awareness, when known.
    pub awareness: Option<Awareness>,
    /// The obligations, in the order of [`DUTIES`](super::DUTIES).
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

/// What a period is counted from, as the explanation says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Start {
    /// Nothing to say.
    None,
    /// The controller's awareness (question 11).
    Awareness(Awareness),
    /// The processor's awareness, given.
    ProcessorAwareness(OffsetDateTime),
    /// The controller's awareness, standing in for the processor's, which is not given.
    AwarenessForProcessor(Awareness),
    /// The submission of an earlier stage.
    Submitted(Bilingual, OffsetDateTime),
    /// The deadline of an earlier stage not submitted yet.
    Provisional(Bilingual, OffsetDateTime),
    /// A trigger other than awareness: classification as major, a fix available, handling.
    Event(ClockStart, OffsetDateTime),
}
