//! One reader for every document kind: a notification (no `kind` member), a breach record
//! (`"kind": "breach_record"`) or a supplement (`"kind": "supplement"`), each validated by its own
//! rules. The command line's `validate` and the npm package's `validate` both go through
//! [`validate_document_json`], so they give the same report for the same bytes.

use crate::model::filing::SUPPLEMENT_KIND;
use crate::model::record::RECORD_KIND;
use crate::validation::{Report, ValidationOptions};

/// The kind of a wire-format document, as its top-level `kind` member says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum DocumentKind {
    /// A notification to IMY (the form): no `kind` member, or one this crate does not know.
    Notification,
    /// A breach record (Art. 33(5)): `"kind": "breach_record"`.
    BreachRecord,
    /// A supplement (komplettering, Art. 33(4)): `"kind": "supplement"`.
    Supplement,
}

impl DocumentKind {
    /// The kind a document declares. A document with no `"kind"` anywhere is settled without being
    /// parsed; a document that is not a JSON object, or whose `kind` is not a known one, is read as a
    /// notification (whose reader then reports what is wrong with it).
    ///
    /// # Example
    /// ```
    /// use imy_breach::DocumentKind;
    /// assert_eq!(DocumentKind::of(br#"{"schemaVersion":"1.1","kind":"supplement"}"#), DocumentKind::Supplement);
    /// assert_eq!(DocumentKind::of(br#"{"schemaVersion":"1.0","kind":"breach_record"}"#), DocumentKind::BreachRecord);
    /// assert_eq!(DocumentKind::of(br#"{"schemaVersion":"1.1"}"#), DocumentKind::Notification);
    /// assert_eq!(DocumentKind::of(b"not json"), DocumentKind::Notification);
    /// ```
    pub fn of(bytes: &[u8]) -> DocumentKind {
        #[derive(serde::Deserialize)]
        struct Head<'a> {
            #[serde(borrow, default)]
            kind: Option<std::borrow::Cow<'a, str>>,
        }
        if !bytes.windows(6).any(|w| w == b"\"kind\"") {
            return DocumentKind::Notification;
        }
        match serde_json::from_slice::<Head<'_>>(bytes).ok().and_then(|h| h.kind) {
            Some(k) if k == SUPPLEMENT_KIND => DocumentKind::Supplement,
            Some(k) if k == RECORD_KIND => DocumentKind::BreachRecord,
            _ => DocumentKind::Notification,
        }
    }
}

/// Reads and validates any document by its kind ([`DocumentKind::of`]): a notification by the
/// notification's rules ([`validate_json_with`](crate::validate_json_with)), a breach record by the
/// record's ([`validate_record_json`](crate::validate_record_json)), a supplement read and checked
/// alone ([`validate_supplement_json`](super::validate_supplement_json); its place in the case is
/// [`validate_case`](super::validate_case)'s). Every problem at once, as a [`Report`].
///
/// # Example
/// ```
/// use imy_breach::{validate_document_json, ValidationOptions};
/// let options = ValidationOptions::new();
/// let supplement = br#"{"schemaVersion":"1.1","kind":"supplement",
///   "notification":{"submittedAt":"2025-03-31T09:00:00+02:00"},"submittedAt":"2025-04-02T10:00:00+02:00",
///   "changes":[{"field":"/dataAndSubjects/subjectCount","value":{"exact":4180}}]}"#;
/// assert!(validate_document_json(supplement, &options).violations.is_empty());
/// let notification = br#"{"schemaVersion":"1.1","incident":{"nature":"no_such_option"}}"#;
/// let report = validate_document_json(notification, &options);
/// assert!(report.violations.iter().any(|v| v.code == "unknown-option"));
/// ```
pub fn validate_document_json(bytes: &[u8], options: &ValidationOptions) -> Report {
    match DocumentKind::of(bytes) {
        DocumentKind::Supplement => super::validate_supplement_json(bytes).1,
        DocumentKind::BreachRecord => crate::validation::validate_record_json(bytes, options).1,
        DocumentKind::Notification => crate::validation::validate_json_with(bytes, options).1,
    }
}
