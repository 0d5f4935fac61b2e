//! The redacted copy is a fixed point: no free text of it holds anything the detector finds,
//! redacting it again changes nothing, validating it gives no personal-data warning, and it still
//! parses and fits the schema as the original did. Checked over generated notifications and over
//! adversarial texts: chains of numbers joined by spaces and hyphens, numbers next to markers,
//! e-mail addresses next to numbers. A sole trader's personnummer given as organisation number is
//! masked in questions 2 and 22.

mod common;

use common::{canonical_validator as validator, personnummer};

use imy_breach::form::{walk, Kind, Value};
use imy_breach::generate::Generator;
use imy_breach::pii::{find_maskable, find_personal_data};
use imy_breach::redact::{redact, RedactOptions, MASKED_ORGANISATION_NUMBER};
use imy_breach::{Lang, LongText, Notification, OrganisationNumber, Processor, ShortText, ValidationOptions};
use proptest::prelude::*;

/// The warnings validation gives about personal data in free text or in an organisation number.
const PERSONAL_DATA_CODES: [&str; 4] = [
    "personal-identity-number-in-text",
    "email-in-text",
    "phone-in-text",
    "personal-identity-number-as-organisation-number",
];

/// Every free text of `n` (short and long), with its pointer.
fn free_texts(n: &Notification) -> Vec<(String, String)> {
    let mut out = Vec::new();
    walk(n, |a| {
        if let (Kind::ShortText | Kind::LongText, Value::Text(t)) = (a.field.spec().kind, a.value) {
            out.push((a.pointer().to_string(), t.to_string()));
        }
    });
    out
}

fn schema_paths(n: &Notification) -> Vec<String> {
    let doc = serde_json::to_value(n).unwrap();
    validator().iter_errors(&doc).map(|e| e.instance_path().to_string()).collect()
}

/// Checks every property of the copy of `n`; the error says which failed.
fn check_fixed_point(n: &Notification, lang: Lang) -> Result<(), TestCaseError> {
    let options = RedactOptions::new(lang);
    let public = redact(n, &options);
    for (pointer, text) in free_texts(&public) {
        prop_assert!(find_maskable(&text).is_empty(), "{} keeps {:?}", pointer, text);
        prop_assert!(find_personal_data(&text).is_empty(), "{} keeps {:?}", pointer, text);
    }
    for number in std::iter::once(&public.controller.organisation_number)
        .chain(public.processors.organisations.iter().map(|p| &p.organisation_number))
        .flatten()
    {
        prop_assert!(!number.is_personal_identity_number(), "{:?}", number.as_str());
    }
    prop_assert_eq!(&redact(&public, &options), &public, "not idempotent");
    let report = public.validate(&ValidationOptions::default());
    let personal: Vec<_> =
        report.warnings().filter(|w| PERSONAL_DATA_CODES.contains(&w.code)).map(|w| w.code).collect();
    prop_assert!(personal.is_empty(), "{:?}", personal);
    prop_assert_eq!(&Notification::from_json(&public.to_json()).unwrap(), &public);
    prop_assert_eq!(schema_paths(&public), schema_paths(n), "the copy fits the schema as the original");
    Ok(())
}

/// Numbers of every sort, markers and addresses: the pieces of an adversarial text.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => personnummer(),
        1 => personnummer().prop_map(|p| p.replace('-', "")),
        1 => personnummer().prop_map(|p| format!("19{p}")),
        3 => Just("070-174 06 05".to_string()),
        1 => Just("0701740605".to_string()),
        1 => Just("+46 70 174 06 05".to_string()),
        1 => Just("08-123 456 78".to_string()),
        1 => Just("556147-5897".to_string()),
        1 => Just("2021-03-25".to_string()),
        2 => "[0-9]{1,4}".prop_map(String::from),
        1 => Just("[MASKERAT: personnummer]".to_string()),
        1 => Just("[REDACTED: phone number]".to_string()),
        1 => Just("000 000 00 00".to_string()),
        2 => "[a-z]{1,6}@example\\.(org|se)".prop_map(String::from),
        1 => "[a-zåäö]{1,8}".prop_map(String::from),
    ]
}

fn joiner() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        Just(" "),
        Just(" "),
        Just("-"),
        Just(""),
        Just(", "),
        Just(","),
        Just("."),
        Just("/"),
        Just(":"),
        Just("+"),
        Just("\n"),
        Just(" och "),
    ]
}

/// An adversarial text: pieces joined by separators, often none between numbers.
fn adversarial_text() -> impl Strategy<Value = String> {
    proptest::collection::vec((piece(), joiner()), 1..40).prop_map(|parts| {
        let mut text = String::new();
        for (piece, joiner) in parts {
            text.push_str(&piece);
            text.push_str(joiner);
        }
        text
    })
}

fn short(text: &str) -> Option<ShortText> {
    ShortText::new(text.chars().take(ShortText::MAX_CHARS).collect::<String>()).ok()
}

