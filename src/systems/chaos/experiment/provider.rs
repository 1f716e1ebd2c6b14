//! What an activity runs: a `process`, an `http` request, a `tcp` connect
//! (omni's own) or a `python` function (in a `python3` child).
//!
//! Outputs are Chaos Toolkit's, so tolerances written for it hold here:
//! - process: `{"status": exit code (negative signal number when killed),
//!   "stdout": text, "stderr": text}`; a timeout fails the activity.
//! - http: `{"status", "headers", "body"}`, the body parsed when the
//!   response is JSON; a refused connection or a timeout fails the
//!   activity, an error status does not.
//! - tcp: `true` when a connection opened within the timeout, `false`
//!   when it was refused or timed out (a health check's answer, not an
//!   error); an unresolvable address fails the activity.
//! - python: the function's return value, JSON-encoded by the child
//!   (anything JSON cannot hold is turned into its `str()`); an exception
//!   fails the activity with Python's one-line description.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::{Map, Value};
use tokio_util::sync::CancellationToken;

use super::{CheckEnv, Values, is_pattern, py_str};
use crate::runtime::http_client;
use crate::runtime::process::{self, Ending, Sink, TaskSpec};

/// What running a provider needs from the run.
#[derive(Debug, Clone)]
pub struct Context {
    /// Configuration and secrets (the provider is already substituted;
    /// python functions that ask for `configuration` get this).
    pub values: Values,
    /// `PATH`, to find process programs.
    pub path_var: Option<String>,
    /// `HOME`, for `~/`.
    pub home: Option<String>,
    /// Added to every child's environment.
    pub child_env: Vec<(OsString, OsString)>,
    /// The Python interpreter for `python` providers.
    pub python: PathBuf,
    /// Between SIGTERM and SIGKILL when a process is stopped.
    pub grace: Duration,
    /// `verify_tls: false` for every http provider (`--no-verify-tls`).
    pub no_verify_tls: bool,
}

/// Checks a provider's shape; a process program must be found now, as
/// Chaos Toolkit checks.
pub fn check(name: &str, provider: &Map<String, Value>, env: &CheckEnv<'_>) -> Result<(), String> {
    let string = |key: &str| match provider.get(key) {
        Some(Value::String(s)) if !s.is_empty() => Ok(s.as_str()),
        _ => Err(format!("activity '{name}': a {key} is required")),
    };
    match provider.get("type").and_then(Value::as_str) {
        Some("process") => {
            let path = string("path").map_err(|_| "a process activity must have a path")?;
            if !path.contains("${") && which(path, env.path_var, env.home).is_none() {
                return Err(format!(
                    "path '{path}' cannot be found, in activity '{name}'"
                ));
            }
            match provider.get("arguments") {
                None
                | Some(Value::Null | Value::String(_) | Value::Array(_) | Value::Object(_)) => {}
                Some(_) => {
                    return Err(format!(
                        "activity '{name}': arguments must be a string, a list or a mapping"
                    ));
                }
            }
            timeout_ok(name, provider.get("timeout"))
        }
        Some("http") => {
            string("url")
                .map_err(|_| format!("activity '{name}': a HTTP activity must have a URL"))?;
            if let Some(h) = provider.get("headers")
                && !h.is_object()
                && !h.as_str().is_some_and(is_pattern)
            {
                return Err(format!(
                    "activity '{name}': a HTTP activities expect headers as a mapping"
                ));
            }
            match provider.get("timeout") {
                Some(Value::Array(pair))
                    if pair.len() == 2 && pair.iter().all(Value::is_number) =>
                {
                    Ok(())
                }
                Some(Value::Array(_)) => Err(format!(
                    "activity '{name}': timeout must be a number or [connect, read]"
                )),
                other => timeout_ok(name, other),
            }
        }
        Some("tcp") => {
            string("address")?;
            timeout_ok(name, provider.get("timeout"))
        }
        Some("python") => {
            string("module").map_err(|_| "a Python activity must have a module path")?;
            string("func").map_err(|_| "a Python activity must have a function name")?;
            match provider.get("arguments") {
                None | Some(Value::Null | Value::Object(_)) => Ok(()),
                Some(_) => Err(format!("activity '{name}': arguments must be a mapping")),
            }
        }
        Some(other) => Err(format!("unknown provider type '{other}'")),
        None => Err("a provider must have a type".into()),
    }
}

