//! TPM 2.0 quote verification in pure Rust (no libtss2), and tpm2-tools'
//! file formats for quotes, signatures and PCR values.
//!
//! A quote is the TPM's signed statement "these PCRs had these values when you
//! asked with this nonce". Generating one needs a TPM; checking one needs only
//! the bytes, the attestation key's (AK) public key and the PCR values, which
//! is what this module does, so `omni attest verify` works on any machine and
//! in the static build.
//!
//! # Binary layouts
//!
//! TPM structures are marshalled big-endian, without padding (TPM 2.0 Library
//! Part 2). `TPM2B_X` is a `u16` size followed by that many bytes.
//!
//! **`TPMS_ATTEST`** (`tpm2_quote -m q.msg`; what the AK signs):
//!
//! ```text
//! u32   magic            0xFF544347 (TPM_GENERATED_VALUE)
//! u16   type             0x8018 (TPM_ST_ATTEST_QUOTE)
//! TPM2B qualifiedSigner  name of the signing key (≤ 66 bytes)
//! TPM2B extraData        the caller's nonce ("qualifying data", ≤ 66 bytes)
//! u64   clock            \
//! u32   resetCount        | TPMS_CLOCK_INFO
//! u32   restartCount      |
//! u8    safe             /  0 or 1
//! u64   firmwareVersion
//! TPMS_QUOTE_INFO (only when type is a quote):
//!   u32 count            TPML_PCR_SELECTION, ≤ 16 banks, each:
//!     u16 hash           bank algorithm (0x0004 sha1, 0x000B sha256, 0x000C sha384, 0x000D sha512, 0x0012 sm3_256)
//!     u8  sizeofSelect   ≤ 4
//!     u8  pcrSelect[sizeofSelect]   bit i of byte j selects PCR 8j+i
//!   TPM2B pcrDigest      H(concatenation of the selected PCR values)
//! ```
//!
//! **`TPMT_SIGNATURE`** (`tpm2_quote -s q.sig`, default `-f tss`): `u16 sigAlg`
//! (0x0018 ECDSA), `u16 hash` (0x000B sha256), `TPM2B r`, `TPM2B s`. With
//! `-f plain` tpm2-tools writes an ECDSA signature as DER
//! `SEQUENCE { INTEGER r, INTEGER s }` instead; both are accepted (a TSS
//! signature starts with 0x00, DER with 0x30). The plain form does not say
//! which hash was used: SHA-256 is assumed, as `tpm2_checkquote -g sha256`.
//!
//! **tpm2-tools PCR file** (`tpm2_quote -o q.pcrs`, default `-F serialized`):
//! a dump of tpm2-tools' in-memory C structures, **little-endian with C
//! padding** (its man page: "serialized data structure in little endian
//! format"), not TPM marshalling. Checked against tpm2-tools 5.4 output:
//!
//! ```text
//! offset  size  field
//!      0     4  u32 count of banks (≤ 16)                    TPML_PCR_SELECTION,
//!      4   8×16 16 × { u16 hash, u8 sizeofSelect,             always 132 bytes
//!                      u8 pcrSelect[4], u8 padding }          (unused slots zero)
//!    132     4  u32 n = number of TPML_DIGEST blocks that follow
//!    136  532×n n × { u32 count (≤ 8),                        TPML_DIGEST, 532 bytes
//!                     8 × { u16 size, u8 buffer[64] } }       (unused bytes zero)
//! ```
//!
//! The values are the selected PCRs in selection order (bank by bank, PCRs
//! ascending), 8 per block, so 5 sha256 PCRs make a 668-byte file and 15
//! PCRs a 1200-byte one. `-F values` writes just the concatenated values;
//! [`PcrValues::from_tpm2_tools_values`] reads that with the quote's selection.
//!
//! **AK public key**: SubjectPublicKeyInfo PEM (`tpm2_createak -f pem`,
//! `tpm2_readpublic -f pem`), or `TPM2B_PUBLIC` (tpm2-tools' default `-f tss`,
//! layout at [`AkPublic::from_tpm2b_public`]), which also carries the key's
//! object attributes. ECC P-256 only for now.
//!
//! # What [`verify`] checks, in this order
//!
//! 0. When the AK was read from a `TPM2B_PUBLIC`: it is fixedTPM, restricted
//!    and a signing key. A PEM cannot say this, and a non-restricted key can
//!    sign a perfect forgery (see [`AkPublic`]): trust in a PEM AK must come
//!    from enrolment.
//! 1. `magic` is TPM_GENERATED_VALUE. A restricted AK refuses to sign data
//!    starting with this value unless the TPM produced it, so without this check
//!    an attacker holding an AK could sign any bytes and call them a quote
//!    (tpm2-tools CVE-2024-29038).
//! 2. `type` is TPM_ST_ATTEST_QUOTE.
//! 3. The signature over H(TPMS_ATTEST bytes) verifies with the AK, H being the
//!    signature's hash algorithm. From here on every field is the TPM's word.
//! 4. `extraData` equals the caller's nonce (freshness, no replay).
//! 5. The PCR values supplied cover exactly the PCRs the quote selected, no more
//!    and no fewer: a value that the quote did not cover is unattested and must
//!    not be believed (tpm2-tools CVE-2024-29039 was this check missing).
//! 6. `pcrDigest` equals H(selected values in the quote's selection order).
//!    Per TPM2_Quote, H is the *signing* hash, not the PCR bank's.
//! 7. Optionally, each PCR named by a policy has one of its allowed values.
//!
//! The first failed check is returned as [`QuoteVerdict::Invalid`] naming it;
//! a quote that fails a check is an answer, not an error. Errors
//! ([`QuoteError`]) mean the input could not be read or parsed at all: every
//! parser bounds-checks each field, names the structure, field and byte offset
//! of the problem, and never panics on any input.
//!
//! # Performance
//!
//! Parsing copies the two input buffers once and records offsets; [`verify`]
//! allocates nothing unless it fails (hashing streams the PCR values, the
//! signature digest lives on the stack). The cost is one ECDSA P-256
//! verification plus two short hashes.

use std::collections::BTreeMap;
use std::fmt;
use std::io::{self, Read};
use std::ops::Range;
use std::path::{Path, PathBuf};

use base64ct::{Base64, Encoding};
use p256::ecdsa::signature::hazmat::PrehashVerifier;
use p256::ecdsa::{Signature as EcdsaSignature, VerifyingKey};
use p256::pkcs8::{DecodePublicKey, EncodePublicKey, LineEnding};
use serde::{Deserialize, Serialize, Serializer};
use sha2::Digest as _;

use crate::runtime::error::{Classify, Exit};

/// `TPM_GENERATED_VALUE`: the first four bytes of everything a TPM signs itself.
pub const TPM_GENERATED_VALUE: u32 = 0xFF54_4347;
/// `TPM_ST_ATTEST_QUOTE`: the structure tag of a quote.
pub const TPM_ST_ATTEST_QUOTE: u16 = 0x8018;

const TPM_ALG_RSASSA: u16 = 0x0014;
const TPM_ALG_RSAPSS: u16 = 0x0016;
const TPM_ALG_ECDSA: u16 = 0x0018;
const TPM_ALG_NULL: u16 = 0x0010;

/// `sizeof(TPMU_NAME)`: a digest with its algorithm id, or a handle.
const MAX_NAME: usize = 2 + 64;
/// `sizeof(TPMT_HA)`: the bound on `TPM2B_DATA`.
const MAX_DATA: usize = 2 + 64;
/// `sizeof(TPMU_HA)`: the largest digest (SHA-512).
const MAX_DIGEST: usize = 64;
/// `TPM2_NUM_PCR_BANKS` in tpm2-tss: the bound on `TPML_PCR_SELECTION.count`.
const MAX_BANKS: usize = 16;
/// `TPM2_PCR_SELECT_MAX`: 4 bytes of bitmap, so PCR indexes are below 32.
const PCR_SELECT_MAX: usize = 4;
/// The number of PCR indexes a selection bitmap can name.
pub const PCR_COUNT: u32 = (PCR_SELECT_MAX * 8) as u32;
/// `TPML_DIGEST` holds at most 8 digests (TPM2_PCR_Read returns 8 at a time).
const DIGESTS_PER_BLOCK: usize = 8;
/// Size of one `TPMS_PCR_SELECTION` in tpm2-tools' file: 7 bytes padded to 8.
const FILE_SELECTION_SLOT: usize = 8;
/// Size of the file's `TPML_PCR_SELECTION`: count and 16 slots.
const FILE_SELECTION_BYTES: usize = 4 + MAX_BANKS * FILE_SELECTION_SLOT;
/// Size of one `TPM2B_DIGEST` in the file: size and the full 64-byte buffer.
const FILE_DIGEST_SLOT: usize = 2 + MAX_DIGEST;
/// Size of one `TPML_DIGEST` in the file.
const FILE_DIGEST_BLOCK: usize = 4 + DIGESTS_PER_BLOCK * FILE_DIGEST_SLOT;
/// P-256 scalars are 32 bytes.
const P256_SCALAR: usize = 32;
/// Quote files are small; anything larger is not one and is not read whole.
const MAX_INPUT_BYTES: u64 = 1024 * 1024;

// ---------------------------------------------------------------------------
// Errors

/// The structure a parse error was found in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Structure {
    /// `TPMS_ATTEST`, the quoted message.
    Attest,
    /// `TPMT_SIGNATURE`, the signature in tpm2-tools' default format.
    Signature,
    /// A DER ECDSA signature (`tpm2_quote -f plain`).
    DerSignature,
    /// `TPM2B_PUBLIC`, a TPM public key with its attributes.
    Public,
    /// tpm2-tools' serialized PCR file (`tpm2_quote -o`).
    PcrFile,
    /// tpm2-tools' raw PCR values file (`tpm2_quote -F values`).
    PcrValuesFile,
}

