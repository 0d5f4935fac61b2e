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
//! - **required answers** ([`REQUIRED_ANSWERS`]): `required` on
//!   the object that holds the answer, and the answer not `null` (lists: `minItems: 1`). Where a
//!   type is used in several places (an address, a moment), the requirement sits next to the `$ref`
//!   at the place of use. The answers that may follow in a supplement are required by one `if`/`else`
//!   at the root: unless question 36 is Ja.
//! - **conditional questions and "Övrigt" comments**
//!   ([`CONDITIONAL_QUESTIONS`]): an `if` that requires its
//!   trigger and tests its value, a `then` that requires the question, and an `else` that leaves it
//!   out (`null`, an empty list or a group of `null`s count as left out, as when reading);
//! - an exact count within its interval, and a time of day only with a date.
//!
//! Warnings are advice and never schema violations. The rules the schema cannot express (time
//! comparisons, check digits, free-text scanning...) are listed under the root keyword `x-rules`, each
//! with its code, severity and description.

use schemars::generate::SchemaSettings;
use schemars::transform::RestrictFormats;
use serde_json::{json, Map, Value};

use crate::affected::CountInterval;
use crate::choice::Choice;
use crate::labels::field_label;
use crate::lang::Lang;
use crate::notification::Notification;
use crate::validation::{Trigger, CONDITIONAL_QUESTIONS, REQUIRED_ANSWERS, RULES, SUPPLEMENT_POINTER};
use crate::version::SCHEMA_VERSION;

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
/// assert_eq!(s["properties"]["schemaVersion"]["const"], "1.0");
/// ```
pub fn canonical() -> Value {
    let settings =
        SchemaSettings::draft2020_12().for_deserialize().with_transform(RestrictFormats::default());
    let generator = settings.into_generator();
    let mut schema = generator.into_root_schema_for::<Notification>().to_value();
    let Some(root) = schema.as_object_mut() else {
        return schema;
    };
    let mut out = Map::new();
    out.insert("$schema".into(), root.shift_remove("$schema").unwrap_or(Value::Null));
    out.insert("$id".into(), Value::String(schema_id()));
    out.insert("title".into(), json!("Personal data breach notification to IMY"));
    out.insert(
        "description".into(),
        json!(format!(
            "IMY's form \"Anmälan av personuppgiftsincident\" (GDPR Art. 33), wire format version {SCHEMA_VERSION}. \
             Keys are camelCase, option codes snake_case; dates and times are Swedish local time. \
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
    for (k, v) in std::mem::take(root) {
        if !out.contains_key(&k) {
            out.insert(k, v);
        }
    }
    if let Some(defs) = out.shift_remove("$defs") {
        out.insert("$defs".into(), defs);
    }
    let mut schema = Value::Object(out);
    label_properties(&mut schema, "Notification");
    if let Some(defs) = schema.get_mut("$defs").and_then(Value::as_object_mut) {
        for (name, def) in defs.iter_mut() {
            label_properties(def, name);
        }
    }
    strip_doc_sections(&mut schema);
    add_rules(&mut schema);
    schema
}

/// Removes rustdoc sections (`# Example` and after) from descriptions: code is for Rust readers.
fn strip_doc_sections(value: &mut Value) {
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

/// What kind of answer a property holds, for "answered" and "left out".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// One value; `null` means not answered.
    Scalar,
    /// A list; empty means not answered.
    List,
    /// A group of fields; all `null` (or none) means not answered.
    Group,
}

/// The schema an answer of this kind satisfies when it is given.
fn answered(kind: Kind) -> Value {
    match kind {
        Kind::Scalar => json!({"not": {"type": "null"}}),
        Kind::List => json!({"minItems": 1}),
        Kind::Group => json!({"not": {"additionalProperties": {"type": "null"}}}),
    }
}

/// The schema an answer of this kind satisfies when it is left out.
fn left_out(kind: Kind) -> Value {
    match kind {
        Kind::Scalar => json!({"type": "null"}),
        Kind::List => json!({"maxItems": 0}),
        Kind::Group => json!({"additionalProperties": {"type": "null"}}),
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

/// How many times a definition is referred to.
fn ref_count(schema: &Value, name: &str) -> usize {
    let target = format!("#/$defs/{name}");
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

/// Escapes a member name for a JSON pointer.
fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// Where to put constraints on the object a property holds: the definition it refers to when that
/// definition is used only there, otherwise the property itself (next to its `$ref`).
fn descend(schema: &Value, prop_path: &str) -> String {
    match schema.pointer(prop_path).and_then(def_name) {
        Some(name) if ref_count(schema, &name) == 1 => format!("/$defs/{}", escape(&name)),
        _ => prop_path.to_string(),
    }
}

/// The schema of the object at `path`, resolving a `$ref` at a place of use.
fn object_schema<'a>(schema: &'a Value, path: &str) -> Option<&'a Value> {
    let node = schema.pointer(path)?;
    match def_name(node) {
        Some(name) if node.get("properties").is_none() => {
            schema.pointer(&format!("/$defs/{}", escape(&name)))
        }
        _ => Some(node),
    }
}

/// The kind of the answer `member` of the object at `path`.
fn kind_of(schema: &Value, path: &str, member: &str) -> Kind {
    let Some(prop) =
        object_schema(schema, path).and_then(|o| o.get("properties")).and_then(|p| p.get(member))
    else {
        return Kind::Scalar;
    };
    let is_array = |v: &Value| match v.get("type") {
        Some(Value::String(t)) => t == "array",
        Some(Value::Array(ts)) => ts.iter().any(|t| t == "array"),
        _ => false,
    };
    if is_array(prop) {
        return Kind::List;
    }
    match def_name(prop).and_then(|n| schema.pointer(&format!("/$defs/{}", escape(&n)))) {
        Some(def) if def.get("type").and_then(Value::as_str) == Some("object") => Kind::Group,
        Some(def) if is_array(def) => Kind::List,
        _ => Kind::Scalar,
    }
}

/// The object at `path` as a mutable map (created when missing).
fn object_at<'a>(schema: &'a mut Value, path: &str) -> Option<&'a mut Map<String, Value>> {
    schema.pointer_mut(path).and_then(Value::as_object_mut)
}

fn push_unique(list: &mut Value, item: &str) {
    if let Some(items) = list.as_array_mut() {
        if !items.iter().any(|x| x == item) {
            items.push(json!(item));
        }
    }
}

/// Adds `member` to the `required` list of the object schema at `path`.
fn require(schema: &mut Value, path: &str, member: &str) {
    if let Some(obj) = object_at(schema, path) {
        push_unique(obj.entry("required").or_insert_with(|| json!([])), member);
    }
}

/// Makes `member` of the object schema at `path` answered: in a definition its own schema loses
/// `null` (lists get `minItems: 1`); at a place of use an `answered` schema is added next to it.
fn make_answered(schema: &mut Value, path: &str, member: &str) {
    let kind = kind_of(schema, path, member);
    let prop_path = format!("{path}/properties/{}", escape(member));
    if schema.pointer(&prop_path).is_some() {
        let Some(prop) = object_at(schema, &prop_path) else { return };
        match kind {
            Kind::List => {
                prop.insert("minItems".into(), json!(1));
            }
            Kind::Scalar | Kind::Group => {
                if let Some(Value::Array(types)) = prop.get_mut("type") {
                    types.retain(|t| t != "null");
                    if types.len() == 1 {
                        let t = types[0].clone();
                        prop.insert("type".into(), t);
                    }
                } else if let Some(Value::Array(branches)) = prop.get("anyOf").cloned() {
                    let rest: Vec<Value> =
                        branches.into_iter().filter(|b| b != &json!({"type": "null"})).collect();
                    match rest.as_slice() {
                        // `anyOf: [{$ref}]` becomes the `$ref` itself, in the same place.
                        [Value::Object(only)] => {
                            let mut out = Map::new();
                            for (k, v) in std::mem::take(prop) {
                                if k == "anyOf" {
                                    out.extend(only.clone());
                                } else {
                                    out.insert(k, v);
                                }
                            }
                            *prop = out;
                        }
                        _ => {
                            prop.insert("anyOf".into(), Value::Array(rest));
                        }
                    }
                }
            }
        }
        if let Some(prop) = object_at(schema, &prop_path) {
            title_first(prop);
        }
    } else if let Some(obj) = object_at(schema, path) {
        let props = obj.entry("properties").or_insert_with(|| json!({}));
        if let Some(props) = props.as_object_mut() {
            props.insert(member.to_string(), answered(kind));
        }
    }
}

/// Requires the answer at a table pointer (`*` = every element of a list) where it is defined.
fn place_required(schema: &mut Value, pointer: &str) {
    let segments: Vec<&str> = pointer.split('/').skip(1).collect();
    // Members before the last `*` are only passed through; after it, each is required.
    let from = segments.iter().rposition(|s| *s == "*").map_or(0, |i| i + 1);
    let mut node = String::new();
    for (i, seg) in segments.iter().enumerate() {
        if *seg == "*" {
            node = descend(schema, &format!("{node}/items"));
            continue;
        }
        if i + 1 == segments.len() {
            require(schema, &node, seg);
            make_answered(schema, &node, seg);
            return;
        }
        if i >= from {
            require(schema, &node, seg);
        }
        let prop_path = format!("{node}/properties/{}", escape(seg));
        if schema.pointer(&prop_path).is_none() {
            if let Some(obj) = object_at(schema, &node) {
                let props = obj.entry("properties").or_insert_with(|| json!({}));
                if let Some(props) = props.as_object_mut() {
                    props.insert(seg.to_string(), json!({}));
                }
            }
        }
        node = descend(schema, &prop_path);
    }
}

/// A schema that requires the answer at `pointer` (no `*`), built from the root down, for use in an
/// `if`/`then`/`else` at the root.
fn nested_requirement(schema: &Value, pointer: &str) -> Value {
    let segments: Vec<&str> = pointer.split('/').skip(1).collect();
    // The schema paths of the objects along the way, to find the kind of the last member.
    let mut node = String::new();
    for seg in &segments[..segments.len().saturating_sub(1)] {
        node = descend(schema, &format!("{node}/properties/{}", escape(seg)));
    }
    let last = segments.last().copied().unwrap_or_default();
    let mut inner = json!({"required": [last], "properties": {last: answered(kind_of(schema, &node, last))}});
    for seg in segments[..segments.len().saturating_sub(1)].iter().rev() {
        inner = json!({"required": [seg], "properties": {*seg: inner}});
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
fn push_all_of(schema: &mut Value, path: &str, rule: Value) {
    if let Some(obj) = object_at(schema, path) {
        if let Some(all) = obj.entry("allOf").or_insert_with(|| json!([])).as_array_mut() {
            all.push(rule);
        }
    }
}

/// "question 12 (Is the breach still ongoing?)" for a pointer, in English, for `$comment`s.
fn question_name(pointer: &str) -> String {
    crate::validation::subject_en(pointer)
}

fn add_rules(schema: &mut Value) {
    // Required answers, always.
    for r in REQUIRED_ANSWERS.iter().filter(|r| !r.supplementable) {
        place_required(schema, r.pointer);
    }
    // Required answers that may follow in a supplement: unless question 36 is Ja.
    let mut later = json!({});
    for r in REQUIRED_ANSWERS.iter().filter(|r| r.supplementable) {
        let n = nested_requirement(schema, r.pointer);
        merge(&mut later, n);
    }
    let q36 = nested_requirement(schema, SUPPLEMENT_POINTER);
    let mut q36_yes = q36.clone();
    let last = SUPPLEMENT_POINTER.rsplit('/').next().unwrap_or_default();
    if let Some(leaf) =
        q36_yes.pointer_mut(&format!("/properties/supplementAndConfidentiality/properties/{last}"))
    {
        *leaf = json!({"const": "yes"});
    }
    push_all_of(
        schema,
        "",
        json!({
            "$comment": "The facts of GDPR Art. 33(3) that may not be known within 72 hours are required unless \
                         question 36 (intends to supplement) is Ja: then they may follow in a supplement \
                         (Art. 33(4)), and validation gives a warning (required-in-supplement), not an error.",
            "if": q36_yes,
            "else": later,
        }),
    );
    // Conditional questions and "Övrigt" comments.
    for c in CONDITIONAL_QUESTIONS {
        let mut node = String::new();
        for seg in c.object.split('/').skip(1) {
            node = descend(schema, &format!("{node}/properties/{}", escape(seg)));
        }
        let test = match c.when {
            Trigger::Is(code) => json!({"const": code}),
            Trigger::Includes(code) => json!({"contains": {"const": code}}),
        };
        let dep_kind = kind_of(schema, &node, c.dependent);
        let then = match c.required_member {
            Some(m) => {
                let dep_node = descend(schema, &format!("{node}/properties/{}", escape(c.dependent)));
                let member =
                    json!({"required": [m], "properties": {m: answered(kind_of(schema, &dep_node, m))}});
                json!({"required": [c.dependent], "properties": {c.dependent: member}})
            }
            None => json!({"required": [c.dependent], "properties": {c.dependent: answered(dep_kind)}}),
        };
        let trigger = format!("{}/{}", c.object, c.trigger);
        let dependent = format!("{}/{}", c.object, c.dependent);
        let comment = if c.other_comment {
            format!("{} is given exactly when \"Other\" is chosen.", question_name(&dependent))
        } else {
            format!(
                "{} is answered exactly when the answer to {} is \"{}\".",
                question_name(&dependent),
                crate::lang::lower_first(&question_name(&trigger)),
                c.when_label.1
            )
        };
        push_all_of(
            schema,
            &node,
            json!({
                "$comment": comment,
                "if": {"required": [c.trigger], "properties": {c.trigger: test}},
                "then": then,
                "else": {"properties": {c.dependent: left_out(dep_kind)}},
            }),
        );
    }
    // An exact count lies in the chosen interval.
    for interval in CountInterval::ALL {
        let (lo, hi) = interval.bounds();
        let mut range = json!({"minimum": lo});
        if let Some(hi) = hi {
            range["maximum"] = json!(hi);
        }
        push_all_of(
            schema,
            "/$defs/Count",
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
            &format!("/$defs/{def}"),
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

/// The rules JSON Schema cannot express: `[{code, severity, description}]`.
fn x_rules(lang: Lang) -> Value {
    Value::Array(
        RULES
            .iter()
            .filter(|r| !r.in_schema)
            .map(|r| json!({"code": r.code, "severity": r.level.code(), "description": r.checks(lang)}))
            .collect(),
    )
}

/// Adds `x-labels`, `x-question` and the English title to each property of one model type.
fn label_properties(schema: &mut Value, type_name: &str) {
    let Some(props) = schema.get_mut("properties").and_then(Value::as_object_mut) else {
        return;
    };
    for (name, prop) in props.iter_mut() {
        let (Some(label), Some(obj)) = (field_label(type_name, name), prop.as_object_mut()) else {
            continue;
        };
        obj.insert("title".into(), json!(label.title(Lang::En)));
        if let Some(n) = label.number {
            obj.insert("x-question".into(), json!(n));
        }
        let mut labels = json!({"sv": label.sv, "en": label.en});
        if let (Some(sv), Some(en)) = (label.help_sv, label.help_en) {
            labels["helpSv"] = json!(sv);
            labels["helpEn"] = json!(en);
        }
        obj.insert("x-labels".into(), labels);
        title_first(obj);
    }
}

/// Puts `title` and `description` first, for readers of the schema.
fn title_first(obj: &mut Map<String, Value>) {
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

fn localize(value: &mut Value, lang: Lang) {
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