fn timeout_ok(name: &str, v: Option<&Value>) -> Result<(), String> {
    match v {
        None | Some(Value::Null) => Ok(()),
        Some(Value::Number(n)) if n.as_f64().is_some_and(|t| t > 0.0) => Ok(()),
        Some(Value::String(s)) if is_pattern(s) => Ok(()),
        Some(_) => Err(format!(
            "activity '{name}': timeout must be a positive number of seconds"
        )),
    }
}

/// Finds `program` the way `shutil.which` does: a path with a slash as it
/// is (if executable), otherwise the first executable file in `PATH`.
pub fn which(program: &str, path_var: Option<&str>, home: Option<&str>) -> Option<PathBuf> {
    use std::os::unix::fs::PermissionsExt as _;
    let expanded = match (program.strip_prefix("~/"), home) {
        (Some(rest), Some(home)) => format!("{home}/{rest}"),
        _ => program.to_owned(),
    };
    let executable = |p: &Path| {
        std::fs::metadata(p).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    };
    if expanded.contains('/') {
        let p = PathBuf::from(&expanded);
        return executable(&p).then_some(p);
    }
    path_var?
        .split(':')
        .filter(|d| !d.is_empty())
        .map(|d| Path::new(d).join(&expanded))
        .find(|p| executable(p))
}

/// A number of seconds from a JSON value.
pub fn seconds(v: Option<&Value>) -> Option<Duration> {
    v.and_then(Value::as_f64)
        .filter(|s| s.is_finite() && *s > 0.0)
        .map(Duration::from_secs_f64)
}

/// Runs one (substituted) provider. `Err` is the activity's failure.
pub async fn run(
    provider: &Map<String, Value>,
    ctx: &Context,
    cancel: &CancellationToken,
) -> Result<Value, String> {
    if cancel.is_cancelled() {
        return Err("interrupted before it started".into());
    }
    match provider.get("type").and_then(Value::as_str) {
        Some("process") => run_process(provider, ctx, cancel).await,
        Some("http") => race(cancel, run_http(provider, ctx)).await,
        Some("tcp") => race(cancel, run_tcp(provider)).await,
        Some("python") => run_python(provider, ctx, cancel).await,
        other => Err(format!("unknown provider type {other:?}")),
    }
}

async fn race(
    cancel: &CancellationToken,
    work: impl Future<Output = Result<Value, String>>,
) -> Result<Value, String> {
    tokio::select! {
        r = work => r,
        () = cancel.cancelled() => Err("interrupted".into()),
    }
}

/// Quotes one word for `/bin/sh`.
fn quote(word: &str) -> String {
    shell_words::quote(word).into_owned()
}

async fn run_process(
    provider: &Map<String, Value>,
    ctx: &Context,
    cancel: &CancellationToken,
) -> Result<Value, String> {
    let raw = provider.get("path").and_then(Value::as_str).unwrap_or("");
    let path = which(raw, ctx.path_var.as_deref(), ctx.home.as_deref())
        .ok_or_else(|| format!("path '{raw}' cannot be found"))?;
    let program = quote(&path.to_string_lossy());
    // As Chaos Toolkit: text arguments go through the shell; a list or a
    // mapping (flattened to key value ...) are words, None and "" dropped.
    let command = match provider.get("arguments") {
        Some(Value::String(s)) => format!("{program} {s}"),
        Some(Value::Array(items)) => words(program, items.iter()),
        Some(Value::Object(map)) => words(
            program,
            map.iter()
                .flat_map(|(k, v)| [Value::String(k.clone()), v.clone()])
                .collect::<Vec<_>>()
                .iter(),
        ),
        _ => program,
    };
    let spec = captured(command, provider, ctx);
    let done = process::run(&spec, cancel)
        .await
        .map_err(|e| format!("cannot run {}: {e}", path.display()))?;
    let status = match done.ending {
        Ending::Exited(code) => code,
        Ending::Signaled(sig) => -sig,
        Ending::TimedOut => return Err("process activity took too long to complete".into()),
        Ending::Cancelled => return Err("interrupted".into()),
    };
    let mut out = Map::new();
    out.insert("status".into(), Value::from(status));
    out.insert(
        "stdout".into(),
        Value::String(String::from_utf8_lossy(&done.stdout).into_owned()),
    );
    out.insert(
        "stderr".into(),
        Value::String(String::from_utf8_lossy(&done.stderr).into_owned()),
    );
    Ok(Value::Object(out))
}

