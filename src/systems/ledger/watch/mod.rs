//! `omni ledger watch`: fail2ban's filters and jail logic over a followed
//! log file, turning repeated failures into one signed ledger event per
//! ban.
//!
//! - `conf`: fail2ban's filter definition files (INI, includes,
//!   interpolation, tags);
//! - `filter`: the compiled filter (PCRE2 with its JIT, so Python's regex
//!   syntax works: named groups, conditionals, lookarounds) and the
//!   multi-line failure-id logic;
//! - `date`: finding and cutting the timestamp;
//! - `tail`: following the file across rotation, with a saved position;
//! - `jail`: counting failures per address (maxretry, findtime, bantime).
//!
//! Nothing here prints, reads the environment, sleeps or exits: the
//! command drives the loop.

use std::path::{Path, PathBuf};

use crate::runtime::error::{Classify, Exit};

pub mod conf;
pub mod date;
pub mod filter;
pub mod jail;
pub mod tail;

/// Why watching failed.
#[derive(Debug, thiserror::Error)]
pub enum WatchError {
    #[error("filter {path}: {reason}")]
    Filter { path: PathBuf, reason: String },
    #[error("filter {path}: {source}")]
    FilterIo {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("log {path}: {source}")]
    Log {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("position file {path}: {reason}")]
    Position { path: PathBuf, reason: String },
}

impl Classify for WatchError {
    fn exit(&self) -> Exit {
        match self {
            WatchError::Filter { .. } => Exit::DataErr,
            WatchError::FilterIo { .. } => Exit::NoInput,
            WatchError::Log { source, .. } => match source.kind() {
                std::io::ErrorKind::NotFound | std::io::ErrorKind::PermissionDenied => {
                    Exit::NoInput
                }
                _ => Exit::IoErr,
            },
            WatchError::Position { .. } => Exit::IoErr,
        }
    }
}

/// The position file of `log` under a ledger's directory:
/// `<dir>/watch/<BLAKE3 of the log's absolute path, 16 hex digits>.json`.
pub fn position_file(dir: &Path, log: &Path) -> PathBuf {
    let abs = std::path::absolute(log).unwrap_or_else(|_| log.to_path_buf());
    let h = blake3::hash(abs.as_os_str().as_encoded_bytes());
    dir.join("watch")
        .join(format!("{}.json", hex::encode(&h.as_bytes()[..8])))
}

/// Reads a saved position (None when there is none or it is unreadable
/// garbage: the log is then read as new).
pub fn load_position(path: &Path) -> Option<tail::Position> {
    let bytes = std::fs::read(path).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// Saves a position atomically (temp file, fsync, rename).
pub fn save_position(path: &Path, pos: &tail::Position) -> Result<(), WatchError> {
    let err = |reason: String| WatchError::Position {
        path: path.to_path_buf(),
        reason,
    };
    if let Some(dir) = path.parent() {
        crate::runtime::state::ensure_dir(dir, 0o700).map_err(|e| err(e.to_string()))?;
    }
    let mut bytes = serde_json::to_vec(pos).expect("a position serialises");
    bytes.push(b'\n');
    crate::runtime::state::write_atomic(path, &bytes, 0o600).map_err(|e| err(e.to_string()))
}
