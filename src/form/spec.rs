//! The types of the form table's rows: [`Spec`], with the [`Kind`] of an answer, its
//! [`Requirement`], the [`Condition`] under which it is asked and its [`OptionList`].

use super::table::Field;
use crate::lang::{Bilingual, Lang};
use crate::values::choice::Choice;
use crate::values::identifiers::{Email, OrganisationNumber, PhoneNumber, Postcode};
use crate::values::text::{LongText, ShortText};

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
    /// Why an answer is not given (schema version 1.1): not known yet, cannot be determined.
    AnswerState,
    /// A period instead of a moment (schema version 1.1, questions 10 and 13).
    Period,
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
            OptionList::AnswerState => v.on::<crate::AnswerState>(),
            OptionList::Period => v.on::<crate::Period>(),
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
/// assert_eq!(Field::DataCategories.spec().required, Requirement::WherePossible);
/// assert_eq!(Field::LikelyConsequences.spec().required, Requirement::UnlessSupplemented);
/// assert_eq!(Field::IncidentCause.spec().required, Requirement::No);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Requirement {
    /// Required: an error when missing.
    Always,
    /// Required unless question 36 is Ja (then a warning: it may follow in a supplement).
    UnlessSupplemented,
    /// Required by GDPR Art. 33(3)(a) "where possible" (the categories and approximate numbers of
    /// data subjects and records): a warning when missing (`required-where-possible`, or
    /// `required-in-supplement` when question 36 is Ja), since it may not be possible to say.
    WherePossible,
    /// Asked by the form, without an asterisk and required by no law: a warning when missing
    /// (`form-question-unanswered`).
    Form,
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
    /// Where the requirement comes from, when the law requires the answer (for example "GDPR
    /// Art. 33(3)(c)"); `None` when only the form asks for it (an asterisk, or a form question).
    pub basis: Option<Bilingual>,
    /// The condition under which the question is asked, `None` when it is always asked. A
    /// conditional answer is required when asked and left out otherwise.
    pub asked: Option<Condition>,
    /// For a conditional group (question 13): the member that must be filled in when it is asked.
    pub needs: Option<Field>,
    /// For a list: what one element is called in messages ("kontaktperson 2").
    pub element: Option<Bilingual>,
}

impl Spec {
    pub(super) const fn new(
        parent: Option<Field>,
        member: &'static str,
        kind: Kind,
        label: Bilingual,
    ) -> Spec {
        Spec {
            parent,
            member,
            kind,
            number: None,
            label,
            help: None,
            asterisk: false,
            required: Requirement::No,
            basis: None,
            asked: None,
            needs: None,
            element: None,
        }
    }
    pub(super) const fn q(mut self, number: &'static str) -> Spec {
        self.number = Some(number);
        self
    }
    pub(super) const fn help(mut self, sv: &'static str, en: &'static str) -> Spec {
        self.help = Some(Bilingual::new(sv, en));
        self
    }
    pub(super) const fn help_text(mut self, help: Bilingual) -> Spec {
        self.help = Some(help);
        self
    }
    pub(super) const fn star(mut self) -> Spec {
        self.asterisk = true;
        self
    }
    pub(super) const fn always(mut self) -> Spec {
        self.required = Requirement::Always;
        self
    }
    pub(super) const fn unless_supplemented(mut self) -> Spec {
        self.required = Requirement::UnlessSupplemented;
        self
    }
    pub(super) const fn where_possible(mut self) -> Spec {
        self.required = Requirement::WherePossible;
        self
    }
    pub(super) const fn form_asks(mut self) -> Spec {
        self.required = Requirement::Form;
        self
    }
    pub(super) const fn basis(mut self, sv: &'static str, en: &'static str) -> Spec {
        self.basis = Some(Bilingual::new(sv, en));
        self
    }
    pub(super) const fn when(mut self, condition: Condition) -> Spec {
        self.asked = Some(condition);
        self
    }
    pub(super) const fn needs(mut self, member: Field) -> Spec {
        self.needs = Some(member);
        self
    }
    pub(super) const fn element(mut self, sv: &'static str, en: &'static str) -> Spec {
        self.element = Some(Bilingual::new(sv, en));
        self
    }
}

/// A text answer of a notification, to read or replace.
#[derive(Debug)]
pub(crate) enum Slot<'a> {
    /// Free text of at most 200 characters.
    Short(&'a mut Option<ShortText>),
    /// Free text of at most 10,000 characters.
    Long(&'a mut Option<LongText>),
    /// An e-mail address.
    Email(&'a mut Option<Email>),
    /// A phone number.
    Phone(&'a mut Option<PhoneNumber>),
    /// An organisation number.
    OrganisationNumber(&'a mut Option<OrganisationNumber>),
    /// A postcode.
    Postcode(&'a mut Option<Postcode>),
}
