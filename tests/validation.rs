//! Validation: the submission moment and its precedence, counting policies, reading and rules in one
//! pass, the report's JSON, the schema's rule keywords, and the command line.

use imy_breach::deadline::CountingPolicy;
use imy_breach::pii::{find_personal_data, PersonalDataKind};
use imy_breach::validation::{rule, RULES};
use imy_breach::{validate_json, validate_json_with, Level, Notification, Report, ValidationOptions};
use serde_json::{json, Value};
use time::macros::datetime;

fn base() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/valid/misdirected-class-list.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn codes(report: &Report) -> Vec<(&'static str, &str)> {
    report.violations.iter().map(|v| (v.code, v.pointer.as_str())).collect()
}

fn run(doc: &Value, options: &ValidationOptions) -> Report {
    validate_json_with(&serde_json::to_vec(doc).unwrap(), options).1
}

#[test]
fn the_base_document_is_clean() {
    let report = run(&base(), &ValidationOptions::new());
    assert!(report.violations.is_empty(), "{:#?}", codes(&report));
    assert!(report.skipped.is_empty());
}

#[test]
fn submission_moment_precedence() {
    // Discovered 2025-03-24 14:40; the document says it is filed 2025-03-26 15:00 (on time).
    let doc = base();
    let late = datetime!(2025-03-28 09:00 +01:00);
    let on_time = datetime!(2025-03-25 09:00 +01:00);
    let late_reason = |r: &Report| r.violations.iter().any(|v| v.code == "late-reason-required");

    // The document's submittedAt.
    assert!(!late_reason(&run(&doc, &ValidationOptions::new())));
    // An explicit moment wins over the document.
    assert!(late_reason(&run(&doc, &ValidationOptions::new().submitted_at(late))));
    // `now` does not override the document's submittedAt...
    assert!(!late_reason(&run(&doc, &ValidationOptions::new().now(late))));
    // ...but is used when the document has none.
    let mut without = doc.clone();
    without.as_object_mut().unwrap().remove("submittedAt");
    assert!(late_reason(&run(&without, &ValidationOptions::new().now(late))));
    assert!(!late_reason(&run(&without, &ValidationOptions::new().now(on_time).submitted_at(on_time))));
    // Explicit submitted_at wins over now.
    assert!(late_reason(&run(&without, &ValidationOptions::new().now(on_time).submitted_at(late))));
}

#[test]
fn without_a_moment_the_timed_rules_are_skipped_and_listed() {
    let mut doc = base();
    doc.as_object_mut().unwrap().remove("submittedAt");
    let report = run(&doc, &ValidationOptions::new());
    assert!(report.violations.is_empty());
    let timed: Vec<&str> = RULES.iter().filter(|r| r.needs_submission_moment).map(|r| r.code).collect();
    assert_eq!(report.skipped, timed);
    assert_eq!(report.skipped, ["late-reason-required", "late-reason-date-only", "future-date"]);
    let report = run(&doc, &ValidationOptions::new().now(datetime!(2025-03-25 12:00 UTC)));
    assert!(report.skipped.is_empty());
}

/// The base document moved in time: questions 10, 11 and 13, the submission moment, and the date
/// the data subjects were informed (32) and of every action (30).
fn moved(occurred: Value, discovered: Value, ceased: Value, submitted: &str, after: &str) -> Value {
    let mut doc = base();
    doc["incident"]["occurred"] = occurred;
    doc["incident"]["discovered"] = discovered;
    doc["incident"]["ceased"] = ceased;
    doc["submittedAt"] = json!(submitted);
    doc["dataSubjectInformation"]["informedOn"] = json!(after);
    for a in doc["consequences"]["actions"].as_array_mut().unwrap() {
        a["date"] = json!(after);
    }
    doc
}

#[test]
fn an_unresolved_discovery_lists_the_late_reason_rules_as_skipped() {
    // 02:30 on 2025-03-30 does not exist in Swedish time: question 11 is no instant, and the
    // late-reason rules cannot run although the document is filed days later.
    let doc = moved(
        json!({"date": "2025-03-29"}),
        json!({"date": "2025-03-30", "time": "02:30"}),
        json!({"date": "2025-03-30"}),
        "2025-04-10T15:00:00+02:00",
        "2025-03-31",
    );
    let report = run(&doc, &ValidationOptions::new());
    assert_eq!(codes(&report), [("local-time-gap", "/incident/discovered/time")]);
    assert_eq!(report.skipped, ["late-reason-required", "late-reason-date-only"]);
}

