//! The shape of the wire format as paths: which member of which model type holds what. Confidentiality
//! markings name fields by JSON pointer (RFC 6901); this module resolves such a pointer against the
//! form and describes it with the form's labels.

use serde::Serialize;

use crate::form::{Field, Kind};
use crate::lang::Lang;
use crate::wire::pointer::{Pointer, Segment};

/// A member of a model type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Node {
    /// An object of the named model type.
    Struct(&'static str),
    /// An array of objects of the named model type.
    List(&'static str),
    /// A single value.
    Leaf(Kind),
}

impl Node {
    /// What a field of this kind holds.
    fn of(kind: Kind) -> Node {
        match kind {
            Kind::Group(t) => Node::Struct(t),
            Kind::List(t) => Node::List(t),
            k => Node::Leaf(k),
        }
    }
}

/// The member `property` of the model type `type_name`, or `None` when it has no such member:
/// read from the form table ([`Field`]).
#[cfg(test)]
pub(crate) fn child(type_name: &str, property: &str) -> Option<Node> {
    Field::by_type(type_name, property).map(|f| Node::of(f.spec().kind))
}

/// One step of a resolved pointer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Step {
    /// A member of a model type.
    Property(Field),
    /// An element of a list, from 0.
    Index(usize),
}

/// Why a pointer does not name a field of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ResolveError {
    /// Not an RFC 6901 pointer, or the whole document.
    Syntax,
    /// A segment that is no member of the form at that place.
    Unknown,
}

/// A pointer resolved against the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Resolved {
    /// The steps, from the document root.
    pub steps: Vec<Step>,
    /// What the pointer names.
    pub node: Node,
}

/// Resolves a JSON pointer against the form (not against a document): `/incident/description`,
/// `/contactDetails/contactPersons/0`, `/consequences/actions/2/description`.
pub(crate) fn resolve(pointer: &str) -> Result<Resolved, ResolveError> {
    let parsed = Pointer::parse(pointer).map_err(|_| ResolveError::Syntax)?;
    if parsed.is_root() {
        return Err(ResolveError::Syntax);
    }
    let mut at: Option<Field> = None;
    let mut node = Node::Struct("Notification");
    let mut steps = Vec::new();
    for segment in parsed.segments() {
        node = match (node, segment) {
            (Node::Struct(_), Segment::Member(name)) => {
                let field = Field::child(at, name).ok_or(ResolveError::Unknown)?;
                steps.push(Step::Property(field));
                at = Some(field);
                Node::of(field.spec().kind)
            }
            (Node::List(element), Segment::Index(i)) => {
                steps.push(Step::Index(*i));
                Node::Struct(element)
            }
            _ => return Err(ResolveError::Unknown),
        };
    }
    Ok(Resolved { steps, node })
}

impl Resolved {
    /// The form's name for the field, for messages and question 37: the labels along the path with
    /// question numbers, list positions counted from 1 ("nr 2" / "no. 2"), joined by " – ". The
    /// section's own name is left out when the pointer goes deeper than the section.
    ///
    /// `/contactDetails/contactPersons/0/email` → "Kontaktpersoner (nr 1) – 7. Kontaktpersonens e-post".
    pub(crate) fn describe(&self, lang: Lang) -> String {
        let mut parts: Vec<String> = Vec::new();
        for step in &self.steps {
            match step {
                Step::Property(field) => {
                    if field.parent().is_none() && self.steps.len() > 1 {
                        continue;
                    }
                    parts.push(field.title(lang));
                }
                Step::Index(n) => {
                    let position = match lang {
                        Lang::Sv => format!(" (nr {})", n + 1),
                        _ => format!(" (no. {})", n + 1),
                    };
                    if let Some(last) = parts.last_mut() {
                        last.push_str(&position);
                    }
                }
            }
        }
        parts.join(" – ")
    }

    /// Whether the field, or some field under it, can be masked.
    pub(crate) fn has_maskable_leaf(&self) -> bool {
        node_has_maskable_leaf(self.node)
    }
}

fn node_has_maskable_leaf(node: Node) -> bool {
    match node {
        Node::Leaf(kind) => kind.is_text(),
        Node::Struct(t) | Node::List(t) => Field::ALL
            .iter()
            .filter(|f| f.holder() == t)
            .any(|f| node_has_maskable_leaf(Node::of(f.spec().kind))),
    }
}

