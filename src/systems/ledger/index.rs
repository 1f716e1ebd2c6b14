//! The query index: `<data-dir>/index/entries.idx`, one fixed-size record
//! per log entry, in log order, so that `query`, `blocklist`, `enforce` and
//! the node's decision stream filter compact records and read and parse only
//! the entries that may match.
//!
//! File format (all integers little-endian):
//!
//! ```text
//! header, 32 bytes: "omni-idx" ‖ version u32 (1) ‖ record size u32 (64) ‖ 12 zero bytes ‖ CRC-32C of bytes 0..28
//! record, 64 bytes:
//!   0..8   offset u64       where the entry's record starts in its segment
//!   8..12  length u32       the entry's payload length
//!   12..16 segment u32      position of the segment in the log
//!   16..20 crc u32          the entry's CRC-32C (the log record's checksum)
//!   20..28 time u64         the event's time, Unix seconds (flag TIMED)
//!   28..36 ttl u64          seconds, 0: until removed
//!   36..40 type u32         FNV-1a (32 bits) of the type; the entry's string decides
//!   40..56 source [16]      the address, IPv4 as ::ffff:a.b.c.d
//!   56     prefix u8        in the address's family (0..=32 or 0..=128)
//!   57     severity u8      0 low, 1 medium, 2 high, 3 critical
//!   58     flags u8         1 EVENT (the fields above are the entry's), 2 TIMED, 4 V4, 8 EVIDENCE
//!   59     zero
//!   60..64 CRC-32C of bytes 0..60
//! ```
//!
//! Guarantees:
//! - The index is derived data and is never trusted over the log. A record
//!   counts only when its checksum holds and its (segment, offset, length,
//!   crc) equal the log's own for that entry; from the first record that
//!   fails (or a bad header, or a partial record) the index is rebuilt from
//!   the log, and records beyond the log's end (a torn tail was cut, the log
//!   was replaced) are dropped. So it needs no `fsync`: whatever a crash
//!   leaves of it is checked against the log and repaired on the next open.
//! - The index only selects candidates: an entry it leaves out is one whose
//!   indexed fields positively fail the filter; an entry it could not
//!   index (not an event, an unreadable time) is always a candidate; and
//!   every candidate is read, parsed ([`Event::parse`]) and checked against
//!   the whole filter before it is returned. So a selection equals a full
//!   scan with the same filter.
//! - Only a writer (holding the ledger's lock) writes the file, after each
//!   commit of the log; a failed index write never fails a commit (the
//!   index then lags, and the next open extends it). Readers extend a short
//!   index in memory and never write.
//! - `verify` does not read it.

use std::borrow::Cow;
use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::net::{IpAddr, Ipv6Addr};
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::Deserialize;

use super::event::{Event, Net, Severity};
use super::store::{Log, LogError, Picker, Place};

/// The file's first bytes.
pub const MAGIC: &[u8; 8] = b"omni-idx";
/// The format version this omni reads and writes.
pub const VERSION: u32 = 1;
/// Header bytes.
pub const HEADER: usize = 32;
/// Bytes per record.
pub const RECORD: usize = 64;

const EVENT: u8 = 1;
const TIMED: u8 = 2;
const V4: u8 = 4;
const EVIDENCE: u8 = 8;

/// The index file in a ledger directory.
pub fn file(dir: &Path) -> PathBuf {
    dir.join("index").join("entries.idx")
}

/// FNV-1a, 32 bits: the type's id in a record (stable across versions; a
/// collision only makes an entry a candidate that its parse then drops).
pub fn type_hash(kind: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in kind.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// Unix seconds of an event time, as `blocklist` counts them.
pub fn unix_secs(time: &str) -> Option<u64> {
    crate::runtime::time::parse_rfc3339(time)
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map(|d| d.as_secs())
}

/// What an index record knows of an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fields {
    /// Unix seconds (`None`: the time does not parse).
    pub time: Option<u64>,
    pub ttl: u64,
    pub kind: u32,
    pub source: Net,
    pub severity: Severity,
    pub evidence: bool,
}

/// One entry's record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rec {
    pub place: Place,
    /// `None`: the entry is not an event this index can describe; it is
    /// always a candidate.
    pub fields: Option<Fields>,
}

