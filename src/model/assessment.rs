//! The risk assessment of a breach, as the controller records it: the inputs of ENISA's severity
//! method (Recommendations for a methodology of the assessment of severity of personal data
//! breaches, v1.0, December 2013; `SE = DPC × EI + CB`), or the controller's own method, and the
//! controller's conclusion.
//!
//! These are the inputs only. The facts the method also reads — the data categories (question 26),
//! the cause (question 18), the number of people (question 23) and encryption (question 27) — come
//! from the notification's answers, so that each fact is stated once. The Swedish labels are derived
//! (IMY's form has no such lists); the codes are stable.
//!
//! A ground of GDPR Art. 34(3) is not an input of the assessment: it is the controller's decision
//! ([`InformDecision::ground`](crate::InformDecision::ground)), stated once, in the record's
//! decisions. The assessment may suggest one (encrypted data, question 27, suggest ground (a)) and
//! weighs the decided one (see [`crate::assessment::assess_record`]).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::values::choice::{choice_enum, YesNo};
use crate::values::datetime::Timestamp;
use crate::values::text::{LongText, ShortText};

/// The most adjustments of the data-processing-context score in one assessment.
pub const MAX_DPC_ADJUSTMENTS: usize = 20;

/// The risk assessment of a breach: the ENISA inputs or the controller's own method (one of the
/// two), and the controller's conclusion after weighing it.
///
/// # Example
/// ```
/// let a: imy_breach::RiskAssessment = serde_json::from_str(r#"{
///   "enisa": { "easeOfIdentification": "maximum", "confidentiality": "unknown_recipients" },
///   "conclusion": "high_risk"
/// }"#).unwrap();
/// assert_eq!(a.conclusion, Some(imy_breach::RiskLevel::HighRisk));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RiskAssessment {
    /// The inputs of ENISA's severity method.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enisa: Option<EnisaInputs>,
    /// The controller's own method instead of ENISA's: how the risk was assessed, in its own words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub own_method: Option<LongText>,
    /// The controller's conclusion on the risk to the data subjects' rights and freedoms (the
    /// EDPB's 2026 draft template: high risk / risk / unlikely to result in a risk / more
    /// information needed). The method gives a presumption; this is the controller's weighing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conclusion: Option<RiskLevel>,
    /// Why the controller concluded so, in particular where it departs from the method's result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conclusion_reason: Option<LongText>,
    /// When the assessment was made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessed_at: Option<Timestamp>,
    /// Who made it: a role, not a person's name (for example "Dataskyddsombud").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessed_by: Option<ShortText>,
}

/// The inputs of ENISA's severity method. Every member may be left out while the assessment is
/// under way; the method then says which input it is missing.
///
/// # Example
/// ```
/// use imy_breach::{DpcAdjustment, DpcReason, Direction, EnisaInputs};
/// let e: EnisaInputs = serde_json::from_str(r#"{
///   "dpcAdjustments": [{ "direction": "up", "reason": "vulnerable_subjects" }],
///   "easeOfIdentification": "significant",
///   "availability": "temporary",
///   "malicious": "yes"
/// }"#).unwrap();
/// assert_eq!(e.dpc_adjustments[0].reason, DpcReason::VulnerableSubjects);
/// assert_eq!(e.dpc_adjustments[0].direction, Direction::Up);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EnisaInputs {
    /// The kind of data that sets the base score of the data processing context (DPC), when it is
    /// not to be derived from the data categories of question 26 — for example credentials, which
    /// take the score of what they give access to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_kind: Option<DataKind>,
    /// Why the kind of data was set by hand instead of derived from question 26.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_kind_reason: Option<LongText>,
    /// Adjustments of the DPC score, one whole step each, each with its reason; the score stays
    /// within 1–4.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::limits::at_most::<_, _, MAX_DPC_ADJUSTMENTS>"
    )]
    #[schemars(length(max = MAX_DPC_ADJUSTMENTS))]
    pub dpc_adjustments: Vec<DpcAdjustment>,
    /// Ease of identification (EI): how easily the data identify the people concerned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ease_of_identification: Option<EaseOfIdentification>,
    /// Loss of confidentiality, a circumstance of the breach (CB).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidentiality: Option<ConfidentialityLoss>,
    /// Loss of integrity, a circumstance of the breach (CB).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub integrity: Option<IntegrityLoss>,
    /// Loss of availability, a circumstance of the breach (CB).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub availability: Option<AvailabilityLoss>,
    /// Malicious intent, a circumstance of the breach (CB, +0.5). Left out, it follows from an
    /// antagonistic cause (question 18).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub malicious: Option<YesNo>,
}

