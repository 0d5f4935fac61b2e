//! The "assessment case" format: a notification and the assessment's inputs in one JSON document,
//! which `imy-breach assess` reads besides a breach record (see [`assess_record`](super::assess_record)).
//!
//! ```json
//! { "kind": "assessment_case", "schemaVersion": "1.0",
//!   "notification": { "schemaVersion": "1.0", … },
//!   "assessment": { "enisa": { … }, "conclusion": "risk" },
//!   "title": "…", "expected": { "document": true, "notifyAuthority": true, "informDataSubjects": false },
//!   "knownFrom": "guideline text", "source": "paragraphs 16–25" }
//! ```
//!
//! `notification` and `assessment` are required; `kind` (always `"assessment_case"`),
//! `schemaVersion` and the test members (`title`, `expected`, `knownFrom`, `source`) are optional.
//! Unknown members are refused.

use serde::{Deserialize, Serialize};

use crate::lang::Lang;
use crate::model::assessment::RiskAssessment;
use crate::model::notification::Notification;
use crate::model::version::SchemaVersion;
use crate::wire::error::ParseError;

/// A notification with the inputs of its risk assessment (the "assessment case" format, see the
/// module documentation of [`crate::assessment`] and docs/DESIGN.md).
///
/// # Example
/// ```
/// use imy_breach::assessment::{assess, AssessmentCase};
/// let case = AssessmentCase::from_slice(br#"{
///   "notification": { "schemaVersion": "1.0" },
///   "assessment": { "ownMethod": "Our own matrix.", "conclusion": "risk" }
/// }"#)?;
/// assert!(assess(&case.notification, &case.assessment).recommendation.notify_authority);
/// # Ok::<(), imy_breach::assessment::CaseError>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct AssessmentCase {
    /// The facts.
    pub notification: Notification,
    /// The assessment's inputs.
    pub assessment: RiskAssessment,
    /// A short title (test cases).
    pub title: Option<String>,
    /// The verdict a test case expects.
    pub expected: Option<ExpectedVerdict>,
    /// How the expected verdict is known (test cases): "guideline text", "unconfirmed", ….
    pub known_from: Option<String>,
    /// Where in its source the verdict stands (test cases), for example paragraph numbers.
    pub source: Option<String>,
}

/// The verdict a test case expects: the EDPB's three actions.
///
/// # Example
/// ```
/// let v: imy_breach::assessment::ExpectedVerdict =
///     serde_json::from_str(r#"{"document":true,"notifyAuthority":false,"informDataSubjects":false}"#).unwrap();
/// assert!(v.document && !v.notify_authority);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ExpectedVerdict {
    /// Internal documentation (Art. 33(5)): always, in every case.
    pub document: bool,
    /// Notification to the supervisory authority.
    pub notify_authority: bool,
    /// Communication to the data subjects.
    pub inform_data_subjects: bool,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Raw {
    #[serde(default)]
    kind: Option<Kind>,
    #[serde(default)]
    schema_version: Option<SchemaVersion>,
    notification: serde_json::Value,
    assessment: serde_json::Value,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    expected: Option<ExpectedVerdict>,
    #[serde(default)]
    known_from: Option<String>,
    #[serde(default)]
    source: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum Kind {
    AssessmentCase,
}

/// Why an assessment case cannot be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum CaseError {
    /// The document is not an assessment case (not JSON, a member missing, unknown or mistyped).
    #[error("not an assessment case: {0}")]
    Case(String),
    /// The notification cannot be read.
    #[error("/notification{}: {}", .0.pointer(), .0.message(Lang::En))]
    Notification(ParseError),
    /// The assessment's inputs cannot be read.
    #[error("/assessment: {0}")]
    Assessment(String),
}

impl CaseError {
    /// The message in `lang`.
    ///
    /// # Example
    /// ```
    /// use imy_breach::{assessment::AssessmentCase, Lang};
    /// let e = AssessmentCase::from_slice(b"{}").unwrap_err();
    /// assert!(e.message(Lang::Sv).starts_with("inget bedömningsfall"));
    /// ```
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (CaseError::Case(m), Lang::Sv) => format!("inget bedömningsfall: {m}"),
            (CaseError::Notification(e), Lang::Sv) => {
                format!("/notification{}: {}", e.pointer(), e.message(lang))
            }
            (CaseError::Assessment(m), Lang::Sv) => format!("/assessment: {m}"),
            _ => self.to_string(),
        }
    }
}

impl AssessmentCase {
    /// Reads an assessment case from JSON bytes.
    ///
    /// # Errors
    /// [`CaseError`] when the document is not an assessment case, or its notification or
    /// assessment cannot be read.
    pub fn from_slice(bytes: &[u8]) -> Result<AssessmentCase, CaseError> {
        let raw: Raw = serde_json::from_slice(bytes).map_err(|e| CaseError::Case(e.to_string()))?;
        let _ = (raw.kind, raw.schema_version);
        let n = serde_json::to_vec(&raw.notification).map_err(|e| CaseError::Case(e.to_string()))?;
        let notification = Notification::from_slice(&n).map_err(CaseError::Notification)?;
        let assessment: RiskAssessment =
            serde_json::from_value(raw.assessment).map_err(|e| CaseError::Assessment(e.to_string()))?;
        Ok(AssessmentCase {
            notification,
            assessment,
            title: raw.title,
            expected: raw.expected,
            known_from: raw.known_from,
            source: raw.source,
        })
    }
}
