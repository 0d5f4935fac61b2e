//! Every example of issue 12's "Why" section, with the behaviour the issue asks for. Examples
//! tested elsewhere are listed here and not tested twice:
//!
//! | Example | Where |
//! |---|---|
//! | a 10,000-character `0 0 0 …` text, a 1 MiB document of 100 (the cubic phone search) | `benches/pii.rs` (`maskable`, `document_validate`, `document_redact`); `src/privacy/pii` property tests against slow references |
//! | 5,441 of 20,000 random texts kept a token | `tests/redact.rs` (`no_personal_data_left_in_free_text`), `tests/redact_fixed_point.rs` (`adversarial_texts_reach_the_fixed_point`), fuzz target `scan_redact` |
//! | a sole trader's organisation number in questions 2 and 22 of the copy | `tests/redact_fixed_point.rs` (`a_sole_traders_personnummer_is_masked_in_questions_2_and_22`) |
//! | `Debug` prints `OrganisationNumber(121212-1212)` | `tests/debug_redaction.rs` (`a_sole_traders_organisation_number_is_hidden`) |
//! | `render`, `redact`, `deadline` read 2 GiB of stdin; `validate` never ends on `/dev/zero`, `/dev/urandom` | `tests/cli_bounds.rs` (`two_gib_on_standard_input_are_refused_after_the_first_mebibyte`, `dev_zero_ends_every_command_with_more_than_1_mib`) |
//! | one endless NDJSON line | `tests/cli_bounds.rs` (`an_over_long_ndjson_line_is_reported_and_the_later_lines_are_validated`, `an_ndjson_line_without_an_end_within_64_mib_ends_the_run`) |
//! | `imy-breach schema \| head` panics | `tests/cli_bounds.rs` (`a_closed_pipe_ends_schema_quietly`) |
//! | a 900,000-character unknown member gives a 1.8 MB line | `tests/echo.rs` (`a_huge_unknown_member_gives_a_short_message_at_its_parent`) |
//! | escape sequences in a key reach the terminal raw | `tests/echo.rs` (`escape_sequences_in_a_member_name_are_escaped`) |
//! | unknown option codes, `schemaVersion`, marking pointers repeated | `tests/echo.rs` (`option_codes_schema_versions_and_marking_pointers_are_shown_short_and_escaped`) |
//! | NUL and ESC accepted in free text | `tests/echo.rs` (`control_characters_in_free_text_are_a_reading_error_at_the_field`, `the_schema_pattern_rejects_what_the_reader_rejects`) |
//! | U+202E, U+2066 accepted and rendered raw | `tests/echo.rs` (`bidirectional_controls_give_a_warning`); rendering: below |
//! | `"description": null` (and `nature`, `ongoing`, `exact`) read as absent | `tests/null.rs` (`PLACES`); `name`: below |
//!
//! Tested here: each text the detector missed (warned about and masked), the chain of 80 numbers,
//! `"name": null`, rendering of bidirectional controls, and a whole 1 MiB document of personnummer.

use imy_breach::pii::{find_maskable, find_personal_data};
use imy_breach::redact::{redact, RedactOptions};
use imy_breach::render::{render, Format, RenderOptions};
use imy_breach::{validate_json, Lang, LongText, Notification, ValidationOptions, MAX_DOCUMENT_BYTES};
use serde_json::json;

/// A notification whose incident description is `text`.
fn with_description(text: &str) -> Notification {
    let mut n = Notification::new();
    n.incident.description = Some(LongText::new(text).expect("a valid text"));
    n
}

/// The codes of the warnings validation gives about `n`.
fn warnings(n: &Notification) -> Vec<&'static str> {
    n.validate(&ValidationOptions::default()).warnings().map(|w| w.code).collect()
}

/// The redacted description of `n`.
fn redacted(n: &Notification) -> String {
    let public = redact(n, &RedactOptions::default());
    public.incident.description.as_ref().map(|d| d.as_str().to_string()).unwrap_or_default()
}

/// Each text: what validation warns about, and what the public copy reads.
const MISSED: &[(&str, &str, &str)] = &[
    // A personnummer or phone number right after another number and one separator. The number
    // joined to it is masked with it (`redact`'s documentation: digits joined to a finding).
    (
        "Upptäckt 2021-03-25 121212-1212",
        "personal-identity-number-in-text",
        "Upptäckt [MASKERAT: personnummer]",
    ),
    ("kl. 12:27 070-123 45 67", "phone-in-text", "kl. [MASKERAT: telefonnummer]"),
    // Personnummer with an en dash, a space, a no-break space.
    (
        "Eleven 121212–1212 flyttade.",
        "personal-identity-number-in-text",
        "Eleven [MASKERAT: personnummer] flyttade.",
    ),
    (
        "Eleven 121212 1212 flyttade.",
        "personal-identity-number-in-text",
        "Eleven [MASKERAT: personnummer] flyttade.",
    ),
    (
        "Eleven 121212\u{a0}1212 flyttade.",
        "personal-identity-number-in-text",
        "Eleven [MASKERAT: personnummer] flyttade.",
    ),
    // Phone numbers in the Swedish written forms.
    ("Ring +46 (0)70-123 45 67 i dag.", "phone-in-text", "Ring [MASKERAT: telefonnummer] i dag."),
    ("Ring (08) 123 456 78 i dag.", "phone-in-text", "Ring [MASKERAT: telefonnummer] i dag."),
    ("Ring 08/123 456 78 i dag.", "phone-in-text", "Ring [MASKERAT: telefonnummer] i dag."),
    ("Ring 070–123 45 67 i dag.", "phone-in-text", "Ring [MASKERAT: telefonnummer] i dag."),
    ("Ring 070.123.45.67 i dag.", "phone-in-text", "Ring [MASKERAT: telefonnummer] i dag."),
    ("Ring 08-123 456 78 i dag.", "phone-in-text", "Ring [MASKERAT: telefonnummer] i dag."),
    // An e-mail address with a non-ASCII local part: masked whole.
    (
        "Skickat till åsa.öberg@example.se av misstag.",
        "email-in-text",
        "Skickat till [MASKERAT: e-postadress] av misstag.",
    ),
];

