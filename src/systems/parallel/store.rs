//! The job store: one SQLite database (WAL mode) in the state directory that
//! every `omni parallel` command reads, so `status`, `results`, `cancel` and
//! `resume` work from any shell without a daemon.
//!
//! Guarantees:
//! - A task's final state is written in the same transaction as its cache
//!   entry, so a `kill -9` never leaves a task "succeeded" without its cache
//!   entry or the reverse.
//! - WAL with `synchronous=NORMAL`: a power loss may lose the last commits,
//!   never corrupt the database; a crashed omni loses nothing committed.
//! - The schema carries a version; a newer database is refused, not misread.
//!
//! The local engine's results arrive in batches through the job's journal
//! (see `journal`), which says how a crash between the two loses nothing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};

use crate::runtime::error::{Classify, Exit};

/// The schema this build writes.
const SCHEMA: i64 = 1;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("job store {path}: {source}")]
    Sqlite {
        path: PathBuf,
        #[source]
        source: rusqlite::Error,
    },
    #[error("job store {path}: schema version {found} is newer than this omni's ({SCHEMA})")]
    Newer { path: PathBuf, found: i64 },
    #[error("no job '{0}' (see omni parallel jobs)")]
    NoJob(String),
    #[error("job '{job}' has no task '{task}'")]
    NoTask { job: String, task: String },
}

impl Classify for StoreError {
    fn exit(&self) -> Exit {
        match self {
            StoreError::Sqlite { source, .. } => match source.sqlite_error_code() {
                Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked) => {
                    Exit::TempFail
                }
                Some(rusqlite::ErrorCode::CannotOpen | rusqlite::ErrorCode::ReadOnly) => {
                    Exit::IoErr
                }
                Some(rusqlite::ErrorCode::PermissionDenied) => Exit::NoPerm,
                Some(rusqlite::ErrorCode::DiskFull) => Exit::IoErr,
                Some(rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt) => {
                    Exit::DataErr
                }
                _ => Exit::Software,
            },
            StoreError::Newer { .. } => Exit::Config,
            StoreError::NoJob(_) | StoreError::NoTask { .. } => Exit::NoInput,
        }
    }
}

/// A job's state as recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum JobState {
    Running,
    Succeeded,
    Failed,
    Cancelled,
}

impl JobState {
    pub fn as_str(self) -> &'static str {
        match self {
            JobState::Running => "running",
            JobState::Succeeded => "succeeded",
            JobState::Failed => "failed",
            JobState::Cancelled => "cancelled",
        }
    }
    fn parse(s: &str) -> JobState {
        match s {
            "succeeded" => JobState::Succeeded,
            "failed" => JobState::Failed,
            "cancelled" => JobState::Cancelled,
            _ => JobState::Running,
        }
    }
}

/// A task's state as recorded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum TaskState {
    Pending,
    Running,
    Succeeded,
    /// Succeeded earlier: served from the cache, not run.
    Cached,
    Failed,
    /// Not run: its `when` was false, or an upstream task failed, or the job halted.
    Skipped,
    Cancelled,
}

impl TaskState {
    pub fn as_str(self) -> &'static str {
        match self {
            TaskState::Pending => "pending",
            TaskState::Running => "running",
            TaskState::Succeeded => "succeeded",
            TaskState::Cached => "cached",
            TaskState::Failed => "failed",
            TaskState::Skipped => "skipped",
            TaskState::Cancelled => "cancelled",
        }
    }
    fn parse(s: &str) -> TaskState {
        match s {
            "running" => TaskState::Running,
            "succeeded" => TaskState::Succeeded,
            "cached" => TaskState::Cached,
            "failed" => TaskState::Failed,
            "skipped" => TaskState::Skipped,
            "cancelled" => TaskState::Cancelled,
            _ => TaskState::Pending,
        }
    }
    /// Done for good: resume does not run it again.
    pub fn is_final_ok(self) -> bool {
        matches!(self, TaskState::Succeeded | TaskState::Cached)
    }
}

