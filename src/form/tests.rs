use std::collections::BTreeSet;

use serde_json::Value as Json;

use super::*;

/// The examples, a thousand generated notifications (valid and not) and the empty one.
#[cfg(feature = "generate")]
fn documents() -> Vec<Notification> {
    let mut documents: Vec<Notification> = std::fs::read_dir("examples")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .map(|p| Notification::from_json(&std::fs::read_to_string(p).unwrap()).unwrap())
        .collect();
    assert!(documents.len() >= 4);
    documents.extend(
        crate::generate::Generator::new(7)
            .take(1000)
            .map(|s| Notification::from_json(&s.json).unwrap_or_default()),
    );
    documents.push(Notification::default());
    documents
}

/// The pointers of every non-null member of a document below the root, list elements excluded.
#[cfg(feature = "generate")]
fn written(value: &Json, prefix: &str, out: &mut BTreeSet<String>) {
    match value {
        Json::Object(map) => {
            for (k, v) in map {
                if v.is_null() {
                    continue;
                }
                let p = format!("{prefix}/{}", k.replace('~', "~0").replace('/', "~1"));
                out.insert(p.clone());
                written(v, &p, out);
            }
        }
        Json::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                if v.is_object() {
                    written(v, &format!("{prefix}/{i}"), out);
                }
            }
        }
        _ => {}
    }
}

#[test]
#[cfg(feature = "generate")]
fn the_walk_visits_exactly_the_answered_members() {
    let mut visited = 0;
    for n in documents() {
        let doc = serde_json::to_value(&n).unwrap();
        let mut expected = BTreeSet::new();
        written(&doc, "", &mut expected);
        let mut seen = BTreeSet::new();
        walk(&n, |a| {
            let p = a.pointer().to_string();
            let v = doc.pointer(&p).unwrap_or_else(|| panic!("{p} is not written"));
            match (a.value, v) {
                (Value::Text(t) | Value::Code(t) | Value::Date(t) | Value::Time(t), Json::String(s)) => {
                    assert_eq!(t, s, "{p}")
                }
                (Value::UtcOffset(t) | Value::Timestamp(t), Json::String(s)) => assert_eq!(t, s, "{p}"),
                (Value::Count(c), Json::Number(x)) => assert_eq!(Some(c), x.as_u64(), "{p}"),
                (Value::Choices(len) | Value::List(len), Json::Array(items)) => {
                    assert_eq!(len, items.len(), "{p}")
                }
                (Value::Group, Json::Object(_)) => {}
                (value, v) => panic!("{p}: {value:?} / {v}"),
            }
            assert!(seen.insert(p.clone()), "{p} visited twice");
            visited += 1;
        });
        assert_eq!(seen, expected);
    }
    assert!(visited > 40_000, "{visited}");
}

/// Every pattern of the table, with `*` replaced by 0, 1 and 7.
#[cfg(feature = "generate")]
fn instances(f: Field) -> Vec<Vec<usize>> {
    match f.lists().len() {
        0 => vec![vec![]],
        _ => vec![vec![0], vec![1], vec![7]],
    }
}

#[test]
#[cfg(feature = "generate")]
fn answers_read_as_the_serialised_document_says() {
    let (mut present, mut absent) = (0, 0);
    for n in documents() {
        let doc = serde_json::to_value(&n).unwrap();
        for &f in Field::ALL {
            for at in instances(f) {
                let p = f.pointer_at(&at).to_string();
                let v = doc.pointer(&p).filter(|v| !v.is_null());
                assert_eq!(f.is_answered(&n, &at), v.is_some(), "{p}");
                let len = v.and_then(Json::as_array).map_or(0, Vec::len);
                assert_eq!(f.len(&n, &at), len, "{p}");
                if let Some(list) = match f.spec().kind {
                    Kind::YesNo => Some(OptionList::YesNo),
                    Kind::Choice(l) | Kind::Choices(l) => Some(l),
                    _ => None,
                } {
                    for code in ["yes", "no", "other", "public"] {
                        let expected = match v {
                            Some(Json::String(s)) => s == code,
                            Some(Json::Array(items)) => items.iter().any(|x| x == code),
                            _ => false,
                        };
                        assert_eq!(Condition::Is(f, code).holds(&n, &at), expected, "{p} {code} {list:?}");
                    }
                }
                if v.is_some() {
                    present += 1;
                } else {
                    absent += 1;
                }
            }
        }
    }
    assert!(present > 20_000 && absent > 20_000, "{present} {absent}");
}

/// The table names exactly the members of the schema, type by type.
#[test]
fn the_table_agrees_with_the_schema() {
    let schema = crate::export::schema::canonical();
    let check = |name: &str, def: &Json| {
        let props: BTreeSet<&str> = def
            .get("properties")
            .and_then(Json::as_object)
            .into_iter()
            .flatten()
            .map(|(k, _)| k.as_str())
            .collect();
        let table: BTreeSet<&str> =
            Field::ALL.iter().filter(|f| f.holder() == name).map(|f| f.member()).collect();
        assert_eq!(props, table, "{name}");
    };
    check("Notification", &schema);
    let types: BTreeSet<&str> = Field::ALL.iter().map(|f| f.holder()).collect();
    for t in &types {
        if *t != "Notification" {
            check(t, &schema["$defs"][*t]);
        }
    }
    assert!(types.len() >= 15, "{types:?}");
}

