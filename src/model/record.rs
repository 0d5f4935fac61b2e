//! The breach record: the documentation of one personal data breach that GDPR Art. 33(5) requires
//! for every breach, notified or not — the facts, the effects, the assessment, the decisions with
//! their reasons, the remedial action and what was sent to whom. It reuses the notification's answer
//! types, so that a record gives a notification its known answers and a notification gives a record
//! its facts (see [`BreachRecord::to_notification`]).

use std::borrow::Cow;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::model::affected::DataAndSubjects;
use crate::model::assessment::RiskAssessment;
use crate::model::consequences::{Action, Consequence, Severity};
use crate::model::controller::Controller;
use crate::model::decision::Decisions;
use crate::model::incident::{AreaOfActivity, Cause, DiscoveryMethod, EventTime, Nature, Sector};
use crate::model::notices::{AuthorityReport, Communication, Filing, MAX_RECORD_ITEMS};
use crate::model::version::SchemaVersion;
use crate::values::choice::{choice_enum, ChoiceSet, YesNo};
use crate::values::datetime::LocalDate;
use crate::values::error::FieldError;
use crate::values::text::{LongText, ShortText};

/// The value of a breach record's `kind` member.
pub const RECORD_KIND: &str = "breach_record";

/// The documentation of one breach (GDPR Art. 33(5)), notified or not.
///
/// Every member but `kind` and `schemaVersion` is optional when read; validation
/// ([`BreachRecord::validate`](crate::BreachRecord::validate)) says what is missing.
///
/// # Example
/// ```
/// use imy_breach::{BreachRecord, DecisionOutcome};
/// let r = BreachRecord::from_json(r#"{"kind":"breach_record","schemaVersion":"1.0",
///   "id":"PUI-2025-007","decisions":{"notifyAuthority":{"decision":"no","reason":"risk_unlikely"}}}"#)?;
/// assert_eq!(r.decisions.notify_authority.decision, Some(DecisionOutcome::No));
/// assert_eq!(BreachRecord::from_json(&r.to_json())?, r);
/// # Ok::<(), imy_breach::ParseError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[schemars(title = "Personuppgiftsincident: dokumentation")]
pub struct BreachRecord {
    /// Always `"breach_record"`: what kind of document this is.
    pub kind: RecordKind,
    /// The version of the wire format. Required in every document.
    pub schema_version: SchemaVersion,
    /// The record's identifier in the controller's register of breaches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<ShortText>,
    /// The controller; its internal reference (question 4) is the record's reference too.
    #[serde(default, skip_serializing_if = "Controller::is_empty")]
    pub controller: Controller,
    /// What happened, when, and why.
    #[serde(default, skip_serializing_if = "Facts::is_empty")]
    pub facts: Facts,
    /// Who and what was affected (questions 23–27).
    #[serde(default, skip_serializing_if = "DataAndSubjects::is_empty")]
    pub affected: DataAndSubjects,
    /// The likely consequences (question 28), every one that applies.
    #[serde(default, skip_serializing_if = "ChoiceSet::is_empty")]
    pub likely_consequences: ChoiceSet<Consequence>,
    /// The comment, exactly when "Övrigt" is among the likely consequences.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub likely_consequences_comment: Option<LongText>,
    /// The controller's own rating of the severity (question 29).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
    /// The risk assessment: ENISA's inputs or the controller's own method, and the conclusion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessment: Option<RiskAssessment>,
    /// The decisions with their reasons.
    #[serde(default, skip_serializing_if = "Decisions::is_empty")]
    pub decisions: Decisions,
    /// The remedial actions taken or planned (question 30).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::limits::at_most::<_, _, 200>"
    )]
    #[schemars(length(max = 200))]
    pub actions: Vec<Action>,
    /// The filings with IMY: the notification and its supplements.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::limits::at_most::<_, _, MAX_RECORD_ITEMS>"
    )]
    #[schemars(length(max = MAX_RECORD_ITEMS))]
    pub filings: Vec<Filing>,
    /// The communication to the data subjects, or the public communication instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub communication: Option<Communication>,
    /// Other authorities told: the police, the CSIRT under NIS2, others.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::limits::at_most::<_, _, MAX_RECORD_ITEMS>"
    )]
    #[schemars(length(max = MAX_RECORD_ITEMS))]
    pub other_authorities: Vec<AuthorityReport>,
    /// Where the handling of the breach stands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<IncidentStatus>,
    /// When the record was closed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_on: Option<LocalDate>,
    /// Until when the record is kept (the retention period's end).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retain_until: Option<LocalDate>,
}

