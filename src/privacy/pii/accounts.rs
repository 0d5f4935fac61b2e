//! Payment card numbers (Luhn) and IBANs (mod 97): from each start at most a fixed number of
//! characters is looked at (19 digits and their separators, 34 characters and their spaces).

use super::kind::{Finding, PersonalDataKind};
use super::scan::{alnum_at, alnum_before, clean_end};

/// The fewest and most digits of a payment card number.
const CARD_DIGITS: std::ops::RangeInclusive<usize> = 13..=19;
/// The digits of a group of a card number written in groups.
const CARD_GROUP: std::ops::RangeInclusive<usize> = 3..=6;

/// The end of the longest card number starting at byte `start`: digits in one run, or in groups of
/// 3–6 separated by single spaces or hyphens; 13–19 digits, the Luhn check right.
pub(super) fn card_at(text: &str, start: usize) -> Option<usize> {
    let b = text.as_bytes();
    // sums[p]: the Luhn sum doubling the digits at even (p = 0) or odd (p = 1) positions.
    let mut sums = [0u32; 2];
    let (mut j, mut n, mut groups, mut best) = (start, 0usize, 0usize, None);
    loop {
        let g0 = j;
        while j < b.len() && b[j].is_ascii_digit() && n <= *CARD_DIGITS.end() {
            let d = u32::from(b[j] - b'0');
            let dbl = if d * 2 > 9 { d * 2 - 9 } else { d * 2 };
            sums[n % 2] += dbl;
            sums[1 - n % 2] += d;
            n += 1;
            j += 1;
        }
        groups += 1;
        let g = j - g0;
        if n > *CARD_DIGITS.end() || !(groups == 1 || CARD_GROUP.contains(&g)) {
            return best;
        }
        // With n digits, the digits at positions of n's parity are doubled.
        if CARD_DIGITS.contains(&n) && sums[n % 2] % 10 == 0 && clean_end(text, j) {
            best = Some(j);
        }
        let sep = b.get(j).is_some_and(|c| *c == b' ' || *c == b'-');
        if !CARD_GROUP.contains(&g) || !sep || !b.get(j + 1).is_some_and(u8::is_ascii_digit) {
            return best;
        }
        j += 1;
    }
}

/// Every payment card number of the text.
pub(super) fn cards(text: &str) -> Vec<Finding> {
    cards_with(text, card_at)
}

/// As [`cards`], with `at` finding the end of a number (the tests compare [`card_at`] with a slow
/// reference).
pub(super) fn cards_with(text: &str, at: fn(&str, usize) -> Option<usize>) -> Vec<Finding> {
    let digits = |b: &[u8], i: usize| b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    starts(text, PersonalDataKind::PaymentCard, |c| (b'1'..=b'9').contains(&c), at, digits)
}

/// The findings of `kind` that `at` finds from each byte that `first` accepts and that does not
/// follow a letter or digit; after a failed start, `skip` says how far to go on.
fn starts(
    text: &str,
    kind: PersonalDataKind,
    first: fn(u8) -> bool,
    at: fn(&str, usize) -> Option<usize>,
    skip: fn(&[u8], usize) -> usize,
) -> Vec<Finding> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !first(b[i]) || alnum_before(text, i) {
            i += 1;
            continue;
        }
        match at(text, i) {
            Some(end) => {
                out.push(Finding { kind, range: i..end });
                i = end;
            }
            None => i += skip(b, i).max(1),
        }
    }
    out
}

/// The most characters of an IBAN.
const IBAN_MAX: usize = 34;
/// The fewest characters of an IBAN.
const IBAN_MIN: usize = 15;

/// Whether the characters (letters upper case) pass the IBAN check: moved the first four to the end,
/// letters as 10–35, the number modulo 97 is 1.
pub(super) fn iban_valid(chars: &[u8]) -> bool {
    let digits = chars.iter().filter(|c| c.is_ascii_digit()).count();
    if !(IBAN_MIN..=IBAN_MAX).contains(&chars.len()) || digits < 7 {
        return false;
    }
    let moved = chars[4..].iter().chain(&chars[..4]);
    let rem = moved.fold(0u32, |acc, &c| match c {
        b'0'..=b'9' => (acc * 10 + u32::from(c - b'0')) % 97,
        _ => (acc * 100 + u32::from(c - b'A') + 10) % 97,
    });
    rem == 1
}

/// The end of the longest IBAN starting at byte `start`: two capital letters, two digits, then
/// capital letters and digits, in one run or in groups of four separated by single spaces.
pub(super) fn iban_at(text: &str, start: usize) -> Option<usize> {
    let b = text.as_bytes();
    let head = b.get(start..start + 4)?;
    let letters = head[0].is_ascii_uppercase() && head[1].is_ascii_uppercase();
    if !(letters && head[2].is_ascii_digit() && head[3].is_ascii_digit()) {
        return None;
    }
    let mut chars = [0u8; IBAN_MAX];
    let (mut n, mut j, mut best) = (0usize, start, None);
    let is_char = |c: &u8| c.is_ascii_uppercase() || c.is_ascii_digit();
    loop {
        let g0 = j;
        while n < IBAN_MAX && b.get(j).is_some_and(is_char) {
            chars[n] = b[j];
            n += 1;
            j += 1;
        }
        if b.get(j).is_some_and(is_char) {
            return best;
        }
        if !alnum_at(text, j) && iban_valid(&chars[..n]) {
            best = Some(j);
        }
        let grouped = j - g0 == 4 && b.get(j) == Some(&b' ') && b.get(j + 1).is_some_and(is_char);
        if !grouped || n == IBAN_MAX {
            return best;
        }
        j += 1;
    }
}

/// Every IBAN of the text.
pub(super) fn ibans(text: &str) -> Vec<Finding> {
    starts(text, PersonalDataKind::Iban, |c| c.is_ascii_uppercase(), iban_at, |_, _| 1)
}
