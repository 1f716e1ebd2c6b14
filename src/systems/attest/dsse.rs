//! DSSE (Dead Simple Signing Envelope) v1, signed with Ed25519.
//!
//! The envelope is the JSON object
//! `{"payloadType": T, "payload": base64(BODY), "signatures": [{"keyid": K, "sig": base64(SIG)}]}`,
//! and every signature is over the pre-authentication encoding
//! `PAE(T, BODY) = "DSSEv1" SP LEN(T) SP T SP LEN(BODY) SP BODY`, with lengths
//! in bytes as ASCII decimals. Signing PAE instead of the body binds the
//! payload type, so a signature cannot be replayed under another type (the
//! gap behind cosign CVE-2022-35929).
//!
//! Guarantees:
//! - Verification is strict Ed25519 (`runtime::crypto::verify`): small-order
//!   keys and non-canonical signatures are rejected.
//! - Parsing accepts standard base64 with or without padding and URL-safe
//!   base64 (the DSSE spec allows both on input); output is standard, padded.
//! - A malformed envelope is an error ([`DsseError`], exit 65); a well-formed
//!   envelope whose signature does not verify is a `false`, not an error.

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD};
use serde::{Deserialize, Serialize};

use crate::runtime::crypto::{self, KeyId, SigningKey, VerifyingKey};
use crate::runtime::error::{Classify, Exit};

/// The payload type of in-toto statements.
pub const IN_TOTO_PAYLOAD_TYPE: &str = "application/vnd.in-toto+json";

/// Why an envelope could not be read.
#[derive(Debug, thiserror::Error)]
pub enum DsseError {
    /// Not JSON, or not an envelope.
    #[error("not a DSSE envelope: {0}")]
    Json(#[from] serde_json::Error),
    /// A base64 field does not decode.
    #[error("{field} is not valid base64")]
    Base64 {
        /// Which field.
        field: String,
    },
    /// An envelope without signatures proves nothing.
    #[error("the envelope has no signatures")]
    Unsigned,
}

impl Classify for DsseError {
    fn exit(&self) -> Exit {
        Exit::DataErr
    }
}

/// One signature as it appears in the JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RawSignature {
    /// The signer's key id (omni: lowercase hex SHA-256 of the public key).
    #[serde(default)]
    pub keyid: String,
    /// base64 of the signature bytes.
    pub sig: String,
}

/// The envelope as it appears in the JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RawEnvelope {
    /// What the payload is (`application/vnd.in-toto+json`).
    pub payload_type: String,
    /// base64 of the payload bytes.
    pub payload: String,
    /// One or more signatures over `PAE(payloadType, payload)`.
    pub signatures: Vec<RawSignature>,
}

/// A decoded envelope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Envelope {
    /// What the payload is.
    pub payload_type: String,
    /// The payload bytes, exactly as signed.
    pub payload: Vec<u8>,
    /// `(keyid, signature bytes)` pairs.
    pub signatures: Vec<(String, Vec<u8>)>,
}

/// `PAE(type, body)`, the bytes every DSSE signature covers.
pub fn pae(payload_type: &str, payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(payload_type.len() + payload.len() + 32);
    out.extend_from_slice(b"DSSEv1 ");
    out.extend_from_slice(payload_type.len().to_string().as_bytes());
    out.push(b' ');
    out.extend_from_slice(payload_type.as_bytes());
    out.push(b' ');
    out.extend_from_slice(payload.len().to_string().as_bytes());
    out.push(b' ');
    out.extend_from_slice(payload);
    out
}

/// Decodes base64 the way DSSE allows on input: standard or URL-safe
/// alphabet, padded or not.
fn decode(field: &str, text: &str) -> Result<Vec<u8>, DsseError> {
    [&STANDARD, &STANDARD_NO_PAD, &URL_SAFE, &URL_SAFE_NO_PAD]
        .iter()
        .find_map(|engine| engine.decode(text).ok())
        .ok_or_else(|| DsseError::Base64 {
            field: field.to_string(),
        })
}

