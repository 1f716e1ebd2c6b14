//! Security events: what a reporter saw, signed with its Ed25519 key.
//!
//! An entry of the log is the JSON of an [`Event`] (or, later, evidence),
//! exactly the bytes the Merkle leaf hashes. The signature covers
//! `omni-ledger-event-v1\n` followed by the compact JSON of the event
//! without its `sig` field, fields in declaration order and `meta` keys
//! sorted, so any party re-encodes the same bytes.
//!
//! Guarantees: [`Event::check`] accepts only a signature that verifies
//! strictly (`verify_strict`) under the key whose id the event names, and
//! only a source that is a valid IPv4/IPv6 address or CIDR in canonical form
//! (host bits zero); the id of an entry is the first half of its leaf hash.

use std::fmt;
use std::net::IpAddr;
use std::str::FromStr;

use ed25519_dalek::{SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};

use super::merkle;
use crate::runtime::crypto::{self, KeyId, StrictBatch, StrictKey};

/// The signing context: a signature over an event can never be replayed as
/// a signature over anything else omni signs.
pub const SIGNING_CONTEXT: &[u8] = b"omni-ledger-event-v1\n";

/// How bad it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub const WORDS: [&'static str; 4] = ["low", "medium", "high", "critical"];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }
}

impl FromStr for Severity {
    type Err = String;
    fn from_str(s: &str) -> Result<Severity, String> {
        match s {
            "low" => Ok(Severity::Low),
            "medium" => Ok(Severity::Medium),
            "high" => Ok(Severity::High),
            "critical" => Ok(Severity::Critical),
            other => Err(format!(
                "severity {other:?}: expected low, medium, high or critical"
            )),
        }
    }
}

/// An IPv4 or IPv6 network: an address and a prefix length, host bits zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Net {
    pub addr: IpAddr,
    pub prefix: u8,
}

impl Net {
    fn max_prefix(addr: &IpAddr) -> u8 {
        if addr.is_ipv4() { 32 } else { 128 }
    }

    fn bits(addr: &IpAddr) -> u128 {
        match addr {
            IpAddr::V4(a) => u128::from(u32::from(*a)),
            IpAddr::V6(a) => u128::from(*a),
        }
    }

    fn mask(&self) -> u128 {
        let width = u32::from(Net::max_prefix(&self.addr));
        let host = width - u32::from(self.prefix);
        let all = if width == 128 {
            u128::MAX
        } else {
            (1u128 << width) - 1
        };
        if host >= 128 {
            0
        } else {
            all & !((1u128 << host) - 1) & all
        }
    }

    /// Whether `other` lies inside this network (same family).
    pub fn contains(&self, other: &Net) -> bool {
        self.addr.is_ipv4() == other.addr.is_ipv4()
            && other.prefix >= self.prefix
            && Net::bits(&other.addr) & self.mask() == Net::bits(&self.addr)
    }

    /// A single address (/32 or /128).
    pub fn is_host(&self) -> bool {
        self.prefix == Net::max_prefix(&self.addr)
    }
}

impl FromStr for Net {
    type Err = String;

    /// `192.0.2.7`, `192.0.2.0/24`, `2001:db8::1`, `2001:db8::/32`; a
    /// network with host bits set (`192.0.2.7/24`) is refused, as it is
    /// ambiguous.
    fn from_str(s: &str) -> Result<Net, String> {
        let (addr, prefix) = match s.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (s, None),
        };
        let addr: IpAddr = addr
            .parse()
            .map_err(|_| format!("{s:?} is not an IPv4 or IPv6 address or CIDR"))?;
        // An IPv4-mapped IPv6 address names the IPv4 host: one form only.
        let addr = match addr {
            IpAddr::V6(v6) => v6
                .to_ipv4_mapped()
                .map(IpAddr::V4)
                .filter(|_| prefix.is_none())
                .unwrap_or(addr),
            v4 => v4,
        };
        let max = Net::max_prefix(&addr);
        let prefix = match prefix {
            None => max,
            Some(p) => p
                .parse::<u8>()
                .ok()
                .filter(|p| *p <= max)
                .ok_or_else(|| format!("{s:?}: the prefix length must be 0 to {max}"))?,
        };
        let net = Net { addr, prefix };
        if Net::bits(&addr) & net.mask() != Net::bits(&addr) {
            return Err(format!(
                "{s:?} has host bits set: did you mean {}?",
                Net {
                    addr: from_bits(&addr, Net::bits(&addr) & net.mask()),
                    prefix
                }
            ));
        }
        Ok(net)
    }
}

