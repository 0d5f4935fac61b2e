#![cfg(feature = "cli")]
//! The README's command-line sessions are real: every `$ imy-breach …` in a `text` block is run and
//! its output compared with the lines that follow it, as written. A session may cut the output
//! with `| head -N` or `| sed -n A,Bp`, and `$ echo $?` shows the exit code of the command before.
//! (The README's Rust snippets are doctests, `ReadmeDoctests` in src/lib.rs.)

mod common;

use common::{bin, root, stderr, stdout};

/// One command of a session and the output the README shows for it.
#[derive(Debug)]
struct Session {
    command: String,
    output: Vec<String>,
}

/// The sessions of every ```` ```text ```` block: a line `$ …` starts a command (continued by a
/// trailing `\`), the lines up to the next `$` or the block's end are its output. A block that
/// starts with anything but `$` is output shown without its command and is skipped.
fn sessions(readme: &str) -> Vec<Session> {
    let mut out: Vec<Session> = Vec::new();
    let (mut in_text, mut continued, mut open) = (false, false, false);
    for line in readme.lines() {
        if line.starts_with("```") {
            in_text = line == "```text";
            (continued, open) = (false, false);
            continue;
        }
        if !in_text {
            continue;
        }
        if continued {
            let s = out.last_mut().expect("a command is being continued");
            s.command.push(' ');
            s.command.push_str(line.trim().trim_end_matches('\\').trim());
        } else if let Some(command) = line.strip_prefix("$ ") {
            out.push(Session { command: command.trim_end_matches('\\').trim().into(), output: Vec::new() });
            open = true;
        } else if let Some(s) = out.last_mut().filter(|_| open) {
            s.output.push(line.to_owned());
        }
        continued = line.ends_with('\\') && !out.is_empty();
    }
    out
}

/// Splits a command line into words, with double and single quotes.
fn words(command: &str) -> Vec<String> {
    let (mut words, mut word, mut quote, mut any) = (Vec::new(), String::new(), None, false);
    for c in command.chars() {
        match (quote, c) {
            (None, '"' | '\'') => (quote, any) = (Some(c), true),
            (Some(q), c) if c == q => quote = None,
            (None, ' ') => {
                if any {
                    words.push(std::mem::take(&mut word));
                }
                any = false;
            }
            (_, c) => {
                word.push(c);
                any = true;
            }
        }
    }
    if any {
        words.push(word);
    }
    words
}

/// Applies `head -N` or `sed -n A,Bp` to the output lines.
fn cut(lines: Vec<String>, stage: &[String]) -> Vec<String> {
    let stage: Vec<&str> = stage.iter().map(String::as_str).collect();
    match stage.as_slice() {
        ["head", n] => {
            let n: usize = n.trim_start_matches('-').parse().expect("head -N");
            lines.into_iter().take(n).collect()
        }
        ["sed", "-n", range] => {
            let (a, b) = range.trim_end_matches('p').split_once(',').expect("sed -n A,Bp");
            let (a, b): (usize, usize) = (a.parse().expect("A"), b.parse().expect("B"));
            lines.into_iter().skip(a - 1).take(b + 1 - a).collect()
        }
        other => panic!("the README's session uses a filter this test does not know: {other:?}"),
    }
}

#[test]
fn the_readme_sessions_show_the_real_output() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    let sessions = sessions(&readme);
    // The tour (validate, deadline, schema, render, redact), Validation and Deadlines.
    assert!(sessions.len() >= 8, "{sessions:#?}");
    let mut last_code = None;
    for s in &sessions {
        if s.command == "echo $?" {
            let code = last_code.take().expect("`echo $?` follows a command");
            assert_eq!(s.output, vec![code], "exit code after the command before `echo $?`");
            continue;
        }
        let stages: Vec<Vec<String>> = s.command.split(" | ").map(words).collect();
        let (first, filters) = stages.split_first().expect("a command");
        assert_eq!(first[0], "imy-breach", "{}", s.command);
        let o = bin().args(&first[1..]).current_dir(root()).output().expect("the binary runs");
        assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
        let lines = filters.iter().fold(stdout(&o).lines().map(str::to_owned).collect(), |l, f| cut(l, f));
        assert_eq!(lines.join("\n"), s.output.join("\n"), "the output of `{}`", s.command);
        last_code = o.status.code().map(|c| c.to_string());
    }
}

#[test]
fn sessions_are_read_as_written() {
    let readme = "text\n```text\n$ imy-breach a \\\n    \"b c\" | head -1\nx\n$ echo $?\n1\n```\n```sh\n$ no\n```\n```text\nshown\n```\n";
    let s = sessions(readme);
    assert_eq!(s.len(), 2);
    assert_eq!(s[0].command, "imy-breach a \"b c\" | head -1");
    assert_eq!(words(&s[0].command), ["imy-breach", "a", "b c", "|", "head", "-1"]);
    assert_eq!(s[0].output, ["x"]);
    assert_eq!(s[1].output, ["1"]);
    let lines: Vec<String> = ["1", "2", "3", "4"].map(String::from).into();
    assert_eq!(cut(lines.clone(), &words("sed -n 2,3p")), ["2", "3"]);
    assert_eq!(cut(lines, &words("head -1")), ["1"]);
}
