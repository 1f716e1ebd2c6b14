//! The top-level command line: argv[0] dispatch, global flags, and the
//! built-in commands that are not systems (`config`, `ps`, `stop`,
//! `completions`, `man`, `--list`, `--install`).
//!
//! Dispatch (busybox-style, DESIGN.md §2): the program name is `$OMNI_ARGV0`
//! or the file stem of argv[0], never resolved through symlinks. `omni` takes
//! the system from the first argument; `omni-<system>` and the classic aliases
//! (`chaos-cli`, …) run that system directly, with help and errors showing the
//! name the user typed. Lookup is exact; anything else exits 127.
//!
//! [`run`] is the library entry point: `main` only captures the environment
//! and the real streams and maps the returned [`Exit`] to a process status.
//! Tests call it in-process with their own registry and buffers.

mod config_cmd;
mod docs;
mod install;
mod ps;

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use clap::{ArgMatches, Args, Command, FromArgMatches};

use crate::commands::{KNOWN, SystemEntry, known_system_for};
use crate::runtime::config::{Config, Env, FileChoice, FlagRaw, FlagValue, Section, Sources};
use crate::runtime::error::{Exit, Failure};
use crate::runtime::executor::Executor;
use crate::runtime::governor::{CpuEnforcement, Governor, GovernorSettings};
use crate::runtime::output::{ColorChoice, Format, Output, OutputSettings, Streams};
use crate::runtime::sections;
use crate::runtime::state::Dirs;
use crate::runtime::supervisor::{self, Attached, Control, Entry, SpawnSpec, Supervisor};

/// The version printed by `--version`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

// Flags accepted before or after the system name. (A `///` doc here would
// become the `about` of every command they are added to.)
#[derive(Args, Debug, Default, Clone)]
#[command(next_help_heading = "Global options")]
pub struct GlobalArgs {
    /// Configuration file [default: $OMNI_CONFIG, else $XDG_CONFIG_HOME/omni/config.toml]
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Output format for reports and errors
    #[arg(long, global = true, value_name = "FORMAT", value_parser = Format::WORDS.to_vec())]
    pub format: Option<String>,
    /// When to use colour
    #[arg(long, global = true, value_name = "WHEN", value_parser = ColorChoice::WORDS.to_vec())]
    pub color: Option<String>,
    /// Print only results and errors
    #[arg(short, long, global = true)]
    pub quiet: bool,
    /// Log more to stderr (-v info, -vv debug, -vvv trace)
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// Concurrency permits for parallel work [default: number of CPUs]
    #[arg(long, global = true, value_name = "N")]
    pub workers: Option<String>,
    /// Cap CPU use at this percent of the whole machine
    #[arg(long, global = true, value_name = "PERCENT")]
    pub cpu_percent: Option<String>,
    /// Stop heap growth beyond this size (e.g. 512MiB); exit 75 when hit
    #[arg(long, global = true, value_name = "SIZE")]
    pub memory_limit: Option<String>,
    /// Limit I/O operations per second drawn by systems
    #[arg(long, global = true, value_name = "N")]
    pub io_ops: Option<String>,
    /// Deterministic mode: one seeded RNG source for every system
    #[arg(long, global = true, value_name = "N")]
    pub seed: Option<String>,
    /// Confine file writes to DIR with Landlock (repeatable)
    #[arg(long, global = true, value_name = "DIR")]
    pub sandbox: Vec<PathBuf>,
    /// Print governor statistics to stderr at exit
    #[arg(long, global = true)]
    pub stats: bool,
}

impl GlobalArgs {
    /// The flags that override configuration keys.
    fn overrides(&self) -> Vec<FlagValue> {
        let mut out = Vec::new();
        let mut one = |section, key, flag, raw: &Option<String>| {
            if let Some(raw) = raw {
                out.push(FlagValue {
                    section,
                    key,
                    flag,
                    raw: FlagRaw::Text(raw.clone()),
                });
            }
        };
        one("output", "format", "--format", &self.format);
        one("output", "color", "--color", &self.color);
        one("governor", "workers", "--workers", &self.workers);
        one(
            "governor",
            "cpu_percent",
            "--cpu-percent",
            &self.cpu_percent,
        );
        one(
            "governor",
            "memory_limit",
            "--memory-limit",
            &self.memory_limit,
        );
        one("governor", "io_ops", "--io-ops", &self.io_ops);
        one("governor", "seed", "--seed", &self.seed);
        if self.stats {
            one("governor", "stats", "--stats", &Some("true".into()));
        }
        if !self.sandbox.is_empty() {
            out.push(FlagValue {
                section: "governor",
                key: "sandbox",
                flag: "--sandbox",
                raw: FlagRaw::Paths(self.sandbox.clone()),
            });
        }
        out
    }
}

