//! The decisions about a breach, each with its reasons, the deciding role and the moment: whether
//! to notify IMY (GDPR Art. 33(1)) and whether to inform the data subjects (Art. 34). The codes are
//! the crate's (snake_case English); their meanings are the W3C Data Privacy Vocabulary's data-breach
//! concepts (`eu-gdpr` extension), crosswalked below. The Swedish labels are derived (IMY's form has
//! no such lists); the codes are stable.
//!
//! | Code | DPV concept (meaning) |
//! |---|---|
//! | [`DecisionOutcome::Yes`] on notifying | notification needed (initial notice to the authority) |
//! | [`DecisionOutcome::No`] on notifying | notification not needed |
//! | [`NotNotifyingReason::RiskUnlikely`] | justification: risk unlikely (Art. 33(1)) |
//! | [`NotifyDecision::late_reason`] | justification: delayed notification (Art. 33(1)) |
//! | [`InformGround::Unintelligible`] | Art. 34(3)(a) justification: data unintelligible |
//! | [`InformGround::LaterMeasures`] | Art. 34(3)(b) justification: high risk no longer likely |
//! | [`InformGround::DisproportionateEffort`] | Art. 34(3)(c) justification: disproportionate effort |
//! | [`InformGround::NoHighRisk`] | notice to the data subjects not needed (Art. 34(1) not met) |

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::values::choice::choice_enum;
use crate::values::datetime::Timestamp;
use crate::values::text::{LongText, ShortText};

/// The decisions about one breach.
///
/// # Example
/// ```
/// use imy_breach::{Decisions, DecisionOutcome, NotNotifyingReason};
/// let d: Decisions = serde_json::from_str(r#"{
///   "notifyAuthority": { "decision": "no", "reason": "risk_unlikely",
///                        "explanation": "Ett fåtal kontaktuppgifter till en känd mottagare, raderade." }
/// }"#).unwrap();
/// assert_eq!(d.notify_authority.decision, Some(DecisionOutcome::No));
/// assert_eq!(d.notify_authority.reason, Some(NotNotifyingReason::RiskUnlikely));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Decisions {
    /// Whether to notify IMY (GDPR Art. 33(1)).
    #[serde(default, skip_serializing_if = "NotifyDecision::is_empty")]
    pub notify_authority: NotifyDecision,
    /// Whether to inform the data subjects (GDPR Art. 34).
    #[serde(default, skip_serializing_if = "InformDecision::is_empty")]
    pub inform_data_subjects: InformDecision,
}

impl Decisions {
    /// Whether nothing is decided or recorded.
    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }
}

/// The decision whether to notify IMY, with its reason.
///
/// # Example
/// ```
/// let d: imy_breach::NotifyDecision = serde_json::from_str(
///     r#"{"decision":"yes","decidedBy":"Dataskyddsombud","decidedAt":"2025-03-29T10:00:00+01:00"}"#).unwrap();
/// assert!(d.decided_at.is_some());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NotifyDecision {
    /// Yes, no, or not yet decided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<DecisionOutcome>,
    /// Why not: needed when the decision is `no`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<NotNotifyingReason>,
    /// The reasoning in the controller's words: why the breach is unlikely to result in a risk, say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanation: Option<LongText>,
    /// Why the notification is filed later than 72 hours after discovery (question 14's meaning).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub late_reason: Option<LongText>,
    /// When it was decided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_at: Option<Timestamp>,
    /// Who decided: a role, not a person's name (for example "Dataskyddsombud").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_by: Option<ShortText>,
}

impl NotifyDecision {
    /// Whether nothing is recorded.
    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }
}

/// The decision whether to inform the data subjects, with its ground.
///
/// # Example
/// ```
/// use imy_breach::{InformDecision, InformGround};
/// let d: InformDecision = serde_json::from_str(r#"{"decision":"no","ground":"unintelligible"}"#).unwrap();
/// assert_eq!(d.ground, Some(InformGround::Unintelligible));
/// assert_eq!(InformGround::Unintelligible.article(), Some("34(3)(a)"));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InformDecision {
    /// Yes, no, or not yet decided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<DecisionOutcome>,
    /// Why not: needed when the decision is `no`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ground: Option<InformGround>,
    /// The reasoning in the controller's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanation: Option<LongText>,
    /// When it was decided.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_at: Option<Timestamp>,
    /// Who decided: a role, not a person's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decided_by: Option<ShortText>,
}

impl InformDecision {
    /// Whether nothing is recorded.
    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }
}

choice_enum! {
    /// The outcome of a decision.
    pub enum DecisionOutcome in "decision" {
        /// Yes (DPV: notification needed).
        Yes = ("yes", Derived, "Ja", "Yes"),
        /// No (DPV: notification not needed).
        No = ("no", Derived, "Nej", "No"),
        /// Not yet decided.
        NotYetDecided = ("not_yet_decided", Derived, "Inte beslutat ännu", "Not yet decided"),
    }
}

choice_enum! {
    /// Why IMY is not notified.
    pub enum NotNotifyingReason in "reason not notifying" {
        /// The breach is unlikely to result in a risk to natural persons (Art. 33(1); DPV: risk
        /// unlikely).
        RiskUnlikely = ("risk_unlikely", Derived, "Osannolikt att incidenten medför en risk", "Unlikely to result in a risk"),
        /// Another reason, which the explanation states.
        Other = ("other", Derived, "Annat skäl", "Another reason"),
    }
}

choice_enum! {
    /// Why the data subjects are not informed: no high risk (Art. 34(1) not met) or a ground of Art.
    /// 34(3).
    pub enum InformGround in "ground not informing" {
        /// The breach is not likely to result in a high risk (Art. 34(1)).
        NoHighRisk = ("no_high_risk", Derived, "Ingen hög risk", "No high risk"),
        /// Art. 34(3)(a): the data were unintelligible to anyone not authorised (encryption).
        Unintelligible = ("unintelligible", Derived, "Uppgifterna var obegripliga för obehöriga (art. 34.3 a)", "The data were unintelligible to anyone not authorised (Art. 34(3)(a))"),
        /// Art. 34(3)(b): later measures ensure that the high risk is no longer likely.
        LaterMeasures = ("later_measures", Derived, "Senare åtgärder gör att den höga risken inte längre är sannolik (art. 34.3 b)", "Later measures ensure the high risk is no longer likely (Art. 34(3)(b))"),
        /// Art. 34(3)(c): disproportionate effort; a public communication instead.
        DisproportionateEffort = ("disproportionate_effort", Derived, "Oproportionerligt stor ansträngning; offentligt meddelande i stället (art. 34.3 c)", "Disproportionate effort; a public communication instead (Art. 34(3)(c))"),
    }
}

impl InformGround {
    /// The paragraph of GDPR Art. 34 the ground rests on; `None` for [`InformGround::NoHighRisk`]
    /// (Art. 34(1) does not apply at all).
    ///
    /// # Example
    /// ```
    /// assert_eq!(imy_breach::InformGround::DisproportionateEffort.article(), Some("34(3)(c)"));
    /// ```
    pub fn article(self) -> Option<&'static str> {
        match self {
            InformGround::NoHighRisk => None,
            InformGround::Unintelligible => Some("34(3)(a)"),
            InformGround::LaterMeasures => Some("34(3)(b)"),
            InformGround::DisproportionateEffort => Some("34(3)(c)"),
        }
    }
}
