//! The configuration loader through the real binary: one test per layer,
//! one per validation error, and the three `config` subcommands.

use std::path::Path;
use std::process::Output;

use crate::util::omni;

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

/// `(value, origin, source)` of `[section] key` from `config show --format json`.
fn shown(out: &Output, section: &str, key: &str) -> (serde_json::Value, String, serde_json::Value) {
    let doc = json(out);
    let sec = doc["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == section)
        .unwrap();
    let k = sec["keys"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["key"] == key)
        .unwrap();
    (
        k["value"].clone(),
        k["origin"].as_str().unwrap().to_string(),
        k["source"].clone(),
    )
}

fn write_default_config(home: &Path, text: &str) -> std::path::PathBuf {
    let path = home.join("config/omni/config.toml");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    path
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn layer_default() {
    let h = tempfile::tempdir().unwrap();
    let out = omni(h.path())
        .args(["config", "show", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        shown(&out, "governor", "stop_grace"),
        ("5s".into(), "default".into(), serde_json::Value::Null)
    );
    assert_eq!(
        json(&out)["file"],
        serde_json::Value::Null,
        "a missing default file is fine"
    );
}

#[test]
fn layer_default_file() {
    let h = tempfile::tempdir().unwrap();
    let path = write_default_config(h.path(), "[governor]\nstop_grace = \"9s\"\nio_ops = 50\n");
    let out = omni(h.path())
        .args(["config", "show", "--format", "json"])
        .output()
        .unwrap();
    let (v, origin, src) = shown(&out, "governor", "stop_grace");
    assert_eq!((v, origin.as_str()), ("9s".into(), "file"));
    assert_eq!(src, path.display().to_string());
    assert_eq!(shown(&out, "governor", "io_ops").0, 50);
}

#[test]
fn layer_omni_config_env_and_config_flag() {
    let h = tempfile::tempdir().unwrap();
    write_default_config(h.path(), "[governor]\nio_ops = 1\n");
    let env_file = h.path().join("env.toml");
    std::fs::write(&env_file, "[governor]\nio_ops = 2\n").unwrap();
    let flag_file = h.path().join("flag.toml");
    std::fs::write(&flag_file, "[governor]\nio_ops = 3\n").unwrap();
    let out = omni(h.path())
        .env("OMNI_CONFIG", &env_file)
        .args(["config", "show", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(
        shown(&out, "governor", "io_ops").0,
        2,
        "$OMNI_CONFIG beats the default path"
    );
    let out = omni(h.path())
        .env("OMNI_CONFIG", &env_file)
        .args([
            "--config",
            flag_file.to_str().unwrap(),
            "config",
            "show",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert_eq!(
        shown(&out, "governor", "io_ops").0,
        3,
        "--config beats $OMNI_CONFIG"
    );
}

#[test]
fn layer_environment_beats_file() {
    let h = tempfile::tempdir().unwrap();
    write_default_config(
        h.path(),
        "[governor]\nio_ops = 1\n[output]\nformat = \"text\"\n",
    );
    let out = omni(h.path())
        .env("OMNI_GOVERNOR_IO_OPS", "20")
        .env("OMNI_OUTPUT_FORMAT", "json")
        .args(["config", "show"])
        .output()
        .unwrap();
    // The environment chose JSON output: the document parses.
    assert_eq!(
        shown(&out, "governor", "io_ops"),
        (20.into(), "env".into(), "OMNI_GOVERNOR_IO_OPS".into())
    );
}

#[test]
fn layer_flag_beats_environment() {
    let h = tempfile::tempdir().unwrap();
    // Sandbox directories are applied for real, so they must exist.
    let (odd, plain) = (h.path().join("a:b"), h.path().join("c"));
    std::fs::create_dir(&odd).unwrap();
    std::fs::create_dir(&plain).unwrap();
    let out = omni(h.path())
        .env("OMNI_GOVERNOR_IO_OPS", "20")
        .args([
            "config",
            "show",
            "--format",
            "json",
            "--io-ops",
            "30",
            "--memory-limit",
            "1.5GiB",
        ])
        .arg("--sandbox")
        .arg(&odd)
        .arg("--sandbox")
        .arg(&plain)
        .output()
        .unwrap();
    assert_eq!(
        shown(&out, "governor", "io_ops"),
        (30.into(), "flag".into(), "--io-ops".into())
    );
    assert_eq!(shown(&out, "governor", "memory_limit").0, "1536MiB");
    // Repeated path flags keep each path whole, even with a ':' inside.
    assert_eq!(
        shown(&out, "governor", "sandbox").0,
        serde_json::json!([odd, plain])
    );
}

#[test]
fn show_text_is_a_loadable_file() {
    let h = tempfile::tempdir().unwrap();
    let out = omni(h.path())
        .args(["config", "show", "--io-ops", "7"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("io_ops = 7") && text.contains("# flag --io-ops"),
        "{text}"
    );
    let file = h.path().join("shown.toml");
    std::fs::write(&file, &text).unwrap();
    let out = omni(h.path())
        .args(["config", "check", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
}

/// Runs `config show` with `file_text` as the config file and returns (code, stderr).
fn bad_file(file_text: &str) -> (Option<i32>, String) {
    let h = tempfile::tempdir().unwrap();
    let path = h.path().join("c.toml");
    std::fs::write(&path, file_text).unwrap();
    let out = omni(h.path())
        .args(["--config", path.to_str().unwrap(), "config", "show"])
        .output()
        .unwrap();
    if !out.status.success() {
        assert!(out.stdout.is_empty(), "nothing printed on failure");
    }
    (
        out.status.code(),
        stderr(&out).replace(path.to_str().unwrap(), "FILE"),
    )
}

#[test]
fn validation_unknown_section() {
    let (code, err) = bad_file("[govenor]\nworkers = 2\n");
    assert_eq!(code, Some(78));
    // The known sections are the shared ones, then each compiled-in system's.
    let mut known = vec!["governor", "output"];
    known.extend(omni::commands::SYSTEMS.iter().map(|s| s.section.name));
    let expected = format!(
        "omni config: error: config file FILE: unknown section [govenor] (known: {})",
        known.join(", ")
    );
    assert!(err.starts_with(&expected), "{err}");
}

#[test]
fn validation_unknown_key() {
    let (code, err) = bad_file("[governor]\nworker = 2\n");
    assert_eq!(code, Some(78));
    assert!(
        err.contains("config file FILE: [governor] unknown key 'worker' (did you mean 'workers'?)"),
        "{err}"
    );
}

#[test]
fn validation_wrong_type() {
    let (code, err) = bad_file("[governor]\nworkers = \"two\"\n");
    assert_eq!(code, Some(78));
    assert!(
        err.contains("[governor] workers: expected an integer, found a string"),
        "{err}"
    );
    let (code, err) = bad_file("[governor]\nstop_grace = 5\n");
    assert_eq!(code, Some(78));
    assert!(
        err.contains(
            "stop_grace: expected a duration such as \"250ms\" or \"5s\", found an integer"
        ),
        "{err}"
    );
}

#[test]
fn validation_out_of_range() {
    let (code, err) = bad_file("[governor]\ncpu_percent = 150\n");
    assert_eq!(code, Some(78));
    assert!(
        err.contains("[governor] cpu_percent: 150 is out of range: must be between 1 and 100"),
        "{err}"
    );
    let (code, err) = bad_file("[governor]\nstop_grace = \"2h\"\n");
    assert_eq!(code, Some(78));
    assert!(
        err.contains("stop_grace: 2h is out of range: must be between 0s and 1h"),
        "{err}"
    );
}

#[test]
fn validation_bad_units_and_enums() {
    let (code, err) = bad_file("[governor]\nmemory_limit = \"2G\"\n");
    assert_eq!(code, Some(78));
    assert!(err.contains("memory_limit: invalid size \"2G\""), "{err}");
    let (code, err) = bad_file("[output]\nformat = \"yaml\"\n");
    assert_eq!(code, Some(78));
    assert!(
        err.contains(
            "format: expected one of text, table, json, jsonl, junit, markdown, plain, nftables, ipset, iptables, found \"yaml\""
        ),
        "{err}"
    );
}

#[test]
fn validation_syntax_error_names_line() {
    let (code, err) = bad_file("[governor]\nworkers = = 2\n");
    assert_eq!(code, Some(78));
    assert!(err.contains("config file FILE: line 2, column"), "{err}");
}

#[test]
fn validation_binary_file_is_a_config_error() {
    let h = tempfile::tempdir().unwrap();
    let path = h.path().join("c.toml");
    std::fs::write(&path, b"\xff\xfe[governor]\n").unwrap();
    let out = omni(h.path())
        .args(["--config", path.to_str().unwrap(), "config", "show"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(78));
    assert!(
        stderr(&out).contains("not valid UTF-8 text"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn validation_bad_environment_value() {
    let h = tempfile::tempdir().unwrap();
    let out = omni(h.path())
        .env("OMNI_GOVERNOR_WORKERS", "lots")
        .args(["config", "show"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(78));
    assert!(stderr(&out).contains(
        "environment variable OMNI_GOVERNOR_WORKERS: [governor] workers: expected an integer"
    ));
    let out = omni(h.path())
        .env("OMNI_GOVERNOR_WROKERS", "2")
        .args(["config", "show"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(78));
    assert!(stderr(&out).contains("OMNI_GOVERNOR_WROKERS: [governor] unknown key 'wrokers'"));
}

#[test]
fn validation_bad_flag_is_a_usage_error() {
    let h = tempfile::tempdir().unwrap();
    let out = omni(h.path())
        .args(["config", "show", "--workers", "0"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("flag --workers: [governor] workers: 0 is out of range"));
}

#[test]
fn missing_explicit_file_is_66_and_json_errors_stay_on_stderr() {
    let h = tempfile::tempdir().unwrap();
    let out = omni(h.path())
        .args(["--config", "/nonexistent/omni.toml", "config", "show"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(66));
    assert_eq!(
        stderr(&out),
        "omni config: error: config file /nonexistent/omni.toml: No such file or directory (os error 2)\n"
    );
    let out = omni(h.path())
        .env("OMNI_CONFIG", "/nonexistent/omni.toml")
        .args(["config", "show", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(66));
    assert!(out.stdout.is_empty());
    let v: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(v["error"]["kind"], "no-input");
}

#[test]
fn compiled_out_system_sections_are_accepted() {
    let (code, err) = bad_file("[lattice]\nport = 9000\n[governor]\nworkers = 2\n");
    assert_eq!(code, Some(0), "{err}");
}

#[test]
fn init_writes_a_commented_file_that_checks_clean() {
    let h = tempfile::tempdir().unwrap();
    let out = omni(h.path()).args(["config", "init"]).output().unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let path = h.path().join("config/omni/config.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.contains("[governor]")
            && text.contains("# stop_grace = \"5s\"")
            && text.contains("[output]")
    );
    let out = omni(h.path()).args(["config", "check"]).output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("{}: ok\n", path.display())
    );
    // Never silently replaced.
    std::fs::write(&path, "[governor]\nworkers = 3\n").unwrap();
    let out = omni(h.path()).args(["config", "init"]).output().unwrap();
    assert_eq!(out.status.code(), Some(74));
    assert!(stderr(&out).contains("already exists; pass --force to replace it"));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "[governor]\nworkers = 3\n"
    );
    let out = omni(h.path())
        .args(["config", "init", "--force"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("# workers")
    );
    let out = omni(h.path())
        .args(["config", "init", "--path", "-"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("# omni configuration."));
}

#[test]
fn check_reports_the_first_error_with_exit_78() {
    let h = tempfile::tempdir().unwrap();
    let path = h.path().join("x.toml");
    std::fs::write(&path, "[output]\ncolor = \"sometimes\"\n").unwrap();
    let out = omni(h.path())
        .args(["config", "check", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(78));
    assert!(stderr(&out).contains("[output] color: expected one of auto, always, never"));
    let out = omni(h.path())
        .args(["config", "check", "/nonexistent.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(66));
}
