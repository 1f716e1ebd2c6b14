//! The costs inside `omni ledger` (the end-to-end figures, `record --batch`
//! throughput and `verify` time, are in docs/ledger.md with the commands
//! that reproduce them):
//!
//! - `ledger/commit/4096`: one commit of 4096 signed events: framing,
//!   one `fdatasync`, the tree extended, a checkpoint signed and appended;
//! - `ledger/sign/event` and `ledger/check/event`: one event signed, and
//!   parsed, checked canonical and verified strictly with `verify_strict`
//!   (`Event::parse` then `Event::check`, the one-off path);
//! - `ledger/check/entry`: the same answer by `event::check_entry` with
//!   prepared keys, one entry at a time;
//! - `ledger/check/entries/256`: 256 entries checked as one batch by
//!   `event::check_entries` (one shared field inversion): what `verify` and
//!   the cluster replicas do;
//! - `ledger/merkle/root/1M`: the root of a million leaves from their hashes;
//! - `ledger/merkle/inclusion/1M`: one inclusion proof in that tree;
//! - `ledger/query/source-32/100k/{scan,index,index-cold}`: `query --source
//!   <one /32>` over 100,000 entries: every entry parsed and filtered (what
//!   `query` did before the index), the index's selection, and the same
//!   with the index file read and checked against the log first (what a
//!   fresh `query` process pays on top of opening the log).

use criterion::{Criterion, criterion_group, criterion_main};
use omni::systems::ledger::event::{Body, Event, Net, Verifiers, check_entries, check_entry};
use omni::systems::ledger::index::{Filter, Index};
use omni::systems::ledger::{Ledger, init, merkle};

#[path = "support/events.rs"]
mod events;

fn body(i: u32, reporter: &str) -> Body {
    let mut meta = serde_json::Map::new();
    meta.insert("attempts".into(), (i % 17).into());
    events::body(i, reporter, "org-a", 86_400, meta)
}

fn ledger(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("l");
    let key = omni::runtime::crypto::generate_os();
    let meta = init(&path, "org-a", key.clone(), "2026-11-23T10:00:00.000Z").expect("init");
    let mut ledger = Ledger::open(&path, true).expect("open");
    let events: Vec<Vec<u8>> = (0..4096)
        .map(|i| body(i, &meta.key_id).sign(&key).to_entry())
        .collect();
    let mut group = c.benchmark_group("ledger/commit");
    group.sample_size(20);
    group.bench_function("4096", |b| {
        b.iter(|| ledger.append_entries(&events).expect("append"))
    });
    group.finish();

    c.bench_function("ledger/sign/event", |b| {
        let mut i = 0;
        b.iter(|| {
            i += 1;
            body(i, &meta.key_id).sign(&key)
        })
    });
    let public = key.verifying_key();
    let lookup = |id: &str| (id == meta.key_id).then_some(public);
    c.bench_function("ledger/check/event", |b| {
        let mut i = 0;
        b.iter(|| {
            i = (i + 1) % events.len();
            let e = Event::parse(&events[i]).expect("parse");
            e.check(&lookup).expect("valid");
        })
    });
    let mut keys = Verifiers::default();
    keys.insert(&meta.key_id, &public);
    let mut scratch = Vec::new();
    c.bench_function("ledger/check/entry", |b| {
        let mut i = 0;
        b.iter(|| {
            i = (i + 1) % events.len();
            check_entry(&events[i], &keys, &mut scratch).expect("valid");
        })
    });
    // What `verify` and the replicas do: a block checked as one batch (one
    // shared field inversion); per entry.
    let block: Vec<&[u8]> = events[..256].iter().map(|e| &e[..]).collect();
    let mut group = c.benchmark_group("ledger/check");
    group.throughput(criterion::Throughput::Elements(block.len() as u64));
    group.bench_function("entries/256", |b| {
        b.iter(|| {
            let verdicts = check_entries(&block, &keys, &mut scratch);
            assert!(verdicts.iter().all(Result::is_ok));
        })
    });
    group.finish();
}

fn tree(c: &mut Criterion) {
    let leaves: Vec<merkle::Hash> = (0u32..1_000_000)
        .map(|i| merkle::leaf_hash(&i.to_le_bytes()))
        .collect();
    let mut group = c.benchmark_group("ledger/merkle");
    group.sample_size(10);
    group.bench_function("root/1M", |b| b.iter(|| merkle::root(&leaves)));
    group.bench_function("inclusion/1M", |b| {
        b.iter(|| merkle::inclusion_proof(&leaves, 777_777))
    });
    group.finish();
}

fn query(c: &mut Criterion) {
    const N: u32 = 100_000;
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("l");
    let key = omni::runtime::crypto::generate_os();
    let meta = init(&path, "org-a", key.clone(), "2026-11-23T10:00:00.000Z").expect("init");
    let mut ledger = Ledger::open(&path, true).expect("open");
    let entries: Vec<Vec<u8>> = (0..N)
        .map(|i| body(i, &meta.key_id).sign(&key).to_entry())
        .collect();
    for chunk in entries.chunks(4096) {
        ledger.append_entries(chunk).expect("append");
    }
    drop(ledger);
    let ledger = Ledger::open(&path, false).expect("open");
    let within: Net = "10.0.200.7".parse().expect("address");
    let filter = Filter {
        within: Some(within),
        ..Filter::default()
    };
    let scan = || {
        let mut out = Vec::new();
        ledger
            .log()
            .for_each(|i, bytes| {
                if let Ok(e) = Event::parse(bytes)
                    && filter.matches(&e)
                {
                    out.push((i, e));
                }
                Ok(())
            })
            .expect("scan");
        out
    };
    let select = |l: &Ledger| {
        l.select(&filter)
            .expect("select")
            .collect::<Result<Vec<_>, _>>()
            .expect("read")
    };
    assert_eq!(scan().len(), 1);
    assert_eq!(select(&ledger), scan());
    let mut group = c.benchmark_group("ledger/query/source-32/100k");
    group.sample_size(10);
    group.bench_function("scan", |b| b.iter(scan));
    group.bench_function("index", |b| b.iter(|| select(&ledger)));
    group.bench_function("index-cold", |b| {
        b.iter(|| {
            let (ix, _) =
                Index::open(&path.join("index/entries.idx"), ledger.log(), false).expect("index");
            ix.candidates(&filter)
        })
    });
    group.finish();
}

criterion_group!(benches, ledger, tree, query);
criterion_main!(benches);
