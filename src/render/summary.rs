//! The summary header: the deadline schedule and the validation result.

use time::OffsetDateTime;

use super::blocks::{local_time, Block, Builder};
use crate::lang::Lang;
use crate::model::notification::Notification;
use crate::time::deadline::{Obligation, Schedule, ScheduleOptions, Wording};
use crate::time::stockholm::LocalTimeError;
use crate::validation::{Report, ValidationOptions};

/// The summary header: the deadlines and the validation result, computed beforehand. Build it with
/// [`Summary::compute`] at a moment of your choosing (the crate never reads the clock), or from
/// results you already have.
///
/// # Example
/// ```
/// use imy_breach::render::{render, Format, RenderOptions, Summary};
/// use imy_breach::{Lang, Notification};
/// use time::macros::datetime;
///
/// let n = Notification::from_json(r#"{"schemaVersion":"1.0",
///     "incident":{"discovered":{"date":"2025-03-28","time":"10:00"}}}"#)?;
/// let summary = Summary::compute(&n, datetime!(2025-03-30 12:00 +02:00));
/// let text = render(&n, &RenderOptions::new(Lang::Sv, Format::Text).with_summary(summary));
/// assert!(text.contains("Anmälan till IMY: 2025-03-31 11:00 (öppen, 23 h 0 min kvar)"));
/// # Ok::<(), imy_breach::ParseError>(())
/// ```
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct Summary {
    /// The deadlines at a given moment, from [`crate::time::deadline`].
    pub schedule: Option<Schedule>,
    /// Why the deadlines could not be counted (question 11's time does not exist in Swedish time,
    /// a date out of range), when they could not.
    pub schedule_error: Option<LocalTimeError>,
    /// The validation result, from [`Notification::validate`] or [`crate::validate_json`].
    pub validation: Option<Report>,
}

impl Summary {
    /// An empty summary: fill it with [`with_schedule`](Self::with_schedule) and
    /// [`with_validation`](Self::with_validation).
    pub fn new() -> Self {
        Self::default()
    }

    /// The summary of a notification at the moment `now`: its GDPR deadlines
    /// ([`crate::time::deadline::schedule_notification`] with the default options) and its validation
    /// result ([`Notification::validate`], with `now` as the submission moment when the notification
    /// has no `submittedAt`).
    pub fn compute(notification: &Notification, now: OffsetDateTime) -> Self {
        let (schedule, schedule_error) =
            match crate::time::deadline::schedule_notification(notification, &ScheduleOptions::new(), now) {
                Ok(s) => (Some(s), None),
                Err(e) => (None, Some(e)),
            };
        let validation = notification.validate(&ValidationOptions::new().now(now));
        Summary { schedule, schedule_error, validation: Some(validation) }
    }

    /// The same summary with these deadlines.
    pub fn with_schedule(mut self, schedule: Schedule) -> Self {
        self.schedule = Some(schedule);
        self
    }

    /// The same summary with this validation result.
    pub fn with_validation(mut self, report: Report) -> Self {
        self.validation = Some(report);
        self
    }
}

pub(super) fn summary_blocks(b: &mut Builder, s: &Summary) {
    let lang = b.lang;
    let sv = lang == Lang::Sv;
    b.blocks.push(Block::Section(if sv { "Sammanfattning" } else { "Summary" }.to_string()));
    let mut lines = Vec::new();
    if let Some(schedule) = &s.schedule {
        lines.push(format!("{}: {}", if sv { "Bedömd vid" } else { "As at" }, local_time(schedule.now)));
        for o in &schedule.obligations {
            lines.push(obligation_line(o, lang));
        }
        for note in &schedule.notes {
            lines.push(format!("- {}", note.message.get(lang)));
        }
    }
    if let Some(e) = &s.schedule_error {
        let what = if sv { "Fristerna kan inte räknas" } else { "The deadlines cannot be counted" };
        lines.push(format!("{what}: {}", e.message(lang)));
    }
    if let Some(report) = &s.validation {
        let (e, w) = (report.errors().count(), report.warnings().count());
        let result = match (lang, e, w) {
            (Lang::Sv, 0, 0) => "giltig, inga anmärkningar".to_string(),
            (Lang::Sv, 0, w) => format!("giltig, {w} {}", if w == 1 { "varning" } else { "varningar" }),
            (Lang::Sv, e, w) => format!("{e} fel, {w} {}", if w == 1 { "varning" } else { "varningar" }),
            (_, 0, 0) => "valid, no findings".to_string(),
            (_, 0, w) => format!("valid, {w} warning{}", plural(w)),
            (_, e, w) => format!("{e} error{}, {w} warning{}", plural(e), plural(w)),
        };
        lines.push(format!("{}: {result}", if sv { "Validering" } else { "Validation" }));
        for v in &report.violations {
            let at = if v.pointer.is_empty() { "/" } else { v.pointer.as_str() };
            lines.push(format!("- {} {at} [{}]: {}", v.level.label(lang), v.code, v.message(lang)));
        }
    }
    if !lines.is_empty() {
        b.blocks.push(Block::Lines(lines));
    }
}

/// "Anmälan till IMY: 2025-03-31 11:00 (öppen, 23 h 0 min kvar)".
fn obligation_line(o: &Obligation, lang: Lang) -> String {
    let sv = lang == Lang::Sv;
    let due = match o.deadline {
        Some(d) => local_time(d),
        None => o.period.describe(lang),
    };
    let mut status = o.status.label(lang).to_string();
    let detail = o.time_left_text(lang, Wording::Sentence).map(|t| t.to_string());
    for extra in [
        detail,
        o.date_only.then(|| {
            if sv { "räknat från 00:00 upptäcktsdagen" } else { "counted from 00:00 on the discovery day" }
                .to_string()
        }),
        o.provisional.then(|| if sv { "preliminär" } else { "provisional" }.to_string()),
    ]
    .into_iter()
    .flatten()
    {
        status.push_str(", ");
        status.push_str(&extra);
    }
    if status == due {
        // "utan onödigt dröjsmål (utan onödigt dröjsmål)": pending, said once.
        return format!("{}: {due}", o.title.get(lang));
    }
    format!("{}: {due} ({status})", o.title.get(lang))
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
