//! Reading a supplement: every problem at once, each with its pointer into the supplement.
//!
//! The document is read into a JSON tree (duplicate members refused), its members checked one by
//! one, and each change's value read with the notification's own reader, in a notification that
//! holds only that answer, so that a value is checked by exactly the type of its field.

use serde::de::{DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::answer_field;
use crate::form::Field;
use crate::lang::{shown, Lang};
use crate::model::filing::{CaseNumber, Change, NotificationReference, Supplement, SUPPLEMENT_KIND};
use crate::model::notification::Notification;
use crate::model::version::{SchemaVersion, SCHEMA_VERSION};
use crate::validation::{rule, Report, RuleKind, ValidationOptions, Violation};
use crate::values::datetime::Timestamp;
use crate::values::error::FieldError;
use crate::values::text::{LongText, ShortText};
use crate::wire::error::ParseError;
use crate::wire::limits::{MAX_DOCUMENT_BYTES, MAX_NESTING_DEPTH, MAX_PARSE_ERRORS};
use crate::wire::pointer::Pointer;

impl Supplement {
    /// Reads a supplement from JSON text, stopping at the first problem.
    ///
    /// # Errors
    /// The first [`ParseError`] of [`from_json_all_errors`](Self::from_json_all_errors).
    pub fn from_json(text: &str) -> Result<Self, ParseError> {
        Self::from_json_all_errors(text.as_bytes()).map_err(|mut e| e.swap_remove(0))
    }

    /// Reads a supplement from JSON bytes, reporting every problem (at most
    /// [`MAX_PARSE_ERRORS`](crate::MAX_PARSE_ERRORS)), each with its pointer into the supplement.
    ///
    /// # Errors
    /// The problems, in document order; at least one.
    ///
    /// # Example
    /// ```
    /// let doc = br#"{"schemaVersion":"1.0","kind":"supplement","caseNumber":"12",
    ///   "notification":{"submittedAt":"2025-03-31T09:00:00+02:00"},"submittedAt":"2025-04-02T10:00:00+02:00",
    ///   "changes":[{"field":"/incident/nature","value":"stolen"},{"field":"/incident/nmae","clear":true}]}"#;
    /// let errs = imy_breach::Supplement::from_json_all_errors(doc).unwrap_err();
    /// let found: Vec<_> = errs.iter().map(|e| (e.pointer().to_string(), e.code())).collect();
    /// assert_eq!(found, [
    ///     ("/caseNumber".to_string(), "case-number-format"),
    ///     ("/changes/0/value".to_string(), "unknown-option"),
    ///     ("/changes/1/field".to_string(), "supplement-field"),
    /// ]);
    /// ```
    pub fn from_json_all_errors(bytes: &[u8]) -> Result<Self, Vec<ParseError>> {
        let tree = parse_tree(bytes).map_err(|e| vec![e])?;
        let mut r = Reader::default();
        let s = r.supplement(&tree);
        match s {
            Some(s) if r.errors.is_empty() => Ok(s),
            _ => {
                r.errors.truncate(MAX_PARSE_ERRORS);
                Err(r.errors)
            }
        }
    }
}

impl Change {
    /// A change that sets `field` to `value`, checked by the type of the field (the value is kept
    /// in its canonical form).
    ///
    /// # Errors
    /// The problems with the value, pointers relative to it (`""` is the value itself), or one
    /// `supplement-field` problem when `field` is not one of [`answer_fields`](super::answer_fields).
    ///
    /// # Example
    /// ```
    /// use imy_breach::{form::Field, Change};
    /// let c = Change::set(Field::IncidentNature, serde_json::json!("misdirected_communication")).unwrap();
    /// assert_eq!(c.pointer(), "/incident/nature");
    /// assert!(Change::set(Field::IncidentNature, serde_json::json!("x")).is_err());
    /// ```
    pub fn set(field: Field, value: Value) -> Result<Change, Vec<ParseError>> {
        let pointer = checked_field(field).map_err(|e| vec![e])?;
        let value = canonical_value(field, value, &Pointer::root())?;
        Ok(Change { pointer, value: Some(value), comment: None })
    }

    /// A change that clears the answer `field`.
    ///
    /// # Errors
    /// A `supplement-field` problem when `field` is not one of [`answer_fields`](super::answer_fields).
    ///
    /// # Example
    /// ```
    /// use imy_breach::{form::Field, Change};
    /// assert!(Change::clear(Field::IncidentCeased).unwrap().is_clear());
    /// assert!(Change::clear(Field::IncidentCeasedDate).is_err());
    /// ```
    pub fn clear(field: Field) -> Result<Change, ParseError> {
        Ok(Change { pointer: checked_field(field)?, value: None, comment: None })
    }

    /// The answer the change is about.
    pub fn field(&self) -> Field {
        // Every change is built from an answer field, so the lookup finds it.
        answer_field(self.pointer).unwrap_or(Field::SchemaVersion)
    }
}

fn checked_field(field: Field) -> Result<&'static str, ParseError> {
    answer_field(field.pattern_str()).map(Field::pattern_str).ok_or_else(|| field_error(Pointer::root()))
}

