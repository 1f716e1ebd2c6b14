//! The node's HTTP API (single replica for now; replication will add the
//! peer routes):
//!
//! - `POST /v1/events` (`X-Api-Key`): an event `{"type","source","severity",
//!   "ttl"?,"meta"?,"time"?}` that the node signs and commits; 201 with its
//!   index and id. A JSON array of events (or `application/x-ndjson`
//!   lines) is checked whole first (a bad element: 400 naming it, nothing
//!   submitted), then committed at once (a replica waits for every commit);
//!   201 with an array of `{index, id}`, one per event, in order.
//! - `GET /v1/checkpoint`: the latest signed checkpoint (text).
//! - `GET /v1/decisions/stream?startup=true|false` (`X-Api-Key`): the
//!   CrowdSec Local API's decision stream, so CrowdSec bouncers (the Debian
//!   `crowdsec-firewall-bouncer`) enforce the ledger's blocklist unchanged.
//!   `startup=true` sends every active decision; later calls send what was
//!   added (or whose expiry moved) and what was removed since the same key's
//!   previous call.
//!
//! A wrong or missing key gets 403 `{"message":"access forbidden"}`, as the
//! Local API answers.

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use axum::Router;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::{Deserialize, Serialize};

use super::blocklist::{Block, Options, of_ledger};
use super::event::entry_id;
use super::merkle;
use super::{Ledger, cluster};

/// What the node shares between requests.
pub struct Node {
    pub ledger: Arc<Mutex<Ledger>>,
    /// The replica, when the node is one of a cluster: submissions are
    /// ordered by consensus instead of appended directly.
    pub cluster: Option<cluster::Handle>,
    /// Keys accepted in `X-Api-Key`.
    pub keys: Vec<String>,
    /// What the blocklist is derived with (its `now` is reset per request).
    pub options: Options,
    /// Per key: the decisions last streamed (value → expiry).
    sent: Mutex<HashMap<String, BTreeMap<String, Option<u64>>>>,
}

impl Node {
    pub fn new(
        ledger: Arc<Mutex<Ledger>>,
        cluster: Option<cluster::Handle>,
        keys: Vec<String>,
        options: Options,
    ) -> Node {
        Node {
            ledger,
            cluster,
            keys,
            options,
            sent: Mutex::new(HashMap::new()),
        }
    }
}

type Shared = State<Arc<Node>>;

fn forbidden() -> Response {
    (
        StatusCode::FORBIDDEN,
        axum::Json(serde_json::json!({"message": "access forbidden"})),
    )
        .into_response()
}

fn authorised(node: &Node, headers: &HeaderMap) -> bool {
    headers
        .get("x-api-key")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|k| node.keys.iter().any(|ok| ok == k))
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// A CrowdSec decision.
#[derive(Debug, Serialize)]
struct Decision {
    id: u64,
    origin: &'static str,
    #[serde(rename = "type")]
    kind: &'static str,
    scope: &'static str,
    value: String,
    duration: String,
    scenario: String,
    simulated: bool,
}

/// Go's `time.Duration` text (`3h59m12s`), which bouncers parse.
fn go_duration(secs: u64) -> String {
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if h > 0 {
        format!("{h}h{m}m{s}s")
    } else if m > 0 {
        format!("{m}m{s}s")
    } else {
        format!("{s}s")
    }
}

fn decision(b: &Block, now: u64) -> Decision {
    let value = b.source.to_string();
    // A stable id per value, so a bouncer can match updates and deletions.
    let digest = merkle::leaf_hash(value.as_bytes());
    Decision {
        id: u64::from_be_bytes(digest[..8].try_into().expect("8 bytes")) >> 12,
        origin: "omni-ledger",
        kind: "ban",
        scope: if b.source.is_host() { "Ip" } else { "Range" },
        value,
        // Permanent events: ten years, the longest a bouncer needs to hold.
        duration: go_duration(b.timeout(now).unwrap_or(10 * 365 * 86_400)),
        scenario: format!(
            "omni-ledger/{}",
            b.types.iter().cloned().collect::<Vec<_>>().join(",")
        ),
        simulated: false,
    }
}

#[derive(Deserialize)]
struct StreamQuery {
    #[serde(default)]
    startup: Option<String>,
}

