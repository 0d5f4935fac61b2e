//! The redacted public copy: what a member of the public could receive when they ask IMY for a
//! filed notification, a public document (*allmän handling*).
//!
//! [`redact`] masks, by default:
//!
//! - every field marked confidential ([`ConfidentialityMarking`](crate::ConfidentialityMarking)),
//!   and every maskable field under a marked group or section, and the marking's reason (it may
//!   describe what is secret); the marking itself stays, so the copy says what was masked and on
//!   which ground;
//! - the contact persons' names, e-mail addresses and phone numbers (questions 5, 7, 8): IMY
//!   normally keeps the reporter's identity secret;
//! - personnummer, samordningsnummer, e-mail addresses and phone numbers inside every free-text
//!   answer, found by [`crate::privacy::pii::find_maskable`].
//!
//! # Markers
//!
//! A masked value is replaced by an explicit marker, never deleted, and every marker is a valid
//! value of its field, so the redacted copy is a [`Notification`] like any other: it serialises,
//! parses and fits the schema, and renders.
//!
//! | Field | Marker (Swedish / English) |
//! |---|---|
//! | free text, whole field | `[MASKERAT: säkerhetsåtgärd]` / `[REDACTED: security measure]` (the ground's [short label](crate::SecrecyGround::short_label)); `[MASKERAT: kontaktperson]` / `[REDACTED: contact person]` for contact persons |
//! | personal data inside free text | `[MASKERAT: personnummer]`, `[MASKERAT: samordningsnummer]`, `[MASKERAT: e-postadress]`, `[MASKERAT: telefonnummer]` / `[REDACTED: personal identity number]`, … |
//! | e-mail address | `maskerad@maskerad.invalid` / `redacted@redacted.invalid` (`.invalid` is reserved by RFC 2606 and never delivers) |
//! | phone number | [`MASKED_PHONE`], `000 000 00 00` (no Swedish number is all zeros) |
//! | organisation number | [`MASKED_ORGANISATION_NUMBER`], `000000-0000` |
//! | postcode | [`MASKED_POSTCODE`], `99999` (no Swedish postcode starts with 99) |
//!
//! Dates, times, options, Ja/Nej answers and counts cannot hold a marker and are never masked: a
//! marking that names only such answers is reported by [`markings_problems`](crate::markings_problems).
//! A free text that the markers would make longer than its limit is shortened, ending in "…".
//!
//! # Example
//! ```
//! use imy_breach::redact::{redact, RedactOptions};
//! use imy_breach::Notification;
//!
//! let n = Notification::from_json(r#"{"schemaVersion":"1.0",
//!   "contactDetails":{"contactPersons":[{"name":"Kim Exempel","email":"kim@example.org","phone":"070-174 06 05"}]},
//!   "incident":{"description":"Brevet till 121212-1212 skickades fel."}}"#)?;
//! let public = redact(&n, &RedactOptions::default());
//! let p = &public.contact_details.contact_persons[0];
//! assert_eq!(p.name.as_ref().unwrap().as_str(), "[MASKERAT: kontaktperson]");
//! assert_eq!(p.email.as_ref().unwrap().as_str(), "maskerad@maskerad.invalid");
//! assert_eq!(p.phone.as_ref().unwrap().as_str(), "000 000 00 00");
//! assert_eq!(
//!     public.incident.description.as_ref().unwrap().as_str(),
//!     "Brevet till [MASKERAT: personnummer] skickades fel.",
//! );
//! // Still a notification: it parses back.
//! assert_eq!(Notification::from_json(&public.to_json())?, public);
//! # Ok::<(), imy_breach::ParseError>(())
//! ```

use serde_json::Value;

use crate::form::path::{for_each_leaf, resolve};
use crate::form::{self, walk_kinds, Field, Kind};
use crate::lang::Lang;
use crate::model::notification::Notification;
use crate::model::supplement::SecrecyGround;
use crate::privacy::pii::{find_maskable, PersonalDataKind};
use crate::wire::pointer::{Pointer, Segment};

