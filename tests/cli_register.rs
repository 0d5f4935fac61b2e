#![cfg(feature = "cli")]
//! `imy-breach register`: the rows of a folder of records as CSV (parsed back), JSON and Markdown;
//! the statistics with figures computed by hand; NDJSON input; an unreadable input; the exit
//! codes; and a large NDJSON stream that is written out while it is still being read.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use common::{assert_exit, bin, run, stderr, stdout, temp_file};
use imy_breach::register::COLUMNS;
use imy_breach::Lang;
use serde_json::Value;

/// The two examples and the register fixtures (five files, one of them NDJSON with two records).
const FOLDERS: [&str; 2] = ["examples/records", "tests/data/register"];
/// The two example records the figures below were computed by hand for (examples/records may grow).
const EXAMPLES: [&str; 2] =
    ["examples/records/not-notified-misdirected-letter.json", "examples/records/notified-ransomware.json"];

/// Parses RFC 4180 CSV: quoted cells with doubled quotes, CRLF line ends.
fn parse_csv(text: &str, delimiter: char) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut cell) = (Vec::new(), Vec::new(), String::new());
    let (mut quoted, mut chars) = (false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') if cell.is_empty() => quoted = true,
            (false, c) if c == delimiter => row.push(std::mem::take(&mut cell)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "a CR not before LF");
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, '\n') => panic!("a bare LF ends a CSV line"),
            (false, c) => cell.push(c),
        }
    }
    assert!(row.is_empty() && cell.is_empty(), "the last line ends with CRLF");
    rows
}

/// The CSV rows (after the header, which is checked) by identifier.
fn csv_rows(args: &[&str], lang: Lang, delimiter: char) -> (Vec<Vec<String>>, std::process::Output) {
    let o = run(args);
    let text = stdout(&o);
    let text = text.strip_prefix('\u{feff}').expect("the CSV begins with a byte-order mark");
    let mut rows = parse_csv(text, delimiter);
    let header = rows.remove(0);
    let names: Vec<&str> = COLUMNS.iter().map(|c| c.name(lang)).collect();
    assert_eq!(header, names);
    for r in &rows {
        assert_eq!(r.len(), COLUMNS.len(), "{r:?}");
    }
    (rows, o)
}

fn col(key: &str) -> usize {
    COLUMNS.iter().position(|c| c.key == key).unwrap_or_else(|| panic!("no column {key}"))
}

fn by_id<'a>(rows: &'a [Vec<String>], id: &str) -> &'a [String] {
    rows.iter().find(|r| r[col("id")] == id).unwrap_or_else(|| panic!("no row {id}"))
}

