//! Running a task graph on this machine: scheduling, caching, retries,
//! failure propagation, cancellation, and recording every result in the job
//! store.
//!
//! Guarantees:
//! - A task starts only after all its dependencies are final, and only when
//!   its `when` holds (default: every dependency succeeded or was cached).
//! - At most `workers` CPU slots are in use (a task takes `resources.cpu`
//!   slots), each running unit also holds governor permits, and the sum of
//!   running tasks' `mem_mb` stays within the memory budget.
//! - Among ready tasks, the one with the longest remaining critical path
//!   (expected durations from past runs, else 1 s each) starts first.
//! - A failure (after retries) stops new starts unless `keep_going`; with
//!   `halt_now` it also stops running tasks. Dependants of a failure are
//!   recorded as skipped with the reason.
//! - A task's result is in the job's journal (see `journal`) before the
//!   engine next waits, and in the store within [`Options::store_interval`], so a
//!   `kill -9` loses only tasks that were running; `resume` keeps every task
//!   recorded as succeeded or cached.
//! - With the cache on, a task whose key (see `cache`) has an entry whose
//!   recorded outputs are all still present and unchanged is not run.

use std::collections::{BTreeMap, BinaryHeap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures_util::StreamExt as _;
use futures_util::stream::FuturesUnordered;
use rand::Rng;
use tokio_util::sync::CancellationToken;

use super::cache::{self, Components, FileError, Keyed};
use super::gnu::template::Template;
use super::graph::{Foreach, Graph, Outcome, Task};
use super::journal::{self, Flusher, Journal, JournalError};
use super::store::{CacheEntry, JobState, Record, Store, StoreError, TaskRow, TaskState, now};
use crate::runtime::error::{Classify, Exit};
use crate::runtime::governor::Governor;
use crate::runtime::process::{self, Ending, GroupLedger, Sink, TaskSpec};

#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Journal(#[from] JournalError),
    #[error("task '{task}': {source}")]
    File {
        task: String,
        #[source]
        source: FileError,
    },
    #[error("task '{task}': starting the shell: {source}")]
    Spawn {
        task: String,
        #[source]
        source: std::io::Error,
    },
}

impl Classify for EngineError {
    fn exit(&self) -> Exit {
        match self {
            EngineError::Store(e) => e.exit(),
            EngineError::Journal(e) => e.exit(),
            EngineError::File { .. } => Exit::IoErr,
            EngineError::Spawn { .. } => Exit::Unavailable,
        }
    }
}

/// The default [`Options::store_interval`].
pub const STORE_INTERVAL: Duration = Duration::from_millis(100);

/// How many results make a fold due before [`Options::store_interval`].
const FLUSH_MAX: usize = 1024;

/// How to run.
#[derive(Debug, Clone)]
pub struct Options {
    pub workers: usize,
    pub keep_going: bool,
    pub halt_now: bool,
    /// Where commands run and relative paths resolve.
    pub workdir: PathBuf,
    /// Where `<task>.out`/`.err` go.
    pub logs: PathBuf,
    /// Memory that tasks' `mem_mb` may add up to.
    pub mem_budget_mb: u64,
    /// Between SIGTERM and SIGKILL when a task is stopped.
    pub grace: Duration,
    /// Keep the tasks the store records as succeeded or cached.
    pub resume: bool,
    /// Where each task's process group is noted.
    pub ledger: Option<GroupLedger>,
    /// How long a result may sit in the journal before it is folded into
    /// the store (where `status` from another shell sees it).
    pub store_interval: Duration,
    /// The PATH tasks inherit ([`TaskSpec::search_path`]).
    pub search_path: Option<std::ffi::OsString>,
}

/// Counts for a progress display.
#[derive(Debug, Clone, Copy, Default, serde::Serialize)]
pub struct Progress {
    pub total: usize,
    pub done: usize,
    pub running: usize,
    pub failed: usize,
    pub cached: usize,
}

