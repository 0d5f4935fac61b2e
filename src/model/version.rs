//! The version of the wire format: [`SCHEMA_VERSION`] and the `schemaVersion` member's type.
//!
//! Version 1.1 is additive: it adds answer states ("not known yet", "cannot be determined"), periods
//! for questions 10 and 13, approximate counts and an option for question 28 to 1.0, and changes
//! nothing else. Every 1.0 document is a 1.1 document except for its `schemaVersion`; a document
//! keeps the version it gave when read and written again. [`crate::migrate`] converts a document
//! to the current version.

use std::borrow::Cow;
use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::values::error::FieldError;

/// The version of the wire format this crate writes for new documents (it reads every version of
/// [`SchemaVersion::ALL`]).
pub const SCHEMA_VERSION: &str = "1.1";

/// The version of the wire format a document declares in `schemaVersion`.
///
/// # Example
/// ```
/// use imy_breach::SchemaVersion;
/// let v: SchemaVersion = serde_json::from_str("\"1.0\"").unwrap();
/// assert_eq!(v, SchemaVersion::V1_0);
/// assert_eq!(serde_json::to_string(&v).unwrap(), "\"1.0\"");
/// assert_eq!(SchemaVersion::default(), SchemaVersion::CURRENT);
/// assert!(SchemaVersion::V1_0 < SchemaVersion::V1_1);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
#[non_exhaustive]
pub enum SchemaVersion {
    /// Version `"1.0"`: answers are given or absent.
    V1_0,
    /// Version `"1.1"`: adds answer states, periods and approximate counts.
    #[default]
    V1_1,
}

impl SchemaVersion {
    /// Every version this crate reads, oldest first.
    pub const ALL: [SchemaVersion; 2] = [SchemaVersion::V1_0, SchemaVersion::V1_1];

    /// The version this crate writes for new documents ([`SCHEMA_VERSION`]).
    pub const CURRENT: SchemaVersion = SchemaVersion::V1_1;

    /// The version as written, `"1.0"` or `"1.1"`.
    pub fn as_str(self) -> &'static str {
        match self {
            SchemaVersion::V1_0 => "1.0",
            SchemaVersion::V1_1 => "1.1",
        }
    }

    /// The version written `s`, if this crate reads it.
    ///
    /// # Example
    /// ```
    /// use imy_breach::SchemaVersion;
    /// assert_eq!(SchemaVersion::parse("1.1"), Some(SchemaVersion::V1_1));
    /// assert_eq!(SchemaVersion::parse("2.0"), None);
    /// ```
    pub fn parse(s: &str) -> Option<SchemaVersion> {
        Self::ALL.into_iter().find(|v| v.as_str() == s)
    }
}

impl fmt::Display for SchemaVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for SchemaVersion {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for SchemaVersion {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = Cow::<str>::deserialize(d)?;
        SchemaVersion::parse(v.as_ref()).ok_or_else(|| {
            crate::values::error::reject(FieldError::SchemaVersion {
                given: crate::lang::shown(v.as_ref()),
                supported: SUPPORTED,
            })
        })
    }
}

/// The versions read, as messages name them.
const SUPPORTED: &str = "1.0, 1.1";

impl JsonSchema for SchemaVersion {
    fn schema_name() -> Cow<'static, str> {
        "SchemaVersion".into()
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({"type": "string", "enum": ["1.0", "1.1"]})
    }
}
