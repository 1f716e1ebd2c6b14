//! A fail2ban filter, compiled: `prefregex`, the `failregex` list,
//! `ignoreregex`, `maxlines`, `datepattern`, and fail2ban's multi-line
//! failure ids (`<F-MLFID>`, `<F-NOFAIL>`, `<F-MLFFORGET>`,
//! `<F-MLFGAINED>`), following fail2ban 1.0's `Filter.findFailure` and
//! `_mergeFailure` as a running jail uses them (the first failregex that
//! matches decides).
//!
//! Guarantees:
//! - Only the host groups of `<HOST>`/`<ADDR>`/`<IP4>`/`<IP6>`/`<SUBNET>`
//!   name the offender, and [`Failure::addr`] is set only when that text
//!   parses as an IP address (normalised; IPv4 with leading zeros refused as
//!   ambiguous). A user name, however crafted, is never the address.
//! - Names are never resolved: a `<HOST>` that matched a DNS name is
//!   reported (`host`) but has no address and is never recorded.

use std::collections::{BTreeSet, HashMap, VecDeque};
use std::net::IpAddr;
use std::path::{Path, PathBuf};

use pcre2::bytes::{CaptureLocations, Regex, RegexBuilder};

use super::WatchError;
use super::conf::Ini;
use super::date::DateDetector;
use crate::systems::ledger::event::Net;

const IP4: &str = r"(?:\d{1,3}\.){3}\d{1,3}";
const IP6: &str = r"(?:[0-9a-fA-F]{1,4}::?|::){1,7}(?:[0-9a-fA-F]{1,4}|(?<=:):)";

fn r_ip4() -> String {
    format!("(?:::f{{4,6}}:)?(?P<ip4>{IP4})")
}
fn r_ip6() -> String {
    format!("(?P<ip6>{IP6})")
}
fn r_addr() -> String {
    format!(r"\[?(?:{}|{})\]?", r_ip4(), r_ip6())
}
fn r_dns() -> &'static str {
    r"(?P<dns>[\w\-.^_]*\w)"
}

/// fail2ban's `Regex._resolveHostTag`: `<HOST>` and friends become their
/// groups, `<F-NAME>…</F-NAME>` a named group `name` (lower case).
pub fn resolve_tags(regex: &str) -> Result<String, String> {
    let mut out = String::with_capacity(regex.len() * 2);
    let mut open: Vec<String> = Vec::new();
    let mut rest = regex;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        let after = &rest[i..];
        let end = after[1..]
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-' || c == '/'))
            .map(|e| e + 1);
        let Some(end) = end.filter(|&e| after.as_bytes().get(e) == Some(&b'>')) else {
            out.push('<');
            rest = &after[1..];
            continue;
        };
        let tag = &after[1..end];
        let whole = &after[..=end];
        let repl: Option<String> = match tag {
            "HOST" => Some(format!("(?:{}|{})", r_addr(), r_dns())),
            "ADDR" | "F-ADDR/" => Some(r_addr()),
            "IP4" | "F-IP4/" => Some(r_ip4()),
            "IP6" | "F-IP6/" => Some(r_ip6()),
            "DNS" | "F-DNS/" => Some(r_dns().to_owned()),
            "CIDR" | "F-CIDR/" => Some(r"(?P<cidr>\d+)".to_owned()),
            "SUBNET" | "F-SUBNET/" => Some(format!(
                r"\[?(?:{}|{})(?:/(?P<cidr>\d+))?\]?",
                r_ip4(),
                r_ip6()
            )),
            "F-ID/" => Some(r"(?P<fid>\S+)".to_owned()),
            "F-PORT/" => Some(r"(?P<fport>\w+)".to_owned()),
            "SKIPLINES" => {
                return Err("<SKIPLINES> is not supported".into());
            }
            _ => {
                let (close, name) = match tag.strip_prefix('/') {
                    Some(n) => (true, n),
                    None => (false, tag),
                };
                match name.strip_prefix("F-") {
                    Some(n)
                        if !n.is_empty()
                            && n.bytes().all(|b| {
                                b.is_ascii_uppercase()
                                    || b.is_ascii_digit()
                                    || b == b'_'
                                    || b == b'-'
                            }) =>
                    {
                        let group = match n.to_ascii_lowercase().as_str() {
                            "id" => "fid".to_owned(),
                            "port" => "fport".to_owned(),
                            other => other.to_owned(),
                        };
                        if close {
                            if open.contains(&group) {
                                Some(")".into())
                            } else {
                                None
                            }
                        } else {
                            open.push(group.clone());
                            Some(format!("(?P<{group}>"))
                        }
                    }
                    _ => None,
                }
            }
        };
        out.push_str(repl.as_deref().unwrap_or(whole));
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    // Python reads `{,n}` as `{0,n}`; older PCRE2 as literal text.
    Ok(out.replace("{,", "{0,"))
}

