//! `validate --format sarif`: SARIF 2.1.0, written as it goes (one result per violation), so that
//! `--ndjson` stays in constant memory. The few objects used are written with serde; the rules of
//! `tool.driver` are the rule catalogue.

use std::io::Write;

use imy_breach::validation::RULES;
use imy_breach::{Lang, Level, Report};
use serde::Serialize;

use crate::locate::Locator;

const SCHEMA: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

#[derive(Serialize)]
struct Text<'a> {
    text: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule<'a> {
    id: &'a str,
    full_description: Text<'a>,
    help: Text<'a>,
    default_configuration: Configuration,
    properties: RuleProperties<'a>,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RuleProperties<'a> {
    kind: &'a str,
    in_schema: bool,
    needs_submission_moment: bool,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver<'a> {
    name: &'a str,
    version: &'a str,
    semantic_version: &'a str,
    language: &'a str,
    rules: Vec<Rule<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: Text<'a>,
    locations: [Location<'a>; 1],
    properties: ResultProperties<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    physical_location: PhysicalLocation<'a>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    logical_locations: Vec<LogicalLocation<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation<'a> {
    artifact_location: ArtifactLocation<'a>,
    region: Region,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LogicalLocation<'a> {
    fully_qualified_name: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ResultProperties<'a> {
    /// The violation's JSON pointer.
    pointer: &'a str,
    /// `value` when the region is the pointed-to value, `parent` when it is absent and the region
    /// is its nearest present ancestor.
    region_of: &'static str,
}

/// Where an artifact is: a relative URI reference for a path, a description for standard input.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ArtifactLocation<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    uri: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<Text<'a>>,
}

impl ArtifactLocation<'_> {
    /// The location of a file as given on the command line (`-`: standard input).
    pub fn of(file: &str) -> Self {
        if file == "-" {
            return ArtifactLocation { uri: None, description: Some(Text { text: "standard input" }) };
        }
        ArtifactLocation { uri: Some(uri_reference(file)), description: None }
    }
}

/// A path as a URI: `/` as separator, every byte outside the unreserved characters and `/`
/// percent-encoded (a path with `:` in its first segment would otherwise read as a scheme); a
/// relative path stays a relative reference, an absolute one becomes a `file:` URI.
fn uri_reference(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut out = String::with_capacity(path.len() + 8);
    let bytes = path.as_bytes();
    let rest = if path.starts_with('/') {
        out.push_str("file://");
        &path[..]
    } else if bytes.len() >= 3 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':' && bytes[2] == b'/' {
        // A Windows drive: file:///C:/…
        out.push_str("file:///");
        out.push_str(&path[..2]);
        &path[2..]
    } else {
        &path[..]
    };
    for b in rest.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn level(level: Level) -> &'static str {
    match level {
        Level::Error => "error",
        _ => "warning",
    }
}

/// One document to write: a file, or a line of an NDJSON file.
#[derive(Clone, Copy)]
pub struct Doc<'a> {
    /// The file as given.
    pub file: &'a str,
    /// The document's text (the NDJSON line), in which the regions are found.
    pub src: &'a [u8],
    /// The NDJSON line number; `None` for a file.
    pub line: Option<u64>,
    /// Its validation report.
    pub report: &'a Report,
}

/// A SARIF log written as it goes: [`SarifWriter::begin`], a [`SarifWriter::document`] per file or
/// line, [`SarifWriter::end`].
pub struct SarifWriter<W: Write> {
    out: W,
    lang: Lang,
    first: bool,
    notifications: Vec<serde_json::Value>,
}

impl<W: Write> SarifWriter<W> {
    /// Writes the log up to its results: the tool with the rule catalogue in `lang`.
    pub fn begin(mut out: W, lang: Lang) -> std::io::Result<Self> {
        let rules = RULES
            .iter()
            .map(|r| Rule {
                id: r.code,
                full_description: Text { text: r.checks(lang) },
                help: Text { text: r.source(lang) },
                default_configuration: Configuration { level: level(r.level) },
                properties: RuleProperties {
                    kind: r.kind.code(),
                    in_schema: r.in_schema,
                    needs_submission_moment: r.needs_submission_moment,
                },
            })
            .collect();
        let version = env!("CARGO_PKG_VERSION");
        let driver =
            Driver { name: "imy-breach", version, semantic_version: version, language: lang.code(), rules };
        write!(out, "{{\"$schema\":\"{SCHEMA}\",\"version\":\"2.1.0\",\"runs\":[{{\"tool\":{{\"driver\":")?;
        serde_json::to_writer(&mut out, &driver)?;
        write!(
            out,
            "}},\"language\":\"{}\",\"columnKind\":\"unicodeCodePoints\",\"results\":[",
            lang.code()
        )?;
        Ok(SarifWriter { out, lang, first: true, notifications: Vec::new() })
    }

