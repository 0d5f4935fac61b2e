//! Arguments shared by several commands.

use clap::ValueEnum;
use imy_breach::deadline::CountingPolicy;
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
