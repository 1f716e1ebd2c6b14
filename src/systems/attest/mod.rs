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
//! With `init --tpm TCTI` also `ak.pem` (the TPM attestation key, SPKI PEM),
//! `ak.pub.tpm` (its `TPM2B_PUBLIC`, which shows it is restricted) and
//! `tpm.json` (`{"tcti": "<canonical TCTI>"}`, reused by later commands
//! unless `--tpm` overrides it).
//!
//! # TPM quotes
//! Generation needs the cargo feature `tpm` ([`tpm`], libtss2); without it
//! every TPM operation is [`AttestError::NoTpmSupport`] (69), never a silent
//! fallback. Verification ([`verify_with`]) is pure Rust in every build. A
//! quote attestation verified without a nonce is invalid: a quote proves
//! freshness only against a nonce the verifier chose, so "no nonce" cannot
//! be answered "valid".
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
pub mod tcti;
#[cfg(feature = "tpm")]
pub mod tpm;

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use rand_chacha::ChaCha20Rng;
use serde::Serialize;

use crate::runtime::crypto::{self, CryptoError, KeyId, SigningKey, VerifyingKey};
use crate::runtime::error::{Classify, Exit};
use crate::runtime::state::{self, StateError};
use crate::runtime::time::format_rfc3339;

use dsse::{DsseError, Envelope, IN_TOTO_PAYLOAD_TYPE};
use quote::{AkPublic, PcrPolicy, QuoteError, QuoteEvidence, QuoteVerdict};
use statement::{ARTIFACT_PREDICATE_V1, STATEMENT_V1, Statement, Subject, TPM_QUOTE_PREDICATE_V1};
use tcti::{Tcti, TctiError};

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
    /// A TCTI string omni does not accept.
    #[error(transparent)]
    Tcti(#[from] TctiError),
    /// Quote material (evidence, a PCR policy) is malformed.
    #[error(transparent)]
    Quote(#[from] QuoteError),
    /// This build cannot talk to a TPM (the static build never can).
    #[error(
        "TPM {tcti}: no TPM support in this build (libtss2 cannot be linked statically); \
         install the dynamically linked variant with ./install.sh --with-tpm \
         (cargo feature tpm); verifying quotes works in every build"
    )]
    NoTpmSupport {
        /// The TCTI that was asked for.
        tcti: String,
    },
    /// The TPM could not answer.
    #[cfg(feature = "tpm")]
    #[error(transparent)]
    Tpm(#[from] tpm::TpmError),
    /// A quote was asked for but no TPM is named.
    #[error(
        "no TPM: pass --tpm device:/dev/tpmrm0|swtpm:host=H,port=P, or run omni attest init --tpm … \
         (nothing in {path})",
        path = .path.display()
    )]
    NoTpm {
        /// The `tpm.json` that does not exist.
        path: PathBuf,
    },
    /// `tpm.json` is unreadable or malformed.
    #[error("{path}: {reason}", path = .path.display())]
    TpmConfig {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
    /// The TPM's AK is not the one enrolled in the authority directory.
    #[error(
        "TPM {tcti}: its attestation key differs from {path} (another TPM, or its owner \
         hierarchy was cleared); run omni attest init --tpm {tcti} --force to enrol it",
        path = .path.display()
    )]
    AkMismatch {
        /// The enrolled `ak.pem`.
        path: PathBuf,
        /// The TPM.
        tcti: String,
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
            AttestError::Tcti(e) => e.exit(),
            AttestError::Quote(e) => e.exit(),
            AttestError::NoTpmSupport { .. } => Exit::Unavailable,
            #[cfg(feature = "tpm")]
            AttestError::Tpm(e) => e.exit(),
            AttestError::NoTpm { .. }
            | AttestError::TpmConfig { .. }
            | AttestError::AkMismatch { .. } => Exit::Config,
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
    /// True when an existing key was kept (`init --tpm` on an initialised
    /// authority only enrols the TPM).
    pub kept: bool,
    /// The TPM attestation key, with `--tpm`.
    pub tpm: Option<TpmEnrolled>,
}

/// The TPM part of `init --tpm`.
#[derive(Debug, Clone, Serialize)]
pub struct TpmEnrolled {
    /// The TCTI, canonical form, as recorded in `tpm.json`.
    pub tcti: String,
    /// `ak.pem`.
    pub ak_pem: PathBuf,
    /// `ak.pub.tpm` (TPM2B_PUBLIC).
    pub ak_public: PathBuf,
    /// Hex SHA-256 of the AK's SubjectPublicKeyInfo DER.
    pub ak_id: String,
}

