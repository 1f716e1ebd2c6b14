//! Task graph files: the versioned schema, parsing (YAML or JSON) and every
//! check that must pass before anything runs.
//!
//! Guarantees: a [`Graph`] returned by [`parse`] has unique task names, only
//! known dependencies, no cycle, well-formed `when` conditions that name only
//! tasks the task depends on, and sane numbers (timeouts > 0, retries bounded).
//! Errors name the task and field; a cycle error spells out the cycle.
//!
//! Schema version 1 (`version: 1`, optional; an unknown version is refused):
//!
//! ```yaml
//! version: 1
//! defaults: {timeout: 10m, retries: {max: 2, backoff: 1s, factor: 2, jitter: 0.1},
//!            resources: {cpu: 1, mem_mb: 0}, env: {LC_ALL: C}, cache: true}
//! tasks:
//!   split:  {cmd: "split.sh raw.json parts/", inputs: [raw.json], outputs: ["parts/*"]}
//!   work:   {foreach: "parts/*", cmd: "proc {} > out/{/.}.res", deps: [split]}
//!   report: {cmd: "merge out/*.res > report.md", when: "work.succeeded || work.failed"}
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::time::Duration;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::runtime::error::{Classify, Exit};
use crate::runtime::units::parse_duration;

/// The schema version this build reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// Most tasks a graph may declare (a budget against runaway generated files).
pub const MAX_TASKS: usize = 1_000_000;

/// Why a graph file was refused.
#[derive(Debug, thiserror::Error)]
pub enum GraphError {
    #[error("{0}")]
    Syntax(String),
    #[error("unsupported schema version {0} (this omni reads version {SCHEMA_VERSION})")]
    Version(u32),
    #[error("the graph has no tasks")]
    Empty,
    #[error("task '{task}': {field}: {reason}")]
    Field {
        task: String,
        field: &'static str,
        reason: String,
    },
    #[error("duplicate task name '{0}'")]
    Duplicate(String),
    #[error("task '{task}' depends on unknown task '{dep}'")]
    UnknownDep { task: String, dep: String },
    #[error("dependency cycle: {}", .0.join(" -> "))]
    Cycle(Vec<String>),
}

impl Classify for GraphError {
    fn exit(&self) -> Exit {
        Exit::DataErr
    }
}

/// How a task is retried after a failure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Retries {
    /// Extra attempts after the first (0 = no retry).
    pub max: u32,
    /// Wait before the first retry.
    pub backoff: Duration,
    /// Each further wait is the previous one times this.
    pub factor: f64,
    /// Each wait is scaled by a random factor in `[1 - jitter, 1 + jitter]`.
    pub jitter: f64,
}

impl Default for Retries {
    fn default() -> Retries {
        Retries {
            max: 0,
            backoff: Duration::from_secs(1),
            factor: 2.0,
            jitter: 0.0,
        }
    }
}

impl Retries {
    /// The wait before retry number `n` (1-based), before jitter.
    pub fn delay(&self, n: u32) -> Duration {
        let exp = i32::try_from(n.saturating_sub(1)).unwrap_or(i32::MAX);
        self.backoff
            .mul_f64(self.factor.powi(exp).min(1e6))
            .min(Duration::from_secs(3600))
    }
}

/// What a task draws from the governor while it runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resources {
    /// Worker permits (CPU slots).
    pub cpu: u32,
    /// Memory it may use, in MiB, reserved from the machine's budget (0: none).
    pub mem_mb: u64,
}

impl Default for Resources {
    fn default() -> Resources {
        Resources { cpu: 1, mem_mb: 0 }
    }
}

/// What a `foreach` fans out over.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Foreach {
    /// The files matching a glob, when the task becomes ready (so upstream
    /// tasks may create them).
    Glob(String),
    /// These values.
    List(Vec<String>),
}

/// One task, with defaults applied.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Task {
    pub name: String,
    pub cmd: String,
    /// Direct dependencies, sorted, including tasks named only in `when`.
    pub deps: Vec<String>,
    pub inputs: Vec<String>,
    pub outputs: Vec<String>,
    pub env: BTreeMap<String, String>,
    pub timeout: Option<Duration>,
    pub retries: Retries,
    pub resources: Resources,
    pub foreach: Option<Foreach>,
    pub cache: bool,
    /// When to run, given the outcomes of dependencies; `None` = all succeeded.
    pub when: Option<Condition>,
}

