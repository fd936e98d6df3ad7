//! The interactive session: set the terminal up, run the event loop, and put
//! the terminal back on every way out (quit, error, panic, SIGTERM, SIGHUP).

use std::io::stdout;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Duration;

use anyhow::Context;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;

use crate::action::Action;
use crate::app::App;
use crate::app::search::RESULTS;
use crate::cli::Cli;
use crate::keys::action_for_event;
use crate::search::{Generation, Outcome, SearchIndex};
use crate::ui::Screen;

/// Undoes what ratatui's `init` does not know about, then restores the
/// terminal; runs on return, on error and while a panic unwinds.
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        let _ = execute!(stdout(), DisableMouseCapture);
        ratatui::restore();
    }
}

/// Opens the reader.
///
/// # Errors
/// Content errors (before the terminal is touched) and terminal I/O errors.
pub fn run(cli: &Cli) -> anyhow::Result<ExitCode> {
    let lib = cli.library()?;
    let mut app = App::new(lib, cli.widths());
    let theme = crate::ui::theme::from_env();

    let signal = Arc::new(AtomicUsize::new(0));
    for sig in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGHUP] {
        let code = usize::try_from(sig).unwrap_or(0);
        signal_hook::flag::register_usize(sig, Arc::clone(&signal), code)
            .context("installing signal handlers")?;
    }

    let mut terminal = ratatui::try_init().context("setting up the terminal")?;
    let _guard = Guard;
    execute!(stdout(), EnableMouseCapture).context("enabling the mouse")?;
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));

    let (tx, inbox) = mpsc::channel();
    spawn_input(tx.clone());
    let searcher = Searcher::start(Arc::clone(&app.index), tx);
    let mut sent = None;
    loop {
        terminal.draw(|frame| {
            frame.render_widget(Screen { app: &app, theme }, frame.area());
            if let Some((x, y)) = app.cursor() {
                frame.set_cursor_position((x, y));
            }
        })?;
        if app.quit {
            return Ok(ExitCode::SUCCESS);
        }
        if let Some((serial, query)) = app.wanted_search()
            && sent != Some(serial)
        {
            searcher.submit(serial, query);
            sent = Some(serial);
        }
        let first = match inbox.recv_timeout(Duration::from_millis(200)) {
            Ok(message) => Some(message),
            // Idle: make sure the terminal is still there. A hung-up one can
            // leave the input thread spinning on end-of-file without a SIGHUP.
            Err(mpsc::RecvTimeoutError::Timeout)
                if ratatui::crossterm::terminal::size().is_ok() =>
            {
                None
            }
            Err(_) => return Ok(ExitCode::from(128 + 1)),
        };
        // Apply everything queued before drawing again, so a burst of keys or
        // wheel ticks costs one frame.
        for message in first
            .into_iter()
            .chain(std::iter::from_fn(|| inbox.try_recv().ok()))
        {
            let action = match message {
                Message::Input(event) => action_for_event(&app.modes(), &event),
                Message::Found(serial, outcome) => Some(Action::SearchDone(serial, outcome)),
            };
            if let Some(action) = action {
                app.update(action);
            }
            if app.quit {
                break;
            }
        }
        let sig = signal.load(Ordering::Relaxed);
        if sig != 0 {
            return Ok(ExitCode::from(128 + u8::try_from(sig).unwrap_or(0)));
        }
    }
}

/// What wakes the event loop.
enum Message {
    Input(event::Event),
    Found(u64, Arc<Outcome>),
}

/// Reads terminal input on its own thread: crossterm's reader can loop
/// forever on a terminal that hung up, and the UI thread must stay free to
/// notice and leave.
fn spawn_input(tx: mpsc::Sender<Message>) {
    std::thread::spawn(move || {
        while let Ok(event) = event::read() {
            if tx.send(Message::Input(event)).is_err() {
                return;
            }
        }
    });
}

/// Searches off the UI thread: the newest query wins, and an older one still
/// running is cancelled, so typing never waits for a search.
struct Searcher {
    jobs: mpsc::Sender<(u64, u64, String)>,
    generation: Arc<Generation>,
}

impl Searcher {
    fn start(index: Arc<SearchIndex>, outbox: mpsc::Sender<Message>) -> Self {
        let (jobs, inbox) = mpsc::channel::<(u64, u64, String)>();
        let generation = Arc::new(Generation::default());
        let current = Arc::clone(&generation);
        std::thread::spawn(move || {
            let mut last: Option<Arc<Outcome>> = None;
            while let Ok(mut job) = inbox.recv() {
                while let Ok(newer) = inbox.try_recv() {
                    job = newer;
                }
                let (serial, mine, query) = job;
                let found = index.search(&query, RESULTS, last.as_deref(), Some((&current, mine)));
                if let Some(outcome) = found.map(Arc::new) {
                    if outbox
                        .send(Message::Found(serial, Arc::clone(&outcome)))
                        .is_err()
                    {
                        return;
                    }
                    last = Some(outcome);
                }
            }
        });
        Searcher { jobs, generation }
    }

    fn submit(&self, serial: u64, query: &str) {
        let mine = self.generation.bump();
        let _ = self.jobs.send((serial, mine, query.to_owned()));
    }
}
