//! `imy-breach deadline (FILE | --aware "YYYY-MM-DD HH:MM") [--now RFC3339] [--policy elapsed|legal]
//! [--regime nis2|eprivacy|dora|eidas|cer|cra|ai_act]... [--processor-window HOURS]
//! [--processor-aware "YYYY-MM-DD HH:MM"] [--ongoing] [--handled T] [--classified-major T]
//! [--fix-available T] [--ai-severity serious|death|widespread]
//! [--submitted RFC3339] [--lang sv|en] [--format text|json]`
//!
//! Exit codes: 0 the deadlines were printed; 1 the file is not a readable notification or its
//! question 11 is not a valid Swedish local time; 2 a usage error, an unreadable file or an invalid
//! value on the command line (a local time that does not exist, for example).

use std::io::Write;
use std::process::ExitCode;

use imy_breach::deadline::{
    schedule, AiSeverity, Awareness, Facts, Obligation, Regime, Schedule, ScheduleOptions, Wording,
};
use imy_breach::stockholm::{self, LocalTimeError};
use imy_breach::{FieldError, Lang, LocalDate, Notification, StockholmOffset, WallClockTime};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use crate::args::{FormatArg, LangArg, LangParser, PolicyArg, LANG_ENV};
use crate::io::{read_bounded, too_large, too_large_code, write_failed, Oversized, EXIT_USAGE};

/// Arguments of `deadline`.
#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("input").required(true).args(["file", "aware"])))]
pub struct Args {
    /// A notification file (JSON), or a breach record (`"kind": "breach_record"`, scheduled through its
    /// prefilled notification); `-` reads standard input. Question 11 is the awareness.
    file: Option<String>,
    /// Instead of a file: when you became aware, in Swedish local time, "YYYY-MM-DD HH:MM" (or
    /// "YYYY-MM-DD" when only the date is known). Add +02:00 or +01:00 to choose between the two
    /// 02:xx on the night summer time ends.
    #[arg(long, value_name = "YYYY-MM-DD HH:MM")]
    aware: Option<String>,
    /// The moment to judge the deadlines at, RFC 3339 (default: the current time).
    #[arg(long, value_name = "RFC3339")]
    now: Option<String>,
    /// A supplement of FILE (repeatable, in the order filed): question 11 as last supplemented
    /// counts, the 4-week supplement duty is met by the first one, and the answers still to be
    /// supplemented are listed after the schedule (JSON: `pending`).
    #[arg(long = "supplement", value_name = "S", requires = "file")]
    supplements: Vec<String>,
    /// When the notification to IMY was filed, RFC 3339 (overrides the file's submittedAt).
    #[arg(long, value_name = "RFC3339")]
    submitted: Option<String>,
    /// How periods are counted: `elapsed` (the default) is the earliest deadline, an alarm never
    /// later than the law's; `legal` (alias `reg1182`) is the law's deadline, which is the same or
    /// later: each duty by its own law, Regulation 1182/71 Art. 3 for EU regulations (from the next
    /// full hour or day; day and month periods moved off weekends and holidays) or lag (1930:173)
    /// § 2 for Swedish law (NIS2, CER: moved off weekends, holidays and the eves). Hours are never
    /// moved.
    #[arg(long, value_enum, default_value_t)]
    policy: PolicyArg,
    /// Also count this regime's deadlines (repeatable); GDPR is always counted.
    #[arg(long = "regime", value_enum, value_name = "REGIME")]
    regimes: Vec<RegimeArg>,
    /// A processor's contractual window for notifying the controller (GDPR Art. 33(2)), in hours.
    #[arg(long, value_name = "HOURS")]
    processor_window: Option<u32>,
    /// When the processor became aware, in Swedish local time (default: the awareness).
    #[arg(long, value_name = "YYYY-MM-DD HH:MM")]
    processor_aware: Option<String>,
    /// The incident is ongoing (question 12 = Ja; read from the file otherwise): NIS2 then asks for a
    /// progress report at one month and the final report one month after handling.
    #[arg(long)]
    ongoing: bool,
    /// When an ongoing incident was handled, in Swedish local time (NIS2 Art. 23(4)(e)).
    #[arg(long, value_name = "YYYY-MM-DD HH:MM")]
    handled: Option<String>,
    /// When the incident was classified as major, in Swedish local time (DORA: initial notification
    /// within 4 hours, and at most 24 hours from awareness).
    #[arg(long, value_name = "YYYY-MM-DD HH:MM")]
    classified_major: Option<String>,
    /// When a corrective or mitigating measure became available, in Swedish local time (CRA: final
    /// report within 14 days).
    #[arg(long, value_name = "YYYY-MM-DD HH:MM")]
    fix_available: Option<String>,
    /// What an AI Act serious incident involved: `serious` (15 days), `death` (10 days) or
    /// `widespread` (a widespread infringement or critical infrastructure: 2 days).
    #[arg(long, value_enum, default_value_t)]
    ai_severity: AiSeverityArg,
    /// Language of the table, the explanations and the messages (JSON carries both languages).
    /// `sv` or `en`, case-insensitive, also as a BCP 47 tag (`sv-SE`, `en-GB`); when not given,
    /// the environment variable IMY_BREACH_LANG, else `sv`.
    #[arg(long, env = LANG_ENV, value_parser = LangParser, default_value = "sv")]
    lang: LangArg,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: FormatArg,
}

