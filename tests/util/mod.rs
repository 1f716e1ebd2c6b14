//! Helpers shared by the integration tests: a unique temp dir per test, the
//! path of the built `omni`, and "child mode" for tests that must run code in
//! a separate process (a Landlock sandbox, a memory ceiling or a CPU cap
//! applies to the whole process, and the supervisor needs a real child).
//!
//! Child mode: a test calls [`child`] with its own full test path and a role.
//! That re-runs this test binary with `--exact <path>` and `OMNI_TEST_CHILD`
//! set; the re-run test sees [`child_role`] return the role and plays it.
//! In a normal run `child_role` is `None` and the entry test returns at once.

#![allow(dead_code)]

#[cfg(feature = "attest")]
pub mod swtpm;

use std::path::PathBuf;
use std::process::Command;

/// The `omni` binary built for this test run.
pub fn omni_bin() -> PathBuf {
    assert_cmd::cargo::cargo_bin("omni")
}

/// A `Command` for `omni` with a clean, isolated environment: config, state
/// and data directories inside `home`, colour off, no CI-specific behaviour.
pub fn omni(home: &std::path::Path) -> Command {
    let mut cmd = Command::new(omni_bin());
    isolate(&mut cmd, home);
    cmd
}

/// Points every directory omni reads or writes into `home`.
pub fn isolate(cmd: &mut Command, home: &std::path::Path) {
    for (key, _) in std::env::vars_os() {
        let key_str = key.to_string_lossy();
        if key_str.starts_with("OMNI_") || key_str.starts_with("XDG_") {
            cmd.env_remove(&key);
        }
    }
    cmd.env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("FORCE_COLOR");
}

/// The role this process plays when it was started by [`child`].
pub fn child_role() -> Option<String> {
    std::env::var("OMNI_TEST_CHILD").ok()
}

/// A command that re-runs the test at `test_path` (e.g.
/// `"governor::cpu_cap_child"`) in a new process with `OMNI_TEST_CHILD=role`.
pub fn child(test_path: &str, role: &str) -> Command {
    let mut cmd = Command::new(std::env::current_exe().expect("test binary path"));
    cmd.args([
        test_path,
        "--exact",
        "--nocapture",
        "--test-threads=1",
        "--quiet",
    ])
    .env("OMNI_TEST_CHILD", role);
    cmd
}

/// Prints the loud skip line CI logs are grepped for.
pub fn skip(test: &str, reason: &str) {
    eprintln!("SKIP {test}: {reason}");
}

/// True when running as root (CI is root; some tests need it).
pub fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions and cannot fail.
    unsafe { libc::geteuid() == 0 }
}

/// A cloneable in-memory writer for in-process runs of `omni::cli::run`.
#[derive(Clone, Default)]
pub struct Buf(pub std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl Buf {
    /// Everything written so far, as text.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

impl std::io::Write for Buf {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(data);
        Ok(data.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The outcome of an in-process invocation.
pub struct Run {
    pub exit: omni::runtime::error::Exit,
    pub stdout: String,
    pub stderr: String,
    pub runtime_started: bool,
}

/// Runs `omni::cli::run` in-process with `argv` (argv[0] included), an
/// environment isolated in `home`, and the given registry.
pub fn run_in_process(
    argv: &[&str],
    home: &std::path::Path,
    extra_env: &[(&str, &str)],
    systems: &'static [omni::commands::SystemEntry],
) -> Run {
    let mut pairs: Vec<(String, String)> = vec![
        ("HOME".into(), home.display().to_string()),
        (
            "XDG_CONFIG_HOME".into(),
            home.join("config").display().to_string(),
        ),
        (
            "XDG_STATE_HOME".into(),
            home.join("state").display().to_string(),
        ),
    ];
    pairs.extend(
        extra_env
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string())),
    );
    let env = omni::runtime::config::Env::from_pairs(pairs);
    let (out, err) = (Buf::default(), Buf::default());
    let streams = omni::runtime::output::Streams {
        out: Box::new(out.clone()),
        err: Box::new(err.clone()),
        out_tty: false,
        err_tty: false,
    };
    let executor = std::sync::Arc::new(omni::runtime::executor::Executor::new(1));
    let argv = argv.iter().map(std::ffi::OsString::from).collect();
    let exit = omni::cli::run(
        argv,
        env,
        systems,
        streams,
        std::sync::Arc::clone(&executor),
        false,
    );
    Run {
        exit,
        stdout: out.text(),
        stderr: err.text(),
        runtime_started: executor.started(),
    }
}

/// A command's stdout then stderr, for assertion messages and searches.
pub fn text(out: &std::process::Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// True while process `pid` exists and is not a zombie (a dead process
/// whose parent, maybe pid 1, has not reaped it yet runs nothing).
pub fn alive(pid: &str) -> bool {
    match std::fs::read_to_string(format!("/proc/{}/stat", pid.trim())) {
        Ok(stat) => stat
            .rfind(')')
            .is_some_and(|i| !stat[i + 2..].starts_with('Z')),
        Err(_) => false,
    }
}

/// Waits until `cond` holds, at most `secs` seconds, else fails naming `what`.
pub fn wait_for(what: &str, secs: u64, mut cond: impl FnMut() -> bool) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(secs);
    while !cond() {
        assert!(
            std::time::Instant::now() < deadline,
            "timed out waiting for {what}"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}