impl BreachRecord {
    /// An empty record of the current schema version.
    ///
    /// # Example
    /// ```
    /// assert!(imy_breach::BreachRecord::new().to_json().contains("\"kind\": \"breach_record\""));
    /// ```
    pub fn new() -> Self {
        Self::default()
    }

    /// The first filing of the notification itself (kind `initial`), if any.
    pub fn initial_filing(&self) -> Option<&Filing> {
        self.filings.iter().find(|f| f.kind == Some(crate::model::notices::FilingKind::Initial))
    }
}

/// The facts of the breach (questions 10–20 but 14, which is a decision's reason), and what the
/// notification has no question for: the kind of breach and the systems involved.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Facts {
    /// What happened (question 16).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<LongText>,
    /// What happened, list A (question 15).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nature: Option<Nature>,
    /// The kind of breach: confidentiality, integrity, availability, every one that applies.
    #[serde(default, skip_serializing_if = "ChoiceSet::is_empty")]
    pub breach_types: ChoiceSet<BreachType>,
    /// When it occurred (question 10).
    #[serde(default, skip_serializing_if = "EventTime::is_empty")]
    pub occurred: EventTime,
    /// When it was discovered (question 11).
    #[serde(default, skip_serializing_if = "EventTime::is_empty")]
    pub discovered: EventTime,
    /// Whether it is still ongoing (question 12).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ongoing: Option<YesNo>,
    /// When it ceased (question 13).
    #[serde(default, skip_serializing_if = "EventTime::is_empty")]
    pub ceased: EventTime,
    /// How it was discovered (question 17).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discovery_method: Option<DiscoveryMethod>,
    /// Why it happened (question 18).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cause: Option<Cause>,
    /// The comment, exactly when the cause is "Övrigt".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cause_comment: Option<LongText>,
    /// The sector (question 19).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<Sector>,
    /// The area of activity (question 20).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area_of_activity: Option<AreaOfActivity>,
    /// The comment, exactly when the area is "Övrigt".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area_of_activity_comment: Option<LongText>,
    /// The systems, services or registers involved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub systems: Option<LongText>,
}

impl Facts {
    /// Whether no fact is given.
    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }
}

choice_enum! {
    /// The kind of breach (GDPR Art. 4(12); DPV: confidentiality, integrity, availability breach).
    pub enum BreachType in "breach type" {
        /// Confidentiality: disclosure of, or access to, personal data (DPV: confidentiality breach).
        Confidentiality = ("confidentiality", Derived, "Konfidentialitet (röjande eller obehörig åtkomst)", "Confidentiality (disclosure or unauthorised access)"),
        /// Integrity: alteration of personal data (DPV: integrity breach).
        Integrity = ("integrity", Derived, "Riktighet (ändring)", "Integrity (alteration)"),
        /// Availability: loss of access to, or destruction of, personal data (DPV: availability breach).
        Availability = ("availability", Derived, "Tillgänglighet (förlust eller förstöring)", "Availability (loss or destruction)"),
    }
}

choice_enum! {
    /// Where the handling of the breach stands (DPV incident status).
    pub enum IncidentStatus in "incident status" {
        /// Still going on (DPV: incident ongoing).
        Ongoing = ("ongoing", Derived, "Pågår", "Ongoing"),
        /// Stopped, effects not yet dealt with (DPV: incident halted).
        Halted = ("halted", Derived, "Stoppad", "Halted"),
        /// Its effects mitigated (DPV: incident mitigated).
        Mitigated = ("mitigated", Derived, "Begränsad", "Mitigated"),
        /// Concluded, the record closed (DPV: incident concluded).
        Concluded = ("concluded", Derived, "Avslutad", "Concluded"),
        /// A near miss: no personal data were in the end affected (DPV: near miss).
        NearMiss = ("near_miss", Derived, "Tillbud", "Near miss"),
    }
}

/// The `kind` member of a breach record: always `"breach_record"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum RecordKind {
    /// `"breach_record"`.
    #[default]
    BreachRecord,
}

impl Serialize for RecordKind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(RECORD_KIND)
    }
}

impl<'de> Deserialize<'de> for RecordKind {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = Cow::<str>::deserialize(d)?;
        match v.as_ref() {
            RECORD_KIND => Ok(RecordKind::BreachRecord),
            other => Err(crate::values::error::reject(FieldError::DocumentKind {
                given: crate::lang::shown(other),
                expected: RECORD_KIND,
            })),
        }
    }
}

impl JsonSchema for RecordKind {
    fn schema_name() -> Cow<'static, str> {
        "RecordKind".into()
    }
    fn inline_schema() -> bool {
        true
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({"type": "string", "const": RECORD_KIND})
    }
}
