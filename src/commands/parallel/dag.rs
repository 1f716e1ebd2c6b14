//! The task-graph commands: submit, status, results, logs, cancel, resume,
//! jobs, explain. State lives in `$OMNI_STATE_DIR/parallel/jobs.db`; task
//! logs in `$OMNI_STATE_DIR/parallel/jobs/<id>/`.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use clap::Args;
use rand::Rng;

use crate::cli::Ctx;
use crate::runtime::error::{Exit, Failure};
use crate::runtime::junit;
use crate::runtime::output::{Outcome, Render, Style};
use crate::runtime::process::GroupLedger;
use crate::runtime::supervisor;
use crate::systems::parallel::cache::Components;
use crate::systems::parallel::engine::{self, Options, Progress};
use crate::systems::parallel::graph::{self, Graph};
use crate::systems::parallel::journal;
use crate::systems::parallel::slurm;
use crate::systems::parallel::store::{Job, JobState, Store, TaskRow, TaskState};

#[derive(Args, Debug)]
pub(super) struct SubmitArgs {
    /// The task graph (YAML, or JSON when the name ends in .json)
    #[arg(long, value_name = "FILE")]
    graph: PathBuf,
    /// Return at once with the job id; the job runs under the supervisor (see omni ps)
    #[arg(long)]
    detach: bool,
    /// Where tasks run
    #[arg(long, value_name = "BACKEND", default_value = "local", value_parser = ["local", "slurm"])]
    backend: String,
    /// Run everything that does not depend on a failure
    #[arg(long, conflicts_with = "halt")]
    keep_going: bool,
    /// On failure: `soon,fail=1` (default: let running tasks finish) or `now,fail=1` (stop them)
    #[arg(long, value_name = "WHEN,fail=1")]
    halt: Option<String>,
}

#[derive(Args, Debug)]
pub(super) struct JobArg {
    /// The job (from submit or omni parallel jobs)
    #[arg(long, value_name = "ID")]
    job_id: String,
}

#[derive(Args, Debug)]
pub(super) struct LogsArgs {
    #[command(flatten)]
    job: JobArg,
    /// Only this task's output
    #[arg(long, value_name = "NAME")]
    task: Option<String>,
}

#[derive(Args, Debug)]
pub(super) struct ResumeArgs {
    #[command(flatten)]
    job: JobArg,
    /// Return at once; the job continues under the supervisor
    #[arg(long)]
    detach: bool,
}

#[derive(Args, Debug)]
pub(super) struct ExplainArgs {
    #[command(flatten)]
    job: JobArg,
    /// The task to explain
    #[arg(long, value_name = "NAME")]
    task: String,
}

fn store_path(ctx: &Ctx) -> Result<PathBuf, Failure> {
    let dir = ctx.dirs()?.state.join("parallel");
    std::fs::create_dir_all(&dir).map_err(|e| {
        // Not "missing input": the state directory could not be made.
        let exit = if e.kind() == io::ErrorKind::PermissionDenied {
            Exit::NoPerm
        } else {
            Exit::IoErr
        };
        Failure::new(
            exit,
            format!("creating the state directory {}: {e}", dir.display()),
        )
    })?;
    Ok(dir.join("jobs.db"))
}

fn open_store(ctx: &Ctx) -> Result<Store, Failure> {
    Ok(Store::open(&store_path(ctx)?)?)
}

fn logs_dir(ctx: &Ctx, job: &str) -> Result<PathBuf, Failure> {
    Ok(ctx.dirs()?.state.join("parallel/jobs").join(job))
}

/// The store and the job `id`, with the results a lost run left in the
/// job's journal folded in (a running job's store lags its journal by at
/// most `[parallel] store_interval`).
fn open_job(ctx: &Ctx, id: &str) -> Result<(Store, Job), Failure> {
    let mut store = open_store(ctx)?;
    let job = store.job(id)?;
    let journal = logs_dir(ctx, &job.id)?.join(journal::FILE_NAME);
    journal::settle(&mut store, &job.id, &journal)?;
    Ok((store, job))
}

/// Reads and checks a graph file.
fn read_graph(store: &Store, path: &Path) -> Result<(String, Graph, Remembering), Failure> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Failure::io(format!("reading {}", path.display()), e))?;
    let json = path.extension().is_some_and(|e| e == "json");
    let (graph, remembering) = parse_graph(store, &text, json)
        .map_err(|e| Failure::new(Exit::DataErr, format!("{}: {e}", path.display())))?;
    Ok((text, graph, remembering))
}

