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

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::path::{Path, PathBuf};

use pcre2::bytes::{CaptureLocations, Regex, RegexBuilder};

use super::WatchError;
use super::conf::Ini;
use super::date::DateDetector;
use crate::systems::ledger::event::Net;

const IP4_RE: &str = r"(?:\d{1,3}\.){3}\d{1,3}";
const IP6_RE: &str = r"(?:[0-9a-fA-F]{1,4}::?|::){1,7}(?:[0-9a-fA-F]{1,4}|(?<=:):)";

fn r_ip4() -> String {
    format!("(?:::f{{4,6}}:)?(?P<ip4>{IP4_RE})")
}
fn r_ip6() -> String {
    format!("(?P<ip6>{IP6_RE})")
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

/// The groups a failure keeps (fail2ban's `fail` dict keys), as slots.
const IP4: usize = 0;
const IP6: usize = 1;
const DNS: usize = 2;
const FID: usize = 3;
const CIDR: usize = 4;
const USER: usize = 5;
const MLFID: usize = 6;
const NOFAIL: usize = 7;
const MLFGAINED: usize = 8;
const MLFFORGET: usize = 9;
const SLOTS: usize = 10;
/// The group name of each slot.
const SLOT_NAMES: [&str; SLOTS] = [
    "ip4",
    "ip6",
    "dns",
    "fid",
    "cidr",
    "user",
    "mlfid",
    "nofail",
    "mlfgained",
    "mlfforget",
];

/// Group indices a compiled regex has (0: absent).
#[derive(Default, Clone, Copy)]
struct Idx {
    slot: [usize; SLOTS],
    alt_user: usize,
    content: usize,
}

impl Idx {
    /// The indices of the groups named in `names[range]` (a whole regex, or
    /// one branch of the combined failregex).
    fn of(names: &[Option<String>], range: std::ops::Range<usize>) -> Idx {
        let find = |n: &str| {
            names[range.clone()]
                .iter()
                .position(|x| x.as_deref() == Some(n))
                .map_or(0, |p| p + range.start)
        };
        Idx {
            slot: SLOT_NAMES.map(find),
            alt_user: find("alt_user"),
            content: find("content"),
        }
    }

    fn has_id(&self) -> bool {
        [IP4, IP6, DNS, FID, MLFID]
            .iter()
            .any(|&s| self.slot[s] != 0)
    }
}

struct Compiled {
    re: Regex,
    locs: CaptureLocations,
    idx: Idx,
    source: String,
}

fn build(source: &str, multiline: bool) -> Result<Regex, pcre2::Error> {
    RegexBuilder::new()
        .jit_if_available(true)
        .multi_line(multiline)
        .build(source)
}

impl Compiled {
    fn new(text: &str, multiline: bool, what: &str) -> Result<Compiled, String> {
        let source = resolve_tags(text).map_err(|e| format!("{what} {text:?}: {e}"))?;
        let re = build(&source, multiline).map_err(|e| format!("{what} {text:?}: {e}"))?;
        let names = re.capture_names();
        let idx = Idx::of(names, 0..names.len());
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
}

/// Overlays a match's groups on `fail` (a group the regex has but that did
/// not take part clears the value, as Python's dict update).
fn groups_into(locs: &CaptureLocations, idx: &Idx, buf: &[u8], fail: &mut Fail) {
    let text = |i: usize| {
        locs.get(i)
            .map(|(s, e)| String::from_utf8_lossy(&buf[s..e]))
    };
    for (slot, &i) in idx.slot.iter().enumerate() {
        if i != 0 {
            fail.set(slot, text(i).as_deref());
        }
    }
    if idx.alt_user != 0
        && !fail.truthy(USER)
        && let Some(alt) = text(idx.alt_user).filter(|a| !a.is_empty())
    {
        fail.set(USER, Some(&alt));
    }
}

/// The distinct non-empty user names a multi-line failure saw: only
/// whether there were several matters.
#[derive(Debug, Clone, Copy, Default)]
enum Users {
    #[default]
    None,
    /// One, at this range of the failure's text.
    One(u32, u32),
    Many,
}

/// What fail2ban keeps of a failure (its `fail` dict). The group texts
/// live in one string (`text`, append-only between compactions); a slot
/// holds the range of its value. Reused across lines, it allocates only
/// when a failure is cached under its multi-line id.
#[derive(Debug, Clone, Default)]
struct Fail {
    text: String,
    slot: [Option<(u32, u32)>; SLOTS],
    users: Users,
    mlfpending: bool,
    matches: u32,
    nofail_matches: u32,
}

impl Fail {
    fn get(&self, slot: usize) -> Option<&str> {
        self.slot[slot].map(|(s, e)| &self.text[s as usize..e as usize])
    }

    fn truthy(&self, slot: usize) -> bool {
        self.slot[slot].is_some_and(|(s, e)| e > s)
    }

    fn push(&mut self, v: &str) -> (u32, u32) {
        let s = self.text.len();
        self.text.push_str(v);
        (s as u32, self.text.len() as u32)
    }

    fn set(&mut self, slot: usize, v: Option<&str>) {
        self.slot[slot] = v.map(|v| self.push(v));
    }

    /// Clears the slot; whether its value was truthy.
    fn take(&mut self, slot: usize) -> bool {
        let t = self.truthy(slot);
        self.slot[slot] = None;
        t
    }

    /// Becomes a copy of `other`, keeping this one's allocation.
    fn copy_from(&mut self, other: &Fail) {
        self.text.clear();
        self.text.push_str(&other.text);
        self.slot = other.slot;
        self.users = other.users;
        self.mlfpending = other.mlfpending;
        self.matches = other.matches;
        self.nofail_matches = other.nofail_matches;
    }

    fn clear(&mut self) {
        self.text.clear();
        self.slot = [None; SLOTS];
        self.users = Users::None;
        self.mlfpending = false;
        self.matches = 0;
        self.nofail_matches = 0;
    }

    /// `other`'s values (those it has) replace this one's.
    fn overlay(&mut self, other: &Fail) {
        for slot in [IP4, IP6, DNS, FID, CIDR, USER, MLFID, NOFAIL, MLFGAINED] {
            if let Some(v) = other.get(slot) {
                self.slot[slot] = Some(self.push(v));
            }
        }
        self.compact();
    }

    /// Adds a user name; how many distinct ones there are (2: several).
    fn update_users(&mut self, user: Option<&str>) -> usize {
        if let Some(u) = user.filter(|u| !u.is_empty()) {
            self.users = match self.users {
                Users::None => {
                    let (s, e) = self.push(u);
                    Users::One(s, e)
                }
                Users::One(s, e) if &self.text[s as usize..e as usize] == u => Users::One(s, e),
                _ => Users::Many,
            };
        }
        self.user_count()
    }

    fn user_count(&self) -> usize {
        match self.users {
            Users::None => 0,
            Users::One(..) => 1,
            Users::Many => 2,
        }
    }

    /// A cached failure overlaid line after line keeps its text small.
    fn compact(&mut self) {
        if self.text.len() < 1024 {
            return;
        }
        let old = std::mem::take(&mut self.text);
        let mut copy = |r: (u32, u32)| {
            let s = self.text.len() as u32;
            self.text.push_str(&old[r.0 as usize..r.1 as usize]);
            (s, self.text.len() as u32)
        };
        let mut slot = self.slot;
        for r in slot.iter_mut().flatten() {
            *r = copy(*r);
        }
        let users = match self.users {
            Users::One(s, e) => {
                let (s, e) = copy((s, e));
                Users::One(s, e)
            }
            u => u,
        };
        self.slot = slot;
        self.users = users;
    }
}

/// A failure a line produced (borrowed from the filter until its next
/// line).
#[derive(Debug, Clone, PartialEq)]
pub struct Failure<'a> {
    /// The failure id as fail2ban reports it (the host group's raw text).
    pub host: &'a str,
    /// The address to record: `host` parsed as an IP address (or network,
    /// with `<SUBNET>`'s cidr), normalised; None for names and garbage.
    pub addr: Option<Net>,
    pub user: Option<&'a str>,
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
    match cidr {
        // A single address: what `Net`'s parser makes of its text.
        None => Some(Net {
            addr: ip,
            prefix: if ip.is_ipv4() { 32 } else { 128 },
        }),
        Some(c) => format!("{ip}/{c}").parse::<Net>().ok(),
    }
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

/// All failregexes as one PCRE2 pattern,
/// `(?J)(?:(?:re0)(?<_ob0>))|(?:(?:re1)(?<_ob1>))|…`: one search tells
/// whether any failregex matches a line, which branch did (its empty marker
/// group is set) and that branch's groups, instead of one search per
/// failregex.
///
/// NB: the branch found is the first failregex matching at the leftmost
/// position any of them matches at, with the groups that failregex alone
/// would give. fail2ban takes the first failregex in order that matches
/// anywhere: an earlier failregex can only differ when it is not anchored
/// at the start (it may match further right), so those are tried alone
/// first (see [`Filter::process`]).
struct Dispatch {
    re: Regex,
    locs: CaptureLocations,
    /// Per failregex: its marker's capture index and its groups' indices.
    branches: Vec<(usize, Idx)>,
    /// Per failregex: whether it can only match at the subject's start.
    anchored: Vec<bool>,
}

impl Dispatch {
    /// None when a failregex uses what does not survive being one branch
    /// of a bigger pattern (numbered references, subroutine calls, verbs),
    /// or when the pattern cannot be JIT-compiled: then each failregex is
    /// searched in turn.
    fn new(fail: &[Compiled]) -> Option<Dispatch> {
        if fail.len() < 2 || !fail.iter().all(|c| combinable(&c.source)) {
            return None;
        }
        let marker = |i: usize| format!("_ob{i}");
        if fail.iter().any(|c| {
            c.re.capture_names()
                .iter()
                .flatten()
                .any(|n| n.starts_with("_ob"))
        }) {
            return None;
        }
        let mut source = String::from("(?J)");
        for (i, c) in fail.iter().enumerate() {
            if i > 0 {
                source.push('|');
            }
            // The marker ends the branch: a group first would hide the
            // branch's `^` from PCRE2, which then tries every start
            // position instead of anchoring the search.
            source.push_str(&format!("(?:(?:{})(?<{}>))", c.source, marker(i)));
        }
        let re = RegexBuilder::new().jit(true).build(&source).ok()?;
        let names = re.capture_names();
        let marks: Vec<usize> = (0..fail.len())
            .map(|i| {
                let m = marker(i);
                names.iter().position(|n| n.as_deref() == Some(m.as_str()))
            })
            .collect::<Option<_>>()?;
        let branches = marks
            .iter()
            .enumerate()
            .map(|(i, &m)| {
                let start = if i == 0 { 1 } else { marks[i - 1] + 1 };
                (m, Idx::of(names, start..m))
            })
            .collect();
        let anchored = fail.iter().map(|c| anchored(&c.source)).collect();
        let locs = re.capture_locations();
        Some(Dispatch {
            re,
            locs,
            branches,
            anchored,
        })
    }
}

/// Whether a (single-line) regex can be one branch of a combined pattern
/// and keep its meaning: no numbered back references or conditions (the
/// numbers would shift), no subroutine calls or recursion, no backtracking
/// verbs, no `\Q…\E` (too much to scan), no extended mode. Conservative:
/// refusing costs speed only.
fn combinable(re: &str) -> bool {
    let b = re.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' => {
                if let Some(b'1'..=b'9' | b'g' | b'Q' | b'E') = b.get(i + 1) {
                    return false;
                }
                i += 2;
                continue;
            }
            b'(' => match (b.get(i + 1), b.get(i + 2), b.get(i + 3)) {
                (Some(b'*'), ..) => return false,
                (
                    Some(b'?'),
                    Some(b'0'..=b'9' | b'+' | b'-' | b'R' | b'&' | b'x' | b'#' | b'^'),
                    _,
                ) => {
                    return false;
                }
                (Some(b'?'), Some(b'P'), Some(b'>')) => return false,
                (Some(b'?'), Some(b'('), Some(b'0'..=b'9' | b'+' | b'-' | b'R')) => {
                    return false;
                }
                (Some(b'?'), Some(c), _) if c.is_ascii_alphabetic() => {
                    // Inline options: extended mode changes how the rest
                    // reads.
                    let opts = &b[i + 2..];
                    let end = opts
                        .iter()
                        .position(|&c| c == b')' || c == b':')
                        .unwrap_or(opts.len());
                    if opts[..end].contains(&b'x') && !opts.starts_with(b"P<") {
                        return false;
                    }
                }
                _ => {}
            },
            _ => {}
        }
        i += 1;
    }
    true
}

