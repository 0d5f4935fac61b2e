//! Rendering: golden files for every example and fixture, in Swedish and English, as text and as
//! Markdown, and the layout rules the golden files rely on.
//!
//! Regenerate the golden files after an intended change with
//! `IMY_BREACH_UPDATE_GOLDEN=1 cargo test --test render`, and review the diff.

mod common;

use common::{examples_and_render_fixtures as documents, read, root};

use std::collections::BTreeSet;
use std::path::Path;

use imy_breach::render::{render, Format, RenderOptions, Summary};
use imy_breach::{Lang, Notification, YesNo};

fn stem(path: &Path) -> String {
    path.file_stem().and_then(|s| s.to_str()).expect("UTF-8 name").to_string()
}

const VARIANTS: [(Lang, Format, &str); 4] = [
    (Lang::Sv, Format::Text, "sv.txt"),
    (Lang::En, Format::Text, "en.txt"),
    (Lang::Sv, Format::Markdown, "sv.md"),
    (Lang::En, Format::Markdown, "en.md"),
];

#[test]
fn golden_files() {
    let update = std::env::var_os("IMY_BREACH_UPDATE_GOLDEN").is_some_and(|v| v == "1");
    let mut failures = Vec::new();
    let docs = documents();
    assert!(docs.len() >= 4, "the examples are missing");
    for path in &docs {
        let n = read(path);
        for (lang, format, ext) in VARIANTS {
            let got = render(&n, &RenderOptions::new(lang, format));
            let golden = root().join("tests/golden").join(format!("{}.{ext}", stem(path)));
            if update {
                std::fs::write(&golden, &got).expect("golden file written");
                continue;
            }
            match std::fs::read_to_string(&golden) {
                Ok(want) if want == got => {}
                Ok(_) => failures.push(format!("{} differs", golden.display())),
                Err(_) => failures.push(format!("{} is missing", golden.display())),
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{}\nRegenerate with IMY_BREACH_UPDATE_GOLDEN=1 cargo test --test render, and review the diff.",
        failures.join("\n")
    );
}

/// The question numbers a rendering shows: lines "N. …" (text) or "**N. …**" (Markdown).
fn numbers_shown(text: &str) -> BTreeSet<u32> {
    text.lines()
        .filter_map(|l| {
            let l = l.strip_prefix("**").unwrap_or(l);
            let (n, rest) = l.split_once(". ")?;
            (!rest.is_empty()).then_some(())?;
            n.parse().ok()
        })
        .collect()
}

/// The questions the form's logic leaves out for this notification (see the module documentation of
/// `render`): a conditional question whose condition does not hold and that is not answered.
fn not_applicable(n: &Notification) -> BTreeSet<u32> {
    let mut out = BTreeSet::new();
    let (inc, info) = (&n.incident, &n.data_subject_information);
    if inc.ongoing != Some(YesNo::No) && inc.ceased.is_empty() {
        out.insert(13);
    }
    if n.processors.involved != Some(YesNo::Yes) && n.processors.organisations.is_empty() {
        out.insert(22);
    }
    if info.informed != Some(YesNo::Yes) && info.informed_on.is_none() {
        out.insert(32);
    }
    if info.informed != Some(YesNo::No) && info.will_inform.is_none() {
        out.insert(33);
    }
    if info.will_inform != Some(YesNo::Yes) && info.planned_on.is_none() {
        out.insert(34);
    }
    if info.will_inform != Some(YesNo::No) && info.reason_not_informing.is_none() {
        out.insert(35);
    }
    out
}

/// Every question is shown, answered or marked unanswered, except those the form's logic leaves
/// out; nothing is silently skipped.
#[test]
fn every_question_is_shown_unless_it_does_not_apply() {
    for path in documents() {
        let n = read(&path);
        let skipped = not_applicable(&n);
        for (lang, format, _) in VARIANTS {
            let shown = numbers_shown(&render(&n, &RenderOptions::new(lang, format)));
            let expected: BTreeSet<u32> = (1..=37).filter(|q| !skipped.contains(q)).collect();
            assert_eq!(shown, expected, "{} {lang:?} {format:?}", path.display());
        }
    }
}

#[test]
fn unanswered_questions_are_marked() {
    let n = Notification::from_json(r#"{"schemaVersion":"1.0"}"#).unwrap();
    let sv = render(&n, &RenderOptions::new(Lang::Sv, Format::Text));
    assert!(sv.contains("1. Organisationens namn *\n\n[Ej besvarad]\n"), "{sv}");
    assert!(sv.contains("12. Pågår incidenten fortfarande?\n\n[Ej besvarad]\n"));
    assert!(sv.contains("25. Vilka grupper tillhör de registrerade?\n\n[Ej besvarad]\n"));
    assert!(sv.contains("Eventuell kommentar\n\n[Ej besvarad]\n"));
    let en = render(&n, &RenderOptions::new(Lang::En, Format::Markdown));
    assert!(en.contains("**1. Organisation name (the controller) \\***\n\n*Not answered*\n"), "{en}");
}

/// A conditional question that does not apply is left out, but an answer is never hidden.
#[test]
fn conditional_questions_follow_the_form() {
    let n = Notification::from_json(
        r#"{"schemaVersion":"1.0","incident":{"ongoing":"yes","ceased":{"date":"2025-03-01"},
            "cause":"human_error","causeComment":"Ett förklarande ord."},
            "dataSubjectInformation":{"informed":"yes","informedOn":"2025-03-02"}}"#,
    )
    .unwrap();
    let sv = render(&n, &RenderOptions::new(Lang::Sv, Format::Text));
    assert!(sv.contains("13. När upphörde incidenten?\n\nDatum\n\n2025-03-01\n"));
    assert!(sv.contains("Ange kommentar vid val \"Övrigt\"\n\nEtt förklarande ord.\n"));
    assert!(sv.contains("32. När informerade ni de registrerade?\n\nDatum\n\n2025-03-02\n"));
    assert!(!sv.contains("33. ") && !sv.contains("34. ") && !sv.contains("35. "));
    assert!(!sv.contains("20. Inom vilket verksamhetsområde inträffade incidenten?\n\n[Ej besvarad]\n\nAnge"));
}

/// Free text cannot inject markup: no raw HTML, no headings, no list items from the user's text.
#[test]
fn markdown_shows_free_text_as_written() {
    let n = read(&root().join("tests/data/render/markings.json"));
    for lang in [Lang::Sv, Lang::En] {
        let md = render(&n, &RenderOptions::new(lang, Format::Markdown));
        assert!(!md.contains("<Nord>") && md.contains("\\<Nord\\>"));
        assert!(md.contains("\\*alla\\*"));
        assert!(md.contains("\\# Åtgärder pågår"));
        assert!(md.contains("1\\. Lösenord återställs."));
        for line in md.lines() {
            assert!(
                !line.starts_with("# ") || line.starts_with("# Anmälan") || line.starts_with("# Personal"),
                "{line}"
            );
        }
    }
}

#[test]
fn summary_header_gives_deadlines_and_validation() {
    let n = read(&root().join("examples/misdirected-email.json"));
    let now = time::macros::datetime!(2021-03-26 12:00 +01:00);
    let s = Summary::compute(&n, now);
    let sv = render(&n, &RenderOptions::new(Lang::Sv, Format::Text).with_summary(s.clone()));
    // Discovered 2021-03-25 12:27; summer time began on 28 March: 72 hours end at 13:27.
    assert!(sv.contains("Sammanfattning\n--------------\n\nBedömd vid: 2021-03-26 12:00\nAnmälan till IMY: 2021-03-28 13:27 (i tid)\n"), "{sv}");
    assert!(sv.contains("\nKomplettering till IMY: 2021-04-23 10:15 (öppen, 27 d 21 h 15 min kvar)\n"));
    assert!(sv.contains("\nValidering: "));
    assert!(sv.find("Sammanfattning").unwrap() < sv.find("Personuppgiftsansvarig").unwrap());
    let en = render(&n, &RenderOptions::new(Lang::En, Format::Markdown).with_summary(s));
    assert!(
        en.contains(
            "## Summary\n\n- As at: 2021-03-26 12:00\n- Notification to IMY: 2021-03-28 13:27 (met)\n"
        ),
        "{en}"
    );

    // Not yet filed, discovered on a date only, judged after the deadline.
    let late =
        Notification::from_json(r#"{"schemaVersion":"1.0","incident":{"discovered":{"date":"2025-03-03"}}}"#)
            .unwrap();
    let s = Summary::compute(&late, time::macros::datetime!(2025-03-06 12:00 +01:00));
    let sv = render(&late, &RenderOptions::new(Lang::Sv, Format::Text).with_summary(s));
    assert!(sv.contains("Anmälan till IMY: 2025-03-06 00:00 (försenad, 12 h 0 min efter fristen, räknat från 00:00 upptäcktsdagen)"), "{sv}");

    // A time that does not exist in Swedish time: said, not guessed.
    let gap = Notification::from_json(
        r#"{"schemaVersion":"1.0","incident":{"discovered":{"date":"2025-03-30","time":"02:30"}}}"#,
    )
    .unwrap();
    let s = Summary::compute(&gap, time::macros::datetime!(2025-03-31 12:00 +02:00));
    assert!(s.schedule.is_none() && s.schedule_error.is_some());
    let en = render(&gap, &RenderOptions::new(Lang::En, Format::Text).with_summary(s));
    assert!(en.contains("The deadlines cannot be counted: "), "{en}");

    // Validation problems are listed with their pointers.
    let (_, report) =
        imy_breach::validate_json(br#"{"schemaVersion":"1.0","controller":{"organisationNumber":"x"}}"#);
    let s = Summary::new().with_validation(report);
    let sv = render(&Notification::new(), &RenderOptions::new(Lang::Sv, Format::Text).with_summary(s));
    assert!(sv.contains("- fel /controller/organisationNumber [organisation-number-format]: "), "{sv}");
}
