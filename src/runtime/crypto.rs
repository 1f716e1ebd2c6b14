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

/// The canonical encodings of the eight points of small order (the
/// 8-torsion subgroup E\[8\]): the identity, the point of order 2, the two of
/// order 4 and the four of order 8. A test checks them against
/// curve25519-dalek's `EIGHT_TORSION`.
const SMALL_ORDER_ENCODINGS: [[u8; 32]; 8] = {
    const fn enc(hex: &[u8; 64]) -> [u8; 32] {
        const fn nibble(c: u8) -> u8 {
            match c {
                b'0'..=b'9' => c - b'0',
                b'a'..=b'f' => c - b'a' + 10,
                _ => panic!("hex"),
            }
        }
        let mut out = [0u8; 32];
        let mut i = 0;
        while i < 32 {
            out[i] = nibble(hex[2 * i]) << 4 | nibble(hex[2 * i + 1]);
            i += 1;
        }
        out
    }
    [
        enc(b"0100000000000000000000000000000000000000000000000000000000000000"),
        enc(b"ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
        enc(b"0000000000000000000000000000000000000000000000000000000000000000"),
        enc(b"0000000000000000000000000000000000000000000000000000000000000080"),
        enc(b"c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"),
        enc(b"c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa"),
        enc(b"26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05"),
        enc(b"26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85"),
    ]
};

/// Multiples of a fixed point for variable-time fixed-base multiplication:
/// row `j` holds `[d·256^j]P` for `d = 1..=128`; 33 rows cover any 256-bit
/// scalar in signed radix-256 digits (`[-128, 128)`), so a product is at
/// most 33 additions and no doublings (about 650 KiB a point).
struct Multiples(Vec<[curve25519_dalek::EdwardsPoint; 128]>);

impl Multiples {
    fn new(p: &curve25519_dalek::EdwardsPoint) -> Multiples {
        use curve25519_dalek::EdwardsPoint;
        use curve25519_dalek::traits::Identity;
        let mut rows = Vec::with_capacity(33);
        let mut base = *p;
        for _ in 0..33 {
            let mut row = [EdwardsPoint::identity(); 128];
            row[0] = base;
            for d in 1..128 {
                row[d] = row[d - 1] + base;
            }
            base = row[127] + row[127];
            rows.push(row);
        }
        Multiples(rows)
    }

    /// `[n]P` for the little-endian integer `n` (the group element, exactly:
    /// the same point any correct multiplication gives).
    fn mul(&self, n: &[u8; 32]) -> curve25519_dalek::EdwardsPoint {
        use curve25519_dalek::EdwardsPoint;
        use curve25519_dalek::traits::Identity;
        let mut acc = EdwardsPoint::identity();
        let mut carry = 0i32;
        for (j, row) in self.0.iter().enumerate() {
            let mut d = i32::from(n.get(j).copied().unwrap_or(0)) + carry;
            carry = 0;
            if d >= 128 {
                d -= 256;
                carry = 1;
            }
            match d {
                0 => {}
                1.. => acc += &row[(d - 1) as usize],
                _ => acc -= &row[(-d - 1) as usize],
            }
        }
        acc
    }
}

/// The basepoint's multiples, built on first use (a few milliseconds).
static BASEPOINT_MULTIPLES: std::sync::LazyLock<Multiples> = std::sync::LazyLock::new(|| {
    Multiples::new(&curve25519_dalek::constants::ED25519_BASEPOINT_POINT)
});

/// A public key prepared for checking many signatures: [`StrictKey::verify`]
/// gives exactly [`verify`]'s (`verify_strict`'s) verdict, with less work per
/// signature. Preparing costs a few milliseconds and 650 KiB (tables of
/// multiples of the key, built on the first verification); for one or a
/// few signatures use [`verify`].
///
/// ed25519-dalek 2.x `verify_strict(A, M, R ‖ s)` accepts iff (1) `s` is
/// canonical (`s < ℓ`); (2) `R` decompresses to a point; (3) neither that
/// point nor `A` has small order; (4) `compress([k](−A) + [s]B) == R` as
/// bytes, with `k = SHA-512(R ‖ A ‖ M) mod ℓ`. This type checks (1) with the
/// same call; decides "A has small order" once per key; computes the point
/// of (4) as `[k](−A) + [s]B` from tables of multiples of `−A` and of `B`
/// (signed radix-256 digits of the canonical `k` and `s`: the same group
/// element as curve25519-dalek's double-base multiplication, so the same
/// canonical encoding), and compares its encoding with `R`; and replaces
/// (2) and the `R` half of (3) (a square root and three doublings) by "`R`
/// is not one of the eight canonical encodings of a small-order point".
/// Given (4), the two are equivalent: `R` equals `compress(P)` for the point
/// `P` of (4), so `R` decompresses (to `P`), and that point has small order
/// iff its encoding, which is canonical, is one of the eight. Without (4)
/// both reject. Nothing here is probabilistic; differential tests against
/// `verify_strict` (torsion in `R` and `A`, small-order `R` and `A`,
/// non-canonical `R` and `s`) pin it.
pub struct StrictKey {
    key: VerifyingKey,
    weak: bool,
    minus_a: std::sync::OnceLock<Multiples>,
}

impl fmt::Debug for StrictKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StrictKey").field("key", &self.key).finish()
    }
}