/// Reads and checks a supplement given as bytes: the reading problems, then the findings of the
/// notification's rules that concern one value alone (personal data and invisible characters in
/// text, identifiers, counts), at pointers into the supplement. Its place in the case (does it fit
/// the notification?) is checked by [`validate_case`](super::validate_case).
///
/// # Example
/// ```
/// let doc = br#"{"schemaVersion":"1.0","kind":"supplement","notification":{"submittedAt":"2025-03-31T09:00:00+02:00"},
///   "submittedAt":"2025-04-02T10:00:00+02:00",
///   "changes":[{"field":"/incident/description","value":"Kalle, 19121212-1212, fick fel brev."}]}"#;
/// let (s, report) = imy_breach::case::validate_supplement_json(doc);
/// assert!(s.is_some());
/// let v = &report.violations[0];
/// assert_eq!((v.code, v.pointer.as_str()), ("personal-identity-number-in-text", "/changes/0/value"));
/// ```
pub fn validate_supplement_json(bytes: &[u8]) -> (Option<Supplement>, Report) {
    match Supplement::from_json_all_errors(bytes) {
        Ok(s) => {
            let violations = value_findings(&s);
            (Some(s), Report { violations, skipped: Vec::new() })
        }
        Err(errors) => {
            let violations = errors.into_iter().map(Violation::from).collect();
            (None, Report { violations, skipped: Vec::new() })
        }
    }
}

/// The findings about each value on its own, at `/changes/i/value…`.
fn value_findings(s: &Supplement) -> Vec<Violation> {
    let alone = |code: &str| {
        rule(code).is_some_and(|r| {
            matches!(
                r.kind,
                RuleKind::PersonalData | RuleKind::Text | RuleKind::Identifier | RuleKind::Number
            )
        }) || code == "answer-not-in-schema-version"
    };
    let mut out = Vec::new();
    for (i, c) in s.changes.iter().enumerate() {
        let Some(v) = &c.value else { continue };
        let Ok(n) = holding_in(s.schema_version, c.field(), v.clone()) else { continue };
        for mut f in n.validate(&ValidationOptions::new()).violations {
            if alone(f.code) && f.pointer.starts_with(c.pointer) {
                f.pointer = format!("/changes/{i}/value{}", &f.pointer[c.pointer.len()..]);
                out.push(f);
            }
        }
    }
    out
}

/// A notification that holds only `value` as the answer `field` (checked by the reader).
pub(crate) fn holding(field: Field, value: Value) -> Result<Notification, Vec<ParseError>> {
    holding_in(SchemaVersion::default(), field, value)
}

/// [`holding`] in schema version `version`: a value with answers newer than the supplement's own
/// version (a `state` in a 1.0 supplement) is then `answer-not-in-schema-version`.
fn holding_in(version: SchemaVersion, field: Field, value: Value) -> Result<Notification, Vec<ParseError>> {
    let mut doc = Map::new();
    doc.insert(
        "schemaVersion".into(),
        serde_json::to_value(version).unwrap_or(Value::String(SCHEMA_VERSION.into())),
    );
    set_at(&mut doc, field, Some(value));
    let bytes = serde_json::to_vec(&Value::Object(doc)).unwrap_or_default();
    Notification::from_json_all_errors(&bytes)
}

