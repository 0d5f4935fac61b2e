//! `imy-breach redact FILE [--lang sv|en] [--keep-contact-persons] [--keep-personal-data-in-text]
//! [--format json|text|markdown]`
//!
//! Prints the copy of a notification a member of the public could receive: fields marked
//! confidential, contact persons' names, e-mail addresses and phone numbers, and personnummer,
//! e-mail addresses and phone numbers inside free text are replaced by markers. The output is a
//! notification (JSON) that still parses and fits the schema, or its rendering. Problems with the
//! confidentiality markings are reported on standard error.
//!
//! Exit codes: 0 printed; 1 the file is not a readable notification; 2 a usage error or an
//! unreadable file.

use std::process::ExitCode;

use imy_breach::redact::{redact, RedactOptions};
use imy_breach::render::{render, RenderOptions};
use imy_breach::{markings_problems, Lang};

use crate::args::{LangArg, LangParser, LANG_ENV};
use crate::io::{print, read_notification};
use crate::render_cmd::RenderFormatArg;

/// Arguments of `redact`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A notification file (JSON); `-` reads standard input.
    file: String,
    /// Language of the markers ("[MASKERAT: …]" or "[REDACTED: …]"), of a rendering and of the
    /// messages.
    /// `sv` or `en`, case-insensitive, also as a BCP 47 tag (`sv-SE`, `en-GB`); when not given,
    /// the environment variable IMY_BREACH_LANG, else `sv`.
    #[arg(long, env = LANG_ENV, value_parser = LangParser, default_value = "sv")]
    lang: LangArg,
    /// Keep the contact persons' names, e-mail addresses and phone numbers.
    #[arg(long)]
    keep_contact_persons: bool,
    /// Keep personnummer, e-mail addresses and phone numbers inside free text.
    #[arg(long)]
    keep_personal_data_in_text: bool,
    /// Print the redacted notification as JSON (the default), or render it.
    #[arg(long, value_enum, default_value_t)]
    format: RedactFormatArg,
}

/// The output of `redact`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
enum RedactFormatArg {
    /// The redacted notification as JSON.
    #[default]
    Json,
    /// Rendered as text.
    Text,
    /// Rendered as Markdown.
    Markdown,
}

pub fn run(args: Args) -> ExitCode {
    let lang = Lang::from(args.lang);
    let n = match read_notification(&args.file, lang) {
        Ok(n) => n,
        Err(code) => return code,
    };
    for p in markings_problems(&n) {
        let what = if lang == Lang::Sv { "varning" } else { "warning" };
        eprintln!("{}: {what} {} [{}]: {}", args.file, p.pointer, p.code, p.message(lang));
    }
    let mut options = RedactOptions::new(lang);
    options.mask_contact_persons = !args.keep_contact_persons;
    options.mask_personal_data_in_text = !args.keep_personal_data_in_text;
    let public = redact(&n, &options);
    let out = match args.format {
        RedactFormatArg::Json => format!("{}\n", public.to_json()),
        RedactFormatArg::Text => render(&public, &RenderOptions::new(lang, RenderFormatArg::Text.into())),
        RedactFormatArg::Markdown => {
            render(&public, &RenderOptions::new(lang, RenderFormatArg::Markdown.into()))
        }
    };
    print(&out)
}
