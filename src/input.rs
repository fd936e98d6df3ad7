//! Terminal input bytes into events. Ours rather than crossterm's reader
//! because crossterm waits forever for the end of a bracketed paste: one
//! stray `ESC [200~` deafened the reader, `q` and Ctrl-C included. Here a
//! sequence left unfinished is resolved when no byte follows in time: a lone
//! ESC is the Esc key, an unterminated paste ends as what arrived.

use std::time::Duration;

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

/// How long a lone ESC or a cut-off sequence waits for its next byte.
pub const SEQUENCE_TIMEOUT: Duration = Duration::from_millis(30);
/// How long a paste may pause before it is taken as ended.
pub const PASTE_TIMEOUT: Duration = Duration::from_millis(400);
/// The most a paste keeps; the rest is dropped.
const MAX_PASTE: usize = 1 << 20;
/// A CSI sequence longer than this is junk.
const MAX_CSI: usize = 64;

const PASTE_START: &[u8] = b"\x1b[200~";
const PASTE_END: &[u8] = b"\x1b[201~";

#[derive(Debug, Default)]
pub struct Parser {
    /// Bytes not yet making a whole event.
    buf: Vec<u8>,
    /// Inside a bracketed paste: what it holds so far.
    paste: Option<Vec<u8>>,
}

/// One step of parsing the front of the buffer.
enum Step {
    /// An event (or nothing worth one) and the bytes it used.
    Done(Option<Event>, usize),
    /// The bytes so far may start an event: wait for more.
    More,
    PasteStart(usize),
}

impl Parser {
    /// Parses what arrived; events go to `out`.
    pub fn feed(&mut self, bytes: &[u8], out: &mut Vec<Event>) {
        self.buf.extend_from_slice(bytes);
        self.drain(out);
    }

    /// How long to wait for more bytes before calling [`Self::timeout`];
    /// None when nothing is pending.
    #[must_use]
    pub fn wait(&self) -> Option<Duration> {
        if self.paste.is_some() {
            Some(PASTE_TIMEOUT)
        } else if self.buf.is_empty() {
            None
        } else {
            Some(SEQUENCE_TIMEOUT)
        }
    }

    /// No byte came in time: end a paste as it is, take a lone ESC as the
    /// Esc key, and read what followed it afresh.
    pub fn timeout(&mut self, out: &mut Vec<Event>) {
        if let Some(paste) = self.paste.take() {
            paste_event(paste, out);
        } else if !self.buf.is_empty() {
            let rest = self.buf.split_off(1);
            let first = std::mem::replace(&mut self.buf, rest);
            if first == [0x1b] {
                out.push(key(KeyCode::Esc, KeyModifiers::NONE));
            }
        }
        self.drain(out);
    }

    fn drain(&mut self, out: &mut Vec<Event>) {
        loop {
            if let Some(paste) = &mut self.paste {
                let Some(end) = find(&self.buf, PASTE_END) else {
                    // Keep a tail that may be the start of the end marker.
                    let keep = self.buf.len().min(PASTE_END.len() - 1);
                    let take = self.buf.len() - keep;
                    let room = MAX_PASTE.saturating_sub(paste.len());
                    paste.extend_from_slice(&self.buf[..take.min(room)]);
                    self.buf.drain(..take);
                    return;
                };
                let room = MAX_PASTE.saturating_sub(paste.len());
                paste.extend_from_slice(&self.buf[..end.min(room)]);
                self.buf.drain(..end + PASTE_END.len());
                if let Some(paste) = self.paste.take() {
                    paste_event(paste, out);
                }
                continue;
            }
            if self.buf.is_empty() {
                return;
            }
            match step(&self.buf) {
                Step::Done(event, used) => {
                    out.extend(event);
                    self.buf.drain(..used);
                }
                Step::PasteStart(used) => {
                    self.buf.drain(..used);
                    self.paste = Some(Vec::new());
                }
                Step::More => return,
            }
        }
    }
}

