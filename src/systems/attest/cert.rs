//! X.509 certificates from the authority: its CA certificate (`export-ca`) and
//! short-lived certificates for what a valid attestation vouches for
//! (`export-cert`), so TLS stacks and `openssl verify` can rely on an
//! attestation without reading DSSE.
//!
//! Built with rcgen without its crypto backends (no ring, no aws-lc): omni
//! signs the to-be-signed bytes itself with ed25519-dalek through rcgen's
//! [`rcgen::SigningKey`] trait, so the static musl build gains no C code.
//!
//! # The CA certificate
//! Self-signed with the authority's Ed25519 signing key; subject and issuer
//! `CN=omni attest authority <short key id>`; basicConstraints critical
//! `CA:TRUE, pathlen:0`; keyUsage critical `keyCertSign, cRLSign`;
//! subjectKeyIdentifier. It is a pure function of the key and the validity
//! window (the serial is derived from both, Ed25519 signatures are
//! deterministic), so re-exporting gives a certificate for the same key,
//! name and key identifier, and every device certificate issued by that key
//! chains to any of them.
//!
//! # Device certificates
//! Issued only for an attestation that [`super::verify`] finds valid with the
//! authority's trusted keys; an invalid one gives [`Issued::Refused`] with the
//! verdict, never a certificate.
//! - Subject key: by default the key that signed the attestation (the
//!   verdict's key id, looked up among the trusted keys): the certificate
//!   then says "this key made a valid attestation". `subject_key` certifies
//!   another key instead (a device's own key).
//! - Subject `CN=omni attestation <first 16 hex of the envelope's SHA-256>`.
//! - Validity: from now (back-dated by [`BACKDATE`] for clock skew, but never
//!   before the statement's `issuedAt`) for the requested time (default
//!   [`DEFAULT_CERT_VALIDITY`]), cut at the statement's `expiresAt`: a
//!   certificate never outlives its attestation. Times are whole seconds,
//!   rounded down.
//! - URI SANs: `urn:omni:attest:<sha256 of the envelope bytes>`, and when the
//!   statement has exactly one subject, `urn:omni:subject:sha256:<digest>`.
//! - Extension [`ATTESTATION_DIGEST_OID`] (non-critical): a DER OCTET STRING
//!   holding the 32-byte SHA-256 of the envelope bytes exactly as read.
//! - basicConstraints critical `CA:FALSE`; keyUsage critical
//!   `digitalSignature`; extendedKeyUsage `clientAuth`; subjectKeyIdentifier
//!   and authorityKeyIdentifier (the CA's subjectKeyIdentifier).
//! - Serial: 16 bytes from the caller's RNG (the governor's stream).
//!
//! Key identifiers are RFC 7093 method 1: the leftmost 160 bits of SHA-256
//! over the raw public key, which for Ed25519 are the first 20 bytes of
//! omni's key id.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use rand::RngCore;
use rcgen::{
    BasicConstraints, CertificateParams, CustomExtension, DistinguishedName, DnType,
    ExtendedKeyUsagePurpose, IsCa, Issuer, KeyIdMethod, KeyUsagePurpose, PKCS_ED25519,
    PublicKeyData, SanType, SerialNumber, SignatureAlgorithm,
};
use serde::Serialize;

use crate::runtime::crypto::{self, KeyId, SigningKey, VerifyingKey};
use crate::runtime::error::{Classify, Exit};
use crate::runtime::time::{format_rfc3339, parse_rfc3339};

use super::dsse::Envelope;
use super::statement::Statement;
use super::{AttestError, Verdict, VerifyRequest};

/// The private extension carrying the attestation's SHA-256:
/// `1.3.6.1.4.1.32473.1869442665.1.1`.
///
/// PROVISIONAL: 32473 is IANA's enterprise number for documentation
/// (RFC 5612), which no organisation owns, so this cannot collide with a
/// registered arc; `1869442665` is "omni" in ASCII (0x6f6d6e69), then `.1`
/// attest, `.1` attestation digest. It moves under omni's own Private
/// Enterprise Number once IANA assigns one (a request made outside this
/// repository); a UUID arc (`2.25.…`) is no way out, because rcgen takes
/// only 64-bit arcs. Match the whole OID, never a prefix.
pub const ATTESTATION_DIGEST_OID: &[u64] = &[1, 3, 6, 1, 4, 1, 32473, 1_869_442_665, 1, 1];

