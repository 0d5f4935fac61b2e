//! JSON pointers (RFC 6901) as typed paths: a list of [`Segment`]s, escaped and unescaped in this
//! one place, formatted as a string only at the edges (reports, the wire format, messages).

use std::borrow::Cow;
use std::fmt::{self, Write as _};
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One step of a [`Pointer`]: a member of an object or an element of an array.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Segment {
    /// The member with this name (unescaped: `/` and `~` are themselves).
    Member(Cow<'static, str>),
    /// The element at this index, from 0.
    Index(usize),
}

impl Segment {
    /// The member name, when the segment is a member.
    pub fn as_member(&self) -> Option<&str> {
        match self {
            Segment::Member(name) => Some(name),
            Segment::Index(_) => None,
        }
    }

    /// The index, when the segment is an element.
    pub fn as_index(&self) -> Option<usize> {
        match self {
            Segment::Index(i) => Some(*i),
            Segment::Member(_) => None,
        }
    }
}

impl fmt::Display for Segment {
    /// The segment as a reference token, escaped (`~` as `~0`, `/` as `~1`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Segment::Member(name) => write_escaped(f, name),
            Segment::Index(i) => write!(f, "{i}"),
        }
    }
}

/// A JSON pointer (RFC 6901): the path from the document root to a value.
///
/// The root (the whole document) is the empty pointer, written `""`. A token of decimal digits
/// without a leading zero is read as an array index, any other token as a member name (the wire
/// format has no member named by digits).
///
/// # Example
/// ```
/// use imy_breach::{Pointer, Segment};
/// let mut p = Pointer::root().member("consequences").member("actions").index(2);
/// p.push_member("description");
/// assert_eq!(p.to_string(), "/consequences/actions/2/description");
/// assert_eq!("/consequences/actions/2/description".parse::<Pointer>().unwrap(), p);
/// assert_eq!(Pointer::root().member("a/b~c").to_string(), "/a~1b~0c");
/// assert!(p.starts_with(&Pointer::root().member("consequences")));
/// assert_eq!(p.last(), Some(&Segment::Member("description".into())));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Pointer {
    segments: Vec<Segment>,
}

/// Why a string is not a JSON pointer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PointerError {
    /// A non-empty pointer must start with `/`.
    #[error("a JSON pointer is empty or starts with '/'")]
    NoLeadingSlash,
    /// `~` must be followed by `0` or `1`.
    #[error("'~' in a JSON pointer is followed by '0' or '1' (at byte {position})")]
    BadEscape {
        /// The byte offset of the `~`.
        position: usize,
    },
}

impl Pointer {
    /// The pointer to the whole document, `""`.
    pub const fn root() -> Self {
        Pointer { segments: Vec::new() }
    }

    /// Reads a pointer from its string form.
    ///
    /// # Errors
    /// [`PointerError`] when a non-empty string does not start with `/`, or when `~` is not followed
    /// by `0` or `1`.
    ///
    /// # Example
    /// ```
    /// use imy_breach::Pointer;
    /// let p = Pointer::parse("/incident/ceased/date").unwrap();
    /// assert_eq!(p.len(), 3);
    /// assert!(Pointer::parse("incident").is_err());
    /// assert!(Pointer::parse("/a~2").is_err());
    /// assert!(Pointer::parse("").unwrap().is_root());
    /// ```
    pub fn parse(text: &str) -> Result<Self, PointerError> {
        if text.is_empty() {
            return Ok(Pointer::root());
        }
        let Some(rest) = text.strip_prefix('/') else {
            return Err(PointerError::NoLeadingSlash);
        };
        let mut segments = Vec::new();
        let mut offset = 1;
        for token in rest.split('/') {
            let unescaped =
                unescape_token(token).map_err(|at| PointerError::BadEscape { position: offset + at })?;
            segments.push(match canonical_index(&unescaped) {
                Some(i) if !token.contains('~') => Segment::Index(i),
                _ => Segment::Member(Cow::Owned(unescaped.into_owned())),
            });
            offset += token.len() + 1;
        }
        Ok(Pointer { segments })
    }

    /// The segments, from the root.
    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// The number of segments (0 for the root).
    pub fn len(&self) -> usize {
        self.segments.len()
    }

    /// Whether this is the root pointer `""`.
    pub fn is_root(&self) -> bool {
        self.segments.is_empty()
    }

