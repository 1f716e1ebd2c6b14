//! Choosing the processes a fault hits: by pid, by a regular expression on
//! the name or command line, or by a TCP port they listen on; then one,
//! all, a fixed number or a percentage of them (Chaos Mesh's modes), never
//! a protected one.
//!
//! Protected, always: pid 1, kernel threads, omni itself and every
//! ancestor of it (the invoking shell, a CI runner), and `sshd`; plus the
//! names the caller adds. A protected process named by `--pid` is an error;
//! one matched by a name or port is left out and reported.

use std::collections::BTreeSet;
use std::fs;

use rand::seq::SliceRandom;
use serde::Serialize;

use super::ChaosError;
use super::lease::Proc;

/// How targets are found.
#[derive(Debug, Clone)]
pub enum Selector {
    Pid(u32),
    /// Matched against the name (`comm`) and the command line.
    Name(regex::Regex),
    /// Processes with a listening TCP socket (IPv4 or IPv6) on this port.
    Port(u16),
    /// The processes of a cgroup (v1 or v2): its directory.
    Cgroup(std::path::PathBuf),
}

/// A cgroup directory: an absolute path, or one relative to
/// `/sys/fs/cgroup` (`pids/batch`, `unified/app.slice`).
pub fn cgroup_dir(text: &str) -> std::path::PathBuf {
    let p = std::path::Path::new(text);
    if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::path::Path::new("/sys/fs/cgroup").join(p)
    }
}

/// How many of the matching processes are hit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Mode {
    One,
    All,
    Fixed(usize),
    FixedPercent(f64),
}

impl Mode {
    /// Parses `one`, `all`, `fixed` or `fixed-percent` with its value.
    pub fn parse(mode: &str, value: Option<f64>) -> Result<Mode, ChaosError> {
        let need = |what: &str| {
            value
                .ok_or_else(|| ChaosError::Invalid(format!("--mode {mode} needs --value ({what})")))
        };
        match mode {
            "one" => Ok(Mode::One),
            "all" => Ok(Mode::All),
            "fixed" => {
                let v = need("how many")?;
                if v < 1.0 || v.fract() != 0.0 {
                    return Err(ChaosError::Invalid(format!(
                        "--value {v}: a whole number of processes, at least 1"
                    )));
                }
                Ok(Mode::Fixed(v as usize))
            }
            "fixed-percent" => {
                let v = need("a percentage")?;
                if !(v > 0.0 && v <= 100.0) {
                    return Err(ChaosError::Invalid(format!(
                        "--value {v}: a percentage above 0 and at most 100"
                    )));
                }
                Ok(Mode::FixedPercent(v))
            }
            other => Err(ChaosError::Invalid(format!(
                "--mode {other}: one of one, all, fixed, fixed-percent"
            ))),
        }
    }
}

/// A process as found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Target {
    pub pid: u32,
    pub start_ticks: u64,
    pub name: String,
    pub cmdline: String,
}

impl Target {
    pub fn proc(&self) -> Proc {
        Proc {
            pid: self.pid,
            start_ticks: self.start_ticks,
        }
    }
}

/// A matching process left alone, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Spared {
    pub pid: u32,
    pub name: String,
    pub why: String,
}

/// The processes never touched.
#[derive(Debug, Clone)]
pub struct Protected {
    pids: BTreeSet<u32>,
    names: BTreeSet<String>,
}

impl Protected {
    /// pid 1, this process and its ancestors, sshd, and `extra` names.
    pub fn standard(extra: &[String]) -> Protected {
        let mut pids = BTreeSet::from([1]);
        let mut pid = std::process::id();
        // Walk up to pid 1 (bounded: a cycle cannot happen, but be sure).
        for _ in 0..4096 {
            pids.insert(pid);
            match parent_of(pid) {
                Some(p) if p > 1 && !pids.contains(&p) => pid = p,
                _ => break,
            }
        }
        let mut names: BTreeSet<String> = extra.iter().cloned().collect();
        names.insert("sshd".into());
        Protected { pids, names }
    }

    /// Why `t` is protected, if it is.
    pub fn why(&self, t: &Target) -> Option<String> {
        if t.pid == 1 {
            return Some("pid 1".into());
        }
        if t.pid == std::process::id() {
            return Some("omni itself".into());
        }
        if self.pids.contains(&t.pid) {
            return Some("an ancestor of omni (the invoking shell or its parents)".into());
        }
        if self.names.contains(&t.name) {
            return Some(format!("protected name '{}'", t.name));
        }
        if t.cmdline.is_empty() {
            return Some("a kernel thread".into());
        }
        None
    }
}

