//! `omni ledger watch`: follow a log with a fail2ban filter, count
//! failures per address like a fail2ban jail, and record one signed
//! `brute_force` event per ban (in the local ledger, or on a node).

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use clap::Args;
use serde::Serialize;

use super::{DirArg, Recorded, body, commit, data_dir, read_allowlist, submit};
use crate::cli::Ctx;
use crate::runtime::error::{Exit, Failure};
use crate::runtime::output::{Outcome, Render, Style};
use crate::runtime::time::format_rfc3339;
use crate::runtime::units::parse_duration;
use crate::systems::ledger::Ledger;
use crate::systems::ledger::event::{Net, Severity};
use crate::systems::ledger::watch::filter::{Filter, FilterSpec};
use crate::systems::ledger::watch::jail::{Ban, Counted, Jail, JailConfig};
use crate::systems::ledger::watch::tail::{Follower, Start};
use crate::systems::ledger::watch::{self, WatchError, date};

#[derive(Args, Debug)]
pub(super) struct WatchArgs {
    #[command(flatten)]
    dir: DirArg,
    /// The log file to follow
    #[arg(long, value_name = "FILE")]
    log: PathBuf,
    /// A fail2ban filter: NAME (in --filter-dir), NAME[key=value,...] or a path to a .conf
    #[arg(long, value_name = "NAME")]
    filter: String,
    /// Where filter NAMEs are looked up
    #[arg(long, default_value = "/etc/fail2ban/filter.d", value_name = "DIR")]
    filter_dir: PathBuf,
    /// The filter's mode option (sshd: normal, ddos, extra or aggressive)
    #[arg(long, value_name = "MODE")]
    mode: Option<String>,
    /// Other filter options (repeatable), as a jail's filter = NAME[key=value]
    #[arg(long = "filter-opt", value_name = "KEY=VALUE")]
    filter_opts: Vec<String>,
    /// Failures within --findtime that ban an address
    #[arg(long, default_value = "5", value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    maxretry: u32,
    /// The window failures are counted in
    #[arg(long, default_value = "10m", value_name = "DURATION")]
    findtime: String,
    /// How long a ban lasts: the event's ttl
    #[arg(long, default_value = "1h", value_name = "DURATION")]
    bantime: String,
    /// The recorded event's severity
    #[arg(long, default_value = "high", value_name = "SEVERITY", value_parser = Severity::WORDS)]
    severity: String,
    /// Networks never recorded (CIDR,...); the ledger's allowlist is never recorded either
    #[arg(long, value_name = "CIDR", value_delimiter = ',')]
    ignoreip: Vec<String>,
    /// Submit bans to a running node (HOST:PORT) instead of the local ledger
    #[arg(long, value_name = "HOST:PORT")]
    node: Option<String>,
    /// The node's API key (with --node)
    #[arg(long = "api-key", value_name = "KEY", requires = "node")]
    api_key: Option<String>,
    /// Without a saved position, read the file from its start (default: only new lines)
    #[arg(long)]
    from_start: bool,
    /// Read what is there (from the saved position, else the start) and exit
    #[arg(long)]
    once: bool,
    /// Record nothing: print one JSON line per log line ({line, matched, host, ip, user}), like fail2ban-regex
    #[arg(long, conflicts_with_all = ["node", "once", "from_start"])]
    test: bool,
    /// How often the file is checked for new lines
    #[arg(long, default_value = "250ms", value_name = "DURATION")]
    poll: String,
}

fn usage(e: impl std::fmt::Display) -> Failure {
    Failure::new(Exit::Usage, e.to_string())
}

fn secs(flag: &str, text: &str) -> Result<i64, Failure> {
    parse_duration(text)
        .map(|d| d.as_secs().max(1) as i64)
        .map_err(|e| usage(format!("--{flag} {text}: {e}")))
}

fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

