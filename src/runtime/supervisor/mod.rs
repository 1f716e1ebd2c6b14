//! The supervisor: the one way omni runs something in the background
//! (`--detach`). Chaos faults, detached DAG jobs, pipelines and servers all
//! go through it instead of forking on their own.
//!
//! # Lifecycle
//!
//! 1. The parent calls [`Supervisor::spawn`]. It claims an id
//!    (`<system>-<8 hex>`) by creating `<id>.log` exclusively, starts the
//!    program in a new session (`setsid`: no controlling terminal, its own
//!    process group) with stdin from `/dev/null` and stdout and stderr
//!    appended to the log, and passes [`ENV_ID`] and [`ENV_DIR`]. It then
//!    writes the record `<id>.json` and waits (bounded) until the child
//!    answers on its socket.
//! 2. The child (the same `omni` binary, re-run by the CLI) calls
//!    [`Attached::serve`], which binds `<id>.sock` and answers control
//!    requests through a [`Control`] handler on a background thread.
//! 3. When its work ends, the child calls [`Attached::finish`] with its exit
//!    code; the entry then shows as `exited (<code>)` until `omni stop`
//!    removes it or it expires.
//! 4. [`Supervisor::stop`] asks over the socket, then escalates to SIGTERM
//!    and SIGKILL of the whole process group, and removes the entry.
//!
//! # On-disk layout
//!
//! Everything lives in `<state>/supervisor/` (mode 0700): `<id>.json` (the
//! [`Entry`] record, 0600, replaced atomically), `<id>.sock` (the control
//! socket, 0600) and `<id>.log` (0600). Logs outlive their entry so a user
//! can read why something ended; orphan logs are pruned after the log
//! retention (7 days by default). Exited entries are pruned after the exited
//! retention (24 hours by default). Both prunes happen during
//! [`Supervisor::list`].
//!
//! # Guarantees
//!
//! - Nothing blocks without a bound: start-up, socket exchanges, stops and
//!   listings all run against deadlines.
//! - A process is identified by pid *and* `/proc` start time; an entry whose
//!   pid was reused by another process counts as dead, and is never
//!   signalled. Signals never go to pid 0, pid 1 or the caller's own group.
//! - An entry whose process died without calling `finish` (killed, crashed,
//!   machine rebooted) is reported once as `lost` by the listing that
//!   notices it, and its record and socket are removed then.
//! - `stop` leaves nothing of the process group behind: stragglers that
//!   outlive the leader are terminated too.
//!
//! # Limits
//!
//! Linux only (`/proc`). Descendants that start their own session or
//! process group escape `stop`. Unix socket paths are limited to 107 bytes,
//! so a very deep state directory is refused with a hint to set
//! `OMNI_STATE_DIR`. The API is blocking; async callers use
//! `spawn_blocking`.

mod attached;
mod proc;
mod protocol;
mod record;

use std::collections::BTreeSet;
use std::ffi::OsString;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::OpenOptionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use serde::Serialize;

use crate::runtime::error::{Classify, Exit};
use crate::runtime::state::{StateError, ensure_dir};
use crate::runtime::units::HumanDuration;

pub use attached::Attached;
pub use protocol::{Op, RemoteState};
pub use record::{Entry, Finished, RECORD_VERSION};

/// This process's start time in clock ticks since boot (with its pid, an
/// identity that survives pid reuse), for records other than the
/// supervisor's (a job store's owner column).
pub fn own_start_ticks() -> Option<u64> {
    start_ticks_of(std::process::id())
}

/// The start time (clock ticks since boot) of process `pid`, if it exists
/// and is not a zombie.
pub fn start_ticks_of(pid: u32) -> Option<u64> {
    match proc::read_stat(pid) {
        Ok(Some(stat)) if !matches!(stat.state, b'Z' | b'X' | b'x') => Some(stat.start_ticks),
        _ => None,
    }
}

/// Now, in the clock ticks since boot that `/proc/<pid>/stat` gives start
/// times in: a process started between two readings of this has a start
/// time between them (both count from `CLOCK_BOOTTIME`, rounded down).
/// Costs no system call (vDSO), unlike reading a start time from `/proc`.
pub fn boot_ticks_now() -> u64 {
    proc::boot_ticks_now()
}

/// True when `pid` runs (not a zombie) and started between the tick
/// readings `lo` and `hi` ([`boot_ticks_now`] before and after starting it).
pub fn started_between(pid: u32, lo: u64, hi: u64) -> bool {
    start_ticks_of(pid).is_some_and(|t| lo <= t && t <= hi)
}

/// True while process group `pgid` has a member that is not a zombie (a
/// zombie runs no code; its reaping is up to its parent, maybe pid 1).
pub fn group_has_live_members(pgid: u32) -> bool {
    !proc::group_members(pgid).is_empty()
}

/// True when `pid` still runs and started at `start_ticks` (not a zombie,
/// not a reused pid).
pub fn process_alive(pid: u32, start_ticks: u64) -> bool {
    proc::is_alive(pid, start_ticks)
}

/// Environment variable carrying the entry id to the child.
pub const ENV_ID: &str = "OMNI_SUPERVISOR_ID";
/// Environment variable carrying the state directory (the one given to
/// [`Supervisor::new`]) to the child.
pub const ENV_DIR: &str = "OMNI_SUPERVISOR_DIR";

