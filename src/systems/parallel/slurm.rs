//! Running a task graph on a Slurm cluster: each uncached task becomes an
//! `sbatch` job (a `foreach` becomes one array job), dependencies become
//! `--dependency=afterok:…` with `--kill-on-invalid-dep=yes`, and omni
//! follows the jobs with `squeue --json` until every task is final,
//! recording each state change in the job store as the local engine does.
//!
//! Guarantees:
//! - Cache keys, cache entries and task rows are the local engine's (the
//!   same helpers compute them), so `status`, `results`, `logs`, `explain`
//!   and a later local run see the same job store.
//! - A task whose dependencies are all final when it is decided is checked
//!   against the cache first and never submitted on a hit. A task submitted
//!   while an upstream job is still in Slurm is always run (its inputs are
//!   not known yet); its key is computed when it ends.
//! - omni, not Slurm, decides a task whose `when` is not the default, a
//!   `foreach` over a glob (its items come from upstream), and the
//!   dependants of a task with retries (so a failed attempt can be
//!   resubmitted without Slurm cancelling them): they are submitted only
//!   when their dependencies are final.
//! - Every job id this run submitted is `scancel`led when the run is
//!   cancelled or ends in an error: nothing is left behind half-submitted.
//! - A resumed run first cancels the jobs a lost run of the same omni job
//!   left queued or running in Slurm (found by their `omni-<job>-` names)
//!   and waits until Slurm has ended them, so an old and a new attempt of a
//!   task never run side by side.
//! - Never prints, never reads the environment: `sbatch` and friends
//!   inherit omni's (`SLURM_CONF` and the like).

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rand::Rng;
use tokio_util::sync::CancellationToken;

use super::cache::{self, Components, Keyed};
use super::engine::{self, EngineError, Options, Progress, Summary};
use super::graph::{Foreach, Graph, Outcome, Task};
use super::store::{JobState, Record, Store, StoreError, TaskRow, TaskState, now};
use crate::runtime::error::{Classify, Exit};
use crate::runtime::governor::Governor;

/// How often omni asks Slurm where its jobs are.
pub const POLL: Duration = Duration::from_secs(1);

#[derive(Debug, thiserror::Error)]
pub enum SlurmError {
    /// Slurm is not installed, or no controller answers.
    #[error("slurm is unavailable: {0}")]
    Unavailable(String),
    /// A lost run's jobs did not end after `scancel`.
    #[error("{0}")]
    Leftovers(String),
    #[error(transparent)]
    Engine(#[from] EngineError),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{what}: {source}")]
    Io {
        what: String,
        #[source]
        source: std::io::Error,
    },
}

impl Classify for SlurmError {
    fn exit(&self) -> Exit {
        match self {
            SlurmError::Unavailable(_) => Exit::Unavailable,
            SlurmError::Leftovers(_) => Exit::TempFail,
            SlurmError::Engine(e) => e.exit(),
            SlurmError::Store(e) => e.exit(),
            SlurmError::Io { .. } => Exit::IoErr,
        }
    }
}

/// Where a task is.
#[derive(Debug, Clone)]
enum Phase {
    /// Not decided yet.
    Waiting,
    /// A failed attempt; resubmit at this instant.
    Backoff(Instant),
    /// Submitted: this Slurm job.
    InFlight(Sub),
    Final,
}

#[derive(Debug, Clone)]
struct Sub {
    id: u64,
    /// Array instances (0: a plain job).
    array: usize,
    /// The last summary shown in the task's reason.
    seen: String,
    /// Slurm has started (part of) it.
    started: bool,
    /// We cancelled it (halt): its end is not a failure.
    halted: bool,
}

struct Slot {
    phase: Phase,
    state: TaskState,
    outcome: Option<Outcome>,
    /// Skipped or cancelled because something failed.
    failure_skip: bool,
    key: Option<String>,
    /// The key was computed before submission (else at the end).
    keyed: bool,
    instances: Vec<(Option<String>, String)>,
    parts: Vec<Keyed>,
    outputs: Vec<Vec<String>>,
    row: TaskRow,
}

/// What Slurm says about one job (or array instance).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct JobInfo {
    pub job_id: u64,
    /// `omni-<job>-<task>` for the jobs omni submits.
    pub name: String,
    /// The array's job id (0 for a plain job).
    pub array_job_id: u64,
    /// This record's instance; `None` for a record standing for the
    /// instances in `array_task_string` (not yet started, or cancelled so).
    pub array_task_id: Option<u64>,
    pub array_task_string: String,
    pub state: String,
    pub reason: String,
    /// Exit status and signal (`ExitCode=N:S`).
    pub exit: (i32, i32),
    pub start: Option<i64>,
    pub end: Option<i64>,
}

/// How a job (or every instance of an array) ended, or that it has not.
#[derive(Debug, Clone, PartialEq)]
enum Verdict {
    Running(String),
    Succeeded(f64),
    Failed {
        reason: String,
        code: Option<i32>,
        signal: Option<i32>,
        runtime: f64,
    },
    /// Slurm will never run it: a dependency failed.
    Upstream,
    Cancelled(String),
    Gone,
}

/// Runs `graph` as job `job` on Slurm. On resume, tasks recorded as
/// succeeded or cached are kept, and what a lost run left in Slurm is
/// cancelled first.
pub async fn execute(
    graph: &Graph,
    store: &Arc<Mutex<Store>>,
    job: &str,
    opts: &Options,
    governor: &Governor,
    cancel: &CancellationToken,
    on_progress: &(dyn Fn(&Progress) + Sync),
) -> Result<Summary, SlurmError> {
    if opts.resume {
        stop_leftovers(job, graph, opts.grace + Duration::from_secs(30)).await?;
    }
    let mut submitted: Vec<u64> = Vec::new();
    let result = run(
        graph,
        store,
        job,
        opts,
        governor,
        cancel,
        on_progress,
        &mut submitted,
    )
    .await;
    if result.is_err() && !submitted.is_empty() {
        // Nothing half-submitted is left behind.
        let _ = scancel(&submitted).await;
    }
    result
}

