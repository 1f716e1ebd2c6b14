//! The append-only log on disk: segment files of framed records.
//!
//! A record is `length (u32 LE) ‖ CRC-32C of the payload (u32 LE) ‖
//! payload`. Segments are `log/<index of their first record, 20 digits>.seg`,
//! a new one started when the current one passes [`SEGMENT_BYTES`].
//!
//! Guarantees:
//! - [`Log::append`] writes a whole batch, then `fdatasync`s the segment
//!   (and the directory when it made a segment) before it returns: a
//!   record is acknowledged only once it is on disk. One sync per batch is
//!   the group commit.
//! - Opening scans every record. A last record of the last segment that is
//!   incomplete or fails its checksum is a *torn tail*: [`Log::open`]
//!   reports it and, when opened for writing, truncates it away, never
//!   trusting it. Damage anywhere else is [`LogError::Corrupt`], naming the
//!   record.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// A segment is closed once it passes this size.
pub const SEGMENT_BYTES: u64 = 64 << 20;

/// The largest payload a record may carry.
pub const MAX_RECORD: usize = 1 << 20;

const HEADER: usize = 8;

/// Where a record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// Which segment (position in [`Log::segments`]).
    pub segment: u32,
    /// Byte offset of the record's header.
    pub offset: u64,
    /// Payload length.
    pub len: u32,
    /// CRC-32C of the payload (the record's checksum).
    pub crc: u32,
}

/// What was cut from the end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Torn {
    /// The index the torn record would have had.
    pub index: u64,
    /// Bytes after the last good record.
    pub bytes: u64,
    pub reason: String,
}

#[derive(Debug, thiserror::Error)]
pub enum LogError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error("entry {index} ({path}, byte {offset}): {reason}")]
    Corrupt {
        index: u64,
        path: PathBuf,
        offset: u64,
        reason: String,
    },
    #[error("a record of {0} bytes is larger than the {MAX_RECORD}-byte limit")]
    TooLarge(usize),
}

fn io_err(path: &Path) -> impl Fn(io::Error) -> LogError + '_ {
    move |source| LogError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// The log, open.
#[derive(Debug)]
pub struct Log {
    dir: PathBuf,
    /// (first index, path) of each segment, in order.
    segments: Vec<(u64, PathBuf)>,
    places: Vec<Place>,
    /// (length, CRC-32C) → the first record with them: built by the first
    /// [`Log::find_copies`], kept current by [`Log::append`].
    sums: Option<std::collections::HashMap<u64, u64>>,
    /// The last segment, open for appending (writers only).
    active: Option<File>,
    active_len: u64,
    pub torn: Option<Torn>,
}

/// A record's length and CRC-32C as one key.
fn sum(len: u32, crc: u32) -> u64 {
    u64::from(len) << 32 | u64::from(crc)
}

fn segment_name(first: u64) -> String {
    format!("{first:020}.seg")
}

