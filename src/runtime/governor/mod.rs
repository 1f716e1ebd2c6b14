//! The resource governor: concurrency permits, a memory ceiling, an I/O
//! token bucket, a CPU cap, one seeded RNG source, a Landlock write sandbox,
//! pause/resume and statistics. Systems take permits and RNGs from it; they
//! never spawn unbounded work or seed their own randomness.
//!
//! Life cycle: [`Governor::new`] validates [`GovernorSettings`] and has no
//! side effects, so it is cheap to build one in tests. [`Governor::install`]
//! applies the process-wide controls once, from the main thread, before any
//! other thread (the tokio runtime included) starts; it returns an
//! [`Installed`] report of what was applied. Clones of a `Governor` share
//! one state.
//!
//! Guarantees (each proven by a test in `tests/governor.rs`):
//! - at most `workers` permit units are held at once ([`Governor::acquire`]);
//! - live heap never exceeds `memory_limit`: growth past it ends the process
//!   with exit 75 and a message naming the limit ([`memory`]);
//! - `io` admits at most `io_burst + io_ops * t` operations in any `t`
//!   seconds ([`io`]);
//! - the process uses at most `cpu_percent` of the whole machine's CPU,
//!   enforced by a cgroup or by duty-cycling governed work ([`cpu`]);
//! - with a seed, [`Governor::rng`] streams are identical across runs
//!   ([`rng`]);
//! - with a sandbox, the kernel refuses writes outside it ([`sandbox`]);
//! - while paused (by [`Governor::pause`] or SIGUSR1) no governed work gets
//!   past `acquire`, `io` or `checkpoint` until resumed (or SIGUSR2).
//!
//! Governed work calls [`Governor::checkpoint`] (or its blocking twin) in its
//! loops: that is where pausing and duty-cycle throttling take effect.

pub mod cpu;
pub mod io;
pub mod memory;
mod pause;
mod permits;
pub mod rng;
pub mod sandbox;
mod stats;

use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use rand_chacha::ChaCha20Rng;
use tokio::sync::Semaphore;

use crate::runtime::error::{Classify, Exit};
use crate::runtime::units::HumanSize;

pub use cpu::{CpuApplied, CpuEnforcement};
pub use io::TokenBucket;
pub use permits::Permit;
pub use sandbox::SandboxApplied;
pub use stats::Stats;

use permits::PermitCounters;

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
    /// A setting is out of range or inconsistent.
    #[error("invalid governor setting {key}: {reason}")]
    Invalid {
        /// The setting's key, as in `[governor]` (`workers`, `cpu_percent`).
        key: &'static str,
        /// What is wrong and what is accepted.
        reason: String,
    },
    /// A sandbox directory does not exist, is not a directory, or cannot
    /// be opened.
    #[error("sandbox directory {}: {reason}", path.display())]
    SandboxDir {
        /// The directory as given.
        path: PathBuf,
        /// Why it cannot be used.
        reason: String,
    },
    /// The memory ceiling is already below what the process uses.
    #[error("memory limit of {limit} bytes is below the {in_use} bytes already in use")]
    MemoryBelowUsage {
        /// The ceiling in bytes.
        limit: u64,
        /// Bytes live at install time.
        in_use: u64,
    },
    /// The binary does not use the counting allocator, so a memory ceiling
    /// could not be enforced.
    #[error("a memory limit needs omni's counting allocator, which this binary does not use")]
    NoCountingAllocator,
    /// `cpu_enforcement = "cgroup"` but no cgroup could be used.
    #[error("no usable cgroup for the cpu cap: {reasons}")]
    CgroupUnavailable {
        /// Each attempt (v2, v1) with its path and reason.
        reasons: String,
        /// True when an attempt failed for lack of permission.
        permission: bool,
    },
    /// The Landlock sandbox cannot be fully enforced by this kernel.
    #[error("landlock write sandbox unavailable: {reason}")]
    SandboxUnavailable {
        /// Why (no Landlock, old ABI, partial enforcement, ...).
        reason: String,
    },
    /// `install` was called a second time in this process.
    #[error("the governor is already installed in this process")]
    AlreadyInstalled,
    /// The SIGUSR1/SIGUSR2 handling could not be set up.
    #[error("installing SIGUSR1/SIGUSR2 pause handling: {source}")]
    Signals {
        /// The failing call's error.
        #[source]
        source: std::io::Error,
    },
}

