//! Section "Kontaktuppgifter för anmälan" (contact details, questions 5–9).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::controller::Address;
use crate::values::identifiers::{Email, PhoneNumber};
use crate::values::text::ShortText;

/// Section "Kontaktuppgifter för anmälan" — who IMY contacts about the notification, and where.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ContactDetails {
    /// Questions 5–8, the contact persons ("Lägg till ny" adds one). At least one is required.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::limits::at_most::<_, _, 20>"
    )]
    #[schemars(length(max = 20))]
    pub contact_persons: Vec<ContactPerson>,
    /// Question 9, "Den adress ni önskar bli kontaktad på" — the address you want to be contacted at;
    /// IMY's letters go here. Street, postcode and city required.
    #[serde(default, skip_serializing_if = "Address::is_empty")]
    pub correspondence_address: Address,
}

impl ContactDetails {
    /// Whether no question of the section is answered.
    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }
}

/// A contact person (questions 5–8). `Debug` prints no name, address or number.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ContactPerson {
    /// Question 5, "Kontaktpersonens namn" — the contact person's name. Required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<ShortText>,
    /// Question 6, "Kontaktpersonens roll" — the contact person's role (for example
    /// "Dataskyddsombud", data protection officer).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<ShortText>,
    /// Question 7, "Kontaktpersonens e-post" — the contact person's e-mail. Required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<Email>,
    /// Question 8, "Kontaktpersonens telefonnummer" — the contact person's phone number. Required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<PhoneNumber>,
}
