//! The process faults: kill (any signal, once or every interval) and pause
//! (SIGSTOP, then SIGCONT when the fault ends).
//!
//! Every signal goes through [`Proc::signal`], which checks the pid's start
//! time first, so a target that exited and whose pid was reused is left
//! alone. A pause records its SIGCONT in the lease before the SIGSTOP.

use serde::Serialize;

use super::ChaosError;
use super::target::Target;

/// Signals by name, as `kill -l` spells them.
const SIGNALS: &[(&str, i32)] = &[
    ("HUP", libc::SIGHUP),
    ("INT", libc::SIGINT),
    ("QUIT", libc::SIGQUIT),
    ("ABRT", libc::SIGABRT),
    ("KILL", libc::SIGKILL),
    ("USR1", libc::SIGUSR1),
    ("SEGV", libc::SIGSEGV),
    ("USR2", libc::SIGUSR2),
    ("PIPE", libc::SIGPIPE),
    ("ALRM", libc::SIGALRM),
    ("TERM", libc::SIGTERM),
    ("STOP", libc::SIGSTOP),
    ("CONT", libc::SIGCONT),
];

/// Parses `KILL`, `SIGKILL`, `kill` or `9`.
pub fn parse_signal(text: &str) -> Result<i32, ChaosError> {
    if let Ok(n) = text.parse::<i32>()
        && (1..=64).contains(&n)
    {
        return Ok(n);
    }
    let upper = text.to_ascii_uppercase();
    let name = upper.strip_prefix("SIG").unwrap_or(&upper);
    SIGNALS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, s)| *s)
        .ok_or_else(|| {
            ChaosError::Invalid(format!(
                "--signal {text}: not a signal (a number, or a name such as KILL, TERM, INT)"
            ))
        })
}

/// The name of signal `n` (`KILL`), or its number.
pub fn signal_name(n: i32) -> String {
    SIGNALS
        .iter()
        .find(|(_, s)| *s == n)
        .map_or_else(|| n.to_string(), |(name, _)| format!("SIG{name}"))
}

/// What happened to one target.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    pub pid: u32,
    pub name: String,
    pub signal: String,
    /// False when the process was gone (or its pid reused) by then.
    pub delivered: bool,
}

/// Sends `signal` to each target that is still the process it was.
pub fn send(targets: &[Target], signal: i32) -> Vec<Hit> {
    targets
        .iter()
        .map(|t| Hit {
            pid: t.pid,
            name: t.name.clone(),
            signal: signal_name(signal),
            delivered: t.proc().signal(signal),
        })
        .collect()
}

/// The state letter of a process (`R`, `S`, `T` for stopped, …).
pub fn state_of(pid: u32) -> Option<char> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    stat[stat.rfind(')')? + 2..].chars().next()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signals_parse_by_name_and_number() {
        assert_eq!(parse_signal("KILL").unwrap(), libc::SIGKILL);
        assert_eq!(parse_signal("sigterm").unwrap(), libc::SIGTERM);
        assert_eq!(parse_signal("2").unwrap(), 2);
        assert!(parse_signal("NOPE").is_err());
        assert!(parse_signal("0").is_err());
        assert_eq!(signal_name(libc::SIGSTOP), "SIGSTOP");
    }

    #[test]
    fn a_stopped_child_is_seen_stopped_and_a_reused_pid_is_spared() {
        let mut child = std::process::Command::new("sleep")
            .arg("30")
            .spawn()
            .unwrap();
        let t = super::super::target::read(child.id()).unwrap();
        assert!(send(std::slice::from_ref(&t), libc::SIGSTOP)[0].delivered);
        let stopped = (0..100).any(|_| {
            std::thread::sleep(std::time::Duration::from_millis(10));
            state_of(t.pid) == Some('T')
        });
        assert!(stopped);
        send(std::slice::from_ref(&t), libc::SIGCONT);
        let mut stale = t.clone();
        stale.start_ticks += 1;
        assert!(!send(&[stale], libc::SIGKILL)[0].delivered);
        assert!(
            child.try_wait().unwrap().is_none(),
            "the stale identity was not signalled"
        );
        child.kill().unwrap();
        child.wait().unwrap();
    }
}