async fn stream(State(node): Shared, headers: HeaderMap, Query(q): Query<StreamQuery>) -> Response {
    if !authorised(&node, &headers) {
        return forbidden();
    }
    let key = headers
        .get("x-api-key")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let startup = q.startup.as_deref() == Some("true");
    let node2 = node.clone();
    let result = tokio::task::spawn_blocking(move || {
        let now = unix_now();
        let mut opts = node2.options.clone();
        opts.now = now;
        // NB: the index selects the active events, so a call reads and
        // parses those, not the whole log.
        let list = {
            let ledger = node2.ledger.lock().unwrap_or_else(|p| p.into_inner());
            of_ledger(&ledger, &opts)?
        };
        let current: BTreeMap<String, (Option<u64>, &Block)> = list
            .blocks
            .iter()
            .map(|b| (b.source.to_string(), (b.expires, b)))
            .collect();
        let mut sent = node2.sent.lock().unwrap_or_else(|p| p.into_inner());
        let before = if startup {
            BTreeMap::new()
        } else {
            sent.get(&key).cloned().unwrap_or_default()
        };
        let new: Vec<Decision> = current
            .iter()
            .filter(|(v, (exp, _))| before.get(*v) != Some(exp))
            .map(|(_, (_, b))| decision(b, now))
            .collect();
        let deleted: Vec<Decision> = before
            .keys()
            .filter(|v| !current.contains_key(*v))
            .map(|v| {
                let source = v.parse().expect("a value we sent");
                decision(
                    &Block {
                        source,
                        expires: Some(now),
                        severity: super::event::Severity::Low,
                        events: 0,
                        domains: Default::default(),
                        types: Default::default(),
                    },
                    now,
                )
            })
            .collect();
        sent.insert(
            key,
            current.iter().map(|(v, (e, _))| (v.clone(), *e)).collect(),
        );
        Ok::<_, super::LedgerError>(serde_json::json!({"new": new, "deleted": deleted}))
    })
    .await;
    match result {
        Ok(Ok(body)) => (StatusCode::OK, axum::Json(body)).into_response(),
        Ok(Err(e)) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            axum::Json(serde_json::json!({"message": e.to_string()})),
        )
            .into_response(),
        Err(e) => (
            StatusCode::INTERNAL_SERVER_ERROR,
            axum::Json(serde_json::json!({"message": e.to_string()})),
        )
            .into_response(),
    }
}

/// `POST /v1/events`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Submitted {
    #[serde(rename = "type")]
    pub kind: String,
    pub source: String,
    pub severity: String,
    #[serde(default)]
    pub ttl: Option<u64>,
    #[serde(default)]
    pub meta: Option<serde_json::Map<String, serde_json::Value>>,
    #[serde(default)]
    pub time: Option<String>,
}

/// How a `POST /v1/events` body carried its events: one JSON object (the
/// original form, answered with one object), or several, as a JSON array
/// or as `application/x-ndjson` lines (answered with an array).
enum Submission {
    One(Submitted),
    Many(Vec<Submitted>),
}

/// Parses a submission; an element that is not an event is named by its
/// position (array elements from 0, ndjson lines from 1).
fn parse_submission(headers: &HeaderMap, body: &[u8]) -> Result<Submission, String> {
    let ndjson = headers
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|t| t.trim_start().starts_with("application/x-ndjson"));
    let many = if ndjson {
        let mut events = Vec::new();
        for (n, line) in body.split(|b| *b == b'\n').enumerate() {
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            events.push(
                serde_json::from_slice(line)
                    .map_err(|e| format!("line {}: bad event: {e}", n + 1))?,
            );
        }
        events
    } else if body.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'[') {
        let values: Vec<serde_json::Value> =
            serde_json::from_slice(body).map_err(|e| format!("bad event array: {e}"))?;
        values
            .into_iter()
            .enumerate()
            .map(|(i, v)| {
                serde_json::from_value(v).map_err(|e| format!("element {i}: bad event: {e}"))
            })
            .collect::<Result<_, _>>()?
    } else {
        return serde_json::from_slice(body)
            .map(Submission::One)
            .map_err(|e| format!("bad event: {e}"));
    };
    if many.is_empty() {
        return Err("no events in the submission".into());
    }
    Ok(Submission::Many(many))
}

