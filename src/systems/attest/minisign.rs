//! minisign-compatible file signatures: omni signs files so that the
//! `minisign` program verifies them, and verifies what `minisign` signs.
//!
//! # Formats (as written and read by minisign 0.11)
//!
//! All binary fields are standard base64 with padding (RFC 4648 §4, no line
//! breaks); a "key id" is 8 opaque bytes that minisign displays as the
//! little-endian `u64` they encode, in uppercase hex without leading zeros
//! (`printf("%" PRIX64)`).
//!
//! - **Public key** (`.pub`), two lines:
//!   `untrusted comment: minisign public key <ID>` and
//!   base64(`"Ed"` ‖ key id (8) ‖ Ed25519 public key (32)) — 42 bytes.
//! - **Secret key**, two lines: `untrusted comment: …` and base64 of 158
//!   bytes: `"Ed"` ‖ kdf (`"Sc"` scrypt, or two zero bytes when stored
//!   unencrypted by `minisign -G -W`) ‖ `"B2"` ‖ salt (32) ‖ opslimit (8 LE) ‖
//!   memlimit (8 LE) ‖ key id (8) ‖ libsodium secret key (seed 32 ‖ public 32)
//!   ‖ checksum (32, BLAKE2b-256 over `"Ed"` ‖ key id ‖ secret key; minisign
//!   0.11 leaves it all zero in unencrypted keys and does not check it).
//! - **Signature** (`.minisig`), four lines:
//!   `untrusted comment: <text>`;
//!   base64(algorithm (2) ‖ key id (8) ‖ signature (64)) — 74 bytes;
//!   `trusted comment: <text>`;
//!   base64(global signature (64)).
//!   Algorithm `"ED"` (what minisign 0.11 writes by default) signs the
//!   BLAKE2b-512 digest of the file (unkeyed, 64-byte output); `"Ed"`
//!   (legacy, `minisign -S -l`) signs the file's bytes themselves. The global
//!   signature covers the 64 signature bytes followed by the trusted
//!   comment's bytes (after the prefix, without the line ending), so the
//!   trusted comment cannot be changed or moved to another signature.
//!
//! All signatures are pure Ed25519 (RFC 8032, no context). "Prehashed" here is
//! minisign's BLAKE2b prehash signed with plain Ed25519, not Ed25519ph.
//!
//! # Keys: what omni signs with
//!
//! omni signs with its own Ed25519 key (`runtime::crypto`, PKCS#8, 0600);
//! its minisign key id is [`MinisignKeyId::for_omni_key`]: the first 8 bytes of
//! omni's [`KeyId`] (SHA-256 of the public key) in reverse order, chosen so
//! that the id minisign prints (`minisign public key <ID>`, key id mismatch
//! messages) is omni's short key id: the same number, in uppercase and
//! without leading zeros. The id is a stored format: it is in every
//! `.minisig` omni writes; never change it.
//! [`MinisignPublicKey::to_text`] and [`write_public_key`] give the `.pub` file
//! for `minisign -V -p omni.pub -m FILE`.
//!
//! minisign's own secret keys are read only when stored unencrypted
//! (`minisign -G -W`, or `minisign -C -W` to remove a password): decrypting
//! needs a password prompt and libsodium's scrypt parameter mapping, and
//! omni's own key already covers signing. Encrypted keys are refused with
//! that hint (exit 65).
//!
//! # Guarantees
//!
//! - Verification checks both signatures with strict Ed25519
//!   ([`crypto::verify`]: canonical `S`, no small-order key or `R`); a
//!   signature that does not verify is a [`Verdict::Invalid`] value naming the
//!   reason (key id mismatch with both ids, file signature, trusted comment),
//!   never an error. Errors mean omni could not answer: malformed signature or
//!   key text (65, naming the line), a missing file (66), I/O failures.
//! - Prehashed signing and verification stream the file in 64 KiB blocks:
//!   memory does not grow with the file. Legacy signatures need the whole
//!   file in memory, so like minisign they are limited to 1 GiB, and the
//!   governor's memory ceiling is consulted before reading.
//! - What omni writes is read by minisign 0.11: comments are single lines and
//!   short enough for minisign's fixed line buffers (see
//!   [`MAX_TRUSTED_COMMENT_BYTES`], [`MAX_UNTRUSTED_COMMENT_BYTES`]).
//! - Parsing is strict: exact lengths, canonical padded base64, known
//!   algorithm bytes, no content after the fourth signature line. LF and
//!   CRLF line endings are both accepted.
//! - Signature files must be UTF-8 text: a `.minisig` whose trusted comment
//!   is not UTF-8 (possible with minisign's default comment for a file with a
//!   non-UTF-8 name) is refused as malformed (65) by
//!   [`MinisignSignature::read`], naming the line.

use std::fmt;
use std::fs::{self, File};
use std::io::{self, Read};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use base64ct::{Base64, Encoding};
use blake2::Digest as _;
use zeroize::Zeroizing;

use crate::runtime::crypto::{self, KeyId, Signature, SigningKey, VerifyingKey};
use crate::runtime::error::{Classify, Exit};
use crate::runtime::governor::{GovernorError, memory};
use crate::runtime::state::{self, StateError};

/// Length of a minisign key id.
pub const KEY_ID_LEN: usize = 8;

/// The longest trusted comment omni writes. minisign reads the trusted
/// comment line with `fgets` into an 8192-byte buffer, so the whole line
/// (prefix, comment, newline) must fit in 8191 bytes.
pub const MAX_TRUSTED_COMMENT_BYTES: usize = 8191 - TRUSTED_PREFIX.len() - 1;

