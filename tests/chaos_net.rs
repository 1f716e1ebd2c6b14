//! `omni chaos` network faults in two network namespaces joined by a veth
//! pair that the test creates: UDP loss within binomial bounds of the set
//! percentage, a partition that drops everything, and no rule left after
//! stop, after `kill -9` of the controller, after the watchdog is gone too,
//! and (stop-all) for a tagged rule no lease knows, of this state directory
//! or (--every-scope) of another. Needs root.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use crate::util::{is_root, omni, skip, text, wait_for};

/// Two namespaces, `a` (10.77.N.1) and `b` (10.77.N.2), joined by a veth.
struct Pair {
    a: String,
    b: String,
    va: String,
    peer: String,
}

static NEXT: AtomicU32 = AtomicU32::new(0);

/// Held (read) by every test while its rules exist; `stop-all
/// --every-scope` deletes every omni rule on the machine, so the test that
/// runs it takes it for writing.
static RULES: std::sync::RwLock<()> = std::sync::RwLock::new(());

fn sharing_rules() -> std::sync::RwLockReadGuard<'static, ()> {
    RULES.read().unwrap_or_else(|p| p.into_inner())
}

fn ip(args: &[&str]) -> bool {
    Command::new("ip")
        .args(args)
        .status()
        .is_ok_and(|s| s.success())
}

impl Pair {
    fn new(test: &str) -> Option<Pair> {
        if !is_root() {
            skip(test, "needs root (network namespaces, iptables)");
            return None;
        }
        if Command::new("iptables").arg("--version").output().is_err() {
            skip(test, "iptables is missing (apt-get install iptables)");
            return None;
        }
        let n = NEXT.fetch_add(1, Ordering::SeqCst);
        let tag = format!("{}{n}", std::process::id() % 10_000);
        let p = Pair {
            a: format!("ocna{tag}"),
            b: format!("ocnb{tag}"),
            va: format!("ocva{tag}"),
            peer: format!("10.77.{n}.2"),
        };
        let vb = format!("ocvb{tag}");
        let ok = ip(&["netns", "add", &p.a])
            && ip(&["netns", "add", &p.b])
            && ip(&[
                "link", "add", &p.va, "netns", &p.a, "type", "veth", "peer", "name", &vb, "netns",
                &p.b,
            ])
            && ip(&[
                "-n",
                &p.a,
                "addr",
                "add",
                &format!("10.77.{n}.1/24"),
                "dev",
                &p.va,
            ])
            && ip(&[
                "-n",
                &p.b,
                "addr",
                "add",
                &format!("{}/24", p.peer),
                "dev",
                &vb,
            ])
            && ip(&["-n", &p.a, "link", "set", &p.va, "up"])
            && ip(&["-n", &p.b, "link", "set", &vb, "up"]);
        if !ok {
            skip(test, "could not create network namespaces and a veth pair");
            return None;
        }
        Some(p)
    }

    /// Sends `n` UDP datagrams from `a` to `b`; how many arrived.
    fn udp(&self, n: usize) -> usize {
        let recv = r#"
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind((sys.argv[1], 9999)); s.settimeout(1.0)
print("ready", flush=True)
got = 0
try:
    while True:
        s.recv(64); got += 1
except socket.timeout:
    pass
print(got, flush=True)
"#;
        let send = r#"
import socket, sys, time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
for i in range(int(sys.argv[2])):
    try:
        s.sendto(b"x", (sys.argv[1], 9999))
    except OSError:
        pass  # EPERM: dropped by an OUTPUT rule, as the fault means
    if i % 50 == 49: time.sleep(0.002)
"#;
        self.exchange(recv, send, n).parse().unwrap()
    }

    /// UDP round trips from `a` to an echo server in `b`, in ms.
    fn rtts(&self, n: usize) -> Vec<f64> {
        let echo = r#"
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind((sys.argv[1], 9998)); s.settimeout(2.0)
print("ready", flush=True)
try:
    while True:
        d, a = s.recvfrom(64); s.sendto(d, a)
except socket.timeout:
    pass
"#;
        let client = r#"
import json, socket, sys, time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(2.0)
out = []
for i in range(int(sys.argv[2])):
    t = time.monotonic(); s.sendto(b"x", (sys.argv[1], 9998)); s.recv(16)
    out.append((time.monotonic() - t) * 1000)
print(json.dumps(out))
"#;
        let mut e = Command::new("ip")
            .args(["netns", "exec", &self.b, "python3", "-c", echo, &self.peer])
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(e.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let out = Command::new("ip")
            .args([
                "netns",
                "exec",
                &self.a,
                "python3",
                "-c",
                client,
                &self.peer,
                &n.to_string(),
            ])
            .output()
            .unwrap();
        let _ = e.kill();
        let _ = e.wait();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).unwrap()
    }

