//! Spoiling: deliberately invalid samples. A third break a rule of the form or the law (the model
//! is changed, then written), the rest break the format (the JSON is changed) or are not JSON.

use serde_json::{json, Value};
use time::{Duration, OffsetDateTime};

use super::build::Built;
use super::conditions::{ask_unanswered, drop_inapplicable};
use super::random::SplitMix64;
use super::{Expected, Sample};
use crate::form::Field;
use crate::model::affected::{Count, CountInterval};
use crate::model::incident::EventTime;
use crate::model::notification::Notification;
use crate::values::choice::YesNo;
use crate::values::datetime::{LocalDate, Timestamp};
use crate::values::identifiers::OrganisationNumber;

/// The ways a sample is spoiled, with their weights (out of 100): a third break a rule of the form
/// or the law, the rest break the format or are not JSON.
const SPOILERS: &[(Spoiler, u32)] = &[
    (Spoiler::MissingName, 6),
    (Spoiler::MissingDescription, 5),
    (Spoiler::NoContactPersons, 3),
    (Spoiler::CeasedMissing, 5),
    (Spoiler::ProcessorsMissing, 3),
    (Spoiler::CauseCommentMissing, 3),
    (Spoiler::DiscoveredBeforeOccurred, 4),
    (Spoiler::CountOutsideInterval, 3),
    (Spoiler::CheckDigit, 4),
    (Spoiler::LateWithoutReason, 5),
    (Spoiler::FutureDate, 2),
    (Spoiler::InformedOnMissing, 3),
    (Spoiler::Postcode, 6),
    (Spoiler::Email, 6),
    (Spoiler::Phone, 3),
    (Spoiler::Date, 5),
    (Spoiler::Time, 2),
    (Spoiler::UnknownOption, 5),
    (Spoiler::WrongType, 4),
    (Spoiler::UnknownField, 4),
    (Spoiler::EmptyText, 2),
    (Spoiler::TextTooLong, 1),
    (Spoiler::DuplicateOption, 2),
    (Spoiler::SchemaVersion, 2),
    (Spoiler::Truncated, 4),
    (Spoiler::NotJson, 2),
    (Spoiler::TooManyItems, 1),
];

#[derive(Debug, Clone, Copy)]
enum Spoiler {
    MissingName,
    MissingDescription,
    NoContactPersons,
    CeasedMissing,
    ProcessorsMissing,
    CauseCommentMissing,
    DiscoveredBeforeOccurred,
    CountOutsideInterval,
    CheckDigit,
    LateWithoutReason,
    FutureDate,
    InformedOnMissing,
    Postcode,
    Email,
    Phone,
    Date,
    Time,
    UnknownOption,
    WrongType,
    UnknownField,
    EmptyText,
    TextTooLong,
    DuplicateOption,
    SchemaVersion,
    Truncated,
    NotJson,
    TooManyItems,
}

fn invalid(json: String, code: &'static str) -> Sample {
    Sample { json, expected: Expected::Invalid { code } }
}

/// Sets a member of a JSON object, creating the objects on the way.
fn set(doc: &mut Value, path: &[&str], value: Value) {
    let mut cur = doc;
    for (i, key) in path.iter().enumerate() {
        if !cur.is_object() {
            *cur = json!({});
        }
        let Some(obj) = cur.as_object_mut() else { return };
        if i + 1 == path.len() {
            obj.insert((*key).to_string(), value);
            return;
        }
        cur = obj.entry((*key).to_string()).or_insert_with(|| json!({}));
    }
}

/// A valid notification spoiled by one of the [`SPOILERS`], drawn by weight.
pub(super) fn spoil(r: &mut SplitMix64, built: Built) -> Sample {
    let Built { mut notification, discovered } = built;
    let spoiler = r.weighted(SPOILERS);
    if let Some(code) = break_rule(r, &mut notification, discovered, spoiler) {
        return invalid(notification.to_json_compact(), code);
    }
    let mut doc = serde_json::to_value(&notification).unwrap_or(Value::Null);
    if let Some(code) = break_format(r, &mut doc, spoiler) {
        return invalid(doc.to_string(), code);
    }
    let text = match spoiler {
        Spoiler::Truncated => truncated(r, &doc.to_string()),
        _ => not_json(r),
    };
    invalid(text, "json-syntax")
}

// ---------------------------------------------------------------------------------------------
// Rule level: the model is changed
// ---------------------------------------------------------------------------------------------

