//! GNU parallel's everyday interface: `COMMAND ::: ARGS` over inputs, with
//! replacement strings, `-j`, `-k`, `--tag`, `--halt`, `--timeout`,
//! `--joblog`, `--resume(-failed)`, `--retries` and GNU's exit statuses.
//!
//! The module parses and expands inputs ([`input`]), builds each job's
//! command ([`template`]), runs jobs through `runtime::process` and hands
//! every event to the caller's callback; it never prints.
//!
//! Guarantees:
//! - At most `jobs` commands run at once, and each holds one governor
//!   permit while it runs, so omni's `--workers` bounds it too.
//! - Each job runs as `/bin/sh -c CMD` in its own process group; a timeout or
//!   `--halt now` stops the whole group (TERM, grace, KILL).
//! - With `keep_order`, [`Event::Done`] arrives in input order; otherwise in
//!   completion order. Output is grouped: a job's stdout and stderr arrive
//!   whole, once it has ended.
//! - A joblog line is flushed as each job ends.
//! - [`Summary::status`] is the exit status GNU parallel 20221122 would
//!   return for the same run (its `halt()`/`should_we_halt()` logic).

pub mod input;
pub mod joblog;
pub mod template;

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::path::PathBuf;
use std::time::{Duration, SystemTime};

use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

use crate::runtime::error::{Classify, Exit};
use crate::runtime::governor::Governor;
use crate::runtime::process::{self, Ending, Sink, TaskSpec};

pub use template::Template;

/// What can go wrong before or around the jobs (a job failing is a value).
#[derive(Debug, thiserror::Error)]
pub enum GnuError {
    #[error("{0}")]
    Usage(String),
    #[error("cannot read input {path}")]
    Input {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("joblog {}", path.display())]
    Joblog {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("joblog {} line {line}: {what}", path.display())]
    BadJoblog {
        path: PathBuf,
        line: usize,
        what: String,
    },
    #[error("cannot start a job")]
    Spawn(#[source] std::io::Error),
}

impl Classify for GnuError {
    fn exit(&self) -> Exit {
        match self {
            GnuError::Usage(_) => Exit::Usage,
            GnuError::Input { source, .. } => match Exit::from_io(source) {
                Exit::IoErr => Exit::NoInput,
                e => e,
            },
            GnuError::Joblog { source, .. } | GnuError::Spawn(source) => Exit::from_io(source),
            GnuError::BadJoblog { .. } => Exit::DataErr,
        }
    }
}

/// `-j`: how many jobs run at once.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum JobsSpec {
    /// `N` (`0`: as many as there are jobs).
    Exact(usize),
    /// `N%` of the CPUs.
    Percent(f64),
    /// `+N` / `-N`: the CPUs plus or minus N.
    Relative(i64),
}

impl JobsSpec {
    /// Parses GNU's `-j` forms.
    pub fn parse(text: &str) -> Result<JobsSpec, GnuError> {
        let bad = || {
            GnuError::Usage(format!(
                "invalid -j value {text:?}: expected N, N%, +N or -N"
            ))
        };
        let t = text.trim();
        if let Some(p) = t.strip_suffix('%') {
            let p: f64 = p.parse().map_err(|_| bad())?;
            return if p.is_finite() && p >= 0.0 {
                Ok(JobsSpec::Percent(p))
            } else {
                Err(bad())
            };
        }
        if t.starts_with('+') || t.starts_with('-') {
            return t.parse().map(JobsSpec::Relative).map_err(|_| bad());
        }
        t.parse().map(JobsSpec::Exact).map_err(|_| bad())
    }

    /// The number of slots for `cpus` CPUs and `jobs` jobs (at least 1).
    pub fn resolve(self, cpus: usize, jobs: usize) -> usize {
        let cpus_i = i64::try_from(cpus).unwrap_or(i64::MAX);
        let n = match self {
            JobsSpec::Exact(0) => jobs,
            JobsSpec::Exact(n) => n,
            JobsSpec::Percent(p) => (cpus as f64 * p / 100.0).floor() as usize,
            JobsSpec::Relative(d) => usize::try_from(cpus_i.saturating_add(d)).unwrap_or(0),
        };
        n.max(1)
    }
}

