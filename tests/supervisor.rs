//! The supervisor against real child processes: this test binary re-run in
//! child mode (`supervisor::child`) plays the supervised program. Each test
//! has its own state directory, and a guard stops whatever a failing test
//! leaves behind. Every wait is bounded.

use std::ffi::OsString;
use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use omni::runtime::error::{Classify, Exit};
use omni::runtime::supervisor::{
    Attached, Control, Entry, EntryState, Finished, Op, RECORD_VERSION, RemoteState, SpawnSpec,
    StopOutcome, Supervisor, SupervisorError,
};
use serde_json::{Value, json};

use crate::util::child_role;

/// How long a child runs at most if nobody stops it (a failed test must not
/// leave processes around for long).
const CHILD_LIFETIME: Duration = Duration::from_secs(60);

// ---------------------------------------------------------------- child side

/// The work a supervised child does: count, honour pause and stop (unless it
/// plays the stubborn role).
struct Work {
    role: String,
    obedient: bool,
    count: AtomicU64,
    paused: AtomicBool,
    stopped: AtomicBool,
    grandchild: Option<u32>,
}

impl Work {
    fn new(role: String, obedient: bool, grandchild: Option<u32>) -> Arc<Work> {
        Arc::new(Work {
            role,
            obedient,
            count: AtomicU64::new(0),
            paused: AtomicBool::new(false),
            stopped: AtomicBool::new(false),
            grandchild,
        })
    }
}

impl Control for Work {
    fn status(&self) -> Value {
        json!({
            "role": self.role,
            "pid": std::process::id(),
            "count": self.count.load(Ordering::SeqCst),
            "tag": std::env::var("WORKER_TAG").ok(),
            "grandchild": self.grandchild,
        })
    }
    fn pause(&self) {
        if self.obedient {
            self.paused.store(true, Ordering::SeqCst);
        }
    }
    fn resume(&self) {
        self.paused.store(false, Ordering::SeqCst);
    }
    fn stop(&self) {
        if self.obedient {
            self.stopped.store(true, Ordering::SeqCst);
        }
    }
}

/// The entry point of every child role; a no-op in a normal test run.
#[test]
fn child() {
    let Some(role) = child_role() else { return };
    match role.as_str() {
        "worker" => play(role, true, None),
        "leaky" => {
            // Obeys stop but leaves its grandchild behind.
            let grandchild = start_grandchild();
            play(role, true, Some(grandchild));
        }
        "stubborn" => {
            // The grandchild is started before SIGTERM is ignored, so it
            // keeps the default disposition.
            let grandchild = start_grandchild();
            // SAFETY: setting a signal disposition to SIG_IGN is always sound.
            unsafe { libc::signal(libc::SIGTERM, libc::SIG_IGN) };
            play(role, false, Some(grandchild));
        }
        "crash" => {
            eprintln!("boom: the crash role fails on purpose");
            std::process::exit(3);
        }
        other => panic!("unknown child role {other}"),
    }
}

/// Starts `sleep 60` in this process's group and returns its pid.
fn start_grandchild() -> u32 {
    #[expect(
        clippy::zombie_processes,
        reason = "the grandchild is left to the supervisor's group kill on purpose"
    )]
    let sleep = std::process::Command::new("sleep")
        .arg("60")
        .spawn()
        .expect("start sleep");
    sleep.id()
}

