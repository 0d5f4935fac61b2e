//! The form itself: every answer of IMY's form as a [`Field`], with one row of the table per answer
//! ([`Field::spec`]) holding its question number, labels, help text, asterisk, requiredness, the
//! condition under which it is asked and its kind. The JSON pointer of an answer is derived from its
//! parent and member.
//!
//! [`walk`] visits every answered field of a notification with its identity and value;
//! [`Field::is_answered`] and [`Condition::holds`] read single answers without building JSON.
//! Why one table: see `docs/DESIGN.md`, "The form table".
//!
//! # Example
//! ```
//! use imy_breach::form::{Field, Requirement};
//! use imy_breach::Lang;
//! let f = Field::IncidentSector;
//! assert_eq!(f.spec().number, Some("19"));
//! assert_eq!(f.spec().required, Requirement::Form);
//! assert_eq!(f.pointer().to_string(), "/incident/sector");
//! assert_eq!(Field::from_pointer("/contactDetails/contactPersons/3/email"), Some(Field::ContactPersonEmail));
//! assert_eq!(Field::ContactPersonEmail.label(Lang::Sv), "Kontaktpersonens e-post");
//! ```

/// The `Serializer` methods of the shapes the model never writes (tuples, maps, struct variants),
/// each refusing with `$error`: for the walk and the probes, which follow what the model writes.
macro_rules! refuse_other_shapes {
    ($error:expr) => {
        fn serialize_tuple(self, _: usize) -> Result<Refused, Self::Error> {
            Err($error)
        }
        fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Refused, Self::Error> {
            Err($error)
        }
        fn serialize_tuple_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Refused, Self::Error> {
            Err($error)
        }
        fn serialize_map(self, _: Option<usize>) -> Result<Refused, Self::Error> {
            Err($error)
        }
        fn serialize_struct_variant(
            self,
            _: &'static str,
            _: u32,
            _: &'static str,
            _: usize,
        ) -> Result<Refused, Self::Error> {
            Err($error)
        }
    };
}

mod answers;
pub(crate) mod markings;
pub(crate) mod path;
mod prefill;
pub(crate) mod probe;
pub(crate) mod slots;
mod spec;
mod table;
mod walk;

pub(crate) use answers::Answers;
pub use prefill::SHARED_ANSWERS;
pub use spec::{Condition, Kind, OptionList, Requirement, Spec};
pub use table::Field;
pub(crate) use walk::walk_kinds;
pub use walk::{walk, Answered, Value};

use crate::lang::{Bilingual, Lang};
use crate::model::notification::Notification;
use crate::wire::pointer::{Pointer, Segment};

impl Condition {
    /// Whether the condition holds, by the answer set of one walk (for fields outside lists).
    pub(crate) fn holds_in(self, answers: &Answers) -> bool {
        match self {
            Condition::Is(f, code) | Condition::Includes(f, code) => answers.has_option(f, code),
            Condition::All(cs) => cs.iter().all(|c| c.holds_in(answers)),
            Condition::Any(cs) => cs.iter().any(|c| c.holds_in(answers)),
        }
    }

    /// Whether the condition holds for `n` (for fields in a list: the element at `indices`).
    ///
    /// # Example
    /// ```
    /// use imy_breach::form::{Condition, Field};
    /// use imy_breach::{Notification, YesNo};
    /// let mut n = Notification::default();
    /// let asked = Field::IncidentCeased.spec().asked.unwrap();
    /// assert!(!asked.holds(&n, &[]));
    /// n.incident.ongoing = Some(YesNo::No);
    /// assert!(asked.holds(&n, &[]));
    /// ```
    pub fn holds(self, n: &Notification, indices: &[usize]) -> bool {
        match self {
            Condition::Is(f, code) | Condition::Includes(f, code) => probe::matches(n, f, indices, code),
            Condition::All(cs) => cs.iter().all(|c| c.holds(n, indices)),
            Condition::Any(cs) => cs.iter().any(|c| c.holds(n, indices)),
        }
    }
}

impl Field {
    /// The label of option `code` of a choice field (the code itself when the field has no such
    /// option), for messages and schema descriptions.
    pub(crate) fn option_label(self, code: &'static str) -> Bilingual {
        self.spec().kind.options().and_then(|l| l.label(code)).unwrap_or(Bilingual::new(code, code))
    }