/// When `--halt` stops.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HaltWhen {
    Never,
    /// Start no new jobs; wait for the running ones.
    Soon,
    /// Kill the running jobs.
    Now,
}

/// What `--halt` counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HaltOn {
    Fail,
    Success,
    Done,
}

/// `--halt WHEN,WHAT=N|N%`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Halt {
    pub when: HaltWhen,
    pub on: HaltOn,
    /// A count (`fail=3`) or a share of all jobs (`fail=20%`, as a fraction).
    pub count: Option<u64>,
    pub fraction: Option<f64>,
}

impl Default for Halt {
    fn default() -> Halt {
        Halt {
            when: HaltWhen::Never,
            on: HaltOn::Fail,
            count: None,
            fraction: None,
        }
    }
}

impl Halt {
    /// Parses `never`, `now,fail=1`, `soon,success=20%`, `done=…` and GNU's
    /// legacy `0`, `1` (soon,fail=1), `2` (now,fail=1).
    pub fn parse(text: &str) -> Result<Halt, GnuError> {
        let bad = |why: &str| GnuError::Usage(format!("invalid --halt {text:?}: {why}"));
        let mut halt = Halt::default();
        match text {
            "never" | "0" => return Ok(halt),
            "1" | "2" => {
                halt.when = if text == "1" {
                    HaltWhen::Soon
                } else {
                    HaltWhen::Now
                };
                halt.count = Some(1);
                return Ok(halt);
            }
            _ => {}
        }
        let (when, what) = text
            .split_once(',')
            .ok_or_else(|| bad("expected never, or now|soon,fail|success|done=N|N%"))?;
        halt.when = match when {
            "now" => HaltWhen::Now,
            "soon" => HaltWhen::Soon,
            "never" => HaltWhen::Never,
            _ => return Err(bad("--halt must start with never, soon or now")),
        };
        let (on, n) = what.split_once('=').unwrap_or((what, "1"));
        halt.on = match on {
            "fail" => HaltOn::Fail,
            "success" => HaltOn::Success,
            "done" => HaltOn::Done,
            _ => return Err(bad("expected fail, success or done")),
        };
        if let Some(p) = n.strip_suffix('%') {
            let p: f64 = p.parse().map_err(|_| bad("bad percentage"))?;
            if !(p > 0.0 && p <= 100.0) {
                return Err(bad("percentage must be in (0, 100]"));
            }
            halt.fraction = Some(p / 100.0);
        } else {
            let n: u64 = n.parse().map_err(|_| bad("bad count"))?;
            if n == 0 {
                return Err(bad("count must be at least 1"));
            }
            halt.count = Some(n);
        }
        Ok(halt)
    }
}

/// `--resume` / `--resume-failed`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Resume {
    #[default]
    No,
    /// Skip every job the joblog mentions.
    All,
    /// Skip jobs the joblog shows succeeded; re-run the failed ones.
    Failed,
}

/// Everything that shapes a run.
#[derive(Debug, Clone)]
pub struct Options {
    pub jobs: JobsSpec,
    /// The CPUs `-j` percentages and offsets refer to.
    pub cpus: usize,
    pub keep_order: bool,
    /// `-u`: job output goes straight to omni's stdout/stderr.
    pub ungroup: bool,
    pub dry_run: bool,
    pub timeout: Option<Duration>,
    pub halt: Halt,
    /// `--joblog FILE`; `true` appends (`+FILE`).
    pub joblog: Option<(PathBuf, bool)>,
    pub resume: Resume,
    /// `--retries N`: run a failing job up to N times in all.
    pub retries: u32,
    /// Grace between SIGTERM and SIGKILL when a job is stopped.
    pub grace: Duration,
    pub shell: PathBuf,
    /// The PATH jobs inherit ([`TaskSpec::search_path`]).
    pub search_path: Option<std::ffi::OsString>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            jobs: JobsSpec::Percent(100.0),
            cpus: 1,
            keep_order: false,
            ungroup: false,
            dry_run: false,
            timeout: None,
            halt: Halt::default(),
            joblog: None,
            resume: Resume::No,
            retries: 1,
            grace: Duration::from_millis(200),
            shell: PathBuf::from("/bin/sh"),
            search_path: None,
        }
    }
}

