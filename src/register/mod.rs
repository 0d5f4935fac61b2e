//! The register of breaches (GDPR Art. 33(5)): one [`Row`] per breach record, with the columns a
//! supervisor asks for, and the statistics over them ([`Stats`], [`Summary`], [`html_page`]).
//!
//! A row is made from a record's bytes ([`Row::read`]): the record is read and validated, and a
//! record that fails validation is still listed, with what could be read and its problems. The
//! columns ([`COLUMNS`]) are, in order, with the record member each comes from:
//!
//! | Key | Swedish | English | Source member |
//! |---|---|---|---|
//! | `source` | Källa | Source | the file (and line of an NDJSON stream) |
//! | `id` | Identitet | Identifier | `/id` |
//! | `internalReference` | Intern referens | Internal reference | `/controller/internalReference` |
//! | `occurred` | Inträffade | Occurred | `/facts/occurred` (Swedish local date and time) |
//! | `discovered` | Upptäcktes | Discovered | `/facts/discovered` |
//! | `ceased` | Upphörde | Ceased | `/facts/ceased` |
//! | `nature` | Vad som hänt | Nature | `/facts/nature` |
//! | `breachTypes` | Typ av incident | Breach types | `/facts/breachTypes` |
//! | `cause` | Orsak | Cause | `/facts/cause` |
//! | `dataCategories` | Personuppgifter | Data categories | `/affected/dataCategories` |
//! | `subjectGroups` | Registrerade | Data subject groups | `/affected/subjectGroups` |
//! | `subjectCount` | Antal registrerade | Number of data subjects | `/affected/subjectCount` |
//! | `recordCount` | Antal uppgifter | Number of records | `/affected/recordCount` |
//! | `band` | Allvarlighet (ENISA) | Severity band (ENISA) | ENISA's band of `/assessment` |
//! | `score` | Poäng (ENISA) | Score (ENISA) | ENISA's score of `/assessment` |
//! | `conclusion` | Slutsats om risken | Risk conclusion | `/assessment/conclusion` |
//! | `notifyDecision` | Anmäla till IMY | Notify IMY | `/decisions/notifyAuthority/decision` |
//! | `notifyReason` | Skäl att inte anmäla | Reason not notifying | `/decisions/notifyAuthority/reason` |
//! | `notifiedAt` | Anmäld | Notified at | `/filings` (the initial filing's `submittedAt`) |
//! | `within72Hours` | Inom 72 timmar | Within 72 hours | the filing against `/facts/discovered` |
//! | `lateReason` | Skäl till dröjsmål | Reason for delay | `/decisions/notifyAuthority/lateReason` |
//! | `imyCaseNumber` | IMY:s diarienummer | IMY case number | `/filings` (the first `caseNumber`) |
//! | `informDecision` | Informera de registrerade | Inform data subjects | `/decisions/informDataSubjects/decision` |
//! | `informedOn` | Registrerade informerade | Data subjects informed | `/communication/sentOn` |
//! | `informGround` | Skäl att inte informera | Ground not informing | `/decisions/informDataSubjects/ground` |
//! | `otherAuthorities` | Andra myndigheter | Other authorities | `/otherAuthorities` (authority and case number) |
//! | `status` | Status | Status | `/status` |
//! | `closedOn` | Avslutad | Closed on | `/closedOn` |
//! | `errors` | Fel | Errors | the number of validation errors |
//! | `warnings` | Varningar | Warnings | the number of validation warnings |
//!
//! "Within 72 hours" is `yes` or `no` for a notified breach (the deadline engine's elapsed count
//! from question 11's moment, [`crate::deadline::gdpr_lateness`]), `not_applicable`
//! when no notification was filed, and `unknown` when the discovery moment is missing or cannot be
//! resolved. A date without a time counts from 00:00 that day, as the deadline engine does.

mod chart;
mod stats;

use serde::Serialize;
use time::OffsetDateTime;

