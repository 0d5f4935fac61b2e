//! The risk assessment that explains itself: ENISA's severity method (`SE = DPC × EI + CB`) on the
//! facts of a notification and the controller's inputs, and from it a recommendation — notify IMY,
//! inform the data subjects, or document only — always a presumption that the controller must
//! weigh, never the legal test of GDPR Art. 33 and 34.
//!
//! - The **facts** come from the notification: the data categories (question 26) give the base of
//!   the data-processing-context score (DPC; the highest kind wins, see the table of
//!   [`Input::DataKind`] in docs/DESIGN.md), the subject groups (25) suggest a step up for
//!   vulnerable persons, what happened (15) suggests the circumstances not stated, the cause (18)
//!   gives malicious intent, and the number of people (23) and encryption (27) are weighed after
//!   the score.
//! - The **inputs** are a [`RiskAssessment`]: its [`EnisaInputs`] override
//!   what the facts suggest; an own method instead of ENISA's gives no score, and the controller's
//!   conclusion is carried through.
//! - Inputs that neither the controller nor the answers give are listed in
//!   [`Assessment::missing`]; the score is then a range ([`SeverityScore::min`] to
//!   [`SeverityScore::max`]) without a band, and the recommendation says what every completion of
//!   the range would agree on.
//!
//! # Example
//! ```
//! use imy_breach::{assessment::{assess, Band}, Notification, RiskAssessment, RiskLevel};
//! let n = Notification::from_json(r#"{
//!   "schemaVersion": "1.0",
//!   "incident": { "nature": "unauthorised_access", "cause": "antagonistic_attack" },
//!   "dataAndSubjects": { "dataCategories": ["health"], "subjectCount": { "exact": 1200 } }
//! }"#)?;
//! let inputs: RiskAssessment = serde_json::from_str(r#"{ "enisa": {
//!   "easeOfIdentification": "significant", "availability": "temporary", "confidentiality": "none"
//! } }"#).unwrap();
//! let a = assess(&n, &inputs);
//! let s = a.severity.as_ref().unwrap();
//! assert_eq!(s.score.unwrap().value(), 3.75); // 4 × 0.75 + (0.25 + 0.5)
//! assert_eq!(s.band, Some(Band::High));
//! assert_eq!(a.recommendation.risk, RiskLevel::HighRisk);
//! assert!(a.recommendation.notify_authority && a.recommendation.inform_data_subjects);
//! assert!(a.recommendation.borderline); // 0.25 from "very high"
//! assert!(a.explanation.en.contains("presumption"));
//! # Ok::<(), imy_breach::ParseError>(())
//! ```

use serde::Serialize;

use crate::lang::{Bilingual, Lang};
use crate::model::assessment::{Direction, EnisaInputs, RiskAssessment, RiskLevel};
use crate::model::decision::{DecisionOutcome, InformGround};
use crate::model::notification::Notification;
use crate::model::record::BreachRecord;
use crate::values::choice::{choice_enum, Choice, YesNo};

mod case;
mod explain;
mod facts;
mod score;

pub use case::{AssessmentCase, CaseError, ExpectedVerdict};
pub use facts::{Input, Source};
pub use score::{Band, Score};

use facts::{Given, Resolved};

choice_enum! {
    /// How the risk was assessed.
    pub enum Method in "assessment method" {
        /// ENISA's severity method (2013).
        Enisa = ("enisa", Derived, "ENISA:s metod för allvarlighetsgrad", "ENISA's severity method"),
        /// The controller's own method, in its own words: no score.
        OwnMethod = ("own_method", Derived, "Egen metod", "Own method"),
    }
}

choice_enum! {
    /// A fact weighed after the score, as ENISA's method says.
    pub enum Weighed in "weighed after the score" {
        /// The number of people affected (question 23).
        SubjectCount = ("subject_count", Derived, "Antal registrerade (fråga 23)", "Number of data subjects (question 23)"),
        /// The data were encrypted (question 27): unintelligible if the key is safe.
        Unintelligible = ("unintelligible", Derived, "Krypterade uppgifter (fråga 27)", "Encrypted data (question 27)"),
    }
}