/// [`ATTESTATION_DIGEST_OID`] in dotted form.
pub const ATTESTATION_DIGEST_OID_STR: &str = "1.3.6.1.4.1.32473.1869442665.1.1";

/// Default validity of the CA certificate: 10 years.
pub const DEFAULT_CA_VALIDITY: Duration = Duration::from_secs(3650 * 86_400);

/// Default validity of a device certificate: 24 hours.
pub const DEFAULT_CERT_VALIDITY: Duration = Duration::from_secs(86_400);

/// How far `notBefore` is set back from now, for verifiers whose clocks lag.
pub const BACKDATE: Duration = Duration::from_secs(60);

/// URI SAN prefix naming the attestation by its envelope's SHA-256.
pub const ATTESTATION_URN: &str = "urn:omni:attest:";

/// URI SAN prefix naming the single attested subject by its SHA-256.
pub const SUBJECT_URN: &str = "urn:omni:subject:sha256:";

/// Why a certificate could not be made.
#[derive(Debug, thiserror::Error)]
pub enum CertError {
    /// Reading or verifying the attestation, or loading keys, failed.
    #[error(transparent)]
    Attest(#[from] AttestError),
    /// The validity asked for cannot be written in a certificate.
    #[error("certificate validity: {reason}")]
    Validity {
        /// What is wrong.
        reason: String,
    },
    /// The verdict named a key that is not among the trusted keys (a bug).
    #[error("the attestation's signer {key_id} is not among the trusted keys")]
    UnknownSigner {
        /// The verdict's key id.
        key_id: String,
    },
    /// rcgen refused to encode the certificate (a bug: inputs are checked).
    #[error("cannot encode the certificate: {0}")]
    Encode(#[from] rcgen::Error),
}

impl Classify for CertError {
    fn exit(&self) -> Exit {
        match self {
            CertError::Attest(e) => e.exit(),
            CertError::Validity { .. } => Exit::Usage,
            CertError::UnknownSigner { .. } | CertError::Encode(_) => Exit::Software,
        }
    }
}

/// A certificate omni made, and what it says.
#[derive(Debug, Clone, Serialize)]
pub struct IssuedCert {
    /// The certificate, PEM (`-----BEGIN CERTIFICATE-----`).
    #[serde(skip)]
    pub pem: String,
    /// The certificate, DER.
    #[serde(skip)]
    pub der: Vec<u8>,
    /// The subject's common name.
    pub subject: String,
    /// The issuer's common name.
    pub issuer: String,
    /// The serial number, lowercase hex.
    pub serial: String,
    /// Start of validity (RFC 3339).
    pub not_before: String,
    /// End of validity (RFC 3339).
    pub not_after: String,
    /// The omni key id of the certified public key.
    pub key_id: String,
    /// The URI subject alternative names.
    pub uris: Vec<String>,
    /// SHA-256 of the attestation envelope (device certificates).
    pub attestation_sha256: Option<String>,
}

/// What `export-cert` produced: a certificate, or the verdict that refused it.
#[derive(Debug, Clone)]
pub enum Issued {
    /// The attestation is valid; here is its certificate.
    Certificate(Box<IssuedCert>),
    /// The attestation is not valid: no certificate, the verdict says why.
    Refused(Box<Verdict>),
}

/// What to certify.
#[derive(Debug, Clone)]
pub struct CertRequest {
    /// The envelope file (for messages).
    pub path: std::path::PathBuf,
    /// Keys any of which may have signed it (the authority's trusted keys).
    pub trusted: Vec<VerifyingKey>,
    /// What is revoked: a revoked attestation, signer or delegation gets no certificate.
    pub revocations: Option<super::revocation::List>,
    /// The key to certify; `None` certifies the attestation's signer.
    pub subject_key: Option<VerifyingKey>,
    /// How long the certificate is valid at most (cut at the attestation's expiry).
    pub validity: Duration,
    /// The time of issue (and of the verification).
    pub now: SystemTime,
}

/// The authority's key as an rcgen signer: rcgen builds the to-be-signed
/// bytes, ed25519-dalek signs them.
struct Signer<'a> {
    key: &'a SigningKey,
    public: [u8; 32],
}

impl<'a> Signer<'a> {
    fn new(key: &'a SigningKey) -> Signer<'a> {
        Signer {
            key,
            public: key.verifying_key().to_bytes(),
        }
    }
}

impl PublicKeyData for Signer<'_> {
    fn der_bytes(&self) -> &[u8] {
        &self.public
    }

