//! Where omni keeps its files, and how it writes the ones that must survive
//! a crash.
//!
//! [`Dirs::resolve`] is a pure function: the caller reads the environment
//! (runtime code never does) and passes the raw values in. The rule is
//!
//! - state: `$OMNI_STATE_DIR`, else `$XDG_STATE_HOME/omni`, else
//!   `$HOME/.local/state/omni`;
//! - data: `$OMNI_DATA_DIR`, else `$XDG_DATA_HOME/omni`, else
//!   `$HOME/.local/share/omni`.
//!
//! Empty values count as unset. A relative `XDG_*` value is ignored, as the
//! XDG Base Directory specification requires. A relative `OMNI_*_DIR` or
//! `HOME` is refused instead of being resolved against the current
//! directory: background processes, their sockets and later `omni ps` calls
//! must all agree on one absolute location whatever directory they start in.
//!
//! Guarantees of [`write_atomic`]: after it returns `Ok`, the file holds
//! exactly the new bytes with exactly the given mode, and that survives a
//! crash or power loss; after a crash at any point, readers see either the
//! complete old file or the complete new one, never a mix or a truncation.

use std::ffi::OsStr;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use crate::runtime::error::{Classify, Exit};

/// Why a directory could not be resolved or a file could not be written.
#[derive(Debug, thiserror::Error)]
pub enum StateError {
    /// Neither the omni variable, nor a usable XDG variable, nor HOME is set.
    #[error("cannot locate the {which} directory: set {var}, {xdg} or HOME to an absolute path")]
    NoHome {
        /// "state" or "data".
        which: &'static str,
        /// The omni variable that would override it.
        var: &'static str,
        /// The XDG variable that would provide it.
        xdg: &'static str,
    },
    /// An override that must be absolute is relative.
    #[error("{var} must be an absolute path, got {}", value.display())]
    Relative {
        /// The variable's name.
        var: &'static str,
        /// The value it had.
        value: PathBuf,
    },
    /// Something other than a directory is in the way.
    #[error("{} exists and is not a directory", path.display())]
    NotADirectory {
        /// The offending path.
        path: PathBuf,
    },
    /// A file system operation failed.
    #[error("{op} {}", path.display())]
    Io {
        /// What was being done ("creating directory", "writing").
        op: &'static str,
        /// The path it was done to.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: io::Error,
    },
}

impl StateError {
    fn io(op: &'static str, path: &Path, source: io::Error) -> StateError {
        StateError::Io {
            op,
            path: path.to_path_buf(),
            source,
        }
    }
}

impl Classify for StateError {
    fn exit(&self) -> Exit {
        match self {
            StateError::NoHome { .. } | StateError::Relative { .. } => Exit::Config,
            StateError::NotADirectory { .. } => Exit::IoErr,
            StateError::Io { source, .. } => Exit::from_io(source),
        }
    }
}

/// omni's two base directories.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dirs {
    /// Mutable runtime state: supervisor entries, sockets, logs, job stores.
    pub state: PathBuf,
    /// Durable user data: keys, caches, ledgers.
    pub data: PathBuf,
}

impl Dirs {
    /// Resolves both directories from the raw environment values, which the
    /// caller reads (`OMNI_STATE_DIR`, `OMNI_DATA_DIR`, `XDG_STATE_HOME`,
    /// `XDG_DATA_HOME`, `HOME`). Nothing is created.
    pub fn resolve(
        omni_state_dir: Option<&OsStr>,
        omni_data_dir: Option<&OsStr>,
        xdg_state_home: Option<&OsStr>,
        xdg_data_home: Option<&OsStr>,
        home: Option<&OsStr>,
    ) -> Result<Dirs, StateError> {
        let state = pick(
            Base {
                which: "state",
                var: "OMNI_STATE_DIR",
                xdg: "XDG_STATE_HOME",
                home_suffix: ".local/state",
            },
            omni_state_dir,
            xdg_state_home,
            home,
        )?;
        let data = pick(
            Base {
                which: "data",
                var: "OMNI_DATA_DIR",
                xdg: "XDG_DATA_HOME",
                home_suffix: ".local/share",
            },
            omni_data_dir,
            xdg_data_home,
            home,
        )?;
        Ok(Dirs { state, data })
    }
}

struct Base {
    which: &'static str,
    var: &'static str,
    xdg: &'static str,
    home_suffix: &'static str,
}

/// Treats an empty value like an unset one (the XDG rule, applied to all).
fn non_empty(value: Option<&OsStr>) -> Option<&Path> {
    value.filter(|v| !v.is_empty()).map(Path::new)
}

