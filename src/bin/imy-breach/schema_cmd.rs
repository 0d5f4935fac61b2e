//! `imy-breach schema [--lang sv|en]`

use std::process::ExitCode;

use crate::{LangArg, EXIT_USAGE};

/// Arguments of `schema`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print the Swedish or English variant (titles are the form's question texts and option labels)
    /// instead of the canonical schema.
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
}

pub fn run(args: Args) -> ExitCode {
    let schema = match args.lang {
        None => imy_breach::schema::canonical(),
        Some(l) => imy_breach::schema::localized(l.into()),
    };
    match serde_json::to_string_pretty(&schema) {
        Ok(s) => {
            println!("{s}");
            ExitCode::SUCCESS
        }
        Err(_) => ExitCode::from(EXIT_USAGE),
    }
}
