//! The only place that writes to stdout and stderr.
//!
//! Commands hand a report to [`Output::emit`]; it renders text for people or
//! one JSON document for machines. Errors are rendered by
//! [`Output::error`]: one line `<prog>: error: <what>: <cause>…` in text mode,
//! a JSON object on stderr in JSON mode.
//!
//! Guarantees:
//! - In JSON mode stdout carries only the document; logs and errors go to stderr.
//! - Colour follows `--color`, then `CLICOLOR_FORCE`/`FORCE_COLOR`, `NO_COLOR`
//!   (non-empty), `CLICOLOR=0`, `TERM=dumb`, and whether the stream is a terminal.
//! - Progress bars may be drawn only when [`Output::progress_allowed`] says
//!   so: stderr is a terminal, text mode, not quiet, not under `CI`.
//! - A closed pipe (`omni … | head`) surfaces as a broken-pipe [`Failure`]
//!   that `main` turns into a quiet exit 0.

use std::io::{self, IsTerminal, Write};
use std::sync::Mutex;

use serde::Serialize;

use crate::runtime::config::Env;
use crate::runtime::error::{Exit, Failure};

/// `--format`: how reports are rendered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Aligned text for people.
    Text,
    /// One JSON document.
    Json,
    /// JUnit XML, for reports that are test-like results (task runs,
    /// experiments); other reports refuse it (exit 2). Errors and
    /// diagnostics stay text.
    Junit,
    /// Markdown, for reports meant for a pull request or a wiki (fault
    /// and experiment reports); others refuse it (exit 2).
    Markdown,
    /// One JSON document per line, for reports that are lists (ledger
    /// queries); others refuse it (exit 2).
    Jsonl,
    /// A form one command defines (a blocklist as `nftables`, `ipset`,
    /// `iptables` or `plain` lines); every other command refuses it (exit 2).
    Named(Named),
}

/// The command-specific forms of [`Format::Named`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Named {
    Plain,
    Nftables,
    Ipset,
    Iptables,
}

impl Named {
    pub fn as_str(self) -> &'static str {
        match self {
            Named::Plain => "plain",
            Named::Nftables => "nftables",
            Named::Ipset => "ipset",
            Named::Iptables => "iptables",
        }
    }
}

impl Format {
    /// The words `--format` accepts.
    pub const WORDS: &'static [&'static str] = &[
        "text", "table", "json", "jsonl", "junit", "markdown", "plain", "nftables", "ipset",
        "iptables",
    ];

    /// Parses a validated word.
    pub fn from_word(word: &str) -> Format {
        match word {
            "json" => Format::Json,
            "junit" => Format::Junit,
            "markdown" => Format::Markdown,
            "jsonl" => Format::Jsonl,
            "plain" => Format::Named(Named::Plain),
            "nftables" => Format::Named(Named::Nftables),
            "ipset" => Format::Named(Named::Ipset),
            "iptables" => Format::Named(Named::Iptables),
            _ => Format::Text,
        }
    }
}

/// `--color`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// The words `--color` accepts.
    pub const WORDS: &'static [&'static str] = &["auto", "always", "never"];

    /// Parses a validated word.
    pub fn from_word(word: &str) -> ColorChoice {
        match word {
            "always" => ColorChoice::Always,
            "never" => ColorChoice::Never,
            _ => ColorChoice::Auto,
        }
    }

    /// Decides whether to colour a stream, by the rules in the module doc.
    pub fn resolve(self, env: &Env, is_terminal: bool) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                let forced = |name| env.get(name).is_some_and(|v| v != "0");
                if forced("CLICOLOR_FORCE") || forced("FORCE_COLOR") {
                    return true;
                }
                if env.is_set("NO_COLOR") || env.get("CLICOLOR") == Some("0") {
                    return false;
                }
                if env.get("TERM") == Some("dumb") {
                    return false;
                }
                is_terminal
            }
        }
    }
}

/// Where output goes: the real stdout/stderr, or buffers in tests.
pub struct Streams {
    /// Standard output.
    pub out: Box<dyn Write + Send>,
    /// Standard error.
    pub err: Box<dyn Write + Send>,
    /// True when stdout is a terminal.
    pub out_tty: bool,
    /// True when stderr is a terminal.
    pub err_tty: bool,
}

