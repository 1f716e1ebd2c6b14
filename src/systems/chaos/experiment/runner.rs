//! Running an experiment: hypothesis, method, hypothesis, rollbacks, and
//! the hypothesis once more; the journal records every step.
//!
//! The order, as Chaos Toolkit's `run_experiment` (chaoslib/run.py):
//! 1. the steady-state hypothesis, unless the strategy skips it before the
//!    method; if it does not hold, the method is not played (`status`
//!    `completed`, or `failed` when a probe could not run), and the run's
//!    outcome is "not met before": nothing was learned;
//! 2. the method, activity after activity, `background` ones alongside;
//!    with the `during-method-only` or `continuously` strategy the
//!    hypothesis is also checked every `frequency`, and `--fail-fast` stops
//!    the method at the first deviation;
//! 3. the hypothesis again: if it no longer holds, the run `deviated`;
//! 4. the rollbacks (omni: unless the strategy is `never`, or `deviated`
//!    and the run did not deviate), then the hypothesis once more, recorded
//!    as `steady_states.after_rollbacks`: was the system restored?
//!
//! Interruption: the first SIGINT/SIGTERM ([`Signals::interrupt`]) stops
//! the method (its running processes are stopped as a group) and the run
//! goes on to the rollbacks; a second ([`Signals::abort`]) stops the
//! rollbacks too.
//!
//! Nothing here prints: progress goes to an [`Observer`].

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use serde::Serialize;
use serde_json::{Map, Value};
use tokio_util::sync::CancellationToken;

use super::provider::{self, Context};
use super::tolerance::{self, Verdict};
use super::{Experiment, name_of};
use crate::runtime::time::format_iso_micros;

/// When the rollbacks are played.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RollbackStrategy {
    /// Every time (omni's default; Chaos Toolkit's `default` means this here).
    Always,
    /// Never: the user takes care of it.
    Never,
    /// Only when the run deviated.
    Deviated,
}

impl RollbackStrategy {
    pub fn as_str(self) -> &'static str {
        match self {
            RollbackStrategy::Always => "always",
            RollbackStrategy::Never => "never",
            RollbackStrategy::Deviated => "deviated",
        }
    }

    pub fn parse(text: &str) -> Result<RollbackStrategy, String> {
        match text {
            "always" | "default" => Ok(RollbackStrategy::Always),
            "never" => Ok(RollbackStrategy::Never),
            "deviated" => Ok(RollbackStrategy::Deviated),
            other => Err(format!(
                "rollback strategy '{other}': expected always, never, deviated or default"
            )),
        }
    }
}

/// When the hypothesis is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum HypothesisStrategy {
    /// Before and after the method.
    Default,
    BeforeMethodOnly,
    AfterMethodOnly,
    /// Every `frequency` while the method plays.
    DuringMethodOnly,
    /// Before, during and after.
    Continuously,
}

impl HypothesisStrategy {
    pub fn as_str(self) -> &'static str {
        match self {
            HypothesisStrategy::Default => "default",
            HypothesisStrategy::BeforeMethodOnly => "before-method-only",
            HypothesisStrategy::AfterMethodOnly => "after-method-only",
            HypothesisStrategy::DuringMethodOnly => "during-method-only",
            HypothesisStrategy::Continuously => "continuously",
        }
    }

    pub fn parse(text: &str) -> Result<HypothesisStrategy, String> {
        match text {
            "default" => Ok(HypothesisStrategy::Default),
            "before-method-only" => Ok(HypothesisStrategy::BeforeMethodOnly),
            "after-method-only" => Ok(HypothesisStrategy::AfterMethodOnly),
            "during-method-only" => Ok(HypothesisStrategy::DuringMethodOnly),
            // Chaos Toolkit accepts its historical misspelling too.
            "continuously" | "continously" => Ok(HypothesisStrategy::Continuously),
            other => Err(format!(
                "hypothesis strategy '{other}': expected default, before-method-only, \
                 after-method-only, during-method-only or continuously"
            )),
        }
    }

    fn before(self) -> bool {
        matches!(
            self,
            HypothesisStrategy::Default
                | HypothesisStrategy::BeforeMethodOnly
                | HypothesisStrategy::Continuously
        )
    }

    fn after(self) -> bool {
        matches!(
            self,
            HypothesisStrategy::Default
                | HypothesisStrategy::AfterMethodOnly
                | HypothesisStrategy::Continuously
        )
    }

    fn during(self) -> bool {
        matches!(
            self,
            HypothesisStrategy::DuringMethodOnly | HypothesisStrategy::Continuously
        )
    }
}

