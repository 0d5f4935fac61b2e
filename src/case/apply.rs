//! The case's current state: a notification with its supplements applied ([`apply`]), where each
//! answer came from ([`Origin`]), and the supplement between two notifications ([`diff`]).

use serde::Serialize;
use serde_json::{Map, Value};

use super::answer_fields;
use super::read::{get_at, set_at};
use crate::form::Field;
use crate::model::filing::{Change, NotificationReference, Supplement};
use crate::model::notification::Notification;
use crate::values::datetime::Timestamp;
use crate::values::text::LongText;
use crate::wire::error::ParseError;

/// Why a case could not be put together.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CaseError {
    /// The notification has no `submittedAt`: only a filed notification can be supplemented.
    #[error("the notification has no submittedAt; only a filed notification can be supplemented")]
    NotFiled,
    /// Supplement `index` (from 0) names another notification (its `notification.submittedAt` or
    /// `internalReference` differs).
    #[error("supplement {index} supplements another notification")]
    OtherNotification {
        /// The supplement's place in the list, from 0.
        index: usize,
    },
    /// The answers together do not read as a notification.
    #[error("the supplemented notification cannot be read: {0}")]
    Unreadable(ParseError),
    /// Question 11 of the notification as it now stands cannot be resolved to Swedish time.
    #[error("question 11 cannot be resolved to Swedish time: {0}")]
    LocalTime(crate::time::stockholm::LocalTimeError),
}

/// Which filing gave an answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "filing", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Filing {
    /// The notification itself.
    #[serde(rename_all = "camelCase")]
    Notification {
        /// When it was filed.
        #[serde(skip_serializing_if = "Option::is_none")]
        submitted_at: Option<Timestamp>,
    },
    /// A supplement.
    #[serde(rename_all = "camelCase")]
    Supplement {
        /// Its place among the supplements applied, from 0.
        index: usize,
        /// When it was filed.
        submitted_at: Timestamp,
        /// The change's comment, if any.
        #[serde(skip_serializing_if = "Option::is_none")]
        comment: Option<LongText>,
    },
}

impl Filing {
    /// When the filing was made, if known.
    pub fn submitted_at(&self) -> Option<Timestamp> {
        match self {
            Filing::Notification { submitted_at } => *submitted_at,
            Filing::Supplement { submitted_at, .. } => Some(*submitted_at),
        }
    }
}

/// Where one answer of the current state came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Origin {
    /// The answer (one of [`answer_fields`]), written as its pointer.
    #[serde(serialize_with = "pointer")]
    pub field: Field,
    /// The filing that gave it.
    #[serde(flatten)]
    pub filing: Filing,
}

fn pointer<S: serde::Serializer>(f: &Field, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(f.pattern_str())
}

/// The notification as it now stands, with the origin of each answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CurrentState {
    /// The notification with every supplement applied; its `submittedAt` stays the notification's.
    pub notification: Notification,
    /// For each answer given (in form order), the filing that gave it.
    pub provenance: Vec<Origin>,
}

impl CurrentState {
    /// The origin of `field`'s answer, when it is answered.
    pub fn origin(&self, field: Field) -> Option<&Origin> {
        self.provenance.iter().find(|o| o.field == field)
    }

    /// When `field`'s answer was last supplemented, `None` when it is the notification's own or
    /// unanswered.
    pub fn supplemented_on(&self, field: Field) -> Option<Timestamp> {
        match self.origin(field)?.filing {
            Filing::Supplement { submitted_at, .. } => Some(submitted_at),
            Filing::Notification { .. } => None,
        }
    }
}

/// The notification as JSON, an object.
pub(crate) fn as_object(n: &Notification) -> Map<String, Value> {
    match serde_json::to_value(n) {
        Ok(Value::Object(m)) => m,
        _ => Map::new(),
    }
}

/// Whether supplement `s` names the notification `n`.
pub(crate) fn names(s: &Supplement, n: &Notification) -> bool {
    let r = &s.notification;
    Some(r.submitted_at) == n.submitted_at
        && r.internal_reference.as_ref().is_none_or(|i| n.controller.internal_reference.as_ref() == Some(i))
}

