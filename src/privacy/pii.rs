//! Personal data in free text: Swedish personal identity numbers (personnummer) and coordination
//! numbers (samordningsnummer), e-mail addresses and phone numbers.
//!
//! IMY asks that a notification hold no more personal data than needed: the affected people's names,
//! personnummer or addresses do not belong in the free-text fields. [`find_personal_data`] finds what
//! a machine can find reliably, with byte ranges, so that validation can warn about it and a renderer
//! can mask it. It does not find names.
//!
//! What is found:
//! - **personnummer / samordningsnummer** in the forms `YYMMDD-NNNN`, `YYMMDD+NNNN`,
//!   `YYMMDDNNNN`, `YYYYMMDD-NNNN` and `YYYYMMDDNNNN`, when the date exists (for a samordningsnummer
//!   the day is increased by 60) and the Luhn check digit of the ten-digit form is right. Organisation
//!   numbers (20 or more in the month position) and digit strings glued to letters (`INC7600982`)
//!   are not found;
//! - **e-mail addresses** that [`Email::is_valid`](crate::Email::is_valid) accepts;
//! - **phone numbers** that [`PhoneNumber::is_valid`](crate::PhoneNumber::is_valid) accepts, Swedish
//!   (`08-123 456 78`, `070 123 45 67`) or international (`+46 70 123 45 67`), with single spaces or
//!   hyphens between digits, not part of a longer number or date.

use std::ops::Range;

use crate::values::identifiers::{luhn_valid, Email, PhoneNumber};

/// What kind of personal data a [`Finding`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum PersonalDataKind {
    /// A Swedish personal identity number (personnummer).
    PersonalIdentityNumber,
    /// A Swedish coordination number (samordningsnummer): a personnummer whose day is increased by 60.
    CoordinationNumber,
    /// An e-mail address.
    Email,
    /// A phone number.
    Phone,
}

impl PersonalDataKind {
    /// A stable snake_case code: `personal_identity_number`, `coordination_number`, `email`, `phone`.
    pub fn code(self) -> &'static str {
        match self {
            PersonalDataKind::PersonalIdentityNumber => "personal_identity_number",
            PersonalDataKind::CoordinationNumber => "coordination_number",
            PersonalDataKind::Email => "email",
            PersonalDataKind::Phone => "phone",
        }
    }

    /// The kind in words, in the given language, in lower case ("ett personnummer", "a phone number").
    pub fn describe(self, lang: crate::Lang) -> &'static str {
        match (self, lang) {
            (PersonalDataKind::PersonalIdentityNumber, crate::Lang::Sv) => "ett personnummer",
            (PersonalDataKind::CoordinationNumber, crate::Lang::Sv) => "ett samordningsnummer",
            (PersonalDataKind::Email, crate::Lang::Sv) => "en e-postadress",
            (PersonalDataKind::Phone, crate::Lang::Sv) => "ett telefonnummer",
            (PersonalDataKind::PersonalIdentityNumber, _) => "a personal identity number (personnummer)",
            (PersonalDataKind::CoordinationNumber, _) => "a coordination number (samordningsnummer)",
            (PersonalDataKind::Email, _) => "an e-mail address",
            (PersonalDataKind::Phone, _) => "a phone number",
        }
    }
}

/// Personal data found in a text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Finding {
    /// What was found.
    pub kind: PersonalDataKind,
    /// Where: a byte range of the text, on character boundaries.
    pub range: Range<usize>,
}

impl Finding {
    /// The text found.
    ///
    /// # Example
    /// ```
    /// let text = "Skickat till kim@example.org av misstag.";
    /// let f = &imy_breach::pii::find_personal_data(text)[0];
    /// assert_eq!(f.matched(text), "kim@example.org");
    /// ```
    pub fn matched<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.range.clone()).unwrap_or_default()
    }

    /// The position of the first character, counted in characters from 0 (for messages).
    pub fn char_offset(&self, text: &str) -> usize {
        text.get(..self.range.start).map_or(0, |s| s.chars().count())
    }
}

