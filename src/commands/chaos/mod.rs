//! `omni chaos` (alias `chaos-cli`): parse, drive systems::chaos, hand the
//! report to the output.
//!
//! `inject` is the fault's controller: it records the lease, starts a
//! watchdog for faults that outlive it (a paused process, a fill file),
//! applies the fault, holds it until the duration ends, a signal or `stop`
//! arrives, or a kill switch appears, and gives it back.

use std::ffi::OsString;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant, SystemTime};

use clap::{ArgMatches, Args, Command, FromArgMatches, Subcommand, ValueEnum};
use serde::Serialize;

mod experiment;

use super::SystemEntry;
use crate::cli::Ctx;
use crate::runtime::config::{Key, Kind, Section};
use crate::runtime::error::{Exit, Failure};
use crate::runtime::junit;
use crate::runtime::output::{Outcome, Render, Style};
use crate::runtime::units::{HumanSize, parse_duration, parse_size};
use crate::systems::chaos::lease::{LeaseState, Leases, NewLease, Proc, Undo, unix};
use crate::systems::chaos::target::{Mode, Protected, Selector, Target};
use crate::systems::chaos::{
    ChaosError, cpu, disk, kill_switch_on, kill_switches, memory, signal, target,
};

/// `[chaos]`.
pub static SECTION: Section = Section {
    name: "chaos",
    doc: "Fault injection (omni chaos).",
    keys: &[
        Key {
            name: "ttl_grace",
            kind: Kind::Duration {
                min: Duration::from_secs(1),
                max: Duration::from_secs(3600),
            },
            default: Some("10s"),
            doc: "Added to a fault's duration to make its lease's TTL: past it, a watchdog or any omni chaos command gives the fault back, killing a controller that is still there.",
        },
        Key {
            name: "stop_grace",
            kind: Kind::Duration {
                min: Duration::ZERO,
                max: Duration::from_secs(600),
            },
            default: Some("5s"),
            doc: "How long stop waits for a fault's controller to give the fault back before killing it and giving it back itself.",
        },
    ],
};

/// The registry entry.
pub const ENTRY: SystemEntry = SystemEntry {
    id: "chaos",
    alias: "chaos-cli",
    about: "Inject faults (CPU, memory, disk, processes) as leases that are always given back",
    section: &SECTION,
    command,
    run,
    needs_runtime: true,
};

/// How often a held fault checks for a kill switch and a stop request.
const POLL: Duration = Duration::from_millis(100);

#[derive(Subcommand, Debug)]
#[command(defer = true)]
enum ChaosCommand {
    /// Apply a fault for a duration, then give it back
    Inject(Box<InjectArgs>),
    /// Run a Chaos Toolkit experiment: hypothesis, method, rollbacks, journal (exit 0 held, 1 deviated)
    Run(Box<experiment::RunArgs>),
    /// Serve a TCP fault proxy with Toxiproxy's HTTP API (its clients work unchanged)
    Proxy(ProxyArgs),
    /// Faults being held (--all: also the finished ones)
    List(ListArgs),
    /// Stop a fault early and give it back
    Stop(StopArgs),
    /// Stop every fault (as root, also sweep leftover tagged rules)
    StopAll(StopAllArgs),
    /// What each fault did (--format text, json, junit or markdown)
    Report(ReportArgs),
    /// Turn the kill switch on: stop every fault and refuse new ones
    Disable(SwitchArgs),
    /// Turn the kill switch off
    Enable(SwitchArgs),
    /// Give a lease back when its controller dies or its TTL passes (started by inject)
    #[command(hide = true)]
    Watchdog(WatchdogArgs),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum FaultKind {
    Cpu,
    Memory,
    Disk,
    ProcessKill,
    ProcessPause,
    Loss,
    Partition,
    Latency,
    Reorder,
    Duplicate,
    Corrupt,
}

impl FaultKind {
    fn name(self) -> &'static str {
        match self {
            FaultKind::Cpu => "cpu",
            FaultKind::Memory => "memory",
            FaultKind::Disk => "disk",
            FaultKind::ProcessKill => "process-kill",
            FaultKind::ProcessPause => "process-pause",
            FaultKind::Loss => "loss",
            FaultKind::Partition => "partition",
            FaultKind::Latency => "latency",
            FaultKind::Reorder => "reorder",
            FaultKind::Duplicate => "duplicate",
            FaultKind::Corrupt => "corrupt",
        }
    }
}

