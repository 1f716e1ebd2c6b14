//! A TCP fault proxy that speaks Toxiproxy's HTTP API, so its clients
//! (toxiproxy-python, toxiproxy-node-client, the Go client, testcontainers)
//! drive it unchanged.
//!
//! [`Registry`] holds the proxies: each a listener relaying to an upstream,
//! with a list of [`toxic::Toxic`]s per direction. [`api::router`] serves
//! the API over it; [`link`] is the data path.
//!
//! Guarantees: a proxy listens only on loopback unless the registry allows
//! public addresses; a disabled or deleted proxy has closed its listener and
//! every connection; toxic changes reach live connections at once; nothing
//! about a toxic is checked while data flows (attributes are checked when
//! it is created or updated).

pub mod api;
pub mod link;
pub mod toxic;

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::sync::Arc;

use rand::RngCore;
use rand_chacha::ChaCha20Rng;
use serde::{Deserialize, Serialize};
use tokio::net::TcpListener;
use tokio::sync::{Mutex, watch};
use tokio_util::sync::CancellationToken;

use toxic::{Toxic, ToxicRequest};

/// An API error: the HTTP status and a message (Toxiproxy's error shape).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ApiError {
    pub status: u16,
    pub message: String,
}

impl ApiError {
    fn new(status: u16, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
        }
    }
    fn bad(message: impl Into<String>) -> ApiError {
        ApiError::new(400, message)
    }
}

/// A proxy as the API shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ProxyView {
    pub name: String,
    pub listen: String,
    pub upstream: String,
    pub enabled: bool,
    pub toxics: Vec<Toxic>,
}

/// What a client sends to create, populate or update a proxy.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ProxyRequest {
    pub name: Option<String>,
    pub listen: Option<String>,
    pub upstream: Option<String>,
    pub enabled: Option<bool>,
}

struct Proxy {
    listen: String,
    upstream: String,
    enabled: bool,
    toxics: Vec<Toxic>,
    publish: watch::Sender<Arc<Vec<Toxic>>>,
    /// The listener's task and its stop token (links are children of it).
    running: Option<(CancellationToken, tokio::task::JoinHandle<()>)>,
}

impl Proxy {
    fn view(&self, name: &str) -> ProxyView {
        ProxyView {
            name: name.to_string(),
            listen: self.listen.clone(),
            upstream: self.upstream.clone(),
            enabled: self.enabled,
            toxics: self.toxics.clone(),
        }
    }

    fn publish(&self) {
        self.publish.send_replace(Arc::new(self.toxics.clone()));
    }

    /// Stops the listener and every connection; returns once the
    /// listening socket is closed.
    async fn stop(&mut self) {
        if let Some((stop, task)) = self.running.take() {
            stop.cancel();
            let _ = task.await;
        }
    }
}

/// The proxies of one `omni chaos proxy` process.
pub struct Registry {
    proxies: Mutex<BTreeMap<String, Proxy>>,
    allow_public: bool,
    rng: std::sync::Mutex<ChaCha20Rng>,
    /// Set while a kill switch is on: toxics are refused.
    disabled: std::sync::atomic::AtomicBool,
}

impl Registry {
    /// `rng` seeds each proxy's random stream (toxicity rolls, jitter).
    pub fn new(allow_public: bool, rng: ChaCha20Rng) -> Registry {
        Registry {
            proxies: Mutex::new(BTreeMap::new()),
            allow_public,
            rng: std::sync::Mutex::new(rng),
            disabled: std::sync::atomic::AtomicBool::new(false),
        }
    }

    fn seed(&self) -> u64 {
        self.rng
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .next_u64()
    }

    /// Resolves and checks a listen address.
    async fn address(&self, listen: &str) -> Result<SocketAddr, ApiError> {
        let addr = tokio::net::lookup_host(listen)
            .await
            .ok()
            .and_then(|mut a| a.next())
            .ok_or_else(|| ApiError::bad(format!("listen {listen}: not an address (host:port)")))?;
        if !self.allow_public && !addr.ip().is_loopback() {
            return Err(ApiError::bad(format!(
                "listen {listen}: not a loopback address (start omni chaos proxy with --allow-public to listen on {})",
                addr.ip()
            )));
        }
        Ok(addr)
    }