#[allow(clippy::too_many_arguments)]
async fn run(
    graph: &Graph,
    store: &Arc<Mutex<Store>>,
    job: &str,
    opts: &Options,
    governor: &Governor,
    cancel: &CancellationToken,
    on_progress: &(dyn Fn(&Progress) + Sync),
    submitted: &mut Vec<u64>,
) -> Result<Summary, SlurmError> {
    let n = graph.tasks.len();
    let lock = || store.lock().unwrap_or_else(|e| e.into_inner());
    let index: BTreeMap<&str, usize> = graph
        .tasks
        .iter()
        .enumerate()
        .map(|(i, t)| (t.name.as_str(), i))
        .collect();
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
                phase: if prior.is_some() {
                    Phase::Final
                } else {
                    Phase::Waiting
                },
                state: prior.map_or(TaskState::Pending, |r| r.state),
                outcome: prior.map(|_| Outcome::Succeeded),
                failure_skip: false,
                key: prior.and_then(|r| r.cache_key.clone()),
                keyed: true,
                instances: Vec::new(),
                parts: Vec::new(),
                outputs: Vec::new(),
                row: prior.cloned().unwrap_or_else(|| TaskRow::pending(&t.name)),
            }
        })
        .collect();
    let scripts = opts.logs.join(".slurm");
    std::fs::create_dir_all(&scripts).map_err(|source| SlurmError::Io {
        what: format!("creating {}", scripts.display()),
        source,
    })?;
    let mut progress = Progress {
        total: n,
        done: slots.iter().filter(|s| s.state.is_final_ok()).count(),
        ..Progress::default()
    };
    let mut records: Vec<Record> = Vec::new();
    let mut halted: Option<String> = None;
    let mut cancelled = false;

    loop {
        if cancel.is_cancelled() && !cancelled {
            cancelled = true;
            let ids: Vec<u64> = slots
                .iter()
                .filter_map(|s| match &s.phase {
                    Phase::InFlight(sub) => Some(sub.id),
                    _ => None,
                })
                .collect();
            scancel(&ids).await?;
            for slot in &mut slots {
                if !matches!(slot.phase, Phase::Final) {
                    let reason = if matches!(slot.phase, Phase::InFlight(_)) {
                        "cancelled (scancel)"
                    } else {
                        "cancelled before it started"
                    };
                    finish(
                        slot,
                        TaskState::Cancelled,
                        Some(reason.into()),
                        &mut records,
                    );
                    progress.done += 1;
                }
            }
        }

        // Decide, in topological order, every task that can be decided now.
        if !cancelled {
            for i in 0..n {
                let task = &graph.tasks[i];
                match slots[i].phase {
                    Phase::Waiting => {}
                    Phase::Backoff(at) if at <= Instant::now() => {}
                    _ => continue,
                }
                let resubmit = matches!(slots[i].phase, Phase::Backoff(_));
                let deps: Vec<usize> = task.deps.iter().map(|d| index[d.as_str()]).collect();
                let all_final = deps.iter().all(|&j| matches!(slots[j].phase, Phase::Final));
                if resubmit {
                    // Its dependencies were final when it was first decided.
                    let sent = submit(task, &slots[i].instances, &[], job, opts, &scripts).await;
                    let (id, array) = match note(sent, submitted)? {
                        Ok(v) => v,
                        Err(reason) => {
                            sbatch_refused(
                                &mut slots[i],
                                reason,
                                &mut records,
                                &mut progress,
                                opts,
                                &mut halted,
                                task,
                            );
                            continue;
                        }
                    };
                    in_flight(&mut slots[i], id, array, &mut records);
                    continue;
                }
                if all_final {
                    if let Some((reason, failure, state)) =
                        skip_reason(task, &deps, &slots, halted.as_deref())
                    {
                        let slot = &mut slots[i];
                        slot.failure_skip = failure;
                        finish(slot, state, Some(reason), &mut records);
                        slot.failure_skip = failure;
                        progress.done += 1;
                        continue;
                    }
                    let instances = engine::instances(task, &opts.workdir);
                    let dep_key = |d: &str| slots[index[d]].key.clone().unwrap_or_default();
                    let (comps, outs) =
                        engine::instance_parts(&lock(), task, &instances, &dep_key, &opts.workdir)?;
                    let parts: Vec<Keyed> = comps.iter().map(Components::keyed).collect();
                    let keys: Vec<String> = parts.iter().map(|p| p.key.clone()).collect();
                    let hit = task.cache && {
                        let s = lock();
                        keys.iter().all(|k| engine::cache_hit(&s, k, &opts.workdir))
                    };
                    let slot = &mut slots[i];
                    slot.key = Some(engine::task_key(&keys));
                    slot.keyed = true;
                    slot.row.cache_key = slot.key.clone();
                    slot.row.instances = u32::try_from(instances.len()).unwrap_or(u32::MAX);
                    slot.row.components = Some(cache::components_json(&parts));
                    slot.parts = parts;
                    slot.outputs = outs;
                    slot.instances = instances;
                    if hit {
                        slot.row.components = None;
                        slot.outcome = Some(Outcome::Succeeded);
                        finish(
                            slot,
                            TaskState::Cached,
                            Some("cache hit: unchanged inputs, command and dependencies".into()),
                            &mut records,
                        );
                        slot.row.finished = None;
                        progress.done += 1;
                        progress.cached += 1;
                        continue;
                    }
                    if slot.instances.is_empty() {
                        // A foreach over no files: nothing to run.
                        slot.row.started = Some(now());
                        succeed(slot, task, &lock(), opts, &mut records)?;
                        progress.done += 1;
                        continue;
                    }
                    let sent = submit(task, &slot.instances, &[], job, opts, &scripts).await;
                    match note(sent, submitted)? {
                        Ok((id, array)) => {
                            start(slot, id, array, &mut records);
                        }
                        Err(reason) => sbatch_refused(
                            slot,
                            reason,
                            &mut records,
                            &mut progress,
                            opts,
                            &mut halted,
                            task,
                        ),
                    }
                    continue;
                }
                // Early submission: behind the upstream jobs still in Slurm.
                let early = halted.is_none()
                    && task.when.is_none()
                    && !matches!(task.foreach, Some(Foreach::Glob(_)))
                    && deps.iter().all(|&j| match &slots[j].phase {
                        Phase::Final => slots[j].outcome == Some(Outcome::Succeeded),
                        Phase::InFlight(_) => graph.tasks[j].retries.max == 0,
                        _ => false,
                    });
                if !early {
                    continue;
                }
                let after: Vec<u64> = deps
                    .iter()
                    .filter_map(|&j| match &slots[j].phase {
                        Phase::InFlight(sub) => Some(sub.id),
                        _ => None,
                    })
                    .collect();
                let instances = engine::instances(task, &opts.workdir);
                let slot = &mut slots[i];
                slot.keyed = false;
                slot.row.instances = u32::try_from(instances.len()).unwrap_or(u32::MAX);
                slot.instances = instances;
                if slot.instances.is_empty() {
                    // An empty list: decide it when the upstream is final.
                    slot.keyed = true;
                    continue;
                }
                let sent = submit(task, &slot.instances, &after, job, opts, &scripts).await;
                match note(sent, submitted)? {
                    Ok((id, array)) => {
                        start(slot, id, array, &mut records);
                    }
                    Err(reason) => sbatch_refused(
                        slot,
                        reason,
                        &mut records,
                        &mut progress,
                        opts,
                        &mut halted,
                        task,
                    ),
                }
            }
        }

        progress.running = slots
            .iter()
            .filter(|s| matches!(s.phase, Phase::InFlight(_) | Phase::Backoff(_)))
            .count();
        on_progress(&progress);
        lock().record_tasks(job, &std::mem::take(&mut records))?;

        if slots.iter().all(|s| matches!(s.phase, Phase::Final)) {
            break;
        }
        let waiting = slots
            .iter()
            .all(|s| matches!(s.phase, Phase::Final | Phase::Waiting));
        if waiting && !cancelled {
            // Nothing in Slurm and nothing can be decided: only possible
            // when tasks wait for an upstream that never gets decided.
            for slot in &mut slots {
                if matches!(slot.phase, Phase::Waiting) {
                    finish(
                        slot,
                        TaskState::Skipped,
                        Some(
                            halted
                                .clone()
                                .unwrap_or_else(|| "never became ready".into()),
                        ),
                        &mut records,
                    );
                    slot.failure_skip = true;
                    progress.done += 1;
                }
            }
            continue;
        }
        tokio::select! {
            () = tokio::time::sleep(POLL) => {}
            () = cancel.cancelled(), if !cancelled => continue,
        }

        // Where are our jobs?
        if !slots.iter().any(|s| matches!(s.phase, Phase::InFlight(_))) {
            continue;
        }
        let queue = squeue().await?;
        let mut to_cancel: Vec<u64> = Vec::new();
        for i in 0..n {
            let task = &graph.tasks[i];
            let Phase::InFlight(sub) = &slots[i].phase else {
                continue;
            };
            let sub = sub.clone();
            let mut verdict = verdict(&sub, &queue);
            if verdict == Verdict::Gone {
                verdict = scontrol_verdict(&sub).await;
            }
            if sub.halted && !matches!(verdict, Verdict::Running(_)) {
                let slot = &mut slots[i];
                let state = if opts.halt_now && sub.started {
                    TaskState::Cancelled
                } else {
                    TaskState::Skipped
                };
                finish(slot, state, halted.clone(), &mut records);
                slot.failure_skip = true;
                progress.done += 1;
                continue;
            }
            match verdict {
                Verdict::Running(summary) => {
                    let slot = &mut slots[i];
                    if let Phase::InFlight(s) = &mut slot.phase
                        && s.seen != summary
                    {
                        s.started |= summary != "PENDING"
                            && summary != "SUBMITTED"
                            && !summary.ends_with(" pending");
                        s.seen = summary.clone();
                        slot.row.reason = Some(format!("slurm job {} ({summary})", s.id));
                        records.push(row_record(&slot.row));
                    }
                }
                Verdict::Succeeded(runtime) => {
                    let keys = index_keys(&slots_keys(&slots), &index);
                    let slot = &mut slots[i];
                    slot.row.attempts += attempts_of(&sub);
                    slot.row.runtime = Some(runtime);
                    if !slot.keyed {
                        key_at_end(slot, task, &keys, &lock(), opts)?;
                    }
                    succeed(slot, task, &lock(), opts, &mut records)?;
                    progress.done += 1;
                }
                Verdict::Failed {
                    reason,
                    code,
                    signal,
                    runtime,
                } => {
                    let keys = index_keys(&slots_keys(&slots), &index);
                    let slot = &mut slots[i];
                    slot.row.attempts += attempts_of(&sub);
                    slot.row.runtime = Some(runtime);
                    if !slot.keyed {
                        key_at_end(slot, task, &keys, &lock(), opts)?;
                    }
                    let reason = match (task.timeout, reason.as_str()) {
                        (Some(t), "TIMEOUT") => format!("timed out after {t:?}"),
                        _ => reason,
                    };
                    let tries = slot.row.attempts / u32::try_from(sub.array.max(1)).unwrap_or(1);
                    if tries <= task.retries.max && halted.is_none() {
                        let base = task.retries.delay(tries);
                        let jitter = if task.retries.jitter > 0.0 {
                            let mut rng =
                                governor.rng(&format!("parallel/retry/{}/{tries}", task.name));
                            rng.gen_range(1.0 - task.retries.jitter..=1.0 + task.retries.jitter)
                        } else {
                            1.0
                        };
                        let wait = base.mul_f64(jitter);
                        slot.phase = Phase::Backoff(Instant::now() + wait);
                        slot.row.reason =
                            Some(format!("attempt {tries}: {reason}; retrying in {wait:?}"));
                        slot.row.exit_code = code;
                        slot.row.signal = signal;
                        records.push(row_record(&slot.row));
                        continue;
                    }
                    slot.row.exit_code = code;
                    slot.row.signal = signal;
                    finish(slot, TaskState::Failed, Some(reason), &mut records);
                    slot.failure_skip = false;
                    progress.done += 1;
                    progress.failed += 1;
                    if !opts.keep_going && halted.is_none() {
                        halted = Some(format!("halted after '{}' failed", task.name));
                        // Stop what has not started (or everything, with
                        // --halt now); running jobs finish.
                        for slot in &mut slots {
                            if let Phase::InFlight(s) = &mut slot.phase
                                && (opts.halt_now || !s.started)
                                && !s.halted
                            {
                                s.halted = true;
                                to_cancel.push(s.id);
                            }
                        }
                    }
                }
                Verdict::Upstream => {
                    let slot_deps: Vec<usize> =
                        task.deps.iter().map(|d| index[d.as_str()]).collect();
                    let reason = skip_reason(task, &slot_deps, &slots, None)
                        .map(|(r, _, _)| r)
                        .unwrap_or_else(|| "a dependency failed in slurm".into());
                    let slot = &mut slots[i];
                    finish(slot, TaskState::Skipped, Some(reason), &mut records);
                    slot.failure_skip = true;
                    progress.done += 1;
                }
                Verdict::Cancelled(reason) => {
                    let slot = &mut slots[i];
                    finish(slot, TaskState::Cancelled, Some(reason), &mut records);
                    progress.done += 1;
                }
                Verdict::Gone => {
                    let slot = &mut slots[i];
                    finish(
                        slot,
                        TaskState::Failed,
                        Some(format!(
                            "slurm job {} is gone from squeue and scontrol (MinJobAge passed?)",
                            sub.id
                        )),
                        &mut records,
                    );
                    progress.done += 1;
                    progress.failed += 1;
                }
            }
        }
        if !to_cancel.is_empty() {
            scancel(&to_cancel).await?;
        }
    }
    lock().record_tasks(job, &std::mem::take(&mut records))?;

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

