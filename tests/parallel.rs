//! `omni parallel` task graphs: submit, status, results, cache, explain,
//! cancel, resume after `kill -9`, and every graph error. Side-effect files
//! written by the tasks themselves are the evidence of what ran.

use std::path::{Path, PathBuf};
use std::process::Output;
use std::time::{Duration, Instant};

use crate::util::{alive, omni, text, wait_for};

struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        Home {
            dir: tempfile::tempdir().unwrap(),
        }
    }
    fn path(&self) -> &Path {
        self.dir.path()
    }
    fn at(&self, name: &str) -> PathBuf {
        self.path().join(name)
    }
    fn write(&self, name: &str, body: &str) -> PathBuf {
        let p = self.at(name);
        std::fs::write(&p, body).unwrap();
        p
    }
    fn run(&self, args: &[&str]) -> Output {
        omni(self.path())
            .current_dir(self.path())
            .arg("parallel")
            .args(args)
            .output()
            .unwrap()
    }
    fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.at(name)).unwrap_or_default()
    }
    /// The lines of a log the tasks append to, sorted.
    fn ran(&self) -> Vec<String> {
        let mut lines: Vec<String> = self.read("ran").lines().map(String::from).collect();
        lines.sort();
        lines
    }
    fn json(&self, args: &[&str]) -> serde_json::Value {
        let mut all = args.to_vec();
        all.extend(["--format", "json"]);
        let out = self.run(&all);
        serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("{args:?}: {e}: {}", text(&out)))
    }
    fn last_job(&self) -> String {
        self.json(&["jobs"])[0]["job_id"]
            .as_str()
            .unwrap()
            .to_string()
    }
    fn task_state(&self, job: &str, task: &str) -> (String, String) {
        let v = self.json(&["status", "--job-id", job]);
        let t = v["tasks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["name"] == task)
            .unwrap_or_else(|| panic!("no task {task}: {v}"))
            .clone();
        (
            t["state"].as_str().unwrap().to_string(),
            t["reason"].as_str().unwrap_or("").to_string(),
        )
    }
}

const DIAMOND: &str = r#"
tasks:
  a: {cmd: "echo a >> ran; cat in.txt > a.out", inputs: [in.txt], outputs: [a.out]}
  b: {cmd: "echo b >> ran; tr a-z A-Z < a.out > b.out", deps: [a], inputs: [a.out], outputs: [b.out]}
  c: {cmd: "echo c >> ran; wc -c < a.out > c.out", deps: [a], inputs: [a.out], outputs: [c.out]}
  d: {cmd: "echo d >> ran; cat b.out c.out > d.out", deps: [b, c], inputs: [b.out, c.out]}
"#;

