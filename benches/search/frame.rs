//! The reader's first frame as a user sees it: the real binary started in
//! a pseudo-terminal of its own (no tmux server, no process forked per
//! look at the screen), timed until its status bar is drawn. The cache
//! folder is the caller's: a fresh one is a cold start, one used before a
//! warm one; the user's own is never read.

use std::io::Read;
use std::path::Path;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// Milliseconds from spawning `zhizao --content DIR` to a drawn status bar.
pub fn first_frame(binary: &Path, dir: &Path, cache: &Path) -> Duration {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pseudo-terminal");
    let mut cmd = CommandBuilder::new(binary);
    cmd.args(["--no-state", "--content"]);
    // The pty's child starts in HOME: a relative folder is the caller's.
    cmd.arg(dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf()));
    cmd.env("TERM", "xterm-256color");
    cmd.env("XDG_CACHE_HOME", cache);
    let start = Instant::now();
    let mut child = pty.slave.spawn_command(cmd).expect("spawn zhizao");
    drop(pty.slave);
    let mut reader = pty.master.try_clone_reader().expect("reader");
    let size = |n: u16| std::num::NonZeroU16::new(n).expect("a size");
    let mut parser = vt100::Parser::new(size(30), size(100), 0);
    let mut buf = [0u8; 8192];
    // Read as the terminal would, until the bar's hint (搜索) is on screen.
    let took = loop {
        let n = reader.read(&mut buf).unwrap_or(0);
        assert!(
            n > 0,
            "zhizao ended before drawing:\n{}",
            parser.screen().contents()
        );
        parser.process(&buf[..n]);
        if parser.screen().contents().contains("搜索") {
            break start.elapsed();
        }
    };
    let _ = child.kill();
    let _ = child.wait();
    took
}
