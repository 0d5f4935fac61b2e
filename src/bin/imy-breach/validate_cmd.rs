//! `imy-breach validate FILE...`

use std::io::Write;
use std::process::ExitCode;

use imy_breach::{validate_json, Lang, Report};

use crate::{read_input, FormatArg, LangArg, EXIT_USAGE};

/// Arguments of `validate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Notification files (JSON); `-` reads standard input.
    #[arg(required = true)]
    files: Vec<String>,
    /// Language of the messages.
    #[arg(long, value_enum, default_value_t)]
    lang: LangArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: FormatArg,
}

/// The result for one file.
struct FileResult {
    file: String,
    outcome: Result<Report, String>,
}

pub fn run(args: Args) -> ExitCode {
    let lang = Lang::from(args.lang);
    let mut results = Vec::new();
    for file in &args.files {
        let outcome = match read_input(file) {
            Ok(bytes) => Ok(validate_json(&bytes).1),
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
    } else if results.iter().all(|r| r.outcome.as_ref().is_ok_and(Report::is_valid)) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn write_text(out: &mut impl Write, results: &[FileResult], lang: Lang) -> std::io::Result<()> {
    for r in results {
        match &r.outcome {
            Err(e) => {
                let what = if lang == Lang::Sv { "kan inte läsas" } else { "cannot be read" };
                writeln!(out, "{}: {what}: {e}", r.file)?;
            }
            Ok(report) if report.violations.is_empty() => {
                let ok = if lang == Lang::Sv { "giltig" } else { "valid" };
                writeln!(out, "{}: {ok}", r.file)?;
            }
            Ok(report) => {
                let (e, w) = (report.errors().count(), report.warnings().count());
                let summary = match lang {
                    Lang::Sv => format!("{e} fel, {w} varningar"),
                    _ => format!("{e} errors, {w} warnings"),
                };
                writeln!(out, "{}: {summary}", r.file)?;
                for v in &report.violations {
                    let at = if v.pointer.is_empty() { "/" } else { v.pointer.as_str() };
                    writeln!(out, "  {} {at} [{}]: {}", v.level.label(lang), v.code, v.message(lang))?;
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
                "violations": report.violations.iter().map(|v| serde_json::json!({
                    "pointer": v.pointer,
                    "code": v.code,
                    "severity": v.level.code(),
                    "message": v.message(lang),
                })).collect::<Vec<_>>(),
            }),
        })
        .collect();
    let doc = serde_json::json!({ "files": files });
    writeln!(out, "{}", serde_json::to_string_pretty(&doc).unwrap_or_default())
}
