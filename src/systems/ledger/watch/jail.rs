//! Counting failures per address, as a fail2ban jail does: `maxretry`
//! failures within `findtime` ban the address once for `bantime`; while
//! banned, its failures are not counted again; ignored networks (`ignoreip`,
//! the ledger's allowlist) are never counted.
//!
//! Times are the lines' (Unix seconds), so replaying an old log bans what
//! fail2ban would have banned then. Memory stays bounded: addresses whose
//! failures all left the window are forgotten.

use std::collections::{HashMap, VecDeque};

use crate::systems::ledger::event::Net;

/// A jail's settings.
#[derive(Debug, Clone)]
pub struct JailConfig {
    pub maxretry: u32,
    pub findtime: i64,
    pub bantime: i64,
    pub ignore: Vec<Net>,
}

/// A decision to ban.
#[derive(Debug, Clone, PartialEq)]
pub struct Ban {
    pub source: Net,
    pub failures: u32,
    pub first: i64,
    pub last: i64,
}

/// What became of one failure.
#[derive(Debug, Clone, PartialEq)]
pub enum Counted {
    /// Counted; not (yet) enough.
    Counted,
    /// The address is ignored (ignoreip or allowlist).
    Ignored,
    /// Already banned: not counted again.
    Banned,
    /// This failure reached maxretry.
    Ban(Ban),
}

pub struct Jail {
    cfg: JailConfig,
    hosts: HashMap<Net, VecDeque<i64>>,
    banned: HashMap<Net, i64>,
    latest: i64,
    since_prune: usize,
}

impl Jail {
    pub fn new(cfg: JailConfig) -> Jail {
        Jail {
            cfg,
            hosts: HashMap::new(),
            banned: HashMap::new(),
            latest: i64::MIN,
            since_prune: 0,
        }
    }

    /// Whether `addr` is inside an ignored network.
    pub fn ignored(&self, addr: &Net) -> bool {
        self.cfg
            .ignore
            .iter()
            .any(|n| n.contains(addr) || addr.contains(n))
    }

    /// One failure of `addr` at `time`.
    pub fn failure(&mut self, addr: Net, time: i64) -> Counted {
        if self.ignored(&addr) {
            return Counted::Ignored;
        }
        self.latest = self.latest.max(time);
        if let Some(&until) = self.banned.get(&addr) {
            if time < until {
                return Counted::Banned;
            }
            self.banned.remove(&addr);
        }
        let findtime = self.cfg.findtime;
        let times = self.hosts.entry(addr).or_default();
        times.push_back(time);
        while times.front().is_some_and(|&t| t <= time - findtime) {
            times.pop_front();
        }
        let result = if times.len() as u32 >= self.cfg.maxretry {
            let ban = Ban {
                source: addr,
                failures: times.len() as u32,
                first: *times.front().expect("not empty"),
                last: time,
            };
            self.hosts.remove(&addr);
            self.banned
                .insert(addr, time.saturating_add(self.cfg.bantime.max(1)));
            Counted::Ban(ban)
        } else {
            Counted::Counted
        };
        self.since_prune += 1;
        if self.since_prune >= 65_536 {
            self.prune();
        }
        result
    }

    /// Forgets what can no longer count.
    fn prune(&mut self) {
        self.since_prune = 0;
        let (latest, findtime) = (self.latest, self.cfg.findtime);
        self.hosts
            .retain(|_, t| t.back().is_some_and(|&last| last > latest - findtime));
        self.banned.retain(|_, until| *until > latest);
    }

    /// Addresses with failures being counted.
    pub fn tracked(&self) -> usize {
        self.hosts.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn jail(maxretry: u32) -> Jail {
        Jail::new(JailConfig {
            maxretry,
            findtime: 600,
            bantime: 3600,
            ignore: vec!["10.0.0.0/8".parse().unwrap()],
        })
    }

    #[test]
    fn bans_once_within_findtime() {
        let mut j = jail(3);
        let a: Net = "1.2.3.4".parse().unwrap();
        assert_eq!(j.failure(a, 0), Counted::Counted);
        assert_eq!(j.failure(a, 700), Counted::Counted); // the first left the window
        assert_eq!(j.failure(a, 800), Counted::Counted);
        let Counted::Ban(b) = j.failure(a, 900) else {
            panic!("expected a ban")
        };
        assert_eq!((b.failures, b.first, b.last), (3, 700, 900));
        assert_eq!(j.failure(a, 901), Counted::Banned);
        // After bantime it counts again.
        assert_eq!(j.failure(a, 900 + 3600), Counted::Counted);
        assert_eq!(j.failure("10.1.2.3".parse().unwrap(), 1), Counted::Ignored);
        assert_eq!(j.tracked(), 1);
    }
}
