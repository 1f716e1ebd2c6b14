//! The one tokio runtime, built lazily.
//!
//! `main` creates an [`Executor`] and hands it to every command through the
//! context. Nothing is started until a command first asks for the runtime, so
//! `--version`, `--help`, `--list`, `completions` and `man` stay in the low
//! milliseconds and never spawn worker threads.
//!
//! Invariant: this is the only place in omni that builds a tokio runtime
//! (clippy's `disallowed-methods` enforces it).

use std::future::Future;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use tokio::runtime::Runtime;

use crate::runtime::error::{Exit, Failure};

/// Owner of the lazily built multi-thread runtime.
pub struct Executor {
    workers: AtomicUsize,
    mute_child_signal: std::sync::atomic::AtomicBool,
    runtime: OnceLock<Runtime>,
}

impl Executor {
    /// An executor whose runtime will have `workers` worker threads.
    pub fn new(workers: usize) -> Executor {
        Executor {
            workers: AtomicUsize::new(workers.max(1)),
            mute_child_signal: std::sync::atomic::AtomicBool::new(false),
            runtime: OnceLock::new(),
        }
    }

    /// Caps the worker threads of the runtime to come at `workers`, for a
    /// command whose work is reacting to events one after another (a task
    /// runner waiting on thousands of child processes): with one worker,
    /// the thread that receives an event handles it, where a second one
    /// costs a wake-up of another thread per event. Returns false (and
    /// changes nothing) once the runtime has started.
    pub fn limit_workers(&self, workers: usize) -> bool {
        if self.started() {
            return false;
        }
        self.workers.fetch_min(workers.max(1), Ordering::Relaxed);
        true
    }

    /// For a command that starts thousands of child processes: blocks
    /// SIGCHLD in the calling thread and in every runtime thread, so that
    /// no child's exit wakes a thread that has nothing to do with it (see
    /// [`crate::runtime::child::mute_child_signal`]). Returns false (and
    /// changes nothing) once the runtime has started.
    ///
    /// NB: `tokio::process` still works (it waits on pidfds); only its
    /// SIGCHLD-driven reaping of dropped children is off.
    pub fn mute_child_signal(&self) -> bool {
        if self.started() {
            return false;
        }
        crate::runtime::child::mute_child_signal();
        self.mute_child_signal.store(true, Ordering::Relaxed);
        true
    }

    /// True once the runtime has been built.
    pub fn started(&self) -> bool {
        self.runtime.get().is_some()
    }

    /// The runtime, built on first use.
    pub fn runtime(&self) -> Result<&Runtime, Failure> {
        if let Some(rt) = self.runtime.get() {
            return Ok(rt);
        }
        let workers = self.workers.load(Ordering::Relaxed);
        let mute = self.mute_child_signal.load(Ordering::Relaxed);
        #[allow(clippy::disallowed_methods)] // the one sanctioned builder
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(workers)
            .thread_name("omni-worker")
            .on_thread_start(move || {
                if mute {
                    crate::runtime::child::mute_child_signal();
                }
            })
            .enable_all()
            .build()
            .map_err(|e| {
                Failure::wrap(Exit::Unavailable, e).context("starting the tokio runtime")
            })?;
        tracing::debug!(workers, "tokio runtime started");
        Ok(self.runtime.get_or_init(|| rt))
    }

    /// Runs a future to completion on the runtime.
    pub fn block_on<F: Future>(&self, future: F) -> Result<F::Output, Failure> {
        Ok(self.runtime()?.block_on(future))
    }

    /// Runs `future` as a task on a worker thread and waits for it.
    ///
    /// For loops that react to a stream of I/O events (thousands of child
    /// exits): under [`Executor::block_on`] the calling thread polls the
    /// future while a worker receives the events, so each event costs a
    /// wake-up of another thread; here the worker that receives an event
    /// polls the future itself. `while_waiting` runs on the calling thread
    /// meanwhile (a progress display) and is dropped when `future` ends.
    pub fn run_on_worker<F, W>(&self, future: F, while_waiting: W) -> Result<F::Output, Failure>
    where
        F: Future + Send + 'static,
        F::Output: Send + 'static,
        W: Future<Output = ()>,
    {
        let rt = self.runtime()?;
        let joined = rt.block_on(async {
            let task = rt.spawn(future);
            tokio::pin!(while_waiting);
            tokio::pin!(task);
            let mut waiting = true;
            loop {
                tokio::select! {
                    joined = &mut task => break joined,
                    () = &mut while_waiting, if waiting => waiting = false,
                }
            }
        });
        joined.map_err(|e| match e.try_into_panic() {
            Ok(payload) => std::panic::resume_unwind(payload),
            Err(e) => Failure::new(Exit::Software, format!("a runtime task ended early: {e}")),
        })
    }
}

