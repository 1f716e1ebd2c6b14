//! Tolerances: whether a probe's output is what the hypothesis expects.
//!
//! The rules are Chaos Toolkit's (`chaoslib.hypothesis.within_tolerance`),
//! with Python's comparison semantics reproduced on JSON values:
//! - `true`/`false`, a string: the output equals it (Python `==`, so `1 ==
//!   true`).
//! - an integer: the output equals it, or, for a mapping with a `status`
//!   (process and http outputs), the status does.
//! - a list: a `status` in the list; otherwise, for two elements, an
//!   inclusive range; otherwise membership.
//! - `{"type": "regex", "pattern", "target"?}`: the pattern is found in
//!   the output (or its `target` key); Rust's regex syntax, which matches
//!   Python's for everything but look-around and back-references.
//! - `{"type": "jsonpath", "path", "target"?, "count"?, "expect"?}`: RFC
//!   9535 JSONPath; a string output is parsed as JSON first.
//! - `{"type": "range", "range": [lo, hi], "target"?}`: the output as a
//!   decimal number lies in the inclusive range.
//! - `{"type": "probe", ...}`: the runner calls that probe with the output
//!   as its `value` argument; a truthy result is within tolerance.
//!
//! A comparison Python would refuse (a string against a number range) is
//! "not within tolerance", with the reason, never a crash.

use std::cmp::Ordering;

use serde_json::Value;

use super::CheckEnv;

/// Checks a tolerance's shape (Chaos Toolkit's
/// `ensure_hypothesis_tolerance_is_valid`).
pub fn check(tolerance: &Value, env: &CheckEnv<'_>) -> Result<(), String> {
    match tolerance {
        Value::Bool(_) | Value::String(_) | Value::Array(_) => Ok(()),
        Value::Number(n) if n.is_i64() || n.is_u64() => Ok(()),
        Value::Object(obj) => match obj.get("type").and_then(Value::as_str) {
            Some("probe") => super::check_activity(tolerance, env),
            Some("regex") => {
                let pattern = obj
                    .get("pattern")
                    .ok_or("hypothesis regex probe tolerance must have a `pattern` key")?;
                match pattern.as_str() {
                    Some(p) if p.starts_with("${") => Ok(()),
                    Some(p) => regex::Regex::new(p).map(drop).map_err(|e| {
                        format!("hypothesis probe tolerance pattern {p} seems invalid: {e}")
                    }),
                    None => Err(format!(
                        "hypothesis probe tolerance pattern {pattern} has an invalid type"
                    )),
                }
            }
            Some("jsonpath") => {
                let path = obj
                    .get("path")
                    .ok_or("hypothesis jsonpath probe tolerance must have a `path` key")?;
                match path.as_str().map(str::trim) {
                    Some("") => Err("hypothesis probe tolerance JSON path cannot be empty".into()),
                    Some(p) if p.starts_with("${") => Ok(()),
                    Some(p) => serde_json_path::JsonPath::parse(p).map(drop).map_err(|e| {
                        format!("hypothesis probe tolerance JSON path {p} is invalid: {e}")
                    }),
                    None => Err(format!(
                        "hypothesis probe tolerance JSON path {path} has an invalid type"
                    )),
                }
            }
            Some("range") => {
                let range = obj
                    .get("range")
                    .ok_or("hypothesis range probe tolerance must have a `range` key")?
                    .as_array()
                    .ok_or("hypothesis range must be a sequence")?;
                if range.len() != 2 {
                    return Err("hypothesis range sequence must be made of two values".into());
                }
                if !range[0].is_number() {
                    return Err("hypothesis range lower boundary must be a number".into());
                }
                if !range[1].is_number() {
                    return Err("hypothesis range upper boundary must be a number".into());
                }
                Ok(())
            }
            other => Err(format!(
                "hypothesis probe tolerance type '{}' is unsupported",
                other.unwrap_or("(none)")
            )),
        },
        _ => Err(
            "hypothesis probe tolerance must either be an integer, a string, a boolean \
                  or a pair of values for boundaries, or a mapping with a type \
                  (probe, regex, jsonpath, range)"
                .into(),
        ),
    }
}

/// The verdict on one output.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    Met,
    /// Not within tolerance, and why.
    NotMet(String),
    /// A `probe` tolerance: the runner must call it with this value.
    CallProbe,
}