/// The longest socket path the kernel accepts (`sun_path` minus its NUL).
const MAX_SOCKET_PATH: usize = 107;
/// How often waits re-check a process.
const POLL: Duration = Duration::from_millis(20);
/// Parallel probes during `list` and `stop_all`.
const FAN_OUT: usize = 16;

/// What a supervised process lets the supervisor do to its work. The CLI
/// implements it on top of the governor's pause/resume and a cancellation
/// flag. Methods are called from the socket thread and must return quickly.
pub trait Control: Send + Sync {
    /// A JSON description of progress, shown by `omni ps` and `status`.
    fn status(&self) -> serde_json::Value;
    /// Pause the work.
    fn pause(&self);
    /// Resume paused work.
    fn resume(&self);
    /// Make the work wind down; the process then calls
    /// [`Attached::finish`] and exits by itself.
    fn stop(&self);
}

/// Why a supervisor operation failed.
#[derive(Debug, thiserror::Error)]
pub enum SupervisorError {
    /// No entry has this id (or the id is not a valid one).
    #[error("no background entry {id:?} (see omni ps)")]
    UnknownId {
        /// The id asked for.
        id: String,
    },
    /// The caller passed a system name that cannot form an id.
    #[error(
        "invalid system name {system:?} for a background entry: expected 1 to 32 lowercase \
         letters, digits or '-', starting with a letter"
    )]
    InvalidSystem {
        /// The name given.
        system: String,
    },
    /// The socket path would not fit in a `sockaddr_un`.
    #[error(
        "control socket path {} is {len} bytes, over the kernel's limit of {MAX_SOCKET_PATH}: \
         set OMNI_STATE_DIR to a shorter directory",
        path.display()
    )]
    SocketPathTooLong {
        /// The path.
        path: PathBuf,
        /// Its length in bytes.
        len: usize,
    },
    /// The state directory could not be prepared.
    #[error(transparent)]
    State(#[from] StateError),
    /// A file operation failed.
    #[error("{op} {}", path.display())]
    Io {
        /// What was being done.
        op: &'static str,
        /// To which path.
        path: PathBuf,
        /// The cause.
        #[source]
        source: io::Error,
    },
    /// The program could not be started at all.
    #[error("cannot start {}", program.display())]
    Spawn {
        /// The program.
        program: PathBuf,
        /// The cause.
        #[source]
        source: io::Error,
    },
    /// The child exited before it served its socket.
    #[error("{id} exited during start-up ({status}); last lines of {}:\n{tail}", log.display())]
    DiedEarly {
        /// The entry id.
        id: String,
        /// How it ended, as far as known.
        status: String,
        /// Its log file (kept).
        log: PathBuf,
        /// The last lines of the log.
        tail: String,
    },
    /// The child did not serve its socket in time and was stopped.
    #[error(
        "{id} (pid {pid}) was not ready within {} and was stopped; last lines of {}:\n{tail}",
        HumanDuration(*waited),
        log.display()
    )]
    NotReady {
        /// The entry id.
        id: String,
        /// Its pid.
        pid: u32,
        /// How long we waited.
        waited: Duration,
        /// Its log file (kept).
        log: PathBuf,
        /// The last lines of the log.
        tail: String,
    },
    /// A live process did not answer on its socket.
    #[error("{id} (pid {pid}) did not answer on {}", socket.display())]
    Unresponsive {
        /// The entry id.
        id: String,
        /// Its pid.
        pid: u32,
        /// The socket tried.
        socket: PathBuf,
        /// Why the exchange failed.
        #[source]
        source: io::Error,
    },
    /// The entry exists but its process is no longer running.
    #[error("{id} is not running ({state})")]
    NotRunning {
        /// The entry id.
        id: String,
        /// What it is instead: `exited (0)`, `lost`.
        state: String,
    },
    /// The child answered with an error.
    #[error("{id} refused {op}: {message}")]
    Refused {
        /// The entry id.
        id: String,
        /// The request.
        op: &'static str,
        /// The child's message.
        message: String,
    },
    /// The child answered something that is not a reply.
    #[error("{id} sent an unreadable reply to {op}: {message}")]
    Protocol {
        /// The entry id.
        id: String,
        /// The request.
        op: &'static str,
        /// What was wrong.
        message: String,
    },
    /// A signal could not be delivered.
    #[error("cannot send {signal} to {id} (pid {pid})")]
    Signal {
        /// The entry id.
        id: String,
        /// Its pid.
        pid: u32,
        /// The signal's name.
        signal: &'static str,
        /// The cause (EPERM: not ours).
        #[source]
        source: io::Error,
    },
    /// The process survived SIGKILL (uninterruptible sleep in the kernel).
    #[error("{id} (pid {pid}) is still alive {} after SIGKILL", HumanDuration(*waited))]
    Stuck {
        /// The entry id.
        id: String,
        /// Its pid.
        pid: u32,
        /// How long we waited after SIGKILL.
        waited: Duration,
    },
    /// An entry record is not valid JSON of the expected shape.
    #[error("entry record {} is unreadable", path.display())]
    Corrupt {
        /// The record.
        path: PathBuf,
        /// The parse error.
        #[source]
        source: serde_json::Error,
    },
    /// `Attached::serve` found no record for its id.
    #[error(
        "entry record {} did not appear within {}: was this process started by the supervisor?",
        path.display(),
        HumanDuration(*waited)
    )]
    NoRecord {
        /// The entry id.
        id: String,
        /// The record path waited for.
        path: PathBuf,
        /// How long we waited.
        waited: Duration,
    },
    /// `Attached::serve` found a record that names another process.
    #[error(
        "entry {id} belongs to pid {owner}, not to this process (pid {pid}): \
         {ENV_ID} was probably inherited"
    )]
    NotOurs {
        /// The entry id.
        id: String,
        /// The pid in the record.
        owner: u32,
        /// Our pid.
        pid: u32,
    },
}