/// How one job ended, and what it printed (empty with `-u`).
#[derive(Debug)]
pub struct JobReport {
    pub seq: u64,
    pub command: String,
    pub ending: Ending,
    pub started: SystemTime,
    pub runtime: Duration,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
}

impl JobReport {
    /// GNU's Exitval and Signal columns.
    pub fn exitval_signal(&self) -> (i32, i32) {
        match self.ending {
            Ending::Exited(c) => (c, 0),
            Ending::Signaled(s) => (0, s),
            Ending::TimedOut | Ending::Cancelled => (-1, libc::SIGTERM),
        }
    }

    pub fn failed(&self) -> bool {
        !self.ending.success()
    }
}

/// What the caller is told, in order.
#[derive(Debug)]
pub enum Event<'a> {
    /// `--dry-run`: the command a job would run.
    DryRun(&'a str),
    /// A job ended; `args` are its input values (for `--tag`).
    Done(&'a JobReport, &'a [String]),
    /// A status message GNU prints on stderr ("This job failed: …").
    Notice(String),
}

/// The run as a whole.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Jobs after `--resume` filtering.
    pub total: u64,
    pub started: u64,
    pub completed: u64,
    pub failed: u64,
    /// Skipped because the joblog says they are done.
    pub skipped: u64,
    /// GNU parallel's exit status for this run.
    pub status: u8,
}

/// The command line, expanded into jobs.
#[derive(Debug, Clone)]
pub struct Plan {
    pub template: Template,
    /// Each job's arguments; job `i` has sequence number `i + 1`.
    pub jobs: Vec<Vec<String>>,
}

impl Plan {
    /// Builds the plan from the words after the options (`COMMAND ::: …`),
    /// extra `-a` files, and stdin (read when no source is given).
    pub fn build(
        words: &[String],
        arg_files: &[PathBuf],
        stdin: &mut dyn std::io::BufRead,
    ) -> Result<Plan, GnuError> {
        let w = input::split_words(words)?;
        if w.command.is_empty() && w.sources.is_empty() && arg_files.is_empty() {
            return Err(GnuError::Usage(
                "no command given: expected COMMAND [::: ARGS…] (see omni parallel run --help)"
                    .into(),
            ));
        }
        let mut sources: Vec<(input::Source, bool)> = arg_files
            .iter()
            .map(|p| (input::Source::File(p.clone()), false))
            .collect();
        sources.extend(w.sources);
        if sources.is_empty() {
            sources.push((input::Source::File(PathBuf::from("-")), false));
        }
        let values = input::load(&sources, stdin)?;
        Ok(Plan {
            template: Template::parse(&w.command),
            jobs: input::combine(values),
        })
    }
}

struct Running {
    slot: usize,
    report: JobReport,
}

