//! The ordering the replicas agree on, behind a narrow trait, and its
//! implementation with AlephBFT.
//!
//! The replica needs one thing from a consensus engine: every honest
//! replica sees the same sequence of batches of proposals. [`Consensus`]
//! says exactly that and nothing about the engine; [`Aleph`] implements it
//! with `aleph-bft` (asynchronous BFT, n = 3f+1: safe with any network
//! timing, live once messages arrive). Everything the engine signs is
//! signed with the replica's Ed25519 key and checked with `verify_strict`.

use std::io::{Read, Seek, SeekFrom, Write};
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use aleph_bft::{
    DataProvider, Index, Keychain, LocalIO, MultiKeychain, Network, NodeCount, NodeIndex,
    OrderedUnit, PartialMultisignature, Recipient, SignatureSet, SpawnHandle, TaskHandle,
    Terminator, UnitFinalizationHandler,
};
use ed25519_dalek::{Signer, SigningKey, VerifyingKey};
use parity_scale_codec::{Decode, Encode};
use sha2::Digest;
use tokio::sync::mpsc;

/// One ordered proposal: who proposed it, in which round, and its bytes
/// (`None`: the replica had nothing to propose).
#[derive(Debug, Clone)]
pub struct Ordered {
    pub creator: usize,
    pub round: u16,
    pub payload: Option<Vec<u8>>,
}

/// Where the engine takes proposals from.
pub type Proposals = Arc<dyn Fn() -> Option<Vec<u8>> + Send + Sync>;

/// What one session of ordering is given.
pub struct Session {
    pub id: u64,
    /// Called when the engine can carry a proposal.
    pub proposals: Proposals,
    /// Whether anything waits to be ordered: units then come every
    /// [`Timing::unit_interval`], otherwise every [`Timing::idle_interval`].
    pub busy: Arc<dyn Fn() -> bool + Send + Sync>,
    /// Every finalised batch, in order.
    pub ordered: mpsc::UnboundedSender<Vec<Ordered>>,
    /// Messages for other replicas: (recipient, bytes); `None` is everyone.
    pub outbound: mpsc::UnboundedSender<(Option<usize>, Vec<u8>)>,
    /// Messages from other replicas (already authenticated by the link).
    pub inbound: mpsc::UnboundedReceiver<Vec<u8>>,
    /// The engine's crash-recovery file for this session.
    pub backup: PathBuf,
    /// Resolves when the session should stop.
    pub stop: tokio::sync::oneshot::Receiver<()>,
}

/// A Byzantine-fault-tolerant total order of proposals.
#[async_trait::async_trait]
pub trait Consensus: Send + Sync {
    /// Orders proposals until `session.stop` resolves or the engine's
    /// session is over.
    async fn run(&self, session: Session) -> Result<(), String>;
}

/// How fast the engine goes.
#[derive(Debug, Clone, Copy)]
pub struct Timing {
    /// Between two units of one replica while something waits to be
    /// ordered.
    pub unit_interval: Duration,
    /// Between two units of one replica while nothing does (at least
    /// `unit_interval`): an idle cluster costs less, and the first event
    /// after a pause waits at most this much longer.
    pub idle_interval: Duration,
    /// How long a replica waits for a missing unit before asking again,
    /// and how often it re-sends its own.
    pub round_timeout: Duration,
    /// Rounds in one session (the engine's `max_round`).
    pub session_rounds: u16,
}

/// The pause before a replica's unit of `round`: a longer first one (the
/// peers are still linking), then `unit_interval` while something waits to
/// be ordered and `idle_interval` (at least `unit_interval`) while nothing
/// does. The engine asks when it schedules a unit, so a pause ends within
/// one idle interval.
fn unit_delay(t: &Timing, round: usize, busy: bool) -> Duration {
    match round {
        0 => t.unit_interval * 4,
        _ if busy => t.unit_interval,
        _ => t.idle_interval.max(t.unit_interval),
    }
}

/// AlephBFT with the replicas' Ed25519 keys.
pub struct Aleph {
    pub me: usize,
    pub signer: Arc<SigningKey>,
    pub keys: Arc<Vec<VerifyingKey>>,
    pub timing: Timing,
}