impl Classify for GovernorError {
    fn exit(&self) -> Exit {
        match self {
            GovernorError::MemoryLimit { .. } => Exit::TempFail,
            GovernorError::Invalid { .. }
            | GovernorError::SandboxDir { .. }
            | GovernorError::MemoryBelowUsage { .. } => Exit::Config,
            GovernorError::NoCountingAllocator | GovernorError::SandboxUnavailable { .. } => {
                Exit::Unavailable
            }
            GovernorError::CgroupUnavailable { permission, .. } => {
                if *permission {
                    Exit::NoPerm
                } else {
                    Exit::Unavailable
                }
            }
            GovernorError::AlreadyInstalled => Exit::Software,
            GovernorError::Signals { source } => Exit::from_io(source),
        }
    }
}

/// What the governor should enforce; `[governor]` in the config file and
/// the global flags map onto these fields one to one.
#[derive(Debug, Clone, PartialEq)]
pub struct GovernorSettings {
    /// Concurrency permits, at least 1.
    pub workers: usize,
    /// CPU cap as a percentage of the whole machine (all online CPUs
    /// together), `0 < p <= 100`; `None` = no cap.
    pub cpu_percent: Option<f64>,
    /// How the CPU cap is enforced.
    pub cpu_enforcement: CpuEnforcement,
    /// Memory ceiling in bytes (live heap).
    pub memory_limit: Option<u64>,
    /// I/O operations per second; `None` = unlimited.
    pub io_ops: Option<u32>,
    /// Token bucket size; defaults to `io_ops` (one second of burst).
    pub io_burst: Option<u32>,
    /// Seed for deterministic mode.
    pub seed: Option<u64>,
    /// Directories beneath which writes stay allowed; empty = no sandbox.
    pub sandbox: Vec<PathBuf>,
}

impl Default for GovernorSettings {
    /// One worker per available CPU, no other limit.
    fn default() -> Self {
        GovernorSettings {
            workers: crate::runtime::available_cpus(),
            cpu_percent: None,
            cpu_enforcement: CpuEnforcement::Auto,
            memory_limit: None,
            io_ops: None,
            io_burst: None,
            seed: None,
            sandbox: Vec::new(),
        }
    }
}

/// What [`Governor::install`] applied, for `--verbose` and JSON reports.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Installed {
    /// Concurrency permits.
    pub workers: usize,
    /// The memory ceiling now in force, in bytes.
    pub memory_limit: Option<u64>,
    /// The CPU cap mechanism and its parameters.
    pub cpu: CpuApplied,
    /// I/O operations per second, if limited.
    pub io_ops: Option<u32>,
    /// I/O bucket size, if limited.
    pub io_burst: Option<u32>,
    /// The seed, in deterministic mode.
    pub seed: Option<u64>,
    /// The write sandbox, if any.
    pub sandbox: Option<SandboxApplied>,
    /// The signal that pauses governed work.
    pub pause_signal: &'static str,
    /// The signal that resumes it.
    pub resume_signal: &'static str,
}

impl fmt::Display for Installed {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let or_none = |v: Option<String>| v.unwrap_or_else(|| "none".into());
        let cpu = match &self.cpu {
            CpuApplied::None => "none".to_string(),
            CpuApplied::CgroupV2 {
                path,
                quota_us,
                period_us,
                ..
            }
            | CpuApplied::CgroupV1 {
                path,
                quota_us,
                period_us,
                ..
            } => format!(
                "{} {quota_us}us per {period_us}us in {}",
                self.cpu.mechanism(),
                path.display()
            ),
            CpuApplied::DutyCycle {
                percent,
                cpus,
                fallback_reason,
            } => {
                let mut s = format!("duty-cycle {percent}% of {cpus} cpus");
                if let Some(reason) = fallback_reason {
                    s.push_str(&format!(" (no cgroup: {reason})"));
                }
                s
            }
        };
        let sandbox = self.sandbox.as_ref().map(|s| {
            let dirs: Vec<String> = s.writable.iter().map(|d| d.display().to_string()).collect();
            format!(
                "writes only beneath {} (landlock abi {})",
                dirs.join(", "),
                s.abi
            )
        });
        let rows = [
            ("workers", self.workers.to_string()),
            (
                "memory limit",
                or_none(self.memory_limit.map(|l| HumanSize(l).to_string())),
            ),
            ("cpu cap", cpu),
            (
                "io rate",
                or_none(
                    self.io_ops
                        .map(|o| format!("{o}/s, burst {}", self.io_burst.unwrap_or(o))),
                ),
            ),
            ("seed", or_none(self.seed.map(|s| s.to_string()))),
            ("sandbox", or_none(sandbox)),
            (
                "pause",
                format!(
                    "{} pauses, {} resumes",
                    self.pause_signal, self.resume_signal
                ),
            ),
        ];
        let width = rows.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
        for (key, value) in rows {
            writeln!(f, "{key:<width$}  {value}")?;
        }
        Ok(())
    }
}

