//! Section "Uppgifterna och de registrerade" (the data and the data subjects, questions 23–27) and
//! option lists F–H.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize};

use crate::model::state::AnswerState;
use crate::values::choice::{choice_enum, Choice, ChoiceSet, YesNo};
use crate::values::error::FieldError;
use crate::values::text::LongText;

/// Section "Uppgifterna och de registrerade" — who and what the breach affected.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DataAndSubjects {
    /// Question 23, "Hur många registrerade har påverkats?" — how many data subjects are affected?
    /// An exact number, an interval (list F), or both; absent while not known yet.
    #[serde(default, skip_serializing_if = "Count::is_unknown")]
    pub subject_count: Count,
    /// Question 24, "Hur många uppgifter om de registrerade har påverkats totalt?" — how many records
    /// about the data subjects are affected in total? As question 23.
    #[serde(default, skip_serializing_if = "Count::is_unknown")]
    pub record_count: Count,
    /// Question 25, "Vilka grupper tillhör de registrerade?" — which groups do the data subjects
    /// belong to? Every option that applies, list G.
    #[serde(default, skip_serializing_if = "ChoiceSet::is_empty")]
    pub subject_groups: ChoiceSet<SubjectGroup>,
    /// Question 25, "Ange kommentar vid val "Övrigt"" — the comment, exactly when "Övrigt" is chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject_groups_comment: Option<LongText>,
    /// Question 26, "Vilken sorts personuppgifter har incidenten drabbat?" — which kinds of personal
    /// data are affected? Every option that applies, list H.
    #[serde(default, skip_serializing_if = "ChoiceSet::is_empty")]
    pub data_categories: ChoiceSet<DataCategory>,
    /// Question 26, "Ange kommentar vid val "Övrigt"" — the comment, exactly when "Övrigt" is chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data_categories_comment: Option<LongText>,
    /// Question 27, "Var personuppgifterna krypterade?" — was the personal data encrypted? Bears on
    /// the exemption of GDPR Art. 34(3)(a).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encrypted: Option<YesNo>,
}

impl DataAndSubjects {
    /// Whether no question of the section is answered.
    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }
}

/// The largest exact count: 2^53 − 1, the largest integer a JavaScript form keeps exactly.
pub const MAX_COUNT: u64 = (1 << 53) - 1;

/// A number of data subjects or records (questions 23 and 24): an exact number, an interval from
/// list F, or both (then the number must fall in the interval). From schema version 1.1 also an
/// approximate number, or a state: not known yet, or cannot be determined with a reason. Nothing
/// given means not answered.
///
/// # Example
/// ```
/// use imy_breach::{Count, CountInterval};
/// let c = Count { exact: Some(17), interval: Some(CountInterval::From11To100), ..Count::default() };
/// assert!(c.is_consistent());
/// assert_eq!(CountInterval::containing(17), CountInterval::From11To100);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Count {
    /// "Exakt antal registrerade" (23) or "Exakt antal uppgifter" (24) — the exact number, from 1.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "exact_count")]
    #[schemars(range(min = 1, max = 9_007_199_254_740_991u64))]
    pub exact: Option<u64>,
    /// The interval, list F — "Om ni inte känner till det exakta antalet kan ni uppskatta antalet
    /// genom att fylla i något av de angivna intervallen." (estimate with an interval when the exact
    /// number is not known).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interval: Option<CountInterval>,
    /// Schema version 1.1: an approximate number, from 1 ("about 500"), instead of the exact one.
    #[serde(default, skip_serializing_if = "Option::is_none", deserialize_with = "exact_count")]
    #[schemars(range(min = 1, max = 9_007_199_254_740_991u64))]
    pub approximate: Option<u64>,
    /// Schema version 1.1: why no number is given — not known yet (it follows in a supplement) or
    /// cannot be determined (`reason` says why).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<AnswerState>,
    /// Schema version 1.1: why the number cannot be determined, with `state` = `cannot_be_determined`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<LongText>,
}