/// Runs the plan, calling `on_event` as jobs end (in order with
/// `keep_order`). Returns the summary; `Err` only for problems outside the
/// jobs (joblog I/O, a job that cannot be started, or `on_event` failing).
pub async fn run<E>(
    plan: &Plan,
    opts: &Options,
    governor: &Governor,
    interrupt: &CancellationToken,
    mut on_event: impl FnMut(Event<'_>) -> Result<(), E>,
) -> Result<Summary, E>
where
    E: From<GnuError>,
{
    let mut summary = Summary::default();
    // Which jobs run, after --resume.
    let done_before = match (&opts.joblog, opts.resume) {
        (Some((path, _)), Resume::All | Resume::Failed) => joblog::read(path)?,
        _ => HashMap::new(),
    };
    let todo: Vec<u64> = (1..=plan.jobs.len() as u64)
        .filter(|seq| {
            !matches!(
                (opts.resume, done_before.get(seq)),
                (Resume::All, Some(_)) | (Resume::Failed, Some(true))
            )
        })
        .collect();
    summary.skipped = plan.jobs.len() as u64 - todo.len() as u64;
    summary.total = todo.len() as u64;
    let slots = opts.jobs.resolve(opts.cpus, todo.len());

    if opts.dry_run {
        for (i, &seq) in todo.iter().enumerate() {
            let slot = i % slots + 1;
            let cmd = plan
                .template
                .render(&plan.jobs[seq as usize - 1], seq, slot);
            on_event(Event::DryRun(&cmd))?;
        }
        return Ok(summary);
    }

    let mut log = match &opts.joblog {
        Some((path, append)) => Some(joblog::Writer::open(
            path,
            *append || opts.resume != Resume::No,
        )?),
        None => None,
    };
    let halt = opts.halt;
    let halt_count = halt.count.or_else(|| {
        halt.fraction
            .map(|f| (f * todo.len() as f64).ceil().max(1.0) as u64)
    });
    let mut halt_status: Option<u8> = None;
    let mut stopping = false;
    // NB: a child of `interrupt`, so Ctrl-C stops every running job's group.
    let cancel = interrupt.child_token();

    let sink = if opts.ungroup {
        Sink::Inherit
    } else {
        Sink::Capture
    };
    let mut free_slots: BTreeSet<usize> = (1..=slots).collect();
    let mut set: JoinSet<std::io::Result<Running>> = JoinSet::new();
    let mut next = 0usize;
    // -k: finished reports waiting for their turn, and the order of turns.
    let mut waiting: BTreeMap<u64, JobReport> = BTreeMap::new();
    let mut turns: VecDeque<u64> = VecDeque::new();

    loop {
        if interrupt.is_cancelled() {
            stopping = true;
        }
        while !stopping && set.len() < slots && next < todo.len() {
            let seq = todo[next];
            next += 1;
            let slot = free_slots.pop_first().unwrap_or(1);
            let command = plan
                .template
                .render(&plan.jobs[seq as usize - 1], seq, slot);
            let mut spec = TaskSpec::shell(command);
            spec.shell.clone_from(&opts.shell);
            spec.search_path.clone_from(&opts.search_path);
            spec.stdout = sink.clone();
            spec.stderr = sink.clone();
            spec.timeout = opts.timeout;
            spec.grace = opts.grace;
            let retries = opts.retries.max(1);
            let permit = governor.acquire().await;
            let cancel = cancel.clone();
            if opts.keep_order {
                turns.push_back(seq);
            }
            summary.started += 1;
            set.spawn(async move {
                let mut attempt = 1;
                let done = loop {
                    let done = process::run(&spec, &cancel).await?;
                    if done.ending.success()
                        || attempt >= retries
                        || done.ending == Ending::Cancelled
                    {
                        break done;
                    }
                    attempt += 1;
                };
                drop(permit);
                Ok(Running {
                    slot,
                    report: JobReport {
                        seq,
                        command: spec.command,
                        ending: done.ending,
                        started: done.started,
                        runtime: done.runtime,
                        stdout: done.stdout,
                        stderr: done.stderr,
                    },
                })
            });
        }
        let Some(joined) = set.join_next().await else {
            break;
        };
        let running = match joined {
            Ok(Ok(r)) => r,
            Ok(Err(e)) => {
                cancel.cancel();
                while set.join_next().await.is_some() {}
                return Err(GnuError::Spawn(e).into());
            }
            Err(join) => {
                cancel.cancel();
                while set.join_next().await.is_some() {}
                return Err(GnuError::Spawn(std::io::Error::other(join)).into());
            }
        };
        free_slots.insert(running.slot);
        let report = running.report;
        if report.ending == Ending::Cancelled {
            // Killed by `--halt now`: GNU neither logs nor prints it.
            if opts.keep_order {
                turns.retain(|s| *s != report.seq);
            }
            continue;
        }
        summary.completed += 1;
        let failed = report.failed();
        if failed {
            summary.failed += 1;
        }
        if report.ending == Ending::TimedOut {
            on_event(Event::Notice(format!(
                "warning: this job was killed because it timed out: {}",
                report.command
            )))?;
        }
        if let Some(log) = &mut log {
            let (exitval, signal) = report.exitval_signal();
            log.write(&joblog::line(
                report.seq,
                report.started,
                report.runtime,
                exitval,
                signal,
                &report.command,
            ))?;
        }
        // GNU's should_we_halt().
        if halt.when != HaltWhen::Never && halt_status.is_none() {
            let reached = match halt.on {
                HaltOn::Fail if failed => Some(("failed", summary.failed)),
                HaltOn::Success if !failed => {
                    Some(("succeeded", summary.completed - summary.failed))
                }
                HaltOn::Done => Some(("finished", summary.completed)),
                _ => None,
            };
            if let Some((verb, n)) = reached {
                on_event(Event::Notice(format!(
                    "this job {verb}: {}",
                    report.command
                )))?;
                if n >= halt_count.unwrap_or(1) {
                    halt_status = Some(match halt.on {
                        HaltOn::Success => 0,
                        _ if halt.fraction.is_some() => {
                            (summary.failed as f64 / todo.len().max(1) as f64 * 100.0).ceil() as u8
                        }
                        _ if halt_count == Some(1) => gnu_exit_of(report.ending),
                        _ => summary.failed.min(101) as u8,
                    });
                    stopping = true;
                    if halt.when == HaltWhen::Now {
                        cancel.cancel();
                    } else if !set.is_empty() {
                        on_event(Event::Notice(format!(
                            "starting no more jobs; waiting for {} jobs to finish",
                            set.len()
                        )))?;
                    }
                }
            }
        }
        let args = &plan.jobs[report.seq as usize - 1];
        if opts.keep_order {
            waiting.insert(report.seq, report);
            while let Some(front) = turns.front() {
                let Some(r) = waiting.remove(front) else {
                    break;
                };
                turns.pop_front();
                on_event(Event::Done(&r, &plan.jobs[r.seq as usize - 1]))?;
            }
        } else {
            on_event(Event::Done(&report, args))?;
        }
    }
    for (_, r) in std::mem::take(&mut waiting) {
        on_event(Event::Done(&r, &plan.jobs[r.seq as usize - 1]))?;
    }
    summary.status = match halt_status {
        Some(s) => s,
        // GNU's halt(): a --halt with a percentage that never triggered
        // still reports the failed share.
        None if halt.when != HaltWhen::Never && halt.fraction.is_some() => {
            (summary.failed as f64 / summary.started.max(1) as f64 * 100.0).ceil() as u8
        }
        None => summary.failed.min(101) as u8,
    };
    Ok(summary)
}

/// The status GNU reports for the one job that triggered `--halt …=1`:
/// its exit value, or 128 + the signal.
fn gnu_exit_of(ending: Ending) -> u8 {
    match ending {
        Ending::Exited(c) => (c & 0xff) as u8,
        Ending::Signaled(s) => (128 + s).min(255) as u8,
        Ending::TimedOut | Ending::Cancelled => (128 + libc::SIGTERM) as u8,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jobs_spec_forms() {
        assert_eq!(JobsSpec::parse("4").unwrap().resolve(2, 10), 4);
        assert_eq!(JobsSpec::parse("0").unwrap().resolve(2, 10), 10);
        assert_eq!(JobsSpec::parse("50%").unwrap().resolve(4, 10), 2);
        assert_eq!(JobsSpec::parse("+2").unwrap().resolve(2, 10), 4);
        assert_eq!(JobsSpec::parse("-5").unwrap().resolve(2, 10), 1);
        assert!(JobsSpec::parse("x").is_err());
    }

    #[test]
    fn halt_forms() {
        let h = Halt::parse("now,fail=1").unwrap();
        assert_eq!(
            (h.when, h.on, h.count),
            (HaltWhen::Now, HaltOn::Fail, Some(1))
        );
        let h = Halt::parse("soon,success=20%").unwrap();
        assert_eq!(h.fraction, Some(0.2));
        assert_eq!(Halt::parse("2").unwrap().when, HaltWhen::Now);
        assert!(Halt::parse("fail=1").is_err());
        assert!(Halt::parse("now,fail=0").is_err());
    }
}
