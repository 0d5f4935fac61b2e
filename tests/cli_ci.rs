#![cfg(feature = "cli")]
//! Output CI tools read: `validate --format sarif` against the official SARIF 2.1.0 schema, with
//! regions; `--format junit` well-formed with the right counts; `--format json` against its
//! committed schemas; the language from `IMY_BREACH_LANG` and BCP 47 tags; completions and man
//! pages.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::{assert_exit, bin, json_files, root, run, run_with_stdin, stderr, stdout, temp_file};
use serde_json::Value;

/// Every document of the CLI corpus: the examples, the valid and the invalid corpus, the rendering
/// fixtures.
fn corpus() -> Vec<PathBuf> {
    let files = json_files(&["examples", "tests/data/valid", "tests/data/invalid", "tests/data/render"]);
    assert!(files.len() > 40, "the corpus is missing");
    files
}

fn strings(files: &[PathBuf]) -> Vec<&str> {
    files.iter().map(|p| p.to_str().unwrap()).collect()
}

/// The corpus as NDJSON: every document that is JSON, compacted to one line, then a line that is
/// not JSON.
fn corpus_ndjson() -> String {
    let mut out = String::new();
    for path in corpus() {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        if let Ok(value) = serde_json::from_str::<Value>(&text) {
            out.push_str(&value.to_string());
            out.push('\n');
        }
    }
    out.push_str("{\"schemaVersion\": \n");
    out
}

fn load_schema(path: &Path) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[track_caller]
fn assert_valid(validator: &jsonschema::Validator, instance: &Value, what: &str) {
    let errors: Vec<String> =
        validator.iter_errors(instance).map(|e| format!("{} at {}", e, e.instance_path())).take(5).collect();
    assert!(errors.is_empty(), "{what}: {errors:#?}");
}

fn sarif_validator() -> jsonschema::Validator {
    let schema = load_schema(&root().join("tests/data/sarif/sarif-schema-2.1.0.json"));
    jsonschema::draft4::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles")
}

/// `validate --format FORMAT --lang en` of the corpus and a file that does not exist (exit 2).
fn corpus_and_a_missing_file(format: &str) -> std::process::Output {
    let files = corpus();
    let mut args = strings(&files);
    args.push("no-such-file.json");
    let o = run(&[&["validate", "--format", format, "--lang", "en"], args.as_slice()].concat());
    assert_exit(&o, 2);
    o
}

/// The `--format json` reports of the files, by file.
fn json_reports(files: &[&str]) -> Value {
    let o = run(&[&["validate", "--format", "json", "--lang", "en"], files].concat());
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(&o)))
}

#[test]
fn sarif_of_the_corpus_validates_against_the_official_schema_and_carries_every_violation() {
    let files = corpus();
    let o = corpus_and_a_missing_file("sarif");
    let sarif: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_valid(&sarif_validator(), &sarif, "SARIF");
    let run0 = &sarif["runs"][0];
    assert_eq!(sarif["version"], "2.1.0");
    assert_eq!(run0["language"], "en");
    let rules = run0["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), imy_breach::validation::RULES.len());
    assert!(rules.iter().any(|r| r["id"] == "late-reason-required"));
    // The unreadable file is a tool execution notification.
    let invocation = &run0["invocations"][0];
    assert_eq!(invocation["executionSuccessful"], false);
    let notes = invocation["toolExecutionNotifications"].as_array().unwrap();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert_eq!(notes[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "no-such-file.json");
    // One result per violation, with the rule code, level and message of the JSON output.
    let reports = json_reports(&strings(&files));
    let mut expected = Vec::new();
    for f in reports["files"].as_array().unwrap() {
        for v in f["violations"].as_array().unwrap() {
            expected.push((
                v["code"].clone(),
                v["severity"].clone(),
                v["message"].clone(),
                v["pointer"].clone(),
            ));
        }
    }
    let results = run0["results"].as_array().unwrap();
    let got: Vec<_> = results
        .iter()
        .map(|r| {
            (
                r["ruleId"].clone(),
                r["level"].clone(),
                r["message"]["text"].clone(),
                r["properties"]["pointer"].clone(),
            )
        })
        .collect();
    assert!(expected.len() > 100, "the corpus has violations");
    assert_eq!(got, expected);
    for r in results {
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], r["ruleId"]);
        let region = &r["locations"][0]["physicalLocation"]["region"];
        assert!(region["startLine"].as_u64().unwrap() >= 1 && region["startColumn"].as_u64().unwrap() >= 1);
    }
}