/// Sets (or, with `None`, removes) the answer `field` of a notification's JSON object.
pub(crate) fn set_at(doc: &mut Map<String, Value>, field: Field, value: Option<Value>) {
    let Some(section) = field.parent() else { return };
    let entry = doc.entry(section.member()).or_insert_with(|| Value::Object(Map::new()));
    let Value::Object(members) = entry else { return };
    match value {
        Some(v) => {
            members.insert(field.member().into(), v);
        }
        None => {
            members.shift_remove(field.member());
            if members.is_empty() {
                doc.shift_remove(section.member());
            }
        }
    }
}

/// The answer `field` of a notification's JSON object, if written.
pub(crate) fn get_at(doc: &Map<String, Value>, field: Field) -> Option<&Value> {
    doc.get(field.parent()?.member())?.get(field.member())
}

/// The value in its canonical form (as the notification writes it), or the problems, at pointers
/// below `at`.
fn canonical_value(field: Field, value: Value, at: &Pointer) -> Result<Value, Vec<ParseError>> {
    let prefix = Pointer::parse(field.pattern_str()).unwrap_or_default();
    let n = holding(field, value).map_err(|errs| {
        errs.into_iter()
            .map(|mut e| {
                let tail = &e.pointer.segments()[prefix.len().min(e.pointer.len())..];
                let mut p = at.clone();
                tail.iter().for_each(|s| p.push(s.clone()));
                e.pointer = p;
                (e.line, e.column) = (None, None);
                e
            })
            .collect::<Vec<_>>()
    })?;
    let written = match serde_json::to_value(&n) {
        Ok(Value::Object(doc)) => get_at(&doc, field).cloned(),
        _ => None,
    };
    written.ok_or_else(|| {
        vec![ParseError::new(
            at.clone(),
            "invalid-value",
            "Värdet är tomt. Skriv \"clear\": true för att ta bort ett svar.".into(),
            "The value is empty. Write \"clear\": true to clear an answer.".into(),
        )]
    })
}

fn field_error(at: Pointer) -> ParseError {
    ParseError::new(
        at,
        "supplement-field",
        "Fältet är inte ett svar i formuläret: ange en medlem i en sektion, till exempel /incident/occurred."
            .into(),
        "The field is not an answer of the form: give a member of a section, for example /incident/occurred."
            .into(),
    )
}

#[derive(Default)]
struct Reader {
    errors: Vec<ParseError>,
}

/// The members of a supplement, a reference and a change.
const TOP: &[&str] = &["schemaVersion", "kind", "caseNumber", "notification", "submittedAt", "changes"];
const REFERENCE: &[&str] = &["internalReference", "submittedAt"];
const CHANGE: &[&str] = &["field", "value", "clear", "comment"];

impl Reader {
    fn push(&mut self, at: Pointer, code: &'static str, sv: String, en: String) {
        self.errors.push(ParseError::new(at, code, sv, en));
    }

    fn field_error(&mut self, at: Pointer, e: &FieldError) {
        self.push(at, e.code(), e.message(Lang::Sv), e.message(Lang::En));
    }

