//! Each supplement in its place: against the notification it supplements and the answers as they
//! stood before it.

use serde::Serialize;

use super::apply::{apply, names, CurrentState};
use crate::form::Field;
use crate::lang::{Bilingual, Lang};
use crate::model::filing::Supplement;
use crate::model::notification::Notification;
use crate::time::deadline::{gdpr_lateness, Awareness};
use crate::validation::{Level, Report, ValidationOptions, Violation};

/// The findings of a case: for each supplement, the findings about it in its place (pointers into
/// that supplement), and the validation of the notification as it now stands.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct CaseReport {
    /// One report per supplement, in the order given.
    pub supplements: Vec<Report>,
    /// The notification with every supplement applied, validated like a notification (with the
    /// notification's `submittedAt` as the submission moment). Empty when the case could not be put
    /// together.
    pub current: Report,
}

impl CaseReport {
    /// Whether nothing in the case is an error.
    pub fn is_valid(&self) -> bool {
        self.current.is_valid() && self.supplements.iter().all(Report::is_valid)
    }
}

fn finding(pointer: String, code: &'static str, level: Level, sv: String, en: String) -> Violation {
    Violation { pointer, code, level, message: Bilingual::new(sv, en) }
}

/// Checks each supplement in its place and validates the notification as it now stands.
///
/// A supplement is flagged when it names another notification (`supplement-other-notification`),
/// is filed before the notification or an earlier supplement (`supplement-out-of-order`), changes
/// nothing (`supplement-no-change`), answers a question the form would not ask after it
/// (`supplement-not-asked`), moves the moment of discovery (question 11, from which the 72 hours
/// count: `supplement-moves-discovery`), or moves it so early that the notification was late
/// without a reason in question 14 (`supplement-makes-late`). A change that turns a given answer
/// back into "not known yet" is a warning (`supplement-back-to-not-known-yet`): it is allowed (a
/// count found wrong may have to be counted again), but it withdraws information IMY already has,
/// and the answer is pending again. Dates a supplement gives are judged against the supplement's
/// own filing (a breach that ceased after the notification is no `future-date`).
///
/// # Example
/// ```
/// use imy_breach::{case::validate_case, Notification, Supplement, ValidationOptions};
/// let n = Notification::from_json(r#"{"schemaVersion":"1.0","submittedAt":"2025-03-31T09:00:00+02:00",
///   "incident":{"discovered":{"date":"2025-03-30","time":"10:00"}}}"#)?;
/// let s = Supplement::from_json(r#"{"schemaVersion":"1.0","kind":"supplement",
///   "notification":{"submittedAt":"2025-03-31T09:00:00+02:00"},"submittedAt":"2025-04-02T10:00:00+02:00",
///   "changes":[{"field":"/incident/discovered","value":{"date":"2025-03-25","time":"10:00"}}]}"#)?;
/// let report = validate_case(&n, &[s], &ValidationOptions::new());
/// let v = &report.supplements[0].violations[0];
/// assert_eq!((v.code, v.pointer.as_str()), ("supplement-makes-late", "/changes/0"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn validate_case(
    base: &Notification,
    supplements: &[Supplement],
    options: &ValidationOptions,
) -> CaseReport {
    let mut reports = Vec::with_capacity(supplements.len());
    let mut before = apply(base, &[]).ok();
    for (i, s) in supplements.iter().enumerate() {
        let mut v = Vec::new();
        if !names(s, base) {
            v.push(finding(
                "/notification".into(),
                "supplement-other-notification",
                Level::Error,
                "Kompletteringen gäller en annan anmälan: `notification` stämmer inte med anmälans submittedAt och fråga 4.".into(),
                "The supplement is for another notification: `notification` does not match the notification's submittedAt and question 4.".into(),
            ));
        }
        let previous = i
            .checked_sub(1)
            .map(|p| supplements[p].submitted_at.get())
            .or(base.submitted_at.map(|t| t.get()));
        if previous.is_some_and(|p| s.submitted_at.get() < p) {
            v.push(finding(
                "/submittedAt".into(),
                "supplement-out-of-order",
                Level::Error,
                "Kompletteringen är inlämnad före anmälan eller en tidigare komplettering.".into(),
                "The supplement is filed before the notification or an earlier supplement.".into(),
            ));
        }
        let after = apply(base, &supplements[..=i]).ok();
        if let (Some(b), Some(a)) = (&before, &after) {
            changes_in_place(s, &b.notification, &a.notification, &mut v);
        }
        reports.push(Report { violations: v, skipped: Vec::new() });
        before = after;
    }
    let mut options = *options;
    if options.submitted_at.is_none() {
        options.submitted_at = base.submitted_at.map(|t| t.get());
    }
    let current = before.map(|c: CurrentState| current_report(&c, &options)).unwrap_or_default();
    CaseReport { supplements: reports, current }
}