/// One job row.
#[derive(Debug, Clone, Serialize)]
pub struct Job {
    pub id: String,
    pub graph_path: PathBuf,
    #[serde(skip)]
    pub graph_text: String,
    pub state: JobState,
    pub created: f64,
    pub finished: Option<f64>,
    pub pid: Option<u32>,
    #[serde(skip)]
    pub pid_start: Option<u64>,
    pub heartbeat: Option<f64>,
    pub workdir: PathBuf,
    pub workers: u32,
    pub keep_going: bool,
    /// The supervisor entry of a detached job.
    pub entry: Option<String>,
    /// Where its tasks run: `local` or `slurm`.
    pub backend: String,
}

impl Job {
    /// A job about to run for the first time.
    pub fn new(
        id: String,
        graph_path: PathBuf,
        graph_text: String,
        workdir: PathBuf,
        workers: u32,
        keep_going: bool,
    ) -> Job {
        Job {
            id,
            graph_path,
            graph_text,
            state: JobState::Running,
            created: now(),
            finished: None,
            pid: None,
            pid_start: None,
            heartbeat: None,
            workdir,
            workers,
            keep_going,
            entry: None,
            backend: "local".into(),
        }
    }
}

/// One task row.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TaskRow {
    pub name: String,
    pub state: TaskState,
    pub reason: Option<String>,
    pub attempts: u32,
    pub exit_code: Option<i32>,
    pub signal: Option<i32>,
    pub started: Option<f64>,
    pub finished: Option<f64>,
    pub runtime: Option<f64>,
    pub instances: u32,
    pub cache_key: Option<String>,
    /// The key's components (JSON), for `explain`.
    #[serde(skip)]
    pub components: Option<String>,
}

impl TaskRow {
    pub fn pending(name: &str) -> TaskRow {
        TaskRow {
            name: name.to_string(),
            state: TaskState::Pending,
            reason: None,
            attempts: 0,
            exit_code: None,
            signal: None,
            started: None,
            finished: None,
            runtime: None,
            instances: 0,
            cache_key: None,
            components: None,
        }
    }
}

/// One task result to write.
#[derive(Debug, Clone)]
pub struct Record {
    pub row: TaskRow,
    /// For a task that succeeded with caching on.
    pub cache: Option<CacheEntry>,
    /// (command, seconds) for the scheduler's history.
    pub history: Option<(String, f64)>,
}

/// A cache entry: what a key produced.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CacheEntry {
    pub key: String,
    pub task: String,
    pub components: String,
    /// Output path → BLAKE3 hex.
    pub outputs: BTreeMap<String, String>,
}

/// A `cache` row selected as `key, task, components, outputs`.
fn cache_entry_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<CacheEntry> {
    Ok(CacheEntry {
        key: r.get(0)?,
        task: r.get(1)?,
        components: r.get(2)?,
        outputs: serde_json::from_str(&r.get::<_, String>(3)?).unwrap_or_default(),
    })
}

fn write_records(conn: &Connection, job: &str, records: &[Record]) -> rusqlite::Result<()> {
    // A later record of a task supersedes an earlier one (`running`, then
    // its result): each task's row is written once, from its last record.
    let mut seen = std::collections::HashSet::new();
    for row in records.iter().rev().map(|r| &r.row) {
        if !seen.insert(row.name.as_str()) {
            continue;
        }
        conn.prepare_cached(
            "UPDATE tasks SET state = ?3, reason = ?4, attempts = ?5, exit_code = ?6, signal = ?7,
               started = ?8, finished = ?9, runtime = ?10, instances = ?11, cache_key = ?12,
               components = ?13
             WHERE job_id = ?1 AND name = ?2",
        )?
        .execute(params![
            job,
            row.name,
            row.state.as_str(),
            row.reason,
            row.attempts,
            row.exit_code,
            row.signal,
            row.started,
            row.finished,
            row.runtime,
            row.instances,
            row.cache_key,
            row.components
        ])?;
    }
    for Record {
        row,
        cache,
        history,
    } in records
    {
        if let Some(c) = cache {
            conn.prepare_cached(
                "INSERT OR REPLACE INTO cache(key, task, created, components, outputs) VALUES(?1, ?2, ?3, ?4, ?5)",
            )?
            .execute(params![
                c.key,
                c.task,
                now(),
                c.components,
                serde_json::to_string(&c.outputs).unwrap_or_default()
            ])?;
        }
        if let Some((cmd, secs)) = history {
            conn.prepare_cached(
                "INSERT OR REPLACE INTO history(task, cmd, runtime) VALUES(?1, ?2, ?3)",
            )?
            .execute(params![row.name, cmd, secs])?;
        }
    }
    Ok(())
}