impl Log {
    /// Opens (creating with `write`) the log in `dir`. With `write`, a torn
    /// tail is truncated; without, it is only reported in [`Log::torn`].
    pub fn open(dir: &Path, write: bool) -> Result<Log, LogError> {
        if write {
            std::fs::create_dir_all(dir).map_err(io_err(dir))?;
        }
        let mut segments: Vec<(u64, PathBuf)> = Vec::new();
        match std::fs::read_dir(dir) {
            Ok(entries) => {
                for entry in entries {
                    let entry = entry.map_err(io_err(dir))?;
                    let name = entry.file_name();
                    let Some(first) = name
                        .to_str()
                        .and_then(|n| n.strip_suffix(".seg"))
                        .and_then(|n| n.parse::<u64>().ok())
                    else {
                        continue;
                    };
                    segments.push((first, entry.path()));
                }
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound && !write => {}
            Err(e) => return Err(io_err(dir)(e)),
        }
        segments.sort();
        let mut log = Log {
            dir: dir.to_path_buf(),
            segments,
            places: Vec::new(),
            sums: None,
            active: None,
            active_len: 0,
            torn: None,
        };
        let count = log.segments.len();
        for s in 0..count {
            let (first, path) = log.segments[s].clone();
            if first != log.places.len() as u64 {
                return Err(LogError::Corrupt {
                    index: log.places.len() as u64,
                    path,
                    offset: 0,
                    reason: format!(
                        "the segment starts at entry {first}, but the log has {} entries before it",
                        log.places.len()
                    ),
                });
            }
            let last = s + 1 == count;
            let good = log.scan(s as u32, &path, last)?;
            if last && write {
                // NB: append mode, so every write lands at the end whatever
                // the file position.
                let file = OpenOptions::new()
                    .read(true)
                    .append(true)
                    .open(&path)
                    .map_err(io_err(&path))?;
                let len = file.metadata().map_err(io_err(&path))?.len();
                if len != good {
                    file.set_len(good).map_err(io_err(&path))?;
                    file.sync_all().map_err(io_err(&path))?;
                }
                log.active = Some(file);
                log.active_len = good;
            }
        }
        Ok(log)
    }

    /// Reads a segment's records into `places`; returns the length of its
    /// good prefix.
    fn scan(&mut self, segment: u32, path: &Path, last: bool) -> Result<u64, LogError> {
        let mut data = Vec::new();
        File::open(path)
            .and_then(|mut f| f.read_to_end(&mut data))
            .map_err(io_err(path))?;
        let mut off = 0usize;
        while off < data.len() {
            let index = self.places.len() as u64;
            let problem = if data.len() - off < HEADER {
                Some((true, "an incomplete record header".to_owned()))
            } else {
                let len = u32::from_le_bytes(data[off..off + 4].try_into().expect("4")) as usize;
                let crc = u32::from_le_bytes(data[off + 4..off + 8].try_into().expect("4"));
                if len > MAX_RECORD {
                    Some((
                        false,
                        format!("a record length of {len} bytes is impossible"),
                    ))
                } else if data.len() - off - HEADER < len {
                    Some((
                        true,
                        format!("a record of {len} bytes runs past the end of the file"),
                    ))
                } else if crc32c::crc32c(&data[off + HEADER..off + HEADER + len]) != crc {
                    Some((
                        off + HEADER + len == data.len(),
                        "the record's checksum does not match its bytes".to_owned(),
                    ))
                } else {
                    self.places.push(Place {
                        segment,
                        offset: off as u64,
                        len: len as u32,
                        crc,
                    });
                    off += HEADER + len;
                    None
                }
            };
            if let Some((at_end, reason)) = problem {
                if last && at_end {
                    self.torn = Some(Torn {
                        index,
                        bytes: (data.len() - off) as u64,
                        reason,
                    });
                    return Ok(off as u64);
                }
                return Err(LogError::Corrupt {
                    index,
                    path: path.to_path_buf(),
                    offset: off as u64,
                    reason,
                });
            }
        }
        Ok(off as u64)
    }

    /// How many records the log holds.
    pub fn len(&self) -> u64 {
        self.places.len() as u64
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// Every record, in order, read segment by segment: `f(index, payload)`.
    pub fn for_each(
        &self,
        mut f: impl FnMut(u64, &[u8]) -> Result<(), LogError>,
    ) -> Result<(), LogError> {
        let mut index = 0u64;
        for (s, (_, path)) in self.segments.iter().enumerate() {
            let mut data = Vec::new();
            File::open(path)
                .and_then(|mut f| f.read_to_end(&mut data))
                .map_err(io_err(path))?;
            while let Some(place) = self.places.get(index as usize) {
                if place.segment as usize != s {
                    break;
                }
                let start = place.offset as usize + HEADER;
                let payload = data.get(start..start + place.len as usize).ok_or_else(|| {
                    LogError::Corrupt {
                        index,
                        path: path.clone(),
                        offset: place.offset,
                        reason: "the segment shrank while it was read".into(),
                    }
                })?;
                f(index, payload)?;
                index += 1;
            }
        }
        Ok(())
    }

    /// Every record, a segment at a time: `f(index of the first, payloads)`.
    pub fn for_each_batch(
        &self,
        mut f: impl FnMut(u64, &[&[u8]]) -> Result<(), LogError>,
    ) -> Result<(), LogError> {
        let mut index = 0usize;
        for (s, (_, path)) in self.segments.iter().enumerate() {
            let mut data = Vec::new();
            File::open(path)
                .and_then(|mut f| f.read_to_end(&mut data))
                .map_err(io_err(path))?;
            let first = index;
            let mut batch = Vec::new();
            while let Some(place) = self.places.get(index) {
                if place.segment as usize != s {
                    break;
                }
                let start = place.offset as usize + HEADER;
                batch.push(data.get(start..start + place.len as usize).ok_or_else(|| {
                    LogError::Corrupt {
                        index: index as u64,
                        path: path.clone(),
                        offset: place.offset,
                        reason: "the segment shrank while it was read".into(),
                    }
                })?);
                index += 1;
            }
            f(first as u64, &batch)?;
        }
        Ok(())
    }

    /// One record's payload.
    pub fn read(&self, index: u64) -> Result<Vec<u8>, LogError> {
        let place = *self
            .places
            .get(index as usize)
            .ok_or_else(|| LogError::Corrupt {
                index,
                path: self.dir.clone(),
                offset: 0,
                reason: "no such entry".into(),
            })?;
        let path = &self.segments[place.segment as usize].1;
        let mut file = File::open(path).map_err(io_err(path))?;
        file.seek(SeekFrom::Start(place.offset + HEADER as u64))
            .map_err(io_err(path))?;
        let mut buf = vec![0; place.len as usize];
        file.read_exact(&mut buf).map_err(io_err(path))?;
        Ok(buf)
    }

    /// For each of `payloads`, the index of an identical record already in
    /// the log, if any: candidates by length and CRC-32C (kept for every
    /// record since the open; a table of them is built on the first call,
    /// about 24 bytes a record, and kept current by [`Log::append`]),
    /// confirmed byte for byte. Two records rarely share both; then the
    /// whole record table is searched.
    pub fn find_copies(&mut self, payloads: &[Vec<u8>]) -> Result<Vec<Option<u64>>, LogError> {
        if self.sums.is_none() {
            let mut m = std::collections::HashMap::with_capacity(self.places.len());
            for (i, p) in self.places.iter().enumerate() {
                m.entry(sum(p.len, p.crc)).or_insert(i as u64);
            }
            self.sums = Some(m);
        }
        let sums = self.sums.as_ref().expect("built above");
        let mut out = vec![None; payloads.len()];
        for (k, p) in payloads.iter().enumerate() {
            let (len, crc) = (p.len() as u32, crc32c::crc32c(p));
            let Some(&first) = sums.get(&sum(len, crc)) else {
                continue;
            };
            if self.read(first)? == *p {
                out[k] = Some(first);
                continue;
            }
            for (i, place) in self.places.iter().enumerate().skip(first as usize + 1) {
                if place.len == len && place.crc == crc && self.read(i as u64)? == *p {
                    out[k] = Some(i as u64);
                    break;
                }
            }
        }
        Ok(out)
    }

    /// Appends `payloads` as one batch and syncs: when this returns `Ok`,
    /// every one of them is durable.
    pub fn append(&mut self, payloads: &[Vec<u8>]) -> Result<(), LogError> {
        if let Some(big) = payloads.iter().find(|p| p.len() > MAX_RECORD) {
            return Err(LogError::TooLarge(big.len()));
        }
        let mut new_dir_entry = false;
        if self.active.is_none() || self.active_len >= SEGMENT_BYTES {
            if let Some(old) = self.active.take() {
                old.sync_all().map_err(io_err(&self.dir))?;
            }
            let first = self.len();
            let path = self.dir.join(segment_name(first));
            let file = OpenOptions::new()
                .create_new(true)
                .read(true)
                .append(true)
                .open(&path)
                .map_err(io_err(&path))?;
            self.segments.push((first, path));
            self.active = Some(file);
            self.active_len = 0;
            new_dir_entry = true;
        }
        let segment = (self.segments.len() - 1) as u32;
        let path = self.segments[segment as usize].1.clone();
        let mut buf = Vec::with_capacity(payloads.iter().map(|p| p.len() + HEADER).sum());
        let mut places = Vec::with_capacity(payloads.len());
        for p in payloads {
            let crc = crc32c::crc32c(p);
            places.push(Place {
                segment,
                offset: self.active_len + buf.len() as u64,
                len: p.len() as u32,
                crc,
            });
            buf.extend_from_slice(&(p.len() as u32).to_le_bytes());
            buf.extend_from_slice(&crc.to_le_bytes());
            buf.extend_from_slice(p);
        }
        let file = self.active.as_mut().expect("an active segment");
        if let Err(e) = file.write_all(&buf).and_then(|()| file.sync_data()) {
            // NB: a partial write (a full disk) must not stay: cut back to
            // the last acknowledged record so the log never holds it.
            let _ = file.set_len(self.active_len);
            let _ = file.sync_all();
            return Err(io_err(&path)(e));
        }
        if new_dir_entry {
            File::open(&self.dir)
                .and_then(|d| d.sync_all())
                .map_err(io_err(&self.dir))?;
        }
        self.active_len += buf.len() as u64;
        if let Some(sums) = &mut self.sums {
            let first = self.places.len() as u64;
            for (k, p) in places.iter().enumerate() {
                sums.entry(sum(p.len, p.crc)).or_insert(first + k as u64);
            }
        }
        self.places.extend(places);
        Ok(())
    }

    /// The segment files, in order.
    pub fn segments(&self) -> impl Iterator<Item = &Path> {
        self.segments.iter().map(|(_, p)| p.as_path())
    }

    /// Where each record is, in order (what the index is checked against).
    pub fn places(&self) -> &[Place] {
        &self.places
    }

    /// A reader of chosen records, for a few of many: see [`Picker`].
    pub fn picker(&self) -> Picker<'_> {
        Picker {
            log: self,
            file: None,
            buf: Vec::new(),
            buf_at: (u32::MAX, 0),
        }
    }
}

/// Reads chosen records without reading the rest of the log: one positioned
/// read per run of nearby records (records less than [`Picker::GAP`] bytes
/// apart are read together), one open file per segment.
pub struct Picker<'a> {
    log: &'a Log,
    /// The open segment: (its position, the file).
    file: Option<(u32, File)>,
    buf: Vec<u8>,
    /// (segment, byte offset) of `buf`'s first byte.
    buf_at: (u32, u64),
}

