#![cfg(feature = "cli")]
//! `imy-breach render` and `imy-breach redact`: the output is the library's, the exit codes are
//! those documented, and a redacted copy read back is a notification.

mod common;

use common::{assert_exit, run, run_with_stdin, stderr, stdout};

use std::path::{Path, PathBuf};

use imy_breach::redact::{redact, RedactOptions};
use imy_breach::render::{render, Format, RenderOptions, Summary};
use imy_breach::{Lang, Notification};

fn file(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(name)
}

fn read(name: &str) -> Notification {
    Notification::from_json(&std::fs::read_to_string(file(name)).expect("readable")).expect("a notification")
}

#[test]
fn render_prints_the_library_rendering() {
    let path = file("examples/misdirected-email.json");
    let n = read("examples/misdirected-email.json");
    let p = path.to_str().expect("UTF-8 path");
    for (args, lang, format) in [
        (vec!["render", p], Lang::Sv, Format::Text),
        (vec!["render", p, "--lang", "en"], Lang::En, Format::Text),
        (vec!["render", p, "--format", "markdown"], Lang::Sv, Format::Markdown),
        (vec!["render", p, "--lang", "en", "--format", "markdown"], Lang::En, Format::Markdown),
    ] {
        let o = run(&args);
        assert_exit(&o, 0);
        assert_eq!(stdout(&o), render(&n, &RenderOptions::new(lang, format)), "{args:?}");
    }
}

#[test]
fn render_summary_at_a_given_moment() {
    let p = file("examples/misdirected-email.json");
    let o = run(&["render", p.to_str().expect("UTF-8"), "--summary", "--now", "2021-03-26T12:00:00+01:00"]);
    assert_exit(&o, 0);
    let n = read("examples/misdirected-email.json");
    let now = time::macros::datetime!(2021-03-26 12:00 +01:00);
    let want =
        render(&n, &RenderOptions::new(Lang::Sv, Format::Text).with_summary(Summary::compute(&n, now)));
    assert_eq!(stdout(&o), want);
    assert!(stdout(&o).contains("Anmälan till IMY: 2021-03-28 13:27 (i tid)"));
}

#[test]
fn render_exit_codes() {
    assert_exit(&run(&["render", "/no/such/file.json"]), 2);
    assert_exit(&run(&["render"]), 2);
    assert_exit(&run(&["render", "x.json", "--format", "html"]), 2);
    assert_exit(&run(&["render", "x.json", "--now", "2025-01-01T00:00:00Z"]), 2); // --now needs --summary
    let p = file("examples/ransomware.json");
    assert_exit(&run(&["render", p.to_str().expect("UTF-8"), "--summary", "--now", "igår"]), 2);
    let bad = run_with_stdin(
        &["render", "-", "--lang", "en"],
        br#"{"schemaVersion":"1.0","incident":{"nature":"x"}}"#,
    );
    assert_exit(&bad, 1);
    assert!(stderr(&bad).contains("/incident/nature [unknown-option]"), "{}", stderr(&bad));
    let ok = run_with_stdin(&["render", "-"], br#"{"schemaVersion":"1.0"}"#);
    assert_exit(&ok, 0);
    assert!(stdout(&ok).contains("[Ej besvarad]"));
}

#[test]
fn redact_prints_a_notification_with_markers() {
    for name in ["examples/misdirected-email.json", "tests/data/render/markings.json"] {
        let n = read(name);
        let o = run(&["redact", file(name).to_str().expect("UTF-8")]);
        assert_exit(&o, 0);
        let public = Notification::from_json(&stdout(&o)).expect("the copy parses");
        assert_eq!(public, redact(&n, &RedactOptions::default()), "{name}");
        for p in &n.contact_details.contact_persons {
            let email = p.email.as_ref().expect("an e-mail address").as_str();
            assert!(!stdout(&o).contains(email), "{name}: {email}");
        }
    }
    // English markers, rendered as Markdown.
    let o = run(&[
        "redact",
        file("tests/data/render/markings.json").to_str().expect("UTF-8"),
        "--lang",
        "en",
        "--format",
        "markdown",
    ]);
    assert_exit(&o, 0);
    assert!(stdout(&o).contains("\\[REDACTED: security measure\\]"), "{}", stdout(&o));
    assert!(stdout(&o).starts_with("# Personal data breach notification\n"));
}

#[test]
fn redact_options_and_problems() {
    let p = file("examples/misdirected-email.json");
    let o = run(&[
        "redact",
        p.to_str().expect("UTF-8"),
        "--keep-contact-persons",
        "--keep-personal-data-in-text",
    ]);
    assert_exit(&o, 0);
    assert_eq!(
        Notification::from_json(&stdout(&o)).expect("parses"),
        read("examples/misdirected-email.json")
    );

    let doc = br#"{"schemaVersion":"1.0","supplementAndConfidentiality":{"confidentialityMarkings":[
        {"pointer":"/incident/nowhere","ground":"security_measures","reason":"x"}]}}"#;
    let o = run_with_stdin(&["redact", "-", "--lang", "en"], doc);
    assert_exit(&o, 0);
    assert!(stderr(&o).contains("[marking-pointer-unknown]"), "{}", stderr(&o));
    assert_exit(&run(&["redact", "/no/such/file.json"]), 2);
    assert_exit(&run_with_stdin(&["redact", "-"], b"{"), 1);
}
