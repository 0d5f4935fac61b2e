//! `imy-breach validate FILE... [--submitted-at RFC3339|now] [--policy elapsed|legal]
//! [--deny-warnings] [--lang sv|en] [--format text|json|sarif|junit]`, and
//! `imy-breach validate --ndjson FILE|-`: one notification per line, validated as it is read.
//!
//! Exit codes: 0 when no file (line) has an error (warnings allowed, unless `--deny-warnings`), 1
//! when a file (line) has an error (or a warning, with `--deny-warnings`), 2 on usage errors and
//! unreadable files.

use std::io::{BufRead, BufReader, BufWriter, ErrorKind, Write};
use std::process::ExitCode;

use imy_breach::validation::FileReport;
use imy_breach::{Lang, Report, ValidationOptions, Violation, MAX_DOCUMENT_BYTES};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use crate::args::{LangArg, LangParser, PolicyArg, LANG_ENV};
use crate::io::{open, read_bounded, too_large, too_large_code, Oversized, EXIT_USAGE};
use crate::junit::JunitWriter;
use crate::report_json::{FileOutput, LineOutput, ReadFile, ReportOutput, UnreadableFile, ValidateOutput};
use crate::sarif::{Doc, SarifWriter};

/// Arguments of `validate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Notification or breach-record files (JSON; a record has `"kind": "breach_record"`); `-` reads
    /// standard input. With `--ndjson`, one file of
    /// newline-delimited JSON.
    #[arg(required = true)]
    files: Vec<String>,
    /// Read the file as NDJSON (one notification per line) and validate each line as it is read,
    /// in constant memory, printing one result line per input line (with `--format json`, one JSON
    /// object per line: the line number, `valid`, the counts and the violations). A line that is
    /// not JSON, not UTF-8 or over 1 MiB is an invalid line; an over-long line is skipped up to its
    /// newline, and with no newline within 64 MiB the rest of the input is not read (exit 1).
    #[arg(long)]
    ndjson: bool,
    /// When the notification is, or was, filed: RFC 3339 (2025-03-31T09:00:00+02:00), or `now` for
    /// the current time. Overrides each file's submittedAt. Without either, the rules that need the
    /// moment (late-reason-required, future-date) are skipped, and the output says so.
    #[arg(long, value_name = "RFC3339|now")]
    submitted_at: Option<String>,
    /// How the 72 hours of question 14 are counted: elapsed time from the minute of awareness (the
    /// default, the earlier deadline), or the law's reading, from the next full hour (Regulation
    /// 1182/71 Art. 3(1); `reg1182` is an alias).
    #[arg(long, value_enum, default_value_t)]
    policy: PolicyArg,
    /// A supplement of the one notification FILE (repeatable, in the order filed): each supplement
    /// is checked in its place, and the notification as it now stands is validated too, reported
    /// as "FILE (as supplemented)". A FILE that is itself a supplement (`"kind": "supplement"`) is
    /// checked alone without this.
    #[arg(long = "supplement", value_name = "S")]
    supplements: Vec<String>,
    /// Count warnings as errors: exit 1 when any file has a warning.
    #[arg(long)]
    deny_warnings: bool,
    /// Language of the messages.
    /// `sv` or `en`, case-insensitive, also as a BCP 47 tag (`sv-SE`, `en-GB`); when not given,
    /// the environment variable IMY_BREACH_LANG, else `sv`.
    #[arg(long, env = LANG_ENV, value_parser = LangParser, default_value = "sv")]
    lang: LangArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: ValidateFormat,
}

