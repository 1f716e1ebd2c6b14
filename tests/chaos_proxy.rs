//! `omni chaos proxy`: Toxiproxy's API driven by a Toxiproxy client library
//! (PyPI `toxiproxy-python`) and by curl-like raw requests, and the toxics
//! measured from outside: latency by a Python TCP client, bandwidth over a
//! 10 MB transfer, reset_peer as ECONNRESET, timeout, limit_data, slicer,
//! packet_loss as round trips slowed by a retransmission timeout.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::util::{omni, skip};

/// A running `omni chaos proxy`, stopped on drop.
struct Proxy {
    child: Child,
    api: String,
    _home: tempfile::TempDir,
}

impl Proxy {
    fn start() -> Proxy {
        let home = tempfile::tempdir().unwrap();
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut child = omni(home.path())
            .args(["chaos", "proxy", "--listen", &format!("127.0.0.1:{port}")])
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let api = line
            .trim()
            .strip_prefix("listening on http://")
            .unwrap_or_else(|| panic!("{line}"))
            .to_string();
        Proxy {
            child,
            api,
            _home: home,
        }
    }

    /// One API request: (status, body).
    fn call(&self, method: &str, path: &str, body: &str) -> (u16, serde_json::Value) {
        let mut s = TcpStream::connect(&self.api).unwrap();
        write!(
            s,
            "{method} {path} HTTP/1.1\r\nHost: x\r\nUser-Agent: test\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        )
        .unwrap();
        let mut raw = String::new();
        s.read_to_string(&mut raw).unwrap();
        let status: u16 = raw[9..12].parse().unwrap();
        let body = raw.split_once("\r\n\r\n").map_or("", |(_, b)| b);
        (
            status,
            serde_json::from_str(body).unwrap_or(serde_json::Value::Null),
        )
    }

    /// Creates proxy `name` to `upstream`; returns its listen address.
    fn create(&self, name: &str, upstream: &str) -> String {
        let (status, body) = self.call(
            "POST",
            "/proxies",
            &format!(r#"{{"name":"{name}","listen":"127.0.0.1:0","upstream":"{upstream}"}}"#),
        );
        assert_eq!(status, 201, "{body}");
        body["listen"].as_str().unwrap().to_string()
    }

    fn toxic(&self, proxy: &str, json: &str) {
        let (status, body) = self.call("POST", &format!("/proxies/{proxy}/toxics"), json);
        assert_eq!(status, 200, "{body}");
    }
}

impl Drop for Proxy {
    fn drop(&mut self) {
        // SAFETY: kill(2) on our own child.
        unsafe { libc::kill(self.child.id() as i32, libc::SIGTERM) };
        let _ = self.child.wait();
    }
}

/// An echo server on a thread; returns its address.
fn echo_server() -> String {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = l.local_addr().unwrap().to_string();
    std::thread::spawn(move || {
        for s in l.incoming().flatten() {
            std::thread::spawn(move || {
                let mut s = s;
                let mut buf = [0_u8; 65536];
                while let Ok(n) = s.read(&mut buf) {
                    if n == 0 || s.write_all(&buf[..n]).is_err() {
                        break;
                    }
                }
            });
        }
    });
    addr
}

/// A server that sends `bytes` bytes to each connection, then closes.
fn source_server(bytes: usize) -> String {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = l.local_addr().unwrap().to_string();
    std::thread::spawn(move || {
        for s in l.incoming().flatten() {
            std::thread::spawn(move || {
                let mut s = s;
                let block = vec![b'x'; 64 * 1024];
                let mut left = bytes;
                while left > 0 {
                    let n = left.min(block.len());
                    if s.write_all(&block[..n]).is_err() {
                        break;
                    }
                    left -= n;
                }
            });
        }
    });
    addr
}

fn python_client_available() -> bool {
    Command::new("python3")
        .args(["-c", "import toxiproxy"])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// toxiproxy-python configures the proxy unchanged; a Python TCP client
/// then measures the latency toxic (100 ms, then 100 ± 10 ms downstream)
/// round trip by round trip. A precision measurement: CI runs it alone
/// (`scripts/test.sh`), as other tests would take the CPU it times.
#[test]
#[ignore = "a precision measurement: scripts/test.sh runs it alone"]
fn a_toxiproxy_client_drives_it_and_latency_is_measured_outside() {
    if !python_client_available() {
        skip(
            "a_toxiproxy_client_drives_it_and_latency_is_measured_outside",
            "python3 module toxiproxy missing (pip install toxiproxy-python future; scripts/test.sh does)",
        );
        return;
    }
    let proxy = Proxy::start();
    let echo = echo_server();
    let (host, port) = proxy.api.rsplit_once(':').unwrap();
    let script = r#"
import json, socket, statistics, sys, time
from toxiproxy import Toxiproxy
from toxiproxy.api import APIConsumer
APIConsumer.host, APIConsumer.port = sys.argv[1], int(sys.argv[2])
t = Toxiproxy()
assert t.running()
p = t.create(name="echo", upstream=sys.argv[3], listen="127.0.0.1:0")
assert "echo" in t.proxies()
host, port = p.listen.rsplit(":", 1)
s = socket.create_connection((host, int(port)))
s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
def rtts(n):
    out = []
    for i in range(n):
        t0 = time.monotonic()
        s.sendall(b"x")
        assert s.recv(16) == b"x"
        out.append((time.monotonic() - t0) * 1000)
    return out
p.add_toxic(type="latency", attributes={"latency": 100})
names = [x.name for x in p.toxics().values()] if isinstance(p.toxics(), dict) else [x.name for x in p.toxics()]
steady = rtts(10)
p.destroy_toxic("latency_downstream")
p.add_toxic(type="latency", attributes={"latency": 100, "jitter": 10})
jittered = rtts(30)
s.close()
p.destroy_toxic("latency_downstream")
with p.down():
    down = t.get_proxy("echo").enabled
print(json.dumps({"steady": steady, "jittered": jittered, "toxics": names, "down_enabled": down,
                  "enabled_after": t.get_proxy("echo").enabled, "version": str(t.version())}))
"#;
    let out = Command::new("python3")
        .args(["-c", script, host, port, &echo])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        r["toxics"],
        serde_json::json!(["latency_downstream"]),
        "{r}"
    );
    assert_eq!(r["down_enabled"], false);
    assert_eq!(r["enabled_after"], true);
    assert!(r["version"].as_str().unwrap().contains("2."), "{r}");
    let samples = |key: &str| -> Vec<f64> {
        r[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_f64().unwrap())
            .collect()
    };
    // Without jitter: the median round trip is 100 ms to within 2 ms (the
    // rest of the round trip is loopback, well under a millisecond), and no
    // round trip is shorter or more than 5 ms longer.
    let mut steady = samples("steady");
    eprintln!("latency 100 ms: samples {steady:.2?}");
    steady.sort_by(f64::total_cmp);
    let median = steady[steady.len() / 2];
    assert!((99.9..=102.0).contains(&median), "median {median:.2} ms");
    for rtt in &steady {
        assert!((99.9..=105.0).contains(rtt), "{rtt:.2} ms");
    }
    // With ±10 ms of uniform jitter: every sample within the band (+5 ms),
    // the mean within 3.5 ms (three standard errors of 30 uniform samples).
    let jittered = samples("jittered");
    let mean = jittered.iter().sum::<f64>() / jittered.len() as f64;
    eprintln!("latency 100±10 ms: mean {mean:.1} ms, samples {jittered:.1?}");
    assert!((mean - 100.0).abs() <= 3.5, "mean {mean:.1} ms");
    for rtt in &jittered {
        assert!(
            (89.9..=115.0).contains(rtt),
            "{rtt:.1} ms outside 90-110 (+5)"
        );
    }
}

/// 10 MB at 5000 KB/s takes 2 s within 5%, measured by the receiver.
#[test]
fn bandwidth_holds_the_rate_over_ten_megabytes() {
    let proxy = Proxy::start();
    let upstream = source_server(10_000_000);
    let listen = proxy.create("bulk", &upstream);
    proxy.toxic("bulk", r#"{"type":"bandwidth","attributes":{"rate":5000}}"#);
    let mut s = TcpStream::connect(&listen).unwrap();
    let started = Instant::now();
    let mut buf = vec![0_u8; 256 * 1024];
    let mut got = 0;
    loop {
        let n = s.read(&mut buf).unwrap();
        if n == 0 {
            break;
        }
        got += n;
    }
    let secs = started.elapsed().as_secs_f64();
    let rate = got as f64 / secs / 1000.0;
    eprintln!("bandwidth 5000 KB/s: {got} bytes in {secs:.3} s = {rate:.0} KB/s");
    assert_eq!(got, 10_000_000);
    assert!((rate - 5000.0).abs() <= 250.0, "{rate:.0} KB/s");
}

#[test]
fn reset_peer_timeout_limit_data_and_slicer_act_on_the_stream() {
    let proxy = Proxy::start();
    let echo = echo_server();

    // reset_peer: the client's first bytes are dropped and it gets an RST.
    let listen = proxy.create("reset", &echo);
    proxy.toxic(
        "reset",
        r#"{"type":"reset_peer","stream":"upstream","attributes":{"timeout":0}}"#,
    );
    let mut s = TcpStream::connect(&listen).unwrap();
    s.write_all(b"hello").unwrap();
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let err = s.read(&mut [0_u8; 16]).unwrap_err();
    assert_eq!(err.kind(), std::io::ErrorKind::ConnectionReset, "{err}");

    // timeout: data vanishes, and the connection closes after 300 ms of it.
    let listen = proxy.create("slow", &echo);
    proxy.toxic("slow", r#"{"type":"timeout","attributes":{"timeout":300}}"#);
    let mut s = TcpStream::connect(&listen).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let started = Instant::now();
    s.write_all(b"hello").unwrap();
    let n = s.read(&mut [0_u8; 16]).unwrap_or(0);
    let waited = started.elapsed();
    assert_eq!(n, 0, "nothing came back");
    assert!(
        waited >= Duration::from_millis(280) && waited < Duration::from_secs(3),
        "{waited:?}"
    );

    // limit_data: 10 bytes come back, then the connection closes.
    let listen = proxy.create("limited", &echo);
    proxy.toxic(
        "limited",
        r#"{"type":"limit_data","attributes":{"bytes":10}}"#,
    );
    let mut s = TcpStream::connect(&listen).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    s.write_all(b"0123456789abcdefghij").unwrap();
    let mut back = Vec::new();
    let _ = s.read_to_end(&mut back);
    assert_eq!(back, b"0123456789");

    // slicer: everything arrives, in order.
    let listen = proxy.create("sliced", &echo);
    proxy.toxic(
        "sliced",
        r#"{"type":"slicer","attributes":{"average_size":3,"size_variation":1,"delay":100}}"#,
    );
    let mut s = TcpStream::connect(&listen).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    let msg: Vec<u8> = (0..200).map(|i| (i % 251) as u8).collect();
    s.write_all(&msg).unwrap();
    let mut back = vec![0_u8; msg.len()];
    s.read_exact(&mut back).unwrap();
    assert_eq!(back, msg);
}

/// Sends `count` 16-byte messages through `s` one at a time, each waiting
/// for its echo; checks every echoed byte and returns the round trips.
fn echo_round_trips(s: &mut TcpStream, count: usize, tag: char) -> Vec<Duration> {
    (0..count)
        .map(|i| {
            let msg = format!("{tag}{i:06}-abcdefgh");
            assert_eq!(msg.len(), 16);
            let started = Instant::now();
            s.write_all(msg.as_bytes()).unwrap();
            let mut back = [0_u8; 16];
            s.read_exact(&mut back).unwrap();
            let took = started.elapsed();
            assert_eq!(&back, msg.as_bytes(), "round trip {i}");
            took
        })
        .collect()
}

/// packet_loss 30% with a 50 ms RTO on the responses: a round trip whose
/// response was lost at least once takes at least 50 ms, so of 200
/// sequential round trips the slow ones (≥ 45 ms) are within three standard
/// deviations of 200 × 0.3, and every response arrives intact and in order
/// (a burst too, whose later chunks wait behind a held one). At 0% no
/// round trip is slowed; removing the toxic releases a held chunk at once;
/// a percent of 150 and an rto of 0 are refused.
#[test]
fn packet_loss_holds_lost_chunks_a_retransmission_timeout_in_order() {
    let proxy = Proxy::start();
    let echo = echo_server();
    let listen = proxy.create("lossy", &echo);
    let (status, body) = proxy.call(
        "POST",
        "/proxies/lossy/toxics",
        r#"{"type":"packet_loss","attributes":{"percent":150}}"#,
    );
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("percent: from 0 to 100, not 150")),
        "{body}"
    );
    proxy.toxic(
        "lossy",
        r#"{"type":"packet_loss","attributes":{"percent":30,"rto":50}}"#,
    );
    let started = Instant::now();
    let mut s = TcpStream::connect(&listen).unwrap();
    s.set_nodelay(true).unwrap();
    // A chunk lost 9 times in a row (p = 0.3^9) waits 25.5 s.
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    let n = 200;
    let rtts = echo_round_trips(&mut s, n, 'a');
    let slow = rtts
        .iter()
        .filter(|t| **t >= Duration::from_millis(45))
        .count();
    let fastest_slow = rtts
        .iter()
        .filter(|t| **t >= Duration::from_millis(45))
        .min();
    let slowest = rtts.iter().max().unwrap();
    let (mean, sd) = (n as f64 * 0.3, (n as f64 * 0.3 * 0.7).sqrt());
    eprintln!(
        "packet_loss 30%, rto 50 ms: {slow} of {n} round trips ≥ 45 ms (expected {mean:.0} ± {:.1}); \
         fastest of them {fastest_slow:?}, slowest {slowest:?}; {:?}",
        3.0 * sd,
        started.elapsed()
    );
    assert!(
        (slow as f64 - mean).abs() <= 3.0 * sd,
        "{slow} of {n} slow, expected {mean:.0} ± {:.1}",
        3.0 * sd
    );
    // A burst: 20 messages written back to back come back whole and in
    // order, later chunks waiting behind a held one.
    let burst: Vec<u8> = (0..20)
        .flat_map(|i| format!("b{i:06}-abcdefgh").into_bytes())
        .collect();
    for msg in burst.chunks(16) {
        s.write_all(msg).unwrap();
    }
    let mut back = vec![0_u8; burst.len()];
    s.read_exact(&mut back).unwrap();
    assert_eq!(back, burst);

    // At 0% nothing is held.
    let (status, body) = proxy.call(
        "PATCH",
        "/proxies/lossy/toxics/packet_loss_downstream",
        r#"{"attributes":{"percent":0}}"#,
    );
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        body["attributes"],
        serde_json::json!({"percent": 0.0, "rto": 50})
    );
    let rtts = echo_round_trips(&mut s, 100, 'c');
    let slowest = rtts.iter().max().unwrap();
    eprintln!("packet_loss 0%: slowest of 100 round trips {slowest:?}");
    assert!(*slowest < Duration::from_millis(45), "{slowest:?}");

    // Every chunk lost, 10 s RTO: removing the toxic lets the held
    // response go at once.
    proxy.call(
        "PATCH",
        "/proxies/lossy/toxics/packet_loss_downstream",
        r#"{"attributes":{"percent":100,"rto":10000}}"#,
    );
    let held = std::thread::scope(|scope| {
        scope.spawn(|| {
            std::thread::sleep(Duration::from_millis(300));
            let (status, _) =
                proxy.call("DELETE", "/proxies/lossy/toxics/packet_loss_downstream", "");
            assert_eq!(status, 204);
        });
        echo_round_trips(&mut s, 1, 'd')[0]
    });
    eprintln!("packet_loss 100%, rto 10 s, removed after 300 ms: held {held:?}");
    assert!(
        held >= Duration::from_millis(300) && held < Duration::from_secs(2),
        "{held:?}"
    );
    proxy.toxic(
        "lossy",
        r#"{"type":"packet_loss","attributes":{"percent":1}}"#,
    );
    let (status, body) = proxy.call(
        "PATCH",
        "/proxies/lossy/toxics/packet_loss_downstream",
        r#"{"attributes":{"rto":0}}"#,
    );
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("rto: at least 1 ms, not 0")),
        "{body}"
    );
}

