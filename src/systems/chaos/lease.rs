//! Leases: the on-disk record of every fault, and how a fault is given back.
//!
//! `<state>/chaos/leases/<id>.json` (0600, replaced atomically) holds what
//! was asked, the plan, the TTL, the controller (pid and start time), the
//! undo steps and, once it ended, how and with what result. Every change
//! is a read-modify-write under one lock (`leases/.lock`, `flock`), so a
//! controller finishing and a watchdog giving back never both win.
//!
//! A lease is *final* once its state is anything but `active`; its undo
//! steps have then been applied (`undone`), or the errors are recorded.
//! [`sweep`] gives back every active lease whose controller is gone or
//! whose TTL has passed (killing a controller that outlived its TTL).

use std::fs::{self, File, OpenOptions};
use std::os::fd::AsRawFd;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rand::RngCore;
use serde::{Deserialize, Serialize};

use super::{ChaosError, chaos_dir};
use crate::runtime::state::{ensure_dir, write_atomic, write_new_atomic};
use crate::runtime::supervisor;

/// The record's schema version.
pub const VERSION: u32 = 1;

/// Finished leases older than this are removed by [`sweep`].
pub const RETENTION: Duration = Duration::from_secs(7 * 24 * 3600);

/// A process, named so that a reused pid is never mistaken for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Proc {
    pub pid: u32,
    /// Start time in clock ticks since boot (`/proc/<pid>/stat` field 22).
    pub start_ticks: u64,
}

impl Proc {
    /// The process `pid` as it is now, if it runs.
    pub fn of(pid: u32) -> Option<Proc> {
        supervisor::start_ticks_of(pid).map(|start_ticks| Proc { pid, start_ticks })
    }

    /// This process.
    pub fn own() -> Option<Proc> {
        Proc::of(std::process::id())
    }

    /// True while this very process runs (not a zombie, not a reused pid).
    pub fn alive(&self) -> bool {
        supervisor::process_alive(self.pid, self.start_ticks)
    }

    /// Sends `signal` if this very process still runs; false when it is gone.
    pub fn signal(&self, signal: i32) -> bool {
        if self.pid <= 1 || !self.alive() {
            return false;
        }
        // SAFETY: kill(2) with a positive pid checked just above to be the
        // process we mean; no memory is involved.
        unsafe { libc::kill(self.pid as libc::pid_t, signal) == 0 }
    }
}

/// One step that gives back part of a fault. Steps are idempotent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Undo {
    /// SIGCONT to a process the fault stopped.
    Continue { pid: u32, start_ticks: u64 },
    /// Remove a file the fault created.
    RemoveFile { path: PathBuf },
    /// Delete an iptables rule the fault inserted.
    Iptables { rule: super::net::Rule },
}

impl Undo {
    /// Applies the step; gone targets count as given back.
    pub fn apply(&self) -> Result<(), String> {
        match self {
            Undo::Continue { pid, start_ticks } => {
                let p = Proc {
                    pid: *pid,
                    start_ticks: *start_ticks,
                };
                p.signal(libc::SIGCONT);
                Ok(())
            }
            Undo::RemoveFile { path } => match fs::remove_file(path) {
                Ok(()) => Ok(()),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
                Err(e) => Err(format!("removing {}: {e}", path.display())),
            },
            Undo::Iptables { rule } => rule.delete(),
        }
    }

    /// One line for plans and reports.
    pub fn describe(&self) -> String {
        match self {
            Undo::Continue { pid, .. } => format!("SIGCONT to pid {pid}"),
            Undo::RemoveFile { path } => format!("remove {}", path.display()),
            Undo::Iptables { rule } => format!("delete {}", rule.describe()),
        }
    }
}

/// Where a lease is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LeaseState {
    /// Being applied or held by its controller.
    Active,
    /// Held for its whole duration, then given back by its controller.
    Ended,
    /// Stopped early (`stop`, a signal, the kill switch) and given back.
    Stopped,
    /// Its TTL passed with the controller still there: the controller was
    /// killed and the fault given back.
    Expired,
    /// Its controller died; a watchdog or a later command gave it back.
    Orphaned,
    /// It could not be applied; whatever was applied was given back.
    Failed,
}