impl fmt::Display for Structure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Structure::Attest => "TPMS_ATTEST",
            Structure::Signature => "TPMT_SIGNATURE",
            Structure::DerSignature => "DER ECDSA signature",
            Structure::Public => "TPM2B_PUBLIC",
            Structure::PcrFile => "tpm2-tools PCR file",
            Structure::PcrValuesFile => "tpm2-tools PCR values file",
        })
    }
}

/// Why quote material could not be read or parsed. A quote that parses but
/// fails a check is not an error: see [`QuoteVerdict`].
#[derive(Debug, thiserror::Error)]
pub enum QuoteError {
    /// The input ends inside a field.
    #[error(
        "{structure}: truncated at offset {offset}: {field} needs {needed} bytes, {available} left"
    )]
    Truncated {
        /// Where.
        structure: Structure,
        /// The field being read.
        field: &'static str,
        /// Byte offset of the field.
        offset: usize,
        /// Bytes the field needs.
        needed: usize,
        /// Bytes left in the input.
        available: usize,
    },
    /// A field holds a value the structure does not allow.
    #[error("{structure}: {field} at offset {offset}: {reason}")]
    Malformed {
        /// Where.
        structure: Structure,
        /// The offending field.
        field: &'static str,
        /// Byte offset of the field.
        offset: usize,
        /// What is wrong with it.
        reason: String,
    },
    /// Bytes follow the end of the structure.
    #[error("{structure}: {count} unexpected bytes after the end at offset {offset}")]
    Trailing {
        /// Where.
        structure: Structure,
        /// Offset where the structure ended.
        offset: usize,
        /// How many bytes follow.
        count: usize,
    },
    /// A well-formed field names an algorithm omni does not verify.
    #[error("{structure}: {field} at offset {offset}: unsupported {what}")]
    Unsupported {
        /// Where.
        structure: Structure,
        /// The field.
        field: &'static str,
        /// Byte offset of the field.
        offset: usize,
        /// What is unsupported, e.g. "signature algorithm 0x0014 (rsassa)".
        what: String,
    },
    /// A PCR value given as a map (our own JSON) is out of range or the wrong size.
    #[error("PCR values: {reason}")]
    PcrValue {
        /// What is wrong.
        reason: String,
    },
    /// The AK public key is not a P-256 SubjectPublicKeyInfo PEM.
    #[error("attestation key: {reason}")]
    Key {
        /// What is wrong with it.
        reason: String,
    },
    /// The PCR policy does not parse.
    #[error("PCR policy: {reason}")]
    Policy {
        /// What is wrong with it.
        reason: String,
    },
    /// An input file could not be read.
    #[error("cannot read {path}", path = .path.display())]
    Read {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: io::Error,
    },
    /// An input file is larger than any quote file can be.
    #[error("{path}: larger than {MAX_INPUT_BYTES} bytes, not a quote file", path = .path.display())]
    TooLarge {
        /// The file.
        path: PathBuf,
    },
    /// A file's content is malformed; the cause says how.
    #[error("{path}", path = .path.display())]
    InFile {
        /// The file.
        path: PathBuf,
        /// The parse error.
        #[source]
        source: Box<QuoteError>,
    },
}

impl Classify for QuoteError {
    fn exit(&self) -> Exit {
        match self {
            QuoteError::Truncated { .. }
            | QuoteError::Malformed { .. }
            | QuoteError::Trailing { .. }
            | QuoteError::Unsupported { .. }
            | QuoteError::PcrValue { .. }
            | QuoteError::Key { .. }
            | QuoteError::Policy { .. }
            | QuoteError::TooLarge { .. } => Exit::DataErr,
            QuoteError::Read { source, .. } => match source.kind() {
                io::ErrorKind::NotFound => Exit::NoInput,
                io::ErrorKind::PermissionDenied => Exit::NoPerm,
                _ => Exit::from_io(source),
            },
            QuoteError::InFile { source, .. } => source.exit(),
        }
    }
}

/// Reads a whole quote input file (at most 1 MiB). A missing file is
/// [`Exit::NoInput`] (66).
pub fn read_file(path: &Path) -> Result<Vec<u8>, QuoteError> {
    let read_err = |source| QuoteError::Read {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(read_err)?;
    // Quote files are small: one read fills this, a second sees the end.
    let mut bytes = Vec::with_capacity(4096);
    // NB: reading one byte past the limit tells "exactly at the limit" from "over it".
    file.take(MAX_INPUT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(read_err)?;
    if bytes.len() as u64 > MAX_INPUT_BYTES {
        return Err(QuoteError::TooLarge {
            path: path.to_path_buf(),
        });
    }
    Ok(bytes)
}

fn in_file(path: &Path) -> impl FnOnce(QuoteError) -> QuoteError + '_ {
    move |e| QuoteError::InFile {
        path: path.to_path_buf(),
        source: Box::new(e),
    }
}

// ---------------------------------------------------------------------------
// A bounds-checked cursor

/// A cursor over untrusted bytes: every read checks the remaining length
/// first, so no input can make the parsers index out of bounds.
struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
    structure: Structure,
}

impl<'a> Reader<'a> {
    fn new(buf: &'a [u8], structure: Structure) -> Self {
        Reader {
            buf,
            pos: 0,
            structure,
        }
    }

    fn remaining(&self) -> usize {
        self.buf.len() - self.pos
    }

    fn take(&mut self, n: usize, field: &'static str) -> Result<&'a [u8], QuoteError> {
        if n > self.remaining() {
            return Err(QuoteError::Truncated {
                structure: self.structure,
                field,
                offset: self.pos,
                needed: n,
                available: self.remaining(),
            });
        }
        let bytes = &self.buf[self.pos..self.pos + n];
        self.pos += n;
        Ok(bytes)
    }

    fn array<const N: usize>(&mut self, field: &'static str) -> Result<[u8; N], QuoteError> {
        let mut out = [0u8; N];
        out.copy_from_slice(self.take(N, field)?);
        Ok(out)
    }

    fn u8(&mut self, field: &'static str) -> Result<u8, QuoteError> {
        Ok(self.array::<1>(field)?[0])
    }

    fn u16_be(&mut self, field: &'static str) -> Result<u16, QuoteError> {
        self.array(field).map(u16::from_be_bytes)
    }

    fn u32_be(&mut self, field: &'static str) -> Result<u32, QuoteError> {
        self.array(field).map(u32::from_be_bytes)
    }

    fn u64_be(&mut self, field: &'static str) -> Result<u64, QuoteError> {
        self.array(field).map(u64::from_be_bytes)
    }

    fn u16_le(&mut self, field: &'static str) -> Result<u16, QuoteError> {
        self.array(field).map(u16::from_le_bytes)
    }

    fn u32_le(&mut self, field: &'static str) -> Result<u32, QuoteError> {
        self.array(field).map(u32::from_le_bytes)
    }

    /// A big-endian `TPM2B`: returns the range of its payload in the buffer.
    fn tpm2b(&mut self, field: &'static str, max: usize) -> Result<Range<usize>, QuoteError> {
        let at = self.pos;
        let size = usize::from(self.u16_be(field)?);
        if size > max {
            return Err(self.malformed(
                field,
                at,
                format!("size {size} exceeds the maximum {max}"),
            ));
        }
        let start = self.pos;
        self.take(size, field)?;
        Ok(start..self.pos)
    }

    fn malformed(&self, field: &'static str, offset: usize, reason: String) -> QuoteError {
        QuoteError::Malformed {
            structure: self.structure,
            field,
            offset,
            reason,
        }
    }

    fn unsupported(&self, field: &'static str, offset: usize, what: String) -> QuoteError {
        QuoteError::Unsupported {
            structure: self.structure,
            field,
            offset,
            what,
        }
    }

    fn finish(&self) -> Result<(), QuoteError> {
        match self.remaining() {
            0 => Ok(()),
            count => Err(QuoteError::Trailing {
                structure: self.structure,
                offset: self.pos,
                count,
            }),
        }
    }
}

// ---------------------------------------------------------------------------
// Hash algorithms and PCR selections

/// A TPM hash algorithm (`TPMI_ALG_HASH`) as used by PCR banks and signatures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HashAlg {
    /// `TPM_ALG_SHA1` (0x0004).
    Sha1,
    /// `TPM_ALG_SHA256` (0x000B).
    Sha256,
    /// `TPM_ALG_SHA384` (0x000C).
    Sha384,
    /// `TPM_ALG_SHA512` (0x000D).
    Sha512,
    /// `TPM_ALG_SM3_256` (0x0012): a PCR bank omni can carry but not hash with.
    #[serde(rename = "sm3_256")]
    Sm3_256,
}

impl HashAlg {
    /// Every algorithm, in the order banks are compared.
    pub const ALL: [HashAlg; 5] = [
        HashAlg::Sha1,
        HashAlg::Sha256,
        HashAlg::Sha384,
        HashAlg::Sha512,
        HashAlg::Sm3_256,
    ];

    /// From the TPM algorithm id.
    pub fn from_tpm(id: u16) -> Option<HashAlg> {
        Some(match id {
            0x0004 => HashAlg::Sha1,
            0x000B => HashAlg::Sha256,
            0x000C => HashAlg::Sha384,
            0x000D => HashAlg::Sha512,
            0x0012 => HashAlg::Sm3_256,
            _ => return None,
        })
    }

    /// The TPM algorithm id.
    pub fn tpm_id(self) -> u16 {
        match self {
            HashAlg::Sha1 => 0x0004,
            HashAlg::Sha256 => 0x000B,
            HashAlg::Sha384 => 0x000C,
            HashAlg::Sha512 => 0x000D,
            HashAlg::Sm3_256 => 0x0012,
        }
    }