/// The longest untrusted comment omni writes: minisign reads that line into a
/// 1024-byte buffer, and a longer line would shift every following line.
pub const MAX_UNTRUSTED_COMMENT_BYTES: usize = 1023 - UNTRUSTED_PREFIX.len() - 1;

/// The largest file a legacy (`Ed`) signature is made or checked for, as in
/// minisign: the whole file must be in memory.
pub const MAX_LEGACY_FILE_BYTES: u64 = 1 << 30;

/// Signature and key files are a few lines; anything larger is refused
/// before it is read (the trusted comment alone may be 8 KiB).
const MAX_TEXT_FILE_BYTES: u64 = 64 * 1024;

const UNTRUSTED_PREFIX: &str = "untrusted comment: ";
const TRUSTED_PREFIX: &str = "trusted comment: ";
const PUBLIC_KEY_COMMENT: &str = "minisign public key ";

/// Algorithm bytes of keys and legacy signatures.
const ALG_ED: [u8; 2] = *b"Ed";
/// Algorithm bytes of BLAKE2b-prehashed signatures.
const ALG_ED_HASHED: [u8; 2] = *b"ED";
/// Secret key: scrypt-encrypted.
const KDF_SCRYPT: [u8; 2] = *b"Sc";
/// Secret key: stored unencrypted (`minisign -W`).
const KDF_NONE: [u8; 2] = [0, 0];
/// Secret key checksum: BLAKE2b-256.
const CHK_BLAKE2: [u8; 2] = *b"B2";

const PUBLIC_KEY_BYTES: usize = 2 + KEY_ID_LEN + 32;
const SIGNATURE_BYTES: usize = 2 + KEY_ID_LEN + 64;
const SECRET_KEY_BYTES: usize = 2 + 2 + 2 + 32 + 8 + 8 + KEY_ID_LEN + 64 + 32;
/// Offset of the key id in a secret key (after the algorithm, KDF and
/// checksum tags, the salt and the two limits).
const SECRET_KEY_ID_AT: usize = 2 + 2 + 2 + 32 + 8 + 8;

/// Read buffer for prehashing: large enough to amortise the syscalls.
const READ_BUF_BYTES: usize = 64 * 1024;

/// Errors from minisign parsing, signing and verification.
///
/// A signature that does not verify is not an error: see [`Verdict`].
#[derive(Debug, thiserror::Error)]
pub enum MinisignError {
    /// Signature or key text that does not have minisign's format.
    #[error("{origin}: line {line}: {reason}")]
    Malformed {
        /// The file, or "minisign signature" / "minisign public key" /
        /// "minisign secret key" for text parsed without a file.
        origin: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong with it.
        reason: String,
    },
    /// An input file does not exist.
    #[error("{path} does not exist", path = .path.display())]
    Missing {
        /// The file that was looked for.
        path: PathBuf,
    },
    /// Reading an input failed.
    #[error("cannot read {path}", path = .path.display())]
    Read {
        /// The file being read.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: io::Error,
    },
    /// A file is too large for what was asked of it.
    #[error("{path}: {len} bytes is too large ({what}: at most {limit} bytes)", path = .path.display())]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its length.
        len: u64,
        /// The limit.
        limit: u64,
        /// Which limit ("legacy signatures", "a signature or key file").
        what: &'static str,
    },
    /// A secret key file is readable or writable by group or others.
    #[error(
        "secret key {path} is accessible by group or others (mode {mode:04o}); \
         restrict it with chmod 600",
        path = .path.display()
    )]
    TooOpen {
        /// The key file.
        path: PathBuf,
        /// Its permission bits.
        mode: u32,
    },
    /// A comment to sign cannot be written in minisign's format.
    #[error("{which} comment: {reason}")]
    Comment {
        /// "trusted" or "untrusted".
        which: &'static str,
        /// What is wrong with it.
        reason: String,
    },
    /// A public key file exists and overwriting was not requested.
    #[error(
        "refusing to overwrite existing key file {path} (overwriting must be requested)",
        path = .path.display()
    )]
    Exists {
        /// The existing file.
        path: PathBuf,
    },
    /// Writing a file failed.
    #[error("cannot write {path}", path = .path.display())]
    Write {
        /// The file being written.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: io::Error,
    },
    /// Reading a legacy-signed file whole would cross the memory ceiling.
    #[error(transparent)]
    Memory(#[from] GovernorError),
}

impl Classify for MinisignError {
    fn exit(&self) -> Exit {
        match self {
            MinisignError::Malformed { .. } | MinisignError::TooLarge { .. } => Exit::DataErr,
            MinisignError::Missing { .. } => Exit::NoInput,
            MinisignError::Read { source, .. } => match source.kind() {
                io::ErrorKind::NotFound => Exit::NoInput,
                _ => Exit::from_io(source),
            },
            MinisignError::TooOpen { .. } | MinisignError::Exists { .. } => Exit::Config,
            // The comment comes from the caller's arguments.
            MinisignError::Comment { .. } => Exit::Usage,
            MinisignError::Write { source, .. } => match source.kind() {
                // A missing directory on write is an I/O problem, not missing input.
                io::ErrorKind::NotFound => Exit::IoErr,
                _ => Exit::from_io(source),
            },
            MinisignError::Memory(err) => err.exit(),
        }
    }
}

// ---------------------------------------------------------------------------
// Key ids and algorithms

/// A minisign key id: 8 bytes stored in keys and signatures.
///
/// Displays the way minisign does: the bytes read as a little-endian `u64`,
/// in uppercase hex without leading zeros (so `.pub` files and messages
/// are byte-identical to minisign's).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct MinisignKeyId([u8; KEY_ID_LEN]);

impl MinisignKeyId {
    /// The id with these stored bytes.
    pub const fn from_bytes(bytes: [u8; KEY_ID_LEN]) -> MinisignKeyId {
        MinisignKeyId(bytes)
    }

