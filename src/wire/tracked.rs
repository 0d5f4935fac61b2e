//! The one deserializer wrapper of the reader: structs are read from JSON objects only, and, when
//! asked, the reader keeps its place and reads past values known to be at fault.
//!
//! serde's derived `Deserialize` for a struct also accepts a sequence, the struct's fields in order,
//! and with `#[serde(default)]` fields even a short one: `["1.0"]` would read as a notification and
//! `"controller": ["Exempelkommunen"]` as a controller, which the wire format and the schema forbid.
//! [`Tracked`] wraps a deserializer, and everything it hands on (visitors, sequences, maps, `Some`
//! and newtype contents), so that every struct is asked for as a map: an array then fails with
//! "invalid type: sequence, expected struct …" at its own pointer.
//!
//! With [`Untracked`] (the fast path) that is all it does: the tracking code below compiles away.
//! With a [`Track`] it also keeps the JSON pointer of the value being read, and records where the
//! first error arose (the innermost value being read).

use std::borrow::Cow;
use std::cell::RefCell;
use std::fmt;

use serde::de::value::{BorrowedStrDeserializer, StrDeserializer};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use crate::values::error::{reject, FieldError};
use crate::wire::pointer::{Pointer, Segment};

/// The state shared by every wrapper of one reading.
#[derive(Debug, Default)]
pub(crate) struct Track {
    /// The pointer of the value being read.
    path: RefCell<Pointer>,
    /// Where the first error arose.
    error_at: RefCell<Option<Pointer>>,
}

impl Track {
    /// Where the first error arose (the root for the document itself).
    pub(crate) fn error_at(&self) -> Pointer {
        self.error_at.borrow().clone().unwrap_or_default()
    }

    fn note_error(&self) {
        let mut at = self.error_at.borrow_mut();
        if at.is_none() {
            *at = Some(self.path.borrow().clone());
        }
    }

    /// Runs `f` with `segment` appended to the path. An error that the value's own reading did not
    /// note (a syntax error between values, say) is noted at the enclosing object or list.
    fn within<T, E>(&self, segment: Segment, f: impl FnOnce() -> Result<T, E>) -> Result<T, E> {
        self.path.borrow_mut().push(segment);
        let result = f();
        self.path.borrow_mut().pop();
        if result.is_err() {
            self.note_error();
        }
        result
    }
}

/// The segment of a member: the struct's own name for it when it has one (no allocation), else
/// the name read.
fn member(fields: &'static [&'static str], key: &str) -> Segment {
    match fields.iter().find(|f| **f == key) {
        Some(name) => Segment::Member(Cow::Borrowed(name)),
        None => Segment::Member(Cow::Owned(key.to_owned())),
    }
}

/// What the wrapper does besides reading structs only from objects: nothing ([`Untracked`]) or
/// keep its place and skip values (a [`Track`]).
pub(crate) trait Tracker<'t>: Copy {
    /// The track; `None`, a constant, for [`Untracked`], so that its wrapper only forwards.
    fn track(self) -> Option<&'t Track>;
}

/// No tracking: structs only from objects, nothing else (the fast path).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Untracked;

impl<'t> Tracker<'t> for Untracked {
    #[inline]
    fn track(self) -> Option<&'t Track> {
        None
    }
}

impl<'t> Tracker<'t> for &'t Track {
    #[inline]
    fn track(self) -> Option<&'t Track> {
        Some(self)
    }
}

/// A deserializer that reads structs only from maps and, with a [`Track`], tracks its place and
/// skips values.
pub(crate) struct Tracked<D, T>(pub(crate) D, pub(crate) T);

/// A visitor whose nested deserializers are wrapped (with the member names, for a struct).
struct Wrap<V, T>(V, T, &'static [&'static str]);

macro_rules! forward_deserialize {
    ($($method:ident),+ $(,)?) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
            self.0.$method(Wrap(visitor, self.1, &[]))
        }
    )+};
}