/// One adjustment of the data-processing-context score: one whole step up or down, with its reason.
///
/// # Example
/// ```
/// use imy_breach::{DpcAdjustment, DpcReason, Direction};
/// let a = DpcAdjustment { direction: Direction::Down, reason: DpcReason::PubliclyAvailable, comment: None };
/// assert_eq!(serde_json::to_string(&a).unwrap(), r#"{"direction":"down","reason":"publicly_available"}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DpcAdjustment {
    /// Up or down, one step.
    pub direction: Direction,
    /// Why.
    pub reason: DpcReason,
    /// The circumstance in the controller's words; needed for reason `other`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<LongText>,
}

choice_enum! {
    /// The controller's conclusion on the risk (the outcomes of GDPR Art. 33(1) and 34(1), as the
    /// EDPB's 2026 draft template lists them).
    pub enum RiskLevel in "risk level" {
        /// Unlikely to result in a risk: document only (Art. 33(1), 33(5)).
        Unlikely = ("unlikely", Derived, "Osannolikt att den medför en risk", "Unlikely to result in a risk"),
        /// A risk: notify the supervisory authority (Art. 33(1)).
        Risk = ("risk", Derived, "Risk", "Risk"),
        /// A high risk: also communicate the breach to the data subjects (Art. 34(1)).
        HighRisk = ("high_risk", Derived, "Hög risk", "High risk"),
        /// More information is needed before concluding.
        MoreInformationNeeded = ("more_information_needed", Derived, "Mer information behövs", "More information needed"),
    }
}

choice_enum! {
    /// The kind of data that sets ENISA's base DPC score (1 simple, 2 behavioural, 3 financial, 4
    /// sensitive).
    pub enum DataKind in "ENISA data kind" {
        /// Simple data (biographical, contact, identification): base score 1.
        Simple = ("simple", Derived, "Enkla uppgifter", "Simple data"),
        /// Behavioural data (location, traffic, habits, preferences): base score 2.
        Behavioural = ("behavioural", Derived, "Beteendeuppgifter", "Behavioural data"),
        /// Financial data: base score 3.
        Financial = ("financial", Derived, "Finansiella uppgifter", "Financial data"),
        /// Sensitive data (Art. 9, Art. 10, and data whose disclosure is comparably harmful): base
        /// score 4.
        Sensitive = ("sensitive", Derived, "Känsliga uppgifter", "Sensitive data"),
    }
}

impl DataKind {
    /// ENISA's base DPC score of the kind, 1–4.
    ///
    /// # Example
    /// ```
    /// assert_eq!(imy_breach::DataKind::Financial.base_score(), 3);
    /// ```
    pub fn base_score(self) -> u8 {
        match self {
            DataKind::Simple => 1,
            DataKind::Behavioural => 2,
            DataKind::Financial => 3,
            DataKind::Sensitive => 4,
        }
    }
}

choice_enum! {
    /// The direction of one DPC adjustment.
    pub enum Direction in "direction" {
        /// One step up.
        Up = ("up", Derived, "Ett steg upp", "One step up"),
        /// One step down.
        Down = ("down", Derived, "Ett steg ned", "One step down"),
    }
}

choice_enum! {
    /// Why the DPC score is adjusted (ENISA's context factors).
    pub enum DpcReason in "DPC adjustment reason" {
        /// A large volume of data per person.
        LargeVolume = ("large_volume", Derived, "Stor mängd uppgifter per person", "A large volume of data per person"),
        /// Vulnerable persons: children, pupils, people with protected identity.
        VulnerableSubjects = ("vulnerable_subjects", Derived, "Sårbara personer (barn, elever, personer med skyddad identitet)", "Vulnerable persons (children, pupils, people with protected identity)"),
        /// A controller or sector that makes the data more critical.
        CriticalContext = ("critical_context", Derived, "Verksamheten gör uppgifterna mer kritiska", "The controller or sector makes the data more critical"),
        /// Data that allow profiling.
        Profiling = ("profiling", Derived, "Uppgifterna möjliggör profilering", "The data allow profiling"),
        /// Data that are publicly available.
        PubliclyAvailable = ("publicly_available", Derived, "Uppgifterna är allmänt tillgängliga", "The data are publicly available"),
        /// Data that are inaccurate or obsolete.
        InaccurateOrObsolete = ("inaccurate_or_obsolete", Derived, "Uppgifterna är felaktiga eller inaktuella", "The data are inaccurate or obsolete"),
        /// Very little data.
        VeryLittleData = ("very_little_data", Derived, "Mycket få uppgifter", "Very little data"),
        /// Another circumstance, which the comment states.
        Other = ("other", Derived, "Annan omständighet", "Another circumstance"),
    }
}

