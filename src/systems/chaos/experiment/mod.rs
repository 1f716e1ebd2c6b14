//! Chaos Toolkit experiment files: loading, checking and running them.
//!
//! An experiment (JSON or YAML, the Chaos Toolkit format) is a
//! `steady-state-hypothesis` (probes, each with a tolerance), a `method`
//! (actions and probes that disturb the system) and `rollbacks`. The runner
//! ([`runner`]) checks the hypothesis, plays the method, checks the
//! hypothesis again, and plays the rollbacks, writing a journal shaped like
//! Chaos Toolkit's so tools that read those journals read omni's.
//!
//! What differs from Chaos Toolkit, on purpose:
//! - Rollbacks run unless the user says `never` (Chaos Toolkit's default
//!   skips them when the run failed or was interrupted), and the hypothesis
//!   is checked once more after them.
//! - `python` providers run in a `python3` child process, not in omni, so
//!   an experiment that calls `os.path.exists` works where Python is
//!   installed, and a crashing function cannot take the runner with it.
//! - omni adds a `tcp` provider (connect to an address) and JSONPath
//!   tolerances follow RFC 9535.
//!
//! Modules: [`tolerance`] (Python-compatible comparisons), [`provider`]
//! (process, http, tcp, python), [`runner`] (strategies, journal).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use super::ChaosError;

pub mod provider;
pub mod runner;
pub mod tolerance;

/// A loaded, checked experiment.
#[derive(Debug, Clone)]
pub struct Experiment {
    /// The file it came from.
    pub path: PathBuf,
    /// The document as written (the journal keeps a copy).
    pub raw: Value,
    pub title: String,
    /// Every named activity, for `{"ref": name}`.
    pub named: BTreeMap<String, Value>,
}

/// Reads and parses an experiment file (JSON, or YAML by extension or when
/// it is not JSON).
pub fn load(path: &Path) -> Result<Value, ChaosError> {
    let bytes = std::fs::read(path).map_err(|e| ChaosError::io("reading", path, e))?;
    let text = String::from_utf8(bytes).map_err(|_| bad(path, "not UTF-8 text"))?;
    let yaml = matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    );
    let value: Value = if yaml {
        serde_norway::from_str(&text).map_err(|e| bad(path, &format!("not valid YAML: {e}")))?
    } else {
        match serde_json::from_str(&text) {
            Ok(v) => v,
            Err(json) if !text.trim_start().starts_with(['{', '[']) => {
                serde_norway::from_str(&text)
                    .map_err(|e| bad(path, &format!("neither JSON ({json}) nor YAML ({e})")))?
            }
            Err(e) => return Err(bad(path, &format!("not valid JSON: {e}"))),
        }
    };
    if !value.is_object() {
        return Err(bad(path, "an experiment is a mapping (JSON object)"));
    }
    Ok(value)
}

pub(crate) fn bad(path: &Path, reason: &str) -> ChaosError {
    ChaosError::Experiment {
        path: path.to_path_buf(),
        reason: reason.to_owned(),
    }
}

/// What checking needs from outside: how to find programs.
pub struct CheckEnv<'a> {
    /// `PATH`, to find process providers' programs.
    pub path_var: Option<&'a str>,
    /// `HOME`, for `~/` in process paths.
    pub home: Option<&'a str>,
    /// Accept an experiment that declares `controls` (they are not run).
    pub ignore_controls: bool,
}

