//! The form profile of the schema and a uiSchema for react-jsonschema-form: the same model, shaped
//! for form renderers.
//!
//! The canonical schema ([`crate::export::schema::canonical`]) stays the validation contract. The form
//! profile is derived from it by a fixed list of rewrites, each of which only narrows what is
//! accepted, so that every document the profile accepts the canonical schema accepts too:
//!
//! - a conditional question (13; 22; 32–35; the "Övrigt" comments) stays declared in its object's
//!   `properties` (marked `x-conditional`), where it is always evaluated; the `then` of its
//!   condition, whose `if` requires the trigger, only requires it (and marks it `x-asked` for
//!   renderers), and its `else` forbids the answer outright (`not: {required: [X]}`, where the
//!   canonical schema says the same per kind of answer: absent, or an empty list or group);
//! - objects say `unevaluatedProperties: false` instead of `additionalProperties: false`, so that an
//!   answer defined in a `then` is not an unknown member;
//! - property schemas left empty by these rewrites disappear;
//! - `schemaVersion` gets its value as `default`, so a generated form fills it in.
//!
//! The canonical schema has no `null` branch (`null` is never a value), so renderers show one plain
//! field for an optional answer, and an option list keeps `type: "string"` next to its `oneOf`.
//!
//! The uiSchema ([`ui_schema`]) orders the questions as on the form (a conditional question right
//! after the question it depends on), shows Ja/Nej as radio buttons, multiple choice as checkboxes
//! and long free text as text areas, hides the technical members, and pre-selects nothing.

use serde_json::{json, Map, Value};

use crate::export::schema::title_first;
use crate::lang::Lang;
use crate::model::version::SCHEMA_VERSION;

/// The `$id` of a form profile.
pub fn profile_id(lang: Lang) -> String {
    format!("{}:form:{}", crate::export::schema::schema_id(), lang.code())
}

/// The form profile of the schema, with titles in the given language.
///
/// # Example
/// ```
/// use imy_breach::{form_profile, Lang};
/// let p = form_profile::profile(Lang::Sv);
/// let incident = &p["$defs"]["Incident"];
/// assert_eq!(incident["unevaluatedProperties"], false);
/// // Question 13 is declared where it is always evaluated, and asked where question 12 is "no".
/// assert_eq!(incident["properties"]["ceased"]["x-conditional"], true);
/// assert_eq!(incident["allOf"][0]["then"]["required"][0], "ceased");
/// ```
pub fn profile(lang: Lang) -> Value {
    let mut schema = crate::export::schema::localized(lang);
    if let Some(obj) = schema.as_object_mut() {
        obj.insert("$id".into(), Value::String(profile_id(lang)));
        obj.shift_remove("x-rules");
    }
    rewrite(&mut schema);
    let defs = schema.get("$defs").cloned().unwrap_or(Value::Null);
    inline_labelled_uses(&mut schema, &defs);
    if let Some(version) = schema.pointer_mut("/properties/schemaVersion").and_then(Value::as_object_mut) {
        version.insert("default".into(), json!(SCHEMA_VERSION));
    }
    // One contact person row at the start: the form asks for at least one.
    if let Some(persons) =
        schema.pointer_mut("/$defs/ContactDetails/properties/contactPersons").and_then(Value::as_object_mut)
    {
        persons.insert("default".into(), json!([{}]));
    }
    if let Some(pointer) =
        schema.pointer_mut("/$defs/ConfidentialityMarking/properties/pointer").and_then(Value::as_object_mut)
    {
        pointer.insert("x-maskable".into(), maskable_answers(lang));
    }
    schema
}

/// The answers a confidentiality marking can name, for a renderer's list of the answered ones: each
/// free-text field of the form (what a public copy can mask) as its pointer pattern (list elements
/// `*`), its title and the titles of the lists it lies in. `position` words a list position
/// ("Kontaktpersoner (nr 1) – 7. Kontaktpersonens e-post", as [`crate::ConfidentialityMarking::describe_field`]).
fn maskable_answers(lang: Lang) -> Value {
    let answers: Vec<Value> = crate::form::Field::ALL
        .iter()
        .filter(|f| f.spec().kind.is_text())
        .map(|f| (f, f.pattern()))
        .filter(|(_, p)| !p.starts_with("/supplementAndConfidentiality/confidentialityMarkings"))
        .map(|(f, pattern)| {
            let lists: Vec<String> = f.lists().iter().map(|l| l.title(lang)).collect();
            json!({"pointer": pattern, "title": f.title(lang), "lists": lists})
        })
        .collect();
    json!({"position": if lang == Lang::Sv { "nr" } else { "no." }, "answers": answers})
}