/// Breaks a rule in the model and says which; `None` for a spoiler of the format.
fn break_rule(
    r: &mut SplitMix64,
    n: &mut Notification,
    discovered: OffsetDateTime,
    spoiler: Spoiler,
) -> Option<&'static str> {
    Some(match spoiler {
        Spoiler::MissingName => {
            n.controller.name = None;
            "required"
        }
        Spoiler::MissingDescription => {
            n.incident.description = None;
            "required"
        }
        Spoiler::NoContactPersons => {
            n.contact_details.contact_persons.clear();
            "required"
        }
        Spoiler::CeasedMissing => {
            ask_unanswered(n, Field::IncidentCeased);
            "required-when"
        }
        Spoiler::ProcessorsMissing => {
            ask_unanswered(n, Field::ProcessorOrganisations);
            "required-when"
        }
        Spoiler::CauseCommentMissing => {
            ask_unanswered(n, Field::IncidentCauseComment);
            "other-comment-required"
        }
        Spoiler::DiscoveredBeforeOccurred => occurred_after_discovery(r, n),
        Spoiler::CountOutsideInterval => count_outside_interval(r, n),
        Spoiler::CheckDigit => wrong_check_digit(r, n),
        Spoiler::LateWithoutReason => late_without_reason(r, n, discovered),
        Spoiler::FutureDate => submitted_before_the_dates(r, n, discovered),
        Spoiler::InformedOnMissing => {
            ask_unanswered(n, Field::InformedOn);
            "required-when"
        }
        _ => return None,
    })
}

/// The breach occurred two to twenty days after its discovery.
fn occurred_after_discovery(r: &mut SplitMix64, n: &mut Notification) -> &'static str {
    let d = n.incident.discovered.date.map(|d| d.date() + Duration::days(r.between(2, 20) as i64));
    n.incident.occurred =
        EventTime { date: d.and_then(|d| LocalDate::from_date(d).ok()), ..EventTime::default() };
    "discovered-before-occurred"
}

/// An exact count of subjects outside the interval given with it.
fn count_outside_interval(r: &mut SplitMix64, n: &mut Notification) -> &'static str {
    n.data_and_subjects.subject_count = Count {
        exact: Some(r.between(1, 10)),
        interval: Some(CountInterval::From1001To10000),
        ..Count::default()
    };
    n.data_and_subjects.record_count =
        Count { exact: None, interval: Some(CountInterval::MoreThan1000000), ..Count::default() };
    "count-outside-interval"
}

/// The organisation number with another last digit.
fn wrong_check_digit(r: &mut SplitMix64, n: &mut Notification) -> &'static str {
    let mut digits: Vec<u8> = match &n.controller.organisation_number {
        Some(good) => good.digits().into_bytes(),
        None => b"2120000142".to_vec(),
    };
    if let Some(last) = digits.last_mut() {
        *last = b'0' + (*last - b'0' + 1 + r.below(9) as u8) % 10;
    }
    n.controller.organisation_number =
        std::str::from_utf8(&digits).ok().and_then(|d| OrganisationNumber::new(d).ok());
    "organisation-number-check-digit"
}

/// Filed 90 to 400 hours after the discovery of a breach still going on, without a reason.
fn late_without_reason(r: &mut SplitMix64, n: &mut Notification, discovered: OffsetDateTime) -> &'static str {
    let at = discovered + Duration::hours(r.between(90, 400) as i64);
    n.submitted_at = crate::time::stockholm::to_local(at).ok().map(Timestamp::new);
    n.incident.late_reason = None;
    n.incident.ongoing = Some(YesNo::Yes);
    drop_inapplicable(n);
    "late-reason-required"
}

/// Filed 40 to 100 days before the discovery.
fn submitted_before_the_dates(
    r: &mut SplitMix64,
    n: &mut Notification,
    discovered: OffsetDateTime,
) -> &'static str {
    let at = discovered - Duration::days(r.between(40, 100) as i64);
    n.submitted_at = crate::time::stockholm::to_local(at).ok().map(Timestamp::new);
    "future-date"
}

// ---------------------------------------------------------------------------------------------
// Format level: the JSON is changed
// ---------------------------------------------------------------------------------------------

