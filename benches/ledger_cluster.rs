//! The replication benchmark of `omni ledger`: a four-replica BFT cluster
//! against a three-member etcd cluster (crash-fault tolerant only), both on
//! loopback, driven by the same load generator.
//!
//! It starts four `omni ledger node --peers` replicas (the release binary)
//! in a temporary directory and waits until every one is linked to the
//! other three; then C clients (one keep-alive HTTP/1.1 connection each,
//! spread round-robin over the nodes) submit batches of B events each
//! (`POST /v1/events` with a JSON array; a replica answers once every event
//! of the batch is committed) for a warm-up (not counted), then a measured
//! time. It prints the committed events per second and the p50/p99 commit
//! latency of a batch, and checks that the four replicas end with the same
//! size and root.
//!
//! Then three etcd members (Debian `etcd-server`, durable defaults: every
//! commit is fsynced) get the same load through etcd's HTTP/JSON gateway:
//! one `POST /v3/kv/txn` of B puts per batch, each value as long as an
//! omni entry (the signed event's JSON), the same C clients.
//!
//! Not a criterion bench (a multi-process cluster does not fit a timed
//! closure). Run through `scripts/bench/ledger.sh`, or:
//!
//!   cargo bench --bench ledger_cluster -- [--omni PATH] [--etcd PATH]
//!       [--clients 32] [--batch 64] [--seconds 10] [--warmup 2]
//!       [--only omni|etcd]
//!       [--unit-interval 10ms]

#![allow(clippy::print_stdout, clippy::print_stderr, clippy::disallowed_methods)]

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Full};
use hyper::body::Bytes;
use hyper_util::rt::TokioIo;
use tokio::process::{Child, Command};

#[path = "support/events.rs"]
mod events;

type Error = Box<dyn std::error::Error + Send + Sync>;

#[derive(Debug, Clone)]
struct Opts {
    omni: PathBuf,
    etcd: String,
    clients: usize,
    batch: usize,
    seconds: f64,
    warmup: f64,
    only: Option<String>,
    unit_interval: Option<String>,
}

fn opts() -> Result<Opts, Error> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let default_omni = [
        "target/x86_64-unknown-linux-musl/release/omni",
        "target/release/omni",
    ]
    .iter()
    .map(|p| root.join(p))
    .find(|p| p.exists())
    .unwrap_or_else(|| root.join("target/release/omni"));
    let mut o = Opts {
        omni: std::env::var_os("OMNI_BIN").map_or(default_omni, PathBuf::from),
        etcd: "etcd".into(),
        clients: 32,
        batch: 64,
        seconds: 10.0,
        warmup: 2.0,
        only: None,
        unit_interval: None,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            // What `cargo bench` passes to every bench binary.
            "--bench" => {}
            "--omni" => o.omni = value()?.into(),
            "--etcd" => o.etcd = value()?,
            "--clients" => o.clients = value()?.parse()?,
            "--batch" => o.batch = value()?.parse()?,
            "--seconds" => o.seconds = value()?.parse()?,
            "--warmup" => o.warmup = value()?.parse()?,
            "--only" => o.only = Some(value()?),
            "--unit-interval" => o.unit_interval = Some(value()?),
            other => return Err(format!("unknown argument {other}").into()),
        }
    }
    if o.clients == 0 || o.batch == 0 {
        return Err("--clients and --batch must be at least 1".into());
    }
    Ok(o)
}

/// A free loopback port (bound, then released).
fn free_port() -> Result<u16, Error> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

/// One keep-alive HTTP/1.1 connection.
struct Conn {
    addr: String,
    sender: hyper::client::conn::http1::SendRequest<Full<Bytes>>,
}

impl Conn {
    async fn open(addr: &str) -> Result<Conn, Error> {
        let tcp = tokio::net::TcpStream::connect(addr).await?;
        tcp.set_nodelay(true)?;
        let (sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(tcp)).await?;
        tokio::spawn(async move {
            let _ = conn.await;
        });
        Ok(Conn {
            addr: addr.to_owned(),
            sender,
        })
    }

