//! Links between replicas: one TCP connection per ordered pair, opened by
//! the sender, on the node's own port (the server diverts connections that
//! open with [`GREETING`]).
//!
//! Handshake (both sides prove their key; both nonces are fresh):
//!
//! ```text
//! dialer → GREETING ‖ dialer key (32) ‖ nonce d (32)
//! server → server key (32) ‖ nonce s (32) ‖ sig_server(CONTEXT ‖ "S" ‖ cluster ‖ nonce d ‖ dialer key)
//! dialer → sig_dialer(CONTEXT ‖ "D" ‖ cluster ‖ nonce s ‖ server key)
//! ```
//!
//! Each side accepts only keys of the replica set (strict verification).
//! After it, the dialer sends frames: `len u32 ‖ kind u8 ‖ session u64 ‖
//! body`. Links are authenticated, not encrypted: everything carried is
//! signed where it matters (units, checkpoints), and confidentiality is left
//! to the network (a VPN) as with the HTTP API.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use rand::RngCore;
use tokio::io::{AsyncReadExt, AsyncWriteExt, BufWriter};
use tokio::net::TcpStream;
use tokio::sync::mpsc;

/// The first bytes of a replica link.
pub const GREETING: &[u8] = b"OMNI-LEDGER-LINK/1\n";
const CONTEXT: &[u8] = b"omni-ledger-link/v1";
/// The largest frame accepted (a unit carries at most a few MiB of events).
pub const MAX_FRAME: usize = 64 << 20;
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(5);
/// Frames waiting for one peer; beyond this they are dropped (the engine
/// re-sends what matters).
const QUEUE: usize = 8192;

/// A message between replicas.
#[derive(Debug, Clone)]
pub struct Frame {
    pub kind: u8,
    pub session: u64,
    pub body: Vec<u8>,
}

/// Frame kinds.
pub mod kind {
    /// Consensus engine traffic.
    pub const ORDER: u8 = 1;
    /// A replica's signed checkpoint (a signed note).
    pub const COSIGN: u8 = 2;
    /// An entry a client submitted to the sender, held on standby.
    pub const SUBMIT: u8 = 3;
}

/// Who this replica is, and who the others are.
pub struct Identity {
    pub me: usize,
    pub signer: Arc<SigningKey>,
    pub keys: Arc<Vec<VerifyingKey>>,
    /// Binds links to one cluster (its checkpoint origin).
    pub cluster: String,
}

impl Identity {
    fn index_of(&self, key: &[u8; 32]) -> Option<usize> {
        self.keys.iter().position(|k| k.as_bytes() == key)
    }
    fn transcript(&self, role: u8, nonce: &[u8; 32], key: &[u8; 32]) -> Vec<u8> {
        let mut m = Vec::with_capacity(CONTEXT.len() + 1 + self.cluster.len() + 64);
        m.extend_from_slice(CONTEXT);
        m.push(role);
        m.extend_from_slice(self.cluster.as_bytes());
        m.extend_from_slice(nonce);
        m.extend_from_slice(key);
        m
    }
}

/// Routes to the peers this replica currently has a link to.
#[derive(Clone)]
pub struct Outbox {
    routes: Arc<Mutex<Vec<Option<mpsc::Sender<Frame>>>>>,
}

impl Outbox {
    pub fn new(n: usize) -> Outbox {
        Outbox {
            routes: Arc::new(Mutex::new(vec![None; n])),
        }
    }
    /// Queues `frame` for `to` (`None`: every linked peer); dropped when
    /// there is no link or its queue is full.
    pub fn send(&self, to: Option<usize>, frame: Frame) {
        let routes = self.routes.lock().unwrap_or_else(|p| p.into_inner());
        match to {
            Some(i) => {
                if let Some(Some(tx)) = routes.get(i) {
                    let _ = tx.try_send(frame);
                }
            }
            None => {
                for tx in routes.iter().flatten() {
                    let _ = tx.try_send(frame.clone());
                }
            }
        }
    }
    /// Which peers have a link now.
    pub fn linked(&self) -> Vec<usize> {
        let routes = self.routes.lock().unwrap_or_else(|p| p.into_inner());
        routes
            .iter()
            .enumerate()
            .filter_map(|(i, r)| r.as_ref().map(|_| i))
            .collect()
    }
    fn set(&self, i: usize, tx: Option<mpsc::Sender<Frame>>) {
        let mut routes = self.routes.lock().unwrap_or_else(|p| p.into_inner());
        routes[i] = tx;
    }
}