/// Chaos Toolkit's `--dry`: which activities are recorded without running.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Dry {
    Probes,
    Actions,
    Activities,
    /// Run everything but skip the pauses.
    Pause,
}

impl Dry {
    pub fn parse(text: &str) -> Result<Dry, String> {
        match text {
            "probes" => Ok(Dry::Probes),
            "actions" => Ok(Dry::Actions),
            "activities" => Ok(Dry::Activities),
            "pause" => Ok(Dry::Pause),
            other => Err(format!(
                "dry mode '{other}': expected probes, actions, activities or pause"
            )),
        }
    }
}

/// How to run.
#[derive(Debug, Clone)]
pub struct Options {
    pub rollbacks: RollbackStrategy,
    pub hypothesis: HypothesisStrategy,
    /// Between two checks during the method.
    pub frequency: Duration,
    /// Stop the method at the first deviation seen during it.
    pub fail_fast: bool,
    pub dry: Option<Dry>,
}

impl Options {
    /// The experiment's own `runtime` section, under what the caller gave.
    pub fn resolve(
        experiment: &Experiment,
        rollbacks: Option<RollbackStrategy>,
        hypothesis: Option<HypothesisStrategy>,
    ) -> (RollbackStrategy, HypothesisStrategy) {
        let from_file = |section: &str| {
            experiment
                .raw
                .get("runtime")
                .and_then(|r| r.get(section))
                .and_then(|s| s.get("strategy"))
                .and_then(Value::as_str)
        };
        let rollbacks = rollbacks
            .or_else(|| from_file("rollbacks").and_then(|s| RollbackStrategy::parse(s).ok()))
            .unwrap_or(RollbackStrategy::Always);
        let hypothesis = hypothesis
            .or_else(|| from_file("hypothesis").and_then(|s| HypothesisStrategy::parse(s).ok()))
            .unwrap_or(HypothesisStrategy::Default);
        (rollbacks, hypothesis)
    }
}

/// The host, for the journal.
#[derive(Debug, Clone)]
pub struct Host {
    pub platform: String,
    pub node: String,
}

/// How loud a progress message is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Info,
    Warning,
    Error,
}

/// Receives progress messages.
pub trait Observer: Send + Sync {
    fn log(&self, level: Level, message: &str);
}

/// The two stops a user can ask for.
#[derive(Debug, Clone, Default)]
pub struct Signals {
    /// Stop the method (first signal).
    pub interrupt: CancellationToken,
    /// Stop the rollbacks too (second signal).
    pub abort: CancellationToken,
}

/// How one activity ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RunStatus {
    Succeeded,
    Failed,
}

/// One activity's record (Chaos Toolkit's "run").
#[derive(Debug, Clone, Serialize)]
pub struct Run {
    pub activity: Value,
    pub output: Value,
    pub start: String,
    pub status: RunStatus,
    pub end: String,
    pub duration: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exception: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tolerance_met: Option<bool>,
    /// omni: why the tolerance was not met.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tolerance_reason: Option<String>,
}

impl Run {
    pub fn name(&self) -> &str {
        name_of(&self.activity)
    }

    /// The failure's message, if it failed.
    pub fn error(&self) -> Option<&str> {
        self.exception
            .as_ref()
            .and_then(|e| e.last())
            .map(String::as_str)
    }
}

