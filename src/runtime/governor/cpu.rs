//! The CPU cap: hold the whole process to `P` percent of the *machine*
//! (all online CPUs together), by the strongest mechanism available.
//!
//! Mechanisms, in the order `CpuEnforcement::Auto` tries them:
//! 1. cgroup v2 `cpu.max` — when the process's v2 cgroup offers the `cpu`
//!    controller and omni may write there;
//! 2. cgroup v1 `cpu.cfs_quota_us` / `cpu.cfs_period_us` — when a v1 `cpu`
//!    hierarchy is mounted and writable;
//! 3. duty-cycle throttling — no privileges needed: governed work calls
//!    `checkpoint()`, which sleeps whenever the process's CPU time runs ahead
//!    of its budget.
//!
//! For a cgroup the governor creates `<cgroup of this process>/omni/<pid>`
//! (on v2, in the nearest group from its own upwards that may delegate the
//! `cpu` controller: v2 forbids enabling controllers below a group that
//! holds processes, and enabling `cpu` there may be the one system-wide
//! change this makes), writes the quota, and moves the whole process there (`cgroup.procs` moves
//! every thread, and children started later inherit it, so the cap covers the
//! process tree). The directory is named after the pid under a directory
//! named `omni` so it can be found again: each install first removes
//! `omni/<pid>` directories whose process is gone. The kernel refuses to
//! remove a cgroup that still holds a live process, so reaping never touches
//! a running omni.
//!
//! Guarantees:
//! - With a cgroup, the kernel enforces the cap on every thread, governed or
//!   not: over each period the process gets at most `P% * ncpus * period`.
//! - With duty-cycling, the process's CPU time (all threads, measured with
//!   `CLOCK_PROCESS_CPUTIME_ID`) stays within the budget over windows of
//!   about 100ms, as long as the busy threads call `checkpoint()` at least
//!   every few milliseconds. Threads that never call it are not slowed but
//!   their CPU time still counts, so governed threads sleep more to make up.
//! - A forced mechanism that cannot be applied is an error, never a silent
//!   fallback; only `Auto` falls back, and says why in its report.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use super::GovernorError;

/// How the CPU cap is enforced (`--cpu-enforcement`, `[governor]
/// cpu_enforcement`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CpuEnforcement {
    /// cgroup v2, else cgroup v1, else duty-cycle throttling.
    #[default]
    Auto,
    /// A cgroup (v2 or v1) or an error.
    Cgroup,
    /// Duty-cycle throttling even when a cgroup is available.
    DutyCycle,
}

impl CpuEnforcement {
    /// The accepted spellings, for error messages and help.
    pub const NAMES: [&'static str; 3] = ["auto", "cgroup", "duty-cycle"];
}

impl std::fmt::Display for CpuEnforcement {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            CpuEnforcement::Auto => "auto",
            CpuEnforcement::Cgroup => "cgroup",
            CpuEnforcement::DutyCycle => "duty-cycle",
        })
    }
}

impl std::str::FromStr for CpuEnforcement {
    type Err = GovernorError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "auto" => Ok(CpuEnforcement::Auto),
            "cgroup" => Ok(CpuEnforcement::Cgroup),
            "duty-cycle" => Ok(CpuEnforcement::DutyCycle),
            other => Err(GovernorError::Invalid {
                key: "cpu_enforcement",
                reason: format!(
                    "'{other}' is not one of {}",
                    CpuEnforcement::NAMES.join(", ")
                ),
            }),
        }
    }
}

/// What `install` did about the CPU cap.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[serde(tag = "mechanism", rename_all = "kebab-case")]
pub enum CpuApplied {
    /// No cap was asked for.
    None,
    /// A cgroup v2 child group with `cpu.max = "quota period"`.
    CgroupV2 {
        /// The cgroup directory the process now lives in.
        path: PathBuf,
        /// Microseconds of CPU per period, all CPUs together.
        quota_us: u64,
        /// The period in microseconds.
        period_us: u64,
        /// Stale `omni/<pid>` groups removed first.
        reaped: Vec<PathBuf>,
    },
    /// A cgroup v1 child group with CFS quota and period.
    CgroupV1 {
        /// The cgroup directory the process now lives in.
        path: PathBuf,
        /// Microseconds of CPU per period, all CPUs together.
        quota_us: u64,
        /// The period in microseconds.
        period_us: u64,
        /// Stale `omni/<pid>` groups removed first.
        reaped: Vec<PathBuf>,
    },
    /// Duty-cycle throttling in `checkpoint()`.
    DutyCycle {
        /// The cap, percent of the whole machine.
        percent: f64,
        /// CPUs the percentage is taken of.
        cpus: u32,
        /// Why no cgroup was used, when `auto` fell back.
        #[serde(skip_serializing_if = "Option::is_none")]
        fallback_reason: Option<String>,
    },
}