fn play(role: String, obedient: bool, grandchild: Option<u32>) {
    let id = std::env::var("OMNI_SUPERVISOR_ID").expect("OMNI_SUPERVISOR_ID");
    let dir = PathBuf::from(std::env::var_os("OMNI_SUPERVISOR_DIR").expect("OMNI_SUPERVISOR_DIR"));
    let work = Work::new(role, obedient, grandchild);
    let attached = Attached::serve(&dir, &id, work.clone()).expect("serve");
    println!("worker ready as {id}");
    let deadline = Instant::now() + CHILD_LIFETIME;
    while !work.stopped.load(Ordering::SeqCst) && Instant::now() < deadline {
        if !work.paused.load(Ordering::SeqCst) {
            work.count.fetch_add(1, Ordering::SeqCst);
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    println!("worker winding down");
    attached.finish(0).expect("finish");
}

// --------------------------------------------------------------- parent side

/// A state dir plus a supervisor; stops leftovers on drop.
struct Fixture {
    dir: tempfile::TempDir,
    sup: Supervisor,
}

impl Fixture {
    fn new() -> Fixture {
        let dir = tempfile::tempdir().expect("tempdir");
        let sup = Supervisor::new(dir.path())
            .with_kill_grace(Duration::from_millis(300))
            .with_query_timeout(Duration::from_secs(1));
        Fixture { dir, sup }
    }

    fn spawn(&self, role: &str) -> Result<Entry, SupervisorError> {
        self.sup.spawn(SpawnSpec {
            system: "test".into(),
            label: format!("child role {role}"),
            program: std::env::current_exe().expect("test binary"),
            args: [
                "supervisor::child",
                "--exact",
                "--nocapture",
                "--test-threads=1",
            ]
            .into_iter()
            .map(OsString::from)
            .collect(),
            env: vec![
                ("OMNI_TEST_CHILD".into(), role.into()),
                ("WORKER_TAG".into(), "tag-42".into()),
            ],
        })
    }

    fn detail(&self, id: &str) -> Value {
        let reply = self.sup.control(id, Op::Status).expect("status");
        reply.detail.expect("detail")
    }

    fn count(&self, id: &str) -> u64 {
        self.detail(id)["count"].as_u64().expect("count")
    }

    fn grandchild(&self, id: &str) -> u32 {
        let pid = self.detail(id)["grandchild"]
            .as_u64()
            .expect("grandchild pid");
        u32::try_from(pid).expect("pid fits u32")
    }
}

impl Drop for Fixture {
    fn drop(&mut self) {
        let _ = self.sup.stop_all(Duration::from_millis(200));
    }
}

/// Fields of `/proc/<pid>/stat` after the command name (field 3 first).
fn stat_fields(pid: u32) -> Option<Vec<String>> {
    let text = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let rest = &text[text.rfind(')')? + 1..];
    Some(rest.split_whitespace().map(str::to_owned).collect())
}

/// Gone: no such process, or a zombie (which runs no code).
fn is_gone(pid: u32) -> bool {
    stat_fields(pid).is_none_or(|f| f[0] == "Z" || f[0] == "X")
}

fn wait_until(what: &str, limit: Duration, mut check: impl FnMut() -> bool) {
    let deadline = Instant::now() + limit;
    while !check() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn socket_of(entry: &Entry) -> &Path {
    &entry.socket
}

// --------------------------------------------------------------------- tests

#[test]
fn spawn_records_the_entry_and_status_round_trips() {
    let fx = Fixture::new();
    let entry = fx.spawn("worker").expect("spawn");
    let pid = entry.pid;

    // The record on disk is what spawn returned, and it is true.
    let on_disk: Entry =
        serde_json::from_slice(&fs::read(fx.sup.record_path(&entry.id)).unwrap()).unwrap();
    assert_eq!(on_disk, entry);
    assert_eq!(entry.version, RECORD_VERSION);
    assert!(
        entry.id.starts_with("test-") && entry.id.len() == "test-".len() + 8,
        "{}",
        entry.id
    );
    assert_eq!(entry.system, "test");
    assert_eq!(entry.label, "child role worker");
    assert_eq!(
        PathBuf::from(&entry.argv[0]),
        std::env::current_exe().unwrap()
    );
    assert_eq!(entry.argv[1], "supervisor::child");
    let fields = stat_fields(pid).expect("child is alive");
    assert_eq!(
        entry.start_ticks.to_string(),
        fields[19],
        "start time is field 22"
    );
    assert_eq!(fields[3], pid.to_string(), "child leads its own session");
    assert_eq!(
        fs::read_link(format!("/proc/{pid}/fd/0")).unwrap(),
        Path::new("/dev/null")
    );
    assert!(
        entry.started_at.ends_with('Z') && entry.started_at.len() == 24,
        "{}",
        entry.started_at
    );
    assert_eq!(entry.log, fx.sup.dir().join(format!("{}.log", entry.id)));
    let mode = fs::metadata(socket_of(&entry))
        .unwrap()
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o600);

    // Its stdout goes to the log.
    wait_until("the log line", Duration::from_secs(5), || {
        fs::read_to_string(&entry.log)
            .is_ok_and(|t| t.contains(&format!("worker ready as {}", entry.id)))
    });

    // list shows it running, with the handler's detail.
    let rows = fx.sup.list().unwrap();
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    assert_eq!(row.id, entry.id);
    assert_eq!(row.state, EntryState::Running);
    assert_eq!(row.state_text(), "running");
    assert_eq!(row.pid, pid);
    assert_eq!(row.log, entry.log);
    assert!(row.uptime.is_some());
    let detail = row.detail.as_ref().expect("detail");
    assert_eq!(detail["role"], "worker");
    assert_eq!(detail["pid"], pid);
    assert_eq!(detail["tag"], "tag-42", "spec.env reaches the child");
    let json = serde_json::to_value(row).unwrap();
    assert_eq!(json["state"], "running");

    let reply = fx.sup.control(&entry.id, Op::Status).unwrap();
    assert_eq!(reply.state, RemoteState::Running);
    assert_eq!(reply.detail.unwrap()["pid"], pid);
}

#[test]
fn pause_stops_the_work_and_resume_restarts_it() {
    let fx = Fixture::new();
    let entry = fx.spawn("worker").expect("spawn");
    wait_until("some work", Duration::from_secs(5), || {
        fx.count(&entry.id) > 0
    });

    let reply = fx.sup.control(&entry.id, Op::Pause).unwrap();
    assert_eq!(reply.state, RemoteState::Paused);
    // Let an iteration in flight finish, then the counter must stand still.
    std::thread::sleep(Duration::from_millis(200));
    let before = fx.count(&entry.id);
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(fx.count(&entry.id), before, "paused work advanced");
    let row = fx.sup.status(&entry.id).unwrap();
    assert_eq!(row.state, EntryState::Paused);

    let reply = fx.sup.control(&entry.id, Op::Resume).unwrap();
    assert_eq!(reply.state, RemoteState::Running);
    wait_until("work after resume", Duration::from_secs(5), || {
        fx.count(&entry.id) > before
    });
    assert_eq!(fx.sup.status(&entry.id).unwrap().state, EntryState::Running);
}

#[test]
fn graceful_stop_lets_the_child_finish_and_removes_the_entry() {
    let fx = Fixture::new();
    let entry = fx.spawn("worker").expect("spawn");
    let stopped = fx.sup.stop(&entry.id, Duration::from_secs(5)).unwrap();
    assert_eq!(stopped.outcome, StopOutcome::Graceful);
    assert_eq!(
        stopped.exit_code,
        Some(0),
        "the child reported its exit code"
    );
    assert_eq!(stopped.pid, entry.pid);
    assert!(is_gone(entry.pid));
    assert!(!fx.sup.record_path(&entry.id).exists());
    assert!(!socket_of(&entry).exists());
    assert!(entry.log.exists(), "logs outlive their entry");
    assert!(
        fs::read_to_string(&entry.log)
            .unwrap()
            .contains("worker winding down"),
        "the child wound down by itself"
    );
    assert!(fx.sup.list().unwrap().is_empty());
    let err = fx.sup.stop(&entry.id, Duration::from_secs(1)).unwrap_err();
    assert_eq!(err.exit(), Exit::NoInput);
}

#[test]
fn finished_entry_shows_exited_until_stopped() {
    let fx = Fixture::new();
    let entry = fx.spawn("worker").expect("spawn");
    // Only ask: the child finishes by itself and its entry stays listed.
    let reply = fx.sup.control(&entry.id, Op::Stop).unwrap();
    assert_eq!(reply.state, RemoteState::Stopping);
    wait_until("the exit", Duration::from_secs(5), || is_gone(entry.pid));
    let rows = fx.sup.list().unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].state, EntryState::Exited);
    assert_eq!(rows[0].state_text(), "exited (0)");
    assert!(!socket_of(&entry).exists(), "finish removes the socket");
    // Listed again: exited entries are not reaped like lost ones.
    assert_eq!(fx.sup.list().unwrap()[0].state, EntryState::Exited);
    let err = fx.sup.control(&entry.id, Op::Pause).unwrap_err();
    assert_eq!(err.exit(), Exit::Unavailable);
    assert!(err.to_string().contains("exited (0)"), "{err}");

    let stopped = fx.sup.stop(&entry.id, Duration::from_secs(1)).unwrap();
    assert_eq!(stopped.outcome, StopOutcome::AlreadyGone);
    assert_eq!(stopped.exit_code, Some(0));
    assert!(fx.sup.list().unwrap().is_empty());
}

