//! The form, in the order of the form table: each section, and in it each question as its kind
//! lays it out. Labels, numbers, asterisks and which conditional questions show come from the table
//! ([`Field`]); only the few layouts that are particular to one answer are named here.

use std::collections::HashMap;

use super::blocks::{shows, Answer, Builder};
use crate::form::{walk, Condition, Field, Kind, Value};
use crate::model::notification::Notification;

/// The answers of a notification as shown, by field and list position.
struct Shown {
    values: HashMap<(Field, Option<usize>), String>,
}

impl Shown {
    /// Every answered single value of `n`, written as the form shows it (an option by its label).
    fn of(b: &Builder, n: &Notification) -> Shown {
        let mut values = HashMap::new();
        walk(n, |a| {
            let text = match a.value {
                Value::Text(t) => display(a.field.spec().kind, t),
                Value::Date(t) | Value::Time(t) | Value::UtcOffset(t) => t.to_string(),
                Value::Code(code) => match a.field.spec().kind.options().and_then(|l| l.label(code)) {
                    Some(label) => label.get(b.lang).to_string(),
                    None => code.to_string(),
                },
                Value::Count(c) => c.to_string(),
                _ => return,
            };
            values.insert((a.field, a.indices.first().copied()), text);
        });
        Shown { values }
    }

    fn get(&self, field: Field, at: Option<usize>) -> Option<String> {
        self.values.get(&(field, at)).cloned()
    }
}

/// A value as its type writes it for people (a postcode as "NNN NN"), from its wire form.
fn display(kind: Kind, wire: &str) -> String {
    use crate::values::identifiers::{Email, OrganisationNumber, PhoneNumber, Postcode};
    let shown = match kind {
        Kind::Postcode => Postcode::new(wire).ok().map(|v| v.to_string()),
        Kind::OrganisationNumber => OrganisationNumber::new(wire).ok().map(|v| v.to_string()),
        Kind::Phone => PhoneNumber::new(wire).ok().map(|v| v.to_string()),
        Kind::Email => Email::new(wire).ok().map(|v| v.to_string()),
        _ => None,
    };
    shown.unwrap_or_else(|| wire.to_string())
}

/// The form, section by section.
pub(super) fn form(b: &mut Builder, n: &Notification) {
    let shown = Shown::of(b, n);
    for section in Field::ALL.iter().copied().filter(|f| f.parent().is_none()) {
        if !matches!(section.spec().kind, Kind::Group(_)) {
            continue;
        }
        b.section(section);
        for f in section.children() {
            item(b, n, &shown, f, None);
        }
    }
}

/// One answer of a section with its question's number and label, as a supplement shows it: the
/// answers the form shows as a sub-field (an "Övrigt" comment) get their question's title first.
pub(super) fn answer_item(b: &mut Builder, n: &Notification, f: Field) {
    let shown = Shown::of(b, n);
    if is_other_comment(f) || f.spec().number.is_none() {
        b.question(f);
    }
    item(b, n, &shown, f, None);
}

/// Whether `f` is the "Övrigt" comment of a choice: shown as a sub-field of its question.
fn is_other_comment(f: Field) -> bool {
    matches!(f.spec().asked, Some(Condition::Is(_, "other") | Condition::Includes(_, "other")))
}

/// One answer of a section or a list element.
fn item(b: &mut Builder, n: &Notification, shown: &Shown, f: Field, at: Option<usize>) {
    let spec = f.spec();
    if spec.asked.is_some() && !shows(n, f) {
        return;
    }
    match (f, spec.kind) {
        // Not on the form: the markings are the source of question 37's text.
        (Field::ConfidentialityMarkings, _) => {}
        (Field::ConfidentialityRequest, _) => {
            b.simple(f, n.supplement_and_confidentiality.confidentiality_text(b.lang));
        }
        (_, Kind::List(_)) => list(b, n, shown, f),
        (_, Kind::Group("Count")) => {
            b.question(f);
            let members: Vec<(Field, String)> =
                f.children().filter_map(|m| shown.get(m, at).map(|v| (m, v))).collect();
            if members.is_empty() {
                b.answer(Answer::Unanswered);
            }
            for (m, v) in members {
                b.field(m, Some(v));
            }
        }
        (_, Kind::Group(_)) => {
            b.question(f);
            // A moment said to be not known yet or not determinable shows only what is given.
            let stated = f.children().any(|c| c.member() == "state" && shown.get(c, at).is_some());
            for m in f.children() {
                if stated && shown.get(m, at).is_none() {
                    continue;
                }
                // The UTC offset only for the hour that occurs twice, when it is given.
                if m.spec().kind == Kind::UtcOffset && shown.get(m, at).is_none() {
                    continue;
                }
                // Schema version 1.1's period and state only when given: a moment shows as before.
                if m.since() > crate::SchemaVersion::V1_0 && shown.get(m, at).is_none() {
                    continue;
                }
                b.field(m, shown.get(m, at));
            }
        }
        (_, Kind::Choices(_)) => {
            b.question(f);
            let options = options(b, n, f);
            b.answer(if options.is_empty() { Answer::Unanswered } else { Answer::List(options) });
        }
        _ if is_other_comment(f) || spec.number.is_none() => b.field(f, shown.get(f, at)),
        // Questions 32 and 34 show their date as the e-service's copy does, under "Datum".
        (_, Kind::Date) => {
            b.question(f);
            b.labelled(f, Field::ActionDate, shown.get(f, at));
        }
        _ => b.simple(f, shown.get(f, at)),
    }
}

/// A repeatable group: its question (when numbered), then each element; the contact persons show
/// one empty element when none is given.
fn list(b: &mut Builder, n: &Notification, shown: &Shown, f: Field) {
    let len = f.len(n, &[]);
    if f.spec().number.is_some() {
        b.question(f);
        if len == 0 {
            b.answer(Answer::Unanswered);
        }
    } else {
        b.mark_note(f);
    }
    let elements = if len == 0 && f == Field::ContactPersons { 1 } else { len };
    for i in 0..elements {
        b.entry(i, elements);
        for m in f.children() {
            match m.spec().number {
                Some(_) => b.simple(m, shown.get(m, Some(i))),
                None => b.field(m, shown.get(m, Some(i))),
            }
        }
    }
}

/// The labels of the options chosen in the multiple choice `f`, in form order.
fn options(b: &Builder, n: &Notification, f: Field) -> Vec<String> {
    let Some(list) = f.spec().kind.options() else { return Vec::new() };
    let mut chosen = Vec::new();
    let Ok(doc) = serde_json::to_value(n) else { return chosen };
    for code in
        doc.pointer(&f.pointer().to_string()).and_then(serde_json::Value::as_array).into_iter().flatten()
    {
        if let Some(label) = code.as_str().and_then(|c| list.label(c)) {
            chosen.push(label.get(b.lang).to_string());
        }
    }
    chosen
}
