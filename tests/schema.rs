//! The JSON Schemas: the committed files match what the library generates, they are valid 2020-12
//! schemas, every example satisfies them, and bad documents fail them where the Rust reader fails.

mod common;

use common::{examples, json_files, root, validator};

use std::path::PathBuf;

use imy_breach::{Lang, Notification};
use serde_json::{json, Value};

const UPDATE_VAR: &str = "IMY_BREACH_UPDATE_SCHEMA";

/// (committed file, generated schema) for the canonical, Swedish and English schemas.
fn schemas() -> [(&'static str, Value); 3] {
    [
        ("schema/notification.schema.json", imy_breach::schema::canonical()),
        ("schema/notification.sv.schema.json", imy_breach::schema::localized(Lang::Sv)),
        ("schema/notification.en.schema.json", imy_breach::schema::localized(Lang::En)),
    ]
}

/// (committed file, generated document) for the form profiles and their uiSchemas.
fn form_files() -> [(&'static str, Value); 4] {
    [
        ("schema/notification.form.sv.schema.json", imy_breach::form_profile::profile(Lang::Sv)),
        ("schema/notification.form.en.schema.json", imy_breach::form_profile::profile(Lang::En)),
        ("schema/notification.form.sv.ui.json", imy_breach::form_profile::ui_schema(Lang::Sv)),
        ("schema/notification.form.en.ui.json", imy_breach::form_profile::ui_schema(Lang::En)),
    ]
}

/// The text a schema file must hold: pretty JSON and a final newline, as `imy-breach schema` prints it.
fn file_text(schema: &Value) -> String {
    format!("{}\n", serde_json::to_string_pretty(schema).unwrap())
}

// ---------------------------------------------------------------------------------------------
// (a) The committed schemas are what the library generates
// ---------------------------------------------------------------------------------------------

#[test]
fn committed_schemas_match_the_library() {
    let update = std::env::var(UPDATE_VAR).is_ok_and(|v| v == "1");
    let mut stale = Vec::new();
    for (file, schema) in schemas().into_iter().chain(form_files()) {
        let path = root().join(file);
        let expected = file_text(&schema);
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        if committed == expected {
            continue;
        }
        if update {
            std::fs::write(&path, &expected).unwrap_or_else(|e| panic!("{file}: {e}"));
            eprintln!("updated {file}");
        } else {
            stale.push(file);
        }
    }
    assert!(
        stale.is_empty(),
        "the committed schemas differ from what the library generates: {stale:?}\n\
         Regenerate them with\n    {UPDATE_VAR}=1 cargo test --all-features --test schema\n\
         (or `cargo run --features cli -- schema [--lang sv|en] [--profile form [--ui]] > schema/…`), review the diff and commit it."
    );
}

/// The localized schemas differ from the canonical one only in titles, descriptions and `$id`.
#[test]
fn localized_schemas_differ_only_in_wording() {
    fn strip(v: &mut Value) {
        match v {
            Value::Object(o) => {
                o.shift_remove("title");
                o.shift_remove("description");
                o.shift_remove("$id");
                o.values_mut().for_each(strip);
            }
            Value::Array(a) => a.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut canonical = imy_breach::schema::canonical();
    strip(&mut canonical);
    for lang in [Lang::Sv, Lang::En] {
        let mut localized = imy_breach::schema::localized(lang);
        assert_eq!(localized["$id"], imy_breach::schema::localized_schema_id(lang));
        strip(&mut localized);
        assert_eq!(localized, canonical, "{lang:?}");
    }
    let sv = imy_breach::schema::localized(Lang::Sv);
    assert_eq!(sv["$defs"]["Incident"]["properties"]["nature"]["title"], "15. Vad har hänt vid incidenten?");
    let en = imy_breach::schema::localized(Lang::En);
    assert_eq!(en["$defs"]["Incident"]["properties"]["nature"]["title"], "15. What happened?");
}

// ---------------------------------------------------------------------------------------------
// (b) Valid 2020-12 schemas
// ---------------------------------------------------------------------------------------------

fn committed(file: &str) -> Value {
    let text = std::fs::read_to_string(root().join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{file}: {e}"))
}

#[test]
fn schemas_are_valid_against_the_2020_12_meta_schema() {
    for (file, generated) in schemas() {
        for (what, schema) in [("committed", committed(file)), ("generated", generated)] {
            assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema", "{what} {file}");
            if let Err(e) = jsonschema::draft202012::meta::validate(&schema) {
                panic!("{what} {file} is not a valid 2020-12 schema: {e} at {}", e.instance_path());
            }
        }
    }
    // The meta-schema check can fail.
    assert!(!jsonschema::draft202012::meta::is_valid(&json!({"type": "text"})));
    assert!(!jsonschema::draft202012::meta::is_valid(&json!({"properties": {"a": {"minLength": -1}}})));
}

// ---------------------------------------------------------------------------------------------
// (c) Every example and valid document satisfies every schema, formats asserted
// ---------------------------------------------------------------------------------------------

fn valid_documents() -> Vec<PathBuf> {
    examples().into_iter().chain(json_files(&["tests/data/valid"])).collect()
}

#[test]
fn examples_and_valid_documents_satisfy_every_schema() {
    for (file, _) in schemas() {
        let v = validator(&committed(file));
        for path in valid_documents() {
            let doc: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let errors: Vec<String> =
                v.iter_errors(&doc).map(|e| format!("{} at {}", e, e.instance_path())).collect();
            assert!(errors.is_empty(), "{} against {file}: {errors:#?}", path.display());
        }
    }
}

/// Formats are asserted: a date that does not exist fails the schema, not only the Rust reader.
#[test]
fn formats_are_asserted() {
    let v = validator(&imy_breach::schema::canonical());
    let good = with("/dataSubjectInformation/informedOn", Some(json!("2021-03-25")));
    assert!(v.is_valid(&good));
    for bad in [
        with("/dataSubjectInformation/informedOn", Some(json!("2021-02-29"))),
        with("/submittedAt", Some(json!("2021-03-26 10:15"))),
        with("/contactDetails/contactPersons/0/email", Some(json!("karin@"))),
    ] {
        assert!(!v.is_valid(&bad), "{bad}");
        assert!(Notification::from_json(&bad.to_string()).is_err(), "{bad}");
    }
}

// ---------------------------------------------------------------------------------------------
// (d) Bad documents fail the schema too
// ---------------------------------------------------------------------------------------------

/// What the schema says about a bad document compared with the Rust reader.
enum Schema {
    /// The schema reports an error at the same instance pointer as the Rust reader.
    SamePointer,
    /// The schema reports the error elsewhere: at this pointer.
    At(&'static str),
}

fn base() -> Value {
    let text = std::fs::read_to_string(root().join("examples/misdirected-email.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// A copy of the misdirected-email example with the value at `pointer` replaced (or removed).
fn with(pointer: &str, value: Option<Value>) -> Value {
    let mut doc = base();
    let (parent, key) = pointer.rsplit_once('/').unwrap();
    let target = doc.pointer_mut(parent).unwrap_or_else(|| panic!("{parent}"));
    match (target, value) {
        (Value::Object(o), Some(v)) => {
            o.insert(key.to_string(), v);
        }
        (Value::Object(o), None) => {
            o.shift_remove(key);
        }
        (Value::Array(a), Some(v)) => a[key.parse::<usize>().unwrap()] = v,
        (Value::Array(a), None) => {
            a.remove(key.parse::<usize>().unwrap());
        }
        _ => panic!("{pointer}"),
    }
    doc
}

#[test]
fn bad_documents_fail_the_schema_where_the_reader_fails() {
    let cases: Vec<(&str, Value, &str, Schema)> = vec![
        ("wrong type", with("/controller/name", Some(json!(42))), "/controller/name", Schema::SamePointer),
        (
            "boolean for Ja/Nej",
            with("/incident/ongoing", Some(json!(false))),
            "/incident/ongoing",
            Schema::SamePointer,
        ),
        (
            "unknown option",
            with("/incident/nature", Some(json!("lost"))),
            "/incident/nature",
            Schema::SamePointer,
        ),
        (
            "unknown option in a set",
            with("/dataAndSubjects/subjectGroups/1", Some(json!("teachers"))),
            "/dataAndSubjects/subjectGroups/1",
            Schema::SamePointer,
        ),
        (
            "duplicate option",
            with("/dataAndSubjects/subjectGroups/1", Some(json!("employees"))),
            "/dataAndSubjects/subjectGroups",
            Schema::SamePointer,
        ),
        (
            "bad date",
            with("/incident/discovered/date", Some(json!("2021-02-29"))),
            "/incident/discovered/date",
            Schema::SamePointer,
        ),
        (
            "bad time",
            with("/incident/discovered/time", Some(json!("24:00"))),
            "/incident/discovered/time",
            Schema::SamePointer,
        ),
        (
            "bad timestamp",
            with("/submittedAt", Some(json!("2021-03-26 10:15"))),
            "/submittedAt",
            Schema::SamePointer,
        ),
        (
            "bad organisation number",
            with("/controller/organisationNumber", Some(json!("21200-09994"))),
            "/controller/organisationNumber",
            Schema::SamePointer,
        ),
        (
            "bad postcode",
            with("/contactDetails/correspondenceAddress/postcode", Some(json!("127-26!"))),
            "/contactDetails/correspondenceAddress/postcode",
            Schema::SamePointer,
        ),
        (
            "bad e-mail",
            with("/contactDetails/contactPersons/1/email", Some(json!("johan.ek@exempelstad"))),
            "/contactDetails/contactPersons/1/email",
            Schema::SamePointer,
        ),
        (
            "bad phone",
            with("/contactDetails/contactPersons/0/phone", Some(json!("174 06 05"))),
            "/contactDetails/contactPersons/0/phone",
            Schema::SamePointer,
        ),
        (
            "blank text",
            with("/incident/description", Some(json!(" \n "))),
            "/incident/description",
            Schema::SamePointer,
        ),
        (
            "text too long",
            with("/controller/internalReference", Some(json!("x".repeat(201)))),
            "/controller/internalReference",
            Schema::SamePointer,
        ),
        (
            "count zero",
            with("/dataAndSubjects/subjectCount/exact", Some(json!(0))),
            "/dataAndSubjects/subjectCount/exact",
            Schema::SamePointer,
        ),
        (
            "wrong schema version",
            with("/schemaVersion", Some(json!("2.0"))),
            "/schemaVersion",
            Schema::SamePointer,
        ),
        (
            "array for an object",
            with("/controller", Some(json!(["Exempelkommunen"]))),
            "/controller",
            Schema::SamePointer,
        ),
        (
            "array for a list element",
            with("/consequences/actions/2", Some(json!(["2021-03-25"]))),
            "/consequences/actions/2",
            Schema::SamePointer,
        ),
        // jsonschema reports an unexpected or a missing member at the object that holds it; the Rust
        // reader names the member itself.
        (
            "unknown field",
            with("/controller/nmae", Some(json!("X"))),
            "/controller/nmae",
            Schema::At("/controller"),
        ),
        ("missing schemaVersion", with("/schemaVersion", None), "/schemaVersion", Schema::At("")),
    ];
    let validators: Vec<(&str, jsonschema::Validator)> =
        schemas().iter().map(|(file, _)| (*file, validator(&committed(file)))).collect();
    for (what, doc, rust_pointer, schema) in cases {
        let err = Notification::from_json(&doc.to_string()).expect_err(what);
        assert_eq!(err.pointer(), rust_pointer, "{what}: Rust pointer ({err})");
        let schema_pointer = match schema {
            Schema::SamePointer => rust_pointer,
            Schema::At(p) => p,
        };
        for (file, v) in &validators {
            let pointers: Vec<String> =
                v.iter_errors(&doc).map(|e| e.instance_path().as_str().to_string()).collect();
            assert!(!pointers.is_empty(), "{what}: {file} accepts the document");
            assert!(
                pointers.iter().any(|p| p == schema_pointer),
                "{what}: {file} reports {pointers:?}, not {schema_pointer:?}"
            );
        }
    }
}

/// A document the schema accepts is read by the Rust reader, and the schema's limits are the
/// reader's: at 200 characters and at the largest count both agree.
#[test]
fn schema_and_reader_agree_at_the_limits() {
    let v = validator(&imy_breach::schema::canonical());
    let cases = [
        (with("/controller/internalReference", Some(json!("x".repeat(200)))), true),
        (with("/controller/internalReference", Some(json!("å".repeat(200)))), true),
        (with("/controller/internalReference", Some(json!("å".repeat(201)))), false),
        (with("/dataAndSubjects/subjectCount", Some(json!({"exact": imy_breach::MAX_COUNT}))), true),
        (with("/dataAndSubjects/subjectCount", Some(json!({"exact": imy_breach::MAX_COUNT + 1}))), false),
        (with("/controller/postalAddress/postcode", Some(json!("123 45"))), true),
        (with("/controller/organisationNumber", Some(json!("2120009994"))), true),
        (with("/contactDetails/contactPersons/0/phone", Some(json!("+46701740605"))), true),
    ];
    for (doc, ok) in cases {
        assert_eq!(v.is_valid(&doc), ok, "schema: {doc}");
        assert_eq!(Notification::from_json(&doc.to_string()).is_ok(), ok, "reader: {doc}");
    }
}

// ---------------------------------------------------------------------------------------------
// (e) The form profile: conditional answers declared where they are always evaluated
// ---------------------------------------------------------------------------------------------

/// Every conditional answer stays in its object's `properties`; each `then` only requires it (and
/// marks it asked), so a partly answered question 13 fails only where it is incomplete.
#[test]
fn form_profile_declares_conditional_answers_in_properties() {
    for lang in [Lang::Sv, Lang::En] {
        let profile = imy_breach::form_profile::profile(lang);
        let incident = &profile["$defs"]["Incident"];
        assert_eq!(incident["properties"]["ceased"]["x-conditional"], true, "{lang:?}");
        let mut thens = 0;
        for (name, def) in profile["$defs"].as_object().unwrap() {
            for cond in def["allOf"].as_array().into_iter().flatten().filter(|c| c.get("else").is_some()) {
                let Some(then) = cond["then"].as_object() else { continue };
                for (member, schema) in
                    then.get("properties").and_then(Value::as_object).into_iter().flatten()
                {
                    assert_eq!(schema, &json!({"x-asked": true}), "{name}.{member}: the then defines more");
                    assert!(def["properties"][member].is_object(), "{name}.{member} is not in properties");
                    thens += 1;
                }
            }
        }
        assert!(thens >= 8, "only {thens} conditional answers found");
    }
    let v = validator(&imy_breach::form_profile::profile(Lang::Sv));
    let mut doc = base();
    doc["incident"]["ongoing"] = json!("no");
    doc["incident"]["ceased"] = json!({"time": "10:00"});
    let errors: Vec<String> = v.iter_errors(&doc).map(|e| format!("{e} at {}", e.instance_path())).collect();
    assert!(!errors.is_empty(), "a time without a date passed");
    assert!(errors.iter().all(|e| !e.contains("nevaluated")), "{errors:#?}");
    doc["incident"]["ceased"] = json!({"date": "2025-03-28", "time": "10:00"});
    assert!(v.is_valid(&doc));
    // Question 13 stays forbidden where question 12 is "yes".
    doc["incident"]["ongoing"] = json!("yes");
    assert!(!v.is_valid(&doc));
}

/// The uiSchema asks for times with a time input, shows the UTC offset only in the fold hour, and
/// titles list elements as the form does; the profile lists the maskable answers by their labels.
#[test]
fn form_profile_carries_what_a_form_needs() {
    let ui = imy_breach::form_profile::ui_schema(Lang::Sv);
    assert_eq!(ui["incident"]["occurred"]["time"]["ui:options"]["inputType"], "time");
    assert_eq!(ui["incident"]["occurred"]["utcOffset"]["ui:options"]["shownFor"], "fold-hour");
    assert_eq!(ui["contactDetails"]["contactPersons"]["ui:options"]["itemTitle"], "Kontaktperson");
    let en = imy_breach::form_profile::ui_schema(Lang::En);
    assert_eq!(en["contactDetails"]["contactPersons"]["ui:options"]["itemTitle"], "Contact person");
    let profile = imy_breach::form_profile::profile(Lang::Sv);
    assert_eq!(profile["$defs"]["ContactDetails"]["properties"]["contactPersons"]["default"], json!([{}]));
    let maskable = &profile["$defs"]["ConfidentialityMarking"]["properties"]["pointer"]["x-maskable"];
    let answers = maskable["answers"].as_array().unwrap();
    let email = answers.iter().find(|a| a["pointer"] == "/contactDetails/contactPersons/*/email").unwrap();
    assert_eq!(email["title"], "7. Kontaktpersonens e-post");
    assert_eq!(email["lists"], json!(["Kontaktpersoner"]));
    assert!(answers.iter().any(|a| a["pointer"] == "/incident/description"));
    // Options, dates and the markings themselves cannot be masked.
    for p in [
        "/incident/cause",
        "/incident/ceased/date",
        "/supplementAndConfidentiality/confidentialityMarkings/*/reason",
    ] {
        assert!(answers.iter().all(|a| a["pointer"] != p), "{p} listed");
    }
}