use crate::assessment::{assess, Band};
use crate::lang::Lang;
use crate::model::affected::{Count, DataCategory, SubjectGroup};
use crate::model::assessment::RiskLevel;
use crate::model::decision::{DecisionOutcome, InformGround, NotNotifyingReason};
use crate::model::incident::{Cause, EventTime, Nature};
use crate::model::record::{BreachRecord, BreachType, IncidentStatus};
use crate::time::deadline::{gdpr_lateness, Awareness, CountingPolicy};
use crate::time::stockholm::{to_instant, to_local};
use crate::validation::{validate_record_json, Report, ValidationOptions, Violation};
use crate::values::choice::{Choice, ChoiceSet};

pub use chart::{html_page, MAX_MONTHS, MAX_NOTIFIED_BARS};
pub use stats::{DelayStats, Stats, Summary, Tallies, Tally};

/// One column of the register: its key (the member of [`Row`] in JSON), its names and where its
/// value comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    /// The key, camelCase, as in the JSON output.
    pub key: &'static str,
    /// The Swedish name (the CSV and Markdown header with `--lang sv`).
    pub sv: &'static str,
    /// The English name.
    pub en: &'static str,
    /// The record member it comes from.
    pub source: &'static str,
}

impl Column {
    /// The name in `lang`.
    ///
    /// # Example
    /// ```
    /// use imy_breach::{register::COLUMNS, Lang};
    /// assert_eq!(COLUMNS[1].name(Lang::En), "Identifier");
    /// ```
    pub fn name(&self, lang: Lang) -> &'static str {
        if lang == Lang::En {
            self.en
        } else {
            self.sv
        }
    }
}

macro_rules! columns {
    ($($key:literal, $sv:literal, $en:literal, $source:literal;)*) => {
        /// The columns of the register, in order (see the [module documentation](self)).
        pub const COLUMNS: &[Column] = &[$(Column { key: $key, sv: $sv, en: $en, source: $source }),*];
    };
}

columns! {
    "source", "Källa", "Source", "the file and line";
    "id", "Identitet", "Identifier", "/id";
    "internalReference", "Intern referens", "Internal reference", "/controller/internalReference";
    "occurred", "Inträffade", "Occurred", "/facts/occurred";
    "discovered", "Upptäcktes", "Discovered", "/facts/discovered";
    "ceased", "Upphörde", "Ceased", "/facts/ceased";
    "nature", "Vad som hänt", "Nature", "/facts/nature";
    "breachTypes", "Typ av incident", "Breach types", "/facts/breachTypes";
    "cause", "Orsak", "Cause", "/facts/cause";
    "dataCategories", "Personuppgifter", "Data categories", "/affected/dataCategories";
    "subjectGroups", "Registrerade", "Data subject groups", "/affected/subjectGroups";
    "subjectCount", "Antal registrerade", "Number of data subjects", "/affected/subjectCount";
    "recordCount", "Antal uppgifter", "Number of records", "/affected/recordCount";
    "band", "Allvarlighet (ENISA)", "Severity band (ENISA)", "/assessment";
    "score", "Poäng (ENISA)", "Score (ENISA)", "/assessment";
    "conclusion", "Slutsats om risken", "Risk conclusion", "/assessment/conclusion";
    "notifyDecision", "Anmäla till IMY", "Notify IMY", "/decisions/notifyAuthority/decision";
    "notifyReason", "Skäl att inte anmäla", "Reason not notifying", "/decisions/notifyAuthority/reason";
    "notifiedAt", "Anmäld", "Notified at", "/filings";
    "within72Hours", "Inom 72 timmar", "Within 72 hours", "/filings, /facts/discovered";
    "lateReason", "Skäl till dröjsmål", "Reason for delay", "/decisions/notifyAuthority/lateReason";
    "imyCaseNumber", "IMY:s diarienummer", "IMY case number", "/filings";
    "informDecision", "Informera de registrerade", "Inform data subjects", "/decisions/informDataSubjects/decision";
    "informedOn", "Registrerade informerade", "Data subjects informed", "/communication/sentOn";
    "informGround", "Skäl att inte informera", "Ground not informing", "/decisions/informDataSubjects/ground";
    "otherAuthorities", "Andra myndigheter", "Other authorities", "/otherAuthorities";
    "status", "Status", "Status", "/status";
    "closedOn", "Avslutad", "Closed on", "/closedOn";
    "errors", "Fel", "Errors", "validation";
    "warnings", "Varningar", "Warnings", "validation";
}

