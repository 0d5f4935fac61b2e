//! Swedish identifiers and contact details: organisation numbers, postcodes, e-mail addresses and
//! phone numbers.
//!
//! Each type checks its format when it is built or read; the same rule is the `pattern` of its schema.
//! Rules a pattern cannot express (the organisation number's check digit, a personnummer where an
//! organisation number belongs) are checked by validation, through the methods here.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};

use crate::values::error::FieldError;

/// The schema pattern of [`OrganisationNumber`].
pub const ORGANISATION_NUMBER_PATTERN: &str = "^[0-9]{6}-?[0-9]{4}$";
/// The schema pattern of [`Postcode`]: any country's postcode, 2–10 letters, digits, spaces or
/// hyphens, beginning and ending with a letter or digit. The Swedish format (five digits, `NNN NN`)
/// is a validation rule (`postcode-format`) for an address in Sweden or without a country.
pub const POSTCODE_PATTERN: &str = "^[A-Za-z0-9][A-Za-z0-9 -]{0,8}[A-Za-z0-9]$";
/// The pattern of a Swedish postcode: five digits, the first not 0, with an optional space after
/// the third.
pub const SWEDISH_POSTCODE_PATTERN: &str = "^[1-9][0-9]{2} ?[0-9]{2}$";
/// The pattern of a country that names Sweden ([`names_sweden`]).
pub const SWEDEN_PATTERN: &str =
    "^([Ss][Vv][Ee][Rr][Ii][Gg][Ee]|[Ss][Ww][Ee][Dd][Ee][Nn]|[Ss][Ee]|[Ss][Ww][Ee])[.]?$";

/// Whether the country of an address (questions 3 and 9) names Sweden: "Sverige", "Sweden", "SE"
/// or "SWE", in any ASCII case, with an optional full stop. An address in Sweden, or without a
/// country, has a Swedish postcode (five digits).
///
/// # Example
/// ```
/// assert!(imy_breach::names_sweden("Sverige"));
/// assert!(imy_breach::names_sweden("SE"));
/// assert!(!imy_breach::names_sweden("Norge"));
/// ```
pub fn names_sweden(country: &str) -> bool {
    let c = country.strip_suffix('.').unwrap_or(country);
    ["sverige", "sweden", "se", "swe"].iter().any(|n| c.eq_ignore_ascii_case(n))
}
/// The schema pattern of [`Email`].
pub const EMAIL_PATTERN: &str = "^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$";
/// The schema pattern of [`PhoneNumber`].
pub const PHONE_PATTERN: &str = "^(\\+[1-9]([ -]?[0-9]){6,14}|0([ -]?[0-9]){6,12})$";