/// Reads an exact count: a whole number from 1 to [`MAX_COUNT`] (the reader refuses `null`, as
/// everywhere: an unknown number is left out). As in JSON Schema, a
/// number written with a zero fraction (`17.0`, `1e3`) is a whole number.
fn exact_count<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    struct V;
    impl<'de> serde::de::Visitor<'de> for V {
        type Value = Option<u64>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a whole number from 1")
        }
        fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<Self::Value, E> {
            if (1..=MAX_COUNT).contains(&n) {
                Ok(Some(n))
            } else {
                Err(crate::values::error::reject(FieldError::Count))
            }
        }
        fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<Self::Value, E> {
            u64::try_from(n)
                .map_err(|_| crate::values::error::reject(FieldError::Count))
                .and_then(|n| self.visit_u64(n))
        }
        fn visit_f64<E: serde::de::Error>(self, x: f64) -> Result<Self::Value, E> {
            if x.fract() != 0.0 {
                return Err(E::invalid_value(serde::de::Unexpected::Float(x), &self));
            }
            // Below 2^53 every whole f64 is exact, so the conversion loses nothing.
            if (1.0..=MAX_COUNT as f64).contains(&x) {
                Ok(Some(x as u64))
            } else {
                Err(crate::values::error::reject(FieldError::Count))
            }
        }
        fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> Result<Self::Value, D2::Error> {
            d.deserialize_any(self)
        }
    }
    d.deserialize_option(V)
}

impl Count {
    /// Whether nothing is given: no number, no interval and no state (not answered).
    pub fn is_unknown(&self) -> bool {
        self == &Count::default()
    }
    /// Whether the exact number, when both are given, lies in the interval.
    pub fn is_consistent(&self) -> bool {
        match (self.exact, self.interval) {
            (Some(n), Some(i)) => i.contains(n),
            _ => true,
        }
    }
    /// The smallest number the answer allows, if any is given.
    pub fn lower_bound(&self) -> Option<u64> {
        self.exact.or_else(|| self.interval.map(|i| i.bounds().0))
    }
    /// The largest number the answer allows (`None` when unbounded or unknown).
    pub fn upper_bound(&self) -> Option<u64> {
        match (self.exact, self.interval) {
            (Some(n), _) => Some(n),
            (None, Some(i)) => i.bounds().1,
            (None, None) => None,
        }
    }
}

choice_enum! {
    /// List F, questions 23 and 24 — intervals for a count. `1 - 10` confirmed; the rest derived as a
    /// decade scale.
    pub enum CountInterval in "F" {
        /// 1 to 10.
        From1To10 = ("from_1_to_10", Confirmed, "1 - 10", "1 - 10"),
        /// 11 to 100.
        From11To100 = ("from_11_to_100", Derived, "11 - 100", "11 - 100"),
        /// 101 to 1,000.
        From101To1000 = ("from_101_to_1000", Derived, "101 - 1 000", "101 - 1,000"),
        /// 1,001 to 10,000.
        From1001To10000 = ("from_1001_to_10000", Derived, "1 001 - 10 000", "1,001 - 10,000"),
        /// 10,001 to 100,000.
        From10001To100000 = ("from_10001_to_100000", Derived, "10 001 - 100 000", "10,001 - 100,000"),
        /// 100,001 to 1,000,000.
        From100001To1000000 = ("from_100001_to_1000000", Derived, "100 001 - 1 000 000", "100,001 - 1,000,000"),
        /// More than 1,000,000.
        MoreThan1000000 = ("more_than_1000000", Derived, "Fler än 1 000 000", "More than 1,000,000"),
    }
}

impl CountInterval {
    /// The inclusive bounds; the upper one is `None` for "Fler än 1 000 000".
    pub fn bounds(self) -> (u64, Option<u64>) {
        match self {
            CountInterval::From1To10 => (1, Some(10)),
            CountInterval::From11To100 => (11, Some(100)),
            CountInterval::From101To1000 => (101, Some(1_000)),
            CountInterval::From1001To10000 => (1_001, Some(10_000)),
            CountInterval::From10001To100000 => (10_001, Some(100_000)),
            CountInterval::From100001To1000000 => (100_001, Some(1_000_000)),
            CountInterval::MoreThan1000000 => (1_000_001, None),
        }
    }
    /// Whether `n` lies in the interval.
    pub fn contains(self, n: u64) -> bool {
        let (lo, hi) = self.bounds();
        n >= lo && hi.is_none_or(|hi| n <= hi)
    }
    /// The interval a number from 1 up lies in (0 counts as the first).
    pub fn containing(n: u64) -> CountInterval {
        Self::ALL
            .iter()
            .copied()
            .find(|i| i.bounds().1.is_some_and(|hi| n <= hi))
            .unwrap_or(CountInterval::MoreThan1000000)
    }
}

