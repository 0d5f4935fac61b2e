//! Personal data in free text: Swedish personal identity numbers (personnummer) and coordination
//! numbers (samordningsnummer), e-mail addresses, phone numbers, IBANs, payment card numbers and IP
//! addresses.
//!
//! IMY asks that a notification hold no more personal data than needed: the affected people's names,
//! personnummer or addresses do not belong in the free-text fields. [`find_personal_data`] finds what
//! a machine can find reliably, with byte ranges, so that validation can warn about it;
//! [`find_maskable`] finds that and more, for a public copy to mask.
//!
//! What is found:
//! - **personnummer / samordningsnummer**: 10 or 12 digits (`YYMMDDNNNN`, `YYYYMMDDNNNN`), whole or
//!   with one separator before the last four: `-`, `+` (the holder is 100 or older), an en dash
//!   (`–`), a space or a no-break space. The number may follow other numbers, dates, times or
//!   punctuation (`Upptäckt 2021-03-25 121212-1212`), but not a letter or digit (`INC7600982`), and
//!   must not run on into a letter, digit or further `-`/`.`/`/`/`:`/`,` and digit. The date must
//!   exist (for a samordningsnummer the day is increased by 60); organisation numbers (20 or more in
//!   the month position) are not found. [`find_personal_data`] also requires the Luhn check digit of
//!   the ten-digit form; [`find_maskable`] also finds numbers of that shape whose check digit is
//!   wrong (a mistyped personnummer is still personal data);
//! - **e-mail addresses**, with letters of any script in the local part and the domain
//!   (`åsa.öberg@exempel.se`), and obfuscated: `namn [at] exempel [dot] se`, `namn(at)exempel.se`,
//!   `namn {at} exempel (punkt) se`, `namn snabel-a exempel.se` (an obfuscated address's top-level
//!   domain is two or more letters);
//! - **phone numbers**, Swedish (`08-123 456 78`, `070 123 45 67`, `(08) 123 45 67`,
//!   `08/123 45 67`, `070–123 45 67`, `070.123.45.67`, double spaces) or international
//!   (`+46 70 123 45 67`, `+46 (0)70-123 45 67`, E.164 `+46701234567`): `0` and 6–12 digits, or
//!   `+`, a country code and 7–15 digits in all, groups separated by one or two spaces, or one of
//!   `-`, `–`, `.`, `/` with at most a space either side; not glued to a letter or digit;
//! - **IBANs**: two capital letters, two check digits and up to 30 capital letters and digits, in
//!   one run or in groups of four (`SE45 5000 0000 0583 9825 7466`), 15–34 characters, at least 7
//!   of them digits, the mod-97 check right;
//! - **payment card numbers**: 13–19 digits, the Luhn check right, in one run or in groups of 3–6
//!   digits separated by single spaces or hyphens (`4111 1111 1111 1111`);
//! - **IP addresses**: IPv4 (`192.0.2.17`, four numbers 0–255 without leading zeros) and IPv6
//!   (`2001:db8::8a2e:370:7334`, with at least three groups written, so `::1` and times like
//!   `12:27:00` are not).
//!
//! What is **not** found: names of people, street addresses and postcodes, car registration
//! numbers, customer, employee, case or ticket numbers and other free-form identifiers, dates of
//! birth written as dates, IBANs in lower case, card numbers with a wrong check digit, and e-mail
//! addresses written in words without brackets (`namn at exempel punkt se`). A text can hold
//! personal data that nothing here finds: the warnings are a help, not a guarantee.
//!
//! **Cost.** Every detector makes one pass over the text and, from each place a match could start,
//! looks at no more than a fixed number of bytes k: a personnummer 12 digits and a separator, a
//! phone number 15 digits and their separators (k ≤ 100 bytes), a card number 19 digits and their
//! separators, an IBAN 34 characters and 8 spaces, an IP address 48 bytes; an e-mail address looks
//! back at most 65 bytes from its `@` and forward over at most 255 bytes of domain, which no other
//! address's domain scan crosses. A place where a match failed is not rescanned from a later start
//! inside the same digit group or word. So a search is O(n·k) in the text's length n with k ≤ 255,
//! and in practice close to one pass: the worst inputs we could construct (`0 0 0 …`, `::::…`,
//! `a@a@a@…`, long digit runs) cost at most about three times ordinary prose per byte
//! (`benches/pii.rs`).

