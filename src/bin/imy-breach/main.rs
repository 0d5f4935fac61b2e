//! `imy-breach`: validate IMY breach notifications, compute their deadlines, render and redact them,
//! print the schema and the rule catalogue.
//!
//! Exit codes: 0 success (every file valid), 1 a file is invalid, 2 a usage error or an unreadable
//! file.

use std::io::Read;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use imy_breach::Lang;

mod deadline_cmd;
mod generate_cmd;
mod redact_cmd;
mod render_cmd;
mod rules_cmd;
mod schema_cmd;
mod validate_cmd;

/// Personal data breach notifications to IMY (GDPR Art. 33): validate them, compute their deadlines,
/// render and redact them, print the JSON Schema and the rule catalogue.
#[derive(Debug, Parser)]
#[command(name = "imy-breach", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check notification files; say what is wrong with each.
    Validate(validate_cmd::Args),
    /// Print the JSON Schema of the notification.
    Schema(schema_cmd::Args),
    /// Print the rule catalogue: every check `validate` makes, with its level and source.
    Rules(rules_cmd::Args),
    /// Show every deadline a breach starts (GDPR, optionally NIS2 and ePrivacy), in Swedish time.
    Deadline(deadline_cmd::Args),
    /// Print a notification as IMY's form, as text or Markdown, in Swedish or English.
    Render(render_cmd::Args),
    /// Print the copy the public could receive: confidential fields and personal data masked.
    Redact(redact_cmd::Args),
    /// Write N realistic random notifications as NDJSON, a share of them deliberately invalid.
    Generate(generate_cmd::Args),
}

/// The language of labels and messages.
#[derive(Debug, Clone, Copy, Default, ValueEnum)]
pub enum LangArg {
    /// Swedish.
    #[default]
    Sv,
    /// English.
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Sv => Lang::Sv,
            LangArg::En => Lang::En,
        }
    }
}

/// Output format.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Readable text.
    #[default]
    Text,
    /// JSON.
    Json,
}

/// Exit code 2: usage error or unreadable input.
pub const EXIT_USAGE: u8 = 2;

/// Reads a file, or standard input for `-`.
pub fn read_input(path: &str) -> std::io::Result<Vec<u8>> {
    if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin().lock().read_to_end(&mut buf)?;
        Ok(buf)
    } else {
        std::fs::read(path)
    }
}

/// Reads a notification for `render` and `redact`. On failure the message is printed and the exit
/// code returned: 2 when the file cannot be read, 1 when it is no readable notification.
pub fn read_notification(file: &str, lang: imy_breach::Lang) -> Result<imy_breach::Notification, ExitCode> {
    use imy_breach::Lang;
    let bytes = read_input(file).map_err(|e| {
        let what = if lang == Lang::Sv { "kan inte läsas" } else { "cannot be read" };
        eprintln!("{file}: {what}: {e}");
        ExitCode::from(EXIT_USAGE)
    })?;
    imy_breach::Notification::from_json_all_errors(&bytes).map_err(|errors| {
        let what =
            if lang == Lang::Sv { "är ingen läsbar anmälan" } else { "is not a readable notification" };
        eprintln!("{file}: {what}");
        for e in errors {
            let at = if e.pointer().is_root() { "/".to_string() } else { e.pointer().to_string() };
            eprintln!("  {at} [{}]: {}", e.code(), e.message(lang));
        }
        ExitCode::from(1)
    })
}

/// Writes a command's output to standard output: exit 0, also when the reader has gone away (a
/// closed pipe, as with `| head`); 2 on another write error.
pub fn print(out: &str) -> ExitCode {
    use std::io::Write;
    match std::io::stdout().lock().write_all(out.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("imy-breach: {e}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_USAGE } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match cli.command {
        Command::Validate(args) => validate_cmd::run(args),
        Command::Schema(args) => schema_cmd::run(args),
        Command::Deadline(args) => deadline_cmd::run(args),
        Command::Render(args) => render_cmd::run(args),
        Command::Redact(args) => redact_cmd::run(args),
        Command::Rules(args) => rules_cmd::run(args),
        Command::Generate(args) => generate_cmd::run(args),
    }
}