impl CpuApplied {
    /// A short stable name: `none`, `cgroup-v2`, `cgroup-v1`, `duty-cycle`.
    pub fn mechanism(&self) -> &'static str {
        match self {
            CpuApplied::None => "none",
            CpuApplied::CgroupV2 { .. } => "cgroup-v2",
            CpuApplied::CgroupV1 { .. } => "cgroup-v1",
            CpuApplied::DutyCycle { .. } => "duty-cycle",
        }
    }

    /// The cgroup directory, when a cgroup is used.
    pub fn cgroup_path(&self) -> Option<&Path> {
        match self {
            CpuApplied::CgroupV2 { path, .. } | CpuApplied::CgroupV1 { path, .. } => Some(path),
            _ => None,
        }
    }
}

/// Online CPUs (the "whole machine" the percentage is taken of).
pub fn online_cpus() -> u32 {
    // SAFETY: sysconf has no preconditions.
    let n = unsafe { libc::sysconf(libc::_SC_NPROCESSORS_ONLN) };
    u32::try_from(n).ok().filter(|&n| n > 0).unwrap_or(1)
}

/// CPU time used by the whole process so far (all threads, user + system).
pub fn process_cpu_time() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid timespec for clock_gettime to fill; the clock
    // id is a constant every Linux supports.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &raw mut ts) };
    if rc != 0 {
        return Duration::ZERO;
    }
    Duration::new(
        u64::try_from(ts.tv_sec).unwrap_or(0),
        u32::try_from(ts.tv_nsec).unwrap_or(0),
    )
}

/// The CFS period omni uses: 100ms, the kernel's default.
const PERIOD_US: u64 = 100_000;
/// The kernel's smallest accepted quota.
const MIN_QUOTA_US: u64 = 1_000;
/// The kernel's largest accepted period.
const MAX_PERIOD_US: u64 = 1_000_000;

/// `(quota_us, period_us)` for `percent` of `cpus` CPUs.
///
/// Tiny caps that would fall under the kernel's 1ms minimum quota use the
/// longest period instead, so the ratio stays right.
pub fn quota_for(percent: f64, cpus: u32) -> (u64, u64) {
    let share = percent / 100.0 * f64::from(cpus);
    let quota = |period: u64| (share * period as f64).round() as u64;
    let mut period = PERIOD_US;
    if quota(period) < MIN_QUOTA_US {
        period = MAX_PERIOD_US;
    }
    (quota(period).max(MIN_QUOTA_US), period)
}

/// One failed cgroup attempt, kept so `auto` can say why it fell back and a
/// forced `cgroup` can say why it failed.
#[derive(Debug)]
pub struct CgroupAttempt {
    /// `"v2"` or `"v1"`.
    pub version: &'static str,
    /// The file or directory that could not be used.
    pub path: PathBuf,
    /// Why.
    pub reason: String,
    /// True when the failure was a permission problem (not root, read-only).
    pub permission: bool,
}

impl std::fmt::Display for CgroupAttempt {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "cgroup {} at {}: {}",
            self.version,
            self.path.display(),
            self.reason
        )
    }
}

impl CgroupAttempt {
    fn io(version: &'static str, path: &Path, what: &str, err: &io::Error) -> CgroupAttempt {
        let permission = matches!(err.kind(), io::ErrorKind::PermissionDenied)
            || err.raw_os_error() == Some(libc::EROFS)
            || err.raw_os_error() == Some(libc::EPERM);
        CgroupAttempt {
            version,
            path: path.to_path_buf(),
            reason: format!("{what}: {err}"),
            permission,
        }
    }

