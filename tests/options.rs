//! The option lists and field labels against IMY's form, as the spec (`imy-form.md`) records it.
//!
//! The tables below are copied by hand from the spec: codes of lists A–E as the spec gives them,
//! Swedish labels exactly as the spec writes them, and which are confirmed. Codes of lists F–J are
//! the crate's own (the spec names none). A change to a code, a label or a provenance in `src/` must
//! be made here too, on purpose.

use std::collections::{BTreeSet, HashSet};

use imy_breach::form::Field;
use imy_breach::{
    AreaOfActivity, Cause, Choice, Consequence, CountInterval, DataCategory, DiscoveryMethod, Lang, Nature,
    Provenance, Sector, Severity, SubjectGroup, YesNo,
};
use serde_json::Value;
use strum::IntoEnumIterator;

const C: Provenance = Provenance::Confirmed;
const D: Provenance = Provenance::Derived;

/// (code, Swedish label, provenance), in form order.
type Table = &'static [(&'static str, &'static str, Provenance)];

const LIST_A: Table = &[
    ("misdirected_communication", "Obehörigt röjande genom felaktigt utskick av mejl/brev/sms", C),
    ("unauthorised_disclosure_other", "Obehörigt röjande, övrigt", D),
    ("unauthorised_access", "Obehörig åtkomst", D),
    ("loss_or_theft", "Förlust eller stöld", D),
    ("destruction", "Förstöring", D),
    ("alteration", "Ändring", D),
    ("other", "Övrigt", D),
];

const LIST_B: Table = &[
    ("employee_informed", "En anställd informerade oss", C),
    ("data_subject_informed", "En registrerad informerade oss", D),
    ("processor_informed", "Ett personuppgiftsbiträde informerade oss", D),
    ("third_party_informed", "En utomstående part informerade oss", D),
    ("own_detection", "Vi upptäckte det genom egen kontroll eller övervakning", D),
    ("other", "Övrigt", D),
];

/// "Övrigt" is confirmed to exist in list C.
const LIST_C: Table = &[
    ("technical_error", "Tekniskt fel, till exempel fel i mjukvara, programinställningar", C),
    ("human_error", "Den mänskliga faktorn, till exempel felskick eller felaktig hantering", D),
    (
        "antagonistic_attack",
        "Antagonistiskt angrepp, till exempel dataintrång, nätfiske eller skadlig kod",
        D,
    ),
    ("organisational_shortcoming", "Brister i organisatoriska rutiner", D),
    ("other", "Övrigt", C),
];

const LIST_D: Table =
    &[("public", "Offentlig sektor", D), ("private", "Privat sektor", D), ("non_profit", "Ideell sektor", D)];

/// "Övrigt" is confirmed to exist in list E.
const LIST_E: Table = &[
    ("state_agency", "Statlig myndighet", D),
    ("municipality_or_region", "Kommun eller region", D),
    ("health_care", "Hälso- och sjukvård", D),
    ("social_services", "Socialtjänst och omsorg", D),
    ("education", "Skola och utbildning", D),
    ("finance_insurance", "Bank, finans och försäkring", D),
    ("trade", "Handel och e-handel", D),
    ("telecom_it", "Telekom och IT-tjänster", D),
    ("non_profit_organisation", "Ideell förening eller trossamfund", D),
    ("other", "Övrigt", C),
];

/// `1 - 10` is confirmed (with its spaced hyphen); the rest is a derived decade scale.
const LIST_F: Table = &[
    ("from_1_to_10", "1 - 10", C),
    ("from_11_to_100", "11 - 100", D),
    ("from_101_to_1000", "101 - 1 000", D),
    ("from_1001_to_10000", "1 001 - 10 000", D),
    ("from_10001_to_100000", "10 001 - 100 000", D),
    ("from_100001_to_1000000", "100 001 - 1 000 000", D),
    ("more_than_1000000", "Fler än 1 000 000", D),
];

