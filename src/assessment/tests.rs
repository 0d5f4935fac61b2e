//! The arithmetic, the bands and the recommendation.

use proptest::prelude::*;

use super::*;
use crate::model::assessment::{
    AvailabilityLoss, ConfidentialityLoss, DataKind, EaseOfIdentification, IntegrityLoss,
};

fn notification(json: &str) -> Notification {
    Notification::from_json(json).unwrap()
}

fn inputs(json: &str) -> RiskAssessment {
    serde_json::from_str(json).unwrap()
}

/// Assesses the notification `n` with the inputs `i`, both JSON.
fn run(n: &str, i: &str) -> Assessment {
    assess(&notification(n), &inputs(i))
}

#[test]
fn enisa_published_worked_score_ransomware_on_health_data_is_3_75_high() {
    // ENISA 2013: ransomware on health data, restored from backup within a day:
    // 4 × 0.75 + (0.25 + 0.5) = 3.75, high.
    let n = notification(
        r#"{"schemaVersion":"1.0","incident":{"nature":"unauthorised_access","cause":"antagonistic_attack"},
            "dataAndSubjects":{"dataCategories":["health"]}}"#,
    );
    let a = assess(
        &n,
        &inputs(
            r#"{"enisa":{"easeOfIdentification":"significant","confidentiality":"none","availability":"temporary"}}"#,
        ),
    );
    let s = a.severity.unwrap();
    assert_eq!(s.score, Some(Score::from_sixteenths(60)));
    assert_eq!(s.dpc, Some(4));
    assert_eq!(s.cb.map(Score::value), Some(0.75));
    assert_eq!(s.band, Some(Band::High));
    assert!(a.missing.is_empty());
    assert!(a.recommendation.borderline);
    assert!(a.explanation.sv.contains("SE = 4 × 0,75 + 0,75 = 3,75: hög."), "{}", a.explanation.sv);
    assert!(a.explanation.en.contains("SE = 4 × 0.75 + 0.75 = 3.75: high."), "{}", a.explanation.en);
    let json = serde_json::to_value(&a).unwrap();
    assert_eq!(json["severity"]["score"], serde_json::json!(3.75));
    assert_eq!(json["severity"]["band"], "high");
    assert_eq!(json["recommendation"]["notifyAuthority"], true);
    assert_eq!(json["recommendation"]["informDataSubjects"], true);
    assert!(json["explanation"]["sv"].is_string() && json["explanation"]["en"].is_string());
}

#[test]
fn bands_and_their_edges() {
    let band = |n| Band::of(Score::from_sixteenths(n));
    assert_eq!(band(4), Band::Low);
    assert_eq!(band(31), Band::Low);
    assert_eq!(band(32), Band::Medium);
    assert_eq!(band(47), Band::Medium);
    assert_eq!(band(48), Band::High);
    assert_eq!(band(63), Band::High);
    assert_eq!(band(64), Band::VeryHigh);
    assert_eq!(band(96), Band::VeryHigh);
    // Borderline: within 0.25 of 2, 3 or 4, inclusive.
    assert!(score::borderline(Score::from_sixteenths(28)));
    assert!(!score::borderline(Score::from_sixteenths(27)));
    assert!(score::borderline(Score::from_sixteenths(52)));
    assert!(!score::borderline(Score::from_sixteenths(53)));
    assert!(!score::borderline(Score::from_sixteenths(40)));
}

