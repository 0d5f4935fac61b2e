//! `imy-breach generate N [--seed S] [--invalid-share F]`: N realistic random notifications as
//! NDJSON (one compact JSON document per line), deterministic for a seed.
//!
//! Exit codes: 0 written, 2 usage errors or a failed write (a closed pipe ends quietly with 0).

use std::io::{BufWriter, ErrorKind, Write};
use std::process::ExitCode;

use imy_breach::generate::{Generator, DEFAULT_INVALID_SHARE};

use crate::io::EXIT_USAGE;

/// Arguments of `generate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// How many notifications to write.
    count: u64,
    /// The seed: the same seed gives the same notifications (with the same crate version).
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// The share of deliberately invalid notifications, from 0 to 1 (a broken rule, a broken format,
    /// or a line that is not JSON).
    #[arg(long, value_name = "F", default_value_t = DEFAULT_INVALID_SHARE, value_parser = share)]
    invalid_share: f64,
}

fn share(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(f) if (0.0..=1.0).contains(&f) => Ok(f),
        _ => Err(format!("`{text}` is not a number from 0 to 1")),
    }
}

pub fn run(args: Args) -> ExitCode {
    let generator = Generator::new(args.seed).invalid_share(args.invalid_share);
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let mut written = Ok(());
    for sample in generator.take(usize::try_from(args.count).unwrap_or(usize::MAX)) {
        written = out.write_all(sample.json.as_bytes()).and_then(|()| out.write_all(b"\n"));
        if written.is_err() {
            break;
        }
    }
    match written.and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("imy-breach generate: {e}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}
