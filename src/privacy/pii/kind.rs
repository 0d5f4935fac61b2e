//! What a finding is: its kind and its place.

use std::ops::Range;

/// What kind of personal data a [`Finding`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum PersonalDataKind {
    /// A Swedish personal identity number (personnummer).
    PersonalIdentityNumber,
    /// A Swedish coordination number (samordningsnummer): a personnummer whose day is increased by 60.
    CoordinationNumber,
    /// An e-mail address.
    Email,
    /// A phone number.
    Phone,
    /// An international bank account number (IBAN).
    Iban,
    /// A payment card number.
    PaymentCard,
    /// An IPv4 or IPv6 address.
    IpAddress,
}

impl PersonalDataKind {
    /// A stable snake_case code: `personal_identity_number`, `coordination_number`, `email`,
    /// `phone`, `iban`, `payment_card`, `ip_address`.
    ///
    /// # Example
    /// ```
    /// assert_eq!(imy_breach::pii::PersonalDataKind::PaymentCard.code(), "payment_card");
    /// ```
    pub fn code(self) -> &'static str {
        match self {
            PersonalDataKind::PersonalIdentityNumber => "personal_identity_number",
            PersonalDataKind::CoordinationNumber => "coordination_number",
            PersonalDataKind::Email => "email",
            PersonalDataKind::Phone => "phone",
            PersonalDataKind::Iban => "iban",
            PersonalDataKind::PaymentCard => "payment_card",
            PersonalDataKind::IpAddress => "ip_address",
        }
    }

    /// The kind in words, in the given language, in lower case ("ett personnummer", "a phone number").
    ///
    /// # Example
    /// ```
    /// use imy_breach::{pii::PersonalDataKind, Lang};
    /// assert_eq!(PersonalDataKind::Iban.describe(Lang::Sv), "ett kontonummer (IBAN)");
    /// ```
    pub fn describe(self, lang: crate::Lang) -> &'static str {
        use PersonalDataKind::*;
        match (self, lang) {
            (PersonalIdentityNumber, crate::Lang::Sv) => "ett personnummer",
            (CoordinationNumber, crate::Lang::Sv) => "ett samordningsnummer",
            (Email, crate::Lang::Sv) => "en e-postadress",
            (Phone, crate::Lang::Sv) => "ett telefonnummer",
            (Iban, crate::Lang::Sv) => "ett kontonummer (IBAN)",
            (PaymentCard, crate::Lang::Sv) => "ett kortnummer",
            (IpAddress, crate::Lang::Sv) => "en IP-adress",
            (PersonalIdentityNumber, _) => "a personal identity number (personnummer)",
            (CoordinationNumber, _) => "a coordination number (samordningsnummer)",
            (Email, _) => "an e-mail address",
            (Phone, _) => "a phone number",
            (Iban, _) => "a bank account number (IBAN)",
            (PaymentCard, _) => "a payment card number",
            (IpAddress, _) => "an IP address",
        }
    }
}

/// Personal data found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Finding {
    /// What was found.
    pub kind: PersonalDataKind,
    /// Where: a byte range of the text, on character boundaries.
    pub range: Range<usize>,
}

impl Finding {
    /// The text found.
    ///
    /// # Example
    /// ```
    /// let text = "Skickat till kim@example.org av misstag.";
    /// let f = &imy_breach::pii::find_personal_data(text)[0];
    /// assert_eq!(f.matched(text), "kim@example.org");
    /// ```
    pub fn matched<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.range.clone()).unwrap_or_default()
    }

    /// The position of the first character, counted in characters from 0 (for messages).
    ///
    /// # Example
    /// ```
    /// let text = "Åsa: 070-174 06 05";
    /// assert_eq!(imy_breach::pii::find_personal_data(text)[0].char_offset(text), 5);
    /// ```
    pub fn char_offset(&self, text: &str) -> usize {
        text.get(..self.range.start).map_or(0, |s| s.chars().count())
    }
}