/// The line and column (in code points, from 1) where `needle` starts in `text`.
fn line_col(text: &str, needle: &str) -> (u64, u64) {
    let at = text.find(needle).unwrap_or_else(|| panic!("{needle} not found"));
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (line as u64, text[start..at].chars().count() as u64 + 1)
}

fn region_of(sarif: &Value, pointer: &str) -> (u64, u64, String) {
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let r = results
        .iter()
        .find(|r| r["properties"]["pointer"] == pointer)
        .unwrap_or_else(|| panic!("no result at {pointer}: {results:#?}"));
    let region = &r["locations"][0]["physicalLocation"]["region"];
    (
        region["startLine"].as_u64().unwrap(),
        region["startColumn"].as_u64().unwrap(),
        r["properties"]["regionOf"].as_str().unwrap().to_string(),
    )
}

#[test]
fn sarif_regions_point_at_the_bad_value_and_at_the_parent_of_a_missing_member() {
    let original = std::fs::read_to_string(root().join("examples/ransomware.json")).unwrap();
    // A bad organisation number, and question 3's city left out.
    let text = original
        .replace("\"organisationNumber\": \"212000-9960\"", "\"organisationNumber\": \"12\"")
        .replace("      \"city\": \"Exempelköping\",\n", "");
    assert_ne!(text.len(), original.len());
    let path = temp_file("ransomware-broken.json", text.as_bytes());
    let o = run(&["validate", "--format", "sarif", path.to_str().unwrap()]);
    assert_exit(&o, 1);
    let sarif: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_valid(&sarif_validator(), &sarif, "SARIF");
    let (line, col) = line_col(&text, "\"12\"");
    assert_eq!((line, col), (6, 27));
    assert_eq!(region_of(&sarif, "/controller/organisationNumber"), (line, col, "value".into()));
    let (line, col) = line_col(&text, "{\n      \"street\": \"Storgatan 12\"");
    assert_eq!(region_of(&sarif, "/controller/postalAddress/city"), (line, col, "parent".into()));
    // A member given twice: its second occurrence.
    let path = root().join("tests/data/invalid/duplicate-field.json");
    let o = run(&["validate", "--format", "sarif", path.to_str().unwrap()]);
    let sarif: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(region_of(&sarif, "/controller/name"), (6, 13, "value".into()));
    // A syntax error is placed where the reader found it, its column in code points (the
    // message's column counts bytes).
    let path = temp_file(
        "syntax.json",
        "{\n  \"schemaVersion\": \"1.0\",\n  \"controller\": {\"name\": \"Åsa\"]\n}\n",
    );
    let o = run(&["validate", "--format", "sarif", path.to_str().unwrap()]);
    let sarif: Value = serde_json::from_slice(&o.stdout).unwrap();
    let r = &sarif["runs"][0]["results"][0];
    assert_eq!(r["ruleId"], "json-syntax");
    let region = &r["locations"][0]["physicalLocation"]["region"];
    assert_eq!((region["startLine"].as_u64(), region["startColumn"].as_u64()), (Some(3), Some(31)));
}

