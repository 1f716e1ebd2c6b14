//! `omni ledger` (alias `autoblocker-cli`): parse, drive systems::ledger,
//! hand the report to the output.

use std::fmt::Write as _;
use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use clap::{ArgMatches, Args, Command, FromArgMatches, Subcommand};
use serde::Serialize;

use super::SystemEntry;

mod watch;
use crate::cli::Ctx;
use crate::runtime::config::Section;
use crate::runtime::error::{Exit, Failure};
use crate::runtime::output::{Named, Outcome, Render, Style};
use crate::runtime::time::{format_rfc3339, parse_rfc3339};
use crate::runtime::units::parse_duration;
use crate::systems::ledger::event::{Body, Event, Net, Severity, b64, entry_id};
use crate::systems::ledger::index::Filter;
use crate::systems::ledger::merkle::{self, Hash};
use crate::systems::ledger::policy::Policy;
use crate::systems::ledger::verify::{self, Broken};
use crate::systems::ledger::{self, Ledger, LedgerError};

/// `[ledger]`.
pub static SECTION: Section = Section {
    name: "ledger",
    doc: "The security-event ledger (omni ledger).",
    keys: &[],
};

/// The registry entry.
pub const ENTRY: SystemEntry = SystemEntry {
    id: "ledger",
    alias: "autoblocker-cli",
    about: "A signed, Merkle-proven ledger of security events",
    section: &SECTION,
    command,
    run,
    needs_runtime: false,
};

#[derive(Subcommand, Debug)]
#[command(defer = true)]
enum LedgerCommand {
    /// Create a ledger: its data directory and the node's signing key
    Init(InitArgs),
    /// Append signed events (one from the flags, or JSON lines with --batch)
    Record(Box<RecordArgs>),
    /// List events (--format table, json or jsonl)
    Query(QueryArgs),
    /// Recompute every signature and the Merkle tree; exit 1 naming the first bad entry
    Verify(DirArg),
    /// Print the latest signed checkpoint (C2SP signed note)
    Checkpoint(DirArg),
    /// Print an inclusion or consistency proof (RFC 6962/9162)
    Prove(ProveArgs),
    /// Write every entry, the signed checkpoint and each entry's inclusion proof to one JSON file
    Export(ExportArgs),
    /// Check an export completely, then append what it adds to this ledger
    Import(ImportArgs),
    /// The active blocklist (--format text, json, plain, nftables, ipset or iptables)
    Blocklist(BlocklistArgs),
    /// Apply the blocklist to the firewall atomically (nftables or ipset), again every --interval
    Enforce(EnforceArgs),
    /// Serve this ledger: events over HTTP and a CrowdSec-compatible decision stream
    Node(NodeArgs),
    /// A cluster replica's state: session, size, quorum checkpoint, links, evidence, alarms (exit 1 on alarms)
    Status(StatusArgs),
    /// The cross-domain trust policy (policy check validates and summarises it)
    Policy(PolicyArgs),
    /// Follow a log with a fail2ban filter; record one brute_force event per ban
    Watch(Box<watch::WatchArgs>),
}

#[derive(Args, Debug)]
struct PolicyArgs {
    #[command(subcommand)]
    cmd: PolicyCommand,
}

#[derive(Subcommand, Debug)]
enum PolicyCommand {
    /// Validate a trust policy and summarise it: domains, keys, types, k of n (exit 65 when invalid)
    Check(PolicyCheckArgs),
}

#[derive(Args, Debug)]
struct PolicyCheckArgs {
    #[command(flatten)]
    dir: DirArg,
    #[command(flatten)]
    policy: PolicyArg,
}

#[derive(Args, Debug, Clone)]
struct PolicyArg {
    /// The cross-domain trust policy, TOML (default: <data-dir>/policy.toml if it exists)
    #[arg(long, value_name = "FILE")]
    policy: Option<PathBuf>,
}

#[derive(Args, Debug)]
struct StatusArgs {
    /// The replica's node (HOST:PORT)
    #[arg(long, default_value = "127.0.0.1:9000", value_name = "HOST:PORT")]
    node: String,
}

#[derive(Args, Debug)]
struct NodeArgs {
    #[command(flatten)]
    dir: DirArg,
    /// The port to listen on
    #[arg(long, default_value = "9000", value_name = "PORT")]
    port: u16,
    /// The address to listen on
    #[arg(long, default_value = "127.0.0.1", value_name = "ADDR")]
    listen: std::net::IpAddr,
    /// Allow a non-loopback listen address
    #[arg(long)]
    allow_public: bool,
    /// The other replicas' nodes (HOST:PORT,...); their keys must be in <data-dir>/replicas/
    #[arg(long, value_name = "PEERS", value_delimiter = ',')]
    peers: Vec<String>,
    /// With --peers: how long a replica waits for a missing unit before asking again
    #[arg(
        long,
        default_value = "5000ms",
        value_name = "DURATION",
        requires = "peers"
    )]
    round_timeout: String,
    /// With --peers: the pause between two consensus units of one replica while events wait to be ordered
    #[arg(
        long,
        default_value = "10ms",
        value_name = "DURATION",
        requires = "peers"
    )]
    unit_interval: String,
    /// With --peers: the pause between two units while nothing waits to be ordered (at least --unit-interval)
    #[arg(
        long,
        default_value = "50ms",
        value_name = "DURATION",
        requires = "peers"
    )]
    idle_unit_interval: String,
    /// With --peers: consensus rounds per session
    #[arg(long, default_value = "7200", value_name = "N", requires = "peers",
          value_parser = clap::value_parser!(u16).range(64..))]
    session_rounds: u16,
    /// With --peers: how long a submission waits for its commit
    #[arg(
        long,
        default_value = "30s",
        value_name = "DURATION",
        requires = "peers"
    )]
    commit_timeout: String,
    /// A key clients and bouncers send in X-Api-Key (repeatable; default: <data-dir>/api-key, created when missing)
    #[arg(long = "api-key", value_name = "KEY")]
    api_keys: Vec<String>,
    /// The decision stream's blocklist: only events of this severity and above
    #[arg(long, default_value = "low", value_name = "SEVERITY", value_parser = Severity::WORDS)]
    min_severity: String,
    /// The decision stream's blocklist: events needed per source
    #[arg(long, default_value = "1", value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    threshold: u32,
    /// Run in the background under the supervisor (omni ps, omni stop)
    #[arg(long)]
    detach: bool,
    #[command(flatten)]
    policy: PolicyArg,
}

#[derive(Args, Debug, Clone)]
struct BlocklistArgs {
    #[command(flatten)]
    dir: DirArg,
    #[command(flatten)]
    policy: PolicyArg,
    /// Only events of this severity and above
    #[arg(long, default_value = "low", value_name = "SEVERITY", value_parser = Severity::WORDS)]
    min_severity: String,
    /// Block a source only when at least N events name it
    #[arg(long, default_value = "1", value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    threshold: u32,
    /// Only events seen since ("24h", "24h ago", or RFC 3339)
    #[arg(long, value_name = "WHEN")]
    since: Option<String>,
    /// Networks never blocked, one per line (default: <data-dir>/allowlist if it exists)
    #[arg(long, value_name = "FILE")]
    allowlist: Option<PathBuf>,
    /// The nftables table, ipset set prefix or iptables chain the forms name
    #[arg(long, value_name = "NAME")]
    set: Option<String>,
}