/// A graph that passed every check, tasks in topological order (ties by name).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Graph {
    pub tasks: Vec<Task>,
}

impl Graph {
    /// What identifies a graph file's text for the parsed-graph cache: the
    /// text, its format, this schema and this build.
    pub fn cache_key(text: &str, json: bool) -> String {
        let mut h = blake3::Hasher::new();
        h.update(b"omni-parallel-graph-2\0");
        h.update(env!("CARGO_PKG_VERSION").as_bytes());
        h.update(&[0, u8::from(json)]);
        h.update(&SCHEMA_VERSION.to_le_bytes());
        h.update(text.as_bytes());
        h.finalize().to_hex().to_string()
    }
}

// ------------------------------------------------------------------ file

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    version: Option<u32>,
    #[serde(default)]
    defaults: RawDefaults,
    tasks: Option<TaskList>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawDefaults {
    timeout: Option<String>,
    retries: Option<RawRetries>,
    resources: Option<RawResources>,
    #[serde(default)]
    env: BTreeMap<String, String>,
    cache: Option<bool>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTask {
    cmd: Option<String>,
    #[serde(default)]
    deps: Vec<String>,
    #[serde(default)]
    inputs: Vec<String>,
    #[serde(default)]
    outputs: Vec<String>,
    #[serde(default)]
    env: BTreeMap<String, String>,
    timeout: Option<String>,
    retries: Option<RawRetries>,
    resources: Option<RawResources>,
    foreach: Option<RawForeach>,
    cache: Option<bool>,
    #[serde(alias = "depends")]
    when: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawRetries {
    Count(u32),
    Policy(RawRetryPolicy),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRetryPolicy {
    max: u32,
    backoff: Option<String>,
    factor: Option<f64>,
    jitter: Option<f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawResources {
    cpu: Option<u32>,
    mem_mb: Option<u64>,
}

/// A glob string or a list of values (a visitor, not `untagged`: the YAML
/// reader cannot replay a sequence into a second variant).
enum RawForeach {
    Glob(String),
    List(Vec<String>),
}

impl<'de> Deserialize<'de> for RawForeach {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<RawForeach, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawForeach;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a glob or a list of values")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawForeach, E> {
                Ok(RawForeach::Glob(v.to_string()))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<RawForeach, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element::<Scalar>()? {
                    items.push(item.0);
                }
                Ok(RawForeach::List(items))
            }
        }
        d.deserialize_any(V)
    }
}

/// A list item: a string, or a number or boolean written as one.
struct Scalar(String);

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Scalar, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = Scalar;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string or number")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Scalar, E> {
                Ok(Scalar(v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

/// The `tasks` mapping, in file order, with duplicates kept so they can be
/// reported (serde's maps keep only one of two equal keys).
struct TaskList(Vec<(String, RawTask)>);

impl<'de> Deserialize<'de> for TaskList {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<TaskList, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = TaskList;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a mapping from task names to tasks")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<TaskList, A::Error> {
                let mut tasks = Vec::new();
                while let Some((name, task)) = map.next_entry::<String, RawTask>()? {
                    if tasks.len() >= MAX_TASKS {
                        return Err(de::Error::custom(format!("more than {MAX_TASKS} tasks")));
                    }
                    tasks.push((name, task));
                }
                Ok(TaskList(tasks))
            }
        }
        d.deserialize_map(V)
    }
}