/// Whether serialising `value` writes something at the place `steps` leads to: what
/// `serde_json::to_value(value)?.pointer(…)` tells (a value that is not `null`), without building
/// the JSON. Only the members along the path are serialised; the rest is skipped unread.
pub(crate) fn is_written<T: Serialize + ?Sized>(value: &T, steps: &[Step]) -> bool {
    use crate::form::probe::{probe, Seg};
    let path: Vec<Seg> = steps
        .iter()
        .map(|s| match s {
            Step::Property(f) => Seg::Member(f.member()),
            Step::Index(i) => Seg::Index(*i),
        })
        .collect();
    probe(value, &path, None).written
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    #[test]
    fn resolves_fields_groups_and_list_elements() {
        let r = resolve("/incident/description").unwrap();
        assert_eq!(r.node, Node::Leaf(Kind::LongText));
        assert_eq!(r.describe(Lang::Sv), "16. Kort beskrivning av incidenten");
        let r = resolve("/contactDetails/contactPersons/0/email").unwrap();
        assert_eq!(r.describe(Lang::Sv), "Kontaktpersoner (nr 1) – 7. Kontaktpersonens e-post");
        assert_eq!(r.describe(Lang::En), "Contact persons (no. 1) – 7. Contact person's e-mail");
        let r = resolve("/consequences/actions/2/description").unwrap();
        assert_eq!(r.describe(Lang::Sv), "30. Hur har ni agerat efter incidenten? (nr 3) – Åtgärd");
        let r = resolve("/incident/occurred/comment").unwrap();
        assert_eq!(r.describe(Lang::Sv), "10. När inträffade incidenten? – Eventuell kommentar");
        let r = resolve("/incident").unwrap();
        assert_eq!(r.describe(Lang::Sv), "Incidenten");
        assert_eq!(resolve("/processors/organisations/1").unwrap().node, Node::Struct("Processor"));
    }

    #[test]
    fn rejects_what_is_not_a_field() {
        for bad in [
            "",
            "incident",
            "/incident/descr",
            "/incident/description/x",
            "/contactDetails/contactPersons/01",
            "/contactDetails/contactPersons/-",
            "/a~2b",
            "/contactDetails/contactPersons/x",
        ] {
            assert!(resolve(bad).is_err(), "{bad}");
        }
        assert_eq!(resolve("/a~2").unwrap_err(), ResolveError::Syntax);
        assert_eq!(resolve("/incident/x").unwrap_err(), ResolveError::Unknown);
    }

    #[test]
    fn maskable_leaves() {
        assert!(!resolve("/incident/cause").unwrap().has_maskable_leaf());
        assert!(!resolve("/dataAndSubjects/subjectCount/interval").unwrap().has_maskable_leaf());
        // Schema version 1.1: the count's reason is text a person writes.
        assert!(resolve("/dataAndSubjects/subjectCount").unwrap().has_maskable_leaf());
        assert!(resolve("/consequences/actions/0").unwrap().has_maskable_leaf());
        assert!(resolve("/incident").unwrap().has_maskable_leaf());
    }

    /// Every field of the form table resolves, by type and by pointer, to the node its kind says.
    #[test]
    fn table_agrees_with_labels() {
        for f in Field::ALL {
            assert_eq!(child(f.holder(), f.member()), Some(Node::of(f.spec().kind)), "{f:?}");
            let at: Vec<usize> = f.lists().iter().map(|_| 1).collect();
            assert_eq!(resolve(&f.pointer_at(&at).to_string()).unwrap().node, Node::of(f.spec().kind));
        }
    }

    /// Every pointer into the form: each member of each type, list elements 0, 1, 2 and 9.
    #[cfg(feature = "generate")]
    fn form_pointers(prefix: &str, node: Node, out: &mut Vec<String>) {
        match node {
            Node::Leaf(_) => {}
            Node::Struct(t) => {
                let mut members: Vec<&str> = Vec::new();
                for f in Field::ALL.iter().filter(|f| f.holder() == t) {
                    if !members.contains(&f.member()) {
                        members.push(f.member());
                    }
                }
                for member in members {
                    let pointer = format!("{prefix}/{member}");
                    out.push(pointer.clone());
                    if let Some(next) = child(t, member) {
                        form_pointers(&pointer, next, out);
                    }
                }
            }
            Node::List(t) => {
                for i in [0, 1, 2, 9] {
                    let pointer = format!("{prefix}/{i}");
                    out.push(pointer.clone());
                    form_pointers(&pointer, Node::Struct(t), out);
                }
            }
        }
    }

    /// `is_written` answers as the serialised document does, for every pointer into the form, over
    /// the examples and a thousand generated notifications (answered and unanswered fields, short
    /// and long lists).
    #[test]
    #[cfg(feature = "generate")]
    fn is_written_agrees_with_the_serialised_document() {
        let mut pointers = Vec::new();
        form_pointers("", Node::Struct("Notification"), &mut pointers);
        assert!(pointers.len() > 120, "{}", pointers.len());
        let mut documents: Vec<crate::Notification> = std::fs::read_dir("examples")
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .map(|p| crate::Notification::from_json(&std::fs::read_to_string(p).unwrap()).unwrap())
            .collect();
        assert!(documents.len() >= 4);
        documents.extend(
            crate::generate::Generator::new(7)
                .take(1000)
                .map(|s| crate::Notification::from_json(&s.json).unwrap_or_default()),
        );
        documents.push(crate::Notification::default());
        let (mut written, mut absent) = (0, 0);
        for n in &documents {
            let value = serde_json::to_value(n).unwrap();
            for pointer in &pointers {
                let r = resolve(pointer).unwrap();
                let expected = value.pointer(pointer).is_some();
                assert_eq!(is_written(n, &r.steps), expected, "{pointer}");
                if expected {
                    written += 1;
                } else {
                    absent += 1;
                }
            }
            assert!(is_written(n, &[]));
        }
        assert!(written > 10_000 && absent > 10_000, "{written} {absent}");
    }

    /// The table agrees with the schema: every property of every model type is in the table.
    #[test]
    fn table_agrees_with_schema() {
        let schema = crate::export::schema::canonical();
        let mut checked = 0;
        let mut check = |name: &str, def: &Value| {
            if let Some(props) = def.get("properties").and_then(Value::as_object) {
                for key in props.keys() {
                    assert!(child(name, key).is_some(), "{name}.{key} missing from field_path");
                    checked += 1;
                }
            }
        };
        check("Notification", &schema);
        for (name, def) in schema["$defs"].as_object().into_iter().flatten() {
            if Field::ALL.iter().any(|f| f.holder() == name) {
                check(name, def);
            }
        }
        assert!(checked > 60, "{checked}");
    }
}