/// Whether a regex starts with `^` and has no alternative at its top level
/// (outside groups and classes): without multi-line mode it then matches
/// at the subject's start or not at all.
fn anchored(re: &str) -> bool {
    let b = re.as_bytes();
    if b.first() != Some(&b'^') {
        return false;
    }
    let mut depth = 0usize;
    let mut i = 1;
    while i < b.len() {
        match b[i] {
            b'\\' => i += 1,
            b'[' => {
                // A class: `]` right after `[` or `[^` is literal; an escape
                // skips a character; POSIX `[:name:]` nests.
                i += 1;
                if b.get(i) == Some(&b'^') {
                    i += 1;
                }
                if b.get(i) == Some(&b']') {
                    i += 1;
                }
                while i < b.len() && b[i] != b']' {
                    if b[i] == b'\\' {
                        i += 1;
                    } else if b[i] == b'[' && b.get(i + 1) == Some(&b':') {
                        match b[i + 2..].windows(2).position(|w| w == b":]") {
                            Some(p) => i += p + 3,
                            None => return false,
                        }
                    }
                    i += 1;
                }
            }
            b'(' => depth += 1,
            b')' => depth = depth.saturating_sub(1),
            b'|' if depth == 0 => return false,
            _ => {}
        }
        i += 1;
    }
    true
}

