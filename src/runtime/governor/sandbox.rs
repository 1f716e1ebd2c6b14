//! The write sandbox: after `install`, the process may change the file
//! system only beneath the directories given in `sandbox`, enforced by the
//! kernel with Landlock.
//!
//! What is restricted: every write-like right the running kernel's Landlock
//! ABI can control (the `landlock` crate's `AccessFs::from_write` for that
//! ABI): opening a file for writing, truncating, creating and removing files,
//! directories, links, symlinks, sockets, fifos and devices, renaming and
//! linking across directories, and (ABI 5+) ioctls on newly opened devices.
//! Reading and executing stay allowed everywhere.
//!
//! What stays writable outside the sandbox directories, and why:
//! - Descriptors already open at install time (stdin, stdout, stderr, an open
//!   log file): Landlock checks rights when a file is opened, not on each
//!   `write`, so output keeps working.
//! - The character devices `/dev/null`, `/dev/zero`, `/dev/full` and
//!   `/dev/tty` (write, truncate and device ioctls only; nothing can be
//!   created next to them): spawning a child with its output discarded opens
//!   `/dev/null` for writing, and a shell's `>/dev/null` truncates it;
//!   writing to them changes no file.
//!
//! Nothing else: temporary files must go beneath a sandbox directory, so a
//! caller that needs `$TMPDIR` or omni's state directory lists it.
//!
//! Guarantees:
//! - Never a silent no-op: a kernel without Landlock, one whose ABI is too
//!   old to control truncation (ABI < 3, Linux < 6.2), or a ruleset the
//!   kernel enforces only partly is an error (exit 69), not a warning.
//! - A sandbox directory that does not exist or is not a directory is a
//!   configuration error (exit 78) naming it.
//!
//! NB: Landlock restricts the calling thread and the threads and processes
//! it starts afterwards. On kernels with ABI 8+ the restriction is applied
//! to every thread of the process at once; on older kernels threads that
//! already run at install time keep writing freely, so the CLI installs the
//! governor from its main thread before it starts any other (the tokio
//! runtime included). The report counts such threads.

use std::path::{Path, PathBuf};

use landlock::{
    ABI, AccessFs, BitFlags, CompatLevel, Compatible, PathBeneath, PathFd, RestrictSelfAttr,
    Ruleset, RulesetAttr, RulesetCreatedAttr, RulesetStatus,
};

use super::GovernorError;

/// The oldest Landlock ABI accepted: the first that controls truncation.
pub const MIN_ABI: i32 = 3;
/// The first Landlock ABI that can restrict all threads at once.
const ALL_THREADS_ABI: i32 = 8;

/// Device files that stay writable (see the module doc).
pub const WRITABLE_DEVICES: [&str; 4] = ["/dev/null", "/dev/zero", "/dev/full", "/dev/tty"];

/// What `install` did about the sandbox.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SandboxApplied {
    /// Directories beneath which writes stay allowed (canonical paths).
    pub writable: Vec<PathBuf>,
    /// Device files that stay writable.
    pub devices: Vec<PathBuf>,
    /// The Landlock ABI of the running kernel.
    pub abi: i32,
    /// The Landlock rights restricted, by name.
    pub restricted: Vec<String>,
    /// True when the kernel applied the restriction to every thread.
    pub all_threads: bool,
    /// Threads that were running at install time and are not restricted
    /// (0 when `all_threads`).
    pub unrestricted_threads: usize,
}

/// The Landlock ABI version of the running kernel; `Err` says why none.
pub fn kernel_abi() -> Result<i32, String> {
    const LANDLOCK_CREATE_RULESET_VERSION: libc::c_uint = 1;
    // SAFETY: with a null attribute, size 0 and the VERSION flag the syscall
    // only returns the ABI version (or an error); it touches no memory.
    let version = unsafe {
        libc::syscall(
            libc::SYS_landlock_create_ruleset,
            std::ptr::null::<libc::c_void>(),
            0_usize,
            LANDLOCK_CREATE_RULESET_VERSION,
        )
    };
    if version >= 1 {
        return Ok(i32::try_from(version).unwrap_or(i32::MAX));
    }
    let err = std::io::Error::last_os_error();
    Err(match err.raw_os_error() {
        Some(libc::EOPNOTSUPP) => {
            "landlock is built into the kernel but not enabled at boot (lsm=)".into()
        }
        Some(libc::ENOSYS) => "the kernel has no landlock support".into(),
        _ => format!("probing landlock failed: {err}"),
    })
}

