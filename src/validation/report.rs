//! What validation finds: each [`Violation`] with its pointer, rule code, [`Level`] and message, and
//! the [`Report`] that holds them all.

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use crate::lang::{Bilingual, Lang};
use crate::wire::error::ParseError;

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
///
/// Serialized as `{"pointer", "code", "severity", "messageSv", "messageEn"}`.
///
/// # Example
/// ```
/// use imy_breach::Lang;
/// let (_, report) = imy_breach::validate_json(br#"{"schemaVersion":"1.0"}"#);
/// let v = report.violations.iter().find(|v| v.pointer == "/controller/name").unwrap();
/// assert_eq!(v.code, "required");
/// assert!(v.message(Lang::En).contains("must be"));
/// assert_eq!(v.message.sv, v.message(Lang::Sv));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// The JSON pointer (RFC 6901) of the answer at fault. For "X is required" and "X is required
    /// when Y" it names X, even when X is absent.
    pub pointer: String,
    /// The stable kebab-case rule code, for example `"postcode-format"`; see
    /// [`RULES`](crate::validation::RULES).
    pub code: &'static str,
    /// Error or warning.
    pub level: Level,
    /// The message in Swedish and English.
    pub message: Bilingual<String>,
}

impl Violation {
    /// The message in the given language.
    pub fn message(&self, lang: Lang) -> &str {
        self.message.get(lang)
    }
}

impl Serialize for Violation {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Violation", 5)?;
        s.serialize_field("pointer", &self.pointer)?;
        s.serialize_field("code", self.code)?;
        s.serialize_field("severity", &self.level)?;
        s.serialize_field("messageSv", &self.message.sv)?;
        s.serialize_field("messageEn", &self.message.en)?;
        s.end()
    }
}

impl From<ParseError> for Violation {
    /// The reading problem as an error, with the reader's messages.
    fn from(e: ParseError) -> Self {
        Violation {
            message: Bilingual::new(e.message(Lang::Sv), e.message(Lang::En)),
            pointer: e.pointer.to_string(),
            code: e.code,
            level: Level::Error,
        }
    }
}

/// Every violation found in one notification.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Report {
    /// The violations, errors and warnings: reading problems first, then the rules' findings in form
    /// order.
    pub violations: Vec<Violation>,
    /// The codes of the rules that did not run because no submission moment was known (see the
    /// [validation documentation](crate::validation#the-submission-moment)).
    pub skipped: Vec<&'static str>,
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
