//! How messages name the answer a JSON pointer points at: the question number and the form's label,
//! for example "Fråga 13 (När upphörde incidenten?)" / "Question 13 (When did the breach cease?)".

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::choice::Lang;
use crate::labels::{FieldLabel, FIELD_LABELS};

/// The model type of each member that holds a group of fields or a list of them.
const CHILD_TYPES: &[(&str, &str, &str)] = &[
    ("Notification", "controller", "Controller"),
    ("Notification", "contactDetails", "ContactDetails"),
    ("Notification", "incident", "Incident"),
    ("Notification", "processors", "Processors"),
    ("Notification", "dataAndSubjects", "DataAndSubjects"),
    ("Notification", "consequences", "Consequences"),
    ("Notification", "dataSubjectInformation", "DataSubjectInformation"),
    ("Notification", "supplementAndConfidentiality", "SupplementAndConfidentiality"),
    ("Controller", "postalAddress", "Address"),
    ("ContactDetails", "contactPersons", "ContactPerson"),
    ("ContactDetails", "correspondenceAddress", "Address"),
    ("Incident", "occurred", "EventTime"),
    ("Incident", "discovered", "EventTime"),
    ("Incident", "ceased", "EventTime"),
    ("Processors", "organisations", "Processor"),
    ("DataAndSubjects", "subjectCount", "Count"),
    ("DataAndSubjects", "recordCount", "Count"),
    ("Consequences", "actions", "Action"),
    ("SupplementAndConfidentiality", "confidentialityMarkings", "ConfidentialityMarking"),
];

/// What one element of a list is called: (Swedish, English).
const ELEMENT_NOUNS: &[(&str, &str, &str)] = &[
    ("contactPersons", "kontaktperson", "contact person"),
    ("organisations", "biträde", "processor"),
    ("actions", "åtgärd", "action"),
    ("confidentialityMarkings", "markering", "marking"),
];

/// A member of a model type: its position in [`FIELD_LABELS`] (form order), and the model type it
/// holds when it is a group or a list ("" for a single value).
#[derive(Debug, Clone, Copy)]
struct Member {
    position: usize,
    holds: &'static str,
}

/// The member `property` of the model type `type_name`, looked up in an index built once from
/// [`FIELD_LABELS`] and [`CHILD_TYPES`]: every message and every ordering of messages looks
/// members up by name, segment by segment.
fn member(type_name: &str, property: &str) -> Option<Member> {
    static INDEX: OnceLock<HashMap<(&'static str, &'static str), Member>> = OnceLock::new();
    let index: &HashMap<(&str, &str), Member> = INDEX.get_or_init(|| {
        let mut index = HashMap::with_capacity(FIELD_LABELS.len());
        for (position, l) in FIELD_LABELS.iter().enumerate() {
            let holds = CHILD_TYPES
                .iter()
                .find(|(t, p, _)| *t == l.type_name && *p == l.property)
                .map_or("", |(_, _, c)| c);
            index.entry((l.type_name, l.property)).or_insert(Member { position, holds });
        }
        index
    });
    index.get(&(type_name, property)).copied()
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
        let m = member(ty, seg);
        if let Some(l) = m.map(|m| &FIELD_LABELS[m.position]) {
            if l.number.is_some() {
                question = Some(l);
            }
            leaf = Some(l);
        }
        last_prop = seg;
        ty = m.map_or("", |m| m.holds);
    }
    let which = |lang: Lang| match (element, lang) {
        (Some((i, sv, _)), Lang::Sv) => format!(" för {sv} {}", i + 1),
        (Some((i, _, en)), _) => format!(" for {en} {}", i + 1),
        (None, _) => String::new(),
    };
    match (question, leaf) {
        (Some(q), Some(l)) if std::ptr::eq(q, l) => {
            let n = q.number.unwrap_or_default();
            if let Some(base) =
                l.property.strip_suffix("Comment").and_then(|b| crate::labels::field_label(l.type_name, b))
            {
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
                let m = member(ty, seg);
                ty = m.map_or("", |m| m.holds);
                m.map_or(usize::MAX, |m| m.position)
            }
        };
        *slot = position.saturating_add(1);
    }
    key
}

/// The first letter in lower case, for a subject in the middle of a sentence.
pub(crate) fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index knows every labelled member at its place in the table, and the type of every
    /// group and list.
    #[test]
    fn member_index_agrees_with_the_tables() {
        for (i, l) in FIELD_LABELS.iter().enumerate() {
            let m = member(l.type_name, l.property).unwrap();
            assert_eq!(Some(&FIELD_LABELS[m.position]), crate::labels::field_label(l.type_name, l.property));
            assert!(m.position <= i);
        }
        for (t, p, c) in CHILD_TYPES {
            assert_eq!(member(t, p).map(|m| m.holds), Some(*c), "{t}.{p}");
        }
        assert!(member("Incident", "nope").is_none());
        assert!(form_order_key("/incident/occurred/date") < form_order_key("/incident/discovered"));
        assert!(form_order_key("/incident") < form_order_key("/incident/occurred"));
        assert!(
            form_order_key("/contactDetails/contactPersons/1/name")
                > form_order_key("/contactDetails/contactPersons/0/phone")
        );
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