    /// Writes the results of one document (`src`, the file's text or the NDJSON line, in which
    /// the regions are found); `line` is the NDJSON line number, added to the regions' lines.
    pub fn document(&mut self, doc: &Doc<'_>) -> std::io::Result<()> {
        let Doc { file, src, line, report } = *doc;
        if report.violations.is_empty() {
            return Ok(());
        }
        let locator = Locator::new(src, report.violations.iter().map(|v| v.pointer.as_str()));
        let syntax = syntax_place(src, report);
        for v in &report.violations {
            let mut place = locator.place(&v.pointer);
            if v.code == "duplicate-field" {
                place = locator.repeat(&v.pointer).unwrap_or(place);
            }
            if let (Some((l, c)), true) = (syntax, v.code == "json-syntax") {
                place = locator.place_of_line_and_byte(l, c);
            }
            let start_line = match line {
                Some(n) => usize::try_from(n).unwrap_or(usize::MAX).saturating_add(place.line - 1),
                None => place.line,
            };
            let result = SarifResult {
                rule_id: v.code,
                rule_index: RULES.iter().position(|r| r.code == v.code),
                level: level(v.level),
                message: Text { text: v.message(self.lang) },
                locations: [Location {
                    physical_location: PhysicalLocation {
                        artifact_location: ArtifactLocation::of(file),
                        region: Region { start_line, start_column: place.column },
                    },
                    logical_locations: if v.pointer.is_empty() {
                        Vec::new()
                    } else {
                        vec![LogicalLocation { fully_qualified_name: &v.pointer }]
                    },
                }],
                properties: ResultProperties {
                    pointer: &v.pointer,
                    region_of: if place.exact { "value" } else { "parent" },
                },
            };
            self.out.write_all(if self.first { b"\n" } else { b",\n" })?;
            self.first = false;
            serde_json::to_writer(&mut self.out, &result)?;
        }
        Ok(())
    }

    /// Records a file that could not be read, for the invocation's notifications.
    pub fn unreadable(&mut self, file: &str, error: &str) {
        let what = if self.lang == Lang::Sv { "kan inte läsas" } else { "cannot be read" };
        self.notifications.push(serde_json::json!({
            "level": "error",
            "message": { "text": format!("{what}: {error}") },
            "locations": [{ "physicalLocation": { "artifactLocation": ArtifactLocation::of(file) } }],
        }));
    }

    /// Ends the results and writes the invocation; returns the writer.
    pub fn end(mut self) -> std::io::Result<W> {
        let invocation = serde_json::json!({
            "executionSuccessful": self.notifications.is_empty(),
            "toolExecutionNotifications": self.notifications,
        });
        write!(self.out, "\n],\"invocations\":[")?;
        serde_json::to_writer(&mut self.out, &invocation)?;
        writeln!(self.out, "]}}]}}")?;
        Ok(self.out)
    }
}

/// The line and byte column the reader gives for a syntax error (a document that is not JSON).
fn syntax_place(src: &[u8], report: &Report) -> Option<(usize, usize)> {
    if !report.violations.iter().any(|v| v.code == "json-syntax") {
        return None;
    }
    let e = imy_breach::Notification::from_slice(src).err()?;
    Some((e.line()?, e.column()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(uri_reference("examples/a b.json"), "examples/a%20b.json");
        assert_eq!(uri_reference("c:d.json"), "c%3Ad.json");
        assert_eq!(uri_reference("/tmp/å.json"), "file:///tmp/%C3%A5.json");
        assert_eq!(uri_reference("C:\\data\\x#1.json"), "file:///C:/data/x%231.json");
    }
}
