//! argv[0] dispatch, `--list`, `--install`, help under the typed name, exit
//! codes, and the lazy runtime.
//!
//! The product registry has no systems until their issues land, so the
//! dispatch mechanism is exercised in-process with a registry defined here:
//! a real clap tree and run function named after the `chaos` system. Binary
//! tests cover what the shipped build does with every alias today.

use std::io::Write;
use std::os::unix::process::CommandExt;

use clap::{ArgMatches, Command};
use omni::commands::{Ctx, KNOWN, SystemEntry};
use omni::runtime::config::{Key, Kind, Section};
use omni::runtime::error::{Exit, Failure};
use omni::runtime::output::{Outcome, Render, Style};

use crate::util::{omni, omni_bin, run_in_process};

static SECTION: Section = Section {
    name: "chaos",
    doc: "test system",
    keys: &[Key {
        name: "level",
        kind: Kind::Int { min: 0, max: 9 },
        default: Some("1"),
        doc: "level",
    }],
};

fn command() -> Command {
    Command::new("chaos")
        .subcommand_required(true)
        .subcommand(Command::new("list").about("List things"))
        .subcommand(Command::new("deny").about("Answer no"))
        .subcommand(Command::new("broken").about("Fail with bad input"))
        .subcommand(Command::new("async").about("Use the runtime"))
        .subcommand(Command::new("serve").about("Work until the supervisor says stop"))
        .subcommand(Command::new("launch").about("Detach `serve` through Ctx::detach"))
}

#[derive(serde::Serialize)]
struct Items {
    items: Vec<String>,
    level: i64,
}

impl Render for Items {
    fn text(&self, w: &mut dyn Write, _: Style) -> std::io::Result<()> {
        for i in &self.items {
            writeln!(w, "{i}")?;
        }
        writeln!(w, "level {}", self.level)
    }
}

