//! How messages name the answer a JSON pointer points at: the question number and the form's label,
//! for example "Fråga 13 (När upphörde incidenten?)" / "Question 13 (When did the breach cease?)".

use crate::form::{Condition, Field};
use crate::lang::{Bilingual, Lang};

/// The fields a pointer's members name, from the root, with the list indices in between; from the
/// first member the form table does not know on, every member is unknown. No allocation.
fn for_each_step(pointer: &str, mut f: impl FnMut(Step)) {
    let mut at: Option<Field> = None;
    let mut lost = false;
    for seg in pointer.split('/').skip(1) {
        if let Ok(i) = seg.parse::<usize>() {
            f(Step::Index(i, at));
            continue;
        }
        match Field::child(at, seg).filter(|_| !lost) {
            Some(field) => {
                f(Step::Member(field));
                at = Some(field);
            }
            None => {
                lost = true;
                f(Step::Unknown);
            }
        }
    }
}

/// One step of a pointer.
#[derive(Debug, Clone, Copy)]
enum Step {
    /// A member of the form table.
    Member(Field),
    /// An element of a list (the field before it).
    Index(usize, Option<Field>),
    /// A member the form table does not know.
    Unknown,
}

/// The answer a pointer names, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Subject {
    /// The words, capitalised for the start of a sentence.
    pub text: Bilingual<String>,
    /// Whether it is a whole question (answered) rather than a field of one (filled in).
    pub is_question: bool,
    /// The number of the question it is or belongs to.
    pub number: Option<&'static str>,
    /// Whether it ends with a field named after its question (", fältet ”Ort”").
    pub field_after_question: bool,
}

impl Subject {
    /// The subject followed by a verb: a field named after its question is set off by commas
    /// ("Fråga 3 (Organisationens postadress), fältet ”Ort”, måste fyllas i").
    pub fn lead(&self, lang: Lang) -> String {
        let s = self.text.pick(lang);
        if self.field_after_question {
            format!("{s},")
        } else {
            s.clone()
        }
    }
    /// "måste besvaras" / "must be answered", or "måste fyllas i" / "must be filled in".
    pub fn must(&self, lang: Lang) -> &'static str {
        match (self.is_question, lang) {
            (true, Lang::Sv) => "måste besvaras",
            (false, Lang::Sv) => "måste fyllas i",
            (true, _) => "must be answered",
            (false, _) => "must be filled in",
        }
    }
}

/// Names the answer at `pointer`.
pub(crate) fn subject(pointer: &str) -> Subject {
    if pointer == "/contactDetails/contactPersons" {
        return Subject {
            text: Bilingual::new(
                "Frågorna 5–8 (kontaktpersoner)".into(),
                "Questions 5–8 (contact persons)".into(),
            ),
            is_question: true,
            number: Some("5–8"),
            field_after_question: false,
        };
    }
    let mut question: Option<Field> = None;
    let mut leaf: Option<Field> = None;
    let mut element: Option<(usize, crate::lang::Bilingual)> = None;
    for_each_step(pointer, |step| match step {
        Step::Member(f) => {
            if f.spec().number.is_some() {
                question = Some(f);
            }
            leaf = Some(f);
        }
        Step::Index(i, list) => {
            if let Some(noun) = list.and_then(|l| l.spec().element) {
                element = Some((i, noun));
            }
        }
        Step::Unknown => {}
    });
    let which = |lang: Lang| match (element, lang) {
        (Some((i, noun)), Lang::Sv) => format!(" för {} {}", noun.sv, i + 1),
        (Some((i, noun)), _) => format!(" for {} {}", noun.en, i + 1),
        (None, _) => String::new(),
    };
    match (question, leaf) {
        (Some(q), Some(l)) if q == l => {
            let n = q.spec().number.unwrap_or_default();
            if let Some(base) = other_comment_of(l) {
                return Subject {
                    text: Bilingual::new(
                        format!("Kommentaren till fråga {n} ({})", base.label(Lang::Sv)),
                        format!("The comment on question {n} ({})", base.label(Lang::En)),
                    ),
                    is_question: false,
                    number: Some(n),
                    field_after_question: false,
                };
            }
            Subject {
                text: Bilingual::new(
                    format!("Fråga {n} ({}){}", q.label(Lang::Sv), which(Lang::Sv)),
                    format!("Question {n} ({}){}", q.label(Lang::En), which(Lang::En)),
                ),
                is_question: true,
                number: Some(n),
                field_after_question: false,
            }
        }
        (Some(q), Some(l)) => {
            let n = q.spec().number.unwrap_or_default();
            Subject {
                text: Bilingual::new(
                    format!(
                        "Fråga {n} ({}){}, fältet ”{}”",
                        q.label(Lang::Sv),
                        which(Lang::Sv),
                        l.label(Lang::Sv)
                    ),
                    format!(
                        "Question {n} ({}){}, field “{}”",
                        q.label(Lang::En),
                        which(Lang::En),
                        l.label(Lang::En)
                    ),
                ),
                is_question: false,
                number: Some(n),
                field_after_question: true,
            }
        }
        (None, Some(l)) => Subject {
            text: Bilingual::new(
                format!("Fältet ”{}”{}", l.label(Lang::Sv), which(Lang::Sv)),
                format!("The field “{}”{}", l.label(Lang::En), which(Lang::En)),
            ),
            is_question: false,
            number: None,
            field_after_question: false,
        },
        _ => Subject {
            text: Bilingual::new(format!("Fältet {pointer}"), format!("The member {pointer}")),
            is_question: false,
            number: None,
            field_after_question: false,
        },
    }
}

