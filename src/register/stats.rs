//! The register's statistics: counts, shares, delays and tallies over the rows, gathered one row
//! at a time ([`Stats::add`]) so that the rows themselves need not be kept.
//!
//! What is kept grows with the number of breaches only by numbers: the two lists of delays (for
//! the median and the 90th percentile), one entry per notified breach for the chart (its label
//! and minutes), and one counter per month and nature.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use crate::lang::{Bilingual, Lang};
use crate::model::affected::DataCategory;
use crate::model::incident::{Cause, Nature};
use crate::values::choice::Choice;

use super::{Row, Within72Hours};

/// The statistics gathered so far.
///
/// # Example
/// ```
/// use imy_breach::{register::{Row, Stats}, ValidationOptions};
/// let mut stats = Stats::new();
/// for (d, filed) in [("2025-03-01", "2025-03-02T10:00:00+01:00"), ("2025-03-10", "2025-03-15T00:00:00+01:00")] {
///     let json = format!(r#"{{"kind":"breach_record","schemaVersion":"1.0","facts":{{"discovered":{{"date":"{d}"}}}},
///         "filings":[{{"kind":"initial","submittedAt":"{filed}"}}]}}"#);
///     stats.add(&Row::read("x", json.as_bytes(), &ValidationOptions::new()));
/// }
/// let s = stats.summary();
/// assert_eq!((s.records, s.notified, s.notified_within_72_hours), (2, 2, 1));
/// assert_eq!(s.share_notified_within_72_hours, Some(0.5));
/// assert_eq!(s.time_to_notify.median_minutes, Some((34.0 * 60.0 + 120.0 * 60.0) / 2.0));
/// ```
#[derive(Debug, Clone, Default)]
pub struct Stats {
    records: u64,
    invalid: u64,
    notified: u64,
    on_time: u64,
    late: u64,
    detection: Vec<i64>,
    notify: Vec<i64>,
    nature: Counter<Nature>,
    cause: Counter<Cause>,
    categories: Counter<DataCategory>,
    /// Per month (`YYYY-MM`): the breaches of each nature, in form order, then those without one.
    pub(super) months: BTreeMap<String, Vec<u64>>,
    /// Each notified breach whose time to notify is known: its label and the minutes.
    pub(super) notified_times: Vec<(String, i64)>,
}

#[derive(Debug, Clone)]
struct Counter<C: Choice> {
    counts: Vec<u64>,
    not_given: u64,
    _c: std::marker::PhantomData<C>,
}

impl<C: Choice> Default for Counter<C> {
    fn default() -> Self {
        Counter { counts: vec![0; C::ALL.len()], not_given: 0, _c: std::marker::PhantomData }
    }
}

impl<C: Choice> Counter<C> {
    fn add(&mut self, values: &[C]) {
        if values.is_empty() {
            self.not_given += 1;
        }
        for v in values {
            if let Some(n) = self.counts.get_mut(v.index()) {
                *n += 1;
            }
        }
    }

    fn tallies(&self) -> Tallies {
        let counts = C::ALL
            .iter()
            .zip(&self.counts)
            .filter(|(_, &n)| n > 0)
            .map(|(c, &count)| Tally {
                code: c.code(),
                label: Bilingual::new(c.label(Lang::Sv), c.label(Lang::En)),
                count,
            })
            .collect();
        Tallies { counts, not_given: self.not_given }
    }
}

impl Stats {
    /// No rows yet.
    ///
    /// # Example
    /// ```
    /// assert_eq!(imy_breach::register::Stats::new().summary().share_notified, None);
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// Counts one row in.
    pub fn add(&mut self, row: &Row) {
        self.records += 1;
        self.invalid += u64::from(row.errors > 0);
        if row.notified_at.is_some() {
            self.notified += 1;
        }
        match row.within_72_hours {
            Within72Hours::Yes => self.on_time += 1,
            Within72Hours::No => self.late += 1,
            _ => {}
        }
        if let Some(m) = row.detection_delay_minutes.filter(|m| *m >= 0) {
            self.detection.push(m);
        }
        if let Some(m) = row.time_to_notify_minutes.filter(|m| *m >= 0) {
            self.notify.push(m);
            let label = row.id.clone().unwrap_or_else(|| row.source.clone());
            self.notified_times.push((label, m));
        }
        self.nature.add(row.nature.as_slice());
        self.cause.add(row.cause.as_slice());
        self.categories.add(&row.data_categories);
        if let Some(month) = &row.month {
            let bars = self.months.entry(month.clone()).or_insert_with(|| vec![0; Nature::ALL.len() + 1]);
            let i = row.nature.map_or(Nature::ALL.len(), |n| n.index());
            if let Some(n) = bars.get_mut(i) {
                *n += 1;
            }
        }
    }