/// Breaks the format of the document and says how; `None` for a spoiler of a rule or one that
/// makes text that is not JSON.
fn break_format(r: &mut SplitMix64, doc: &mut Value, spoiler: Spoiler) -> Option<&'static str> {
    Some(match spoiler {
        Spoiler::Postcode => {
            let bad = r.pick(&["ABC 12", "1234", "012345", "12 3456", "S-123 45"]);
            set(doc, &["contactDetails", "correspondenceAddress", "postcode"], json!(bad));
            "postcode-format"
        }
        Spoiler::Email => bad_email(r, doc),
        Spoiler::Phone => bad_phone(r, doc),
        Spoiler::Date => {
            let bad = r.pick(&["2025-02-30", "2025-13-01", "25-03-28", "2025/03/28", "28 mars 2025"]);
            set(doc, &["incident", "discovered", "date"], json!(bad));
            "date-format"
        }
        Spoiler::Time => {
            let bad = r.pick(&["24:00", "9:30", "09.30", "09:60", "kl. 9"]);
            set(doc, &["incident", "discovered", "time"], json!(bad));
            "time-format"
        }
        Spoiler::UnknownOption => unknown_option(r, doc),
        Spoiler::WrongType => wrong_type(r, doc),
        Spoiler::UnknownField => unknown_field(r, doc),
        Spoiler::EmptyText => {
            set(doc, &["controller", "name"], json!(r.pick(&["", "   ", "\t"])));
            "text-empty"
        }
        Spoiler::TextTooLong => {
            set(doc, &["incident", "description"], json!("Lång beskrivning. ".repeat(600)));
            "text-too-long"
        }
        Spoiler::DuplicateOption => {
            set(doc, &["dataAndSubjects", "subjectGroups"], json!(["employees", "employees"]));
            "duplicate-option"
        }
        Spoiler::SchemaVersion => {
            set(doc, &["schemaVersion"], json!(r.pick(&["2.0", "1", "0.9"])));
            "schema-version"
        }
        Spoiler::TooManyItems => too_many_contact_persons(doc),
        _ => return None,
    })
}

fn bad_email(r: &mut SplitMix64, doc: &mut Value) -> &'static str {
    let bad = r.pick(&[
        "karin.exempel.se",
        "karin@",
        "@exempel.se",
        "karin lindqvist@exempel.se",
        "karin@@exempel.se",
    ]);
    set(
        doc,
        &["contactDetails", "contactPersons"],
        json!([{ "name": "Karin Lindqvist", "email": bad, "phone": "070-123 45 67" }]),
    );
    "email-format"
}

fn bad_phone(r: &mut SplitMix64, doc: &mut Value) -> &'static str {
    let bad = r.pick(&["123", "070 12", "+0 70 123 45 67", "070--123 45 67", "tel 070 123 45 67"]);
    set(
        doc,
        &["contactDetails", "contactPersons"],
        json!([{ "name": "Karin Lindqvist", "email": "karin@exempel.se", "phone": bad }]),
    );
    "phone-format"
}

fn unknown_option(r: &mut SplitMix64, doc: &mut Value) -> &'static str {
    let (path, bad): (&[&str], &str) = r.pick(&[
        (&["incident", "nature"][..], "hacking"),
        (&["incident", "cause"][..], "human"),
        (&["consequences", "severity"][..], "high"),
        (&["incident", "sector"][..], "Offentlig sektor"),
    ]);
    set(doc, path, json!(bad));
    "unknown-option"
}

fn wrong_type(r: &mut SplitMix64, doc: &mut Value) -> &'static str {
    let (path, bad): (&[&str], &str) = r.pick(&[
        (&["incident", "ongoing"][..], "true"),
        (&["dataAndSubjects", "subjectCount", "exact"][..], "\"tolv\""),
        (&["controller", "name"][..], "42"),
        (&["dataAndSubjects", "subjectGroups"][..], "\"employees\""),
    ]);
    set(doc, path, serde_json::from_str(bad).unwrap_or(Value::Null));
    "invalid-type"
}

fn unknown_field(r: &mut SplitMix64, doc: &mut Value) -> &'static str {
    let (path, _): (&[&str], u8) = r.pick(&[
        (&["incident", "severity"][..], 0),
        (&["comment"][..], 0),
        (&["controller", "orgNr"][..], 0),
    ]);
    set(doc, path, json!("x"));
    "unknown-field"
}

/// Twenty-one contact persons, one more than the form takes.
fn too_many_contact_persons(doc: &mut Value) -> &'static str {
    let persons: Vec<Value> =
        (0..21).map(|i| json!({ "name": format!("Person {}", i + 1), "role": "Handläggare" })).collect();
    set(doc, &["contactDetails", "contactPersons"], Value::Array(persons));
    "too-many-items"
}

// ---------------------------------------------------------------------------------------------
// Not JSON
// ---------------------------------------------------------------------------------------------

/// The document cut off at a character boundary.
fn truncated(r: &mut SplitMix64, text: &str) -> String {
    let cut = r.between(1, text.len().saturating_sub(1) as u64) as usize;
    let mut end = cut.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].to_string()
}

/// A line that looks like JSON but is not.
fn not_json(r: &mut SplitMix64) -> String {
    r.pick(&[
        "{\"schemaVersion\": \"1.0\", 'controller': {}}",
        "schemaVersion=1.0",
        "{\"schemaVersion\":\"1.0\",}",
        "{\"schemaVersion\": \"1.0\", \"controller\": {",
        "{\"schemaVersion\":\"1.0\"} {}",
    ])
    .to_string()
}
