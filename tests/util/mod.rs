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