/// Set by the first `install` in this process.
static INSTALLED: AtomicBool = AtomicBool::new(false);

/// The resource governor; cheap to clone, all clones share one state.
#[derive(Clone)]
pub struct Governor {
    inner: Arc<Inner>,
}

struct Inner {
    settings: GovernorSettings,
    semaphore: Arc<Semaphore>,
    permits: Arc<PermitCounters>,
    pause: pause::PauseGate,
    bucket: Option<Mutex<TokenBucket>>,
    io_ops: AtomicU64,
    io_waits: AtomicU64,
    io_wait_nanos: AtomicU64,
    throttled_nanos: AtomicU64,
    /// Set by `install` when the CPU cap is duty-cycled.
    duty: OnceLock<cpu::DutyCycle>,
    /// Set by `install`: the CPU mechanism's short name.
    cpu_mechanism: OnceLock<&'static str>,
    /// The `omni/<pid>` cgroup this process moved into, if any.
    cgroup: OnceLock<PathBuf>,
}

impl fmt::Debug for Governor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Governor")
            .field("settings", &self.inner.settings)
            .field("paused", &self.is_paused())
            .finish_non_exhaustive()
    }
}

fn nanos(d: Duration) -> u64 {
    u64::try_from(d.as_nanos()).unwrap_or(u64::MAX)
}

fn invalid(key: &'static str, reason: impl Into<String>) -> GovernorError {
    GovernorError::Invalid {
        key,
        reason: reason.into(),
    }
}

impl Governor {
    /// Validates `settings` and builds a governor; no process-wide effects
    /// until [`Governor::install`].
    pub fn new(mut settings: GovernorSettings) -> Result<Governor, GovernorError> {
        let max_workers = Semaphore::MAX_PERMITS.min(u32::MAX as usize);
        if settings.workers == 0 || settings.workers > max_workers {
            return Err(invalid(
                "workers",
                format!("{} is not between 1 and {max_workers}", settings.workers),
            ));
        }
        if let Some(p) = settings.cpu_percent
            && !(p.is_finite() && p > 0.0 && p <= 100.0)
        {
            return Err(invalid(
                "cpu_percent",
                format!("{p} is not a percentage of the machine in (0, 100]"),
            ));
        }
        if settings.memory_limit == Some(0) {
            return Err(invalid(
                "memory_limit",
                "0 bytes leaves nothing to run with",
            ));
        }
        match (settings.io_ops, settings.io_burst) {
            (Some(0), _) => return Err(invalid("io_ops", "must be at least 1 per second")),
            (_, Some(0)) => return Err(invalid("io_burst", "must be at least 1")),
            (None, Some(_)) => {
                return Err(invalid("io_burst", "is set but io_ops (the rate) is not"));
            }
            _ => {}
        }
        settings.sandbox = sandbox::validate_dirs(&settings.sandbox)?;
        let bucket = settings
            .io_ops
            .map(|rate| Mutex::new(TokenBucket::new(rate, settings.io_burst.unwrap_or(rate))));
        Ok(Governor {
            inner: Arc::new(Inner {
                semaphore: Arc::new(Semaphore::new(settings.workers)),
                settings,
                permits: Arc::default(),
                pause: pause::PauseGate::default(),
                bucket,
                io_ops: AtomicU64::new(0),
                io_waits: AtomicU64::new(0),
                io_wait_nanos: AtomicU64::new(0),
                throttled_nanos: AtomicU64::new(0),
                duty: OnceLock::new(),
                cpu_mechanism: OnceLock::new(),
                cgroup: OnceLock::new(),
            }),
        })
    }