/// One check of the hypothesis.
#[derive(Debug, Clone, Serialize)]
pub struct SteadyState {
    pub steady_state_met: bool,
    pub probes: Vec<Run>,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct SteadyStates {
    pub before: Option<SteadyState>,
    pub after: Option<SteadyState>,
    pub during: Vec<SteadyState>,
    /// omni: the check after the rollbacks.
    pub after_rollbacks: Option<SteadyState>,
}

/// The run's status, as Chaos Toolkit's journal spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Completed,
    Failed,
    Aborted,
    Interrupted,
}

impl Status {
    pub fn word(self) -> &'static str {
        match self {
            Status::Completed => "completed",
            Status::Failed => "failed",
            Status::Aborted => "aborted",
            Status::Interrupted => "interrupted",
        }
    }
}

/// What the run showed, omni's one-word answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// The hypothesis held throughout (and after the rollbacks).
    Held,
    /// It stopped holding: during or after the method, or after the rollbacks.
    Deviated,
    /// It did not hold before the method, which was not played.
    NotMetBefore,
    /// A signal stopped the run.
    Interrupted,
}

/// omni's additions to the journal.
#[derive(Debug, Clone, Serialize)]
pub struct Notes {
    pub version: String,
    pub outcome: Outcome,
    pub rollback_strategy: RollbackStrategy,
    pub hypothesis_strategy: HypothesisStrategy,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dry: Option<Dry>,
    pub rollbacks_played: bool,
    /// Whether the hypothesis held after the rollbacks (`None`: not checked).
    pub restored: Option<bool>,
}

/// The journal, shaped like Chaos Toolkit's (same keys, same order), with
/// omni's notes under `omni`.
#[derive(Debug, Clone, Serialize)]
pub struct Journal {
    #[serde(rename = "chaoslib-version")]
    pub chaoslib_version: String,
    pub platform: String,
    pub node: String,
    pub experiment: Value,
    pub start: String,
    pub status: Status,
    pub deviated: bool,
    pub steady_states: SteadyStates,
    pub run: Vec<Run>,
    pub rollbacks: Vec<Run>,
    pub end: String,
    pub duration: f64,
    pub omni: Notes,
}

struct Runner {
    experiment: Experiment,
    ctx: Context,
    dry: Option<Dry>,
    observer: Arc<dyn Observer>,
}