impl Drop for Executor {
    fn drop(&mut self) {
        // NB: dropping a runtime waits for blocking tasks; a stuck one would
        // hang exit. Give background work a bounded moment, then move on.
        if let Some(rt) = self.runtime.take() {
            rt.shutdown_timeout(std::time::Duration::from_secs(2));
        }
    }
}

/// `f` over `items`, in order, spread over the cores: one share per core
/// (at least `min_share` items each); the calling thread does the first,
/// the runtime's blocking threads the others (on a copy of their items).
/// Those threads outlive the call, so a caller that does this often (a
/// replica checking every ordered batch) starts no thread each time. For
/// CPU-bound work, called from a blocking context (a `spawn_blocking` task
/// or a plain thread); outside a runtime, everything runs on the caller. A
/// share whose task never ran (the runtime shutting down) is done here.
pub fn map_shares<T, R, F>(items: &[T], min_share: usize, f: F) -> Vec<R>
where
    T: Clone + Send + 'static,
    R: Send + 'static,
    F: Fn(&[T]) -> Vec<R> + Clone + Send + 'static,
{
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len() / min_share.max(1) + 1);
    let chunk = items.len().div_ceil(threads).max(1);
    let mut shares = items.chunks(chunk);
    let Some(first) = shares.next() else {
        return Vec::new();
    };
    let runtime = tokio::runtime::Handle::try_current().ok();
    let helpers: Vec<_> = shares
        .map(|share| {
            let (tx, rx) = std::sync::mpsc::channel();
            if let Some(rt) = &runtime {
                let (owned, f) = (share.to_vec(), f.clone());
                drop(rt.spawn_blocking(move || {
                    let _ = tx.send(f(&owned));
                }));
            }
            (share, rx)
        })
        .collect();
    let mut out = f(first);
    for (share, rx) in helpers {
        out.extend(rx.recv().unwrap_or_else(|_| f(share)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runtime_starts_only_when_asked() {
        let ex = Executor::new(2);
        assert!(!ex.started());
        let v = ex.block_on(async { 40 + 2 }).unwrap();
        assert_eq!(v, 42);
        assert!(ex.started());
    }

    #[test]
    fn run_on_worker_polls_on_a_worker_and_waits_with_the_caller() {
        let ex = Executor::new(2);
        assert!(ex.limit_workers(1));
        let caller = std::thread::current().id();
        let shown = std::sync::Arc::new(AtomicUsize::new(0));
        let seen = std::sync::Arc::clone(&shown);
        let (thread, name) = ex
            .run_on_worker(
                async {
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                    let t = std::thread::current();
                    (t.id(), t.name().map(String::from))
                },
                async move {
                    loop {
                        seen.fetch_add(1, Ordering::Relaxed);
                        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
                    }
                },
            )
            .unwrap();
        assert_ne!(thread, caller, "the future ran on a worker");
        assert_eq!(name.as_deref(), Some("omni-worker"));
        assert!(
            shown.load(Ordering::Relaxed) > 1,
            "the caller's side ran meanwhile"
        );
        assert_eq!(ex.runtime().unwrap().metrics().num_workers(), 1);
        assert!(!ex.limit_workers(1), "too late once started");
    }

    #[test]
    fn shares_come_back_in_order_from_several_threads() {
        let items: Vec<u64> = (0..10_000).collect();
        let work = |share: &[u64]| -> Vec<(u64, std::thread::ThreadId)> {
            let me = std::thread::current().id();
            share.iter().map(|x| (x * x, me)).collect()
        };
        // Outside a runtime: all on the caller.
        let alone = map_shares(&items, 64, work);
        assert!(alone.iter().all(|(_, t)| *t == std::thread::current().id()));
        let ex = Executor::new(1);
        let rt = ex.runtime().unwrap();
        let out = rt.block_on(async {
            tokio::task::spawn_blocking(move || map_shares(&items, 64, work))
                .await
                .unwrap()
        });
        let squares: Vec<u64> = out.iter().map(|(x, _)| *x).collect();
        assert_eq!(squares, (0..10_000u64).map(|x| x * x).collect::<Vec<_>>());
        let threads: std::collections::HashSet<_> = out.iter().map(|(_, t)| *t).collect();
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        assert_eq!(
            threads.len(),
            cores.min(10_000 / 64 + 1),
            "one share per core"
        );
        // Fewer items than a share: one thread.
        assert_eq!(map_shares(&[1u64, 2, 3], 64, work).len(), 3);
        assert!(map_shares(&[] as &[u64], 64, work).is_empty());
    }

    #[test]
    #[should_panic(expected = "boom")]
    fn a_panic_on_the_worker_reaches_the_caller() {
        let ex = Executor::new(1);
        let _ = ex.run_on_worker(async { panic!("boom") }, async {});
    }
}
