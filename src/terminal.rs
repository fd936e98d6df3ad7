//! The interactive session: set the terminal up, run the event loop, and put
//! the terminal back on every way out (quit, error, panic, SIGTERM, SIGHUP,
//! SIGINT) and while suspended (Ctrl-Z).

mod files;
mod searcher;
mod senders;

use std::io::{IsTerminal as _, stdout};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::mpsc;

use crate::content::Keeping;
use crate::content::Loading;
use anyhow::{Context, bail};
use ratatui::DefaultTerminal;
use ratatui::crossterm::clipboard::CopyToClipboard;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, Event,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::EnterAlternateScreen;
use signal_hook::consts::{SIGCONT, SIGTSTP, SIGWINCH};

use crate::action::Action;
use crate::app::{App, Effect};
use crate::cli::Cli;
use crate::input;
use crate::paint::Theme;
use crate::search::{Outcome, SearchIndex};
use crate::ui::Screen;
use files::Files;
use searcher::Searcher;
use senders::{spawn_input, spawn_signals};

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
    // Silent: when the terminal has gone there is nothing to put back, and
    // nobody to tell.
    let _ = ratatui::try_restore();
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
    /// The place index's mentions, found in this collection.
    PlacesFound(Arc<crate::content::Library>, crate::content::Mentions),
    /// More of a collection that is loading, indexed, and how many files
    /// that is; None for the whole collection.
    Loaded(Arc<SearchIndex>, Option<usize>),
    /// What is wrong with a collection found while it loaded.
    LoadFailed(crate::content::ContentErrors),
}

/// How often the progress of a load is drawn.
const LOADING_TICK: std::time::Duration = std::time::Duration::from_millis(100);

/// Finds the places only the gazetteer knows in a collection opened
/// whole, behind its first frame, and sends the collection back with them,
/// indexed.
fn spawn_places(lib: Arc<crate::content::Library>, tx: mpsc::Sender<Message>) {
    std::thread::spawn(move || {
        let mut placed = (*lib).clone();
        drop(lib);
        placed.find_places();
        let index = SearchIndex::new(Arc::new(placed));
        let _ = tx.send(Message::Loaded(Arc::new(index), None));
    });
}

/// Loads and indexes the whole collection on its own thread, counting the
/// files built and sending what has arrived now and then, indexed.
fn spawn_loader(dir: std::path::PathBuf, files: usize, tx: mpsc::Sender<Message>) -> Loading {
    let built = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counter = Arc::clone(&built);
    std::thread::spawn(move || {
        let grown_tx = tx.clone();
        let mut grown = move |lib, shown| {
            let index = Arc::new(SearchIndex::new(Arc::new(lib)));
            let _ = grown_tx.send(Message::Loaded(index, Some(shown)));
        };
        let growth = crate::content::Growth {
            built: &counter,
            grown: &mut grown,
        };
        let cache = crate::cli::cache_dir();
        // The copy for the cache is written while the whole is indexed,
        // and waited for only once the reader has the whole.
        let (message, _copy) =
            match crate::content::Library::load_dir_shared(&dir, cache.as_deref(), Some(growth)) {
                Ok((lib, copy)) => (Message::Loaded(Arc::new(SearchIndex::new(lib)), None), copy),
                Err(errors) => (Message::LoadFailed(errors), Keeping::default()),
            };
        let _ = tx.send(message);
    });
    Loading {
        built,
        files,
        shown: 1,
    }
}