    /// The stored bytes.
    pub fn as_bytes(&self) -> &[u8; KEY_ID_LEN] {
        &self.0
    }

    /// The minisign key id omni uses for its own Ed25519 key: the first 8
    /// bytes of omni's [`KeyId`], reversed, so that minisign displays omni's
    /// [`KeyId::short`] (uppercased, without leading zeros).
    ///
    /// NB: a stored format (it is in every `.minisig` omni writes); never
    /// change it.
    pub fn for_omni_key(key: &VerifyingKey) -> MinisignKeyId {
        let id = KeyId::of(key);
        let mut bytes = [0u8; KEY_ID_LEN];
        bytes.copy_from_slice(&id.as_bytes()[..KEY_ID_LEN]);
        bytes.reverse();
        MinisignKeyId(bytes)
    }
}

impl fmt::Display for MinisignKeyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // NB: no zero padding: minisign prints `%" PRIX64`, and a `.pub` file's
        // comment line should be exactly what minisign writes.
        write!(f, "{:X}", u64::from_le_bytes(self.0))
    }
}

impl fmt::Debug for MinisignKeyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "MinisignKeyId({self})")
    }
}

/// What a signature's first Ed25519 signature covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Algorithm {
    /// `ED`: the BLAKE2b-512 digest of the file (minisign's default).
    Prehashed,
    /// `Ed`: the file's bytes (`minisign -S -l`); files up to 1 GiB.
    Legacy,
}

impl Algorithm {
    fn tag(self) -> [u8; 2] {
        match self {
            Algorithm::Prehashed => ALG_ED_HASHED,
            Algorithm::Legacy => ALG_ED,
        }
    }

    /// A short name for reports: `"prehashed"` or `"legacy"`.
    pub fn name(self) -> &'static str {
        match self {
            Algorithm::Prehashed => "prehashed",
            Algorithm::Legacy => "legacy",
        }
    }
}

impl fmt::Display for Algorithm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

// ---------------------------------------------------------------------------
// Line-oriented text

/// The lines of a minisign text file, numbered for error messages.
struct Lines<'a> {
    origin: &'a str,
    lines: Vec<&'a str>,
}

impl<'a> Lines<'a> {
    fn new(origin: &'a str, text: &'a str) -> Lines<'a> {
        // One trailing `\r` per line is dropped, as minisign's `trim` does,
        // so files that went through a CRLF conversion still parse.
        let mut lines: Vec<&str> = text
            .split('\n')
            .map(|l| l.strip_suffix('\r').unwrap_or(l))
            .collect();
        // The final newline does not start another line.
        if lines.last() == Some(&"") {
            lines.pop();
        }
        Lines { origin, lines }
    }

    fn err(&self, line: usize, reason: impl Into<String>) -> MinisignError {
        MinisignError::Malformed {
            origin: self.origin.to_owned(),
            line,
            reason: reason.into(),
        }
    }

    /// Line `n` (1-based), or an error saying what was expected there.
    fn get(&self, n: usize, expected: &str) -> Result<&'a str, MinisignError> {
        self.lines
            .get(n - 1)
            .copied()
            .ok_or_else(|| self.err(n, format!("missing (expected {expected})")))
    }

    /// Line `n` with `prefix` removed.
    fn prefixed(&self, n: usize, prefix: &str) -> Result<&'a str, MinisignError> {
        let line = self.get(n, &format!("\"{prefix}…\""))?;
        line.strip_prefix(prefix)
            .ok_or_else(|| self.err(n, format!("expected a line starting with \"{prefix}\"")))
    }

    /// Line `n` decoded from base64 into exactly `N` bytes.
    fn base64<const N: usize>(
        &self,
        n: usize,
        what: &str,
    ) -> Result<Zeroizing<[u8; N]>, MinisignError> {
        let line = self.get(n, what)?;
        decode_exact::<N>(line).map_err(|reason| self.err(n, format!("{what}: {reason}")))
    }

    /// Refuses anything but blank lines after line `n`.
    fn end_after(&self, n: usize) -> Result<(), MinisignError> {
        match self.lines.iter().skip(n).position(|l| !l.trim().is_empty()) {
            None => Ok(()),
            Some(i) => Err(self.err(n + i + 1, "unexpected content after the last line")),
        }
    }
}

/// Decodes padded standard base64 into exactly `N` bytes. The buffer is
/// zeroized because secret keys go through here too.
fn decode_exact<const N: usize>(text: &str) -> Result<Zeroizing<[u8; N]>, String> {
    let decoded = Zeroizing::new(
        Base64::decode_vec(text).map_err(|_| "not valid base64 (truncated or corrupted)")?,
    );
    if decoded.len() != N {
        return Err(format!("{} bytes, expected {N}", decoded.len()));
    }
    let mut out = Zeroizing::new([0u8; N]);
    out.copy_from_slice(&decoded);
    Ok(out)
}

fn key_id_at(bytes: &[u8], at: usize) -> MinisignKeyId {
    let mut id = [0u8; KEY_ID_LEN];
    id.copy_from_slice(&bytes[at..at + KEY_ID_LEN]);
    MinisignKeyId(id)
}

// ---------------------------------------------------------------------------
// Public keys

/// A minisign public key: an Ed25519 key and its key id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MinisignPublicKey {
    key_id: MinisignKeyId,
    key: VerifyingKey,
}

impl MinisignPublicKey {
    /// Pairs an Ed25519 key with a minisign key id.
    pub fn from_ed25519(key: &VerifyingKey, key_id: MinisignKeyId) -> MinisignPublicKey {
        MinisignPublicKey { key_id, key: *key }
    }