/// Parses and checks a graph file. `json` selects the JSON reader (else YAML,
/// of which JSON is mostly a subset, but JSON's own errors are clearer).
pub fn parse(text: &str, json: bool) -> Result<Graph, GraphError> {
    let file: File = if json {
        serde_json::from_str(text).map_err(|e| GraphError::Syntax(e.to_string()))?
    } else {
        // YAML 1.2 scalars: `y`, `no`, `on` stay strings (a foreach over
        // countries must not turn Norway into false), and so does `007`.
        // Errors are one line with the position.
        serde_norway::from_str(text).map_err(|e| GraphError::Syntax(first_line(&e.to_string())))?
    };
    if let Some(v) = file.version
        && v != SCHEMA_VERSION
    {
        return Err(GraphError::Version(v));
    }
    let raw = file.tasks.map(|t| t.0).unwrap_or_default();
    if raw.is_empty() {
        return Err(GraphError::Empty);
    }
    let defaults = file.defaults;
    let mut seen = BTreeSet::new();
    let mut tasks = Vec::with_capacity(raw.len());
    for (name, task) in raw {
        if !seen.insert(name.clone()) {
            return Err(GraphError::Duplicate(name));
        }
        tasks.push(build_task(name, task, &defaults)?);
    }
    check_deps(&tasks)?;
    let tasks = topological(tasks)?;
    Ok(Graph { tasks })
}

/// The YAML reader's message without its source snippet.
fn first_line(text: &str) -> String {
    let line = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    line.strip_prefix("error: ").unwrap_or(line).to_string()
}

fn field(task: &str, field: &'static str, reason: impl Into<String>) -> GraphError {
    GraphError::Field {
        task: task.to_string(),
        field,
        reason: reason.into(),
    }
}

fn duration(task: &str, name: &'static str, text: &str) -> Result<Duration, GraphError> {
    let d = parse_duration(text).map_err(|e| field(task, name, e.to_string()))?;
    if d.is_zero() {
        return Err(field(task, name, "must be longer than zero"));
    }
    Ok(d)
}

fn retries(task: &str, raw: &RawRetries) -> Result<Retries, GraphError> {
    let mut r = Retries::default();
    match raw {
        RawRetries::Count(n) => r.max = *n,
        RawRetries::Policy(p) => {
            r.max = p.max;
            if let Some(b) = &p.backoff {
                r.backoff =
                    parse_duration(b).map_err(|e| field(task, "retries.backoff", e.to_string()))?;
            }
            if let Some(f) = p.factor {
                if !(1.0..=100.0).contains(&f) {
                    return Err(field(task, "retries.factor", "must be between 1 and 100"));
                }
                r.factor = f;
            }
            if let Some(j) = p.jitter {
                if !(0.0..=1.0).contains(&j) {
                    return Err(field(task, "retries.jitter", "must be between 0 and 1"));
                }
                r.jitter = j;
            }
        }
    }
    if r.max > 100 {
        return Err(field(task, "retries.max", "at most 100"));
    }
    Ok(r)
}

fn resources(
    task: &str,
    base: Resources,
    raw: Option<&RawResources>,
) -> Result<Resources, GraphError> {
    let mut r = base;
    if let Some(raw) = raw {
        if let Some(cpu) = raw.cpu {
            if cpu == 0 || cpu > 4096 {
                return Err(field(task, "resources.cpu", "must be between 1 and 4096"));
            }
            r.cpu = cpu;
        }
        if let Some(mem) = raw.mem_mb {
            r.mem_mb = mem;
        }
    }
    Ok(r)
}

fn build_task(name: String, raw: RawTask, defaults: &RawDefaults) -> Result<Task, GraphError> {
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
        || name.starts_with('.')
    {
        return Err(field(
            &name,
            "name",
            "use letters, digits, '_', '-' and '.' (not first)",
        ));
    }
    let cmd = raw
        .cmd
        .filter(|c| !c.trim().is_empty())
        .ok_or_else(|| field(&name, "cmd", "missing or empty"))?;
    let timeout = match raw.timeout.as_deref().or(defaults.timeout.as_deref()) {
        Some(t) => Some(duration(&name, "timeout", t)?),
        None => None,
    };
    let retries = match raw.retries.as_ref().or(defaults.retries.as_ref()) {
        Some(r) => retries(&name, r)?,
        None => Retries::default(),
    };
    let base = resources(&name, Resources::default(), defaults.resources.as_ref())?;
    let resources = resources(&name, base, raw.resources.as_ref())?;
    let foreach = match raw.foreach {
        None => None,
        Some(RawForeach::Glob(g)) if g.trim().is_empty() => {
            return Err(field(&name, "foreach", "empty glob"));
        }
        Some(RawForeach::Glob(g)) => Some(Foreach::Glob(g)),
        Some(RawForeach::List(l)) if l.is_empty() => {
            return Err(field(&name, "foreach", "empty list"));
        }
        Some(RawForeach::List(l)) => Some(Foreach::List(l)),
    };
    let when = match raw.when {
        Some(text) => Some(Condition::parse(&text).map_err(|e| field(&name, "when", e))?),
        None => None,
    };
    let mut deps: BTreeSet<String> = raw.deps.into_iter().collect();
    if let Some(c) = &when {
        c.names(&mut deps);
    }
    if deps.contains(&name) {
        return Err(GraphError::Cycle(vec![name.clone(), name]));
    }
    let mut env = defaults.env.clone();
    env.extend(raw.env);
    for key in env.keys() {
        if key.is_empty() || key.contains('=') || key.contains('\0') {
            return Err(field(&name, "env", format!("bad variable name {key:?}")));
        }
    }
    Ok(Task {
        name,
        cmd,
        deps: deps.into_iter().collect(),
        inputs: raw.inputs,
        outputs: raw.outputs,
        env,
        timeout,
        retries,
        resources,
        foreach,
        cache: raw.cache.or(defaults.cache).unwrap_or(true),
        when,
    })
}

