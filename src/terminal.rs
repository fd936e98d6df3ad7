//! The interactive session: set the terminal up, run the event loop, and put
//! the terminal back on every way out (quit, error, panic, SIGTERM, SIGHUP,
//! SIGINT) and while suspended (Ctrl-Z).

use std::io::{IsTerminal as _, Read as _, stdout};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::mpsc;

use anyhow::{Context, bail};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::EnterAlternateScreen;
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP, SIGWINCH};

use crate::action::Action;
use crate::app::App;
use crate::app::search::RESULTS;
use crate::cli::Cli;
use crate::input;
use crate::search::{Generation, Outcome, SearchIndex};
use crate::state::store::Store;
use crate::ui::Screen;
use crate::ui::theme::Theme;

/// Undoes what ratatui's `init` does not know about, then restores the
/// terminal; runs on return, on error and while a panic unwinds.
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        leave();
    }
}

fn leave() {
    let _ = execute!(
        stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        ratatui::crossterm::cursor::Show
    );
    ratatui::restore();
}

fn enter(mouse: bool) -> std::io::Result<()> {
    ratatui::crossterm::terminal::enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen)?;
    capture(mouse)
}

/// Pastes as pastes, and the mouse unless the settings turn it off.
fn capture(mouse: bool) -> std::io::Result<()> {
    execute!(stdout(), EnableBracketedPaste)?;
    if mouse {
        execute!(stdout(), EnableMouseCapture)?;
    }
    Ok(())
}

/// What wakes the event loop.
enum Message {
    Input(Vec<u8>),
    /// The terminal is gone: end of input or a read error.
    HungUp,
    Signal(i32),
    Found(u64, Arc<Outcome>),
}

/// Opens the reader.
///
/// # Errors
/// Content errors (before the terminal is touched), no terminal, and
/// terminal I/O errors.
pub fn run(cli: &Cli) -> anyhow::Result<ExitCode> {
    let lib = cli.library()?;
    if !std::io::stdin().is_terminal() || !stdout().is_terminal() {
        bail!(
            "the reader needs a terminal; without one, `zhizao list` lists the sections and `zhizao show PATH` prints one"
        );
    }
    let (mut app, theme, mouse, mut memory) = open(cli, lib);

    let (tx, inbox) = mpsc::channel();
    spawn_signals(tx.clone())?;
    let mut terminal = ratatui::try_init().context("setting up the terminal")?;
    let _guard = Guard;
    capture(mouse).context("setting up the terminal")?;
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));

    spawn_input(tx.clone());
    let searcher = Searcher::start(Arc::clone(&app.index), tx);
    let mut parser = input::Parser::default();
    let mut sent = None;
    let mut dirty = true;
    let code = loop {
        if dirty {
            draw(&mut terminal, &app, theme)?;
            dirty = false;
        }
        if app.quit {
            break ExitCode::SUCCESS;
        }
        if std::mem::take(&mut app.bookmarks.changed) {
            memory.save(&mut app);
        }
        if let Some((serial, query)) = app.wanted_search()
            && sent != Some(serial)
        {
            searcher.submit(serial, query);
            sent = Some(serial);
        }
        // Wait for input, a signal or results; a cut-off escape sequence or
        // paste waits only so long.
        let first = match parser.wait() {
            Some(timeout) => match inbox.recv_timeout(timeout) {
                Ok(message) => Some(message),
                Err(mpsc::RecvTimeoutError::Timeout) => None,
                Err(mpsc::RecvTimeoutError::Disconnected) => break ExitCode::from(129),
            },
            None => match inbox.recv() {
                Ok(message) => Some(message),
                Err(_) => break ExitCode::from(129),
            },
        };
        let mut events = Vec::new();
        if first.is_none() {
            parser.timeout(&mut events);
        }
        // Take everything queued before drawing again, so a burst of keys or
        // wheel ticks costs one frame.
        let mut leave_with = None;
        for message in first
            .into_iter()
            .chain(std::iter::from_fn(|| inbox.try_recv().ok()))
        {
            match message {
                Message::Input(bytes) => parser.feed(&bytes, &mut events),
                Message::HungUp => leave_with = Some(ExitCode::from(129)),
                Message::Found(serial, outcome) => app.update(Action::SearchDone(serial, outcome)),
                Message::Signal(SIGWINCH) => {
                    let size = terminal.size()?;
                    app.update(Action::Resize(size.width, size.height));
                }
                Message::Signal(SIGTSTP) => {
                    memory.save(&mut app);
                    suspend(&mut terminal, mouse)?;
                }
                Message::Signal(SIGCONT) => resume(&mut terminal, mouse)?,
                Message::Signal(sig) => {
                    leave_with = Some(ExitCode::from(128 + u8::try_from(sig).unwrap_or(0)));
                }
            }
            dirty = true;
            if leave_with.is_some() {
                break;
            }
        }
        if let Some(code) = leave_with {
            break code;
        }
        for event in &events {
            match app.keys.action_for_event(&app.modes(), event) {
                Some(Action::Suspend) => {
                    memory.save(&mut app);
                    suspend(&mut terminal, mouse)?;
                }
                Some(action) => app.update(action),
                None => {}
            }
            if app.quit {
                break;
            }
        }
        dirty |= !events.is_empty();
        copy_out(&mut app)?;
    };
    // However the session ends, where the reader was is kept.
    memory.save(&mut app);
    Ok(code)
}