impl Classify for SupervisorError {
    fn exit(&self) -> Exit {
        use SupervisorError as E;
        match self {
            E::UnknownId { .. } | E::NoRecord { .. } => Exit::NoInput,
            E::InvalidSystem { .. } | E::Protocol { .. } | E::NotOurs { .. } => Exit::Software,
            E::SocketPathTooLong { .. } => Exit::Config,
            E::State(err) => err.exit(),
            E::Io { source, .. } | E::Spawn { source, .. } | E::Signal { source, .. } => {
                Exit::from_io(source)
            }
            E::DiedEarly { .. } | E::NotRunning { .. } | E::Refused { .. } => Exit::Unavailable,
            E::NotReady { .. } | E::Unresponsive { .. } | E::Stuck { .. } => Exit::TempFail,
            E::Corrupt { .. } => Exit::DataErr,
        }
    }
}

/// What to run in the background.
#[derive(Debug, Clone)]
pub struct SpawnSpec {
    /// The system asking ("parallel", "chaos"); becomes the id's prefix.
    pub system: String,
    /// A human description shown by `omni ps`.
    pub label: String,
    /// The program, normally `std::env::current_exe()`.
    pub program: PathBuf,
    /// Its arguments (without argv\[0\]).
    pub args: Vec<OsString>,
    /// Extra environment on top of the inherited one.
    pub env: Vec<(OsString, OsString)>,
}

/// What `omni ps` shows for an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntryState {
    /// Alive, socket not bound yet, within the start-up window.
    Starting,
    /// Alive and answering.
    Running,
    /// Alive, answering, paused.
    Paused,
    /// Alive, answering, asked to stop.
    Stopping,
    /// Alive (pid and start time match) but not answering on its socket.
    Unresponsive,
    /// Ended and said so; see `exit_code`.
    Exited,
    /// Died without saying so; reported once, then forgotten.
    Lost,
}

impl EntryState {
    /// The lowercase name, as in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            EntryState::Starting => "starting",
            EntryState::Running => "running",
            EntryState::Paused => "paused",
            EntryState::Stopping => "stopping",
            EntryState::Unresponsive => "unresponsive",
            EntryState::Exited => "exited",
            EntryState::Lost => "lost",
        }
    }
}

impl From<RemoteState> for EntryState {
    fn from(state: RemoteState) -> EntryState {
        match state {
            RemoteState::Running => EntryState::Running,
            RemoteState::Paused => EntryState::Paused,
            RemoteState::Stopping => EntryState::Stopping,
        }
    }
}

/// One row of `omni ps`.
#[derive(Debug, Clone, Serialize)]
pub struct EntryStatus {
    /// The entry id.
    pub id: String,
    /// The system that started it.
    pub system: String,
    /// Its human description.
    pub label: String,
    /// Its pid (and process group).
    pub pid: u32,
    /// What it is doing.
    pub state: EntryState,
    /// For `exited`: the code it reported (`None`: it did not say).
    pub exit_code: Option<i32>,
    /// When it started, RFC 3339 UTC.
    pub started_at: String,
    /// How long it has run (live) or ran (exited); `None` for `lost`.
    #[serde(rename = "uptime_secs", serialize_with = "whole_seconds")]
    pub uptime: Option<Duration>,
    /// Its log file.
    pub log: PathBuf,
    /// Program and arguments.
    pub argv: Vec<String>,
    /// The handler's status detail, when it answered.
    pub detail: Option<serde_json::Value>,
}

impl EntryStatus {
    /// The state as `omni ps` prints it: `running`, `exited (0)`,
    /// `exited (?)`.
    pub fn state_text(&self) -> String {
        match (self.state, self.exit_code) {
            (EntryState::Exited, Some(code)) => format!("exited ({code})"),
            (EntryState::Exited, None) => "exited (?)".to_owned(),
            (state, _) => state.as_str().to_owned(),
        }
    }
}

fn whole_seconds<S: serde::Serializer>(value: &Option<Duration>, s: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(d) => s.serialize_some(&d.as_secs()),
        None => s.serialize_none(),
    }
}

/// A live child's answer to a control request.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reply {
    /// The entry id.
    pub id: String,
    /// Its state after the request.
    pub state: RemoteState,
    /// The handler's detail (for `status`).
    pub detail: Option<serde_json::Value>,
}

/// How a stopped entry ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum StopOutcome {
    /// It exited by itself after being asked, within the grace period.
    Graceful,
    /// It exited after SIGTERM to its process group.
    Terminated,
    /// It needed SIGKILL.
    Killed,
    /// It had already ended (exited or lost) before it was asked.
    AlreadyGone,
}

impl StopOutcome {
    /// Words for text output.
    pub fn as_str(self) -> &'static str {
        match self {
            StopOutcome::Graceful => "graceful",
            StopOutcome::Terminated => "terminated",
            StopOutcome::Killed => "killed",
            StopOutcome::AlreadyGone => "already gone",
        }
    }
}

