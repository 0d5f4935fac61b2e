//! Supplements in `validate`, `render` and `deadline`: a file is a supplement when its top-level
//! `kind` member is `"supplement"` (notifications have no `kind`); `--supplement S` (repeatable)
//! names the supplements of the one notification FILE, in the order filed.

use std::process::ExitCode;

use imy_breach::case::{validate_case, PendingItem};
use imy_breach::{
    validate_document_json, DocumentKind, Lang, Notification, Report, Supplement, ValidationOptions,
};

use imy_breach::render::{render_current, render_supplement, Format, RenderOptions};

use crate::io::{print, read_bounded, too_large, too_large_code, Oversized, EXIT_USAGE};

/// Whether the document is a supplement: a JSON object whose `kind` is `"supplement"`.
pub fn is_supplement(bytes: &[u8]) -> bool {
    DocumentKind::of(bytes) == DocumentKind::Supplement
}

/// Reads a file for a case: its bytes, or the message and exit code.
fn bytes_of(file: &str, lang: Lang) -> Result<Vec<u8>, (u8, String)> {
    match read_bounded(file) {
        Ok(Some(bytes)) => Ok(bytes),
        Ok(None) => Err((
            1,
            format!("{file}: / [{}]: {}", too_large_code(), too_large(Oversized::Document).get(lang)),
        )),
        Err(e) => {
            let what = if lang == Lang::Sv { "kan inte läsas" } else { "cannot be read" };
            Err((EXIT_USAGE, format!("{file}: {what}: {e}")))
        }
    }
}

/// The problems of an unreadable document, one line each.
fn problems(file: &str, errors: &[imy_breach::ParseError], lang: Lang) -> String {
    let what = if lang == Lang::Sv { "kan inte läsas" } else { "cannot be read" };
    let mut out = format!("{file}: {what}");
    for e in errors {
        let at = if e.pointer().is_root() { "/".to_string() } else { e.pointer().to_string() };
        out.push_str(&format!("\n  {at} [{}]: {}", e.code(), e.message(lang)));
    }
    out
}

/// Reads the notification `file` and its supplements; on failure prints the problems to standard
/// error and returns the exit code (1 unreadable document, 2 unreadable file).
pub fn read_case(
    file: &str,
    supplements: &[String],
    lang: Lang,
) -> Result<(Notification, Vec<Supplement>), ExitCode> {
    let fail = |(code, message): (u8, String)| {
        eprintln!("{message}");
        ExitCode::from(code)
    };
    let bytes = bytes_of(file, lang).map_err(fail)?;
    let n = Notification::from_json_all_errors(&bytes).map_err(|e| fail((1, problems(file, &e, lang))))?;
    let mut out = Vec::with_capacity(supplements.len());
    for s in supplements {
        let bytes = bytes_of(s, lang).map_err(fail)?;
        out.push(Supplement::from_json_all_errors(&bytes).map_err(|e| fail((1, problems(s, &e, lang))))?);
    }
    Ok((n, out))
}

/// Reads one supplement file; on failure prints the problems and returns the exit code.
pub fn read_supplement(file: &str, lang: Lang) -> Result<Supplement, ExitCode> {
    let bytes = bytes_of(file, lang).map_err(|(code, message)| {
        eprintln!("{message}");
        ExitCode::from(code)
    })?;
    Supplement::from_json_all_errors(&bytes).map_err(|e| {
        eprintln!("{}", problems(file, &e, lang));
        ExitCode::from(1)
    })
}

/// A file's report for `validate`, by the document's `kind` ([`validate_document_json`]): a
/// supplement read and checked alone, a breach record by the record's rules, anything else as a
/// notification.
pub fn validate_bytes(bytes: &[u8], options: &ValidationOptions) -> Report {
    validate_document_json(bytes, options)
}