/// The fields of an entry, read leniently: whatever [`Event::parse`]
/// accepts, this accepts (it only reads fewer fields and checks less).
#[derive(Deserialize)]
struct Peek<'a> {
    #[serde(borrow)]
    time: Cow<'a, str>,
    #[serde(rename = "type", borrow)]
    kind: Cow<'a, str>,
    #[serde(borrow)]
    source: Cow<'a, str>,
    severity: Severity,
    ttl: u64,
}

impl<'a> Peek<'a> {
    /// The fields of a canonical entry read in place, without a JSON
    /// parser (a commit indexes every entry it writes): its first fields
    /// are `{"v":1,"time":…,"type":…,"source":…,"severity":…,"ttl":…,"meta":`
    /// in that order, and a string without a backslash is its own text.
    /// `None` when the entry does not start so; [`Peek::read`] then parses.
    fn fast(mut b: &'a [u8]) -> Option<Peek<'a>> {
        fn lit(b: &mut &[u8], l: &[u8]) -> Option<()> {
            *b = b.strip_prefix(l)?;
            Some(())
        }
        fn string<'a>(b: &mut &'a [u8]) -> Option<&'a str> {
            let end = b.iter().position(|&c| c == b'"' || c == b'\\')?;
            if b[end] != b'"' {
                return None;
            }
            let s = std::str::from_utf8(&b[..end]).ok()?;
            *b = &b[end + 1..];
            Some(s)
        }
        lit(&mut b, b"{\"v\":1,\"time\":\"")?;
        let time = string(&mut b)?;
        lit(&mut b, b",\"type\":\"")?;
        let kind = string(&mut b)?;
        lit(&mut b, b",\"source\":\"")?;
        let source = string(&mut b)?;
        lit(&mut b, b",\"severity\":\"")?;
        let severity = string(&mut b)?.parse().ok()?;
        lit(&mut b, b",\"ttl\":")?;
        let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
        let ttl = std::str::from_utf8(&b[..digits]).ok()?.parse().ok()?;
        b = &b[digits..];
        lit(&mut b, b",\"meta\":")?;
        Some(Peek {
            time: Cow::Borrowed(time),
            kind: Cow::Borrowed(kind),
            source: Cow::Borrowed(source),
            severity,
            ttl,
        })
    }

    fn read(b: &'a [u8]) -> Option<Peek<'a>> {
        Peek::fast(b).or_else(|| serde_json::from_slice(b).ok())
    }
}

impl Rec {
    /// The record of the entry `payload` stored at `place`.
    pub fn of(place: Place, payload: &[u8]) -> Rec {
        let fields = Peek::read(payload).and_then(|p| {
            Some(Fields {
                time: unix_secs(&p.time),
                ttl: p.ttl,
                kind: type_hash(&p.kind),
                source: p.source.parse().ok()?,
                severity: p.severity,
                evidence: p.kind == super::cluster::EVIDENCE,
            })
        });
        Rec { place, fields }
    }

    fn encode(&self, out: &mut Vec<u8>) {
        let start = out.len();
        out.extend_from_slice(&self.place.offset.to_le_bytes());
        out.extend_from_slice(&self.place.len.to_le_bytes());
        out.extend_from_slice(&self.place.segment.to_le_bytes());
        out.extend_from_slice(&self.place.crc.to_le_bytes());
        let f = self.fields;
        let time = f.and_then(|f| f.time).unwrap_or(0);
        out.extend_from_slice(&time.to_le_bytes());
        out.extend_from_slice(&f.map_or(0, |f| f.ttl).to_le_bytes());
        out.extend_from_slice(&f.map_or(0, |f| f.kind).to_le_bytes());
        let (addr, prefix, v4) = match f.map(|f| f.source) {
            Some(Net {
                addr: IpAddr::V4(a),
                prefix,
            }) => (a.to_ipv6_mapped().octets(), prefix, true),
            Some(Net {
                addr: IpAddr::V6(a),
                prefix,
            }) => (a.octets(), prefix, false),
            None => ([0; 16], 0, false),
        };
        out.extend_from_slice(&addr);
        out.push(prefix);
        out.push(f.map_or(0, |f| f.severity as u8));
        let mut flags = 0;
        if let Some(f) = f {
            flags |= EVENT;
            if f.time.is_some() {
                flags |= TIMED;
            }
            if v4 {
                flags |= V4;
            }
            if f.evidence {
                flags |= EVIDENCE;
            }
        }
        out.push(flags);
        out.push(0);
        let crc = crc32c::crc32c(&out[start..]);
        out.extend_from_slice(&crc.to_le_bytes());
    }

