//! A document read once into a borrowed tree, and probes that read one value of it as the model
//! would: the means by which every reading problem is found in one pass.
//!
//! The derived `Deserialize` code stops at the first problem, and what it has read so far is lost.
//! So the reader first reads the document into a [`Node`] tree (strings borrowed from the input),
//! then asks, value by value, whether the value reads where it stands: a *probe* reads a
//! notification made of that one value and the members that lead to it ([`probe`]). A value that
//! reads is done with; one that does not is either at fault itself (it is set aside) or holds the
//! values at fault (its members or elements are probed in turn). See [`find_problems`]. The tree
//! with every value at fault removed is then read as the remainder ([`remainder`]).

use std::borrow::Cow;
use std::fmt;

use serde::de::value::{BorrowedStrDeserializer, StrDeserializer};
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Unexpected, Visitor};
use serde::Deserialize;

use crate::values::error::FieldError;
use crate::wire::pointer::{Pointer, Segment};
use crate::wire::read::Document;

/// A JSON value, strings and member names borrowed from the input where they have no escapes.
#[derive(Debug, Clone)]
pub(crate) enum Node<'de> {
    Null,
    Bool(bool),
    U64(u64),
    I64(i64),
    F64(f64),
    Str(Cow<'de, str>),
    Array(Vec<Node<'de>>),
    Object(Vec<(Cow<'de, str>, Node<'de>)>),
}

const EMPTY_ARRAY: Node<'static> = Node::Array(Vec::new());
const EMPTY_OBJECT: Node<'static> = Node::Object(Vec::new());

impl<'de> Node<'de> {
    /// What serde calls this value in "invalid type: …" (as serde_json does).
    fn unexpected(&self) -> Unexpected<'_> {
        match self {
            Node::Null => Unexpected::Unit,
            Node::Bool(b) => Unexpected::Bool(*b),
            Node::U64(n) => Unexpected::Unsigned(*n),
            Node::I64(n) => Unexpected::Signed(*n),
            Node::F64(x) => Unexpected::Float(*x),
            Node::Str(s) => Unexpected::Str(s),
            Node::Array(_) => Unexpected::Seq,
            Node::Object(_) => Unexpected::Map,
        }
    }
}

impl<'de> Deserialize<'de> for Node<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node<'de>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Node<'de>, E> {
        Ok(Node::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Node<'de>, E> {
        Ok(Node::Null)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Node<'de>, E> {
        Ok(Node::Bool(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Node<'de>, E> {
        Ok(Node::U64(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Node<'de>, E> {
        Ok(Node::I64(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Node<'de>, E> {
        Ok(Node::F64(v))
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Node<'de>, E> {
        Ok(Node::Str(Cow::Borrowed(v)))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Node<'de>, E> {
        Ok(Node::Str(Cow::Owned(v.to_owned())))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Node<'de>, E> {
        Ok(Node::Str(Cow::Owned(v)))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node<'de>, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Node::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node<'de>, A::Error> {
        let mut members = Vec::new();
        while let Some(key) = map.next_key_seed(KeySeed)? {
            members.push((key, map.next_value()?));
        }
        Ok(Node::Object(members))
    }
}

/// A member name, borrowed when it has no escapes.
struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Cow<'de, str>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Cow<'de, str>, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Cow<'de, str>;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Borrowed(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Cow<'de, str>, E> {
        Ok(Cow::Owned(v.to_owned()))
    }
}

type Error = serde_json::Error;

/// Reads a [`Node`] as the model's types ask for it, with the reader's rule that a struct is read
/// only from an object; the errors are serde_json's, worded as serde_json words them.
#[derive(Clone, Copy)]
struct NodeDe<'a, 'de>(&'a Node<'de>);

impl<'de> NodeDe<'_, 'de> {
    fn invalid<V: Visitor<'de>, T>(self, visitor: &V) -> Result<T, Error> {
        Err(de::Error::invalid_type(self.0.unexpected(), visitor))
    }
}

macro_rules! as_any {
    ($($method:ident),+ $(,)?) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            self.deserialize_any(visitor)
        }
    )+};
}

impl<'de> Deserializer<'de> for NodeDe<'_, 'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Node::Null => visitor.visit_unit(),
            Node::Bool(b) => visitor.visit_bool(*b),
            Node::U64(n) => visitor.visit_u64(*n),
            Node::I64(n) => visitor.visit_i64(*n),
            Node::F64(x) => visitor.visit_f64(*x),
            Node::Str(Cow::Borrowed(s)) => visitor.visit_borrowed_str(s),
            Node::Str(Cow::Owned(s)) => visitor.visit_str(s),
            Node::Array(items) => visitor.visit_seq(Elements(items.iter())),
            Node::Object(members) => visitor.visit_map(Members { members: members.iter(), value: None }),
        }
    }

    as_any! {
        deserialize_bool, deserialize_i8, deserialize_i16, deserialize_i32, deserialize_i64,
        deserialize_i128, deserialize_u8, deserialize_u16, deserialize_u32, deserialize_u64,
        deserialize_u128, deserialize_f32, deserialize_f64, deserialize_char, deserialize_str,
        deserialize_string, deserialize_bytes, deserialize_byte_buf, deserialize_unit,
        deserialize_identifier,
    }

    /// `null` is never a value: refused ([`FieldError::Null`]), not read as absent.
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Node::Null => Err(crate::values::error::reject(FieldError::Null)),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_any(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Node::Array(_) => self.deserialize_any(visitor),
            _ => self.invalid(&visitor),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Node::Object(_) => self.deserialize_any(visitor),
            _ => self.invalid(&visitor),
        }
    }

    /// A struct is read from an object only, never from an array.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_map(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.0 {
            Node::Str(s) => visitor.visit_enum(StrDeserializer::<Error>::new(s)),
            _ => self.invalid(&visitor),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }
}

