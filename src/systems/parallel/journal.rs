//! A job's journal: task results, appended the moment the scheduler knows
//! them, then folded into the job store in batches.
//!
//! Why it exists: a SQLite commit costs about 100 µs of CPU and several
//! pages of WAL, and the scheduler's thread is what starts the next task. A
//! commit per result made a 10,000-task graph of `true` spend more time in
//! the store than in the tasks; one `write` per result does not.
//!
//! Guarantees:
//! - A result is in the journal before the scheduler waits again or starts
//!   anything that depends on it, so a `kill -9` loses no result the store
//!   would have kept (the same crash durability as the store's WAL with
//!   `synchronous=NORMAL`: a power loss may lose the newest lines).
//! - The process running a job holds an exclusive `flock` on its journal
//!   for the whole run. Whoever takes the lock afterwards (a `resume`, or
//!   `status` of a lost job) first folds what was left into the store.
//! - Folding is idempotent (a result overwrites the task's row), so a fold
//!   cut short between the store's commit and the journal's truncation
//!   only repeats itself next time.
//! - A run folds in the background: every `store_interval` the scheduler
//!   closes the segment it appends to (the journal file itself, then
//!   `journal.1`, `journal.2`, …) and hands its records to a [`Flusher`],
//!   a thread with its own store connection, which commits them and only
//!   then deletes the segment. Segments are read oldest first, so a fold
//!   after a crash replays exactly what had not reached the store.
//! - A line is trusted only whole: the first one without its newline or
//!   that does not parse ends the replay (a torn write after a full disk
//!   or a power loss); nothing after it is guessed at.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{self, Read as _, Write as _};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::store::{CacheEntry, Record, Store, StoreError, TaskRow};
use crate::runtime::error::{Classify, Exit};

/// The journal's file name in a job's log directory.
pub const FILE_NAME: &str = "journal";

#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    #[error("job journal {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Classify for JournalError {
    fn exit(&self) -> Exit {
        match self {
            JournalError::Io { .. } => Exit::IoErr,
            JournalError::Store(e) => e.exit(),
        }
    }
}

/// One line, as written.
#[derive(Serialize)]
struct LineRef<'a> {
    row: &'a TaskRow,
    components: &'a Option<String>,
    cache: &'a Option<CacheEntry>,
    history: &'a Option<(String, f64)>,
}

/// One line, as read.
#[derive(Deserialize)]
struct Line {
    row: TaskRow,
    components: Option<String>,
    cache: Option<CacheEntry>,
    history: Option<(String, f64)>,
}

/// An open, locked journal.
#[derive(Debug)]
pub struct Journal {
    /// The journal file: locked for the run, and the first segment.
    file: File,
    path: PathBuf,
    buf: Vec<u8>,
    /// The segment appends go to: 0 is `file`, n > 0 is `journal.n`.
    segment: u64,
    /// Segment n > 0, once opened.
    current: Option<File>,
    /// Something was appended to the current segment.
    dirty: bool,
}

impl Journal {
    /// Opens (creating) the journal at `path` and takes its lock, waiting
    /// for whoever holds it (a `status` folding it, for a moment). What a
    /// dead run left must be folded ([`Journal::fold_into`]) before the
    /// first append.
    pub fn open(path: &Path) -> Result<Journal, JournalError> {
        let journal = Journal::open_file(path)?;
        journal.file.lock().map_err(|e| journal.err(e))?;
        Ok(journal)
    }

    /// Opens the journal at `path` if it exists and no live process holds
    /// it; `None` otherwise.
    fn try_open(path: &Path) -> Result<Option<Journal>, JournalError> {
        if !path.exists() {
            return Ok(None);
        }
        let journal = Journal::open_file(path)?;
        match journal.file.try_lock() {
            Ok(()) => Ok(Some(journal)),
            Err(TryLockError::WouldBlock) => Ok(None),
            Err(TryLockError::Error(e)) => Err(journal.err(e)),
        }
    }

    fn open_file(path: &Path) -> Result<Journal, JournalError> {
        let file = OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .open(path)
            .map_err(|source| JournalError::Io {
                path: path.to_path_buf(),
                source,
            })?;
        Ok(Journal {
            file,
            path: path.to_path_buf(),
            buf: Vec::new(),
            segment: 0,
            current: None,
            dirty: false,
        })
    }