fn from_bits(like: &IpAddr, bits: u128) -> IpAddr {
    match like {
        IpAddr::V4(_) => IpAddr::V4(std::net::Ipv4Addr::from(bits as u32)),
        IpAddr::V6(_) => IpAddr::V6(std::net::Ipv6Addr::from(bits)),
    }
}

impl fmt::Display for Net {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_host() {
            write!(f, "{}", self.addr)
        } else {
            write!(f, "{}/{}", self.addr, self.prefix)
        }
    }
}

impl Serialize for Net {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Net {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Net, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// The event as its reporter signs it (everything but the signature).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Body {
    /// Format version (1).
    pub v: u32,
    /// When the reporter saw it: RFC 3339 UTC.
    pub time: String,
    /// `malicious_ip`, `brute_force`, `scanner`, ... (lower-case word).
    #[serde(rename = "type")]
    pub kind: String,
    pub source: Net,
    pub severity: Severity,
    /// Seconds the event stays active (0: until removed).
    pub ttl: u64,
    /// Free-form details (a JSON object).
    pub meta: serde_json::Map<String, serde_json::Value>,
    /// The reporting organisation.
    pub domain: String,
    /// The reporter's key id (SHA-256 of its public key, hex).
    pub reporter: String,
}

/// A signed event: what the log stores. The same fields as [`Body`], then
/// the signature.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub v: u32,
    pub time: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub source: Net,
    pub severity: Severity,
    pub ttl: u64,
    pub meta: serde_json::Map<String, serde_json::Value>,
    pub domain: String,
    pub reporter: String,
    /// Base64 (standard, padded) Ed25519 signature.
    pub sig: String,
}

/// The signed part of an event, borrowed (serialises like [`Body`]).
#[derive(Serialize)]
struct Unsigned<'a> {
    v: u32,
    time: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    source: &'a Net,
    severity: Severity,
    ttl: u64,
    meta: &'a serde_json::Map<String, serde_json::Value>,
    domain: &'a str,
    reporter: &'a str,
}

fn signing_bytes(unsigned: &Unsigned<'_>) -> Vec<u8> {
    let mut out = SIGNING_CONTEXT.to_vec();
    // NB: serde_json writes struct fields in declaration order and, without
    // the preserve_order feature, map keys sorted: a canonical form.
    serde_json::to_writer(&mut out, unsigned).expect("an event always serialises");
    out
}

impl Body {
    fn unsigned(&self) -> Unsigned<'_> {
        Unsigned {
            v: self.v,
            time: &self.time,
            kind: &self.kind,
            source: &self.source,
            severity: self.severity,
            ttl: self.ttl,
            meta: &self.meta,
            domain: &self.domain,
            reporter: &self.reporter,
        }
    }

    /// The bytes the signature covers.
    pub fn signing_bytes(&self) -> Vec<u8> {
        signing_bytes(&self.unsigned())
    }

    /// Signs the body with `key`, whose id must be `reporter`.
    pub fn sign(self, key: &SigningKey) -> Event {
        let sig = b64(&crypto::sign(key, &self.signing_bytes()).to_bytes());
        Event {
            v: self.v,
            time: self.time,
            kind: self.kind,
            source: self.source,
            severity: self.severity,
            ttl: self.ttl,
            meta: self.meta,
            domain: self.domain,
            reporter: self.reporter,
            sig,
        }
    }
}

/// Why an entry is not a valid event.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EventError {
    #[error("not a valid event: {0}")]
    Malformed(String),
    #[error("signed by {0}, a key this ledger does not trust")]
    UnknownKey(String),
    #[error("the signature does not verify")]
    BadSignature,
}

impl Event {
    /// The log entry: the compact JSON of the event.
    pub fn to_entry(&self) -> Vec<u8> {
        serde_json::to_vec(self).expect("an Event always serialises")
    }

    /// The bytes the signature covers.
    pub fn signing_bytes(&self) -> Vec<u8> {
        signing_bytes(&Unsigned {
            v: self.v,
            time: &self.time,
            kind: &self.kind,
            source: &self.source,
            severity: self.severity,
            ttl: self.ttl,
            meta: &self.meta,
            domain: &self.domain,
            reporter: &self.reporter,
        })
    }

    /// Parses an entry, refusing anything that is not exactly an event.
    pub fn parse(entry: &[u8]) -> Result<Event, EventError> {
        Event::parse_with(entry, &mut Vec::new())
    }

