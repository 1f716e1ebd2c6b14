//! Checkpoints: the tree's size and root, signed, in the C2SP
//! `tlog-checkpoint` format carried by a C2SP `signed-note`.
//!
//! ```text
//! omni.ledger/org-a/1a2b3c4d5e6f7a8b
//! 42
//! 3q2+7w...base64 root...=
//!
//! — omni.ledger/org-a/1a2b3c4d5e6f7a8b Ab3x...base64(key hash ‖ signature)...
//! ```
//!
//! The body is the three lines (origin, decimal size, base64 root), each
//! ending in a newline; the signature is Ed25519 over exactly those bytes.
//! A signature line is an em dash, a space, the key name, a space, and the
//! base64 of the 4-byte key hash followed by the 64-byte signature; the key
//! hash is the first 4 bytes of SHA-256(name ‖ "\n" ‖ 0x01 ‖ public key),
//! 0x01 being the Ed25519 signature type. Any verifier of signed notes
//! (Go's `golang.org/x/mod/sumdb/note`, transparency-dev tooling) can check
//! it with the public key.

use ed25519_dalek::{SigningKey, VerifyingKey};
use sha2::{Digest, Sha256};

use super::event::{b64, unb64};
use super::merkle::Hash;
use crate::runtime::crypto;

/// A signed checkpoint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checkpoint {
    pub origin: String,
    pub size: u64,
    pub root: Hash,
    /// Signatures, in order: (key name, key hash, signature).
    pub signatures: Vec<(String, [u8; 4], Vec<u8>)>,
}

/// The 4-byte key hash of an Ed25519 key named `name`.
pub fn key_hash(name: &str, key: &VerifyingKey) -> [u8; 4] {
    let mut h = Sha256::new();
    h.update(name.as_bytes());
    h.update(b"\n");
    h.update([0x01]);
    h.update(key.as_bytes());
    let d = h.finalize();
    [d[0], d[1], d[2], d[3]]
}

impl Checkpoint {
    /// The signed body: origin, size and root, one per line.
    pub fn body(&self) -> String {
        format!("{}\n{}\n{}\n", self.origin, self.size, b64(&self.root))
    }

    /// A checkpoint signed by `key` under `name`.
    pub fn signed(origin: &str, size: u64, root: Hash, name: &str, key: &SigningKey) -> Checkpoint {
        let mut cp = Checkpoint {
            origin: origin.to_owned(),
            size,
            root,
            signatures: Vec::new(),
        };
        cp.add_signature(name, key);
        cp
    }

    /// Adds (co-)signature of `key` under `name`.
    pub fn add_signature(&mut self, name: &str, key: &SigningKey) {
        let sig = crypto::sign(key, self.body().as_bytes());
        self.signatures.push((
            name.to_owned(),
            key_hash(name, &key.verifying_key()),
            sig.to_bytes().to_vec(),
        ));
    }

    /// The note text: body, a blank line, the signature lines.
    pub fn to_note(&self) -> String {
        let mut out = self.body();
        out.push('\n');
        for (name, hash, sig) in &self.signatures {
            let mut raw = hash.to_vec();
            raw.extend_from_slice(sig);
            out.push_str(&format!("\u{2014} {name} {}\n", b64(&raw)));
        }
        out
    }

    /// Parses a note; the signatures are not checked here.
    pub fn parse(text: &str) -> Result<Checkpoint, String> {
        let (body, sigs) = text
            .split_once("\n\n")
            .ok_or("a signed note needs a blank line between the text and its signatures")?;
        let mut lines = body.split('\n');
        let origin = lines
            .next()
            .filter(|o| !o.is_empty())
            .ok_or("no origin line")?;
        let size = lines
            .next()
            .and_then(|s| {
                (!s.is_empty()
                    && s.bytes().all(|b| b.is_ascii_digit())
                    && (s == "0" || !s.starts_with('0')))
                .then(|| s.parse::<u64>().ok())
                .flatten()
            })
            .ok_or("the second line must be the tree size in decimal")?;
        let root: Hash = lines
            .next()
            .and_then(unb64)
            .and_then(|r| r.try_into().ok())
            .ok_or("the third line must be the base64 of a 32-byte root")?;
        // Extension lines may follow in tlog-checkpoint; omni writes none.
        let mut signatures = Vec::new();
        for line in sigs.split_terminator('\n') {
            let rest = line
                .strip_prefix("\u{2014} ")
                .ok_or_else(|| format!("not a signature line: {line:?}"))?;
            let (name, sig) = rest
                .rsplit_once(' ')
                .ok_or_else(|| format!("not a signature line: {line:?}"))?;
            let raw = unb64(sig).ok_or_else(|| format!("signature of {name} is not base64"))?;
            if raw.len() < 5 {
                return Err(format!("signature of {name} is too short"));
            }
            let hash: [u8; 4] = raw[..4].try_into().expect("4 bytes");
            signatures.push((name.to_owned(), hash, raw[4..].to_vec()));
        }
        if !text.ends_with('\n') {
            return Err("a signed note ends with a newline".into());
        }
        if signatures.is_empty() {
            return Err("the note has no signature".into());
        }
        Ok(Checkpoint {
            origin: origin.to_owned(),
            size,
            root,
            signatures,
        })
    }

    /// Whether a signature by `key` under `name` is present and verifies.
    pub fn verify_by(&self, name: &str, key: &VerifyingKey) -> bool {
        let hash = key_hash(name, key);
        let body = self.body();
        self.signatures.iter().any(|(n, h, sig)| {
            n == name && *h == hash && crypto::verify_bytes(key, body.as_bytes(), sig)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn notes_round_trip_and_signatures_bind_the_body() {
        let key = SigningKey::generate(&mut rand_chacha::ChaCha20Rng::seed_from_u64(1));
        let cp = Checkpoint::signed("example.com/log", 42, [7u8; 32], "example.com/log", &key);
        let note = cp.to_note();
        assert!(note.starts_with("example.com/log\n42\nBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=\n\n\u{2014} example.com/log "));
        let back = Checkpoint::parse(&note).unwrap();
        assert_eq!(back, cp);
        assert!(back.verify_by("example.com/log", &key.verifying_key()));
        let other = SigningKey::generate(&mut rand_chacha::ChaCha20Rng::seed_from_u64(2));
        assert!(!back.verify_by("example.com/log", &other.verifying_key()));
        let forged = Checkpoint::parse(&note.replace("\n42\n", "\n43\n")).unwrap();
        assert!(!forged.verify_by("example.com/log", &key.verifying_key()));
        for bad in [
            "",
            "x\n1\n",
            "x\n01\nAAAA\n\n\u{2014} x AAAAAAAA\n",
            "x\n1\nAAAA\n\n",
        ] {
            assert!(Checkpoint::parse(bad).is_err(), "{bad:?}");
        }
    }

    /// The key hash follows C2SP signed-note.
    #[test]
    fn key_hash_follows_the_signed_note_spec() {
        let key = SigningKey::from_bytes(&[0u8; 32]).verifying_key();
        let mut h = Sha256::new();
        h.update(b"PeterNeumann\n\x01");
        h.update(key.as_bytes());
        assert_eq!(key_hash("PeterNeumann", &key), h.finalize()[..4]);
    }
}