    /// Digest length in bytes.
    pub fn size(self) -> usize {
        match self {
            HashAlg::Sha1 => 20,
            HashAlg::Sha256 | HashAlg::Sm3_256 => 32,
            HashAlg::Sha384 => 48,
            HashAlg::Sha512 => 64,
        }
    }

    /// The name tpm2-tools uses (`sha256`).
    pub fn name(self) -> &'static str {
        match self {
            HashAlg::Sha1 => "sha1",
            HashAlg::Sha256 => "sha256",
            HashAlg::Sha384 => "sha384",
            HashAlg::Sha512 => "sha512",
            HashAlg::Sm3_256 => "sm3_256",
        }
    }

    /// Whether omni can compute this hash (quote signatures and PCR digests).
    /// SHA-1 is deliberately absent: a quote signed over SHA-1 is not trusted.
    fn can_sign(self) -> bool {
        matches!(self, HashAlg::Sha256 | HashAlg::Sha384 | HashAlg::Sha512)
    }
}

impl fmt::Display for HashAlg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A running hash over one of the algorithms omni signs with; the digest is
/// returned on the stack so verification does not allocate.
enum Hasher {
    Sha256(sha2::Sha256),
    Sha384(sha2::Sha384),
    Sha512(sha2::Sha512),
}

impl Hasher {
    /// Callers only pass algorithms that passed [`HashAlg::can_sign`] at parse time.
    fn new(alg: HashAlg) -> Hasher {
        match alg {
            HashAlg::Sha384 => Hasher::Sha384(sha2::Sha384::new()),
            HashAlg::Sha512 => Hasher::Sha512(sha2::Sha512::new()),
            // NB: parsing refused every other signing hash, so this arm only sees SHA-256.
            _ => Hasher::Sha256(sha2::Sha256::new()),
        }
    }

    fn update(&mut self, data: &[u8]) {
        match self {
            Hasher::Sha256(h) => h.update(data),
            Hasher::Sha384(h) => h.update(data),
            Hasher::Sha512(h) => h.update(data),
        }
    }

    fn finish(self) -> DigestBuf {
        let mut out = DigestBuf {
            bytes: [0; MAX_DIGEST],
            len: 0,
        };
        let mut put = |digest: &[u8]| {
            out.bytes[..digest.len()].copy_from_slice(digest);
            out.len = digest.len();
        };
        match self {
            Hasher::Sha256(h) => put(&h.finalize()),
            Hasher::Sha384(h) => put(&h.finalize()),
            Hasher::Sha512(h) => put(&h.finalize()),
        }
        out
    }
}

struct DigestBuf {
    bytes: [u8; MAX_DIGEST],
    len: usize,
}

impl DigestBuf {
    fn as_slice(&self) -> &[u8] {
        &self.bytes[..self.len]
    }
}

/// The PCRs selected in one bank (`TPMS_PCR_SELECTION`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PcrBankSelection {
    /// The bank.
    pub hash: HashAlg,
    /// Bit `i` set means PCR `i` is selected.
    pub pcrs: u32,
    /// The bitmap length on the wire (`sizeofSelect`), kept so files round-trip byte for byte.
    pub size_of_select: u8,
}

impl PcrBankSelection {
    /// The selected PCR indexes, ascending (the order the TPM hashes them in).
    pub fn indexes(&self) -> impl Iterator<Item = u32> + '_ {
        (0..PCR_COUNT).filter(|i| self.pcrs & (1 << i) != 0)
    }
}

/// A `TPML_PCR_SELECTION`: banks in the order the TPM hashes them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PcrSelection {
    /// The banks, in wire order.
    pub banks: Vec<PcrBankSelection>,
}

impl PcrSelection {
    /// Every selected (bank, PCR) pair in digest order.
    pub fn iter(&self) -> impl Iterator<Item = (HashAlg, u32)> + '_ {
        self.banks
            .iter()
            .flat_map(|b| b.indexes().map(move |i| (b.hash, i)))
    }

    /// Number of PCR values the selection covers (duplicates counted twice,
    /// as the TPM would hash them twice).
    pub fn len(&self) -> usize {
        self.banks
            .iter()
            .map(|b| b.pcrs.count_ones() as usize)
            .sum()
    }

    /// True when no PCR is selected.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Parses a big-endian `TPML_PCR_SELECTION` (inside `TPMS_ATTEST`).
    fn read_tpm(r: &mut Reader<'_>) -> Result<PcrSelection, QuoteError> {
        let at = r.pos;
        let count = r.u32_be("TPML_PCR_SELECTION.count")? as usize;
        if count > MAX_BANKS {
            return Err(r.malformed(
                "TPML_PCR_SELECTION.count",
                at,
                format!("{count} banks exceed the maximum {MAX_BANKS}"),
            ));
        }
        let mut banks = Vec::with_capacity(count);
        for _ in 0..count {
            let at = r.pos;
            let id = r.u16_be("TPMS_PCR_SELECTION.hash")?;
            let hash = HashAlg::from_tpm(id).ok_or_else(|| {
                r.unsupported(
                    "TPMS_PCR_SELECTION.hash",
                    at,
                    format!("PCR bank algorithm {id:#06x}"),
                )
            })?;
            let size_at = r.pos;
            let size = r.u8("TPMS_PCR_SELECTION.sizeofSelect")?;
            if usize::from(size) > PCR_SELECT_MAX {
                return Err(r.malformed(
                    "TPMS_PCR_SELECTION.sizeofSelect",
                    size_at,
                    format!("{size} exceeds the maximum {PCR_SELECT_MAX}"),
                ));
            }
            let bitmap = r.take(usize::from(size), "TPMS_PCR_SELECTION.pcrSelect")?;
            banks.push(PcrBankSelection {
                hash,
                pcrs: bitmap_to_u32(bitmap),
                size_of_select: size,
            });
        }
        Ok(PcrSelection { banks })
    }
}

fn bitmap_to_u32(bitmap: &[u8]) -> u32 {
    bitmap
        .iter()
        .enumerate()
        .fold(0, |acc, (j, b)| acc | (u32::from(*b) << (8 * j)))
}

/// Renders like tpm2-tools' `-l` argument: `sha256:0,1,2,3,16+sha1:0`.
impl fmt::Display for PcrSelection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.banks.is_empty() {
            return f.write_str("(none)");
        }
        for (n, bank) in self.banks.iter().enumerate() {
            if n > 0 {
                f.write_str("+")?;
            }
            write!(f, "{}:", bank.hash)?;
            for (k, i) in bank.indexes().enumerate() {
                if k > 0 {
                    f.write_str(",")?;
                }
                write!(f, "{i}")?;
            }
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------
// The quote

/// `TPMS_CLOCK_INFO`: the TPM's clock when it signed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ClockInfo {
    /// Milliseconds the TPM has been powered since it was last cleared.
    pub clock: u64,
    /// TPM resets (power cycles) since it was last cleared.
    pub reset_count: u32,
    /// Restarts (resume from hibernation) since the last reset.
    pub restart_count: u32,
    /// Whether `clock` is known never to have gone backwards.
    pub safe: bool,
}

/// The signature on a quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteSignature {
    /// ECDSA over P-256: `r` and `s` left-padded to 32 bytes.
    EcdsaP256 {
        /// The hash the TPM signed with.
        hash: HashAlg,
        /// The `r` scalar, big-endian.
        r: [u8; P256_SCALAR],
        /// The `s` scalar, big-endian.
        s: [u8; P256_SCALAR],
    },
}

impl QuoteSignature {
    /// The hash algorithm of the signature (and so of the PCR digest).
    pub fn hash(&self) -> HashAlg {
        match self {
            QuoteSignature::EcdsaP256 { hash, .. } => *hash,
        }
    }

    /// Parses tpm2-tools' signature file: `TPMT_SIGNATURE` (the default,
    /// `-f tss`) or, when it starts with a DER SEQUENCE tag, `-f plain`.
    pub fn parse(bytes: &[u8]) -> Result<QuoteSignature, QuoteError> {
        if bytes.first() == Some(&0x30) {
            return Self::parse_der(bytes);
        }
        let mut r = Reader::new(bytes, Structure::Signature);
        let alg_at = r.pos;
        let alg = r.u16_be("sigAlg")?;
        match alg {
            TPM_ALG_ECDSA => {}
            TPM_ALG_RSASSA | TPM_ALG_RSAPSS => {
                let name = if alg == TPM_ALG_RSASSA {
                    "rsassa"
                } else {
                    "rsapss"
                };
                return Err(r.unsupported(
                    "sigAlg",
                    alg_at,
                    format!(
                        "signature algorithm {alg:#06x} ({name}): only ECDSA P-256 AKs are verified"
                    ),
                ));
            }
            TPM_ALG_NULL => {
                return Err(r.malformed("sigAlg", alg_at, "null signature (TPM_ALG_NULL)".into()));
            }
            other => {
                return Err(r.unsupported(
                    "sigAlg",
                    alg_at,
                    format!("signature algorithm {other:#06x}"),
                ));
            }
        }
        let hash_at = r.pos;
        let hash_id = r.u16_be("hash")?;
        let hash = signing_hash(&r, hash_id, hash_at)?;
        let rr = r.tpm2b("signatureR", 128)?;
        let rr = scalar(&r, &bytes[rr.clone()], "signatureR", rr.start - 2)?;
        let ss = r.tpm2b("signatureS", 128)?;
        let ss = scalar(&r, &bytes[ss.clone()], "signatureS", ss.start - 2)?;
        r.finish()?;
        Ok(QuoteSignature::EcdsaP256 { hash, r: rr, s: ss })
    }

