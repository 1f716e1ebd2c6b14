//! `omni ledger`: a signed, Merkle-proven log of security events.
//!
//! A ledger lives in one data directory:
//!
//! ```text
//! ledger.json      domain, origin (checkpoint name), node key id, format version
//! key.pem, key.pub the node's Ed25519 key (0600) and its public half
//! log/             the entries: segment files of framed records (store.rs)
//! checkpoints/     every signed checkpoint, with the tree's right edge
//! index/           the query index (index.rs): derived from log/, never trusted over it
//! lock             flock(2): one writer at a time
//! ```
//!
//! An entry is a signed [`event::Event`]; the Merkle tree (RFC 6962) is over
//! the entries' bytes; after every commit the node signs a checkpoint (C2SP
//! signed note) of the new size and root and appends it to `checkpoints/`,
//! with the tree's right edge, so the next commit extends the tree without
//! reading the log.
//!
//! Guarantees:
//! - An event is acknowledged (`record` returns) only once it is synced to
//!   disk; a crash loses at most unacknowledged events, and a torn tail is
//!   cut on the next open, never trusted.
//! - [`verify`] recomputes every entry's signature (strictly) and the tree,
//!   and compares it with every signed checkpoint: a changed, removed,
//!   reordered or forged entry is named (index, id, what is wrong); the
//!   precision is one commit (a single `record` is its own commit).
//! - Nothing here prints, reads the environment or exits.

use std::collections::BTreeMap;
use std::fs::File;
use std::os::fd::AsRawFd;
use std::path::{Path, PathBuf};

use ed25519_dalek::{SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};

use crate::runtime::crypto::{self, CryptoError, KeyId};
use crate::runtime::error::{Classify, Exit};

pub mod api;
pub mod blocklist;
pub mod checkpoint;
pub mod cluster;
pub mod event;
pub mod export;
pub mod index;
pub mod merkle;
pub mod policy;
pub mod store;
pub mod verify;
pub mod watch;

use checkpoint::Checkpoint;
use merkle::{Accumulator, Hash};
use store::{Log, LogError};

/// How long a writer waits for another to finish before giving up.
const LOCK_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

