//! Four `omni ledger node` replicas (n = 3f+1, f = 1) started by the test,
//! on loopback: events submitted to different replicas end in the same
//! order everywhere (same size and Merkle root), a killed replica does not
//! stop commits and catches up when restarted, a Byzantine replica (cargo
//! feature `byzantine`: equivocate, fork, forge, withhold) cannot make the honest
//! ones diverge and its equivocation is recorded as evidence, and a
//! partition made with nftables inside a network namespace stops commits on
//! both sides of a 2|2 split and heals.

use std::path::PathBuf;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::util::{is_root, isolate, omni_bin, skip};

const KEY: &str = "cluster-test-key";

struct Cluster {
    home: tempfile::TempDir,
    dirs: Vec<PathBuf>,
    addrs: Vec<String>,
    nodes: Vec<Option<Child>>,
    netns: Option<String>,
    /// Extra node flags, per replica.
    extra: Vec<Vec<String>>,
    /// The replica that misbehaves, and how (test-only builds).
    byzantine: Option<(usize, String)>,
    /// Where a replica's stderr goes, when not `<home>/node<i>.log`.
    log_at: Vec<Option<PathBuf>>,
}

impl Cluster {
    /// Four replicas on `ips[i]:ports[i]`, inside `netns` when given.
    fn new(ips: [&str; 4], ports: [u16; 4], netns: Option<String>) -> Cluster {
        let home = tempfile::tempdir().unwrap();
        let dirs: Vec<PathBuf> = (0..4).map(|i| home.path().join(format!("n{i}"))).collect();
        let addrs: Vec<String> = (0..4).map(|i| format!("{}:{}", ips[i], ports[i])).collect();
        let c = Cluster {
            home,
            dirs,
            addrs,
            nodes: (0..4).map(|_| None).collect(),
            netns,
            extra: vec![vec!["--commit-timeout".into(), "20s".into()]; 4],
            byzantine: None,
            log_at: vec![None; 4],
        };
        for i in 0..4 {
            let out = c.omni(&[
                "-q",
                "ledger",
                "init",
                "--data-dir",
                c.dirs[i].to_str().unwrap(),
                "--domain",
                &format!("org{i}"),
            ]);
            assert!(out.status.success(), "{}", crate::util::text(&out));
        }
        for i in 0..4 {
            std::fs::create_dir_all(c.dirs[i].join("replicas")).unwrap();
            for j in 0..4 {
                if i != j {
                    std::fs::copy(
                        c.dirs[j].join("key.pub"),
                        c.dirs[i].join(format!("replicas/n{j}.pub")),
                    )
                    .unwrap();
                }
            }
        }
        c
    }

    fn command(&self) -> Command {
        let mut cmd = match &self.netns {
            Some(ns) => {
                let mut c = Command::new("ip");
                c.args(["netns", "exec", ns]).arg(omni_bin());
                c
            }
            None => Command::new(omni_bin()),
        };
        isolate(&mut cmd, self.home.path());
        cmd
    }

    fn omni(&self, args: &[&str]) -> Output {
        self.command().args(args).output().unwrap()
    }

    fn start(&mut self, i: usize) {
        let peers: Vec<&str> = (0..4)
            .filter(|&j| j != i)
            .map(|j| self.addrs[j].as_str())
            .collect();
        let (ip, port) = self.addrs[i].rsplit_once(':').unwrap();
        let log = std::fs::File::options()
            .create(true)
            .append(true)
            .open(self.log_path(i))
            .unwrap();
        let mut cmd = self.command();
        if let Some((b, mode)) = &self.byzantine
            && *b == i
        {
            cmd.env("OMNI_BYZANTINE", mode);
        }
        let child = cmd
            .args(["ledger", "node", "--data-dir"])
            .arg(&self.dirs[i])
            .args(["--listen", ip, "--port", port, "--api-key", KEY])
            .args(["--peers", &peers.join(",")])
            .args(["--session-rounds", "300", "--unit-interval", "20ms"])
            // Sessions end by rounds: idle rounds as fast as busy ones, so
            // the tests' sessions pass in seconds.
            .args(["--idle-unit-interval", "20ms"])
            .args(["--round-timeout", "1000ms"])
            .args(&self.extra[i])
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .unwrap();
        self.nodes[i] = Some(child);
    }

