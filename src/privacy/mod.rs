//! Personal data in free text, and the redacted public copy.

pub mod pii;
pub mod redact;