    /// The validated settings (sandbox directories canonicalised).
    pub fn settings(&self) -> &GovernorSettings {
        &self.inner.settings
    }

    /// Applies the process-wide controls, once per process: the memory
    /// ceiling, the CPU cap, the Landlock sandbox, and SIGUSR1 (pause) /
    /// SIGUSR2 (resume) handling, in that order.
    ///
    /// The order matters: the cgroup files are written before the sandbox
    /// forbids writing them, and the signal thread starts after the sandbox
    /// so it is restricted too. Call it from the main thread before starting
    /// any other thread (see [`sandbox`]). On error some controls may
    /// already be in force; the caller is expected to end the process.
    pub fn install(&self) -> Result<Installed, GovernorError> {
        if INSTALLED.swap(true, Ordering::SeqCst) {
            return Err(GovernorError::AlreadyInstalled);
        }
        let settings = &self.inner.settings;

        if let Some(limit) = settings.memory_limit {
            if !memory::is_active() {
                return Err(GovernorError::NoCountingAllocator);
            }
            let in_use = memory::current() as u64;
            if in_use >= limit {
                return Err(GovernorError::MemoryBelowUsage { limit, in_use });
            }
            memory::set_limit(Some(limit));
        }

        let cpu = match settings.cpu_percent {
            None => CpuApplied::None,
            Some(percent) => {
                let (applied, duty) = cpu::apply(
                    &cpu::ProcFiles::default(),
                    percent,
                    settings.cpu_enforcement,
                )?;
                if let Some(duty) = duty {
                    // Cannot already be set: INSTALLED guards this block.
                    let _ = self.inner.duty.set(duty);
                }
                applied
            }
        };
        let _ = self.inner.cpu_mechanism.set(cpu.mechanism());
        if let Some(path) = cpu.cgroup_path() {
            let _ = self.inner.cgroup.set(path.to_path_buf());
        }

        let sandbox = if settings.sandbox.is_empty() {
            None
        } else {
            Some(sandbox::apply(&settings.sandbox)?)
        };

        pause::install_signals(Arc::downgrade(&self.inner), |inner: &Inner| &inner.pause)
            .map_err(|source| GovernorError::Signals { source })?;

        Ok(Installed {
            workers: settings.workers,
            memory_limit: settings.memory_limit,
            cpu,
            io_ops: settings.io_ops,
            io_burst: settings.io_ops.map(|o| settings.io_burst.unwrap_or(o)),
            seed: settings.seed,
            sandbox,
            pause_signal: "SIGUSR1",
            resume_signal: "SIGUSR2",
        })
    }

    /// Leaves the `omni/<pid>` cgroup `install` created, so an exiting omni
    /// leaves nothing behind: the process moves back to the group above
    /// `omni/` and the empty group is removed. Best effort: when a child
    /// process still holds the group, or the sandbox forbids the writes, the
    /// group stays and the next capped omni reaps it once it is empty.
    pub fn release(&self) {
        let Some(group) = self.inner.cgroup.get() else {
            return;
        };
        let Some(home) = group.parent().and_then(Path::parent) else {
            return;
        };
        let moved = std::fs::write(home.join("cgroup.procs"), std::process::id().to_string());
        let removed = moved.and_then(|()| std::fs::remove_dir(group));
        if let Err(e) = removed {
            tracing::debug!(group = %group.display(), "cpu cgroup left for reaping: {e}");
        }
    }

    /// Clamps a permit request to what the semaphore can ever grant, so a
    /// request for more than `workers` runs alone instead of hanging.
    fn units(&self, n: u32) -> u32 {
        let workers = u32::try_from(self.inner.settings.workers).unwrap_or(u32::MAX);
        n.clamp(1, workers)
    }

    /// Waits for one concurrency permit (and while paused).
    ///
    /// # Cancel safety
    ///
    /// Cancel safe: a dropped future holds no permit and loses only its
    /// place in the queue.
    pub async fn acquire(&self) -> Permit {
        self.acquire_many(1).await
    }