/// An opt-in regime.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum RegimeArg {
    /// The NIS2 Directive (EU) 2022/2555, Art. 23.
    Nis2,
    /// Regulation (EU) 611/2013 for telecom providers.
    Eprivacy,
    /// DORA, Regulation (EU) 2022/2554 Art. 19 and RTS (EU) 2025/301.
    Dora,
    /// eIDAS, Regulation (EU) No 910/2014 Art. 19.
    Eidas,
    /// The CER Directive (EU) 2022/2557 Art. 15.
    Cer,
    /// The Cyber Resilience Act, Regulation (EU) 2024/2847 Art. 14.
    Cra,
    /// The AI Act, Regulation (EU) 2024/1689 Art. 73.
    #[value(name = "ai_act", alias = "ai-act")]
    AiAct,
}

/// What an AI Act serious incident involved.
#[derive(Debug, Clone, Copy, Default, clap::ValueEnum)]
enum AiSeverityArg {
    /// Any other serious incident: 15 days.
    #[default]
    Serious,
    /// A death: 10 days.
    Death,
    /// A widespread infringement or critical infrastructure: 2 days.
    Widespread,
}

/// A failure with its exit code and message.
struct Failure {
    exit: u8,
    message: String,
}

impl Failure {
    fn usage(message: String) -> Self {
        Failure { exit: EXIT_USAGE, message }
    }
}

pub fn run(args: Args) -> ExitCode {
    let lang = Lang::from(args.lang);
    match compute(&args, lang) {
        Ok((schedule, warnings, pending)) => {
            let stderr = std::io::stderr();
            let mut err = stderr.lock();
            for w in &warnings {
                let _ = writeln!(err, "{}: {w}", if lang == Lang::Sv { "varning" } else { "warning" });
            }
            let stdout = std::io::stdout();
            let mut out = stdout.lock();
            let written = match args.format {
                FormatArg::Text => write_text(&mut out, &schedule, lang).and_then(|()| {
                    let lines = pending.as_deref().map(|p| crate::case_cmd::pending_lines(p, lang));
                    lines.into_iter().flatten().try_for_each(|l| writeln!(out, "{l}"))
                }),
                FormatArg::Json => match crate::case_cmd::schedule_json(&schedule, pending.as_deref()) {
                    Ok(json) => writeln!(out, "{json}"),
                    Err(e) => Err(std::io::Error::other(e)),
                },
            };
            match written {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => write_failed(&e),
            }
        }
        Err(f) => {
            let _ = writeln!(std::io::stderr(), "imy-breach deadline: {}", f.message);
            ExitCode::from(f.exit)
        }
    }
}