/// Keeps a link to the replica at `addr` open for as long as `stop` is not
/// cancelled, re-dialling with a capped backoff.
pub async fn dial(
    addr: String,
    from: Option<std::net::IpAddr>,
    id: Arc<Identity>,
    outbox: Outbox,
    stop: tokio_util::sync::CancellationToken,
) {
    let mut backoff = Duration::from_millis(100);
    loop {
        let attempt = async {
            let stream = tokio::time::timeout(HANDSHAKE_TIMEOUT, connect(&addr, from))
                .await
                .map_err(|_| "connect timed out".to_owned())?
                .map_err(|e| e.to_string())?;
            let _ = stream.set_nodelay(true);
            tokio::time::timeout(HANDSHAKE_TIMEOUT, dialer_handshake(stream, &id))
                .await
                .map_err(|_| "handshake timed out".to_owned())?
        };
        tokio::select! {
            () = stop.cancelled() => return,
            r = attempt => match r {
                Ok((peer, _)) if peer == id.me => {
                    tracing::error!(%addr, "--peers names this replica itself; not linking to it");
                    return;
                }
                Ok((peer, stream)) => {
                    backoff = Duration::from_millis(100);
                    let (tx, rx) = mpsc::channel(QUEUE);
                    outbox.set(peer, Some(tx));
                    tracing::info!(%addr, peer, "replica link up");
                    tokio::select! {
                        () = stop.cancelled() => { outbox.set(peer, None); return; }
                        e = pump(stream, rx) => tracing::info!(%addr, peer, error = %e, "replica link down"),
                    }
                    outbox.set(peer, None);
                }
                Err(e) => tracing::debug!(%addr, error = %e, "replica link failed"),
            }
        }
        tokio::select! {
            () = stop.cancelled() => return,
            () = tokio::time::sleep(backoff) => {}
        }
        backoff = (backoff * 2).min(Duration::from_secs(2));
    }
}

/// Connects to `addr`, from the address `from` when given (the node's
/// listen address, so links leave from where the node is reached).
async fn connect(addr: &str, from: Option<std::net::IpAddr>) -> std::io::Result<TcpStream> {
    let Some(from) = from else {
        return TcpStream::connect(addr).await;
    };
    let mut last = std::io::Error::other(format!("{addr}: no address"));
    for target in tokio::net::lookup_host(addr).await? {
        let socket = if target.is_ipv4() {
            tokio::net::TcpSocket::new_v4()?
        } else {
            tokio::net::TcpSocket::new_v6()?
        };
        if from.is_ipv4() == target.is_ipv4() {
            socket.bind(std::net::SocketAddr::new(from, 0))?;
        }
        match socket.connect(target).await {
            Ok(s) => return Ok(s),
            Err(e) => last = e,
        }
    }
    Err(last)
}

async fn dialer_handshake(
    mut stream: TcpStream,
    id: &Identity,
) -> Result<(usize, TcpStream), String> {
    let mut nonce = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut nonce);
    let mine = id.signer.verifying_key().to_bytes();
    let mut hello = GREETING.to_vec();
    hello.extend_from_slice(&mine);
    hello.extend_from_slice(&nonce);
    stream.write_all(&hello).await.map_err(|e| e.to_string())?;
    let mut reply = [0u8; 128];
    stream
        .read_exact(&mut reply)
        .await
        .map_err(|e| e.to_string())?;
    let theirs: [u8; 32] = reply[..32].try_into().expect("32 bytes");
    let their_nonce: [u8; 32] = reply[32..64].try_into().expect("32 bytes");
    let sig = Signature::from_bytes(reply[64..].try_into().expect("64 bytes"));
    let peer = id
        .index_of(&theirs)
        .ok_or("the peer's key is not one of the replicas")?;
    id.keys[peer]
        .verify_strict(&id.transcript(b'S', &nonce, &mine), &sig)
        .map_err(|_| "the peer's handshake signature is invalid".to_owned())?;
    let proof = id.signer.sign(&id.transcript(b'D', &their_nonce, &theirs));
    stream
        .write_all(&proof.to_bytes())
        .await
        .map_err(|e| e.to_string())?;
    Ok((peer, stream))
}