fn pick(
    base: Base,
    omni: Option<&OsStr>,
    xdg: Option<&OsStr>,
    home: Option<&OsStr>,
) -> Result<PathBuf, StateError> {
    if let Some(dir) = non_empty(omni) {
        if dir.is_relative() {
            return Err(StateError::Relative {
                var: base.var,
                value: dir.to_path_buf(),
            });
        }
        return Ok(dir.to_path_buf());
    }
    if let Some(dir) = non_empty(xdg).filter(|d| d.is_absolute()) {
        return Ok(dir.join("omni"));
    }
    match non_empty(home) {
        Some(home) if home.is_relative() => Err(StateError::Relative {
            var: "HOME",
            value: home.to_path_buf(),
        }),
        Some(home) => Ok(home.join(base.home_suffix).join("omni")),
        None => Err(StateError::NoHome {
            which: base.which,
            var: base.var,
            xdg: base.xdg,
        }),
    }
}

/// Creates `path` and any missing parents with `mode` (subject to the umask,
/// which can only remove bits). An existing directory is accepted as it is;
/// anything else at `path` is an error.
pub fn ensure_dir(path: &Path, mode: u32) -> Result<(), StateError> {
    match fs::DirBuilder::new()
        .recursive(true)
        .mode(mode)
        .create(path)
    {
        Ok(()) => {}
        // `recursive(true)` already accepts an existing directory; this arm
        // catches a file in the way, reported below with a clearer message.
        Err(err) if err.kind() == io::ErrorKind::AlreadyExists => {}
        Err(err) => return Err(StateError::io("creating directory", path, err)),
    }
    match fs::metadata(path) {
        Ok(meta) if meta.is_dir() => Ok(()),
        Ok(_) => Err(StateError::NotADirectory {
            path: path.to_path_buf(),
        }),
        Err(err) => Err(StateError::io("inspecting", path, err)),
    }
}

/// Replaces `path` with `bytes` crash-safely: write a temp file in the same
/// directory, set `mode` exactly (independent of the umask), fsync it,
/// rename it over `path`, then fsync the directory so the rename itself is
/// durable. The temp file is removed if any step fails.
///
/// Temp files are named `.<name>.<pid>.<random>.tmp`, so directory scanners
/// can skip them by their leading dot or `.tmp` suffix.
pub fn write_atomic(path: &Path, bytes: &[u8], mode: u32) -> Result<(), StateError> {
    write_with(path, bytes, mode, Install::Replace)
}

/// Like [`write_atomic`], but only creates: if `path` already exists
/// (or appears meanwhile) nothing is changed and the error's source has kind
/// `AlreadyExists`. The complete temp file is put in place with `link(2)`,
/// which fails when the target exists, so two writers racing for the same
/// path cannot both win and no reader ever sees a partial file.
pub fn write_new_atomic(path: &Path, bytes: &[u8], mode: u32) -> Result<(), StateError> {
    write_with(path, bytes, mode, Install::CreateOnly)
}

/// How the finished temp file takes its final name.
#[derive(Clone, Copy)]
enum Install {
    /// rename(2): replaces whatever is there.
    Replace,
    /// link(2): fails when the name is taken.
    CreateOnly,
}

fn write_with(path: &Path, bytes: &[u8], mode: u32, how: Install) -> Result<(), StateError> {
    let name = path.file_name().ok_or_else(|| {
        StateError::io(
            "writing",
            path,
            io::Error::new(io::ErrorKind::InvalidInput, "path has no file name"),
        )
    })?;
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };

    let (tmp, file) = create_temp(dir, name, mode)?;
    let written = fill(&tmp, file, bytes, mode).and_then(|()| match how {
        Install::Replace => {
            fs::rename(&tmp, path).map_err(|e| StateError::io("renaming into", path, e))
        }
        Install::CreateOnly => {
            let linked = fs::hard_link(&tmp, path).map_err(|e| StateError::io("creating", path, e));
            // The temp name is only a second link to the same file now.
            let _ = fs::remove_file(&tmp);
            linked
        }
    });
    if let Err(err) = written {
        // Best effort: the error that matters is the one being returned.
        let _ = fs::remove_file(&tmp);
        return Err(err);
    }
    sync_dir(dir)
}

fn create_temp(dir: &Path, name: &OsStr, mode: u32) -> Result<(PathBuf, File), StateError> {
    let mut last = None;
    // A collision needs the same pid and 32 random bits; a few tries suffice.
    for _ in 0..8 {
        let tmp = dir.join(format!(
            ".{}.{}.{:08x}.tmp",
            name.to_string_lossy(),
            std::process::id(),
            rand::random::<u32>()
        ));
        match OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(mode)
            .open(&tmp)
        {
            Ok(file) => return Ok((tmp, file)),
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists => last = Some((tmp, err)),
            Err(err) => return Err(StateError::io("creating temp file", &tmp, err)),
        }
    }
    let (tmp, err) = last.expect("the loop runs at least once");
    Err(StateError::io("creating temp file", &tmp, err))
}

fn fill(tmp: &Path, mut file: File, bytes: &[u8], mode: u32) -> Result<(), StateError> {
    // The open mode went through the umask; set it exactly.
    file.set_permissions(fs::Permissions::from_mode(mode))
        .map_err(|e| StateError::io("setting permissions on", tmp, e))?;
    file.write_all(bytes)
        .map_err(|e| StateError::io("writing", tmp, e))?;
    file.sync_all()
        .map_err(|e| StateError::io("syncing", tmp, e))
}

