//! Following a log file as fail2ban's pyinotify/polling backends do, safe
//! across rotation: the caller polls (a bounded interval); each poll reads
//! every complete line that is there. When the path names another file
//! (rotation by move and create: a new inode) the old file is read to its
//! end first, its last unterminated line included, then the new one from
//! its start. When the file shrank under the same inode (copytruncate) it is
//! read again from its start.
//!
//! [`Position`] (inode, device, offset of the next unread byte, a hash of
//! the first line) lets a restart continue after the last line it handed
//! out: a saved position is trusted only when the file's first line still
//! hashes the same and the file is at least that long; otherwise the file is
//! new and is read from its start. Lines are handed out whole and once.

use std::fs::File;
use std::io::{Read, Seek, SeekFrom};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// Where reading stopped, as saved between runs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    pub path: PathBuf,
    pub dev: u64,
    pub inode: u64,
    pub offset: u64,
    /// BLAKE3 of the first line (hex, 16 bytes), empty for an empty file.
    pub head: String,
}

/// Where to start when there is no saved position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    Beginning,
    End,
}

/// What a poll saw happen to the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Events {
    pub rotated: bool,
    pub truncated: bool,
}

pub struct Follower {
    path: PathBuf,
    file: File,
    dev: u64,
    inode: u64,
    /// Offset of the first byte not yet handed out (a line start).
    offset: u64,
    pending: Vec<u8>,
    chunk: Vec<u8>,
    head: String,
}

/// How much is read at a time: a large log is read in a few hundred
/// system calls, and lines are handed out from the buffer in place.
const CHUNK: usize = 1 << 18;

/// The hash of a file's first line (up to 4 KiB of it).
fn head_hash(file: &File) -> std::io::Result<String> {
    use std::os::unix::fs::FileExt;
    let mut buf = vec![0u8; 4096];
    let mut n = 0;
    while n < buf.len() {
        let got = file.read_at(&mut buf[n..], n as u64)?;
        if got == 0 {
            break;
        }
        n += got;
    }
    let line = match buf[..n].iter().position(|&b| b == b'\n') {
        Some(i) => &buf[..i],
        None => return Ok(String::new()),
    };
    Ok(hex::encode(&blake3::hash(line).as_bytes()[..16]))
}

impl Follower {
    /// Opens `path`, continuing from `saved` when it still describes this
    /// file, else at `start`.
    pub fn open(path: &Path, saved: Option<&Position>, start: Start) -> std::io::Result<Follower> {
        let mut file = File::open(path)?;
        let meta = file.metadata()?;
        let head = head_hash(&file)?;
        let offset = match saved {
            Some(p) if !p.head.is_empty() && p.head == head && p.offset <= meta.len() => p.offset,
            Some(_) => 0,
            None if start == Start::End => meta.len(),
            None => 0,
        };
        file.seek(SeekFrom::Start(offset))?;
        Ok(Follower {
            path: path.to_path_buf(),
            file,
            dev: meta.dev(),
            inode: meta.ino(),
            offset,
            pending: Vec::new(),
            chunk: vec![0u8; CHUNK],
            head,
        })
    }

    /// The position after the last line handed out.
    pub fn position(&mut self) -> Position {
        if self.head.is_empty() {
            self.head = head_hash(&self.file).unwrap_or_default();
        }
        Position {
            path: self.path.clone(),
            dev: self.dev,
            inode: self.inode,
            offset: self.offset,
            head: self.head.clone(),
        }
    }

    /// Hands every complete line there is to `line` (without its newline),
    /// following rotation and truncation. `line` returns false to stop
    /// early (the rest is read by the next poll).
    pub fn poll(&mut self, line: &mut dyn FnMut(&[u8]) -> bool) -> std::io::Result<Events> {
        let mut events = Events::default();
        if !self.drain(line, false)? {
            return Ok(events);
        }
        match std::fs::metadata(&self.path) {
            // Moved away and not yet re-created: keep the old one.
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
            Ok(meta) if meta.ino() != self.inode || meta.dev() != self.dev => {
                // Rotated: finish the old file (a line written after the
                // move included), then switch.
                if !self.drain(line, true)? {
                    return Ok(events);
                }
                let file = File::open(&self.path)?;
                let meta = file.metadata()?;
                self.file = file;
                self.dev = meta.dev();
                self.inode = meta.ino();
                self.offset = 0;
                self.pending.clear();
                self.head = head_hash(&self.file)?;
                events.rotated = true;
                self.drain(line, false)?;
            }
            Ok(meta)
                if meta.len() < self.offset + self.pending.len() as u64
                    || (!self.head.is_empty() && head_hash(&self.file)? != self.head) =>
            {
                self.file.seek(SeekFrom::Start(0))?;
                self.offset = 0;
                self.pending.clear();
                self.head = head_hash(&self.file)?;
                events.truncated = true;
                self.drain(line, false)?;
            }
            Ok(_) => {}
        }
        Ok(events)
    }

