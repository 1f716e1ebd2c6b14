//! What the systems share: exit codes and errors, human units, configuration,
//! output, the executor (the one tokio runtime), state directories, the
//! governor, the supervisor, the HTTP server helper and crypto helpers.
//!
//! Everything here may be used by `cli`, `commands` and `systems`; nothing
//! here depends on them.

pub mod child;
pub mod config;
pub mod crypto;
pub mod error;
pub mod executor;
pub mod governor;
#[cfg(feature = "http-client")]
pub mod http_client;
pub mod junit;
pub mod lookup;
pub mod netns;
pub mod output;
pub mod process;
pub mod sections;
pub mod server;
pub mod state;
pub mod supervisor;
pub mod time;
pub mod units;

/// The CPUs this process may use (affinity and cgroup quota, at least 1),
/// read once: std re-reads `/proc/self/cgroup` and the quota files on every
/// call, a dozen system calls that a short command should pay only once.
pub fn available_cpus() -> usize {
    static CPUS: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *CPUS.get_or_init(|| std::thread::available_parallelism().map_or(1, usize::from))
}
