//! The shown event's sources: choosing one, opening it in a browser, and
//! copying what a reader cites (a citation, a quote with its source, the
//! event as Markdown, the command line that reopens this view).
//!
//! `update` only records what is wanted as an [`Effect`]; the terminal
//! loop does it, so tests see the effect without a browser or clipboard.

pub use super::effect::{CopyItem, CopyMenu, Effect};
use super::input::Action;
use super::mode::Mode;
use super::state::App;
use std::io::Write;

/// Larger texts are refused: terminals drop long OSC 52 sequences.
pub const MAX_COPY_BYTES: usize = 64 * 1024;

impl App {
    /// Moves the source selection, wrapping, and brings it into view.
    pub(super) fn step_source(&mut self, step: isize) {
        let Some(e) = self.selected_event() else { return };
        let n = e.sources.len();
        if n == 0 {
            return;
        }
        let next = (self.detail.source as isize + step).rem_euclid(n as isize) as usize;
        self.select_source(next);
    }

    /// Selects the shown event's `i`-th source (from 0) and scrolls its
    /// quote into view: where a citation marker leads.
    pub(super) fn select_source(&mut self, next: usize) {
        let Some(e) = self.selected_event() else { return };
        let n = e.sources.len();
        if next >= n {
            return;
        }
        let publisher = self
            .timeline
            .source(&e.sources[next].source)
            .map(|s| s.publisher.clone())
            .unwrap_or_default();
        self.detail.source = next;
        self.relayout_detail();
        let height = self.regions().detail.map_or(0, |r| r.height.saturating_sub(2));
        self.detail.reveal_source(height);
        self.status.message = Some(format!("source {} of {n}: {publisher}", next + 1));
    }

    /// The selected source of the shown event, and its number (1-based).
    fn selected_source(&self) -> Option<(usize, &crate::timeline::model::Citation)> {
        let e = self.selected_event()?;
        let i = self.detail.source.min(e.sources.len().checked_sub(1)?);
        Some((i + 1, &e.sources[i]))
    }

    pub(super) fn open_source(&mut self) {
        let Some((n, c)) = self.selected_source() else {
            self.status.message = Some("no event selected".into());
            return;
        };
        let url = self
            .timeline
            .source(&c.source)
            .and_then(|s| s.url.as_deref())
            .and_then(crate::interop::html::web_url);
        match url {
            Some(url) => self.effects.push(Effect::Open(url)),
            None => {
                self.status.message = Some(format!("source {n} has no web address to open"));
            }
        }
    }

    pub(super) fn open_copy_menu(&mut self) {
        let Some(position) = self.selected_position() else {
            self.status.message = Some("no event selected".into());
            return;
        };
        let mut items = Vec::new();
        if let Some((n, c)) = self.selected_source() {
            if let Some(s) = self.timeline.source(&c.source) {
                items.push(CopyItem {
                    what: format!("the citation of source {n}"),
                    text: crate::interop::citations::plain(s),
                });
                items.push(CopyItem {
                    what: format!("quote {n} with its source"),
                    text: crate::interop::citations::quote_with_source(&c.quoted(), s),
                });
            }
        }
        items.push(CopyItem {
            what: "the event as Markdown".into(),
            text: crate::interop::markdown::event(&self.timeline, position),
        });
        items.push(CopyItem {
            what: "the command line that reopens this view".into(),
            text: self.reopen_command(),
        });
        self.mode = Mode::Copy(CopyMenu { items, cursor: 0 });
    }

    /// `tipline [--data FILE]... --goto ID [-- QUERY]`, quoted for a POSIX shell.
    pub fn reopen_command(&self) -> String {
        let mut args: Vec<String> = vec!["tipline".into()];
        for f in &self.settings.data_files {
            args.push("--data".into());
            args.push(f.to_string_lossy().into_owned());
        }
        if let Some(e) = self.selected_event() {
            args.push("--goto".into());
            args.push(e.id.clone());
        }
        if !self.query.is_empty() {
            // After `--`, a query starting with `-` (a negation) is not a flag.
            args.push("--".into());
            args.push(self.query.to_string());
        }
        args.iter().map(|a| shell_word(a)).collect::<Vec<_>>().join(" ")
    }

    pub(super) fn copy_menu(&mut self, mut menu: CopyMenu, action: Action) -> Mode {
        let last = menu.items.len().saturating_sub(1);
        match action {
            Action::Up => menu.cursor = menu.cursor.saturating_sub(1),
            Action::Down => menu.cursor = (menu.cursor + 1).min(last),
            Action::Accept => {
                self.copy(&menu, menu.cursor);
                return Mode::Browse;
            }
            Action::Cancel => return Mode::Browse,
            _ => {}
        }
        Mode::Copy(menu)
    }