#[test]
fn awareness_before_the_gdpr_is_a_warning() {
    let mut doc = moved(
        json!({"date": "2018-05-24", "time": "08:15"}),
        json!({"date": "2018-05-24", "time": "14:40"}),
        json!({"date": "2018-05-24", "time": "16:05"}),
        "2018-05-25T15:00:00+02:00",
        "2018-05-25",
    );
    let report = run(&doc, &ValidationOptions::new());
    assert_eq!(codes(&report), [("discovered-before-gdpr", "/incident/discovered/date")]);
    assert_eq!(report.violations[0].level, Level::Warning);
    // No 72-hour duty then: filed a week later, question 14 is not asked for.
    let late = ValidationOptions::new().submitted_at(datetime!(2018-06-01 15:00 +02:00));
    assert_eq!(codes(&run(&doc, &late)), [("discovered-before-gdpr", "/incident/discovered/date")]);
    // From 2018-05-25 on, Art. 33 applies: no warning.
    doc["incident"]["discovered"]["date"] = json!("2018-05-25");
    doc["incident"]["ceased"] = json!({"date": "2018-05-25", "time": "14:50"});
    assert!(run(&doc, &ValidationOptions::new()).violations.is_empty());
}

#[test]
fn counting_policies_differ_by_the_first_partial_hour() {
    let mut doc = base();
    doc["incident"]["discovered"] = json!({"date": "2025-03-24", "time": "14:40"});
    // 72 hours and 10 minutes later: late by elapsed time, on time from the next full hour (15:00).
    let at = datetime!(2025-03-27 14:50 +01:00);
    let elapsed = run(&doc, &ValidationOptions::new().submitted_at(at));
    assert_eq!(codes(&elapsed), [("late-reason-required", "/incident/lateReason")]);
    assert!(
        elapsed.violations[0].message.en.contains("10 minutes after the 72-hour deadline"),
        "{}",
        elapsed.violations[0].message.en
    );
    let reg = run(&doc, &ValidationOptions::new().submitted_at(at).policy(CountingPolicy::Reg1182));
    assert!(reg.violations.is_empty(), "{:#?}", codes(&reg));
    // A reason given satisfies the rule.
    doc["incident"]["lateReason"] = json!("Helgen.");
    assert!(run(&doc, &ValidationOptions::new().submitted_at(at)).violations.is_empty());
}

#[test]
fn a_summer_time_change_is_counted_in_elapsed_hours() {
    // Aware Friday 2025-03-28 10:00 CET: the deadline is Monday 2025-03-31 11:00 CEST.
    let mut doc = base();
    doc["incident"]["occurred"] = json!({"date": "2025-03-28", "time": "09:00"});
    doc["incident"]["discovered"] = json!({"date": "2025-03-28", "time": "10:00"});
    doc["incident"]["ceased"] = json!({"date": "2025-03-28", "time": "11:00"});
    doc["consequences"]["actions"] =
        json!([{"date": "2025-03-28", "time": "12:00", "description": "Spärr."}]);
    doc["dataSubjectInformation"]["informedOn"] = json!("2025-03-31");
    let on_time = run(&doc, &ValidationOptions::new().submitted_at(datetime!(2025-03-31 11:00 +02:00)));
    assert!(on_time.violations.is_empty(), "{:#?}", codes(&on_time));
    let late = run(&doc, &ValidationOptions::new().submitted_at(datetime!(2025-03-31 11:01 +02:00)));
    assert_eq!(codes(&late), [("late-reason-required", "/incident/lateReason")]);
    assert!(
        late.violations[0].message.sv.contains("som gick ut 2025-03-31 11:00"),
        "{}",
        late.violations[0].message.sv
    );
}

#[test]
fn validate_on_the_model() {
    let mut n = Notification::from_json(&base().to_string()).unwrap();
    assert!(n.validate(&ValidationOptions::new()).violations.is_empty());
    n.incident.ongoing = Some(imy_breach::YesNo::Yes);
    n.data_and_subjects.encrypted = Some(imy_breach::YesNo::Yes);
    let report = n.validate(&ValidationOptions::new());
    assert_eq!(codes(&report), [("not-applicable", "/incident/ceased")]);
    assert!(!report.is_valid());
    assert_eq!(report.errors().count(), 1);
}

