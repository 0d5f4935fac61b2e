//! The shape of the wire format as paths: which member of which model type holds what. Confidentiality
//! markings name fields by JSON pointer (RFC 6901); this module resolves such a pointer against the
//! form, describes it with the form's labels, and tells redaction what kind of value each leaf holds.

use std::borrow::Cow;

use serde::ser::{self, Serialize, Serializer};
use serde_json::Value;

use crate::labels::field_label;
use crate::lang::Lang;

/// What a leaf holds, as far as masking is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LeafKind {
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
    /// A date, time, offset, option, Ja/Nej answer, count or pointer: not masked.
    Other,
}

impl LeafKind {
    /// Whether a value of this kind can be replaced by a marker.
    pub(crate) fn is_maskable(self) -> bool {
        self != LeafKind::Other
    }
}

/// A member of a model type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Node {
    /// An object of the named model type.
    Struct(&'static str),
    /// An array of objects of the named model type.
    List(&'static str),
    /// A single value.
    Leaf(LeafKind),
}

/// The member `property` of the model type `type_name`, or `None` when it has no such member.
pub(crate) fn child(type_name: &str, property: &str) -> Option<Node> {
    use LeafKind::*;
    use Node::*;
    Some(match (type_name, property) {
        ("Notification", "schemaVersion" | "submittedAt") => Leaf(Other),
        ("Notification", "controller") => Struct("Controller"),
        ("Notification", "contactDetails") => Struct("ContactDetails"),
        ("Notification", "incident") => Struct("Incident"),
        ("Notification", "processors") => Struct("Processors"),
        ("Notification", "dataAndSubjects") => Struct("DataAndSubjects"),
        ("Notification", "consequences") => Struct("Consequences"),
        ("Notification", "dataSubjectInformation") => Struct("DataSubjectInformation"),
        ("Notification", "supplementAndConfidentiality") => Struct("SupplementAndConfidentiality"),
        ("Controller", "name" | "internalReference") => Leaf(ShortText),
        ("Controller", "organisationNumber") => Leaf(OrganisationNumber),
        ("Controller", "postalAddress") => Struct("Address"),
        ("Address", "street" | "city" | "country") => Leaf(ShortText),
        ("Address", "postcode") => Leaf(Postcode),
        ("ContactDetails", "contactPersons") => List("ContactPerson"),
        ("ContactDetails", "correspondenceAddress") => Struct("Address"),
        ("ContactPerson", "name" | "role") => Leaf(ShortText),
        ("ContactPerson", "email") => Leaf(Email),
        ("ContactPerson", "phone") => Leaf(Phone),
        ("Incident", "occurred" | "discovered" | "ceased") => Struct("EventTime"),
        ("Incident", "lateReason" | "description" | "causeComment" | "areaOfActivityComment") => {
            Leaf(LongText)
        }
        ("Incident", "ongoing" | "nature" | "discoveryMethod" | "cause" | "sector" | "areaOfActivity") => {
            Leaf(Other)
        }
        ("EventTime", "date" | "time" | "utcOffset") => Leaf(Other),
        ("EventTime", "comment") => Leaf(LongText),
        ("Processors", "involved") => Leaf(Other),
        ("Processors", "organisations") => List("Processor"),
        ("Processor", "name") => Leaf(ShortText),
        ("Processor", "organisationNumber") => Leaf(OrganisationNumber),
        ("DataAndSubjects", "subjectCount" | "recordCount") => Struct("Count"),
        ("DataAndSubjects", "subjectGroups" | "dataCategories" | "encrypted") => Leaf(Other),
        ("DataAndSubjects", "subjectGroupsComment" | "dataCategoriesComment") => Leaf(LongText),
        ("Count", "exact" | "interval") => Leaf(Other),
        ("Consequences", "likelyConsequences" | "severity") => Leaf(Other),
        ("Consequences", "likelyConsequencesComment") => Leaf(LongText),
        ("Consequences", "actions") => List("Action"),
        ("Action", "date" | "time") => Leaf(Other),
        ("Action", "description") => Leaf(LongText),
        ("DataSubjectInformation", "informed" | "informedOn" | "willInform" | "plannedOn") => Leaf(Other),
        ("DataSubjectInformation", "reasonNotInforming") => Leaf(LongText),
        ("SupplementAndConfidentiality", "intendsToSupplement") => Leaf(Other),
        ("SupplementAndConfidentiality", "confidentialityRequest") => Leaf(LongText),
        ("SupplementAndConfidentiality", "confidentialityMarkings") => List("ConfidentialityMarking"),
        ("ConfidentialityMarking", "pointer" | "ground") => Leaf(Other),
        ("ConfidentialityMarking", "reason") => Leaf(LongText),
        _ => return None,
    })
}

/// Every model type of the table, for tests that compare it with the labels and the schema.
#[cfg(test)]
pub(crate) const TYPES: &[&str] = &[
    "Notification",
    "Controller",
    "Address",
    "ContactDetails",
    "ContactPerson",
    "Incident",
    "EventTime",
    "Processors",
    "Processor",
    "DataAndSubjects",
    "Count",
    "Consequences",
    "Action",
    "DataSubjectInformation",
    "SupplementAndConfidentiality",
    "ConfidentialityMarking",
];

/// One step of a resolved pointer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Step {
    /// A member of a model type.
    Property {
        /// The model type holding the member.
        type_name: &'static str,
        /// The member's wire name.
        property: &'static str,
    },
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

/// Decodes one reference token (`~1` is `/`, `~0` is `~`).
fn unescape(token: &str) -> Option<Cow<'_, str>> {
    if !token.contains('~') {
        return Some(Cow::Borrowed(token));
    }
    let mut out = String::with_capacity(token.len());
    let mut chars = token.chars();
    while let Some(c) = chars.next() {
        if c == '~' {
            match chars.next() {
                Some('0') => out.push('~'),
                Some('1') => out.push('/'),
                _ => return None,
            }
        } else {
            out.push(c);
        }
    }
    Some(Cow::Owned(out))
}