impl Envelope {
    /// Signs `payload` as `payload_type` with one key.
    pub fn sign(key: &SigningKey, payload_type: &str, payload: Vec<u8>) -> Envelope {
        let signature = crypto::sign(key, &pae(payload_type, &payload));
        Envelope {
            payload_type: payload_type.to_string(),
            signatures: vec![(
                KeyId::of(&key.verifying_key()).to_hex(),
                signature.to_bytes().to_vec(),
            )],
            payload,
        }
    }

    /// Parses the JSON form.
    pub fn parse(json: &[u8]) -> Result<Envelope, DsseError> {
        let raw: RawEnvelope = serde_json::from_slice(json)?;
        if raw.signatures.is_empty() {
            return Err(DsseError::Unsigned);
        }
        let payload = decode("payload", &raw.payload)?;
        let signatures = raw
            .signatures
            .iter()
            .enumerate()
            .map(|(i, s)| {
                Ok((
                    s.keyid.clone(),
                    decode(&format!("signatures[{i}].sig"), &s.sig)?,
                ))
            })
            .collect::<Result<Vec<_>, DsseError>>()?;
        Ok(Envelope {
            payload_type: raw.payload_type,
            payload,
            signatures,
        })
    }

    /// The JSON form (standard padded base64).
    pub fn to_raw(&self) -> RawEnvelope {
        RawEnvelope {
            payload_type: self.payload_type.clone(),
            payload: STANDARD.encode(&self.payload),
            signatures: self
                .signatures
                .iter()
                .map(|(keyid, sig)| RawSignature {
                    keyid: keyid.clone(),
                    sig: STANDARD.encode(sig),
                })
                .collect(),
        }
    }

    /// Pretty JSON with a trailing newline, as written to files.
    pub fn to_json(&self) -> Vec<u8> {
        let mut out = serde_json::to_vec_pretty(&self.to_raw()).unwrap_or_default();
        out.push(b'\n');
        out
    }

    /// The first signature that `key` verifies (strictly), by index.
    ///
    /// Key ids are hints: a signature is tried against the key whatever its
    /// `keyid` says, so an envelope from a tool that leaves `keyid` empty
    /// still verifies.
    pub fn verified_by(&self, key: &VerifyingKey) -> Option<usize> {
        let message = pae(&self.payload_type, &self.payload);
        self.signatures
            .iter()
            .position(|(_, sig)| crypto::verify_bytes(key, &message, sig))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pae_matches_the_dsse_spec_example() {
        // secure-systems-lab/dsse protocol.md.
        assert_eq!(
            pae("http://example.com/HelloWorld", b"hello world"),
            b"DSSEv1 29 http://example.com/HelloWorld 11 hello world"
        );
        assert_eq!(pae("", b""), b"DSSEv1 0  0 ");
    }

    #[test]
    fn round_trip_and_binding() {
        let key = crypto::generate_os();
        let env = Envelope::sign(&key, IN_TOTO_PAYLOAD_TYPE, b"{\"a\":1}".to_vec());
        let parsed = Envelope::parse(&env.to_json()).unwrap();
        assert_eq!(parsed, env);
        assert_eq!(parsed.verified_by(&key.verifying_key()), Some(0));
        // The type is bound: the same signature under another type fails.
        let mut retyped = parsed.clone();
        retyped.payload_type = "text/plain".into();
        assert_eq!(retyped.verified_by(&key.verifying_key()), None);
        let other = crypto::generate_os();
        assert_eq!(parsed.verified_by(&other.verifying_key()), None);
    }

    #[test]
    fn malformed_envelopes_are_data_errors() {
        for bad in [
            &b"not json"[..],
            b"{}",
            b"{\"payloadType\":\"x\",\"payload\":\"!!\",\"signatures\":[{\"sig\":\"AA==\"}]}",
            b"{\"payloadType\":\"x\",\"payload\":\"AA==\",\"signatures\":[]}",
        ] {
            let err = Envelope::parse(bad).unwrap_err();
            assert_eq!(err.exit(), Exit::DataErr, "{err}");
        }
    }
}
