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

use tokio::runtime::Runtime;

use crate::runtime::error::{Exit, Failure};

/// Owner of the lazily built multi-thread runtime.
pub struct Executor {
    workers: usize,
    runtime: OnceLock<Runtime>,
}

impl Executor {
    /// An executor whose runtime will have `workers` worker threads.
    pub fn new(workers: usize) -> Executor {
        Executor {
            workers: workers.max(1),
            runtime: OnceLock::new(),
        }
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
        #[allow(clippy::disallowed_methods)] // the one sanctioned builder
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(self.workers)
            .thread_name("omni-worker")
            .enable_all()
            .build()
            .map_err(|e| {
                Failure::wrap(Exit::Unavailable, e).context("starting the tokio runtime")
            })?;
        tracing::debug!(workers = self.workers, "tokio runtime started");
        Ok(self.runtime.get_or_init(|| rt))
    }

    /// Runs a future to completion on the runtime.
    pub fn block_on<F: Future>(&self, future: F) -> Result<F::Output, Failure> {
        Ok(self.runtime()?.block_on(future))
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
}