/// The report of one stop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Stopped {
    /// The entry id.
    pub id: String,
    /// Its pid.
    pub pid: u32,
    /// How it ended.
    pub outcome: StopOutcome,
    /// The exit code it reported via `finish`, if it did.
    pub exit_code: Option<i32>,
    /// Processes of its group still alive after the leader ended, which
    /// were terminated too.
    pub stragglers: usize,
}

/// Runs, lists and controls background entries under one state directory.
#[derive(Debug, Clone)]
pub struct Supervisor {
    state_dir: PathBuf,
    dir: PathBuf,
    ready_timeout: Duration,
    query_timeout: Duration,
    control_timeout: Duration,
    kill_grace: Duration,
    exited_retention: Duration,
    log_retention: Duration,
}

impl Supervisor {
    /// A supervisor for entries under `<state_dir>/supervisor/`. Nothing is
    /// created until the first spawn. A relative `state_dir` is made absolute
    /// against the current directory, because it is handed to children.
    pub fn new(state_dir: impl Into<PathBuf>) -> Supervisor {
        let state_dir = state_dir.into();
        let state_dir = std::path::absolute(&state_dir).unwrap_or(state_dir);
        Supervisor {
            dir: entries_dir(&state_dir),
            state_dir,
            ready_timeout: Duration::from_secs(5),
            query_timeout: Duration::from_millis(500),
            control_timeout: Duration::from_secs(2),
            kill_grace: Duration::from_secs(2),
            exited_retention: Duration::from_secs(24 * 3600),
            log_retention: Duration::from_secs(7 * 24 * 3600),
        }
    }

    /// How long `spawn` waits for the child to answer (default 5 s).
    #[must_use]
    pub fn with_ready_timeout(mut self, timeout: Duration) -> Supervisor {
        self.ready_timeout = timeout;
        self
    }

    /// How long a `list` probe waits for a live child (default 500 ms).
    #[must_use]
    pub fn with_query_timeout(mut self, timeout: Duration) -> Supervisor {
        self.query_timeout = timeout;
        self
    }

    /// How long `control` waits for an answer (default 2 s).
    #[must_use]
    pub fn with_control_timeout(mut self, timeout: Duration) -> Supervisor {
        self.control_timeout = timeout;
        self
    }

    /// How long `stop` waits after SIGTERM before SIGKILL, and after SIGKILL
    /// before giving up (default 2 s).
    #[must_use]
    pub fn with_kill_grace(mut self, grace: Duration) -> Supervisor {
        self.kill_grace = grace;
        self
    }

    /// How long exited entries stay listed (default 24 h).
    #[must_use]
    pub fn with_exited_retention(mut self, retention: Duration) -> Supervisor {
        self.exited_retention = retention;
        self
    }

    /// How long logs of removed entries are kept (default 7 days).
    #[must_use]
    pub fn with_log_retention(mut self, retention: Duration) -> Supervisor {
        self.log_retention = retention;
        self
    }

    /// `<state_dir>/supervisor`, where entries live.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The record path of `id` (which need not exist).
    pub fn record_path(&self, id: &str) -> PathBuf {
        self.dir.join(format!("{id}.json"))
    }

    /// Starts `spec` in the background and returns its record once the
    /// child answers on its socket (or has already finished).
    pub fn spawn(&self, spec: SpawnSpec) -> Result<Entry, SupervisorError> {
        if !valid_system(&spec.system) {
            return Err(SupervisorError::InvalidSystem {
                system: spec.system,
            });
        }
        // Every id of this system has the same length, so the check can run
        // before an id (and its log file) is claimed.
        check_socket_path(&self.dir.join(format!("{}-00000000.sock", spec.system)))?;
        ensure_dir(&self.dir, 0o700)?;
        let (id, log_file) = self.claim_id(&spec.system)?;
        let log = self.dir.join(format!("{id}.log"));
        let socket = self.dir.join(format!("{id}.sock"));
        let record_path = self.record_path(&id);

        let stdout = log_file.try_clone().map_err(|source| SupervisorError::Io {
            op: "duplicating the handle of",
            path: log.clone(),
            source,
        })?;
        let mut cmd = Command::new(&spec.program);
        cmd.args(&spec.args)
            .envs(spec.env.iter().map(|(k, v)| (k, v)))
            .env(ENV_ID, &id)
            .env(ENV_DIR, &self.state_dir)
            .stdin(Stdio::null())
            .stdout(Stdio::from(stdout))
            .stderr(Stdio::from(log_file));
        // SAFETY: the closure runs in the forked child before exec. It only
        // calls setsid, which is async-signal-safe, and builds an io::Error
        // from errno, which does not allocate.
        unsafe {
            cmd.pre_exec(|| {
                if libc::setsid() == -1 {
                    return Err(io::Error::last_os_error());
                }
                Ok(())
            });
        }
        let mut child = match cmd.spawn() {
            Ok(child) => child,
            Err(source) => {
                // Nothing ran, so the empty log says nothing: release the id.
                let _ = fs::remove_file(&log);
                return Err(SupervisorError::Spawn {
                    program: spec.program,
                    source,
                });
            }
        };
        let pid = child.id();

        // Read before anything can reap the child, so the pid cannot have
        // been reused yet.
        let start_ticks = match proc::read_stat(pid) {
            Ok(Some(stat)) => stat.start_ticks,
            other => {
                let _ = child.kill();
                let _ = child.wait();
                let source = other
                    .err()
                    .unwrap_or_else(|| io::ErrorKind::NotFound.into());
                return Err(SupervisorError::Io {
                    op: "reading the start time from",
                    path: PathBuf::from(format!("/proc/{pid}/stat")),
                    source,
                });
            }
        };

        let mut argv = vec![spec.program.to_string_lossy().into_owned()];
        argv.extend(spec.args.iter().map(|a| a.to_string_lossy().into_owned()));
        let entry = Entry {
            version: RECORD_VERSION,
            id: id.clone(),
            system: spec.system,
            label: spec.label,
            pid,
            start_ticks,
            argv,
            started_at: crate::runtime::time::format_rfc3339(SystemTime::now()),
            log: log.clone(),
            socket: socket.clone(),
            finished: None,
        };
        if let Err(err) = entry.write(&record_path) {
            // The child would wait for a record that never comes; end it now.
            let _ = proc::signal_group(pid, proc::Signal::Kill, true);
            let _ = child.wait();
            return Err(err);
        }

        let exit = reap_in_background(child, &id);
        self.wait_ready(entry, &exit)
    }

