//! A value that breaks its type's rules ([`FieldError`]), and how value types report it to the
//! reader.

use crate::lang::Lang;

/// A value that breaks the rules of its type: a malformed organisation number, postcode, e-mail
/// address, phone number, date or time, an empty or overlong text, a control character in a text, an
/// unknown option code.
///
/// Each variant has a stable kebab-case [`code`](FieldError::code) and a message in Swedish and English.
/// Messages never repeat the rejected value when it may be personal data; what they do repeat (an
/// unknown option code, a `schemaVersion`) is at most 32 characters, invisible characters escaped.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FieldError {
    /// Not `NNNNNN-NNNN` (ten digits, the hyphen optional).
    #[error("[organisation-number-format] an organisation number is ten digits, NNNNNN-NNNN")]
    OrganisationNumber,
    /// Not a postcode: 2–10 letters, digits, spaces or hyphens.
    #[error("[postcode-format] a postcode is 2–10 letters, digits, spaces or hyphens, for example 127 26")]
    Postcode,
    /// Not an e-mail address.
    #[error("[email-format] not a valid e-mail address (name@domain.se)")]
    Email,
    /// Neither a Swedish national number nor an E.164 number.
    #[error("[phone-format] a phone number is a Swedish number starting with 0 (08-123 456 78) or an international number starting with + (+46 8 123 456 78)")]
    Phone,
    /// Not a calendar date `YYYY-MM-DD`.
    #[error("[date-format] a date is written YYYY-MM-DD and must exist in the calendar")]
    Date,
    /// Not a wall-clock time `HH:MM`.
    #[error("[time-format] a time is written HH:MM, from 00:00 to 23:59")]
    Time,
    /// Not an RFC 3339 timestamp with an offset.
    #[error(
        "[timestamp-format] a timestamp is RFC 3339 with an offset, for example 2025-03-31T09:00:00+02:00"
    )]
    Timestamp,
    /// Not one of Stockholm's two UTC offsets.
    #[error("[utc-offset] the UTC offset of Swedish time is +01:00 (normal time) or +02:00 (summer time)")]
    UtcOffset,
    /// An empty or blank text: leave the field out instead.
    #[error("[text-empty] the text is empty; leave the field out when there is no answer")]
    TextEmpty,
    /// A text longer than its limit.
    #[error("[text-too-long] the text has {len} characters; at most {max} are allowed")]
    TextTooLong {
        /// Characters given.
        len: usize,
        /// Characters allowed.
        max: usize,
    },
    /// A control character (C0, DEL or C1) other than tab, line feed and carriage return in a text.
    #[error("[control-character] the text contains a control character at character {position}; only tab, line feed and carriage return are allowed")]
    ControlCharacter {
        /// Where the first one is, counted in characters from 1.
        position: usize,
    },
    /// A count outside 1..=2^53−1.
    #[error("[count-out-of-range] a number of data subjects or records is a whole number from 1 to 9007199254740991")]
    Count,
    /// A list longer than its limit.
    #[error("[too-many-items] the list has more than {max} items")]
    TooManyItems {
        /// Items allowed.
        max: usize,
    },
    /// A document larger than [`MAX_DOCUMENT_BYTES`](crate::MAX_DOCUMENT_BYTES).
    #[error("[document-too-large] the document has {len} bytes; at most {max} are read")]
    DocumentTooLarge {
        /// Bytes given.
        len: usize,
        /// Bytes allowed.
        max: usize,
    },
    /// Not IMY's case number (diarienummer): `IMY-2025-1234`, or `DI-2019-1234`.
    #[error("[case-number-format] a case number is written IMY-2025-1234 (or DI-2019-1234)")]
    CaseNumber,
    /// A code that is not in the option list.
    #[error("[unknown-option] unknown option `{given}`, expected one of: {expected}")]
    UnknownOption {
        /// The code given, as messages show it: at most 32 characters, then "…", invisible
        /// characters escaped (see the crate's `lang::shown`).
        given: String,
        /// The valid codes, comma-separated.
        expected: String,
    },
    /// The same option twice in a multiple choice.
    #[error("[duplicate-option] the option `{code}` is given twice")]
    DuplicateOption {
        /// The repeated code.
        code: String,
    },
    /// `null` where a value was expected: `null` is never a value in the wire format (an optional
    /// member is left out, an empty list is `[]`).
    #[error("[invalid-type] `null` is not allowed; leave the field out instead (in a list: the item)")]
    Null,
    /// A `schemaVersion` this version of the crate does not read.
    #[error("[schema-version] unsupported schemaVersion `{given}`; this crate reads version {supported}")]
    SchemaVersion {
        /// The version given, shown as [`UnknownOption`](FieldError::UnknownOption)'s code is.
        given: String,
        /// The version supported.
        supported: &'static str,
    },
    /// A `kind` member other than the document kind read here (`"breach_record"` for a breach
    /// record).
    #[error("[document-kind] unknown document kind `{given}`; expected `{expected}`")]
    DocumentKind {
        /// The kind given, shown as [`UnknownOption`](FieldError::UnknownOption)'s code is.
        given: String,
        /// The kind expected.
        expected: &'static str,
    },
}

