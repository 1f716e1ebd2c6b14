//! What the systems share: exit codes and errors, human units, configuration,
//! output, the executor (the one tokio runtime), state directories, the
//! governor, the supervisor, the HTTP server helper and crypto helpers.
//!
//! Everything here may be used by `cli`, `commands` and `systems`; nothing
//! here depends on them.

pub mod error;
pub mod governor;
pub mod state;
pub mod supervisor;
pub mod units;
