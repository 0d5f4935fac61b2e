//! Messages never echo (issue 12): what a sender writes is never repeated at length, never reaches
//! a terminal raw and never makes the output grow with the input; free text holds no control
//! characters; one document cannot produce megabytes of findings.

mod common;

use imy_breach::{validate_json, Lang, Notification, ParseError, Report, Violation, MAX_FINDINGS_PER_CODE};
use serde_json::{json, Value};

/// A document of the corpus that reads and has no errors.
fn valid() -> Value {
    let path = common::root().join("tests/data/valid/misdirected-class-list.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn both(e: &ParseError) -> [String; 3] {
    [e.message(Lang::Sv), e.message(Lang::En), e.to_string()]
}

/// The report of validating `doc`: reading problems and the rules' findings.
fn report(doc: &str) -> Report {
    validate_json(doc.as_bytes()).1
}

fn of<'r>(r: &'r Report, code: &str) -> Vec<&'r Violation> {
    r.violations.iter().filter(|v| v.code == code).collect()
}

#[test]
fn a_huge_unknown_member_gives_a_short_message_at_its_parent() {
    let key = format!("{}{}", "Kalle Exempelsson 19121212-1212 ", "x".repeat(900_000));
    let doc = format!(r#"{{"schemaVersion":"1.0","controller":{{"{key}":1}}}}"#);
    let err = Notification::from_json(&doc).unwrap_err();
    assert_eq!(err.code(), "unknown-field");
    assert_eq!(err.pointer(), "/controller", "a pointer is useful only whole: the parent");
    for m in both(&err) {
        assert!(m.len() < 300, "{} bytes", m.len());
        assert!(m.contains("Kalle Exempelsson 19121212-1212 …"), "{m}");
        assert!(!m.contains("xx"), "{m}");
    }
    // The same through the reading of every problem, and through validation.
    let all = Notification::from_json_all_errors(doc.as_bytes()).unwrap_err();
    assert_eq!((all[0].code(), all[0].pointer().to_string().as_str()), ("unknown-field", "/controller"));
    let r = report(&doc);
    let v = of(&r, "unknown-field");
    assert_eq!(v.len(), 1);
    assert!(v[0].message.sv.len() < 300 && v[0].message.en.len() < 300);
    assert!(serde_json::to_string(&r).unwrap().len() < 20_000);
    // A member name of 32 characters or fewer is still pointed at itself.
    let short = "y".repeat(32);
    let err = Notification::from_json(&format!(r#"{{"schemaVersion":"1.0","controller":{{"{short}":1}}}}"#))
        .unwrap_err();
    assert_eq!(err.pointer().to_string(), format!("/controller/{short}"));
    assert!(err.message(Lang::En).contains(&format!("`{short}`")));
}

#[test]
fn escape_sequences_in_a_member_name_are_escaped() {
    let doc = r#"{"schemaVersion":"1.0","controller":{"a\u001b[2Jb\u202ec":1}}"#;
    let err = Notification::from_json(doc).unwrap_err();
    // The pointer would carry the name raw: the member is reported at its parent.
    assert_eq!(err.pointer(), "/controller");
    for m in both(&err) {
        assert!(!m.contains('\u{1b}') && !m.contains('\u{202e}'), "{m:?}");
        assert!(m.contains(r"a\u{1b}[2Jb\u{202e}c"), "{m}");
    }
    let r = report(doc);
    let json = serde_json::to_string(&r).unwrap();
    assert!(!json.contains("\\u001b") && !json.contains('\u{202e}'), "{json}");
}

#[test]
fn option_codes_schema_versions_and_marking_pointers_are_shown_short_and_escaped() {
    // (where, value given, code, what the message shows, the first text it must not hold).
    let cases = [
        // 32 characters shown: the escape (6), "]0;" (3) and 23 of the rest.
        (
            "/incident/nature",
            format!("\u{1b}]0;{}", "z".repeat(100)),
            "unknown-option",
            format!("`\\u{{1b}}]0;{}…`", "z".repeat(23)),
            "z".repeat(24),
        ),
        (
            "/schemaVersion",
            format!("1.0\u{7}{}", "9".repeat(100)),
            "schema-version",
            format!("`1.0\\u{{7}}{}…`", "9".repeat(24)),
            "9".repeat(25),
        ),
    ];
    for (at, given, code, shown, not) in cases {
        let mut doc = valid();
        *doc.pointer_mut(at).unwrap() = json!(given);
        let err = Notification::from_json(&doc.to_string()).unwrap_err();
        assert_eq!(err.code(), code);
        for m in both(&err) {
            assert!(m.contains(&shown), "{m}");
            assert!(!m.contains(['\u{1b}', '\u{7}']) && !m.contains(&not), "{m}");
        }
    }

    let mut doc = valid();
    // A control character is refused while reading (control-character); a bidi control is not.
    let pointer = format!("/incident/\u{202e}{}", "q".repeat(100));
    doc["supplementAndConfidentiality"]["confidentialityMarkings"] =
        json!([{"pointer": pointer, "ground": "security_measures", "reason": "Skäl."}]);
    let r = report(&doc.to_string());
    let v = of(&r, "marking-pointer-unknown");
    assert_eq!(v.len(), 1, "{:?}", r.violations);
    for m in [&v[0].message.sv, &v[0].message.en] {
        assert!(m.contains(&format!("`/incident/\\u{{202e}}{}…`", "q".repeat(14))), "{m}");
        assert!(!m.contains('\u{202e}') && !m.contains(&"q".repeat(15)), "{m}");
    }
}

#[test]
fn control_characters_in_free_text_are_a_reading_error_at_the_field() {
    for (c, position) in [('\u{0}', 8), ('\u{1b}', 8), ('\u{85}', 8), ('\u{7f}', 8), ('\u{c}', 8)] {
        let mut doc = valid();
        doc["incident"]["description"] = json!(format!("Hemligt{c} 19121212-1212"));
        let err = Notification::from_json(&doc.to_string()).unwrap_err();
        assert_eq!(err.code(), "control-character", "{c:?}");
        assert_eq!(err.pointer(), "/incident/description");
        for m in both(&err) {
            assert!(m.contains(&format!(" {position};")) || m.contains(&format!(" {position} ")), "{m}");
            assert!(!m.contains("Hemligt") && !m.contains("1212"), "{m}");
        }
        let r = report(&doc.to_string());
        assert_eq!(of(&r, "control-character").len(), 1);
    }
    // Tab, line feed and carriage return are text.
    let mut doc = valid();
    doc["incident"]["description"] = json!("Rad ett\r\n\tRad två");
    assert!(Notification::from_json(&doc.to_string()).is_ok());
    assert_eq!(imy_breach::LongText::new("a\u{9f}").unwrap_err().code(), "control-character");
    assert!(imy_breach::ShortText::new("a\u{a0}b").is_ok());
}

#[test]
fn the_schema_pattern_rejects_what_the_reader_rejects() {
    let validator = common::canonical_validator();
    for (text, ok) in [
        ("Rad ett\r\n\tRad två", true),
        ("  x  ", true),
        ("Hemligt\u{1b}[2J", false),
        ("a\u{0}", false),
        ("a\u{85}", false),
        ("a\u{7f}", false),
        ("\u{b}x", false),
        ("   ", false),
        ("\u{202e}abc", true),
    ] {
        let mut doc = valid();
        doc["incident"]["description"] = json!(text);
        assert_eq!(validator.is_valid(&doc), ok, "{text:?}");
        assert_eq!(Notification::from_json(&doc.to_string()).is_ok(), ok, "{text:?}");
    }
}

#[test]
fn bidirectional_controls_give_a_warning() {
    for c in ['\u{202e}', '\u{2066}', '\u{200f}', '\u{61c}'] {
        let mut doc = valid();
        doc["controller"]["name"] = json!(format!("Exempel AB {c}fdp.exe"));
        let r = report(&doc.to_string());
        let v = of(&r, "bidi-control-in-text");
        assert_eq!(v.len(), 1, "{c:?}: {:?}", r.violations);
        assert_eq!(v[0].pointer, "/controller/name");
        assert_eq!(v[0].level, imy_breach::Level::Warning);
        assert!(
            v[0].message.en.contains(&format!("U+{:04X}) at character 12", u32::from(c))),
            "{}",
            v[0].message.en
        );
        assert!(!v[0].message.en.contains(c) && !v[0].message.en.contains("fdp"));
        assert!(r.is_valid());
    }
}

#[test]
fn a_thousand_personal_identity_numbers_give_at_most_21_findings() {
    let mut doc = valid();
    let numbers = "19121212-1212 ".repeat(100);
    doc["incident"]["description"] = json!(numbers);
    let actions: Vec<Value> = (0..9).map(|_| json!({"date": "2025-03-25", "description": numbers})).collect();
    doc["consequences"]["actions"] = json!(actions);
    let text = doc.to_string();
    let r = report(&text);
    let v = of(&r, "personal-identity-number-in-text");
    assert_eq!(v.len(), MAX_FINDINGS_PER_CODE + 1, "{}", v.len());
    let more = v[MAX_FINDINGS_PER_CODE];
    assert_eq!(more.message.en, "… and 980 more of the same kind (at most 20 are shown per rule).");
    assert_eq!(more.message.sv, "… och 980 till av samma slag (högst 20 visas per regel).");
    // The 980 left off are in the description and the actions: their common parent is the root.
    assert_eq!(more.pointer, "");
    assert!(serde_json::to_string(&r).unwrap().len() < 20_000);
}
