//! What the supervisor asks the kernel: whether a recorded process is still
//! the one we started, which processes remain in its group, and signals.
//!
//! Liveness is "the pid exists, is not a zombie, and its `/proc` start time
//! equals the recorded one". A pid alone is not an identity: pids are reused,
//! and signalling a reused pid would hit an unrelated process. Zombies count
//! as gone because they run no code and may never be reaped (a container's
//! pid 1 does not always reap orphans).
//!
//! Signals are never sent to pid 0, 1, or to our own process group: a forged
//! or corrupt record must not be able to turn `omni stop` into "kill
//! everything".

use std::fs;
use std::io;

/// The fields of `/proc/<pid>/stat` the supervisor uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Stat {
    /// Field 3: R, S, D, Z, T, X...
    pub state: u8,
    /// Field 5: process group id.
    pub pgrp: i32,
    /// Field 6: session id.
    pub session: i32,
    /// Field 22: start time in clock ticks since boot.
    pub start_ticks: u64,
}

impl Stat {
    fn is_zombie(&self) -> bool {
        matches!(self.state, b'Z' | b'X' | b'x')
    }
}

/// Parses the text of `/proc/<pid>/stat`. The command name (field 2) is in
/// parentheses and may itself contain spaces and parentheses, so fields are
/// counted from the last `)`.
pub(crate) fn parse_stat(text: &str) -> Option<Stat> {
    let rest = &text[text.rfind(')')? + 1..];
    let fields: Vec<&str> = rest.split_ascii_whitespace().collect();
    // fields[0] is field 3 of the man page, so field N is fields[N - 3].
    Some(Stat {
        state: *fields.first()?.as_bytes().first()?,
        pgrp: fields.get(2)?.parse().ok()?,
        session: fields.get(3)?.parse().ok()?,
        start_ticks: fields.get(19)?.parse().ok()?,
    })
}

/// Reads `/proc/<pid>/stat`; `Ok(None)` when there is no such process.
pub(crate) fn read_stat(pid: u32) -> io::Result<Option<Stat>> {
    match read_small(&format!("/proc/{pid}/stat")) {
        Ok(text) => parse_stat(&text).map(Some).ok_or_else(|| {
            io::Error::new(
                io::ErrorKind::InvalidData,
                format!("unparsable /proc/{pid}/stat"),
            )
        }),
        // ESRCH can surface when the process exits between open and read.
        Err(err)
            if err.kind() == io::ErrorKind::NotFound || err.raw_os_error() == Some(libc::ESRCH) =>
        {
            Ok(None)
        }
        Err(err) => Err(err),
    }
}

/// Reads a small `/proc` file in one `read` (a task runner calls this once
/// per task: `read_to_string` costs a `fstat` and half a dozen growing
/// reads), falling back to reading on when it is longer than expected.
fn read_small(path: &str) -> io::Result<String> {
    use std::io::Read as _;
    let mut file = fs::File::open(path)?;
    let mut buf = [0_u8; 1024];
    let n = file.read(&mut buf)?;
    let mut bytes = buf[..n].to_vec();
    if n == buf.len() {
        file.read_to_end(&mut bytes)?;
    }
    String::from_utf8(bytes).map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))
}

/// See [`super::boot_ticks_now`].
pub(crate) fn boot_ticks_now() -> u64 {
    static NS_PER_TICK: std::sync::OnceLock<u64> = std::sync::OnceLock::new();
    let per_tick = *NS_PER_TICK.get_or_init(|| {
        // SAFETY: sysconf has no memory preconditions.
        let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) };
        1_000_000_000 / u64::try_from(hz).ok().filter(|&h| h > 0).unwrap_or(100)
    });
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid timespec to write to; CLOCK_BOOTTIME exists on
    // every kernel omni supports.
    unsafe { libc::clock_gettime(libc::CLOCK_BOOTTIME, &mut ts) };
    let ns = u64::try_from(ts.tv_sec).unwrap_or(0) * 1_000_000_000
        + u64::try_from(ts.tv_nsec).unwrap_or(0);
    ns / per_tick
}

