#![cfg(feature = "cli")]
//! Every input bounded, every stream ended: each command reads at most 1 MiB and a byte, refuses a
//! larger or endless input at once ("more than 1 MiB", exit 1) in bounded memory and time, skips an
//! over-long NDJSON line to its end and goes on, and survives a closed pipe.
//!
//! Memory is bounded by running the binary under `ulimit -v` (an address-space limit far below the
//! input: an allocation past it aborts the binary); time by a deadline after which it is killed.

mod common;

use std::io::{Read, Write};
use std::process::{Child, Command, Output, Stdio};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use common::{assert_exit, stderr, stdout};
use imy_breach::generate::Generator;
use imy_breach::MAX_DOCUMENT_BYTES;

/// The binary's address space: 256 MiB, an eighth of the 2 GiB stream below.
const ADDRESS_SPACE_KIB: u32 = 256 * 1024;

/// How long a command may take on an endless or huge input.
const TIME_LIMIT: Duration = Duration::from_secs(10);

/// The binary, run under the address-space limit.
fn bounded(args: &[&str]) -> Command {
    let mut c = Command::new("sh");
    c.arg("-c")
        .arg(format!("ulimit -v {ADDRESS_SPACE_KIB} && exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_imy-breach"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    c
}

/// Waits for the child at most [`TIME_LIMIT`] (then kills it and fails), and returns its output.
#[track_caller]
fn finish(mut child: Child, what: &str) -> Output {
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("the child can be waited for") {
            break status;
        }
        if start.elapsed() > TIME_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what}: still running after {TIME_LIMIT:?}");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let (mut out, mut err) = (Vec::new(), Vec::new());
    if let Some(mut stdout) = child.stdout.take() {
        stdout.read_to_end(&mut out).expect("stdout read");
    }
    if let Some(mut stderr) = child.stderr.take() {
        stderr.read_to_end(&mut err).expect("stderr read");
    }
    Output { status, stdout: out, stderr: err }
}

/// Writes `total` bytes of `byte` to the child's standard input from a thread, lazily in 64 KiB
/// chunks (nothing of that size is allocated), then `tail`; stops when the child closes its end.
/// The thread returns how many bytes the child took.
fn feed(child: &mut Child, total: u64, byte: u8, tail: Vec<u8>) -> JoinHandle<u64> {
    let mut stdin = child.stdin.take().expect("stdin");
    std::thread::spawn(move || {
        let chunk = vec![byte; 1 << 16];
        let mut written = 0u64;
        while written < total {
            let n = usize::try_from((total - written).min(chunk.len() as u64)).unwrap_or(chunk.len());
            if stdin.write_all(&chunk[..n]).is_err() {
                return written;
            }
            written += n as u64;
        }
        if stdin.write_all(&tail).is_ok() {
            written += tail.len() as u64;
        }
        written
    })
}

/// The commands that read one input, for `-`.
const READERS: [&[&str]; 5] = [
    &["validate", "-"],
    &["validate", "--ndjson", "-"],
    &["render", "-"],
    &["redact", "-"],
    &["deadline", "-"],
];

/// Exit 1, no panic, and the message that the input has more than 1 MiB.
#[track_caller]
fn assert_refused(o: &Output, what: &str, expected: &str) {
    assert_exit(o, 1);
    let all = format!("{}{}", stdout(o), stderr(o));
    assert!(all.contains(expected), "{what}: {all}");
    assert!(all.contains("[document-too-large]"), "{what}: {all}");
}

#[test]
fn two_gib_on_standard_input_are_refused_after_the_first_mebibyte() {
    const TWO_GIB: u64 = 2 << 30;
    for args in READERS {
        let what = args.join(" ");
        let mut child = bounded(&[args, &["--lang", "en"]].concat())
            .stdin(Stdio::piped())
            .spawn()
            .expect("the binary runs");
        let writer = feed(&mut child, TWO_GIB, b' ', Vec::new());
        let o = finish(child, &what);
        let taken = writer.join().expect("the writer ends");
        assert_refused(&o, &what, "more than 1 MiB");
        // Whole documents: the limit and a byte, plus what the pipe and a chunk hold. NDJSON: an
        // over-long line is skipped up to 64 MiB in search of its end, never kept.
        let most = if what.contains("ndjson") { 66 << 20 } else { (MAX_DOCUMENT_BYTES as u64) + (1 << 20) };
        assert!(taken <= most, "{what}: read {taken} bytes of the stream");
    }
}

#[test]
fn dev_zero_ends_every_command_with_more_than_1_mib() {
    for args in READERS {
        for (lang, expected) in [("en", "more than 1 MiB"), ("sv", "mer än 1 MiB")] {
            let what = format!("{} --lang {lang} < /dev/zero", args.join(" "));
            let zero = std::fs::File::open("/dev/zero").expect("/dev/zero");
            let child =
                bounded(&[args, &["--lang", lang]].concat()).stdin(zero).spawn().expect("the binary runs");
            assert_refused(&finish(child, &what), &what, expected);
        }
    }
    // /dev/zero as a file, too.
    for args in
        [&["validate", "/dev/zero"][..], &["validate", "--ndjson", "/dev/zero"], &["render", "/dev/zero"]]
    {
        let what = args.join(" ");
        let child = bounded(&[args, &["--lang", "en"]].concat()).stdin(Stdio::null()).spawn().expect("runs");
        assert_refused(&finish(child, &what), &what, "more than 1 MiB");
    }
}

/// Validates NDJSON from a lazily written stream: a valid line, then `len` bytes of `x`, then a
/// newline and `valid_after` valid lines. Exit 1 (the long line fails); the result lines, standard
/// error and how many bytes the binary took.
fn ndjson_stream(len: u64, valid_after: usize) -> (Vec<String>, String, u64) {
    let valid = Generator::new(2).invalid_share(0.0).sample().json;
    let head = format!("{valid}\n");
    let tail = format!("\n{}", format!("{valid}\n").repeat(valid_after));
    let mut child =
        bounded(&["validate", "--ndjson", "-", "--lang", "en"]).stdin(Stdio::piped()).spawn().expect("runs");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(head.as_bytes()).expect("the head is taken");
    child.stdin = Some(stdin);
    let writer = feed(&mut child, len, b'x', tail.as_bytes().to_vec());
    let o = finish(child, "validate --ndjson");
    assert_exit(&o, 1);
    let lines = stdout(&o).lines().map(str::to_owned).collect();
    (lines, stderr(&o), writer.join().expect("the writer ends"))
}

#[test]
fn an_over_long_ndjson_line_is_reported_and_the_later_lines_are_validated() {
    // The second line is 5 MiB (no newline within it), then two valid lines.
    let (lines, stderr, _) = ndjson_stream(5 << 20, 2);
    assert_eq!(lines.len(), 4, "{lines:?}");
    assert_eq!(lines[0], "1: valid");
    assert!(lines[1].starts_with("2: 1 error") && lines[1].contains("[document-too-large]"), "{}", lines[1]);
    assert!(lines[1].contains("The line has more than 1 MiB"), "{}", lines[1]);
    assert_eq!(&lines[2..], ["3: valid", "4: valid"]);
    assert!(stderr.contains("4 lines: 3 passed, 1 failed"), "{stderr}");
}

#[test]
fn an_ndjson_line_without_an_end_within_64_mib_ends_the_run() {
    let (lines, stderr, taken) = ndjson_stream(1 << 30, 1);
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[1].contains("The line has more than 1 MiB"), "{}", lines[1]);
    assert!(stderr.contains("line 2: no end of line within 64 MiB; the rest is not read"), "{stderr}");
    assert!(taken <= 66 << 20, "read {taken} bytes of the stream");
}

/// Reads `keep` bytes of the command's output, then closes the pipe (`| head -c KEEP`).
fn closed_after(args: &[&str], keep: usize) -> Output {
    let mut child = bounded(args).stdin(Stdio::null()).spawn().expect("the binary runs");
    let mut out = child.stdout.take().expect("stdout");
    let mut head = vec![0; keep];
    out.read_exact(&mut head).expect("the head of the output");
    drop(out);
    finish(child, &args.join(" "))
}

#[test]
fn a_closed_pipe_ends_schema_quietly() {
    // The schemas are larger than a pipe holds (64 KiB), so the writer meets the closed pipe.
    for args in [&["schema"][..], &["schema", "--profile", "form"], &["schema", "--lang", "en"]] {
        let o = closed_after(args, 10);
        assert_eq!(o.status.code(), Some(0), "{args:?}: {}", stderr(&o));
        assert!(stderr(&o).is_empty(), "{args:?}: {}", stderr(&o));
    }
}