#[test]
fn csv_lists_every_record_of_the_folders_invalid_ones_too() {
    let (rows, o) =
        csv_rows(&["register", EXAMPLES[0], EXAMPLES[1], FOLDERS[1], "--lang", "en"], Lang::En, ',');
    assert_exit(&o, 1); // one record is invalid
    let sources: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        sources,
        [
            "examples/records/not-notified-misdirected-letter.json",
            "examples/records/notified-ransomware.json",
            "tests/data/register/a-on-time.json",
            "tests/data/register/b-late.json",
            "tests/data/register/c-not-notified.json",
            "tests/data/register/d-invalid.json",
            "tests/data/register/e-ongoing.json",
            "tests/data/register/f-stream.ndjson:1",
            "tests/data/register/f-stream.ndjson:3",
        ]
    );
    let on_time = by_id(&rows, "PUI-T-01");
    assert_eq!(on_time[col("notifiedAt")], "2025-01-11 12:00");
    assert_eq!(on_time[col("within72Hours")], "Yes");
    assert_eq!(on_time[col("imyCaseNumber")], "IMY-2025-0100");
    assert_eq!(on_time[col("nature")], "Loss or theft");
    assert_eq!(on_time[col("otherAuthorities")], "The police (5000-K1-25)");
    let late = by_id(&rows, "PUI-T-02");
    assert_eq!(late[col("within72Hours")], "No");
    assert!(late[col("lateReason")].starts_with("Omfattningen kunde fastställas"));
    assert_eq!(late[col("dataCategories")], "Health; Contact information");
    let not = by_id(&rows, "PUI-T-03");
    assert_eq!(
        [&not[col("notifyDecision")], &not[col("notifyReason")], &not[col("within72Hours")]],
        ["No", "Unlikely to result in a risk", "Not applicable"]
    );
    assert_eq!([&not[col("band")], &not[col("score")]], ["Low", "1.25"]);
    assert_eq!(not[col("informGround")], "No high risk");
    assert_eq!([&not[col("status")], &not[col("closedOn")]], ["Concluded", "2025-02-14"]);
    let invalid = by_id(&rows, "PUI-T-04");
    assert_eq!([&invalid[col("errors")], &invalid[col("warnings")]], ["2", "1"]);
    assert_eq!([&invalid[col("status")], &invalid[col("discovered")]], ["", "2025-03-05"]);
    let ongoing = by_id(&rows, "PUI-T-05");
    assert_eq!([&ongoing[col("status")], &ongoing[col("ceased")]], ["Ongoing", ""]);
    assert_eq!(ongoing[col("notifyDecision")], "Not yet decided");
    let ransomware = by_id(&rows, "PUI-2025-011");
    assert_eq!(ransomware[col("subjectCount")], "412");
    assert_eq!(ransomware[col("recordCount")], "1,001 - 10,000");
    assert_eq!([&ransomware[col("band")], &ransomware[col("score")]], ["Very high", "5.25"]);
    assert_eq!(ransomware[col("informedOn")], "2025-03-28");
    // The problems on standard error: codes and pointers, per record.
    let err = stderr(&o);
    assert!(err.contains("tests/data/register/d-invalid.json: errors: 2, warnings: 1"), "{err}");
    assert!(err.contains("/status [unknown-option]"), "{err}");
}

#[test]
fn swedish_csv_uses_semicolons_and_the_decimal_comma() {
    let (rows, o) = csv_rows(&["register", EXAMPLES[0], EXAMPLES[1], "--lang", "sv"], Lang::Sv, ';');
    assert_exit(&o, 0);
    let letter = by_id(&rows, "PUI-2025-007");
    assert_eq!([&letter[col("score")], &letter[col("band")]], ["1,25", "Låg"]);
    assert_eq!(letter[col("within72Hours")], "Ej tillämpligt");
    // --delimiter and --no-bom.
    let o = run(&["register", EXAMPLES[0], EXAMPLES[1], "--lang", "sv", "--delimiter", ",", "--no-bom"]);
    let text = stdout(&o);
    assert!(text.starts_with("Källa,Identitet,"), "{text}");
}

#[test]
fn cells_are_quoted_as_rfc_4180_says_and_formulas_defused() {
    let mut r: Value =
        serde_json::from_str(&std::fs::read_to_string("tests/data/register/b-late.json").unwrap()).unwrap();
    let reason = "=SUMMA(A1) \"citat\"; komma, och\nny rad";
    r["decisions"]["notifyAuthority"]["lateReason"] = Value::from(reason);
    let file = temp_file("register-quoting.json", r.to_string());
    let file = file.to_str().unwrap();
    for (lang, tag, delimiter) in [(Lang::En, "en", ','), (Lang::Sv, "sv", ';')] {
        let (rows, o) = csv_rows(&["register", file, "--lang", tag], lang, delimiter);
        assert_exit(&o, 0);
        assert_eq!(rows[0][col("lateReason")], format!("'{reason}"));
    }
}

