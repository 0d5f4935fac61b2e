//! `imy-breach validate FILE... [--submitted-at RFC3339|now] [--policy elapsed|reg1182]
//! [--deny-warnings] [--lang sv|en] [--format text|json]`
//!
//! Exit codes: 0 when no file has an error (warnings allowed, unless `--deny-warnings`), 1 when a
//! file has an error (or a warning, with `--deny-warnings`), 2 on usage errors and unreadable files.

use std::io::Write;
use std::process::ExitCode;

use imy_breach::deadline::CountingPolicy;
use imy_breach::{validate_json_with, Lang, Report, ValidationOptions};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use crate::{read_input, FormatArg, LangArg, EXIT_USAGE};

/// Arguments of `validate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Notification files (JSON); `-` reads standard input.
    #[arg(required = true)]
    files: Vec<String>,
    /// When the notification is, or was, filed: RFC 3339 (2025-03-31T09:00:00+02:00), or `now` for
    /// the current time. Overrides each file's submittedAt. Without either, the rules that need the
    /// moment (late-reason-required, future-date) are skipped, and the output says so.
    #[arg(long, value_name = "RFC3339|now")]
    submitted_at: Option<String>,
    /// How the 72 hours of question 14 are counted: elapsed time, or from the next full hour
    /// (Regulation 1182/71).
    #[arg(long, value_enum, default_value_t)]
    policy: PolicyArg,
    /// Count warnings as errors: exit 1 when any file has a warning.
    #[arg(long)]
    deny_warnings: bool,
    /// Language of the messages.
    #[arg(long, value_enum, default_value_t)]
    lang: LangArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: FormatArg,
}

/// A counting policy.
#[derive(Debug, Clone, Copy, Default, clap::ValueEnum)]
enum PolicyArg {
    /// Elapsed time (the default).
    #[default]
    Elapsed,
    /// Regulation 1182/71: counting starts at the next full hour.
    Reg1182,
}

/// The result for one file.
struct FileResult {
    file: String,
    outcome: Result<Report, String>,
}

impl FileResult {
    /// Whether the file fails the run.
    fn fails(&self, deny_warnings: bool) -> bool {
        match &self.outcome {
            Ok(report) => !report.is_valid() || (deny_warnings && report.warnings().next().is_some()),
            Err(_) => true,
        }
    }
}

fn submission_moment(text: &str, lang: Lang) -> Result<OffsetDateTime, String> {
    if text == "now" {
        return Ok(OffsetDateTime::now_utc());
    }
    OffsetDateTime::parse(text.trim(), &Rfc3339).map_err(|_| match lang {
        Lang::Sv => format!(
            "--submitted-at: `{text}` är inte en tidpunkt enligt RFC 3339 med tidszon, till exempel \
             2025-03-31T09:00:00+02:00, eller `now`"
        ),
        _ => format!(
            "--submitted-at: `{text}` is not an RFC 3339 timestamp with an offset, for example \
             2025-03-31T09:00:00+02:00, or `now`"
        ),
    })
}

pub fn run(args: Args) -> ExitCode {
    let lang = Lang::from(args.lang);
    let mut options = ValidationOptions::new().policy(match args.policy {
        PolicyArg::Elapsed => CountingPolicy::Elapsed,
        PolicyArg::Reg1182 => CountingPolicy::Reg1182,
    });
    if let Some(text) = &args.submitted_at {
        match submission_moment(text, lang) {
            Ok(at) => options = options.submitted_at(at),
            Err(message) => {
                eprintln!("imy-breach validate: {message}");
                return ExitCode::from(EXIT_USAGE);
            }
        }
    }
    let mut results = Vec::new();
    for file in &args.files {
        let outcome = match read_input(file) {
            Ok(bytes) => Ok(validate_json_with(&bytes, &options).1),
            Err(e) => Err(e.to_string()),
        };
        results.push(FileResult { file: file.clone(), outcome });
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let written = match args.format {
        FormatArg::Text => write_text(&mut out, &results, lang),
        FormatArg::Json => write_json(&mut out, &results, lang),
    };
    if written.is_err() {
        return ExitCode::from(EXIT_USAGE);
    }
    if results.iter().any(|r| r.outcome.is_err()) {
        ExitCode::from(EXIT_USAGE)
    } else if results.iter().any(|r| r.fails(args.deny_warnings)) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The note for rules skipped without a submission moment.
fn skipped_note(report: &Report, lang: Lang) -> Option<String> {
    if report.skipped.is_empty() {
        return None;
    }
    let codes = report.skipped.join(", ");
    Some(match lang {
        Lang::Sv => format!(
            "  inte kontrollerat utan tidpunkt för inlämning (submittedAt eller --submitted-at): {codes}"
        ),
        _ => format!("  not checked without a submission moment (submittedAt or --submitted-at): {codes}"),
    })
}

fn write_text(out: &mut impl Write, results: &[FileResult], lang: Lang) -> std::io::Result<()> {
    for r in results {
        match &r.outcome {
            Err(e) => {
                let what = if lang == Lang::Sv { "kan inte läsas" } else { "cannot be read" };
                writeln!(out, "{}: {what}: {e}", r.file)?;
            }
            Ok(report) => {
                if report.violations.is_empty() {
                    let ok = if lang == Lang::Sv { "giltig" } else { "valid" };
                    writeln!(out, "{}: {ok}", r.file)?;
                } else {
                    let (e, w) = (report.errors().count(), report.warnings().count());
                    let summary = match lang {
                        Lang::Sv => format!("{e} fel, {w} {}", if w == 1 { "varning" } else { "varningar" }),
                        _ => format!(
                            "{e} {}, {w} {}",
                            if e == 1 { "error" } else { "errors" },
                            if w == 1 { "warning" } else { "warnings" }
                        ),
                    };
                    writeln!(out, "{}: {summary}", r.file)?;
                    for v in &report.violations {
                        let at = if v.pointer.is_empty() { "/" } else { v.pointer.as_str() };
                        writeln!(out, "  {} {at} [{}]: {}", v.level.label(lang), v.code, v.message(lang))?;
                    }
                }
                if let Some(note) = skipped_note(report, lang) {
                    writeln!(out, "{note}")?;
                }
            }
        }
    }
    Ok(())
}

fn write_json(out: &mut impl Write, results: &[FileResult], lang: Lang) -> std::io::Result<()> {
    let files: Vec<serde_json::Value> = results
        .iter()
        .map(|r| match &r.outcome {
            Err(e) => serde_json::json!({"file": r.file, "readable": false, "valid": false, "ioError": e}),
            Ok(report) => serde_json::json!({
                "file": r.file,
                "readable": true,
                "valid": report.is_valid(),
                "errors": report.errors().count(),
                "warnings": report.warnings().count(),
                "violations": report.violations.iter().map(|v| serde_json::json!({
                    "pointer": v.pointer,
                    "code": v.code,
                    "severity": v.level.code(),
                    "message": v.message(lang),
                })).collect::<Vec<_>>(),
                "skipped": report.skipped,
            }),
        })
        .collect();
    let doc = serde_json::json!({ "files": files });
    writeln!(out, "{}", serde_json::to_string_pretty(&doc).unwrap_or_default())
}
