//! Packet faults without netem: an iptables rule sends the matching
//! packets to an NFQUEUE, and a thread of the controller decides each one:
//! hold it for `delay ± jitter` (latency; with jitter, packets leave in the
//! order their times come due, so they can be reordered, as with netem),
//! hold a share of them for a delay (reorder), send a share twice
//! (duplicate: the copy goes out through a raw socket with omni's packet
//! mark, which the rule skips), or flip one bit in the payload of a share
//! (corrupt).
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
    /// Packets held back (reorder), sent twice or corrupted.
    pub changed: u64,
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

/// The packet mark of omni's duplicates ("omni"): the rule skips them.
pub const MARK: u32 = 0x6f6d_6e69;

/// What the engine does to each packet.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Action {
    Delay {
        delay: Duration,
        jitter: Duration,
    },
    /// Hold `percent`% of the packets for `delay`; the others pass.
    Reorder {
        percent: f64,
        delay: Duration,
    },
    /// Send `percent`% of the packets twice.
    Duplicate {
        percent: f64,
    },
    /// Flip one random bit of the transport payload of `percent`% of the
    /// packets (for UDP over IPv4 the checksum is cleared, so the corrupt
    /// datagram arrives; TCP's fails and is retransmitted, as with netem).
    Corrupt {
        percent: f64,
    },
}

/// An open, bound queue and the thread that will hold its packets.
pub struct Engine {
    queue: nfq::Queue,
    pub num: u16,
    /// For duplicates: a raw IPv4 socket marked [`MARK`], in the namespace.
    raw: Option<std::os::fd::OwnedFd>,
}

fn raw_socket() -> Result<std::os::fd::OwnedFd, ChaosError> {
    use std::os::fd::FromRawFd;
    // SAFETY: socket(2) returns a new descriptor or -1; we own it at once.
    let fd = unsafe { libc::socket(libc::AF_INET, libc::SOCK_RAW, libc::IPPROTO_RAW) };
    if fd < 0 {
        return Err(ChaosError::Unavailable(format!(
            "a raw socket for duplicates: {}",
            std::io::Error::last_os_error()
        )));
    }
    // SAFETY: fd is a fresh, valid descriptor nobody else owns.
    let owned = unsafe { std::os::fd::OwnedFd::from_raw_fd(fd) };
    let mark = MARK;
    // SAFETY: setsockopt with a u32 the call reads only during the call.
    let rc = unsafe {
        libc::setsockopt(
            fd,
            libc::SOL_SOCKET,
            libc::SO_MARK,
            (&mark as *const u32).cast(),
            std::mem::size_of::<u32>() as libc::socklen_t,
        )
    };
    if rc != 0 {
        return Err(ChaosError::Unavailable(format!(
            "marking the duplicates' socket: {}",
            std::io::Error::last_os_error()
        )));
    }
    Ok(owned)
}

/// Sends a whole IPv4 packet (header included) again.
fn resend(raw: &std::os::fd::OwnedFd, packet: &[u8]) {
    use std::os::fd::AsRawFd;
    if packet.len() < 20 || packet[0] >> 4 != 4 {
        return;
    }
    let dst = [packet[16], packet[17], packet[18], packet[19]];
    // SAFETY: a zeroed sockaddr_in is valid; we fill family and address.
    let mut to: libc::sockaddr_in = unsafe { std::mem::zeroed() };
    to.sin_family = libc::AF_INET as libc::sa_family_t;
    to.sin_addr.s_addr = u32::from_ne_bytes(dst);
    // SAFETY: sendto reads `packet` and `to` only during the call.
    unsafe {
        libc::sendto(
            raw.as_raw_fd(),
            packet.as_ptr().cast(),
            packet.len(),
            0,
            (&to as *const libc::sockaddr_in).cast(),
            std::mem::size_of::<libc::sockaddr_in>() as libc::socklen_t,
        );
    }
}

/// Flips one random bit after the IPv4 and transport headers (a UDP
/// checksum is cleared so the datagram still arrives).
fn corrupt(packet: &mut [u8], rng: &mut impl Rng) -> bool {
    if packet.len() < 20 || packet[0] >> 4 != 4 {
        return false;
    }
    let ihl = usize::from(packet[0] & 0x0f) * 4;
    let (header, min) = match packet[9] {
        17 => (8, 8),
        6 => {
            let off = packet.get(ihl + 12).map_or(20, |b| usize::from(b >> 4) * 4);
            (off, 20)
        }
        _ => (0, 0),
    };
    let start = ihl + header.max(min);
    if start >= packet.len() {
        return false;
    }
    let at = rng.gen_range(start..packet.len());
    packet[at] ^= 1 << rng.gen_range(0..8);
    if packet[9] == 17 && packet.len() >= ihl + 8 {
        packet[ihl + 6] = 0;
        packet[ihl + 7] = 0;
    }
    true
}