fn rewrite(value: &mut Value) {
    match value {
        Value::Object(obj) => {
            if obj.get("additionalProperties") == Some(&Value::Bool(false)) {
                obj.shift_remove("additionalProperties");
                obj.insert("unevaluatedProperties".into(), Value::Bool(false));
            }
            declare_conditionals(obj);
            for (key, child) in obj.iter_mut() {
                if key != "const" && key != "examples" && key != "default" && key != "x-labels" {
                    rewrite(child);
                }
            }
            drop_empty_properties(obj);
        }
        Value::Array(items) => items.iter_mut().for_each(rewrite),
        _ => {}
    }
}

/// Replaces a `$ref` that labels members of the definition at its place of use (the exact counts
/// of questions 23 and 24) by the definition with those labels: form renderers merge a `$ref` with
/// its siblings only shallowly, so the definition's other members would be lost.
fn inline_labelled_uses(value: &mut Value, defs: &Value) {
    match value {
        Value::Object(obj) => {
            let target = obj.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix("#/$defs/"));
            let def = target.and_then(|name| defs.get(name)).and_then(Value::as_object);
            if let (Some(def), Some(Value::Object(local))) = (def, obj.get("properties").cloned()) {
                let mut inlined = def.clone();
                if let Some(Value::Object(props)) = inlined.get_mut("properties") {
                    for (name, labels) in local {
                        if let (Some(Value::Object(p)), Value::Object(labels)) =
                            (props.get_mut(&name), labels)
                        {
                            p.extend(labels);
                            title_first(p);
                        }
                    }
                }
                obj.shift_remove("$ref");
                obj.shift_remove("properties");
                for (k, v) in std::mem::take(obj) {
                    // The use's own rules (schema version 1.1: a state's reason) join the
                    // definition's (an exact count within its interval).
                    match (inlined.get_mut(&k), v) {
                        (Some(Value::Array(all)), Value::Array(more)) if k == "allOf" => all.extend(more),
                        (_, v) => {
                            inlined.insert(k, v);
                        }
                    }
                }
                *obj = inlined;
                title_first(obj);
            }
            obj.values_mut().for_each(|child| inline_labelled_uses(child, defs));
        }
        Value::Array(items) => items.iter_mut().for_each(|v| inline_labelled_uses(v, defs)),
        _ => {}
    }
}

/// Drops the property schemas the rewrites left empty (and `properties` itself when empty).
fn drop_empty_properties(obj: &mut Map<String, Value>) {
    // An object property whose constraints all vanished is an empty schema: drop it.
    if let Some(Value::Object(props)) = obj.get_mut("properties") {
        props.retain(|_, v| v.as_object().is_none_or(|o| !o.is_empty()));
    }
    if obj.get("properties").is_some_and(|p| p.as_object().is_some_and(Map::is_empty))
        && obj.get("type").is_none()
    {
        obj.shift_remove("properties");
    }
}

