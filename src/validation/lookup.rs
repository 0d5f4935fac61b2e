//! The answers the rule tables ask about by JSON pointer ([`REQUIRED_ANSWERS`],
//! [`CONDITIONAL_QUESTIONS`]), read from the model directly instead of from the notification
//! serialised as a `serde_json::Value`: validating a readable notification then builds no JSON.
//!
//! An answer is present exactly when the wire format writes it (an empty group, list or multiple
//! choice is not written); the tests compare every slot with the serialised document.
//!
//! [`REQUIRED_ANSWERS`]: super::REQUIRED_ANSWERS
//! [`CONDITIONAL_QUESTIONS`]: super::CONDITIONAL_QUESTIONS

use crate::affected::{Count, DataCategory, SubjectGroup};
use crate::choice::{Choice, ChoiceSet};
use crate::consequences::Consequence;
use crate::notification::Notification;

/// An answer the tables name, by its pointer; the `…Each…` slots stand for every element of a list
/// (`*` in the table).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Slot {
    ControllerName,
    ControllerPostcode,
    ControllerCity,
    ContactPersons,
    EachContactName,
    EachContactEmail,
    EachContactPhone,
    CorrespondenceStreet,
    CorrespondencePostcode,
    CorrespondenceCity,
    DiscoveredDate,
    Ongoing,
    Ceased,
    CeasedDate,
    Nature,
    Description,
    Cause,
    CauseComment,
    Sector,
    AreaOfActivity,
    AreaOfActivityComment,
    ProcessorsInvolved,
    Processors,
    EachProcessorName,
    SubjectCount,
    RecordCount,
    SubjectGroups,
    SubjectGroupsComment,
    DataCategories,
    DataCategoriesComment,
    LikelyConsequences,
    LikelyConsequencesComment,
    Actions,
    EachActionDescription,
    Informed,
    InformedOn,
    WillInform,
    PlannedOn,
    ReasonNotInforming,
    IntendsToSupplement,
}

/// Every slot with its pointer (`*` for the elements of a list).
pub(crate) const SLOTS: &[(Slot, &str)] = &[
    (Slot::ControllerName, "/controller/name"),
    (Slot::ControllerPostcode, "/controller/postalAddress/postcode"),
    (Slot::ControllerCity, "/controller/postalAddress/city"),
    (Slot::ContactPersons, "/contactDetails/contactPersons"),
    (Slot::EachContactName, "/contactDetails/contactPersons/*/name"),
    (Slot::EachContactEmail, "/contactDetails/contactPersons/*/email"),
    (Slot::EachContactPhone, "/contactDetails/contactPersons/*/phone"),
    (Slot::CorrespondenceStreet, "/contactDetails/correspondenceAddress/street"),
    (Slot::CorrespondencePostcode, "/contactDetails/correspondenceAddress/postcode"),
    (Slot::CorrespondenceCity, "/contactDetails/correspondenceAddress/city"),
    (Slot::DiscoveredDate, "/incident/discovered/date"),
    (Slot::Ongoing, "/incident/ongoing"),
    (Slot::Ceased, "/incident/ceased"),
    (Slot::CeasedDate, "/incident/ceased/date"),
    (Slot::Nature, "/incident/nature"),
    (Slot::Description, "/incident/description"),
    (Slot::Cause, "/incident/cause"),
    (Slot::CauseComment, "/incident/causeComment"),
    (Slot::Sector, "/incident/sector"),
    (Slot::AreaOfActivity, "/incident/areaOfActivity"),
    (Slot::AreaOfActivityComment, "/incident/areaOfActivityComment"),
    (Slot::ProcessorsInvolved, "/processors/involved"),
    (Slot::Processors, "/processors/organisations"),
    (Slot::EachProcessorName, "/processors/organisations/*/name"),
    (Slot::SubjectCount, "/dataAndSubjects/subjectCount"),
    (Slot::RecordCount, "/dataAndSubjects/recordCount"),
    (Slot::SubjectGroups, "/dataAndSubjects/subjectGroups"),
    (Slot::SubjectGroupsComment, "/dataAndSubjects/subjectGroupsComment"),
    (Slot::DataCategories, "/dataAndSubjects/dataCategories"),
    (Slot::DataCategoriesComment, "/dataAndSubjects/dataCategoriesComment"),
    (Slot::LikelyConsequences, "/consequences/likelyConsequences"),
    (Slot::LikelyConsequencesComment, "/consequences/likelyConsequencesComment"),
    (Slot::Actions, "/consequences/actions"),
    (Slot::EachActionDescription, "/consequences/actions/*/description"),
    (Slot::Informed, "/dataSubjectInformation/informed"),
    (Slot::InformedOn, "/dataSubjectInformation/informedOn"),
    (Slot::WillInform, "/dataSubjectInformation/willInform"),
    (Slot::PlannedOn, "/dataSubjectInformation/plannedOn"),
    (Slot::ReasonNotInforming, "/dataSubjectInformation/reasonNotInforming"),
    (Slot::IntendsToSupplement, "/supplementAndConfidentiality/intendsToSupplement"),
];