/// Resolves a JSON pointer against the form (not against a document): `/incident/description`,
/// `/contactDetails/contactPersons/0`, `/consequences/actions/2/description`.
pub(crate) fn resolve(pointer: &str) -> Result<Resolved, ResolveError> {
    let Some(rest) = pointer.strip_prefix('/') else {
        return Err(ResolveError::Syntax);
    };
    let mut node = Node::Struct("Notification");
    let mut steps = Vec::new();
    for raw in rest.split('/') {
        let token = unescape(raw).ok_or(ResolveError::Syntax)?;
        node = match node {
            Node::Struct(type_name) => {
                let next = child(type_name, &token).ok_or(ResolveError::Unknown)?;
                // The property name as a 'static str: take it from the label table's spelling.
                let property = static_property(type_name, &token).ok_or(ResolveError::Unknown)?;
                steps.push(Step::Property { type_name, property });
                next
            }
            Node::List(element) => {
                let canonical = token == "0" || (!token.starts_with('0') && !token.is_empty());
                let index = token.parse::<usize>().ok().filter(|_| canonical).ok_or(ResolveError::Unknown)?;
                steps.push(Step::Index(index));
                Node::Struct(element)
            }
            Node::Leaf(_) => return Err(ResolveError::Unknown),
        };
    }
    Ok(Resolved { steps, node })
}

/// The member name with a `'static` lifetime, from the label table.
fn static_property(type_name: &str, property: &str) -> Option<&'static str> {
    field_label(type_name, property).map(|l| l.property)
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
                Step::Property { type_name, property } => {
                    if *type_name == "Notification" && self.steps.len() > 1 {
                        continue;
                    }
                    let text = match field_label(type_name, property) {
                        Some(l) => l.title(lang),
                        None => (*property).to_string(),
                    };
                    parts.push(text);
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
        Node::Leaf(kind) => kind.is_maskable(),
        Node::Struct(t) | Node::List(t) => crate::labels::FIELD_LABELS
            .iter()
            .filter(|l| l.type_name == t)
            .filter_map(|l| child(t, l.property))
            .any(node_has_maskable_leaf),
    }
}