/// The reader's memory of this collection, if it has one: read at the
/// start, written on the way out and after each bookmark change. Trouble
/// with it is said once in the status bar; the reader goes on without it.
struct Memory {
    store: Option<Store>,
}

impl Memory {
    fn open(cli: &Cli, app: &mut App) -> Self {
        if cli.no_state {
            return Memory { store: None };
        }
        let Some(dir) = crate::state::store::default_dir() else {
            app.notice = Some("找不到状态文件夹（没有 HOME）；本次不记住位置".into());
            return Memory { store: None };
        };
        let store = Store::new(dir, &crate::state::store::file_name(cli.content.as_deref()));
        let loaded = store.load();
        app.recall(loaded.saved);
        let mut memory = Memory { store: Some(store) };
        // Find out now, not at the end, whether the state can be written.
        memory.save(app);
        if app.notice.is_none() {
            app.notice = loaded.notice;
        }
        memory
    }

    fn save(&mut self, app: &mut App) {
        let Some(store) = &self.store else { return };
        match store.save(&app.memory(), &app.bookmarks.deleted) {
            Ok(written) => app.saved(written),
            Err(e) => {
                app.notice = Some(crate::sanitize::for_terminal(&format!(
                    "无法保存到 {}：{e}；本次不记住位置",
                    store.path().display()
                )));
                self.store = None;
            }
        }
    }
}

/// Hands what was copied to the terminal's clipboard.
fn copy_out(app: &mut App) -> std::io::Result<()> {
    use std::io::Write as _;
    if let Some(text) = app.clipboard.take() {
        let mut out = stdout();
        out.write_all(crate::app::copy::osc52(&text).as_bytes())?;
        out.flush()?;
    }
    Ok(())
}

/// The app as the settings and the saved state make it: its theme,
/// whether the mouse is on, and its memory. A bad settings file leaves the
/// defaults in force and says so.
fn open(cli: &Cli, lib: crate::content::Library) -> (App, &'static Theme, bool, Memory) {
    let (config, problem) = cli.settings();
    let mut app = App::new(lib, cli.widths(&config));
    let theme = crate::ui::theme::chosen(cli.light(&config));
    let mouse = config.mouse;
    app.configure(config);
    let memory = Memory::open(cli, &mut app);
    if let Some(errors) = problem {
        let first = errors.0.first().map(crate::content::ContentError::headline);
        app.notice = Some(format!(
            "设置文件有误，已用默认设置：{}",
            first.unwrap_or_default()
        ));
    }
    (app, theme, mouse, memory)
}

fn draw(terminal: &mut DefaultTerminal, app: &App, theme: &Theme) -> anyhow::Result<()> {
    terminal.draw(|frame| {
        frame.render_widget(Screen { app, theme }, frame.area());
        if let Some((x, y)) = app.cursor() {
            frame.set_cursor_position((x, y));
        }
    })?;
    Ok(())
}

/// Ctrl-Z: the terminal as the shell left it, the process stopped; on `fg`,
/// the reader back and drawn whole.
fn suspend(terminal: &mut DefaultTerminal, mouse: bool) -> anyhow::Result<()> {
    leave();
    signal_hook::low_level::emulate_default_handler(SIGTSTP).context("suspending")?;
    resume(terminal, mouse)
}

/// Back in the terminal, drawn whole. Not `Terminal::clear`: it asks the
/// terminal where the cursor is and reads the answer from stdin, which the
/// input thread owns; nothing here may read the terminal but that thread.
fn resume(terminal: &mut DefaultTerminal, mouse: bool) -> anyhow::Result<()> {
    enter(mouse).context("resuming the terminal")?;
    let size = terminal.size()?;
    terminal.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))?;
    Ok(())
}

/// Signals as messages: resize, the ways out, and stop/continue.
fn spawn_signals(tx: mpsc::Sender<Message>) -> anyhow::Result<()> {
    let mut signals =
        signal_hook::iterator::Signals::new([SIGWINCH, SIGTERM, SIGHUP, SIGINT, SIGTSTP, SIGCONT])
            .context("installing signal handlers")?;
    std::thread::spawn(move || {
        for sig in signals.forever() {
            if tx.send(Message::Signal(sig)).is_err() {
                return;
            }
        }
    });
    Ok(())
}

/// Reads terminal input on its own thread and hands the bytes over as they
/// come; the end of input means the terminal is gone.
fn spawn_input(tx: mpsc::Sender<Message>) {
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