/// The marker of a masked phone number.
pub const MASKED_PHONE: &str = "000 000 00 00";
/// The marker of a masked organisation number.
pub const MASKED_ORGANISATION_NUMBER: &str = "000000-0000";
/// The marker of a masked postcode, as stored (`999 99` when displayed).
pub const MASKED_POSTCODE: &str = "99999";

/// The marker of a masked e-mail address: `maskerad@maskerad.invalid` or
/// `redacted@redacted.invalid`.
pub fn masked_email(lang: Lang) -> &'static str {
    match lang {
        Lang::Sv => "maskerad@maskerad.invalid",
        _ => "redacted@redacted.invalid",
    }
}

/// The marker of masked text: `[MASKERAT: what]` or `[REDACTED: what]`.
///
/// # Example
/// ```
/// use imy_breach::{redact::text_marker, Lang};
/// assert_eq!(text_marker(Lang::Sv, "tredje part"), "[MASKERAT: tredje part]");
/// ```
pub fn text_marker(lang: Lang, what: &str) -> String {
    match lang {
        Lang::Sv => format!("[MASKERAT: {what}]"),
        _ => format!("[REDACTED: {what}]"),
    }
}

/// Whether a value is, or a text contains, a marker put there by [`redact`] (in either language).
///
/// # Example
/// ```
/// use imy_breach::redact::is_masked;
/// assert!(is_masked("Ring [MASKERAT: telefonnummer]."));
/// assert!(is_masked("000 000 00 00"));
/// assert!(!is_masked("070-174 06 05"));
/// ```
pub fn is_masked(value: &str) -> bool {
    value.contains("[MASKERAT: ")
        || value.contains("[REDACTED: ")
        || [
            MASKED_PHONE,
            MASKED_ORGANISATION_NUMBER,
            MASKED_POSTCODE,
            masked_email(Lang::Sv),
            masked_email(Lang::En),
        ]
        .contains(&value)
}

/// What to mask, and the language of the markers.
///
/// # Example
/// ```
/// use imy_breach::redact::RedactOptions;
/// use imy_breach::Lang;
/// let o = RedactOptions::new(Lang::En);
/// assert!(o.mask_contact_persons && o.mask_personal_data_in_text);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct RedactOptions {
    /// The language of the markers. Swedish by default.
    pub lang: Lang,
    /// Mask the contact persons' names, e-mail addresses and phone numbers (questions 5, 7 and 8).
    /// On by default.
    pub mask_contact_persons: bool,
    /// Mask personnummer, samordningsnummer, e-mail addresses and phone numbers inside free text.
    /// On by default.
    pub mask_personal_data_in_text: bool,
}

impl Default for RedactOptions {
    fn default() -> Self {
        RedactOptions::new(Lang::Sv)
    }
}

impl RedactOptions {
    /// Everything masked, markers in the given language.
    pub fn new(lang: Lang) -> Self {
        RedactOptions { lang, mask_contact_persons: true, mask_personal_data_in_text: true }
    }
}

/// The contact person's fields masked by default.
const CONTACT_FIELDS: [Field; 3] =
    [Field::ContactPersonName, Field::ContactPersonEmail, Field::ContactPersonPhone];

