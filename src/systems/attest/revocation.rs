//! Revocation lists: signed, append-only lists of revoked keys, attestations
//! and delegations that `verify --revocations` honours.
//!
//! A list is a DSSE envelope (payload type [`REVOCATIONS_PAYLOAD_TYPE`])
//! holding a [`List`]: the issuer's key id, a sequence number that grows by
//! one with every entry, and the entries. Revoking an attestation (by the
//! SHA-256 of its file) does not revoke the key that signed it; revoking a
//! key revokes everything that key signed or was delegated.
//!
//! Append-only: `revoke` reads the existing list, checks that the same
//! authority signed it, keeps every entry and adds one; a list whose entries
//! were removed or changed no longer verifies under the authority's key.

use serde::{Deserialize, Serialize};

use crate::runtime::crypto::{KeyId, SigningKey, VerifyingKey};

use super::dsse::Envelope;

/// The DSSE payload type of revocation lists.
pub const REVOCATIONS_PAYLOAD_TYPE: &str = "application/vnd.omni.revocations+json";
/// The `_type` of a list.
pub const REVOCATIONS_V1: &str = "https://omni.dev/attest/Revocations/v1";

/// What an entry revokes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A key, by key id.
    Key,
    /// One attestation, by the SHA-256 of its file.
    Attestation,
    /// One delegation, by its id.
    Delegation,
}

impl Kind {
    /// The word used in messages.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Key => "key",
            Kind::Attestation => "attestation",
            Kind::Delegation => "delegation",
        }
    }
}

/// One revocation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    /// What is revoked.
    pub kind: Kind,
    /// Its id (key id, attestation digest or delegation id; lowercase hex).
    pub id: String,
    /// Why.
    pub reason: String,
    /// When (RFC 3339 UTC).
    pub revoked_at: String,
}

/// A revocation list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct List {
    /// Always [`REVOCATIONS_V1`].
    #[serde(rename = "_type")]
    pub type_: String,
    /// The key id of the authority that signs the list.
    pub issuer: String,
    /// The number of entries ever added (equals `entries.len()`).
    pub sequence: u64,
    /// The entries, oldest first.
    pub entries: Vec<Entry>,
}

impl List {
    /// An empty list for `issuer`.
    pub fn new(issuer: &VerifyingKey) -> List {
        List {
            type_: REVOCATIONS_V1.to_string(),
            issuer: KeyId::of(issuer).to_hex(),
            sequence: 0,
            entries: Vec::new(),
        }
    }

    /// Reads a list from envelope bytes, accepting it only when one of
    /// `keys` signed it.
    pub fn open(bytes: &[u8], keys: &[VerifyingKey]) -> Result<List, String> {
        let env = Envelope::parse(bytes).map_err(|e| e.to_string())?;
        if env.payload_type != REVOCATIONS_PAYLOAD_TYPE {
            return Err(format!(
                "payload type {:?} is not {REVOCATIONS_PAYLOAD_TYPE}",
                env.payload_type
            ));
        }
        if !keys.iter().any(|k| env.verified_by(k).is_some()) {
            return Err("the list is not signed by a trusted key".into());
        }
        let list: List = serde_json::from_slice(&env.payload)
            .map_err(|e| format!("not a revocation list: {e}"))?;
        if list.type_ != REVOCATIONS_V1 {
            return Err(format!("_type {:?} is not {REVOCATIONS_V1}", list.type_));
        }
        if list.sequence != list.entries.len() as u64 {
            return Err(format!(
                "sequence {} does not match its {} entries",
                list.sequence,
                list.entries.len()
            ));
        }
        Ok(list)
    }

    /// Adds an entry (an id already revoked for the same kind is kept once).
    pub fn revoke(&mut self, kind: Kind, id: &str, reason: &str, revoked_at: String) -> bool {
        let id = id.to_ascii_lowercase();
        if self.find(kind, &id).is_some() {
            return false;
        }
        self.entries.push(Entry {
            kind,
            id,
            reason: reason.to_string(),
            revoked_at,
        });
        self.sequence += 1;
        true
    }

    /// The entry revoking `id` as `kind`, if any.
    pub fn find(&self, kind: Kind, id: &str) -> Option<&Entry> {
        self.entries
            .iter()
            .find(|e| e.kind == kind && e.id.eq_ignore_ascii_case(id))
    }

    /// The signed envelope of this list.
    pub fn sign(&self, key: &SigningKey) -> Envelope {
        // NB: a list of strings and numbers always serialises.
        let payload = serde_json::to_vec(self).unwrap_or_default();
        Envelope::sign(key, REVOCATIONS_PAYLOAD_TYPE, payload)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::runtime::crypto;

    #[test]
    fn lists_are_signed_and_append_only() {
        let key = crypto::generate_os();
        let mut list = List::new(&key.verifying_key());
        assert!(list.revoke(
            Kind::Attestation,
            "AB12",
            "leaked build",
            "2026-01-01T00:00:00Z".into()
        ));
        assert!(!list.revoke(
            Kind::Attestation,
            "ab12",
            "again",
            "2026-01-02T00:00:00Z".into()
        ));
        assert_eq!(list.sequence, 1);
        let bytes = list.sign(&key).to_json();
        let opened = List::open(&bytes, &[key.verifying_key()]).unwrap();
        assert_eq!(
            opened.find(Kind::Attestation, "ab12").unwrap().reason,
            "leaked build"
        );
        assert!(
            opened.find(Kind::Key, "ab12").is_none(),
            "kinds are separate"
        );
        let other = crypto::generate_os();
        assert!(
            List::open(&bytes, &[other.verifying_key()])
                .unwrap_err()
                .contains("not signed by a trusted key")
        );
    }
}
