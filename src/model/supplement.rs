//! Section "Komplettering/eventuell sekretess" (supplement and confidentiality, questions 36–37), and
//! confidentiality markings: which answers should stay confidential when the filed notification, a
//! public document (*allmän handling*), is requested by someone, on which ground and why.
//!
//! # Grounds
//!
//! IMY tests secrecy case by case under the Public Access to Information and Secrecy Act
//! (*offentlighets- och sekretesslagen* (2009:400), OSL) when someone asks for a notification. IMY
//! publishes what it normally keeps secret in breach notifications ("Utlämning av
//! personuppgiftsincidenter", imy.se, updated 24 March 2022): details of a **security measure**, if
//! disclosure can be assumed to defeat the measure's purpose; **individuals' personal or economic
//! circumstances**, if the individual or someone close can be assumed to suffer harm; and therefore
//! normally **who filed the notification**; and, even for incidents known from the media, **third
//! parties such as the names of processors engaged**. [`SecrecyGround`] has one option for each.
//!
//! Legal references, and how sure they are:
//! - Security measures: OSL 18 kap. 8 § (point 3: measures concerning systems for automated
//!   processing of information). Confirmed: IMY (then Datainspektionen) relied on it for breach
//!   notifications in 2018; the Administrative Court of Appeal in Stockholm (Kammarrätten, August
//!   2018) overturned one such refusal because that notification concerned neither an intrusion nor
//!   flaws in IT systems: the provision protects details, not every notification.
//! - The reporter's identity: IMY relied on the same provision (18 kap. 8 § 3 p.) for the identity of
//!   the person who filed a notification in those decisions.
//! - Personal circumstances: IMY's page gives the ground but no section. The wording ("personliga
//!   eller ekonomiska förhållanden … lider skada eller men") is that of the secrecy for supervision
//!   under the data protection rules, OSL 32 kap. 3 §; that reference could not be checked against
//!   the statute here, and is given as derived. OSL 21 kap. 1 § (health, sex life) and 21 kap. 3 §
//!   (address and contact details of persons at risk) apply at every authority.
//! - Third parties: IMY's page says it normally withholds them but names no provision; none is cited.
//!
//! The Swedish labels are derived (the e-service has no such list); the codes are stable.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::lang::Lang;
use crate::values::choice::{choice_enum, YesNo};
use crate::values::text::{LongText, ShortText};

/// The schema pattern of [`ConfidentialityMarking::pointer`]: an RFC 6901 JSON pointer, not the
/// whole document.
pub const POINTER_PATTERN: &str = "^(/([^~/]|~[01])*)+$";

/// The most confidentiality markings in one notification.
pub const MAX_MARKINGS: usize = 100;

/// Section "Komplettering/eventuell sekretess" — whether the notification will be supplemented, and
/// what should be kept confidential.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SupplementAndConfidentiality {
    /// Question 36, "Avser ni att komplettera er anmälan? Om ni ska komplettera anmälan så måste det
    /// ske skyndsamt" — do you intend to supplement the notification? A supplement must come without
    /// delay; IMY decides on what it has after four weeks without one (GDPR Art. 33(4)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub intends_to_supplement: Option<YesNo>,
    /// Question 37, "Om ni anser att viss information i er anmälan bör omfattas av sekretess, beskriv
    /// vilken information som enligt er bör vara sekretessbelagd och varför." — what information
    /// should in your view be kept confidential, and why. The notification becomes a public document.
    /// Your own words; the text to file adds the confidentiality markings to them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidentiality_request: Option<LongText>,
    /// Not on the form: the answers marked as confidential, each with a ground under the Public Access
    /// to Information and Secrecy Act and a reason. Question 37's text is produced from them, and the
    /// redacted public copy masks them.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::limits::at_most::<_, _, 100>"
    )]
    #[schemars(length(max = 100))]
    pub confidentiality_markings: Vec<ConfidentialityMarking>,
}

impl SupplementAndConfidentiality {
    /// Whether no question of the section is answered.
    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }
}

/// A field marked as confidential: which answer (a JSON pointer into the notification), on which
/// ground, and why.
///
/// The pointer names an answer or a group of answers of the form: a question
/// (`/incident/description`), a sub-field (`/incident/occurred/comment`), an element of a repeated
/// group (`/contactDetails/contactPersons/0`, `/processors/organisations/1`,
/// `/consequences/actions/2/description`) or a whole section (`/incident`). Whether it names an
/// answered field that can be masked is checked by validation, not when reading.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ConfidentialityMarking {
    /// The marked field: a JSON pointer (RFC 6901) into the notification, for example
    /// `/incident/description` or `/contactDetails/contactPersons/0`.
    #[schemars(pattern(POINTER_PATTERN))]
    pub pointer: ShortText,
    /// The ground for confidentiality under the Public Access to Information and Secrecy Act.
    pub ground: SecrecyGround,
    /// Why the information should be confidential: what harm disclosure could do. Required for the
    /// request to be complete.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<LongText>,
}

impl ConfidentialityMarking {
    /// A marking with a reason.
    ///
    /// # Errors
    /// [`FieldError`](crate::FieldError) when the pointer or the reason is empty or too long. Whether
    /// the pointer names a field is checked by [`markings_problems`](crate::markings_problems).
    pub fn new(pointer: &str, ground: SecrecyGround, reason: &str) -> Result<Self, crate::FieldError> {
        Ok(ConfidentialityMarking {
            pointer: ShortText::new(pointer)?,
            ground,
            reason: Some(LongText::new(reason)?),
        })
    }
}