#[test]
fn stubborn_child_and_its_grandchild_are_killed_after_the_grace() {
    let fx = Fixture::new();
    let entry = fx.spawn("stubborn").expect("spawn");
    let grandchild = fx.grandchild(&entry.id);
    let fields = stat_fields(grandchild).expect("grandchild alive");
    assert_eq!(
        fields[2],
        entry.pid.to_string(),
        "grandchild is in the child's group"
    );

    let grace = Duration::from_millis(300);
    let began = Instant::now();
    let stopped = fx.sup.stop(&entry.id, grace).unwrap();
    assert!(began.elapsed() >= grace, "stop did not wait for the grace");
    assert_eq!(
        stopped.outcome,
        StopOutcome::Killed,
        "SIGTERM is ignored, so SIGKILL"
    );
    assert_eq!(stopped.exit_code, None, "a killed child reports nothing");
    assert!(is_gone(entry.pid), "child survived");
    assert!(is_gone(grandchild), "grandchild survived");
    assert!(!fx.sup.record_path(&entry.id).exists());
    assert!(fx.sup.list().unwrap().is_empty());
}

#[test]
fn processes_left_in_the_group_after_a_graceful_exit_are_swept() {
    let fx = Fixture::new();
    let entry = fx.spawn("leaky").expect("spawn");
    let grandchild = fx.grandchild(&entry.id);
    assert!(!is_gone(grandchild));
    let stopped = fx.sup.stop(&entry.id, Duration::from_secs(5)).unwrap();
    assert_eq!(stopped.outcome, StopOutcome::Graceful);
    assert_eq!(stopped.exit_code, Some(0));
    assert_eq!(stopped.stragglers, 1, "the sleep outlived its parent");
    assert!(is_gone(grandchild), "straggler survived");
}