    /// A record from its bytes; `None` when anything about it is wrong.
    fn decode(b: &[u8]) -> Option<Rec> {
        let u32_at = |i: usize| u32::from_le_bytes(b[i..i + 4].try_into().expect("4 bytes"));
        let u64_at = |i: usize| u64::from_le_bytes(b[i..i + 8].try_into().expect("8 bytes"));
        if b.len() != RECORD || crc32c::crc32c(&b[..60]) != u32_at(60) || b[59] != 0 {
            return None;
        }
        let place = Place {
            offset: u64_at(0),
            len: u32_at(8),
            segment: u32_at(12),
            crc: u32_at(16),
        };
        let flags = b[58];
        if flags & !(EVENT | TIMED | V4 | EVIDENCE) != 0 {
            return None;
        }
        if flags & EVENT == 0 {
            return (flags == 0).then_some(Rec {
                place,
                fields: None,
            });
        }
        let addr: [u8; 16] = b[40..56].try_into().expect("16 bytes");
        let v6 = Ipv6Addr::from(addr);
        let addr = if flags & V4 != 0 {
            IpAddr::V4(v6.to_ipv4_mapped()?)
        } else {
            IpAddr::V6(v6)
        };
        let prefix = b[56];
        if prefix > if addr.is_ipv4() { 32 } else { 128 } {
            return None;
        }
        let source = Net { addr, prefix };
        let severity = match b[57] {
            0 => Severity::Low,
            1 => Severity::Medium,
            2 => Severity::High,
            3 => Severity::Critical,
            _ => return None,
        };
        Some(Rec {
            place,
            fields: Some(Fields {
                time: (flags & TIMED != 0).then(|| u64_at(20)),
                ttl: u64_at(28),
                kind: u32_at(36),
                source,
                severity,
                evidence: flags & EVIDENCE != 0,
            }),
        })
    }
}

fn header() -> [u8; HEADER] {
    let mut h = [0u8; HEADER];
    h[..8].copy_from_slice(MAGIC);
    h[8..12].copy_from_slice(&VERSION.to_le_bytes());
    h[12..16].copy_from_slice(&(RECORD as u32).to_le_bytes());
    let crc = crc32c::crc32c(&h[..28]);
    h[28..].copy_from_slice(&crc.to_le_bytes());
    h
}

/// What opening the index found and did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Opened {
    /// Records of the file kept (they agree with the log).
    pub kept: u64,
    /// Records of the file dropped: past the log's end, malformed, or
    /// disagreeing with the log (and everything after them).
    pub dropped: u64,
    /// Records built from the log.
    pub added: u64,
    /// Why records were dropped or the file rebuilt, if they were.
    pub reason: Option<String>,
}

/// The index, loaded.
#[derive(Debug)]
pub struct Index {
    path: PathBuf,
    recs: Vec<Rec>,
    /// The file, open for appending (writers only; `None` when it could not
    /// be written).
    file: Option<File>,
    /// Records the file holds (the rest are in memory only).
    on_disk: usize,
}