    async fn request(
        &mut self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: Vec<u8>,
    ) -> Result<(u16, Vec<u8>), Error> {
        let mut req = hyper::Request::builder()
            .method(method)
            .uri(path)
            .header("host", &self.addr);
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        let req = req.body(Full::new(Bytes::from(body)))?;
        self.sender.ready().await?;
        let resp = self.sender.send_request(req).await?;
        let status = resp.status().as_u16();
        let body = resp.into_body().collect().await?.to_bytes().to_vec();
        Ok((status, body))
    }
}

async fn get(addr: &str, path: &str) -> Result<(u16, Vec<u8>), Error> {
    Conn::open(addr)
        .await?
        .request("GET", path, &[], Vec::new())
        .await
}

/// What one run measured.
struct Figures {
    events: u64,
    elapsed: Duration,
    latencies: Vec<Duration>,
    errors: u64,
}

impl Figures {
    fn rate(&self) -> f64 {
        self.events as f64 / self.elapsed.as_secs_f64()
    }
    fn percentile(&self, p: f64) -> Duration {
        if self.latencies.is_empty() {
            return Duration::ZERO;
        }
        let i = ((self.latencies.len() as f64 - 1.0) * p).round() as usize;
        self.latencies[i]
    }
    fn line(&self, name: &str) -> String {
        format!(
            "{name:<28} {:>10} {:>8.2} {:>12.0} {:>9.1} {:>9.1} {:>7}",
            self.events,
            self.elapsed.as_secs_f64(),
            self.rate(),
            self.percentile(0.50).as_secs_f64() * 1e3,
            self.percentile(0.99).as_secs_f64() * 1e3,
            self.errors
        )
    }
}

/// Builds one request body for a batch; `seq` numbers events uniquely.
type MakeBody = Arc<dyn Fn(u64, usize) -> Vec<u8> + Send + Sync>;

/// C clients, each on its own connection to `addrs[k % n]`, submit
/// batches for `warmup` + `seconds`; a batch counts when it answers `ok`
/// within the measured `seconds` (the warm-up leaves out start-up costs:
/// connections, first rounds, key tables).
async fn drive(
    addrs: &[String],
    opts: &Opts,
    method: &'static str,
    path: &'static str,
    headers: &'static [(&'static str, &'static str)],
    ok: u16,
    make: MakeBody,
) -> Result<Figures, Error> {
    let seq = Arc::new(AtomicU64::new(0));
    let start = Instant::now() + Duration::from_secs_f64(opts.warmup);
    let deadline = start + Duration::from_secs_f64(opts.seconds);
    let mut tasks = Vec::new();
    for k in 0..opts.clients {
        let addr = addrs[k % addrs.len()].clone();
        let (seq, make, batch) = (seq.clone(), make.clone(), opts.batch);
        tasks.push(tokio::spawn(async move {
            let mut conn = Conn::open(&addr).await?;
            let (mut events, mut errors, mut lat) = (0u64, 0u64, Vec::new());
            let mut first_error = None;
            while Instant::now() < deadline {
                let first = seq.fetch_add(batch as u64, Ordering::Relaxed);
                let body = make(first, batch);
                let t = Instant::now();
                let answer = conn.request(method, path, headers, body).await;
                let now = Instant::now();
                let counted = now >= start && now <= deadline;
                match answer {
                    Ok((s, _)) if s == ok => {
                        if counted {
                            lat.push(now - t);
                            events += batch as u64;
                        }
                    }
                    Ok((s, b)) => {
                        errors += 1;
                        first_error.get_or_insert_with(|| {
                            format!("{addr}: HTTP {s}: {}", String::from_utf8_lossy(&b))
                        });
                    }
                    Err(e) => {
                        errors += 1;
                        first_error.get_or_insert_with(|| format!("{addr}: {e}"));
                        conn = Conn::open(&addr).await?;
                    }
                }
            }
            Ok::<_, Error>((events, errors, lat, first_error))
        }));
    }
    let mut f = Figures {
        events: 0,
        elapsed: Duration::ZERO,
        latencies: Vec::new(),
        errors: 0,
    };
    for t in tasks {
        let (events, errors, lat, first_error) = t.await??;
        if let Some(e) = first_error {
            eprintln!("ledger_cluster: {e}");
        }
        f.events += events;
        f.errors += errors;
        f.latencies.extend(lat);
    }
    f.elapsed = deadline - start;
    f.latencies.sort();
    Ok(f)
}