/// The result of [`assess`]: the score, each input with its effect, what is missing, the facts
/// weighed after the score, the recommendation and the explanation in Swedish and English.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Assessment {
    /// ENISA's method or the controller's own.
    pub method: Method,
    /// The score; `None` with an own method.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub severity: Option<SeverityScore>,
    /// Each input with its value, source and effect on the score.
    pub inputs: Vec<InputEffect>,
    /// The inputs that neither the controller nor the notification gives.
    pub missing: Vec<Input>,
    /// The facts weighed after the score.
    pub weighed: Vec<Weighing>,
    /// What the assessment suggests: a presumption for the controller to weigh.
    pub recommendation: Recommendation,
    /// The controller's own conclusion, when stated (carried through, never changed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub controller_conclusion: Option<RiskLevel>,
    /// The whole assessment in words, every input quoted.
    pub explanation: Bilingual<String>,
}

/// ENISA's score: exact, or the range the missing inputs leave open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SeverityScore {
    /// `SE = DPC × EI + CB`, when every input is known.
    pub score: Option<Score>,
    /// The band of the score, when it is known.
    pub band: Option<Band>,
    /// The DPC score after its adjustments, 1–4, when known.
    pub dpc: Option<u8>,
    /// The ease-of-identification factor, when known.
    pub ei: Option<Score>,
    /// The sum of the circumstances, when known.
    pub cb: Option<Score>,
    /// The lowest score the missing inputs allow (the score itself when none is missing).
    pub min: Score,
    /// The highest score the missing inputs allow.
    pub max: Score,
}

/// One input and what it does to the score.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InputEffect {
    /// Which input.
    pub input: Input,
    /// Its value: the option code (`sensitive`, `significant`, `unknown_recipients`, `yes`…); for
    /// an adjustment, its reason.
    pub value: &'static str,
    /// Stated, derived from the answers, or a default.
    pub source: Source,
    /// Its effect on the score.
    pub effect: Effect,
    /// The input in words.
    pub explanation: Bilingual<String>,
}

/// What an input does to the score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub enum Effect {
    /// Sets the DPC base, 1–4.
    Base(u8),
    /// Moves the DPC score one step: +1 or −1 (0 where the bounds 1–4 stop it).
    Step(i8),
    /// Multiplies the DPC score (EI).
    Factor(Score),
    /// Adds to the score (a circumstance).
    Adds(Score),
}

/// A fact weighed after the score, and how.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Weighing {
    /// Which fact.
    pub factor: Weighed,
    /// Whether it argues for a higher risk than the band (a large number of people).
    pub raises: bool,
    /// Whether it argues for a lower one (unintelligible data).
    pub lowers: bool,
    /// How it is weighed, in words.
    pub note: Bilingual<String>,
}

/// What the assessment suggests ("the legal bridge"): a presumption, never the legal test.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Recommendation {
    /// The presumed risk: low band → unlikely, medium → risk, high and very high → high risk;
    /// `more_information_needed` when the missing inputs leave it open.
    pub risk: RiskLevel,
    /// Notify IMY (Art. 33(1)): unless the breach is unlikely to result in a risk. With missing
    /// inputs, unless even the highest score the range allows is low (notify in phases, Art. 33(4)).
    pub notify_authority: bool,
    /// Communicate to the data subjects (Art. 34(1)): a high risk and no ground of Art. 34(3).
    pub inform_data_subjects: bool,
    /// A public communication instead (Art. 34(3)(c), disproportionate effort).
    pub public_communication: bool,
    /// The ground of Art. 34(3) for a high risk: the one the controller decided (a record's
    /// [`InformDecision::ground`](crate::InformDecision::ground), see [`assess_record`]), or the
    /// one question 27 suggests (encrypted data: (a)). Never [`InformGround::NoHighRisk`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub art34_ground: Option<InformGround>,
    /// The score lies within 0.25 of a band edge (2, 3 or 4): weigh it with particular care.
    pub borderline: bool,
    /// Whether the inputs settle the risk (false with missing inputs that leave the band open, or
    /// an own method without a conclusion).
    pub determined: bool,
}