const LIST_G: Table = &[
    ("employees", "Anställda hos den personuppgiftsansvarige", C),
    ("service_users", "Användare av den personuppgiftsansvariges tjänster", C),
    ("customers", "Kunder hos den personuppgiftsansvarige", C),
    ("subscribers", "Prenumeranter", C),
    ("members", "Medlemmar, till exempel i en förening eller en kundklubb", C),
    ("military", "Militär, det vill säga anställda inom totalförsvaret", C),
    ("patients", "Patienter", C),
    ("children", "Barn", C),
    ("pupils", "Skolelever i förskola, grundskola eller gymnasium", C),
    ("students", "Studerande i eftergymnasial utbildning", C),
    ("vulnerable_persons", "Utsatta personer, till exempel personer som lever med skyddad identitet", C),
    (
        "other_especially_affected",
        "Övriga personer som enligt er bedömning drabbas särskilt hårt om personuppgifter sprids",
        C,
    ),
    ("cannot_specify_yet", "Kan inte ange för närvarande", C),
    ("other", "Övrigt", C),
];

const LIST_H: Table = &[
    ("ethnic_origin", "Etniskt ursprung", C),
    ("political_opinions", "Politiska åsikter", C),
    ("religious_or_philosophical_beliefs", "Religiös eller filosofisk övertygelse", C),
    ("trade_union_membership", "Medlemskap i fackförening", C),
    ("genetic_data", "Genetiska uppgifter", C),
    ("biometric_data", "Biometriska uppgifter", C),
    ("health", "Hälsa", C),
    ("sex_life_or_orientation", "Sexualliv eller sexuell läggning", C),
    ("criminal_offences", "Uppgift om brott", C),
    ("personal_identity_number", "Personnummer", C),
    ("financial_information", "Ekonomisk eller finansiell information", C),
    ("official_documents", "Officiella dokument", C),
    ("location_data", "Lokaliseringsuppgifter (till exempel GPS-position, ej adressuppgifter)", C),
    ("communication_logs", "Kommunikationsloggar", C),
    ("communication_metadata", "Metadata om kommunikation", C),
    ("identifying_information", "Identifierande information (till exempel för- och efternamn)", C),
    ("contact_information", "Kontaktinformation", C),
    ("unknown", "Okänd", C),
    ("other", "Övrigt", C),
];

const LIST_I: Table = &[
    ("loss_of_control", "Den registrerade förlorar kontrollen över de egna personuppgifterna", C),
    ("limitation_of_rights", "Begränsning av rättigheter", C),
    ("discrimination", "Diskriminering", C),
    ("identity_theft_or_fraud", "Identitetsstöld eller bedrägeri", C),
    ("financial_loss", "Ekonomisk förlust", C),
    ("pseudonymisation_reversal", "Obehörigt hävande av pseudonymisering", C),
    ("damage_to_reputation", "Skadat anseende", C),
    (
        "loss_of_confidentiality",
        "Förlust av konfidentialitet när det gäller personuppgifter som omfattas av tystnadsplikt",
        C,
    ),
    ("other_disadvantage", "Annan ekonomisk eller social nackdel", C),
    ("other", "Övrigt", C),
    // Schema version 1.1: list G's option, derived for list I (issue 15).
    ("cannot_specify_yet", "Kan inte ange för närvarande", D),
];

/// Four levels; the top one confirmed.
const LIST_J: Table = &[
    ("not_serious", "1. Inte allvarlig", D),
    ("less_serious", "2. Mindre allvarlig", D),
    ("serious", "3. Allvarlig", D),
    ("very_serious", "4. Mycket allvarlig", C),
];

/// Both answers appear in the copy of the form.
const YES_NO: Table = &[("yes", "Ja", C), ("no", "Nej", C)];