/// For each `allOf` entry `if {trigger} then {required: [X], …} else {no X}` of an object: keeps
/// the definition of X in `properties` (with the `then`'s own constraints on X added, and marked
/// `x-conditional`), lets the `then` only require X (and mark it `x-asked`, for renderers), and makes
/// the `else` forbid X.
///
/// The definition stays where it is always evaluated: were it only inside the `then`, a partly
/// answered X (a time without a date) would fail the `then`, its properties would count as
/// unevaluated, and `unevaluatedProperties: false` would add a spurious "must NOT have unevaluated
/// properties" to the real error. A renderer shows X where the `then` applies (`x-asked` is then
/// merged into it) and hides it elsewhere.
fn declare_conditionals(obj: &mut Map<String, Value>) {
    let Some(Value::Array(conditions)) = obj.get("allOf").cloned() else {
        return;
    };
    if obj.get("properties").is_none() {
        return;
    }
    let mut rewritten = Vec::with_capacity(conditions.len());
    for mut cond in conditions {
        let targets: Vec<String> = cond
            .pointer("/then/required")
            .and_then(Value::as_array)
            .map(|r| r.iter().filter_map(Value::as_str).map(str::to_string).collect())
            .unwrap_or_default();
        // Only an "exactly when" condition (its `else` forbids the answer) defines a conditional
        // question; a plain dependency such as "a time needs a date" stays as it is.
        let movable = cond.get("if").is_some()
            && cond.get("else").is_some()
            && !targets.is_empty()
            && targets.iter().all(|t| obj.get("properties").and_then(|p| p.get(t)).is_some());
        if movable {
            if let Some(c) = cond.as_object_mut() {
                // The answer is forbidden outright when the condition fails. `unevaluatedProperties`
                // could not say it: the answer is declared in `properties`.
                let forbid: Vec<Value> = targets.iter().map(|t| json!({"required": [t]})).collect();
                let not = if forbid.len() == 1 { forbid[0].clone() } else { json!({"anyOf": forbid}) };
                c.insert("else".into(), json!({"not": not}));
            }
            for target in &targets {
                let extra = cond
                    .pointer_mut("/then/properties")
                    .and_then(Value::as_object_mut)
                    .and_then(|p| p.insert(target.clone(), json!({"x-asked": true})));
                let props = obj.get_mut("properties").and_then(Value::as_object_mut);
                if let Some(def) = props.and_then(|p| p.get_mut(target)) {
                    let mut merged = match (std::mem::take(def), extra) {
                        (d, Some(Value::Object(extra))) => merge(d, extra),
                        (d, _) => d,
                    };
                    if let Some(m) = merged.as_object_mut() {
                        m.insert("x-conditional".into(), Value::Bool(true));
                    }
                    *def = merged;
                }
                if let Some(then) = cond.pointer_mut("/then").and_then(Value::as_object_mut) {
                    then.entry("properties")
                        .or_insert_with(|| json!({}))
                        .as_object_mut()
                        .map(|p| p.entry(target.clone()).or_insert_with(|| json!({"x-asked": true})));
                }
            }
        }
        rewritten.push(cond);
    }
    obj.insert("allOf".into(), Value::Array(rewritten));
}

/// The definition with the constraints of the `then` added (theirs win on conflict).
fn merge(def: Value, extra: Map<String, Value>) -> Value {
    let mut def = match def {
        Value::Object(d) => d,
        other => return other,
    };
    for (k, v) in extra {
        def.insert(k, v);
    }
    Value::Object(def)
}

/// The uiSchema for react-jsonschema-form that goes with [`profile`] in the same language.
///
/// # Example
/// ```
/// use imy_breach::{form_profile, Lang};
/// let ui = form_profile::ui_schema(Lang::Sv);
/// assert_eq!(ui["incident"]["ongoing"]["ui:widget"], "radio");
/// assert_eq!(ui["dataAndSubjects"]["subjectGroups"]["ui:widget"], "checkboxes");
/// ```
pub fn ui_schema(lang: Lang) -> Value {
    let schema = profile(lang);
    let mut ui = object_ui(&schema, &schema, lang, 0);
    if let Some(obj) = ui.as_object_mut() {
        obj.insert("schemaVersion".into(), json!({"ui:widget": "hidden"}));
        obj.insert("submittedAt".into(), json!({"ui:widget": "hidden"}));
        let submit = match lang {
            Lang::Sv => "Skicka",
            Lang::En => "Submit",
        };
        obj.insert("ui:submitButtonOptions".into(), json!({"submitText": submit}));
    }
    ui
}

/// Resolves a local `$ref` (`#/$defs/Name`).
fn resolve<'a>(root: &'a Value, schema: &'a Value) -> &'a Value {
    match schema.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix('#')) {
        Some(pointer) => root.pointer(pointer).unwrap_or(schema),
        None => schema,
    }
}

/// The properties of an object schema in form order: its own, with each conditional property placed
/// right after the property its condition tests.
fn ordered_properties(schema: &Value) -> Vec<(String, Value)> {
    let mut out: Vec<(String, Value)> = schema
        .get("properties")
        .and_then(Value::as_object)
        .map(|p| p.iter().map(|(k, v)| (k.clone(), v.clone())).collect())
        .unwrap_or_default();
    for cond in schema.get("allOf").and_then(Value::as_array).into_iter().flatten() {
        let trigger = cond.pointer("/if/required/0").and_then(Value::as_str).map(str::to_string);
        let Some(Value::Object(then_props)) = cond.pointer("/then/properties") else {
            continue;
        };
        for (name, def) in then_props {
            if out.iter().any(|(k, _)| k == name) {
                continue;
            }
            // After the trigger and the conditional properties already placed after it.
            let mut at = trigger
                .as_ref()
                .and_then(|t| out.iter().position(|(k, _)| k == t))
                .map_or(out.len(), |i| i + 1);
            while at < out.len() && is_conditional(schema, &out[at].0) {
                at += 1;
            }
            out.insert(at, (name.clone(), def.clone()));
        }
    }
    out
}