/// The Luhn (mod 10) check used by Swedish organisation numbers and personnummer: `digits` are the
/// ten digits, the last one the check digit.
///
/// # Example
/// ```
/// assert!(imy_breach::luhn_valid(b"2120000142"));
/// assert!(!imy_breach::luhn_valid(b"2120000143"));
/// ```
pub fn luhn_valid(digits: &[u8]) -> bool {
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, d)| {
            let d = u32::from(d - b'0');
            if i % 2 == 1 {
                let x = d * 2;
                if x > 9 {
                    x - 9
                } else {
                    x
                }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// A Swedish organisation number (question 2), stored as `NNNNNN-NNNN`.
///
/// Reading accepts `NNNNNN-NNNN` and `NNNNNNNNNN`. The format is checked here; the Luhn check digit
/// and the personnummer test are checked by validation
/// ([`has_valid_check_digit`](Self::has_valid_check_digit),
/// [`is_personal_identity_number`](Self::is_personal_identity_number)), so that a document with a
/// mistyped number can still be read and get every finding at once.
///
/// # Example
/// ```
/// use imy_breach::OrganisationNumber;
/// let n: OrganisationNumber = "2120000142".parse().unwrap();
/// assert_eq!(n.as_str(), "212000-0142");
/// assert!(n.has_valid_check_digit());
/// assert!(!n.is_personal_identity_number());
/// assert!("21200-0142".parse::<OrganisationNumber>().is_err());
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OrganisationNumber(String);

impl OrganisationNumber {
    /// Checks the format and normalises to `NNNNNN-NNNN`.
    ///
    /// # Errors
    /// [`FieldError::OrganisationNumber`] unless the text is ten digits with an optional hyphen
    /// after the sixth.
    pub fn new(text: &str) -> Result<Self, FieldError> {
        Self::from_owned(text.to_string())
    }

    /// As [`new`](Self::new), keeping the string (with a hyphen put in when it has none).
    fn from_owned(mut text: String) -> Result<Self, FieldError> {
        let b = text.as_bytes();
        let ok = match b.len() {
            10 => b.iter().all(u8::is_ascii_digit),
            11 => b[6] == b'-' && b[..6].iter().chain(&b[7..]).all(u8::is_ascii_digit),
            _ => false,
        };
        if !ok {
            return Err(FieldError::OrganisationNumber);
        }
        if text.len() == 10 {
            text.insert(6, '-');
        }
        Ok(OrganisationNumber(text))
    }
    /// The number as `NNNNNN-NNNN`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// The ten digits without the hyphen.
    pub fn digits(&self) -> String {
        self.0.chars().filter(char::is_ascii_digit).collect()
    }
    /// The ten digits as bytes, without allocating.
    fn digit_bytes(&self) -> [u8; 10] {
        let mut out = [b'0'; 10];
        for (slot, b) in out.iter_mut().zip(self.0.bytes().filter(u8::is_ascii_digit)) {
            *slot = b;
        }
        out
    }
    /// Whether the last digit is the Luhn check digit of the first nine.
    pub fn has_valid_check_digit(&self) -> bool {
        luhn_valid(&self.digit_bytes())
    }
    /// Whether the number is a personnummer (a sole trader's, *enskild firma*) rather than an
    /// organisation number: legal entities' numbers have 20 or more in the "month" position, people's
    /// have a real month (01–12) and day (01–31, or 61–91 for a samordningsnummer).
    pub fn is_personal_identity_number(&self) -> bool {
        let d = self.digit_bytes();
        let two = |i: usize| u32::from(d[i] - b'0') * 10 + u32::from(d[i + 1] - b'0');
        let (month, day) = (two(2), two(4));
        (1..=12).contains(&month) && ((1..=31).contains(&day) || (61..=91).contains(&day))
    }
}

impl std::str::FromStr for OrganisationNumber {
    type Err = FieldError;
    fn from_str(s: &str) -> Result<Self, FieldError> {
        Self::new(s)
    }
}

/// A postcode (questions 3 and 9): a Swedish one, five digits stored without the space, or another
/// country's, 2–10 letters, digits, spaces or hyphens stored as given.
///
/// Reading accepts `12726` and `127 26` (Swedish), and `0150` (Oslo) or `SW1A 1AA`. Whether a
/// postcode fits the address's country is a validation rule: an address in Sweden, or without a
/// country, needs a [Swedish](Postcode::is_swedish) one (`postcode-format`).
///
/// # Example
/// ```
/// use imy_breach::Postcode;
/// let p: Postcode = "127 26".parse().unwrap();
/// assert_eq!(p.as_str(), "12726");
/// assert_eq!(p.to_string(), "127 26");
/// assert!(p.is_swedish());
/// let oslo: Postcode = "0150".parse().unwrap();
/// assert!(!oslo.is_swedish());
/// assert_eq!(oslo.to_string(), "0150");
/// assert!("12!".parse::<Postcode>().is_err());
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Postcode(String);

impl Postcode {
    /// Checks the format, and removes the space of a Swedish postcode.
    ///
    /// # Errors
    /// [`FieldError::Postcode`] unless the text is 2–10 ASCII letters, digits, spaces or hyphens,
    /// beginning and ending with a letter or digit.
    pub fn new(text: &str) -> Result<Self, FieldError> {
        Self::from_owned(text.to_string())
    }

    /// As [`new`](Self::new), keeping the string (without its space).
    fn from_owned(mut text: String) -> Result<Self, FieldError> {
        let b = text.as_bytes();
        let general = (2..=10).contains(&b.len())
            && b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b' ' || *c == b'-')
            && b.first().is_some_and(u8::is_ascii_alphanumeric)
            && b.last().is_some_and(u8::is_ascii_alphanumeric);
        if !general {
            return Err(FieldError::Postcode);
        }
        if Self::swedish_form(b) && b.len() == 6 {
            text.remove(3);
        }
        Ok(Postcode(text))
    }

    /// Five digits, the first not 0, with an optional space after the third.
    fn swedish_form(b: &[u8]) -> bool {
        let digits = match b.len() {
            5 => b.iter().all(u8::is_ascii_digit),
            6 => b[3] == b' ' && b[..3].iter().chain(&b[4..]).all(u8::is_ascii_digit),
            _ => false,
        };
        digits && b[0] != b'0'
    }

    /// Whether this is a Swedish postcode (five digits, the first not 0).
    pub fn is_swedish(&self) -> bool {
        Self::swedish_form(self.0.as_bytes())
    }

    /// The five digits of a Swedish postcode; another country's as given.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Postcode {
    /// Writes a Swedish postcode `NNN NN`, as the post office does; another country's as given.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.is_swedish(), self.0.get(..3), self.0.get(3..)) {
            (true, Some(a), Some(b)) => write!(f, "{a} {b}"),
            _ => f.write_str(&self.0),
        }
    }
}