    /// Binds and starts a proxy's listener; records the bound address.
    async fn start(&self, p: &mut Proxy) -> Result<(), ApiError> {
        let addr = self.address(&p.listen).await?;
        let listener = TcpListener::bind(addr)
            .await
            .map_err(|e| ApiError::new(500, format!("listen {}: {e}", p.listen)))?;
        if let Ok(bound) = listener.local_addr() {
            p.listen = bound.to_string();
        }
        let stop = CancellationToken::new();
        let task = tokio::spawn(link::serve(
            listener,
            p.upstream.clone(),
            p.publish.subscribe(),
            stop.clone(),
            self.seed(),
        ));
        p.running = Some((stop, task));
        Ok(())
    }

    fn checked(req: &ProxyRequest) -> Result<(String, String, String), ApiError> {
        let name = req
            .name
            .clone()
            .filter(|n| !n.is_empty())
            .ok_or_else(|| ApiError::bad("missing required field: name"))?;
        let upstream = req
            .upstream
            .clone()
            .filter(|u| !u.is_empty())
            .ok_or_else(|| ApiError::bad("missing required field: upstream"))?;
        let listen = req
            .listen
            .clone()
            .filter(|l| !l.is_empty())
            .unwrap_or_else(|| "127.0.0.1:0".into());
        Ok((name, listen, upstream))
    }

    /// Creates a proxy (409 when the name is taken).
    pub async fn create(&self, req: ProxyRequest) -> Result<ProxyView, ApiError> {
        let (name, listen, upstream) = Registry::checked(&req)?;
        let mut proxies = self.proxies.lock().await;
        if proxies.contains_key(&name) {
            return Err(ApiError::new(409, "proxy already exists"));
        }
        let (publish, _) = watch::channel(Arc::new(Vec::new()));
        let mut p = Proxy {
            listen,
            upstream,
            enabled: req.enabled.unwrap_or(true),
            toxics: Vec::new(),
            publish,
            running: None,
        };
        if p.enabled {
            self.start(&mut p).await?;
        }
        let view = p.view(&name);
        proxies.insert(name, p);
        Ok(view)
    }

    /// Creates or replaces each proxy (a proxy whose fields are unchanged
    /// keeps its connections and toxics).
    pub async fn populate(&self, reqs: Vec<ProxyRequest>) -> Result<Vec<ProxyView>, ApiError> {
        let mut out = Vec::new();
        for req in reqs {
            let (name, listen, upstream) = Registry::checked(&req)?;
            let same = {
                let proxies = self.proxies.lock().await;
                proxies.get(&name).map(|p| {
                    (p.listen == listen || listen.ends_with(":0"))
                        && p.upstream == upstream
                        && p.enabled == req.enabled.unwrap_or(true)
                })
            };
            match same {
                Some(true) => out.push(self.get(&name).await?),
                Some(false) => {
                    self.delete(&name).await?;
                    out.push(self.create(req).await?);
                }
                None => out.push(self.create(req).await?),
            }
        }
        Ok(out)
    }

    /// Every proxy, by name.
    pub async fn list(&self) -> BTreeMap<String, ProxyView> {
        let proxies = self.proxies.lock().await;
        proxies
            .iter()
            .map(|(n, p)| (n.clone(), p.view(n)))
            .collect()
    }

    pub async fn get(&self, name: &str) -> Result<ProxyView, ApiError> {
        let proxies = self.proxies.lock().await;
        proxies
            .get(name)
            .map(|p| p.view(name))
            .ok_or_else(|| ApiError::new(404, "proxy not found"))
    }

    /// Changes a proxy's upstream, listen address or enabled state; a
    /// changed address or upstream restarts it (its connections close).
    pub async fn update(&self, name: &str, req: ProxyRequest) -> Result<ProxyView, ApiError> {
        let mut proxies = self.proxies.lock().await;
        let p = proxies
            .get_mut(name)
            .ok_or_else(|| ApiError::new(404, "proxy not found"))?;
        let mut restart = false;
        if let Some(u) = req.upstream.filter(|u| !u.is_empty())
            && u != p.upstream
        {
            p.upstream = u;
            restart = true;
        }
        if let Some(l) = req.listen.filter(|l| !l.is_empty())
            && l != p.listen
        {
            p.listen = l;
            restart = true;
        }
        let enabled = req.enabled.unwrap_or(p.enabled);
        if restart || !enabled {
            p.stop().await;
        }
        p.enabled = enabled;
        if enabled && p.running.is_none() {
            self.start(p).await?;
        }
        Ok(p.view(name))
    }

