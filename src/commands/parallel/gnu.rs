//! `omni parallel run`: GNU parallel's everyday interface. Parses the
//! options, lets `systems::parallel::gnu` run the jobs, and writes each
//! job's output as it arrives (in input order with `-k`).
//!
//! Exit status, as GNU parallel's: 0 when every job succeeded (or `--halt
//! …success` fired); the number of failed jobs (1–100, 101 for more); with
//! `--halt`, the status GNU gives ([`gnu::Summary::status`], passed on with
//! `Ctx::set_status_code`). 130 when interrupted (SIGINT/SIGTERM stop every
//! running job's process group). omni's own errors keep omni's codes (2
//! usage, 65 bad joblog, 66 missing input file, 74 I/O).

use std::path::PathBuf;
use std::time::Duration;

use clap::Args;

use crate::cli::Ctx;
use crate::runtime::error::{Exit, Failure};
use crate::runtime::output::Outcome;
use crate::systems::parallel::gnu::{self, Event, Halt, JobsSpec, Options, Plan, Resume};

/// `omni parallel run [OPTIONS] COMMAND ::: ARGS…`.
#[derive(Args, Debug)]
#[command(
    after_help = "Replacement strings: {} {.} {/} {//} {/.} {#} {%} {N} {N.} {N/} {N//} {N/.}\n\
Inputs: ::: ARGS, :::: FILES (- is stdin), :::+ / ::::+ link with the previous source; stdin lines when none is given."
)]
pub(super) struct RunArgs {
    /// Run N jobs at once: N, N% of the CPUs, +N, -N, 0 = all (default: the CPUs)
    #[arg(
        short = 'j',
        long = "jobs",
        value_name = "N",
        allow_hyphen_values = true
    )]
    jobs: Option<String>,
    /// Print job output in input order
    #[arg(short = 'k', long = "keep-order")]
    keep_order: bool,
    /// Do not group output: jobs write straight to stdout/stderr
    #[arg(short = 'u', long = "ungroup")]
    ungroup: bool,
    /// Prefix each output line with the job's arguments and a TAB
    #[arg(long)]
    tag: bool,
    /// Print the commands instead of running them
    #[arg(long = "dry-run")]
    dry_run: bool,
    /// Kill a job (its whole process group) after this long: seconds (GNU) or 250ms, 10s, 2m
    #[arg(long, value_name = "DURATION")]
    timeout: Option<String>,
    /// Stop early: never | now|soon,fail|success|done=N|N%
    #[arg(long, value_name = "WHEN,WHAT=N")]
    halt: Option<String>,
    /// Log each finished job in GNU's TSV format; +FILE appends
    #[arg(long, value_name = "FILE")]
    joblog: Option<String>,
    /// Skip jobs the joblog lists
    #[arg(long, requires = "joblog", conflicts_with = "resume_failed")]
    resume: bool,
    /// Re-run jobs the joblog lists as failed, skip the ones that succeeded
    #[arg(long = "resume-failed", requires = "joblog")]
    resume_failed: bool,
    /// Run a failing job up to N times in all
    #[arg(long, value_name = "N", default_value_t = 1)]
    retries: u32,
    /// Read arguments from FILE (like :::: FILE)
    #[arg(short = 'a', long = "arg-file", value_name = "FILE")]
    arg_file: Vec<PathBuf>,
    /// The command and its input sources (`:::`, `::::`, `:::+`, `::::+`)
    #[arg(trailing_var_arg = true, value_name = "COMMAND ::: ARGS")]
    words: Vec<String>,
}