fn local_error(what: &str, e: &LocalTimeError, lang: Lang) -> String {
    format!("{what}: {} [{}]", e.message(lang), e.code())
}

fn field_error(what: &str, e: &FieldError, lang: Lang) -> String {
    format!("{what}: {} [{}]", e.message(lang), e.code())
}

/// Reads "YYYY-MM-DD", "YYYY-MM-DD HH:MM" or "YYYY-MM-DDTHH:MM", optionally followed by "+01:00" or
/// "+02:00".
fn parse_local(
    text: &str,
) -> Result<(LocalDate, Option<WallClockTime>, Option<StockholmOffset>), FieldError> {
    let text = text.trim();
    let date = LocalDate::parse(text.get(..10).ok_or(FieldError::Date)?)?;
    let rest = text.get(10..).ok_or(FieldError::Date)?.trim_start_matches([' ', 'T']);
    if rest.is_empty() {
        return Ok((date, None, None));
    }
    let time = WallClockTime::parse(rest.get(..5).ok_or(FieldError::Time)?)?;
    let rest = rest.get(5..).ok_or(FieldError::Time)?.trim();
    let offset = if rest.is_empty() { None } else { Some(StockholmOffset::parse(rest)?) };
    Ok((date, Some(time), offset))
}

fn parse_rfc3339(what: &str, text: &str, lang: Lang) -> Result<OffsetDateTime, Failure> {
    OffsetDateTime::parse(text.trim(), &Rfc3339)
        .map_err(|_| Failure::usage(field_error(what, &FieldError::Timestamp, lang)))
}

/// The facts of a notification or breach record file (with its supplements, and the answers they
/// leave pending).
fn facts_of_file(file: &str, supplements: &[String], lang: Lang) -> Result<(Facts, Pending), Failure> {
    let bytes = read_bounded(file)
        .map_err(|e| {
            let what = if lang == Lang::Sv { "kan inte läsas" } else { "cannot be read" };
            Failure::usage(format!("{file}: {what}: {e}"))
        })?
        .ok_or_else(|| Failure {
            exit: 1,
            message: format!(
                "{file}: /: {} [{}]",
                too_large(Oversized::Document).get(lang),
                too_large_code()
            ),
        })?;
    // A breach record is scheduled through its prefilled notification.
    let read = if imy_breach::is_record_json(&bytes) {
        imy_breach::BreachRecord::from_slice(&bytes).map(|r| r.to_notification())
    } else {
        Notification::from_slice(&bytes)
    };
    let n = read.map_err(|e| Failure {
        exit: 1,
        message: format!("{file}: {}: {} [{}]", e.pointer(), e.message(lang), e.code()),
    })?;
    if supplements.is_empty() {
        let facts = Facts::from_notification(&n).map_err(|e| Failure {
            exit: 1,
            message: local_error(&format!("{file}: /incident/discovered"), &e, lang),
        })?;
        Ok((facts, None))
    } else {
        let (facts, items) = crate::case_cmd::case_deadline(&n, supplements, lang)
            .map_err(|(exit, message)| Failure { exit, message })?;
        Ok((facts, Some(items)))
    }
}

