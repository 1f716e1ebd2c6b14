//! The HTTP server every omni system that serves uses: loopback by default,
//! `/healthz`, `/readyz`, Prometheus `/metrics`, request body and time limits,
//! and graceful shutdown on SIGTERM/SIGINT.
//!
//! ```text
//! let mut server = ServerBuilder::new("ledger")
//!     .bind(addr)
//!     .routes(router)
//!     .start()
//!     .await?;
//! server.readiness().set_ready(true);
//! let stopped = server.wait().await?;
//! ```
//!
//! # Guarantees
//!
//! - **Loopback unless asked.** The default address is `127.0.0.1:0` (an
//!   ephemeral port; read it back with [`RunningServer::local_addr`]).
//!   Binding any non-loopback address (including `0.0.0.0` and `::`) fails
//!   with [`ServerError::PublicBind`] (exit 78) unless the caller set
//!   [`ServerBuilder::allow_public`].
//! - **Built-in endpoints.** `GET /healthz` answers 200 `ok` while the server
//!   accepts requests. `GET /readyz` answers 200 `ready` once the system
//!   called [`Readiness::set_ready`]`(true)`, else 503 `not ready`; it turns
//!   503 again as soon as shutdown begins, so load balancers drain first.
//!   `GET /metrics` renders the server's [`Metrics`] registry in the
//!   Prometheus text format 0.0.4. These three paths are reserved: a system
//!   route with the same path is shadowed by them.
//! - **Request counting.** Every response, including 404, 413 and timeouts,
//!   counts once in `omni_http_requests_total{server,route,method,status}`
//!   and `omni_http_request_duration_seconds{server,route,method}`
//!   (histogram). `route` is the matched route template (`/items/{id}`), or
//!   `unmatched`, so label cardinality stays bounded by the code; `method`
//!   is a standard method or `other`.
//! - **Body limit.** A request body over [`ServerBuilder::body_limit`]
//!   (default 1 MiB) gets 413 Payload Too Large. With a `Content-Length` over
//!   the limit the handler is never called and the body is never read; a
//!   chunked body fails the handler's body extractor as soon as the limit is
//!   crossed, so the handler's code never runs either. A route may lower the
//!   limit with axum's `DefaultBodyLimit`, never raise it.
//! - **Time limit.** A request whose handling (including reading its body)
//!   takes longer than [`ServerBuilder::request_timeout`] (default 30 s) gets
//!   **503 Service Unavailable**, and the handler's future is dropped
//!   (cancelled). 503 rather than 408: 408 tells the client *it* was too slow
//!   to send, and some clients retry 408 automatically. Request headers must
//!   arrive within [`ServerBuilder::header_timeout`] (default 10 s), or the
//!   connection is closed (slow-loris protection).
//! - **Bounded connections.** At most [`ServerBuilder::max_connections`]
//!   (default 512) connections are served at once; further ones wait in the
//!   kernel backlog.
//! - **Graceful shutdown.** On [`RunningServer::shutdown`], a
//!   [`ShutdownHandle`], or (unless disabled) the first SIGTERM or SIGINT:
//!   readiness turns false, the listening socket is closed at once (new
//!   connections are refused), idle keep-alive connections close, and
//!   in-flight requests run to completion for up to
//!   [`ServerBuilder::shutdown_grace`] (default 10 s). Connections still busy
//!   after the grace, or when a second signal arrives, are dropped.
//!   [`RunningServer::wait`] then returns a [`Stopped`] report saying why
//!   and whether everything drained. A graceful stop is a success; mapping
//!   it to an exit code is the caller's job (0 is expected for SIGTERM).
//!
//! NB: tokio keeps its signal handlers installed for the life of the process,
//! so once a server listened for SIGTERM, SIGTERM no longer kills the process
//! by default: the caller must end after [`RunningServer::wait`] returns.
//!
//! This module never builds a runtime: [`ServerBuilder::start`] must run
//! inside the caller's tokio runtime, which must have I/O and time enabled.

mod metrics;