    /// [`Event::parse`], re-encoding into `scratch` (reused across calls by
    /// a caller that parses many entries).
    fn parse_with(entry: &[u8], scratch: &mut Vec<u8>) -> Result<Event, EventError> {
        let event: Event =
            serde_json::from_slice(entry).map_err(|e| EventError::Malformed(e.to_string()))?;
        if event.v != 1 {
            return Err(EventError::Malformed(format!(
                "format version {} (this omni reads 1)",
                event.v
            )));
        }
        // NB: the stored bytes must be the canonical encoding, or two
        // encodings of one event would have two leaf hashes and ids.
        scratch.clear();
        serde_json::to_writer(&mut *scratch, &event).expect("an Event always serialises");
        if scratch[..] != *entry {
            return Err(EventError::Malformed(
                "not in canonical form (field order, spacing or escapes differ)".into(),
            ));
        }
        Ok(event)
    }

    /// Checks the signature with the reporter's key, found by `lookup`.
    pub fn check(&self, lookup: &dyn Fn(&str) -> Option<VerifyingKey>) -> Result<(), EventError> {
        let key =
            lookup(&self.reporter).ok_or_else(|| EventError::UnknownKey(self.reporter.clone()))?;
        if KeyId::of(&key).to_hex() != self.reporter {
            return Err(EventError::UnknownKey(self.reporter.clone()));
        }
        let sig = unb64(&self.sig).ok_or(EventError::BadSignature)?;
        if crypto::verify_bytes(&key, &self.signing_bytes(), &sig) {
            Ok(())
        } else {
            Err(EventError::BadSignature)
        }
    }
}

/// The keys an entry may be signed with, by id, each prepared once for
/// checking many entries ([`check_entry`]).
#[derive(Debug, Default)]
pub struct Verifiers {
    /// (id, key); `None` when the key's real id is not the name it was given
    /// (an entry naming that id then has an unknown key, as in
    /// [`Event::check`]).
    keys: Vec<(String, Option<StrictKey>)>,
}

impl Verifiers {
    /// Trusts `key` under `id`, unless `id` is already named (the first
    /// naming wins, like a lookup that tries the ledger's own key first).
    pub fn insert(&mut self, id: &str, key: &VerifyingKey) {
        if self.keys.iter().any(|(known, _)| known == id) {
            return;
        }
        let prepared = (KeyId::of(key).to_hex() == id).then(|| StrictKey::new(key));
        self.keys.push((id.to_owned(), prepared));
    }

    fn get(&self, id: &str) -> Option<&StrictKey> {
        self.keys
            .iter()
            .find(|(known, _)| known == id)
            .and_then(|(_, k)| k.as_ref())
    }
}

/// Parses `entry` and checks its signature: the same answer, errors
/// included, as [`Event::parse`] followed by [`Event::check`] with a lookup
/// over the same keys, with less work (what `verify` runs per entry).
/// `scratch` is reused across calls.
///
/// The signed bytes are taken from the entry itself: a canonical entry is
/// the unsigned JSON with `,"sig":"<base64>"` before its closing brace (the
/// fields of [`Event`] are those of [`Body`], in the same order, then
/// `sig`), so nothing is serialised a second time.
pub fn check_entry(
    entry: &[u8],
    keys: &Verifiers,
    scratch: &mut Vec<u8>,
) -> Result<(), EventError> {
    if with_signed_parts(entry, keys, scratch, |key, message, sig| {
        key.verify(message, sig)
    })? {
        Ok(())
    } else {
        Err(EventError::BadSignature)
    }
}

/// [`check_entry`] on each of `entries`, with the signatures checked as one
/// [`StrictBatch`] (about a sixth less work each): the same verdicts, in
/// order.
pub fn check_entries(
    entries: &[&[u8]],
    keys: &Verifiers,
    scratch: &mut Vec<u8>,
) -> Vec<Result<(), EventError>> {
    let mut batch = StrictBatch::default();
    let mut results: Vec<Result<(), EventError>> = entries
        .iter()
        .map(|entry| {
            with_signed_parts(entry, keys, scratch, |key, message, sig| {
                batch.push(key, message, sig)
            })
        })
        .collect();
    let mut verdicts = batch.finish().into_iter();
    for result in results.iter_mut().filter(|r| r.is_ok()) {
        if !verdicts.next().expect("one verdict per signature pushed") {
            *result = Err(EventError::BadSignature);
        }
    }
    results
}