/// Opens the reader.
///
/// # Errors
/// Content errors (before the terminal is touched, or found while a big
/// collection loads), no terminal, and terminal I/O errors.
pub fn run(cli: &Cli) -> anyhow::Result<ExitCode> {
    let (lib, rest) = cli.first_library()?;
    if !std::io::stdin().is_terminal() || !stdout().is_terminal() {
        bail!(
            "the reader needs a terminal; without one, `zhizao list` lists the sections and `zhizao show PATH` prints one"
        );
    }
    let index = Arc::new(SearchIndex::new(lib));
    let (mut app, theme, mouse, files, pending) = open(cli, Arc::clone(&index));

    let (tx, inbox) = mpsc::channel();
    spawn_signals(tx.clone())?;
    let terminal = ratatui::try_init().context("setting up the terminal")?;
    let guard = Guard;
    capture(mouse).context("setting up the terminal")?;
    spawn_input(tx.clone());
    let mut pending = pending;
    match rest {
        Some((dir, count)) => {
            let loading = spawn_loader(dir, count, tx.clone());
            pending.extend(app.update(Action::Loading(Some(loading))));
        }
        None => spawn_places(Arc::clone(&app.lib), tx.clone()),
    }
    let searcher = Searcher::start(index, tx.clone());
    let mut session = Session {
        terminal,
        app,
        theme,
        mouse,
        files,
        parser: input::Parser::default(),
        inbox,
        tx,
        searcher,
        quitted: false,
    };
    let code = session.perform(pending).and_then(|_| session.run());
    // However the session ends, where the reader was is kept: a quit has
    // saved already; a signal or a terminal gone has not.
    if code.is_ok() && !session.quitted {
        for effect in session.app.update(Action::Quit) {
            // A note being written when the signal came, kept as a draft;
            // what the saves say reaches the app, so notes that could not
            // be saved are printed below.
            let said = match effect {
                Effect::Save(saved) => session.files.save(*saved),
                Effect::SaveNotes(book) => session.files.save_notes(*book),
                _ => Vec::new(),
            };
            for said in said {
                let _ = session.app.update(said);
            }
        }
    }
    // Notes whose last save failed (a full disk, `ulimit -f`) are tried
    // once more; if that fails too they are printed once the terminal is
    // back, so they are never lost with the process.
    let unsaved = session.app.study.unsaved.is_some().then(|| {
        let book = session.app.study.book.clone();
        let again = session.files.save_notes(book.clone());
        match again.first() {
            Some(Action::NotesSaved(Err(why))) => Some((book, why.clone())),
            _ => None,
        }
    });
    // The guard shows the cursor and puts the terminal back; ratatui's own
    // drop would only show it again, and when the terminal has gone, print
    // that it could not.
    std::mem::forget(session.terminal);
    drop(guard);
    if let Some(Some((book, why))) = unsaved {
        let json = book.to_json(true).unwrap_or_default();
        crate::errln!(
            "zhizao: {why}\nzhizao: the notes follow as W3C annotation JSON; save them and bring them back with `zhizao notes import FILE`:\n{json}"
        );
    }
    code
}

/// The reader at work: its terminal, its state, and what feeds it.
struct Session {
    terminal: DefaultTerminal,
    app: App,
    theme: &'static Theme,
    mouse: bool,
    files: Files,
    parser: input::Parser,
    inbox: mpsc::Receiver<Message>,
    tx: mpsc::Sender<Message>,
    searcher: Searcher,
    /// The app asked to quit (and saved on the way).
    quitted: bool,
}

/// Whether the session goes on after an effect.
enum Flow {
    Go,
    Quit,
}

