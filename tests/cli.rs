#![cfg(feature = "cli")]
//! The `imy-breach` command line: exit codes, messages in both languages, JSON output, standard
//! input, and the schema it prints.

mod common;

use common::{assert_exit, run, run_with_stdin, stderr, stdout, temp_file};

use std::path::{Path, PathBuf};

use imy_breach::{Lang, Notification};
use serde_json::{json, Value};

const EXAMPLES: [&str; 4] =
    ["misdirected-email.json", "protected-identities.json", "pupils-intranet.json", "ransomware.json"];

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples").join(name)
}

/// A document with a malformed organisation number and an unknown option code.
const BAD: &str = r#"{"schemaVersion":"1.0","controller":{"name":"Exempelkommunen","organisationNumber":"12"},
  "incident":{"nature":"lost"}}"#;
const BAD_POINTERS: [(&str, &str); 2] = [
    ("/controller/organisationNumber", "organisation-number-format"),
    ("/incident/nature", "unknown-option"),
];

/// The messages the library gives for `BAD`, in order.
fn bad_messages(lang: Lang) -> Vec<String> {
    Notification::from_json_all_errors(BAD.as_bytes()).unwrap_err().iter().map(|e| e.message(lang)).collect()
}

#[test]
fn every_example_is_valid() {
    for name in EXAMPLES {
        let path = example(name);
        let path = path.to_str().unwrap();
        let o = run(&["validate", path]);
        assert_exit(&o, 0);
        assert!(stdout(&o).contains(path), "{}", stdout(&o));
        let o = run(&["validate", "--format", "json", "--lang", "en", path]);
        assert_exit(&o, 0);
        let report: Value = serde_json::from_str(&stdout(&o)).unwrap();
        assert_eq!(report["files"][0]["valid"], true, "{report}");
        assert_eq!(report["files"][0]["readable"], true);
        let errors: Vec<&Value> = report["files"][0]["violations"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|v| v["severity"] == "error")
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
    }
    // All four at once.
    let paths: Vec<String> = EXAMPLES.iter().map(|n| example(n).to_str().unwrap().to_string()).collect();
    let mut args = vec!["validate"];
    args.extend(paths.iter().map(String::as_str));
    assert_exit(&run(&args), 0);
}

#[test]
fn a_bad_file_names_the_pointers_in_swedish_by_default() {
    let path = temp_file("bad-sv.json", BAD.as_bytes());
    let path = path.to_str().unwrap();
    for args in [vec!["validate", path], vec!["validate", "--lang", "sv", path]] {
        let o = run(&args);
        assert_exit(&o, 1);
        let out = stdout(&o);
        assert!(out.contains(path), "{out}");
        for ((pointer, code), message) in BAD_POINTERS.iter().zip(bad_messages(Lang::Sv)) {
            assert!(out.contains(pointer) && out.contains(code), "{pointer} {code} missing:\n{out}");
            assert!(out.contains(&message), "Swedish message missing: {message}\n{out}");
        }
        assert!(out.contains("fel"), "{out}");
    }
}

#[test]
fn a_bad_file_names_the_pointers_in_english() {
    let path = temp_file("bad-en.json", BAD.as_bytes());
    let o = run(&["validate", "--lang", "en", path.to_str().unwrap()]);
    assert_exit(&o, 1);
    let out = stdout(&o);
    for ((pointer, code), message) in BAD_POINTERS.iter().zip(bad_messages(Lang::En)) {
        assert!(out.contains(pointer) && out.contains(code), "{pointer} {code} missing:\n{out}");
        assert!(out.contains(&message), "English message missing: {message}\n{out}");
    }
    assert!(!out.contains(&bad_messages(Lang::Sv)[0]), "Swedish message in English output:\n{out}");
}

#[test]
fn json_output_of_a_bad_file() {
    let path = temp_file("bad-json.json", BAD.as_bytes());
    let path = path.to_str().unwrap();
    for lang in [Lang::Sv, Lang::En] {
        let o = run(&["validate", "--format", "json", "--lang", lang.code(), path]);
        assert_exit(&o, 1);
        let report: Value = serde_json::from_str(&stdout(&o)).expect("the output is JSON");
        let file = &report["files"][0];
        assert_eq!(
            (&file["file"], &file["readable"], &file["valid"]),
            (&json!(path), &json!(true), &json!(false))
        );
        let violations = file["violations"].as_array().unwrap();
        for v in violations {
            assert!(v["pointer"].as_str().is_some_and(|p| p.is_empty() || p.starts_with('/')), "{v}");
            assert!(v["code"].as_str().is_some_and(|c| !c.is_empty()), "{v}");
            assert!(v["severity"] == "error" || v["severity"] == "warning", "{v}");
            assert!(v["message"].as_str().is_some_and(|m| !m.is_empty()), "{v}");
        }
        // The reading problems, each once, as errors with the library's message (validation may
        // report more about the same document).
        for ((pointer, code), message) in BAD_POINTERS.iter().zip(bad_messages(lang)) {
            let found: Vec<&Value> =
                violations.iter().filter(|v| v["pointer"] == *pointer && v["code"] == *code).collect();
            assert_eq!(found.len(), 1, "{pointer} {code}: {report}");
            assert_eq!(found[0]["severity"], "error");
            assert_eq!(found[0]["message"], message.as_str());
        }
    }
}

