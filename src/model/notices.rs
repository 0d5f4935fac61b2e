//! What a breach record says was sent out: the filings with IMY, the communication to the data
//! subjects, and the other authorities told. The Swedish labels are derived; the codes are stable.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::values::choice::{choice_enum, ChoiceSet};
use crate::values::datetime::{LocalDate, Timestamp};
use crate::values::text::{LongText, ShortText};

/// The most filings, authority reports and communications in one record.
pub const MAX_RECORD_ITEMS: usize = 50;

/// One filing with IMY: the notification or a supplement to it.
///
/// # Example
/// ```
/// let f: imy_breach::Filing = serde_json::from_str(
///     r#"{"kind":"initial","submittedAt":"2025-03-29T09:00:00+01:00","caseNumber":"IMY-2025-1234"}"#).unwrap();
/// assert_eq!(f.kind, Some(imy_breach::FilingKind::Initial));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Filing {
    /// The notification itself or a supplement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<FilingKind>,
    /// When it was filed with IMY.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted_at: Option<Timestamp>,
    /// IMY's case number (*diarienummer*), once IMY has given one: `IMY-2025-1234` (see
    /// [`CaseNumber`](crate::CaseNumber)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_number: Option<crate::model::filing::CaseNumber>,
    /// Where the filed document is kept: a file name or the controller's own reference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<ShortText>,
}

choice_enum! {
    /// What was filed with IMY.
    pub enum FilingKind in "filing kind" {
        /// The notification (DPV: initial notice to the authority).
        Initial = ("initial", Derived, "Anmälan", "Notification"),
        /// A supplement to it (Art. 33(4); DPV: phased notice).
        Supplement = ("supplement", Derived, "Komplettering", "Supplement"),
    }
}

/// The communication of the breach to the data subjects (GDPR Art. 34; DPV: notice to the data
/// subjects), or, under Art. 34(3)(c), the public communication instead.
///
/// # Example
/// ```
/// let c: imy_breach::Communication = serde_json::from_str(
///     r#"{"sentOn":"2025-03-30","channels":["email","website"]}"#).unwrap();
/// assert!(c.is_public());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Communication {
    /// When the data subjects were informed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent_on: Option<LocalDate>,
    /// When they will be informed, while it is still to be done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_on: Option<LocalDate>,
    /// How: every channel used.
    #[serde(default, skip_serializing_if = "ChoiceSet::is_empty")]
    pub channels: ChoiceSet<Channel>,
    /// To whom: which data subjects, described (never a list of names).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipients: Option<LongText>,
    /// What it said, or a summary of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<LongText>,
}

impl Communication {
    /// Whether it went out through a public channel (a website, the press or a public notice), as a
    /// communication under Art. 34(3)(c) must.
    pub fn is_public(&self) -> bool {
        self.channels.iter().any(Channel::is_public)
    }
}

choice_enum! {
    /// A channel of the communication to the data subjects.
    pub enum Channel in "channel" {
        /// E-mail.
        Email = ("email", Derived, "E-post", "E-mail"),
        /// Letter.
        Letter = ("letter", Derived, "Brev", "Letter"),
        /// Text message.
        TextMessage = ("text_message", Derived, "Sms", "Text message"),
        /// Telephone.
        Phone = ("phone", Derived, "Telefon", "Telephone"),
        /// In person.
        InPerson = ("in_person", Derived, "Personligen", "In person"),
        /// A message in the controller's app or e-service.
        InApp = ("in_app", Derived, "Meddelande i app eller e-tjänst", "Message in an app or e-service"),
        /// The controller's website (public).
        Website = ("website", Derived, "Webbplats", "Website"),
        /// The press (public).
        Press = ("press", Derived, "Press och media", "Press and media"),
        /// Another public notice (public).
        PublicNotice = ("public_notice", Derived, "Annat offentligt meddelande", "Other public notice"),
    }
}

impl Channel {
    /// Whether the channel reaches the public rather than each data subject.
    ///
    /// # Example
    /// ```
    /// assert!(imy_breach::Channel::Press.is_public());
    /// assert!(!imy_breach::Channel::Letter.is_public());
    /// ```
    pub fn is_public(self) -> bool {
        matches!(self, Channel::Website | Channel::Press | Channel::PublicNotice)
    }
}

/// Another authority told of the breach.
///
/// # Example
/// ```
/// let r: imy_breach::AuthorityReport = serde_json::from_str(
///     r#"{"authority":"police","caseNumber":"5000-K123456-25","reportedOn":"2025-03-29"}"#).unwrap();
/// assert_eq!(r.authority, Some(imy_breach::Authority::Police));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AuthorityReport {
    /// Which authority.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authority: Option<Authority>,
    /// Its name, needed for `other`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<ShortText>,
    /// Its case number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_number: Option<ShortText>,
    /// When it was told.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported_on: Option<LocalDate>,
}

choice_enum! {
    /// An authority other than IMY.
    pub enum Authority in "authority" {
        /// The police (Polismyndigheten), a crime report.
        Police = ("police", Derived, "Polismyndigheten", "The police"),
        /// The national CSIRT under NIS2 (CERT-SE at the Swedish Civil Contingencies Agency).
        Csirt = ("csirt", Derived, "CSIRT enligt NIS2 (CERT-SE)", "CSIRT under NIS2 (CERT-SE)"),
        /// Another authority, which the name states.
        Other = ("other", Derived, "Annan myndighet", "Another authority"),
    }
}