#[test]
fn a_child_killed_behind_our_back_is_reported_lost_once() {
    let fx = Fixture::new();
    let entry = fx.spawn("worker").expect("spawn");
    assert!(socket_of(&entry).exists());
    // SAFETY: kill has no memory-safety preconditions; the pid is our child.
    assert_eq!(unsafe { libc::kill(entry.pid as i32, libc::SIGKILL) }, 0);
    wait_until("the kill", Duration::from_secs(5), || is_gone(entry.pid));

    let rows = fx.sup.list().unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].id, entry.id);
    assert_eq!(rows[0].state, EntryState::Lost);
    assert_eq!(rows[0].uptime, None);
    assert!(!fx.sup.record_path(&entry.id).exists(), "record reaped");
    assert!(!socket_of(&entry).exists(), "socket reaped");
    assert!(entry.log.exists(), "log kept");
    assert!(fx.sup.list().unwrap().is_empty(), "lost is reported once");
    let err = fx.sup.control(&entry.id, Op::Status).unwrap_err();
    assert_eq!(err.exit(), Exit::NoInput);
}

/// Writes a record for a process the supervisor did not start.
fn forge(sup: &Supervisor, id: &str, pid: u32, start_ticks: u64) -> Entry {
    forge_finished(sup, id, pid, start_ticks, None)
}

