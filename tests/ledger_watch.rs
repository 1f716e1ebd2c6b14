//! `omni ledger watch` against fail2ban itself: every annotated line of
//! fail2ban's own sshd test logs (read from the installed package at test
//! time, never copied here), in every mode the annotations name, must give
//! fail2ban's match/no-match, host and user; then the watcher end to end:
//! bans recorded once, below maxretry nothing, ignoreip and the allowlist
//! never, rotation (move and create, copytruncate) and restarts without
//! duplicates, and user names holding addresses never recorded.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

const F2B: &str = "/usr/lib/python3/dist-packages/fail2ban";
const FILTER_DIR: &str = "/etc/fail2ban/filter.d";

fn omni_bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_omni"))
}

fn omni(home: &Path) -> Command {
    let mut c = Command::new(omni_bin());
    c.env("HOME", home)
        .env("OMNI_DATA_DIR", home.join("data"))
        .env("OMNI_STATE_DIR", home.join("state"))
        .env_remove("OMNI_CONFIG");
    c
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("omni-watch-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// fail2ban must be installed (CI installs it): never pass without it.
fn require_fail2ban() {
    for p in [
        format!("{F2B}/tests/files/logs/sshd"),
        format!("{FILTER_DIR}/sshd.conf"),
    ] {
        assert!(
            Path::new(&p).exists(),
            "{p} is missing: install Debian's fail2ban (scripts/test.sh does)"
        );
    }
}

/// A `constraint` or `test.condition` of fail2ban's annotations (the forms
/// its sshd logs use). Anything else fails the test: unknown means unchecked.
fn eval(expr: &str, opts: &BTreeMap<String, String>) -> bool {
    let e: String = expr.chars().filter(|c| !c.is_whitespace()).collect();
    let (lhs, op, rhs) = if let Some((l, r)) = e.split_once("==") {
        (l, true, r)
    } else if let Some((l, r)) = e.split_once("!=") {
        (l, false, r)
    } else {
        panic!("unsupported constraint {expr:?}")
    };
    let rhs = rhs.trim_matches(|c| c == '\'' || c == '"');
    let value: Option<&str> = match lhs {
        "name" => Some("sshd"),
        l if l.starts_with("opts.get(") => {
            let key = l["opts.get(".len()..l.len() - 1].trim_matches(|c| c == '\'' || c == '"');
            opts.get(key).map(String::as_str)
        }
        _ => panic!("unsupported constraint {expr:?}"),
    };
    (value == Some(rhs)) == op
}

struct Case {
    file: String,
    lnnum: usize,
    line: String,
    want: serde_json::Map<String, Value>,
}

/// Reads fail2ban's annotated logs as `samplestestcase.py` does: per filter
/// option set (kept across blocks and added files, as fail2ban keeps its
/// filter objects), the lines it is fed, in order, with their expectations.
fn annotated(name: &str) -> Vec<(BTreeMap<String, String>, Vec<Case>)> {
    let mut files = vec![name.to_owned()];
    let mut order: Vec<BTreeMap<String, String>> = Vec::new();
    let mut cases: BTreeMap<String, Vec<Case>> = BTreeMap::new();
    let mut common: serde_json::Map<String, Value> = serde_json::Map::new();
    let mut i = 0;
    while i < files.len() {
        let file = files[i].clone();
        i += 1;
        let text = std::fs::read_to_string(format!("{F2B}/tests/files/logs/{file}")).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        let mut current: Vec<BTreeMap<String, String>> = Vec::new();
        let mut ignore_block = false;
        let mut n = 0;
        while n < lines.len() {
            let line = lines[n];
            n += 1;
            let mut want = serde_json::Map::new();
            let annotated = line
                .trim_start_matches('#')
                .trim_start()
                .split_once(':')
                .filter(|_| line.starts_with('#'))
                .filter(|(k, _)| {
                    ["failJSON", "fileOptions", "filterOptions", "addFILE"].contains(k)
                });
            if let Some((kind, json)) = annotated {
                let v: Value =
                    serde_json::from_str(json.trim()).unwrap_or_else(|e| panic!("{file}:{n}: {e}"));
                match kind {
                    "fileOptions" => {
                        common = v.as_object().unwrap().clone();
                        continue;
                    }
                    "filterOptions" => {
                        current.clear();
                        ignore_block = false;
                        let list = match v {
                            Value::Array(a) => a,
                            o => vec![o],
                        };
                        for o in list {
                            let mut opts = common.clone();
                            opts.extend(o.as_object().unwrap().clone());
                            let opts: BTreeMap<String, String> = opts
                                .into_iter()
                                .map(|(k, v)| (k, v.as_str().unwrap().to_owned()))
                                .collect();
                            if let Some(c) = opts.get("test.condition") {
                                ignore_block = !eval(c, &opts);
                            }
                            if !ignore_block {
                                current.push(opts);
                            }
                        }
                        continue;
                    }
                    "addFILE" => {
                        files.push(v.as_str().unwrap().to_owned());
                        continue;
                    }
                    _ => {
                        want = v.as_object().unwrap().clone();
                        n += 1;
                    }
                }
            } else if ignore_block || line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            if ignore_block {
                continue;
            }
            if current.is_empty() {
                let opts: BTreeMap<String, String> = common
                    .iter()
                    .map(|(k, v)| (k.clone(), v.as_str().unwrap().to_owned()))
                    .collect();
                current.push(opts);
            }
            let fed = lines[n - 1].trim_end_matches(['\r', '\n']).to_owned();
            for opts in &current {
                if let Some(c) = want.get("constraint").and_then(Value::as_str)
                    && !eval(c, opts)
                {
                    continue;
                }
                let filt: BTreeMap<String, String> = opts
                    .iter()
                    .filter(|(k, _)| !k.starts_with("test."))
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect();
                let key = serde_json::to_string(&filt).unwrap();
                if !cases.contains_key(&key) {
                    order.push(filt.clone());
                }
                cases.entry(key).or_default().push(Case {
                    file: file.clone(),
                    lnnum: n,
                    line: fed.clone(),
                    want: want.clone(),
                });
            }
        }
    }
    order
        .into_iter()
        .map(|o| {
            let key = serde_json::to_string(&o).unwrap();
            let c = cases.remove(&key).unwrap();
            (o, c)
        })
        .collect()
}

fn test_lines(home: &Path, log: &Path, opts: &BTreeMap<String, String>) -> Vec<Value> {
    let mut cmd = omni(home);
    cmd.args([
        "ledger",
        "watch",
        "--test",
        "--filter",
        "sshd",
        "--filter-dir",
        FILTER_DIR,
        "--log",
    ])
    .arg(log);
    for (k, v) in opts {
        cmd.arg("--filter-opt").arg(format!("{k}={v}"));
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn every_annotated_sshd_line_agrees_with_fail2ban() {
    require_fail2ban();
    let home = tmp("samples");
    let sets = annotated("sshd");
    assert!(
        sets.len() >= 5,
        "expected normal, aggressive, ddos, extra, rfc5424 and journal sets"
    );
    let mut checked = 0;
    let mut failures = Vec::new();
    for (opts, cases) in &sets {
        let log = home.join("lines.log");
        let mut f = std::fs::File::create(&log).unwrap();
        for c in cases {
            writeln!(f, "{}", c.line).unwrap();
        }
        drop(f);
        let got = test_lines(&home, &log, opts);
        assert_eq!(got.len(), cases.len());
        for (c, g) in cases.iter().zip(&got) {
            let want_match = c
                .want
                .get("match")
                .and_then(Value::as_bool)
                .unwrap_or(false);
            let matched = g["matched"].as_bool().unwrap();
            let mut bad = Vec::new();
            if matched != want_match {
                bad.push(format!("matched {matched}, fail2ban {want_match}"));
            } else if matched {
                for key in ["host", "user", "attempts"] {
                    if let Some(w) = c.want.get(key)
                        && &g[key] != w
                    {
                        bad.push(format!("{key} {}, fail2ban {w}", g[key]));
                    }
                }
                // The recorded address is the host, parsed and normalised,
                // or nothing for names.
                let host = g["host"].as_str().unwrap();
                match g["ip"].as_str() {
                    Some(ip) => assert_eq!(
                        ip.parse::<std::net::IpAddr>().unwrap(),
                        host.trim_start_matches("::ffff:")
                            .parse::<std::net::IpAddr>()
                            .unwrap(),
                        "{}:{}",
                        c.file,
                        c.lnnum
                    ),
                    None => assert!(
                        host.parse::<std::net::IpAddr>().is_err(),
                        "{host} is an address but was not kept"
                    ),
                }
            }
            if !bad.is_empty() {
                failures.push(format!(
                    "{opts:?} {}:{}: {}\n    {}",
                    c.file,
                    c.lnnum,
                    bad.join("; "),
                    c.line
                ));
            }
            checked += 1;
        }
    }
    assert!(checked > 250, "only {checked} annotated lines were checked");
    assert!(
        failures.is_empty(),
        "{} disagreements:\n{}",
        failures.len(),
        failures.join("\n")
    );
    std::fs::remove_dir_all(&home).ok();
}

#[test]
fn user_names_holding_addresses_are_never_the_host() {
    require_fail2ban();
    let home = tmp("inject");
    let log = home.join("auth.log");
    let lines = [
        "Jan  1 00:00:01 h sshd[1]: Invalid user 6.6.6.6 from 1.2.3.4",
        "Jan  1 00:00:02 h sshd[2]: Failed password for invalid user root from 6.6.6.6 port 22 ssh2 from 1.2.3.4",
        "Jan  1 00:00:03 h sshd[3]: Failed password for 6.6.6.6 from 1.2.3.4 port 22 ssh2",
        "Jan  1 00:00:04 h sshd[4]: Failed password for invalid user from 6.6.6.6 from 1.2.3.4 port 5 ssh2",
        "Jan  1 00:00:05 h sshd[5]: Invalid user 6.6.6.6 from 1.2.3.4 port 22",
        "Jan  1 00:00:06 h sshd[6]: Failed password for root from 1.2.3.4 port 22 ssh2: from 6.6.6.6",
        "Jan  1 00:00:07 h sshd[7]: User 6.6.6.6 from 1.2.3.4 not allowed because not listed in AllowUsers",
    ];
    std::fs::write(&log, lines.join("\n") + "\n").unwrap();
    let got = test_lines(&home, &log, &BTreeMap::new());
    for (g, l) in got.iter().zip(lines) {
        assert_eq!(g["matched"], true, "{l}");
        assert_eq!(g["host"], "1.2.3.4", "{l}");
        assert_eq!(g["ip"], "1.2.3.4", "{l}");
    }
    // End to end: one ban per address, and only 1.2.3.4 is ever recorded.
    let data = home.join("ledger");
    init(&home, &data);
    let out = watch(&home, &data, &log, &["--once", "--maxretry", "1"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let events = query(&home, &data);
    assert_eq!(sources(&events), ["1.2.3.4"]);
    std::fs::remove_dir_all(&home).ok();
}

fn init(home: &Path, data: &Path) {
    let out = omni(home)
        .args(["ledger", "init", "--data-dir"])
        .arg(data)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn watch(home: &Path, data: &Path, log: &Path, extra: &[&str]) -> Output {
    omni(home)
        .args([
            "ledger",
            "watch",
            "--filter",
            "sshd",
            "--filter-dir",
            FILTER_DIR,
            "--data-dir",
        ])
        .arg(data)
        .arg("--log")
        .arg(log)
        .args(extra)
        .output()
        .unwrap()
}

fn query(home: &Path, data: &Path) -> Vec<Value> {
    let out = omni(home)
        .args(["--format", "json", "ledger", "query", "--data-dir"])
        .arg(data)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice::<Value>(&out.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .clone()
}

fn sources(events: &[Value]) -> Vec<String> {
    events
        .iter()
        .map(|e| e["source"].as_str().unwrap().to_owned())
        .collect()
}

fn failures(ip: &str, n: usize, pid: usize) -> String {
    (0..n)
        .map(|i| {
            format!(
                "Mar  7 10:00:{:02} srv sshd[{}]: Failed password for invalid user u{i} from {ip} port 4{i} ssh2\n",
                i % 60,
                pid + i
            )
        })
        .collect()
}

#[test]
fn once_records_one_event_per_ban_and_nothing_else() {
    require_fail2ban();
    let home = tmp("once");
    let data = home.join("ledger");
    init(&home, &data);
    let log = home.join("auth.log");
    let mut text = failures("203.0.113.5", 6, 100);
    text += &failures("203.0.113.6", 2, 200); // below maxretry
    text += &failures("198.51.100.9", 5, 300); // ignoreip
    text += &failures("192.0.2.77", 5, 400); // allowlisted
    text += "Mar  7 10:01:00 srv sshd[500]: Accepted publickey for ok from 192.0.2.1 port 5 ssh2\n";
    std::fs::write(&log, text).unwrap();
    std::fs::write(data.join("allowlist"), "192.0.2.0/24 # office\n").unwrap();
    let out = watch(
        &home,
        &data,
        &log,
        &[
            "--once",
            "--maxretry",
            "3",
            "--bantime",
            "2h",
            "--ignoreip",
            "198.51.100.0/24",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let events = query(&home, &data);
    assert_eq!(sources(&events), ["203.0.113.5"], "{events:?}");
    let e = &events[0];
    assert_eq!(e["type"], "brute_force");
    assert_eq!(e["severity"], "high");
    assert_eq!(e["ttl"], 7200);
    assert_eq!(e["meta"]["filter"], "sshd");
    assert_eq!(e["meta"]["failures"], 3);
    // Run again: the position file means nothing is read twice.
    let out = watch(&home, &data, &log, &["--once", "--maxretry", "3"]);
    assert!(out.status.success());
    assert_eq!(query(&home, &data).len(), 1);
    // New lines: below maxretry, nothing; at it, one more.
    std::fs::OpenOptions::new()
        .append(true)
        .open(&log)
        .unwrap()
        .write_all(failures("203.0.113.50", 3, 600).as_bytes())
        .unwrap();
    let out = watch(&home, &data, &log, &["--once", "--maxretry", "4"]);
    assert!(out.status.success());
    assert_eq!(query(&home, &data).len(), 1);
    std::fs::remove_dir_all(&home).ok();
}

#[test]
fn errors_name_the_file_and_exit_as_documented() {
    require_fail2ban();
    let home = tmp("errors");
    let data = home.join("ledger");
    init(&home, &data);
    let out = watch(&home, &data, &home.join("missing.log"), &["--once"]);
    assert_eq!(out.status.code(), Some(66));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("missing.log"), "{err}");
    let log = home.join("auth.log");
    std::fs::write(&log, "x\n").unwrap();
    let out = omni(&home)
        .args([
            "ledger",
            "watch",
            "--once",
            "--filter",
            "nosuch",
            "--filter-dir",
            FILTER_DIR,
            "--data-dir",
        ])
        .arg(&data)
        .arg("--log")
        .arg(&log)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(66));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nosuch.conf"));
    let bad = home.join("bad.conf");
    std::fs::write(&bad, "[Definition]\nfailregex = ^x (<HOST>\n").unwrap();
    let out = omni(&home)
        .args(["ledger", "watch", "--once", "--data-dir"])
        .arg(&data)
        .arg("--log")
        .arg(&log)
        .arg("--filter")
        .arg(&bad)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(65),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.conf"));
    let out = watch(&home, &data, &log, &["--once", "--findtime", "soon"]);
    assert_eq!(out.status.code(), Some(2));
    std::fs::remove_dir_all(&home).ok();
}

fn append(path: &Path, text: &str) {
    std::fs::OpenOptions::new()
        .append(true)
        .create(true)
        .open(path)
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
}

fn wait_for(home: &Path, data: &Path, n: usize) -> Vec<Value> {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let e = query(home, data);
        if e.len() >= n || Instant::now() > deadline {
            return e;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn follows_rotation_and_truncation_and_stops_on_sigterm() {
    require_fail2ban();
    let home = tmp("rotate");
    let data = home.join("ledger");
    init(&home, &data);
    let log = home.join("auth.log");
    std::fs::write(&log, failures("203.0.113.99", 5, 1)).unwrap(); // before start: not read
    let child = omni(&home)
        .args([
            "ledger",
            "watch",
            "--filter",
            "sshd",
            "--filter-dir",
            FILTER_DIR,
            "--maxretry",
            "3",
            "--poll",
            "50ms",
            "--data-dir",
        ])
        .arg(&data)
        .arg("--log")
        .arg(&log)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(500));
    // Move and create: two failures in the old file, one written to it after
    // the move, then the new file.
    append(&log, &failures("203.0.113.1", 2, 10));
    std::thread::sleep(Duration::from_millis(300));
    std::fs::rename(&log, home.join("auth.log.1")).unwrap();
    append(&home.join("auth.log.1"), &failures("203.0.113.1", 1, 20));
    append(&log, &failures("203.0.113.2", 1, 30));
    let e = wait_for(&home, &data, 1);
    assert_eq!(sources(&e), ["203.0.113.1"]);
    // copytruncate: the file is copied away and truncated in place.
    append(&log, &failures("203.0.113.2", 1, 40));
    std::thread::sleep(Duration::from_millis(300));
    std::fs::copy(&log, home.join("auth.log.2")).unwrap();
    std::fs::OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(&log)
        .unwrap();
    append(&log, &failures("203.0.113.3", 3, 50));
    let e = wait_for(&home, &data, 2);
    assert_eq!(sources(&e), ["203.0.113.1", "203.0.113.3"]);
    // SIGTERM: a clean stop with the position saved.
    // SAFETY: kill(2) on our own child.
    unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{:?} {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    // Restart: nothing is read twice, new lines still count.
    let out = watch(&home, &data, &log, &["--once", "--maxretry", "3"]);
    assert!(out.status.success());
    assert_eq!(query(&home, &data).len(), 2);
    append(&log, &failures("203.0.113.4", 3, 60));
    let out = watch(&home, &data, &log, &["--once", "--maxretry", "3"]);
    assert!(out.status.success());
    assert_eq!(sources(&query(&home, &data))[2], "203.0.113.4");
    std::fs::remove_dir_all(&home).ok();
}