/// How the run ended.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Summary {
    pub state: JobState,
    pub progress: Progress,
    /// Every task's row as recorded, in graph order.
    #[serde(skip)]
    pub tasks: Vec<TaskRow>,
}

struct Slot {
    state: TaskState,
    outcome: Option<Outcome>,
    /// Skipped because something failed (not because a `when` was false).
    failure_skip: bool,
    key: Option<String>,
    remaining_deps: usize,
    units_left: usize,
    row: TaskRow,
    parts: Vec<Keyed>,
    outputs: Vec<Vec<String>>,
}

struct Unit {
    /// The task's critical path (scaled): units start highest first.
    priority: u64,
    task: usize,
    instance: usize,
    cmd: String,
}

// Units waiting for a slot: the longest critical path first, then graph
// order, then instance order (so a fan-out starts in item order).
impl Ord for Unit {
    fn cmp(&self, other: &Unit) -> std::cmp::Ordering {
        self.priority
            .cmp(&other.priority)
            .then(other.task.cmp(&self.task))
            .then(other.instance.cmp(&self.instance))
    }
}

impl PartialOrd for Unit {
    fn partial_cmp(&self, other: &Unit) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Unit {
    fn eq(&self, other: &Unit) -> bool {
        self.cmp(other) == std::cmp::Ordering::Equal
    }
}

impl Eq for Unit {}

struct Done {
    task: usize,
    instance: usize,
    ending: Result<Ending, String>,
    attempts: u32,
    started: f64,
    runtime: f64,
}

/// Runs `graph` as job `job` (already created in the store). On resume,
/// tasks recorded as succeeded or cached are kept.
/// Up to this many cache keys are read into memory at the start of a run
/// (about 100 bytes each): [`Store::preload_cache_keys`].
const PRELOAD_KEYS: usize = 200_000;

pub async fn execute(
    graph: &Graph,
    store: &Arc<Mutex<Store>>,
    job: &str,
    opts: &Options,
    governor: &Governor,
    cancel: &CancellationToken,
    on_progress: &(dyn Fn(&Progress) + Sync),
) -> Result<Summary, EngineError> {
    let n = graph.tasks.len();
    let lock = || store.lock().unwrap_or_else(|e| e.into_inner());
    let index: BTreeMap<&str, usize> = graph
        .tasks
        .iter()
        .enumerate()
        .map(|(i, t)| (t.name.as_str(), i))
        .collect();
    let mut dependants = vec![Vec::new(); n];
    for (i, t) in graph.tasks.iter().enumerate() {
        for d in &t.deps {
            dependants[index[d.as_str()]].push(i);
        }
    }
    std::fs::create_dir_all(&opts.logs).map_err(|e| EngineError::File {
        task: "(logs)".into(),
        source: FileError::Io(opts.logs.display().to_string(), e),
    })?;
    // Results a dead run left in the journal go to the store first.
    let mut journal = Journal::open(&opts.logs.join(journal::FILE_NAME))?;
    journal.fold_into(&mut lock(), job)?;
    // Misses (every task of a new graph) then cost no query.
    lock().preload_cache_keys(PRELOAD_KEYS)?;
    // Results reach the store on a thread of their own.
    let store_path = lock().path().to_path_buf();
    let mut flusher = Flusher::start(&store_path, job, journal.path())?;
    // Only a resumed job has results to keep.
    let recorded: BTreeMap<String, TaskRow> = if opts.resume {
        lock()
            .tasks(job)?
            .into_iter()
            .map(|r| (r.name.clone(), r))
            .collect()
    } else {
        BTreeMap::new()
    };
    let mut slots: Vec<Slot> = graph
        .tasks
        .iter()
        .map(|t| {
            let prior = recorded.get(&t.name).filter(|r| r.state.is_final_ok());
            Slot {
                state: prior.map_or(TaskState::Pending, |r| r.state),
                outcome: prior.map(|_| Outcome::Succeeded),
                failure_skip: false,
                key: prior.and_then(|r| r.cache_key.clone()),
                remaining_deps: t.deps.len(),
                units_left: 0,
                row: prior.cloned().unwrap_or_else(|| TaskRow::pending(&t.name)),
                parts: Vec::new(),
                outputs: Vec::new(),
            }
        })
        .collect();

    // Critical path: expected duration plus the longest path below.
    let mut expected = vec![1.0_f64; n];
    {
        let past = lock().histories()?;
        for (i, t) in graph.tasks.iter().enumerate() {
            if let Some(secs) = past.get(&(t.name.clone(), t.cmd.clone())) {
                expected[i] = secs.max(0.001);
            }
        }
    }
    let mut critical = vec![0.0_f64; n];
    for i in (0..n).rev() {
        let below = dependants[i]
            .iter()
            .map(|&j| critical[j])
            .fold(0.0, f64::max);
        critical[i] = expected[i] + below;
    }

    let mut progress = Progress {
        total: n,
        ..Progress::default()
    };
    // Tasks already final (resume) release their dependants.
    let mut ready: BinaryHeap<(u64, std::cmp::Reverse<usize>)> = BinaryHeap::new();
    let prio = |i: usize| ((critical[i] * 1e6) as u64, std::cmp::Reverse(i));
    for i in 0..n {
        if slots[i].state.is_final_ok() {
            progress.done += 1;
            for &j in &dependants[i] {
                slots[j].remaining_deps -= 1;
            }
        }
    }
    for (i, slot) in slots.iter().enumerate() {
        if !slot.state.is_final_ok() && slot.remaining_deps == 0 {
            ready.push(prio(i));
        }
    }

    // NB: running units are futures this loop polls itself (no spawned
    // tasks): a finished task is noticed without a hand-off between threads.
    let mut in_flight = FuturesUnordered::new();
    let stop_running = cancel.child_token();
    let mut units: BinaryHeap<Unit> = BinaryHeap::new();
    let mut free_cpu = opts.workers.max(1);
    let mut free_mem = opts.mem_budget_mb;
    let mut running = 0_usize;
    let mut halted: Option<String> = None;
    let mut pending_records: Vec<Record> = Vec::new();
    // In the journal, not yet in the store; due there by `flush_by`.
    let mut unflushed: Vec<Record> = Vec::new();
    let mut flush_by: Option<tokio::time::Instant> = None;
    let mut cancelled = false;

    loop {
        // One transaction per pass: the lookups and writes below take one
        // lock and one commit, which is committed before the next wait.
        lock().begin()?;
        // Decide every ready task (skip, cache hit, or queue its units).
        while let Some((_, std::cmp::Reverse(i))) = ready.pop() {
            let task = &graph.tasks[i];
            let decision = decide(task, &slots, &index, halted.as_deref(), cancelled);
            match decision {
                Decision::Skip {
                    reason,
                    failure,
                    state,
                } => {
                    let slot = &mut slots[i];
                    slot.state = state;
                    slot.outcome = Some(Outcome::Skipped);
                    slot.failure_skip = failure;
                    slot.row.state = state;
                    slot.row.reason = Some(reason);
                    pending_records.push(Record {
                        row: slot.row.clone(),
                        cache: None,
                        history: None,
                    });
                    progress.done += 1;
                    release(i, &dependants, &mut slots, &mut ready, &prio);
                }
                Decision::Run => {
                    let instances = instances(task, &opts.workdir);
                    let dep_key = |d: &str| slots[index[d]].key.clone().unwrap_or_default();
                    let (comps, outs) =
                        instance_parts(&lock(), task, &instances, &dep_key, &opts.workdir)?;
                    let parts: Vec<Keyed> = comps.iter().map(Components::keyed).collect();
                    let keys: Vec<String> = parts.iter().map(|p| p.key.clone()).collect();
                    let task_key = task_key(&keys);
                    let hit = task.cache && {
                        let s = lock();
                        keys.iter().all(|k| cache_hit(&s, k, &opts.workdir))
                    };
                    let slot = &mut slots[i];
                    slot.key = Some(task_key.clone());
                    slot.row.cache_key = Some(task_key);
                    slot.row.instances = u32::try_from(instances.len()).unwrap_or(u32::MAX);
                    slot.row.components = Some(cache::components_json(&parts));
                    slot.parts = parts;
                    slot.outputs = outs;
                    if hit {
                        // `explain` needs no parts for a cache hit.
                        slot.row.components = None;
                        slot.state = TaskState::Cached;
                        slot.outcome = Some(Outcome::Succeeded);
                        slot.row.state = TaskState::Cached;
                        slot.row.reason =
                            Some("cache hit: unchanged inputs, command and dependencies".into());
                        pending_records.push(Record {
                            row: slot.row.clone(),
                            cache: None,
                            history: None,
                        });
                        progress.done += 1;
                        progress.cached += 1;
                        release(i, &dependants, &mut slots, &mut ready, &prio);
                    } else {
                        slot.state = TaskState::Running;
                        slot.row.state = TaskState::Running;
                        slot.row.started = Some(now());
                        slot.row.attempts = 0;
                        slot.row.exit_code = None;
                        slot.row.signal = None;
                        slot.row.reason = None;
                        slot.units_left = instances.len();
                        // So that `status` shows it running (costs a line in
                        // the journal write this pass makes anyway).
                        pending_records.push(Record {
                            row: slot.row.clone(),
                            cache: None,
                            history: None,
                        });
                        for (k, (_, cmd)) in instances.into_iter().enumerate() {
                            units.push(Unit {
                                priority: prio(i).0,
                                task: i,
                                instance: k,
                                cmd,
                            });
                        }
                    }
                }
            }
        }

        // Start units while slots (and memory) allow, in priority order.
        while let Some(unit) = units.peek() {
            let task = &graph.tasks[unit.task];
            if halted.is_some() || cancelled {
                break;
            }
            let cpu = (task.resources.cpu as usize).min(opts.workers.max(1));
            let mem = task.resources.mem_mb;
            if cpu > free_cpu || mem > free_mem {
                break;
            }
            let Some(unit) = units.pop() else { break };
            free_cpu -= cpu;
            free_mem -= mem;
            running += 1;
            let spec = unit_spec(task, &unit, opts)?;
            let stop = stop_running.clone();
            let governor = governor.clone();
            let retries = task.retries.clone();
            // NB: only jittered retries draw from a random stream (seeding
            // one from the OS costs a syscall per task).
            let stream = (retries.jitter > 0.0 && retries.max > 0)
                .then(|| format!("parallel/retry/{}/{}", task.name, unit.instance));
            let mut rng = None;
            in_flight.push(async move {
                let _permit = governor.acquire_many(u32::try_from(cpu).unwrap_or(1)).await;
                let started = now();
                let clock = std::time::Instant::now();
                let mut attempts = 0;
                let ending = loop {
                    attempts += 1;
                    let result = process::run(&spec, &stop).await.map(|f| f.ending);
                    let retry = matches!(
                        result,
                        Ok(Ending::Exited(_) | Ending::Signaled(_) | Ending::TimedOut)
                    ) && !result.as_ref().is_ok_and(|e| e.success());
                    if !retry || attempts > retries.max {
                        break result.map_err(|e| e.to_string());
                    }
                    let base = retries.delay(attempts);
                    let jitter = match &stream {
                        Some(name) => rng
                            .get_or_insert_with(|| governor.rng(name))
                            .gen_range(1.0 - retries.jitter..=1.0 + retries.jitter),
                        None => 1.0,
                    };
                    tokio::select! {
                        () = tokio::time::sleep(base.mul_f64(jitter)) => {}
                        () = stop.cancelled() => break Ok(Ending::Cancelled),
                    }
                };
                Done {
                    task: unit.task,
                    instance: unit.instance,
                    ending,
                    attempts,
                    started,
                    runtime: clock.elapsed().as_secs_f64(),
                }
            });
        }
        // Units that can never start (halt, cancel) are dropped.
        if halted.is_some() || cancelled {
            for unit in std::mem::take(&mut units).into_vec() {
                let reason = halted.clone().unwrap_or_else(|| "cancelled".into());
                let slot = &mut slots[unit.task];
                slot.units_left -= 1;
                // NB: a task with units still running is finished (as
                // cancelled) when they report; the reason marks it.
                slot.row.reason.get_or_insert(reason);
                if slot.units_left == 0 {
                    let state = if cancelled {
                        TaskState::Cancelled
                    } else {
                        TaskState::Skipped
                    };
                    finish_task(slot, state, None, &mut pending_records);
                    progress.done += 1;
                    release(unit.task, &dependants, &mut slots, &mut ready, &prio);
                }
            }
        }

        progress.running = running;
        on_progress(&progress);
        // Everything decided so far is in the journal before we wait, and
        // goes to the store in batches.
        if !pending_records.is_empty() {
            journal.append(&pending_records)?;
            unflushed.append(&mut pending_records);
            flush_by.get_or_insert_with(|| tokio::time::Instant::now() + opts.store_interval);
        }
        let due = unflushed.len() >= FLUSH_MAX
            || flush_by.is_some_and(|t| t <= tokio::time::Instant::now());
        lock().commit()?;
        if due {
            if let Some(segment) = journal.rotate() {
                flusher.send(std::mem::take(&mut unflushed), segment)?;
            }
            flush_by = None;
        } else {
            flusher.check()?;
        }

        if running == 0 && units.is_empty() && ready.is_empty() {
            break;
        }
        if running == 0 {
            // Only reachable when units wait for resources that can never
            // free (a task needs more than the whole budget).
            if let Some(unit) = units.pop() {
                let task = &graph.tasks[unit.task];
                let reason = format!(
                    "needs {} MiB of memory, more than the budget of {} MiB",
                    task.resources.mem_mb, opts.mem_budget_mb
                );
                let slot = &mut slots[unit.task];
                slot.units_left -= 1;
                slot.row.reason = Some(reason);
                if slot.units_left == 0 {
                    finish_task(slot, TaskState::Failed, None, &mut pending_records);
                    progress.done += 1;
                    progress.failed += 1;
                    if !opts.keep_going {
                        halted
                            .get_or_insert_with(|| format!("halted after '{}' failed", task.name));
                    }
                    release(unit.task, &dependants, &mut slots, &mut ready, &prio);
                }
                continue;
            }
        }
        let done = tokio::select! {
            done = in_flight.next(), if !in_flight.is_empty() => done,
            () = tokio::time::sleep_until(flush_by.unwrap_or_else(tokio::time::Instant::now)),
                if flush_by.is_some() => continue,
            () = cancel.cancelled(), if !cancelled => {
                cancelled = true;
                stop_running.cancel();
                continue;
            }
        };
        let Some(done) = done else { break };
        running -= 1;
        let task = &graph.tasks[done.task];
        free_cpu += (task.resources.cpu as usize).min(opts.workers.max(1));
        free_mem += task.resources.mem_mb;
        let slot = &mut slots[done.task];
        slot.units_left -= 1;
        slot.row.attempts += done.attempts;
        slot.row.started = Some(slot.row.started.unwrap_or(done.started).min(done.started));
        slot.row.runtime = Some(slot.row.runtime.unwrap_or(0.0).max(done.runtime));
        let ok = matches!(done.ending, Ok(e) if e.success());
        if !ok && slot.row.reason.is_none() {
            let which = if slot.row.instances > 1 {
                format!("instance {}: ", done.instance + 1)
            } else {
                String::new()
            };
            let (reason, code, signal) = match &done.ending {
                Ok(Ending::Exited(c)) => (format!("{which}exited with status {c}"), Some(*c), None),
                Ok(Ending::Signaled(s)) => (format!("{which}killed by signal {s}"), None, Some(*s)),
                Ok(Ending::TimedOut) => (
                    format!(
                        "{which}timed out after {:?}",
                        task.timeout.unwrap_or_default()
                    ),
                    None,
                    None,
                ),
                Ok(Ending::Cancelled) => (format!("{which}cancelled"), None, None),
                Err(e) => (format!("{which}could not start: {e}"), None, None),
            };
            slot.row.reason = Some(reason);
            slot.row.exit_code = code;
            slot.row.signal = signal;
            if !matches!(done.ending, Ok(Ending::Cancelled)) {
                slot.failure_skip = true; // marks "some instance failed"
            }
        }
        if slot.units_left > 0 {
            continue;
        }
        // The task's last unit is done.
        let failed = slot.failure_skip;
        slot.failure_skip = false;
        if failed {
            finish_task(slot, TaskState::Failed, None, &mut pending_records);
            progress.failed += 1;
            if !opts.keep_going && halted.is_none() {
                halted = Some(format!("halted after '{}' failed", task.name));
                if opts.halt_now {
                    stop_running.cancel();
                }
            }
        } else if slot.row.reason.is_some() {
            // Cancelled (halt now or cancel): neither success nor failure.
            finish_task(slot, TaskState::Cancelled, None, &mut pending_records);
        } else {
            slot.state = TaskState::Succeeded;
            slot.outcome = Some(Outcome::Succeeded);
            slot.row.state = TaskState::Succeeded;
            slot.row.finished = Some(now());
            slot.row.exit_code = Some(0);
            pending_records.extend(success_records(
                &lock(),
                task,
                &slot.row,
                &slot.parts,
                &slot.outputs,
                &opts.workdir,
            )?);
        }
        progress.done += 1;
        release(done.task, &dependants, &mut slots, &mut ready, &prio);
    }
    unflushed.append(&mut pending_records);
    flusher.finish()?;
    lock().record_tasks(job, &unflushed)?;
    journal.remove()?;

    let state = if cancelled {
        JobState::Cancelled
    } else if slots.iter().any(|s| {
        matches!(s.state, TaskState::Failed | TaskState::Cancelled)
            || (s.state == TaskState::Skipped && s.failure_skip)
    }) {
        JobState::Failed
    } else {
        JobState::Succeeded
    };
    progress.running = 0;
    on_progress(&progress);
    Ok(Summary {
        state,
        progress,
        tasks: slots.into_iter().map(|s| s.row).collect(),
    })
}

/// The cache-key parts and the output patterns of each instance of `task`
/// (`dep_key` gives a dependency's key): what a task's key is made of when
/// it becomes ready. Shared with the Slurm backend, so both key alike.
pub(super) fn instance_parts(
    store: &Store,
    task: &Task,
    instances: &[(Option<String>, String)],
    dep_key: &dyn Fn(&str) -> String,
    workdir: &Path,
) -> Result<(Vec<Components>, Vec<Vec<String>>), EngineError> {
    let mut comps = Vec::with_capacity(instances.len());
    let mut outs = Vec::with_capacity(instances.len());
    for (k, (item, cmd)) in instances.iter().enumerate() {
        let inputs = subst_all(&task.inputs, item.as_deref(), k + 1);
        let mut c = Components {
            cmd: cmd.clone(),
            env: task.env.clone(),
            ..Components::default()
        };
        for p in cache::expand(workdir, &inputs) {
            let d = cache::file_digest(store, &workdir.join(&p)).map_err(|source| {
                EngineError::File {
                    task: task.name.clone(),
                    source,
                }
            })?;
            c.inputs.insert(p, d.unwrap_or_else(|| "missing".into()));
        }
        for d in &task.deps {
            c.deps.insert(d.clone(), dep_key(d));
        }
        comps.push(c);
        outs.push(subst_all(&task.outputs, item.as_deref(), k + 1));
    }
    Ok((comps, outs))
}

/// A task's key from its instances' keys.
pub(super) fn task_key(keys: &[String]) -> String {
    if keys.len() == 1 {
        keys[0].clone()
    } else {
        blake3::hash(keys.join("\n").as_bytes())
            .to_hex()
            .to_string()
    }
}

/// The records of a task that succeeded (`row` already says so): one per
/// instance's cache entry (a foreach shares the outputs), the first with
/// its duration; or one without an entry when caching is off.
pub(super) fn success_records(
    store: &Store,
    task: &Task,
    row: &TaskRow,
    parts: &[Keyed],
    outputs: &[Vec<String>],
    workdir: &Path,
) -> Result<Vec<Record>, EngineError> {
    let mut digests = BTreeMap::new();
    for out in outputs.iter().flat_map(|o| cache::expand(workdir, o)) {
        let d =
            cache::file_digest(store, &workdir.join(&out)).map_err(|source| EngineError::File {
                task: task.name.clone(),
                source,
            })?;
        if let Some(d) = d {
            digests.insert(out, d);
        }
    }
    let entries: Vec<CacheEntry> = if task.cache {
        parts
            .iter()
            .map(|p| CacheEntry {
                key: p.key.clone(),
                task: task.name.clone(),
                components: p.json.clone(),
                outputs: digests.clone(),
            })
            .collect()
    } else {
        Vec::new()
    };
    let history = Some((task.cmd.clone(), row.runtime.unwrap_or(0.0)));
    let mut records = Vec::with_capacity(entries.len().max(1));
    let mut first = true;
    for entry in entries {
        records.push(Record {
            row: row.clone(),
            cache: Some(entry),
            history: if first { history.clone() } else { None },
        });
        first = false;
    }
    if first {
        records.push(Record {
            row: row.clone(),
            cache: None,
            history,
        });
    }
    Ok(records)
}

fn finish_task(
    slot: &mut Slot,
    state: TaskState,
    reason: Option<String>,
    records: &mut Vec<Record>,
) {
    slot.state = state;
    slot.outcome = Some(match state {
        TaskState::Succeeded | TaskState::Cached => Outcome::Succeeded,
        TaskState::Failed => Outcome::Failed,
        _ => Outcome::Skipped,
    });
    slot.failure_skip = matches!(state, TaskState::Skipped | TaskState::Cancelled);
    slot.row.state = state;
    if reason.is_some() {
        slot.row.reason = reason;
    }
    slot.row.finished = Some(now());
    records.push(Record {
        row: slot.row.clone(),
        cache: None,
        history: None,
    });
}

enum Decision {
    Skip {
        reason: String,
        failure: bool,
        state: TaskState,
    },
    Run,
}

fn decide(
    task: &Task,
    slots: &[Slot],
    index: &BTreeMap<&str, usize>,
    halted: Option<&str>,
    cancelled: bool,
) -> Decision {
    if cancelled {
        return Decision::Skip {
            reason: "cancelled before it started".into(),
            failure: true,
            state: TaskState::Cancelled,
        };
    }
    let outcome = |name: &str| index.get(name).and_then(|&j| slots[j].outcome);
    match &task.when {
        Some(cond) => {
            if !cond.eval(&outcome) {
                return Decision::Skip {
                    reason: format!("when {cond} is false"),
                    failure: false,
                    state: TaskState::Skipped,
                };
            }
        }
        None => {
            for d in &task.deps {
                let slot = &slots[index[d.as_str()]];
                if slot.outcome != Some(Outcome::Succeeded) {
                    let what = match slot.state {
                        TaskState::Failed => "failed",
                        TaskState::Cancelled => "was cancelled",
                        _ => "was skipped",
                    };
                    return Decision::Skip {
                        reason: format!("upstream '{d}' {what}"),
                        failure: slot.state == TaskState::Failed || slot.failure_skip,
                        state: TaskState::Skipped,
                    };
                }
            }
        }
    }
    if let Some(h) = halted {
        return Decision::Skip {
            reason: h.to_string(),
            failure: true,
            state: TaskState::Skipped,
        };
    }
    Decision::Run
}

fn release(
    i: usize,
    dependants: &[Vec<usize>],
    slots: &mut [Slot],
    ready: &mut BinaryHeap<(u64, std::cmp::Reverse<usize>)>,
    prio: &dyn Fn(usize) -> (u64, std::cmp::Reverse<usize>),
) {
    for &j in &dependants[i] {
        slots[j].remaining_deps -= 1;
        if slots[j].remaining_deps == 0 && !slots[j].state.is_final_ok() {
            ready.push(prio(j));
        }
    }
}

/// A cache entry for `key` exists and every output it recorded is unchanged.
pub(super) fn cache_hit(store: &Store, key: &str, workdir: &Path) -> bool {
    let Ok(Some(outputs)) = store.cache_outputs(key) else {
        return false;
    };
    outputs.iter().all(|(path, digest)| {
        matches!(cache::file_digest(store, &workdir.join(path)), Ok(Some(d)) if &d == digest)
    })
}

/// The task's units: one, or one per `foreach` item: (item, command).
pub(super) fn instances(task: &Task, workdir: &Path) -> Vec<(Option<String>, String)> {
    let items: Vec<String> = match &task.foreach {
        None => return vec![(None, task.cmd.clone())],
        Some(Foreach::List(l)) => l.clone(),
        Some(Foreach::Glob(g)) => cache::expand(workdir, std::slice::from_ref(g))
            .into_iter()
            .filter(|p| workdir.join(p).exists())
            .collect(),
    };
    // GNU parallel's replacement strings and quoting (and, without a
    // replacement string, the item appended).
    let template = Template::parse(&task.cmd);
    items
        .into_iter()
        .enumerate()
        .map(|(k, item)| {
            let cmd = template.render(std::slice::from_ref(&item), k as u64 + 1, 1);
            (Some(item), cmd)
        })
        .collect()
}

fn subst_all(patterns: &[String], item: Option<&str>, seq: usize) -> Vec<String> {
    match item {
        None => patterns.to_vec(),
        Some(item) => patterns
            .iter()
            .map(|p| Template::parse(p).render_plain(&[item.to_string()], seq as u64))
            .collect(),
    }
}

fn unit_spec(task: &Task, unit: &Unit, opts: &Options) -> Result<TaskSpec, EngineError> {
    let stem = if task.foreach.is_some() {
        format!("{}.{}", task.name, unit.instance + 1)
    } else {
        task.name.clone()
    };
    let mut spec = TaskSpec::shell(unit.cmd.clone());
    spec.cwd = Some(opts.workdir.clone());
    spec.env = task.env.iter().map(|(k, v)| (k.into(), v.into())).collect();
    spec.stdout = Sink::AppendLazily(opts.logs.join(format!("{stem}.out")));
    spec.stderr = Sink::AppendLazily(opts.logs.join(format!("{stem}.err")));
    spec.timeout = task.timeout;
    spec.grace = opts.grace;
    spec.ledger.clone_from(&opts.ledger);
    spec.search_path.clone_from(&opts.search_path);
    Ok(spec)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_patterns_get_unquoted_replacements() {
        let item = Some("parts/it's.txt");
        let patterns = ["out/{/.}.res".to_string(), "log-{#}".into(), "plain".into()];
        assert_eq!(
            subst_all(&patterns, item, 3),
            ["out/it's.res", "log-3", "plain"]
        );
        assert_eq!(subst_all(&["a".into()], None, 1), ["a"]);
    }
}