impl std::str::FromStr for Postcode {
    type Err = FieldError;
    fn from_str(s: &str) -> Result<Self, FieldError> {
        Self::new(s)
    }
}

/// An e-mail address (question 7), checked for syntax: a dot-atom local part of at most 64
/// characters, `@`, and a domain of at least two DNS labels; at most 254 characters in all. ASCII only:
/// write internationalised domains in their `xn--` form.
///
/// `Debug` does not print the address.
///
/// # Example
/// ```
/// use imy_breach::Email;
/// assert!("dso@exempelkommun.se".parse::<Email>().is_ok());
/// assert!("dso@localhost".parse::<Email>().is_err());
/// assert!("a..b@exempel.se".parse::<Email>().is_err());
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

fn is_atom_char(c: u8) -> bool {
    c.is_ascii_alphanumeric() || b"!#$%&'*+/=?^_`{|}~-".contains(&c)
}

fn is_domain_label(l: &[u8]) -> bool {
    !l.is_empty()
        && l.len() <= 63
        && l.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-')
        && l[0] != b'-'
        && l[l.len() - 1] != b'-'
}

impl Email {
    /// The longest address accepted.
    pub const MAX_LEN: usize = 254;

    /// Checks the syntax.
    ///
    /// # Errors
    /// [`FieldError::Email`] when the text is not an address as described above.
    pub fn new(text: &str) -> Result<Self, FieldError> {
        Self::from_owned(text.to_string())
    }

    /// As [`new`](Self::new), keeping the string.
    fn from_owned(text: String) -> Result<Self, FieldError> {
        if Self::is_valid(&text) {
            Ok(Email(text))
        } else {
            Err(FieldError::Email)
        }
    }

    /// Whether the text is an address by this type's rule.
    pub fn is_valid(text: &str) -> bool {
        if text.len() > Self::MAX_LEN {
            return false;
        }
        let Some((local, domain)) = text.split_once('@') else {
            return false;
        };
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && local.split('.').all(|a| !a.is_empty() && a.bytes().all(is_atom_char));
        local_ok && domain.contains('.') && domain.split('.').all(|l| is_domain_label(l.as_bytes()))
    }
    /// The address.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::str::FromStr for Email {
    type Err = FieldError;
    fn from_str(s: &str) -> Result<Self, FieldError> {
        Self::new(s)
    }
}

impl fmt::Debug for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Email(<redacted>)")
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A phone number (question 8): a Swedish national number (`0` and 6–12 more digits) or an
/// international one in E.164 form (`+`, country code, at most 15 digits), with single spaces or
/// hyphens between digits allowed. Stored as written.
///
/// `Debug` does not print the number.
///
/// # Example
/// ```
/// use imy_breach::PhoneNumber;
/// let p: PhoneNumber = "08-123 456 78".parse().unwrap();
/// assert_eq!(p.to_e164(), "+46812345678");
/// assert!("+46 8 123 456 78".parse::<PhoneNumber>().is_ok());
/// assert!("123".parse::<PhoneNumber>().is_err());
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PhoneNumber(String);

impl PhoneNumber {
    /// Checks the format.
    ///
    /// # Errors
    /// [`FieldError::Phone`] when the text is neither form described above.
    pub fn new(text: &str) -> Result<Self, FieldError> {
        Self::from_owned(text.to_string())
    }

    /// As [`new`](Self::new), keeping the string.
    fn from_owned(text: String) -> Result<Self, FieldError> {
        if Self::is_valid(&text) {
            Ok(PhoneNumber(text))
        } else {
            Err(FieldError::Phone)
        }
    }

    /// Whether the text is a phone number by this type's rule.
    pub fn is_valid(text: &str) -> bool {
        let b = text.as_bytes();
        let (rest, min, max) = match b.first() {
            Some(b'+') if b.get(1).is_some_and(|c| (b'1'..=b'9').contains(c)) => (&b[2..], 6, 14),
            Some(b'0') => (&b[1..], 6, 12),
            _ => return false,
        };
        // Each further digit may be preceded by one space or hyphen.
        let mut digits = 0;
        let mut i = 0;
        while i < rest.len() {
            if rest[i] == b' ' || rest[i] == b'-' {
                i += 1;
            }
            match rest.get(i) {
                Some(c) if c.is_ascii_digit() => digits += 1,
                _ => return false,
            }
            i += 1;
        }
        (min..=max).contains(&digits)
    }

    /// The number as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The number in E.164 form: separators removed, a national number's leading `0` replaced by
    /// `+46`. Two ways of writing the same number give the same result.
    pub fn to_e164(&self) -> String {
        let digits: String = self.0.chars().filter(char::is_ascii_digit).collect();
        if self.0.starts_with('+') {
            format!("+{digits}")
        } else {
            format!("+46{}", &digits[1..])
        }
    }
}