fn run(m: &ArgMatches, ctx: &Ctx) -> Outcome {
    match m.subcommand_name() {
        Some("list") => {
            let level = ctx.config.int("chaos", "level").unwrap_or(-1);
            ctx.output.emit(&Items {
                items: vec!["alpha".into(), "beta".into()],
                level,
            })?;
            Ok(Exit::Success)
        }
        Some("deny") => Ok(Exit::Negative),
        Some("broken") => {
            Err(Failure::new(Exit::DataErr, "line 3: unexpected token")
                .context("reading plan.yaml"))
        }
        Some("async") => {
            let v = ctx.executor.block_on(async { 6 * 7 })?;
            ctx.output.emit(&Items {
                items: vec![v.to_string()],
                level: 0,
            })?;
            Ok(Exit::Success)
        }
        Some("serve") => {
            // Governed work, bounded: at most 30 s even if nobody stops it.
            let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
            while !ctx.stop_requested() && std::time::Instant::now() < deadline {
                ctx.governor.checkpoint_blocking();
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            Ok(if ctx.stop_requested() {
                Exit::Success
            } else {
                Exit::TempFail
            })
        }
        Some("launch") => {
            // The detached program is this test binary re-run as
            // `ps::detached_child`, which plays `chaos-cli serve`.
            let args = [
                "ps::detached_child",
                "--exact",
                "--nocapture",
                "--test-threads=1",
            ];
            let entry = ctx.detach(
                "chaos",
                "launched serve",
                args.iter().map(Into::into).collect(),
            )?;
            ctx.output.emit(&entry)?;
            Ok(Exit::Success)
        }
        _ => Err(Failure::new(Exit::Usage, "no subcommand")),
    }
}

pub(crate) static TEST_SYSTEMS: [SystemEntry; 1] = [SystemEntry {
    id: "chaos",
    alias: "chaos-cli",
    about: "test chaos",
    section: &SECTION,
    command,
    run,
    needs_runtime: true,
}];

fn home() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

#[test]
fn alias_and_subcommand_give_identical_output_and_exit() {
    let h = home();
    for args in [
        &["list"][..],
        &["deny"],
        &["broken"],
        &["list", "--format", "json"],
    ] {
        let mut via_omni = vec!["omni", "chaos"];
        via_omni.extend_from_slice(args);
        let a = run_in_process(&via_omni, h.path(), &[], &TEST_SYSTEMS);
        for alias in ["chaos-cli", "omni-chaos", "/usr/local/bin/chaos-cli"] {
            let mut via_alias = vec![alias];
            via_alias.extend_from_slice(args);
            let b = run_in_process(&via_alias, h.path(), &[], &TEST_SYSTEMS);
            assert_eq!(a.exit, b.exit, "{alias} {args:?}");
            assert_eq!(a.stdout, b.stdout, "{alias} {args:?}");
        }
    }
    let listed = run_in_process(&["chaos-cli", "list"], h.path(), &[], &TEST_SYSTEMS);
    assert_eq!(listed.stdout, "alpha\nbeta\nlevel 1\n");
    assert_eq!(
        run_in_process(&["chaos-cli", "deny"], h.path(), &[], &TEST_SYSTEMS).exit,
        Exit::Negative
    );
}

#[test]
fn omni_argv0_overrides_the_program_name() {
    let h = home();
    let r = run_in_process(
        &["/bin/whatever", "list"],
        h.path(),
        &[("OMNI_ARGV0", "chaos-cli")],
        &TEST_SYSTEMS,
    );
    assert_eq!(r.exit, Exit::Success);
    assert!(r.stdout.starts_with("alpha\n"));
}

#[test]
fn help_shows_the_name_typed() {
    let h = home();
    let alias = run_in_process(&["chaos-cli", "--help"], h.path(), &[], &TEST_SYSTEMS);
    assert_eq!(alias.exit, Exit::Success);
    assert!(
        alias
            .stdout
            .contains("Usage: chaos-cli [OPTIONS] <COMMAND>"),
        "{}",
        alias.stdout
    );
    let sub = run_in_process(&["omni", "chaos", "--help"], h.path(), &[], &TEST_SYSTEMS);
    assert!(
        sub.stdout.contains("Usage: omni chaos [OPTIONS] <COMMAND>"),
        "{}",
        sub.stdout
    );
    let prefixed = run_in_process(&["omni-chaos", "lst"], h.path(), &[], &TEST_SYSTEMS);
    assert_eq!(prefixed.exit, Exit::Usage);
    assert!(
        prefixed.stderr.contains("Usage: omni-chaos"),
        "{}",
        prefixed.stderr
    );
}

#[test]
fn errors_carry_the_typed_name_and_class() {
    let h = home();
    let r = run_in_process(&["chaos-cli", "broken"], h.path(), &[], &TEST_SYSTEMS);
    assert_eq!(r.exit, Exit::DataErr);
    assert_eq!(
        r.stderr,
        "chaos-cli: error: reading plan.yaml: line 3: unexpected token\n"
    );
    assert!(r.stdout.is_empty());
    let r = run_in_process(
        &["omni", "chaos", "broken", "--format", "json"],
        h.path(),
        &[],
        &TEST_SYSTEMS,
    );
    assert!(r.stdout.is_empty(), "json errors never touch stdout");
    let v: serde_json::Value = serde_json::from_str(&r.stderr).unwrap();
    assert_eq!(v["error"]["code"], 65);
    assert_eq!(v["error"]["system"], "chaos");
}

#[test]
fn global_flags_work_before_and_after_the_system_name() {
    let h = home();
    let before = run_in_process(
        &["omni", "--format", "json", "chaos", "list"],
        h.path(),
        &[],
        &TEST_SYSTEMS,
    );
    let after = run_in_process(
        &["omni", "chaos", "list", "--format", "json"],
        h.path(),
        &[],
        &TEST_SYSTEMS,
    );
    let alias = run_in_process(
        &["chaos-cli", "--format", "json", "list"],
        h.path(),
        &[],
        &TEST_SYSTEMS,
    );
    assert_eq!(before.stdout, after.stdout);
    assert_eq!(before.stdout, alias.stdout);
    let v: serde_json::Value = serde_json::from_str(&before.stdout).unwrap();
    assert_eq!(v["items"][1], "beta");
}

#[test]
fn system_config_section_is_layered_like_the_rest() {
    let h = home();
    let r = run_in_process(
        &["chaos-cli", "list"],
        h.path(),
        &[("OMNI_CHAOS_LEVEL", "7")],
        &TEST_SYSTEMS,
    );
    assert!(r.stdout.ends_with("level 7\n"), "{}", r.stdout);
    let r = run_in_process(
        &["chaos-cli", "list"],
        h.path(),
        &[("OMNI_CHAOS_LEVEL", "70")],
        &TEST_SYSTEMS,
    );
    assert_eq!(r.exit, Exit::Config);
    assert!(
        r.stderr
            .contains("OMNI_CHAOS_LEVEL: [chaos] level: 70 is out of range"),
        "{}",
        r.stderr
    );
}

#[test]
fn runtime_starts_only_for_commands_that_use_it() {
    let h = home();
    for argv in [
        &["omni", "--version"][..],
        &["omni", "--help"],
        &["omni", "--list"],
        &["chaos-cli", "--help"],
        &["omni", "completions", "bash"],
        &["omni", "man"],
        &["omni", "chaos", "list"],
    ] {
        let r = run_in_process(argv, h.path(), &[], &TEST_SYSTEMS);
        assert_eq!(r.exit, Exit::Success, "{argv:?}: {}", r.stderr);
        assert!(!r.runtime_started, "{argv:?} started the tokio runtime");
    }
    let r = run_in_process(&["chaos-cli", "async"], h.path(), &[], &TEST_SYSTEMS);
    assert_eq!(r.stdout, "42\nlevel 0\n");
    assert!(r.runtime_started);
}

#[test]
fn unknown_names_exit_127_pointing_at_list() {
    let h = home();
    for name in ["foo-cli", "chaos-cl", "omni-", "omni-foo", "xomni", "chaos"] {
        let r = run_in_process(&[name, "list"], h.path(), &[], &TEST_SYSTEMS);
        assert_eq!(r.exit, Exit::UnknownCommand, "{name}");
        assert_eq!(
            r.stderr,
            format!("omni: error: '{name}' is not an omni command (see omni --list)\n")
        );
    }
}

#[test]
fn list_shows_the_registry_as_text_and_json() {
    let h = home();
    let r = run_in_process(&["omni", "--list"], h.path(), &[], &TEST_SYSTEMS);
    assert!(
        r.stdout
            .starts_with("chaos      chaos-cli        omni-chaos"),
        "{}",
        r.stdout
    );
    let r = run_in_process(
        &["omni", "--list", "--format", "json"],
        h.path(),
        &[],
        &TEST_SYSTEMS,
    );
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["systems"][0]["system"], "chaos");
    assert_eq!(
        v["systems"][0]["aliases"],
        serde_json::json!(["omni-chaos", "chaos-cli"])
    );
}