fn forge_finished(
    sup: &Supervisor,
    id: &str,
    pid: u32,
    start_ticks: u64,
    finished: Option<Finished>,
) -> Entry {
    fs::create_dir_all(sup.dir()).unwrap();
    let entry = Entry {
        version: RECORD_VERSION,
        id: id.to_owned(),
        system: "test".into(),
        label: "forged".into(),
        pid,
        start_ticks,
        argv: vec!["sleep".into(), "30".into()],
        // Old enough not to count as starting up.
        started_at: "2020-01-01T00:00:00.000Z".into(),
        log: sup.dir().join(format!("{id}.log")),
        socket: sup.dir().join(format!("{id}.sock")),
        finished,
    };
    omni::runtime::state::write_atomic(
        &sup.record_path(id),
        &serde_json::to_vec(&entry).unwrap(),
        0o600,
    )
    .unwrap();
    entry
}

#[test]
fn a_reused_pid_is_treated_as_dead_and_never_signalled() {
    let fx = Fixture::new();
    // A live process leading its own group, unrelated to the supervisor.
    let mut bystander = std::process::Command::new("sleep")
        .arg("30")
        .process_group(0)
        .spawn()
        .unwrap();
    let pid = bystander.id();
    let ticks: u64 = stat_fields(pid).unwrap()[19].parse().unwrap();

    // Control: with the right start time the pid is alive; without a socket
    // it is unresponsive, and it is kept.
    forge(&fx.sup, "test-00000001", pid, ticks);
    let rows = fx.sup.list().unwrap();
    assert_eq!(rows[0].state, EntryState::Unresponsive);
    assert!(fx.sup.record_path("test-00000001").exists());
    let err = fx.sup.control("test-00000001", Op::Status).unwrap_err();
    assert_eq!(err.exit(), Exit::TempFail);
    fs::remove_file(fx.sup.record_path("test-00000001")).unwrap();

    // With another start time, the same live pid is someone else: dead.
    forge(&fx.sup, "test-00000002", pid, ticks + 1);
    let rows = fx.sup.list().unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].state, EntryState::Lost);
    assert!(!fx.sup.record_path("test-00000002").exists());

    // Stopping such an entry must not touch the bystander or its group.
    forge(&fx.sup, "test-00000003", pid, ticks + 1);
    let stopped = fx
        .sup
        .stop("test-00000003", Duration::from_millis(100))
        .unwrap();
    assert_eq!(stopped.outcome, StopOutcome::AlreadyGone);
    assert_eq!(stopped.stragglers, 0);
    std::thread::sleep(Duration::from_millis(100));
    assert!(
        bystander.try_wait().unwrap().is_none(),
        "the bystander was signalled"
    );

    // A process cannot attach to an entry that names another pid.
    forge(&fx.sup, "test-00000004", pid, ticks);
    let work: Arc<dyn Control> = Work::new("none".into(), true, None);
    let err = Attached::serve(fx.dir.path(), "test-00000004", work).unwrap_err();
    assert_eq!(err.exit(), Exit::Software);
    assert!(err.to_string().contains(&pid.to_string()), "{err}");

    bystander.kill().unwrap();
    bystander.wait().unwrap();
}

