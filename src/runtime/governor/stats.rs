//! Governor statistics: a snapshot of what the controls did, for
//! `--format json` (durations in seconds, sizes in bytes) and for people
//! (aligned text).
//!
//! Counters only ever grow; a snapshot taken while work runs is consistent
//! per field, not across fields.

use std::fmt;
use std::time::Duration;

use serde::Serialize;

use crate::runtime::units::HumanSize;

/// A snapshot of the governor's counters.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stats {
    /// Concurrency permits available.
    pub workers: usize,
    /// Permits handed out (`acquire`, `acquire_many`, `acquire_blocking`).
    pub permits_granted: u64,
    /// Of those, how many had to wait for a free permit.
    pub permit_waits: u64,
    /// Total time spent waiting for permits, over all waiters.
    #[serde(rename = "permit_wait_seconds", serialize_with = "seconds")]
    pub permit_wait: Duration,
    /// Most permit units held at once.
    pub peak_permits_in_use: u64,
    /// Total time governed threads slept for the duty-cycle CPU cap, summed
    /// over threads.
    #[serde(rename = "throttled_seconds", serialize_with = "seconds")]
    pub throttled: Duration,
    /// Wall time the governor spent paused.
    #[serde(rename = "paused_seconds", serialize_with = "seconds")]
    pub paused: Duration,
    /// I/O operations drawn from the token bucket (or counted when
    /// unlimited).
    pub io_ops: u64,
    /// `io` calls that had to wait for tokens.
    pub io_waits: u64,
    /// Total time spent waiting for I/O tokens, over all waiters.
    #[serde(rename = "io_wait_seconds", serialize_with = "seconds")]
    pub io_wait: Duration,
    /// Peak live heap bytes of the process.
    pub peak_memory: u64,
    /// The memory ceiling in bytes, if any.
    pub memory_limit: Option<u64>,
    /// How the CPU cap is enforced: `none`, `cgroup-v2`, `cgroup-v1`,
    /// `duty-cycle`, or `not-installed` before `install`.
    pub cpu_enforcement: String,
}

fn seconds<S: serde::Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(d.as_secs_f64())
}

/// `1.234s`, `12ms`, `0s`: short and readable, not round-trippable.
struct Short(Duration);

impl fmt::Display for Short {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.0;
        if d.is_zero() {
            f.write_str("0s")
        } else if d < Duration::from_millis(1) {
            write!(f, "{}us", d.as_micros())
        } else if d < Duration::from_secs(1) {
            write!(f, "{}ms", d.as_millis())
        } else {
            write!(f, "{:.3}s", d.as_secs_f64())
        }
    }
}

impl fmt::Display for Stats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let limit = self
            .memory_limit
            .map_or_else(|| "none".to_string(), |l| HumanSize(l).to_string());
        let rows: [(&str, String); 11] = [
            ("workers", self.workers.to_string()),
            ("permits granted", self.permits_granted.to_string()),
            (
                "permit waits",
                format!(
                    "{} ({} waiting)",
                    self.permit_waits,
                    Short(self.permit_wait)
                ),
            ),
            ("peak permits in use", self.peak_permits_in_use.to_string()),
            ("cpu enforcement", self.cpu_enforcement.clone()),
            ("throttled", Short(self.throttled).to_string()),
            ("paused", Short(self.paused).to_string()),
            ("io ops", self.io_ops.to_string()),
            (
                "io waits",
                format!("{} ({} waiting)", self.io_waits, Short(self.io_wait)),
            ),
            ("peak memory", format!("{} bytes", self.peak_memory)),
            ("memory limit", limit),
        ];
        let width = rows.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
        for (key, value) in rows {
            writeln!(f, "{key:<width$}  {value}")?;
        }
        Ok(())
    }
}

impl crate::runtime::output::Render for Stats {
    fn text(
        &self,
        w: &mut dyn std::io::Write,
        _style: crate::runtime::output::Style,
    ) -> std::io::Result<()> {
        write!(w, "{self}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Stats {
        Stats {
            workers: 3,
            permits_granted: 16,
            permit_waits: 13,
            permit_wait: Duration::from_millis(1500),
            peak_permits_in_use: 3,
            throttled: Duration::ZERO,
            paused: Duration::from_millis(12),
            io_ops: 150,
            io_waits: 100,
            io_wait: Duration::from_micros(2),
            peak_memory: 1234,
            memory_limit: Some(64 << 20),
            cpu_enforcement: "none".into(),
        }
    }

    #[test]
    fn text_is_aligned() {
        let text = sample().to_string();
        let width = "peak permits in use".len();
        for line in text.lines() {
            assert_eq!(&line[width..width + 2], "  ", "{text}");
            assert_ne!(line.as_bytes()[width + 2], b' ', "{text}");
        }
        assert!(
            text.contains("permit waits         13 (1.500s waiting)"),
            "{text}"
        );
        assert!(text.contains("memory limit         64MiB"), "{text}");
        assert!(
            text.contains("io waits             100 (2us waiting)"),
            "{text}"
        );
    }

    #[test]
    fn json_uses_seconds_and_bytes() {
        let json = serde_json::to_value(sample()).expect("json");
        assert_eq!(json["permit_wait_seconds"], 1.5);
        assert_eq!(json["memory_limit"], 64 << 20);
        assert_eq!(json["cpu_enforcement"], "none");
    }
}
