//! Consistency with the risk assessment: the self-assessed severity (question 29) and informing
//! the data subjects (questions 31–35) against what the assessment presumes.
//!
//! A notification has no assessment; a breach record has. Where one exists, these two rules replace
//! `sensitive-data-low-severity` and `high-severity-not-informing`
//! ([`REPLACED_BY_ASSESSMENT`]): one consistent comparison instead of two rules of thumb.

use super::super::subject::subject;
use crate::assessment::{Assessment, Method};
use crate::form::Field;
use crate::lang::{lower_first, Bilingual, Lang};
use crate::model::assessment::RiskLevel;
use crate::model::consequences::Severity;
use crate::model::notification::Notification;
use crate::validation::catalogue;
use crate::validation::options::ValidationOptions;
use crate::validation::report::{Level, Report, Violation};
use crate::values::choice::{Choice, YesNo};

/// The rules of thumb that [`assessment_consistency`] replaces where an assessment exists.
pub const REPLACED_BY_ASSESSMENT: [&str; 2] = ["sensitive-data-low-severity", "high-severity-not-informing"];

/// Compares the notification's severity (question 29) and its answers on informing the data
/// subjects (31–35) with the assessment `a` of the same breach: a warning
/// `severity-diverges-from-assessment` when question 29 and the presumed risk differ (severity 1 ↔
/// unlikely, 2 ↔ a risk, 3–4 ↔ a high risk), and `informing-diverges-from-assessment` when the
/// assessment presumes the data subjects are to be informed but 31 and 33 do not say so and 35
/// gives no reason. Nothing where the assessment does not settle the risk.
///
/// # Example
/// ```
/// use imy_breach::{assessment::assess, validation::assessment_consistency, Notification, RiskAssessment};
/// let n = Notification::from_json(r#"{"schemaVersion":"1.0",
///   "dataAndSubjects": {"dataCategories": ["health"]},
///   "consequences": {"severity": "not_serious"}}"#)?;
/// let inputs: RiskAssessment = serde_json::from_str(r#"{"enisa": {"easeOfIdentification": "maximum",
///   "confidentiality": "unknown_recipients", "integrity": "none", "availability": "none",
///   "malicious": "yes"}}"#).unwrap();
/// let found = assessment_consistency(&n, &assess(&n, &inputs));
/// let codes: Vec<_> = found.iter().map(|v| v.code).collect();
/// assert_eq!(codes, ["severity-diverges-from-assessment", "informing-diverges-from-assessment"]);
/// # Ok::<(), imy_breach::ParseError>(())
/// ```
pub fn assessment_consistency(n: &Notification, a: &Assessment) -> Vec<Violation> {
    let mut out = Vec::new();
    if !a.recommendation.determined {
        return out;
    }
    let presumed = a.recommendation.risk;
    if let Some(sev) = n.consequences.severity {
        if class(sev) != presumed {
            let p = Field::Severity.pattern_str();
            let s = subject(p);
            let (what_sv, what_en) = what(a);
            let (what_sv, what_en) = (lower_first(&what_sv), lower_first(&what_en));
            let sv = format!(
                "{} är ”{}”, men {what_sv} ger presumtionen ”{}”. Bedömningen är en presumtion som ni ska väga: \
                 pröva svaret, eller dokumentera varför ni avviker från den.",
                s.text.sv,
                sev.label(Lang::Sv),
                presumed.label(Lang::Sv)
            );
            let en = format!(
                "{} is “{}”, but {what_en} gives the presumption “{}”. The assessment is a presumption for you \
                 to weigh: reconsider the answer, or document why you depart from it.",
                s.text.en,
                sev.label(Lang::En),
                presumed.label(Lang::En)
            );
            out.push(violation("severity-diverges-from-assessment", p, sv, en));
        }
    }
    let info = &n.data_subject_information;
    let informing = info.informed == Some(YesNo::Yes) || info.will_inform == Some(YesNo::Yes);
    if a.recommendation.inform_data_subjects && !informing && info.reason_not_informing.is_none() {
        let p = Field::ReasonNotInforming.pattern_str();
        let (what_sv, what_en) = what(a);
        let sv = format!(
            "{what_sv} ger presumtionen ”{}” utan undantag i GDPR art. 34.3, men frågorna 31 och 33 anger inte att de \
             registrerade har informerats eller kommer att informeras, och fråga 35 anger inget skäl. Informera de registrerade utan onödigt dröjsmål (art. 34.1), eller ange i fråga 35 \
             varför inte.",
            presumed.label(Lang::Sv)
        );
        let en = format!(
            "{what_en} gives the presumption “{}” without an exemption of GDPR Art. 34(3), but questions 31 \
             and 33 do not say that the data subjects have been or will be informed, and question \
             35 gives no reason. Inform the data subjects without undue delay (Art. 34(1)), or say in question 35 \
             why not.",
            presumed.label(Lang::En)
        );
        out.push(violation("informing-diverges-from-assessment", p, sv, en));
    }
    out
}

