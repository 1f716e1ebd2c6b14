//! `omni chaos`: the faults measured from outside (`/proc` of the controller
//! and of the targets), leases given back after `kill -9`, the kill switch,
//! protected processes and bad input.

use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use crate::util::{omni, text, wait_for};

fn chaos(home: &Path, args: &[&str]) -> Output {
    omni(home).arg("chaos").args(args).output().unwrap()
}

fn spawn_chaos(home: &Path, args: &[&str]) -> Child {
    omni(home)
        .arg("chaos")
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", text(out)))
}

/// A `sleep` the test owns, reaped on drop.
struct Sleeper(Child);

impl Sleeper {
    fn new() -> Sleeper {
        Sleeper(Command::new("sleep").arg("300").spawn().unwrap())
    }
    fn pid(&self) -> String {
        self.0.id().to_string()
    }
    fn state(&self) -> char {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.0.id())).unwrap();
        stat[stat.rfind(')').unwrap() + 2..].chars().next().unwrap()
    }
}

impl Drop for Sleeper {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// CPU ticks (user + system, all threads) of `pid`, from `/proc/<pid>/stat`.
fn cpu_ticks(pid: u32) -> Option<u64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let f: Vec<&str> = stat[stat.rfind(')')? + 2..].split_whitespace().collect();
    Some(f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?)
}

fn clock_ticks() -> f64 {
    // SAFETY: sysconf reads a constant.
    (unsafe { libc::sysconf(libc::_SC_CLK_TCK) }) as f64
}

/// The CPU hog holds 20, 50 and 80% of one core within ±3 points, measured
/// from the controller's `/proc/<pid>/stat` over the middle of the fault
/// (and as the controller reports it). Needs a quiet machine: CI runs it on
/// its own (`scripts/test.sh`), `cargo test -- --ignored` here.
#[test]
#[ignore = "needs a quiet machine: scripts/test.sh runs it alone"]
fn cpu_load_is_held_within_three_points() {
    let home = tempfile::tempdir().unwrap();
    for load in [20.0, 50.0, 80.0] {
        let child = spawn_chaos(
            home.path(),
            &[
                "inject",
                "--fault",
                "cpu",
                "--load",
                &load.to_string(),
                "--cores",
                "1",
                "--duration",
                "4s",
                "--format",
                "json",
            ],
        );
        let pid = child.id();
        std::thread::sleep(Duration::from_millis(500));
        let (t0, c0) = (Instant::now(), cpu_ticks(pid).unwrap());
        std::thread::sleep(Duration::from_millis(3000));
        let (t1, c1) = (Instant::now(), cpu_ticks(pid).unwrap());
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{}", text(&out));
        let measured = 100.0 * (c1 - c0) as f64 / clock_ticks() / (t1 - t0).as_secs_f64();
        let reported = json(&out)["leases"][0]["result"]["cores"][0]["load"]
            .as_f64()
            .unwrap();
        eprintln!("cpu load {load}%: measured {measured:.1}%, reported {reported:.1}%");
        assert!(
            (measured - load).abs() <= 3.0,
            "{load}%: measured {measured:.1}%"
        );
        assert!(
            (reported - load).abs() <= 3.0,
            "{load}%: reported {reported:.1}%"
        );
    }
}

#[test]
fn memory_is_resident_while_held_and_reported() {
    let home = tempfile::tempdir().unwrap();
    let child = spawn_chaos(
        home.path(),
        &[
            "inject",
            "--fault",
            "memory",
            "--size",
            "256MiB",
            "--duration",
            "2s",
            "--format",
            "json",
        ],
    );
    let pid = child.id();
    let rss = || -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
        status
            .lines()
            .find(|l| l.starts_with("VmRSS:"))
            .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
            .unwrap_or(0)
            * 1024
    };
    wait_for("256 MiB resident in the controller", 10, || {
        rss() >= 256 << 20
    });
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let lease = &json(&out)["leases"][0];
    assert_eq!(lease["state"], "ended");
    assert_eq!(lease["result"]["bytes"], 256 << 20);
}

#[test]
fn a_disk_fill_takes_space_and_its_file_is_removed() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("disk");
    std::fs::create_dir(&dir).unwrap();
    let child = spawn_chaos(
        home.path(),
        &[
            "inject",
            "--fault",
            "disk",
            "--path",
            dir.to_str().unwrap(),
            "--size",
            "64MiB",
            "--duration",
            "2s",
        ],
    );
    let fill = || {
        std::fs::read_dir(&dir)
            .unwrap()
            .flatten()
            .find(|e| e.file_name().to_string_lossy().ends_with(".fill"))
    };
    wait_for("the fill file", 10, || {
        fill().is_some_and(|f| f.metadata().unwrap().len() == 64 << 20)
    });
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert!(fill().is_none(), "the fill file was removed");
}