#[test]
fn sarif_of_ndjson_places_each_result_on_its_line() {
    let input = corpus_ndjson();
    let lines = input.lines().count() as u64;
    let o = run_with_stdin(&["validate", "--ndjson", "--format", "sarif", "-"], &input);
    assert_exit(&o, 1);
    let sarif: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_valid(&sarif_validator(), &sarif, "SARIF of NDJSON");
    let mut per_line: BTreeMap<u64, usize> = BTreeMap::new();
    for r in sarif["runs"][0]["results"].as_array().unwrap() {
        let location = &r["locations"][0]["physicalLocation"];
        assert_eq!(location["artifactLocation"]["description"]["text"], "standard input");
        *per_line.entry(location["region"]["startLine"].as_u64().unwrap()).or_default() += 1;
    }
    let o = run_with_stdin(&["validate", "--ndjson", "--format", "json", "-"], &input);
    let json_lines: Vec<Value> = stdout(&o).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(json_lines.len() as u64, lines);
    let expected: BTreeMap<u64, usize> = json_lines
        .iter()
        .filter(|l| !l["violations"].as_array().unwrap().is_empty())
        .map(|l| (l["line"].as_u64().unwrap(), l["violations"].as_array().unwrap().len()))
        .collect();
    assert_eq!(per_line, expected);
    // The column is within the line: a bad value of the second line.
    let input = "{\"schemaVersion\":\"1.0\"}\n{\"schemaVersion\":\"1.0\",\"controller\":{\"organisationNumber\":\"12\"}}\n";
    let o = run_with_stdin(&["validate", "--ndjson", "--format", "sarif", "-"], input);
    let sarif: Value = serde_json::from_slice(&o.stdout).unwrap();
    let (line, col, of) = region_of(&sarif, "/controller/organisationNumber");
    assert_eq!((line, col, of.as_str()), (2, 59, "value"));
}

/// A parsed JUnit document: per suite its counts as stated and as counted.
#[derive(Debug, Default, PartialEq)]
struct Junit {
    /// `(tests, failures, errors)` as the suites state them.
    stated: (u64, u64, u64),
    /// `(test cases, failures, errors)` as found.
    counted: (u64, u64, u64),
    suites: usize,
    names: Vec<String>,
}

fn parse_junit(xml: &str) -> Junit {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut j = Junit::default();
    let mut depth = 0i32;
    loop {
        let event = reader.read_event().unwrap_or_else(|e| panic!("not well-formed: {e}\n{xml}"));
        let (start, element) = match &event {
            Event::Start(e) => (true, Some(e.clone())),
            Event::Empty(e) => (false, Some(e.clone())),
            Event::End(_) => {
                depth -= 1;
                (false, None)
            }
            Event::Eof => break,
            _ => (false, None),
        };
        let Some(e) = element else { continue };
        if start {
            depth += 1;
        }
        let attr = |name: &str| -> String {
            e.attributes()
                .map(|a| a.unwrap())
                .find(|a| a.key.0 == name)
                .map(|a| a.normalized_value(quick_xml::XmlVersion::Explicit1_0).unwrap().into_owned())
                .unwrap_or_default()
        };
        match e.name().0 {
            "testsuite" => {
                j.suites += 1;
                j.stated.0 += attr("tests").parse::<u64>().unwrap();
                j.stated.1 += attr("failures").parse::<u64>().unwrap();
                j.stated.2 += attr("errors").parse::<u64>().unwrap();
            }
            "testcase" => {
                j.counted.0 += 1;
                j.names.push(attr("name"));
            }
            "failure" => j.counted.1 += 1,
            "error" => j.counted.2 += 1,
            _ => {}
        }
    }
    assert_eq!(depth, 0, "unbalanced");
    j
}