/// Checks an experiment the way Chaos Toolkit's `ensure_experiment_is_valid`
/// does (title, description, method, each activity and tolerance, refs),
/// plus omni's own providers; the first problem is the error.
pub fn check(path: &Path, raw: Value, env: &CheckEnv<'_>) -> Result<Experiment, ChaosError> {
    let fail = |reason: String| bad(path, &reason);
    let obj = raw
        .as_object()
        .ok_or_else(|| fail("not a mapping".into()))?;
    let title = match obj.get("title") {
        Some(Value::String(t)) if !t.is_empty() => t.clone(),
        _ => return Err(fail("experiment requires a title".into())),
    };
    if !matches!(obj.get("description"), Some(Value::String(d)) if !d.is_empty()) {
        return Err(fail("experiment requires a description".into()));
    }
    if let Some(tags) = obj.get("tags") {
        let ok = tags
            .as_array()
            .is_some_and(|t| t.iter().all(|t| t.as_str().is_some_and(|s| !s.is_empty())));
        if !ok {
            return Err(fail("experiment tags must be non-empty strings".into()));
        }
    }
    if obj.contains_key("controls") && !env.ignore_controls {
        return Err(fail(
            "the experiment declares controls (Python plug-ins omni cannot run); \
             pass --ignore-controls to run it without them"
                .into(),
        ));
    }
    for key in ["configuration", "secrets"] {
        if let Some(v) = obj.get(key)
            && !v.is_object()
        {
            return Err(fail(format!("{key} must be a mapping")));
        }
    }
    let mut named = BTreeMap::new();
    let mut all = Vec::new();
    if let Some(hypo) = obj.get("steady-state-hypothesis") {
        let hypo = hypo
            .as_object()
            .ok_or_else(|| fail("steady-state-hypothesis must be a mapping".into()))?;
        if !matches!(hypo.get("title"), Some(Value::String(t)) if !t.is_empty()) {
            return Err(fail("hypothesis requires a title".into()));
        }
        for probe in list(hypo.get("probes"), "steady-state-hypothesis.probes", path)? {
            check_activity(probe, env).map_err(|e| fail(format!("hypothesis: {e}")))?;
            // NB: a `ref` entry carries its own tolerance too: the
            // hypothesis reads the tolerance from the entry, not the target.
            let tolerance = probe.get("tolerance").ok_or_else(|| {
                fail(format!(
                    "hypothesis probe '{}' must have a tolerance entry",
                    name_of(probe)
                ))
            })?;
            tolerance::check(tolerance, env)
                .map_err(|e| fail(format!("hypothesis probe '{}': {e}", name_of(probe))))?;
            all.push(probe);
        }
    }
    let Some(method) = obj.get("method") else {
        return Err(fail(
            "an experiment requires a method, which can be empty for only checking \
             the steady state hypothesis"
                .into(),
        ));
    };
    for activity in list(Some(method), "method", path)? {
        check_activity(activity, env).map_err(|e| fail(format!("method: {e}")))?;
        all.push(activity);
    }
    for activity in list(obj.get("rollbacks"), "rollbacks", path)? {
        check_activity(activity, env).map_err(|e| fail(format!("rollbacks: {e}")))?;
        all.push(activity);
    }
    for activity in &all {
        if let Some(Value::String(name)) = activity.get("name")
            && activity.get("ref").is_none()
        {
            named
                .entry(name.clone())
                .or_insert_with(|| (*activity).clone());
        }
    }
    for activity in &all {
        if let Some(Value::String(r)) = activity.get("ref")
            && !named.contains_key(r)
        {
            return Err(fail(format!(
                "referenced activity '{r}' could not be found in the experiment"
            )));
        }
    }
    if let Some(runtime) = obj.get("runtime") {
        let strategy = |section: &str| {
            runtime
                .get(section)
                .and_then(|s| s.get("strategy"))
                .and_then(Value::as_str)
        };
        if let Some(s) = strategy("rollbacks") {
            runner::RollbackStrategy::parse(s).map_err(fail)?;
        }
        if let Some(s) = strategy("hypothesis") {
            runner::HypothesisStrategy::parse(s).map_err(fail)?;
        }
    }
    Ok(Experiment {
        path: path.to_path_buf(),
        raw,
        title,
        named,
    })
}

fn list<'v>(v: Option<&'v Value>, what: &str, path: &Path) -> Result<&'v [Value], ChaosError> {
    match v {
        None | Some(Value::Null) => Ok(&[]),
        Some(Value::Array(items)) => Ok(items),
        Some(_) => Err(bad(path, &format!("{what} must be a list"))),
    }
}

/// The activity's name, for messages.
pub fn name_of(activity: &Value) -> &str {
    activity
        .get("name")
        .or_else(|| activity.get("ref"))
        .and_then(Value::as_str)
        .unwrap_or("?")
}

/// Whether `text` is exactly one `${name}` pattern.
fn is_pattern(text: &str) -> bool {
    text.starts_with("${") && text.ends_with('}')
}

