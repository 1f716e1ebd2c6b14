//! `POST /v1/events` with many events: a JSON array or `application/x-ndjson`
//! lines, answered with one `{index, id}` per event; a bad element refuses
//! the whole submission (400 naming it, nothing written); the single-object
//! form is unchanged. On a single node and on a four-replica cluster.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::util::{omni, text};

/// One HTTP/1.1 request on a fresh connection: (status, JSON body).
fn post(addr: &str, path: &str, content_type: &str, body: &str) -> (u16, Value) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    write!(
        s,
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nX-Api-Key: k\r\nContent-Type: {content_type}\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    http_answer(s)
}

fn get(addr: &str, path: &str) -> (u16, Value) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    http_answer(s)
}

fn http_answer(mut s: TcpStream) -> (u16, Value) {
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let raw = String::from_utf8(raw).unwrap();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap();
    let status = head.split(' ').nth(1).unwrap().parse().unwrap();
    (status, serde_json::from_str(body).unwrap_or(Value::Null))
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Starts a node and waits for its "listening on" line.
fn start_node(home: &Path, dir: &Path, port: u16, extra: &[String]) -> Child {
    let mut node = omni(home)
        .args(["ledger", "node", "--data-dir"])
        .arg(dir)
        .args(["--port", &port.to_string(), "--api-key", "k"])
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(node.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert!(line.starts_with("listening on"), "{line}");
    node
}

struct Kill(Vec<Child>);
impl Drop for Kill {
    fn drop(&mut self) {
        for c in &mut self.0 {
            let _ = c.kill();
            let _ = c.wait();
        }
    }
}

fn event(source: &str) -> String {
    format!(r#"{{"type":"scanner","source":"{source}","severity":"high","ttl":60}}"#)
}

fn indices(v: &Value) -> Vec<u64> {
    v.as_array()
        .unwrap_or_else(|| panic!("an array: {v}"))
        .iter()
        .map(|e| {
            assert_eq!(e["id"].as_str().unwrap().len(), 32, "{e}");
            e["index"].as_u64().unwrap()
        })
        .collect()
}

#[test]
fn a_node_commits_an_array_of_events_whole_or_not_at_all() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("ledger");
    let out = omni(home.path())
        .args(["ledger", "init", "--data-dir"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    let port = free_port();
    let _node = Kill(vec![start_node(home.path(), &dir, port, &[])]);
    let addr = format!("127.0.0.1:{port}");
    let json = "application/json";

    let body = format!(
        "[{},{},{}]",
        event("192.0.2.1"),
        event("192.0.2.2"),
        event("2001:db8::/32")
    );
    let (code, v) = post(&addr, "/v1/events", json, &body);
    assert_eq!(code, 201, "{v}");
    assert_eq!(indices(&v), [0, 1, 2]);

    let body = format!("{}\n\n{}\n", event("192.0.2.3"), event("192.0.2.4"));
    let (code, v) = post(&addr, "/v1/events", "application/x-ndjson", &body);
    assert_eq!(code, 201, "{v}");
    assert_eq!(indices(&v), [3, 4]);

    // A bad element: 400 naming it, nothing written.
    let bad = [
        (
            format!(
                r#"[{},{{"type":"scanner","source":"10.0.0.1/8","severity":"high"}}]"#,
                event("192.0.2.5")
            ),
            "element 1: ",
        ),
        (
            format!(
                r#"[{},{},{{"type":"scanner"}}]"#,
                event("192.0.2.5"),
                event("192.0.2.6")
            ),
            "element 2: bad event",
        ),
        (
            format!(
                r#"[{},{{"type":"scanner","source":"192.0.2.7","severity":"extreme"}}]"#,
                event("192.0.2.5")
            ),
            "element 1: ",
        ),
        (
            r#"[{"type":"scanner","source":"192.0.2.8","severity":"low","time":"2026-01-01T00:00:00Z"},
                {"type":"scanner","source":"192.0.2.8","severity":"low","time":"2026-01-01T00:00:00Z"}]"#
                .to_owned(),
            "element 1: the same event as element 0",
        ),
        ("[]".to_owned(), "no events"),
    ];
    for (body, want) in &bad {
        let (code, v) = post(&addr, "/v1/events", json, body);
        assert_eq!(code, 400, "{body}: {v}");
        let m = v["message"].as_str().unwrap();
        assert!(m.contains(want), "{body}: {m}");
    }
    let body = format!("{}\n{{\"type\":\n", event("192.0.2.9"));
    let (code, v) = post(&addr, "/v1/events", "application/x-ndjson", &body);
    assert_eq!(code, 400, "{v}");
    assert!(
        v["message"].as_str().unwrap().starts_with("line 2: "),
        "{v}"
    );

    // The single-object form is unchanged, and nothing refused was written.
    let (code, v) = post(&addr, "/v1/events", json, &event("192.0.2.10"));
    assert_eq!(code, 201, "{v}");
    assert_eq!(v["index"], 5);
    assert_eq!(v["size"], 6);
    assert_eq!(v["id"].as_str().unwrap().len(), 32);
    // The same timed event twice, alone then in an array: one entry, the
    // same index each time.
    let timed = r#"{"type":"scanner","source":"192.0.2.11","severity":"low","time":"2026-01-01T00:00:00Z"}"#;
    let (code, first) = post(&addr, "/v1/events", json, timed);
    assert_eq!(code, 201, "{first}");
    assert_eq!(first["index"], 6);
    let (code, again) = post(&addr, "/v1/events", json, timed);
    assert_eq!(code, 201, "{again}");
    assert_eq!(
        (&again["index"], &again["size"]),
        (&first["index"], &first["size"])
    );
    let (code, v) = post(
        &addr,
        "/v1/events",
        json,
        &format!("[{timed},{}]", event("192.0.2.12")),
    );
    assert_eq!(code, 201, "{v}");
    assert_eq!(indices(&v), [6, 7], "{v}");
    drop(_node);
    let out = omni(home.path())
        .args(["ledger", "verify", "--data-dir"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("intact: 8 entries"), "{}", text(&out));
}

#[test]
fn a_replica_answers_an_array_once_every_event_is_committed() {
    let home = tempfile::tempdir().unwrap();
    let dirs: Vec<_> = (1..=4).map(|i| home.path().join(format!("n{i}"))).collect();
    for (i, d) in dirs.iter().enumerate() {
        let out = omni(home.path())
            .args(["-q", "ledger", "init", "--data-dir"])
            .arg(d)
            .args(["--domain", &format!("org{}", i + 1)])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", text(&out));
    }
    for (i, d) in dirs.iter().enumerate() {
        std::fs::create_dir_all(d.join("replicas")).unwrap();
        for (j, other) in dirs.iter().enumerate() {
            if i != j {
                std::fs::copy(
                    other.join("key.pub"),
                    d.join("replicas").join(format!("n{j}.pub")),
                )
                .unwrap();
            }
        }
    }
    let ports: Vec<u16> = (0..4).map(|_| free_port()).collect();
    let addrs: Vec<String> = ports.iter().map(|p| format!("127.0.0.1:{p}")).collect();
    let mut nodes = Kill(Vec::new());
    for i in 0..4 {
        let peers: Vec<&str> = (0..4)
            .filter(|&j| j != i)
            .map(|j| addrs[j].as_str())
            .collect();
        let extra = ["--peers".to_owned(), peers.join(",")];
        nodes
            .0
            .push(start_node(home.path(), &dirs[i], ports[i], &extra));
    }
    let until = Instant::now() + Duration::from_secs(30);
    for a in &addrs {
        while get(a, "/v1/cluster/status").1["linked"]
            .as_array()
            .is_none_or(|l| l.len() < 3)
        {
            assert!(Instant::now() < until, "{a}: not linked to its 3 peers");
            std::thread::sleep(Duration::from_millis(100));
        }
    }
    let body = format!(
        "[{},{},{},{},{}]",
        event("198.51.100.1"),
        event("198.51.100.2"),
        event("198.51.100.3"),
        event("198.51.100.4"),
        event("198.51.100.5")
    );
    let (code, v) = post(&addrs[1], "/v1/events", "application/json", &body);
    assert_eq!(code, 201, "{v}");
    let mut got = indices(&v);
    got.sort();
    got.dedup();
    assert_eq!(got.len(), 5, "{v}");
    assert!(got.iter().all(|&i| i < 5), "{v}");
    // A bad element: nothing reaches consensus.
    let bad = format!(r#"[{},{{"type":"scanner"}}]"#, event("198.51.100.6"));
    let (code, v) = post(&addrs[2], "/v1/events", "application/json", &bad);
    assert_eq!(code, 400, "{v}");
    // The four replicas agree on the five entries.
    agree(&addrs, 5);
    // An event with its time given signs to the same entry every time on one
    // replica (another replica would sign its own): submitted again, it is
    // answered at once with the index it was committed at, and committed once.
    let timed = r#"{"type":"scanner","source":"198.51.100.7","severity":"low","time":"2026-01-01T00:00:00Z"}"#;
    let (code, first) = post(&addrs[0], "/v1/events", "application/json", timed);
    assert_eq!(code, 201, "{first}");
    assert_eq!(first["index"], 5, "{first}");
    for _ in 0..2 {
        let t = Instant::now();
        let (code, again) = post(&addrs[0], "/v1/events", "application/json", timed);
        assert_eq!(code, 201, "{again}");
        assert_eq!(
            (&again["index"], &again["id"]),
            (&first["index"], &first["id"])
        );
        assert!(t.elapsed() < Duration::from_secs(5), "{:?}", t.elapsed());
    }
    agree(&addrs, 6);
}

/// Waits (30 s at most) until every replica holds `size` entries with the
/// same root.
fn agree(addrs: &[String], size: u64) {
    let until = Instant::now() + Duration::from_secs(30);
    loop {
        let st: Vec<Value> = addrs
            .iter()
            .map(|a| get(a, "/v1/cluster/status").1)
            .collect();
        if st
            .iter()
            .all(|s| s["size"] == size && s["root"] == st[0]["root"])
        {
            return;
        }
        assert!(Instant::now() < until, "the replicas disagree: {st:?}");
        std::thread::sleep(Duration::from_millis(100));
    }
}