/// What `tpm.json` holds.
#[derive(Debug, Serialize, serde::Deserialize)]
struct TpmFile {
    tcti: String,
}

/// The AK's public parts as the TPM reported them.
#[derive(Debug, Clone)]
struct AkParts {
    pem: String,
    tpm2b_public: Vec<u8>,
}

/// Turns `--tpm TEXT` into a TCTI; `none` is no TPM. In a build without
/// the `tpm` feature anything but `none` is [`AttestError::NoTpmSupport`],
/// checked before the text is parsed so the answer never depends on a typo.
pub fn parse_tpm_choice(text: &str) -> Result<Option<Tcti>, AttestError> {
    if text != "none" && !cfg!(feature = "tpm") {
        return Err(AttestError::NoTpmSupport {
            tcti: text.to_string(),
        });
    }
    Ok(Tcti::parse_option(text)?)
}

#[cfg(feature = "tpm")]
fn tpm_attestation_key(tcti: &Tcti) -> Result<AkParts, AttestError> {
    let ak = tpm::attestation_key(tcti)?;
    Ok(AkParts {
        pem: ak.pem,
        tpm2b_public: ak.tpm2b_public,
    })
}

#[cfg(not(feature = "tpm"))]
fn tpm_attestation_key(tcti: &Tcti) -> Result<AkParts, AttestError> {
    Err(AttestError::NoTpmSupport {
        tcti: tcti.to_string(),
    })
}

#[cfg(feature = "tpm")]
fn tpm_quote(tcti: &Tcti, pcrs: &[u32], nonce: &[u8]) -> Result<QuoteEvidence, AttestError> {
    Ok(tpm::quote(tcti, pcrs, nonce)?)
}

#[cfg(not(feature = "tpm"))]
fn tpm_quote(tcti: &Tcti, _pcrs: &[u32], _nonce: &[u8]) -> Result<QuoteEvidence, AttestError> {
    Err(AttestError::NoTpmSupport {
        tcti: tcti.to_string(),
    })
}

/// Hex SHA-256 of an AK's SubjectPublicKeyInfo DER: a stable id to pin.
pub fn ak_id(ak_pem: &str) -> String {
    let der = pem_body(ak_pem);
    crypto::sha256(&der).to_hex()
}

