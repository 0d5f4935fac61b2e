//! Helpers shared by the integration tests: where the files are, how to run the binary, and the
//! canonical schema's validator. Each test crate uses its own subset.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use imy_breach::Notification;
use serde_json::Value;

/// The crate's root folder.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The JSON files directly in these folders (relative to the root), sorted, without the
/// `*.expected.json` sidecars of the corpus.
pub fn json_files(dirs: &[&str]) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for dir in dirs {
        for entry in std::fs::read_dir(root().join(dir)).unwrap_or_else(|e| panic!("{dir}: {e}")) {
            let path = entry.expect("readable entry").path();
            let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            if name.ends_with(".json") && !name.ends_with(".expected.json") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// Writes a file under Cargo's temporary directory for integration tests (`cli-tests/`).
pub fn temp_file(name: &str, contents: impl AsRef<[u8]>) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-tests");
    std::fs::create_dir_all(&dir).expect("the temporary folder");
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("the temporary file");
    path
}

/// The four examples.
pub fn examples() -> Vec<PathBuf> {
    let files = json_files(&["examples"]);
    assert!(files.len() >= 4, "the examples are missing");
    files
}

/// Reads a notification that must be readable.
pub fn read(path: &Path) -> Notification {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Notification::from_json(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A 2020-12 validator for a schema, with formats asserted.
pub fn validator(schema: &Value) -> jsonschema::Validator {
    jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(schema)
        .expect("the schema compiles")
}

/// The validator of the canonical schema, built once.
pub fn canonical_validator() -> &'static jsonschema::Validator {
    static V: OnceLock<jsonschema::Validator> = OnceLock::new();
    V.get_or_init(|| validator(&imy_breach::schema::canonical()))
}

/// The `imy-breach` binary.
#[cfg(feature = "cli")]
pub fn bin() -> std::process::Command {
    std::process::Command::new(env!("CARGO_BIN_EXE_imy-breach"))
}

/// Runs the binary.
#[cfg(feature = "cli")]
pub fn run(args: &[&str]) -> std::process::Output {
    bin().args(args).output().expect("the binary runs")
}

/// Runs the binary with this standard input, written from another thread while the output is read
/// (a large input would otherwise fill both pipes). A write the binary cuts short by refusing the
/// input early is not an error of the test.
#[cfg(feature = "cli")]
pub fn run_with_stdin(args: &[&str], input: impl AsRef<[u8]>) -> std::process::Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.as_ref().to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().expect("output");
    writer.join().expect("the writer ends");
    out
}

/// The binary's standard output, which is UTF-8.
#[cfg(feature = "cli")]
pub fn stdout(o: &std::process::Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

/// The binary's standard error.
#[cfg(feature = "cli")]
pub fn stderr(o: &std::process::Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The binary ended with this exit code, without a panic.
#[cfg(feature = "cli")]
#[track_caller]
pub fn assert_exit(o: &std::process::Output, code: i32) {
    assert_eq!(o.status.code(), Some(code), "stdout:\n{}\nstderr:\n{}", stdout(o), stderr(o));
    assert!(!stderr(o).contains("panicked"), "{}", stderr(o));
}

/// Every example and every rendering fixture (`tests/data/render/*.json`).
pub fn examples_and_render_fixtures() -> Vec<PathBuf> {
    let files = json_files(&["examples", "tests/data/render"]);
    assert!(files.len() >= 6, "the examples or the rendering fixtures are missing");
    files
}

/// A valid personnummer `YYMMDD-NNNN`: nine digits and the check digit that makes the ten pass
/// [`imy_breach::luhn_valid`].
pub fn personnummer() -> impl proptest::strategy::Strategy<Value = String> {
    use proptest::strategy::Strategy;
    (0u32..100, 1u32..13, 1u32..29, 0u32..1000).prop_map(|(yy, mm, dd, serial)| {
        let nine = format!("{yy:02}{mm:02}{dd:02}{serial:03}");
        let ten = (0..10).map(|d| format!("{nine}{d}")).find(|t| imy_breach::luhn_valid(t.as_bytes()));
        let ten = ten.unwrap_or_default();
        format!("{}-{}", &ten[..6], &ten[6..])
    })
}

/// The JSON a successful run printed (exit 0).
pub fn json_output(o: &std::process::Output) -> Value {
    assert_eq!(o.status.code(), Some(0), "stderr: {}", stderr(o));
    serde_json::from_slice(&o.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(o)))
}

/// The obligation of `stage` in the JSON of `imy-breach deadline`.
pub fn obligation<'a>(v: &'a Value, stage: &str) -> &'a Value {
    v["obligations"]
        .as_array()
        .and_then(|all| all.iter().find(|o| o["stage"] == stage))
        .unwrap_or_else(|| panic!("no {stage} in {v}"))
}
