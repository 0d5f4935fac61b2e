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
//!   answer (short and long), found by [`crate::privacy::pii::find_maskable`] (and whatever else it
//!   learns to find), with any digits joined to them (a number the detector takes for part of a
//!   finding would stand alone next to a marker);
//! - always: an organisation number that is a personnummer, a sole trader's (questions 2 and 22,
//!   [`OrganisationNumber::is_personal_identity_number`]).
//!
//! What is **not** masked: names, street addresses and other personal data inside free text that
//! the detector does not find (it finds no names), and the answers of the fields named above when
//! their option is off. Only the fields masked by their kind — the contact persons, marked fields —
//! hide names and addresses; mark a field ([`ConfidentialityMarking`](crate::ConfidentialityMarking))
//! whose text names someone.
//!
//! # Fixed point
//!
//! With the default options, no free text of the copy holds anything [`find_maskable`] or
//! [`find_personal_data`](crate::pii::find_personal_data) finds, so validating the copy gives no
//! `personal-identity-number-in-text`, `email-in-text` or `phone-in-text` warning, and redacting
//! the copy again changes nothing. Each text is masked in one pass and the result searched once
//! more; should the detector still find something there (no known text does), the whole text is
//! replaced by `[MASKERAT: personuppgifter]` / `[REDACTED: personal data]`.
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
//! | personal data inside free text | `[MASKERAT: personnummer]`, `[MASKERAT: samordningsnummer]`, `[MASKERAT: e-postadress]`, `[MASKERAT: telefonnummer]`, `[MASKERAT: personuppgift]` (a kind without a marker of its own) / `[REDACTED: personal identity number]`, … |
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

use crate::form::path::{resolve, Step};
use crate::form::slots::{walk_mut, Slot};
use crate::form::Field;
use crate::lang::Lang;
use crate::model::notification::Notification;
use crate::model::supplement::SecrecyGround;
use crate::privacy::pii::{find_maskable, Finding, PersonalDataKind};
use crate::values::identifiers::{Email, OrganisationNumber, PhoneNumber, Postcode};
use crate::values::text::Text;

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
    /// Mask personnummer, samordningsnummer, e-mail addresses and phone numbers inside free text
    /// (what [`find_maskable`] finds). On by default.
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

/// The separators that join digits into one number for the detector (a date, a longer number, a
/// list of numbers): a number next to a masked one, joined by one of these, is masked with it.
const JOINERS: &[u8] = b"-+./:, ";

/// The redacted public copy of a notification: see the [module documentation](self).
///
/// Marked fields are always masked; a marking whose pointer names no field is skipped (see
/// [`markings_problems`](crate::markings_problems)). The copy is a fixed point: redacting it again
/// with the same options changes nothing, and with the default options no free text of it holds
/// anything [`find_maskable`] or [`find_personal_data`](crate::pii::find_personal_data) finds.
///
/// The masking works on the typed notification, answer by answer (the form table's text answers);
/// each free text is searched once, and once more when something was masked, to check the result.
pub fn redact(notification: &Notification, options: &RedactOptions) -> Notification {
    let lang = options.lang;
    let mut out = notification.clone();

    // Personal data in free text, and a personnummer given as an organisation number, first: the
    // masks below replace whole answers, so what they replace is replaced whatever was masked here.
    let in_text = options.mask_personal_data_in_text;
    walk_mut(&mut out, |_, _, slot| match slot {
        Slot::Short(t) if in_text => mask_in_text(t, lang),
        Slot::Long(t) if in_text => mask_in_text(t, lang),
        Slot::OrganisationNumber(number)
            if number.as_ref().is_some_and(OrganisationNumber::is_personal_identity_number) =>
        {
            *number = OrganisationNumber::new(MASKED_ORGANISATION_NUMBER).ok();
        }
        _ => {}
    });

    // Contact persons next: a marking's marker, which names its ground, wins.
    if options.mask_contact_persons {
        let tag = text_marker(lang, if lang == Lang::Sv { "kontaktperson" } else { "contact person" });
        walk_mut(&mut out, |field, _, slot| {
            if CONTACT_FIELDS.contains(&field) {
                put_marker(slot, &tag, lang);
            }
        });
    }

    for m in &notification.supplement_and_confidentiality.confidentiality_markings {
        let Some((target, indices)) = marked(m.pointer.as_str()) else { continue };
        let marker = ground_marker(lang, m.ground);
        walk_mut(&mut out, |field, at, slot| {
            if at.starts_with(&indices) && is_under(field, target) {
                put_marker(slot, &marker, lang);
            }
        });
    }
    // The reasons may describe what is secret.
    for m in &mut out.supplement_and_confidentiality.confidentiality_markings {
        if m.reason.is_some() {
            m.reason = Text::new(ground_marker(lang, m.ground)).ok();
        }
    }
    out
}