    /// Waits for `n` permit units at once (clamped to `1..=workers`), for
    /// work that counts as several workers.
    ///
    /// # Cancel safety
    ///
    /// Cancel safe, as [`Governor::acquire`].
    pub async fn acquire_many(&self, n: u32) -> Permit {
        let n = self.units(n);
        self.inner.pause.wait().await;
        let sem = Arc::clone(&self.inner.semaphore);
        let permit = match Arc::clone(&sem).try_acquire_many_owned(n) {
            Ok(permit) => {
                self.inner.permits.record_grant(n, None);
                permit
            }
            Err(_) => {
                let start = Instant::now();
                let permit = sem
                    .acquire_many_owned(n)
                    .await
                    // NB: the governor never closes its semaphore.
                    .unwrap_or_else(|_| unreachable!("governor semaphore closed"));
                self.inner.permits.record_grant(n, Some(start.elapsed()));
                permit
            }
        };
        let permit = Permit::new(permit, Arc::clone(&self.inner.permits));
        // A pause that came while we queued holds us here, permit in hand.
        self.inner.pause.wait().await;
        permit
    }

    /// [`Governor::acquire`] for plain threads: blocks the calling thread.
    /// Needs no tokio runtime; do not call it on a runtime worker thread.
    pub fn acquire_blocking(&self) -> Permit {
        self.acquire_many_blocking(1)
    }

    /// [`Governor::acquire_many`] for plain threads.
    pub fn acquire_many_blocking(&self, n: u32) -> Permit {
        let n = self.units(n);
        self.inner.pause.wait_blocking();
        let sem = Arc::clone(&self.inner.semaphore);
        let permit = match Arc::clone(&sem).try_acquire_many_owned(n) {
            Ok(permit) => {
                self.inner.permits.record_grant(n, None);
                permit
            }
            Err(_) => {
                let start = Instant::now();
                let permit = permits::block_on(sem.acquire_many_owned(n))
                    // NB: the governor never closes its semaphore.
                    .unwrap_or_else(|_| unreachable!("governor semaphore closed"));
                self.inner.permits.record_grant(n, Some(start.elapsed()));
                permit
            }
        };
        let permit = Permit::new(permit, Arc::clone(&self.inner.permits));
        self.inner.pause.wait_blocking();
        permit
    }

    /// Counts `ops` and reserves them from the bucket; the wait, if any.
    fn reserve_io(&self, ops: u32) -> Option<Duration> {
        self.inner
            .io_ops
            .fetch_add(u64::from(ops), Ordering::Relaxed);
        let bucket = self.inner.bucket.as_ref()?;
        let wait = bucket
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .reserve(Instant::now(), ops);
        (!wait.is_zero()).then_some(wait)
    }

    fn record_io_wait(&self, waited: Duration) {
        self.inner.io_waits.fetch_add(1, Ordering::Relaxed);
        self.inner
            .io_wait_nanos
            .fetch_add(nanos(waited), Ordering::Relaxed);
    }

    /// Draws `ops` I/O operations from the token bucket, waiting for tokens
    /// (and while paused). Needs a tokio runtime with the time driver when
    /// a rate is set.
    ///
    /// # Cancel safety
    ///
    /// Dropping the future after it started waiting still uses up the
    /// reserved tokens: the rate bound holds even for abandoned work.
    pub async fn io(&self, ops: u32) {
        self.inner.pause.wait().await;
        if let Some(wait) = self.reserve_io(ops) {
            let start = Instant::now();
            tokio::time::sleep(wait).await;
            self.record_io_wait(start.elapsed());
            self.inner.pause.wait().await;
        }
    }

    /// [`Governor::io`] for plain threads: sleeps the calling thread.
    pub fn io_blocking(&self, ops: u32) {
        self.inner.pause.wait_blocking();
        if let Some(wait) = self.reserve_io(ops) {
            let start = Instant::now();
            std::thread::sleep(wait);
            self.record_io_wait(start.elapsed());
            self.inner.pause.wait_blocking();
        }
    }