impl fmt::Display for Count {
    /// Writes the number and/or the interval's English label, the approximate number, the state, or
    /// "not answered".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(s) = self.state {
            return f.write_str(s.label(crate::Lang::En));
        }
        if let (None, Some(n)) = (self.exact, self.approximate) {
            return match self.interval {
                Some(i) => write!(f, "about {n} ({})", i.label(crate::Lang::En)),
                None => write!(f, "about {n}"),
            };
        }
        match (self.exact, self.interval) {
            (Some(n), Some(i)) => write!(f, "{n} ({})", i.label(crate::Lang::En)),
            (Some(n), None) => write!(f, "{n}"),
            (None, Some(i)) => f.write_str(i.label(crate::Lang::En)),
            (None, None) => f.write_str("not answered"),
        }
    }
}

choice_enum! {
    /// List G, question 25 "Vilka grupper tillhör de registrerade?" — groups of data subjects.
    /// Confirmed and complete.
    pub enum SubjectGroup in "G" {
        /// The controller's employees.
        Employees = ("employees", Confirmed, "Anställda hos den personuppgiftsansvarige", "Employees of the controller"),
        /// Users of the controller's services.
        ServiceUsers = ("service_users", Confirmed, "Användare av den personuppgiftsansvariges tjänster", "Users of the controller's services"),
        /// The controller's customers.
        Customers = ("customers", Confirmed, "Kunder hos den personuppgiftsansvarige", "Customers of the controller"),
        /// Subscribers.
        Subscribers = ("subscribers", Confirmed, "Prenumeranter", "Subscribers"),
        /// Members, for example of an association or customer club.
        Members = ("members", Confirmed, "Medlemmar, till exempel i en förening eller en kundklubb", "Members, for example of an association or a customer club"),
        /// Military, that is total-defence staff.
        Military = ("military", Confirmed, "Militär, det vill säga anställda inom totalförsvaret", "Military, that is staff within total defence"),
        /// Patients.
        Patients = ("patients", Confirmed, "Patienter", "Patients"),
        /// Children.
        Children = ("children", Confirmed, "Barn", "Children"),
        /// Pupils in preschool, compulsory or upper-secondary school.
        Pupils = ("pupils", Confirmed, "Skolelever i förskola, grundskola eller gymnasium", "Pupils in preschool, compulsory or upper secondary school"),
        /// Students in post-secondary education.
        Students = ("students", Confirmed, "Studerande i eftergymnasial utbildning", "Students in post-secondary education"),
        /// Vulnerable persons, for example people living with a protected identity.
        VulnerablePersons = ("vulnerable_persons", Confirmed, "Utsatta personer, till exempel personer som lever med skyddad identitet", "Vulnerable persons, for example people living with a protected identity"),
        /// Others who in your view are hit especially hard if personal data spreads.
        OtherEspeciallyAffected = ("other_especially_affected", Confirmed, "Övriga personer som enligt er bedömning drabbas särskilt hårt om personuppgifter sprids", "Other persons who in your assessment are hit especially hard if personal data is spread"),
        /// Cannot be stated at present.
        CannotSpecifyYet = ("cannot_specify_yet", Confirmed, "Kan inte ange för närvarande", "Cannot be stated at present"),
        /// Other; needs a comment.
        Other = ("other", Confirmed, "Övrigt", "Other"),
    }
}