    fn algorithm(&self) -> &'static SignatureAlgorithm {
        &PKCS_ED25519
    }
}

impl rcgen::SigningKey for Signer<'_> {
    fn sign(&self, msg: &[u8]) -> Result<Vec<u8>, rcgen::Error> {
        Ok(crypto::sign(self.key, msg).to_bytes().to_vec())
    }
}

/// A public key to certify.
struct Public([u8; 32]);

impl PublicKeyData for Public {
    fn der_bytes(&self) -> &[u8] {
        &self.0
    }

    fn algorithm(&self) -> &'static SignatureAlgorithm {
        &PKCS_ED25519
    }
}

/// RFC 7093 method 1 key identifier: SHA-256 of the raw key, first 20 bytes
/// (the first 20 bytes of omni's key id).
pub fn key_identifier(key: &VerifyingKey) -> Vec<u8> {
    KeyId::of(key).as_bytes()[..20].to_vec()
}

/// The CA's common name: `omni attest authority <short key id>`.
pub fn ca_common_name(key: &VerifyingKey) -> String {
    format!("omni attest authority {}", KeyId::of(key).short())
}

fn unix_secs(t: SystemTime) -> u64 {
    t.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

/// Whole seconds, rounded down.
fn floor_secs(t: SystemTime) -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(unix_secs(t))
}

fn datetime(t: SystemTime, what: &str) -> Result<time::OffsetDateTime, CertError> {
    let secs = i64::try_from(unix_secs(t)).unwrap_or(i64::MAX);
    // X.509 times end with GeneralizedTime's year 9999.
    const MAX: i64 = 253_402_300_799; // 9999-12-31T23:59:59Z
    if secs > MAX {
        return Err(CertError::Validity {
            reason: format!("{what} would be after the year 9999"),
        });
    }
    time::OffsetDateTime::from_unix_timestamp(secs).map_err(|e| CertError::Validity {
        reason: format!("{what}: {e}"),
    })
}

fn add(t: SystemTime, d: Duration, what: &str) -> Result<SystemTime, CertError> {
    t.checked_add(d).ok_or_else(|| CertError::Validity {
        reason: format!("{what} is too far in the future"),
    })
}

/// The CA certificate's parameters for `key` (also the issuer of device
/// certificates: its name and key identifier).
fn ca_params(public: &VerifyingKey) -> CertificateParams {
    let mut params = CertificateParams::default();
    let mut dn = DistinguishedName::new();
    dn.push(DnType::CommonName, ca_common_name(public));
    params.distinguished_name = dn;
    params.is_ca = IsCa::Ca(BasicConstraints::Constrained(0));
    params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    params.key_identifier_method = KeyIdMethod::PreSpecified(key_identifier(public));
    params
}

fn serial_hex(serial: &[u8]) -> String {
    hex::encode(serial)
}

/// The authority's self-signed CA certificate, valid from `now` (back-dated
/// by [`BACKDATE`]) for `validity`.
///
/// The serial is SHA-256 over the key id and the validity window (16 bytes,
/// positive): the same key and window give the same certificate, byte for
/// byte; another window gives another serial, so issuer and serial never
/// name two different certificates.
pub fn ca_certificate(
    key: &SigningKey,
    now: SystemTime,
    validity: Duration,
) -> Result<IssuedCert, CertError> {
    let public = key.verifying_key();
    let not_before = floor_secs(now.checked_sub(BACKDATE).unwrap_or(UNIX_EPOCH));
    let not_after = floor_secs(add(now, validity, "the CA's notAfter")?);
    let mut params = ca_params(&public);
    params.not_before = datetime(not_before, "notBefore")?;
    params.not_after = datetime(not_after, "notAfter")?;
    let mut seed = Vec::with_capacity(48);
    seed.extend_from_slice(KeyId::of(&public).as_bytes());
    seed.extend_from_slice(&unix_secs(not_before).to_be_bytes());
    seed.extend_from_slice(&unix_secs(not_after).to_be_bytes());
    let serial = positive_serial(crypto::sha256(&seed).as_bytes()[..16].to_vec());
    params.serial_number = Some(SerialNumber::from_slice(&serial));
    let signer = Signer::new(key);
    let cert = params.self_signed(&signer)?;
    Ok(IssuedCert {
        pem: cert.pem(),
        der: cert.der().to_vec(),
        subject: ca_common_name(&public),
        issuer: ca_common_name(&public),
        serial: serial_hex(&serial),
        not_before: format_rfc3339(not_before),
        not_after: format_rfc3339(not_after),
        key_id: KeyId::of(&public).to_hex(),
        uris: Vec::new(),
        attestation_sha256: None,
    })
}

