//! Exit codes and error classification, in one place.
//!
//! Every error that can reach the user is classified into exactly one [`Exit`]
//! code here, so the table in README.md and the man pages' EXIT STATUS section
//! stay true for all systems at once. Systems define their own `thiserror`
//! enums and implement [`Classify`]; commands convert them into [`Failure`],
//! which `main` prints and turns into a process exit code.
//!
//! A negative answer ("verification failed", "not equivalent") is a value
//! returned as `Ok(Exit::Negative)`, never an `Err`: an error means omni could
//! not give an answer.

use std::error::Error as StdError;
use std::fmt;

/// The process exit codes omni uses, identical across systems.
///
/// NB: the discriminants are the public contract (scripts test them); never
/// renumber a variant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
#[repr(u8)]
pub enum Exit {
    /// Success; verified; proved; allowed.
    Success = 0,
    /// A definitive negative answer: verification failed, tampering found, denied.
    Negative = 1,
    /// Usage error: bad flags or arguments.
    Usage = 2,
    /// Inconclusive: a bounded check found nothing but proved nothing.
    Inconclusive = 3,
    /// Bad input data: a malformed file or a parse error.
    DataErr = 65,
    /// An input file is missing or unreadable.
    NoInput = 66,
    /// The kernel or machine lacks a feature, or a peer is unreachable.
    Unavailable = 69,
    /// Internal error: a bug in omni.
    Software = 70,
    /// I/O error while reading or writing.
    IoErr = 74,
    /// Temporary failure: busy, in use, a resource limit was hit; try again.
    TempFail = 75,
    /// Permission denied: needs root, a capability, or the sandbox forbids it.
    NoPerm = 77,
    /// Configuration error.
    Config = 78,
    /// Unknown command name (argv[0]) or a system not in this build.
    UnknownCommand = 127,
    /// Interrupted by a signal.
    Interrupted = 130,
}

impl Exit {
    /// Every code, in table order; drives README, man pages and `--list`.
    pub const ALL: [Exit; 14] = [
        Exit::Success,
        Exit::Negative,
        Exit::Usage,
        Exit::Inconclusive,
        Exit::DataErr,
        Exit::NoInput,
        Exit::Unavailable,
        Exit::Software,
        Exit::IoErr,
        Exit::TempFail,
        Exit::NoPerm,
        Exit::Config,
        Exit::UnknownCommand,
        Exit::Interrupted,
    ];

    /// The numeric process exit status.
    pub fn code(self) -> u8 {
        self as u8
    }

    /// One line saying what the code means, as printed in docs and man pages.
    pub fn meaning(self) -> &'static str {
        match self {
            Exit::Success => "success; verified; proved; allowed",
            Exit::Negative => {
                "a definitive negative answer: verification failed, invariant refuted, \
                 not equivalent, experiment deviated, tampering found, denied"
            }
            Exit::Usage => "usage error (bad flags or arguments)",
            Exit::Inconclusive => "inconclusive: a bounded check found nothing but proved nothing",
            Exit::DataErr => "bad input data (malformed file, parse error)",
            Exit::NoInput => "input file missing or unreadable",
            Exit::Unavailable => {
                "unavailable: the kernel or machine lacks the feature, \
                 a peer or service is unreachable"
            }
            Exit::Software => "internal error (a bug: please report it)",
            Exit::IoErr => "I/O error while writing or reading",
            Exit::TempFail => {
                "temporary failure: busy, in use, a governor limit was hit; try again"
            }
            Exit::NoPerm => "permission denied (needs root, a capability, or the sandbox)",
            Exit::Config => "configuration error",
            Exit::UnknownCommand => "unknown command name, or a system not in this build",
            Exit::Interrupted => "interrupted",
        }
    }

    /// A short stable name for JSON error objects (`"kind"`).
    pub fn kind(self) -> &'static str {
        match self {
            Exit::Success => "success",
            Exit::Negative => "negative",
            Exit::Usage => "usage",
            Exit::Inconclusive => "inconclusive",
            Exit::DataErr => "bad-input",
            Exit::NoInput => "no-input",
            Exit::Unavailable => "unavailable",
            Exit::Software => "internal",
            Exit::IoErr => "io",
            Exit::TempFail => "temporary",
            Exit::NoPerm => "permission",
            Exit::Config => "config",
            Exit::UnknownCommand => "unknown-command",
            Exit::Interrupted => "interrupted",
        }
    }

    /// The exit class an I/O error deserves, from its kind.
    pub fn from_io(err: &std::io::Error) -> Exit {
        use std::io::ErrorKind as K;
        match err.kind() {
            K::NotFound => Exit::NoInput,
            K::PermissionDenied => Exit::NoPerm,
            K::WouldBlock | K::ResourceBusy | K::Interrupted | K::TimedOut => Exit::TempFail,
            K::Unsupported => Exit::Unavailable,
            K::ConnectionRefused | K::ConnectionReset | K::AddrNotAvailable => Exit::Unavailable,
            _ => Exit::IoErr,
        }
    }
}