#[derive(Args, Debug)]
struct EnforceArgs {
    #[command(flatten)]
    list: BlocklistArgs,
    /// nftables (one `nft -f` transaction) or ipset (`ipset restore` with an atomic swap, plus a DROP rule per family)
    #[arg(long, value_parser = ["nftables", "ipset"], value_name = "BACKEND")]
    backend: String,
    /// Re-derive and re-apply every INTERVAL (so timeouts are re-asserted and new events enforced); without it, apply once
    #[arg(long, value_name = "INTERVAL")]
    interval: Option<String>,
    /// Apply inside this network namespace (ip netns)
    #[arg(long, value_name = "NAME")]
    netns: Option<String>,
}

#[derive(Args, Debug)]
struct ExportArgs {
    #[command(flatten)]
    dir: DirArg,
    /// The file to write (- for stdout)
    #[arg(long, short, value_name = "FILE")]
    output: PathBuf,
}

#[derive(Args, Debug)]
struct ImportArgs {
    #[command(flatten)]
    dir: DirArg,
    /// The export document
    file: PathBuf,
    /// Trust the export's key for events from now on (events signed by another key are refused otherwise)
    #[arg(long)]
    trust: bool,
    #[command(flatten)]
    policy: PolicyArg,
}

#[derive(Args, Debug, Clone)]
pub(super) struct DirArg {
    /// The ledger's directory (default: <data dir>/ledger)
    #[arg(long, value_name = "DIR")]
    pub(super) data_dir: Option<PathBuf>,
}

#[derive(Args, Debug)]
struct InitArgs {
    #[command(flatten)]
    dir: DirArg,
    /// The organisation this node reports for
    #[arg(long, default_value = "local", value_name = "NAME")]
    domain: String,
}

#[derive(Args, Debug)]
struct RecordArgs {
    #[command(flatten)]
    dir: DirArg,
    #[command(flatten)]
    policy: PolicyArg,
    /// The event type (malicious_ip, brute_force, scanner, ...)
    #[arg(long = "type", value_name = "TYPE", required_unless_present = "batch")]
    kind: Option<String>,
    /// The offending address or network (IPv4/IPv6, CIDR)
    #[arg(long, value_name = "IP|CIDR", required_unless_present = "batch")]
    source: Option<String>,
    /// low, medium, high or critical
    #[arg(long, value_name = "SEVERITY", value_parser = Severity::WORDS, required_unless_present = "batch")]
    severity: Option<String>,
    /// How long the event stays active (0: until removed)
    #[arg(long, default_value = "24h", value_name = "DURATION")]
    ttl: String,
    /// Details, a JSON object ('{"attempts":5}')
    #[arg(long, value_name = "JSON")]
    meta: Option<String>,
    /// When it was seen (RFC 3339 UTC; default now)
    #[arg(long, value_name = "TIME")]
    time: Option<String>,
    /// Read events as JSON lines ({"type","source","severity","ttl","meta","time"}) from FILE, or - for stdin (a stream: each commit is acknowledged as it is made)
    #[arg(long, value_name = "FILE", conflicts_with_all = ["kind", "source", "severity", "meta", "time"])]
    batch: Option<PathBuf>,
    /// Submit to a running node (HOST:PORT) instead of the local ledger; the node signs it
    #[arg(long, value_name = "HOST:PORT", conflicts_with = "batch")]
    node: Option<String>,
    /// The node's API key (with --node)
    #[arg(long = "api-key", value_name = "KEY", requires = "node")]
    api_key: Option<String>,
    /// With --batch: commit (sync and checkpoint) every N events, or sooner when the input pauses
    #[arg(long, default_value = "4096", value_name = "N", value_parser = clap::value_parser!(usize))]
    commit_every: usize,
}

#[derive(Args, Debug)]
struct QueryArgs {
    #[command(flatten)]
    dir: DirArg,
    /// Only this event type
    #[arg(long = "type", value_name = "TYPE")]
    kind: Option<String>,
    /// Only events seen since ("24h ago", "30m", or RFC 3339)
    #[arg(long, value_name = "WHEN")]
    since: Option<String>,
    /// Only sources inside this network
    #[arg(long, value_name = "CIDR")]
    source: Option<String>,
    /// Only this severity and above
    #[arg(long, value_name = "SEVERITY", value_parser = Severity::WORDS)]
    min_severity: Option<String>,
}

#[derive(Args, Debug)]
struct ProveArgs {
    #[command(flatten)]
    dir: DirArg,
    /// The entry id (or its index) to prove included
    #[arg(long, value_name = "ID", conflicts_with = "consistency")]
    inclusion: Option<String>,
    /// OLD_SIZE [NEW_SIZE]: prove the tree of OLD_SIZE entries is a prefix of NEW_SIZE (default: now)
    #[arg(long, value_name = "SIZE", num_args = 1..=2, required_unless_present = "inclusion")]
    consistency: Vec<u64>,
}

fn command() -> Command {
    LedgerCommand::augment_subcommands(Command::new("ledger").subcommand_required(true))
}

fn run(m: &ArgMatches, ctx: &Ctx) -> Outcome {
    let cmd =
        LedgerCommand::from_arg_matches(m).map_err(|e| Failure::new(Exit::Usage, e.to_string()))?;
    match cmd {
        LedgerCommand::Init(args) => init(ctx, &args),
        LedgerCommand::Record(args) => record(ctx, &args),
        LedgerCommand::Query(args) => query(ctx, &args),
        LedgerCommand::Verify(args) => verify_cmd(ctx, &args),
        LedgerCommand::Checkpoint(args) => {
            let dir = data_dir(ctx, &args)?;
            let ledger = Ledger::open(&dir, false)?;
            let note = ledger
                .last_checkpoint()
                .map(|c| c.to_note())
                .ok_or_else(|| LedgerError::Damaged {
                    path: ledger.paths.checkpoints(),
                    reason: "no checkpoint was ever signed".into(),
                })?;
            ctx.output.emit(&Note { note })?;
            Ok(Exit::Success)
        }
        LedgerCommand::Prove(args) => prove(ctx, &args),
        LedgerCommand::Export(args) => export(ctx, &args),
        LedgerCommand::Import(args) => import(ctx, &args),
        LedgerCommand::Blocklist(args) => {
            let (list, names) = blocklist(ctx, &args)?;
            ctx.output.emit(&Listed { list, names })?;
            Ok(Exit::Success)
        }
        LedgerCommand::Enforce(args) => enforce(ctx, &args),
        LedgerCommand::Node(args) => node(ctx, &args),
        LedgerCommand::Status(args) => status(ctx, &args),
        LedgerCommand::Watch(args) => watch::run(ctx, &args),
        LedgerCommand::Policy(PolicyArgs {
            cmd: PolicyCommand::Check(args),
        }) => policy_check(ctx, &args),
    }
}

/// The trust policy `--policy` names, else `<dir>/policy.toml` if present.
fn load_policy(dir: &Path, arg: &PolicyArg) -> Result<Option<std::sync::Arc<Policy>>, Failure> {
    Ok(Policy::find(dir, arg.policy.as_deref())?.map(std::sync::Arc::new))
}

/// Why the policy refused an event: exit 65, as for any event the ledger
/// will not take (an untrusted key, a bad line).
fn refused(policy: &Policy, what: &str, r: &crate::systems::ledger::policy::Refusal) -> Failure {
    Failure::new(
        Exit::DataErr,
        format!(
            "{what}refused by the trust policy {}: {r}",
            policy.path.display()
        ),
    )
}

#[derive(Serialize)]
#[serde(transparent)]
struct PolicySummary {
    policy: Policy,
}

impl Render for PolicySummary {
    fn text(&self, w: &mut dyn Write, style: Style) -> io::Result<()> {
        writeln!(w, "{}: {}", self.policy.path.display(), style.good("valid"))?;
        write!(w, "{}", self.policy)
    }
}