/// Clears the top bit (a positive INTEGER) and sets the next one (no leading
/// zero byte is dropped, so the serial keeps its full length).
fn positive_serial(mut bytes: Vec<u8>) -> Vec<u8> {
    if let Some(first) = bytes.first_mut() {
        *first = (*first & 0x7f) | 0x40;
    }
    bytes
}

/// Verifies the attestation `envelope` with `request.trusted` and, when it is
/// valid, issues a certificate signed by `ca_key` (see the module docs for
/// its contents). An invalid attestation is [`Issued::Refused`], not an error;
/// a malformed one is an error (65), as in [`super::verify`].
pub fn device_certificate(
    ca_key: &SigningKey,
    envelope: &[u8],
    request: &CertRequest,
    rng: &mut impl RngCore,
) -> Result<Issued, CertError> {
    if request.validity.is_zero() {
        return Err(CertError::Validity {
            reason: "the validity must be longer than zero".into(),
        });
    }
    let verdict = super::verify(
        envelope,
        &VerifyRequest {
            path: request.path.clone(),
            keys: request.trusted.clone(),
            subjects: Vec::new(),
            now: request.now,
            revocations: request.revocations.clone(),
            nonce: None,
        },
    )?;
    if !verdict.valid {
        return Ok(Issued::Refused(Box::new(verdict)));
    }
    let signer_id = verdict.key_id.clone().unwrap_or_default();
    let subject_key = match request.subject_key {
        Some(k) => k,
        None => *request
            .trusted
            .iter()
            .find(|k| KeyId::of(k).to_hex() == signer_id)
            .ok_or(CertError::UnknownSigner { key_id: signer_id })?,
    };
    // Authenticated by `verify` above: safe to read.
    let statement = authenticated_statement(envelope, request)?;

    let digest = crypto::sha256(envelope);
    let digest_hex = digest.to_hex();
    let now = floor_secs(request.now);
    let mut not_before = floor_secs(request.now.checked_sub(BACKDATE).unwrap_or(UNIX_EPOCH));
    if let Some(issued) = statement
        .validity
        .as_ref()
        .and_then(|v| parse_rfc3339(&v.issued_at))
    {
        // Never before the evidence existed (but never after now either).
        not_before = not_before.max(floor_secs(issued).min(now));
    }
    let mut not_after = add(request.now, request.validity, "the certificate's notAfter")?;
    if let Some(Some(expires)) = statement.expires_at() {
        not_after = not_after.min(expires);
    }
    let not_after = floor_secs(not_after);

    let mut uris = vec![format!("{ATTESTATION_URN}{digest_hex}")];
    if let [only] = statement.subject.as_slice()
        && let Some(sha) = only.digest.get("sha256")
    {
        uris.push(format!("{SUBJECT_URN}{}", sha.to_ascii_lowercase()));
    }

    let subject_cn = format!("omni attestation {}", &digest_hex[..16]);
    let mut params = CertificateParams::default();
    let mut dn = DistinguishedName::new();
    dn.push(DnType::CommonName, subject_cn.clone());
    params.distinguished_name = dn;
    params.not_before = datetime(not_before, "notBefore")?;
    params.not_after = datetime(not_after, "notAfter")?;
    params.is_ca = IsCa::ExplicitNoCa;
    params.key_usages = vec![KeyUsagePurpose::DigitalSignature];
    params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ClientAuth];
    params.use_authority_key_identifier_extension = true;
    params.key_identifier_method = KeyIdMethod::PreSpecified(key_identifier(&subject_key));
    params.subject_alt_names = uris
        .iter()
        .map(|u| {
            rcgen::string::Ia5String::try_from(u.as_str())
                .map(SanType::URI)
                .map_err(|e| CertError::Validity {
                    reason: format!("URI {u:?} is not IA5: {e}"),
                })
        })
        .collect::<Result<_, _>>()?;
    params.custom_extensions = vec![CustomExtension::from_oid_content(
        ATTESTATION_DIGEST_OID,
        der_octet_string(digest.as_bytes()),
    )];
    let mut serial = vec![0u8; 16];
    rng.fill_bytes(&mut serial);
    let serial = positive_serial(serial);
    params.serial_number = Some(SerialNumber::from_slice(&serial));

    let ca_public = ca_key.verifying_key();
    let issuer = Issuer::new(ca_params(&ca_public), Signer::new(ca_key));
    let cert = params.signed_by(&Public(subject_key.to_bytes()), &issuer)?;
    Ok(Issued::Certificate(Box::new(IssuedCert {
        pem: cert.pem(),
        der: cert.der().to_vec(),
        subject: subject_cn,
        issuer: ca_common_name(&ca_public),
        serial: serial_hex(&serial),
        not_before: format_rfc3339(not_before),
        not_after: format_rfc3339(not_after),
        key_id: KeyId::of(&subject_key).to_hex(),
        uris,
        attestation_sha256: Some(digest_hex),
    })))
}

