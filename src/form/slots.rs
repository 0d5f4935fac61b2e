//! Mutable access to the single answers that hold text a person writes ([`Kind::is_text`]): the
//! `&mut` counterpart of the [walk](super::walk), for redaction.
//!
//! The walk is derived from the model's `Serialize`; serde has no mutable counterpart, so the member
//! of each text field is named in its row of the table (`=> |n, i| …`), next to everything else the
//! crate knows about the answer. Which fields are visited, in which order and with which list
//! positions, comes from the table ([`Field::ALL`], [`Field::list`]); the test below checks, field by
//! field, that the member a row names is the one the walk reports for that field, and that every
//! text field of the table names one.

pub(crate) use super::spec::Slot;
use super::Field;
use crate::model::notification::Notification;

/// The text answer `field` of `n` (for a field in a list: of the element `indices[0]`), or `None`
/// when the field holds no text ([`Kind::is_text`](super::Kind::is_text)) or the element does not
/// exist. The member is named in the field's row of the table.
pub(crate) fn slot<'a>(n: &'a mut Notification, field: Field, indices: &[usize]) -> Option<Slot<'a>> {
    field.slot(n, indices.first().copied().unwrap_or(0))
}

/// Calls `f` with every text answer of `n` (answered or not), field by field in form order, for a
/// field in a list once for each element.
pub(crate) fn walk_mut(n: &mut Notification, mut f: impl FnMut(Field, &[usize], Slot<'_>)) {
    for &field in Field::ALL {
        if !field.spec().kind.is_text() {
            continue;
        }
        if field.list().is_none() {
            if let Some(s) = slot(n, field, &[]) {
                f(field, &[], s);
            }
            continue;
        }
        let mut i = 0;
        while let Some(s) = slot(n, field, &[i]) {
            f(field, &[i], s);
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::{walk, Value};
    use crate::values::identifiers::{Email, OrganisationNumber, PhoneNumber};
    use crate::values::text::{LongText, ShortText};

    /// A notification with one element in every list, nothing else answered.
    fn with_elements() -> Notification {
        let mut n = Notification::default();
        n.contact_details.contact_persons.push(Default::default());
        n.processors.organisations.push(Default::default());
        n.consequences.actions.push(Default::default());
        n.supplement_and_confidentiality
            .confidentiality_markings
            .push(serde_json::from_str(r#"{"pointer":"/incident","ground":"security_measures"}"#).unwrap());
        n
    }

    fn fill(s: Slot<'_>) {
        match s {
            Slot::Short(t) => *t = ShortText::new("x").ok(),
            Slot::Long(t) => *t = LongText::new("x").ok(),
            Slot::Email(t) => *t = Email::new("kim@example.org").ok(),
            Slot::Phone(t) => *t = PhoneNumber::new("070-174 06 05").ok(),
            Slot::OrganisationNumber(t) => *t = OrganisationNumber::new("556147-5897").ok(),
            Slot::Postcode(t) => *t = "90736".parse().ok(),
        }
    }

    /// The text answers the walk reports, with their pointers.
    fn texts(n: &Notification) -> Vec<(Field, String)> {
        let mut out = Vec::new();
        walk(n, |a| {
            if a.field.spec().kind.is_text() && matches!(a.value, Value::Text(_)) {
                out.push((a.field, a.pointer().to_string()));
            }
        });
        out
    }

    #[test]
    fn every_text_field_has_its_own_member() {
        let mut checked = 0;
        for &field in Field::ALL.iter().filter(|f| f.spec().kind.is_text()) {
            assert!(field.lists().len() <= 1, "{field:?}: walk_mut knows one list level");
            let mut n = with_elements();
            let s = slot(&mut n, field, &[0]).unwrap_or_else(|| panic!("{field:?} has no slot"));
            fill(s);
            assert_eq!(texts(&n), [(field, field.pointer_at(&[0]).to_string())], "{field:?}");
            checked += 1;
        }
        assert!(checked >= 30, "{checked}");
    }

    #[test]
    fn walk_mut_visits_every_element() {
        let mut n = with_elements();
        n.contact_details.contact_persons.push(Default::default());
        let mut seen = Vec::new();
        walk_mut(&mut n, |field, indices, s| {
            seen.push((field, indices.to_vec()));
            fill(s);
        });
        assert!(seen.contains(&(Field::ContactPersonEmail, vec![1])));
        assert!(seen.contains(&(Field::ControllerName, vec![])));
        let answered = texts(&n);
        assert_eq!(answered.len(), seen.len());
        assert!(slot(&mut n, Field::IncidentOngoing, &[]).is_none());
        assert!(slot(&mut n, Field::ActionDescription, &[5]).is_none());
    }
}
