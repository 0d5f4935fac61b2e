//! No personal data in logs: the `Debug` output of every type that holds personal data (contact
//! persons, free text, e-mail addresses, phone numbers, and every struct that contains them) prints
//! none of it. Checked over every example and fixture, whose every free text, name, role, address,
//! e-mail address and phone number is looked for in the output.

mod common;

use common::examples_and_render_fixtures as documents;

use imy_breach::{
    markings_problems, validate_json, Email, LocalDate, Notification, OrganisationNumber, PhoneNumber,
    Postcode, ShortText, Timestamp, WallClockTime,
};
use serde_json::Value;

/// Whether a string of the document is a value that is not personal data: an option code, a date,
/// a time, a timestamp, a UTC offset, an organisation number, a postcode, the schema version, or a
/// JSON pointer of a confidentiality marking.
fn is_plain_data(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        || s.parse::<LocalDate>().is_ok()
        || s.parse::<WallClockTime>().is_ok()
        || s.parse::<Timestamp>().is_ok()
        || s.parse::<OrganisationNumber>().is_ok()
        || s.parse::<Postcode>().is_ok()
        || s == "+01:00"
        || s == "+02:00"
        || s == "1.0"
        || s.starts_with('/')
}

/// Every string of the document that may be personal data: free text, names, roles, addresses,
/// e-mail addresses, phone numbers.
fn personal_strings(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) if !is_plain_data(s) => {
            out.push(s.clone());
            // Nor may a word of six characters or more, unless it is plain lower-case ASCII (which a
            // field name in the Debug output could contain, "internal" in "internal_reference").
            out.extend(
                s.split_whitespace()
                    .filter(|w| w.chars().count() >= 6 && !w.bytes().all(|b| b.is_ascii_lowercase()))
                    .map(str::to_string),
            );
        }
        Value::Array(items) => items.iter().for_each(|i| personal_strings(i, out)),
        Value::Object(map) => map.values().for_each(|i| personal_strings(i, out)),
        _ => {}
    }
}

fn assert_hidden(what: &str, debug: &str, secrets: &[String]) {
    for s in secrets {
        assert!(!debug.contains(s.as_str()), "{what}: Debug shows {s:?}:\n{debug}");
    }
}