fn timeout_arg(text: &str) -> Result<Duration, Failure> {
    let bad = |why: &str| Failure::new(Exit::Usage, format!("invalid --timeout {text:?}: {why}"));
    if text.ends_with('%') {
        return Err(bad("a percentage of the median runtime is not supported"));
    }
    let d = match text.parse::<f64>() {
        Ok(secs) if secs.is_finite() && secs > 0.0 => Duration::from_secs_f64(secs),
        Ok(_) => return Err(bad("must be positive")),
        Err(_) => crate::runtime::units::parse_duration(text).map_err(|e| bad(&e.to_string()))?,
    };
    if d.is_zero() {
        return Err(bad("must be positive"));
    }
    Ok(d)
}

fn options(args: &RunArgs, env: &crate::runtime::config::Env) -> Result<Options, Failure> {
    let joblog = args.joblog.as_deref().map(|j| match j.strip_prefix('+') {
        Some(p) => (PathBuf::from(p), true),
        None => (PathBuf::from(j), false),
    });
    Ok(Options {
        jobs: match &args.jobs {
            Some(j) => JobsSpec::parse(j)?,
            None => JobsSpec::Percent(100.0),
        },
        cpus: crate::runtime::available_cpus(),
        keep_order: args.keep_order,
        ungroup: args.ungroup,
        dry_run: args.dry_run,
        timeout: args.timeout.as_deref().map(timeout_arg).transpose()?,
        halt: args
            .halt
            .as_deref()
            .map(Halt::parse)
            .transpose()?
            .unwrap_or_default(),
        joblog,
        resume: if args.resume_failed {
            Resume::Failed
        } else if args.resume {
            Resume::All
        } else {
            Resume::No
        },
        retries: args.retries.max(1),
        search_path: env.get_os("PATH").map(ToOwned::to_owned),
        ..Options::default()
    })
}

/// Writes `bytes` with `tag` before every line.
fn tagged(tag: &str, bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() + 16);
    for line in bytes.split_inclusive(|b| *b == b'\n') {
        out.extend_from_slice(tag.as_bytes());
        out.push(b'\t');
        out.extend_from_slice(line);
    }
    out
}

pub(super) fn run(ctx: &Ctx, args: &RunArgs) -> Outcome {
    let opts = options(args, &ctx.env)?;
    let plan = {
        let stdin = std::io::stdin();
        let mut lock = stdin.lock();
        Plan::build(&args.words, &args.arg_file, &mut lock)?
    };
    let prog = "omni parallel";
    let mut interrupted = false;
    // Jobs are waited for without SIGCHLD (a wake-up per job otherwise).
    ctx.executor.mute_child_signal();
    let summary = ctx.executor.block_on(async {
        let interrupt = crate::runtime::process::cancel_on_signals();
        let result = gnu::run(&plan, &opts, &ctx.governor, &interrupt, |event| {
            match event {
                Event::DryRun(cmd) => {
                    ctx.output.raw(format!("{cmd}\n").as_bytes())?;
                }
                Event::Done(report, job_args) => {
                    if !report.stdout.is_empty() {
                        // One write per job: grouped output is never split.
                        if args.tag {
                            ctx.output
                                .raw(&tagged(&job_args.join(" "), &report.stdout))?;
                        } else {
                            ctx.output.raw(&report.stdout)?;
                        }
                    }
                    if !report.stderr.is_empty() {
                        let bytes = if args.tag {
                            tagged(&job_args.join(" "), &report.stderr)
                        } else {
                            report.stderr.clone()
                        };
                        ctx.output.raw_err(&String::from_utf8_lossy(&bytes));
                    }
                }
                Event::Notice(text) => ctx.output.raw_err(&format!("{prog}: {text}\n")),
            }
            Ok::<(), Failure>(())
        })
        .await;
        interrupted = interrupt.is_cancelled();
        result
    })??;
    if interrupted {
        return Ok(Exit::Interrupted);
    }
    // GNU's status: the number of failed jobs (101 for more than 100), or
    // with --halt the status GNU gives; omni's own errors keep omni's codes.
    ctx.set_status_code(summary.status);
    Ok(if summary.status == 0 {
        Exit::Success
    } else {
        Exit::Negative
    })
}