#[test]
fn required_when_points_at_the_missing_answer() {
    let mut doc = base();
    doc["dataSubjectInformation"] = json!({"informed": "no", "willInform": "yes"});
    let report = run(&doc, &ValidationOptions::new());
    assert_eq!(codes(&report), [("required-when", "/dataSubjectInformation/plannedOn")]);
    let v = &report.violations[0];
    assert_eq!(
        v.message.sv,
        "Fråga 34 (När kommer ni att informera de registrerade?) måste besvaras när svaret på fråga 33 \
         (Kommer ni att informera de registrerade?) är ”Ja”."
    );
    assert_eq!(
        v.message.en,
        "Question 34 (When will you inform the data subjects?) must be answered when the answer to \
         question 33 (Will you inform the data subjects?) is “Yes”."
    );
}

#[test]
fn supplement_turns_missing_facts_into_warnings_only() {
    let mut doc = base();
    doc["dataAndSubjects"].as_object_mut().unwrap().remove("subjectCount");
    doc["incident"].as_object_mut().unwrap().remove("description");
    let errors = run(&doc, &ValidationOptions::new());
    assert_eq!(
        codes(&errors),
        [("required", "/incident/description"), ("required-where-possible", "/dataAndSubjects/subjectCount")]
    );
    doc["supplementAndConfidentiality"]["intendsToSupplement"] = json!("yes");
    let report = run(&doc, &ValidationOptions::new());
    // The description is always required; the number of data subjects may follow.
    assert_eq!(
        codes(&report),
        [("required", "/incident/description"), ("required-in-supplement", "/dataAndSubjects/subjectCount")]
    );
    assert_eq!(report.violations[1].level, Level::Warning);
}

#[test]
fn reading_problems_and_rule_findings_in_one_pass() {
    let mut doc = base();
    doc["contactDetails"]["contactPersons"][0]["phone"] = json!("ring växeln");
    doc["incident"]["ongoing"] = json!("kanske");
    doc["incident"].as_object_mut().unwrap().remove("description");
    doc["dataAndSubjects"]["subjectGroups"] = json!(["teachers"]);
    let (n, report) = validate_json(&serde_json::to_vec(&doc).unwrap());
    assert!(n.is_none());
    assert_eq!(
        codes(&report),
        [
            ("phone-format", "/contactDetails/contactPersons/0/phone"),
            ("unknown-option", "/incident/ongoing"),
            ("unknown-option", "/dataAndSubjects/subjectGroups/0"),
            // The rules ran on the rest. Nothing is said about the phone, question 12 or the
            // groups, which were answered (badly), nor about question 13, which depends on 12.
            ("required", "/incident/description"),
        ]
    );
}

#[test]
fn not_json_is_one_error() {
    let (_, report) = validate_json(b"{\"schemaVersion\": ");
    assert_eq!(report.violations.len(), 1);
    assert_eq!(report.violations[0].code, "json-syntax");
}

#[test]
fn the_report_as_json() {
    let mut doc = base();
    doc["incident"]["cause"] = json!("other");
    doc.as_object_mut().unwrap().remove("submittedAt");
    let report = run(&doc, &ValidationOptions::new());
    let value = serde_json::to_value(&report).unwrap();
    assert_eq!(
        value,
        json!({
            "violations": [{
                "pointer": "/incident/causeComment",
                "code": "other-comment-required",
                "severity": "error",
                "messageSv": "Kommentaren till fråga 18 (Varför inträffade incidenten enligt er uppfattning?) måste fyllas i när ”Övrigt” är valt.",
                "messageEn": "The comment on question 18 (Why did the breach happen, in your view?) must be filled in when “Other” is chosen.",
            }],
            "skipped": ["late-reason-required", "late-reason-date-only", "future-date"],
        })
    );
}

#[test]
fn personal_data_of_the_contacts_is_not_flagged() {
    let mut doc = base();
    doc["incident"]["description"] = json!(
        "Frågor besvaras av DATASKYDDSOMBUD@exempelvik.example.se eller +46 70-174 06 10; \
         mottagaren var kim@exempel.example.org."
    );
    let report = run(&doc, &ValidationOptions::new());
    assert_eq!(codes(&report), [("email-in-text", "/incident/description")]);
    // The detector itself finds all three, with byte ranges a redaction can mask.
    let text = doc["incident"]["description"].as_str().unwrap();
    let found = find_personal_data(text);
    let kinds: Vec<_> = found.iter().map(|f| f.kind).collect();
    assert_eq!(kinds, [PersonalDataKind::Email, PersonalDataKind::Phone, PersonalDataKind::Email]);
    assert_eq!(found[2].matched(text), "kim@exempel.example.org");
    assert_eq!(&text[found[1].range.clone()], "+46 70-174 06 10");
}

