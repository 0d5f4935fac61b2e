//! The JSON Schema (draft 2020-12) of the wire format: a canonical schema, and a Swedish and an
//! English variant whose titles are the form's question texts and option labels.
//!
//! - [`canonical`] is the validation contract. Every property carries `x-labels` (`sv`, `en`) and,
//!   when it is a numbered question, `x-question`; every option of a list is a `oneOf` branch with
//!   `const`, `title`, `x-labels` and `x-provenance`. Descriptions are the model's documentation.
//! - [`localized`] is the same schema with `title` and `description` in one language, for generating
//!   forms.
//!
//! Free text is limited: 200 characters for names, roles, addresses and references, 10,000 for
//! descriptions, comments, actions and reasons (IMY does not publish its limits). Lists are limited
//! too: 20 contact persons, 100 processors, 200 actions.
//!
//! # The rules in the schema
//!
//! The schema carries every rule of [validation](crate::validation) that JSON Schema can express, built
//! from the same tables, so that a document the schema rejects always has an error in
//! [`validate_json`](crate::validate_json) and an error of such a rule always means the schema rejects
//! it (`tests/differential.rs` checks this):
//!
//! - **required answers** (the form table's [`crate::form::Requirement`]): `required` on
//!   the object that holds the answer (lists: `minItems: 1`, groups: `minProperties: 1`). Where a
//!   type is used in several places (an address, a moment), the requirement sits next to the `$ref`
//!   at the place of use. The answers that may follow in a supplement are required by one `if`/`else`
//!   at the root: unless question 36 is Ja.
//! - **conditional questions and "Övrigt" comments**
//!   ([`Spec::asked`](crate::form::Spec::asked)): an `if` that requires its
//!   trigger and tests its value, a `then` that requires the question, and an `else` that leaves it
//!   out (an empty list or group counts as left out, as when reading);
//! - an exact count within its interval, and a time of day only with a date.
//!
//! `null` is never a value: the reader refuses it wherever it stands (`invalid-type`), and the
//! schema has no `null` branch (an answer not given is left out).
//!
//! Warnings are advice and never schema violations. The rules the schema cannot express (time
//! comparisons, check digits, free-text scanning...) are listed under the root keyword `x-rules`, each
//! with its code, severity and description.

use schemars::generate::SchemaSettings;
use schemars::transform::RestrictFormats;
use serde_json::{json, Map, Value};

use crate::form::{Condition, Field, Kind as FieldKind, Requirement};
use crate::lang::Lang;
use crate::model::affected::CountInterval;
use crate::model::notification::Notification;
use crate::model::version::SCHEMA_VERSION;
use crate::validation::RULES;
use crate::values::choice::Choice;
use crate::values::identifiers::{SWEDEN_PATTERN, SWEDISH_POSTCODE_PATTERN};
use crate::wire::pointer::{Pointer, Segment};

/// The `$id` of the canonical schema.
pub fn schema_id() -> String {
    format!("urn:imy-breach:notification:{SCHEMA_VERSION}")
}

/// The `$id` of a localized variant.
pub fn localized_schema_id(lang: Lang) -> String {
    format!("{}:{}", schema_id(), lang.code())
}

