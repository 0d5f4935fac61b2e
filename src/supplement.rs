//! Section "Komplettering/eventuell sekretess" (supplement and confidentiality, questions 36–37).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::choice::YesNo;
use crate::text::LongText;

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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidentiality_request: Option<LongText>,
}

impl SupplementAndConfidentiality {
    /// Whether no question of the section is answered.
    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }
}