    /// omni's key with its minisign id ([`MinisignKeyId::for_omni_key`]).
    pub fn for_omni_key(key: &VerifyingKey) -> MinisignPublicKey {
        MinisignPublicKey::from_ed25519(key, MinisignKeyId::for_omni_key(key))
    }

    /// Parses a `.pub` file's text: the untrusted comment line, then the key.
    pub fn parse(text: &str) -> Result<MinisignPublicKey, MinisignError> {
        parse_public_key("minisign public key", text)
    }

    /// Parses the bare base64 line (what `minisign -P` takes).
    pub fn from_base64(line: &str) -> Result<MinisignPublicKey, MinisignError> {
        let lines = Lines::new("minisign public key", line);
        let key = public_key_line(&lines, 1)?;
        lines.end_after(1)?;
        Ok(key)
    }

    /// Reads and parses a `.pub` file.
    pub fn read(path: &Path) -> Result<MinisignPublicKey, MinisignError> {
        let text = read_text(path, false)?;
        parse_public_key(&path.display().to_string(), &text)
    }

    /// The key id.
    pub fn key_id(&self) -> MinisignKeyId {
        self.key_id
    }

    /// The Ed25519 key.
    pub fn verifying_key(&self) -> &VerifyingKey {
        &self.key
    }

    /// The key line: base64(`"Ed"` ‖ key id ‖ public key).
    pub fn to_base64(&self) -> String {
        let mut bytes = [0u8; PUBLIC_KEY_BYTES];
        bytes[..2].copy_from_slice(&ALG_ED);
        bytes[2..2 + KEY_ID_LEN].copy_from_slice(&self.key_id.0);
        bytes[2 + KEY_ID_LEN..].copy_from_slice(self.key.as_bytes());
        Base64::encode_string(&bytes)
    }

    /// The `.pub` file, exactly as `minisign -G` writes it.
    pub fn to_text(&self) -> String {
        format!(
            "{UNTRUSTED_PREFIX}{PUBLIC_KEY_COMMENT}{}\n{}\n",
            self.key_id,
            self.to_base64()
        )
    }
}

fn parse_public_key(origin: &str, text: &str) -> Result<MinisignPublicKey, MinisignError> {
    let lines = Lines::new(origin, text);
    // minisign itself ignores this line; requiring the prefix catches a PEM
    // key or a signature passed where a minisign key belongs.
    lines.prefixed(1, UNTRUSTED_PREFIX)?;
    let key = public_key_line(&lines, 2)?;
    lines.end_after(2)?;
    Ok(key)
}

fn public_key_line(lines: &Lines<'_>, n: usize) -> Result<MinisignPublicKey, MinisignError> {
    let bytes = lines.base64::<PUBLIC_KEY_BYTES>(n, "a base64 minisign public key")?;
    if bytes[..2] != ALG_ED {
        return Err(lines.err(
            n,
            format!(
                "unsupported key algorithm {:?} (expected \"Ed\")",
                String::from_utf8_lossy(&bytes[..2])
            ),
        ));
    }
    let mut raw = [0u8; 32];
    raw.copy_from_slice(&bytes[2 + KEY_ID_LEN..]);
    let key = VerifyingKey::from_bytes(&raw)
        .map_err(|_| lines.err(n, "not a valid Ed25519 public key (bad point)"))?;
    if key.is_weak() {
        return Err(lines.err(n, "weak Ed25519 public key (small-order point) refused"));
    }
    Ok(MinisignPublicKey {
        key_id: key_id_at(&bytes[..], 2),
        key,
    })
}

/// Writes `key` to `path` as a minisign `.pub` file (mode 0644), atomically;
/// refuses to replace an existing file unless `overwrite`.
pub fn write_public_key(
    path: &Path,
    key: &MinisignPublicKey,
    overwrite: bool,
) -> Result<(), MinisignError> {
    let exists = || MinisignError::Exists {
        path: path.to_owned(),
    };
    if !overwrite && fs::symlink_metadata(path).is_ok() {
        return Err(exists());
    }
    let text = key.to_text();
    let result = if overwrite {
        state::write_atomic(path, text.as_bytes(), crypto::PUBLIC_KEY_MODE)
    } else {
        // Create-only, so a concurrent writer cannot be overwritten either.
        state::write_new_atomic(path, text.as_bytes(), crypto::PUBLIC_KEY_MODE)
    };
    result.map_err(|e| match e {
        StateError::Io { source, .. } if source.kind() == io::ErrorKind::AlreadyExists => exists(),
        StateError::Io { source, .. } => MinisignError::Write {
            path: path.to_owned(),
            source,
        },
        other => MinisignError::Write {
            path: path.to_owned(),
            source: io::Error::other(other.to_string()),
        },
    })
}

// ---------------------------------------------------------------------------
// Secret keys (unencrypted minisign keys only)

/// A minisign secret key read from an unencrypted key file.
pub struct MinisignSecretKey {
    key_id: MinisignKeyId,
    // dalek zeroizes the key when it is dropped.
    key: SigningKey,
}

impl fmt::Debug for MinisignSecretKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Never print key material, not even in debug output.
        write!(f, "MinisignSecretKey({})", self.key_id)
    }
}

impl MinisignSecretKey {
    /// Parses an unencrypted minisign secret key file's text.
    pub fn parse(text: &str) -> Result<MinisignSecretKey, MinisignError> {
        parse_secret_key("minisign secret key", text)
    }

    /// Reads a secret key file, refusing one accessible by group or others.
    pub fn read(path: &Path) -> Result<MinisignSecretKey, MinisignError> {
        let text = read_text(path, true)?;
        parse_secret_key(&path.display().to_string(), &text)
    }

    /// The key id.
    pub fn key_id(&self) -> MinisignKeyId {
        self.key_id
    }

