//! Network faults without netem: packet loss and partitions as iptables
//! rules (`statistic --mode random` for loss, plain DROP for a partition),
//! on an interface, optionally inside a named network namespace, limited to
//! a destination CIDR and a port.
//!
//! Every rule carries the comment `omni:<scope>:<lease id>` (the scope
//! names the state directory, see [`scope`]), is recorded in its lease
//! before it is inserted, and is deleted when the lease is given back;
//! [`sweep`] deletes the rules of a scope whose lease is not active (a
//! state directory deleted and made again, a crash between inserting and
//! recording), and leaves other state directories' rules alone.
//!
//! The rules go through the `iptables` command (iptables-nft on Debian 12,
//! which reaches the kernel's xt matches through nft_compat), run inside
//! the namespace with `ip netns exec`.

use std::process::Command;

use serde::{Deserialize, Serialize};

use super::ChaosError;

/// The comment prefix that tags omni's rules.
pub const TAG: &str = "omni:";

/// The tag scope of a state directory: 8 hex digits of its path's BLAKE3.
pub fn scope(state: &std::path::Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    blake3::hash(state.as_os_str().as_bytes()).to_hex()[..8].to_string()
}

/// What a network fault does.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NetKind {
    /// Drop this percentage of the matching outgoing packets.
    Loss { percent: f64 },
    /// Drop every matching packet, in and out.
    Partition,
    /// Send the matching outgoing packets to an NFQUEUE the controller
    /// serves with this action (latency, reorder, duplicate, corrupt; see
    /// [`super::delay`]).
    Queue(super::delay::Action),
}

/// A network fault, checked.
#[derive(Debug, Clone)]
pub struct NetSpec {
    pub kind: NetKind,
    pub interface: String,
    pub netns: Option<String>,
    /// `a.b.c.d/n` (or an address); IPv4.
    pub target: Option<String>,
    pub port: Option<u16>,
}

/// One iptables rule, as inserted and as deleted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rule {
    pub netns: Option<String>,
    pub chain: String,
    /// The rule's match and target, without the chain.
    pub spec: Vec<String>,
}

use crate::runtime::netns::{command as in_netns, names as namespaces, run, stdout as ok};

impl Rule {
    fn command(&self, op: &str) -> Command {
        let mut c = in_netns(self.netns.as_deref(), "iptables");
        c.args(["-w", op, &self.chain]).args(&self.spec);
        c
    }

    /// One line for plans: `iptables -I OUTPUT …` (in netns N).
    pub fn describe(&self) -> String {
        let ns = self
            .netns
            .as_ref()
            .map_or(String::new(), |n| format!(" (in netns {n})"));
        format!("iptables -I {} {}{ns}", self.chain, self.spec.join(" "))
    }

    pub fn insert(&self) -> Result<(), ChaosError> {
        run(self.command("-I"))
            .map_err(|e| ChaosError::Unavailable(format!("inserting `{}`: {e}", self.describe())))
    }

    /// Deletes the rule; a rule already gone counts as deleted.
    pub fn delete(&self) -> Result<(), String> {
        match run(self.command("-C")) {
            Ok(()) => {
                run(self.command("-D")).map_err(|e| format!("deleting `{}`: {e}", self.describe()))
            }
            // -C fails when the rule is not there (or the namespace is gone).
            Err(_) => Ok(()),
        }
    }
}

/// Checks privileges, tools, the namespace and the interface.
pub fn check(spec: &NetSpec) -> Result<(), ChaosError> {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        return Err(ChaosError::Permission(
            "network faults change iptables rules: run as root (CAP_NET_ADMIN)".into(),
        ));
    }
    if ok({
        let mut c = Command::new("iptables");
        c.arg("--version");
        c
    })
    .is_none()
    {
        return Err(ChaosError::Unavailable(
            "iptables is missing (apt-get install iptables)".into(),
        ));
    }
    let percent = match spec.kind {
        NetKind::Loss { percent }
        | NetKind::Queue(
            super::delay::Action::Reorder { percent, .. }
            | super::delay::Action::Duplicate { percent }
            | super::delay::Action::Corrupt { percent },
        ) => Some(percent),
        _ => None,
    };
    if let Some(percent) = percent
        && !(percent > 0.0 && percent <= 100.0)
    {
        return Err(ChaosError::Invalid(format!(
            "--percent {percent}: more than 0 and at most 100"
        )));
    }
    if let Some(ns) = &spec.netns
        && !namespaces().contains(ns)
    {
        return Err(ChaosError::NoTarget(format!(
            "no network namespace '{ns}' (ip netns list)"
        )));
    }
    let mut show = Command::new("ip");
    if let Some(ns) = &spec.netns {
        show.args(["-n", ns]);
    }
    show.args(["link", "show", "dev", &spec.interface]);
    if ok(show).is_none() {
        let where_ = spec
            .netns
            .as_ref()
            .map_or(String::new(), |n| format!(" in netns {n}"));
        return Err(ChaosError::NoTarget(format!(
            "no interface '{}'{where_}",
            spec.interface
        )));
    }
    if let Some(t) = &spec.target {
        valid_cidr(t)?;
    }
    Ok(())
}

