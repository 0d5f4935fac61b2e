//! `imy-breach register FILE|DIR… [--format csv|json|markdown] [--lang sv|en] [--stats]`
//!
//! The register of breaches (GDPR Art. 33(5)): one row per breach record
//! ([`imy_breach::register::Row`], its columns in [`imy_breach::register::COLUMNS`]), or with
//! `--stats` the statistics over them (text, Markdown, JSON, or an HTML page with charts).
//!
//! Inputs: a `.ndjson` file is one record a line; any other file is one JSON record; a folder
//! gives its `*.json` and `*.ndjson` files sorted by name, not its subfolders (a register is one
//! folder; `tests/` and archives below it stay out); `-` is NDJSON on standard input. Each
//! document or line is read through the size limit of `validate` and the rows are written as they
//! are read, so memory stays bounded whatever the input; `--stats` keeps only counters and the
//! delays (numbers).
//!
//! CSV: UTF-8 with a byte-order mark (Excel reads UTF-8 CSV correctly only with it; `--no-bom`
//! leaves it out), one header row, RFC 4180 quoting and CRLF line ends. The separator is `;` with
//! `--lang sv` (Swedish Excel's list separator, since the decimal separator is a comma) and `,` with
//! `--lang en`; `--delimiter` overrides. A cell that begins with `=`, `+`, `-` or `@` is prefixed
//! with `'`, so that a spreadsheet does not run it as a formula.
//!
//! Records that fail validation are listed all the same, with the number of their errors and
//! warnings (and, in JSON, the problems); the problems also go to standard error.
//!
//! Exit codes: 0 every record valid; 1 a record has a validation error; 2 a usage error or an
//! input that cannot be read (the other inputs are still listed).

use std::io::{BufReader, BufWriter, Write};
use std::process::ExitCode;

use imy_breach::register::{html_page, Row, Stats, COLUMNS};
use imy_breach::{Lang, Level, Report, ValidationOptions, Violation, MAX_DOCUMENT_BYTES};

use crate::args::{LangArg, LangParser, LANG_ENV};
use crate::io::{open, read_bounded, too_large, too_large_code, write_failed, Oversized, EXIT_USAGE};
use crate::validate_cmd::{next_line, Line, MAX_SKIPPED_LINE};

/// Arguments of `register`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Breach records: JSON files, NDJSON files (`.ndjson`, one record a line), folders (their
    /// `*.json` and `*.ndjson`, sorted, not recursive), or `-` for NDJSON on standard input.
    #[arg(required = true, value_name = "FILE|DIR")]
    inputs: Vec<String>,
    /// Output format: `csv` (the default), `json` or `markdown`; with `--stats` `text` (the
    /// default), `json`, `markdown` or `html` (a page with charts).
    #[arg(long, value_enum)]
    format: Option<RegisterFormat>,
    /// Language of the headers, labels and messages: `sv` or `en` (also `sv-SE`, `en-GB`); else
    /// IMY_BREACH_LANG, else `sv`.
    #[arg(long, env = LANG_ENV, value_parser = LangParser, default_value = "sv")]
    lang: LangArg,
    /// Print the statistics instead of the rows.
    #[arg(long)]
    stats: bool,
    /// The CSV separator: `;` (default with `--lang sv`), `,` (default with `--lang en`) or `tab`.
    #[arg(long, value_parser = parse_delimiter)]
    delimiter: Option<u8>,
    /// Leave out the byte-order mark before the CSV (for tools other than Excel).
    #[arg(long)]
    no_bom: bool,
}

/// The formats of `register`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum RegisterFormat {
    /// CSV for spreadsheets (rows only).
    Csv,
    /// JSON.
    Json,
    /// Markdown tables.
    Markdown,
    /// Readable text (statistics only).
    Text,
    /// A self-contained HTML page with charts (statistics only).
    Html,
}

fn parse_delimiter(s: &str) -> Result<u8, String> {
    match s {
        ";" => Ok(b';'),
        "," => Ok(b','),
        "tab" | "\t" => Ok(b'\t'),
        _ => Err("expected ';', ',' or 'tab' (väntade ';', ',' eller 'tab')".into()),
    }
}