/// Whether a breach was notified within 72 hours of its discovery.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Within72Hours {
    /// Notified at or before the deadline.
    Yes,
    /// Notified after it.
    No,
    /// Not notified (no initial filing with a moment).
    NotApplicable,
    /// Notified, but the discovery moment is missing or cannot be resolved.
    Unknown,
}

impl Within72Hours {
    /// The value in `lang`.
    ///
    /// # Example
    /// ```
    /// use imy_breach::{register::Within72Hours, Lang};
    /// assert_eq!(Within72Hours::NotApplicable.label(Lang::Sv), "Ej tillämpligt");
    /// ```
    pub fn label(self, lang: Lang) -> &'static str {
        let (sv, en) = match self {
            Within72Hours::Yes => ("Ja", "Yes"),
            Within72Hours::No => ("Nej", "No"),
            Within72Hours::NotApplicable => ("Ej tillämpligt", "Not applicable"),
            Within72Hours::Unknown => ("Okänt", "Unknown"),
        };
        if lang == Lang::En {
            en
        } else {
            sv
        }
    }
}

/// Another authority told, as a row shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AuthorityCell {
    /// The authority's code (`police`, `csirt`, `other`), if given.
    pub authority: Option<crate::model::notices::Authority>,
    /// Its case number, if given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub case_number: Option<String>,
}

/// One breach in the register (see the [module documentation](self) for each column). Option
/// values are typed (codes in JSON, labels in [`Row::cells`]); a value the record does not give
/// is `None` (absent in JSON, an empty cell).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Row {
    /// The file, and `:line` for a line of an NDJSON stream (`-` for standard input).
    pub source: String,
    /// The record's identifier (`/id`).
    pub id: Option<String>,
    /// The controller's internal reference (`/controller/internalReference`).
    pub internal_reference: Option<String>,
    /// When it occurred, `YYYY-MM-DD HH:MM` or the date alone, Swedish local time (`/facts/occurred`).
    pub occurred: Option<String>,
    /// When it was discovered (`/facts/discovered`).
    pub discovered: Option<String>,
    /// When it ceased (`/facts/ceased`).
    pub ceased: Option<String>,
    /// What happened (`/facts/nature`).
    pub nature: Option<Nature>,
    /// Confidentiality, integrity, availability (`/facts/breachTypes`).
    pub breach_types: Vec<BreachType>,
    /// Why it happened (`/facts/cause`).
    pub cause: Option<Cause>,
    /// The categories of personal data (`/affected/dataCategories`).
    pub data_categories: Vec<DataCategory>,
    /// The groups of data subjects (`/affected/subjectGroups`).
    pub subject_groups: Vec<SubjectGroup>,
    /// The number of data subjects, as given (`/affected/subjectCount`).
    pub subject_count: Option<Count>,
    /// The number of records, as given (`/affected/recordCount`).
    pub record_count: Option<Count>,
    /// ENISA's severity band of the assessment, when its inputs settle it.
    pub band: Option<Band>,
    /// ENISA's score, when every input is known.
    pub score: Option<f64>,
    /// The controller's conclusion on the risk (`/assessment/conclusion`).
    pub conclusion: Option<RiskLevel>,
    /// The decision whether to notify IMY.
    pub notify_decision: Option<DecisionOutcome>,
    /// Why not, when the decision is no.
    pub notify_reason: Option<NotNotifyingReason>,
    /// When the notification was filed (the initial filing's `submittedAt`, RFC 3339 as given).
    pub notified_at: Option<String>,
    #[serde(rename = "within72Hours")]
    /// Whether it was filed within 72 hours of discovery.
    pub within_72_hours: Within72Hours,
    /// The reason for a late notification.
    pub late_reason: Option<String>,
    /// IMY's case number (the first filing that has one).
    pub imy_case_number: Option<String>,
    /// The decision whether to inform the data subjects.
    pub inform_decision: Option<DecisionOutcome>,
    /// When they were informed (`/communication/sentOn`).
    pub informed_on: Option<String>,
    /// Why not, when the decision is no.
    pub inform_ground: Option<InformGround>,
    /// The other authorities told, with their case numbers.
    pub other_authorities: Vec<AuthorityCell>,
    /// Where the handling stands (`/status`).
    pub status: Option<IncidentStatus>,
    /// When the record was closed (`/closedOn`).
    pub closed_on: Option<String>,
    /// The number of validation errors.
    pub errors: usize,
    /// The number of validation warnings.
    pub warnings: usize,
    /// Minutes from occurrence to discovery (not a column: the statistics' detection delay).
    pub detection_delay_minutes: Option<i64>,
    /// Minutes from discovery to the notification (not a column: the statistics' time to notify).
    pub time_to_notify_minutes: Option<i64>,
    /// The month of discovery (of occurrence when discovery is not given), `YYYY-MM` (not a column).
    pub month: Option<String>,
    /// Every validation problem, errors and warnings (not a column: JSON only, and standard error).
    pub problems: Vec<Violation>,
}