use std::io;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::{DefaultBodyLimit, MatchedPath, Request, State};
use axum::http::{Method, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::task::{JoinHandle, JoinSet};
use tokio_util::sync::CancellationToken;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;

use super::error::{Classify, Exit};

pub use metrics::{
    CONTENT_TYPE as METRICS_CONTENT_TYPE, Counter, DEFAULT_SECONDS_BUCKETS, Gauge, Histogram,
    Metrics, MetricsError, escape_label_value,
};

/// Default request body limit: 1 MiB.
pub const DEFAULT_BODY_LIMIT: u64 = 1 << 20;
/// Default time limit for handling one request.
pub const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(30);
/// Default time limit for a client to send its request headers.
pub const DEFAULT_HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// Default time in-flight requests get to finish after shutdown begins.
pub const DEFAULT_SHUTDOWN_GRACE: Duration = Duration::from_secs(10);
/// Default cap on concurrently served connections.
pub const DEFAULT_MAX_CONNECTIONS: usize = 512;

const REQUESTS_TOTAL: &str = "omni_http_requests_total";
const REQUESTS_HELP: &str = "HTTP requests answered, by route, method and status.";
const DURATION_SECONDS: &str = "omni_http_request_duration_seconds";
const DURATION_HELP: &str = "Time to answer an HTTP request, in seconds.";

/// Why a server could not start or stopped abnormally.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// A non-loopback address without [`ServerBuilder::allow_public`].
    #[error(
        "refusing to serve {name} on non-loopback address {addr}: \
         serving beyond this machine must be allowed explicitly"
    )]
    PublicBind {
        /// The server's name.
        name: String,
        /// The refused address.
        addr: SocketAddr,
    },
    /// Binding the listening socket failed.
    #[error("cannot listen on {addr} for {name}")]
    Bind {
        /// The server's name.
        name: String,
        /// The address.
        addr: SocketAddr,
        /// The underlying error (in use, permission, not available).
        #[source]
        source: io::Error,
    },
    /// Installing the SIGTERM/SIGINT handlers failed.
    #[error("cannot install signal handlers for {name}")]
    Signals {
        /// The server's name.
        name: String,
        /// The underlying error.
        #[source]
        source: io::Error,
    },
    /// The built-in metric families clash with ones already registered.
    #[error("cannot register metrics for {name}")]
    Metrics {
        /// The server's name.
        name: String,
        /// The clash.
        #[source]
        source: MetricsError,
    },
    /// The TLS certificate or key could not be loaded.
    #[error("{name}: TLS {what} {path}: {reason}")]
    Tls {
        /// The server's name.
        name: String,
        /// "certificate" or "key".
        what: &'static str,
        /// The file.
        path: std::path::PathBuf,
        /// What is wrong with it.
        reason: String,
    },
    /// The serving task panicked (a bug).
    #[error("server {name} on {addr} stopped unexpectedly")]
    Crashed {
        /// The server's name.
        name: String,
        /// Its address.
        addr: SocketAddr,
    },
}

impl Classify for ServerError {
    fn exit(&self) -> Exit {
        match self {
            ServerError::PublicBind { .. } => Exit::Config,
            ServerError::Bind { source, .. } => match source.kind() {
                io::ErrorKind::AddrInUse => Exit::TempFail,
                io::ErrorKind::PermissionDenied => Exit::NoPerm,
                // An address this machine does not have is a configuration error.
                io::ErrorKind::AddrNotAvailable => Exit::Config,
                _ => Exit::from_io(source),
            },
            ServerError::Signals { .. } => Exit::Unavailable,
            ServerError::Tls { reason, .. } if reason.contains("No such file") => Exit::NoInput,
            ServerError::Tls { .. } => Exit::DataErr,
            ServerError::Metrics { .. } | ServerError::Crashed { .. } => Exit::Software,
        }
    }
}

/// The report a serving command prints once it listens: `listening on URL`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Listening {
    pub url: String,
}

impl super::output::Render for Listening {
    fn text(&self, w: &mut dyn std::io::Write, _style: super::output::Style) -> io::Result<()> {
        writeln!(w, "listening on {}", self.url)
    }
}