/// Implemented by every typed error a system or runtime module returns.
///
/// Comparable to uucore's `UError::code`: the error, not the caller, knows
/// which exit class it belongs to.
pub trait Classify: StdError + Send + Sync + 'static {
    /// The exit code this error maps to.
    fn exit(&self) -> Exit;
}

/// An error on its way to the user: a classified cause plus optional context.
///
/// Commands return `Result<Exit, Failure>`. Construct one from any
/// [`Classify`] error with `?`, or with [`Failure::new`] for ad-hoc messages.
pub struct Failure {
    exit: Exit,
    context: Vec<String>,
    source: Box<dyn StdError + Send + Sync + 'static>,
}

impl Failure {
    /// A failure with a plain message.
    pub fn new(exit: Exit, message: impl Into<String>) -> Failure {
        Failure {
            exit,
            context: Vec::new(),
            source: message.into().into(),
        }
    }

    /// A failure wrapping any error, with an explicit class.
    pub fn wrap(exit: Exit, err: impl StdError + Send + Sync + 'static) -> Failure {
        Failure {
            exit,
            context: Vec::new(),
            source: Box::new(err),
        }
    }

    /// An I/O failure on a named path, classified from the error kind.
    pub fn io(what: impl fmt::Display, err: std::io::Error) -> Failure {
        let exit = Exit::from_io(&err);
        Failure::wrap(exit, err).context(what.to_string())
    }

    /// Adds an outer context line ("reading config.toml").
    #[must_use]
    pub fn context(mut self, what: impl Into<String>) -> Failure {
        self.context.push(what.into());
        self
    }

    /// The exit class.
    pub fn exit(&self) -> Exit {
        self.exit
    }

    /// True when the root cause is a closed pipe (`omni … | head`), which
    /// must end the process quietly.
    pub fn is_broken_pipe(&self) -> bool {
        let mut cur: Option<&(dyn StdError + 'static)> = Some(self.source.as_ref());
        while let Some(err) = cur {
            if let Some(io) = err.downcast_ref::<std::io::Error>()
                && io.kind() == std::io::ErrorKind::BrokenPipe
            {
                return true;
            }
            cur = err.source();
        }
        false
    }

    /// The headline (outermost context, or the error itself) and the causes
    /// below it, outermost first.
    pub fn chain(&self) -> Vec<String> {
        let mut lines: Vec<String> = self.context.iter().rev().cloned().collect();
        let mut cur: Option<&(dyn StdError + 'static)> = Some(self.source.as_ref());
        while let Some(err) = cur {
            let text = err.to_string();
            // A wrapper whose message already ends with its source's text
            // ("config file x: No such file…") adds nothing by repeating it.
            if !lines.last().is_some_and(|last| last.ends_with(&text)) {
                lines.push(text);
            }
            cur = err.source();
        }
        lines
    }
}

impl fmt::Debug for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Failure({:?}: {})", self.exit, self.chain().join(": "))
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.chain().join(": "))
    }
}

impl<E: Classify> From<E> for Failure {
    fn from(err: E) -> Failure {
        Failure {
            exit: err.exit(),
            context: Vec::new(),
            source: Box::new(err),
        }
    }
}

/// Adds context to results whose error converts into a [`Failure`].
pub trait Context<T> {
    /// Wraps the error with a context line computed on failure only.
    fn with_context<C: Into<String>>(self, f: impl FnOnce() -> C) -> Result<T, Failure>;
}

impl<T, E: Into<Failure>> Context<T> for Result<T, E> {
    fn with_context<C: Into<String>>(self, f: impl FnOnce() -> C) -> Result<T, Failure> {
        self.map_err(|e| e.into().context(f()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, thiserror::Error)]
    #[error("bad thing at line {0}")]
    struct Bad(usize);
    impl Classify for Bad {
        fn exit(&self) -> Exit {
            Exit::DataErr
        }
    }

    #[test]
    fn failure_keeps_class_and_context_order() {
        let r: Result<(), Bad> = Err(Bad(7));
        let f = r.with_context(|| "reading x.toml").unwrap_err();
        assert_eq!(f.exit(), Exit::DataErr);
        assert_eq!(f.chain(), vec!["reading x.toml", "bad thing at line 7"]);
    }

    #[test]
    fn broken_pipe_is_detected_through_context() {
        let err = std::io::Error::new(std::io::ErrorKind::BrokenPipe, "pipe");
        let f = Failure::io("writing stdout", err);
        assert!(f.is_broken_pipe());
        assert!(!Failure::new(Exit::IoErr, "x").is_broken_pipe());
    }

    #[test]
    fn codes_match_the_published_table() {
        let codes: Vec<u8> = Exit::ALL.iter().map(|e| e.code()).collect();
        assert_eq!(
            codes,
            [0, 1, 2, 3, 65, 66, 69, 70, 74, 75, 77, 78, 127, 130]
        );
    }
}