    /// The figures so far.
    pub fn summary(&self) -> Summary {
        let share = |n: u64, of: u64| (of > 0).then(|| n as f64 / of as f64);
        Summary {
            records: self.records,
            invalid: self.invalid,
            notified: self.notified,
            notified_within_72_hours: self.on_time,
            notified_late: self.late,
            share_notified: share(self.notified, self.records),
            share_notified_within_72_hours: share(self.on_time, self.on_time + self.late),
            detection_delay: DelayStats::of(&self.detection),
            time_to_notify: DelayStats::of(&self.notify),
            by_nature: self.nature.tallies(),
            by_cause: self.cause.tallies(),
            by_data_category: self.categories.tallies(),
        }
    }
}

/// The statistics of a register (`imy-breach register --stats --format json`).
///
/// "Notified" is a breach with an initial filing that has a moment (`submittedAt`). The share
/// notified within 72 hours is of the notified breaches whose lateness is known (a discovery moment
/// given). Delays are whole minutes; a negative one (dates out of order, which validation flags)
/// is left out of the figures.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Summary {
    /// The number of breaches (rows), invalid records included.
    pub records: u64,
    /// The records with at least one validation error.
    pub invalid: u64,
    /// The breaches notified to IMY.
    pub notified: u64,
    /// The breaches notified within 72 hours of discovery.
    #[serde(rename = "notifiedWithin72Hours")]
    pub notified_within_72_hours: u64,
    /// The breaches notified later.
    pub notified_late: u64,
    /// `notified / records`; `None` without records.
    pub share_notified: Option<f64>,
    /// `notifiedWithin72Hours / (notifiedWithin72Hours + notifiedLate)`; `None` when neither.
    #[serde(rename = "shareNotifiedWithin72Hours")]
    pub share_notified_within_72_hours: Option<f64>,
    /// From occurrence (question 10) to discovery (question 11).
    pub detection_delay: DelayStats,
    /// From discovery (question 11) to the notification.
    pub time_to_notify: DelayStats,
    /// The breaches by nature (question 15).
    pub by_nature: Tallies,
    /// The breaches by cause (question 18).
    pub by_cause: Tallies,
    /// The breaches by data category (question 26; a breach counts once in each of its categories).
    pub by_data_category: Tallies,
}

/// The median and the 90th percentile of a list of delays.
///
/// The median is the middle value, or the mean of the two middle values of an even count; the
/// 90th percentile is by nearest rank: the value at rank ⌈0.9 × n⌉ of the sorted list.
///
/// # Example
/// ```
/// let d = imy_breach::register::DelayStats::of(&[40, 10, 30, 20]);
/// assert_eq!((d.count, d.median_minutes, d.p90_minutes), (4, Some(25.0), Some(40)));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DelayStats {
    /// How many breaches have the delay.
    pub count: usize,
    /// The median, in minutes.
    pub median_minutes: Option<f64>,
    /// The 90th percentile, in minutes.
    #[serde(rename = "p90Minutes")]
    pub p90_minutes: Option<i64>,
}

impl DelayStats {
    /// The figures of `minutes`.
    pub fn of(minutes: &[i64]) -> DelayStats {
        let mut v = minutes.to_vec();
        v.sort_unstable();
        let n = v.len();
        let median = match n {
            0 => None,
            _ if n % 2 == 1 => Some(v[n / 2] as f64),
            _ => Some((v[n / 2 - 1] as f64 + v[n / 2] as f64) / 2.0),
        };
        let p90 = (n > 0).then(|| v[(9 * n).div_ceil(10) - 1]);
        DelayStats { count: n, median_minutes: median, p90_minutes: p90 }
    }
}

/// The breaches counted by the options of one question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Tallies {
    /// Each option given at least once, in form order.
    pub counts: Vec<Tally>,
    /// The breaches for which the question is not answered.
    pub not_given: u64,
}

