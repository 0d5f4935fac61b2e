//! Phone numbers as Swedes write them: from each start at most 15 digits and their separators are
//! looked at.

use super::kind::{Finding, PersonalDataKind};
use super::scan::{alnum_before, clean_end, space_at, EN_DASH};

/// The length of a separator between two digit groups of a phone number at byte `at`, or 0: one or
/// two spaces (ASCII or no-break), or one of `-`, `–`, `.`, `/` with at most one space either side.
pub(super) fn separator_at(text: &str, at: usize) -> usize {
    let b = text.as_bytes();
    let s1 = space_at(text, at);
    let mark = match b.get(at + s1) {
        Some(b'-' | b'.' | b'/') => 1,
        Some(0xE2) if text[at + s1..].starts_with(EN_DASH) => EN_DASH.len(),
        _ => 0,
    };
    if mark == 0 {
        return s1 + if s1 > 0 { space_at(text, at + s1) } else { 0 };
    }
    s1 + mark + space_at(text, at + s1 + mark)
}

/// Finds the end of the phone number starting at a byte, before a limit.
pub(super) type PhoneAt = fn(&str, usize, usize) -> Option<usize>;

/// The length of `(0)` at byte `at` (after an international number's country code, with at most one
/// space either side), or 0.
fn trunk_zero_at(text: &str, at: usize) -> usize {
    let s1 = space_at(text, at);
    if text.as_bytes().get(at + s1..at + s1 + 3) == Some(b"(0)") {
        s1 + 3 + space_at(text, at + s1 + 3)
    } else {
        0
    }
}

/// The end of the longest phone number starting at byte `start` and ending before `limit`:
/// a national number (`0` and 6–12 digits; the area code may be in parentheses, `(08) 123 45 67`)
/// or an international one (`+`, a country code, 7–15 digits in all; `(0)` may follow the country
/// code), digit groups separated as [`separator_at`] says, ending where [`clean_end`] allows.
pub(super) fn phone_at(text: &str, start: usize, limit: usize) -> Option<usize> {
    let b = &text.as_bytes()[..limit];
    let intl = b.get(start) == Some(&b'+');
    let paren = b.get(start) == Some(&b'(');
    let (first, max) = if intl { (start + 1, 14) } else { (start + usize::from(paren), 12) };
    let lead = *b.get(first)?;
    if !(if intl { (b'1'..=b'9').contains(&lead) } else { lead == b'0' }) {
        return None;
    }
    let (mut j, mut digits, mut groups, mut open, mut best) = (first + 1, 0usize, 0usize, paren, None);
    loop {
        while j < b.len() && b[j].is_ascii_digit() {
            digits += 1;
            j += 1;
            if digits > max {
                return best;
            }
        }
        groups += 1;
        if !open && digits >= 6 && clean_end(text, j) {
            best = Some(j);
        }
        let sep = if open {
            open = false;
            if b.get(j) != Some(&b')') {
                return best;
            }
            1 + space_at(text, j + 1)
        } else if intl && groups == 1 && trunk_zero_at(text, j) > 0 {
            trunk_zero_at(text, j)
        } else {
            separator_at(text, j)
        };
        if sep == 0 || !b.get(j + sep).is_some_and(u8::is_ascii_digit) {
            return best;
        }
        j += sep;
    }
}

/// Whether byte `at` follows a digit and `-`, `–`, `/` or `.`: a number starting here is part of
/// the one before (a date such as `2021-03-25`, `25/3`), not a phone number of its own.
pub(super) fn joined(text: &str, at: usize) -> bool {
    let b = text.as_bytes();
    let digit_at = |k: Option<usize>| k.and_then(|k| b.get(k)).is_some_and(u8::is_ascii_digit);
    match at.checked_sub(1).map(|k| b[k]) {
        Some(b'-' | b'/' | b'.') => digit_at(at.checked_sub(2)),
        Some(0x93) if text.get(..at).is_some_and(|s| s.ends_with(EN_DASH)) => digit_at(at.checked_sub(4)),
        _ => false,
    }
}

/// Every phone number of the text outside `barriers` (earlier findings, sorted): a number does not
/// start inside one or run into one.
pub(super) fn phones(text: &str, barriers: &[Finding]) -> Vec<Finding> {
    phones_with(text, barriers, phone_at)
}

/// As [`phones`], with `at` finding the end of a number (the tests compare [`phone_at`] with a slow
/// reference).
pub(super) fn phones_with(text: &str, barriers: &[Finding], at: PhoneAt) -> Vec<Finding> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let (mut i, mut next) = (0, 0);
    while i < b.len() {
        while barriers.get(next).is_some_and(|f| f.range.end <= i) {
            next += 1;
        }
        let limit = match barriers.get(next) {
            Some(f) if f.range.start <= i => {
                i = f.range.end;
                continue;
            }
            Some(f) => f.range.start,
            None => b.len(),
        };
        let c = b[i];
        let after_plus = c == b'0' && i > 0 && b[i - 1] == b'+';
        if !matches!(c, b'0' | b'+' | b'(') || after_plus || alnum_before(text, i) || joined(text, i) {
            i += 1;
            continue;
        }
        match at(text, i, limit) {
            Some(end) => {
                out.push(Finding { kind: PersonalDataKind::Phone, range: i..end });
                i = end;
            }
            None => i += 1,
        }
    }
    out
}