    /// DER `SEQUENCE { INTEGER r, INTEGER s }` as `tpm2_quote -f plain` writes;
    /// the hash is not recorded there, so SHA-256 is assumed.
    fn parse_der(bytes: &[u8]) -> Result<QuoteSignature, QuoteError> {
        let sig = EcdsaSignature::from_der(bytes).map_err(|_| QuoteError::Malformed {
            structure: Structure::DerSignature,
            field: "ECDSA-Sig-Value",
            offset: 0,
            reason: "not a DER SEQUENCE of two P-256 INTEGERs".into(),
        })?;
        let (r, s) = sig.split_bytes();
        Ok(QuoteSignature::EcdsaP256 {
            hash: HashAlg::Sha256,
            r: r.into(),
            s: s.into(),
        })
    }

    /// The `TPMT_SIGNATURE` encoding (what tpm2-tools writes by default).
    pub fn to_tpm(&self) -> Vec<u8> {
        match self {
            QuoteSignature::EcdsaP256 { hash, r, s } => {
                let mut out = Vec::with_capacity(8 + 2 * P256_SCALAR);
                out.extend_from_slice(&TPM_ALG_ECDSA.to_be_bytes());
                out.extend_from_slice(&hash.tpm_id().to_be_bytes());
                for scalar in [r, s] {
                    out.extend_from_slice(&(P256_SCALAR as u16).to_be_bytes());
                    out.extend_from_slice(scalar);
                }
                out
            }
        }
    }
}

/// A signature hash omni can verify, or a typed refusal.
fn signing_hash(r: &Reader<'_>, id: u16, at: usize) -> Result<HashAlg, QuoteError> {
    match HashAlg::from_tpm(id) {
        Some(h) if h.can_sign() => Ok(h),
        Some(h) => Err(r.unsupported("hash", at, format!("signature hash {h}"))),
        None => Err(r.unsupported("hash", at, format!("signature hash {id:#06x}"))),
    }
}

/// Left-pads a P-256 scalar to 32 bytes. Some TPMs drop leading zero bytes,
/// others pad; a value that is still longer than 32 bytes after removing
/// leading zeros is not a P-256 scalar.
fn scalar(
    r: &Reader<'_>,
    value: &[u8],
    field: &'static str,
    at: usize,
) -> Result<[u8; P256_SCALAR], QuoteError> {
    let first = value.iter().position(|b| *b != 0).unwrap_or(value.len());
    let value = &value[first..];
    if value.len() > P256_SCALAR {
        return Err(r.unsupported(
            field,
            at,
            format!(
                "{}-byte ECDSA scalar: only P-256 AKs are verified",
                value.len()
            ),
        ));
    }
    let mut out = [0u8; P256_SCALAR];
    out[P256_SCALAR - value.len()..].copy_from_slice(value);
    Ok(out)
}

/// What a `TPMS_ATTEST` attests to.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Attested {
    /// `TPMS_QUOTE_INFO`.
    Quote {
        selection: PcrSelection,
        pcr_digest: Range<usize>,
    },
    /// Any other structure type: its body is kept opaque, since it cannot be
    /// read as a quote (verification reports the wrong type).
    Other,
}

/// A parsed TPM2 quote: the signed `TPMS_ATTEST` bytes and its signature.
///
/// Parsing accepts a wrong magic or type so that [`verify`] can name that
/// failure; every other structural problem is a [`QuoteError`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    attest: Vec<u8>,
    magic: u32,
    attest_type: u16,
    qualified_signer: Range<usize>,
    extra_data: Range<usize>,
    clock_info: ClockInfo,
    firmware_version: u64,
    attested: Attested,
    signature: QuoteSignature,
}

impl Quote {
    /// Parses `TPMS_ATTEST` bytes (`q.msg`) and a signature (`q.sig`, either
    /// tpm2-tools format).
    pub fn parse(attest: &[u8], signature: &[u8]) -> Result<Quote, QuoteError> {
        let signature = QuoteSignature::parse(signature)?;
        Quote::with_signature(attest, signature)
    }

    /// Parses `TPMS_ATTEST` bytes with an already parsed signature.
    pub fn with_signature(attest: &[u8], signature: QuoteSignature) -> Result<Quote, QuoteError> {
        let mut r = Reader::new(attest, Structure::Attest);
        let magic = r.u32_be("magic")?;
        let attest_type = r.u16_be("type")?;
        let qualified_signer = r.tpm2b("qualifiedSigner", MAX_NAME)?;
        let extra_data = r.tpm2b("extraData", MAX_DATA)?;
        let clock = r.u64_be("clockInfo.clock")?;
        let reset_count = r.u32_be("clockInfo.resetCount")?;
        let restart_count = r.u32_be("clockInfo.restartCount")?;
        let safe_at = r.pos;
        let safe = match r.u8("clockInfo.safe")? {
            0 => false,
            1 => true,
            other => {
                return Err(r.malformed(
                    "clockInfo.safe",
                    safe_at,
                    format!("{other} is not a TPMI_YES_NO"),
                ));
            }
        };
        let firmware_version = r.u64_be("firmwareVersion")?;
        let attested = if attest_type == TPM_ST_ATTEST_QUOTE {
            let selection = PcrSelection::read_tpm(&mut r)?;
            let pcr_digest = r.tpm2b("pcrDigest", MAX_DIGEST)?;
            r.finish()?;
            Attested::Quote {
                selection,
                pcr_digest,
            }
        } else {
            Attested::Other
        };
        Ok(Quote {
            attest: attest.to_vec(),
            magic,
            attest_type,
            qualified_signer,
            extra_data,
            clock_info: ClockInfo {
                clock,
                reset_count,
                restart_count,
                safe,
            },
            firmware_version,
            attested,
            signature,
        })
    }

    /// The signed `TPMS_ATTEST` bytes, exactly as given.
    pub fn attest_bytes(&self) -> &[u8] {
        &self.attest
    }

    /// The `magic` field (TPM_GENERATED_VALUE in a genuine quote).
    pub fn magic(&self) -> u32 {
        self.magic
    }

    /// The structure `type` (TPM_ST_ATTEST_QUOTE in a quote).
    pub fn attest_type(&self) -> u16 {
        self.attest_type
    }

    /// `qualifiedSigner`: the qualified name of the AK.
    pub fn qualified_signer(&self) -> &[u8] {
        &self.attest[self.qualified_signer.clone()]
    }

    /// `extraData`: the nonce the quote was asked with.
    pub fn extra_data(&self) -> &[u8] {
        &self.attest[self.extra_data.clone()]
    }

    /// `clockInfo`.
    pub fn clock_info(&self) -> ClockInfo {
        self.clock_info
    }

    /// `firmwareVersion`: vendor-specific TPM firmware version.
    pub fn firmware_version(&self) -> u64 {
        self.firmware_version
    }

    /// The quoted PCR selection; `None` when the structure is not a quote.
    pub fn pcr_selection(&self) -> Option<&PcrSelection> {
        match &self.attested {
            Attested::Quote { selection, .. } => Some(selection),
            Attested::Other => None,
        }
    }

    /// The quoted `pcrDigest`; `None` when the structure is not a quote.
    pub fn pcr_digest(&self) -> Option<&[u8]> {
        match &self.attested {
            Attested::Quote { pcr_digest, .. } => Some(&self.attest[pcr_digest.clone()]),
            Attested::Other => None,
        }
    }

    /// The signature.
    pub fn signature(&self) -> &QuoteSignature {
        &self.signature
    }
}

// ---------------------------------------------------------------------------
// PCR values

/// PCR values by bank and index, each value exactly its bank's digest size.
///
/// Serialized (our JSON) as `{"sha256": {"0": "<hex>", "16": "<hex>"}}`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PcrValues {
    banks: BTreeMap<HashAlg, BTreeMap<u32, Vec<u8>>>,
}

impl PcrValues {
    /// No values.
    pub fn new() -> PcrValues {
        PcrValues::default()
    }

    /// One bank from the plain representation `{pcr → value}`.
    pub fn from_bank(
        hash: HashAlg,
        values: BTreeMap<u32, Vec<u8>>,
    ) -> Result<PcrValues, QuoteError> {
        let mut out = PcrValues::new();
        for (pcr, value) in values {
            out.insert(hash, pcr, value)?;
        }
        Ok(out)
    }

    /// Adds a value, checking the index and the digest size; an index already
    /// present with a different value is refused.
    pub fn insert(&mut self, hash: HashAlg, pcr: u32, value: Vec<u8>) -> Result<(), QuoteError> {
        let bad = |reason: String| QuoteError::PcrValue { reason };
        if pcr >= PCR_COUNT {
            return Err(bad(format!(
                "{hash} PCR {pcr}: index out of range 0..{PCR_COUNT}"
            )));
        }
        if value.len() != hash.size() {
            return Err(bad(format!(
                "{hash} PCR {pcr}: value is {} bytes, {hash} digests are {}",
                value.len(),
                hash.size()
            )));
        }
        let bank = self.banks.entry(hash).or_default();
        match bank.get(&pcr) {
            Some(old) if *old != value => Err(bad(format!(
                "{hash} PCR {pcr} is given twice with different values"
            ))),
            _ => {
                bank.insert(pcr, value);
                Ok(())
            }
        }
    }

    /// The value of one PCR.
    pub fn get(&self, hash: HashAlg, pcr: u32) -> Option<&[u8]> {
        self.banks.get(&hash)?.get(&pcr).map(Vec::as_slice)
    }

    /// One bank in the plain representation.
    pub fn bank(&self, hash: HashAlg) -> Option<&BTreeMap<u32, Vec<u8>>> {
        self.banks.get(&hash)
    }

    /// All banks.
    pub fn banks(&self) -> &BTreeMap<HashAlg, BTreeMap<u32, Vec<u8>>> {
        &self.banks
    }

