//! The JSON documents shared by `imy-breach --format json` and the npm package: one document's
//! validation result ([`FileReport`]) and the rule catalogue ([`catalogue_json`]). Built here, once,
//! so that the command line and the WebAssembly package give the same bytes for the same input.

use schemars::JsonSchema;
use serde::Serialize;

use super::catalogue::{required_answers, RULES};
use super::report::{Level, Report, Violation};
use crate::lang::Lang;

/// One document's validation result in one language: what `imy-breach validate --format json`
/// prints for each entry of `files` (less the `file` member), and what the npm package's
/// `validate` returns.
///
/// Serialized as `{"readable": true, "valid", "errors", "warnings", "violations": [{"pointer",
/// "code", "severity", "message"}], "skipped"}`; `skipped` is always present.
///
/// # Example
/// ```
/// use imy_breach::validation::FileReport;
/// use imy_breach::Lang;
/// let (_, report) = imy_breach::validate_json(br#"{"schemaVersion":"1.0"}"#);
/// let file = FileReport::new(&report, Lang::En);
/// assert!(file.readable && !file.valid);
/// assert_eq!(file.errors, report.errors().count());
/// let json = serde_json::to_value(&file).unwrap();
/// assert_eq!(json["violations"][0]["severity"], "error");
/// assert!(json["violations"][0]["message"].is_string());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "One document's validation result, its messages in one language.")]
#[non_exhaustive]
pub struct FileReport {
    /// Always `true`: a document that is not JSON is readable and invalid (the command line
    /// reports a file it cannot open as unreadable).
    #[schemars(extend("const" = true))]
    pub readable: bool,
    /// Whether the document has no error (warnings allowed).
    pub valid: bool,
    /// The number of errors.
    pub errors: usize,
    /// The number of warnings.
    pub warnings: usize,
    /// The errors and warnings, each with its message in one language: reading problems first, then
    /// the rules' findings in form order.
    pub violations: Vec<LocalizedViolation>,
    /// The codes of the rules not checked (no submission moment, or question 11 unresolved).
    pub skipped: Vec<&'static str>,
}

/// A [`Violation`] with its message in one language, as [`FileReport`] lists it.
///
/// # Example
/// ```
/// use imy_breach::validation::LocalizedViolation;
/// use imy_breach::Lang;
/// let (_, report) = imy_breach::validate_json(br#"{"schemaVersion":"1.0"}"#);
/// let v = LocalizedViolation::new(&report.violations[0], Lang::Sv);
/// assert_eq!(v.message, report.violations[0].message(Lang::Sv));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "One violation, with its message in one language.")]
#[non_exhaustive]
pub struct LocalizedViolation {
    /// The JSON pointer (RFC 6901) of the answer at fault, also when it is absent; `""` for the
    /// whole document.
    pub pointer: String,
    /// The rule code (see `imy-breach rules`).
    #[schemars(regex(pattern = r"^[a-z0-9]+(-[a-z0-9]+)*$"))]
    pub code: &'static str,
    /// `error` or `warning`.
    #[schemars(with = "String", extend("enum" = ["error", "warning"]))]
    pub severity: Level,
    /// The message in the chosen language.
    pub message: String,
}

impl LocalizedViolation {
    /// The violation with its message in `lang`.
    pub fn new(v: &Violation, lang: Lang) -> Self {
        LocalizedViolation {
            pointer: v.pointer.clone(),
            code: v.code,
            severity: v.level,
            message: v.message(lang).to_owned(),
        }
    }
}

impl FileReport {
    /// The result of `report` with its messages in `lang`.
    pub fn new(report: &Report, lang: Lang) -> Self {
        FileReport {
            readable: true,
            valid: report.is_valid(),
            errors: report.errors().count(),
            warnings: report.warnings().count(),
            violations: report.violations.iter().map(|v| LocalizedViolation::new(v, lang)).collect(),
            skipped: report.skipped.clone(),
        }
    }
}

/// The rule catalogue as `imy-breach rules --format json` prints it: `{"lang", "rules": [{"code",
/// "severity", "kind", "checks", "source", "inSchema", "needsSubmissionMoment"}],
/// "requiredAnswers"}`.
///
/// # Example
/// ```
/// let doc = imy_breach::validation::catalogue_json(imy_breach::Lang::En);
/// assert_eq!(doc["lang"], "en");
/// assert!(doc["rules"].as_array().unwrap().iter().any(|r| r["code"] == "late-reason-required"));
/// ```
pub fn catalogue_json(lang: Lang) -> serde_json::Value {
    let rules: Vec<serde_json::Value> = RULES
        .iter()
        .map(|r| {
            serde_json::json!({
                "code": r.code,
                "severity": r.level.code(),
                "kind": r.kind.code(),
                "checks": r.checks(lang),
                "source": r.source(lang),
                "inSchema": r.in_schema,
                "needsSubmissionMoment": r.needs_submission_moment,
            })
        })
        .collect();
    serde_json::json!({
        "lang": lang.code(),
        "rules": rules,
        "requiredAnswers": required_answers(),
    })
}