/// The canonical schema: the validation contract.
///
/// # Example
/// ```
/// let s = imy_breach::schema::canonical();
/// assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
/// assert_eq!(s["properties"]["schemaVersion"]["enum"], serde_json::json!(["1.0", "1.1"]));
/// ```
pub fn canonical() -> Value {
    let mut out = Map::new();
    out.insert("$id".into(), Value::String(schema_id()));
    out.insert("title".into(), json!("Personal data breach notification to IMY"));
    out.insert(
        "description".into(),
        json!(format!(
            "IMY's form \"Anmälan av personuppgiftsincident\" (GDPR Art. 33), wire format version {SCHEMA_VERSION}. \
             Keys are camelCase, option codes snake_case; dates and times are Swedish local time. \
             null is never a value: an answer not given is left out. \
             Free text: at most 200 characters for names, roles, addresses and references, 10,000 for \
             descriptions, comments, actions and reasons. \
             The schema expresses the required answers, the conditional questions and \"Övrigt\" comments, \
             counts within their intervals and times only with dates. Validation (imy-breach validate) also \
             checks the rules listed under x-rules, which JSON Schema cannot express; its warnings are advice, \
             never schema violations. Limits (x-limits): a document of more than {} bytes (1 MiB) is refused \
             before it is read, and one nested more than {} levels deep is refused too; lists have the \
             maxItems given here.",
            crate::MAX_DOCUMENT_BYTES,
            crate::MAX_NESTING_DEPTH,
        )),
    );
    out.insert(
        "x-limits".into(),
        json!({
            "maxDocumentBytes": crate::MAX_DOCUMENT_BYTES,
            "maxNestingDepth": crate::MAX_NESTING_DEPTH,
            "maxParseErrors": crate::MAX_PARSE_ERRORS,
        }),
    );
    out.insert(
        "x-labels".into(),
        json!({"sv": "Anmälan av personuppgiftsincident", "en": "Personal data breach notification"}),
    );
    let mut schema = generated::<Notification>(out);
    label_properties(&mut schema, "Notification");
    if let Some(defs) = schema.get_mut("$defs").and_then(Value::as_object_mut) {
        for (name, def) in defs.iter_mut() {
            label_properties(def, name);
        }
    }
    label_uses(&mut schema);
    strip_doc_sections(&mut schema);
    add_rules(&mut schema);
    schema
}

/// The schema schemars generates for `T`, without `null` branches, with `$schema` first, then the
/// members of `head`, then the generated ones, and `$defs` last.
pub(crate) fn generated<T: schemars::JsonSchema>(head: Map<String, Value>) -> Value {
    let settings =
        SchemaSettings::draft2020_12().for_deserialize().with_transform(RestrictFormats::default());
    let mut schema = settings.into_generator().into_root_schema_for::<T>().to_value();
    drop_null_branches(&mut schema);
    let Some(root) = schema.as_object_mut() else {
        return schema;
    };
    let mut out = Map::new();
    out.insert("$schema".into(), root.shift_remove("$schema").unwrap_or(Value::Null));
    out.extend(head);
    for (k, v) in std::mem::take(root) {
        if !out.contains_key(&k) {
            out.insert(k, v);
        }
    }
    if let Some(defs) = out.shift_remove("$defs") {
        out.insert("$defs".into(), defs);
    }
    Value::Object(out)
}

/// Removes rustdoc sections (`# Example` and after) from descriptions: code is for Rust readers.
pub(crate) fn strip_doc_sections(value: &mut Value) {
    match value {
        Value::Object(obj) => {
            if let Some(Value::String(d)) = obj.get_mut("description") {
                if let Some(at) = d.find("\n\n# ") {
                    d.truncate(at);
                }
            }
            obj.values_mut().for_each(strip_doc_sections);
        }
        Value::Array(items) => items.iter_mut().for_each(strip_doc_sections),
        _ => {}
    }
}

// ---------------------------------------------------------------------------------------------
// The rules of validation that JSON Schema can express
// ---------------------------------------------------------------------------------------------

/// What kind of answer a property holds, for "answered" and "left out". `null` is never a value
/// (the schema has no `null` branch, as the reader refuses `null`): an answer left out is absent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// One value; absent means not answered.
    Scalar,
    /// A list; absent or empty means not answered.
    List,
    /// A group of fields; absent or with no member means not answered.
    Group,
}

/// The schema an answer of this kind satisfies when it is given, besides being present; `None`
/// when being present is enough.
fn answered(kind: Kind) -> Option<Value> {
    match kind {
        Kind::Scalar => None,
        Kind::List => Some(json!({"minItems": 1})),
        Kind::Group => Some(json!({"minProperties": 1})),
    }
}