/// The redacted public copy of a notification: see the [module documentation](self).
///
/// Marked fields are always masked; a marking whose pointer names no field is skipped (see
/// [`markings_problems`](crate::markings_problems)). Redacting a redacted copy changes nothing.
pub fn redact(notification: &Notification, options: &RedactOptions) -> Notification {
    let lang = options.lang;
    let mut doc = serde_json::to_value(notification).unwrap_or(Value::Null);

    // Personal data in free text first, found by the walk over the form's texts: the masks below
    // replace whole answers, so what they replace is replaced whatever was masked here.
    if options.mask_personal_data_in_text {
        for (pointer, text) in personal_data_masks(notification, lang) {
            if let Some(v) = doc.pointer_mut(&pointer.to_string()) {
                *v = Value::String(text);
            }
        }
    }

    // Contact persons first: a marking's marker, which names its ground, wins.
    if options.mask_contact_persons {
        let tag = text_marker(lang, if lang == Lang::Sv { "kontaktperson" } else { "contact person" });
        let persons = doc.pointer_mut("/contactDetails/contactPersons").and_then(Value::as_array_mut);
        for person in persons.into_iter().flatten() {
            for field in CONTACT_FIELDS {
                if let Some(v) = person.get_mut(field.member()) {
                    mask(v, field.spec().kind, &tag, lang);
                }
            }
        }
    }

    for m in &notification.supplement_and_confidentiality.confidentiality_markings {
        let pointer = m.pointer.as_str();
        let Ok(target) = resolve(pointer) else { continue };
        if pointer.starts_with("/supplementAndConfidentiality/confidentialityMarkings") {
            continue;
        }
        if let Some(v) = doc.pointer_mut(pointer) {
            for_each_leaf(v, target.node, &mut |leaf, kind| {
                mask(leaf, kind, &ground_marker(lang, m.ground), lang)
            });
        }
    }
    // The reasons may describe what is secret.
    let markings = doc
        .pointer_mut("/supplementAndConfidentiality/confidentialityMarkings")
        .and_then(Value::as_array_mut);
    for (m, v) in notification
        .supplement_and_confidentiality
        .confidentiality_markings
        .iter()
        .zip(markings.into_iter().flatten())
    {
        if let Some(reason) = v.get_mut("reason") {
            mask(reason, Kind::LongText, &ground_marker(lang, m.ground), lang);
        }
    }

    into_notification(doc)
}

/// The free texts (short and long) of `n` that hold personal data, each with its masked text.
fn personal_data_masks(n: &Notification, lang: Lang) -> Vec<(Pointer, String)> {
    let mut masks = Vec::new();
    walk_kinds(
        n,
        |k| matches!(k, Kind::ShortText | Kind::LongText),
        |a| {
            let (form::Value::Text(text), kind) = (a.value, a.field.spec().kind) else { return };
            let max = if kind == Kind::ShortText {
                crate::values::text::ShortText::MAX_CHARS
            } else {
                crate::values::text::LongText::MAX_CHARS
            };
            if let Some(masked) = mask_personal_data(text, lang) {
                masks.push((a.pointer(), fit(masked, max)));
            }
        },
    );
    masks
}

fn ground_marker(lang: Lang, ground: SecrecyGround) -> String {
    text_marker(lang, ground.short_label(lang))
}

/// Replaces an answered leaf by its marker.
fn mask(leaf: &mut Value, kind: Kind, text: &str, lang: Lang) {
    if !leaf.is_string() {
        return;
    }
    let marker = match kind {
        Kind::ShortText | Kind::LongText => text.to_string(),
        Kind::Email => masked_email(lang).to_string(),
        Kind::Phone => MASKED_PHONE.to_string(),
        Kind::OrganisationNumber => MASKED_ORGANISATION_NUMBER.to_string(),
        Kind::Postcode => MASKED_POSTCODE.to_string(),
        _ => return,
    };
    *leaf = Value::String(marker);
}

/// The marker for personal data found in free text.
fn finding_marker(kind: PersonalDataKind, lang: Lang) -> String {
    let what = match (kind, lang) {
        (PersonalDataKind::PersonalIdentityNumber, Lang::Sv) => "personnummer",
        (PersonalDataKind::CoordinationNumber, Lang::Sv) => "samordningsnummer",
        (PersonalDataKind::Email, Lang::Sv) => "e-postadress",
        (PersonalDataKind::Phone, Lang::Sv) => "telefonnummer",
        (PersonalDataKind::Iban, Lang::Sv) => "kontonummer",
        (PersonalDataKind::PaymentCard, Lang::Sv) => "kortnummer",
        (PersonalDataKind::IpAddress, Lang::Sv) => "IP-adress",
        (PersonalDataKind::PersonalIdentityNumber, _) => "personal identity number",
        (PersonalDataKind::CoordinationNumber, _) => "coordination number",
        (PersonalDataKind::Email, _) => "e-mail address",
        (PersonalDataKind::Phone, _) => "phone number",
        (PersonalDataKind::Iban, _) => "bank account number",
        (PersonalDataKind::PaymentCard, _) => "payment card number",
        (PersonalDataKind::IpAddress, _) => "IP address",
    };
    text_marker(lang, what)
}

