//! `imy-breach assess FILE [--inputs FILE.json] [--lang sv|en] [--format text|json]`
//!
//! Assesses the risk of a breach by ENISA's method (or carries the controller's own conclusion
//! through) and prints the score, the band, each input with its effect, the facts weighed after
//! the score, the recommendation (notify IMY, inform the data subjects, document only) and the
//! explanation. FILE is a breach record (`"kind": "breach_record"`: its facts, its `assessment` and
//! the Art. 34(3) ground it decided on, as `assessment::assess_record` reads them), an "assessment
//! case" (`{"notification": {…}, "assessment": {…}}`), or, with `--inputs`, a notification and the
//! assessment's inputs (a `RiskAssessment`) in a file of their own. JSON carries both languages.
//!
//! Exit codes: 0 printed; 1 a file is not a readable record, case, notification or assessment, or
//! the record has no assessment; 2 a usage error or an unreadable file.

use std::fmt::Write as _;
use std::process::ExitCode;

use imy_breach::assessment::{assess, assess_record, Assessment, AssessmentCase, Effect};
use imy_breach::{is_record_json, BreachRecord, Choice, Lang};

use crate::args::{FormatArg, LangArg, LangParser, LANG_ENV};
use crate::io::{
    parse_document, print, read_bounded, read_notification, too_large, too_large_code, Oversized, EXIT_USAGE,
};

/// Arguments of `assess`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// A breach record with an `assessment`, an assessment case (JSON: `notification` and
    /// `assessment`), or with `--inputs` a notification; `-` reads standard input.
    file: String,
    /// The assessment's inputs (JSON, a risk assessment: `enisa` or `ownMethod`, `conclusion`…);
    /// FILE is then a notification.
    #[arg(long, value_name = "FILE.json")]
    inputs: Option<String>,
    /// Language of the text output and the messages (JSON carries both languages).
    /// `sv` or `en`, case-insensitive, also as a BCP 47 tag (`sv-SE`, `en-GB`); else the
    /// environment variable IMY_BREACH_LANG, else `sv`.
    #[arg(long, env = LANG_ENV, value_parser = LangParser, default_value = "sv")]
    lang: LangArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: FormatArg,
}

pub fn run(args: Args) -> ExitCode {
    let lang = Lang::from(args.lang);
    let a = match read(&args, lang) {
        Ok(a) => a,
        Err(code) => return code,
    };
    match args.format {
        FormatArg::Json => match serde_json::to_string_pretty(&a) {
            Ok(json) => print(&(json + "\n")),
            Err(e) => {
                eprintln!("imy-breach assess: {e}");
                ExitCode::from(1)
            }
        },
        FormatArg::Text => print(&text(&a, lang)),
    }
}

/// Reads the file, or `file` and `--inputs`, and assesses it, or says why not.
fn read(args: &Args, lang: Lang) -> Result<Assessment, ExitCode> {
    let Some(inputs) = &args.inputs else {
        let bytes = bytes(&args.file, lang)?;
        if is_record_json(&bytes) {
            return record(&args.file, &bytes, lang);
        }
        return AssessmentCase::from_slice(&bytes).map(|c| assess(&c.notification, &c.assessment)).map_err(
            |e| {
                eprintln!("{}: {}", args.file, e.message(lang));
                ExitCode::from(1)
            },
        );
    };
    if inputs == "-" && args.file == "-" {
        eprintln!("imy-breach assess: FILE and --inputs cannot both be standard input");
        return Err(ExitCode::from(EXIT_USAGE));
    }
    let n = read_notification(&args.file, lang)?;
    let bytes = bytes(inputs, lang)?;
    let sv = ("är ingen läsbar riskbedömning", "is not a readable risk assessment");
    let inputs =
        serde_json::from_slice(&bytes).map_err(|e| refuse(inputs, &format!("{}: {e}", said(sv, lang))))?;
    Ok(assess(&n, &inputs))
}

/// Assesses a breach record, or says why it cannot be (unreadable, or without an assessment).
fn record(file: &str, bytes: &[u8], lang: Lang) -> Result<Assessment, ExitCode> {
    let what = if lang == Lang::Sv { "är ingen läsbar dokumentation" } else { "is not a readable record" };
    let r = parse_document(file, bytes, lang, what, BreachRecord::from_json_all_errors)?;
    let none = (
        "/assessment: dokumentationen har ingen riskbedömning",
        "/assessment: the record has no risk assessment",
    );
    assess_record(&r).ok_or_else(|| refuse(file, said(none, lang)))
}