#[async_trait::async_trait]
impl Consensus for Aleph {
    async fn run(&self, session: Session) -> Result<(), String> {
        let n = self.keys.len();
        let t = self.timing;
        let busy = session.busy.clone();
        let timeout = t.round_timeout;
        let delays = aleph_bft::DelayConfig {
            tick_interval: Duration::from_millis(10),
            unit_rebroadcast_interval_min: timeout,
            unit_rebroadcast_interval_max: timeout + timeout / 2,
            unit_creation_delay: Arc::new(move |r| unit_delay(&t, r, busy())),
            coord_request_delay: Arc::new(move |k| timeout / 10 * (k as u32 + 1)),
            coord_request_recipients: Arc::new(|k| if k <= 2 { 3 } else { 1 }),
            parent_request_delay: Arc::new(move |_| timeout / 5),
            parent_request_recipients: Arc::new(|_| 1),
            newest_request_delay: Arc::new(move |_| timeout / 5),
        };
        let config = aleph_bft::create_config(
            NodeCount(n),
            NodeIndex(self.me),
            session.id,
            t.session_rounds,
            delays,
            Duration::ZERO,
        )
        .map_err(|_| "the consensus configuration was refused".to_owned())?;
        let (saver, loader) = backup_files(&session.backup)?;
        let backup_failed = saver.failed.clone();
        let io = LocalIO::new_with_unit_finalization_handler(
            Provider(session.proposals),
            Finalized(session.ordered),
            saver,
            loader,
        );
        let keys = Keys {
            me: self.me,
            signer: self.signer.clone(),
            keys: self.keys.clone(),
        };
        let net = Net {
            outbound: session.outbound,
            inbound: session.inbound,
        };
        let (exit, exit_rx) = futures::channel::oneshot::channel();
        let terminator = Terminator::create_root(exit_rx, "omni-ledger");
        let run = aleph_bft::run_session(config, io, net, keys, Spawner, terminator);
        tokio::pin!(run);
        // The engine only logs a failed save and then waits forever: watch
        // for it, and stop.
        let failed = backup_failed.clone();
        let broken = async move {
            loop {
                tokio::time::sleep(Duration::from_millis(100)).await;
                if failed.lock().unwrap_or_else(|p| p.into_inner()).is_some() {
                    return;
                }
            }
        };
        tokio::select! {
            () = &mut run => {}
            _ = session.stop => {
                let _ = exit.send(());
                run.await;
            }
            () = broken => {
                let _ = exit.send(());
                let _ = tokio::time::timeout(Duration::from_secs(5), run).await;
            }
        }
        // The engine stops when it cannot save a unit: say why.
        match backup_failed
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take()
        {
            Some(e) => Err(format!(
                "consensus backup {}: {e}",
                session.backup.display()
            )),
            None => Ok(()),
        }
    }
}

/// An Ed25519 signature, as AlephBFT carries it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Encode, Decode)]
pub struct Sig(pub [u8; 64]);

#[derive(Clone)]
struct Keys {
    me: usize,
    signer: Arc<SigningKey>,
    keys: Arc<Vec<VerifyingKey>>,
}

impl Index for Keys {
    fn index(&self) -> NodeIndex {
        NodeIndex(self.me)
    }
}

impl Keychain for Keys {
    type Signature = Sig;
    fn node_count(&self) -> NodeCount {
        NodeCount(self.keys.len())
    }
    fn sign(&self, msg: &[u8]) -> Sig {
        Sig(self.signer.sign(msg).to_bytes())
    }
    fn verify(&self, msg: &[u8], sgn: &Sig, index: NodeIndex) -> bool {
        self.keys.get(index.0).is_some_and(|k| {
            k.verify_strict(msg, &ed25519_dalek::Signature::from_bytes(&sgn.0))
                .is_ok()
        })
    }
}

impl MultiKeychain for Keys {
    type PartialMultisignature = SignatureSet<Sig>;
    fn bootstrap_multi(&self, signature: &Sig, index: NodeIndex) -> SignatureSet<Sig> {
        SignatureSet::with_size(self.node_count()).add_signature(signature, index)
    }
    fn is_complete(&self, msg: &[u8], partial: &SignatureSet<Sig>) -> bool {
        let valid = partial
            .iter()
            .filter(|(i, s)| self.verify(msg, s, *i))
            .count();
        valid >= self.node_count().consensus_threshold().0
    }
}

/// SHA-256 for the engine's unit hashes.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Sha256;

impl aleph_bft::Hasher for Sha256 {
    type Hash = [u8; 32];
    fn hash(s: &[u8]) -> [u8; 32] {
        sha2::Sha256::digest(s).into()
    }
}