    /// Deletes a proxy: its listener and connections close.
    pub async fn delete(&self, name: &str) -> Result<(), ApiError> {
        let mut proxies = self.proxies.lock().await;
        let mut p = proxies
            .remove(name)
            .ok_or_else(|| ApiError::new(404, "proxy not found"))?;
        p.stop().await;
        Ok(())
    }

    pub async fn toxics(&self, name: &str) -> Result<Vec<Toxic>, ApiError> {
        Ok(self.get(name).await?.toxics)
    }

    /// Adds a toxic (409 when the proxy has one of that name).
    pub async fn add_toxic(&self, name: &str, req: ToxicRequest) -> Result<Toxic, ApiError> {
        if self.disabled.load(std::sync::atomic::Ordering::SeqCst) {
            return Err(ApiError::new(
                503,
                "chaos is disabled: a kill switch is on (omni chaos enable)",
            ));
        }
        let toxic = req.build().map_err(ApiError::bad)?;
        let mut proxies = self.proxies.lock().await;
        let p = proxies
            .get_mut(name)
            .ok_or_else(|| ApiError::new(404, "proxy not found"))?;
        if p.toxics.iter().any(|t| t.name == toxic.name) {
            return Err(ApiError::new(409, "toxic already exists"));
        }
        p.toxics.push(toxic.clone());
        p.publish();
        Ok(toxic)
    }

    pub async fn toxic(&self, name: &str, toxic: &str) -> Result<Toxic, ApiError> {
        self.toxics(name)
            .await?
            .into_iter()
            .find(|t| t.name == toxic)
            .ok_or_else(|| ApiError::new(404, "toxic not found"))
    }

    pub async fn update_toxic(
        &self,
        name: &str,
        toxic: &str,
        req: ToxicRequest,
    ) -> Result<Toxic, ApiError> {
        let mut proxies = self.proxies.lock().await;
        let p = proxies
            .get_mut(name)
            .ok_or_else(|| ApiError::new(404, "proxy not found"))?;
        let slot = p
            .toxics
            .iter_mut()
            .find(|t| t.name == toxic)
            .ok_or_else(|| ApiError::new(404, "toxic not found"))?;
        *slot = req.apply_to(slot).map_err(ApiError::bad)?;
        let updated = slot.clone();
        p.publish();
        Ok(updated)
    }

    pub async fn remove_toxic(&self, name: &str, toxic: &str) -> Result<(), ApiError> {
        let mut proxies = self.proxies.lock().await;
        let p = proxies
            .get_mut(name)
            .ok_or_else(|| ApiError::new(404, "proxy not found"))?;
        let before = p.toxics.len();
        p.toxics.retain(|t| t.name != toxic);
        if p.toxics.len() == before {
            return Err(ApiError::new(404, "toxic not found"));
        }
        p.publish();
        Ok(())
    }

    /// Enables every proxy and removes every toxic.
    pub async fn reset(&self) -> Result<(), ApiError> {
        let mut proxies = self.proxies.lock().await;
        for p in proxies.values_mut() {
            p.toxics.clear();
            p.publish();
            if !p.enabled {
                p.enabled = true;
                self.start(p).await?;
            }
        }
        Ok(())
    }

    /// The kill switch: while on, every toxic is removed and new ones are
    /// refused.
    pub async fn set_disabled(&self, on: bool) {
        let was = self.disabled.swap(on, std::sync::atomic::Ordering::SeqCst);
        if on && !was {
            let mut proxies = self.proxies.lock().await;
            for p in proxies.values_mut() {
                p.toxics.clear();
                p.publish();
            }
        }
    }

    /// Closes every proxy (shutdown).
    pub async fn close_all(&self) {
        let mut proxies = self.proxies.lock().await;
        for p in proxies.values_mut() {
            p.stop().await;
        }
    }
}