/// Why a ledger operation failed.
#[derive(Debug, thiserror::Error)]
pub enum LedgerError {
    #[error("{0}")]
    Invalid(String),
    /// The cluster's configuration (the replica set) is unusable.
    #[error("{0}")]
    Cluster(String),
    #[error("no ledger in {0} (create one with `omni ledger init --data-dir {0}`)")]
    Missing(PathBuf),
    #[error("{0} already holds a ledger")]
    Exists(PathBuf),
    #[error("{path}: {reason}")]
    Damaged { path: PathBuf, reason: String },
    #[error(
        "{0} is in use by another writer (a running `omni ledger node`? submit with record --node instead)"
    )]
    Busy(PathBuf),
    #[error(transparent)]
    Log(#[from] LogError),
    #[error(transparent)]
    Crypto(#[from] CryptoError),
    #[error("{what} {path}: {source}")]
    Io {
        what: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl LedgerError {
    fn io<'a>(what: &'static str, path: &'a Path) -> impl Fn(std::io::Error) -> LedgerError + 'a {
        move |source| LedgerError::Io {
            what,
            path: path.to_path_buf(),
            source,
        }
    }
}

impl Classify for LedgerError {
    fn exit(&self) -> Exit {
        match self {
            LedgerError::Invalid(_) => Exit::Usage,
            LedgerError::Cluster(_) => Exit::Config,
            LedgerError::Missing(_) => Exit::NoInput,
            LedgerError::Exists(_) => Exit::Usage,
            LedgerError::Damaged { .. } => Exit::DataErr,
            LedgerError::Busy(_) => Exit::TempFail,
            LedgerError::Log(LogError::Io { source, .. }) => Exit::from_io(source),
            LedgerError::Log(_) => Exit::DataErr,
            LedgerError::Crypto(e) => e.exit(),
            LedgerError::Io { source, .. } => Exit::from_io(source),
        }
    }
}

/// `ledger.json`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Meta {
    pub version: u32,
    /// The organisation this node reports for.
    pub domain: String,
    /// The checkpoint origin and key name.
    pub origin: String,
    /// The node key's id (SHA-256 of the public key, hex).
    pub key_id: String,
    /// RFC 3339 UTC.
    pub created: String,
}

/// One record of `checkpoints/`: the signed note and the tree's right edge.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Saved {
    pub note: String,
    /// (height, base64 root) of each perfect subtree, left to right.
    pub edge: Vec<(u32, String)>,
}

/// The files of a ledger directory.
pub struct Paths {
    pub dir: PathBuf,
}

impl Paths {
    pub fn meta(&self) -> PathBuf {
        self.dir.join("ledger.json")
    }
    pub fn key(&self) -> PathBuf {
        self.dir.join("key.pem")
    }
    pub fn public(&self) -> PathBuf {
        self.dir.join("key.pub")
    }
    pub fn log(&self) -> PathBuf {
        self.dir.join("log")
    }
    pub fn checkpoints(&self) -> PathBuf {
        self.dir.join("checkpoints")
    }
    pub fn lock(&self) -> PathBuf {
        self.dir.join("lock")
    }
    /// The query index (`index/entries.idx`).
    pub fn index(&self) -> PathBuf {
        index::file(&self.dir)
    }
    /// Public keys of other reporters this ledger accepts events from,
    /// one `<key id>.pub` each.
    pub fn trusted(&self) -> PathBuf {
        self.dir.join("trusted")
    }
}

/// The keys a ledger accepts events from besides its own: `trusted/*.pub`,
/// each file named after its key's id (a mismatch is damage).
pub fn trusted_keys(dir: &Path) -> Result<BTreeMap<String, VerifyingKey>, LedgerError> {
    let paths = Paths {
        dir: dir.to_path_buf(),
    };
    let mut out = BTreeMap::new();
    let entries = match std::fs::read_dir(paths.trusted()) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(out),
        Err(e) => return Err(LedgerError::io("reading", &paths.trusted())(e)),
    };
    for entry in entries {
        let path = entry
            .map_err(LedgerError::io("reading", &paths.trusted()))?
            .path();
        let Some(id) = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".pub"))
        else {
            continue;
        };
        let key = crypto::read_public_key(&path)?;
        if KeyId::of(&key).to_hex() != id {
            return Err(LedgerError::Damaged {
                path: path.clone(),
                reason: format!("the key in this file has id {}", KeyId::of(&key)),
            });
        }
        out.insert(id.to_owned(), key);
    }
    Ok(out)
}

/// Creates a ledger in `dir` for `domain` with a fresh key (or `key`).
pub fn init(dir: &Path, domain: &str, key: SigningKey, now: &str) -> Result<Meta, LedgerError> {
    if domain.is_empty()
        || !domain
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
    {
        return Err(LedgerError::Invalid(format!(
            "--domain {domain:?}: use letters, digits, '-', '_' and '.'"
        )));
    }
    let paths = Paths {
        dir: dir.to_path_buf(),
    };
    if paths.meta().exists() {
        return Err(LedgerError::Exists(dir.to_path_buf()));
    }
    crate::runtime::state::ensure_dir(dir, 0o700)
        .map_err(|e| LedgerError::Invalid(e.to_string()))?;
    let public = key.verifying_key();
    let id = KeyId::of(&public);
    crypto::write_private_key(&paths.key(), &key, false)?;
    crypto::write_public_key(&paths.public(), &public, false)?;
    let meta = Meta {
        version: 1,
        domain: domain.to_owned(),
        origin: format!("omni.ledger/{domain}/{}", id.short()),
        key_id: id.to_hex(),
        created: now.to_owned(),
    };
    let mut bytes = serde_json::to_vec_pretty(&meta).expect("meta serialises");
    bytes.push(b'\n');
    crate::runtime::state::write_new_atomic(&paths.meta(), &bytes, 0o644)
        .map_err(|e| LedgerError::Invalid(e.to_string()))?;
    // The empty tree's checkpoint, so every ledger has one from the start.
    let mut ledger = Ledger::open(dir, true)?;
    ledger.commit_checkpoint()?;
    Ok(meta)
}

