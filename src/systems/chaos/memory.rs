//! The memory fault: take `size` bytes of RAM and keep them resident.
//!
//! The memory comes from omni's allocator in 64 MiB chunks (so the
//! governor's memory ceiling applies and a stop request is honoured between
//! chunks), and every page is written, so it is really resident (a page
//! that is only reserved, or only zero-filled, costs the machine nothing).
//! Giving it back is freeing it: the fault ends with its controller, so it
//! needs no undo step.

use std::sync::atomic::{AtomicBool, Ordering};

use super::ChaosError;
use crate::runtime::governor::Governor;
use crate::runtime::units::{ApproxSize, HumanSize};

const CHUNK: usize = 64 << 20;
const PAGE: usize = 4096;
/// What the fault always leaves to the rest of the machine.
pub const RESERVE: u64 = 128 << 20;

/// Memory held by the fault; freed on drop.
pub struct Held {
    chunks: Vec<Vec<u8>>,
}

impl Held {
    pub fn bytes(&self) -> u64 {
        self.chunks.iter().map(|c| c.len() as u64).sum()
    }
}

/// `MemAvailable` from `/proc/meminfo`, in bytes.
pub fn available() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/meminfo").ok()?;
    let line = text.lines().find(|l| l.starts_with("MemAvailable:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

/// This process's resident set (`VmRSS`), in bytes.
pub fn resident() -> Option<u64> {
    let text = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = text.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

/// Refuses a size the machine or the governor cannot give.
pub fn check(size: u64, governor: &Governor) -> Result<(), ChaosError> {
    if size == 0 {
        return Err(ChaosError::Invalid("--size must be more than 0".into()));
    }
    if let Some(avail) = available()
        && size.saturating_add(RESERVE) > avail
    {
        return Err(ChaosError::Unavailable(format!(
            "--size {}: only {} is available (MemAvailable), and the fault leaves {} to the machine",
            HumanSize(size),
            ApproxSize(avail),
            HumanSize(RESERVE)
        )));
    }
    governor
        .reserve_memory(size)
        .map_err(|e| ChaosError::Unavailable(format!("--size {}: {e}", HumanSize(size))))
}

/// Takes `size` bytes and writes every page; stops early (returning what
/// it holds) when `stop` is set.
pub fn take(size: u64, stop: &AtomicBool) -> Held {
    let mut held = Held { chunks: Vec::new() };
    let mut left = size;
    let mut stamp = 1_u8;
    while left > 0 && !stop.load(Ordering::Relaxed) {
        let n = usize::try_from(left).unwrap_or(CHUNK).min(CHUNK);
        let mut chunk = vec![0_u8; n];
        for i in (0..n).step_by(PAGE) {
            chunk[i] = stamp;
            stamp = stamp.wrapping_add(1).max(1);
        }
        left -= n as u64;
        held.chunks.push(chunk);
    }
    held
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn taken_memory_is_resident_and_freed_on_drop() {
        let before = resident().unwrap();
        let held = take(96 << 20, &AtomicBool::new(false));
        assert_eq!(held.bytes(), 96 << 20);
        let during = resident().unwrap();
        assert!(during >= before + (90 << 20), "{before} -> {during}");
        drop(held);
        assert!(resident().unwrap() < during - (60 << 20));
    }
}