    fn err(&self, source: io::Error) -> JournalError {
        JournalError::Io {
            path: self.path.clone(),
            source,
        }
    }

    /// Appends `records`, all in one `write`.
    pub fn append(&mut self, records: &[Record]) -> Result<(), JournalError> {
        if records.is_empty() {
            return Ok(());
        }
        self.buf.clear();
        for r in records {
            let line = LineRef {
                row: &r.row,
                components: &r.row.components,
                cache: &r.cache,
                history: &r.history,
            };
            serde_json::to_writer(&mut self.buf, &line).map_err(|e| JournalError::Io {
                path: self.path.clone(),
                source: e.into(),
            })?;
            self.buf.push(b'\n');
        }
        // NB: O_APPEND and one write: a crash leaves whole lines and at most
        // one torn last line, never interleaved ones.
        if self.segment > 0 && self.current.is_none() {
            let path = segment_path(&self.path, self.segment);
            let file = OpenOptions::new()
                .append(true)
                .create(true)
                .open(&path)
                .map_err(|source| JournalError::Io { path, source })?;
            self.current = Some(file);
        }
        let mut file = self.current.as_ref().unwrap_or(&self.file);
        file.write_all(&self.buf).map_err(|e| self.err(e))?;
        self.dirty = true;
        Ok(())
    }

    /// Closes the segment appends went to and returns it (to be discarded
    /// once its records are in the store); later appends go to a new one.
    /// `None` when nothing was appended since the last rotation.
    pub fn rotate(&mut self) -> Option<PathBuf> {
        if !self.dirty {
            return None;
        }
        let closed = segment_path(&self.path, self.segment);
        self.segment += 1;
        self.current = None;
        self.dirty = false;
        Some(closed)
    }

    /// The segments after the journal file itself, oldest first.
    fn segments(&self) -> Result<Vec<PathBuf>, JournalError> {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        let prefix = format!(
            "{}.",
            self.path
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or(FILE_NAME)
        );
        let mut found: Vec<(u64, PathBuf)> = Vec::new();
        let entries = std::fs::read_dir(dir).map_err(|e| self.err(e))?;
        for entry in entries {
            let entry = entry.map_err(|e| self.err(e))?;
            let name = entry.file_name();
            let n = name
                .to_str()
                .and_then(|n| n.strip_prefix(&prefix))
                .and_then(|n| n.parse::<u64>().ok());
            if let Some(n) = n {
                found.push((n, entry.path()));
            }
        }
        found.sort();
        Ok(found.into_iter().map(|(_, p)| p).collect())
    }

    /// The records in the journal, oldest first, up to the first torn or
    /// unreadable line.
    pub fn records(&self) -> Result<Vec<Record>, JournalError> {
        let mut text = Vec::new();
        // NB: reads from the start: the read offset is independent of
        // O_APPEND writes, and nothing else reads this handle.
        let mut file = &self.file;
        std::io::Seek::rewind(&mut file).map_err(|e| self.err(e))?;
        file.read_to_end(&mut text).map_err(|e| self.err(e))?;
        let (mut out, mut whole) = parse(&text);
        for segment in self.segments()? {
            if !whole {
                break;
            }
            let text = match std::fs::read(&segment) {
                Ok(t) => t,
                // Discarded meanwhile (its records reached the store).
                Err(e) if e.kind() == io::ErrorKind::NotFound => continue,
                Err(source) => {
                    return Err(JournalError::Io {
                        path: segment,
                        source,
                    });
                }
            };
            let (more, all) = parse(&text);
            out.extend(more);
            whole = all;
        }
        Ok(out)
    }

    /// Empties the journal (after its records reached the store): the
    /// journal file is truncated, the other segments deleted.
    pub fn clear(&mut self) -> Result<(), JournalError> {
        for segment in self.segments()? {
            discard(&segment, &self.path)?;
        }
        self.segment = 0;
        self.current = None;
        self.dirty = false;
        self.file.set_len(0).map_err(|e| self.err(e))
    }