/// A compiled filter and its multi-line state.
pub struct Filter {
    pub path: PathBuf,
    pub files: Vec<PathBuf>,
    date: Option<DateDetector>,
    pref: Option<Compiled>,
    fail: Vec<Compiled>,
    dispatch: Option<Dispatch>,
    ignore: Vec<Compiled>,
    maxlines: usize,
    lines: VecDeque<Vec<u8>>,
    buf: Vec<u8>,
    content: Vec<u8>,
    cache: HashMap<String, (u64, Fail)>,
    tick: u64,
    /// The prefregex's groups, this line's failure, and what the last
    /// failure handed out borrows: reused from line to line.
    pre: Fail,
    spare: Fail,
    host: String,
    user: String,
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
        if !pref.as_ref().is_some_and(|c| c.idx.has_id())
            && let Some(c) = fail.iter().find(|c| !c.idx.has_id())
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
        // Multi-line buffers need each failregex's own match (the lines it
        // used leave the buffer).
        let dispatch = if multiline {
            None
        } else {
            Dispatch::new(&fail)
        };
        Ok(Filter {
            path: spec.path.clone(),
            files: ini.files().to_vec(),
            date,
            pref,
            fail,
            dispatch,
            ignore,
            maxlines,
            lines: VecDeque::new(),
            buf: Vec::with_capacity(512),
            content: Vec::with_capacity(512),
            cache: HashMap::new(),
            tick: 0,
            pre: Fail::default(),
            spare: Fail::default(),
            host: String::new(),
            user: String::new(),
        })
    }

    /// The compiled failregexes (as PCRE2 source).
    pub fn failregexes(&self) -> Vec<&str> {
        self.fail.iter().map(|c| c.source.as_str()).collect()
    }

    /// Whether the failregexes are searched as one combined pattern.
    pub fn combined(&self) -> bool {
        self.dispatch.is_some()
    }

    /// Searches each failregex in turn, as without the combined pattern
    /// (tests compare both).
    #[doc(hidden)]
    pub fn uncombined(mut self) -> Filter {
        self.dispatch = None;
        self
    }

    /// The first failregex (in order) matching `self.buf`, and whether its
    /// groups are in the combined pattern's capture locations.
    fn first_match(&mut self) -> Option<(usize, bool)> {
        if let Some(d) = self.dispatch.as_mut() {
            match d.re.captures_read(&mut d.locs, &self.buf) {
                Ok(None) => return None,
                Ok(Some(_)) => {
                    if let Some(b) = d
                        .branches
                        .iter()
                        .position(|&(m, _)| d.locs.get(m).is_some())
                    {
                        // An earlier failregex that is not anchored may
                        // match further right: fail2ban would take it.
                        let earlier =
                            (0..b).find(|&i| !d.anchored[i] && self.fail[i].search(&self.buf));
                        return Some(earlier.map_or((b, true), |i| (i, false)));
                    }
                }
                // A resource limit: search them one by one.
                Err(_) => {}
            }
        }
        (0..self.fail.len())
            .find(|&i| self.fail[i].search(&self.buf))
            .map(|i| (i, false))
    }

    /// Looks at one line (without its newline): the failure it reports, if
    /// any.
    pub fn process(&mut self, line: &[u8]) -> Option<Failure<'_>> {
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
        self.pre.clear();
        if let Some(p) = self.pref.as_mut() {
            if !p.search(&self.buf) {
                return None;
            }
            groups_into(&p.locs, &p.idx, &self.buf, &mut self.pre);
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
        let (i, combined) = self.first_match()?;
        if !self.ignore.is_empty() && self.ignored() {
            return None;
        }
        if self.maxlines > 1 {
            self.drop_matched(i);
        }
        let mut fail = std::mem::take(&mut self.spare);
        fail.copy_from(&self.pre);
        match self.dispatch.as_ref().filter(|_| combined) {
            Some(d) => groups_into(&d.locs, &d.branches[i].1, &self.buf, &mut fail),
            None => groups_into(&self.fail[i].locs, &self.fail[i].idx, &self.buf, &mut fail),
        }
        let mut key = None;
        if let Some(mlfid) = fail.get(MLFID) {
            let cached = self.cache.remove_entry(mlfid);
            let (k, cached) = match cached {
                Some((k, (_, c))) => (Some(k), Some(c)),
                None => (None, None),
            };
            let (merged, keep, spare) = merge(fail, cached);
            if let Some(s) = spare {
                self.spare = s;
            }
            fail = merged;
            if keep {
                key = Some(k.unwrap_or_else(|| fail.get(MLFID).unwrap_or_default().to_owned()));
            }
        } else {
            fail.matches += 1;
        }
        let nofail = fail.truthy(NOFAIL);
        let host = [IP4, IP6, DNS, FID]
            .into_iter()
            .find(|&s| fail.slot[s].is_some());
        if host.is_none() && !nofail {
            fail.mlfpending = true;
        }
        let result = match host.and_then(|s| fail.get(s)) {
            Some(h) if !nofail => {
                let addr = if fail.slot[IP4].is_some() || fail.slot[IP6].is_some() {
                    parse_addr(h, fail.get(CIDR))
                } else {
                    None
                };
                self.host.clear();
                self.host.push_str(fail.get(FID).unwrap_or(h));
                let user = fail.get(USER).map(|u| {
                    self.user.clear();
                    self.user.push_str(u);
                });
                Some((addr, user.is_some(), fail.matches))
            }
            _ => None,
        };
        match key {
            Some(id) => self.remember(id, fail),
            None => self.spare = fail,
        }
        result.map(|(addr, user, attempts)| Failure {
            host: &self.host,
            addr,
            user: user.then_some(self.user.as_str()),
            time,
            attempts,
        })
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
}