#[test]
fn every_level_is_the_catalogue_level() {
    for r in RULES {
        assert_eq!(rule(r.code), Some(r));
        assert!(
            !r.checks.sv.is_empty()
                && !r.checks.en.is_empty()
                && !r.source.sv.is_empty()
                && !r.source.en.is_empty(),
            "{}",
            r.code
        );
    }
}

// ---------------------------------------------------------------------------------------------
// The schema
// ---------------------------------------------------------------------------------------------

/// Every `if` of the schema also requires the property it tests (otherwise it holds vacuously before
/// the trigger is answered).
#[test]
fn every_if_requires_its_trigger() {
    fn walk(v: &Value, at: &str, n: &mut usize) {
        match v {
            Value::Object(o) => {
                if let Some(cond) = o.get("if") {
                    *n += 1;
                    let tested: Vec<&String> = cond["properties"].as_object().expect(at).keys().collect();
                    let required: Vec<&str> =
                        cond["required"].as_array().expect(at).iter().map(|r| r.as_str().unwrap()).collect();
                    for p in tested {
                        assert!(required.contains(&p.as_str()), "{at}: `if` tests {p} without requiring it");
                    }
                }
                for (k, x) in o {
                    walk(x, &format!("{at}/{k}"), n);
                }
            }
            Value::Array(a) => a.iter().enumerate().for_each(|(i, x)| walk(x, &format!("{at}/{i}"), n)),
            _ => {}
        }
    }
    let mut n = 0;
    walk(&imy_breach::schema::canonical(), "", &mut n);
    // 1 supplement + 11 conditional questions + 7 intervals + 2 time-without-date + 2 addresses
    // (a Swedish postcode unless the country is another) + 3 of schema version 1.1 (a period's end
    // and the reason of a state, each once in its shared definition).
    assert_eq!(n, 26);
}

#[test]
fn x_rules_lists_exactly_what_the_schema_cannot_express() {
    for lang in [imy_breach::Lang::Sv, imy_breach::Lang::En] {
        let schema = match lang {
            imy_breach::Lang::En => imy_breach::schema::canonical(),
            _ => imy_breach::schema::localized(lang),
        };
        let listed: Vec<&str> =
            schema["x-rules"].as_array().unwrap().iter().map(|r| r["code"].as_str().unwrap()).collect();
        // The supplement's and the record's rules are listed by their own schemas
        // (tests/supplement_schema.rs, the record schema's tests).
        let notification = |r: &&imy_breach::validation::RuleInfo| {
            !matches!(
                r.kind,
                imy_breach::validation::RuleKind::Supplement | imy_breach::validation::RuleKind::Record
            )
        };
        let expected: Vec<&str> =
            RULES.iter().filter(|r| !r.in_schema).filter(notification).map(|r| r.code).collect();
        assert_eq!(listed, expected);
        for r in schema["x-rules"].as_array().unwrap() {
            let info = rule(r["code"].as_str().unwrap()).unwrap();
            assert_eq!(r["severity"], info.level.code());
            assert_eq!(r["description"], info.checks(lang));
        }
    }
}

#[test]
fn the_schema_requires_what_validation_requires() {
    let schema = imy_breach::schema::canonical();
    assert_eq!(schema["required"], json!(["schemaVersion", "controller", "contactDetails", "incident"]));
    assert_eq!(schema["$defs"]["ContactPerson"]["required"], json!(["name", "email", "phone"]));
    assert_eq!(schema["$defs"]["ContactDetails"]["properties"]["contactPersons"]["minItems"], 1);
    assert_eq!(schema["$defs"]["Controller"]["properties"]["name"]["type"], "string");
    assert_eq!(
        schema["$defs"]["Controller"]["properties"]["postalAddress"]["required"],
        json!(["postcode", "city"])
    );
    let v = jsonschema::draft202012::options().should_validate_formats(true).build(&schema).unwrap();
    assert!(v.is_valid(&base()));
    let mut doc = base();
    doc["supplementAndConfidentiality"]["intendsToSupplement"] = json!("yes");
    doc["consequences"].as_object_mut().unwrap().remove("likelyConsequences");
    // A warning is not a schema violation.
    assert!(v.is_valid(&doc));
    doc["supplementAndConfidentiality"]["intendsToSupplement"] = json!("no");
    assert!(!v.is_valid(&doc));
    // Question 23 is asked for "where possible" (Art. 33(3)(a)): a warning, so the schema accepts it.
    let mut doc = base();
    doc["dataAndSubjects"].as_object_mut().unwrap().remove("subjectCount");
    assert!(v.is_valid(&doc));
}

