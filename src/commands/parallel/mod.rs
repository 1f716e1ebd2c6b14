//! `omni parallel` (alias `parallel-cli`): parse, call systems::parallel,
//! hand the report to the output. `run` (GNU parallel's interface) lives in
//! `gnu.rs`; the task-graph commands in `dag.rs`.

use clap::{ArgMatches, Command, FromArgMatches, Subcommand};

use super::SystemEntry;
use crate::cli::Ctx;
use std::time::Duration;

use crate::runtime::config::{Key, Kind, Section};
use crate::runtime::error::{Exit, Failure};
use crate::runtime::output::Outcome;

mod dag;
mod gnu;

/// `[parallel]`.
pub static SECTION: Section = Section {
    name: "parallel",
    doc: "Task graphs and GNU-parallel mode (omni parallel).",
    keys: &[
        Key {
            name: "keep_jobs",
            kind: Kind::Int {
                min: 1,
                max: 1_000_000,
            },
            default: Some("200"),
            doc: "Jobs kept in the job store with their logs: starting a job removes the oldest finished ones beyond this many.",
        },
        Key {
            name: "grace",
            kind: Kind::Duration {
                min: Duration::ZERO,
                max: Duration::from_secs(600),
            },
            default: Some("2s"),
            doc: "Task graphs: how long a stopped task's process group has between SIGTERM and SIGKILL (run follows GNU parallel: 200ms).",
        },
        Key {
            name: "store_interval",
            kind: Kind::Duration {
                min: Duration::ZERO,
                max: Duration::from_secs(60),
            },
            default: Some("100ms"),
            doc: "Task graphs: how long a task's result may wait in the job's journal before it reaches the job store, where status in another shell sees it. A crash loses no result either way; 0 stores each one at once, at some cost per task.",
        },
    ],
};

/// The registry entry.
pub const ENTRY: SystemEntry = SystemEntry {
    id: "parallel",
    alias: "parallel-cli",
    about: "Run shell tasks in parallel: task graphs with caching and resume, GNU parallel's interface",
    section: &SECTION,
    command,
    run,
    needs_runtime: true,
};

// NB: `defer` builds a subcommand's arguments only when it is parsed.
#[derive(Subcommand, Debug)]
#[command(defer = true)]
enum ParallelCommand {
    /// Run a task graph (YAML/JSON): in the foreground, or with --detach under the supervisor
    Submit(dag::SubmitArgs),
    /// Show a job's state and each task's
    Status(dag::JobArg),
    /// A job's results (--format text, json or junit); exit 1 when a task failed
    Results(dag::JobArg),
    /// Print a job's task logs
    Logs(dag::LogsArgs),
    /// Stop a running job: its tasks' process groups get SIGTERM, then SIGKILL
    Cancel(dag::JobArg),
    /// Finish a job (lost, failed or cancelled) without re-running what completed
    Resume(ResumeCmd),
    /// List jobs, newest first
    Jobs,
    /// Why a task ran or was served from the cache
    Explain(dag::ExplainArgs),
    /// Run a command over inputs, GNU parallel style (COMMAND ::: ARGS…)
    Run(gnu::RunArgs),
}

#[derive(clap::Args, Debug)]
struct ResumeCmd {
    #[command(flatten)]
    args: dag::ResumeArgs,
    /// Stop running tasks at the first failure (set by submit --halt now,fail=1)
    #[arg(long, hide = true)]
    halt_now: bool,
}

fn command() -> Command {
    ParallelCommand::augment_subcommands(Command::new("parallel").subcommand_required(true))
}

fn run(m: &ArgMatches, ctx: &Ctx) -> Outcome {
    let cmd = ParallelCommand::from_arg_matches(m)
        .map_err(|e| Failure::new(Exit::Usage, e.to_string()))?;
    match cmd {
        ParallelCommand::Submit(args) => dag::submit(ctx, &args),
        ParallelCommand::Status(args) => dag::status(ctx, &args),
        ParallelCommand::Results(args) => dag::results(ctx, &args),
        ParallelCommand::Logs(args) => dag::logs(ctx, &args),
        ParallelCommand::Cancel(args) => dag::cancel(ctx, &args),
        ParallelCommand::Resume(r) => dag::resume(ctx, &r.args, r.halt_now),
        ParallelCommand::Jobs => dag::jobs(ctx),
        ParallelCommand::Explain(args) => dag::explain(ctx, &args),
        ParallelCommand::Run(args) => gnu::run(ctx, &args),
    }
}