fn slots_keys(slots: &[Slot]) -> Vec<Option<String>> {
    slots.iter().map(|s| s.key.clone()).collect()
}

fn index_keys(keys: &[Option<String>], index: &BTreeMap<&str, usize>) -> BTreeMap<String, String> {
    index
        .iter()
        .map(|(name, &i)| (name.to_string(), keys[i].clone().unwrap_or_default()))
        .collect()
}

/// The key of a task submitted before its inputs existed, from its inputs
/// as they are now that it has run.
fn key_at_end(
    slot: &mut Slot,
    task: &Task,
    keys: &BTreeMap<String, String>,
    store: &Store,
    opts: &Options,
) -> Result<(), EngineError> {
    let dep_key = |d: &str| keys.get(d).cloned().unwrap_or_default();
    let (comps, outs) =
        engine::instance_parts(store, task, &slot.instances, &dep_key, &opts.workdir)?;
    let parts: Vec<Keyed> = comps.iter().map(Components::keyed).collect();
    let keys: Vec<String> = parts.iter().map(|p| p.key.clone()).collect();
    slot.key = Some(engine::task_key(&keys));
    slot.keyed = true;
    slot.row.cache_key = slot.key.clone();
    slot.row.components = Some(cache::components_json(&parts));
    slot.parts = parts;
    slot.outputs = outs;
    Ok(())
}