/// True while `pid` runs and is the process that started at `start_ticks`.
///
/// NB: when `/proc` cannot be read for another reason (EACCES under an
/// unusual mount), the answer is "alive": wrongly reaping a live entry loses
/// track of it, wrongly keeping a dead one only shows it as unresponsive.
pub(crate) fn is_alive(pid: u32, start_ticks: u64) -> bool {
    match read_stat(pid) {
        Ok(Some(stat)) => stat.start_ticks == start_ticks && !stat.is_zombie(),
        Ok(None) => false,
        Err(_) => true,
    }
}

/// Live (non-zombie) processes whose process group is `pgid`.
pub(crate) fn group_members(pgid: u32) -> Vec<u32> {
    let Ok(dir) = fs::read_dir("/proc") else {
        return Vec::new();
    };
    dir.filter_map(|entry| entry.ok()?.file_name().to_str()?.parse::<u32>().ok())
        .filter(|&pid| {
            matches!(read_stat(pid), Ok(Some(stat)) if i64::from(stat.pgrp) == i64::from(pgid) && !stat.is_zombie())
        })
        .collect()
}

/// Which signal to send.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Signal {
    Term,
    Kill,
}

impl Signal {
    fn number(self) -> libc::c_int {
        match self {
            Signal::Term => libc::SIGTERM,
            Signal::Kill => libc::SIGKILL,
        }
    }

    pub(crate) fn name(self) -> &'static str {
        match self {
            Signal::Term => "SIGTERM",
            Signal::Kill => "SIGKILL",
        }
    }
}

/// A pid we may signal: positive, not init, not ourselves, not our group.
fn signallable(pid: u32) -> Option<libc::pid_t> {
    let pid = libc::pid_t::try_from(pid).ok()?;
    // SAFETY: getpid and getpgrp have no preconditions and cannot fail.
    let (own_pid, own_pgrp) = unsafe { (libc::getpid(), libc::getpgrp()) };
    (pid > 1 && pid != own_pid && pid != own_pgrp).then_some(pid)
}

/// Sends `signal` to the process group `pid` leads and, with `leader`, to
/// the process `pid` itself (in case it moved to another group). The caller
/// has just checked that `pid` is still the recorded process (or, without
/// `leader`, that the group still has members, which keeps the number from
/// being reused). "No such process" is success: it is already gone. A pid
/// that must never be signalled is silently skipped.
pub(crate) fn signal_group(pid: u32, signal: Signal, leader: bool) -> io::Result<()> {
    let Some(pid) = signallable(pid) else {
        return Ok(());
    };
    let leader_err = if leader {
        // SAFETY: kill has no memory-safety preconditions; `pid > 1` so this
        // never addresses our own group (0) or every process (-1).
        let rc = unsafe { libc::kill(pid, signal.number()) };
        (rc == -1).then(io::Error::last_os_error)
    } else {
        None
    };
    // SAFETY: as above; killpg(pid) is kill(-pid) with pid > 1.
    let group = unsafe { libc::killpg(pid, signal.number()) };
    let group_err = (group == -1).then(io::Error::last_os_error);
    for err in [leader_err, group_err].into_iter().flatten() {
        if err.raw_os_error() != Some(libc::ESRCH) {
            return Err(err);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_names_with_spaces_and_parens() {
        let line = "4242 (a) b (c)) S 1 4242 4243 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 987654 0 0";
        let stat = parse_stat(line).unwrap();
        assert_eq!(stat.state, b'S');
        assert_eq!(stat.pgrp, 4242);
        assert_eq!(stat.session, 4243);
        assert_eq!(stat.start_ticks, 987_654);
    }

    #[test]
    fn own_process_is_alive_only_with_its_start_time() {
        let pid = std::process::id();
        let stat = read_stat(pid).unwrap().unwrap();
        assert!(is_alive(pid, stat.start_ticks));
        assert!(!is_alive(pid, stat.start_ticks + 1));
        assert!(read_stat(u32::MAX).unwrap().is_none());
    }

    #[test]
    fn never_signals_init_or_ourselves() {
        assert_eq!(signallable(0), None);
        assert_eq!(signallable(1), None);
        assert_eq!(signallable(std::process::id()), None);
        assert_eq!(signallable(u32::MAX), None);
    }
}
