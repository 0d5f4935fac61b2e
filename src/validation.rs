//! Validation: every problem with a notification at once, each with a JSON pointer, a stable code, a
//! level (error or warning) and a message in Swedish and English.
//!
//! [`validate_json`] is the one entry point for a document as bytes: when the document cannot be read
//! into the model, the reading problems are the violations (all of them, see
//! [`Notification::from_json_all_errors`]); when it can, the rules run on the model.

use serde::Serialize;

use crate::choice::Lang;
use crate::error::ParseError;
use crate::notification::Notification;

/// How much a violation matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Level {
    /// Advice to consider; the notification can be filed as it is.
    Warning,
    /// The notification cannot be filed as it is.
    Error,
}

impl Level {
    /// `"error"` or `"warning"`.
    pub fn code(self) -> &'static str {
        match self {
            Level::Error => "error",
            Level::Warning => "warning",
        }
    }
    /// "fel"/"varning" or "error"/"warning".
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Level::Error, Lang::Sv) => "fel",
            (Level::Warning, Lang::Sv) => "varning",
            (Level::Error, _) => "error",
            (Level::Warning, _) => "warning",
        }
    }
}

/// One problem found in a notification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Violation {
    /// The JSON pointer (RFC 6901) of the answer at fault. For "X is required" and "X is required
    /// when Y" it names X, even when X is absent.
    pub pointer: String,
    /// The stable kebab-case rule code, for example `"postcode-format"`.
    pub code: &'static str,
    /// Error or warning.
    #[serde(rename = "severity")]
    pub level: Level,
    /// The message in Swedish.
    pub message_sv: String,
    /// The message in English.
    pub message_en: String,
}

impl Violation {
    /// The message in the given language.
    pub fn message(&self, lang: Lang) -> &str {
        match lang {
            Lang::Sv => &self.message_sv,
            Lang::En => &self.message_en,
        }
    }
}

impl From<ParseError> for Violation {
    fn from(e: ParseError) -> Self {
        Violation {
            message_sv: e.message(Lang::Sv),
            message_en: e.message(Lang::En),
            pointer: e.pointer,
            code: e.code,
            level: Level::Error,
        }
    }
}

/// Every violation found in one notification.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    /// The violations, errors and warnings, in the order found.
    pub violations: Vec<Violation>,
}

impl Report {
    /// Whether there are no errors (warnings allowed).
    pub fn is_valid(&self) -> bool {
        !self.violations.iter().any(|v| v.level == Level::Error)
    }
    /// The errors.
    pub fn errors(&self) -> impl Iterator<Item = &Violation> {
        self.violations.iter().filter(|v| v.level == Level::Error)
    }
    /// The warnings.
    pub fn warnings(&self) -> impl Iterator<Item = &Violation> {
        self.violations.iter().filter(|v| v.level == Level::Warning)
    }
}

/// Reads and validates a document given as bytes.
///
/// Returns the notification when it could be read, and the report. When it could not be read, the
/// report holds every reading problem found (each an error) and no rule runs.
///
/// # Example
/// ```
/// let (n, report) = imy_breach::validate_json(br#"{"schemaVersion":"1.0","controller":{"organisationNumber":"x"}}"#);
/// assert!(n.is_none());
/// assert_eq!(report.violations[0].code, "organisation-number-format");
/// assert_eq!(report.violations[0].pointer, "/controller/organisationNumber");
/// ```
pub fn validate_json(bytes: &[u8]) -> (Option<Notification>, Report) {
    match Notification::from_json_all_errors(bytes) {
        Ok(n) => (Some(n), Report::default()),
        Err(errors) => (None, Report { violations: errors.into_iter().map(Violation::from).collect() }),
    }
}
