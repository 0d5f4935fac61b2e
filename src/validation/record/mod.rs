//! Validation of a breach record: the reading problems, then the record's own rules (its required
//! facts, the decisions and their reasons, the order of its dates, the filings and communication its
//! decisions call for, a late notification's reason). Every finding has a pointer into the record,
//! a stable code in the catalogue ([`RULES`](crate::validation::RULES)) and a message in Swedish and
//! English that names the answer, never its content.
//!
//! Where the record has an assessment, it is assessed by ENISA's method (or the controller's own,
//! [`assess_record`]): a decision not to notify against the recommendation is flagged
//! (`notify-no-against-assessment`), and the prefilled notification's severity and informing are
//! compared with it ([`assessment_consistency`], at the record's pointers) instead of the rules of
//! thumb of [`REPLACED_BY_ASSESSMENT`], which run where there is no assessment.

mod rules;

use time::OffsetDateTime;

use crate::assessment::{assess_record, Assessment};
use crate::form::SHARED_ANSWERS;
use crate::lang::Bilingual;
use crate::model::record::BreachRecord;
use crate::validation::broken::Broken;
use crate::validation::catalogue;
use crate::validation::options::ValidationOptions;
use crate::validation::report::{Level, Report, Violation};
use crate::validation::rules::assessment::{assessment_consistency, REPLACED_BY_ASSESSMENT};

/// The consistency rule on informing the data subjects.
const INFORMING_DIVERGES: &str = "informing-diverges-from-assessment";

impl BreachRecord {
    /// Checks the record's rules and returns every violation at once.
    ///
    /// # Example
    /// ```
    /// use imy_breach::{BreachRecord, ValidationOptions};
    /// let r = BreachRecord::from_json(r#"{"kind":"breach_record","schemaVersion":"1.0",
    ///   "decisions":{"notifyAuthority":{"decision":"no"}}}"#)?;
    /// let report = r.validate(&ValidationOptions::new());
    /// assert!(report.violations.iter().any(|v| v.code == "not-notifying-reason-required"
    ///     && v.pointer == "/decisions/notifyAuthority/reason"));
    /// # Ok::<(), imy_breach::ParseError>(())
    /// ```
    ///
    /// With an assessment, the record is assessed and compared with its decisions:
    /// ```
    /// use imy_breach::{BreachRecord, ValidationOptions};
    /// let r = BreachRecord::from_json(r#"{"kind":"breach_record","schemaVersion":"1.1",
    ///   "affected":{"dataCategories":["health"]}, "severity":"not_serious",
    ///   "assessment":{"enisa":{"easeOfIdentification":"maximum","confidentiality":"unknown_recipients",
    ///     "integrity":"none","availability":"none","malicious":"yes"}},
    ///   "decisions":{"notifyAuthority":{"decision":"no","reason":"risk_unlikely"}}}"#)?;
    /// let codes: Vec<_> = r.validate(&ValidationOptions::new()).warnings().map(|v| (v.code, v.pointer.clone())).collect();
    /// assert!(codes.contains(&("notify-no-against-assessment", "/decisions/notifyAuthority/explanation".into())));
    /// assert!(codes.contains(&("severity-diverges-from-assessment", "/severity".into())));
    /// assert!(!codes.iter().any(|(c, _)| *c == "sensitive-data-low-severity"));
    /// # Ok::<(), imy_breach::ParseError>(())
    /// ```
    pub fn validate(&self, options: &ValidationOptions) -> Report {
        run(self, options, &Broken::default())
    }
}

/// Reads and validates a breach record given as bytes, as [`validate_json_with`](crate::validate_json_with)
/// does a notification: the reading problems (each an error), then the rules' findings on what could
/// be read.
///
/// # Example
/// ```
/// use imy_breach::{validate_record_json, ValidationOptions};
/// let (r, report) = validate_record_json(br#"{"kind":"breach_record","schemaVersion":"1.0","status":"lost",
///   "decisions":{"notifyAuthority":{"decision":"yes"}}}"#, &ValidationOptions::new());
/// assert!(r.is_none());
/// let codes: Vec<_> = report.violations.iter().map(|v| v.code).collect();
/// assert!(codes.contains(&"unknown-option") && codes.contains(&"notified-without-filing"));
/// // The status could not be read: it is not also reported missing.
/// assert!(!report.violations.iter().any(|v| v.code == "record-required" && v.pointer == "/status"));
/// ```
pub fn validate_record_json(bytes: &[u8], options: &ValidationOptions) -> (Option<BreachRecord>, Report) {
    crate::validation::read_and_validate(bytes, |r: &BreachRecord, broken| run(r, options, broken))
}

