//! The CPU fault: one thread per chosen core, pinned to it, holding a
//! given share of that core.
//!
//! The loop is closed on what the thread really got, not on what it asked
//! for: every period (20 ms) it compares the CPU time it has consumed
//! (`CLOCK_THREAD_CPUTIME_ID`, the clock `/proc/<pid>/task/<tid>/schedstat`
//! shows) with `load × elapsed` at the period's end, spins for the
//! difference and sleeps for the rest. Time lost to preemption or to a late
//! wake-up is made up in the following periods, so the load over the
//! fault's life stays on target, where an open-loop duty cycle (stress-ng
//! `--cpu-load`) undershoots by whatever the scheduler takes. What is
//! reported is read back from `/proc` when the thread ends.
//!
//! The load is the hog's own share of each core; other work on the core
//! comes on top.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use serde::Serialize;

use super::ChaosError;

/// How often each thread re-balances spinning and sleeping.
pub const PERIOD: Duration = Duration::from_millis(20);

/// The most CPU time a thread carries over to make up (so a thread starved
/// for long does not then hold its core at 100% for as long).
const MAX_DEBT: Duration = Duration::from_millis(250);

/// What the CPU fault does.
#[derive(Debug, Clone)]
pub struct CpuSpec {
    /// Percent of each core, 1–100.
    pub load: f64,
    /// The cores (CPU numbers) to load.
    pub cpus: Vec<usize>,
}

/// What one core got.
#[derive(Debug, Clone, Serialize)]
pub struct CoreLoad {
    pub cpu: usize,
    /// Percent of the wall time the thread was on the CPU, from `/proc`.
    pub load: f64,
    pub cpu_seconds: f64,
    pub wall_seconds: f64,
}

/// The CPUs this process may run on, in order.
pub fn allowed_cpus() -> Vec<usize> {
    // SAFETY: a zeroed cpu_set_t is a valid empty set; sched_getaffinity
    // fills at most sizeof(cpu_set_t) bytes of it.
    unsafe {
        let mut set: libc::cpu_set_t = std::mem::zeroed();
        if libc::sched_getaffinity(0, std::mem::size_of::<libc::cpu_set_t>(), &mut set) != 0 {
            return vec![0];
        }
        (0..libc::CPU_SETSIZE as usize)
            .filter(|&c| libc::CPU_ISSET(c, &set))
            .collect()
    }
}

/// Checks a spec against this machine.
pub fn check(spec: &CpuSpec) -> Result<(), ChaosError> {
    if !(spec.load > 0.0 && spec.load <= 100.0) {
        return Err(ChaosError::Invalid(format!(
            "--load {}: must be more than 0 and at most 100 (percent of each core)",
            spec.load
        )));
    }
    let allowed = allowed_cpus();
    if spec.cpus.is_empty() {
        return Err(ChaosError::Invalid("no core to load".into()));
    }
    if let Some(c) = spec.cpus.iter().find(|c| !allowed.contains(c)) {
        return Err(ChaosError::Invalid(format!(
            "cpu {c} is not one this process may run on (allowed: {allowed:?})"
        )));
    }
    Ok(())
}

/// Holds the load until `duration` has passed or `stop` is set; returns what
/// each core got.
pub fn hog(spec: &CpuSpec, duration: Duration, stop: &AtomicBool) -> Vec<CoreLoad> {
    let share = spec.load / 100.0;
    std::thread::scope(|s| {
        let threads: Vec<_> = spec
            .cpus
            .iter()
            .map(|&cpu| {
                std::thread::Builder::new()
                    .name(format!("omni-cpu{cpu}"))
                    .spawn_scoped(s, move || one_core(cpu, share, duration, stop))
            })
            .collect();
        threads
            .into_iter()
            .filter_map(|t| t.ok()?.join().ok())
            .collect()
    })
}

fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one timespec we own.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

/// This thread's time on the CPU as `/proc` reports it (schedstat, ns).
fn proc_thread_cpu() -> Option<Duration> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = text.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

fn pin(cpu: usize) {
    // SAFETY: a zeroed cpu_set_t is a valid empty set; CPU_SET stays within
    // it for cpu < CPU_SETSIZE (checked by `check`); pid 0 = this thread.
    unsafe {
        let mut set: libc::cpu_set_t = std::mem::zeroed();
        if cpu < libc::CPU_SETSIZE as usize {
            libc::CPU_SET(cpu, &mut set);
            libc::sched_setaffinity(0, std::mem::size_of::<libc::cpu_set_t>(), &set);
        }
    }
}

fn one_core(cpu: usize, share: f64, duration: Duration, stop: &AtomicBool) -> CoreLoad {
    pin(cpu);
    let start = Instant::now();
    let proc0 = proc_thread_cpu();
    let cpu0 = thread_cpu();
    let end = start + duration;
    let mut period_end = start + PERIOD;
    let mut sink = 0_u64;
    // Debt beyond MAX_DEBT is written off (counted as used).
    let mut forgiven = Duration::ZERO;
    while !stop.load(Ordering::Relaxed) {
        let now = Instant::now();
        if now >= end {
            break;
        }
        let until = period_end.min(end);
        let want = (until - start).mul_f64(share);
        let used = thread_cpu() - cpu0 + forgiven;
        let debt = want.saturating_sub(used);
        if debt > PERIOD + MAX_DEBT {
            forgiven += debt - (PERIOD + MAX_DEBT);
        }
        // Spin until this thread has had its share or the period is over.
        while thread_cpu() - cpu0 + forgiven < want && Instant::now() < until {
            for i in 0..2_000_u64 {
                sink = std::hint::black_box(sink.wrapping_mul(6364136223846793005).wrapping_add(i));
            }
        }
        let now = Instant::now();
        if now < until {
            std::thread::sleep(until - now);
        }
        period_end += PERIOD;
        if period_end < Instant::now() {
            // Fell behind by more than a period (a long preemption): keep
            // the grid, skip the periods already gone.
            let behind = Instant::now() - period_end;
            period_end += PERIOD * (behind.as_nanos() / PERIOD.as_nanos() + 1) as u32;
        }
    }
    std::hint::black_box(sink);
    let wall = start.elapsed();
    let used = match (proc0, proc_thread_cpu()) {
        (Some(a), Some(b)) => b.saturating_sub(a),
        _ => thread_cpu() - cpu0,
    };
    CoreLoad {
        cpu,
        load: 100.0 * used.as_secs_f64() / wall.as_secs_f64().max(1e-9),
        cpu_seconds: used.as_secs_f64(),
        wall_seconds: wall.as_secs_f64(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_loads_and_cores_are_refused() {
        let cpus = allowed_cpus();
        assert!(!cpus.is_empty());
        for load in [0.0, -5.0, 100.5, f64::NAN] {
            let spec = CpuSpec {
                load,
                cpus: cpus.clone(),
            };
            assert!(check(&spec).is_err(), "{load}");
        }
        let spec = CpuSpec {
            load: 50.0,
            cpus: vec![100_000],
        };
        assert!(check(&spec).is_err());
    }

    #[test]
    fn a_stop_request_ends_the_hog_at_once() {
        let stop = AtomicBool::new(true);
        let spec = CpuSpec {
            load: 50.0,
            cpus: vec![allowed_cpus()[0]],
        };
        let started = Instant::now();
        let loads = hog(&spec, Duration::from_secs(30), &stop);
        assert!(started.elapsed() < Duration::from_secs(5));
        assert_eq!(loads.len(), 1);
    }
}