/// Compares one option list with its table, and checks what every list must satisfy.
fn check_list<T>(list: &str, table: Table)
where
    T: Choice + IntoEnumIterator + std::str::FromStr + serde::Serialize + serde::de::DeserializeOwned,
{
    assert_eq!(T::LIST, list);
    let got: Vec<(&str, &str, Provenance)> =
        T::ALL.iter().map(|c| (c.code(), c.label(Lang::Sv), c.provenance())).collect();
    assert_eq!(got, table, "list {list}: codes, Swedish labels or provenance differ from the spec");

    // strum's iteration and `ALL` agree on form order; `index` is the position.
    assert_eq!(T::iter().collect::<Vec<_>>(), T::ALL, "list {list}: strum order");
    for (i, c) in T::ALL.iter().enumerate() {
        assert_eq!(c.index(), i, "list {list}: index of {}", c.code());
        assert_eq!(T::from_code(c.code()), Some(*c), "list {list}: from_code({})", c.code());
        assert!(c.code().parse::<T>().is_ok(), "list {list}: FromStr({})", c.code());
        let en = c.label(Lang::En);
        assert!(!en.trim().is_empty(), "list {list}: English label of {}", c.code());
        // Codes are snake_case ASCII: the wire format's identifiers.
        assert!(
            c.code().bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
            "list {list}: code {} is not snake_case",
            c.code()
        );
        // The wire form is the code as a JSON string, both ways.
        let json = serde_json::to_string(c).unwrap();
        assert_eq!(json, format!("\"{}\"", c.code()));
        assert_eq!(serde_json::from_str::<T>(&json).unwrap(), *c);
    }
    assert_eq!(T::from_code("no_such_code"), None);
    assert!(T::from_code("").is_none());
    // Codes and labels are unique within the list.
    let codes: HashSet<_> = T::ALL.iter().map(|c| c.code()).collect();
    let sv: HashSet<_> = T::ALL.iter().map(|c| c.label(Lang::Sv)).collect();
    let en: HashSet<_> = T::ALL.iter().map(|c| c.label(Lang::En)).collect();
    assert_eq!((codes.len(), sv.len(), en.len()), (T::ALL.len(), T::ALL.len(), T::ALL.len()), "list {list}");
}

#[test]
fn list_a_nature() {
    check_list::<Nature>("A", LIST_A);
}

#[test]
fn list_b_discovery_method() {
    check_list::<DiscoveryMethod>("B", LIST_B);
}

#[test]
fn list_c_cause() {
    check_list::<Cause>("C", LIST_C);
}

#[test]
fn list_d_sector() {
    check_list::<Sector>("D", LIST_D);
}

#[test]
fn list_e_area_of_activity() {
    check_list::<AreaOfActivity>("E", LIST_E);
}

#[test]
fn list_f_count_interval() {
    check_list::<CountInterval>("F", LIST_F);
}

#[test]
fn list_g_subject_group() {
    check_list::<SubjectGroup>("G", LIST_G);
}

#[test]
fn list_h_data_category() {
    check_list::<DataCategory>("H", LIST_H);
    // The first eight are special categories (Art. 9); "Uppgift om brott" is Art. 10 data.
    let special: Vec<_> =
        DataCategory::ALL.iter().filter(|c| c.is_special_category()).map(|c| c.code()).collect();
    assert_eq!(special, LIST_H[..8].iter().map(|r| r.0).collect::<Vec<_>>());
    let art10: Vec<_> = DataCategory::ALL.iter().filter(|c| c.is_criminal_offence_data()).collect();
    assert_eq!(art10, [&DataCategory::CriminalOffences]);
}

#[test]
fn list_i_consequence() {
    check_list::<Consequence>("I", LIST_I);
}

#[test]
fn list_j_severity() {
    check_list::<Severity>("J", LIST_J);
    let levels: Vec<u8> = Severity::ALL.iter().map(|s| s.level()).collect();
    assert_eq!(levels, [1, 2, 3, 4]);
    // Ordered from least to most serious, and each label starts with its level.
    assert!(Severity::ALL.windows(2).all(|w| w[0] < w[1]));
    for s in Severity::ALL {
        assert!(s.label(Lang::Sv).starts_with(&format!("{}. ", s.level())));
        assert!(s.label(Lang::En).starts_with(&format!("{}. ", s.level())));
    }
}