    /// Folds what the journal holds into `store` (one transaction), then
    /// empties it. Returns how many results it held.
    pub fn fold_into(&mut self, store: &mut Store, job: &str) -> Result<usize, JournalError> {
        let records = self.records()?;
        if !records.is_empty() {
            store.record_tasks(job, &records)?;
            self.clear()?;
        }
        Ok(records.len())
    }

    /// Deletes the journal (the run ended and everything is in the store).
    pub fn remove(self) -> Result<(), JournalError> {
        for segment in self.segments()? {
            discard(&segment, Path::new(""))?;
        }
        match std::fs::remove_file(&self.path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(self.err(e)),
            _ => Ok(()),
        }
    }

    /// The journal file's path (the first segment's).
    pub fn path(&self) -> &Path {
        &self.path
    }
}

fn segment_path(base: &Path, n: u64) -> PathBuf {
    if n == 0 {
        return base.to_path_buf();
    }
    let mut name = base.as_os_str().to_os_string();
    name.push(format!(".{n}"));
    PathBuf::from(name)
}

/// Gets rid of a segment whose records are in the store: the journal file
/// (`base`, which stays, locked) is truncated, another segment deleted.
fn discard(segment: &Path, base: &Path) -> Result<(), JournalError> {
    let io = |source| JournalError::Io {
        path: segment.to_path_buf(),
        source,
    };
    if segment == base {
        return OpenOptions::new()
            .write(true)
            .open(segment)
            .and_then(|f| f.set_len(0))
            .map_err(io);
    }
    match std::fs::remove_file(segment) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(io(e)),
        _ => Ok(()),
    }
}

type Batch = (Vec<Record>, PathBuf);

/// Folds closed journal segments into the store on a thread of its own,
/// with its own connection, in the order they were handed over: the
/// scheduler's thread only appends to the journal. A segment is discarded
/// only after its records are committed.
#[derive(Debug)]
pub struct Flusher {
    tx: Option<std::sync::mpsc::Sender<Batch>>,
    thread: Option<std::thread::JoinHandle<Result<(), JournalError>>>,
}

impl Flusher {
    /// Starts the thread for job `job` of the store at `store`; `base` is
    /// the journal file (truncated, not deleted, when it is a segment).
    pub fn start(store: &Path, job: &str, base: &Path) -> Result<Flusher, JournalError> {
        let (tx, rx) = std::sync::mpsc::channel::<Batch>();
        let (store, job, base) = (store.to_path_buf(), job.to_string(), base.to_path_buf());
        let thread = std::thread::Builder::new()
            .name("omni-store".into())
            .spawn(move || {
                // NB: this thread never handles a child's exit.
                crate::runtime::child::mute_child_signal();
                let mut store = Store::open(&store)?;
                for (records, segment) in rx {
                    store.record_tasks(&job, &records)?;
                    discard(&segment, &base)?;
                }
                Ok(())
            })
            .map_err(|source| JournalError::Io {
                path: PathBuf::from("(store thread)"),
                source,
            })?;
        Ok(Flusher {
            tx: Some(tx),
            thread: Some(thread),
        })
    }

    /// Hands over `records`, all of closed segment `segment`.
    pub fn send(&mut self, records: Vec<Record>, segment: PathBuf) -> Result<(), JournalError> {
        self.check()?;
        match self.tx.as_ref().map(|tx| tx.send((records, segment))) {
            Some(Ok(())) => Ok(()),
            _ => self.join(),
        }
    }

    /// The thread's error, if it stopped on one.
    pub fn check(&mut self) -> Result<(), JournalError> {
        if self.thread.as_ref().is_some_and(|t| t.is_finished()) {
            return self.join();
        }
        Ok(())
    }

    /// Waits until everything handed over is in the store.
    pub fn finish(mut self) -> Result<(), JournalError> {
        self.join()
    }

    fn join(&mut self) -> Result<(), JournalError> {
        self.tx = None;
        match self.thread.take().map(std::thread::JoinHandle::join) {
            Some(Ok(result)) => result,
            Some(Err(panic)) => std::panic::resume_unwind(panic),
            None => Ok(()),
        }
    }
}

