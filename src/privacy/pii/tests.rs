//! Unit tests of the detectors, and property tests against slow reference implementations.

use super::*;

fn kinds(text: &str) -> Vec<(PersonalDataKind, &str)> {
    find_personal_data(text).into_iter().map(|f| (f.kind, f.matched(text))).collect()
}

fn maskable(text: &str) -> Vec<(PersonalDataKind, &str)> {
    find_maskable(text).into_iter().map(|f| (f.kind, f.matched(text))).collect()
}

use PersonalDataKind::*;

#[test]
fn identity_number_forms() {
    for t in ["121212-1212", "121212+1212", "1212121212", "19121212-1212", "191212121212"] {
        assert_eq!(kinds(t), [(PersonalIdentityNumber, t)], "{t}");
    }
    // En dash, space, no-break space.
    for t in ["121212–1212", "121212 1212", "121212\u{a0}1212", "19121212–1212", "19121212 1212"] {
        assert_eq!(kinds(&format!("nr {t}.")), [(PersonalIdentityNumber, t)], "{t}");
        assert!(is_personal_identity_number(t), "{t}");
    }
    // Samordningsnummer: day + 60 (701063-2391 is the Tax Agency's example).
    assert_eq!(kinds("sam 701063-2391."), [(CoordinationNumber, "701063-2391")]);
    // Wrong check digit, organisation number, glued to letters, impossible date.
    for t in ["121212-1213", "212000-0142", "INC1212121212", "556147-5897", "121232-1212", "x1212121212"] {
        assert!(kinds(t).is_empty(), "{t}");
    }
    assert!(kinds("INC7600982").is_empty());
}

#[test]
fn identity_numbers_after_other_numbers() {
    assert_eq!(kinds("Upptäckt 2021-03-25 121212-1212"), [(PersonalIdentityNumber, "121212-1212")]);
    assert_eq!(kinds("kl. 12:27 121212-1212."), [(PersonalIdentityNumber, "121212-1212")]);
    assert_eq!(kinds("nr 5, 1212121212"), [(PersonalIdentityNumber, "1212121212")]);
    assert_eq!(kinds("tel 08 1212121212"), [(PersonalIdentityNumber, "1212121212")]);
    // Still not part of a longer number.
    assert!(kinds("1212121212-5").is_empty());
    assert!(kinds("5.1212121212").is_empty() || kinds("5.1212121212")[0].1 == "1212121212");
}

#[test]
fn numbers_in_a_list_are_each_found() {
    let n = "121212-1212";
    for sep in [" ", ", ", " och ", "\n"] {
        let t = format!("{n}{sep}{n}{sep}1212121212");
        let found = kinds(&t);
        assert_eq!(found.len(), 3, "{t:?}: {found:?}");
        assert!(found.iter().all(|(k, _)| *k == PersonalIdentityNumber), "{t:?}");
    }
}

#[test]
fn mistyped_identity_numbers_are_maskable() {
    assert!(kinds("121212-1213").is_empty());
    assert_eq!(maskable("nr 121212-1213."), [(PersonalIdentityNumber, "121212-1213")]);
    assert_eq!(maskable("nr 701063-2392"), [(CoordinationNumber, "701063-2392")]);
    // Not a date: not even shaped like one.
    assert!(maskable("nr 121312-1213 och 212000-0142").is_empty());
}

#[test]
fn dates_and_ticket_numbers_are_not_personal_data() {
    let seed = "Ärendet loggas hos servicedesken med ärendenummer: INC7600982. \
                Upptäcktes 2021-03-25 kl.12.27, servicedesk 33900, version 1.0.2.";
    assert!(find_personal_data(seed).is_empty(), "{:?}", kinds(seed));
    assert!(find_maskable(seed).is_empty());
    assert!(find_personal_data("period 2021-03-25 - 2021-04-02, 20210325").is_empty());
}

#[test]
fn emails_in_text() {
    let t = "adressen <kim.berg+test@exempel.example.org>. Och a@b är inget.";
    assert_eq!(kinds(t), [(Email, "kim.berg+test@exempel.example.org")]);
    assert_eq!(kinds("mejl till x@y.se."), [(Email, "x@y.se")]);
    assert_eq!(kinds("mejl till åsa.öberg@example.se."), [(Email, "åsa.öberg@example.se")]);
    assert_eq!(kinds("till jörgen@exempel.ålänning.se"), [(Email, "jörgen@exempel.ålänning.se")]);
}

