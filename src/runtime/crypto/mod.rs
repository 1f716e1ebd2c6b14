//! Shared crypto helpers: Ed25519 signing keys (generation, storage, loading,
//! key ids, strict signatures) and SHA-256 / BLAKE3 digests.
//!
//! `attest` and `ledger` both sign and verify with the same key material, so
//! the formats and policies live here once.
//!
//! # Formats
//!
//! - **Private key**: PKCS#8 v1 (RFC 5958 `PrivateKeyInfo`, RFC 8410 OID
//!   1.3.101.112) in PEM, `-----BEGIN PRIVATE KEY-----`, LF line endings. This
//!   is byte-for-byte the shape `openssl genpkey -algorithm ed25519` writes,
//!   so `openssl pkey -in key.pem` reads our keys and we read theirs. Loading
//!   also accepts PKCS#8 v2 (with the embedded public key, which must match).
//!   Encrypted PKCS#8 and OpenSSH keys are refused with a hint.
//! - **Public key**: SubjectPublicKeyInfo in PEM, `-----BEGIN PUBLIC KEY-----`
//!   (what `openssl pkey -pubout` prints). Loading also accepts the raw
//!   32-byte key as 64 hex digits (surrounding whitespace ignored).
//! - **Key id**: lowercase hex of SHA-256 over the 32 raw public key bytes
//!   (64 hex digits), see [`KeyId`]; [`KeyId::short`] is its first 16 hex
//!   digits (64 bits) for display. It depends only on the public key, never
//!   on the file it was read from.
//!
//! # Guarantees
//!
//! - A private key file is created with mode 0600 from its first byte (the
//!   temporary file is opened `O_CREAT|O_EXCL` with that mode and `fchmod`ed
//!   to exactly 0600 against the umask), fsynced, renamed into place and its
//!   directory fsynced: a crash leaves either no key or the whole key, and the
//!   key is never readable by anyone else, not even briefly.
//! - An existing private key is never replaced unless the caller passes
//!   `overwrite = true`; the no-overwrite path uses `link(2)`, so two writers
//!   racing for the same path cannot both win.
//! - A private key file readable or writable by group or others (any bit of
//!   `0o077`) is refused, like OpenSSH does, naming the path and its mode.
//! - Verification is always `verify_strict`: non-canonical signatures, weak
//!   (small-order) public keys and small-order `R` are rejected. A bad
//!   signature is a `false`, never an error. Ed25519 here is always the pure
//!   variant (RFC 8032 "Ed25519", no prehash, no context).
//!
//! # Error classes
//!
//! Missing key file → 66 (no input); malformed file → 65 (bad data); key file
//! permissions too open → 78 (configuration: the fix is `chmod 600`, not more
//! privileges); refusing to overwrite → 78 (configuration: the caller must
//! opt in); other I/O → classified from the error kind.

use std::fmt;
use std::fs::{self, File};
use std::io::{self, Read};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use ed25519_dalek::pkcs8::spki::der::pem::LineEnding;
use ed25519_dalek::pkcs8::{DecodePrivateKey, DecodePublicKey, EncodePrivateKey, EncodePublicKey};
use ed25519_dalek::{Signer, pkcs8};
use rand::rngs::OsRng;
use rand::{CryptoRng, RngCore};
use sha2::Digest as _;
use zeroize::Zeroizing;

use super::error::{Classify, Exit};
use super::state::{self, StateError};

pub use ed25519_dalek::{
    PUBLIC_KEY_LENGTH, SECRET_KEY_LENGTH, SIGNATURE_LENGTH, Signature, SigningKey, VerifyingKey,
};

mod field;
mod strict;

pub use strict::{StrictBatch, StrictKey};

/// Mode of a private key file: owner read/write only.
pub const PRIVATE_KEY_MODE: u32 = 0o600;
/// Mode of a public key file.
pub const PUBLIC_KEY_MODE: u32 = 0o644;
/// Permission bits that must be clear on a private key file.
const FORBIDDEN_PRIVATE_BITS: u32 = 0o077;
/// Key files are tiny; anything larger is not a key and is not read whole.
const MAX_KEY_FILE_BYTES: u64 = 64 * 1024;
/// Read buffer for file digests: large enough for BLAKE3's SIMD paths.
const DIGEST_BUF_BYTES: usize = 64 * 1024;