pub fn run(args: Args) -> ExitCode {
    let lang = Lang::from(args.lang);
    let format = match (args.format, args.stats) {
        (None, false) => RegisterFormat::Csv,
        (None, true) => RegisterFormat::Text,
        (Some(RegisterFormat::Text | RegisterFormat::Html), false) => {
            eprintln!("imy-breach register: --format text and html need --stats (kräver --stats)");
            return ExitCode::from(EXIT_USAGE);
        }
        (Some(RegisterFormat::Csv), true) => {
            eprintln!("imy-breach register: --stats has no csv format (--stats har inget csv-format)");
            return ExitCode::from(EXIT_USAGE);
        }
        (Some(f), _) => f,
    };
    let delimiter = args.delimiter.unwrap_or(if lang == Lang::En { b',' } else { b';' });
    let stdout = std::io::stdout();
    let mut out = Out {
        w: BufWriter::with_capacity(1 << 16, stdout.lock()),
        format: if args.stats { None } else { Some(format) },
        lang,
        delimiter,
        stats: args.stats.then(Stats::new),
        rows: 0,
        invalid: 0,
    };
    let written = out.begin(!args.no_bom).and_then(|()| {
        let mut unreadable = false;
        for input in &args.inputs {
            unreadable |= read_input(input, &mut out)?;
        }
        Ok(unreadable)
    });
    let unreadable = match written.and_then(|u| out.end(format).map(|()| u)) {
        Ok(u) => u,
        Err(e) => return write_failed(&e),
    };
    if unreadable {
        ExitCode::from(EXIT_USAGE)
    } else if out.invalid > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Where the rows go: written at once, or counted into the statistics.
struct Out<W: Write> {
    w: W,
    /// The rows' format; `None` with `--stats`.
    format: Option<RegisterFormat>,
    lang: Lang,
    delimiter: u8,
    stats: Option<Stats>,
    rows: u64,
    invalid: u64,
}

impl<W: Write> Out<W> {
    fn begin(&mut self, bom: bool) -> std::io::Result<()> {
        let header: Vec<String> = COLUMNS.iter().map(|c| c.name(self.lang).to_owned()).collect();
        match self.format {
            Some(RegisterFormat::Csv) => {
                if bom {
                    self.w.write_all("\u{feff}".as_bytes())?;
                }
                csv_line(&mut self.w, &header, self.delimiter)
            }
            Some(RegisterFormat::Markdown) => {
                markdown_line(&mut self.w, &header)?;
                writeln!(self.w, "|{}", "---|".repeat(COLUMNS.len()))
            }
            Some(RegisterFormat::Json) => self.w.write_all(b"{\"rows\": [\n"),
            _ => Ok(()),
        }
    }

    fn row(&mut self, row: Row) -> std::io::Result<()> {
        if row.errors > 0 || row.warnings > 0 {
            report_problems(&row, self.lang);
        }
        self.invalid += u64::from(row.errors > 0);
        if let Some(stats) = &mut self.stats {
            stats.add(&row);
            self.rows += 1;
            return Ok(());
        }
        match self.format {
            Some(RegisterFormat::Csv) => csv_line(&mut self.w, &row.cells(self.lang), self.delimiter)?,
            Some(RegisterFormat::Markdown) => markdown_line(&mut self.w, &row.cells(self.lang))?,
            Some(RegisterFormat::Json) => {
                if self.rows > 0 {
                    self.w.write_all(b",\n")?;
                }
                serde_json::to_writer(&mut self.w, &row)?;
            }
            _ => {}
        }
        self.rows += 1;
        Ok(())
    }

    fn end(&mut self, format: RegisterFormat) -> std::io::Result<()> {
        match (&self.stats, format) {
            (None, RegisterFormat::Json) => {
                writeln!(self.w, "\n], \"records\": {}, \"invalid\": {}}}", self.rows, self.invalid)?
            }
            (Some(stats), RegisterFormat::Json) => {
                serde_json::to_writer_pretty(&mut self.w, &stats.summary())?;
                self.w.write_all(b"\n")?;
            }
            (Some(stats), RegisterFormat::Html) => {
                self.w.write_all(html_page(stats, self.lang).as_bytes())?
            }
            (Some(stats), f) => self
                .w
                .write_all(stats.summary().write(self.lang, f == RegisterFormat::Markdown).as_bytes())?,
            _ => {}
        }
        self.w.flush()
    }
}

/// Writes the problems of an invalid record to standard error (codes, pointers and messages, never
/// the record's values).
fn report_problems(row: &Row, lang: Lang) {
    let (e, w) = if lang == Lang::En { ("errors", "warnings") } else { ("fel", "varningar") };
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{}: {e}: {}, {w}: {}", row.source, row.errors, row.warnings);
    for v in &row.problems {
        let at = if v.pointer.is_empty() { "/" } else { &v.pointer };
        let level = match (v.level, lang) {
            (Level::Error, Lang::En) => "error",
            (Level::Error, _) => "fel",
            (_, Lang::En) => "warning",
            _ => "varning",
        };
        let _ = writeln!(err, "  {level} {at} [{}]: {}", v.code, v.message(lang));
    }
}

/// Reads one input, giving each record's row to `out`: `Ok(true)` when (part of) it could not be
/// read (reported on standard error).
fn read_input<W: Write>(input: &str, out: &mut Out<W>) -> std::io::Result<bool> {
    let unreadable = |e: &dyn std::fmt::Display| {
        let what = if out.lang == Lang::En { "cannot be read" } else { "kan inte läsas" };
        eprintln!("imy-breach register: {input}: {what}: {e}");
        Ok(true)
    };
    if input == "-" {
        return read_ndjson(input, out);
    }
    let path = std::path::Path::new(input);
    if path.is_dir() {
        let entries = match std::fs::read_dir(path) {
            Ok(entries) => entries,
            Err(e) => return unreadable(&e),
        };
        let mut files: Vec<std::path::PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.is_file() && matches!(p.extension().and_then(|x| x.to_str()), Some("json" | "ndjson"))
            })
            .collect();
        files.sort();
        let mut any = false;
        for file in files {
            any |= read_input(&file.to_string_lossy(), out)?;
        }
        return Ok(any);
    }
    if path.extension().is_some_and(|x| x == "ndjson") {
        return read_ndjson(input, out);
    }
    match read_bounded(input) {
        Ok(Some(bytes)) => out.row(Row::read(input, &bytes, &ValidationOptions::new()))?,
        Ok(None) => out.row(too_large_row(input.to_owned(), Oversized::Document))?,
        Err(e) => return unreadable(&e),
    }
    Ok(false)
}