impl DpcReason {
    /// The direction the reason normally moves the score; `None` for [`DpcReason::Other`].
    ///
    /// # Example
    /// ```
    /// use imy_breach::{DpcReason, Direction};
    /// assert_eq!(DpcReason::PubliclyAvailable.usual_direction(), Some(Direction::Down));
    /// ```
    pub fn usual_direction(self) -> Option<Direction> {
        match self {
            DpcReason::LargeVolume
            | DpcReason::VulnerableSubjects
            | DpcReason::CriticalContext
            | DpcReason::Profiling => Some(Direction::Up),
            DpcReason::PubliclyAvailable | DpcReason::InaccurateOrObsolete | DpcReason::VeryLittleData => {
                Some(Direction::Down)
            }
            DpcReason::Other => None,
        }
    }
}

choice_enum! {
    /// Ease of identification (EI), ENISA's multiplier.
    pub enum EaseOfIdentification in "ENISA ease of identification" {
        /// Negligible (0.25): for example a common full name alone.
        Negligible = ("negligible", Derived, "Försumbar", "Negligible"),
        /// Limited (0.5).
        Limited = ("limited", Derived, "Begränsad", "Limited"),
        /// Significant (0.75).
        Significant = ("significant", Derived, "Betydande", "Significant"),
        /// Maximum (1): for example a name with date of birth and e-mail address.
        Maximum = ("maximum", Derived, "Maximal", "Maximum"),
    }
}

impl EaseOfIdentification {
    /// The multiplier: 0.25, 0.5, 0.75 or 1.
    ///
    /// # Example
    /// ```
    /// assert_eq!(imy_breach::EaseOfIdentification::Significant.factor(), 0.75);
    /// ```
    pub fn factor(self) -> f64 {
        match self {
            EaseOfIdentification::Negligible => 0.25,
            EaseOfIdentification::Limited => 0.5,
            EaseOfIdentification::Significant => 0.75,
            EaseOfIdentification::Maximum => 1.0,
        }
    }
}

choice_enum! {
    /// Loss of confidentiality (CB): 0, +0.25 or +0.5.
    pub enum ConfidentialityLoss in "ENISA loss of confidentiality" {
        /// No loss of confidentiality (0).
        None = ("none", Derived, "Ingen", "None"),
        /// Disclosed to known, limited recipients (+0.25).
        KnownRecipients = ("known_recipients", Derived, "Röjt för kända, få mottagare", "Disclosed to known, limited recipients"),
        /// Disclosed to unknown recipients, or published (+0.5).
        UnknownRecipients = ("unknown_recipients", Derived, "Röjt för okända mottagare eller publicerat", "Disclosed to unknown recipients, or published"),
    }
}

choice_enum! {
    /// Loss of integrity (CB): 0, +0.25 or +0.5.
    pub enum IntegrityLoss in "ENISA loss of integrity" {
        /// No loss of integrity (0).
        None = ("none", Derived, "Ingen", "None"),
        /// Altered, and recoverable (+0.25).
        Recoverable = ("recoverable", Derived, "Ändrade, kan återställas", "Altered, recoverable"),
        /// Altered, and not recoverable (+0.5).
        NotRecoverable = ("not_recoverable", Derived, "Ändrade, kan inte återställas", "Altered, not recoverable"),
    }
}

choice_enum! {
    /// Loss of availability (CB): 0, +0.25 or +0.5.
    pub enum AvailabilityLoss in "ENISA loss of availability" {
        /// No loss of availability (0).
        None = ("none", Derived, "Ingen", "None"),
        /// Temporary or partial (+0.25).
        Temporary = ("temporary", Derived, "Tillfällig eller delvis", "Temporary or partial"),
        /// Permanent (+0.5).
        Permanent = ("permanent", Derived, "Permanent", "Permanent"),
    }
}

/// The score a graduated circumstance adds: 0, 0.25 or 0.5.
///
/// # Example
/// ```
/// use imy_breach::{circumstance_score, ConfidentialityLoss, IntegrityLoss};
/// assert_eq!(circumstance_score(ConfidentialityLoss::UnknownRecipients), 0.5);
/// assert_eq!(circumstance_score(IntegrityLoss::Recoverable), 0.25);
/// ```
pub fn circumstance_score<C: crate::values::choice::Choice>(level: C) -> f64 {
    // Each list is graduated none / partial / full, in that order.
    match level.index() {
        0 => 0.0,
        1 => 0.25,
        _ => 0.5,
    }
}