/// Errors from key storage, key loading and file digests.
#[derive(Debug, thiserror::Error)]
pub enum CryptoError {
    /// The key file does not exist.
    #[error("key file {path} does not exist", path = .path.display())]
    Missing {
        /// The file that was looked for.
        path: PathBuf,
    },
    /// The private key file is readable or writable by group or others.
    #[error(
        "private key {path} is accessible by group or others (mode {mode:04o}); \
         restrict it with chmod 600",
        path = .path.display()
    )]
    TooOpen {
        /// The key file.
        path: PathBuf,
        /// Its permission bits.
        mode: u32,
    },
    /// The file exists but does not hold what it should.
    #[error("{path}: {reason}", path = .path.display())]
    Malformed {
        /// The offending file.
        path: PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// A key file already exists and overwriting was not requested.
    #[error(
        "refusing to overwrite existing key file {path} (overwriting must be requested)",
        path = .path.display()
    )]
    Exists {
        /// The existing file.
        path: PathBuf,
    },
    /// Reading a file failed.
    #[error("cannot read {path}", path = .path.display())]
    Read {
        /// The file being read.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: io::Error,
    },
    /// Writing a file (or its directory entry) failed.
    #[error("cannot write {path}", path = .path.display())]
    Write {
        /// The file being written.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: io::Error,
    },
    /// Encoding a key failed (a bug: encoding a valid key cannot fail).
    #[error("cannot encode key for {path}: {reason}", path = .path.display())]
    Encode {
        /// The file the key was meant for.
        path: PathBuf,
        /// The encoder's message.
        reason: String,
    },
}

impl Classify for CryptoError {
    fn exit(&self) -> Exit {
        match self {
            CryptoError::Missing { .. } => Exit::NoInput,
            CryptoError::TooOpen { .. } | CryptoError::Exists { .. } => Exit::Config,
            CryptoError::Malformed { .. } => Exit::DataErr,
            CryptoError::Read { source, .. } => match source.kind() {
                io::ErrorKind::NotFound => Exit::NoInput,
                io::ErrorKind::PermissionDenied => Exit::NoPerm,
                _ => Exit::from_io(source),
            },
            CryptoError::Write { source, .. } => match source.kind() {
                // A missing directory on write is an I/O problem, not missing input.
                io::ErrorKind::NotFound => Exit::IoErr,
                _ => Exit::from_io(source),
            },
            CryptoError::Encode { .. } => Exit::Software,
        }
    }
}

/// Why a key, key id or digest given as text was rejected. No path is
/// attached: the file readers wrap it into [`CryptoError::Malformed`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ParseError(String);

impl Classify for ParseError {
    fn exit(&self) -> Exit {
        Exit::DataErr
    }
}

// ---------------------------------------------------------------------------
// Key generation, ids, signatures

/// Generates a signing key from `rng`.
///
/// Pass the governor's seeded RNG for reproducible runs: the same RNG state
/// always yields the same key (exactly 32 bytes are drawn).
pub fn generate<R: CryptoRng + RngCore>(rng: &mut R) -> SigningKey {
    SigningKey::generate(rng)
}

/// Generates a signing key from the operating system's RNG (`getrandom`).
pub fn generate_os() -> SigningKey {
    SigningKey::generate(&mut OsRng)
}

/// Signs `message` (pure Ed25519, RFC 8032; deterministic).
pub fn sign(key: &SigningKey, message: &[u8]) -> Signature {
    key.sign(message)
}

/// Verifies `signature` over `message` with strict rules (`verify_strict`).
///
/// Returns `false` for any bad signature, including non-canonical encodings
/// and weak (small-order) keys; a negative answer is not an error.
pub fn verify(key: &VerifyingKey, message: &[u8], signature: &Signature) -> bool {
    key.verify_strict(message, signature).is_ok()
}

/// Like [`verify`], for a signature still in bytes: a wrong length is a
/// `false`, like any other bad signature.
pub fn verify_bytes(key: &VerifyingKey, message: &[u8], signature: &[u8]) -> bool {
    match Signature::from_slice(signature) {
        Ok(sig) => verify(key, message, &sig),
        Err(_) => false,
    }
}