#[test]
fn the_api_answers_like_toxiproxy() {
    let proxy = Proxy::start();
    let echo = echo_server();
    proxy.create("a", &echo);
    let (status, body) = proxy.call(
        "POST",
        "/proxies",
        &format!(r#"{{"name":"a","upstream":"{echo}"}}"#),
    );
    assert_eq!(
        (status, body["error"].as_str()),
        (409, Some("proxy already exists"))
    );
    assert_eq!(body["status"], 409);
    let (status, body) = proxy.call("GET", "/proxies/nope", "");
    assert_eq!(
        (status, body["error"].as_str()),
        (404, Some("proxy not found"))
    );
    let (status, body) = proxy.call("POST", "/proxies/a/toxics", r#"{"type":"nope"}"#);
    assert_eq!(
        (status, body["error"].as_str()),
        (400, Some("invalid toxic type"))
    );
    let (status, _) = proxy.call("POST", "/proxies", r#"{"name":"b"}"#);
    assert_eq!(status, 400);
    let (status, body) = proxy.call(
        "POST",
        "/populate",
        &format!(r#"[{{"name":"a","upstream":"{echo}"}},{{"name":"c","listen":"127.0.0.1:0","upstream":"{echo}"}}]"#),
    );
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["proxies"].as_array().unwrap().len(), 2);
    proxy.toxic(
        "c",
        r#"{"type":"latency","stream":"upstream","attributes":{"latency":5}}"#,
    );
    proxy.toxic("c", r#"{"type":"slow_close","attributes":{"delay":5}}"#);
    let (status, body) = proxy.call(
        "PATCH",
        "/proxies/c/toxics/latency_upstream",
        r#"{"attributes":{"jitter":2}}"#,
    );
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        body["attributes"],
        serde_json::json!({"latency": 5, "jitter": 2})
    );
    let (_, list) = proxy.call("GET", "/proxies/c/toxics", "");
    assert_eq!(list.as_array().unwrap().len(), 2);
    // Disabling closes the listener.
    let (_, c) = proxy.call("GET", "/proxies/c", "");
    let listen = c["listen"].as_str().unwrap().to_string();
    let (status, _) = proxy.call("POST", "/proxies/c", r#"{"enabled":false}"#);
    assert_eq!(status, 200);
    assert!(
        TcpStream::connect(&listen).is_err(),
        "disabled proxy refuses connections"
    );
    let (status, _) = proxy.call("POST", "/reset", "");
    assert_eq!(status, 204);
    let (_, c) = proxy.call("GET", "/proxies/c", "");
    assert_eq!(
        (c["enabled"].as_bool(), c["toxics"].as_array().map(Vec::len)),
        (Some(true), Some(0))
    );
    assert!(
        TcpStream::connect(&listen).is_ok(),
        "re-enabled on the same address"
    );
    let (status, _) = proxy.call("DELETE", "/proxies/c", "");
    assert_eq!(status, 204);
    // A public listen address needs --allow-public.
    let (status, body) = proxy.call(
        "POST",
        "/proxies",
        &format!(r#"{{"name":"pub","listen":"0.0.0.0:0","upstream":"{echo}"}}"#),
    );
    assert_eq!(status, 400, "{body}");
    assert!(body["error"].as_str().unwrap().contains("--allow-public"));
}

#[test]
fn the_kill_switch_clears_toxics_and_refuses_new_ones() {
    let proxy = Proxy::start();
    let echo = echo_server();
    proxy.create("k", &echo);
    proxy.toxic("k", r#"{"type":"latency","attributes":{"latency":1000}}"#);
    let home = proxy._home.path();
    let out = omni(home).args(["chaos", "disable"]).output().unwrap();
    assert!(out.status.success());
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let (_, list) = proxy.call("GET", "/proxies/k/toxics", "");
        if list.as_array().is_some_and(Vec::is_empty) {
            break;
        }
        assert!(Instant::now() < deadline, "toxics still there: {list}");
        std::thread::sleep(Duration::from_millis(50));
    }
    let (status, _) = proxy.call("POST", "/proxies/k/toxics", r#"{"type":"latency"}"#);
    assert_eq!(status, 503);
    let _ = omni(Path::new(home)).args(["chaos", "enable"]).output();
}

/// An HTTP server answering 200 `ok` to every request, one per connection.
fn http_server() -> String {
    let l = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = l.local_addr().unwrap().to_string();
    std::thread::spawn(move || {
        for s in l.incoming().flatten() {
            std::thread::spawn(move || {
                let mut s = s;
                let mut head = Vec::new();
                let mut byte = [0_u8; 1];
                while !head.ends_with(b"\r\n\r\n") && s.read(&mut byte).is_ok_and(|n| n == 1) {
                    head.push(byte[0]);
                }
                let _ = s.write_all(
                    b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok",
                );
            });
        }
    });
    addr
}

/// One GET through `addr`: (status, how long it took).
fn get(addr: &str, path: &str) -> (u16, Duration) {
    let started = Instant::now();
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw);
    let status = text.get(9..12).and_then(|s| s.parse().ok()).unwrap_or(0);
    (status, started.elapsed())
}

#[test]
fn http_toxics_fail_requests_by_count_and_share_and_delay_matching_paths() {
    let proxy = Proxy::start();
    let server = http_server();
    let listen = proxy.create("web", &server);

    // The first three requests fail with 500 (curl is the client), then
    // requests pass.
    proxy.toxic(
        "web",
        r#"{"type":"http_fail_first","attributes":{"count":3,"status":500}}"#,
    );
    let curl = |path: &str| -> String {
        let out = Command::new("curl")
            .args(["-s", "-o", "/dev/null", "-w", "%{http_code}"])
            .arg(format!("http://{listen}{path}"))
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).to_string()
    };
    let codes: Vec<String> = (0..5).map(|_| curl("/")).collect();
    assert_eq!(codes, ["500", "500", "500", "200", "200"]);
    proxy.call("DELETE", "/proxies/web/toxics/http_fail_first_upstream", "");

    // 30% of requests get 503: within three standard deviations of 300 × 0.3.
    proxy.toxic(
        "web",
        r#"{"type":"http_status","attributes":{"status":503,"percent":30}}"#,
    );
    let failed = (0..300).filter(|_| get(&listen, "/").0 == 503).count();
    eprintln!("http_status 30%: {failed} of 300 got 503");
    assert!((66..=114).contains(&failed), "{failed} of 300");
    proxy.call("DELETE", "/proxies/web/toxics/http_status_upstream", "");

    // Only paths under /slow wait 200 ms.
    proxy.toxic(
        "web",
        r#"{"type":"http_delay","attributes":{"delay":200,"path_prefix":"/slow"}}"#,
    );
    let (status, slow) = get(&listen, "/slow/report");
    assert_eq!(status, 200);
    assert!(slow >= Duration::from_millis(200), "{slow:?}");
    let (status, fast) = get(&listen, "/fast");
    assert_eq!(status, 200);
    assert!(fast < Duration::from_millis(150), "{fast:?}");

    // HTTP toxics read requests: downstream is refused.
    let (status, body) = proxy.call(
        "POST",
        "/proxies/web/toxics",
        r#"{"type":"http_status","stream":"downstream"}"#,
    );
    assert_eq!(status, 400, "{body}");
}