    /// Creates `<id>.log` exclusively; the log file is the claim on the id.
    fn claim_id(&self, system: &str) -> Result<(String, File), SupervisorError> {
        let mut last = None;
        for _ in 0..16 {
            let id = format!("{system}-{:08x}", rand::random::<u32>());
            let path = self.dir.join(format!("{id}.log"));
            if self.record_path(&id).exists() {
                continue;
            }
            match OpenOptions::new()
                .append(true)
                .create_new(true)
                .mode(0o600)
                .open(&path)
            {
                Ok(file) => return Ok((id, file)),
                Err(err) if err.kind() == io::ErrorKind::AlreadyExists => last = Some((path, err)),
                Err(source) => {
                    return Err(SupervisorError::Io {
                        op: "creating",
                        path,
                        source,
                    });
                }
            }
        }
        let (path, source) = last.unwrap_or_else(|| {
            (
                self.dir.clone(),
                io::Error::new(io::ErrorKind::AlreadyExists, "no free id after 16 tries"),
            )
        });
        Err(SupervisorError::Io {
            op: "claiming an id in",
            path,
            source,
        })
    }

    fn wait_ready(
        &self,
        entry: Entry,
        exit: &Mutex<Option<ExitStatus>>,
    ) -> Result<Entry, SupervisorError> {
        let started = Instant::now();
        let deadline = started + self.ready_timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            let probe = self.query_timeout.min(left).max(POLL);
            if protocol::request(&entry.socket, Op::Status, probe).is_ok() {
                return Ok(entry);
            }
            if !proc::is_alive(entry.pid, entry.start_ticks) {
                // A short job may have run to completion already.
                if let Ok(Some(done)) = Entry::read(&self.record_path(&entry.id))
                    && done.finished.is_some()
                {
                    return Ok(done);
                }
                let status = wait_for_status(exit);
                self.remove_entry_files(&entry);
                return Err(SupervisorError::DiedEarly {
                    tail: log_tail(&entry.log),
                    id: entry.id,
                    status,
                    log: entry.log,
                });
            }
            if Instant::now() >= deadline {
                let _ = self.terminate(&entry);
                self.remove_entry_files(&entry);
                return Err(SupervisorError::NotReady {
                    tail: log_tail(&entry.log),
                    id: entry.id,
                    pid: entry.pid,
                    waited: started.elapsed(),
                    log: entry.log,
                });
            }
            std::thread::sleep(POLL);
        }
    }

    /// Every entry with its current state, oldest first. Reaps entries of
    /// processes that died without finishing (listed once as `lost`),
    /// prunes expired exited entries and old orphan logs.
    pub fn list(&self) -> Result<Vec<EntryStatus>, SupervisorError> {
        let ids = self.scan()?;
        let now = SystemTime::now();
        let mut rows: Vec<EntryStatus> = fan_out(&ids, |id| self.observe_id(id, now))
            .into_iter()
            .flatten()
            .flatten()
            .collect();
        rows.sort_by(|a, b| (&a.started_at, &a.id).cmp(&(&b.started_at, &b.id)));
        self.prune_orphans(now);
        Ok(rows)
    }

    /// The current state of one entry (reaping it if it is lost).
    pub fn status(&self, id: &str) -> Result<EntryStatus, SupervisorError> {
        let entry = self.load(id)?;
        self.observe(entry, SystemTime::now())
            .ok_or_else(|| SupervisorError::UnknownId { id: id.to_owned() })
    }

    /// Sends `op` to a live entry and returns its answer. `Op::Stop` only
    /// asks; use [`Supervisor::stop`] to make sure it ends.
    pub fn control(&self, id: &str, op: Op) -> Result<Reply, SupervisorError> {
        let entry = self.load(id)?;
        if entry.finished.is_some() || !proc::is_alive(entry.pid, entry.start_ticks) {
            let state = match self.observe(entry, SystemTime::now()) {
                Some(row) => row.state_text(),
                None => "gone".to_owned(),
            };
            return Err(SupervisorError::NotRunning {
                id: id.to_owned(),
                state,
            });
        }
        match protocol::request(&entry.socket, op, self.control_timeout) {
            Ok(reply) if reply.ok => Ok(Reply {
                id: entry.id,
                state: reply.state.unwrap_or(RemoteState::Running),
                detail: reply.detail,
            }),
            Ok(reply) => Err(SupervisorError::Refused {
                id: entry.id,
                op: op.as_str(),
                message: reply.error.unwrap_or_else(|| "no reason given".to_owned()),
            }),
            Err(protocol::ClientError::Protocol(message)) => Err(SupervisorError::Protocol {
                id: entry.id,
                op: op.as_str(),
                message,
            }),
            Err(
                protocol::ClientError::Connect(source) | protocol::ClientError::Exchange(source),
            ) => Err(SupervisorError::Unresponsive {
                id: entry.id,
                pid: entry.pid,
                socket: entry.socket,
                source,
            }),
        }
    }

    /// Stops an entry and removes it: asks over the socket and waits up to
    /// `grace`; then SIGTERM to its process group and waits the kill grace;
    /// then SIGKILL and waits the kill grace again. Stragglers of the group
    /// are terminated after the leader ends. The log is kept.
    pub fn stop(&self, id: &str, grace: Duration) -> Result<Stopped, SupervisorError> {
        let entry = self.load(id)?;
        let deadline = Instant::now() + grace;
        let running = entry.finished.is_none() && proc::is_alive(entry.pid, entry.start_ticks);
        if running {
            // Whatever the answer, the wait below decides; an unresponsive
            // child is dealt with by signals.
            let ask = self.control_timeout.min(grace).max(POLL);
            let _ = protocol::request(&entry.socket, Op::Stop, ask);
        }
        let outcome = if self.wait_gone(&entry, deadline) {
            if running {
                StopOutcome::Graceful
            } else {
                StopOutcome::AlreadyGone
            }
        } else {
            self.terminate(&entry)?
        };
        let stragglers = self.sweep_group(&entry);
        let exit_code = Entry::read(&self.record_path(&entry.id))
            .ok()
            .flatten()
            .and_then(|e| e.finished)
            .and_then(|f| f.exit_code);
        self.remove_entry_files(&entry);
        Ok(Stopped {
            id: entry.id,
            pid: entry.pid,
            outcome,
            exit_code,
            stragglers,
        })
    }

    /// Stops every entry in parallel (exited ones are just removed). One
    /// result per entry, in id order.
    pub fn stop_all(
        &self,
        grace: Duration,
    ) -> Result<Vec<Result<Stopped, SupervisorError>>, SupervisorError> {
        let ids = self.scan()?;
        let results = fan_out(&ids, |id| self.stop(id, grace))
            .into_iter()
            .flatten()
            // Removed by someone else meanwhile: nothing to report.
            .filter(|r| !matches!(r, Err(SupervisorError::UnknownId { .. })))
            .collect();
        Ok(results)
    }

    /// SIGTERM, wait, SIGKILL, wait. Returns how the leader ended.
    fn terminate(&self, entry: &Entry) -> Result<StopOutcome, SupervisorError> {
        self.signal(entry, proc::Signal::Term)?;
        if self.wait_gone(entry, Instant::now() + self.kill_grace) {
            return Ok(StopOutcome::Terminated);
        }
        self.signal(entry, proc::Signal::Kill)?;
        if self.wait_gone(entry, Instant::now() + self.kill_grace) {
            return Ok(StopOutcome::Killed);
        }
        Err(SupervisorError::Stuck {
            id: entry.id.clone(),
            pid: entry.pid,
            waited: self.kill_grace,
        })
    }

    fn signal(&self, entry: &Entry, signal: proc::Signal) -> Result<(), SupervisorError> {
        // Re-checked right before signalling: never signal a reused pid.
        if !proc::is_alive(entry.pid, entry.start_ticks) {
            return Ok(());
        }
        proc::signal_group(entry.pid, signal, true).map_err(|source| SupervisorError::Signal {
            id: entry.id.clone(),
            pid: entry.pid,
            signal: signal.name(),
            source,
        })
    }

    /// Terminates what is left of the entry's process group once the leader
    /// has ended; returns how many processes were left.
    fn sweep_group(&self, entry: &Entry) -> usize {
        // NB: Linux does not reuse a pid number while any process still has
        // it as its process group id. So if the number is free, or still
        // held by our (zombie) leader, every member of group `pid` is ours;
        // if another process holds the number, our group is empty and the
        // group of that number belongs to someone else.
        match proc::read_stat(entry.pid) {
            Ok(None) => {}
            Ok(Some(stat)) if stat.start_ticks == entry.start_ticks => {}
            _ => return 0,
        }
        let left = proc::group_members(entry.pid).len();
        if left == 0 {
            return 0;
        }
        for signal in [proc::Signal::Term, proc::Signal::Kill] {
            if let Err(err) = proc::signal_group(entry.pid, signal, false) {
                tracing::warn!(id = %entry.id, error = %err, "cannot signal leftover processes");
                break;
            }
            let deadline = Instant::now() + self.kill_grace;
            while Instant::now() < deadline && !proc::group_members(entry.pid).is_empty() {
                std::thread::sleep(POLL);
            }
            if proc::group_members(entry.pid).is_empty() {
                break;
            }
        }
        left
    }

    /// Polls until the entry's process is gone or `deadline` passes.
    fn wait_gone(&self, entry: &Entry, deadline: Instant) -> bool {
        loop {
            if !proc::is_alive(entry.pid, entry.start_ticks) {
                return true;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return false;
            }
            std::thread::sleep(POLL.min(left));
        }
    }

    fn load(&self, id: &str) -> Result<Entry, SupervisorError> {
        if !valid_id(id) {
            return Err(SupervisorError::UnknownId { id: id.to_owned() });
        }
        Entry::read(&self.record_path(id))?
            .ok_or_else(|| SupervisorError::UnknownId { id: id.to_owned() })
    }

    /// Ids that have a record, sorted.
    fn scan(&self) -> Result<BTreeSet<String>, SupervisorError> {
        let read = match fs::read_dir(&self.dir) {
            Ok(read) => read,
            Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(BTreeSet::new()),
            Err(source) => {
                return Err(SupervisorError::Io {
                    op: "listing",
                    path: self.dir.clone(),
                    source,
                });
            }
        };
        Ok(read
            .filter_map(|d| {
                let name = d.ok()?.file_name();
                let id = name.to_str()?.strip_suffix(".json")?;
                valid_id(id).then(|| id.to_owned())
            })
            .collect())
    }

    fn observe_id(&self, id: &str, now: SystemTime) -> Option<EntryStatus> {
        match Entry::read(&self.record_path(id)) {
            Ok(Some(entry)) => self.observe(entry, now),
            Ok(None) => None,
            Err(err) => {
                tracing::warn!(id, error = %err, "skipping unreadable supervisor entry");
                None
            }
        }
    }

    /// The entry's state; reaps it when lost, prunes it when expired
    /// (`None`).
    fn observe(&self, entry: Entry, now: SystemTime) -> Option<EntryStatus> {
        let started = crate::runtime::time::parse_rfc3339(&entry.started_at);
        let alive = proc::is_alive(entry.pid, entry.start_ticks);
        let (state, exit_code, uptime, detail) = if let Some(fin) = &entry.finished {
            let ended = crate::runtime::time::parse_rfc3339(&fin.finished_at);
            if !alive
                && ended.is_some_and(|t| {
                    now.duration_since(t).unwrap_or_default() > self.exited_retention
                })
            {
                self.remove_entry_files(&entry);
                return None;
            }
            let ran = started
                .zip(ended)
                .map(|(s, e)| e.duration_since(s).unwrap_or_default());
            (EntryState::Exited, fin.exit_code, ran, None)
        } else if alive {
            let age = started.map(|s| now.duration_since(s).unwrap_or_default());
            match protocol::request(&entry.socket, Op::Status, self.query_timeout) {
                Ok(reply) if reply.ok => (
                    reply.state.map_or(EntryState::Running, EntryState::from),
                    None,
                    age,
                    reply.detail,
                ),
                Err(protocol::ClientError::Connect(err))
                    if err.kind() == io::ErrorKind::NotFound
                        && age.is_some_and(|a| a < self.ready_timeout) =>
                {
                    (EntryState::Starting, None, age, None)
                }
                _ => (EntryState::Unresponsive, None, age, None),
            }
        } else {
            // It may have finished between reading the record and checking.
            match Entry::read(&self.record_path(&entry.id)) {
                Ok(Some(fresh)) if fresh.finished.is_some() => return self.observe(fresh, now),
                Ok(None) => return None,
                _ => {}
            }
            tracing::info!(id = %entry.id, pid = entry.pid, "reaping lost supervisor entry");
            self.remove_entry_files(&entry);
            (EntryState::Lost, None, None, None)
        };
        Some(EntryStatus {
            id: entry.id,
            system: entry.system,
            label: entry.label,
            pid: entry.pid,
            state,
            exit_code,
            started_at: entry.started_at,
            uptime,
            log: entry.log,
            argv: entry.argv,
            detail,
        })
    }

    /// Removes the record and socket of an entry; the log stays.
    fn remove_entry_files(&self, entry: &Entry) {
        for path in [
            self.record_path(&entry.id),
            self.dir.join(format!("{}.sock", entry.id)),
        ] {
            match fs::remove_file(&path) {
                Ok(()) => {}
                Err(err) if err.kind() == io::ErrorKind::NotFound => {}
                Err(err) => {
                    tracing::warn!(path = %path.display(), error = %err, "cannot remove supervisor file");
                }
            }
        }
    }

    /// Deletes logs without a record older than the log retention, and temp
    /// files a crashed writer left behind.
    fn prune_orphans(&self, now: SystemTime) {
        let Ok(read) = fs::read_dir(&self.dir) else {
            return;
        };
        for dirent in read.flatten() {
            let name = dirent.file_name();
            let Some(name) = name.to_str() else { continue };
            let keep_for = if let Some(id) = name.strip_suffix(".log") {
                if self.record_path(id).exists() {
                    continue;
                }
                self.log_retention
            } else if name.starts_with('.') && name.ends_with(".tmp") {
                Duration::from_secs(3600)
            } else {
                continue;
            };
            let old = dirent
                .metadata()
                .and_then(|m| m.modified())
                .is_ok_and(|t| now.duration_since(t).unwrap_or_default() > keep_for);
            if old {
                let _ = fs::remove_file(dirent.path());
            }
        }
    }
}