/// fail2ban's `_mergeFailure` of this line's failure with the one cached
/// under its id: the merged failure, whether it stays cached under its id,
/// and an allocation to reuse.
fn merge(mut fail: Fail, cached: Option<Fail>) -> (Fail, bool, Option<Fail>) {
    let mut fl = 0u8;
    if fail.truthy(MLFGAINED) {
        fl |= 8 | 1;
        if !fail.truthy(NOFAIL) {
            fail.slot[NOFAIL] = fail.slot[MLFGAINED];
        }
    } else if fail.truthy(NOFAIL) {
        fl |= 1;
    }
    if fail.take(MLFFORGET) {
        fl |= 2;
    }
    let users;
    let keep;
    let mut spare = None;
    if let Some(mut c) = cached {
        users = c.update_users(fail.get(USER));
        if c.take(NOFAIL) {
            fl |= 4;
        }
        if c.take(MLFGAINED) {
            fl |= 4;
        }
        if fl & 8 != 0 {
            c.mlfpending = false;
        }
        if fl & 4 == 0 && !c.mlfpending {
            c.matches = 0;
        }
        c.overlay(&fail);
        spare = Some(std::mem::replace(&mut fail, c));
        keep = fl & 2 == 0;
    } else if fl & 2 == 0 {
        let user = fail.slot[USER];
        users = match user {
            Some((s, e)) if e > s => {
                // The user is already in this failure's text.
                fail.users = Users::One(s, e);
                1
            }
            _ => fail.user_count(),
        };
        keep = true;
    } else {
        users = fail.user_count();
        keep = false;
    }
    if std::mem::take(&mut fail.mlfpending) || users > 1 {
        fail.slot[NOFAIL] = None;
        fail.slot[MLFGAINED] = None;
        fl &= !(8 | 1);
    }
    if fl & 1 == 0 {
        let gained = u32::from(fl & 8 == 0);
        fail.matches = std::mem::take(&mut fail.nofail_matches) + fail.matches + gained;
    } else if fl & 3 == 1 {
        fail.nofail_matches += 1;
    }
    (fail, keep, spare)
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
        assert_eq!(got.user, Some("6.6.6.6"));
        assert!(f.process(b"Invalid user x from 10.9.0.1").is_none());
        assert!(f.process(b"Valid user x from 1.2.3.4").is_none());
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn combining_is_refused_or_anchored_conservatively() {
        assert!(combinable(
            r"^Failed (?P<user>\S+) from (?:x|y)(?(user)a|b)$"
        ));
        for re in [
            r"(a)\1",
            r"(?1)",
            r"(?R)",
            r"(?(1)a|b)",
            r"(*SKIP)",
            r"\Qa\E",
            r"(?x) a",
            r"(?#c)",
        ] {
            assert!(!combinable(re), "{re}");
        }
        assert!(anchored(r"^a(?:b|c)[|(]\|d"));
        assert!(anchored(r"^a[[:alpha:]|]"));
        assert!(!anchored(r"^a|b"));
        assert!(!anchored(r"a"));
        assert!(!anchored(r"^a\)|b"));
    }

    type Owned = Option<(String, Option<String>, Option<String>, Option<i64>, u32)>;

    fn owned(f: Option<Failure<'_>>) -> Owned {
        f.map(|f| {
            (
                f.host.to_owned(),
                f.addr.map(|a| a.to_string()),
                f.user.map(str::to_owned),
                f.time,
                f.attempts,
            )
        })
    }

    /// The combined failregex gives what searching them one by one gives,
    /// on fail2ban's own sshd test logs in every mode and publickey option.
    #[test]
    #[allow(clippy::print_stderr)]
    fn combined_failregexes_agree_with_one_by_one() {
        let dir = Path::new("/etc/fail2ban/filter.d");
        let logs = "/usr/lib/python3/dist-packages/fail2ban/tests/files/logs";
        if !dir.join("sshd.conf").exists() {
            eprintln!("SKIP combined_failregexes_agree_with_one_by_one: fail2ban is not installed");
            return;
        }
        let mut lines: Vec<Vec<u8>> = ["sshd", "sshd-journal"]
            .iter()
            .filter_map(|n| std::fs::read(Path::new(logs).join(n)).ok())
            .flat_map(|b| {
                b.split(|&c| c == b'\n')
                    .map(<[u8]>::to_vec)
                    .collect::<Vec<_>>()
            })
            .filter(|l| !l.starts_with(b"#"))
            .collect();
        assert!(lines.len() > 100, "fail2ban's sshd test logs are missing");
        lines.push(b"Jan  1 00:00:00 web sshd[1]: Failed password for invalid user u from 10.0.0.1 port 22 ssh2".to_vec());
        lines
            .push(b"Jan  1 00:00:00 web CRON[2]: (root) CMD (run-parts /etc/cron.hourly)".to_vec());
        for mode in ["normal", "ddos", "extra", "aggressive"] {
            for publickey in ["nofail", "invalid", "any", "ignore"] {
                let spec =
                    FilterSpec::parse(&format!("sshd[mode={mode},publickey={publickey}]"), dir)
                        .unwrap();
                let mut a = Filter::load(&spec, 1_700_000_000, 0).unwrap();
                assert!(a.combined(), "{mode}/{publickey}: not combined");
                let mut b = Filter::load(&spec, 1_700_000_000, 0).unwrap().uncombined();
                let mut matched = 0;
                for l in &lines {
                    let x = owned(a.process(l));
                    matched += usize::from(x.is_some());
                    assert_eq!(
                        x,
                        owned(b.process(l)),
                        "{mode}/{publickey}: {}",
                        String::from_utf8_lossy(l)
                    );
                }
                assert!(matched > 50, "{mode}/{publickey}: {matched} matched");
            }
        }
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
