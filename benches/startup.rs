//! Start-up cost of the multi-call binary against the cheapest programs there
//! are, measured in the same run: `/bin/true` and `busybox true`.
//!
//! Ids: `startup/omni--version`, `startup/omni--help`, `startup/alias--help`,
//! `startup/true`, `startup/busybox-true`. scripts/bench/startup.sh runs the
//! static build side by side with hyperfine and prints the ratios.

// A bench reports what it measures on stderr, like criterion itself.
#![allow(clippy::print_stderr)]

use std::path::Path;
use std::process::{Command, Stdio};

use criterion::{Criterion, criterion_group, criterion_main};

fn spawn(program: &Path, arg0: Option<&str>, args: &[&str]) {
    use std::os::unix::process::CommandExt;
    let mut cmd = Command::new(program);
    if let Some(name) = arg0 {
        cmd.arg0(name);
    }
    let status = cmd
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .expect("spawn");
    assert!(status.code().is_some());
}

fn startup(c: &mut Criterion) {
    let omni = Path::new(env!("CARGO_BIN_EXE_omni"));
    // The first system in this build, if any, stands in for "an alias".
    let listed = Command::new(omni)
        .args(["--list", "--format", "json"])
        .output()
        .expect("omni --list");
    let doc: serde_json::Value = serde_json::from_slice(&listed.stdout).expect("json");
    let alias = doc["systems"][0]["aliases"][1].as_str().map(str::to_string);

    let mut group = c.benchmark_group("startup");
    group.bench_function("omni--version", |b| {
        b.iter(|| spawn(omni, None, &["--version"]))
    });
    group.bench_function("omni--help", |b| b.iter(|| spawn(omni, None, &["--help"])));
    match &alias {
        Some(name) => {
            group.bench_function("alias--help", |b| {
                b.iter(|| spawn(omni, Some(name), &["--help"]))
            });
        }
        None => eprintln!(
            "startup/alias--help: no system in this build; measuring `omni config --help`"
        ),
    }
    if alias.is_none() {
        group.bench_function("subcommand--help", |b| {
            b.iter(|| spawn(omni, None, &["config", "--help"]))
        });
    }
    group.bench_function("true", |b| {
        b.iter(|| spawn(Path::new("/bin/true"), None, &[]))
    });
    if let Ok(busybox) = which("busybox") {
        group.bench_function("busybox-true", |b| {
            b.iter(|| spawn(&busybox, None, &["true"]))
        });
    }
    group.finish();
}

fn which(name: &str) -> Result<std::path::PathBuf, ()> {
    ["/usr/bin", "/bin", "/usr/local/bin"]
        .iter()
        .map(|d| Path::new(d).join(name))
        .find(|p| p.exists())
        .ok_or(())
}

criterion_group!(benches, startup);
criterion_main!(benches);
