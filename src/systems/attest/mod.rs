//! `omni attest`: in-toto Statement v1 attestations in DSSE envelopes,
//! signed with Ed25519, verified in pure Rust.
//!
//! In progress (issue 3): behind the non-default `attest` cargo feature until
//! every command of the issue works. Landed so far: the authority's key
//! directory (`init`), attesting files (`attest`) and verifying envelopes
//! (`verify`: strict signature, subject digests, expiry), minisign-format
//! file signatures, and X.509 certificates (`export-ca`, `export-cert`).
//!
//! # The authority directory
//! `signing.key` (PKCS#8 PEM, 0600), `signing.pub` (SPKI PEM) and
//! `retired/<key id>.pub` for keys replaced by `init --force`, which stay
//! trusted for verification so rotation never invalidates what was signed.
//!
//! # HAZARDS
//! - Key custody: the private key is created 0600 from its first byte, never
//!   printed, never silently replaced; loading refuses a group- or
//!   world-readable key (runtime::crypto).
//! - Verification trusts nothing it has not authenticated: subject and expiry
//!   checks run only after a trusted key verified the envelope, so a forged
//!   payload can never produce a misleading "subject ok".

pub mod cert;
pub mod delegation;
pub mod dsse;
pub mod minisign;
pub mod quote;
pub mod revocation;
pub mod serve;
pub mod statement;

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use rand_chacha::ChaCha20Rng;
use serde::Serialize;

use crate::runtime::crypto::{self, CryptoError, KeyId, SigningKey, VerifyingKey};
use crate::runtime::error::{Classify, Exit};
use crate::runtime::state::{self, StateError};
use crate::runtime::time::format_rfc3339;

use dsse::{DsseError, Envelope, IN_TOTO_PAYLOAD_TYPE};
use statement::{ARTIFACT_PREDICATE_V1, STATEMENT_V1, Statement, Subject};

/// Why an attest operation could not give an answer.
#[derive(Debug, thiserror::Error)]
pub enum AttestError {
    /// A key or digest operation failed.
    #[error(transparent)]
    Crypto(#[from] CryptoError),
    /// Writing a file failed.
    #[error(transparent)]
    State(#[from] StateError),
    /// The envelope is malformed.
    #[error("{path}: {source}")]
    Envelope {
        /// The envelope file.
        path: PathBuf,
        /// What is wrong.
        #[source]
        source: DsseError,
    },
    /// The (authenticated) payload is not a statement omni can read.
    #[error("{path}: the signed payload is not an in-toto Statement v1: {reason}")]
    Statement {
        /// The envelope file.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
    /// A predicate file is not JSON.
    #[error("predicate {path}: {source}")]
    Predicate {
        /// The predicate file.
        path: PathBuf,
        /// The parse error.
        #[source]
        source: serde_json::Error,
    },
    /// A file could not be read.
    #[error("reading {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// `init` would replace the authority key.
    #[error("{dir} already holds an authority key (key id {key_id}); pass --force to rotate it")]
    KeyExists {
        /// The authority directory.
        dir: PathBuf,
        /// The existing key's id.
        key_id: String,
    },
    /// No key to verify with.
    #[error(
        "no trusted key: {dir} has no authority key (run omni attest init) and no --key was given"
    )]
    NoTrustedKey {
        /// The authority directory that was searched.
        dir: PathBuf,
    },
}

impl Classify for AttestError {
    fn exit(&self) -> Exit {
        match self {
            AttestError::Crypto(e) => e.exit(),
            AttestError::State(e) => e.exit(),
            AttestError::Envelope { .. }
            | AttestError::Statement { .. }
            | AttestError::Predicate { .. } => Exit::DataErr,
            AttestError::Read { source, .. } => Exit::from_io(source),
            AttestError::KeyExists { .. } => Exit::Config,
            AttestError::NoTrustedKey { .. } => Exit::NoInput,
        }
    }
}

/// The files of an authority directory.
#[derive(Debug, Clone)]
pub struct Authority {
    dir: PathBuf,
}

/// What `init` did.
#[derive(Debug, Clone, Serialize)]
pub struct Initialized {
    /// The authority directory.
    pub dir: PathBuf,
    /// The new key's id.
    pub key_id: String,
    /// The public key file.
    pub public_key: PathBuf,
    /// The previous key, kept for verification, when `--force` rotated it.
    pub retired: Option<PathBuf>,
}

impl Authority {
    /// The authority in `dir` (which may not exist yet).
    pub fn new(dir: impl Into<PathBuf>) -> Authority {
        Authority { dir: dir.into() }
    }