fn paste_event(bytes: Vec<u8>, out: &mut Vec<Event>) {
    let text = String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    if !text.is_empty() {
        out.push(Event::Paste(text));
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

fn key(code: KeyCode, mods: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, mods))
}

fn step(buf: &[u8]) -> Step {
    let plain = |code, used| Step::Done(Some(key(code, KeyModifiers::NONE)), used);
    match buf[0] {
        0x1b => escape(buf),
        // In raw mode Enter sends \r; \n is Ctrl-j (the note editor's line
        // break), as crossterm reads it too.
        b'\r' => plain(KeyCode::Enter, 1),
        b'\t' => plain(KeyCode::Tab, 1),
        0x7f | 0x08 => plain(KeyCode::Backspace, 1),
        0x00 => Step::Done(Some(key(KeyCode::Char(' '), KeyModifiers::CONTROL)), 1),
        b @ 0x01..=0x1a => {
            let c = char::from(b - 1 + b'a');
            Step::Done(Some(key(KeyCode::Char(c), KeyModifiers::CONTROL)), 1)
        }
        0x1c..=0x1f => Step::Done(None, 1),
        _ => match utf8_char(buf) {
            Some(Ok((c, used))) => plain(KeyCode::Char(c), used),
            Some(Err(used)) => Step::Done(None, used),
            None => Step::More,
        },
    }
}

/// The character at the front: Some(Ok) whole, Some(Err(n)) n bad bytes to
/// skip, None cut off.
fn utf8_char(buf: &[u8]) -> Option<Result<(char, usize), usize>> {
    let len = match buf[0] {
        0x00..=0x7f => 1,
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => return Some(Err(1)),
    };
    if buf.len() < len {
        // A continuation byte out of place is bad now, not later.
        return if buf[1..].iter().all(|b| b & 0xc0 == 0x80) {
            None
        } else {
            Some(Err(1))
        };
    }
    match std::str::from_utf8(&buf[..len]) {
        Ok(s) => s.chars().next().map(|c| Ok((c, len))),
        Err(_) => Some(Err(1)),
    }
}

fn escape(buf: &[u8]) -> Step {
    let Some(&second) = buf.get(1) else {
        return Step::More;
    };
    match second {
        b'[' => csi(buf),
        b'O' => match buf.get(2) {
            None => Step::More,
            Some(&c) => {
                let code = match c {
                    b'P'..=b'S' => Some(KeyCode::F(c - b'P' + 1)),
                    c => cursor_key(c),
                };
                Step::Done(code.map(|c| key(c, KeyModifiers::NONE)), 3)
            }
        },
        0x1b => Step::Done(Some(key(KeyCode::Esc, KeyModifiers::NONE)), 1),
        // Alt with Enter, Tab or Backspace: the key, not a character.
        b'\r' => Step::Done(Some(key(KeyCode::Enter, KeyModifiers::ALT)), 2),
        b'\t' => Step::Done(Some(key(KeyCode::Tab, KeyModifiers::ALT)), 2),
        0x7f => Step::Done(Some(key(KeyCode::Backspace, KeyModifiers::ALT)), 2),
        _ => match utf8_char(&buf[1..]) {
            Some(Ok((c, used))) => {
                Step::Done(Some(key(KeyCode::Char(c), KeyModifiers::ALT)), 1 + used)
            }
            Some(Err(used)) => Step::Done(None, 1 + used),
            None => Step::More,
        },
    }
}