impl Drop for Flusher {
    fn drop(&mut self) {
        // NB: an engine error is already on its way: this one would only
        // repeat it (segments not yet folded stay for the next reader).
        self.tx = None;
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Folds the journal at `path` into `store` unless a live run holds it
/// (then the store is at most a moment behind it). Returns how many results
/// it held.
pub fn settle(store: &mut Store, job: &str, path: &Path) -> Result<usize, JournalError> {
    match Journal::try_open(path)? {
        Some(mut j) => j.fold_into(store, job),
        None => Ok(0),
    }
}

/// The records of one segment, and whether all of it was whole.
fn parse(text: &[u8]) -> (Vec<Record>, bool) {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(end) = rest.iter().position(|&b| b == b'\n') {
        let Ok(line) = serde_json::from_slice::<Line>(&rest[..end]) else {
            return (out, false);
        };
        let mut row = line.row;
        row.components = line.components;
        out.push(Record {
            row,
            cache: line.cache,
            history: line.history,
        });
        rest = &rest[end + 1..];
    }
    let whole = rest.is_empty();
    (out, whole)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::systems::parallel::store::TaskState;

    fn record(name: &str, state: TaskState) -> Record {
        let mut row = TaskRow::pending(name);
        row.state = state;
        row.components = Some(format!("[\"{name}\"]"));
        Record {
            row,
            cache: Some(CacheEntry {
                key: format!("k-{name}"),
                task: name.into(),
                components: "[]".into(),
                outputs: [("out.txt".to_string(), "ab".to_string())].into(),
            }),
            history: Some(("true".into(), 0.5)),
        }
    }

    #[test]
    fn records_round_trip_whole() {
        let dir = tempfile::tempdir().unwrap();
        let mut j = Journal::open(&dir.path().join(FILE_NAME)).unwrap();
        j.append(&[record("a", TaskState::Succeeded)]).unwrap();
        j.append(&[
            record("b", TaskState::Failed),
            record("c", TaskState::Skipped),
        ])
        .unwrap();
        let got = j.records().unwrap();
        let names: Vec<_> = got
            .iter()
            .map(|r| (r.row.name.as_str(), r.row.state))
            .collect();
        assert_eq!(
            names,
            [
                ("a", TaskState::Succeeded),
                ("b", TaskState::Failed),
                ("c", TaskState::Skipped)
            ]
        );
        // The fields the row's own JSON leaves out survive the journal.
        assert_eq!(got[0].row.components.as_deref(), Some("[\"a\"]"));
        assert_eq!(got[0].cache.as_ref().unwrap().outputs["out.txt"], "ab");
        assert_eq!(got[0].history, Some(("true".into(), 0.5)));
        j.clear().unwrap();
        assert!(j.records().unwrap().is_empty());
        // Appends after a clear start at the beginning again.
        j.append(&[record("d", TaskState::Succeeded)]).unwrap();
        assert_eq!(j.records().unwrap().len(), 1);
    }

    #[test]
    fn a_torn_tail_ends_the_replay() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        let mut j = Journal::open(&path).unwrap();
        j.append(&[
            record("a", TaskState::Succeeded),
            record("b", TaskState::Succeeded),
        ])
        .unwrap();
        drop(j);
        let whole = std::fs::read(&path).unwrap();
        // Cut inside the second line, then inside the first line's newline.
        let second = whole.iter().position(|&b| b == b'\n').unwrap() + 1;
        for (cut, expect) in [(whole.len() - 1, 1), (second + 5, 1), (second - 1, 0)] {
            std::fs::write(&path, &whole[..cut]).unwrap();
            let j = Journal::open(&path).unwrap();
            assert_eq!(j.records().unwrap().len(), expect, "cut at {cut}");
        }
        // Garbage (a zero-filled tail after a power loss) is not a record,
        // and nothing after it is read.
        let mut bad = whole[..second].to_vec();
        bad.extend_from_slice(&[0; 16]);
        bad.push(b'\n');
        bad.extend_from_slice(&whole[second..]);
        std::fs::write(&path, &bad).unwrap();
        assert_eq!(Journal::open(&path).unwrap().records().unwrap().len(), 1);
    }

    fn store_with_job(dir: &Path, tasks: &[&str]) -> Store {
        let mut store = Store::open(&dir.join("jobs.db")).unwrap();
        let job = crate::systems::parallel::store::Job::new(
            "j1".into(),
            "g.yaml".into(),
            String::new(),
            dir.into(),
            1,
            false,
        );
        let names: Vec<String> = tasks.iter().map(|t| t.to_string()).collect();
        store.create_job(&job, &names).unwrap();
        store
    }

    /// Segments are replayed oldest first (a later record of a task wins),
    /// and a segment handed to the flusher is gone once its records are in
    /// the store, while the next one is still being written.
    #[test]
    fn rotated_segments_fold_in_order_and_the_flusher_discards_them() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        let mut store = store_with_job(dir.path(), &["a", "b"]);
        let mut j = Journal::open(&path).unwrap();
        assert_eq!(j.rotate(), None, "nothing to hand over");
        j.append(&[record("a", TaskState::Running)]).unwrap();
        let first = j.rotate().unwrap();
        assert_eq!(first, path, "the journal file is the first segment");
        j.append(&[record("a", TaskState::Failed)]).unwrap();
        let second = j.rotate().unwrap();
        j.append(&[
            record("a", TaskState::Succeeded),
            record("b", TaskState::Failed),
        ])
        .unwrap();
        let states: Vec<_> = j.records().unwrap().iter().map(|r| r.row.state).collect();
        assert_eq!(
            states,
            [
                TaskState::Running,
                TaskState::Failed,
                TaskState::Succeeded,
                TaskState::Failed
            ]
        );
        // A crash now: the next reader folds all three, newest last.
        drop(j);
        assert_eq!(settle(&mut store, "j1", &path).unwrap(), 4);
        assert_eq!(store.task("j1", "a").unwrap().state, TaskState::Succeeded);
        assert!(!second.exists(), "folded segments are deleted");
        assert_eq!(std::fs::metadata(&path).unwrap().len(), 0);

        // A live run: the flusher commits a closed segment, then drops it.
        let mut j = Journal::open(&path).unwrap();
        let mut flusher = Flusher::start(&dir.path().join("jobs.db"), "j1", &path).unwrap();
        j.append(&[record("b", TaskState::Succeeded)]).unwrap();
        let closed = j.rotate().unwrap();
        flusher
            .send(vec![record("b", TaskState::Succeeded)], closed)
            .unwrap();
        j.append(&[record("a", TaskState::Skipped)]).unwrap();
        flusher.finish().unwrap();
        assert_eq!(store.task("j1", "b").unwrap().state, TaskState::Succeeded);
        assert_eq!(std::fs::metadata(&path).unwrap().len(), 0, "handed over");
        let left: Vec<_> = j
            .records()
            .unwrap()
            .iter()
            .map(|r| r.row.name.clone())
            .collect();
        assert_eq!(left, ["a"], "the open segment stays");
    }