    /// Sends `n` numbered datagrams from `a` to `b` (a pause every 10);
    /// what arrived: total, distinct, out of order, corrupt.
    fn numbered(&self, n: usize) -> serde_json::Value {
        let recv = r#"
import json, socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind((sys.argv[1], 9997)); s.settimeout(1.0)
print("ready", flush=True)
got = []
try:
    while True:
        got.append(s.recv(256))
except socket.timeout:
    pass
body = b"omni-chaos-payload-" * 4
seqs, corrupt = [], 0
for g in got:
    try:
        seq, rest = g.split(b":", 1)
        seqs.append(int(seq))
        corrupt += rest != body
    except ValueError:
        corrupt += 1
late = sum(1 for a, b in zip(seqs, seqs[1:]) if b < a)
print(json.dumps({"total": len(got), "distinct": len(set(seqs)), "out_of_order": late, "corrupt": corrupt}), flush=True)
"#;
        let send = r#"
import socket, sys, time
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
body = b"omni-chaos-payload-" * 4
for i in range(int(sys.argv[2])):
    s.sendto(b"%d:" % i + body, (sys.argv[1], 9997))
    if i % 10 == 9: time.sleep(0.001)
"#;
        serde_json::from_str(&self.exchange(recv, send, n)).unwrap()
    }

    /// Starts the Python receiver `recv` in `b` (it prints `ready`, then
    /// one last line), runs the sender `send` in `a` with `n`, and returns
    /// the receiver's last line. Both get the peer's address first.
    fn exchange(&self, recv: &str, send: &str, n: usize) -> String {
        let mut r = Command::new("ip")
            .args(["netns", "exec", &self.b, "python3", "-c", recv, &self.peer])
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut out = BufReader::new(r.stdout.take().unwrap());
        let mut line = String::new();
        out.read_line(&mut line).unwrap();
        assert_eq!(line.trim(), "ready");
        let n = n.to_string();
        let sent = Command::new("ip")
            .args([
                "netns", "exec", &self.a, "python3", "-c", send, &self.peer, &n,
            ])
            .status()
            .unwrap();
        assert!(sent.success());
        line.clear();
        out.read_line(&mut line).unwrap();
        r.wait().unwrap();
        line.trim().to_string()
    }