/// Parses graph text, or takes the result of an earlier parse of the very
/// same text from the store (a 10,000-task YAML file costs more to parse
/// than a fully cached run of it). A fresh parse is stored for next time
/// while the caller goes on ([`Remembering`]).
fn parse_graph(
    store: &Store,
    text: &str,
    json: bool,
) -> Result<(Graph, Remembering), graph::GraphError> {
    let key = Graph::cache_key(text, json);
    if let Ok(Some(cached)) = store.parsed_graph(&key)
        && let Ok(graph) = serde_json::from_str::<Graph>(&cached)
    {
        return Ok((graph, Remembering(None)));
    }
    let graph = graph::parse(text, json)?;
    let (path, copy) = (store.path().to_path_buf(), graph.clone());
    // NB: encoding and writing a 10,000-task graph takes 20-50 ms that the
    // first task need not wait for: its own thread and store connection.
    let thread = std::thread::Builder::new()
        .name("omni-graph".into())
        .spawn(move || {
            crate::runtime::child::mute_child_signal();
            // Best effort: a store that cannot take it only costs a re-parse.
            if let (Ok(encoded), Ok(store)) = (serde_json::to_string(&copy), Store::open(&path)) {
                let _ = store.remember_graph(&key, &encoded);
            }
        })
        .ok();
    Ok((graph, Remembering(thread)))
}

/// A parse being stored for next time; waited for when dropped, so the
/// process does not exit in the middle of the write.
struct Remembering(Option<std::thread::JoinHandle<()>>);

impl Drop for Remembering {
    fn drop(&mut self) {
        if let Some(thread) = self.0.take() {
            let _ = thread.join();
        }
    }
}

fn halt_now(halt: Option<&str>) -> Result<bool, Failure> {
    match halt {
        None | Some("soon,fail=1") => Ok(false),
        Some("now,fail=1") => Ok(true),
        Some(other) => Err(Failure::new(
            Exit::Usage,
            format!("--halt {other}: use soon,fail=1 or now,fail=1"),
        )),
    }
}

