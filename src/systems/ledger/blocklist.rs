//! The active blocklist: which sources the recorded events say to block now,
//! and the same list in the forms firewalls load.
//!
//! Rules, in order:
//! 1. An event counts while it is active: `time + ttl` is later than now
//!    (`ttl` 0: until removed), it is at least `min_severity`, and, with
//!    `since`, it was seen at or after it.
//! 2. Events are grouped by source; a source is blocked when at least
//!    `threshold` events name it. It expires with its latest event.
//! 3. The allowlist always wins: a source that overlaps an allowed network
//!    (inside it, or containing it) is not blocked, and is reported as
//!    suppressed.
//! 4. A source inside another blocked network that lasts at least as long is
//!    dropped: the larger network already covers it.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::net::IpAddr;

use serde::Serialize;

use super::event::{Event, Net, Severity};

/// What decides the list.
#[derive(Debug, Clone)]
pub struct Options {
    pub min_severity: Severity,
    /// Events needed per source.
    pub threshold: u32,
    /// Unix seconds: only events seen since.
    pub since: Option<u64>,
    /// Unix seconds: the moment the list is for.
    pub now: u64,
    pub allow: Vec<Net>,
}

/// One blocked source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Block {
    pub source: Net,
    /// Unix seconds it stops; `None`: until removed.
    pub expires: Option<u64>,
    pub severity: Severity,
    pub events: u32,
    pub domains: BTreeSet<String>,
    pub types: BTreeSet<String>,
}

impl Block {
    /// Seconds left at `now` (at least 1), or `None` when permanent.
    pub fn timeout(&self, now: u64) -> Option<u64> {
        self.expires.map(|e| e.saturating_sub(now).max(1))
    }
}

/// The list, and what the allowlist kept out of it.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Blocklist {
    pub now: u64,
    pub blocks: Vec<Block>,
    /// Sources that met the rules but overlap the allowlist.
    pub suppressed: Vec<Net>,
}

/// Derives the blocklist from events; `time_of` turns an event's RFC 3339
/// time into Unix seconds (`None`: unreadable, the event is skipped).
pub fn derive(
    events: impl IntoIterator<Item = Event>,
    time_of: &dyn Fn(&str) -> Option<u64>,
    opts: &Options,
) -> Blocklist {
    let mut groups: BTreeMap<Net, Block> = BTreeMap::new();
    for e in events {
        if e.severity < opts.min_severity {
            continue;
        }
        let Some(seen) = time_of(&e.time) else {
            continue;
        };
        if opts.since.is_some_and(|s| seen < s) {
            continue;
        }
        let expires = (e.ttl > 0).then(|| seen.saturating_add(e.ttl));
        if expires.is_some_and(|x| x <= opts.now) {
            continue;
        }
        let g = groups.entry(e.source).or_insert_with(|| Block {
            source: e.source,
            expires,
            severity: e.severity,
            events: 0,
            domains: BTreeSet::new(),
            types: BTreeSet::new(),
        });
        g.events += 1;
        g.severity = g.severity.max(e.severity);
        g.expires = match (g.expires, expires) {
            (None, _) | (_, None) => None,
            (Some(a), Some(b)) => Some(a.max(b)),
        };
        g.domains.insert(e.domain);
        g.types.insert(e.kind);
    }
    let mut suppressed = Vec::new();
    let mut candidates: Vec<Block> = Vec::new();
    for (net, block) in groups {
        if block.events < opts.threshold {
            continue;
        }
        if opts
            .allow
            .iter()
            .any(|a| a.contains(&net) || net.contains(a))
        {
            suppressed.push(net);
            continue;
        }
        candidates.push(block);
    }
    // Larger networks first, so a covered source finds its cover.
    candidates.sort_by_key(|b| (b.source.addr.is_ipv6(), b.source.prefix));
    let mut blocks: Vec<Block> = Vec::new();
    for b in candidates {
        let covered = blocks.iter().any(|big| {
            big.source.contains(&b.source)
                && match (big.expires, b.expires) {
                    (None, _) => true,
                    (Some(_), None) => false,
                    (Some(x), Some(y)) => x >= y,
                }
        });
        if !covered {
            blocks.push(b);
        }
    }
    blocks.sort_by_key(|b| (b.source.addr.is_ipv6(), b.source.addr, b.source.prefix));
    Blocklist {
        now: opts.now,
        blocks,
        suppressed,
    }
}

