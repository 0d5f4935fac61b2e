//! Section "Konsekvenser" (consequences, severity and actions taken, questions 28–30) and option
//! lists I–J.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::values::choice::{choice_enum, ChoiceSet};
use crate::values::datetime::{LocalDate, WallClockTime};
use crate::values::text::LongText;

/// Section "Konsekvenser" — likely consequences, severity, and what has been done.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Consequences {
    /// Question 28, "Vad kan bli konsekvenserna av incidenten?" — what could the consequences be?
    /// Every option that applies, list I.
    #[serde(default, skip_serializing_if = "ChoiceSet::is_empty")]
    pub likely_consequences: ChoiceSet<Consequence>,
    /// Question 28, "Ange kommentar vid val "Övrigt"" — the comment, exactly when "Övrigt" is chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub likely_consequences_comment: Option<LongText>,
    /// Question 29, "Hur allvarlig bedömer ni att incidenten är?" — how serious do you assess the
    /// breach to be, with regard to the data subjects' privacy? List J.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
    /// Question 30, "Hur har ni agerat efter incidenten?" — what have you done since the breach?
    /// Measures taken or planned to stop it, prevent it or mitigate it ("Lägg till ny" adds one).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::model::limits::at_most::<_, _, 200>"
    )]
    #[schemars(length(max = 200))]
    pub actions: Vec<Action>,
}

impl Consequences {
    /// Whether no question of the section is answered.
    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }
}

/// An action taken or planned (question 30): "Datum", "Klockslag", "Åtgärd".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Action {
    /// "Datum" — the date, Swedish local time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<LocalDate>,
    /// "Klockslag" — the time of day, `HH:MM`, Swedish local time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<WallClockTime>,
    /// "Åtgärd" — the action. Required.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<LongText>,
}

choice_enum! {
    /// List I, question 28 "Vad kan bli konsekvenserna av incidenten?" — likely consequences.
    /// Confirmed and complete for schema version 1.0; the terms of GDPR recital 85. Version 1.1 adds
    /// "Kan inte ange för närvarande", as list G has it.
    pub enum Consequence in "I" {
        /// Data subjects lose control over their personal data.
        LossOfControl = ("loss_of_control", Confirmed, "Den registrerade förlorar kontrollen över de egna personuppgifterna", "The data subject loses control over their own personal data"),
        /// Limitation of rights.
        LimitationOfRights = ("limitation_of_rights", Confirmed, "Begränsning av rättigheter", "Limitation of rights"),
        /// Discrimination.
        Discrimination = ("discrimination", Confirmed, "Diskriminering", "Discrimination"),
        /// Identity theft or fraud.
        IdentityTheftOrFraud = ("identity_theft_or_fraud", Confirmed, "Identitetsstöld eller bedrägeri", "Identity theft or fraud"),
        /// Financial loss.
        FinancialLoss = ("financial_loss", Confirmed, "Ekonomisk förlust", "Financial loss"),
        /// Unauthorised reversal of pseudonymisation.
        PseudonymisationReversal = ("pseudonymisation_reversal", Confirmed, "Obehörigt hävande av pseudonymisering", "Unauthorised reversal of pseudonymisation"),
        /// Damage to reputation.
        DamageToReputation = ("damage_to_reputation", Confirmed, "Skadat anseende", "Damage to reputation"),
        /// Loss of confidentiality of data protected by professional secrecy.
        LossOfConfidentiality = ("loss_of_confidentiality", Confirmed, "Förlust av konfidentialitet när det gäller personuppgifter som omfattas av tystnadsplikt", "Loss of confidentiality of personal data protected by professional secrecy"),
        /// Other economic or social disadvantage.
        OtherDisadvantage = ("other_disadvantage", Confirmed, "Annan ekonomisk eller social nackdel", "Other economic or social disadvantage"),
        /// Other; needs a comment.
        Other = ("other", Confirmed, "Övrigt", "Other"),
        /// Cannot be stated at present (schema version 1.1; the option of list G, derived here):
        /// the consequences are not known yet and follow in a supplement.
        CannotSpecifyYet = ("cannot_specify_yet", Derived, "Kan inte ange för närvarande", "Cannot be stated at present"),
    }
}

choice_enum! {
    /// List J, question 29 "Hur allvarlig bedömer ni att incidenten är?" — severity, with regard to
    /// the data subjects' privacy. Level 4 confirmed, levels 1–3 derived. Ordered from least to most
    /// serious (`Ord`).
    pub enum Severity in "J" {
        /// 1. Not serious.
        NotSerious = ("not_serious", Derived, "1. Inte allvarlig", "1. Not serious"),
        /// 2. Less serious.
        LessSerious = ("less_serious", Derived, "2. Mindre allvarlig", "2. Less serious"),
        /// 3. Serious.
        Serious = ("serious", Derived, "3. Allvarlig", "3. Serious"),
        /// 4. Very serious.
        VerySerious = ("very_serious", Confirmed, "4. Mycket allvarlig", "4. Very serious"),
    }
}

impl Severity {
    /// The level, 1–4.
    pub fn level(self) -> u8 {
        self as u8 + 1
    }
}