/// Group indices a compiled regex has (0: absent).
#[derive(Default, Clone, Copy)]
struct Idx {
    ip4: usize,
    ip6: usize,
    dns: usize,
    fid: usize,
    cidr: usize,
    user: usize,
    alt_user: usize,
    mlfid: usize,
    content: usize,
    nofail: usize,
    mlfgained: usize,
    mlfforget: usize,
}

struct Compiled {
    re: Regex,
    locs: CaptureLocations,
    idx: Idx,
    source: String,
}

impl Compiled {
    fn new(text: &str, multiline: bool, what: &str) -> Result<Compiled, String> {
        let source = resolve_tags(text).map_err(|e| format!("{what} {text:?}: {e}"))?;
        let re = RegexBuilder::new()
            .jit_if_available(true)
            .multi_line(multiline)
            .build(&source)
            .map_err(|e| format!("{what} {text:?}: {e}"))?;
        let names = re.capture_names().to_vec();
        let find = |n: &str| {
            names
                .iter()
                .position(|x| x.as_deref() == Some(n))
                .unwrap_or(0)
        };
        let idx = Idx {
            ip4: find("ip4"),
            ip6: find("ip6"),
            dns: find("dns"),
            fid: find("fid"),
            cidr: find("cidr"),
            user: find("user"),
            alt_user: find("alt_user"),
            mlfid: find("mlfid"),
            content: find("content"),
            nofail: find("nofail"),
            mlfgained: find("mlfgained"),
            mlfforget: find("mlfforget"),
        };
        let locs = re.capture_locations();
        Ok(Compiled {
            re,
            locs,
            idx,
            source,
        })
    }

    fn search(&mut self, buf: &[u8]) -> bool {
        matches!(self.re.captures_read(&mut self.locs, buf), Ok(Some(_)))
    }

    fn text(&self, buf: &[u8], i: usize) -> Option<String> {
        if i == 0 {
            return None;
        }
        self.locs
            .get(i)
            .map(|(s, e)| String::from_utf8_lossy(&buf[s..e]).into_owned())
    }

    /// Overlays this match's groups on `fail` (a group the regex has but
    /// that did not take part clears the value, as Python's dict update).
    fn groups_into(&self, buf: &[u8], fail: &mut Fail) {
        let set = |slot: &mut Option<String>, i: usize| {
            if i != 0 {
                *slot = self.text(buf, i);
            }
        };
        set(&mut fail.ip4, self.idx.ip4);
        set(&mut fail.ip6, self.idx.ip6);
        set(&mut fail.dns, self.idx.dns);
        set(&mut fail.fid, self.idx.fid);
        set(&mut fail.cidr, self.idx.cidr);
        set(&mut fail.user, self.idx.user);
        set(&mut fail.mlfid, self.idx.mlfid);
        set(&mut fail.nofail, self.idx.nofail);
        set(&mut fail.mlfgained, self.idx.mlfgained);
        set(&mut fail.mlfforget, self.idx.mlfforget);
        if self.idx.alt_user != 0
            && !truthy(&fail.user)
            && let Some(alt) = self.text(buf, self.idx.alt_user).filter(|a| !a.is_empty())
        {
            fail.user = Some(alt);
        }
    }
}

fn truthy(v: &Option<String>) -> bool {
    v.as_ref().is_some_and(|s| !s.is_empty())
}

/// What fail2ban keeps of a failure (its `fail` dict).
#[derive(Debug, Clone, Default)]
struct Fail {
    ip4: Option<String>,
    ip6: Option<String>,
    dns: Option<String>,
    fid: Option<String>,
    cidr: Option<String>,
    user: Option<String>,
    mlfid: Option<String>,
    nofail: Option<String>,
    mlfgained: Option<String>,
    mlfforget: Option<String>,
    users: Option<BTreeSet<String>>,
    mlfpending: bool,
    matches: u32,
    nofail_matches: u32,
}