// ---------------------------------------------------------------------------------------------
// The command line
// ---------------------------------------------------------------------------------------------

#[cfg(feature = "cli")]
mod cli {
    use std::process::{Command, Output};

    use serde_json::Value;

    fn run(args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_imy-breach")).args(args).output().expect("the binary runs")
    }

    fn corpus(path: &str) -> String {
        format!("{}/tests/data/{path}", env!("CARGO_MANIFEST_DIR"))
    }

    #[test]
    fn warnings_alone_exit_0_unless_denied() {
        let file = corpus("invalid/email-in-text.json");
        let o = run(&["validate", "--lang", "en", &file]);
        assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stdout));
        let out = String::from_utf8(o.stdout).unwrap();
        assert!(
            out.contains("0 errors, 1 warning\n")
                && out.contains("warning /incident/description [email-in-text]"),
            "{out}"
        );
        assert_eq!(run(&["validate", "--deny-warnings", &file]).status.code(), Some(1));
        assert_eq!(
            run(&["validate", "--deny-warnings", &corpus("valid/misdirected-class-list.json")]).status.code(),
            Some(0)
        );
        assert_eq!(run(&["validate", &corpus("invalid/required-empty.json")]).status.code(), Some(1));
    }

    #[test]
    fn submitted_at_overrides_the_document() {
        let file = corpus("valid/misdirected-class-list.json");
        let o = run(&["validate", "--format", "json", "--submitted-at", "2025-03-28T09:00:00+01:00", &file]);
        assert_eq!(o.status.code(), Some(1));
        let report: Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(report["files"][0]["violations"][0]["code"], "late-reason-required");
        assert_eq!(report["files"][0]["errors"], 1);
        // 72 hours and 10 minutes after the discovery: on time counted from the next full hour.
        let o =
            run(&["validate", "--policy", "reg1182", "--submitted-at", "2025-03-27T14:50:00+01:00", &file]);
        assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stdout));
        let o = run(&["validate", "--submitted-at", "2025-03-27T14:50:00+01:00", &file]);
        assert_eq!(o.status.code(), Some(1));
        let o = run(&["validate", "--submitted-at", "yesterday", &file]);
        assert_eq!(o.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&o.stderr).contains("RFC 3339"));
    }

    #[test]
    fn skipped_rules_are_mentioned() {
        let dir = std::env::temp_dir().join(format!("imy-breach-validation-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let mut doc: Value = serde_json::from_str(
            &std::fs::read_to_string(corpus("valid/misdirected-class-list.json")).unwrap(),
        )
        .unwrap();
        doc.as_object_mut().unwrap().remove("submittedAt");
        let path = dir.join("no-moment.json");
        std::fs::write(&path, doc.to_string()).unwrap();
        let o = run(&["validate", "--lang", "en", path.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(0));
        let out = String::from_utf8(o.stdout).unwrap();
        assert!(
            out.contains("not checked without a submission moment") && out.contains("late-reason-required"),
            "{out}"
        );
        let o = run(&["validate", "--lang", "en", "--submitted-at", "now", path.to_str().unwrap()]);
        let out = String::from_utf8(o.stdout).unwrap();
        assert!(!out.contains("not checked"), "{out}");
    }

    #[test]
    fn rules_prints_the_catalogue() {
        let o = run(&["rules", "--format", "json", "--lang", "en"]);
        assert_eq!(o.status.code(), Some(0));
        let doc: Value = serde_json::from_slice(&o.stdout).unwrap();
        let codes: Vec<&str> =
            doc["rules"].as_array().unwrap().iter().map(|r| r["code"].as_str().unwrap()).collect();
        let expected: Vec<&str> = imy_breach::validation::RULES.iter().map(|r| r.code).collect();
        assert_eq!(codes, expected);
        assert_eq!(doc["requiredAnswers"][0]["pointer"], "/controller/name");
        let text = String::from_utf8(run(&["rules"]).stdout).unwrap();
        assert!(text.contains("required-when (fel; conditional, i schemat)"), "{text}");
        let md = String::from_utf8(run(&["rules", "--format", "markdown", "--lang", "en"]).stdout).unwrap();
        assert_eq!(md, imy_breach::validation::catalogue_markdown(imy_breach::Lang::En));
    }
}