/// The text with its personal data replaced by markers, or `None` when it has none. Masking can
/// uncover more (a number the detector took for part of a longer one stands alone once its
/// neighbour is a marker), so it repeats until nothing is found.
fn mask_personal_data(text: &str, lang: Lang) -> Option<String> {
    let mut current = mask_once(text, lang)?;
    for _ in 0..16 {
        match mask_once(&current, lang) {
            Some(next) => current = next,
            None => break,
        }
    }
    Some(current)
}

/// One pass of [`mask_personal_data`].
fn mask_once(text: &str, lang: Lang) -> Option<String> {
    let findings = find_maskable(text);
    if findings.is_empty() {
        return None;
    }
    let mut out = String::with_capacity(text.len() + 16 * findings.len());
    let mut at = 0;
    for f in findings {
        let (Some(before), true) = (text.get(at..f.range.start), f.range.start >= at) else { continue };
        out.push_str(before);
        out.push_str(&finding_marker(f.kind, lang));
        at = f.range.end;
    }
    out.push_str(text.get(at..).unwrap_or_default());
    Some(out)
}

/// Shortens a text to at most `max` characters, ending in "…" when shortened.
fn fit(text: String, max: usize) -> String {
    if text.chars().count() <= max {
        return text;
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// Reads the masked document back. Every marker is a valid value of its field, so this succeeds;
/// should a value ever not be read, it is removed rather than kept, so nothing unmasked gets through.
fn into_notification(mut doc: Value) -> Notification {
    for _ in 0..100 {
        let bytes = serde_json::to_vec(&doc).unwrap_or_default();
        match Notification::from_slice(&bytes) {
            Ok(n) => return n,
            Err(e) => {
                let pointer = e.pointer();
                let (Some(parent), Some(last)) = (pointer.parent(), pointer.last()) else { break };
                let removed = match (doc.pointer_mut(&parent.to_string()), last) {
                    (Some(Value::Object(map)), Segment::Member(key)) => map.remove(key.as_ref()).is_some(),
                    (Some(Value::Object(map)), Segment::Index(i)) => map.remove(&i.to_string()).is_some(),
                    (Some(Value::Array(items)), Segment::Index(i)) if *i < items.len() => {
                        items.remove(*i);
                        true
                    }
                    _ => false,
                };
                if !removed {
                    break;
                }
            }
        }
    }
    Notification::new()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_valid_values() {
        assert!(crate::Email::is_valid(masked_email(Lang::Sv)));
        assert!(crate::Email::is_valid(masked_email(Lang::En)));
        assert!(crate::PhoneNumber::is_valid(MASKED_PHONE));
        assert!(MASKED_ORGANISATION_NUMBER.parse::<crate::OrganisationNumber>().is_ok());
        assert!(MASKED_POSTCODE.parse::<crate::Postcode>().is_ok());
        assert!(find_maskable(MASKED_PHONE).is_empty() || is_masked(MASKED_PHONE));
    }

    #[test]
    fn personal_data_in_text() {
        let t = "Ring 070-174 06 05 eller skriv till kim@example.org om 19121212-1212.";
        assert_eq!(
            mask_personal_data(t, Lang::En).unwrap(),
            "Ring [REDACTED: phone number] eller skriv till [REDACTED: e-mail address] om [REDACTED: personal identity number]."
        );
        assert_eq!(mask_personal_data("Inget här, ärende INC48213.", Lang::Sv), None);
    }

    #[test]
    fn overlong_text_is_shortened() {
        assert_eq!(fit("abcdef".into(), 4), "abc…");
        assert_eq!(fit("abc".into(), 4), "abc");
        let n = Notification::from_json(
            &serde_json::json!({
                "schemaVersion": "1.0",
                "incident": {"description": format!("{} a@b.se", "x".repeat(9_993))}
            })
            .to_string(),
        )
        .unwrap();
        let r = redact(&n, &RedactOptions::default());
        let d = r.incident.description.unwrap();
        assert_eq!(d.as_str().chars().count(), 10_000);
        assert!(d.as_str().ends_with('…'));
    }
}