/// Runs `task` for every id, up to [`FAN_OUT`] at a time, and returns the
/// results in id order (`None` where a task panicked).
fn fan_out<T: Send>(ids: &BTreeSet<String>, task: impl Fn(&str) -> T + Sync) -> Vec<Option<T>> {
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let task = &task;
    let mut results = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(FAN_OUT) {
        std::thread::scope(|scope| {
            let handles: Vec<_> = chunk
                .iter()
                .map(|&id| scope.spawn(move || task(id)))
                .collect();
            results.extend(handles.into_iter().map(|h| h.join().ok()));
        });
    }
    results
}

/// Waits for the child in a thread so it never lingers as a zombie while
/// the calling process lives on; the slot receives its exit status.
fn reap_in_background(mut child: std::process::Child, id: &str) -> Arc<Mutex<Option<ExitStatus>>> {
    let slot = Arc::new(Mutex::new(None));
    let filled = Arc::clone(&slot);
    let spawned = std::thread::Builder::new()
        .name(format!("reap-{id}"))
        .spawn(move || {
            if let Ok(status) = child.wait() {
                *filled.lock().unwrap_or_else(|e| e.into_inner()) = Some(status);
            }
        });
    if let Err(err) = spawned {
        // The child stays a zombie until this process exits; liveness
        // checks treat zombies as gone, so nothing else changes.
        tracing::warn!(%id, error = %err, "cannot start a reaper thread");
    }
    slot
}