#[test]
fn yes_no() {
    check_list::<YesNo>("Ja/Nej", YES_NO);
    assert!(YesNo::Yes.is_yes() && !YesNo::No.is_yes());
    // Never a boolean on the wire: "not answered" stays distinct from "Nej".
    assert!(serde_json::from_str::<YesNo>("true").is_err());
}

#[test]
fn intervals_are_a_gapless_decade_scale() {
    let mut next = 1u64;
    for i in CountInterval::ALL {
        let (lo, hi) = i.bounds();
        assert_eq!(lo, next, "{}", i.code());
        assert!(i.contains(lo) && !i.contains(lo - 1));
        assert_eq!(CountInterval::containing(lo), *i);
        match hi {
            Some(hi) => {
                assert!(i.contains(hi) && !i.contains(hi + 1));
                assert_eq!(CountInterval::containing(hi), *i);
                next = hi + 1;
            }
            None => {
                assert_eq!(*i, CountInterval::MoreThan1000000);
                assert!(i.contains(imy_breach::MAX_COUNT));
            }
        }
    }
}

#[test]
fn languages_iterate_in_order() {
    assert_eq!(Lang::iter().collect::<Vec<_>>(), [Lang::Sv, Lang::En]);
    assert_eq!(Lang::iter().map(Lang::code).collect::<Vec<_>>(), ["sv", "en"]);
    assert_eq!(Lang::default(), Lang::Sv);
}

// ---------------------------------------------------------------------------------------------
// Field labels
// ---------------------------------------------------------------------------------------------

/// Questions 1–37 from the spec's question table: (number, model type, wire property, Swedish label
/// without the asterisk). Questions 5–8 are the repeatable contact person.
const QUESTIONS: &[(&str, &str, &str, &str)] = &[
    ("1", "Controller", "name", "Organisationens namn"),
    ("2", "Controller", "organisationNumber", "Organisationsnummer"),
    ("3", "Controller", "postalAddress", "Organisationens postadress"),
    ("4", "Controller", "internalReference", "Er organisations interna referensnummer"),
    ("5", "ContactPerson", "name", "Kontaktpersonens namn"),
    ("6", "ContactPerson", "role", "Kontaktpersonens roll"),
    ("7", "ContactPerson", "email", "Kontaktpersonens e-post"),
    ("8", "ContactPerson", "phone", "Kontaktpersonens telefonnummer"),
    ("9", "ContactDetails", "correspondenceAddress", "Den adress ni önskar bli kontaktad på"),
    ("10", "Incident", "occurred", "När inträffade incidenten?"),
    ("11", "Incident", "discovered", "När upptäckte ni incidenten?"),
    ("12", "Incident", "ongoing", "Pågår incidenten fortfarande?"),
    ("13", "Incident", "ceased", "När upphörde incidenten?"),
    (
        "14",
        "Incident",
        "lateReason",
        "Om er anmälan kommer in senare än 72 timmar efter att ni upptäckte incidenten, beskriv varför.",
    ),
    ("15", "Incident", "nature", "Vad har hänt vid incidenten?"),
    ("16", "Incident", "description", "Kort beskrivning av incidenten"),
    ("17", "Incident", "discoveryMethod", "Hur upptäckte ni incidenten?"),
    ("18", "Incident", "cause", "Varför inträffade incidenten enligt er uppfattning?"),
    ("19", "Incident", "sector", "Inom vilken sektor inträffade incidenten?"),
    ("20", "Incident", "areaOfActivity", "Inom vilket verksamhetsområde inträffade incidenten?"),
    (
        "21",
        "Processors",
        "involved",
        "Gäller incidenten en personuppgiftsbehandling som hanteras av anlitade personuppgiftsbiträden eller underbiträden?",
    ),
    ("22", "Processors", "organisations", "Organisationens namn och organisationsnummer"),
    ("23", "DataAndSubjects", "subjectCount", "Hur många registrerade har påverkats?"),
    ("24", "DataAndSubjects", "recordCount", "Hur många uppgifter om de registrerade har påverkats totalt?"),
    ("25", "DataAndSubjects", "subjectGroups", "Vilka grupper tillhör de registrerade?"),
    ("26", "DataAndSubjects", "dataCategories", "Vilken sorts personuppgifter har incidenten drabbat?"),
    ("27", "DataAndSubjects", "encrypted", "Var personuppgifterna krypterade?"),
    ("28", "Consequences", "likelyConsequences", "Vad kan bli konsekvenserna av incidenten?"),
    ("29", "Consequences", "severity", "Hur allvarlig bedömer ni att incidenten är?"),
    ("30", "Consequences", "actions", "Hur har ni agerat efter incidenten?"),
    ("31", "DataSubjectInformation", "informed", "Har ni informerat de registrerade?"),
    ("32", "DataSubjectInformation", "informedOn", "När informerade ni de registrerade?"),
    ("33", "DataSubjectInformation", "willInform", "Kommer ni att informera de registrerade?"),
    ("34", "DataSubjectInformation", "plannedOn", "När kommer ni att informera de registrerade?"),
    ("35", "DataSubjectInformation", "reasonNotInforming", "Varför kommer ni inte att informera de registrerade?"),
    (
        "36",
        "SupplementAndConfidentiality",
        "intendsToSupplement",
        "Avser ni att komplettera er anmälan? Om ni ska komplettera anmälan så måste det ske skyndsamt",
    ),
    (
        "37",
        "SupplementAndConfidentiality",
        "confidentialityRequest",
        "Om ni anser att viss information i er anmälan bör omfattas av sekretess, beskriv vilken information som enligt er bör vara sekretessbelagd och varför.",
    ),
];