/// A key id: SHA-256 over the 32 raw public key bytes.
///
/// Displays as 64 lowercase hex digits; [`KeyId::short`] gives the first 16.
/// NB: this definition is a stored format (it appears in signatures and
/// ledgers); never change it.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KeyId([u8; 32]);

impl KeyId {
    /// The id of `key`.
    pub fn of(key: &VerifyingKey) -> KeyId {
        KeyId(sha2::Sha256::digest(key.as_bytes()).into())
    }

    /// The 32 digest bytes.
    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// The full id, 64 lowercase hex digits.
    pub fn to_hex(&self) -> String {
        hex::encode(self.0)
    }

    /// The first 16 hex digits (64 bits), for display and file names.
    pub fn short(&self) -> String {
        hex::encode(&self.0[..8])
    }
}

impl fmt::Display for KeyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_hex())
    }
}

impl fmt::Debug for KeyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "KeyId({})", self.to_hex())
    }
}

impl FromStr for KeyId {
    type Err = ParseError;

    /// Parses the full 64-digit form (either case).
    fn from_str(s: &str) -> Result<KeyId, ParseError> {
        let mut out = [0u8; 32];
        hex::decode_to_slice(s.trim(), &mut out)
            .map_err(|_| ParseError(format!("key id {s:?} is not 64 hex digits")))?;
        Ok(KeyId(out))
    }
}

/// The key id of `key`; shorthand for [`KeyId::of`].
pub fn key_id(key: &VerifyingKey) -> KeyId {
    KeyId::of(key)
}

// ---------------------------------------------------------------------------
// Encoding and parsing

/// The private key as PKCS#8 v1 PEM (the `openssl genpkey` shape).
///
/// The text is zeroized when dropped.
pub fn private_key_pem(key: &SigningKey) -> Result<Zeroizing<String>, ParseError> {
    // v1 (no embedded public key) rather than dalek's default v2: OpenSSL 1.1,
    // Go's x509 and others only read v1 for Ed25519.
    let bytes = pkcs8::KeypairBytes {
        secret_key: key.to_bytes(),
        public_key: None,
    };
    bytes
        .to_pkcs8_pem(LineEnding::LF)
        .map_err(|e| ParseError(format!("cannot encode private key: {e}")))
}

/// The public key as SubjectPublicKeyInfo PEM.
pub fn public_key_pem(key: &VerifyingKey) -> Result<String, ParseError> {
    key.to_public_key_pem(LineEnding::LF)
        .map_err(|e| ParseError(format!("cannot encode public key: {e}")))
}

/// Parses a private key from PKCS#8 PEM text (v1 or v2).
pub fn parse_private_key(text: &str) -> Result<SigningKey, ParseError> {
    let trimmed = text.trim_start();
    if trimmed.starts_with("-----BEGIN ENCRYPTED PRIVATE KEY-----") {
        return Err(ParseError(
            "encrypted private keys are not supported; decrypt it with openssl pkey".into(),
        ));
    }
    if trimmed.starts_with("-----BEGIN OPENSSH PRIVATE KEY-----") {
        return Err(ParseError(
            "OpenSSH private keys are not supported; expected PKCS#8 PEM \
             (-----BEGIN PRIVATE KEY-----)"
                .into(),
        ));
    }
    if trimmed.starts_with("-----BEGIN PUBLIC KEY-----") {
        return Err(ParseError(
            "this is a public key; expected a private key".into(),
        ));
    }
    if !trimmed.starts_with("-----BEGIN PRIVATE KEY-----") {
        return Err(ParseError(
            "not a PKCS#8 PEM private key (expected -----BEGIN PRIVATE KEY-----)".into(),
        ));
    }
    SigningKey::from_pkcs8_pem(text).map_err(|e| ParseError(describe_pkcs8(&e)))
}

