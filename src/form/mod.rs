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
//! assert_eq!(f.spec().required, Requirement::UnlessSupplemented);
//! assert_eq!(f.pointer().to_string(), "/incident/sector");
//! assert_eq!(Field::from_pointer("/contactDetails/contactPersons/3/email"), Some(Field::ContactPersonEmail));
//! assert_eq!(Field::ContactPersonEmail.label(Lang::Sv), "Kontaktpersonens e-post");
//! ```

mod answers;
pub(crate) mod markings;
pub(crate) mod path;
pub(crate) mod probe;
mod table;
mod walk;

pub(crate) use answers::Answers;
pub use table::Field;
pub(crate) use walk::walk_kinds;
pub use walk::{walk, Answered, Value};

use crate::lang::{Bilingual, Lang};
use crate::model::notification::Notification;
use crate::values::choice::Choice;
use crate::wire::pointer::{Pointer, Segment};

/// An option list of the form (the spec's letters A–J, Ja/Nej, the grounds for secrecy).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum OptionList {
    /// Ja/Nej.
    YesNo,
    /// List A, what happened (question 15).
    Nature,
    /// List B, how the breach was discovered (17).
    DiscoveryMethod,
    /// List C, the cause (18).
    Cause,
    /// List D, the sector (19).
    Sector,
    /// List E, the area of activity (20).
    AreaOfActivity,
    /// List F, the intervals of a count (23, 24).
    CountInterval,
    /// List G, the groups of data subjects (25).
    SubjectGroup,
    /// List H, the categories of personal data (26).
    DataCategory,
    /// List I, the consequences (28).
    Consequence,
    /// List J, the severity (29).
    Severity,
    /// The grounds of the Public Access to Information and Secrecy Act (confidentiality markings).
    SecrecyGround,
}

impl OptionList {
    /// The label of the option with this code, in both languages, if the list has it.
    ///
    /// # Example
    /// ```
    /// use imy_breach::form::OptionList;
    /// assert_eq!(OptionList::YesNo.label("no").unwrap().sv, "Nej");
    /// assert!(OptionList::Cause.label("nonsense").is_none());
    /// ```
    pub fn label(self, code: &str) -> Option<Bilingual> {
        struct Label<'a>(&'a str);
        impl OnList for Label<'_> {
            type Out = Option<Bilingual>;
            fn on<C: Choice>(self) -> Option<Bilingual> {
                C::from_code(self.0).map(|c| Bilingual::new(c.label(Lang::Sv), c.label(Lang::En)))
            }
        }
        self.dispatch(Label(code))
    }

    /// The position of the option with this code in its list, from 0.
    pub(crate) fn position(self, code: &str) -> Option<usize> {
        struct Position<'a>(&'a str);
        impl OnList for Position<'_> {
            type Out = Option<usize>;
            fn on<C: Choice>(self) -> Option<usize> {
                C::from_code(self.0).map(Choice::index)
            }
        }
        self.dispatch(Position(code))
    }

    /// Calls `v` with the list's option type.
    fn dispatch<V: OnList>(self, v: V) -> V::Out {
        match self {
            OptionList::YesNo => v.on::<crate::YesNo>(),
            OptionList::Nature => v.on::<crate::Nature>(),
            OptionList::DiscoveryMethod => v.on::<crate::DiscoveryMethod>(),
            OptionList::Cause => v.on::<crate::Cause>(),
            OptionList::Sector => v.on::<crate::Sector>(),
            OptionList::AreaOfActivity => v.on::<crate::AreaOfActivity>(),
            OptionList::CountInterval => v.on::<crate::CountInterval>(),
            OptionList::SubjectGroup => v.on::<crate::SubjectGroup>(),
            OptionList::DataCategory => v.on::<crate::DataCategory>(),
            OptionList::Consequence => v.on::<crate::Consequence>(),
            OptionList::Severity => v.on::<crate::Severity>(),
            OptionList::SecrecyGround => v.on::<crate::SecrecyGround>(),
        }
    }
}

/// Something to do with the option type of an [`OptionList`].
trait OnList {
    type Out;
    fn on<C: Choice>(self) -> Self::Out;
}

impl Kind {
    /// The option list of a choice.
    pub fn options(self) -> Option<OptionList> {
        match self {
            Kind::YesNo => Some(OptionList::YesNo),
            Kind::Choice(l) | Kind::Choices(l) => Some(l),
            _ => None,
        }
    }
}

/// What an answer holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Kind {
    /// A section or group of fields: an object of the named model type.
    Group(&'static str),
    /// A repeatable group: a list of objects of the named model type.
    List(&'static str),
    /// Free text of at most 200 characters.
    ShortText,
    /// Free text of at most 10,000 characters.
    LongText,
    /// An e-mail address.
    Email,
    /// A phone number.
    Phone,
    /// A Swedish organisation number.
    OrganisationNumber,
    /// A postcode.
    Postcode,
    /// A date (`YYYY-MM-DD`, Swedish local time).
    Date,
    /// A time of day (`HH:MM`, Swedish local time).
    Time,
    /// A UTC offset, for the hour that occurs twice.
    UtcOffset,
    /// An RFC 3339 timestamp.
    Timestamp,
    /// The schema version.
    Version,
    /// Ja/Nej.
    YesNo,
    /// One option of a list.
    Choice(OptionList),
    /// Any number of options of a list.
    Choices(OptionList),
    /// An exact count, from 1.
    ExactCount,
    /// A JSON pointer to another answer.
    Pointer,
}

impl Kind {
    /// Whether the answer is free text a person writes (searched for personal data, masked by
    /// redaction): the texts, e-mail addresses, phone numbers, organisation numbers and postcodes.
    ///
    /// # Example
    /// ```
    /// use imy_breach::form::{Field, Kind};
    /// assert!(Field::ContactPersonPhone.spec().kind.is_text());
    /// assert!(!Kind::Date.is_text());
    /// ```
    pub fn is_text(self) -> bool {
        matches!(
            self,
            Kind::ShortText
                | Kind::LongText
                | Kind::Email
                | Kind::Phone
                | Kind::OrganisationNumber
                | Kind::Postcode
        )
    }

    /// The model type of a group or a list's elements.
    pub fn type_name(self) -> Option<&'static str> {
        match self {
            Kind::Group(t) | Kind::List(t) => Some(t),
            _ => None,
        }
    }
}