impl Streams {
    /// The process's real streams.
    pub fn stdio() -> Streams {
        Streams {
            out_tty: io::stdout().is_terminal(),
            err_tty: io::stderr().is_terminal(),
            out: Box::new(io::stdout()),
            err: Box::new(io::stderr()),
        }
    }
}

/// Styling helpers for text reports; no-ops when colour is off.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    color: bool,
}

impl Style {
    /// A style that colours when `color` is true.
    pub fn new(color: bool) -> Style {
        Style { color }
    }

    fn paint(self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    /// Bold.
    pub fn bold(self, text: &str) -> String {
        self.paint("1", text)
    }

    /// Dimmed, for secondary detail.
    pub fn dim(self, text: &str) -> String {
        self.paint("2", text)
    }

    /// Red, for failures.
    pub fn bad(self, text: &str) -> String {
        self.paint("31", text)
    }

    /// Green, for success.
    pub fn good(self, text: &str) -> String {
        self.paint("32", text)
    }
}

/// A report a command hands to [`Output::emit`].
pub trait Render: Serialize {
    /// Writes the human form.
    fn text(&self, w: &mut dyn Write, style: Style) -> io::Result<()>;

    /// The JUnit XML form, for reports that have one.
    fn junit(&self) -> Option<String> {
        None
    }

    /// The Markdown form, for reports that have one.
    fn markdown(&self) -> Option<String> {
        None
    }

    /// The JSON-lines form (one document per line), for lists.
    fn jsonl(&self) -> Option<String> {
        None
    }

    /// A command's own form ([`Format::Named`]).
    fn named(&self, _form: Named) -> Option<String> {
        None
    }
}

/// Rendering decisions plus the streams, shared by one invocation.
pub struct Output {
    format: Format,
    quiet: bool,
    verbose: u8,
    color_out: bool,
    color_err: bool,
    progress: bool,
    out_tty: bool,
    err_tty: bool,
    out: Mutex<Box<dyn Write + Send>>,
    err: Mutex<Box<dyn Write + Send>>,
}

/// Everything [`Output::new`] decides from.
pub struct OutputSettings {
    pub format: Format,
    pub color: ColorChoice,
    pub quiet: bool,
    pub verbose: u8,
}

impl Output {
    /// Builds the output for one invocation.
    pub fn new(settings: &OutputSettings, env: &Env, streams: Streams) -> Output {
        let ci = env.get("CI").is_some_and(|v| v != "false" && v != "0");
        Output {
            format: settings.format,
            quiet: settings.quiet,
            verbose: settings.verbose,
            color_out: settings.color.resolve(env, streams.out_tty),
            color_err: settings.color.resolve(env, streams.err_tty),
            progress: streams.err_tty && settings.format == Format::Text && !settings.quiet && !ci,
            out_tty: streams.out_tty,
            err_tty: streams.err_tty,
            out: Mutex::new(streams.out),
            err: Mutex::new(streams.err),
        }
    }

    /// The same streams under new settings (once configuration is loaded).
    pub fn reconfigure(self, settings: &OutputSettings, env: &Env) -> Output {
        let streams = Streams {
            out_tty: self.out_tty,
            err_tty: self.err_tty,
            out: self.out.into_inner().unwrap_or_else(|p| p.into_inner()),
            err: self.err.into_inner().unwrap_or_else(|p| p.into_inner()),
        };
        Output::new(settings, env, streams)
    }

    /// The report format.
    pub fn format(&self) -> Format {
        self.format
    }

    /// `-q`: suppress informational messages.
    pub fn quiet(&self) -> bool {
        self.quiet
    }

    /// `-v` count.
    pub fn verbose(&self) -> u8 {
        self.verbose
    }

    /// Whether a progress bar may be drawn on stderr.
    pub fn progress_allowed(&self) -> bool {
        self.progress
    }

    /// Whether stderr output is coloured.
    pub fn color_err(&self) -> bool {
        self.color_err
    }

