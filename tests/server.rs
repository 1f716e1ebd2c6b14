//! The HTTP server helper, exercised over real loopback sockets with a tiny
//! HTTP/1.1 client: built-in endpoints, request counting in valid Prometheus
//! text, body and time limits, the loopback rule, and graceful shutdown
//! (in-process and, for SIGTERM, in a child process).

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Bytes;
use axum::routing::{get, post};
use omni::runtime::error::{Classify, Exit};
use omni::runtime::server::{
    METRICS_CONTENT_TYPE, ServerBuilder, ServerError, ShutdownCause, StopSignal,
};

use crate::util;

fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("tokio runtime")
}

/// A response as the wire carried it.
#[derive(Debug)]
struct Resp {
    status: u16,
    headers: HashMap<String, String>,
    body: Vec<u8>,
}

impl Resp {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// Sends raw bytes, reads until the server closes, parses one response.
fn send_raw(addr: SocketAddr, raw: &[u8]) -> std::io::Result<Resp> {
    let mut stream = TcpStream::connect_timeout(&addr, Duration::from_secs(5))?;
    stream.set_read_timeout(Some(Duration::from_secs(20)))?;
    stream.write_all(raw)?;
    let mut buf = Vec::new();
    stream.read_to_end(&mut buf)?;
    parse_response(&buf)
}

fn parse_response(buf: &[u8]) -> std::io::Result<Resp> {
    let bad = |what: &str| std::io::Error::new(std::io::ErrorKind::InvalidData, what.to_owned());
    let end = buf
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .ok_or_else(|| bad("no end of headers"))?;
    let head = std::str::from_utf8(&buf[..end]).map_err(|_| bad("non-utf8 head"))?;
    let mut lines = head.split("\r\n");
    let status_line = lines.next().ok_or_else(|| bad("empty"))?;
    let status = status_line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| bad("bad status line"))?;
    let headers: HashMap<String, String> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let raw_body = &buf[end + 4..];
    let body = if headers.get("transfer-encoding").map(String::as_str) == Some("chunked") {
        dechunk(raw_body).ok_or_else(|| bad("bad chunked body"))?
    } else {
        raw_body.to_vec()
    };
    Ok(Resp {
        status,
        headers,
        body,
    })
}

