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
    /// [`FieldError::TextTooLong`] when it has more than `MAX` characters,
    /// [`FieldError::ControlCharacter`] when it holds a control character (C0, DEL or C1) other
    /// than tab, line feed and carriage return.
    pub fn new(text: impl Into<String>) -> Result<Self, FieldError> {
        let text = text.into();
        if let Some(position) = control_character(&text) {
            return Err(FieldError::ControlCharacter { position });
        }
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

    /// Checks and wraps a text as an answer, `Some(text)`: the shape of the model's optional members,
    /// so that an answer reads as one line.
    ///
    /// ```
    /// use imy_breach::{Notification, ShortText};
    /// let mut n = Notification::new();
    /// n.controller.name = ShortText::some("Socialnämnden i Exempelstads kommun")?;
    /// assert_eq!(n.controller.name.unwrap().as_str(), "Socialnämnden i Exempelstads kommun");
    /// assert_eq!(ShortText::some("").unwrap_err().code(), "text-empty");
    /// # Ok::<(), imy_breach::FieldError>(())
    /// ```
    ///
    /// # Errors
    /// As [`new`](Text::new): [`FieldError::TextEmpty`], [`FieldError::TextTooLong`] or
    /// [`FieldError::ControlCharacter`].
    pub fn some(text: impl Into<String>) -> Result<Option<Self>, FieldError> {
        Self::new(text).map(Some)
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

/// Where the first control character other than tab, line feed and carriage return is, counted in
/// characters from 1. C0 and DEL are single bytes and C1 (U+0080–U+009F) is 0xC2 followed by
/// 0x80–0x9F in UTF-8, so the bytes are searched and characters counted only when one is found.
fn control_character(text: &str) -> Option<usize> {
    const CHUNK: usize = 32;
    let bytes = text.as_bytes();
    let is_control = |i: usize| {
        let b = bytes[i];
        (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r'))
            || b == 0x7f
            || (b == 0xc2 && bytes.get(i + 1).is_some_and(|n| (0x80..0xa0).contains(n)))
    };
    // Most chunks hold no byte that can start one: that test has no branch, so the compiler
    // vectorises it, and only a chunk that fails it is searched byte by byte.
    let suspect = |c: &[u8]| c.iter().fold(false, |any, &b| any | (b < 0x20) | (b == 0x7f) | (b == 0xc2));
    let at = (0..bytes.len()).step_by(CHUNK).find_map(|start| {
        let end = (start + CHUNK).min(bytes.len());
        if suspect(&bytes[start..end]) {
            (start..end).find(|&i| is_control(i))
        } else {
            None
        }
    })?;
    Some(text[..at].chars().count() + 1)
}

/// The JSON Schema pattern of a text: at least one character that is not white space, and no
/// control character other than tab, line feed and carriage return (the rule of [`Text::new`]).
/// Written with `\u` escapes inside character classes, so that ECMA-262 (Ajv, browsers) and Rust's
/// `regex` read it alike; its parts never overlap, so no engine backtracks.
///
/// # Example
/// ```
/// assert!(imy_breach::TEXT_PATTERN.starts_with('^'));
/// assert!(imy_breach::ShortText::new("a\u{1b}[2J").is_err());
/// ```
pub const TEXT_PATTERN: &str = concat!(
    "^[^\\S\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]*",
    "[^\\s\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]",
    "[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]*$"
);

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
            "pattern": TEXT_PATTERN,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::control_character;
    use proptest::prelude::*;

    /// The rule, byte by byte, without the chunked search.
    fn reference(text: &str) -> Option<usize> {
        text.chars().position(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r')).map(|p| p + 1)
    }

    proptest! {
        #[test]
        fn the_chunked_search_finds_what_the_rule_says(
            text in proptest::collection::vec(
                prop_oneof![
                    Just('a'), Just('ö'), Just('\n'), Just('\t'), Just('\r'), Just('\u{0}'),
                    Just('\u{1b}'), Just('\u{7f}'), Just('\u{85}'), Just('\u{9f}'), Just('\u{a0}'),
                    Just('Â'), Just('€'), any::<char>()
                ],
                0..200,
            ).prop_map(|cs| cs.into_iter().collect::<String>())
        ) {
            prop_assert_eq!(control_character(&text), reference(&text), "{:?}", text);
        }
    }
}