/// Runs `experiment` to its end and returns the journal.
pub async fn run(
    experiment: &Experiment,
    ctx: Context,
    options: &Options,
    host: &Host,
    observer: Arc<dyn Observer>,
    signals: &Signals,
) -> Journal {
    let runner = Arc::new(Runner {
        experiment: experiment.clone(),
        ctx,
        dry: options.dry,
        observer,
    });
    let clock = Instant::now();
    let start = format_iso_micros(SystemTime::now());
    let mut title = experiment.raw.clone();
    if let Some(t) = title.get("title").cloned() {
        title["title"] = runner.ctx.values.substitute(&t);
    }
    let say = |level, message: &str| runner.observer.log(level, message);
    say(
        Level::Info,
        &format!("Running experiment: {}", tolerance_text(&title["title"])),
    );
    say(
        Level::Info,
        &format!(
            "Steady-state strategy: {}, rollbacks strategy: {}",
            options.hypothesis.as_str(),
            options.rollbacks.as_str()
        ),
    );
    let has_probes = runner.probes().is_some_and(|p| !p.is_empty());
    if !has_probes {
        say(
            Level::Info,
            "No steady state hypothesis defined. That's ok, just exploring.",
        );
    }
    let mut states = SteadyStates::default();
    let mut status: Option<Status> = None;
    let mut deviated = false;
    let mut outcome = Outcome::Held;
    let mut method_runs = Vec::new();

    let gate = if has_probes && options.hypothesis.before() {
        let state = runner.hypothesis(&signals.interrupt).await;
        let met = state.steady_state_met;
        let errored = state.probes.iter().any(|p| p.status == RunStatus::Failed);
        states.before = Some(state);
        if signals.interrupt.is_cancelled() {
            status = Some(Status::Interrupted);
            false
        } else if !met {
            status = Some(if errored {
                Status::Failed
            } else {
                Status::Completed
            });
            outcome = Outcome::NotMetBefore;
            say(
                Level::Error,
                "Steady state hypothesis did not hold before the method; the method is not played",
            );
            false
        } else {
            true
        }
    } else {
        true
    };

    if gate {
        // The hypothesis during the method, in the background.
        let halt = CancellationToken::new();
        let method_done = CancellationToken::new();
        let during = (has_probes && options.hypothesis.during()).then(|| {
            let runner = runner.clone();
            let halt = halt.clone();
            let done = method_done.clone();
            let interrupt = signals.interrupt.clone();
            let (frequency, fail_fast) = (options.frequency, options.fail_fast);
            tokio::spawn(async move {
                runner
                    .continuously(frequency, fail_fast, &halt, &done, &interrupt)
                    .await
            })
        });
        say(Level::Info, "Playing your experiment's method now...");
        method_runs = runner.method(&halt, &signals.interrupt).await;
        method_done.cancel();
        let mut failed_during = false;
        if let Some(task) = during {
            let (checks, failed) = task.await.unwrap_or_default();
            states.during = checks;
            failed_during = failed;
        }
        if signals.interrupt.is_cancelled() {
            status = Some(Status::Interrupted);
        } else if failed_during && options.fail_fast {
            status = Some(Status::Failed);
        }
        if states.during.iter().any(|s| !s.steady_state_met) {
            outcome = Outcome::Deviated;
        }
        if status.is_none() && has_probes && options.hypothesis.after() {
            let state = runner.hypothesis(&signals.interrupt).await;
            if signals.interrupt.is_cancelled() {
                status = Some(Status::Interrupted);
            } else if !state.steady_state_met {
                deviated = true;
                outcome = Outcome::Deviated;
                let errored = state.probes.iter().any(|p| p.status == RunStatus::Failed);
                status = Some(if errored {
                    Status::Failed
                } else {
                    Status::Completed
                });
                say(
                    Level::Error,
                    "The steady-state has deviated, a weakness may have been discovered",
                );
            }
            states.after = Some(state);
        }
    }

    // Rollbacks: always, unless the user said otherwise.
    let play = match options.rollbacks {
        RollbackStrategy::Always => true,
        RollbackStrategy::Never => {
            say(
                Level::Warning,
                "Rollbacks were explicitly requested to not be played",
            );
            false
        }
        RollbackStrategy::Deviated => {
            if !deviated {
                say(
                    Level::Warning,
                    "Rollbacks are played only when the experiment deviated, and it did not",
                );
            }
            deviated
        }
    };
    let mut rollback_runs = Vec::new();
    let mut restored = None;
    if play {
        let declared = runner.rollbacks();
        if declared.is_empty() {
            say(Level::Info, "No declared rollbacks, let's move on.");
        } else {
            say(Level::Info, "Let's rollback...");
            rollback_runs = runner.activities(declared, &signals.abort, None).await;
            if signals.abort.is_cancelled() {
                status = Some(Status::Interrupted);
                say(
                    Level::Error,
                    "Stopped during the rollbacks: the remaining ones were not played",
                );
            } else if has_probes && runner.dry != Some(Dry::Activities) {
                say(
                    Level::Info,
                    "Checking the steady state again after the rollbacks",
                );
                let state = runner.hypothesis(&signals.abort).await;
                restored = Some(state.steady_state_met);
                if !state.steady_state_met {
                    say(
                        Level::Error,
                        "The steady state does not hold after the rollbacks: the system was not restored",
                    );
                    if outcome == Outcome::Held {
                        outcome = Outcome::Deviated;
                    }
                }
                states.after_rollbacks = Some(state);
            }
        }
    }
    let status = status.unwrap_or(Status::Completed);
    if status == Status::Interrupted {
        outcome = Outcome::Interrupted;
    }
    say(
        Level::Info,
        &format!(
            "Experiment ended with status: {}",
            if deviated { "deviated" } else { status.word() }
        ),
    );
    Journal {
        chaoslib_version: format!("omni {}", env!("CARGO_PKG_VERSION")),
        platform: host.platform.clone(),
        node: host.node.clone(),
        experiment: experiment.raw.clone(),
        start,
        status,
        deviated,
        steady_states: states,
        run: method_runs,
        rollbacks: rollback_runs,
        end: format_iso_micros(SystemTime::now()),
        duration: clock.elapsed().as_secs_f64(),
        omni: Notes {
            version: env!("CARGO_PKG_VERSION").to_owned(),
            outcome,
            rollback_strategy: options.rollbacks,
            hypothesis_strategy: options.hypothesis,
            dry: options.dry,
            rollbacks_played: play && !runner.rollbacks().is_empty(),
            restored,
        },
    }
}