/// Memory tasks may reserve: MemAvailable from /proc/meminfo (unbounded
/// when unreadable).
fn mem_budget_mb() -> u64 {
    std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|t| {
            t.lines()
                .find(|l| l.starts_with("MemAvailable:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
        })
        .map_or(u64::MAX, |kb| kb / 1024)
}

pub(super) fn submit(ctx: &Ctx, args: &SubmitArgs) -> Outcome {
    let halt = halt_now(args.halt.as_deref())?;
    let graph_path = std::path::absolute(&args.graph)
        .map_err(|e| Failure::io(format!("resolving {}", args.graph.display()), e))?;
    let mut store = open_store(ctx)?;
    let (text, graph, _remembering) = read_graph(&store, &graph_path)?;
    let workdir =
        std::env::current_dir().map_err(|e| Failure::io("finding the current directory", e))?;
    // NB: `--workers N` is omni's global flag: the job's CPU slots and the
    // governor's permits are the same number.
    let workers = u32::try_from(ctx.governor.settings().workers).unwrap_or(1);
    let mut rng = ctx.governor.rng("parallel/job-id");
    let id = format!("p-{:08x}", rng.r#gen::<u32>());
    let job = Job::new(
        id.clone(),
        graph_path,
        text,
        workdir,
        workers,
        args.keep_going,
    );
    let mut job = job;
    job.backend.clone_from(&args.backend);
    prune(ctx, &store)?;
    let names: Vec<String> = graph.tasks.iter().map(|t| t.name.clone()).collect();
    store.create_job(&job, &names)?;
    if args.detach {
        return detach(ctx, &store, &id, halt);
    }
    drive(ctx, store, &job, graph, halt, false)
}

/// Makes room for one more job within `[parallel] keep_jobs`: the oldest
/// finished jobs beyond it go, logs included.
fn prune(ctx: &Ctx, store: &Store) -> Result<(), Failure> {
    let keep = ctx
        .config
        .int("parallel", "keep_jobs")
        .and_then(|k| usize::try_from(k).ok())
        .unwrap_or(200);
    for id in store.prune(keep.saturating_sub(1))? {
        let dir = logs_dir(ctx, &id)?;
        if let Err(e) = std::fs::remove_dir_all(&dir)
            && e.kind() != io::ErrorKind::NotFound
        {
            return Err(Failure::io(format!("removing {}", dir.display()), e));
        }
    }
    Ok(())
}

/// `[parallel] grace`.
pub(super) fn grace(ctx: &Ctx) -> Duration {
    ctx.config
        .duration("parallel", "grace")
        .unwrap_or(Duration::from_secs(2))
}

fn detach(ctx: &Ctx, store: &Store, id: &str, halt: bool) -> Outcome {
    let mut argv: Vec<std::ffi::OsString> = vec![
        "parallel".into(),
        "resume".into(),
        "--job-id".into(),
        id.into(),
    ];
    if halt {
        argv.push("--halt-now".into());
    }
    let entry = ctx.detach("parallel", &format!("job {id}"), argv)?;
    store.set_entry(id, &entry.id)?;
    ctx.output.emit(&Detached {
        job_id: id.to_string(),
        entry: entry.id.clone(),
        pid: entry.pid,
    })?;
    Ok(Exit::Success)
}

#[derive(serde::Serialize)]
struct Detached {
    job_id: String,
    entry: String,
    pid: u32,
}

impl Render for Detached {
    fn text(&self, w: &mut dyn Write, _: Style) -> io::Result<()> {
        writeln!(w, "{}", self.job_id)
    }
}

/// Runs the job in this process until it ends (or SIGINT/SIGTERM cancels it).
fn drive(ctx: &Ctx, store: Store, job: &Job, graph: Graph, halt: bool, resume: bool) -> Outcome {
    let start_ticks = supervisor::own_start_ticks().unwrap_or(0);
    store.claim(&job.id, std::process::id(), start_ticks)?;
    let store = Arc::new(Mutex::new(store));
    let logs = logs_dir(ctx, &job.id)?;
    let ledger = GroupLedger::new(logs.join("groups"));
    let opts = Options {
        workers: job.workers as usize,
        keep_going: job.keep_going,
        halt_now: halt,
        workdir: job.workdir.clone(),
        logs: logs.clone(),
        mem_budget_mb: mem_budget_mb(),
        grace: grace(ctx),
        resume,
        // NB: the run's clone opens the file at its first task, after
        // `stop_leftovers` below has emptied it.
        ledger: Some(ledger.clone()),
        store_interval: ctx
            .config
            .duration("parallel", "store_interval")
            .unwrap_or(engine::STORE_INTERVAL),
        search_path: ctx.env.get_os("PATH").map(ToOwned::to_owned),
    };
    if resume {
        // A run that died (kill -9) may have left its tasks running: stop
        // them before their tasks run again.
        let stopped = ledger.stop_leftovers(Duration::from_secs(2)).map_err(|e| {
            Failure::io(format!("stopping the tasks job {} left running", job.id), e)
        })?;
        if stopped > 0 {
            ctx.output.note(
                "omni parallel",
                &format!("stopped {stopped} task process group(s) left running by the lost run"),
            );
        }
    }
    // The run is a task on the runtime's one worker thread, which then both
    // receives the tasks' exits and reacts to them (no thread hand-off per
    // task); this thread only shows progress.
    ctx.executor.limit_workers(1);
    if job.backend != "slurm" {
        // The local engine waits for its tasks without SIGCHLD.
        ctx.executor.mute_child_signal();
    }
    let (progress_tx, progress_rx) = tokio::sync::watch::channel(Progress::default());
    let run = {
        let graph = Arc::new(graph);
        let store = Arc::clone(&store);
        let id = job.id.clone();
        let governor = ctx.governor.clone();
        let slurm = job.backend == "slurm";
        async move {
            let cancel = crate::runtime::process::cancel_on_signals();
            let heartbeat = {
                let store = Arc::clone(&store);
                let id = id.clone();
                tokio::spawn(async move {
                    loop {
                        tokio::time::sleep(Duration::from_secs(2)).await;
                        let s = store.lock().unwrap_or_else(|e| e.into_inner());
                        let _ = s.heartbeat(&id);
                    }
                })
            };
            let progress = move |p: &Progress| {
                progress_tx.send_replace(*p);
            };
            let result = if slurm {
                slurm::execute(&graph, &store, &id, &opts, &governor, &cancel, &progress)
                    .await
                    .map_err(Failure::from)
            } else {
                engine::execute(&graph, &store, &id, &opts, &governor, &cancel, &progress)
                    .await
                    .map_err(Failure::from)
            };
            heartbeat.abort();
            result
        }
    };
    let show = ctx.output.progress_allowed();
    let output = &ctx.output;
    let show_progress = |p: &Progress| {
        output.raw_err(&format!(
            "\r{} / {} done, {} running, {} failed, {} cached ",
            p.done, p.total, p.running, p.failed, p.cached
        ));
    };
    let display = async {
        if !show {
            return;
        }
        let mut tick = tokio::time::interval(Duration::from_millis(100));
        loop {
            tick.tick().await;
            show_progress(&progress_rx.borrow());
        }
    };
    let summary = ctx.executor.run_on_worker(run, display)?;
    let summary = match summary {
        Ok(s) => s,
        Err(e) => {
            // The job ends with the error (Slurm unavailable): not `lost`.
            let s = store.lock().unwrap_or_else(|e| e.into_inner());
            let _ = s.finish_job(&job.id, JobState::Failed);
            return Err(e);
        }
    };
    if show {
        show_progress(&summary.progress);
        ctx.output.raw_err("\n");
    }
    let s = store.lock().unwrap_or_else(|e| e.into_inner());
    s.finish_job(&job.id, summary.state)?;
    // Every task ended under our eyes: what they left in the background on
    // purpose is theirs, not leftovers for a later resume to stop.
    let _ = std::fs::remove_file(logs.join("groups"));
    let report = StatusReport::new(s.job(&job.id)?, summary.tasks);
    ctx.output.emit(&report)?;
    Ok(match summary.state {
        JobState::Succeeded => Exit::Success,
        JobState::Cancelled => Exit::Interrupted,
        _ => Exit::Negative,
    })
}

pub(super) fn resume(ctx: &Ctx, args: &ResumeArgs, halt_now: bool) -> Outcome {
    let store = open_store(ctx)?;
    let job = store.job(&args.job.job_id)?;
    if job_alive(&job) {
        return Err(Failure::new(
            Exit::TempFail,
            format!(
                "job {} is still running (pid {})",
                job.id,
                job.pid.unwrap_or(0)
            ),
        ));
    }
    let json = job.graph_path.extension().is_some_and(|e| e == "json");
    let (graph, _remembering) = parse_graph(&store, &job.graph_text, json)
        .map_err(|e| Failure::new(Exit::DataErr, format!("job {}: its graph: {e}", job.id)))?;
    if args.detach {
        return detach(ctx, &store, &job.id, halt_now);
    }
    drive(ctx, store, &job, graph, halt_now, true)
}

fn job_alive(job: &Job) -> bool {
    match (job.pid, job.pid_start) {
        (Some(pid), Some(start)) => supervisor::process_alive(pid, start),
        _ => false,
    }
}

/// The state to show: a job recorded as running whose process is gone is `lost`.
fn shown_state(job: &Job) -> &'static str {
    match job.state {
        JobState::Running if job.pid.is_none() => "starting",
        JobState::Running if !job_alive(job) => "lost",
        s => s.as_str(),
    }
}

#[derive(serde::Serialize)]
struct StatusReport {
    job_id: String,
    state: &'static str,
    backend: String,
    graph: PathBuf,
    pid: Option<u32>,
    counts: std::collections::BTreeMap<&'static str, usize>,
    tasks: Vec<TaskRow>,
}

impl StatusReport {
    fn new(job: Job, tasks: Vec<TaskRow>) -> StatusReport {
        let mut counts = std::collections::BTreeMap::new();
        for t in &tasks {
            *counts.entry(t.state.as_str()).or_insert(0) += 1;
        }
        StatusReport {
            job_id: job.id.clone(),
            state: shown_state(&job),
            backend: job.backend.clone(),
            graph: job.graph_path.clone(),
            pid: job.pid,
            counts,
            tasks,
        }
    }
}

impl Render for StatusReport {
    fn text(&self, w: &mut dyn Write, style: Style) -> io::Result<()> {
        let counts: Vec<String> = self
            .counts
            .iter()
            .map(|(k, v)| format!("{v} {k}"))
            .collect();
        writeln!(
            w,
            "job {}  {}  ({})",
            self.job_id,
            style.bold(self.state),
            counts.join(", ")
        )?;
        for t in &self.tasks {
            let state = match t.state {
                TaskState::Failed | TaskState::Cancelled => style.bad(t.state.as_str()),
                TaskState::Succeeded | TaskState::Cached => style.good(t.state.as_str()),
                _ => t.state.as_str().to_string(),
            };
            let time = t.runtime.map(|r| format!("{r:.2}s")).unwrap_or_default();
            let reason = t.reason.as_deref().unwrap_or("");
            writeln!(w, "  {:<20} {:<10} {:>8}  {}", t.name, state, time, reason)?;
        }
        Ok(())
    }

    fn junit(&self) -> Option<String> {
        Some(junit(&self.job_id, &self.tasks))
    }
}

pub(super) fn status(ctx: &Ctx, args: &JobArg) -> Outcome {
    let (store, job) = open_job(ctx, &args.job_id)?;
    let tasks = store.tasks(&job.id)?;
    ctx.output.emit(&StatusReport::new(job, tasks))?;
    Ok(Exit::Success)
}

pub(super) fn results(ctx: &Ctx, args: &JobArg) -> Outcome {
    let (store, job) = open_job(ctx, &args.job_id)?;
    let tasks = store.tasks(&job.id)?;
    let failed = tasks.iter().any(|t| t.state == TaskState::Failed);
    ctx.output.emit(&StatusReport::new(job, tasks))?;
    Ok(if failed {
        Exit::Negative
    } else {
        Exit::Success
    })
}

fn junit(job_id: &str, tasks: &[TaskRow]) -> String {
    let cases: Vec<junit::Case> = tasks
        .iter()
        .map(|t| {
            let reason = t.reason.clone().unwrap_or_default();
            junit::Case {
                classname: job_id.to_string(),
                name: t.name.clone(),
                time: t.runtime.unwrap_or(0.0),
                outcome: match t.state {
                    TaskState::Failed => junit::Outcome::Failed(reason),
                    TaskState::Skipped | TaskState::Cancelled | TaskState::Pending => {
                        junit::Outcome::Skipped(if reason.is_empty() {
                            t.state.as_str().to_string()
                        } else {
                            reason
                        })
                    }
                    _ => junit::Outcome::Passed,
                },
            }
        })
        .collect();
    junit::suites(job_id, &cases)
}

pub(super) fn logs(ctx: &Ctx, args: &LogsArgs) -> Outcome {
    let (store, job) = open_job(ctx, &args.job.job_id)?;
    let tasks = store.tasks(&job.id)?;
    if let Some(name) = &args.task
        && !tasks.iter().any(|t| &t.name == name)
    {
        return Err(Failure::new(
            Exit::NoInput,
            format!("job {} has no task '{name}'", job.id),
        ));
    }
    let dir = logs_dir(ctx, &job.id)?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    let mut out = Vec::new();
    for t in tasks
        .iter()
        .filter(|t| args.task.as_ref().is_none_or(|n| n == &t.name))
    {
        for f in files.iter().filter(|f| {
            f.file_name().and_then(|n| n.to_str()).is_some_and(|n| {
                n.strip_prefix(t.name.as_str()).is_some_and(|rest| {
                    rest == ".out"
                        || rest == ".err"
                        || rest.starts_with('.')
                            && rest[1..].starts_with(|c: char| c.is_ascii_digit())
                })
            })
        }) {
            let body =
                std::fs::read(f).map_err(|e| Failure::io(format!("reading {}", f.display()), e))?;
            if body.is_empty() {
                continue;
            }
            out.extend_from_slice(
                format!(
                    "==> {} <==\n",
                    f.file_name().unwrap_or_default().to_string_lossy()
                )
                .as_bytes(),
            );
            out.extend_from_slice(&body);
            if !body.ends_with(b"\n") {
                out.push(b'\n');
            }
        }
    }
    ctx.output.raw(&out)?;
    Ok(Exit::Success)
}

pub(super) fn cancel(ctx: &Ctx, args: &JobArg) -> Outcome {
    let store = open_store(ctx)?;
    let job = store.job(&args.job_id)?;
    if !job_alive(&job) {
        return Err(Failure::new(
            Exit::Negative,
            format!("job {} is not running ({})", job.id, shown_state(&job)),
        ));
    }
    let pid = job.pid.unwrap_or(0);
    // NB: SIGTERM to the job's own process, whether it runs detached or in
    // another shell: it cancels its tasks (each process group: TERM, grace,
    // KILL), records them, and exits. Then wait for it, bounded.
    // SAFETY: kill has no memory preconditions; the pid was checked alive
    // with its start time just above, so it is the job's process.
    if unsafe { libc::kill(libc::pid_t::try_from(pid).unwrap_or(0), libc::SIGTERM) } != 0 {
        return Err(Failure::io(
            format!("signalling job {} (pid {pid})", job.id),
            io::Error::last_os_error(),
        ));
    }
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    while job_alive(&job) && std::time::Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(20));
    }
    if job_alive(&job) {
        return Err(Failure::new(
            Exit::TempFail,
            format!("job {} (pid {pid}) did not stop within 15 s", job.id),
        ));
    }
    ctx.output
        .note("omni parallel", &format!("cancelling job {}", job.id));
    Ok(Exit::Success)
}

