//! `imy-breach supplement diff OLD NEW [--submitted-at RFC3339]`: prints the supplement that turns
//! the notification OLD (as filed) into NEW.
//!
//! `imy-breach supplement apply BASE S… [--provenance]`: prints the notification BASE with the
//! supplements S applied in order; with `--provenance`, `{"notification": …, "provenance": […]}`,
//! which says for each answer which filing gave it and when.
//!
//! Exit codes: 0 printed; 1 a document is not readable, or the supplements do not fit the
//! notification; 2 a usage error or an unreadable file.

use std::process::ExitCode;

use imy_breach::case::{apply, diff, CaseError};
use imy_breach::{Lang, Timestamp};

use crate::args::GlobalLang;
use crate::case_cmd::read_case;
use crate::io::{print, read_notification, EXIT_USAGE};

/// Arguments of `supplement`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    command: Command,
    #[command(flatten)]
    lang: GlobalLang,
}

#[derive(Debug, clap::Subcommand)]
enum Command {
    /// Print the supplement that turns the filed notification OLD into NEW.
    Diff {
        /// The notification as filed (it must have submittedAt).
        old: String,
        /// The notification as it should now stand.
        new: String,
        /// When the supplement is filed, RFC 3339 (default: NEW's submittedAt).
        #[arg(long, value_name = "RFC3339")]
        submitted_at: Option<String>,
    },
    /// Print the notification BASE with the supplements applied, in order.
    Apply {
        /// The notification as filed.
        base: String,
        /// The supplements, in the order filed.
        #[arg(required = true)]
        supplements: Vec<String>,
        /// Print `{"notification", "provenance"}`: which filing gave each answer, and when.
        #[arg(long)]
        provenance: bool,
    },
}

fn case_error(e: &CaseError, lang: Lang) -> ExitCode {
    let sv = match e {
        CaseError::NotFiled => {
            "anmälan saknar submittedAt: bara en inlämnad anmälan kan kompletteras".to_string()
        }
        CaseError::OtherNotification { index } => {
            format!("komplettering {} gäller en annan anmälan", index + 1)
        }
        _ => e.to_string(),
    };
    let message = if lang == Lang::Sv { sv } else { e.to_string() };
    eprintln!("imy-breach supplement: {message}");
    ExitCode::from(1)
}

pub fn run(args: Args) -> ExitCode {
    let lang = Lang::from(args.lang.lang);
    match args.command {
        Command::Diff { old, new, submitted_at } => {
            let (old, new) = match (read_notification(&old, lang), read_notification(&new, lang)) {
                (Ok(o), Ok(n)) => (o, n),
                (Err(code), _) | (_, Err(code)) => return code,
            };
            let own = new.submitted_at.filter(|t| Some(*t) != old.submitted_at);
            let at = match (submitted_at.as_deref().map(Timestamp::parse), own) {
                (Some(Ok(t)), _) | (None, Some(t)) => t,
                (Some(Err(_)), _) | (None, None) => {
                    let msg = match lang {
                        Lang::Sv => "--submitted-at: ange när kompletteringen lämnas (RFC 3339), eller ge NEW ett eget submittedAt",
                        _ => "--submitted-at: give when the supplement is filed (RFC 3339), or give NEW its own submittedAt",
                    };
                    eprintln!("imy-breach supplement diff: {msg}");
                    return ExitCode::from(EXIT_USAGE);
                }
            };
            match diff(&old, &new, at) {
                Ok(s) => print(&format!("{}\n", s.to_json())),
                Err(e) => case_error(&e, lang),
            }
        }
        Command::Apply { base, supplements, provenance } => {
            let (n, supps) = match read_case(&base, &supplements, lang) {
                Ok(c) => c,
                Err(code) => return code,
            };
            match apply(&n, &supps) {
                Ok(state) if provenance => {
                    print(&format!("{}\n", serde_json::to_string_pretty(&state).unwrap_or_default()))
                }
                Ok(state) => print(&format!("{}\n", state.notification.to_json())),
                Err(e) => case_error(&e, lang),
            }
        }
    }
}
