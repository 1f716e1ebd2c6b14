//! The resource governor: concurrency permits, a memory ceiling, an I/O
//! token bucket, a CPU cap, one seeded RNG source, a Landlock write sandbox,
//! pause/resume and statistics. Systems take permits and RNGs from it; they
//! never spawn unbounded work or seed their own randomness.

pub mod memory;

use crate::runtime::error::{Classify, Exit};

/// Why the governor refused or could not apply a control.
#[derive(Debug, thiserror::Error)]
pub enum GovernorError {
    /// A reservation would cross the memory ceiling.
    #[error(
        "memory limit of {limit} bytes would be exceeded ({in_use} in use, {requested} more requested)"
    )]
    MemoryLimit {
        /// The ceiling in bytes.
        limit: u64,
        /// Bytes live when the reservation was asked for.
        in_use: u64,
        /// Bytes asked for.
        requested: u64,
    },
}

impl Classify for GovernorError {
    fn exit(&self) -> Exit {
        match self {
            GovernorError::MemoryLimit { .. } => Exit::TempFail,
        }
    }
}