/// The nftables table name `enforce` manages and `--format nftables` writes.
pub const NFT_TABLE: &str = "omni_ledger";

fn cidr(n: &Net) -> String {
    format!("{}/{}", n.addr, n.prefix)
}

impl Blocklist {
    fn family(&self, v6: bool) -> impl Iterator<Item = &Block> {
        self.blocks
            .iter()
            .filter(move |b| matches!(b.source.addr, IpAddr::V6(_)) == v6)
    }

    /// One network per line.
    pub fn plain(&self) -> String {
        let mut out = String::new();
        for b in &self.blocks {
            let _ = writeln!(out, "{}", b.source);
        }
        out
    }

    /// An `nft -f` script that replaces table `inet <table>` in one
    /// transaction: two sets (`flags interval, timeout`, so networks and
    /// expiry both work) and a chain on the input hook that drops their
    /// sources.
    pub fn nftables(&self, table: &str) -> String {
        let mut out = format!(
            "# omni ledger blocklist: {} sources; nft -f replaces the table atomically\n\
             table inet {table}\ndelete table inet {table}\ntable inet {table} {{\n",
            self.blocks.len()
        );
        for (name, v6) in [("blocked_v4", false), ("blocked_v6", true)] {
            let ty = if v6 { "ipv6_addr" } else { "ipv4_addr" };
            let _ = write!(
                out,
                "  set {name} {{\n    type {ty}\n    flags interval, timeout\n"
            );
            let elements: Vec<String> = self
                .family(v6)
                .map(|b| match b.timeout(self.now) {
                    Some(t) => format!("{} timeout {t}s", cidr(&b.source)),
                    None => cidr(&b.source),
                })
                .collect();
            if !elements.is_empty() {
                let _ = writeln!(out, "    elements = {{ {} }}", elements.join(", "));
            }
            out.push_str("  }\n");
        }
        out.push_str(
            "  chain input {\n    type filter hook input priority filter - 10; policy accept;\n    \
             ip saddr @blocked_v4 counter drop\n    ip6 saddr @blocked_v6 counter drop\n  }\n}\n",
        );
        out
    }

    /// `ipset restore` input: new sets filled, then swapped in place of the
    /// live ones and the old contents destroyed, so the swap is atomic.
    pub fn ipset(&self, name: &str) -> String {
        let max = (self.blocks.len() * 2).max(65_536);
        let mut out = String::new();
        for (suffix, family, v6) in [("v4", "inet", false), ("v6", "inet6", true)] {
            let live = format!("{name}-{suffix}");
            let next = format!("{name}-{suffix}-next");
            let _ = writeln!(
                out,
                "create {live} hash:net family {family} timeout 0 maxelem {max} -exist"
            );
            let _ = writeln!(
                out,
                "create {next} hash:net family {family} timeout 0 maxelem {max} -exist"
            );
            let _ = writeln!(out, "flush {next}");
            for b in self.family(v6) {
                let _ = writeln!(
                    out,
                    "add {next} {} timeout {}",
                    cidr(&b.source),
                    b.timeout(self.now).unwrap_or(0)
                );
            }
            let _ = writeln!(out, "swap {next} {live}");
            let _ = writeln!(out, "destroy {next}");
        }
        out
    }

