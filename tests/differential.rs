//! Differential test: for generated documents, the exported JSON Schema (checked with the jsonschema
//! crate, formats asserted) and `validate_json` agree on every rule the schema expresses.
//!
//! Documents are built valid by construction (every cross-field invariant holds), then changed by up
//! to four mutations aimed at what the schema expresses: members removed, set to `null`, emptied or
//! given other values; any member or list element of the document set to `null` (both must reject
//! it: `null` is never a value); triggers of conditional questions flipped; "Övrigt" chosen or dropped; counts
//! moved out of their interval; malformed identifiers. For each document:
//!
//! > the schema rejects it ⇔ validation reports an error whose rule is marked `in_schema`.
//!
//! Confidentiality markings are not generated: their pointer has a pattern in the schema while the
//! reader checks pointers in validation (`marking-pointer-unknown`, a rule the schema does not express).

mod common;

use common::canonical_validator;

use imy_breach::form::{Condition, Field};
use imy_breach::validation::rule;
use imy_breach::{validate_json, Report};
use proptest::prelude::*;
use proptest::sample::select;
use serde_json::{json, Map, Value};

fn schema_errors(doc: &Value) -> Vec<String> {
    canonical_validator().iter_errors(doc).map(|e| format!("{} at {}", e, e.instance_path())).collect()
}

