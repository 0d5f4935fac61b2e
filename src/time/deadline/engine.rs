//! The engine: every duty of a breach counted from the facts and judged at a moment.

use time::{Duration, OffsetDateTime};

use crate::lang::{Bilingual, Lang};
use crate::model::notification::Notification;
use crate::time::stockholm::{self, to_instant, to_local, LocalTimeError};

use super::counting::{changes_between, gdpr_deadline, period_end_by, wall_span, PeriodEnd};
use super::duties::{label, Applies, ClockStart, CountingPolicy, Duty, Period, Regime, Stage, DUTIES};
use super::facts::{Awareness, Facts, ScheduleOptions, SubjectInformation};
use super::results::{Note, Obligation, Schedule, Start, Status, Why};
use super::text::LocalText;

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
/// An instant per stage, without allocating (a schedule has a handful of stages).
#[derive(Debug, Default)]
struct StageMap([Option<OffsetDateTime>; STAGES]);

/// The number of [`Stage`]s.
const STAGES: usize = Stage::AiActReportWidespread as usize + 1;

impl StageMap {
    fn insert(&mut self, stage: Stage, at: OffsetDateTime) {
        self.0[stage as usize] = Some(at);
    }
    fn get(&self, stage: Stage) -> Option<OffsetDateTime> {
        self.0[stage as usize]
    }
}

struct Counted {
    started_at: Option<OffsetDateTime>,
    provisional: bool,
    date_only: bool,
    /// The starting event, for the explanation ("från …" / "from …").
    start: Start,
}

/// Counts every obligation of a breach and judges it at `now`.
///
/// # Example
/// ```
/// use imy_breach::deadline::{schedule, Facts, ScheduleOptions, Regime, Stage, Status};
/// use time::format_description::well_known::Rfc3339;
/// use time::macros::datetime;
///
/// let facts = Facts::new()
///     .aware_at(datetime!(2025-10-24 10:00 +02:00))
///     .filed_at(datetime!(2025-10-27 10:00 +01:00));
/// let s = schedule(&facts, &ScheduleOptions::new().regime(Regime::Nis2), datetime!(2025-10-28 12:00 +01:00))?;
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
pub fn schedule(
    facts: &Facts,
    options: &ScheduleOptions,
    now: OffsetDateTime,
) -> Result<Schedule, LocalTimeError> {
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
            message: Bilingual {
                sv: r.ambiguity_message(Lang::Sv).unwrap_or_default(),
                en: r.ambiguity_message(Lang::En).unwrap_or_default(),
            },
        });
    }
    let completed = completions(facts, options, now, &mut notes)?;
    let judged = Judging { facts, awareness, policy, now };

    let mut deadlines = StageMap::default();
    let mut obligations = Vec::with_capacity(DUTIES.len());
    for duty in DUTIES {
        if !enabled(options, duty.regime) || !applies(duty, facts, options) {
            continue;
        }
        let counted = start_of(duty, facts, awareness, &completed, &deadlines)?;
        let period = match (duty.stage, options.processor_window_hours) {
            (Stage::ProcessorToController, Some(h)) => Period::Hours(h),
            _ => duty.period,
        };
        let end = match counted.started_at {
            Some(t) => period_end_by(t, period, policy, duty.law)?,
            None => None,
        };
        if let Some(e) = end {
            deadlines.insert(duty.stage, e.deadline);
        }
        let completed_at = completed.get(duty.stage);
        obligations.push(obligation(&judged, duty, period, &counted, end, completed_at)?);
    }
    Ok(Schedule { now, policy, awareness, obligations, notes })
}

