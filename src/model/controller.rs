//! Section "Personuppgiftsansvarig" (the controller, questions 1–4) and the address type shared with
//! question 9.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::values::identifiers::{OrganisationNumber, Postcode};
use crate::values::text::ShortText;

/// Section "Personuppgiftsansvarig" — the controller: the organisation that files the notification.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Controller {
    /// Question 1, "Organisationens namn" — the organisation's name (the controller). Required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<ShortText>,
    /// Question 2, "Organisationsnummer" — corporate identity number, `NNNNNN-NNNN`. Left empty for a
    /// sole trader (*enskild firma*), whose number is a personnummer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation_number: Option<OrganisationNumber>,
    /// Question 3, "Organisationens postadress" — the postal (not visiting) address. Postcode and
    /// city required.
    #[serde(default, skip_serializing_if = "Address::is_empty")]
    pub postal_address: Address,
    /// Question 4, "Er organisations interna referensnummer" — your internal reference number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub internal_reference: Option<ShortText>,
}

impl Controller {
    /// Whether no question of the section is answered.
    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }
}

/// A postal address: "Adress", "Postnummer", "Ort", "Land" (questions 3 and 9).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Address {
    /// "Adress" — street address or box ("Box 503"). Required in question 9.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street: Option<ShortText>,
    /// "Postnummer" — postcode, five digits. Required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postcode: Option<Postcode>,
    /// "Ort" — city (postal town). Required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<ShortText>,
    /// "Land" — country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<ShortText>,
}

impl Address {
    /// Whether no part of the address is given.
    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }
}
