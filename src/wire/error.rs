//! Why a document could not be read ([`ParseError`]).

use std::fmt;

use crate::lang::{Bilingual, Lang};
use crate::wire::pointer::Pointer;

/// Why a document could not be read into a [`Notification`](crate::Notification).
///
/// Opaque on purpose: ask it [`pointer`](ParseError::pointer), [`code`](ParseError::code) and
/// [`message`](ParseError::message). The pointer (RFC 6901) names the value at fault; for a missing
/// member it names the member that is missing, for an unknown member the member itself — or its
/// parent object when the name is longer than 32 characters or holds an invisible character (the
/// message then names it by its first characters, escaped; see DESIGN.md, "Validation / Pointers").
///
/// # Example
/// ```
/// let err = imy_breach::Notification::from_json(r#"{"schemaVersion":"1.0","controller":{"nmae":"X"}}"#)
///     .unwrap_err();
/// assert_eq!(err.pointer(), "/controller/nmae");
/// assert_eq!(err.code(), "unknown-field");
/// ```
#[derive(Clone, PartialEq, Eq, thiserror::Error)]
#[error("{pointer_shown}: {en} [{code}]", pointer_shown = display_pointer(&self.pointer), en = self.message(Lang::En), code = self.code)]
pub struct ParseError {
    pub(crate) pointer: Pointer,
    pub(crate) code: &'static str,
    pub(crate) message: Bilingual<String>,
    pub(crate) line: Option<usize>,
    pub(crate) column: Option<usize>,
}

fn display_pointer(p: &Pointer) -> String {
    if p.is_root() {
        "(document)".to_string()
    } else {
        p.to_string()
    }
}

impl fmt::Debug for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ParseError")
            .field("pointer", &self.pointer.to_string())
            .field("code", &self.code)
            .field("line", &self.line)
            .field("column", &self.column)
            .finish_non_exhaustive()
    }
}

impl ParseError {
    /// The JSON pointer (RFC 6901) of the value at fault; the root (`""`) is the whole document.
    pub fn pointer(&self) -> &Pointer {
        &self.pointer
    }
    /// The stable kebab-case code, for example `"json-syntax"`, `"unknown-field"`, `"date-format"`.
    pub fn code(&self) -> &'static str {
        self.code
    }
    /// The message in the given language.
    pub fn message(&self, lang: Lang) -> String {
        self.message.get(lang).to_owned()
    }
    /// The line (from 1) where the error was found, when the input was text.
    pub fn line(&self) -> Option<usize> {
        self.line
    }
    /// The column (from 1) where the error was found, when the input was text.
    pub fn column(&self) -> Option<usize> {
        self.column
    }

    pub(crate) fn new(pointer: Pointer, code: &'static str, sv: String, en: String) -> Self {
        ParseError { pointer, code, message: Bilingual::new(sv, en), line: None, column: None }
    }
}