    /// The object at `at`, its unknown members and null values reported.
    fn object<'v>(&mut self, v: &'v Value, at: &Pointer, known: &[&str]) -> Option<&'v Map<String, Value>> {
        let Value::Object(map) = v else {
            self.push(
                at.clone(),
                "invalid-type",
                "Ett objekt väntades.".into(),
                "An object was expected.".into(),
            );
            return None;
        };
        for (name, value) in map {
            if !known.contains(&name.as_str()) {
                let s = shown(name);
                let list = known.join(", ");
                self.push(
                    at.clone().member(name.clone()),
                    "unknown-field",
                    format!("Okänt fält `{s}`; tillåtna: {list}."),
                    format!("Unknown field `{s}`; expected one of: {list}."),
                );
            } else if value.is_null() {
                self.field_error(at.clone().member(name.clone()), &FieldError::Null);
            }
        }
        Some(map)
    }

    /// A required member, reported when missing (`null` is already reported).
    fn required<'v>(
        &mut self,
        map: &'v Map<String, Value>,
        at: &Pointer,
        name: &'static str,
    ) -> Option<&'v Value> {
        match map.get(name) {
            Some(Value::Null) => None,
            Some(v) => Some(v),
            None => {
                self.push(
                    at.clone().member(name),
                    "missing-field",
                    format!("Fältet `{name}` saknas."),
                    format!("The field `{name}` is missing."),
                );
                None
            }
        }
    }

    fn string<'v>(&mut self, v: &'v Value, at: &Pointer) -> Option<&'v str> {
        match v {
            Value::String(s) => Some(s),
            Value::Null => None,
            _ => {
                self.push(
                    at.clone(),
                    "invalid-type",
                    "En sträng väntades.".into(),
                    "A string was expected.".into(),
                );
                None
            }
        }
    }

    fn timestamp(&mut self, v: &Value, at: &Pointer) -> Option<Timestamp> {
        let s = self.string(v, at)?;
        Timestamp::parse(s).map_err(|e| self.field_error(at.clone(), &e)).ok()
    }

    fn supplement(&mut self, tree: &Value) -> Option<Supplement> {
        let root = Pointer::root();
        let map = self.object(tree, &root, TOP)?;
        let version = self.required(map, &root, "schemaVersion").and_then(|v| {
            serde_json::from_value::<SchemaVersion>(v.clone())
                .map_err(|_| {
                    let given = v.as_str().map(shown).unwrap_or_default();
                    let e = FieldError::SchemaVersion { given, supported: SCHEMA_VERSION };
                    self.field_error(root.clone().member("schemaVersion"), &e)
                })
                .ok()
        });
        let kind =
            self.required(map, &root, "kind").and_then(|v| self.string(v, &root.clone().member("kind")));
        if kind.is_some_and(|k| k != SUPPLEMENT_KIND) {
            self.push(
                root.clone().member("kind"),
                "supplement-kind",
                format!("`kind` är \"{SUPPLEMENT_KIND}\" i en komplettering."),
                format!("`kind` is \"{SUPPLEMENT_KIND}\" in a supplement."),
            );
        }
        let case_number = map.get("caseNumber").and_then(|v| {
            let at = root.clone().member("caseNumber");
            let s = self.string(v, &at)?;
            CaseNumber::new(s)
                .map_err(|_| {
                    self.push(
                        at,
                        "case-number-format",
                        "Ett diarienummer skrivs IMY-2025-1234 (eller DI-2019-1234).".into(),
                        "A case number is written IMY-2025-1234 (or DI-2019-1234).".into(),
                    )
                })
                .ok()
        });
        let reference = self.required(map, &root, "notification").and_then(|v| self.reference(v));
        let at = root.clone().member("submittedAt");
        let submitted_at = self.required(map, &root, "submittedAt").and_then(|v| self.timestamp(v, &at));
        let changes = self.required(map, &root, "changes").and_then(|v| self.changes(v));
        Some(Supplement {
            schema_version: version?,
            case_number,
            notification: reference?,
            submitted_at: submitted_at?,
            changes: changes?,
        })
    }

    fn reference(&mut self, v: &Value) -> Option<NotificationReference> {
        let at = Pointer::root().member("notification");
        let map = self.object(v, &at, REFERENCE)?;
        let internal_reference = map.get("internalReference").and_then(|v| {
            let p = at.clone().member("internalReference");
            let s = self.string(v, &p)?;
            ShortText::new(s).map_err(|e| self.field_error(p, &e)).ok()
        });
        let p = at.clone().member("submittedAt");
        let submitted_at = self.required(map, &at, "submittedAt").and_then(|v| self.timestamp(v, &p))?;
        Some(NotificationReference { internal_reference, submitted_at })
    }

    fn changes(&mut self, v: &Value) -> Option<Vec<Change>> {
        let at = Pointer::root().member("changes");
        let Value::Array(items) = v else {
            self.push(at, "invalid-type", "En lista väntades.".into(), "An array was expected.".into());
            return None;
        };
        let max = super::answer_fields().len();
        if items.len() > max {
            let e = FieldError::TooManyItems { max };
            self.field_error(at, &e);
            return None;
        }
        let mut seen: Vec<&'static str> = Vec::new();
        let mut out = Vec::with_capacity(items.len());
        let mut ok = true;
        for (i, item) in items.iter().enumerate() {
            match self.change(item, at.clone().index(i)) {
                Some(c) if seen.contains(&c.pointer) => {
                    self.push(
                        at.clone().index(i).member("field"),
                        "duplicate-change",
                        "Svaret ändras redan av en tidigare ändring i kompletteringen.".into(),
                        "An earlier change of the supplement already changes this answer.".into(),
                    );
                    ok = false;
                }
                Some(c) => {
                    seen.push(c.pointer);
                    out.push(c);
                }
                None => ok = false,
            }
        }
        ok.then_some(out)
    }

    fn change(&mut self, v: &Value, at: Pointer) -> Option<Change> {
        let map = self.object(v, &at, CHANGE)?;
        let field = self.required(map, &at, "field").and_then(|f| {
            let p = at.clone().member("field");
            let s = self.string(f, &p)?;
            answer_field(s).or_else(|| {
                self.errors.push(field_error(p));
                None
            })
        });
        let comment = map.get("comment").and_then(|c| {
            let p = at.clone().member("comment");
            let s = self.string(c, &p)?;
            LongText::new(s).map_err(|e| self.field_error(p, &e)).ok()
        });
        let clear = match map.get("clear") {
            Some(Value::Bool(true)) => true,
            None | Some(Value::Null) => false,
            Some(_) => {
                self.push(
                    at.clone().member("clear"),
                    "invalid-value",
                    "`clear` är true när det finns; utelämna det annars.".into(),
                    "`clear` is true when given; leave it out otherwise.".into(),
                );
                return None;
            }
        };
        let value = match (map.get("value"), clear) {
            (Some(Value::Null), _) => return None,
            (Some(_), true) | (None, false) => {
                self.push(
                    at.clone(),
                    "supplement-change-shape",
                    "En ändring har antingen `value` eller `\"clear\": true`, inte båda.".into(),
                    "A change has either `value` or `\"clear\": true`, not both.".into(),
                );
                return None;
            }
            (Some(v), false) => Some(v),
            (None, true) => None,
        };
        let field = field?;
        let value = match value {
            Some(v) => match canonical_value(field, v.clone(), &at.clone().member("value")) {
                Ok(v) => Some(v),
                Err(mut errs) => {
                    self.errors.append(&mut errs);
                    return None;
                }
            },
            None => None,
        };
        Some(Change { pointer: field.pattern_str(), value, comment })
    }
}