/// Who was invoked, for help, errors and `--list`.
#[derive(Debug, Clone)]
pub struct Invocation {
    /// The prefix of error lines: `omni`, `omni config`, `chaos-cli`.
    pub prog: String,
    /// The system being run, if any.
    pub system: Option<&'static str>,
}

/// What every command receives.
pub struct Ctx {
    /// Who was invoked.
    pub invocation: Invocation,
    /// The effective configuration.
    pub config: Config,
    /// Where reports and errors go.
    pub output: Output,
    /// The one tokio runtime, started on first use.
    pub executor: Arc<Executor>,
    /// The environment snapshot (for commands that pass values down).
    pub env: Env,
    /// The registry this invocation dispatches over.
    pub systems: &'static [SystemEntry],
    /// The resource governor every system draws from.
    pub governor: Governor,
    /// Set when the supervisor asked this (detached) process to stop.
    stop: Arc<AtomicBool>,
    /// A process status that replaces the exit's code (see [`Ctx::set_status_code`]).
    status_code: std::sync::atomic::AtomicU16,
}

/// How an invocation ended: omni's exit, and the process status, which is
/// the exit's code unless a compatibility mode reproduces another tool's
/// statuses (`omni parallel run` exits like GNU parallel: the number of
/// failed jobs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Status {
    pub exit: Exit,
    pub code: u8,
}

impl From<Exit> for Status {
    fn from(exit: Exit) -> Status {
        Status {
            exit,
            code: exit.code(),
        }
    }
}

impl Ctx {
    /// Makes the process exit with `code` instead of the exit's own code, when
    /// the command ends without an error. Only for a compatibility mode whose
    /// documented statuses are another tool's.
    pub fn set_status_code(&self, code: u8) {
        self.status_code
            .store(u16::from(code) + 1, Ordering::SeqCst);
    }

    /// True once `omni stop` (through the supervisor) asked this process to
    /// wind down. Long-running systems poll it between units of work.
    pub fn stop_requested(&self) -> bool {
        self.stop.load(Ordering::SeqCst)
    }

    /// Starts `omni <args…>` in the background under the supervisor and
    /// returns its entry (`--detach`). `args` is the whole command line after
    /// `omni`, e.g. `["parallel", "submit", "--graph", "/abs/flow.yaml"]`;
    /// paths in it should be absolute, since the child's working directory is
    /// not guaranteed to stay meaningful.
    pub fn detach(&self, system: &str, label: &str, args: Vec<OsString>) -> Result<Entry, Failure> {
        let program =
            std::env::current_exe().map_err(|e| Failure::io("finding the omni binary", e))?;
        let spec = SpawnSpec {
            system: system.to_string(),
            label: label.to_string(),
            program,
            args,
            env: vec![("OMNI_ARGV0".into(), "omni".into())],
        };
        Ok(Supervisor::new(self.dirs()?.state).spawn(spec)?)
    }

    /// The state and data directories (`$OMNI_STATE_DIR`, XDG, or `~/.local`).
    pub fn dirs(&self) -> Result<Dirs, Failure> {
        let env = &self.env;
        Ok(Dirs::resolve(
            env.get_os("OMNI_STATE_DIR"),
            env.get_os("OMNI_DATA_DIR"),
            env.get_os("XDG_STATE_HOME"),
            env.get_os("XDG_DATA_HOME"),
            env.get_os("HOME"),
        )?)
    }
}

/// How argv[0] resolved.
enum Mode {
    /// `omni …`: the system is the first argument.
    Root,
    /// An alias: run this system directly under the typed name.
    System(&'static SystemEntry, String),
}

/// The program name: `$OMNI_ARGV0`, else the file stem of argv[0] as typed.
pub fn program_name(argv0: Option<&OsString>, env: &Env) -> String {
    if let Some(name) = env.get("OMNI_ARGV0") {
        return name.to_string();
    }
    argv0
        .map(Path::new)
        .and_then(Path::file_stem)
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "omni".to_string())
}