impl Session {
    /// Draws when something changed, waits for input, a signal or results,
    /// and applies them, until the reader quits or the terminal goes.
    fn run(&mut self) -> anyhow::Result<ExitCode> {
        let size = self.terminal.size()?;
        self.apply(Action::Resize(size.width, size.height))?;
        let mut dirty = true;
        loop {
            if dirty && let Err(e) = draw(&mut self.terminal, &self.app, self.theme) {
                // The terminal went away before its hang-up was read (a
                // collection arriving behind the first frame drew first):
                // the session ends as on a hang-up, with nothing to say.
                let gone = e.downcast_ref::<std::io::Error>().is_some_and(|io| {
                    io.raw_os_error() == Some(libc::EIO)
                        || io.kind() == std::io::ErrorKind::BrokenPipe
                });
                return if gone {
                    Ok(ExitCode::from(129))
                } else {
                    Err(e)
                };
            }
            // A cut-off escape sequence or paste waits only so long; while a
            // collection loads, its progress is drawn every tenth of a second.
            // The app says whether a collection is loading behind it.
            let loading = self.app.loading.is_some();
            let wait = match (self.parser.wait(), loading) {
                (Some(t), true) => Some(t.min(LOADING_TICK)),
                (None, true) => Some(LOADING_TICK),
                (t, false) => t,
            };
            let first = match wait {
                Some(timeout) => match self.inbox.recv_timeout(timeout) {
                    Ok(message) => Some(message),
                    Err(mpsc::RecvTimeoutError::Timeout) => None,
                    Err(mpsc::RecvTimeoutError::Disconnected) => return Ok(ExitCode::from(129)),
                },
                None => match self.inbox.recv() {
                    Ok(message) => Some(message),
                    Err(_) => return Ok(ExitCode::from(129)),
                },
            };
            let mut events = Vec::new();
            dirty = first.is_some() || loading;
            if first.is_none() {
                self.parser.timeout(&mut events);
            }
            // Take everything queued before drawing again, so a burst of
            // keys or wheel ticks costs one frame.
            let queued: Vec<Message> = first
                .into_iter()
                .chain(std::iter::from_fn(|| self.inbox.try_recv().ok()))
                .collect();
            for message in queued {
                if let Some(code) = self.take(message, &mut events)? {
                    return Ok(code);
                }
            }
            dirty |= !events.is_empty();
            for event in &events {
                if let Some(action) = self.app.action_for(event)
                    && let Flow::Quit = self.apply(action)?
                {
                    return Ok(ExitCode::SUCCESS);
                }
            }
        }
    }

    /// Applies an action and carries out what it asks for.
    fn apply(&mut self, action: Action) -> anyhow::Result<Flow> {
        let effects = self.app.update(action);
        self.perform(effects)
    }

    /// Carries out effects, and those the answers to them ask for.
    fn perform(&mut self, effects: Vec<Effect>) -> anyhow::Result<Flow> {
        let mut queue = std::collections::VecDeque::from(effects);
        while let Some(effect) = queue.pop_front() {
            match effect {
                Effect::Search {
                    serial,
                    query,
                    limit,
                } => self.searcher.submit(serial, &query, limit),
                Effect::CancelSearch => self.searcher.cancel(),
                Effect::FindMentions(lib) => {
                    let tx = self.tx.clone();
                    std::thread::spawn(move || {
                        let found = lib.mentions();
                        let _ = tx.send(Message::PlacesFound(lib, found));
                    });
                }
                Effect::Copy(text) => {
                    execute!(
                        stdout(),
                        CopyToClipboard::to_clipboard_from(text.as_bytes())
                    )?;
                }
                Effect::Save(saved) => {
                    for said in self.files.save(*saved) {
                        queue.extend(self.app.update(said));
                    }
                }
                Effect::SaveNotes(book) => {
                    for said in self.files.save_notes(*book) {
                        queue.extend(self.app.update(said));
                    }
                }
                Effect::Suspend => suspend(&mut self.terminal, self.mouse)?,
                // What Quit saved, it saved above: nothing more is to be done.
                Effect::Quit => {
                    self.quitted = true;
                    return Ok(Flow::Quit);
                }
            }
        }
        Ok(Flow::Go)
    }