/// The form's sub-field labels (the spec's "Answer" column and the copy of the form), and the
/// "Övrigt" comments of questions 18, 20, 25, 26 and 28: (model type, wire property, question number
/// if the field belongs to a numbered question, Swedish label).
const SUB_FIELDS: &[(&str, &str, Option<&str>, &str)] = &[
    ("Address", "street", None, "Adress"),
    ("Address", "postcode", None, "Postnummer"),
    ("Address", "city", None, "Ort"),
    ("Address", "country", None, "Land"),
    ("EventTime", "date", None, "Datum"),
    ("EventTime", "time", None, "Klockslag"),
    ("EventTime", "comment", None, "Eventuell kommentar"),
    ("Processor", "name", None, "Organisationens namn"),
    ("Processor", "organisationNumber", None, "Organisationsnummer"),
    ("Action", "date", None, "Datum"),
    ("Action", "time", None, "Klockslag"),
    ("Action", "description", None, "Åtgärd"),
    ("Incident", "causeComment", Some("18"), "Ange kommentar vid val \"Övrigt\""),
    ("Incident", "areaOfActivityComment", Some("20"), "Ange kommentar vid val \"Övrigt\""),
    ("DataAndSubjects", "subjectGroupsComment", Some("25"), "Ange kommentar vid val \"Övrigt\""),
    ("DataAndSubjects", "dataCategoriesComment", Some("26"), "Ange kommentar vid val \"Övrigt\""),
    ("Consequences", "likelyConsequencesComment", Some("28"), "Ange kommentar vid val \"Övrigt\""),
];

/// The form's section headings: the properties of the notification.
const SECTIONS: &[(&str, &str)] = &[
    ("controller", "Personuppgiftsansvarig"),
    ("contactDetails", "Kontaktuppgifter för anmälan"),
    ("incident", "Incidenten"),
    ("processors", "Biträden"),
    ("dataAndSubjects", "Uppgifterna och de registrerade"),
    ("consequences", "Konsekvenser"),
    ("dataSubjectInformation", "Information till de registrerade"),
    ("supplementAndConfidentiality", "Komplettering/eventuell sekretess"),
];