impl Index {
    /// Loads `path` and brings it in line with `log`: records that agree
    /// with the log are kept, the rest dropped, and what is missing built
    /// from the log. With `write` (the caller holds the ledger's lock), the
    /// file is repaired and extended; without, only the memory is.
    pub fn open(path: &Path, log: &Log, write: bool) -> Result<(Index, Opened), LogError> {
        let mut opened = Opened::default();
        let mut bytes = Vec::new();
        let read = File::open(path).and_then(|mut f| f.read_to_end(&mut bytes));
        let mut header_ok = false;
        let mut recs = Vec::new();
        match read {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => opened.reason = Some(format!("unreadable: {e}")),
            Ok(_) if bytes.len() < HEADER || bytes[..HEADER] != header() => {
                opened.reason = Some(if bytes.len() < HEADER {
                    "an incomplete header".into()
                } else if &bytes[..8] != MAGIC {
                    "not an index file".into()
                } else {
                    let v = u32::from_le_bytes(bytes[8..12].try_into().expect("4 bytes"));
                    format!("a bad header (version {v}, this omni writes {VERSION})")
                });
                opened.dropped = (bytes.len().saturating_sub(HEADER) / RECORD) as u64;
            }
            Ok(_) => {
                header_ok = true;
                let body = &bytes[HEADER..];
                let whole = body.len() / RECORD;
                let places = log.places();
                for (i, chunk) in body.chunks_exact(RECORD).enumerate() {
                    let problem = match Rec::decode(chunk) {
                        None => Some(format!("record {i} is malformed")),
                        Some(_) if i >= places.len() => Some(format!(
                            "{} records past the log's end ({} entries)",
                            whole - i,
                            places.len()
                        )),
                        Some(r) if r.place != places[i] => {
                            Some(format!("record {i} does not describe the log's entry {i}"))
                        }
                        Some(r) => {
                            recs.push(r);
                            None
                        }
                    };
                    if problem.is_some() {
                        opened.reason = problem;
                        break;
                    }
                }
                opened.kept = recs.len() as u64;
                opened.dropped = (whole - recs.len()) as u64;
                if body.len() % RECORD != 0 && opened.reason.is_none() && whole == recs.len() {
                    opened.reason = Some("a partial last record".into());
                }
            }
        }
        // Build what is missing from the log.
        let from = recs.len() as u64;
        let places = log.places();
        let mut picker = log.picker();
        for i in from..log.len() {
            let payload = picker.read(i, i + 1..log.len())?;
            recs.push(Rec::of(places[i as usize], payload));
        }
        opened.added = log.len() - from;
        let mut index = Index {
            path: path.to_path_buf(),
            recs,
            file: None,
            on_disk: opened.kept as usize,
        };
        if write {
            index.file = index.reopen(header_ok, bytes.len()).ok();
            index.flush();
        }
        Ok((index, opened))
    }

    /// Opens the file for appending, cut to the records kept (or created
    /// afresh, through a renamed temporary file, when its header is bad).
    fn reopen(&mut self, header_ok: bool, len: usize) -> std::io::Result<File> {
        let want = (HEADER + self.on_disk * RECORD) as u64;
        if !header_ok {
            if let Some(dir) = self.path.parent() {
                std::fs::create_dir_all(dir)?;
            }
            let tmp = self.path.with_extension("idx.tmp");
            std::fs::write(&tmp, header())?;
            std::fs::rename(&tmp, &self.path)?;
            self.on_disk = 0;
        }
        let file = OpenOptions::new().append(true).open(&self.path)?;
        if header_ok && len as u64 != want {
            file.set_len(want)?;
        }
        Ok(file)
    }

    /// Writes the records the file lacks. On failure the file is cut back
    /// to what it held, and the index stays in memory (the next open
    /// extends the file).
    fn flush(&mut self) {
        let Some(file) = self.file.as_mut() else {
            return;
        };
        if self.on_disk == self.recs.len() {
            return;
        }
        let mut buf = Vec::with_capacity((self.recs.len() - self.on_disk) * RECORD);
        for r in &self.recs[self.on_disk..] {
            r.encode(&mut buf);
        }
        if file.write_all(&buf).is_ok() {
            self.on_disk = self.recs.len();
        } else {
            let cut = file.set_len((HEADER + self.on_disk * RECORD) as u64);
            if cut.is_err() {
                self.file = None;
            }
        }
    }

    /// Indexes entries just appended to `log` (`payloads` are its last).
    pub fn appended(&mut self, log: &Log, payloads: &[Vec<u8>]) {
        let places = log.places();
        let start = places.len() - payloads.len();
        if start != self.recs.len() {
            // Not in step (cannot happen through Ledger): stop writing, the
            // next open repairs the file from the log.
            self.file = None;
            return;
        }
        for (place, p) in places[start..].iter().zip(payloads) {
            self.recs.push(Rec::of(*place, p));
        }
        self.flush();
    }

    /// The records, in log order.
    pub fn records(&self) -> &[Rec] {
        &self.recs
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The entries `filter` may match, in order.
    pub fn candidates(&self, filter: &Filter) -> Vec<u64> {
        let pre = filter.prepared();
        self.recs
            .iter()
            .enumerate()
            .filter(|(_, r)| pre.may_match(r))
            .map(|(i, _)| i as u64)
            .collect()
    }
}

/// Which events to select. Every field that is set must hold.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    /// Only events of this type.
    pub kind: Option<String>,
    /// Only events whose source lies inside this network.
    pub within: Option<Net>,
    /// Only events at least this severe.
    pub min_severity: Option<Severity>,
    /// Only events seen at or after this moment.
    pub since: Option<SystemTime>,
    /// Only events active at this Unix second: TTL 0, or `time + ttl`
    /// later than it.
    pub active_at: Option<u64>,
    /// Leave out the replicas' evidence events.
    pub no_evidence: bool,
}

