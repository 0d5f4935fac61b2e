//! How messages name the answer a JSON pointer points at: the question number and the form's label,
//! for example "Fråga 13 (När upphörde incidenten?)" / "Question 13 (When did the breach cease?)".

use crate::field_path::{child, Node};
use crate::labels::{field_label, field_position, FieldLabel};
use crate::lang::Lang;

/// What one element of a list is called: (Swedish, English).
const ELEMENT_NOUNS: &[(&str, &str, &str)] = &[
    ("contactPersons", "kontaktperson", "contact person"),
    ("organisations", "biträde", "processor"),
    ("actions", "åtgärd", "action"),
    ("confidentialityMarkings", "markering", "marking"),
];

/// The model type that the member `property` of `type_name` holds when it is a group or a list; ""
/// for a single value or no member.
fn holds(type_name: &str, property: &str) -> &'static str {
    match child(type_name, property) {
        Some(Node::Struct(t) | Node::List(t)) => t,
        _ => "",
    }
}

/// The answer a pointer names, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Subject {
    /// Swedish, capitalised for the start of a sentence.
    pub sv: String,
    /// English, capitalised for the start of a sentence.
    pub en: String,
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
        let s = match lang {
            Lang::Sv => &self.sv,
            Lang::En => &self.en,
        };
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
            sv: "Frågorna 5–8 (kontaktpersoner)".into(),
            en: "Questions 5–8 (contact persons)".into(),
            is_question: true,
            number: Some("5–8"),
            field_after_question: false,
        };
    }
    let mut ty = "Notification";
    let mut question: Option<&'static FieldLabel> = None;
    let mut leaf: Option<&'static FieldLabel> = None;
    let mut element: Option<(usize, &'static str, &'static str)> = None;
    let mut last_prop = "";
    for seg in pointer.split('/').skip(1) {
        if let Ok(i) = seg.parse::<usize>() {
            if let Some((_, sv, en)) = ELEMENT_NOUNS.iter().find(|(p, _, _)| *p == last_prop) {
                element = Some((i, sv, en));
            }
            continue;
        }
        if let Some(l) = field_label(ty, seg) {
            if l.number.is_some() {
                question = Some(l);
            }
            leaf = Some(l);
        }
        last_prop = seg;
        ty = holds(ty, seg);
    }
    let which = |lang: Lang| match (element, lang) {
        (Some((i, sv, _)), Lang::Sv) => format!(" för {sv} {}", i + 1),
        (Some((i, _, en)), _) => format!(" for {en} {}", i + 1),
        (None, _) => String::new(),
    };
    match (question, leaf) {
        (Some(q), Some(l)) if std::ptr::eq(q, l) => {
            let n = q.number.unwrap_or_default();
            if let Some(base) = l.property.strip_suffix("Comment").and_then(|b| field_label(l.type_name, b)) {
                return Subject {
                    sv: format!("Kommentaren till fråga {n} ({})", base.sv),
                    en: format!("The comment on question {n} ({})", base.en),
                    is_question: false,
                    number: Some(n),
                    field_after_question: false,
                };
            }
            Subject {
                sv: format!("Fråga {n} ({}){}", q.sv, which(Lang::Sv)),
                en: format!("Question {n} ({}){}", q.en, which(Lang::En)),
                is_question: true,
                number: Some(n),
                field_after_question: false,
            }
        }
        (Some(q), Some(l)) => {
            let n = q.number.unwrap_or_default();
            Subject {
                sv: format!("Fråga {n} ({}){}, fältet ”{}”", q.sv, which(Lang::Sv), l.sv),
                en: format!("Question {n} ({}){}, field “{}”", q.en, which(Lang::En), l.en),
                is_question: false,
                number: Some(n),
                field_after_question: true,
            }
        }
        (None, Some(l)) => Subject {
            sv: format!("Fältet ”{}”{}", l.sv, which(Lang::Sv)),
            en: format!("The field “{}”{}", l.en, which(Lang::En)),
            is_question: false,
            number: None,
            field_after_question: false,
        },
        _ => Subject {
            sv: format!("Fältet {pointer}"),
            en: format!("The member {pointer}"),
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
    let mut ty = "Notification";
    let mut key = [0; 8];
    for (slot, seg) in key.iter_mut().zip(pointer.split('/').skip(1)) {
        let position = match seg.parse::<usize>() {
            Ok(i) => i,
            Err(_) => {
                let position = field_position(ty, seg).unwrap_or(usize::MAX);
                ty = holds(ty, seg);
                position
            }
        };
        *slot = position.saturating_add(1);
    }
    key
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
        assert_eq!(holds("DataAndSubjects", "recordCount"), "Count");
        assert_eq!(holds("ContactDetails", "contactPersons"), "ContactPerson");
        assert_eq!(holds("Incident", "description"), "");
    }

    #[test]
    fn names_questions_fields_and_elements() {
        let s = subject("/incident/ceased");
        assert_eq!(s.sv, "Fråga 13 (När upphörde incidenten?)");
        assert_eq!(s.en, "Question 13 (When did the breach cease?)");
        let s = subject("/controller/postalAddress/postcode");
        assert_eq!(s.sv, "Fråga 3 (Organisationens postadress), fältet ”Postnummer”");
        let s = subject("/contactDetails/contactPersons/1/email");
        assert_eq!(s.en, "Question 7 (Contact person's e-mail) for contact person 2");
        let s = subject("/consequences/actions/0/description");
        assert_eq!(s.sv, "Fråga 30 (Hur har ni agerat efter incidenten?) för åtgärd 1, fältet ”Åtgärd”");
        let s = subject("/incident/causeComment");
        assert_eq!(s.en, "The comment on question 18 (Why did the breach happen, in your view?)");
        assert!(!s.is_question);
    }
}