fn schema_rule_errors(report: &Report) -> Vec<String> {
    report
        .errors()
        .filter(|v| rule(v.code).is_some_and(|r| r.in_schema))
        .map(|v| format!("{} at {}", v.code, v.pointer))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Valid-by-construction documents
// ---------------------------------------------------------------------------------------------

fn obj(pairs: Vec<(&str, Option<Value>)>) -> Value {
    let mut m = Map::new();
    for (k, v) in pairs {
        if let Some(v) = v {
            m.insert(k.to_string(), v);
        }
    }
    Value::Object(m)
}

fn text() -> impl Strategy<Value = String> {
    select(vec![
        "Brev skickades till fel mottagare.",
        "Obehörig åtkomst till elevregistret via en felkonfigurerad behörighet.",
        "En bärbar dator stals ur en bil.",
        "Ärendet loggades hos leverantören med ärendenummer INC7600982.",
        "A misdirected e-mail with an attachment.",
    ])
    .prop_map(str::to_string)
}

fn address(street: bool) -> impl Strategy<Value = Value> {
    (select(vec!["Box 503", "Storgatan 1"]), select(vec!["12726", "127 26", "41101"]), any::<bool>())
        .prop_map(move |(s, p, country)| {
            obj(vec![
                ("street", street.then(|| json!(s))),
                ("postcode", Some(json!(p))),
                ("city", Some(json!("Exempelstad"))),
                ("country", country.then(|| json!("Sverige"))),
            ])
        })
}

fn contact() -> impl Strategy<Value = Value> {
    (
        select(vec!["Kim Exempel", "Alex Testsson"]),
        any::<bool>(),
        select(vec!["dso@exempel.se", "Kim.Exempel@kommun.example.org"]),
        select(vec!["08-123 456 78", "+46701234567", "070 123 45 67"]),
    )
        .prop_map(|(name, role, email, phone)| {
            obj(vec![
                ("name", Some(json!(name))),
                ("role", role.then(|| json!("Dataskyddsombud"))),
                ("email", Some(json!(email))),
                ("phone", Some(json!(phone))),
            ])
        })
}

fn moment(date: &'static str) -> impl Strategy<Value = Value> {
    (prop::option::of(select(vec!["09:30", "12:27", "23:59"])), any::<bool>()).prop_map(
        move |(time, comment)| {
            obj(vec![
                ("date", Some(json!(date))),
                ("time", time.map(|t| json!(t))),
                ("comment", comment.then(|| json!("Ungefärlig tidpunkt."))),
            ])
        },
    )
}

/// A single choice, with its "Övrigt" comment (left out by [`settle`] unless "other" is chosen).
fn choice_with_comment(codes: Vec<&'static str>) -> impl Strategy<Value = (String, Option<String>)> {
    select(codes).prop_map(|c| (c.to_string(), Some("Se beskrivningen.".to_string())))
}

/// A multiple choice (at least one option), with its comment (left out by [`settle`] unless
/// "other" is among them).
fn set_with_comment(codes: Vec<&'static str>) -> impl Strategy<Value = (Vec<String>, Option<String>)> {
    prop::sample::subsequence(codes.clone(), 1..=3.min(codes.len()))
        .prop_map(|cs| (cs.into_iter().map(str::to_string).collect(), Some("Se beskrivningen.".to_string())))
}

/// Leaves out every conditional answer whose condition in the form table does not hold, in form
/// order (so that a chain such as 31 → 33 → 34 settles): the strategies give every conditional
/// answer, and the table alone decides which stay.
fn settle(doc: &mut Value) {
    fn holds(doc: &Value, c: Condition) -> bool {
        let at = |f: Field| doc.pointer(&f.pointer().to_string());
        match c {
            Condition::Is(f, code) => at(f).is_some_and(|v| v == code),
            Condition::Includes(f, code) => {
                at(f).and_then(Value::as_array).is_some_and(|items| items.iter().any(|v| v == code))
            }
            Condition::All(cs) => cs.iter().all(|c| holds(doc, *c)),
            Condition::Any(cs) => cs.iter().any(|c| holds(doc, *c)),
            _ => true,
        }
    }
    for &f in Field::ALL {
        let Some(c) = f.spec().asked else { continue };
        if holds(doc, c) {
            continue;
        }
        let parent = f.pointer().parent().map(|p| p.to_string()).unwrap_or_default();
        if let Some(obj) = doc.pointer_mut(&parent).and_then(Value::as_object_mut) {
            obj.remove(f.member());
        }
    }
}

fn count() -> impl Strategy<Value = Value> {
    const INTERVALS: &[(&str, u64, u64)] = &[
        ("from_1_to_10", 1, 10),
        ("from_11_to_100", 11, 100),
        ("from_101_to_1000", 101, 1000),
        ("from_1001_to_10000", 1001, 10_000),
        ("more_than_1000000", 1_000_001, 9_007_199_254_740_991),
    ];
    (0..INTERVALS.len(), any::<u64>(), 0..3u8).prop_map(|(i, r, shape)| {
        let (code, lo, hi) = INTERVALS[i];
        let exact = lo + r % (hi - lo + 1);
        match shape {
            0 => json!({"exact": exact}),
            1 => json!({"interval": code}),
            _ => json!({"exact": exact, "interval": code}),
        }
    })
}

fn incident() -> impl Strategy<Value = Value> {
    (
        moment("2025-03-20"),
        moment("2025-03-24"),
        any::<bool>(),
        moment("2025-03-25"),
        select(vec!["misdirected_communication", "unauthorised_access", "loss_or_theft", "other"]),
        text(),
        prop::option::of(select(vec!["employee_informed", "own_detection"])),
        prop::option::of(choice_with_comment(vec!["technical_error", "human_error", "other"])),
        select(vec!["public", "private", "non_profit"]),
        prop::option::of(choice_with_comment(vec!["education", "health_care", "other"])),
        any::<bool>(),
    )
        .prop_map(|(occ, disc, ongoing, ceased, nature, desc, how, cause, sector, area, late)| {
            obj(vec![
                ("occurred", Some(occ)),
                ("discovered", Some(disc)),
                ("ongoing", Some(json!(if ongoing { "yes" } else { "no" }))),
                ("ceased", Some(ceased)),
                ("lateReason", late.then(|| json!("Utredningen tog tid."))),
                ("nature", Some(json!(nature))),
                ("description", Some(json!(desc))),
                ("discoveryMethod", how.map(|h| json!(h))),
                ("cause", cause.as_ref().map(|(c, _)| json!(c))),
                ("causeComment", cause.and_then(|(_, k)| k).map(|k| json!(k))),
                ("sector", Some(json!(sector))),
                ("areaOfActivity", area.as_ref().map(|(c, _)| json!(c))),
                ("areaOfActivityComment", area.and_then(|(_, k)| k).map(|k| json!(k))),
            ])
        })
}

fn processors() -> impl Strategy<Value = Option<Value>> {
    prop::option::of(prop::option::of(prop::collection::vec(
        (
            select(vec!["Leverantören AB", "Drift i Norr AB"]),
            prop::option::of(select(vec!["556147-5897", "5561475897"])),
        )
            .prop_map(|(n, o)| {
                obj(vec![("name", Some(json!(n))), ("organisationNumber", o.map(|o| json!(o)))])
            }),
        1..3,
    )))
    .prop_map(|p| {
        p.map(|orgs| match orgs {
            Some(orgs) => json!({"involved": "yes", "organisations": orgs}),
            None => json!({"involved": "no", "organisations": [{"name": "Leverantören AB"}]}),
        })
    })
}

fn data_and_subjects() -> impl Strategy<Value = Value> {
    (
        count(),
        count(),
        set_with_comment(vec!["employees", "pupils", "children", "patients", "other"]),
        set_with_comment(vec!["health", "contact_information", "identifying_information", "other"]),
        prop::option::of(select(vec!["yes", "no"])),
    )
        .prop_map(|(subjects, records, (groups, gc), (cats, cc), enc)| {
            obj(vec![
                ("subjectCount", Some(subjects)),
                ("recordCount", Some(records)),
                ("subjectGroups", Some(json!(groups))),
                ("subjectGroupsComment", gc.map(|c| json!(c))),
                ("dataCategories", Some(json!(cats))),
                ("dataCategoriesComment", cc.map(|c| json!(c))),
                ("encrypted", enc.map(|e| json!(e))),
            ])
        })
}

fn consequences() -> impl Strategy<Value = Value> {
    (
        set_with_comment(vec!["loss_of_control", "discrimination", "damage_to_reputation", "other"]),
        prop::option::of(select(vec!["not_serious", "less_serious", "serious", "very_serious"])),
        prop::collection::vec(
            (prop::option::of(select(vec!["2025-03-24", "2025-03-25"])), any::<bool>(), text()).prop_map(
                |(date, time, d)| {
                    obj(vec![
                        ("date", date.map(|x| json!(x))),
                        ("time", (time && date.is_some()).then(|| json!("13:00"))),
                        ("description", Some(json!(d))),
                    ])
                },
            ),
            1..3,
        ),
    )
        .prop_map(|((likely, comment), severity, actions)| {
            obj(vec![
                ("likelyConsequences", Some(json!(likely))),
                ("likelyConsequencesComment", comment.map(|c| json!(c))),
                ("severity", severity.map(|s| json!(s))),
                ("actions", Some(json!(actions))),
            ])
        })
}

fn information() -> impl Strategy<Value = Option<Value>> {
    prop::option::of(0..3u8).prop_map(|i| {
        i.map(|i| match i {
            0 => json!({"informed": "yes", "willInform": "no"}),
            1 => json!({"informed": "no", "willInform": "yes"}),
            _ => json!({"informed": "no", "willInform": "no"}),
        })
        .map(|mut info| {
            info["informedOn"] = json!("2025-03-25");
            info["plannedOn"] = json!("2025-04-01");
            info["reasonNotInforming"] = json!("Låg risk: krypterat.");
            info
        })
    })
}

fn notification() -> impl Strategy<Value = Value> {
    (
        (
            select(vec!["Exempelkommunen", "Testbolaget AB"]),
            prop::option::of(select(vec!["212000-0142", "5561475897"])),
            address(false),
        ),
        (prop::collection::vec(contact(), 1..3), address(true)),
        incident(),
        processors(),
        data_and_subjects(),
        consequences(),
        information(),
        prop::option::of(select(vec!["yes", "no"])),
        any::<bool>(),
    )
        .prop_map(|((name, org, postal), (contacts, corr), inc, proc_, data, cons, info, supplement, at)| {
            obj(vec![
                ("schemaVersion", Some(json!("1.0"))),
                ("submittedAt", at.then(|| json!("2025-03-26T10:15:00+01:00"))),
                (
                    "controller",
                    Some(obj(vec![
                        ("name", Some(json!(name))),
                        ("organisationNumber", org.map(|o| json!(o))),
                        ("postalAddress", Some(postal)),
                    ])),
                ),
                ("contactDetails", Some(json!({"contactPersons": contacts, "correspondenceAddress": corr}))),
                ("incident", Some(inc)),
                ("processors", proc_),
                ("dataAndSubjects", Some(data)),
                ("consequences", Some(cons)),
                ("dataSubjectInformation", info),
                ("supplementAndConfidentiality", supplement.map(|s| json!({"intendsToSupplement": s}))),
            ])
        })
        .prop_map(|mut doc| {
            settle(&mut doc);
            doc
        })
}

// ---------------------------------------------------------------------------------------------
// Mutations
// ---------------------------------------------------------------------------------------------

/// Members a mutation may touch (`#` is replaced by 0 or 1).
const TARGETS: &[&str] = &[
    "/controller",
    "/controller/name",
    "/controller/organisationNumber",
    "/controller/postalAddress",
    "/controller/postalAddress/postcode",
    "/controller/postalAddress/city",
    "/contactDetails/contactPersons",
    "/contactDetails/contactPersons/#",
    "/contactDetails/contactPersons/#/name",
    "/contactDetails/contactPersons/#/email",
    "/contactDetails/contactPersons/#/phone",
    "/contactDetails/correspondenceAddress",
    "/contactDetails/correspondenceAddress/street",
    "/incident",
    "/incident/occurred",
    "/incident/occurred/date",
    "/incident/occurred/time",
    "/incident/discovered",
    "/incident/discovered/date",
    "/incident/discovered/time",
    "/incident/ongoing",
    "/incident/ceased",
    "/incident/ceased/date",
    "/incident/ceased/time",
    "/incident/nature",
    "/incident/description",
    "/incident/cause",
    "/incident/causeComment",
    "/incident/sector",
    "/incident/areaOfActivity",
    "/incident/areaOfActivityComment",
    "/processors",
    "/processors/involved",
    "/processors/organisations",
    "/processors/organisations/#/name",
    "/dataAndSubjects",
    "/dataAndSubjects/subjectCount",
    "/dataAndSubjects/subjectCount/exact",
    "/dataAndSubjects/subjectCount/interval",
    "/dataAndSubjects/recordCount",
    "/dataAndSubjects/subjectGroups",
    "/dataAndSubjects/subjectGroupsComment",
    "/dataAndSubjects/dataCategories",
    "/dataAndSubjects/dataCategoriesComment",
    "/consequences",
    "/consequences/likelyConsequences",
    "/consequences/likelyConsequencesComment",
    "/consequences/severity",
    "/consequences/actions",
    "/consequences/actions/#/date",
    "/consequences/actions/#/time",
    "/consequences/actions/#/description",
    "/dataSubjectInformation",
    "/dataSubjectInformation/informed",
    "/dataSubjectInformation/informedOn",
    "/dataSubjectInformation/willInform",
    "/dataSubjectInformation/plannedOn",
    "/dataSubjectInformation/reasonNotInforming",
    "/supplementAndConfidentiality/intendsToSupplement",
];

/// Values a mutation may write: each kind of answer, well and badly formed.
fn values() -> Vec<Value> {
    vec![
        Value::Null,
        json!([]),
        json!({}),
        json!({"date": null}),
        json!({"exact": null}),
        json!(""),
        json!("   "),
        json!("yes"),
        json!("no"),
        json!("other"),
        json!(["other"]),
        json!(["employees", "other"]),
        json!(["health"]),
        json!("Ett svar."),
        json!("2025-03-24"),
        json!("2025-02-30"),
        json!("10:00"),
        json!("24:00"),
        json!("12345"),
        json!("123"),
        json!("212000-0142"),
        json!("21200-0142"),
        json!("dso@exempel.se"),
        json!("dso@localhost"),
        json!("08-123 456 78"),
        json!("+0812345"),
        json!(17),
        json!(0),
        json!(5000),
        json!("from_1_to_10"),
        json!("from_11_to_100"),
        json!({"exact": 17, "interval": "from_1_to_10"}),
        json!({"interval": "from_11_to_100"}),
        json!({"time": "10:00"}),
        json!({"date": "2025-03-24", "time": "10:00"}),
        json!([{"name": "Leverantören AB"}]),
        json!([{"description": "Spärrade kontot."}]),
        json!([{"time": "10:00", "description": "Spärrade kontot."}]),
        json!([{"name": "Kim Exempel", "email": "kim@exempel.se", "phone": "08-123 456 78"}]),
        json!(true),
    ]
}

#[derive(Debug, Clone)]
enum Mutation {
    Remove(String),
    Set(String, Value),
    /// Sets the n-th (modulo their number) of the document's members and list elements, in
    /// document order, to `null`.
    Null(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let targeted = (select(TARGETS.to_vec()), 0..2usize, any::<bool>(), select(values())).prop_map(
        |(t, i, remove, v)| {
            let p = t.replace('#', &i.to_string());
            if remove {
                Mutation::Remove(p)
            } else {
                Mutation::Set(p, v)
            }
        },
    );
    prop_oneof![4 => targeted, 1 => any::<usize>().prop_map(Mutation::Null)]
}

/// The pointers of every member and list element of `v`, in document order.
fn places(v: &Value, at: &str, out: &mut Vec<String>) {
    let children: Vec<(String, &Value)> = match v {
        Value::Object(o) => o.iter().map(|(k, x)| (k.replace('~', "~0").replace('/', "~1"), x)).collect(),
        Value::Array(a) => a.iter().enumerate().map(|(i, x)| (i.to_string(), x)).collect(),
        _ => Vec::new(),
    };
    for (k, x) in children {
        let p = format!("{at}/{k}");
        out.push(p.clone());
        places(x, &p, out);
    }
}

fn has_null(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::Object(o) => o.values().any(has_null),
        Value::Array(a) => a.iter().any(has_null),
        _ => false,
    }
}

fn apply(doc: &mut Value, m: &Mutation) {
    if let Mutation::Null(n) = m {
        let mut all = Vec::new();
        places(doc, "", &mut all);
        if let Some(slot) = all.get(n % all.len().max(1)).and_then(|p| doc.pointer_mut(p)) {
            *slot = Value::Null;
        }
        return;
    }
    let p = match m {
        Mutation::Remove(p) | Mutation::Set(p, _) => p,
        Mutation::Null(_) => return,
    };
    let Some((parent, key)) = p.rsplit_once('/') else { return };
    match (doc.pointer_mut(parent), m) {
        (Some(Value::Object(o)), Mutation::Remove(_)) => {
            o.shift_remove(key);
        }
        (Some(Value::Object(o)), Mutation::Set(_, v)) => {
            o.insert(key.to_string(), v.clone());
        }
        (Some(Value::Array(a)), Mutation::Remove(_)) => {
            if let Ok(i) = key.parse::<usize>() {
                if i < a.len() {
                    a.remove(i);
                }
            }
        }
        (Some(Value::Array(a)), Mutation::Set(_, v)) => {
            if let Some(slot) = key.parse::<usize>().ok().and_then(|i| a.get_mut(i)) {
                *slot = v.clone();
            }
        }
        _ => {}
    }
}

fn check(doc: &Value) -> Result<(), TestCaseError> {
    let bytes = serde_json::to_vec(doc).unwrap();
    let (_, report) = validate_json(&bytes);
    let schema = schema_errors(doc);
    let rules = schema_rule_errors(&report);
    eprintln!(
        "STAT {} {}",
        schema.is_empty(),
        report.violations.iter().map(|v| v.code).collect::<Vec<_>>().join(",")
    );
    if has_null(doc) {
        // `null` is never a value: both reject it.
        prop_assert!(!schema.is_empty() && !rules.is_empty(), "null accepted: {:#?} {:#?}", schema, rules);
    }
    prop_assert_eq!(
        schema.is_empty(),
        rules.is_empty(),
        "schema and validation disagree on\n{}\nschema: {:#?}\nvalidation: {:#?}",
        serde_json::to_string_pretty(doc).unwrap(),
        schema,
        rules
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// Documents built valid pass both.
    #[test]
    fn valid_documents_pass_both(doc in notification()) {
        prop_assert!(schema_errors(&doc).is_empty(), "{:#?}", schema_errors(&doc));
        let (_, report) = validate_json(&serde_json::to_vec(&doc).unwrap());
        prop_assert!(report.is_valid(), "{:#?}", report.errors().collect::<Vec<_>>());
    }

    /// Mutated documents: the schema rejects exactly when validation has an error of a rule the schema
    /// expresses.
    #[test]
    fn schema_and_validation_agree(doc in notification(), mutations in prop::collection::vec(mutation(), 1..5)) {
        let mut doc = doc;
        for m in &mutations {
            apply(&mut doc, m);
        }
        check(&doc)?;
    }
}

/// Cases the generator may miss, checked every time.
#[test]
fn hand_picked_cases_agree() {
    let base: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/examples/misdirected-email.json"))
            .unwrap(),
    )
    .unwrap();
    let cases: &[(&str, Option<Value>)] = &[
        ("/incident/ongoing", Some(json!("yes"))),
        ("/incident/ceased", Some(json!({"comment": "okänt"}))),
        ("/incident/ceased", Some(json!({"date": null, "time": null}))),
        ("/supplementAndConfidentiality", Some(json!({"intendsToSupplement": "yes"}))),
        ("/dataAndSubjects/subjectCount", Some(json!({"exact": null, "interval": null}))),
        ("/dataAndSubjects/subjectCount", Some(json!({"exact": 11, "interval": "from_1_to_10"}))),
        ("/dataAndSubjects/subjectCount", Some(json!({"exact": 2000000, "interval": "more_than_1000000"}))),
        ("/dataSubjectInformation", Some(json!({"informedOn": "2021-03-26"}))),
        ("/dataSubjectInformation", Some(json!({"informed": null, "informedOn": "2021-03-26"}))),
        ("/processors", Some(json!({"involved": "yes", "organisations": []}))),
        ("/processors", Some(json!({"involved": "no", "organisations": []}))),
        ("/processors", Some(json!({"organisations": [{"name": "X AB"}]}))),
        ("/incident/cause", Some(json!("other"))),
        ("/incident/causeComment", Some(json!(null))),
        ("/consequences/actions", Some(json!([{"time": "10:00", "description": "x"}]))),
        ("/contactDetails/contactPersons", Some(json!([]))),
        ("/controller/postalAddress", Some(json!({}))),
        ("/incident/discovered", None),
        ("/consequences", None),
    ];
    for (pointer, value) in cases {
        let mut doc = base.clone();
        match value {
            Some(v) => apply(&mut doc, &Mutation::Set(pointer.to_string(), v.clone())),
            None => apply(&mut doc, &Mutation::Remove(pointer.to_string())),
        }
        if let Err(e) = check(&doc) {
            panic!("{pointer}: {e}");
        }
    }
}