/// The statement of an envelope `verify` has authenticated.
fn authenticated_statement(envelope: &[u8], request: &CertRequest) -> Result<Statement, CertError> {
    let env = Envelope::parse(envelope).map_err(|source| AttestError::Envelope {
        path: request.path.clone(),
        source,
    })?;
    let statement = serde_json::from_slice(&env.payload).map_err(|e| AttestError::Statement {
        path: request.path.clone(),
        reason: e.to_string(),
    })?;
    Ok(statement)
}

/// DER `OCTET STRING` of `bytes` (short or long definite length).
fn der_octet_string(bytes: &[u8]) -> Vec<u8> {
    let len = bytes.len();
    let mut out = vec![0x04];
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let be = len.to_be_bytes();
        let skip = be.iter().take_while(|b| **b == 0).count();
        out.push(0x80 | (be.len() - skip) as u8);
        out.extend_from_slice(&be[skip..]);
    }
    out.extend_from_slice(bytes);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn octet_string_encoding() {
        assert_eq!(der_octet_string(&[1, 2]), vec![0x04, 2, 1, 2]);
        let long = der_octet_string(&[7u8; 200]);
        assert_eq!(&long[..3], &[0x04, 0x81, 200]);
        assert_eq!(long.len(), 203);
    }

    #[test]
    fn oid_string_matches_arcs() {
        let dotted: Vec<String> = ATTESTATION_DIGEST_OID.iter().map(u64::to_string).collect();
        assert_eq!(dotted.join("."), ATTESTATION_DIGEST_OID_STR);
        assert_eq!(1_869_442_665u64.to_be_bytes()[4..], *b"omni");
    }

    #[test]
    fn ca_certificate_is_a_function_of_key_and_window() {
        let key = SigningKey::from_bytes(&[7u8; 32]);
        let now = UNIX_EPOCH + Duration::from_secs(1_800_000_000);
        let a = ca_certificate(&key, now, DEFAULT_CA_VALIDITY).unwrap();
        let b = ca_certificate(&key, now, DEFAULT_CA_VALIDITY).unwrap();
        assert_eq!(a.der, b.der);
        let c = ca_certificate(&key, now + Duration::from_secs(1), DEFAULT_CA_VALIDITY).unwrap();
        assert_ne!(a.serial, c.serial);
        assert!(a.pem.starts_with("-----BEGIN CERTIFICATE-----"));
    }

    #[test]
    fn serials_are_positive_and_full_length() {
        let s = positive_serial(vec![0xff, 1]);
        assert_eq!(s, vec![0x7f, 1]);
        let s = positive_serial(vec![0x00, 1]);
        assert_eq!(s, vec![0x40, 1]);
    }
}
