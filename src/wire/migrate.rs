//! Migration between versions of the wire format: one converter per step, in one place.
//!
//! A step is a function from a document of one version to the next ([`convert_1_0_to_1_1`]), listed
//! in [`STEPS`]; [`migrate`] reads a document of any version this crate reads and runs the steps
//! from its version to [`SchemaVersion::CURRENT`]. The next version costs one converter and one row.
//! What each version added is listed here too ([`NEW_IN_1_1`]), so that validation can flag a
//! document that uses an answer its own version does not have.

use serde_json::Value;

use crate::lang::{Bilingual, Lang};
use crate::model::notification::Notification;
use crate::model::version::SchemaVersion;
use crate::wire::error::ParseError;

/// The members schema version 1.1 added (JSON pointers; the groups of questions 10, 11, 13, 23 and
/// 24), and the options it added to a list (pointer, code). Every other member and option is 1.0.
pub(crate) const NEW_IN_1_1: (&[&str], &[(&str, &str)]) = (
    &[
        "/incident/occurred/period",
        "/incident/occurred/untilDate",
        "/incident/occurred/untilTime",
        "/incident/occurred/state",
        "/incident/occurred/reason",
        "/incident/discovered/period",
        "/incident/discovered/untilDate",
        "/incident/discovered/untilTime",
        "/incident/discovered/state",
        "/incident/discovered/reason",
        "/incident/ceased/period",
        "/incident/ceased/untilDate",
        "/incident/ceased/untilTime",
        "/incident/ceased/state",
        "/incident/ceased/reason",
        "/dataAndSubjects/subjectCount/approximate",
        "/dataAndSubjects/subjectCount/state",
        "/dataAndSubjects/subjectCount/reason",
        "/dataAndSubjects/recordCount/approximate",
        "/dataAndSubjects/recordCount/state",
        "/dataAndSubjects/recordCount/reason",
    ],
    &[("/consequences/likelyConsequences", "cannot_specify_yet")],
);

/// A converter: a document of one version to the next.
type Converter = fn(Value) -> Result<Value, MigrateError>;

/// The steps, oldest first: from, to, converter.
const STEPS: &[(SchemaVersion, SchemaVersion, Converter)] =
    &[(SchemaVersion::V1_0, SchemaVersion::V1_1, convert_1_0_to_1_1)];

/// Why a document could not be migrated.
///
/// # Example
/// ```
/// let err = imy_breach::migrate(r#"{"schemaVersion":"1.0","incident":{"occurred":{"state":"not_known_yet"}}}"#)
///     .unwrap_err();
/// assert_eq!(err.code(), "answer-not-in-schema-version");
/// assert_eq!(err.pointers(), ["/incident/occurred/state"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MigrateError {
    /// The document cannot be read as a notification of any version this crate reads.
    #[error("the document cannot be read: {} problem(s), the first: {}", .0.len(), .0.first().map(ToString::to_string).unwrap_or_default())]
    Unreadable(Vec<ParseError>),
    /// The document uses answers its own `schemaVersion` does not have (for example a 1.1 answer
    /// state in a 1.0 document): at these pointers.
    #[error("schemaVersion {version} has no such answer at {}; write schemaVersion {} [answer-not-in-schema-version]", .pointers.join(", "), SchemaVersion::CURRENT)]
    NotInVersion {
        /// The version the document gives.
        version: SchemaVersion,
        /// The answers it does not have.
        pointers: Vec<String>,
    },
}

impl MigrateError {
    /// The stable code: `"unreadable"` or `"answer-not-in-schema-version"`.
    pub fn code(&self) -> &'static str {
        match self {
            MigrateError::Unreadable(_) => "unreadable",
            MigrateError::NotInVersion { .. } => "answer-not-in-schema-version",
        }
    }

    /// The JSON pointers at fault.
    pub fn pointers(&self) -> Vec<String> {
        match self {
            MigrateError::Unreadable(errs) => errs.iter().map(|e| e.pointer().to_string()).collect(),
            MigrateError::NotInVersion { pointers, .. } => pointers.clone(),
        }
    }

    /// The message in `lang`, one line per problem, each with its pointer. Never echoes a value.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            MigrateError::Unreadable(errs) => errs
                .iter()
                .map(|e| format!("{}: {}", e.pointer(), e.message(lang)))
                .collect::<Vec<_>>()
                .join("\n"),
            MigrateError::NotInVersion { version, pointers } => pointers
                .iter()
                .map(|p| format!("{p}: {}", not_in_version(*version).get(lang)))
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }
}

/// The message of an answer that `version` does not have.
pub(crate) fn not_in_version(version: SchemaVersion) -> Bilingual<String> {
    let current = SchemaVersion::CURRENT;
    Bilingual::new(
        format!(
            "Svaret finns inte i schemaversion {version} som dokumentet anger; det infördes i version \
             {current}. Ange \"schemaVersion\": \"{current}\" eller ta bort svaret."
        ),
        format!(
            "The answer does not exist in schema version {version}, which the document gives; version \
             {current} introduced it. Write \"schemaVersion\": \"{current}\" or remove the answer."
        ),
    )
}

