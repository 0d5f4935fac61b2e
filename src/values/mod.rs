//! Values with rules: option lists, dates and times, Swedish identifiers, free text, and the error a single value can have ([`FieldError`](crate::FieldError)). Above [`lang`](crate::Lang) only.

pub(crate) mod choice;
pub(crate) mod datetime;
pub(crate) mod error;
pub(crate) mod identifiers;
pub(crate) mod text;