impl FieldError {
    /// The stable rule code, for example `"postcode-format"`.
    pub fn code(&self) -> &'static str {
        match self {
            FieldError::OrganisationNumber => "organisation-number-format",
            FieldError::Postcode => "postcode-format",
            FieldError::Email => "email-format",
            FieldError::Phone => "phone-format",
            FieldError::Date => "date-format",
            FieldError::Time => "time-format",
            FieldError::Timestamp => "timestamp-format",
            FieldError::UtcOffset => "utc-offset",
            FieldError::TextEmpty => "text-empty",
            FieldError::TextTooLong { .. } => "text-too-long",
            FieldError::ControlCharacter { .. } => "control-character",
            FieldError::Count => "count-out-of-range",
            FieldError::TooManyItems { .. } => "too-many-items",
            FieldError::DocumentTooLarge { .. } => "document-too-large",
            FieldError::CaseNumber => "case-number-format",
            FieldError::UnknownOption { .. } => "unknown-option",
            FieldError::DuplicateOption { .. } => "duplicate-option",
            FieldError::SchemaVersion { .. } => "schema-version",
            FieldError::DocumentKind { .. } => "document-kind",
            FieldError::Null => "invalid-type",
        }
    }

    /// The message in the given language, without the code.
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => {
                // `Display` follows Rust's convention (lower case, no full stop); people get a sentence.
                let full = self.to_string();
                let rest = full.split_once("] ").map_or(full.as_str(), |(_, rest)| rest);
                if rest.is_empty() {
                    return String::new();
                }
                crate::lang::upper_first(rest) + "."
            }
            Lang::Sv => match self {
                FieldError::OrganisationNumber => {
                    "Ett organisationsnummer består av tio siffror, NNNNNN-NNNN.".into()
                }
                FieldError::Postcode => {
                    "Ett postnummer består av 2–10 bokstäver, siffror, mellanslag eller bindestreck, till exempel 127 26.".into()
                }
                FieldError::Email => "Ogiltig e-postadress (namn@domän.se).".into(),
                FieldError::Phone => "Ett telefonnummer är ett svenskt nummer som börjar med 0 (08-123 456 78) eller ett internationellt nummer som börjar med + (+46 8 123 456 78).".into(),
                FieldError::Date => "Ett datum skrivs ÅÅÅÅ-MM-DD och måste finnas i kalendern.".into(),
                FieldError::Time => "Ett klockslag skrivs TT:MM, från 00:00 till 23:59.".into(),
                FieldError::Timestamp => "En tidpunkt skrivs enligt RFC 3339 med tidszon, till exempel 2025-03-31T09:00:00+02:00.".into(),
                FieldError::UtcOffset => "Svensk tid har UTC-förskjutningen +01:00 (normaltid) eller +02:00 (sommartid).".into(),
                FieldError::TextEmpty => "Texten är tom; utelämna fältet när det saknas svar.".into(),
                FieldError::TextTooLong { len, max } => {
                    format!("Texten har {len} tecken; högst {max} är tillåtna.")
                }
                FieldError::ControlCharacter { position } => format!(
                    "Texten innehåller ett styrtecken vid tecken {position}; bara tabb, radbrytning och vagnretur är tillåtna."
                ),
                FieldError::Count => "Ett antal registrerade eller uppgifter är ett heltal från 1 till 9007199254740991.".into(),
                FieldError::TooManyItems { max } => format!("Listan har fler än {max} poster."),
                FieldError::DocumentTooLarge { len, max } => {
                    format!("Dokumentet har {len} byte; högst {max} läses.")
                }
                FieldError::CaseNumber => "Ett diarienummer skrivs IMY-2025-1234 (eller DI-2019-1234).".into(),
                FieldError::UnknownOption { given, expected } => {
                    format!("Okänt svarsalternativ `{given}`; giltiga koder: {expected}.")
                }
                FieldError::DuplicateOption { code } => {
                    format!("Alternativet `{code}` är angivet två gånger.")
                }
                FieldError::Null => {
                    "`null` är inte tillåtet; utelämna fältet i stället (i en lista: posten).".into()
                }
                FieldError::SchemaVersion { given, supported } => format!(
                    "schemaVersion `{given}` stöds inte; denna version läser version {supported}."
                ),
                FieldError::DocumentKind { given, expected } => {
                    format!("Okänd dokumenttyp `{given}` i kind; `{expected}` väntades.")
                }
            },
        }
    }
}

thread_local! {
    /// The last value error raised through serde (see [`reject`]).
    static REJECTED: std::cell::RefCell<Option<FieldError>> = const { std::cell::RefCell::new(None) };
}

/// The error a value type returns through serde for `e`. serde carries only its message; the
/// reader takes `e` itself back with [`take_rejected`].
pub(crate) fn reject<E: serde::de::Error>(e: FieldError) -> E {
    let err = E::custom(&e);
    REJECTED.with(|r| *r.borrow_mut() = Some(e));
    err
}

/// The value error behind a serde error with this message (without its position), when a value
/// type raised it with [`reject`].
pub(crate) fn take_rejected(message: &str) -> Option<FieldError> {
    REJECTED.with(|r| r.borrow_mut().take()).filter(|e| e.to_string() == message)
}

/// Reads a string and makes it a `T`, or rejects it with `T`'s error.
pub(crate) fn from_string<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: serde::Deserializer<'de>,
    T: TryFrom<String, Error = FieldError>,
{
    let text = <String as serde::Deserialize>::deserialize(d)?;
    T::try_from(text).map_err(reject)
}
