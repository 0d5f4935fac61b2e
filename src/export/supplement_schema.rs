//! The JSON Schema (draft 2020-12) of the supplement (komplettering): a canonical schema, and a
//! Swedish and an English variant.
//!
//! The answers' schemas are the notification's own ([`crate::schema`]), copied in under `$defs`: a
//! change's `value` is checked by the schema of the answer its `field` names (one `if`/`then` per
//! answer). What the schema cannot say — one change per answer, and everything about the
//! supplement's place in the case — is validation's (rule kind `supplement`, listed under `x-rules`).

use serde_json::{json, Map, Value};

use crate::case::answer_fields;
use crate::form::Field;
use crate::lang::{Bilingual, Lang};
use crate::model::filing::{CASE_NUMBER_PATTERN, SUPPLEMENT_KIND};
use crate::model::version::SCHEMA_VERSION;
use crate::validation::{RuleKind, RULES};

/// The `$id` of the canonical supplement schema.
pub fn schema_id() -> String {
    format!("urn:imy-breach:supplement:{SCHEMA_VERSION}")
}

/// The canonical supplement schema (English descriptions, `x-labels` in both languages).
///
/// # Example
/// ```
/// let s = imy_breach::supplement_schema::canonical();
/// assert_eq!(s["properties"]["kind"]["const"], "supplement");
/// assert!(s["$defs"]["Incident"].is_object());
/// ```
pub fn canonical() -> Value {
    build(crate::schema::canonical(), None)
}

/// The supplement schema with titles and descriptions in `lang`.
///
/// # Example
/// ```
/// use imy_breach::Lang;
/// let s = imy_breach::supplement_schema::localized(Lang::Sv);
/// assert_eq!(s["title"], "Komplettering av anmälan av personuppgiftsincident");
/// ```
pub fn localized(lang: Lang) -> Value {
    build(crate::schema::localized(lang), Some(lang))
}

/// The schema's words in `lang`; the canonical schema (no language) is in English.
fn text(words: &Bilingual, lang: Option<Lang>) -> &'static str {
    words.get(lang.unwrap_or(Lang::En))
}

const TITLE: Bilingual = Bilingual::new(
    "Komplettering av anmälan av personuppgiftsincident",
    "Supplement to a personal data breach notification",
);
const DESCRIPTION: Bilingual = Bilingual::new(
    "En komplettering (GDPR art. 33.4) med bara de svar som läggs till, ändras eller tas bort. Varje ändring anger svaret med dess JSON-pekare och skrivs med anmälans typer. null är aldrig ett värde.",
    "A supplement (GDPR Art. 33(4)) with only the answers it adds, changes or clears. Each change names its answer by its JSON pointer and is written with the notification's types. null is never a value.",
);
const KIND: Bilingual =
    Bilingual::new("Dokumentslag, alltid \"supplement\".", "The kind of document, always \"supplement\".");
const CASE_NUMBER: Bilingual = Bilingual::new(
    "IMY:s diarienummer för anmälan, när det är känt (till exempel IMY-2025-1234).",
    "IMY's case number (diarienummer) for the notification, when known (for example IMY-2025-1234).",
);
const REFERENCE: Bilingual = Bilingual::new(
    "Anmälan som kompletteras: dess interna referens (fråga 4) och tidpunkten då den lämnades.",
    "The notification supplemented: its internal reference (question 4) and when it was filed.",
);
const SUBMITTED_AT: Bilingual = Bilingual::new(
    "När kompletteringen lämnades, eller ska lämnas.",
    "When the supplement was, or will be, filed.",
);
const CHANGES: Bilingual = Bilingual::new(
    "Svaren som läggs till, ändras eller tas bort, högst en ändring per svar.",
    "The answers added, changed or cleared, at most one change per answer.",
);
const FIELD: Bilingual = Bilingual::new(
    "Svaret: en medlem i en av anmälans sektioner, som JSON-pekare.",
    "The answer: a member of one of the notification's sections, as a JSON pointer.",
);
const VALUE: Bilingual = Bilingual::new(
    "Svarets nya värde, med anmälans typ för svaret.",
    "The answer's new value, of the notification's type for it.",
);
const CLEAR: Bilingual = Bilingual::new("Tar bort ett tidigare svar.", "Clears an earlier answer.");
const COMMENT: Bilingual =
    Bilingual::new("Varför svaret ändras, om det behövs.", "Why the answer changes, if needed.");