fn policy_check(ctx: &Ctx, args: &PolicyCheckArgs) -> Outcome {
    let dir = data_dir(ctx, &args.dir)?;
    let policy = load_policy(&dir, &args.policy)?.ok_or_else(|| {
        Failure::new(
            Exit::NoInput,
            format!(
                "no trust policy: {} does not exist (name one with --policy FILE)",
                dir.join(crate::systems::ledger::policy::FILE).display()
            ),
        )
    })?;
    ctx.output.emit(&PolicySummary {
        policy: (*policy).clone(),
    })?;
    Ok(Exit::Success)
}

pub(super) fn data_dir(ctx: &Ctx, arg: &DirArg) -> Result<PathBuf, Failure> {
    match &arg.data_dir {
        Some(d) => Ok(d.clone()),
        None => Ok(ctx.dirs()?.data.join("ledger")),
    }
}

fn now() -> String {
    format_rfc3339(SystemTime::now())
}

#[derive(Serialize)]
struct Initialised {
    data_dir: PathBuf,
    domain: String,
    origin: String,
    key_id: String,
}

impl Render for Initialised {
    fn text(&self, w: &mut dyn Write, style: Style) -> io::Result<()> {
        writeln!(w, "{}  {}", style.bold("ledger"), self.data_dir.display())?;
        writeln!(w, "domain  {}", self.domain)?;
        writeln!(w, "origin  {}", self.origin)?;
        writeln!(w, "key     {}", self.key_id)
    }
}

fn init(ctx: &Ctx, args: &InitArgs) -> Outcome {
    let dir = data_dir(ctx, &args.dir)?;
    let key = crate::runtime::crypto::generate_os();
    let meta = ledger::init(&dir, &args.domain, key, &now())?;
    ctx.output.emit(&Initialised {
        data_dir: dir,
        domain: meta.domain,
        origin: meta.origin,
        key_id: meta.key_id,
    })?;
    Ok(Exit::Success)
}

/// `--ttl`: a duration, or 0 for no expiry.
fn ttl_secs(text: &str) -> Result<u64, String> {
    if text.trim() == "0" {
        return Ok(0);
    }
    parse_duration(text)
        .map(|d| d.as_secs().max(1))
        .map_err(|e| format!("--ttl {text}: {e}"))
}

/// One event as `--batch` lines give it.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Line {
    #[serde(rename = "type")]
    kind: String,
    source: String,
    severity: String,
    #[serde(default)]
    ttl: Option<serde_json::Value>,
    #[serde(default)]
    meta: Option<serde_json::Map<String, serde_json::Value>>,
    #[serde(default)]
    time: Option<String>,
}

pub(super) fn body(
    kind: &str,
    source: &str,
    severity: &str,
    ttl: u64,
    meta: serde_json::Map<String, serde_json::Value>,
    time: Option<&str>,
    ledger: &Ledger,
) -> Result<Body, String> {
    ledger.new_body(kind, source, severity, ttl, meta, time, &now())
}

#[derive(Serialize)]
pub(super) struct Recorded {
    /// The first entry appended now (or, when nothing was, the existing
    /// entry of the first event).
    first: u64,
    /// Entries appended now.
    count: u64,
    /// Events that were in the ledger already (recorded before: the same
    /// signed entry), not appended again.
    already: u64,
    size: u64,
    root: String,
    /// The ids, when few.
    ids: Vec<String>,
}

impl Render for Recorded {
    fn text(&self, w: &mut dyn Write, _style: Style) -> io::Result<()> {
        match (self.count, self.already) {
            (1, 0) => writeln!(w, "{}  entry {} of {}", self.ids[0], self.first, self.size),
            (0, 1) if !self.ids.is_empty() => writeln!(
                w,
                "{}  entry {} of {}, recorded already",
                self.ids[0], self.first, self.size
            ),
            (0, already) => writeln!(
                w,
                "recorded 0 events: all {already} are in the ledger already ({} entries)",
                self.size
            ),
            (count, already) => {
                write!(
                    w,
                    "recorded {count} events: entries {} to {} of {}",
                    self.first,
                    self.first + count - 1,
                    self.size
                )?;
                if already > 0 {
                    write!(w, "; {already} were in the ledger already")?;
                }
                writeln!(w)
            }
        }
    }
}

fn record(ctx: &Ctx, args: &RecordArgs) -> Outcome {
    if let Some(node) = &args.node {
        return record_remote(ctx, args, node);
    }
    let dir = data_dir(ctx, &args.dir)?;
    let policy = load_policy(&dir, &args.policy)?;
    let mut ledger = Ledger::open(&dir, true)?;
    let usage = |e: String| Failure::new(Exit::Usage, e);
    if let Some(path) = &args.batch {
        return record_stream(
            ctx,
            &mut ledger,
            path,
            ttl_secs(&args.ttl).map_err(usage)?,
            args.commit_every,
            policy.as_deref(),
        );
    }
    let meta = match &args.meta {
        None => serde_json::Map::new(),
        Some(text) => match serde_json::from_str(text) {
            Ok(serde_json::Value::Object(m)) => m,
            _ => return Err(usage(format!("--meta {text}: expected a JSON object"))),
        },
    };
    let one = body(
        args.kind.as_deref().unwrap_or_default(),
        args.source.as_deref().unwrap_or_default(),
        args.severity.as_deref().unwrap_or_default(),
        ttl_secs(&args.ttl).map_err(usage)?,
        meta,
        args.time.as_deref(),
        &ledger,
    )
    .map_err(usage)?;
    if let Some(p) = &policy {
        p.admit_body(&one).map_err(|r| refused(p, "", &r))?;
    }
    let report = commit(&mut ledger, vec![one])?;
    ctx.output.emit(&report)?;
    Ok(Exit::Success)
}

/// Signs `bodies` with the node key and appends them as one commit.
pub(super) fn commit(ledger: &mut Ledger, bodies: Vec<Body>) -> Result<Recorded, Failure> {
    let key = ledger.key().expect("opened for writing").clone();
    let events = sign_all(bodies, &key, crate::runtime::available_cpus());
    let payloads: Vec<Vec<u8>> = events.iter().map(Event::to_entry).collect();
    // NB: signed here with the node key, so no need to check them again.
    let before = ledger.len();
    let indices = ledger.append_new(&payloads)?;
    let count = ledger.len() - before;
    let ids = if payloads.len() <= 100 {
        payloads
            .iter()
            .map(|p| entry_id(&merkle::leaf_hash(p)))
            .collect()
    } else {
        Vec::new()
    };
    Ok(Recorded {
        first: if count > 0 {
            before
        } else {
            indices.first().copied().unwrap_or(before)
        },
        count,
        already: payloads.len() as u64 - count,
        size: ledger.len(),
        root: b64(&ledger.root()),
        ids,
    })
}