/// Reads `ledger.json` and the public key, checking they agree.
pub fn read_meta(dir: &Path) -> Result<(Meta, VerifyingKey), LedgerError> {
    let paths = Paths {
        dir: dir.to_path_buf(),
    };
    let text = match std::fs::read(paths.meta()) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(LedgerError::Missing(dir.to_path_buf()));
        }
        Err(e) => return Err(LedgerError::io("reading", &paths.meta())(e)),
    };
    let meta: Meta = serde_json::from_slice(&text).map_err(|e| LedgerError::Damaged {
        path: paths.meta(),
        reason: e.to_string(),
    })?;
    let public = crypto::read_public_key(&paths.public())?;
    if KeyId::of(&public).to_hex() != meta.key_id {
        return Err(LedgerError::Damaged {
            path: paths.public(),
            reason: format!(
                "this key's id is {}, but ledger.json names {}",
                KeyId::of(&public),
                meta.key_id
            ),
        });
    }
    Ok((meta, public))
}

/// An open ledger.
pub struct Ledger {
    pub paths: Paths,
    pub meta: Meta,
    pub public: VerifyingKey,
    key: Option<SigningKey>,
    log: Log,
    history: Log,
    acc: Accumulator,
    last: Option<Checkpoint>,
    trusted: BTreeMap<String, VerifyingKey>,
    /// The query index: loaded at open by a writer (which keeps it in step
    /// with every commit), on the first selection by a reader.
    index: std::sync::OnceLock<index::Index>,
    _lock: Option<File>,
}