impl<'de, 't, D: Deserializer<'de>, T: Tracker<'t>> Deserializer<'de> for Tracked<D, T> {
    type Error = D::Error;

    forward_deserialize! {
        deserialize_any, deserialize_bool, deserialize_i8, deserialize_i16, deserialize_i32,
        deserialize_i64, deserialize_i128, deserialize_u8, deserialize_u16, deserialize_u32,
        deserialize_u64, deserialize_u128, deserialize_f32, deserialize_f64, deserialize_char,
        deserialize_str, deserialize_string, deserialize_bytes, deserialize_byte_buf,
        deserialize_unit, deserialize_seq, deserialize_map,
        deserialize_identifier, deserialize_ignored_any,
    }

    /// `null` is never a value: an optional member is left out, and `null` is refused
    /// ([`FieldError::Null`]) rather than read as absent.
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_option(NotNull(Wrap(visitor, self.1, &[])))
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_unit_struct(name, Wrap(visitor, self.1, &[]))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_newtype_struct(name, Wrap(visitor, self.1, &[]))
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, D::Error> {
        self.0.deserialize_tuple(len, Wrap(visitor, self.1, &[]))
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_tuple_struct(name, len, Wrap(visitor, self.1, &[]))
    }

    /// A struct is read as a map, never as a sequence.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_map(Wrap(visitor, self.1, fields))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, D::Error> {
        self.0.deserialize_enum(name, variants, Wrap(visitor, self.1, &[]))
    }

    fn is_human_readable(&self) -> bool {
        self.0.is_human_readable()
    }
}

macro_rules! forward_visit {
    ($($method:ident: $ty:ty),+ $(,)?) => {$(
        fn $method<E: de::Error>(self, v: $ty) -> Result<V::Value, E> {
            self.0.$method(v)
        }
    )+};
}

impl<'de, 't, V: Visitor<'de>, T: Tracker<'t>> Visitor<'de> for Wrap<V, T> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f)
    }

    forward_visit! {
        visit_bool: bool, visit_i8: i8, visit_i16: i16, visit_i32: i32, visit_i64: i64,
        visit_i128: i128, visit_u8: u8, visit_u16: u16, visit_u32: u32, visit_u64: u64,
        visit_u128: u128, visit_f32: f32, visit_f64: f64, visit_char: char, visit_str: &str,
        visit_borrowed_str: &'de str, visit_string: String, visit_bytes: &[u8],
        visit_borrowed_bytes: &'de [u8], visit_byte_buf: Vec<u8>,
    }

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        self.0.visit_none()
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        self.0.visit_unit()
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        self.0.visit_some(Tracked(d, self.1))
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        self.0.visit_newtype_struct(Tracked(d, self.1))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<V::Value, A::Error> {
        self.0.visit_seq(Seq { inner: seq, tracker: self.1, index: 0 })
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.0.visit_map(Map { inner: map, tracker: self.1, fields: self.2, key: None })
    }

    /// The model has no data-carrying enums (option codes are strings).
    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        self.0.visit_enum(data)
    }
}

/// The visitor of an optional value: a value is read as before, `null` is refused.
struct NotNull<V>(V);

impl<'de, V: Visitor<'de>> Visitor<'de> for NotNull<V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.expecting(f)
    }

    fn visit_none<E: de::Error>(self) -> Result<V::Value, E> {
        Err(reject(FieldError::Null))
    }

    fn visit_unit<E: de::Error>(self) -> Result<V::Value, E> {
        Err(reject(FieldError::Null))
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<V::Value, D::Error> {
        self.0.visit_some(d)
    }
}

/// A seed whose deserializer is wrapped.
struct Seed<S, T>(S, T);

impl<'de, 't, S: DeserializeSeed<'de>, T: Tracker<'t>> DeserializeSeed<'de> for Seed<S, T> {
    type Value = S::Value;
    /// An error in reading the value itself is noted at the value.
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        let tracker = self.1;
        self.0.deserialize(Tracked(d, tracker)).inspect_err(|_| {
            if let Some(track) = tracker.track() {
                track.note_error();
            }
        })
    }
}

/// A list: each element read at its index.
struct Seq<A, T> {
    inner: A,
    tracker: T,
    index: usize,
}

impl<'de, 't, A: SeqAccess<'de>, T: Tracker<'t>> SeqAccess<'de> for Seq<A, T> {
    type Error = A::Error;

    fn next_element_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<Option<S::Value>, A::Error> {
        let tracker = self.tracker;
        let Some(track) = tracker.track() else {
            return self.inner.next_element_seed(Seed(seed, tracker));
        };
        let index = self.index;
        self.index += 1;
        track.within(Segment::Index(index), || self.inner.next_element_seed(Seed(seed, tracker)))
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

/// An object: each member read at its name.
struct Map<'de, A, T> {
    inner: A,
    tracker: T,
    /// The struct's member names.
    fields: &'static [&'static str],
    /// The key of the value to be read next.
    key: Option<Key<'de>>,
}

/// An object key as read.
#[derive(Debug)]
enum Key<'de> {
    Borrowed(&'de str),
    Owned(String),
}