/// An event as a client submits it; `pad` fills `meta` so the signed entry
/// is about 300 bytes.
fn event_json(seq: u64) -> String {
    format!(
        r#"{{"type":"brute_force","source":"10.{}.{}.{}","severity":"high","ttl":3600,"meta":{{"attempts":{},"filter":"sshd","seq":{seq}}}}}"#,
        seq >> 16 & 255,
        seq >> 8 & 255,
        seq & 255,
        seq % 17,
    )
}

fn spawn(cmd: &mut Command, log: &Path) -> Result<Child, Error> {
    let out = std::fs::File::create(log)?;
    Ok(cmd
        .stdin(Stdio::null())
        .stdout(out.try_clone()?)
        .stderr(out)
        .kill_on_drop(true)
        .spawn()?)
}

/// Ends the clusters (their data is a temporary directory: no shutdown
/// needed).
async fn stop(children: Vec<Child>) {
    for mut c in children {
        let _ = c.kill().await;
    }
}

async fn wait_for<F, Fut>(what: &str, limit: Duration, mut ready: F) -> Result<(), Error>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let until = Instant::now() + limit;
    while Instant::now() < until {
        if ready().await {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Err(format!("{what}: not ready within {} s", limit.as_secs()).into())
}

async fn status(addr: &str) -> Option<serde_json::Value> {
    let (s, b) = get(addr, "/v1/cluster/status").await.ok()?;
    (s == 200).then(|| serde_json::from_slice(&b).ok())?
}

/// The omni cluster: figures, and the mean stored entry length.
async fn omni(opts: &Opts, work: &Path) -> Result<(Figures, usize), Error> {
    let n = 4;
    let ports: Vec<u16> = (0..n).map(|_| free_port()).collect::<Result<_, _>>()?;
    let addrs: Vec<String> = ports.iter().map(|p| format!("127.0.0.1:{p}")).collect();
    let dirs: Vec<PathBuf> = (1..=n).map(|i| work.join(format!("n{i}"))).collect();
    for (i, d) in dirs.iter().enumerate() {
        let st = std::process::Command::new(&opts.omni)
            .args(["-q", "ledger", "init", "--data-dir"])
            .arg(d)
            .args(["--domain", &format!("org{}", i + 1)])
            .env("OMNI_STATE_DIR", work.join("state"))
            .stdout(Stdio::null())
            .status()?;
        if !st.success() {
            return Err(format!("{}: ledger init failed", opts.omni.display()).into());
        }
    }
    for (i, d) in dirs.iter().enumerate() {
        std::fs::create_dir_all(d.join("replicas"))?;
        for (j, other) in dirs.iter().enumerate() {
            if i != j {
                std::fs::copy(
                    other.join("key.pub"),
                    d.join("replicas").join(format!("n{}.pub", j + 1)),
                )?;
            }
        }
    }
    let mut children = Vec::new();
    for (i, d) in dirs.iter().enumerate() {
        let peers: Vec<&str> = (0..n)
            .filter(|&j| j != i)
            .map(|j| addrs[j].as_str())
            .collect();
        let mut cmd = Command::new(&opts.omni);
        cmd.args(["-q", "ledger", "node", "--data-dir"])
            .arg(d)
            .args(["--port", &ports[i].to_string()])
            .args(["--peers", &peers.join(",")])
            .args(["--api-key", "k"])
            .env("OMNI_STATE_DIR", work.join("state"));
        if let Some(u) = &opts.unit_interval {
            cmd.args(["--unit-interval", u]);
        }
        children.push(spawn(&mut cmd, &work.join(format!("n{}.log", i + 1)))?);
    }
    let result = async {
        for a in &addrs {
            wait_for(
                &format!("omni replica {a}"),
                Duration::from_secs(30),
                || async {
                    status(a)
                        .await
                        .is_some_and(|s| s["linked"].as_array().is_some_and(|l| l.len() >= n - 1))
                },
            )
            .await?;
        }
        let make: MakeBody = Arc::new(|first, b| {
            let mut body = String::with_capacity(b * 160);
            body.push('[');
            for k in 0..b as u64 {
                if k > 0 {
                    body.push(',');
                }
                body.push_str(&event_json(first + k));
            }
            body.push(']');
            body.into_bytes()
        });
        let figures = drive(
            &addrs,
            opts,
            "POST",
            "/v1/events",
            &[("x-api-key", "k"), ("content-type", "application/json")],
            201,
            make,
        )
        .await?;
        // Every replica ends with the same ledger.
        let until = Instant::now() + Duration::from_secs(30);
        let last = loop {
            let mut seen = Vec::new();
            for a in &addrs {
                let s = status(a).await.ok_or_else(|| format!("{a}: no status"))?;
                seen.push((s["size"].as_u64(), s["root"].clone()));
            }
            if seen.windows(2).all(|w| w[0] == w[1]) {
                break seen;
            }
            if Instant::now() > until {
                return Err(format!("the replicas disagree: {seen:?}").into());
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        };
        let size = last[0].0.unwrap_or(0);
        if size < figures.events {
            return Err(format!(
                "the replicas hold {size} entries, but {} were acknowledged",
                figures.events
            )
            .into());
        }
        println!(
            "  the 4 replicas agree: size {size}, root {}",
            last[0].1.as_str().unwrap_or("?")
        );
        let sample = size.min(100);
        let (_, raw) = get(
            &addrs[0],
            &format!("/v1/cluster/entries?from=0&to={sample}"),
        )
        .await?;
        let mean = (raw.len() - 4 * sample as usize) / sample.max(1) as usize;
        Ok((figures, mean))
    }
    .await;
    stop(children).await;
    result
}

/// The etcd cluster with the same load; values of `value_len` bytes.
async fn etcd(opts: &Opts, work: &Path, value_len: usize) -> Result<Figures, Error> {
    let n = 3;
    let client: Vec<u16> = (0..n).map(|_| free_port()).collect::<Result<_, _>>()?;
    let peer: Vec<u16> = (0..n).map(|_| free_port()).collect::<Result<_, _>>()?;
    let initial: Vec<String> = (0..n)
        .map(|i| format!("e{i}=http://127.0.0.1:{}", peer[i]))
        .collect();
    let mut children = Vec::new();
    for i in 0..n {
        let c = format!("http://127.0.0.1:{}", client[i]);
        let p = format!("http://127.0.0.1:{}", peer[i]);
        let mut cmd = Command::new(&opts.etcd);
        cmd.arg(format!("--name=e{i}"))
            .arg(format!(
                "--data-dir={}",
                work.join(format!("e{i}")).display()
            ))
            .arg(format!("--listen-client-urls={c}"))
            .arg(format!("--advertise-client-urls={c}"))
            .arg(format!("--listen-peer-urls={p}"))
            .arg(format!("--initial-advertise-peer-urls={p}"))
            .arg(format!("--initial-cluster={}", initial.join(",")))
            .arg("--initial-cluster-state=new")
            .arg("--initial-cluster-token=omni-bench")
            .arg("--log-level=warn");
        children.push(spawn(&mut cmd, &work.join(format!("e{i}.log")))?);
    }
    let addrs: Vec<String> = client.iter().map(|p| format!("127.0.0.1:{p}")).collect();
    let result = async {
        for a in &addrs {
            wait_for(&format!("etcd {a}"), Duration::from_secs(30), || async {
                get(a, "/health")
                    .await
                    .is_ok_and(|(s, b)| s == 200 && String::from_utf8_lossy(&b).contains("true"))
            })
            .await?;
        }
        // A value shaped like an omni entry (a signed event's JSON), padded
        // to the entry's mean length.
        let make: MakeBody = Arc::new(move |first, b| {
            use base64::Engine;
            let b64 = base64::engine::general_purpose::STANDARD;
            let mut ops = Vec::with_capacity(b);
            for s in first..first + b as u64 {
                let mut v = format!(
                    r#"{{"v":1,"time":"2026-11-23T03:33:42.667Z",{},"domain":"org1","reporter":"{}","sig":""#,
                    &event_json(s)[1..event_json(s).len() - 1],
                    "0".repeat(64)
                );
                while v.len() + 2 < value_len {
                    v.push('A');
                }
                v.push_str("\"}");
                ops.push(serde_json::json!({"requestPut": {
                    "key": b64.encode(format!("/omni-bench/{s:012}")),
                    "value": b64.encode(v),
                }}));
            }
            serde_json::to_vec(&serde_json::json!({"success": ops})).expect("json")
        });
        drive(
            &addrs,
            opts,
            "POST",
            "/v3/kv/txn",
            &[("content-type", "application/json")],
            200,
            make,
        )
        .await
    }
    .await;
    stop(children).await;
    result
}

/// The CPU one committed event costs the cluster in signatures alone: the
/// node it reaches signs it (and encodes the entry), and each of the 4
/// replicas checks it as they do (`check_entries`, a block at a time:
/// parse, canonical form, strict signature). Measured on one thread with
/// events shaped like the load's; returns µs per event.
fn crypto_floor(events: u32) -> f64 {
    use omni::systems::ledger::event::{Body, Verifiers, check_entries};
    let key = omni::runtime::crypto::generate_os();
    let id = omni::runtime::crypto::KeyId::of(&key.verifying_key()).to_hex();
    let bodies: Vec<Body> = (0..events)
        .map(|i| {
            let meta = serde_json::json!({"attempts": i % 17, "filter": "sshd", "seq": i});
            events::body(
                i,
                &id,
                "org1",
                3600,
                meta.as_object().cloned().unwrap_or_default(),
            )
        })
        .collect();
    let t = Instant::now();
    let entries: Vec<Vec<u8>> = bodies
        .into_iter()
        .map(|b| b.sign(&key).to_entry())
        .collect();
    let sign = t.elapsed();
    let mut keys = Verifiers::default();
    keys.insert(&id, &key.verifying_key());
    let refs: Vec<&[u8]> = entries.iter().map(|e| &e[..]).collect();
    let mut scratch = Vec::new();
    let t = Instant::now();
    for _ in 0..4 {
        for block in refs.chunks(256) {
            let verdicts = check_entries(block, &keys, &mut scratch);
            assert!(verdicts.iter().all(Result::is_ok), "a valid event refused");
        }
    }
    let check = t.elapsed();
    (sign + check).as_secs_f64() * 1e6 / f64::from(events)
}

fn header() {
    println!(
        "{:<28} {:>10} {:>8} {:>12} {:>9} {:>9} {:>7}",
        "system", "events", "seconds", "events/s", "p50 ms", "p99 ms", "errors"
    );
}

async fn run(opts: Opts) -> Result<(), Error> {
    let work = tempfile::Builder::new().prefix("omni-bench-").tempdir()?;
    println!(
        "{} clients, batches of {} events, {} s measured after {} s of warm-up per system (omni: {})",
        opts.clients,
        opts.batch,
        opts.seconds,
        opts.warmup,
        opts.omni.display()
    );
    let want = |s: &str| opts.only.as_deref().is_none_or(|o| o == s);
    let mut o = None;
    let mut entry_len = 300;
    if want("omni") {
        let (f, len) = omni(&opts, work.path()).await?;
        entry_len = len;
        header();
        println!("{}", f.line("omni 4-replica BFT"));
        println!("  mean entry: {len} bytes (signed event JSON)");
        o = Some(f);
    }
    let mut e = None;
    if want("etcd") {
        let f = etcd(&opts, work.path(), entry_len).await?;
        if o.is_none() {
            header();
        }
        println!("{}", f.line("etcd 3-member raft (txn)"));
        println!(
            "  value: {entry_len} bytes, one txn of {} puts per batch",
            opts.batch
        );
        e = Some(f);
    }
    if let (Some(o), Some(e)) = (o, e) {
        let ratio = o.rate() / e.rate();
        println!(
            "omni/etcd throughput ratio: {ratio:.2} (target >= 1.00)  {}",
            if ratio >= 1.0 { "ok" } else { "MISSED" }
        );
        // What the signatures alone allow on this machine: one signing and
        // four strict checks per event, every core busy with nothing else.
        let per_event = crypto_floor(4096);
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get()) as f64;
        let ceiling = cores * 1e6 / per_event;
        println!(
            "signatures alone: {per_event:.1} µs of CPU per event (1 signing + 4 checks as the replicas do them); \
             {cores} cores doing nothing else: at most {ceiling:.0} events/s = {:.2} × etcd",
            ceiling / e.rate()
        );
    }
    Ok(())
}

fn main() {
    let opts = match opts() {
        Ok(o) => o,
        Err(e) => {
            eprintln!("ledger_cluster: {e}");
            std::process::exit(2);
        }
    };
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    if let Err(e) = rt.block_on(run(opts)) {
        eprintln!("ledger_cluster: error: {e}");
        std::process::exit(1);
    }
}