#[test]
fn json_rows_carry_codes_and_the_problems() {
    let o = run(&["register", EXAMPLES[0], EXAMPLES[1], FOLDERS[1], "--format", "json"]);
    assert_exit(&o, 1);
    let v: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!((v["records"].as_u64(), v["invalid"].as_u64()), (Some(9), Some(1)));
    let rows = v["rows"].as_array().unwrap();
    let row = |id: &str| rows.iter().find(|r| r["id"] == id).unwrap();
    assert_eq!(row("PUI-T-02")["within72Hours"], "no");
    assert_eq!(row("PUI-T-02")["timeToNotifyMinutes"], 5760);
    assert_eq!(row("PUI-T-03")["within72Hours"], "not_applicable");
    assert_eq!(row("PUI-T-03")["notifyReason"], "risk_unlikely");
    assert_eq!(row("PUI-2025-011")["band"], "very_high");
    assert_eq!(row("PUI-2025-011")["subjectCount"]["exact"], 412);
    let problems = row("PUI-T-04")["problems"].as_array().unwrap();
    assert!(problems.iter().any(|p| p["code"] == "unknown-option" && p["pointer"] == "/status"));
    assert_eq!(row("PUI-T-04")["errors"], 2);
    assert_eq!(row("PUI-2025-007")["problems"], serde_json::json!([]));
}

#[test]
fn markdown_is_one_table() {
    let o = run(&["register", FOLDERS[1], "--format", "markdown", "--lang", "en"]);
    let text = stdout(&o);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2 + 7, "{text}");
    assert!(lines[0].starts_with("| Source | Identifier |"));
    assert_eq!(lines[1], format!("|{}", "---|".repeat(COLUMNS.len())));
    for l in &lines[2..] {
        assert_eq!(l.matches(" |").count(), COLUMNS.len(), "{l}");
    }
}

#[test]
fn statistics_are_the_figures_computed_by_hand() {
    let o = run(&["register", EXAMPLES[0], EXAMPLES[1], FOLDERS[1], "--stats", "--format", "json"]);
    assert_exit(&o, 1);
    let s: Value = serde_json::from_str(&stdout(&o)).expect("JSON");
    assert_eq!(s["records"], 9);
    assert_eq!(s["invalid"], 1);
    assert_eq!(s["notified"], 4);
    assert_eq!(s["notifiedWithin72Hours"], 3);
    assert_eq!(s["notifiedLate"], 1);
    assert_eq!(s["shareNotified"].as_f64(), Some(4.0 / 9.0));
    assert_eq!(s["shareNotifiedWithin72Hours"].as_f64(), Some(0.75));
    // Detection delays in minutes (occurred → discovered), the invalid record has no occurrence:
    // letter 1,760 (03-10 09:00 → 03-11 14:20), ransomware 335, T-01 240, T-02 2,880, T-03 30,
    // T-05 2,880, T-06 120, T-07 1,440. Sorted: 30 120 240 335 1440 1760 2880 2880: the median is
    // (335 + 1440) / 2, the 90th percentile the value of rank ⌈0.9 × 8⌉ = 8.
    let mut detection = [1760, 335, 240, 2880, 30, 2880, 120, 1440];
    detection.sort_unstable();
    assert_eq!(s["detectionDelay"]["count"], 8);
    assert_eq!(s["detectionDelay"]["medianMinutes"].as_f64(), Some((335.0 + 1440.0) / 2.0));
    assert_eq!(s["detectionDelay"]["p90Minutes"], detection[7]);
    // Time to notify: ransomware 25 h 15 min = 1,515, T-01 1,440, T-02 5,760, T-06 2,880.
    assert_eq!(s["timeToNotify"]["count"], 4);
    assert_eq!(s["timeToNotify"]["medianMinutes"].as_f64(), Some((1515.0 + 2880.0) / 2.0));
    assert_eq!(s["timeToNotify"]["p90Minutes"], 5760);
    let tally = |key: &str, code: &str| {
        s[key]["counts"].as_array().unwrap().iter().find(|t| t["code"] == code).map(|t| t["count"].clone())
    };
    assert_eq!(tally("byNature", "misdirected_communication"), Some(5.into()));
    assert_eq!(tally("byNature", "destruction"), Some(1.into()));
    assert_eq!(tally("byCause", "human_error"), Some(6.into()));
    assert_eq!(tally("byCause", "antagonistic_attack"), Some(2.into()));
    assert_eq!(tally("byDataCategory", "contact_information"), Some(8.into()));
    assert_eq!(tally("byDataCategory", "health"), Some(2.into()));
    assert_eq!(tally("byDataCategory", "genetic_data"), None);

    let text = stdout(&run(&["register", EXAMPLES[0], EXAMPLES[1], FOLDERS[1], "--stats", "--lang", "en"]));
    assert!(text.contains("Breaches: 9\n"), "{text}");
    assert!(text.contains("Notified within 72 hours: 3 (75 %)\n"), "{text}");
    assert!(
        text.contains("Time to notify: median 1 d 12 h 38 min, 90th percentile 4 d 0 h 0 min (n = 4)"),
        "{text}"
    );
    let md =
        stdout(&run(&["register", EXAMPLES[0], EXAMPLES[1], FOLDERS[1], "--stats", "--format", "markdown"]));
    assert!(md.contains("| Anmälda till IMY | 4 (44,4 %) |"), "{md}");
    assert!(md.contains("| Orsak | Antal |"), "{md}");
}