fn attempts_of(sub: &Sub) -> u32 {
    u32::try_from(sub.array.max(1)).unwrap_or(u32::MAX)
}

fn row_record(row: &TaskRow) -> Record {
    Record {
        row: row.clone(),
        cache: None,
        history: None,
    }
}

fn finish(slot: &mut Slot, state: TaskState, reason: Option<String>, records: &mut Vec<Record>) {
    slot.phase = Phase::Final;
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
    records.push(row_record(&slot.row));
}

fn succeed(
    slot: &mut Slot,
    task: &Task,
    store: &Store,
    opts: &Options,
    records: &mut Vec<Record>,
) -> Result<(), EngineError> {
    slot.phase = Phase::Final;
    slot.state = TaskState::Succeeded;
    slot.outcome = Some(Outcome::Succeeded);
    slot.failure_skip = false;
    slot.row.state = TaskState::Succeeded;
    slot.row.finished = Some(now());
    slot.row.exit_code = Some(0);
    slot.row.signal = None;
    slot.row.reason = None;
    records.extend(engine::success_records(
        store,
        task,
        &slot.row,
        &slot.parts,
        &slot.outputs,
        &opts.workdir,
    )?);
    Ok(())
}

fn start(slot: &mut Slot, id: u64, array: usize, records: &mut Vec<Record>) {
    slot.row.started = Some(now());
    slot.row.attempts = 0;
    slot.row.exit_code = None;
    slot.row.signal = None;
    in_flight(slot, id, array, records);
}

fn in_flight(slot: &mut Slot, id: u64, array: usize, records: &mut Vec<Record>) {
    slot.phase = Phase::InFlight(Sub {
        id,
        array,
        seen: "SUBMITTED".into(),
        started: false,
        halted: false,
    });
    slot.state = TaskState::Running;
    slot.row.state = TaskState::Running;
    slot.row.reason = Some(format!("slurm job {id} (SUBMITTED)"));
    records.push(row_record(&slot.row));
}