/// The answers of `doc` (the wire form of a document of `version`) that `version` does not have,
/// as JSON pointers in the order of [`NEW_IN_1_1`].
pub(crate) fn newer_answers(doc: &Value, version: SchemaVersion) -> Vec<String> {
    if version >= SchemaVersion::V1_1 {
        return Vec::new();
    }
    let (members, options) = NEW_IN_1_1;
    let mut out: Vec<String> =
        members.iter().filter(|p| doc.pointer(p).is_some()).map(|p| p.to_string()).collect();
    for (p, code) in options {
        if doc.pointer(p).and_then(Value::as_array).is_some_and(|a| a.iter().any(|v| v == code)) {
            out.push(p.to_string());
        }
    }
    out
}

/// Converts a 1.0 document to 1.1: 1.1 only adds answers, so the conversion sets `schemaVersion`,
/// after refusing a document that already uses an answer 1.0 does not have.
///
/// # Errors
/// [`MigrateError::NotInVersion`] for a 1.0 document that uses a 1.1 answer.
pub(crate) fn convert_1_0_to_1_1(mut doc: Value) -> Result<Value, MigrateError> {
    let pointers = newer_answers(&doc, SchemaVersion::V1_0);
    if !pointers.is_empty() {
        return Err(MigrateError::NotInVersion { version: SchemaVersion::V1_0, pointers });
    }
    if let Some(obj) = doc.as_object_mut() {
        obj.insert("schemaVersion".into(), Value::from(SchemaVersion::V1_1.as_str()));
    }
    Ok(doc)
}

/// Runs the steps from `from` to [`SchemaVersion::CURRENT`] on the wire form `doc`.
///
/// # Errors
/// The first converter's refusal.
pub(crate) fn migrate_value(mut doc: Value, from: SchemaVersion) -> Result<Value, MigrateError> {
    let mut at = from;
    while let Some(&(_, to, convert)) = STEPS.iter().find(|(f, _, _)| *f == at) {
        doc = convert(doc)?;
        at = to;
    }
    Ok(doc)
}

/// Reads a notification of any version this crate reads ([`SchemaVersion::ALL`]) and converts it
/// to the current one ([`SchemaVersion::CURRENT`]). A current document comes back as it was read.
///
/// # Errors
/// [`MigrateError::Unreadable`] with every problem when the document cannot be read (as
/// [`Notification::from_json_all_errors`]); [`MigrateError::NotInVersion`] when it uses an answer
/// its own version does not have.
///
/// # Example
/// ```
/// use imy_breach::{migrate, SchemaVersion};
/// let n = migrate(r#"{"schemaVersion":"1.0","incident":{"nature":"loss_or_theft"}}"#).unwrap();
/// assert_eq!(n.schema_version, SchemaVersion::V1_1);
/// assert_eq!(n.incident.nature, Some(imy_breach::Nature::LossOrTheft));
/// ```
pub fn migrate(json: &str) -> Result<Notification, MigrateError> {
    let n = Notification::from_json_all_errors(json.as_bytes()).map_err(MigrateError::Unreadable)?;
    migrate_notification(n)
}

/// Converts a notification already read to the current version ([`SchemaVersion::CURRENT`]), as
/// [`migrate`] does.
///
/// # Errors
/// [`MigrateError::NotInVersion`] when it uses an answer its own version does not have.
///
/// # Example
/// ```
/// use imy_breach::{migrate_notification, Notification, SchemaVersion};
/// let n = Notification { schema_version: SchemaVersion::V1_0, ..Notification::default() };
/// assert_eq!(migrate_notification(n).unwrap().schema_version, SchemaVersion::CURRENT);
/// ```
pub fn migrate_notification(n: Notification) -> Result<Notification, MigrateError> {
    let from = n.schema_version;
    if from == SchemaVersion::CURRENT {
        return Ok(n);
    }
    let doc = serde_json::to_value(&n).unwrap_or(Value::Null);
    let doc = migrate_value(doc, from)?;
    Notification::from_json_all_errors(doc.to_string().as_bytes()).map_err(MigrateError::Unreadable)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_version_but_the_current_has_one_step_and_the_chain_ends_at_the_current() {
        for v in SchemaVersion::ALL {
            let steps = STEPS.iter().filter(|(f, _, _)| *f == v).count();
            assert_eq!(steps, usize::from(v != SchemaVersion::CURRENT), "{v}");
        }
        let doc = serde_json::json!({"schemaVersion": "1.0"});
        assert_eq!(migrate_value(doc, SchemaVersion::V1_0).unwrap()["schemaVersion"], "1.1");
    }

    #[test]
    fn a_newer_option_in_an_older_document_is_named_by_its_question() {
        let doc = serde_json::json!({"schemaVersion": "1.0",
            "consequences": {"likelyConsequences": ["loss_of_control", "cannot_specify_yet"]}});
        assert_eq!(newer_answers(&doc, SchemaVersion::V1_0), ["/consequences/likelyConsequences"]);
        assert!(newer_answers(&doc, SchemaVersion::V1_1).is_empty());
        let err = convert_1_0_to_1_1(doc).unwrap_err();
        assert!(err.message(Lang::Sv).contains("schemaversion 1.0"), "{}", err.message(Lang::Sv));
        assert!(migrate("{").unwrap_err().code() == "unreadable");
    }
}
