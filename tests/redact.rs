//! The redacted public copy: for every example and fixture, no contact person's name, e-mail address
//! or phone number and no personnummer survives, every marked field is masked, and the copy still
//! parses, validates against the schema and redacts to itself.

mod common;

use common::{
    canonical_validator as validator, examples_and_render_fixtures as documents, personnummer, read, root,
};

use imy_breach::pii::{find_personal_data, PersonalDataKind};
use imy_breach::redact::{is_masked, redact, RedactOptions};
use imy_breach::render::{render, Format, RenderOptions};
use imy_breach::{Lang, Notification};
use proptest::prelude::*;
use serde_json::Value;

fn schema_errors(doc: &Value) -> Vec<String> {
    validator().iter_errors(doc).map(|e| format!("{e} at {}", e.instance_path())).collect()
}

/// Every string in a JSON document.
fn strings(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(items) => items.iter().for_each(|i| strings(i, out)),
        Value::Object(map) => map.values().for_each(|i| strings(i, out)),
        _ => {}
    }
}

/// The contact persons' names, e-mail addresses and phone numbers (as written and in E.164).
fn contact_data(n: &Notification) -> Vec<String> {
    let mut out = Vec::new();
    for p in &n.contact_details.contact_persons {
        out.extend(p.name.as_ref().map(|t| t.as_str().to_string()));
        out.extend(p.email.as_ref().map(|e| e.as_str().to_string()));
        if let Some(phone) = &p.phone {
            out.push(phone.as_str().to_string());
            out.push(phone.to_e164());
        }
    }
    out
}

#[test]
fn public_copy_of_every_example() {
    for path in documents() {
        let n = read(&path);
        let original_valid = schema_errors(&serde_json::to_value(&n).unwrap()).is_empty();
        for lang in [Lang::Sv, Lang::En] {
            let public = redact(&n, &RedactOptions::new(lang));
            let json = public.to_json();
            let doc: Value = serde_json::from_str(&json).unwrap();
            let what = format!("{} ({lang:?})", path.display());

            // No contact person's name, e-mail address or phone number, in the JSON or a rendering.
            let rendered = render(&public, &RenderOptions::new(lang, Format::Text));
            for secret in contact_data(&n) {
                assert!(!json.contains(&secret), "{what}: {secret:?} in the copy");
                assert!(!rendered.contains(&secret), "{what}: {secret:?} in the rendering");
            }
            // No personnummer or samordningsnummer anywhere, no e-mail address or phone number left
            // in any text but a marker.
            let mut all = Vec::new();
            strings(&doc, &mut all);
            for s in &all {
                for f in find_personal_data(s) {
                    assert!(
                        !matches!(
                            f.kind,
                            PersonalDataKind::PersonalIdentityNumber | PersonalDataKind::CoordinationNumber
                        ),
                        "{what}: a personnummer in {s:?}"
                    );
                    assert!(is_masked(s), "{what}: {:?} found in {s:?}", f.kind);
                }
            }

            // Still a notification: it parses to itself, fits the schema, and redacts to itself.
            assert_eq!(Notification::from_json(&json).unwrap(), public, "{what}");
            if original_valid {
                assert_eq!(schema_errors(&doc), Vec::<String>::new(), "{what}");
            }
            assert_eq!(redact(&public, &RedactOptions::new(lang)), public, "{what}: not idempotent");
        }
    }
}

/// The examples are valid notifications, so their copies are checked against the schema above.
#[test]
fn the_examples_fit_the_schema() {
    for path in documents().iter().filter(|p| p.starts_with(root().join("examples"))) {
        let doc = serde_json::to_value(read(path)).unwrap();
        assert_eq!(schema_errors(&doc), Vec::<String>::new(), "{}", path.display());
    }
}

#[test]
fn marked_fields_are_masked_and_say_why() {
    let n = read(&root().join("tests/data/render/markings.json"));
    let public = redact(&n, &RedactOptions::default());
    assert_eq!(public.incident.description.as_ref().unwrap().as_str(), "[MASKERAT: säkerhetsåtgärd]");
    assert_eq!(
        public.consequences.actions[0].description.as_ref().unwrap().as_str(),
        "[MASKERAT: säkerhetsåtgärd]"
    );
    // The action's date and time cannot hold a marker and stay.
    assert_eq!(public.consequences.actions[0].date, n.consequences.actions[0].date);
    // The marking on the contact person names its ground, and wins over the default marker.
    let p = &public.contact_details.contact_persons[0];
    assert_eq!(p.name.as_ref().unwrap().as_str(), "[MASKERAT: ingivarens identitet]");
    assert_eq!(p.email.as_ref().unwrap().as_str(), "maskerad@maskerad.invalid");
    assert_eq!(p.phone.as_ref().unwrap().as_str(), "000 000 00 00");
    // The markings stay, their reasons are masked.
    let m = &public.supplement_and_confidentiality.confidentiality_markings;
    assert_eq!(m.len(), 3);
    assert_eq!(m[0].pointer.as_str(), "/incident/description");
    assert_eq!(m[0].reason.as_ref().unwrap().as_str(), "[MASKERAT: säkerhetsåtgärd]");
    // Unmarked text keeps its words.
    assert_eq!(public.incident.cause_comment, n.incident.cause_comment);
}

