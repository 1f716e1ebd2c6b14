//! `omni chaos run FILE`: a Chaos Toolkit experiment, its journal, and the
//! exit code a CI step can branch on (0 held, 1 deviated, 3 not met before
//! the method, 130 interrupted).

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use clap::Args;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::cli::Ctx;
use crate::runtime::error::{Exit, Failure};
use crate::runtime::junit;
use crate::runtime::output::{Outcome as Exitcome, Render, Style};
use crate::runtime::state::write_atomic;
use crate::systems::chaos::experiment::provider::{self, Context};
use crate::systems::chaos::experiment::runner::{
    self, Dry, HypothesisStrategy, Journal, Level, Observer, Options, Outcome, RollbackStrategy,
    Run, RunStatus, Signals, SteadyState,
};
use crate::systems::chaos::experiment::{self, CheckEnv, Experiment, Values, convert, name_of};
use crate::systems::chaos::lease::{LeaseState, Leases};
use crate::systems::chaos::{ChaosError, kill_switch_on};

/// Set for every child an experiment starts: `omni chaos inject` records it
/// in its lease, and the run stops the leases carrying its id when it ends.
pub const EXPERIMENT_VAR: &str = "OMNI_EXPERIMENT_RUN";

#[derive(Args, Debug)]
pub struct RunArgs {
    /// The experiment file (Chaos Toolkit format, JSON or YAML)
    file: PathBuf,
    /// Check the experiment and print what would run, with values substituted; run nothing
    #[arg(long)]
    dry_run: bool,
    /// Record these activities without running them (Chaos Toolkit's --dry)
    #[arg(long, value_name = "MODE", value_parser = ["probes", "actions", "activities", "pause"])]
    dry: Option<String>,
    /// When rollbacks run (default: always; Chaos Toolkit's "default" means always here)
    #[arg(long, value_name = "STRATEGY", value_parser = ["always", "never", "deviated", "default"])]
    rollback_strategy: Option<String>,
    /// When the steady-state hypothesis is checked
    #[arg(long, value_name = "STRATEGY", value_parser = [
        "default", "before-method-only", "after-method-only", "during-method-only", "continuously",
    ])]
    hypothesis_strategy: Option<String>,
    /// Seconds between two checks during the method (during-method-only, continuously)
    #[arg(long, default_value = "1", value_name = "SECONDS")]
    hypothesis_frequency: f64,
    /// Stop the method as soon as a check during it fails
    #[arg(long)]
    fail_fast: bool,
    /// Where the journal is written (Chaos Toolkit's format)
    #[arg(long, default_value = "journal.json", value_name = "FILE")]
    journal_path: PathBuf,
    /// A configuration value, overriding the experiment's (NAME[:TYPE]=VALUE; TYPE str, int, float, bool, json)
    #[arg(long = "var", value_name = "NAME=VALUE")]
    vars: Vec<String>,
    /// Configuration and secrets from a JSON or YAML file ({"configuration": {...}, "secrets": {...}}), or environment variables from a .env file
    #[arg(long = "var-file", value_name = "FILE")]
    var_files: Vec<PathBuf>,
    /// Do not verify TLS certificates in http activities
    #[arg(long)]
    no_verify_tls: bool,
    /// Run an experiment that declares controls, without them
    #[arg(long)]
    ignore_controls: bool,
    /// The Python interpreter for python activities
    #[arg(long, default_value = "python3", value_name = "PATH")]
    python: PathBuf,
}