/// A filter with what its record test needs computed once.
struct Prepared<'a> {
    filter: &'a Filter,
    kind: Option<u32>,
    since: Option<u64>,
}

impl Prepared<'_> {
    /// Whether the entry of `r` may match: false only when its indexed
    /// fields fail the filter.
    fn may_match(&self, r: &Rec) -> bool {
        let Some(e) = &r.fields else {
            return true;
        };
        let f = self.filter;
        if self.kind.is_some_and(|k| k != e.kind)
            || f.min_severity.is_some_and(|m| e.severity < m)
            || f.within.as_ref().is_some_and(|n| !n.contains(&e.source))
            || (f.no_evidence && e.evidence)
        {
            return false;
        }
        let Some(time) = e.time else {
            return true;
        };
        // The seconds are floored: an event of second `since` may still be
        // at or after a `since` inside that second.
        if self.since.is_some_and(|s| time < s) {
            return false;
        }
        !f.active_at
            .is_some_and(|now| e.ttl != 0 && time.saturating_add(e.ttl) <= now)
    }
}

impl Filter {
    fn prepared(&self) -> Prepared<'_> {
        Prepared {
            filter: self,
            kind: self.kind.as_deref().map(type_hash),
            since: self
                .since
                .map(|s| s.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())),
        }
    }

    /// Whether `e` matches: the decision, on the parsed entry.
    pub fn matches(&self, e: &Event) -> bool {
        if self.kind.as_deref().is_some_and(|k| k != e.kind)
            || self.min_severity.is_some_and(|m| e.severity < m)
            || self.within.as_ref().is_some_and(|n| !n.contains(&e.source))
            || (self.no_evidence && e.kind == super::cluster::EVIDENCE)
        {
            return false;
        }
        if let Some(s) = self.since
            && crate::runtime::time::parse_rfc3339(&e.time).is_none_or(|t| t < s)
        {
            return false;
        }
        if let Some(now) = self.active_at {
            let Some(time) = unix_secs(&e.time) else {
                return false;
            };
            if e.ttl != 0 && time.saturating_add(e.ttl) <= now {
                return false;
            }
        }
        true
    }
}

/// The events a filter selects: each candidate the index names, read,
/// parsed and checked; entries that are not events are skipped.
pub struct Select<'a> {
    filter: Filter,
    candidates: Vec<u64>,
    next: usize,
    picker: Picker<'a>,
}

impl<'a> Select<'a> {
    pub(super) fn new(log: &'a Log, index: &Index, filter: &Filter) -> Select<'a> {
        Select {
            candidates: index.candidates(filter),
            filter: filter.clone(),
            next: 0,
            picker: log.picker(),
        }
    }

    /// How many entries the index named as candidates.
    pub fn candidates(&self) -> usize {
        self.candidates.len()
    }
}

impl Iterator for Select<'_> {
    type Item = Result<(u64, Event), LogError>;