/// `--batch FILE|-`: JSON lines, committed every `every` events or
/// whenever the input has nothing more ready (a pipe from a watcher), each
/// commit acknowledged with one line. A bad line stops the stream after
/// committing what came before it.
fn record_stream(
    ctx: &Ctx,
    ledger: &mut Ledger,
    path: &Path,
    default_ttl: u64,
    every: usize,
    policy: Option<&Policy>,
) -> Outcome {
    let stdin = path == Path::new("-");
    let reader: Box<dyn BufRead> = if stdin {
        Box::new(io::BufReader::with_capacity(1 << 16, io::stdin()))
    } else {
        Box::new(io::BufReader::with_capacity(
            1 << 16,
            std::fs::File::open(path).map_err(|e| {
                Failure::new(
                    if e.kind() == io::ErrorKind::NotFound {
                        Exit::NoInput
                    } else {
                        Exit::IoErr
                    },
                    format!("{}: {e}", path.display()),
                )
            })?,
        ))
    };
    let mut pending: Vec<Body> = Vec::new();
    let mut total = 0u64;
    let mut lines = reader.lines();
    let mut n = 0usize;
    loop {
        let next = lines.next();
        let ended = match next {
            None => true,
            Some(line) => {
                n += 1;
                let bad = |e: String| {
                    Failure::new(Exit::DataErr, format!("{} line {n}: {e}", path.display()))
                };
                let line = line.map_err(|e| Failure::io("reading the batch", e))?;
                if !line.trim().is_empty() {
                    let parsed = parse_line(&line, default_ttl, ledger)
                        .and_then(|b| match policy {
                            Some(p) => p.admit_body(&b).map(|()| b).map_err(|r| {
                                format!("refused by the trust policy {}: {r}", p.path.display())
                            }),
                            None => Ok(b),
                        })
                        .map_err(bad);
                    match parsed {
                        Ok(b) => pending.push(b),
                        Err(e) => {
                            if !pending.is_empty() {
                                let report = commit(ledger, std::mem::take(&mut pending))?;
                                ctx.output.emit(&report)?;
                            }
                            return Err(e);
                        }
                    }
                }
                false
            }
        };
        let idle = stdin && !ended && !input_ready();
        if !pending.is_empty() && (ended || idle || pending.len() >= every) {
            total += pending.len() as u64;
            let report = commit(ledger, std::mem::take(&mut pending))?;
            ctx.output.emit(&report)?;
        }
        if ended {
            break;
        }
    }
    if total == 0 {
        return Err(Failure::new(
            Exit::DataErr,
            format!("{}: no events", path.display()),
        ));
    }
    Ok(Exit::Success)
}