/// `omni chaos run`.
pub fn run(ctx: &Ctx, state: &Path, leases: &Leases, args: &RunArgs) -> Exitcome {
    let usage = |e: String| Failure::new(Exit::Usage, e);
    let mut env: BTreeMap<String, String> = ctx
        .env
        .with_prefix("")
        .filter_map(|(k, v)| Some((k.to_owned(), v.to_str()?.to_owned())))
        .collect();
    let mut child_env: Vec<(OsString, OsString)> = Vec::new();
    let mut extra = Map::new();
    let mut extra_secrets = Map::new();
    for file in &args.var_files {
        read_var_file(
            file,
            &mut extra,
            &mut extra_secrets,
            &mut env,
            &mut child_env,
        )?;
    }
    for var in &args.vars {
        let (name, value) = parse_var(var).map_err(usage)?;
        extra.insert(name, value);
    }
    let raw = experiment::load(&args.file)?;
    let experiment = experiment::check(
        &args.file,
        raw,
        &CheckEnv {
            path_var: env.get("PATH").map(String::as_str),
            home: env.get("HOME").map(String::as_str),
            ignore_controls: args.ignore_controls,
        },
    )?;
    let values = Values::resolve(&experiment, &env, &extra, &extra_secrets)?;
    let (rollbacks, hypothesis) = Options::resolve(
        &experiment,
        args.rollback_strategy
            .as_deref()
            .map(RollbackStrategy::parse)
            .transpose()
            .map_err(usage)?,
        args.hypothesis_strategy
            .as_deref()
            .map(HypothesisStrategy::parse)
            .transpose()
            .map_err(usage)?,
    );
    if !(args.hypothesis_frequency.is_finite() && args.hypothesis_frequency > 0.0) {
        return Err(usage(format!(
            "--hypothesis-frequency {}: must be a positive number of seconds",
            args.hypothesis_frequency
        )));
    }
    let options = Options {
        rollbacks,
        hypothesis,
        frequency: Duration::from_secs_f64(args.hypothesis_frequency),
        fail_fast: args.fail_fast,
        dry: args
            .dry
            .as_deref()
            .map(Dry::parse)
            .transpose()
            .map_err(usage)?,
    };
    let python_calls = experiment.python_calls(&values);
    ctx.executor
        .block_on(provider::check_python(
            &python_calls,
            &args.python,
            &child_env,
        ))?
        .map_err(|reason| ChaosError::Experiment {
            path: args.file.clone(),
            reason,
        })?;
    if args.dry_run {
        ctx.output.emit(&plan(&experiment, &values, &options))?;
        return Ok(Exit::Success);
    }
    if let Some(switch) = kill_switch_on(state) {
        return Err(ChaosError::Disabled(switch).into());
    }
    let id = format!("x-{:08x}", rand::random::<u32>());
    child_env.push((EXPERIMENT_VAR.into(), id.clone().into()));
    let provider_ctx = Context {
        values,
        path_var: env.get("PATH").cloned(),
        home: env.get("HOME").cloned(),
        child_env,
        python: args.python.clone(),
        grace: Duration::from_secs(2),
        no_verify_tls: args.no_verify_tls,
    };
    let progress = Progress {
        quiet: ctx.output.quiet(),
        color: ctx.output.color_err(),
        sink: ctx,
    };
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let observer: Arc<dyn Observer> = Arc::new(Channel(tx));
    let host = host();
    let journal = ctx.executor.block_on(async {
        let signals = signals(state.to_path_buf());
        let run = runner::run(
            &experiment,
            provider_ctx,
            &options,
            &host,
            observer,
            &signals,
        );
        // NB: the runner drops its observer when it returns, which ends
        // this loop once the last line is printed.
        let print = async {
            while let Some((level, message)) = rx.recv().await {
                progress.print(level, &message);
            }
        };
        tokio::join!(run, print).0
    })?;
    // Faults the experiment started and did not stop: given back now.
    let mut given_back = Vec::new();
    let (found, _) = leases.list()?;
    for lease in found {
        if lease.experiment.as_deref() == Some(id.as_str()) && lease.state == LeaseState::Active {
            let stopped = super::stop(ctx, leases, &lease.id)?;
            given_back.push(stopped.id);
        }
    }
    let mut bytes = serde_json::to_vec_pretty(&journal)
        .map_err(|e| Failure::new(Exit::Software, format!("encoding the journal: {e}")))?;
    bytes.push(b'\n');
    write_atomic(&args.journal_path, &bytes, 0o644).map_err(|e| {
        Failure::new(
            Exit::IoErr,
            format!("writing the journal {}: {e}", args.journal_path.display()),
        )
    })?;
    let exit = match journal.omni.outcome {
        Outcome::Held => Exit::Success,
        Outcome::Deviated => Exit::Negative,
        Outcome::NotMetBefore => Exit::Inconclusive,
        Outcome::Interrupted => Exit::Interrupted,
    };
    ctx.output.emit(&RunReport {
        journal,
        journal_path: args.journal_path.clone(),
        given_back,
    })?;
    Ok(exit)
}

/// Hands the runner's progress to the thread that prints it.
struct Channel(tokio::sync::mpsc::UnboundedSender<(Level, String)>);

