//! `omni ledger verify`: everything recomputed from the bytes on disk.
//!
//! Checked, in order: `ledger.json` against `key.pub`; every checkpoint's
//! signature and that sizes never shrink; every record's framing and
//! checksum; every entry's canonical form and strict Ed25519 signature
//! under a trusted key; no entry twice; and the Merkle root after each
//! commit against the checkpoint signed for it. The first problem (lowest
//! entry index) is the answer.
//!
//! Entries are checked (parsed, canonical form, strict signature) and
//! leaf-hashed on `threads` worker threads, taking blocks of [`BLOCK`]
//! entries from a shared counter so that every core stays busy to the end of
//! a segment; meanwhile the calling thread takes the finished blocks in
//! order, checks replays and builds the tree from the leaf hashes (it
//! mostly waits, so the workers keep the cores).

use std::collections::HashSet;
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use super::checkpoint::Checkpoint;
use super::event::{Verifiers, check_entries, entry_id};
use super::merkle::{self, Accumulator, Hash};
use super::store::{Log, LogError, Torn};
use super::{LedgerError, Paths, parse_saved, read_meta};

/// An intact ledger.
#[derive(Debug, Clone)]
pub struct Intact {
    pub entries: u64,
    pub checkpoints: u64,
    pub root: Hash,
    /// The newest checkpoint's size (entries after it are synced but not
    /// yet checkpointed: a crash between the two).
    pub checkpointed: u64,
    /// Bytes at the end that were never acknowledged (cut on next write).
    pub torn: Option<Torn>,
}

/// The first thing found wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Broken {
    /// The entry, when the problem is one.
    pub index: Option<u64>,
    /// Its id as the bytes on disk now give it.
    pub id: Option<String>,
    pub reason: String,
}

/// Verifies the ledger in `dir`. `Err` means it could not be read at all.
pub fn verify(dir: &Path, threads: usize) -> Result<Result<Intact, Broken>, LedgerError> {
    let broken = |index: Option<u64>, id: Option<String>, reason: String| {
        Ok(Err(Broken { index, id, reason }))
    };
    let paths = Paths {
        dir: dir.to_path_buf(),
    };
    let (meta, public) = match read_meta(dir) {
        Ok(m) => m,
        Err(LedgerError::Damaged { path, reason }) => {
            return broken(None, None, format!("{}: {reason}", path.display()));
        }
        Err(e) => return Err(e),
    };
    // Checkpoints.
    let history = match Log::open(&paths.checkpoints(), false) {
        Ok(h) => h,
        Err(LogError::Corrupt { index, reason, .. }) => {
            return broken(None, None, format!("checkpoint record {index}: {reason}"));
        }
        Err(e) => return Err(e.into()),
    };
    let mut checkpoints: Vec<Checkpoint> = Vec::new();
    let mut failure = None;
    history.for_each(|i, bytes| {
        if failure.is_some() {
            return Ok(());
        }
        match parse_saved(&paths.checkpoints(), bytes) {
            Ok((cp, _)) => {
                if !cp.verify_by(&meta.origin, &public) {
                    failure = Some(format!(
                        "checkpoint record {i} (size {}): its signature does not verify under the node key",
                        cp.size
                    ));
                } else if checkpoints.last().is_some_and(|p| p.size > cp.size) {
                    failure = Some(format!("checkpoint record {i}: the tree shrank to {}", cp.size));
                } else {
                    checkpoints.push(cp);
                }
            }
            Err(e) => failure = Some(format!("checkpoint record {i}: {e}")),
        }
        Ok(())
    })?;
    if let Some(reason) = failure {
        return broken(None, None, reason);
    }
    let checkpointed = checkpoints.last().map_or(0, |c| c.size);
    // The log.
    let log = match Log::open(&paths.log(), false) {
        Ok(l) => l,
        Err(LogError::Corrupt { index, reason, .. }) => {
            return broken(Some(index), None, reason);
        }
        Err(e) => return Err(e.into()),
    };
    if let Some(t) = &log.torn
        && t.index < checkpointed
    {
        return broken(
            Some(t.index),
            None,
            format!(
                "{} (the entry was acknowledged: a checkpoint covers it)",
                t.reason
            ),
        );
    }
    let trusted = match super::trusted_keys(dir) {
        Ok(t) => t,
        Err(LedgerError::Damaged { path, reason }) => {
            return broken(None, None, format!("{}: {reason}", path.display()));
        }
        Err(e) => return Err(e),
    };
    // NB: the ledger's own key first: an entry naming its id is checked
    // against `key.pub`, never against a file in `trusted/`.
    let mut keys = Verifiers::default();
    keys.insert(&meta.key_id, &public);
    for (id, key) in &trusted {
        keys.insert(id, key);
    }
    let mut acc = Accumulator::default();
    let mut seen: HashSet<[u8; 16]> = HashSet::with_capacity(log.len() as usize);
    let mut next_cp = checkpoints.iter().skip_while(|c| c.size == 0).peekable();
    let mut range_start = 0u64;
    let mut first_bad: Option<Broken> = None;
    log.for_each_batch(|first, payloads| {
        if first_bad.is_some() {
            return Ok(());
        }
        let sig_failure = check_segment(first, payloads, &keys, threads, |index, leaf| {
            let short: [u8; 16] = leaf[..16].try_into().expect("16");
            if !seen.insert(short) {
                first_bad = Some(Broken {
                    index: Some(index),
                    id: Some(entry_id(leaf)),
                    reason: "the same entry is already in the log (a replay)".into(),
                });
                return false;
            }
            acc.push(*leaf);
            if let Some(cp) = next_cp.peek()
                && cp.size == acc.size()
            {
                let cp = next_cp.next().expect("peeked");
                if cp.root != acc.root() {
                    first_bad = Some(Broken {
                        index: Some(range_start),
                        id: None,
                        reason: format!(
                            "entries {range_start} to {} do not give the root signed for size {}: \
                             an entry was changed, removed, inserted or reordered",
                            cp.size - 1,
                            cp.size
                        ),
                    });
                    return false;
                }
                range_start = cp.size;
                // Several checkpoints may share a size (a re-sign): skip them.
                while next_cp.peek().is_some_and(|c| c.size == acc.size()) {
                    next_cp.next();
                }
            }
            true
        });
        if let Some((index, reason)) = sig_failure {
            first_bad = Some(Broken {
                index: Some(index),
                id: Some(entry_id(&merkle::leaf_hash(
                    payloads[(index - first) as usize],
                ))),
                reason,
            });
        }
        Ok(())
    })?;
    if let Some(mut b) = first_bad {
        if b.id.is_none()
            && let Some(i) = b.index
            && i < log.len()
        {
            b.id = Some(entry_id(&merkle::leaf_hash(&log.read(i)?)));
        }
        return Ok(Err(b));
    }
    if log.len() < checkpointed {
        return broken(
            Some(log.len()),
            None,
            format!(
                "missing: the log ends after {} entries, but a checkpoint was signed for {}",
                log.len(),
                checkpointed
            ),
        );
    }
    Ok(Ok(Intact {
        entries: log.len(),
        checkpoints: checkpoints.len() as u64,
        root: acc.root(),
        checkpointed,
        torn: log.torn.clone(),
    }))
}

