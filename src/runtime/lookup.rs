//! Where a program named without a slash lives: the first executable
//! regular file of that name in the directories of a PATH, as `execvp`
//! finds it, remembered like a shell's command hash, and forgotten the
//! moment any directory of that PATH changes.
//!
//! Why: executing `true` with a PATH of nine directories costs eight failed
//! `execve` calls in the child, every time, while the parent waits for the
//! exec (3.5% of a 10,000-task graph's wall time here). With the location
//! known, the child makes one.
//!
//! Guarantees:
//! - The answer is what a search would give now: every directory of a
//!   cached PATH is watched with inotify (entries created, removed, renamed,
//!   their mode changed, the directory itself removed or moved) before it is
//!   searched, and any event empties the cache before the next answer. So a
//!   program one task installs early in PATH is what the next task runs.
//! - A PATH with a relative or empty entry (which depends on the working
//!   directory), a directory that does not exist (it could appear), or no
//!   inotify is not cached: the answer is `None` and the caller searches as
//!   before.
//! - Not covered: a symbolic link in a PATH directory whose *target* appears
//!   or disappears later (the event happens elsewhere). The caller falls
//!   back to the shell when an exec fails, so a stale answer costs time, not
//!   correctness.

use std::collections::HashMap;
use std::ffi::{CString, OsStr, OsString};
use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::ffi::OsStrExt as _;
use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

struct State {
    /// The inotify instance; `None` once it could not be made.
    inotify: Option<OwnedFd>,
    /// Directories being watched.
    watched: std::collections::HashSet<PathBuf>,
    /// (PATH, program) → where it is (`None`: nowhere).
    found: HashMap<(OsString, String), Option<PathBuf>>,
    tried: bool,
}

static STATE: std::sync::LazyLock<Mutex<State>> = std::sync::LazyLock::new(|| {
    Mutex::new(State {
        inotify: None,
        watched: std::collections::HashSet::new(),
        found: HashMap::new(),
        tried: false,
    })
});

const EVENTS: u32 = libc::IN_CREATE
    | libc::IN_DELETE
    | libc::IN_MOVED_FROM
    | libc::IN_MOVED_TO
    | libc::IN_ATTRIB
    | libc::IN_DELETE_SELF
    | libc::IN_MOVE_SELF
    | libc::IN_ONLYDIR;

/// Where `program` is on `search` (a PATH value): `Some(Some(path))` found,
/// `Some(None)` on no directory of it, `None` when the answer cannot be
/// kept exact (module docs) and the caller should search itself.
pub fn locate(search: &OsStr, program: &str) -> Option<Option<PathBuf>> {
    if program.is_empty() || program.contains('/') {
        return None;
    }
    let dirs: Vec<&Path> = search
        .as_bytes()
        .split(|&b| b == b':')
        .map(|d| Path::new(OsStr::from_bytes(d)))
        .collect();
    if dirs.iter().any(|d| !d.is_absolute()) {
        return None;
    }
    let mut state = STATE.lock().unwrap_or_else(|e| e.into_inner());
    if !state.tried {
        state.tried = true;
        // SAFETY: inotify_init1 takes flags and returns a new descriptor.
        let fd = unsafe { libc::inotify_init1(libc::IN_NONBLOCK | libc::IN_CLOEXEC) };
        // SAFETY: a fresh descriptor we own.
        state.inotify = (fd >= 0).then(|| unsafe { OwnedFd::from_raw_fd(fd) });
    }
    let fd = state.inotify.as_ref()?.as_raw_fd();
    if changed(fd) {
        // NB: watches too: a removed directory's watch is gone, and one
        // made again at its path must be watched anew.
        state.found.clear();
        state.watched.clear();
    }
    let key = (search.to_os_string(), program.to_string());
    if let Some(known) = state.found.get(&key) {
        return Some(known.clone());
    }
    // Watch first, then search: a change after the search is an event.
    for dir in &dirs {
        if state.watched.contains(*dir) {
            continue;
        }
        let c = CString::new(dir.as_os_str().as_bytes()).ok()?;
        // SAFETY: `c` is a valid C string; `fd` is our inotify instance.
        if unsafe { libc::inotify_add_watch(fd, c.as_ptr(), EVENTS) } < 0 {
            // Missing (it could appear) or unwatchable: not cacheable.
            return None;
        }
        state.watched.insert(dir.to_path_buf());
    }
    let hit = dirs.iter().map(|d| d.join(program)).find(|p| {
        std::fs::metadata(p).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    });
    // A change during the search may have been missed by it: answer, but
    // keep nothing (the next call sees the event and searches again).
    if changed(fd) {
        state.found.clear();
        state.watched.clear();
    } else {
        state.found.insert(key, hit.clone());
    }
    Some(hit)
}

/// Forgets everything known (after an exec of a remembered path failed).
pub fn forget() {
    STATE
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .found
        .clear();
}

/// Drains the inotify queue; true when it held any event (or overflowed).
fn changed(fd: libc::c_int) -> bool {
    let mut any = false;
    let mut buf = [0_u8; 4096];
    loop {
        // SAFETY: `buf` is valid for its length.
        let n = unsafe { libc::read(fd, buf.as_mut_ptr().cast(), buf.len()) };
        if n > 0 {
            any = true;
            continue;
        }
        if n < 0 && io::Error::last_os_error().kind() == io::ErrorKind::Interrupted {
            continue;
        }
        return any;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn script(dir: &Path, name: &str) -> PathBuf {
        let path = dir.join(name);
        std::fs::write(&path, "#!/bin/sh\n").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        path
    }

    #[test]
    fn finds_like_execvp_and_sees_changes_at_once() {
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let search = std::env::join_paths([a.path(), b.path()]).unwrap();
        let name = "omni-lookup-test-tool";
        assert_eq!(locate(&search, name), Some(None), "nowhere yet");
        let late = script(b.path(), name);
        assert_eq!(
            locate(&search, name),
            Some(Some(late.clone())),
            "created later"
        );
        // Not executable, or not a file: skipped, as execvp skips them.
        std::fs::write(a.path().join(name), "x").unwrap();
        assert_eq!(locate(&search, name), Some(Some(late.clone())));
        // Made executable earlier in PATH: found there from now on.
        std::fs::set_permissions(a.path().join(name), std::fs::Permissions::from_mode(0o755))
            .unwrap();
        assert_eq!(locate(&search, name), Some(Some(a.path().join(name))));
        std::fs::remove_file(a.path().join(name)).unwrap();
        assert_eq!(locate(&search, name), Some(Some(late)));
    }

    #[test]
    fn uncacheable_paths_are_left_to_the_caller() {
        let a = tempfile::tempdir().unwrap();
        let missing = a.path().join("not-yet");
        for search in [
            std::env::join_paths([a.path(), Path::new("relative/bin")]).unwrap(),
            std::env::join_paths([a.path(), Path::new("")]).unwrap(),
            std::env::join_paths([a.path(), missing.as_path()]).unwrap(),
        ] {
            assert_eq!(locate(&search, "sh"), None, "{search:?}");
        }
        assert_eq!(locate(OsStr::new("/usr/bin"), "a/b"), None);
    }
}