    /// Number of (bank, PCR) values held.
    pub fn len(&self) -> usize {
        self.banks.values().map(BTreeMap::len).sum()
    }

    /// True when no value is held.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// A selection covering exactly these values, banks in algorithm order.
    pub fn selection(&self) -> PcrSelection {
        let banks = self
            .banks
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(hash, values)| {
                let pcrs = values.keys().fold(0u32, |acc, i| acc | (1 << i));
                // Three bytes (24 PCRs) is what PC-client TPMs use; wider only when needed.
                let size_of_select = if pcrs >> 24 != 0 { 4 } else { 3 };
                PcrBankSelection {
                    hash: *hash,
                    pcrs,
                    size_of_select,
                }
            })
            .collect();
        PcrSelection { banks }
    }

    /// Parses tpm2-tools' serialized PCR file (`tpm2_quote -o`, `-F serialized`,
    /// the default); the layout is in the module documentation.
    pub fn from_tpm2_tools(bytes: &[u8]) -> Result<PcrValues, QuoteError> {
        let mut r = Reader::new(bytes, Structure::PcrFile);
        let at = r.pos;
        let count = r.u32_le("TPML_PCR_SELECTION.count")? as usize;
        if count > MAX_BANKS {
            return Err(r.malformed(
                "TPML_PCR_SELECTION.count",
                at,
                format!("{count} banks exceed the maximum {MAX_BANKS}"),
            ));
        }
        let mut selection = PcrSelection {
            banks: Vec::with_capacity(count),
        };
        for slot in 0..MAX_BANKS {
            let slot_at = r.pos;
            let id = r.u16_le("TPMS_PCR_SELECTION.hash")?;
            let size = r.u8("TPMS_PCR_SELECTION.sizeofSelect")?;
            let bitmap = r.array::<PCR_SELECT_MAX>("TPMS_PCR_SELECTION.pcrSelect")?;
            r.take(1, "TPMS_PCR_SELECTION padding")?;
            // NB: slots past `count` are unused memory in tpm2-tools; only the used ones are read.
            if slot >= count {
                continue;
            }
            let hash = HashAlg::from_tpm(id).ok_or_else(|| {
                r.unsupported(
                    "TPMS_PCR_SELECTION.hash",
                    slot_at,
                    format!("PCR bank algorithm {id:#06x}"),
                )
            })?;
            if usize::from(size) > PCR_SELECT_MAX {
                return Err(r.malformed(
                    "TPMS_PCR_SELECTION.sizeofSelect",
                    slot_at + 2,
                    format!("{size} exceeds the maximum {PCR_SELECT_MAX}"),
                ));
            }
            let pcrs = bitmap_to_u32(&bitmap[..usize::from(size)]);
            selection.banks.push(PcrBankSelection {
                hash,
                pcrs,
                size_of_select: size,
            });
        }
        debug_assert_eq!(r.pos, FILE_SELECTION_BYTES);

        let blocks_at = r.pos;
        let blocks = r.u32_le("TPML_DIGEST count")? as usize;
        // Checked before looping so a huge count cannot make us spin or allocate.
        if blocks.checked_mul(FILE_DIGEST_BLOCK) != Some(r.remaining()) {
            return Err(r.malformed(
                "TPML_DIGEST count",
                blocks_at,
                format!(
                    "{blocks} digest lists need {} bytes, the file has {} left",
                    blocks.saturating_mul(FILE_DIGEST_BLOCK),
                    r.remaining()
                ),
            ));
        }
        let wanted = selection.len();
        let mut slots = selection.iter();
        let mut out = PcrValues::new();
        let mut seen = 0usize;
        for _ in 0..blocks {
            let list_at = r.pos;
            let n = r.u32_le("TPML_DIGEST.count")? as usize;
            if n > DIGESTS_PER_BLOCK {
                return Err(r.malformed(
                    "TPML_DIGEST.count",
                    list_at,
                    format!("{n} digests exceed the maximum {DIGESTS_PER_BLOCK}"),
                ));
            }
            for k in 0..DIGESTS_PER_BLOCK {
                let digest_at = r.pos;
                let size = usize::from(r.u16_le("TPM2B_DIGEST.size")?);
                let buffer = r.take(MAX_DIGEST, "TPM2B_DIGEST.buffer")?;
                if k >= n {
                    continue;
                }
                seen += 1;
                let Some((hash, pcr)) = slots.next() else {
                    return Err(r.malformed(
                        "TPM2B_DIGEST",
                        digest_at,
                        format!("more PCR values than the {wanted} the selection names"),
                    ));
                };
                if size != hash.size() {
                    return Err(r.malformed(
                        "TPM2B_DIGEST.size",
                        digest_at,
                        format!(
                            "{hash} PCR {pcr} value is {size} bytes, {hash} digests are {}",
                            hash.size()
                        ),
                    ));
                }
                out.insert(hash, pcr, buffer[..size].to_vec())
                    .map_err(|e| match e {
                        QuoteError::PcrValue { reason } => {
                            r.malformed("TPM2B_DIGEST", digest_at, reason)
                        }
                        other => other,
                    })?;
            }
        }
        if seen != wanted {
            return Err(r.malformed(
                "TPML_DIGEST",
                blocks_at,
                format!(
                    "the selection {selection} names {wanted} PCRs but the file holds {seen} values"
                ),
            ));
        }
        r.finish()?;
        Ok(out)
    }

    /// Parses `tpm2_quote -F values` output: the selected values concatenated
    /// in selection order, which only the quote's selection can split.
    pub fn from_tpm2_tools_values(
        bytes: &[u8],
        selection: &PcrSelection,
    ) -> Result<PcrValues, QuoteError> {
        let mut r = Reader::new(bytes, Structure::PcrValuesFile);
        let mut out = PcrValues::new();
        for (hash, pcr) in selection.iter() {
            let at = r.pos;
            let value = r.take(hash.size(), "PCR value")?;
            out.insert(hash, pcr, value.to_vec()).map_err(|e| match e {
                QuoteError::PcrValue { reason } => r.malformed("PCR value", at, reason),
                other => other,
            })?;
        }
        r.finish()?;
        Ok(out)
    }

    /// Writes tpm2-tools' serialized PCR file for `selection` (normally the
    /// quote's), so `tpm2_checkquote -f` reads omni's quotes. Fails when a
    /// selected PCR has no value.
    pub fn to_tpm2_tools(&self, selection: &PcrSelection) -> Result<Vec<u8>, QuoteError> {
        if selection.banks.len() > MAX_BANKS {
            return Err(QuoteError::PcrValue {
                reason: format!(
                    "{} banks exceed the maximum {MAX_BANKS}",
                    selection.banks.len()
                ),
            });
        }
        let total = selection.len();
        let blocks = total.div_ceil(DIGESTS_PER_BLOCK);
        let mut out = vec![0u8; FILE_SELECTION_BYTES + 4 + blocks * FILE_DIGEST_BLOCK];
        out[..4].copy_from_slice(&(selection.banks.len() as u32).to_le_bytes());
        for (slot, bank) in selection.banks.iter().enumerate() {
            let at = 4 + slot * FILE_SELECTION_SLOT;
            out[at..at + 2].copy_from_slice(&bank.hash.tpm_id().to_le_bytes());
            out[at + 2] = bank.size_of_select;
            out[at + 3..at + 3 + PCR_SELECT_MAX].copy_from_slice(&bank.pcrs.to_le_bytes());
        }
        let mut at = FILE_SELECTION_BYTES;
        out[at..at + 4].copy_from_slice(&(blocks as u32).to_le_bytes());
        at += 4;
        for (k, (hash, pcr)) in selection.iter().enumerate() {
            let value = self.get(hash, pcr).ok_or_else(|| QuoteError::PcrValue {
                reason: format!("{hash} PCR {pcr} is selected but has no value"),
            })?;
            let block = at + (k / DIGESTS_PER_BLOCK) * FILE_DIGEST_BLOCK;
            let in_block = k % DIGESTS_PER_BLOCK;
            let count = (total - (k - in_block)).min(DIGESTS_PER_BLOCK) as u32;
            out[block..block + 4].copy_from_slice(&count.to_le_bytes());
            let slot = block + 4 + in_block * FILE_DIGEST_SLOT;
            out[slot..slot + 2].copy_from_slice(&(value.len() as u16).to_le_bytes());
            out[slot + 2..slot + 2 + value.len()].copy_from_slice(value);
        }
        at += blocks * FILE_DIGEST_BLOCK;
        debug_assert_eq!(at, out.len());
        Ok(out)
    }
}

type PcrValuesWire = BTreeMap<HashAlg, BTreeMap<u32, String>>;

impl Serialize for PcrValues {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let wire: PcrValuesWire = self
            .banks
            .iter()
            .map(|(h, bank)| (*h, bank.iter().map(|(i, v)| (*i, hex::encode(v))).collect()))
            .collect();
        wire.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for PcrValues {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let wire = PcrValuesWire::deserialize(deserializer)?;
        let mut out = PcrValues::new();
        for (hash, bank) in wire {
            for (pcr, text) in bank {
                let value = decode_hex(&text).ok_or_else(|| {
                    serde::de::Error::custom(format!("{hash} PCR {pcr}: value is not hex"))
                })?;
                out.insert(hash, pcr, value)
                    .map_err(serde::de::Error::custom)?;
            }
        }
        Ok(out)
    }
}

/// Hex with an optional `0x` prefix, either case (Keylime and tpm2-tools print both).
fn decode_hex(text: &str) -> Option<Vec<u8>> {
    let text = text.trim();
    let text = text
        .strip_prefix("0x")
        .or_else(|| text.strip_prefix("0X"))
        .unwrap_or(text);
    hex::decode(text).ok()
}

// ---------------------------------------------------------------------------
// The AK public key

