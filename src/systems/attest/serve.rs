//! The verification service behind `omni attest serve`: routes for the
//! shared HTTPS server helper (runtime::server adds `/healthz`, `/readyz`,
//! `/metrics`, limits and graceful shutdown).
//!
//! - `POST /v1/challenge` → `{"nonce", "expiresAt", "ttlSeconds"}`: a 32-byte
//!   random nonce, single-use, valid for the TTL.
//! - `POST /v1/verify[?nonce=HEX]` with the attestation file as the body →
//!   the verdict as JSON (200 whether valid or not; `valid` says which).
//!   With a nonce, the nonce must be outstanding (else **409**: unknown,
//!   expired or already used) and the statement must carry it; the nonce is
//!   consumed whatever the verdict, so a replay is always refused.
//! - `GET /v1/revocations` → the signed revocation list the server honours
//!   (404 when none is configured).
//!
//! Guarantees: a nonce is handed out once and accepted once; outstanding
//! nonces are bounded (503 when full) and expired ones are pruned; the body
//! is verified exactly as received, so its digest is the file's digest.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use rand::RngCore;
use rand_chacha::ChaCha20Rng;
use serde::Deserialize;

use crate::runtime::crypto::VerifyingKey;
use crate::runtime::server::{Counter, Metrics};
use crate::runtime::time::format_rfc3339;

use super::revocation::List;
use super::{VerifyRequest, verify};

/// What the service verifies with.
pub struct ServiceConfig {
    /// Trusted root keys.
    pub keys: Vec<VerifyingKey>,
    /// The revocation list: its file bytes (served as they are) and its entries.
    pub revocations: Option<(Vec<u8>, List)>,
    /// How long a challenge stays valid.
    pub nonce_ttl: Duration,
    /// How many challenges may be outstanding at once.
    pub max_outstanding: usize,
}

struct Service {
    config: ServiceConfig,
    rng: Mutex<ChaCha20Rng>,
    outstanding: Mutex<HashMap<String, Instant>>,
    valid: Counter,
    invalid: Counter,
    replayed: Counter,
    malformed: Counter,
}

/// The routes of the service, with its counters registered in `metrics`.
pub fn router(
    config: ServiceConfig,
    rng: ChaCha20Rng,
    metrics: &Metrics,
) -> Result<Router, String> {
    let counter = |result: &str| {
        metrics
            .counter(
                "omni_attest_verifications_total",
                "Attestations verified by the service, by result.",
                &[("result", result)],
            )
            .map_err(|e| e.to_string())
    };
    let service = Arc::new(Service {
        valid: counter("valid")?,
        invalid: counter("invalid")?,
        replayed: counter("replayed")?,
        malformed: counter("malformed")?,
        config,
        rng: Mutex::new(rng),
        outstanding: Mutex::new(HashMap::new()),
    });
    Ok(Router::new()
        .route("/v1/challenge", post(challenge))
        .route("/v1/verify", post(verify_body))
        .route("/v1/revocations", get(revocations))
        .with_state(service))
}

fn json_error(status: StatusCode, message: String) -> Response {
    (status, axum::Json(serde_json::json!({ "error": message }))).into_response()
}

async fn challenge(State(svc): State<Arc<Service>>) -> Response {
    let now = Instant::now();
    let mut outstanding = svc.outstanding.lock().unwrap_or_else(|p| p.into_inner());
    outstanding.retain(|_, expires| *expires > now);
    if outstanding.len() >= svc.config.max_outstanding {
        return json_error(
            StatusCode::SERVICE_UNAVAILABLE,
            "too many outstanding challenges; try again shortly".into(),
        );
    }
    let mut bytes = [0_u8; 32];
    svc.rng
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .fill_bytes(&mut bytes);
    let nonce = hex::encode(bytes);
    outstanding.insert(nonce.clone(), now + svc.config.nonce_ttl);
    let body = serde_json::json!({
        "nonce": nonce,
        "expiresAt": format_rfc3339(SystemTime::now() + svc.config.nonce_ttl),
        "ttlSeconds": svc.config.nonce_ttl.as_secs(),
    });
    axum::Json(body).into_response()
}

#[derive(Deserialize)]
struct VerifyQuery {
    nonce: Option<String>,
}

async fn verify_body(
    State(svc): State<Arc<Service>>,
    Query(q): Query<VerifyQuery>,
    body: Bytes,
) -> Response {
    let nonce = q.nonce.map(|n| n.to_ascii_lowercase());
    if let Some(n) = &nonce {
        // Consumed here, before verification, so it can never be used twice.
        let taken = svc
            .outstanding
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .remove(n);
        match taken {
            Some(expires) if expires > Instant::now() => {}
            _ => {
                svc.replayed.inc();
                return json_error(
                    StatusCode::CONFLICT,
                    format!("nonce {n} is unknown, expired or already used"),
                );
            }
        }
    }
    let request = VerifyRequest {
        path: "request body".into(),
        keys: svc.config.keys.clone(),
        subjects: Vec::new(),
        now: SystemTime::now(),
        revocations: svc
            .config
            .revocations
            .as_ref()
            .map(|(_, list)| list.clone()),
        nonce,
    };
    match verify(&body, &request) {
        Ok(verdict) => {
            if verdict.valid {
                svc.valid.inc()
            } else {
                svc.invalid.inc()
            }
            axum::Json(verdict).into_response()
        }
        Err(e) => {
            svc.malformed.inc();
            json_error(StatusCode::BAD_REQUEST, e.to_string())
        }
    }
}

async fn revocations(State(svc): State<Arc<Service>>) -> Response {
    match &svc.config.revocations {
        Some((bytes, _)) => {
            ([(header::CONTENT_TYPE, "application/json")], bytes.clone()).into_response()
        }
        None => json_error(
            StatusCode::NOT_FOUND,
            "this service has no revocation list".into(),
        ),
    }
}
