//! The form profile of the schema and its uiSchema: valid 2020-12 schemas, never more permissive than
//! the canonical schema, with conditional questions defined where they belong and nothing pre-selected.

mod common;

use common::{examples, json_files, validator};

use imy_breach::form::{Condition, Field};
use imy_breach::{form_profile, schema, Lang};
use proptest::prelude::*;
use serde_json::{json, Value};

/// Every example and corpus document that is JSON.
fn documents() -> Vec<(String, Value)> {
    ["examples", "tests/data/valid", "tests/data/invalid"]
        .iter()
        .flat_map(|d| json_files(&[d]))
        .filter_map(|p| {
            let text = std::fs::read_to_string(&p).ok()?;
            Some((p.display().to_string(), serde_json::from_str(&text).ok()?))
        })
        .collect()
}

#[test]
fn profiles_are_valid_2020_12_schemas() {
    for lang in [Lang::Sv, Lang::En] {
        let p = form_profile::profile(lang);
        assert!(jsonschema::meta::is_valid(&p), "{lang:?} profile is not a valid schema");
        assert_eq!(p["$schema"], "https://json-schema.org/draft/2020-12/schema");
        assert_eq!(
            p["$id"],
            format!("urn:imy-breach:notification:{}:form:{}", imy_breach::SCHEMA_VERSION, lang.code())
        );
    }
}

#[test]
fn the_examples_fill_in_the_form() {
    let v = validator(&form_profile::profile(Lang::Sv));
    for path in examples() {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let errors: Vec<String> =
            v.iter_errors(&doc).map(|e| format!("{}: {e}", e.instance_path())).collect();
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
    }
}

/// The profile's shape: no null branch anywhere, `unevaluatedProperties` instead of
/// `additionalProperties`, option lists typed, no default but the schema version.
#[test]
fn profile_shape() {
    fn walk(v: &Value, at: &str, out: &mut Vec<String>) {
        match v {
            Value::Object(o) => {
                if o.get("type") == Some(&json!("null")) || o.get("type").and_then(Value::as_array).is_some()
                {
                    out.push(format!("{at}: null type"));
                }
                if o.contains_key("additionalProperties") {
                    out.push(format!("{at}: additionalProperties"));
                }
                if o.contains_key("oneOf") && o.get("type") != Some(&json!("string")) {
                    out.push(format!("{at}: oneOf without type"));
                }
                // The schema version, and the one empty contact person row the form starts with.
                let allowed =
                    ["/properties/schemaVersion", "/$defs/ContactDetails/properties/contactPersons"];
                if o.contains_key("default") && !allowed.contains(&at) {
                    out.push(format!("{at}: default"));
                }
                if o.contains_key("if") && o["if"].get("required").is_none() {
                    out.push(format!("{at}: if without required trigger"));
                }
                for (k, c) in o {
                    if k != "const" && k != "examples" && k != "x-labels" {
                        walk(c, &format!("{at}/{k}"), out);
                    }
                }
            }
            Value::Array(a) => a.iter().enumerate().for_each(|(i, c)| walk(c, &format!("{at}/{i}"), out)),
            _ => {}
        }
    }
    for lang in [Lang::Sv, Lang::En] {
        let mut problems = Vec::new();
        walk(&form_profile::profile(lang), "", &mut problems);
        assert!(problems.is_empty(), "{problems:#?}");
    }
}

/// Each conditional question is declared in its object's `properties` (where it is always
/// evaluated), and the `then` of its condition only requires it and marks it asked.
#[test]
fn conditional_questions_are_declared_and_asked_in_their_then() {
    let p = form_profile::profile(Lang::Sv);
    // The conditions, from the form table: (holder type, trigger, option, question).
    let cases: Vec<(&str, &str, &str, &str)> = Field::ALL
        .iter()
        .filter_map(|f| match f.spec().asked? {
            Condition::Is(t, code) | Condition::Includes(t, code) => {
                Some((f.holder(), t.member(), code, f.member()))
            }
            _ => None,
        })
        .collect();
    // 11 of the form, and 8 of schema version 1.1 (a period's end and a state's reason).
    assert_eq!(cases.len(), 19, "{cases:?}");
    for (def, trigger, value, question) in cases {
        let d = &p["$defs"][def];
        assert_eq!(d["properties"][question]["x-conditional"], true, "{def}.{question} is not declared");
        assert_eq!(d["unevaluatedProperties"], false, "{def}");
        let conds = d["allOf"].as_array().unwrap_or_else(|| panic!("{def} has no conditions"));
        let cond = conds
            .iter()
            .find(|c| c.pointer(&format!("/then/properties/{question}")).is_some())
            .unwrap_or_else(|| panic!("{def}.{question} is in no then"));
        assert_eq!(cond["if"]["required"], json!([trigger]), "{def}.{question}");
        let test = &cond["if"]["properties"][trigger];
        assert!(
            test == &json!({"const": value}) || test == &json!({"contains": {"const": value}}),
            "{def}.{question}: {test}"
        );
        assert_eq!(cond["else"], json!({"not": {"required": [question]}}), "{def}.{question}");
        assert_eq!(cond["then"]["properties"][question], json!({"x-asked": true}), "{def}.{question}");
        assert!(cond["then"]["required"].as_array().unwrap().contains(&json!(question)), "{def}.{question}");
        assert!(d["properties"][question].get("title").is_some(), "{def}.{question} lost its title");
    }
}