/// Finds personnummer, samordningsnummer, e-mail addresses and phone numbers in a text.
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
    let mut found = identity_numbers(text);
    let emails: Vec<Finding> = emails(text).into_iter().filter(|f| !overlaps(&found, &f.range)).collect();
    found.extend(emails);
    let phones: Vec<Finding> =
        phones(text, &found).into_iter().filter(|f| !overlaps(&found, &f.range)).collect();
    found.extend(phones);
    found.sort_by_key(|f| (f.range.start, f.range.end));
    found
}

/// Finds what a public copy must mask: everything [`find_personal_data`] finds and more (see the
/// module documentation); sorted by position, never overlapping.
///
/// # Example
/// ```
/// let text = "Ring 08-123 456 78.";
/// assert_eq!(imy_breach::pii::find_maskable(text)[0].matched(text), "08-123 456 78");
/// ```
pub fn find_maskable(text: &str) -> Vec<Finding> {
    find_personal_data(text)
}

/// Whether the text holds a valid personnummer or samordningsnummer, in any of the forms above.
///
/// # Example
/// ```
/// assert!(imy_breach::pii::is_personal_identity_number("19121212-1212"));
/// assert!(!imy_breach::pii::is_personal_identity_number("212000-0142"));
/// ```
pub fn is_personal_identity_number(text: &str) -> bool {
    identity_numbers(text).first().is_some_and(|f| f.range == (0..text.len()))
}

fn overlaps(found: &[Finding], range: &Range<usize>) -> bool {
    found.iter().any(|f| f.range.start < range.end && range.start < f.range.end)
}

/// Whether the character before byte `at` (if any) is a letter or digit.
fn alnum_before(text: &str, at: usize) -> bool {
    text[..at].chars().next_back().is_some_and(char::is_alphanumeric)
}

/// Whether the character at byte `at` (if any) is a letter or digit.
fn alnum_at(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_some_and(char::is_alphanumeric)
}

/// The maximal runs of ASCII digits, as byte ranges.
fn digit_runs(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut runs = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            runs.push(start..i);
        } else {
            i += 1;
        }
    }
    runs
}

fn identity_numbers(text: &str) -> Vec<Finding> {
    let b = text.as_bytes();
    let runs = digit_runs(text);
    let mut out = Vec::new();
    let mut skip_next = false;
    for (k, run) in runs.iter().enumerate() {
        if skip_next {
            skip_next = false;
            continue;
        }
        // A number right after a finding (a list of numbers) starts afresh; otherwise a number
        // after a digit and a separator belongs to something longer.
        if alnum_before(text, run.start) || (is_continuation(b, run.start) && !follows(&out, run.start)) {
            continue;
        }
        let len = run.len();
        // YYMMDD-NNNN, YYMMDD+NNNN, YYYYMMDD-NNNN: a separator, then four digits.
        if (len == 6 || len == 8) && b.get(run.end).is_some_and(|c| *c == b'-' || *c == b'+') {
            if let Some(next) = runs.get(k + 1) {
                if next.start == run.end + 1 && next.len() == 4 && !alnum_at(text, next.end) {
                    let digits = format!("{}{}", &text[run.clone()], &text[next.clone()]);
                    if let Some(kind) = classify_identity_number(&digits) {
                        out.push(Finding { kind, range: run.start..next.end });
                        skip_next = true;
                    }
                    continue;
                }
            }
        }
        // YYMMDDNNNN, YYYYMMDDNNNN.
        if (len == 10 || len == 12) && !alnum_at(text, run.end) && !continues(b, run.end) {
            if let Some(kind) = classify_identity_number(&text[run.clone()]) {
                out.push(Finding { kind, range: run.clone() });
            }
        }
    }
    out
}

/// Whether byte `at` follows a digit and a separator (`-`, `+`, `.`, `/`, `:`, `,`, space): the
/// number starting here continues an earlier one (a date, a longer number).
fn is_continuation(b: &[u8], at: usize) -> bool {
    at >= 2 && b"-+./:, ".contains(&b[at - 1]) && b[at - 2].is_ascii_digit()
}