/// Whether stdin has bytes ready now (so a commit can wait for them).
fn input_ready() -> bool {
    let mut fd = libc::pollfd {
        fd: 0,
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: poll on one valid pollfd, zero timeout.
    unsafe { libc::poll(&mut fd, 1, 0) > 0 }
}

fn parse_line(line: &str, default_ttl: u64, ledger: &Ledger) -> Result<Body, String> {
    let l: Line = serde_json::from_str(line).map_err(|e| e.to_string())?;
    let ttl = match &l.ttl {
        None => default_ttl,
        Some(serde_json::Value::Number(s)) => s.as_u64().ok_or("ttl: whole seconds")?,
        Some(serde_json::Value::String(s)) => ttl_secs(s)?,
        Some(_) => return Err("ttl: seconds or a duration like \"24h\"".into()),
    };
    body(
        &l.kind,
        &l.source,
        &l.severity,
        ttl,
        l.meta.unwrap_or_default(),
        l.time.as_deref(),
        ledger,
    )
}

/// Signs on `threads` threads (signing is most of a batch's cost).
pub fn sign_all(bodies: Vec<Body>, key: &ed25519_dalek::SigningKey, threads: usize) -> Vec<Event> {
    if bodies.len() < 256 || threads < 2 {
        return bodies.into_iter().map(|b| b.sign(key)).collect();
    }
    let chunk = bodies.len().div_ceil(threads);
    let mut parts: Vec<Vec<Body>> = Vec::new();
    let mut rest = bodies;
    while rest.len() > chunk {
        let tail = rest.split_off(chunk);
        parts.push(rest);
        rest = tail;
    }
    parts.push(rest);
    std::thread::scope(|s| {
        let handles: Vec<_> = parts
            .into_iter()
            .map(|part| s.spawn(move || part.into_iter().map(|b| b.sign(key)).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a signing thread panicked"))
            .collect()
    })
}

/// `--since`: "24h ago", "30m", or an RFC 3339 time.
fn since(text: &str) -> Result<SystemTime, String> {
    if let Some(t) = parse_rfc3339(text.trim()) {
        return Ok(t);
    }
    let span = text.trim().strip_suffix("ago").unwrap_or(text).trim();
    let d = parse_duration(span).map_err(|_| {
        format!("--since {text:?}: expected a duration (\"24h ago\", \"30m\") or RFC 3339 UTC")
    })?;
    Ok(SystemTime::now()
        .checked_sub(d)
        .unwrap_or(SystemTime::UNIX_EPOCH))
}

#[derive(Serialize)]
struct Row {
    index: u64,
    id: String,
    #[serde(flatten)]
    event: Event,
}

#[derive(Serialize)]
#[serde(transparent)]
struct Rows {
    rows: Vec<Row>,
}

impl Render for Rows {
    fn text(&self, w: &mut dyn Write, style: Style) -> io::Result<()> {
        if self.rows.is_empty() {
            return writeln!(w, "no events match");
        }
        writeln!(
            w,
            "{}",
            style.bold(&format!(
                "{:<6} {:<24} {:<14} {:<20} {:<8} {:<8} {}",
                "index", "time", "type", "source", "severity", "ttl", "domain"
            ))
        )?;
        for r in &self.rows {
            let ttl = if r.event.ttl == 0 {
                "none".to_owned()
            } else {
                human_secs(r.event.ttl)
            };
            writeln!(
                w,
                "{:<6} {:<24} {:<14} {:<20} {:<8} {:<8} {}",
                r.index,
                r.event.time,
                r.event.kind,
                r.event.source.to_string(),
                r.event.severity.as_str(),
                ttl,
                r.event.domain
            )?;
        }
        Ok(())
    }

    fn jsonl(&self) -> Option<String> {
        let mut out = String::new();
        for r in &self.rows {
            out.push_str(&serde_json::to_string(r).unwrap_or_default());
            out.push('\n');
        }
        Some(out)
    }
}

fn query(ctx: &Ctx, args: &QueryArgs) -> Outcome {
    let usage = |e: String| Failure::new(Exit::Usage, e);
    let dir = data_dir(ctx, &args.dir)?;
    let ledger = Ledger::open(&dir, false)?;
    let since = args
        .since
        .as_deref()
        .map(since)
        .transpose()
        .map_err(usage)?;
    let within: Option<Net> = args
        .source
        .as_deref()
        .map(|s| s.parse::<Net>().map_err(|e| usage(format!("--source {e}"))))
        .transpose()?;
    let min: Option<Severity> = args
        .min_severity
        .as_deref()
        .map(|s| s.parse::<Severity>().map_err(usage))
        .transpose()?;
    let filter = Filter {
        kind: args.kind.clone(),
        within,
        min_severity: min,
        since,
        ..Filter::default()
    };
    let mut rows = Vec::new();
    // Entries that are not events are skipped.
    for selected in ledger.select(&filter)? {
        let (index, event) = selected.map_err(LedgerError::from)?;
        rows.push(Row {
            index,
            // NB: a parsed entry is canonical: its bytes re-encode exactly.
            id: entry_id(&merkle::leaf_hash(&event.to_entry())),
            event,
        });
    }
    ctx.output.emit(&Rows { rows })?;
    Ok(Exit::Success)
}

#[derive(Serialize)]
struct Verdict {
    intact: bool,
    entries: Option<u64>,
    checkpoints: Option<u64>,
    root: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    index: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    problem: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    note: Option<String>,
}

impl Render for Verdict {
    fn text(&self, w: &mut dyn Write, style: Style) -> io::Result<()> {
        if self.intact {
            let plural =
                |n: u64, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
            writeln!(
                w,
                "{}: {}, {}, root {}",
                style.good("intact"),
                plural(self.entries.unwrap_or(0), "entry", "entries"),
                plural(self.checkpoints.unwrap_or(0), "checkpoint", "checkpoints"),
                self.root.as_deref().unwrap_or("")
            )?;
        } else {
            let at = match (self.index, &self.id) {
                (Some(i), Some(id)) => format!("entry {i} ({id}): "),
                (Some(i), None) => format!("entry {i}: "),
                _ => String::new(),
            };
            writeln!(
                w,
                "{}: {at}{}",
                style.bad("tampered"),
                self.problem.as_deref().unwrap_or("")
            )?;
        }
        if let Some(n) = &self.note {
            writeln!(w, "{}", style.dim(n))?;
        }
        Ok(())
    }
}

fn verify_cmd(ctx: &Ctx, args: &DirArg) -> Outcome {
    let dir = data_dir(ctx, args)?;
    let verdict = match verify::verify(&dir, crate::runtime::available_cpus())? {
        Ok(ok) => Verdict {
            intact: true,
            entries: Some(ok.entries),
            checkpoints: Some(ok.checkpoints),
            root: Some(b64(&ok.root)),
            index: None,
            id: None,
            problem: None,
            note: ok
                .torn
                .map(|t| {
                    format!(
                        "{} bytes at the end were never acknowledged ({}); the next write cuts them",
                        t.bytes, t.reason
                    )
                })
                .or_else(|| {
                    (ok.checkpointed < ok.entries).then(|| {
                        format!(
                            "entries {} to {} were synced after the last checkpoint; the next write signs one",
                            ok.checkpointed,
                            ok.entries - 1
                        )
                    })
                }),
        },
        Err(Broken { index, id, reason }) => Verdict {
            intact: false,
            entries: None,
            checkpoints: None,
            root: None,
            index,
            id,
            problem: Some(reason),
            note: None,
        },
    };
    let intact = verdict.intact;
    ctx.output.emit(&verdict)?;
    Ok(if intact {
        Exit::Success
    } else {
        Exit::Negative
    })
}

#[derive(Serialize)]
struct Note {
    note: String,
}

impl Render for Note {
    fn text(&self, w: &mut dyn Write, _style: Style) -> io::Result<()> {
        w.write_all(self.note.as_bytes())
    }
}

#[derive(Serialize)]
#[serde(tag = "proof", rename_all = "lowercase")]
enum Proof {
    Inclusion {
        index: u64,
        id: String,
        tree_size: u64,
        leaf_hash: String,
        hashes: Vec<String>,
        root: String,
        checkpoint: String,
    },
    Consistency {
        old_size: u64,
        new_size: u64,
        old_root: String,
        new_root: String,
        hashes: Vec<String>,
        checkpoint: String,
    },
}

impl Render for Proof {
    fn text(&self, w: &mut dyn Write, _style: Style) -> io::Result<()> {
        match self {
            Proof::Inclusion {
                index,
                id,
                tree_size,
                leaf_hash,
                hashes,
                root,
                checkpoint,
            } => {
                writeln!(
                    w,
                    "inclusion of entry {index} ({id}) in the tree of size {tree_size}"
                )?;
                writeln!(w, "leaf hash {leaf_hash}")?;
                writeln!(w, "root      {root}")?;
                for h in hashes {
                    writeln!(w, "  {h}")?;
                }
                write!(w, "{checkpoint}")
            }
            Proof::Consistency {
                old_size,
                new_size,
                old_root,
                new_root,
                hashes,
                checkpoint,
            } => {
                writeln!(w, "consistency of size {old_size} with size {new_size}")?;
                writeln!(w, "old root  {old_root}")?;
                writeln!(w, "new root  {new_root}")?;
                for h in hashes {
                    writeln!(w, "  {h}")?;
                }
                write!(w, "{checkpoint}")
            }
        }
    }
}

fn prove(ctx: &Ctx, args: &ProveArgs) -> Outcome {
    let usage = |e: String| Failure::new(Exit::Usage, e);
    let dir = data_dir(ctx, &args.dir)?;
    let ledger = Ledger::open(&dir, false)?;
    let leaves = ledger.leaves()?;
    let size = leaves.len() as u64;
    let cp = ledger
        .last_checkpoint()
        .filter(|c| c.size == size)
        .map(|c| c.to_note())
        .unwrap_or_default();
    let enc = |hs: Vec<Hash>| hs.iter().map(|h| b64(h)).collect::<Vec<_>>();
    let proof = if let Some(id) = &args.inclusion {
        let index = match id.parse::<u64>() {
            Ok(i) if id.len() < 20 => i,
            _ => leaves
                .iter()
                .position(|l| entry_id(l).starts_with(&id.to_ascii_lowercase()) && id.len() >= 8)
                .map(|i| i as u64)
                .ok_or_else(|| {
                    Failure::new(
                        Exit::NoInput,
                        format!("no entry with id {id} (see omni ledger query)"),
                    )
                })?,
        };
        let hashes = merkle::inclusion_proof(&leaves, index)
            .ok_or_else(|| usage(format!("entry {index}: the ledger has {size} entries")))?;
        Proof::Inclusion {
            index,
            id: entry_id(&leaves[index as usize]),
            tree_size: size,
            leaf_hash: b64(&leaves[index as usize]),
            hashes: enc(hashes),
            root: b64(&merkle::root(&leaves)),
            checkpoint: cp,
        }
    } else {
        let old = args.consistency[0];
        let new = args.consistency.get(1).copied().unwrap_or(size);
        if new > size || old > new {
            return Err(usage(format!(
                "--consistency {old} {new}: sizes must satisfy OLD <= NEW <= {size}"
            )));
        }
        let tree = &leaves[..new as usize];
        let hashes = merkle::consistency_proof(tree, old).expect("old <= new");
        Proof::Consistency {
            old_size: old,
            new_size: new,
            old_root: b64(&merkle::root(&tree[..old as usize])),
            new_root: b64(&merkle::root(tree)),
            hashes: enc(hashes),
            checkpoint: if new == size { cp } else { String::new() },
        }
    };
    ctx.output.emit(&proof)?;
    Ok(Exit::Success)
}

/// Seconds as the largest whole unit: 86400 → 1d, 5400 → 90m.
fn human_secs(secs: u64) -> String {
    for (unit, n) in [("w", 604_800), ("d", 86_400), ("h", 3600), ("m", 60)] {
        if secs.is_multiple_of(n) {
            return format!("{}{unit}", secs / n);
        }
    }
    format!("{secs}s")
}

#[derive(Serialize)]
struct Exported {
    output: PathBuf,
    entries: u64,
}

impl Render for Exported {
    fn text(&self, w: &mut dyn Write, _style: Style) -> io::Result<()> {
        writeln!(
            w,
            "exported {} entries with the checkpoint and their proofs to {}",
            self.entries,
            self.output.display()
        )
    }
}

fn export(ctx: &Ctx, args: &ExportArgs) -> Outcome {
    use crate::systems::ledger::export;
    let dir = data_dir(ctx, &args.dir)?;
    let ledger = Ledger::open(&dir, false)?;
    if args.output == Path::new("-") {
        let stdout = io::stdout();
        let mut out = io::BufWriter::new(stdout.lock());
        export::export(&ledger, &mut out)?;
        out.flush()
            .map_err(|e| Failure::io("writing to stdout", e))?;
        return Ok(Exit::Success);
    }
    // NB: written to a temporary file beside the target and renamed, so a
    // crash or a full disk never leaves half an export under its name.
    let tmp = args.output.with_extension("partial");
    let result = (|| {
        let file = std::fs::File::create(&tmp)?;
        let mut out = io::BufWriter::with_capacity(1 << 20, file);
        let n = export::export(&ledger, &mut out).map_err(io::Error::other)?;
        let file = out.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()?;
        std::fs::rename(&tmp, &args.output)?;
        Ok::<u64, io::Error>(n)
    })();
    let entries = result.map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        Failure::new(
            Exit::IoErr,
            format!("writing {}: {e}", args.output.display()),
        )
    })?;
    ctx.output.emit(&Exported {
        output: args.output.clone(),
        entries,
    })?;
    Ok(Exit::Success)
}

#[derive(Serialize)]
struct Imported {
    file: PathBuf,
    checked: u64,
    added: u64,
    size: u64,
}

impl Render for Imported {
    fn text(&self, w: &mut dyn Write, _style: Style) -> io::Result<()> {
        writeln!(
            w,
            "{}: {} entries checked, {} added; the ledger has {}",
            self.file.display(),
            self.checked,
            self.added,
            self.size
        )
    }
}

fn import(ctx: &Ctx, args: &ImportArgs) -> Outcome {
    use crate::systems::ledger::export;
    let dir = data_dir(ctx, &args.dir)?;
    let bytes = std::fs::read(&args.file).map_err(|e| {
        Failure::new(
            if e.kind() == io::ErrorKind::NotFound {
                Exit::NoInput
            } else {
                Exit::IoErr
            },
            format!("{}: {e}", args.file.display()),
        )
    })?;
    let policy = load_policy(&dir, &args.policy)?;
    let mut ledger = Ledger::open(&dir, true)?;
    let trust_all = args.trust;
    // Entries another ledger imported are signed by keys this one trusts.
    let mut known = ledger::trusted_keys(&dir)?;
    known.insert(ledger.meta.key_id.clone(), ledger.public);
    let checked = export::check_with(&bytes, &|id, _key| trust_all || ledger.trusts(id), &|id| {
        known.get(id).copied()
    })
    .map_err(|e| Failure::new(Exit::DataErr, format!("{}: {e}", args.file.display())))?;
    if let Some(p) = &policy {
        // Only what the import adds: entries this ledger already holds
        // were admitted (or predate the policy, and derivation re-checks
        // them).
        let have = ledger.len() as usize;
        for (i, bytes) in checked.entries.iter().enumerate().skip(have) {
            let Ok(e) = Event::parse(bytes) else {
                continue;
            };
            p.admit(&e).map_err(|r| {
                refused(
                    p,
                    &format!(
                        "{}: nothing imported: entry {i} ({}) ",
                        args.file.display(),
                        entry_id(&checked.leaves[i])
                    ),
                    &r,
                )
            })?;
        }
    }
    if args.trust {
        ledger.trust(&checked.key)?;
    }
    let added = ledger.import(&checked)?;
    ctx.output.emit(&Imported {
        file: args.file.clone(),
        checked: checked.entries.len() as u64,
        added,
        size: ledger.len(),
    })?;
    Ok(Exit::Success)
}

/// The names the firewall forms use.
#[derive(Debug, Clone)]
struct Names {
    table: String,
    ipset: String,
    chain: String,
}

fn names(set: Option<&str>) -> Names {
    use crate::systems::ledger::blocklist::NFT_TABLE;
    Names {
        table: set.unwrap_or(NFT_TABLE).to_owned(),
        ipset: set.unwrap_or("omni-ledger").to_owned(),
        chain: set.unwrap_or("OMNI-LEDGER").to_owned(),
    }
}

pub(super) fn read_allowlist(path: &Path, required: bool) -> Result<Vec<Net>, Failure> {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == io::ErrorKind::NotFound && !required => return Ok(Vec::new()),
        Err(e) => {
            return Err(Failure::new(
                if e.kind() == io::ErrorKind::NotFound {
                    Exit::NoInput
                } else {
                    Exit::IoErr
                },
                format!("{}: {e}", path.display()),
            ));
        }
    };
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        out.push(line.parse::<Net>().map_err(|e| {
            Failure::new(
                Exit::DataErr,
                format!("{} line {}: {e}", path.display(), n + 1),
            )
        })?);
    }
    Ok(out)
}