/// `ESC [` params final: cursor keys, editing keys, SGR mouse, paste start.
fn csi(buf: &[u8]) -> Step {
    if buf.starts_with(PASTE_START) {
        return Step::PasteStart(PASTE_START.len());
    }
    let Some(end) = buf[2..].iter().position(|b| (0x40..=0x7e).contains(b)) else {
        return if buf.len() > MAX_CSI {
            Step::Done(None, buf.len())
        } else {
            Step::More
        };
    };
    let end = end + 2;
    let params = &buf[2..end];
    let used = end + 1;
    if buf[end] == b'M' && params.is_empty() {
        // Old-style mouse report: three more bytes, which we do not use.
        return if buf.len() >= used + 3 {
            Step::Done(None, used + 3)
        } else {
            Step::More
        };
    }
    let text = String::from_utf8_lossy(params);
    if let Some(sgr) = text.strip_prefix('<') {
        return Step::Done(mouse(sgr, buf[end] == b'M'), used);
    }
    let numbers: Vec<u16> = text.split(';').map(|n| n.parse().unwrap_or(0)).collect();
    let mods = modifiers(numbers.get(1).copied().unwrap_or(1));
    let code = match buf[end] {
        b'Z' => return Step::Done(Some(key(KeyCode::BackTab, KeyModifiers::SHIFT)), used),
        b'~' => match numbers.first().copied().unwrap_or(0) {
            1 | 7 => Some(KeyCode::Home),
            2 => Some(KeyCode::Insert),
            3 => Some(KeyCode::Delete),
            4 | 8 => Some(KeyCode::End),
            5 => Some(KeyCode::PageUp),
            6 => Some(KeyCode::PageDown),
            _ => None,
        },
        c => cursor_key(c),
    };
    Step::Done(code.map(|c| key(c, mods)), used)
}

/// The final byte of an arrow, Home or End key, in CSI and SS3 alike.
fn cursor_key(final_byte: u8) -> Option<KeyCode> {
    match final_byte {
        b'A' => Some(KeyCode::Up),
        b'B' => Some(KeyCode::Down),
        b'C' => Some(KeyCode::Right),
        b'D' => Some(KeyCode::Left),
        b'H' => Some(KeyCode::Home),
        b'F' => Some(KeyCode::End),
        _ => None,
    }
}

/// The modifier parameter of a CSI key: 1 + shift 1, alt 2, ctrl 4.
fn modifiers(n: u16) -> KeyModifiers {
    let bits = n.saturating_sub(1);
    let mut mods = KeyModifiers::NONE;
    for (bit, m) in [
        (1, KeyModifiers::SHIFT),
        (2, KeyModifiers::ALT),
        (4, KeyModifiers::CONTROL),
    ] {
        if bits & bit != 0 {
            mods |= m;
        }
    }
    mods
}