impl Fail {
    fn overlay(&mut self, other: &Fail) {
        let put = |a: &mut Option<String>, b: &Option<String>| {
            if b.is_some() {
                a.clone_from(b);
            }
        };
        put(&mut self.ip4, &other.ip4);
        put(&mut self.ip6, &other.ip6);
        put(&mut self.dns, &other.dns);
        put(&mut self.fid, &other.fid);
        put(&mut self.cidr, &other.cidr);
        put(&mut self.user, &other.user);
        put(&mut self.mlfid, &other.mlfid);
        put(&mut self.nofail, &other.nofail);
        put(&mut self.mlfgained, &other.mlfgained);
    }

    fn update_users(&mut self, user: &Option<String>) -> usize {
        if let Some(u) = user.as_ref().filter(|u| !u.is_empty()) {
            self.users
                .get_or_insert_with(BTreeSet::new)
                .insert(u.clone());
        }
        self.users.as_ref().map_or(0, BTreeSet::len)
    }
}

/// A failure a line produced.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    /// The failure id as fail2ban reports it (the host group's raw text).
    pub host: String,
    /// The address to record: `host` parsed as an IP address (or network,
    /// with `<SUBNET>`'s cidr), normalised; None for names and garbage.
    pub addr: Option<Net>,
    pub user: Option<String>,
    /// The line's time (Unix seconds) when its date could be read.
    pub time: Option<i64>,
    /// Lines fail2ban counts for this failure (multi-line merges).
    pub attempts: u32,
}

/// Parses a host group's text as an address: IPv4 (dotted quad, no
/// leading zeros), IPv6 (IPv4-mapped ones become IPv4), optionally with a
/// prefix length.
pub fn parse_addr(host: &str, cidr: Option<&str>) -> Option<Net> {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    let ip: IpAddr = match host.parse::<IpAddr>().ok()? {
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => IpAddr::V6(v6),
        },
        v4 => v4,
    };
    let text = match cidr {
        Some(c) => format!("{ip}/{c}"),
        None => ip.to_string(),
    };
    text.parse::<Net>().ok()
}

/// Where a filter comes from: a name in a filter directory or a path, with
/// options (`sshd[mode=aggressive]`).
#[derive(Debug, Clone)]
pub struct FilterSpec {
    pub path: PathBuf,
    pub options: HashMap<String, String>,
}

impl FilterSpec {
    /// `NAME`, `NAME[key=value,...]` or a path to a `.conf`.
    pub fn parse(text: &str, dir: &Path) -> Result<FilterSpec, String> {
        let (name, opts) = match text.split_once('[') {
            Some((n, rest)) => {
                let inner = rest
                    .strip_suffix(']')
                    .ok_or_else(|| format!("--filter {text:?}: expected NAME[key=value,...]"))?;
                (n, inner)
            }
            None => (text, ""),
        };
        let mut options = HashMap::new();
        for kv in opts.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let (k, v) = kv
                .split_once('=')
                .ok_or_else(|| format!("--filter {text:?}: option {kv:?} is not key=value"))?;
            options.insert(
                k.trim().to_ascii_lowercase(),
                v.trim().trim_matches('"').to_owned(),
            );
        }
        let path = if name.contains('/') || name.ends_with(".conf") {
            PathBuf::from(name)
        } else if name.is_empty() {
            return Err("--filter: empty name".into());
        } else {
            dir.join(format!("{name}.conf"))
        };
        Ok(FilterSpec { path, options })
    }
}

/// A compiled filter and its multi-line state.
pub struct Filter {
    pub path: PathBuf,
    pub files: Vec<PathBuf>,
    date: Option<DateDetector>,
    pref: Option<Compiled>,
    fail: Vec<Compiled>,
    ignore: Vec<Compiled>,
    maxlines: usize,
    lines: VecDeque<Vec<u8>>,
    buf: Vec<u8>,
    content: Vec<u8>,
    cache: HashMap<String, (u64, Fail)>,
    tick: u64,
}

/// How many multi-line failure ids are remembered (fail2ban: 100 for 5
/// minutes; a busy server has more connections in flight).
const MLFID_CACHE: usize = 10_000;