    /// A digit typed in the copy menu copies that item at once.
    pub(super) fn copy_typed(&mut self, c: char) {
        let Mode::Copy(menu) = &self.mode else { return };
        let Some(i) = c.to_digit(10).and_then(|d| (d as usize).checked_sub(1)) else {
            return;
        };
        if i < menu.items.len() {
            let menu = menu.clone();
            self.copy(&menu, i);
            self.mode = Mode::Browse;
        }
    }

    fn copy(&mut self, menu: &CopyMenu, i: usize) {
        let Some(item) = menu.items.get(i) else { return };
        if item.text.len() > MAX_COPY_BYTES {
            self.status.message = Some(format!("{} is too long to copy", item.what));
            return;
        }
        self.effects.push(Effect::Copy {
            what: item.what.clone(),
            text: item.text.clone(),
        });
    }
}

/// Does what `update` asked for, and says how it went, for the status line
/// (through [`Msg::Notice`](super::Msg::Notice)). Browsers start detached,
/// with no access to the terminal.
pub fn perform(effect: Effect) -> String {
    {
        match effect {
            // The loop that owns the terminal suspends; elsewhere there is
            // no job control to hand it to.
            Effect::Suspend => "suspending needs a terminal with job control".into(),
            Effect::Open(url) => match open_in_browser(&url) {
                Ok(program) => format!("opening the source with {program}"),
                Err(why) => why,
            },
            Effect::Copy { what, text } => {
                let mut out = std::io::stdout();
                let sent = out
                    .write_all(osc52(&clipboard_text(&text)).as_bytes())
                    .and_then(|_| out.flush())
                    .is_ok();
                let tmux = std::env::var_os("TMUX").is_some() && copy_to_tmux(&text);
                match (sent, tmux) {
                    (_, true) => format!("copied {what} (tmux buffer and clipboard)"),
                    (true, false) => {
                        format!("copied {what} (where the terminal lets programs set the clipboard)")
                    }
                    (false, false) => format!("could not copy {what}"),
                }
            }
        }
    }
}