/// Whether a document declares itself a breach record (`"kind": "breach_record"` at its root), so
/// that a tool given documents of either kind reads each as what it is. A document with no `"kind"`
/// anywhere (a notification) is settled without being parsed.
///
/// # Example
/// ```
/// assert!(imy_breach::is_record_json(br#"{"schemaVersion":"1.0","kind":"breach_record"}"#));
/// assert!(!imy_breach::is_record_json(br#"{"schemaVersion":"1.0"}"#));
/// assert!(!imy_breach::is_record_json(br#"{"incident":{"description":""kind""}}"#));
/// ```
pub fn is_record_json(bytes: &[u8]) -> bool {
    crate::wire::kind::DocumentKind::of(bytes) == crate::wire::kind::DocumentKind::BreachRecord
}

/// The findings so far, leaving out those about answers that could not be read.
pub(super) struct Found<'a> {
    broken: &'a Broken,
    out: Vec<Violation>,
}

impl Found<'_> {
    /// Records a finding of `code` at `pointer`, unless it or an answer it depends on was set aside.
    fn push(&mut self, code: &'static str, pointer: &str, depends: &[&str], sv: String, en: String) {
        if self.broken.covers(pointer) || depends.iter().any(|d| self.broken.covers(d)) {
            return;
        }
        let level = catalogue::rule(code).map_or(Level::Error, |r| r.level);
        self.out.push(Violation {
            pointer: pointer.to_owned(),
            code,
            level,
            message: Bilingual::new(sv, en),
        });
    }
}

fn run(r: &BreachRecord, options: &ValidationOptions, broken: &Broken) -> Report {
    let mut found = Found { broken, out: Vec::new() };
    let assessment = assess_record(r);
    shared_answer_rules(r, options, assessment.as_ref(), &mut found);
    rules::required(r, &mut found);
    rules::decisions(r, &mut found);
    rules::dates(r, &mut found);
    rules::lateness(r, options, &mut found);
    if let Some(a) = &assessment {
        rules::against_assessment(r, a, &mut found);
    }
    Report { violations: found.out, skipped: Vec::new() }
}

/// The notification's rules about single answers — identifiers, counts, personal data and
/// invisible characters in text, the conditional questions — run on the prefilled notification, each
/// finding about a shared answer reported at the record's pointer ([`SHARED_ANSWERS`]). The rules
/// about filing (required answers, deadlines) are the record's own. The comparison with the risk
/// assessment ([`assessment_consistency`]) runs where `assessment` is given, the rules of thumb it
/// replaces ([`REPLACED_BY_ASSESSMENT`]) where it is not.
fn shared_answer_rules(
    r: &BreachRecord,
    options: &ValidationOptions,
    assessment: Option<&Assessment>,
    found: &mut Found<'_>,
) {
    use crate::validation::catalogue::RuleKind;
    let n = r.to_notification();
    let report = super::rules::run(&n, options, &Broken::default());
    let mut shared: Vec<Violation> = report
        .violations
        .into_iter()
        .filter(|v| {
            let kind = catalogue::rule(v.code).map(|rule| rule.kind);
            let single = matches!(
                kind,
                Some(
                    RuleKind::Identifier
                        | RuleKind::Number
                        | RuleKind::PersonalData
                        | RuleKind::Text
                        | RuleKind::Conditional
                )
            );
            single || (assessment.is_none() && REPLACED_BY_ASSESSMENT.contains(&v.code))
        })
        .collect();
    shared.extend(assessment.map(|a| assessment_consistency(&n, a)).unwrap_or_default());
    for v in &mut shared {
        // Questions 31–35 are derived from the decision to inform: the comparisons of the risk with
        // informing are reported at that decision (the other rules on 31–35 are the record's own,
        // communication-date-missing).
        let compares = REPLACED_BY_ASSESSMENT.contains(&v.code) || v.code == INFORMING_DIVERGES;
        if compares && v.pointer.starts_with("/dataSubjectInformation") {
            "/decisions/informDataSubjects/decision".clone_into(&mut v.pointer);
        }
    }
    for v in shared {
        if let Some(pointer) = record_pointer(&v.pointer) {
            if !found.broken.covers(&pointer) {
                found.out.push(Violation { pointer, ..v });
            }
        }
    }
}

/// The record's pointer for a pointer into the prefilled notification, along [`SHARED_ANSWERS`]; a
/// pointer already the record's (`/decisions/…`) as it is.
fn record_pointer(pointer: &str) -> Option<String> {
    if pointer.starts_with("/decisions/informDataSubjects") {
        return Some(pointer.to_owned());
    }
    SHARED_ANSWERS.iter().find_map(|(record, field)| {
        let at = field.pointer().to_string();
        let rest = pointer.strip_prefix(at.as_str())?;
        (rest.is_empty() || rest.starts_with('/')).then(|| format!("{record}{rest}"))
    })
}

/// The moment's date in Swedish local time (its own date when out of range).
pub(super) fn local_date(at: OffsetDateTime) -> time::Date {
    crate::time::stockholm::to_local(at).map_or(at.date(), |l| l.date())
}