#[test]
fn obfuscated_emails() {
    for t in [
        "namn [at] exempel [dot] se",
        "namn(at)exempel.se",
        "namn snabel-a exempel.se",
        "namn [AT] exempel.se",
        "namn{at}exempel(punkt)se",
    ] {
        assert_eq!(kinds(&format!("skriv till {t}, tack")), [(Email, t)], "{t}");
    }
    // Not an address: no domain with a top-level domain of letters.
    assert!(kinds("se bilaga (at) 5").is_empty());
    assert!(kinds("text [at] 12.34").is_empty());
}

#[test]
fn phones_in_text() {
    assert_eq!(kinds("ring 08-123 456 78 idag"), [(Phone, "08-123 456 78")]);
    assert_eq!(kinds("tel. +46 70 123 45 67, eller"), [(Phone, "+46 70 123 45 67")]);
    assert_eq!(kinds("070-123 45 67 070-765 43 21"), [(Phone, "070-123 45 67"), (Phone, "070-765 43 21")]);
    assert_eq!(
        kinds("121212-1212 070-765 43 21"),
        [(PersonalIdentityNumber, "121212-1212"), (Phone, "070-765 43 21")]
    );
    assert_eq!(kinds("(070-1234567)"), [(Phone, "070-1234567")]);
    assert_eq!(kinds("070-123 45 67 2021"), [(Phone, "070-123 45 67")]);
    assert!(kinds("kl 09 30 den 05-12").is_empty());
    assert!(kinds("0,5 procent av 012").is_empty());
}

#[test]
fn phones_in_swedish_written_forms() {
    for t in [
        "+46 (0)70-123 45 67",
        "+46(0)70 123 45 67",
        "(08) 123 456 78",
        "(08)123 456 78",
        "08/123 456 78",
        "070–123 45 67",
        "070 – 123 45 67",
        "070.123.45.67",
        "070  123  45  67",
        "+46701234567",
        "070\u{a0}123\u{a0}45\u{a0}67",
    ] {
        assert_eq!(kinds(&format!("ring {t}.")), [(Phone, t)], "{t}");
    }
    assert_eq!(kinds("kl. 12:27 070-123 45 67"), [(Phone, "070-123 45 67")]);
    assert_eq!(kinds("den 25/3 070-123 45 67"), [(Phone, "070-123 45 67")]);
}

#[test]
fn accounts_and_addresses() {
    for t in ["SE45 5000 0000 0583 9825 7466", "SE4550000000058398257466", "GB82 WEST 1234 5698 7654 32"] {
        assert_eq!(kinds(&format!("konto {t}.")), [(Iban, t)], "{t}");
    }
    assert!(kinds("konto SE45 5000 0000 0583 9825 7467").iter().all(|(k, _)| *k != Iban));
    for t in ["4111 1111 1111 1111", "4111-1111-1111-1111", "4111111111111111", "3782 822463 10005"] {
        assert_eq!(kinds(&format!("kort {t}, ")), [(PaymentCard, t)], "{t}");
    }
    assert!(kinds("kort 4111 1111 1111 1112").is_empty());
    for t in ["192.0.2.17", "10.0.0.1", "2001:db8::8a2e:370:7334", "fe80::1:2", "::ffff:192.0.2.1"] {
        assert_eq!(kinds(&format!("ip {t}.")), [(IpAddress, t)], "{t}");
    }
    assert_eq!(kinds("ip 10.0.0.1:8080"), [(IpAddress, "10.0.0.1")]);
    for t in ["version 1.0.2", "kl 12:27:00", "::1", "256.1.1.1", "1.2.3.04", "a::b"] {
        assert!(kinds(t).is_empty(), "{t}: {:?}", kinds(t));
    }
}

#[test]
fn the_worst_inputs_are_fast() {
    for unit in ["0 ", "0-", "0", "12", "a@", ".", "[at]", ":", "0 0a ", "1234 "] {
        let text = unit.repeat(20_000 / unit.len());
        let t = std::time::Instant::now();
        let _ = find_maskable(&text);
        assert!(t.elapsed() < std::time::Duration::from_millis(200), "{unit:?}: {:?}", t.elapsed());
    }
}

#[test]
fn ranges_are_char_boundaries() {
    let t = "Åäö 121212-1212 ö";
    let f = &find_personal_data(t)[0];
    assert_eq!(f.matched(t), "121212-1212");
    assert_eq!(f.char_offset(t), 4);
}

/// Slow references: every substring from a start is checked whole, by a parser written apart from
/// the fast detectors.
mod reference {
    use super::super::kind::Finding;
    use super::super::scan::{alnum_before, clean_end};
    use super::super::{accounts, ident, phone};
    use crate::values::identifiers::luhn_valid;

    const SPACES: [char; 2] = [' ', '\u{a0}'];