/// `sbatch` refused the task itself (not "no controller"): it fails.
#[allow(clippy::too_many_arguments)]
fn sbatch_refused(
    slot: &mut Slot,
    reason: String,
    records: &mut Vec<Record>,
    progress: &mut Progress,
    opts: &Options,
    halted: &mut Option<String>,
    task: &Task,
) {
    finish(slot, TaskState::Failed, Some(reason), records);
    slot.failure_skip = false;
    progress.done += 1;
    progress.failed += 1;
    if !opts.keep_going && halted.is_none() {
        *halted = Some(format!("halted after '{}' failed", task.name));
    }
}

type Submitted = Result<Result<(u64, usize), String>, SlurmError>;

/// Remembers a submitted job id (for scancel on error).
fn note(sent: Submitted, submitted: &mut Vec<u64>) -> Submitted {
    if let Ok(Ok((id, _))) = &sent {
        submitted.push(*id);
    }
    sent
}

/// Why a task whose dependencies are all final does not run, if it does
/// not: (reason, caused by a failure, state). The local engine's rules.
fn skip_reason(
    task: &Task,
    deps: &[usize],
    slots: &[Slot],
    halted: Option<&str>,
) -> Option<(String, bool, TaskState)> {
    let by_name: BTreeMap<&str, usize> = task
        .deps
        .iter()
        .map(String::as_str)
        .zip(deps.iter().copied())
        .collect();
    match &task.when {
        Some(cond) => {
            let outcome = |name: &str| by_name.get(name).and_then(|&j| slots[j].outcome);
            if !cond.eval(&outcome) {
                return Some((format!("when {cond} is false"), false, TaskState::Skipped));
            }
        }
        None => {
            for (d, &j) in task.deps.iter().zip(deps) {
                let slot = &slots[j];
                if slot.outcome != Some(Outcome::Succeeded) {
                    let what = match slot.state {
                        TaskState::Failed => "failed",
                        TaskState::Cancelled => "was cancelled",
                        _ => "was skipped",
                    };
                    return Some((
                        format!("upstream '{d}' {what}"),
                        slot.state == TaskState::Failed || slot.failure_skip,
                        TaskState::Skipped,
                    ));
                }
            }
        }
    }
    halted.map(|h| (h.to_string(), true, TaskState::Skipped))
}

// ------------------------------------------------------------ the commands

/// `sbatch` arguments for `task` (without the command or script).
pub fn sbatch_args(
    task: &Task,
    job: &str,
    logs: &Path,
    workdir: &Path,
    array: Option<(usize, usize)>,
    after: &[u64],
) -> Vec<String> {
    let stem = match array {
        Some(_) => format!("{}.%a", task.name),
        None => task.name.clone(),
    };
    let mut args = vec![
        "--parsable".to_string(),
        format!("--job-name=omni-{job}-{}", task.name),
        format!("--chdir={}", workdir.display()),
        format!("--output={}", logs.join(format!("{stem}.out")).display()),
        format!("--error={}", logs.join(format!("{stem}.err")).display()),
        "--open-mode=append".into(),
        format!("--cpus-per-task={}", task.resources.cpu.max(1)),
    ];
    let mut export = String::from("--export=ALL");
    for (k, v) in &task.env {
        if !v.contains(',') {
            export.push_str(&format!(",{k}={v}"));
        }
    }
    args.push(export);
    if task.resources.mem_mb > 0 {
        args.push(format!("--mem={}M", task.resources.mem_mb));
    }
    if let Some(t) = task.timeout {
        args.push(format!("--time={}", t.as_secs().div_ceil(60).max(1)));
    }
    if let Some((n, throttle)) = array {
        // NB: 1-based, so `%a` names the logs `<task>.<n>.out` as the
        // local engine and `omni parallel logs` do.
        args.push(format!("--array=1-{n}%{}", throttle.max(1)));
    }
    if !after.is_empty() {
        let ids: Vec<String> = after.iter().map(u64::to_string).collect();
        args.push(format!("--dependency=afterok:{}", ids.join(":")));
        args.push("--kill-on-invalid-dep=yes".into());
    }
    args
}

/// Exports of env values `--export` cannot carry (a comma separates its
/// entries), as shell lines.
fn env_prefix(task: &Task) -> String {
    task.env
        .iter()
        .filter(|(_, v)| v.contains(','))
        .map(|(k, v)| format!("{k}={}; export {k}\n", shell_words::quote(v)))
        .collect()
}

/// Submits `task`: `Ok(Ok((job id, instances)))`, `Ok(Err(reason))` when
/// sbatch refused the task, `Err` when Slurm is unavailable.
async fn submit(
    task: &Task,
    instances: &[(Option<String>, String)],
    after: &[u64],
    job: &str,
    opts: &Options,
    scripts: &Path,
) -> Submitted {
    let array = task.foreach.is_some();
    let n = instances.len();
    let args = sbatch_args(
        task,
        job,
        &opts.logs,
        &opts.workdir,
        array.then_some((n, opts.workers)),
        after,
    );
    let mut cmd = tokio::process::Command::new("sbatch");
    cmd.args(&args);
    let prefix = env_prefix(task);
    if array {
        let mut script = format!("#!/bin/sh\n{prefix}");
        for (k, (_, line)) in instances.iter().enumerate() {
            let file = scripts.join(format!("{}.{}.sh", task.name, k + 1));
            if let Err(source) = std::fs::write(&file, format!("{line}\n")) {
                return Err(SlurmError::Io {
                    what: format!("writing {}", file.display()),
                    source,
                });
            }
        }
        script.push_str(&format!(
            "exec /bin/sh {}/{}.\"$SLURM_ARRAY_TASK_ID\".sh\n",
            shell_words::quote(&scripts.display().to_string()),
            shell_words::quote(&task.name)
        ));
        let file = scripts.join(format!("{}.sh", task.name));
        if let Err(source) = std::fs::write(&file, script) {
            return Err(SlurmError::Io {
                what: format!("writing {}", file.display()),
                source,
            });
        }
        cmd.arg(&file);
    } else {
        let line = instances
            .first()
            .map_or(task.cmd.as_str(), |(_, c)| c.as_str());
        cmd.arg(format!("--wrap={prefix}{line}"));
    }
    let out = output(cmd, "sbatch").await?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    if out.status.success()
        && let Some(id) = stdout
            .trim()
            .split(';')
            .next()
            .and_then(|s| s.parse::<u64>().ok())
    {
        return Ok(Ok((id, if array { n } else { 0 })));
    }
    let line = last_error(&stderr);
    if unreachable_controller(&stderr) {
        return Err(SlurmError::Unavailable(format!(
            "sbatch could not reach a controller: {line}"
        )));
    }
    Ok(Err(format!("sbatch refused it: {line}")))
}