fn check_deps(tasks: &[Task]) -> Result<(), GraphError> {
    let names: BTreeSet<&str> = tasks.iter().map(|t| t.name.as_str()).collect();
    for t in tasks {
        if let Some(dep) = t.deps.iter().find(|d| !names.contains(d.as_str())) {
            return Err(GraphError::UnknownDep {
                task: t.name.clone(),
                dep: dep.clone(),
            });
        }
    }
    Ok(())
}

/// Kahn's algorithm with a name-ordered ready set (deterministic order);
/// on a cycle, finds one and names it.
fn topological(tasks: Vec<Task>) -> Result<Vec<Task>, GraphError> {
    let index: BTreeMap<&str, usize> = tasks
        .iter()
        .enumerate()
        .map(|(i, t)| (t.name.as_str(), i))
        .collect();
    let n = tasks.len();
    let mut indegree = vec![0_usize; n];
    let mut dependants: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (i, t) in tasks.iter().enumerate() {
        for d in &t.deps {
            let j = index[d.as_str()];
            indegree[i] += 1;
            dependants[j].push(i);
        }
    }
    let mut ready: BTreeSet<(&str, usize)> = (0..n)
        .filter(|&i| indegree[i] == 0)
        .map(|i| (tasks[i].name.as_str(), i))
        .collect();
    let mut order = Vec::with_capacity(n);
    while let Some(first) = ready.pop_first() {
        let i = first.1;
        order.push(i);
        for &k in &dependants[i] {
            indegree[k] -= 1;
            if indegree[k] == 0 {
                ready.insert((tasks[k].name.as_str(), k));
            }
        }
    }
    if order.len() < n {
        return Err(GraphError::Cycle(find_cycle(&tasks, &index, &indegree)));
    }
    let mut slots: Vec<Option<Task>> = tasks.into_iter().map(Some).collect();
    Ok(order.into_iter().filter_map(|i| slots[i].take()).collect())
}

/// Walks dependencies among the tasks Kahn could not order (each has an
/// unfinished dependency) until a task repeats: that stretch is a cycle.
fn find_cycle(tasks: &[Task], index: &BTreeMap<&str, usize>, indegree: &[usize]) -> Vec<String> {
    let Some(start) = (0..tasks.len()).find(|&i| indegree[i] > 0) else {
        return Vec::new();
    };
    let mut path = vec![start];
    let mut at = start;
    loop {
        let next = tasks[at]
            .deps
            .iter()
            .map(|d| index[d.as_str()])
            .find(|&j| indegree[j] > 0)
            .unwrap_or(start);
        if let Some(pos) = path.iter().position(|&p| p == next) {
            // The walk follows "depends on"; print it in execution order.
            let mut cycle: Vec<String> = path[pos..]
                .iter()
                .rev()
                .map(|&i| tasks[i].name.clone())
                .collect();
            // Start at the smallest name, so the message does not depend on
            // where the walk entered the cycle.
            let first = (0..cycle.len()).min_by_key(|&i| &cycle[i]).unwrap_or(0);
            cycle.rotate_left(first);
            cycle.push(cycle[0].clone());
            return cycle;
        }
        path.push(next);
        at = next;
    }
}