/// The slot of a table pointer, if there is one.
pub(crate) fn slot(pointer: &str) -> Option<Slot> {
    SLOTS.iter().find(|(_, p)| *p == pointer).map(|(s, _)| *s)
}

/// A multiple-choice answer.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Choices<'a> {
    Groups(&'a ChoiceSet<SubjectGroup>),
    Categories(&'a ChoiceSet<DataCategory>),
    Consequences(&'a ChoiceSet<Consequence>),
}

impl Choices<'_> {
    /// Whether the option with this code is chosen.
    pub(crate) fn includes(self, code: &str) -> bool {
        fn has<C: Choice>(set: &ChoiceSet<C>, code: &str) -> bool {
            C::from_code(code).is_some_and(|c| set.contains(c))
        }
        match self {
            Choices::Groups(s) => has(s, code),
            Choices::Categories(s) => has(s, code),
            Choices::Consequences(s) => has(s, code),
        }
    }
}

/// What a slot holds.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Answer<'a> {
    /// Not answered (not written in the wire format).
    Absent,
    /// Answered with a single choice or Ja/Nej: its code.
    Code(&'static str),
    /// Answered with one or more options of a multiple choice.
    Choices(Choices<'a>),
    /// A list with this many elements (at least one).
    List(usize),
    /// Answered otherwise.
    Present,
}

impl Answer<'_> {
    pub(crate) fn is_present(self) -> bool {
        !matches!(self, Answer::Absent)
    }
}

fn opt<T>(o: &Option<T>) -> Answer<'static> {
    if o.is_some() {
        Answer::Present
    } else {
        Answer::Absent
    }
}

fn code<C: Choice>(o: Option<C>) -> Answer<'static> {
    o.map_or(Answer::Absent, |c| Answer::Code(c.code()))
}

fn list<T>(items: &[T]) -> Answer<'static> {
    if items.is_empty() {
        Answer::Absent
    } else {
        Answer::List(items.len())
    }
}

fn choices(set: Choices<'_>, empty: bool) -> Answer<'_> {
    if empty {
        Answer::Absent
    } else {
        Answer::Choices(set)
    }
}

fn count(c: &Count) -> Answer<'static> {
    if c.is_unknown() {
        Answer::Absent
    } else {
        Answer::Present
    }
}

/// The answer in `slot`; for the `Each…` slots, that of element `index` of its list.
pub(crate) fn answer(n: &Notification, slot: Slot, index: usize) -> Answer<'_> {
    let c = &n.controller;
    let contacts = &n.contact_details;
    let inc = &n.incident;
    let data = &n.data_and_subjects;
    let cons = &n.consequences;
    let info = &n.data_subject_information;
    match slot {
        Slot::ControllerName => opt(&c.name),
        Slot::ControllerPostcode => opt(&c.postal_address.postcode),
        Slot::ControllerCity => opt(&c.postal_address.city),
        Slot::ContactPersons => list(&contacts.contact_persons),
        Slot::EachContactName => contacts.contact_persons.get(index).map_or(Answer::Absent, |p| opt(&p.name)),
        Slot::EachContactEmail => {
            contacts.contact_persons.get(index).map_or(Answer::Absent, |p| opt(&p.email))
        }
        Slot::EachContactPhone => {
            contacts.contact_persons.get(index).map_or(Answer::Absent, |p| opt(&p.phone))
        }
        Slot::CorrespondenceStreet => opt(&contacts.correspondence_address.street),
        Slot::CorrespondencePostcode => opt(&contacts.correspondence_address.postcode),
        Slot::CorrespondenceCity => opt(&contacts.correspondence_address.city),
        Slot::DiscoveredDate => opt(&inc.discovered.date),
        Slot::Ongoing => code(inc.ongoing),
        Slot::Ceased => {
            if inc.ceased.is_empty() {
                Answer::Absent
            } else {
                Answer::Present
            }
        }
        Slot::CeasedDate => opt(&inc.ceased.date),
        Slot::Nature => code(inc.nature),
        Slot::Description => opt(&inc.description),
        Slot::Cause => code(inc.cause),
        Slot::CauseComment => opt(&inc.cause_comment),
        Slot::Sector => code(inc.sector),
        Slot::AreaOfActivity => code(inc.area_of_activity),
        Slot::AreaOfActivityComment => opt(&inc.area_of_activity_comment),
        Slot::ProcessorsInvolved => code(n.processors.involved),
        Slot::Processors => list(&n.processors.organisations),
        Slot::EachProcessorName => {
            n.processors.organisations.get(index).map_or(Answer::Absent, |p| opt(&p.name))
        }
        Slot::SubjectCount => count(&data.subject_count),
        Slot::RecordCount => count(&data.record_count),
        Slot::SubjectGroups => choices(Choices::Groups(&data.subject_groups), data.subject_groups.is_empty()),
        Slot::SubjectGroupsComment => opt(&data.subject_groups_comment),
        Slot::DataCategories => {
            choices(Choices::Categories(&data.data_categories), data.data_categories.is_empty())
        }
        Slot::DataCategoriesComment => opt(&data.data_categories_comment),
        Slot::LikelyConsequences => {
            choices(Choices::Consequences(&cons.likely_consequences), cons.likely_consequences.is_empty())
        }
        Slot::LikelyConsequencesComment => opt(&cons.likely_consequences_comment),
        Slot::Actions => list(&cons.actions),
        Slot::EachActionDescription => {
            cons.actions.get(index).map_or(Answer::Absent, |a| opt(&a.description))
        }
        Slot::Informed => code(info.informed),
        Slot::InformedOn => opt(&info.informed_on),
        Slot::WillInform => code(info.will_inform),
        Slot::PlannedOn => opt(&info.planned_on),
        Slot::ReasonNotInforming => opt(&info.reason_not_informing),
        Slot::IntendsToSupplement => code(n.supplement_and_confidentiality.intends_to_supplement),
    }
}