fn load_filter(args: &WatchArgs) -> Result<Filter, Failure> {
    let mut spec = FilterSpec::parse(&args.filter, &args.filter_dir).map_err(usage)?;
    if let Some(m) = &args.mode {
        spec.options.insert("mode".into(), m.clone());
    }
    for kv in &args.filter_opts {
        let (k, v) = kv
            .split_once('=')
            .ok_or_else(|| usage(format!("--filter-opt {kv:?}: expected KEY=VALUE")))?;
        spec.options
            .insert(k.trim().to_ascii_lowercase(), v.trim().to_owned());
    }
    Ok(Filter::load(&spec, unix_now(), date::local_offset())?)
}

fn open_log(
    path: &Path,
    saved: Option<&watch::tail::Position>,
    start: Start,
) -> Result<Follower, Failure> {
    Follower::open(path, saved, start).map_err(|source| {
        WatchError::Log {
            path: path.to_path_buf(),
            source,
        }
        .into()
    })
}

pub(super) fn run(ctx: &Ctx, args: &WatchArgs) -> Outcome {
    let mut filter = load_filter(args)?;
    if args.test {
        return test_mode(ctx, args, &mut filter);
    }
    let findtime = secs("findtime", &args.findtime)?;
    let bantime = secs("bantime", &args.bantime)?;
    let poll =
        parse_duration(&args.poll).map_err(|e| usage(format!("--poll {}: {e}", args.poll)))?;
    let mut ignore = args
        .ignoreip
        .iter()
        .map(|s| {
            s.trim()
                .parse::<Net>()
                .map_err(|e| usage(format!("--ignoreip {e}")))
        })
        .collect::<Result<Vec<_>, _>>()?;
    // The ledger's directory: for the local writer, the allowlist and the
    // position file (with --node only when --data-dir is given).
    let dir = match (&args.node, &args.dir.data_dir) {
        (Some(_), None) => None,
        _ => Some(data_dir(ctx, &args.dir)?),
    };
    if let Some(d) = &dir {
        if args.node.is_none() {
            // Fail now, not at the first ban, when there is no ledger.
            crate::systems::ledger::read_meta(d)?;
        }
        ignore.extend(read_allowlist(&d.join("allowlist"), false)?);
    }
    let mut jail = Jail::new(JailConfig {
        maxretry: args.maxretry,
        findtime,
        bantime,
        ignore,
    });
    let pos_file = dir.as_ref().map(|d| watch::position_file(d, &args.log));
    let saved = pos_file.as_deref().and_then(watch::load_position);
    let start = if args.once || args.from_start {
        Start::Beginning
    } else {
        Start::End
    };
    let mut follower = open_log(&args.log, saved.as_ref(), start)?;
    let filter_name = filter
        .path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut stats = Stats::default();
    // SIGINT/SIGTERM end the loop cleanly, the position saved.
    let cancel = ctx
        .executor
        .block_on(async { crate::runtime::process::cancel_on_signals() })?;
    let stopping = || cancel.is_cancelled() || ctx.stop_requested();
    loop {
        let mut bans: Vec<(Ban, Option<String>)> = Vec::new();
        let events = follower
            .poll(&mut |line| {
                stats.lines += 1;
                let Some(f) = filter.process(line) else {
                    return true;
                };
                stats.failures += 1;
                let Some(addr) = f.addr else {
                    stats.unaddressed += 1;
                    return true;
                };
                match jail.failure(addr, f.time.unwrap_or_else(unix_now)) {
                    Counted::Ban(b) => bans.push((b, f.user.map(str::to_owned))),
                    Counted::Ignored => stats.ignored += 1,
                    Counted::Banned | Counted::Counted => {}
                }
                true
            })
            .map_err(|source| WatchError::Log {
                path: args.log.clone(),
                source,
            })?;
        stats.rotations += u64::from(events.rotated);
        stats.truncations += u64::from(events.truncated);
        for (ban, _user) in bans {
            let recorded = record_ban(ctx, args, dir.as_deref(), &filter_name, &ban, bantime)?;
            stats.bans += 1;
            ctx.output.emit(&Banned {
                source: ban.source.to_string(),
                failures: ban.failures,
                first: format_rfc3339(at(ban.first)),
                last: format_rfc3339(at(ban.last)),
                filter: filter_name.clone(),
                entry: recorded.ids.first().cloned().unwrap_or_default(),
                index: recorded.first,
            })?;
        }
        if let Some(p) = &pos_file {
            watch::save_position(p, &follower.position())?;
        }
        if args.once || stopping() {
            break;
        }
        let until = Instant::now() + poll;
        while Instant::now() < until && !stopping() {
            let nap = Duration::from_millis(50).min(poll);
            ctx.executor.block_on(async {
                tokio::select! {
                    _ = tokio::time::sleep(nap) => {}
                    _ = cancel.cancelled() => {}
                }
            })?;
        }
        if stopping() {
            if let Some(p) = &pos_file {
                watch::save_position(p, &follower.position())?;
            }
            break;
        }
    }
    stats.log = args.log.clone();
    stats.tracked = jail.tracked() as u64;
    ctx.output.emit(&stats)?;
    Ok(Exit::Success)
}