fn parent_of(pid: u32) -> Option<u32> {
    let stat = fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // After the name's closing parenthesis: state, then the parent pid.
    let rest = &stat[stat.rfind(')')? + 2..];
    rest.split_whitespace().nth(1)?.parse().ok()
}

/// Reads one process, if it exists and is not a zombie.
pub fn read(pid: u32) -> Option<Target> {
    let p = Proc::of(pid)?;
    let name = fs::read_to_string(format!("/proc/{pid}/comm"))
        .ok()?
        .trim_end()
        .to_string();
    let raw = fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
    let cmdline = raw
        .split(|&b| b == 0)
        .filter(|s| !s.is_empty())
        .map(|s| String::from_utf8_lossy(s).into_owned())
        .collect::<Vec<_>>()
        .join(" ");
    Some(Target {
        pid,
        start_ticks: p.start_ticks,
        name,
        cmdline,
    })
}

fn all_pids() -> Vec<u32> {
    let mut pids: Vec<u32> = fs::read_dir("/proc")
        .map(|d| {
            d.flatten()
                .filter_map(|e| e.file_name().to_str()?.parse().ok())
                .collect()
        })
        .unwrap_or_default();
    pids.sort_unstable();
    pids
}

/// Socket inodes listening on TCP `port` (IPv4 and IPv6).
fn listening_inodes(port: u16) -> BTreeSet<u64> {
    let mut inodes = BTreeSet::new();
    for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
        let Ok(text) = fs::read_to_string(table) else {
            continue;
        };
        for line in text.lines().skip(1) {
            let f: Vec<&str> = line.split_whitespace().collect();
            // local_address is ADDR:PORT in hex; st 0A is LISTEN.
            if f.len() < 10 || f[3] != "0A" {
                continue;
            }
            let local_port = f[1]
                .rsplit(':')
                .next()
                .and_then(|p| u16::from_str_radix(p, 16).ok());
            if local_port == Some(port)
                && let Ok(inode) = f[9].parse::<u64>()
                && inode != 0
            {
                inodes.insert(inode);
            }
        }
    }
    inodes
}

fn holds_socket(pid: u32, inodes: &BTreeSet<u64>) -> bool {
    let Ok(fds) = fs::read_dir(format!("/proc/{pid}/fd")) else {
        return false;
    };
    fds.flatten().any(|fd| {
        fs::read_link(fd.path()).ok().is_some_and(|l| {
            l.to_str()
                .and_then(|s| s.strip_prefix("socket:[")?.strip_suffix(']')?.parse().ok())
                .is_some_and(|i: u64| inodes.contains(&i))
        })
    })
}

/// Every process the selector matches, protected ones included.
pub fn matching(selector: &Selector) -> Vec<Target> {
    match selector {
        Selector::Pid(pid) => read(*pid).into_iter().collect(),
        Selector::Name(re) => all_pids()
            .into_iter()
            .filter_map(read)
            .filter(|t| re.is_match(&t.name) || (!t.cmdline.is_empty() && re.is_match(&t.cmdline)))
            .collect(),
        Selector::Cgroup(dir) => fs::read_to_string(dir.join("cgroup.procs"))
            .unwrap_or_default()
            .lines()
            .filter_map(|l| l.trim().parse().ok())
            .filter_map(read)
            .collect(),
        Selector::Port(port) => {
            let inodes = listening_inodes(*port);
            if inodes.is_empty() {
                return Vec::new();
            }
            all_pids()
                .into_iter()
                .filter(|&p| holds_socket(p, &inodes))
                .filter_map(read)
                .collect()
        }
    }
}