    /// An RNG stream named `stream`: with a seed, the same seed and name
    /// always give the same sequence and different names independent ones;
    /// without a seed, fresh OS entropy. See [`rng`].
    pub fn rng(&self, stream: &str) -> ChaCha20Rng {
        rng::stream(self.inner.settings.seed, stream)
    }

    /// The seed, in deterministic mode.
    pub fn seed(&self) -> Option<u64> {
        self.inner.settings.seed
    }

    /// The point where governed loops yield to the governor: waits while
    /// paused, and sleeps as needed under duty-cycle CPU throttling. Cheap
    /// (two atomic loads) when neither applies. Needs a tokio runtime with
    /// the time driver only when duty-cycle throttling is active.
    ///
    /// # Cancel safety
    ///
    /// Cancel safe.
    pub async fn checkpoint(&self) {
        self.inner.pause.wait().await;
        if let Some(sleep) = self.throttle_due() {
            let start = Instant::now();
            tokio::time::sleep(sleep).await;
            self.record_throttle(start.elapsed());
        }
    }

    /// [`Governor::checkpoint`] for plain threads.
    pub fn checkpoint_blocking(&self) {
        self.inner.pause.wait_blocking();
        if let Some(sleep) = self.throttle_due() {
            let start = Instant::now();
            std::thread::sleep(sleep);
            self.record_throttle(start.elapsed());
        }
    }

    fn throttle_due(&self) -> Option<Duration> {
        self.inner.duty.get()?.due(Instant::now())
    }

    fn record_throttle(&self, slept: Duration) {
        self.inner
            .throttled_nanos
            .fetch_add(nanos(slept), Ordering::Relaxed);
    }

    /// Stops governed work at its next `acquire`, `io` or `checkpoint`.
    pub fn pause(&self) {
        self.inner.pause.pause();
    }

    /// Lets paused work continue.
    pub fn resume(&self) {
        self.inner.pause.resume();
    }

    /// True between `pause` and `resume`.
    pub fn is_paused(&self) -> bool {
        pause::start_watcher();
        self.inner.pause.is_paused()
    }

    /// Checks that `bytes` more heap would stay under the memory ceiling, so
    /// a system can refuse a large job with a typed error instead of being
    /// stopped by the allocator midway. Advisory: see [`memory::reserve`].
    pub fn reserve_memory(&self, bytes: u64) -> Result<(), GovernorError> {
        memory::reserve(bytes)
    }