    /// Whether there are no segments: the same as [`is_root`](Self::is_root).
    pub fn is_empty(&self) -> bool {
        self.segments.is_empty()
    }

    /// The last segment, if any.
    pub fn last(&self) -> Option<&Segment> {
        self.segments.last()
    }

    /// The pointer without its last segment; `None` for the root.
    pub fn parent(&self) -> Option<Pointer> {
        let (_, init) = self.segments.split_last()?;
        Some(Pointer { segments: init.to_vec() })
    }

    /// Whether `prefix` is this pointer or one of its ancestors, segment by segment (so `/ab` does
    /// not start with `/a`).
    pub fn starts_with(&self, prefix: &Pointer) -> bool {
        self.segments.starts_with(&prefix.segments)
    }

    /// Appends a member segment.
    pub fn push_member(&mut self, name: impl Into<Cow<'static, str>>) {
        self.segments.push(Segment::Member(name.into()));
    }

    /// Appends an index segment.
    pub fn push_index(&mut self, index: usize) {
        self.segments.push(Segment::Index(index));
    }

    /// Appends a segment.
    pub fn push(&mut self, segment: Segment) {
        self.segments.push(segment);
    }

    /// Removes and returns the last segment.
    pub fn pop(&mut self) -> Option<Segment> {
        self.segments.pop()
    }

    /// This pointer with a member segment appended.
    #[must_use]
    pub fn member(mut self, name: impl Into<Cow<'static, str>>) -> Self {
        self.push_member(name);
        self
    }

    /// This pointer with an index segment appended.
    #[must_use]
    pub fn index(mut self, index: usize) -> Self {
        self.push_index(index);
        self
    }

    /// This pointer followed by every segment of `tail`.
    #[must_use]
    pub fn join(mut self, tail: &Pointer) -> Self {
        self.segments.extend(tail.segments.iter().cloned());
        self
    }
}

impl fmt::Display for Pointer {
    /// The RFC 6901 string: `""` for the root, else `/` before each escaped token.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for segment in &self.segments {
            f.write_char('/')?;
            fmt::Display::fmt(segment, f)?;
        }
        Ok(())
    }
}

impl PartialEq<str> for Pointer {
    /// Whether `other` is this pointer's RFC 6901 string, compared token by token (no allocation).
    fn eq(&self, other: &str) -> bool {
        if other.is_empty() {
            return self.is_root();
        }
        let Some(rest) = other.strip_prefix('/') else {
            return false;
        };
        let mut tokens = rest.split('/');
        let same = self.segments.iter().all(|segment| {
            tokens.next().is_some_and(|token| match segment {
                Segment::Member(name) => unescape_token(token).is_ok_and(|t| t == name.as_ref()),
                Segment::Index(i) => canonical_index(token) == Some(*i),
            })
        });
        same && tokens.next().is_none()
    }
}

impl PartialEq<&str> for Pointer {
    fn eq(&self, other: &&str) -> bool {
        *self == **other
    }
}

impl PartialEq<Pointer> for &str {
    fn eq(&self, other: &Pointer) -> bool {
        *other == **self
    }
}

impl FromStr for Pointer {
    type Err = PointerError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Pointer::parse(s)
    }
}

impl FromIterator<Segment> for Pointer {
    fn from_iter<I: IntoIterator<Item = Segment>>(iter: I) -> Self {
        Pointer { segments: iter.into_iter().collect() }
    }
}