/// A shell task with its output captured, the provider's `timeout`, and
/// the run's grace period and environment.
fn captured(command: String, provider: &Map<String, Value>, ctx: &Context) -> TaskSpec {
    let mut spec = TaskSpec::shell(command);
    spec.stdout = Sink::Capture;
    spec.stderr = Sink::Capture;
    spec.timeout = seconds(provider.get("timeout"));
    spec.grace = ctx.grace;
    spec.env = ctx.child_env.clone();
    spec
}

fn words<'a>(program: String, items: impl Iterator<Item = &'a Value>) -> String {
    let mut command = program;
    for item in items {
        let word = match item {
            Value::Null => continue,
            v => py_str(v),
        };
        if word.is_empty() {
            continue;
        }
        command.push(' ');
        command.push_str(&quote(&word));
    }
    command
}

async fn run_http(provider: &Map<String, Value>, ctx: &Context) -> Result<Value, String> {
    let url = provider.get("url").map(py_str).unwrap_or_default();
    let method = provider
        .get("method")
        .and_then(Value::as_str)
        .unwrap_or("GET")
        .to_ascii_uppercase();
    let mut req = http_client::Request::get(url.clone());
    req.method = method.clone();
    if let Some(Value::Object(headers)) = provider.get("headers") {
        req.headers = headers
            .iter()
            .map(|(k, v)| (k.clone(), py_str(v)))
            .collect();
    }
    match provider.get("timeout") {
        Some(Value::Array(pair)) => {
            req.connect_timeout = seconds(pair.first());
            req.read_timeout = seconds(pair.get(1));
        }
        other => {
            req.connect_timeout = seconds(other);
            req.read_timeout = seconds(other);
        }
    }
    req.verify_tls =
        !ctx.no_verify_tls && provider.get("verify_tls").and_then(Value::as_bool) != Some(false);
    let json_body = req
        .headers
        .iter()
        .any(|(k, v)| k.eq_ignore_ascii_case("content-type") && v == "application/json");
    match provider.get("arguments") {
        None | Some(Value::Null) => {}
        Some(Value::Object(args)) if method == "GET" => {
            let query = args
                .iter()
                .filter(|(_, v)| !v.is_null())
                .flat_map(|(k, v)| match v {
                    Value::Array(items) => items.iter().map(|i| (k, py_str(i))).collect(),
                    v => vec![(k, py_str(v))],
                })
                .map(|(k, v)| {
                    format!(
                        "{}={}",
                        http_client::form_encode(k),
                        http_client::form_encode(&v)
                    )
                })
                .collect::<Vec<_>>()
                .join("&");
            if !query.is_empty() {
                let sep = if url.contains('?') { '&' } else { '?' };
                req.url = format!("{url}{sep}{query}");
            }
        }
        Some(args) if json_body => req.body = Some(args.to_string().into_bytes()),
        Some(Value::Object(args)) => {
            let form = args
                .iter()
                .map(|(k, v)| {
                    format!(
                        "{}={}",
                        http_client::form_encode(k),
                        http_client::form_encode(&py_str(v))
                    )
                })
                .collect::<Vec<_>>()
                .join("&");
            req.body = Some(form.into_bytes());
            req.headers.push((
                "content-type".into(),
                "application/x-www-form-urlencoded".into(),
            ));
        }
        Some(other) => req.body = Some(py_str(other).into_bytes()),
    }
    let retries = provider
        .get("max_retries")
        .and_then(Value::as_u64)
        .unwrap_or(0);
    let mut attempt = 0;
    let resp = loop {
        match http_client::send(&req).await {
            Ok(resp) => break resp,
            Err(http_client::HttpError::Connect { .. }) if attempt < retries => attempt += 1,
            Err(e @ http_client::HttpError::Timeout { .. }) => {
                return Err(format!("activity took too long to complete ({e})"));
            }
            Err(e) => return Err(e.to_string()),
        }
    };
    let is_json = resp
        .header("content-type")
        .and_then(|t| t.split(';').next())
        .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/json"));
    let text = String::from_utf8_lossy(&resp.body).into_owned();
    let body = if is_json {
        serde_json::from_str(&text).unwrap_or(Value::String(text))
    } else {
        Value::String(text)
    };
    let mut headers = Map::new();
    for (k, v) in &resp.headers {
        headers
            .entry(k.clone())
            .or_insert_with(|| Value::String(v.clone()));
    }
    let mut out = Map::new();
    out.insert("status".into(), Value::from(resp.status));
    out.insert("headers".into(), Value::Object(headers));
    out.insert("body".into(), body);
    Ok(Value::Object(out))
}

