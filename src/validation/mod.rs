//! Validation: every problem with a notification at once, each with a JSON pointer, a stable code, a
//! level (error or warning) and a message in Swedish and English.
//!
//! - [`validate_json`] / [`validate_json_with`] take a document as bytes. When it cannot be read into
//!   the model, the reading problems are violations (all of them, see
//!   [`Notification::from_json_all_errors`]), and the rules still run on what can be read: each value
//!   at fault is set aside, and findings about it or depending on it are left out, so that a mistyped
//!   phone number does not hide a missing description.
//! - [`Notification::validate`] runs the rules on a notification in memory.
//!
//! Every violation carries the JSON pointer (RFC 6901) of the answer at fault; for a missing answer
//! the pointer names the answer itself, not its parent object. An **error** means the notification
//! cannot be filed as it is, a **warning** is advice to consider: [`Report::is_valid`] is true when
//! there are no errors. The moment of filing is [`ValidationOptions::submitted_at`], the document's
//! `submittedAt` or [`ValidationOptions::now`], in that order; without one, the rules that need it
//! are skipped ([`Report::skipped`]). Whether a missing answer is an error or a warning follows
//! the form table ([`crate::form::Field`]; listed by [`required_answers`]).
//!
//! The reasons are in `docs/DESIGN.md` (in the repository), section Validation.
//!
//! # Example
//! ```
//! let (_, report) = imy_breach::validate_json(br#"{"schemaVersion":"1.0"}"#);
//! assert!(!report.is_valid());
//! assert!(report.violations.iter().any(|v| v.pointer == "/controller/name" && v.code == "required"));
//! ```
//!
//! # The rule catalogue
//!
//! Also printed by `imy-breach rules`. "Schema" says whether the canonical JSON Schema expresses the
//! rule; the others are listed in the schema under `x-rules`.
//!
#![doc = include_str!("rules.md")]

mod broken;
mod catalogue;
mod documents;
mod options;
mod record;
mod report;
mod rules;
mod subject;

/// How messages name the answer at `pointer`, in English ("Question 13 (When did the breach cease?)").
pub(crate) fn subject_en(pointer: &str) -> String {
    subject::subject(pointer).text.en
}

pub use catalogue::{required_answers, rule, RequiredAnswer, RuleInfo, RuleKind, RULES};
pub use documents::{catalogue_json, FileReport, LocalizedViolation};
pub use options::ValidationOptions;
pub use record::{is_record_json, validate_record_json};
pub use report::{Level, Report, Violation, MAX_FINDINGS_PER_CODE};
pub use rules::assessment::{assessment_consistency, validate_with_assessment, REPLACED_BY_ASSESSMENT};

use crate::lang::Lang;
use crate::model::notification::Notification;

impl Notification {
    /// Checks every rule of the form and the law (see [`RULES`]) and returns every violation at once.
    ///
    /// # Example
    /// ```
    /// use imy_breach::{Notification, ValidationOptions};
    /// let n = Notification::from_json(r#"{"schemaVersion":"1.0","incident":{"ongoing":"no"}}"#)?;
    /// let report = n.validate(&ValidationOptions::new());
    /// assert!(!report.is_valid());
    /// let ceased = report.violations.iter().find(|v| v.pointer == "/incident/ceased/date").unwrap();
    /// assert_eq!(ceased.code, "required-when");
    /// assert_eq!(
    ///     ceased.message.en,
    ///     "Question 13 (When did the breach cease?), field “Date”, must be filled in when the answer \
    ///      to question 12 (Is the breach still ongoing?) is “No”."
    /// );
    /// # Ok::<(), imy_breach::ParseError>(())
    /// ```
    pub fn validate(&self, options: &ValidationOptions) -> Report {
        rules::run(self, options, &broken::Broken::default())
    }
}

/// Reads and validates a document given as bytes, with the document's `submittedAt` as the only
/// submission moment. See [`validate_json_with`].
///
/// # Example
/// ```
/// let (n, report) = imy_breach::validate_json(br#"{"schemaVersion":"1.0","controller":{"organisationNumber":"x"}}"#);
/// assert!(n.is_none());
/// assert_eq!(report.violations[0].code, "organisation-number-format");
/// assert_eq!(report.violations[0].pointer, "/controller/organisationNumber");
/// // The rules ran on the rest: the organisation's name is missing too.
/// assert!(report.violations.iter().any(|v| v.code == "required" && v.pointer == "/controller/name"));
/// ```
pub fn validate_json(bytes: &[u8]) -> (Option<Notification>, Report) {
    validate_json_with(bytes, &ValidationOptions::default())
}