impl Row {
    /// Reads and validates one record and makes its row. A record that cannot be read whole is
    /// still listed with what could be read (the values at fault set aside) and its problems.
    ///
    /// # Example
    /// ```
    /// use imy_breach::{register::{Row, Within72Hours}, ValidationOptions};
    /// let row = Row::read("a.json", br#"{"kind":"breach_record","schemaVersion":"1.0","id":"PUI-1",
    ///   "facts":{"discovered":{"date":"2025-03-28","time":"10:00"}},
    ///   "filings":[{"kind":"initial","submittedAt":"2025-03-31T12:30:00+02:00"}]}"#, &ValidationOptions::new());
    /// assert_eq!(row.id.as_deref(), Some("PUI-1"));
    /// assert_eq!(row.within_72_hours, Within72Hours::No); // 90 minutes late
    /// assert_eq!(row.time_to_notify_minutes, Some(72 * 60 + 90));
    /// assert!(row.errors > 0); // many facts are missing
    /// ```
    pub fn read(source: impl Into<String>, bytes: &[u8], options: &ValidationOptions) -> Row {
        let (record, report) = match crate::wire::read::read_all::<BreachRecord>(bytes) {
            Ok(r) => {
                let report = r.validate(options);
                (Some(r), report)
            }
            Err(e) => (e.remainder.map(|r| r.document), validate_record_json(bytes, options).1),
        };
        Row::new(source, record.as_ref(), report)
    }

    /// The row of `record` (or of nothing readable) with its validation `report`.
    ///
    /// # Example
    /// ```
    /// use imy_breach::{register::Row, BreachRecord, Report};
    /// let row = Row::new("-", None, Report::default());
    /// assert_eq!((row.id, row.errors), (None, 0));
    /// ```
    pub fn new(source: impl Into<String>, record: Option<&BreachRecord>, report: Report) -> Row {
        let mut row = Row::empty(source.into(), report);
        if let Some(r) = record {
            row.fill(r);
        }
        row
    }

    fn empty(source: String, report: Report) -> Row {
        Row {
            source,
            id: None,
            internal_reference: None,
            occurred: None,
            discovered: None,
            ceased: None,
            nature: None,
            breach_types: Vec::new(),
            cause: None,
            data_categories: Vec::new(),
            subject_groups: Vec::new(),
            subject_count: None,
            record_count: None,
            band: None,
            score: None,
            conclusion: None,
            notify_decision: None,
            notify_reason: None,
            notified_at: None,
            within_72_hours: Within72Hours::NotApplicable,
            late_reason: None,
            imy_case_number: None,
            inform_decision: None,
            informed_on: None,
            inform_ground: None,
            other_authorities: Vec::new(),
            status: None,
            closed_on: None,
            errors: report.errors().count(),
            warnings: report.warnings().count(),
            detection_delay_minutes: None,
            time_to_notify_minutes: None,
            month: None,
            problems: report.violations,
        }
    }