/// Whether the system behind the server is ready for traffic (`/readyz`).
///
/// Starts not ready. Clones share the same flag.
#[derive(Debug, Clone, Default)]
pub struct Readiness(Arc<AtomicBool>);

impl Readiness {
    /// Sets the flag `/readyz` reports.
    pub fn set_ready(&self, ready: bool) {
        self.0.store(ready, Ordering::SeqCst);
    }

    /// The current flag.
    pub fn is_ready(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

/// The signal that stopped a server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StopSignal {
    /// SIGTERM.
    Terminate,
    /// SIGINT (Ctrl-C).
    Interrupt,
}

/// What began the shutdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ShutdownCause {
    /// [`RunningServer::shutdown`] or a [`ShutdownHandle`].
    Requested,
    /// A signal, with shutdown on signals enabled.
    Signal(StopSignal),
}

/// How a server stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stopped {
    /// What began the shutdown.
    pub cause: ShutdownCause,
    /// True when every in-flight request finished within the grace.
    pub drained: bool,
    /// Connections dropped because the grace ran out (or a second signal).
    pub aborted_connections: usize,
}

/// Triggers a server's graceful shutdown from anywhere; cheap to clone.
#[derive(Debug, Clone)]
pub struct ShutdownHandle {
    token: CancellationToken,
    cause: Arc<OnceLock<ShutdownCause>>,
}

impl ShutdownHandle {
    /// Begins graceful shutdown (idempotent; the first cause is kept).
    pub fn shutdown(&self) {
        self.trigger(ShutdownCause::Requested);
    }

    fn trigger(&self, cause: ShutdownCause) {
        let _ = self.cause.set(cause);
        self.token.cancel();
    }

    /// True once shutdown has begun.
    pub fn is_shutting_down(&self) -> bool {
        self.token.is_cancelled()
    }
}

/// Configures and starts a server; see the module docs for the defaults.
#[derive(Debug)]
pub struct ServerBuilder {
    name: String,
    addr: SocketAddr,
    allow_public: bool,
    routes: Router,
    body_limit: u64,
    request_timeout: Duration,
    header_timeout: Duration,
    shutdown_grace: Duration,
    max_connections: usize,
    metrics: Option<Metrics>,
    signals: bool,
    divert: Option<Divert>,
    #[cfg(feature = "tls")]
    tls: Option<(std::path::PathBuf, std::path::PathBuf)>,
}

/// Connections that open with a fixed greeting go to their own handler
/// instead of HTTP (the ledger's replica links share the node's port).
#[derive(Clone)]
pub struct Divert {
    pub greeting: &'static [u8],
    pub handler: Arc<dyn Fn(tokio::net::TcpStream) + Send + Sync>,
}

impl std::fmt::Debug for Divert {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Divert")
            .field("greeting", &self.greeting)
            .finish()
    }
}

impl ServerBuilder {
    /// A server called `name` (the `server` label in metrics and in errors).
    pub fn new(name: &str) -> ServerBuilder {
        ServerBuilder {
            name: name.to_owned(),
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            allow_public: false,
            routes: Router::new(),
            body_limit: DEFAULT_BODY_LIMIT,
            request_timeout: DEFAULT_REQUEST_TIMEOUT,
            header_timeout: DEFAULT_HEADER_TIMEOUT,
            shutdown_grace: DEFAULT_SHUTDOWN_GRACE,
            max_connections: DEFAULT_MAX_CONNECTIONS,
            metrics: None,
            signals: true,
            divert: None,
            #[cfg(feature = "tls")]
            tls: None,
        }
    }

    /// Hands plain-TCP connections whose first bytes are `divert.greeting`
    /// to `divert.handler` (they still count against the connection limit
    /// only while the greeting is read).
    #[must_use]
    pub fn divert(mut self, divert: Divert) -> ServerBuilder {
        self.divert = Some(divert);
        self
    }

