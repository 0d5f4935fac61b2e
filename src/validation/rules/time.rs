//! Time: moments that exist in Swedish time, the order of events, dates after the submission
//! moment, and the reason for a late notification.

use std::cmp::Ordering;

use time::OffsetDateTime;

use super::super::subject::subject;
use super::ctx::Ctx;
use crate::form::Field;
use crate::lang::Lang;
use crate::model::incident::EventTime;
use crate::time::stockholm::{self, LocalTimeError};
use crate::validation::options::ValidationOptions;
use crate::values::datetime::{LocalDate, WallClockTime};

/// A moment given on the form, resolved as far as it can be.
#[derive(Debug, Clone, Copy)]
struct Moment {
    date: LocalDate,
    time: Option<WallClockTime>,
    /// The instant, when a time is given and it exists in Swedish time.
    instant: Option<OffsetDateTime>,
}

impl Moment {
    fn on(date: LocalDate) -> Self {
        Moment { date, time: None, instant: None }
    }

    fn show(&self) -> String {
        match self.time {
            Some(t) => format!("{} {t}", self.date),
            None => self.date.to_string(),
        }
    }

    /// Whether `self` is certainly before `other`; `None` when it cannot be told (the same date
    /// and a time missing).
    fn cmp_to(&self, other: &Moment) -> Option<Ordering> {
        match (self.time, other.time) {
            (Some(a), Some(b)) => Some(match (self.instant, other.instant) {
                (Some(x), Some(y)) => x.cmp(&y),
                _ => (self.date, a).cmp(&(other.date, b)),
            }),
            _ if self.date != other.date => Some(self.date.cmp(&other.date)),
            _ => None,
        }
    }

    fn before(&self, other: &Moment) -> bool {
        self.cmp_to(other) == Some(Ordering::Less)
    }
}

/// Resolves a moment of questions 10, 11 or 13, recording a time that does not exist, an offset
/// that does not fit, a time that occurs twice, or a date outside the supported range.
fn event_moment(ctx: &mut Ctx<'_>, group: Field, t: &EventTime) -> Option<Moment> {
    let date = t.date?;
    let report = |ctx: &mut Ctx<'_>, code: &'static str, member: &str, sv: String, en: String| {
        let s = subject(group.pattern_str());
        let at = Field::child(Some(group), member).unwrap_or(group);
        ctx.push(
            code,
            at.pattern_str().to_string(),
            &[],
            format!("{}: {sv}", s.text.sv),
            format!("{}: {en}", s.text.en),
        );
    };
    let instant = match stockholm::to_instant(date, t.time, t.utc_offset) {
        Ok(r) => {
            if let (Some(sv), Some(en)) = (r.ambiguity_message(Lang::Sv), r.ambiguity_message(Lang::En)) {
                report(ctx, stockholm::AMBIGUOUS_CODE, "time", sv, en);
            }
            t.time.map(|_| r.instant)
        }
        Err(e) => {
            let member = match e {
                LocalTimeError::Gap { .. } => "time",
                LocalTimeError::UtcOffsetMismatch { .. } => "utcOffset",
                _ => "date",
            };
            report(ctx, e.code(), member, e.message(Lang::Sv), e.message(Lang::En));
            None
        }
    };
    Some(Moment { date, time: t.time, instant })
}

/// Runs the time rules; returns whether `late-reason-required` could not be checked (question 11
/// not resolved to an instant).
pub(super) fn times(
    ctx: &mut Ctx<'_>,
    submitted: Option<OffsetDateTime>,
    options: &ValidationOptions,
) -> bool {
    let n = ctx.n;
    let inc = &n.incident;
    let occurred = event_moment(ctx, Field::IncidentOccurred, &inc.occurred);
    let discovered = event_moment(ctx, Field::IncidentDiscovered, &inc.discovered);
    let ceased = event_moment(ctx, Field::IncidentCeased, &inc.ceased);
    event_order(ctx, occurred, discovered, ceased);
    informed_before_discovery(ctx, discovered);
    before_gdpr(ctx, discovered);
    action_times(ctx, occurred);

    let info = &n.data_subject_information;
    let Some(at) = submitted else { return false };
    future_dates(
        ctx,
        at,
        [
            (occurred, Field::IncidentOccurred),
            (discovered, Field::IncidentDiscovered),
            (ceased, Field::IncidentCeased),
        ],
        info.informed_on,
    );
    late_reason(ctx, at, options)
}