/// Assesses the risk of the breach `facts` describes with the controller's `inputs`.
///
/// Never fails: missing inputs are listed and leave the band open (see the module
/// documentation). The result is a presumption that the controller must weigh.
///
/// # Example
/// ```
/// use imy_breach::{assessment::assess, Notification, RiskAssessment, RiskLevel};
/// let n = Notification::from_json(r#"{"schemaVersion":"1.0",
///   "incident": {"nature": "misdirected_communication", "cause": "human_error"},
///   "dataAndSubjects": {"dataCategories": ["contact_information"]}}"#)?;
/// let inputs: RiskAssessment =
///     serde_json::from_str(r#"{"enisa": {"easeOfIdentification": "maximum"}}"#).unwrap();
/// let a = assess(&n, &inputs);
/// // 1 × 1 + 0.25 (known recipient, the default for a misdirected letter) = 1.25: low.
/// assert_eq!(a.severity.unwrap().score.unwrap().value(), 1.25);
/// assert_eq!(a.recommendation.risk, RiskLevel::Unlikely);
/// assert!(!a.recommendation.notify_authority);
/// # Ok::<(), imy_breach::ParseError>(())
/// ```
pub fn assess(facts: &Notification, inputs: &RiskAssessment) -> Assessment {
    assess_with_ground(facts, inputs, None)
}

/// Assesses a breach record: its facts as a notification ([`BreachRecord::to_notification`]), its
/// `assessment`, and the ground of Art. 34(3) the controller decided on (a decision not to inform
/// the data subjects with ground (a), (b) or (c)), which the recommendation then weighs. `None`
/// when the record has no assessment.
///
/// # Example
/// ```
/// use imy_breach::{assessment::assess_record, BreachRecord, InformGround};
/// let r = BreachRecord::from_json(r#"{"kind":"breach_record","schemaVersion":"1.1",
///   "affected": {"dataCategories": ["health"]},
///   "assessment": {"enisa": {"easeOfIdentification": "maximum", "confidentiality": "unknown_recipients",
///     "integrity": "none", "availability": "none", "malicious": "yes"}},
///   "decisions": {"informDataSubjects": {"decision": "no", "ground": "disproportionate_effort"}}}"#)?;
/// let a = assess_record(&r).unwrap();
/// assert_eq!(a.recommendation.art34_ground, Some(InformGround::DisproportionateEffort));
/// assert!(!a.recommendation.inform_data_subjects && a.recommendation.public_communication);
/// # Ok::<(), imy_breach::ParseError>(())
/// ```
pub fn assess_record(record: &BreachRecord) -> Option<Assessment> {
    let inputs = record.assessment.as_ref()?;
    let inform = &record.decisions.inform_data_subjects;
    let decided = inform
        .ground
        .filter(|g| inform.decision == Some(DecisionOutcome::No) && *g != InformGround::NoHighRisk);
    Some(assess_with_ground(&record.to_notification(), inputs, decided))
}

/// [`assess`] with the ground of Art. 34(3) the controller decided on, if any.
fn assess_with_ground(
    facts: &Notification,
    inputs: &RiskAssessment,
    decided: Option<InformGround>,
) -> Assessment {
    let ground = decided.or_else(|| suggested_ground(facts));
    let mut no_loss = false;
    let (method, severity, effects, missing, rec) = match (&inputs.enisa, &inputs.own_method) {
        (None, Some(_)) => {
            let risk = inputs.conclusion.unwrap_or(RiskLevel::MoreInformationNeeded);
            let determined = risk != RiskLevel::MoreInformationNeeded;
            (Method::OwnMethod, None, Vec::new(), Vec::new(), recommend(risk, risk, ground, determined))
        }
        (enisa, _) => {
            let empty = EnisaInputs::default();
            let r = Resolved::of(facts, enisa.as_ref().unwrap_or(&empty));
            let (severity, effects) = compute(&r);
            let (lo, hi) = (Band::of(severity.min), Band::of(severity.max));
            let determined = lo == hi;
            no_loss = r.unintelligible_without_loss(facts);
            let mut rec = if no_loss {
                recommend(RiskLevel::Unlikely, RiskLevel::Unlikely, ground, true)
            } else {
                recommend(risk_of(lo), risk_of(hi), ground, determined)
            };
            rec.borderline = severity.score.is_some_and(score::borderline);
            (Method::Enisa, Some(severity), effects, r.missing(), rec)
        }
    };
    let weighed = explain::weighed(facts, no_loss);
    let mut a = Assessment {
        method,
        severity,
        inputs: effects,
        missing,
        weighed,
        recommendation: rec,
        controller_conclusion: inputs.conclusion,
        explanation: Bilingual::default(),
    };
    a.explanation = explain::explanation(&a, inputs);
    a
}

fn risk_of(band: Band) -> RiskLevel {
    match band {
        Band::Low => RiskLevel::Unlikely,
        Band::Medium => RiskLevel::Risk,
        _ => RiskLevel::HighRisk,
    }
}

