//! The threads that send the session its messages: signals (resize, the
//! ways out, stop and continue) and the terminal's input bytes.

use std::io::Read as _;
use std::sync::mpsc;

use anyhow::Context as _;
use signal_hook::consts::{
    SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGUSR1, SIGUSR2, SIGWINCH,
};

use super::Message;

/// Signals as messages: resize, the ways out, and stop/continue.
pub(super) fn spawn_signals(tx: mpsc::Sender<Message>) -> anyhow::Result<()> {
    // Every signal whose default would end the process and that a
    // process may catch ends the session the way a quit does: the terminal
    // put back, a note being written kept as a draft, the state saved.
    let mut caught = vec![
        SIGWINCH, SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGTSTP, SIGCONT,
    ];
    caught.extend(ending_signals());
    let mut signals =
        signal_hook::iterator::Signals::new(caught).context("installing signal handlers")?;
    std::thread::spawn(move || {
        for sig in signals.forever() {
            if tx.send(Message::Signal(sig)).is_err() {
                return;
            }
        }
    });
    Ok(())
}

/// The other signals that end a process by default: timers, profiling,
/// I/O, power, the CPU and file limits, a bad system call, a trap, and the
/// real-time ones (SIGXFSZ is ignored: a write over the limit fails).
fn ending_signals() -> Vec<i32> {
    let mut out = vec![
        libc::SIGALRM,
        libc::SIGVTALRM,
        libc::SIGPROF,
        libc::SIGIO,
        libc::SIGXCPU,
        libc::SIGSYS,
        libc::SIGTRAP,
    ];
    #[cfg(any(target_os = "linux", target_os = "android"))]
    out.extend([libc::SIGPWR, libc::SIGSTKFLT]);
    #[cfg(any(target_os = "linux", target_os = "android"))]
    out.extend(libc::SIGRTMIN()..=libc::SIGRTMAX());
    out
}

/// Reads terminal input on its own thread and hands the bytes over as they
/// come; the end of input means the terminal is gone.
pub(super) fn spawn_input(tx: mpsc::Sender<Message>) {
    std::thread::spawn(move || {
        let mut stdin = std::io::stdin().lock();
        let mut buf = [0u8; 4096];
        loop {
            let message = match stdin.read(&mut buf) {
                Ok(0) => Message::HungUp,
                Ok(n) => Message::Input(buf[..n].to_vec()),
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(_) => Message::HungUp,
            };
            let done = matches!(message, Message::HungUp);
            if tx.send(message).is_err() || done {
                return;
            }
        }
    });
}