/// Whether the discovery (11) is before 2018-05-25, when the GDPR began to apply (Art. 99(2)).
fn before_the_gdpr(date: LocalDate) -> bool {
    time::Date::from_calendar_date(2018, time::Month::May, 25).is_ok_and(|from| date.date() < from)
}

/// Awareness (11) before 2018-05-25: Art. 33 did not apply then.
fn before_gdpr(ctx: &mut Ctx<'_>, discovered: Option<Moment>) {
    let Some(d) = discovered else { return };
    if !before_the_gdpr(d.date) {
        return;
    }
    let p = Field::IncidentDiscoveredDate.pattern_str();
    let s = subject(Field::IncidentDiscovered.pattern_str());
    let sv = format!(
        "{}: {} ligger före 2018-05-25, då dataskyddsförordningen började tillämpas (art. 99.2). \
         Anmälningsplikten i art. 33 gällde inte då; kontrollera datumet.",
        s.text.sv, d.date
    );
    let en = format!(
        "{}: {} is before 2018-05-25, when the GDPR began to apply (Art. 99(2)). The duty to notify of \
         Art. 33 did not apply then; check the date.",
        s.text.en, d.date
    );
    ctx.push("discovered-before-gdpr", p.into(), &[], sv, en);
}

/// Discovery (11) and end (13) of the breach not before it occurred (10).
fn event_order(
    ctx: &mut Ctx<'_>,
    occurred: Option<Moment>,
    discovered: Option<Moment>,
    ceased: Option<Moment>,
) {
    if let (Some(o), Some(d)) = (occurred, discovered) {
        if d.before(&o) {
            let s = subject(Field::IncidentDiscovered.pattern_str());
            let sv = format!(
                "{}: {} ligger före tidpunkten då incidenten inträffade enligt fråga 10, {}. En incident kan \
                 inte upptäckas innan den har inträffat.",
                s.text.sv,
                d.show(),
                o.show()
            );
            let en = format!(
                "{}: {} is before the breach occurred according to question 10, {}. A breach cannot be \
                 discovered before it occurred.",
                s.text.en,
                d.show(),
                o.show()
            );
            ctx.push(
                "discovered-before-occurred",
                Field::IncidentDiscovered.pattern_str().into(),
                &[Field::IncidentOccurred.pattern_str()],
                sv,
                en,
            );
        }
    }
    if let (Some(o), Some(c)) = (occurred, ceased) {
        if c.before(&o) {
            let s = subject(Field::IncidentCeased.pattern_str());
            let sv = format!(
                "{}: {} ligger före tidpunkten då incidenten inträffade enligt fråga 10, {}. En incident kan \
                 inte upphöra innan den har börjat.",
                s.text.sv,
                c.show(),
                o.show()
            );
            let en = format!(
                "{}: {} is before the breach occurred according to question 10, {}. A breach cannot cease \
                 before it began.",
                s.text.en,
                c.show(),
                o.show()
            );
            let (p, occurred) = (Field::IncidentCeased.pattern_str(), Field::IncidentOccurred.pattern_str());
            ctx.push("ceased-before-occurred", p.into(), &[occurred], sv, en);
        }
    }
}

