//! The interactive session: set the terminal up, run the event loop, and put
//! the terminal back on every way out (quit, error, panic, SIGTERM, SIGHUP).

use std::io::stdout;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use anyhow::Context;
use ratatui::crossterm::event::{self, DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;

use crate::action::Action;
use crate::app::App;
use crate::cli::Cli;
use crate::keys::action_for_event;

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
    app.theme = crate::ui::theme::from_env();

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

    loop {
        terminal.draw(|frame| frame.render_widget(&app, frame.area()))?;
        if app.quit {
            return Ok(ExitCode::SUCCESS);
        }
        // Poll with a timeout so a signal is noticed even when no key comes.
        while !event::poll(Duration::from_millis(200))? {
            let sig = signal.load(Ordering::Relaxed);
            if sig != 0 {
                return Ok(ExitCode::from(128 + u8::try_from(sig).unwrap_or(0)));
            }
        }
        // Apply everything queued before drawing again, so a burst of keys
        // or wheel ticks costs one frame.
        loop {
            if let Some(action) = action_for_event(&app.modes(), &event::read()?) {
                app.update(action);
            }
            if app.quit || !event::poll(Duration::ZERO)? {
                break;
            }
        }
    }
}