/// The schema an answer of this kind satisfies when it is left out (absent satisfies it too).
fn left_out(kind: Kind) -> Value {
    match kind {
        Kind::Scalar => json!(false),
        Kind::List => json!({"maxItems": 0}),
        Kind::Group => json!({"maxProperties": 0}),
    }
}

/// `{required: [member], properties: {member: answered}}`: the member is answered.
fn requires_answer(member: &str, kind: Kind) -> Value {
    // The member is named under `properties` even when any value answers it (`true`), as strict
    // validators (Ajv's strictRequired) ask of every `required` in a subschema.
    json!({"required": [member], "properties": {member: answered(kind).unwrap_or(json!(true))}})
}

/// Removes every `null` branch schemars gives an `Option` (`type: [T, "null"]` → `type: T`,
/// `anyOf: [S, {type: null}]` → S merged into its parent): `null` is never a value.
pub(crate) fn drop_null_branches(value: &mut Value) {
    match value {
        Value::Object(obj) => {
            drop_null_branch(obj);
            for (key, child) in obj.iter_mut() {
                if key != "const" && key != "examples" && key != "default" && key != "x-labels" {
                    drop_null_branches(child);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(drop_null_branches),
        _ => {}
    }
}

fn is_null_schema(v: &Value) -> bool {
    v.get("type") == Some(&json!("null")) && v.as_object().is_some_and(|o| o.len() == 1)
}

fn drop_null_branch(obj: &mut Map<String, Value>) {
    if let Some(Value::Array(types)) = obj.get("type") {
        let rest: Vec<Value> = types.iter().filter(|t| *t != "null").cloned().collect();
        if rest.len() < types.len() {
            let t = if rest.len() == 1 { rest[0].clone() } else { Value::Array(rest) };
            obj.insert("type".into(), t);
        }
    }
    let single = match obj.get("anyOf") {
        Some(Value::Array(branches)) if branches.len() == 2 && branches.iter().any(is_null_schema) => {
            branches.iter().find(|b| !is_null_schema(b)).cloned()
        }
        _ => None,
    };
    if let Some(Value::Object(inner)) = single {
        obj.shift_remove("anyOf");
        for (k, v) in inner {
            obj.entry(k).or_insert(v);
        }
    }
}

/// The `$defs` name a property schema refers to (directly, or through `anyOf` with `null`).
fn def_name(prop: &Value) -> Option<String> {
    let direct = prop.get("$ref").and_then(Value::as_str);
    let via_any = prop
        .get("anyOf")
        .and_then(Value::as_array)
        .and_then(|b| b.iter().find_map(|x| x.get("$ref").and_then(Value::as_str)));
    direct.or(via_any).and_then(|r| r.strip_prefix("#/$defs/")).map(str::to_string)
}

/// The place of a definition: `/$defs/Name`.
fn def_path(name: String) -> Pointer {
    Pointer::root().member("$defs").member(name)
}

/// How many times a definition is referred to.
fn ref_count(schema: &Value, name: &str) -> usize {
    let target = format!("#{}", def_path(name.to_string()));
    fn count(v: &Value, target: &str) -> usize {
        match v {
            Value::Object(o) => o
                .iter()
                .map(|(k, x)| usize::from(k == "$ref" && x.as_str() == Some(target)) + count(x, target))
                .sum(),
            Value::Array(a) => a.iter().map(|x| count(x, target)).sum(),
            _ => 0,
        }
    }
    count(schema, &target)
}

/// The value at `path`.
fn get<'a>(schema: &'a Value, path: &Pointer) -> Option<&'a Value> {
    path.segments().iter().try_fold(schema, |v, s| match s {
        Segment::Member(m) => v.get(m.as_ref()),
        Segment::Index(i) => v.get(*i),
    })
}

/// The value at `path`, to change.
fn get_mut<'a>(schema: &'a mut Value, path: &Pointer) -> Option<&'a mut Value> {
    path.segments().iter().try_fold(schema, |v, s| match s {
        Segment::Member(m) => v.get_mut(m.as_ref()),
        Segment::Index(i) => v.get_mut(*i),
    })
}