    fn fill(&mut self, r: &BreachRecord) {
        let f = &r.facts;
        self.id = r.id.as_ref().map(|t| t.as_str().to_owned());
        self.internal_reference = r.controller.internal_reference.as_ref().map(|t| t.as_str().to_owned());
        (self.occurred, self.discovered, self.ceased) =
            (shown(&f.occurred), shown(&f.discovered), shown(&f.ceased));
        (self.nature, self.cause, self.breach_types) = (f.nature, f.cause, listed(&f.breach_types));
        self.data_categories = listed(&r.affected.data_categories);
        self.subject_groups = listed(&r.affected.subject_groups);
        self.subject_count = Some(r.affected.subject_count.clone()).filter(|c| c != &Count::default());
        self.record_count = Some(r.affected.record_count.clone()).filter(|c| c != &Count::default());
        let n = r.to_notification();
        if let Some(a) = &r.assessment {
            let severity = assess(&n, a).severity;
            self.band = severity.and_then(|s| s.band);
            self.score = severity.and_then(|s| s.score).map(|s| s.value());
            self.conclusion = a.conclusion;
        }
        let (notify, inform) = (&r.decisions.notify_authority, &r.decisions.inform_data_subjects);
        (self.notify_decision, self.notify_reason) = (notify.decision, notify.reason);
        self.late_reason = notify.late_reason.as_ref().map(|t| t.as_str().to_owned());
        (self.inform_decision, self.inform_ground) = (inform.decision, inform.ground);
        self.informed_on = r.communication.as_ref().and_then(|c| c.sent_on).map(|d| d.to_string());
        self.imy_case_number =
            r.filings.iter().find_map(|f| f.case_number.as_ref()).map(|t| t.as_str().to_owned());
        self.other_authorities = r
            .other_authorities
            .iter()
            .map(|a| AuthorityCell {
                authority: a.authority,
                case_number: a.case_number.as_ref().map(|t| t.as_str().to_owned()),
            })
            .collect();
        (self.status, self.closed_on) = (r.status, r.closed_on.map(|d| d.to_string()));
        self.month = f.discovered.date.or(f.occurred.date).map(|d| d.to_string()[..7].to_owned());
        self.detection_delay_minutes = match (instant(&f.occurred), instant(&f.discovered)) {
            (Some(o), Some(d)) => Some((d - o).whole_minutes()),
            _ => None,
        };
        self.timing(r, &n);
    }

    /// The notification's moment, its lateness and the time to notify.
    fn timing(&mut self, r: &BreachRecord, n: &crate::model::notification::Notification) {
        let Some(at) = r.initial_filing().and_then(|f| f.submitted_at) else { return };
        self.notified_at = Some(at.to_string());
        self.within_72_hours = match gdpr_lateness(n, at.get(), CountingPolicy::Elapsed) {
            Ok(Some(l)) if l.late_by.is_some() => Within72Hours::No,
            Ok(Some(_)) => Within72Hours::Yes,
            _ => Within72Hours::Unknown,
        };
        if let Ok(Some(aware)) = Awareness::of(n) {
            self.time_to_notify_minutes = Some((at.get() - aware.at).whole_minutes());
        }
    }