choice_enum! {
    /// List H, question 26 "Vilken sorts personuppgifter har incidenten drabbat?" — categories of
    /// personal data. Confirmed and complete. The first eight are special categories (GDPR Art. 9);
    /// "Uppgift om brott" is Art. 10 data.
    pub enum DataCategory in "H" {
        /// Ethnic origin (Art. 9).
        EthnicOrigin = ("ethnic_origin", Confirmed, "Etniskt ursprung", "Ethnic origin"),
        /// Political opinions (Art. 9).
        PoliticalOpinions = ("political_opinions", Confirmed, "Politiska åsikter", "Political opinions"),
        /// Religious or philosophical beliefs (Art. 9).
        ReligiousOrPhilosophicalBeliefs = ("religious_or_philosophical_beliefs", Confirmed, "Religiös eller filosofisk övertygelse", "Religious or philosophical beliefs"),
        /// Trade-union membership (Art. 9).
        TradeUnionMembership = ("trade_union_membership", Confirmed, "Medlemskap i fackförening", "Trade union membership"),
        /// Genetic data (Art. 9).
        GeneticData = ("genetic_data", Confirmed, "Genetiska uppgifter", "Genetic data"),
        /// Biometric data (Art. 9).
        BiometricData = ("biometric_data", Confirmed, "Biometriska uppgifter", "Biometric data"),
        /// Health (Art. 9).
        Health = ("health", Confirmed, "Hälsa", "Health"),
        /// Sex life or sexual orientation (Art. 9).
        SexLifeOrOrientation = ("sex_life_or_orientation", Confirmed, "Sexualliv eller sexuell läggning", "Sex life or sexual orientation"),
        /// Criminal offences (Art. 10).
        CriminalOffences = ("criminal_offences", Confirmed, "Uppgift om brott", "Criminal offences"),
        /// Personal identity numbers (personnummer).
        PersonalIdentityNumber = ("personal_identity_number", Confirmed, "Personnummer", "Personal identity number"),
        /// Economic or financial information.
        FinancialInformation = ("financial_information", Confirmed, "Ekonomisk eller finansiell information", "Economic or financial information"),
        /// Official documents.
        OfficialDocuments = ("official_documents", Confirmed, "Officiella dokument", "Official documents"),
        /// Location data (for example GPS position, not addresses).
        LocationData = ("location_data", Confirmed, "Lokaliseringsuppgifter (till exempel GPS-position, ej adressuppgifter)", "Location data (for example GPS position, not addresses)"),
        /// Communication logs.
        CommunicationLogs = ("communication_logs", Confirmed, "Kommunikationsloggar", "Communication logs"),
        /// Metadata about communication.
        CommunicationMetadata = ("communication_metadata", Confirmed, "Metadata om kommunikation", "Metadata about communication"),
        /// Identifying information (for example first name and surname).
        IdentifyingInformation = ("identifying_information", Confirmed, "Identifierande information (till exempel för- och efternamn)", "Identifying information (for example first name and surname)"),
        /// Contact information.
        ContactInformation = ("contact_information", Confirmed, "Kontaktinformation", "Contact information"),
        /// Unknown.
        Unknown = ("unknown", Confirmed, "Okänd", "Unknown"),
        /// Other; needs a comment.
        Other = ("other", Confirmed, "Övrigt", "Other"),
    }
}

impl DataCategory {
    /// Whether this is a special category of personal data (GDPR Art. 9).
    pub fn is_special_category(self) -> bool {
        self.index() < DataCategory::CriminalOffences.index()
    }
    /// Whether this is data on criminal convictions and offences (GDPR Art. 10).
    pub fn is_criminal_offence_data(self) -> bool {
        self == DataCategory::CriminalOffences
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exact(json: &str) -> Result<Option<u64>, String> {
        serde_json::from_str::<Count>(&format!(r#"{{"exact": {json}}}"#))
            .map(|c| c.exact)
            .map_err(|e| e.to_string())
    }

    #[test]
    fn exact_counts_are_whole_numbers_as_json_schema_counts_them() {
        assert_eq!(exact("17"), Ok(Some(17)));
        assert_eq!(exact("17.0"), Ok(Some(17)));
        assert_eq!(exact("1e3"), Ok(Some(1000)));
        // `null` is never a value (the reader words it: `FieldError::Null`); leaving it out is.
        assert!(exact("null").is_err());
        assert_eq!(serde_json::from_str::<Count>("{}").map(|c| c.exact).ok(), Some(None));
        assert_eq!(exact("9007199254740991"), Ok(Some(MAX_COUNT)));
        assert!(exact("17.5").unwrap_err().contains("invalid value"));
        for out_of_range in ["0", "-5", "9007199254740992", "-1.0", "1e300"] {
            assert!(exact(out_of_range).unwrap_err().contains("count-out-of-range"), "{out_of_range}");
        }
        assert!(exact("\"7\"").unwrap_err().contains("invalid type"));
        let c: Count = serde_json::from_str(r#"{"exact": 17.0}"#).unwrap();
        assert_eq!(serde_json::to_string(&c).unwrap(), r#"{"exact":17}"#);
    }
}