    /// A snapshot of the counters.
    pub fn stats(&self) -> Stats {
        pause::start_watcher();
        let inner = &self.inner;
        let load = |a: &AtomicU64| a.load(Ordering::Relaxed);
        let cpu_enforcement = match (inner.settings.cpu_percent, inner.cpu_mechanism.get()) {
            (_, Some(mechanism)) => (*mechanism).to_string(),
            (None, None) => "none".to_string(),
            (Some(_), None) => "not-installed".to_string(),
        };
        Stats {
            workers: inner.settings.workers,
            permits_granted: load(&inner.permits.granted),
            permit_waits: load(&inner.permits.waits),
            permit_wait: Duration::from_nanos(load(&inner.permits.wait_nanos)),
            peak_permits_in_use: load(&inner.permits.peak_in_use),
            throttled: Duration::from_nanos(load(&inner.throttled_nanos)),
            paused: inner.pause.paused_time(),
            io_ops: load(&inner.io_ops),
            io_waits: load(&inner.io_waits),
            io_wait: Duration::from_nanos(load(&inner.io_wait_nanos)),
            peak_memory: memory::peak() as u64,
            memory_limit: memory::limit(),
            cpu_enforcement,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> GovernorSettings {
        GovernorSettings {
            workers: 2,
            ..GovernorSettings::default()
        }
    }

    #[test]
    fn invalid_settings_are_config_errors_naming_the_key() {
        let cases: Vec<(GovernorSettings, &str)> = vec![
            (
                GovernorSettings {
                    workers: 0,
                    ..settings()
                },
                "workers",
            ),
            (
                GovernorSettings {
                    cpu_percent: Some(0.0),
                    ..settings()
                },
                "cpu_percent",
            ),
            (
                GovernorSettings {
                    cpu_percent: Some(100.5),
                    ..settings()
                },
                "cpu_percent",
            ),
            (
                GovernorSettings {
                    cpu_percent: Some(f64::NAN),
                    ..settings()
                },
                "cpu_percent",
            ),
            (
                GovernorSettings {
                    memory_limit: Some(0),
                    ..settings()
                },
                "memory_limit",
            ),
            (
                GovernorSettings {
                    io_ops: Some(0),
                    ..settings()
                },
                "io_ops",
            ),
            (
                GovernorSettings {
                    io_ops: Some(5),
                    io_burst: Some(0),
                    ..settings()
                },
                "io_burst",
            ),
            (
                GovernorSettings {
                    io_burst: Some(5),
                    ..settings()
                },
                "io_burst",
            ),
            (
                GovernorSettings {
                    sandbox: vec!["/nonexistent/dir".into()],
                    ..settings()
                },
                "/nonexistent/dir",
            ),
        ];
        for (bad, key) in cases {
            let err = Governor::new(bad.clone()).expect_err(key);
            assert_eq!(err.exit(), Exit::Config, "{err}");
            assert!(err.to_string().contains(key), "{err} should name {key}");
        }
        let ok = GovernorSettings {
            cpu_percent: Some(100.0),
            io_ops: Some(1),
            ..settings()
        };
        assert!(Governor::new(ok).is_ok());
    }

    #[test]
    fn every_error_is_classified() {
        let io = || std::io::Error::from_raw_os_error(libc::EAGAIN);
        let cases = [
            (
                GovernorError::MemoryLimit {
                    limit: 1,
                    in_use: 1,
                    requested: 1,
                },
                Exit::TempFail,
            ),
            (GovernorError::NoCountingAllocator, Exit::Unavailable),
            (
                GovernorError::CgroupUnavailable {
                    reasons: "x".into(),
                    permission: true,
                },
                Exit::NoPerm,
            ),
            (
                GovernorError::CgroupUnavailable {
                    reasons: "x".into(),
                    permission: false,
                },
                Exit::Unavailable,
            ),
            (
                GovernorError::SandboxUnavailable { reason: "x".into() },
                Exit::Unavailable,
            ),
            (GovernorError::AlreadyInstalled, Exit::Software),
            (GovernorError::Signals { source: io() }, Exit::TempFail),
            (
                GovernorError::MemoryBelowUsage {
                    limit: 1,
                    in_use: 2,
                },
                Exit::Config,
            ),
        ];
        for (err, exit) in cases {
            assert_eq!(err.exit(), exit, "{err}");
            let text = err.to_string();
            assert!(!text.ends_with('.'), "{text}");
            assert_eq!(
                text.chars().next(),
                text.chars().next().map(|c| c.to_ascii_lowercase())
            );
        }
    }

    #[test]
    fn installed_report_reads_well() {
        let installed = Installed {
            workers: 4,
            memory_limit: Some(64 << 20),
            cpu: CpuApplied::CgroupV1 {
                path: "/sys/fs/cgroup/cpu/omni/42".into(),
                quota_us: 50_000,
                period_us: 100_000,
                reaped: Vec::new(),
            },
            io_ops: Some(50),
            io_burst: Some(50),
            seed: None,
            sandbox: None,
            pause_signal: "SIGUSR1",
            resume_signal: "SIGUSR2",
        };
        let text = installed.to_string();
        assert!(text.contains("memory limit  64MiB"), "{text}");
        assert!(
            text.contains(
                "cpu cap       cgroup-v1 50000us per 100000us in /sys/fs/cgroup/cpu/omni/42"
            ),
            "{text}"
        );
        assert!(text.contains("io rate       50/s, burst 50"), "{text}");
        assert!(text.contains("seed          none"), "{text}");
        let json = serde_json::to_value(&installed).expect("json");
        assert_eq!(json["cpu"]["mechanism"], "cgroup-v1");
        assert_eq!(json["cpu"]["quota_us"], 50_000);
    }

    #[test]
    fn oversized_permit_requests_are_clamped_not_hung() {
        let gov = Governor::new(settings()).expect("valid");
        let permit = gov.acquire_many_blocking(99);
        assert_eq!(permit.units(), 2);
        drop(permit);
        assert_eq!(gov.acquire_many_blocking(0).units(), 1);
    }
}