    /// Renders a report to stdout in the chosen format.
    pub fn emit<R: Render + ?Sized>(&self, report: &R) -> Result<(), Failure> {
        let mut out = self.out.lock().unwrap_or_else(|p| p.into_inner());
        // NB: buffered, so a large report is a few writes, not one per
        // token or line (stdout is unbuffered underneath).
        let mut buf = io::BufWriter::with_capacity(64 * 1024, &mut *out);
        let result = match self.format {
            Format::Json => serde_json::to_writer_pretty(&mut buf, report)
                .map_err(io::Error::from)
                .and_then(|()| buf.write_all(b"\n")),
            Format::Text => report.text(&mut buf, Style::new(self.color_out)),
            Format::Junit => match report.junit() {
                Some(xml) => buf.write_all(xml.as_bytes()),
                None => {
                    return Err(Failure::new(
                        Exit::Usage,
                        "--format junit is not available for this command (use text or json)",
                    ));
                }
            },
            Format::Markdown => match report.markdown() {
                Some(md) => buf.write_all(md.as_bytes()),
                None => {
                    return Err(Failure::new(
                        Exit::Usage,
                        "--format markdown is not available for this command (use text or json)",
                    ));
                }
            },
            Format::Jsonl => match report.jsonl() {
                Some(lines) => buf.write_all(lines.as_bytes()),
                None => {
                    return Err(Failure::new(
                        Exit::Usage,
                        "--format jsonl is not available for this command (use text or json)",
                    ));
                }
            },
            Format::Named(word) => match report.named(word) {
                Some(text) => buf.write_all(text.as_bytes()),
                None => {
                    return Err(Failure::new(
                        Exit::Usage,
                        format!(
                            "--format {} is not available for this command (use text or json)",
                            word.as_str()
                        ),
                    ));
                }
            },
        };
        result
            .and_then(|()| buf.flush())
            .map_err(|e| Failure::io("writing to stdout", e))
    }

    /// Writes raw bytes to stdout (generated completions, man pages).
    pub fn raw(&self, bytes: &[u8]) -> Result<(), Failure> {
        let mut out = self.out.lock().unwrap_or_else(|p| p.into_inner());
        out.write_all(bytes)
            .and_then(|()| out.flush())
            .map_err(|e| Failure::io("writing to stdout", e))
    }

    /// An informational line on stderr (suppressed by `-q` and in JSON mode).
    pub fn note(&self, prog: &str, message: &str) {
        if self.quiet || self.format != Format::Text {
            return;
        }
        let mut err = self.err.lock().unwrap_or_else(|p| p.into_inner());
        // NB: a failure to write a note must not turn success into failure.
        let _ = writeln!(err, "{prog}: {message}");
    }

    /// Writes a block to stderr verbatim (clap's usage errors, `--stats`).
    pub fn raw_err(&self, text: &str) {
        let mut err = self.err.lock().unwrap_or_else(|p| p.into_inner());
        let _ = err.write_all(text.as_bytes());
        let _ = err.flush();
    }

    /// Renders a report to stderr (`--stats`), in the chosen format.
    pub fn emit_err<R: Render + ?Sized>(&self, report: &R) {
        let mut err = self.err.lock().unwrap_or_else(|p| p.into_inner());
        let _ = match self.format {
            Format::Json | Format::Jsonl => serde_json::to_writer(&mut *err, report)
                .map_err(io::Error::from)
                .and_then(|()| err.write_all(b"\n")),
            Format::Text | Format::Junit | Format::Markdown | Format::Named(_) => {
                report.text(&mut *err, Style::new(self.color_err))
            }
        };
    }

    /// Prints an error the way every omni error looks.
    pub fn error(&self, prog: &str, system: Option<&str>, failure: &Failure) {
        let mut err = self.err.lock().unwrap_or_else(|p| p.into_inner());
        let _ = write_error(
            &mut *err,
            self.format,
            self.color_err,
            prog,
            system,
            failure,
        );
    }
}

/// Renders an error: text `<prog>: error: a: b`, or a JSON object.
pub fn write_error(
    w: &mut dyn Write,
    format: Format,
    color: bool,
    prog: &str,
    system: Option<&str>,
    failure: &Failure,
) -> io::Result<()> {
    let chain = failure.chain();
    match format {
        Format::Json | Format::Jsonl => {
            let doc = serde_json::json!({
                "error": {
                    "kind": failure.exit().kind(),
                    "code": failure.exit().code(),
                    "message": chain.join(": "),
                    "causes": chain,
                    "system": system,
                }
            });
            writeln!(w, "{doc}")
        }
        Format::Text | Format::Junit | Format::Markdown | Format::Named(_) => {
            let label = Style::new(color).bad("error:");
            writeln!(w, "{prog}: {label} {}", chain.join(": "))
        }
    }
}

/// Text rendering for a list of `(label, value)` rows, aligned.
pub fn write_rows(w: &mut dyn Write, rows: &[(String, String)]) -> io::Result<()> {
    let width = rows
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0);
    for (k, v) in rows {
        writeln!(w, "{k:width$}  {v}")?;
    }
    Ok(())
}