fn dechunk(mut raw: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let line_end = raw.windows(2).position(|w| w == b"\r\n")?;
        let size_text = std::str::from_utf8(&raw[..line_end]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        raw = &raw[line_end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(raw.get(..size)?);
        raw = raw.get(size + 2..)?;
    }
}

fn request(addr: SocketAddr, method: &str, path: &str, body: &[u8]) -> Resp {
    let mut raw = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    raw.extend_from_slice(body);
    send_raw(addr, &raw).unwrap_or_else(|e| panic!("{method} {path} on {addr}: {e}"))
}

fn get_path(addr: SocketAddr, path: &str) -> Resp {
    request(addr, "GET", path, b"")
}

/// True when nothing accepts connections on `addr` any more.
fn refused(addr: SocketAddr) -> bool {
    match TcpStream::connect_timeout(&addr, Duration::from_secs(2)) {
        Err(e) => e.kind() == std::io::ErrorKind::ConnectionRefused,
        Ok(_) => false,
    }
}

// ---------------------------------------------------------------------------
// A strict reader for the Prometheus text format 0.0.4.

#[derive(Debug, Clone, PartialEq)]
struct Sample {
    name: String,
    labels: Vec<(String, String)>,
    value: f64,
}

impl Sample {
    fn label(&self, key: &str) -> Option<&str> {
        self.labels
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

fn is_metric_name(s: &str) -> bool {
    let mut c = s.chars();
    matches!(c.next(), Some(f) if f.is_ascii_alphabetic() || f == '_' || f == ':')
        && c.all(|ch| ch.is_ascii_alphanumeric() || ch == '_' || ch == ':')
}

/// Parses exposition text line by line; panics naming the line on any
/// violation: unknown comment forms, duplicate or late HELP/TYPE, samples of
/// an undeclared or interleaved family, bad label syntax or escapes, values
/// that are not floats, a missing final newline.
fn parse_exposition(text: &str) -> Vec<Sample> {
    assert!(
        text.is_empty() || text.ends_with('\n'),
        "missing final newline"
    );
    let mut samples = Vec::new();
    let mut types: HashMap<String, String> = HashMap::new();
    let mut helps: HashMap<String, String> = HashMap::new();
    let mut finished: Vec<String> = Vec::new();
    let mut current: Option<String> = None;
    for (n, line) in text.lines().enumerate() {
        let at = format!("line {}: {line:?}", n + 1);
        if let Some(rest) = line.strip_prefix("# ") {
            let (kind, rest) = rest.split_once(' ').expect(&at);
            let (name, arg) = rest.split_once(' ').expect(&at);
            assert!(is_metric_name(name), "{at}");
            assert!(
                !finished.contains(&name.to_owned()),
                "family reopened: {at}"
            );
            if current.as_deref() != Some(name)
                && let Some(prev) = current.replace(name.to_owned())
            {
                finished.push(prev);
            }
            match kind {
                "HELP" => {
                    assert!(helps.insert(name.into(), arg.into()).is_none(), "{at}");
                }
                "TYPE" => {
                    assert!(
                        ["counter", "gauge", "histogram", "summary", "untyped"].contains(&arg),
                        "{at}"
                    );
                    assert!(types.insert(name.into(), arg.into()).is_none(), "{at}");
                }
                _ => panic!("unknown comment: {at}"),
            }
            continue;
        }
        assert!(!line.starts_with('#'), "{at}");
        assert!(!line.is_empty(), "empty line: {at}");
        let sample = parse_sample(line, &at);
        let family = family_of(&sample.name, &types);
        let family = family.unwrap_or_else(|| panic!("sample before its TYPE: {at}"));
        assert_eq!(
            current.as_deref(),
            Some(family.as_str()),
            "interleaved: {at}"
        );
        samples.push(sample);
    }
    samples
}

fn family_of(name: &str, types: &HashMap<String, String>) -> Option<String> {
    if types.contains_key(name) {
        return Some(name.to_owned());
    }
    for suffix in ["_bucket", "_sum", "_count"] {
        if let Some(base) = name.strip_suffix(suffix)
            && types.get(base).map(String::as_str) == Some("histogram")
        {
            return Some(base.to_owned());
        }
    }
    None
}

fn parse_sample(line: &str, at: &str) -> Sample {
    let name_end = line
        .find(['{', ' '])
        .unwrap_or_else(|| panic!("no value: {at}"));
    let name = &line[..name_end];
    assert!(is_metric_name(name), "{at}");
    let mut rest = &line[name_end..];
    let mut labels = Vec::new();
    if let Some(after) = rest.strip_prefix('{') {
        let mut chars = after.char_indices().peekable();
        loop {
            // label name
            let start = chars.peek().map(|(i, _)| *i).expect(at);
            let mut end = start;
            for (i, c) in chars.by_ref() {
                if c == '=' {
                    end = i;
                    break;
                }
                assert!(c.is_ascii_alphanumeric() || c == '_', "label name: {at}");
            }
            let key = after[start..end].to_owned();
            assert!(!key.is_empty(), "{at}");
            assert_eq!(chars.next().map(|(_, c)| c), Some('"'), "{at}");
            let mut value = String::new();
            loop {
                match chars.next().expect(at).1 {
                    '\\' => match chars.next().expect(at).1 {
                        '\\' => value.push('\\'),
                        '"' => value.push('"'),
                        'n' => value.push('\n'),
                        other => panic!("bad escape \\{other}: {at}"),
                    },
                    '"' => break,
                    '\n' => panic!("raw newline: {at}"),
                    c => value.push(c),
                }
            }
            assert!(
                labels.iter().all(|(k, _)| *k != key),
                "duplicate label: {at}"
            );
            labels.push((key, value));
            match chars.next().expect(at) {
                (_, ',') => continue,
                (i, '}') => {
                    rest = &after[i + 1..];
                    break;
                }
                _ => panic!("{at}"),
            }
        }
    }
    let value_text = rest.strip_prefix(' ').unwrap_or_else(|| panic!("{at}"));
    let value = match value_text {
        "+Inf" => f64::INFINITY,
        "-Inf" => f64::NEG_INFINITY,
        "NaN" => f64::NAN,
        v => v.parse().unwrap_or_else(|_| panic!("bad value: {at}")),
    };
    Sample {
        name: name.to_owned(),
        labels,
        value,
    }
}

fn find<'a>(samples: &'a [Sample], name: &str, labels: &[(&str, &str)]) -> Option<&'a Sample> {
    samples
        .iter()
        .find(|s| s.name == name && labels.iter().all(|(k, v)| s.label(k) == Some(*v)))
}

// ---------------------------------------------------------------------------

#[test]
fn health_readiness_and_requested_shutdown() {
    let rt = runtime();
    let routes = Router::new().route("/hello", get(|| async { "hi\n" }));
    let mut server = rt
        .block_on(
            ServerBuilder::new("health")
                .routes(routes)
                .shutdown_on_signals(false)
                .start(),
        )
        .unwrap();
    let addr = server.local_addr();
    assert!(addr.ip().is_loopback(), "default bind is loopback: {addr}");
    assert_ne!(addr.port(), 0);

    let r = get_path(addr, "/healthz");
    assert_eq!((r.status, r.text().as_str()), (200, "ok\n"));
    let r = get_path(addr, "/readyz");
    assert_eq!((r.status, r.text().as_str()), (503, "not ready\n"));
    server.readiness().set_ready(true);
    let r = get_path(addr, "/readyz");
    assert_eq!((r.status, r.text().as_str()), (200, "ready\n"));
    assert_eq!(get_path(addr, "/hello").text(), "hi\n");
    assert_eq!(get_path(addr, "/nope").status, 404);

    server.shutdown();
    let stopped = rt.block_on(server.wait()).unwrap();
    assert_eq!(stopped.cause, ShutdownCause::Requested);
    assert!(stopped.drained);
    assert_eq!(stopped.aborted_connections, 0);
    assert!(!server.readiness().is_ready(), "shutdown clears readiness");
    assert!(refused(addr), "nothing listens after wait");
    // wait() after completion repeats the report.
    assert_eq!(rt.block_on(server.wait()).unwrap(), stopped);
}

#[test]
fn metrics_count_requests_in_valid_exposition_text() {
    let rt = runtime();
    let routes = Router::new()
        .route("/hello", get(|| async { "hi\n" }))
        .route("/items/{id}", get(|| async { "item\n" }));
    let mut server = rt
        .block_on(
            ServerBuilder::new("metrics-test")
                .routes(routes)
                .shutdown_on_signals(false)
                .start(),
        )
        .unwrap();
    let addr = server.local_addr();
    // A system's own counter, with a label value that needs every escape.
    let tricky = "a \"quoted\" \\ back\nslash";
    let custom = server
        .metrics()
        .counter(
            "omni_test_events_total",
            "Events seen.",
            &[("kind", tricky)],
        )
        .unwrap();
    custom.add(7);

    for _ in 0..5 {
        assert_eq!(get_path(addr, "/hello").status, 200);
    }
    for id in 0..3 {
        assert_eq!(get_path(addr, &format!("/items/{id}")).status, 200);
    }
    for _ in 0..2 {
        assert_eq!(get_path(addr, "/missing").status, 404);
    }
    assert_eq!(request(addr, "BREW", "/hello", b"").status, 405);
    assert_eq!(request(addr, "POST", "/hello", b"x").status, 405);

    let r = get_path(addr, "/metrics");
    assert_eq!(r.status, 200);
    assert_eq!(r.headers["content-type"], METRICS_CONTENT_TYPE);
    let text = r.text();
    let samples = parse_exposition(&text);

    let total = "omni_http_requests_total";
    let count = |route: &str, method: &str, status: &str| {
        find(
            &samples,
            total,
            &[
                ("server", "metrics-test"),
                ("route", route),
                ("method", method),
                ("status", status),
            ],
        )
        .map(|s| s.value)
    };
    assert_eq!(count("/hello", "GET", "200"), Some(5.0), "{text}");
    assert_eq!(count("/items/{id}", "GET", "200"), Some(3.0), "{text}");
    assert_eq!(count("unmatched", "GET", "404"), Some(2.0), "{text}");
    assert_eq!(count("/hello", "other", "405"), Some(1.0), "{text}");
    assert_eq!(count("/hello", "POST", "405"), Some(1.0), "{text}");
    // The /metrics request is counted after it is answered.
    assert_eq!(count("/metrics", "GET", "200"), None, "{text}");
    let all: f64 = samples
        .iter()
        .filter(|s| s.name == total)
        .map(|s| s.value)
        .sum();
    assert_eq!(all, 12.0, "no request counted twice: {text}");

    // The duration histogram agrees with the counter and is cumulative.
    let hist = |suffix: &str, extra: &[(&str, &str)]| {
        let mut labels = vec![("route", "/hello"), ("method", "GET")];
        labels.extend_from_slice(extra);
        find(
            &samples,
            &format!("omni_http_request_duration_seconds{suffix}"),
            &labels,
        )
        .map(|s| s.value)
    };
    assert_eq!(hist("_count", &[]), Some(5.0), "{text}");
    assert_eq!(hist("_bucket", &[("le", "+Inf")]), Some(5.0), "{text}");
    let buckets: Vec<f64> = samples
        .iter()
        .filter(|s| {
            s.name == "omni_http_request_duration_seconds_bucket"
                && s.label("route") == Some("/hello")
                && s.label("method") == Some("GET")
        })
        .map(|s| s.value)
        .collect();
    assert_eq!(buckets.len(), 12, "11 bounds and +Inf: {buckets:?}");
    assert!(buckets.windows(2).all(|w| w[0] <= w[1]), "{buckets:?}");

    // The custom counter round-trips through escaping.
    let s = find(&samples, "omni_test_events_total", &[("kind", tricky)]).expect(&text);
    assert_eq!(s.value, 7.0);
    assert!(text.contains("# HELP omni_test_events_total Events seen.\n"));
    assert!(text.contains("# TYPE omni_http_requests_total counter\n"));

    // A second scrape now sees the first one.
    let again = parse_exposition(&get_path(addr, "/metrics").text());
    let scraped = find(
        &again,
        total,
        &[("route", "/metrics"), ("method", "GET"), ("status", "200")],
    );
    assert_eq!(scraped.map(|s| s.value), Some(1.0));

    server.shutdown();
    rt.block_on(server.wait()).unwrap();
}

#[test]
fn body_over_the_limit_is_413_and_the_handler_never_runs() {
    let rt = runtime();
    let ran = Arc::new(AtomicUsize::new(0));
    let seen = ran.clone();
    let routes = Router::new().route(
        "/upload",
        post(move |body: Bytes| {
            let seen = seen.clone();
            async move {
                seen.fetch_add(1, Ordering::SeqCst);
                format!("{}\n", body.len())
            }
        }),
    );
    let mut server = rt
        .block_on(
            ServerBuilder::new("limits")
                .routes(routes)
                .body_limit(1024)
                .shutdown_on_signals(false)
                .start(),
        )
        .unwrap();
    let addr = server.local_addr();

    // Within the limit: served.
    let r = request(addr, "POST", "/upload", &[b'x'; 1000]);
    assert_eq!((r.status, r.text().as_str()), (200, "1000\n"));
    assert_eq!(ran.load(Ordering::SeqCst), 1);

    // Content-Length over the limit: refused from the headers alone; the
    // body is never even sent.
    let r = send_raw(
        addr,
        format!("POST /upload HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Length: 2048\r\n\r\n")
            .as_bytes(),
    )
    .unwrap();
    assert_eq!(r.status, 413);

    // Chunked, no length announced: refused once the limit is crossed.
    let chunk = vec![b'y'; 512];
    let mut raw = format!(
        "POST /upload HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n"
    )
    .into_bytes();
    for _ in 0..4 {
        raw.extend_from_slice(b"200\r\n");
        raw.extend_from_slice(&chunk);
        raw.extend_from_slice(b"\r\n");
    }
    raw.extend_from_slice(b"0\r\n\r\n");
    let r = send_raw(addr, &raw).unwrap();
    assert_eq!(r.status, 413);

    assert_eq!(
        ran.load(Ordering::SeqCst),
        1,
        "the handler never ran for 413s"
    );
    let samples = parse_exposition(&get_path(addr, "/metrics").text());
    let rejected = find(
        &samples,
        "omni_http_requests_total",
        &[("route", "/upload"), ("status", "413")],
    );
    assert_eq!(rejected.map(|s| s.value), Some(2.0));

    server.shutdown();
    rt.block_on(server.wait()).unwrap();
}

/// Sets its flag when dropped: tells whether a handler future was cancelled.
struct DropFlag(Arc<AtomicBool>);

impl Drop for DropFlag {
    fn drop(&mut self) {
        self.0.store(true, Ordering::SeqCst);
    }
}

#[test]
fn slow_handler_gets_503_at_the_time_limit_and_is_cancelled() {
    let rt = runtime();
    let dropped = Arc::new(AtomicBool::new(false));
    let finished = Arc::new(AtomicBool::new(false));
    let (d, f) = (dropped.clone(), finished.clone());
    let routes = Router::new().route(
        "/slow",
        get(move || {
            let guard = DropFlag(d.clone());
            let finished = f.clone();
            async move {
                let _guard = guard;
                tokio::time::sleep(Duration::from_secs(10)).await;
                finished.store(true, Ordering::SeqCst);
                "late\n"
            }
        }),
    );
    let mut server = rt
        .block_on(
            ServerBuilder::new("timeouts")
                .routes(routes)
                .request_timeout(Duration::from_millis(300))
                .shutdown_on_signals(false)
                .start(),
        )
        .unwrap();
    let addr = server.local_addr();

    let started = Instant::now();
    let r = get_path(addr, "/slow");
    let took = started.elapsed();
    assert_eq!(r.status, 503);
    assert!(took >= Duration::from_millis(300), "{took:?}");
    assert!(took < Duration::from_secs(5), "{took:?}");
    assert!(dropped.load(Ordering::SeqCst), "handler future was dropped");
    assert!(!finished.load(Ordering::SeqCst));
    // Fast routes are unaffected.
    assert_eq!(get_path(addr, "/healthz").status, 200);

    server.shutdown();
    rt.block_on(server.wait()).unwrap();
}

#[test]
fn non_loopback_bind_needs_allow_public() {
    let rt = runtime();
    for addr in [
        "0.0.0.0:0",
        "[::]:0",
        "192.0.2.1:8080",
        "[::ffff:192.0.2.1]:8080",
    ] {
        let addr: SocketAddr = addr.parse().unwrap();
        let err = rt
            .block_on(
                ServerBuilder::new("public")
                    .bind(addr)
                    .shutdown_on_signals(false)
                    .start(),
            )
            .unwrap_err();
        assert!(
            matches!(err, ServerError::PublicBind { .. }),
            "{addr}: {err:?}"
        );
        assert_eq!(err.exit(), Exit::Config);
        assert!(err.to_string().contains(&addr.to_string()), "{err}");
    }
    // Any loopback address is fine without the opt-in, including the
    // IPv4-mapped form.
    for addr in ["127.0.0.2:0", "[::ffff:127.0.0.1]:0"] {
        let addr: SocketAddr = addr.parse().unwrap();
        let result = rt.block_on(
            ServerBuilder::new("loop")
                .bind(addr)
                .shutdown_on_signals(false)
                .start(),
        );
        match result {
            Ok(mut server) => {
                server.shutdown();
                rt.block_on(server.wait()).unwrap();
            }
            // Some kernels refuse the v4-mapped v6 bind; the point is only
            // that the loopback rule did not.
            Err(e) => assert!(!matches!(e, ServerError::PublicBind { .. }), "{e}"),
        }
    }
}

#[test]
fn clashing_metric_family_fails_start_up() {
    let rt = runtime();
    let metrics = omni::runtime::server::Metrics::new();
    metrics
        .gauge("omni_http_requests_total", "Not a counter.", &[])
        .unwrap();
    let err = rt
        .block_on(
            ServerBuilder::new("clash")
                .metrics(metrics)
                .shutdown_on_signals(false)
                .start(),
        )
        .unwrap_err();
    assert!(matches!(err, ServerError::Metrics { .. }), "{err:?}");
    assert_eq!(err.exit(), Exit::Software);
}

#[test]
fn port_in_use_is_a_temporary_failure() {
    let rt = runtime();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap();
    let err = rt
        .block_on(
            ServerBuilder::new("busy")
                .bind(addr)
                .shutdown_on_signals(false)
                .start(),
        )
        .unwrap_err();
    assert!(matches!(err, ServerError::Bind { .. }), "{err:?}");
    assert_eq!(err.exit(), Exit::TempFail);
    assert!(err.to_string().contains(&addr.to_string()), "{err}");
}

#[test]
fn grace_expiry_drops_requests_still_running() {
    let rt = runtime();
    let (tx, rx) = mpsc::channel::<()>();
    let tx = Arc::new(std::sync::Mutex::new(tx));
    let routes = Router::new().route(
        "/stuck",
        get(move || {
            let tx = tx.clone();
            async move {
                let _ = tx.lock().unwrap().send(());
                tokio::time::sleep(Duration::from_secs(30)).await;
                "never\n"
            }
        }),
    );
    let mut server = rt
        .block_on(
            ServerBuilder::new("grace")
                .routes(routes)
                .shutdown_grace(Duration::from_millis(300))
                .shutdown_on_signals(false)
                .start(),
        )
        .unwrap();
    let addr = server.local_addr();
    let client = std::thread::spawn(move || {
        send_raw(
            addr,
            format!("GET /stuck HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").as_bytes(),
        )
    });
    rx.recv_timeout(Duration::from_secs(10))
        .expect("request in flight");

    let started = Instant::now();
    server.shutdown();
    let stopped = rt.block_on(server.wait()).unwrap();
    let took = started.elapsed();
    assert!(!stopped.drained);
    assert_eq!(stopped.aborted_connections, 1);
    assert!(took >= Duration::from_millis(300), "{took:?}");
    assert!(took < Duration::from_secs(5), "{took:?}");
    // The client sees the connection end without a response.
    assert!(client.join().unwrap().is_err());
}

#[test]
fn slow_headers_are_cut_off_and_idle_keepalive_does_not_hold_shutdown() {
    let rt = runtime();
    let mut server = rt
        .block_on(
            ServerBuilder::new("slowloris")
                .header_timeout(Duration::from_millis(300))
                .shutdown_grace(Duration::from_secs(10))
                .shutdown_on_signals(false)
                .start(),
        )
        .unwrap();
    let addr = server.local_addr();

    // Half a request line, then silence: the server hangs up.
    let mut slow = TcpStream::connect_timeout(&addr, Duration::from_secs(5)).unwrap();
    slow.set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    let started = Instant::now();
    slow.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
        .unwrap();
    let mut sink = Vec::new();
    let _ = slow.read_to_end(&mut sink); // EOF or reset: both end the wait
    let took = started.elapsed();
    assert!(took >= Duration::from_millis(250), "{took:?}");
    assert!(
        took < Duration::from_secs(5),
        "cut off by the header timeout: {took:?}"
    );

    // A keep-alive connection that finished its request and sits idle is
    // closed at once by shutdown instead of holding the 10 s grace.
    let mut idle = TcpStream::connect_timeout(&addr, Duration::from_secs(5)).unwrap();
    idle.set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    idle.write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
        .unwrap();
    let mut buf = [0u8; 256];
    let n = idle.read(&mut buf).unwrap();
    assert!(buf[..n].starts_with(b"HTTP/1.1 200"), "{:?}", &buf[..n]);

    let started = Instant::now();
    server.shutdown();
    let stopped = rt.block_on(server.wait()).unwrap();
    assert!(stopped.drained, "{stopped:?}");
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
    // The idle connection was closed by the server.
    assert_eq!(idle.read(&mut buf).unwrap_or(0), 0);
}

// ---------------------------------------------------------------------------
// SIGTERM, in a child process: signals are process-wide.

const SIGTERM_ROLE: &str = "server-sigterm";
const SLOW_MS: u64 = 800;

fn sigterm_child() {
    let rt = runtime();
    rt.block_on(async {
        let routes = Router::new().route(
            "/slow",
            get(|| async {
                println!("INFLIGHT");
                tokio::time::sleep(Duration::from_millis(SLOW_MS)).await;
                "done\n"
            }),
        );
        let mut server = ServerBuilder::new("sigterm")
            .routes(routes)
            .shutdown_grace(Duration::from_secs(5))
            .start()
            .await
            .unwrap();
        println!("ADDR {}", server.local_addr());
        let stopped = server.wait().await.unwrap();
        println!("STOPPED {stopped:?}");
        assert_eq!(stopped.cause, ShutdownCause::Signal(StopSignal::Terminate));
        assert!(stopped.drained);
    });
}

/// Kills the child if the parent test fails half-way.
struct KillOnDrop(Option<Child>);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        if let Some(child) = self.0.as_mut() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

fn expect_line(lines: &mpsc::Receiver<String>, prefix: &str, within: Duration) -> String {
    let deadline = Instant::now() + within;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match lines.recv_timeout(left) {
            Ok(line) if line.starts_with(prefix) => return line,
            Ok(_) => continue,
            Err(e) => panic!("child never printed {prefix:?}: {e}"),
        }
    }
}