#[test]
fn junit_has_one_test_case_per_file_and_a_failure_per_invalid_file() {
    let files = corpus();
    let o = corpus_and_a_missing_file("junit");
    let xml = stdout(&o);
    let j = parse_junit(&xml);
    let reports = json_reports(&strings(&files));
    let invalid = reports["files"].as_array().unwrap().iter().filter(|f| f["valid"] == false).count() as u64;
    assert!(invalid > 30);
    assert_eq!(j.suites, 1);
    assert_eq!(j.counted, (files.len() as u64 + 1, invalid, 1));
    assert_eq!(j.stated, j.counted);
    assert_eq!(j.names.last().map(String::as_str), Some("no-such-file.json"));
    // The failures carry the violations: code, pointer and message.
    for f in reports["files"].as_array().unwrap() {
        for v in f["violations"].as_array().unwrap() {
            let line = format!(
                "{} {} [{}]:",
                v["severity"].as_str().unwrap(),
                v["pointer"].as_str().unwrap(),
                v["code"].as_str().unwrap()
            );
            let line = if v["pointer"] == "" { line.replacen("  [", " / [", 1) } else { line };
            assert!(xml.contains(&line.replace('<', "&lt;").replace('>', "&gt;")), "{line}");
        }
    }
    // With --deny-warnings a file with warnings only fails too.
    let o = run(&[
        "validate",
        "--format",
        "junit",
        "--deny-warnings",
        "tests/data/invalid/form-question-unanswered.json",
    ]);
    assert_exit(&o, 1);
    assert_eq!(parse_junit(&stdout(&o)).counted, (1, 1, 0));
}

#[test]
fn junit_of_ndjson_has_one_test_case_per_line_in_bounded_suites() {
    let valid = std::fs::read_to_string(root().join("examples/ransomware.json")).unwrap();
    let valid = serde_json::from_str::<Value>(&valid).unwrap().to_string();
    let mut input = String::new();
    for i in 1..=2500 {
        input.push_str(if i % 100 == 0 { "{\"schemaVersion\":\"1.0\",\"x\":1}" } else { &valid });
        input.push('\n');
    }
    let o = run_with_stdin(&["validate", "--ndjson", "--format", "junit", "-"], &input);
    assert_exit(&o, 1);
    let j = parse_junit(&stdout(&o));
    assert_eq!(j.counted, (2500, 25, 0));
    assert_eq!(j.stated, j.counted);
    assert_eq!(j.suites, 3, "suites of at most 1000 lines");
    assert_eq!(j.names[99], "-:100");
}

#[test]
fn json_output_of_the_corpus_validates_against_its_committed_schemas() {
    let files = corpus();
    let mut args = strings(&files);
    args.push("no-such-file.json");
    let schema = load_schema(&root().join("schema/validate-output.schema.json"));
    let validator = common::validator(&schema);
    for lang in ["sv", "en"] {
        for submitted in [None, Some("2025-03-31T09:00:00+02:00")] {
            let mut cmd = vec!["validate", "--format", "json", "--lang", lang];
            if let Some(at) = submitted {
                cmd.extend(["--submitted-at", at]);
            }
            let o = run(&[cmd.as_slice(), args.as_slice()].concat());
            assert_exit(&o, 2);
            let output: Value = serde_json::from_slice(&o.stdout).unwrap();
            assert_eq!(output["files"].as_array().unwrap().len(), args.len());
            assert_valid(&validator, &output, "validate --format json");
        }
    }
    // The schema is not vacuous.
    let bad = serde_json::json!({"files": [{"file": "x", "readable": true, "valid": true}]});
    assert!(!validator.is_valid(&bad));
    let line_schema = load_schema(&root().join("schema/validate-line.schema.json"));
    let line_validator = common::validator(&line_schema);
    let o = run_with_stdin(&["validate", "--ndjson", "--format", "json", "-"], corpus_ndjson());
    let mut n = 0;
    for line in stdout(&o).lines() {
        assert_valid(&line_validator, &serde_json::from_str(line).unwrap(), line);
        n += 1;
    }
    assert!(n > 40);
    assert!(!line_validator.is_valid(
        &serde_json::json!({"line": 0, "valid": true, "errors": 0, "warnings": 0, "violations": []})
    ));
}

const BAD: &str = r#"{"schemaVersion":"1.0","controller":{"organisationNumber":"12"}}"#;

