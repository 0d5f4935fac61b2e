//! The register's statistics as one self-contained HTML page for management: the key figures,
//! the breaches per month by nature (stacked bars) and the time to notify of each notified breach
//! against the 72-hour line. Inline SVG and CSS only: no script, no external asset, no web font.

use std::fmt::Write as _;

use crate::lang::Lang;
use crate::model::incident::Nature;
use crate::values::choice::Choice;

use super::stats::{duration, Stats};

/// The most months shown (the latest ones); the page says when earlier months are left out.
pub const MAX_MONTHS: usize = 120;
/// The most notified breaches shown in the time-to-notify chart (the first ones read).
pub const MAX_NOTIFIED_BARS: usize = 1_000;

/// One colour per nature in form order, then one for "not given".
const COLOURS: [&str; 8] =
    ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"];

/// The statistics as an HTML page in `lang`. Every text from the records (an identifier) is
/// escaped.
///
/// The month chart has one `<g class="bar">` per month from the first to the last month with a
/// breach (at most [`MAX_MONTHS`]), each with one `<rect class="segment">` per nature that occurs;
/// the notification chart has one `<rect class="notify-bar">` per notified breach (at most
/// [`MAX_NOTIFIED_BARS`]; those later than 72 hours also have the class `late`) and one
/// `<line class="deadline-72h">`.
///
/// # Example
/// ```
/// use imy_breach::{register::{html_page, Row, Stats}, Lang, ValidationOptions};
/// let mut stats = Stats::new();
/// stats.add(&Row::read("a", br#"{"kind":"breach_record","schemaVersion":"1.0","id":"<PUI-1>",
///   "facts":{"nature":"loss_or_theft","discovered":{"date":"2025-03-28","time":"10:00"}},
///   "filings":[{"kind":"initial","submittedAt":"2025-03-29T10:00:00+01:00"}]}"#, &ValidationOptions::new()));
/// let page = html_page(&stats, Lang::En);
/// assert!(page.starts_with("<!DOCTYPE html>") && page.contains("&lt;PUI-1&gt;"));
/// assert_eq!(page.matches(r#"<g class="bar""#).count(), 1);
/// assert_eq!(page.matches(r#"class="notify-bar"#).count(), 1);
/// assert!(!page.contains("<script") && !page.contains("http"));
/// ```
pub fn html_page(stats: &Stats, lang: Lang) -> String {
    let en = lang == Lang::En;
    let t = |sv: &'static str, e: &'static str| if en { e } else { sv };
    let title = t("Personuppgiftsincidenter: översikt", "Personal data breaches: overview");
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{title}</title>\n\
         <style>body{{font-family:sans-serif;max-width:60em;margin:2em auto;color:#222}}\
         table{{border-collapse:collapse}}td,th{{padding:.2em .8em;border-bottom:1px solid #ddd;text-align:left}}\
         svg text{{font-size:11px;fill:#222}}.legend span{{display:inline-block;width:.9em;height:.9em;margin:0 .3em 0 1em}}</style>\n\
         </head>\n<body>\n<h1>{title}</h1>\n",
        if en { "en" } else { "sv" }
    );
    figures(&mut out, stats, lang);
    let _ = writeln!(
        out,
        "<h2>{}</h2>",
        t("Incidenter per månad och vad som hänt", "Breaches per month by nature")
    );
    months_chart(&mut out, stats, lang);
    let _ = writeln!(
        out,
        "<h2>{}</h2>",
        t(
            "Tid från upptäckt till anmälan, mot 72-timmarsgränsen",
            "Time from discovery to notification, against the 72-hour line"
        )
    );
    notify_chart(&mut out, stats, lang);
    let _ = writeln!(
        out,
        "<p><small>{}</small></p>\n</body>\n</html>",
        t(
            "Framtagen av imy-breach ur registret över personuppgiftsincidenter (GDPR art. 33.5).",
            "Produced by imy-breach from the register of personal data breaches (GDPR Art. 33(5))."
        )
    );
    out
}

/// Escapes text for HTML and SVG.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

fn figures(out: &mut String, stats: &Stats, lang: Lang) {
    let text = stats.summary().write(lang, false);
    out.push_str("<table class=\"figures\">\n");
    for line in text.lines().take_while(|l| !l.is_empty()) {
        if let Some((name, value)) = line.split_once(": ") {
            let _ = writeln!(out, "<tr><th>{}</th><td>{}</td></tr>", esc(name), esc(value));
        }
    }
    out.push_str("</table>\n");
}

/// Every month from `first` to `last` (`YYYY-MM`), at most [`MAX_MONTHS`] (the latest).
fn month_span(first: &str, last: &str) -> Vec<String> {
    let parse = |m: &str| -> Option<i32> {
        let (y, mo) = m.split_once('-')?;
        Some(y.parse::<i32>().ok()? * 12 + mo.parse::<i32>().ok()? - 1)
    };
    let (Some(a), Some(b)) = (parse(first), parse(last)) else { return Vec::new() };
    let a = a.max(b - MAX_MONTHS as i32 + 1);
    (a..=b).map(|m| format!("{:04}-{:02}", m.div_euclid(12), m.rem_euclid(12) + 1)).collect()
}

fn months_chart(out: &mut String, stats: &Stats, lang: Lang) {
    let (Some(first), Some(last)) = (stats.months.keys().next(), stats.months.keys().next_back()) else {
        let _ = writeln!(
            out,
            "<p>{}</p>",
            if lang == Lang::En { "No breach has a date." } else { "Ingen incident har ett datum." }
        );
        return;
    };
    let months = month_span(first, last);
    let zero = Vec::new();
    let bars: Vec<&Vec<u64>> = months.iter().map(|m| stats.months.get(m).unwrap_or(&zero)).collect();
    let max = bars.iter().map(|b| b.iter().sum::<u64>()).max().unwrap_or(0).max(1);
    let (left, top, height, step) = (40.0, 10.0, 200.0, 36.0);
    let width = left + step * months.len() as f64 + 10.0;
    let _ = writeln!(
        out,
        "<svg class=\"months\" width=\"{width}\" height=\"{}\" role=\"img\">",
        top + height + 40.0
    );
    let _ = writeln!(
        out,
        "<line x1=\"{left}\" y1=\"{}\" x2=\"{width}\" y2=\"{0}\" stroke=\"#444\"/>",
        top + height
    );
    let _ = writeln!(out, "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{max}</text>", left - 4.0, top + 8.0);
    let _ = writeln!(out, "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">0</text>", left - 4.0, top + height);
    for (i, (month, counts)) in months.iter().zip(&bars).enumerate() {
        let x = left + step * i as f64 + 6.0;
        let _ = writeln!(out, "<g class=\"bar\" data-month=\"{month}\">");
        let mut y = top + height;
        for (k, &n) in counts.iter().enumerate().filter(|(_, &n)| n > 0) {
            let h = height * n as f64 / max as f64;
            y -= h;
            let (code, label) = nature(k, lang);
            let _ = writeln!(
                out,
                "<rect class=\"segment\" data-nature=\"{code}\" data-count=\"{n}\" x=\"{x}\" y=\"{y:.2}\" width=\"24\" height=\"{h:.2}\" fill=\"{}\"><title>{month}: {} ({n})</title></rect>",
                COLOURS[k.min(COLOURS.len() - 1)],
                esc(label)
            );
        }
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n</g>",
            x + 12.0,
            top + height + 14.0,
            &month[2..]
        );
    }
    out.push_str("</svg>\n<p class=\"legend\">");
    for k in 0..=Nature::ALL.len() {
        if bars.iter().any(|b| b.get(k).is_some_and(|&n| n > 0)) {
            let _ = write!(
                out,
                "<span style=\"background:{}\"></span>{}",
                COLOURS[k.min(COLOURS.len() - 1)],
                esc(nature(k, lang).1)
            );
        }
    }
    out.push_str("</p>\n");
}

/// The code and label of nature number `k` (form order), or "not given" past the last.
fn nature(k: usize, lang: Lang) -> (&'static str, &'static str) {
    match Nature::ALL.get(k) {
        Some(n) => (n.code(), n.label(lang)),
        None => ("not_given", if lang == Lang::En { "Not given" } else { "Inte angivet" }),
    }
}

fn notify_chart(out: &mut String, stats: &Stats, lang: Lang) {
    let shown = &stats.notified_times[..stats.notified_times.len().min(MAX_NOTIFIED_BARS)];
    if shown.is_empty() {
        let _ = writeln!(
            out,
            "<p>{}</p>",
            if lang == Lang::En { "No breach was notified." } else { "Ingen incident anmäldes." }
        );
        return;
    }
    let deadline = 72.0 * 60.0;
    let max = shown.iter().map(|(_, m)| *m as f64).fold(deadline * 1.25, f64::max);
    let (left, plot, row) = (140.0, 480.0, 18.0);
    let x = |minutes: f64| left + plot * minutes / max;
    let height = row * shown.len() as f64 + 30.0;
    let _ = writeln!(
        out,
        "<svg class=\"notify\" width=\"{}\" height=\"{height}\" role=\"img\">",
        left + plot + 20.0
    );
    for (i, (label, minutes)) in shown.iter().enumerate() {
        let y = row * i as f64 + 4.0;
        let late = *minutes as f64 > deadline;
        let class = if late { "notify-bar late" } else { "notify-bar" };
        let fill = if late { "#d62728" } else { "#2ca02c" };
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text><rect class=\"{class}\" data-minutes=\"{minutes}\" x=\"{left}\" y=\"{y}\" width=\"{:.2}\" height=\"{}\" fill=\"{fill}\"><title>{}: {}</title></rect>",
            left - 4.0,
            y + row - 6.0,
            esc(label),
            (x(*minutes as f64) - left).max(1.0),
            row - 4.0,
            esc(label),
            duration(*minutes as f64, lang)
        );
    }
    let bottom = row * shown.len() as f64 + 4.0;
    let _ = writeln!(
        out,
        "<line class=\"deadline-72h\" data-hours=\"72\" x1=\"{0:.2}\" y1=\"0\" x2=\"{0:.2}\" y2=\"{bottom}\" stroke=\"#000\" stroke-width=\"2\" stroke-dasharray=\"4 3\"/>\n\
         <text x=\"{0:.2}\" y=\"{1}\" text-anchor=\"middle\">72 {2}</text>\n</svg>",
        x(deadline),
        bottom + 16.0,
        if lang == Lang::En { "h" } else { "tim" }
    );
    if stats.notified_times.len() > MAX_NOTIFIED_BARS {
        let _ = writeln!(
            out,
            "<p>{} {MAX_NOTIFIED_BARS}.</p>",
            if lang == Lang::En { "Shown: the first" } else { "Visas: de första" }
        );
    }
}