fn resolve_mode(name: &str, systems: &'static [SystemEntry]) -> Result<Mode, Failure> {
    if name == "omni" {
        return Ok(Mode::Root);
    }
    if let Some(entry) = systems
        .iter()
        .find(|e| e.alias == name || name.strip_prefix("omni-") == Some(e.id))
    {
        return Ok(Mode::System(entry, name.to_string()));
    }
    // A system's own id is not an argv[0] name (`chaos` alone could be anything).
    match known_system_for(name).filter(|id| *id != name) {
        Some(id) => Err(compiled_out(name, id)),
        None => Err(Failure::new(
            Exit::UnknownCommand,
            format!("'{name}' is not an omni command (see omni --list)"),
        )),
    }
}

fn compiled_out(name: &str, id: &str) -> Failure {
    Failure::new(
        Exit::UnknownCommand,
        format!("'{name}': the {id} system was compiled out of this build (see omni --list)"),
    )
}

/// The system `omni` is asked to run, if the first positional argument
/// names one (global flags and their values may come before it).
fn named_system<'a>(argv: &[OsString], systems: &'a [SystemEntry]) -> Option<&'a SystemEntry> {
    let globals = GlobalArgs::augment_args(Command::new("globals"));
    let takes_value = |arg: &str| {
        globals.get_arguments().any(|a| {
            a.get_action().takes_values()
                && (a.get_long().is_some_and(|l| arg == format!("--{l}"))
                    || a.get_short().is_some_and(|c| arg == format!("-{c}")))
        })
    };
    let mut args = argv.iter().skip(1).filter_map(|a| a.to_str());
    while let Some(arg) = args.next() {
        if arg == "--" {
            return None;
        }
        if arg.starts_with('-') {
            if !arg.contains('=') && takes_value(arg) {
                args.next();
            }
            continue;
        }
        return systems.iter().find(|e| e.id == arg);
    }
    None
}

/// The configuration sections of a build: shared ones, then each system's.
pub fn config_sections(systems: &[SystemEntry]) -> Vec<&'static Section> {
    let mut all: Vec<&'static Section> = sections::SHARED.to_vec();
    all.extend(systems.iter().map(|s| s.section));
    all
}

/// Known systems that are not in this build (their config sections are ignored).
pub fn compiled_out_ids(systems: &[SystemEntry]) -> Vec<&'static str> {
    KNOWN
        .iter()
        .map(|(id, _, _)| *id)
        .filter(|id| !systems.iter().any(|s| s.id == *id))
        .collect()
}

fn with_globals(cmd: Command) -> Command {
    GlobalArgs::augment_args(cmd)
}

/// The `omni` command tree for a registry.
pub fn root_command(systems: &[SystemEntry]) -> Command {
    let mut cmd = Command::new("omni")
        .version(VERSION)
        .about("One executable carrying many systems as subcommands")
        .long_about(
            "omni carries its systems as subcommands (`omni <system> …`) and answers to \
             per-system aliases (`omni-<system>`, `chaos-cli`, …) created by `omni --install DIR`.",
        )
        .after_help("Exit codes are listed in `man omni` (EXIT STATUS) and README.md.")
        .subcommand_value_name("SYSTEM|COMMAND")
        .arg_required_else_help(true)
        .arg(
            clap::Arg::new("list")
                .long("list")
                .action(clap::ArgAction::SetTrue)
                .help("List the systems in this build and their aliases"),
        )
        .arg(
            clap::Arg::new("install")
                .long("install")
                .value_name("DIR")
                .value_parser(clap::value_parser!(PathBuf))
                .help("Create every alias link (chaos-cli, omni-chaos, …) in DIR"),
        )
        .arg(
            clap::Arg::new("dry-run")
                .long("dry-run")
                .requires("install")
                .action(clap::ArgAction::SetTrue)
                .help("With --install: print what would change, change nothing"),
        );
    for entry in systems {
        cmd = cmd.subcommand((entry.command)().name(entry.id).about(entry.about));
    }
    cmd = cmd
        .subcommand(config_cmd::command())
        .subcommand(ps::ps_command())
        .subcommand(ps::stop_command())
        .subcommand(docs::completions_command())
        .subcommand(docs::man_command(systems));
    with_globals(cmd)
}

/// A system's command as invoked through an alias (`chaos-cli`).
pub fn alias_command(entry: &SystemEntry, name: &str) -> Command {
    with_globals(
        (entry.command)()
            .name(name.to_string())
            .bin_name(name.to_string())
            .version(VERSION)
            .about(entry.about),
    )
}