/// Parses `entry`, finds its reporter's key and calls `f` with the key, the
/// signed message (in parts) and the signature bytes.
fn with_signed_parts<R>(
    entry: &[u8],
    keys: &Verifiers,
    scratch: &mut Vec<u8>,
    f: impl FnOnce(&StrictKey, &[&[u8]], &[u8]) -> R,
) -> Result<R, EventError> {
    let event = Event::parse_with(entry, scratch)?;
    let key = keys
        .get(&event.reporter)
        .ok_or_else(|| EventError::UnknownKey(event.reporter.clone()))?;
    let sig = unb64(&event.sig).ok_or(EventError::BadSignature)?;
    // NB: base64 needs no JSON escapes, so the field is exactly these bytes.
    let field_len = b",\"sig\":\"".len() + event.sig.len() + b"\"}".len();
    let unsigned = entry
        .len()
        .checked_sub(field_len)
        .map(|end| &entry[..end])
        .filter(|u| entry[u.len()..].starts_with(b",\"sig\":\""));
    Ok(match unsigned {
        Some(unsigned) => f(key, &[SIGNING_CONTEXT, unsigned, b"}"], &sig),
        // Unreachable for a canonical entry; stay correct regardless.
        None => f(key, &[&event.signing_bytes()], &sig),
    })
}