/// Writes queued frames until the link fails; returns why.
async fn pump(stream: TcpStream, mut rx: mpsc::Receiver<Frame>) -> String {
    let mut w = BufWriter::with_capacity(256 << 10, stream);
    while let Some(f) = rx.recv().await {
        let mut next = Some(f);
        while let Some(f) = next {
            let len = (1 + 8 + f.body.len()) as u32;
            let head = [
                &len.to_le_bytes()[..],
                &[f.kind][..],
                &f.session.to_le_bytes()[..],
            ]
            .concat();
            if let Err(e) = w.write_all(&head).await {
                return e.to_string();
            }
            if let Err(e) = w.write_all(&f.body).await {
                return e.to_string();
            }
            next = rx.try_recv().ok();
        }
        if let Err(e) = w.flush().await {
            return e.to_string();
        }
    }
    "closed".into()
}

/// Serves one incoming link (after the greeting was peeked): handshake,
/// then every frame goes to `inbox` with the sender's index.
pub async fn accept(
    mut stream: TcpStream,
    id: Arc<Identity>,
    inbox: mpsc::Sender<(usize, Frame)>,
) -> Result<(), String> {
    let _ = stream.set_nodelay(true);
    let peer = tokio::time::timeout(HANDSHAKE_TIMEOUT, async {
        let mut hello = vec![0u8; GREETING.len() + 64];
        stream
            .read_exact(&mut hello)
            .await
            .map_err(|e| e.to_string())?;
        if &hello[..GREETING.len()] != GREETING {
            return Err("not a replica link".to_owned());
        }
        let theirs: [u8; 32] = hello[GREETING.len()..GREETING.len() + 32]
            .try_into()
            .expect("32 bytes");
        let their_nonce: [u8; 32] = hello[GREETING.len() + 32..].try_into().expect("32 bytes");
        let peer = id
            .index_of(&theirs)
            .ok_or("the dialer's key is not one of the replicas")?;
        let mut nonce = [0u8; 32];
        rand::thread_rng().fill_bytes(&mut nonce);
        let mine = id.signer.verifying_key().to_bytes();
        let sig = id.signer.sign(&id.transcript(b'S', &their_nonce, &theirs));
        let reply = [&mine[..], &nonce[..], &sig.to_bytes()[..]].concat();
        stream.write_all(&reply).await.map_err(|e| e.to_string())?;
        let mut proof = [0u8; 64];
        stream
            .read_exact(&mut proof)
            .await
            .map_err(|e| e.to_string())?;
        id.keys[peer]
            .verify_strict(
                &id.transcript(b'D', &nonce, &mine),
                &Signature::from_bytes(&proof),
            )
            .map_err(|_| "the dialer's handshake signature is invalid".to_owned())?;
        Ok(peer)
    })
    .await
    .map_err(|_| "handshake timed out".to_owned())??;
    let mut r = tokio::io::BufReader::with_capacity(256 << 10, stream);
    loop {
        let mut len = [0u8; 4];
        if r.read_exact(&mut len).await.is_err() {
            return Ok(());
        }
        let len = u32::from_le_bytes(len) as usize;
        if !(9..=MAX_FRAME).contains(&len) {
            return Err(format!("replica {peer} sent a frame of {len} bytes"));
        }
        let mut buf = vec![0u8; len];
        r.read_exact(&mut buf).await.map_err(|e| e.to_string())?;
        let frame = Frame {
            kind: buf[0],
            session: u64::from_le_bytes(buf[1..9].try_into().expect("8 bytes")),
            body: buf[9..].to_vec(),
        };
        if inbox.send((peer, frame)).await.is_err() {
            return Ok(());
        }
    }
}