/// Checks that every directory exists and is one, and canonicalises it.
pub fn validate_dirs(dirs: &[PathBuf]) -> Result<Vec<PathBuf>, GovernorError> {
    dirs.iter()
        .map(|dir| {
            let meta = std::fs::metadata(dir).map_err(|source| GovernorError::SandboxDir {
                path: dir.clone(),
                reason: source.to_string(),
            })?;
            if !meta.is_dir() {
                return Err(GovernorError::SandboxDir {
                    path: dir.clone(),
                    reason: "not a directory".into(),
                });
            }
            std::fs::canonicalize(dir).map_err(|source| GovernorError::SandboxDir {
                path: dir.clone(),
                reason: source.to_string(),
            })
        })
        .collect()
}

/// Threads of this process (from /proc/self/task); 1 when unknown.
fn thread_count() -> usize {
    std::fs::read_dir("/proc/self/task").map_or(1, |d| d.count().max(1))
}

fn landlock_err(what: &str, err: impl std::fmt::Display) -> GovernorError {
    GovernorError::SandboxUnavailable {
        reason: format!("{what}: {err}"),
    }
}

/// Restricts writes to beneath `dirs` (already validated) for this process.
pub fn apply(dirs: &[PathBuf]) -> Result<SandboxApplied, GovernorError> {
    let abi_version =
        kernel_abi().map_err(|reason| GovernorError::SandboxUnavailable { reason })?;
    if abi_version < MIN_ABI {
        return Err(GovernorError::SandboxUnavailable {
            reason: format!(
                "landlock abi {abi_version} cannot control truncation (need abi {MIN_ABI}, linux 6.2)"
            ),
        });
    }
    // NB: the ABI is chosen from the running kernel on purpose: the contract
    // is "every write right this kernel can control", and HardRequirement
    // below turns any right the kernel would drop into an error.
    let abi = ABI::from(abi_version);
    let rights = AccessFs::from_write(abi);
    let device_rights: BitFlags<AccessFs> =
        rights & (AccessFs::WriteFile | AccessFs::Truncate | AccessFs::IoctlDev);

    let ruleset = Ruleset::default()
        .set_compatibility(CompatLevel::HardRequirement)
        .handle_access(rights)
        .map_err(|e| landlock_err("handling write rights", e))?
        .create()
        .map_err(|e| landlock_err("creating the ruleset", e))?;

    let mut ruleset = ruleset;
    for dir in dirs {
        let fd = PathFd::new(dir).map_err(|e| GovernorError::SandboxDir {
            path: dir.clone(),
            reason: e.to_string(),
        })?;
        ruleset = ruleset
            .add_rule(PathBeneath::new(fd, rights))
            .map_err(|e| landlock_err(&format!("allowing writes beneath {}", dir.display()), e))?;
    }
    let mut devices = Vec::new();
    for device in WRITABLE_DEVICES {
        let path = Path::new(device);
        // O_PATH opens never reach the device driver, so /dev/tty without a
        // controlling terminal still works; a missing device is skipped.
        let Ok(fd) = PathFd::new(path) else { continue };
        ruleset = ruleset
            .add_rule(PathBeneath::new(fd, device_rights))
            .map_err(|e| landlock_err(&format!("allowing writes to {device}"), e))?;
        devices.push(path.to_path_buf());
    }

    let all_threads = abi_version >= ALL_THREADS_ABI;
    let others = thread_count().saturating_sub(1);
    if all_threads {
        ruleset = ruleset
            .all_threads(true)
            .map_err(|e| landlock_err("restricting all threads", e))?;
    }
    let status = ruleset
        .restrict_self()
        .map_err(|e| landlock_err("enforcing the ruleset", e))?;
    if status.ruleset != RulesetStatus::FullyEnforced {
        return Err(GovernorError::SandboxUnavailable {
            reason: format!(
                "landlock abi {abi_version} enforced the write sandbox only partly ({:?})",
                status.ruleset
            ),
        });
    }
    if !all_threads && others > 0 {
        tracing::warn!(
            "sandbox: {others} thread(s) started before install are not restricted \
             (landlock abi {abi_version} < {ALL_THREADS_ABI})"
        );
    }
    Ok(SandboxApplied {
        writable: dirs.to_vec(),
        devices,
        abi: abi_version,
        restricted: rights.iter().map(|r| format!("{r:?}")).collect(),
        all_threads,
        unrestricted_threads: if all_threads { 0 } else { others },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nonexistent_and_non_directories_are_config_errors() {
        let err = validate_dirs(&[PathBuf::from("/nonexistent/omni-sandbox")]).unwrap_err();
        assert!(
            err.to_string().contains("/nonexistent/omni-sandbox"),
            "{err}"
        );
        let err = validate_dirs(&[PathBuf::from("/proc/self/status")]).unwrap_err();
        assert!(err.to_string().contains("not a directory"), "{err}");
        let ok = validate_dirs(&[PathBuf::from("/tmp/../tmp")]).expect("tmp");
        assert_eq!(ok, vec![std::fs::canonicalize("/tmp").expect("tmp")]);
    }
}