struct Provider(Proposals);

#[async_trait::async_trait]
impl DataProvider for Provider {
    type Output = Vec<u8>;
    async fn get_data(&mut self) -> Option<Vec<u8>> {
        (self.0)()
    }
}

struct Finalized(mpsc::UnboundedSender<Vec<Ordered>>);

impl UnitFinalizationHandler for Finalized {
    type Data = Vec<u8>;
    type Hasher = Sha256;
    fn batch_finalized(&mut self, batch: Vec<OrderedUnit<Vec<u8>, Sha256>>) {
        let batch = batch
            .into_iter()
            .map(|u| Ordered {
                creator: u.creator.0,
                round: u.round,
                payload: u.data,
            })
            .collect();
        let _ = self.0.send(batch);
    }
}

struct Net {
    outbound: mpsc::UnboundedSender<(Option<usize>, Vec<u8>)>,
    inbound: mpsc::UnboundedReceiver<Vec<u8>>,
}

#[async_trait::async_trait]
impl<D: Encode + Decode + Send + 'static> Network<D> for Net {
    fn send(&self, data: D, recipient: Recipient) {
        let to = match recipient {
            Recipient::Everyone => None,
            Recipient::Node(i) => Some(i.0),
        };
        let _ = self.outbound.send((to, data.encode()));
    }
    async fn next_event(&mut self) -> Option<D> {
        loop {
            let bytes = self.inbound.recv().await?;
            // Undecodable bytes from a peer are dropped, not fatal.
            if let Ok(d) = D::decode(&mut &bytes[..]) {
                return Some(d);
            }
        }
    }
}

#[derive(Clone)]
struct Spawner;

impl SpawnHandle for Spawner {
    fn spawn(&self, _name: &'static str, task: impl Future<Output = ()> + Send + 'static) {
        tokio::spawn(task);
    }
    fn spawn_essential(
        &self,
        _name: &'static str,
        task: impl Future<Output = ()> + Send + 'static,
    ) -> TaskHandle {
        let handle = tokio::spawn(task);
        Box::pin(async move { handle.await.map_err(|_| ()) })
    }
}

/// The engine's backup: each unit the engine saves is one framed record
/// (length, CRC-32C, bytes) synced before the engine sends the unit on, so
/// a restarted replica never signs a second unit for a round (that would
/// be equivocation). A torn last record is cut.
fn backup_files(path: &PathBuf) -> Result<(Saver, futures::io::Cursor<Vec<u8>>), String> {
    let fail = |e: std::io::Error| format!("consensus backup {}: {e}", path.display());
    let mut file = std::fs::File::options()
        .create(true)
        .truncate(false)
        .read(true)
        .write(true)
        .open(path)
        .map_err(fail)?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes).map_err(fail)?;
    let mut units = Vec::new();
    let mut at = 0usize;
    while at + 8 <= bytes.len() {
        let len = u32::from_le_bytes(bytes[at..at + 4].try_into().expect("4 bytes")) as usize;
        let crc = u32::from_le_bytes(bytes[at + 4..at + 8].try_into().expect("4 bytes"));
        let Some(payload) = bytes.get(at + 8..at + 8 + len) else {
            break;
        };
        if crc32c::crc32c(payload) != crc {
            break;
        }
        units.extend_from_slice(payload);
        at += 8 + len;
    }
    if at < bytes.len() {
        file.set_len(at as u64).map_err(fail)?;
    }
    file.seek(SeekFrom::Start(at as u64)).map_err(fail)?;
    Ok((
        Saver {
            file,
            pending: Vec::new(),
            failed: Arc::new(std::sync::Mutex::new(None)),
        },
        futures::io::Cursor::new(units),
    ))
}

struct Saver {
    file: std::fs::File,
    pending: Vec<u8>,
    /// The first write error (the engine only logs it).
    failed: Arc<std::sync::Mutex<Option<String>>>,
}

