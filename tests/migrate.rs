//! Schema versions and migration: every 1.0 document of the corpora and the examples reads,
//! migrates to 1.1 and validates with the same violations (codes and pointers) as before; a document
//! keeps the version it gave; a 1.0 document with a 1.1 answer is refused by `migrate` and flagged
//! by validation at the same pointers; `imy-breach migrate` prints the migrated document.

use std::path::{Path, PathBuf};
use std::process::Command;

use imy_breach::{migrate, validate_json, MigrateError, Notification, SchemaVersion};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The JSON documents of the corpora and the examples (expectation sidecars excluded).
fn documents() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in ["tests/data/valid", "tests/data/invalid", "tests/data/v1.0-examples", "examples"] {
        for e in std::fs::read_dir(root().join(dir)).unwrap() {
            let p = e.unwrap().path();
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            if name.ends_with(".json") && !name.ends_with(".expected.json") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn violations(bytes: &[u8]) -> Vec<(String, String)> {
    validate_json(bytes).1.violations.iter().map(|v| (v.code.to_string(), v.pointer.clone())).collect()
}

#[test]
fn every_1_0_document_migrates_and_validates_as_before() {
    let (mut migrated, mut refused) = (0, 0);
    for path in documents() {
        let bytes = std::fs::read(&path).unwrap();
        let Ok(n) = Notification::from_json_all_errors(&bytes) else {
            let text = String::from_utf8_lossy(&bytes);
            assert!(matches!(migrate(&text), Err(MigrateError::Unreadable(_))), "{}", path.display());
            continue;
        };
        if n.schema_version != SchemaVersion::V1_0 {
            continue;
        }
        let before = violations(&bytes);
        match migrate(std::str::from_utf8(&bytes).unwrap()) {
            Ok(m) => {
                assert_eq!(m.schema_version, SchemaVersion::V1_1, "{}", path.display());
                let after = violations(m.to_json().as_bytes());
                assert_eq!(before, after, "{}", path.display());
                assert!(!before.iter().any(|(c, _)| c == "answer-not-in-schema-version"));
                migrated += 1;
            }
            Err(e) => {
                let flagged: Vec<String> = before
                    .iter()
                    .filter(|(c, _)| c == "answer-not-in-schema-version")
                    .map(|(_, p)| p.clone())
                    .collect();
                assert_eq!(e.code(), "answer-not-in-schema-version", "{}", path.display());
                assert_eq!(e.pointers(), flagged, "{}", path.display());
                refused += 1;
            }
        }
    }
    assert!(migrated >= 50, "only {migrated} 1.0 documents migrated");
    assert!(refused >= 1, "no 1.0 document with a 1.1 answer");
}

#[test]
fn a_document_keeps_the_version_it_gave() {
    for v in ["1.0", "1.1"] {
        let doc = format!(r#"{{"schemaVersion":"{v}","incident":{{"nature":"loss_or_theft"}}}}"#);
        let n = Notification::from_json(&doc).unwrap();
        assert_eq!(n.schema_version.as_str(), v);
        assert_eq!(n.to_json_compact(), doc);
    }
    assert_eq!(Notification::new().schema_version, SchemaVersion::CURRENT);
    assert_eq!(SchemaVersion::CURRENT.as_str(), imy_breach::SCHEMA_VERSION);
    let err = Notification::from_json(r#"{"schemaVersion":"1.2"}"#).unwrap_err();
    assert_eq!((err.code(), err.pointer().to_string()), ("schema-version", "/schemaVersion".to_string()));
}

#[test]
fn the_examples_are_1_1_and_their_1_0_copies_migrate_to_them() {
    for e in std::fs::read_dir(root().join("tests/data/v1.0-examples")).unwrap() {
        let old = e.unwrap().path();
        let new = root().join("examples").join(old.file_name().unwrap());
        let current = Notification::from_json(&std::fs::read_to_string(&new).unwrap()).unwrap();
        assert_eq!(current.schema_version, SchemaVersion::V1_1, "{}", new.display());
        let migrated = migrate(&std::fs::read_to_string(&old).unwrap()).unwrap();
        assert_eq!(migrated, current, "{}", old.display());
    }
}

fn cli(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_imy-breach")).args(args).current_dir(root()).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_cli_prints_the_migrated_document_with_validates_exit_codes() {
    let (code, out, _) = cli(&["migrate", "tests/data/v1.0-examples/ransomware.json"]);
    assert_eq!(code, 0);
    let n = Notification::from_json(&out).unwrap();
    assert_eq!(n.schema_version, SchemaVersion::V1_1);
    let (code, out, err) = cli(&["migrate", "--lang", "en", "tests/data/invalid/answer-state-in-1-0.json"]);
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(
        err.contains("/incident/occurred/state") && err.contains("[answer-not-in-schema-version]"),
        "{err}"
    );
    assert!(err.contains("schema version 1.0"), "{err}");
    let (code, _, err) = cli(&["migrate", "tests/data/invalid/schema-version.json"]);
    assert_eq!(code, 1, "{err}");
    assert_eq!(cli(&["migrate", "tests/data/no-such-file.json"]).0, 2);
    assert_eq!(cli(&["migrate"]).0, 2);
}