fn is_conditional(schema: &Value, name: &str) -> bool {
    schema
        .get("allOf")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .any(|c| c.pointer(&format!("/then/properties/{name}")).is_some() && c.get("if").is_some())
}

fn object_ui(root: &Value, schema: &Value, lang: Lang, depth: usize) -> Value {
    let schema = resolve(root, schema);
    let mut ui = Map::new();
    if depth > 8 {
        return Value::Object(ui);
    }
    let props = ordered_properties(schema);
    if props.is_empty() {
        return Value::Object(ui);
    }
    let mut order: Vec<Value> = props.iter().map(|(k, _)| json!(k)).collect();
    order.push(json!("*"));
    ui.insert("ui:order".into(), Value::Array(order));
    for (name, def) in &props {
        let mut field = field_ui(root, def, lang, depth + 1);
        if name == "utcOffset" {
            // Asked only for a wall-clock time in the hour that occurs twice (02:00–02:59 on the last
            // Sunday of October): a renderer hides it otherwise.
            if let Some(f) = field.as_object_mut() {
                f.insert("ui:options".into(), json!({"shownFor": "fold-hour"}));
            }
        }
        if field.as_object().is_some_and(|o| !o.is_empty()) {
            ui.insert(name.clone(), field);
        }
    }
    Value::Object(ui)
}

/// The title of one element of a list of this item type, as the form words it; the renderer adds
/// the position ("Kontaktperson 2").
fn item_title(item_type: &str, lang: Lang) -> Option<&'static str> {
    let (sv, en) = match item_type {
        "ContactPerson" => ("Kontaktperson", "Contact person"),
        "Processor" => ("Personuppgiftsbiträde", "Processor"),
        "Action" => ("Åtgärd", "Action"),
        "ConfidentialityMarking" => ("Sekretessmarkering", "Confidentiality marking"),
        _ => return None,
    };
    Some(if lang == Lang::Sv { sv } else { en })
}

fn field_ui(root: &Value, def: &Value, lang: Lang, depth: usize) -> Value {
    let target = resolve(root, def);
    if target.get("x-option-list") == Some(&json!("Ja/Nej")) {
        return json!({"ui:widget": "radio", "ui:options": {"inline": true}});
    }
    match target.get("type").and_then(Value::as_str) {
        Some("object") => object_ui(root, target, lang, depth),
        Some("array") => {
            let items = target.get("items").map(|i| resolve(root, i)).cloned().unwrap_or(Value::Null);
            if items.get("oneOf").is_some() {
                json!({"ui:widget": "checkboxes"})
            } else {
                let mut ui = Map::new();
                let item_type = target.pointer("/items/$ref").and_then(Value::as_str);
                if let Some(title) =
                    item_type.and_then(|r| item_title(r.trim_start_matches("#/$defs/"), lang))
                {
                    ui.insert("ui:options".into(), json!({"itemTitle": title}));
                }
                let item_ui = field_ui(root, &items, lang, depth + 1);
                if item_ui.as_object().is_some_and(|o| !o.is_empty()) {
                    ui.insert("items".into(), item_ui);
                }
                Value::Object(ui)
            }
        }
        Some("string") => {
            let long = target.get("maxLength").and_then(Value::as_u64).is_some_and(|m| m >= 1000);
            if long {
                json!({"ui:widget": "textarea", "ui:options": {"rows": 4}})
            } else if target.get("pattern").and_then(Value::as_str) == Some(crate::WALL_CLOCK_PATTERN) {
                // A time input; the browser returns `HH:MM`, as the pattern wants (rjsf's own time
                // widget would add seconds).
                json!({
                    "ui:placeholder": if lang == Lang::Sv { "TT:MM" } else { "HH:MM" },
                    "ui:options": {"inputType": "time"},
                })
            } else if target.get("oneOf").is_some() {
                // The e-service's own prompt for an unanswered choice.
                json!({"ui:placeholder": if lang == Lang::Sv { "[Välj ett alternativ]" } else { "[Choose an option]" }})
            } else {
                json!({})
            }
        }
        _ => json!({}),
    }
}
