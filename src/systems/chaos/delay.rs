//! Network latency without netem: an iptables rule sends the matching
//! packets to an NFQUEUE, and a thread of the controller holds each one for
//! `delay ± jitter` (uniform) before it accepts it. With jitter, packets
//! leave in the order their times come due, so they can be reordered, as
//! with netem.
//!
//! The rule carries `--queue-bypass`: when no program listens on the queue
//! (the controller died), the kernel lets packets through instead of
//! dropping them, so a dead controller never black-holes traffic. The queue
//! is bound before the rule is inserted, and the rule is deleted (by the
//! controller, its watchdog or a sweep) like every other tagged rule.

use std::collections::BinaryHeap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use rand::Rng;
use serde::Serialize;

use super::ChaosError;

/// The most packets held at once (the kernel queue is as long).
const MAX_HELD: u32 = 8192;

/// What the delay engine did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct DelayReport {
    pub queue: u16,
    pub packets: u64,
}

struct Held {
    due: Instant,
    seq: u64,
    msg: nfq::Message,
}

impl PartialEq for Held {
    fn eq(&self, other: &Held) -> bool {
        (self.due, self.seq) == (other.due, other.seq)
    }
}
impl Eq for Held {}
impl PartialOrd for Held {
    fn partial_cmp(&self, other: &Held) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Held {
    // Earliest due first out of a max-heap.
    fn cmp(&self, other: &Held) -> std::cmp::Ordering {
        (other.due, other.seq).cmp(&(self.due, self.seq))
    }
}

/// Enters network namespace `name` (made by `ip netns add`) on this thread.
fn enter_netns(name: &str) -> Result<(), ChaosError> {
    let path = std::path::Path::new("/run/netns").join(name);
    let file = std::fs::File::open(&path).map_err(|e| ChaosError::io("opening", &path, e))?;
    use std::os::fd::AsRawFd;
    // SAFETY: setns(2) on a descriptor we own; CLONE_NEWNET moves only this
    // thread, which is the engine's own.
    if unsafe { libc::setns(file.as_raw_fd(), libc::CLONE_NEWNET) } != 0 {
        return Err(ChaosError::io(
            "entering",
            &path,
            std::io::Error::last_os_error(),
        ));
    }
    Ok(())
}

/// An open, bound queue and the thread that will hold its packets.
pub struct Engine {
    queue: nfq::Queue,
    pub num: u16,
}

/// Opens and binds an NFQUEUE (inside `netns`, when given) on the calling
/// thread, trying queue numbers from `first`. Call it on the thread that
/// will run [`Engine::run`].
pub fn bind(netns: Option<&str>, first: u16) -> Result<Engine, ChaosError> {
    if let Some(ns) = netns {
        enter_netns(ns)?;
    }
    let unavailable = |e: std::io::Error| {
        ChaosError::Unavailable(format!("NFQUEUE: {e} (is xt_NFQUEUE in the kernel?)"))
    };
    let mut queue = nfq::Queue::open().map_err(unavailable)?;
    let mut last = None;
    for num in (first..=u16::MAX).chain(1..first).take(64) {
        match queue.bind(num) {
            Ok(()) => {
                let _ = queue.set_fail_open(num, true);
                let _ = queue.set_queue_max_len(num, MAX_HELD);
                queue.set_nonblocking(true);
                return Ok(Engine { queue, num });
            }
            Err(e) => last = Some(e),
        }
    }
    Err(unavailable(
        last.unwrap_or_else(|| std::io::Error::other("no free queue")),
    ))
}

impl Engine {
    /// Holds every queued packet for `delay ± jitter`, until `stop` is set;
    /// then lets the held ones go at once.
    pub fn run(
        mut self,
        delay: Duration,
        jitter: Duration,
        rng: &mut impl Rng,
        stop: &AtomicBool,
    ) -> DelayReport {
        let mut held: BinaryHeap<Held> = BinaryHeap::new();
        let mut seq = 0_u64;
        while !stop.load(Ordering::Relaxed) {
            // Take what has arrived.
            while let Ok(mut msg) = self.queue.recv() {
                let now = Instant::now();
                let d = if jitter.is_zero() {
                    delay
                } else {
                    let j = jitter.as_secs_f64();
                    Duration::from_secs_f64((delay.as_secs_f64() + rng.gen_range(-j..=j)).max(0.0))
                };
                msg.set_verdict(nfq::Verdict::Accept);
                seq += 1;
                held.push(Held {
                    due: now + d,
                    seq,
                    msg,
                });
            }
            // Let go of what is due.
            let now = Instant::now();
            while held.peek().is_some_and(|h| h.due <= now) {
                if let Some(h) = held.pop() {
                    let _ = self.queue.verdict(h.msg);
                }
            }
            // NB: no descriptor to wait on; a short sleep bounds both the
            // added error (≤ 0.2 ms) and the CPU spent polling.
            let nap = held
                .peek()
                .map_or(Duration::from_micros(200), |h| {
                    h.due.saturating_duration_since(now)
                })
                .min(Duration::from_micros(200));
            std::thread::sleep(nap);
        }
        while let Some(h) = held.pop() {
            let _ = self.queue.verdict(h.msg);
        }
        let _ = self.queue.unbind(self.num);
        DelayReport {
            queue: self.num,
            packets: seq,
        }
    }
}
