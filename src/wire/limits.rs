//! The limits of reading: document size, nesting depth, problems reported.

/// The largest document read: 1 MiB. A real notification is a few kilobytes; the limit is checked
/// before any parsing.
pub const MAX_DOCUMENT_BYTES: usize = 1 << 20;

/// The deepest nesting of arrays and objects in a document: 128 levels (serde_json's recursion
/// limit). A deeper document is refused with the code `json-syntax` ("recursion limit exceeded" /
/// "för djupt nästlad"), and nothing in the crate recurses deeper: the model itself is at most six
/// levels deep, a value nested deeper than the model is a value of the wrong type, and values set
/// aside are skipped without recursion.
pub const MAX_NESTING_DEPTH: usize = 128;

/// The most problems reported for one document.
pub const MAX_PARSE_ERRORS: usize = 100;
