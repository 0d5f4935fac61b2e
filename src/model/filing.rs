//! The supplement (komplettering): a later filing that adds or changes answers of a notification
//! already filed with IMY (GDPR Art. 33(4)). Not the form's section 36–37, which is
//! [`SupplementAndConfidentiality`](crate::SupplementAndConfidentiality).
//!
//! A supplement carries only what changed: each [`Change`] names one answer of the form by its
//! JSON pointer (the form table's field, see [`crate::form::Field`]) and gives its new value, written
//! with the notification's own types, or clears it. Reading and validation are in the case layer
//! ([`crate::case`]).

use std::fmt;

use serde::ser::SerializeStruct;
use serde::{Serialize, Serializer};

use crate::model::version::SchemaVersion;
use crate::values::datetime::Timestamp;
use crate::values::text::{LongText, ShortText};

/// The value of a supplement's required member `kind`.
pub const SUPPLEMENT_KIND: &str = "supplement";

/// The pattern of IMY's case number (diarienummer): `IMY-2025-1234`, or Datainspektionen's older
/// `DI-2019-1234`.
///
/// Derived from the case numbers printed on IMY's published decisions (an authority prefix, the
/// year, a running number of one to six digits); IMY publishes no formal specification.
pub const CASE_NUMBER_PATTERN: &str = "^(IMY|DI)-[0-9]{4}-[0-9]{1,6}$";

/// IMY's case number (diarienummer) for the notification, as IMY's acknowledgement gives it.
///
/// # Example
/// ```
/// use imy_breach::CaseNumber;
/// let n = CaseNumber::new("IMY-2025-1234").unwrap();
/// assert_eq!(n.as_str(), "IMY-2025-1234");
/// assert!(CaseNumber::new("2025-1234").is_err());
/// assert!(CaseNumber::new("IMY-25-1").is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct CaseNumber(String);

/// Why a text is no case number.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a case number is written IMY-2025-1234 (or DI-2019-1234)")]
#[non_exhaustive]
pub struct CaseNumberError;

impl CaseNumber {
    /// A case number: `IMY-` or `DI-`, a year of four digits, `-`, one to six digits.
    ///
    /// # Errors
    /// [`CaseNumberError`] when `text` does not match [`CASE_NUMBER_PATTERN`].
    ///
    /// # Example
    /// ```
    /// assert!(imy_breach::CaseNumber::new("DI-2019-10518").is_ok());
    /// ```
    pub fn new(text: &str) -> Result<Self, CaseNumberError> {
        let rest = text.strip_prefix("IMY-").or_else(|| text.strip_prefix("DI-")).ok_or(CaseNumberError)?;
        let (year, number) = rest.split_once('-').ok_or(CaseNumberError)?;
        let digits = |s: &str, min: usize, max: usize| {
            (min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
        };
        if digits(year, 4, 4) && digits(number, 1, 6) {
            Ok(CaseNumber(text.to_string()))
        } else {
            Err(CaseNumberError)
        }
    }

    /// The case number as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for CaseNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for CaseNumber {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

/// Read as [`CaseNumber::new`] checks it: a breach record's filing (`caseNumber`) refuses any other
/// text with `case-number-format`.
impl<'de> serde::Deserialize<'de> for CaseNumber {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<str>::deserialize(d)?;
        CaseNumber::new(&text)
            .map_err(|_| crate::values::error::reject(crate::values::error::FieldError::CaseNumber))
    }
}

impl schemars::JsonSchema for CaseNumber {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "CaseNumber".into()
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({"type": "string", "pattern": CASE_NUMBER_PATTERN})
    }
}

/// Which notification a supplement supplements: its internal reference (question 4) and when it
/// was filed (its `submittedAt`).
///
/// # Example
/// ```
/// use imy_breach::{NotificationReference, Timestamp};
/// let r = NotificationReference::new(Timestamp::parse("2025-03-31T09:00:00+02:00").unwrap());
/// assert!(r.internal_reference.is_none());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NotificationReference {
    /// The notification's internal reference (question 4), when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub internal_reference: Option<ShortText>,
    /// When the notification was filed (its `submittedAt`). Required.
    pub submitted_at: Timestamp,
}

impl NotificationReference {
    /// A reference to the notification filed at `submitted_at`.
    pub fn new(submitted_at: Timestamp) -> Self {
        NotificationReference { internal_reference: None, submitted_at }
    }
}

