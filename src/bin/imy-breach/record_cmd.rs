//! `imy-breach record notification RECORD`: prints the notification a breach record prefills (its
//! shared answers, the filing moment and the information to the data subjects, as
//! `BreachRecord::to_notification` gives them), to be completed, validated and filed.
//!
//! Exit codes: 0 printed; 1 RECORD is not a readable record; 2 a usage error or an unreadable file.

use std::process::ExitCode;

use imy_breach::Lang;

use crate::args::GlobalLang;
use crate::io::{print, read_record};

/// Arguments of `record`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to print: `notification`, the notification the record prefills (JSON), to complete
    /// and file with IMY.
    #[arg(value_enum)]
    what: What,
    /// The breach record; `-` reads standard input.
    record: String,
    #[command(flatten)]
    lang: GlobalLang,
}

/// What `record` prints.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum What {
    /// The notification the record prefills.
    Notification,
}

pub fn run(args: Args) -> ExitCode {
    let lang = Lang::from(args.lang.lang);
    match args.what {
        What::Notification => match read_record(&args.record, lang) {
            Ok(r) => print(&(r.to_notification().to_json() + "\n")),
            Err(code) => code,
        },
    }
}