    /// The Ed25519 signing key.
    pub fn signing_key(&self) -> &SigningKey {
        &self.key
    }

    /// The matching public key.
    pub fn public_key(&self) -> MinisignPublicKey {
        MinisignPublicKey::from_ed25519(&self.key.verifying_key(), self.key_id)
    }
}

fn parse_secret_key(origin: &str, text: &str) -> Result<MinisignSecretKey, MinisignError> {
    let lines = Lines::new(origin, text);
    lines.prefixed(1, UNTRUSTED_PREFIX)?;
    let bytes = lines.base64::<SECRET_KEY_BYTES>(2, "a base64 minisign secret key")?;
    lines.end_after(2)?;
    let err = |reason: &str| lines.err(2, reason);
    if bytes[..2] != ALG_ED {
        return Err(err("unsupported key algorithm (expected \"Ed\")"));
    }
    let kdf = [bytes[2], bytes[3]];
    if kdf == KDF_SCRYPT {
        return Err(err(
            "encrypted minisign secret keys are not supported; remove the password with \
             `minisign -C -W -s FILE`, or sign with omni's own key",
        ));
    }
    if kdf != KDF_NONE {
        return Err(err(
            "unsupported key derivation function (expected scrypt or none)",
        ));
    }
    if bytes[4..6] != CHK_BLAKE2 {
        return Err(err("unsupported checksum function (expected \"B2\")"));
    }
    let key_id = key_id_at(&bytes[..], SECRET_KEY_ID_AT);
    let sk_at = SECRET_KEY_ID_AT + KEY_ID_LEN;
    let chk_at = sk_at + 64;
    let mut seed = Zeroizing::new([0u8; 32]);
    seed.copy_from_slice(&bytes[sk_at..sk_at + 32]);
    let key = SigningKey::from_bytes(&seed);
    // libsodium keeps the public key beside the seed; a mismatch means the
    // file is corrupt and would produce signatures no one can verify
    // (minisign itself signs with it regardless).
    if key.verifying_key().as_bytes()[..] != bytes[sk_at + 32..chk_at] {
        return Err(err(
            "corrupt secret key: its public half does not match its seed",
        ));
    }
    // minisign 0.11 writes an all-zero checksum for unencrypted keys and
    // does not check it; a non-zero one (from a decrypted key) must match.
    let chk = &bytes[chk_at..];
    if chk.iter().any(|&b| b != 0) {
        let mut h = blake2::Blake2b::<blake2::digest::consts::U32>::new();
        h.update(ALG_ED);
        h.update(key_id.0);
        h.update(&bytes[sk_at..chk_at]);
        if h.finalize()[..] != chk[..] {
            return Err(err("corrupt secret key: checksum does not match"));
        }
    }
    Ok(MinisignSecretKey { key_id, key })
}

// ---------------------------------------------------------------------------
// Signatures

/// A parsed `.minisig` file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MinisignSignature {
    /// What the file signature covers.
    pub algorithm: Algorithm,
    /// The id of the key that made it.
    pub key_id: MinisignKeyId,
    /// Ed25519 signature over the file or its BLAKE2b-512 digest.
    pub signature: [u8; 64],
    /// Free text, not covered by any signature.
    pub untrusted_comment: String,
    /// Text covered by the global signature.
    pub trusted_comment: String,
    /// Ed25519 signature over `signature` ‖ `trusted_comment`.
    pub global_signature: [u8; 64],
}

impl MinisignSignature {
    /// Parses a `.minisig` file's text.
    pub fn parse(text: &str) -> Result<MinisignSignature, MinisignError> {
        parse_signature("minisign signature", text)
    }

    /// Reads and parses a `.minisig` file.
    pub fn read(path: &Path) -> Result<MinisignSignature, MinisignError> {
        let text = read_text(path, false)?;
        parse_signature(&path.display().to_string(), &text)
    }

    /// The four lines, as minisign writes them.
    pub fn to_text(&self) -> String {
        let mut sig = [0u8; SIGNATURE_BYTES];
        sig[..2].copy_from_slice(&self.algorithm.tag());
        sig[2..2 + KEY_ID_LEN].copy_from_slice(&self.key_id.0);
        sig[2 + KEY_ID_LEN..].copy_from_slice(&self.signature);
        format!(
            "{UNTRUSTED_PREFIX}{}\n{}\n{TRUSTED_PREFIX}{}\n{}\n",
            self.untrusted_comment,
            Base64::encode_string(&sig),
            self.trusted_comment,
            Base64::encode_string(&self.global_signature)
        )
    }
}

fn parse_signature(origin: &str, text: &str) -> Result<MinisignSignature, MinisignError> {
    let lines = Lines::new(origin, text);
    let untrusted = lines.prefixed(1, UNTRUSTED_PREFIX)?;
    let sig = lines.base64::<SIGNATURE_BYTES>(2, "a base64 minisign signature")?;
    let algorithm = match [sig[0], sig[1]] {
        ALG_ED_HASHED => Algorithm::Prehashed,
        ALG_ED => Algorithm::Legacy,
        other => {
            return Err(lines.err(
                2,
                format!(
                    "unsupported signature algorithm {:?} (expected \"ED\" or \"Ed\")",
                    String::from_utf8_lossy(&other)
                ),
            ));
        }
    };
    let trusted = lines.prefixed(3, TRUSTED_PREFIX)?;
    let global = lines.base64::<64>(4, "a base64 global signature")?;
    lines.end_after(4)?;
    let mut signature = [0u8; 64];
    signature.copy_from_slice(&sig[2 + KEY_ID_LEN..]);
    Ok(MinisignSignature {
        algorithm,
        key_id: key_id_at(&sig[..], 2),
        signature,
        untrusted_comment: untrusted.to_owned(),
        trusted_comment: trusted.to_owned(),
        global_signature: *global,
    })
}

