//! `imy-breach completions <shell>`: a shell completion script; `imy-breach man [--dir DIR]`: the
//! man page (roff), or with `--dir` one page per command written to a folder.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::io::{print, write_failed, EXIT_USAGE};

/// Arguments of `completions`.
#[derive(Debug, clap::Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    shell: clap_complete::Shell,
}

/// Arguments of `man`.
#[derive(Debug, clap::Args)]
pub struct ManArgs {
    /// Write every page (imy-breach.1 and one imy-breach-COMMAND.1 per command) into this folder
    /// instead of printing imy-breach.1.
    #[arg(long, value_name = "DIR")]
    dir: Option<PathBuf>,
}

/// Prints the completion script of `cmd` for the shell.
pub fn completions(args: CompletionsArgs, mut cmd: clap::Command) -> ExitCode {
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "imy-breach", &mut out);
    print(&String::from_utf8_lossy(&out))
}

/// Prints the man page of `cmd`, or writes all pages to a folder.
pub fn man(args: ManArgs, cmd: clap::Command) -> ExitCode {
    match args.dir {
        Some(dir) => {
            let written = std::fs::create_dir_all(&dir).and_then(|()| clap_mangen::generate_to(cmd, &dir));
            match written {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("imy-breach man: {}: {e}", dir.display());
                    ExitCode::from(EXIT_USAGE)
                }
            }
        }
        None => {
            let mut out = Vec::new();
            if let Err(e) = clap_mangen::Man::new(cmd).render(&mut out) {
                return write_failed(&e);
            }
            print(&String::from_utf8_lossy(&out))
        }
    }
}