fn compute(args: &Args, lang: Lang) -> Result<(Schedule, Vec<String>, Pending), Failure> {
    let mut warnings = Vec::new();
    let mut pending = None;
    let mut facts = match (&args.file, &args.aware) {
        (Some(file), _) => {
            let (facts, items) = facts_of_file(file, &args.supplements, lang)?;
            pending = items;
            facts
        }
        (None, Some(aware)) => {
            let (date, time, offset) =
                parse_local(aware).map_err(|e| Failure::usage(field_error("--aware", &e, lang)))?;
            let a = Awareness::local(date, time, offset)
                .map_err(|e| Failure::usage(local_error("--aware", &e, lang)))?;
            Facts::new().awareness(a)
        }
        (None, None) => return Err(Failure::usage("FILE or --aware is required".into())),
    };
    if let Some(text) = &args.submitted {
        facts = facts.filed_at(parse_rfc3339("--submitted", text, lang)?);
    }
    let mut moment = |flag: &str, text: &Option<String>| -> Result<Option<OffsetDateTime>, Failure> {
        let Some(text) = text else { return Ok(None) };
        let (date, time, offset) =
            parse_local(text).map_err(|e| Failure::usage(field_error(flag, &e, lang)))?;
        let r = stockholm::to_instant(date, time, offset)
            .map_err(|e| Failure::usage(local_error(flag, &e, lang)))?;
        if let Some(w) = r.ambiguity_message(lang) {
            warnings.push(format!("{flag}: {w}"));
        }
        Ok(Some(r.instant))
    };
    if let Some(at) = moment("--processor-aware", &args.processor_aware)? {
        facts = facts.processor_aware_at(at);
    }
    if let Some(at) = moment("--handled", &args.handled)? {
        facts = facts.handled_at(at);
    }
    if let Some(at) = moment("--classified-major", &args.classified_major)? {
        facts = facts.classified_major_at(at);
    }
    if let Some(at) = moment("--fix-available", &args.fix_available)? {
        facts = facts.fix_available_at(at);
    }
    if args.ongoing {
        facts = facts.ongoing(true);
    }
    facts = facts.ai_severity(match args.ai_severity {
        AiSeverityArg::Serious => AiSeverity::Serious,
        AiSeverityArg::Death => AiSeverity::Death,
        AiSeverityArg::Widespread => AiSeverity::Widespread,
    });
    let now = match &args.now {
        Some(text) => parse_rfc3339("--now", text, lang)?,
        None => OffsetDateTime::now_utc(),
    };
    let mut options = ScheduleOptions::new().policy(args.policy.into());
    for r in &args.regimes {
        options = options.regime(match r {
            RegimeArg::Nis2 => Regime::Nis2,
            RegimeArg::Eprivacy => Regime::Eprivacy,
            RegimeArg::Dora => Regime::Dora,
            RegimeArg::Eidas => Regime::Eidas,
            RegimeArg::Cer => Regime::Cer,
            RegimeArg::Cra => Regime::Cra,
            RegimeArg::AiAct => Regime::AiAct,
        });
    }
    if let Some(h) = args.processor_window {
        options = options.processor_window_hours(h);
    }
    let s = schedule(&facts, &options, now).map_err(|e| Failure::usage(local_error("--now", &e, lang)))?;
    Ok((s, warnings, pending))
}

/// The answers still to be supplemented, when `--supplement` was given.
type Pending = Option<Vec<imy_breach::case::PendingItem>>;

/// `2025-04-01 11:00 +02:00`.
fn local(t: OffsetDateTime) -> String {
    let off = if t.offset().whole_hours() == 2 { "+02:00" } else { "+01:00" };
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02} {off}",
        t.year(),
        u8::from(t.month()),
        t.day(),
        t.hour(),
        t.minute()
    )
}

/// `2025-04-01 09:00 UTC`.
fn utc(t: OffsetDateTime) -> String {
    let t = t.to_offset(time::UtcOffset::UTC);
    format!("{:04}-{:02}-{:02} {:02}:{:02} UTC", t.year(), u8::from(t.month()), t.day(), t.hour(), t.minute())
}

fn left_column(o: &Obligation, lang: Lang) -> String {
    if let Some(t) = o.time_left_text(lang, Wording::Column) {
        return t.to_string();
    }
    match o.completed_at {
        Some(c) if lang == Lang::Sv => format!("klar {}", local(c)),
        Some(c) => format!("done {}", local(c)),
        None => "—".into(),
    }
}