#[derive(Args, Debug)]
struct InjectArgs {
    /// The fault
    #[arg(long, value_enum)]
    fault: FaultKind,
    /// How long the fault is held (250ms, 10s, 5m)
    #[arg(long, value_name = "DURATION")]
    duration: String,
    /// cpu: percent of each loaded core the hog takes (1-100)
    #[arg(long, value_name = "PERCENT")]
    load: Option<f64>,
    /// cpu: how many cores to load (default: every core omni may use)
    #[arg(long, value_name = "N")]
    cores: Option<usize>,
    /// memory, disk: how much (512MiB, 2GiB)
    #[arg(long, value_name = "SIZE")]
    size: Option<String>,
    /// disk: the directory whose file system is filled
    #[arg(long, value_name = "DIR")]
    path: Option<PathBuf>,
    /// loss, partition: the network interface
    #[arg(long, value_name = "IF")]
    interface: Option<String>,
    /// loss, partition: the network namespace the interface is in (ip netns)
    #[arg(long, value_name = "NAME")]
    netns: Option<String>,
    /// latency: how long each outgoing packet is held (50ms); reorder: how long the held share waits
    #[arg(long, value_name = "DURATION")]
    delay: Option<String>,
    /// latency: a uniform spread around the delay (10ms)
    #[arg(long, value_name = "DURATION")]
    jitter: Option<String>,
    /// loss, reorder, duplicate, corrupt: the percentage of packets dropped, held back, sent twice or corrupted
    #[arg(long, value_name = "PERCENT")]
    percent: Option<f64>,
    /// loss, partition: only traffic to (and, for a partition, from) this IPv4 CIDR
    #[arg(long, value_name = "CIDR")]
    target: Option<String>,
    /// process-*: the target's pid
    #[arg(long, value_name = "PID", conflicts_with_all = ["name", "port", "cgroup"])]
    pid: Option<u32>,
    /// process-*: a regular expression matched against process names and command lines
    #[arg(long, value_name = "REGEX", conflicts_with_all = ["port", "cgroup"])]
    name: Option<String>,
    /// process-*: the processes of a cgroup (its directory, or a path under /sys/fs/cgroup)
    #[arg(long, value_name = "PATH", conflicts_with = "port")]
    cgroup: Option<String>,
    /// process-*: processes listening on this TCP port; loss, partition: only traffic to this TCP/UDP port
    #[arg(long, value_name = "PORT")]
    port: Option<u16>,
    /// process-*: how many of the matching processes: one, all, fixed, fixed-percent
    #[arg(long, default_value = "all", value_name = "MODE")]
    mode: String,
    /// process-*: the count (fixed) or percentage (fixed-percent)
    #[arg(long, value_name = "N")]
    value: Option<f64>,
    /// process-*: also protect processes with this name (repeatable)
    #[arg(long, value_name = "NAME")]
    protect: Vec<String>,
    /// process-kill: the signal (default KILL)
    #[arg(long, default_value = "KILL", value_name = "SIGNAL")]
    signal: String,
    /// process-kill: kill matching processes again every INTERVAL until the duration ends
    #[arg(long, value_name = "INTERVAL")]
    interval: Option<String>,
    /// Print the plan and change nothing
    #[arg(long)]
    dry_run: bool,
    /// Run the fault in the background under the supervisor and print its lease
    #[arg(long)]
    detach: bool,
    /// The lease a detached controller holds (set by inject --detach)
    #[arg(long, hide = true, value_name = "ID")]
    lease: Option<String>,
}

#[derive(Args, Debug)]
struct ProxyArgs {
    /// Where the API listens (Toxiproxy's default port is 8474)
    #[arg(long, default_value = "127.0.0.1:8474", value_name = "ADDR")]
    listen: std::net::SocketAddr,
    /// Allow the API and proxies on non-loopback addresses
    #[arg(long)]
    allow_public: bool,
    /// Proxies to create at start: a JSON array, as POST /populate takes
    #[arg(long, value_name = "FILE")]
    populate: Option<PathBuf>,
    /// Run in the background under the supervisor (omni ps, omni stop)
    #[arg(long)]
    detach: bool,
}

#[derive(Args, Debug)]
struct ListArgs {
    /// Also the faults that ended
    #[arg(long)]
    all: bool,
}

#[derive(Args, Debug)]
struct StopArgs {
    /// The lease id (c-…)
    id: String,
}

#[derive(Args, Debug)]
struct StopAllArgs {
    /// Also sweep rules tagged by other state directories (every omni on this machine)
    #[arg(long)]
    every_scope: bool,
}

#[derive(Args, Debug)]
struct ReportArgs {
    /// Only these leases (default: all that are kept)
    ids: Vec<String>,
    /// The same as --format markdown (a table for a pull request or a wiki)
    #[arg(long, hide = true)]
    markdown: bool,
}

#[derive(Args, Debug)]
struct SwitchArgs {
    /// The machine-wide switch (/run/omni/chaos.disabled, root only) instead of this state directory's
    #[arg(long)]
    global: bool,
}

#[derive(Args, Debug)]
struct WatchdogArgs {
    id: String,
}

fn command() -> Command {
    ChaosCommand::augment_subcommands(Command::new("chaos").subcommand_required(true))
}

fn run(m: &ArgMatches, ctx: &Ctx) -> Outcome {
    let cmd =
        ChaosCommand::from_arg_matches(m).map_err(|e| Failure::new(Exit::Usage, e.to_string()))?;
    let state = ctx.dirs()?.state;
    let leases = Leases::new(&state);
    if !matches!(cmd, ChaosCommand::Watchdog(_)) {
        // Every command first gives back what is due (controllers gone,
        // TTLs passed): the last line of defence when a watchdog died too.
        leases.sweep(SystemTime::now())?;
    }
    match cmd {
        ChaosCommand::Inject(args) => inject(ctx, &state, &leases, &args),
        ChaosCommand::Run(args) => experiment::run(ctx, &state, &leases, &args),
        ChaosCommand::Proxy(args) => proxy(ctx, &state, &args),
        ChaosCommand::List(args) => list(ctx, &state, &leases, args.all),
        ChaosCommand::Stop(args) => {
            let lease = stop(ctx, &leases, &args.id)?;
            ctx.output.emit(&LeaseList {
                leases: vec![lease],
                disabled: None,
            })?;
            Ok(Exit::Success)
        }
        ChaosCommand::StopAll(args) => {
            let stopped = stop_all(ctx, &leases, args.every_scope)?;
            ctx.output.emit(&LeaseList {
                leases: stopped,
                disabled: None,
            })?;
            Ok(Exit::Success)
        }
        ChaosCommand::Report(args) => report(ctx, &leases, &args),
        ChaosCommand::Disable(args) => switch(ctx, &state, &leases, args.global, true),
        ChaosCommand::Enable(args) => switch(ctx, &state, &leases, args.global, false),
        ChaosCommand::Watchdog(args) => watchdog(&state, &leases, &args.id),
    }
}

/// The experiment run this fault belongs to: `omni chaos run` sets
/// [`experiment::EXPERIMENT_VAR`] for the activities it starts.
fn experiment_of(ctx: &Ctx) -> Option<String> {
    ctx.env.get(experiment::EXPERIMENT_VAR).map(str::to_owned)
}

fn grace(ctx: &Ctx, key: &str) -> Duration {
    ctx.config
        .duration("chaos", key)
        .unwrap_or(Duration::from_secs(10))
}

