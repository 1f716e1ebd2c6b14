//! The single registry of systems: who they are, the names they answer to,
//! their clap command and their run function.
//!
//! One table drives dispatch, `--list`, `--install`, help, completions and
//! man pages. A system appears here only when its issue has landed and its
//! cargo feature is enabled; [`KNOWN`] lists all ten so a name that belongs to
//! a system outside this build gets an honest "compiled out" message instead
//! of "unknown".
//!
//! Each system adds one thin file `src/commands/<system>.rs` with a
//! `pub const ENTRY: SystemEntry` and one `#[cfg(feature = "<system>")]`
//! line in [`SYSTEMS`].

use clap::{ArgMatches, Command};

use crate::runtime::config::Section;
use crate::runtime::output::Outcome;

pub use crate::cli::Ctx;

#[cfg(feature = "attest")]
pub mod attest;
#[cfg(feature = "chaos")]
pub mod chaos;
#[cfg(feature = "ledger")]
pub mod ledger;
#[cfg(feature = "parallel")]
pub mod parallel;

/// One system as the multi-call binary sees it.
#[derive(Clone, Copy)]
pub struct SystemEntry {
    /// The subcommand name: `chaos`.
    pub id: &'static str,
    /// The classic alias: `chaos-cli`. (`omni-<id>` is always accepted too.)
    pub alias: &'static str,
    /// One line for `--list` and help.
    pub about: &'static str,
    /// Its `[section]` of the configuration file.
    pub section: &'static Section,
    /// Builds its clap command (subcommands and flags; name set by the caller).
    pub command: fn() -> Command,
    /// Runs it with the matches at the system's level.
    pub run: fn(&ArgMatches, &Ctx) -> Outcome,
    /// True when it needs the tokio runtime (most do); informational.
    pub needs_runtime: bool,
}

impl SystemEntry {
    /// Every name this system answers to as argv[0]: `omni-<id>` and the classic alias.
    pub fn names(&self) -> [String; 2] {
        [format!("omni-{}", self.id), self.alias.to_string()]
    }
}

/// All ten systems omni is designed to carry: `(id, classic alias, about)`.
pub const KNOWN: [(&str, &str, &str); 10] = [
    (
        "chaos",
        "chaos-cli",
        "fault injection with leases, a Toxiproxy-compatible proxy and experiments",
    ),
    (
        "contract",
        "contract-cli",
        "a contract DSL with a type checker, a gas-metered VM and verification",
    ),
    (
        "learn",
        "auto-learner",
        "AutoML on tabular and text data: train, adapt, evaluate, predict, serve",
    ),
    (
        "lattice",
        "lattice-cli",
        "RDF/OWL knowledge: load, SPARQL, rule-based inference, validation",
    ),
    (
        "kernel",
        "cloud-kernel",
        "Linux kernel operations: modules, eBPF/XDP, sysctl profiles, cgroups",
    ),
    (
        "parallel",
        "parallel-cli",
        "DAG task execution with caching, resume, GNU-parallel mode and Slurm",
    ),
    (
        "symbolic",
        "symbolic-cli",
        "computer algebra: simplify, rewrite, verify equivalence, REPL",
    ),
    (
        "pipeline",
        "pipeline-cli",
        "streaming data pipelines with backpressure and synthetic data",
    ),
    (
        "attest",
        "attestation-cli",
        "Ed25519/TPM attestations (in-toto/DSSE), delegation, revocation",
    ),
    (
        "ledger",
        "autoblocker-cli",
        "a signed, Merkle-proven, BFT-replicated security-event ledger",
    ),
];

/// The systems compiled into this build, in `KNOWN` order.
pub static SYSTEMS: &[SystemEntry] = &[
    #[cfg(feature = "chaos")]
    chaos::ENTRY,
    #[cfg(feature = "parallel")]
    parallel::ENTRY,
    #[cfg(feature = "attest")]
    attest::ENTRY,
    #[cfg(feature = "ledger")]
    ledger::ENTRY,
];

/// The known system a name refers to (`chaos`, `chaos-cli`, `omni-chaos`).
pub fn known_system_for(name: &str) -> Option<&'static str> {
    KNOWN.iter().find_map(|(id, alias, _)| {
        (name == *id || name == *alias || name.strip_prefix("omni-") == Some(id)).then_some(*id)
    })
}
