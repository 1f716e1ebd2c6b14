//! A child process and its pipes, driven by the runtime's I/O driver
//! without `tokio::process`: [`crate::runtime::process::run`] starts
//! thousands of short tasks, and each system call it saves per task is
//! time the tasks get back (docs/parallel.md, Performance).
//!
//! What this does differently from `tokio::process`:
//! - `/dev/null` is opened once per process and handed to each child as a
//!   duplicate, instead of being opened (a path lookup) per child;
//! - a pipe's read end is made non-blocking with one `fcntl`, not two;
//! - the exit status is collected with `waitpid(WNOHANG)` first, which
//!   succeeds without any registration when the caller waited for the
//!   child's output to end (it ends when the child exits). Only a child
//!   still running then gets a pidfd in the I/O driver.
//!
//! A [`Child`] dropped before its status was collected is killed (SIGKILL
//! to the child itself, as `kill_on_drop` did) and reaped later.

use std::io;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::process::{ExitStatus, Stdio};
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use tokio::io::Interest;
use tokio::io::unix::AsyncFd;

/// Blocks SIGCHLD in the calling thread (threads it starts inherit that).
///
/// Why: a child's exit sends SIGCHLD to the thread that started it. While
/// that thread is inside `posix_spawn` (which blocks every signal until the
/// next child has exec'd), the kernel cannot drop the signal as ignored and
/// hands it to any other thread that does not block it, waking that thread
/// for nothing: a context switch per task that takes CPU from the tasks.
/// Nothing in omni handles SIGCHLD (exits are seen through pipes, pidfds
/// and `waitpid`), and children start with an empty signal mask (std resets
/// it), so blocking it only removes those wake-ups.
pub fn mute_child_signal() {
    // SAFETY: a zeroed sigset_t is filled by sigemptyset before use, and
    // pthread_sigmask only changes this thread's mask.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&raw mut set);
        libc::sigaddset(&raw mut set, libc::SIGCHLD);
        libc::pthread_sigmask(libc::SIG_BLOCK, &raw const set, std::ptr::null_mut());
    }
}

/// A duplicate of this process's one `/dev/null`, for a child's stdin or
/// a discarded stream.
pub fn dev_null() -> io::Result<Stdio> {
    static NULL: OnceLock<io::Result<std::fs::File>> = OnceLock::new();
    // NB: opened read-write, so one file serves stdin and the outputs.
    match NULL.get_or_init(|| {
        std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open("/dev/null")
    }) {
        Ok(file) => {
            // NB: the raw call: musl's fcntl follows F_DUPFD_CLOEXEC with a
            // redundant F_SETFD (a system call per child).
            // SAFETY: duplicating a descriptor we hold open.
            let fd = unsafe {
                libc::syscall(libc::SYS_fcntl, file.as_raw_fd(), libc::F_DUPFD_CLOEXEC, 3)
            };
            let fd = libc::c_int::try_from(fd)
                .ok()
                .filter(|&fd| fd >= 0)
                .ok_or_else(io::Error::last_os_error)?;
            // SAFETY: a fresh descriptor we own.
            Ok(Stdio::from(unsafe { OwnedFd::from_raw_fd(fd) }))
        }
        Err(e) => Err(io::Error::new(e.kind(), format!("/dev/null: {e}"))),
    }
}

fn cvt(r: libc::c_int) -> io::Result<libc::c_int> {
    if r < 0 {
        Err(io::Error::last_os_error())
    } else {
        Ok(r)
    }
}

/// A pipe as `(read end, write end)`, both close-on-exec.
fn pipe() -> io::Result<(OwnedFd, OwnedFd)> {
    let mut fds = [0; 2];
    // SAFETY: `fds` has room for the two descriptors pipe2 writes.
    cvt(unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) })?;
    // SAFETY: pipe2 succeeded, so both are fresh descriptors we own.
    Ok(unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) })
}

fn set_nonblocking(fd: &OwnedFd) -> io::Result<()> {
    // NB: a fresh pipe end has no status flags but its access mode, which
    // F_SETFL ignores: no F_GETFL needed.
    // SAFETY: plain fcntl on a descriptor we own.
    cvt(unsafe { libc::fcntl(fd.as_raw_fd(), libc::F_SETFL, libc::O_NONBLOCK) }).map(|_| ())
}

/// `fd` in the runtime's I/O driver.
fn register(fd: OwnedFd, interest: Interest) -> io::Result<AsyncFd<OwnedFd>> {
    // SAFETY: an `OwnedFd` stays open, and names the same descriptor, for
    // as long as it lives, which is as long as the `AsyncFd` holding it.
    unsafe { AsyncFd::register_with_interest(fd, interest) }.map_err(|e| e.into_parts().1)
}

/// The read end of a pipe a child writes to.
#[derive(Debug)]
pub struct PipeReader(AsyncFd<OwnedFd>);

/// The write end of a pipe a child reads from.
#[derive(Debug)]
pub struct PipeWriter(AsyncFd<OwnedFd>);