fn duration_arg(flag: &str, text: &str) -> Result<Duration, Failure> {
    let d = parse_duration(text)
        .map_err(|e| Failure::new(Exit::Usage, format!("{flag} {text}: {e}")))?;
    if d.is_zero() {
        return Err(Failure::new(
            Exit::Usage,
            format!("{flag} {text}: must be longer than zero"),
        ));
    }
    Ok(d)
}

/// A fault, checked and ready to apply.
enum Plan {
    Cpu(cpu::CpuSpec),
    Memory(u64),
    Disk {
        dir: PathBuf,
        size: u64,
    },
    Kill {
        selector: Selector,
        mode: Mode,
        protected: Protected,
        signal: i32,
        interval: Option<Duration>,
        first: Vec<Target>,
    },
    Pause {
        targets: Vec<Target>,
    },
    Net(crate::systems::chaos::net::NetSpec),
}

fn need<T: Clone>(v: &Option<T>, flag: &str, fault: FaultKind) -> Result<T, Failure> {
    v.clone().ok_or_else(|| {
        Failure::new(
            Exit::Usage,
            format!("--fault {} needs {flag}", fault.name()),
        )
    })
}

fn selector(args: &InjectArgs) -> Result<Selector, Failure> {
    if let Some(cg) = &args.cgroup {
        return Ok(Selector::Cgroup(target::cgroup_dir(cg)));
    }
    match (&args.pid, &args.name, &args.port) {
        (Some(pid), _, _) => Ok(Selector::Pid(*pid)),
        (_, Some(re), _) => regex::Regex::new(re)
            .map(Selector::Name)
            .map_err(|e| Failure::new(Exit::Usage, format!("--name {re}: {e}"))),
        (_, _, Some(port)) => Ok(Selector::Port(*port)),
        _ => Err(Failure::new(
            Exit::Usage,
            format!(
                "--fault {} needs a target: --pid, --name, --port or --cgroup",
                args.fault.name()
            ),
        )),
    }
}

/// Checks the arguments and chooses the targets; the plan's lines say
/// exactly what will happen.
fn plan(ctx: &Ctx, args: &InjectArgs) -> Result<(Plan, Vec<String>, serde_json::Value), Failure> {
    let f = args.fault;
    let mut params = serde_json::json!({"fault": f.name(), "duration": args.duration});
    let (plan, lines) = match f {
        FaultKind::Cpu => {
            let load = need(&args.load, "--load PERCENT", f)?;
            let allowed = cpu::allowed_cpus();
            let n = args.cores.unwrap_or(allowed.len());
            if n == 0 || n > allowed.len() {
                return Err(Failure::new(
                    Exit::Usage,
                    format!(
                        "--cores {n}: between 1 and {} (the cores omni may use)",
                        allowed.len()
                    ),
                ));
            }
            let spec = cpu::CpuSpec {
                load,
                cpus: allowed[..n].to_vec(),
            };
            cpu::check(&spec)?;
            params["load"] = load.into();
            params["cpus"] = serde_json::json!(spec.cpus);
            let line = format!(
                "hold {load}% of cpu {} for {} (closed loop, measured from /proc)",
                join(&spec.cpus),
                args.duration
            );
            (Plan::Cpu(spec), vec![line])
        }
        FaultKind::Memory => {
            let size = size_arg(&need(&args.size, "--size SIZE", f)?)?;
            memory::check(size, &ctx.governor)?;
            params["size"] = size.into();
            let line = format!(
                "take {} of memory and keep every page resident for {}",
                HumanSize(size),
                args.duration
            );
            (Plan::Memory(size), vec![line])
        }
        FaultKind::Disk => {
            let size = size_arg(&need(&args.size, "--size SIZE", f)?)?;
            let dir = need(&args.path, "--path DIR", f)?;
            let dir = std::path::absolute(&dir).unwrap_or(dir);
            disk::check(&dir, size)?;
            params["size"] = size.into();
            params["path"] = dir.display().to_string().into();
            let line = format!(
                "fill the file system of {} by {} (or to the brim) with one file, removed after {}",
                dir.display(),
                HumanSize(size),
                args.duration
            );
            (Plan::Disk { dir, size }, vec![line])
        }
        FaultKind::Loss
        | FaultKind::Partition
        | FaultKind::Latency
        | FaultKind::Reorder
        | FaultKind::Duplicate
        | FaultKind::Corrupt => {
            use crate::systems::chaos::delay::Action;
            use crate::systems::chaos::net::{self, NetKind, NetSpec};
            let kind = match f {
                FaultKind::Loss => NetKind::Loss {
                    percent: need(&args.percent, "--percent PERCENT", f)?,
                },
                FaultKind::Latency => {
                    let text = need(&args.delay, "--delay DURATION", f)?;
                    let delay = duration_arg("--delay", &text)?;
                    let jitter = match &args.jitter {
                        Some(j) => parse_duration(j)
                            .map_err(|e| Failure::new(Exit::Usage, format!("--jitter {j}: {e}")))?,
                        None => Duration::ZERO,
                    };
                    if jitter > delay {
                        return Err(Failure::new(
                            Exit::Usage,
                            "--jitter: at most the delay".to_string(),
                        ));
                    }
                    params["delay"] = text.into();
                    params["jitter"] = serde_json::json!(args.jitter);
                    NetKind::Queue(Action::Delay { delay, jitter })
                }
                FaultKind::Reorder => {
                    let text = need(&args.delay, "--delay DURATION", f)?;
                    params["delay"] = text.clone().into();
                    NetKind::Queue(Action::Reorder {
                        percent: need(&args.percent, "--percent PERCENT", f)?,
                        delay: duration_arg("--delay", &text)?,
                    })
                }
                FaultKind::Duplicate => NetKind::Queue(Action::Duplicate {
                    percent: need(&args.percent, "--percent PERCENT", f)?,
                }),
                FaultKind::Corrupt => NetKind::Queue(Action::Corrupt {
                    percent: need(&args.percent, "--percent PERCENT", f)?,
                }),
                _ => NetKind::Partition,
            };
            let spec = NetSpec {
                kind,
                interface: need(&args.interface, "--interface IF", f)?,
                netns: args.netns.clone(),
                target: args.target.clone(),
                port: args.port,
            };
            net::check(&spec)?;
            params["interface"] = spec.interface.clone().into();
            params["netns"] = serde_json::json!(spec.netns);
            params["percent"] = serde_json::json!(args.percent);
            params["target"] = serde_json::json!(spec.target);
            params["port"] = serde_json::json!(spec.port);
            let lines = net::rules(&spec, "<scope>", "<id>", 0)
                .iter()
                .map(|r| {
                    let rule = r
                        .describe()
                        .replace("--queue-num 0", "--queue-num <a free queue>");
                    format!("{rule} for {}, then delete it", args.duration)
                })
                .collect();
            (Plan::Net(spec), lines)
        }
        FaultKind::ProcessKill | FaultKind::ProcessPause => {
            let selector = selector(args)?;
            let mode = Mode::parse(&args.mode, args.value)?;
            let sig = signal::parse_signal(&args.signal)?;
            let protected = Protected::standard(&args.protect);
            let mut rng = ctx.governor.rng("chaos/targets");
            let (targets, spared) = target::choose(&selector, mode, &protected, &mut rng)?;
            params["targets"] = serde_json::json!(targets);
            params["spared"] = serde_json::json!(spared);
            let mut lines: Vec<String> = spared
                .iter()
                .map(|s| format!("spare pid {} ({}): {}", s.pid, s.name, s.why))
                .collect();
            if f == FaultKind::ProcessPause {
                lines.extend(targets.iter().map(|t| {
                    format!(
                        "pause pid {} ({}) with SIGSTOP for {}, then SIGCONT",
                        t.pid, t.name, args.duration
                    )
                }));
                (Plan::Pause { targets }, lines)
            } else {
                let interval = args
                    .interval
                    .as_deref()
                    .map(|i| duration_arg("--interval", i))
                    .transpose()?;
                params["signal"] = signal::signal_name(sig).into();
                lines.extend(targets.iter().map(|t| {
                    format!(
                        "send {} to pid {} ({})",
                        signal::signal_name(sig),
                        t.pid,
                        t.name
                    )
                }));
                if let Some(i) = interval {
                    lines.push(format!(
                        "then again to every matching process every {} until {} have passed",
                        crate::runtime::units::HumanDuration(i),
                        args.duration
                    ));
                }
                (
                    Plan::Kill {
                        selector,
                        mode,
                        protected,
                        signal: sig,
                        interval,
                        first: targets,
                    },
                    lines,
                )
            }
        }
    };
    Ok((plan, lines, params))
}

