//! The in-process costs of `omni parallel` that the end-to-end script
//! (scripts/bench/parallel.sh, against ninja, make, xargs and GNU parallel)
//! cannot separate:
//!
//! - `graph/parse-*`: reading and checking the 10,000-task graph that the
//!   script runs (the same shape as scripts/bench/gen_dag.py writes), in
//!   YAML and in JSON. Everything before a graph's first task waits on this.
//! - `cache/key`: one task's key (canonical JSON + BLAKE3), paid per task.
//! - `journal/append-100`: 100 results made durable in the crash journal,
//!   the per-task cost of `kill -9` safety.
//! - `gnu/render`: one job's command line from a `run` template.
//! - `process/simple-words`: deciding whether a command can skip the shell.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use omni::runtime::process::simple_words;
use omni::systems::parallel::cache::Components;
use omni::systems::parallel::gnu::template::Template;
use omni::systems::parallel::graph;
use omni::systems::parallel::journal::Journal;
use omni::systems::parallel::store::{Record, TaskRow, TaskState};

const TASKS: usize = 10_000;
const WIDTH: usize = 100;

/// Layers of `WIDTH` tasks, each depending on two tasks of the layer above
/// (a fixed pseudo-random choice), as `gen_dag.py` writes them.
fn dag() -> Vec<(String, Vec<String>)> {
    let mut state: u64 = 42;
    let mut next = move || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as usize
    };
    (0..TASKS)
        .map(|i| {
            let layer = i / WIDTH;
            let deps = if layer == 0 {
                Vec::new()
            } else {
                let base = (layer - 1) * WIDTH;
                let a = base + next() % WIDTH;
                let mut b = base + next() % WIDTH;
                if b == a {
                    b = base + (a - base + 1) % WIDTH;
                }
                vec![format!("t{a}"), format!("t{b}")]
            };
            (format!("t{i}"), deps)
        })
        .collect()
}

fn yaml(tasks: &[(String, Vec<String>)]) -> String {
    let mut s = String::from("tasks:\n");
    for (name, deps) in tasks {
        let _ = writeln!(s, "  {name}: {{cmd: 'true', deps: [{}]}}", deps.join(", "));
    }
    s
}

fn json(tasks: &[(String, Vec<String>)]) -> String {
    let map: serde_json::Map<String, serde_json::Value> = tasks
        .iter()
        .map(|(name, deps)| {
            (
                name.clone(),
                serde_json::json!({"cmd": "true", "deps": deps}),
            )
        })
        .collect();
    serde_json::json!({ "tasks": map }).to_string()
}

fn parse(c: &mut Criterion) {
    let tasks = dag();
    let (y, j) = (yaml(&tasks), json(&tasks));
    let mut group = c.benchmark_group("graph");
    group.sample_size(20);
    group.bench_function("parse-yaml-10k", |b| {
        b.iter(|| assert_eq!(graph::parse(&y, false).expect("yaml").tasks.len(), TASKS));
    });
    group.bench_function("parse-json-10k", |b| {
        b.iter(|| assert_eq!(graph::parse(&j, true).expect("json").tasks.len(), TASKS));
    });
    group.finish();
}

fn per_task(c: &mut Criterion) {
    let components = Components {
        cmd: "cc -O2 -c src/module_17.c -o build/module_17.o".into(),
        env: BTreeMap::from([("CFLAGS".into(), "-O2 -pipe".into())]),
        inputs: BTreeMap::from([("src/module_17.c".into(), "ab".repeat(32))]),
        deps: BTreeMap::from([
            ("configure".into(), "cd".repeat(32)),
            ("headers".into(), "ef".repeat(32)),
        ]),
    };
    c.bench_function("cache/key", |b| b.iter(|| components.keyed()));

    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("journal");
    let keyed = components.keyed();
    let records: Vec<Record> = (0..100)
        .map(|i| {
            let mut row = TaskRow::pending(&format!("t{i}"));
            row.state = TaskState::Succeeded;
            row.attempts = 1;
            row.exit_code = Some(0);
            row.instances = 1;
            row.cache_key = Some(keyed.key.clone());
            row.components = Some(format!("[{}]", keyed.json));
            Record {
                row,
                cache: None,
                history: Some((components.cmd.clone(), 0.004)),
            }
        })
        .collect();
    c.bench_function("journal/append-100", |b| {
        b.iter_batched_ref(
            || {
                let _ = std::fs::remove_file(&path);
                Journal::open(&path).expect("journal")
            },
            |journal| journal.append(&records).expect("append"),
            BatchSize::PerIteration,
        );
    });

    let template = Template::parse("convert {} -resize 50% out/{/.}.png");
    let args = vec!["photos/2026/holiday/IMG_0042.jpg".to_string()];
    c.bench_function("gnu/render", |b| b.iter(|| template.render(&args, 42, 1)));

    c.bench_function("process/simple-words", |b| {
        b.iter(|| simple_words("cc -O2 -c src/module_17.c -o build/module_17.o"))
    });
}

criterion_group!(benches, parse, per_task);
criterion_main!(benches);