    /// Serves HTTPS with this PEM certificate chain and PEM private key
    /// (PKCS#8, PKCS#1 or SEC1; ECDSA, Ed25519 or RSA), TLS 1.2 and 1.3 only.
    /// The handshake must finish within the header timeout.
    #[cfg(feature = "tls")]
    #[must_use]
    pub fn tls(mut self, cert_chain: &std::path::Path, key: &std::path::Path) -> ServerBuilder {
        self.tls = Some((cert_chain.to_path_buf(), key.to_path_buf()));
        self
    }

    /// The address to listen on (default `127.0.0.1:0`).
    #[must_use]
    pub fn bind(mut self, addr: SocketAddr) -> ServerBuilder {
        self.addr = addr;
        self
    }

    /// Allows a non-loopback address (default false).
    #[must_use]
    pub fn allow_public(mut self, allow: bool) -> ServerBuilder {
        self.allow_public = allow;
        self
    }

    /// The system's routes (state already applied with `with_state`).
    #[must_use]
    pub fn routes(mut self, routes: Router) -> ServerBuilder {
        self.routes = routes;
        self
    }

    /// The largest request body accepted, in bytes (default 1 MiB).
    #[must_use]
    pub fn body_limit(mut self, bytes: u64) -> ServerBuilder {
        self.body_limit = bytes;
        self
    }

    /// The time limit for handling one request (default 30 s).
    #[must_use]
    pub fn request_timeout(mut self, limit: Duration) -> ServerBuilder {
        self.request_timeout = limit;
        self
    }

    /// The time limit for receiving request headers (default 10 s).
    #[must_use]
    pub fn header_timeout(mut self, limit: Duration) -> ServerBuilder {
        self.header_timeout = limit;
        self
    }

    /// How long in-flight requests may run after shutdown begins (default 10 s).
    #[must_use]
    pub fn shutdown_grace(mut self, grace: Duration) -> ServerBuilder {
        self.shutdown_grace = grace;
        self
    }

    /// The most connections served at once (default 512, at least 1).
    #[must_use]
    pub fn max_connections(mut self, n: usize) -> ServerBuilder {
        self.max_connections = n.max(1);
        self
    }

    /// The registry `/metrics` renders and request counts go to (default: a
    /// new one, reachable through [`RunningServer::metrics`]).
    #[must_use]
    pub fn metrics(mut self, metrics: Metrics) -> ServerBuilder {
        self.metrics = Some(metrics);
        self
    }

    /// Whether SIGTERM and SIGINT begin graceful shutdown (default true).
    #[must_use]
    pub fn shutdown_on_signals(mut self, on: bool) -> ServerBuilder {
        self.signals = on;
        self
    }

    /// Binds the socket and starts serving in a background task.
    ///
    /// Returns once the socket listens: requests sent after this returns
    /// are served.
    pub async fn start(self) -> Result<RunningServer, ServerError> {
        let name = self.name;
        if !self.allow_public && !self.addr.ip().to_canonical().is_loopback() {
            return Err(ServerError::PublicBind {
                name,
                addr: self.addr,
            });
        }
        let metrics = self.metrics.unwrap_or_default();
        // Declare the families now, so a clash is a start-up error rather
        // than requests that silently go uncounted.
        metrics
            .declare_counter(
                REQUESTS_TOTAL,
                REQUESTS_HELP,
                &["server", "route", "method", "status"],
            )
            .and_then(|()| {
                metrics.declare_histogram(
                    DURATION_SECONDS,
                    DURATION_HELP,
                    &["server", "route", "method"],
                )
            })
            .map_err(|source| ServerError::Metrics {
                name: name.clone(),
                source,
            })?;

        let signals = if self.signals {
            Some(Signals::install().map_err(|source| ServerError::Signals {
                name: name.clone(),
                source,
            })?)
        } else {
            None
        };

        let listener = TcpListener::bind(self.addr)
            .await
            .map_err(|source| ServerError::Bind {
                name: name.clone(),
                addr: self.addr,
                source,
            })?;
        let local_addr = listener.local_addr().map_err(|source| ServerError::Bind {
            name: name.clone(),
            addr: self.addr,
            source,
        })?;

        let readiness = Readiness::default();
        let shutdown = ShutdownHandle {
            token: CancellationToken::new(),
            cause: Arc::new(OnceLock::new()),
        };
        let force = CancellationToken::new();

        let app = build_app(
            &name,
            self.routes,
            &metrics,
            &readiness,
            usize::try_from(self.body_limit).unwrap_or(usize::MAX),
            self.request_timeout,
        );

        let signal_task = signals.map(|s| tokio::spawn(s.watch(shutdown.clone(), force.clone())));
        #[cfg(feature = "tls")]
        let tls = match &self.tls {
            Some((cert, key)) => Some(tls_acceptor(&name, cert, key)?),
            None => None,
        };
        let serve = Serve {
            #[cfg(feature = "tls")]
            tls,
            divert: self.divert,
            listener,
            app,
            header_timeout: self.header_timeout,
            grace: self.shutdown_grace,
            limit: Arc::new(Semaphore::new(self.max_connections)),
            shutdown: shutdown.clone(),
            force,
            readiness: readiness.clone(),
        };
        let task = tokio::spawn(serve.run());
        tracing::debug!(server = %name, addr = %local_addr, "listening");

        Ok(RunningServer {
            name,
            local_addr,
            readiness,
            metrics,
            shutdown,
            task: Some(task),
            signal_task,
            stopped: None,
        })
    }
}

