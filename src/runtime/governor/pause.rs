//! Pause and resume: one gate that governed work waits on, and the SIGUSR1
//! (pause) / SIGUSR2 (resume) wiring that flips it from outside the process.
//!
//! Guarantees:
//! - While the gate is closed, every `acquire`, `io` and `checkpoint` call
//!   waits (async callers without blocking their executor thread, blocking
//!   callers on a condition variable) and returns only after `resume`.
//! - No wake-up is lost: an async waiter registers for the notification
//!   *before* it re-reads the flag, and a blocking waiter reads it under the
//!   mutex the resumer takes.
//! - Work already past its last gate keeps running until it reaches the next
//!   one: pausing is cooperative, the way `SIGSTOP` is not. That is the point:
//!   a paused omni still answers its control socket and keeps its locks sane.
//!
//! # Why a signal handler plus a self-pipe, not `sigwait`
//!
//! `sigwait` needs SIGUSR1/2 blocked in *every* thread, but a thread that
//! already exists when [`install_signals`] runs (a test harness thread, a
//! runtime worker started early) keeps its old mask; a signal delivered to it
//! would take the default action and kill the process. A `sigaction` handler
//! is process-wide, so it works whichever thread the kernel picks. The handler
//! does the only async-signal-safe thing available: it `write`s one byte to a
//! non-blocking pipe. A small named thread (`omni-signals`) reads the pipe and
//! calls [`PauseGate::pause`]/[`PauseGate::resume`], which take locks and wake
//! waiters, things a handler must never do. The pipe keeps the order of the
//! signals, so "pause, resume" is never applied as "resume, pause".
//!
//! The thread starts on first need, not at install: the first gate check
//! ([`PauseGate::wait`], [`PauseGate::wait_blocking`], [`start_watcher`])
//! applies the bytes already in the pipe itself, then starts the thread. A
//! short command that never reaches a gate (most of them finish in about a
//! millisecond) so never pays for a thread, and a pause sent before the first
//! gate still holds at that gate.

use std::io;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard, Weak};

use std::time::{Duration, Instant};

/// The byte the handler writes for SIGUSR1.
const PAUSE_BYTE: u8 = b'p';
/// The byte the handler writes for SIGUSR2.
const RESUME_BYTE: u8 = b'r';

/// The closed/open gate plus the bookkeeping for `Stats::paused`.
#[derive(Debug, Default)]
pub(crate) struct PauseGate {
    /// Fast path: read without the lock by every gate check.
    paused: AtomicBool,
    state: Mutex<PauseState>,
    blocking: Condvar,
    asynchronous: tokio::sync::Notify,
}

#[derive(Debug, Default)]
struct PauseState {
    paused_since: Option<Instant>,
    paused_total: Duration,
}

impl PauseGate {
    fn lock(&self) -> MutexGuard<'_, PauseState> {
        // A panic while holding this lock cannot leave the state
        // inconsistent (every update is a single assignment), so poisoning
        // is ignored rather than spread.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Closes the gate; idempotent.
    pub(crate) fn pause(&self) {
        let mut state = self.lock();
        if state.paused_since.is_none() {
            state.paused_since = Some(Instant::now());
        }
        self.paused.store(true, Ordering::SeqCst);
    }

    /// Opens the gate and wakes every waiter; idempotent.
    pub(crate) fn resume(&self) {
        let mut state = self.lock();
        if let Some(since) = state.paused_since.take() {
            state.paused_total += since.elapsed();
        }
        self.paused.store(false, Ordering::SeqCst);
        drop(state);
        self.blocking.notify_all();
        self.asynchronous.notify_waiters();
    }

    pub(crate) fn is_paused(&self) -> bool {
        self.paused.load(Ordering::SeqCst)
    }

    /// Total wall time spent paused, including a pause still in progress.
    pub(crate) fn paused_time(&self) -> Duration {
        let state = self.lock();
        state.paused_total + state.paused_since.map_or(Duration::ZERO, |s| s.elapsed())
    }

    /// Waits on the current thread until the gate is open.
    pub(crate) fn wait_blocking(&self) {
        start_watcher();
        if !self.is_paused() {
            return;
        }
        let mut state = self.lock();
        while self.is_paused() {
            state = self.blocking.wait(state).unwrap_or_else(|e| e.into_inner());
        }
    }