    fn missing(version: &'static str, path: &Path, reason: impl Into<String>) -> CgroupAttempt {
        CgroupAttempt {
            version,
            path: path.to_path_buf(),
            reason: reason.into(),
            permission: false,
        }
    }
}

/// A cgroup mount from /proc/self/mountinfo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CgroupMount {
    /// Where it is mounted.
    pub mount_point: PathBuf,
    /// The cgroup path the mount's root corresponds to (`/` unless the
    /// mount is a bind of a subtree, as in some containers).
    pub root: String,
}

/// Decodes the octal escapes mountinfo uses for space, tab, newline, `\`.
fn unescape_mountinfo(field: &str) -> String {
    let bytes = field.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\\' && i + 3 < bytes.len() {
            let digits = &bytes[i + 1..i + 4];
            // Three octal digits, the first at most 3: one byte's value.
            if digits[0] <= b'3' && digits.iter().all(|d| (b'0'..=b'7').contains(d)) {
                out.push(digits.iter().fold(0_u8, |acc, d| acc * 8 + (d - b'0')));
                i += 4;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Finds the cgroup v2 mount (`want_v1_cpu == false`) or the v1 mount whose
/// hierarchy carries the `cpu` controller (`want_v1_cpu == true`).
pub fn find_mount(mountinfo: &str, want_v1_cpu: bool) -> Option<CgroupMount> {
    for line in mountinfo.lines() {
        let Some((left, right)) = line.split_once(" - ") else {
            continue;
        };
        let left: Vec<&str> = left.split(' ').collect();
        let right: Vec<&str> = right.split(' ').collect();
        let (Some(root), Some(mount_point), Some(fstype)) =
            (left.get(3), left.get(4), right.first())
        else {
            continue;
        };
        let matches = if want_v1_cpu {
            *fstype == "cgroup"
                && right
                    .get(2)
                    .is_some_and(|opts| opts.split(',').any(|o| o == "cpu"))
        } else {
            *fstype == "cgroup2"
        };
        if matches {
            return Some(CgroupMount {
                mount_point: PathBuf::from(unescape_mountinfo(mount_point)),
                root: unescape_mountinfo(root),
            });
        }
    }
    None
}

/// This process's cgroup path: the v2 one (`0::/path`) or the v1 one of the
/// hierarchy carrying `cpu`.
pub fn own_cgroup(proc_cgroup: &str, want_v1_cpu: bool) -> Option<String> {
    for line in proc_cgroup.lines() {
        let mut parts = line.splitn(3, ':');
        let (Some(id), Some(controllers), Some(path)) = (parts.next(), parts.next(), parts.next())
        else {
            continue;
        };
        let matches = if want_v1_cpu {
            id != "0" && controllers.split(',').any(|c| c == "cpu")
        } else {
            id == "0" && controllers.is_empty()
        };
        if matches {
            return Some(path.to_string());
        }
    }
    None
}

/// `<mount>/<cgroup path relative to the mount's root>`.
pub fn cgroup_dir(mount: &CgroupMount, cgroup: &str) -> PathBuf {
    let relative = cgroup
        .strip_prefix(mount.root.trim_end_matches('/'))
        .unwrap_or(cgroup)
        .trim_start_matches('/');
    if relative.is_empty() {
        mount.mount_point.clone()
    } else {
        mount.mount_point.join(relative)
    }
}

/// True when no process has id `pid` any more.
fn pid_is_dead(pid: i32) -> bool {
    // SAFETY: signal 0 only checks that the target exists; nothing is sent.
    let rc = unsafe { libc::kill(pid, 0) };
    rc != 0 && io::Error::last_os_error().raw_os_error() == Some(libc::ESRCH)
}

/// Removes `omni/<pid>` groups under `omni_dir` whose process is gone.
///
/// The kernel only removes an empty cgroup, so a group that still holds a
/// child of the dead omni (or a live omni with a reused pid) stays; errors
/// are ignored for the same reason.
pub fn reap_stale(omni_dir: &Path) -> Vec<PathBuf> {
    let mut reaped = Vec::new();
    let Ok(entries) = fs::read_dir(omni_dir) else {
        return reaped;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(|n| n.parse::<i32>().ok()) else {
            continue;
        };
        if pid > 0 && pid_is_dead(pid) && fs::remove_dir(entry.path()).is_ok() {
            reaped.push(entry.path());
        }
    }
    reaped
}

fn write_file(version: &'static str, path: &Path, value: &str) -> Result<(), CgroupAttempt> {
    fs::write(path, value)
        .map_err(|e| CgroupAttempt::io(version, path, &format!("writing '{value}'"), &e))
}

fn make_dir(version: &'static str, path: &Path) -> Result<(), CgroupAttempt> {
    match fs::create_dir(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(CgroupAttempt::io(version, path, "creating the group", &e)),
    }
}

/// Where the kernel describes mounts and cgroups; a parameter so tests can
/// point at fixtures.
#[derive(Debug, Clone)]
pub struct ProcFiles {
    /// `/proc/self/mountinfo`.
    pub mountinfo: PathBuf,
    /// `/proc/self/cgroup`.
    pub cgroup: PathBuf,
}

impl Default for ProcFiles {
    fn default() -> Self {
        ProcFiles {
            mountinfo: PathBuf::from("/proc/self/mountinfo"),
            cgroup: PathBuf::from("/proc/self/cgroup"),
        }
    }
}

fn read_proc(version: &'static str, path: &Path) -> Result<String, CgroupAttempt> {
    fs::read_to_string(path).map_err(|e| CgroupAttempt::io(version, path, "reading", &e))
}

/// Tries cgroup v2: `<own group>/omni/<pid>` with `cpu.max`.
pub fn try_v2(proc: &ProcFiles, percent: f64, cpus: u32) -> Result<CpuApplied, CgroupAttempt> {
    const V: &str = "v2";
    let mountinfo = read_proc(V, &proc.mountinfo)?;
    let mount = find_mount(&mountinfo, false)
        .ok_or_else(|| CgroupAttempt::missing(V, &proc.mountinfo, "no cgroup2 mount"))?;
    let own = read_proc(V, &proc.cgroup)?;
    let own = own_cgroup(&own, false)
        .ok_or_else(|| CgroupAttempt::missing(V, &proc.cgroup, "no '0::' line"))?;
    // cgroup v2's "no internal processes" rule refuses to enable a
    // controller for the children of a group that holds processes, which
    // our own group usually does (a login scope, a service). So the first
    // group, from ours upwards, that can delegate `cpu` hosts omni/<pid>.
    let own_dir = cgroup_dir(&mount, &own);
    let mut first_failure = None;
    let mut omni_dir = None;
    for base in own_dir
        .ancestors()
        .take_while(|dir| dir.starts_with(&mount.mount_point))
    {
        match delegate_cpu(base) {
            Ok(dir) => {
                omni_dir = Some(dir);
                break;
            }
            Err(failed) => {
                first_failure.get_or_insert(failed);
            }
        }
    }
    let Some(omni_dir) = omni_dir else {
        return Err(first_failure
            .unwrap_or_else(|| CgroupAttempt::missing(V, &own_dir, "outside the cgroup2 mount")));
    };
    let reaped = reap_stale(&omni_dir);
    let group = omni_dir.join(std::process::id().to_string());
    make_dir(V, &group)?;
    let (quota_us, period_us) = quota_for(percent, cpus);
    let result = write_file(
        V,
        &group.join("cpu.max"),
        &format!("{quota_us} {period_us}"),
    )
    .and_then(|()| {
        write_file(
            V,
            &group.join("cgroup.procs"),
            &std::process::id().to_string(),
        )
    });
    if let Err(e) = result {
        let _ = fs::remove_dir(&group);
        return Err(e);
    }
    Ok(CpuApplied::CgroupV2 {
        path: group,
        quota_us,
        period_us,
        reaped,
    })
}

/// Makes `<base>/omni` with the `cpu` controller enabled for its children.
fn delegate_cpu(base: &Path) -> Result<PathBuf, CgroupAttempt> {
    const V: &str = "v2";
    let controllers = base.join("cgroup.controllers");
    let available = fs::read_to_string(&controllers)
        .map_err(|e| CgroupAttempt::io(V, &controllers, "reading", &e))?;
    if !available.split_whitespace().any(|c| c == "cpu") {
        return Err(CgroupAttempt::missing(
            V,
            &controllers,
            format!("cpu controller not available (have: {})", available.trim()),
        ));
    }
    enable_cpu(&base.join("cgroup.subtree_control"))?;
    let omni_dir = base.join("omni");
    make_dir(V, &omni_dir)?;
    enable_cpu(&omni_dir.join("cgroup.subtree_control"))?;
    Ok(omni_dir)
}

fn enable_cpu(subtree_control: &Path) -> Result<(), CgroupAttempt> {
    let enabled = fs::read_to_string(subtree_control).unwrap_or_default();
    if enabled.split_whitespace().any(|c| c == "cpu") {
        return Ok(());
    }
    write_file("v2", subtree_control, "+cpu")
}

/// Tries cgroup v1: `<own group>/omni/<pid>` with CFS quota and period.
pub fn try_v1(proc: &ProcFiles, percent: f64, cpus: u32) -> Result<CpuApplied, CgroupAttempt> {
    const V: &str = "v1";
    let mountinfo = read_proc(V, &proc.mountinfo)?;
    let mount = find_mount(&mountinfo, true)
        .ok_or_else(|| CgroupAttempt::missing(V, &proc.mountinfo, "no cgroup v1 'cpu' mount"))?;
    let own = read_proc(V, &proc.cgroup)?;
    let own = own_cgroup(&own, true)
        .ok_or_else(|| CgroupAttempt::missing(V, &proc.cgroup, "no 'cpu' hierarchy line"))?;
    let base = cgroup_dir(&mount, &own);
    let quota_file = base.join("cpu.cfs_quota_us");
    if !quota_file.exists() {
        return Err(CgroupAttempt::missing(
            V,
            &quota_file,
            "no CFS bandwidth control",
        ));
    }
    let omni_dir = base.join("omni");
    make_dir(V, &omni_dir)?;
    let reaped = reap_stale(&omni_dir);
    let group = omni_dir.join(std::process::id().to_string());
    make_dir(V, &group)?;
    let (quota_us, period_us) = quota_for(percent, cpus);
    // Period before quota: the kernel checks the quota against the period
    // (and the parent's limits) when it is written.
    let result = write_file(V, &group.join("cpu.cfs_period_us"), &period_us.to_string())
        .and_then(|()| write_file(V, &group.join("cpu.cfs_quota_us"), &quota_us.to_string()))
        .and_then(|()| {
            write_file(
                V,
                &group.join("cgroup.procs"),
                &std::process::id().to_string(),
            )
        });
    if let Err(e) = result {
        let _ = fs::remove_dir(&group);
        return Err(e);
    }
    Ok(CpuApplied::CgroupV1 {
        path: group,
        quota_us,
        period_us,
        reaped,
    })
}

/// Applies the cap with `mode`; returns what was applied and, for
/// duty-cycling, the throttle `checkpoint()` must consult.
pub fn apply(
    proc: &ProcFiles,
    percent: f64,
    mode: CpuEnforcement,
) -> Result<(CpuApplied, Option<DutyCycle>), GovernorError> {
    let cpus = online_cpus();
    let duty = |fallback_reason| {
        (
            CpuApplied::DutyCycle {
                percent,
                cpus,
                fallback_reason,
            },
            Some(DutyCycle::new(percent, cpus)),
        )
    };
    if mode == CpuEnforcement::DutyCycle {
        return Ok(duty(None));
    }
    let mut attempts = Vec::new();
    for attempt in [try_v2, try_v1] {
        match attempt(proc, percent, cpus) {
            Ok(applied) => return Ok((applied, None)),
            Err(failed) => {
                tracing::debug!("cpu cap: {failed}");
                attempts.push(failed);
            }
        }
    }
    let reasons = attempts
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("; ");
    if mode == CpuEnforcement::Cgroup {
        return Err(GovernorError::CgroupUnavailable {
            reasons,
            permission: attempts.iter().any(|a| a.permission),
        });
    }
    tracing::info!("cpu cap: no usable cgroup, using duty-cycle throttling ({reasons})");
    Ok(duty(Some(reasons)))
}

/// How often (at most) a checkpoint re-measures the process's CPU time.
const CHECK_EVERY: Duration = Duration::from_millis(5);
/// How long a window may run before its idle credit is dropped.
const WINDOW: Duration = Duration::from_millis(100);

/// The duty-cycle throttle shared by every governed thread.
///
/// Each window starts at a (wall, cpu) mark. At most every [`CHECK_EVERY`]
/// one checkpoint compares the CPU used since the mark with the budget the
/// elapsed wall time earned (`share * wall`, `share = P% * ncpus`). When the
/// CPU runs ahead it publishes a "sleep until" deadline — the instant at
/// which the budget catches up — and every checkpoint reached before that
/// instant sleeps until it. Windows restart every [`WINDOW`] when not in
/// debt, so a long idle spell cannot be saved up for a long burst.
#[derive(Debug)]
pub struct DutyCycle {
    /// CPU seconds allowed per wall second.
    share: f64,
    origin: Instant,
    /// Nanoseconds after `origin` until which governed work sleeps.
    sleep_until: AtomicU64,
    /// Nanoseconds after `origin` of the next re-measurement.
    next_check: AtomicU64,
    window: Mutex<Window>,
}

#[derive(Debug)]
struct Window {
    wall: Instant,
    cpu: Duration,
}

impl DutyCycle {
    /// A throttle for `percent` of `cpus` CPUs, starting now.
    pub fn new(percent: f64, cpus: u32) -> DutyCycle {
        let origin = Instant::now();
        DutyCycle {
            share: (percent / 100.0 * f64::from(cpus)).max(1e-6),
            origin,
            sleep_until: AtomicU64::new(0),
            next_check: AtomicU64::new(0),
            window: Mutex::new(Window {
                wall: origin,
                cpu: process_cpu_time(),
            }),
        }
    }

    fn offset(&self, at: Instant) -> u64 {
        u64::try_from(at.saturating_duration_since(self.origin).as_nanos()).unwrap_or(u64::MAX)
    }

    /// How long the calling thread should sleep now to keep the process
    /// within its budget; `None` when it may run on.
    pub fn due(&self, now: Instant) -> Option<Duration> {
        let now_ns = self.offset(now);
        let until = self.sleep_until.load(Ordering::Acquire);
        if until > now_ns {
            return Some(Duration::from_nanos(until - now_ns));
        }
        if now_ns < self.next_check.load(Ordering::Relaxed) {
            return None;
        }
        // One thread measures; the others run on and pick up the deadline
        // at their next checkpoint.
        let Ok(mut window) = self.window.try_lock() else {
            return None;
        };
        self.next_check
            .store(now_ns + CHECK_EVERY.as_nanos() as u64, Ordering::Relaxed);
        let cpu = process_cpu_time();
        let used = cpu.saturating_sub(window.cpu);
        let wall = now.saturating_duration_since(window.wall);
        let earned = Duration::from_secs_f64(used.as_secs_f64() / self.share);
        if earned > wall {
            let deadline = window.wall + earned;
            self.sleep_until
                .store(self.offset(deadline), Ordering::Release);
            return Some(earned - wall);
        }
        if wall >= WINDOW {
            window.wall = now;
            window.cpu = cpu;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MOUNTINFO: &str = "\
25 30 0:22 / /sys rw,nosuid,nodev,noexec,relatime shared:7 - sysfs sysfs rw
31 25 0:26 / /sys/fs/cgroup ro,nosuid,nodev,noexec - tmpfs tmpfs ro,mode=755
32 31 0:27 / /sys/fs/cgroup/unified rw,nosuid,nodev,noexec,relatime - cgroup2 cgroup2 rw
35 31 0:30 / /sys/fs/cgroup/cpu,cpuacct rw,nosuid - cgroup cgroup rw,cpu,cpuacct
36 31 0:31 /docker/abc /sys/fs/cgroup/cpu\\040set rw - cgroup cgroup rw,cpuset
";

    #[test]
    fn mountinfo_finds_v2_and_the_v1_cpu_hierarchy() {
        let v2 = find_mount(MOUNTINFO, false).expect("v2");
        assert_eq!(v2.mount_point, PathBuf::from("/sys/fs/cgroup/unified"));
        let v1 = find_mount(MOUNTINFO, true).expect("v1");
        // "cpuset" must not be mistaken for "cpu".
        assert_eq!(v1.mount_point, PathBuf::from("/sys/fs/cgroup/cpu,cpuacct"));
        assert_eq!(unescape_mountinfo("/a\\040b"), "/a b");
        assert_eq!(unescape_mountinfo("/plain"), "/plain");
        assert_eq!(unescape_mountinfo("/end\\"), "/end\\");
    }

    #[test]
    fn own_cgroup_reads_both_formats() {
        let text = "9:name=systemd:/\n3:cpuset:/x\n1:cpu,cpuacct:/user/7\n0::/user.slice/s\n";
        assert_eq!(own_cgroup(text, true).as_deref(), Some("/user/7"));
        assert_eq!(own_cgroup(text, false).as_deref(), Some("/user.slice/s"));
        assert_eq!(own_cgroup("0::/\n", true), None);
    }

    #[test]
    fn cgroup_dir_strips_the_mount_root() {
        let mount = CgroupMount {
            mount_point: PathBuf::from("/sys/fs/cgroup/cpu"),
            root: "/docker/abc".into(),
        };
        assert_eq!(
            cgroup_dir(&mount, "/docker/abc/inner"),
            PathBuf::from("/sys/fs/cgroup/cpu/inner")
        );
        let root = CgroupMount {
            mount_point: PathBuf::from("/sys/fs/cgroup/cpu"),
            root: "/".into(),
        };
        assert_eq!(cgroup_dir(&root, "/"), PathBuf::from("/sys/fs/cgroup/cpu"));
        assert_eq!(
            cgroup_dir(&root, "/a/b"),
            PathBuf::from("/sys/fs/cgroup/cpu/a/b")
        );
    }

    #[test]
    fn quota_is_a_share_of_the_whole_machine() {
        assert_eq!(quota_for(25.0, 2), (50_000, 100_000));
        assert_eq!(quota_for(100.0, 4), (400_000, 100_000));
        // 0.1% of one CPU is under the 1ms minimum at 100ms: use 1s.
        assert_eq!(quota_for(0.1, 1), (1_000, 1_000_000));
        assert_eq!(quota_for(0.01, 1), (1_000, 1_000_000));
    }

    #[test]
    fn enforcement_names_round_trip() {
        for name in CpuEnforcement::NAMES {
            let mode: CpuEnforcement = name.parse().expect("known name");
            assert_eq!(mode.to_string(), name);
        }
        assert!("cgroups".parse::<CpuEnforcement>().is_err());
    }

    #[test]
    fn duty_cycle_holds_a_busy_thread_to_its_share() {
        fn thread_cpu() -> Duration {
            let mut ts = libc::timespec {
                tv_sec: 0,
                tv_nsec: 0,
            };
            // SAFETY: `ts` is a valid timespec for clock_gettime to fill.
            unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &raw mut ts) };
            Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
        }
        // 20% of one CPU. Other test threads' CPU time counts against the
        // same process budget, which can only make this thread sleep more,
        // so the bound below is one-sided.
        let throttle = DutyCycle::new(20.0, 1);
        let start = Instant::now();
        let cpu0 = thread_cpu();
        let mut slept = Duration::ZERO;
        while start.elapsed() < Duration::from_millis(400) {
            std::hint::black_box((0..2000_u64).sum::<u64>());
            if let Some(sleep) = throttle.due(Instant::now()) {
                std::thread::sleep(sleep);
                slept += sleep;
            }
        }
        let share = (thread_cpu() - cpu0).as_secs_f64() / start.elapsed().as_secs_f64();
        assert!(
            share < 0.30,
            "busy thread used {share:.2} of a cpu under a 0.20 cap"
        );
        assert!(slept > Duration::from_millis(200), "slept only {slept:?}");
    }

    /// A fake cgroup tree in a temp dir: the prober only reads and writes
    /// plain files, so the kernel's files can be stood in for.
    struct Fixture {
        _dir: tempfile::TempDir,
        root: PathBuf,
        proc: ProcFiles,
    }

    fn fixture(fstype_line: &str, proc_cgroup: &str) -> Fixture {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path().join("cg");
        fs::create_dir(&root).expect("mkdir");
        let mountinfo = dir.path().join("mountinfo");
        let line = fstype_line.replace("ROOT", &root.display().to_string());
        fs::write(&mountinfo, format!("{line}\n")).expect("mountinfo");
        let cgroup = dir.path().join("cgroup");
        fs::write(&cgroup, proc_cgroup).expect("cgroup");
        Fixture {
            _dir: dir,
            root,
            proc: ProcFiles { mountinfo, cgroup },
        }
    }

    fn dead_pid() -> u32 {
        let mut child = std::process::Command::new("true").spawn().expect("true");
        let pid = child.id();
        child.wait().expect("wait");
        pid
    }

    #[test]
    fn v1_writes_period_quota_and_moves_the_process() {
        let fx = fixture(
            "35 31 0:30 / ROOT rw - cgroup cgroup rw,cpu,cpuacct",
            "1:cpu,cpuacct:/\n",
        );
        fs::write(fx.root.join("cpu.cfs_quota_us"), "-1").expect("quota");
        let stale = fx.root.join("omni").join(dead_pid().to_string());
        fs::create_dir_all(&stale).expect("stale");
        let applied = try_v1(&fx.proc, 25.0, 2).expect("v1");
        let group = fx.root.join("omni").join(std::process::id().to_string());
        assert_eq!(
            applied,
            CpuApplied::CgroupV1 {
                path: group.clone(),
                quota_us: 50_000,
                period_us: 100_000,
                reaped: vec![stale.clone()],
            }
        );
        let read = |f: &str| fs::read_to_string(group.join(f)).expect(f);
        assert_eq!(read("cpu.cfs_period_us"), "100000");
        assert_eq!(read("cpu.cfs_quota_us"), "50000");
        assert_eq!(read("cgroup.procs"), std::process::id().to_string());
        assert!(!stale.exists());
    }

    #[test]
    fn v2_climbs_to_the_nearest_group_that_can_delegate_cpu() {
        let fx = fixture("32 31 0:27 / ROOT rw - cgroup2 cgroup2 rw", "0::/svc/app\n");
        let svc = fx.root.join("svc");
        let app = svc.join("app");
        fs::create_dir_all(&app).expect("mkdir");
        // Our own group cannot delegate cpu; its parent can.
        fs::write(app.join("cgroup.controllers"), "memory pids\n").expect("app");
        fs::write(svc.join("cgroup.controllers"), "cpu memory pids\n").expect("svc");
        fs::write(svc.join("cgroup.subtree_control"), "memory\n").expect("svc");
        let applied = try_v2(&fx.proc, 50.0, 4).expect("v2");
        let group = svc.join("omni").join(std::process::id().to_string());
        assert_eq!(applied.cgroup_path(), Some(group.as_path()));
        assert_eq!(applied.mechanism(), "cgroup-v2");
        let read = |p: PathBuf| fs::read_to_string(p).expect("read");
        assert_eq!(read(group.join("cpu.max")), "200000 100000");
        assert_eq!(
            read(group.join("cgroup.procs")),
            std::process::id().to_string()
        );
        assert_eq!(read(svc.join("cgroup.subtree_control")), "+cpu");
        assert_eq!(read(svc.join("omni/cgroup.subtree_control")), "+cpu");
    }

    #[test]
    fn v2_without_the_cpu_controller_says_so() {
        let fx = fixture("32 31 0:27 / ROOT rw - cgroup2 cgroup2 rw", "0::/\n");
        fs::write(fx.root.join("cgroup.controllers"), "hugetlb\n").expect("controllers");
        let err = try_v2(&fx.proc, 25.0, 2).unwrap_err();
        assert!(
            err.to_string()
                .contains("cpu controller not available (have: hugetlb)"),
            "{err}"
        );
        assert!(err.to_string().contains("cgroup.controllers"), "{err}");
        assert!(!err.permission);
    }

    #[test]
    fn missing_proc_files_are_reported_not_fatal() {
        let proc = ProcFiles {
            mountinfo: PathBuf::from("/nonexistent/mountinfo"),
            cgroup: PathBuf::from("/nonexistent/cgroup"),
        };
        let err = try_v1(&proc, 25.0, 2).unwrap_err();
        assert!(err.to_string().contains("/nonexistent/mountinfo"), "{err}");
        let (applied, throttle) = apply(&proc, 25.0, CpuEnforcement::Auto).expect("auto");
        assert_eq!(applied.mechanism(), "duty-cycle");
        assert!(throttle.is_some());
        let err = apply(&proc, 25.0, CpuEnforcement::Cgroup).unwrap_err();
        assert!(err.to_string().contains("/nonexistent/mountinfo"), "{err}");
    }
}