fn write_text(out: &mut impl Write, s: &Schedule, lang: Lang) -> std::io::Result<()> {
    let sv = lang == Lang::Sv;
    let aware = match s.awareness {
        Some(a) if a.date_only => {
            format!("{} ({})", local(a.at), if sv { "endast datum" } else { "date only" })
        }
        Some(a) => local(a.at),
        None => if sv { "okänd" } else { "unknown" }.into(),
    };
    let (l_aware, l_now, l_policy) =
        if sv { ("Upptäckt", "Bedömt vid", "Räkneprincip") } else { ("Aware", "Judged at", "Policy") };
    writeln!(
        out,
        "{l_aware}: {aware} · {l_now}: {} · {l_policy}: {} ({})",
        local(s.now),
        s.policy.code(),
        s.policy.label(lang)
    )?;
    for n in &s.notes {
        writeln!(out, "{}: {} [{}]", if sv { "Varning" } else { "Warning" }, n.message.get(lang), n.code)?;
    }
    writeln!(out)?;

    let header: [&str; 8] = if sv {
        [
            "#",
            "Regelverk",
            "Skyldighet",
            "Rättslig grund",
            "Frist (svensk tid)",
            "Frist (UTC)",
            "Status",
            "Kvar / försenat",
        ]
    } else {
        [
            "#",
            "Regime",
            "Obligation",
            "Legal reference",
            "Deadline (Swedish time)",
            "Deadline (UTC)",
            "Status",
            "Time left / overdue",
        ]
    };
    let mut rows: Vec<[String; 8]> = vec![header.map(String::from)];
    for (i, o) in s.obligations.iter().enumerate() {
        let mut status = o.status.label(lang).to_string();
        if o.provisional {
            status.push_str(if sv { " (preliminär)" } else { " (provisional)" });
        }
        rows.push([
            (i + 1).to_string(),
            o.regime.name(lang).to_string(),
            o.title.get(lang).to_string(),
            o.reference.get(lang).to_string(),
            o.deadline.map_or_else(|| "—".into(), local),
            o.deadline.map_or_else(|| "—".into(), utc),
            status,
            left_column(o, lang),
        ]);
    }
    let mut widths = [0usize; 8];
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    for row in &rows {
        let mut line = String::new();
        for (j, (cell, w)) in row.iter().zip(widths).enumerate() {
            line.push_str(cell);
            if j + 1 < row.len() {
                line.push_str(&" ".repeat(w - cell.chars().count() + 2));
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    writeln!(out)?;
    writeln!(out, "{}", if sv { "Förklaringar:" } else { "Explanations:" })?;
    for (i, o) in s.obligations.iter().enumerate() {
        writeln!(out, "{}. {}", i + 1, o.explanation().get(lang))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_local_forms() {
        let (d, t, o) = parse_local("2025-03-29 10:00").unwrap();
        assert_eq!(
            (d.to_string(), t.map(|t| t.to_string()), o),
            ("2025-03-29".into(), Some("10:00".into()), None)
        );
        assert!(parse_local("2025-03-29").unwrap().1.is_none());
        assert_eq!(parse_local("2025-10-26T02:30+01:00").unwrap().2, Some(StockholmOffset::Cet));
        assert_eq!(parse_local("2025-10-26 02:30 +02:00").unwrap().2, Some(StockholmOffset::Cest));
        assert_eq!(parse_local("2025-3-29 10:00").unwrap_err(), FieldError::Date);
        assert_eq!(parse_local("2025-03-29 25:00").unwrap_err(), FieldError::Time);
        assert_eq!(parse_local("2025-03-29 10:00 Z").unwrap_err(), FieldError::UtcOffset);
        assert_eq!(parse_local("2025-03-2å").unwrap_err(), FieldError::Date);
    }
}
