//! The in-process costs of `omni chaos` that sit between a command and its
//! fault taking effect (scripts/bench/chaos.sh measures the faults themselves
//! against stress-ng):
//!
//! - `chaos/lease/create-and-finish`: recording a lease and making it final,
//!   two crash-safe writes (temp file, fsync, rename) under the leases lock;
//! - `chaos/targets/by-name`: one pass over `/proc` matching a regular
//!   expression against every process's name and command line.

use std::time::{Duration, SystemTime};

use criterion::{Criterion, criterion_group, criterion_main};
use omni::systems::chaos::lease::{LeaseState, Leases, NewLease, Proc, unix};
use omni::systems::chaos::target::{Selector, matching};

fn leases(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let leases = Leases::new(dir.path());
    let new = NewLease {
        fault: "cpu".into(),
        params: serde_json::json!({"load": 50}),
        plan: vec!["hold 50% of cpu 0".into()],
        duration: Duration::from_secs(10),
        grace: Duration::from_secs(10),
        controller: Proc::own(),
        experiment: None,
    };
    c.bench_function("chaos/lease/create-and-finish", |b| {
        b.iter(|| {
            let lease = leases
                .create(new.clone(), SystemTime::now())
                .expect("create");
            leases
                .update(&lease.id, |l| {
                    l.finish(LeaseState::Ended, None, unix(SystemTime::now()))
                })
                .expect("finish");
        });
    });
}

fn targets(c: &mut Criterion) {
    let re = Selector::Name(regex::Regex::new(r"^no-such-process-\d+$").expect("regex"));
    c.bench_function("chaos/targets/by-name", |b| b.iter(|| matching(&re)));
}

criterion_group!(benches, leases, targets);
criterion_main!(benches);
