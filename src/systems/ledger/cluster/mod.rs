//! Replication: n = 3f+1 replicas keep the same ledger while up to f of
//! them crash or lie.
//!
//! - The replicas order proposals with a BFT engine behind the narrow
//!   [`order::Consensus`] trait (AlephBFT). A proposal is a list of signed
//!   entries; every replica applies the same ordered sequence: each entry is
//!   parsed, checked with strict Ed25519 verification against the keys the
//!   ledger trusts, and appended unless already present. Invalid entries
//!   are dropped by every honest replica alike, so the ledgers stay equal.
//! - After each commit a replica signs a checkpoint (C2SP signed note) under
//!   the cluster's origin and sends it to the others, which relay what they
//!   see first. 2f+1 signatures on one (size, root) make a quorum
//!   checkpoint. Two different roots signed by one replica for one size are
//!   equivocation: both notes go into the ledger as an `evidence` event.
//!   Two roots for one size that are not both one replica's are a split
//!   view: an alarm (logged, kept in `cluster/alarms.jsonl`, shown by
//!   `/v1/cluster/status`).
//! - The engine runs in sessions of a bounded number of rounds. A session
//!   ends at the first ordered batch whose round reaches the cut (the same
//!   batch on every honest replica). A replica that finds the others in a
//!   later session catches up: it fetches the missing entries from a peer
//!   and accepts them only if they extend its own tree, with a consistency
//!   proof, to the quorum checkpoint (2f+1 signatures) that opened that
//!   session.
//!
//! Files under `<data-dir>/cluster/`: `state.json` (the session),
//! `session-<n>.backup` (the engine's units, for restarts within a
//! session), `boundary-<n>.note` (the quorum checkpoint that opened session
//! n), `quorum.note` (the latest quorum checkpoint), `alarms.jsonl`.

pub mod link;
pub mod order;

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use ed25519_dalek::{SigningKey, VerifyingKey};
use parity_scale_codec::{Decode, Encode};
use serde::{Deserialize, Serialize};
use sha2::Digest;
use tokio::sync::{mpsc, oneshot};
use tokio_util::sync::CancellationToken;

use super::checkpoint::Checkpoint;
use super::event::{Event, EventError, Verifiers, b64, check_entries, entry_id};
use super::merkle::{self, Hash};
use super::{Ledger, LedgerError};
use crate::runtime::crypto::{self, KeyId};
use crate::runtime::executor::map_shares;
use link::{Frame, Identity, Outbox, kind};
use order::{Consensus, Ordered, Timing};

/// The kind of the events that record a replica's equivocation.
pub const EVIDENCE: &str = "evidence";
/// Rounds before a session's last that end it (the engine orders the last
/// few rounds late or never).
const CUT_MARGIN: u16 = 16;
/// Entries in one proposal, and their bytes.
const PROPOSAL_ENTRIES: usize = 4096;
const PROPOSAL_BYTES: usize = 4 << 20;
/// Entries held for other replicas' submissions, at most.
const STANDBY_LIMIT: usize = 1 << 20;
/// Sizes of cosigned checkpoints remembered for comparison.
const COSIGN_WINDOW: u64 = 1 << 16;

/// Sizes of peers' checkpoints kept for comparison with our tree later.
const UNMATCHED_LIMIT: usize = 1024;

/// A test-only misbehaviour (the `byzantine` cargo feature).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Misbehaviour {
    /// Sign a different root for the same size to half of the peers.
    Equivocate,
    /// Also sign a false root for a size no replica committed at (a fork
    /// the others can only see by comparing other sizes).
    Fork,
    /// Propose events with invalid signatures; send cosignatures that do
    /// not verify.
    Forge,
    /// Send no consensus traffic and no cosignatures.
    Withhold,
}

impl std::str::FromStr for Misbehaviour {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s {
            "equivocate" => Ok(Misbehaviour::Equivocate),
            "forge" => Ok(Misbehaviour::Forge),
            "withhold" => Ok(Misbehaviour::Withhold),
            "fork" => Ok(Misbehaviour::Fork),
            _ => Err(format!(
                "{s:?}: expected equivocate, fork, forge or withhold"
            )),
        }
    }
}

/// How a replica runs.
#[derive(Debug, Clone)]
pub struct Config {
    /// The other replicas' node addresses (HOST:PORT).
    pub peers: Vec<String>,
    /// The address links leave from (the node's listen address).
    pub bind: Option<std::net::IpAddr>,
    pub timing: Timing,
    /// How long a submission waits for its commit.
    pub commit_timeout: Duration,
    pub misbehave: Option<Misbehaviour>,
}

/// The replica set: every replica's key, sorted by key id.
#[derive(Debug, Clone)]
pub struct Replicas {
    pub keys: Vec<VerifyingKey>,
    pub ids: Vec<String>,
    pub me: usize,
    /// The cluster's checkpoint origin (from the sorted key ids).
    pub origin: String,
}

impl Replicas {
    /// Tolerated faults: f of n = 3f+1.
    pub fn faults(&self) -> usize {
        (self.keys.len() - 1) / 3
    }
    /// Signatures a quorum checkpoint needs: 2f+1 (of n = 3f+1).
    pub fn quorum(&self) -> usize {
        self.keys.len() * 2 / 3 + 1
    }
    /// The name replica `i` signs checkpoints under.
    pub fn name(&self, i: usize) -> String {
        format!("{}/{}", self.origin, &self.ids[i][..16])
    }
    /// Signers (by index) whose signature on `cp` verifies.
    pub fn signers(&self, cp: &Checkpoint) -> Vec<usize> {
        if cp.origin != self.origin {
            return Vec::new();
        }
        (0..self.keys.len())
            .filter(|&i| cp.verify_by(&self.name(i), &self.keys[i]))
            .collect()
    }
}

