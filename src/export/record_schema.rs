//! The JSON Schema of the breach record ([`crate::BreachRecord`]): generated from the model as the
//! notification's is, with Swedish and English labels on every member — the form's own wording for
//! the answers a record shares with the notification ([`crate::form::SHARED_ANSWERS`]), derived
//! wording for the rest.

use serde_json::{json, Map, Value};

use crate::export::schema::{generated, label, label_properties, localize, strip_doc_sections, title_first};
use crate::form::{Field, SHARED_ANSWERS};
use crate::lang::Lang;
use crate::model::record::BreachRecord;
use crate::model::version::SCHEMA_VERSION;
use crate::validation::{RuleKind, RULES};

/// The `$id` of the canonical record schema.
///
/// # Example
/// ```
/// assert_eq!(imy_breach::record_schema::schema_id(), format!("urn:imy-breach:breach-record:{}", imy_breach::SCHEMA_VERSION));
/// ```
pub fn schema_id() -> String {
    format!("urn:imy-breach:breach-record:{SCHEMA_VERSION}")
}

/// The labels of the record's own members: (type, member, Swedish, English).
const LABELS: &[(&str, &str, &str, &str)] = &[
    ("BreachRecord", "kind", "Dokumenttyp", "Document kind"),
    ("BreachRecord", "schemaVersion", "Schemaversion", "Schema version"),
    ("BreachRecord", "id", "Incidentens id i registret", "The breach's identifier in the register"),
    ("BreachRecord", "facts", "Vad som hände", "The facts"),
    ("BreachRecord", "assessment", "Riskbedömning", "Risk assessment"),
    ("BreachRecord", "decisions", "Beslut", "Decisions"),
    ("BreachRecord", "filings", "Anmälningar till IMY", "Filings with IMY"),
    (
        "BreachRecord",
        "communication",
        "Information till de registrerade",
        "Communication to the data subjects",
    ),
    ("BreachRecord", "otherAuthorities", "Andra myndigheter som underrättats", "Other authorities told"),
    ("BreachRecord", "status", "Status", "Status"),
    ("BreachRecord", "closedOn", "Avslutad den", "Closed on"),
    ("BreachRecord", "retainUntil", "Sparas till och med", "Kept until"),
    ("Facts", "breachTypes", "Typ av incident", "Kind of breach"),
    ("Facts", "systems", "Berörda system", "Systems involved"),
    ("Decisions", "notifyAuthority", "Anmälan till IMY", "Notifying IMY"),
    ("Decisions", "informDataSubjects", "Information till de registrerade", "Informing the data subjects"),
    ("NotifyDecision", "decision", "Beslut", "Decision"),
    ("NotifyDecision", "reason", "Skäl att inte anmäla", "Reason for not notifying"),
    ("NotifyDecision", "explanation", "Motivering", "Explanation"),
    ("NotifyDecision", "decidedAt", "Beslutad", "Decided at"),
    ("NotifyDecision", "decidedBy", "Beslutad av (roll)", "Decided by (role)"),
    ("InformDecision", "decision", "Beslut", "Decision"),
    ("InformDecision", "ground", "Grund för att inte informera", "Ground for not informing"),
    ("InformDecision", "explanation", "Motivering", "Explanation"),
    ("InformDecision", "decidedAt", "Beslutad", "Decided at"),
    ("InformDecision", "decidedBy", "Beslutad av (roll)", "Decided by (role)"),
    ("Filing", "kind", "Slag", "Kind"),
    ("Filing", "submittedAt", "Inlämnad", "Submitted at"),
    ("Filing", "caseNumber", "IMY:s diarienummer", "IMY's case number"),
    ("Filing", "document", "Dokument", "Document"),
    ("Communication", "sentOn", "Informerade den", "Sent on"),
    ("Communication", "plannedOn", "Planeras till", "Planned for"),
    ("Communication", "channels", "Kanaler", "Channels"),
    ("Communication", "recipients", "Mottagare", "Recipients"),
    ("Communication", "content", "Innehåll", "Content"),
    ("AuthorityReport", "authority", "Myndighet", "Authority"),
    ("AuthorityReport", "name", "Myndighetens namn", "Name of the authority"),
    ("AuthorityReport", "caseNumber", "Diarienummer", "Case number"),
    ("AuthorityReport", "reportedOn", "Underrättad den", "Reported on"),
    ("RiskAssessment", "enisa", "ENISA:s metod", "ENISA's method"),
    ("RiskAssessment", "ownMethod", "Egen metod", "Own method"),
    ("RiskAssessment", "conclusion", "Slutsats", "Conclusion"),
    ("RiskAssessment", "conclusionReason", "Skäl för slutsatsen", "Reason for the conclusion"),
    ("RiskAssessment", "assessedAt", "Bedömd", "Assessed at"),
    ("RiskAssessment", "assessedBy", "Bedömd av (roll)", "Assessed by (role)"),
    ("EnisaInputs", "dataKind", "Slag av uppgifter", "Kind of data"),
    ("EnisaInputs", "dataKindReason", "Skäl för slag av uppgifter", "Reason for the kind of data"),
    (
        "EnisaInputs",
        "dpcAdjustments",
        "Justeringar av sammanhanget (DPC)",
        "Adjustments of the context (DPC)",
    ),
    ("EnisaInputs", "easeOfIdentification", "Identifierbarhet (EI)", "Ease of identification (EI)"),
    ("EnisaInputs", "confidentiality", "Förlust av konfidentialitet", "Loss of confidentiality"),
    ("EnisaInputs", "integrity", "Förlust av riktighet", "Loss of integrity"),
    ("EnisaInputs", "availability", "Förlust av tillgänglighet", "Loss of availability"),
    ("EnisaInputs", "malicious", "Avsiktligt skadligt", "Malicious intent"),
    ("DpcAdjustment", "direction", "Riktning", "Direction"),
    ("DpcAdjustment", "reason", "Skäl", "Reason"),
    ("DpcAdjustment", "comment", "Kommentar", "Comment"),
];