/// The field of the form table that a model type's member is (the first, for a type used in several
/// places).
fn field_label(type_name: &str, property: &str) -> Option<Field> {
    Field::by_type(type_name, property)
}

#[test]
fn every_question_has_the_forms_wording() {
    assert_eq!(QUESTIONS.len(), 37);
    for (i, (number, type_name, property, sv)) in QUESTIONS.iter().enumerate() {
        assert_eq!(*number, (i + 1).to_string());
        let label = field_label(type_name, property)
            .unwrap_or_else(|| panic!("question {number}: no label for {type_name}.{property}"));
        assert_eq!(label.spec().number, Some(*number), "question {number}");
        assert_eq!(label.label(Lang::Sv), *sv, "question {number}");
        assert!(!label.label(Lang::En).trim().is_empty(), "question {number}: English label");
        assert_eq!(label.title(Lang::Sv), format!("{number}. {sv}"));
    }
    // Every numbered label is one of the 37 questions or an "Övrigt" comment of one.
    let numbered: BTreeSet<(&str, &str)> =
        Field::ALL.iter().filter(|l| l.spec().number.is_some()).map(|l| (l.holder(), l.member())).collect();
    let expected: BTreeSet<(&str, &str)> = QUESTIONS
        .iter()
        .map(|q| (q.1, q.2))
        .chain(SUB_FIELDS.iter().filter(|s| s.2.is_some()).map(|s| (s.0, s.1)))
        .collect();
    assert_eq!(numbered, expected);
}

#[test]
fn sub_fields_and_sections_have_the_forms_wording() {
    for (type_name, property, number, sv) in SUB_FIELDS {
        let label = field_label(type_name, property).unwrap_or_else(|| panic!("{type_name}.{property}"));
        assert_eq!((label.spec().number, label.label(Lang::Sv)), (*number, *sv), "{type_name}.{property}");
    }
    for (property, sv) in SECTIONS {
        let label = field_label("Notification", property).unwrap_or_else(|| panic!("{property}"));
        assert_eq!((label.spec().number, label.label(Lang::Sv)), (None, *sv), "section {property}");
    }
}

#[test]
fn help_texts_from_the_form() {
    let help = |t: &str, p: &str| field_label(t, p).and_then(|l| l.help(Lang::Sv));
    assert_eq!(
        help("Count", "interval"),
        Some("Om ni inte känner till det exakta antalet kan ni uppskatta antalet genom att fylla i något av de angivna intervallen.")
    );
    for (t, p) in [
        ("DataAndSubjects", "subjectGroups"),
        ("DataAndSubjects", "dataCategories"),
        ("Consequences", "likelyConsequences"),
    ] {
        assert_eq!(help(t, p), Some("Markera alla alternativ som gäller."), "{t}.{p}");
    }
    assert_eq!(
        help("ContactDetails", "contactPersons"),
        Some("Klicka på \"Lägg till ny\" om du vill lägga till ytterligare kontaktperson")
    );
    assert_eq!(
        help("Processors", "organisations"),
        Some("Klicka på \"Lägg till ny\" om du vill lägga till ytterligare biträde")
    );
    assert_eq!(
        help("Consequences", "actions"),
        Some("Klicka på \"Lägg till ny\" om du vill lägga till ytterligare åtgärd")
    );
    // A help text comes in both languages or not at all.
    for l in Field::ALL {
        assert_eq!(l.help(Lang::Sv).is_some(), l.help(Lang::En).is_some(), "{l:?}");
        assert!(l.help(Lang::Sv).is_none_or(|h| !h.trim().is_empty()), "{l:?}");
        assert!(l.help(Lang::En).is_none_or(|h| !h.trim().is_empty()), "{l:?}");
    }
}