/// The document as a JSON tree, within the size and nesting limits, duplicate members refused.
fn parse_tree(bytes: &[u8]) -> Result<Value, ParseError> {
    if bytes.len() > MAX_DOCUMENT_BYTES {
        let e = FieldError::DocumentTooLarge { len: bytes.len(), max: MAX_DOCUMENT_BYTES };
        return Err(ParseError::new(Pointer::root(), e.code(), e.message(Lang::Sv), e.message(Lang::En)));
    }
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let tree = Strict(0).deserialize(&mut de).and_then(|v| de.end().map(|()| v));
    tree.map_err(|e| {
        let detail = e.to_string();
        let detail = detail.split(" at line").next().unwrap_or_default().to_string();
        let mut p = ParseError::new(
            Pointer::root(),
            "json-syntax",
            format!("Ogiltig JSON: {}.", shown(&detail)),
            format!("Invalid JSON: {}.", shown(&detail)),
        );
        (p.line, p.column) = (Some(e.line()), Some(e.column()));
        p
    })
}

/// A JSON value at nesting depth `.0`, read with duplicate members refused.
struct Strict(usize);

impl<'de> DeserializeSeed<'de> for Strict {
    type Value = Value;
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Strict {
    type Value = Value;
    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let depth = self.deeper::<A::Error>()?;
        let mut out = Vec::new();
        while let Some(v) = seq.next_element_seed(Strict(depth))? {
            out.push(v);
        }
        Ok(Value::Array(out))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let depth = self.deeper::<A::Error>()?;
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            if out.contains_key(&key) {
                return Err(serde::de::Error::custom(format_args!("duplicate member `{}`", shown(&key))));
            }
            let v = map.next_value_seed(Strict(depth))?;
            out.insert(key, v);
        }
        Ok(Value::Object(out))
    }
}

impl Strict {
    fn deeper<E: serde::de::Error>(self) -> Result<usize, E> {
        if self.0 >= MAX_NESTING_DEPTH {
            Err(E::custom(format_args!("nested more than {MAX_NESTING_DEPTH} levels")))
        } else {
            Ok(self.0 + 1)
        }
    }
}
