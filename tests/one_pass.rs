//! Reading every problem in one pass gives the violations that reading once per problem gave: a
//! fingerprint of every violation of 2,000 generated invalid notifications, taken with the reader
//! that read a document again for every problem (before 0.2), must not change.

use imy_breach::generate::Generator;
use imy_breach::{validate_json_with, Level, ValidationOptions};

/// FNV-1a, 64 bits: a fingerprint that does not depend on the toolchain.
fn fnv(hash: &mut u64, bytes: &[u8]) {
    for &b in bytes {
        *hash ^= u64::from(b);
        *hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
}

#[test]
fn generated_invalid_notifications_keep_their_violations() {
    let options = ValidationOptions::new();
    let (mut hash, mut count, mut unreadable) = (0xcbf2_9ce4_8422_2325_u64, 0usize, 0usize);
    for sample in Generator::new(8).invalid_share(1.0).take(2_000) {
        let (n, report) = validate_json_with(sample.json.as_bytes(), &options);
        unreadable += usize::from(n.is_none());
        for v in &report.violations {
            let level = if v.level == Level::Error { "E" } else { "W" };
            let line = format!("{level} {} {} {} {}\n", v.code, v.pointer, v.message.sv, v.message.en);
            fnv(&mut hash, line.as_bytes());
            count += 1;
        }
        fnv(&mut hash, b"--\n");
    }
    // A Swedish postcode of the wrong form is now readable (a postcode of any country is) and
    // found by validation: fewer documents are unreadable than before issue 13.
    // Schema version 1.1: the generator draws answer states (issue 15), which adds findings.
    assert_eq!((count, unreadable, format!("{hash:016x}")), (3336, 891, "7c8153bf1137ca0d".to_string()));
}

/// Past the 100 problems reported, values at fault are still set aside, so that the rules run on
/// the rest of the document.
#[test]
fn the_rules_run_past_the_reported_problems() {
    let actions: Vec<_> = (0..150).map(|_| serde_json::json!({"date": "2025-02-30"})).collect();
    let doc = serde_json::json!({"schemaVersion": "1.0", "consequences": {"actions": actions}});
    let (n, report) = validate_json_with(doc.to_string().as_bytes(), &ValidationOptions::new());
    assert!(n.is_none());
    let reading = report.violations.iter().filter(|v| v.code == "date-format").count();
    assert_eq!(reading, imy_breach::MAX_PARSE_ERRORS);
    assert!(report.violations.iter().any(|v| v.code == "required" && v.pointer == "/controller/name"));
    // The dates set aside past the 100th are not reported missing either.
    assert!(!report.violations.iter().any(|v| v.pointer.starts_with("/consequences/actions/")
        && v.pointer.ends_with("/date")
        && v.code != "date-format"));
    // Each action is still there: its missing description is found past the 100th too, and counted
    // in the "and N more" finding past the first MAX_FINDINGS_PER_CODE findings of the code.
    let more = report
        .violations
        .iter()
        .find(|v| v.code == "required" && v.message.en.starts_with("… and "))
        .expect("the required answers past the cap are counted");
    let n: usize = more.message.en["… and ".len()..].split(' ').next().unwrap().parse().unwrap();
    let shown = report.violations.iter().filter(|v| v.code == "required").count() - 1;
    assert_eq!(shown, imy_breach::MAX_FINDINGS_PER_CODE);
    assert!(shown + n >= 150, "{n} more");
    assert!(more.pointer.starts_with("/consequences"), "{}", more.pointer);
}

/// A repeated member is one problem, at the member; when its first value was already at fault,
/// that is the only problem (both values are set aside).
#[test]
fn repeated_members() {
    let cases: [(&str, &[(&str, &str)]); 3] = [
        (
            r#"{"schemaVersion":"1.0","controller":{"name":"A","name":"B"}}"#,
            &[("/controller/name", "duplicate-field")],
        ),
        (r#"{"schemaVersion":"1.0","controller":{"x":1,"x":2}}"#, &[("/controller/x", "unknown-field")]),
        (
            r#"{"schemaVersion":"1.0","controller":{"organisationNumber":"1","organisationNumber":"2"}}"#,
            &[("/controller/organisationNumber", "organisation-number-format")],
        ),
    ];
    for (doc, expected) in cases {
        let errors = imy_breach::Notification::from_json_all_errors(doc.as_bytes()).unwrap_err();
        let got: Vec<(String, &str)> = errors.iter().map(|e| (e.pointer().to_string(), e.code())).collect();
        let got: Vec<(&str, &str)> = got.iter().map(|(p, c)| (p.as_str(), *c)).collect();
        assert_eq!(got, expected, "{doc}");
        let (_, report) = validate_json_with(doc.as_bytes(), &ValidationOptions::new());
        assert!(report.violations.iter().any(|v| v.code == "required"), "the rules ran on the rest: {doc}");
    }
}
