//! Reading that knows where it is, and can read past values known to be at fault.
//!
//! [`Tracked`] wraps a deserializer the way [`ObjectOnly`](crate::wire::object_only::ObjectOnly) does
//! (structs only from JSON objects), and also
//!
//! - keeps the JSON pointer of the value being read, and records where the first error arose
//!   (the innermost value being read);
//! - skips the values at a set of pointers, as if they were absent: an object member is read and
//!   dropped with its key, a list element is read and dropped (later elements keep their original
//!   indices in pointers); `schemaVersion` is read as the current version instead.
//!
//! Reading every problem of a document is then: read, note where it fails, read again skipping that
//! value, and so on — each time from the bytes, without building a `serde_json::Value`.

use std::borrow::Cow;
use std::cell::RefCell;
use std::fmt;

use serde::de::value::{BorrowedStrDeserializer, StrDeserializer};
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use crate::notification::SCHEMA_VERSION;
use crate::wire::pointer::{Pointer, Segment};

/// The state shared by every wrapper of one reading.
#[derive(Debug, Default)]
pub(crate) struct Track {
    /// The pointer of the value being read.
    path: RefCell<Pointer>,
    /// Where the first error arose.
    error_at: RefCell<Option<Pointer>>,
    /// Pointers of values to read past.
    skip: Vec<Pointer>,
    /// Lists from which an element was skipped.
    shortened: RefCell<Vec<Pointer>>,
}

impl Track {
    /// Reading that skips the values at these pointers.
    pub(crate) fn skipping(skip: Vec<Pointer>) -> Self {
        Track { skip, ..Track::default() }
    }

    /// Where the first error arose (the root for the document itself).
    pub(crate) fn error_at(&self) -> Pointer {
        self.error_at.borrow().clone().unwrap_or_default()
    }

    /// The lists from which an element was skipped, each once.
    pub(crate) fn shortened_lists(&self) -> Vec<Pointer> {
        self.shortened.borrow().clone()
    }

    /// Whether the document's `schemaVersion` is to be read as the current version.
    fn replaces_schema_version(&self) -> bool {
        self.skip
            .iter()
            .any(|p| p.len() == 1 && p.last().and_then(Segment::as_member) == Some("schemaVersion"))
    }

    /// Whether the child of the current value at `step` is one of the values to skip (compared
    /// segment by segment, without building its pointer).
    fn skips_child(&self, step: Step<'_>) -> bool {
        if self.skip.is_empty() {
            return false;
        }
        let path = self.path.borrow();
        self.skip.iter().any(|p| {
            p.len() == path.len() + 1
                && p.starts_with_segments(path.segments())
                && match (step, p.last()) {
                    (Step::Key(k), Some(Segment::Member(m))) => m == k,
                    (Step::Index(i), Some(Segment::Index(j))) => i == *j,
                    _ => false,
                }
        })
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

/// A step from a value to a member or element, as read from the document.
#[derive(Clone, Copy)]
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// The segment of a member: the struct's own name for it when it has one (no allocation), else
/// the name read.
fn member(fields: &'static [&'static str], key: &str) -> Segment {
    match fields.iter().find(|f| **f == key) {
        Some(name) => Segment::Member(Cow::Borrowed(name)),
        None => Segment::Member(Cow::Owned(key.to_owned())),
    }
}

/// A deserializer that reads structs only from maps, tracks its place and skips values.
pub(crate) struct Tracked<'t, D>(pub(crate) D, pub(crate) &'t Track);

/// A visitor whose nested deserializers are wrapped.
struct Wrap<'t, V>(V, &'t Track, &'static [&'static str]);

macro_rules! forward_deserialize {
    ($($method:ident),+ $(,)?) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
            self.0.$method(Wrap(visitor, self.1, &[]))
        }
    )+};
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for Tracked<'_, D> {
    type Error = D::Error;

    forward_deserialize! {
        deserialize_any, deserialize_bool, deserialize_i8, deserialize_i16, deserialize_i32,
        deserialize_i64, deserialize_i128, deserialize_u8, deserialize_u16, deserialize_u32,
        deserialize_u64, deserialize_u128, deserialize_f32, deserialize_f64, deserialize_char,
        deserialize_str, deserialize_string, deserialize_bytes, deserialize_byte_buf,
        deserialize_option, deserialize_unit, deserialize_seq, deserialize_map,
        deserialize_identifier, deserialize_ignored_any,
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

impl<'de, V: Visitor<'de>> Visitor<'de> for Wrap<'_, V> {
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
        self.0.visit_seq(Seq { inner: seq, track: self.1, index: 0 })
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        let root = self.1.path.borrow().is_root();
        self.0.visit_map(Map {
            inner: map,
            track: self.1,
            fields: self.2,
            key: None,
            root,
            seen_schema_version: false,
            supplying: false,
        })
    }

    /// The model has no data-carrying enums (option codes are strings).
    fn visit_enum<A: de::EnumAccess<'de>>(self, data: A) -> Result<V::Value, A::Error> {
        self.0.visit_enum(data)
    }
}