/// A server that is serving; see the module docs for how it stops.
///
/// Dropping it without [`RunningServer::wait`] begins graceful shutdown, so
/// a server never outlives every handle to it unnoticed.
#[derive(Debug)]
pub struct RunningServer {
    name: String,
    local_addr: SocketAddr,
    readiness: Readiness,
    metrics: Metrics,
    shutdown: ShutdownHandle,
    task: Option<JoinHandle<(bool, usize)>>,
    signal_task: Option<JoinHandle<()>>,
    stopped: Option<Stopped>,
}

impl RunningServer {
    /// The address actually bound (the real port when 0 was asked for).
    pub fn local_addr(&self) -> SocketAddr {
        self.local_addr
    }

    /// The flag `/readyz` reports.
    pub fn readiness(&self) -> Readiness {
        self.readiness.clone()
    }

    /// The registry `/metrics` renders.
    pub fn metrics(&self) -> Metrics {
        self.metrics.clone()
    }

    /// A handle that can begin shutdown from another task.
    pub fn shutdown_handle(&self) -> ShutdownHandle {
        self.shutdown.clone()
    }

    /// Begins graceful shutdown; [`RunningServer::wait`] tells when it ends.
    pub fn shutdown(&self) {
        self.shutdown.shutdown();
    }

    /// Waits until the server has stopped and reports how.
    ///
    /// # Cancel safety
    ///
    /// Cancel safe: dropping this future (e.g. in `select!`) loses nothing;
    /// call it again to keep waiting. Once it returned, further calls return
    /// the same report at once.
    pub async fn wait(&mut self) -> Result<Stopped, ServerError> {
        if let Some(stopped) = self.stopped {
            return Ok(stopped);
        }
        let Some(task) = self.task.as_mut() else {
            return Err(self.crashed());
        };
        let joined = task.await;
        self.task = None;
        if let Some(signal_task) = self.signal_task.take() {
            signal_task.abort();
        }
        let (drained, aborted_connections) = joined.map_err(|_| self.crashed())?;
        let stopped = Stopped {
            cause: self
                .shutdown
                .cause
                .get()
                .copied()
                .unwrap_or(ShutdownCause::Requested),
            drained,
            aborted_connections,
        };
        self.stopped = Some(stopped);
        Ok(stopped)
    }