#[test]
fn one_bad_file_among_good_ones_fails_the_run() {
    let bad = temp_file("bad-among-good.json", BAD.as_bytes());
    let good = example(EXAMPLES[0]);
    let o = run(&["validate", "--format", "json", good.to_str().unwrap(), bad.to_str().unwrap()]);
    assert_exit(&o, 1);
    let report: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(report["files"][0]["valid"], true);
    assert_eq!(report["files"][1]["valid"], false);
}

#[test]
fn standard_input() {
    let good = std::fs::read(example("ransomware.json")).unwrap();
    let o = run_with_stdin(&["validate", "-"], &good);
    assert_exit(&o, 0);
    let o = run_with_stdin(&["validate", "--format", "json", "--lang", "en", "-"], BAD.as_bytes());
    assert_exit(&o, 1);
    let report: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(report["files"][0]["file"], "-");
    assert_eq!(report["files"][0]["violations"][0]["pointer"], BAD_POINTERS[0].0);
}

#[test]
fn unreadable_json_is_invalid_not_a_crash() {
    let cases: [(&str, &[u8], &str); 5] = [
        ("empty.json", b"", ""),
        ("truncated.json", br#"{"schemaVersion":"1.0","controller":{"name":"Exempel"#, "/controller/name"),
        ("binary.json", &[0x00, 0xff, 0xfe, 0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a], ""),
        (
            "latin1.json",
            b"{\"schemaVersion\":\"1.0\",\"controller\":{\"name\":\"Sj\xf6vik\"}}",
            "/controller/name",
        ),
        ("array.json", br#"["1.0"]"#, ""),
    ];
    for (name, contents, pointer) in cases {
        let path = temp_file(name, contents);
        let o = run(&["validate", "--format", "json", path.to_str().unwrap()]);
        assert_exit(&o, 1);
        let report: Value = serde_json::from_str(&stdout(&o)).unwrap_or_else(|e| panic!("{name}: {e}"));
        let v = &report["files"][0]["violations"][0];
        assert_eq!(v["pointer"], pointer, "{name}: {report}");
        assert_eq!(v["severity"], "error", "{name}");
        assert!(v["message"].as_str().is_some_and(|m| !m.is_empty()), "{name}");
        // And in text form.
        let o = run(&["validate", path.to_str().unwrap()]);
        assert_exit(&o, 1);
    }
}

#[test]
fn a_missing_file_is_a_usage_error() {
    let missing = Path::new(env!("CARGO_TARGET_TMPDIR")).join("no-such-dir/no-such-file.json");
    let o = run(&["validate", missing.to_str().unwrap()]);
    assert_exit(&o, 2);
    assert!(stdout(&o).contains("no-such-file.json") || stderr(&o).contains("no-such-file.json"));
    // Also when valid files are given with it.
    let o = run(&["validate", example(EXAMPLES[0]).to_str().unwrap(), missing.to_str().unwrap()]);
    assert_exit(&o, 2);
    let o = run(&["validate", "--format", "json", missing.to_str().unwrap()]);
    assert_exit(&o, 2);
    let report: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(report["files"][0]["readable"], false);
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &[][..],
        &["validate"][..],
        &["no-such-command"][..],
        &["validate", "--lang", "de", "x.json"][..],
        &["validate", "--format", "xml", "x.json"][..],
        &["schema", "--lang", "fi"][..],
    ] {
        let o = run(args);
        assert_exit(&o, 2);
        assert!(!stderr(&o).is_empty(), "{args:?}: no message on stderr");
    }
    assert_exit(&run(&["--help"]), 0);
    assert_exit(&run(&["--version"]), 0);
}

#[test]
fn schema_prints_what_the_library_generates() {
    let cases = [
        (vec!["schema"], imy_breach::schema::canonical()),
        (vec!["schema", "--lang", "sv"], imy_breach::schema::localized(Lang::Sv)),
        (vec!["schema", "--lang", "en"], imy_breach::schema::localized(Lang::En)),
    ];
    for (args, expected) in cases {
        let o = run(&args);
        assert_exit(&o, 0);
        let out = stdout(&o);
        let printed: Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: {e}"));
        assert_eq!(printed, expected, "{args:?}");
        // The text is the committed files' form: pretty JSON and a newline.
        assert_eq!(out, format!("{}\n", serde_json::to_string_pretty(&expected).unwrap()), "{args:?}");
    }
}
