//! The watcher's matcher: lines/s of fail2ban's installed sshd filter over a
//! synthetic auth.log (failures, noise), date cutting included. Needs
//! Debian's fail2ban (/etc/fail2ban/filter.d/sshd.conf).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use omni::systems::ledger::watch::filter::{Filter, FilterSpec};

fn lines() -> Vec<String> {
    (0..10_000)
        .map(|i| {
            let ip = format!("10.{}.{}.{}", i % 200, (i / 7) % 256, i % 251);
            let msg = match i % 4 {
                0 => format!("Failed password for invalid user u{i} from {ip} port 4{i} ssh2"),
                1 => format!("Invalid user admin from {ip} port 22"),
                2 => "pam_unix(sshd:session): session opened for user bob by (uid=0)".to_owned(),
                _ => "Server listening on 0.0.0.0 port 22.".to_owned(),
            };
            format!(
                "Mar  7 10:{:02}:{:02} web sshd[{}]: {msg}",
                (i / 60) % 60,
                i % 60,
                1000 + i
            )
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let spec = FilterSpec::parse("sshd", std::path::Path::new("/etc/fail2ban/filter.d"))
        .expect("a filter name");
    let mut filter = Filter::load(&spec, 1_700_000_000, 0).expect("fail2ban's sshd filter");
    let lines = lines();
    let mut g = c.benchmark_group("ledger/watch");
    g.throughput(Throughput::Elements(lines.len() as u64));
    g.bench_function("sshd/10k-lines", |b| {
        b.iter(|| {
            let mut n = 0;
            for l in &lines {
                n += usize::from(filter.process(l.as_bytes()).is_some());
            }
            n
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