fn size_arg(text: &str) -> Result<u64, Failure> {
    parse_size(text).map_err(|e| Failure::new(Exit::Usage, format!("--size {text}: {e}")))
}

fn join(cpus: &[usize]) -> String {
    cpus.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

/// The detached controller's command line: the same fault, holding `lease`.
fn child_argv(args: &InjectArgs, lease: &str) -> Vec<OsString> {
    let mut v: Vec<OsString> = vec!["chaos".into(), "inject".into()];
    let mut put = |flag: &str, value: Option<String>| {
        if let Some(value) = value {
            v.push(flag.into());
            v.push(value.into());
        }
    };
    put("--fault", Some(args.fault.name().into()));
    put("--duration", Some(args.duration.clone()));
    put("--load", args.load.map(|l| l.to_string()));
    put("--cores", args.cores.map(|c| c.to_string()));
    put("--size", args.size.clone());
    put(
        "--path",
        args.path.as_ref().map(|p| {
            std::path::absolute(p)
                .unwrap_or(p.clone())
                .display()
                .to_string()
        }),
    );
    put("--pid", args.pid.map(|p| p.to_string()));
    put("--name", args.name.clone());
    put("--port", args.port.map(|p| p.to_string()));
    put("--cgroup", args.cgroup.clone());
    put("--mode", Some(args.mode.clone()));
    put("--value", args.value.map(|x| x.to_string()));
    for p in &args.protect {
        put("--protect", Some(p.clone()));
    }
    put("--signal", Some(args.signal.clone()));
    put("--interface", args.interface.clone());
    put("--netns", args.netns.clone());
    put("--percent", args.percent.map(|p| p.to_string()));
    put("--delay", args.delay.clone());
    put("--jitter", args.jitter.clone());
    put("--target", args.target.clone());
    put("--interval", args.interval.clone());
    put("--lease", Some(lease.to_string()));
    v
}

/// Faults whose effect outlives the controller get a watchdog.
fn needs_watchdog(plan: &Plan) -> bool {
    matches!(plan, Plan::Pause { .. } | Plan::Disk { .. } | Plan::Net(_))
}

fn inject(ctx: &Ctx, state: &Path, leases: &Leases, args: &InjectArgs) -> Outcome {
    if let Some(switch) = kill_switch_on(state) {
        return Err(ChaosError::Disabled(switch).into());
    }
    let duration = duration_arg("--duration", &args.duration)?;
    let (plan, lines, params) = plan(ctx, args)?;
    if args.dry_run {
        ctx.output.emit(&DryRun {
            fault: args.fault.name(),
            duration: duration.as_secs_f64(),
            plan: lines,
        })?;
        return Ok(Exit::Success);
    }
    let ttl_grace = grace(ctx, "ttl_grace");
    if args.detach {
        let lease = leases.create(
            NewLease {
                fault: args.fault.name().into(),
                params,
                plan: lines,
                duration,
                grace: ttl_grace + Duration::from_secs(5),
                controller: None,
                experiment: experiment_of(ctx),
            },
            SystemTime::now(),
        )?;
        let argv = child_argv(args, &lease.id);
        match ctx.detach(
            "chaos",
            &format!("fault {} {}", lease.id, lease.fault),
            argv,
        ) {
            Ok(_) => {}
            Err(e) => {
                leases.update(&lease.id, |l| {
                    l.finish(
                        LeaseState::Failed,
                        Some(format!("could not start: {e}")),
                        unix(SystemTime::now()),
                    )
                })?;
                return Err(e);
            }
        }
        ctx.output.emit(&LeaseList {
            leases: vec![leases.load(&lease.id)?],
            disabled: None,
        })?;
        return Ok(Exit::Success);
    }
    let me = Proc::own();
    let lease = match &args.lease {
        Some(id) => {
            let (claimed, lease) = leases.update(id, |l| {
                if l.is_final() || l.controller.is_some() {
                    return false;
                }
                l.controller = me;
                // The TTL counts from now, not from the parent's start.
                let now = unix(SystemTime::now());
                l.expires = now + l.duration + ttl_grace.as_secs_f64();
                true
            })?;
            if !claimed {
                return Err(Failure::new(
                    Exit::TempFail,
                    format!(
                        "lease {id} is no longer waiting for its controller ({})",
                        lease.state.as_str()
                    ),
                ));
            }
            lease
        }
        None => leases.create(
            NewLease {
                fault: args.fault.name().into(),
                params,
                plan: lines,
                duration,
                grace: ttl_grace,
                controller: me,
                experiment: experiment_of(ctx),
            },
            SystemTime::now(),
        )?,
    };
    let id = lease.id.clone();
    let outcome = hold(ctx, state, leases, &id, plan, duration);
    let now = unix(SystemTime::now());
    let final_lease = match outcome {
        Ok((state_after, reason, result)) => {
            leases
                .update(&id, |l| {
                    l.result = result;
                    // SIGTERM from `omni chaos stop` is a requested stop.
                    let reason = if l.stop_requested && reason.as_deref() == Some(BY_SIGNAL) {
                        Some(BY_STOP.to_string())
                    } else {
                        reason
                    };
                    l.finish(state_after, reason, now);
                })?
                .1
        }
        Err(e) => {
            let message = e.to_string();
            leases.update(&id, |l| l.finish(LeaseState::Failed, Some(message), now))?;
            return Err(e);
        }
    };
    ctx.output.emit(&LeaseList {
        leases: vec![final_lease.clone()],
        disabled: None,
    })?;
    let by_signal = final_lease.reason.as_deref() == Some(BY_SIGNAL);
    Ok(match final_lease.state {
        _ if !final_lease.undone => Exit::Software,
        LeaseState::Stopped if by_signal => Exit::Interrupted,
        _ => Exit::Success,
    })
}

type Held = (LeaseState, Option<String>, serde_json::Value);

/// Applies the fault and holds it; the caller gives it back.
fn hold(
    ctx: &Ctx,
    state: &Path,
    leases: &Leases,
    id: &str,
    plan: Plan,
    duration: Duration,
) -> Result<Held, Failure> {
    if needs_watchdog(&plan) {
        let entry = ctx.detach(
            "chaos",
            &format!("watchdog {id}"),
            vec!["chaos".into(), "watchdog".into(), id.into()],
        )?;
        leases.update(id, |l| l.watchdog = Some(entry.id.clone()))?;
    }
    let stop = Arc::new(AtomicBool::new(false));
    let cancel = ctx
        .executor
        .block_on(async { crate::runtime::process::cancel_on_signals() })?;
    let wait = |end: Instant, stop: &AtomicBool, finished: &dyn Fn() -> bool| {
        wait(ctx, state, &cancel, end, stop, finished)
    };
    let started = Instant::now();
    let end = started + duration;
    match plan {
        Plan::Cpu(spec) => {
            let s = stop.clone();
            let worker = std::thread::spawn(move || cpu::hog(&spec, duration, &s));
            let why = wait(end, &stop, &|| worker.is_finished())?;
            stop.store(true, Ordering::SeqCst);
            let loads = worker
                .join()
                .map_err(|_| Failure::new(Exit::Software, "the CPU hog panicked"))?;
            let mean = loads.iter().map(|l| l.load).sum::<f64>() / loads.len().max(1) as f64;
            Ok(ended(
                why,
                serde_json::json!({"cores": loads, "mean_load": round2(mean)}),
            ))
        }
        Plan::Memory(size) => {
            let before = memory::resident().unwrap_or(0);
            let s = stop.clone();
            let taker = std::thread::spawn(move || memory::take(size, &s));
            // NB: the taking is part of the fault's time.
            let why = wait(end, &stop, &|| false)?;
            stop.store(true, Ordering::SeqCst);
            let held = taker
                .join()
                .map_err(|_| Failure::new(Exit::Software, "the memory hog panicked"))?;
            let peak = memory::resident().unwrap_or(0);
            let bytes = held.bytes();
            drop(held);
            Ok(ended(
                why,
                serde_json::json!({"bytes": bytes, "rss_before": before, "rss_held": peak}),
            ))
        }
        Plan::Disk { dir, size } => {
            let path = disk::fill_path(&dir, id);
            leases.add_undo(id, Undo::RemoveFile { path: path.clone() })?;
            let filled = disk::fill(&path, size, &stop)?;
            let why = wait(end, &stop, &|| false)?;
            Ok(ended(why, serde_json::json!(filled)))
        }
        Plan::Net(spec) => {
            use crate::systems::chaos::{delay, net};
            let scope = net::scope(state);
            // Latency: the queue is bound (inside the namespace, on the
            // engine's own thread) before its rule sends packets to it.
            let mut engine = None;
            let mut queue = 0;
            if let net::NetKind::Queue(action) = spec.kind {
                let (tx, rx) = std::sync::mpsc::channel();
                let netns = spec.netns.clone();
                let s = stop.clone();
                let mut rng = ctx.governor.rng("chaos/latency");
                let first = 1000 + u16::from_str_radix(&id[2..6], 16).unwrap_or(0) % 50_000;
                let thread = std::thread::Builder::new()
                    .name("omni-nfqueue".into())
                    .spawn(move || match delay::bind(netns.as_deref(), first, action) {
                        Ok(e) => {
                            let _ = tx.send(Ok(e.num));
                            Some(e.run(action, &mut rng, &s))
                        }
                        Err(err) => {
                            let _ = tx.send(Err(err));
                            None
                        }
                    })
                    .map_err(|e| Failure::io("starting the NFQUEUE thread", e))?;
                queue = rx
                    .recv()
                    .map_err(|_| Failure::new(Exit::Software, "the NFQUEUE thread ended"))??;
                engine = Some(thread);
            }
            let rules = net::rules(&spec, &scope, id, queue);
            let mut inserted = Ok(());
            for rule in &rules {
                leases.add_undo(id, Undo::Iptables { rule: rule.clone() })?;
                inserted = rule.insert();
                if inserted.is_err() {
                    break;
                }
            }
            let why = match inserted {
                Ok(()) => wait(end, &stop, &|| false),
                Err(e) => Err(e.into()),
            };
            stop.store(true, Ordering::SeqCst);
            let report = engine.and_then(|t| t.join().ok().flatten());
            Ok(ended(
                why?,
                serde_json::json!({"rules": rules, "queue": report}),
            ))
        }
        Plan::Pause { targets } => {
            leases.update(id, |l| {
                l.undo.extend(targets.iter().map(|t| Undo::Continue {
                    pid: t.pid,
                    start_ticks: t.start_ticks,
                }))
            })?;
            let hits = signal::send(&targets, libc::SIGSTOP);
            let why = wait(end, &stop, &|| false)?;
            Ok(ended(why, serde_json::json!({"paused": hits})))
        }
        Plan::Kill {
            selector,
            mode,
            protected,
            signal: sig,
            interval,
            first,
        } => {
            let mut hits = signal::send(&first, sig);
            let Some(every) = interval else {
                return Ok(ended(Why::Done, serde_json::json!({"killed": hits})));
            };
            let mut rng = ctx.governor.rng("chaos/targets/again");
            let mut why = Why::Done;
            while Instant::now() < end {
                let next = (Instant::now() + every).min(end);
                why = wait(next, &stop, &|| false)?;
                if why != Why::Done || Instant::now() >= end {
                    break;
                }
                // Nothing matching right now is fine: the service is down.
                if let Ok((again, _)) = target::choose(&selector, mode, &protected, &mut rng) {
                    hits.extend(signal::send(&again, sig));
                }
            }
            Ok(ended(why, serde_json::json!({"killed": hits})))
        }
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

const BY_SIGNAL: &str = "stopped by a signal";
const BY_STOP: &str = "stopped by omni chaos stop";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Why {
    Done,
    Signal,
    Stop,
    KillSwitch,
}

fn ended(why: Why, result: serde_json::Value) -> Held {
    let (state, reason) = match why {
        Why::Done => (LeaseState::Ended, None),
        Why::Signal => (LeaseState::Stopped, Some(BY_SIGNAL.to_string())),
        Why::Stop => (
            LeaseState::Stopped,
            Some("stopped through the supervisor".to_string()),
        ),
        Why::KillSwitch => (
            LeaseState::Stopped,
            Some("stopped by the kill switch".to_string()),
        ),
    };
    (state, reason, result)
}

/// Waits until `end`, a signal, a supervisor stop, a kill switch, or
/// `finished()`; says which.
fn wait(
    ctx: &Ctx,
    state: &Path,
    cancel: &tokio_util::sync::CancellationToken,
    end: Instant,
    stop: &AtomicBool,
    finished: &dyn Fn() -> bool,
) -> Result<Why, Failure> {
    let why = ctx.executor.block_on(async {
        loop {
            if kill_switch_on(state).is_some() {
                return Why::KillSwitch;
            }
            if ctx.stop_requested() {
                return Why::Stop;
            }
            let now = Instant::now();
            if now >= end || finished() {
                return Why::Done;
            }
            let nap = POLL.min(end - now);
            tokio::select! {
                () = cancel.cancelled() => return Why::Signal,
                () = tokio::time::sleep(nap) => {}
            }
        }
    })?;
    if why != Why::Done {
        stop.store(true, Ordering::SeqCst);
    }
    Ok(why)
}

/// Stops lease `id`: SIGTERM to its controller, then, after the grace,
/// SIGKILL and the give-back done here.
fn stop(
    ctx: &Ctx,
    leases: &Leases,
    id: &str,
) -> Result<crate::systems::chaos::lease::Lease, Failure> {
    let lease = leases.load(id)?;
    if lease.is_final() {
        return Ok(lease);
    }
    let grace = grace(ctx, "stop_grace");
    leases.update(id, |l| l.stop_requested = true)?;
    if let Some(c) = lease.controller {
        c.signal(libc::SIGTERM);
        let deadline = Instant::now() + grace;
        while Instant::now() < deadline && c.alive() {
            std::thread::sleep(Duration::from_millis(20));
        }
    }
    let (_, lease) = leases.update(id, |l| {
        if !l.is_final() {
            if let Some(c) = l.controller {
                c.signal(libc::SIGKILL);
            }
            l.finish(
                LeaseState::Stopped,
                Some(BY_STOP.into()),
                unix(SystemTime::now()),
            );
        }
    })?;
    Ok(lease)
}

/// Stops every fault, then (as root) deletes every omni-tagged kernel rule
/// no active lease holds: leftovers of a lost state directory or a crash.
fn stop_all(
    ctx: &Ctx,
    leases: &Leases,
    every_scope: bool,
) -> Result<Vec<crate::systems::chaos::lease::Lease>, Failure> {
    let (all, _) = leases.list()?;
    let stopped = all
        .iter()
        .filter(|l| !l.is_final())
        .map(|l| stop(ctx, leases, &l.id))
        .collect::<Result<Vec<_>, Failure>>()?;
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } == 0 {
        let (now, _) = leases.list()?;
        let active: Vec<String> = now
            .iter()
            .filter(|l| !l.is_final())
            .map(|l| l.id.clone())
            .collect();
        let scope = crate::systems::chaos::net::scope(leases.state());
        let scope = (!every_scope).then_some(scope.as_str());
        for rule in crate::systems::chaos::net::sweep(scope, &|id| active.iter().any(|a| a == id)) {
            ctx.output
                .note("omni chaos", &format!("swept a leftover rule: {rule}"));
        }
    }
    Ok(stopped)
}

fn list(ctx: &Ctx, state: &Path, leases: &Leases, all: bool) -> Outcome {
    let (mut found, bad) = leases.list()?;
    if !all {
        found.retain(|l| !l.is_final());
    }
    for e in bad {
        ctx.output.note("omni chaos", &format!("skipping {e}"));
    }
    ctx.output.emit(&LeaseList {
        leases: found,
        disabled: kill_switch_on(state),
    })?;
    Ok(Exit::Success)
}

fn switch(ctx: &Ctx, state: &Path, leases: &Leases, global: bool, on: bool) -> Outcome {
    let [machine, local] = kill_switches(state);
    let path = if global { machine } else { local };
    if on {
        if let Some(dir) = path.parent() {
            crate::runtime::state::ensure_dir(dir, 0o755)?;
        }
        std::fs::write(&path, b"omni chaos is disabled while this file exists\n")
            .map_err(|e| ChaosError::io("creating", &path, e))?;
        let stopped = stop_all(ctx, leases, global)?;
        ctx.output.emit(&LeaseList {
            leases: stopped,
            disabled: Some(path),
        })?;
    } else {
        match std::fs::remove_file(&path) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(ChaosError::io("removing", &path, e).into()),
        }
        ctx.output.emit(&LeaseList {
            leases: Vec::new(),
            disabled: kill_switch_on(state),
        })?;
    }
    Ok(Exit::Success)
}

fn report(ctx: &Ctx, leases: &Leases, args: &ReportArgs) -> Outcome {
    let (mut found, _) = leases.list()?;
    if !args.ids.is_empty() {
        for id in &args.ids {
            if !found.iter().any(|l| &l.id == id) {
                return Err(ChaosError::NoLease(id.clone()).into());
            }
        }
        found.retain(|l| args.ids.contains(&l.id));
    }
    let report = Report { leases: found };
    if args.markdown {
        ctx.output.raw(report.table().as_bytes())?;
    } else {
        ctx.output.emit(&report)?;
    }
    Ok(Exit::Success)
}

/// `omni chaos proxy`: the Toxiproxy-compatible proxy, until SIGTERM or a
/// supervisor stop. While a kill switch is on, every toxic is removed and
/// new ones are refused.
fn proxy(ctx: &Ctx, state: &Path, args: &ProxyArgs) -> Outcome {
    use crate::runtime::server::{Listening, ServerBuilder};
    use crate::systems::chaos::proxy::{ProxyRequest, Registry, api};
    if let Some(switch) = kill_switch_on(state) {
        return Err(ChaosError::Disabled(switch).into());
    }
    let populate: Vec<ProxyRequest> = match &args.populate {
        None => Vec::new(),
        Some(path) => {
            let bytes = std::fs::read(path).map_err(|e| ChaosError::io("reading", path, e))?;
            serde_json::from_slice(&bytes).map_err(|e| {
                Failure::new(
                    Exit::DataErr,
                    format!("{}: not a JSON array of proxies: {e}", path.display()),
                )
            })?
        }
    };
    if args.detach {
        let mut argv: Vec<OsString> = vec![
            "chaos".into(),
            "proxy".into(),
            "--listen".into(),
            args.listen.to_string().into(),
        ];
        if args.allow_public {
            argv.push("--allow-public".into());
        }
        if let Some(path) = &args.populate {
            argv.push("--populate".into());
            argv.push(std::path::absolute(path).unwrap_or(path.clone()).into());
        }
        let entry = ctx.detach("chaos", &format!("proxy on {}", args.listen), argv)?;
        ctx.output.emit(&entry)?;
        return Ok(Exit::Success);
    }
    let registry = Arc::new(Registry::new(
        args.allow_public,
        ctx.governor.rng("chaos/proxy"),
    ));
    ctx.executor.block_on(async {
        registry.populate(populate).await.map_err(|e| {
            Failure::new(
                if e.status == 400 {
                    Exit::DataErr
                } else {
                    Exit::Unavailable
                },
                format!("--populate: {e}"),
            )
        })?;
        let mut server = ServerBuilder::new("chaos-proxy")
            .bind(args.listen)
            .allow_public(args.allow_public)
            .routes(api::router(registry.clone()))
            .start()
            .await?;
        server.readiness().set_ready(true);
        ctx.output.emit(&Listening {
            url: format!("http://{}", server.local_addr()),
        })?;
        let switch = {
            let registry = registry.clone();
            let state = state.to_path_buf();
            tokio::spawn(async move {
                loop {
                    registry
                        .set_disabled(kill_switch_on(&state).is_some())
                        .await;
                    tokio::time::sleep(POLL).await;
                }
            })
        };
        let stopped = server.wait_or_stop(|| ctx.stop_requested()).await;
        switch.abort();
        registry.close_all().await;
        stopped?;
        Ok::<_, Failure>(Exit::Success)
    })?
}

/// The watchdog: polls the lease until it is final, giving it back when
/// its controller dies, its TTL passes or a kill switch appears. Bounded by
/// the TTL.
fn watchdog(state: &Path, leases: &Leases, id: &str) -> Outcome {
    loop {
        let lease = leases.load(id)?;
        if lease.is_final() {
            return Ok(Exit::Success);
        }
        let switch = kill_switch_on(state);
        let (given, _) = leases.update(id, |l| {
            if switch.is_some() && !l.is_final() {
                if let Some(c) = l.controller {
                    c.signal(libc::SIGKILL);
                }
                l.finish(
                    LeaseState::Stopped,
                    Some("stopped by the kill switch (watchdog)".into()),
                    unix(SystemTime::now()),
                );
                return true;
            }
            crate::systems::chaos::lease::give_back_if_due(l, unix(SystemTime::now()))
        })?;
        if given {
            return Ok(Exit::Success);
        }
        std::thread::sleep(POLL);
    }
}

// ------------------------------------------------------------------ reports

#[derive(Serialize)]
struct DryRun {
    fault: &'static str,
    duration: f64,
    plan: Vec<String>,
}

impl Render for DryRun {
    fn text(&self, w: &mut dyn Write, style: Style) -> io::Result<()> {
        writeln!(w, "{} (dry run: nothing changed)", style.bold("plan"))?;
        for line in &self.plan {
            writeln!(w, "  {line}")?;
        }
        Ok(())
    }
}

#[derive(Serialize)]
struct LeaseList {
    leases: Vec<crate::systems::chaos::lease::Lease>,
    /// The kill switch file that is on, if any.
    disabled: Option<PathBuf>,
}

fn when(unix_secs: f64) -> String {
    let t = SystemTime::UNIX_EPOCH + Duration::from_secs_f64(unix_secs.max(0.0));
    crate::runtime::time::format_rfc3339(t)
}

fn summary(l: &crate::systems::chaos::lease::Lease) -> String {
    if l.result.is_null() {
        return String::new();
    }
    let r = &l.result;
    match l.fault.as_str() {
        "cpu" => format!(
            "mean load {}% (target {}%)",
            r["mean_load"],
            l.params["load"].as_f64().unwrap_or(0.0)
        ),
        "memory" => match r["bytes"].as_u64() {
            Some(b) => format!("held {}", HumanSize(b)),
            None => String::new(),
        },
        "disk" => match r["bytes"].as_u64() {
            Some(b) => format!("filled {}", HumanSize(b)),
            None => String::new(),
        },
        "process-pause" => format!("paused {}", r["paused"].as_array().map_or(0, Vec::len)),
        "loss" | "partition" | "latency" | "reorder" | "duplicate" | "corrupt" => {
            format!("{} rules", r["rules"].as_array().map_or(0, Vec::len))
        }
        "process-kill" => format!(
            "{} signals delivered",
            r["killed"]
                .as_array()
                .map_or(0, |a| a.iter().filter(|h| h["delivered"] == true).count())
        ),
        _ => String::new(),
    }
}

impl Render for LeaseList {
    fn text(&self, w: &mut dyn Write, style: Style) -> io::Result<()> {
        if let Some(p) = &self.disabled {
            writeln!(
                w,
                "{} kill switch {} is on: no fault may start",
                style.bad("disabled:"),
                p.display()
            )?;
        }
        if self.leases.is_empty() {
            return writeln!(w, "no faults");
        }
        for l in &self.leases {
            let state = match l.state {
                LeaseState::Active | LeaseState::Ended => style.good(l.state.as_str()),
                LeaseState::Stopped => l.state.as_str().to_string(),
                _ => style.bad(l.state.as_str()),
            };
            writeln!(
                w,
                "{}  {:<13} {:<8} {}  {}",
                style.bold(&l.id),
                l.fault,
                state,
                when(l.created),
                summary(l)
            )?;
            for line in &l.plan {
                writeln!(w, "    {line}")?;
            }
            if let Some(r) = &l.reason {
                writeln!(w, "    {}", style.dim(r))?;
            }
            for e in &l.undo_errors {
                writeln!(w, "    {} {e}", style.bad("not given back:"))?;
            }
        }
        Ok(())
    }
}

#[derive(Serialize)]
struct Report {
    leases: Vec<crate::systems::chaos::lease::Lease>,
}

fn failure_of(l: &crate::systems::chaos::lease::Lease) -> Option<String> {
    if !l.undo_errors.is_empty() {
        return Some(format!("not given back: {}", l.undo_errors.join("; ")));
    }
    match l.state {
        LeaseState::Failed | LeaseState::Orphaned | LeaseState::Expired => Some(
            l.reason
                .clone()
                .unwrap_or_else(|| l.state.as_str().to_string()),
        ),
        _ => None,
    }
}

impl Report {
    fn table(&self) -> String {
        let mut out = String::from(
            "| lease | fault | state | started | duration | result | notes |\n|---|---|---|---|---|---|---|\n",
        );
        for l in &self.leases {
            let cell = |s: &str| s.replace('|', "\\|").replace('\n', " ");
            out.push_str(&format!(
                "| `{}` | {} | {} | {} | {}s | {} | {} |\n",
                l.id,
                l.fault,
                l.state.as_str(),
                when(l.created),
                l.duration,
                cell(&summary(l)),
                cell(
                    &failure_of(l)
                        .or_else(|| l.reason.clone())
                        .unwrap_or_default()
                )
            ));
        }
        out
    }
}

impl Render for Report {
    fn text(&self, w: &mut dyn Write, style: Style) -> io::Result<()> {
        LeaseList {
            leases: self.leases.clone(),
            disabled: None,
        }
        .text(w, style)
    }

    fn junit(&self) -> Option<String> {
        let cases: Vec<junit::Case> = self
            .leases
            .iter()
            .map(|l| junit::Case {
                classname: format!("omni chaos {}", l.fault),
                name: l.id.clone(),
                time: l.ended.map_or(0.0, |e| (e - l.created).max(0.0)),
                outcome: match (failure_of(l), l.state) {
                    (Some(f), _) => junit::Outcome::Failed(f),
                    (None, LeaseState::Active) => junit::Outcome::Skipped("still active".into()),
                    (None, _) => junit::Outcome::Passed,
                },
            })
            .collect();
        Some(junit::suites("omni chaos", &cases))
    }

    fn markdown(&self) -> Option<String> {
        Some(self.table())
    }
}
