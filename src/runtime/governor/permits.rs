//! Concurrency permits: at most `workers` units of governed work at once.
//!
//! One `tokio::sync::Semaphore` serves async tasks and plain threads alike:
//! tokio's synchronisation primitives do not need a running runtime, so a
//! blocking acquire drives the same acquire future on the calling thread
//! with a tiny park/unpark executor ([`block_on`]). Async and blocking
//! callers therefore queue in one fair (FIFO) line and share one limit.
//!
//! Guarantees:
//! - At most `workers` permit units are held at any instant; a [`Permit`]
//!   gives its units back when dropped, including during unwinding.
//! - Waiters are served in arrival order, so none starves.

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::task::{Context, Poll, Wake, Waker};

use tokio::sync::OwnedSemaphorePermit;

/// Counters the permit path updates; read by `Stats`.
#[derive(Debug, Default)]
pub(crate) struct PermitCounters {
    pub(crate) granted: AtomicU64,
    pub(crate) waits: AtomicU64,
    pub(crate) wait_nanos: AtomicU64,
    pub(crate) in_use: AtomicU64,
    pub(crate) peak_in_use: AtomicU64,
}

impl PermitCounters {
    pub(crate) fn record_grant(&self, units: u32, waited: Option<std::time::Duration>) {
        self.granted.fetch_add(1, Ordering::Relaxed);
        if let Some(waited) = waited {
            self.waits.fetch_add(1, Ordering::Relaxed);
            self.wait_nanos.fetch_add(
                u64::try_from(waited.as_nanos()).unwrap_or(u64::MAX),
                Ordering::Relaxed,
            );
        }
        let now = self.in_use.fetch_add(u64::from(units), Ordering::AcqRel) + u64::from(units);
        self.peak_in_use.fetch_max(now, Ordering::AcqRel);
    }
}

/// Held permission to run governed work; releases its units on drop.
#[must_use = "a permit releases its units as soon as it is dropped"]
#[derive(Debug)]
pub struct Permit {
    // NB: `Drop::drop` below runs before the fields drop, so `in_use` is
    // decremented before `permit` hands its units back to the semaphore:
    // the counter never shows more units in use than the semaphore allows.
    permit: OwnedSemaphorePermit,
    counters: Arc<PermitCounters>,
}

impl Permit {
    pub(crate) fn new(permit: OwnedSemaphorePermit, counters: Arc<PermitCounters>) -> Permit {
        Permit { permit, counters }
    }

    /// The units this permit holds.
    pub fn units(&self) -> u32 {
        u32::try_from(self.permit.num_permits()).unwrap_or(u32::MAX)
    }
}

impl Drop for Permit {
    fn drop(&mut self) {
        self.counters
            .in_use
            .fetch_sub(self.permit.num_permits() as u64, Ordering::AcqRel);
    }
}

/// Wakes a parked thread.
struct ThreadWaker(std::thread::Thread);

impl Wake for ThreadWaker {
    fn wake(self: Arc<Self>) {
        self.0.unpark();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.0.unpark();
    }
}

/// Runs `future` to completion on the calling thread, parking between polls.
///
/// Only for futures that are woken by another thread (a semaphore release,
/// a resume): nothing here drives timers or I/O. Do not call it on a tokio
/// worker thread; it would block that worker.
pub(crate) fn block_on<F: Future>(future: F) -> F::Output {
    let waker = Waker::from(Arc::new(ThreadWaker(std::thread::current())));
    let mut cx = Context::from_waker(&waker);
    let mut future = std::pin::pin!(future);
    loop {
        if let Poll::Ready(out) = future.as_mut().poll(&mut cx) {
            return out;
        }
        // A spurious unpark only costs one extra poll.
        std::thread::park();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_on_waits_for_a_release_from_another_thread() {
        let sem = Arc::new(tokio::sync::Semaphore::new(1));
        let held = Arc::clone(&sem).try_acquire_owned().expect("free");
        let releaser = std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(30));
            drop(held);
        });
        let got = block_on(Arc::clone(&sem).acquire_owned());
        assert!(got.is_ok());
        releaser.join().expect("releaser");
    }
}