/// Runs one invocation of omni and returns its exit code.
pub fn run(
    argv: Vec<OsString>,
    env: Env,
    systems: &'static [SystemEntry],
    streams: Streams,
    executor: Arc<Executor>,
    own_process: bool,
) -> Exit {
    run_status(argv, env, systems, streams, executor, own_process).exit
}

/// [`run`], with the process status to exit with.
pub fn run_status(
    argv: Vec<OsString>,
    env: Env,
    systems: &'static [SystemEntry],
    streams: Streams,
    executor: Arc<Executor>,
    own_process: bool,
) -> Status {
    let name = program_name(argv.first(), &env);
    // Until flags are parsed, errors use the format and colour asked for, if any.
    let early_settings = OutputSettings {
        format: early_flag(&argv, "--format").map_or(Format::Text, Format::from_word),
        color: early_flag(&argv, "--color").map_or(ColorChoice::Auto, ColorChoice::from_word),
        quiet: false,
        verbose: 0,
    };
    let early = Output::new(&early_settings, &env, streams);
    let mode = match resolve_mode(&name, systems) {
        Ok(mode) => mode,
        Err(failure) => {
            early.error("omni", None, &failure);
            return failure.exit().into();
        }
    };
    let cmd = match &mode {
        Mode::Root => match named_system(&argv, systems) {
            // NB: building only the named system's tree is a start-up
            // optimisation (clap builds every subcommand it is given);
            // parsing, help and errors for `omni <system> …` are unchanged.
            Some(entry) => root_command(std::slice::from_ref(entry)),
            None => root_command(systems),
        },
        Mode::System(entry, typed) => alias_command(entry, typed),
    };
    let color = early.color_err();
    let mut cmd = cmd.color(clap_color(color));
    let parsed = cmd.try_get_matches_from_mut(&argv);
    // NB: freeing the built clap tree costs more than a tenth of a short
    // command's start-up, and the process ends soon after; the matches own
    // their data, so the tree is simply not freed (a bounded, one-off leak).
    std::mem::forget(cmd);
    let matches = match parsed {
        Ok(m) => m,
        Err(err) => return clap_error(err, &early, &name, systems).into(),
    };
    let (invocation, leaf) = invocation_for(&mode, &matches);
    let globals = GlobalArgs::from_arg_matches(leaf).unwrap_or_default();
    init_logging(globals.verbose, globals.quiet, early.color_err());

    let prog = invocation.prog.clone();
    let ctx = match build_ctx(
        invocation,
        &globals,
        env,
        systems,
        early,
        executor,
        own_process,
    ) {
        Ok(ctx) => ctx,
        Err((failure, out)) => {
            out.error(&prog, None, &failure);
            return failure.exit().into();
        }
    };
    let attached = match attach_if_supervised(&ctx) {
        Ok(a) => a,
        Err(failure) => return finish(&ctx, Err(failure)).into(),
    };
    let result = dispatch(&mode, &matches, &ctx);
    let ok = result.is_ok();
    let exit = finish(&ctx, result);
    let status = match ctx.status_code.load(Ordering::SeqCst) {
        raw @ 1.. if ok => Status {
            exit,
            code: u8::try_from(raw - 1).unwrap_or(exit.code()),
        },
        _ => Status::from(exit),
    };
    if ctx.config.bool("governor", "stats") {
        ctx.output.emit_err(&ctx.governor.stats());
    }
    if let Some(attached) = attached
        && let Err(e) = attached.finish(i32::from(status.code))
    {
        tracing::warn!("could not record the exit of this background entry: {e}");
    }
    ctx.governor.release();
    status
}

/// The supervisor's view of a detached omni: pause and resume map to the
/// governor, stop raises the flag systems poll (and releases a pause so
/// paused work can notice it).
struct GovernedControl {
    governor: Governor,
    stop: Arc<AtomicBool>,
    invocation: String,
}

impl Control for GovernedControl {
    fn status(&self) -> serde_json::Value {
        serde_json::json!({
            "command": self.invocation,
            "stats": self.governor.stats(),
        })
    }
    fn pause(&self) {
        self.governor.pause();
    }
    fn resume(&self) {
        self.governor.resume();
    }
    fn stop(&self) {
        self.stop.store(true, Ordering::SeqCst);
        self.governor.resume();
    }
}