/// The recommendation for a risk between `lo` and `hi` (the same when determined).
fn recommend(lo: RiskLevel, hi: RiskLevel, ground: Option<InformGround>, determined: bool) -> Recommendation {
    let risk = if determined { hi } else { RiskLevel::MoreInformationNeeded };
    let high = lo == RiskLevel::HighRisk;
    Recommendation {
        risk,
        notify_authority: hi != RiskLevel::Unlikely,
        inform_data_subjects: high && ground.is_none(),
        public_communication: high && ground == Some(InformGround::DisproportionateEffort),
        art34_ground: ground.filter(|_| hi == RiskLevel::HighRisk),
        borderline: false,
        determined,
    }
}

/// The ground question 27 suggests: (a) when the data were encrypted.
fn suggested_ground(facts: &Notification) -> Option<InformGround> {
    (facts.data_and_subjects.encrypted == Some(YesNo::Yes)).then_some(InformGround::Unintelligible)
}

/// The DPC score after the steps, clamped to 1–4, and each step's effect.
fn dpc_after(base: u8, r: &Resolved) -> (u8, Vec<i8>) {
    let mut dpc = base;
    let mut moved = Vec::with_capacity(r.steps.len());
    for s in &r.steps {
        let next = match s.direction {
            Direction::Down => dpc.saturating_sub(1).max(1),
            _ => (dpc + 1).min(4),
        };
        moved.push(i8::try_from(next).unwrap_or(4) - i8::try_from(dpc).unwrap_or(4));
        dpc = next;
    }
    (dpc, moved)
}

/// A graded input's code, points and label.
fn graded<C: Choice>(
    g: Option<Given<C>>,
    points: impl Fn(C) -> u16,
) -> Option<(Given<&'static str>, u16, Bilingual)> {
    g.map(|g| {
        let label = Bilingual::new(g.value.label(Lang::Sv), g.value.label(Lang::En));
        (Given { value: g.value.code(), source: g.source }, points(g.value), label)
    })
}

/// The score (or its range) and each input's effect.
fn compute(r: &Resolved) -> (SeverityScore, Vec<InputEffect>) {
    let mut effects = Vec::new();
    let (dpc, moved) = match r.kind {
        Some(k) => {
            let (dpc, moved) = dpc_after(k.value.base_score(), r);
            effects.push(explain::kind_effect(k, r));
            (Some(dpc), moved)
        }
        None => (None, dpc_after(1, r).1),
    };
    for (s, m) in r.steps.iter().zip(moved) {
        effects.push(explain::step_effect(s, m));
    }
    let ei = r.ei.map(score::ei_sixteenths);
    if let Some(e) = r.ei {
        effects.push(explain::ei_effect(e));
    }
    let mut cb_min = 0;
    let mut cb_max = 0;
    let malicious =
        r.malicious.map(|g| Given { value: if g.value { YesNo::Yes } else { YesNo::No }, source: g.source });
    let given = [
        (Input::Confidentiality, graded(r.confidentiality, score::circumstance_sixteenths)),
        (Input::Integrity, graded(r.integrity, score::circumstance_sixteenths)),
        (Input::Availability, graded(r.availability, score::circumstance_sixteenths)),
        (Input::Malicious, graded(malicious, |m| if m == YesNo::Yes { score::MALICE } else { 0 })),
    ];
    for (input, g) in given {
        match g {
            Some((g, points, label)) => {
                cb_min += points;
                cb_max += points;
                effects.push(explain::circumstance_effect(input, g, points, label));
            }
            // The most any circumstance adds: 0.5.
            None => cb_max += score::MALICE,
        }
    }
    let (dpc_lo, dpc_hi) = match dpc {
        Some(d) => (d, d),
        None => (dpc_after(1, r).0, dpc_after(4, r).0),
    };
    let min = score::severity(dpc_lo, ei.unwrap_or(4), cb_min);
    let max = score::severity(dpc_hi, ei.unwrap_or(16), cb_max);
    let complete = r.missing().is_empty();
    let score = complete.then_some(min);
    let severity = SeverityScore {
        score,
        band: score.map(Band::of),
        dpc,
        ei: ei.map(Score::from_sixteenths),
        cb: complete.then_some(Score::from_sixteenths(cb_min)),
        min,
        max,
    };
    (severity, effects)
}

#[cfg(test)]
mod tests;
