//! The form's conditions, as the generator uses them: read from
//! [`CONDITIONAL_QUESTIONS`], never written again here.
//!
//! The builders choose the trigger answers (how often 12 is "Nej", 21 is "Ja", …) and draw a
//! conditional answer only when [`asked`] says the form asks it; [`drop_inapplicable`] clears every
//! conditional answer whose condition does not hold, for the spoilers that change a trigger after
//! the fact.

use crate::incident::EventTime;
use crate::notification::Notification;
use crate::validation::CONDITIONAL_QUESTIONS;

/// Whether the form asks the conditional question `dependent` of the group at `object` of `n`:
/// the one place the generator reads a condition.
pub(super) fn asked(n: &Notification, object: &str, dependent: &str) -> bool {
    crate::validation::applies(n, object, dependent)
}

/// Clears every conditional answer of `n` whose condition does not hold, in form order, so that a
/// chain (31 → 33 → 34, 35) settles in one pass.
pub(super) fn drop_inapplicable(n: &mut Notification) {
    for c in CONDITIONAL_QUESTIONS {
        if !asked(n, c.object, c.dependent) {
            clear(n, c.object, c.dependent);
        }
    }
}

/// Clears the answer `dependent` of the group at `object`; `false` for an answer it does not know
/// (the tests check that it knows every conditional question).
fn clear(n: &mut Notification, object: &str, dependent: &str) -> bool {
    let incident = &mut n.incident;
    let data = &mut n.data_and_subjects;
    let info = &mut n.data_subject_information;
    match (object, dependent) {
        ("/incident", "ceased") => incident.ceased = EventTime::default(),
        ("/incident", "causeComment") => incident.cause_comment = None,
        ("/incident", "areaOfActivityComment") => incident.area_of_activity_comment = None,
        ("/processors", "organisations") => n.processors.organisations.clear(),
        ("/dataAndSubjects", "subjectGroupsComment") => data.subject_groups_comment = None,
        ("/dataAndSubjects", "dataCategoriesComment") => data.data_categories_comment = None,
        ("/consequences", "likelyConsequencesComment") => {
            n.consequences.likely_consequences_comment = None;
        }
        ("/dataSubjectInformation", "informedOn") => info.informed_on = None,
        ("/dataSubjectInformation", "willInform") => info.will_inform = None,
        ("/dataSubjectInformation", "plannedOn") => info.planned_on = None,
        ("/dataSubjectInformation", "reasonNotInforming") => info.reason_not_informing = None,
        _ => return false,
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::Generator;

    /// Whether the conditional answer `dependent` of the group at `object` is given in `doc`, the
    /// wire form of a notification (an answer is given exactly when it is written).
    fn answered(doc: &serde_json::Value, object: &str, dependent: &str) -> bool {
        doc.pointer(&format!("{object}/{dependent}")).is_some()
    }

    fn wire(n: &Notification) -> serde_json::Value {
        serde_json::to_value(n).unwrap_or_default()
    }

    #[test]
    fn every_conditional_question_can_be_cleared() {
        let mut n = Generator::new(1).notification();
        for c in CONDITIONAL_QUESTIONS {
            assert!(clear(&mut n, c.object, c.dependent), "{}/{}", c.object, c.dependent);
            assert!(!answered(&wire(&n), c.object, c.dependent), "{}/{}", c.object, c.dependent);
        }
    }

    #[test]
    fn dependents_are_answered_only_when_asked_and_each_sometimes() {
        let mut g = Generator::new(3);
        let mut seen = vec![0usize; CONDITIONAL_QUESTIONS.len()];
        for i in 0..1_000 {
            let n = g.notification();
            let doc = wire(&n);
            for (c, seen) in CONDITIONAL_QUESTIONS.iter().zip(&mut seen) {
                let (asked, answered) =
                    (asked(&n, c.object, c.dependent), answered(&doc, c.object, c.dependent));
                assert!(
                    asked || !answered,
                    "notification {i}: {}/{} answered but not asked",
                    c.object,
                    c.dependent
                );
                *seen += usize::from(answered);
            }
            let mut settled = n.clone();
            drop_inapplicable(&mut settled);
            assert_eq!(settled, n, "notification {i}: the builder drew an answer the form does not ask");
        }
        for (c, seen) in CONDITIONAL_QUESTIONS.iter().zip(&seen) {
            assert!(*seen > 0, "{}/{} never answered in 1,000 notifications", c.object, c.dependent);
        }
    }

    #[test]
    fn dropping_settles_a_chain() {
        let mut n = Generator::new(1).notification();
        n.data_subject_information.will_inform = Some(crate::choice::YesNo::Yes);
        n.data_subject_information.planned_on = n.incident.discovered.date;
        n.data_subject_information.informed = Some(crate::choice::YesNo::Yes);
        drop_inapplicable(&mut n);
        let info = &n.data_subject_information;
        assert_eq!(
            (info.will_inform, info.planned_on, info.reason_not_informing.is_some()),
            (None, None, false)
        );
    }
}