#[test]
fn ui_schema_orders_marks_and_preselects_nothing() {
    let ui = form_profile::ui_schema(Lang::Sv);
    let order = |v: &Value| -> Vec<String> {
        v["ui:order"].as_array().unwrap().iter().map(|s| s.as_str().unwrap().to_string()).collect()
    };
    assert_eq!(
        order(&ui["incident"]),
        [
            "occurred",
            "discovered",
            "ongoing",
            "ceased",
            "lateReason",
            "nature",
            "description",
            "discoveryMethod",
            "cause",
            "causeComment",
            "sector",
            "areaOfActivity",
            "areaOfActivityComment",
            "*"
        ]
    );
    assert_eq!(
        order(&ui["dataSubjectInformation"]),
        ["informed", "informedOn", "willInform", "plannedOn", "reasonNotInforming", "*"]
    );
    assert_eq!(order(&ui["processors"]), ["involved", "organisations", "*"]);
    for p in [
        "/incident/ongoing",
        "/processors/involved",
        "/dataAndSubjects/encrypted",
        "/dataSubjectInformation/informed",
        "/dataSubjectInformation/willInform",
        "/supplementAndConfidentiality/intendsToSupplement",
    ] {
        assert_eq!(ui.pointer(&format!("{p}/ui:widget")), Some(&json!("radio")), "{p}");
    }
    for p in [
        "/dataAndSubjects/subjectGroups",
        "/dataAndSubjects/dataCategories",
        "/consequences/likelyConsequences",
    ] {
        assert_eq!(ui.pointer(&format!("{p}/ui:widget")), Some(&json!("checkboxes")), "{p}");
    }
    for p in ["/incident/description", "/incident/lateReason", "/consequences/actions/items/description"] {
        assert_eq!(ui.pointer(&format!("{p}/ui:widget")), Some(&json!("textarea")), "{p}");
    }
    assert_eq!(ui.pointer("/contactDetails/contactPersons/items/email"), None, "e-mail is a one-line field");
    assert_eq!(ui["schemaVersion"]["ui:widget"], "hidden");
    let text = ui.to_string();
    assert!(
        !text.contains("\"default\"") && !text.contains("ui:emptyValue"),
        "the uiSchema pre-fills an answer"
    );
    assert_eq!(
        form_profile::ui_schema(Lang::En)["incident"]["nature"]["ui:placeholder"],
        "[Choose an option]"
    );
}

// -------------------------------------------------------------------------------------------------
// Everything the form profile accepts, the canonical schema accepts too.
// -------------------------------------------------------------------------------------------------

/// The values a mutation may put in place: valid codes, answers of other types, nulls, empties.
fn replacement() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        Just(json!("yes")),
        Just(json!("no")),
        Just(json!("other")),
        Just(json!("")),
        Just(json!("En kommentar.")),
        Just(json!([])),
        Just(json!(["other"])),
        Just(json!({})),
        Just(json!({"date": "2025-03-28"})),
        Just(json!(17)),
        Just(json!([{"name": "Exempel IT AB"}])),
    ]
}

/// Every pointer to a member of an object in the document.
fn member_pointers(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(o) => {
            for (k, c) in o {
                let p = format!("{at}/{k}");
                out.push(p.clone());
                member_pointers(c, p, out);
            }
        }
        Value::Array(a) => {
            a.iter().enumerate().for_each(|(i, c)| member_pointers(c, format!("{at}/{i}"), out))
        }
        _ => {}
    }
}

