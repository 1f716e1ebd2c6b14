//! Events for the ledger benches, shared with `#[path]` (a bench target is
//! its own crate).

use omni::systems::ledger::event::{Body, Severity};

/// Event `i`: a high-severity brute-force report from `10.x.y.z` (distinct
/// for every `i` below 2^24) by `reporter` of `domain`, at a fixed time.
pub fn body(
    i: u32,
    reporter: &str,
    domain: &str,
    ttl: u64,
    meta: serde_json::Map<String, serde_json::Value>,
) -> Body {
    Body {
        v: 1,
        time: "2026-11-23T10:00:00.000Z".into(),
        kind: "brute_force".into(),
        source: format!("10.{}.{}.{}", i >> 16 & 255, i >> 8 & 255, i & 255)
            .parse()
            .expect("an address"),
        severity: Severity::High,
        ttl,
        meta,
        domain: domain.into(),
        reporter: reporter.into(),
    }
}
