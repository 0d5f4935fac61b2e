//! Personal data in free text: every free-text answer (the long texts of the form table, found by
//! the walk), a cheap prefilter, and the search.

use super::super::subject::subject;
use super::ctx::Ctx;
use crate::form::{walk_kinds, Kind, Value};
use crate::lang::Lang;
use crate::privacy::pii::{find_personal_data, PersonalDataKind};
use crate::values::identifiers::PhoneNumber;

/// Whether a text could hold what [`find_personal_data`] finds: an e-mail address has an `@`, a
/// phone number at least 7 digits, a personnummer 10. Most free text has neither, and this test is
/// much cheaper than the search.
pub(super) fn may_hold_personal_data(text: &str) -> bool {
    let mut digits = 0usize;
    for chunk in text.as_bytes().chunks(64) {
        // Branch-free byte sums over a chunk (at most 64, so a `u8` holds them): vectorised.
        let d = chunk.iter().map(|&b| u8::from(b.wrapping_sub(b'0') < 10)).fold(0u8, u8::wrapping_add);
        let at = chunk.iter().fold(0u8, |acc, &b| acc | u8::from(b == b'@'));
        digits += usize::from(d);
        if at != 0 || digits >= 7 {
            return true;
        }
    }
    false
}

pub(super) fn personal_data(ctx: &mut Ctx<'_>) {
    // The answer set saw every long text: most hold nothing that could be personal data.
    if !ctx.answers.marked_text() {
        return;
    }
    let n = ctx.n;
    let contacts = &n.contact_details.contact_persons;
    let mut emails: Option<Vec<String>> = None;
    let mut phones: Option<Vec<String>> = None;
    walk_kinds(
        n,
        |k| k == Kind::LongText,
        |a| {
            let (Kind::LongText, Value::Text(text)) = (a.field.spec().kind, a.value) else { return };
            if !may_hold_personal_data(text) {
                return;
            }
            for f in find_personal_data(text) {
                let found = f.matched(text);
                let (code, contact_note) = match f.kind {
                    PersonalDataKind::Email => {
                        let emails = emails.get_or_insert_with(|| {
                            contacts
                                .iter()
                                .filter_map(|c| c.email.as_ref())
                                .map(|e| e.as_str().to_ascii_lowercase())
                                .collect()
                        });
                        if emails.contains(&found.to_ascii_lowercase()) {
                            continue;
                        }
                        ("email-in-text", true)
                    }
                    PersonalDataKind::Phone => {
                        let phones = phones.get_or_insert_with(|| {
                            contacts
                                .iter()
                                .filter_map(|c| c.phone.as_ref())
                                .map(PhoneNumber::to_e164)
                                .collect()
                        });
                        if PhoneNumber::new(found).is_ok_and(|ph| phones.contains(&ph.to_e164())) {
                            continue;
                        }
                        ("phone-in-text", true)
                    }
                    _ => ("personal-identity-number-in-text", false),
                };
                let p = a.pointer().to_string();
                let offset = f.char_offset(text) + 1;
                let (kind, at) = (f.kind, p.clone());
                ctx.push_later(code, p, move || message(kind, &at, offset, contact_note));
            }
        },
    );
}

/// The message of a finding of `kind` at character `offset` of the text at `pointer`.
fn message(kind: PersonalDataKind, pointer: &str, offset: usize, contact_note: bool) -> (String, String) {
    let s = subject(pointer);
    let (note_sv, note_en) = if contact_note {
        (" som inte är en kontaktpersons", " that is not a contact person's")
    } else {
        ("", "")
    };
    let sv = format!(
        "{} innehåller {} vid tecken {offset}{note_sv}. IMY ber att anmälan inte innehåller fler \
         personuppgifter än nödvändigt: ta bort uppgiften eller ersätt den med en beskrivning.",
        s.lead(Lang::Sv),
        kind.describe(Lang::Sv)
    );
    let en = format!(
        "{} contains {} at character {offset}{note_en}. IMY asks that a notification hold no more \
         personal data than needed: remove it or replace it with a description.",
        s.lead(Lang::En),
        kind.describe(Lang::En)
    );
    (sv, en)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::may_hold_personal_data;
    use crate::privacy::pii::find_personal_data;

    proptest! {
        /// The cheap test never hides a finding.
        #[test]
        fn the_prefilter_misses_nothing(text in "([a-zåäö@.+ -]|[0-9]){0,60}") {
            if !may_hold_personal_data(&text) {
                prop_assert!(find_personal_data(&text).is_empty(), "{}", text);
            }
        }
    }

    #[test]
    fn the_prefilter_on_examples() {
        assert!(!may_hold_personal_data("artikel 34.3 a, kl. 12"));
        assert!(may_hold_personal_data("ring 08-123 45"));
        assert!(may_hold_personal_data("a@b"));
        assert!(may_hold_personal_data(&format!("{}121212-1212", "x".repeat(200))));
    }
}