fn tolerance_text(v: &Value) -> String {
    v.as_str().map_or_else(|| v.to_string(), str::to_owned)
}

impl Runner {
    fn probes(&self) -> Option<&Vec<Value>> {
        self.experiment
            .raw
            .get("steady-state-hypothesis")
            .and_then(|h| h.get("probes"))
            .and_then(Value::as_array)
    }

    fn rollbacks(&self) -> &[Value] {
        self.experiment
            .raw
            .get("rollbacks")
            .and_then(Value::as_array)
            .map_or(&[], Vec::as_slice)
    }

    /// One check of the hypothesis: probes in order, stopping at the first
    /// that fails or is out of tolerance.
    async fn hypothesis(self: &Arc<Self>, cancel: &CancellationToken) -> SteadyState {
        let title = self
            .experiment
            .raw
            .get("steady-state-hypothesis")
            .and_then(|h| h.get("title"))
            .map(tolerance_text)
            .unwrap_or_default();
        self.observer
            .log(Level::Info, &format!("Steady state hypothesis: {title}"));
        let mut probes = Vec::new();
        for entry in self.probes().cloned().unwrap_or_default() {
            let mut run = self.execute(&entry, cancel).await;
            if run.status == RunStatus::Failed {
                run.tolerance_met = Some(false);
                self.observer.log(
                    Level::Warning,
                    &format!(
                        "Probe '{}' terminated unexpectedly, so its tolerance could not be validated",
                        run.name()
                    ),
                );
                probes.push(run);
                return SteadyState {
                    steady_state_met: false,
                    probes,
                };
            }
            run.tolerance_met = Some(true);
            if matches!(self.dry, Some(Dry::Probes | Dry::Activities)) {
                probes.push(run);
                continue;
            }
            let tolerance = entry.get("tolerance").cloned().unwrap_or(Value::Null);
            let verdict = match tolerance.get("type").and_then(Value::as_str) {
                Some("probe") => Verdict::CallProbe,
                _ => tolerance::judge(&self.ctx.values.substitute(&tolerance), &run.output),
            };
            let verdict = match verdict {
                Verdict::CallProbe => self.tolerance_probe(&tolerance, &run.output, cancel).await,
                v => v,
            };
            if let Verdict::NotMet(reason) = verdict {
                self.observer.log(
                    Level::Error,
                    &format!(
                        "Steady state probe '{}' is not in the given tolerance: {reason}",
                        run.name()
                    ),
                );
                run.tolerance_met = Some(false);
                run.tolerance_reason = Some(reason);
                probes.push(run);
                return SteadyState {
                    steady_state_met: false,
                    probes,
                };
            }
            probes.push(run);
        }
        self.observer
            .log(Level::Info, "Steady state hypothesis is met!");
        SteadyState {
            steady_state_met: true,
            probes,
        }
    }