#[derive(serde::Serialize)]
struct JobList(Vec<JobLine>);

#[derive(serde::Serialize)]
struct JobLine {
    job_id: String,
    state: &'static str,
    created: f64,
    graph: PathBuf,
}

impl Render for JobList {
    fn text(&self, w: &mut dyn Write, _: Style) -> io::Result<()> {
        for j in &self.0 {
            let when = crate::runtime::time::format_rfc3339(
                std::time::UNIX_EPOCH + Duration::from_secs_f64(j.created.max(0.0)),
            );
            writeln!(
                w,
                "{}  {:<9}  {}  {}",
                j.job_id,
                j.state,
                when,
                j.graph.display()
            )?;
        }
        Ok(())
    }
}

pub(super) fn jobs(ctx: &Ctx) -> Outcome {
    let store = open_store(ctx)?;
    let list = store
        .jobs()?
        .into_iter()
        .map(|j| JobLine {
            state: shown_state(&j),
            job_id: j.id,
            created: j.created,
            graph: j.graph_path,
        })
        .collect();
    ctx.output.emit(&JobList(list))?;
    Ok(Exit::Success)
}

#[derive(serde::Serialize)]
struct Explanation {
    task: String,
    state: &'static str,
    key: Option<String>,
    why: Vec<String>,
}