    fn kill(&mut self, i: usize) {
        if let Some(mut c) = self.nodes[i].take() {
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    fn status(&self, i: usize) -> Option<Value> {
        let out = self.omni(&[
            "ledger",
            "status",
            "--node",
            &self.addrs[i],
            "--format",
            "json",
        ]);
        serde_json::from_slice(&out.stdout).ok()
    }

    fn record(&self, i: usize, source: &str) -> Output {
        self.omni(&[
            "ledger",
            "record",
            "--node",
            &self.addrs[i],
            "--api-key",
            KEY,
            "--type",
            "malicious_ip",
            "--source",
            source,
            "--severity",
            "high",
        ])
    }

    /// Records one event per source on replica `i` from parallel clients.
    fn record_all(&self, sources: &[(usize, String)]) {
        std::thread::scope(|s| {
            let handles: Vec<_> = sources
                .iter()
                .map(|(i, src)| s.spawn(move || (i, src, self.record(*i, src))))
                .collect();
            for h in handles {
                let (i, src, out) = h.join().unwrap();
                assert!(
                    out.status.success(),
                    "record {src} on replica {i}: {}\n{}",
                    crate::util::text(&out),
                    self.logs()
                );
            }
        });
    }

    /// (size, root) of replica `i`.
    fn head(&self, i: usize) -> Option<(u64, String)> {
        let s = self.status(i)?;
        Some((s["size"].as_u64()?, s["root"].as_str()?.to_owned()))
    }

    /// Waits until the replicas `which` all have `size` entries and one root.
    fn converge(&self, which: &[usize], size: u64, secs: u64) -> String {
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            let heads: Vec<Option<(u64, String)>> = which.iter().map(|&i| self.head(i)).collect();
            if heads
                .iter()
                .all(|h| h.as_ref().is_some_and(|(s, _)| *s == size))
            {
                let roots: Vec<&String> = heads.iter().map(|h| &h.as_ref().unwrap().1).collect();
                assert!(
                    roots.windows(2).all(|w| w[0] == w[1]),
                    "replicas {which:?} have {size} entries but different roots: {roots:?}"
                );
                return roots[0].clone();
            }
            assert!(
                Instant::now() < deadline,
                "replicas {which:?} did not reach size {size} with one root: {heads:?}\n{}",
                self.logs()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Waits until the replicas `which` have one size and one root.
    fn agree(&self, which: &[usize], secs: u64) {
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            let heads: Vec<Option<(u64, String)>> = which.iter().map(|&i| self.head(i)).collect();
            if heads[0].is_some() && heads.windows(2).all(|w| w[0] == w[1]) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "replicas {which:?} do not agree: {heads:?}\n{}",
                self.logs()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn wait_up(&self) {
        let deadline = Instant::now() + Duration::from_secs(30);
        while !(0..4).all(|i| self.status(i).is_some()) {
            assert!(
                Instant::now() < deadline,
                "replicas did not start\n{}",
                self.logs()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn wait_linked(&self) {
        let deadline = Instant::now() + Duration::from_secs(30);
        while !(0..4).all(|i| {
            self.status(i)
                .is_some_and(|s| s["linked"].as_array().is_some_and(|l| l.len() == 3))
        }) {
            assert!(
                Instant::now() < deadline,
                "replicas did not link\n{}",
                self.logs()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Where replica `i` logs: `log_at[i]`, else outside its data directory
    /// (which a test may fill up).
    fn log_path(&self, i: usize) -> PathBuf {
        self.log_at[i]
            .clone()
            .unwrap_or_else(|| self.home.path().join(format!("node{i}.log")))
    }

    fn logs(&self) -> String {
        let mut out = String::new();
        for (i, d) in self.dirs.iter().enumerate() {
            let text = std::fs::read_to_string(self.log_path(i)).unwrap_or_default();
            let tail: Vec<&str> = text.lines().rev().take(15).collect();
            out.push_str(&format!("--- {}:\n", d.display()));
            for l in tail.iter().rev() {
                out.push_str(l);
                out.push('\n');
            }
        }
        out
    }

    fn key_id(&self, i: usize) -> String {
        let meta: Value =
            serde_json::from_slice(&std::fs::read(self.dirs[i].join("ledger.json")).unwrap())
                .unwrap();
        meta["key_id"].as_str().unwrap().to_owned()
    }

    fn query(&self, i: usize, args: &[&str]) -> Vec<Value> {
        let mut a = vec![
            "ledger",
            "query",
            "--data-dir",
            self.dirs[i].to_str().unwrap(),
            "--format",
            "jsonl",
        ];
        a.extend_from_slice(args);
        let out = self.omni(&a);
        assert!(out.status.success(), "{}", crate::util::text(&out));
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    fn verify(&self, i: usize) {
        let out = self.omni(&[
            "ledger",
            "verify",
            "--data-dir",
            self.dirs[i].to_str().unwrap(),
        ]);
        assert!(
            out.status.success(),
            "replica {i}'s ledger does not verify: {}",
            crate::util::text(&out)
        );
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        for i in 0..4 {
            self.kill(i);
        }
        if let Some(ns) = &self.netns {
            let _ = Command::new("ip").args(["netns", "del", ns]).status();
        }
    }
}

/// Four loopback ports free right now (the kernel picks them).
fn ports() -> [u16; 4] {
    let listeners: Vec<std::net::TcpListener> = (0..4)
        .map(|_| std::net::TcpListener::bind("127.0.0.1:0").unwrap())
        .collect();
    let p: Vec<u16> = listeners
        .iter()
        .map(|l| l.local_addr().unwrap().port())
        .collect();
    [p[0], p[1], p[2], p[3]]
}

fn sources(prefix: &str, per: usize, nodes: &[usize]) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    for &i in nodes {
        for k in 0..per {
            out.push((i, format!("{prefix}.{i}.{k}")));
        }
    }
    out
}

#[test]
fn four_replicas_agree_survive_a_crash_and_catch_up() {
    let mut c = Cluster::new(["127.0.0.1"; 4], ports(), None);
    for i in 0..4 {
        c.start(i);
    }
    c.wait_linked();
    // Events submitted to all four replicas at once: one order everywhere.
    c.record_all(&sources("10.1", 3, &[0, 1, 2, 3]));
    let root = c.converge(&[0, 1, 2, 3], 12, 60);
    // The order is the same, event by event (the root says so; this says
    // which events).
    let order: Vec<Value> = c.query(0, &[]).iter().map(|e| e["id"].clone()).collect();
    assert_eq!(order.len(), 12);
    for i in 1..4 {
        let other: Vec<Value> = c.query(i, &[]).iter().map(|e| e["id"].clone()).collect();
        assert_eq!(order, other, "replica {i} ordered the events differently");
    }

    // One replica down (f = 1): commits go on.
    c.kill(3);
    c.record_all(&sources("10.2", 2, &[0, 1, 2]));
    let after = c.converge(&[0, 1, 2], 18, 60);
    assert_ne!(root, after);
    // Let the others move on to later consensus sessions (300 rounds of
    // 20 ms), so the restarted replica must catch up across them.
    std::thread::sleep(Duration::from_secs(8));
    c.start(3);
    c.converge(&[0, 1, 2, 3], 18, 90);
    // It takes part again: an event submitted to it commits everywhere.
    c.record_all(&sources("10.3", 1, &[3]));
    c.converge(&[0, 1, 2, 3], 19, 60);
    for i in 0..4 {
        let s = c.status(i).unwrap();
        assert_eq!(s["alarms"], serde_json::json!([]), "replica {i}: {s}");
    }
    for i in 0..4 {
        c.kill(i);
    }
    for i in 0..4 {
        c.verify(i);
    }
}

#[test]
fn a_byzantine_replica_cannot_split_the_honest_ones() {
    if !cfg!(feature = "byzantine") {
        skip(
            "ledger_cluster::a_byzantine_replica_cannot_split_the_honest_ones",
            "needs the byzantine cargo feature (scripts/test.sh runs it with --features byzantine)",
        );
        return;
    }
    for mode in ["equivocate", "fork", "forge", "withhold"] {
        byzantine(mode);
    }
}

fn byzantine(mode: &str) {
    let mut c = Cluster::new(["127.0.0.1"; 4], ports(), None);
    c.byzantine = Some((3, mode.to_owned()));
    for i in 0..4 {
        c.start(i);
    }
    if mode == "withhold" {
        c.wait_up();
    } else {
        c.wait_linked();
    }
    eprintln!("byzantine replica: {mode}");
    let honest = [0, 1, 2];
    c.record_all(&sources("10.4", 2, &honest));
    let liar = c.key_id(3);
    match mode {
        "equivocate" => {
            // The lie is seen, reported and recorded once, as an evidence
            // event, on every honest replica.
            let deadline = Instant::now() + Duration::from_secs(60);
            loop {
                let all = honest.iter().all(|&i| {
                    c.query(i, &["--type", "evidence"])
                        .iter()
                        .any(|e| e["meta"]["replica"] == liar.as_str())
                });
                if all {
                    break;
                }
                assert!(
                    Instant::now() < deadline,
                    "no evidence of {liar}\n{}",
                    c.logs()
                );
                std::thread::sleep(Duration::from_millis(200));
            }
            for &i in &honest {
                let s = c.status(i).unwrap();
                assert!(
                    s["equivocators"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .any(|e| e == liar.as_str()),
                    "replica {i} does not report {liar}: {s}"
                );
                // Recorded once, though every honest replica saw it (and
                // the liar went on lying).
                let ev = c.query(i, &["--type", "evidence"]);
                assert_eq!(ev.len(), 1, "evidence: {ev:?}");
                let notes = ev[0]["meta"]["notes"].as_array().unwrap();
                assert_eq!(notes.len(), 2);
                assert_ne!(notes[0], notes[1]);
            }
        }
        "fork" => {
            // It also signs a false root for a size nobody committed at: each
            // honest replica compares it with its own tree at that size and
            // raises a split-view alarm naming it.
            let name = format!("/{}", &liar[..16]);
            let deadline = Instant::now() + Duration::from_secs(60);
            while !honest.iter().all(|&i| {
                c.status(i).is_some_and(|s| {
                    s["alarms"].as_array().is_some_and(|a| {
                        a.iter().any(|x| {
                            x.as_str()
                                .is_some_and(|x| x.contains("split view") && x.contains(&name))
                        })
                    })
                })
            }) {
                assert!(
                    Instant::now() < deadline,
                    "no split-view alarm about {liar}\n{}",
                    c.logs()
                );
                std::thread::sleep(Duration::from_millis(200));
            }
        }
        "forge" => {
            // Its forged events are dropped by every honest replica, and
            // counted against it.
            let deadline = Instant::now() + Duration::from_secs(30);
            while !honest.iter().all(|&i| {
                c.status(i).is_some_and(|s| {
                    s["rejected"]
                        .as_object()
                        .is_some_and(|r| r.values().any(|v| v.as_u64() > Some(0)))
                })
            }) {
                assert!(
                    Instant::now() < deadline,
                    "forgeries not noticed\n{}",
                    c.logs()
                );
                std::thread::sleep(Duration::from_millis(200));
            }
        }
        _ => {}
    }
    // The honest replicas agree, whatever the liar does.
    c.agree(&honest, 60);
    for &i in &honest {
        assert!(
            c.query(i, &["--source", "198.51.100.66/32"]).is_empty(),
            "replica {i} accepted a forged event"
        );
    }
    for i in 0..4 {
        c.kill(i);
    }
    for &i in &honest {
        c.verify(i);
    }
}

/// Drops traffic between two groups of loopback addresses in `ns`.
fn partition(ns: &str, a: &[&str], b: &[&str]) {
    let set = |x: &[&str]| x.join(", ");
    let script = format!(
        "table inet omni_partition {{\n  chain out {{ type filter hook output priority 0;\n    ip saddr {{ {a} }} ip daddr {{ {b} }} drop\n    ip saddr {{ {b} }} ip daddr {{ {a} }} drop\n  }}\n}}\n",
        a = set(a),
        b = set(b)
    );
    let mut child = Command::new("ip")
        .args(["netns", "exec", ns, "nft", "-f", "-"])
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(script.as_bytes())
        .unwrap();
    assert!(child.wait().unwrap().success(), "nft refused {script}");
}

fn heal(ns: &str) {
    let ok = Command::new("ip")
        .args([
            "netns",
            "exec",
            ns,
            "nft",
            "delete",
            "table",
            "inet",
            "omni_partition",
        ])
        .status()
        .unwrap()
        .success();
    assert!(ok, "could not remove the partition");
}

#[test]
fn a_partition_stops_commits_on_both_sides_and_heals() {
    let test = "ledger_cluster::a_partition_stops_commits_on_both_sides_and_heals";
    if !is_root() {
        skip(test, "needs root (a network namespace and nftables)");
        return;
    }
    if Command::new("nft").arg("--version").output().is_err() {
        skip(test, "nft is missing (scripts/test.sh installs nftables)");
        return;
    }
    let ns = format!("olc{}", std::process::id() % 100_000);
    assert!(
        Command::new("ip")
            .args(["netns", "add", &ns])
            .status()
            .unwrap()
            .success()
    );
    assert!(
        Command::new("ip")
            .args(["-n", &ns, "link", "set", "lo", "up"])
            .status()
            .unwrap()
            .success()
    );
    // Not 127.0.0.1: the test's own requests leave from there, and the
    // partition must not cut the test off from the replicas.
    let ips = ["127.0.0.11", "127.0.0.12", "127.0.0.13", "127.0.0.14"];
    let mut c = Cluster::new(ips, [9101, 9102, 9103, 9104], Some(ns.clone()));
    for i in 0..4 {
        c.extra[i] = vec!["--commit-timeout".into(), "3s".into()];
        c.start(i);
    }
    c.wait_linked();
    c.record_all(&sources("10.5", 1, &[0, 1, 2, 3]));
    c.converge(&[0, 1, 2, 3], 4, 60);

    // 2 | 2: neither side has a quorum (3), so nothing commits anywhere.
    partition(&ns, &ips[..2], &ips[2..]);
    let out = c.record(0, "10.6.0.1");
    assert!(
        !out.status.success(),
        "an event committed without a quorum: {}",
        crate::util::text(&out)
    );
    for i in 0..4 {
        assert_eq!(
            c.head(i).unwrap().0,
            4,
            "replica {i} committed during a 2|2 split"
        );
    }
    // Healed: the queued event commits, the cluster goes on.
    heal(&ns);
    let healed = Instant::now();
    c.converge(&[0, 1, 2, 3], 5, 90);
    eprintln!(
        "2|2 healed: the queued event committed everywhere after {:?}",
        healed.elapsed()
    );
    c.record_all(&sources("10.7", 1, &[3]));
    c.converge(&[0, 1, 2, 3], 6, 60);

    // 3 | 1: the majority side commits; the isolated replica catches up.
    partition(&ns, &ips[..3], &ips[3..]);
    c.record_all(&sources("10.8", 1, &[0, 1, 2]));
    c.converge(&[0, 1, 2], 9, 60);
    assert_eq!(c.head(3).unwrap().0, 6);
    heal(&ns);
    let healed = Instant::now();
    c.converge(&[0, 1, 2, 3], 9, 90);
    eprintln!(
        "3|1 healed: the isolated replica caught up after {:?}",
        healed.elapsed()
    );
}

#[test]
fn a_replica_whose_disk_is_full_stops_and_the_others_go_on() {
    let test = "ledger_cluster::a_replica_whose_disk_is_full_stops_and_the_others_go_on";
    if !is_root() {
        skip(test, "needs root (a small tmpfs for one replica's data)");
        return;
    }
    let mut c = Cluster::new(["127.0.0.1"; 4], ports(), None);
    // Replica 3's data on a 4 MiB tmpfs.
    let full = c.home.path().join("small");
    std::fs::create_dir(&full).unwrap();
    let mounted = Command::new("mount")
        .args([
            "-t",
            "tmpfs",
            "-o",
            "size=4m",
            "omni-test",
            full.to_str().unwrap(),
        ])
        .status()
        .unwrap()
        .success();
    assert!(mounted, "mount tmpfs");
    struct Unmount(PathBuf);
    impl Drop for Unmount {
        fn drop(&mut self) {
            let _ = Command::new("umount").arg("-l").arg(&self.0).status();
        }
    }
    let _unmount = Unmount(full.clone());
    let moved = full.join("n3");
    let ok = Command::new("cp")
        .arg("-a")
        .arg(&c.dirs[3])
        .arg(&moved)
        .status()
        .unwrap()
        .success();
    assert!(ok);
    c.dirs[3] = moved;
    // Its log on the same disk, as /var often is: a replica that cannot
    // even log must still stop (it once panicked reporting the failed log
    // write, in the task that was stopping it, and ran on).
    c.log_at[3] = Some(full.join("node3.log"));
    for i in 0..4 {
        c.start(i);
    }
    c.wait_linked();
    c.record_all(&sources("10.9", 1, &[0, 1, 2, 3]));
    c.converge(&[0, 1, 2, 3], 4, 60);
    // Fill the disk (keep the log's segment preallocation from hiding it:
    // whatever space is left goes to a filler file).
    let _ = Command::new("dd")
        .args(["if=/dev/zero", "bs=64k"])
        .arg(format!("of={}", full.join("filler").display()))
        .stderr(Stdio::null())
        .status();
    c.record_all(&sources("10.10", 4, &[0, 1, 2]));
    c.converge(&[0, 1, 2], 16, 60);
    // Replica 3 could not write: it stopped with the reason and exit 74,
    // rather than going on without the entries.
    let mut child = c.nodes[3].take().unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        assert!(
            Instant::now() < deadline,
            "replica 3 kept running with a full disk: {:?}",
            c.status(3)
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    assert_eq!(status.code(), Some(74), "{}", c.logs());
}