struct Elements<'a, 'de>(std::slice::Iter<'a, Node<'de>>);

impl<'de> SeqAccess<'de> for Elements<'_, 'de> {
    type Error = Error;
    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Error> {
        self.0.next().map(|n| seed.deserialize(NodeDe(n))).transpose()
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

struct Members<'a, 'de> {
    members: std::slice::Iter<'a, (Cow<'de, str>, Node<'de>)>,
    value: Option<&'a Node<'de>>,
}

impl<'de> MapAccess<'de> for Members<'_, 'de> {
    type Error = Error;
    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        let Some((key, value)) = self.members.next() else {
            return Ok(None);
        };
        self.value = Some(value);
        key_de(key, seed).map(Some)
    }
    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(NodeDe(self.value.take().unwrap_or(&Node::Null)))
    }
}

fn key_de<'de, K: DeserializeSeed<'de>>(key: &Cow<'de, str>, seed: K) -> Result<K::Value, Error> {
    match key {
        Cow::Borrowed(s) => seed.deserialize(BorrowedStrDeserializer::<Error>::new(s)),
        Cow::Owned(s) => seed.deserialize(StrDeserializer::<Error>::new(s)),
    }
}

/// One step from a value to a member or element of it.
#[derive(Debug, Clone, Copy)]
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// A document made of one value and the members (or single elements) that lead to it, with the
/// document's required root members supplied ([`Document::SUPPLIED`]; empty below the root).
#[derive(Clone, Copy)]
struct Skeleton<'a, 'de> {
    path: &'a [Step<'a>],
    leaf: &'a Node<'de>,
    supplied: &'static [(&'static str, &'static str)],
}

impl<'de> Skeleton<'_, 'de> {
    fn present<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let Some((first, rest)) = self.path.split_first() else {
            return NodeDe(self.leaf).deserialize_any(visitor);
        };
        let next = Skeleton { path: rest, leaf: self.leaf, supplied: &[] };
        match *first {
            Step::Key(key) => visitor.visit_map(SkeletonMap {
                supplied: self.supplied.iter(),
                value: None,
                key: Some(key),
                next,
            }),
            Step::Index(_) => visitor.visit_seq(SkeletonSeq(Some(next))),
        }
    }
}

macro_rules! present {
    ($($method:ident),+ $(,)?) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
            match self.path {
                [] => NodeDe(self.leaf).$method(visitor),
                _ => self.present(visitor),
            }
        }
    )+};
}

impl<'de> Deserializer<'de> for Skeleton<'_, 'de> {
    type Error = Error;