fn last_error(stderr: &str) -> String {
    stderr
        .lines()
        .rev()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("no output")
        .trim()
        .to_string()
}

/// sbatch's stderr says no controller answered (or munge is down, or the
/// configuration is unusable): Slurm as a whole is unavailable.
fn unreachable_controller(stderr: &str) -> bool {
    [
        "Unable to contact slurm controller",
        "connect failure",
        "Connection refused",
        "authentication error",
        "Munge",
        "configuration file",
        "Zero Bytes were transmitted",
        "Socket timed out",
    ]
    .iter()
    .any(|m| stderr.contains(m))
}

async fn output(
    mut cmd: tokio::process::Command,
    name: &str,
) -> Result<std::process::Output, SlurmError> {
    cmd.stdin(Stdio::null()).kill_on_drop(true);
    match cmd.output().await {
        Ok(o) => Ok(o),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(SlurmError::Unavailable(
            format!("{name} is not on PATH (install Slurm's client tools, or use --backend local)"),
        )),
        Err(source) => Err(SlurmError::Io {
            what: format!("running {name}"),
            source,
        }),
    }
}

/// `scancel` these jobs (arrays whole).
pub async fn scancel(ids: &[u64]) -> Result<(), SlurmError> {
    if ids.is_empty() {
        return Ok(());
    }
    let mut cmd = tokio::process::Command::new("scancel");
    cmd.args(ids.iter().map(u64::to_string));
    let out = output(cmd, "scancel").await?;
    if !out.status.success() {
        let stderr = String::from_utf8_lossy(&out.stderr);
        if unreachable_controller(&stderr) {
            return Err(SlurmError::Unavailable(format!(
                "scancel: {}",
                last_error(&stderr)
            )));
        }
        // Jobs that already ended are not an error.
    }
    Ok(())
}

/// The jobs named `omni-<job>-<task>` for a task of `graph` that Slurm has
/// not ended yet.
fn unfinished<'a>(queue: &'a [JobInfo], job: &str, graph: &Graph) -> Vec<&'a JobInfo> {
    let names: std::collections::HashSet<String> = graph
        .tasks
        .iter()
        .map(|t| format!("omni-{job}-{}", t.name))
        .collect();
    queue
        .iter()
        .filter(|j| names.contains(&j.name))
        .filter(|j| RUNNING.contains(&j.state.split(',').next().unwrap_or("")))
        .collect()
}