impl Picker<'_> {
    /// Records closer than this are read with one read.
    pub const GAP: u64 = 16 << 10;
    /// The most one read takes.
    pub const SPAN: u64 = 1 << 20;

    /// The payload of record `index`; `next` are the indices to be asked
    /// for after it, in order (they decide how far to read ahead).
    pub fn read(
        &mut self,
        index: u64,
        next: impl IntoIterator<Item = u64>,
    ) -> Result<&[u8], LogError> {
        use std::os::unix::fs::FileExt;
        let place = *self
            .log
            .places
            .get(index as usize)
            .ok_or_else(|| LogError::Corrupt {
                index,
                path: self.log.dir.clone(),
                offset: 0,
                reason: "no such entry".into(),
            })?;
        let start = place.offset + HEADER as u64;
        let end = start + u64::from(place.len);
        let (seg, at) = self.buf_at;
        if !(seg == place.segment && at <= start && end <= at + self.buf.len() as u64) {
            // Extend the read over the following records that are close.
            let mut last = end;
            for i in next {
                let Some(p) = self.log.places.get(i as usize) else {
                    break;
                };
                let p_end = p.offset + HEADER as u64 + u64::from(p.len);
                if p.segment != place.segment
                    || p.offset < last
                    || p.offset - last > Self::GAP
                    || p_end - start > Self::SPAN
                {
                    break;
                }
                last = p_end;
            }
            let path = &self.log.segments[place.segment as usize].1;
            if self.file.as_ref().is_none_or(|(s, _)| *s != place.segment) {
                self.file = Some((place.segment, File::open(path).map_err(io_err(path))?));
            }
            let (_, file) = self.file.as_ref().expect("opened above");
            self.buf.resize((last - start) as usize, 0);
            file.read_exact_at(&mut self.buf, start)
                .map_err(io_err(path))?;
            self.buf_at = (place.segment, start);
        }
        let from = (start - self.buf_at.1) as usize;
        Ok(&self.buf[from..from + place.len as usize])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_round_trip_across_reopens() {
        let dir = tempfile::tempdir().unwrap();
        let mut log = Log::open(dir.path(), true).unwrap();
        log.append(&[b"one".to_vec(), b"two".to_vec()]).unwrap();
        drop(log);
        // Appending after a reopen goes to the end.
        let mut log = Log::open(dir.path(), true).unwrap();
        log.append(&[b"three".to_vec()]).unwrap();
        drop(log);
        let log = Log::open(dir.path(), false).unwrap();
        assert_eq!(log.len(), 3);
        assert_eq!(log.read(2).unwrap(), b"three");
        let mut seen = Vec::new();
        log.for_each(|i, p| {
            seen.push((i, p.to_vec()));
            Ok(())
        })
        .unwrap();
        assert_eq!(seen[1], (1, b"two".to_vec()));
    }

    #[test]
    fn a_torn_tail_is_reported_then_cut_and_middle_damage_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let mut log = Log::open(dir.path(), true).unwrap();
        log.append(&[b"alpha".to_vec(), b"beta".to_vec()]).unwrap();
        let seg = log.segments().next().unwrap().to_path_buf();
        drop(log);
        // Half a record at the end: torn.
        let mut f = OpenOptions::new().append(true).open(&seg).unwrap();
        f.write_all(&[9, 0, 0, 0, 1, 2]).unwrap();
        drop(f);
        let ro = Log::open(dir.path(), false).unwrap();
        assert_eq!(ro.len(), 2);
        assert_eq!(ro.torn.as_ref().unwrap().index, 2);
        let rw = Log::open(dir.path(), true).unwrap();
        assert_eq!(std::fs::metadata(&seg).unwrap().len(), 2 * 8 + 9);
        drop(rw);
        assert!(Log::open(dir.path(), false).unwrap().torn.is_none());
        // A flipped byte in the first record: corrupt, named.
        let mut bytes = std::fs::read(&seg).unwrap();
        bytes[9] ^= 0x20;
        std::fs::write(&seg, &bytes).unwrap();
        match Log::open(dir.path(), false) {
            Err(LogError::Corrupt { index: 0, .. }) => {}
            other => panic!("{other:?}"),
        }
    }
}