    #[test]
    fn a_held_journal_is_left_to_its_holder() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE_NAME);
        let mut store = Store::open(&dir.path().join("jobs.db")).unwrap();
        let job = crate::systems::parallel::store::Job::new(
            "j1".into(),
            "g.yaml".into(),
            String::new(),
            dir.path().into(),
            1,
            false,
        );
        store.create_job(&job, &["a".into()]).unwrap();
        assert_eq!(
            settle(&mut store, "j1", &path).unwrap(),
            0,
            "no journal yet"
        );

        let mut held = Journal::open(&path).unwrap();
        held.append(&[record("a", TaskState::Succeeded)]).unwrap();
        // A live holder: nothing is folded behind its back.
        assert_eq!(settle(&mut store, "j1", &path).unwrap(), 0);
        assert_eq!(store.task("j1", "a").unwrap().state, TaskState::Pending);
        // The holder died (the lock went with it): the next reader folds.
        drop(held);
        assert_eq!(settle(&mut store, "j1", &path).unwrap(), 1);
        assert_eq!(store.task("j1", "a").unwrap().state, TaskState::Succeeded);
        assert!(store.cache_entry("k-a").unwrap().is_some());
        // Folding emptied it: a second reader finds nothing to do.
        assert_eq!(settle(&mut store, "j1", &path).unwrap(), 0);
    }
}