/// The completions of the facts that happened by `now`, at Swedish time's offset. A completion
/// after `now` has not happened yet at that moment: it is left out, with a note when its regime is
/// counted.
fn completions(
    facts: &Facts,
    options: &ScheduleOptions,
    now: OffsetDateTime,
    notes: &mut Vec<Note>,
) -> Result<StageMap, LocalTimeError> {
    let mut completed = StageMap::default();
    for (&stage, &at) in &facts.completed {
        let at = to_local(at)?;
        if at <= now {
            completed.insert(stage, at);
        } else if stage.duty().is_some_and(|r| enabled(options, r.regime)) {
            let (title, t) = (stage.duty().map(|r| r.title), LocalText(at));
            notes.push(Note {
                code: "completion-after-now",
                message: Bilingual {
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
    Ok(completed)
}

/// Whether a duty of a counted regime applies to these facts.
fn applies(duty: &Duty, facts: &Facts, options: &ScheduleOptions) -> bool {
    match duty.applies {
        Applies::Always => true,
        Applies::SupplementIntended => facts.intends_to_supplement,
        Applies::ProcessorInvolved => {
            facts.processors_involved
                || facts.processor_awareness.is_some()
                || options.processor_window_hours.is_some()
        }
        Applies::NotOngoing => !facts.ongoing,
        Applies::Ongoing => facts.ongoing,
        Applies::AiSeverity(s) => facts.ai_severity == s,
    }
}

/// What every obligation of one schedule is judged with.
struct Judging<'a> {
    facts: &'a Facts,
    /// The controller's awareness, at Swedish time's offset.
    awareness: Option<Awareness>,
    policy: CountingPolicy,
    /// The moment judged at, at Swedish time's offset.
    now: OffsetDateTime,
}

/// Counts a notification's obligations at `now`: [`Facts::from_notification`], then [`schedule`].
///
/// # Example
/// ```
/// use imy_breach::deadline::{schedule_notification, ScheduleOptions, Stage, Status};
/// use imy_breach::Notification;
/// use time::macros::datetime;
/// let n = Notification::from_json(r#"{"schemaVersion":"1.0","submittedAt":"2022-10-07T15:00:00+02:00",
///     "incident":{"discovered":{"date":"2022-09-22"}}}"#)?;
/// let s = schedule_notification(&n, &ScheduleOptions::new(), datetime!(2022-10-11 12:00 +02:00))?;
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
    options: &ScheduleOptions,
    now: OffsetDateTime,
) -> Result<Schedule, LocalTimeError> {
    schedule(&Facts::from_notification(n)?, options, now)
}

fn enabled(options: &ScheduleOptions, regime: Regime) -> bool {
    regime == Regime::Gdpr || options.regimes.contains(&regime)
}

fn start_of(
    duty: &Duty,
    facts: &Facts,
    awareness: Option<Awareness>,
    completed: &StageMap,
    deadlines: &StageMap,
) -> Result<Counted, LocalTimeError> {
    let counted = match duty.clock_start {
        ClockStart::Awareness => Counted {
            started_at: awareness.map(|a| a.at),
            provisional: false,
            date_only: awareness.is_some_and(|a| a.date_only),
            start: awareness.map_or(Start::None, Start::Awareness),
        },
        ClockStart::ProcessorAwareness if facts.no_processor && facts.processor_awareness.is_none() => {
            Counted { started_at: None, provisional: false, date_only: false, start: Start::None }
        }
        ClockStart::ProcessorAwareness => match (facts.processor_awareness, awareness) {
            (Some(p), _) => {
                let p = to_local(p)?;
                Counted {
                    started_at: Some(p),
                    provisional: false,
                    date_only: false,
                    start: Start::ProcessorAwareness(p),
                }
            }
            (None, Some(a)) => Counted {
                started_at: Some(a.at),
                provisional: false,
                date_only: a.date_only,
                start: Start::AwarenessForProcessor(a),
            },
            (None, None) => {
                Counted { started_at: None, provisional: false, date_only: false, start: Start::None }
            }
        },
        ClockStart::ClassifiedMajor | ClockStart::FixAvailable | ClockStart::IncidentHandled => {
            let at = match duty.clock_start {
                ClockStart::ClassifiedMajor => facts.classified_major,
                ClockStart::FixAvailable => facts.fix_available,
                _ => facts.handled,
            };
            let at = at.map(to_local).transpose()?;
            Counted {
                started_at: at,
                provisional: false,
                date_only: false,
                start: at.map_or(Start::None, |t| Start::Event(duty.clock_start, t)),
            }
        }
        ClockStart::Completion(earlier) => {
            let noun = earlier.duty().map_or(label("", ""), |r| r.noun);
            let date_only = earlier.duty().is_some_and(|r| r.clock_start == ClockStart::Awareness)
                && awareness.is_some_and(|a| a.date_only);
            match (completed.get(earlier), deadlines.get(earlier)) {
                (Some(done), _) => Counted {
                    started_at: Some(done),
                    provisional: false,
                    date_only: false,
                    start: Start::Submitted(noun, done),
                },
                (None, Some(due)) => Counted {
                    started_at: Some(due),
                    provisional: true,
                    date_only,
                    start: Start::Provisional(noun, due),
                },
                (None, None) => {
                    Counted { started_at: None, provisional: false, date_only, start: Start::None }
                }
            }
        }
    };
    Ok(counted)
}

fn obligation(
    judged: &Judging<'_>,
    duty: &'static Duty,
    period: Period,
    counted: &Counted,
    end: Option<PeriodEnd>,
    completed_at: Option<OffsetDateTime>,
) -> Result<Obligation, LocalTimeError> {
    let Judging { facts, awareness, policy, now } = *judged;
    let processor_informed = duty.stage == Stage::ProcessorToController
        && facts.processor_awareness.is_none()
        && completed_at.is_some_and(|c| awareness.is_some_and(|a| a.at == c));
    let mut o = Obligation {
        regime: duty.regime,
        stage: duty.stage,
        title: duty.title,
        reference: duty.reference,
        clock_start: duty.clock_start,
        started_at: counted.started_at,
        period,
        policy,
        counting_from: end.map(|e| e.counting_from),
        deadline: end.map(|e| e.deadline),
        moved: end.and_then(|e| e.moved),
        completed_at,
        status: Status::Unknown,
        remaining: None,
        late_by: None,
        date_only: counted.date_only,
        provisional: counted.provisional,
        dst_change: false,
        wall_clock: None,
        why: Why {
            duty,
            start: counted.start,
            completed: completed_at,
            processor_informed,
            subject_information: facts.subject_information,
            now,
        },
    };
    if counted.started_at.is_none() {
        if duty.clock_start == ClockStart::ProcessorAwareness && facts.no_processor {
            o.status = Status::NotApplicable;
        }
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
    if duty.stage == Stage::DataSubjects && completed_at.is_none() {
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

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn every_stage_has_a_place_in_a_stage_map() {
        let mut m = StageMap::default();
        for duty in DUTIES {
            m.insert(duty.stage, datetime!(2025-01-01 0:00 UTC));
            assert!(m.get(duty.stage).is_some());
        }
        assert_eq!(Stage::AiActReportWidespread as usize, STAGES - 1);
    }
}
