//! The JSON output of `validate --format json` as types: one object with `files` for files, one
//! object per line for `--ndjson`. Their JSON Schemas are committed as
//! `schema/validate-output.schema.json` and `schema/validate-line.schema.json` (drift-tested
//! below).

use imy_breach::validation::{FileReport, LocalizedViolation};
use imy_breach::{Lang, Report};
use schemars::JsonSchema;
use serde::Serialize;

/// # The output of `imy-breach validate --format json`
///
/// One entry per file, in the order given.
#[derive(Debug, Serialize, JsonSchema)]
#[schemars(extend("$id" = "https://imy-breach.example.org/schema/validate-output.schema.json"))]
pub struct ValidateOutput<'a> {
    /// The files, in the order given on the command line.
    pub files: Vec<FileOutput<'a>>,
}

/// The result for one file.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum FileOutput<'a> {
    /// A file that could be read (its contents may still be no notification at all).
    Read(ReadFile<'a>),
    /// A file that could not be read (exit code 2).
    Unreadable(UnreadableFile<'a>),
}

/// A file that was read and validated: its name, then the library's [`FileReport`] (what the npm
/// package's `validate` returns).
#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
#[schemars(description = "A file that was read and validated.", extend("additionalProperties" = false))]
pub struct ReadFile<'a> {
    /// The file as given (`-` for standard input).
    pub file: &'a str,
    #[serde(flatten)]
    pub report: FileReport,
}

/// A file that could not be read.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UnreadableFile<'a> {
    /// The file as given (`-` for standard input).
    pub file: &'a str,
    /// Always `false`.
    #[schemars(extend("const" = false))]
    pub readable: bool,
    /// Always `false`.
    #[schemars(extend("const" = false))]
    pub valid: bool,
    /// The operating system's error.
    pub io_error: String,
}

/// # One line of `imy-breach validate --ndjson FILE --format json`
///
/// One object per input line, in order.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schemars(extend("$id" = "https://imy-breach.example.org/schema/validate-line.schema.json"))]
pub struct LineOutput<'a> {
    /// The line number, from 1.
    #[schemars(range(min = 1))]
    pub line: u64,
    #[serde(flatten)]
    pub result: ReportOutput,
    /// The codes of the rules not checked (no submission moment, or question 11 unresolved);
    /// only when not empty.
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub skipped: &'a [&'static str],
}

/// The validation report of one document.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub struct ReportOutput {
    /// Whether the document has no error (warnings allowed).
    pub valid: bool,
    /// The number of errors.
    pub errors: usize,
    /// The number of warnings.
    pub warnings: usize,
    /// The errors and warnings: reading problems first, then the rules' findings in form order.
    pub violations: Vec<LocalizedViolation>,
}

impl ReportOutput {
    /// The output of a report in `lang`.
    pub fn new(report: &Report, lang: Lang) -> Self {
        ReportOutput {
            valid: report.is_valid(),
            errors: report.errors().count(),
            warnings: report.warnings().count(),
            violations: report.violations.iter().map(|v| LocalizedViolation::new(v, lang)).collect(),
        }
    }
}

/// The JSON Schema (2020-12) of a type of this module.
#[cfg(test)]
pub fn schema<T: JsonSchema>() -> serde_json::Value {
    let generator = schemars::generate::SchemaSettings::draft2020_12()
        .for_serialize()
        .with_transform(schemars::transform::RestrictFormats::default())
        .into_generator();
    generator.into_root_schema_for::<T>().to_value()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The committed schemas are those of the types (IMY_BREACH_UPDATE_SCHEMA=1 rewrites them).
    #[test]
    fn the_committed_output_schemas_match_the_types() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schema");
        for (name, schema) in [
            ("validate-output.schema.json", schema::<ValidateOutput<'static>>()),
            ("validate-line.schema.json", schema::<LineOutput<'static>>()),
        ] {
            let text = format!("{}\n", serde_json::to_string_pretty(&schema).unwrap());
            let path = root.join(name);
            if std::env::var_os("IMY_BREACH_UPDATE_SCHEMA").is_some() {
                std::fs::write(&path, &text).unwrap();
            }
            let committed = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(committed == text, "{name} is out of date: IMY_BREACH_UPDATE_SCHEMA=1 cargo test --all-features --bin imy-breach");
        }
    }
}