#[test]
fn a_diamond_runs_in_dependency_order_then_entirely_from_the_cache() {
    let h = Home::new();
    h.write("in.txt", "hello\n");
    h.write("wf.yaml", DIAMOND);
    let out = h.run(&["submit", "--graph", "wf.yaml", "--workers", "2"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let order: Vec<String> = h.read("ran").lines().map(String::from).collect();
    assert_eq!(order.len(), 4, "{order:?}");
    assert_eq!(order[0], "a");
    assert_eq!(order[3], "d");
    assert_eq!(h.read("d.out"), "HELLO\n6\n");

    // Unchanged: nothing runs, every task is reported cached.
    std::fs::remove_file(h.at("ran")).unwrap();
    let out = h.run(&["submit", "--graph", "wf.yaml"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(h.ran(), Vec::<String>::new());
    let job = h.last_job();
    for t in ["a", "b", "c", "d"] {
        assert_eq!(h.task_state(&job, t).0, "cached", "{t}");
    }

    // An input's mtime alone changes nothing (keys are content digests).
    let f = std::fs::File::options()
        .append(true)
        .open(h.at("in.txt"))
        .unwrap();
    f.set_modified(std::time::SystemTime::now() + Duration::from_secs(5))
        .unwrap();
    drop(f);
    h.run(&["submit", "--graph", "wf.yaml"]);
    assert_eq!(h.ran(), Vec::<String>::new());

    // A changed output invalidates its producer's cache entry: c re-runs and
    // restores c.out, so d's inputs are as before and d stays cached.
    std::fs::write(h.at("c.out"), "tampered\n").unwrap();
    h.run(&["submit", "--graph", "wf.yaml"]);
    assert_eq!(h.ran(), ["c"]);
    assert_eq!(h.read("d.out"), "HELLO\n6\n");

    // Changing the input re-runs exactly its downstream, and explain says why.
    std::fs::remove_file(h.at("ran")).unwrap();
    h.write("in.txt", "bye\n");
    let out = h.run(&["submit", "--graph", "wf.yaml"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(h.ran(), ["a", "b", "c", "d"]);
    let job = h.last_job();
    let v = h.json(&["explain", "--job-id", &job, "--task", "a"]);
    let why = v["why"].to_string();
    assert!(why.contains("input in.txt changed"), "{v}");
    let v = h.json(&["explain", "--job-id", &job, "--task", "b"]);
    assert!(
        v["why"].to_string().contains("dependency key of a changed"),
        "{v}"
    );
}

#[test]
fn independent_branches_rerun_alone() {
    let h = Home::new();
    h.write("x.txt", "1");
    h.write("y.txt", "1");
    h.write(
        "wf.yaml",
        "tasks:\n  x: {cmd: 'echo x >> ran', inputs: [x.txt]}\n  y: {cmd: 'echo y >> ran', inputs: [y.txt]}\n  \
         x2: {cmd: 'echo x2 >> ran', deps: [x]}\n  y2: {cmd: 'echo y2 >> ran', deps: [y]}\n",
    );
    h.run(&["submit", "--graph", "wf.yaml"]);
    assert_eq!(h.ran(), ["x", "x2", "y", "y2"]);
    std::fs::remove_file(h.at("ran")).unwrap();
    h.write("y.txt", "2");
    h.run(&["submit", "--graph", "wf.yaml"]);
    assert_eq!(h.ran(), ["y", "y2"]);
}

#[test]
fn failures_skip_dependants_and_halt_unless_keep_going() {
    let h = Home::new();
    // `slow` is independent of `bad` but ready only after `gate`, which
    // finishes after bad has failed: by default it must not start.
    h.write(
        "wf.yaml",
        "tasks:\n  bad: {cmd: 'echo bad >> ran; exit 3'}\n  after: {cmd: 'echo after >> ran', deps: [bad]}\n  \
         gate: {cmd: 'sleep 0.5; echo gate >> ran'}\n  slow: {cmd: 'echo slow >> ran', deps: [gate]}\n  \
         report: {cmd: 'echo report >> ran', when: 'bad.failed'}\n",
    );
    let out = h.run(&["submit", "--graph", "wf.yaml", "--workers", "2"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert_eq!(h.ran(), ["bad", "gate"]);
    let job = h.last_job();
    assert_eq!(
        h.task_state(&job, "bad"),
        ("failed".into(), "exited with status 3".into())
    );
    assert_eq!(
        h.task_state(&job, "after"),
        ("skipped".into(), "upstream 'bad' failed".into())
    );
    assert_eq!(h.task_state(&job, "slow").1, "halted after 'bad' failed");

    // --keep-going runs everything that does not depend on the failure,
    // and a `when` on the failure runs the report.
    std::fs::remove_file(h.at("ran")).unwrap();
    let out = h.run(&["submit", "--graph", "wf.yaml", "--keep-going"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert_eq!(h.ran(), ["bad", "report", "slow"]);
    let job = h.last_job();
    assert_eq!(h.task_state(&job, "after").0, "skipped");
    assert_eq!(h.task_state(&job, "report").0, "succeeded");

    // JUnit for CI: one testcase per task, the failure with its reason.
    let out = h.run(&["results", "--job-id", &job, "--format", "junit"]);
    assert_eq!(out.status.code(), Some(1));
    let xml = String::from_utf8(out.stdout).unwrap();
    assert!(
        xml.contains("tests=\"5\" failures=\"1\" skipped=\"1\""),
        "{xml}"
    );
    assert!(
        xml.contains("<failure message=\"exited with status 3\"/>"),
        "{xml}"
    );
    assert!(
        xml.contains("<skipped message=\"upstream &apos;bad&apos; failed\"/>")
            || xml.contains("<skipped message=\"upstream 'bad' failed\"/>"),
        "{xml}"
    );
}

#[test]
fn a_false_when_skips_without_failing_the_job() {
    let h = Home::new();
    h.write(
        "wf.yaml",
        "tasks:\n  ok: {cmd: 'true'}\n  cleanup: {cmd: 'echo cleanup >> ran', when: 'ok.failed'}\n",
    );
    let out = h.run(&["submit", "--graph", "wf.yaml"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let job = h.last_job();
    let (state, reason) = h.task_state(&job, "cleanup");
    assert_eq!(state, "skipped");
    assert!(reason.starts_with("when ok.failed is false"), "{reason}");
    assert!(h.ran().is_empty());
}

#[test]
fn retries_back_off_until_success() {
    let h = Home::new();
    // Fails on its first two attempts, succeeds on the third.
    h.write(
        "wf.yaml",
        "tasks:\n  flaky: {cmd: 'echo x >> tries; test $(wc -l < tries) -ge 3', \
         retries: {max: 3, backoff: 100ms, factor: 2}, cache: false}\n",
    );
    let start = Instant::now();
    let out = h.run(&["submit", "--graph", "wf.yaml"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        start.elapsed() >= Duration::from_millis(300),
        "backoff 100ms + 200ms"
    );
    assert_eq!(h.read("tries").lines().count(), 3);
    let v = h.json(&["status", "--job-id", &h.last_job()]);
    assert_eq!(v["tasks"][0]["attempts"], 3);
}

#[test]
fn a_timeout_kills_the_task_and_its_grandchildren() {
    let h = Home::new();
    h.write(
        "wf.yaml",
        "tasks:\n  hang: {cmd: 'sh -c \"echo $$ > pid; exec sleep 30\" & wait', timeout: 500ms}\n",
    );
    let start = Instant::now();
    let out = h.run(&["submit", "--graph", "wf.yaml"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(start.elapsed() < Duration::from_secs(10));
    let (state, reason) = h.task_state(&h.last_job(), "hang");
    assert_eq!(state, "failed");
    assert!(reason.starts_with("timed out after"), "{reason}");
    let pid = h.read("pid");
    assert!(
        !alive(pid.trim()),
        "the grandchild {pid} survived the timeout"
    );
}

#[test]
fn foreach_fans_out_over_a_glob_made_upstream() {
    let h = Home::new();
    h.write(
        "wf.yaml",
        "tasks:\n  split: {cmd: 'mkdir -p parts out && for i in 1 2 3; do echo $i > parts/p$i.txt; done', outputs: ['parts/*.txt']}\n  \
         work: {foreach: 'parts/*.txt', cmd: 'echo {/.} >> ran; cat {} > out/{/.}.res', deps: [split]}\n  \
         merge: {cmd: 'cat out/*.res > all.txt', deps: [work]}\n",
    );
    let out = h.run(&["submit", "--graph", "wf.yaml"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(h.ran(), ["p1", "p2", "p3"]);
    assert_eq!(h.read("all.txt"), "1\n2\n3\n");
    let v = h.json(&["status", "--job-id", &h.last_job()]);
    assert_eq!(v["tasks"][1]["instances"], 3);
}

#[test]
fn wide_and_long_graphs_complete() {
    let h = Home::new();
    let mut wide = String::from("tasks:\n  root: {cmd: 'true'}\n");
    for i in 0..1000 {
        wide.push_str(&format!("  t{i}: {{cmd: 'true', deps: [root]}}\n"));
    }
    h.write("wide.yaml", &wide);
    let out = h.run(&[
        "submit",
        "--graph",
        "wide.yaml",
        "--workers",
        "2",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["counts"]["succeeded"], 1001);

    let mut chain = String::from("tasks:\n  c0: {cmd: 'echo 0 > c0.txt'}\n");
    for i in 1..1000 {
        chain.push_str(&format!("  c{i}: {{cmd: 'true', deps: [c{}]}}\n", i - 1));
    }
    h.write("chain.yaml", &chain);
    let out = h.run(&["submit", "--graph", "chain.yaml", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["counts"]["succeeded"], 1000);
    // Second run: all cached, quickly.
    let out = h.run(&["submit", "--graph", "chain.yaml", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["counts"]["cached"], 1000, "{v}");
}

#[test]
fn bad_graphs_are_refused_before_anything_runs() {
    let h = Home::new();
    let cases = [
        (
            "tasks:\n  a: {cmd: 'echo a >> ran', deps: [c]}\n  b: {cmd: x, deps: [a]}\n  c: {cmd: x, deps: [b]}\n",
            "dependency cycle: a -> b -> c -> a",
        ),
        (
            "tasks:\n  a: {cmd: 'echo a >> ran', deps: [nope]}\n",
            "task 'a' depends on unknown task 'nope'",
        ),
        (
            "tasks:\n  a: {cmd: 'echo a >> ran'}\n  a: {cmd: y}\n",
            "duplicate",
        ),
        (
            "tasks:\n  a: {cmd: 'echo a >> ran', retries: {max: 1, factor: 0.5}}\n",
            "task 'a': retries.factor: must be between 1 and 100",
        ),
        (
            "tasks:\n  a: {cmd: 'echo a >> ran', when: 'a.maybe'}\n",
            "task 'a': when: 'maybe' is not a state",
        ),
        (
            "tasks:\n  a: {cmd: 'echo a >> ran', priority: 3}\n",
            "priority",
        ),
    ];
    for (graph, message) in cases {
        h.write("bad.yaml", graph);
        let out = h.run(&["submit", "--graph", "bad.yaml"]);
        assert_eq!(out.status.code(), Some(65), "{graph}: {}", text(&out));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.starts_with("omni parallel: error: "), "{err}");
        assert!(err.contains(message), "{graph}: {err}");
        assert_eq!(err.lines().count(), 1, "one line: {err}");
    }
    assert!(h.ran().is_empty(), "nothing ran");
    let out = h.run(&["submit", "--graph", "absent.yaml"]);
    assert_eq!(out.status.code(), Some(66), "{}", text(&out));
    assert!(text(&out).contains("absent.yaml"));
    let out = h.run(&["status", "--job-id", "p-00000000"]);
    assert_eq!(out.status.code(), Some(66));
    assert!(text(&out).contains("no job 'p-00000000'"), "{}", text(&out));
}

#[test]
fn an_unwritable_state_directory_is_a_clear_error() {
    let h = Home::new();
    h.write("wf.yaml", "tasks:\n  a: {cmd: 'echo a >> ran'}\n");
    let out = omni(h.path())
        .current_dir(h.path())
        .env("OMNI_STATE_DIR", h.at("wf.yaml").join("state"))
        .args(["parallel", "submit", "--graph", "wf.yaml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(74), "{}", text(&out));
    assert!(
        text(&out).contains("creating the state directory") && text(&out).contains("wf.yaml/state"),
        "{}",
        text(&out)
    );
    assert!(h.ran().is_empty());
}

const CHAIN: &str = "tasks:\n  s1: {cmd: 'echo s1 >> ran; sleep 0.3'}\n  s2: {cmd: 'echo s2 >> ran; sleep 0.3', deps: [s1]}\n  \
    s3: {cmd: 'echo s3 >> ran; sleep 30', deps: [s2]}\n  s4: {cmd: 'echo s4 >> ran', deps: [s3]}\n";

#[test]
fn kill_9_then_resume_finishes_without_rerunning_completed_tasks() {
    let h = Home::new();
    // s3 sleeps: the job is killed while it runs. Results reach the store
    // only after a minute: s1's and s2's are in the job's journal alone
    // when the kill comes.
    h.write("wf.yaml", CHAIN);
    let out = omni(h.path())
        .current_dir(h.path())
        .env("OMNI_PARALLEL_STORE_INTERVAL", "1m")
        .args(["parallel", "submit", "--graph", "wf.yaml", "--detach"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let job = String::from_utf8(out.stdout).unwrap().trim().to_string();
    assert!(job.starts_with("p-"), "{job}");
    wait_for("s3 to start", 20, || h.ran().contains(&"s3".to_string()));
    let v = h.json(&["status", "--job-id", &job]);
    assert_eq!(v["state"], "running", "{v}");
    assert_eq!(
        h.task_state(&job, "s1").0,
        "pending",
        "not in the store yet"
    );
    let pid = v["pid"].as_i64().unwrap();
    // SAFETY: kill with a pid read from the job store, a child of this test.
    assert_eq!(unsafe { libc::kill(pid as libc::pid_t, libc::SIGKILL) }, 0);
    wait_for("the job to be lost", 10, || {
        h.json(&["status", "--job-id", &job])["state"] == "lost"
    });
    // The lost run's journal is folded in by whoever looks next.
    assert_eq!(h.task_state(&job, "s1").0, "succeeded");
    assert_eq!(h.task_state(&job, "s2").0, "succeeded");

    // Resume in the foreground: s3 never completed, so it runs again (and
    // sleeps); s1 and s2 must not.
    std::fs::write(h.at("ran"), h.read("ran").replace("s3\n", "")).unwrap();
    let resume = std::thread::spawn({
        let dir = h.path().to_path_buf();
        let job = job.clone();
        move || {
            omni(&dir)
                .current_dir(&dir)
                .args(["parallel", "resume", "--job-id", &job])
                .output()
                .unwrap()
        }
    });
    wait_for("s3 to start again", 20, || {
        h.ran().contains(&"s3".to_string())
    });
    // Cancel the resumed run's s3 through the job (SIGTERM to the job).
    let out = h.run(&["cancel", "--job-id", &job]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let out = resume.join().unwrap();
    assert_eq!(out.status.code(), Some(130), "{}", text(&out));
    // s1 and s2 ran exactly once across kill -9 and resume.
    let ran = h.ran();
    assert_eq!(ran.iter().filter(|l| *l == "s1").count(), 1, "{ran:?}");
    assert_eq!(ran.iter().filter(|l| *l == "s2").count(), 1, "{ran:?}");
    let v = h.json(&["status", "--job-id", &job]);
    assert_eq!(v["state"], "cancelled", "{v}");
    assert_eq!(h.task_state(&job, "s1").0, "succeeded");
    assert_eq!(h.task_state(&job, "s3").0, "cancelled");
    assert_eq!(h.task_state(&job, "s4").0, "cancelled");
}

#[test]
fn resume_after_kill_9_completes_the_job() {
    let h = Home::new();
    // s2 waits for a file; the job is killed while it waits, then resumed
    // with the file present.
    h.write(
        "wf.yaml",
        "tasks:\n  s1: {cmd: 'echo s1 >> ran'}\n  s2: {cmd: 'echo $$ >> s2pids; echo s2 >> ran; for i in $(seq 600); do test -f go && break; sleep 0.05; done', deps: [s1]}\n  \
         s3: {cmd: 'echo s3 >> ran', deps: [s2]}\n",
    );
    let out = h.run(&["submit", "--graph", "wf.yaml", "--detach"]);
    let job = String::from_utf8(out.stdout).unwrap().trim().to_string();
    wait_for("s2 to start", 20, || h.ran().contains(&"s2".to_string()));
    // Within the store interval (100 ms), status in another shell sees it.
    wait_for("status to show s2 running", 5, || {
        h.task_state(&job, "s2").0 == "running"
    });
    let pid = h.json(&["status", "--job-id", &job])["pid"]
        .as_i64()
        .unwrap();
    // SAFETY: as above.
    assert_eq!(unsafe { libc::kill(pid as libc::pid_t, libc::SIGKILL) }, 0);
    wait_for("the job to be lost", 10, || {
        h.json(&["status", "--job-id", &job])["state"] == "lost"
    });
    // The lost run's s2 still waits (its shell outlived the kill -9):
    // resume stops it before running s2 again.
    let orphan = h.read("s2pids").trim().to_string();
    assert!(
        alive(&orphan),
        "the lost run's task {orphan} should still be running"
    );
    let resume = std::thread::spawn({
        let dir = h.path().to_path_buf();
        let job = job.clone();
        move || {
            omni(&dir)
                .current_dir(&dir)
                .args(["parallel", "resume", "--job-id", &job])
                .output()
                .unwrap()
        }
    });
    wait_for("s2 to run again", 20, || {
        h.ran().iter().filter(|l| *l == "s2").count() == 2
    });
    assert!(
        !alive(&orphan),
        "resume left the lost run's task {orphan} running"
    );
    h.write("go", "");
    let out = resume.join().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        text(&out).contains("stopped 1 task process group(s) left running by the lost run"),
        "{}",
        text(&out)
    );
    assert_eq!(
        h.ran(),
        ["s1", "s2", "s2", "s3"],
        "s1 ran once, s2 again, s3 once"
    );
    assert_eq!(h.json(&["status", "--job-id", &job])["state"], "succeeded");
    // Resuming a finished job changes nothing.
    let out = h.run(&["resume", "--job-id", &job]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(h.ran().len(), 4);
}

#[test]
fn cancel_stops_a_detached_job_and_its_process_groups() {
    let h = Home::new();
    h.write(
        "wf.yaml",
        "tasks:\n  long: {cmd: 'sh -c \"echo $$ > pid; exec sleep 60\" & wait'}\n  next: {cmd: 'echo next >> ran', deps: [long]}\n",
    );
    let out = h.run(&["submit", "--graph", "wf.yaml", "--detach"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let job = String::from_utf8(out.stdout).unwrap().trim().to_string();
    wait_for("the task to start", 20, || !h.read("pid").trim().is_empty());
    let out = h.run(&["cancel", "--job-id", &job]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    wait_for("the job to end", 20, || {
        h.json(&["status", "--job-id", &job])["state"] == "cancelled"
    });
    assert!(
        !alive(h.read("pid").trim()),
        "the task's grandchild survived cancel"
    );
    assert_eq!(h.task_state(&job, "long").0, "cancelled");
    assert!(h.ran().is_empty(), "next never ran");
    let out = h.run(&["cancel", "--job-id", &job]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "cancelling a finished job: {}",
        text(&out)
    );
    let logs = h.run(&["logs", "--job-id", &job]);
    assert_eq!(logs.status.code(), Some(0));
}

#[test]
fn logs_show_each_tasks_output() {
    let h = Home::new();
    h.write(
        "wf.yaml",
        "tasks:\n  hi: {cmd: 'echo hello; echo oops >&2'}\n  other: {cmd: 'echo other'}\n",
    );
    h.run(&["submit", "--graph", "wf.yaml"]);
    let job = h.last_job();
    let out = h.run(&["logs", "--job-id", &job, "--task", "hi"]);
    let body = String::from_utf8(out.stdout).unwrap();
    assert_eq!(body, "==> hi.err <==\noops\n==> hi.out <==\nhello\n");
    let out = h.run(&["logs", "--job-id", &job, "--task", "nope"]);
    assert_eq!(out.status.code(), Some(66));
}

#[test]
fn the_longest_remaining_path_starts_first() {
    let h = Home::new();
    // One worker: the order is the scheduler's choice. The chain c1→c2→c3
    // is the critical path, so its head runs before the independent leaves
    // even though their names (and graph order) come first.
    h.write(
        "wf.yaml",
        "tasks:\n  c1: {cmd: 'echo c1 >> order'}\n  c2: {cmd: 'echo c2 >> order', deps: [c1]}\n  \
         c3: {cmd: 'echo c3 >> order', deps: [c2]}\n  a1: {cmd: 'echo a1 >> order'}\n  a2: {cmd: 'echo a2 >> order'}\n",
    );
    let out = h.run(&["submit", "--graph", "wf.yaml", "--workers", "1"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let order: Vec<String> = h.read("order").lines().map(String::from).collect();
    // c1 (path 3) and c2 (path 2) beat the leaves (path 1); c3 ties with them.
    assert_eq!(order[..2], ["c1", "c2"], "{order:?}");
    assert_eq!(order.len(), 5);

    // With history, durations count: a slow leaf outweighs a fast chain.
    h.write(
        "wf2.yaml",
        "tasks:\n  c1: {cmd: 'echo c1 >> order2'}\n  c2: {cmd: 'echo c2 >> order2', deps: [c1]}\n  \
         slow: {cmd: 'echo slow >> order2; sleep 0.6', cache: false}\n",
    );
    h.run(&["submit", "--graph", "wf2.yaml", "--workers", "1"]);
    std::fs::remove_file(h.at("order2")).unwrap();
    // Second run: c1, c2 are cached; make them run again by changing nothing
    // but caching: `slow` (0.6 s measured) must now start first even against
    // a two-task chain of fast tasks with no cache.
    h.write(
        "wf2.yaml",
        "tasks:\n  c1: {cmd: 'echo c1 >> order2', cache: false}\n  c2: {cmd: 'echo c2 >> order2', deps: [c1], cache: false}\n  \
         slow: {cmd: 'echo slow >> order2; sleep 0.6', cache: false}\n",
    );
    h.run(&["submit", "--graph", "wf2.yaml", "--workers", "1"]);
    let order: Vec<String> = h.read("order2").lines().map(String::from).collect();
    assert_eq!(order[0], "slow", "{order:?}");
}

#[test]
fn a_missing_command_fails_its_task_with_127() {
    let h = Home::new();
    h.write(
        "wf.yaml",
        "tasks:\n  a: {cmd: 'no-such-command-omni-test'}\n  b: {cmd: 'echo b >> ran', deps: [a]}\n",
    );
    let out = h.run(&["submit", "--graph", "wf.yaml"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let job = h.last_job();
    assert_eq!(
        h.task_state(&job, "a"),
        ("failed".into(), "exited with status 127".into())
    );
    assert_eq!(h.task_state(&job, "b").1, "upstream 'a' failed");
    let logs = h.run(&["logs", "--job-id", &job, "--task", "a"]);
    assert!(
        String::from_utf8_lossy(&logs.stdout).contains("not found"),
        "{}",
        text(&logs)
    );
}

#[test]
fn old_jobs_and_their_logs_are_pruned_to_keep_jobs() {
    let h = Home::new();
    h.write(
        "wf.yaml",
        "tasks:\n  a: {cmd: 'echo out; echo $RANDOM', cache: false}\n",
    );
    let run = |h: &Home| {
        let out = omni(h.path())
            .current_dir(h.path())
            .env("OMNI_PARALLEL_KEEP_JOBS", "2")
            .args(["parallel", "submit", "--graph", "wf.yaml"])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    };
    run(&h);
    let first = h.last_job();
    let logs = h.at("state/omni/parallel/jobs").join(&first);
    assert!(logs.join("a.out").exists(), "{}", logs.display());
    run(&h);
    run(&h);
    // Starting the third job made room for it: the first is gone, with its
    // logs, and two jobs remain.
    let jobs = h.json(&["jobs"]);
    let ids: Vec<&str> = jobs
        .as_array()
        .unwrap()
        .iter()
        .map(|j| j["job_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 2, "{ids:?}");
    assert!(!ids.contains(&first.as_str()), "{ids:?}");
    assert!(!logs.exists(), "its logs were removed");
    let out = h.run(&["status", "--job-id", &first]);
    assert_eq!(out.status.code(), Some(66));
}
