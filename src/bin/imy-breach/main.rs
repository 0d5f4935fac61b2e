//! `imy-breach`: validate IMY breach notifications, compute their deadlines, render and redact them,
//! print the schema and the rule catalogue, migrate older documents.
//!
//! A file whose top-level `kind` is `"supplement"` is a supplement (komplettering): `validate` and
//! `render` take it as such; `--supplement S` gives the supplements of a notification.
//! `imy-breach`: validate IMY breach notifications, compute their deadlines, assess their risk,
//! render and redact them, print the schema and the rule catalogue.
//!
//! Exit codes: 0 success (every file valid), 1 a file is invalid, 2 a usage error or an unreadable
//! file.

use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};

use crate::io::EXIT_USAGE;

mod args;
mod assess_cmd;
mod case_cmd;
mod deadline_cmd;
mod generate_cmd;
mod io;
mod junit;
mod locate;
mod migrate_cmd;
mod record_cmd;
mod redact_cmd;
mod register_cmd;
mod render_cmd;
mod report_json;
mod rules_cmd;
mod sarif;
mod schema_cmd;
mod shell_cmd;
mod supplement_cmd;
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
    /// Assess the risk of a breach (ENISA's method): the score, each input, and whether to notify
    /// IMY and inform the data subjects — a presumption to weigh.
    Assess(assess_cmd::Args),
    /// The register of breaches (GDPR Art. 33(5)) from breach records: one row per breach as CSV,
    /// JSON or Markdown, or with `--stats` the statistics (text, Markdown, JSON, an HTML page).
    Register(register_cmd::Args),
    /// Print the copy the public could receive: confidential fields and personal data masked.
    Redact(redact_cmd::Args),
    /// Supplements (komplettering): `diff OLD NEW` writes one, `apply BASE S…` applies them.
    Supplement(supplement_cmd::Args),
    /// Write N realistic random notifications as NDJSON, a share of them deliberately invalid.
    Generate(generate_cmd::Args),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions(shell_cmd::CompletionsArgs),
    /// Print the man page, or write every command's page into a folder (`--dir`).
    Man(shell_cmd::ManArgs),
    /// Print a notification of an older schema version (1.0) converted to the current one (1.1).
    Migrate(migrate_cmd::Args),
    /// Work with a breach record: print the notification it prefills.
    Record(record_cmd::Args),
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
        Command::Register(args) => register_cmd::run(args),
        Command::Assess(args) => assess_cmd::run(args),
        Command::Rules(args) => rules_cmd::run(args),
        Command::Generate(args) => generate_cmd::run(args),
        Command::Completions(args) => shell_cmd::completions(args, Cli::command()),
        Command::Man(args) => shell_cmd::man(args, Cli::command()),
        Command::Supplement(args) => supplement_cmd::run(args),
        Command::Migrate(args) => migrate_cmd::run(args),
        Command::Record(args) => record_cmd::run(args),
    }
}