/// Checks one activity (Chaos Toolkit's `ensure_activity_is_valid`).
pub fn check_activity(activity: &Value, env: &CheckEnv<'_>) -> Result<(), String> {
    let obj = activity
        .as_object()
        .filter(|o| !o.is_empty())
        .ok_or("empty activity is no activity")?;
    if let Some(r) = obj.get("ref") {
        return match r {
            Value::String(s) if !s.is_empty() => Ok(()),
            _ => Err("reference to activity must be non-empty strings".into()),
        };
    }
    let kind = match obj.get("type") {
        Some(Value::String(t)) if !t.is_empty() => t.as_str(),
        _ => return Err("an activity must have a type".into()),
    };
    if kind != "probe" && kind != "action" {
        return Err(format!("'{kind}' is not a supported activity type"));
    }
    let name = match obj.get("name") {
        Some(Value::String(n)) if !n.is_empty() => n.as_str(),
        _ => return Err("an activity must have a name".into()),
    };
    let provider = obj
        .get("provider")
        .and_then(Value::as_object)
        .filter(|p| !p.is_empty())
        .ok_or_else(|| format!("activity '{name}' requires a provider"))?;
    if let Some(t) = obj.get("timeout")
        && !t.is_number()
    {
        return Err(format!("activity '{name}': timeout must be a number"));
    }
    if let Some(pauses) = obj.get("pauses") {
        let pauses = pauses
            .as_object()
            .ok_or_else(|| format!("activity '{name}': pauses must be a mapping"))?;
        for key in ["before", "after"] {
            match pauses.get(key) {
                None | Some(Value::Null) | Some(Value::Number(_)) => {}
                Some(Value::String(s)) if is_pattern(s) => {}
                Some(_) => {
                    return Err(format!(
                        "activity '{name}': {key} pause must be a number or a pattern \
                         to a variable from the configuration or secrets"
                    ));
                }
            }
        }
    }
    if let Some(b) = obj.get("background")
        && !b.is_boolean()
    {
        return Err(format!("activity '{name}': background must be a boolean"));
    }
    provider::check(name, provider, env)
}

impl Experiment {
    /// Every python provider (name, module, func, arguments), substituted,
    /// for [`provider::check_python`]; tolerance probes included.
    pub fn python_calls(&self, values: &Values) -> Vec<(String, String, String, Value)> {
        let mut found = Vec::new();
        let mut visit = |activity: &Value| {
            let Some(provider) = activity.get("provider") else {
                return;
            };
            if provider.get("type").and_then(Value::as_str) != Some("python") {
                return;
            }
            let provider = values.substitute(provider);
            let text = |k: &str| provider.get(k).map(py_str).unwrap_or_default();
            found.push((
                name_of(activity).to_owned(),
                text("module"),
                text("func"),
                provider
                    .get("arguments")
                    .cloned()
                    .unwrap_or(Value::Object(Map::new())),
            ));
        };
        let raw = &self.raw;
        let probes = raw
            .get("steady-state-hypothesis")
            .and_then(|h| h.get("probes"))
            .and_then(Value::as_array);
        for probe in probes.into_iter().flatten() {
            visit(probe);
            if let Some(t) = probe.get("tolerance").filter(|t| t.is_object()) {
                // A tolerance probe also gets `value` at run time.
                let mut t = t.clone();
                if let Some(Value::Object(args)) = t.pointer_mut("/provider/arguments") {
                    args.insert("value".into(), Value::Null);
                } else if let Some(Value::Object(p)) = t.get_mut("provider") {
                    p.insert("arguments".into(), serde_json::json!({"value": null}));
                }
                visit(&t);
            }
        }
        for key in ["method", "rollbacks"] {
            for activity in raw.get(key).and_then(Value::as_array).into_iter().flatten() {
                visit(activity);
            }
        }
        found
    }
}

/// Configuration and secrets, resolved: what `${name}` patterns read.
#[derive(Debug, Clone, Default)]
pub struct Values {
    pub configuration: Map<String, Value>,
    /// Scope → key → value.
    pub secrets: Map<String, Value>,
}