/// The Swedish or the English of a message.
fn said<'a>((sv, en): (&'a str, &'a str), lang: Lang) -> &'a str {
    if lang == Lang::Sv {
        sv
    } else {
        en
    }
}

/// Prints that `file` cannot be assessed and why: exit code 1.
fn refuse(file: &str, why: &str) -> ExitCode {
    eprintln!("{file}: {why}");
    ExitCode::from(1)
}

fn bytes(file: &str, lang: Lang) -> Result<Vec<u8>, ExitCode> {
    match read_bounded(file) {
        Ok(Some(bytes)) => Ok(bytes),
        Ok(None) => {
            eprintln!("{file}: / [{}]: {}", too_large_code(), too_large(Oversized::Document).get(lang));
            Err(ExitCode::from(1))
        }
        Err(e) => {
            let what = if lang == Lang::Sv { "kan inte läsas" } else { "cannot be read" };
            eprintln!("{file}: {what}: {e}");
            Err(ExitCode::from(EXIT_USAGE))
        }
    }
}

fn yes(b: bool, lang: Lang) -> &'static str {
    match (b, lang) {
        (true, Lang::Sv) => "ja",
        (false, Lang::Sv) => "nej",
        (true, _) => "yes",
        (false, _) => "no",
    }
}

fn effect(e: Effect, lang: Lang) -> String {
    match e {
        Effect::Base(b) => format!("= {b}"),
        Effect::Step(s) => format!("{s:+}"),
        Effect::Factor(f) => format!("× {}", f.written(lang)),
        Effect::Adds(p) => format!("+ {}", p.written(lang)),
        _ => String::new(),
    }
}

/// The assessment as text in `lang`.
fn text(a: &Assessment, lang: Lang) -> String {
    let sv = lang == Lang::Sv;
    let mut out = String::new();
    let _ = writeln!(out, "{}: {}", if sv { "Metod" } else { "Method" }, a.method.label(lang));
    if let Some(s) = &a.severity {
        match (s.score, s.band) {
            (Some(score), Some(band)) => {
                let _ = writeln!(
                    out,
                    "{}: {} ({})",
                    if sv { "Poäng" } else { "Score" },
                    score.written(lang),
                    band.label(lang)
                );
            }
            _ => {
                let _ = writeln!(
                    out,
                    "{}: {}–{}",
                    if sv { "Poäng (intervall)" } else { "Score (range)" },
                    s.min.written(lang),
                    s.max.written(lang)
                );
            }
        }
    }
    let _ = writeln!(out, "{}:", if sv { "Indata" } else { "Inputs" });
    for i in &a.inputs {
        let _ = writeln!(out, "  {:<8} {}", effect(i.effect, lang), i.explanation.get(lang));
    }
    for m in &a.missing {
        let _ = writeln!(out, "  {:<8} {}", if sv { "saknas" } else { "missing" }, m.label(lang));
    }
    if !a.weighed.is_empty() {
        let _ = writeln!(out, "{}:", if sv { "Vägs efter poängen" } else { "Weighed after the score" });
        for w in &a.weighed {
            let _ = writeln!(out, "  {}", w.note.get(lang));
        }
    }
    let r = &a.recommendation;
    let _ =
        writeln!(out, "{}:", if sv { "Rekommendation (presumtion)" } else { "Recommendation (presumption)" });
    let rows = [
        (if sv { "Risknivå" } else { "Risk level" }, r.risk.label(lang).to_owned()),
        (if sv { "Anmäl till IMY" } else { "Notify IMY" }, yes(r.notify_authority, lang).to_owned()),
        (
            if sv { "Informera de registrerade" } else { "Inform the data subjects" },
            yes(r.inform_data_subjects, lang).to_owned(),
        ),
        (if sv { "Gränsfall" } else { "Borderline" }, yes(r.borderline, lang).to_owned()),
    ];
    for (k, v) in rows {
        let _ = writeln!(out, "  {k}: {v}");
    }
    if let Some(g) = r.art34_ground {
        let _ = writeln!(out, "  {}: {}", if sv { "Undantag" } else { "Exemption" }, g.label(lang));
    }
    let _ = writeln!(out, "{}:", if sv { "Förklaring" } else { "Explanation" });
    let _ = writeln!(out, "  {}", a.explanation.get(lang));
    out
}