/// The schema path of a property of the object schema at `node`.
fn property(node: &Pointer, member: &'static str) -> Pointer {
    node.clone().member("properties").member(member)
}

/// Where to put constraints on the object a property holds: the definition it refers to when that
/// definition is used only there, otherwise the property itself (next to its `$ref`).
fn descend(schema: &Value, prop_path: Pointer) -> Pointer {
    match get(schema, &prop_path).and_then(def_name) {
        Some(name) if ref_count(schema, &name) == 1 => def_path(name),
        _ => prop_path,
    }
}

/// The schema path of the object that holds `field`'s members (for a list: its elements).
fn holder_path(schema: &Value, field: Field) -> Pointer {
    let mut node = Pointer::root();
    for f in field.chain() {
        node = step(schema, node, f);
    }
    if matches!(field.spec().kind, FieldKind::List(_)) {
        node = descend(schema, node.member("items"));
    }
    node
}

/// One step down from the object schema at `node` to the object `f` holds (through a list's
/// `items` when `f` lies in a list's elements).
fn step(schema: &Value, node: Pointer, f: Field) -> Pointer {
    let node = match f.parent() {
        Some(p) if matches!(p.spec().kind, FieldKind::List(_)) => descend(schema, node.member("items")),
        _ => node,
    };
    descend(schema, property(&node, f.member()))
}

/// What kind of answer a field holds, for "answered" and "left out".
fn kind_of(field: Field) -> Kind {
    match field.spec().kind {
        FieldKind::List(_) | FieldKind::Choices(_) => Kind::List,
        FieldKind::Group(_) => Kind::Group,
        _ => Kind::Scalar,
    }
}

/// The object at `path` as a mutable map.
fn object_at<'a>(schema: &'a mut Value, path: &Pointer) -> Option<&'a mut Map<String, Value>> {
    get_mut(schema, path).and_then(Value::as_object_mut)
}

fn push_unique(list: &mut Value, item: &str) {
    if let Some(items) = list.as_array_mut() {
        if !items.iter().any(|x| x == item) {
            items.push(json!(item));
        }
    }
}

/// Adds `member` to the `required` list of the object schema at `path`.
fn require(schema: &mut Value, path: &Pointer, member: &str) {
    if let Some(obj) = object_at(schema, path) {
        push_unique(obj.entry("required").or_insert_with(|| json!([])), member);
        // Next to a `$ref`, the member is also named in `properties` (as `true`): a strict validator
        // (Ajv's strictRequired) that does not inline the referenced definition asks for it there.
        if obj.contains_key("$ref") {
            if let Some(props) = obj.entry("properties").or_insert_with(|| json!({})).as_object_mut() {
                props.entry(member.to_string()).or_insert(json!(true));
            }
        }
    }
}

/// Makes `field` (a member of the object schema at `path`) answered: in a definition a list gets
/// `minItems: 1` and a group `minProperties: 1`; at a place of use that schema is added next to it.
fn make_answered(schema: &mut Value, path: &Pointer, field: Field) {
    let Some(answered) = answered(kind_of(field)) else { return };
    let prop_path = property(path, field.member());
    if get(schema, &prop_path).is_some() {
        let Some(prop) = object_at(schema, &prop_path) else { return };
        if let Value::Object(answered) = answered {
            prop.extend(answered);
        }
        title_first(prop);
    } else if let Some(obj) = object_at(schema, path) {
        let props = obj.entry("properties").or_insert_with(|| json!({}));
        if let Some(props) = props.as_object_mut() {
            props.insert(field.member().to_string(), answered);
        }
    }
}

