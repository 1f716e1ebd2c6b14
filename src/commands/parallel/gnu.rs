//! `omni parallel run`: GNU parallel's interface (in progress).

use clap::Args;

use crate::cli::Ctx;
use crate::runtime::error::{Exit, Failure};
use crate::runtime::output::Outcome;

/// `omni parallel run [OPTIONS] COMMAND ::: ARGS…`.
#[derive(Args, Debug)]
pub(super) struct RunArgs {
    /// The command and its input sources (`:::`, `::::`).
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    words: Vec<String>,
}

pub(super) fn run(_ctx: &Ctx, _args: &RunArgs) -> Outcome {
    Err(Failure::new(
        Exit::Unavailable,
        "omni parallel run is not built yet",
    ))
}
