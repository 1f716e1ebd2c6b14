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
//!
//! With a trust [`Policy`], every event that rule 1 keeps is re-checked: one
//! the policy does not admit (unknown domain, a key not listed for its
//! domain, a type not allowed, a severity below the domain's minimum) is
//! ignored and counted, and a TTL above the domain's `max_ttl` is clamped to
//! it (a permanent event lasts `max_ttl`), after which rule 1's expiry is
//! checked again. Events rule 1 drops are not counted, so the derivation
//! from a selection of the active events ([`super::index`]) is the
//! derivation from the whole log. After rule 2, a source is blocked only
//! when at least `quorum` distinct domains have an active admitted report
//! *covering* it: one naming the source itself, or a network containing it
//! (a domain that reports 192.0.2.0/24 corroborates another domain's
//! 192.0.2.7; the /24 itself needs k domains of its own). The block then
//! lasts until the source's own events expire or fewer than `quorum`
//! domains still cover it, whichever comes first. Without a policy, the
//! quorum is 1 and nothing else changes.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::net::IpAddr;
use std::sync::Arc;

use serde::Serialize;

use super::event::{Event, Net, Severity};
use super::index::{Filter, unix_secs};
use super::policy::Policy;
use super::{Ledger, LedgerError};

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
    /// The trust policy: admission re-checked, TTLs clamped, k of n domains.
    pub policy: Option<Arc<Policy>>,
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
    /// What the trust policy did (with a policy only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy: Option<Applied>,
}

/// What the trust policy did to a derivation.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Applied {
    /// k: domains needed.
    pub quorum: u32,
    /// n: domains in the policy.
    pub domains: u32,
    /// Events the policy does not admit (ignored), among those that would
    /// otherwise count (active, severe enough, since `since`).
    pub ignored: u64,
    /// Events whose TTL was clamped to their domain's `max_ttl`, among
    /// the same.
    pub clamped: u64,
    /// Sources that met the other rules but are covered by fewer than
    /// `quorum` domains (not blocked).
    pub pending: Vec<Pending>,
}

/// A source short of the quorum.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Pending {
    pub source: Net,
    /// The domains whose active reports cover it.
    pub domains: BTreeSet<String>,
}

/// Latest expiry first; `None` (permanent) is the latest.
fn later(a: Option<u64>, b: Option<u64>) -> Option<u64> {
    match (a, b) {
        (None, _) | (_, None) => None,
        (Some(x), Some(y)) => Some(x.max(y)),
    }
}

fn sooner(a: Option<u64>, b: Option<u64>) -> Option<u64> {
    match (a, b) {
        (None, x) | (x, None) => x,
        (Some(x), Some(y)) => Some(x.min(y)),
    }
}

/// The events [`derive`] may count, as a selection: active at `now`, at
/// least `min_severity`, seen since `since`, no replicas' evidence.
pub fn selection(opts: &Options) -> Filter {
    Filter {
        min_severity: Some(opts.min_severity),
        since: opts
            .since
            .map(|s| std::time::UNIX_EPOCH + std::time::Duration::from_secs(s)),
        active_at: Some(opts.now),
        no_evidence: true,
        ..Filter::default()
    }
}

/// The blocklist of `ledger` at `opts.now`, derived from the events its
/// index selects (the same list as from every event of the log).
pub fn of_ledger(ledger: &Ledger, opts: &Options) -> Result<Blocklist, LedgerError> {
    let mut events = Vec::new();
    for selected in ledger.select(&selection(opts))? {
        events.push(selected?.1);
    }
    Ok(derive(events, &unix_secs, opts))
}

