//! Personnummer and samordningsnummer: one look at each digit group, so linear in the text.

use std::ops::Range;

use super::kind::{Finding, PersonalDataKind};
use super::scan::{alnum_before, clean_end, digits_from, space_at, EN_DASH};
use crate::values::identifiers::luhn_valid;

/// How strictly a number shaped like a personnummer is checked.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Check {
    /// The date exists and the check digit is right.
    Valid,
    /// The date exists; the check digit may be wrong (a mistyped number).
    Shape,
}

/// The length of a separator of a personnummer at byte `at`: `-`, `+`, en dash, space or no-break
/// space; 0 if none.
fn separator_at(text: &str, at: usize) -> usize {
    match text.as_bytes().get(at) {
        Some(b'-' | b'+') => 1,
        Some(0xE2) if text[at..].starts_with(EN_DASH) => EN_DASH.len(),
        _ => space_at(text, at),
    }
}

/// The personnummer at digit group `start` (not glued to a letter or digit before it), with the
/// end of what was looked at.
fn identity_at(text: &str, start: usize, check: Check) -> (Option<Finding>, usize) {
    let b = text.as_bytes();
    let len = digits_from(b, start);
    let end = start + len;
    if len == 6 || len == 8 {
        let sep = separator_at(text, end);
        if sep > 0 && digits_from(b, end + sep) == 4 && clean_end(text, end + sep + 4) {
            let mut digits = [0u8; 12];
            digits[..len].copy_from_slice(&b[start..end]);
            digits[len..len + 4].copy_from_slice(&b[end + sep..end + sep + 4]);
            let range = start..end + sep + 4;
            return (classify(&digits[..len + 4], check).map(|kind| Finding { kind, range }), end);
        }
    }
    if (len == 10 || len == 12) && clean_end(text, end) {
        let range: Range<usize> = start..end;
        return (classify(&b[range.clone()], check).map(|kind| Finding { kind, range }), end);
    }
    (None, end)
}

/// Every personnummer and samordningsnummer of the text, by `check`.
pub(super) fn identity_numbers(text: &str, check: Check) -> Vec<Finding> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        if alnum_before(text, i) {
            i += digits_from(b, i);
            continue;
        }
        let (found, looked) = identity_at(text, i, check);
        match found {
            Some(f) => {
                i = f.range.end;
                out.push(f);
            }
            None => i = looked.max(i + 1),
        }
    }
    out
}

/// Decides whether 10 or 12 digits are a personnummer or samordningsnummer.
pub(super) fn classify(d: &[u8], check: Check) -> Option<PersonalDataKind> {
    let num = |r: Range<usize>| -> Option<u32> {
        d.get(r)?.iter().try_fold(0u32, |acc, c| c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0')))
    };
    let (years, ten): ([i32; 2], &[u8]) = match d.len() {
        10 => {
            let yy = num(0..2)? as i32;
            ([1900 + yy, 2000 + yy], d)
        }
        12 => {
            let year = num(0..4)? as i32;
            if !(1800..=2099).contains(&year) {
                return None;
            }
            ([year, year], &d[2..])
        }
        _ => return None,
    };
    let month = num(d.len() - 8..d.len() - 6)?;
    let day = num(d.len() - 6..d.len() - 4)?;
    let (kind, day) = match day {
        1..=31 => (PersonalDataKind::PersonalIdentityNumber, day),
        61..=91 => (PersonalDataKind::CoordinationNumber, day - 60),
        _ => return None,
    };
    let month = time::Month::try_from(u8::try_from(month).ok()?).ok()?;
    let day = u8::try_from(day).ok()?;
    let exists = years.iter().any(|y| time::Date::from_calendar_date(*y, month, day).is_ok());
    (exists && (check == Check::Shape || luhn_valid(ten))).then_some(kind)
}
