//! A program in a pseudo-terminal (`portable-pty`), its screen read back
//! through `vt100`: the reader itself, or a shell completing its commands.

use std::io::{Read, Write};
use std::num::NonZeroU16;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

/// Sessions started, for each its own state folder.
static SESSIONS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

pub struct Session {
    parser: Arc<Mutex<vt100::Parser>>,
    pub raw: Arc<Mutex<Vec<u8>>>,
    writer: Box<dyn Write + Send>,
    pub child: Box<dyn portable_pty::Child + Send + Sync>,
}

impl Session {
    /// zhizao at 100×30 with `args`, remembering in a folder of its own
    /// unless `env` says where.
    pub fn start(args: &[&str], env: &[(&str, &str)]) -> Self {
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_zhizao"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        let n = SESSIONS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let own = std::env::temp_dir().join(format!("zhizao-pty-{}-{n}", std::process::id()));
        cmd.env("XDG_STATE_HOME", own.to_str().unwrap_or("/nonexistent"));
        cmd.env(
            "XDG_CACHE_HOME",
            own.join("cache").to_str().unwrap_or("/nonexistent"),
        );
        for (k, v) in env {
            cmd.env(k, v);
        }
        Self::spawn(cmd, 100, 30)
    }

    /// Any command in a terminal of `cols`×`rows`.
    pub fn spawn(cmd: CommandBuilder, cols: u16, rows: u16) -> Self {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let child = pty.slave.spawn_command(cmd).expect("spawn the command");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("reader");
        let writer = pty.master.take_writer().expect("writer");
        let size = |n: u16| NonZeroU16::new(n).unwrap_or(NonZeroU16::MIN);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(size(rows), size(cols), 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (p, r) = (Arc::clone(&parser), Arc::clone(&raw));
        // The reader runs on its own thread so the child never blocks on a full pty.
        std::thread::spawn(move || {
            let _master = pty.master;
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().unwrap().process(&buf[..n]);
                r.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Session {
            parser,
            raw,
            writer,
            child,
        }
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// The parser itself, for what `screen` does not say (colours, modes).
    pub fn parser(&self) -> std::sync::MutexGuard<'_, vt100::Parser> {
        self.parser.lock().unwrap()
    }

    pub fn wait_for(&self, text: &str) {
        self.wait_within(text, Duration::from_secs(10));
    }

    pub fn wait_within(&self, text: &str, time: Duration) {
        self.wait_until(time, text, |screen| screen.contains(text));
    }

    /// Waits until the screen satisfies `done`; `what` names it in the
    /// failure, which prints the screen.
    pub fn wait_until(&self, time: Duration, what: &str, done: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + time;
        loop {
            let screen = self.screen();
            if done(&screen) {
                return screen;
            }
            assert!(
                Instant::now() < deadline,
                "timed out waiting for {what:?}; the screen:\n{screen}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn keys(&mut self, keys: &str) {
        for k in keys.chars() {
            self.writer.write_all(k.to_string().as_bytes()).unwrap();
            self.writer.flush().unwrap();
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    pub fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
    }

    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "the program did not exit; the screen:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn assert_terminal_restored(&self) {
        std::thread::sleep(Duration::from_millis(100));
        let parser = self.parser.lock().unwrap();
        assert!(
            !parser.screen().alternate_screen(),
            "the alternate screen was left"
        );
        assert!(!parser.screen().hide_cursor(), "the cursor is shown");
        let raw = self.raw.lock().unwrap();
        let tail = String::from_utf8_lossy(&raw);
        let left = tail
            .rfind("\x1b[?1049l")
            .expect("left the alternate screen");
        assert!(
            tail.rfind("\x1b[?1049h")
                .is_some_and(|entered| entered < left)
        );
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // A test that fails halfway leaves no program behind.
        if matches!(self.child.try_wait(), Ok(None)) {
            let _ = self.child.kill();
        }
    }
}
