//! The JSON form of a schedule.

use crate::lang::Bilingual;
use serde::{Serialize, Serializer};
use time::format_description::well_known::Rfc3339;
use time::{Duration, OffsetDateTime, UtcOffset};

use super::duties::{ClockStart, CountingPolicy, Regime, Stage};
use super::results::{Note, Obligation, Schedule, Status};
use super::text::iso_duration;

fn rfc3339(t: OffsetDateTime) -> String {
    t.format(&Rfc3339).unwrap_or_default()
}

fn utc(t: OffsetDateTime) -> String {
    rfc3339(t.to_offset(UtcOffset::UTC))
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ClockStartWire {
    event: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    stage: Option<Stage>,
    at: Option<String>,
    at_utc: Option<String>,
}

/// A moved last day: `from` (as counted), the kind of `day` (its Swedish name), `to` (the last day
/// after the rules), the `rule` (`reg1182` or `sfs1930_173`), and whether Art. 3(5) lengthened it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct MovedWire {
    from: String,
    day: String,
    to: String,
    rule: &'static str,
    two_working_days: bool,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ObligationWire<'a> {
    regime: Regime,
    stage: Stage,
    title: Bilingual,
    reference: Bilingual,
    trigger: ClockStartWire,
    period: Option<String>,
    policy: CountingPolicy,
    counting_from: Option<String>,
    deadline: Option<String>,
    deadline_utc: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    moved: Option<MovedWire>,
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
    explanation: &'a Bilingual<String>,
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
            trigger: ClockStartWire {
                event: self.clock_start.code(),
                stage: match self.clock_start {
                    ClockStart::Completion(st) => Some(st),
                    _ => None,
                },
                at: self.started_at.map(rfc3339),
                at_utc: self.started_at.map(utc),
            },
            period: self.period.iso8601(),
            policy: self.policy,
            counting_from: self.counting_from.map(rfc3339),
            deadline: self.deadline.map(rfc3339),
            deadline_utc: self.deadline.map(utc),
            moved: self.moved.map(|m| MovedWire {
                from: m.from.to_string(),
                day: m.kind.name(m.from, crate::lang::Lang::Sv),
                to: m.two_working_days.unwrap_or(m.to).to_string(),
                rule: m.law.code(),
                two_working_days: m.two_working_days.is_some(),
            }),
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