/// The notification as it now stands, validated at the notification's submission moment, except
/// that a date a supplement gave is judged against that supplement's filing: `future-date` only
/// when the date is after the supplement too (a supplement reports what happened after the
/// notification, such as the moment the breach ceased).
fn current_report(state: &CurrentState, options: &ValidationOptions) -> Report {
    let mut report = state.notification.validate(options);
    let supplemented_on = |pointer: &str| {
        Field::from_pointer(pointer)
            .and_then(|f| f.chain().into_iter().find_map(|g| state.supplemented_on(g)))
    };
    report.violations.retain(|v| {
        let Some(at) = (v.code == "future-date").then(|| supplemented_on(&v.pointer)).flatten() else {
            return true;
        };
        let mut o = *options;
        o.submitted_at = Some(at.get());
        state.notification.validate(&o).violations.iter().any(|w| w.code == v.code && w.pointer == v.pointer)
    });
    report
}

fn changes_in_place(s: &Supplement, before: &Notification, after: &Notification, v: &mut Vec<Violation>) {
    if s.changes.is_empty() {
        v.push(no_change("/changes".into()));
    }
    let (b, a) = (super::apply::as_object(before), super::apply::as_object(after));
    let (unknown_before, unknown_after) = (not_known_yet(before), not_known_yet(after));
    for (j, c) in s.changes.iter().enumerate() {
        let f = c.field();
        let at = format!("/changes/{j}");
        if super::read::get_at(&b, f) == super::read::get_at(&a, f) {
            v.push(no_change(at.clone()));
        }
        if !c.is_clear() && !f.applies(after, &[]) {
            let (sv, en) = (f.title(Lang::Sv), f.title(Lang::En));
            v.push(finding(
                format!("{at}/value"),
                "supplement-not-asked",
                Level::Error,
                format!("Fråga {sv} ställs inte med de svar som gäller efter kompletteringen."),
                format!("Question {en} is not asked with the answers as they stand after the supplement."),
            ));
        }
        let p = f.pattern_str();
        if unknown_after.contains(&p) && !unknown_before.contains(&p) && f.is_answered(before, &[]) {
            let (sv, en) = (f.title(Lang::Sv), f.title(Lang::En));
            v.push(finding(
                format!("{at}/value"),
                "supplement-back-to-not-known-yet",
                Level::Warning,
                format!("Kompletteringen ändrar svaret på fråga {sv} till ”inte känt ännu”: ett lämnat svar dras tillbaka och ska kompletteras igen."),
                format!("The supplement changes the answer to question {en} to “not known yet”: an answer given is withdrawn and is to be supplemented again."),
            ));
        }
        if f == Field::IncidentDiscovered {
            discovery_moved(before, after, at, v);
        }
    }
}

/// The pointers of the answers "not known yet" in `n` (`answer-not-known-yet`).
fn not_known_yet(n: &Notification) -> Vec<&'static str> {
    let report = n.validate(&ValidationOptions::new());
    super::answer_fields()
        .iter()
        .map(|f| f.pattern_str())
        .filter(|p| report.violations.iter().any(|v| v.code == "answer-not-known-yet" && v.pointer == *p))
        .collect()
}

fn no_change(pointer: String) -> Violation {
    finding(
        pointer,
        "supplement-no-change",
        Level::Warning,
        "Ändringen ändrar ingenting: svaret är redan detsamma.".into(),
        "The change changes nothing: the answer is already the same.".into(),
    )
}

/// Flags a change of question 11: later moves the 72-hour clock; earlier may make the notification
/// late.
fn discovery_moved(before: &Notification, after: &Notification, at: String, v: &mut Vec<Violation>) {
    let (Ok(Some(b)), Ok(Some(a))) = (Awareness::of(before), Awareness::of(after)) else { return };
    if a.at == b.at {
        return;
    }
    let filed = after.submitted_at.map(|t| t.get());
    let late = filed
        .and_then(|t| gdpr_lateness(after, t, Default::default()).ok().flatten())
        .is_some_and(|l| l.late_by.is_some());
    if late && a.at < b.at && !Field::IncidentLateReason.is_answered(after, &[]) {
        v.push(finding(
            at,
            "supplement-makes-late",
            Level::Error,
            "Den tidigare upptäcktstidpunkten (fråga 11) gör anmälan sen: mer än 72 timmar gick före inlämningen. Ange skälet i fråga 14.".into(),
            "The earlier moment of discovery (question 11) makes the notification late: more than 72 hours passed before it was filed. Give the reason in question 14.".into(),
        ));
    } else {
        let (sv, en) = if a.at > b.at { ("senare", "a later") } else { ("tidigare", "an earlier") };
        v.push(finding(
            at,
            "supplement-moves-discovery",
            Level::Warning,
            format!("Kompletteringen anger en {sv} upptäcktstidpunkt (fråga 11): de 72 timmarna räknas från den nya tidpunkten."),
            format!("The supplement gives {en} moment of discovery (question 11): the 72 hours count from the new moment."),
        ));
    }
}