/// When started by the supervisor (`OMNI_SUPERVISOR_ID`/`_DIR` set), serve
/// the control socket for the lifetime of this invocation.
fn attach_if_supervised(ctx: &Ctx) -> Result<Option<Attached>, Failure> {
    let (Some(id), Some(dir)) = (
        ctx.env.get(supervisor::ENV_ID),
        ctx.env.get_os(supervisor::ENV_DIR),
    ) else {
        return Ok(None);
    };
    let handler = Arc::new(GovernedControl {
        governor: ctx.governor.clone(),
        stop: Arc::clone(&ctx.stop),
        invocation: ctx.invocation.prog.clone(),
    });
    Ok(Some(Attached::serve(Path::new(dir), id, handler)?))
}

/// Reports the outcome: errors once, broken pipes silently.
fn finish(ctx: &Ctx, result: Result<Exit, Failure>) -> Exit {
    match result {
        Ok(exit) => exit,
        Err(failure) if failure.is_broken_pipe() => Exit::Success,
        Err(failure) => {
            ctx.output
                .error(&ctx.invocation.prog, ctx.invocation.system, &failure);
            failure.exit()
        }
    }
}

fn build_ctx(
    invocation: Invocation,
    globals: &GlobalArgs,
    env: Env,
    systems: &'static [SystemEntry],
    early: Output,
    executor: Arc<Executor>,
    own_process: bool,
) -> Result<Ctx, (Failure, Output)> {
    let all_sections = config_sections(systems);
    let ignored = compiled_out_ids(systems);
    let flags = globals.overrides();
    let loaded = Config::load(&Sources {
        sections: &all_sections,
        ignored_sections: &ignored,
        file: FileChoice::resolve(globals.config.as_deref(), &env),
        env: &env,
        flags: &flags,
    });
    let config = match loaded {
        Ok(c) => c,
        Err(e) => return Err((e.into(), early)),
    };
    let settings = OutputSettings {
        format: Format::from_word(config.str("output", "format").unwrap_or("text")),
        color: ColorChoice::from_word(config.str("output", "color").unwrap_or("auto")),
        quiet: globals.quiet,
        verbose: globals.verbose,
    };
    let output = early.reconfigure(&settings, &env);
    let governor = match governor_from(&config) {
        Ok(g) => g,
        Err(e) => return Err((e, output)),
    };
    // NB: process-wide controls (memory ceiling, CPU cgroup, Landlock,
    // signal handling) go in before any runtime or worker thread exists.
    // In-process callers (tests) do not own the process and skip them.
    if own_process {
        match governor.install() {
            Ok(installed) => {
                let applied = serde_json::to_string(&installed).unwrap_or_default();
                tracing::debug!(%applied, "governor installed");
            }
            Err(e) => return Err((e.into(), output)),
        }
    }
    let stop = Arc::new(AtomicBool::new(false));
    Ok(Ctx {
        invocation,
        config,
        output,
        executor,
        env,
        systems,
        governor,
        stop,
        status_code: std::sync::atomic::AtomicU16::new(0),
    })
}

/// The governor's settings from the effective configuration.
fn governor_from(config: &Config) -> Result<Governor, Failure> {
    let count = |key| {
        config
            .int("governor", key)
            .and_then(|v| u32::try_from(v).ok())
    };
    let settings = GovernorSettings {
        workers: config
            .int("governor", "workers")
            .and_then(|w| usize::try_from(w).ok())
            .unwrap_or_else(crate::runtime::available_cpus),
        cpu_percent: config.float("governor", "cpu_percent"),
        cpu_enforcement: config
            .str("governor", "cpu_enforcement")
            .and_then(|s| s.parse().ok())
            .unwrap_or(CpuEnforcement::Auto),
        memory_limit: config.size("governor", "memory_limit"),
        io_ops: count("io_ops"),
        io_burst: count("io_burst"),
        seed: config
            .int("governor", "seed")
            .and_then(|s| u64::try_from(s).ok()),
        sandbox: config.paths("governor", "sandbox").to_vec(),
    };
    Ok(Governor::new(settings)?)
}

/// The value of `--NAME VALUE` or `--NAME=VALUE`, looked up before clap runs
/// so that errors found while parsing already honour `--format` and `--color`.
fn early_flag<'a>(argv: &'a [OsString], name: &str) -> Option<&'a str> {
    let mut it = argv.iter().skip(1).filter_map(|a| a.to_str());
    while let Some(arg) = it.next() {
        if arg == "--" {
            break;
        }
        if arg == name {
            return it.next();
        }
        if let Some(value) = arg
            .strip_prefix(name)
            .and_then(|rest| rest.strip_prefix('='))
        {
            return Some(value);
        }
    }
    None
}

