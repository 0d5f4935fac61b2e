//! What is still to come: the answers pending after the notification and its supplements, and the
//! facts that close the 4-week supplement duty.

use serde::Serialize;

use super::apply::{apply, CaseError, CurrentState, Filing};
use crate::form::Field;
use crate::lang::Lang;
use crate::model::filing::Supplement;
use crate::model::notification::Notification;
use crate::time::deadline::{Facts, Stage};
use crate::validation::ValidationOptions;
use crate::values::choice::YesNo;

/// Why an answer is still pending.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PendingReason {
    /// The answer says "not known yet — will follow in a supplement" (`answer-not-known-yet`).
    NotKnownYet,
    /// An answer Art. 33(3) requires is missing while question 36 = Ja (`required-in-supplement`).
    RequiredInSupplement,
    /// Question 36 = Ja promises a supplement, and none has been filed since.
    Promised,
}

impl PendingReason {
    /// The reason in words.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (PendingReason::NotKnownYet, Lang::Sv) => "inte känt ännu",
            (PendingReason::RequiredInSupplement, Lang::Sv) => "saknas, ska kompletteras",
            (PendingReason::Promised, Lang::Sv) => "komplettering utlovad",
            (PendingReason::NotKnownYet, _) => "not known yet",
            (PendingReason::RequiredInSupplement, _) => "missing, to be supplemented",
            (PendingReason::Promised, _) => "supplement promised",
        }
    }
}

/// One answer still to come.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PendingItem {
    /// The answer's JSON pointer.
    pub pointer: String,
    /// The question number on the form, when the answer is a numbered question.
    pub question: Option<&'static str>,
    /// The question's label, Swedish and English.
    #[serde(skip)]
    pub field: Option<Field>,
    /// Why it is pending.
    pub reason: PendingReason,
}

impl PendingItem {
    /// "N. Label" of the question in `lang` (the pointer when no field is known).
    pub fn title(&self, lang: Lang) -> String {
        self.field.map_or_else(|| self.pointer.clone(), |f| question_of(f).title(lang))
    }
}

/// The numbered question a field belongs to (itself, or the nearest parent with a number).
fn question_of(f: Field) -> Field {
    f.chain().into_iter().rev().find(|g| g.spec().number.is_some()).unwrap_or(f)
}

/// The answers still pending after the notification `base` and its `supplements`: those "not known
/// yet", those Art. 33(3) requires that are missing while question 36 = Ja, and the supplement
/// question 36 = Ja promises when none has been filed since it was given.
///
/// # Errors
/// The [`CaseError`] of [`apply`].
///
/// # Example
/// ```
/// use imy_breach::case::{pending, PendingReason};
/// use imy_breach::Notification;
/// let n = Notification::from_json(r#"{"schemaVersion":"1.0","submittedAt":"2025-03-31T09:00:00+02:00",
///   "supplementAndConfidentiality":{"intendsToSupplement":"yes"}}"#)?;
/// let items = pending(&n, &[])?;
/// assert!(items.iter().any(|i| i.question == Some("23") && i.reason == PendingReason::RequiredInSupplement));
/// assert!(items.iter().any(|i| i.question == Some("36") && i.reason == PendingReason::Promised));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn pending(base: &Notification, supplements: &[Supplement]) -> Result<Vec<PendingItem>, CaseError> {
    let state = apply(base, supplements)?;
    Ok(pending_in(&state, supplements.len()))
}

/// The pending items of a current state put together from `filed` supplements.
pub(crate) fn pending_in(state: &CurrentState, filed: usize) -> Vec<PendingItem> {
    let report = state.notification.validate(&ValidationOptions::new());
    let mut items: Vec<PendingItem> = report
        .violations
        .iter()
        .filter_map(|v| {
            let reason = match v.code {
                "answer-not-known-yet" => PendingReason::NotKnownYet,
                "required-in-supplement" => PendingReason::RequiredInSupplement,
                _ => return None,
            };
            let field = Field::from_pointer(&v.pointer);
            let question = field.and_then(|f| question_of(f).spec().number);
            Some(PendingItem { pointer: v.pointer.clone(), question, field, reason })
        })
        .collect();
    let promised =
        state.notification.supplement_and_confidentiality.intends_to_supplement == Some(YesNo::Yes);
    let given_by = state.origin(Field::IntendsToSupplement).map(|o| match o.filing {
        Filing::Supplement { index, .. } => index + 1,
        _ => 0,
    });
    if promised && given_by.is_some_and(|g| g >= filed) {
        let f = Field::IntendsToSupplement;
        let pointer = f.pattern_str().to_string();
        items.push(PendingItem {
            pointer,
            question: f.spec().number,
            field: Some(f),
            reason: PendingReason::Promised,
        });
    }
    items
}

/// The facts of the case for the deadline engine: those of the notification as it now stands
/// (question 11 as last supplemented), the notification's filing, and the 4-week supplement duty
/// (when the notification or a supplement says 36 = Ja) completed by the first supplement filed.
///
/// # Errors
/// The [`CaseError`] of [`apply`], or [`CaseError::LocalTime`] for question 11.
///
/// # Example
/// ```
/// use imy_breach::case::case_facts;
/// use imy_breach::deadline::Stage;
/// use imy_breach::{Notification, Supplement};
/// let n = Notification::from_json(r#"{"schemaVersion":"1.0","submittedAt":"2025-03-31T09:00:00+02:00",
///   "supplementAndConfidentiality":{"intendsToSupplement":"yes"}}"#)?;
/// let s = Supplement::from_json(r#"{"schemaVersion":"1.0","kind":"supplement",
///   "notification":{"submittedAt":"2025-03-31T09:00:00+02:00"},"submittedAt":"2025-04-14T10:00:00+02:00",
///   "changes":[{"field":"/dataAndSubjects/subjectCount","value":{"exact":40}}]}"#)?;
/// let facts = case_facts(&n, &[s])?;
/// assert!(facts.completed.contains_key(&Stage::ImySupplement));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn case_facts(base: &Notification, supplements: &[Supplement]) -> Result<Facts, CaseError> {
    let state = apply(base, supplements)?;
    let mut facts = Facts::from_notification(&state.notification).map_err(CaseError::LocalTime)?;
    let said_yes =
        |n: &Notification| n.supplement_and_confidentiality.intends_to_supplement == Some(YesNo::Yes);
    facts.intends_to_supplement = said_yes(base) || said_yes(&state.notification);
    if let Some(first) = supplements.iter().map(|s| s.submitted_at.get()).min() {
        facts.completed.insert(Stage::ImySupplement, first);
    }
    Ok(facts)
}
