//! The kind of a wire-format document — a notification, a breach record or a supplement — read from
//! its top-level `kind` member before the document itself is read.

use crate::model::filing::SUPPLEMENT_KIND;
use crate::model::record::RECORD_KIND;

/// The kind of a wire-format document, as its top-level `kind` member says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum DocumentKind {
    /// A notification to IMY (the form): no `kind` member, or one this crate does not know.
    Notification,
    /// A breach record (Art. 33(5)): `"kind": "breach_record"`.
    BreachRecord,
    /// A supplement (komplettering, Art. 33(4)): `"kind": "supplement"`.
    Supplement,
}

impl DocumentKind {
    /// The kind a document declares. A document with no `"kind"` anywhere is settled without being
    /// parsed; a document that is not a JSON object, or whose `kind` is not a known one, is read as a
    /// notification (whose reader then reports what is wrong with it).
    ///
    /// # Example
    /// ```
    /// use imy_breach::DocumentKind;
    /// assert_eq!(DocumentKind::of(br#"{"schemaVersion":"1.1","kind":"supplement"}"#), DocumentKind::Supplement);
    /// assert_eq!(DocumentKind::of(br#"{"schemaVersion":"1.0","kind":"breach_record"}"#), DocumentKind::BreachRecord);
    /// assert_eq!(DocumentKind::of(br#"{"schemaVersion":"1.1"}"#), DocumentKind::Notification);
    /// assert_eq!(DocumentKind::of(b"not json"), DocumentKind::Notification);
    /// ```
    pub fn of(bytes: &[u8]) -> DocumentKind {
        #[derive(serde::Deserialize)]
        struct Head<'a> {
            #[serde(borrow, default)]
            kind: Option<std::borrow::Cow<'a, str>>,
        }
        if !bytes.windows(6).any(|w| w == b"\"kind\"") {
            return DocumentKind::Notification;
        }
        match serde_json::from_slice::<Head<'_>>(bytes).ok().and_then(|h| h.kind) {
            Some(k) if k == SUPPLEMENT_KIND => DocumentKind::Supplement,
            Some(k) if k == RECORD_KIND => DocumentKind::BreachRecord,
            _ => DocumentKind::Notification,
        }
    }
}