// ------------------------------------------------------------- conditions

/// The outcome of a finished task, as conditions see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Succeeded,
    Failed,
    Skipped,
}

/// A `when` condition: `a.succeeded || (b.failed && !c.skipped)`.
/// States: `succeeded`, `failed`, `skipped`, `completed` (succeeded or
/// failed), case-insensitive (Argo's `A.Succeeded` reads the same).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Condition {
    Is(String, State),
    Not(Box<Condition>),
    And(Box<Condition>, Box<Condition>),
    Or(Box<Condition>, Box<Condition>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    Succeeded,
    Failed,
    Skipped,
    Completed,
}

impl Condition {
    pub fn parse(text: &str) -> Result<Condition, String> {
        let tokens = tokenize(text)?;
        let mut p = Parser { tokens, at: 0 };
        let c = p.or()?;
        if p.at < p.tokens.len() {
            return Err(format!("unexpected '{}'", p.tokens[p.at]));
        }
        Ok(c)
    }

    fn names(&self, into: &mut BTreeSet<String>) {
        match self {
            Condition::Is(n, _) => {
                into.insert(n.clone());
            }
            Condition::Not(c) => c.names(into),
            Condition::And(a, b) | Condition::Or(a, b) => {
                a.names(into);
                b.names(into);
            }
        }
    }

    /// Evaluates against the outcomes of the named tasks (all present: the
    /// names are dependencies).
    pub fn eval(&self, outcome: &dyn Fn(&str) -> Option<Outcome>) -> bool {
        match self {
            Condition::Is(n, s) => matches!(
                (outcome(n), s),
                (
                    Some(Outcome::Succeeded),
                    State::Succeeded | State::Completed
                ) | (Some(Outcome::Failed), State::Failed | State::Completed)
                    | (Some(Outcome::Skipped), State::Skipped)
            ),
            Condition::Not(c) => !c.eval(outcome),
            Condition::And(a, b) => a.eval(outcome) && b.eval(outcome),
            Condition::Or(a, b) => a.eval(outcome) || b.eval(outcome),
        }
    }
}

impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Condition::Is(n, s) => write!(f, "{n}.{}", format!("{s:?}").to_lowercase()),
            Condition::Not(c) => write!(f, "!({c})"),
            Condition::And(a, b) => write!(f, "({a} && {b})"),
            Condition::Or(a, b) => write!(f, "({a} || {b})"),
        }
    }
}

fn tokenize(text: &str) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    let mut chars = text.chars().peekable();
    while let Some(&c) = chars.peek() {
        match c {
            ' ' | '\t' | '\n' => {
                chars.next();
            }
            '(' | ')' | '!' => {
                out.push(c.to_string());
                chars.next();
            }
            '&' | '|' => {
                chars.next();
                if chars.next() != Some(c) {
                    return Err(format!("expected '{c}{c}'"));
                }
                out.push(format!("{c}{c}"));
            }
            c if c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.') => {
                let mut word = String::new();
                while let Some(&c) = chars.peek() {
                    if c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.') {
                        word.push(c);
                        chars.next();
                    } else {
                        break;
                    }
                }
                out.push(word);
            }
            other => return Err(format!("unexpected character '{other}'")),
        }
    }
    if out.is_empty() {
        return Err("empty condition".into());
    }
    Ok(out)
}

struct Parser {
    tokens: Vec<String>,
    at: usize,
}