impl Key<'_> {
    fn as_str(&self) -> &str {
        match self {
            Key::Borrowed(s) => s,
            Key::Owned(s) => s,
        }
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Key<'de>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
        Ok(Key::Borrowed(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
        Ok(Key::Owned(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Key<'de>, E> {
        Ok(Key::Owned(v))
    }
}

impl<'de> DeserializeSeed<'de> for KeyVisitor {
    type Value = Key<'de>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Key<'de>, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de, 't, A: MapAccess<'de>, T: Tracker<'t>> MapAccess<'de> for Map<'de, A, T> {
    type Error = A::Error;

    /// Keys are member names, never structs: without a track, handed on as they are.
    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, A::Error> {
        let Some(track) = self.tracker.track() else {
            return self.inner.next_key_seed(seed);
        };
        let key = match self.inner.next_key_seed(KeyVisitor) {
            Ok(Some(key)) => key,
            Ok(None) => return Ok(None),
            Err(e) => {
                track.note_error();
                return Err(e);
            }
        };
        let value = match &key {
            Key::Borrowed(s) => seed.deserialize(BorrowedStrDeserializer::<A::Error>::new(s)),
            Key::Owned(s) => seed.deserialize(StrDeserializer::<A::Error>::new(s)),
        };
        self.key = Some(key);
        value.map(Some).inspect_err(|_| track.note_error())
    }

    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, A::Error> {
        let tracker = self.tracker;
        let Some(track) = tracker.track() else {
            return self.inner.next_value_seed(Seed(seed, tracker));
        };
        let key = self.key.take();
        let key = key.as_ref().map_or("", Key::as_str);
        track.within(member(self.fields, key), || self.inner.next_value_seed(Seed(seed, tracker)))
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::{Tracked, Untracked};

    #[derive(Debug, Default, PartialEq, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Inner {
        #[serde(default)]
        a: Option<String>,
    }

    #[derive(Debug, Default, PartialEq, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Outer {
        #[serde(default)]
        inner: Inner,
        #[serde(default)]
        list: Vec<Inner>,
        #[serde(default)]
        maybe: Option<Inner>,
    }

    /// The error's message without its position.
    fn bare(err: &serde_json::Error) -> String {
        let full = err.to_string();
        full.split(" at line ").next().unwrap_or(&full).to_string()
    }

    fn read(text: &str) -> Result<Outer, serde_json::Error> {
        Outer::deserialize(Tracked(&mut serde_json::Deserializer::from_str(text), Untracked))
    }

    #[test]
    fn plain_derive_accepts_arrays_for_structs() {
        // The behaviour the wrapper exists to refuse.
        assert!(serde_json::from_str::<Outer>(r#"[["x"]]"#).is_ok());
    }

    #[test]
    fn objects_are_read_as_before() {
        let o = read(r#"{"inner":{"a":"x"},"list":[{"a":"y"},{}],"maybe":{"a":"z"}}"#).unwrap();
        assert_eq!(o.inner.a.as_deref(), Some("x"));
        assert_eq!(o.list.len(), 2);
        assert_eq!(o.maybe.and_then(|m| m.a).as_deref(), Some("z"));
    }

    #[test]
    fn arrays_are_refused_for_structs_at_every_depth() {
        for text in [r#"[]"#, r#"{"inner":["x"]}"#, r#"{"list":[["y"]]}"#, r#"{"maybe":[]}"#] {
            let err = read(text).unwrap_err();
            assert!(err.to_string().starts_with("invalid type: sequence, expected struct"), "{text}: {err}");
        }
        let v: serde_json::Value = serde_json::from_str(r#"{"list":[{},["y"]]}"#).unwrap();
        let err = Outer::deserialize(Tracked(&v, Untracked)).unwrap_err();
        assert!(err.to_string().contains("expected struct Inner"), "{err}");
    }

    #[test]
    fn null_is_refused_not_read_as_absent() {
        use crate::values::error::FieldError;
        for text in [r#"{"inner":{"a":null}}"#, r#"{"maybe":null}"#, r#"{"list":[{"a":null}]}"#] {
            let err = read(text).unwrap_err();
            assert_eq!(bare(&err), FieldError::Null.to_string(), "{text}");
        }
        // With a track, the error is noted at the member that holds the null.
        let track = super::Track::default();
        let mut de = serde_json::Deserializer::from_str(r#"{"list":[{},{"a":null}]}"#);
        assert!(Outer::deserialize(Tracked(&mut de, &track)).is_err());
        assert_eq!(track.error_at().to_string(), "/list/1/a");
        // Leaving the member out is still fine.
        assert_eq!(read(r#"{"inner":{}}"#).unwrap(), Outer::default());
    }
}