pub fn now() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or(Duration::ZERO)
        .as_secs_f64()
}

pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Set by [`Store::begin`]: the pass's transaction starts at its first
    /// use of the store, so a pass that needs nothing from it (a task with
    /// no files whose key the cache does not hold) costs no BEGIN/COMMIT.
    tx_wanted: std::cell::Cell<bool>,
    /// The cache's keys, when [`Store::preload_cache_keys`] read them, each
    /// with whether its entry lists outputs: a key not among them is a miss
    /// and a key without outputs a hit, both without a query.
    known_keys: Option<std::collections::HashMap<String, bool>>,
}

impl Store {
    /// Opens (creating if needed) the store at `path`.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let err = |source| StoreError::Sqlite {
            path: path.to_path_buf(),
            source,
        };
        let conn = Connection::open(path).map_err(err)?;
        conn.busy_timeout(Duration::from_secs(10)).map_err(err)?;
        conn.execute_batch(
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;
             PRAGMA cache_size=-32768; PRAGMA mmap_size=268435456;
             CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL);
             CREATE TABLE IF NOT EXISTS jobs(
               id TEXT PRIMARY KEY, graph_path TEXT NOT NULL, graph_text TEXT NOT NULL,
               state TEXT NOT NULL, created REAL NOT NULL, finished REAL,
               pid INTEGER, pid_start INTEGER, heartbeat REAL, workdir TEXT NOT NULL,
               workers INTEGER NOT NULL, keep_going INTEGER NOT NULL, entry TEXT,
               backend TEXT NOT NULL DEFAULT 'local');
             -- WITHOUT ROWID: one B-tree per table, so a task's result
             -- touches few pages per commit.
             CREATE TABLE IF NOT EXISTS tasks(
               job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE, name TEXT NOT NULL,
               seq INTEGER NOT NULL,
               state TEXT NOT NULL, reason TEXT, attempts INTEGER NOT NULL DEFAULT 0,
               exit_code INTEGER, signal INTEGER, started REAL, finished REAL, runtime REAL,
               instances INTEGER NOT NULL DEFAULT 0, cache_key TEXT, components TEXT,
               PRIMARY KEY(job_id, name)) WITHOUT ROWID;
             CREATE TABLE IF NOT EXISTS cache(
               key TEXT PRIMARY KEY, task TEXT NOT NULL, created REAL NOT NULL,
               components TEXT NOT NULL, outputs TEXT NOT NULL) WITHOUT ROWID;
             CREATE INDEX IF NOT EXISTS cache_by_task ON cache(task, created);
             CREATE TABLE IF NOT EXISTS history(
               task TEXT NOT NULL, cmd TEXT NOT NULL, runtime REAL NOT NULL,
               PRIMARY KEY(task, cmd)) WITHOUT ROWID;
             CREATE TABLE IF NOT EXISTS graphs(
               key TEXT PRIMARY KEY, graph TEXT NOT NULL, used REAL NOT NULL) WITHOUT ROWID;
             CREATE TABLE IF NOT EXISTS files(
               path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
               ino INTEGER NOT NULL, digest TEXT NOT NULL) WITHOUT ROWID;",
        )
        .map_err(err)?;
        let found: Option<i64> = conn
            .query_row("SELECT value FROM meta WHERE key = 'schema'", [], |r| {
                r.get(0)
            })
            .optional()
            .map_err(err)?;
        match found {
            Some(v) if v > SCHEMA => {
                return Err(StoreError::Newer {
                    path: path.to_path_buf(),
                    found: v,
                });
            }
            Some(_) => {}
            None => {
                conn.execute(
                    "INSERT INTO meta(key, value) VALUES('schema', ?1)",
                    [SCHEMA],
                )
                .map_err(err)?;
            }
        }
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            tx_wanted: std::cell::Cell::new(false),
            known_keys: None,
        })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn err(&self, source: rusqlite::Error) -> StoreError {
        StoreError::Sqlite {
            path: self.path.clone(),
            source,
        }
    }

    /// Records a new job and its tasks as pending, in one transaction.
    pub fn create_job(&mut self, job: &Job, tasks: &[String]) -> Result<(), StoreError> {
        let tx = self.conn.transaction().map_err(|e| StoreError::Sqlite {
            path: self.path.clone(),
            source: e,
        })?;
        let res = (|| {
            tx.execute(
                "INSERT INTO jobs(id, graph_path, graph_text, state, created, workdir, workers, keep_going, backend)
                 VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                params![
                    job.id,
                    job.graph_path.to_string_lossy(),
                    job.graph_text,
                    job.state.as_str(),
                    job.created,
                    job.workdir.to_string_lossy(),
                    job.workers,
                    job.keep_going,
                    job.backend
                ],
            )?;
            let mut stmt = tx.prepare(
                "INSERT INTO tasks(job_id, name, seq, state) VALUES(?1, ?2, ?3, 'pending')",
            )?;
            for (seq, t) in tasks.iter().enumerate() {
                stmt.execute(params![job.id, t, seq as i64])?;
            }
            drop(stmt);
            tx.commit()
        })();
        res.map_err(|e| self.err(e))
    }

    /// Marks the job as run by this process (pid and its start time) now.
    pub fn claim(&self, id: &str, pid: u32, pid_start: u64) -> Result<(), StoreError> {
        self.conn
            .execute(
                "UPDATE jobs SET pid = ?2, pid_start = ?3, heartbeat = ?4, state = 'running', finished = NULL WHERE id = ?1",
                params![id, pid, pid_start as i64, now()],
            )
            .map(drop)
            .map_err(|e| self.err(e))
    }

    pub fn set_entry(&self, id: &str, entry: &str) -> Result<(), StoreError> {
        self.conn
            .execute(
                "UPDATE jobs SET entry = ?2 WHERE id = ?1",
                params![id, entry],
            )
            .map(drop)
            .map_err(|e| self.err(e))
    }

    pub fn heartbeat(&self, id: &str) -> Result<(), StoreError> {
        self.conn
            .execute(
                "UPDATE jobs SET heartbeat = ?2 WHERE id = ?1",
                params![id, now()],
            )
            .map(drop)
            .map_err(|e| self.err(e))
    }

    pub fn finish_job(&self, id: &str, state: JobState) -> Result<(), StoreError> {
        self.conn
            .execute(
                "UPDATE jobs SET state = ?2, finished = ?3 WHERE id = ?1",
                params![id, state.as_str(), now()],
            )
            .map(drop)
            .map_err(|e| self.err(e))
    }

    fn job_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Job> {
        Ok(Job {
            id: r.get(0)?,
            graph_path: PathBuf::from(r.get::<_, String>(1)?),
            graph_text: r.get(2)?,
            state: JobState::parse(&r.get::<_, String>(3)?),
            created: r.get(4)?,
            finished: r.get(5)?,
            pid: r
                .get::<_, Option<i64>>(6)?
                .and_then(|p| u32::try_from(p).ok()),
            pid_start: r
                .get::<_, Option<i64>>(7)?
                .and_then(|p| u64::try_from(p).ok()),
            heartbeat: r.get(8)?,
            workdir: PathBuf::from(r.get::<_, String>(9)?),
            workers: r.get(10)?,
            keep_going: r.get(11)?,
            entry: r.get(12)?,
            backend: r.get(13)?,
        })
    }

    const JOB_COLUMNS: &'static str = "id, graph_path, graph_text, state, created, finished, pid, pid_start, heartbeat, workdir, workers, keep_going, entry, backend";

    pub fn job(&self, id: &str) -> Result<Job, StoreError> {
        self.conn
            .query_row(
                &format!("SELECT {} FROM jobs WHERE id = ?1", Self::JOB_COLUMNS),
                [id],
                Self::job_from_row,
            )
            .optional()
            .map_err(|e| self.err(e))?
            .ok_or_else(|| StoreError::NoJob(id.to_string()))
    }

    /// Every job, newest first.
    pub fn jobs(&self) -> Result<Vec<Job>, StoreError> {
        let run = || -> rusqlite::Result<Vec<Job>> {
            let mut stmt = self.conn.prepare(&format!(
                "SELECT {} FROM jobs ORDER BY created DESC, id DESC",
                Self::JOB_COLUMNS
            ))?;
            stmt.query_map([], Self::job_from_row)?.collect()
        };
        run().map_err(|e| self.err(e))
    }

    /// The job's tasks, in the order they were recorded (topological).
    pub fn tasks(&self, job: &str) -> Result<Vec<TaskRow>, StoreError> {
        let run = || -> rusqlite::Result<Vec<TaskRow>> {
            let mut stmt = self.conn.prepare(
                "SELECT name, state, reason, attempts, exit_code, signal, started, finished, runtime,
                        instances, cache_key, components
                 FROM tasks WHERE job_id = ?1 ORDER BY seq",
            )?;
            stmt.query_map([job], |r| {
                Ok(TaskRow {
                    name: r.get(0)?,
                    state: TaskState::parse(&r.get::<_, String>(1)?),
                    reason: r.get(2)?,
                    attempts: r.get(3)?,
                    exit_code: r.get(4)?,
                    signal: r.get(5)?,
                    started: r.get(6)?,
                    finished: r.get(7)?,
                    runtime: r.get(8)?,
                    instances: r.get(9)?,
                    cache_key: r.get(10)?,
                    components: r.get(11)?,
                })
            })?
            .collect()
        };
        run().map_err(|e| self.err(e))
    }

    pub fn task(&self, job: &str, name: &str) -> Result<TaskRow, StoreError> {
        self.tasks(job)?
            .into_iter()
            .find(|t| t.name == name)
            .ok_or_else(|| StoreError::NoTask {
                job: job.to_string(),
                task: name.to_string(),
            })
    }

    /// Writes many task results in one transaction (a burst of cached tasks
    /// costs one commit, not one each); inside [`Store::begin`] they join
    /// the open transaction.
    pub fn record_tasks(&mut self, job: &str, records: &[Record]) -> Result<(), StoreError> {
        if records.is_empty() {
            return Ok(());
        }
        self.enter()?;
        if let Some(known) = &mut self.known_keys {
            known.extend(records.iter().filter_map(|r| {
                let c = r.cache.as_ref()?;
                Some((c.key.clone(), !c.outputs.is_empty()))
            }));
        }
        let own = self.conn.is_autocommit();
        let run = || -> rusqlite::Result<()> {
            if own {
                self.conn.execute_batch("BEGIN IMMEDIATE")?;
            }
            let written = write_records(&self.conn, job, records);
            match (own, written) {
                (true, Ok(())) => self.conn.execute_batch("COMMIT"),
                (true, Err(e)) => {
                    let _ = self.conn.execute_batch("ROLLBACK");
                    Err(e)
                }
                (false, r) => r,
            }
        };
        run().map_err(|e| self.err(e))
    }

    /// Groups the reads and writes of one scheduling pass in one
    /// transaction (one lock, one commit), opened at the pass's first use of
    /// the store; [`Store::commit`] ends it.
    pub fn begin(&self) -> Result<(), StoreError> {
        self.tx_wanted.set(self.conn.is_autocommit());
        Ok(())
    }

    /// Opens the transaction [`Store::begin`] asked for, if not yet open.
    ///
    /// NB: IMMEDIATE (the write lock first): a pass may read, then write
    /// (a file's digest), and a deferred transaction whose snapshot another
    /// connection (the run's [`super::journal::Flusher`]) wrote past could
    /// not upgrade; this one waits for the lock instead (busy timeout).
    fn enter(&self) -> Result<(), StoreError> {
        if self.tx_wanted.replace(false) && self.conn.is_autocommit() {
            // NB: cached statements: the scheduler runs this once per pass.
            self.conn
                .prepare_cached("BEGIN IMMEDIATE")
                .and_then(|mut s| s.execute([]))
                .map_err(|e| self.err(e))?;
        }
        Ok(())
    }

    /// Reads the cache's keys into memory when there are at most `limit`
    /// of them (none is a query's worth of work per task): from then on a
    /// key this connection has not seen is a miss without a query. Keys
    /// another process adds meanwhile are not seen (their tasks run again,
    /// as if they had raced).
    pub fn preload_cache_keys(&mut self, limit: usize) -> Result<(), StoreError> {
        let run = || -> rusqlite::Result<Option<std::collections::HashMap<String, bool>>> {
            let mut stmt = self
                .conn
                .prepare("SELECT key, outputs != '{}' FROM cache LIMIT ?1")?;
            let cap = i64::try_from(limit.saturating_add(1)).unwrap_or(i64::MAX);
            let keys: std::collections::HashMap<String, bool> = stmt
                .query_map([cap], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<Result<_, _>>()?;
            Ok((keys.len() <= limit).then_some(keys))
        };
        self.known_keys = run().map_err(|e| self.err(e))?;
        Ok(())
    }

    pub fn commit(&self) -> Result<(), StoreError> {
        self.tx_wanted.set(false);
        if !self.conn.is_autocommit() {
            self.conn
                .prepare_cached("COMMIT")
                .and_then(|mut s| s.execute([]))
                .map_err(|e| self.err(e))?;
        }
        Ok(())
    }

    /// Deletes the finished jobs beyond the newest `keep` (their task rows
    /// go with them; cache entries stay) and returns their ids, so the
    /// caller can remove their logs. Running jobs are never pruned.
    pub fn prune(&self, keep: usize) -> Result<Vec<String>, StoreError> {
        let run = || -> rusqlite::Result<Vec<String>> {
            let ids: Vec<String> = {
                let mut stmt = self.conn.prepare(
                    "SELECT id FROM jobs WHERE state != 'running'
                     ORDER BY created DESC, id DESC LIMIT -1 OFFSET ?1",
                )?;
                stmt.query_map([keep as i64], |r| r.get(0))?
                    .collect::<rusqlite::Result<_>>()?
            };
            if !ids.is_empty() {
                self.conn.execute_batch("BEGIN IMMEDIATE")?;
                let deleted = (|| {
                    let mut tasks = self.conn.prepare("DELETE FROM tasks WHERE job_id = ?1")?;
                    let mut jobs = self.conn.prepare("DELETE FROM jobs WHERE id = ?1")?;
                    for id in &ids {
                        tasks.execute([id])?;
                        jobs.execute([id])?;
                    }
                    Ok(())
                })();
                match deleted {
                    Ok(()) => self.conn.execute_batch("COMMIT")?,
                    Err(e) => {
                        let _ = self.conn.execute_batch("ROLLBACK");
                        return Err(e);
                    }
                }
            }
            Ok(ids)
        };
        run().map_err(|e| self.err(e))
    }

    /// A graph parsed earlier from the same text (see `Graph::cache_key`), as JSON.
    pub fn parsed_graph(&self, key: &str) -> Result<Option<String>, StoreError> {
        let run = || -> rusqlite::Result<Option<String>> {
            let found: Option<String> = self
                .conn
                .prepare_cached("SELECT graph FROM graphs WHERE key = ?1")?
                .query_row([key], |r| r.get(0))
                .optional()?;
            if found.is_some() {
                self.conn.execute(
                    "UPDATE graphs SET used = ?2 WHERE key = ?1",
                    params![key, now()],
                )?;
            }
            Ok(found)
        };
        run().map_err(|e| self.err(e))
    }

    /// Remembers a parsed graph, keeping the 32 most recently used.
    pub fn remember_graph(&self, key: &str, json: &str) -> Result<(), StoreError> {
        let run = || -> rusqlite::Result<()> {
            self.conn.execute(
                "INSERT OR REPLACE INTO graphs(key, graph, used) VALUES(?1, ?2, ?3)",
                params![key, json, now()],
            )?;
            self.conn.execute(
                "DELETE FROM graphs WHERE key NOT IN (SELECT key FROM graphs ORDER BY used DESC LIMIT 32)",
                [],
            )?;
            Ok(())
        };
        run().map_err(|e| self.err(e))
    }

    /// Every recorded run time of these tasks: (task, command) → seconds.
    pub fn histories(
        &self,
    ) -> Result<std::collections::HashMap<(String, String), f64>, StoreError> {
        let run = || -> rusqlite::Result<std::collections::HashMap<(String, String), f64>> {
            let mut stmt = self
                .conn
                .prepare("SELECT task, cmd, runtime FROM history")?;
            stmt.query_map([], |r| Ok(((r.get(0)?, r.get(1)?), r.get(2)?)))?
                .collect()
        };
        run().map_err(|e| self.err(e))
    }

    pub fn cache_entry(&self, key: &str) -> Result<Option<CacheEntry>, StoreError> {
        if self
            .known_keys
            .as_ref()
            .is_some_and(|k| !k.contains_key(key))
        {
            return Ok(None);
        }
        self.enter()?;
        let run = || -> rusqlite::Result<Option<CacheEntry>> {
            self.conn
                .prepare_cached("SELECT key, task, components, outputs FROM cache WHERE key = ?1")?
                .query_row([key], cache_entry_from_row)
                .optional()
        };
        run().map_err(|e| self.err(e))
    }

    /// The outputs (path → BLAKE3 hex) of the cache entry for `key`, `None`
    /// when there is none: what a cache hit has to check. With the keys
    /// preloaded, only an entry that lists outputs costs a query.
    pub fn cache_outputs(&self, key: &str) -> Result<Option<BTreeMap<String, String>>, StoreError> {
        match self.known_keys.as_ref().map(|k| k.get(key)) {
            Some(None) => return Ok(None),
            Some(Some(false)) => return Ok(Some(BTreeMap::new())),
            Some(Some(true)) | None => {}
        }
        self.enter()?;
        let run = || -> rusqlite::Result<Option<BTreeMap<String, String>>> {
            self.conn
                .prepare_cached("SELECT outputs FROM cache WHERE key = ?1")?
                .query_row([key], |r| {
                    Ok(serde_json::from_str(&r.get::<_, String>(0)?).unwrap_or_default())
                })
                .optional()
        };
        run().map_err(|e| self.err(e))
    }

    /// The newest cache entry of task `name` other than `key` (what `explain`
    /// compares with).
    pub fn previous_entry(&self, name: &str, key: &str) -> Result<Option<CacheEntry>, StoreError> {
        self.conn
            .query_row(
                "SELECT key, task, components, outputs FROM cache WHERE task = ?1 AND key != ?2
                 ORDER BY created DESC LIMIT 1",
                [name, key],
                cache_entry_from_row,
            )
            .optional()
            .map_err(|e| self.err(e))
    }

    /// The digest recorded for a file whose size, mtime and inode still match.
    pub fn file_digest(
        &self,
        path: &str,
        size: u64,
        mtime_ns: i64,
        ino: u64,
    ) -> Result<Option<String>, StoreError> {
        self.enter()?;
        let run = || -> rusqlite::Result<Option<String>> {
            self.conn
                .prepare_cached(
                    "SELECT digest FROM files WHERE path = ?1 AND size = ?2 AND mtime_ns = ?3 AND ino = ?4",
                )?
                .query_row(params![path, size as i64, mtime_ns, ino as i64], |r| r.get(0))
                .optional()
        };
        run().map_err(|e| self.err(e))
    }

    pub fn remember_file(
        &self,
        path: &str,
        size: u64,
        mtime_ns: i64,
        ino: u64,
        digest: &str,
    ) -> Result<(), StoreError> {
        self.enter()?;
        let run = || -> rusqlite::Result<usize> {
            self.conn
                .prepare_cached(
                    "INSERT OR REPLACE INTO files(path, size, mtime_ns, ino, digest) VALUES(?1, ?2, ?3, ?4, ?5)",
                )?
                .execute(params![path, size as i64, mtime_ns, ino as i64, digest])
        };
        run().map(drop).map_err(|e| self.err(e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(id: &str) -> Job {
        Job::new(
            id.into(),
            "g.yaml".into(),
            "tasks: {}".into(),
            "/tmp".into(),
            2,
            false,
        )
    }

    #[test]
    fn jobs_tasks_and_cache_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("jobs.db");
        let mut s = Store::open(&path).unwrap();
        s.create_job(&job("j1"), &["a".into(), "b".into()]).unwrap();
        let mut row = TaskRow::pending("a");
        row.state = TaskState::Succeeded;
        row.cache_key = Some("k1".into());
        let entry = CacheEntry {
            key: "k1".into(),
            task: "a".into(),
            components: "{}".into(),
            outputs: BTreeMap::from([("out".to_string(), "d".to_string())]),
        };
        let record = Record {
            row,
            cache: Some(entry),
            history: Some(("echo a".into(), 0.5)),
        };
        // A task's last record wins: `running`, then its result.
        let mut running = record.row.clone();
        running.state = TaskState::Running;
        let running = Record {
            row: running,
            cache: None,
            history: None,
        };
        s.record_tasks("j1", &[running, record]).unwrap();
        drop(s);
        let s = Store::open(&path).unwrap();
        let tasks = s.tasks("j1").unwrap();
        assert_eq!(tasks.len(), 2);
        assert_eq!(tasks[0].state, TaskState::Succeeded);
        assert_eq!(tasks[1].state, TaskState::Pending);
        assert_eq!(s.cache_entry("k1").unwrap().unwrap().outputs["out"], "d");
        assert_eq!(
            s.histories().unwrap()[&("a".to_string(), "echo a".to_string())],
            0.5
        );
        assert!(matches!(s.job("nope"), Err(StoreError::NoJob(_))));
    }

    #[test]
    fn cache_outputs_agree_with_and_without_preloaded_keys() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("jobs.db");
        let mut s = Store::open(&path).unwrap();
        s.create_job(&job("j1"), &["a".into(), "b".into()]).unwrap();
        let records: Vec<Record> = [("a", "k-out", true), ("b", "k-none", false)]
            .into_iter()
            .map(|(name, key, with_output)| {
                let mut row = TaskRow::pending(name);
                row.state = TaskState::Succeeded;
                let outputs = if with_output {
                    BTreeMap::from([("out".to_string(), "d".to_string())])
                } else {
                    BTreeMap::new()
                };
                Record {
                    row,
                    cache: Some(CacheEntry {
                        key: key.into(),
                        task: name.into(),
                        components: "{}".into(),
                        outputs,
                    }),
                    history: None,
                }
            })
            .collect();
        s.record_tasks("j1", &records).unwrap();
        let expect = |s: &Store| {
            assert_eq!(s.cache_outputs("k-out").unwrap().unwrap()["out"], "d");
            assert_eq!(s.cache_outputs("k-none").unwrap(), Some(BTreeMap::new()));
            assert_eq!(s.cache_outputs("k-absent").unwrap(), None);
        };
        expect(&s);
        let mut s = Store::open(&path).unwrap();
        s.preload_cache_keys(10).unwrap();
        expect(&s);
        // Over the limit nothing is preloaded, and the answers stay the same.
        let mut s = Store::open(&path).unwrap();
        s.preload_cache_keys(1).unwrap();
        assert!(s.known_keys.is_none());
        expect(&s);
    }

    #[test]
    fn prune_keeps_the_newest_finished_jobs_and_every_running_one() {
        let dir = tempfile::tempdir().unwrap();
        let mut s = Store::open(&dir.path().join("jobs.db")).unwrap();
        for (i, state) in [
            JobState::Succeeded,
            JobState::Failed,
            JobState::Running,
            JobState::Succeeded,
        ]
        .into_iter()
        .enumerate()
        {
            let mut j = job(&format!("j{i}"));
            j.created = 1000.0 + i as f64;
            s.create_job(&j, &["a".into()]).unwrap();
            if state != JobState::Running {
                s.finish_job(&j.id, state).unwrap();
            }
        }
        assert_eq!(s.prune(1).unwrap(), ["j1", "j0"]);
        let left: Vec<String> = s.jobs().unwrap().into_iter().map(|j| j.id).collect();
        assert_eq!(left, ["j3", "j2"]);
        assert!(s.tasks("j0").unwrap().is_empty(), "their tasks went too");
        assert!(s.prune(1).unwrap().is_empty());
    }

    #[test]
    fn a_newer_schema_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("jobs.db");
        drop(Store::open(&path).unwrap());
        let conn = Connection::open(&path).unwrap();
        conn.execute("UPDATE meta SET value = 99 WHERE key = 'schema'", [])
            .unwrap();
        drop(conn);
        assert!(matches!(
            Store::open(&path),
            Err(StoreError::Newer { found: 99, .. })
        ));
    }

    #[test]
    fn garbage_is_not_a_store() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("jobs.db");
        std::fs::write(&path, vec![b'x'; 4096]).unwrap();
        let err = Store::open(&path).map(|_| ()).unwrap_err();
        assert_eq!(err.exit(), Exit::DataErr, "{err}");
    }
}
