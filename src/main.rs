//! The `omni` executable: capture the environment and the real streams, hand
//! them to `cli::run`, and turn the returned exit code into the process
//! status. Nothing else lives here.

use std::process::ExitCode;
use std::sync::Arc;

use omni::runtime::config::Env;
use omni::runtime::executor::Executor;
use omni::runtime::governor::memory::CountingAlloc;
use omni::runtime::output::Streams;

// musl's allocator is slow under threads; the static build uses mimalloc.
// Either way the counting wrapper enforces --memory-limit.
#[cfg(target_env = "musl")]
#[global_allocator]
static ALLOC: CountingAlloc<mimalloc::MiMalloc> = CountingAlloc::new(mimalloc::MiMalloc);

#[cfg(not(target_env = "musl"))]
#[global_allocator]
static ALLOC: CountingAlloc<std::alloc::System> = CountingAlloc::new(std::alloc::System);

fn main() -> ExitCode {
    let env = Env::capture();
    let argv = std::env::args_os().collect();
    let workers = omni::runtime::available_cpus();
    let executor = Arc::new(Executor::new(workers));
    let status = omni::cli::run_status(
        argv,
        env,
        omni::commands::SYSTEMS,
        Streams::stdio(),
        Arc::clone(&executor),
        true,
    );
    // Dropping the last handle shuts the runtime down (bounded) before exit.
    drop(executor);
    ExitCode::from(status.code)
}
