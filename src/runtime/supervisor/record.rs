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
use std::time::{Duration, SystemTime, UNIX_EPOCH};

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

/// Formats a time as RFC 3339 UTC with milliseconds: `2025-11-22T16:16:00.123Z`.
pub(crate) fn format_rfc3339(time: SystemTime) -> String {
    let since = time.duration_since(UNIX_EPOCH).unwrap_or(Duration::ZERO);
    let secs = since.as_secs();
    let (days, rem) = (secs / 86_400, secs % 86_400);
    let (year, month, day) = civil_from_days(days as i64);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60,
        since.subsec_millis()
    )
}

/// Parses what [`format_rfc3339`] writes (the fraction is optional, `Z`
/// required); anything else is `None`.
pub(crate) fn parse_rfc3339(text: &str) -> Option<SystemTime> {
    let text = text.strip_suffix('Z')?;
    let (date, time) = text.split_once('T')?;
    let mut date_parts = date.splitn(3, '-');
    let year: i64 = date_parts.next()?.parse().ok()?;
    let month: u32 = date_parts.next()?.parse().ok()?;
    let day: u32 = date_parts.next()?.parse().ok()?;
    let (hms, frac) = match time.split_once('.') {
        Some((hms, frac)) => (hms, frac),
        None => (time, ""),
    };
    let mut time_parts = hms.splitn(3, ':');
    let hour: u64 = time_parts.next()?.parse().ok()?;
    let minute: u64 = time_parts.next()?.parse().ok()?;
    let second: u64 = time_parts.next()?.parse().ok()?;
    if !(1..=12).contains(&month)
        || !(1..=31).contains(&day)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    let nanos = if frac.is_empty() {
        0
    } else {
        if frac.len() > 9 || !frac.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        frac.parse::<u32>().ok()? * 10u32.pow(9 - frac.len() as u32)
    };
    let days = u64::try_from(days_from_civil(year, month, day)).ok()?;
    let secs = days * 86_400 + hour * 3600 + minute * 60 + second;
    Some(UNIX_EPOCH + Duration::new(secs, nanos))
}

// Howard Hinnant's civil-calendar algorithms (public domain), exact for the
// proleptic Gregorian calendar.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_known_values() {
        assert_eq!(format_rfc3339(UNIX_EPOCH), "1970-01-01T00:00:00.000Z");
        // 2000-02-29 (leap day) 12:34:56.789
        let t = UNIX_EPOCH + Duration::from_millis(951_827_696_789);
        assert_eq!(format_rfc3339(t), "2000-02-29T12:34:56.789Z");
        assert_eq!(parse_rfc3339("2000-02-29T12:34:56.789Z"), Some(t));
        assert_eq!(
            parse_rfc3339("2000-02-29T12:34:56Z"),
            Some(UNIX_EPOCH + Duration::from_secs(951_827_696))
        );
    }

    #[test]
    fn rfc3339_round_trips_and_rejects_junk() {
        for ms in [0u64, 1, 86_399_999, 1_700_000_000_123, 4_102_444_800_000] {
            let t = UNIX_EPOCH + Duration::from_millis(ms);
            assert_eq!(parse_rfc3339(&format_rfc3339(t)), Some(t), "{ms}");
        }
        for bad in [
            "",
            "2000-02-29",
            "2000-13-01T00:00:00Z",
            "2000-01-01T00:00:00",
            "x-y-zTa:b:cZ",
        ] {
            assert_eq!(parse_rfc3339(bad), None, "{bad}");
        }
    }
}
