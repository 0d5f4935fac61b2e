#![cfg(feature = "cli")]
//! `imy-breach generate` and `imy-breach validate --ndjson`: deterministic NDJSON, one result line
//! per input line, hostile lines, exit codes.

mod common;

use common::{run, run_with_stdin, stderr, stdout};
use imy_breach::generate::Generator;
use serde_json::Value;

#[test]
fn generate_is_deterministic_and_matches_the_library() {
    let a = run(&["generate", "50", "--seed", "7", "--invalid-share", "0.3"]);
    let b = run(&["generate", "50", "--seed", "7", "--invalid-share", "0.3"]);
    assert_eq!(a.status.code(), Some(0));
    assert_eq!(a.stdout, b.stdout);
    let text = stdout(&a);
    let lines: Vec<&str> = text.lines().collect();
    let expected: Vec<String> = Generator::new(7).invalid_share(0.3).take(50).map(|s| s.json).collect();
    assert_eq!(lines, expected);
    assert_ne!(a.stdout, run(&["generate", "50", "--seed", "8", "--invalid-share", "0.3"]).stdout);
    // The default share is 10 %: some lines are invalid.
    let default = run(&["generate", "200"]);
    let out = run_with_stdin(&["validate", "--ndjson", "-", "--format", "json"], default.stdout);
    let invalid = stdout(&out).lines().filter(|l| l.contains("\"valid\":false")).count();
    assert!((5..=40).contains(&invalid), "{invalid} of 200");
}

#[test]
fn generate_refuses_a_share_outside_0_to_1() {
    for share in ["1.5", "-0.1", "x"] {
        let o = run(&["generate", "3", "--invalid-share", share]);
        assert_eq!(o.status.code(), Some(2), "{share}");
    }
}

#[test]
fn one_json_result_per_line_with_line_numbers_and_verdicts() {
    let samples: Vec<_> = Generator::new(3).invalid_share(0.5).take(300).collect();
    let input: Vec<u8> = samples.iter().flat_map(|s| format!("{}\n", s.json).into_bytes()).collect();
    let out = run_with_stdin(&["validate", "--ndjson", "-", "--format", "json", "--lang", "en"], input);
    assert_eq!(out.status.code(), Some(1), "some lines are invalid");
    let results: Vec<Value> =
        stdout(&out).lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect();
    assert_eq!(results.len(), samples.len());
    for (i, (r, s)) in results.iter().zip(&samples).enumerate() {
        assert_eq!(r["line"], i + 1);
        assert_eq!(r["valid"], s.is_valid(), "line {}: {r}", i + 1);
        assert_eq!(r["errors"].as_u64().unwrap() == 0, s.is_valid());
        if let imy_breach::generate::Expected::Invalid { code } = s.expected {
            assert!(r["violations"].as_array().unwrap().iter().any(|v| v["code"] == code), "{r}");
        }
    }
    let summary = String::from_utf8_lossy(&out.stderr);
    assert!(summary.contains("300 lines"), "{summary}");
}

