//! The JSON Schema (draft 2020-12) of the wire format: a canonical schema, and a Swedish and an
//! English variant whose titles are the form's question texts and option labels.
//!
//! - [`canonical`] is the validation contract. Every property carries `x-labels` (`sv`, `en`) and,
//!   when it is a numbered question, `x-question`; every option of a list is a `oneOf` branch with
//!   `const`, `title`, `x-labels` and `x-provenance`. Descriptions are the model's documentation.
//! - [`localized`] is the same schema with `title` and `description` in one language, for generating
//!   forms.
//!
//! Free text is limited: 200 characters for names, roles, addresses and references, 10,000 for
//! descriptions, comments, actions and reasons (IMY does not publish its limits). Lists are limited
//! too: 20 contact persons, 100 processors, 200 actions.

use schemars::generate::SchemaSettings;
use schemars::transform::RestrictFormats;
use serde_json::{json, Map, Value};

use crate::choice::Lang;
use crate::labels::field_label;
use crate::notification::{Notification, SCHEMA_VERSION};

/// The `$id` of the canonical schema.
pub fn schema_id() -> String {
    format!("urn:imy-breach:notification:{SCHEMA_VERSION}")
}

/// The `$id` of a localized variant.
pub fn localized_schema_id(lang: Lang) -> String {
    format!("{}:{}", schema_id(), lang.code())
}

/// The canonical schema: the validation contract.
///
/// # Example
/// ```
/// let s = imy_breach::schema::canonical();
/// assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
/// assert_eq!(s["properties"]["schemaVersion"]["const"], "1.0");
/// ```
pub fn canonical() -> Value {
    let settings =
        SchemaSettings::draft2020_12().for_deserialize().with_transform(RestrictFormats::default());
    let generator = settings.into_generator();
    let mut schema = generator.into_root_schema_for::<Notification>().to_value();
    let Some(root) = schema.as_object_mut() else {
        return schema;
    };
    let mut out = Map::new();
    out.insert("$schema".into(), root.shift_remove("$schema").unwrap_or(Value::Null));
    out.insert("$id".into(), Value::String(schema_id()));
    out.insert("title".into(), json!("Personal data breach notification to IMY"));
    out.insert(
        "description".into(),
        json!(format!(
            "IMY's form \"Anmälan av personuppgiftsincident\" (GDPR Art. 33), wire format version {SCHEMA_VERSION}. \
             Keys are camelCase, option codes snake_case; dates and times are Swedish local time. \
             Free text: at most 200 characters for names, roles, addresses and references, 10,000 for \
             descriptions, comments, actions and reasons."
        )),
    );
    out.insert(
        "x-labels".into(),
        json!({"sv": "Anmälan av personuppgiftsincident", "en": "Personal data breach notification"}),
    );
    for (k, v) in std::mem::take(root) {
        if !out.contains_key(&k) {
            out.insert(k, v);
        }
    }
    if let Some(defs) = out.shift_remove("$defs") {
        out.insert("$defs".into(), defs);
    }
    let mut schema = Value::Object(out);
    label_properties(&mut schema, "Notification");
    if let Some(defs) = schema.get_mut("$defs").and_then(Value::as_object_mut) {
        for (name, def) in defs.iter_mut() {
            label_properties(def, name);
        }
    }
    schema
}

/// Adds `x-labels`, `x-question` and the English title to each property of one model type.
fn label_properties(schema: &mut Value, type_name: &str) {
    let Some(props) = schema.get_mut("properties").and_then(Value::as_object_mut) else {
        return;
    };
    for (name, prop) in props.iter_mut() {
        let (Some(label), Some(obj)) = (field_label(type_name, name), prop.as_object_mut()) else {
            continue;
        };
        obj.insert("title".into(), json!(label.title(Lang::En)));
        if let Some(n) = label.number {
            obj.insert("x-question".into(), json!(n));
        }
        let mut labels = json!({"sv": label.sv, "en": label.en});
        if let (Some(sv), Some(en)) = (label.help_sv, label.help_en) {
            labels["helpSv"] = json!(sv);
            labels["helpEn"] = json!(en);
        }
        obj.insert("x-labels".into(), labels);
        title_first(obj);
    }
}

/// Puts `title` and `description` first, for readers of the schema.
fn title_first(obj: &mut Map<String, Value>) {
    let mut out = Map::new();
    for key in ["title", "description"] {
        if let Some(v) = obj.shift_remove(key) {
            out.insert(key.into(), v);
        }
    }
    out.append(obj);
    *obj = out;
}

/// The schema with titles and descriptions in one language: question texts (with the form's
/// numbers), option labels, and the form's help texts. Everything else is as in [`canonical`].
///
/// # Example
/// ```
/// use imy_breach::{schema, Lang};
/// let sv = schema::localized(Lang::Sv);
/// assert_eq!(sv["properties"]["controller"]["title"], "Personuppgiftsansvarig");
/// ```
pub fn localized(lang: Lang) -> Value {
    let mut schema = canonical();
    localize(&mut schema, lang);
    if let Some(obj) = schema.as_object_mut() {
        obj.insert("$id".into(), Value::String(localized_schema_id(lang)));
    }
    schema
}

fn localize(value: &mut Value, lang: Lang) {
    match value {
        Value::Object(obj) => {
            if let Some(labels) = obj.get("x-labels").cloned() {
                let number = obj.get("x-question").and_then(Value::as_str).map(str::to_string);
                if let Some(label) = labels.get(lang.code()).and_then(Value::as_str) {
                    let title = match number {
                        Some(n) => format!("{n}. {label}"),
                        None => label.to_string(),
                    };
                    obj.insert("title".into(), Value::String(title));
                }
                let help_key = if lang == Lang::Sv { "helpSv" } else { "helpEn" };
                match labels.get(help_key) {
                    Some(help) => {
                        obj.insert("description".into(), help.clone());
                    }
                    None => {
                        obj.shift_remove("description");
                    }
                }
            } else {
                obj.shift_remove("description");
            }
            for (k, v) in obj.iter_mut() {
                match (k.as_str(), v) {
                    ("x-labels" | "examples" | "const", _) => {}
                    // Maps from names to schemas: a property may be called "description" or "title".
                    ("properties" | "$defs", Value::Object(named)) => {
                        named.values_mut().for_each(|s| localize(s, lang));
                    }
                    (_, v) => localize(v, lang),
                }
            }
            title_first(obj);
        }
        Value::Array(items) => items.iter_mut().for_each(|v| localize(v, lang)),
        _ => {}
    }
}