    /// The omni-tagged rules in namespace `a`.
    fn tagged(&self) -> usize {
        let out = Command::new("ip")
            .args(["netns", "exec", &self.a, "iptables-save", "-t", "filter"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .filter(|l| l.contains("omni:"))
            .count()
    }
}

impl Drop for Pair {
    fn drop(&mut self) {
        ip(&["netns", "del", &self.a]);
        ip(&["netns", "del", &self.b]);
    }
}

fn inject(home: &std::path::Path, p: &Pair, fault: &[&str]) -> std::process::Child {
    omni(home)
        .args(["chaos", "inject", "--netns", &p.a, "--interface", &p.va])
        .args(fault)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

#[test]
fn loss_drops_the_set_share_and_stop_removes_its_rule() {
    let _shared = sharing_rules();
    let Some(p) = Pair::new("loss_drops_the_set_share_and_stop_removes_its_rule") else {
        return;
    };
    let home = tempfile::tempdir().unwrap();
    assert_eq!(p.udp(200), 200, "no loss before the fault");
    let mut child = inject(
        home.path(),
        &p,
        &["--fault", "loss", "--percent", "20", "--duration", "60s"],
    );
    wait_for("the loss rule", 10, || p.tagged() == 1);
    // 2000 datagrams at 20%: 400 lost, within three standard deviations (54).
    let lost = 2000 - p.udp(2000);
    eprintln!("loss 20%: {lost} of 2000 lost");
    assert!((346..=454).contains(&lost), "{lost} of 2000 lost");
    let out = omni(home.path())
        .args(["chaos", "stop-all", "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(p.tagged(), 0, "the rule is gone after stop");
    assert_eq!(p.udp(200), 200);
    let _ = child.wait();
}

#[test]
fn a_partition_drops_everything_and_leaves_nothing_after_kill_9() {
    let shared = sharing_rules();
    let Some(p) = Pair::new("a_partition_drops_everything_and_leaves_nothing_after_kill_9") else {
        return;
    };
    let home = tempfile::tempdir().unwrap();
    // The controller killed: its watchdog deletes the rules.
    let mut child = inject(
        home.path(),
        &p,
        &["--fault", "partition", "--duration", "60s"],
    );
    wait_for("the partition rules", 10, || p.tagged() == 2);
    assert_eq!(p.udp(200), 0, "a partition drops everything");
    child.kill().unwrap();
    child.wait().unwrap();
    wait_for("the watchdog to delete the rules", 5, || p.tagged() == 0);
    assert_eq!(p.udp(100), 100);

    // Controller and watchdog killed: the next command's sweep deletes them.
    let mut child = inject(
        home.path(),
        &p,
        &["--fault", "partition", "--duration", "60s"],
    );
    wait_for("the partition rules", 10, || p.tagged() == 2);
    let ps = omni(home.path())
        .args(["ps", "--format", "json"])
        .output()
        .unwrap();
    let ps: serde_json::Value = serde_json::from_slice(&ps.stdout).unwrap();
    for e in ps["entries"].as_array().unwrap() {
        if e["label"].as_str().unwrap_or("").starts_with("watchdog")
            && let Some(pid) = e["pid"].as_u64()
        {
            // SAFETY: kill(2) on a pid omni ps just reported.
            unsafe { libc::kill(pid as i32, libc::SIGKILL) };
        }
    }
    child.kill().unwrap();
    child.wait().unwrap();
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(p.tagged(), 2, "nobody deleted them yet");
    let out = omni(home.path()).args(["chaos", "list"]).output().unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(p.tagged(), 0, "the sweep deleted them");

    // A tagged rule no lease knows (a state directory lost and made again):
    // stop-all. The scope is that of the state directory omni uses here.
    let state = home.path().join("state").join("omni");
    let scope = omni::systems::chaos::net::scope(&state);
    assert!(
        Command::new("ip")
            .args([
                "netns", "exec", &p.a, "iptables", "-I", "OUTPUT", "-o", &p.va
            ])
            .args([
                "-m",
                "comment",
                "--comment",
                &format!("omni:{scope}:c-deadbeef"),
                "-j",
                "DROP"
            ])
            .status()
            .unwrap()
            .success()
    );
    let out = omni(home.path())
        .args(["chaos", "stop-all"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(p.tagged(), 0, "stop-all swept the leftover");

    // Another state directory's rule: left to it, unless --every-scope
    // (which no other test may see: it sweeps their rules too).
    drop(shared);
    let _alone = RULES.write().unwrap_or_else(|p| p.into_inner());
    assert!(
        Command::new("ip")
            .args([
                "netns", "exec", &p.a, "iptables", "-I", "OUTPUT", "-o", &p.va
            ])
            .args([
                "-m",
                "comment",
                "--comment",
                "omni:0badc0de:c-deadbeef",
                "-j",
                "DROP"
            ])
            .status()
            .unwrap()
            .success()
    );
    let out = omni(home.path())
        .args(["chaos", "stop-all"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(p.tagged(), 1, "another scope's rule is not ours to sweep");
    let out = omni(home.path())
        .args(["chaos", "stop-all", "--every-scope"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(p.tagged(), 0, "--every-scope swept it");

    // A partition held for its duration ends with no rule left.
    let out = omni(home.path())
        .args(["chaos", "inject", "--netns", &p.a, "--interface", &p.va])
        .args(["--fault", "partition", "--duration", "500ms"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(p.tagged(), 0);
}

#[test]
fn network_faults_refuse_what_they_cannot_do() {
    let _shared = sharing_rules();
    let home = tempfile::tempdir().unwrap();
    if !is_root() {
        let out = omni(home.path())
            .args([
                "chaos",
                "inject",
                "--fault",
                "partition",
                "--interface",
                "lo",
                "--duration",
                "1s",
            ])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(77), "{}", text(&out));
        return;
    }
    let cases: &[(&[&str], i32, &str)] = &[
        (
            &["--fault", "loss", "--interface", "lo", "--duration", "1s"],
            2,
            "needs --percent",
        ),
        (
            &[
                "--fault",
                "loss",
                "--interface",
                "lo",
                "--percent",
                "0",
                "--duration",
                "1s",
            ],
            2,
            "--percent 0",
        ),
        (
            &[
                "--fault",
                "partition",
                "--interface",
                "no-such-if0",
                "--duration",
                "1s",
            ],
            66,
            "no interface",
        ),
        (
            &[
                "--fault",
                "partition",
                "--interface",
                "lo",
                "--netns",
                "no-such-ns",
                "--duration",
                "1s",
            ],
            66,
            "no network namespace",
        ),
        (
            &[
                "--fault",
                "partition",
                "--interface",
                "lo",
                "--target",
                "10.0.0.0/40",
                "--duration",
                "1s",
            ],
            2,
            "--target",
        ),
    ];
    for (args, code, needle) in cases {
        let out = omni(home.path())
            .args(["chaos", "inject"])
            .args(*args)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(*code), "{args:?}: {}", text(&out));
        assert!(text(&out).contains(needle), "{args:?}: {}", text(&out));
    }
}

/// Latency through an NFQUEUE: every round trip 50 ms within 2 ms (the
/// other direction and the echo take well under a millisecond on a veth);
/// with the controller killed, `--queue-bypass` lets traffic through at once
/// and the watchdog deletes the rule.
#[test]
fn latency_holds_packets_for_the_delay_and_never_black_holes() {
    let _shared = sharing_rules();
    let Some(p) = Pair::new("latency_holds_packets_for_the_delay_and_never_black_holes") else {
        return;
    };
    let home = tempfile::tempdir().unwrap();
    let before = p.rtts(5);
    assert!(before.iter().all(|r| *r < 5.0), "{before:?}");
    let mut child = inject(
        home.path(),
        &p,
        &["--fault", "latency", "--delay", "50ms", "--duration", "60s"],
    );
    wait_for("the latency rule", 10, || p.tagged() == 1);
    let mut rtts = p.rtts(20);
    eprintln!("latency 50 ms: {rtts:.2?}");
    rtts.sort_by(f64::total_cmp);
    let median = rtts[rtts.len() / 2];
    assert!((50.0..=52.0).contains(&median), "median {median:.2} ms");
    assert!(rtts.iter().all(|r| (49.9..=56.0).contains(r)), "{rtts:?}");
    child.kill().unwrap();
    child.wait().unwrap();
    // Nobody serves the queue now: packets pass (bypass), none is lost.
    let after = p.rtts(5);
    assert!(after.iter().all(|r| *r < 5.0), "{after:?}");
    wait_for("the watchdog to delete the rule", 5, || p.tagged() == 0);
}

/// duplicate, reorder and corrupt, each on 1000 numbered UDP datagrams:
/// the share of duplicates and of corrupt datagrams within three standard
/// deviations of the set percentage; reordering without loss.
#[test]
fn duplicate_reorder_and_corrupt_change_the_set_share_of_packets() {
    let _shared = sharing_rules();
    let Some(p) = Pair::new("duplicate_reorder_and_corrupt_change_the_set_share_of_packets") else {
        return;
    };
    let home = tempfile::tempdir().unwrap();
    let clean = p.numbered(300);
    assert_eq!(
        (&clean["total"], &clean["out_of_order"], &clean["corrupt"]),
        (
            &serde_json::json!(300),
            &serde_json::json!(0),
            &serde_json::json!(0)
        ),
        "{clean}"
    );
    let run = |fault: &[&str]| -> serde_json::Value {
        let mut child = inject(home.path(), &p, fault);
        wait_for("the queue rule", 10, || p.tagged() == 1);
        let seen = p.numbered(1000);
        child.kill().unwrap();
        child.wait().unwrap();
        wait_for("the watchdog to delete the rule", 5, || p.tagged() == 0);
        seen
    };
    // 30% sent twice: 300 extra, sigma 14.5.
    let dup = run(&[
        "--fault",
        "duplicate",
        "--percent",
        "30",
        "--duration",
        "60s",
    ]);
    eprintln!("duplicate 30%: {dup}");
    assert_eq!(dup["distinct"], 1000, "{dup}");
    let extra = dup["total"].as_i64().unwrap() - 1000;
    assert!((257..=343).contains(&extra), "{extra} duplicates of 1000");
    // 20% held back 20 ms: all arrive, some after later ones.
    let re = run(&[
        "--fault",
        "reorder",
        "--percent",
        "20",
        "--delay",
        "20ms",
        "--duration",
        "60s",
    ]);
    eprintln!("reorder 20%: {re}");
    assert_eq!(
        (re["total"].as_i64(), re["distinct"].as_i64()),
        (Some(1000), Some(1000)),
        "{re}"
    );
    assert!(re["out_of_order"].as_i64().unwrap() > 20, "{re}");
    // 10% corrupt: 100, sigma 9.5; nothing lost (the UDP checksum is cleared).
    let bad = run(&["--fault", "corrupt", "--percent", "10", "--duration", "60s"]);
    eprintln!("corrupt 10%: {bad}");
    assert_eq!(bad["total"], 1000, "{bad}");
    let corrupt = bad["corrupt"].as_i64().unwrap();
    assert!((72..=128).contains(&corrupt), "{corrupt} corrupt of 1000");
}
