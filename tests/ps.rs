//! `omni ps` and `omni stop` through the real binary, against a real
//! supervised child (the test binary playing `supervisor::child`).

use std::ffi::OsString;

use omni::runtime::supervisor::{SpawnSpec, Supervisor};

use crate::util::omni;

fn spawn_worker(state: &std::path::Path) -> String {
    let sup = Supervisor::new(state);
    let entry = sup
        .spawn(SpawnSpec {
            system: "test".into(),
            label: "ps test worker".into(),
            program: std::env::current_exe().unwrap(),
            args: [
                "supervisor::child",
                "--exact",
                "--nocapture",
                "--test-threads=1",
            ]
            .into_iter()
            .map(OsString::from)
            .collect(),
            env: vec![("OMNI_TEST_CHILD".into(), "worker".into())],
        })
        .expect("spawn");
    serde_json::to_value(&entry).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string()
}

#[test]
fn ps_lists_and_stop_stops_background_work() {
    let h = tempfile::tempdir().unwrap();
    let state = h.path().join("state/omni");
    let id = spawn_worker(&state);

    let out = omni(h.path())
        .args(["ps", "--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let entry = &doc["entries"][0];
    assert_eq!(entry["id"], id.as_str());
    assert_eq!(entry["state"], "running");
    assert_eq!(entry["label"], "ps test worker");

    let out = omni(h.path()).arg("ps").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("ID ") && text.contains(&id) && text.contains("running"),
        "{text}"
    );

    let out = omni(h.path())
        .args(["stop", &id, "--grace", "5s"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("{id}  graceful (exit 0)\n")
    );

    let out = omni(h.path())
        .args(["ps", "--format", "json"])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        doc["entries"],
        serde_json::json!([]),
        "a stopped entry is gone"
    );
}

#[test]
fn stop_all_and_unknown_ids() {
    let h = tempfile::tempdir().unwrap();
    let state = h.path().join("state/omni");
    let a = spawn_worker(&state);
    let b = spawn_worker(&state);
    let out = omni(h.path())
        .args(["stop", "--all", "--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut ids: Vec<&str> = doc["stopped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    ids.sort_unstable();
    let mut want = vec![a.as_str(), b.as_str()];
    want.sort_unstable();
    assert_eq!(ids, want);

    let out = omni(h.path())
        .args(["stop", "test-00000000"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(66));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("omni stop: error:")
            && err.contains("test-00000000")
            && err.contains("omni ps"),
        "{err}"
    );
    // The OMNI_STATE_DIR override is honoured.
    let out = omni(h.path())
        .env("OMNI_STATE_DIR", h.path().join("elsewhere"))
        .args(["ps"])
        .output()
        .unwrap();
    assert!(out.status.success() && out.stdout.is_empty());
}

/// Runs one whole invocation of the test registry as this process's owner
/// (governor installed, supervisor attached), then exits with its code.
fn run_owning_the_process(argv: Vec<std::ffi::OsString>) -> ! {
    let exit = omni::cli::run(
        argv,
        omni::runtime::config::Env::capture(),
        &crate::dispatch::TEST_SYSTEMS,
        omni::runtime::output::Streams::stdio(),
        std::sync::Arc::new(omni::runtime::executor::Executor::new(1)),
        true,
    );
    std::process::exit(i32::from(exit.code()));
}

/// Child role `detached`: a whole omni invocation (`omni chaos serve` of the
/// test registry) that owns its process, as a detached omni would. The
/// command line has the shape `Ctx::detach` gives its children.
#[test]
fn detached_child() {
    if crate::util::child_role().as_deref() != Some("detached") {
        return;
    }
    let argv = ["omni", "chaos", "serve"]
        .iter()
        .map(std::ffi::OsString::from)
        .collect();
    run_owning_the_process(argv);
}

#[test]
fn a_detached_omni_answers_pause_resume_and_stop_through_its_governor() {
    use omni::runtime::supervisor::{Op, RemoteState};
    let h = tempfile::tempdir().unwrap();
    let state = h.path().join("state/omni");
    let sup = Supervisor::new(&state);
    let entry = sup
        .spawn(SpawnSpec {
            system: "chaos".into(),
            label: "detached omni".into(),
            program: std::env::current_exe().unwrap(),
            args: [
                "ps::detached_child",
                "--exact",
                "--nocapture",
                "--test-threads=1",
            ]
            .into_iter()
            .map(OsString::from)
            .collect(),
            env: vec![("OMNI_TEST_CHILD".into(), "detached".into())],
        })
        .expect("spawn");
    let id = serde_json::to_value(&entry).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();

    let status = sup.control(&id, Op::Status).unwrap();
    let detail = status.detail.expect("detail");
    assert_eq!(detail["command"], "omni chaos");
    assert!(detail["stats"]["permits_granted"].is_number(), "{detail}");
    assert_eq!(
        sup.control(&id, Op::Pause).unwrap().state,
        RemoteState::Paused
    );
    assert_eq!(
        sup.control(&id, Op::Status).unwrap().state,
        RemoteState::Paused
    );
    std::thread::sleep(std::time::Duration::from_millis(200));
    assert_eq!(
        sup.control(&id, Op::Resume).unwrap().state,
        RemoteState::Running
    );

    // Stopping through the real binary: the work sees stop_requested and
    // ends with exit 0, which the entry records.
    let out = omni(h.path()).args(["stop", &id]).output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("{id}  graceful (exit 0)\n"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Child role `launcher`: an omni invocation that detaches work with
/// `Ctx::detach`, prints the entry and exits, as `--detach` does.
#[test]
fn launcher_child() {
    if std::env::var("OMNI_TEST_LAUNCHER").is_err() {
        return;
    }
    let argv = ["chaos-cli", "launch", "--format", "json"]
        .iter()
        .map(std::ffi::OsString::from)
        .collect();
    run_owning_the_process(argv);
}

#[test]
fn ctx_detach_starts_supervised_work_that_outlives_its_launcher() {
    let h = tempfile::tempdir().unwrap();
    let mut launcher = crate::util::child("ps::launcher_child", "detached");
    crate::util::isolate(&mut launcher, h.path());
    // The detached grandchild inherits OMNI_TEST_CHILD=detached from here.
    let out = launcher
        .env("OMNI_TEST_CHILD", "detached")
        .env("OMNI_TEST_LAUNCHER", "1")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    let json_start = text.find('{').expect("the entry as JSON");
    let entry: serde_json::Value = serde_json::Deserializer::from_str(&text[json_start..])
        .into_iter()
        .next()
        .unwrap()
        .unwrap();
    let id = entry["id"].as_str().unwrap().to_string();
    assert!(id.starts_with("chaos-"), "{entry}");
    assert_eq!(entry["label"], "launched serve");

    // The launcher is gone; the work it detached is running and listed.
    let out = omni(h.path())
        .args(["ps", "--format", "json"])
        .output()
        .unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let listed = doc["entries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == id.as_str())
        .expect("listed");
    assert_eq!(listed["state"], "running");
    assert_eq!(listed["system"], "chaos");
    let out = omni(h.path()).args(["stop", &id]).output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("{id}  graceful (exit 0)\n")
    );
}
