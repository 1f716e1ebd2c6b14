//! The memory ceiling: a counting global allocator.
//!
//! `CountingAlloc` wraps the real allocator (the system allocator, or mimalloc
//! in the static musl build) and keeps a running total of live heap bytes and
//! its peak. When a ceiling is set (`--memory-limit`, `[governor]
//! memory_limit`) an allocation that would cross it is refused *before* it
//! happens: omni writes one line naming the limit to stderr and exits with
//! code 75 (temporary failure: retry with a higher limit). Growth stops; no
//! half-finished allocation is ever handed out.
//!
//! Systems that know a large allocation is coming call
//! [`reserve`] first and get a typed error they can report cleanly instead.
//!
//! NB: nothing in here may allocate: it runs inside the allocator.

use std::alloc::{GlobalAlloc, Layout};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

/// Live heap bytes across the process.
static CURRENT: AtomicUsize = AtomicUsize::new(0);
/// The highest value `CURRENT` reached.
static PEAK: AtomicUsize = AtomicUsize::new(0);
/// The ceiling in bytes; `u64::MAX` means none.
static LIMIT: AtomicU64 = AtomicU64::new(u64::MAX);
/// Set once the counting allocator served its first allocation, so callers
/// can tell whether it is really installed as the global allocator.
static ACTIVE: AtomicUsize = AtomicUsize::new(0);

/// The exit status used when the ceiling stops growth.
pub const EXIT_MEMORY_LIMIT: i32 = 75;

/// A global allocator that counts live bytes and enforces the ceiling.
pub struct CountingAlloc<A> {
    inner: A,
}

impl<A> CountingAlloc<A> {
    /// Wraps `inner`; usable in a `static` with `#[global_allocator]`.
    pub const fn new(inner: A) -> Self {
        CountingAlloc { inner }
    }
}

/// Sets (or with `None` clears) the process-wide ceiling in bytes.
pub fn set_limit(limit: Option<u64>) {
    LIMIT.store(limit.unwrap_or(u64::MAX), Ordering::SeqCst);
}

/// The ceiling in bytes, if any.
pub fn limit() -> Option<u64> {
    match LIMIT.load(Ordering::Relaxed) {
        u64::MAX => None,
        n => Some(n),
    }
}

/// Live heap bytes now.
pub fn current() -> usize {
    CURRENT.load(Ordering::Relaxed)
}

/// Peak live heap bytes since start.
pub fn peak() -> usize {
    PEAK.load(Ordering::Relaxed)
}

/// True when `CountingAlloc` is this process's global allocator.
pub fn is_active() -> bool {
    ACTIVE.load(Ordering::Relaxed) != 0
}

/// Checks that `bytes` more would still fit under the ceiling.
///
/// This is advisory (another thread may allocate in between); the allocator
/// itself is the hard stop. It lets a system fail with a clear, typed error
/// before starting a large allocation.
pub fn reserve(bytes: u64) -> Result<(), super::GovernorError> {
    let Some(limit) = limit() else { return Ok(()) };
    let in_use = current() as u64;
    if in_use.saturating_add(bytes) > limit {
        return Err(super::GovernorError::MemoryLimit {
            limit,
            in_use,
            requested: bytes,
        });
    }
    Ok(())
}

/// Writes `omni: error: memory limit of N bytes exceeded ...` to stderr and
/// exits, without allocating.
#[cold]
fn die_over_limit(requested: usize, in_use: usize, limit: u64) -> ! {
    let mut buf = [0_u8; 256];
    let mut len = 0;
    let mut put = |bytes: &[u8]| {
        for &b in bytes {
            if len < buf.len() {
                buf[len] = b;
                len += 1;
            }
        }
    };
    put(b"omni: error: memory limit of ");
    put(itoa(limit, &mut [0; 20]));
    put(b" bytes exceeded (");
    put(itoa(in_use as u64, &mut [0; 20]));
    put(b" in use, ");
    put(itoa(requested as u64, &mut [0; 20]));
    put(b" more requested); raise --memory-limit or [governor] memory_limit\n");
    // SAFETY: writing a valid, initialised buffer to fd 2 and then ending the
    // process without unwinding or running destructors, which could allocate.
    unsafe {
        libc::write(2, buf.as_ptr().cast(), len);
        libc::_exit(EXIT_MEMORY_LIMIT);
    }
}

/// Formats `n` in decimal into `buf` without allocating.
fn itoa(mut n: u64, buf: &mut [u8; 20]) -> &[u8] {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    &buf[i..]
}

impl<A> CountingAlloc<A> {
    /// Accounts for `size` new bytes, or stops the process at the ceiling.
    #[inline]
    fn grow(&self, size: usize) {
        let before = CURRENT.fetch_add(size, Ordering::Relaxed);
        let now = before + size;
        let limit = LIMIT.load(Ordering::Relaxed);
        if now as u64 > limit {
            CURRENT.fetch_sub(size, Ordering::Relaxed);
            die_over_limit(size, before, limit);
        }
        PEAK.fetch_max(now, Ordering::Relaxed);
    }

    #[inline]
    fn shrink(&self, size: usize) {
        CURRENT.fetch_sub(size, Ordering::Relaxed);
    }
}

// SAFETY: every method forwards to the inner allocator with the caller's
// layout unchanged; the counters never affect what memory is returned.
unsafe impl<A: GlobalAlloc> GlobalAlloc for CountingAlloc<A> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ACTIVE.store(1, Ordering::Relaxed);
        self.grow(layout.size());
        // SAFETY: the caller upholds `alloc`'s contract for `layout`.
        let ptr = unsafe { self.inner.alloc(layout) };
        if ptr.is_null() {
            self.shrink(layout.size());
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        ACTIVE.store(1, Ordering::Relaxed);
        self.grow(layout.size());
        // SAFETY: the caller upholds `alloc_zeroed`'s contract for `layout`.
        let ptr = unsafe { self.inner.alloc_zeroed(layout) };
        if ptr.is_null() {
            self.shrink(layout.size());
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was returned by this allocator for `layout`.
        unsafe { self.inner.dealloc(ptr, layout) };
        self.shrink(layout.size());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() {
            self.grow(new_size - layout.size());
        }
        // SAFETY: the caller upholds `realloc`'s contract for `ptr`/`layout`.
        let new = unsafe { self.inner.realloc(ptr, layout, new_size) };
        if new.is_null() {
            if new_size > layout.size() {
                self.shrink(new_size - layout.size());
            }
        } else if new_size < layout.size() {
            self.shrink(layout.size() - new_size);
        }
        new
    }
}

#[cfg(test)]
mod tests {
    use super::itoa;

    #[test]
    fn itoa_formats_decimal() {
        assert_eq!(itoa(0, &mut [0; 20]), b"0");
        assert_eq!(itoa(1234567890, &mut [0; 20]), b"1234567890");
        assert_eq!(itoa(u64::MAX, &mut [0; 20]), b"18446744073709551615");
    }
}