/// `validate FILE --supplement S…`: the notification's report, each supplement's (alone and in
/// its place), and the report of the notification as it now stands, labelled
/// "FILE (kompletterad)" / "FILE (as supplemented)".
pub fn validate_files(
    file: &str,
    supplements: &[String],
    options: &ValidationOptions,
    lang: Lang,
) -> Vec<(String, Result<Report, String>)> {
    let mut results = Vec::new();
    let read = |f: &str, results: &mut Vec<_>| match bytes_of(f, lang) {
        Ok(bytes) => {
            results.push((f.to_string(), Ok(validate_bytes(&bytes, options))));
            Some(bytes)
        }
        Err((_, message)) => {
            results.push((f.to_string(), Err(message)));
            None
        }
    };
    let base = read(file, &mut results).and_then(|b| Notification::from_slice(&b).ok());
    let mut read_all = Vec::new();
    for s in supplements {
        read_all.push(read(s, &mut results).and_then(|b| Supplement::from_json_all_errors(&b).ok()));
    }
    let (Some(base), Some(read_all)) = (base, read_all.into_iter().collect::<Option<Vec<_>>>()) else {
        return results;
    };
    let case = validate_case(&base, &read_all, options);
    for (i, report) in case.supplements.into_iter().enumerate() {
        if let Some((_, Ok(r))) = results.get_mut(i + 1) {
            r.violations.extend(report.violations);
        }
    }
    let label = if lang == Lang::Sv { "kompletterad" } else { "as supplemented" };
    results.push((format!("{file} ({label})"), Ok(case.current)));
    results
}

/// The pending items as text lines: "  23. Label (reason)".
pub fn pending_lines(items: &[PendingItem], lang: Lang) -> Vec<String> {
    let head = match (items.is_empty(), lang) {
        (true, Lang::Sv) => "Inget svar återstår att komplettera.",
        (true, _) => "No answer remains to be supplemented.",
        (false, Lang::Sv) => "Återstår att komplettera:",
        (false, _) => "Still to be supplemented:",
    };
    let mut out = vec![head.to_string()];
    out.extend(items.iter().map(|i| format!("  {} ({})", i.title(lang), i.reason.label(lang))));
    out
}

/// `render FILE --supplement S…` and `render S` (a supplement): the output's exit code, or `None`
/// when FILE is a notification without supplements (rendered as usual).
pub fn render_case(file: &str, supplements: &[String], lang: Lang, format: Format) -> Option<ExitCode> {
    let options = RenderOptions::new(lang, format);
    if supplements.is_empty() {
        // Standard input is read once: only a named file is looked at first.
        let bytes = (file != "-").then(|| read_bounded(file).ok().flatten()).flatten()?;
        if !is_supplement(&bytes) {
            return None;
        }
        return Some(match read_supplement(file, lang) {
            Ok(s) => print(&render_supplement(&s, &options)),
            Err(code) => code,
        });
    }
    let (n, supps) = match read_case(file, supplements, lang) {
        Ok(c) => c,
        Err(code) => return Some(code),
    };
    Some(match imy_breach::case::apply(&n, &supps) {
        Ok(state) => print(&render_current(&state, &options)),
        Err(e) => {
            eprintln!("imy-breach render: {e}");
            ExitCode::from(1)
        }
    })
}

/// The facts and the pending items of `deadline FILE --supplement S…`, or the exit code and message.
pub fn case_deadline(
    n: &Notification,
    supplements: &[String],
    lang: Lang,
) -> Result<(imy_breach::deadline::Facts, Vec<PendingItem>), (u8, String)> {
    let mut supps = Vec::with_capacity(supplements.len());
    for s in supplements {
        let bytes = bytes_of(s, lang)?;
        supps.push(Supplement::from_json_all_errors(&bytes).map_err(|e| (1, problems(s, &e, lang)))?);
    }
    let facts = imy_breach::case::case_facts(n, &supps).map_err(|e| (1, e.to_string()))?;
    let items = imy_breach::case::pending(n, &supps).map_err(|e| (1, e.to_string()))?;
    Ok((facts, items))
}

/// The schedule as pretty JSON, with `pending` (each item's pointer, question, label and reason)
/// when supplements were given.
pub fn schedule_json(
    schedule: &imy_breach::deadline::Schedule,
    pending: Option<&[PendingItem]>,
) -> serde_json::Result<String> {
    let mut value = serde_json::to_value(schedule)?;
    if let (Some(items), Some(obj)) = (pending, value.as_object_mut()) {
        let items: Vec<serde_json::Value> = items
            .iter()
            .map(|i| {
                serde_json::json!({
                    "pointer": i.pointer, "question": i.question, "reason": i.reason,
                    "labelSv": i.title(Lang::Sv), "labelEn": i.title(Lang::En),
                })
            })
            .collect();
        obj.insert("pending".into(), serde_json::Value::Array(items));
    }
    serde_json::to_string_pretty(&value)
}