/// Chooses the targets: the matching processes minus the protected ones,
/// then as many as `mode` says, drawn with `rng`.
pub fn choose(
    selector: &Selector,
    mode: Mode,
    protected: &Protected,
    rng: &mut impl rand::Rng,
) -> Result<(Vec<Target>, Vec<Spared>), ChaosError> {
    let found = matching(selector);
    let mut spared = Vec::new();
    let mut eligible = Vec::new();
    for t in found {
        match protected.why(&t) {
            Some(why) => spared.push(Spared {
                pid: t.pid,
                name: t.name.clone(),
                why,
            }),
            None => eligible.push(t),
        }
    }
    if let Selector::Pid(pid) = selector {
        if let Some(s) = spared.first() {
            return Err(ChaosError::Protected(format!(
                "pid {pid} ({}) is protected: {}",
                s.name, s.why
            )));
        }
        if eligible.is_empty() {
            return Err(ChaosError::NoTarget(format!("no process with pid {pid}")));
        }
    }
    if eligible.is_empty() {
        let what = match selector {
            Selector::Name(re) => format!("no process matches --name '{re}'"),
            Selector::Port(p) => format!("no process listens on TCP port {p}"),
            Selector::Pid(p) => format!("no process with pid {p}"),
            Selector::Cgroup(dir) if !dir.join("cgroup.procs").exists() => {
                format!("{} is not a cgroup (no cgroup.procs)", dir.display())
            }
            Selector::Cgroup(dir) => format!("no process in cgroup {}", dir.display()),
        };
        let note = if spared.is_empty() {
            String::new()
        } else {
            format!(" (besides {} protected)", spared.len())
        };
        return Err(ChaosError::NoTarget(format!("{what}{note}")));
    }
    let n = eligible.len();
    let take = match mode {
        Mode::One => 1,
        Mode::All => n,
        Mode::Fixed(k) => k.min(n),
        Mode::FixedPercent(p) => ((n as f64 * p / 100.0).floor() as usize).max(1),
    };
    if take < n {
        eligible.shuffle(rng);
        eligible.truncate(take);
        eligible.sort_by_key(|t| t.pid);
    }
    Ok((eligible, spared))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    fn rng() -> rand_chacha::ChaCha20Rng {
        rand_chacha::ChaCha20Rng::seed_from_u64(7)
    }

    #[test]
    fn omni_its_ancestors_and_pid_1_are_protected() {
        let p = Protected::standard(&[]);
        let me = read(std::process::id()).unwrap();
        assert!(p.why(&me).is_some());
        let init = Target {
            pid: 1,
            start_ticks: 0,
            name: "init".into(),
            cmdline: "/sbin/init".into(),
        };
        assert_eq!(p.why(&init).as_deref(), Some("pid 1"));
        let err = choose(
            &Selector::Pid(std::process::id()),
            Mode::All,
            &p,
            &mut rng(),
        )
        .unwrap_err();
        assert!(matches!(err, ChaosError::Protected(_)), "{err}");
        let parent = parent_of(std::process::id()).unwrap();
        if parent > 1 {
            let err = choose(&Selector::Pid(parent), Mode::All, &p, &mut rng()).unwrap_err();
            assert!(err.to_string().contains("ancestor"), "{err}");
        }
    }

    #[test]
    fn children_are_found_by_name_and_port_and_counted_by_mode() {
        let mut kids: Vec<std::process::Child> = (0..4)
            .map(|_| {
                std::process::Command::new("sleep")
                    .arg("31.4159")
                    .spawn()
                    .unwrap()
            })
            .collect();
        let p = Protected::standard(&[]);
        let re = Selector::Name(regex::Regex::new(r"^sleep 31\.4159$").unwrap());
        let (all, _) = choose(&re, Mode::All, &p, &mut rng()).unwrap();
        let mut pids: Vec<u32> = kids.iter().map(|k| k.id()).collect();
        pids.sort_unstable();
        assert_eq!(all.iter().map(|t| t.pid).collect::<Vec<_>>(), pids);
        assert_eq!(choose(&re, Mode::One, &p, &mut rng()).unwrap().0.len(), 1);
        assert_eq!(
            choose(&re, Mode::Fixed(3), &p, &mut rng()).unwrap().0.len(),
            3
        );
        assert_eq!(
            choose(&re, Mode::FixedPercent(50.0), &p, &mut rng())
                .unwrap()
                .0
                .len(),
            2
        );
        assert_eq!(
            choose(&re, Mode::FixedPercent(1.0), &p, &mut rng())
                .unwrap()
                .0
                .len(),
            1
        );
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        // This process listens, and it is protected: found, then spared.
        assert_eq!(matching(&Selector::Port(port)).len(), 1);
        let err = choose(&Selector::Port(port), Mode::All, &p, &mut rng()).unwrap_err();
        assert!(err.to_string().contains("besides 1 protected"), "{err}");
        for k in &mut kids {
            let _ = k.kill();
            let _ = k.wait();
        }
        assert!(choose(&re, Mode::All, &p, &mut rng()).is_err());
    }

    #[test]
    fn modes_parse_with_their_values() {
        assert_eq!(Mode::parse("fixed", Some(2.0)).unwrap(), Mode::Fixed(2));
        assert!(Mode::parse("fixed", None).is_err());
        assert!(Mode::parse("fixed", Some(1.5)).is_err());
        assert!(Mode::parse("fixed-percent", Some(0.0)).is_err());
        assert!(Mode::parse("some", None).is_err());
    }
}
