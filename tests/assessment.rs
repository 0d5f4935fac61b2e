//! The EDPB's worked cases (Guidelines 01/2021 on examples regarding personal data breach
//! notification, v2.0) as assessment cases in `tests/data/assessment/`: the assessment must reach
//! each case's expected verdict, or the case must be listed, with the reason, in
//! `tests/data/assessment/expected-deviations.json` (as rust-url lists its expected failures). The
//! test fails when a listed deviation stops deviating or an unlisted one appears.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use imy_breach::assessment::{assess, AssessmentCase, ExpectedVerdict};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/assessment")
}

const DEVIATIONS: &str = "expected-deviations.json";

/// Every case file, by its id (the file name without `.json`).
fn cases() -> BTreeMap<String, AssessmentCase> {
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(dir()).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name == DEVIATIONS || !name.ends_with(".json") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let case = AssessmentCase::from_slice(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        out.insert(name.trim_end_matches(".json").to_owned(), case);
    }
    out
}

/// The listed deviations: case id → why.
fn listed() -> BTreeMap<String, String> {
    let text = std::fs::read_to_string(dir().join(DEVIATIONS)).unwrap();
    let list: Vec<serde_json::Value> = serde_json::from_str(&text).unwrap();
    list.iter()
        .map(|d| {
            let id = d["case"].as_str().expect("a deviation names its case").to_owned();
            let why = d["why"].as_str().expect("a deviation says why").to_owned();
            assert!(why.len() > 40, "{id}: the reason says why");
            (id, why)
        })
        .collect()
}

#[test]
fn the_edpb_cases_reach_their_verdicts_or_are_listed_deviations() {
    let cases = cases();
    assert!(cases.len() >= 18, "every case of the guideline is in the corpus: {}", cases.len());
    for n in 1..=18 {
        let prefix = format!("{n:02}");
        assert!(cases.keys().any(|k| k.starts_with(&prefix)), "case {prefix} is in the corpus");
    }
    let listed = listed();
    let mut report = Vec::new();
    let mut unexpected = Vec::new();
    for (id, case) in &cases {
        let expected = case.expected.unwrap_or_else(|| panic!("{id}: an expected verdict"));
        assert!(expected.document, "{id}: every breach is documented (Art. 33(5))");
        assert!(case.known_from.as_deref().is_some_and(|k| !k.is_empty()), "{id}: knownFrom");
        let a = assess(&case.notification, &case.assessment);
        assert!(a.missing.is_empty(), "{id}: every input is given or derived: {:?}", a.missing);
        let got = ExpectedVerdict {
            document: true,
            notify_authority: a.recommendation.notify_authority,
            inform_data_subjects: a.recommendation.inform_data_subjects,
        };
        let score = a.severity.and_then(|s| s.score).map_or("-".to_owned(), |s| s.to_string());
        report.push(format!("{id}: score {score}, expected {expected:?}, got {got:?}"));
        match (got == expected, listed.contains_key(id)) {
            (true, true) => {
                unexpected.push(format!("{id} is listed as a deviation but now reaches the verdict"))
            }
            (false, false) => unexpected.push(format!(
                "{id} deviates and is not listed: expected {expected:?}, got {got:?} (score {score})"
            )),
            _ => {}
        }
    }
    for id in listed.keys() {
        if !cases.contains_key(id) {
            unexpected.push(format!("{id} is listed but no such case exists"));
        }
    }
    assert!(unexpected.is_empty(), "{}\n\nall cases:\n{}", unexpected.join("\n"), report.join("\n"));
}
