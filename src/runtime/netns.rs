//! Running network tools (iptables, nft, ipset) in the current network
//! namespace or a named one (`ip netns exec`), and reading their answers.
//! Shared by chaos (fault rules) and ledger (enforcement).

use std::io::Write;
use std::process::{Command, Stdio};

/// `program`, run inside network namespace `netns` when given.
pub fn command(netns: Option<&str>, program: &str) -> Command {
    match netns {
        Some(ns) => {
            let mut c = Command::new("ip");
            c.args(["netns", "exec", ns, program]);
            c
        }
        None => Command::new(program),
    }
}

/// The named network namespaces (`ip netns list`).
pub fn names() -> Vec<String> {
    let mut c = Command::new("ip");
    c.args(["netns", "list"]);
    stdout(c)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .map(String::from)
        .collect()
}

/// Runs `c`; `Err` is its stderr (or why it could not start).
pub fn run(mut c: Command) -> Result<(), String> {
    match c.output() {
        Ok(out) if out.status.success() => Ok(()),
        Ok(out) => Err(String::from_utf8_lossy(&out.stderr).trim().to_string()),
        Err(e) => Err(format!("{}: {e}", c.get_program().to_string_lossy())),
    }
}

/// Runs `c` with `input` on its stdin (`nft -f -`, `ipset restore`).
pub fn run_with_input(mut c: Command, input: &[u8]) -> Result<(), String> {
    let name = c.get_program().to_string_lossy().into_owned();
    let mut child = c
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("{name}: {e}"))?;
    let written = child
        .stdin
        .take()
        .map(|mut s| s.write_all(input))
        .unwrap_or(Ok(()));
    let out = child
        .wait_with_output()
        .map_err(|e| format!("{name}: {e}"))?;
    if out.status.success() {
        written.map_err(|e| format!("{name}: {e}"))
    } else {
        Err(String::from_utf8_lossy(&out.stderr).trim().to_string())
    }
}

/// `c`'s stdout when it succeeds.
pub fn stdout(mut c: Command) -> Option<String> {
    let out = c.output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}
