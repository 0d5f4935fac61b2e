//! Section "Biträden" (processors, questions 21–22).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::values::choice::YesNo;
use crate::values::identifiers::OrganisationNumber;
use crate::values::text::ShortText;

/// Section "Biträden" — whether processors are involved, and which.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Processors {
    /// Question 21, "Gäller incidenten en personuppgiftsbehandling som hanteras av anlitade
    /// personuppgiftsbiträden eller underbiträden?" — does the breach concern processing by
    /// processors or sub-processors?
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub involved: Option<YesNo>,
    /// Question 22, "Organisationens namn och organisationsnummer" — the processors' names and
    /// numbers ("Lägg till ny" adds one). At least one when question 21 is Ja, none when Nej.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::limits::at_most::<_, _, 100>"
    )]
    #[schemars(length(max = 100))]
    pub organisations: Vec<Processor>,
}

impl Processors {
    /// Whether no question of the section is answered.
    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }
}

/// A processor or sub-processor (question 22).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Processor {
    /// "Organisationens namn" — the processor's name. Required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<ShortText>,
    /// "Organisationsnummer" — the processor's Swedish organisation number; leave it out for a
    /// processor without one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation_number: Option<OrganisationNumber>,
}