impl Observer for Channel {
    fn log(&self, level: Level, message: &str) {
        let _ = self.0.send((level, message.to_owned()));
    }
}

/// Progress lines on stderr, like Chaos Toolkit's log (none under `-q`).
struct Progress<'a> {
    quiet: bool,
    color: bool,
    sink: &'a Ctx,
}

impl Progress<'_> {
    fn print(&self, level: Level, message: &str) {
        // NB: -q silences the whole log; the summary on stdout (and the
        // journal) say how the run went.
        if self.quiet {
            return;
        }
        let stamp = crate::runtime::time::format_rfc3339(SystemTime::now());
        let stamp = stamp.get(..19).unwrap_or(&stamp).replace('T', " ");
        let style = Style::new(self.color);
        let word = match level {
            Level::Info => "INFO".to_owned(),
            Level::Warning => style.bad("WARNING"),
            Level::Error => style.bad("ERROR"),
        };
        self.sink
            .output
            .raw_err(&format!("[{stamp} {word}] {message}\n"));
    }
}

/// SIGINT/SIGTERM: the first interrupts the method, the second the
/// rollbacks. A kill switch appearing interrupts the method too (its faults'
/// controllers give them back on their own).
fn signals(state: PathBuf) -> Signals {
    let [interrupt, abort] = crate::runtime::process::cancel_on_signals_staged();
    let switched = interrupt.clone();
    tokio::spawn(async move {
        while !switched.is_cancelled() {
            if kill_switch_on(&state).is_some() {
                switched.cancel();
                break;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    });
    Signals { interrupt, abort }
}

fn host() -> runner::Host {
    // SAFETY: uname fills the zeroed struct it is given; the fields are
    // NUL-terminated C strings within their arrays.
    let uts = unsafe {
        let mut uts: libc::utsname = std::mem::zeroed();
        libc::uname(&mut uts);
        uts
    };
    let field = |f: &[libc::c_char]| {
        let bytes: Vec<u8> = f
            .iter()
            .take_while(|c| **c != 0)
            .map(|c| *c as u8)
            .collect();
        String::from_utf8_lossy(&bytes).into_owned()
    };
    runner::Host {
        platform: format!(
            "{}-{}-{}",
            field(&uts.sysname),
            field(&uts.release),
            field(&uts.machine)
        ),
        node: field(&uts.nodename),
    }
}

/// `--var NAME[:TYPE]=VALUE`.
fn parse_var(text: &str) -> Result<(String, Value), String> {
    let (key, value) = text
        .split_once('=')
        .ok_or_else(|| format!("--var {text}: expected NAME[:TYPE]=VALUE"))?;
    let (name, ty) = match key.rsplit_once(':') {
        Some((name, ty)) => (name, ty),
        None => (key, "str"),
    };
    if name.is_empty() {
        return Err(format!("--var {text}: the name is empty"));
    }
    let value = convert(ty, value).map_err(|e| format!("--var {text}: {e}"))?;
    Ok((name.to_owned(), value))
}

/// A `--var-file`: JSON or YAML with `configuration` and `secrets`, or a
/// `.env` file of `NAME=VALUE` lines (for `env` entries and children).
fn read_var_file(
    path: &Path,
    extra: &mut Map<String, Value>,
    secrets: &mut Map<String, Value>,
    env: &mut BTreeMap<String, String>,
    child_env: &mut Vec<(OsString, OsString)>,
) -> Result<(), Failure> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Failure::from(ChaosError::io("reading", path, e)))?;
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
    let bad = |reason: String| {
        Failure::new(
            Exit::DataErr,
            format!("--var-file {}: {reason}", path.display()),
        )
    };
    let data: Option<Value> = match ext {
        "json" => Some(serde_json::from_str(&text).map_err(|e| bad(e.to_string()))?),
        "yaml" | "yml" => Some(serde_norway::from_str(&text).map_err(|e| bad(e.to_string()))?),
        _ => None,
    };
    match data {
        Some(Value::Object(data)) => {
            for (key, target) in [("configuration", &mut *extra), ("secrets", &mut *secrets)] {
                match data.get(key) {
                    None | Some(Value::Null) => {}
                    Some(Value::Object(map)) => target.extend(map.clone()),
                    Some(_) => return Err(bad(format!("{key} must be a mapping"))),
                }
            }
            Ok(())
        }
        Some(_) => Err(bad(
            "expected a mapping with configuration and secrets".into()
        )),
        None => {
            for (n, line) in text.lines().enumerate() {
                let line = line.trim();
                if line.is_empty() || line.starts_with('#') {
                    continue;
                }
                let line = line.strip_prefix("export ").unwrap_or(line);
                let (k, v) = line
                    .split_once('=')
                    .ok_or_else(|| bad(format!("line {}: expected NAME=VALUE", n + 1)))?;
                let v = v.trim().trim_matches('"').to_owned();
                env.insert(k.trim().to_owned(), v.clone());
                child_env.push((k.trim().into(), v.into()));
            }
            Ok(())
        }
    }
}

