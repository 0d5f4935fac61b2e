//! Reading and writing breach records as JSON, through the same reader as notifications: the fast
//! path, the path-tracking reading of the first problem, and every problem at once with its pointer.

use crate::model::record::{BreachRecord, RECORD_KIND};
use crate::wire::error::ParseError;
use crate::wire::read::{all_errors, first_error, Document};

impl Document for BreachRecord {
    const SUPPLIED: &'static [(&'static str, &'static str)] =
        &[("kind", RECORD_KIND), ("schemaVersion", crate::SCHEMA_VERSION)];
}

impl BreachRecord {
    /// Reads a breach record from JSON text, stopping at the first problem.
    ///
    /// # Errors
    /// A [`ParseError`] with the JSON pointer, code and message of the first problem: malformed JSON,
    /// a missing or wrong `kind`, an unknown member, a value of the wrong type or format.
    ///
    /// # Example
    /// ```
    /// let err = imy_breach::BreachRecord::from_json(r#"{"schemaVersion":"1.0"}"#).unwrap_err();
    /// assert_eq!((err.code(), err.pointer().to_string().as_str()), ("missing-field", "/kind"));
    /// ```
    pub fn from_json(text: &str) -> Result<Self, ParseError> {
        Self::from_slice(text.as_bytes())
    }

    /// Reads a breach record from JSON bytes, stopping at the first problem.
    ///
    /// # Errors
    /// As [`from_json`](Self::from_json).
    pub fn from_slice(bytes: &[u8]) -> Result<Self, ParseError> {
        first_error(bytes)
    }

    /// Reads a breach record from JSON bytes and, when it cannot be read, reports every problem
    /// (at most [`MAX_PARSE_ERRORS`](crate::MAX_PARSE_ERRORS)), each with its pointer, as
    /// [`Notification::from_json_all_errors`](crate::Notification::from_json_all_errors) does.
    ///
    /// # Errors
    /// The problems, in document order of discovery.
    ///
    /// # Example
    /// ```
    /// let doc = br#"{"kind":"breach_record","schemaVersion":"1.0","status":"lost",
    ///               "facts":{"occurred":{"date":"2025-02-30"}},"closedOn":null}"#;
    /// let errs = imy_breach::BreachRecord::from_json_all_errors(doc).unwrap_err();
    /// let pointers: Vec<_> = errs.iter().map(|e| e.pointer().to_string()).collect();
    /// assert_eq!(pointers, ["/status", "/facts/occurred/date", "/closedOn"]);
    /// ```
    pub fn from_json_all_errors(bytes: &[u8]) -> Result<Self, Vec<ParseError>> {
        all_errors(bytes)
    }

    /// The record as pretty-printed JSON (two-space indent).
    pub fn to_json(&self) -> String {
        // Serialising these types cannot fail: every map key is a string and every value is plain data.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The record as compact JSON.
    pub fn to_json_compact(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_is_required_and_checked_with_every_other_problem() {
        let errs = BreachRecord::from_json_all_errors(br#"{"schemaVersion":"1.0","id":""}"#).unwrap_err();
        let found: Vec<_> = errs.iter().map(|e| (e.pointer().to_string(), e.code())).collect();
        assert_eq!(found, [("/id".to_string(), "text-empty"), ("/kind".to_string(), "missing-field")]);
        let errs =
            BreachRecord::from_json_all_errors(br#"{"kind":"supplement","schemaVersion":"1.0","x":1}"#)
                .unwrap_err();
        let found: Vec<_> = errs.iter().map(|e| (e.pointer().to_string(), e.code())).collect();
        assert_eq!(found, [("/kind".to_string(), "document-kind"), ("/x".to_string(), "unknown-field")]);
        // A notification is not a record.
        assert!(BreachRecord::from_json(r#"{"schemaVersion":"1.0"}"#).is_err());
    }

    #[test]
    fn the_remainder_keeps_what_reads() {
        let doc = br#"{"kind":"nope","schemaVersion":"1.0","id":"PUI-1","status":"lost"}"#;
        let Err(failed) = crate::wire::read::read_all::<BreachRecord>(doc) else { panic!("reads") };
        let rest = failed.remainder.expect("a remainder");
        assert_eq!(rest.document.id.as_ref().map(|t| t.as_str()), Some("PUI-1"));
        let set_aside: Vec<_> = rest.set_aside.iter().map(ToString::to_string).collect();
        assert_eq!(set_aside, ["/status"]);
    }
}
