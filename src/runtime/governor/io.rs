//! The I/O token bucket: at most `rate` operations per second on average,
//! with bursts of up to `burst` operations after a quiet spell.
//!
//! The bucket is a GCRA (generic cell rate algorithm) meter: instead of a
//! token count refilled by a timer, it keeps the *theoretical arrival time*
//! (TAT) of the next operation. That makes it a pure function of the time it
//! is handed, so tests drive it with synthetic instants and no sleeping, and
//! the governor only has to sleep for the duration it returns.
//!
//! Guarantees:
//! - Over any interval of length `t` the bucket admits at most
//!   `burst + rate * t` operations (rounded to whole nanoseconds per op).
//! - A full bucket admits `burst` operations at once with no wait.
//! - Reservations are taken in call order: a caller that reserves first gets
//!   the earlier slot, so waiting callers are served first-come first-served
//!   and none starves.
//! - A request larger than the burst is admitted, after waiting for the
//!   excess at the configured rate (it goes into debt rather than hanging).

use std::time::{Duration, Instant};

/// A GCRA meter for `rate` operations per second with `burst` capacity.
#[derive(Debug, Clone)]
pub struct TokenBucket {
    /// Nanoseconds one operation costs (`1e9 / rate`), as a rational
    /// `NANOS_PER_SEC / rate` so large op counts do not accumulate rounding.
    rate: u64,
    /// Operations the bucket holds when full.
    burst: u64,
    /// When the bucket will next be empty of debt; `None` until first use,
    /// which means "full".
    tat: Option<Instant>,
}

const NANOS_PER_SEC: u128 = 1_000_000_000;

impl TokenBucket {
    /// A full bucket; `rate` and `burst` must be at least 1 (the governor
    /// validates its settings before building one).
    pub fn new(rate: u32, burst: u32) -> TokenBucket {
        TokenBucket {
            rate: u64::from(rate.max(1)),
            burst: u64::from(burst.max(1)),
            tat: None,
        }
    }

    /// The time `ops` operations cost at the configured rate.
    fn cost(&self, ops: u64) -> Duration {
        nanos(u128::from(ops) * NANOS_PER_SEC / u128::from(self.rate))
    }

    /// Reserves `ops` operations at `now` and returns how long the caller
    /// must wait before performing them (zero when the bucket has tokens).
    ///
    /// The reservation is final: a caller that gives up after reserving
    /// still used its slot, which keeps the rate bound a hard guarantee.
    pub fn reserve(&mut self, now: Instant, ops: u32) -> Duration {
        let tolerance = self.cost(self.burst);
        let start = match self.tat {
            Some(tat) if tat > now => tat,
            _ => now,
        };
        let tat = start + self.cost(u64::from(ops));
        self.tat = Some(tat);
        tat.saturating_duration_since(now).saturating_sub(tolerance)
    }
}

fn nanos(n: u128) -> Duration {
    Duration::from_nanos(u64::try_from(n).unwrap_or(u64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(n: u64) -> Duration {
        Duration::from_millis(n)
    }

    #[test]
    fn full_bucket_admits_the_burst_then_meters_the_rate() {
        let t0 = Instant::now();
        let mut bucket = TokenBucket::new(50, 50);
        for _ in 0..50 {
            assert_eq!(bucket.reserve(t0, 1), Duration::ZERO);
        }
        // The 51st op at the same instant waits one interval (20ms), the
        // 150th waits 100 intervals: 150 ops take 2s at 50/s with burst 50.
        assert_eq!(bucket.reserve(t0, 1), ms(20));
        let mut last = Duration::ZERO;
        for _ in 52..=150 {
            last = bucket.reserve(t0, 1);
        }
        assert_eq!(last, ms(2000));
    }

    #[test]
    fn idle_time_refills_up_to_the_burst_only() {
        let t0 = Instant::now();
        let mut bucket = TokenBucket::new(10, 5);
        for _ in 0..5 {
            assert_eq!(bucket.reserve(t0, 1), Duration::ZERO);
        }
        // An hour idle refills only 5 tokens, not 36000.
        let later = t0 + Duration::from_secs(3600);
        for _ in 0..5 {
            assert_eq!(bucket.reserve(later, 1), Duration::ZERO);
        }
        assert_eq!(bucket.reserve(later, 1), ms(100));
    }

    #[test]
    fn rate_bound_holds_for_callers_that_wait_as_told() {
        // Simulate one caller doing 1000 single ops, sleeping as told; the
        // virtual clock must show at least (1000 - burst) / rate seconds.
        let t0 = Instant::now();
        let mut now = t0;
        let mut bucket = TokenBucket::new(200, 20);
        for _ in 0..1000 {
            now += bucket.reserve(now, 1);
        }
        let elapsed = now - t0;
        assert!(elapsed >= ms(4900), "{elapsed:?}");
        assert!(elapsed <= ms(4901), "{elapsed:?}");
    }

    #[test]
    fn large_requests_go_into_debt_instead_of_hanging() {
        let t0 = Instant::now();
        let mut bucket = TokenBucket::new(100, 10);
        // 110 ops with 10 in the bucket: wait for the other 100 (1s).
        assert_eq!(bucket.reserve(t0, 110), ms(1000));
        // The next op queues behind that debt.
        assert_eq!(bucket.reserve(t0, 1), ms(1010));
    }

    #[test]
    fn fractional_intervals_do_not_drift() {
        let t0 = Instant::now();
        let mut bucket = TokenBucket::new(3, 1);
        let mut wait = Duration::ZERO;
        for _ in 0..301 {
            wait = bucket.reserve(t0, 1);
        }
        // 300 ops past the burst at 3/s: 100s, to within rounding of 1ns/op.
        let off = wait.abs_diff(Duration::from_secs(100));
        assert!(off <= Duration::from_nanos(300), "{wait:?}");
    }
}
