//! `imy-breach migrate FILE [--lang sv|en]`
//!
//! Reads a notification of any schema version this crate reads (1.0, 1.1) and prints it converted
//! to the current version (1.1), as JSON in form order. Migration converts; it does not validate
//! (`imy-breach validate` does).
//!
//! Exit codes: 0 printed; 1 the file is not a readable notification, or it uses an answer its own
//! version does not have (the problems go to standard error, each with its pointer); 2 a usage error
//! or an unreadable file.

use std::process::ExitCode;

use imy_breach::{migrate_notification, Lang};

use crate::args::{LangArg, LangParser, LANG_ENV};
use crate::io::{print, read_notification};

/// Arguments of `migrate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A notification file (JSON); `-` reads standard input.
    file: String,
    /// Language of the messages: `sv` or `en` (case-insensitive, also `sv-SE`, `en-GB`); else
    /// the environment variable IMY_BREACH_LANG, else `sv`.
    #[arg(long, env = LANG_ENV, value_parser = LangParser, default_value = "sv")]
    lang: LangArg,
}

pub fn run(args: Args) -> ExitCode {
    let lang = Lang::from(args.lang);
    let n = match read_notification(&args.file, lang) {
        Ok(n) => n,
        Err(code) => return code,
    };
    match migrate_notification(n) {
        Ok(n) => print(&format!("{}\n", n.to_json())),
        Err(e) => {
            let what = match lang {
                Lang::Sv => "kan inte migreras",
                _ => "cannot be migrated",
            };
            eprintln!("{}: {what}", args.file);
            for line in e.message(lang).lines() {
                eprintln!("  {line} [{}]", e.code());
            }
            ExitCode::from(1)
        }
    }
}