/// The trusted comment minisign writes when none is given:
/// `timestamp:<unix seconds>\tfile:<file name>`. The caller supplies the
/// time (systems do not read the clock for stored values, so tests can fix
/// it).
pub fn default_trusted_comment(unix_seconds: u64, file: &Path) -> String {
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!("timestamp:{unix_seconds}\tfile:{name}")
}

/// Signs `file` in minisign's default (prehashed) format and returns the
/// `.minisig` text. The file is streamed; see [`sign_file_with`].
pub fn sign_file(
    key: &SigningKey,
    key_id: MinisignKeyId,
    file: &Path,
    trusted_comment: &str,
    untrusted_comment: &str,
) -> Result<String, MinisignError> {
    sign_file_with(
        key,
        key_id,
        file,
        Algorithm::Prehashed,
        trusted_comment,
        untrusted_comment,
    )
}

/// Signs `file` with the given algorithm and returns the `.minisig` text.
///
/// Comments must be single lines within minisign's limits, else
/// [`MinisignError::Comment`] (exit 2: they come from the caller's
/// arguments). Prehashed signing streams the file; legacy signing reads it
/// whole (at most [`MAX_LEGACY_FILE_BYTES`], after asking the governor's
/// memory ceiling).
pub fn sign_file_with(
    key: &SigningKey,
    key_id: MinisignKeyId,
    file: &Path,
    algorithm: Algorithm,
    trusted_comment: &str,
    untrusted_comment: &str,
) -> Result<String, MinisignError> {
    check_comment("trusted", trusted_comment, MAX_TRUSTED_COMMENT_BYTES)?;
    check_comment("untrusted", untrusted_comment, MAX_UNTRUSTED_COMMENT_BYTES)?;
    let signature = match load_message(file, algorithm)? {
        Message::Digest(digest) => crypto::sign(key, &digest[..]),
        Message::Whole(bytes) => crypto::sign(key, &bytes),
    }
    .to_bytes();
    let global_signature =
        crypto::sign(key, &global_message(&signature, trusted_comment)).to_bytes();
    let sig = MinisignSignature {
        algorithm,
        key_id,
        signature,
        untrusted_comment: untrusted_comment.to_owned(),
        trusted_comment: trusted_comment.to_owned(),
        global_signature,
    };
    Ok(sig.to_text())
}

fn check_comment(which: &'static str, comment: &str, max: usize) -> Result<(), MinisignError> {
    let err = |reason: String| MinisignError::Comment { which, reason };
    if comment.contains(['\n', '\r']) {
        return Err(err("must be a single line (no line breaks)".into()));
    }
    if comment.len() > max {
        return Err(err(format!(
            "{} bytes is too long (minisign reads at most {max})",
            comment.len()
        )));
    }
    Ok(())
}

/// What the global signature covers: the file signature, then the trusted
/// comment's bytes.
fn global_message(signature: &[u8; 64], trusted_comment: &str) -> Vec<u8> {
    let mut message = Vec::with_capacity(64 + trusted_comment.len());
    message.extend_from_slice(signature);
    message.extend_from_slice(trusted_comment.as_bytes());
    message
}

// ---------------------------------------------------------------------------
// Verification

/// The outcome of checking a well-formed signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Both signatures verify: the file is what the key holder signed, with
    /// this trusted comment.
    Valid {
        /// The signed trusted comment.
        trusted_comment: String,
        /// The key id of the signature (equal to the public key's).
        key_id: MinisignKeyId,
        /// Which kind of file signature it was.
        algorithm: Algorithm,
    },
    /// The signature does not hold.
    Invalid {
        /// Why.
        reason: InvalidReason,
    },
}

impl Verdict {
    /// True for [`Verdict::Valid`].
    pub fn is_valid(&self) -> bool {
        matches!(self, Verdict::Valid { .. })
    }
}

/// Why a signature was judged invalid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InvalidReason {
    /// The signature was made by a different key (by its id).
    KeyIdMismatch {
        /// The id in the signature.
        signature: MinisignKeyId,
        /// The id of the public key given.
        public_key: MinisignKeyId,
    },
    /// The file signature does not verify: the file differs from the one
    /// signed, or the key is not the one that signed it.
    FileSignature,
    /// The global signature does not verify: the trusted comment (or the
    /// pairing of comment and signature) was changed.
    TrustedComment,
}

impl fmt::Display for InvalidReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InvalidReason::KeyIdMismatch {
                signature,
                public_key,
            } => write!(
                f,
                "key id mismatch: the signature was made by key {signature}, \
                 the public key is {public_key}"
            ),
            InvalidReason::FileSignature => f.write_str(
                "signature verification failed: the file was modified or signed by another key",
            ),
            InvalidReason::TrustedComment => f.write_str(
                "trusted comment signature verification failed: the trusted comment was modified",
            ),
        }
    }
}

/// Parses `sig_text` and checks it against `file` and `public`.
pub fn verify_file(
    public: &MinisignPublicKey,
    file: &Path,
    sig_text: &str,
) -> Result<Verdict, MinisignError> {
    verify_signature(public, file, &MinisignSignature::parse(sig_text)?)
}