impl Ledger {
    /// Opens the ledger in `dir`; `write` takes the writer's lock and the
    /// private key, and cuts a torn tail.
    pub fn open(dir: &Path, write: bool) -> Result<Ledger, LedgerError> {
        let (meta, public) = read_meta(dir)?;
        let paths = Paths {
            dir: dir.to_path_buf(),
        };
        let (key, lock) = if write {
            let lock = File::options()
                .create(true)
                .truncate(false)
                .write(true)
                .open(paths.lock())
                .map_err(LedgerError::io("opening", &paths.lock()))?;
            // A writer holds the lock for a commit (milliseconds) or, a
            // node, for its whole life: wait a little, then say who to ask.
            let deadline = std::time::Instant::now() + LOCK_WAIT;
            loop {
                // SAFETY: flock(2) on a descriptor we own, without blocking.
                if unsafe { libc::flock(lock.as_raw_fd(), libc::LOCK_EX | libc::LOCK_NB) } == 0 {
                    break;
                }
                let err = std::io::Error::last_os_error();
                if err.kind() != std::io::ErrorKind::WouldBlock {
                    return Err(LedgerError::io("locking", &paths.lock())(err));
                }
                if std::time::Instant::now() >= deadline {
                    return Err(LedgerError::Busy(dir.to_path_buf()));
                }
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            let key = crypto::read_private_key(&paths.key())?;
            if key.verifying_key() != public {
                return Err(LedgerError::Damaged {
                    path: paths.key(),
                    reason: "the private key does not match key.pub".into(),
                });
            }
            (Some(key), Some(lock))
        } else {
            (None, None)
        };
        let history = Log::open(&paths.checkpoints(), write)?;
        let last_saved = if history.is_empty() {
            None
        } else {
            let bytes = history.read(history.len() - 1)?;
            Some(parse_saved(&paths.checkpoints(), &bytes)?)
        };
        let log = Log::open(&paths.log(), write)?;
        let (last, mut acc) = match last_saved {
            Some((cp, acc)) => (Some(cp), acc),
            None => (None, Accumulator::default()),
        };
        if let (Some(cp), Some(torn)) = (&last, &log.torn)
            && torn.index < cp.size
        {
            return Err(LedgerError::Damaged {
                path: paths.log(),
                reason: format!(
                    "entry {} is damaged ({}), but the checkpoint of size {} says it was recorded",
                    torn.index, torn.reason, cp.size
                ),
            });
        }
        if acc.size() > log.len() {
            return Err(LedgerError::Damaged {
                path: paths.log(),
                reason: format!(
                    "the log has {} entries, but the last checkpoint covers {} (run omni ledger verify)",
                    log.len(),
                    acc.size()
                ),
            });
        }
        // Entries synced after the last checkpoint (a crash in between).
        let from = acc.size();
        for i in from..log.len() {
            acc.push(merkle::leaf_hash(&log.read(i)?));
        }
        let trusted = trusted_keys(dir)?;
        let loaded = std::sync::OnceLock::new();
        if write {
            let (ix, _) = index::Index::open(&paths.index(), &log, true)?;
            let _ = loaded.set(ix);
        }
        let mut ledger = Ledger {
            paths,
            meta,
            public,
            key,
            log,
            history,
            acc,
            last,
            trusted,
            index: loaded,
            _lock: lock,
        };
        // A writer first checkpoints what a crash left unsigned.
        if ledger.key.is_some()
            && ledger
                .last
                .as_ref()
                .is_some_and(|c| c.size != ledger.acc.size())
        {
            ledger.commit_checkpoint()?;
        }
        Ok(ledger)
    }

    /// Entries in the log.
    pub fn len(&self) -> u64 {
        self.log.len()
    }

    pub fn is_empty(&self) -> bool {
        self.log.is_empty()
    }

    /// A new event of this node (its domain and key), checked: a
    /// lower-case type, a canonical address or network, a severity, an
    /// RFC 3339 UTC time (`now` when none is given).
    #[allow(clippy::too_many_arguments)]
    pub fn new_body(
        &self,
        kind: &str,
        source: &str,
        severity: &str,
        ttl: u64,
        meta: serde_json::Map<String, serde_json::Value>,
        time: Option<&str>,
        now: &str,
    ) -> Result<event::Body, String> {
        if kind.is_empty()
            || !kind
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
        {
            return Err(format!(
                "type {kind:?}: use lower-case letters, digits and '_' (malicious_ip)"
            ));
        }
        let source: event::Net = source.parse()?;
        let severity: event::Severity = severity.parse()?;
        let time = match time {
            Some(t) => {
                crate::runtime::time::parse_rfc3339(t).ok_or_else(|| {
                    format!("time {t:?}: expected RFC 3339 UTC, like 2026-11-23T10:00:00Z")
                })?;
                t.to_owned()
            }
            None => now.to_owned(),
        };
        Ok(event::Body {
            v: 1,
            time,
            kind: kind.to_owned(),
            source,
            severity,
            ttl,
            meta,
            domain: self.meta.domain.clone(),
            reporter: self.meta.key_id.clone(),
        })
    }

    /// The current root.
    pub fn root(&self) -> Hash {
        self.acc.root()
    }

    /// The root of the first `size` entries (the tree as it was at that
    /// size; `None` past the end).
    pub fn root_at(&self, size: u64) -> Result<Option<Hash>, LedgerError> {
        Ok(self.roots_at(&[size])?.pop().flatten())
    }

    /// [`Ledger::root_at`] for each of `sizes` (ascending) in one pass: the
    /// tree edge saved with the last commit at or below the first size
    /// (found by bisection), then the entries after it, read once.
    pub fn roots_at(&self, sizes: &[u64]) -> Result<Vec<Option<Hash>>, LedgerError> {
        debug_assert!(sizes.is_sorted());
        let Some(&first) = sizes.first() else {
            return Ok(Vec::new());
        };
        let path = self.paths.checkpoints();
        let (mut lo, mut hi) = (0, self.history.len());
        let mut acc = Accumulator::default();
        while lo < hi && first < self.len() {
            let mid = lo + (hi - lo) / 2;
            let (cp, edge) = parse_saved(&path, &self.history.read(mid)?)?;
            if cp.size <= first {
                acc = edge;
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let mut out = Vec::with_capacity(sizes.len());
        for &size in sizes {
            if size > self.len() {
                out.push(None);
            } else if size == self.len() {
                out.push(Some(self.root()));
            } else {
                for i in acc.size()..size {
                    acc.push(merkle::leaf_hash(&self.log.read(i)?));
                }
                out.push(Some(acc.root()));
            }
        }
        Ok(out)
    }

    /// The latest signed checkpoint, if any.
    pub fn last_checkpoint(&self) -> Option<&Checkpoint> {
        self.last.as_ref()
    }

    pub fn log(&self) -> &Log {
        &self.log
    }

    /// The node's signing key (writers only).
    pub fn key(&self) -> Option<&SigningKey> {
        self.key.as_ref()
    }

    /// Prepared strict verifiers for every key this ledger accepts (its
    /// own first, as `verify` orders them).
    pub fn verifiers(&self) -> event::Verifiers {
        let mut keys = event::Verifiers::default();
        keys.insert(&self.meta.key_id, &self.public);
        for (id, key) in &self.trusted {
            keys.insert(id, key);
        }
        keys
    }

    /// The tree's right edge (extend a copy to compute a future root).
    pub fn accumulator(&self) -> &Accumulator {
        &self.acc
    }

    /// Whether events signed by key `id` are accepted.
    pub fn trusts(&self, id: &str) -> bool {
        id == self.meta.key_id || self.trusted.contains_key(id)
    }

    /// Accepts events signed by `key` from now on (`trusted/<id>.pub`).
    pub fn trust(&mut self, key: &VerifyingKey) -> Result<(), LedgerError> {
        let id = KeyId::of(key).to_hex();
        if self.trusts(&id) {
            return Ok(());
        }
        crate::runtime::state::ensure_dir(&self.paths.trusted(), 0o755)
            .map_err(|e| LedgerError::Invalid(e.to_string()))?;
        crypto::write_public_key(&self.paths.trusted().join(format!("{id}.pub")), key, true)?;
        self.trusted.insert(id, *key);
        Ok(())
    }

    /// Appends what a checked export adds to this ledger: its entries must
    /// begin with all of this ledger's. Returns how many were added.
    pub fn import(&mut self, checked: &export::Checked) -> Result<u64, LedgerError> {
        let local = self.leaves()?;
        if local.len() > checked.leaves.len() {
            return Err(LedgerError::Invalid(format!(
                "the ledger has {} entries, the export only {}: it cannot extend this ledger",
                local.len(),
                checked.leaves.len()
            )));
        }
        if let Some(i) = local.iter().zip(&checked.leaves).position(|(a, b)| a != b) {
            return Err(LedgerError::Invalid(format!(
                "entry {i} differs from the export's: the export does not extend this ledger"
            )));
        }
        let new = &checked.entries[local.len()..];
        if !new.is_empty() {
            self.append_entries(new)?;
        }
        Ok(new.len() as u64)
    }

    /// Appends those of `payloads` (checked entries) that are not in the
    /// ledger yet, in order and once each, as one commit (none when all are
    /// there); returns each one's index, old or new. Signatures are
    /// deterministic, so the same event signed twice (a retried `record`
    /// with its time given) is the same entry: recording it again changes
    /// nothing, where appending it would leave a replay that `verify`
    /// refuses.
    pub fn append_new(&mut self, payloads: &[Vec<u8>]) -> Result<Vec<u64>, LedgerError> {
        let copies = self.log.find_copies(payloads)?;
        let mut fresh: Vec<Vec<u8>> = Vec::new();
        let mut pending: std::collections::HashMap<&[u8], u64> = std::collections::HashMap::new();
        let mut next = self.len();
        let mut indices = Vec::with_capacity(payloads.len());
        for (p, copy) in payloads.iter().zip(copies) {
            let index = match copy.or_else(|| pending.get(&p[..]).copied()) {
                Some(i) => i,
                None => {
                    pending.insert(p, next);
                    fresh.push(p.clone());
                    next += 1;
                    next - 1
                }
            };
            indices.push(index);
        }
        if !fresh.is_empty() {
            self.append_entries(&fresh)?;
        }
        Ok(indices)
    }

    /// Appends checked entries as one commit (the caller makes sure none is
    /// in the ledger already; see [`Ledger::append_new`]).
    pub fn append_entries(
        &mut self,
        payloads: &[Vec<u8>],
    ) -> Result<std::ops::Range<u64>, LedgerError> {
        let start = self.log.len();
        self.log.append(payloads)?;
        // NB: whichever path appends (record, import, a replica applying a
        // batch), the index follows the log here. Its write is not synced:
        // the next open checks it against the log and repairs it.
        if let Some(ix) = self.index.get_mut() {
            ix.appended(&self.log, payloads);
        }
        for p in payloads {
            self.acc.push(merkle::leaf_hash(p));
        }
        self.commit_checkpoint()?;
        Ok(start..self.log.len())
    }

    /// Signs and records a checkpoint of the current tree.
    fn commit_checkpoint(&mut self) -> Result<(), LedgerError> {
        let key = self
            .key
            .as_ref()
            .ok_or_else(|| LedgerError::Invalid("the ledger is open read-only".into()))?;
        let cp = Checkpoint::signed(
            &self.meta.origin,
            self.acc.size(),
            self.acc.root(),
            &self.meta.origin,
            key,
        );
        let saved = Saved {
            note: cp.to_note(),
            edge: self
                .acc
                .edge()
                .iter()
                .map(|(h, r)| (*h, event::b64(r)))
                .collect(),
        };
        let bytes = serde_json::to_vec(&saved).expect("a checkpoint serialises");
        self.history.append(&[bytes])?;
        self.last = Some(cp);
        Ok(())
    }

    /// The query index, loaded (and extended in memory from the log) on
    /// first use by a reader.
    pub fn index(&self) -> Result<&index::Index, LedgerError> {
        if let Some(ix) = self.index.get() {
            return Ok(ix);
        }
        let (ix, _) = index::Index::open(&self.paths.index(), &self.log, false)?;
        Ok(self.index.get_or_init(|| ix))
    }

    /// The events `filter` selects, in log order, with their indices: the
    /// index names the candidates, and each is read, parsed and checked
    /// against the filter (so the result is a full scan's). Entries that are
    /// not events are skipped.
    pub fn select(&self, filter: &index::Filter) -> Result<index::Select<'_>, LedgerError> {
        Ok(index::Select::new(&self.log, self.index()?, filter))
    }

    /// The leaf hashes of every entry (reads the whole log).
    pub fn leaves(&self) -> Result<Vec<Hash>, LedgerError> {
        let mut out = Vec::with_capacity(self.log.len() as usize);
        self.log.for_each(|_, p| {
            out.push(merkle::leaf_hash(p));
            Ok(())
        })?;
        Ok(out)
    }
}

/// Parses a `checkpoints/` record.
pub fn parse_saved(path: &Path, bytes: &[u8]) -> Result<(Checkpoint, Accumulator), LedgerError> {
    let bad = |reason: String| LedgerError::Damaged {
        path: path.to_path_buf(),
        reason,
    };
    let saved: Saved = serde_json::from_slice(bytes).map_err(|e| bad(e.to_string()))?;
    let cp = Checkpoint::parse(&saved.note).map_err(bad)?;
    let mut edge = Vec::new();
    for (h, r) in &saved.edge {
        let root: Hash = event::unb64(r)
            .and_then(|r| r.try_into().ok())
            .ok_or_else(|| bad("a right-edge hash is not 32 bytes of base64".into()))?;
        edge.push((*h, root));
    }
    let acc = Accumulator::from_edge(cp.size, edge).ok_or_else(|| {
        bad(format!(
            "the right edge does not describe a tree of size {}",
            cp.size
        ))
    })?;
    if acc.root() != cp.root {
        return Err(bad(format!(
            "the right edge does not lead to the root of the checkpoint of size {}",
            cp.size
        )));
    }
    Ok((cp, acc))
}