#[test]
fn sigterm_drains_in_flight_requests_then_exits_zero() {
    match util::child_role().as_deref() {
        Some(SIGTERM_ROLE) => return sigterm_child(),
        Some(_) => return,
        None => {}
    }
    let child = util::child(
        "server::sigterm_drains_in_flight_requests_then_exits_zero",
        SIGTERM_ROLE,
    )
    .stdout(Stdio::piped())
    .stderr(Stdio::inherit())
    .spawn()
    .expect("spawn child");
    let mut guard = KillOnDrop(Some(child));
    let child = guard.0.as_mut().unwrap();
    let pid = child.id() as libc::pid_t;
    let stdout = child.stdout.take().unwrap();
    let (tx, lines) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });

    let addr_line = expect_line(&lines, "ADDR ", Duration::from_secs(60));
    let addr: SocketAddr = addr_line["ADDR ".len()..].parse().unwrap();
    assert!(addr.ip().is_loopback());

    let client = std::thread::spawn(move || get_path(addr, "/slow"));
    expect_line(&lines, "INFLIGHT", Duration::from_secs(10));
    let signalled = Instant::now();
    // SAFETY: kill(2) with a pid we spawned and still own (not yet reaped).
    let rc = unsafe { libc::kill(pid, libc::SIGTERM) };
    assert_eq!(rc, 0, "kill: {}", std::io::Error::last_os_error());

    // While the slow request drains, new connections are already refused.
    std::thread::sleep(Duration::from_millis(200));
    assert!(
        signalled.elapsed() < Duration::from_millis(SLOW_MS),
        "machine too slow to observe the drain window"
    );
    assert!(refused(addr), "listener closed during the drain");

    // The in-flight request completes normally.
    let r = client.join().unwrap();
    assert_eq!((r.status, r.text().as_str()), (200, "done\n"));

    // The child exits 0, well within the 5 s grace.
    let child = guard.0.as_mut().unwrap();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        assert!(
            signalled.elapsed() < Duration::from_secs(5),
            "child still running after the grace"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    guard.0 = None;
    assert!(status.success(), "child exit: {status:?}");
    let stopped = expect_line(&lines, "STOPPED", Duration::from_secs(1));
    assert!(stopped.contains("drained: true"), "{stopped}");
    assert!(refused(addr), "nothing listens after exit");
}