impl futures::AsyncWrite for Saver {
    fn poll_write(
        self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        self.get_mut().pending.extend_from_slice(buf);
        Poll::Ready(Ok(buf.len()))
    }
    fn poll_flush(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        let me = self.get_mut();
        if me.pending.is_empty() {
            return Poll::Ready(Ok(()));
        }
        let mut frame = Vec::with_capacity(me.pending.len() + 8);
        frame.extend_from_slice(&(me.pending.len() as u32).to_le_bytes());
        frame.extend_from_slice(&crc32c::crc32c(&me.pending).to_le_bytes());
        frame.extend_from_slice(&me.pending);
        let result = me.file.write_all(&frame).and_then(|()| me.file.sync_data());
        me.pending.clear();
        if let Err(e) = &result {
            me.failed
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .get_or_insert_with(|| e.to_string());
        }
        Poll::Ready(result)
    }
    fn poll_close(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        self.poll_flush(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use futures::{AsyncReadExt, AsyncWriteExt};

    #[test]
    fn units_come_fast_while_work_waits_and_slowly_when_idle() {
        let ms = Duration::from_millis;
        let t = Timing {
            unit_interval: ms(10),
            idle_interval: ms(50),
            round_timeout: ms(5000),
            session_rounds: 7200,
        };
        assert_eq!(
            unit_delay(&t, 0, true),
            ms(40),
            "the first unit waits for links"
        );
        assert_eq!(unit_delay(&t, 0, false), ms(40));
        assert_eq!(unit_delay(&t, 1, true), ms(10));
        assert_eq!(unit_delay(&t, 7000, true), ms(10));
        assert_eq!(unit_delay(&t, 1, false), ms(50));
        // An idle interval below the busy one is raised to it.
        let fast_idle = Timing {
            idle_interval: ms(5),
            ..t
        };
        assert_eq!(unit_delay(&fast_idle, 3, false), ms(10));
    }

    /// Saved units come back in order; a torn last record is cut, and
    /// units saved after that follow the good ones.
    #[test]
    fn the_backup_keeps_whole_units_and_cuts_a_torn_tail() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("b");
        futures::executor::block_on(async {
            let (mut saver, _) = backup_files(&path).unwrap();
            for unit in [&b"unit-1"[..], b"unit-two"] {
                saver.write_all(unit).await.unwrap();
                saver.flush().await.unwrap();
            }
        });
        let len = std::fs::metadata(&path).unwrap().len();
        // A crash mid-write: half of a third record.
        let mut f = std::fs::File::options().append(true).open(&path).unwrap();
        f.write_all(&[20, 0, 0, 0, 1, 2, 3, 4, b'x']).unwrap();
        drop(f);
        futures::executor::block_on(async {
            let (mut saver, mut loader) = backup_files(&path).unwrap();
            let mut back = Vec::new();
            loader.read_to_end(&mut back).await.unwrap();
            assert_eq!(back, b"unit-1unit-two");
            assert_eq!(std::fs::metadata(&path).unwrap().len(), len);
            saver.write_all(b"three").await.unwrap();
            saver.flush().await.unwrap();
            let (_, mut loader) = backup_files(&path).unwrap();
            let mut back = Vec::new();
            loader.read_to_end(&mut back).await.unwrap();
            assert_eq!(back, b"unit-1unit-twothree");
        });
    }

    #[test]
    fn the_keychain_verifies_strictly_and_needs_two_f_plus_one() {
        use rand::SeedableRng;
        let signers: Vec<SigningKey> = (0..4)
            .map(|i| SigningKey::generate(&mut rand_chacha::ChaCha20Rng::seed_from_u64(i)))
            .collect();
        let keys = Arc::new(
            signers
                .iter()
                .map(|k| k.verifying_key())
                .collect::<Vec<_>>(),
        );
        let chain = |me: usize| Keys {
            me,
            signer: Arc::new(signers[me].clone()),
            keys: keys.clone(),
        };
        let msg = b"unit";
        let s0 = chain(0).sign(msg);
        assert!(chain(1).verify(msg, &s0, NodeIndex(0)));
        assert!(!chain(1).verify(msg, &s0, NodeIndex(1)));
        assert!(!chain(1).verify(b"other", &s0, NodeIndex(0)));
        let mut multi = chain(0).bootstrap_multi(&s0, NodeIndex(0));
        multi = multi.add_signature(&chain(1).sign(msg), NodeIndex(1));
        assert!(!chain(0).is_complete(msg, &multi));
        // A bad signature does not count toward the quorum.
        multi = multi.add_signature(&Sig([0u8; 64]), NodeIndex(3));
        assert!(!chain(0).is_complete(msg, &multi));
        multi = multi.add_signature(&chain(2).sign(msg), NodeIndex(2));
        assert!(chain(0).is_complete(msg, &multi));
    }
}
