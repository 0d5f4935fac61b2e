//! One reader for every document kind: a notification (no `kind` member), a breach record
//! (`"kind": "breach_record"`) or a supplement (`"kind": "supplement"`), each validated by its own
//! rules. The command line's `validate` and the npm package's `validate` both go through
//! [`validate_document_json`], so they give the same report for the same bytes.

use crate::validation::{Report, ValidationOptions};
use crate::wire::kind::DocumentKind;

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