/// Output format of `validate`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
enum ValidateFormat {
    /// Readable text.
    #[default]
    Text,
    /// JSON (its schema: schema/validate-output.schema.json; with `--ndjson` one object per line,
    /// schema/validate-line.schema.json).
    Json,
    /// SARIF 2.1.0: one result per violation, with the rule code, the message and the line and
    /// column of the value (or of its parent object when it is absent).
    Sarif,
    /// JUnit XML: one test case per file (per line with `--ndjson`), the violations in its failure.
    Junit,
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
    let mut options = ValidationOptions::new().policy(args.policy.into());
    if let Some(text) = &args.submitted_at {
        match submission_moment(text, lang) {
            Ok(at) => options = options.submitted_at(at),
            Err(message) => {
                eprintln!("imy-breach validate: {message}");
                return ExitCode::from(EXIT_USAGE);
            }
        }
    }
    if args.ndjson {
        let [file] = args.files.as_slice() else {
            eprintln!("imy-breach validate: --ndjson reads one file (or - for standard input)");
            return ExitCode::from(EXIT_USAGE);
        };
        return ndjson(file, &options, &args, lang);
    }
    if matches!(args.format, ValidateFormat::Sarif | ValidateFormat::Junit) {
        return ci_files(&args, &options, lang);
    }
    let mut results = Vec::new();
    if !args.supplements.is_empty() {
        let [file] = args.files.as_slice() else {
            eprintln!("imy-breach validate: --supplement goes with one notification FILE");
            return ExitCode::from(EXIT_USAGE);
        };
        for (file, outcome) in crate::case_cmd::validate_files(file, &args.supplements, &options, lang) {
            results.push(FileResult { file, outcome });
        }
    }
    for file in args.files.iter().filter(|_| args.supplements.is_empty()) {
        let outcome = match read_bounded(file) {
            Ok(Some(bytes)) => Ok(crate::case_cmd::validate_bytes(&bytes, &options)),
            Ok(None) => Ok(too_large_report(Oversized::Document)),
            Err(e) => Err(e.to_string()),
        };
        results.push(FileResult { file: file.clone(), outcome });
    }
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let written = match args.format {
        ValidateFormat::Json => write_json(&mut out, &results, lang),
        _ => write_text(&mut out, &results, lang),
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

/// The note for rules skipped: without a submission moment, or question 11 unresolved.
fn skipped_note(report: &Report, lang: Lang) -> Option<String> {
    if report.skipped.is_empty() {
        return None;
    }
    let codes = report.skipped.join(", ");
    if !report.skipped.contains(&"future-date") {
        // Only the late-reason rules: question 11 could not be resolved to an instant.
        return Some(match lang {
            Lang::Sv => {
                format!("  inte kontrollerat (fråga 11 kan inte räknas om till en tidpunkt): {codes}")
            }
            _ => format!("  not checked (question 11 cannot be resolved to an instant): {codes}"),
        });
    }
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
                    writeln!(out, "{}: {}", r.file, counts(report, lang))?;
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
    let files = results
        .iter()
        .map(|r| match &r.outcome {
            Err(e) => FileOutput::Unreadable(UnreadableFile {
                file: &r.file,
                readable: false,
                valid: false,
                io_error: e.clone(),
            }),
            Ok(report) => FileOutput::Read(ReadFile { file: &r.file, report: FileReport::new(report, lang) }),
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &ValidateOutput { files })?;
    out.write_all(b"\n")
}

/// Exit 2 on a failed write to standard output, quietly when the reader has gone away (`| head`).
fn write_error(e: &std::io::Error) -> ExitCode {
    if e.kind() != ErrorKind::BrokenPipe {
        eprintln!("imy-breach validate: {e}");
    }
    ExitCode::from(EXIT_USAGE)
}

/// `--format sarif|junit` for files: each file read, validated and written before the next.
fn ci_files(args: &Args, options: &ValidationOptions, lang: Lang) -> ExitCode {
    let stdout = std::io::stdout();
    let out = BufWriter::new(stdout.lock());
    let (mut unreadable, mut failed) = (false, false);
    let mut sink = match Sink::begin(args.format, out, lang, args.deny_warnings) {
        Ok(sink) => sink,
        Err(e) => return write_error(&e),
    };
    for file in &args.files {
        let written = match read_bounded(file) {
            Ok(bytes) => {
                let report = match &bytes {
                    Some(bytes) => crate::case_cmd::validate_bytes(bytes, options),
                    None => too_large_report(Oversized::Document),
                };
                failed |= !report.is_valid() || (args.deny_warnings && report.warnings().next().is_some());
                sink.document(Doc {
                    file,
                    src: bytes.as_deref().unwrap_or_default(),
                    line: None,
                    report: &report,
                })
            }
            Err(e) => {
                unreadable = true;
                sink.unreadable(file, &e.to_string());
                Ok(())
            }
        };
        if let Err(e) = written {
            return write_error(&e);
        }
    }
    if let Err(e) = sink.end("", None).and_then(|mut out| out.flush()) {
        return write_error(&e);
    }
    ExitCode::from(if unreadable { EXIT_USAGE } else { u8::from(failed) })
}

/// Where results go: text and JSON line by line (`--ndjson`), or a SARIF or JUnit document.
enum Sink<W: Write> {
    Text(W, Lang),
    Json(W, Lang),
    Sarif(SarifWriter<W>),
    Junit(JunitWriter<W>),
}

impl<W: Write> Sink<W> {
    fn begin(format: ValidateFormat, out: W, lang: Lang, deny_warnings: bool) -> std::io::Result<Self> {
        Ok(match format {
            ValidateFormat::Text => Sink::Text(out, lang),
            ValidateFormat::Json => Sink::Json(out, lang),
            ValidateFormat::Sarif => Sink::Sarif(SarifWriter::begin(out, lang)?),
            ValidateFormat::Junit => Sink::Junit(JunitWriter::begin(out, lang, deny_warnings)?),
        })
    }

    /// One document: a file (`line` `None`; text and JSON go through [`write_text`] and
    /// [`write_json`] instead) or an NDJSON line.
    fn document(&mut self, doc: Doc<'_>) -> std::io::Result<()> {
        match (self, doc.line) {
            (Sink::Text(out, lang), Some(n)) => write_line_text(out, n, doc.report, *lang),
            (Sink::Json(out, lang), Some(n)) => write_line_json(out, n, doc.report, *lang),
            (Sink::Sarif(w), _) => w.document(&doc),
            (Sink::Junit(w), _) => w.document(&doc),
            (Sink::Text(..) | Sink::Json(..), None) => Ok(()),
        }
    }

    fn unreadable(&mut self, file: &str, error: &str) {
        match self {
            Sink::Sarif(w) => w.unreadable(file, error),
            Sink::Junit(w) => w.unreadable(file, error),
            Sink::Text(..) | Sink::Json(..) => {}
        }
    }

    /// Ends the document; `last_line` is the last NDJSON line.
    fn end(self, file: &str, last_line: Option<u64>) -> std::io::Result<W> {
        match self {
            Sink::Text(out, _) | Sink::Json(out, _) => Ok(out),
            Sink::Sarif(w) => w.end(),
            Sink::Junit(w) => w.end(file, last_line),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// NDJSON: one notification per line, in constant memory
// ---------------------------------------------------------------------------------------------

/// What [`next_line`] read.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Line {
    /// The end of the input.
    End,
    /// A line, in the buffer (without its `\n` or `\r\n`).
    Read,
    /// A line longer than the limit, skipped without being kept (its length is not reported: a
    /// line may be endless).
    TooLong,
    /// A line longer than the limit with no end of line within `skip` bytes: the rest of the input
    /// is not read.
    Unended,
}

/// How far an over-long NDJSON line is skipped in search of its end: 64 times the size limit
/// (64 MiB). A stream with no newline within that (`/dev/zero`) ends the run, so that no input keeps
/// the command reading forever.
pub(crate) const MAX_SKIPPED_LINE: usize = 64 * MAX_DOCUMENT_BYTES;

/// Reads the next line into `buf` (cleared first), keeping at most `max` bytes: a longer line is
/// read on in the reader's own chunks and dropped, so memory stays bounded whatever the input, up to
/// `skip` bytes; with no newline by then it is [`Line::Unended`].
pub(crate) fn next_line(
    reader: &mut impl BufRead,
    buf: &mut Vec<u8>,
    max: usize,
    skip: usize,
) -> std::io::Result<Line> {
    buf.clear();
    let mut len = 0usize;
    let mut any = false;
    let mut last = 0u8;
    loop {
        let chunk = match reader.fill_buf() {
            Ok(chunk) => chunk,
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let (take, newline) = match memchr::memchr(b'\n', chunk) {
            Some(i) => (i, true),
            None => (chunk.len(), false),
        };
        if chunk.is_empty() {
            return Ok(match (any, len > max) {
                (false, _) => Line::End,
                (true, false) => Line::Read,
                (true, true) => Line::TooLong,
            });
        }
        any = true;
        len += take;
        if let Some(&b) = chunk[..take].last() {
            last = b;
        }
        // Keep at most one byte over the limit (a `\r` before the newline may still go).
        if len <= max + 1 {
            buf.extend_from_slice(&chunk[..take]);
        } else {
            buf.clear();
        }
        reader.consume(take + usize::from(newline));
        if newline {
            if last == b'\r' && len > 0 {
                len -= 1;
                buf.pop();
            }
            return Ok(if len > max { Line::TooLong } else { Line::Read });
        }
        if len > skip {
            return Ok(Line::Unended);
        }
    }
}

/// The report for a document or line over the size limit.
fn too_large_report(what: Oversized) -> Report {
    let v = Violation {
        pointer: String::new(),
        code: too_large_code(),
        level: imy_breach::Level::Error,
        message: too_large(what),
    };
    Report { violations: vec![v], skipped: Vec::new() }
}

fn ndjson(file: &str, options: &ValidationOptions, args: &Args, lang: Lang) -> ExitCode {
    let input = match open(file) {
        Ok(input) => input,
        Err(e) => {
            eprintln!("imy-breach validate: {file}: {e}");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    let mut reader = BufReader::with_capacity(1 << 16, input);
    let stdout = std::io::stdout();
    let out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut sink = match Sink::begin(args.format, out, lang, args.deny_warnings) {
        Ok(sink) => sink,
        Err(e) => return write_error(&e),
    };
    let mut buf = Vec::with_capacity(1 << 14);
    let (mut lines, mut failed, mut unended) = (0u64, 0u64, false);
    while !unended {
        let report = match next_line(&mut reader, &mut buf, MAX_DOCUMENT_BYTES, MAX_SKIPPED_LINE) {
            Ok(Line::End) => break,
            Ok(Line::Read) => crate::case_cmd::validate_bytes(&buf, options),
            Ok(Line::TooLong) => too_large_report(Oversized::Line),
            Ok(Line::Unended) => {
                unended = true;
                too_large_report(Oversized::Line)
            }
            Err(e) => {
                let _ = sink.end(file, Some(lines)).and_then(|mut out| out.flush());
                eprintln!("imy-breach validate: {file}: line {}: {e}", lines + 1);
                return ExitCode::from(EXIT_USAGE);
            }
        };
        lines += 1;
        let fails = !report.is_valid() || (args.deny_warnings && report.warnings().next().is_some());
        failed += u64::from(fails);
        if let Err(e) = sink.document(Doc { file, src: &buf, line: Some(lines), report: &report }) {
            return write_error(&e);
        }
    }
    if let Err(e) = sink.end(file, Some(lines)).and_then(|mut out| out.flush()) {
        return write_error(&e);
    }
    if unended {
        let mib = MAX_SKIPPED_LINE >> 20;
        let note = match lang {
            Lang::Sv => format!("rad {lines}: inget radslut inom {mib} MiB; resten läses inte"),
            _ => format!("line {lines}: no end of line within {mib} MiB; the rest is not read"),
        };
        eprintln!("imy-breach validate: {file}: {note}");
    }
    let summary = match lang {
        Lang::Sv => format!("{lines} rader: {} godkända, {failed} underkända", lines - failed),
        _ => format!("{lines} lines: {} passed, {failed} failed", lines - failed),
    };
    eprintln!("imy-breach validate: {summary}");
    if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// `2 errors, 1 warning` (`2 fel, 1 varning`).
pub fn counts(report: &Report, lang: Lang) -> String {
    let (e, w) = (report.errors().count(), report.warnings().count());
    match lang {
        Lang::Sv => format!("{e} fel, {w} {}", if w == 1 { "varning" } else { "varningar" }),
        _ => format!(
            "{e} {}, {w} {}",
            if e == 1 { "error" } else { "errors" },
            if w == 1 { "warning" } else { "warnings" }
        ),
    }
}

/// `12: valid`, or `12: 1 error, 0 warnings: error /controller/name [required] message | …`.
fn write_line_text(out: &mut impl Write, line: u64, report: &Report, lang: Lang) -> std::io::Result<()> {
    if report.violations.is_empty() {
        let ok = if lang == Lang::Sv { "giltig" } else { "valid" };
        write!(out, "{line}: {ok}")?;
    } else {
        write!(out, "{line}: {}:", counts(report, lang))?;
        for (i, v) in report.violations.iter().enumerate() {
            let at = if v.pointer.is_empty() { "/" } else { v.pointer.as_str() };
            let sep = if i == 0 { " " } else { " | " };
            write!(out, "{sep}{} {at} [{}] {}", v.level.label(lang), v.code, v.message(lang))?;
        }
    }
    if !report.skipped.is_empty() {
        let what = if lang == Lang::Sv {
            "ej kontrollerat utan tidpunkt för inlämning"
        } else {
            "not checked without a submission moment"
        };
        write!(out, " ({what}: {})", report.skipped.join(", "))?;
    }
    out.write_all(b"\n")
}

/// One JSON object per line.
fn write_line_json(out: &mut impl Write, line: u64, report: &Report, lang: Lang) -> std::io::Result<()> {
    let result = LineOutput { line, result: ReportOutput::new(report, lang), skipped: &report.skipped };
    serde_json::to_writer(&mut *out, &result).map_err(std::io::Error::from)?;
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], max: usize, chunk: usize) -> Vec<Result<String, bool>> {
        let mut reader = BufReader::with_capacity(chunk, input);
        let mut buf = Vec::new();
        let mut out = Vec::new();
        loop {
            match next_line(&mut reader, &mut buf, max, 10 * max).unwrap() {
                Line::End => return out,
                Line::Read => out.push(Ok(String::from_utf8_lossy(&buf).into_owned())),
                Line::TooLong => out.push(Err(false)),
                Line::Unended => {
                    out.push(Err(true));
                    return out;
                }
            }
        }
    }

    #[test]
    fn lines_are_split_and_bounded_whatever_the_chunk_size() {
        let input = b"abc\n\r\nlong-long-line\r\n\nlast";
        for chunk in [1, 2, 3, 7, 64] {
            assert_eq!(
                lines(input, 5, chunk),
                [Ok("abc".into()), Ok("".into()), Err(false), Ok("".into()), Ok("last".into())],
                "chunk {chunk}"
            );
        }
        assert_eq!(lines(b"", 5, 8), Vec::<Result<String, bool>>::new());
        assert_eq!(lines(b"\n", 5, 8), [Ok(String::new())]);
        assert_eq!(lines(b"12345\n123456", 5, 2), [Ok("12345".into()), Err(false)]);
        // Up to ten times the limit an over-long line is skipped to its end; beyond, reading stops.
        let mut input = vec![b'x'; 50];
        input.extend_from_slice(b"\nok\n");
        assert_eq!(lines(&input, 5, 4), [Err(false), Ok("ok".into())]);
        let mut input = vec![b'x'; 60];
        input.extend_from_slice(b"\nok\n");
        assert_eq!(lines(&input, 5, 4), [Err(true)]);
    }

    /// A line far over the limit is measured, not held: the buffer stays near the limit whatever
    /// the line's length (constant memory for any input).
    #[test]
    fn an_oversized_line_is_not_held_in_memory() {
        let (max, chunk) = (1000, 64);
        let mut input = vec![b'x'; 100 * max];
        input.extend_from_slice(b"\nshort\n");
        let mut reader = BufReader::with_capacity(chunk, input.as_slice());
        let mut buf = Vec::new();
        assert_eq!(next_line(&mut reader, &mut buf, max, 100 * max).unwrap(), Line::TooLong);
        assert!(buf.capacity() <= 2 * (max + chunk), "buffer grew to {}", buf.capacity());
        assert_eq!(next_line(&mut reader, &mut buf, max, 100 * max).unwrap(), Line::Read);
        assert_eq!(buf, b"short");
    }
}
