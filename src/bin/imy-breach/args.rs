//! Arguments shared by several commands.

use clap::ValueEnum;
use imy_breach::Lang;

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
