//! in-toto Statement v1: what an attestation says.
//!
//! ```json
//! {"_type": "https://in-toto.io/Statement/v1",
//!  "subject": [{"name": "app.tar", "digest": {"sha256": "…", "blake3": "…"}}],
//!  "predicateType": "https://omni.dev/attest/artifact/v1",
//!  "predicate": {…},
//!  "validity": {"issuedAt": "2026-11-22T16:16:00.000Z", "expiresAt": "2026-12-22T16:16:00.000Z"}}
//! ```
//!
//! Subjects always carry `sha256` (the digest every in-toto consumer knows)
//! and `blake3` (not in the in-toto DigestSet registry; consumers ignore
//! digest names they do not know). `validity` is omni's extension field, which
//! other consumers ignore as the spec asks of unknown fields.

use std::collections::BTreeMap;
use std::time::SystemTime;

use serde::{Deserialize, Serialize};

use crate::runtime::time::{format_rfc3339, parse_rfc3339};

/// The `_type` of every v1 statement.
pub const STATEMENT_V1: &str = "https://in-toto.io/Statement/v1";

/// The predicate type omni uses when the user names none: "these artifacts,
/// attested by this authority".
pub const ARTIFACT_PREDICATE_V1: &str = "https://omni.dev/attest/artifact/v1";

/// The predicate type of an attestation carrying a TPM 2.0 quote: the
/// predicate is `{"authority": <key id>, "quote": <quote::QuoteEvidence>}`.
pub const TPM_QUOTE_PREDICATE_V1: &str = "https://omni.dev/attest/tpm-quote/v1";

/// One attested artifact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Subject {
    /// Its name (omni: the file name as given on the command line).
    pub name: String,
    /// Algorithm name → lowercase hex digest.
    pub digest: BTreeMap<String, String>,
}

/// When the statement may be relied on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Validity {
    /// When it was made (RFC 3339 UTC).
    pub issued_at: String,
    /// When it stops being valid (RFC 3339 UTC), if ever.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<String>,
    /// A verifier's challenge (lowercase hex), proving the statement is fresh.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nonce: Option<String>,
}

/// An in-toto Statement v1.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// Always [`STATEMENT_V1`].
    #[serde(rename = "_type")]
    pub type_: String,
    /// What it is about.
    pub subject: Vec<Subject>,
    /// What kind of claim the predicate makes.
    #[serde(rename = "predicateType")]
    pub predicate_type: String,
    /// The claim.
    #[serde(default)]
    pub predicate: serde_json::Value,
    /// omni's validity window (absent in statements from other tools).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validity: Option<Validity>,
}

impl Statement {
    /// A statement issued `now`, expiring after `ttl` if given.
    pub fn new(
        subject: Vec<Subject>,
        predicate_type: String,
        predicate: serde_json::Value,
        now: SystemTime,
        ttl: Option<std::time::Duration>,
    ) -> Statement {
        Statement {
            type_: STATEMENT_V1.to_string(),
            subject,
            predicate_type,
            predicate,
            validity: Some(Validity {
                issued_at: format_rfc3339(now),
                expires_at: ttl.map(|ttl| format_rfc3339(now + ttl)),
                nonce: None,
            }),
        }
    }

    /// When it expires, if it says so (and the time parses).
    pub fn expires_at(&self) -> Option<Option<SystemTime>> {
        let text = self.validity.as_ref()?.expires_at.as_ref()?;
        Some(parse_rfc3339(text))
    }
}