/// Whether serialising `value` writes something at the place `steps` leads to: what
/// `serde_json::to_value(value)?.pointer(…).is_some()` tells, without building the JSON. Only the
/// members along the path are serialised; the rest is skipped unread.
pub(crate) fn is_written<T: Serialize + ?Sized>(value: &T, steps: &[Step]) -> bool {
    value.serialize(Probe { steps }).unwrap_or(false)
}

/// A serializer that follows `steps` and answers whether a value is written there. It knows the
/// shapes the model serialises to: structs, sequences, options, newtypes and scalars. Maps, tuples
/// and enums with data are not in the model; they are refused, so that a model that grows one fails
/// the test against the serialised document instead of being answered wrongly.
struct Probe<'a> {
    steps: &'a [Step],
}

/// A `Serialize` implementation failed, or the value has a shape the model does not use: then
/// nothing is written as far as the probe knows.
#[derive(Debug)]
struct ProbeError;

impl std::fmt::Display for ProbeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the value could not be followed")
    }
}

impl std::error::Error for ProbeError {}

impl ser::Error for ProbeError {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        ProbeError
    }
}

impl Probe<'_> {
    /// A scalar is written here, and has nothing under it.
    fn scalar(&self) -> Result<bool, ProbeError> {
        Ok(self.steps.is_empty())
    }
}

/// Follows the path through the members of a struct or the elements of a sequence.
struct Walk<'a> {
    /// The steps from this struct or sequence.
    steps: &'a [Step],
    /// The position of the next element of a sequence.
    position: usize,
    /// Whether the member or element the path names was found and is written.
    found: bool,
}

impl Walk<'_> {
    fn finish(self) -> Result<bool, ProbeError> {
        Ok(self.steps.is_empty() || self.found)
    }
}

macro_rules! probe_scalars {
    ($($method:ident($ty:ty)),* $(,)?) => {
        $(fn $method(self, _: $ty) -> Result<bool, ProbeError> {
            self.scalar()
        })*
    };
}

type Refused = ser::Impossible<bool, ProbeError>;

impl<'a> Serializer for Probe<'a> {
    type Ok = bool;
    type Error = ProbeError;
    type SerializeSeq = Walk<'a>;
    type SerializeTuple = Refused;
    type SerializeTupleStruct = Refused;
    type SerializeTupleVariant = Refused;
    type SerializeMap = Refused;
    type SerializeStruct = Walk<'a>;
    type SerializeStructVariant = Refused;

