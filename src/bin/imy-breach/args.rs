//! Arguments shared by several commands.

use clap::ValueEnum;
use imy_breach::deadline::CountingPolicy;
use imy_breach::Lang;

/// The environment variable that gives the language when `--lang` is not given.
pub const LANG_ENV: &str = "IMY_BREACH_LANG";

/// The language of labels and messages: `--lang`, else [`LANG_ENV`], else Swedish. Parsed by
/// [`LangParser`].
#[derive(Debug, Clone, Copy, Default)]
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

/// Parses `--lang` (and [`LANG_ENV`]): `sv` or `en` as a BCP 47 tag, case-insensitively (`EN`,
/// `sv-SE`, `en-GB`; see [`Lang::from_tag`]). Completions offer `sv` and `en`.
#[derive(Debug, Clone, Copy)]
pub struct LangParser;

impl clap::builder::TypedValueParser for LangParser {
    type Value = LangArg;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<LangArg, clap::Error> {
        let tag = value.to_str().unwrap_or_default();
        match Lang::from_tag(tag) {
            Some(Lang::En) => Ok(LangArg::En),
            Some(_) => Ok(LangArg::Sv),
            None => {
                let name = arg.map_or_else(|| "--lang".to_string(), |a| format!("--{}", a.get_id()));
                let shown: String = tag.chars().take(32).filter(|c| !c.is_control()).collect();
                let message = format!(
                    "invalid value '{shown}' for '{name}' (or {LANG_ENV}): expected sv or en, case-insensitive, \
                     also as a BCP 47 tag such as sv-SE or en-GB (väntade sv eller en)\n"
                );
                Err(clap::Error::raw(clap::error::ErrorKind::InvalidValue, message).with_cmd(cmd))
            }
        }
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        let values = [
            clap::builder::PossibleValue::new("sv").help("Swedish (sv-SE, …)"),
            clap::builder::PossibleValue::new("en").help("English (en-GB, …)"),
        ];
        Some(Box::new(values.into_iter()))
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

/// How a period is counted (`validate`: the 72 hours of question 14; `deadline`: every duty).
#[derive(Debug, Clone, Copy, Default, ValueEnum)]
pub enum PolicyArg {
    /// Elapsed time from the minute of the event, nothing moved: the earliest deadline (the
    /// default).
    #[default]
    Elapsed,
    /// The law's deadline, each duty by its own law (Regulation 1182/71: from the next full hour,
    /// day periods moved off weekends and holidays; lag (1930:173) for directives); the same as or
    /// later than `elapsed`.
    #[value(alias = "reg1182")]
    Legal,
}

impl From<PolicyArg> for CountingPolicy {
    fn from(p: PolicyArg) -> CountingPolicy {
        match p {
            PolicyArg::Elapsed => CountingPolicy::Elapsed,
            PolicyArg::Legal => CountingPolicy::Legal,
        }
    }
}

/// `--lang` as a global option of a command with subcommands (`supplement`, `record`).
#[derive(Debug, clap::Args)]
pub struct GlobalLang {
    /// Language of the messages: `sv` or `en` (case-insensitive, also `sv-SE`, `en-GB`); else
    /// the environment variable IMY_BREACH_LANG, else `sv`.
    #[arg(long, env = LANG_ENV, value_parser = LangParser, default_value = "sv", global = true)]
    pub lang: LangArg,
}