    /// Waits until the gate is open, without blocking the executor.
    ///
    /// # Cancel safety
    ///
    /// Cancel safe: dropping the future only stops waiting.
    pub(crate) async fn wait(&self) {
        start_watcher();
        loop {
            if !self.is_paused() {
                return;
            }
            let notified = self.asynchronous.notified();
            let mut notified = std::pin::pin!(notified);
            // NB: register before re-reading the flag, so a `resume` between
            // the read and the await still wakes us (`notify_waiters` only
            // reaches registered waiters).
            notified.as_mut().enable();
            if !self.is_paused() {
                return;
            }
            notified.await;
        }
    }
}

/// Write end of the self-pipe, read by the signal handler; -1 before install.
static SIGNAL_PIPE: AtomicI32 = AtomicI32::new(-1);

extern "C" fn on_signal(signal: libc::c_int) {
    let byte = if signal == libc::SIGUSR1 {
        PAUSE_BYTE
    } else {
        RESUME_BYTE
    };
    let fd = SIGNAL_PIPE.load(Ordering::Relaxed);
    if fd < 0 {
        return;
    }
    // SAFETY: `errno` is thread-local; saving and restoring it keeps the
    // interrupted code's view intact. `write` is async-signal-safe, the
    // buffer is a valid one-byte local, and the pipe is non-blocking, so a
    // full pipe drops the byte instead of hanging the handler.
    unsafe {
        let errno = *libc::__errno_location();
        libc::write(fd, (&raw const byte).cast(), 1);
        *libc::__errno_location() = errno;
    }
}

/// Installs SIGUSR1 = pause and SIGUSR2 = resume for `gate`, process-wide.
///
/// The watcher thread holds only a weak reference, so it ends by itself once
/// the governor is gone. Call at most once per process (the caller,
/// `Governor::install`, guarantees it).
pub(crate) fn install_signals<G>(target: Weak<G>, gate: fn(&G) -> &PauseGate) -> io::Result<()>
where
    G: Send + Sync + 'static,
{
    let mut fds = [0; 2];
    // SAFETY: `fds` is a valid array of two c_ints for pipe2 to fill.
    if unsafe { libc::pipe2(fds.as_mut_ptr(), libc::O_CLOEXEC) } != 0 {
        return Err(io::Error::last_os_error());
    }
    let [read_fd, write_fd] = fds;
    // SAFETY: `write_fd` was just returned by pipe2 and is owned here.
    let flags = unsafe { libc::fcntl(write_fd, libc::F_GETFL) };
    // SAFETY: as above; adding O_NONBLOCK to a valid descriptor.
    if flags < 0 || unsafe { libc::fcntl(write_fd, libc::F_SETFL, flags | libc::O_NONBLOCK) } != 0 {
        let err = io::Error::last_os_error();
        close_pair(read_fd, write_fd);
        return Err(err);
    }
    SIGNAL_PIPE.store(write_fd, Ordering::SeqCst);

    let start: Box<dyn FnOnce() + Send> = Box::new(move || {
        drain(read_fd, &target, gate);
        let spawned = std::thread::Builder::new()
            .name("omni-signals".into())
            .spawn(move || watch(read_fd, &target, gate));
        if let Err(err) = spawned {
            // The pipe stays open (see `watch`); later signals only fill it.
            tracing::warn!("SIGUSR1/SIGUSR2 pause handling is off: starting its thread: {err}");
        }
    });
    *lock_pending() = Some(start);
    WATCHER_PENDING.store(true, Ordering::SeqCst);

    for signal in [libc::SIGUSR1, libc::SIGUSR2] {
        // SAFETY: a zeroed sigaction is a valid "no flags, empty mask" value
        // that is filled in below before use.
        let mut action: libc::sigaction = unsafe { std::mem::zeroed() };
        action.sa_sigaction = on_signal as extern "C" fn(libc::c_int) as libc::sighandler_t;
        // SA_RESTART: a pause signal must not make unrelated syscalls in
        // governed work fail with EINTR.
        action.sa_flags = libc::SA_RESTART;
        // SAFETY: `action.sa_mask` is a valid sigset_t owned by this frame.
        unsafe { libc::sigemptyset(&raw mut action.sa_mask) };
        // SAFETY: `action` is fully initialised and `on_signal` only does
        // async-signal-safe work; the old action is not needed.
        if unsafe { libc::sigaction(signal, &raw const action, std::ptr::null_mut()) } != 0 {
            return Err(io::Error::last_os_error());
        }
    }
    Ok(())
}

/// The watcher `install_signals` prepared and nobody has needed yet.
static PENDING_WATCHER: Mutex<Option<Box<dyn FnOnce() + Send>>> = Mutex::new(None);
/// Fast path for [`start_watcher`]: true while `PENDING_WATCHER` is set.
static WATCHER_PENDING: AtomicBool = AtomicBool::new(false);