/// Checks a parsed signature: key id, then the file signature (streaming
/// the file for prehashed signatures), then the global signature over the
/// trusted comment, in minisign's order.
pub fn verify_signature(
    public: &MinisignPublicKey,
    file: &Path,
    sig: &MinisignSignature,
) -> Result<Verdict, MinisignError> {
    if sig.key_id != public.key_id {
        // Checked before reading the file: no point hashing gigabytes for a
        // signature by another key.
        return Ok(Verdict::Invalid {
            reason: InvalidReason::KeyIdMismatch {
                signature: sig.key_id,
                public_key: public.key_id,
            },
        });
    }
    let signature = Signature::from_bytes(&sig.signature);
    let file_ok = match load_message(file, sig.algorithm)? {
        Message::Digest(digest) => crypto::verify(&public.key, &digest[..], &signature),
        Message::Whole(bytes) => crypto::verify(&public.key, &bytes, &signature),
    };
    if !file_ok {
        return Ok(Verdict::Invalid {
            reason: InvalidReason::FileSignature,
        });
    }
    let global = Signature::from_bytes(&sig.global_signature);
    if !crypto::verify(
        &public.key,
        &global_message(&sig.signature, &sig.trusted_comment),
        &global,
    ) {
        return Ok(Verdict::Invalid {
            reason: InvalidReason::TrustedComment,
        });
    }
    Ok(Verdict::Valid {
        trusted_comment: sig.trusted_comment.clone(),
        key_id: sig.key_id,
        algorithm: sig.algorithm,
    })
}

// ---------------------------------------------------------------------------
// File input

/// What the file signature is computed over.
enum Message {
    /// BLAKE2b-512 of the file.
    Digest([u8; 64]),
    /// The file itself (legacy).
    Whole(Vec<u8>),
}

fn open_input(path: &Path) -> Result<File, MinisignError> {
    File::open(path).map_err(|source| match source.kind() {
        io::ErrorKind::NotFound => MinisignError::Missing {
            path: path.to_owned(),
        },
        _ => MinisignError::Read {
            path: path.to_owned(),
            source,
        },
    })
}

fn read_err(path: &Path) -> impl FnOnce(io::Error) -> MinisignError + '_ {
    move |source| MinisignError::Read {
        path: path.to_owned(),
        source,
    }
}

fn load_message(path: &Path, algorithm: Algorithm) -> Result<Message, MinisignError> {
    let mut file = open_input(path)?;
    match algorithm {
        Algorithm::Prehashed => prehash(&mut file)
            .map(Message::Digest)
            .map_err(read_err(path)),
        Algorithm::Legacy => {
            let len = file.metadata().map_err(read_err(path))?.len();
            if len > MAX_LEGACY_FILE_BYTES {
                return Err(MinisignError::TooLarge {
                    path: path.to_owned(),
                    len,
                    limit: MAX_LEGACY_FILE_BYTES,
                    what: "legacy signatures cover the whole file in memory",
                });
            }
            memory::reserve(len)?;
            let mut bytes = Vec::with_capacity(len as usize);
            // `take` bounds a file that grows while it is read.
            Read::take(&mut file, MAX_LEGACY_FILE_BYTES + 1)
                .read_to_end(&mut bytes)
                .map_err(read_err(path))?;
            if bytes.len() as u64 > MAX_LEGACY_FILE_BYTES {
                return Err(MinisignError::TooLarge {
                    path: path.to_owned(),
                    len: bytes.len() as u64,
                    limit: MAX_LEGACY_FILE_BYTES,
                    what: "legacy signatures cover the whole file in memory",
                });
            }
            Ok(Message::Whole(bytes))
        }
    }
}

/// BLAKE2b-512 (unkeyed, 64-byte output: libsodium's
/// `crypto_generichash` with `BYTES_MAX`) of everything `reader` yields,
/// in fixed-size blocks.
fn prehash(reader: &mut impl Read) -> io::Result<[u8; 64]> {
    let mut hasher = blake2::Blake2b512::new();
    let mut buf = vec![0u8; READ_BUF_BYTES];
    loop {
        match reader.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => hasher.update(&buf[..n]),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
    }
    Ok(hasher.finalize().into())
}