/// Requires `field` (in a list: in every element) where it is defined.
fn place_required(schema: &mut Value, field: Field) {
    let chain = field.chain();
    // Members before the innermost list's elements are only passed through; from there on, each
    // is required.
    let in_list = |f: &Field| f.parent().is_some_and(|p| matches!(p.spec().kind, FieldKind::List(_)));
    let from = chain.iter().rposition(in_list).unwrap_or(0);
    let mut node = Pointer::root();
    for (i, f) in chain.iter().enumerate() {
        if in_list(f) {
            node = descend(schema, node.member("items"));
        }
        if i + 1 == chain.len() {
            require(schema, &node, f.member());
            make_answered(schema, &node, *f);
            return;
        }
        if i >= from {
            require(schema, &node, f.member());
        }
        let prop_path = property(&node, f.member());
        if get(schema, &prop_path).is_none() {
            if let Some(obj) = object_at(schema, &node) {
                let props = obj.entry("properties").or_insert_with(|| json!({}));
                if let Some(props) = props.as_object_mut() {
                    props.insert(f.member().to_string(), json!({}));
                }
            }
        }
        node = descend(schema, prop_path);
    }
}

/// A schema that requires `field` (outside lists) from the root down, for use in an
/// `if`/`then`/`else` at the root.
fn nested_requirement(field: Field) -> Value {
    nested(field, requires_answer(field.member(), kind_of(field)))
}

/// `inner`, a schema of the object that holds `field`, required from the root down.
fn nested(field: Field, mut inner: Value) -> Value {
    let chain = field.chain();
    for f in chain[..chain.len() - 1].iter().rev() {
        inner = json!({"required": [f.member()], "properties": {f.member(): inner}});
    }
    inner
}

/// Merges requirement `b` into `a` (both built by [`nested_requirement`]).
fn merge(a: &mut Value, b: Value) {
    let (Value::Object(a), Value::Object(b)) = (a, b) else { return };
    for (k, v) in b {
        match (a.get_mut(&k), v) {
            (Some(Value::Array(x)), Value::Array(y)) => {
                for item in y {
                    if !x.contains(&item) {
                        x.push(item);
                    }
                }
            }
            (Some(x @ Value::Object(_)), y @ Value::Object(_)) => merge(x, y),
            (_, y) => {
                a.insert(k, y);
            }
        }
    }
}

/// Appends a rule to the `allOf` of the object schema at `path`.
fn push_all_of(schema: &mut Value, path: &Pointer, rule: Value) {
    if let Some(obj) = object_at(schema, path) {
        if let Some(all) = obj.entry("allOf").or_insert_with(|| json!([])).as_array_mut() {
            all.push(rule);
        }
    }
}

/// "question 12 (Is the breach still ongoing?)" for a field, in English, for `$comment`s.
fn question_name(field: Field) -> String {
    crate::validation::subject_en(&field.pointer().to_string())
}

/// The `if` of a condition on members of one object.
fn test(condition: Condition) -> Value {
    match condition {
        Condition::Is(f, code) => {
            json!({"required": [f.member()], "properties": {f.member(): {"const": code}}})
        }
        Condition::Includes(f, code) => {
            json!({"required": [f.member()], "properties": {f.member(): {"contains": {"const": code}}}})
        }
        Condition::All(cs) => json!({"allOf": cs.iter().map(|c| test(*c)).collect::<Vec<_>>()}),
        Condition::Any(cs) => json!({"anyOf": cs.iter().map(|c| test(*c)).collect::<Vec<_>>()}),
    }
}