/// Whether the number at byte `at` comes right after a finding and one separator: it starts afresh
/// then, whatever [`is_continuation`] says.
fn follows(found: &[Finding], at: usize) -> bool {
    found.iter().any(|f| f.range.end + 1 == at)
}

/// Whether the number ending at byte `at` goes on after a separator (`-`, `.`, `/`, `:`, `,`).
fn continues(b: &[u8], at: usize) -> bool {
    b.get(at).is_some_and(|c| b"-./:,".contains(c)) && b.get(at + 1).is_some_and(u8::is_ascii_digit)
}

/// Decides whether 10 or 12 digits are a personnummer or samordningsnummer.
fn classify_identity_number(digits: &str) -> Option<PersonalDataKind> {
    let d = digits.as_bytes();
    let num = |r: Range<usize>| digits.get(r).and_then(|s| s.parse::<u32>().ok());
    let (years, ten): (Vec<i32>, &[u8]) = match d.len() {
        10 => {
            let yy = num(0..2)? as i32;
            (vec![1900 + yy, 2000 + yy], d)
        }
        12 => {
            let year = num(0..4)? as i32;
            if !(1800..=2099).contains(&year) {
                return None;
            }
            (vec![year], &d[2..])
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
    (exists && luhn_valid(ten)).then_some(kind)
}

/// Characters allowed in the local part of an address (besides the dot).
fn is_local_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || b"!#$%&'*+/=?^_`{|}~-".contains(&c)
}

fn emails(text: &str) -> Vec<Finding> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut from = 0;
    for (at, _) in text.match_indices('@') {
        if at < from {
            continue;
        }
        let mut start = at;
        while start > from && (is_local_char(b[start - 1]) || b[start - 1] == b'.') {
            start -= 1;
        }
        while start < at && b[start] == b'.' {
            start += 1;
        }
        let mut end = at + 1;
        while end < b.len() && (b[end].is_ascii_alphanumeric() || b[end] == b'-' || b[end] == b'.') {
            end += 1;
        }
        while end > at + 1 && (b[end - 1] == b'.' || b[end - 1] == b'-') {
            end -= 1;
        }
        let candidate = &text[start..end];
        if start < at && Email::is_valid(candidate) {
            out.push(Finding { kind: PersonalDataKind::Email, range: start..end });
            from = end;
        }
    }
    out
}