/// The data subjects informed (32) or to be informed (34) not before the discovery (11).
fn informed_before_discovery(ctx: &mut Ctx<'_>, discovered: Option<Moment>) {
    let info = &ctx.n.data_subject_information;
    if let Some(d) = discovered {
        for (f, date) in [(Field::InformedOn, info.informed_on), (Field::PlannedOn, info.planned_on)] {
            let p = f.pattern_str();
            let Some(date) = date else { continue };
            if date < d.date {
                let s = subject(p);
                // Informing on suspicion, before the recorded discovery, is lawful: only a plan to
                // inform before the discovery is an error.
                let (code, note_sv, note_en) = if f == Field::InformedOn {
                    (
                        "informed-before-discovery",
                        " Att informera redan vid misstanke är tillåtet; kontrollera datumen.",
                        " Informing them on suspicion is lawful; check the dates.",
                    )
                } else {
                    ("planned-before-discovery", "", "")
                };
                let sv = format!(
                    "{}: {date} ligger före upptäckten av incidenten, {} (fråga 11).{note_sv}",
                    s.text.sv, d.date
                );
                let en = format!(
                    "{}: {date} is before the breach was discovered, {} (question 11).{note_en}",
                    s.text.en, d.date
                );
                ctx.push(code, p.into(), &[Field::IncidentDiscovered.pattern_str()], sv, en);
            }
        }
    }
}

/// The measures of question 30: times that exist, and none before the breach occurred (10).
fn action_times(ctx: &mut Ctx<'_>, occurred: Option<Moment>) {
    let n = ctx.n;
    if let Some(o) = occurred {
        for (i, a) in n.consequences.actions.iter().enumerate() {
            let Some(date) = a.date else { continue };
            let p = || Field::Actions.pointer().index(i).to_string();
            let instant = match a.time.map(|t| stockholm::to_instant(date, Some(t), None)) {
                Some(Ok(r)) => Some(r.instant),
                Some(Err(e @ LocalTimeError::Gap { .. })) => {
                    let p = p();
                    let s = subject(&p);
                    let (sv, en) = (
                        format!("{}: {}", s.text.sv, e.message(Lang::Sv)),
                        format!("{}: {}", s.text.en, e.message(Lang::En)),
                    );
                    ctx.push(e.code(), Field::ActionTime.pointer_at(&[i]).to_string(), &[], sv, en);
                    None
                }
                _ => None,
            };
            let m = Moment { date, time: a.time, instant };
            if m.before(&o) {
                let p = p();
                let s = subject(&p);
                let sv = format!(
                    "{}: {} ligger före tidpunkten då incidenten inträffade, {} (fråga 10). Fråga 30 gäller \
                     åtgärder efter incidenten; kontrollera datumet.",
                    s.text.sv,
                    m.show(),
                    o.show()
                );
                let en = format!(
                    "{}: {} is before the breach occurred, {} (question 10). Question 30 is about measures \
                     taken after the breach; check the date.",
                    s.text.en,
                    m.show(),
                    o.show()
                );
                ctx.push("action-before-occurred", p, &[Field::IncidentOccurred.pattern_str()], sv, en);
            }
        }
    } else {
        // Still report action times that do not exist.
        for (i, a) in n.consequences.actions.iter().enumerate() {
            if let (Some(date), Some(t)) = (a.date, a.time) {
                if let Err(e @ LocalTimeError::Gap { .. }) = stockholm::to_instant(date, Some(t), None) {
                    let s = subject(&Field::Actions.pointer().index(i).to_string());
                    let (sv, en) = (
                        format!("{}: {}", s.text.sv, e.message(Lang::Sv)),
                        format!("{}: {}", s.text.en, e.message(Lang::En)),
                    );
                    ctx.push(e.code(), Field::ActionTime.pointer_at(&[i]).to_string(), &[], sv, en);
                }
            }
        }
    }
}

fn future_dates(
    ctx: &mut Ctx<'_>,
    at: OffsetDateTime,
    events: [(Option<Moment>, Field); 3],
    informed_on: Option<LocalDate>,
) {
    let Ok(local) = stockholm::to_local(at) else { return };
    let (Ok(date), Ok(time)) = (
        LocalDate::from_date(local.date()),
        WallClockTime::from_hm(u32::from(local.hour()), u32::from(local.minute())),
    ) else {
        return;
    };
    let now = Moment { date, time: Some(time), instant: Some(at) };
    let check = |ctx: &mut Ctx<'_>, m: Moment, f: Field| {
        let p = f.pattern_str();
        let after = match (m.instant, m.time) {
            (Some(i), _) => i > at,
            (None, Some(t)) => (m.date, t) > (date, time),
            (None, None) => m.date > date,
        };
        if after {
            let s = subject(p);
            let sv =
                format!("{}: {} ligger efter tidpunkten för inlämning, {}.", s.text.sv, m.show(), now.show());
            let en = format!("{}: {} is after the submission moment, {}.", s.text.en, m.show(), now.show());
            ctx.push("future-date", p.to_string(), &[], sv, en);
        }
    };
    for (m, p) in events {
        if let Some(m) = m {
            check(ctx, m, p);
        }
    }
    if let Some(d) = informed_on {
        check(ctx, Moment::on(d), Field::InformedOn);
    }
}

