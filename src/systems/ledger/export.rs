//! Export and import: a whole ledger as one JSON document that any party
//! can check on its own.
//!
//! ```json
//! {"format": "omni-ledger-export/1", "origin": "...", "domain": "...",
//!  "key_id": "...", "public_key": "-----BEGIN PUBLIC KEY-----...",
//!  "size": 3, "root": "base64", "checkpoint": "signed note",
//!  "entries": [{event}, ...], "proofs": [["base64", ...], ...]}
//! ```
//!
//! `entries` are the events as stored (their canonical JSON); `proofs[i]`
//! is the RFC 9162 inclusion proof of entry `i` in the tree of `size`.
//!
//! Guarantees: [`check`] accepts a document only when the checkpoint's
//! signature verifies under the document's key, every entry is canonical and
//! its signature verifies strictly under a key the caller trusts, the
//! entries' tree has the checkpoint's size and root, and every proof leads
//! to that root; nothing is written before all of that holds.

use std::io::Write;

use ed25519_dalek::VerifyingKey;
use serde::Deserialize;

use super::checkpoint::Checkpoint;
use super::event::{Event, b64, unb64};
use super::merkle::{self, Hash};
use super::{Ledger, LedgerError};
use crate::runtime::crypto::{self, KeyId};

pub const FORMAT: &str = "omni-ledger-export/1";

