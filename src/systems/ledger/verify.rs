//! `omni ledger verify`: everything recomputed from the bytes on disk.
//!
//! Checked, in order: `ledger.json` against `key.pub`; every checkpoint's
//! signature and that sizes never shrink; every record's framing and
//! checksum; every entry's canonical form and strict Ed25519 signature
//! under a trusted key; no entry twice; and the Merkle root after each
//! commit against the checkpoint signed for it. The first problem (lowest
//! entry index) is the answer.
//!
//! Signatures are checked on `threads` threads; the tree is built on the
//! calling thread meanwhile.

use std::collections::HashSet;
use std::path::Path;

use super::checkpoint::Checkpoint;
use super::event::{Event, entry_id};
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
    let lookup = |id: &str| {
        if id == meta.key_id {
            Some(public)
        } else {
            trusted.get(id).copied()
        }
    };
    let mut acc = Accumulator::default();
    let mut seen: HashSet<[u8; 16]> = HashSet::with_capacity(log.len() as usize);
    let mut next_cp = checkpoints.iter().skip_while(|c| c.size == 0).peekable();
    let mut range_start = 0u64;
    let mut first_bad: Option<Broken> = None;
    log.for_each_batch(|first, payloads| {
        if first_bad.is_some() {
            return Ok(());
        }
        // Signatures in parallel; the lowest failing index wins.
        let chunk = payloads.len().div_ceil(threads.max(1)).max(1);
        let sig_failure: Option<(u64, String)> = std::thread::scope(|s| {
            let handles: Vec<_> = payloads
                .chunks(chunk)
                .enumerate()
                .map(|(c, part)| {
                    let lookup = &lookup;
                    s.spawn(move || {
                        for (k, bytes) in part.iter().enumerate() {
                            let index = first + (c * chunk + k) as u64;
                            let checked = Event::parse(bytes).and_then(|e| e.check(lookup));
                            if let Err(e) = checked {
                                return Some((index, e.to_string()));
                            }
                        }
                        None
                    })
                })
                .collect();
            handles
                .into_iter()
                .filter_map(|h| h.join().unwrap_or(None))
                .min_by_key(|(i, _)| *i)
        });
        for (k, bytes) in payloads.iter().enumerate() {
            let index = first + k as u64;
            if sig_failure.as_ref().is_some_and(|(i, _)| *i <= index) {
                break;
            }
            let leaf = merkle::leaf_hash(bytes);
            let short: [u8; 16] = leaf[..16].try_into().expect("16");
            if !seen.insert(short) {
                first_bad = Some(Broken {
                    index: Some(index),
                    id: Some(entry_id(&leaf)),
                    reason: "the same entry is already in the log (a replay)".into(),
                });
                return Ok(());
            }
            acc.push(leaf);
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
                    return Ok(());
                }
                range_start = cp.size;
                // Several checkpoints may share a size (a re-sign): skip them.
                while next_cp.peek().is_some_and(|c| c.size == acc.size()) {
                    next_cp.next();
                }
            }
        }
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
