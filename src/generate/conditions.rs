//! The form's conditions, as the generator uses them: read from the form table
//! ([`Field::applies`]), never written again here.
//!
//! The builders choose the trigger answers (how often 12 is "Nej", 21 is "Ja", …) and draw a
//! conditional answer only when [`asked`] says the form asks it; [`drop_inapplicable`] clears every
//! conditional answer whose condition does not hold, for the spoilers that change a trigger after
//! the fact.

use crate::form::{Condition, Field};
use crate::model::notification::Notification;

/// Whether the form asks the conditional question `field` of `n`: the one place the generator
/// reads a condition.
pub(super) fn asked(n: &Notification, field: Field) -> bool {
    field.applies(n, &[])
}

/// The conditional questions of the form table, in form order.
fn conditional() -> impl Iterator<Item = Field> {
    Field::ALL.iter().copied().filter(|f| f.spec().asked.is_some())
}

/// Clears every conditional answer of `n` whose condition does not hold, in form order, so that a
/// chain (31 → 33 → 34, 35) settles in one pass.
pub(super) fn drop_inapplicable(n: &mut Notification) {
    for f in conditional() {
        if !asked(n, f) && f.is_answered(n, &[]) {
            clear(n, f);
        }
    }
}

/// Clears the answer `field` of `n`: through its wire form, so that no list of the model's members
/// is written here.
fn clear(n: &mut Notification, field: Field) {
    edit(n, |doc| remove(doc, field));
}

/// Makes the form ask `field` of `n` and leaves it unanswered: the trigger gets the option that
/// asks it (from the form table), the answer is removed, and what the new trigger answer no longer
/// asks is cleared.
pub(super) fn ask_unanswered(n: &mut Notification, field: Field) {
    edit(n, |doc| {
        if let Some(condition) = field.spec().asked {
            make_hold(doc, condition);
        }
        remove(doc, field);
    });
    drop_inapplicable(n);
}

/// Changes `n` through its wire form.
fn edit(n: &mut Notification, change: impl FnOnce(&mut serde_json::Value)) {
    let Ok(mut doc) = serde_json::to_value(&*n) else { return };
    change(&mut doc);
    if let Ok(changed) = Notification::from_json(&doc.to_string()) {
        *n = changed;
    }
}

/// Removes the member `field` from the wire form.
fn remove(doc: &mut serde_json::Value, field: Field) {
    let parent = field.pointer().parent().map(|p| p.to_string()).unwrap_or_default();
    if let Some(obj) = doc.pointer_mut(&parent).and_then(serde_json::Value::as_object_mut) {
        obj.remove(field.member());
    }
}

/// Gives the triggers of `condition` the options that make it hold (for `Any`: the first part's).
fn make_hold(doc: &mut serde_json::Value, condition: Condition) {
    let set = |doc: &mut serde_json::Value, t: Field, value: serde_json::Value| {
        let parent = t.pointer().parent().map(|p| p.to_string()).unwrap_or_default();
        if let Some(obj) = doc.pointer_mut(&parent).and_then(serde_json::Value::as_object_mut) {
            obj.insert(t.member().to_string(), value);
        }
    };
    match condition {
        Condition::Is(t, code) => set(doc, t, serde_json::json!(code)),
        Condition::Includes(t, code) => {
            let mut codes = doc.pointer(&t.pointer().to_string()).cloned().unwrap_or(serde_json::json!([]));
            if let Some(items) = codes.as_array_mut() {
                if !items.iter().any(|c| c == code) {
                    items.push(serde_json::json!(code));
                }
            }
            set(doc, t, codes);
        }
        Condition::All(cs) => cs.iter().for_each(|c| make_hold(doc, *c)),
        Condition::Any(cs) => cs.iter().take(1).for_each(|c| make_hold(doc, *c)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::Generator;

    /// Whether the conditional answer `field` is given in `doc`, the wire form of a notification
    /// (an answer is given exactly when it is written).
    fn answered(doc: &serde_json::Value, field: Field) -> bool {
        doc.pointer(&field.pointer().to_string()).is_some()
    }

    fn wire(n: &Notification) -> serde_json::Value {
        serde_json::to_value(n).unwrap_or_default()
    }

    #[test]
    fn every_conditional_question_can_be_cleared() {
        let mut n = Generator::new(1).notification();
        for f in conditional() {
            clear(&mut n, f);
            assert!(!answered(&wire(&n), f), "{f:?}");
        }
        assert_eq!(conditional().count(), 19);
    }

    #[test]
    fn dependents_are_answered_only_when_asked_and_each_sometimes() {
        let mut g = Generator::new(3);
        // Question 11 offers no period and no state (rule `answer-state-not-offered`): its
        // conditional members are never drawn.
        let fields: Vec<Field> =
            conditional().filter(|f| !f.chain().contains(&Field::IncidentDiscovered)).collect();
        let mut seen = vec![0usize; fields.len()];
        for i in 0..1_000 {
            let n = g.notification();
            let doc = wire(&n);
            for (f, seen) in fields.iter().zip(&mut seen) {
                let (asked, answered) = (asked(&n, *f), answered(&doc, *f));
                assert!(asked || !answered, "notification {i}: {f:?} answered but not asked");
                *seen += usize::from(answered);
            }
            let mut settled = n.clone();
            drop_inapplicable(&mut settled);
            assert_eq!(settled, n, "notification {i}: the builder drew an answer the form does not ask");
        }
        for (f, seen) in fields.iter().zip(&seen) {
            assert!(*seen > 0, "{f:?} never answered in 1,000 notifications");
        }
    }

    #[test]
    fn dropping_settles_a_chain() {
        let mut n = Generator::new(1).notification();
        n.data_subject_information.will_inform = Some(crate::values::choice::YesNo::Yes);
        n.data_subject_information.planned_on = n.incident.discovered.date;
        n.data_subject_information.informed = Some(crate::values::choice::YesNo::Yes);
        drop_inapplicable(&mut n);
        let info = &n.data_subject_information;
        assert_eq!(
            (info.will_inform, info.planned_on, info.reason_not_informing.is_some()),
            (None, None, false)
        );
    }
}