/// Judges `value` against an already substituted `tolerance`.
pub fn judge(tolerance: &Value, value: &Value) -> Verdict {
    let verdict = |ok: bool, why: &dyn Fn() -> String| {
        if ok {
            Verdict::Met
        } else {
            Verdict::NotMet(why())
        }
    };
    let status = value.as_object().and_then(|o| o.get("status"));
    match tolerance {
        Value::Bool(_) | Value::String(_) => verdict(py_eq(value, tolerance), &|| {
            format!("expected {tolerance}, got {}", short(value))
        }),
        Value::Number(_) => {
            let got = status.unwrap_or(value);
            verdict(py_eq(got, tolerance), &|| {
                format!("expected {tolerance}, got {}", short(got))
            })
        }
        Value::Array(items) => {
            if let Some(s) = status {
                return verdict(items.iter().any(|t| py_eq(s, t)), &|| {
                    format!("status {s} is not one of {tolerance}")
                });
            }
            if items.len() == 2 {
                let lo = py_cmp(&items[0], value);
                let hi = py_cmp(value, &items[1]);
                match (lo, hi) {
                    (Some(lo), Some(hi)) => verdict(lo.is_le() && hi.is_le(), &|| {
                        format!("{} is outside {tolerance}", short(value))
                    }),
                    _ => Verdict::NotMet(format!(
                        "{} cannot be compared with the range {tolerance}",
                        short(value)
                    )),
                }
            } else {
                verdict(items.iter().any(|t| py_eq(value, t)), &|| {
                    format!("{} is not one of {tolerance}", short(value))
                })
            }
        }
        Value::Object(obj) => {
            let kind = obj.get("type").and_then(Value::as_str).unwrap_or("");
            let targeted = || match (obj.get("target").and_then(Value::as_str), value) {
                (Some(t), Value::Object(o)) => o.get(t).unwrap_or(value),
                _ => value,
            };
            match kind {
                "probe" => Verdict::CallProbe,
                "regex" => {
                    let pattern = obj.get("pattern").and_then(Value::as_str).unwrap_or("");
                    let re = match regex::Regex::new(pattern) {
                        Ok(re) => re,
                        Err(e) => return Verdict::NotMet(format!("pattern {pattern}: {e}")),
                    };
                    match targeted() {
                        Value::String(s) => verdict(re.is_match(s), &|| {
                            format!(
                                "/{pattern}/ not found in {}",
                                short(&Value::String(s.clone()))
                            )
                        }),
                        other => {
                            Verdict::NotMet(format!("a regex needs text, got {}", short(other)))
                        }
                    }
                }
                "jsonpath" => jsonpath(obj, targeted()),
                "range" => {
                    let range = obj.get("range").and_then(Value::as_array);
                    let (Some(lo), Some(hi)) = (
                        range.and_then(|r| r.first()).and_then(number),
                        range.and_then(|r| r.get(1)).and_then(number),
                    ) else {
                        return Verdict::NotMet("the range needs two numbers".into());
                    };
                    let got = targeted();
                    match number(got) {
                        Some(x) => verdict(lo <= x && x <= hi, &|| {
                            format!("{} is outside [{lo}, {hi}]", short(got))
                        }),
                        None => Verdict::NotMet(format!(
                            "range check expects a number value, got {}",
                            short(got)
                        )),
                    }
                }
                other => Verdict::NotMet(format!("unsupported tolerance type '{other}'")),
            }
        }
        Value::Null => Verdict::NotMet("a null tolerance matches nothing".into()),
    }
}

fn jsonpath(obj: &serde_json::Map<String, Value>, value: &Value) -> Verdict {
    let text = obj.get("path").and_then(Value::as_str).unwrap_or("").trim();
    let path = match serde_json_path::JsonPath::parse(text) {
        Ok(p) => p,
        Err(e) => return Verdict::NotMet(format!("JSON path {text}: {e}")),
    };
    let parsed;
    let doc = match value {
        Value::String(s) => match serde_json::from_str::<Value>(s) {
            Ok(v) => {
                parsed = v;
                &parsed
            }
            Err(_) => value,
        },
        _ => value,
    };
    let found: Vec<&Value> = path.query(doc).all();
    let mut ok = !found.is_empty();
    if let Some(count) = obj.get("count").and_then(Value::as_u64) {
        ok = found.len() as u64 == count;
    }
    if let Some(expect) = obj.get("expect") {
        ok = match expect {
            Value::Array(list) => {
                found.len() == list.len() && found.iter().zip(list).all(|(a, b)| py_eq(a, b))
            }
            one => found.len() == 1 && py_eq(found[0], one),
        };
    }
    if ok {
        Verdict::Met
    } else {
        Verdict::NotMet(format!(
            "{text} found {}",
            short(&Value::Array(found.into_iter().cloned().collect()))
        ))
    }
}

/// A number as Python's `Decimal(x)` reads it: ints, floats, booleans
/// and numeric strings.
fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::Bool(b) => Some(f64::from(u8::from(*b))),
        Value::String(s) => s.trim().parse().ok().filter(|x: &f64| x.is_finite()),
        _ => None,
    }
}

/// A numeric view for Python's `==` and `<`: numbers and booleans.
fn numeric(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::Bool(b) => Some(f64::from(u8::from(*b))),
        _ => None,
    }
}