/// Applies `supplements`, in order, to the notification `base`: each change sets or clears its
/// answer. The result's `submittedAt` is `base`'s (the notification's filing), its `schemaVersion`
/// the newest of the notification's and the supplements' (a 1.0 notification supplemented in 1.1
/// stands in 1.1); the provenance says which filing gave each answer.
///
/// # Errors
/// [`CaseError::NotFiled`] when `base` has no `submittedAt`; [`CaseError::OtherNotification`]
/// when a supplement names another notification; [`CaseError::Unreadable`] when the answers
/// together cannot be read (never for supplements read with this crate).
///
/// # Example
/// ```
/// use imy_breach::{case::apply, form::Field, Notification, Supplement};
/// let n = Notification::from_json(r#"{"schemaVersion":"1.0","submittedAt":"2025-03-31T09:00:00+02:00"}"#)?;
/// let s = Supplement::from_json(r#"{"schemaVersion":"1.0","kind":"supplement",
///   "notification":{"submittedAt":"2025-03-31T09:00:00+02:00"},"submittedAt":"2025-04-02T10:00:00+02:00",
///   "changes":[{"field":"/dataAndSubjects/subjectCount","value":{"exact":40}}]}"#)?;
/// let state = apply(&n, &[s])?;
/// assert_eq!(state.notification.data_and_subjects.subject_count.exact, Some(40));
/// assert_eq!(state.supplemented_on(Field::SubjectCount).unwrap().to_string(), "2025-04-02T10:00:00+02:00");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn apply(base: &Notification, supplements: &[Supplement]) -> Result<CurrentState, CaseError> {
    if base.submitted_at.is_none() {
        return Err(CaseError::NotFiled);
    }
    let mut doc = as_object(base);
    let mut origins: Vec<(Field, Filing)> = Vec::new();
    for (index, s) in supplements.iter().enumerate() {
        if !names(s, base) {
            return Err(CaseError::OtherNotification { index });
        }
        for c in &s.changes {
            set_at(&mut doc, c.field(), c.value.clone());
            origins.retain(|(f, _)| *f != c.field());
            let (submitted_at, comment) = (s.submitted_at, c.comment.clone());
            origins.push((c.field(), Filing::Supplement { index, submitted_at, comment }));
        }
    }
    let newest = supplements.iter().map(|s| s.schema_version).fold(base.schema_version, Ord::max);
    if let Ok(v) = serde_json::to_value(newest) {
        doc.insert("schemaVersion".into(), v);
    }
    let bytes = serde_json::to_vec(&Value::Object(doc.clone())).unwrap_or_default();
    let notification = Notification::from_slice(&bytes).map_err(CaseError::Unreadable)?;
    let provenance = answer_fields()
        .iter()
        .filter(|f| get_at(&doc, **f).is_some())
        .map(|&field| {
            let filing = origins
                .iter()
                .find(|(f, _)| *f == field)
                .map(|(_, filing)| filing.clone())
                .unwrap_or(Filing::Notification { submitted_at: base.submitted_at });
            Origin { field, filing }
        })
        .collect();
    Ok(CurrentState { notification, provenance })
}

/// The supplement, filed at `submitted_at`, that turns `old` into `new`: one change for each answer
/// that differs (set to `new`'s answer, or cleared when `new` has none), in form order, no
/// comments, in the newer of the two schema versions. `new`'s `submittedAt` is not an answer and is
/// ignored: `apply(old, [diff(old, new)])` is `new` with `old`'s `submittedAt` (and with `old`'s
/// version when that is the newer).
///
/// # Errors
/// [`CaseError::NotFiled`] when `old` has no `submittedAt`.
///
/// # Example
/// ```
/// use imy_breach::{case::diff, Notification, Timestamp};
/// let old = Notification::from_json(r#"{"schemaVersion":"1.0","submittedAt":"2025-03-31T09:00:00+02:00",
///   "incident":{"ongoing":"yes"}}"#)?;
/// let new = Notification::from_json(r#"{"schemaVersion":"1.0","incident":{"ongoing":"no",
///   "ceased":{"date":"2025-04-01"}}}"#)?;
/// let s = diff(&old, &new, Timestamp::parse("2025-04-02T10:00:00+02:00")?)?;
/// let fields: Vec<_> = s.changes.iter().map(|c| c.pointer()).collect();
/// assert_eq!(fields, ["/incident/ongoing", "/incident/ceased"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn diff(
    old: &Notification,
    new: &Notification,
    submitted_at: Timestamp,
) -> Result<Supplement, CaseError> {
    let filed = old.submitted_at.ok_or(CaseError::NotFiled)?;
    let mut reference = NotificationReference::new(filed);
    reference.internal_reference = old.controller.internal_reference.clone();
    let mut s = Supplement::new(reference, submitted_at);
    s.schema_version = old.schema_version.max(new.schema_version);
    let (a, b) = (as_object(old), as_object(new));
    for &field in answer_fields() {
        let (before, after) = (get_at(&a, field), get_at(&b, field));
        if before != after {
            let pointer = field.pattern_str();
            s.changes.push(Change { pointer, value: after.cloned(), comment: None });
        }
    }
    Ok(s)
}