mod accounts;
mod email;
mod ident;
mod kind;
mod net;
mod phone;
mod scan;
#[cfg(test)]
mod tests;

use ident::Check;
pub use kind::{Finding, PersonalDataKind};

/// Merges two sorted lists of non-overlapping findings; where they overlap, `first` wins.
fn merge(first: Vec<Finding>, second: Vec<Finding>) -> Vec<Finding> {
    let mut out = Vec::with_capacity(first.len() + second.len());
    let mut a = first.into_iter().peekable();
    for f in second {
        while let Some(x) = a.next_if(|x| x.range.start < f.range.end) {
            out.push(x);
        }
        // Only the last one kept can overlap `f`: both lists are sorted and non-overlapping.
        if out.last().is_none_or(|x: &Finding| x.range.end <= f.range.start) {
            out.push(f);
        }
    }
    out.extend(a);
    out
}

/// Everything but phone numbers, which run until an earlier finding.
fn before_phones(text: &str, check: Check) -> Vec<Finding> {
    let mut found = ident::identity_numbers(text, check);
    found = merge(found, accounts::ibans(text));
    found = merge(found, accounts::cards(text));
    found = merge(found, email::emails(text));
    merge(found, net::ip_addresses(text))
}

/// Finds personnummer and samordningsnummer (valid date, right Luhn check digit), e-mail addresses,
/// phone numbers, IBANs (mod-97 check right), payment card numbers (Luhn check right) and IP
/// addresses in a text, as the module documentation describes.
///
/// The findings are sorted by position and never overlap; a digit string that is a valid
/// personnummer is reported as one, not also as a phone number.
///
/// # Example
/// ```
/// use imy_breach::pii::{find_personal_data, PersonalDataKind};
/// let text = "Brevet till 121212-1212 skickades till fel adress; ring 08-123 456 78. Ärende INC7600982.";
/// let kinds: Vec<_> = find_personal_data(text).iter().map(|f| f.kind).collect();
/// assert_eq!(kinds, [PersonalDataKind::PersonalIdentityNumber, PersonalDataKind::Phone]);
/// assert!(find_personal_data("Organisationsnummer 212000-0142, 2021-03-25 kl. 12:27").is_empty());
/// ```
pub fn find_personal_data(text: &str) -> Vec<Finding> {
    let found = before_phones(text, Check::Valid);
    let phones = phone::phones(text, &found);
    merge(found, phones)
}

/// Finds what a public copy must mask: everything [`find_personal_data`] finds (the same ranges),
/// and numbers shaped like a personnummer or samordningsnummer whose check digit is wrong; sorted
/// by position, never overlapping.
///
/// # Example
/// ```
/// let text = "Ring 08-123 456 78 om 121212-1213.";
/// let found = imy_breach::pii::find_maskable(text);
/// assert_eq!(found[0].matched(text), "08-123 456 78");
/// assert_eq!(found[1].matched(text), "121212-1213");
/// ```
pub fn find_maskable(text: &str) -> Vec<Finding> {
    let strict = find_personal_data(text);
    let shaped = ident::identity_numbers(text, Check::Shape);
    merge(strict, shaped)
}

/// Whether the text holds a valid personnummer or samordningsnummer, in any of the forms above.
///
/// # Example
/// ```
/// assert!(imy_breach::pii::is_personal_identity_number("19121212-1212"));
/// assert!(imy_breach::pii::is_personal_identity_number("121212–1212"));
/// assert!(!imy_breach::pii::is_personal_identity_number("212000-0142"));
/// ```
pub fn is_personal_identity_number(text: &str) -> bool {
    ident::identity_numbers(text, Check::Valid).first().is_some_and(|f| f.range == (0..text.len()))
}