/// A pipe for a child's output: what we read, and the child's end.
pub fn output_pipe() -> io::Result<(PipeReader, Stdio)> {
    let (read, write) = pipe()?;
    set_nonblocking(&read)?;
    Ok((
        PipeReader(register(read, Interest::READABLE)?),
        Stdio::from(write),
    ))
}

/// A pipe for a child's input: the child's end, and what we write.
pub fn input_pipe() -> io::Result<(Stdio, PipeWriter)> {
    let (read, write) = pipe()?;
    set_nonblocking(&write)?;
    Ok((
        Stdio::from(read),
        PipeWriter(register(write, Interest::WRITABLE)?),
    ))
}

impl PipeReader {
    /// Reads what is there, waiting for some; 0 at the end (every writer
    /// closed its end).
    pub async fn read(&self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            let mut ready = self.0.readable().await?;
            let result = ready.try_io(|fd| {
                // SAFETY: `buf` is valid for `buf.len()` bytes.
                let n = unsafe { libc::read(fd.as_raw_fd(), buf.as_mut_ptr().cast(), buf.len()) };
                usize::try_from(n).map_err(|_| io::Error::last_os_error())
            });
            match result {
                Ok(Err(e)) if e.kind() == io::ErrorKind::Interrupted => {}
                Ok(r) => return r,
                Err(_would_block) => {}
            }
        }
    }
}

impl PipeWriter {
    /// Writes all of `bytes`, then closes the pipe (the reader sees its end).
    pub async fn write_all(self, mut bytes: &[u8]) -> io::Result<()> {
        while !bytes.is_empty() {
            let mut ready = self.0.writable().await?;
            let result = ready.try_io(|fd| {
                // SAFETY: `bytes` is valid for `bytes.len()` bytes.
                let n = unsafe { libc::write(fd.as_raw_fd(), bytes.as_ptr().cast(), bytes.len()) };
                usize::try_from(n).map_err(|_| io::Error::last_os_error())
            });
            match result {
                Ok(Ok(n)) => bytes = &bytes[n..],
                Ok(Err(e)) if e.kind() == io::ErrorKind::Interrupted => {}
                Ok(Err(e)) => return Err(e),
                Err(_would_block) => {}
            }
        }
        Ok(())
    }
}

/// Children dropped while they ran: killed, to be reaped when they are gone.
static UNREAPED: Mutex<Vec<libc::pid_t>> = Mutex::new(Vec::new());

fn reap_dropped() {
    let mut pids = UNREAPED.lock().unwrap_or_else(|e| e.into_inner());
    pids.retain(|&pid| {
        let mut status = 0;
        // SAFETY: our own child; WNOHANG never blocks.
        let r = unsafe { libc::waitpid(pid, &mut status, libc::WNOHANG) };
        r == 0
    });
}

/// A started child. Its methods take `&self`, so one task can wait for it
/// and stop it at the same time.
#[derive(Debug)]
pub struct Child {
    pid: libc::pid_t,
    status: Mutex<Option<ExitStatus>>,
    pidfd: OnceLock<AsyncFd<OwnedFd>>,
}

impl Child {
    /// Starts `cmd`, then drops it: the parent's copies of the child's
    /// pipe ends close, so the child's exit ends the output.
    pub fn spawn(mut cmd: std::process::Command) -> io::Result<Child> {
        reap_dropped();
        let child = cmd.spawn()?;
        drop(cmd);
        let pid =
            libc::pid_t::try_from(child.id()).map_err(|_| io::Error::other("pid out of range"))?;
        // NB: dropping a std Child neither waits nor kills.
        drop(child);
        Ok(Child {
            pid,
            status: Mutex::new(None),
            pidfd: OnceLock::new(),
        })
    }

    pub fn id(&self) -> u32 {
        self.pid.unsigned_abs()
    }

    /// The exit status if the child has ended (reaping it), without waiting.
    pub fn try_wait(&self) -> io::Result<Option<ExitStatus>> {
        use std::os::unix::process::ExitStatusExt as _;
        let mut known = self.status.lock().unwrap_or_else(|e| e.into_inner());
        if known.is_none() {
            let mut raw = 0;
            let r = loop {
                // SAFETY: our own child; WNOHANG never blocks.
                let r = unsafe { libc::waitpid(self.pid, &mut raw, libc::WNOHANG) };
                if r >= 0 || io::Error::last_os_error().kind() != io::ErrorKind::Interrupted {
                    break r;
                }
            };
            if r < 0 {
                return Err(io::Error::last_os_error());
            }
            if r == self.pid {
                *known = Some(ExitStatus::from_raw(raw));
            }
        }
        Ok(*known)
    }

