//! Section "Information till de registrerade" (information to the data subjects, questions 31–35).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::values::choice::YesNo;
use crate::values::datetime::LocalDate;
use crate::values::text::LongText;

/// Section "Information till de registrerade" — whether and when the data subjects are told (GDPR
/// Art. 34).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DataSubjectInformation {
    /// Question 31, "Har ni informerat de registrerade?" — have you informed the data subjects?
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub informed: Option<YesNo>,
    /// Question 32, "När informerade ni de registrerade?" — when did you inform them? Only when
    /// question 31 is Ja.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub informed_on: Option<LocalDate>,
    /// Question 33, "Kommer ni att informera de registrerade?" (derived label) — will you inform
    /// them? Only when question 31 is Nej.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub will_inform: Option<YesNo>,
    /// Question 34, "När kommer ni att informera de registrerade?" — when will you inform them? Only
    /// when question 33 is Ja.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_on: Option<LocalDate>,
    /// Question 35, "Varför kommer ni inte att informera de registrerade?" — why will you not inform
    /// them? Only when question 33 is Nej: where the exemptions of Art. 34(3) or a low-risk
    /// assessment are argued.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason_not_informing: Option<LongText>,
}

impl DataSubjectInformation {
    /// Whether no question of the section is answered.
    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }
}