#[test]
fn debug_prints_no_personal_data() {
    let mut checked = 0;
    for path in documents() {
        let text = std::fs::read_to_string(&path).expect("readable");
        let n = Notification::from_json(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let doc: Value = serde_json::from_str(&text).unwrap();
        let mut secrets = Vec::new();
        personal_strings(&doc, &mut secrets);
        checked += secrets.len();
        let name = path.display().to_string();

        let mut outputs: Vec<(String, String)> = vec![
            ("Notification".into(), format!("{n:?}")),
            ("Notification (pretty)".into(), format!("{n:#?}")),
            ("Controller".into(), format!("{:?}", n.controller)),
            ("Address".into(), format!("{:?}", n.controller.postal_address)),
            ("ContactDetails".into(), format!("{:?}", n.contact_details)),
            ("Incident".into(), format!("{:?}", n.incident)),
            ("EventTime".into(), format!("{:?}", n.incident.discovered)),
            ("Processors".into(), format!("{:?}", n.processors)),
            ("DataAndSubjects".into(), format!("{:?}", n.data_and_subjects)),
            ("Consequences".into(), format!("{:?}", n.consequences)),
            ("DataSubjectInformation".into(), format!("{:?}", n.data_subject_information)),
            ("SupplementAndConfidentiality".into(), format!("{:?}", n.supplement_and_confidentiality)),
            ("validation report".into(), format!("{:?}", validate_json(text.as_bytes()))),
            ("markings problems".into(), format!("{:?}", markings_problems(&n))),
            (
                "redacted copy".into(),
                format!(
                    "{:?}",
                    imy_breach::redact::redact(&n, &imy_breach::redact::RedactOptions::default())
                ),
            ),
        ];
        for p in &n.contact_details.contact_persons {
            outputs.push(("ContactPerson".into(), format!("{p:?}")));
            outputs.push(("Email".into(), format!("{:?}", p.email)));
            outputs.push(("PhoneNumber".into(), format!("{:?}", p.phone)));
            outputs.push(("ShortText".into(), format!("{:?}", p.name)));
        }
        for a in &n.consequences.actions {
            outputs.push(("Action".into(), format!("{a:?}")));
            outputs.push(("LongText".into(), format!("{:?}", a.description)));
        }
        for p in &n.processors.organisations {
            outputs.push(("Processor".into(), format!("{p:?}")));
        }
        for m in &n.supplement_and_confidentiality.confidentiality_markings {
            outputs.push(("ConfidentialityMarking".into(), format!("{m:?}")));
        }
        for (what, debug) in outputs {
            assert_hidden(&format!("{name}: {what}"), &debug, &secrets);
        }
    }
    assert!(checked > 100, "only {checked} values checked");
}

/// Values that cannot be read are not repeated in errors either, when they may be personal data.
#[test]
fn parse_errors_do_not_repeat_personal_data() {
    let cases = [
        (
            r#"{"schemaVersion":"1.0","contactDetails":{"contactPersons":[{"email":"kim.exempel@@example.org"}]}}"#,
            "kim.exempel",
        ),
        (
            r#"{"schemaVersion":"1.0","contactDetails":{"contactPersons":[{"phone":"070-174 06 0x"}]}}"#,
            "174 06",
        ),
        (r#"{"schemaVersion":"1.0","contactDetails":{"contactPersons":[{"name":"   "}]}}"#, "   "),
    ];
    for (doc, secret) in cases {
        let err = Notification::from_json(doc).unwrap_err();
        for shown in [format!("{err:?}"), err.to_string(), err.message(imy_breach::Lang::Sv)] {
            assert!(!shown.contains(secret), "{shown}");
        }
        let (_, report) = validate_json(doc.as_bytes());
        assert!(!format!("{report:?}").contains(secret));
    }
}

/// The newtypes themselves.
#[test]
fn newtypes_hide_their_value() {
    let email: Email = "kim.exempel@example.org".parse().unwrap();
    let phone: PhoneNumber = "070-174 06 05".parse().unwrap();
    let text = ShortText::new("Kim Exempel").unwrap();
    assert_eq!(format!("{email:?}"), "Email(<redacted>)");
    assert_eq!(format!("{phone:?}"), "PhoneNumber(<redacted>)");
    assert_eq!(format!("{text:?}"), "Text(11 chars)");
}

/// An organisation number that is a personnummer (a sole trader's) is personal data: `Debug` hides
/// it, also inside the structs that hold one. A company's number is public and prints.
#[test]
fn a_sole_traders_organisation_number_is_hidden() {
    let sole_trader: OrganisationNumber = "121212-1212".parse().unwrap();
    let coordination: OrganisationNumber = "701063-2391".parse().unwrap();
    let company: OrganisationNumber = "556147-5897".parse().unwrap();
    assert_eq!(format!("{sole_trader:?}"), "OrganisationNumber(<personnummer>)");
    assert_eq!(format!("{coordination:?}"), "OrganisationNumber(<personnummer>)");
    assert_eq!(format!("{company:?}"), "OrganisationNumber(556147-5897)");
    let mut n = Notification::new();
    n.controller.organisation_number = Some(sole_trader);
    n.processors
        .organisations
        .push(imy_breach::Processor { name: None, organisation_number: Some("1212121212".parse().unwrap()) });
    for debug in
        [format!("{n:?}"), format!("{n:#?}"), format!("{:?}", n.controller), format!("{:?}", n.processors)]
    {
        assert!(!debug.contains("1212"), "{debug}");
    }
}