fn unix(t: SystemTime) -> u64 {
    t.duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

fn blocklist(
    ctx: &Ctx,
    args: &BlocklistArgs,
) -> Result<(crate::systems::ledger::blocklist::Blocklist, Names), Failure> {
    use crate::systems::ledger::blocklist::{Options, of_ledger};
    let usage = |e: String| Failure::new(Exit::Usage, e);
    let dir = data_dir(ctx, &args.dir)?;
    let ledger = Ledger::open(&dir, false)?;
    let allow = match &args.allowlist {
        Some(p) => read_allowlist(p, true)?,
        None => read_allowlist(&dir.join("allowlist"), false)?,
    };
    let opts = Options {
        min_severity: args.min_severity.parse().map_err(usage)?,
        threshold: args.threshold,
        since: args
            .since
            .as_deref()
            .map(since)
            .transpose()
            .map_err(usage)?
            .map(unix),
        now: unix(SystemTime::now()),
        allow,
        policy: load_policy(&dir, &args.policy)?,
    };
    let list = of_ledger(&ledger, &opts)?;
    Ok((list, names(args.set.as_deref())))
}

#[derive(Serialize)]
#[serde(transparent)]
struct Listed {
    list: crate::systems::ledger::blocklist::Blocklist,
    #[serde(skip)]
    names: Names,
}

impl Render for Listed {
    fn text(&self, w: &mut dyn Write, style: Style) -> io::Result<()> {
        if self.list.blocks.is_empty() {
            writeln!(w, "nothing to block")?;
        } else {
            writeln!(
                w,
                "{}",
                style.bold(&format!(
                    "{:<40} {:<9} {:>6} {:<10} {}",
                    "source", "severity", "events", "expires in", "domains"
                ))
            )?;
        }
        for b in &self.list.blocks {
            let left = b
                .timeout(self.list.now)
                .map_or("never".to_owned(), human_secs);
            writeln!(
                w,
                "{:<40} {:<9} {:>6} {:<10} {}",
                b.source.to_string(),
                b.severity.as_str(),
                b.events,
                left,
                b.domains.iter().cloned().collect::<Vec<_>>().join(",")
            )?;
        }
        for n in &self.list.suppressed {
            writeln!(
                w,
                "{}",
                style.dim(&format!("{n}: allowlisted, not blocked"))
            )?;
        }
        if let Some(p) = &self.list.policy {
            for q in &p.pending {
                writeln!(
                    w,
                    "{}",
                    style.dim(&format!(
                        "{}: {} of the {} domains needed ({}), not blocked",
                        q.source,
                        q.domains.len(),
                        p.quorum,
                        q.domains.iter().cloned().collect::<Vec<_>>().join(",")
                    ))
                )?;
            }
            let mut line = format!(
                "trust policy: block when {} of {} domains agree",
                p.quorum, p.domains
            );
            if p.ignored > 0 {
                let _ = write!(
                    line,
                    "; {} event{} ignored (not admitted)",
                    p.ignored,
                    if p.ignored == 1 { "" } else { "s" }
                );
            }
            if p.clamped > 0 {
                let _ = write!(line, "; {} ttl clamped to max_ttl", p.clamped);
            }
            writeln!(w, "{}", style.dim(&line))?;
        }
        Ok(())
    }

    fn named(&self, form: Named) -> Option<String> {
        Some(match form {
            Named::Plain => self.list.plain(),
            Named::Nftables => self.list.nftables(&self.names.table),
            Named::Ipset => self.list.ipset(&self.names.ipset),
            Named::Iptables => self.list.iptables(&self.names.chain),
        })
    }
}

#[derive(Serialize)]
struct Enforced {
    backend: String,
    sources: usize,
    suppressed: usize,
    at: String,
}

impl Render for Enforced {
    fn text(&self, w: &mut dyn Write, _style: Style) -> io::Result<()> {
        writeln!(
            w,
            "{}: {} sources blocked ({} allowlisted) at {}",
            self.backend, self.sources, self.suppressed, self.at
        )
    }
}

/// Applies the list once; `Err` is the firewall's complaint.
fn apply(
    backend: &str,
    netns: Option<&str>,
    list: &crate::systems::ledger::blocklist::Blocklist,
    names: &Names,
) -> Result<(), String> {
    use crate::runtime::netns::{command, run, run_with_input};
    match backend {
        "nftables" => {
            let mut c = command(netns, "nft");
            c.args(["-f", "-"]);
            run_with_input(c, list.nftables(&names.table).as_bytes())
        }
        _ => {
            let mut c = command(netns, "ipset");
            c.arg("restore");
            run_with_input(c, list.ipset(&names.ipset).as_bytes())?;
            // One DROP rule per family refers to the set; added once.
            for (tool, suffix) in [("iptables", "v4"), ("ip6tables", "v6")] {
                let set = format!("{}-{suffix}", names.ipset);
                let rule = [
                    "INPUT",
                    "-m",
                    "set",
                    "--match-set",
                    &set,
                    "src",
                    "-m",
                    "comment",
                    "--comment",
                    "omni-ledger",
                    "-j",
                    "DROP",
                ];
                let mut check = command(netns, tool);
                check.arg("-C").args(rule);
                if run(check).is_err() {
                    let mut add = command(netns, tool);
                    add.arg("-I").args(rule);
                    run(add)?;
                }
            }
            Ok(())
        }
    }
}

fn enforce(ctx: &Ctx, args: &EnforceArgs) -> Outcome {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } != 0 {
        return Err(Failure::new(
            Exit::NoPerm,
            "enforce changes the firewall: run as root (CAP_NET_ADMIN)",
        ));
    }
    let interval = args
        .interval
        .as_deref()
        .map(|t| {
            parse_duration(t).map_err(|e| Failure::new(Exit::Usage, format!("--interval {t}: {e}")))
        })
        .transpose()?;
    loop {
        let (list, names) = blocklist(ctx, &args.list)?;
        apply(&args.backend, args.netns.as_deref(), &list, &names).map_err(|e| {
            Failure::new(
                Exit::Unavailable,
                format!("{} refused the blocklist: {e}", args.backend),
            )
        })?;
        ctx.output.emit(&Enforced {
            backend: args.backend.clone(),
            sources: list.blocks.len(),
            suppressed: list.suppressed.len(),
            at: now(),
        })?;
        let Some(every) = interval else {
            return Ok(Exit::Success);
        };
        if ctx.stop_requested() {
            return Ok(Exit::Success);
        }
        std::thread::sleep(every);
    }
}

