//! `imy-breach render FILE [--lang sv|en] [--format text|markdown] [--summary] [--now RFC3339]`
//!
//! Prints a notification as IMY's form: sections, numbered questions, labels and the chosen
//! options' labels, unanswered questions marked. `--summary` adds a header with the deadlines at
//! `--now` (default: the current time) and the validation result.
//!
//! Exit codes: 0 printed; 1 the file is not a readable notification (the problems go to standard
//! error); 2 a usage error or an unreadable file.

use std::process::ExitCode;

use imy_breach::render::{render, Format, RenderOptions, Summary};
use imy_breach::Lang;
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use crate::args::{LangArg, LangParser, LANG_ENV};
use crate::io::{print, read_notification, EXIT_USAGE};

/// Arguments of `render`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A notification file (JSON); `-` reads standard input.
    file: String,
    /// Language of the labels and options.
    /// `sv` or `en`, case-insensitive, also as a BCP 47 tag (`sv-SE`, `en-GB`); when not given,
    /// the environment variable IMY_BREACH_LANG, else `sv`.
    #[arg(long, env = LANG_ENV, value_parser = LangParser, default_value = "sv")]
    lang: LangArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: RenderFormatArg,
    /// Add a header with the deadlines and the validation result.
    #[arg(long)]
    summary: bool,
    /// A supplement of FILE (repeatable, in the order filed): the notification is rendered as it
    /// now stands, each supplemented answer marked "kompletterat YYYY-MM-DD". A FILE that is itself
    /// a supplement (`"kind": "supplement"`) is rendered alone: only the questions it supplements.
    #[arg(long = "supplement", value_name = "S")]
    supplements: Vec<String>,
    /// The moment to judge the deadlines at, RFC 3339 (default: the current time). Only with
    /// `--summary`.
    #[arg(long, value_name = "RFC3339", requires = "summary")]
    now: Option<String>,
}

/// The output format of `render` and `redact --format`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum RenderFormatArg {
    /// Plain text, laid out like the e-service's copy.
    #[default]
    Text,
    /// Markdown.
    Markdown,
}

impl From<RenderFormatArg> for Format {
    fn from(f: RenderFormatArg) -> Format {
        match f {
            RenderFormatArg::Text => Format::Text,
            RenderFormatArg::Markdown => Format::Markdown,
        }
    }
}

pub fn run(args: Args) -> ExitCode {
    let lang = Lang::from(args.lang);
    if let Some(code) = crate::case_cmd::render_case(&args.file, &args.supplements, lang, args.format.into())
    {
        return code;
    }
    let n = match read_notification(&args.file, lang) {
        Ok(n) => n,
        Err(code) => return code,
    };
    let mut options = RenderOptions::new(lang, args.format.into());
    if args.summary {
        let now = match args.now.as_deref().map(|t| OffsetDateTime::parse(t, &Rfc3339)) {
            None => OffsetDateTime::now_utc(),
            Some(Ok(t)) => t,
            Some(Err(_)) => {
                let msg = match lang {
                    Lang::Sv => {
                        "--now: ingen tidpunkt enligt RFC 3339 (till exempel 2025-03-31T09:00:00+02:00)"
                    }
                    _ => "--now: not an RFC 3339 timestamp (for example 2025-03-31T09:00:00+02:00)",
                };
                eprintln!("{msg}");
                return ExitCode::from(EXIT_USAGE);
            }
        };
        options = options.with_summary(Summary::compute(&n, now));
    }
    print(&render(&n, &options))
}