fn at(t: i64) -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(t.max(0) as u64)
}

/// Records one ban: locally (the lock is held only for the commit) or on a
/// node.
fn record_ban(
    ctx: &Ctx,
    args: &WatchArgs,
    dir: Option<&Path>,
    filter: &str,
    ban: &Ban,
    ttl: i64,
) -> Result<Recorded, Failure> {
    let mut meta = serde_json::Map::new();
    meta.insert("filter".into(), filter.into());
    meta.insert("failures".into(), ban.failures.into());
    meta.insert("first".into(), format_rfc3339(at(ban.first)).into());
    meta.insert("last".into(), format_rfc3339(at(ban.last)).into());
    meta.insert("log".into(), args.log.display().to_string().into());
    let source = ban.source.to_string();
    if let Some(node) = &args.node {
        let body = serde_json::json!({
            "type": "brute_force",
            "source": source,
            "severity": args.severity,
            "ttl": ttl,
            "meta": meta,
        });
        return submit(ctx, node, args.api_key.as_deref(), &body);
    }
    let dir = dir.expect("a local ledger has a directory");
    let mut ledger = Ledger::open(dir, true)?;
    let one = body(
        "brute_force",
        &source,
        &args.severity,
        ttl as u64,
        meta,
        None,
        &ledger,
    )
    .map_err(usage)?;
    commit(&mut ledger, vec![one])
}

#[derive(Serialize)]
struct Banned {
    source: String,
    failures: u32,
    first: String,
    last: String,
    filter: String,
    entry: String,
    index: u64,
}

impl Render for Banned {
    fn text(&self, w: &mut dyn Write, style: Style) -> io::Result<()> {
        writeln!(
            w,
            "{} {}  {} failures ({}) {} .. {}  entry {}",
            style.bold("banned"),
            self.source,
            self.failures,
            self.filter,
            self.first,
            self.last,
            self.index
        )
    }

    fn jsonl(&self) -> Option<String> {
        serde_json::to_string(self).ok().map(|s| s + "\n")
    }
}

#[derive(Serialize, Default)]
struct Stats {
    log: PathBuf,
    lines: u64,
    failures: u64,
    /// Failures whose host is not an IP address (a name): never recorded.
    unaddressed: u64,
    ignored: u64,
    bans: u64,
    tracked: u64,
    rotations: u64,
    truncations: u64,
}

impl Render for Stats {
    fn text(&self, w: &mut dyn Write, _style: Style) -> io::Result<()> {
        writeln!(
            w,
            "{}: {} lines, {} failures ({} without an address, {} ignored), {} bans",
            self.log.display(),
            self.lines,
            self.failures,
            self.unaddressed,
            self.ignored,
            self.bans
        )
    }