    /// The directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn key_path(&self) -> PathBuf {
        self.dir.join("signing.key")
    }

    fn pub_path(&self) -> PathBuf {
        self.dir.join("signing.pub")
    }

    fn retired_dir(&self) -> PathBuf {
        self.dir.join("retired")
    }

    /// Creates the signing key; with `force`, rotates an existing one and
    /// keeps its public key under `retired/` for verification.
    pub fn init(&self, rng: &mut ChaCha20Rng, force: bool) -> Result<Initialized, AttestError> {
        state::ensure_dir(&self.dir, 0o700)?;
        let mut retired = None;
        if self.key_path().exists() || self.pub_path().exists() {
            let old = crypto::read_public_key(&self.pub_path())?;
            let old_id = KeyId::of(&old).to_hex();
            if !force {
                return Err(AttestError::KeyExists {
                    dir: self.dir.clone(),
                    key_id: old_id,
                });
            }
            state::ensure_dir(&self.retired_dir(), 0o700)?;
            let keep = self.retired_dir().join(format!("{old_id}.pub"));
            crypto::write_public_key(&keep, &old, true)?;
            retired = Some(keep);
        }
        let key = crypto::generate(rng);
        crypto::write_private_key(&self.key_path(), &key, force)?;
        crypto::write_public_key(&self.pub_path(), &key.verifying_key(), force)?;
        Ok(Initialized {
            dir: self.dir.clone(),
            key_id: KeyId::of(&key.verifying_key()).to_hex(),
            public_key: self.pub_path(),
            retired,
        })
    }

    /// The signing key (refused when readable by others).
    pub fn signing_key(&self) -> Result<SigningKey, AttestError> {
        Ok(crypto::read_private_key(&self.key_path())?)
    }

    /// Every key this authority vouches for: the current one and the retired ones.
    pub fn trusted_keys(&self) -> Result<Vec<VerifyingKey>, AttestError> {
        let mut keys = Vec::new();
        if self.pub_path().exists() {
            keys.push(crypto::read_public_key(&self.pub_path())?);
        }
        if let Ok(entries) = std::fs::read_dir(self.retired_dir()) {
            let mut paths: Vec<PathBuf> = entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "pub"))
                .collect();
            paths.sort();
            for path in paths {
                keys.push(crypto::read_public_key(&path)?);
            }
        }
        if keys.is_empty() {
            return Err(AttestError::NoTrustedKey {
                dir: self.dir.clone(),
            });
        }
        Ok(keys)
    }
}

/// What to attest.
#[derive(Debug, Clone)]
pub struct AttestRequest {
    /// Files to attest, named in the statement as given.
    pub subjects: Vec<PathBuf>,
    /// The predicate type and predicate, if the user gave one.
    pub predicate: Option<(String, serde_json::Value)>,
    /// How long the statement stays valid.
    pub expires: Option<Duration>,
    /// A verifier's challenge to bind into the statement (lowercase hex).
    pub nonce: Option<String>,
    /// When it is made.
    pub now: SystemTime,
}