impl LeaseState {
    pub fn as_str(self) -> &'static str {
        match self {
            LeaseState::Active => "active",
            LeaseState::Ended => "ended",
            LeaseState::Stopped => "stopped",
            LeaseState::Expired => "expired",
            LeaseState::Orphaned => "orphaned",
            LeaseState::Failed => "failed",
        }
    }
}

/// The record of one fault.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lease {
    pub version: u32,
    pub id: String,
    /// The fault's name (`cpu`, `memory`, `disk`, `process-pause`, …).
    pub fault: String,
    /// What was asked, as given.
    pub params: serde_json::Value,
    /// What the fault does, one line per effect.
    pub plan: Vec<String>,
    /// Unix seconds.
    pub created: f64,
    /// How long the fault is held, in seconds.
    pub duration: f64,
    /// Unix seconds after which anyone gives the fault back.
    pub expires: f64,
    pub controller: Option<Proc>,
    /// The supervisor entry of its watchdog, if it has one.
    pub watchdog: Option<String>,
    pub state: LeaseState,
    /// Set by `stop` before it signals the controller, so the controller
    /// tells a requested stop from an interrupt.
    #[serde(default)]
    pub stop_requested: bool,
    /// Unix seconds.
    pub ended: Option<f64>,
    pub reason: Option<String>,
    /// Recorded before the effects they undo, applied in reverse.
    pub undo: Vec<Undo>,
    pub undone: bool,
    pub undo_errors: Vec<String>,
    /// Measurements, once ended (e.g. the CPU load achieved per core).
    pub result: serde_json::Value,
    /// The `omni chaos run` whose activity started the fault, which stops
    /// it when the experiment ends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub experiment: Option<String>,
}

impl Lease {
    pub fn is_final(&self) -> bool {
        self.state != LeaseState::Active
    }

    /// Applies the undo steps (last first) and records the outcome.
    pub fn give_back(&mut self) {
        self.undo_errors = self
            .undo
            .iter()
            .rev()
            .filter_map(|u| u.apply().err())
            .collect();
        self.undone = self.undo_errors.is_empty();
    }

    /// Gives the fault back (if not yet) and makes the lease final.
    pub fn finish(&mut self, state: LeaseState, reason: Option<String>, now: f64) {
        if !self.undone {
            self.give_back();
        }
        self.state = state;
        self.reason = reason;
        self.ended = Some(now);
    }
}

/// Unix seconds of `t`.
pub fn unix(t: SystemTime) -> f64 {
    t.duration_since(UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64())
}

/// The directory of lease records.
#[derive(Debug, Clone)]
pub struct Leases {
    dir: PathBuf,
    state: PathBuf,
}