    /// `iptables-restore --noflush` input: chain `<chain>` emptied and
    /// refilled with a DROP per IPv4 source; IPv6 sources follow as the
    /// same rules for `ip6tables-restore`, commented out.
    pub fn iptables(&self, chain: &str) -> String {
        let mut out = format!("*filter\n:{chain} - [0:0]\n-F {chain}\n");
        for b in self.family(false) {
            let _ = writeln!(out, "-A {chain} -s {} -j DROP", cidr(&b.source));
        }
        out.push_str("COMMIT\n");
        let v6: Vec<&Block> = self.family(true).collect();
        if !v6.is_empty() {
            out.push_str("# IPv6 sources, for ip6tables-restore --noflush:\n");
            let _ = writeln!(out, "# *filter\n# :{chain} - [0:0]\n# -F {chain}");
            for b in v6 {
                let _ = writeln!(out, "# -A {chain} -s {} -j DROP", cidr(&b.source));
            }
            out.push_str("# COMMIT\n");
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(source: &str, severity: Severity, ttl: u64, time: u64, domain: &str) -> Event {
        Event {
            v: 1,
            time: time.to_string(),
            kind: "malicious_ip".into(),
            source: source.parse().unwrap(),
            severity,
            ttl,
            meta: serde_json::Map::new(),
            domain: domain.into(),
            reporter: "k".into(),
            sig: String::new(),
        }
    }

    fn opts(now: u64) -> Options {
        Options {
            min_severity: Severity::Low,
            threshold: 1,
            since: None,
            now,
            allow: Vec::new(),
        }
    }

    fn time(t: &str) -> Option<u64> {
        t.parse().ok()
    }

    #[test]
    fn ttl_threshold_severity_and_since_decide() {
        use Severity::*;
        let evs = vec![
            event("192.0.2.1", High, 100, 1000, "a"),   // expires 1100
            event("192.0.2.2", High, 10, 1000, "a"),    // expired at 1010
            event("192.0.2.3", Low, 0, 1000, "a"),      // permanent, low
            event("192.0.2.4", Medium, 100, 1000, "a"), // twice, two domains
            event("192.0.2.4", Medium, 300, 1050, "b"),
        ];
        let list = derive(evs.clone(), &time, &opts(1020));
        let sources: Vec<String> = list.blocks.iter().map(|b| b.source.to_string()).collect();
        assert_eq!(sources, ["192.0.2.1", "192.0.2.3", "192.0.2.4"]);
        let four = &list.blocks[2];
        assert_eq!((four.events, four.expires), (2, Some(1350)));
        assert_eq!(four.domains.len(), 2);
        assert_eq!(list.blocks[1].expires, None);
        assert_eq!(list.blocks[0].timeout(1020), Some(80));

        let mut o = opts(1020);
        o.threshold = 2;
        assert_eq!(derive(evs.clone(), &time, &o).blocks.len(), 1);
        let mut o = opts(1020);
        o.min_severity = Medium;
        assert_eq!(derive(evs.clone(), &time, &o).blocks.len(), 2);
        let mut o = opts(1020);
        o.since = Some(1040);
        let only: Vec<_> = derive(evs, &time, &o).blocks;
        assert_eq!(only.len(), 1);
        assert_eq!(only[0].events, 1, "only the later event counts");
    }

    #[test]
    fn the_allowlist_wins_and_covered_sources_fold_in() {
        use Severity::*;
        let evs = vec![
            event("198.51.100.0/24", High, 0, 1000, "a"),
            event("198.51.100.7", High, 50, 1000, "a"), // inside a permanent /24
            event("203.0.113.0/24", High, 0, 1000, "a"),
            event("203.0.113.9", High, 0, 1000, "a"),
            event("2001:db8::1", High, 0, 1000, "a"),
        ];
        let mut o = opts(1001);
        o.allow = vec!["203.0.113.9".parse().unwrap()];
        let list = derive(evs, &time, &o);
        let sources: Vec<String> = list.blocks.iter().map(|b| b.source.to_string()).collect();
        assert_eq!(sources, ["198.51.100.0/24", "2001:db8::1"]);
        let suppressed: Vec<String> = list.suppressed.iter().map(|n| n.to_string()).collect();
        assert_eq!(suppressed, ["203.0.113.0/24", "203.0.113.9"]);
        let nft = list.nftables(NFT_TABLE);
        assert!(nft.contains("elements = { 198.51.100.0/24 }"), "{nft}");
        assert!(nft.contains("elements = { 2001:db8::1/128 }"), "{nft}");
        assert!(nft.contains("flags interval, timeout"), "{nft}");
        let ipset = list.ipset("omni");
        assert!(
            ipset.contains("add omni-v4-next 198.51.100.0/24 timeout 0"),
            "{ipset}"
        );
        assert!(ipset.contains("swap omni-v6-next omni-v6"), "{ipset}");
        let ipt = list.iptables("OMNI");
        assert!(ipt.contains("-A OMNI -s 198.51.100.0/24 -j DROP"), "{ipt}");
        assert!(
            ipt.contains("# -A OMNI -s 2001:db8::1/128 -j DROP"),
            "{ipt}"
        );
    }
}
