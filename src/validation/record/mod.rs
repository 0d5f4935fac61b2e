//! Validation of a breach record: the reading problems, then the record's own rules (its required
//! facts, the decisions and their reasons, the order of its dates, the filings and communication its
//! decisions call for, a late notification's reason). Every finding has a pointer into the record,
//! a stable code in the catalogue ([`RULES`](crate::validation::RULES)) and a message in Swedish and
//! English that names the answer, never its content.
//!
//! The rule that compares the decision not to notify with the risk assessment takes the assessment
//! as a function ([`RecommendsNotifying`]), so that the method lives in its own layer: see
//! [`BreachRecord::validate_with`].

mod rules;

use time::OffsetDateTime;

use crate::form::SHARED_ANSWERS;
use crate::lang::Bilingual;
use crate::model::assessment::RiskAssessment;
use crate::model::notification::Notification;
use crate::model::record::BreachRecord;
use crate::validation::broken::Broken;
use crate::validation::catalogue;
use crate::validation::options::ValidationOptions;
use crate::validation::report::{Level, Report, Violation};

/// Whether an assessment method recommends notifying IMY for a breach: the record's facts as a
/// notification ([`BreachRecord::to_notification`]) and its assessment. `None` when the method
/// cannot say (inputs missing).
///
/// The ENISA method is plugged in as, for example,
/// `&|n, a| Some(imy_breach::assessment::assess(n, a).recommendation.notify_authority)`.
pub type RecommendsNotifying<'a> = &'a dyn Fn(&Notification, &RiskAssessment) -> Option<bool>;

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
    pub fn validate(&self, options: &ValidationOptions) -> Report {
        self.validate_with(options, None)
    }

    /// As [`validate`](Self::validate), with an assessment method: a record that decides not to
    /// notify IMY, without an explanation, while the method recommends notifying, is flagged
    /// (`notify-no-against-assessment`, a warning). Without a method that rule does not run.
    ///
    /// # Example
    /// ```
    /// use imy_breach::{BreachRecord, ValidationOptions};
    /// let r = BreachRecord::from_json(r#"{"kind":"breach_record","schemaVersion":"1.0",
    ///   "assessment":{"conclusion":"risk"},
    ///   "decisions":{"notifyAuthority":{"decision":"no","reason":"risk_unlikely"}}}"#)?;
    /// let always = |_: &imy_breach::Notification, _: &imy_breach::RiskAssessment| Some(true);
    /// let report = r.validate_with(&ValidationOptions::new(), Some(&always));
    /// assert!(report.warnings().any(|v| v.code == "notify-no-against-assessment"));
    /// # Ok::<(), imy_breach::ParseError>(())
    /// ```
    pub fn validate_with(
        &self,
        options: &ValidationOptions,
        assess: Option<RecommendsNotifying<'_>>,
    ) -> Report {
        run(self, options, assess, &Broken::default())
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
    crate::validation::read_and_validate(bytes, |r: &BreachRecord, broken| run(r, options, None, broken))
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

fn run(
    r: &BreachRecord,
    options: &ValidationOptions,
    assess: Option<RecommendsNotifying<'_>>,
    broken: &Broken,
) -> Report {
    let mut found = Found { broken, out: Vec::new() };
    shared_answer_rules(r, options, &mut found);
    rules::required(r, &mut found);
    rules::decisions(r, &mut found);
    rules::dates(r, &mut found);
    rules::lateness(r, options, &mut found);
    if let Some(assess) = assess {
        rules::against_assessment(r, assess, &mut found);
    }
    Report { violations: found.out, skipped: Vec::new() }
}

/// The notification's rules about single answers — identifiers, counts, personal data and
/// invisible characters in text, the conditional questions — run on the prefilled notification, each
/// finding about a shared answer reported at the record's pointer ([`SHARED_ANSWERS`]). The rules
/// about filing (required answers, deadlines) are the record's own.
fn shared_answer_rules(r: &BreachRecord, options: &ValidationOptions, found: &mut Found<'_>) {
    use crate::validation::catalogue::RuleKind;
    let report = super::rules::run(&r.to_notification(), options, &Broken::default());
    for v in report.violations {
        let kind = catalogue::rule(v.code).map(|rule| rule.kind);
        if !matches!(
            kind,
            Some(
                RuleKind::Identifier
                    | RuleKind::Number
                    | RuleKind::PersonalData
                    | RuleKind::Text
                    | RuleKind::Conditional
            )
        ) {
            continue;
        }
        let mapped = SHARED_ANSWERS.iter().find_map(|(record, field)| {
            let at = field.pointer().to_string();
            let rest = v.pointer.strip_prefix(at.as_str())?;
            (rest.is_empty() || rest.starts_with('/')).then(|| format!("{record}{rest}"))
        });
        if let Some(pointer) = mapped {
            if !found.broken.covers(&pointer) {
                found.out.push(Violation { pointer, ..v });
            }
        }
    }
}

/// The moment's date in Swedish local time (its own date when out of range).
pub(super) fn local_date(at: OffsetDateTime) -> time::Date {
    crate::time::stockholm::to_local(at).map_or(at.date(), |l| l.date())
}