#[test]
fn unknown_ids_are_no_input_errors_that_point_at_ps() {
    let fx = Fixture::new();
    for id in ["test-deadbeef", "../../etc/passwd", ""] {
        let err = fx.sup.control(id, Op::Status).unwrap_err();
        assert_eq!(err.exit(), Exit::NoInput, "{id}");
        assert!(matches!(err, SupervisorError::UnknownId { .. }), "{err:?}");
        assert!(err.to_string().contains(&format!("{id:?}")), "{err}");
        assert!(err.to_string().contains("omni ps"), "{err}");
        assert_eq!(
            fx.sup
                .stop(id, Duration::from_millis(10))
                .unwrap_err()
                .exit(),
            Exit::NoInput
        );
        assert_eq!(fx.sup.status(id).unwrap_err().exit(), Exit::NoInput);
    }
    assert!(
        fx.sup.list().unwrap().is_empty(),
        "a missing state dir lists nothing"
    );
}

#[test]
fn a_child_that_dies_at_start_up_fails_spawn_with_its_log() {
    let fx = Fixture::new();
    let err = fx.spawn("crash").unwrap_err();
    assert_eq!(err.exit(), Exit::Unavailable);
    let text = err.to_string();
    assert!(
        text.contains("boom: the crash role fails on purpose"),
        "{text}"
    );
    assert!(text.contains("exit status: 3"), "{text}");
    assert!(fx.sup.list().unwrap().is_empty(), "no entry left behind");
    let names: Vec<String> = fs::read_dir(fx.sup.dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().all(|n| n.ends_with(".log")), "{names:?}");
}

#[test]
fn exited_entries_and_orphan_logs_expire() {
    let fx = Fixture::new();
    // A pid that certainly ran and ended.
    let mut done = std::process::Command::new("true").spawn().unwrap();
    let dead = done.id();
    done.wait().unwrap();
    let finished = |at: &str| {
        Some(Finished {
            exit_code: Some(7),
            finished_at: at.to_owned(),
        })
    };
    forge_finished(
        &fx.sup,
        "test-0000000a",
        dead,
        1,
        finished("2020-01-01T00:00:01.000Z"),
    );
    let recent = "2999-01-01T00:00:00.000Z";
    forge_finished(&fx.sup, "test-0000000b", dead, 1, finished(recent));
    fs::write(fx.sup.dir().join("test-0000000a.log"), "old").unwrap();
    fs::write(fx.sup.dir().join("test-0000000b.log"), "kept").unwrap();

    let sup = fx
        .sup
        .clone()
        .with_exited_retention(Duration::from_secs(3600));
    let rows = sup.list().unwrap();
    assert_eq!(rows.len(), 1, "the entry that ended in 2020 expired");
    assert_eq!(rows[0].id, "test-0000000b");
    assert_eq!(rows[0].state_text(), "exited (7)");
    assert!(!sup.record_path("test-0000000a").exists());
    assert!(
        sup.dir().join("test-0000000a.log").exists(),
        "logs outlive entries"
    );

    std::thread::sleep(Duration::from_millis(20));
    let sup = sup.with_log_retention(Duration::ZERO);
    assert_eq!(sup.list().unwrap().len(), 1);
    assert!(
        !sup.dir().join("test-0000000a.log").exists(),
        "orphan log pruned"
    );
    assert!(
        sup.dir().join("test-0000000b.log").exists(),
        "a listed entry keeps its log"
    );

    let results = sup.stop_all(Duration::from_millis(100)).unwrap();
    assert_eq!(results.len(), 1);
    let stopped = results.into_iter().next().unwrap().unwrap();
    assert_eq!(stopped.outcome, StopOutcome::AlreadyGone);
    assert_eq!(stopped.exit_code, Some(7));
    assert!(sup.list().unwrap().is_empty());
}

#[test]
fn a_missing_program_is_reported_and_leaves_nothing() {
    let fx = Fixture::new();
    let err = fx
        .sup
        .spawn(SpawnSpec {
            system: "test".into(),
            label: "nothing".into(),
            program: "/nonexistent/omni".into(),
            args: Vec::new(),
            env: Vec::new(),
        })
        .unwrap_err();
    assert_eq!(err.exit(), Exit::NoInput);
    assert!(err.to_string().contains("/nonexistent/omni"), "{err}");
    assert_eq!(fs::read_dir(fx.sup.dir()).unwrap().count(), 0);
}