    /// A `{"type": "probe"}` tolerance: called with `value` = the output.
    async fn tolerance_probe(
        &self,
        tolerance: &Value,
        value: &Value,
        cancel: &CancellationToken,
    ) -> Verdict {
        let mut provider = self
            .ctx
            .values
            .substitute(tolerance.get("provider").unwrap_or(&Value::Null));
        let Some(obj) = provider.as_object_mut() else {
            return Verdict::NotMet("the tolerance probe has no provider".into());
        };
        let args = obj
            .entry("arguments")
            .or_insert_with(|| Value::Object(Map::new()));
        if let Value::Object(args) = args {
            args.insert("value".into(), value.clone());
        }
        match provider::run(obj, &self.ctx, cancel).await {
            Ok(v) if tolerance::py_truthy(&v) => Verdict::Met,
            Ok(v) => Verdict::NotMet(format!(
                "the tolerance probe '{}' returned {}",
                name_of(tolerance),
                tolerance::short(&v)
            )),
            Err(e) => Verdict::NotMet(format!(
                "the tolerance probe '{}' failed: {e}",
                name_of(tolerance)
            )),
        }
    }

    /// The method: activities in order, background ones alongside; stops
    /// before the next activity once `halt` or `interrupt` fires.
    async fn method(
        self: &Arc<Self>,
        halt: &CancellationToken,
        interrupt: &CancellationToken,
    ) -> Vec<Run> {
        let method = self
            .experiment
            .raw
            .get("method")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        if method.is_empty() {
            self.observer
                .log(Level::Info, "No declared activities, let's move on.");
        }
        self.activities(&method, interrupt, Some(halt)).await
    }

    /// Plays `list` in order; returns the runs in the order they started.
    async fn activities(
        self: &Arc<Self>,
        list: &[Value],
        cancel: &CancellationToken,
        halt: Option<&CancellationToken>,
    ) -> Vec<Run> {
        let slots: Arc<Mutex<Vec<Option<Run>>>> = Arc::new(Mutex::new(Vec::new()));
        let mut background = Vec::new();
        for entry in list {
            if cancel.is_cancelled() || halt.is_some_and(CancellationToken::is_cancelled) {
                break;
            }
            let slot = {
                let mut s = slots.lock().unwrap_or_else(|p| p.into_inner());
                s.push(None);
                s.len() - 1
            };
            let resolved = self.resolve(entry);
            if resolved.get("background").and_then(Value::as_bool) == Some(true) {
                let (me, entry, cancel, slots) =
                    (self.clone(), entry.clone(), cancel.clone(), slots.clone());
                background.push(tokio::spawn(async move {
                    let run = me.execute(&entry, &cancel).await;
                    slots.lock().unwrap_or_else(|p| p.into_inner())[slot] = Some(run);
                }));
            } else {
                let run = self.execute(entry, cancel).await;
                slots.lock().unwrap_or_else(|p| p.into_inner())[slot] = Some(run);
            }
        }
        if !background.is_empty() {
            self.observer.log(
                Level::Info,
                "Waiting for background activities to complete...",
            );
        }
        for task in background {
            let _ = task.await;
        }
        let mut slots = slots.lock().unwrap_or_else(|p| p.into_inner());
        std::mem::take(&mut *slots).into_iter().flatten().collect()
    }

    /// The hypothesis every `frequency` until the method is done; returns
    /// the checks and whether one failed.
    async fn continuously(
        self: &Arc<Self>,
        frequency: Duration,
        fail_fast: bool,
        halt: &CancellationToken,
        done: &CancellationToken,
        interrupt: &CancellationToken,
    ) -> (Vec<SteadyState>, bool) {
        self.observer.log(
            Level::Info,
            &format!(
                "Executing the steady-state hypothesis continuously every {} seconds",
                frequency.as_secs_f64()
            ),
        );
        let mut checks = Vec::new();
        let mut failed = false;
        while !done.is_cancelled() && !interrupt.is_cancelled() {
            let state = self.hypothesis(interrupt).await;
            let met = state.steady_state_met;
            checks.push(state);
            if !met {
                failed = true;
                if fail_fast {
                    self.observer.log(
                        Level::Error,
                        "Terminating the experiment: the hypothesis deviated during the method (--fail-fast)",
                    );
                    halt.cancel();
                    break;
                }
            }
            tokio::select! {
                () = tokio::time::sleep(frequency) => {}
                () = done.cancelled() => {}
                () = interrupt.cancelled() => {}
            }
        }
        (checks, failed)
    }