impl Parser {
    fn peek(&self) -> Option<&str> {
        self.tokens.get(self.at).map(String::as_str)
    }
    fn or(&mut self) -> Result<Condition, String> {
        let mut left = self.and()?;
        while self.peek() == Some("||") {
            self.at += 1;
            left = Condition::Or(Box::new(left), Box::new(self.and()?));
        }
        Ok(left)
    }
    fn and(&mut self) -> Result<Condition, String> {
        let mut left = self.not()?;
        while self.peek() == Some("&&") {
            self.at += 1;
            left = Condition::And(Box::new(left), Box::new(self.not()?));
        }
        Ok(left)
    }
    fn not(&mut self) -> Result<Condition, String> {
        match self.peek() {
            Some("!") => {
                self.at += 1;
                Ok(Condition::Not(Box::new(self.not()?)))
            }
            Some("(") => {
                self.at += 1;
                let c = self.or()?;
                if self.peek() != Some(")") {
                    return Err("missing ')'".into());
                }
                self.at += 1;
                Ok(c)
            }
            Some(word) if !matches!(word, ")" | "&&" | "||") => {
                let word = word.to_string();
                self.at += 1;
                let (task, state) = word
                    .rsplit_once('.')
                    .ok_or_else(|| format!("'{word}': expected TASK.STATE"))?;
                let state = match state.to_ascii_lowercase().as_str() {
                    "succeeded" => State::Succeeded,
                    "failed" => State::Failed,
                    "skipped" => State::Skipped,
                    "completed" => State::Completed,
                    other => {
                        return Err(format!(
                            "'{other}' is not a state (succeeded, failed, skipped, completed)"
                        ));
                    }
                };
                if task.is_empty() {
                    return Err(format!("'{word}': no task name"));
                }
                Ok(Condition::Is(task.to_string(), state))
            }
            Some(t) => Err(format!("unexpected '{t}'")),
            None => Err("unexpected end of condition".into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        parse(text, false).unwrap_err().to_string()
    }

    #[test]
    fn a_diamond_parses_in_topological_order_with_defaults() {
        let g = parse(
            "version: 1\ndefaults: {timeout: 1m, retries: 2, env: {A: x}}\ntasks:\n  \
             d: {cmd: 'echo d', deps: [b, c]}\n  b: {cmd: 'echo b', deps: [a], env: {B: y}}\n  \
             c: {cmd: 'echo c', deps: [a], timeout: 5s, cache: false}\n  a: {cmd: 'echo a'}\n",
            false,
        )
        .unwrap();
        let names: Vec<&str> = g.tasks.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["a", "b", "c", "d"]);
        let b = &g.tasks[1];
        assert_eq!(b.timeout, Some(Duration::from_secs(60)));
        assert_eq!(b.retries.max, 2);
        assert_eq!(b.env.len(), 2);
        assert_eq!(g.tasks[2].timeout, Some(Duration::from_secs(5)));
        assert!(!g.tasks[2].cache && g.tasks[3].cache);
    }

    #[test]
    fn foreach_and_retries_take_both_forms() {
        let g = parse("tasks:\n  a: {cmd: x, foreach: [p, 2, y, no, 007], retries: {max: 2, backoff: 10ms}}\n  b: {cmd: y, foreach: 'parts/*', retries: 3}\n", false).unwrap();
        assert_eq!(
            g.tasks[0].foreach,
            Some(Foreach::List(vec![
                "p".into(),
                "2".into(),
                "y".into(),
                "no".into(),
                "007".into()
            ]))
        );
        assert_eq!(g.tasks[0].retries.max, 2);
        assert_eq!(g.tasks[1].foreach, Some(Foreach::Glob("parts/*".into())));
        assert_eq!(g.tasks[1].retries.max, 3);
    }

    #[test]
    fn a_parsed_graph_survives_its_cache_encoding() {
        let g = parse(
            "tasks:\n  a: {cmd: x, timeout: 1500ms, retries: {max: 2, backoff: 10ms, jitter: 0.5}, foreach: [p, q]}\n  \
             b: {cmd: y, deps: [a], when: '!(a.failed || a.skipped) && a.completed', resources: {cpu: 2, mem_mb: 9}}\n",
            false,
        )
        .unwrap();
        let back: Graph = serde_json::from_str(&serde_json::to_string(&g).unwrap()).unwrap();
        assert_eq!(back, g);
        assert_ne!(Graph::cache_key("x", false), Graph::cache_key("x", true));
    }

    #[test]
    fn json_reads_the_same_schema() {
        let g = parse(
            r#"{"tasks": {"a": {"cmd": "true"}, "b": {"cmd": "true", "deps": ["a"]}}}"#,
            true,
        )
        .unwrap();
        assert_eq!(g.tasks[1].deps, ["a"]);
    }

    #[test]
    fn cycles_are_named() {
        let e = err(
            "tasks:\n  a: {cmd: x, deps: [c]}\n  b: {cmd: x, deps: [a]}\n  c: {cmd: x, deps: [b]}\n  d: {cmd: x}\n",
        );
        assert_eq!(e, "dependency cycle: a -> b -> c -> a");
        assert_eq!(
            err("tasks:\n  a: {cmd: x, deps: [a]}\n"),
            "dependency cycle: a -> a"
        );
    }

    #[test]
    fn bad_graphs_are_refused_naming_task_and_field() {
        assert_eq!(
            err("tasks:\n  a: {cmd: x, deps: [zz]}\n"),
            "task 'a' depends on unknown task 'zz'"
        );
        assert!(err("tasks:\n  a: {cmd: x}\n  a: {cmd: y}\n").contains("duplicate"));
        assert_eq!(
            parse(r#"{"tasks": {"a": {"cmd": "x"}, "a": {"cmd": "y"}}}"#, true)
                .unwrap_err()
                .to_string(),
            "duplicate task name 'a'"
        );
        assert_eq!(
            err("tasks:\n  a: {deps: []}\n"),
            "task 'a': cmd: missing or empty"
        );
        assert!(err("tasks:\n  a: {cmd: x, timeout: soon}\n").starts_with("task 'a': timeout: "));
        assert!(err("tasks:\n  a: {cmd: x, colour: red}\n").contains("colour"));
        assert_eq!(
            err("version: 2\ntasks:\n  a: {cmd: x}\n"),
            "unsupported schema version 2 (this omni reads version 1)"
        );
        assert_eq!(err("tasks: {}\n"), "the graph has no tasks");
        assert!(
            err("tasks:\n  a: {cmd: x, when: 'b.won'}\n")
                .starts_with("task 'a': when: 'won' is not a state")
        );
        assert_eq!(
            err("tasks:\n  a: {cmd: x, when: 'b.failed'}\n"),
            "task 'a' depends on unknown task 'b'"
        );
        assert!(err("tasks:\n  'a b': {cmd: x}\n").starts_with("task 'a b': name:"));
        assert!(err("tasks: [1, 2\n").len() > 5);
    }

    #[test]
    fn yaml_errors_give_the_position_and_aliases_work() {
        let e = err("tasks:\n  a: {cmd: x\n  b: {cmd: y}\n");
        assert!(e.contains("line 3"), "{e}");
        assert_eq!(e.lines().count(), 1, "{e}");
        let e = err("tasks:\n  a: {cmd: x}\n  b: {cmd: y, colour: red}\n");
        assert!(e.contains("colour") && e.contains("line 3"), "{e}");
        // Anchors and aliases are YAML, so they work.
        let g = parse("tasks:\n  t: {cmd: &c x, foreach: [&p a, *p, *c]}\n", false).unwrap();
        let list = ["a", "a", "x"].map(String::from).to_vec();
        assert_eq!(g.tasks[0].foreach, Some(Foreach::List(list)));
    }

    #[test]
    fn conditions_parse_and_evaluate() {
        let c = Condition::parse("work.Succeeded || (work.failed && !lint.skipped)").unwrap();
        let outcomes =
            |s: Outcome, l: Outcome| move |n: &str| Some(if n == "work" { s } else { l });
        assert!(c.eval(&outcomes(Outcome::Succeeded, Outcome::Skipped)));
        assert!(c.eval(&outcomes(Outcome::Failed, Outcome::Succeeded)));
        assert!(!c.eval(&outcomes(Outcome::Failed, Outcome::Skipped)));
        assert!(!c.eval(&outcomes(Outcome::Skipped, Outcome::Succeeded)));
        assert!(
            Condition::parse("a.completed")
                .unwrap()
                .eval(&|_| Some(Outcome::Failed))
        );
        for bad in [
            "",
            "a",
            "a.succeeded &&",
            "(a.failed",
            "a.failed | b.failed",
            "a.failed b.failed",
        ] {
            assert!(Condition::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn retry_delays_grow_by_the_factor() {
        let r = Retries {
            max: 3,
            backoff: Duration::from_millis(100),
            factor: 2.0,
            jitter: 0.0,
        };
        assert_eq!(r.delay(1), Duration::from_millis(100));
        assert_eq!(r.delay(3), Duration::from_millis(400));
    }
}