    fn jsonl(&self) -> Option<String> {
        serde_json::to_string(self).ok().map(|s| s + "\n")
    }
}

/// `--test`: one JSON line per log line, nothing recorded. The lines are
/// written by hand into one buffer (no formatting machinery, no allocation
/// per line): with a million lines the output would otherwise cost more
/// than the matching.
fn test_mode(ctx: &Ctx, args: &WatchArgs, filter: &mut Filter) -> Outcome {
    let mut follower = open_log(&args.log, None, Start::Beginning)?;
    let mut out: Vec<u8> = Vec::with_capacity(1 << 17);
    let mut n = 0u64;
    let mut failed: Option<Failure> = None;
    let flush = |out: &mut Vec<u8>| -> Result<(), Failure> {
        ctx.output.raw(out)?;
        out.clear();
        Ok(())
    };
    follower
        .poll(&mut |line| {
            n += 1;
            out.extend_from_slice(b"{\"line\":");
            push_u64(&mut out, n);
            match filter.process(line) {
                None => out.extend_from_slice(b",\"matched\":false}\n"),
                Some(f) => {
                    out.extend_from_slice(b",\"matched\":true,\"host\":");
                    push_json_str(&mut out, f.host);
                    out.extend_from_slice(b",\"ip\":");
                    match &f.addr {
                        Some(a) => push_net(&mut out, a),
                        None => out.extend_from_slice(b"null"),
                    }
                    out.extend_from_slice(b",\"user\":");
                    match f.user {
                        Some(u) => push_json_str(&mut out, u),
                        None => out.extend_from_slice(b"null"),
                    }
                    out.extend_from_slice(b",\"attempts\":");
                    push_u64(&mut out, u64::from(f.attempts));
                    out.extend_from_slice(b"}\n");
                }
            }
            if out.len() >= 1 << 16
                && let Err(e) = flush(&mut out)
            {
                failed = Some(e);
                return false;
            }
            true
        })
        .map_err(|source| WatchError::Log {
            path: args.log.clone(),
            source,
        })?;
    if let Some(e) = failed {
        return Err(e);
    }
    flush(&mut out)?;
    Ok(Exit::Success)
}

fn push_u64(out: &mut Vec<u8>, mut v: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[i..]);
}

/// A JSON string, escaped as serde_json escapes it.
fn push_json_str(out: &mut Vec<u8>, s: &str) {
    if s.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\') {
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
    } else {
        // Writing to a Vec cannot fail.
        let _ = serde_json::to_writer(&mut *out, s);
    }
}

/// An address as `Net` displays it, as a JSON string.
fn push_net(out: &mut Vec<u8>, net: &Net) {
    match net.addr {
        std::net::IpAddr::V4(v4) if net.is_host() => {
            out.push(b'"');
            for (i, o) in v4.octets().into_iter().enumerate() {
                if i > 0 {
                    out.push(b'.');
                }
                push_u64(out, u64::from(o));
            }
            out.push(b'"');
        }
        _ => {
            let _ = write!(out, "\"{net}\"");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_written_json_is_serde_json() {
        for s in [
            "",
            "plain",
            "q\"uote",
            "back\\slash",
            "tab\tnl\n",
            "\u{1}\u{7f}",
            "é€",
        ] {
            let mut out = Vec::new();
            push_json_str(&mut out, s);
            assert_eq!(out, serde_json::to_vec(s).unwrap());
        }
        for v in [0u64, 7, 10, 649_979, u64::MAX] {
            let mut out = Vec::new();
            push_u64(&mut out, v);
            assert_eq!(out, v.to_string().as_bytes());
        }
        for a in [
            "1.2.3.4",
            "0.0.0.0",
            "255.255.255.255",
            "10.0.0.0/8",
            "2001:db8::1",
        ] {
            let net: Net = a.parse().unwrap();
            let mut out = Vec::new();
            push_net(&mut out, &net);
            assert_eq!(out, serde_json::to_vec(&net.to_string()).unwrap());
        }
    }
}
