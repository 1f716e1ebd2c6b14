//! What the systems share: exit codes and errors, human units, configuration,
//! output, the executor (the one tokio runtime), state directories, the
//! governor, the supervisor, the HTTP server helper and crypto helpers.
//!
//! Everything here may be used by `cli`, `commands` and `systems`; nothing
//! here depends on them.

pub mod config;
pub mod crypto;
pub mod error;
pub mod executor;
pub mod governor;
pub mod output;
pub mod sections;
pub mod server;
pub mod state;
pub mod supervisor;
pub mod time;
pub mod units;