/// `n` with the text put into long and short free texts, and into a list's.
fn with_text(mut n: Notification, text: &str) -> Notification {
    n.incident.description = LongText::new(text).ok();
    n.incident.occurred.comment = LongText::new(format!("5{text}5")).ok();
    n.controller.internal_reference = short(text);
    if let Some(action) = n.consequences.actions.first_mut() {
        action.description = LongText::new(text).ok();
    }
    if let Some(p) = n.contact_details.contact_persons.first_mut() {
        p.role = short(text);
    }
    n
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn adversarial_texts_reach_the_fixed_point(text in adversarial_text(), english in any::<bool>()) {
        let lang = if english { Lang::En } else { Lang::Sv };
        check_fixed_point(&with_text(Notification::new(), &text), lang)?;
    }

    #[test]
    fn generated_notifications_reach_the_fixed_point(
        seed in any::<u64>(),
        text in proptest::option::of(adversarial_text()),
        sole_trader in personnummer(),
    ) {
        let mut n = Generator::new(seed).invalid_share(0.0).notification();
        if let Some(text) = text {
            n = with_text(n, &text);
            n.controller.organisation_number = OrganisationNumber::new(&sole_trader).ok();
        }
        check_fixed_point(&n, Lang::Sv)?;
    }
}

/// A chain of numbers joined by spaces: a phone number and a personnummer, forty times. The old
/// redaction masked one more per pass, for at most 17 passes.
#[test]
fn a_chain_of_numbers_is_masked_whole() {
    let chain = ["070-174 06 05", "121212-1212"].repeat(40).join(" ");
    let n = with_text(Notification::new(), &chain);
    let public = redact(&n, &RedactOptions::default());
    let copy = public.incident.description.as_ref().unwrap().as_str();
    assert!(!copy.contains("1212") && !copy.contains("174"), "{copy}");
    assert!(copy.starts_with("[MASKERAT: "), "{copy}");
    assert_eq!(redact(&public, &RedactOptions::default()), public);
}

/// Findings that stand apart keep their own markers and the words between them.
#[test]
fn separate_findings_keep_their_own_markers() {
    let text =
        "Brevet till 121212-1212 och 19121212-1212, ring 070-174 06 05 eller kim@example.org den 2021-03-25.";
    let public = redact(&with_text(Notification::new(), text), &RedactOptions::default());
    assert_eq!(
        public.incident.description.as_ref().unwrap().as_str(),
        "Brevet till [MASKERAT: personnummer] och [MASKERAT: personnummer], ring [MASKERAT: telefonnummer] \
         eller [MASKERAT: e-postadress] den 2021-03-25."
    );
    // Numbers in a list, each found, each masked.
    let list = "121212-1212 121212-1212 070-174 06 05";
    let public = redact(&with_text(Notification::new(), list), &RedactOptions::new(Lang::En));
    assert_eq!(
        public.incident.description.as_ref().unwrap().as_str(),
        "[REDACTED: personal identity number] [REDACTED: personal identity number] [REDACTED: phone number]"
    );
}

/// A number the detector takes for part of a longer one stands alone next to a marker: it is masked
/// with the finding it is joined to.
#[test]
fn a_number_joined_to_a_finding_is_masked_with_it() {
    for text in [
        "070-174 06 05 121212-1212",
        "kim@example.org 070-174 06 05 121212-1212 5",
        "070-174 06 05-kim@example.org",
    ] {
        let public = redact(&with_text(Notification::new(), text), &RedactOptions::default());
        let copy = public.incident.description.as_ref().unwrap().as_str();
        assert!(find_personal_data(copy).is_empty(), "{text:?} → {copy:?}");
        assert!(!copy.contains("1212") && !copy.contains("174"), "{text:?} → {copy:?}");
    }
}

/// Question 2 and question 22: a sole trader's personnummer is masked, a company's number stays.
#[test]
fn a_sole_traders_personnummer_is_masked_in_questions_2_and_22() {
    let mut n = Notification::new();
    n.controller.organisation_number = OrganisationNumber::new("121212-1212").ok();
    let processor = |number: &str| Processor {
        name: ShortText::new("Drift").ok(),
        organisation_number: OrganisationNumber::new(number).ok(),
    };
    n.processors.organisations = vec![processor("19121212-1212".get(2..).unwrap()), processor("556147-5897")];
    assert!(n
        .validate(&ValidationOptions::default())
        .warnings()
        .any(|w| w.code == "personal-identity-number-as-organisation-number"));

    let public = redact(&n, &RedactOptions::default());
    let number = |o: &Option<OrganisationNumber>| o.as_ref().map(|o| o.as_str().to_string());
    assert_eq!(number(&public.controller.organisation_number).as_deref(), Some(MASKED_ORGANISATION_NUMBER));
    assert_eq!(
        number(&public.processors.organisations[0].organisation_number).as_deref(),
        Some(MASKED_ORGANISATION_NUMBER)
    );
    assert_eq!(
        number(&public.processors.organisations[1].organisation_number).as_deref(),
        Some("556147-5897")
    );
    assert!(!public.to_json().contains("1212-1212"));
    assert!(!public
        .validate(&ValidationOptions::default())
        .warnings()
        .any(|w| w.code == "personal-identity-number-as-organisation-number"));
    assert_eq!(schema_paths(&public), schema_paths(&n));
    assert_eq!(redact(&public, &RedactOptions::default()), public);
}