/// An SGR mouse report `b;x;y` (`M` a press or motion, `m` a release):
/// presses, drags (motion with a button held, bit 32), releases and the
/// wheel; motion with no button held is not used.
fn mouse(sgr: &str, press: bool) -> Option<Event> {
    let mut parts = sgr.split(';').map(|n| n.parse::<u16>().ok());
    let (b, x, y) = (parts.next()??, parts.next()??, parts.next()??);
    let button = |n: u16| match n & 0b11 {
        0 => Some(MouseButton::Left),
        1 => Some(MouseButton::Middle),
        2 => Some(MouseButton::Right),
        _ => None,
    };
    let kind = match b & !0b1_1100 {
        64 => MouseEventKind::ScrollUp,
        65 => MouseEventKind::ScrollDown,
        n @ 0..=2 if press => MouseEventKind::Down(button(n)?),
        n @ 0..=2 => MouseEventKind::Up(button(n)?),
        n @ 32..=34 => MouseEventKind::Drag(button(n)?),
        _ => return None,
    };
    Some(Event::Mouse(MouseEvent {
        kind,
        column: x.saturating_sub(1),
        row: y.saturating_sub(1),
        modifiers: KeyModifiers::NONE,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(chunks: &[&[u8]]) -> Vec<Event> {
        let mut parser = Parser::default();
        let mut out = Vec::new();
        for chunk in chunks {
            parser.feed(chunk, &mut out);
        }
        out
    }

    fn k(c: char) -> Event {
        key(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn keys_arrows_and_control_letters() {
        assert_eq!(
            parse(&[b"q\x1b[A\x1b[1;5C\x03\x1b[5~\r"]),
            [
                k('q'),
                key(KeyCode::Up, KeyModifiers::NONE),
                key(KeyCode::Right, KeyModifiers::CONTROL),
                key(KeyCode::Char('c'), KeyModifiers::CONTROL),
                key(KeyCode::PageUp, KeyModifiers::NONE),
                key(KeyCode::Enter, KeyModifiers::NONE),
            ]
        );
    }

    #[test]
    fn enter_ctrl_j_and_alt_enter_are_three_keys() {
        assert_eq!(
            parse(&[b"\r\n\x1b\r\x1b\x7f"]),
            [
                key(KeyCode::Enter, KeyModifiers::NONE),
                key(KeyCode::Char('j'), KeyModifiers::CONTROL),
                key(KeyCode::Enter, KeyModifiers::ALT),
                key(KeyCode::Backspace, KeyModifiers::ALT),
            ]
        );
    }

    #[test]
    fn a_character_cut_between_reads_arrives_whole() {
        let bytes = "宁波".as_bytes();
        assert_eq!(
            parse(&[&bytes[..2], &bytes[2..4], &bytes[4..]]),
            [k('宁'), k('波')]
        );
    }

    #[test]
    fn a_lone_escape_is_esc_after_the_timeout() {
        let mut parser = Parser::default();
        let mut out = Vec::new();
        parser.feed(b"\x1b", &mut out);
        assert!(out.is_empty());
        assert_eq!(parser.wait(), Some(SEQUENCE_TIMEOUT));
        parser.timeout(&mut out);
        assert_eq!(out, [key(KeyCode::Esc, KeyModifiers::NONE)]);
        assert_eq!(parser.wait(), None);
    }

    #[test]
    fn a_paste_is_one_event_even_in_pieces() {
        let text = "宁波".repeat(600) + "END";
        let all = [PASTE_START, text.as_bytes(), PASTE_END, b"q"].concat();
        let chunks: Vec<&[u8]> = all.chunks(1000).collect();
        assert_eq!(parse(&chunks), [Event::Paste(text), k('q')]);
    }

    #[test]
    fn a_stray_paste_start_gives_up_and_keys_work_again() {
        let mut parser = Parser::default();
        let mut out = Vec::new();
        parser.feed(b"\x1b[200~", &mut out);
        assert_eq!(parser.wait(), Some(PASTE_TIMEOUT));
        parser.timeout(&mut out);
        assert!(out.is_empty());
        parser.feed(b"q", &mut out);
        assert_eq!(out, [k('q')]);
    }

    #[test]
    fn the_mouse_in_sgr_reports() {
        let at = |kind, column, row| {
            Event::Mouse(MouseEvent {
                kind,
                column,
                row,
                modifiers: KeyModifiers::NONE,
            })
        };
        // A press, a drag with the button held (motion, bit 32), its
        // release, the wheel; motion with no button held is dropped.
        assert_eq!(
            parse(&[b"\x1b[<0;5;4M\x1b[<32;9;4M\x1b[<0;9;4m\x1b[<35;9;5M\x1b[<65;60;10M"]),
            [
                at(MouseEventKind::Down(MouseButton::Left), 4, 3),
                at(MouseEventKind::Drag(MouseButton::Left), 8, 3),
                at(MouseEventKind::Up(MouseButton::Left), 8, 3),
                at(MouseEventKind::ScrollDown, 59, 9),
            ]
        );
    }

    #[test]
    fn junk_is_skipped_not_stuck_on() {
        let junk = [b"\x1b[".as_slice(), &[b'1'; 100], b"q"].concat();
        assert_eq!(parse(&[&junk, b"j"]), [k('j')]);
        assert_eq!(parse(&[b"\xff\xfeq"]), [k('q')]);
    }
}