#[test]
fn missing_inputs_are_named_and_leave_no_band() {
    let n = notification(r#"{"schemaVersion":"1.0","dataAndSubjects":{"dataCategories":["unknown"]}}"#);
    let a = assess(&n, &RiskAssessment::default());
    assert_eq!(
        a.missing,
        vec![
            Input::DataKind,
            Input::EaseOfIdentification,
            Input::Confidentiality,
            Input::Integrity,
            Input::Availability,
            Input::Malicious
        ]
    );
    let s = a.severity.unwrap();
    assert_eq!((s.score, s.band), (None, None));
    assert_eq!((s.min.value(), s.max.value()), (0.25, 6.0));
    assert_eq!(a.recommendation.risk, RiskLevel::MoreInformationNeeded);
    assert!(a.recommendation.notify_authority && !a.recommendation.inform_data_subjects);
    assert!(!a.recommendation.determined);
    assert!(a.explanation.en.contains("Missing: Kind of data (DPC base), Ease of identification (EI)"));
}

#[test]
fn a_range_within_one_band_settles_the_recommendation() {
    // Contact data, negligible EI, misdirected letter: even the worst malice gives 1 × 0.25 + 0.25 + 0.5.
    let n = notification(
        r#"{"schemaVersion":"1.0","incident":{"nature":"misdirected_communication"},
            "dataAndSubjects":{"dataCategories":["contact_information"]}}"#,
    );
    let a = assess(&n, &inputs(r#"{"enisa":{"easeOfIdentification":"negligible"}}"#));
    assert_eq!(a.missing, vec![Input::Malicious]);
    assert!(a.recommendation.determined);
    assert_eq!(a.recommendation.risk, RiskLevel::Unlikely);
    assert!(!a.recommendation.notify_authority);
}

#[test]
fn defaults_come_from_nature_and_cause_and_say_so() {
    let n = notification(
        r#"{"schemaVersion":"1.0","incident":{"nature":"loss_or_theft","cause":"antagonistic_attack"},
            "dataAndSubjects":{"dataCategories":["financial_information","contact_information"],
            "subjectGroups":["children"]}}"#,
    );
    let a = assess(&n, &inputs(r#"{"enisa":{"easeOfIdentification":"maximum"}}"#));
    let s = a.severity.unwrap();
    // Financial 3, one step up for children (default) = 4; × 1 + 0.5 + 0 + 0.25 + 0.5 = 5.25.
    assert_eq!(s.dpc, Some(4));
    assert_eq!(s.score.map(Score::value), Some(5.25));
    let sources: Vec<(Input, Source)> = a.inputs.iter().map(|i| (i.input, i.source)).collect();
    assert_eq!(
        sources,
        vec![
            (Input::DataKind, Source::Derived),
            (Input::DpcAdjustment, Source::Default),
            (Input::EaseOfIdentification, Source::Stated),
            (Input::Confidentiality, Source::Default),
            (Input::Integrity, Source::Default),
            (Input::Availability, Source::Default),
            (Input::Malicious, Source::Derived),
        ]
    );
    assert!(a.explanation.sv.contains("förval utifrån fråga 15, att bekräfta"));
    assert!(a.explanation.en.contains("a default from question 25, to be confirmed"));
}

#[test]
fn encryption_suggests_the_art_34_3_a_ground_and_no_loss_of_confidentiality() {
    let n = notification(
        r#"{"schemaVersion":"1.0","incident":{"nature":"loss_or_theft","cause":"antagonistic_attack"},
            "dataAndSubjects":{"dataCategories":["health"],"encrypted":"yes"}}"#,
    );
    let a = assess(&n, &inputs(r#"{"enisa":{"easeOfIdentification":"maximum"}}"#));
    // 4 × 1 + 0 + 0 + 0.25 + 0.5 = 4.75: very high, but unintelligible.
    assert_eq!(a.severity.unwrap().band, Some(Band::VeryHigh));
    assert_eq!(a.recommendation.art34_ground, Some(InformGround::Unintelligible));
    assert!(a.recommendation.notify_authority && !a.recommendation.inform_data_subjects);
    assert!(a.weighed.iter().any(|w| w.factor == Weighed::Unintelligible && w.lowers));
}

#[test]
fn disproportionate_effort_means_a_public_communication() {
    let record = |decision: &str| {
        crate::model::record::BreachRecord::from_json(&format!(
            r#"{{"kind":"breach_record","schemaVersion":"1.1","affected":{{"dataCategories":["health"]}},
            "assessment":{{"enisa":{{"easeOfIdentification":"maximum","confidentiality":"unknown_recipients",
            "integrity":"none","availability":"none","malicious":"yes"}}}},
            "decisions":{{"informDataSubjects":{decision}}}}}"#
        ))
        .unwrap()
    };
    let a = super::assess_record(&record(r#"{"decision":"no","ground":"disproportionate_effort"}"#)).unwrap();
    assert!(!a.recommendation.inform_data_subjects && a.recommendation.public_communication);
    // A ground of a decision to inform, or "no high risk", is not an exemption the method weighs.
    for d in [
        r#"{"decision":"yes","ground":"disproportionate_effort"}"#,
        r#"{"decision":"no","ground":"no_high_risk"}"#,
    ] {
        let a = super::assess_record(&record(d)).unwrap();
        assert!(a.recommendation.inform_data_subjects && a.recommendation.art34_ground.is_none(), "{d}");
    }
}

#[test]
fn an_own_method_carries_the_conclusion_through_without_a_score() {
    let n = notification(r#"{"schemaVersion":"1.0"}"#);
    let a = assess(&n, &inputs(r#"{"ownMethod":"Vår egen matris.","conclusion":"high_risk"}"#));
    assert_eq!(a.method, Method::OwnMethod);
    assert!(a.severity.is_none());
    assert!(a.recommendation.notify_authority && a.recommendation.inform_data_subjects);
    assert!(!a.explanation.sv.contains("Vår egen matris"), "free text is never repeated");
    let none = assess(&n, &inputs(r#"{"ownMethod":"Vår egen matris."}"#));
    assert!(!none.recommendation.determined);
}

#[test]
fn adjustments_stay_within_1_to_4() {
    let a = run(
        r#"{"schemaVersion":"1.0","dataAndSubjects":{"dataCategories":["health"]}}"#,
        r#"{"enisa":{"dpcAdjustments":[{"direction":"up","reason":"large_volume"},
            {"direction":"down","reason":"publicly_available"}],"easeOfIdentification":"limited",
            "confidentiality":"none","integrity":"none","availability":"none","malicious":"no"}}"#,
    );
    let steps: Vec<Effect> =
        a.inputs.iter().filter(|i| i.input == Input::DpcAdjustment).map(|i| i.effect).collect();
    assert_eq!(steps, vec![Effect::Step(0), Effect::Step(-1)]);
    assert_eq!(a.severity.unwrap().dpc, Some(3));
}

fn kinds() -> impl Strategy<Value = DataKind> {
    prop::sample::select(DataKind::ALL.to_vec())
}
fn eis() -> impl Strategy<Value = EaseOfIdentification> {
    prop::sample::select(EaseOfIdentification::ALL.to_vec())
}

fn enisa(
    k: DataKind,
    e: EaseOfIdentification,
    c: usize,
    i: usize,
    av: usize,
    m: bool,
    up: u8,
) -> RiskAssessment {
    let adjustments = (0..up)
        .map(|_| crate::DpcAdjustment {
            direction: Direction::Up,
            reason: crate::DpcReason::LargeVolume,
            comment: None,
        })
        .collect();
    RiskAssessment {
        enisa: Some(EnisaInputs {
            data_kind: Some(k),
            dpc_adjustments: adjustments,
            ease_of_identification: Some(e),
            confidentiality: ConfidentialityLoss::ALL.get(c).copied(),
            integrity: IntegrityLoss::ALL.get(i).copied(),
            availability: AvailabilityLoss::ALL.get(av).copied(),
            malicious: Some(if m { YesNo::Yes } else { YesNo::No }),
            ..EnisaInputs::default()
        }),
        ..RiskAssessment::default()
    }
}

fn score_of(r: &RiskAssessment) -> Score {
    let n = Notification::from_json(r#"{"schemaVersion":"1.0"}"#).unwrap();
    assess(&n, r).severity.and_then(|s| s.score).unwrap_or_default()
}

proptest! {
    #[test]
    fn the_score_lies_in_0_25_to_6_and_is_monotone_in_each_input(
        k in kinds(), e in eis(), c in 0usize..3, i in 0usize..3, av in 0usize..3, m: bool, up in 0u8..3,
    ) {
        let s = score_of(&enisa(k, e, c, i, av, m, up));
        prop_assert!(s.value() >= 0.25 && s.value() <= 6.0, "{s}");
        let higher_kind = DataKind::ALL.get(k.index() + 1).copied().unwrap_or(k);
        let higher_ei = EaseOfIdentification::ALL.get(e.index() + 1).copied().unwrap_or(e);
        for next in [
            enisa(higher_kind, e, c, i, av, m, up),
            enisa(k, higher_ei, c, i, av, m, up),
            enisa(k, e, (c + 1).min(2), i, av, m, up),
            enisa(k, e, c, (i + 1).min(2), av, m, up),
            enisa(k, e, c, i, (av + 1).min(2), m, up),
            enisa(k, e, c, i, av, true, up),
            enisa(k, e, c, i, av, m, up + 1),
        ] {
            prop_assert!(score_of(&next) >= s);
        }
    }

    #[test]
    fn a_missing_input_gives_a_range_around_every_completion(
        k in kinds(), e in eis(), c in 0usize..3, i in 0usize..3, av in 0usize..3, m: bool,
    ) {
        let full = enisa(k, e, c, i, av, m, 0);
        let exact = score_of(&full);
        let mut partial = full.clone();
        if let Some(x) = partial.enisa.as_mut() {
            x.ease_of_identification = None;
            x.availability = None;
        }
        let n = Notification::from_json(r#"{"schemaVersion":"1.0"}"#).unwrap();
        let s = assess(&n, &partial).severity.unwrap();
        prop_assert!(s.score.is_none() && s.min <= exact && exact <= s.max);
    }
}

#[test]
fn personnummer_suggests_a_step_up_and_unintelligible_data_without_loss_are_unlikely() {
    let a = run(
        r#"{"schemaVersion":"1.0","dataAndSubjects":{"dataCategories":["personal_identity_number"]}}"#,
        r#"{"enisa":{"easeOfIdentification":"maximum","confidentiality":"known_recipients","integrity":"none",
            "availability":"none","malicious":"no"}}"#,
    );
    assert_eq!(a.severity.unwrap().dpc, Some(2));
    assert!(a.explanation.sv.contains("dataskyddslagen 3 kap. 10 §"));
    // Encrypted, nothing disclosed, altered or lost: unlikely, whatever the score (2 × 1 + 0.5 = 2.5).
    let a = run(
        r#"{"schemaVersion":"1.0","incident":{"nature":"loss_or_theft","cause":"antagonistic_attack"},
            "dataAndSubjects":{"dataCategories":["identifying_information"],"subjectGroups":["children"],
            "encrypted":"yes"}}"#,
        r#"{"enisa":{"easeOfIdentification":"maximum","availability":"none"}}"#,
    );
    assert_eq!(a.severity.unwrap().band, Some(Band::Medium));
    assert_eq!(a.recommendation.risk, RiskLevel::Unlikely);
    assert!(!a.recommendation.notify_authority);
    assert!(a.explanation.en.contains("neither disclosed, altered nor lost"));
}