/// A seed whose deserializer is wrapped.
struct Seed<'t, S>(S, &'t Track);

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Seed<'_, S> {
    type Value = S::Value;
    /// An error in reading the value itself is noted at the value.
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        let track = self.1;
        self.0.deserialize(Tracked(d, track)).inspect_err(|_| track.note_error())
    }
}

/// A list: elements keep their original index in pointers; skipped ones are read and dropped.
struct Seq<'t, A> {
    inner: A,
    track: &'t Track,
    index: usize,
}

impl<'de, A: SeqAccess<'de>> SeqAccess<'de> for Seq<'_, A> {
    type Error = A::Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, A::Error> {
        let track = self.track;
        if !track.skip.is_empty() {
            while track.skips_child(Step::Index(self.index)) {
                let skipped =
                    track.within(Segment::Index(self.index), || self.inner.next_element::<IgnoredAny>())?;
                if skipped.is_none() {
                    return Ok(None);
                }
                let list = track.path.borrow().clone();
                let mut shortened = track.shortened.borrow_mut();
                if !shortened.contains(&list) {
                    shortened.push(list);
                }
                self.index += 1;
            }
        }
        let index = self.index;
        self.index += 1;
        track.within(Segment::Index(index), || self.inner.next_element_seed(Seed(seed, track)))
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}

/// An object: skipped members are read and dropped with their key; a skipped `schemaVersion` is
/// read as the current version, and supplied when missing.
struct Map<'t, 'de, A> {
    inner: A,
    track: &'t Track,
    /// The struct's member names.
    fields: &'static [&'static str],
    /// The key of the value to be read next.
    key: Option<Key<'de>>,
    /// Whether this is the document's own object.
    root: bool,
    seen_schema_version: bool,
    /// The next value is the supplied schema version, not in the document.
    supplying: bool,
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

impl<'de, A: MapAccess<'de>> Map<'_, 'de, A> {
    /// Whether the schema version is to be read as the current one.
    fn replaces_schema_version(&self) -> bool {
        self.root && self.track.replaces_schema_version()
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Map<'_, 'de, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, A::Error> {
        let track = self.track;
        loop {
            let key = match self.inner.next_key_seed(KeyVisitor) {
                Ok(k) => k,
                Err(e) => {
                    track.note_error();
                    return Err(e);
                }
            };
            let Some(key) = key else {
                if self.replaces_schema_version() && !self.seen_schema_version {
                    // Supply the missing version, so that the rest of the document can be read.
                    self.seen_schema_version = true;
                    self.supplying = true;
                    self.key = Some(Key::Borrowed("schemaVersion"));
                    let de = BorrowedStrDeserializer::<A::Error>::new("schemaVersion");
                    return seed.deserialize(de).map(Some).inspect_err(|_| track.note_error());
                }
                return Ok(None);
            };
            if self.root && key.as_str() == "schemaVersion" {
                self.seen_schema_version = true;
            }
            let skipped =
                !(self.root && key.as_str() == "schemaVersion") && track.skips_child(Step::Key(key.as_str()));
            if skipped {
                track.within(member(self.fields, key.as_str()), || self.inner.next_value::<IgnoredAny>())?;
                continue;
            }
            let value = match &key {
                Key::Borrowed(s) => seed.deserialize(BorrowedStrDeserializer::<A::Error>::new(s)),
                Key::Owned(s) => seed.deserialize(StrDeserializer::<A::Error>::new(s)),
            };
            self.key = Some(key);
            return value.map(Some).inspect_err(|_| track.note_error());
        }
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, A::Error> {
        let track = self.track;
        let key = self.key.take();
        let key = key.as_ref().map_or("", Key::as_str);
        if self.root && key == "schemaVersion" && self.replaces_schema_version() {
            let supplied = std::mem::take(&mut self.supplying);
            return track.within(member(self.fields, key), || {
                if !supplied {
                    self.inner.next_value::<IgnoredAny>()?;
                }
                seed.deserialize(StrDeserializer::<A::Error>::new(SCHEMA_VERSION))
            });
        }
        track.within(member(self.fields, key), || self.inner.next_value_seed(Seed(seed, track)))
    }

    fn size_hint(&self) -> Option<usize> {
        self.inner.size_hint()
    }
}