fn valid_cidr(text: &str) -> Result<(), ChaosError> {
    let (addr, prefix) = text.split_once('/').unwrap_or((text, "32"));
    let good =
        addr.parse::<std::net::Ipv4Addr>().is_ok() && prefix.parse::<u8>().is_ok_and(|p| p <= 32);
    if good {
        Ok(())
    } else {
        Err(ChaosError::Invalid(format!(
            "--target {text}: an IPv4 address or CIDR (10.0.0.0/8)"
        )))
    }
}

/// The rules of a fault held as lease `id` in tag scope `scope` (`queue`:
/// the NFQUEUE a latency fault's engine bound).
pub fn rules(spec: &NetSpec, scope: &str, id: &str, queue: u16) -> Vec<Rule> {
    let tag = format!("{TAG}{scope}:{id}");
    let protocols: Vec<Option<&str>> = match spec.port {
        Some(_) => vec![Some("tcp"), Some("udp")],
        None => vec![None],
    };
    let mut out = Vec::new();
    let mut one =
        |chain: &str, dev_flag: &str, addr_flag: &str, port_flag: &str, proto: Option<&str>| {
            let mut s: Vec<String> = vec![dev_flag.into(), spec.interface.clone()];
            if let Some(t) = &spec.target {
                s.extend([addr_flag.to_string(), t.clone()]);
            }
            if let (Some(p), Some(port)) = (proto, spec.port) {
                s.extend(["-p".into(), p.into(), port_flag.into(), port.to_string()]);
            }
            if let NetKind::Loss { percent } = spec.kind {
                s.extend([
                    "-m".into(),
                    "statistic".into(),
                    "--mode".into(),
                    "random".into(),
                    "--probability".into(),
                    format!("{:.6}", percent / 100.0),
                ]);
            }
            s.extend([
                "-m".into(),
                "comment".into(),
                "--comment".into(),
                tag.clone(),
            ]);
            if let NetKind::Queue(action) = spec.kind {
                if let super::delay::Action::Duplicate { .. } = action {
                    // The duplicates carry omni's mark: not queued again.
                    s.extend([
                        "-m".into(),
                        "mark".into(),
                        "!".into(),
                        "--mark".into(),
                        format!("{:#x}", super::delay::MARK),
                    ]);
                }
                // NB: --queue-bypass: with nobody on the queue, packets pass.
                s.extend([
                    "-j".into(),
                    "NFQUEUE".into(),
                    "--queue-num".into(),
                    queue.to_string(),
                    "--queue-bypass".into(),
                ]);
            } else {
                s.extend(["-j".into(), "DROP".into()]);
            }
            out.push(Rule {
                netns: spec.netns.clone(),
                chain: chain.into(),
                spec: s,
            });
        };
    for proto in &protocols {
        one("OUTPUT", "-o", "-d", "--dport", *proto);
        if spec.kind == NetKind::Partition {
            one("INPUT", "-i", "-s", "--sport", *proto);
        }
    }
    out
}

/// Deletes every rule tagged `omni:<scope>:<id>` whose id `keep` rejects,
/// in the root namespace and every named one; returns what it deleted.
/// `scope` `None` means every scope: every state directory's rules.
pub fn sweep(scope: Option<&str>, keep: &dyn Fn(&str) -> bool) -> Vec<String> {
    let every = std::iter::once(None).chain(namespaces().into_iter().map(Some));
    let mut deleted = Vec::new();
    for ns in every {
        let mut save = in_netns(ns.as_deref(), "iptables-save");
        save.args(["-t", "filter"]);
        let Some(text) = ok(save) else { continue };
        for line in text.lines() {
            let Some(rest) = line.strip_prefix("-A ") else {
                continue;
            };
            let Some((tag_scope, id)) = tagged_id(line) else {
                continue;
            };
            if scope.is_some_and(|s| s != tag_scope) || keep(id) {
                continue;
            }
            let Ok(words) = shell_split(rest) else {
                continue;
            };
            let Some((chain, spec)) = words.split_first() else {
                continue;
            };
            let rule = Rule {
                netns: ns.clone(),
                chain: chain.clone(),
                spec: spec.to_vec(),
            };
            if run(rule.command("-D")).is_ok() {
                deleted.push(rule.describe());
            }
        }
    }
    deleted
}