/// Reads and validates a document given as bytes.
///
/// Returns the notification when it could be read, and the report: the reading problems (each an
/// error), then the findings of the rules. When the document could not be read, the rules run on
/// what could (every value at fault set aside) and their findings about the values at fault are
/// left out; when it is not JSON at all, only the syntax error is reported.
///
/// # Example
/// ```
/// use imy_breach::{validate_json_with, ValidationOptions};
/// use time::macros::datetime;
/// let doc = br#"{"schemaVersion":"1.0","incident":{"discovered":{"date":"2025-04-02"}}}"#;
/// let options = ValidationOptions::new().submitted_at(datetime!(2025-03-31 09:00 +02:00));
/// let (_, report) = validate_json_with(doc, &options);
/// assert!(report.violations.iter().any(|v| v.code == "future-date" && v.pointer == "/incident/discovered"));
/// ```
pub fn validate_json_with(bytes: &[u8], options: &ValidationOptions) -> (Option<Notification>, Report) {
    read_and_validate(bytes, |n: &Notification, broken| rules::run(n, options, broken))
}

/// Reads a document and runs `rules` on it, or, when it cannot be read, on what could be read (the
/// values at fault set aside); the reading problems come first.
pub(crate) fn read_and_validate<T: crate::wire::read::Document>(
    bytes: &[u8],
    rules: impl Fn(&T, &broken::Broken) -> Report,
) -> (Option<T>, Report) {
    match crate::wire::read::read_all::<T>(bytes) {
        Ok(n) => {
            let report = rules(&n, &broken::Broken::default());
            (Some(n), report)
        }
        Err(crate::wire::read::Unreadable { errors, remainder }) => {
            let mut report = match remainder {
                Some(r) => rules(&r.document, &broken::Broken::new(r.set_aside, r.shifted_lists)),
                None => Report::default(),
            };
            let mut violations: Vec<Violation> = errors.into_iter().map(Violation::from).collect();
            violations.append(&mut report.violations);
            report.violations = violations;
            (None, report)
        }
    }
}

/// The rule catalogue as a Markdown table in the given language (the table in this module's
/// documentation is the English one).
///
/// # Example
/// ```
/// let md = imy_breach::validation::catalogue_markdown(imy_breach::Lang::En);
/// assert!(md.starts_with("| Code | Level | Kind | Checks | Source | Schema |"));
/// ```
pub fn catalogue_markdown(lang: Lang) -> String {
    let (head, yes, no) = match lang {
        Lang::Sv => ("| Kod | Nivå | Slag | Kontrollerar | Källa | Schema |", "ja", "nej"),
        Lang::En => ("| Code | Level | Kind | Checks | Source | Schema |", "yes", "no"),
    };
    let mut out = format!("{head}\n|---|---|---|---|---|---|\n");
    for r in RULES {
        let timed = match (r.needs_submission_moment, lang) {
            (true, Lang::Sv) => " Kräver tidpunkt för inlämning.",
            (true, _) => " Needs the submission moment.",
            (false, _) => "",
        };
        out.push_str(&format!(
            "| `{}` | {} | {} | {}{timed} | {} | {} |\n",
            r.code,
            r.level.label(lang),
            r.kind.code(),
            r.checks(lang).replace('|', "\\|"),
            r.source(lang).replace('|', "\\|"),
            if r.in_schema { yes } else { no },
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_table_is_the_catalogue() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/validation/rules.md");
        let table = catalogue_markdown(Lang::En);
        if std::env::var_os("IMY_BREACH_UPDATE_RULES").is_some() {
            std::fs::write(path, &table).unwrap();
        }
        assert_eq!(include_str!("rules.md"), table, "run with IMY_BREACH_UPDATE_RULES=1 to regenerate");
    }

    #[test]
    fn codes_are_unique_kebab_case() {
        let mut seen = std::collections::HashSet::new();
        for r in RULES {
            assert!(seen.insert(r.code), "{} twice", r.code);
            assert!(r.code.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'), "{}", r.code);
        }
    }
}