    probe_scalars!(
        serialize_bool(bool),
        serialize_i8(i8),
        serialize_i16(i16),
        serialize_i32(i32),
        serialize_i64(i64),
        serialize_u8(u8),
        serialize_u16(u16),
        serialize_u32(u32),
        serialize_u64(u64),
        serialize_f32(f32),
        serialize_f64(f64),
        serialize_char(char),
        serialize_str(&str),
        serialize_bytes(&[u8]),
        serialize_unit_struct(&'static str),
    );

    fn serialize_none(self) -> Result<bool, ProbeError> {
        self.scalar()
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<bool, ProbeError> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<bool, ProbeError> {
        self.scalar()
    }

    fn serialize_unit_variant(self, _: &'static str, _: u32, _: &'static str) -> Result<bool, ProbeError> {
        self.scalar()
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<bool, ProbeError> {
        value.serialize(self)
    }

    /// A string written through `Display` (dates, times, timestamps): a scalar, not built.
    fn collect_str<T: std::fmt::Display + ?Sized>(self, _: &T) -> Result<bool, ProbeError> {
        self.scalar()
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<bool, ProbeError> {
        Err(ProbeError)
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Walk<'a>, ProbeError> {
        Ok(Walk { steps: self.steps, position: 0, found: false })
    }

    fn serialize_tuple(self, _: usize) -> Result<Refused, ProbeError> {
        Err(ProbeError)
    }

    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Refused, ProbeError> {
        Err(ProbeError)
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Refused, ProbeError> {
        Err(ProbeError)
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Refused, ProbeError> {
        Err(ProbeError)
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Walk<'a>, ProbeError> {
        Ok(Walk { steps: self.steps, position: 0, found: false })
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Refused, ProbeError> {
        Err(ProbeError)
    }
}

impl ser::SerializeSeq for Walk<'_> {
    type Ok = bool;
    type Error = ProbeError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), ProbeError> {
        if let Some((Step::Index(i), rest)) = self.steps.split_first() {
            if *i == self.position {
                self.found = is_written(value, rest);
            }
        }
        self.position += 1;
        Ok(())
    }
    fn end(self) -> Result<bool, ProbeError> {
        self.finish()
    }
}

impl ser::SerializeStruct for Walk<'_> {
    type Ok = bool;
    type Error = ProbeError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), ProbeError> {
        if let Some((Step::Property { property, .. }, rest)) = self.steps.split_first() {
            if *property == key {
                self.found = is_written(value, rest);
            }
        }
        Ok(())
    }
    fn end(self) -> Result<bool, ProbeError> {
        self.finish()
    }
}

/// Calls `f` on every leaf of `value` (a document, or a part of one of the model type `node`), with
/// the leaf's kind.
pub(crate) fn for_each_leaf(value: &mut Value, node: Node, f: &mut dyn FnMut(&mut Value, LeafKind)) {
    match (node, value) {
        (Node::Leaf(kind), v) => f(v, kind),
        (Node::Struct(t), Value::Object(map)) => {
            for (key, v) in map.iter_mut() {
                if let Some(next) = child(t, key) {
                    for_each_leaf(v, next, f);
                }
            }
        }
        (Node::List(t), Value::Array(items)) => {
            for item in items {
                for_each_leaf(item, Node::Struct(t), f);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_fields_groups_and_list_elements() {
        let r = resolve("/incident/description").unwrap();
        assert_eq!(r.node, Node::Leaf(LeafKind::LongText));
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
        assert!(!resolve("/dataAndSubjects/subjectCount").unwrap().has_maskable_leaf());
        assert!(resolve("/consequences/actions/0").unwrap().has_maskable_leaf());
        assert!(resolve("/incident").unwrap().has_maskable_leaf());
    }

    /// The table names exactly the members the label table knows, type by type: when the model
    /// grows a field, this fails until the table knows how to mask it.
    #[test]
    fn table_agrees_with_labels() {
        for t in TYPES {
            for l in crate::labels::FIELD_LABELS.iter().filter(|l| l.type_name == *t) {
                assert!(child(t, l.property).is_some(), "{t}.{} missing from field_path", l.property);
            }
        }
        for l in crate::labels::FIELD_LABELS {
            assert!(TYPES.contains(&l.type_name), "type {} missing from field_path", l.type_name);
        }
    }

    /// Every pointer into the form: each member of each type, list elements 0, 1, 2 and 9.
    #[cfg(feature = "generate")]
    fn form_pointers(prefix: &str, node: Node, out: &mut Vec<String>) {
        match node {
            Node::Leaf(_) => {}
            Node::Struct(t) => {
                for l in crate::labels::FIELD_LABELS.iter().filter(|l| l.type_name == t) {
                    let pointer = format!("{prefix}/{}", l.property);
                    out.push(pointer.clone());
                    if let Some(next) = child(t, l.property) {
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
        let schema = crate::schema::canonical();
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
            if TYPES.contains(&name.as_str()) {
                check(name, def);
            }
        }
        assert!(checked > 60, "{checked}");
    }
}