/// Where each record type's members sit, for the answers shared with the notification.
const PLACES: &[(&str, &str)] =
    &[("BreachRecord", ""), ("Facts", "/facts"), ("NotifyDecision", "/decisions/notifyAuthority")];

/// The form's answer a record type's member is, if it is shared.
fn shared(type_name: &str, member: &str) -> Option<Field> {
    let (_, place) = PLACES.iter().find(|(t, _)| *t == type_name)?;
    let pointer = format!("{place}/{member}");
    SHARED_ANSWERS.iter().find(|(p, _)| *p == pointer).map(|(_, f)| *f)
}

/// Labels the members of one type of the record.
fn label_record_type(schema: &mut Value, type_name: &str) {
    let Some(props) = schema.get_mut("properties").and_then(Value::as_object_mut) else {
        return;
    };
    for (name, prop) in props.iter_mut() {
        let Some(obj) = prop.as_object_mut() else { continue };
        if let Some(field) = shared(type_name, name) {
            label(obj, field);
        } else if let Some((.., sv, en)) = LABELS.iter().find(|(t, m, ..)| *t == type_name && m == name) {
            obj.insert("title".into(), json!(en));
            obj.insert("x-labels".into(), json!({"sv": sv, "en": en}));
            title_first(obj);
        }
    }
}

/// The canonical record schema.
///
/// # Example
/// ```
/// let s = imy_breach::record_schema::canonical();
/// assert_eq!(s["properties"]["kind"]["const"], "breach_record");
/// assert_eq!(s["required"], serde_json::json!(["kind", "schemaVersion"]));
/// ```
pub fn canonical() -> Value {
    let mut out = Map::new();
    out.insert("$id".into(), Value::String(schema_id()));
    out.insert("title".into(), json!("Documentation of a personal data breach (GDPR Art. 33(5))"));
    out.insert(
        "description".into(),
        json!(format!(
            "The documentation of one personal data breach, notified or not (GDPR Art. 33(5)): the facts, \
             the effects, the risk assessment, the decisions with their reasons, the remedial action, the \
             filings with IMY, the communication to the data subjects and the other authorities told. \
             Wire format version {SCHEMA_VERSION}, \"kind\": \"breach_record\". Keys are camelCase, option \
             codes snake_case; null is never a value. The answers shared with the notification have the \
             notification's types. Validation (imy-breach validate) checks the record's rules."
        )),
    );
    out.insert(
        "x-labels".into(),
        json!({"sv": "Dokumentation av personuppgiftsincident", "en": "Documentation of a personal data breach"}),
    );
    let mut schema = generated::<BreachRecord>(out);
    label_record_type(&mut schema, "BreachRecord");
    if let Some(defs) = schema.get_mut("$defs").and_then(Value::as_object_mut) {
        for (name, def) in defs.iter_mut() {
            label_properties(def, name);
            label_record_type(def, name);
        }
    }
    strip_doc_sections(&mut schema);
    schema
}

/// The record schema with titles in one language.
///
/// # Example
/// ```
/// use imy_breach::{record_schema, Lang};
/// let sv = record_schema::localized(Lang::Sv);
/// assert_eq!(sv["properties"]["decisions"]["title"], "Beslut");
/// ```
pub fn localized(lang: Lang) -> Value {
    let mut schema = canonical();
    localize(&mut schema, lang);
    if let Some(obj) = schema.as_object_mut() {
        obj.insert("$id".into(), Value::String(format!("{}:{}", schema_id(), lang.code())));
        let rules = RULES
            .iter()
            .filter(|r| r.kind == RuleKind::Record)
            .map(|r| json!({"code": r.code, "severity": r.level.code(), "description": r.checks(lang)}));
        obj.insert("x-rules".into(), Value::Array(rules.collect()));
    }
    schema
}
