//! The values of single answers: texts, identifiers, addresses and times.

use time::{Date, OffsetDateTime};

use super::random::SplitMix64;
use super::words::STREETS;
use crate::model::controller::Address;
use crate::values::datetime::{LocalDate, WallClockTime};
use crate::values::identifiers::{luhn_valid, Email, OrganisationNumber, PhoneNumber, Postcode};
use crate::values::text::{LongText, ShortText, Text};

pub(super) fn short(text: &str) -> Option<ShortText> {
    Text::new(text).ok()
}

pub(super) fn long(text: &str) -> Option<LongText> {
    Text::new(text).ok()
}

/// An organisation number with this prefix and a right check digit (the one digit that makes the
/// number pass [`luhn_valid`]).
pub(super) fn organisation_number(r: &mut SplitMix64, prefix: &str) -> Option<OrganisationNumber> {
    let mut digits: Vec<u8> = prefix.bytes().collect();
    while digits.len() < 9 {
        digits.push(b'0' + r.below(10) as u8);
    }
    digits.push(b'0');
    for check in b'0'..=b'9' {
        digits[9] = check;
        if luhn_valid(&digits) {
            break;
        }
    }
    OrganisationNumber::new(std::str::from_utf8(&digits).ok()?).ok()
}

pub(super) fn ascii_fold(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            'å' | 'ä' | 'Å' | 'Ä' => Some('a'),
            'ö' | 'Ö' => Some('o'),
            'ć' => Some('c'),
            ' ' => Some('-'),
            c if c.is_ascii_alphanumeric() || c == '-' || c == '.' => Some(c.to_ascii_lowercase()),
            _ => None,
        })
        .collect()
}

pub(super) fn postcode(r: &mut SplitMix64) -> Option<Postcode> {
    let text = format!("{}{:04}", r.between(1, 9), r.below(10_000));
    Postcode::new(&text).ok()
}

pub(super) fn phone(r: &mut SplitMix64) -> Option<PhoneNumber> {
    let text = match r.below(3) {
        0 => format!(
            "07{}-{:03} {:02} {:02}",
            r.pick(&[0, 2, 3, 6]),
            r.below(1000),
            r.below(100),
            r.below(100)
        ),
        1 => format!("08-{:03} {:03} {:02}", r.between(100, 999), r.below(1000), r.below(100)),
        _ => format!(
            "+46 7{} {:03} {:02} {:02}",
            r.pick(&[0, 2, 3, 6]),
            r.below(1000),
            r.below(100),
            r.below(100)
        ),
    };
    PhoneNumber::new(&text).ok()
}

pub(super) fn email(local: &str, domain: &str) -> Option<Email> {
    Email::new(&format!("{}@{}", ascii_fold(local), domain)).ok()
}

pub(super) fn address(r: &mut SplitMix64, town: &str) -> Address {
    let street = if r.percent(40) {
        format!("Box {}", r.between(1, 9999))
    } else {
        format!("{} {}", r.pick(STREETS), r.between(1, 80))
    };
    Address {
        street: short(&street),
        postcode: postcode(r),
        city: short(town),
        country: if r.percent(30) { short("Sverige") } else { None },
    }
}

/// A local date and time as the form's fields.
pub(super) fn local_fields(t: OffsetDateTime) -> Option<(LocalDate, WallClockTime)> {
    let local = crate::time::stockholm::to_local(t).ok()?;
    Some((
        LocalDate::from_date(local.date()).ok()?,
        WallClockTime::from_hm(u32::from(local.hour()), u32::from(local.minute())).ok()?,
    ))
}

/// The instant of a local date and time (which must exist in Swedish time).
pub(super) fn instant(date: Date, hour: u8, minute: u8) -> Option<OffsetDateTime> {
    let d = LocalDate::from_date(date).ok()?;
    let t = WallClockTime::from_hm(u32::from(hour), u32::from(minute)).ok()?;
    crate::time::stockholm::to_instant(d, Some(t), None).ok().map(|r| r.instant)
}

/// An instant whose Swedish local time exists once (never 02:00–02:59, where the clocks change).
pub(super) fn is_plain_local(t: OffsetDateTime) -> bool {
    crate::time::stockholm::to_local(t).is_ok_and(|l| l.hour() != 2)
}
