//! Toxiproxy's HTTP API over a [`Registry`]: the same paths, verbs, status
//! codes and JSON (errors are `{"error": …, "status": …}`), so existing
//! clients work unchanged. Requests from browsers (a `User-Agent` starting
//! with `Mozilla/`) are refused with 403, as Toxiproxy does, so a web page
//! cannot reconfigure the proxy behind a developer's back.

use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};

use super::toxic::{Stream, ToxicRequest};
use super::{ApiError, ProxyRequest, Registry};

/// The version `GET /version` reports: the Toxiproxy API this implements.
pub const API_VERSION: &str = "2.12.0";

type Shared = State<Arc<Registry>>;

fn json(status: StatusCode, value: impl serde::Serialize) -> Response {
    (status, axum::Json(value)).into_response()
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        json(
            status,
            serde_json::json!({"error": self.message, "status": self.status}),
        )
    }
}

fn body<T: serde::de::DeserializeOwned + Default>(bytes: &Bytes) -> Result<T, ApiError> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(T::default());
    }
    serde_json::from_slice(bytes).map_err(|e| ApiError {
        status: 400,
        message: format!("bad request body: {e}"),
    })
}

async fn no_browsers(headers: HeaderMap, req: Request, next: Next) -> Response {
    let browser = headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ua| ua.starts_with("Mozilla/"));
    if browser {
        return (StatusCode::FORBIDDEN, "User agent not allowed\n").into_response();
    }
    next.run(req).await
}

/// The API routes.
pub fn router(registry: Arc<Registry>) -> Router {
    Router::new()
        .route("/version", get(version))
        .route("/reset", post(reset))
        .route("/populate", post(populate))
        .route("/proxies", get(list).post(create))
        .route(
            "/proxies/{proxy}",
            get(show).post(update).patch(update).delete(delete),
        )
        .route("/proxies/{proxy}/toxics", get(toxics).post(add_toxic))
        .route(
            "/proxies/{proxy}/toxics/{toxic}",
            get(show_toxic)
                .post(update_toxic)
                .patch(update_toxic)
                .delete(remove_toxic),
        )
        .layer(middleware::from_fn(no_browsers))
        .with_state(registry)
}

async fn version() -> Response {
    json(StatusCode::OK, serde_json::json!({"version": API_VERSION}))
}

async fn reset(State(r): Shared) -> Result<StatusCode, ApiError> {
    r.reset().await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn populate(State(r): Shared, bytes: Bytes) -> Result<Response, ApiError> {
    let reqs: Vec<ProxyRequest> = body(&bytes)?;
    for (i, req) in reqs.iter().enumerate() {
        for (field, v) in [("name", &req.name), ("upstream", &req.upstream)] {
            if v.as_deref().is_none_or(str::is_empty) {
                return Err(ApiError {
                    status: 400,
                    message: format!("missing required field: {field} at proxy {}", i + 1),
                });
            }
        }
    }
    let proxies = r.populate(reqs).await?;
    Ok(json(
        StatusCode::CREATED,
        serde_json::json!({ "proxies": proxies }),
    ))
}

async fn list(State(r): Shared) -> Response {
    json(StatusCode::OK, r.list().await)
}

async fn create(State(r): Shared, bytes: Bytes) -> Result<Response, ApiError> {
    let req: ProxyRequest = body(&bytes)?;
    Ok(json(StatusCode::CREATED, r.create(req).await?))
}

async fn show(State(r): Shared, Path(proxy): Path<String>) -> Result<Response, ApiError> {
    Ok(json(StatusCode::OK, r.get(&proxy).await?))
}

async fn update(
    State(r): Shared,
    Path(proxy): Path<String>,
    bytes: Bytes,
) -> Result<Response, ApiError> {
    let req: ProxyRequest = body(&bytes)?;
    Ok(json(StatusCode::OK, r.update(&proxy, req).await?))
}

async fn delete(State(r): Shared, Path(proxy): Path<String>) -> Result<StatusCode, ApiError> {
    r.delete(&proxy).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn toxics(State(r): Shared, Path(proxy): Path<String>) -> Result<Response, ApiError> {
    let mut list = r.toxics(&proxy).await?;
    // Upstream first, then downstream, each in the order added.
    list.sort_by_key(|t| t.stream != Stream::Upstream);
    Ok(json(StatusCode::OK, list))
}

async fn add_toxic(
    State(r): Shared,
    Path(proxy): Path<String>,
    bytes: Bytes,
) -> Result<Response, ApiError> {
    let req: ToxicRequest = body(&bytes)?;
    Ok(json(StatusCode::OK, r.add_toxic(&proxy, req).await?))
}

async fn show_toxic(
    State(r): Shared,
    Path((proxy, toxic)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    Ok(json(StatusCode::OK, r.toxic(&proxy, &toxic).await?))
}

async fn update_toxic(
    State(r): Shared,
    Path((proxy, toxic)): Path<(String, String)>,
    bytes: Bytes,
) -> Result<Response, ApiError> {
    let req: ToxicRequest = body(&bytes)?;
    Ok(json(
        StatusCode::OK,
        r.update_toxic(&proxy, &toxic, req).await?,
    ))
}

async fn remove_toxic(
    State(r): Shared,
    Path((proxy, toxic)): Path<(String, String)>,
) -> Result<StatusCode, ApiError> {
    r.remove_toxic(&proxy, &toxic).await?;
    Ok(StatusCode::NO_CONTENT)
}