/// The type of `f`'s parent when the condition is on a sibling and every use of the type asks `f`
/// on the same member and option.
fn shared_condition(f: Field, condition: Condition) -> Option<&'static str> {
    let Condition::Is(t, code) = condition else { return None };
    let def = f.parent()?.spec().kind.type_name()?;
    let same = |g: &Field| match g.spec().asked {
        Some(Condition::Is(u, c)) => u.member() == t.member() && c == code && u.parent() == g.parent(),
        _ => false,
    };
    let mut uses = Field::ALL.iter().filter(|g| g.holder() == def && g.member() == f.member());
    let all_same = uses.clone().all(same) && uses.clone().count() > 1;
    (t.parent() == f.parent() && all_same && uses.next().is_some()).then_some(def)
}

/// The `$comment` of a conditional question: "… is answered exactly when the answer to … is "No"."
fn condition_comment(field: Field, condition: Condition) -> String {
    match condition {
        Condition::Is(t, "other") | Condition::Includes(t, "other") if t.parent() == field.parent() => {
            format!("{} is given exactly when \"Other\" is chosen.", question_name(field))
        }
        Condition::Is(t, code) | Condition::Includes(t, code) => format!(
            "{} is answered exactly when the answer to {} is \"{}\".",
            question_name(field),
            crate::lang::lower_first(&question_name(t)),
            t.option_label(code).en
        ),
        _ => format!("{} is answered exactly when its condition holds.", question_name(field)),
    }
}

/// The conditional questions and "Övrigt" comments of the form table, each an `if`/`then`/`else`
/// where its members are defined.
fn conditional_rules(schema: &mut Value) {
    let mut shared_done: Vec<(&str, &str)> = Vec::new();
    for &f in Field::ALL {
        let Some(condition) = f.spec().asked else { continue };
        let mut node = f.parent().map_or(Pointer::root(), |p| holder_path(schema, p));
        let mut comment = condition_comment(f, condition);
        if let Some(def) = shared_condition(f, condition) {
            // A condition between members of a type used in several places (schema version 1.1:
            // a period's end, a state's reason) holds in every use: once, in the definition.
            if shared_done.contains(&(def, f.member())) {
                continue;
            }
            shared_done.push((def, f.member()));
            node = def_path(def.into());
            if let Condition::Is(t, code) = condition {
                comment = format!(
                    "\"{}\" is answered exactly when \"{}\" is \"{}\".",
                    f.label(Lang::En),
                    t.label(Lang::En),
                    t.option_label(code).en
                );
            }
        }
        let dep_kind = kind_of(f);
        let then = match f.spec().needs {
            Some(m) => {
                // The needed member, or a comment alone (question 13: a warning, not an error).
                let mut alternatives = vec![requires_answer(m.member(), kind_of(m))];
                alternatives.extend(
                    f.children()
                        .filter(|c| c.spec().kind == FieldKind::LongText)
                        .map(|c| requires_answer(c.member(), kind_of(c))),
                );
                json!({"required": [f.member()], "properties": {f.member(): {"anyOf": alternatives}}})
            }
            None => requires_answer(f.member(), dep_kind),
        };
        push_all_of(
            schema,
            &node,
            json!({
                "$comment": comment,
                "if": test(condition),
                "then": then,
                "else": {"properties": {f.member(): left_out(dep_kind)}},
            }),
        );
    }
}