async fn run_tcp(provider: &Map<String, Value>) -> Result<Value, String> {
    let address = provider.get("address").map(py_str).unwrap_or_default();
    let limit = seconds(provider.get("timeout")).unwrap_or(Duration::from_secs(5));
    let addrs: Vec<std::net::SocketAddr> = tokio::net::lookup_host(address.as_str())
        .await
        .map_err(|e| format!("{address}: {e}"))?
        .collect();
    if addrs.is_empty() {
        return Err(format!("{address}: no address"));
    }
    let started = Instant::now();
    for addr in addrs {
        let left = limit.saturating_sub(started.elapsed());
        if let Ok(Ok(_)) = tokio::time::timeout(left, tokio::net::TcpStream::connect(addr)).await {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

/// The child's side of a python provider: reads the call from stdin,
/// writes `{"ok": result}`, `{"failed": line}` or `{"invalid": line}` to
/// the original stdout (the function's own prints go to stderr).
const PYTHON_BOOT: &str = r#"
import importlib, inspect, json, sys, traceback
out = sys.stdout
sys.stdout = sys.stderr
call = json.load(sys.stdin)
def send(obj):
    def enc(o):
        if isinstance(o, bytes):
            return o.decode("utf-8", "replace")
        if isinstance(o, (set, frozenset, tuple)):
            return list(o)
        return str(o)
    out.write(json.dumps(obj, default=enc))
    out.flush()
def line(x):
    return traceback.format_exception_only(type(x), x)[-1].strip()
try:
    mod = importlib.import_module(call["module"])
    func = getattr(mod, call["func"])
except Exception as x:
    send({"invalid": line(x)})
    sys.exit(0)
args = dict(call.get("arguments") or {})
try:
    params = inspect.signature(func).parameters
except (TypeError, ValueError):
    params = {}
if "configuration" in params:
    args["configuration"] = call.get("configuration") or {}
if "secrets" in params and call.get("secrets") is not None:
    args["secrets"] = call["secrets"]
try:
    result = func(**args)
except Exception as x:
    send({"failed": line(x)})
    sys.exit(0)
send({"ok": result})
"#;

async fn run_python(
    provider: &Map<String, Value>,
    ctx: &Context,
    cancel: &CancellationToken,
) -> Result<Value, String> {
    let module = provider.get("module").map(py_str).unwrap_or_default();
    let func = provider.get("func").map(py_str).unwrap_or_default();
    let mut call = Map::new();
    call.insert("module".into(), Value::String(module.clone()));
    call.insert("func".into(), Value::String(func.clone()));
    call.insert(
        "arguments".into(),
        provider
            .get("arguments")
            .cloned()
            .unwrap_or(Value::Object(Map::new())),
    );
    call.insert(
        "configuration".into(),
        Value::Object(ctx.values.configuration.clone()),
    );
    // As Chaos Toolkit: a function sees the secret scopes its provider names.
    if let Some(Value::Array(scopes)) = provider.get("secrets") {
        let mut merged = Map::new();
        for scope in scopes.iter().filter_map(Value::as_str) {
            if let Some(Value::Object(s)) = ctx.values.secrets.get(scope) {
                merged.extend(s.clone());
            }
        }
        call.insert("secrets".into(), Value::Object(merged));
    }
    let python = quote(&ctx.python.to_string_lossy());
    let mut spec = captured(format!("{python} -c {}", quote(PYTHON_BOOT)), provider, ctx);
    spec.stdin = Some(Value::Object(call).to_string().into_bytes());
    let done = process::run(&spec, cancel)
        .await
        .map_err(|e| format!("cannot run {}: {e}", ctx.python.display()))?;
    match done.ending {
        Ending::TimedOut => return Err("python activity took too long to complete".into()),
        Ending::Cancelled => return Err("interrupted".into()),
        _ => {}
    }
    let reply: Value = serde_json::from_slice(&done.stdout).map_err(|_| {
        let err = String::from_utf8_lossy(&done.stderr);
        let last = err
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("");
        format!(
            "{module}.{func}: the Python child ended without an answer ({}){}",
            match done.ending {
                Ending::Exited(127) => format!("{} not found", ctx.python.display()),
                Ending::Exited(c) => format!("exit {c}"),
                Ending::Signaled(s) => format!("signal {s}"),
                _ => "stopped".into(),
            },
            if last.is_empty() {
                String::new()
            } else {
                format!(": {last}")
            }
        )
    })?;
    if let Some(ok) = reply.get("ok") {
        return Ok(ok.clone());
    }
    if let Some(Value::String(why)) = reply.get("invalid") {
        return Err(format!("could not load {module}.{func}: {why}"));
    }
    Err(reply
        .get("failed")
        .map(py_str)
        .unwrap_or_else(|| "the function failed".into()))
}

/// The child's side of [`check_python`]: for each call, imports the
/// module, finds the function and binds the arguments, as Chaos Toolkit's
/// `validate_python_activity` does; prints the first problem, or nothing.
const PYTHON_CHECK: &str = r#"
import importlib, inspect, json, sys
for call in json.load(sys.stdin):
    name, mod_name, func_name = call["name"], call["module"], call["func"]
    try:
        mod = importlib.import_module(mod_name)
    except ImportError as x:
        print("could not import Python module '%s' in activity '%s': %s" % (mod_name, name, x))
        sys.exit(0)
    func = getattr(mod, func_name, None)
    if func is None or not callable(func):
        print("the Python module '%s' has no function '%s' (activity '%s')" % (mod_name, func_name, name))
        sys.exit(0)
    try:
        sig = inspect.signature(func)
    except (TypeError, ValueError):
        continue
    args = dict(call.get("arguments") or {})
    for extra in ("secrets", "configuration"):
        if extra in sig.parameters:
            args[extra] = None
    try:
        sig.bind(**args)
    except TypeError as x:
        print("activity '%s': the arguments do not fit %s.%s: %s" % (name, mod_name, func_name, x))
        sys.exit(0)
"#;

/// Checks every python activity in one `python3` child before the run,
/// so an experiment whose rollback cannot even be imported is refused
/// before its method breaks anything.
pub async fn check_python(
    calls: &[(String, String, String, Value)],
    python: &Path,
    child_env: &[(OsString, OsString)],
) -> Result<(), String> {
    if calls.is_empty() {
        return Ok(());
    }
    let list: Vec<Value> = calls
        .iter()
        .map(|(name, module, func, args)| {
            serde_json::json!({"name": name, "module": module, "func": func, "arguments": args})
        })
        .collect();
    let mut spec = TaskSpec::shell(format!(
        "{} -c {}",
        quote(&python.to_string_lossy()),
        quote(PYTHON_CHECK)
    ));
    spec.stdin = Some(Value::Array(list).to_string().into_bytes());
    spec.stdout = Sink::Capture;
    spec.stderr = Sink::Capture;
    spec.timeout = Some(Duration::from_secs(60));
    spec.env = child_env.to_vec();
    let done = process::run(&spec, &CancellationToken::new())
        .await
        .map_err(|e| format!("cannot run {}: {e}", python.display()))?;
    let said = String::from_utf8_lossy(&done.stdout).trim().to_owned();
    match done.ending {
        Ending::Exited(0) if said.is_empty() => Ok(()),
        Ending::Exited(0) => Err(said),
        Ending::Exited(127) => Err(format!(
            "python activities need {}, which was not found (--python PATH)",
            python.display()
        )),
        other => Err(format!(
            "checking the python activities with {} failed ({other:?}): {}",
            python.display(),
            String::from_utf8_lossy(&done.stderr).trim()
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn process_words_drop_none_and_empty_and_quote_the_rest() {
        let items = [
            json!("-c"),
            json!(""),
            Value::Null,
            json!("a b"),
            json!(3),
            json!(true),
        ];
        assert_eq!(words("prog".into(), items.iter()), "prog -c 'a b' 3 True");
    }

    #[test]
    fn which_finds_programs_like_shutil_which() {
        let found = which("sh", Some("/nonexistent:/bin:/usr/bin"), None).unwrap();
        assert!(found.ends_with("sh"));
        assert!(which("sh", Some("/nonexistent"), None).is_none());
        assert_eq!(which("/bin/sh", None, None), Some(PathBuf::from("/bin/sh")));
        assert!(which("/etc/passwd", None, None).is_none()); // not executable
    }
}