#[test]
fn each_missed_text_is_warned_about_and_masked() {
    let wrong: Vec<_> = MISSED
        .iter()
        .map(|&(text, code, public)| (text, with_description(text), code, public))
        .filter(|(_, n, code, public)| !warnings(n).contains(code) || redacted(n) != *public)
        .map(|(text, n, _, _)| (text, warnings(&n), redacted(&n)))
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// "On a chain of numbers joined by spaces 47 of 80 stay in clear text, a second `redact` changes
/// the copy, and `validate` on the public copy still warns about personal data."
#[test]
fn a_chain_of_80_numbers_is_masked_whole_once_and_for_all() {
    let chain = ["121212-1212", "070-174 06 05"].repeat(40).join(" ");
    let n = with_description(&chain);
    let options = RedactOptions::default();
    let public = redact(&n, &options);
    let copy = public.incident.description.as_ref().map(|d| d.as_str()).unwrap_or_default();
    assert!(!copy.chars().any(|c| c.is_ascii_digit()), "{copy}");
    assert!(find_maskable(copy).is_empty() && find_personal_data(copy).is_empty(), "{copy}");
    assert_eq!(redact(&public, &options), public, "a second redact changes nothing");
    let personal: Vec<_> = warnings(&public).into_iter().filter(|c| c.ends_with("-in-text")).collect();
    assert!(personal.is_empty(), "{personal:?}");
}

/// `"name": null` is refused at the member, as every other null (`tests/null.rs`).
#[test]
fn a_null_name_is_an_invalid_type_at_the_member() {
    let doc = r#"{"schemaVersion":"1.0","controller":{"name":null}}"#;
    let err = Notification::from_json(doc).expect_err("null is refused");
    assert_eq!((err.code(), err.pointer().to_string().as_str()), ("invalid-type", "/controller/name"));
}

/// Bidirectional controls and invisible format characters reach neither the text nor the
/// Markdown copy raw: they are escaped.
#[test]
fn rendering_escapes_bidirectional_controls_and_invisible_characters() {
    let text = "Fakturan \u{202e}fdp.exe\u{202c} och \u{2066}x\u{2069}\u{200b}\u{200f}\u{61c}\u{feff} slut";
    let n = with_description(text);
    assert!(warnings(&n).contains(&"bidi-control-in-text"));
    for format in [Format::Text, Format::Markdown] {
        let out = render(&n, &RenderOptions::new(Lang::Sv, format));
        for c in
            ['\u{202e}', '\u{202c}', '\u{2066}', '\u{2069}', '\u{200b}', '\u{200f}', '\u{61c}', '\u{feff}']
        {
            assert!(!out.contains(c), "{format:?}: U+{:04X} raw", u32::from(c));
        }
        assert!(out.contains("Fakturan \\u{202e}fdp.exe\\u{202c} och \\u{2066}x\\u{2069}"), "{format:?}");
        assert!(out.contains("\\u{200b}\\u{200f}\\u{61c}\\u{feff} slut"), "{format:?}");
    }
}

/// "A 1 MiB document of personnummer gives 90,900 warnings": now at most 20 and one "and N more".
#[test]
fn a_mebibyte_of_personal_identity_numbers_gives_at_most_21_findings() {
    let text = "121212-1212 ".repeat(10_000 / 12);
    let actions: Vec<_> = (0..100).map(|_| json!({"date": "2024-05-13", "description": text})).collect();
    let doc = json!({"schemaVersion": "1.0", "incident": {"description": text}, "consequences": {"actions": actions}});
    let bytes = serde_json::to_vec(&doc).unwrap();
    assert!(bytes.len() > 1_000_000 && bytes.len() <= MAX_DOCUMENT_BYTES, "{}", bytes.len());
    let (n, report) = validate_json(&bytes);
    assert!(n.is_some());
    let found = report.violations.iter().filter(|v| v.code == "personal-identity-number-in-text").count();
    assert_eq!(found, 21);
    assert!(serde_json::to_vec(&report).unwrap().len() < 20_000);
}