async fn submit(State(node): Shared, headers: HeaderMap, body: axum::body::Bytes) -> Response {
    if !authorised(&node, &headers) {
        return forbidden();
    }
    let reply = |status: StatusCode, m: String| {
        (status, axum::Json(serde_json::json!({"message": m}))).into_response()
    };
    let (subs, many) = match parse_submission(&headers, &body) {
        Ok(Submission::One(s)) => (vec![s], false),
        Ok(Submission::Many(v)) => (v, true),
        Err(m) => return reply(StatusCode::BAD_REQUEST, m),
    };
    // Names an element in messages (the single form keeps its old ones).
    let at = move |i: usize, m: String| {
        if many { format!("element {i}: {m}") } else { m }
    };
    let node2 = node.clone();
    // Every event is built, signed and admitted before anything is
    // submitted: a bad one refuses the whole submission.
    let checked = tokio::task::spawn_blocking(move || {
        let now = crate::runtime::time::format_rfc3339(SystemTime::now());
        let (bodies, key) = {
            let ledger = node2.ledger.lock().unwrap_or_else(|p| p.into_inner());
            let bodies = subs
                .into_iter()
                .enumerate()
                .map(|(i, sub)| {
                    ledger
                        .new_body(
                            &sub.kind,
                            &sub.source,
                            &sub.severity,
                            sub.ttl.unwrap_or(86_400),
                            sub.meta.unwrap_or_default(),
                            sub.time.as_deref(),
                            &now,
                        )
                        .map_err(|e| at(i, e))
                })
                .collect::<Result<Vec<_>, _>>()?;
            let key = ledger
                .key()
                .expect("a node opens its ledger for writing")
                .clone();
            (bodies, key)
        };
        let mut entries = Vec::with_capacity(bodies.len());
        let mut seen: HashMap<merkle::Hash, usize> = HashMap::new();
        for (i, body) in bodies.into_iter().enumerate() {
            let event = body.sign(&key);
            if let Some(p) = &node2.options.policy {
                p.admit(&event)
                    .map_err(|r| at(i, format!("refused by the trust policy: {r}")))?;
            }
            let entry = event.to_entry();
            let leaf = merkle::leaf_hash(&entry);
            if let Some(j) = seen.insert(leaf, i) {
                return Err(at(i, format!("the same event as element {j}")));
            }
            entries.push((entry, leaf));
        }
        Ok::<_, String>(entries)
    })
    .await;
    let entries = match checked {
        Ok(Ok(e)) => e,
        Ok(Err(m)) => return reply(StatusCode::BAD_REQUEST, m),
        Err(e) => return reply(StatusCode::INTERNAL_SERVER_ERROR, e.to_string()),
    };
    let indices: Result<Vec<u64>, (StatusCode, String)> = match &node.cluster {
        // A cluster replica: every entry goes through consensus; the
        // request waits for all their commits at once.
        Some(c) => {
            let waits = entries.iter().map(|(e, _)| c.submit(e.clone()));
            futures::future::join_all(waits)
                .await
                .into_iter()
                .enumerate()
                .map(|(i, r)| r.map_err(|m| (StatusCode::SERVICE_UNAVAILABLE, at(i, m))))
                .collect()
        }
        // A single node: one commit (one fdatasync, one checkpoint) for all.
        None => {
            let node2 = node.clone();
            let payloads: Vec<Vec<u8>> = entries.iter().map(|(e, _)| e.clone()).collect();
            match tokio::task::spawn_blocking(move || {
                let mut ledger = node2.ledger.lock().unwrap_or_else(|p| p.into_inner());
                // NB: an event signed again is the same entry: it keeps
                // the index it was committed at.
                ledger.append_new(&payloads).map_err(|e| e.to_string())
            })
            .await
            {
                Ok(r) => r.map_err(|m| (StatusCode::INTERNAL_SERVER_ERROR, m)),
                Err(e) => Err((StatusCode::INTERNAL_SERVER_ERROR, e.to_string())),
            }
        }
    };
    let indices = match indices {
        Ok(i) => i,
        Err((status, m)) => return reply(status, m),
    };
    let answer = if many {
        serde_json::Value::Array(
            entries
                .iter()
                .zip(&indices)
                .map(|((_, leaf), index)| serde_json::json!({"index": index, "id": entry_id(leaf)}))
                .collect(),
        )
    } else {
        serde_json::json!({
            "index": indices[0],
            "id": entry_id(&entries[0].1),
            "size": node.ledger.lock().unwrap_or_else(|p| p.into_inner()).len(),
        })
    };
    (StatusCode::CREATED, axum::Json(answer)).into_response()
}