/// `objectAttributes.fixedTPM`: the key cannot leave this TPM.
pub const ATTR_FIXED_TPM: u32 = 1 << 1;
/// `objectAttributes.restricted`: the key signs only TPM-generated structures
/// (or digests the TPM itself computed), never external data that starts
/// with TPM_GENERATED_VALUE.
pub const ATTR_RESTRICTED: u32 = 1 << 16;
/// `objectAttributes.sign`: a signing key.
pub const ATTR_SIGN: u32 = 1 << 18;
/// What an attestation key must have for its quotes to mean anything.
pub const AK_REQUIRED_ATTRIBUTES: u32 = ATTR_FIXED_TPM | ATTR_RESTRICTED | ATTR_SIGN;

const TPM_ALG_RSA: u16 = 0x0001;
const TPM_ALG_ECC: u16 = 0x0023;
const TPM_ECC_NIST_P256: u16 = 0x0003;
const TPM_ALG_ECDAA: u16 = 0x001A;

/// An attestation key's public key: ECC P-256, and its TPM object attributes
/// when known.
///
/// NB: a SubjectPublicKeyInfo PEM does not say whether the key is
/// *restricted*. A non-restricted signing key in the same TPM signs any bytes,
/// including a forged TPMS_ATTEST, and such a forgery passes every check of
/// [`verify`] and `tpm2_checkquote` alike (the tests forge one). Load the key
/// from its `TPM2B_PUBLIC` ([`AkPublic::from_tpm2b_public`]) to have the
/// attributes checked, or establish restriction at enrolment (credential
/// activation against the EK) before trusting a PEM.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AkPublic {
    key: VerifyingKey,
    attributes: Option<u32>,
}

impl AkPublic {
    /// Reads SubjectPublicKeyInfo PEM (`tpm2_createak -f pem`, `tpm2_readpublic -f pem`).
    pub fn from_pem(text: &str) -> Result<AkPublic, QuoteError> {
        VerifyingKey::from_public_key_pem(text.trim())
            .map(|key| AkPublic {
                key,
                attributes: None,
            })
            .map_err(|e| QuoteError::Key {
                reason: format!(
                    "not an ECC P-256 SubjectPublicKeyInfo PEM ({e}); only P-256 AKs are supported"
                ),
            })
    }

    /// Reads SubjectPublicKeyInfo DER.
    pub fn from_der(der: &[u8]) -> Result<AkPublic, QuoteError> {
        VerifyingKey::from_public_key_der(der)
            .map(|key| AkPublic {
                key,
                attributes: None,
            })
            .map_err(|e| QuoteError::Key {
                reason: format!(
                    "not an ECC P-256 SubjectPublicKeyInfo ({e}); only P-256 AKs are supported"
                ),
            })
    }

    /// The key as SubjectPublicKeyInfo PEM, LF line endings (what tpm2-tools writes).
    pub fn to_pem(&self) -> String {
        // NB: encoding a valid P-256 point as SPKI cannot fail.
        self.key
            .to_public_key_pem(LineEnding::LF)
            .unwrap_or_default()
    }

    /// Reads a `TPM2B_PUBLIC` (`tpm2_createak -u ak.pub`, `tpm2_readpublic
    /// -o`, tpm2-tools' default `-f tss`), keeping its object attributes so
    /// [`verify`] can refuse a key that is not a restricted signing key.
    ///
    /// Layout (big-endian): `u16 size`, then TPMT_PUBLIC: `u16 type` (0x0023
    /// ECC), `u16 nameAlg`, `u32 objectAttributes`, `TPM2B authPolicy`,
    /// TPMS_ECC_PARMS { `u16 symmetric` [+ `u16 keyBits, u16 mode`],
    /// `u16 scheme` [+ `u16 hash` (+ `u16 count` for ECDAA)], `u16 curveID`,
    /// `u16 kdf` [+ `u16 hash`] } (bracketed parts absent when the algorithm
    /// is TPM_ALG_NULL), `TPM2B x`, `TPM2B y`.
    pub fn from_tpm2b_public(bytes: &[u8]) -> Result<AkPublic, QuoteError> {
        let mut r = Reader::new(bytes, Structure::Public);
        let size_at = r.pos;
        let size = usize::from(r.u16_be("size")?);
        if size != r.remaining() {
            return Err(r.malformed(
                "size",
                size_at,
                format!("says {size} bytes, {} follow", r.remaining()),
            ));
        }
        let type_at = r.pos;
        match r.u16_be("type")? {
            TPM_ALG_ECC => {}
            TPM_ALG_RSA => {
                return Err(r.unsupported(
                    "type",
                    type_at,
                    "RSA key: only ECC P-256 AKs are verified".into(),
                ));
            }
            other => {
                return Err(r.unsupported("type", type_at, format!("key type {other:#06x}")));
            }
        }
        r.u16_be("nameAlg")?;
        let attributes = r.u32_be("objectAttributes")?;
        r.tpm2b("authPolicy", MAX_DIGEST)?;
        if r.u16_be("parameters.symmetric")? != TPM_ALG_NULL {
            r.take(4, "parameters.symmetric keyBits and mode")?;
        }
        let scheme = r.u16_be("parameters.scheme")?;
        if scheme != TPM_ALG_NULL {
            r.u16_be("parameters.scheme hash")?;
            if scheme == TPM_ALG_ECDAA {
                r.u16_be("parameters.scheme count")?;
            }
        }
        let curve_at = r.pos;
        let curve = r.u16_be("parameters.curveID")?;
        if curve != TPM_ECC_NIST_P256 {
            return Err(r.unsupported(
                "parameters.curveID",
                curve_at,
                format!("curve {curve:#06x}: only NIST P-256 (0x0003) AKs are verified"),
            ));
        }
        if r.u16_be("parameters.kdf")? != TPM_ALG_NULL {
            r.u16_be("parameters.kdf hash")?;
        }
        let x = r.tpm2b("unique.x", 128)?;
        let x = scalar(&r, &bytes[x.clone()], "unique.x", x.start - 2)?;
        let y = r.tpm2b("unique.y", 128)?;
        let y = scalar(&r, &bytes[y.clone()], "unique.y", y.start - 2)?;
        r.finish()?;
        let point = p256::EncodedPoint::from_affine_coordinates(&x.into(), &y.into(), false);
        let key = VerifyingKey::from_encoded_point(&point).map_err(|_| QuoteError::Key {
            reason: "TPM2B_PUBLIC: unique (x, y) is not a point on P-256".into(),
        })?;
        Ok(AkPublic {
            key,
            attributes: Some(attributes),
        })
    }

    /// The TPM `objectAttributes`, when the key was read from a `TPM2B_PUBLIC`.
    pub fn attributes(&self) -> Option<u32> {
        self.attributes
    }

    /// The same key without its attributes (as if read from PEM).
    pub fn same_key(&self, other: &AkPublic) -> bool {
        self.key == other.key
    }

    fn verify(&self, signature: &QuoteSignature, message: &[u8]) -> Result<(), &'static str> {
        match signature {
            QuoteSignature::EcdsaP256 { hash, r, s } => {
                let sig = EcdsaSignature::from_scalars(*r, *s)
                    .map_err(|_| "r or s is zero or not below the P-256 group order")?;
                if *hash == HashAlg::Sha256 {
                    // NB: the same check through ring, whose constant-time
                    // P-256 is about ten times faster than the pure-Rust
                    // path below; ring hashes the message with SHA-256 itself.
                    let mut fixed = [0_u8; 2 * P256_SCALAR];
                    fixed[..P256_SCALAR].copy_from_slice(r);
                    fixed[P256_SCALAR..].copy_from_slice(s);
                    let point = self.key.to_encoded_point(false);
                    return ring::signature::UnparsedPublicKey::new(
                        &ring::signature::ECDSA_P256_SHA256_FIXED,
                        point.as_bytes(),
                    )
                    .verify(message, &fixed)
                    .map_err(|_| "the signature does not verify with this attestation key");
                }
                let mut h = Hasher::new(*hash);
                h.update(message);
                let digest = h.finish();
                // NB: ECDSA accepts both s and n-s; TPMs do not normalise to low-s,
                // so high-s must verify (the signature is not a unique id here).
                self.key
                    .verify_prehash(digest.as_slice(), &sig)
                    .map_err(|_| "the signature does not verify with this attestation key")
            }
        }
    }
}

// ---------------------------------------------------------------------------
// PCR policy

/// Allowed values per PCR, Keylime `tpm_policy` style:
/// `{"<pcr>": ["<hex>", …]}` (a single string is also accepted; Keylime's
/// `"mask"` entry is ignored since the keys already say which PCRs count).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PcrPolicy {
    hash: HashAlg,
    allowed: BTreeMap<u32, Vec<Vec<u8>>>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum PolicyEntry {
    One(String),
    Many(Vec<String>),
}

impl PcrPolicy {
    /// Parses a policy for the sha256 bank.
    pub fn parse_json(text: &str) -> Result<PcrPolicy, QuoteError> {
        Self::parse_json_for(text, HashAlg::Sha256)
    }