impl Values {
    /// Resolves the experiment's `configuration` and `secrets` sections:
    /// literals as they are, `{"type": "env", "key": K}` from `env`
    /// (with `default` and `env_var_type`), then `extra` (`--var`) over
    /// the configuration and `extra_secrets` over the secrets.
    pub fn resolve(
        experiment: &Experiment,
        env: &BTreeMap<String, String>,
        extra: &Map<String, Value>,
        extra_secrets: &Map<String, Value>,
    ) -> Result<Values, ChaosError> {
        let fail = |reason: String| bad(&experiment.path, &reason);
        let mut configuration = Map::new();
        if let Some(Value::Object(section)) = experiment.raw.get("configuration") {
            for (key, value) in section {
                if let Some(v) = extra.get(key) {
                    configuration.insert(key.clone(), v.clone());
                    continue;
                }
                let v =
                    dynamic(key, value, env).map_err(|e| fail(format!("configuration: {e}")))?;
                configuration.insert(key.clone(), v);
            }
        }
        for (key, value) in extra {
            configuration
                .entry(key.clone())
                .or_insert_with(|| value.clone());
        }
        let mut secrets = Map::new();
        if let Some(Value::Object(scopes)) = experiment.raw.get("secrets") {
            for (scope, entries) in scopes {
                let entries = entries
                    .as_object()
                    .ok_or_else(|| fail(format!("secrets.{scope} must be a mapping")))?;
                let mut resolved = Map::new();
                for (key, value) in entries {
                    let v = dynamic(key, value, env)
                        .map_err(|e| fail(format!("secrets.{scope}: {e}")))?;
                    resolved.insert(key.clone(), v);
                }
                secrets.insert(scope.clone(), Value::Object(resolved));
            }
        }
        for (scope, entries) in extra_secrets {
            let slot = secrets
                .entry(scope.clone())
                .or_insert_with(|| Value::Object(Map::new()));
            if let (Value::Object(slot), Value::Object(entries)) = (slot, entries) {
                for (k, v) in entries {
                    slot.insert(k.clone(), v.clone());
                }
            }
        }
        Ok(Values {
            configuration,
            secrets,
        })
    }

    /// Looks `name` up: the configuration first, then each secret scope.
    pub fn lookup(&self, name: &str) -> Option<&Value> {
        self.configuration.get(name).or_else(|| {
            self.secrets
                .values()
                .find_map(|scope| scope.as_object().and_then(|s| s.get(name)))
        })
    }

    /// Replaces `${name}` and `$name` patterns in every string inside
    /// `data` (Python's `string.Template.safe_substitute`, as Chaos Toolkit
    /// does): a string that is exactly one pattern takes the value with its
    /// type; unknown names stay as written; `$$` is a `$`.
    pub fn substitute(&self, data: &Value) -> Value {
        match data {
            Value::String(s) => self.substitute_str(s),
            Value::Array(items) => Value::Array(items.iter().map(|v| self.substitute(v)).collect()),
            Value::Object(map) => Value::Object(
                map.iter()
                    .map(|(k, v)| (k.clone(), self.substitute(v)))
                    .collect(),
            ),
            other => other.clone(),
        }
    }

    fn substitute_str(&self, text: &str) -> Value {
        if let Some(name) = whole_pattern(text)
            && let Some(v) = self.lookup(name)
        {
            return v.clone();
        }
        if !text.contains('$') {
            return Value::String(text.to_owned());
        }
        let bytes = text.as_bytes();
        let mut out = String::with_capacity(text.len());
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] != b'$' {
                let next = text[i..].find('$').map_or(text.len(), |n| i + n);
                out.push_str(&text[i..next]);
                i = next;
                continue;
            }
            let rest = &text[i + 1..];
            if rest.starts_with('$') {
                out.push('$');
                i += 2;
            } else if let Some(inner) = rest.strip_prefix('{')
                && let Some(end) = inner.find('}')
                && is_identifier(&inner[..end])
            {
                let name = &inner[..end];
                match self.lookup(name) {
                    Some(v) => out.push_str(&py_str(v)),
                    None => out.push_str(&text[i..i + 3 + end]),
                }
                i += 3 + end;
            } else {
                let len = identifier_len(rest);
                if len > 0 {
                    match self.lookup(&rest[..len]) {
                        Some(v) => out.push_str(&py_str(v)),
                        None => out.push_str(&text[i..i + 1 + len]),
                    }
                    i += 1 + len;
                } else {
                    out.push('$');
                    i += 1;
                }
            }
        }
        Value::String(out)
    }
}

fn whole_pattern(text: &str) -> Option<&str> {
    let inner = text.strip_prefix("${")?.strip_suffix('}')?;
    is_identifier(inner).then_some(inner)
}

fn identifier_len(text: &str) -> usize {
    let b = text.as_bytes();
    if b.is_empty() || !(b[0].is_ascii_alphabetic() || b[0] == b'_') {
        return 0;
    }
    b.iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == b'_')
        .count()
}

fn is_identifier(text: &str) -> bool {
    !text.is_empty() && identifier_len(text) == text.len()
}

/// Python's `str()` of a JSON value, as substitution into text renders it.
pub fn py_str(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Bool(true) => "True".into(),
        Value::Bool(false) => "False".into(),
        Value::Null => "None".into(),
        Value::Number(n) => n.to_string(),
        other => other.to_string(),
    }
}

