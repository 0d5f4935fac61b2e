//! Reading one answer of a notification without building JSON: a serializer that follows the path
//! of a [`Field`] through what the model serialises and says whether something is written there,
//! how many elements it has and whether it is (or includes) a given option code. Only the members
//! along the path are serialised; nothing is allocated.

use serde::ser::{self, Serialize, Serializer};

use super::{Field, Kind};

/// One step of a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Seg {
    /// A member of an object.
    Member(&'static str),
    /// An element of a list.
    Index(usize),
}

/// The deepest path the form has: a section, a list, an element, a member, a group and its member.
const MAX_DEPTH: usize = 8;

/// The path of a field in the elements `indices` of its lists, on the stack.
pub(crate) struct Path {
    segs: [Seg; MAX_DEPTH],
    len: usize,
}

impl Path {
    pub(crate) fn of(field: Field, indices: &[usize]) -> Path {
        let mut chain = [field; MAX_DEPTH];
        let mut depth = 0;
        let mut at = Some(field);
        while let Some(f) = at {
            if depth < MAX_DEPTH {
                chain[depth] = f;
                depth += 1;
            }
            at = f.parent();
        }
        let mut path = Path { segs: [Seg::Index(0); MAX_DEPTH], len: 0 };
        let mut k = 0;
        for f in chain[..depth].iter().rev() {
            if f.parent().is_some_and(|p| matches!(p.spec().kind, Kind::List(_))) {
                path.push(Seg::Index(indices.get(k).copied().unwrap_or(0)));
                k += 1;
            }
            path.push(Seg::Member(f.member()));
        }
        path
    }

    fn push(&mut self, seg: Seg) {
        if self.len < MAX_DEPTH {
            self.segs[self.len] = seg;
            self.len += 1;
        }
    }

    pub(crate) fn segs(&self) -> &[Seg] {
        &self.segs[..self.len]
    }
}

/// What the probe found at the end of its path.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Found {
    /// Something is written there (not `null`).
    pub written: bool,
    /// The number of elements of a list there.
    pub len: usize,
    /// The string there, or an element of the list there, is the code asked about.
    pub matched: bool,
}

/// What is written at the field in the elements `indices`.
pub(crate) fn found(n: &crate::Notification, field: Field, indices: &[usize]) -> Found {
    probe(n, Path::of(field, indices).segs(), None)
}

/// Whether the field is, or includes, the option `code`.
pub(crate) fn matches(n: &crate::Notification, field: Field, indices: &[usize], code: &str) -> bool {
    probe(n, Path::of(field, indices).segs(), Some(code)).matched
}

/// What serialising `value` writes at `path`.
pub(crate) fn probe<T: Serialize + ?Sized>(value: &T, path: &[Seg], code: Option<&str>) -> Found {
    value.serialize(Probe { path, code }).unwrap_or_default()
}

/// A serializer that follows `path`. It knows the shapes the model serialises to: structs,
/// sequences, options, newtypes and scalars. Maps, tuples and enums with data are not in the model;
/// they are refused, so that a model that grows one fails the tests against the serialised
/// document instead of being answered wrongly.
struct Probe<'a> {
    path: &'a [Seg],
    code: Option<&'a str>,
}

/// A `Serialize` implementation failed, or the value has a shape the model does not use.
#[derive(Debug)]
pub(crate) struct ProbeError;

impl std::fmt::Display for ProbeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the value could not be followed")
    }
}

impl std::error::Error for ProbeError {}

impl ser::Error for ProbeError {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        ProbeError
    }
}

impl Probe<'_> {
    /// A scalar is written here, and has nothing under it.
    fn scalar(&self) -> Result<Found, ProbeError> {
        Ok(Found { written: self.path.is_empty(), ..Found::default() })
    }
}

/// Follows the path through the members of a struct or the elements of a sequence.
struct Walk<'a> {
    path: &'a [Seg],
    code: Option<&'a str>,
    position: usize,
    found: Found,
}

impl Walk<'_> {
    fn finish(self) -> Result<Found, ProbeError> {
        if self.path.is_empty() {
            Ok(Found { written: true, len: self.position, matched: self.found.matched })
        } else {
            Ok(self.found)
        }
    }
}

macro_rules! probe_scalars {
    ($($method:ident($ty:ty)),* $(,)?) => {
        $(fn $method(self, _: $ty) -> Result<Found, ProbeError> {
            self.scalar()
        })*
    };
}

type Refused = ser::Impossible<Found, ProbeError>;

impl<'a> Serializer for Probe<'a> {
    type Ok = Found;
    type Error = ProbeError;
    type SerializeSeq = Walk<'a>;
    type SerializeTuple = Refused;
    type SerializeTupleStruct = Refused;
    type SerializeTupleVariant = Refused;
    type SerializeMap = Refused;
    type SerializeStruct = Walk<'a>;
    type SerializeStructVariant = Refused;

    refuse_other_shapes!(ProbeError);

    probe_scalars!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_char(char),
        serialize_bytes(&[u8]),
        serialize_unit_struct(&'static str),
    );

    fn serialize_str(self, s: &str) -> Result<Found, ProbeError> {
        let matched = self.path.is_empty() && self.code == Some(s);
        Ok(Found { matched, ..self.scalar()? })
    }

    fn serialize_none(self) -> Result<Found, ProbeError> {
        Ok(Found::default())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Found, ProbeError> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<Found, ProbeError> {
        self.scalar()
    }

    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Result<Found, ProbeError> {
        self.scalar()
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<Found, ProbeError> {
        value.serialize(self)
    }

    /// A string written through `Display` (dates, times, timestamps): a scalar, not built.
    fn collect_str<T: std::fmt::Display + ?Sized>(self, _: &T) -> Result<Found, ProbeError> {
        self.scalar()
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<Found, ProbeError> {
        Err(ProbeError)
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Walk<'a>, ProbeError> {
        Ok(Walk { path: self.path, code: self.code, position: 0, found: Found::default() })
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Walk<'a>, ProbeError> {
        Ok(Walk { path: self.path, code: self.code, position: 0, found: Found::default() })
    }
}

impl ser::SerializeSeq for Walk<'_> {
    type Ok = Found;
    type Error = ProbeError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), ProbeError> {
        match self.path.split_first() {
            None => {
                if self.code.is_some() && probe(value, &[], self.code).matched {
                    self.found.matched = true;
                }
            }
            Some((Seg::Index(i), rest)) if *i == self.position => {
                self.found = probe(value, rest, self.code);
            }
            Some(_) => {}
        }
        self.position += 1;
        Ok(())
    }
    fn end(self) -> Result<Found, ProbeError> {
        self.finish()
    }
}

impl ser::SerializeStruct for Walk<'_> {
    type Ok = Found;
    type Error = ProbeError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), ProbeError> {
        if let Some((Seg::Member(member), rest)) = self.path.split_first() {
            if *member == key {
                self.found = probe(value, rest, self.code);
            }
        }
        Ok(())
    }
    fn end(self) -> Result<Found, ProbeError> {
        // A struct has no elements: its `len` is 0.
        if self.path.is_empty() {
            Ok(Found { written: true, ..Found::default() })
        } else {
            Ok(self.found)
        }
    }
}