    /// One message: input goes to the parser, the rest acts at once. A
    /// code to leave with, for a signal or a terminal gone.
    fn take(
        &mut self,
        message: Message,
        events: &mut Vec<Event>,
    ) -> anyhow::Result<Option<ExitCode>> {
        let action = match message {
            Message::Input(bytes) => {
                self.parser.feed(&bytes, events);
                return Ok(None);
            }
            Message::HungUp => return Ok(Some(ExitCode::from(129))),
            Message::Found(serial, outcome) => Action::SearchDone(serial, outcome),
            Message::PlacesFound(lib, found) => Action::PlacesFound(lib, Arc::new(found)),
            Message::Loaded(index, shown) => {
                self.searcher = Searcher::start(Arc::clone(&index), self.tx.clone());
                Action::Adopt(index, shown)
            }
            // Problems found past the first article: out, and say them.
            Message::LoadFailed(errors) => return Err(errors.into()),
            Message::Signal(SIGWINCH) => {
                let size = self.terminal.size()?;
                Action::Resize(size.width, size.height)
            }
            Message::Signal(SIGTSTP) => Action::Suspend,
            Message::Signal(SIGCONT) => {
                resume(&mut self.terminal, self.mouse)?;
                return Ok(None);
            }
            Message::Signal(sig) => {
                return Ok(Some(ExitCode::from(128 + u8::try_from(sig).unwrap_or(0))));
            }
        };
        Ok(match self.apply(action)? {
            Flow::Go => None,
            Flow::Quit => Some(ExitCode::SUCCESS),
        })
    }
}

/// The app as the settings and the saved state make it: its theme,
/// whether the mouse is on, and its files. A bad settings file leaves the
/// defaults in force and says so. And the effects its start asked for
/// (the place index's mentions, when the saved session was in it; notes
/// found somewhere new, written back), for the session to carry out.
fn open(cli: &Cli, index: Arc<SearchIndex>) -> (App, &'static Theme, bool, Files, Vec<Effect>) {
    let (config, problem) = cli.settings();
    let theme = crate::paint::theme::chosen(cli.light(&config));
    let mouse = config.mouse;
    let mut app = App::with_index(index, cli.widths(&config)).configured(config);
    // The terminal's size before anything is restored or counted at the
    // stand-in one (the tree would count a 100x30 page as read).
    if let Ok((w, h)) = ratatui::crossterm::terminal::size() {
        app.update(Action::Resize(w, h));
    }
    let (mut files, said) = Files::open(cli);
    let mut pending: Vec<Effect> = said.into_iter().flat_map(|a| app.update(a)).collect();
    // Find out now, not at the end, whether the state can be written; if
    // not, that is what the status bar says.
    for said in files.save(app.memory()) {
        pending.extend(app.update(said));
    }
    if let Some(errors) = problem {
        // Stays until Esc; the path shortened from the left, so the
        // problem itself is what the bar shows.
        // Where, in Chinese; what is wrong, `config check` says in full.
        let first = errors.0.first().map(|e| match e {
            crate::content::ContentError::At { line, column, .. } => {
                format!("{} 第 {line} 行第 {column} 列", short_path(e.path()))
            }
            crate::content::ContentError::Path { .. } => short_path(e.path()),
        });
        let key = app
            .keys
            .first_key(crate::keys::Mode::Global, &Action::Close);
        pending.extend(app.update(Action::Warn(format!(
            "设置文件有误（{}），先用默认设置 · zhizao config check 看是哪里错了 · {key} 关闭",
            first.unwrap_or_default()
        ))));
    }
    (app, theme, mouse, files, pending)
}

/// A path as its last two parts, `…/zhizao/config.toml`.
fn short_path(path: &std::path::Path) -> String {
    let parts: Vec<String> = path
        .components()
        .rev()
        .take(2)
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    let tail: Vec<&str> = parts.iter().rev().map(String::as_str).collect();
    crate::sanitize::for_terminal(&format!("…/{}", tail.join("/")))
}

fn draw(terminal: &mut DefaultTerminal, app: &App, theme: &Theme) -> anyhow::Result<()> {
    terminal.draw(|frame| {
        let screen = Screen { app, theme };
        let cursor = screen.cursor();
        frame.render_widget(screen, frame.area());
        if let Some((x, y)) = cursor {
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