/// The scope and lease id in a rule's `omni:` comment.
fn tagged_id(line: &str) -> Option<(&str, &str)> {
    let at = line
        .find(&format!("--comment \"{TAG}"))
        .map(|i| i + "--comment \"".len() + TAG.len())
        .or_else(|| {
            line.find(&format!("--comment {TAG}"))
                .map(|i| i + "--comment ".len() + TAG.len())
        })?;
    let rest = &line[at..];
    let end = rest
        .find(|c: char| c == '"' || c.is_whitespace())
        .unwrap_or(rest.len());
    let (scope, id) = rest[..end].split_once(':')?;
    (!scope.is_empty() && !id.is_empty()).then_some((scope, id))
}

/// Splits an iptables-save line the way a shell would (double quotes only).
fn shell_split(text: &str) -> Result<Vec<String>, ()> {
    let mut words = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    let mut any = false;
    for c in text.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                any = true;
            }
            c if c.is_whitespace() && !quoted => {
                if any {
                    words.push(std::mem::take(&mut cur));
                    any = false;
                }
            }
            c => {
                cur.push(c);
                any = true;
            }
        }
    }
    if quoted {
        return Err(());
    }
    if any {
        words.push(cur);
    }
    Ok(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_are_tagged_and_cover_both_protocols_for_a_port() {
        let spec = NetSpec {
            kind: NetKind::Loss { percent: 10.0 },
            interface: "veth0".into(),
            netns: Some("ns1".into()),
            target: Some("10.0.0.0/24".into()),
            port: Some(53),
        };
        let r = rules(&spec, "0a0b0c0d", "c-12345678", 0);
        assert_eq!(r.len(), 2);
        assert_eq!(
            r[0].spec.join(" "),
            "-o veth0 -d 10.0.0.0/24 -p tcp --dport 53 -m statistic --mode random --probability 0.100000 -m comment --comment omni:0a0b0c0d:c-12345678 -j DROP"
        );
        let part = NetSpec {
            kind: NetKind::Partition,
            port: None,
            ..spec
        };
        let r = rules(&part, "0a0b0c0d", "c-1", 0);
        assert_eq!(
            r.iter().map(|r| r.chain.as_str()).collect::<Vec<_>>(),
            ["OUTPUT", "INPUT"]
        );
        assert!(
            r[1].spec
                .starts_with(&["-i".into(), "veth0".into(), "-s".into()])
        );
        let slow = NetSpec {
            kind: NetKind::Queue(crate::systems::chaos::delay::Action::Delay {
                delay: std::time::Duration::from_millis(50),
                jitter: std::time::Duration::ZERO,
            }),
            ..part
        };
        let r = rules(&slow, "0a0b0c0d", "c-1", 4242);
        assert_eq!(r.len(), 1);
        assert!(
            r[0].spec
                .join(" ")
                .ends_with("-j NFQUEUE --queue-num 4242 --queue-bypass"),
            "{:?}",
            r[0].spec
        );
    }

    #[test]
    fn saved_rules_give_back_their_lease_and_words() {
        let line = r#"-A OUTPUT -o omt-va -m statistic --mode random --probability 0.50000000000 -m comment --comment "omni:0a0b0c0d:c-0a1b2c3d" -j DROP"#;
        assert_eq!(tagged_id(line), Some(("0a0b0c0d", "c-0a1b2c3d")));
        assert_eq!(tagged_id("-A OUTPUT -j DROP"), None);
        let words = shell_split(&line[3..]).unwrap();
        assert_eq!(words[0], "OUTPUT");
        assert_eq!(words[words.len() - 3], "omni:0a0b0c0d:c-0a1b2c3d");
        assert!(shell_split("a \"b").is_err());
        assert!(valid_cidr("10.1.2.0/24").is_ok());
        assert!(valid_cidr("10.1.2.0/33").is_err());
        assert!(valid_cidr("fe80::1").is_err());
    }
}