/// The exit status once the reaper has it (briefly waited for, since the
/// process may be a zombie the reaper has not collected yet).
fn wait_for_status(slot: &Mutex<Option<ExitStatus>>) -> String {
    let deadline = Instant::now() + Duration::from_millis(200);
    loop {
        if let Some(status) = *slot.lock().unwrap_or_else(|e| e.into_inner()) {
            return status.to_string();
        }
        if Instant::now() >= deadline {
            return "exit status unknown".to_owned();
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// The last lines of a log, for error messages.
fn log_tail(path: &Path) -> String {
    const BYTES: u64 = 4096;
    const LINES: usize = 10;
    let read = || -> io::Result<String> {
        let mut file = File::open(path)?;
        let len = file.metadata()?.len();
        file.seek(SeekFrom::Start(len.saturating_sub(BYTES)))?;
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes)?;
        Ok(String::from_utf8_lossy(&bytes).into_owned())
    };
    match read() {
        Ok(text) if text.trim().is_empty() => "(the log is empty)".to_owned(),
        Ok(text) => {
            let lines: Vec<&str> = text.trim_end().lines().collect();
            lines[lines.len().saturating_sub(LINES)..].join("\n")
        }
        Err(err) => format!("(cannot read the log: {err})"),
    }
}

pub(crate) fn entries_dir(state_dir: &Path) -> PathBuf {
    state_dir.join("supervisor")
}

pub(crate) fn check_socket_path(path: &Path) -> Result<(), SupervisorError> {
    let len = path.as_os_str().as_bytes().len();
    if len > MAX_SOCKET_PATH {
        return Err(SupervisorError::SocketPathTooLong {
            path: path.to_path_buf(),
            len,
        });
    }
    Ok(())
}

/// An id is what `claim_id` makes: lowercase letters, digits and '-', at
/// most 64 bytes. Anything else (`..`, `/`) cannot name an entry file.
pub(crate) fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && !id.starts_with('-')
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn valid_system(system: &str) -> bool {
    system.len() <= 32
        && system
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_lowercase)
        && system
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_systems_are_path_safe() {
        assert!(valid_id("parallel-0a1b2c3d"));
        for bad in ["", "..", "a/b", "-x", "A", "x.json", &"a".repeat(65)] {
            assert!(!valid_id(bad), "{bad}");
        }
        assert!(valid_system("chaos"));
        for bad in ["", "1x", "Chaos", "a_b", &"a".repeat(33)] {
            assert!(!valid_system(bad), "{bad}");
        }
    }

    #[test]
    fn every_error_names_its_subject_and_class() {
        let err = SupervisorError::UnknownId { id: "x-1".into() };
        assert_eq!(err.exit(), Exit::NoInput);
        assert_eq!(err.to_string(), "no background entry \"x-1\" (see omni ps)");
        let err = SupervisorError::Stuck {
            id: "x-1".into(),
            pid: 42,
            waited: Duration::from_secs(2),
        };
        assert_eq!(err.exit(), Exit::TempFail);
        assert!(err.to_string().contains("pid 42"));
    }

    #[test]
    fn long_socket_paths_are_refused_before_spawning() {
        let long = PathBuf::from(format!("/{}/x.sock", "d".repeat(120)));
        let err = check_socket_path(&long).unwrap_err();
        assert_eq!(err.exit(), Exit::Config);
        assert!(check_socket_path(Path::new("/tmp/x.sock")).is_ok());
    }

    #[test]
    fn state_text_shows_exit_codes() {
        let mut row = EntryStatus {
            id: "x-1".into(),
            system: "x".into(),
            label: String::new(),
            pid: 2,
            state: EntryState::Exited,
            exit_code: Some(3),
            started_at: String::new(),
            uptime: Some(Duration::from_millis(1500)),
            log: PathBuf::new(),
            argv: Vec::new(),
            detail: None,
        };
        assert_eq!(row.state_text(), "exited (3)");
        let json = serde_json::to_value(&row).unwrap();
        assert_eq!(json["state"], "exited");
        assert_eq!(json["uptime_secs"], 1);
        row.exit_code = None;
        assert_eq!(row.state_text(), "exited (?)");
        row.state = EntryState::Paused;
        assert_eq!(row.state_text(), "paused");
    }
}