impl Filter {
    /// Loads and compiles the filter. `now`/`local_offset` fix the clock for
    /// dates without a year or zone.
    pub fn load(spec: &FilterSpec, now: i64, local_offset: i64) -> Result<Filter, WatchError> {
        let ini = Ini::load(&spec.path)?;
        let bad = |reason: String| WatchError::Filter {
            path: spec.path.clone(),
            reason,
        };
        let vars = &spec.options;
        let get = |k: &str| ini.definition(k, vars).map_err(bad);
        let maxlines: usize = match get("maxlines")? {
            Some(v) if !v.trim().is_empty() => v
                .trim()
                .parse()
                .map_err(|_| bad(format!("maxlines {v:?}: expected a number")))?,
            _ => 1,
        }
        .max(1);
        let multiline = maxlines > 1;
        let regexes = |k: &str, what: &str| -> Result<Vec<Compiled>, WatchError> {
            let text = get(k)?.unwrap_or_default();
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(|l| Compiled::new(l, multiline, what).map_err(bad))
                .collect()
        };
        let fail = regexes("failregex", "failregex")?;
        if fail.is_empty() {
            return Err(bad("no failregex".into()));
        }
        let ignore = regexes("ignoreregex", "ignoreregex")?;
        let pref = match get("prefregex")? {
            Some(p) if !p.trim().is_empty() => {
                Some(Compiled::new(p.trim(), multiline, "prefregex").map_err(bad)?)
            }
            _ => None,
        };
        let has_id =
            |c: &Compiled| c.idx.ip4 + c.idx.ip6 + c.idx.dns + c.idx.fid + c.idx.mlfid != 0;
        if !pref.as_ref().is_some_and(has_id)
            && let Some(c) = fail.iter().find(|c| !has_id(c))
        {
            return Err(bad(format!(
                "failregex {:?} has no <HOST> (or other failure id)",
                c.source
            )));
        }
        // A journal's lines carry no date: the journal gives the time.
        let journal = ini
            .substitute_tags("<logtype>", vars)
            .is_ok_and(|t| t == "journal");
        let date = if journal {
            None
        } else {
            let pattern = get("datepattern")?;
            Some(DateDetector::new(pattern.as_deref(), now, local_offset).map_err(bad)?)
        };
        Ok(Filter {
            path: spec.path.clone(),
            files: ini.files().to_vec(),
            date,
            pref,
            fail,
            ignore,
            maxlines,
            lines: VecDeque::new(),
            buf: Vec::with_capacity(512),
            content: Vec::with_capacity(512),
            cache: HashMap::new(),
            tick: 0,
        })
    }

    /// The compiled failregexes (as PCRE2 source).
    pub fn failregexes(&self) -> Vec<&str> {
        self.fail.iter().map(|c| c.source.as_str()).collect()
    }

    /// Looks at one line (without its newline): the failure it reports, if
    /// any.
    pub fn process(&mut self, line: &[u8]) -> Option<Failure> {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let mut time = None;
        self.buf.clear();
        match self.date.as_mut().and_then(|d| d.find(line)) {
            Some(found) => {
                time = found.time;
                self.buf.extend_from_slice(&line[..found.start]);
                self.buf.extend_from_slice(&line[found.end..]);
            }
            None => self.buf.extend_from_slice(line),
        }
        if self.maxlines > 1 {
            self.lines.push_back(std::mem::take(&mut self.buf));
            while self.lines.len() > self.maxlines {
                self.lines.pop_front();
            }
            self.buf = join(&self.lines);
        } else {
            self.buf.push(b'\n');
        }
        if !self.ignore.is_empty() && self.ignore.len() + 2 < self.fail.len() && self.ignored() {
            return None;
        }
        let mut pre = Fail::default();
        if let Some(p) = self.pref.as_mut() {
            if !p.search(&self.buf) {
                return None;
            }
            p.groups_into(&self.buf, &mut pre);
            if let Some((s, e)) = (p.idx.content != 0)
                .then(|| p.locs.get(p.idx.content))
                .flatten()
                && e > s
            {
                self.content.clear();
                self.content.extend_from_slice(&self.buf[s..e]);
                self.content.push(b'\n');
                std::mem::swap(&mut self.buf, &mut self.content);
                if self.maxlines > 1 {
                    self.lines.clear();
                    self.lines
                        .push_back(self.buf[..self.buf.len() - 1].to_vec());
                }
            }
        }
        for i in 0..self.fail.len() {
            if !self.fail[i].search(&self.buf) {
                continue;
            }
            if !self.ignore.is_empty() && self.ignored() {
                return None;
            }
            if self.maxlines > 1 {
                self.drop_matched(i);
            }
            let mut fail = pre.clone();
            self.fail[i].groups_into(&self.buf, &mut fail);
            let mut store = None;
            if let Some(mlfid) = fail.mlfid.clone() {
                let (merged, keep) = self.merge(&mlfid, fail);
                fail = merged;
                if keep {
                    store = Some(mlfid);
                }
            } else {
                fail.matches += 1;
            }
            let nofail = truthy(&fail.nofail);
            let host = fail
                .ip4
                .clone()
                .or_else(|| fail.ip6.clone())
                .or_else(|| fail.dns.clone())
                .or_else(|| fail.fid.clone());
            if host.is_none() && !nofail {
                fail.mlfpending = true;
            }
            let result = match (&host, nofail) {
                (Some(h), false) => {
                    let addr = if fail.ip4.is_some() || fail.ip6.is_some() {
                        parse_addr(h, fail.cidr.as_deref())
                    } else {
                        None
                    };
                    Some(Failure {
                        host: fail.fid.clone().unwrap_or_else(|| h.clone()),
                        addr,
                        user: fail.user.clone(),
                        time,
                        attempts: fail.matches,
                    })
                }
                _ => None,
            };
            if let Some(id) = store {
                self.remember(id, fail);
            }
            return result;
        }
        None
    }