/// The field a marking's pointer names and the list positions on the way, or `None` when it names
/// no field, or names a marking (the markings stay).
fn marked(pointer: &str) -> Option<(Field, Vec<usize>)> {
    let resolved = resolve(pointer).ok()?;
    let mut target = None;
    let mut indices = Vec::new();
    for step in &resolved.steps {
        match step {
            Step::Property(f) => target = Some(*f),
            Step::Index(i) => indices.push(*i),
        }
    }
    let target = target?;
    (!is_under(target, Field::ConfidentialityMarkings)).then_some((target, indices))
}

/// Whether `field` is `ancestor` or lies under it.
fn is_under(field: Field, ancestor: Field) -> bool {
    std::iter::successors(Some(field), |f| f.parent()).any(|f| f == ancestor)
}

fn ground_marker(lang: Lang, ground: SecrecyGround) -> String {
    text_marker(lang, ground.short_label(lang))
}

/// Replaces an answered value by `value` (`None` when it is no valid value: removed, rather than
/// kept unmasked).
fn replace<T>(answer: &mut Option<T>, value: impl FnOnce() -> Option<T>) {
    if answer.is_some() {
        *answer = value();
    }
}

/// Replaces an answered text by `text`, and any other answered value by its kind's marker.
fn put_marker(slot: Slot<'_>, text: &str, lang: Lang) {
    match slot {
        Slot::Short(t) => replace(t, || Text::new(text).ok()),
        Slot::Long(t) => replace(t, || Text::new(text).ok()),
        Slot::Email(e) => replace(e, || Email::new(masked_email(lang)).ok()),
        Slot::Phone(p) => replace(p, || PhoneNumber::new(MASKED_PHONE).ok()),
        Slot::OrganisationNumber(o) => {
            replace(o, || OrganisationNumber::new(MASKED_ORGANISATION_NUMBER).ok())
        }
        Slot::Postcode(p) => replace(p, || Postcode::new(MASKED_POSTCODE).ok()),
    }
}

/// Masks the personal data in a free-text answer.
fn mask_in_text<const MAX: usize>(answer: &mut Option<Text<MAX>>, lang: Lang) {
    let Some(masked) = answer.as_ref().and_then(|t| mask_personal_data(t.as_str(), MAX, lang)) else {
        return;
    };
    *answer = Text::new(masked).ok();
}

/// The marker for personal data found in free text.
fn finding_marker(kind: PersonalDataKind, lang: Lang) -> String {
    let (sv, en) = match kind {
        PersonalDataKind::PersonalIdentityNumber => ("personnummer", "personal identity number"),
        PersonalDataKind::CoordinationNumber => ("samordningsnummer", "coordination number"),
        PersonalDataKind::Email => ("e-postadress", "e-mail address"),
        PersonalDataKind::Phone => ("telefonnummer", "phone number"),
        PersonalDataKind::Iban => ("kontonummer", "bank account number"),
        PersonalDataKind::PaymentCard => ("kortnummer", "payment card number"),
        PersonalDataKind::IpAddress => ("IP-adress", "IP address"),
        // A kind the detector may learn later.
        #[allow(unreachable_patterns)]
        _ => ("personuppgift", "personal data"),
    };
    text_marker(lang, if lang == Lang::Sv { sv } else { en })
}

