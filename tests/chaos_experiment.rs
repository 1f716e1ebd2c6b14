//! `omni chaos run`: Chaos Toolkit experiment files, checked against Chaos
//! Toolkit itself (PyPI `chaostoolkit`, run on the same files: same
//! status, same deviation, same probes in and out of tolerance), plus what
//! omni promises beyond it: rollbacks that run on failure and interruption,
//! the hypothesis checked after them, faults given back when the run ends,
//! exit codes, and clear errors for bad files.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::util::{omni, omni_bin, skip, text, wait_for};

fn experiments() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/chaos/experiments")
}

/// Chaos Toolkit's own sample experiments: the `tests/` tree of its sdist,
/// which scripts/test.sh downloads from PyPI.
fn ctk_samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("target/peers/chaostoolkit-1.16.0/tests")
}

fn ctk_available() -> bool {
    Command::new("python3")
        .args(["-c", "import chaostoolkit, chaoslib, jsonpath2"])
        .output()
        .is_ok_and(|o| o.status.success())
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// `python3 -m http.server` over a directory holding `health.json`.
struct Service {
    child: Child,
    port: u16,
    dir: PathBuf,
}

impl Service {
    fn start(dir: &Path) -> Service {
        std::fs::create_dir_all(dir).unwrap();
        std::fs::write(dir.join("health.json"), r#"{"status": "ok"}"#).unwrap();
        let port = free_port();
        let child = Command::new("python3")
            .args([
                "-m",
                "http.server",
                &port.to_string(),
                "--bind",
                "127.0.0.1",
            ])
            .arg("--directory")
            .arg(dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        wait_for("the http.server fixture", 20, || {
            std::net::TcpStream::connect(("127.0.0.1", port)).is_ok()
        });
        Service {
            child,
            port,
            dir: dir.to_path_buf(),
        }
    }

    fn vars(&self, words: &Path) -> Vec<String> {
        vec![
            format!("port:int={}", self.port),
            format!("dir={}", self.dir.display()),
            format!("pid={}", self.child.id()),
            format!("words={}", words.display()),
        ]
    }
}

impl Drop for Service {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn with_vars(cmd: &mut Command, vars: &[String]) {
    for v in vars {
        cmd.arg("--var").arg(v);
    }
}

fn run_omni(home: &Path, cwd: &Path, file: &Path, journal: &Path, extra: &[&str]) -> Output {
    omni(home)
        .current_dir(cwd)
        .args(["chaos", "run", "--journal-path"])
        .arg(journal)
        .args(extra)
        .arg(file)
        .output()
        .unwrap()
}

fn run_ctk(cwd: &Path, file: &Path, journal: &Path, log: &Path, extra: &[&str]) -> Output {
    Command::new("python3")
        .current_dir(cwd)
        .env("PYTHONPATH", experiments())
        .args(["-m", "chaostoolkit", "--log-file"])
        .arg(log)
        .args(["run", "--journal-path"])
        .arg(journal)
        .args(extra)
        .arg(file)
        .output()
        .unwrap()
}

fn read_json(path: &Path) -> Value {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_slice(&bytes).unwrap()
}

/// What must agree between two journals of the same experiment.
fn summary(journal: &Value) -> Value {
    let state = |s: &Value| {
        if s.is_null() {
            return Value::Null;
        }
        json!({
            "met": s["steady_state_met"],
            "tolerance_met": s["probes"].as_array().unwrap().iter().map(|p| p["tolerance_met"].clone()).collect::<Vec<_>>(),
            "status": s["probes"].as_array().unwrap().iter().map(|p| p["status"].clone()).collect::<Vec<_>>(),
        })
    };
    json!({
        "status": journal["status"],
        "deviated": journal["deviated"],
        "before": state(&journal["steady_states"]["before"]),
        "after": state(&journal["steady_states"]["after"]),
        "run": journal["run"].as_array().unwrap().iter()
            .map(|r| json!([r["activity"]["name"], r["status"]])).collect::<Vec<_>>(),
        "rollbacks": journal["rollbacks"].as_array().unwrap().len(),
    })
}

/// Runs Chaos Toolkit's own sample experiments (the fixtures of its sdist)
/// through both tools; where Chaos Toolkit writes a journal, omni's agrees
/// on status, deviation, every probe's verdict and every activity; where it
/// refuses the file, omni refuses it too (exit 65).
#[test]
fn chaos_toolkits_sample_experiments_give_the_same_journal() {
    let samples = ctk_samples();
    if !ctk_available() || !samples.join("fixtures").is_dir() {
        skip(
            "chaos_toolkits_sample_experiments_give_the_same_journal",
            "PyPI chaostoolkit (python3 -m chaostoolkit) or its sdist's tests/ under target/peers \
             is missing (scripts/test.sh installs both)",
        );
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let mut files: Vec<PathBuf> = std::fs::read_dir(samples.join("fixtures"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .filter(|p| !p.ends_with("disco.json")) // a discovery document, not an experiment
        .collect();
    files.sort();
    assert!(
        files.len() >= 6,
        "expected the sample experiments, found {files:?}"
    );
    let mut compared = 0;
    for file in &files {
        // The samples name paths relative to the sdist's root (tests/...),
        // and one deletes a file: each tool gets a fresh copy.
        let mut journals = Vec::new();
        for tool in ["ctk", "omni"] {
            let root = home.path().join(format!("{tool}-tree"));
            let _ = std::fs::remove_dir_all(&root);
            copy_tree(&samples, &root.join("tests"));
            std::fs::write(root.join("tests/fixtures/dummy.txt"), "x").unwrap();
            let journal = home.path().join(format!("{tool}.json"));
            let _ = std::fs::remove_file(&journal);
            let rel = Path::new("tests/fixtures").join(file.file_name().unwrap());
            let out = if tool == "ctk" {
                let mut cmd = Command::new("python3");
                cmd.current_dir(&root)
                    .env("PYTHONPATH", "tests")
                    .args(["-m", "chaostoolkit", "--log-file"])
                    .arg(home.path().join("ctk.log"))
                    .args(["run", "--journal-path"])
                    .arg(&journal)
                    .arg(&rel);
                cmd.output().unwrap()
            } else {
                omni(home.path())
                    .current_dir(&root)
                    .env("PYTHONPATH", "tests")
                    .args(["chaos", "run", "--journal-path"])
                    .arg(&journal)
                    .arg(&rel)
                    .output()
                    .unwrap()
            };
            journals.push((out, journal));
        }
        let (ctk_out, ctk_journal) = &journals[0];
        let (omni_out, omni_journal) = &journals[1];
        let name = file.file_name().unwrap().to_string_lossy();
        if !ctk_journal.exists() {
            assert_eq!(
                omni_out.status.code(),
                Some(65),
                "{name}: Chaos Toolkit refused it, omni must too: {}",
                text(omni_out)
            );
            assert!(
                !omni_journal.exists(),
                "{name}: no journal for a refused file"
            );
            continue;
        }
        let (theirs, ours) = (read_json(ctk_journal), read_json(omni_journal));
        assert_eq!(
            summary(&ours),
            summary(&theirs),
            "{name}: omni's journal differs from Chaos Toolkit's\nomni: {}",
            text(omni_out)
        );
        // Chaos Toolkit exits 1 exactly when the status is not completed
        // or the run deviated; omni is non-zero in those cases too.
        if !ctk_out.status.success() {
            assert!(!omni_out.status.success(), "{name}: {}", text(omni_out));
        }
        compared += 1;
    }
    assert!(compared >= 4, "only {compared} journals compared");
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// omni's own fixtures (http, jsonpath, regex, range, probe tolerances,
/// references, background activities, a killed service, a gate that
/// fails) through both tools, with the same `--var`s and rollbacks played
/// in both: the journals agree.
#[test]
fn omnis_experiments_give_the_same_journal_as_chaos_toolkit() {
    if !ctk_available() {
        skip(
            "omnis_experiments_give_the_same_journal_as_chaos_toolkit",
            "PyPI chaostoolkit and jsonpath2 are missing (scripts/test.sh installs them)",
        );
        return;
    }
    let home = tempfile::tempdir().unwrap();
    for (file, deviated) in [
        ("http-held.json", false),
        ("http-deviated.json", true),
        ("service-killed.json", true),
        ("tolerances.json", true),
        ("background.yaml", false),
        ("gate-not-met.json", false),
    ] {
        let mut journals = Vec::new();
        for tool in ["ctk", "omni"] {
            let words = home.path().join("words.txt");
            std::fs::write(&words, "one two three four\n").unwrap();
            let service = Service::start(&home.path().join(format!("svc-{tool}")));
            let vars = service.vars(&words);
            let journal = home.path().join(format!("{tool}.json"));
            let mut args: Vec<&str> = vec!["--rollback-strategy", "always"];
            for v in &vars {
                args.push("--var");
                args.push(v);
            }
            let path = experiments().join(file);
            let out = if tool == "ctk" {
                run_ctk(
                    home.path(),
                    &path,
                    &journal,
                    &home.path().join("ctk.log"),
                    &args,
                )
            } else {
                let mut cmd = omni(home.path());
                cmd.current_dir(home.path())
                    .env("PYTHONPATH", experiments())
                    .args(["chaos", "run", "--journal-path"])
                    .arg(&journal)
                    .args(&args)
                    .arg(&path);
                cmd.output().unwrap()
            };
            journals.push((out, read_json(&journal)));
        }
        let (_, theirs) = &journals[0];
        let (out, ours) = &journals[1];
        assert_eq!(
            summary(ours),
            summary(theirs),
            "{file}: omni's journal differs from Chaos Toolkit's\nomni: {}",
            text(out)
        );
        assert_eq!(ours["deviated"], json!(deviated), "{file}");
    }
}

/// Exit codes and journal: held 0, deviated 1 (and the rollback restored
/// the health file, which the check after the rollbacks confirms), not met
/// before the method 3; the journal has Chaos Toolkit's keys in order.
#[test]
fn exit_codes_say_held_deviated_or_not_met_before() {
    let home = tempfile::tempdir().unwrap();
    let service = Service::start(&home.path().join("svc"));
    let words = home.path().join("words.txt");
    std::fs::write(&words, "one two three four\n").unwrap();
    let vars = service.vars(&words);
    let run = |file: &str, extra: &[&str]| {
        let journal = home.path().join(format!("{file}.journal"));
        let mut cmd = omni(home.path());
        cmd.current_dir(home.path())
            .args(["chaos", "run", "--journal-path"])
            .arg(&journal)
            .args(extra);
        with_vars(&mut cmd, &vars);
        let out = cmd.arg(experiments().join(file)).output().unwrap();
        (out, read_json(&journal))
    };
    let (out, j) = run("http-held.json", &[]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    // The top-level keys, in the order written (two-space indent).
    let raw = std::fs::read_to_string(home.path().join("http-held.json.journal")).unwrap();
    let keys: Vec<&str> = raw
        .lines()
        .filter_map(|l| l.strip_prefix("  \""))
        .filter_map(|l| l.split_once('"').map(|(k, _)| k))
        .collect();
    assert_eq!(
        keys,
        [
            "chaoslib-version",
            "platform",
            "node",
            "experiment",
            "start",
            "status",
            "deviated",
            "steady_states",
            "run",
            "rollbacks",
            "end",
            "duration",
            "omni"
        ]
    );
    assert_eq!(j["omni"]["outcome"], "held");
    assert_eq!(j["omni"]["restored"], true);

    let (out, j) = run("http-deviated.json", &[]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert_eq!(j["deviated"], true);
    assert_eq!(
        j["steady_states"]["after"]["probes"][1]["tolerance_met"],
        false
    );
    assert_eq!(j["rollbacks"][0]["status"], "succeeded");
    assert_eq!(
        j["steady_states"]["after_rollbacks"]["steady_state_met"],
        true
    );
    assert_eq!(j["omni"]["restored"], true);
    let health = std::fs::read_to_string(service.dir.join("health.json")).unwrap();
    assert!(health.contains("ok"), "the rollback restored it: {health}");

    let (out, j) = run("gate-not-met.json", &[]);
    assert_eq!(out.status.code(), Some(3), "{}", text(&out));
    assert_eq!(j["status"], "completed");
    assert_eq!(j["run"], json!([]), "the method is not played");
    assert_eq!(j["omni"]["outcome"], "not-met-before");
}

fn write(dir: &Path, name: &str, experiment: &Value) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_vec_pretty(experiment).unwrap()).unwrap();
    path
}

fn action(name: &str, script: &str) -> Value {
    json!({"type": "action", "name": name,
           "provider": {"type": "process", "path": "sh", "arguments": ["-c", script]}})
}

/// Rollbacks run when a probe after the method cannot even run (Chaos
/// Toolkit's default skips them then, chaostoolkit#195), unless the user
/// says never; `deviated` plays them only on deviation.
#[test]
fn rollbacks_run_on_failure_unless_told_never() {
    let home = tempfile::tempdir().unwrap();
    let marker = home.path().join("rolled-back");
    let gone = home.path().join("gone");
    std::fs::write(&gone, "").unwrap();
    let exp = json!({
        "title": "a probe that cannot run after the method",
        "description": "the method removes the file the probe reads",
        "steady-state-hypothesis": {"title": "readable", "probes": [
            {"type": "probe", "name": "size-of-it", "tolerance": 0,
             "provider": {"type": "python", "module": "os.path", "func": "getsize",
                          "arguments": {"filename": gone}}}
        ]},
        "method": [action("remove", &format!("rm {}", gone.display()))],
        "rollbacks": [action("mark", &format!("touch {}", marker.display()))]
    });
    let file0 = write(home.path(), "fail.json", &exp);
    let journal = home.path().join("j.json");
    let out = run_omni(home.path(), home.path(), &file0, &journal, &[]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let j = read_json(&journal);
    assert_eq!(j["status"], "failed", "the probe raised FileNotFoundError");
    assert_eq!(j["deviated"], true);
    assert!(marker.exists(), "the rollback ran although the run failed");

    std::fs::remove_file(&marker).unwrap();
    std::fs::write(&gone, "").unwrap();
    let out = run_omni(
        home.path(),
        home.path(),
        &file0,
        &journal,
        &["--rollback-strategy", "never"],
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(!marker.exists(), "never means never");
    assert_eq!(read_json(&journal)["omni"]["rollbacks_played"], false);

    // A held run with the `deviated` strategy plays no rollback.
    std::fs::write(&gone, "").unwrap();
    let mut held = exp.clone();
    held["method"] = json!([action("nothing", "true")]);
    let held = write(home.path(), "held.json", &held);
    let out = run_omni(
        home.path(),
        home.path(),
        &held,
        &journal,
        &["--rollback-strategy", "deviated"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(!marker.exists());
}

/// Ctrl-C in the middle of the method: the running action's process is
/// stopped, the rollbacks still run, the journal says interrupted, exit 130.
#[test]
fn an_interrupted_run_still_rolls_back() {
    let home = tempfile::tempdir().unwrap();
    let marker = home.path().join("rolled-back");
    let pidfile = home.path().join("sleeper.pid");
    let exp = json!({
        "title": "interrupted", "description": "a long method",
        "method": [
            action("long", &format!("echo $$ > {}; exec sleep 60", pidfile.display())),
            action("never-reached", "true")
        ],
        "rollbacks": [action("mark", &format!("touch {}", marker.display()))]
    });
    let file = write(home.path(), "long.json", &exp);
    let journal = home.path().join("j.json");
    let mut child = omni(home.path())
        .current_dir(home.path())
        .args(["chaos", "run", "--journal-path"])
        .arg(&journal)
        .arg(&file)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    wait_for("the long action to start", 20, || {
        std::fs::read_to_string(&pidfile).is_ok_and(|s| s.ends_with('\n'))
    });
    let sleeper = std::fs::read_to_string(&pidfile).unwrap();
    let started = Instant::now();
    // SAFETY: signalling our own child.
    unsafe { libc::kill(child.id() as i32, libc::SIGINT) };
    let out = loop {
        if let Some(_status) = child.try_wait().unwrap() {
            break child.wait_with_output().unwrap();
        }
        assert!(
            started.elapsed() < Duration::from_secs(15),
            "omni did not stop after SIGINT"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(out.status.code(), Some(130), "{}", text(&out));
    assert!(marker.exists(), "the rollback ran after the interrupt");
    assert!(
        !crate::util::alive(&sleeper),
        "the action's process was stopped"
    );
    let j = read_json(&journal);
    assert_eq!(j["status"], "interrupted");
    assert_eq!(j["run"].as_array().unwrap().len(), 1, "{}", j["run"]);
    assert_eq!(j["run"][0]["status"], "failed");
}

/// A fault started by the method with `omni chaos inject --detach` and
/// never stopped by a rollback is given back when the run ends: the paused
/// process runs again.
#[test]
fn faults_the_method_started_are_given_back_at_the_end() {
    let home = tempfile::tempdir().unwrap();
    let mut victim = Command::new("sleep").arg("120").spawn().unwrap();
    let exp = json!({
        "title": "pause and forget", "description": "no rollback stops the fault",
        "method": [{"type": "action", "name": "pause-it", "provider": {
            "type": "process", "path": omni_bin(),
            "arguments": ["chaos", "inject", "--fault", "process-pause", "--pid",
                          victim.id().to_string(), "--duration", "120s", "--detach"]}}]
    });
    let file = write(home.path(), "pause.json", &exp);
    let journal = home.path().join("j.json");
    let out = run_omni(home.path(), home.path(), &file, &journal, &[]);
    let state = || {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", victim.id())).unwrap();
        stat[stat.rfind(')').unwrap() + 2..].chars().next().unwrap()
    };
    let verdict = state();
    let _ = victim.kill();
    let _ = victim.wait();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let j = read_json(&journal);
    assert_eq!(j["run"][0]["output"]["status"], 0, "{}", j["run"][0]);
    assert!(
        text(&out).contains("given back at the end: c-"),
        "{}",
        text(&out)
    );
    assert_ne!(verdict, 'T', "the process is no longer stopped");
}

/// The hypothesis checked every 0.2 s during the method, with fail-fast:
/// a background action breaks it, the method stops before its last action.
#[test]
fn fail_fast_stops_the_method_at_the_first_deviation() {
    let home = tempfile::tempdir().unwrap();
    let flag = home.path().join("healthy");
    std::fs::write(&flag, "").unwrap();
    let exp = json!({
        "title": "continuous", "description": "deviation during the method",
        "steady-state-hypothesis": {"title": "flag present", "probes": [
            {"type": "probe", "name": "flag", "tolerance": 0,
             "provider": {"type": "process", "path": "test", "arguments": ["-e", flag]}}]},
        "method": [
            {"type": "action", "name": "break-it", "background": true, "provider":
                {"type": "process", "path": "sh", "arguments": ["-c", format!("sleep 0.4; rm {}", flag.display())]}},
            action("wait", "sleep 1.5"),
            action("not-played", "true")
        ]
    });
    let file = write(home.path(), "ff.json", &exp);
    let journal = home.path().join("j.json");
    let out = run_omni(
        home.path(),
        home.path(),
        &file,
        &journal,
        &[
            "--hypothesis-strategy",
            "continuously",
            "--hypothesis-frequency",
            "0.2",
            "--fail-fast",
        ],
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let j = read_json(&journal);
    assert_eq!(j["status"], "failed");
    let names: Vec<&str> = j["run"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["activity"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["break-it", "wait"], "stopped before not-played");
    let during = j["steady_states"]["during"].as_array().unwrap();
    assert!(during.len() >= 2, "{during:?}");
    assert_eq!(during.last().unwrap()["steady_state_met"], false);
}

/// `--dry-run` prints the plan with values substituted and runs nothing;
/// `--format junit` reports each probe and activity as a test case.
#[test]
fn dry_run_plans_and_junit_reports() {
    let home = tempfile::tempdir().unwrap();
    let marker = home.path().join("touched");
    let exp = json!({
        "title": "plan", "description": "d",
        "configuration": {"target": marker},
        "steady-state-hypothesis": {"title": "h", "probes": [
            {"type": "probe", "name": "tcp-closed", "tolerance": false,
             "provider": {"type": "tcp", "address": format!("127.0.0.1:{}", free_port()), "timeout": 1}}]},
        "method": [{"type": "action", "name": "touch", "provider":
            {"type": "process", "path": "touch", "arguments": ["${target}"]}}]
    });
    let file = write(home.path(), "plan.json", &exp);
    let journal = home.path().join("j.json");
    let out = run_omni(home.path(), home.path(), &file, &journal, &["--dry-run"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let plan = String::from_utf8_lossy(&out.stdout);
    assert!(
        plan.contains(&format!("run touch {}", marker.display())),
        "{plan}"
    );
    assert!(plan.contains("connect to 127.0.0.1:"), "{plan}");
    assert!(!marker.exists() && !journal.exists(), "nothing ran");

    let out = run_omni(
        home.path(),
        home.path(),
        &file,
        &journal,
        &["--format", "junit"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let xml = String::from_utf8_lossy(&out.stdout);
    assert!(
        xml.contains("<testsuite name=\"omni chaos run: plan\" tests=\"3\" failures=\"0\""),
        "{xml}"
    );
    assert!(
        xml.contains("classname=\"steady state before\" name=\"tcp-closed\""),
        "{xml}"
    );
    assert!(marker.exists());

    // A listening port makes the tcp probe true, which breaks this
    // tolerance: the JUnit case fails with the reason.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let mut open = exp.clone();
    open["steady-state-hypothesis"]["probes"][0]["provider"]["address"] =
        json!(listener.local_addr().unwrap().to_string());
    let file = write(home.path(), "open.json", &open);
    let out = run_omni(
        home.path(),
        home.path(),
        &file,
        &journal,
        &["--format", "junit"],
    );
    assert_eq!(out.status.code(), Some(3), "{}", text(&out));
    let xml = String::from_utf8_lossy(&out.stdout);
    assert!(
        xml.contains("<failure message=\"expected false, got true\"/>"),
        "{xml}"
    );
}

/// Bad files get one clear line and exit 65 (66 when missing), before
/// anything runs.
#[test]
fn bad_experiments_are_refused_before_anything_runs() {
    let home = tempfile::tempdir().unwrap();
    let marker = home.path().join("ran");
    let touch = action("touch", &format!("touch {}", marker.display()));
    let base = json!({"title": "t", "description": "d", "method": [touch.clone()]});
    let case = |name: &str, exp: Value, expect: &str| {
        let file = write(home.path(), name, &exp);
        let out = run_omni(
            home.path(),
            home.path(),
            &file,
            &home.path().join("j.json"),
            &[],
        );
        assert_eq!(out.status.code(), Some(65), "{name}: {}", text(&out));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(expect), "{name}: {err}");
        assert_eq!(err.lines().count(), 1, "{name}: one line: {err}");
        assert!(!marker.exists(), "{name}: nothing may run");
    };
    let mut e = base.clone();
    e["method"] = json!([touch.clone(), {"ref": "missing"}]);
    case(
        "ref.json",
        e,
        "referenced activity 'missing' could not be found",
    );
    let mut e = base.clone();
    e["method"] =
        json!([touch.clone(), {"type": "action", "name": "x", "provider": {"type": "ssh"}}]);
    case("provider.json", e, "unknown provider type 'ssh'");
    let mut e = base.clone();
    e["controls"] = json!([{"name": "tracing"}]);
    case("controls.json", e, "--ignore-controls");
    let mut e = base.clone();
    e["rollbacks"] = json!([{"type": "action", "name": "py", "provider":
        {"type": "python", "module": "no_such_module_omni", "func": "f"}}]);
    case(
        "python.json",
        e,
        "could not import Python module 'no_such_module_omni'",
    );
    let mut e = base.clone();
    e["steady-state-hypothesis"] = json!({"title": "h", "probes": [
        {"type": "probe", "name": "p", "provider": {"type": "process", "path": "true"}}]});
    case("tolerance.json", e, "must have a tolerance");
    let mut e = base.clone();
    e["method"] = json!([{"type": "action", "name": "p", "provider": {"type": "process", "path": "no-such-program-omni"}}]);
    case(
        "path.json",
        e,
        "path 'no-such-program-omni' cannot be found",
    );

    std::fs::write(
        home.path().join("broken.json"),
        "{\"title\": \"t\",\n  oops}",
    )
    .unwrap();
    let out = run_omni(
        home.path(),
        home.path(),
        &home.path().join("broken.json"),
        &home.path().join("j.json"),
        &[],
    );
    assert_eq!(out.status.code(), Some(65), "{}", text(&out));
    assert!(text(&out).contains("line 2"), "{}", text(&out));
    let out = run_omni(
        home.path(),
        home.path(),
        &home.path().join("missing.json"),
        &home.path().join("j.json"),
        &[],
    );
    assert_eq!(out.status.code(), Some(66), "{}", text(&out));
}

/// An https probe against `openssl s_server` with a self-signed
/// certificate: refused by default (the activity fails and names TLS),
/// answered with `verify_tls: false`.
#[test]
fn https_probes_verify_certificates_unless_told_not_to() {
    let home = tempfile::tempdir().unwrap();
    let (cert, key) = (home.path().join("c.pem"), home.path().join("k.pem"));
    let made = Command::new("openssl")
        .args([
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
        ])
        .args(["-nodes", "-days", "1", "-subj", "/CN=localhost", "-keyout"])
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .output();
    if !made.as_ref().is_ok_and(|o| o.status.success()) {
        skip(
            "https_probes_verify_certificates_unless_told_not_to",
            "openssl is missing (scripts/test.sh installs it)",
        );
        return;
    }
    let port = free_port();
    let mut server = Command::new("openssl")
        .args([
            "s_server",
            "-quiet",
            "-www",
            "-accept",
            &port.to_string(),
            "-cert",
        ])
        .arg(&cert)
        .arg("-key")
        .arg(&key)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    wait_for("openssl s_server", 20, || {
        std::net::TcpStream::connect(("127.0.0.1", port)).is_ok()
    });
    let probe = |verify: bool| {
        json!({
            "title": "tls", "description": "d",
            "steady-state-hypothesis": {"title": "h", "probes": [
                {"type": "probe", "name": "https", "tolerance": 200, "provider": {
                    "type": "http", "url": format!("https://localhost:{port}/"),
                    "verify_tls": verify, "timeout": 5}}]},
            "method": []
        })
    };
    let journal = home.path().join("j.json");
    let strict = write(home.path(), "strict.json", &probe(true));
    let out = run_omni(home.path(), home.path(), &strict, &journal, &[]);
    let failed = read_json(&journal);
    let lax = write(home.path(), "lax.json", &probe(false));
    let out_lax = run_omni(home.path(), home.path(), &lax, &journal, &[]);
    let _ = server.kill();
    let _ = server.wait();
    assert_eq!(out.status.code(), Some(3), "{}", text(&out));
    let probe = &failed["steady_states"]["before"]["probes"][0];
    assert_eq!(probe["status"], "failed");
    assert!(
        probe["exception"][0].as_str().unwrap().contains("TLS"),
        "{probe}"
    );
    assert_eq!(out_lax.status.code(), Some(0), "{}", text(&out_lax));
}

/// The kill switch turned on during a run stops the method like a signal;
/// the rollbacks still run.
#[test]
fn the_kill_switch_stops_a_running_experiment() {
    let home = tempfile::tempdir().unwrap();
    let marker = home.path().join("rolled-back");
    let started = home.path().join("started");
    let exp = json!({
        "title": "switched off", "description": "a long method",
        "method": [action("long", &format!("touch {}; exec sleep 60", started.display()))],
        "rollbacks": [action("mark", &format!("touch {}", marker.display()))]
    });
    let file = write(home.path(), "long.json", &exp);
    let journal = home.path().join("j.json");
    let child = omni(home.path())
        .current_dir(home.path())
        .args(["chaos", "run", "--journal-path"])
        .arg(&journal)
        .arg(&file)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    wait_for("the long action to start", 20, || started.exists());
    let t = Instant::now();
    let out = omni(home.path())
        .args(["chaos", "disable"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let out = child.wait_with_output().unwrap();
    assert!(t.elapsed() < Duration::from_secs(10), "{:?}", t.elapsed());
    assert_eq!(out.status.code(), Some(130), "{}", text(&out));
    assert!(marker.exists(), "the rollback ran");
    assert_eq!(read_json(&journal)["status"], "interrupted");
    // And while it is on, no experiment starts.
    let out = run_omni(home.path(), home.path(), &file, &journal, &[]);
    assert_eq!(out.status.code(), Some(69), "{}", text(&out));
}