    fn ignored(&mut self) -> bool {
        let buf = &self.buf;
        self.ignore.iter_mut().any(|r| r.search(buf))
    }

    /// Multi-line: the lines a match used leave the buffer.
    fn drop_matched(&mut self, i: usize) {
        let Some((s, e)) = self.fail[i].locs.get(0) else {
            return;
        };
        let first = self.buf[..s].iter().filter(|&&b| b == b'\n').count();
        let last = self.buf[..e.max(s + 1).min(self.buf.len())]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        let kept: VecDeque<Vec<u8>> = self
            .lines
            .drain(..)
            .enumerate()
            .filter(|(n, _)| *n < first || *n > last.max(first))
            .map(|(_, l)| l)
            .collect();
        self.lines = kept;
    }

    fn remember(&mut self, id: String, fail: Fail) {
        self.tick += 1;
        if self.cache.len() >= MLFID_CACHE {
            let cut = self.tick.saturating_sub(MLFID_CACHE as u64 / 2);
            self.cache.retain(|_, (t, _)| *t >= cut);
        }
        self.cache.insert(id, (self.tick, fail));
    }

    /// fail2ban's `_mergeFailure`: returns the merged failure and whether
    /// it stays cached under its id.
    fn merge(&mut self, mlfid: &str, mut fail: Fail) -> (Fail, bool) {
        let mut fl = 0u8;
        if truthy(&fail.mlfgained) {
            fl |= 8 | 1;
            if !truthy(&fail.nofail) {
                fail.nofail.clone_from(&fail.mlfgained);
            }
        } else if truthy(&fail.nofail) {
            fl |= 1;
        }
        if truthy(&fail.mlfforget.take()) {
            fl |= 2;
        }
        let users;
        let keep;
        if let Some((_, mut c)) = self.cache.remove(mlfid) {
            users = c.update_users(&fail.user);
            if truthy(&c.nofail.take()) {
                fl |= 4;
            }
            if truthy(&c.mlfgained.take()) {
                fl |= 4;
            }
            if fl & 8 != 0 {
                c.mlfpending = false;
            }
            if fl & 4 == 0 && !c.mlfpending {
                c.matches = 0;
            }
            c.overlay(&fail);
            fail = c;
            keep = fl & 2 == 0;
        } else if fl & 2 == 0 {
            let user = fail.user.clone();
            users = fail.update_users(&user);
            keep = true;
        } else {
            users = fail.users.as_ref().map_or(0, BTreeSet::len);
            keep = false;
        }
        if std::mem::take(&mut fail.mlfpending) || users > 1 {
            fail.nofail = None;
            fail.mlfgained = None;
            fl &= !(8 | 1);
        }
        if fl & 1 == 0 {
            let gained = u32::from(fl & 8 == 0);
            fail.matches = std::mem::take(&mut fail.nofail_matches) + fail.matches + gained;
        } else if fl & 3 == 1 {
            fail.nofail_matches += 1;
        }
        (fail, keep)
    }
}