fn add_rules(schema: &mut Value) {
    // Required answers, always.
    for f in Field::ALL.iter().filter(|f| f.spec().required == Requirement::Always) {
        place_required(schema, *f);
    }
    // Required answers that may follow in a supplement: unless question 36 is Ja.
    let mut later = json!({});
    for f in Field::ALL.iter().filter(|f| f.spec().required == Requirement::UnlessSupplemented) {
        merge(&mut later, nested_requirement(*f));
    }
    let supplement = Field::IntendsToSupplement;
    let q36_yes = nested(supplement, test(Condition::Is(supplement, "yes")));
    push_all_of(
        schema,
        &Pointer::root(),
        json!({
            "$comment": "The facts of GDPR Art. 33(3) that may not be known within 72 hours are required unless \
                         question 36 (intends to supplement) is Ja: then they may follow in a supplement \
                         (Art. 33(4)), and validation gives a warning (required-in-supplement), not an error.",
            "if": q36_yes,
            "else": later,
        }),
    );
    // A Swedish postcode for an address in Sweden or without a country.
    for address in [Field::ControllerPostalAddress, Field::CorrespondenceAddress] {
        let node = holder_path(schema, address);
        push_all_of(
            schema,
            &node,
            json!({
                "$comment": "An address in Sweden (Sverige, Sweden, SE, SWE), or without a country, has a Swedish \
                             postcode: five digits (NNN NN). Another country's postcode is 2–10 letters, digits, \
                             spaces or hyphens.",
                "if": {"required": ["country"], "properties": {"country": {"not": {"pattern": SWEDEN_PATTERN}}}},
                "else": {"properties": {"postcode": {"pattern": SWEDISH_POSTCODE_PATTERN}}},
            }),
        );
    }
    conditional_rules(schema);
    // An exact count lies in the chosen interval.
    for interval in CountInterval::ALL {
        let (lo, hi) = interval.bounds();
        let mut range = json!({"minimum": lo});
        if let Some(hi) = hi {
            range["maximum"] = json!(hi);
        }
        push_all_of(
            schema,
            &def_path("Count".into()),
            json!({
                "$comment": format!("An exact number lies in the interval \"{}\".", interval.label(Lang::En)),
                "if": {"required": ["interval"], "properties": {"interval": {"const": interval.code()}}},
                "then": {"properties": {"exact": range}},
            }),
        );
    }
    // A time of day only with a date.
    for def in ["EventTime", "Action"] {
        push_all_of(
            schema,
            &def_path(def.into()),
            json!({
                "$comment": "A time of day is given only with a date.",
                "if": {"required": ["time"], "properties": {"time": {"type": "string"}}},
                "then": {"required": ["date"], "properties": {"date": {"type": "string"}}},
            }),
        );
    }
    if let Some(root) = schema.as_object_mut() {
        root.insert("x-rules".into(), x_rules(Lang::En));
    }
}

/// The rules JSON Schema cannot express: `[{code, severity, description}]`. The supplement's rules
/// are the supplement schema's ([`crate::supplement_schema`]).
fn x_rules(lang: Lang) -> Value {
    Value::Array(
        RULES
            .iter()
            .filter(|r| {
                !r.in_schema
                    && !matches!(
                        r.kind,
                        crate::validation::RuleKind::Supplement | crate::validation::RuleKind::Record
                    )
            })
            .map(|r| json!({"code": r.code, "severity": r.level.code(), "description": r.checks(lang)}))
            .collect(),
    )
}

/// Adds `x-labels`, `x-question` and the English title to each property of one model type, from
/// the form table. A member of a type used in several places whose label differs between them (the
/// exact counts of questions 23 and 24) is labelled at each place of use instead ([`label_uses`]).
pub(crate) fn label_properties(schema: &mut Value, type_name: &str) {
    let Some(props) = schema.get_mut("properties").and_then(Value::as_object_mut) else {
        return;
    };
    for (name, prop) in props.iter_mut() {
        let Some(obj) = prop.as_object_mut() else { continue };
        match shared_label(type_name, name) {
            Some(field) => label(obj, field),
            None => title_first(obj),
        }
    }
}

/// The field whose label every use of `type_name`'s member `member` shares, if they agree.
fn shared_label(type_name: &str, member: &str) -> Option<Field> {
    let mut uses = Field::ALL.iter().filter(|f| f.holder() == type_name && f.member() == member);
    let first = *uses.next()?;
    let same = |f: &Field| {
        let (a, b) = (f.spec(), first.spec());
        (a.label, a.help, a.number) == (b.label, b.help, b.number)
    };
    uses.all(same).then_some(first)
}