/// Text as the platform's clipboard keeps it: on Windows each line ends in
/// CR LF, without which Notepad and older programs paste one long line.
pub fn clipboard_text(text: &str) -> std::borrow::Cow<'_, str> {
    if cfg!(windows) {
        std::borrow::Cow::Owned(crlf(text))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// `text` with every line break a CR LF, those already CR LF kept as they are.
pub fn crlf(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut after_cr = false;
    for c in text.chars() {
        if c == '\n' && !after_cr {
            out.push('\r');
        }
        after_cr = c == '\r';
        out.push(c);
    }
    out
}

/// OSC 52: set the clipboard to `text`, base64-encoded, ended by ST.
pub fn osc52(text: &str) -> String {
    use base64::Engine;
    let encoded = base64::engine::general_purpose::STANDARD.encode(text.as_bytes());
    format!("\x1b]52;c;{encoded}\x1b\\")
}

/// Inside tmux, OSC 52 from a program is dropped unless tmux is set to
/// allow it; `tmux load-buffer -w` fills tmux's buffer and passes the text
/// on to the outer terminal's clipboard itself.
fn copy_to_tmux(text: &str) -> bool {
    use std::process::{Command, Stdio};
    let Ok(mut child) = Command::new("tmux")
        .args(["load-buffer", "-w", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
    else {
        return false;
    };
    let wrote = child
        .stdin
        .take()
        .is_some_and(|mut stdin| stdin.write_all(text.as_bytes()).is_ok());
    wrote && child.wait().is_ok_and(|s| s.success())
}

/// The program and arguments that open `url`: `$BROWSER` (split as a shell
/// would; the first of a `:`-separated list; `%s` replaced by the address,
/// else the address appended), else the platform's opener.
pub fn browser_command(url: &str, browser: Option<&str>) -> Vec<String> {
    let from_env = browser
        .and_then(|b| b.split(':').map(str::trim).find(|b| !b.is_empty()))
        .and_then(shlex::split)
        .filter(|words| !words.is_empty());
    match from_env {
        Some(mut words) => {
            let url = &inert_in_a_shell(url);
            if words.iter().any(|w| w.contains("%s")) {
                for w in &mut words {
                    *w = w.replace("%s", url);
                }
            } else {
                words.push(url.to_string());
            }
            words
        }
        // Windows and macOS open through the system's own handler (see
        // `open_in_browser`); this is the freedesktop opener.
        None => vec!["xdg-open".into(), url.into()],
    }
}

/// `url` with every character a shell treats specially percent-encoded.
/// `$BROWSER` is often a script or `sh -c '... %s'`, which would read an
/// address holding `$(...)`, `;` or `&` as commands; a browser reads the
/// encoded address as the same page.
pub fn inert_in_a_shell(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        if c.is_ascii_alphanumeric() || "-._~:/?#[]@+,=%".contains(c) {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// Opens `url` with `$BROWSER` when it is set; else on Windows and macOS
/// with the system's handler for web addresses, elsewhere with xdg-open.
fn open_in_browser(url: &str) -> Result<String, String> {
    let browser = std::env::var("BROWSER").ok().filter(|b| !b.trim().is_empty());
    #[cfg(any(windows, target_os = "macos"))]
    if browser.is_none() {
        return open_with_system(url);
    }
    open_with(url, browser.as_deref())
}

/// The system's browser, through `opener`: ShellExecuteW on Windows, which
/// fails when no program is registered for web addresses, and `open` on
/// macOS, whose exit status says whether Launch Services took the address.
#[cfg(any(windows, target_os = "macos"))]
fn open_with_system(url: &str) -> Result<String, String> {
    match opener::open(url) {
        Ok(()) => Ok("the system's browser".into()),
        Err(e) => Err(format!(
            "no browser opened the source ({}); press c to copy its address",
            crate::text::sanitize_line(&e.to_string())
        )),
    }
}

/// Opens `url` with `browser` (as `$BROWSER` gives it) or the platform's
/// opener: the program's name, or why nothing opened.
pub fn open_with(url: &str, browser: Option<&str>) -> Result<String, String> {
    use std::process::{Command, Stdio};
    let words = browser_command(url, browser);
    let (program, args) = words.split_first().ok_or("no browser to open the source with")?;
    let child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|_| format!("could not start {program}; set BROWSER to your browser"))?;
    // Openers such as xdg-open hand the address to a browser and end at
    // once, failing when there is none: a short wait tells a reader that
    // nothing opened, rather than saying it did. A browser that keeps
    // running is left to run, and reaped when it ends.
    let mut child = child;
    let deadline = std::time::Instant::now() + OPENER_WAIT;
    loop {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => return Ok(program.clone()),
            Ok(Some(status)) => {
                return Err(format!(
                    "no browser opened the source ({program} ended with {}); press c to copy its address",
                    status
                        .code()
                        .map_or("a signal".to_string(), |c| format!("status {c}"))
                ))
            }
            Ok(None) if std::time::Instant::now() < deadline => {
                std::thread::sleep(std::time::Duration::from_millis(20))
            }
            _ => break,
        }
    }
    std::thread::spawn(move || {
        let _ = child.wait();
    });
    Ok(program.clone())
}

/// How long `o` waits to learn whether the opener found a browser.
const OPENER_WAIT: std::time::Duration = std::time::Duration::from_millis(1500);

/// One argument quoted for a POSIX shell. Control characters (a file name
/// can hold ESC, Ctrl-U or CR) are written as `$'\x1b'` escapes: pasted raw,
/// they could end bracketed paste, erase the line and run what follows.
/// So is anything else the text policy would not show as it is (a bidi
/// override, an invisible separator), as the command is shown on screen.
pub fn shell_word(arg: &str) -> String {
    if !arg.chars().any(|c| c.is_control() || !shown_as_is(c)) {
        return shlex::try_quote(arg).map_or_else(|_| String::from("''"), |q| q.into_owned());
    }
    let mut quoted = String::from("$'");
    for c in arg.chars() {
        match c {
            '\\' => quoted.push_str("\\\\"),
            '\'' => quoted.push_str("\\'"),
            c if (c as u32) < 0x80 && c.is_control() => quoted.push_str(&format!("\\x{:02x}", c as u32)),
            c if c.is_control() || !shown_as_is(c) => match u16::try_from(c as u32) {
                Ok(n) => quoted.push_str(&format!("\\u{n:04x}")),
                Err(_) => quoted.push_str(&format!("\\U{:08x}", c as u32)),
            },
            c => quoted.push(c),
        }
    }
    quoted.push('\'');
    quoted
}

/// Whether the text policy shows a character as it is.
fn shown_as_is(c: char) -> bool {
    let mut buf = [0; 4];
    let one = c.encode_utf8(&mut buf);
    crate::text::sanitize_line(one) == *one
}
