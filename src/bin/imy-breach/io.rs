//! Reading input and writing output, shared by every command.
//!
//! Every command reads through [`read_bounded`]: at most one byte more than
//! [`MAX_DOCUMENT_BYTES`] is read from a file or standard input, and a larger input is refused at
//! once, without reading on, so that no input, however large or endless (`/dev/zero`), is held in
//! memory or keeps a command running.

use std::io::{ErrorKind, Read};
use std::process::ExitCode;

use imy_breach::{Bilingual, FieldError, Lang, MAX_DOCUMENT_BYTES};

/// Exit code 2: usage error or unreadable input.
pub const EXIT_USAGE: u8 = 2;

/// Opens a file, or standard input for `-`.
pub fn open(path: &str) -> std::io::Result<Box<dyn Read>> {
    Ok(if path == "-" { Box::new(std::io::stdin().lock()) } else { Box::new(std::fs::File::open(path)?) })
}

/// Reads a file, or standard input for `-`, up to [`MAX_DOCUMENT_BYTES`]: `None` when there is more
/// (at most one byte more is read, the rest is left unread).
pub fn read_bounded(path: &str) -> std::io::Result<Option<Vec<u8>>> {
    read_at_most(&mut open(path)?, MAX_DOCUMENT_BYTES)
}

/// Reads `input` to its end if it has at most `max` bytes, into a buffer of at most `max + 1`
/// bytes; `None` as soon as byte `max + 1` arrives.
fn read_at_most(input: &mut impl Read, max: usize) -> std::io::Result<Option<Vec<u8>>> {
    let mut buf = Vec::new();
    let mut len = 0;
    loop {
        if len == buf.len() {
            if len > max {
                return Ok(None);
            }
            let next = len.max(4096).saturating_mul(2).min(max + 1);
            buf.reserve_exact(next - len);
            buf.resize(next, 0);
        }
        match input.read(&mut buf[len..]) {
            Ok(0) => break,
            Ok(n) => len += n,
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    buf.truncate(len);
    Ok(Some(buf))
}

/// What was too large: a document (a file, standard input) or a line of NDJSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Oversized {
    /// A whole input.
    Document,
    /// One line of an NDJSON stream.
    Line,
}

/// The error code of an input over the limit (`document-too-large`, as the library's).
pub fn too_large_code() -> &'static str {
    FieldError::DocumentTooLarge { len: 0, max: MAX_DOCUMENT_BYTES }.code()
}

/// The message for an input over the limit. Its length is not known (it is not read on), so the
/// message says "more than".
pub fn too_large(what: Oversized) -> Bilingual<String> {
    let (mib, bytes) = (MAX_DOCUMENT_BYTES >> 20, MAX_DOCUMENT_BYTES);
    match what {
        Oversized::Document => Bilingual::new(
            format!("Dokumentet har mer än {mib} MiB ({bytes} byte); mer läses inte."),
            format!("The document has more than {mib} MiB ({bytes} bytes); no more is read."),
        ),
        Oversized::Line => Bilingual::new(
            format!("Raden har mer än {mib} MiB ({bytes} byte); den hoppas över."),
            format!("The line has more than {mib} MiB ({bytes} bytes); it is skipped."),
        ),
    }
}

/// Reads a notification, or prints why it cannot be read (exit 1; 2 when the file cannot be read).
pub fn read_notification(file: &str, lang: Lang) -> Result<imy_breach::Notification, ExitCode> {
    let what = if lang == Lang::Sv { "är ingen läsbar anmälan" } else { "is not a readable notification" };
    read_document(file, lang, what, imy_breach::Notification::from_json_all_errors)
}

/// Reads a breach record, or prints why it cannot be read (exit 1; 2 when the file cannot be read).
pub fn read_record(file: &str, lang: Lang) -> Result<imy_breach::BreachRecord, ExitCode> {
    let what = if lang == Lang::Sv { "är ingen läsbar dokumentation" } else { "is not a readable record" };
    read_document(file, lang, what, imy_breach::BreachRecord::from_json_all_errors)
}

/// Reads a document with `parse`, printing `what` and each problem when it cannot be read.
fn read_document<T>(
    file: &str,
    lang: Lang,
    what: &str,
    parse: fn(&[u8]) -> Result<T, Vec<imy_breach::ParseError>>,
) -> Result<T, ExitCode> {
    let bytes = match read_bounded(file) {
        Ok(Some(bytes)) => bytes,
        Ok(None) => {
            eprintln!("{file}: {what}");
            eprintln!("  / [{}]: {}", too_large_code(), too_large(Oversized::Document).get(lang));
            return Err(ExitCode::from(1));
        }
        Err(e) => {
            let what = if lang == Lang::Sv { "kan inte läsas" } else { "cannot be read" };
            eprintln!("{file}: {what}: {e}");
            return Err(ExitCode::from(EXIT_USAGE));
        }
    };
    parse_document(file, &bytes, lang, what, parse)
}

/// Parses `bytes` with `parse`, printing `what` and each problem when they cannot be read.
pub fn parse_document<T>(
    file: &str,
    bytes: &[u8],
    lang: Lang,
    what: &str,
    parse: fn(&[u8]) -> Result<T, Vec<imy_breach::ParseError>>,
) -> Result<T, ExitCode> {
    parse(bytes).map_err(|errors| {
        eprintln!("{file}: {what}");
        for e in errors {
            let at = if e.pointer().is_root() { "/".to_string() } else { e.pointer().to_string() };
            eprintln!("  {at} [{}]: {}", e.code(), e.message(lang));
        }
        ExitCode::from(1)
    })
}

/// Writes a command's output to standard output: exit 0, also when the reader has gone away (a
/// closed pipe, as with `| head`); 2 on another write error.
pub fn print(out: &str) -> ExitCode {
    use std::io::Write;
    match std::io::stdout().lock().write_all(out.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => write_failed(&e),
    }
}

/// The exit code for a failed write to standard output: 0 quietly for a closed pipe, else 2 with
/// the error on standard error.
pub fn write_failed(e: &std::io::Error) -> ExitCode {
    if e.kind() == ErrorKind::BrokenPipe {
        return ExitCode::SUCCESS;
    }
    eprintln!("imy-breach: {e}");
    ExitCode::from(EXIT_USAGE)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that never ends and counts what was taken from it.
    struct Endless(usize);

    impl Read for Endless {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            buf.fill(b' ');
            self.0 += buf.len();
            Ok(buf.len())
        }
    }

    #[test]
    fn at_most_one_byte_over_the_limit_is_read() {
        let mut endless = Endless(0);
        assert_eq!(read_at_most(&mut endless, 100_000).unwrap(), None);
        assert_eq!(endless.0, 100_001);
        for len in [0, 1, 4096, 99_999, 100_000] {
            let bytes = vec![b'x'; len];
            let read = read_at_most(&mut bytes.as_slice(), 100_000).unwrap().unwrap();
            assert_eq!(read, bytes);
            assert!(read.capacity() <= 100_001);
        }
        assert_eq!(read_at_most(&mut vec![b'x'; 100_001].as_slice(), 100_000).unwrap(), None);
    }

    #[test]
    fn the_message_says_more_than_the_limit() {
        let m = too_large(Oversized::Document);
        assert!(m.en.contains("more than 1 MiB") && m.sv.contains("mer än 1 MiB"), "{m:?}");
        assert!(too_large(Oversized::Line).en.contains("line has more than 1 MiB"));
        assert_eq!(too_large_code(), "document-too-large");
    }
}