/// Opens and binds an NFQUEUE (inside `netns`, when given) on the calling
/// thread, trying queue numbers from `first`. Call it on the thread that
/// will run [`Engine::run`].
pub fn bind(netns: Option<&str>, first: u16, action: Action) -> Result<Engine, ChaosError> {
    if let Some(ns) = netns {
        enter_netns(ns)?;
    }
    let raw = match action {
        Action::Duplicate { .. } => Some(raw_socket()?),
        _ => None,
    };
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
                return Ok(Engine { queue, num, raw });
            }
            Err(e) => last = Some(e),
        }
    }
    Err(unavailable(
        last.unwrap_or_else(|| std::io::Error::other("no free queue")),
    ))
}

impl Engine {
    /// Serves the queue with `action` until `stop` is set; then lets the
    /// held packets go at once.
    pub fn run(mut self, action: Action, rng: &mut impl Rng, stop: &AtomicBool) -> DelayReport {
        let mut changed = 0_u64;
        let mut held: BinaryHeap<Held> = BinaryHeap::new();
        let mut seq = 0_u64;
        while !stop.load(Ordering::Relaxed) {
            // Take what has arrived.
            while let Ok(mut msg) = self.queue.recv() {
                let now = Instant::now();
                msg.set_verdict(nfq::Verdict::Accept);
                seq += 1;
                let hit = |rng: &mut _, percent: f64| -> bool {
                    Rng::gen_range(rng, 0.0..100.0) < percent
                };
                let hold = match action {
                    Action::Delay { delay, jitter } => Some(if jitter.is_zero() {
                        delay
                    } else {
                        let j = jitter.as_secs_f64();
                        Duration::from_secs_f64(
                            (delay.as_secs_f64() + rng.gen_range(-j..=j)).max(0.0),
                        )
                    }),
                    Action::Reorder { percent, delay } => hit(rng, percent).then_some(delay),
                    Action::Duplicate { percent } => {
                        if hit(rng, percent)
                            && let Some(raw) = &self.raw
                        {
                            resend(raw, msg.get_payload());
                            changed += 1;
                        }
                        None
                    }
                    Action::Corrupt { percent } => {
                        if hit(rng, percent) {
                            let mut packet = msg.get_payload().to_vec();
                            if corrupt(&mut packet, rng) {
                                msg.set_payload(packet);
                                changed += 1;
                            }
                        }
                        None
                    }
                };
                match hold {
                    Some(d) => {
                        if !matches!(action, Action::Delay { .. }) {
                            changed += 1;
                        }
                        held.push(Held {
                            due: now + d,
                            seq,
                            msg,
                        });
                    }
                    None => {
                        let _ = self.queue.verdict(msg);
                    }
                }
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
            changed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;

    #[test]
    fn corruption_flips_one_payload_bit_and_clears_the_udp_checksum() {
        let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(1);
        // IPv4 (IHL 5), UDP, 8-byte header with checksum 0xabcd, 4-byte payload.
        let mut p = vec![
            0x45, 0, 0, 32, 0, 0, 0, 0, 64, 17, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2,
        ];
        p.extend([0x12, 0x34, 0x27, 0x0f, 0, 12, 0xab, 0xcd, 1, 2, 3, 4]);
        let before = p.clone();
        assert!(corrupt(&mut p, &mut rng));
        let diff: Vec<usize> = (0..p.len()).filter(|&i| p[i] != before[i]).collect();
        assert_eq!(&p[26..28], &[0, 0]);
        let flipped: Vec<usize> = diff.into_iter().filter(|&i| i >= 28).collect();
        assert_eq!(flipped.len(), 1);
        assert_eq!((p[flipped[0]] ^ before[flipped[0]]).count_ones(), 1);
        // Not IPv4, or nothing after the headers: untouched.
        assert!(!corrupt(&mut [0x60; 40], &mut rng));
        let mut empty = before[..28].to_vec();
        assert!(!corrupt(&mut empty, &mut rng));
    }
}