/// Validates `n` as [`Notification::validate`] does, with the rules of [`REPLACED_BY_ASSESSMENT`]
/// replaced by [`assessment_consistency`] against `a`: what a breach record with an assessment
/// runs.
///
/// # Example
/// ```
/// use imy_breach::{assessment::assess, validation::validate_with_assessment, Notification};
/// use imy_breach::{RiskAssessment, ValidationOptions};
/// let n = Notification::from_json(r#"{"schemaVersion":"1.0",
///   "dataAndSubjects": {"dataCategories": ["health"]}, "consequences": {"severity": "not_serious"}}"#)?;
/// let a = assess(&n, &RiskAssessment::default());
/// let report = validate_with_assessment(&n, &ValidationOptions::default(), &a);
/// assert!(!report.violations.iter().any(|v| v.code == "sensitive-data-low-severity"));
/// # Ok::<(), imy_breach::ParseError>(())
/// ```
pub fn validate_with_assessment(n: &Notification, options: &ValidationOptions, a: &Assessment) -> Report {
    let mut report = n.validate(options);
    report.violations.retain(|v| !REPLACED_BY_ASSESSMENT.contains(&v.code));
    report.violations.extend(assessment_consistency(n, a));
    report.violations.sort_by_cached_key(|v| super::super::subject::form_order_key(&v.pointer));
    report
}

/// Question 29's level as a risk: 1 unlikely, 2 a risk, 3–4 a high risk.
fn class(sev: Severity) -> RiskLevel {
    match sev {
        Severity::NotSerious => RiskLevel::Unlikely,
        Severity::LessSerious => RiskLevel::Risk,
        _ => RiskLevel::HighRisk,
    }
}

/// The assessment named, with its score where there is one.
fn what(a: &Assessment) -> (String, String) {
    match (a.method, a.severity.and_then(|s| s.score.zip(s.band))) {
        (Method::Enisa, Some((score, band))) => (
            format!(
                "Riskbedömningen enligt ENISA:s metod ({}, band ”{}”)",
                score.written(Lang::Sv),
                band.label(Lang::Sv)
            ),
            format!(
                "The risk assessment by ENISA's method ({}, band “{}”)",
                score.written(Lang::En),
                band.label(Lang::En)
            ),
        ),
        (Method::OwnMethod, _) => (
            "Riskbedömningen enligt er egen metod".to_owned(),
            "The risk assessment by your own method".to_owned(),
        ),
        _ => ("Riskbedömningen".to_owned(), "The risk assessment".to_owned()),
    }
}

fn violation(code: &'static str, pointer: &str, sv: String, en: String) -> Violation {
    let level = catalogue::rule(code).map_or(Level::Warning, |r| r.level);
    Violation { pointer: pointer.to_owned(), code, level, message: Bilingual::new(sv, en) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::assess;
    use crate::model::assessment::RiskAssessment;

    fn case(n: &str, i: &str) -> (Notification, Assessment) {
        let n = Notification::from_json(n).unwrap();
        let inputs: RiskAssessment = serde_json::from_str(i).unwrap();
        let a = assess(&n, &inputs);
        (n, a)
    }

    const LOW: &str = r#"{"enisa":{"easeOfIdentification":"limited","confidentiality":"known_recipients",
        "integrity":"none","availability":"none","malicious":"no"}}"#;

    #[test]
    fn a_matching_severity_and_informing_give_nothing() {
        let (n, a) = case(
            r#"{"schemaVersion":"1.0","dataAndSubjects":{"dataCategories":["contact_information"]},
               "consequences":{"severity":"not_serious"}}"#,
            LOW,
        );
        assert!(assessment_consistency(&n, &a).is_empty());
    }

    #[test]
    fn a_severity_above_the_presumption_is_flagged_with_both_values() {
        let (n, a) = case(
            r#"{"schemaVersion":"1.0","dataAndSubjects":{"dataCategories":["contact_information"]},
               "consequences":{"severity":"very_serious"}}"#,
            LOW,
        );
        let found = assessment_consistency(&n, &a);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].code, "severity-diverges-from-assessment");
        assert_eq!(found[0].pointer, "/consequences/severity");
        assert_eq!(found[0].level, Level::Warning);
        assert!(found[0].message.sv.contains("”4. Mycket allvarlig”"), "{}", found[0].message.sv);
        assert!(found[0].message.sv.contains("0,75, band ”Låg”"), "{}", found[0].message.sv);
        assert!(found[0].message.en.contains("“Unlikely to result in a risk”"), "{}", found[0].message.en);
    }

    #[test]
    fn an_undetermined_assessment_or_a_stated_reason_gives_nothing() {
        let (n, a) = case(r#"{"schemaVersion":"1.0","consequences":{"severity":"very_serious"}}"#, "{}");
        assert!(assessment_consistency(&n, &a).is_empty());
        let (n, a) = case(
            r#"{"schemaVersion":"1.0","dataSubjectInformation":{"informed":"no","willInform":"no",
               "reasonNotInforming":"Skälet."},"consequences":{"severity":"serious"}}"#,
            r#"{"ownMethod":"Matris.","conclusion":"high_risk"}"#,
        );
        assert!(assessment_consistency(&n, &a).is_empty());
    }

    #[test]
    fn the_rules_of_thumb_are_replaced_where_an_assessment_exists() {
        let (n, a) = case(
            r#"{"schemaVersion":"1.0","dataAndSubjects":{"dataCategories":["health"]},
               "consequences":{"severity":"not_serious"}}"#,
            r#"{"ownMethod":"Matris.","conclusion":"unlikely"}"#,
        );
        let plain: Vec<&str> =
            n.validate(&ValidationOptions::default()).violations.iter().map(|v| v.code).collect();
        assert!(plain.contains(&"sensitive-data-low-severity"));
        let with = validate_with_assessment(&n, &ValidationOptions::default(), &a);
        assert!(!with.violations.iter().any(|v| REPLACED_BY_ASSESSMENT.contains(&v.code)));
        assert!(!with.violations.iter().any(|v| v.code.ends_with("-diverges-from-assessment")));
    }
}
