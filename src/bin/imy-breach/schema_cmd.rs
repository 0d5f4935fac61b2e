//! `imy-breach schema [--document notification|record] [--lang sv|en] [--profile canonical|form] [--ui]`

use std::process::ExitCode;

use clap::ValueEnum;
use imy_breach::Lang;

use crate::args::{LangArg, LangParser};
use crate::io::{print, EXIT_USAGE};

/// Arguments of `schema`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Which document's schema: the notification (default) or the breach record.
    #[arg(long, value_enum, default_value_t)]
    document: DocumentArg,
    /// Print the Swedish or English variant (titles are the form's question texts and option labels)
    /// instead of the canonical schema. The form profile is always in one language (default sv).
    /// `sv` or `en`, case-insensitive, also as a BCP 47 tag (`sv-SE`, `en-GB`); not read from
    /// IMY_BREACH_LANG, which would turn the canonical schema into a localized one.
    #[arg(long, value_parser = LangParser)]
    lang: Option<LangArg>,
    /// `canonical`: the validation contract. `form`: the same model shaped for form renderers
    /// (react-jsonschema-form).
    #[arg(long, value_enum, default_value_t)]
    profile: Profile,
    /// With `--profile form`: print the uiSchema for react-jsonschema-form instead of the schema.
    #[arg(long, requires = "profile")]
    ui: bool,
}

/// Which document kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum DocumentArg {
    /// The notification to IMY.
    #[default]
    Notification,
    /// The breach record (GDPR Art. 33(5) documentation).
    Record,
}

/// Which schema.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum Profile {
    /// The validation contract.
    #[default]
    Canonical,
    /// Shaped for form renderers.
    Form,
}

pub fn run(args: Args) -> ExitCode {
    let schema = match (args.document, args.profile, args.lang, args.ui) {
        (DocumentArg::Record, Profile::Canonical, None, false) => imy_breach::record_schema::canonical(),
        (DocumentArg::Record, Profile::Canonical, Some(l), false) => {
            imy_breach::record_schema::localized(l.into())
        }
        (DocumentArg::Record, _, _, _) => {
            eprintln!("imy-breach: the record has only the canonical profile (no --profile form, no --ui)");
            return ExitCode::from(EXIT_USAGE);
        }
        (DocumentArg::Notification, profile, lang, ui) => match (profile, lang, ui) {
            (Profile::Canonical, _, true) => {
                eprintln!("imy-breach: --ui goes with --profile form");
                return ExitCode::from(EXIT_USAGE);
            }
            (Profile::Canonical, None, false) => imy_breach::schema::canonical(),
            (Profile::Canonical, Some(l), false) => imy_breach::schema::localized(l.into()),
            (Profile::Form, l, false) => imy_breach::form_profile::profile(l.map_or(Lang::Sv, Lang::from)),
            (Profile::Form, l, true) => imy_breach::form_profile::ui_schema(l.map_or(Lang::Sv, Lang::from)),
        },
    };
    match serde_json::to_string_pretty(&schema) {
        Ok(s) => print(&format!("{s}\n")),
        Err(_) => ExitCode::from(EXIT_USAGE),
    }
}
