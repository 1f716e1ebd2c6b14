//! GNU parallel's joblog: one TSV line per finished job.
//!
//! Format (GNU parallel 20221122, byte for byte): a header
//! `Seq Host Starttime JobRuntime Send Receive Exitval Signal Command`
//! (tab-separated), then per job: the sequence number, `:` (this host),
//! the start as Unix seconds with 3 decimals, the runtime in seconds as
//! `%10.3f`, `0`, `0`, the exit value (`-1` when the timeout killed it),
//! the signal that ended it (`0` if none), and the command.
//!
//! Guarantees: each line is written whole and flushed when its job ends (no
//! fsync), so killing omni loses at most jobs still running; a joblog
//! written by GNU parallel is read the same way as ours.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use super::GnuError;

/// The header line GNU writes first.
pub const HEADER: &str =
    "Seq\tHost\tStarttime\tJobRuntime\tSend\tReceive\tExitval\tSignal\tCommand\n";

/// One joblog line (with its `\n`).
pub fn line(
    seq: u64,
    started: SystemTime,
    runtime: Duration,
    exitval: i32,
    signal: i32,
    command: &str,
) -> String {
    let start = started
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
        .as_secs_f64();
    format!(
        "{seq}\t:\t{start:.3}\t{:10.3}\t0\t0\t{exitval}\t{signal}\t{command}\n",
        runtime.as_secs_f64()
    )
}

/// What a joblog says about each sequence number: `true` if some run of it
/// succeeded (exit value 0, no signal).
pub fn read(path: &Path) -> Result<HashMap<u64, bool>, GnuError> {
    let file = match File::open(path) {
        Ok(f) => f,
        // GNU treats a missing joblog as an empty one.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(HashMap::new()),
        Err(source) => {
            return Err(GnuError::Joblog {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    let mut seen = HashMap::new();
    for (n, text) in BufReader::new(file).lines().enumerate() {
        let text = text.map_err(|source| GnuError::Joblog {
            path: path.to_path_buf(),
            source,
        })?;
        if n == 0 && text.starts_with("Seq\t") || text.is_empty() {
            continue;
        }
        let fields: Vec<&str> = text.splitn(9, '\t').collect();
        let bad = |what: &str| GnuError::BadJoblog {
            path: path.to_path_buf(),
            line: n + 1,
            what: what.to_string(),
        };
        if fields.len() < 8 {
            return Err(bad("expected 9 tab-separated fields"));
        }
        let seq: u64 = fields[0].trim().parse().map_err(|_| bad("bad Seq"))?;
        let exitval: i64 = fields[6].trim().parse().map_err(|_| bad("bad Exitval"))?;
        let signal: i64 = fields[7].trim().parse().map_err(|_| bad("bad Signal"))?;
        let ok = exitval == 0 && signal == 0;
        *seen.entry(seq).or_insert(false) |= ok;
    }
    Ok(seen)
}

/// An open joblog.
pub struct Writer {
    path: PathBuf,
    out: BufWriter<File>,
}

impl Writer {
    /// Creates (or truncates) `path`, or appends to it; the header is
    /// written when the file is empty.
    pub fn open(path: &Path, append: bool) -> Result<Writer, GnuError> {
        let err = |source| GnuError::Joblog {
            path: path.to_path_buf(),
            source,
        };
        let file = if append {
            OpenOptions::new().create(true).append(true).open(path)
        } else {
            File::create(path)
        }
        .map_err(err)?;
        let empty = file.metadata().map_err(err)?.len() == 0;
        let mut w = Writer {
            path: path.to_path_buf(),
            out: BufWriter::new(file),
        };
        if empty {
            w.write(HEADER)?;
        }
        Ok(w)
    }

    /// Writes one line and flushes it.
    pub fn write(&mut self, line: &str) -> Result<(), GnuError> {
        self.out
            .write_all(line.as_bytes())
            .and_then(|()| self.out.flush())
            .map_err(|source| GnuError::Joblog {
                path: self.path.clone(),
                source,
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_matches_gnu_layout() {
        let start = UNIX_EPOCH + Duration::from_millis(1_795_372_164_575);
        let l = line(
            2,
            start,
            Duration::from_millis(100),
            1,
            0,
            "sleep 0.1; exit 1",
        );
        assert_eq!(
            l,
            "2\t:\t1795372164.575\t     0.100\t0\t0\t1\t0\tsleep 0.1; exit 1\n"
        );
    }

    #[test]
    fn reads_success_per_seq() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("log");
        std::fs::write(
            &p,
            format!(
                "{HEADER}1\t:\t1.000\t     0.1\t0\t0\t0\t0\ta\n2\t:\t1.0\t 0.1\t0\t0\t-1\t15\tb\n3\t:\t1\t1\t0\t0\t2\t0\tc\n3\t:\t1\t1\t0\t0\t0\t0\tc\n"
            ),
        )
        .unwrap();
        let m = read(&p).unwrap();
        assert_eq!(m.get(&1), Some(&true));
        assert_eq!(m.get(&2), Some(&false));
        assert_eq!(m.get(&3), Some(&true));
        std::fs::write(&p, "x\ty\n").unwrap();
        assert!(matches!(read(&p), Err(GnuError::BadJoblog { .. })));
        assert!(read(&dir.path().join("none")).unwrap().is_empty());
    }
}