/// A sort key that puts pointers in form order: the position of each member in the form's table
/// of fields, and each list index, each plus one, then zeros, so that a pointer sorts before the
/// pointers under it. Eight segments are more than any pointer into the model has (it is six levels
/// deep); segments beyond are left out of the key. No allocation.
pub(crate) fn form_order_key(pointer: &str) -> [usize; 8] {
    let mut key = [0; 8];
    let mut slots = key.iter_mut();
    for_each_step(pointer, |step| {
        let position = match step {
            Step::Member(f) => f as usize,
            Step::Index(i, _) => i,
            Step::Unknown => usize::MAX,
        };
        if let Some(slot) = slots.next() {
            *slot = position.saturating_add(1);
        }
    });
    key
}

/// The question whose "Övrigt" comment `field` is, if it is one.
fn other_comment_of(field: Field) -> Option<Field> {
    match field.spec().asked {
        Some(Condition::Is(t, "other") | Condition::Includes(t, "other")) => Some(t),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Form order: members in the order of the form's table, list elements by index, a pointer
    /// before the pointers under it, the document before everything.
    #[test]
    fn form_order() {
        let order = [
            "",
            "/schemaVersion",
            "/controller/name",
            "/contactDetails/contactPersons",
            "/contactDetails/contactPersons/0",
            "/contactDetails/contactPersons/0/phone",
            "/contactDetails/contactPersons/1/name",
            "/incident",
            "/incident/occurred",
            "/incident/occurred/date",
            "/incident/discovered",
            "/incident/noSuchMember",
            "/dataAndSubjects/subjectCount/exact",
            "/consequences/actions/2/description",
            "/consequences/actions/10/date",
        ];
        for pair in order.windows(2) {
            assert!(form_order_key(pair[0]) < form_order_key(pair[1]), "{} before {}", pair[0], pair[1]);
        }
        assert_eq!(Field::RecordCount.spec().kind.type_name(), Some("Count"));
        assert_eq!(Field::ContactPersons.spec().kind.type_name(), Some("ContactPerson"));
        assert_eq!(Field::IncidentDescription.spec().kind.type_name(), None);
    }

    #[test]
    fn names_questions_fields_and_elements() {
        let s = subject("/incident/ceased");
        assert_eq!(s.text.sv, "Fråga 13 (När upphörde incidenten?)");
        assert_eq!(s.text.en, "Question 13 (When did the breach cease?)");
        let s = subject("/controller/postalAddress/postcode");
        assert_eq!(s.text.sv, "Fråga 3 (Organisationens postadress), fältet ”Postnummer”");
        let s = subject("/contactDetails/contactPersons/1/email");
        assert_eq!(s.text.en, "Question 7 (Contact person's e-mail) for contact person 2");
        let s = subject("/consequences/actions/0/description");
        assert_eq!(s.text.sv, "Fråga 30 (Hur har ni agerat efter incidenten?) för åtgärd 1, fältet ”Åtgärd”");
        let s = subject("/incident/causeComment");
        assert_eq!(s.text.en, "The comment on question 18 (Why did the breach happen, in your view?)");
        assert!(!s.is_question);
    }
}