    /// The char boundaries of `text` in `from..=to`, from the last.
    fn ends(text: &str, from: usize, to: usize) -> impl Iterator<Item = usize> + '_ {
        (from..=to).rev().filter(move |e| text.is_char_boundary(*e))
    }

    fn all_digits(s: &str) -> bool {
        !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit())
    }

    /// The digits of a personnummer written `s`, if `s` is one of its shapes.
    fn identity_shape(s: &str) -> Option<Vec<u8>> {
        if all_digits(s) && (s.len() == 10 || s.len() == 12) {
            return Some(s.as_bytes().to_vec());
        }
        for sep in ["-", "+", "\u{2013}", " ", "\u{a0}"] {
            if let Some((a, b)) = s.split_once(sep) {
                if all_digits(a) && (a.len() == 6 || a.len() == 8) && all_digits(b) && b.len() == 4 {
                    return Some([a, b].concat().into_bytes());
                }
            }
        }
        None
    }

    pub(super) fn identity_numbers(text: &str, check: ident::Check) -> Vec<Finding> {
        let mut out = Vec::new();
        let mut s = 0;
        'start: while s < text.len() {
            if text.as_bytes()[s].is_ascii_digit() && !alnum_before(text, s) {
                for e in ends(text, s + 1, text.len()) {
                    let Some(digits) = identity_shape(&text[s..e]) else { continue };
                    if !clean_end(text, e) {
                        continue;
                    }
                    if let Some(kind) = ident::classify(&digits, check) {
                        out.push(Finding { kind, range: s..e });
                        s = e;
                        continue 'start;
                    }
                }
            }
            s += 1;
        }
        out
    }

    fn is_space(c: char) -> bool {
        SPACES.contains(&c)
    }

    /// Whether `sep` separates two digit groups of a phone number.
    fn phone_separator(sep: &str) -> bool {
        let c: Vec<char> = sep.chars().collect();
        let mark = |c: char| "-\u{2013}./".contains(c);
        match c.as_slice() {
            [a] => is_space(*a) || mark(*a),
            [a, b] => {
                (is_space(*a) && is_space(*b)) || (is_space(*a) && mark(*b)) || (mark(*a) && is_space(*b))
            }
            [a, b, d] => is_space(*a) && mark(*b) && is_space(*d),
            _ => false,
        }
    }

    /// `s` less one leading space, if it has one.
    fn less_space(s: &str) -> &str {
        s.strip_prefix(SPACES).unwrap_or(s)
    }

    /// Whether the whole of `s` is a phone number.
    fn is_phone(s: &str) -> bool {
        let (intl, mut rest) = match s.strip_prefix('+') {
            Some(r) => (true, r),
            None => (false, s),
        };
        let mut digits = 0;
        if !intl {
            if let Some(r) = rest.strip_prefix('(') {
                let Some((inner, after)) = r.split_once(')') else { return false };
                if !all_digits(inner) || !inner.starts_with('0') {
                    return false;
                }
                digits += inner.len();
                rest = less_space(after);
                if !rest.starts_with(|c: char| c.is_ascii_digit()) {
                    return false;
                }
            }
        }
        let first_end = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
        if intl && first_end > 0 {
            let after = less_space(&rest[first_end..]);
            if let Some(r) = after.strip_prefix("(0)") {
                let r = less_space(r);
                if !r.starts_with(|c: char| c.is_ascii_digit()) {
                    return false;
                }
                digits += first_end;
                rest = r;
            }
        }
        // Alternating digit groups and separators.
        let mut k = 0;
        let mut groups = 0;
        let bytes = rest.as_bytes();
        while k < bytes.len() {
            let g = bytes[k..].iter().take_while(|c| c.is_ascii_digit()).count();
            if g == 0 {
                return false;
            }
            digits += g;
            groups += 1;
            k += g;
            if k == bytes.len() {
                break;
            }
            let sep = rest[k..].find(|c: char| c.is_ascii_digit()).unwrap_or(rest.len() - k);
            if !phone_separator(&rest[k..k + sep]) || k + sep == bytes.len() {
                return false;
            }
            k += sep;
        }
        let lead = s.trim_start_matches(['+', '(']).as_bytes().first().copied();
        let ok_lead =
            if intl { lead.is_some_and(|c| (b'1'..=b'9').contains(&c)) } else { lead == Some(b'0') };
        let range = if intl { 7..=15 } else { 7..=13 };
        groups > 0 && ok_lead && range.contains(&digits)
    }

    pub(super) fn phone_at(text: &str, start: usize, limit: usize) -> Option<usize> {
        ends(text, start + 1, limit).find(|&e| clean_end(text, e) && is_phone(&text[start..e]))
    }

    pub(super) fn phones(text: &str, barriers: &[Finding]) -> Vec<Finding> {
        phone::phones_with(text, barriers, phone_at)
    }

    fn is_card(s: &str) -> bool {
        let groups: Vec<&str> = s.split([' ', '-']).collect();
        let shape = groups.iter().all(|g| all_digits(g))
            && (groups.len() == 1 || groups.iter().all(|g| (3..=6).contains(&g.len())));
        let digits: Vec<u8> = s.bytes().filter(u8::is_ascii_digit).collect();
        shape && (13..=19).contains(&digits.len()) && luhn_valid(&digits)
    }

    pub(super) fn card_at(text: &str, start: usize) -> Option<usize> {
        ends(text, start + 1, text.len()).find(|&e| clean_end(text, e) && is_card(&text[start..e]))
    }

    pub(super) fn cards(text: &str) -> Vec<Finding> {
        accounts::cards_with(text, card_at)
    }
}