/// The marker of a free text that is masked whole because masking its parts left something the
/// detector finds (see [`mask_personal_data`]).
fn whole_text_marker(lang: Lang) -> String {
    text_marker(lang, if lang == Lang::Sv { "personuppgifter" } else { "personal data" })
}

/// The text with its personal data replaced by markers and shortened to `max` characters, or
/// `None` when it has none.
///
/// One pass over the findings of [`find_maskable`]. A marker must not change what the detector
/// makes of the text around it: a number that the detector took for part of a longer one (joined
/// to the finding by one of [`JOINERS`]) would stand alone next to a marker and be found, so the
/// digits joined to a finding are masked with it. The result is searched once more; should the
/// detector still find something (which no known text does), the whole text is masked.
fn mask_personal_data(text: &str, max: usize, lang: Lang) -> Option<String> {
    let findings = find_maskable(text);
    if findings.is_empty() {
        return None;
    }
    let masked = fit(mask_findings(text, &findings, lang), max);
    if find_maskable(&masked).is_empty() {
        Some(masked)
    } else {
        Some(whole_text_marker(lang))
    }
}

/// Replaces each finding, with the digits joined to it, by its marker.
fn mask_findings(text: &str, findings: &[Finding], lang: Lang) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len() + 16 * findings.len());
    let mut at = 0;
    for (k, f) in findings.iter().enumerate() {
        let (start, end) = (f.range.start, f.range.end);
        if start < at || end > b.len() || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            continue;
        }
        let next = findings.get(k + 1).map_or(b.len(), |g| g.range.start.clamp(end, b.len()));
        let start = widen_back(b, start, at);
        let end = widen_forward(b, end, next);
        out.push_str(text.get(at..start).unwrap_or_default());
        out.push_str(&finding_marker(f.kind, lang));
        at = end;
    }
    out.push_str(text.get(at..).unwrap_or_default());
    out
}

/// Whether a finding's first or last byte is one a joined number continues (a digit, or the `+`
/// of a phone number).
fn numeric_edge(byte: u8) -> bool {
    byte.is_ascii_digit() || byte == b'+'
}

/// The start of the masked range of a finding at `start`: before it, digits and single
/// [`JOINERS`] between digits, not before `limit`.
fn widen_back(b: &[u8], mut start: usize, limit: usize) -> usize {
    if !b.get(start).copied().is_some_and(numeric_edge) {
        return start;
    }
    loop {
        if start > limit && b[start - 1].is_ascii_digit() {
            start -= 1;
        } else if start >= limit + 2 && JOINERS.contains(&b[start - 1]) && b[start - 2].is_ascii_digit() {
            start -= 2;
        } else {
            return start;
        }
    }
}

/// The end of the masked range of a finding ending at `end`: after it, digits and single
/// [`JOINERS`] between digits, not after `limit`.
fn widen_forward(b: &[u8], mut end: usize, limit: usize) -> usize {
    if end == 0 || !b.get(end - 1).copied().is_some_and(numeric_edge) {
        return end;
    }
    loop {
        if end < limit && b[end].is_ascii_digit() {
            end += 1;
        } else if end + 1 < limit && JOINERS.contains(&b[end]) && b[end + 1].is_ascii_digit() {
            end += 2;
        } else {
            return end;
        }
    }
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
            mask_personal_data(t, 10_000, Lang::En).unwrap(),
            "Ring [REDACTED: phone number] eller skriv till [REDACTED: e-mail address] om [REDACTED: personal identity number]."
        );
        assert_eq!(mask_personal_data("Inget här, ärende INC48213.", 200, Lang::Sv), None);
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
