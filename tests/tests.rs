//! The one integration-test binary (linking one binary instead of one per
//! file keeps `cargo test` fast). Each module tests one area; tests that need
//! root, namespaces or system packages print `SKIP <test>: <reason>` when the
//! machine cannot run them, and CI (root) runs them all.

// Tests may read the environment and exit freely; the product may not.
#![allow(clippy::disallowed_methods)]
#![allow(clippy::print_stdout, clippy::print_stderr)]

// The product's counting allocator, so governor tests measure what omni
// measures.
#[global_allocator]
static ALLOC: omni::runtime::governor::memory::CountingAlloc<std::alloc::System> =
    omni::runtime::governor::memory::CountingAlloc::new(std::alloc::System);

mod util;

// Dispatch, configuration, output and generated documentation.
mod config;
mod dispatch;
mod docs;
mod examples;

// Systems (each behind its cargo feature).
#[cfg(feature = "attest")]
mod attest;
#[cfg(feature = "attest")]
mod attest_cert;
#[cfg(feature = "attest")]
mod attest_delegation;
#[cfg(feature = "attest")]
mod attest_minisign;
#[cfg(feature = "attest")]
mod attest_quote;
#[cfg(feature = "attest")]
mod attest_serve;
#[cfg(feature = "tpm")]
mod attest_tpm;
#[cfg(feature = "chaos")]
mod chaos;
#[cfg(feature = "chaos")]
mod chaos_experiment;
#[cfg(feature = "chaos")]
mod chaos_net;
#[cfg(feature = "chaos")]
mod chaos_proxy;
#[cfg(feature = "ledger")]
mod ledger;
#[cfg(feature = "ledger")]
mod ledger_batch;
#[cfg(feature = "ledger")]
mod ledger_cluster;
#[cfg(feature = "ledger")]
mod ledger_policy;
#[cfg(feature = "ledger")]
mod ledger_watch;
#[cfg(feature = "parallel")]
mod parallel;
#[cfg(feature = "parallel")]
mod parallel_gnu;
#[cfg(feature = "parallel")]
mod parallel_slurm;

// The shared runtime.
mod crypto;
mod governor;
mod ps;
mod server;
mod supervisor;