impl StrictKey {
    /// Prepares `key`.
    pub fn new(key: &VerifyingKey) -> StrictKey {
        StrictKey {
            key: *key,
            weak: key.is_weak(),
            minus_a: std::sync::OnceLock::new(),
        }
    }

    /// The key.
    pub fn key(&self) -> &VerifyingKey {
        &self.key
    }

    /// Whether `signature` (64 bytes; any other length is a `false`) is a
    /// strict signature over the concatenation of `message`'s parts: the
    /// same answer as [`verify_bytes`] on the joined message.
    pub fn verify(&self, message: &[&[u8]], signature: &[u8]) -> bool {
        use curve25519_dalek::Scalar;
        let Ok(signature) = <&[u8; SIGNATURE_LENGTH]>::try_from(signature) else {
            return false;
        };
        if self.weak {
            return false;
        }
        let (r, s) = signature.split_at(32);
        let s: [u8; 32] = s.try_into().expect("32 bytes");
        let Some(s) = Option::<Scalar>::from(Scalar::from_canonical_bytes(s)) else {
            return false;
        };
        if SMALL_ORDER_ENCODINGS.iter().any(|e| e[..] == *r) {
            return false;
        }
        let mut h = sha2::Sha512::new();
        h.update(r);
        h.update(self.key.as_bytes());
        for part in message {
            h.update(part);
        }
        let k = Scalar::from_hash(h);
        let minus_a = self
            .minus_a
            .get_or_init(|| Multiples::new(&-self.key.to_edwards()));
        let p = minus_a.mul(k.as_bytes()) + BASEPOINT_MULTIPLES.mul(s.as_bytes());
        p.compress().as_bytes()[..] == *r
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

    mod strict {
        //! [`StrictKey::verify`] against `verify_strict` on crafted
        //! signatures: the verdicts must be identical, every time.
        use super::*;
        use curve25519_dalek::constants::{ED25519_BASEPOINT_POINT as B, EIGHT_TORSION};
        use curve25519_dalek::traits::Identity;
        use curve25519_dalek::{EdwardsPoint, Scalar};
        use rand::SeedableRng;

        /// A signature `(enc, s)` over `m` under `a_bytes` with nonce point
        /// `r_point` and scalar `s = r + k·a` (the honest equation when
        /// `r_point = [r]B`); `enc` overrides R's encoding.
        fn forge(a: &Scalar, a_bytes: &[u8; 32], r: &Scalar, enc: &[u8; 32], m: &[u8]) -> [u8; 64] {
            let mut h = sha2::Sha512::new();
            h.update(enc);
            h.update(a_bytes);
            h.update(m);
            let k = Scalar::from_hash(h);
            let s = r + k * a;
            let mut sig = [0u8; 64];
            sig[..32].copy_from_slice(enc);
            sig[32..].copy_from_slice(s.as_bytes());
            sig
        }

        fn random_scalar(rng: &mut impl RngCore) -> Scalar {
            let mut wide = [0u8; 64];
            rng.fill_bytes(&mut wide);
            Scalar::from_bytes_mod_order_wide(&wide)
        }

        /// Asserts that both verifiers agree; returns the verdict.
        fn same(prepared: &StrictKey, m: &[u8], sig: &[u8]) -> bool {
            let key = prepared.key();
            let strict = verify_bytes(key, m, sig);
            assert_eq!(
                prepared.verify(&[m], sig),
                strict,
                "key {} sig {}",
                hex::encode(key.as_bytes()),
                hex::encode(sig)
            );
            // Split messages hash the same as joined ones.
            let (x, y) = m.split_at(m.len() / 2);
            assert_eq!(prepared.verify(&[x, y], sig), strict);
            strict
        }

        #[test]
        fn the_small_order_encodings_are_exactly_the_eight_torsion_points() {
            let mut got: Vec<[u8; 32]> = EIGHT_TORSION
                .iter()
                .map(|p| p.compress().to_bytes())
                .collect();
            got.sort();
            let mut want = SMALL_ORDER_ENCODINGS.to_vec();
            want.sort();
            want.dedup();
            assert_eq!(got, want);
            for p in EIGHT_TORSION {
                assert!(p.is_small_order());
            }
        }

        /// The tables give the same points as curve25519-dalek's own
        /// multiplication, for edge scalars and points with torsion.
        #[test]
        fn multiples_agree_with_scalar_multiplication() {
            let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(5);
            let points = [
                B,
                B * random_scalar(&mut rng) + EIGHT_TORSION[3],
                EIGHT_TORSION[1],
            ];
            for p in points {
                let table = Multiples::new(&p);
                let mut scalars = vec![Scalar::ZERO, Scalar::ONE, -Scalar::ONE];
                scalars.extend((0..50).map(|_| random_scalar(&mut rng)));
                for n in scalars {
                    assert_eq!(table.mul(n.as_bytes()), p * n);
                }
                // Beyond ℓ (not reduced): 2^256 − 1 and 128·256^k patterns.
                let all = table.mul(&[0xff; 32]);
                let mut expect = EdwardsPoint::identity();
                for _ in 0..256 {
                    expect = expect + expect + p;
                }
                // (2^256 − 1)P computed by double-and-add, bit by bit.
                assert_eq!(all, expect);
                let mut edge = [0u8; 32];
                for (i, b) in edge.iter_mut().enumerate() {
                    *b = if i % 2 == 0 { 0x80 } else { 0x7f };
                }
                let mut expect = EdwardsPoint::identity();
                for byte in edge.iter().rev() {
                    for bit in (0..8).rev() {
                        expect = expect + expect;
                        if byte >> bit & 1 == 1 {
                            expect += p;
                        }
                    }
                }
                assert_eq!(table.mul(&edge), expect);
            }
        }

        #[test]
        fn honest_and_damaged_signatures() {
            let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(1);
            for i in 0..64u32 {
                let key = SigningKey::generate(&mut rng);
                let vk = key.verifying_key();
                let pk = StrictKey::new(&vk);
                let m = format!("message {i}").into_bytes();
                let sig = key.sign(&m).to_bytes();
                assert!(same(&pk, &m, &sig));
                assert!(!same(&pk, b"another", &sig));
                let mut bad = sig;
                bad[(i as usize * 7) % 64] ^= 1 << (i % 8);
                assert!(!same(&pk, &m, &bad));
                assert!(!same(&pk, &m, &sig[..63]));
                // s + ℓ: the same point equation, a non-canonical scalar.
                let mut s = [0u8; 32];
                s.copy_from_slice(&sig[32..]);
                let l = Scalar::ZERO - Scalar::ONE; // ℓ − 1
                let mut carry = 1u16;
                let mut wide = [0u8; 32];
                for j in 0..32 {
                    let v = u16::from(s[j]) + u16::from(l.as_bytes()[j]) + carry;
                    wide[j] = v as u8;
                    carry = v >> 8;
                }
                if carry == 0 {
                    let mut nc = sig;
                    nc[32..].copy_from_slice(&wide);
                    assert!(!same(&pk, &m, &nc), "s + ℓ");
                }
            }
        }

        /// R with a torsion component: `R' = [r]B + T` and `s = r + k'·a`,
        /// so the cofactored equation holds and the cofactorless one (what
        /// `verify_strict` checks) does not; and small-order R.
        #[test]
        fn torsion_and_small_order_in_r_are_refused() {
            let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(2);
            let key = SigningKey::generate(&mut rng);
            let vk = key.verifying_key();
            let pk = StrictKey::new(&vk);
            let a = key.to_scalar();
            for round in 0..50u32 {
                let m = format!("torsion {round}").into_bytes();
                let r = random_scalar(&mut rng);
                for (t, torsion) in EIGHT_TORSION.iter().enumerate() {
                    let enc = (B * r + torsion).compress().to_bytes();
                    let sig = forge(&a, vk.as_bytes(), &r, &enc, &m);
                    // The control (T the identity) is an honest signature.
                    assert_eq!(same(&pk, &m, &sig), t == 0, "T{t}");
                    // Small-order R itself, with the s that makes the
                    // equation hold for the identity.
                    let small = torsion.compress().to_bytes();
                    let sig = forge(&a, vk.as_bytes(), &Scalar::ZERO, &small, &m);
                    assert!(!same(&pk, &m, &sig), "small-order R {t}");
                }
            }
        }

        /// Non-canonical encodings of R (y ≥ p) and of the small-order
        /// points, and random bytes.
        #[test]
        fn non_canonical_and_random_r_are_refused() {
            let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(3);
            let key = SigningKey::generate(&mut rng);
            let vk = key.verifying_key();
            let pk = StrictKey::new(&vk);
            let a = key.to_scalar();
            let m = b"non-canonical";
            for low in 0..19u8 {
                // y = p + low, both signs.
                for sign in [0u8, 0x80] {
                    let mut enc = [0xffu8; 32];
                    enc[0] = 0xed + low;
                    enc[31] = 0x7f | sign;
                    for r in [Scalar::ZERO, Scalar::ONE, random_scalar(&mut rng)] {
                        let sig = forge(&a, vk.as_bytes(), &r, &enc, m);
                        assert!(!same(&pk, m, &sig));
                    }
                }
            }
            // x = 0 with the sign bit set (the identity and the point of
            // order 2, encoded with "negative" zero).
            for mut enc in [SMALL_ORDER_ENCODINGS[0], SMALL_ORDER_ENCODINGS[1]] {
                enc[31] |= 0x80;
                let sig = forge(&a, vk.as_bytes(), &Scalar::ZERO, &enc, m);
                assert!(!same(&pk, m, &sig));
            }
            for _ in 0..200 {
                let mut sig = [0u8; 64];
                rng.fill_bytes(&mut sig);
                sig[63] &= 0x0f;
                assert!(!same(&pk, m, &sig));
            }
        }

        /// Small-order keys refuse everything; keys with a torsion component
        /// verify exactly when `verify_strict` says so.
        #[test]
        fn weak_and_torsioned_keys_match_verify_strict() {
            let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(4);
            let m = b"weak keys";
            for torsion in EIGHT_TORSION {
                let weak = VerifyingKey::from_bytes(&torsion.compress().to_bytes()).unwrap();
                assert!(weak.is_weak());
                for r in [Scalar::ZERO, Scalar::ONE, random_scalar(&mut rng)] {
                    let enc = (B * r).compress().to_bytes();
                    let sig = forge(&Scalar::ZERO, weak.as_bytes(), &r, &enc, m);
                    assert!(!same(&StrictKey::new(&weak), m, &sig));
                }
            }
            let mut accepted = 0;
            for round in 0..64u32 {
                let a = random_scalar(&mut rng);
                let t = &EIGHT_TORSION[1 + round as usize % 7];
                let point: EdwardsPoint = B * a + t;
                let vk = VerifyingKey::from_bytes(&point.compress().to_bytes()).unwrap();
                let pk = StrictKey::new(&vk);
                let r = random_scalar(&mut rng);
                let enc = (B * r).compress().to_bytes();
                let m = format!("torsioned key {round}").into_bytes();
                let sig = forge(&a, vk.as_bytes(), &r, &enc, &m);
                if same(&pk, &m, &sig) {
                    accepted += 1;
                }
            }
            // verify_strict accepts when the torsion's order divides k: both
            // outcomes occur, and the two verifiers agreed on each.
            assert!(0 < accepted && accepted < 64, "{accepted}");
        }
    }

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