/// Derives the blocklist from events; `time_of` turns an event's RFC 3339
/// time into Unix seconds (`None`: unreadable, the event is skipped).
pub fn derive(
    events: impl IntoIterator<Item = Event>,
    time_of: &dyn Fn(&str) -> Option<u64>,
    opts: &Options,
) -> Blocklist {
    let policy = opts.policy.as_deref();
    let mut applied = policy.map(|p| Applied {
        quorum: p.quorum,
        domains: p.n(),
        ..Applied::default()
    });
    let mut groups: BTreeMap<Net, Block> = BTreeMap::new();
    // Per source, per domain: the latest expiry of its active reports.
    let mut reports: BTreeMap<Net, BTreeMap<String, Option<u64>>> = BTreeMap::new();
    for e in events {
        // Replicas' evidence names a replica, not an attacker.
        if e.kind == super::cluster::EVIDENCE {
            continue;
        }
        if e.severity < opts.min_severity {
            continue;
        }
        let Some(seen) = time_of(&e.time) else {
            continue;
        };
        if opts.since.is_some_and(|s| seen < s) {
            continue;
        }
        // NB: expired under its own TTL is expired under the policy's too
        // (clamping only shortens), so the policy is applied (and counted)
        // only to events that would otherwise count: a selection of the
        // active events (the index's) derives exactly what the whole log
        // does.
        if e.ttl > 0 && seen.saturating_add(e.ttl) <= opts.now {
            continue;
        }
        let ttl = match (policy, applied.as_mut()) {
            (Some(p), Some(a)) => match p.effective_ttl(&e) {
                Ok(t) => {
                    a.clamped += u64::from(t != e.ttl);
                    t
                }
                Err(_) => {
                    a.ignored += 1;
                    continue;
                }
            },
            _ => e.ttl,
        };
        let expires = (ttl > 0).then(|| seen.saturating_add(ttl));
        if expires.is_some_and(|x| x <= opts.now) {
            continue;
        }
        if policy.is_some() {
            let by = reports.entry(e.source).or_default();
            let d = by.entry(e.domain.clone()).or_insert(expires);
            *d = later(*d, expires);
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
        g.expires = later(g.expires, expires);
        g.domains.insert(e.domain);
        g.types.insert(e.kind);
    }
    if let Some(a) = applied.as_mut() {
        // NB: only networks cover other sources, and a ledger holds few of
        // them, so this is (sources × networks), not (sources²).
        let networks: Vec<(&Net, &BTreeMap<String, Option<u64>>)> =
            reports.iter().filter(|(n, _)| !n.is_host()).collect();
        let quorum = a.quorum as usize;
        groups.retain(|net, block| {
            if block.events < opts.threshold {
                return false;
            }
            let mut cover = reports.get(net).cloned().unwrap_or_default();
            for (big, by) in &networks {
                if *big != net && big.contains(net) {
                    for (d, x) in *by {
                        let c = cover.entry(d.clone()).or_insert(*x);
                        *c = later(*c, *x);
                    }
                }
            }
            if cover.len() < quorum {
                a.pending.push(Pending {
                    source: *net,
                    domains: cover.into_keys().collect(),
                });
                return false;
            }
            // The quorum holds until the k-th latest domain's reports end.
            let mut ends: Vec<Option<u64>> = cover.values().copied().collect();
            ends.sort_by(|x, y| match (x, y) {
                (None, None) => std::cmp::Ordering::Equal,
                (None, _) => std::cmp::Ordering::Less,
                (_, None) => std::cmp::Ordering::Greater,
                (Some(x), Some(y)) => y.cmp(x),
            });
            block.expires = sooner(block.expires, ends[quorum - 1]);
            block.domains = cover.into_keys().collect();
            true
        });
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
        policy: applied,
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
            policy: None,
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

    /// The key id of domain `d` in [`policy`]: its letter, 64 times.
    fn key(d: &str) -> String {
        d[..1].repeat(64)
    }

    /// Domains a, b and c (and d); a may only report malicious_ip of at
    /// least medium severity for at most an hour.
    fn policy(quorum: u32) -> Option<Arc<Policy>> {
        let text = format!(
            "[block]\nquorum = {quorum}\n\
             [domains.a]\nkeys = [\"{}\"]\ntypes = [\"malicious_ip\"]\nmin_severity = \"medium\"\nmax_ttl = \"1h\"\n\
             [domains.b]\nkeys = [\"{}\"]\n[domains.c]\nkeys = [\"{}\"]\n[domains.d]\nkeys = [\"{}\"]\n",
            key("a"),
            key("b"),
            key("c"),
            key("d")
        );
        Some(Arc::new(
            Policy::parse(&text, std::path::Path::new("policy.toml")).unwrap(),
        ))
    }

    /// An event of `domain`, signed (in name) by its own key.
    fn by(domain: &str, source: &str, ttl: u64, time: u64) -> Event {
        let mut e = event(source, Severity::High, ttl, time, domain);
        e.reporter = key(domain);
        e
    }

    fn blocked(list: &Blocklist) -> Vec<String> {
        list.blocks.iter().map(|b| b.source.to_string()).collect()
    }

    #[test]
    fn k_of_n_domains_must_agree() {
        let mut o = opts(1010);
        o.policy = policy(2);
        // Two domains agree on .1; b alone reports .2 five times.
        let mut evs = vec![
            by("a", "192.0.2.1", 600, 1000),
            by("b", "192.0.2.1", 60, 1000),
        ];
        evs.extend((0..5).map(|i| by("b", "192.0.2.2", 600, 1000 + i)));
        let list = derive(evs.clone(), &time, &o);
        assert_eq!(blocked(&list), ["192.0.2.1"]);
        let one = &list.blocks[0];
        assert_eq!(one.domains.len(), 2);
        assert_eq!(
            one.expires,
            Some(1060),
            "the quorum ends when b's report does"
        );
        let applied = list.policy.as_ref().unwrap();
        assert_eq!(
            (applied.quorum, applied.domains, applied.ignored),
            (2, 4, 0)
        );
        assert_eq!(applied.pending.len(), 1);
        assert_eq!(applied.pending[0].source.to_string(), "192.0.2.2");
        // --threshold still counts events: .2 has five, .1 two.
        o.threshold = 3;
        assert!(derive(evs.clone(), &time, &o).blocks.is_empty());
        // Without the policy, one domain is enough (today's behaviour).
        let mut plain = opts(1010);
        plain.threshold = 1;
        assert_eq!(
            blocked(&derive(evs, &time, &plain)),
            ["192.0.2.1", "192.0.2.2"]
        );

        // k = 3: two domains are not enough, three are.
        let mut o = opts(1010);
        o.policy = policy(3);
        let two = vec![
            by("b", "198.51.100.5", 0, 1000),
            by("c", "198.51.100.5", 0, 1000),
        ];
        assert!(derive(two.clone(), &time, &o).blocks.is_empty());
        let mut three = two;
        three.push(by("d", "198.51.100.5", 0, 1000));
        let list = derive(three, &time, &o);
        assert_eq!(blocked(&list), ["198.51.100.5"]);
        assert_eq!(list.blocks[0].expires, None, "three permanent reports");
    }

    #[test]
    fn a_network_report_corroborates_the_addresses_inside_it() {
        let mut o = opts(1010);
        o.policy = policy(2);
        let evs = vec![
            by("b", "203.0.113.0/24", 0, 1000),
            by("c", "203.0.113.9", 300, 1000),
            by("c", "198.51.100.9", 300, 1000), // nothing covers it
        ];
        let list = derive(evs, &time, &o);
        // The address both claims cover is blocked; the /24 (b only) is not.
        assert_eq!(blocked(&list), ["203.0.113.9"]);
        assert_eq!(list.blocks[0].expires, Some(1300));
        let pending: Vec<String> = list
            .policy
            .unwrap()
            .pending
            .iter()
            .map(|p| p.source.to_string())
            .collect();
        assert_eq!(pending, ["198.51.100.9", "203.0.113.0/24"]);
    }

    #[test]
    fn inadmissible_events_are_ignored_and_ttls_clamped() {
        let mut o = opts(1010);
        o.policy = policy(1);
        let mut scanner = by("a", "192.0.2.1", 600, 1000);
        scanner.kind = "scanner".into(); // a may not report scanners
        let mut low = by("a", "192.0.2.2", 600, 1000);
        low.severity = Severity::Low; // below a's minimum
        let mut forged = by("b", "192.0.2.3", 600, 1000);
        forged.reporter = key("a"); // a's key speaking for b
        let stranger = by("x", "192.0.2.4", 600, 1000); // not in the policy
        let long = by("a", "192.0.2.5", 7 * 86_400, 1000); // above a's max_ttl
        let forever = by("a", "192.0.2.6", 0, 1000);
        let list = derive(
            vec![scanner, low, forged, stranger, long, forever],
            &time,
            &o,
        );
        assert_eq!(blocked(&list), ["192.0.2.5", "192.0.2.6"]);
        assert!(
            list.blocks.iter().all(|b| b.expires == Some(1000 + 3600)),
            "clamped to 1h: {:?}",
            list.blocks
        );
        let applied = list.policy.unwrap();
        assert_eq!((applied.ignored, applied.clamped), (4, 2));
        // A clamped event that has outlived max_ttl is no longer active.
        let late = opts(1000 + 3601);
        let mut late = late;
        late.policy = policy(1);
        assert!(
            derive(vec![by("a", "192.0.2.5", 0, 1000)], &time, &late)
                .blocks
                .is_empty()
        );
    }

    #[test]
    fn the_allowlist_wins_over_a_quorum() {
        let mut o = opts(1010);
        o.policy = policy(2);
        o.allow = vec!["192.0.2.0/28".parse().unwrap()];
        let evs = vec![
            by("b", "192.0.2.1", 0, 1000),
            by("c", "192.0.2.1", 0, 1000),
            by("d", "192.0.2.1", 0, 1000),
        ];
        let list = derive(evs, &time, &o);
        assert!(list.blocks.is_empty());
        assert_eq!(list.suppressed, vec!["192.0.2.1".parse::<Net>().unwrap()]);
    }
}