/// An exit code alone is a valid report outcome; this keeps signatures short.
pub type Outcome = Result<Exit, Failure>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn color_rules_follow_the_conventions() {
        let env = |pairs: &[(&str, &str)]| Env::from_pairs(pairs.iter().copied());
        assert!(ColorChoice::Auto.resolve(&env(&[]), true));
        assert!(!ColorChoice::Auto.resolve(&env(&[]), false));
        assert!(!ColorChoice::Auto.resolve(&env(&[("NO_COLOR", "1")]), true));
        // An empty NO_COLOR does not count.
        assert!(ColorChoice::Auto.resolve(&env(&[("NO_COLOR", "")]), true));
        assert!(!ColorChoice::Auto.resolve(&env(&[("TERM", "dumb")]), true));
        assert!(
            ColorChoice::Auto.resolve(&env(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]), false)
        );
        assert!(!ColorChoice::Never.resolve(&env(&[("CLICOLOR_FORCE", "1")]), true));
        assert!(ColorChoice::Always.resolve(&env(&[("NO_COLOR", "1")]), false));
    }

    #[test]
    fn progress_only_on_an_attended_terminal_in_text_mode() {
        let streams = |err_tty| Streams {
            out: Box::new(Vec::new()),
            err: Box::new(Vec::new()),
            out_tty: true,
            err_tty,
        };
        let settings = |format, quiet| OutputSettings {
            format,
            color: ColorChoice::Auto,
            quiet,
            verbose: 0,
        };
        let none = Env::default();
        let ci = Env::from_pairs([("CI", "true")]);
        assert!(
            Output::new(&settings(Format::Text, false), &none, streams(true)).progress_allowed()
        );
        assert!(
            !Output::new(&settings(Format::Text, false), &none, streams(false)).progress_allowed()
        );
        assert!(
            !Output::new(&settings(Format::Json, false), &none, streams(true)).progress_allowed()
        );
        assert!(
            !Output::new(&settings(Format::Text, true), &none, streams(true)).progress_allowed()
        );
        assert!(
            !Output::new(&settings(Format::Text, false), &ci, streams(true)).progress_allowed()
        );
    }

    #[test]
    fn junit_is_refused_by_reports_without_it() {
        #[derive(Serialize)]
        struct Plain;
        impl Render for Plain {
            fn text(&self, w: &mut dyn Write, _: Style) -> io::Result<()> {
                writeln!(w, "plain")
            }
        }
        #[derive(Serialize)]
        struct Tested;
        impl Render for Tested {
            fn text(&self, w: &mut dyn Write, _: Style) -> io::Result<()> {
                writeln!(w, "tested")
            }
            fn junit(&self) -> Option<String> {
                Some("<testsuites/>\n".into())
            }
        }
        let settings = OutputSettings {
            format: Format::from_word("junit"),
            color: ColorChoice::Never,
            quiet: false,
            verbose: 0,
        };
        let streams = Streams {
            out: Box::new(Vec::new()),
            err: Box::new(Vec::new()),
            out_tty: false,
            err_tty: false,
        };
        let out = Output::new(&settings, &Env::default(), streams);
        let err = out.emit(&Plain).unwrap_err();
        assert_eq!(err.exit(), Exit::Usage);
        assert!(out.emit(&Tested).is_ok());
    }

    #[test]
    fn errors_are_one_line_or_one_json_object() {
        let f = Failure::new(Exit::DataErr, "line 3: bad").context("reading x.json");
        let mut buf = Vec::new();
        write_error(
            &mut buf,
            Format::Text,
            false,
            "omni config",
            Some("config"),
            &f,
        )
        .unwrap();
        assert_eq!(
            String::from_utf8(buf).unwrap(),
            "omni config: error: reading x.json: line 3: bad\n"
        );
        let mut buf = Vec::new();
        write_error(&mut buf, Format::Json, false, "omni", None, &f).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&buf).unwrap();
        assert_eq!(v["error"]["code"], 65);
        assert_eq!(v["error"]["kind"], "bad-input");
    }
}