#[test]
fn groups_and_sections_mask_every_field_that_can_hold_a_marker() {
    let n = Notification::from_json(
        r#"{"schemaVersion":"1.0",
          "controller":{"name":"Exempel AB","organisationNumber":"556999-9997",
                        "postalAddress":{"street":"Box 7","postcode":"90736","city":"Umeå"}},
          "processors":{"involved":"yes","organisations":[{"name":"Drift AB","organisationNumber":"556999-9997"}]},
          "supplementAndConfidentiality":{"confidentialityMarkings":[
            {"pointer":"/controller","ground":"personal_circumstances","reason":"Enskild näringsidkare."},
            {"pointer":"/processors/organisations/0","ground":"third_party","reason":"Avtal."}]}}"#,
    )
    .unwrap();
    let public = redact(&n, &RedactOptions::new(Lang::En));
    let c = &public.controller;
    assert_eq!(c.name.as_ref().unwrap().as_str(), "[REDACTED: personal circumstances]");
    assert_eq!(c.organisation_number.as_ref().unwrap().as_str(), "000000-0000");
    assert_eq!(c.postal_address.postcode.as_ref().unwrap().as_str(), "99999");
    assert_eq!(c.postal_address.street.as_ref().unwrap().as_str(), "[REDACTED: personal circumstances]");
    let p = &public.processors.organisations[0];
    assert_eq!(p.name.as_ref().unwrap().as_str(), "[REDACTED: third party]");
    assert_eq!(p.organisation_number.as_ref().unwrap().as_str(), "000000-0000");
    assert_eq!(public.processors.involved, n.processors.involved);
    // An incomplete notification stays exactly as incomplete: the markers add no schema error.
    let paths = |n: &Notification| -> Vec<String> {
        let doc = serde_json::to_value(n).unwrap();
        validator().iter_errors(&doc).map(|e| e.instance_path().to_string()).collect()
    };
    assert_eq!(paths(&public), paths(&n));
}

#[test]
fn options_keep_what_they_say() {
    let n = read(&root().join("examples/misdirected-email.json"));
    let mut o = RedactOptions::new(Lang::Sv);
    o.mask_contact_persons = false;
    o.mask_personal_data_in_text = false;
    let public = redact(&n, &o);
    assert_eq!(public.contact_details, n.contact_details);
    assert_eq!(public.incident, n.incident);
}

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zåäö]{1,12}".prop_map(String::from),
        Just("Ärende INC48213.".to_string()),
        Just("2021-03-25 kl. 12:27".to_string()),
        personnummer(),
        "[a-z]{1,8}\\.[a-z]{1,8}@exempel\\.se".prop_map(String::from),
        Just("070-174 06 05".to_string()),
        Just("+46 8 123 456 78".to_string()),
    ]
}

proptest! {
    /// Whatever personal data the detector finds in a free text is gone from the copy, and the text
    /// keeps within its limit.
    #[test]
    fn no_personal_data_left_in_free_text(parts in proptest::collection::vec(fragment(), 1..30)) {
        let text = parts.join(" ");
        let mut n = Notification::new();
        n.incident.description = Some(imy_breach::LongText::new(text.clone()).unwrap());
        n.controller.internal_reference = imy_breach::ShortText::new(text.chars().take(200).collect::<String>()).ok();
        let public = redact(&n, &RedactOptions::default());
        for t in [public.incident.description.as_ref().map(|t| t.as_str()), public.controller.internal_reference.as_ref().map(|t| t.as_str())].into_iter().flatten() {
            prop_assert!(find_personal_data(t).is_empty(), "{:?}", t);
        }
        prop_assert_eq!(Notification::from_json(&public.to_json()).unwrap(), public);
    }

    /// Every personnummer, e-mail address and phone number put into a text is gone from the copy:
    /// checked against what was put in, not against the detector. The fragments are joined by words,
    /// so that each stands on its own.
    #[test]
    fn every_personal_data_fragment_put_in_is_gone(parts in proptest::collection::vec(fragment(), 1..30)) {
        let text = parts.join(" och ");
        let mut n = Notification::new();
        n.incident.description = Some(imy_breach::LongText::new(text).unwrap());
        let public = redact(&n, &RedactOptions::default());
        let copy = public.incident.description.as_ref().map_or("", |t| t.as_str());
        for part in &parts {
            let personal = part.bytes().filter(u8::is_ascii_digit).count() >= 7 || part.contains('@');
            if personal && !part.contains("INC") && !part.contains("kl.") {
                prop_assert!(!copy.contains(part.as_str()), "{:?} left in {:?}", part, copy);
            }
        }
    }
}
