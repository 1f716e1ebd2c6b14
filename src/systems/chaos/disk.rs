//! The disk fault: fill a file system by `size` bytes (or to the brim, when
//! less is free) with one file, and remove it afterwards.
//!
//! The file is `<dir>/.omni-chaos-<lease id>.fill`, created exclusively with
//! mode 0600; its removal is recorded in the lease before it is created.
//! Space is reserved with `fallocate(2)` (instant, and really allocated, so
//! writers elsewhere on the file system see `ENOSPC`); where the file system
//! cannot, zeros are written in 1 MiB blocks.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::os::fd::AsRawFd;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use super::ChaosError;

/// The fill file for lease `id` in `dir`.
pub fn fill_path(dir: &Path, id: &str) -> PathBuf {
    dir.join(format!(".omni-chaos-{id}.fill"))
}

/// Bytes an unprivileged writer may still use on the file system of `dir`.
pub fn free_bytes(dir: &Path) -> Result<u64, ChaosError> {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(dir.as_os_str().as_bytes())
        .map_err(|_| ChaosError::Invalid(format!("{}: a NUL in the path", dir.display())))?;
    // SAFETY: a zeroed statvfs is valid; statvfs writes only into it, and
    // `c` is a NUL-terminated path that outlives the call.
    let mut st: libc::statvfs = unsafe { std::mem::zeroed() };
    // SAFETY: as above.
    if unsafe { libc::statvfs(c.as_ptr(), &mut st) } != 0 {
        return Err(ChaosError::io(
            "inspecting",
            dir,
            std::io::Error::last_os_error(),
        ));
    }
    Ok(st.f_bavail as u64 * st.f_frsize as u64)
}

/// Checks that `dir` is a directory omni can write in.
pub fn check(dir: &Path, size: u64) -> Result<(), ChaosError> {
    if size == 0 {
        return Err(ChaosError::Invalid("--size must be more than 0".into()));
    }
    let meta = std::fs::metadata(dir).map_err(|e| ChaosError::io("--path", dir, e))?;
    if !meta.is_dir() {
        return Err(ChaosError::Invalid(format!(
            "--path {}: not a directory",
            dir.display()
        )));
    }
    free_bytes(dir).map(|_| ())
}

/// What the fill took.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Filled {
    pub path: PathBuf,
    pub bytes: u64,
    /// Free bytes left on the file system afterwards.
    pub free_after: u64,
}

/// Creates the fill file at `path` and makes it `size` bytes, or as many as
/// are free. The caller has recorded the file's removal first.
pub fn fill(path: &Path, size: u64, stop: &AtomicBool) -> Result<Filled, ChaosError> {
    let dir = path.parent().unwrap_or(Path::new("/"));
    let file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(|e| ChaosError::io("creating", path, e))?;
    let free = free_bytes(dir)?;
    let mut want = size.min(free);
    let mut bytes = 0;
    while want > 0 {
        match allocate(&file, want) {
            Ok(()) => {
                bytes = want;
                break;
            }
            // Less than statvfs said (reserved blocks, another writer):
            // try again with what is free now.
            Err(e) if e.raw_os_error() == Some(libc::ENOSPC) => {
                let now = free_bytes(dir)?;
                want = if now >= want { want / 2 } else { now };
            }
            Err(e) if matches!(e.raw_os_error(), Some(libc::EOPNOTSUPP | libc::ENOSYS)) => {
                bytes = write_zeros(&file, want, stop)
                    .map_err(|e| ChaosError::io("filling", path, e))?;
                break;
            }
            Err(e) => return Err(ChaosError::io("filling", path, e)),
        }
    }
    Ok(Filled {
        path: path.to_path_buf(),
        bytes,
        free_after: free_bytes(dir)?,
    })
}

fn allocate(file: &File, len: u64) -> std::io::Result<()> {
    let len = libc::off_t::try_from(len).unwrap_or(libc::off_t::MAX);
    // SAFETY: fallocate(2) on a descriptor we own; mode 0 = allocate and
    // extend the file.
    if unsafe { libc::fallocate(file.as_raw_fd(), 0, 0, len) } == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

/// Writes up to `len` zero bytes; a full disk ends the fill, not the fault.
fn write_zeros(mut file: &File, len: u64, stop: &AtomicBool) -> std::io::Result<u64> {
    let block = vec![0_u8; 1 << 20];
    let mut done = 0;
    while done < len && !stop.load(Ordering::Relaxed) {
        let n = usize::try_from(len - done)
            .unwrap_or(block.len())
            .min(block.len());
        match file.write(&block[..n]) {
            Ok(0) => break,
            Ok(k) => done += k as u64,
            Err(e) if e.raw_os_error() == Some(libc::ENOSPC) => break,
            Err(e) => return Err(e),
        }
    }
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fill_takes_the_space_and_is_refused_twice() {
        let dir = tempfile::tempdir().unwrap();
        let path = fill_path(dir.path(), "c-00000001");
        let before = free_bytes(dir.path()).unwrap();
        let got = fill(&path, 32 << 20, &AtomicBool::new(false)).unwrap();
        assert_eq!(got.bytes, 32 << 20);
        assert_eq!(std::fs::metadata(&path).unwrap().len(), 32 << 20);
        // Allocated, not sparse (allowing for others writing meanwhile).
        assert!(
            got.free_after + (16 << 20) <= before,
            "{before} -> {}",
            got.free_after
        );
        assert!(fill(&path, 1, &AtomicBool::new(false)).is_err());
        assert!(check(&path, 1).is_err(), "a file is not a directory");
        assert!(check(dir.path(), 0).is_err());
    }
}