    /// Parses a policy whose values are in bank `hash`.
    pub fn parse_json_for(text: &str, hash: HashAlg) -> Result<PcrPolicy, QuoteError> {
        let bad = |reason: String| QuoteError::Policy { reason };
        let raw: BTreeMap<String, serde_json::Value> = serde_json::from_str(text).map_err(|e| {
            bad(format!(
                "not a JSON object of PCR numbers to allowed values: {e}"
            ))
        })?;
        let mut allowed = BTreeMap::new();
        for (key, value) in raw {
            if key == "mask" {
                continue;
            }
            let pcr: u32 =
                key.parse().ok().filter(|p| *p < PCR_COUNT).ok_or_else(|| {
                    bad(format!("key {key:?} is not a PCR number below {PCR_COUNT}"))
                })?;
            let entry: PolicyEntry = serde_json::from_value(value).map_err(|_| {
                bad(format!(
                    "PCR {pcr}: expected a hex string or an array of hex strings"
                ))
            })?;
            let texts = match entry {
                PolicyEntry::One(t) => vec![t],
                PolicyEntry::Many(v) => v,
            };
            if texts.is_empty() {
                return Err(bad(format!(
                    "PCR {pcr}: the list of allowed values is empty"
                )));
            }
            let mut values = Vec::with_capacity(texts.len());
            for t in texts {
                let v =
                    decode_hex(&t).ok_or_else(|| bad(format!("PCR {pcr}: {t:?} is not hex")))?;
                if v.len() != hash.size() {
                    return Err(bad(format!(
                        "PCR {pcr}: {t:?} is {} bytes, {hash} values are {}",
                        v.len(),
                        hash.size()
                    )));
                }
                values.push(v);
            }
            allowed.insert(pcr, values);
        }
        Ok(PcrPolicy { hash, allowed })
    }

    /// A policy from allowed values per PCR of bank `hash`.
    pub fn new(
        hash: HashAlg,
        allowed: BTreeMap<u32, Vec<Vec<u8>>>,
    ) -> Result<PcrPolicy, QuoteError> {
        for (pcr, values) in &allowed {
            if *pcr >= PCR_COUNT
                || values.is_empty()
                || values.iter().any(|v| v.len() != hash.size())
            {
                return Err(QuoteError::Policy {
                    reason: format!(
                        "PCR {pcr}: index out of range, no allowed value, or a value not {} bytes",
                        hash.size()
                    ),
                });
            }
        }
        Ok(PcrPolicy { hash, allowed })
    }

    /// The bank the policy's values are in.
    pub fn hash(&self) -> HashAlg {
        self.hash
    }

    /// Allowed values per PCR.
    pub fn allowed(&self) -> &BTreeMap<u32, Vec<Vec<u8>>> {
        &self.allowed
    }
}

/// Serialized back in the Keylime shape (lowercase hex), bank not included.
impl Serialize for PcrPolicy {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let wire: BTreeMap<String, Vec<String>> = self
            .allowed
            .iter()
            .map(|(pcr, vs)| (pcr.to_string(), vs.iter().map(hex::encode).collect()))
            .collect();
        wire.serialize(serializer)
    }
}

// ---------------------------------------------------------------------------
// Verification

/// The outcome of [`verify`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "verdict", content = "failed", rename_all = "kebab-case")]
pub enum QuoteVerdict {
    /// Every check passed.
    Valid,
    /// The first check that failed.
    Invalid(QuoteCheck),
}

impl QuoteVerdict {
    /// True for [`QuoteVerdict::Valid`].
    pub fn is_valid(&self) -> bool {
        matches!(self, QuoteVerdict::Valid)
    }
}

fn ser_hex<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&hex::encode(bytes))
}

fn ser_hex_list<S: Serializer>(values: &[Vec<u8>], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(values.iter().map(hex::encode))
}

fn ser_hex_u32<S: Serializer>(v: &u32, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&format!("{v:#010x}"))
}

fn ser_hex_u16<S: Serializer>(v: &u16, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&format!("{v:#06x}"))
}

/// The check a quote failed, with what was expected and what was found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "check", rename_all = "kebab-case")]
pub enum QuoteCheck {
    /// The AK is not a fixedTPM, restricted signing key, so a signature by it
    /// proves nothing about the TPM's state.
    AkAttributes {
        /// The key's `objectAttributes`.
        #[serde(serialize_with = "ser_hex_u32")]
        attributes: u32,
        /// The required bits that are clear.
        #[serde(serialize_with = "ser_hex_u32")]
        missing: u32,
    },
    /// `magic` is not TPM_GENERATED_VALUE: the TPM did not produce this structure.
    Magic {
        /// TPM_GENERATED_VALUE.
        #[serde(serialize_with = "ser_hex_u32")]
        expected: u32,
        /// The value in the quote.
        #[serde(serialize_with = "ser_hex_u32")]
        found: u32,
    },
    /// `type` is not TPM_ST_ATTEST_QUOTE.
    Type {
        /// TPM_ST_ATTEST_QUOTE.
        #[serde(serialize_with = "ser_hex_u16")]
        expected: u16,
        /// The value in the quote.
        #[serde(serialize_with = "ser_hex_u16")]
        found: u16,
    },
    /// The signature does not verify with the AK.
    Signature {
        /// Why.
        reason: &'static str,
    },
    /// `extraData` is not the nonce: a replayed or foreign quote.
    Nonce {
        /// The nonce the verifier asked with.
        #[serde(serialize_with = "ser_hex")]
        expected: Vec<u8>,
        /// The quote's `extraData`.
        #[serde(serialize_with = "ser_hex")]
        found: Vec<u8>,
    },
    /// The PCR values supplied are not exactly the PCRs the quote covers.
    Selection {
        /// The quote's selection (`sha256:0,1,2`).
        quoted: String,
        /// The selection of the values supplied.
        supplied: String,
    },
    /// H(PCR values) differs from the quote's `pcrDigest`: a value was changed.
    PcrDigest {
        /// The hash used (the signature's).
        hash: HashAlg,
        /// `pcrDigest` in the quote.
        #[serde(serialize_with = "ser_hex")]
        quoted: Vec<u8>,
        /// The digest of the values supplied.
        #[serde(serialize_with = "ser_hex")]
        computed: Vec<u8>,
    },
    /// A PCR named by the policy was not quoted.
    PolicyMissing {
        /// The bank.
        hash: HashAlg,
        /// The PCR.
        pcr: u32,
    },
    /// A PCR's quoted value is not one the policy allows.
    Policy {
        /// The bank.
        hash: HashAlg,
        /// The PCR.
        pcr: u32,
        /// The allowed values.
        #[serde(serialize_with = "ser_hex_list")]
        expected: Vec<Vec<u8>>,
        /// The quoted value.
        #[serde(serialize_with = "ser_hex")]
        found: Vec<u8>,
    },
}

impl QuoteCheck {
    /// A short stable name for the check (`nonce`, `pcr-digest`, `policy`…).
    pub fn name(&self) -> &'static str {
        match self {
            QuoteCheck::AkAttributes { .. } => "ak-attributes",
            QuoteCheck::Magic { .. } => "magic",
            QuoteCheck::Type { .. } => "type",
            QuoteCheck::Signature { .. } => "signature",
            QuoteCheck::Nonce { .. } => "nonce",
            QuoteCheck::Selection { .. } => "selection",
            QuoteCheck::PcrDigest { .. } => "pcr-digest",
            QuoteCheck::PolicyMissing { .. } => "policy-missing",
            QuoteCheck::Policy { .. } => "policy",
        }
    }
}

impl fmt::Display for QuoteCheck {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            QuoteCheck::AkAttributes {
                attributes,
                missing,
            } => {
                let names: Vec<&str> = [
                    (ATTR_FIXED_TPM, "fixedTPM"),
                    (ATTR_RESTRICTED, "restricted"),
                    (ATTR_SIGN, "sign"),
                ]
                .iter()
                .filter(|(bit, _)| missing & bit != 0)
                .map(|(_, name)| *name)
                .collect();
                write!(
                    f,
                    "the attestation key lacks {} (objectAttributes {attributes:#010x}): \
                     it can sign forged quotes",
                    names.join(", ")
                )
            }
            QuoteCheck::Magic { expected, found } => {
                write!(
                    f,
                    "magic is {found:#010x}, not {expected:#010x}: not generated by a TPM"
                )
            }
            QuoteCheck::Type { expected, found } => {
                write!(
                    f,
                    "structure type is {found:#06x}, not a quote ({expected:#06x})"
                )
            }
            QuoteCheck::Signature { reason } => write!(f, "signature: {reason}"),
            QuoteCheck::Nonce { expected, found } => write!(
                f,
                "nonce mismatch: expected {}, the quote carries {}",
                hex::encode(expected),
                hex::encode(found)
            ),
            QuoteCheck::Selection { quoted, supplied } => write!(
                f,
                "PCR values supplied for {supplied} but the quote covers {quoted}"
            ),
            QuoteCheck::PcrDigest {
                hash,
                quoted,
                computed,
            } => write!(
                f,
                "PCR digest mismatch: the quote says {hash} {}, the values supplied hash to {}",
                hex::encode(quoted),
                hex::encode(computed)
            ),
            QuoteCheck::PolicyMissing { hash, pcr } => {
                write!(
                    f,
                    "policy: {hash} PCR {pcr} is required by the policy but not quoted"
                )
            }
            QuoteCheck::Policy {
                hash, pcr, found, ..
            } => write!(
                f,
                "policy: {hash} PCR {pcr} is {}, which the policy does not allow",
                hex::encode(found)
            ),
        }
    }
}

/// Verifies a quote against PCR values, an AK, the nonce and optionally a
/// policy; the checks and their order are in the module documentation.
pub fn verify(
    quote: &Quote,
    pcrs: &PcrValues,
    ak: &AkPublic,
    nonce: &[u8],
    policy: Option<&PcrPolicy>,
) -> QuoteVerdict {
    match check(quote, pcrs, ak, nonce, policy) {
        Ok(()) => QuoteVerdict::Valid,
        Err(failed) => QuoteVerdict::Invalid(failed),
    }
}