#[test]
fn install_creates_links_idempotently_and_refuses_foreign_files() {
    let h = home();
    let dir = h.path().join("bin");
    let dry = run_in_process(
        &["omni", "--install", dir.to_str().unwrap(), "--dry-run"],
        h.path(),
        &[],
        &TEST_SYSTEMS,
    );
    assert_eq!(dry.exit, Exit::Success);
    assert!(dry.stdout.contains("would create"));
    assert!(!dir.exists(), "--dry-run changed nothing");

    let first = run_in_process(
        &["omni", "--install", dir.to_str().unwrap()],
        h.path(),
        &[],
        &TEST_SYSTEMS,
    );
    assert_eq!(first.exit, Exit::Success, "{}", first.stderr);
    let exe = std::fs::canonicalize(std::env::current_exe().unwrap()).unwrap();
    for name in ["chaos-cli", "omni-chaos"] {
        let link = dir.join(name);
        assert!(
            std::fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(std::fs::canonicalize(&link).unwrap(), exe);
    }
    let again = run_in_process(
        &["omni", "--install", dir.to_str().unwrap()],
        h.path(),
        &[],
        &TEST_SYSTEMS,
    );
    assert_eq!(again.exit, Exit::Success);
    assert_eq!(
        again.stdout.matches("unchanged").count(),
        2,
        "{}",
        again.stdout
    );

    // A foreign file blocks the install before anything changes.
    let other = h.path().join("bin2");
    std::fs::create_dir(&other).unwrap();
    std::fs::write(other.join("omni-chaos"), "#!/bin/sh\n").unwrap();
    let r = run_in_process(
        &["omni", "--install", other.to_str().unwrap()],
        h.path(),
        &[],
        &TEST_SYSTEMS,
    );
    assert_eq!(r.exit, Exit::IoErr);
    assert!(
        r.stderr.contains("refusing to replace") && r.stderr.contains("omni-chaos"),
        "{}",
        r.stderr
    );
    assert!(!other.join("chaos-cli").exists(), "nothing was created");
    assert_eq!(
        std::fs::read_to_string(other.join("omni-chaos")).unwrap(),
        "#!/bin/sh\n"
    );
}

#[test]
fn broken_pipe_exits_quietly() {
    struct Closed;
    impl Write for Closed {
        fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
            Err(std::io::Error::new(
                std::io::ErrorKind::BrokenPipe,
                "closed",
            ))
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let err = crate::util::Buf::default();
    let streams = omni::runtime::output::Streams {
        out: Box::new(Closed),
        err: Box::new(err.clone()),
        out_tty: false,
        err_tty: false,
    };
    let h = home();
    let env = omni::runtime::config::Env::from_pairs([("HOME", h.path())]);
    let argv = ["chaos-cli", "list"]
        .iter()
        .map(std::ffi::OsString::from)
        .collect();
    let exit = omni::cli::run(
        argv,
        env,
        &TEST_SYSTEMS,
        streams,
        std::sync::Arc::new(omni::runtime::executor::Executor::new(1)),
        false,
    );
    assert_eq!(exit, Exit::Success);
    assert_eq!(err.text(), "");
}

// ---- the shipped binary ----

#[test]
fn shipped_binary_answers_every_known_alias() {
    let h = home();
    let listed = omni(h.path())
        .args(["--list", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
    let built: Vec<String> = v["systems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["system"].as_str().unwrap().to_string())
        .collect();
    for (id, alias, _) in KNOWN {
        for name in [alias.to_string(), format!("omni-{id}")] {
            // Through arg0, as the kernel passes it for a symlink.
            let mut cmd = omni(h.path());
            cmd.arg0(&name).arg("--help");
            let out = cmd.output().unwrap();
            if built.iter().any(|b| b == id) {
                assert_eq!(out.status.code(), Some(0), "{name}");
                assert!(String::from_utf8_lossy(&out.stdout).contains(&format!("Usage: {name}")));
            } else {
                assert_eq!(out.status.code(), Some(127), "{name}");
                let err = String::from_utf8_lossy(&out.stderr);
                assert!(
                    err.contains(&format!("the {id} system was compiled out of this build")),
                    "{err}"
                );
            }
        }
    }
}

#[test]
fn real_symlinks_dispatch_on_their_own_name() {
    let h = home();
    let dir = h.path().join("bin");
    std::fs::create_dir(&dir).unwrap();
    let unknown = dir.join("foo-cli");
    std::os::unix::fs::symlink(omni_bin(), &unknown).unwrap();
    let out = std::process::Command::new(&unknown).output().unwrap();
    assert_eq!(out.status.code(), Some(127));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr),
        "omni: error: 'foo-cli' is not an omni command (see omni --list)\n"
    );
    // Dispatch must not resolve the link: a link named omni is omni.
    let named_omni = dir.join("omni");
    std::os::unix::fs::symlink(&unknown, &named_omni).unwrap();
    let out = std::process::Command::new(&named_omni)
        .arg("--version")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("omni "));
    // OMNI_ARGV0 wins over the link name.
    let out = std::process::Command::new(&unknown)
        .env("OMNI_ARGV0", "omni")
        .arg("--version")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn usage_errors_exit_2_and_help_exits_0() {
    let h = home();
    let out = omni(h.path()).arg("--no-such-flag").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unexpected argument '--no-such-flag'"));
    let out = omni(h.path()).arg("--help").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty());
    assert!(String::from_utf8_lossy(&out.stdout).contains("Global options:"));
    let out = omni(h.path()).arg("--version").output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("omni {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn clap_tree_is_consistent() {
    omni::cli::root_command(&TEST_SYSTEMS).debug_assert();
    omni::cli::alias_command(&TEST_SYSTEMS[0], "chaos-cli").debug_assert();
    omni::cli::root_command(omni::commands::SYSTEMS).debug_assert();
}

#[test]
fn completions_and_man_pages_cover_every_alias() {
    let h = home();
    let r = run_in_process(
        &["omni", "completions", "bash", "--alias", "chaos-cli"],
        h.path(),
        &[],
        &TEST_SYSTEMS,
    );
    assert_eq!(r.exit, Exit::Success, "{}", r.stderr);
    assert!(
        r.stdout
            .lines()
            .any(|l| l.trim_start().starts_with("complete -F") && l.ends_with(" chaos-cli")),
        "completes under the alias name"
    );
    assert!(r.stdout.contains("list") && r.stdout.contains("deny"));
    let dir = h.path().join("out");
    let c = run_in_process(
        &[
            "omni",
            "completions",
            "--out-dir",
            dir.join("c").to_str().unwrap(),
        ],
        h.path(),
        &[],
        &TEST_SYSTEMS,
    );
    assert_eq!(c.exit, Exit::Success);
    for file in [
        "omni.bash",
        "chaos-cli.bash",
        "omni-chaos.bash",
        "_chaos-cli",
        "chaos-cli.fish",
        "chaos-cli.elv",
        "_chaos-cli.ps1",
    ] {
        assert!(dir.join("c").join(file).exists(), "{file}");
    }
    let m = run_in_process(
        &["omni", "man", "--out-dir", dir.join("m").to_str().unwrap()],
        h.path(),
        &[],
        &TEST_SYSTEMS,
    );
    assert_eq!(m.exit, Exit::Success);
    assert_eq!(
        std::fs::read_to_string(dir.join("m/chaos-cli.1")).unwrap(),
        ".so man1/omni-chaos.1\n"
    );
    let page = std::fs::read_to_string(dir.join("m/omni-chaos.1")).unwrap();
    assert!(
        page.contains(".TH omni-chaos 1") && page.contains("EXIT STATUS"),
        "{page}"
    );
}

#[test]
fn colour_follows_flag_and_environment() {
    let h = home();
    let plain = omni(h.path()).args(["config", "show"]).output().unwrap();
    assert!(
        !plain.stdout.contains(&0x1b),
        "no colour when stdout is not a terminal"
    );
    let forced = omni(h.path())
        .args(["config", "show", "--color", "always"])
        .output()
        .unwrap();
    assert!(forced.stdout.contains(&0x1b), "--color always colours");
    let env_forced = omni(h.path())
        .env("CLICOLOR_FORCE", "1")
        .args(["config", "show"])
        .output()
        .unwrap();
    assert!(env_forced.stdout.contains(&0x1b), "CLICOLOR_FORCE colours");
    let never = omni(h.path())
        .env("CLICOLOR_FORCE", "1")
        .args(["config", "show", "--color", "never"])
        .output()
        .unwrap();
    assert!(
        !never.stdout.contains(&0x1b),
        "--color never wins over the environment"
    );
    // Errors found while parsing already honour --color.
    let err = omni(h.path())
        .args(["--color", "always", "--bogus"])
        .output()
        .unwrap();
    assert!(err.stderr.contains(&0x1b));
}

#[test]
fn verbose_logs_go_to_stderr_and_quiet_silences_notes() {
    let h = home();
    let out = omni(h.path())
        .args(["-vv", "config", "show", "--format", "json"])
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("DEBUG") && err.contains("governor installed"),
        "{err}"
    );
    serde_json::from_slice::<serde_json::Value>(&out.stdout).expect("logs never reach stdout");
    let out = omni(h.path()).args(["config", "show"]).output().unwrap();
    assert!(out.stderr.is_empty(), "no logs by default");
    let out = omni(h.path()).args(["--list"]).output().unwrap();
    if out.stdout.is_empty() {
        // An empty build says so on stderr, as a note.
        assert_eq!(
            String::from_utf8_lossy(&out.stderr),
            "omni: no systems are compiled into this build\n"
        );
    }
    let out = omni(h.path()).args(["-q", "--list"]).output().unwrap();
    assert!(out.stderr.is_empty(), "-q silences notes");
}

#[test]
fn a_closed_stdout_pipe_ends_the_binary_quietly() {
    use std::os::fd::{FromRawFd, OwnedFd};
    let h = home();
    let mut fds = [0; 2];
    // SAFETY: pipe(2) fills two valid descriptors on success, checked below.
    assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
    // SAFETY: both descriptors are fresh from pipe(2) and owned only here.
    let (read_end, write_end) =
        unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) };
    drop(read_end); // The reader is gone before omni writes a byte.
    let out = omni(h.path())
        .args(["man"])
        .stdout(std::process::Stdio::from(write_end))
        .stderr(std::process::Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "a closed pipe is not an error");
    assert!(
        out.stderr.is_empty(),
        "and says nothing: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}
