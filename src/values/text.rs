//! Free text with a length limit.

use std::borrow::Cow;
use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};

use crate::values::error::FieldError;

/// Free text of at most `MAX` characters (Unicode scalar values, as JSON Schema's `maxLength`
/// counts them), never empty or blank.
///
/// IMY does not publish the e-service's limits; this crate uses [`ShortText`] (200 characters) for
/// names, roles, addresses and references and [`LongText`] (10,000 characters, about four pages) for
/// descriptions, comments, actions and reasons.
///
/// `Debug` does not print the text, since free text may hold personal data; `Display` and
/// [`as_str`](Text::as_str) do.
///
/// # Example
/// ```
/// use imy_breach::ShortText;
/// let t = ShortText::new("Dataskyddsombud").unwrap();
/// assert_eq!(t.as_str(), "Dataskyddsombud");
/// assert_eq!(format!("{t:?}"), "Text(15 chars)");
/// assert_eq!(ShortText::new("   ").unwrap_err().code(), "text-empty");
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Text<const MAX: usize>(String);

impl<const MAX: usize> Serialize for Text<MAX> {
    /// Writes the text as it is, without copying it.
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

/// A short text: at most 200 characters.
pub type ShortText = Text<200>;
/// A long text: at most 10,000 characters.
pub type LongText = Text<10_000>;

impl<const MAX: usize> Text<MAX> {
    /// The largest number of characters allowed.
    pub const MAX_CHARS: usize = MAX;

    /// Checks and wraps a text.
    ///
    /// # Errors
    /// [`FieldError::TextEmpty`] when the text is empty or only white space,
    /// [`FieldError::TextTooLong`] when it has more than `MAX` characters.
    pub fn new(text: impl Into<String>) -> Result<Self, FieldError> {
        let text = text.into();
        if text.trim().is_empty() {
            return Err(FieldError::TextEmpty);
        }
        // Fast path: a byte count within the limit is a character count within it.
        if text.len() > MAX {
            let len = text.chars().count();
            if len > MAX {
                return Err(FieldError::TextTooLong { len, max: MAX });
            }
        }
        Ok(Text(text))
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The text, unwrapped.
    pub fn into_string(self) -> String {
        self.0
    }
}

impl<'de, const MAX: usize> Deserialize<'de> for Text<MAX> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        crate::values::error::from_string(d)
    }
}

impl<const MAX: usize> TryFrom<String> for Text<MAX> {
    type Error = FieldError;
    fn try_from(s: String) -> Result<Self, FieldError> {
        Text::new(s)
    }
}

impl<const MAX: usize> TryFrom<&str> for Text<MAX> {
    type Error = FieldError;
    fn try_from(s: &str) -> Result<Self, FieldError> {
        Text::new(s)
    }
}

impl<const MAX: usize> From<Text<MAX>> for String {
    fn from(t: Text<MAX>) -> String {
        t.0
    }
}

impl<const MAX: usize> std::str::FromStr for Text<MAX> {
    type Err = FieldError;
    fn from_str(s: &str) -> Result<Self, FieldError> {
        Text::new(s)
    }
}

impl<const MAX: usize> AsRef<str> for Text<MAX> {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl<const MAX: usize> fmt::Display for Text<MAX> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<const MAX: usize> fmt::Debug for Text<MAX> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Text({} chars)", self.0.chars().count())
    }
}

impl<const MAX: usize> schemars::JsonSchema for Text<MAX> {
    fn schema_name() -> Cow<'static, str> {
        format!("Text{MAX}").into()
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "minLength": 1,
            "maxLength": MAX,
            "pattern": "\\S",
        })
    }
}
