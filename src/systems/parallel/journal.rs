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
    file: File,
    path: PathBuf,
    buf: Vec<u8>,
}

impl Journal {
    /// Opens (creating) the journal at `path` and takes its lock, waiting
    /// for whoever holds it (a `status` folding it, for a moment).
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
        let mut file = &self.file;
        file.write_all(&self.buf).map_err(|e| self.err(e))
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
        Ok(parse(&text))
    }

    /// Empties the journal (after its records reached the store).
    pub fn clear(&mut self) -> Result<(), JournalError> {
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
        match std::fs::remove_file(&self.path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(self.err(e)),
            _ => Ok(()),
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

fn parse(text: &[u8]) -> Vec<Record> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(end) = rest.iter().position(|&b| b == b'\n') {
        let Ok(line) = serde_json::from_slice::<Line>(&rest[..end]) else {
            break;
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
    out
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