/// Writes a field's `title`, `x-question` and `x-labels` into its property schema.
pub(crate) fn label(obj: &mut Map<String, Value>, field: Field) {
    let spec = field.spec();
    obj.insert("title".into(), json!(field.title(Lang::En)));
    if let Some(n) = spec.number {
        obj.insert("x-question".into(), json!(n));
    }
    let mut labels = json!({"sv": spec.label.sv, "en": spec.label.en});
    if let Some(help) = spec.help {
        labels["helpSv"] = json!(help.sv);
        labels["helpEn"] = json!(help.en);
    }
    obj.insert("x-labels".into(), labels);
    title_first(obj);
}

/// Labels the members whose label differs between the places a type is used at each place of use:
/// `properties: {member: {title, x-labels}}` next to the `$ref`.
fn label_uses(schema: &mut Value) {
    for &f in Field::ALL {
        if shared_label(f.holder(), f.member()).is_some() {
            continue;
        }
        let Some(parent) = f.parent() else { continue };
        let place = holder_path(schema, parent);
        let Some(obj) = object_at(schema, &place) else { continue };
        let props = obj.entry("properties").or_insert_with(|| json!({}));
        if let Some(props) = props.as_object_mut() {
            if let Some(member) = props.entry(f.member()).or_insert_with(|| json!({})).as_object_mut() {
                label(member, f);
            }
        }
    }
}

/// Puts `title` and `description` first, for readers of the schema.
pub(crate) fn title_first(obj: &mut Map<String, Value>) {
    let mut out = Map::new();
    for key in ["title", "description"] {
        if let Some(v) = obj.shift_remove(key) {
            out.insert(key.into(), v);
        }
    }
    out.append(obj);
    *obj = out;
}

/// The schema with titles and descriptions in one language: question texts (with the form's
/// numbers), option labels, and the form's help texts. Everything else is as in [`canonical`].
///
/// # Example
/// ```
/// use imy_breach::{schema, Lang};
/// let sv = schema::localized(Lang::Sv);
/// assert_eq!(sv["properties"]["controller"]["title"], "Personuppgiftsansvarig");
/// ```
pub fn localized(lang: Lang) -> Value {
    let mut schema = canonical();
    localize(&mut schema, lang);
    if let Some(obj) = schema.as_object_mut() {
        obj.insert("$id".into(), Value::String(localized_schema_id(lang)));
        obj.insert("x-rules".into(), x_rules(lang));
    }
    schema
}

pub(crate) fn localize(value: &mut Value, lang: Lang) {
    match value {
        Value::Object(obj) => {
            if let Some(labels) = obj.get("x-labels").cloned() {
                let number = obj.get("x-question").and_then(Value::as_str).map(str::to_string);
                if let Some(label) = labels.get(lang.code()).and_then(Value::as_str) {
                    let title = match number {
                        Some(n) => format!("{n}. {label}"),
                        None => label.to_string(),
                    };
                    obj.insert("title".into(), Value::String(title));
                }
                let help_key = if lang == Lang::Sv { "helpSv" } else { "helpEn" };
                match labels.get(help_key) {
                    Some(help) => {
                        obj.insert("description".into(), help.clone());
                    }
                    None => {
                        obj.shift_remove("description");
                    }
                }
            } else {
                obj.shift_remove("description");
            }
            for (k, v) in obj.iter_mut() {
                match (k.as_str(), v) {
                    ("x-labels" | "examples" | "const" | "x-rules", _) => {}
                    // Maps from names to schemas: a property may be called "description" or "title".
                    ("properties" | "$defs", Value::Object(named)) => {
                        named.values_mut().for_each(|s| localize(s, lang));
                    }
                    (_, v) => localize(v, lang),
                }
            }
            title_first(obj);
        }
        Value::Array(items) => items.iter_mut().for_each(|v| localize(v, lang)),
        _ => {}
    }
}