/// The phone numbers of the text; `earlier` are the findings already made, after which a number
/// starts afresh.
fn phones(text: &str, earlier: &[Finding]) -> Vec<Finding> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let starts = match b[i] {
            b'+' => b.get(i + 1).is_some_and(|c| (b'1'..=b'9').contains(c)),
            b'0' => true,
            _ => false,
        };
        let continuation = is_continuation(b, i) && !follows(earlier, i) && !follows(&out, i);
        if !starts || alnum_before(text, i) || continuation || (i > 0 && b[i - 1] == b'+') {
            i += 1;
            continue;
        }
        // Digits, each optionally preceded by one space or hyphen; remember where each group ends.
        let mut j = if b[i] == b'+' { i + 1 } else { i };
        let mut group_ends = Vec::new();
        loop {
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            group_ends.push(j);
            let sep = b.get(j).is_some_and(|c| *c == b' ' || *c == b'-');
            if sep && b.get(j + 1).is_some_and(u8::is_ascii_digit) {
                j += 1;
            } else {
                break;
            }
        }
        // The longest prefix ending at a group boundary that is a phone number and is not glued to
        // a letter, a digit or a further number.
        let hit =
            group_ends.iter().rev().copied().find(|&end| {
                PhoneNumber::is_valid(&text[i..end]) && !alnum_at(text, end) && !continues(b, end)
            });
        match hit {
            Some(end) => {
                out.push(Finding { kind: PersonalDataKind::Phone, range: i..end });
                i = end;
            }
            None => i = group_ends.last().copied().unwrap_or(i + 1).max(i + 1),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(PersonalDataKind, &str)> {
        find_personal_data(text).into_iter().map(|f| (f.kind, f.matched(text))).collect()
    }

    #[test]
    fn identity_number_forms() {
        use PersonalDataKind::*;
        for t in ["121212-1212", "121212+1212", "1212121212", "19121212-1212", "191212121212"] {
            assert_eq!(kinds(t), [(PersonalIdentityNumber, t)], "{t}");
        }
        // Samordningsnummer: day + 60 (701063-2391 is the Tax Agency's example).
        assert_eq!(kinds("sam 701063-2391."), [(CoordinationNumber, "701063-2391")]);
        // Wrong check digit, organisation number, glued to letters, impossible date.
        for t in ["121212-1213", "212000-0142", "INC1212121212", "556147-5897", "121232-1212", "x1212121212"]
        {
            assert!(kinds(t).is_empty(), "{t}");
        }
    }

    #[test]
    fn numbers_in_a_list_are_each_found() {
        use PersonalDataKind::*;
        let n = "121212-1212";
        for sep in [" ", ", ", " och ", "\n"] {
            let t = format!("{n}{sep}{n}{sep}1212121212");
            let found = kinds(&t);
            assert_eq!(found.len(), 3, "{t:?}: {found:?}");
            assert!(found.iter().all(|(k, _)| *k == PersonalIdentityNumber), "{t:?}");
        }
        // A number after a digit and a space that is not itself a finding still belongs to it.
        let longer = kinds("tel 08 1212121212");
        assert!(!longer.iter().any(|(k, _)| *k == PersonalIdentityNumber), "{longer:?}");
    }

    #[test]
    fn dates_and_ticket_numbers_are_not_personal_data() {
        let seed = "Ärendet loggas hos servicedesken med ärendenummer: INC7600982. \
                    Upptäcktes 2021-03-25 kl.12.27, servicedesk 33900, version 1.0.2.";
        assert!(find_personal_data(seed).is_empty(), "{:?}", kinds(seed));
        assert!(find_personal_data("period 2021-03-25 - 2021-04-02, 20210325").is_empty());
    }

    #[test]
    fn emails_in_text() {
        let t = "adressen <kim.berg+test@exempel.example.org>. Och a@b är inget.";
        assert_eq!(kinds(t), [(PersonalDataKind::Email, "kim.berg+test@exempel.example.org")]);
        assert_eq!(kinds("mejl till x@y.se."), [(PersonalDataKind::Email, "x@y.se")]);
    }

    #[test]
    fn phones_in_text() {
        use PersonalDataKind::Phone;
        assert_eq!(kinds("ring 08-123 456 78 idag"), [(Phone, "08-123 456 78")]);
        assert_eq!(kinds("tel. +46 70 123 45 67, eller"), [(Phone, "+46 70 123 45 67")]);
        // A number right after a finding starts afresh, whatever separates them.
        assert_eq!(
            kinds("070-123 45 67 070-765 43 21"),
            [(Phone, "070-123 45 67"), (Phone, "070-765 43 21")]
        );
        assert_eq!(
            kinds("121212-1212 070-765 43 21"),
            [(PersonalDataKind::PersonalIdentityNumber, "121212-1212"), (Phone, "070-765 43 21")]
        );
        assert_eq!(kinds("(070-1234567)"), [(Phone, "070-1234567")]);
        assert_eq!(kinds("070-123 45 67 2021"), [(Phone, "070-123 45 67")]);
        assert!(kinds("kl 09 30 den 05-12").is_empty());
        assert!(kinds("0,5 procent av 012").is_empty());
    }

    #[test]
    fn ranges_are_char_boundaries() {
        let t = "Åäö 121212-1212 ö";
        let f = &find_personal_data(t)[0];
        assert_eq!(f.matched(t), "121212-1212");
        assert_eq!(f.char_offset(t), 4);
    }
}