/// `record --node`: the event to a node's `POST /v1/events`.
fn record_remote(ctx: &Ctx, args: &RecordArgs, node: &str) -> Outcome {
    let usage = |e: String| Failure::new(Exit::Usage, e);
    let meta = match &args.meta {
        None => serde_json::Value::Object(serde_json::Map::new()),
        Some(text) => match serde_json::from_str(text) {
            Ok(v @ serde_json::Value::Object(_)) => v,
            _ => return Err(usage(format!("--meta {text}: expected a JSON object"))),
        },
    };
    let mut body = serde_json::json!({
        "type": args.kind,
        "source": args.source,
        "severity": args.severity,
        "ttl": ttl_secs(&args.ttl).map_err(usage)?,
        "meta": meta,
    });
    if let Some(t) = &args.time {
        body["time"] = serde_json::Value::String(t.clone());
    }
    // Without --api-key, the key a node on this data directory created.
    let key = match &args.api_key {
        Some(k) => Some(k.clone()),
        None => data_dir(ctx, &args.dir)
            .ok()
            .and_then(|d| api_key_file(&d, false).ok()),
    };
    let report = submit(ctx, node, key.as_deref(), &body)?;
    ctx.output.emit(&report)?;
    Ok(Exit::Success)
}

/// Posts one event to a node's `POST /v1/events`; the node signs it.
pub(super) fn submit(
    ctx: &Ctx,
    node: &str,
    api_key: Option<&str>,
    body: &serde_json::Value,
) -> Result<Recorded, Failure> {
    use crate::runtime::http_client::{Request, send};
    let usage = |e: String| Failure::new(Exit::Usage, e);
    let mut req = Request::get(format!("http://{node}/v1/events"));
    req.method = "POST".into();
    req.headers = vec![("content-type".into(), "application/json".into())];
    if let Some(k) = api_key {
        req.headers.push(("x-api-key".into(), k.to_owned()));
    }
    req.body = Some(body.to_string().into_bytes());
    req.connect_timeout = Some(std::time::Duration::from_secs(5));
    req.read_timeout = Some(std::time::Duration::from_secs(90));
    let resp = ctx
        .executor
        .block_on(send(&req))?
        .map_err(|e| Failure::new(Exit::Unavailable, format!("node {node}: {e}")))?;
    let v: serde_json::Value = serde_json::from_slice(&resp.body).unwrap_or_default();
    match resp.status {
        201 => Ok(Recorded {
            first: v["index"].as_u64().unwrap_or(0),
            count: 1,
            already: 0,
            size: v["size"].as_u64().unwrap_or(0),
            root: String::new(),
            ids: vec![v["id"].as_str().unwrap_or_default().to_owned()],
        }),
        403 => Err(Failure::new(
            Exit::NoPerm,
            format!("node {node} refused the API key (--api-key)"),
        )),
        400 => Err(usage(format!(
            "node {node}: {}",
            v["message"].as_str().unwrap_or("bad request")
        ))),
        s => Err(Failure::new(
            Exit::Unavailable,
            format!(
                "node {node} answered {s}: {}",
                v["message"].as_str().unwrap_or("")
            ),
        )),
    }
}

#[derive(Serialize, serde::Deserialize)]
struct ReplicaStatus {
    replica: usize,
    replicas: usize,
    origin: String,
    session: u64,
    size: u64,
    root: String,
    quorum_size: u64,
    linked: Vec<usize>,
    rejected: std::collections::BTreeMap<usize, u64>,
    equivocators: Vec<String>,
    alarms: Vec<String>,
    batches: u64,
    caught_up: u64,
}

impl Render for ReplicaStatus {
    fn text(&self, w: &mut dyn Write, style: Style) -> io::Result<()> {
        writeln!(
            w,
            "replica {} of {} (tolerates {}), {}",
            self.replica,
            self.replicas,
            (self.replicas.max(1) - 1) / 3,
            self.origin
        )?;
        writeln!(
            w,
            "session {}, size {}, quorum checkpoint at {}, root {}",
            self.session, self.size, self.quorum_size, self.root
        )?;
        let linked: Vec<String> = self.linked.iter().map(usize::to_string).collect();
        writeln!(
            w,
            "linked to: {}",
            if linked.is_empty() {
                "none".into()
            } else {
                linked.join(" ")
            }
        )?;
        for (r, n) in &self.rejected {
            writeln!(
                w,
                "{}",
                style.bad(&format!(
                    "replica {r}: {n} invalid entries or signatures dropped"
                ))
            )?;
        }
        for e in &self.equivocators {
            writeln!(
                w,
                "{}",
                style.bad(&format!("equivocation by {e} (evidence recorded)"))
            )?;
        }
        for a in &self.alarms {
            writeln!(w, "{}", style.bad(&format!("alarm: {a}")))?;
        }
        Ok(())
    }
}