/// Whether an answer is required.
///
/// # Example
/// ```
/// use imy_breach::form::{Field, Requirement};
/// assert_eq!(Field::ControllerName.spec().required, Requirement::Always);
/// assert_eq!(Field::DataCategories.spec().required, Requirement::UnlessSupplemented);
/// assert_eq!(Field::IncidentCause.spec().required, Requirement::No);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Requirement {
    /// Required: an error when missing.
    Always,
    /// Required unless question 36 is Ja (then a warning: it may follow in a supplement).
    UnlessSupplemented,
    /// Optional.
    #[default]
    No,
}

/// When a conditional question is asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Condition {
    /// A single-choice or Ja/Nej answer has this option code.
    Is(Field, &'static str),
    /// A multiple-choice answer includes this option code.
    Includes(Field, &'static str),
    /// Every condition holds.
    All(&'static [Condition]),
    /// At least one condition holds.
    Any(&'static [Condition]),
}

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

    /// Whether `f` holds for some field the condition reads (without allocating).
    pub fn any_trigger(self, f: &mut impl FnMut(Field) -> bool) -> bool {
        match self {
            Condition::Is(t, _) | Condition::Includes(t, _) => f(t),
            Condition::All(cs) | Condition::Any(cs) => cs.iter().any(|c| c.any_trigger(f)),
        }
    }

    /// The fields the condition reads, in order.
    pub fn triggers(self) -> Vec<Field> {
        match self {
            Condition::Is(f, _) | Condition::Includes(f, _) => vec![f],
            Condition::All(cs) | Condition::Any(cs) => cs.iter().flat_map(|c| c.triggers()).collect(),
        }
    }
}

/// One row of the table: everything the crate knows about an answer.
///
/// # Example
/// ```
/// use imy_breach::form::Field;
/// let spec = Field::ContactPersonEmail.spec();
/// assert_eq!((spec.parent, spec.member, spec.number), (Some(Field::ContactPersons), "email", Some("7")));
/// assert!(spec.asterisk);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    /// The field that holds this one (for a field of a list's elements: the list), or `None` for a
    /// member of the root.
    pub parent: Option<Field>,
    /// The wire member name, for example `"ceased"`.
    pub member: &'static str,
    /// What the answer holds.
    pub kind: Kind,
    /// The question number on IMY's Swedish form, when the field is a numbered question.
    pub number: Option<&'static str>,
    /// The label, as on the form.
    pub label: Bilingual,
    /// The help text shown with the field.
    pub help: Option<Bilingual>,
    /// Whether the form marks the field with an asterisk (confirmed for questions 1–9 only).
    pub asterisk: bool,
    /// Whether the answer is required.
    pub required: Requirement,
    /// The condition under which the question is asked, `None` when it is always asked. A
    /// conditional answer is required when asked and left out otherwise.
    pub asked: Option<Condition>,
    /// For a conditional group (question 13): the member that must be filled in when it is asked.
    pub needs: Option<Field>,
    /// For a list: what one element is called in messages ("kontaktperson 2").
    pub element: Option<Bilingual>,
}

impl Spec {
    const fn new(parent: Option<Field>, member: &'static str, kind: Kind, label: Bilingual) -> Spec {
        Spec {
            parent,
            member,
            kind,
            number: None,
            label,
            help: None,
            asterisk: false,
            required: Requirement::No,
            asked: None,
            needs: None,
            element: None,
        }
    }
    const fn q(mut self, number: &'static str) -> Spec {
        self.number = Some(number);
        self
    }
    const fn help(mut self, sv: &'static str, en: &'static str) -> Spec {
        self.help = Some(Bilingual::new(sv, en));
        self
    }
    const fn help_text(mut self, help: Bilingual) -> Spec {
        self.help = Some(help);
        self
    }
    const fn star(mut self) -> Spec {
        self.asterisk = true;
        self
    }
    const fn always(mut self) -> Spec {
        self.required = Requirement::Always;
        self
    }
    const fn unless_supplemented(mut self) -> Spec {
        self.required = Requirement::UnlessSupplemented;
        self
    }
    const fn when(mut self, condition: Condition) -> Spec {
        self.asked = Some(condition);
        self
    }
    const fn needs(mut self, member: Field) -> Spec {
        self.needs = Some(member);
        self
    }
    const fn element(mut self, sv: &'static str, en: &'static str) -> Spec {
        self.element = Some(Bilingual::new(sv, en));
        self
    }
}

impl Field {
    /// The field that holds this one, `None` for a member of the root.
    pub fn parent(self) -> Option<Field> {
        self.spec().parent
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
    /// assert_eq!(members, ["date", "time", "utcOffset", "comment"]);
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