fn check(
    quote: &Quote,
    pcrs: &PcrValues,
    ak: &AkPublic,
    nonce: &[u8],
    policy: Option<&PcrPolicy>,
) -> Result<(), QuoteCheck> {
    // First: if the key could sign anything, nothing below would mean anything.
    if let Some(attributes) = ak.attributes {
        let missing = AK_REQUIRED_ATTRIBUTES & !attributes;
        if missing != 0 {
            return Err(QuoteCheck::AkAttributes {
                attributes,
                missing,
            });
        }
    }
    if quote.magic != TPM_GENERATED_VALUE {
        return Err(QuoteCheck::Magic {
            expected: TPM_GENERATED_VALUE,
            found: quote.magic,
        });
    }
    let Attested::Quote {
        selection,
        pcr_digest,
    } = &quote.attested
    else {
        return Err(QuoteCheck::Type {
            expected: TPM_ST_ATTEST_QUOTE,
            found: quote.attest_type,
        });
    };
    ak.verify(&quote.signature, &quote.attest)
        .map_err(|reason| QuoteCheck::Signature { reason })?;

    if quote.extra_data() != nonce {
        return Err(QuoteCheck::Nonce {
            expected: nonce.to_vec(),
            found: quote.extra_data().to_vec(),
        });
    }

    // Exactly the quoted PCRs: each quoted one present, and no others. The
    // quoted set is the union of the banks' bitmaps (a bank may repeat).
    let mut distinct = 0usize;
    let mut all_present = true;
    for alg in HashAlg::ALL {
        let bits = selection
            .banks
            .iter()
            .filter(|b| b.hash == alg)
            .fold(0u32, |acc, b| acc | b.pcrs);
        distinct += bits.count_ones() as usize;
        let bank = pcrs.bank(alg);
        all_present &= (0..PCR_COUNT)
            .filter(|i| bits & (1 << i) != 0)
            .all(|i| bank.is_some_and(|b| b.contains_key(&i)));
    }
    if !all_present || distinct != pcrs.len() {
        return Err(QuoteCheck::Selection {
            quoted: selection.to_string(),
            supplied: pcrs.selection().to_string(),
        });
    }

    let hash = quote.signature.hash();
    let mut h = Hasher::new(hash);
    for (alg, pcr) in selection.iter() {
        // NB: presence of every quoted value was checked just above.
        h.update(pcrs.get(alg, pcr).unwrap_or_default());
    }
    let computed = h.finish();
    let quoted = &quote.attest[pcr_digest.clone()];
    if computed.as_slice() != quoted {
        return Err(QuoteCheck::PcrDigest {
            hash,
            quoted: quoted.to_vec(),
            computed: computed.as_slice().to_vec(),
        });
    }

    if let Some(policy) = policy {
        for (pcr, allowed) in &policy.allowed {
            let Some(found) = pcrs.get(policy.hash, *pcr) else {
                return Err(QuoteCheck::PolicyMissing {
                    hash: policy.hash,
                    pcr: *pcr,
                });
            };
            if !allowed.iter().any(|v| v == found) {
                return Err(QuoteCheck::Policy {
                    hash: policy.hash,
                    pcr: *pcr,
                    expected: allowed.clone(),
                    found: found.to_vec(),
                });
            }
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// Evidence as carried in JSON

/// Everything needed to verify a quote, in a JSON-friendly shape for a
/// predicate: `attest` and `signature` are standard base64 of `q.msg` and
/// `q.sig` (TPMT_SIGNATURE), `pcrs` is `{"sha256": {"0": "<hex>"}}`, `ak_pem`
/// the AK's SPKI PEM and, optionally, `ak_public` the base64 `TPM2B_PUBLIC`
/// of the same key (then its attributes are checked too).
///
/// NB: the AK here is the one the evidence *claims*; the verifier must still
/// decide that it trusts this AK (enrolment, a pinned key id).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteEvidence {
    /// `TPMS_ATTEST` bytes.
    #[serde(with = "b64")]
    pub attest: Vec<u8>,
    /// `TPMT_SIGNATURE` bytes.
    #[serde(with = "b64")]
    pub signature: Vec<u8>,
    /// The quoted PCR values.
    pub pcrs: PcrValues,
    /// The AK public key, SubjectPublicKeyInfo PEM.
    pub ak_pem: String,
    /// The AK's `TPM2B_PUBLIC`, when known.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "b64_opt")]
    pub ak_public: Option<Vec<u8>>,
}

impl QuoteEvidence {
    /// From tpm2-tools outputs (`q.msg`, `q.sig`, `q.pcrs`, `ak.pem`), checking
    /// that each parses. A `-f plain` signature is stored as TPMT_SIGNATURE.
    pub fn from_tpm2_tools(
        msg: &[u8],
        sig: &[u8],
        pcrs: &[u8],
        ak_pem: &str,
    ) -> Result<Self, QuoteError> {
        let quote = Quote::parse(msg, sig)?;
        let pcrs = PcrValues::from_tpm2_tools(pcrs)?;
        let ak = AkPublic::from_pem(ak_pem)?;
        Ok(QuoteEvidence {
            attest: quote.attest,
            signature: quote.signature.to_tpm(),
            pcrs,
            ak_pem: ak.to_pem(),
            ak_public: None,
        })
    }

    /// Reads tpm2-tools output files; errors name the file (missing → 66, malformed → 65).
    pub fn read_tpm2_tools(
        msg: &Path,
        sig: &Path,
        pcrs: &Path,
        ak_pem: &Path,
    ) -> Result<Self, QuoteError> {
        let msg_bytes = read_file(msg)?;
        let sig_bytes = read_file(sig)?;
        let pcr_bytes = read_file(pcrs)?;
        let pem_bytes = read_file(ak_pem)?;
        // Parsed one by one so that an error names the file at fault.
        let signature = QuoteSignature::parse(&sig_bytes).map_err(in_file(sig))?;
        Quote::with_signature(&msg_bytes, signature).map_err(in_file(msg))?;
        let pcr_values = PcrValues::from_tpm2_tools(&pcr_bytes).map_err(in_file(pcrs))?;
        let pem = std::str::from_utf8(&pem_bytes)
            .map_err(|_| QuoteError::Key {
                reason: "not UTF-8 text".into(),
            })
            .and_then(AkPublic::from_pem)
            .map_err(in_file(ak_pem))?;
        Ok(QuoteEvidence {
            attest: msg_bytes,
            signature: signature.to_tpm(),
            pcrs: pcr_values,
            ak_pem: pem.to_pem(),
            ak_public: None,
        })
    }

    /// The four files `tpm2_checkquote` reads, named as `omni attest quote
    /// --out-dir` writes them: `quote.msg` (TPMS_ATTEST), `quote.sig`
    /// (TPMT_SIGNATURE), `quote.pcrs` (serialized PCR file, in the quote's
    /// selection order) and `ak.pem`. Check them with `tpm2_checkquote -u ak.pem
    /// -m quote.msg -s quote.sig -f quote.pcrs -g <signature hash> -q <nonce>`.
    pub fn tpm2_tools_files(&self) -> Result<[(&'static str, Vec<u8>); 4], QuoteError> {
        let quote = Quote::parse(&self.attest, &self.signature)?;
        let selection = quote.pcr_selection().ok_or_else(|| QuoteError::Malformed {
            structure: Structure::Attest,
            field: "type",
            offset: 4,
            reason: format!("{:#06x} is not a quote", quote.attest_type()),
        })?;
        let pcrs = self.pcrs.to_tpm2_tools(selection)?;
        let ak = self.ak()?.to_pem();
        Ok([
            ("quote.msg", self.attest.clone()),
            ("quote.sig", quote.signature().to_tpm()),
            ("quote.pcrs", pcrs),
            ("ak.pem", ak.into_bytes()),
        ])
    }

    /// Parses and verifies: `Err` only when the evidence is malformed.
    pub fn verify(
        &self,
        nonce: &[u8],
        policy: Option<&PcrPolicy>,
    ) -> Result<QuoteVerdict, QuoteError> {
        let quote = Quote::parse(&self.attest, &self.signature)?;
        let ak = self.ak()?;
        Ok(verify(&quote, &self.pcrs, &ak, nonce, policy))
    }

    /// The AK: from `ak_public` when present (which must be the same key as
    /// `ak_pem`), else from `ak_pem`.
    pub fn ak(&self) -> Result<AkPublic, QuoteError> {
        let pem = AkPublic::from_pem(&self.ak_pem)?;
        let Some(public) = &self.ak_public else {
            return Ok(pem);
        };
        let public = AkPublic::from_tpm2b_public(public)?;
        if !public.same_key(&pem) {
            return Err(QuoteError::Key {
                reason: "ak_public and ak_pem are different keys".into(),
            });
        }
        Ok(public)
    }
}

/// Standard base64 (with padding) for byte fields in JSON.
pub(crate) mod b64 {
    use super::{Base64, Encoding};
    use serde::{Deserialize, Deserializer, Serializer};

    /// Encodes.
    pub fn serialize<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&Base64::encode_string(bytes))
    }

    /// Decodes, refusing non-canonical input.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Base64::decode_vec(&text).map_err(|_| serde::de::Error::custom("invalid base64"))
    }
}

/// [`b64`] for an optional field.
pub(crate) mod b64_opt {
    use super::{Base64, Encoding};
    use serde::{Deserialize, Deserializer, Serializer};

    /// Encodes (the field is skipped when `None`).
    pub fn serialize<S: Serializer>(bytes: &Option<Vec<u8>>, s: S) -> Result<S::Ok, S::Error> {
        match bytes {
            Some(b) => s.serialize_str(&Base64::encode_string(b)),
            None => s.serialize_none(),
        }
    }

    /// Decodes, refusing non-canonical input.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<u8>>, D::Error> {
        let Some(text) = <Option<std::borrow::Cow<'de, str>>>::deserialize(d)? else {
            return Ok(None);
        };
        Base64::decode_vec(&text)
            .map(Some)
            .map_err(|_| serde::de::Error::custom("invalid base64"))
    }
}