/// `--dry-run`: what would run, in order, with values substituted.
#[derive(Serialize)]
struct Plan {
    experiment: String,
    path: PathBuf,
    hypothesis_strategy: HypothesisStrategy,
    rollback_strategy: RollbackStrategy,
    steps: Vec<Step>,
}

#[derive(Serialize)]
struct Step {
    phase: &'static str,
    #[serde(rename = "type")]
    kind: String,
    name: String,
    does: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    tolerance: Option<Value>,
    background: bool,
    #[serde(skip_serializing_if = "Value::is_null")]
    pauses: Value,
}

fn plan(experiment: &Experiment, values: &Values, options: &Options) -> Plan {
    let raw = &experiment.raw;
    let list = |key: &str| -> Vec<Value> {
        raw.get(key)
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default()
    };
    let probes = raw
        .get("steady-state-hypothesis")
        .and_then(|h| h.get("probes"))
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let step = |phase: &'static str, entry: &Value| {
        let activity = match entry.get("ref").and_then(Value::as_str) {
            Some(r) => experiment.named.get(r).cloned().unwrap_or(entry.clone()),
            None => entry.clone(),
        };
        Step {
            phase,
            kind: activity
                .get("type")
                .and_then(Value::as_str)
                .unwrap_or("action")
                .to_owned(),
            name: name_of(&activity).to_owned(),
            does: describe(&values.substitute(activity.get("provider").unwrap_or(&Value::Null))),
            tolerance: entry.get("tolerance").map(|t| values.substitute(t)),
            background: activity.get("background").and_then(Value::as_bool) == Some(true),
            pauses: values.substitute(activity.get("pauses").unwrap_or(&Value::Null)),
        }
    };
    let mut steps = Vec::new();
    if options.hypothesis != HypothesisStrategy::AfterMethodOnly
        && options.hypothesis != HypothesisStrategy::DuringMethodOnly
    {
        steps.extend(probes.iter().map(|p| step("hypothesis before", p)));
    }
    steps.extend(list("method").iter().map(|a| step("method", a)));
    if matches!(
        options.hypothesis,
        HypothesisStrategy::Default
            | HypothesisStrategy::AfterMethodOnly
            | HypothesisStrategy::Continuously
    ) {
        steps.extend(probes.iter().map(|p| step("hypothesis after", p)));
    }
    let phase = match options.rollbacks {
        RollbackStrategy::Always => "rollbacks",
        RollbackStrategy::Deviated => "rollbacks (if deviated)",
        RollbackStrategy::Never => "rollbacks (never played)",
    };
    let rollbacks = list("rollbacks");
    steps.extend(rollbacks.iter().map(|a| step(phase, a)));
    if options.rollbacks != RollbackStrategy::Never && !rollbacks.is_empty() {
        steps.extend(probes.iter().map(|p| step("hypothesis after rollbacks", p)));
    }
    Plan {
        experiment: experiment.title.clone(),
        path: experiment.path.clone(),
        hypothesis_strategy: options.hypothesis,
        rollback_strategy: options.rollbacks,
        steps,
    }
}