/// Parses a public key from SPKI PEM text or 64 hex digits.
///
/// Weak (small-order) keys are refused: nothing signed can be trusted with
/// them, and `verify_strict` would reject every signature anyway.
pub fn parse_public_key(text: &str) -> Result<VerifyingKey, ParseError> {
    let trimmed = text.trim();
    let key = if trimmed.starts_with("-----BEGIN PUBLIC KEY-----") {
        VerifyingKey::from_public_key_pem(trimmed)
            .map_err(|e| ParseError(format!("not an Ed25519 SubjectPublicKeyInfo PEM key: {e}")))?
    } else if trimmed.starts_with("-----BEGIN") {
        return Err(ParseError(
            "expected a public key (-----BEGIN PUBLIC KEY----- or 64 hex digits)".into(),
        ));
    } else {
        let mut raw = [0u8; PUBLIC_KEY_LENGTH];
        hex::decode_to_slice(trimmed, &mut raw).map_err(|_| {
            ParseError("expected a public key (-----BEGIN PUBLIC KEY----- or 64 hex digits)".into())
        })?;
        VerifyingKey::from_bytes(&raw)
            .map_err(|_| ParseError("not a valid Ed25519 public key (bad point)".into()))?
    };
    if key.is_weak() {
        return Err(ParseError(
            "weak Ed25519 public key (small-order point) refused".into(),
        ));
    }
    Ok(key)
}

fn describe_pkcs8(err: &pkcs8::Error) -> String {
    match err {
        pkcs8::Error::PublicKey(_) => "not an Ed25519 private key".into(),
        pkcs8::Error::KeyMalformed => {
            "malformed Ed25519 private key (or its public key does not match)".into()
        }
        other => format!("malformed PKCS#8 private key: {other}"),
    }
}

// ---------------------------------------------------------------------------
// Key files

/// Writes `key` to `path` as PKCS#8 PEM with mode 0600, atomically.
///
/// Fails with [`CryptoError::Exists`] when `path` exists and `overwrite` is
/// false. See the module docs for the durability and permission guarantees.
pub fn write_private_key(
    path: &Path,
    key: &SigningKey,
    overwrite: bool,
) -> Result<(), CryptoError> {
    let pem = private_key_pem(key).map_err(|e| CryptoError::Encode {
        path: path.to_owned(),
        reason: e.0,
    })?;
    write_atomic(path, pem.as_bytes(), PRIVATE_KEY_MODE, overwrite)
}

/// Writes `key` to `path` as SPKI PEM with mode 0644, atomically.
pub fn write_public_key(
    path: &Path,
    key: &VerifyingKey,
    overwrite: bool,
) -> Result<(), CryptoError> {
    let pem = public_key_pem(key).map_err(|e| CryptoError::Encode {
        path: path.to_owned(),
        reason: e.0,
    })?;
    write_atomic(path, pem.as_bytes(), PUBLIC_KEY_MODE, overwrite)
}

/// Reads a private key, refusing files accessible by group or others.
pub fn read_private_key(path: &Path) -> Result<SigningKey, CryptoError> {
    let mut file = open_for_read(path)?;
    // fstat the opened file, not the path, so the mode checked is the mode of
    // the bytes read (no swap between check and read).
    let meta = file.metadata().map_err(|source| CryptoError::Read {
        path: path.to_owned(),
        source,
    })?;
    let mode = meta.mode() & 0o7777;
    if mode & FORBIDDEN_PRIVATE_BITS != 0 {
        return Err(CryptoError::TooOpen {
            path: path.to_owned(),
            mode,
        });
    }
    let text = read_small(&mut file, &meta, path)?;
    parse_private_key(&text).map_err(|e| CryptoError::Malformed {
        path: path.to_owned(),
        reason: e.0,
    })
}

/// Reads a public key file: SPKI PEM or 64 hex digits.
pub fn read_public_key(path: &Path) -> Result<VerifyingKey, CryptoError> {
    let mut file = open_for_read(path)?;
    let meta = file.metadata().map_err(|source| CryptoError::Read {
        path: path.to_owned(),
        source,
    })?;
    let text = read_small(&mut file, &meta, path)?;
    parse_public_key(&text).map_err(|e| CryptoError::Malformed {
        path: path.to_owned(),
        reason: e.0,
    })
}

fn open_for_read(path: &Path) -> Result<File, CryptoError> {
    File::open(path).map_err(|source| match source.kind() {
        io::ErrorKind::NotFound => CryptoError::Missing {
            path: path.to_owned(),
        },
        _ => CryptoError::Read {
            path: path.to_owned(),
            source,
        },
    })
}