    /// Like [`RunningServer::wait`], and also shuts down gracefully once
    /// `stop_requested()` turns true (polled every 100 ms): a supervisor's
    /// stop request for a detached server (`Ctx::stop_requested`).
    pub async fn wait_or_stop(
        &mut self,
        stop_requested: impl Fn() -> bool,
    ) -> Result<Stopped, ServerError> {
        let handle = self.shutdown_handle();
        let watch = async {
            while !stop_requested() {
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            handle.shutdown();
        };
        tokio::select! {
            stopped = self.wait() => return stopped,
            () = watch => {}
        }
        self.wait().await
    }

    fn crashed(&self) -> ServerError {
        ServerError::Crashed {
            name: self.name.clone(),
            addr: self.local_addr,
        }
    }
}

impl Drop for RunningServer {
    fn drop(&mut self) {
        if self.task.is_some() {
            self.shutdown.shutdown();
        }
    }
}

/// SIGTERM and SIGINT streams, installed before the socket is bound so a
/// signal arriving right after start-up is never missed.
struct Signals {
    term: tokio::signal::unix::Signal,
    int: tokio::signal::unix::Signal,
}

impl Signals {
    fn install() -> io::Result<Signals> {
        use tokio::signal::unix::{SignalKind, signal};
        Ok(Signals {
            term: signal(SignalKind::terminate())?,
            int: signal(SignalKind::interrupt())?,
        })
    }

    async fn next(&mut self) -> Option<StopSignal> {
        tokio::select! {
            s = self.term.recv() => s.map(|()| StopSignal::Terminate),
            s = self.int.recv() => s.map(|()| StopSignal::Interrupt),
        }
    }

    /// First signal: graceful shutdown. Second signal: stop waiting for
    /// in-flight requests.
    async fn watch(mut self, shutdown: ShutdownHandle, force: CancellationToken) {
        tokio::select! {
            s = self.next() => match s {
                Some(sig) => {
                    tracing::info!(signal = ?sig, "shutting down");
                    shutdown.trigger(ShutdownCause::Signal(sig));
                }
                None => return,
            },
            () = shutdown.token.cancelled() => {}
        }
        if self.next().await.is_some() {
            tracing::warn!("second signal: dropping in-flight requests");
            force.cancel();
        }
    }
}

/// Per-server state for the built-in handlers and the request counter.
#[derive(Clone)]
struct Shared {
    name: Arc<str>,
    metrics: Metrics,
    readiness: Readiness,
}

fn build_app(
    name: &str,
    routes: Router,
    metrics: &Metrics,
    readiness: &Readiness,
    body_limit: usize,
    request_timeout: Duration,
) -> Router {
    let shared = Shared {
        name: Arc::from(name),
        metrics: metrics.clone(),
        readiness: readiness.clone(),
    };
    // NB: `Router::layer` wraps each route (and the fallback) after routing,
    // which is what makes `MatchedPath` visible to `count`. Layers added
    // later run first: count → timeout → body limit → handler, so timeouts
    // and 413s are counted too.
    let with_limits = |router: Router| {
        router
            .layer(DefaultBodyLimit::max(body_limit))
            .layer(RequestBodyLimitLayer::new(body_limit))
            .layer(TimeoutLayer::with_status_code(
                StatusCode::SERVICE_UNAVAILABLE,
                request_timeout,
            ))
            .layer(middleware::from_fn_with_state(shared.clone(), count))
    };
    let builtins = Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz))
        .route("/metrics", get(render_metrics))
        .with_state(shared.clone());
    // The system's router is the built-ins' fallback rather than merged, so a
    // clashing path is shadowed instead of panicking. Each side gets the
    // layers once; the fallback is attached after layering, so requests for
    // system routes are not counted twice.
    with_limits(builtins).fallback_service(with_limits(routes))
}

async fn healthz() -> &'static str {
    "ok\n"
}

async fn readyz(State(shared): State<Shared>) -> Response {
    if shared.readiness.is_ready() {
        (StatusCode::OK, "ready\n").into_response()
    } else {
        (StatusCode::SERVICE_UNAVAILABLE, "not ready\n").into_response()
    }
}

async fn render_metrics(State(shared): State<Shared>) -> Response {
    (
        [(header::CONTENT_TYPE, metrics::CONTENT_TYPE)],
        shared.metrics.render(),
    )
        .into_response()
}