fn lock_pending() -> MutexGuard<'static, Option<Box<dyn FnOnce() + Send>>> {
    PENDING_WATCHER.lock().unwrap_or_else(|e| e.into_inner())
}

/// Applies the signals received so far and starts the watcher thread, once;
/// afterwards a single atomic load. Must not be called while holding a
/// [`PauseGate`] lock (applying a signal takes it).
pub(crate) fn start_watcher() {
    if !WATCHER_PENDING.load(Ordering::Acquire) {
        return;
    }
    // NB: the lock is held while the start runs, so a second caller waits
    // until the pending signals are applied instead of racing past them.
    let mut pending = lock_pending();
    if let Some(start) = pending.take() {
        start();
    }
    WATCHER_PENDING.store(false, Ordering::Release);
}

fn close_pair(a: libc::c_int, b: libc::c_int) {
    // SAFETY: both descriptors came from pipe2 and are not used afterwards.
    unsafe {
        libc::close(a);
        libc::close(b);
    }
}

/// Applies the bytes already in the pipe, without waiting for more.
fn drain<G>(read_fd: libc::c_int, target: &Weak<G>, gate: fn(&G) -> &PauseGate) {
    let mut buf = [0_u8; 64];
    loop {
        let mut poll = libc::pollfd {
            fd: read_fd,
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: `poll` is one valid pollfd; a zero timeout never blocks.
        if unsafe { libc::poll(&raw mut poll, 1, 0) } != 1 {
            return;
        }
        // SAFETY: `buf` is a valid writable buffer of the given length and
        // the pipe is readable, so this read does not block.
        let n = unsafe { libc::read(read_fd, buf.as_mut_ptr().cast(), buf.len()) };
        let Ok(len @ 1..) = usize::try_from(n) else {
            return;
        };
        let Some(owner) = target.upgrade() else {
            return;
        };
        apply(&buf[..len], gate(&owner));
    }
}

fn apply(bytes: &[u8], gate: &PauseGate) {
    for &byte in bytes {
        match byte {
            PAUSE_BYTE => {
                tracing::info!("SIGUSR1: pausing governed work");
                gate.pause();
            }
            RESUME_BYTE => {
                tracing::info!("SIGUSR2: resuming governed work");
                gate.resume();
            }
            _ => {}
        }
    }
}

/// The watcher thread: turns pipe bytes into gate operations.
fn watch<G>(read_fd: libc::c_int, target: &Weak<G>, gate: fn(&G) -> &PauseGate) {
    // This thread sleeps in `read`: never the one a child's exit wakes.
    crate::runtime::child::mute_child_signal();
    let mut buf = [0_u8; 64];
    loop {
        // SAFETY: `buf` is a valid writable buffer of the given length and
        // `read_fd` stays open for the life of this thread.
        let n = unsafe { libc::read(read_fd, buf.as_mut_ptr().cast(), buf.len()) };
        if n < 0 {
            if io::Error::last_os_error().kind() == io::ErrorKind::Interrupted {
                continue;
            }
            break;
        }
        if n == 0 {
            break;
        }
        let Some(owner) = target.upgrade() else { break };
        let len = usize::try_from(n).unwrap_or(0);
        apply(&buf[..len], gate(&owner));
    }
    // The governor is gone: stop forwarding. NB: both ends stay open on
    // purpose. A handler running right now may still hold the old write
    // descriptor; closing it could let that byte land in an unrelated file
    // that reuses the number, and closing only the read end would turn the
    // handler's write into SIGPIPE. Two descriptors for the rest of the
    // process is the cheaper price.
    SIGNAL_PIPE.store(-1, Ordering::SeqCst);
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    #[test]
    fn blocking_waiters_wake_on_resume_and_time_is_counted() {
        let gate = Arc::new(PauseGate::default());
        gate.pause();
        let waiter = {
            let gate = Arc::clone(&gate);
            std::thread::spawn(move || {
                let start = Instant::now();
                gate.wait_blocking();
                start.elapsed()
            })
        };
        std::thread::sleep(Duration::from_millis(80));
        assert!(gate.is_paused());
        gate.resume();
        let waited = waiter.join().expect("waiter thread");
        assert!(
            waited >= Duration::from_millis(70),
            "waited only {waited:?}"
        );
        assert!(gate.paused_time() >= Duration::from_millis(80));
        assert!(!gate.is_paused());
    }

    #[test]
    fn open_gate_does_not_wait() {
        let gate = PauseGate::default();
        let start = Instant::now();
        gate.wait_blocking();
        assert!(start.elapsed() < Duration::from_millis(50));
        assert_eq!(gate.paused_time(), Duration::ZERO);
    }
}