/// Cancels the jobs of omni job `job` still queued or running in Slurm (a
/// lost run's) and waits, up to `patience`, until Slurm has ended them.
/// Returns how many there were.
pub async fn stop_leftovers(
    job: &str,
    graph: &Graph,
    patience: Duration,
) -> Result<usize, SlurmError> {
    let queue = squeue().await?;
    let mut ids: Vec<u64> = unfinished(&queue, job, graph)
        .iter()
        .map(|j| {
            if j.array_job_id > 0 {
                j.array_job_id
            } else {
                j.job_id
            }
        })
        .collect();
    ids.sort_unstable();
    ids.dedup();
    if ids.is_empty() {
        return Ok(0);
    }
    scancel(&ids).await?;
    let until = Instant::now() + patience;
    loop {
        let queue = squeue().await?;
        if unfinished(&queue, job, graph).is_empty() {
            return Ok(ids.len());
        }
        if Instant::now() >= until {
            return Err(SlurmError::Leftovers(format!(
                "the jobs a lost run of {job} left in Slurm ({}) did not end within {patience:?} of scancel",
                ids.iter()
                    .map(u64::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        }
        tokio::time::sleep(POLL).await;
    }
}

/// Every job Slurm still remembers (`squeue --json --states=all`: finished
/// jobs stay for `MinJobAge`).
async fn squeue() -> Result<Vec<JobInfo>, SlurmError> {
    let mut cmd = tokio::process::Command::new("squeue");
    cmd.args(["--json", "--states=all"]);
    let out = output(cmd, "squeue").await?;
    if !out.status.success() {
        return Err(SlurmError::Unavailable(format!(
            "squeue: {}",
            last_error(&String::from_utf8_lossy(&out.stderr))
        )));
    }
    parse_squeue(&out.stdout).map_err(|e| {
        SlurmError::Unavailable(format!("squeue --json printed something unreadable: {e}"))
    })
}

/// Parses `squeue --json` (Slurm 22.05: `exit_code` is the wait status and
/// `job_state` a string; later releases use objects and lists, read too).
pub fn parse_squeue(bytes: &[u8]) -> Result<Vec<JobInfo>, serde_json::Error> {
    let doc: serde_json::Value = serde_json::from_slice(bytes)?;
    let num = |v: &serde_json::Value| -> Option<i64> {
        v.as_i64()
            .or_else(|| v.get("number").and_then(serde_json::Value::as_i64))
            .or_else(|| {
                (v.get("set").and_then(serde_json::Value::as_bool) == Some(true))
                    .then(|| v.get("number").and_then(serde_json::Value::as_i64))
                    .flatten()
            })
    };
    let text = |v: Option<&serde_json::Value>| -> String {
        match v {
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(serde_json::Value::Array(a)) => a
                .iter()
                .filter_map(serde_json::Value::as_str)
                .collect::<Vec<_>>()
                .join(","),
            _ => String::new(),
        }
    };
    let jobs = doc
        .get("jobs")
        .and_then(serde_json::Value::as_array)
        .cloned()
        .unwrap_or_default();
    Ok(jobs
        .iter()
        .map(|j| {
            let exit = match j.get("exit_code") {
                Some(serde_json::Value::Object(o)) => (
                    o.get("return_code").and_then(num).unwrap_or(0) as i32,
                    o.get("signal")
                        .and_then(|s| s.get("id"))
                        .and_then(num)
                        .unwrap_or(0) as i32,
                ),
                Some(v) => {
                    let raw = num(v).unwrap_or(0);
                    (((raw >> 8) & 0xff) as i32, (raw & 0x7f) as i32)
                }
                None => (0, 0),
            };
            JobInfo {
                job_id: j.get("job_id").and_then(num).unwrap_or(0) as u64,
                name: text(j.get("name")),
                array_job_id: j.get("array_job_id").and_then(num).unwrap_or(0) as u64,
                array_task_id: j
                    .get("array_task_id")
                    .and_then(num)
                    .and_then(|v| u64::try_from(v).ok()),
                array_task_string: text(j.get("array_task_string")),
                state: text(j.get("job_state")),
                reason: text(j.get("state_reason")),
                exit,
                start: j.get("start_time").and_then(num).filter(|&t| t > 0),
                end: j.get("end_time").and_then(num).filter(|&t| t > 0),
            }
        })
        .collect())
}

/// `1-3%2`, `2,4-5` → the instance numbers.
fn array_range(text: &str) -> Vec<u64> {
    let text = text.split('%').next().unwrap_or("");
    let mut out = Vec::new();
    for part in text.split(',') {
        match part.split_once('-') {
            Some((a, b)) => {
                if let (Ok(a), Ok(b)) = (a.trim().parse::<u64>(), b.trim().parse::<u64>()) {
                    out.extend(a..=b.min(a + 1_000_000));
                }
            }
            None => out.extend(part.trim().parse::<u64>().ok()),
        }
    }
    out
}

const RUNNING: &[&str] = &[
    "PENDING",
    "CONFIGURING",
    "RUNNING",
    "COMPLETING",
    "SUSPENDED",
    "REQUEUED",
    "REQUEUE_HOLD",
    "REQUEUE_FED",
    "RESIZING",
    "SIGNALING",
    "STAGE_OUT",
    "STOPPED",
    "RESV_DEL_HOLD",
];

/// One record's verdict.
fn one(info: &JobInfo) -> Verdict {
    let runtime = match (info.start, info.end) {
        (Some(s), Some(e)) if e >= s => (e - s) as f64,
        _ => 0.0,
    };
    let state = info.state.split(',').next().unwrap_or("");
    if RUNNING.contains(&state) {
        if info.reason == "DependencyNeverSatisfied" {
            return Verdict::Upstream;
        }
        return Verdict::Running(state.to_string());
    }
    let (code, signal) = info.exit;
    match state {
        "COMPLETED" => Verdict::Succeeded(runtime),
        "CANCELLED" if info.reason == "DependencyNeverSatisfied" => Verdict::Upstream,
        "CANCELLED" => Verdict::Cancelled("cancelled in slurm (scancel)".into()),
        "FAILED" if signal != 0 => Verdict::Failed {
            reason: format!("killed by signal {signal}"),
            code: None,
            signal: Some(signal),
            runtime,
        },
        "FAILED" => Verdict::Failed {
            reason: format!("exited with status {code}"),
            code: Some(code),
            signal: None,
            runtime,
        },
        "TIMEOUT" => Verdict::Failed {
            reason: "TIMEOUT".into(),
            code: None,
            signal: None,
            runtime,
        },
        other => Verdict::Failed {
            reason: format!("slurm says {other} ({})", info.reason),
            code: (code != 0).then_some(code),
            signal: (signal != 0).then_some(signal),
            runtime,
        },
    }
}

/// The verdict on a submission from the queue.
fn verdict(sub: &Sub, queue: &[JobInfo]) -> Verdict {
    if sub.array == 0 {
        return queue
            .iter()
            .find(|j| j.job_id == sub.id && j.array_job_id == 0)
            .map_or(Verdict::Gone, one);
    }
    // Each instance's verdict: from its own record, or from the record
    // standing for the instances not split off yet.
    let mut each: BTreeMap<u64, Verdict> = BTreeMap::new();
    let mut found = false;
    for j in queue.iter().filter(|j| j.array_job_id == sub.id) {
        found = true;
        match j.array_task_id {
            Some(k) => {
                each.insert(k, one(j));
            }
            None => {
                let v = one(j);
                for k in array_range(&j.array_task_string) {
                    each.entry(k).or_insert_with(|| v.clone());
                }
            }
        }
    }
    if !found {
        return Verdict::Gone;
    }
    let mut running = BTreeMap::<String, usize>::new();
    let mut runtime = 0.0_f64;
    let mut failed = None;
    let mut upstream = false;
    let mut cancelled = None;
    for k in 1..=sub.array as u64 {
        match each
            .get(&k)
            .cloned()
            .unwrap_or(Verdict::Running("PENDING".into()))
        {
            Verdict::Running(s) => *running.entry(s).or_insert(0) += 1,
            Verdict::Succeeded(r) => runtime = runtime.max(r),
            Verdict::Failed {
                reason,
                code,
                signal,
                runtime: r,
            } => {
                runtime = runtime.max(r);
                failed.get_or_insert((format!("instance {k}: {reason}"), code, signal));
            }
            Verdict::Upstream => upstream = true,
            Verdict::Cancelled(r) => {
                cancelled.get_or_insert(r);
            }
            Verdict::Gone => {}
        }
    }
    if !running.is_empty() {
        let parts: Vec<String> = running
            .iter()
            .map(|(s, c)| format!("{c} {}", s.to_lowercase()))
            .collect();
        return Verdict::Running(parts.join(", "));
    }
    if upstream {
        return Verdict::Upstream;
    }
    if let Some((reason, code, signal)) = failed {
        return Verdict::Failed {
            reason: reason.replace("TIMEOUT", "timed out"),
            code,
            signal,
            runtime,
        };
    }
    if let Some(r) = cancelled {
        return Verdict::Cancelled(r);
    }
    Verdict::Succeeded(runtime)
}

/// A job gone from `squeue`: ask `scontrol show job -o` once.
async fn scontrol_verdict(sub: &Sub) -> Verdict {
    let mut cmd = tokio::process::Command::new("scontrol");
    cmd.args(["show", "job", "-o", &sub.id.to_string()]);
    let Ok(out) = output(cmd, "scontrol").await else {
        return Verdict::Gone;
    };
    let text = String::from_utf8_lossy(&out.stdout);
    let infos: Vec<JobInfo> = text.lines().filter_map(parse_scontrol_line).collect();
    if infos.is_empty() {
        return Verdict::Gone;
    }
    verdict(sub, &infos)
}

/// One line of `scontrol show job -o`: `JobId=5 ArrayJobId=4 ArrayTaskId=0
/// … JobState=COMPLETED Reason=None … ExitCode=3:0 …`.
pub fn parse_scontrol_line(line: &str) -> Option<JobInfo> {
    let mut info = JobInfo::default();
    let mut seen = false;
    for word in line.split_whitespace() {
        let Some((k, v)) = word.split_once('=') else {
            continue;
        };
        match k {
            "JobId" => {
                info.job_id = v.parse().ok()?;
                seen = true;
            }
            "ArrayJobId" => info.array_job_id = v.parse().unwrap_or(0),
            "ArrayTaskId" => match v.parse::<u64>() {
                Ok(k) => info.array_task_id = Some(k),
                Err(_) => info.array_task_string = v.to_string(),
            },
            "JobState" => info.state = v.to_string(),
            "Reason" => info.reason = v.to_string(),
            "ExitCode" => {
                let (c, s) = v.split_once(':').unwrap_or((v, "0"));
                info.exit = (c.parse().unwrap_or(0), s.parse().unwrap_or(0));
            }
            _ => {}
        }
    }
    seen.then_some(info)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SQUEUE: &str = r#"{"meta":{},"errors":[],"jobs":[
      {"job_id":2,"name":"omni-p-1-a","array_job_id":0,"array_task_id":null,"array_task_string":"","job_state":"FAILED","state_reason":"NonZeroExitCode","exit_code":768,"start_time":10,"end_time":12},
      {"job_id":3,"name":"omni-p-1-b","array_job_id":0,"array_task_id":null,"array_task_string":"","job_state":"CANCELLED","state_reason":"DependencyNeverSatisfied","exit_code":0,"start_time":0,"end_time":0},
      {"job_id":5,"name":"omni-p-1-fan","array_job_id":4,"array_task_id":1,"array_task_string":"","job_state":"COMPLETED","state_reason":"None","exit_code":0,"start_time":10,"end_time":11},
      {"job_id":4,"name":"omni-p-1-fan","array_job_id":4,"array_task_id":null,"array_task_string":"2-3%2","job_state":"PENDING","state_reason":"JobArrayTaskLimit","exit_code":0,"start_time":0,"end_time":0}
    ]}"#;

    #[test]
    fn squeue_json_of_slurm_22_05_is_read() {
        let q = parse_squeue(SQUEUE.as_bytes()).unwrap();
        assert_eq!(q.len(), 4);
        assert_eq!(q[0].exit, (3, 0));
        let sub = |id, array| Sub {
            id,
            array,
            seen: String::new(),
            started: false,
            halted: false,
        };
        assert!(matches!(
            verdict(&sub(2, 0), &q),
            Verdict::Failed { code: Some(3), .. }
        ));
        assert_eq!(verdict(&sub(3, 0), &q), Verdict::Upstream);
        assert_eq!(
            verdict(&sub(4, 3), &q),
            Verdict::Running("2 pending".into())
        );
        assert_eq!(verdict(&sub(9, 0), &q), Verdict::Gone);
        // A lost run's leftovers: its unfinished jobs by name, not others'.
        assert_eq!(q[0].name, "omni-p-1-a");
        let graph = |names: &[&str]| {
            let tasks: Vec<String> = names
                .iter()
                .map(|n| format!("  {n}: {{cmd: 'true'}}"))
                .collect();
            crate::systems::parallel::graph::parse(
                &format!("tasks:\n{}\n", tasks.join("\n")),
                false,
            )
            .unwrap()
        };
        let left: Vec<u64> = unfinished(&q, "p-1", &graph(&["a", "fan"]))
            .iter()
            .map(|j| j.job_id)
            .collect();
        assert_eq!(left, [4]);
        assert!(unfinished(&q, "p-1", &graph(&["a", "b"])).is_empty());
        assert_eq!(unfinished(&q, "p", &graph(&["1-fan"])).len(), 1);
        assert!(unfinished(&q, "p-11", &graph(&["fan"])).is_empty());
    }

    #[test]
    fn scontrol_lines_and_array_ranges_are_read() {
        let i = parse_scontrol_line("JobId=6 ArrayJobId=4 ArrayTaskId=1 JobName=omni-x JobState=FAILED Reason=NonZeroExitCode ExitCode=0:9").unwrap();
        assert_eq!((i.job_id, i.array_job_id, i.array_task_id), (6, 4, Some(1)));
        assert_eq!(i.exit, (0, 9));
        assert_eq!(array_range("1-3%2"), [1, 2, 3]);
        assert_eq!(array_range("2,4-5"), [2, 4, 5]);
    }
}