/// One answer a supplement adds, changes or clears.
///
/// Written `{"field": "/incident/occurred", "value": {…}, "comment": "…"}`, or
/// `{"field": "/incident/occurred", "clear": true}` for an answer withdrawn. The field is one answer
/// of the form: a member of a section (`/section/member`, see
/// [`case::answer_fields`](crate::case::answer_fields)); a group or a list is replaced whole. Built
/// by [`Change::set`] and [`Change::clear`] (in the case layer), which check the value.
///
/// `Debug` shows the pointer and whether a value is set, never the value (it may be personal data).
#[derive(Clone, PartialEq, Eq)]
pub struct Change {
    /// The answer's JSON pointer, from the form table.
    pub(crate) pointer: &'static str,
    /// The new value (canonical JSON of the notification's type), `None` when cleared.
    pub(crate) value: Option<serde_json::Value>,
    /// Why the answer changed ("corrected after the forensic report"), if said.
    pub comment: Option<LongText>,
}

impl Change {
    /// The answer's JSON pointer, for example `"/incident/occurred"`.
    pub fn pointer(&self) -> &'static str {
        self.pointer
    }
    /// The new value as JSON (written with the notification's types), `None` when the change
    /// clears the answer.
    pub fn value(&self) -> Option<&serde_json::Value> {
        self.value.as_ref()
    }
    /// Whether the change clears the answer.
    pub fn is_clear(&self) -> bool {
        self.value.is_none()
    }
}

impl fmt::Debug for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Change")
            .field("pointer", &self.pointer)
            .field("value", &if self.value.is_some() { "<set>" } else { "<cleared>" })
            .field("comment", &self.comment)
            .finish()
    }
}

impl Serialize for Change {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Change", 3)?;
        s.serialize_field("field", self.pointer)?;
        match &self.value {
            Some(v) => s.serialize_field("value", v)?,
            None => s.serialize_field("clear", &true)?,
        }
        if let Some(c) = &self.comment {
            s.serialize_field("comment", c)?;
        }
        s.end()
    }
}

/// A supplement (komplettering) to a notification filed with IMY.
///
/// # Example
/// ```
/// let json = r#"{"schemaVersion":"1.0","kind":"supplement","caseNumber":"IMY-2025-1234",
///   "notification":{"internalReference":"INC-7","submittedAt":"2025-03-31T09:00:00+02:00"},
///   "submittedAt":"2025-04-02T10:00:00+02:00",
///   "changes":[{"field":"/dataAndSubjects/subjectCount","value":{"exact":1200},
///               "comment":"Counted after the forensic report"}]}"#;
/// let s = imy_breach::Supplement::from_json(json).unwrap();
/// assert_eq!(s.changes[0].pointer(), "/dataAndSubjects/subjectCount");
/// assert_eq!(s.changes.len(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Supplement {
    /// The version of the wire format (the notification's, [`SCHEMA_VERSION`](crate::SCHEMA_VERSION)).
    pub schema_version: SchemaVersion,
    /// IMY's case number, when known (IMY gives it when it acknowledges the notification).
    pub case_number: Option<CaseNumber>,
    /// The notification it supplements.
    pub notification: NotificationReference,
    /// When the supplement was, or will be, filed. Required.
    pub submitted_at: Timestamp,
    /// The answers it adds, changes or clears, at most one change per answer, in form order when
    /// produced by [`case::diff`](crate::case::diff).
    pub changes: Vec<Change>,
}

impl Supplement {
    /// An empty supplement to the notification `notification`, filed at `submitted_at`.
    pub fn new(notification: NotificationReference, submitted_at: Timestamp) -> Self {
        Supplement {
            schema_version: SchemaVersion::default(),
            case_number: None,
            notification,
            submitted_at,
            changes: Vec::new(),
        }
    }

    /// The supplement as pretty-printed JSON (two-space indent).
    pub fn to_json(&self) -> String {
        // Serialising cannot fail: every key is a string, every value plain data.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

impl Serialize for Supplement {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Supplement", 6)?;
        s.serialize_field("schemaVersion", &self.schema_version)?;
        s.serialize_field("kind", SUPPLEMENT_KIND)?;
        if let Some(c) = &self.case_number {
            s.serialize_field("caseNumber", c)?;
        }
        s.serialize_field("notification", &self.notification)?;
        s.serialize_field("submittedAt", &self.submitted_at)?;
        s.serialize_field("changes", &self.changes)?;
        s.end()
    }
}