/// A row for a document or line over the size limit: nothing read, one error.
fn too_large_row(source: String, what: Oversized) -> Row {
    let v = Violation {
        pointer: String::new(),
        code: too_large_code(),
        level: Level::Error,
        message: too_large(what),
    };
    Row::new(source, None, Report { violations: vec![v], skipped: Vec::new() })
}

/// Reads NDJSON, one record a line (blank lines skipped), each line through the size limit.
fn read_ndjson<W: Write>(input: &str, out: &mut Out<W>) -> std::io::Result<bool> {
    let reader = match open(input) {
        Ok(r) => r,
        Err(e) => {
            let what = if out.lang == Lang::En { "cannot be read" } else { "kan inte läsas" };
            eprintln!("imy-breach register: {input}: {what}: {e}");
            return Ok(true);
        }
    };
    let mut reader = BufReader::with_capacity(1 << 16, reader);
    let mut buf = Vec::with_capacity(1 << 14);
    let mut line = 0u64;
    loop {
        line += 1;
        let source = || format!("{input}:{line}");
        match next_line(&mut reader, &mut buf, MAX_DOCUMENT_BYTES, MAX_SKIPPED_LINE) {
            Ok(Line::End) => return Ok(false),
            Ok(Line::Read) if buf.iter().all(u8::is_ascii_whitespace) => {}
            Ok(Line::Read) => out.row(Row::read(source(), &buf, &ValidationOptions::new()))?,
            Ok(Line::TooLong) => out.row(too_large_row(source(), Oversized::Line))?,
            Ok(Line::Unended) => {
                out.row(too_large_row(source(), Oversized::Line))?;
                return Ok(true);
            }
            Err(e) => {
                eprintln!("imy-breach register: {input}: line {line}: {e}");
                return Ok(true);
            }
        }
    }
}

/// One CSV line (RFC 4180): a cell with the separator, a quote or a line break is quoted, its
/// quotes doubled; a cell that a spreadsheet would run as a formula is prefixed with `'`.
fn csv_line(w: &mut impl Write, cells: &[String], delimiter: u8) -> std::io::Result<()> {
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            w.write_all(&[delimiter])?;
        }
        let formula = cell.starts_with(['=', '+', '-', '@']);
        let cell = if formula { format!("'{cell}") } else { cell.clone() };
        if cell.bytes().any(|b| b == delimiter || b == b'"' || b == b'\n' || b == b'\r') {
            write!(w, "\"{}\"", cell.replace('"', "\"\""))?;
        } else {
            w.write_all(cell.as_bytes())?;
        }
    }
    w.write_all(b"\r\n")
}

/// One Markdown table row: `|` escaped, line breaks as spaces.
fn markdown_line(w: &mut impl Write, cells: &[String]) -> std::io::Result<()> {
    w.write_all(b"|")?;
    for cell in cells {
        let cell = cell.replace('|', "\\|").replace(['\r', '\n'], " ");
        write!(w, " {cell} |")?;
    }
    w.write_all(b"\n")
}