fn read_small(
    file: &mut File,
    meta: &fs::Metadata,
    path: &Path,
) -> Result<Zeroizing<String>, CryptoError> {
    if !meta.is_file() {
        return Err(CryptoError::Malformed {
            path: path.to_owned(),
            reason: "not a regular file".into(),
        });
    }
    if meta.len() > MAX_KEY_FILE_BYTES {
        return Err(CryptoError::Malformed {
            path: path.to_owned(),
            reason: format!(
                "{} bytes is too large for a key file (at most {MAX_KEY_FILE_BYTES})",
                meta.len()
            ),
        });
    }
    let mut bytes = Zeroizing::new(Vec::with_capacity(meta.len() as usize));
    Read::take(&mut *file, MAX_KEY_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|source| CryptoError::Read {
            path: path.to_owned(),
            source,
        })?;
    match std::str::from_utf8(&bytes) {
        Ok(text) => Ok(Zeroizing::new(text.to_owned())),
        Err(_) => Err(CryptoError::Malformed {
            path: path.to_owned(),
            reason: "not a text key file (expected PEM)".into(),
        }),
    }
}

/// Writes `bytes` to `path` crash-safely with exactly `mode`, through the
/// shared writers in `runtime::state`: replacing when `overwrite`, else
/// creating only (atomic against a concurrent writer).
fn write_atomic(path: &Path, bytes: &[u8], mode: u32, overwrite: bool) -> Result<(), CryptoError> {
    let exists = || CryptoError::Exists {
        path: path.to_owned(),
    };
    if !overwrite && fs::symlink_metadata(path).is_ok() {
        return Err(exists());
    }
    let result = if overwrite {
        state::write_atomic(path, bytes, mode)
    } else {
        state::write_new_atomic(path, bytes, mode)
    };
    result.map_err(|e| match e {
        StateError::Io { source, .. } if source.kind() == io::ErrorKind::AlreadyExists => exists(),
        StateError::Io { source, .. } => CryptoError::Write {
            path: path.to_owned(),
            source,
        },
        other => CryptoError::Write {
            path: path.to_owned(),
            source: io::Error::other(other.to_string()),
        },
    })
}

// ---------------------------------------------------------------------------
// Digests

/// A 32-byte digest (SHA-256 or BLAKE3), shown as lowercase hex.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Digest(pub [u8; 32]);

impl Digest {
    /// The digest bytes.
    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// 64 lowercase hex digits.
    pub fn to_hex(&self) -> String {
        hex::encode(self.0)
    }
}

impl fmt::Display for Digest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_hex())
    }
}

impl fmt::Debug for Digest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Digest({})", self.to_hex())
    }
}

impl FromStr for Digest {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Digest, ParseError> {
        let mut out = [0u8; 32];
        hex::decode_to_slice(s.trim(), &mut out)
            .map_err(|_| ParseError(format!("digest {s:?} is not 64 hex digits")))?;
        Ok(Digest(out))
    }
}

/// Both digests of one input, computed in a single pass, and its length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Digests {
    /// SHA-256 (FIPS 180-4).
    pub sha256: Digest,
    /// BLAKE3 (default 32-byte output, unkeyed).
    pub blake3: Digest,
    /// Bytes hashed.
    pub len: u64,
}

/// SHA-256 of `data`.
pub fn sha256(data: &[u8]) -> Digest {
    Digest(sha2::Sha256::digest(data).into())
}

/// BLAKE3 of `data`.
pub fn blake3(data: &[u8]) -> Digest {
    Digest(*blake3::hash(data).as_bytes())
}

/// SHA-256 and BLAKE3 of `data`.
pub fn digests(data: &[u8]) -> Digests {
    Digests {
        sha256: sha256(data),
        blake3: blake3(data),
        len: data.len() as u64,
    }
}