/// The list slot whose elements an `Each…` slot stands for.
pub(crate) fn list_of(slot: Slot) -> Option<Slot> {
    match slot {
        Slot::EachContactName | Slot::EachContactEmail | Slot::EachContactPhone => Some(Slot::ContactPersons),
        Slot::EachProcessorName => Some(Slot::Processors),
        Slot::EachActionDescription => Some(Slot::Actions),
        _ => None,
    }
}

/// The number of elements of a list slot (0 when absent).
pub(crate) fn len(n: &Notification, list: Slot) -> usize {
    match answer(n, list, 0) {
        Answer::List(len) => len,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    #[cfg(feature = "generate")]
    use serde_json::Value;

    use super::*;
    #[cfg(feature = "generate")]
    use crate::generate::Generator;
    use crate::validation::{CONDITIONAL_QUESTIONS, REQUIRED_ANSWERS, SUPPLEMENT_POINTER};

    #[test]
    fn every_table_pointer_has_a_slot() {
        for r in REQUIRED_ANSWERS {
            assert!(slot(r.pointer).is_some(), "{}", r.pointer);
        }
        for c in CONDITIONAL_QUESTIONS {
            for member in [c.trigger, c.dependent] {
                let p = format!("{}/{member}", c.object);
                assert!(slot(&p).is_some(), "{p}");
            }
            if let Some(m) = c.required_member {
                let p = format!("{}/{}/{m}", c.object, c.dependent);
                assert!(slot(&p).is_some(), "{p}");
            }
        }
        assert!(slot(SUPPLEMENT_POINTER).is_some());
    }

    /// The slot agrees with the serialised document, for generated notifications and for the
    /// same with answers taken away.
    #[test]
    #[cfg(feature = "generate")]
    fn slots_agree_with_the_wire_format() {
        let mut g = Generator::new(3).invalid_share(0.0);
        for i in 0..400 {
            let mut n = g.notification();
            // Take sections away in turn, so that absent groups and lists are seen too.
            match i % 8 {
                1 => n.contact_details = Default::default(),
                2 => n.incident = Default::default(),
                3 => n.data_and_subjects = Default::default(),
                4 => n.consequences = Default::default(),
                5 => n.processors.organisations.iter_mut().for_each(|p| p.name = None),
                6 => n.contact_details.contact_persons.iter_mut().for_each(|p| *p = Default::default()),
                7 => n.data_subject_information = Default::default(),
                _ => {}
            }
            let doc = serde_json::to_value(&n).unwrap();
            for (s, pointer) in SLOTS {
                let check = |p: &str, a: Answer<'_>| {
                    let v = doc.pointer(p);
                    assert_eq!(a.is_present(), v.is_some(), "{p} in {doc}");
                    match (a, v) {
                        (Answer::Code(c), Some(Value::String(x))) => assert_eq!(c, x),
                        (Answer::List(len), Some(Value::Array(items))) => assert_eq!(len, items.len()),
                        (Answer::Choices(set), Some(Value::Array(items))) => {
                            for item in items {
                                assert!(set.includes(item.as_str().unwrap()), "{p}");
                            }
                            assert!(!set.includes("no_such_option"));
                        }
                        (Answer::Present, Some(_)) | (Answer::Absent, None) => {}
                        (a, v) => panic!("{p}: {a:?} / {v:?}"),
                    }
                };
                match list_of(*s) {
                    None => check(pointer, answer(&n, *s, 0)),
                    Some(l) => {
                        for i in 0..len(&n, l) + 1 {
                            check(&pointer.replace('*', &i.to_string()), answer(&n, *s, i));
                        }
                    }
                }
            }
        }
    }
}