    /// The row's cells in column order ([`COLUMNS`]), as text in `lang`: option labels, several
    /// values joined by `"; "`, counts as the form shows them, numbers with the language's decimal
    /// separator, moments in Swedish local time (`YYYY-MM-DD HH:MM`).
    ///
    /// # Example
    /// ```
    /// use imy_breach::{register::{Row, COLUMNS}, Lang, ValidationOptions};
    /// let row = Row::read("a.json", br#"{"kind":"breach_record","schemaVersion":"1.0",
    ///   "facts":{"nature":"loss_or_theft"}}"#, &ValidationOptions::new());
    /// let cells = row.cells(Lang::En);
    /// assert_eq!(cells.len(), COLUMNS.len());
    /// assert_eq!(cells[6], "Loss or theft");
    /// ```
    pub fn cells(&self, lang: Lang) -> Vec<String> {
        let opt = |s: &Option<String>| s.clone().unwrap_or_default();
        let authorities = self.other_authorities.iter().map(|a| {
            let name = a.authority.map(|x| x.label(lang)).unwrap_or_default();
            match &a.case_number {
                Some(c) => format!("{name} ({c})"),
                None => name.to_owned(),
            }
        });
        vec![
            self.source.clone(),
            opt(&self.id),
            opt(&self.internal_reference),
            opt(&self.occurred),
            opt(&self.discovered),
            opt(&self.ceased),
            label(self.nature, lang),
            labels(&self.breach_types, lang),
            label(self.cause, lang),
            labels(&self.data_categories, lang),
            labels(&self.subject_groups, lang),
            self.subject_count.as_ref().map(|c| count(c, lang)).unwrap_or_default(),
            self.record_count.as_ref().map(|c| count(c, lang)).unwrap_or_default(),
            label(self.band, lang),
            self.score.map(|s| decimal(s, lang)).unwrap_or_default(),
            label(self.conclusion, lang),
            label(self.notify_decision, lang),
            label(self.notify_reason, lang),
            self.notified_at.as_deref().map(local_moment).unwrap_or_default(),
            self.within_72_hours.label(lang).to_owned(),
            opt(&self.late_reason),
            opt(&self.imy_case_number),
            label(self.inform_decision, lang),
            opt(&self.informed_on),
            label(self.inform_ground, lang),
            authorities.collect::<Vec<_>>().join("; "),
            label(self.status, lang),
            opt(&self.closed_on),
            self.errors.to_string(),
            self.warnings.to_string(),
        ]
    }
}

fn listed<C: Choice>(set: &ChoiceSet<C>) -> Vec<C> {
    set.iter().collect()
}

fn label<C: Choice>(c: Option<C>, lang: Lang) -> String {
    c.map(|c| c.label(lang).to_owned()).unwrap_or_default()
}

fn labels<C: Choice>(cs: &[C], lang: Lang) -> String {
    cs.iter().map(|c| c.label(lang)).collect::<Vec<_>>().join("; ")
}

/// A number with the language's decimal separator (`3,75` in Swedish).
fn decimal(x: f64, lang: Lang) -> String {
    let s = x.to_string();
    if lang == Lang::Sv {
        s.replace('.', ",")
    } else {
        s
    }
}

/// A count as the form shows it: the exact number, "ca 500" / "about 500", the interval's label,
/// or the reason none is given.
fn count(c: &Count, lang: Lang) -> String {
    if let Some(n) = c.exact {
        return n.to_string();
    }
    if let Some(n) = c.approximate {
        return if lang == Lang::En { format!("about {n}") } else { format!("ca {n}") };
    }
    if let Some(i) = c.interval {
        return i.label(lang).to_owned();
    }
    c.state.map(|s| s.label(lang).to_owned()).unwrap_or_default()
}

/// A moment of the form as `YYYY-MM-DD HH:MM` (or the date alone).
fn shown(t: &EventTime) -> Option<String> {
    let date = t.date?;
    Some(match t.time {
        Some(time) => format!("{date} {time}"),
        None => date.to_string(),
    })
}

/// The instant of a moment of the form (00:00 when only the date is given).
fn instant(t: &EventTime) -> Option<OffsetDateTime> {
    to_instant(t.date?, t.time, t.utc_offset).ok().map(|r| r.instant)
}

/// An RFC 3339 moment in Swedish local time, `YYYY-MM-DD HH:MM`.
fn local_moment(rfc3339: &str) -> String {
    use time::format_description::well_known::Rfc3339;
    let Ok(t) = OffsetDateTime::parse(rfc3339, &Rfc3339) else { return rfc3339.to_owned() };
    let local = to_local(t).unwrap_or(t);
    let d = local.date();
    format!(
        "{:04}-{:02}-{:02} {:02}:{:02}",
        d.year(),
        u8::from(d.month()),
        d.day(),
        local.hour(),
        local.minute()
    )
}