fn validate_bad(args: &[&str], env: Option<&str>) -> std::process::Output {
    let path = temp_file("bad-lang.json", BAD.as_bytes());
    let mut cmd = bin();
    cmd.args(["validate"]).args(args).arg(&path).env_remove("IMY_BREACH_LANG");
    if let Some(value) = env {
        cmd.env("IMY_BREACH_LANG", value);
    }
    cmd.output().unwrap()
}

#[test]
fn the_language_comes_from_lang_or_the_environment_as_a_bcp_47_tag() {
    let english = "An organisation number";
    let swedish = "Ett organisationsnummer";
    for (args, env, expected) in [
        (&[][..], None, swedish),
        (&["--lang", "EN"][..], None, english),
        (&["--lang", "en-GB"][..], None, english),
        (&["--lang", "sv-SE"][..], Some("en"), swedish),
        (&[][..], Some("en"), english),
        (&[][..], Some("EN-us"), english),
        (&[][..], Some("sv_SE"), swedish),
    ] {
        let o = validate_bad(args, env);
        assert_exit(&o, 1);
        assert!(stdout(&o).contains(expected), "{args:?} {env:?}: {}", stdout(&o));
    }
    for (args, env) in [(&["--lang", "de"][..], None), (&[][..], Some("fr-FR")), (&["--lang", ""][..], None)]
    {
        let o = validate_bad(args, env);
        assert_exit(&o, 2);
        let err = stderr(&o);
        assert!(err.contains("expected sv or en") && err.contains("IMY_BREACH_LANG"), "{err}");
    }
    // Every command with --lang takes tags and the variable.
    let example = root().join("examples/ransomware.json");
    let example = example.to_str().unwrap();
    for args in [
        vec!["rules"],
        vec!["render", example],
        vec!["redact", example],
        vec!["deadline", "--aware", "2025-03-28T10:00+01:00"],
    ] {
        let o = bin().args(&args).env("IMY_BREACH_LANG", "EN").output().unwrap();
        let en = stdout(&o);
        let o = bin().args(&args).args(["--lang", "SV-se"]).env("IMY_BREACH_LANG", "EN").output().unwrap();
        let sv = stdout(&o);
        assert!(!en.is_empty() && en != sv, "{args:?}: {}", stderr(&o));
        let o = bin().args(&args).env("IMY_BREACH_LANG", "xx").output().unwrap();
        assert_exit(&o, 2);
    }
    let o = run(&["schema", "--lang", "EN"]);
    assert_exit(&o, 0);
    assert!(stdout(&o).contains("Is the breach still ongoing?"));
}

#[test]
fn completions_and_man_pages_are_generated() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let o = run(&["completions", shell]);
        assert_exit(&o, 0);
        let script = stdout(&o);
        for word in ["validate", "deadline", "completions", "format", "lang"] {
            assert!(script.contains(word), "{shell}: {word}");
        }
        if ["bash", "zsh", "fish"].contains(&shell) {
            assert!(script.contains("sarif") && script.contains("junit"), "{shell}");
        }
    }
    assert_exit(&run(&["completions", "tcsh"]), 2);
    let o = run(&["man"]);
    assert_exit(&o, 0);
    let page = stdout(&o);
    assert!(page.starts_with(".ie") || page.contains(".TH imy-breach"), "{}", &page[..page.len().min(200)]);
    for command in
        ["validate", "schema", "rules", "deadline", "render", "redact", "generate", "completions", "man"]
    {
        assert!(page.contains(command), "{command}");
    }
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-ci-man");
    let _ = std::fs::remove_dir_all(&dir);
    let o = run(&["man", "--dir", dir.to_str().unwrap()]);
    assert_exit(&o, 0);
    let validate = std::fs::read_to_string(dir.join("imy-breach-validate.1")).unwrap();
    assert!(validate.contains("sarif") && validate.contains("IMY_BREACH_LANG"), "{validate}");
    assert!(std::fs::metadata(dir.join("imy-breach.1")).unwrap().len() > 500);
}
