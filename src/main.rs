//! The `zhizao` binary: parse the command line, run, map errors to exit codes.

use std::process::ExitCode;

use clap::Parser;
use zhizao::cli::{Cli, run_command};
use zhizao::content::ContentErrors;

fn main() -> ExitCode {
    // A file past `ulimit -f` must be a write that fails (EFBIG, said like
    // any other), never SIGXFSZ killing the process halfway: a reader's
    // terminal left raw, a note lost.
    let _ = signal_hook::flag::register(
        signal_hook::consts::SIGXFSZ,
        std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false)),
    );
    // The shell asking for completions (`COMPLETE=bash zhizao -- …`).
    zhizao::cli::answer_if_asked();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to stdout with success; usage errors exit 1.
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let result = match &cli.command {
        Some(command) => run_command(&cli, command),
        None => zhizao::terminal::run(&cli),
    };
    match result {
        Ok(code) => code,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            if let Some(errors) = e.downcast_ref::<ContentErrors>() {
                zhizao::errln!("{errors}");
                zhizao::errln!(
                    "zhizao: {} error{}",
                    errors.0.len(),
                    if errors.0.len() == 1 { "" } else { "s" }
                );
                return ExitCode::from(2);
            }
            // Messages quote paths and user input: nothing reaches the terminal raw.
            zhizao::errln!(
                "zhizao: {}",
                zhizao::sanitize::for_terminal(&format!("{e:#}"))
            );
            ExitCode::from(1)
        }
    }
}

/// A reader closing the pipe early (`zhizao list | head`) is not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain()
        .filter_map(|c| c.downcast_ref::<std::io::Error>())
        .any(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
}