/// Python's `a == b` on JSON values.
pub fn py_eq(a: &Value, b: &Value) -> bool {
    if let (Some(x), Some(y)) = (numeric(a), numeric(b)) {
        return match (a, b) {
            (Value::Number(m), Value::Number(n)) => match (m.as_i64(), n.as_i64()) {
                (Some(i), Some(j)) => i == j,
                _ => x == y,
            },
            _ => x == y,
        };
    }
    match (a, b) {
        (Value::String(x), Value::String(y)) => x == y,
        (Value::Null, Value::Null) => true,
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| py_eq(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len() && x.iter().all(|(k, v)| y.get(k).is_some_and(|w| py_eq(v, w)))
        }
        _ => false,
    }
}

/// Python's ordering of `a` and `b`, where Python has one.
pub fn py_cmp(a: &Value, b: &Value) -> Option<Ordering> {
    if let (Some(x), Some(y)) = (numeric(a), numeric(b)) {
        return x.partial_cmp(&y);
    }
    match (a, b) {
        (Value::String(x), Value::String(y)) => Some(x.cmp(y)),
        (Value::Array(x), Value::Array(y)) => {
            for (p, q) in x.iter().zip(y) {
                if !py_eq(p, q) {
                    return py_cmp(p, q);
                }
            }
            Some(x.len().cmp(&y.len()))
        }
        _ => None,
    }
}

/// Python's truthiness.
pub fn py_truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|x| x != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

/// A value, cut to a readable length for a message.
pub fn short(v: &Value) -> String {
    let text = v.to_string();
    if text.chars().count() <= 120 {
        text
    } else {
        let cut: String = text.chars().take(117).collect();
        format!("{cut}...")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn met(t: Value, v: Value) -> bool {
        judge(&t, &v) == Verdict::Met
    }

    #[test]
    fn scalars_compare_like_python() {
        assert!(met(json!(true), json!(true)));
        assert!(met(json!(true), json!(1))); // 1 == True in Python
        assert!(!met(json!(true), json!("true")));
        assert!(met(json!("ok"), json!("ok")));
        assert!(met(json!(0), json!({"status": 0, "stdout": ""})));
        assert!(!met(json!(0), json!({"status": 1})));
        assert!(met(json!(200), json!(200.0)));
        assert!(!met(json!(200), json!("200")));
    }

    #[test]
    fn lists_are_status_sets_ranges_or_members() {
        assert!(met(json!([200, 201]), json!({"status": 201, "body": ""})));
        assert!(!met(json!([200, 201]), json!({"status": 500})));
        assert!(met(json!([1, 5]), json!(3)));
        assert!(met(json!([1, 5]), json!(5)));
        assert!(!met(json!([1, 5]), json!(6)));
        assert!(!met(json!([1, 5]), json!("3"))); // Python: TypeError
        assert!(met(json!(["a", "b", "c"]), json!("b")));
        assert!(!met(json!(["a", "b", "c"]), json!("d")));
    }

    #[test]
    fn regex_range_and_jsonpath_tolerances() {
        let out = json!({"status": 0, "stdout": "uptime 42 days\n", "stderr": ""});
        assert!(met(
            json!({"type": "regex", "pattern": "\\d+ days", "target": "stdout"}),
            out.clone()
        ));
        assert!(!met(
            json!({"type": "regex", "pattern": "^days", "target": "stdout"}),
            out
        ));
        assert!(met(
            json!({"type": "range", "range": [1, 2.5]}),
            json!("2.5")
        ));
        assert!(!met(json!({"type": "range", "range": [1, 2]}), json!("x")));
        let body = json!({"status": 200, "body": {"items": [{"ok": true}, {"ok": false}]}});
        let path = |extra: Value| {
            let mut t = json!({"type": "jsonpath", "path": "$.items[*].ok", "target": "body"});
            t.as_object_mut()
                .unwrap()
                .extend(extra.as_object().unwrap().clone());
            t
        };
        assert!(met(path(json!({})), body.clone()));
        assert!(met(path(json!({"count": 2})), body.clone()));
        assert!(!met(path(json!({"count": 1})), body.clone()));
        assert!(met(path(json!({"expect": [true, false]})), body.clone()));
        assert!(!met(path(json!({"expect": true})), body));
        // A string output is parsed as JSON first.
        assert!(met(
            json!({"type": "jsonpath", "path": "$.a", "expect": 1}),
            json!("{\"a\": 1}")
        ));
    }

    #[test]
    fn shapes_are_checked_before_the_run() {
        let env = CheckEnv {
            path_var: None,
            home: None,
            ignore_controls: false,
        };
        assert!(check(&json!(1.5), &env).is_err()); // floats are not tolerances
        assert!(check(&json!({"type": "range", "range": [1]}), &env).is_err());
        assert!(check(&json!({"type": "regex", "pattern": "("}), &env).is_err());
        assert!(check(&json!({"type": "jsonpath", "path": "$[?"}), &env).is_err());
        assert!(check(&json!({"type": "nope"}), &env).is_err());
        assert!(check(&json!([200, 204]), &env).is_ok());
    }
}