    present! {
        deserialize_any, deserialize_bool, deserialize_i8, deserialize_i16, deserialize_i32,
        deserialize_i64, deserialize_i128, deserialize_u8, deserialize_u16, deserialize_u32,
        deserialize_u64, deserialize_u128, deserialize_f32, deserialize_f64, deserialize_char,
        deserialize_str, deserialize_string, deserialize_bytes, deserialize_byte_buf,
        deserialize_unit, deserialize_seq, deserialize_map, deserialize_identifier,
        deserialize_ignored_any,
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.path {
            [] => NodeDe(self.leaf).deserialize_option(visitor),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.path {
            [] => NodeDe(self.leaf).deserialize_unit_struct(name, visitor),
            _ => self.present(visitor),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.path {
            [] => NodeDe(self.leaf).deserialize_newtype_struct(name, visitor),
            _ => visitor.visit_newtype_struct(self),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, len: usize, visitor: V) -> Result<V::Value, Error> {
        match self.path {
            [] => NodeDe(self.leaf).deserialize_tuple(len, visitor),
            _ => self.present(visitor),
        }
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.path {
            [] => NodeDe(self.leaf).deserialize_tuple_struct(name, len, visitor),
            _ => self.present(visitor),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.path {
            [] => NodeDe(self.leaf).deserialize_struct(name, fields, visitor),
            _ => self.present(visitor),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.path {
            [] => NodeDe(self.leaf).deserialize_enum(name, variants, visitor),
            _ => self.present(visitor),
        }
    }
}

struct SkeletonMap<'a, 'de> {
    /// The supplied members still to come (the one probed excepted).
    supplied: std::slice::Iter<'static, (&'static str, &'static str)>,
    /// The value of the supplied member just named.
    value: Option<&'static str>,
    key: Option<&'a str>,
    next: Skeleton<'a, 'de>,
}

impl<'de> MapAccess<'de> for SkeletonMap<'_, 'de> {
    type Error = Error;
    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        let key = self.key;
        if let Some(&(name, value)) = self.supplied.by_ref().find(|(name, _)| Some(*name) != key) {
            self.value = Some(value);
            return seed.deserialize(BorrowedStrDeserializer::<Error>::new(name)).map(Some);
        }
        match self.key {
            Some(key) => seed.deserialize(StrDeserializer::<Error>::new(key)).map(Some),
            None => Ok(None),
        }
    }
    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value, Error> {
        if let Some(value) = self.value.take() {
            return seed.deserialize(BorrowedStrDeserializer::<Error>::new(value));
        }
        self.key = None;
        seed.deserialize(self.next)
    }
}

struct SkeletonSeq<'a, 'de>(Option<Skeleton<'a, 'de>>);

impl<'de> SeqAccess<'de> for SkeletonSeq<'_, 'de> {
    type Error = Error;
    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Error> {
        self.0.take().map(|s| seed.deserialize(s)).transpose()
    }
}

/// Whether the value `leaf` at `path` reads as the model reads it there; if not, the error and
/// the value error behind it.
fn probe<T: Document>(path: &[Step<'_>], leaf: &Node<'_>) -> Result<(), (Error, Option<FieldError>)> {
    T::deserialize(Skeleton { path, leaf, supplied: T::SUPPLIED }).map(drop).map_err(|e| {
        let field = crate::values::error::take_rejected(&e.to_string());
        (e, field)
    })
}

/// A problem found: the pointer of the value at fault (the value is set aside) and serde's error.
pub(crate) struct Problem {
    /// The pointer of the value at fault, the root only for a member missing from the document.
    pub pointer: Pointer,
    pub error: Error,
    /// The value error behind `error`, when a value type raised one.
    pub field: Option<FieldError>,
}

/// The most values set aside in one document: past them the search stops, and there is no
/// remainder (a document with that many problems is not a notification gone slightly wrong).
const MAX_SET_ASIDE: usize = 10 * crate::wire::limits::MAX_PARSE_ERRORS;

/// Every value of `root` (a document's object) that does not read where it stands, in the order
/// reading the document once per problem found them: document order, a list's or object's own
/// problem after those of its elements or members. Also whether the search was complete (it stops
/// after [`MAX_SET_ASIDE`] problems).
pub(crate) fn find_problems<T: Document>(root: &Node<'_>) -> (Vec<Problem>, bool) {
    let mut search = Search { problems: Vec::new(), path: Vec::new(), probe: probe::<T> };
    if let Node::Object(members) = root {
        search.members(members);
        for &(name, _) in T::SUPPLIED {
            if !members.iter().any(|(k, _)| k == name) {
                // Reported at the document, as serde does; the pointer names the member.
                search.problems.push(Problem {
                    pointer: Pointer::root(),
                    error: de::Error::missing_field(name),
                    field: None,
                });
            }
        }
    }
    let complete = !search.full();
    (search.problems, complete)
}

/// [`probe`] for one document type.
type Probe = fn(&[Step<'_>], &Node<'_>) -> Result<(), (Error, Option<FieldError>)>;

struct Search<'a> {
    problems: Vec<Problem>,
    path: Vec<Step<'a>>,
    probe: Probe,
}

impl<'a> Search<'a> {
    fn full(&self) -> bool {
        self.problems.len() >= MAX_SET_ASIDE
    }

    fn pointer(&self) -> Pointer {
        let mut p = Pointer::root();
        for step in &self.path {
            match *step {
                Step::Key(k) => p.push_member(k.to_owned()),
                Step::Index(i) => p.push_index(i),
            }
        }
        p
    }

    fn set_aside(&mut self, (error, field): (Error, Option<FieldError>)) {
        let pointer = self.pointer();
        self.problems.push(Problem { pointer, error, field });
    }

    /// The members of an object, each probed where it stands; a repeated member is a problem
    /// unless the first was set aside (then both are).
    fn members(&mut self, members: &'a [(Cow<'_, str>, Node<'_>)]) {
        for (i, (key, value)) in members.iter().enumerate() {
            if self.full() {
                return;
            }
            let key: &'a str = key;
            if members[..i].iter().any(|(k, _)| k == key) {
                self.path.push(Step::Key(key));
                let pointer = self.pointer();
                self.path.pop();
                if !self.problems.iter().any(|p| p.pointer == pointer) {
                    self.problems.push(Problem {
                        pointer,
                        error: de::Error::custom(format_args!("duplicate field `{key}`")),
                        field: None,
                    });
                }
                continue;
            }
            self.path.push(Step::Key(key));
            self.value(value);
            self.path.pop();
        }
    }

    /// Probes the value at the current path; returns whether it is kept (not set aside itself).
    fn value(&mut self, node: &'a Node<'_>) -> bool {
        if self.full() {
            return true;
        }
        let Err(error) = (self.probe)(&self.path, node) else {
            return true;
        };
        let empty = match node {
            Node::Array(_) => &EMPTY_ARRAY,
            Node::Object(_) => &EMPTY_OBJECT,
            _ => {
                self.set_aside(error);
                return false;
            }
        };
        crate::model::limits::take_list_limit();
        if (self.probe)(&self.path, empty).is_err() {
            // Not the kind of value wanted here (or not wanted at all).
            self.set_aside(error);
            return false;
        }
        let limit = crate::model::limits::take_list_limit();
        let before = self.problems.len();
        match node {
            Node::Object(members) => self.members(members),
            Node::Array(items) => {
                let mut kept = 0;
                for (i, item) in items.iter().enumerate() {
                    if self.full() {
                        break;
                    }
                    self.path.push(Step::Index(i));
                    let keep = self.value(item);
                    self.path.pop();
                    kept += usize::from(keep);
                    if let Some(max) = limit.filter(|&max| kept > max) {
                        let fe = FieldError::TooManyItems { max };
                        self.set_aside((de::Error::custom(&fe), Some(fe)));
                        return false;
                    }
                }
                if self.problems.len() > before && limit.is_none() {
                    // The list as a whole (a set of options, say) may still be at fault: read it
                    // again without the elements set aside.
                    return self.list_without_set_aside(items, before);
                }
            }
            _ => {}
        }
        if self.problems.len() == before {
            // Every part reads on its own: the value is at fault as a whole.
            self.set_aside(error);
            return false;
        }
        true
    }

    /// Whether the list reads without its elements set aside since problem `since`; if not, the
    /// list is set aside too.
    fn list_without_set_aside(&mut self, items: &'a [Node<'_>], since: usize) -> bool {
        let list = self.pointer();
        let aside: Vec<usize> = self.problems[since..]
            .iter()
            .filter(|p| p.pointer.len() == list.len() + 1 && p.pointer.starts_with(&list))
            .filter_map(|p| p.pointer.last().and_then(Segment::as_index))
            .collect();
        let only_whole_elements = self.problems[since..].len() == aside.len();
        if !only_whole_elements {
            // Problems within elements: the list's own reading is checked by the final reading.
            return true;
        }
        let rest = Node::Array(
            items
                .iter()
                .enumerate()
                .filter(|(i, _)| aside.binary_search(i).is_err())
                .map(|(_, n)| n.clone())
                .collect(),
        );
        match (self.probe)(&self.path, &rest) {
            Ok(()) => {}
            Err(problem) => {
                self.set_aside(problem);
                return false;
            }
        }
        true
    }
}

/// The remainder: `tree` with the values at `pointers` set aside (members removed, list elements
/// removed, the required root members such as `schemaVersion` read with their current value), read
/// as the document. Also the lists whose later elements moved. `None` when it still does not read.
pub(crate) fn remainder<T: Document>(mut tree: Node<'_>, pointers: &[Pointer]) -> Option<(T, Vec<Pointer>)> {
    let mut pointers: Vec<&Pointer> = pointers.iter().collect();
    // Later list elements first, so that removing one does not move the others.
    pointers.sort_by(|a, b| b.cmp(a));
    pointers.dedup();
    let mut shifted: Vec<Pointer> = Vec::new();
    // The pointers are sorted, so those of one parent come together: each object or list is
    // rewritten once.
    let mut rest = &pointers[..];
    while let Some((first, _)) = rest.split_first() {
        let Some((_, parent)) = first.segments().split_last() else {
            rest = &rest[1..];
            continue;
        };
        let same =
            rest.iter().take_while(|p| p.segments().split_last().is_some_and(|(_, q)| q == parent)).count();
        let (group, later) = rest.split_at(same.max(1));
        rest = later;
        let Some(node) = descend(&mut tree, parent) else {
            continue;
        };
        match node {
            Node::Object(members) => {
                let names: Vec<&str> =
                    group.iter().filter_map(|p| p.last().and_then(Segment::as_member)).collect();
                members.retain(|(k, _)| !names.contains(&k.as_ref()));
                if parent.is_empty() {
                    for &(name, value) in T::SUPPLIED.iter().filter(|(name, _)| names.contains(name)) {
                        members.push((Cow::Borrowed(name), Node::Str(Cow::Borrowed(value))));
                    }
                }
            }
            Node::Array(items) => {
                let mut indices: Vec<usize> =
                    group.iter().filter_map(|p| p.last().and_then(Segment::as_index)).collect();
                indices.sort_unstable();
                let before = items.len();
                let mut i = 0;
                items.retain(|_| {
                    i += 1;
                    indices.binary_search(&(i - 1)).is_err()
                });
                let list: Pointer = parent.iter().cloned().collect();
                if items.len() < before && !shifted.contains(&list) {
                    shifted.push(list);
                }
            }
            _ => {}
        }
    }
    let n = T::deserialize(NodeDe(&tree)).ok()?;
    Some((n, shifted))
}

/// The value at `path` (the first member of a name).
fn descend<'t, 'de>(node: &'t mut Node<'de>, path: &[Segment]) -> Option<&'t mut Node<'de>> {
    let Some((first, rest)) = path.split_first() else {
        return Some(node);
    };
    let child = match (node, first) {
        (Node::Object(members), Segment::Member(name)) => {
            members.iter_mut().find(|(k, _)| k == name).map(|(_, v)| v)?
        }
        (Node::Array(items), Segment::Index(i)) => items.get_mut(*i)?,
        _ => return None,
    };
    descend(child, rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(text: &str) -> Node<'_> {
        let mut de = serde_json::Deserializer::from_str(text);
        Node::deserialize(&mut de).unwrap()
    }

    #[test]
    fn every_null_is_a_problem_at_its_own_pointer() {
        let text = r#"{"schemaVersion":"1.0","controller":{"name":null,"internalReference":null},
            "dataAndSubjects":{"subjectGroups":["employees",null],"subjectCount":{"exact":null}},
            "consequences":{"actions":null}}"#;
        let (problems, complete) = find_problems::<crate::Notification>(&tree(text));
        assert!(complete);
        let found: Vec<String> = problems.iter().map(|p| p.pointer.to_string()).collect();
        assert_eq!(
            found,
            [
                "/controller/name",
                "/controller/internalReference",
                "/dataAndSubjects/subjectGroups/1",
                "/dataAndSubjects/subjectCount/exact",
                "/consequences/actions",
            ]
        );
        // An optional member's null is refused by the tree's own reading ([`FieldError::Null`]);
        // a list element's by serde as a wrong type, which the reader words the same way.
        assert_eq!(problems[1].field, Some(FieldError::Null));
        assert!(problems[2].error.to_string().starts_with("invalid type: null,"), "{}", problems[2].error);
        // With the nulls set aside, the rest reads.
        let pointers: Vec<Pointer> = problems.iter().map(|p| p.pointer.clone()).collect();
        let (n, _) = remainder::<crate::Notification>(tree(text), &pointers).expect("the rest reads");
        assert!(n.controller.internal_reference.is_none());
    }
}