/// Feeds everything `reader` yields to `sink`, in buffered chunks; returns
/// the byte count.
fn pump(mut reader: impl Read, mut sink: impl FnMut(&[u8])) -> io::Result<u64> {
    let mut buf = vec![0u8; DIGEST_BUF_BYTES];
    let mut total = 0u64;
    loop {
        match reader.read(&mut buf) {
            Ok(0) => return Ok(total),
            Ok(n) => {
                sink(&buf[..n]);
                total += n as u64;
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    }
}

/// SHA-256 of everything `reader` yields (streaming).
pub fn sha256_reader(reader: impl Read) -> io::Result<Digest> {
    let mut h = sha2::Sha256::new();
    pump(reader, |chunk| h.update(chunk))?;
    Ok(Digest(h.finalize().into()))
}

/// BLAKE3 of everything `reader` yields (streaming).
pub fn blake3_reader(reader: impl Read) -> io::Result<Digest> {
    let mut h = blake3::Hasher::new();
    pump(reader, |chunk| {
        h.update(chunk);
    })?;
    Ok(Digest(*h.finalize().as_bytes()))
}

/// SHA-256 and BLAKE3 of everything `reader` yields, reading it once.
pub fn digests_reader(reader: impl Read) -> io::Result<Digests> {
    let mut s = sha2::Sha256::new();
    let mut b = blake3::Hasher::new();
    let len = pump(reader, |chunk| {
        s.update(chunk);
        b.update(chunk);
    })?;
    Ok(Digests {
        sha256: Digest(s.finalize().into()),
        blake3: Digest(*b.finalize().as_bytes()),
        len,
    })
}

fn open_input(path: &Path) -> Result<File, CryptoError> {
    File::open(path).map_err(|source| CryptoError::Read {
        path: path.to_owned(),
        source,
    })
}

fn read_err(path: &Path) -> impl FnOnce(io::Error) -> CryptoError + '_ {
    move |source| CryptoError::Read {
        path: path.to_owned(),
        source,
    }
}

/// SHA-256 of the file at `path` (streaming, constant memory).
pub fn sha256_file(path: &Path) -> Result<Digest, CryptoError> {
    sha256_reader(open_input(path)?).map_err(read_err(path))
}

/// BLAKE3 of the file at `path` (streaming, constant memory).
pub fn blake3_file(path: &Path) -> Result<Digest, CryptoError> {
    blake3_reader(open_input(path)?).map_err(read_err(path))
}

/// SHA-256 and BLAKE3 of the file at `path`, reading it once.
pub fn digests_file(path: &Path) -> Result<Digests, CryptoError> {
    digests_reader(open_input(path)?).map_err(read_err(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_id_is_sha256_of_raw_public_key() {
        let key = SigningKey::from_bytes(&[7u8; 32]);
        let vk = key.verifying_key();
        let id = key_id(&vk);
        assert_eq!(id.to_hex(), sha256(vk.as_bytes()).to_hex());
        assert_eq!(id.short(), id.to_hex()[..16]);
        assert_eq!(id.to_hex().parse::<KeyId>().unwrap(), id);
    }

    #[test]
    fn private_pem_is_pkcs8_v1_and_round_trips() {
        let key = SigningKey::from_bytes(&[9u8; 32]);
        let pem = private_key_pem(&key).unwrap();
        assert!(pem.starts_with("-----BEGIN PRIVATE KEY-----\n"));
        // A v1 Ed25519 PrivateKeyInfo is exactly 48 DER bytes → 64 base64 chars.
        let body: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
        assert_eq!(body.len(), 64);
        let back = parse_private_key(&pem).unwrap();
        assert_eq!(back.to_bytes(), key.to_bytes());
    }

    #[test]
    fn public_key_parses_from_pem_and_hex() {
        let vk = SigningKey::from_bytes(&[3u8; 32]).verifying_key();
        let pem = public_key_pem(&vk).unwrap();
        assert_eq!(parse_public_key(&pem).unwrap(), vk);
        let hex_text = format!("  {}\n", hex::encode(vk.as_bytes()));
        assert_eq!(parse_public_key(&hex_text).unwrap(), vk);
        assert!(parse_public_key("abcd").is_err());
        assert!(
            parse_public_key(&private_key_pem(&SigningKey::from_bytes(&[3u8; 32])).unwrap())
                .is_err()
        );
    }

    #[test]
    fn wrong_length_signature_is_false_not_error() {
        let key = SigningKey::from_bytes(&[1u8; 32]);
        assert!(!verify_bytes(&key.verifying_key(), b"m", &[0u8; 10]));
        let sig = sign(&key, b"m");
        assert!(verify_bytes(&key.verifying_key(), b"m", &sig.to_bytes()));
    }
}
