//! Reading input and writing output, shared by every command.

use std::io::Read;
use std::process::ExitCode;

/// Exit code 2: usage error or unreadable input.
pub const EXIT_USAGE: u8 = 2;

/// Reads a file, or standard input for `-`.
pub fn read_input(path: &str) -> std::io::Result<Vec<u8>> {
    if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin().lock().read_to_end(&mut buf)?;
        Ok(buf)
    } else {
        std::fs::read(path)
    }
}

/// Reads a notification for `render` and `redact`. On failure the message is printed and the exit
/// code returned: 2 when the file cannot be read, 1 when it is no readable notification.
pub fn read_notification(file: &str, lang: imy_breach::Lang) -> Result<imy_breach::Notification, ExitCode> {
    use imy_breach::Lang;
    let bytes = read_input(file).map_err(|e| {
        let what = if lang == Lang::Sv { "kan inte läsas" } else { "cannot be read" };
        eprintln!("{file}: {what}: {e}");
        ExitCode::from(EXIT_USAGE)
    })?;
    imy_breach::Notification::from_json_all_errors(&bytes).map_err(|errors| {
        let what =
            if lang == Lang::Sv { "är ingen läsbar anmälan" } else { "is not a readable notification" };
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
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("imy-breach: {e}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}