/// One configuration or secret entry: a literal, or `{"type": "env", ...}`.
fn dynamic(key: &str, value: &Value, env: &BTreeMap<String, String>) -> Result<Value, String> {
    let Some(obj) = value.as_object().filter(|o| o.contains_key("type")) else {
        return Ok(value.clone());
    };
    match obj.get("type").and_then(Value::as_str) {
        Some("env") => {
            let var = obj
                .get("key")
                .and_then(Value::as_str)
                .ok_or_else(|| format!("{key}: an env entry needs a key"))?;
            let raw = match (env.get(var), obj.get("default")) {
                (Some(v), _) => Value::String(v.clone()),
                (None, Some(d)) => d.clone(),
                (None, None) => {
                    return Err(format!(
                        "{key}: makes reference to an environment key that does not exist: {var}"
                    ));
                }
            };
            match (obj.get("env_var_type").and_then(Value::as_str), raw) {
                (Some(ty), Value::String(s)) => convert(ty, &s).map_err(|e| format!("{key}: {e}")),
                (_, v) => Ok(v),
            }
        }
        Some("probe") => Err(format!(
            "{key}: dynamic configuration (a probe) is not supported by omni; \
             compute the value beforehand and pass it with --var {key}=VALUE"
        )),
        Some(other) => Err(format!(
            "{key}: '{other}' values are not supported (only literals and env)"
        )),
        None => Ok(value.clone()),
    }
}

/// Converts `--var NAME:TYPE=VALUE` text (Chaos Toolkit's types: str, int,
/// float, bytes, bool, json).
pub fn convert(ty: &str, text: &str) -> Result<Value, String> {
    match ty {
        "str" | "string" | "bytes" => Ok(Value::String(text.to_owned())),
        "int" | "integer" => text
            .trim()
            .parse::<i64>()
            .map(Value::from)
            .map_err(|_| format!("'{text}' is not an int")),
        "float" | "number" => text
            .trim()
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map(Value::Number)
            .ok_or_else(|| format!("'{text}' is not a float")),
        "bool" => Ok(Value::Bool(!matches!(
            text.to_ascii_lowercase().as_str(),
            "false" | "0" | "no"
        ))),
        "json" => serde_json::from_str(text).map_err(|e| format!("'{text}' is not JSON: {e}")),
        other => Err(format!(
            "variable type can only be: bool, str, int, float, bytes or json (not {other})"
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn values() -> Values {
        let mut configuration = Map::new();
        configuration.insert("port".into(), json!(8080));
        configuration.insert("host".into(), json!("localhost"));
        let mut secrets = Map::new();
        secrets.insert("db".into(), json!({"password": "s3cret"}));
        Values {
            configuration,
            secrets,
        }
    }

    #[test]
    fn substitution_follows_python_string_template() {
        let v = values();
        // A whole pattern keeps the value's type.
        assert_eq!(v.substitute(&json!("${port}")), json!(8080));
        // Inside text, str() of the value; $name works too; $$ is a dollar.
        assert_eq!(
            v.substitute(&json!("http://${host}:$port/x $$5 ${password}")),
            json!("http://localhost:8080/x $5 s3cret")
        );
        // Unknown names and things that are not identifiers stay as written.
        assert_eq!(
            v.substitute(&json!("${nope} $1 {print $2} ${port")),
            json!("${nope} $1 {print $2} ${port")
        );
        assert_eq!(
            v.substitute(&json!({"a": ["${port}", {"b": "${host}"}], "n": 3})),
            json!({"a": [8080, {"b": "localhost"}], "n": 3})
        );
    }

    #[test]
    fn env_entries_resolve_with_defaults_and_types() {
        let mut env = BTreeMap::new();
        env.insert("SVC_PORT".to_owned(), "9000".to_owned());
        let ok = |v: Value| dynamic("k", &v, &env);
        assert_eq!(
            ok(json!({"type": "env", "key": "SVC_PORT", "env_var_type": "int"})).unwrap(),
            json!(9000)
        );
        assert_eq!(
            ok(json!({"type": "env", "key": "NOPE", "default": "x"})).unwrap(),
            json!("x")
        );
        assert!(
            ok(json!({"type": "env", "key": "NOPE"}))
                .unwrap_err()
                .contains("NOPE")
        );
        assert_eq!(ok(json!("plain")).unwrap(), json!("plain"));
        assert_eq!(convert("bool", "no").unwrap(), json!(false));
        assert_eq!(convert("json", "[1]").unwrap(), json!([1]));
        assert!(convert("int", "x").is_err());
    }
}