/// `status`: GET /v1/cluster/status of a replica.
fn status(ctx: &Ctx, args: &StatusArgs) -> Outcome {
    use crate::runtime::http_client::{Request, send};
    let node = &args.node;
    let mut req = Request::get(format!("http://{node}/v1/cluster/status"));
    req.connect_timeout = Some(std::time::Duration::from_secs(5));
    req.read_timeout = Some(std::time::Duration::from_secs(10));
    let resp = ctx
        .executor
        .block_on(send(&req))?
        .map_err(|e| Failure::new(Exit::Unavailable, format!("node {node}: {e}")))?;
    if resp.status == 404 {
        return Err(Failure::new(
            Exit::Unavailable,
            format!("node {node} is not a cluster replica (started without --peers)"),
        ));
    }
    if resp.status != 200 {
        return Err(Failure::new(
            Exit::Unavailable,
            format!("node {node} answered {}", resp.status),
        ));
    }
    let st: ReplicaStatus = serde_json::from_slice(&resp.body).map_err(|e| {
        Failure::new(
            Exit::DataErr,
            format!("node {node}: an unexpected status: {e}"),
        )
    })?;
    ctx.output.emit(&st)?;
    Ok(if st.alarms.is_empty() && st.equivocators.is_empty() {
        Exit::Success
    } else {
        Exit::Negative
    })
}

/// Test-only builds: the misbehaviour of a Byzantine replica
/// (`equivocate`, `fork`, `forge`, `withhold`).
#[cfg(feature = "byzantine")]
const BYZANTINE_ENV: &str = "OMNI_BYZANTINE";

/// The node's API key in `<dir>/api-key` (0600); `create`s a random one
/// when the file is missing.
fn api_key_file(dir: &Path, create: bool) -> Result<String, Failure> {
    let path = dir.join("api-key");
    match std::fs::read_to_string(&path) {
        Ok(k) if !k.trim().is_empty() => Ok(k.trim().to_owned()),
        Ok(_) => Err(Failure::new(
            Exit::DataErr,
            format!("{}: empty", path.display()),
        )),
        Err(e) if e.kind() == io::ErrorKind::NotFound && create => {
            let mut raw = [0u8; 24];
            rand::RngCore::fill_bytes(&mut rand::thread_rng(), &mut raw);
            let key = hex::encode(raw);
            crate::runtime::state::write_new_atomic(&path, format!("{key}\n").as_bytes(), 0o600)
                .map_err(|e| Failure::new(Exit::IoErr, e.to_string()))?;
            Ok(key)
        }
        Err(e) => Err(Failure::new(
            Exit::from_io(&e),
            format!("{}: {e} (pass --api-key)", path.display()),
        )),
    }
}

fn node(ctx: &Ctx, args: &NodeArgs) -> Outcome {
    use crate::runtime::server::{Listening, ServerBuilder};
    use crate::systems::ledger::api::{Node, router};
    use crate::systems::ledger::blocklist::Options;
    use crate::systems::ledger::cluster::{Config, Handle};
    let dir = data_dir(ctx, &args.dir)?;
    let duration = |flag: &str, text: &str| {
        parse_duration(text).map_err(|e| Failure::new(Exit::Usage, format!("--{flag} {text}: {e}")))
    };
    let timing = crate::systems::ledger::cluster::order::Timing {
        unit_interval: duration("unit-interval", &args.unit_interval)?,
        idle_interval: duration("idle-unit-interval", &args.idle_unit_interval)?,
        round_timeout: duration("round-timeout", &args.round_timeout)?,
        session_rounds: args.session_rounds,
    };
    let commit_timeout = duration("commit-timeout", &args.commit_timeout)?;
    // Test-only builds (cargo feature `byzantine`) read the misbehaviour
    // from the environment, so the CLI and its generated docs are the same
    // in every build.
    #[cfg(feature = "byzantine")]
    let misbehave = match ctx.env.get(BYZANTINE_ENV) {
        Some(m) => Some(
            m.parse()
                .map_err(|e: String| Failure::new(Exit::Usage, format!("{BYZANTINE_ENV}={e}")))?,
        ),
        None => None,
    };
    #[cfg(not(feature = "byzantine"))]
    let misbehave = None;
    if args.detach {
        let mut argv: Vec<std::ffi::OsString> = vec![
            "ledger".into(),
            "node".into(),
            "--data-dir".into(),
            std::path::absolute(&dir).unwrap_or(dir.clone()).into(),
            "--port".into(),
            args.port.to_string().into(),
            "--listen".into(),
            args.listen.to_string().into(),
            "--min-severity".into(),
            args.min_severity.clone().into(),
            "--threshold".into(),
            args.threshold.to_string().into(),
        ];
        if args.allow_public {
            argv.push("--allow-public".into());
        }
        if !args.peers.is_empty() {
            for (flag, value) in [
                ("--peers", args.peers.join(",")),
                ("--round-timeout", args.round_timeout.clone()),
                ("--unit-interval", args.unit_interval.clone()),
                ("--idle-unit-interval", args.idle_unit_interval.clone()),
                ("--session-rounds", args.session_rounds.to_string()),
                ("--commit-timeout", args.commit_timeout.clone()),
            ] {
                argv.push(flag.into());
                argv.push(value.into());
            }
        }
        if let Some(p) = &args.policy.policy {
            argv.push("--policy".into());
            argv.push(std::path::absolute(p).unwrap_or(p.clone()).into());
        }
        for k in &args.api_keys {
            argv.push("--api-key".into());
            argv.push(k.into());
        }
        let entry = ctx.detach(
            "ledger",
            &format!("node on {}:{}", args.listen, args.port),
            argv,
        )?;
        ctx.output.emit(&entry)?;
        return Ok(Exit::Success);
    }
    let ledger = std::sync::Arc::new(std::sync::Mutex::new(Ledger::open(&dir, true)?));
    let api_keys = if args.api_keys.is_empty() {
        vec![api_key_file(&dir, true)?]
    } else {
        args.api_keys.clone()
    };
    let allow = read_allowlist(&dir.join("allowlist"), false)?;
    let options = Options {
        min_severity: args
            .min_severity
            .parse()
            .map_err(|e: String| Failure::new(Exit::Usage, e))?,
        threshold: args.threshold,
        since: None,
        now: 0,
        allow,
        policy: load_policy(&dir, &args.policy)?,
    };
    ctx.executor.block_on(async {
        let stop = tokio_util::sync::CancellationToken::new();
        let _stop_guard = stop.clone().drop_guard();
        let (replica, divert) = if args.peers.is_empty() {
            (None, None)
        } else {
            let config = Config {
                peers: args.peers.clone(),
                bind: (!args.listen.is_unspecified()).then_some(args.listen),
                timing,
                commit_timeout,
                misbehave,
            };
            let (handle, divert) = Handle::start(&dir, ledger.clone(), config, stop.clone())?;
            (Some(handle), Some(divert))
        };
        let watched = replica.clone();
        let node = std::sync::Arc::new(Node::new(ledger, replica, api_keys, options));
        let mut builder = ServerBuilder::new("ledger-node")
            .bind(std::net::SocketAddr::new(args.listen, args.port))
            .allow_public(args.allow_public)
            .body_limit(64 << 20)
            .routes(router(node));
        if let Some(d) = divert {
            builder = builder.divert(d);
        }
        let mut server = builder.start().await?;
        server.readiness().set_ready(true);
        ctx.output.emit(&Listening {
            url: format!("http://{}", server.local_addr()),
        })?;
        let failed = || watched.as_ref().and_then(|r| r.failure());
        server
            .wait_or_stop(|| ctx.stop_requested() || failed().is_some())
            .await?;
        if let Some(why) = failed() {
            return Err(Failure::new(
                Exit::IoErr,
                format!("{}: {why}", dir.display()),
            ));
        }
        Ok::<_, Failure>(())
    })??;
    Ok(Exit::Success)
}