/// The dir lock, released on drop.
struct Locked(#[allow(dead_code)] File);

/// What a new lease starts with.
#[derive(Debug, Clone)]
pub struct NewLease {
    pub fault: String,
    pub params: serde_json::Value,
    pub plan: Vec<String>,
    pub duration: Duration,
    /// Added to the duration to make the TTL.
    pub grace: Duration,
    pub controller: Option<Proc>,
    /// The experiment run that started it (see [`Lease::experiment`]).
    pub experiment: Option<String>,
}

impl Leases {
    pub fn new(state: &Path) -> Leases {
        Leases {
            dir: chaos_dir(state).join("leases"),
            state: state.to_path_buf(),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The state directory the leases belong to.
    pub fn state(&self) -> &Path {
        &self.state
    }

    fn path(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.json"))
    }

    fn lock(&self) -> Result<Locked, ChaosError> {
        ensure_dir(&self.dir, 0o700)?;
        let path = self.dir.join(".lock");
        let file = OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|e| ChaosError::io("opening", &path, e))?;
        // SAFETY: flock(2) on a descriptor we own; blocks until the lock is ours.
        if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX) } != 0 {
            return Err(ChaosError::io(
                "locking",
                &path,
                std::io::Error::last_os_error(),
            ));
        }
        Ok(Locked(file))
    }

    /// Records a new active lease with a fresh id.
    pub fn create(&self, new: NewLease, now: SystemTime) -> Result<Lease, ChaosError> {
        let _lock = self.lock()?;
        let created = unix(now);
        loop {
            let id = format!("c-{:08x}", rand::rngs::OsRng.next_u32());
            let lease = Lease {
                version: VERSION,
                id: id.clone(),
                fault: new.fault.clone(),
                params: new.params.clone(),
                plan: new.plan.clone(),
                created,
                duration: new.duration.as_secs_f64(),
                expires: created + (new.duration + new.grace).as_secs_f64(),
                controller: new.controller,
                watchdog: None,
                state: LeaseState::Active,
                stop_requested: false,
                ended: None,
                reason: None,
                undo: Vec::new(),
                undone: false,
                undo_errors: Vec::new(),
                result: serde_json::Value::Null,
                experiment: new.experiment.clone(),
            };
            let bytes = serde_json::to_vec_pretty(&lease).unwrap_or_default();
            match write_new_atomic(&self.path(&id), &bytes, 0o600) {
                Ok(()) => return Ok(lease),
                Err(crate::runtime::state::StateError::Io { source, .. })
                    if source.kind() == std::io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(e.into()),
            }
        }
    }

    fn read(&self, id: &str) -> Result<Lease, ChaosError> {
        let path = self.path(id);
        if id.is_empty() || id.contains('/') || id.starts_with('.') {
            return Err(ChaosError::NoLease(id.to_string()));
        }
        let bytes = match fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(ChaosError::NoLease(id.to_string()));
            }
            Err(e) => return Err(ChaosError::io("reading", &path, e)),
        };
        let lease: Lease = serde_json::from_slice(&bytes).map_err(|e| ChaosError::Corrupt {
            path: path.clone(),
            reason: e.to_string(),
        })?;
        if lease.version != VERSION {
            return Err(ChaosError::Corrupt {
                path,
                reason: format!("unsupported version {}", lease.version),
            });
        }
        Ok(lease)
    }

    fn write(&self, lease: &Lease) -> Result<(), ChaosError> {
        let bytes = serde_json::to_vec_pretty(lease).unwrap_or_default();
        Ok(write_atomic(&self.path(&lease.id), &bytes, 0o600)?)
    }

    /// The lease `id`.
    pub fn load(&self, id: &str) -> Result<Lease, ChaosError> {
        self.read(id)
    }

    /// Changes lease `id` under the lock and saves it; returns what `f` did
    /// and the lease as saved.
    pub fn update<R>(
        &self,
        id: &str,
        f: impl FnOnce(&mut Lease) -> R,
    ) -> Result<(R, Lease), ChaosError> {
        let _lock = self.lock()?;
        let mut lease = self.read(id)?;
        let r = f(&mut lease);
        self.write(&lease)?;
        Ok((r, lease))
    }

    /// Records an undo step, durably, before the effect it undoes is applied.
    pub fn add_undo(&self, id: &str, step: Undo) -> Result<(), ChaosError> {
        self.update(id, |l| l.undo.push(step)).map(|_| ())
    }

    /// Every lease, oldest first, and the records that could not be read.
    pub fn list(&self) -> Result<(Vec<Lease>, Vec<ChaosError>), ChaosError> {
        let entries = match fs::read_dir(&self.dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok((Vec::new(), Vec::new()));
            }
            Err(e) => return Err(ChaosError::io("listing", &self.dir, e)),
        };
        let mut leases = Vec::new();
        let mut bad = Vec::new();
        for entry in entries.flatten() {
            let name = entry.file_name();
            let Some(id) = name.to_str().and_then(|n| n.strip_suffix(".json")) else {
                continue;
            };
            if id.starts_with('.') {
                continue;
            }
            match self.read(id) {
                Ok(l) => leases.push(l),
                // Removed meanwhile (a concurrent prune): not an error.
                Err(ChaosError::NoLease(_)) => {}
                Err(e) => bad.push(e),
            }
        }
        leases.sort_by(|a, b| a.created.total_cmp(&b.created).then(a.id.cmp(&b.id)));
        Ok((leases, bad))
    }

    /// Gives back every active lease whose controller is gone or whose TTL
    /// has passed, and removes finished leases older than [`RETENTION`].
    /// Returns the leases it gave back.
    pub fn sweep(&self, now: SystemTime) -> Result<Vec<Lease>, ChaosError> {
        let (leases, _) = self.list()?;
        let t = unix(now);
        let mut given = Vec::new();
        for lease in leases {
            if lease.is_final() {
                if lease.ended.is_some_and(|e| t - e > RETENTION.as_secs_f64()) {
                    let _lock = self.lock()?;
                    let _ = fs::remove_file(self.path(&lease.id));
                }
                continue;
            }
            let (changed, saved) = self.update(&lease.id, |l| give_back_if_due(l, t))?;
            if changed {
                given.push(saved);
            }
        }
        Ok(given)
    }
}