impl Serialize for Pointer {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Pointer {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = Cow::<str>::deserialize(d)?;
        Pointer::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// Writes `token` escaped as a reference token: `~` as `~0`, `/` as `~1`.
///
/// # Errors
/// Only those of the writer.
pub fn write_escaped(out: &mut impl fmt::Write, token: &str) -> fmt::Result {
    let mut rest = token;
    while let Some(at) = rest.find(['~', '/']) {
        out.write_str(&rest[..at])?;
        out.write_str(if rest.as_bytes()[at] == b'~' { "~0" } else { "~1" })?;
        rest = &rest[at + 1..];
    }
    out.write_str(rest)
}

/// Decodes one reference token (`~1` is `/`, `~0` is `~`).
///
/// # Errors
/// The byte offset within the token of a `~` not followed by `0` or `1`.
pub fn unescape_token(token: &str) -> Result<Cow<'_, str>, usize> {
    if !token.contains('~') {
        return Ok(Cow::Borrowed(token));
    }
    let mut out = String::with_capacity(token.len());
    let mut chars = token.char_indices();
    while let Some((at, c)) = chars.next() {
        if c == '~' {
            match chars.next() {
                Some((_, '0')) => out.push('~'),
                Some((_, '1')) => out.push('/'),
                _ => return Err(at),
            }
        } else {
            out.push(c);
        }
    }
    Ok(Cow::Owned(out))
}

/// The index a token names when it is a canonical array index: `0`, or digits without a leading
/// zero.
pub fn canonical_index(token: &str) -> Option<usize> {
    let canonical = token == "0" || (!token.is_empty() && !token.starts_with('0'));
    if canonical && token.bytes().all(|b| b.is_ascii_digit()) {
        token.parse().ok()
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn root_and_simple_paths() {
        assert_eq!(Pointer::root().to_string(), "");
        let p = Pointer::parse("/contactDetails/contactPersons/0/email").unwrap();
        assert_eq!(
            p.segments(),
            [
                Segment::Member("contactDetails".into()),
                Segment::Member("contactPersons".into()),
                Segment::Index(0),
                Segment::Member("email".into()),
            ]
        );
        assert_eq!(p.parent().unwrap().to_string(), "/contactDetails/contactPersons/0");
        assert_eq!(Pointer::root().parent(), None);
    }

    #[test]
    fn escapes_both_ways() {
        let p = Pointer::parse("/a~1b/~0~1/c~01").unwrap();
        assert_eq!(p.segments()[0], Segment::Member("a/b".into()));
        assert_eq!(p.segments()[1], Segment::Member("~/".into()));
        assert_eq!(p.segments()[2], Segment::Member("c~1".into()));
        assert_eq!(p.to_string(), "/a~1b/~0~1/c~01");
        assert_eq!(Pointer::parse("/a/~x"), Err(PointerError::BadEscape { position: 3 }));
        assert_eq!(Pointer::parse("/a~"), Err(PointerError::BadEscape { position: 2 }));
        assert_eq!(Pointer::parse("x"), Err(PointerError::NoLeadingSlash));
    }

    #[test]
    fn indices_are_canonical() {
        assert_eq!(Pointer::parse("/0").unwrap().segments(), [Segment::Index(0)]);
        assert_eq!(Pointer::parse("/10").unwrap().segments(), [Segment::Index(10)]);
        assert_eq!(Pointer::parse("/01").unwrap().segments(), [Segment::Member("01".into())]);
        assert_eq!(Pointer::parse("/-").unwrap().segments(), [Segment::Member("-".into())]);
        assert_eq!(Pointer::parse("/").unwrap().segments(), [Segment::Member("".into())]);
        assert_eq!(
            Pointer::parse("/99999999999999999999999").unwrap().segments(),
            [Segment::Member("99999999999999999999999".into())]
        );
    }

    #[test]
    fn prefixes_are_by_segment() {
        let p = Pointer::parse("/ab/c").unwrap();
        assert!(p.starts_with(&Pointer::parse("/ab").unwrap()));
        assert!(!p.starts_with(&Pointer::parse("/a").unwrap()));
        assert!(p.starts_with(&Pointer::root()));
        assert!(p.starts_with(&p));
    }

    #[test]
    fn serde_uses_the_string_form() {
        let p = Pointer::root().member("incident").member("a/b");
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(json, r#""/incident/a~1b""#);
        assert_eq!(serde_json::from_str::<Pointer>(&json).unwrap(), p);
        assert!(serde_json::from_str::<Pointer>(r#""nope""#).is_err());
    }

    proptest! {
        /// Any string that parses prints back as itself, and any pointer built from segments parses
        /// back to the same segments (member names that look like indices aside).
        #[test]
        fn round_trips(text in "(/([a-z~/01]|~0|~1){0,4}){0,5}") {
            if let Ok(p) = Pointer::parse(&text) {
                prop_assert_eq!(p.to_string(), text);
            }
        }

        #[test]
        fn built_pointers_parse_back(names in proptest::collection::vec("[a-zA-Z~/]{0,6}", 0..6), index in 0usize..1000) {
            let mut p = Pointer::root();
            for n in &names {
                p.push_member(n.clone());
            }
            p.push_index(index);
            prop_assert_eq!(Pointer::parse(&p.to_string()).unwrap(), p);
        }
    }
}