#[test]
fn text_output_is_one_line_per_input_line() {
    // A generated notification without warnings (some have answers not known yet).
    let clean = (1..)
        .map(|seed| Generator::new(seed).invalid_share(0.0).sample().json)
        .find(|json| imy_breach::validate_json(json.as_bytes()).1.violations.is_empty())
        .unwrap();
    let input =
        format!("{}\n{}\n", clean, r#"{"schemaVersion":"1.0","controller":{"organisationNumber":"x"}}"#);
    let out = run_with_stdin(&["validate", "--ndjson", "-", "--lang", "en"], input.into_bytes());
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert_eq!(lines[0], "1: valid");
    assert!(lines[1].starts_with("2: ") && lines[1].contains("[organisation-number-format]"), "{}", lines[1]);
    assert!(lines[1].contains("not checked without a submission moment"), "{}", lines[1]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn hostile_lines_are_invalid_lines_never_a_crash() {
    let valid = Generator::new(2).invalid_share(0.0).sample().json;
    let mut input = Vec::new();
    for line in [
        valid.as_bytes().to_vec(),
        b"\xff\xfe\x00binary\x01".to_vec(),
        Vec::new(),
        b"   ".to_vec(),
        b"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[".to_vec(),
        "{\"schemaVersion\":\"1.0\",\"controller\":{\"name\":\"\u{feff}\u{202e}\"}}".as_bytes().to_vec(),
        vec![b'x'; imy_breach::MAX_DOCUMENT_BYTES + 10],
        format!("{valid}\r").into_bytes(),
    ] {
        input.extend(line);
        input.push(b'\n');
    }
    // And a last line without a newline.
    input.extend(valid.as_bytes());
    let out = run_with_stdin(&["validate", "--ndjson", "-", "--format", "json"], input);
    assert_eq!(out.status.code(), Some(1));
    let results: Vec<Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let verdicts: Vec<bool> = results.iter().map(|r| r["valid"].as_bool().unwrap()).collect();
    assert_eq!(verdicts, [true, false, false, false, false, false, false, true, true]);
    assert_eq!(results[6]["violations"][0]["code"], "document-too-large");
    // Its length is not counted (a line may be endless): the message says "more than".
    assert!(
        results[6]["violations"][0]["message"].as_str().unwrap().contains("mer än 1 MiB"),
        "{}",
        results[6]
    );
    assert_eq!(results[1]["violations"][0]["code"], "json-syntax");
}

#[test]
fn empty_input_files_and_usage_errors() {
    let out = run_with_stdin(&["validate", "--ndjson", "-"], Vec::new());
    assert_eq!(out.status.code(), Some(0), "no lines, nothing invalid");
    assert!(out.stdout.is_empty());
    let dir = std::env::temp_dir().join(format!("imy-breach-ndjson-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("batch.ndjson");
    let valid: Vec<String> = Generator::new(4).invalid_share(0.0).take(20).map(|s| s.json).collect();
    std::fs::write(&file, valid.join("\n")).unwrap();
    let out = run(&["validate", "--ndjson", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(stdout(&out).lines().count(), 20);
    // --deny-warnings counts a line with warnings as failing.
    let with_warning = Generator::new(0)
        .invalid_share(0.0)
        .take(1000)
        .find(|s| imy_breach::validate_json(s.json.as_bytes()).1.warnings().count() > 0)
        .expect("a generated notification with a warning");
    std::fs::write(&file, &with_warning.json).unwrap();
    assert_eq!(run(&["validate", "--ndjson", file.to_str().unwrap()]).status.code(), Some(0));
    assert_eq!(
        run(&["validate", "--ndjson", "--deny-warnings", file.to_str().unwrap()]).status.code(),
        Some(1)
    );
    assert_eq!(run(&["validate", "--ndjson", "/nonexistent/batch.ndjson"]).status.code(), Some(2));
    // A file that opens but cannot be read (a directory): an IO error, exit 2, naming the line.
    let out = run(&["validate", "--ndjson", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("line 1"), "{}", stderr(&out));
    assert_eq!(run(&["validate", "--ndjson", "a", "b"]).status.code(), Some(2));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_submission_moment_applies_to_every_line() {
    let input: Vec<u8> = Generator::new(6)
        .invalid_share(0.0)
        .take(10)
        .flat_map(|s| format!("{}\n", s.json).into_bytes())
        .collect();
    // Filed long before any of the breaches: every line has a date after the submission moment.
    let out = run_with_stdin(
        &["validate", "--ndjson", "-", "--format", "json", "--submitted-at", "2000-01-01T00:00:00+01:00"],
        input,
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out).lines().count(), 10);
    for line in stdout(&out).lines() {
        assert!(line.contains("\"future-date\""), "{line}");
    }
}

#[test]
fn an_oversized_file_is_refused_without_reading_it_whole() {
    let dir = std::env::temp_dir().join(format!("imy-breach-big-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("big.json");
    let size = 3 * imy_breach::MAX_DOCUMENT_BYTES + 7;
    std::fs::write(&file, vec![b'{'; size]).unwrap();
    let out = run(&["validate", "--format", "json", "--lang", "en", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    let v = &doc["files"][0]["violations"][0];
    assert_eq!(v["code"], "document-too-large");
    assert!(v["message"].as_str().unwrap().contains("more than 1 MiB"), "{v}");
    // The same from standard input.
    let out = run_with_stdin(&["validate", "-", "--lang", "en"], vec![b' '; size]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stdout(&out).contains("[document-too-large]"), "{}", stdout(&out));
    // Binary and empty files are invalid documents, not crashes.
    std::fs::write(&file, b"\x00\xff\xfe\x01").unwrap();
    assert_eq!(run(&["validate", file.to_str().unwrap()]).status.code(), Some(1));
    std::fs::write(&file, b"").unwrap();
    assert_eq!(run(&["validate", file.to_str().unwrap()]).status.code(), Some(1));
    std::fs::remove_dir_all(&dir).unwrap();
}