/// Conditional members a mutation may add.
const ADDABLE: &[(&str, &str)] = &[
    ("/incident", "ceased"),
    ("/incident", "causeComment"),
    ("/incident", "areaOfActivityComment"),
    ("/processors", "organisations"),
    ("/dataSubjectInformation", "informedOn"),
    ("/dataSubjectInformation", "willInform"),
    ("/dataSubjectInformation", "plannedOn"),
    ("/dataSubjectInformation", "reasonNotInforming"),
    ("/dataAndSubjects", "subjectGroupsComment"),
];

fn mutate(mut doc: Value, ops: &[(u8, usize, Value)]) -> Value {
    for (kind, pick, value) in ops {
        let mut pointers = Vec::new();
        member_pointers(&doc, String::new(), &mut pointers);
        match kind % 3 {
            0 if !pointers.is_empty() => {
                // Replace a member's value.
                let p = &pointers[pick % pointers.len()];
                if let Some(slot) = doc.pointer_mut(p) {
                    *slot = value.clone();
                }
            }
            1 if !pointers.is_empty() => {
                // Delete a member.
                let p = &pointers[pick % pointers.len()];
                if let Some((parent, key)) = p.rsplit_once('/') {
                    if let Some(Value::Object(o)) = doc.pointer_mut(parent) {
                        o.remove(key);
                    }
                }
            }
            _ => {
                // Add a conditional member.
                let (parent, key) = ADDABLE[pick % ADDABLE.len()];
                if let Some(Value::Object(o)) = doc.pointer_mut(parent) {
                    o.insert(key.to_string(), value.clone());
                }
            }
        }
    }
    doc
}

#[test]
fn the_profile_accepts_nothing_the_canonical_schema_rejects_in_the_corpus() {
    let form_v = validator(&form_profile::profile(Lang::Sv));
    let canon_v = validator(&schema::canonical());
    let mut accepted = 0;
    for (name, doc) in documents() {
        if form_v.is_valid(&doc) {
            accepted += 1;
            let errors: Vec<String> = canon_v.iter_errors(&doc).map(|e| e.to_string()).collect();
            assert!(
                errors.is_empty(),
                "{name}: the form accepts it, the canonical schema does not: {errors:#?}"
            );
        }
    }
    assert!(accepted >= 8, "only {accepted} corpus documents fit the form: the check says little");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn the_profile_accepts_nothing_the_canonical_schema_rejects(
        example in 0usize..4,
        ops in prop::collection::vec((any::<u8>(), any::<usize>(), replacement()), 1..4),
    ) {
        thread_local! {
            static VALIDATORS: (jsonschema::Validator, jsonschema::Validator) =
                (validator(&form_profile::profile(Lang::Sv)), validator(&schema::canonical()));
        }
        let examples = examples();
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&examples[example % examples.len()]).unwrap()).unwrap();
        let doc = mutate(doc, &ops);
        VALIDATORS.with(|(form_v, canon_v)| {
            if form_v.is_valid(&doc) {
                let errors: Vec<String> = canon_v.iter_errors(&doc).map(|e| format!("{}: {e}", e.instance_path())).collect();
                prop_assert!(errors.is_empty(), "form accepts, canonical rejects: {errors:?}\n{doc:#}");
            }
            Ok(())
        })?;
    }
}

/// The property above is not vacuous: a fair share of mutated documents still fit the form (so the
/// implication is tested), and a fair share do not (so the mutations bite).
#[test]
fn mutations_keep_a_fair_share_of_documents_in_the_form() {
    use proptest::strategy::ValueTree;
    let form_v = validator(&form_profile::profile(Lang::Sv));
    let canon_v = validator(&schema::canonical());
    let examples: Vec<Value> = examples()
        .iter()
        .map(|p| serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap())
        .collect();
    let strategy = prop::collection::vec((any::<u8>(), any::<usize>(), replacement()), 1..3);
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let (mut fit, total) = (0, 400);
    for i in 0..total {
        let ops = strategy.new_tree(&mut runner).unwrap().current();
        let doc = mutate(examples[i % examples.len()].clone(), &ops);
        if form_v.is_valid(&doc) {
            fit += 1;
            assert!(canon_v.is_valid(&doc), "form accepts, canonical rejects:\n{doc:#}");
        }
    }
    assert!((total / 10..total * 9 / 10).contains(&fit), "{fit} of {total} mutated documents fit the form");
}
