//! `omni chaos`: faults injected on purpose, each held as a lease that is
//! always given back.
//!
//! A fault is applied by a *controller* (the `inject` process, in the
//! foreground or detached under the supervisor) and recorded first as a
//! [`lease::Lease`] in `<state>/chaos/leases/`: an id, a TTL, and the undo
//! steps, each written *before* the effect it undoes. Whoever finds a lease
//! whose controller is gone or whose TTL has passed gives it back: the
//! controller itself when the fault ends, its watchdog process (faults that
//! outlive their controller, such as a paused process or a fill file), or
//! any later `omni chaos` command (the sweep).
//!
//! Modules: [`lease`] (the records, locking, undo and sweep), [`cpu`] (a
//! closed-loop CPU hog), [`memory`], [`disk`], [`target`] (choosing
//! processes, with the protected set), [`signal`] (process kill and
//! pause), [`net`] (packet loss, partitions and latency as tagged iptables
//! rules; [`delay`] serves latency's NFQUEUE)
//! [`proxy`] (the Toxiproxy-compatible TCP fault proxy) and [`experiment`]
//! (Chaos Toolkit experiment files: probes, tolerances, method, rollbacks). Nothing here prints, reads the environment or exits.
//!
//! Guarantees:
//! - An effect that outlives its controller is applied only after its undo
//!   step is on disk, so a crash at any point leaves a lease that says how
//!   to give it back.
//! - Undo steps are idempotent and name processes by pid *and* start time:
//!   a pid reused by another process is never signalled.
//! - Protected processes (pid 1, kernel threads, omni itself and its
//!   ancestors, sshd, and any the caller adds) are never signalled.
//! - While a kill switch file exists, no fault starts, and running ones are
//!   given back by their controllers and watchdogs within a poll interval.

use std::path::{Path, PathBuf};

use crate::runtime::error::{Classify, Exit};
use crate::runtime::state::StateError;

pub mod cpu;
pub mod delay;
pub mod disk;
pub mod experiment;
pub mod lease;
pub mod memory;
pub mod net;
pub mod proxy;
pub mod signal;
pub mod target;

/// The kill switch every omni on the machine honours (root only, which is
/// what an operator has during an outage).
pub const GLOBAL_KILL_SWITCH: &str = "/run/omni/chaos.disabled";

/// Where chaos keeps its records under the state directory.
pub fn chaos_dir(state: &Path) -> PathBuf {
    state.join("chaos")
}

/// The kill switch files: the machine-wide one and this state directory's.
pub fn kill_switches(state: &Path) -> [PathBuf; 2] {
    [
        PathBuf::from(GLOBAL_KILL_SWITCH),
        chaos_dir(state).join("disabled"),
    ]
}

/// The first kill switch file that exists, if any.
pub fn kill_switch_on(state: &Path) -> Option<PathBuf> {
    kill_switches(state).into_iter().find(|p| p.exists())
}

/// Why a chaos command could not do what it was asked.
#[derive(Debug, thiserror::Error)]
pub enum ChaosError {
    #[error("{0}")]
    Invalid(String),
    #[error("chaos is disabled: the kill switch {0} exists (remove it, or `omni chaos enable`)")]
    Disabled(PathBuf),
    #[error("{0}")]
    Protected(String),
    #[error("{0}")]
    NoTarget(String),
    #[error("{0}")]
    Unavailable(String),
    #[error("{0}")]
    Permission(String),
    #[error("no lease '{0}' (see omni chaos list)")]
    NoLease(String),
    #[error("{what} {path}: {source}")]
    Io {
        what: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{path}: {reason}")]
    Experiment { path: PathBuf, reason: String },
    #[error("lease {path}: {reason}")]
    Corrupt { path: PathBuf, reason: String },
    #[error(transparent)]
    State(#[from] StateError),
}

impl ChaosError {
    pub(crate) fn io(what: &'static str, path: &Path, source: std::io::Error) -> ChaosError {
        ChaosError::Io {
            what,
            path: path.to_path_buf(),
            source,
        }
    }
}

impl Classify for ChaosError {
    fn exit(&self) -> Exit {
        match self {
            ChaosError::Invalid(_) => Exit::Usage,
            ChaosError::Disabled(_) | ChaosError::Unavailable(_) => Exit::Unavailable,
            ChaosError::Protected(_) | ChaosError::Permission(_) => Exit::NoPerm,
            ChaosError::NoTarget(_) | ChaosError::NoLease(_) => Exit::NoInput,
            ChaosError::Io { source, .. } => Exit::from_io(source),
            ChaosError::Corrupt { .. } | ChaosError::Experiment { .. } => Exit::DataErr,
            ChaosError::State(e) => e.exit(),
        }
    }
}