    fn next(&mut self) -> Option<Self::Item> {
        while let Some(&i) = self.candidates.get(self.next) {
            self.next += 1;
            let after = self.candidates[self.next..].iter().copied();
            let bytes = match self.picker.read(i, after) {
                Ok(b) => b,
                Err(e) => return Some(Err(e)),
            };
            if let Ok(event) = Event::parse(bytes)
                && self.filter.matches(&event)
            {
                return Some(Ok((i, event)));
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::systems::ledger::event::Body;
    use crate::systems::ledger::{Ledger, init};
    use rand::SeedableRng;

    const NOW: &str = "2026-11-23T10:00:00.000Z";

    fn key() -> ed25519_dalek::SigningKey {
        ed25519_dalek::SigningKey::generate(&mut rand_chacha::ChaCha20Rng::seed_from_u64(3))
    }

    /// A varied set of entries: types, IPv4 and IPv6 hosts and networks,
    /// severities, TTLs and times, an evidence event, and two entries that
    /// are not events.
    fn entries(key: &ed25519_dalek::SigningKey, n: u32) -> Vec<Vec<u8>> {
        let id = crate::runtime::crypto::KeyId::of(&key.verifying_key()).to_hex();
        let kinds = ["malicious_ip", "scanner", "brute_force", "evidence"];
        let mut out = Vec::new();
        for i in 0..n {
            let source = match i % 5 {
                0 => format!("192.0.2.{}", i % 7),
                1 => format!("198.51.{}.0/24", i % 3),
                2 => format!("2001:db8::{:x}", i % 9),
                3 => "2001:db8::/32".to_owned(),
                _ => "10.0.0.0/8".to_owned(),
            };
            let body = Body {
                v: 1,
                time: format!("2026-11-{:02}T10:00:{:02}.500Z", 1 + i % 28, i % 60),
                kind: kinds[(i % 4) as usize].into(),
                source: source.parse().unwrap(),
                severity: [
                    Severity::Low,
                    Severity::Medium,
                    Severity::High,
                    Severity::Critical,
                ][(i % 7 % 4) as usize],
                ttl: [0, 3600, 86_400, 30 * 86_400][(i % 3) as usize],
                meta: serde_json::Map::new(),
                domain: "org-a".into(),
                reporter: id.clone(),
            };
            out.push(body.sign(key).to_entry());
            if i % 17 == 5 {
                out.push(b"not an event".to_vec());
            }
        }
        out
    }

    fn filters() -> Vec<Filter> {
        let t = |s: &str| crate::runtime::time::parse_rfc3339(s).unwrap();
        let now = unix_secs("2026-11-20T00:00:00Z").unwrap();
        vec![
            Filter::default(),
            Filter {
                kind: Some("scanner".into()),
                ..Filter::default()
            },
            Filter {
                within: Some("192.0.2.3".parse().unwrap()),
                ..Filter::default()
            },
            Filter {
                within: Some("2001:db8::/32".parse().unwrap()),
                min_severity: Some(Severity::High),
                ..Filter::default()
            },
            Filter {
                within: Some("0.0.0.0/0".parse().unwrap()),
                ..Filter::default()
            },
            Filter {
                since: Some(t("2026-11-15T10:00:30.600Z")),
                kind: Some("malicious_ip".into()),
                ..Filter::default()
            },
            Filter {
                active_at: Some(now),
                min_severity: Some(Severity::Medium),
                no_evidence: true,
                since: Some(UNIX_EPOCH + std::time::Duration::from_secs(now - 10 * 86_400)),
                ..Filter::default()
            },
            Filter {
                kind: Some("no_such_type".into()),
                ..Filter::default()
            },
        ]
    }

    /// What a full scan (every entry parsed) selects.
    fn scan(l: &Ledger, f: &Filter) -> Vec<(u64, Event)> {
        let mut out = Vec::new();
        l.log()
            .for_each(|i, b| {
                if let Ok(e) = Event::parse(b)
                    && f.matches(&e)
                {
                    out.push((i, e));
                }
                Ok(())
            })
            .unwrap();
        out
    }

    fn selected(l: &Ledger, f: &Filter) -> Vec<(u64, Event)> {
        l.select(f).unwrap().map(Result::unwrap).collect()
    }

    fn assert_same_as_scan(l: &Ledger) {
        for f in filters() {
            let scanned = scan(l, &f);
            assert_eq!(selected(l, &f), scanned, "{f:?}");
        }
    }

    /// A ledger of `n` varied events (appended in three commits).
    fn ledger(dir: &Path, n: u32) -> (Ledger, Vec<Vec<u8>>) {
        let key = key();
        init(dir, "org-a", key.clone(), NOW).unwrap();
        let mut l = Ledger::open(dir, true).unwrap();
        let all = entries(&key, n);
        let third = all.len() / 3;
        l.append_entries(&all[..third]).unwrap();
        l.append_entries(&all[third..2 * third]).unwrap();
        l.append_entries(&all[2 * third..]).unwrap();
        (l, all)
    }

    fn reopen(dir: &Path, write: bool) -> Opened {
        let log = Log::open(&dir.join("log"), false).unwrap();
        let (_, opened) = Index::open(&file(dir), &log, write).unwrap();
        opened
    }

    fn file_records(dir: &Path) -> u64 {
        (std::fs::metadata(file(dir)).unwrap().len() - HEADER as u64) / RECORD as u64
    }

    #[test]
    fn the_fast_reading_agrees_with_the_parser() {
        let key = key();
        for e in entries(&key, 60) {
            let slow: Option<Peek<'_>> = serde_json::from_slice(&e).ok();
            let fast = Peek::fast(&e);
            match (fast, slow) {
                (Some(f), Some(s)) => assert_eq!(
                    (f.time, f.kind, f.source, f.severity, f.ttl),
                    (s.time, s.kind, s.source, s.severity, s.ttl)
                ),
                (None, None) => {}
                (f, s) => panic!("{:?} {:?}", f.is_some(), s.is_some()),
            }
        }
        // Escapes and other shapes go to the parser, which reads them.
        let odd = br#"{"v":1,"time":"2026-01-01T00:00:00Z","type":"a\u0062","source":"192.0.2.1","severity":"low","ttl":5,"meta":{}}"#;
        assert!(Peek::fast(odd).is_none());
        let p = Peek::read(odd).unwrap();
        assert_eq!((&*p.kind, p.ttl), ("ab", 5));
        let spaced = br#"{ "v":1,"time":"2026-01-01T00:00:00Z","type":"a","source":"192.0.2.1","severity":"low","ttl":5}"#;
        assert!(Peek::fast(spaced).is_none());
        assert_eq!(Peek::read(spaced).unwrap().ttl, 5);
        let huge = br#"{"v":1,"time":"t","type":"a","source":"192.0.2.1","severity":"low","ttl":99999999999999999999,"meta":{}}"#;
        assert!(Peek::fast(huge).is_none());
    }

    #[test]
    fn records_round_trip_and_selections_equal_a_full_scan() {
        let dir = tempfile::tempdir().unwrap();
        let (l, all) = ledger(dir.path(), 300);
        // Appending kept the file in step with the log.
        assert_eq!(file_records(dir.path()), all.len() as u64);
        let opened = reopen(dir.path(), false);
        assert_eq!(
            opened,
            Opened {
                kept: all.len() as u64,
                ..Opened::default()
            }
        );
        for r in l.index().unwrap().records() {
            let mut b = Vec::new();
            r.encode(&mut b);
            assert_eq!(Rec::decode(&b), Some(*r));
        }
        assert_same_as_scan(&l);
        // A reader opening afresh selects the same.
        drop(l);
        assert_same_as_scan(&Ledger::open(dir.path(), false).unwrap());
        // The index narrows: one /32 reads a handful of entries.
        let l = Ledger::open(dir.path(), false).unwrap();
        let f = Filter {
            within: Some("192.0.2.3".parse().unwrap()),
            ..Filter::default()
        };
        let sel = l.select(&f).unwrap();
        // (The /32's events, and the entries that are not events.)
        assert!(sel.candidates() < all.len() / 10, "{}", sel.candidates());
        assert!(sel.count() > 0);
    }

    #[test]
    fn a_shorter_index_is_extended_from_the_log() {
        let dir = tempfile::tempdir().unwrap();
        let (l, all) = ledger(dir.path(), 120);
        drop(l);
        let n = all.len() as u64;
        // A crash lost the last records' writes, and half of one more.
        let path = file(dir.path());
        let len = std::fs::metadata(&path).unwrap().len();
        let f = OpenOptions::new().write(true).open(&path).unwrap();
        f.set_len(len - 10 * RECORD as u64 - RECORD as u64 / 2)
            .unwrap();
        drop(f);
        // A reader extends it in memory and leaves the file alone.
        let opened = reopen(dir.path(), false);
        assert_eq!((opened.kept, opened.dropped, opened.added), (n - 11, 0, 11));
        assert_same_as_scan(&Ledger::open(dir.path(), false).unwrap());
        assert_eq!(
            std::fs::metadata(&path).unwrap().len(),
            len - 10 * RECORD as u64 - RECORD as u64 / 2
        );
        // A writer repairs the file.
        let l = Ledger::open(dir.path(), true).unwrap();
        assert_eq!(file_records(dir.path()), n);
        assert_eq!(
            std::fs::metadata(&path).unwrap().len(),
            (HEADER + all.len() * RECORD) as u64
        );
        assert_same_as_scan(&l);
        drop(l);
        // No index at all (a ledger older than the index): built whole.
        std::fs::remove_dir_all(dir.path().join("index")).unwrap();
        let opened = reopen(dir.path(), false);
        assert_eq!((opened.kept, opened.added), (0, n));
        drop(Ledger::open(dir.path(), true).unwrap());
        assert_eq!(reopen(dir.path(), false).kept, n);
    }

    #[test]
    fn a_longer_index_is_cut_to_the_log() {
        let long = tempfile::tempdir().unwrap();
        let (l, all) = ledger(long.path(), 90);
        drop(l);
        // The same first entries in a shorter log (a torn tail cut, or the
        // log rebuilt shorter), with the longer log's index.
        let short = tempfile::tempdir().unwrap();
        init(short.path(), "org-a", key(), NOW).unwrap();
        let mut l = Ledger::open(short.path(), true).unwrap();
        let keep = all.len() / 3;
        l.append_entries(&all[..keep]).unwrap();
        drop(l);
        std::fs::copy(file(long.path()), file(short.path())).unwrap();
        let opened = reopen(short.path(), false);
        assert_eq!(
            (opened.kept, opened.dropped, opened.added),
            (keep as u64, (all.len() - keep) as u64, 0)
        );
        assert!(opened.reason.unwrap().contains("past the log's end"));
        let l = Ledger::open(short.path(), true).unwrap();
        assert_eq!(file_records(short.path()), keep as u64);
        assert_same_as_scan(&l);
        // And the next commit is indexed after them.
        let mut l = l;
        l.append_entries(&all[keep..keep + 5]).unwrap();
        assert_eq!(file_records(short.path()), keep as u64 + 5);
        assert_eq!(reopen(short.path(), false).kept, keep as u64 + 5);
        assert_same_as_scan(&l);
    }

    #[test]
    fn a_corrupt_index_is_rebuilt_from_the_log() {
        let dir = tempfile::tempdir().unwrap();
        let (l, all) = ledger(dir.path(), 100);
        drop(l);
        let n = all.len() as u64;
        let path = file(dir.path());
        let good = std::fs::read(&path).unwrap();
        let check = |expect_kept: u64, why: &str| {
            let opened = reopen(dir.path(), false);
            assert_eq!(opened.kept, expect_kept, "{why}: {opened:?}");
            assert_eq!(opened.added, n - expect_kept, "{why}");
            assert!(opened.reason.is_some(), "{why}");
            assert_same_as_scan(&Ledger::open(dir.path(), false).unwrap());
            let l = Ledger::open(dir.path(), true).unwrap();
            assert_eq!(std::fs::read(&path).unwrap(), good, "{why}: repaired");
            assert_same_as_scan(&l);
        };
        // A flipped byte in record 40: kept up to it, rebuilt from there.
        let mut bad = good.clone();
        bad[HEADER + 40 * RECORD + 37] ^= 1;
        std::fs::write(&path, &bad).unwrap();
        check(40, "a flipped byte");
        // A record whose checksum is right but which describes another
        // entry (the log was replaced): rebuilt from it.
        let mut bad = good.clone();
        let r = HEADER + 7 * RECORD;
        bad[r + 16] ^= 1;
        let crc = crc32c::crc32c(&bad[r..r + 60]);
        bad[r + 60..r + 64].copy_from_slice(&crc.to_le_bytes());
        std::fs::write(&path, &bad).unwrap();
        check(7, "another entry");
        // Another version, a bad header checksum, garbage, a short header.
        let mut bad = good.clone();
        bad[8] = 2;
        std::fs::write(&path, &bad).unwrap();
        check(0, "version 2");
        let mut bad = good.clone();
        bad[29] ^= 1;
        std::fs::write(&path, &bad).unwrap();
        check(0, "header checksum");
        std::fs::write(&path, b"garbage").unwrap();
        check(0, "garbage");
        // A field that no entry could have (a severity of 9).
        let mut bad = good.clone();
        let r = HEADER + 3 * RECORD;
        bad[r + 57] = 9;
        let crc = crc32c::crc32c(&bad[r..r + 60]);
        bad[r + 60..r + 64].copy_from_slice(&crc.to_le_bytes());
        std::fs::write(&path, &bad).unwrap();
        check(3, "severity 9");
    }

    #[test]
    fn an_unwritable_index_never_fails_a_commit() {
        let dir = tempfile::tempdir().unwrap();
        let (l, all) = ledger(dir.path(), 20);
        drop(l);
        // The index's directory is a file: the index cannot be written.
        let ix = dir.path().join("index");
        std::fs::remove_dir_all(&ix).unwrap();
        std::fs::write(&ix, b"").unwrap();
        let mut l = Ledger::open(dir.path(), true).unwrap();
        l.append_entries(&all[..3]).unwrap();
        assert_same_as_scan(&l);
        drop(l);
        std::fs::remove_file(&ix).unwrap();
        let l = Ledger::open(dir.path(), true).unwrap();
        assert_eq!(file_records(dir.path()), all.len() as u64 + 3);
        assert_same_as_scan(&l);
    }
}
