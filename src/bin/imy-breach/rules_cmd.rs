//! `imy-breach rules [--lang sv|en] [--format text|json|markdown]`: the rule catalogue.

use std::process::ExitCode;

use imy_breach::validation::{catalogue_json, catalogue_markdown, RULES};
use imy_breach::Lang;

use crate::args::{LangArg, LangParser, LANG_ENV};
use crate::io::print;

/// Arguments of `rules`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Language of the descriptions.
    /// `sv` or `en`, case-insensitive, also as a BCP 47 tag (`sv-SE`, `en-GB`); when not given,
    /// the environment variable IMY_BREACH_LANG, else `sv`.
    #[arg(long, env = LANG_ENV, value_parser = LangParser, default_value = "sv")]
    lang: LangArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: RulesFormat,
}

/// Output format of `rules`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
enum RulesFormat {
    /// Readable text, one block per rule.
    #[default]
    Text,
    /// JSON: the rules and the table of required answers.
    Json,
    /// A Markdown table.
    Markdown,
}

pub fn run(args: Args) -> ExitCode {
    let lang = Lang::from(args.lang);
    let text = match args.format {
        RulesFormat::Markdown => catalogue_markdown(lang),
        RulesFormat::Json => json(lang),
        RulesFormat::Text => text(lang),
    };
    print(&text)
}

fn text(lang: Lang) -> String {
    let (schema, moment, source) = match lang {
        Lang::Sv => ("i schemat", "kräver tidpunkt för inlämning", "Källa"),
        _ => ("in the schema", "needs the submission moment", "Source"),
    };
    let mut out = String::new();
    for r in RULES {
        let mut tags = vec![r.kind.code()];
        if r.in_schema {
            tags.push(schema);
        }
        if r.needs_submission_moment {
            tags.push(moment);
        }
        out.push_str(&format!("{} ({}; {})\n", r.code, r.level.label(lang), tags.join(", ")));
        out.push_str(&format!("  {}\n  {source}: {}\n", r.checks(lang), r.source(lang)));
    }
    out
}

fn json(lang: Lang) -> String {
    format!("{}\n", serde_json::to_string_pretty(&catalogue_json(lang)).unwrap_or_default())
}
