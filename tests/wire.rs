//! The JSON wire format end to end: the examples read and write back unchanged, bad input gives a
//! `ParseError` with the right pointer and code (never a panic), every problem is found at once, and a
//! notification built in code survives a round trip.

use std::path::{Path, PathBuf};

use imy_breach::{
    Action, Cause, Choice, ChoiceSet, Consequence, ContactPerson, Count, CountInterval, DataCategory,
    DiscoveryMethod, Email, LocalDate, Nature, Notification, OrganisationNumber, ParseError, PhoneNumber,
    Postcode, Processor, Sector, Severity, SubjectGroup, Timestamp, WallClockTime, YesNo,
};
use imy_breach::{AreaOfActivity, Lang, LongText, ShortText};
use proptest::prelude::*;
use serde_json::{json, Value};

/// The four example notifications every test below relies on.
const EXAMPLES: [&str; 4] =
    ["misdirected-email.json", "protected-identities.json", "pupils-intranet.json", "ransomware.json"];

fn examples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

/// Every `*.json` file directly under `examples/`; the four named above must be among them.
fn example_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(examples_dir())
        .expect("examples/ exists")
        .map(|e| e.expect("readable directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    for name in EXAMPLES {
        assert!(files.iter().any(|f| f.ends_with(name)), "examples/{name} is missing");
    }
    files
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn parse_example(name: &str) -> Notification {
    let path = examples_dir().join(name);
    Notification::from_json(&read(&path)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

// ---------------------------------------------------------------------------------------------
// Examples
// ---------------------------------------------------------------------------------------------

#[test]
fn examples_parse_without_errors() {
    for path in example_files() {
        let bytes = std::fs::read(&path).unwrap();
        match Notification::from_json_all_errors(&bytes) {
            Ok(_) => {}
            Err(errs) => panic!("{}: {errs:#?}", path.display()),
        }
        let (n, report) = imy_breach::validate_json(&bytes);
        assert!(n.is_some(), "{}", path.display());
        assert!(
            report.errors().next().is_none(),
            "{}: {:#?}",
            path.display(),
            report.errors().collect::<Vec<_>>()
        );
    }
}

#[test]
fn examples_round_trip_as_values_and_byte_for_byte() {
    for path in example_files() {
        let text = read(&path);
        let n = Notification::from_json(&text).unwrap();
        let written = n.to_json();
        let original: Value = serde_json::from_str(&text).unwrap();
        let again: Value = serde_json::from_str(&written).unwrap();
        assert_eq!(original, again, "{}: value changed in a round trip", path.display());
        // The examples are kept in the canonical form: form order, two-space indent, final newline.
        assert_eq!(text, format!("{written}\n"), "{}: not in canonical form", path.display());
        // Compact output reads back to the same notification.
        assert_eq!(Notification::from_json(&n.to_json_compact()).unwrap(), n);
    }
}

#[test]
fn examples_are_internally_consistent() {
    for name in EXAMPLES {
        let n = parse_example(name);
        let inc = &n.incident;
        // Question 13 exactly when 12 = Nej.
        assert!(inc.ongoing.is_some(), "{name}: 12");
        assert_eq!(inc.ongoing == Some(YesNo::No), !inc.ceased.is_empty(), "{name}: 12/13");
        // Comments exactly with Övrigt.
        assert_eq!(inc.cause == Some(Cause::Other), inc.cause_comment.is_some(), "{name}: 18");
        assert_eq!(
            inc.area_of_activity == Some(AreaOfActivity::Other),
            inc.area_of_activity_comment.is_some(),
            "{name}: 20"
        );
        let d = &n.data_and_subjects;
        assert_eq!(d.subject_groups.contains(SubjectGroup::Other), d.subject_groups_comment.is_some());
        assert_eq!(d.data_categories.contains(DataCategory::Other), d.data_categories_comment.is_some());
        let c = &n.consequences;
        assert_eq!(
            c.likely_consequences.contains(Consequence::Other),
            c.likely_consequences_comment.is_some()
        );
        assert!(d.subject_count.is_consistent() && d.record_count.is_consistent(), "{name}: 23/24");
        // Question 22 exactly when 21 = Ja.
        let p = &n.processors;
        assert!(p.involved.is_some(), "{name}: 21");
        assert_eq!(p.involved == Some(YesNo::Yes), !p.organisations.is_empty(), "{name}: 21/22");
        // Questions 31–35.
        let i = &n.data_subject_information;
        assert!(i.informed.is_some(), "{name}: 31");
        if i.informed == Some(YesNo::Yes) {
            assert!(i.informed_on.is_some(), "{name}: 32");
            assert!(i.will_inform.is_none(), "{name}: 33 only when 31 = Nej");
        } else {
            assert!(i.informed_on.is_none(), "{name}: 32 only when 31 = Ja");
            assert!(i.will_inform.is_some(), "{name}: 33");
        }
        assert_eq!(
            i.will_inform == Some(YesNo::Yes),
            i.planned_on.is_some(),
            "{name}: 34 exactly when 33 = Ja"
        );
        assert_eq!(
            i.will_inform == Some(YesNo::No),
            i.reason_not_informing.is_some(),
            "{name}: 35 exactly when 33 = Nej"
        );
        // Essentially every question answered.
        assert!(
            n.submitted_at.is_some()
                && n.controller.name.is_some()
                && n.controller.organisation_number.is_some()
        );
        assert!(
            !n.contact_details.contact_persons.is_empty()
                && !n.contact_details.correspondence_address.is_empty()
        );
        assert!(inc.discovered.date.is_some() && inc.discovered.time.is_some(), "{name}: 11");
        assert!(inc.nature.is_some() && inc.description.is_some() && inc.discovery_method.is_some());
        assert!(inc.cause.is_some() && inc.sector.is_some() && inc.area_of_activity.is_some());
        assert!(!d.subject_groups.is_empty() && !d.data_categories.is_empty() && d.encrypted.is_some());
        assert!(!d.subject_count.is_unknown() && !d.record_count.is_unknown());
        assert!(!c.likely_consequences.is_empty() && c.severity.is_some() && c.actions.len() >= 3);
        assert!(c.actions.iter().all(|a| a.date.is_some() && a.description.is_some()));
        assert!(n.supplement_and_confidentiality.intends_to_supplement.is_some(), "{name}: 36");
    }
}

/// The late example gives its reason; the timely ones need none.
#[test]
fn late_example_has_a_reason_and_the_others_are_on_time() {
    for name in EXAMPLES {
        let n = parse_example(name);
        let d = &n.incident.discovered;
        let (date, time) = (d.date.unwrap().date(), d.time.unwrap().time());
        // Swedish local time: +02:00 in these examples' summer months, +01:00 in March before the change.
        let offset = if (4..=10).contains(&u8::from(date.month())) { 2 } else { 1 };
        let discovered = date.with_time(time).assume_offset(time::UtcOffset::from_hms(offset, 0, 0).unwrap());
        let submitted = n.submitted_at.unwrap().get();
        let late = submitted - discovered > time::Duration::hours(72);
        assert_eq!(late, n.incident.late_reason.is_some(), "{name}");
        assert_eq!(late, name == "protected-identities.json", "{name}");
    }
}

/// The runs of digits in a text, each with the single spaces, hyphens and plus signs within it.
fn digit_runs(s: &str) -> Vec<&str> {
    let mut runs = Vec::new();
    let mut start = None;
    let bytes = s.as_bytes();
    for (i, b) in bytes.iter().enumerate() {
        let sep = matches!(b, b' ' | b'-' | b'+');
        match (start, b.is_ascii_digit() || sep) {
            (None, true) if b.is_ascii_digit() || *b == b'+' => start = Some(i),
            (Some(st), false) => {
                runs.push(s[st..i].trim_end_matches([' ', '-', '+']));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(st) = start {
        runs.push(s[st..].trim_end_matches([' ', '-', '+']));
    }
    runs
}

#[test]
fn digit_runs_find_phone_numbers_and_personnummer() {
    assert_eq!(digit_runs("ring 070-174 06 05 eller +46 8 123 45"), ["070-174 06 05", "+46 8 123 45"]);
    assert_eq!(digit_runs("pnr 19811218-9876, ref PUI 2021-014."), ["19811218-9876", "2021-014"]);
}

/// No personnummer, no e-mail address and no phone number in free text: only the contact persons'
/// own fields hold them.
#[test]
fn examples_keep_personal_identifiers_out_of_free_text() {
    fn strings<'a>(v: &'a Value, key: &str, out: &mut Vec<(String, &'a str)>) {
        match v {
            Value::String(s) => out.push((key.to_string(), s)),
            Value::Array(a) => a.iter().for_each(|x| strings(x, key, out)),
            Value::Object(o) => o.iter().for_each(|(k, x)| strings(x, k, out)),
            _ => {}
        }
    }
    for path in example_files() {
        let v: Value = serde_json::from_str(&read(&path)).unwrap();
        let mut all = Vec::new();
        strings(&v, "", &mut all);
        for (key, s) in all {
            // The contact persons' own details, and values whose format excludes personal data.
            if matches!(
                key.as_str(),
                "email"
                    | "phone"
                    | "organisationNumber"
                    | "postcode"
                    | "submittedAt"
                    | "date"
                    | "time"
                    | "informedOn"
                    | "plannedOn"
            ) {
                continue;
            }
            assert!(!s.contains('@'), "{}: an e-mail address in `{key}`: {s}", path.display());
            // Runs of digits, with the separators people write in numbers: a personnummer has 10 or
            // 12 digits, a phone number starts with 0 or + and has at least 7.
            for run in digit_runs(s) {
                let digits = run.bytes().filter(u8::is_ascii_digit).count();
                let phone = (run.starts_with('0') || run.starts_with('+')) && digits >= 7;
                let personnummer = digits == 10 || digits == 12;
                assert!(
                    !phone && !personnummer,
                    "{}: `{run}` looks like a phone number or personnummer in `{key}`: {s}",
                    path.display()
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Bad input
// ---------------------------------------------------------------------------------------------

fn first_error(doc: &[u8]) -> ParseError {
    let err = Notification::from_slice(doc).expect_err("the document must be rejected");
    for lang in [Lang::Sv, Lang::En] {
        assert!(!err.message(lang).trim().is_empty(), "{err:?}: empty {lang:?} message");
    }
    assert_ne!(err.message(Lang::Sv), err.message(Lang::En), "{err:?}: Swedish message not translated");
    assert!(!err.to_string().is_empty());
    err
}

#[track_caller]
fn assert_error(doc: &str, pointer: &str, code: &str) {
    let err = first_error(doc.as_bytes());
    assert_eq!((err.pointer().to_string().as_str(), err.code()), (pointer, code), "{doc}\n{err}");
    // The all-errors reader reports the same first problem.
    let all = Notification::from_json_all_errors(doc.as_bytes()).expect_err("rejected");
    assert_eq!((all[0].pointer().to_string().as_str(), all[0].code()), (pointer, code), "{doc}");
}

/// A document of schema version 1.0 with one section.
fn doc(section: &str, body: Value) -> String {
    let mut v = json!({"schemaVersion": "1.0"});
    v[section] = body;
    v.to_string()
}

#[test]
fn wrong_type() {
    assert_error(&doc("controller", json!({"name": 42})), "/controller/name", "invalid-type");
    assert_error(&doc("incident", json!({"ongoing": true})), "/incident/ongoing", "invalid-type");
    assert_error(&doc("controller", json!("Exempelkommun")), "/controller", "invalid-type");
    assert_error(
        &doc("dataAndSubjects", json!({"subjectGroups": "pupils"})),
        "/dataAndSubjects/subjectGroups",
        "invalid-type",
    );
    assert_error(
        &doc("dataAndSubjects", json!({"subjectCount": {"exact": "17"}})),
        "/dataAndSubjects/subjectCount/exact",
        "invalid-type",
    );
    assert_error(
        &doc("consequences", json!({"actions": [{"description": "Spärrat kontot."}, {"date": 20250328}]})),
        "/consequences/actions/1/date",
        "invalid-type",
    );
    let err = first_error(doc("controller", json!({"name": 42})).as_bytes());
    assert!(err.message(Lang::En).contains("string"), "{}", err.message(Lang::En));
    assert!(err.message(Lang::Sv).contains("textsträng"), "{}", err.message(Lang::Sv));
}

#[test]
fn unknown_option_code() {
    assert_error(&doc("incident", json!({"nature": "lost"})), "/incident/nature", "unknown-option");
    assert_error(&doc("incident", json!({"ongoing": "ja"})), "/incident/ongoing", "unknown-option");
    assert_error(
        &doc("dataAndSubjects", json!({"subjectGroups": ["employees", "teachers"]})),
        "/dataAndSubjects/subjectGroups/1",
        "unknown-option",
    );
    assert_error(
        &doc("dataAndSubjects", json!({"recordCount": {"interval": "1 - 10"}})),
        "/dataAndSubjects/recordCount/interval",
        "unknown-option",
    );
    // The message lists the valid codes.
    let err = first_error(doc("consequences", json!({"severity": "high"})).as_bytes());
    assert_eq!(err.pointer(), "/consequences/severity");
    for lang in [Lang::Sv, Lang::En] {
        assert!(err.message(lang).contains("not_serious, less_serious, serious, very_serious"), "{lang:?}");
    }
}

#[test]
fn unknown_field() {
    assert_error(r#"{"schemaVersion":"1.0","controller":{"nmae":"X"}}"#, "/controller/nmae", "unknown-field");
    assert_error(r#"{"schemaVersion":"1.0","comment":"x"}"#, "/comment", "unknown-field");
    assert_error(
        r#"{"schemaVersion":"1.0","contactDetails":{"contactPersons":[{"name":"A"},{"mail":"a@b.se"}]}}"#,
        "/contactDetails/contactPersons/1/mail",
        "unknown-field",
    );
    // A key that needs escaping in a pointer (RFC 6901).
    assert_error(r#"{"schemaVersion":"1.0","incident":{"a/b~c":1}}"#, "/incident/a~1b~0c", "unknown-field");
    let err = first_error(br#"{"schemaVersion":"1.0","controller":{"nmae":"X"}}"#);
    assert!(err.message(Lang::En).contains("organisationNumber"), "{}", err.message(Lang::En));
}

#[test]
fn malformed_values() {
    let cases: &[(&str, Value, &str, &str)] = &[
        (
            "incident",
            json!({"discovered": {"date": "2025-02-29"}}),
            "/incident/discovered/date",
            "date-format",
        ),
        (
            "incident",
            json!({"discovered": {"date": "28/3/2025"}}),
            "/incident/discovered/date",
            "date-format",
        ),
        ("incident", json!({"discovered": {"time": "24:00"}}), "/incident/discovered/time", "time-format"),
        ("incident", json!({"occurred": {"time": "9.30"}}), "/incident/occurred/time", "time-format"),
        ("incident", json!({"ceased": {"utcOffset": "+03:00"}}), "/incident/ceased/utcOffset", "utc-offset"),
        (
            "controller",
            json!({"organisationNumber": "21200-0142"}),
            "/controller/organisationNumber",
            "organisation-number-format",
        ),
        (
            "controller",
            json!({"postalAddress": {"postcode": "12!2"}}),
            "/controller/postalAddress/postcode",
            "postcode-format",
        ),
        (
            "contactDetails",
            json!({"correspondenceAddress": {"postcode": "01234567890"}}),
            "/contactDetails/correspondenceAddress/postcode",
            "postcode-format",
        ),
        (
            "contactDetails",
            json!({"contactPersons": [{"email": "dso@localhost"}]}),
            "/contactDetails/contactPersons/0/email",
            "email-format",
        ),
        (
            "contactDetails",
            json!({"contactPersons": [{"name": "A"}, {"phone": "123"}]}),
            "/contactDetails/contactPersons/1/phone",
            "phone-format",
        ),
        (
            "processors",
            json!({"organisations": [{"organisationNumber": "x"}]}),
            "/processors/organisations/0/organisationNumber",
            "organisation-number-format",
        ),
        (
            "dataSubjectInformation",
            json!({"informedOn": "2025-13-01"}),
            "/dataSubjectInformation/informedOn",
            "date-format",
        ),
        (
            "dataAndSubjects",
            json!({"subjectCount": {"exact": 0}}),
            "/dataAndSubjects/subjectCount/exact",
            "count-out-of-range",
        ),
        ("incident", json!({"description": "   "}), "/incident/description", "text-empty"),
        ("controller", json!({"name": "x".repeat(201)}), "/controller/name", "text-too-long"),
    ];
    for (section, body, pointer, code) in cases {
        assert_error(&doc(section, body.clone()), pointer, code);
    }
    assert_error(
        r#"{"schemaVersion":"1.0","submittedAt":"2025-03-31 09:00"}"#,
        "/submittedAt",
        "timestamp-format",
    );
}

/// Text that is not JSON: one `json-syntax` error, with the line and column, and the pointer of the
/// innermost value the reader was in when the text broke off (`""` when that is the document).
#[test]
fn empty_truncated_and_trailing_input() {
    for (input, pointer, what) in [
        (&b""[..], "", "empty"),
        (b"   \n", "", "white space"),
        (
            br#"{"schemaVersion":"1.0","controller":{"name":"Exempel"#,
            "/controller/name",
            "truncated in a string",
        ),
        (br#"{"schemaVersion":"1.0","controller":{"name":"Exempelkommun"}"#, "", "truncated after a section"),
        (
            br#"{"schemaVersion":"1.0","controller":{"name":"X" "city":"Y"}}"#,
            "/controller",
            "a missing comma",
        ),
        (
            br#"{"schemaVersion":"1.0","dataAndSubjects":{"subjectGroups":["pupils",]}}"#,
            "/dataAndSubjects/subjectGroups",
            "a trailing comma in an array",
        ),
        (br#"{"schemaVersion":"1.0",}"#, "", "a trailing comma"),
        (br#"{"schemaVersion":"1.0"} x"#, "", "trailing garbage"),
        (br#"{"schemaVersion":"1.0"}{}"#, "", "a second document"),
        (
            b"{\"schemaVersion\":\"1.0\",\"controller\":{\"name\":\"\xff\"}}",
            "/controller/name",
            "invalid UTF-8",
        ),
    ] {
        let err = first_error(input);
        assert_eq!(
            (err.pointer().to_string().as_str(), err.code()),
            (pointer, "json-syntax"),
            "{what}: {err}"
        );
        assert!(err.line().is_some() && err.column().is_some(), "{what}: a syntax error has a position");
        let all = Notification::from_json_all_errors(input).unwrap_err();
        assert_eq!(all, [err], "{what}: a syntax error is the only one reported");
    }
}

#[test]
fn duplicate_option_in_a_set() {
    assert_error(
        &doc("dataAndSubjects", json!({"dataCategories": ["health", "contact_information", "health"]})),
        "/dataAndSubjects/dataCategories",
        "duplicate-option",
    );
    let err = first_error(doc("consequences", json!({"likelyConsequences": ["other", "other"]})).as_bytes());
    assert_eq!(err.code(), "duplicate-option");
    assert!(err.message(Lang::En).contains("`other`") && err.message(Lang::Sv).contains("`other`"));
}

#[test]
fn schema_version_missing_wrong_or_mistyped() {
    assert_error(r#"{}"#, "/schemaVersion", "missing-field");
    assert_error(r#"{"controller":{"name":"Exempelkommunen"}}"#, "/schemaVersion", "missing-field");
    assert_error(r#"{"schemaVersion":"2.0"}"#, "/schemaVersion", "schema-version");
    assert_error(r#"{"schemaVersion":"1"}"#, "/schemaVersion", "schema-version");
    assert_error(r#"{"schemaVersion":1.0}"#, "/schemaVersion", "invalid-type");
    let err = first_error(br#"{"schemaVersion":"2.0"}"#);
    assert!(err.message(Lang::En).contains("2.0") && err.message(Lang::En).contains("1.0"));
}

/// The document and every section and group in it are JSON objects: an array in their place is a
/// wrong type, even though serde's derived readers would take a struct's fields from an array.
#[test]
fn objects_must_be_objects() {
    for input in ["[]", r#"["1.0"]"#, r#"[{"schemaVersion":"1.0"}]"#, "null", "42", r#""1.0""#, "true"] {
        assert_error(input, "", "invalid-type");
    }
    assert_error(
        r#"{"schemaVersion":"1.0","controller":["Exempelkommunen"]}"#,
        "/controller",
        "invalid-type",
    );
    assert_error(
        r#"{"schemaVersion":"1.0","controller":{"postalAddress":["Box 1","12345"]}}"#,
        "/controller/postalAddress",
        "invalid-type",
    );
    assert_error(
        r#"{"schemaVersion":"1.0","contactDetails":{"contactPersons":[{"name":"A"},["Karin Lindqvist"]]}}"#,
        "/contactDetails/contactPersons/1",
        "invalid-type",
    );
    assert_error(
        r#"{"schemaVersion":"1.0","incident":{"discovered":["2025-03-28"]}}"#,
        "/incident/discovered",
        "invalid-type",
    );
    assert_error(
        r#"{"schemaVersion":"1.0","dataAndSubjects":{"subjectCount":[17]}}"#,
        "/dataAndSubjects/subjectCount",
        "invalid-type",
    );
    let err = first_error(br#"[]"#);
    assert!(err.message(Lang::En).contains("an array where an object"), "{}", err.message(Lang::En));
    assert!(err.message(Lang::Sv).contains("en lista där ett objekt"), "{}", err.message(Lang::Sv));
}

#[test]
fn every_problem_at_once_with_original_pointers() {
    let doc = r#"{
      "schemaVersion": "2.0",
      "controller": { "organisationNumber": "12", "postalAddress": { "postcode": "AB?", "city": "Exempelby" } },
      "contactDetails": {
        "contactPersons": [
          { "name": "Karin Lindqvist", "email": "karin@", "phone": "070-174 06 05" },
          { "name": "Johan Ek", "email": "johan.ek@exempelstad.se", "phone": "070" },
          { "name": "Lena Ek", "fax": "08-123" }
        ]
      },
      "incident": { "discovered": { "date": "2025-03-28", "time": "25:00" }, "nature": "lost" },
      "dataAndSubjects": { "subjectGroups": ["employees", "x", "pupils", "y", "employees"] },
      "consequences": { "actions": [ { "date": "2025-03-28" }, { "date": "idag" }, { "date": "2025-03-29" }, { "time": "kväll" } ] }
    }"#
    .as_bytes();
    let errs = Notification::from_json_all_errors(doc).unwrap_err();
    let got: Vec<(String, &str)> = errs.iter().map(|e| (e.pointer().to_string(), e.code())).collect();
    let got: Vec<(&str, &str)> = got.iter().map(|(p, c)| (p.as_str(), *c)).collect();
    let expected = [
        ("/schemaVersion", "schema-version"),
        ("/controller/organisationNumber", "organisation-number-format"),
        ("/controller/postalAddress/postcode", "postcode-format"),
        ("/contactDetails/contactPersons/0/email", "email-format"),
        ("/contactDetails/contactPersons/1/phone", "phone-format"),
        ("/contactDetails/contactPersons/2/fax", "unknown-field"),
        ("/incident/discovered/time", "time-format"),
        ("/incident/nature", "unknown-option"),
        ("/dataAndSubjects/subjectGroups/1", "unknown-option"),
        ("/dataAndSubjects/subjectGroups/3", "unknown-option"),
        ("/dataAndSubjects/subjectGroups", "duplicate-option"),
        ("/consequences/actions/1/date", "date-format"),
        ("/consequences/actions/3/time", "time-format"),
    ];
    assert_eq!(got, expected);
    for e in &errs {
        assert!(!e.message(Lang::Sv).is_empty() && !e.message(Lang::En).is_empty(), "{e:?}");
    }
    // The first error is the one `from_json` reports.
    assert_eq!(Notification::from_slice(doc).unwrap_err(), errs[0]);
}

/// Two bad elements in the same array of options: the second one's index is that of the original
/// document, although the first was set aside before it was found.
#[test]
fn two_bad_elements_in_one_array_keep_their_indexes() {
    let doc = doc("dataAndSubjects", json!({"dataCategories": ["a", "health", "b", "c", "unknown"]}));
    let errs = Notification::from_json_all_errors(doc.as_bytes()).unwrap_err();
    let got: Vec<(String, &str)> = errs.iter().map(|e| (e.pointer().to_string(), e.code())).collect();
    let got: Vec<(&str, &str)> = got.iter().map(|(p, c)| (p.as_str(), *c)).collect();
    assert_eq!(
        got,
        [
            ("/dataAndSubjects/dataCategories/0", "unknown-option"),
            ("/dataAndSubjects/dataCategories/2", "unknown-option"),
            ("/dataAndSubjects/dataCategories/3", "unknown-option"),
        ]
    );
}

#[test]
fn the_all_errors_reader_stops_at_its_limit() {
    let bad: Vec<Value> = (0..150).map(|i| json!(format!("code-{i}"))).collect();
    let doc = doc("dataAndSubjects", json!({"dataCategories": bad}));
    let errs = Notification::from_json_all_errors(doc.as_bytes()).unwrap_err();
    assert_eq!(errs.len(), imy_breach::MAX_PARSE_ERRORS);
    assert_eq!(errs[99].pointer(), "/dataAndSubjects/dataCategories/99");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Neither reader panics on arbitrary bytes, nor on arbitrary JSON shaped like a notification.
    #[test]
    fn readers_never_panic_on_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
        let _ = Notification::from_slice(&bytes);
        let _ = Notification::from_json_all_errors(&bytes);
    }

    #[test]
    fn readers_never_panic_on_json(v in arb_json()) {
        let mut doc = json!({"schemaVersion": "1.0"});
        for section in ["controller", "contactDetails", "incident", "dataAndSubjects", "consequences"] {
            doc[section] = v.clone();
        }
        for text in [v.to_string(), doc.to_string()] {
            if let Err(errs) = Notification::from_json_all_errors(text.as_bytes()) {
                prop_assert!(!errs.is_empty() && errs.len() <= imy_breach::MAX_PARSE_ERRORS);
                for e in &errs {
                    let p = e.pointer().to_string();
                    prop_assert!(p.is_empty() || p.starts_with('/'));
                    prop_assert!(!e.message(Lang::Sv).is_empty() && !e.message(Lang::En).is_empty());
                }
            }
        }
    }

    /// A notification built in code reads back equal from its pretty and its compact JSON, and
    /// writing it again gives the same text.
    #[test]
    fn built_notification_round_trips(n in arb_notification()) {
        let pretty = n.to_json();
        let back = Notification::from_json(&pretty);
        prop_assert!(back.is_ok(), "{:?}\n{}", back, pretty);
        let back = back.unwrap();
        prop_assert_eq!(&back, &n);
        prop_assert_eq!(back.to_json(), pretty);
        prop_assert_eq!(Notification::from_json(&n.to_json_compact()).unwrap(), n);
    }
}

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        "[a-z_]{0,12}".prop_map(Value::from),
        Just(json!("2025-03-28")),
        Just(json!("yes")),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        let keys = prop_oneof![
            Just("name".to_string()),
            Just("date".to_string()),
            Just("contactPersons".to_string()),
            Just("subjectGroups".to_string()),
            Just("actions".to_string()),
            "[a-zA-Z]{1,8}",
        ];
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::vec((keys, inner), 0..4)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

// Valid-by-construction strategies for the model.

fn choice<C: Choice>() -> impl Strategy<Value = C> {
    proptest::sample::select(C::ALL)
}

fn set<C: Choice>() -> impl Strategy<Value = ChoiceSet<C>> {
    proptest::sample::subsequence(C::ALL, 0..=C::ALL.len()).prop_map(|v| v.into_iter().collect())
}

fn text<const MAX: usize>(max_chars: usize) -> impl Strategy<Value = imy_breach::Text<MAX>> {
    proptest::string::string_regex(&format!("[A-Za-zÅÄÖåäö0-9 .,:;!?'\"/\\\\()\\n\\t€–-]{{0,{max_chars}}}"))
        .unwrap()
        .prop_map(|s| format!("x{s}"))
        .prop_map(|s| imy_breach::Text::new(s).unwrap())
}

fn short() -> impl Strategy<Value = ShortText> {
    text::<200>(60)
}

fn long() -> impl Strategy<Value = LongText> {
    text::<10_000>(300)
}

fn date() -> impl Strategy<Value = LocalDate> {
    (1990i32..2100, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| {
        LocalDate::from_date(time::Date::from_calendar_date(y, time::Month::try_from(m).unwrap(), d).unwrap())
            .unwrap()
    })
}

fn clock() -> impl Strategy<Value = WallClockTime> {
    (0u32..24, 0u32..60).prop_map(|(h, m)| WallClockTime::from_hm(h, m).unwrap())
}

fn timestamp() -> impl Strategy<Value = Timestamp> {
    (0i64..4_000_000_000, prop_oneof![Just(0i8), Just(1), Just(2)]).prop_map(|(secs, off)| {
        let at = time::OffsetDateTime::from_unix_timestamp(secs)
            .unwrap()
            .to_offset(time::UtcOffset::from_hms(off, 0, 0).unwrap());
        Timestamp::new(at)
    })
}

fn event_time() -> impl Strategy<Value = imy_breach::EventTime> {
    (
        proptest::option::of(date()),
        proptest::option::of(clock()),
        proptest::option::of(prop_oneof![
            Just(imy_breach::StockholmOffset::Cet),
            Just(imy_breach::StockholmOffset::Cest)
        ]),
        proptest::option::of(long()),
        // Schema version 1.1: a period, its end, a state and its reason.
        (
            proptest::option::of(choice::<imy_breach::Period>()),
            proptest::option::of(date()),
            proptest::option::of(clock()),
            proptest::option::of(choice::<imy_breach::AnswerState>()),
            proptest::option::of(long()),
        ),
    )
        .prop_map(
            |(date, time, utc_offset, comment, (period, until_date, until_time, state, reason))| {
                imy_breach::EventTime {
                    date,
                    time,
                    utc_offset,
                    comment,
                    period,
                    until_date,
                    until_time,
                    state,
                    reason,
                }
            },
        )
}

fn org_number() -> impl Strategy<Value = OrganisationNumber> {
    (proptest::string::string_regex("[0-9]{10}").unwrap(), any::<bool>()).prop_map(|(d, hyphen)| {
        let text = if hyphen { format!("{}-{}", &d[..6], &d[6..]) } else { d };
        OrganisationNumber::new(&text).unwrap()
    })
}

fn postcode() -> impl Strategy<Value = Postcode> {
    proptest::string::string_regex("[1-9][0-9]{2} ?[0-9]{2}")
        .unwrap()
        .prop_map(|p| Postcode::new(&p).unwrap())
}

fn email() -> impl Strategy<Value = Email> {
    proptest::string::string_regex(
        "[a-z0-9]{1,10}(\\.[a-z0-9]{1,10})?@[a-z0-9]{1,10}(-[a-z0-9]{1,5})?\\.(se|org|example)",
    )
    .unwrap()
    .prop_map(|e| Email::new(&e).unwrap())
}

fn phone() -> impl Strategy<Value = PhoneNumber> {
    prop_oneof![
        proptest::string::string_regex("0[0-9]{1,3}-[0-9]{3} [0-9]{2} [0-9]{2}").unwrap(),
        proptest::string::string_regex("\\+46[0-9]{9}").unwrap(),
    ]
    .prop_map(|p| PhoneNumber::new(&p).unwrap())
}

fn address() -> impl Strategy<Value = imy_breach::Address> {
    (
        proptest::option::of(short()),
        proptest::option::of(postcode()),
        proptest::option::of(short()),
        proptest::option::of(short()),
    )
        .prop_map(|(street, postcode, city, country)| imy_breach::Address {
            street,
            postcode,
            city,
            country,
        })
}

fn count() -> impl Strategy<Value = Count> {
    prop_oneof![
        Just(Count::default()),
        (1u64..=imy_breach::MAX_COUNT).prop_map(|n| Count { exact: Some(n), ..Count::default() }),
        choice::<CountInterval>().prop_map(|i| Count { interval: Some(i), ..Count::default() }),
        (1u64..5_000_000).prop_map(|n| Count {
            exact: Some(n),
            interval: Some(CountInterval::containing(n)),
            ..Count::default()
        }),
        // Schema version 1.1: an approximate number, a state and its reason.
        (
            proptest::option::of(1u64..=imy_breach::MAX_COUNT),
            choice::<imy_breach::AnswerState>(),
            proptest::option::of(long())
        )
            .prop_map(|(approximate, state, reason)| Count {
                approximate,
                state: Some(state),
                reason,
                ..Count::default()
            }),
    ]
}

fn arb_notification() -> impl Strategy<Value = Notification> {
    let head = (
        proptest::option::of(timestamp()),
        proptest::option::of(short()),
        proptest::option::of(org_number()),
        address(),
        proptest::option::of(short()),
        proptest::collection::vec(
            (
                proptest::option::of(short()),
                proptest::option::of(short()),
                proptest::option::of(email()),
                proptest::option::of(phone()),
            ),
            0..3,
        ),
        address(),
    );
    let incident = (
        (
            event_time(),
            event_time(),
            proptest::option::of(choice::<YesNo>()),
            event_time(),
            proptest::option::of(long()),
        ),
        (
            proptest::option::of(choice::<Nature>()),
            proptest::option::of(long()),
            proptest::option::of(choice::<DiscoveryMethod>()),
            proptest::option::of(choice::<Cause>()),
            proptest::option::of(long()),
        ),
        (
            proptest::option::of(choice::<Sector>()),
            proptest::option::of(choice::<AreaOfActivity>()),
            proptest::option::of(long()),
        ),
    );
    let processors = (
        proptest::option::of(choice::<YesNo>()),
        proptest::collection::vec((proptest::option::of(short()), proptest::option::of(org_number())), 0..3),
    );
    let data = (
        count(),
        count(),
        set::<SubjectGroup>(),
        proptest::option::of(long()),
        set::<DataCategory>(),
        proptest::option::of(long()),
        proptest::option::of(choice::<YesNo>()),
    );
    let consequences = (
        set::<Consequence>(),
        proptest::option::of(long()),
        proptest::option::of(choice::<Severity>()),
        proptest::collection::vec(
            (proptest::option::of(date()), proptest::option::of(clock()), proptest::option::of(long())),
            0..4,
        ),
    );
    let rest = (
        proptest::option::of(choice::<YesNo>()),
        proptest::option::of(date()),
        proptest::option::of(choice::<YesNo>()),
        proptest::option::of(date()),
        proptest::option::of(long()),
        proptest::option::of(choice::<YesNo>()),
        proptest::option::of(long()),
    );
    (head, incident, processors, data, consequences, rest).prop_map(
        |(head, incident, processors, data, consequences, rest)| {
            let mut n = Notification::new();
            let (submitted_at, name, org, postal, internal_ref, persons, corr) = head;
            n.submitted_at = submitted_at;
            n.controller.name = name;
            n.controller.organisation_number = org;
            n.controller.postal_address = postal;
            n.controller.internal_reference = internal_ref;
            n.contact_details.contact_persons = persons
                .into_iter()
                .map(|(name, role, email, phone)| ContactPerson { name, role, email, phone })
                .collect();
            n.contact_details.correspondence_address = corr;
            let (
                (occurred, discovered, ongoing, ceased, late),
                (nature, descr, method, cause, cause_c),
                (sector, area, area_c),
            ) = incident;
            let i = &mut n.incident;
            (i.occurred, i.discovered, i.ongoing, i.ceased, i.late_reason) =
                (occurred, discovered, ongoing, ceased, late);
            (i.nature, i.description, i.discovery_method, i.cause, i.cause_comment) =
                (nature, descr, method, cause, cause_c);
            (i.sector, i.area_of_activity, i.area_of_activity_comment) = (sector, area, area_c);
            n.processors.involved = processors.0;
            n.processors.organisations = processors
                .1
                .into_iter()
                .map(|(name, organisation_number)| Processor { name, organisation_number })
                .collect();
            let d = &mut n.data_and_subjects;
            (d.subject_count, d.record_count, d.subject_groups, d.subject_groups_comment) =
                (data.0, data.1, data.2, data.3);
            (d.data_categories, d.data_categories_comment, d.encrypted) = (data.4, data.5, data.6);
            let c = &mut n.consequences;
            (c.likely_consequences, c.likely_consequences_comment, c.severity) =
                (consequences.0, consequences.1, consequences.2);
            c.actions = consequences
                .3
                .into_iter()
                .map(|(date, time, description)| Action { date, time, description })
                .collect();
            let info = &mut n.data_subject_information;
            (info.informed, info.informed_on, info.will_inform, info.planned_on, info.reason_not_informing) =
                (rest.0, rest.1, rest.2, rest.3, rest.4);
            let s = &mut n.supplement_and_confidentiality;
            (s.intends_to_supplement, s.confidentiality_request) = (rest.5, rest.6);
            n
        },
    )
}