    fn resolve(&self, entry: &Value) -> Value {
        match entry.get("ref").and_then(Value::as_str) {
            Some(r) => self
                .experiment
                .named
                .get(r)
                .cloned()
                .unwrap_or_else(|| entry.clone()),
            None => entry.clone(),
        }
    }

    /// One activity, with its pauses; never fails, the run says how it went.
    async fn execute(&self, entry: &Value, cancel: &CancellationToken) -> Run {
        let activity = self.resolve(entry);
        let kind = activity
            .get("type")
            .and_then(Value::as_str)
            .unwrap_or("action");
        let dry = activity
            .get("dry")
            .and_then(Value::as_str)
            .and_then(|d| Dry::parse(d).ok())
            .or(self.dry);
        let is_dry = match dry {
            Some(Dry::Actions) => kind == "action",
            Some(Dry::Probes) => kind == "probe",
            Some(Dry::Activities) => true,
            _ => false,
        };
        let pausing = dry != Some(Dry::Pause) && !is_dry;
        let pauses = self
            .ctx
            .values
            .substitute(activity.get("pauses").unwrap_or(&Value::Null));
        let name = name_of(&activity).to_owned();
        if let Some(before) = provider::seconds(pauses.get("before"))
            && pausing
        {
            self.observer.log(
                Level::Info,
                &format!(
                    "Pausing before next activity for {}s...",
                    before.as_secs_f64()
                ),
            );
            pause(before, cancel).await;
        }
        let background = activity.get("background").and_then(Value::as_bool) == Some(true);
        self.observer.log(
            Level::Info,
            &format!(
                "{}: {name}{}",
                if kind == "probe" { "Probe" } else { "Action" },
                if background { " [in background]" } else { "" }
            ),
        );
        let start_at = SystemTime::now();
        let clock = Instant::now();
        let result = if is_dry {
            Ok(Value::Null)
        } else {
            let provider = self
                .ctx
                .values
                .substitute(activity.get("provider").unwrap_or(&Value::Null));
            match provider.as_object() {
                Some(p) => provider::run(p, &self.ctx, cancel).await,
                None => Err("the activity has no provider".into()),
            }
        };
        let duration = clock.elapsed().as_secs_f64();
        let end = format_iso_micros(SystemTime::now());
        let (status, output, exception) = match result {
            Ok(v) => (RunStatus::Succeeded, v, None),
            Err(e) => {
                self.observer
                    .log(Level::Error, &format!("  => failed: {e}"));
                (
                    RunStatus::Failed,
                    Value::Null,
                    Some(vec![format!("chaoslib.exceptions.ActivityFailed: {e}")]),
                )
            }
        };
        if status == RunStatus::Succeeded
            && kind == "action"
            && output
                .get("status")
                .and_then(Value::as_i64)
                .is_some_and(|s| {
                    if activity.get("provider").and_then(|p| p.get("type")) == Some(&"http".into())
                    {
                        s > 399
                    } else {
                        s != 0
                    }
                })
        {
            self.observer.log(
                Level::Warning,
                &format!("  => '{name}' returned a failing status; this may indicate an error"),
            );
        }
        if let Some(after) = provider::seconds(pauses.get("after"))
            && pausing
            && !cancel.is_cancelled()
        {
            self.observer.log(
                Level::Info,
                &format!("Pausing after activity for {}s...", after.as_secs_f64()),
            );
            pause(after, cancel).await;
        }
        Run {
            activity,
            output,
            start: format_iso_micros(start_at),
            status,
            end,
            duration,
            exception,
            tolerance_met: None,
            tolerance_reason: None,
        }
    }
}

async fn pause(length: Duration, cancel: &CancellationToken) {
    tokio::select! {
        () = tokio::time::sleep(length) => {}
        () = cancel.cancelled() => {}
    }
}