/// Writes the ledger as an export document to `out`.
pub fn export(ledger: &Ledger, out: &mut dyn Write) -> Result<u64, LedgerError> {
    let io = |e: std::io::Error| LedgerError::Io {
        what: "writing the export",
        path: ledger.paths.dir.clone(),
        source: e,
    };
    let leaves = ledger.leaves()?;
    let size = leaves.len() as u64;
    let cp = ledger
        .last_checkpoint()
        .filter(|c| c.size == size)
        .ok_or_else(|| LedgerError::Damaged {
            path: ledger.paths.checkpoints(),
            reason: "the newest checkpoint does not cover every entry (open the ledger for writing once, e.g. record, to sign one)".into(),
        })?;
    let public =
        crypto::public_key_pem(&ledger.public).map_err(|e| LedgerError::Invalid(e.to_string()))?;
    let s = |v: &str| serde_json::to_string(v).expect("a string serialises");
    write!(
        out,
        "{{\"format\":{},\"origin\":{},\"domain\":{},\"key_id\":{},\"public_key\":{},\"size\":{size},\"root\":{},\"checkpoint\":{},\n\"entries\":[",
        s(FORMAT),
        s(&ledger.meta.origin),
        s(&ledger.meta.domain),
        s(&ledger.meta.key_id),
        s(&public),
        s(&b64(&cp.root)),
        s(&cp.to_note()),
    )
    .map_err(io)?;
    let mut first = true;
    let mut failed = None;
    ledger.log().for_each(|_, payload| {
        if failed.is_none() {
            let sep: &[u8] = if first { b"\n" } else { b",\n" };
            first = false;
            if let Err(e) = out.write_all(sep).and_then(|()| out.write_all(payload)) {
                failed = Some(e);
            }
        }
        Ok(())
    })?;
    if let Some(e) = failed {
        return Err(io(e));
    }
    out.write_all(b"],\n\"proofs\":[").map_err(io)?;
    for i in 0..size {
        let proof = merkle::inclusion_proof(&leaves, i).expect("index in range");
        let hashes: Vec<String> = proof.iter().map(|h| s(&b64(h))).collect();
        write!(
            out,
            "{}[{}]",
            if i == 0 { "\n" } else { ",\n" },
            hashes.join(",")
        )
        .map_err(io)?;
    }
    out.write_all(b"]}\n").map_err(io)?;
    Ok(size)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Document {
    format: String,
    origin: String,
    domain: String,
    key_id: String,
    public_key: String,
    size: u64,
    root: String,
    checkpoint: String,
    entries: Vec<Event>,
    proofs: Option<Vec<Vec<String>>>,
}

/// An export that checked out.
pub struct Checked {
    pub origin: String,
    pub domain: String,
    pub key: VerifyingKey,
    pub checkpoint: Checkpoint,
    /// The entries' stored bytes, in order.
    pub entries: Vec<Vec<u8>>,
    pub leaves: Vec<Hash>,
}

/// Checks an export document completely. `trusted` says whether a key id
/// may sign events (the document's own key is trusted for its
/// checkpoint; for events, the caller decides).
pub fn check(
    bytes: &[u8],
    trusted: &dyn Fn(&str, &VerifyingKey) -> bool,
) -> Result<Checked, String> {
    check_with(bytes, trusted, &|_| None)
}

/// [`check`], where an entry may also be signed by a key other than the
/// document's that `known` returns (a ledger that imported another's events
/// exports them under their reporters' signatures).
pub fn check_with(
    bytes: &[u8],
    trusted: &dyn Fn(&str, &VerifyingKey) -> bool,
    known: &dyn Fn(&str) -> Option<VerifyingKey>,
) -> Result<Checked, String> {
    let doc: Document =
        serde_json::from_slice(bytes).map_err(|e| format!("not an export document: {e}"))?;
    if doc.format != FORMAT {
        return Err(format!(
            "format {:?} (this omni reads {FORMAT})",
            doc.format
        ));
    }
    let key = crypto::parse_public_key(&doc.public_key).map_err(|e| format!("public_key: {e}"))?;
    if KeyId::of(&key).to_hex() != doc.key_id {
        return Err("key_id does not match public_key".into());
    }
    let cp = Checkpoint::parse(&doc.checkpoint).map_err(|e| format!("checkpoint: {e}"))?;
    if cp.origin != doc.origin || !cp.verify_by(&doc.origin, &key) {
        return Err("the checkpoint is not signed by the document's key under its origin".into());
    }
    if cp.size != doc.size || b64(&cp.root) != doc.root {
        return Err("size and root differ from the checkpoint's".into());
    }
    if doc.entries.len() as u64 != doc.size {
        return Err(format!(
            "{} entries, but the checkpoint is for {}",
            doc.entries.len(),
            doc.size
        ));
    }
    let mut entries = Vec::with_capacity(doc.entries.len());
    let mut leaves = Vec::with_capacity(doc.entries.len());
    let lookup = |id: &str| {
        if id == doc.key_id {
            Some(key)
        } else {
            known(id)
        }
    };
    for (i, event) in doc.entries.into_iter().enumerate() {
        let bytes = event.to_entry();
        let event = Event::parse(&bytes).map_err(|e| format!("entry {i}: {e}"))?;
        event
            .check(&lookup)
            .map_err(|e| format!("entry {i}: {e}"))?;
        if !trusted(&event.reporter, &key) {
            return Err(format!(
                "entry {i}: signed by {}, a key this ledger does not trust (import --trust adds it)",
                event.reporter
            ));
        }
        leaves.push(merkle::leaf_hash(&bytes));
        entries.push(bytes);
    }
    if merkle::root(&leaves) != cp.root {
        return Err("the entries do not give the checkpoint's root".into());
    }
    if let Some(proofs) = doc.proofs {
        if proofs.len() != leaves.len() {
            return Err(format!(
                "{} proofs for {} entries",
                proofs.len(),
                leaves.len()
            ));
        }
        for (i, proof) in proofs.iter().enumerate() {
            let hashes: Option<Vec<Hash>> = proof
                .iter()
                .map(|h| unb64(h).and_then(|b| b.try_into().ok()))
                .collect();
            let hashes = hashes.ok_or_else(|| format!("proof {i}: not base64 hashes"))?;
            merkle::verify_inclusion(i as u64, cp.size, &leaves[i], &hashes, &cp.root)
                .map_err(|e| format!("proof {i}: {e}"))?;
        }
    }
    Ok(Checked {
        origin: doc.origin,
        domain: doc.domain,
        key,
        checkpoint: cp,
        entries,
        leaves,
    })
}