#[test]
fn the_html_page_has_a_bar_per_month_and_per_notified_breach() {
    let o = run(&[
        "register",
        EXAMPLES[0],
        EXAMPLES[1],
        FOLDERS[1],
        "--stats",
        "--format",
        "html",
        "--lang",
        "en",
    ]);
    let page = stdout(&o);
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert_eq!(page.matches("<g class=\"bar\"").count(), 4, "January to April 2025");
    assert_eq!(page.matches("class=\"notify-bar").count(), 4);
    assert_eq!(page.matches("class=\"notify-bar late\"").count(), 1);
    assert_eq!(page.matches("class=\"deadline-72h\"").count(), 1);
    assert!(!page.contains("<script") && !page.contains("src=") && !page.contains("href="));
}

#[test]
fn ndjson_on_standard_input_and_the_usage_errors() {
    let mut child = bin()
        .args(["register", "-", "--format", "json"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let input = std::fs::read("tests/data/register/f-stream.ndjson").unwrap();
    child.stdin.take().unwrap().write_all(&input).unwrap();
    let o = child.wait_with_output().unwrap();
    assert_exit(&o, 0);
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let sources: Vec<&str> =
        v["rows"].as_array().unwrap().iter().map(|r| r["source"].as_str().unwrap()).collect();
    assert_eq!(sources, ["-:1", "-:3"]);
    assert_exit(&run(&["register", EXAMPLES[0], EXAMPLES[1], "--format", "html"]), 2);
    assert_exit(&run(&["register", EXAMPLES[0], EXAMPLES[1], "--format", "text"]), 2);
    assert_exit(&run(&["register", EXAMPLES[0], EXAMPLES[1], "--stats", "--format", "csv"]), 2);
    assert_exit(&run(&["register", EXAMPLES[0], EXAMPLES[1], "--delimiter", "|"]), 2);
    assert_exit(&run(&["register"]), 2);
}

#[test]
fn an_unreadable_input_exits_2_and_the_others_are_still_listed() {
    let o = run(&[
        "register",
        "tests/data/register/no-such-file.json",
        EXAMPLES[0],
        EXAMPLES[1],
        "--lang",
        "en",
        "--no-bom",
    ]);
    assert_exit(&o, 2);
    assert!(stderr(&o).contains("no-such-file.json: cannot be read"), "{}", stderr(&o));
    assert_eq!(stdout(&o).lines().count(), 1 + 2);
    // A line that is no JSON is a row with its problem, not an unreadable input.
    let file = temp_file("register-broken.ndjson", "{\"kind\":\"breach_record\",\n");
    let o = run(&["register", file.to_str().unwrap(), "--format", "json"]);
    assert_exit(&o, 1);
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["rows"][0]["problems"][0]["code"], "json-syntax");
}

/// A record line with a distinct identifier.
fn record_line(template: &Value, i: usize) -> String {
    let mut r = template.clone();
    r["id"] = Value::from(format!("PUI-G-{i:05}"));
    r.to_string() + "\n"
}

#[test]
fn a_large_ndjson_stream_is_written_while_it_is_read() {
    const LINES: usize = 8_000;
    const FIRST: usize = 4_000;
    let template: Value =
        serde_json::from_str(&std::fs::read_to_string("tests/data/register/a-on-time.json").unwrap())
            .unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_imy-breach"))
        .args(["register", "-", "--lang", "en", "--no-bom"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let (go_on, wait) = mpsc::channel::<()>();
    let writer = std::thread::spawn(move || {
        for i in 0..LINES {
            if i == FIRST {
                // The rest only once rows have come out: a command that kept every row until the
                // end of its input would never let the reader below see one.
                if wait.recv_timeout(Duration::from_secs(120)).is_err() {
                    return false;
                }
            }
            if stdin.write_all(record_line(&template, i).as_bytes()).is_err() {
                return false;
            }
        }
        true
    });
    let status = format!("/proc/{}/status", child.id());
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let (mut lines, mut line, mut signalled) = (0usize, String::new(), false);
    while out.read_line(&mut line).unwrap() > 0 {
        lines += 1;
        if lines == LINES - 100 {
            // Where Linux tells it: the peak resident memory so far (about 14 MB measured) stays
            // below what keeping the input (about 24 MB) would take: neither it nor the rows are kept.
            if let Some(kib) = peak_kib(&status) {
                assert!(kib < 20 * 1024, "peak memory {kib} KiB");
            }
        }
        if lines == 1_001 && !signalled {
            go_on.send(()).unwrap();
            signalled = true;
        }
        line.clear();
    }
    assert!(signalled, "rows came out before the input ended");
    assert!(writer.join().unwrap(), "the whole input was written");
    assert!(child.wait().unwrap().success());
    assert_eq!(lines, 1 + LINES);
}

/// `VmHWM` of a process's status file, in KiB, where there is one.
fn peak_kib(status: &str) -> Option<u64> {
    let text = std::fs::read_to_string(status).ok()?;
    let line = text.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

#[test]
fn statistics_over_a_large_stream() {
    let template: Value =
        serde_json::from_str(&std::fs::read_to_string("tests/data/register/a-on-time.json").unwrap())
            .unwrap();
    let text: String = (0..2_000).map(|i| record_line(&template, i)).collect();
    let file = temp_file("register-large.ndjson", text);
    let o = run(&["register", file.to_str().unwrap(), "--stats", "--format", "json"]);
    assert_exit(&o, 0);
    let s: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(s["records"], 2_000);
    assert_eq!(s["notifiedWithin72Hours"], 2_000);
    assert_eq!(s["timeToNotify"]["medianMinutes"].as_f64(), Some(1440.0));
    assert_eq!(s["detectionDelay"]["p90Minutes"], 240);
}

#[test]
fn the_fixtures_are_records_by_the_committed_schema_but_the_invalid_one() {
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string("schema/record.schema.json").unwrap()).unwrap();
    let validator = common::validator(&schema);
    let mut documents = Vec::new();
    for entry in std::fs::read_dir("tests/data/register").unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.ends_with(".ndjson") {
            documents
                .extend(text.lines().filter(|l| !l.trim().is_empty()).map(|l| (name.clone(), l.to_owned())));
        } else {
            documents.push((name, text));
        }
    }
    assert_eq!(documents.len(), 7);
    for (name, text) in documents {
        let v: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(validator.is_valid(&v), name != "d-invalid.json", "{name}");
    }
}

#[test]
fn the_example_folder_lists_every_example_record_and_all_are_valid() {
    let (rows, o) = csv_rows(&["register", FOLDERS[0], "--lang", "en"], Lang::En, ',');
    assert_exit(&o, 0);
    let mut files: Vec<String> = std::fs::read_dir(FOLDERS[0])
        .unwrap()
        .map(|e| e.unwrap().path().to_string_lossy().into_owned())
        .filter(|p| p.ends_with(".json"))
        .collect();
    files.sort();
    let sources: Vec<&str> = rows.iter().map(|r| r[0].as_str()).collect();
    assert_eq!(sources, files.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(files.len() >= 3, "{files:?}");
}