/// Every property of every object in the canonical schema: (type name, property).
fn schema_properties() -> BTreeSet<(String, String)> {
    let schema = imy_breach::schema::canonical();
    let mut out = BTreeSet::new();
    let mut add = |type_name: &str, def: &Value| {
        if let Some(props) = def.get("properties").and_then(Value::as_object) {
            for name in props.keys() {
                out.insert((type_name.to_string(), name.clone()));
            }
        }
    };
    add("Notification", &schema);
    for (name, def) in schema["$defs"].as_object().expect("$defs") {
        add(name, def);
    }
    out
}

#[test]
fn every_schema_property_has_a_label_and_every_label_is_used() {
    let props = schema_properties();
    assert!(props.len() > 60, "the schema has {} properties", props.len());
    let labels: BTreeSet<(String, String)> =
        Field::ALL.iter().map(|l| (l.holder().to_string(), l.member().to_string())).collect();
    let places: BTreeSet<(Option<Field>, &str)> =
        Field::ALL.iter().map(|l| (l.parent(), l.member())).collect();
    assert_eq!(places.len(), Field::ALL.len(), "a field is labelled twice");
    let unlabelled: Vec<_> = props.difference(&labels).collect();
    let dangling: Vec<_> = labels.difference(&props).collect();
    assert!(unlabelled.is_empty(), "schema properties without a label: {unlabelled:?}");
    assert!(dangling.is_empty(), "labels of no schema property: {dangling:?}");
}

#[test]
fn the_schema_carries_the_labels() {
    let schema = imy_breach::schema::canonical();
    let def_of = |t: &str| if t == "Notification" { &schema } else { &schema["$defs"][t] };
    for l in Field::ALL {
        // A label shared by every use of a type sits on its definition; one that differs between
        // uses (the exact counts of 23 and 24) at the place of use, next to the `$ref`.
        let at_use =
            l.parent().map(|p| &def_of(p.holder())["properties"][p.member()]["properties"][l.member()]);
        let prop = match at_use {
            Some(p) if p.get("x-labels").is_some() => p,
            _ => &def_of(l.holder())["properties"][l.member()],
        };
        assert_eq!(prop["x-labels"]["sv"], l.label(Lang::Sv), "{l:?}");
        assert_eq!(prop["x-labels"]["en"], l.label(Lang::En), "{l:?}");
        assert_eq!(prop.get("x-question").and_then(Value::as_str), l.spec().number, "{l:?}");
    }
    // The e-service's own labels for the exact counts.
    assert_eq!(Field::SubjectCountExact.label(Lang::Sv), "Exakt antal registrerade");
    assert_eq!(Field::RecordCountExact.label(Lang::Sv), "Exakt antal uppgifter");
    // Each option list's schema lists its options in form order with both labels and provenance.
    fn check<T: Choice>(schema: &Value, name: &str) {
        let branches = schema["$defs"][name]["oneOf"].as_array().unwrap_or_else(|| panic!("{name}"));
        assert_eq!(schema["$defs"][name]["x-option-list"], T::LIST);
        assert_eq!(branches.len(), T::ALL.len(), "{name}");
        for (b, c) in branches.iter().zip(T::ALL) {
            assert_eq!(b["const"], c.code());
            assert_eq!(b["x-labels"]["sv"], c.label(Lang::Sv));
            assert_eq!(b["x-labels"]["en"], c.label(Lang::En));
            assert_eq!(b["x-provenance"], c.provenance().code());
        }
    }
    check::<Nature>(&schema, "Nature");
    check::<DiscoveryMethod>(&schema, "DiscoveryMethod");
    check::<Cause>(&schema, "Cause");
    check::<Sector>(&schema, "Sector");
    check::<AreaOfActivity>(&schema, "AreaOfActivity");
    check::<CountInterval>(&schema, "CountInterval");
    check::<SubjectGroup>(&schema, "SubjectGroup");
    check::<DataCategory>(&schema, "DataCategory");
    check::<Consequence>(&schema, "Consequence");
    check::<Severity>(&schema, "Severity");
    check::<YesNo>(&schema, "YesNo");
}
