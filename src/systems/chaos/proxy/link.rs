//! The data path: a listener per proxy, and per accepted connection one
//! upstream connection and two pumps (client → server is `upstream`,
//! server → client `downstream`), each passing its bytes through the
//! toxics of its direction.
//!
//! The toxic list is watched: a toxic added or removed acts on live
//! connections at once (a `timeout` added to an idle connection still
//! closes it). Whether a toxic with a toxicity below 1 applies is decided
//! once per connection and toxic, from the proxy's seeded random stream.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha20Rng;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::tcp::{OwnedReadHalf, OwnedWriteHalf};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio::time::Instant;
use tokio_util::sync::CancellationToken;

use super::toxic::{Kind, Stream, Toxic};

/// The toxics of a proxy, as every link sees them.
pub type Toxics = watch::Receiver<Arc<Vec<Toxic>>>;

const CHUNK: usize = 32 * 1024;

/// Accepts connections until `stop` is cancelled; links end with it.
pub async fn serve(
    listener: TcpListener,
    upstream: String,
    toxics: Toxics,
    stop: CancellationToken,
    seed: u64,
) {
    let mut n: u64 = 0;
    loop {
        let accepted = tokio::select! {
            a = listener.accept() => a,
            () = stop.cancelled() => return,
        };
        let Ok((client, _)) = accepted else {
            // EMFILE and the like: back off instead of spinning.
            tokio::time::sleep(Duration::from_millis(10)).await;
            continue;
        };
        n += 1;
        let rng = ChaCha20Rng::seed_from_u64(seed ^ n.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        tokio::spawn(link(
            client,
            upstream.clone(),
            toxics.clone(),
            stop.child_token(),
            rng,
        ));
    }
}

/// Sleeps until `at` to within a few tens of microseconds: tokio's timer
/// (1 ms ticks, woken late by up to a few ms) for all but the last 2 ms,
/// then a precise sleep on the blocking pool.
async fn precise_sleep_until(at: Instant) {
    let coarse = at.checked_sub(Duration::from_millis(2)).unwrap_or(at);
    if coarse > Instant::now() {
        tokio::time::sleep_until(coarse).await;
    }
    let left = at.saturating_duration_since(Instant::now());
    if !left.is_zero() {
        let _ = tokio::task::spawn_blocking(move || std::thread::sleep(left)).await;
    }
}

/// The longest a lost chunk waits for one retransmission (`packet_loss`).
const MAX_RTO: Duration = Duration::from_secs(60);

/// How many retransmissions of a chunk may be lost before the connection is
/// reset, as Linux's `tcp_retries2` (15) gives up.
const MAX_RETRANSMISSIONS: u32 = 15;

/// The fate of one chunk under `packet_loss`: how long it is held, and
/// whether the connection is reset instead of delivering it (every
/// retransmission lost). `lost` rolls one transmission: the first, then
/// each retransmission, the k-th of which waits `rto · 2^k` (at most
/// [`MAX_RTO`]) after the one before.
fn retransmissions(rto: Duration, mut lost: impl FnMut() -> bool) -> (Duration, bool) {
    let mut held = Duration::ZERO;
    let mut wait = rto.min(MAX_RTO);
    for _ in 0..=MAX_RETRANSMISSIONS {
        if !lost() {
            return (held, false);
        }
        held += wait;
        wait = wait.saturating_mul(2).min(MAX_RTO);
    }
    (held, true)
}

/// How a held chunk's wait ended.
enum Held {
    /// Its time came.
    Due,
    /// Toxic `name` was removed (or no longer applies): the chunk goes at
    /// once.
    Released,
    /// The connection closed.
    Closed,
}

/// Holds a chunk until `at`, unless the connection closes or toxic `name`
/// stops acting on `stream` first. Sleeps; never polls.
async fn hold(at: Instant, name: &str, stream: Stream, toxics: &mut Toxics, conn: &Conn) -> Held {
    let due = precise_sleep_until(at);
    tokio::pin!(due);
    // NB: `changed` fails at once, forever, when the proxy is gone (its
    // close token is cancelled then too): stop watching instead of spinning.
    let mut watching = true;
    loop {
        tokio::select! {
            () = &mut due => return Held::Due,
            () = conn.close.cancelled() => return Held::Closed,
            changed = toxics.changed(), if watching => {
                if changed.is_err() {
                    watching = false;
                    continue;
                }
                let still = toxics.borrow_and_update().iter().any(|t| {
                    t.name == name
                        && t.stream == stream
                        && matches!(t.kind, Kind::PacketLoss { .. })
                        && conn.applies(t)
                });
                if !still {
                    return Held::Released;
                }
            }
        }
    }
}

/// One connection's shared state.
struct Conn {
    rng: Mutex<ChaCha20Rng>,
    /// Toxic name → whether it applies to this connection.
    rolls: Mutex<HashMap<String, bool>>,
    close: CancellationToken,
    reset: AtomicBool,
    /// A response an HTTP toxic answers with, written to the client before
    /// the connection closes.
    inject: Mutex<Option<Vec<u8>>>,
}

impl Conn {
    fn applies(&self, t: &Toxic) -> bool {
        if t.toxicity >= 1.0 {
            return true;
        }
        if t.toxicity <= 0.0 {
            return false;
        }
        let mut rolls = self.rolls.lock().unwrap_or_else(|p| p.into_inner());
        *rolls.entry(t.name.clone()).or_insert_with(|| {
            let mut rng = self.rng.lock().unwrap_or_else(|p| p.into_inner());
            rng.r#gen::<f64>() < t.toxicity
        })
    }

    fn jitter(&self, base: Duration, jitter: Duration) -> Duration {
        if jitter.is_zero() {
            return base;
        }
        let j = jitter.as_secs_f64();
        let mut rng = self.rng.lock().unwrap_or_else(|p| p.into_inner());
        let d = base.as_secs_f64() + rng.gen_range(-j..=j);
        Duration::from_secs_f64(d.max(0.0))
    }
}

async fn link(
    client: TcpStream,
    upstream: String,
    toxics: Toxics,
    close: CancellationToken,
    rng: ChaCha20Rng,
) {
    let server = tokio::select! {
        s = TcpStream::connect(&upstream) => s,
        () = close.cancelled() => return,
    };
    let Ok(server) = server else {
        // Upstream down: the client sees its connection closed, as with
        // Toxiproxy.
        return;
    };
    let _ = client.set_nodelay(true);
    let _ = server.set_nodelay(true);
    let (mut cr, mut cw) = client.into_split();
    let (mut sr, mut sw) = server.into_split();
    let conn = Conn {
        rng: Mutex::new(rng),
        rolls: Mutex::new(HashMap::new()),
        close,
        reset: AtomicBool::new(false),
        inject: Mutex::new(None),
    };
    let up = pump(&mut cr, &mut sw, Stream::Upstream, toxics.clone(), &conn);
    let down = pump(&mut sr, &mut cw, Stream::Downstream, toxics, &conn);
    tokio::select! {
        _ = async { tokio::join!(up, down) } => {}
        () = conn.close.cancelled() => {}
    }
    let inject = conn.inject.lock().unwrap_or_else(|p| p.into_inner()).take();
    if let Some(response) = inject {
        let _ = cw.write_all(&response).await;
        let _ = cw.shutdown().await;
    }
    if conn.reset.load(Ordering::SeqCst) {
        // SO_LINGER 0: closing sends RST, and the client reads ECONNRESET.
        // NB: a dropped write half would send FIN first; `forget` leaves
        // the close to the read half.
        let _ = cw.as_ref().set_zero_linger();
        cw.forget();
    }
}

async fn pump(
    r: &mut OwnedReadHalf,
    w: &mut OwnedWriteHalf,
    stream: Stream,
    mut toxics: Toxics,
    conn: &Conn,
) {
    let mut buf = vec![0_u8; CHUNK];
    let mut passed: u64 = 0;
    // Each timeout toxic in force: since when the link has been silent.
    let mut seen: HashMap<String, Instant> = HashMap::new();
    // Bandwidth pacing: since when, at which rate, how many bytes.
    let mut paced: Option<(Instant, u64, u64)> = None;
    let mut http = Http::default();
    loop {
        let active: Vec<Toxic> = toxics
            .borrow_and_update()
            .iter()
            .filter(|t| t.stream == stream && conn.applies(t))
            .cloned()
            .collect();
        // A timeout toxic that was in force and is gone closes the
        // connection (as Toxiproxy does).
        if seen
            .keys()
            .any(|name| !active.iter().any(|t| &t.name == name))
        {
            conn.close.cancel();
            return;
        }
        let now = Instant::now();
        let mut blocked = false;
        let mut due: Option<Instant> = None;
        for t in &active {
            if let Kind::Timeout { timeout } = t.kind {
                blocked = true;
                let since = *seen.entry(t.name.clone()).or_insert(now);
                if !timeout.is_zero() {
                    let at = since + timeout;
                    due = Some(due.map_or(at, |d| d.min(at)));
                }
            }
        }
        if due.is_some_and(|at| at <= now) {
            conn.close.cancel();
            return;
        }
        let reset = active.iter().find_map(|t| match t.kind {
            Kind::ResetPeer { timeout } => Some(timeout),
            _ => None,
        });
        let read = tokio::select! {
            r = r.read(&mut buf) => r,
            _ = toxics.changed() => continue,
            () = tokio::time::sleep_until(due.unwrap_or(now)), if due.is_some() => continue,
            () = conn.close.cancelled() => return,
        };
        if let Some(timeout) = reset {
            // reset_peer: the data (or its end) is dropped, and after the
            // timeout the client's connection is reset.
            tokio::select! {
                () = tokio::time::sleep(timeout) => {}
                () = conn.close.cancelled() => return,
            }
            conn.reset.store(true, Ordering::SeqCst);
            conn.close.cancel();
            return;
        }
        let arrived = Instant::now();
        let n = match read {
            Ok(0) | Err(_) => {
                let delay = active.iter().find_map(|t| match t.kind {
                    Kind::SlowClose { delay } => Some(delay),
                    _ => None,
                });
                if let Some(d) = delay {
                    tokio::select! {
                        () = tokio::time::sleep(d) => {}
                        () = conn.close.cancelled() => return,
                    }
                }
                let _ = w.shutdown().await;
                return;
            }
            Ok(n) => n,
        };
        if blocked {
            // `timeout`: the data goes nowhere, and the silence starts again.
            for since in seen.values_mut() {
                *since = Instant::now();
            }
            continue;
        }
        let mut data: std::borrow::Cow<'_, [u8]> = std::borrow::Cow::Borrowed(&buf[..n]);
        if active.iter().any(|t| t.kind.is_http()) {
            match http.feed(&data, &active, conn) {
                Verdict::Pass(out, delay) => {
                    if let Some(d) = delay {
                        tokio::select! {
                            () = tokio::time::sleep(d) => {}
                            () = conn.close.cancelled() => return,
                        }
                    }
                    data = std::borrow::Cow::Owned(out);
                }
                Verdict::Respond(response) => {
                    *conn.inject.lock().unwrap_or_else(|p| p.into_inner()) = Some(response);
                    conn.close.cancel();
                    return;
                }
            }
        } else if !http.buf.is_empty() {
            // The HTTP toxics went away with a request half read: pass it on.
            let mut out = std::mem::take(&mut http.buf);
            out.extend_from_slice(&data);
            data = std::borrow::Cow::Owned(out);
        }
        let n = data.len();
        let mut end = n;
        let mut close_after = false;
        for t in &active {
            match t.kind {
                Kind::LimitData { bytes } => {
                    let left = bytes.saturating_sub(passed);
                    if (n as u64) >= left {
                        end = end.min(usize::try_from(left).unwrap_or(n));
                        close_after = true;
                    }
                }
                Kind::Latency { latency, jitter } => {
                    let at = arrived + conn.jitter(latency, jitter);
                    tokio::select! {
                        () = precise_sleep_until(at) => {}
                        () = conn.close.cancelled() => return,
                    }
                }
                Kind::PacketLoss { percent, rto } => {
                    let (held, give_up) = {
                        let mut rng = conn.rng.lock().unwrap_or_else(|p| p.into_inner());
                        retransmissions(rto, || {
                            percent > 0.0 && rng.r#gen::<f64>() * 100.0 < percent
                        })
                    };
                    if !held.is_zero() {
                        let at = Instant::now() + held;
                        match hold(at, &t.name, stream, &mut toxics, conn).await {
                            Held::Closed => return,
                            // The toxic went away: the chunk is delivered.
                            Held::Released => {}
                            Held::Due if give_up => {
                                // As TCP gives up after its last
                                // retransmission: the client reads
                                // ECONNRESET.
                                conn.reset.store(true, Ordering::SeqCst);
                                conn.close.cancel();
                                return;
                            }
                            Held::Due => {}
                        }
                    }
                }
                // 0: no limit, as in Toxiproxy.
                Kind::Bandwidth { rate } if rate > 0 => {
                    let (since, at_rate, sent) = match paced {
                        Some(p) if p.1 == rate => p,
                        _ => (Instant::now(), rate, 0),
                    };
                    let sent = sent + end as u64;
                    paced = Some((since, at_rate, sent));
                    let at = since + Duration::from_secs_f64(sent as f64 / (rate as f64 * 1000.0));
                    tokio::select! {
                        () = tokio::time::sleep_until(at) => {}
                        () = conn.close.cancelled() => return,
                    }
                }
                _ => {}
            }
        }
        let slicer = active.iter().find_map(|t| match t.kind {
            Kind::Slicer {
                average_size,
                size_variation,
                delay,
            } => Some((average_size, size_variation, delay)),
            _ => None,
        });
        let ok = match slicer {
            None => w.write_all(&data[..end]).await.is_ok(),
            Some((avg, var, delay)) => {
                let mut at = 0;
                let mut ok = true;
                while at < end && ok {
                    let size = {
                        let mut rng = conn.rng.lock().unwrap_or_else(|p| p.into_inner());
                        let lo = avg.saturating_sub(var).max(1);
                        rng.gen_range(lo..=avg + var)
                    };
                    let to = (at + size).min(end);
                    ok = w.write_all(&data[at..to]).await.is_ok();
                    at = to;
                    if at < end && !delay.is_zero() {
                        tokio::time::sleep(delay).await;
                    }
                }
                ok
            }
        };
        passed += end as u64;
        if !ok {
            conn.close.cancel();
            return;
        }
        if close_after {
            conn.close.cancel();
            return;
        }
    }
}

/// What the HTTP toxics decided about the bytes fed to them.
enum Verdict {
    /// Pass these bytes on (maybe after a delay).
    Pass(Vec<u8>, Option<Duration>),
    /// Answer the client with this response and close.
    Respond(Vec<u8>),
}

/// Request framing for the HTTP toxics: request heads are read whole,
/// bodies (by `Content-Length`) passed through. A chunked body, or a head
/// over 64 KiB, makes the rest of the connection opaque (passed on as is).
#[derive(Default)]
struct Http {
    buf: Vec<u8>,
    body_left: u64,
    opaque: bool,
}

const MAX_HEAD: usize = 64 * 1024;

impl Http {
    fn feed(&mut self, data: &[u8], active: &[Toxic], conn: &Conn) -> Verdict {
        self.buf.extend_from_slice(data);
        let mut out = Vec::with_capacity(self.buf.len());
        let mut delay: Option<Duration> = None;
        loop {
            if self.opaque {
                out.append(&mut self.buf);
                break;
            }
            if self.body_left > 0 {
                let k = usize::try_from(self.body_left)
                    .unwrap_or(usize::MAX)
                    .min(self.buf.len());
                out.extend(self.buf.drain(..k));
                self.body_left -= k as u64;
                if self.buf.is_empty() {
                    break;
                }
                continue;
            }
            let Some(end) = self.buf.windows(4).position(|w| w == b"\r\n\r\n") else {
                if self.buf.len() > MAX_HEAD {
                    self.opaque = true;
                    continue;
                }
                break;
            };
            let head: Vec<u8> = self.buf.drain(..end + 4).collect();
            let text = String::from_utf8_lossy(&head);
            let mut lines = text.split("\r\n");
            let mut first = lines.next().unwrap_or("").split_whitespace();
            let (method, path) = (first.next().unwrap_or(""), first.next().unwrap_or(""));
            for line in lines {
                let Some((name, value)) = line.split_once(':') else {
                    continue;
                };
                let value = value.trim();
                if name.eq_ignore_ascii_case("content-length") {
                    self.body_left = value.parse().unwrap_or(0);
                } else if name.eq_ignore_ascii_case("transfer-encoding")
                    && value.to_ascii_lowercase().contains("chunked")
                {
                    self.opaque = true;
                }
            }
            for t in active {
                match &t.kind {
                    // NB: the count goes up only for matching requests.
                    Kind::HttpFailFirst {
                        count,
                        status,
                        matcher,
                    } if matcher.matches(method, path)
                        && t.hits.0.fetch_add(1, Ordering::SeqCst) < *count =>
                    {
                        return Verdict::Respond(response(*status));
                    }
                    Kind::HttpStatus {
                        status,
                        percent,
                        matcher,
                    } if matcher.matches(method, path) => {
                        let roll = {
                            let mut rng = conn.rng.lock().unwrap_or_else(|p| p.into_inner());
                            rng.r#gen::<f64>() * 100.0
                        };
                        if roll < *percent {
                            return Verdict::Respond(response(*status));
                        }
                    }
                    Kind::HttpDelay { delay: d, matcher } if matcher.matches(method, path) => {
                        delay = Some(delay.unwrap_or_default() + *d);
                    }
                    _ => {}
                }
            }
            out.extend_from_slice(&head);
        }
        Verdict::Pass(out, delay)
    }
}

/// The response an HTTP toxic answers with.
fn response(status: u16) -> Vec<u8> {
    let reason = match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        408 => "Request Timeout",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Injected",
    };
    let body = format!("omni chaos: injected {status}\n");
    format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `retransmissions` with the given rolls (true: lost), and how many
    /// it used.
    fn fate(rto_ms: u64, rolls: &[bool]) -> (Duration, bool, usize) {
        let mut used = 0;
        let (held, reset) = retransmissions(Duration::from_millis(rto_ms), || {
            used += 1;
            rolls.get(used - 1).copied().unwrap_or(true)
        });
        (held, reset, used)
    }

    #[test]
    fn lost_chunks_wait_a_doubling_rto_and_the_sixteenth_loss_resets() {
        let ms = Duration::from_millis;
        assert_eq!(fate(200, &[false]), (Duration::ZERO, false, 1));
        assert_eq!(fate(50, &[true, false]), (ms(50), false, 2));
        assert_eq!(fate(50, &[true, true, true, false]), (ms(350), false, 4));
        // The original and 15 retransmissions, all lost: 1 + 2 + … + 2^15 ms.
        assert_eq!(fate(1, &[]), (ms(65_535), true, 16));
        // The 15th retransmission delivered is still a delivery.
        let mut rolls = [true; 16];
        rolls[15] = false;
        assert_eq!(fate(1, &rolls), (ms(32_767), false, 16));
        // Each wait at most 60 s: 200 ms doubles to 51.2 s, then 7 × 60 s.
        assert_eq!(fate(200, &[]), (ms(102_200 + 7 * 60_000), true, 16));
        assert_eq!(fate(90_000, &[]), (ms(16 * 60_000), true, 16));
        assert_eq!(fate(u64::MAX, &[]), (ms(16 * 60_000), true, 16));
    }
}