fn clap_color(color: bool) -> clap::ColorChoice {
    if color {
        clap::ColorChoice::Always
    } else {
        clap::ColorChoice::Never
    }
}

/// Help and version go to stdout with exit 0; usage errors to stderr with 2;
/// a system that exists but is not in this build gets the 127 message.
fn clap_error(err: clap::Error, out: &Output, name: &str, systems: &'static [SystemEntry]) -> Exit {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if err.kind() == ErrorKind::InvalidSubcommand
        && let Some(ContextValue::String(sub)) = err.get(ContextKind::InvalidSubcommand)
        && let Some(id) = known_system_for(sub).filter(|_| !systems.iter().any(|s| s.id == sub))
    {
        out.error(name, None, &compiled_out(sub, id));
        return Exit::UnknownCommand;
    }
    let rendered = if out.color_err() {
        err.render().ansi().to_string()
    } else {
        err.render().to_string()
    };
    match err.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = out.raw(rendered.as_bytes());
            Exit::Success
        }
        _ => {
            out.raw_err(&rendered);
            Exit::Usage
        }
    }
}

/// Works out the error prefix and the deepest matches (where globals land).
fn invocation_for<'m>(mode: &Mode, matches: &'m ArgMatches) -> (Invocation, &'m ArgMatches) {
    let mut leaf = matches;
    while let Some((_, sub)) = leaf.subcommand() {
        leaf = sub;
    }
    let invocation = match mode {
        Mode::System(entry, typed) => Invocation {
            prog: typed.clone(),
            system: Some(entry.id),
        },
        Mode::Root => match matches.subcommand_name() {
            Some(sub) => Invocation {
                prog: format!("omni {sub}"),
                system: KNOWN.iter().map(|k| k.0).find(|id| *id == sub),
            },
            None => Invocation {
                prog: "omni".into(),
                system: None,
            },
        },
    };
    (invocation, leaf)
}

fn dispatch(mode: &Mode, matches: &ArgMatches, ctx: &Ctx) -> Result<Exit, Failure> {
    match mode {
        Mode::System(entry, _) => (entry.run)(matches, ctx),
        Mode::Root => {
            let action_flag = matches.get_flag("list") || matches.contains_id("install");
            if action_flag && matches.subcommand().is_some() {
                return Err(Failure::new(
                    Exit::Usage,
                    "--list and --install cannot be combined with a command",
                ));
            }
            if matches.get_flag("list") {
                return install::list(ctx);
            }
            if let Some(dir) = matches.get_one::<PathBuf>("install") {
                return install::install(ctx, dir, matches.get_flag("dry-run"));
            }
            let Some((sub, sub_m)) = matches.subcommand() else {
                return Err(Failure::new(
                    Exit::Usage,
                    "no command given (see omni --help)",
                ));
            };
            if let Some(entry) = ctx.systems.iter().find(|e| e.id == sub) {
                return (entry.run)(sub_m, ctx);
            }
            match sub {
                "config" => config_cmd::run(sub_m, ctx),
                "ps" => ps::ps(ctx),
                "stop" => ps::stop(sub_m, ctx),
                "completions" => docs::completions(sub_m, ctx),
                "man" => docs::man(sub_m, ctx),
                other => Err(Failure::new(
                    Exit::Software,
                    format!("unhandled command '{other}'"),
                )),
            }
        }
    }
}

/// Sends logs to stderr: warnings by default, errors only with `-q`.
fn init_logging(verbose: u8, quiet: bool, color: bool) {
    use tracing::Level;
    let level = match (quiet, verbose) {
        (true, _) => Level::ERROR,
        (false, 0) => Level::WARN,
        (false, 1) => Level::INFO,
        (false, 2) => Level::DEBUG,
        _ => Level::TRACE,
    };
    // NB: in-process tests run many invocations; only the first installs.
    let _ = tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_max_level(level)
        .with_target(false)
        .with_ansi(color)
        .without_time()
        // NB: a failed write (stderr on a full disk) must not report itself
        // on stderr: that report panics, and a panic in a task would stop
        // the task that was handling the failure.
        .log_internal_errors(false)
        .try_init();
}