/// `<data-dir>/replicas/*.pub` plus this node's key: the replica set.
pub fn replicas(dir: &Path, own: &VerifyingKey) -> Result<Replicas, LedgerError> {
    let path = dir.join("replicas");
    let mut keys = vec![*own];
    let entries = std::fs::read_dir(&path).map_err(|e| {
        LedgerError::Cluster(format!(
            "{}: {e} (put every other replica's key.pub there, named <key id>.pub)",
            path.display()
        ))
    })?;
    for entry in entries {
        let p = entry
            .map_err(|e| LedgerError::Cluster(format!("{}: {e}", path.display())))?
            .path();
        if p.extension().and_then(|e| e.to_str()) != Some("pub") {
            continue;
        }
        let key = crypto::read_public_key(&p)?;
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    keys.sort_by_key(|k| KeyId::of(k).to_hex());
    let ids: Vec<String> = keys.iter().map(|k| KeyId::of(k).to_hex()).collect();
    if keys.len() < 4 {
        return Err(LedgerError::Cluster(format!(
            "{}: {} replica keys with this node's; a cluster needs n = 3f+1 >= 4",
            path.display(),
            keys.len()
        )));
    }
    let me = keys.iter().position(|k| k == own).expect("own key is in");
    let digest = sha2::Sha256::digest(ids.join("\n").as_bytes());
    Ok(Replicas {
        origin: format!("omni.ledger.cluster/{}", &hex::encode(digest)[..16]),
        keys,
        ids,
        me,
    })
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct State {
    session: u64,
}

/// What the replica shares with the HTTP API.
#[derive(Clone)]
pub struct Handle {
    inner: Arc<Inner>,
}

struct Inner {
    dir: PathBuf,
    ledger: Arc<Mutex<Ledger>>,
    replicas: Replicas,
    signer: Arc<SigningKey>,
    config: Config,
    pool: Mutex<Pool>,
    /// Leaf hashes of the entries in the ledger, with their indexes.
    present: Mutex<HashMap<Hash, u64>>,
    /// Replicas (key ids) whose equivocation evidence is recorded.
    evidence: Mutex<HashSet<EvidenceKey>>,
    /// Prepared strict verifiers of the keys the ledger accepts.
    verifiers: Verifiers,
    /// Why the replica stopped on its own (it could not write).
    failed: Mutex<Option<String>>,
    /// Stops every task of the replica.
    halt: CancellationToken,
    /// Replicas this one has proposed evidence against.
    reported: Mutex<HashSet<EvidenceKey>>,
    waiters: Mutex<HashMap<Hash, Vec<oneshot::Sender<u64>>>>,
    cosigns: Mutex<Cosigns>,
    status: Mutex<Status>,
    outbox: Outbox,
    /// The session the engine runs now (a catch-up moves it on).
    session: tokio::sync::watch::Sender<u64>,
    /// The highest session a peer was seen in.
    seen_session: Mutex<u64>,
    /// The size that opened the current session, until its quorum
    /// checkpoint is saved as the session's boundary.
    boundary_pending: Mutex<Option<u64>>,
}

/// Entries waiting to be ordered: not yet proposed, proposed and not yet
/// committed, or submitted to a peer (kept in case that peer's proposal is
/// lost: a crashed, lagging or withholding replica).
#[derive(Default)]
struct Pool {
    fresh: VecDeque<Vec<u8>>,
    proposed: HashMap<Hash, (Vec<u8>, Instant)>,
    standby: HashMap<Hash, (Vec<u8>, Instant)>,
}

impl Pool {
    /// Entries proposed or held on standby for longer than `after` without
    /// a commit are proposed (again): duplicates are dropped when applied.
    fn take_over(&mut self, after: Duration) {
        let now = Instant::now();
        for map in [&mut self.proposed, &mut self.standby] {
            let late: Vec<Hash> = map
                .iter()
                .filter(|(_, (_, t))| now.duration_since(*t) >= after)
                .map(|(h, _)| *h)
                .collect();
            for h in late {
                if let Some((e, _)) = map.remove(&h) {
                    self.fresh.push_back(e);
                }
            }
        }
    }

    fn committed(&mut self, leaf: &Hash) {
        self.proposed.remove(leaf);
        self.standby.remove(leaf);
    }
}

#[derive(Default)]
struct Cosigns {
    /// size → signer → (root, note).
    by_size: BTreeMap<u64, BTreeMap<usize, (Hash, String)>>,
    /// Our own roots by size.
    ours: BTreeMap<u64, Hash>,
    /// Peers' roots for sizes we have no checkpoint of (yet): size →
    /// signer → root, compared with our tree's root at that size once it is
    /// that long ([`Inner::check_other_sizes`]). At most
    /// [`UNMATCHED_LIMIT`] sizes, the lowest dropped first.
    unmatched: BTreeMap<u64, BTreeMap<usize, Hash>>,
    /// Relayed already: (signer, size, root).
    relayed: HashSet<(usize, u64, Hash)>,
    quorum: Option<Checkpoint>,
}

/// What `/v1/cluster/status` shows.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Status {
    pub replica: usize,
    pub replicas: usize,
    pub origin: String,
    pub session: u64,
    pub size: u64,
    pub root: String,
    pub quorum_size: u64,
    pub linked: Vec<usize>,
    /// Entries proposed by each replica that failed verification.
    pub rejected: BTreeMap<usize, u64>,
    /// Replicas caught equivocating (key ids).
    pub equivocators: Vec<String>,
    pub alarms: Vec<String>,
    pub batches: u64,
    pub caught_up: u64,
}

impl Handle {
    /// Starts the replica: links, the engine, the applier. Returns the
    /// handle and the greeting handler the server diverts links to.
    pub fn start(
        dir: &Path,
        ledger: Arc<Mutex<Ledger>>,
        config: Config,
        stop: CancellationToken,
    ) -> Result<(Handle, crate::runtime::server::Divert), LedgerError> {
        let (signer, public) = {
            let l = ledger.lock().unwrap_or_else(|p| p.into_inner());
            (Arc::new(l.key().expect("a node writes").clone()), l.public)
        };
        let replicas = replicas(dir, &public)?;
        {
            // Replicas' events are accepted (and `verify` checks them).
            let mut l = ledger.lock().unwrap_or_else(|p| p.into_inner());
            for k in &replicas.keys {
                l.trust(k)?;
            }
        }
        let cdir = dir.join("cluster");
        crate::runtime::state::ensure_dir(&cdir, 0o700)
            .map_err(|e| LedgerError::Invalid(e.to_string()))?;
        let state: State = match std::fs::read(cdir.join("state.json")) {
            Ok(b) => serde_json::from_slice(&b).map_err(|e| LedgerError::Damaged {
                path: cdir.join("state.json"),
                reason: e.to_string(),
            })?,
            Err(_) => State::default(),
        };
        let (present, evidence, verifiers) = {
            let l = ledger.lock().unwrap_or_else(|p| p.into_inner());
            let (p, e) = scan(&l)?;
            (p, e, l.verifiers())
        };
        let outbox = Outbox::new(replicas.keys.len());
        let inner = Arc::new(Inner {
            dir: cdir,
            ledger,
            signer: signer.clone(),
            config,
            pool: Mutex::new(Pool::default()),
            present: Mutex::new(present),
            evidence: Mutex::new(evidence),
            verifiers,
            failed: Mutex::new(None),
            halt: stop.clone(),
            reported: Mutex::new(HashSet::new()),
            waiters: Mutex::new(HashMap::new()),
            cosigns: Mutex::new(Cosigns::default()),
            status: Mutex::new(Status {
                replica: replicas.me,
                replicas: replicas.keys.len(),
                origin: replicas.origin.clone(),
                session: state.session,
                ..Status::default()
            }),
            outbox: outbox.clone(),
            session: tokio::sync::watch::Sender::new(state.session),
            seen_session: Mutex::new(state.session),
            boundary_pending: Mutex::new(None),
            replicas,
        });
        inner.load_quorum();
        let id = Arc::new(Identity {
            me: inner.replicas.me,
            signer,
            keys: Arc::new(inner.replicas.keys.clone()),
            cluster: inner.replicas.origin.clone(),
        });
        for addr in &inner.config.peers {
            tokio::spawn(link::dial(
                addr.clone(),
                inner.config.bind,
                id.clone(),
                outbox.clone(),
                stop.clone(),
            ));
        }
        let (inbox_tx, inbox_rx) = mpsc::channel::<(usize, Frame)>(16384);
        let divert = crate::runtime::server::Divert {
            greeting: link::GREETING,
            handler: Arc::new(move |stream| {
                let (id, inbox) = (id.clone(), inbox_tx.clone());
                tokio::spawn(async move {
                    if let Err(e) = link::accept(stream, id, inbox).await {
                        tracing::warn!(error = %e, "replica link refused");
                    }
                });
            }),
        };
        let (order_tx, order_rx) = mpsc::unbounded_channel::<Vec<u8>>();
        let order_in = Arc::new(Mutex::new(Some(order_rx)));
        let order_route = Arc::new(Mutex::new(order_tx));
        tokio::spawn(
            inner
                .clone()
                .route(inbox_rx, order_route.clone(), stop.clone()),
        );
        tokio::spawn(inner.clone().sessions(order_in, order_route, stop.clone()));
        tokio::spawn(inner.clone().catch_up_loop(stop));
        // Our own latest checkpoint, so peers can compare from the start.
        inner.cosign_current();
        Ok((Handle { inner }, divert))
    }

    /// Queues a signed entry for ordering and waits for its commit; returns
    /// its index. `Err` after the commit timeout (it stays queued).
    pub async fn submit(&self, entry: Vec<u8>) -> Result<u64, String> {
        let leaf = merkle::leaf_hash(&entry);
        let (tx, rx) = oneshot::channel();
        self.inner
            .waiters
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .entry(leaf)
            .or_default()
            .push(tx);
        // NB: the waiter is registered first, so a commit between the two
        // steps still answers it.
        let committed = self
            .inner
            .present
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get(&leaf)
            .copied();
        if let Some(index) = committed {
            // Already committed: answer whoever waits for it (this call
            // included), so no waiter is left behind.
            let waiting = self
                .inner
                .waiters
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .remove(&leaf);
            for w in waiting.into_iter().flatten() {
                let _ = w.send(index);
            }
            return Ok(index);
        }
        self.inner
            .pool
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .fresh
            .push_back(entry.clone());
        // The others hold it on standby: if this replica's proposal is lost
        // (it crashes, lags or lies), theirs carries it.
        if !self.inner.misbehaves(Misbehaviour::Withhold) {
            self.inner.outbox.send(
                None,
                Frame {
                    kind: kind::SUBMIT,
                    session: 0,
                    body: entry,
                },
            );
        }
        match tokio::time::timeout(self.inner.config.commit_timeout, rx).await {
            Ok(Ok(i)) => Ok(i),
            _ => Err(format!(
                "not committed within {} s (are 2f+1 = {} replicas up and linked?); it stays queued",
                self.inner.config.commit_timeout.as_secs(),
                self.inner.replicas.quorum()
            )),
        }
    }

    pub fn status(&self) -> Status {
        self.inner.status()
    }

    /// Why the replica stopped on its own, if it did (the node must exit).
    pub fn failure(&self) -> Option<String> {
        self.inner
            .failed
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone()
    }

    /// The quorum checkpoint that opened `session`, if this replica has it.
    pub fn boundary(&self, session: u64) -> Option<String> {
        std::fs::read_to_string(self.inner.dir.join(format!("boundary-{session}.note"))).ok()
    }

    /// The latest quorum checkpoint (note text).
    pub fn quorum_note(&self) -> Option<String> {
        let c = self.inner.cosigns.lock().unwrap_or_else(|p| p.into_inner());
        c.quorum.as_ref().map(Checkpoint::to_note)
    }
}

/// The ledger's leaf hashes and recorded evidence.
fn scan(l: &Ledger) -> Result<(HashMap<Hash, u64>, HashSet<EvidenceKey>), LedgerError> {
    let mut present = HashMap::with_capacity(l.len() as usize);
    let mut evidence = HashSet::new();
    l.log().for_each(|i, p| {
        note_entry(&mut present, &mut evidence, i, p);
        Ok(())
    })?;
    Ok((present, evidence))
}

/// Remembers entry `index` of the ledger: its leaf, and whom it convicts if
/// it is evidence.
fn note_entry(
    present: &mut HashMap<Hash, u64>,
    evidence: &mut HashSet<EvidenceKey>,
    index: u64,
    entry: &[u8],
) {
    present.insert(merkle::leaf_hash(entry), index);
    if let Ok(e) = Event::parse(entry)
        && e.kind == EVIDENCE
        && let Some(key) = evidence_key(&e)
    {
        evidence.insert(key);
    }
}

/// The replica (key id) an equivocation convicts: one evidence event per
/// replica is enough.
type EvidenceKey = String;

fn evidence_key(e: &Event) -> Option<EvidenceKey> {
    Some(e.meta.get("replica")?.as_str()?.to_owned())
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// A proposal: entries (SCALE-encoded list of byte strings).
#[derive(Encode, Decode)]
struct Proposal(Vec<Vec<u8>>);

impl Inner {
    fn status(&self) -> Status {
        let mut s = self
            .status
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .clone();
        let l = self.ledger.lock().unwrap_or_else(|p| p.into_inner());
        s.size = l.len();
        s.root = b64(&l.root());
        drop(l);
        s.session = *self.session.borrow();
        s.linked = self.outbox.linked();
        s.quorum_size = self
            .cosigns
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .quorum
            .as_ref()
            .map_or(0, |q| q.size);
        s
    }

    /// How long an entry may wait for another replica's proposal before
    /// this one proposes it.
    fn takeover(&self) -> Duration {
        (self.config.timing.unit_interval * 50).max(Duration::from_secs(1))
    }

    fn misbehaves(&self, m: Misbehaviour) -> bool {
        self.config.misbehave == Some(m)
    }

    /// Frames from peers: consensus traffic to the engine's session,
    /// checkpoints to [`Inner::on_cosign`].
    async fn route(
        self: Arc<Self>,
        mut inbox: mpsc::Receiver<(usize, Frame)>,
        order: Arc<Mutex<mpsc::UnboundedSender<Vec<u8>>>>,
        stop: CancellationToken,
    ) {
        loop {
            let (from, frame) = tokio::select! {
                () = stop.cancelled() => return,
                f = inbox.recv() => match f { Some(f) => f, None => return },
            };
            match frame.kind {
                kind::ORDER => {
                    let current = *self.session.borrow();
                    if frame.session == current {
                        let tx = order.lock().unwrap_or_else(|p| p.into_inner()).clone();
                        let _ = tx.send(frame.body);
                    } else if frame.session > current {
                        let mut seen = self.seen_session.lock().unwrap_or_else(|p| p.into_inner());
                        *seen = (*seen).max(frame.session);
                    }
                }
                kind::SUBMIT => {
                    let leaf = merkle::leaf_hash(&frame.body);
                    let present = self
                        .present
                        .lock()
                        .unwrap_or_else(|p| p.into_inner())
                        .contains_key(&leaf);
                    let mut pool = self.pool.lock().unwrap_or_else(|p| p.into_inner());
                    if !present && pool.standby.len() < STANDBY_LIMIT {
                        pool.standby.insert(leaf, (frame.body, Instant::now()));
                    }
                }
                kind::COSIGN => {
                    let me = self.clone();
                    let _ =
                        tokio::task::spawn_blocking(move || me.on_cosign(from, &frame.body)).await;
                }
                other => tracing::debug!(from, kind = other, "unknown frame kind"),
            }
        }
    }

    /// Runs the engine session after session.
    async fn sessions(
        self: Arc<Self>,
        first_inbound: Arc<Mutex<Option<mpsc::UnboundedReceiver<Vec<u8>>>>>,
        order_route: Arc<Mutex<mpsc::UnboundedSender<Vec<u8>>>>,
        stop: CancellationToken,
    ) {
        let engine = order::Aleph {
            me: self.replicas.me,
            signer: self.signer.clone(),
            keys: Arc::new(self.replicas.keys.clone()),
            timing: self.config.timing,
        };
        let mut inbound = first_inbound
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take()
            .expect("taken once");
        loop {
            let session = *self.session.borrow();
            let (ordered_tx, mut ordered_rx) = mpsc::unbounded_channel();
            let (out_tx, mut out_rx) = mpsc::unbounded_channel::<(Option<usize>, Vec<u8>)>();
            let (stop_tx, stop_rx) = oneshot::channel();
            let (pool, waiting) = (self.clone(), self.clone());
            let run = engine.run(order::Session {
                id: session,
                proposals: Arc::new(move || pool.propose()),
                busy: Arc::new(move || waiting.busy()),
                ordered: ordered_tx,
                outbound: out_tx,
                inbound,
                backup: self.dir.join(format!("session-{session}.backup")),
                stop: stop_rx,
            });
            let me = self.clone();
            let forward = async move {
                while let Some((to, bytes)) = out_rx.recv().await {
                    if me.misbehaves(Misbehaviour::Withhold) {
                        continue;
                    }
                    me.outbox.send(
                        to,
                        Frame {
                            kind: kind::ORDER,
                            session,
                            body: bytes,
                        },
                    );
                }
            };
            let forward = tokio::spawn(forward);
            let me = self.clone();
            let cut = self.config.timing.session_rounds.saturating_sub(CUT_MARGIN);
            // Applies batches until the cut, a jump (catch-up) or stop.
            let apply = async move {
                while let Some(batch) = ordered_rx.recv().await {
                    let head = batch.last().map_or(0, |u| u.round);
                    let me2 = me.clone();
                    if let Err(e) = tokio::task::spawn_blocking(move || me2.apply(batch)).await {
                        // A batch skipped would leave this log short of the
                        // others': stop rather than go on without it.
                        me.fail(format!("applying ordered entries failed: {e}"));
                        return false;
                    }
                    if head >= cut {
                        return true;
                    }
                    if *me.session.borrow() != session {
                        return false;
                    }
                }
                false
            };
            tokio::pin!(run);
            tokio::pin!(apply);
            let mut stop_tx = Some(stop_tx);
            let mut moved = self.session.subscribe();
            let mut engine_done = false;
            let ended = tokio::select! {
                () = stop.cancelled() => None,
                _ = moved.wait_for(|s| *s != session) => Some(false),
                r = &mut run => {
                    engine_done = true;
                    if let Err(e) = r {
                        // It cannot keep its units (a full disk): stop,
                        // rather than sign again what it may have signed.
                        self.fail(e);
                        return;
                    }
                    Some(false)
                }
                ended = &mut apply => Some(ended),
            };
            if let Some(tx) = stop_tx.take() {
                let _ = tx.send(());
            }
            if !engine_done {
                let _ = tokio::time::timeout(Duration::from_secs(5), &mut run).await;
            }
            forward.abort();
            let Some(ended) = ended else { return };
            if ended {
                self.next_session(session);
            } else if *self.session.borrow() == session {
                // The engine stopped on its own (max round without a cut):
                // wait for a catch-up to move us on.
                tokio::select! {
                    () = stop.cancelled() => return,
                    () = tokio::time::sleep(Duration::from_secs(1)) => {}
                }
            }
            let (tx, rx) = mpsc::unbounded_channel();
            *order_route.lock().unwrap_or_else(|p| p.into_inner()) = tx;
            inbound = rx;
            // Entries proposed in the old session and not ordered are
            // proposed again.
            let mut pool = self.pool.lock().unwrap_or_else(|p| p.into_inner());
            let again: Vec<Vec<u8>> = pool.proposed.drain().map(|(_, (e, _))| e).collect();
            pool.fresh.extend(again);
        }
    }

    /// Stops the replica for good: the node exits with `why`.
    fn fail(&self, why: String) {
        // NB: stop first, log after: the log may be on the disk that failed.
        self.failed
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .get_or_insert_with(|| why.clone());
        self.halt.cancel();
        tracing::error!(error = %why, "stopping this replica");
    }

    /// Whether entries wait to be ordered: submitted here (proposed or not
    /// yet) or held for a peer's submission.
    fn busy(&self) -> bool {
        let pool = self.pool.lock().unwrap_or_else(|p| p.into_inner());
        !(pool.fresh.is_empty() && pool.proposed.is_empty() && pool.standby.is_empty())
    }

    /// Takes the next proposal from the pool.
    fn propose(&self) -> Option<Vec<u8>> {
        let mut pool = self.pool.lock().unwrap_or_else(|p| p.into_inner());
        pool.take_over(self.takeover());
        let mut entries = Vec::new();
        let mut bytes = 0;
        while entries.len() < PROPOSAL_ENTRIES
            && let Some(e) = pool.fresh.front()
        {
            if bytes + e.len() > PROPOSAL_BYTES && !entries.is_empty() {
                break;
            }
            let e = pool.fresh.pop_front().expect("front exists");
            bytes += e.len();
            pool.proposed
                .insert(merkle::leaf_hash(&e), (e.clone(), Instant::now()));
            entries.push(e);
        }
        drop(pool);
        if self.misbehaves(Misbehaviour::Forge) {
            entries.push(self.forged_entry());
        }
        (!entries.is_empty()).then(|| Proposal(entries).encode())
    }

    /// An event under this replica's key whose signature does not verify.
    fn forged_entry(&self) -> Vec<u8> {
        let l = self.ledger.lock().unwrap_or_else(|p| p.into_inner());
        let now = crate::runtime::time::format_rfc3339(std::time::SystemTime::now());
        let body = l
            .new_body(
                "malicious_ip",
                "198.51.100.66",
                "critical",
                0,
                serde_json::Map::new(),
                None,
                &now,
            )
            .expect("a fixed valid body");
        let mut event = body.sign(&self.signer);
        let mut sig = super::event::unb64(&event.sig).expect("own signature");
        sig[5] ^= 1;
        event.sig = b64(&sig);
        event.to_entry()
    }

    /// Applies one ordered batch: checks every entry, appends the new valid
    /// ones as one commit, wakes their submitters, cosigns.
    fn apply(self: &Arc<Self>, batch: Vec<Ordered>) {
        if self
            .failed
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .is_some()
        {
            return;
        }
        let mut accepted: Vec<Vec<u8>> = Vec::new();
        let mut leaves: Vec<Hash> = Vec::new();
        let mut batch_seen: HashSet<Hash> = HashSet::new();
        let mut new_evidence: Vec<EvidenceKey> = Vec::new();
        let mut rejected: Vec<(usize, String)> = Vec::new();
        let mut candidates: Vec<(usize, Hash, Vec<u8>)> = Vec::new();
        {
            let present = self.present.lock().unwrap_or_else(|p| p.into_inner());
            let evidence = self.evidence.lock().unwrap_or_else(|p| p.into_inner());
            for unit in &batch {
                let Some(payload) = &unit.payload else {
                    continue;
                };
                let Ok(Proposal(entries)) = Proposal::decode(&mut &payload[..]) else {
                    rejected.push((unit.creator, "an undecodable proposal".into()));
                    continue;
                };
                for entry in entries {
                    let leaf = merkle::leaf_hash(&entry);
                    if present.contains_key(&leaf) || !batch_seen.insert(leaf) {
                        continue;
                    }
                    candidates.push((unit.creator, leaf, entry));
                }
            }
            // Every entry's signature, strictly, on every core.
            let verdicts = self.check_all(&candidates);
            for ((creator, leaf, entry), verdict) in candidates.into_iter().zip(verdicts) {
                if let Err(e) = verdict {
                    rejected.push((creator, format!("event {}: {e}", entry_id(&leaf))));
                    continue;
                }
                if contains(&entry, b"\"type\":\"evidence\"") {
                    let Ok(event) = Event::parse(&entry) else {
                        continue;
                    };
                    if event.kind == EVIDENCE {
                        match evidence_key(&event) {
                            Some(k) if !evidence.contains(&k) && !new_evidence.contains(&k) => {
                                new_evidence.push(k)
                            }
                            _ => continue,
                        }
                    }
                }
                accepted.push(entry);
                leaves.push(leaf);
            }
        }
        if !rejected.is_empty() {
            let mut st = self.status.lock().unwrap_or_else(|p| p.into_inner());
            for (creator, why) in &rejected {
                *st.rejected.entry(*creator).or_default() += 1;
                tracing::warn!(replica = creator, reason = %why, "dropped an invalid entry from a proposal");
            }
        }
        {
            let mut st = self.status.lock().unwrap_or_else(|p| p.into_inner());
            st.batches += 1;
        }
        if accepted.is_empty() {
            return;
        }
        let range = {
            let mut l = self.ledger.lock().unwrap_or_else(|p| p.into_inner());
            match l.append_entries(&accepted) {
                Ok(r) => r,
                Err(e) => {
                    // A replica that cannot write must not go on (it would
                    // diverge): it stops, and the node exits with the reason.
                    self.fail(format!("cannot append ordered entries: {e}"));
                    return;
                }
            }
        };
        {
            let mut present = self.present.lock().unwrap_or_else(|p| p.into_inner());
            present.extend(leaves.iter().copied().zip(range.start..));
            self.evidence
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .extend(new_evidence);
        }
        self.wake(range.start, &leaves);
        self.cosign_current();
    }

    /// Checks each candidate entry (parse, canonical form, strict
    /// signature by a trusted key), spread over the available cores on
    /// threads that outlive the batch (starting threads for every batch
    /// cost more than the checks of a small one).
    fn check_all(
        self: &Arc<Self>,
        candidates: &[(usize, Hash, Vec<u8>)],
    ) -> Vec<Result<(), EventError>> {
        let me = self.clone();
        map_shares(candidates, 64, move |share: &[(usize, Hash, Vec<u8>)]| {
            let entries: Vec<&[u8]> = share.iter().map(|(_, _, e)| &e[..]).collect();
            check_entries(&entries, &me.verifiers, &mut Vec::new())
        })
    }

    /// Entries `leaves` were committed from index `first`: forget them in
    /// the pool and answer their submitters.
    fn wake(&self, first: u64, leaves: &[Hash]) {
        let mut pool = self.pool.lock().unwrap_or_else(|p| p.into_inner());
        let mut waiters = self.waiters.lock().unwrap_or_else(|p| p.into_inner());
        for (i, leaf) in leaves.iter().enumerate() {
            pool.committed(leaf);
            if let Some(ws) = waiters.remove(leaf) {
                for w in ws {
                    let _ = w.send(first + i as u64);
                }
            }
        }
    }

    /// Signs the ledger's current (size, root) under the cluster origin and
    /// sends it to every peer.
    fn cosign_current(&self) {
        let (size, root) = {
            let l = self.ledger.lock().unwrap_or_else(|p| p.into_inner());
            (l.len(), l.root())
        };
        let me = self.replicas.me;
        let name = self.replicas.name(me);
        let cp = Checkpoint::signed(&self.replicas.origin, size, root, &name, &self.signer);
        self.cosigns
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .ours
            .insert(size, root);
        self.record_cosign(me, &cp);
        if self.misbehaves(Misbehaviour::Withhold) {
            return;
        }
        if self.misbehaves(Misbehaviour::Equivocate) {
            let mut fake = root;
            fake[0] ^= 0xff;
            let lie = Checkpoint::signed(&self.replicas.origin, size, fake, &name, &self.signer);
            for (k, peer) in (0..self.replicas.keys.len())
                .filter(|&i| i != me)
                .enumerate()
            {
                let note = if k % 2 == 0 { &cp } else { &lie };
                self.outbox.send(Some(peer), cosign_frame(note));
            }
            return;
        }
        if self.misbehaves(Misbehaviour::Fork) && size >= 2 {
            let at = size - 1;
            let committed = self
                .cosigns
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .ours
                .contains_key(&at);
            if !committed {
                let mut fake = root;
                fake[0] ^= 0xff;
                let lie = Checkpoint::signed(&self.replicas.origin, at, fake, &name, &self.signer);
                self.outbox.send(None, cosign_frame(&lie));
            }
        }
        let mut frame = cosign_frame(&cp);
        if self.misbehaves(Misbehaviour::Forge) {
            let mut bad = cp.clone();
            bad.signatures[0].2[7] ^= 1;
            frame = cosign_frame(&bad);
        }
        self.outbox.send(None, frame);
    }

    /// A checkpoint note from peer `from` (its own or relayed).
    fn on_cosign(&self, from: usize, body: &[u8]) {
        let Ok(text) = std::str::from_utf8(body) else {
            return;
        };
        let Ok(cp) = Checkpoint::parse(text) else {
            tracing::debug!(from, "an unparsable checkpoint from a peer");
            return;
        };
        let signers = self.replicas.signers(&cp);
        if signers.is_empty() {
            let mut st = self.status.lock().unwrap_or_else(|p| p.into_inner());
            *st.rejected.entry(from).or_default() += 1;
            tracing::warn!(
                replica = from,
                "a checkpoint whose signatures do not verify"
            );
            return;
        }
        for s in signers {
            // Only that signer's line, so relays carry exactly what it signed.
            let mut single = cp.clone();
            let name = self.replicas.name(s);
            single.signatures.retain(|(n, _, _)| *n == name);
            self.record_cosign(s, &single);
        }
    }

    /// Records replica `signer`'s checkpoint: equivocation, split view,
    /// quorum, relay.
    fn record_cosign(&self, signer: usize, cp: &Checkpoint) {
        let note = cp.to_note();
        let mut c = self.cosigns.lock().unwrap_or_else(|p| p.into_inner());
        let first = c.relayed.insert((signer, cp.size, cp.root));
        let ours = c.ours.get(&cp.size).copied();
        if ours.is_none() && signer != self.replicas.me {
            c.unmatched
                .entry(cp.size)
                .or_default()
                .entry(signer)
                .or_insert(cp.root);
            while c.unmatched.len() > UNMATCHED_LIMIT {
                c.unmatched.pop_first();
            }
        }
        let at = c.by_size.entry(cp.size).or_default();
        let mut equivocation = None;
        match at.get(&signer) {
            Some((root, other)) if *root != cp.root => {
                equivocation = Some(other.clone());
            }
            Some(_) => {}
            None => {
                at.insert(signer, (cp.root, note.clone()));
            }
        }
        // Split view: different roots for one size from different signers
        // (or against our own).
        let roots: HashSet<Hash> = at.values().map(|(r, _)| *r).collect();
        let split = roots.len() > 1 || ours.is_some_and(|r| r != cp.root);
        // Quorum.
        let agreeing: Vec<String> = at
            .values()
            .filter(|(r, _)| *r == cp.root)
            .map(|(_, n)| n.clone())
            .collect();
        let mut new_quorum = None;
        if agreeing.len() >= self.replicas.quorum()
            && c.quorum.as_ref().is_none_or(|q| q.size < cp.size)
        {
            let mut q = cp.clone();
            q.signatures.clear();
            for n in &agreeing {
                if let Ok(one) = Checkpoint::parse(n) {
                    q.signatures.extend(one.signatures);
                }
            }
            c.quorum = Some(q.clone());
            new_quorum = Some(q);
        }
        // Forget old sizes.
        let floor = cp.size.saturating_sub(COSIGN_WINDOW);
        while c.by_size.first_key_value().is_some_and(|(s, _)| *s < floor) {
            c.by_size.pop_first();
        }
        while c.ours.first_key_value().is_some_and(|(s, _)| *s < floor) {
            c.ours.pop_first();
        }
        if c.relayed.len() > 1 << 20 {
            c.relayed.clear();
        }
        drop(c);
        if first && signer != self.replicas.me {
            // Relay what a peer signed, so a replica that tells peers
            // different things is seen by all of them.
            self.outbox.send(None, cosign_frame(cp));
        }
        if let Some(q) = new_quorum {
            self.save_quorum(&q);
        }
        if let Some(other) = equivocation {
            self.equivocation(signer, cp.size, other, note.clone());
        } else if split {
            self.alarm(format!(
                "split view at size {}: replicas signed different roots",
                cp.size
            ));
        }
        self.check_other_sizes();
    }

    /// Split view across sizes: a peer's checkpoint for a size this replica
    /// never committed at (honest replicas commit the same batches, so
    /// their sizes are ours) must still agree with our tree at that size,
    /// the root of our first `size` entries; if not, the two trees are not
    /// consistent, and that is an alarm. Sizes beyond our log wait until we
    /// get there; sizes we did commit at are compared as equal sizes.
    fn check_other_sizes(&self) {
        let due: Vec<(u64, BTreeMap<usize, Hash>)> = {
            let len = self.ledger.lock().unwrap_or_else(|p| p.into_inner()).len();
            let mut c = self.cosigns.lock().unwrap_or_else(|p| p.into_inner());
            let later = c.unmatched.split_off(&(len + 1));
            let due = std::mem::replace(&mut c.unmatched, later);
            due.into_iter()
                .filter(|(size, _)| !c.ours.contains_key(size))
                .collect()
        };
        if due.is_empty() {
            return;
        }
        let sizes: Vec<u64> = due.iter().map(|(size, _)| *size).collect();
        let ours = self
            .ledger
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .roots_at(&sizes);
        let ours = match ours {
            Ok(r) => r,
            Err(e) => {
                tracing::warn!(error = %e, "cannot compute earlier roots");
                return;
            }
        };
        for ((size, roots), ours) in due.into_iter().zip(ours) {
            let Some(ours) = ours else { continue };
            for (signer, root) in roots {
                if root != ours {
                    self.alarm(format!(
                        "split view at size {size}: {} signed a root that this ledger's first {size} entries do not give",
                        self.replicas.name(signer)
                    ));
                }
            }
        }
    }

    fn save_quorum(&self, q: &Checkpoint) {
        let path = self.dir.join("quorum.note");
        let _ = crate::runtime::state::write_atomic(&path, q.to_note().as_bytes(), 0o644);
        let session = *self.session.borrow();
        let bpath = self.dir.join(format!("boundary-{session}.note"));
        let mut pending = self
            .boundary_pending
            .lock()
            .unwrap_or_else(|p| p.into_inner());
        if *pending == Some(q.size) {
            let _ = crate::runtime::state::write_atomic(&bpath, q.to_note().as_bytes(), 0o644);
            *pending = None;
        }
    }

    fn load_quorum(&self) {
        if let Ok(text) = std::fs::read_to_string(self.dir.join("quorum.note"))
            && let Ok(q) = Checkpoint::parse(&text)
            && self.replicas.signers(&q).len() >= self.replicas.quorum()
        {
            self.cosigns
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .quorum = Some(q);
        }
    }

    /// Replica `who` signed two roots for `size`: record evidence (once)
    /// through the ledger itself, and report it.
    fn equivocation(&self, who: usize, size: u64, a: String, b: String) {
        let id = self.replicas.ids[who].clone();
        {
            let mut st = self.status.lock().unwrap_or_else(|p| p.into_inner());
            if !st.equivocators.contains(&id) {
                st.equivocators.push(id.clone());
            }
        }
        if who == self.replicas.me
            || self
                .evidence
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .contains(&id)
        {
            return;
        }
        // Proposed once per replica from here (the pool may still hold it).
        if !self
            .reported
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(id.clone())
        {
            return;
        }
        tracing::error!(replica = who, key = %id, size, "replica signed two different checkpoints for one size: recording evidence");
        let mut meta = serde_json::Map::new();
        meta.insert("replica".into(), id.clone().into());
        meta.insert("size".into(), size.into());
        meta.insert("notes".into(), serde_json::json!([a, b]));
        let entry = {
            let l = self.ledger.lock().unwrap_or_else(|p| p.into_inner());
            let now = crate::runtime::time::format_rfc3339(std::time::SystemTime::now());
            // The evidence's source is the documentation range: it names
            // no address; blocklists never derive from evidence.
            match l.new_body(EVIDENCE, "192.0.2.0/24", "critical", 1, meta, None, &now) {
                Ok(body) => body.sign(&self.signer).to_entry(),
                Err(_) => return,
            }
        };
        self.pool
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .fresh
            .push_back(entry);
    }

    fn alarm(&self, text: String) {
        let mut st = self.status.lock().unwrap_or_else(|p| p.into_inner());
        if st.alarms.contains(&text) {
            return;
        }
        tracing::error!(alarm = %text, "cluster alarm");
        st.alarms.push(text.clone());
        drop(st);
        use std::io::Write;
        if let Ok(mut f) = std::fs::File::options()
            .create(true)
            .append(true)
            .open(self.dir.join("alarms.jsonl"))
        {
            let now = crate::runtime::time::format_rfc3339(std::time::SystemTime::now());
            let _ = writeln!(f, "{}", serde_json::json!({"time": now, "alarm": text}));
        }
    }

    /// Moves to the next session after the cut of `session`.
    fn next_session(&self, session: u64) {
        let next = session + 1;
        self.set_session(next);
        let size = self.ledger.lock().unwrap_or_else(|p| p.into_inner()).len();
        *self
            .boundary_pending
            .lock()
            .unwrap_or_else(|p| p.into_inner()) = Some(size);
        // The boundary's quorum may already have formed.
        let q = self
            .cosigns
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .quorum
            .clone();
        if let Some(q) = q.filter(|q| q.size == size) {
            self.save_quorum(&q);
        }
        self.cosign_current();
        let _ = std::fs::remove_file(self.dir.join(format!("session-{session}.backup")));
        tracing::info!(session = next, size, "new consensus session");
    }

    fn set_session(&self, session: u64) {
        self.session.send_replace(session);
        let bytes = serde_json::to_vec(&State { session }).expect("state serialises");
        if let Err(e) =
            crate::runtime::state::write_atomic(&self.dir.join("state.json"), &bytes, 0o644)
        {
            tracing::error!(error = %e, "cannot save the cluster state");
        }
    }

    /// Every second: when a peer runs a later session, fetch what this
    /// replica misses.
    async fn catch_up_loop(self: Arc<Self>, stop: CancellationToken) {
        loop {
            tokio::select! {
                () = stop.cancelled() => return,
                () = tokio::time::sleep(Duration::from_secs(1)) => {}
            }
            let current = *self.session.borrow();
            let seen = *self.seen_session.lock().unwrap_or_else(|p| p.into_inner());
            if seen <= current {
                continue;
            }
            for peer in self.config.peers.clone() {
                match self.catch_up_from(&peer, seen).await {
                    Ok(true) => break,
                    Ok(false) => {}
                    Err(e) => tracing::warn!(%peer, error = %e, "catch-up failed"),
                }
            }
        }
    }

    /// Fetches session `session`'s opening quorum checkpoint and the
    /// entries up to it from `peer`; accepts them only when they extend
    /// this ledger to exactly that checkpoint. Ok(true) when caught up.
    async fn catch_up_from(&self, peer: &str, session: u64) -> Result<bool, String> {
        let note = get(peer, &format!("/v1/cluster/boundary/{session}")).await?;
        let note = String::from_utf8(note).map_err(|_| "the boundary is not text")?;
        let q = Checkpoint::parse(&note)?;
        let signers = self.replicas.signers(&q);
        if signers.len() < self.replicas.quorum() {
            return Err(format!(
                "its checkpoint for session {session} has {} valid replica signatures, {} needed",
                signers.len(),
                self.replicas.quorum()
            ));
        }
        let (old, old_root) = {
            let l = self.ledger.lock().unwrap_or_else(|p| p.into_inner());
            (l.len(), l.root())
        };
        if q.size < old {
            self.alarm(format!(
                "the quorum checkpoint of session {session} has size {}, but this ledger already has {old} entries",
                q.size
            ));
            return Ok(false);
        }
        let proof = get(
            peer,
            &format!("/v1/cluster/consistency?old={old}&new={}", q.size),
        )
        .await?;
        let proof: Vec<Hash> = proof
            .chunks(32)
            .map(|c| c.try_into().map_err(|_| "a proof hash is not 32 bytes"))
            .collect::<Result<_, _>>()?;
        if let Err(e) = merkle::verify_consistency(old, q.size, &old_root, &q.root, &proof) {
            self.alarm(format!(
                "the quorum checkpoint of session {session} (size {}) is not consistent with this ledger (size {old}): {e}",
                q.size
            ));
            return Ok(false);
        }
        let raw = get(
            peer,
            &format!("/v1/cluster/entries?from={old}&to={}", q.size),
        )
        .await?;
        let entries = split_entries(&raw)?;
        if entries.len() as u64 != q.size - old {
            return Err(format!(
                "asked for {} entries, got {}",
                q.size - old,
                entries.len()
            ));
        }
        {
            let mut l = self.ledger.lock().unwrap_or_else(|p| p.into_inner());
            let mut acc = l.accumulator().clone();
            let all: Vec<&[u8]> = entries.iter().map(|e| &e[..]).collect();
            let checked = check_entries(&all, &self.verifiers, &mut Vec::new());
            for (k, (e, result)) in entries.iter().zip(checked).enumerate() {
                result.map_err(|e| format!("entry {}: {e}", old + k as u64))?;
                acc.push(merkle::leaf_hash(e));
            }
            if acc.root() != q.root {
                return Err("the entries do not lead to the quorum checkpoint's root".into());
            }
            if !entries.is_empty() {
                l.append_entries(&entries).map_err(|e| e.to_string())?;
            }
            let mut present = self.present.lock().unwrap_or_else(|p| p.into_inner());
            let mut evidence = self.evidence.lock().unwrap_or_else(|p| p.into_inner());
            for (k, e) in entries.iter().enumerate() {
                note_entry(&mut present, &mut evidence, old + k as u64, e);
            }
        }
        let leaves: Vec<Hash> = entries.iter().map(|e| merkle::leaf_hash(e)).collect();
        self.wake(old, &leaves);
        let _ = crate::runtime::state::write_atomic(
            &self.dir.join(format!("boundary-{session}.note")),
            note.as_bytes(),
            0o644,
        );
        {
            let mut c = self.cosigns.lock().unwrap_or_else(|p| p.into_inner());
            if c.quorum.as_ref().is_none_or(|x| x.size < q.size) {
                c.quorum = Some(q.clone());
            }
        }
        let from_session = *self.session.borrow();
        self.set_session(session);
        for s in from_session..session {
            let _ = std::fs::remove_file(self.dir.join(format!("session-{s}.backup")));
        }
        self.status
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .caught_up += q.size - old;
        tracing::info!(%peer, session, from = old, to = q.size, "caught up");
        self.cosign_current();
        Ok(true)
    }
}

fn cosign_frame(cp: &Checkpoint) -> Frame {
    Frame {
        kind: kind::COSIGN,
        session: 0,
        body: cp.to_note().into_bytes(),
    }
}

/// `len u32 ‖ bytes` records, as `/v1/cluster/entries` sends them.
pub fn join_entries(entries: &[Vec<u8>]) -> Vec<u8> {
    let mut out = Vec::new();
    for e in entries {
        out.extend_from_slice(&(e.len() as u32).to_le_bytes());
        out.extend_from_slice(e);
    }
    out
}

fn split_entries(mut raw: &[u8]) -> Result<Vec<Vec<u8>>, String> {
    let mut out = Vec::new();
    while !raw.is_empty() {
        if raw.len() < 4 {
            return Err("a truncated entry list".into());
        }
        let len = u32::from_le_bytes(raw[..4].try_into().expect("4 bytes")) as usize;
        let e = raw
            .get(4..4 + len)
            .ok_or("a truncated entry list")?
            .to_vec();
        raw = &raw[4 + len..];
        out.push(e);
    }
    Ok(out)
}

/// GET `path` from a peer node's API.
async fn get(peer: &str, path: &str) -> Result<Vec<u8>, String> {
    use crate::runtime::http_client;
    let url = format!("http://{peer}{path}");
    let mut req = http_client::Request::get(url.clone());
    req.connect_timeout = Some(Duration::from_secs(5));
    req.read_timeout = Some(Duration::from_secs(60));
    req.max_body = 1 << 30;
    let resp = http_client::send(&req)
        .await
        .map_err(|e| format!("{url}: {e}"))?;
    if resp.status != 200 {
        return Err(format!("{url}: HTTP {}", resp.status));
    }
    Ok(resp.body)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    fn replica_set(n: usize) -> (Vec<SigningKey>, Replicas) {
        let keys: Vec<SigningKey> = (0..n)
            .map(|i| SigningKey::generate(&mut rand_chacha::ChaCha20Rng::seed_from_u64(i as u64)))
            .collect();
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("replicas")).unwrap();
        for (i, k) in keys.iter().enumerate().skip(1) {
            crypto::write_public_key(
                &dir.path().join(format!("replicas/r{i}.pub")),
                &k.verifying_key(),
                false,
            )
            .unwrap();
        }
        let r = replicas(dir.path(), &keys[0].verifying_key()).unwrap();
        (keys, r)
    }

    #[test]
    fn quorum_is_two_f_plus_one_and_the_set_is_ordered_by_key_id() {
        let (keys, r) = replica_set(4);
        assert_eq!((r.faults(), r.quorum()), (1, 3));
        let (_, r7) = replica_set(7);
        assert_eq!((r7.faults(), r7.quorum()), (2, 5));
        let mut ids = r.ids.clone();
        ids.sort();
        assert_eq!(ids, r.ids);
        assert_eq!(r.keys[r.me], keys[0].verifying_key());
        assert!(r.origin.starts_with("omni.ledger.cluster/"));
        // Fewer than four keys is refused.
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("replicas")).unwrap();
        assert!(replicas(dir.path(), &keys[0].verifying_key()).is_err());
    }

    #[test]
    fn only_replica_signatures_under_the_cluster_origin_count() {
        let (keys, r) = replica_set(4);
        let root = [9u8; 32];
        let me = keys
            .iter()
            .position(|k| k.verifying_key() == r.keys[2])
            .unwrap();
        let mut cp = Checkpoint::signed(&r.origin, 5, root, &r.name(2), &keys[me]);
        assert_eq!(r.signers(&cp), vec![2]);
        // A signature under another replica's name does not count for it.
        let other = keys
            .iter()
            .position(|k| k.verifying_key() == r.keys[1])
            .unwrap();
        cp.add_signature(&r.name(3), &keys[other]);
        assert_eq!(r.signers(&cp), vec![2]);
        cp.add_signature(&r.name(1), &keys[other]);
        assert_eq!(r.signers(&cp), vec![1, 2]);
        // Another origin: nothing counts.
        let foreign = Checkpoint::signed("elsewhere", 5, root, &r.name(2), &keys[me]);
        assert!(r.signers(&foreign).is_empty());
    }

    #[test]
    fn entry_lists_round_trip_and_truncation_is_refused() {
        let entries = vec![b"a".to_vec(), Vec::new(), vec![7u8; 300]];
        let raw = join_entries(&entries);
        assert_eq!(split_entries(&raw).unwrap(), entries);
        assert!(split_entries(&raw[..raw.len() - 1]).is_err());
        assert!(split_entries(&raw[..2]).is_err());
    }

    #[test]
    fn waiting_entries_are_proposed_again_and_committed_ones_forgotten() {
        let mut pool = Pool::default();
        let old = Instant::now() - Duration::from_secs(10);
        pool.proposed.insert([1; 32], (b"one".to_vec(), old));
        pool.standby.insert([2; 32], (b"two".to_vec(), old));
        pool.standby
            .insert([3; 32], (b"three".to_vec(), Instant::now()));
        pool.committed(&[1; 32]);
        pool.take_over(Duration::from_secs(1));
        assert_eq!(pool.fresh, VecDeque::from([b"two".to_vec()]));
        assert!(pool.standby.contains_key(&[3; 32]));
        assert!(pool.proposed.is_empty());
    }
}