/// How long a lease recorded for a detached controller may wait for the
/// controller to claim it before the sweep gives it back.
pub const CLAIM_WINDOW: Duration = Duration::from_secs(30);

/// The sweep's rule for one lease; true when it was given back.
pub fn give_back_if_due(lease: &mut Lease, now: f64) -> bool {
    if lease.is_final() {
        return false;
    }
    if lease.controller.is_none() && now < lease.created + CLAIM_WINDOW.as_secs_f64() {
        return false;
    }
    let alive = lease.controller.is_some_and(|c| c.alive());
    if !alive {
        lease.finish(
            LeaseState::Orphaned,
            Some("its controller is gone".into()),
            now,
        );
        return true;
    }
    if now >= lease.expires {
        if let Some(c) = lease.controller {
            c.signal(libc::SIGKILL);
        }
        lease.finish(
            LeaseState::Expired,
            Some("its TTL passed; the controller was killed".into()),
            now,
        );
        return true;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn new(controller: Option<Proc>) -> NewLease {
        NewLease {
            fault: "disk".into(),
            params: serde_json::json!({"size": 1}),
            plan: vec!["fill".into()],
            duration: Duration::from_secs(10),
            grace: Duration::from_secs(5),
            controller,
            experiment: None,
        }
    }

    #[test]
    fn a_lease_round_trips_and_updates_under_the_lock() {
        let dir = tempfile::tempdir().unwrap();
        let leases = Leases::new(dir.path());
        let now = SystemTime::now();
        let lease = leases.create(new(Proc::own()), now).unwrap();
        assert!(lease.id.starts_with("c-") && lease.id.len() == 10);
        assert!((lease.expires - lease.created - 15.0).abs() < 1e-6);
        let file = dir.path().join("gone");
        fs::write(&file, b"x").unwrap();
        leases
            .add_undo(&lease.id, Undo::RemoveFile { path: file.clone() })
            .unwrap();
        let back = leases.load(&lease.id).unwrap();
        assert_eq!(back.undo.len(), 1);
        let (_, done) = leases
            .update(&lease.id, |l| l.finish(LeaseState::Ended, None, unix(now)))
            .unwrap();
        assert!(done.undone && !file.exists());
        assert!(matches!(
            leases.load("c-nothere"),
            Err(ChaosError::NoLease(_))
        ));
        assert!(matches!(leases.load("../x"), Err(ChaosError::NoLease(_))));
    }

    #[test]
    fn the_sweep_gives_back_orphans_and_expired_leases_only() {
        let dir = tempfile::tempdir().unwrap();
        let leases = Leases::new(dir.path());
        let now = SystemTime::now();
        // A controller that is gone: pid 1's start time is not this one.
        let gone = Proc {
            pid: std::process::id(),
            start_ticks: 1,
        };
        let orphan = leases.create(new(Some(gone)), now).unwrap();
        let held = leases.create(new(Proc::own()), now).unwrap();
        let file = dir.path().join("fill");
        fs::write(&file, b"x").unwrap();
        leases
            .add_undo(&orphan.id, Undo::RemoveFile { path: file.clone() })
            .unwrap();
        let given = leases.sweep(now).unwrap();
        assert_eq!(given.len(), 1);
        assert_eq!(given[0].id, orphan.id);
        assert_eq!(given[0].state, LeaseState::Orphaned);
        assert!(!file.exists());
        assert_eq!(leases.load(&held.id).unwrap().state, LeaseState::Active);
        // A corrupt record does not hide the others.
        fs::write(leases.dir().join("c-bad00000.json"), b"{").unwrap();
        let (all, bad) = leases.list().unwrap();
        assert_eq!((all.len(), bad.len()), (2, 1));
    }
}