/// Counts each response under its route template, method and status.
async fn count(State(shared): State<Shared>, req: Request, next: Next) -> Response {
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_owned(), |m| m.as_str().to_owned());
    let method = method_label(req.method());
    let started = Instant::now();
    let response = next.run(req).await;
    let status = response.status();
    let labels = [
        ("server", &*shared.name),
        ("route", route.as_str()),
        ("method", method),
    ];
    // Registration only fails on a name clash, which start() already ruled
    // out; a failure here must not fail the request.
    if let Ok(c) = shared.metrics.counter(
        REQUESTS_TOTAL,
        REQUESTS_HELP,
        &[labels[0], labels[1], labels[2], ("status", status.as_str())],
    ) {
        c.inc();
    }
    if let Ok(h) = shared.metrics.histogram(
        DURATION_SECONDS,
        DURATION_HELP,
        &labels,
        DEFAULT_SECONDS_BUCKETS,
    ) {
        h.observe(started.elapsed().as_secs_f64());
    }
    response
}

/// Standard methods by name; anything else is `other`, so a client cannot
/// grow the metric set with made-up methods.
fn method_label(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::DELETE => "DELETE",
        Method::PATCH => "PATCH",
        Method::OPTIONS => "OPTIONS",
        Method::CONNECT => "CONNECT",
        Method::TRACE => "TRACE",
        _ => "other",
    }
}

/// The accept loop and its connections.
struct Serve {
    #[cfg(feature = "tls")]
    tls: Option<tokio_rustls::TlsAcceptor>,
    divert: Option<Divert>,
    listener: TcpListener,
    app: Router,
    header_timeout: Duration,
    grace: Duration,
    limit: Arc<Semaphore>,
    shutdown: ShutdownHandle,
    force: CancellationToken,
    readiness: Readiness,
}

impl Serve {
    /// Serves until shutdown, then drains. Returns (drained, aborted).
    async fn run(self) -> (bool, usize) {
        let Serve {
            #[cfg(feature = "tls")]
            tls,
            divert,
            listener,
            app,
            header_timeout,
            grace,
            limit,
            shutdown,
            force,
            readiness,
        } = self;
        let stop = shutdown.token.clone();
        let mut conns: JoinSet<()> = JoinSet::new();
        loop {
            // Reap finished connections so the set stays small.
            while conns.try_join_next().is_some() {}
            let permit = tokio::select! {
                biased;
                () = stop.cancelled() => break,
                p = limit.clone().acquire_owned() => match p {
                    Ok(p) => p,
                    Err(_) => break, // closed: never happens, the semaphore is ours
                },
            };
            let (stream, _peer) = tokio::select! {
                biased;
                () = stop.cancelled() => break,
                accepted = listener.accept() => match accepted {
                    Ok(pair) => pair,
                    Err(e) if is_per_connection_error(&e) => continue,
                    Err(e) => {
                        // Out of descriptors or similar: back off instead of
                        // spinning, but keep serving the connections we have.
                        tracing::warn!(error = %e, "accept failed");
                        tokio::select! {
                            () = stop.cancelled() => break,
                            () = tokio::time::sleep(Duration::from_millis(100)) => continue,
                        }
                    }
                },
            };
            let _ = stream.set_nodelay(true);
            #[cfg(feature = "tls")]
            if let Some(acceptor) = &tls {
                let (acceptor, app, stop) = (acceptor.clone(), app.clone(), stop.clone());
                conns.spawn(async move {
                    // A client that never finishes its handshake holds a
                    // connection slot no longer than one slow header would.
                    match tokio::time::timeout(header_timeout, acceptor.accept(stream)).await {
                        Ok(Ok(tls_stream)) => {
                            serve_connection(tls_stream, app, header_timeout, stop, permit).await;
                        }
                        Ok(Err(e)) => tracing::debug!(error = %e, "tls handshake failed"),
                        Err(_) => tracing::debug!("tls handshake timed out"),
                    }
                });
                continue;
            }
            if let Some(divert) = &divert {
                let (divert, app, stop) = (divert.clone(), app.clone(), stop.clone());
                conns.spawn(async move {
                    if greeted(&stream, divert.greeting, header_timeout).await {
                        drop(permit);
                        (divert.handler)(stream);
                    } else {
                        serve_connection(stream, app, header_timeout, stop, permit).await;
                    }
                });
                continue;
            }
            conns.spawn(serve_connection(
                stream,
                app.clone(),
                header_timeout,
                stop.clone(),
                permit,
            ));
        }
        readiness.set_ready(false);
        // Closing the socket now makes new connections fail fast instead of
        // queueing in a backlog nobody will accept from.
        drop(listener);

        let drain = async { while conns.join_next().await.is_some() {} };
        let drained = tokio::select! {
            r = tokio::time::timeout(grace, drain) => r.is_ok(),
            () = force.cancelled() => false,
        };
        let aborted = conns.len();
        if aborted > 0 {
            tracing::warn!(aborted, "grace over: dropping connections");
        }
        conns.shutdown().await;
        (drained && aborted == 0, aborted)
    }
}