/// The id of an entry: the first 16 bytes of its leaf hash, in hex.
pub fn entry_id(leaf: &merkle::Hash) -> String {
    hex::encode(&leaf[..16])
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

const INVALID: u8 = 0xff;

/// The value of each base64 digit, [`INVALID`] for any other byte.
const B64_VALUE: [u8; 256] = {
    let mut table = [INVALID; 256];
    let mut i = 0;
    while i < 64 {
        table[B64[i] as usize] = i as u8;
        i += 1;
    }
    table
};

/// Standard padded base64 (RFC 4648 section 4).
pub fn b64(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(B64[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Decodes standard padded base64; `None` for anything else (including
/// non-canonical trailing bits).
pub fn unb64(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    if !bytes.len().is_multiple_of(4) {
        return None;
    }
    let value = |c: u8| match B64_VALUE[usize::from(c)] {
        INVALID => None,
        v => Some(u32::from(v)),
    };
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3);
    for (i, quad) in bytes.chunks(4).enumerate() {
        let last = i == bytes.len() / 4 - 1;
        let pad = quad.iter().rev().take_while(|&&c| c == b'=').count();
        if pad > 2 || (pad > 0 && !last) {
            return None;
        }
        let mut n = 0u32;
        for &c in &quad[..4 - pad] {
            n = (n << 6) | value(c)?;
        }
        n <<= 6 * pad as u32;
        let got = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        let keep = 3 - pad;
        // Canonical: the bits dropped by the padding must be zero.
        if pad > 0 && got[keep..].iter().any(|&b| b != 0) {
            return None;
        }
        out.extend_from_slice(&got[..keep]);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    impl Event {
        fn to_entry_string(&self) -> String {
            String::from_utf8(self.to_entry()).unwrap()
        }
    }

    #[test]
    fn base64_matches_rfc4648_vectors() {
        for (raw, enc) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(b64(raw.as_bytes()), enc);
            assert_eq!(unb64(enc).unwrap(), raw.as_bytes());
        }
        assert!(unb64("Zh==").is_none(), "non-zero padding bits");
        assert!(unb64("Zg=").is_none());
        assert!(unb64("Z===").is_none());
        assert!(unb64("Zg==Zg==").is_none());
    }

    #[test]
    fn networks_parse_canonically_and_contain() {
        let n: Net = "192.0.2.0/24".parse().unwrap();
        assert!(n.contains(&"192.0.2.77".parse().unwrap()));
        assert!(!n.contains(&"192.0.3.1".parse().unwrap()));
        assert!(!n.contains(&"2001:db8::1".parse().unwrap()));
        assert_eq!("192.0.2.7".parse::<Net>().unwrap().to_string(), "192.0.2.7");
        assert_eq!(
            "::ffff:192.0.2.7".parse::<Net>().unwrap().to_string(),
            "192.0.2.7"
        );
        let v6: Net = "2001:db8::/32".parse().unwrap();
        assert!(v6.contains(&"2001:db8:ffff::1".parse().unwrap()));
        assert!("0.0.0.0/0".parse::<Net>().unwrap().contains(&n));
        assert!("::/0".parse::<Net>().unwrap().contains(&v6));
        let err = "192.0.2.7/24".parse::<Net>().unwrap_err();
        assert!(err.contains("192.0.2.0/24"), "{err}");
        for bad in [
            "192.0.2.1/33",
            "2001:db8::/129",
            "300.1.1.1",
            "host",
            "1.2.3.4/",
        ] {
            assert!(bad.parse::<Net>().is_err(), "{bad}");
        }
    }

    /// `check_entry` (the fast path `verify` runs) gives exactly the answer
    /// of `Event::parse` then `Event::check`, errors included.
    #[test]
    fn check_entry_agrees_with_parse_and_check() {
        let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(11);
        let key = SigningKey::generate(&mut rng);
        let other = SigningKey::generate(&mut rng);
        let id = KeyId::of(&key.verifying_key()).to_hex();
        let other_id = KeyId::of(&other.verifying_key()).to_hex();
        let pk = key.verifying_key();
        let lookup = |k: &str| (k == id).then_some(pk);
        let mut keys = Verifiers::default();
        keys.insert(&id, &pk);
        // A key filed under an id that is not its own is never used.
        keys.insert(&other_id, &pk);
        let lookup_all = |k: &str| lookup(k).or_else(|| (k == other_id).then_some(pk));
        let mut entries = Vec::new();
        for (i, detail) in ["plain", "quote \" and \\", "caf\u{e9} \u{1}\t</x>", ""]
            .iter()
            .enumerate()
        {
            let mut meta = serde_json::Map::new();
            meta.insert("detail".into(), (*detail).into());
            meta.insert("n".into(), i.into());
            let body = |reporter: &str| Body {
                v: 1,
                time: "2026-11-23T10:00:00.000Z".into(),
                kind: "scanner".into(),
                source: "2001:db8::/32".parse().unwrap(),
                severity: Severity::Low,
                ttl: i as u64,
                meta: meta.clone(),
                domain: "org-\"b\"".into(),
                reporter: reporter.into(),
            };
            let good = body(&id).sign(&key);
            let text = String::from_utf8(good.to_entry()).unwrap();
            entries.push(text.clone());
            entries.push(text.replace("\"low\"", "\"high\""));
            entries.push(text.replacen("{\"v\":1", "{ \"v\":1", 1));
            entries.push(body(&other_id).sign(&other).to_entry_string());
            for sig in [
                "",
                "AAAA",
                "not base64!",
                &b64(&[0u8; 63]),
                &b64(&[0u8; 64]),
            ] {
                let mut e = good.clone();
                e.sig = sig.into();
                entries.push(e.to_entry_string());
            }
        }
        entries.push("{}".into());
        entries.push("[1]".into());
        let mut scratch = Vec::new();
        let mut singles = Vec::new();
        for entry in &entries {
            let slow = Event::parse(entry.as_bytes()).and_then(|e| e.check(&lookup_all));
            let fast = check_entry(entry.as_bytes(), &keys, &mut scratch);
            assert_eq!(fast, slow, "{entry}");
            singles.push(fast);
        }
        // All at once, as `verify` checks them: the same answers, in order.
        let all: Vec<&[u8]> = entries.iter().map(|e| e.as_bytes()).collect();
        assert_eq!(check_entries(&all, &keys, &mut scratch), singles);
        assert!(singles.iter().any(|r| r.is_ok()) && singles.iter().any(|r| r.is_err()));
        assert!(check_entry(entries[0].as_bytes(), &keys, &mut scratch).is_ok());
    }

    #[test]
    fn events_sign_verify_and_refuse_tampering() {
        let key = SigningKey::generate(&mut rand_chacha::ChaCha20Rng::seed_from_u64(7));
        let id = KeyId::of(&key.verifying_key()).to_hex();
        let mut meta = serde_json::Map::new();
        meta.insert("attempts".into(), 5.into());
        let event = Body {
            v: 1,
            time: "2026-11-23T10:00:00.000Z".into(),
            kind: "malicious_ip".into(),
            source: "192.168.1.100".parse().unwrap(),
            severity: Severity::High,
            ttl: 86_400,
            meta,
            domain: "org-a".into(),
            reporter: id.clone(),
        }
        .sign(&key);
        let pk = key.verifying_key();
        let lookup = |k: &str| (k == id).then_some(pk);
        let entry = event.to_entry();
        let parsed = Event::parse(&entry).unwrap();
        parsed.check(&lookup).unwrap();
        let text = String::from_utf8(entry.clone()).unwrap();
        assert!(text.starts_with("{\"v\":1,\"time\":"), "{text}");
        // Any change to a signed field breaks the signature.
        let forged = Event::parse(text.replace("\"high\"", "\"low\"").as_bytes()).unwrap();
        assert_eq!(forged.check(&lookup), Err(EventError::BadSignature));
        // Re-encoded (not canonical) bytes are refused.
        let spaced = text.replacen("{\"v\":1", "{ \"v\":1", 1);
        assert!(Event::parse(spaced.as_bytes()).is_err());
        // A key the ledger does not know.
        assert!(matches!(
            parsed.check(&|_| None),
            Err(EventError::UnknownKey(_))
        ));
    }
}