/// How many breaches have one option.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Tally {
    /// The option's code.
    pub code: &'static str,
    /// Its label.
    pub label: Bilingual,
    /// The number of breaches.
    pub count: u64,
}

/// A duration of minutes in words: `2 d 3 h 5 min` / `2 d 3 tim 5 min`.
pub(super) fn duration(minutes: f64, lang: Lang) -> String {
    let total = minutes.round() as i64;
    let (d, h, m) = (total / 1440, total % 1440 / 60, total % 60);
    let hour = if lang == Lang::En { "h" } else { "tim" };
    match (d, h) {
        (0, 0) => format!("{m} min"),
        (0, _) => format!("{h} {hour} {m} min"),
        _ => format!("{d} d {h} {hour} {m} min"),
    }
}

fn percent(share: Option<f64>, lang: Lang) -> String {
    share.map_or_else(|| "–".to_owned(), |s| super::decimal((s * 1000.0).round() / 10.0, lang) + " %")
}

impl Summary {
    /// The figures as text (`markdown` false) or as Markdown tables, in `lang`.
    ///
    /// # Example
    /// ```
    /// use imy_breach::{register::Stats, Lang};
    /// let text = Stats::new().summary().write(Lang::En, false);
    /// assert!(text.starts_with("Breaches: 0\n"));
    /// ```
    pub fn write(&self, lang: Lang, markdown: bool) -> String {
        let sv = lang != Lang::En;
        let t = |s: &'static str, e: &'static str| if sv { s } else { e };
        let mut out = String::new();
        let lines = [
            (t("Incidenter", "Breaches"), self.records.to_string()),
            (t("Med valideringsfel", "With validation errors"), self.invalid.to_string()),
            (
                t("Anmälda till IMY", "Notified to IMY"),
                format!("{} ({})", self.notified, percent(self.share_notified, lang)),
            ),
            (
                t("Anmälda inom 72 timmar", "Notified within 72 hours"),
                format!(
                    "{} ({})",
                    self.notified_within_72_hours,
                    percent(self.share_notified_within_72_hours, lang)
                ),
            ),
            (t("Anmälda för sent", "Notified late"), self.notified_late.to_string()),
        ];
        if markdown {
            let _ = writeln!(out, "| {} | |\n|---|---|", t("Mått", "Figure"));
        }
        for (name, value) in lines {
            let _ = if markdown {
                writeln!(out, "| {name} | {value} |")
            } else {
                writeln!(out, "{name}: {value}")
            };
        }
        for (name, d) in [
            (t("Tid till upptäckt", "Detection delay"), &self.detection_delay),
            (t("Tid till anmälan", "Time to notify"), &self.time_to_notify),
        ] {
            let median = d.median_minutes.map_or_else(|| "–".to_owned(), |m| duration(m, lang));
            let p90 = d.p90_minutes.map_or_else(|| "–".to_owned(), |m| duration(m as f64, lang));
            let value = format!(
                "{} {median}, {} {p90} (n = {})",
                t("median", "median"),
                t("90:e percentil", "90th percentile"),
                d.count
            );
            let _ = if markdown {
                writeln!(out, "| {name} | {value} |")
            } else {
                writeln!(out, "{name}: {value}")
            };
        }
        for (name, tallies) in [
            (t("Vad som hänt", "By nature"), &self.by_nature),
            (t("Orsak", "By cause"), &self.by_cause),
            (t("Personuppgifter", "By data category"), &self.by_data_category),
        ] {
            write_tallies(&mut out, name, tallies, lang, markdown);
        }
        out
    }
}

fn write_tallies(out: &mut String, name: &str, tallies: &Tallies, lang: Lang, markdown: bool) {
    let not_given = if lang == Lang::En { "Not given" } else { "Inte angivet" };
    let rows = tallies.counts.iter().map(|c| (c.label.get(lang), c.count));
    let rows = rows.chain((tallies.not_given > 0).then_some((not_given, tallies.not_given)));
    if markdown {
        let _ = writeln!(
            out,
            "\n| {name} | {} |\n|---|---:|",
            if lang == Lang::En { "Breaches" } else { "Antal" }
        );
        for (label, n) in rows {
            let _ = writeln!(out, "| {} | {n} |", label.replace('|', "\\|"));
        }
    } else {
        let _ = writeln!(out, "\n{name}:");
        for (label, n) in rows {
            let _ = writeln!(out, "  {n:>6}  {label}");
        }
    }
}