    /// Reads to the end of the current file; `last` also hands out an
    /// unterminated last line. False when `line` asked to stop.
    fn drain(&mut self, line: &mut dyn FnMut(&[u8]) -> bool, last: bool) -> std::io::Result<bool> {
        loop {
            let n = match self.file.read(&mut self.chunk) {
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            };
            if n == 0 {
                break;
            }
            let mut data = &self.chunk[..n];
            while let Some(i) = memchr::memchr(b'\n', data) {
                let len;
                let go = if self.pending.is_empty() {
                    len = i + 1;
                    line(&data[..i])
                } else {
                    self.pending.extend_from_slice(&data[..i]);
                    len = self.pending.len() + 1;
                    let go = line(&self.pending);
                    self.pending.clear();
                    go
                };
                self.offset += len as u64;
                data = &data[i + 1..];
                if !go {
                    // Give back what was read past this line.
                    self.file.seek(SeekFrom::Start(self.offset))?;
                    return Ok(false);
                }
            }
            self.pending.extend_from_slice(data);
        }
        if last && !self.pending.is_empty() {
            let go = line(&self.pending);
            self.offset += self.pending.len() as u64;
            self.pending.clear();
            return Ok(go);
        }
        Ok(true)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn collect(f: &mut Follower) -> (Vec<String>, Events) {
        let mut out = Vec::new();
        let ev = f
            .poll(&mut |l| {
                out.push(String::from_utf8_lossy(l).into_owned());
                true
            })
            .unwrap();
        (out, ev)
    }

    #[test]
    fn rotation_truncation_and_resume() {
        let dir = std::env::temp_dir().join(format!("omni-tail-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("log");
        std::fs::write(&p, "a\nb\npart").unwrap();
        let mut f = Follower::open(&p, None, Start::Beginning).unwrap();
        assert_eq!(collect(&mut f).0, ["a", "b"]);
        let mut w = std::fs::OpenOptions::new().append(true).open(&p).unwrap();
        w.write_all(b"ial\n").unwrap();
        assert_eq!(collect(&mut f).0, ["partial"]);
        // Move and create: a line written to the old file after the move is
        // read before the new file.
        std::fs::rename(&p, dir.join("log.1")).unwrap();
        w.write_all(b"late").unwrap();
        std::fs::write(&p, "new1\n").unwrap();
        let (lines, ev) = collect(&mut f);
        assert_eq!(lines, ["late", "new1"]);
        assert!(ev.rotated);
        // copytruncate
        std::fs::OpenOptions::new()
            .write(true)
            .truncate(true)
            .open(&p)
            .unwrap();
        std::fs::write(&p, "t\n").unwrap();
        let (lines, ev) = collect(&mut f);
        assert_eq!(lines, ["t"]);
        assert!(ev.truncated);
        // Resume from a saved position: nothing twice.
        let pos = f.position();
        std::fs::OpenOptions::new()
            .append(true)
            .open(&p)
            .unwrap()
            .write_all(b"u\n")
            .unwrap();
        let mut g = Follower::open(&p, Some(&pos), Start::Beginning).unwrap();
        assert_eq!(collect(&mut g).0, ["u"]);
        // A different file under the same name is read from its start.
        std::fs::write(&p, "other first line\nz\n").unwrap();
        let mut h = Follower::open(&p, Some(&pos), Start::End).unwrap();
        assert_eq!(collect(&mut h).0, ["other first line", "z"]);
        // No position, from the end: only what comes later.
        let mut e = Follower::open(&p, None, Start::End).unwrap();
        assert!(collect(&mut e).0.is_empty());
        std::fs::remove_dir_all(&dir).ok();
    }
}