fn titled(mut schema: Value, words: &Bilingual, lang: Option<Lang>) -> Value {
    if let Some(obj) = schema.as_object_mut() {
        obj.insert("description".into(), json!(text(words, lang)));
        obj.remove("title");
        obj.remove("x-labels");
        obj.remove("x-question");
        obj.remove("examples");
    }
    schema
}

/// The schema of answer `f` in the notification schema `src`: the property of its section's type.
fn answer_schema(src: &Value, f: Field) -> Option<Value> {
    let section = f.parent()?;
    let reference = src["properties"][section.member()]["$ref"].as_str()?;
    let name = reference.strip_prefix("#/$defs/")?;
    src["$defs"][name]["properties"].get(f.member()).cloned()
}

fn build(src: Value, lang: Option<Lang>) -> Value {
    let timestamp = titled(src["properties"]["submittedAt"].clone(), &SUBMITTED_AT, lang);
    let comment =
        answer_schema(&src, Field::IncidentDescription).unwrap_or_else(|| json!({"type": "string"}));
    let fields: Vec<&str> = answer_fields().iter().map(|f| f.pattern_str()).collect();
    let rules: Vec<Value> = answer_fields()
        .iter()
        .filter_map(|&f| {
            let value = answer_schema(&src, f)?;
            Some(json!({
                "if": {"properties": {"field": {"const": f.pattern_str()}}},
                "then": {"properties": {"value": value}}
            }))
        })
        .collect();
    let change = json!({
        "type": "object",
        "additionalProperties": false,
        "required": ["field"],
        "properties": {
            "field": titled(json!({"type": "string", "enum": fields}), &FIELD, lang),
            "value": titled(json!({}), &VALUE, lang),
            "clear": titled(json!({"const": true}), &CLEAR, lang),
            "comment": titled(comment, &COMMENT, lang),
        },
        "oneOf": [{"required": ["value"]}, {"required": ["clear"]}],
        "allOf": rules,
    });
    let mut defs: Map<String, Value> = src["$defs"].as_object().cloned().unwrap_or_default();
    defs.insert("Change".into(), change);
    let id = match lang {
        Some(l) => format!("{}:{}", schema_id(), l.code()),
        None => schema_id(),
    };
    let x_rules: Vec<Value> = RULES
        .iter()
        .filter(|r| r.kind == RuleKind::Supplement && !r.in_schema)
        .map(|r| {
            let l = lang.unwrap_or(Lang::En);
            json!({"code": r.code, "severity": r.level.code(), "description": r.checks(l)})
        })
        .collect();
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": id,
        "title": text(&TITLE, lang),
        "description": text(&DESCRIPTION, lang),
        "x-labels": {"sv": TITLE.sv, "en": TITLE.en},
        "type": "object",
        "additionalProperties": false,
        "required": ["schemaVersion", "kind", "notification", "submittedAt", "changes"],
        "properties": {
            "schemaVersion": src["properties"]["schemaVersion"].clone(),
            "kind": titled(json!({"type": "string", "const": SUPPLEMENT_KIND}), &KIND, lang),
            "caseNumber": titled(json!({"type": "string", "pattern": CASE_NUMBER_PATTERN}), &CASE_NUMBER, lang),
            "notification": titled(json!({
                "type": "object",
                "additionalProperties": false,
                "required": ["submittedAt"],
                "properties": {
                    "internalReference": answer_schema(&src, Field::ControllerInternalReference).unwrap_or(json!({"type": "string"})),
                    "submittedAt": timestamp.clone(),
                },
            }), &REFERENCE, lang),
            "submittedAt": timestamp,
            "changes": titled(json!({
                "type": "array",
                "maxItems": answer_fields().len(),
                "items": {"$ref": "#/$defs/Change"},
            }), &CHANGES, lang),
        },
        "$defs": defs,
        "x-rules": x_rules,
    })
}