    /// Waits for the child to end and reaps it.
    pub async fn wait(&self) -> io::Result<ExitStatus> {
        let mut backoff = Duration::from_millis(1);
        loop {
            if let Some(status) = self.try_wait()? {
                return Ok(status);
            }
            match self.pidfd() {
                Ok(fd) => {
                    // A pidfd turns readable when the process has ended.
                    let mut ready = fd.readable().await?;
                    ready.clear_ready();
                }
                // No pidfds (Linux before 5.3): poll, backing off.
                Err(e) if e.raw_os_error() == Some(libc::ENOSYS) => {
                    tokio::time::sleep(backoff).await;
                    backoff = (backoff * 2).min(Duration::from_millis(50));
                }
                Err(e) => return Err(e),
            }
        }
    }

    fn pidfd(&self) -> io::Result<&AsyncFd<OwnedFd>> {
        if let Some(fd) = self.pidfd.get() {
            return Ok(fd);
        }
        // SAFETY: pidfd_open takes a pid and flags and returns a new fd.
        let fd = unsafe { libc::syscall(libc::SYS_pidfd_open, self.pid, 0) };
        let fd = libc::c_int::try_from(fd)
            .ok()
            .filter(|&fd| fd >= 0)
            .ok_or_else(io::Error::last_os_error)?;
        // SAFETY: a fresh descriptor we own.
        let fd = unsafe { OwnedFd::from_raw_fd(fd) };
        let fd = register(fd, Interest::READABLE)?;
        Ok(self.pidfd.get_or_init(|| fd))
    }
}

impl Drop for Child {
    fn drop(&mut self) {
        if matches!(self.try_wait(), Ok(Some(_)) | Err(_)) {
            return;
        }
        // SAFETY: our own unreaped child, so the pid is still its.
        unsafe {
            libc::kill(self.pid, libc::SIGKILL);
        }
        if !matches!(self.try_wait(), Ok(Some(_))) {
            UNREAPED
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(self.pid);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Rt(crate::runtime::executor::Executor);

    impl Rt {
        fn block_on<F: std::future::Future>(&self, f: F) -> F::Output {
            self.0.block_on(f).expect("runtime")
        }
    }

    fn rt() -> Rt {
        Rt(crate::runtime::executor::Executor::new(1))
    }

    #[test]
    fn output_ends_and_the_status_follows() {
        rt().block_on(async {
            let (reader, stdio) = output_pipe().unwrap();
            let mut cmd = std::process::Command::new("/bin/sh");
            cmd.args(["-c", "printf hi; exit 7"]).stdout(stdio);
            let child = Child::spawn(cmd).unwrap();
            let mut buf = [0_u8; 16];
            let mut got = Vec::new();
            loop {
                let n = reader.read(&mut buf).await.unwrap();
                if n == 0 {
                    break;
                }
                got.extend_from_slice(&buf[..n]);
            }
            assert_eq!(got, b"hi");
            assert_eq!(child.wait().await.unwrap().code(), Some(7));
            // Reaped once, remembered after.
            assert_eq!(child.try_wait().unwrap().and_then(|s| s.code()), Some(7));
        });
    }

    #[test]
    fn waiting_without_output_uses_the_pidfd() {
        rt().block_on(async {
            let mut cmd = std::process::Command::new("/bin/sh");
            cmd.args(["-c", "sleep 0.2; exit 3"])
                .stdin(dev_null().unwrap())
                .stdout(dev_null().unwrap());
            let child = Child::spawn(cmd).unwrap();
            assert!(child.try_wait().unwrap().is_none(), "still running");
            assert_eq!(child.wait().await.unwrap().code(), Some(3));
        });
    }

    #[test]
    fn input_reaches_the_child() {
        rt().block_on(async {
            let (stdin, writer) = input_pipe().unwrap();
            let (reader, stdout) = output_pipe().unwrap();
            let mut cmd = std::process::Command::new("/bin/cat");
            cmd.stdin(stdin).stdout(stdout);
            let child = Child::spawn(cmd).unwrap();
            let big = vec![b'x'; 300_000]; // more than a pipe holds
            let write = tokio::spawn(async move { writer.write_all(&big).await });
            let mut total = 0;
            let mut buf = [0_u8; 65536];
            loop {
                let n = reader.read(&mut buf).await.unwrap();
                if n == 0 {
                    break;
                }
                total += n;
            }
            write.await.unwrap().unwrap();
            assert_eq!(total, 300_000);
            assert!(child.wait().await.unwrap().success());
        });
    }

    #[test]
    fn a_dropped_child_is_killed() {
        let mut cmd = std::process::Command::new("/bin/sleep");
        cmd.arg("30");
        let child = Child::spawn(cmd).unwrap();
        let pid = child.pid;
        drop(child);
        // Gone (killed, and reaped here or at the next spawn).
        let deadline = std::time::Instant::now() + Duration::from_secs(5);
        loop {
            reap_dropped();
            // SAFETY: probe only.
            let alive = unsafe { libc::kill(pid, 0) } == 0;
            if !alive {
                break;
            }
            assert!(std::time::Instant::now() < deadline, "still running");
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}