#[test]
fn a_paused_process_is_stopped_then_continued() {
    let home = tempfile::tempdir().unwrap();
    let target = Sleeper::new();
    let child = spawn_chaos(
        home.path(),
        &[
            "inject",
            "--fault",
            "process-pause",
            "--pid",
            &target.pid(),
            "--duration",
            "1500ms",
        ],
    );
    wait_for("the target to stop", 10, || target.state() == 'T');
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(target.state(), 'S', "continued after the fault");
}

#[test]
fn process_kill_finds_targets_by_name_and_mode() {
    let home = tempfile::tempdir().unwrap();
    // Three sleepers with a name nothing else has; fixed 2 of them die.
    let mut kids: Vec<Child> = (0..3)
        .map(|_| Command::new("sleep").arg("271.828").spawn().unwrap())
        .collect();
    let out = chaos(
        home.path(),
        &[
            "inject",
            "--fault",
            "process-kill",
            "--name",
            r"^sleep 271\.828$",
            "--mode",
            "fixed",
            "--value",
            "2",
            "--duration",
            "1s",
            "--format",
            "json",
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    let killed = json(&out)["leases"][0]["result"]["killed"].clone();
    assert_eq!(killed.as_array().unwrap().len(), 2, "{killed}");
    let dead = kids
        .iter_mut()
        .map(|k| {
            let mut gone = false;
            for _ in 0..100 {
                if let Ok(Some(status)) = k.try_wait() {
                    use std::os::unix::process::ExitStatusExt;
                    gone = status.signal() == Some(libc::SIGKILL);
                    break;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            gone
        })
        .filter(|&gone| gone)
        .count();
    assert_eq!(dead, 2);
    for k in &mut kids {
        let _ = k.kill();
        let _ = k.wait();
    }
}

#[test]
fn protected_processes_are_refused() {
    let home = tempfile::tempdir().unwrap();
    // This test process is an ancestor of the omni it starts.
    let me = std::process::id().to_string();
    for pid in ["1", me.as_str()] {
        let out = chaos(
            home.path(),
            &[
                "inject",
                "--fault",
                "process-pause",
                "--pid",
                pid,
                "--duration",
                "1s",
            ],
        );
        assert_eq!(out.status.code(), Some(77), "{}", text(&out));
        assert!(text(&out).contains("is protected"), "{}", text(&out));
    }
    let out = chaos(
        home.path(),
        &[
            "inject",
            "--fault",
            "process-kill",
            "--pid",
            "4000000",
            "--duration",
            "1s",
        ],
    );
    assert_eq!(out.status.code(), Some(66), "{}", text(&out));
}

/// `kill -9` of the controller: its watchdog continues the target at once.
/// Then with the watchdog killed as well: the next chaos command's sweep
/// gives the fault back.
#[test]
fn a_killed_controller_leaves_nothing_behind() {
    let home = tempfile::tempdir().unwrap();
    for kill_watchdog in [false, true] {
        let target = Sleeper::new();
        let mut child = spawn_chaos(
            home.path(),
            &[
                "inject",
                "--fault",
                "process-pause",
                "--pid",
                &target.pid(),
                "--duration",
                "60s",
            ],
        );
        wait_for("the target to stop", 10, || target.state() == 'T');
        if kill_watchdog {
            let ps = omni(home.path())
                .args(["ps", "--format", "json"])
                .output()
                .unwrap();
            let ps = json(&ps);
            for e in ps["entries"].as_array().unwrap() {
                if e["label"].as_str().unwrap_or("").starts_with("watchdog")
                    && let Some(pid) = e["pid"].as_u64()
                {
                    // SAFETY: kill(2) on a pid omni ps just reported.
                    unsafe { libc::kill(pid as i32, libc::SIGKILL) };
                }
            }
        }
        child.kill().unwrap();
        child.wait().unwrap();
        if kill_watchdog {
            std::thread::sleep(Duration::from_millis(300));
            assert_eq!(target.state(), 'T', "nobody gave it back yet");
            let out = chaos(home.path(), &["list", "--all", "--format", "json"]);
            assert!(out.status.success(), "{}", text(&out));
        }
        wait_for("the target to continue", 5, || target.state() == 'S');
        let out = chaos(home.path(), &["list", "--all", "--format", "json"]);
        let leases = json(&out)["leases"].as_array().unwrap().clone();
        let last = leases.last().unwrap();
        assert_eq!(last["state"], "orphaned", "{last}");
        assert_eq!(last["undone"], true);
    }
}

#[test]
fn stop_and_the_kill_switch_give_faults_back() {
    let home = tempfile::tempdir().unwrap();
    let target = Sleeper::new();
    let child = spawn_chaos(
        home.path(),
        &[
            "inject",
            "--fault",
            "process-pause",
            "--pid",
            &target.pid(),
            "--duration",
            "60s",
        ],
    );
    wait_for("the target to stop", 10, || target.state() == 'T');
    let list = json(&chaos(home.path(), &["list", "--format", "json"]));
    let id = list["leases"][0]["id"].as_str().unwrap().to_string();
    let out = chaos(home.path(), &["stop", &id, "--format", "json"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(json(&out)["leases"][0]["state"], "stopped");
    assert_eq!(target.state(), 'S');
    assert!(child.wait_with_output().unwrap().status.success());

    // The kill switch: a running fault stops, new ones are refused.
    let child = spawn_chaos(
        home.path(),
        &[
            "inject",
            "--fault",
            "process-pause",
            "--pid",
            &target.pid(),
            "--duration",
            "60s",
        ],
    );
    wait_for("the target to stop", 10, || target.state() == 'T');
    let out = chaos(home.path(), &["disable"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(target.state(), 'S');
    let _ = child.wait_with_output();
    let out = chaos(
        home.path(),
        &[
            "inject",
            "--fault",
            "cpu",
            "--load",
            "10",
            "--duration",
            "1s",
        ],
    );
    assert_eq!(out.status.code(), Some(69), "{}", text(&out));
    assert!(text(&out).contains("kill switch"), "{}", text(&out));
    assert!(chaos(home.path(), &["enable"]).status.success());
    let out = chaos(
        home.path(),
        &[
            "inject",
            "--fault",
            "cpu",
            "--load",
            "10",
            "--cores",
            "1",
            "--duration",
            "300ms",
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
}

#[test]
fn reports_come_as_junit_and_markdown() {
    let home = tempfile::tempdir().unwrap();
    let out = chaos(
        home.path(),
        &[
            "inject",
            "--fault",
            "memory",
            "--size",
            "8MiB",
            "--duration",
            "200ms",
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    let out = chaos(home.path(), &["report", "--format", "junit"]);
    let xml = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(xml.contains("tests=\"1\" failures=\"0\""), "{xml}");
    assert!(xml.contains("classname=\"omni chaos memory\""), "{xml}");
    let out = chaos(home.path(), &["report", "--markdown"]);
    let md = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(md.starts_with("| lease | fault |"), "{md}");
    assert!(md.contains("| memory | ended |"), "{md}");
    assert_eq!(
        chaos(home.path(), &["report", "c-00000000"]).status.code(),
        Some(66)
    );
}

#[test]
fn bad_input_is_one_line_and_a_documented_code() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("file");
    std::fs::write(&file, b"x").unwrap();
    let cases: &[(&[&str], i32, &str)] = &[
        (
            &[
                "inject",
                "--fault",
                "cpu",
                "--load",
                "150",
                "--duration",
                "1s",
            ],
            2,
            "--load 150",
        ),
        (
            &["inject", "--fault", "cpu", "--duration", "1s"],
            2,
            "needs --load",
        ),
        (
            &[
                "inject",
                "--fault",
                "cpu",
                "--load",
                "5",
                "--duration",
                "soon",
            ],
            2,
            "--duration soon",
        ),
        (
            &[
                "inject",
                "--fault",
                "cpu",
                "--load",
                "5",
                "--cores",
                "99",
                "--duration",
                "1s",
            ],
            2,
            "--cores 99",
        ),
        (
            &[
                "inject",
                "--fault",
                "disk",
                "--size",
                "1MiB",
                "--duration",
                "1s",
            ],
            2,
            "needs --path",
        ),
        (
            &[
                "inject",
                "--fault",
                "disk",
                "--path",
                file.to_str().unwrap(),
                "--size",
                "1MiB",
                "--duration",
                "1s",
            ],
            2,
            "not a directory",
        ),
        (
            &[
                "inject",
                "--fault",
                "memory",
                "--size",
                "100TiB",
                "--duration",
                "1s",
            ],
            69,
            "available",
        ),
        (
            &["inject", "--fault", "process-kill", "--duration", "1s"],
            2,
            "needs a target",
        ),
        (
            &[
                "inject",
                "--fault",
                "process-kill",
                "--name",
                "(",
                "--duration",
                "1s",
            ],
            2,
            "--name (",
        ),
        (
            &[
                "inject",
                "--fault",
                "process-kill",
                "--pid",
                "2",
                "--signal",
                "NOPE",
                "--duration",
                "1s",
            ],
            2,
            "",
        ),
        (&["stop", "c-12345678"], 66, "no lease"),
    ];
    for (args, code, needle) in cases {
        let out = chaos(home.path(), args);
        assert_eq!(out.status.code(), Some(*code), "{args:?}: {}", text(&out));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(needle), "{args:?}: {err}");
        if *code != 2 {
            assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        }
    }
    // Nothing was left behind by the refusals.
    let list = json(&chaos(home.path(), &["list", "--all", "--format", "json"]));
    assert_eq!(list["leases"].as_array().unwrap().len(), 0, "{list}");
}

#[test]
fn a_dry_run_prints_the_plan_and_changes_nothing() {
    let home = tempfile::tempdir().unwrap();
    let target = Sleeper::new();
    let out = chaos(
        home.path(),
        &[
            "inject",
            "--fault",
            "process-pause",
            "--pid",
            &target.pid(),
            "--duration",
            "5s",
            "--dry-run",
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains(&format!("pause pid {} (sleep)", target.pid())),
        "{}",
        text(&out)
    );
    assert_eq!(target.state(), 'S');
    let list = json(&chaos(home.path(), &["list", "--all", "--format", "json"]));
    assert_eq!(list["leases"].as_array().unwrap().len(), 0);
}

#[test]
fn a_detached_fault_runs_under_the_supervisor_and_stops() {
    let home = tempfile::tempdir().unwrap();
    let target = Sleeper::new();
    let out = chaos(
        home.path(),
        &[
            "inject",
            "--fault",
            "process-pause",
            "--pid",
            &target.pid(),
            "--duration",
            "60s",
            "--detach",
            "--format",
            "json",
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    let id = json(&out)["leases"][0]["id"].as_str().unwrap().to_string();
    wait_for("the target to stop", 10, || target.state() == 'T');
    let out = chaos(home.path(), &["stop-all", "--format", "json"]);
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(json(&out)["leases"][0]["id"], id.as_str());
    assert_eq!(target.state(), 'S');
}

/// A cgroup's processes are targets (root: the test makes a v1 pids cgroup,
/// or a v2 one where only the unified hierarchy exists).
#[test]
fn processes_are_chosen_by_cgroup() {
    if !crate::util::is_root() {
        crate::util::skip(
            "processes_are_chosen_by_cgroup",
            "needs root to make a cgroup",
        );
        return;
    }
    let base = [
        "/sys/fs/cgroup/pids",
        "/sys/fs/cgroup/unified",
        "/sys/fs/cgroup",
    ]
    .into_iter()
    .map(Path::new)
    .find(|b| b.join("cgroup.procs").exists());
    let Some(base) = base else {
        crate::util::skip(
            "processes_are_chosen_by_cgroup",
            "no cgroup hierarchy to write",
        );
        return;
    };
    let dir = base.join(format!("omni-chaos-test-{}", std::process::id()));
    std::fs::create_dir(&dir).unwrap();
    let target = Sleeper::new();
    let outside = Sleeper::new();
    std::fs::write(dir.join("cgroup.procs"), target.pid()).unwrap();
    let home = tempfile::tempdir().unwrap();
    let child = spawn_chaos(
        home.path(),
        &[
            "inject",
            "--fault",
            "process-pause",
            "--cgroup",
            dir.to_str().unwrap(),
            "--duration",
            "1s",
        ],
    );
    wait_for("the cgroup's process to stop", 10, || target.state() == 'T');
    assert_eq!(
        outside.state(),
        'S',
        "a process outside the cgroup is untouched"
    );
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(target.state(), 'S');
    drop(target);
    std::thread::sleep(Duration::from_millis(100));
    let _ = std::fs::remove_dir(&dir);
    let out = chaos(
        home.path(),
        &[
            "inject",
            "--fault",
            "process-kill",
            "--cgroup",
            "/nonexistent/cg",
            "--duration",
            "1s",
        ],
    );
    assert_eq!(out.status.code(), Some(66), "{}", text(&out));
    assert!(text(&out).contains("not a cgroup"), "{}", text(&out));
}
