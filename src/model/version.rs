//! The version of the wire format: [`SCHEMA_VERSION`] and the `schemaVersion` member's type.

use std::borrow::Cow;
use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::values::error::FieldError;

/// The version of the wire format this crate reads and writes.
pub const SCHEMA_VERSION: &str = "1.0";

/// The version of the wire format a document declares in `schemaVersion`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum SchemaVersion {
    /// Version `"1.0"`.
    #[default]
    V1_0,
}

impl SchemaVersion {
    /// The version as written, `"1.0"`.
    pub fn as_str(self) -> &'static str {
        match self {
            SchemaVersion::V1_0 => "1.0",
        }
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
        match v.as_ref() {
            "1.0" => Ok(SchemaVersion::V1_0),
            other => Err(crate::values::error::reject(FieldError::SchemaVersion {
                given: crate::lang::shown(other),
                supported: SCHEMA_VERSION,
            })),
        }
    }
}

impl JsonSchema for SchemaVersion {
    fn schema_name() -> Cow<'static, str> {
        "SchemaVersion".into()
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({"type": "string", "const": SCHEMA_VERSION})
    }
}