    /// The field that holds this one, `None` for a member of the root.
    pub fn parent(self) -> Option<Field> {
        self.spec().parent
    }

    /// The schema version that introduced the answer (see `src/wire/migrate.rs`).
    ///
    /// # Example
    /// ```
    /// use imy_breach::form::Field;
    /// use imy_breach::SchemaVersion;
    /// assert_eq!(Field::IncidentOccurredState.since(), SchemaVersion::V1_1);
    /// assert_eq!(Field::IncidentOccurredDate.since(), SchemaVersion::V1_0);
    /// ```
    pub fn since(self) -> crate::SchemaVersion {
        if crate::wire::migrate::NEW_IN_1_1.0.contains(&self.pattern_str()) {
            crate::SchemaVersion::V1_1
        } else {
            crate::SchemaVersion::V1_0
        }
    }

    /// The wire member name.
    pub fn member(self) -> &'static str {
        self.spec().member
    }

    /// The model type that holds the field (its schema `$defs` name), for example `"EventTime"`
    /// for [`Field::IncidentCeasedDate`].
    pub fn holder(self) -> &'static str {
        self.parent().and_then(|p| p.spec().kind.type_name()).unwrap_or("Notification")
    }

    /// The label in `lang`, without the number.
    pub fn label(self, lang: Lang) -> &'static str {
        self.spec().label.get(lang)
    }

    /// The help text in `lang`, if any.
    pub fn help(self, lang: Lang) -> Option<&'static str> {
        self.spec().help.map(|h| h.get(lang))
    }

    /// The label with its question number, as the form prints it: `"15. Vad har hänt vid incidenten?"`.
    pub fn title(self, lang: Lang) -> String {
        match self.spec().number {
            Some(n) => format!("{n}. {}", self.label(lang)),
            None => self.label(lang).to_string(),
        }
    }

    /// The lists the field lies in, outermost first (empty for most fields; a list itself is not
    /// counted).
    ///
    /// # Example
    /// ```
    /// use imy_breach::form::Field;
    /// assert_eq!(Field::ActionDate.lists(), [Field::Actions]);
    /// assert!(Field::Actions.lists().is_empty());
    /// ```
    pub fn lists(self) -> Vec<Field> {
        let mut out = Vec::new();
        let mut at = self.parent();
        while let Some(p) = at {
            if matches!(p.spec().kind, Kind::List(_)) {
                out.push(p);
            }
            at = p.parent();
        }
        out.reverse();
        out
    }

    /// The nearest list the field lies in, if any.
    pub fn list(self) -> Option<Field> {
        let mut at = self.parent();
        while let Some(p) = at {
            if matches!(p.spec().kind, Kind::List(_)) {
                return Some(p);
            }
            at = p.parent();
        }
        None
    }

    /// The fields from the root down to this one.
    pub fn chain(self) -> Vec<Field> {
        let mut out = vec![self];
        let mut at = self.parent();
        while let Some(p) = at {
            out.push(p);
            at = p.parent();
        }
        out.reverse();
        out
    }

    /// The JSON pointer, with the elements of lists written `*`: `/contactDetails/contactPersons/*/email`.
    pub fn pattern(self) -> String {
        let mut out = String::new();
        for f in self.chain() {
            if f.parent().is_some_and(|p| matches!(p.spec().kind, Kind::List(_))) {
                out.push_str("/*");
            }
            out.push('/');
            out.push_str(f.member());
        }
        out
    }

    /// [`Field::pattern`], written once for the life of the program: the pointer of a field outside
    /// lists, without allocating.
    pub(crate) fn pattern_str(self) -> &'static str {
        static PATTERNS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
        let patterns = PATTERNS.get_or_init(|| Field::ALL.iter().map(|f| f.pattern()).collect());
        patterns.get(self as usize).map_or("", String::as_str)
    }

    /// The JSON pointer of a field outside lists (for a field in a list: of its first element).
    pub fn pointer(self) -> Pointer {
        self.pointer_at(&[])
    }

    /// The JSON pointer of the field in the list elements `indices` (outermost first; missing
    /// indices count as 0).
    ///
    /// # Example
    /// ```
    /// use imy_breach::form::Field;
    /// assert_eq!(Field::ActionDescription.pointer_at(&[2]).to_string(), "/consequences/actions/2/description");
    /// ```
    pub fn pointer_at(self, indices: &[usize]) -> Pointer {
        let mut pointer = Pointer::root();
        let mut k = 0;
        for f in self.chain() {
            if f.parent().is_some_and(|p| matches!(p.spec().kind, Kind::List(_))) {
                pointer.push_index(indices.get(k).copied().unwrap_or(0));
                k += 1;
            }
            pointer.push_member(f.member());
        }
        pointer
    }

    /// The field a JSON pointer names (list indices may be any number), if any.
    pub fn from_pointer(pointer: &str) -> Option<Field> {
        Field::from_segments(Pointer::parse(pointer).ok()?.segments())
    }

    /// The field the segments of a pointer name, if any.
    pub fn from_segments(segments: &[Segment]) -> Option<Field> {
        let mut at: Option<Field> = None;
        let mut rest = segments;
        while let Some((first, tail)) = rest.split_first() {
            let in_list = at.is_some_and(|f| matches!(f.spec().kind, Kind::List(_)));
            if in_list {
                first.as_index()?;
                let (member, tail2) = tail.split_first()?;
                at = Some(Field::child(at, member.as_member()?)?);
                rest = tail2;
            } else {
                at = Some(Field::child(at, first.as_member()?)?);
                rest = tail;
            }
        }
        at
    }

    /// The member `member` of `parent` (`None` = the root).
    pub fn child(parent: Option<Field>, member: &str) -> Option<Field> {
        members(parent).iter().copied().find(|f| f.member() == member)
    }

    /// The members of this field (of a list: of each element), in form order.
    ///
    /// # Example
    /// ```
    /// use imy_breach::form::Field;
    /// let members: Vec<&str> = Field::IncidentCeased.children().map(Field::member).collect();
    /// assert_eq!(members, ["date", "time", "utcOffset", "comment", "period", "untilDate", "untilTime", "state", "reason"]);
    /// ```
    pub fn children(self) -> impl Iterator<Item = Field> {
        members(Some(self)).iter().copied()
    }

    /// The first field with this holder type and member name: for the label of a member of a
    /// model type used in several places (an address, a moment), which every use shares.
    ///
    /// # Example
    /// ```
    /// use imy_breach::form::Field;
    /// assert_eq!(Field::by_type("Address", "postcode"), Some(Field::ControllerPostcode));
    /// assert_eq!(Field::by_type("Incident", "ceased"), Some(Field::IncidentCeased));
    /// ```
    pub fn by_type(type_name: &str, member: &str) -> Option<Field> {
        Field::ALL.iter().copied().find(|f| f.holder() == type_name && f.member() == member)
    }

    /// Whether `n` answers the field (the wire format writes it), for fields in a list in the
    /// element at `indices`.
    ///
    /// # Example
    /// ```
    /// use imy_breach::form::Field;
    /// use imy_breach::Notification;
    /// let n = Notification::default();
    /// assert!(!Field::ControllerName.is_answered(&n, &[]));
    /// ```
    pub fn is_answered(self, n: &Notification, indices: &[usize]) -> bool {
        probe::found(n, self, indices).written
    }

    /// The number of elements of a list or options of a multiple choice (0 when not answered).
    pub fn len(self, n: &Notification, indices: &[usize]) -> usize {
        probe::found(n, self, indices).len
    }

    /// Whether the field is asked for `n`: its condition holds, or it has none, and so does its
    /// parent's.
    pub fn applies(self, n: &Notification, indices: &[usize]) -> bool {
        self.chain().iter().all(|f| f.spec().asked.is_none_or(|c| c.holds(n, indices)))
    }
}

/// The members of `parent` (`None`: the root), from an index built once: the walk and the probes
/// look members up by name, member by member.
pub(crate) fn members(parent: Option<Field>) -> &'static [Field] {
    static MEMBERS: std::sync::OnceLock<Vec<Vec<Field>>> = std::sync::OnceLock::new();
    let index = MEMBERS.get_or_init(|| {
        let mut index = vec![Vec::new(); Field::ALL.len() + 1];
        for &f in Field::ALL {
            index[f.parent().map_or(0, |p| p as usize + 1)].push(f);
        }
        index
    });
    index.get(parent.map_or(0, |p| p as usize + 1)).map_or(&[], Vec::as_slice)
}

#[cfg(test)]
mod tests;