/// A date-only discovery late by at most this much may still be on time (the 72 hours from an
/// unknown time of that day).
const DATE_ONLY_GRACE_HOURS: i64 = 24;

/// `late-reason-required` (or, for a date-only discovery late by at most 24 hours,
/// `late-reason-date-only`); returns whether question 11 could not be resolved.
fn late_reason(ctx: &mut Ctx<'_>, at: OffsetDateTime, options: &ValidationOptions) -> bool {
    // Before the GDPR there was no 72-hour duty (rule discovered-before-gdpr says so).
    if ctx.n.incident.late_reason.is_some() || ctx.n.incident.discovered.date.is_some_and(before_the_gdpr) {
        return false;
    }
    let lateness = match crate::time::deadline::gdpr_lateness(ctx.n, at, options.policy) {
        Ok(Some(lateness)) => lateness,
        // No date in question 11: rule `required` says so.
        Ok(None) => return false,
        Err(_) => return true,
    };
    let Some(late_by) = lateness.late_by else { return false };
    let may_be_on_time = lateness.date_only && late_by <= time::Duration::hours(DATE_ONLY_GRACE_HOURS);
    let show = |t: OffsetDateTime| match stockholm::to_local(t) {
        Ok(l) => format!("{} {:02}:{:02}", l.date(), l.hour(), l.minute()),
        Err(_) => t.to_string(),
    };
    let hours = late_by.whole_hours();
    let (late_sv, late_en) = if hours >= 1 {
        (format!("{hours} timmar"), format!("{hours} hours"))
    } else {
        (
            format!("{} minuter", late_by.whole_minutes().max(1)),
            format!("{} minutes", late_by.whole_minutes().max(1)),
        )
    };
    let (note_sv, note_en) = if may_be_on_time {
        (
            " Fråga 11 anger inget klockslag, så fristen räknas från dygnets början; anmälan kan ändå vara i tid \
             om ni fick vetskap senare samma dag. Ange i så fall klockslaget i fråga 11, annars skälet i fråga 14.",
            " Question 11 gives no time, so the deadline is counted from the start of that day; the notification \
             may still be on time if you became aware later that day. Then give the time in question 11, \
             otherwise the reason in question 14.",
        )
    } else if lateness.date_only {
        (
            " Fråga 11 anger inget klockslag, så fristen räknas från dygnets början.",
            " Question 11 gives no time, so the deadline is counted from the start of that day.",
        )
    } else {
        ("", "")
    };
    let p = Field::IncidentLateReason.pattern_str();
    let s = subject(p);
    let (code, must_sv, must_en) = if may_be_on_time {
        ("late-reason-date-only", "bör besvaras", "should be answered")
    } else {
        ("late-reason-required", "måste besvaras", "must be answered")
    };
    let sv = format!(
        "{} {must_sv}: anmälan lämnas {}, {late_sv} efter fristen på 72 timmar från upptäckten, som gick \
         ut {} (GDPR art. 33.1).{note_sv}",
        s.text.sv,
        show(at),
        show(lateness.deadline)
    );
    let en = format!(
        "{} {must_en}: the notification is filed {}, {late_en} after the 72-hour deadline from the \
         discovery, which passed {} (GDPR Art. 33(1)).{note_en}",
        s.text.en,
        show(at),
        show(lateness.deadline)
    );
    ctx.push(code, p.into(), &[Field::IncidentDiscovered.pattern_str()], sv, en);
    false
}
