//! The supplement's JSON Schemas: the committed files match the library, they are valid 2020-12
//! schemas, every example supplement satisfies them and reads, and bad supplements fail them where
//! the reader fails.

mod common;

use common::{json_files, root, validator};

use imy_breach::{Lang, Supplement};
use serde_json::{json, Value};

fn schemas() -> [(&'static str, Value); 3] {
    [
        ("schema/supplement.schema.json", imy_breach::supplement_schema::canonical()),
        ("schema/supplement.sv.schema.json", imy_breach::supplement_schema::localized(Lang::Sv)),
        ("schema/supplement.en.schema.json", imy_breach::supplement_schema::localized(Lang::En)),
    ]
}

fn committed(file: &str) -> Value {
    let text = std::fs::read_to_string(root().join(file)).unwrap_or_default();
    serde_json::from_str(&text).unwrap_or(Value::Null)
}

#[test]
fn committed_supplement_schemas_match_the_library() {
    let update = std::env::var("IMY_BREACH_UPDATE_SCHEMA").is_ok_and(|v| v == "1");
    for (file, schema) in schemas() {
        let expected = format!("{}\n", serde_json::to_string_pretty(&schema).unwrap());
        let path = root().join(file);
        if update && std::fs::read_to_string(&path).unwrap_or_default() != expected {
            std::fs::write(&path, &expected).unwrap();
        }
        assert_eq!(
            std::fs::read_to_string(&path).unwrap_or_default(),
            expected,
            "{file} is stale: IMY_BREACH_UPDATE_SCHEMA=1 cargo test --all-features --test supplement_schema"
        );
        if let Err(e) = jsonschema::draft202012::meta::validate(&schema) {
            panic!("{file} is not a valid 2020-12 schema: {e} at {}", e.instance_path());
        }
    }
}

fn examples() -> Vec<std::path::PathBuf> {
    let found = json_files(&["examples/supplements"]);
    assert!(found.len() >= 2, "{found:?}");
    found
}

#[test]
fn example_supplements_read_and_satisfy_every_schema() {
    for (file, _) in schemas() {
        let v = validator(&committed(file));
        for path in examples() {
            let text = std::fs::read_to_string(&path).unwrap();
            let doc: Value = serde_json::from_str(&text).unwrap();
            let errors: Vec<String> =
                v.iter_errors(&doc).map(|e| format!("{e} at {}", e.instance_path())).collect();
            assert!(errors.is_empty(), "{} against {file}: {errors:#?}", path.display());
            Supplement::from_json(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        }
    }
}

#[test]
fn bad_supplements_fail_the_schema_where_the_reader_fails() {
    let v = validator(&committed("schema/supplement.schema.json"));
    let good = json!({"schemaVersion": "1.0", "kind": "supplement",
        "notification": {"submittedAt": "2025-03-31T09:00:00+02:00"}, "submittedAt": "2025-04-02T10:00:00+02:00",
        "changes": [{"field": "/incident/nature", "value": "loss_or_theft"}]});
    assert!(v.is_valid(&good));
    assert!(Supplement::from_json(&good.to_string()).is_ok());
    let bad = |f: &dyn Fn(&mut Value)| {
        let mut doc = good.clone();
        f(&mut doc);
        doc
    };
    let cases = [
        bad(&|d| d["kind"] = json!("breach_record")),
        bad(&|d| d["caseNumber"] = json!("2025-1234")),
        bad(&|d| d["extra"] = json!(1)),
        bad(&|d| d["submittedAt"] = Value::Null),
        bad(&|d| d["changes"][0]["field"] = json!("/incident/ceased/date")),
        bad(&|d| d["changes"][0]["value"] = json!("stolen")),
        bad(&|d| d["changes"][0]["clear"] = json!(true)),
        bad(&|d| d["changes"][0] = json!({"field": "/incident/nature"})),
        bad(&|d| d["changes"][0] = json!({"field": "/incident/ceased", "value": {"date": "2025-02-30"}})),
        bad(&|d| d["changes"][0] = json!({"field": "/incident/ceased", "value": {"dat": "2025-02-03"}})),
        bad(&|d| {
            d.as_object_mut().unwrap().remove("notification");
        }),
    ];
    for doc in cases {
        assert!(!v.is_valid(&doc), "schema accepts {doc}");
        assert!(Supplement::from_json(&doc.to_string()).is_err(), "reader accepts {doc}");
    }
}

#[test]
fn x_rules_lists_the_supplement_rules_the_schema_cannot_express() {
    use imy_breach::validation::{RuleKind, RULES};
    let expected: Vec<&str> =
        RULES.iter().filter(|r| r.kind == RuleKind::Supplement && !r.in_schema).map(|r| r.code).collect();
    assert!(expected.contains(&"duplicate-change"));
    for (_, schema) in schemas() {
        let listed: Vec<&str> =
            schema["x-rules"].as_array().unwrap().iter().map(|r| r["code"].as_str().unwrap()).collect();
        assert_eq!(listed, expected);
    }
    let notification = imy_breach::schema::canonical();
    assert!(!notification["x-rules"].as_array().unwrap().iter().any(|r| r["code"] == "duplicate-change"));
}