fn join(lines: &VecDeque<Vec<u8>>) -> Vec<u8> {
    let mut out = Vec::with_capacity(lines.iter().map(|l| l.len() + 1).sum());
    for (i, l) in lines.iter().enumerate() {
        if i > 0 {
            out.push(b'\n');
        }
        out.extend_from_slice(l);
    }
    out.push(b'\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_become_groups() {
        let r = resolve_tags("^<F-USER>.*</F-USER> from <HOST>$").unwrap();
        assert!(r.starts_with("^(?P<user>.*) from (?:"));
        assert!(r.contains("(?P<ip4>") && r.contains("(?P<dns>"));
        // An unopened closing tag stays as text, as fail2ban leaves it.
        assert_eq!(resolve_tags("a</F-X>b{,3}").unwrap(), "a</F-X>b{0,3}");
        assert!(resolve_tags("<SKIPLINES>").is_err());
    }

    #[test]
    fn addresses_are_strict() {
        assert_eq!(parse_addr("1.2.3.4", None).unwrap().to_string(), "1.2.3.4");
        assert_eq!(
            parse_addr("::ffff:1.2.3.4", None).unwrap().to_string(),
            "1.2.3.4"
        );
        assert_eq!(
            parse_addr("AAAA:bbbb:cccc:1234:0:0:1:1", None)
                .unwrap()
                .to_string(),
            "aaaa:bbbb:cccc:1234::1:1"
        );
        assert!(parse_addr("192.030.0.6", None).is_none());
        assert!(parse_addr("example.com", None).is_none());
        assert!(parse_addr("1.2.3.400", None).is_none());
        assert_eq!(
            parse_addr("10.1.2.0", Some("24")).unwrap().to_string(),
            "10.1.2.0/24"
        );
    }

    #[test]
    fn spec_names_paths_and_options() {
        let s = FilterSpec::parse("sshd[mode=aggressive, publickey=any]", Path::new("/f")).unwrap();
        assert_eq!(s.path, Path::new("/f/sshd.conf"));
        assert_eq!(s.options["mode"], "aggressive");
        assert_eq!(s.options["publickey"], "any");
        assert_eq!(
            FilterSpec::parse("./x.conf", Path::new("/f")).unwrap().path,
            Path::new("./x.conf")
        );
        assert!(FilterSpec::parse("sshd[mode", Path::new("/f")).is_err());
    }

    fn write_filter(dir: &Path, text: &str) -> FilterSpec {
        let p = dir.join("t.conf");
        std::fs::write(&p, text).unwrap();
        FilterSpec {
            path: p,
            options: HashMap::new(),
        }
    }

    #[test]
    fn a_user_name_is_never_the_host() {
        let dir = std::env::temp_dir().join(format!("omni-filter-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let spec = write_filter(
            &dir,
            "[Definition]\nfailregex = ^Invalid user <F-USER>.*?</F-USER> from <HOST>\\s*$\n\
             ignoreregex = from 10\\.9\\.\n",
        );
        let mut f = Filter::load(&spec, 0, 0).unwrap();
        let got = f.process(b"Invalid user 6.6.6.6 from 1.2.3.4").unwrap();
        assert_eq!(got.host, "1.2.3.4");
        assert_eq!(got.user.as_deref(), Some("6.6.6.6"));
        assert!(f.process(b"Invalid user x from 10.9.0.1").is_none());
        assert!(f.process(b"Valid user x from 1.2.3.4").is_none());
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn multi_line_buffers() {
        let dir = std::env::temp_dir().join(format!("omni-filter-ml-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let spec = write_filter(
            &dir,
            "[Definition]\nfailregex = ^auth start\\n.*fail from <HOST>$\nmaxlines = 2\ndatepattern = {NONE}\n",
        );
        let mut f = Filter::load(&spec, 0, 0).unwrap();
        assert!(f.process(b"auth start").is_none());
        assert_eq!(f.process(b"x fail from 9.9.9.9").unwrap().host, "9.9.9.9");
        // The matched lines are consumed.
        assert!(f.process(b"y fail from 9.9.9.9").is_none());
        std::fs::remove_dir_all(&dir).ok();
    }
}