fn pem_body(pem: &str) -> Vec<u8> {
    use base64ct::{Base64, Encoding};
    let body: String = pem
        .lines()
        .filter(|l| !l.starts_with("-----"))
        .collect::<Vec<_>>()
        .concat();
    Base64::decode_vec(body.trim()).unwrap_or_default()
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

    /// `tpm.json`: the TCTI later commands use.
    pub fn tpm_path(&self) -> PathBuf {
        self.dir.join("tpm.json")
    }

    /// `ak.pem`: the enrolled TPM attestation key.
    pub fn ak_pem_path(&self) -> PathBuf {
        self.dir.join("ak.pem")
    }

    /// `ak.pub.tpm`: the enrolled AK's `TPM2B_PUBLIC`.
    pub fn ak_public_path(&self) -> PathBuf {
        self.dir.join("ak.pub.tpm")
    }

    /// The TPM to use: `choice` (`--tpm`) when given, else the one recorded
    /// in `tpm.json`, else none.
    pub fn tpm(&self, choice: Option<&str>) -> Result<Option<Tcti>, AttestError> {
        if let Some(text) = choice {
            return parse_tpm_choice(text);
        }
        let path = self.tpm_path();
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(source) => return Err(AttestError::Read { path, source }),
        };
        let file: TpmFile = serde_json::from_slice(&bytes).map_err(|e| AttestError::TpmConfig {
            path: path.clone(),
            reason: format!("not {{\"tcti\": \"…\"}}: {e}"),
        })?;
        let tcti = Tcti::parse_option(&file.tcti).map_err(|e| AttestError::TpmConfig {
            path: path.clone(),
            reason: e.to_string(),
        })?;
        if tcti.is_some() && !cfg!(feature = "tpm") {
            return Err(AttestError::NoTpmSupport { tcti: file.tcti });
        }
        Ok(tcti)
    }

    /// The TPM a quote must come from: like [`Authority::tpm`], but none is
    /// an error.
    pub fn quote_tpm(&self, choice: Option<&str>) -> Result<Tcti, AttestError> {
        self.tpm(choice)?.ok_or_else(|| AttestError::NoTpm {
            path: self.tpm_path(),
        })
    }

    /// Quotes sha256 PCRs `pcrs` with `nonce`; when an AK is enrolled here
    /// the TPM's must be the same key.
    pub fn quote(
        &self,
        tcti: &Tcti,
        pcrs: &[u32],
        nonce: &[u8],
    ) -> Result<QuoteEvidence, AttestError> {
        let evidence = tpm_quote(tcti, pcrs, nonce)?;
        let path = self.ak_pem_path();
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                let enrolled = AkPublic::from_pem(&text).map_err(|e| AttestError::TpmConfig {
                    path: path.clone(),
                    reason: e.to_string(),
                })?;
                if !enrolled.same_key(&evidence.ak()?) {
                    return Err(AttestError::AkMismatch {
                        path,
                        tcti: tcti.to_string(),
                    });
                }
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(source) => return Err(AttestError::Read { path, source }),
        }
        Ok(evidence)
    }

    /// Enrols the TPM's AK: writes `ak.pem`, `ak.pub.tpm`, `tpm.json`. An
    /// enrolled AK that differs is replaced only with `force`.
    fn enrol(&self, tcti: &Tcti, ak: &AkParts, force: bool) -> Result<TpmEnrolled, AttestError> {
        let pem_path = self.ak_pem_path();
        if !force && let Ok(text) = std::fs::read_to_string(&pem_path) {
            let same = AkPublic::from_pem(&text)
                .ok()
                .zip(AkPublic::from_pem(&ak.pem).ok())
                .is_some_and(|(a, b)| a.same_key(&b));
            if !same {
                return Err(AttestError::AkMismatch {
                    path: pem_path,
                    tcti: tcti.to_string(),
                });
            }
        }
        state::write_atomic(&pem_path, ak.pem.as_bytes(), 0o644)?;
        state::write_atomic(&self.ak_public_path(), &ak.tpm2b_public, 0o644)?;
        let mut json = serde_json::to_vec_pretty(&TpmFile {
            tcti: tcti.to_string(),
        })
        .unwrap_or_default();
        json.push(b'\n');
        state::write_atomic(&self.tpm_path(), &json, 0o644)?;
        Ok(TpmEnrolled {
            tcti: tcti.to_string(),
            ak_pem: pem_path,
            ak_public: self.ak_public_path(),
            ak_id: ak_id(&ak.pem),
        })
    }

    /// Creates the signing key; with `force`, rotates an existing one and
    /// keeps its public key under `retired/` for verification.
    pub fn init(&self, rng: &mut ChaCha20Rng, force: bool) -> Result<Initialized, AttestError> {
        self.init_with_tpm(rng, force, None)
    }

    /// [`Authority::init`], and with a TPM also enrols its attestation key.
    /// On an initialised authority without `force`, the signing key is kept
    /// and only the TPM is enrolled. The TPM is asked first, so an
    /// unreachable TPM leaves the directory untouched.
    pub fn init_with_tpm(
        &self,
        rng: &mut ChaCha20Rng,
        force: bool,
        tpm: Option<&Tcti>,
    ) -> Result<Initialized, AttestError> {
        let ak = tpm.map(tpm_attestation_key).transpose()?;
        state::ensure_dir(&self.dir, 0o700)?;
        let mut retired = None;
        if self.key_path().exists() || self.pub_path().exists() {
            let old = crypto::read_public_key(&self.pub_path())?;
            let old_id = KeyId::of(&old).to_hex();
            if let (Some(tcti), Some(ak), false) = (tpm, &ak, force) {
                // Enrolling a TPM never touches the existing signing key.
                let enrolled = self.enrol(tcti, ak, false)?;
                return Ok(Initialized {
                    dir: self.dir.clone(),
                    key_id: old_id,
                    public_key: self.pub_path(),
                    retired: None,
                    kept: true,
                    tpm: Some(enrolled),
                });
            }
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
        let enrolled = match (tpm, &ak) {
            (Some(tcti), Some(ak)) => Some(self.enrol(tcti, ak, force)?),
            _ => None,
        };
        Ok(Initialized {
            dir: self.dir.clone(),
            key_id: KeyId::of(&key.verifying_key()).to_hex(),
            public_key: self.pub_path(),
            retired,
            kept: false,
            tpm: enrolled,
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

/// The predicate of a [`TPM_QUOTE_PREDICATE_V1`] statement.
#[derive(Debug, Clone, Serialize, serde::Deserialize)]
pub struct TpmQuotePredicate {
    /// The key id of the authority that made the attestation.
    pub authority: String,
    /// The quote: TPMS_ATTEST, TPMT_SIGNATURE, PCR values, AK public key.
    pub quote: QuoteEvidence,
}

/// The `(predicate type, predicate)` of a quote attestation by `key`.
pub fn quote_predicate(key: &SigningKey, quote: QuoteEvidence) -> (String, serde_json::Value) {
    let predicate = TpmQuotePredicate {
        authority: KeyId::of(&key.verifying_key()).to_hex(),
        quote,
    };
    (
        TPM_QUOTE_PREDICATE_V1.to_string(),
        // NB: evidence is bytes, strings and maps of strings: serialising cannot fail.
        serde_json::to_value(&predicate).unwrap_or_default(),
    )
}

/// What a quote attestation is checked against (`verify --nonce --policy`).
#[derive(Debug, Clone, Default)]
pub struct QuoteRequest {
    /// The nonce the verifier asked the attester to quote with. Without it a
    /// quote attestation is invalid: freshness is the point of a quote.
    pub nonce: Option<Vec<u8>>,
    /// Allowed PCR values.
    pub policy: Option<PcrPolicy>,
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
/// trusted key, then (only once authenticated) subjects and expiry. A quote
/// attestation fails here (no nonce): use [`verify_with`].
pub fn verify(envelope: &[u8], request: &VerifyRequest) -> Result<Verdict, AttestError> {
    verify_with(envelope, request, &QuoteRequest::default())
}

/// [`verify`], then for a [`TPM_QUOTE_PREDICATE_V1`] statement the quote
/// checks of [`quote::verify`] against `quote`'s nonce and policy, as one
/// `quote` check naming the first that failed. A nonce or policy given for
/// an attestation that holds no quote fails the `quote` check too: the
/// caller expected PCR evidence that is not there.
pub fn verify_with(
    envelope: &[u8],
    request: &VerifyRequest,
    quote: &QuoteRequest,
) -> Result<Verdict, AttestError> {
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

    if statement.predicate_type == TPM_QUOTE_PREDICATE_V1 {
        let predicate: TpmQuotePredicate = serde_json::from_value(statement.predicate.clone())
            .map_err(|e| AttestError::Statement {
                path: path.clone(),
                reason: format!("predicate of type {TPM_QUOTE_PREDICATE_V1}: {e}"),
            })?;
        let (ok, detail) =
            check_quote(&predicate.quote, quote).map_err(|e| AttestError::Statement {
                path: path.clone(),
                reason: format!("TPM quote: {e}"),
            })?;
        verdict.push("quote", ok, detail);
    } else if quote.policy.is_some() {
        verdict.push(
            "quote",
            false,
            format!(
                "a PCR policy was given, but the predicate type is {}, not a TPM quote",
                statement.predicate_type
            ),
        );
    }
    // NB: a nonce for an attestation without a quote is checked against the
    // statement's validity.nonce (the `nonce` check above), not here.
    Ok(verdict)
}

/// The `quote` check: `(passed, detail)`; `Err` when the evidence is malformed.
fn check_quote(
    evidence: &QuoteEvidence,
    request: &QuoteRequest,
) -> Result<(bool, String), QuoteError> {
    let parsed = quote::Quote::parse(&evidence.attest, &evidence.signature)?;
    let ak = evidence.ak()?;
    let Some(nonce) = &request.nonce else {
        return Ok((
            false,
            format!(
                "nonce: none given (--nonce); the quote carries {} and proves freshness only \
                 against the verifier's own nonce",
                hex::encode(parsed.extra_data())
            ),
        ));
    };
    match evidence.verify(nonce, request.policy.as_ref())? {
        QuoteVerdict::Valid => {
            let selection = parsed
                .pcr_selection()
                .map(ToString::to_string)
                .unwrap_or_default();
            let policy = match &request.policy {
                Some(p) => format!(", {} PCR(s) within the policy", p.allowed().len()),
                None => String::new(),
            };
            let restricted = if ak.attributes().is_some() {
                "restricted AK"
            } else {
                "AK (attributes unknown: PEM only)"
            };
            Ok((
                true,
                format!(
                    "{selection} quoted by {restricted} {}, nonce matches{policy}",
                    &ak_id(&evidence.ak_pem)[..16]
                ),
            ))
        }
        QuoteVerdict::Invalid(check) => {
            let name = check.name();
            let text = check.to_string();
            let detail = if text.starts_with(name) {
                text
            } else {
                format!("{name}: {text}")
            };
            Ok((false, detail))
        }
    }
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