/// Whether the connection's first bytes are `greeting` (peeked, so HTTP
/// still reads them); gives up after `limit`.
async fn greeted(stream: &tokio::net::TcpStream, greeting: &[u8], limit: Duration) -> bool {
    let mut buf = vec![0u8; greeting.len()];
    let deadline = tokio::time::Instant::now() + limit;
    loop {
        let n = match tokio::time::timeout_at(deadline, stream.peek(&mut buf)).await {
            Ok(Ok(n)) => n,
            _ => return false,
        };
        if n == 0 || buf[..n] != greeting[..n] {
            return false;
        }
        if n == greeting.len() {
            return true;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
}

async fn serve_connection<S>(
    stream: S,
    app: Router,
    header_timeout: Duration,
    stop: CancellationToken,
    _permit: OwnedSemaphorePermit,
) where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
{
    let service = TowerToHyperService::new(app);
    let mut builder = http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(header_timeout)
        .keep_alive(true);
    let conn = builder.serve_connection(TokioIo::new(stream), service);
    let mut conn = std::pin::pin!(conn);
    let result = tokio::select! {
        r = conn.as_mut() => r,
        () = stop.cancelled() => {
            // Finish the request in flight (if any), then close; idle
            // keep-alive connections close at once.
            conn.as_mut().graceful_shutdown();
            conn.await
        }
    };
    if let Err(e) = result {
        tracing::debug!(error = %e, "connection ended with an error");
    }
}

/// Loads a PEM chain and key into a rustls acceptor (ring provider).
#[cfg(feature = "tls")]
fn tls_acceptor(
    name: &str,
    cert: &std::path::Path,
    key: &std::path::Path,
) -> Result<tokio_rustls::TlsAcceptor, ServerError> {
    use rustls::pki_types::pem::PemObject;
    use rustls::pki_types::{CertificateDer, PrivateKeyDer};
    let err = |what: &'static str, path: &std::path::Path, reason: String| ServerError::Tls {
        name: name.to_owned(),
        what,
        path: path.to_path_buf(),
        reason,
    };
    let chain = CertificateDer::pem_file_iter(cert)
        .and_then(|it| it.collect::<Result<Vec<_>, _>>())
        .map_err(|e| err("certificate", cert, e.to_string()))?;
    if chain.is_empty() {
        return Err(err(
            "certificate",
            cert,
            "no CERTIFICATE block found".into(),
        ));
    }
    let private = PrivateKeyDer::from_pem_file(key).map_err(|e| err("key", key, e.to_string()))?;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| err("certificate", cert, e.to_string()))?
        .with_no_client_auth()
        .with_single_cert(chain, private)
        .map_err(|e| err("key", key, format!("does not fit the certificate: {e}")))?;
    Ok(tokio_rustls::TlsAcceptor::from(Arc::new(config)))
}

/// Accept errors that concern one connection only (the peer gave up before
/// we accepted): skip it and accept the next.
fn is_per_connection_error(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::ConnectionRefused
            | io::ErrorKind::ConnectionAborted
            | io::ErrorKind::ConnectionReset
    )
}