mod properties {
    use proptest::prelude::*;

    use super::super::kind::Finding;
    use super::super::{accounts, before_phones, find_maskable, find_personal_data, ident, phone};
    use super::reference;

    /// Texts of digits, the separators of numbers, brackets and a few letters.
    fn numeric_text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            6 => "[0-9]",
            1 => "[0-9]{6}|[0-9]{10}|0[0-9]{2}|[1-9][0-9]{3}",
            3 => Just(" ".to_string()),
            1 => prop::sample::select(vec!["-", "+", "\u{2013}", "\u{a0}", "(", ")", "(0)", "/", ".", ":", ",", "a", "å", "  "])
                .prop_map(str::to_string),
        ];
        prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
    }

    fn check_invariants(text: &str, found: &[Finding]) -> Result<(), TestCaseError> {
        for w in found.windows(2) {
            prop_assert!(w[0].range.end <= w[1].range.start, "{:?} in {:?}", w, text);
        }
        for f in found {
            prop_assert!(f.range.start < f.range.end && f.range.end <= text.len());
            prop_assert!(text.is_char_boundary(f.range.start) && text.is_char_boundary(f.range.end));
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// (a) The fast detectors agree with the slow references.
        #[test]
        fn fast_agrees_with_reference(text in numeric_text()) {
            for check in [ident::Check::Valid, ident::Check::Shape] {
                prop_assert_eq!(ident::identity_numbers(&text, check), reference::identity_numbers(&text, check), "{:?}", text);
            }
            let barriers = before_phones(&text, ident::Check::Valid);
            prop_assert_eq!(phone::phones(&text, &barriers), reference::phones(&text, &barriers), "{:?}", text);
            prop_assert_eq!(accounts::cards(&text), reference::cards(&text), "{:?}", text);
        }

        /// (b) Findings are sorted, do not overlap, lie on char boundaries; what validation finds
        /// is masked.
        #[test]
        fn findings_hang_together(text in prop_oneof![numeric_text(), any::<String>(), "([a-zåäö@.:\\[\\]() -]|[0-9]|at|dot){0,80}"]) {
            let strict = find_personal_data(&text);
            let mask = find_maskable(&text);
            check_invariants(&text, &strict)?;
            check_invariants(&text, &mask)?;
            for f in &strict {
                prop_assert!(mask.iter().any(|m| m.range == f.range), "{:?} in {:?}", f, text);
            }
        }

        /// (c) A personnummer in any written form, in prose, is found.
        #[test]
        fn a_personnummer_in_prose_is_found(
            date in (1900i32..2100, 1u8..13, 1u8..29),
            serial in 0u32..1000,
            long in any::<bool>(),
            coordination in any::<bool>(),
            sep in prop::sample::select(vec!["", "-", "+", "\u{2013}", " ", "\u{a0}"]),
            before in prop::sample::select(vec!["", "Upptäckt 2021-03-25 ", "kl. 12:27 ", "nr ", "(", "Åsa, ", "tel 08 ", "\n"]),
            after in prop::sample::select(vec!["", ".", ", ", " och mer", ")", " kl. 12:27", "\n"]),
        ) {
            let (year, month, day) = date;
            let day = if coordination { day + 60 } else { day };
            let ten = format!("{:02}{month:02}{day:02}{serial:03}", year % 100);
            let check = (0..10).map(|d| format!("{ten}{d}")).find(|c| crate::luhn_valid(c.as_bytes())).unwrap_or_default();
            let digits = if long { format!("{}{}", year / 100, check) } else { check };
            let (head, tail) = digits.split_at(digits.len() - 4);
            let number = format!("{head}{sep}{tail}");
            let text = format!("{before}{number}{after}");
            let found = find_personal_data(&text);
            let at = before.len()..before.len() + number.len();
            prop_assert!(found.iter().any(|f| f.range == at), "{:?}: {:?}", text, found);
        }
    }
}
