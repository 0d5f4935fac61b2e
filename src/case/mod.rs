//! The case: a notification and its supplements (komplettering, GDPR Art. 33(4)).
//!
//! - [`Supplement`](crate::Supplement) documents are read with every problem at once
//!   ([`validate_supplement_json`], [`Supplement::from_json`](crate::Supplement::from_json)).
//! - [`apply`] gives the notification as it now stands and, for each answer, which filing gave it
//!   ([`CurrentState`]); [`diff`] gives the supplement that turns one notification into another.
//! - [`validate_case`] checks each supplement against the notification: a changed discovery time
//!   (the 72-hour clock), questions the form would not ask, changes that change nothing.
//! - [`pending`] lists the answers still to come, and [`case_facts`] closes the 4-week supplement
//!   duty of the deadline engine when a supplement has been filed.
//!
//! The layer lies above validation and below the exports; docs/DESIGN.md, section "Phased
//! notification", gives the reasons.
//!
//! # Example
//! ```
//! use imy_breach::case::{apply, diff};
//! use imy_breach::{Notification, Timestamp};
//! let old = Notification::from_json(r#"{"schemaVersion":"1.0","submittedAt":"2025-03-31T09:00:00+02:00",
//!   "incident":{"nature":"loss_or_theft"}}"#)?;
//! let mut new = old.clone();
//! new.incident.nature = Some(imy_breach::Nature::MisdirectedCommunication);
//! let s = diff(&old, &new, Timestamp::parse("2025-04-02T10:00:00+02:00")?)?;
//! assert_eq!(s.changes.len(), 1);
//! assert_eq!(apply(&old, &[s])?.notification, new);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod apply;
mod context;
mod document;
mod pending;
mod read;

pub use crate::wire::kind::DocumentKind;
pub use apply::{apply, diff, CaseError, CurrentState, Filing, Origin};
pub use context::{validate_case, CaseReport};
pub use document::validate_document_json;
pub use pending::{case_facts, pending, PendingItem, PendingReason};
pub(crate) use read::holding;
pub use read::validate_supplement_json;

use crate::form::Field;

/// The answers a supplement can add, change or clear: the members of the form's sections, in form
/// order (a question's group or list is one answer, replaced whole).
///
/// # Example
/// ```
/// use imy_breach::form::Field;
/// let fields = imy_breach::case::answer_fields();
/// assert!(fields.contains(&Field::IncidentOccurred));
/// assert!(fields.contains(&Field::ContactPersons));
/// assert!(!fields.contains(&Field::IncidentOccurredDate));
/// assert!(!fields.contains(&Field::SubmittedAt));
/// ```
pub fn answer_fields() -> &'static [Field] {
    static FIELDS: std::sync::OnceLock<Vec<Field>> = std::sync::OnceLock::new();
    FIELDS.get_or_init(|| {
        Field::ALL.iter().copied().filter(|f| f.parent().is_some_and(|p| p.parent().is_none())).collect()
    })
}

/// The answer field a pointer names, when it is one of [`answer_fields`].
pub(crate) fn answer_field(pointer: &str) -> Option<Field> {
    answer_fields().iter().copied().find(|f| f.pattern_str() == pointer)
}
