//! Personal data in free text: every free-text answer (the long texts of the form table, found by
//! the walk), a cheap prefilter, and the search.

use super::super::subject::subject;
use super::ctx::Ctx;
use crate::form::{walk_kinds, Kind, Value};
use crate::lang::Lang;
use crate::privacy::pii::{find_personal_data, PersonalDataKind};
use crate::values::identifiers::PhoneNumber;

/// Whether a text could hold what [`find_personal_data`] finds: an e-mail address has an `@` (or,
/// obfuscated, a bracketed `at` or `snabel-a`), a phone number at least 7 digits, a personnummer
/// 10, a card number 13, an IBAN 7 (by the detector's rule), an IPv4 address 4 digits and 3 dots, an
/// IPv6 address 2 colons. Most free text has none of these, and this test is much cheaper than the
/// search.
pub(super) fn may_hold_personal_data(text: &str) -> bool {
    let b = text.as_bytes();
    let (mut digits, mut dots, mut colons, mut brackets, mut hyphens) =
        (0usize, 0usize, 0usize, false, false);
    for chunk in b.chunks(64) {
        // Branch-free byte sums over a chunk (at most 64, so a `u8` holds them): vectorised.
        let count = |f: fn(u8) -> bool| chunk.iter().map(|&c| u8::from(f(c))).fold(0u8, u8::wrapping_add);
        digits += usize::from(count(|c| c.wrapping_sub(b'0') < 10));
        dots += usize::from(count(|c| c == b'.'));
        colons += usize::from(count(|c| c == b':'));
        let marks = chunk.iter().fold(0u8, |acc, &c| {
            acc | u8::from(c == b'@')
                | (u8::from(matches!(c, b'[' | b'(' | b'{')) << 1)
                | (u8::from(c == b'-') << 2)
        });
        brackets |= marks & 2 != 0;
        hyphens |= marks & 4 != 0;
        if marks & 1 != 0 || digits >= 7 || colons >= 2 {
            return true;
        }
    }
    (digits >= 4 && dots >= 3) || (brackets && bracketed_at(b)) || (hyphens && snabel_a(b))
}

/// Whether the text has `at` in brackets (`[at]`, `(at)`, `{at}`, any case).
fn bracketed_at(b: &[u8]) -> bool {
    b.windows(4).any(|w| matches!(w[0], b'[' | b'(' | b'{') && w[1..3].eq_ignore_ascii_case(b"at"))
}

/// Whether the text has `snabel-a` (any case).
fn snabel_a(b: &[u8]) -> bool {
    // Only where an `l` precedes the hyphen is the rest compared.
    memchr_all(b, b'-')
        .any(|i| i >= 6 && b[i - 1] | 0x20 == b'l' && b[i - 6..i].eq_ignore_ascii_case(b"snabel"))
}

/// The positions of `byte` in `b`.
fn memchr_all(b: &[u8], byte: u8) -> impl Iterator<Item = usize> + '_ {
    b.iter().enumerate().filter(move |(_, c)| **c == byte).map(|(i, _)| i)
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
            // The characters before each finding, counted on from the previous one (the findings
            // are in order): counting from the start for each would be quadratic.
            let (mut counted_bytes, mut counted_chars) = (0, 0);
            for f in find_personal_data(text) {
                let start = f.range.start.max(counted_bytes);
                counted_chars += text.get(counted_bytes..start).map_or(0, |s| s.chars().count());
                counted_bytes = start;
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
                    PersonalDataKind::Iban | PersonalDataKind::PaymentCard | PersonalDataKind::IpAddress => {
                        ("account-or-address-in-text", false)
                    }
                    _ => ("personal-identity-number-in-text", false),
                };
                let p = a.pointer().to_string();
                let offset = counted_chars + 1;
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
        fn the_prefilter_misses_nothing(text in "([a-fA-Få@.+ :(\\[\\])-]|[0-9]|at|snabel|SE45 ){0,60}") {
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
        for t in ["namn [at] exempel [dot] se", "namn Snabel-a exempel.se", "2001:db8::1", "ip 10.0.0.1"] {
            assert!(may_hold_personal_data(t), "{t}");
            assert!(!find_personal_data(t).is_empty(), "{t}");
        }
    }
}