fn sync_dir(dir: &Path) -> Result<(), StateError> {
    let handle = File::open(dir).map_err(|e| StateError::io("opening directory", dir, e))?;
    match handle.sync_all() {
        Ok(()) => Ok(()),
        // Some file systems cannot fsync a directory; their renames are as
        // durable as they will ever be.
        Err(err) if matches!(err.raw_os_error(), Some(libc::EINVAL) | Some(libc::ENOTSUP)) => {
            Ok(())
        }
        Err(err) => Err(StateError::io("syncing directory", dir, err)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsString;

    fn os(s: &str) -> OsString {
        OsString::from(s)
    }

    fn resolve(
        omni_state: Option<&str>,
        omni_data: Option<&str>,
        xdg_state: Option<&str>,
        xdg_data: Option<&str>,
        home: Option<&str>,
    ) -> Result<Dirs, StateError> {
        let (a, b, c, d, e) = (
            omni_state.map(os),
            omni_data.map(os),
            xdg_state.map(os),
            xdg_data.map(os),
            home.map(os),
        );
        Dirs::resolve(
            a.as_deref(),
            b.as_deref(),
            c.as_deref(),
            d.as_deref(),
            e.as_deref(),
        )
    }

    #[test]
    fn omni_overrides_win() {
        let d = resolve(Some("/s"), Some("/d"), Some("/xs"), Some("/xd"), Some("/h")).unwrap();
        assert_eq!(d.state, Path::new("/s"));
        assert_eq!(d.data, Path::new("/d"));
    }

    #[test]
    fn xdg_then_home() {
        let d = resolve(None, None, Some("/xs"), None, Some("/h")).unwrap();
        assert_eq!(d.state, Path::new("/xs/omni"));
        assert_eq!(d.data, Path::new("/h/.local/share/omni"));
        let d = resolve(None, None, None, Some("/xd"), Some("/h")).unwrap();
        assert_eq!(d.state, Path::new("/h/.local/state/omni"));
        assert_eq!(d.data, Path::new("/xd/omni"));
    }

    #[test]
    fn relative_and_empty_xdg_are_ignored() {
        let d = resolve(Some(""), None, Some("rel"), Some(""), Some("/h")).unwrap();
        assert_eq!(d.state, Path::new("/h/.local/state/omni"));
        assert_eq!(d.data, Path::new("/h/.local/share/omni"));
    }

    #[test]
    fn relative_overrides_and_missing_home_are_config_errors() {
        let err = resolve(Some("rel"), None, None, None, Some("/h")).unwrap_err();
        assert_eq!(err.exit(), Exit::Config);
        assert!(err.to_string().contains("OMNI_STATE_DIR"), "{err}");
        let err = resolve(None, None, None, None, Some("h")).unwrap_err();
        assert_eq!(err.exit(), Exit::Config);
        let err = resolve(Some("/s"), None, None, None, None).unwrap_err();
        assert_eq!(err.exit(), Exit::Config);
        assert_eq!(
            err.to_string(),
            "cannot locate the data directory: set OMNI_DATA_DIR, XDG_DATA_HOME or HOME to an absolute path"
        );
    }

    #[test]
    fn write_atomic_replaces_with_exact_mode_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        write_atomic(&path, b"one", 0o644).unwrap();
        write_atomic(&path, b"two", 0o600).unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![OsString::from("a.json")]);
    }

    #[test]
    fn write_atomic_into_missing_dir_fails_cleanly() {
        let dir = tempfile::tempdir().unwrap();
        let err = write_atomic(&dir.path().join("no/such/a"), b"x", 0o600).unwrap_err();
        assert_eq!(err.exit(), Exit::NoInput);
    }

    #[test]
    fn ensure_dir_creates_and_rejects_files() {
        let dir = tempfile::tempdir().unwrap();
        let nested = dir.path().join("x/y");
        ensure_dir(&nested, 0o700).unwrap();
        ensure_dir(&nested, 0o700).unwrap();
        assert!(nested.is_dir());
        let file = dir.path().join("f");
        fs::write(&file, b"").unwrap();
        assert!(matches!(
            ensure_dir(&file, 0o700),
            Err(StateError::NotADirectory { .. })
        ));
    }

    #[test]
    fn write_new_atomic_creates_once_and_never_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("key");
        write_new_atomic(&path, b"first", 0o600).unwrap();
        let err = write_new_atomic(&path, b"second", 0o600).unwrap_err();
        match err {
            StateError::Io { source, .. } => {
                assert_eq!(source.kind(), io::ErrorKind::AlreadyExists)
            }
            other => panic!("unexpected {other:?}"),
        }
        assert_eq!(fs::read(&path).unwrap(), b"first");
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(
            names,
            vec![std::ffi::OsString::from("key")],
            "no temp file is left behind"
        );
    }
}