async fn checkpoint(State(node): Shared) -> Response {
    let ledger = node.ledger.lock().unwrap_or_else(|p| p.into_inner());
    match ledger.last_checkpoint() {
        Some(cp) => (StatusCode::OK, cp.to_note()).into_response(),
        None => (StatusCode::SERVICE_UNAVAILABLE, "no checkpoint yet\n").into_response(),
    }
}

fn not_a_replica() -> Response {
    (
        StatusCode::NOT_FOUND,
        axum::Json(serde_json::json!({"message": "this node is not a cluster replica"})),
    )
        .into_response()
}

async fn cluster_status(State(node): Shared) -> Response {
    let Some(c) = &node.cluster else {
        return not_a_replica();
    };
    let c = c.clone();
    match tokio::task::spawn_blocking(move || c.status()).await {
        Ok(s) => axum::Json(s).into_response(),
        Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response(),
    }
}

async fn cluster_boundary(
    State(node): Shared,
    axum::extract::Path(session): axum::extract::Path<u64>,
) -> Response {
    let Some(c) = &node.cluster else {
        return not_a_replica();
    };
    match c.boundary(session) {
        Some(note) => (StatusCode::OK, note).into_response(),
        None => (
            StatusCode::NOT_FOUND,
            format!("no quorum checkpoint for session {session} yet\n"),
        )
            .into_response(),
    }
}

#[derive(Deserialize)]
struct Range {
    from: u64,
    to: u64,
}

/// Runs `f` off the async threads: 200 with its bytes, 400 with its message.
async fn blocking_bytes(f: impl FnOnce() -> Result<Vec<u8>, String> + Send + 'static) -> Response {
    match tokio::task::spawn_blocking(f).await {
        Ok(Ok(bytes)) => (StatusCode::OK, bytes).into_response(),
        Ok(Err(m)) => (StatusCode::BAD_REQUEST, m).into_response(),
        Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, e.to_string()).into_response(),
    }
}

/// Entries `from..to` as `len u32 ‖ bytes` records.
async fn cluster_entries(State(node): Shared, Query(r): Query<Range>) -> Response {
    blocking_bytes(move || {
        let ledger = node.ledger.lock().unwrap_or_else(|p| p.into_inner());
        if r.from > r.to || r.to > ledger.len() {
            return Err(format!("the ledger has {} entries", ledger.len()));
        }
        let mut out = Vec::new();
        for i in r.from..r.to {
            out.push(ledger.log().read(i).map_err(|e| e.to_string())?);
        }
        Ok(cluster::join_entries(&out))
    })
    .await
}

#[derive(Deserialize)]
struct Sizes {
    old: u64,
    new: u64,
}

/// The RFC 9162 consistency proof between two sizes, as raw 32-byte hashes.
async fn cluster_consistency(State(node): Shared, Query(q): Query<Sizes>) -> Response {
    blocking_bytes(move || {
        let ledger = node.ledger.lock().unwrap_or_else(|p| p.into_inner());
        if q.old > q.new || q.new > ledger.len() {
            return Err(format!("the ledger has {} entries", ledger.len()));
        }
        let mut leaves = ledger.leaves().map_err(|e| e.to_string())?;
        leaves.truncate(q.new as usize);
        let proof = merkle::consistency_proof(&leaves, q.old).unwrap_or_default();
        Ok(proof.concat())
    })
    .await
}

/// The routes.
pub fn router(node: Arc<Node>) -> Router {
    Router::new()
        .route("/v1/decisions/stream", get(stream))
        .route("/v1/events", post(submit))
        .route("/v1/checkpoint", get(checkpoint))
        .route("/v1/cluster/status", get(cluster_status))
        .route("/v1/cluster/boundary/{session}", get(cluster_boundary))
        .route("/v1/cluster/entries", get(cluster_entries))
        .route("/v1/cluster/consistency", get(cluster_consistency))
        .with_state(node)
}