/// Entries a worker takes at a time.
const BLOCK: usize = 256;

/// Checks the entries of one segment (`payloads`, the first at index
/// `first`) on `threads` worker threads and hands each entry's index and
/// leaf hash to `consume`, in order, on the calling thread, while the
/// workers go on with later blocks. Stops at the first bad entry (the
/// lowest failing index, as a serial loop would find), which is returned
/// with the reason and not consumed, or when `consume` returns `false`.
fn check_segment(
    first: u64,
    payloads: &[&[u8]],
    keys: &Verifiers,
    threads: usize,
    mut consume: impl FnMut(u64, &Hash) -> bool,
) -> Option<(u64, String)> {
    let n = payloads.len();
    let blocks = n.div_ceil(BLOCK);
    let mut leaves: Vec<Hash> = vec![[0u8; 32]; n];
    let next = AtomicUsize::new(0);
    // NB: only ever lowered; a block starting after it is skipped, so every
    // entry below the final value is checked and hashed. `consume` saying
    // stop lowers it to 0.
    let lowest_bad = AtomicU64::new(u64::MAX);
    let failure: Mutex<Option<(u64, String)>> = Mutex::new(None);
    let slots: Vec<Mutex<&mut [Hash]>> = leaves.chunks_mut(BLOCK).map(Mutex::new).collect();
    let (done, finished) = std::sync::mpsc::channel::<usize>();
    let work = |done: std::sync::mpsc::Sender<usize>| {
        let mut scratch = Vec::with_capacity(512);
        loop {
            let b = next.fetch_add(1, Ordering::Relaxed);
            if b >= blocks {
                return;
            }
            let start = b * BLOCK;
            if start as u64 > lowest_bad.load(Ordering::Relaxed) {
                continue;
            }
            let mut out = slots[b].lock().expect("not poisoned");
            let block = &payloads[start..(start + BLOCK).min(n)];
            let checked = check_entries(block, keys, &mut scratch);
            for (k, (bytes, result)) in block.iter().zip(checked).enumerate() {
                let i = start + k;
                if let Err(e) = result {
                    lowest_bad.fetch_min(i as u64, Ordering::Relaxed);
                    let mut f = failure.lock().expect("not poisoned");
                    if f.as_ref().is_none_or(|(at, _)| *at > first + i as u64) {
                        *f = Some((first + i as u64, e.to_string()));
                    }
                    break;
                }
                out[k] = merkle::leaf_hash(bytes);
            }
            drop(out);
            // The receiver only hangs up after the workers are done.
            let _ = done.send(b);
        }
    };
    std::thread::scope(|s| {
        for _ in 0..threads.clamp(1, blocks.max(1)) {
            let done = done.clone();
            s.spawn(move || work(done));
        }
        drop(done);
        // Blocks finish out of order; consume them in order.
        let mut ready = vec![false; blocks];
        let mut b = 0;
        'blocks: while b < blocks {
            while !ready[b] {
                match finished.recv() {
                    Ok(d) => ready[d] = true,
                    // Every worker is gone: the rest was skipped past a
                    // failure.
                    Err(_) => break 'blocks,
                }
            }
            let start = b * BLOCK;
            let bad = lowest_bad.load(Ordering::Relaxed);
            let out = slots[b].lock().expect("not poisoned");
            for (k, leaf) in out.iter().enumerate() {
                let i = (start + k) as u64;
                if i >= bad {
                    break 'blocks;
                }
                if !consume(first + i, leaf) {
                    lowest_bad.store(0, Ordering::Relaxed);
                    return None;
                }
            }
            b += 1;
        }
        failure.lock().expect("not poisoned").take()
    })
}