/// Reads a small text file (signature or key). With `private`, the file must
/// not be accessible by group or others.
fn read_text(path: &Path, private: bool) -> Result<Zeroizing<String>, MinisignError> {
    let mut file = open_input(path)?;
    // fstat the opened file so the checks apply to the bytes read.
    let meta = file.metadata().map_err(read_err(path))?;
    if private {
        let mode = meta.mode() & 0o7777;
        if mode & 0o077 != 0 {
            return Err(MinisignError::TooOpen {
                path: path.to_owned(),
                mode,
            });
        }
    }
    let malformed = |reason: &str| MinisignError::Malformed {
        origin: path.display().to_string(),
        line: 1,
        reason: reason.to_owned(),
    };
    if !meta.is_file() {
        return Err(malformed("not a regular file"));
    }
    if meta.len() > MAX_TEXT_FILE_BYTES {
        return Err(MinisignError::TooLarge {
            path: path.to_owned(),
            len: meta.len(),
            limit: MAX_TEXT_FILE_BYTES,
            what: "a minisign signature or key file",
        });
    }
    let mut bytes = Zeroizing::new(Vec::with_capacity(meta.len() as usize));
    Read::take(&mut file, MAX_TEXT_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_err(path))?;
    if bytes.len() as u64 > MAX_TEXT_FILE_BYTES {
        return Err(MinisignError::TooLarge {
            path: path.to_owned(),
            len: bytes.len() as u64,
            limit: MAX_TEXT_FILE_BYTES,
            what: "a minisign signature or key file",
        });
    }
    match std::str::from_utf8(&bytes) {
        Ok(text) => Ok(Zeroizing::new(text.to_owned())),
        Err(e) => {
            let line = bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
                + 1;
            Err(MinisignError::Malformed {
                origin: path.display().to_string(),
                line,
                reason: "not UTF-8 text".into(),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Made by Debian's minisign 0.11: `minisign -G -W -p k.pub -s k.key`, then
    // `minisign -S -s k.key -m f.txt -t "my comment"` (prehashed) and
    // `minisign -S -l …` (legacy) over f.txt = "hello\n". A throwaway test key.
    const PUB: &str = "untrusted comment: minisign public key 6F84174040DD8D2B\n\
                       RWQrjd1AQBeEb4wti1WLFF2Wo3qWKmrbQJEUOFZF+tcCMBlP8jw/K5XL\n";
    const KEY: &str = "untrusted comment: minisign encrypted secret key\n\
        RWQAAEIyAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAK43dQEAXhG8hCfzSVYeaicGlGZQ0dmw5YhR/urS9cyUSHYSAQ17AHIwti1WLFF2Wo3qWKmrbQJEUOFZF+tcCMBlP8jw/K5XLAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n";
    const SIG: &str = "untrusted comment: signature from minisign secret key\n\
        RUQrjd1AQBeEb9O29D4dNTlRFH4E+FUWaJiOLqyVSJ41ziQs9xV2dKibkJ7/MlmLh0+OVvr/bmRbyaNkrW4+5LgzYFrFKXQkJQM=\n\
        trusted comment: my comment\n\
        QT5rkL2GiwB4ddozVy0IP+KBKQmqLaoUsi18V+HQvTu0uHNLxH8uPbdUjzDOLFRsMoibJ+WdiAWyL0VB11k1Ag==\n";
    const LEGACY_SIG: &str = "untrusted comment: signature from minisign secret key\n\
        RWQrjd1AQBeEb3CQk600DQzT0DYdD+5lRceTTiqu8GX33+IBjP515bzllyWsfJJoaOaY44X7oAPb9jniJaOpQ3czAwwx4qtIuQM=\n\
        trusted comment: timestamp:1795365919\tfile:f.txt\n\
        +UTd1H3KcaohmPfrKUgSBUwkYQAnHvGCp/IB5ydP5fEsfyv/blQ4cdh9/zHsM0NuivLP/vPWF1bqFuDbXNvXAg==\n";

    fn hello() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.txt");
        fs::write(&path, "hello\n").unwrap();
        (dir, path)
    }

    #[test]
    fn minisign_vectors_verify() {
        let (_dir, file) = hello();
        let public = MinisignPublicKey::parse(PUB).unwrap();
        assert_eq!(public.key_id().to_string(), "6F84174040DD8D2B");
        assert_eq!(public.to_text(), PUB);
        let v = verify_file(&public, &file, SIG).unwrap();
        assert_eq!(
            v,
            Verdict::Valid {
                trusted_comment: "my comment".into(),
                key_id: public.key_id(),
                algorithm: Algorithm::Prehashed
            }
        );
        let v = verify_file(&public, &file, LEGACY_SIG).unwrap();
        assert!(
            matches!(&v, Verdict::Valid { algorithm: Algorithm::Legacy, trusted_comment, .. }
                if trusted_comment == "timestamp:1795365919\tfile:f.txt"),
            "{v:?}"
        );
        // Parsing and re-serialising is the identity on minisign's output.
        assert_eq!(MinisignSignature::parse(SIG).unwrap().to_text(), SIG);
    }

    #[test]
    fn unencrypted_secret_key_signs_like_minisign() {
        let (_dir, file) = hello();
        let secret = MinisignSecretKey::parse(KEY).unwrap();
        assert_eq!(secret.public_key(), MinisignPublicKey::parse(PUB).unwrap());
        // Ed25519 is deterministic: same key, same input, same bytes.
        let text = sign_file(
            secret.signing_key(),
            secret.key_id(),
            &file,
            "my comment",
            "signature from minisign secret key",
        )
        .unwrap();
        assert_eq!(text, SIG);
    }

    #[test]
    fn omni_key_id_displays_as_short_key_id() {
        let key = SigningKey::from_bytes(&[5u8; 32]).verifying_key();
        let id = MinisignKeyId::for_omni_key(&key);
        let short = u64::from_str_radix(&KeyId::of(&key).short(), 16).unwrap();
        assert_eq!(id.to_string(), format!("{short:X}"));
        // No zero padding, as minisign prints ids.
        assert_eq!(
            MinisignKeyId::from_bytes([0xab, 0, 0, 0, 0, 0, 0, 0]).to_string(),
            "AB"
        );
        let public = MinisignPublicKey::for_omni_key(&key);
        assert_eq!(MinisignPublicKey::parse(&public.to_text()).unwrap(), public);
        assert_eq!(
            MinisignPublicKey::from_base64(&public.to_base64()).unwrap(),
            public
        );
    }

    #[test]
    fn secret_key_checks() {
        let encrypted = KEY.replacen("RWQAAEIy", "RWRTY0Iy", 1);
        let err = MinisignSecretKey::parse(&encrypted).unwrap_err();
        assert_eq!(err.exit(), Exit::DataErr);
        assert!(err.to_string().contains("encrypted"), "{err}");
        // A non-zero checksum must match.
        let bad_chk = KEY.replacen(
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAE=",
            1,
        );
        let err = MinisignSecretKey::parse(&bad_chk).unwrap_err();
        assert!(err.to_string().contains("checksum"), "{err}");
    }

    #[test]
    fn comments_must_fit_minisign() {
        let (_dir, file) = hello();
        let key = SigningKey::from_bytes(&[1u8; 32]);
        let id = MinisignKeyId::for_omni_key(&key.verifying_key());
        let err = sign_file(&key, id, &file, "a\nb", "").unwrap_err();
        assert_eq!(err.exit(), Exit::Usage);
        let long = "x".repeat(MAX_TRUSTED_COMMENT_BYTES + 1);
        assert!(sign_file(&key, id, &file, &long, "").is_err());
        let max = "x".repeat(MAX_TRUSTED_COMMENT_BYTES);
        assert!(sign_file(&key, id, &file, &max, "").is_ok());
    }
}