impl Render for Explanation {
    fn text(&self, w: &mut dyn Write, style: Style) -> io::Result<()> {
        writeln!(w, "{}: {}", self.task, style.bold(self.state))?;
        for line in &self.why {
            writeln!(w, "  {line}")?;
        }
        Ok(())
    }
}

pub(super) fn explain(ctx: &Ctx, args: &ExplainArgs) -> Outcome {
    let (store, job) = open_job(ctx, &args.job.job_id)?;
    let row = store.task(&job.id, &args.task)?;
    let mut why = Vec::new();
    match row.state {
        TaskState::Cached => why.push("served from the cache: the same command, environment, inputs and dependency keys ran before and its outputs are unchanged".into()),
        TaskState::Succeeded | TaskState::Failed => {
            let now: Vec<Components> = row
                .components
                .as_deref()
                .and_then(|c| serde_json::from_str(c).ok())
                .unwrap_or_default();
            let key = row.cache_key.clone().unwrap_or_default();
            let first = now.first().cloned().unwrap_or_default();
            match store.previous_entry(&row.name, &first.key())? {
                None => why.push("ran: no earlier result of this task in the cache".into()),
                Some(prev) => {
                    let before: Components = serde_json::from_str(&prev.components).unwrap_or_default();
                    let diff = first.diff(&before);
                    if diff.is_empty() {
                        why.push("ran: its key has no cache entry (the entry's outputs changed or were removed, or caching is off)".into());
                    } else {
                        why.push("ran: its key changed since the last cached run:".into());
                        why.extend(diff.into_iter().map(|d| format!("- {d}")));
                    }
                }
            }
            let _ = key;
            if let Some(r) = &row.reason {
                why.push(format!("result: {r}"));
            }
        }
        _ => why.push(row.reason.clone().unwrap_or_else(|| "not run yet".into())),
    }
    ctx.output.emit(&Explanation {
        task: row.name.clone(),
        state: row.state.as_str(),
        key: row.cache_key.clone(),
        why,
    })?;
    Ok(Exit::Success)
}