choice_enum! {
    /// The ground on which an answer should be kept confidential when the notification is requested
    /// as a public document: the kinds of information IMY says it normally keeps secret under the
    /// Public Access to Information and Secrecy Act (2009:400). Swedish labels derived from IMY's
    /// description of what it keeps secret; each ground's legal reference is given by
    /// `SecrecyGround::legal_reference`.
    pub enum SecrecyGround in "OSL" {
        /// Details that reveal or can contribute to revealing a security measure (OSL 18 kap. 8 §):
        /// how the breach happened technically, vulnerabilities, protective measures taken.
        SecurityMeasures = ("security_measures", Derived, "Uppgift om säkerhets- eller bevakningsåtgärd", "Details of a security measure"),
        /// An individual's personal or economic circumstances, where the individual or someone close
        /// could suffer harm if disclosed.
        PersonalCircumstances = ("personal_circumstances", Derived, "Uppgift om enskilds personliga eller ekonomiska förhållanden", "An individual's personal or economic circumstances"),
        /// Who filed the notification: the contact persons.
        ReporterIdentity = ("reporter_identity", Derived, "Uppgift om vem som har lämnat anmälan", "The identity of the person who filed the notification"),
        /// A third party, for example the name of a processor engaged.
        ThirdParty = ("third_party", Derived, "Uppgift om tredje part, till exempel ett anlitat personuppgiftsbiträde", "A third party, for example a processor engaged"),
    }
}

impl SecrecyGround {
    /// The provision of the Public Access to Information and Secrecy Act the ground rests on, when a
    /// source confirms which one IMY applies (see the module documentation): 18 kap. 8 § for security
    /// measures and the reporter's identity, 32 kap. 3 § (derived) for personal circumstances, none
    /// for third parties.
    ///
    /// # Example
    /// ```
    /// use imy_breach::{Lang, SecrecyGround};
    /// assert_eq!(
    ///     SecrecyGround::SecurityMeasures.legal_reference(Lang::En),
    ///     Some("Chapter 18, Section 8 of the Public Access to Information and Secrecy Act (2009:400)"),
    /// );
    /// assert_eq!(SecrecyGround::ThirdParty.legal_reference(Lang::Sv), None);
    /// ```
    pub fn legal_reference(self, lang: Lang) -> Option<&'static str> {
        Some(match (self, lang) {
            (SecrecyGround::SecurityMeasures | SecrecyGround::ReporterIdentity, Lang::Sv) => {
                "18 kap. 8 § offentlighets- och sekretesslagen (2009:400)"
            }
            (SecrecyGround::SecurityMeasures | SecrecyGround::ReporterIdentity, _) => {
                "Chapter 18, Section 8 of the Public Access to Information and Secrecy Act (2009:400)"
            }
            (SecrecyGround::PersonalCircumstances, Lang::Sv) => {
                "32 kap. 3 § offentlighets- och sekretesslagen (2009:400)"
            }
            (SecrecyGround::PersonalCircumstances, _) => {
                "Chapter 32, Section 3 of the Public Access to Information and Secrecy Act (2009:400)"
            }
            (SecrecyGround::ThirdParty, _) => return None,
        })
    }

    /// A short name for masking markers: "säkerhetsåtgärd", "personliga förhållanden",
    /// "ingivarens identitet", "tredje part" (English: "security measure", "personal
    /// circumstances", "reporter's identity", "third party").
    pub fn short_label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (SecrecyGround::SecurityMeasures, Lang::Sv) => "säkerhetsåtgärd",
            (SecrecyGround::PersonalCircumstances, Lang::Sv) => "personliga förhållanden",
            (SecrecyGround::ReporterIdentity, Lang::Sv) => "ingivarens identitet",
            (SecrecyGround::ThirdParty, Lang::Sv) => "tredje part",
            (SecrecyGround::SecurityMeasures, _) => "security measure",
            (SecrecyGround::PersonalCircumstances, _) => "personal circumstances",
            (SecrecyGround::ReporterIdentity, _) => "reporter's identity",
            (SecrecyGround::ThirdParty, _) => "third party",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_markings(doc: serde_json::Value) -> SupplementAndConfidentiality {
        serde_json::from_value(doc["supplementAndConfidentiality"].clone()).unwrap()
    }

    #[test]
    fn text_merges_own_words_and_markings() {
        let n = with_markings(serde_json::json!({
            "schemaVersion": "1.0",
            "processors": {"involved": "yes", "organisations": [{"name": "Exempel Drift AB"}]},
            "supplementAndConfidentiality": {
                "confidentialityRequest": "Se nedan.",
                "confidentialityMarkings": [
                    {"pointer": "/processors/organisations/0", "ground": "third_party", "reason": "Avtalet är inte offentligt.\nLeverantören har begärt det."},
                ]
            }
        }));
        let s = &n;
        assert_eq!(
            s.confidentiality_text(Lang::Sv).unwrap(),
            "Se nedan.\n\nFöljande uppgifter i anmälan bör enligt oss omfattas av sekretess:\n\n\
             - 22. Organisationens namn och organisationsnummer (nr 1)\n  \
             Grund: Uppgift om tredje part, till exempel ett anlitat personuppgiftsbiträde\n  \
             Skäl: Avtalet är inte offentligt.\n  Leverantören har begärt det."
        );
        assert!(s.confidentiality_text(Lang::En).unwrap().starts_with("Se nedan.\n\nIn our view,"));
        assert_eq!(SupplementAndConfidentiality::default().confidentiality_text(Lang::Sv), None);
    }
}
