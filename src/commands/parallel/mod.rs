//! `omni parallel` (alias `parallel-cli`): parse, call systems::parallel,
//! hand the report to the output. `run` (GNU parallel's interface) lives in
//! `gnu.rs`; the task-graph commands in `dag.rs`.

use clap::{ArgMatches, Command, FromArgMatches, Subcommand};

use super::SystemEntry;
use crate::cli::Ctx;
use crate::runtime::config::Section;
use crate::runtime::error::{Exit, Failure};
use crate::runtime::output::Outcome;

mod gnu;

/// `[parallel]`.
pub static SECTION: Section = Section {
    name: "parallel",
    doc: "Task graphs and GNU-parallel mode (omni parallel).",
    keys: &[],
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
    /// Run a command over inputs, GNU parallel style (COMMAND ::: ARGS…)
    Run(gnu::RunArgs),
}

fn command() -> Command {
    ParallelCommand::augment_subcommands(Command::new("parallel").subcommand_required(true))
}

fn run(m: &ArgMatches, ctx: &Ctx) -> Outcome {
    let cmd = ParallelCommand::from_arg_matches(m)
        .map_err(|e| Failure::new(Exit::Usage, e.to_string()))?;
    match cmd {
        ParallelCommand::Run(args) => gnu::run(ctx, &args),
    }
}
