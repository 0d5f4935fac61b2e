//! `validate --format junit`: JUnit XML, one test case per document (per line with `--ndjson`),
//! a `<failure>` listing the violations of a document that fails, the warnings of one that passes
//! in `<system-out>`, an `<error>` for a file that cannot be read.
//!
//! A test suite's counts stand in its opening tag, so its test cases are held until it ends: for
//! files one suite; for `--ndjson` one suite per [`LINES_PER_SUITE`] lines, so that memory stays
//! bounded whatever the length of the input.

use std::fmt::Write as _;
use std::io::Write;

use imy_breach::{Lang, Report};

use crate::sarif::Doc;

/// The most lines of an NDJSON input in one test suite.
pub const LINES_PER_SUITE: u64 = 1000;

/// Text for XML content and attribute values: `&`, `<`, `>`, `"`, `'` as entities, and every
/// character XML 1.0 does not allow (C0 controls other than tab, line feed and carriage return;
/// U+FFFE, U+FFFF) as a visible `\u{…}` escape.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c < ' ' || c == '\u{fffe}' || c == '\u{ffff}' => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// A JUnit document: [`JunitWriter::begin`], test cases, suites ended as they fill, [`JunitWriter::end`].
pub struct JunitWriter<W: Write> {
    out: W,
    lang: Lang,
    deny_warnings: bool,
    /// The test cases of the suite being written, and its counts.
    cases: String,
    tests: u64,
    failures: u64,
    errors: u64,
    first_line: u64,
}

impl<W: Write> JunitWriter<W> {
    /// Writes the XML declaration and opens `<testsuites>`.
    pub fn begin(mut out: W, lang: Lang, deny_warnings: bool) -> std::io::Result<Self> {
        writeln!(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>")?;
        writeln!(out, "<testsuites name=\"imy-breach validate\">")?;
        Ok(JunitWriter {
            out,
            lang,
            deny_warnings,
            cases: String::new(),
            tests: 0,
            failures: 0,
            errors: 0,
            first_line: 1,
        })
    }

    /// Adds the test case of one document: a file, or line `line` of an NDJSON file (whose
    /// suite is written when it has [`LINES_PER_SUITE`] lines).
    pub fn document(&mut self, doc: &Doc<'_>) -> std::io::Result<()> {
        let Doc { file, line, report, .. } = *doc;
        let name = match line {
            Some(n) => format!("{file}:{n}"),
            None => file.to_string(),
        };
        self.tests += 1;
        let fails = !report.is_valid() || (self.deny_warnings && report.warnings().next().is_some());
        let _ =
            write!(self.cases, "    <testcase name=\"{}\" classname=\"imy-breach.validate\"", escape(&name));
        if report.violations.is_empty() && report.skipped.is_empty() {
            self.cases.push_str("/>\n");
        } else {
            self.cases.push_str(">\n");
            let listed = self.listing(report);
            if fails {
                self.failures += 1;
                let summary = crate::validate_cmd::counts(report, self.lang);
                let _ = writeln!(
                    self.cases,
                    "      <failure message=\"{}\" type=\"invalid\">{}</failure>",
                    escape(&summary),
                    escape(&listed)
                );
            } else {
                let _ = writeln!(self.cases, "      <system-out>{}</system-out>", escape(&listed));
            }
            self.cases.push_str("    </testcase>\n");
        }
        if line.is_some_and(|n| n + 1 - self.first_line >= LINES_PER_SUITE) {
            self.suite(file, line)?;
        }
        Ok(())
    }

    /// One line per violation, `error /pointer [code]: message`, then the rules not checked.
    fn listing(&self, report: &Report) -> String {
        let mut listed = String::new();
        for v in &report.violations {
            let at = if v.pointer.is_empty() { "/" } else { v.pointer.as_str() };
            let _ = writeln!(listed, "{} {at} [{}]: {}", v.level.code(), v.code, v.message(self.lang));
        }
        if !report.skipped.is_empty() {
            let what = if self.lang == Lang::Sv { "inte kontrollerat" } else { "not checked" };
            let _ = writeln!(listed, "{what}: {}", report.skipped.join(", "));
        }
        listed
    }

    /// Adds the test case of a file that cannot be read.
    pub fn unreadable(&mut self, file: &str, error: &str) {
        self.tests += 1;
        self.errors += 1;
        let what = if self.lang == Lang::Sv { "kan inte läsas" } else { "cannot be read" };
        let _ = write!(
            self.cases,
            "    <testcase name=\"{}\" classname=\"imy-breach.validate\">\n      <error message=\"{}\" type=\"io\">{}</error>\n    </testcase>\n",
            escape(file),
            escape(what),
            escape(error)
        );
    }

    /// Writes the suite of the test cases held (if any); `last` is the NDJSON line it ends at.
    fn suite(&mut self, file: &str, last: Option<u64>) -> std::io::Result<()> {
        if self.tests == 0 {
            return Ok(());
        }
        let name = match last {
            Some(n) => format!("{file}:{}-{n}", self.first_line),
            None => "imy-breach validate".to_string(),
        };
        writeln!(
            self.out,
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"0\">",
            escape(&name),
            self.tests,
            self.failures,
            self.errors
        )?;
        self.out.write_all(self.cases.as_bytes())?;
        writeln!(self.out, "  </testsuite>")?;
        self.cases.clear();
        (self.tests, self.failures, self.errors) = (0, 0, 0);
        self.first_line = last.map_or(1, |n| n + 1);
        Ok(())
    }

    /// Writes the last suite and closes the document; `last_line` is the NDJSON input's last
    /// line number (`None` for files).
    pub fn end(mut self, file: &str, last_line: Option<u64>) -> std::io::Result<W> {
        self.suite(file, last_line)?;
        writeln!(self.out, "</testsuites>")?;
        Ok(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_forbidden_characters_are_escaped() {
        assert_eq!(escape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&apos;");
        assert_eq!(escape("x\u{1b}[31m\u{0}\ty\u{ffff}"), "x\\u{1b}[31m\\u{0}\ty\\u{ffff}");
        assert_eq!(escape("Fråga 33 ”Nej”"), "Fråga 33 ”Nej”");
    }
}
