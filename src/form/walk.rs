//! The walk over a notification: every answered field with its [`Field`], list positions and value,
//! in form order. It is derived, not written per model type: a serializer follows what the model
//! writes and maps each member to its field through the table.

use std::fmt::{self, Write as _};

use serde::ser::{self, Serialize, Serializer};

use super::{Field, Kind};
use crate::model::notification::Notification;
use crate::wire::pointer::Pointer;

/// The value of an answered field, as the wire format writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Value<'a> {
    /// Text a person writes: free text, an e-mail address, a phone number, an organisation number,
    /// a postcode, a pointer.
    Text(&'a str),
    /// An option code (single choice, Ja/Nej, interval, ground) or the schema version.
    Code(&'a str),
    /// A multiple choice with this many options chosen.
    Choices(usize),
    /// A date, `YYYY-MM-DD`.
    Date(&'a str),
    /// A time of day, `HH:MM`.
    Time(&'a str),
    /// A UTC offset.
    UtcOffset(&'a str),
    /// A timestamp (RFC 3339).
    Timestamp(&'a str),
    /// An exact count.
    Count(u64),
    /// A group of fields, with at least one answered (its members follow).
    Group,
    /// A list with this many elements (their fields follow).
    List(usize),
}

/// One answered field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Answered<'a> {
    /// Which answer.
    pub field: Field,
    /// The positions in the lists the field lies in, outermost first.
    pub indices: &'a [usize],
    /// The value.
    pub value: Value<'a>,
}

impl Answered<'_> {
    /// The JSON pointer of the answer.
    pub fn pointer(&self) -> Pointer {
        self.field.pointer_at(self.indices)
    }
}

/// Calls `f` with every answered field of `n`, in form order (a group or list before its members).
/// Nothing is allocated.
///
/// # Example
/// ```
/// use imy_breach::form::{walk, Field, Value};
/// let mut n = imy_breach::Notification::default();
/// n.incident.ongoing = Some(imy_breach::YesNo::No);
/// let mut seen = Vec::new();
/// walk(&n, |a| seen.push((a.field, a.pointer().to_string())));
/// assert!(seen.contains(&(Field::IncidentOngoing, "/incident/ongoing".to_string())));
/// assert!(seen.contains(&(Field::Incident, "/incident".to_string())));
/// ```
pub fn walk(n: &Notification, f: impl FnMut(&Answered<'_>)) {
    walk_kinds(n, |_| true, f);
}

/// [`walk`] over the single values of the kinds `want` accepts (and every group and list): the
/// others are not even serialised, so that a rule that reads texts does not format timestamps.
pub(crate) fn walk_kinds(n: &Notification, want: fn(Kind) -> bool, mut f: impl FnMut(&Answered<'_>)) {
    let mut visit = |field: Field, indices: &[usize], value: Option<Value<'_>>| {
        if let Some(value) = value {
            f(&Answered { field, indices, value });
        }
    };
    let mut at = At { field: None, indices: [0; MAX_LISTS], depth: 0, element: false, want, options: false };
    let _ = n.serialize(Walker { at: &mut at, f: &mut visit });
}

/// Calls `f` with every answered field of `n`, its list positions and, for groups, lists, choices
/// and free texts, its value (the options of a multiple choice each as a code, after the choice);
/// other single values are not read (`None`: nothing is formatted).
pub(crate) fn walk_answered(n: &Notification, mut f: impl FnMut(Field, &[usize], Option<Value<'_>>)) {
    let mut visit = |field: Field, indices: &[usize], value: Option<Value<'_>>| f(field, indices, value);
    let want = |k| matches!(k, Kind::YesNo | Kind::Choice(_) | Kind::ShortText | Kind::LongText);
    let mut at = At { field: None, indices: [0; MAX_LISTS], depth: 0, element: false, want, options: true };
    let _ = n.serialize(Walker { at: &mut at, f: &mut visit });
}

/// What the walkers call: the field, its list positions and its value (`None`: not read).
/// (Generic, not `dyn`: each walk is compiled for its visitor, so that the visitor inlines.)
trait Visit: FnMut(Field, &[usize], Option<Value<'_>>) {}

impl<F: FnMut(Field, &[usize], Option<Value<'_>>)> Visit for F {}

const MAX_LISTS: usize = 2;

/// Where the walk is: the field (`None` at the root) and the list positions.
#[derive(Clone, Copy)]
struct At {
    field: Option<Field>,
    indices: [usize; MAX_LISTS],
    depth: usize,
    /// The next struct is an element of the list `field`, not a group of its own.
    element: bool,
    /// The kinds of single values to visit.
    want: fn(Kind) -> bool,
    /// Whether the options of a multiple choice are visited one by one (as codes).
    options: bool,
}

impl At {
    fn emit(&self, f: &mut impl Visit, value: Value<'_>) {
        if let Some(field) = self.field {
            f(field, &self.indices[..self.depth], Some(value));
        }
    }
    fn kind(&self) -> Option<Kind> {
        self.field.map(|f| f.spec().kind)
    }
}

struct Walker<'a, F: Visit> {
    at: &'a mut At,
    f: &'a mut F,
}

/// A `Serialize` implementation failed, or the model has a shape the walk does not know.
#[derive(Debug)]
struct WalkError;

impl fmt::Display for WalkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the value could not be walked")
    }
}

impl std::error::Error for WalkError {}

impl ser::Error for WalkError {
    fn custom<T: fmt::Display>(_: T) -> Self {
        WalkError
    }
}

/// A string written through `Display`, on the stack (dates, times, offsets, timestamps).
struct Buf {
    bytes: [u8; 64],
    len: usize,
}

impl fmt::Write for Buf {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        if end > self.bytes.len() {
            return Err(fmt::Error);
        }
        self.bytes[self.len..end].copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

impl<F: Visit> Walker<'_, F> {
    fn text(self, s: &str) -> Result<(), WalkError> {
        let value = match self.at.kind() {
            Some(Kind::Date) => Value::Date(s),
            Some(Kind::Time) => Value::Time(s),
            Some(Kind::UtcOffset) => Value::UtcOffset(s),
            Some(Kind::Timestamp) => Value::Timestamp(s),
            Some(Kind::YesNo | Kind::Choice(_) | Kind::Choices(_) | Kind::Version) => Value::Code(s),
            _ => Value::Text(s),
        };
        self.at.emit(self.f, value);
        Ok(())
    }
}

macro_rules! ignore_scalars {
    ($($method:ident($ty:ty)),* $(,)?) => {
        $(fn $method(self, _: $ty) -> Result<(), WalkError> {
            Ok(())
        })*
    };
}

type Refused = ser::Impossible<(), WalkError>;

impl<'a, F: Visit> Serializer for Walker<'a, F> {
    type Ok = ();
    type Error = WalkError;
    type SerializeSeq = Members<'a, F>;
    type SerializeTuple = Refused;
    type SerializeTupleStruct = Refused;
    type SerializeTupleVariant = Refused;
    type SerializeMap = Refused;
    type SerializeStruct = Members<'a, F>;
    type SerializeStructVariant = Refused;

    refuse_other_shapes!(WalkError);

    ignore_scalars!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_char(char),
        serialize_bytes(&[u8]),
        serialize_unit_struct(&'static str),
    );

    fn serialize_u64(self, v: u64) -> Result<(), WalkError> {
        self.at.emit(self.f, Value::Count(v));
        Ok(())
    }

    fn serialize_str(self, s: &str) -> Result<(), WalkError> {
        self.text(s)
    }

    fn collect_str<T: fmt::Display + ?Sized>(self, value: &T) -> Result<(), WalkError> {
        let mut buf = Buf { bytes: [0; 64], len: 0 };
        write!(buf, "{value}").map_err(|_| WalkError)?;
        let s = std::str::from_utf8(&buf.bytes[..buf.len]).map_err(|_| WalkError)?;
        self.text(s)
    }

    fn serialize_none(self) -> Result<(), WalkError> {
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), WalkError> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), WalkError> {
        Ok(())
    }

    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Result<(), WalkError> {
        self.text(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), WalkError> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), WalkError> {
        Err(WalkError)
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<Members<'a, F>, WalkError> {
        let len = len.unwrap_or(0);
        match self.at.kind() {
            Some(Kind::Choices(_)) => self.at.emit(self.f, Value::Choices(len)),
            _ => self.at.emit(self.f, Value::List(len)),
        }
        Ok(Members { at: self.at, f: self.f, position: 0, siblings: &[] })
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Members<'a, F>, WalkError> {
        if std::mem::take(&mut self.at.element) {
            // An element of a list: its members belong to the list's field.
        } else {
            self.at.emit(self.f, Value::Group);
        }
        let siblings = super::members(self.at.field);
        Ok(Members { at: self.at, f: self.f, position: 0, siblings })
    }
}

/// The members of a struct or the elements of a list being walked.
struct Members<'a, F: Visit> {
    at: &'a mut At,
    f: &'a mut F,
    position: usize,
    /// The members of the struct's field, in the table's order (empty for a list).
    siblings: &'static [Field],
}

impl<F: Visit> ser::SerializeSeq for Members<'_, F> {
    type Ok = ();
    type Error = WalkError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), WalkError> {
        // The options of a multiple choice were reported with the choice.
        if matches!(self.at.kind(), Some(Kind::Choices(_))) {
            // The options, one by one, for the crate's answer set only.
            if self.at.options {
                value.serialize(Walker { at: &mut *self.at, f: &mut *self.f })?;
            }
            return Ok(());
        }
        let saved = *self.at;
        if self.at.depth < MAX_LISTS {
            self.at.indices[self.at.depth] = self.position;
            self.at.depth += 1;
        }
        // The element's members are children of the list field: the element itself is not a field.
        self.at.element = true;
        let result = value.serialize(Walker { at: &mut *self.at, f: &mut *self.f });
        *self.at = saved;
        self.position += 1;
        result
    }
    fn end(self) -> Result<(), WalkError> {
        Ok(())
    }
}

impl<F: Visit> ser::SerializeStruct for Members<'_, F> {
    type Ok = ();
    type Error = WalkError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), WalkError> {
        // Members come in the table's order: look from the one after the last found.
        let (siblings, from) = (self.siblings, self.position.min(self.siblings.len()));
        let Some(at) = (from..siblings.len()).chain(0..from).find(|&i| siblings[i].member() == key) else {
            return Ok(());
        };
        let child = siblings[at];
        self.position = at + 1;
        let kind = child.spec().kind;
        if !matches!(kind, Kind::Group(_) | Kind::List(_) | Kind::Choices(_)) && !(self.at.want)(kind) {
            // Written (serde skips what is not), but not read.
            (self.f)(child, &self.at.indices[..self.at.depth], None);
            return Ok(());
        }
        let saved = *self.at;
        self.at.field = Some(child);
        self.at.element = false;
        let result = value.serialize(Walker { at: &mut *self.at, f: &mut *self.f });
        *self.at = saved;
        result
    }
    fn end(self) -> Result<(), WalkError> {
        Ok(())
    }
}