impl std::str::FromStr for PhoneNumber {
    type Err = FieldError;
    fn from_str(s: &str) -> Result<Self, FieldError> {
        Self::new(s)
    }
}

impl fmt::Debug for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PhoneNumber(<redacted>)")
    }
}

impl fmt::Display for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

macro_rules! string_newtype_impls {
    ($($ty:ident => $schema:expr;)+) => {$(
        impl TryFrom<String> for $ty {
            type Error = FieldError;
            fn try_from(s: String) -> Result<Self, FieldError> {
                $ty::from_owned(s)
            }
        }
        impl From<$ty> for String {
            fn from(v: $ty) -> String {
                v.0
            }
        }
        impl AsRef<str> for $ty {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
        impl Serialize for $ty {
            /// Writes the text as it is, without copying it.
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.0)
            }
        }
        inline_schema! { $ty => $schema; }
    )+};
}

string_newtype_impls! {
    OrganisationNumber => schemars::json_schema!({
        "type": "string", "pattern": ORGANISATION_NUMBER_PATTERN, "examples": ["212000-0142"],
    });
    Postcode => schemars::json_schema!({
        "type": "string", "pattern": POSTCODE_PATTERN, "examples": ["127 26", "12726"],
    });
    Email => schemars::json_schema!({
        "type": "string", "format": "email", "maxLength": Email::MAX_LEN, "pattern": EMAIL_PATTERN,
    });
    PhoneNumber => schemars::json_schema!({
        "type": "string", "maxLength": 40, "pattern": PHONE_PATTERN, "examples": ["08-123 456 78", "+46812345678"],
    });
}

/// An organisation number of a legal entity is public and prints (`OrganisationNumber(556147-5897)`);
/// one that is a personnummer, a sole trader's
/// ([`is_personal_identity_number`](OrganisationNumber::is_personal_identity_number)), is personal
/// data and prints as `OrganisationNumber(<personnummer>)`.
///
/// # Example
/// ```
/// use imy_breach::OrganisationNumber;
/// let company = OrganisationNumber::new("556147-5897").unwrap();
/// assert_eq!(format!("{company:?}"), "OrganisationNumber(556147-5897)");
/// let sole_trader = OrganisationNumber::new("121212-1212").unwrap();
/// assert_eq!(format!("{sole_trader:?}"), "OrganisationNumber(<personnummer>)");
/// ```
impl fmt::Debug for OrganisationNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_personal_identity_number() {
            f.write_str("OrganisationNumber(<personnummer>)")
        } else {
            write!(f, "OrganisationNumber({})", self.0)
        }
    }
}

impl fmt::Display for OrganisationNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Postcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Postcode({})", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luhn_examples() {
        assert!(luhn_valid(b"5561475897")); // a public company's number
        assert!(luhn_valid(b"2120000142"));
        assert!(!luhn_valid(b"5561475898"));
        assert!(!luhn_valid(b""));
    }

    #[test]
    fn personal_identity_number_in_org_field() {
        assert!(OrganisationNumber::new("811218-9876").unwrap().is_personal_identity_number());
        assert!(OrganisationNumber::new("811278-9876").unwrap().is_personal_identity_number());
        assert!(!OrganisationNumber::new("556147-5897").unwrap().is_personal_identity_number());
    }

    #[test]
    fn phone_forms() {
        for ok in ["0932-140 00", "+46761224526", "08 508 000 00", "010-123 45 67"] {
            assert!(PhoneNumber::is_valid(ok), "{ok}");
        }
        for bad in ["", "+", "0", "+0812345", "08--1234567", "08 1234567 ", "46761224526", "0812345678901234"]
        {
            assert!(!PhoneNumber::is_valid(bad), "{bad}");
        }
    }

    #[test]
    fn postcodes() {
        assert!(!Postcode::new("01234").unwrap().is_swedish());
        assert!(!Postcode::new("1272 6").unwrap().is_swedish());
        assert_eq!(Postcode::new("127 26").unwrap().as_str(), "12726");
        assert_eq!(Postcode::new("SW1A 1AA").unwrap().to_string(), "SW1A 1AA");
        for bad in ["", "1", "-12", "12-", "12345678901", "12!34", "12\u{e5}3"] {
            assert!(Postcode::new(bad).is_err(), "{bad}");
        }
    }
}

macro_rules! read_from_string {
    ($($ty:ty),+) => {$(
        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                crate::values::error::from_string(d)
            }
        }
    )+};
}
read_from_string!(OrganisationNumber, Postcode, Email, PhoneNumber);