#[test]
fn pointers_patterns_and_lookup() {
    for &f in Field::ALL {
        let at: Vec<usize> = f.lists().iter().map(|_| 3).collect();
        let p = f.pointer_at(&at).to_string();
        assert_eq!(Field::from_pointer(&p), Some(f), "{p}");
        assert_eq!(f.pattern().replace('*', "3"), p);
        assert_eq!(Field::child(f.parent(), f.member()), Some(f));
        if let Some(needs) = f.spec().needs {
            assert_eq!(needs.parent(), Some(f));
        }
        for t in f.spec().asked.iter().flat_map(|c| c.triggers()) {
            assert!(t < f, "{f:?} is asked after its trigger {t:?}");
            assert!(matches!(t.spec().kind, Kind::YesNo | Kind::Choice(_) | Kind::Choices(_)));
        }
    }
    assert_eq!(Field::ContactPersonEmail.pattern(), "/contactDetails/contactPersons/*/email");
    assert_eq!(Field::from_pointer("/incident/nope"), None);
    assert_eq!(Field::from_pointer("/contactDetails/contactPersons/x/email"), None);
    // Asterisks as the official form shows them: questions 1–9 only.
    for &f in Field::ALL {
        if f.spec().asterisk {
            let q = f.spec().number.or(f.parent().and_then(|p| p.spec().number)).unwrap();
            assert!(q.parse::<u32>().unwrap() <= 9, "{f:?}");
        }
    }
}

/// The schema and the form profile express a condition inside the object that holds the question:
/// every trigger is a sibling of its question, and a conditional group names a member of its own.
#[test]
fn conditions_stay_within_one_object() {
    let mut conditional = 0;
    for &f in Field::ALL {
        let Some(c) = f.spec().asked else { continue };
        conditional += 1;
        assert!(c.triggers().iter().all(|t| t.parent() == f.parent()), "{f:?}");
        assert!(f.list().is_none(), "{f:?}: a condition inside a list element");
        assert!(f.spec().needs.is_none_or(|m| m.parent() == Some(f)), "{f:?}");
    }
    assert!(conditional >= 11, "{conditional}");
}

#[test]
fn conditions_combine_with_and_and_or() {
    let n = Notification::from_json(
        r#"{"schemaVersion":"1.0","incident":{"ongoing":"no","cause":"other"},
        "dataAndSubjects":{"subjectGroups":["pupils","other"]}}"#,
    )
    .unwrap();
    const CEASED: Condition = Condition::Is(Field::IncidentOngoing, "no");
    const OTHER: Condition = Condition::Includes(Field::DataSubjectGroups, "other");
    const NEVER: Condition = Condition::Is(Field::IncidentOngoing, "yes");
    let answers = super::Answers::of(&n, |_| false, |_| false);
    for (c, expected) in [
        (Condition::All(&[CEASED, OTHER]), true),
        (Condition::All(&[CEASED, NEVER]), false),
        (Condition::Any(&[NEVER, OTHER]), true),
        (Condition::Any(&[NEVER]), false),
        (Condition::Includes(Field::DataSubjectGroups, "children"), false),
    ] {
        assert_eq!(c.holds(&n, &[]), expected, "{c:?}");
        assert_eq!(c.holds_in(&answers), expected, "{c:?}");
    }
    assert_eq!(
        Condition::Any(&[NEVER, OTHER]).triggers(),
        vec![Field::IncidentOngoing, Field::DataSubjectGroups]
    );
    // Reading a list's fields element by element.
    let n = Notification::from_json(
        r#"{"schemaVersion":"1.0","contactDetails":{"contactPersons":[{"name":"A"},{"email":"b@example.se"}]}}"#,
    )
    .unwrap();
    assert_eq!(Field::ContactPersons.len(&n, &[]), 2);
    assert!(Field::ContactPersonName.is_answered(&n, &[0]));
    assert!(!Field::ContactPersonName.is_answered(&n, &[1]));
    assert!(Field::ContactPersonEmail.is_answered(&n, &[1]));
    assert!(!Field::ContactPersonEmail.is_answered(&n, &[2]));
}

#[test]
fn the_table_fits_the_answer_set() {
    assert!(Field::ALL.len() <= super::answers::MAX_FIELDS, "{}", Field::ALL.len());
}

/// The answer set of one walk agrees with reading each field on its own.
#[test]
#[cfg(feature = "generate")]
fn the_answer_set_agrees_with_the_probes() {
    for n in documents() {
        let answers = super::Answers::of(&n, |_| false, |_| false);
        for &f in Field::ALL {
            if f.spec().kind == Kind::Timestamp {
                continue;
            }
            if let (Some(list), None) = (f.spec().kind.options(), f.list()) {
                for code in ["yes", "no", "other", "pupils", "health", "public", "very_serious"] {
                    let holds = Condition::Is(f, code).holds(&n, &[]);
                    assert_eq!(Condition::Is(f, code).holds_in(&answers), holds, "{f:?} {code} {list:?}");
                }
            }
            match f.list() {
                None => {
                    assert_eq!(answers.any(f), f.is_answered(&n, &[]), "{f:?}");
                    if matches!(f.spec().kind, Kind::List(_)) {
                        assert_eq!(answers.count(f), f.len(&n, &[]), "{f:?}");
                    }
                }
                Some(list) => {
                    let answered = (0..list.len(&n, &[])).filter(|i| f.is_answered(&n, &[*i])).count();
                    assert_eq!(answers.count(f), answered, "{f:?}");
                }
            }
        }
    }
}
