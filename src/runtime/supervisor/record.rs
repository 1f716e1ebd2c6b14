//! The entry record `<id>.json`: what the supervisor knows about one
//! background process, and the small UTC time helpers it needs.
//!
//! The parent writes the record once, right after the process started and
//! before the child may bind its socket; afterwards only the child rewrites
//! it (once, in `finish`), and only the supervisor removes it, after the
//! process is gone. Every write goes through
//! [`write_atomic`](crate::runtime::state::write_atomic), so readers never
//! see a torn record.

use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::runtime::state::write_atomic;

use super::SupervisorError;

/// Version of the record format; bumped on incompatible changes.
pub const RECORD_VERSION: u32 = 1;

/// One supervised process, as stored in `<state>/supervisor/<id>.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// Record format version ([`RECORD_VERSION`]).
    pub version: u32,
    /// `<system>-<8 hex>`, unique within the state directory.
    pub id: String,
    /// The system that started it ("parallel", "chaos").
    pub system: String,
    /// A human description of the work.
    pub label: String,
    /// Process id; also the process group and session id (the child ran
    /// `setsid`).
    pub pid: u32,
    /// The process start time, field 22 of `/proc/<pid>/stat` (clock ticks
    /// since boot). A live pid with another start time is a reused pid.
    pub start_ticks: u64,
    /// Program and arguments, lossily converted to UTF-8 (for display).
    pub argv: Vec<String>,
    /// When it started, RFC 3339 UTC with milliseconds.
    pub started_at: String,
    /// Where its stdout and stderr go.
    pub log: PathBuf,
    /// Its control socket.
    pub socket: PathBuf,
    /// Set by the child when it ends normally.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finished: Option<Finished>,
}

/// How a supervised process ended, as it reported itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finished {
    /// The exit code it reported; `None` when it ended without saying
    /// (its `Attached` handle was dropped without `finish`).
    pub exit_code: Option<i32>,
    /// When it reported, RFC 3339 UTC with milliseconds.
    pub finished_at: String,
}

impl Entry {
    pub(crate) fn write(&self, path: &Path) -> Result<(), SupervisorError> {
        let mut bytes = serde_json::to_vec_pretty(self).map_err(|e| SupervisorError::Io {
            op: "encoding",
            path: path.to_path_buf(),
            source: io::Error::other(e),
        })?;
        bytes.push(b'\n');
        Ok(write_atomic(path, &bytes, 0o600)?)
    }

    /// Reads a record; `Ok(None)` when it does not exist.
    pub(crate) fn read(path: &Path) -> Result<Option<Entry>, SupervisorError> {
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(source) => {
                return Err(SupervisorError::Io {
                    op: "reading",
                    path: path.to_path_buf(),
                    source,
                });
            }
        };
        serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|source| SupervisorError::Corrupt {
                path: path.to_path_buf(),
                source,
            })
    }
}

/// What `--detach` prints: the id to use with `omni ps` and `omni stop`.
impl crate::runtime::output::Render for Entry {
    fn text(
        &self,
        w: &mut dyn std::io::Write,
        style: crate::runtime::output::Style,
    ) -> std::io::Result<()> {
        writeln!(w, "{}", style.bold(&self.id))?;
        writeln!(
            w,
            "{}",
            style.dim(&format!("pid {}, log {}", self.pid, self.log.display()))
        )
    }
}