/// Reads and parses a predicate file.
pub fn read_predicate(path: &Path) -> Result<serde_json::Value, AttestError> {
    let bytes = std::fs::read(path).map_err(|source| AttestError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    serde_json::from_slice(&bytes).map_err(|source| AttestError::Predicate {
        path: path.to_path_buf(),
        source,
    })
}

/// The subject entry of one file: its name as given, `sha256` and `blake3`.
pub fn subject_of(path: &Path) -> Result<Subject, AttestError> {
    let d = crypto::digests_file(path)?;
    Ok(Subject {
        name: path.display().to_string(),
        digest: [
            ("sha256".to_string(), d.sha256.to_hex()),
            ("blake3".to_string(), d.blake3.to_hex()),
        ]
        .into_iter()
        .collect(),
    })
}

/// Makes a signed envelope holding a statement about the request's files.
pub fn attest(
    key: &SigningKey,
    request: &AttestRequest,
) -> Result<(Envelope, Statement), AttestError> {
    let subject = request
        .subjects
        .iter()
        .map(|p| subject_of(p))
        .collect::<Result<Vec<_>, _>>()?;
    let key_id = KeyId::of(&key.verifying_key()).to_hex();
    let (predicate_type, predicate) = request.predicate.clone().unwrap_or_else(|| {
        (
            ARTIFACT_PREDICATE_V1.to_string(),
            serde_json::json!({ "authority": key_id }),
        )
    });
    let mut statement = Statement::new(
        subject,
        predicate_type,
        predicate,
        request.now,
        request.expires,
    );
    if let (Some(validity), Some(nonce)) = (statement.validity.as_mut(), &request.nonce) {
        validity.nonce = Some(nonce.to_ascii_lowercase());
    }
    // NB: serialising a Statement of strings and JSON values cannot fail.
    let payload = serde_json::to_vec(&statement).unwrap_or_default();
    Ok((
        Envelope::sign(key, IN_TOTO_PAYLOAD_TYPE, payload),
        statement,
    ))
}

/// One check of a verification, in the order they ran.
#[derive(Debug, Clone, Serialize)]
pub struct Check {
    /// What was checked: `payload-type`, `signature`, `subject`, `expiry`.
    pub check: &'static str,
    /// Whether it passed.
    pub ok: bool,
    /// What was found (the reason, when it failed).
    pub detail: String,
}

/// The answer of `verify`: valid, or the first failed check.
#[derive(Debug, Clone, Serialize)]
pub struct Verdict {
    /// The envelope file.
    pub attestation: PathBuf,
    /// True when every check passed.
    pub valid: bool,
    /// The first failed check, as one line.
    pub reason: Option<String>,
    /// The key that signed it, when one verified.
    pub key_id: Option<String>,
    /// The statement's predicate type, once authenticated.
    pub predicate_type: Option<String>,
    /// The statement's subjects, once authenticated.
    pub subjects: Vec<Subject>,
    /// Every check that ran.
    pub checks: Vec<Check>,
}

impl Verdict {
    fn push(&mut self, check: &'static str, ok: bool, detail: String) {
        if !ok && self.reason.is_none() {
            self.reason = Some(format!("{check}: {detail}"));
            self.valid = false;
        }
        self.checks.push(Check { check, ok, detail });
    }
}

/// What to verify against.
#[derive(Debug, Clone)]
pub struct VerifyRequest {
    /// The envelope file (for messages).
    pub path: PathBuf,
    /// Keys any of which may have signed it.
    pub keys: Vec<VerifyingKey>,
    /// Files that must match a subject.
    pub subjects: Vec<PathBuf>,
    /// The time to judge expiry at.
    pub now: SystemTime,
    /// A revocation list already authenticated by a trusted key.
    pub revocations: Option<revocation::List>,
    /// The challenge the statement must carry (lowercase hex), if any.
    pub nonce: Option<String>,
}

/// The delegation chain embedded in an attestation file (`"delegations"`
/// next to the DSSE fields; DSSE readers ignore it).
fn embedded_chain(path: &Path, envelope: &[u8]) -> Result<Vec<delegation::Hop>, AttestError> {
    let chain: delegation::ChainFile =
        serde_json::from_slice(envelope).map_err(|e| AttestError::Envelope {
            path: path.to_path_buf(),
            source: e.into(),
        })?;
    chain
        .delegations
        .iter()
        .enumerate()
        .map(|(i, raw)| {
            delegation::Hop::decode(raw).map_err(|reason| AttestError::Statement {
                path: path.to_path_buf(),
                reason: format!("delegation hop {}: {reason}", i + 1),
            })
        })
        .collect()
}

/// Adds a delegation chain to an envelope's JSON.
pub fn with_chain(envelope: &Envelope, chain: &delegation::ChainFile) -> Vec<u8> {
    let mut doc = serde_json::to_value(envelope.to_raw()).unwrap_or_default();
    if !chain.delegations.is_empty() {
        doc["delegations"] = serde_json::to_value(&chain.delegations).unwrap_or_default();
    }
    let mut out = serde_json::to_vec_pretty(&doc).unwrap_or_default();
    out.push(b'\n');
    out
}

/// Verifies an envelope's bytes: payload type, a strict signature by a
/// trusted key, then (only once authenticated) subjects and expiry.
pub fn verify(envelope: &[u8], request: &VerifyRequest) -> Result<Verdict, AttestError> {
    let path = &request.path;
    let env = Envelope::parse(envelope).map_err(|source| AttestError::Envelope {
        path: path.clone(),
        source,
    })?;
    let mut verdict = Verdict {
        attestation: path.clone(),
        valid: true,
        reason: None,
        key_id: None,
        predicate_type: None,
        subjects: Vec::new(),
        checks: Vec::new(),
    };
    let type_ok = env.payload_type == IN_TOTO_PAYLOAD_TYPE;
    verdict.push(
        "payload-type",
        type_ok,
        if type_ok {
            env.payload_type.clone()
        } else {
            format!("{:?} is not {IN_TOTO_PAYLOAD_TYPE}", env.payload_type)
        },
    );
    let chain = embedded_chain(path, envelope)?;
    let direct = request
        .keys
        .iter()
        .find(|k| env.verified_by(k).is_some())
        .copied();
    let mut scope = None;
    let signer = match direct {
        Some(key) => Some(key),
        None if chain.is_empty() => None,
        None => match delegation::verify_chain(chain, &request.keys, request.now) {
            Ok(verified) => {
                verdict.push(
                    "delegation",
                    true,
                    format!("{} hop(s) from a trusted root", verified.hops.len()),
                );
                let key = verified.delegate;
                let signed = env.verified_by(&key).is_some();
                scope = Some(verified);
                signed.then_some(key)
            }
            Err(reason) => {
                verdict.push("delegation", false, reason);
                return Ok(verdict);
            }
        },
    };
    match signer {
        Some(key) => {
            let id = KeyId::of(&key).to_hex();
            verdict.push("signature", true, format!("verified by key {id}"));
            verdict.key_id = Some(id);
        }
        None => {
            let ids: Vec<&str> = env.signatures.iter().map(|(id, _)| id.as_str()).collect();
            let why = if scope.is_some() {
                "the last delegate did not sign it"
            } else {
                "no trusted key verifies it"
            };
            verdict.push(
                "signature",
                false,
                format!("{why} (signed by key id {})", ids.join(", ")),
            );
        }
    }
    if let (Some(list), true) = (&request.revocations, verdict.valid) {
        let digest = crypto::sha256(envelope).to_hex();
        let mut keys: Vec<String> = verdict.key_id.iter().cloned().collect();
        let mut delegations = Vec::new();
        if let Some(chain) = &scope {
            for hop in &chain.hops {
                keys.push(hop.grant.issuer.clone());
                keys.push(hop.grant.delegate.keyid.clone());
                delegations.push(hop.id.clone());
            }
        }
        let hit = list
            .find(revocation::Kind::Attestation, &digest)
            .or_else(|| {
                keys.iter()
                    .find_map(|k| list.find(revocation::Kind::Key, k))
            })
            .or_else(|| {
                delegations
                    .iter()
                    .find_map(|d| list.find(revocation::Kind::Delegation, d))
            });
        match hit {
            Some(entry) => verdict.push(
                "revocation",
                false,
                format!(
                    "{} {} revoked at {}: {}",
                    entry.kind.as_str(),
                    entry.id,
                    entry.revoked_at,
                    entry.reason
                ),
            ),
            None => verdict.push(
                "revocation",
                true,
                format!("not revoked ({} entries checked)", list.entries.len()),
            ),
        }
    }
    if !verdict.valid {
        // Nothing in an unauthenticated payload is worth reporting.
        return Ok(verdict);
    }
    let statement: Statement =
        serde_json::from_slice(&env.payload).map_err(|e| AttestError::Statement {
            path: path.clone(),
            reason: e.to_string(),
        })?;
    if statement.type_ != STATEMENT_V1 {
        return Err(AttestError::Statement {
            path: path.clone(),
            reason: format!("_type is {:?}", statement.type_),
        });
    }
    verdict.predicate_type = Some(statement.predicate_type.clone());
    verdict.subjects = statement.subject.clone();
    if let Some(chain) = &scope {
        let (ok, detail) = within_grant(&statement, chain);
        verdict.push("scope", ok, detail);
    }

    if let Some(want) = &request.nonce {
        let carried = statement.validity.as_ref().and_then(|v| v.nonce.as_deref());
        match carried {
            Some(n) if n.eq_ignore_ascii_case(want) => {
                verdict.push("nonce", true, format!("carries nonce {n}"))
            }
            Some(n) => verdict.push(
                "nonce",
                false,
                format!("carries nonce {n}, expected {want}"),
            ),
            None => verdict.push("nonce", false, format!("carries no nonce, expected {want}")),
        }
    }
    for file in &request.subjects {
        let actual = subject_of(file)?;
        let (ok, detail) = match_subject(&statement.subject, &actual);
        verdict.push("subject", ok, detail);
    }

    match statement.expires_at() {
        None => verdict.push("expiry", true, "does not expire".into()),
        Some(None) => {
            return Err(AttestError::Statement {
                path: path.clone(),
                reason: "validity.expiresAt is not an RFC 3339 UTC time".into(),
            });
        }
        Some(Some(at)) => {
            let shown = format_rfc3339(at);
            if request.now > at {
                verdict.push("expiry", false, format!("expired at {shown}"));
            } else {
                verdict.push("expiry", true, format!("valid until {shown}"));
            }
        }
    }
    Ok(verdict)
}

/// Whether an attestation made by a delegate stays within its grant.
fn within_grant(statement: &Statement, chain: &delegation::Verified) -> (bool, String) {
    let grant = chain.last();
    if !grant.predicate_types.contains(&statement.predicate_type) {
        return (
            false,
            format!(
                "predicate type {} is not delegated",
                statement.predicate_type
            ),
        );
    }
    if let Some(s) = statement.subject.iter().find(|s| {
        !grant
            .subjects
            .iter()
            .any(|g| delegation::matches(g, &s.name))
    }) {
        return (
            false,
            format!(
                "subject {:?} is outside the delegated {:?}",
                s.name, grant.subjects
            ),
        );
    }
    let limit = grant
        .validity
        .expires_at
        .as_deref()
        .and_then(crate::runtime::time::parse_rfc3339);
    match (statement.expires_at(), limit) {
        (Some(Some(at)), Some(limit)) if at <= limit => (
            true,
            format!("within the grant of hop {}", chain.hops.len()),
        ),
        _ => (
            false,
            "the attestation outlives its delegation (it must expire no later)".into(),
        ),
    }
}

/// Finds the statement subject a file matches: every digest the subject
/// records must equal the file's, and `sha256` must be among them.
fn match_subject(attested: &[Subject], file: &Subject) -> (bool, String) {
    let matches = |s: &Subject| {
        s.digest.contains_key("sha256")
            && s.digest
                .iter()
                .all(|(alg, hex)| file.digest.get(alg).is_none_or(|mine| mine == hex))
    };
    if let Some(s) = attested.iter().find(|s| matches(s)) {
        return (true, format!("{} matches subject {:?}", file.name, s.name));
    }
    let base = |n: &str| {
        Path::new(n)
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
    };
    let sha = |s: &Subject| s.digest.get("sha256").cloned().unwrap_or_default();
    match attested.iter().find(|s| base(&s.name) == base(&file.name)) {
        Some(s) => (
            false,
            format!(
                "{}: sha256 {} differs from the attested {}",
                file.name,
                sha(file),
                sha(s)
            ),
        ),
        None => (
            false,
            format!(
                "{}: sha256 {} matches no attested subject",
                file.name,
                sha(file)
            ),
        ),
    }
}