/// One line saying what a provider does.
fn describe(provider: &Value) -> String {
    let s = |k: &str| provider.get(k).map(experiment::py_str).unwrap_or_default();
    match provider.get("type").and_then(Value::as_str) {
        Some("process") => match provider.get("arguments") {
            Some(Value::String(a)) => format!("run {} {a}", s("path")),
            Some(Value::Array(items)) => format!(
                "run {} {}",
                s("path"),
                items
                    .iter()
                    .map(experiment::py_str)
                    .collect::<Vec<_>>()
                    .join(" ")
            ),
            Some(Value::Object(map)) => format!(
                "run {} {}",
                s("path"),
                map.iter()
                    .map(|(k, v)| format!("{k} {}", experiment::py_str(v)))
                    .collect::<Vec<_>>()
                    .join(" ")
            ),
            _ => format!("run {}", s("path")),
        },
        Some("http") => format!(
            "{} {}",
            provider
                .get("method")
                .and_then(Value::as_str)
                .unwrap_or("GET")
                .to_ascii_uppercase(),
            s("url")
        ),
        Some("tcp") => format!("connect to {}", s("address")),
        Some("python") => format!(
            "call {}.{}({})",
            s("module"),
            s("func"),
            provider
                .get("arguments")
                .and_then(Value::as_object)
                .map(|a| {
                    a.iter()
                        .map(|(k, v)| format!("{k}={v}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                })
                .unwrap_or_default()
        ),
        _ => provider.to_string(),
    }
}

impl Render for Plan {
    fn text(&self, w: &mut dyn Write, style: Style) -> io::Result<()> {
        writeln!(
            w,
            "{}  {}",
            style.bold(&self.experiment),
            style.dim(&self.path.display().to_string())
        )?;
        writeln!(
            w,
            "hypothesis strategy {}, rollbacks {}; nothing was run",
            self.hypothesis_strategy.as_str(),
            self.rollback_strategy.as_str()
        )?;
        let mut phase = "";
        for step in &self.steps {
            if step.phase != phase {
                phase = step.phase;
                writeln!(w, "{}", style.bold(phase))?;
            }
            write!(w, "  {:<6} {}  {}", step.kind, step.name, step.does)?;
            if let Some(t) = &step.tolerance {
                write!(w, "  {}", style.dim(&format!("tolerance {t}")))?;
            }
            if step.background {
                write!(w, "  {}", style.dim("[background]"))?;
            }
            if !step.pauses.is_null() {
                write!(w, "  {}", style.dim(&format!("pauses {}", step.pauses)))?;
            }
            writeln!(w)?;
        }
        Ok(())
    }
}

/// What `run` reports: the journal (JSON), a summary (text), cases (JUnit).
#[derive(Serialize)]
#[serde(transparent)]
struct RunReport {
    journal: Journal,
    #[serde(skip)]
    journal_path: PathBuf,
    #[serde(skip)]
    given_back: Vec<String>,
}

fn checked(state: &Option<SteadyState>) -> &'static str {
    match state {
        None => "not checked",
        Some(s) if s.steady_state_met => "met",
        Some(_) => "NOT met",
    }
}

impl RunReport {
    fn outcome_text(&self) -> &'static str {
        match self.journal.omni.outcome {
            Outcome::Held => "held",
            Outcome::Deviated => "deviated",
            Outcome::NotMetBefore => "not met before the method (nothing was played)",
            Outcome::Interrupted => "interrupted",
        }
    }

    fn rows(&self) -> Vec<(String, String)> {
        let j = &self.journal;
        let failed = |runs: &[Run]| {
            runs.iter()
                .filter(|r| r.status == RunStatus::Failed)
                .count()
        };
        let mut rows = vec![
            (
                "experiment".to_owned(),
                j.experiment
                    .get("title")
                    .map(experiment::py_str)
                    .unwrap_or_default(),
            ),
            ("outcome".into(), self.outcome_text().into()),
            (
                "status".into(),
                format!(
                    "{}{}",
                    j.status.word(),
                    if j.deviated { ", deviated" } else { "" }
                ),
            ),
            (
                "hypothesis".into(),
                format!(
                    "before: {}, after: {}, after rollbacks: {}{}",
                    checked(&j.steady_states.before),
                    checked(&j.steady_states.after),
                    checked(&j.steady_states.after_rollbacks),
                    if j.steady_states.during.is_empty() {
                        String::new()
                    } else {
                        format!(
                            ", during: {} of {} met",
                            j.steady_states
                                .during
                                .iter()
                                .filter(|s| s.steady_state_met)
                                .count(),
                            j.steady_states.during.len()
                        )
                    }
                ),
            ),
            (
                "method".into(),
                format!("{} played, {} failed", j.run.len(), failed(&j.run)),
            ),
            (
                "rollbacks".into(),
                if j.omni.rollbacks_played {
                    format!(
                        "{} played, {} failed",
                        j.rollbacks.len(),
                        failed(&j.rollbacks)
                    )
                } else {
                    "not played".into()
                },
            ),
        ];
        if !self.given_back.is_empty() {
            rows.push((
                "faults".into(),
                format!("given back at the end: {}", self.given_back.join(", ")),
            ));
        }
        rows.push(("journal".into(), self.journal_path.display().to_string()));
        rows.push(("duration".into(), format!("{:.2}s", j.duration)));
        rows
    }

    fn cases(&self) -> Vec<junit::Case> {
        let j = &self.journal;
        let mut cases = Vec::new();
        let mut probes = |phase: &str, state: &SteadyState| {
            for p in &state.probes {
                let outcome = match (p.status, p.tolerance_met) {
                    (RunStatus::Failed, _) => {
                        junit::Outcome::Failed(p.error().unwrap_or("failed").to_owned())
                    }
                    (_, Some(false)) => junit::Outcome::Failed(
                        p.tolerance_reason
                            .clone()
                            .unwrap_or_else(|| "not within tolerance".into()),
                    ),
                    _ => junit::Outcome::Passed,
                };
                cases.push(junit::Case {
                    classname: format!("steady state {phase}"),
                    name: p.name().to_owned(),
                    time: p.duration,
                    outcome,
                });
            }
        };
        if let Some(s) = &j.steady_states.before {
            probes("before", s);
        }
        for (i, s) in j.steady_states.during.iter().enumerate() {
            probes(&format!("during #{}", i + 1), s);
        }
        if let Some(s) = &j.steady_states.after {
            probes("after", s);
        }
        if let Some(s) = &j.steady_states.after_rollbacks {
            probes("after rollbacks", s);
        }
        for (phase, runs) in [("method", &j.run), ("rollbacks", &j.rollbacks)] {
            for r in runs {
                cases.push(junit::Case {
                    classname: phase.to_owned(),
                    name: r.name().to_owned(),
                    time: r.duration,
                    outcome: match r.status {
                        RunStatus::Failed => {
                            junit::Outcome::Failed(r.error().unwrap_or("failed").to_owned())
                        }
                        RunStatus::Succeeded => junit::Outcome::Passed,
                    },
                });
            }
        }
        cases
    }
}

impl Render for RunReport {
    fn text(&self, w: &mut dyn Write, style: Style) -> io::Result<()> {
        for (k, v) in self.rows() {
            let v = match (k.as_str(), self.journal.omni.outcome) {
                ("outcome", Outcome::Held) => style.good(&v),
                ("outcome", _) => style.bad(&v),
                _ => v,
            };
            writeln!(w, "{:<11} {v}", style.bold(&k))?;
        }
        Ok(())
    }

    fn junit(&self) -> Option<String> {
        let title = self
            .journal
            .experiment
            .get("title")
            .map(experiment::py_str)
            .unwrap_or_default();
        Some(junit::suites(
            &format!("omni chaos run: {title}"),
            &self.cases(),
        ))
    }

    fn markdown(&self) -> Option<String> {
        let mut out = String::from("| | |\n|---|---|\n");
        for (k, v) in self.rows() {
            out.push_str(&format!("| {k} | {} |\n", v.replace('|', "\\|")));
        }
        let steps = self.cases();
        if !steps.is_empty() {
            out.push_str("\n| phase | activity | result | seconds |\n|---|---|---|---|\n");
            for c in steps {
                let result = match &c.outcome {
                    junit::Outcome::Passed => "ok".to_owned(),
                    junit::Outcome::Failed(m) => format!("**failed**: {}", m.replace('|', "\\|")),
                    junit::Outcome::Skipped(m) => format!("skipped: {m}"),
                };
                out.push_str(&format!(
                    "| {} | {} | {result} | {:.3} |\n",
                    c.classname,
                    c.name.replace('|', "\\|"),
                    c.time
                ));
            }
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vars_take_chaos_toolkits_types() {
        assert_eq!(
            parse_var("port:int=8080").unwrap(),
            ("port".into(), Value::from(8080))
        );
        assert_eq!(
            parse_var("url=http://x:1/").unwrap().1,
            Value::from("http://x:1/")
        );
        assert!(parse_var("nothing").is_err());
        assert!(parse_var("n:int=x").is_err());
    }
}
