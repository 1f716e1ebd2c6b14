//! A small HTTP/1.1 client (http and https) for probes and submissions.
//!
//! One request per connection, on hyper's connection API: no pool, no
//! proxy support, because its callers (experiment probes, health checks)
//! want each request to measure a fresh connection. Redirects are followed
//! the way browsers and Python's `requests` follow them (301/302/303 turn
//! into GET without a body, 307/308 repeat the request), at most 10 times.
//!
//! HTTPS verifies the server against the system's trust store
//! (`/etc/ssl/certs` on Debian, through rustls-native-certs) unless the
//! caller turns verification off.
//!
//! Guarantees: every phase (connect, TLS handshake, response head, body) is
//! bounded by the request's timeouts, and the body read stops at
//! [`Request::max_body`] bytes, so a hostile or stuck server cannot hold the
//! caller or its memory.

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Bytes;
use tokio::net::TcpStream;

/// A request to send.
#[derive(Debug, Clone)]
pub struct Request {
    /// `GET`, `POST`, ... (any token).
    pub method: String,
    /// `http://` or `https://` URL.
    pub url: String,
    /// Header fields, in order; `Host`, `Content-Length` and `Connection`
    /// are set by the client.
    pub headers: Vec<(String, String)>,
    /// The body, if any.
    pub body: Option<Vec<u8>>,
    /// Bounds the TCP connection and the TLS handshake.
    pub connect_timeout: Option<Duration>,
    /// Bounds the wait for the response head and then the whole body.
    pub read_timeout: Option<Duration>,
    /// Verify the server's certificate (https).
    pub verify_tls: bool,
    /// Redirects followed at most (0: none).
    pub max_redirects: u8,
    /// Bytes of body read at most; more is an error.
    pub max_body: usize,
}

impl Request {
    /// A GET of `url` with no timeouts, verification on, up to 10
    /// redirects and a 64 MiB body limit.
    pub fn get(url: impl Into<String>) -> Request {
        Request {
            method: "GET".into(),
            url: url.into(),
            headers: Vec::new(),
            body: None,
            connect_timeout: None,
            read_timeout: None,
            verify_tls: true,
            max_redirects: 10,
            max_body: 64 << 20,
        }
    }
}

/// A response.
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    /// Header fields as received (names lower-case).
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// The URL that answered (after redirects).
    pub url: String,
}

impl Response {
    /// The first value of header `name` (case-insensitive).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Why a request got no response.
#[derive(Debug, thiserror::Error)]
pub enum HttpError {
    #[error("{0}: not an http:// or https:// URL")]
    BadUrl(String),
    #[error("failed to connect to {url}: {reason}")]
    Connect { url: String, reason: String },
    #[error("{url}: TLS: {reason}")]
    Tls { url: String, reason: String },
    #[error("{url}: timed out after {after:?} {phase}")]
    Timeout {
        url: String,
        phase: &'static str,
        after: Duration,
    },
    #[error("{url}: {reason}")]
    Protocol { url: String, reason: String },
    #[error("{url}: more than {limit} redirects")]
    TooManyRedirects { url: String, limit: u8 },
}

/// The parts of a URL the client needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Url {
    pub tls: bool,
    /// The host as written (an IPv6 literal without brackets).
    pub host: String,
    pub port: u16,
    /// Path and query, at least `/`.
    pub target: String,
}

impl Url {
    /// Parses `http://host[:port][/path][?query]` (user info and fragments
    /// are refused / dropped).
    pub fn parse(url: &str) -> Result<Url, HttpError> {
        let bad = || HttpError::BadUrl(url.to_owned());
        let (tls, rest) = if let Some(rest) = strip_prefix_ci(url, "http://") {
            (false, rest)
        } else if let Some(rest) = strip_prefix_ci(url, "https://") {
            (true, rest)
        } else {
            return Err(bad());
        };
        let rest = rest.split('#').next().unwrap_or("");
        let split = rest.find(['/', '?']).unwrap_or(rest.len());
        let (authority, target) = rest.split_at(split);
        if authority.is_empty() || authority.contains('@') {
            return Err(bad());
        }
        let target = match target {
            "" => "/".to_owned(),
            t if t.starts_with('?') => format!("/{t}"),
            t => t.to_owned(),
        };
        let default_port = if tls { 443 } else { 80 };
        let (host, port) = if let Some(v6) = authority.strip_prefix('[') {
            let (host, after) = v6.split_once(']').ok_or_else(bad)?;
            let port = match after {
                "" => default_port,
                p => p
                    .strip_prefix(':')
                    .and_then(|p| p.parse().ok())
                    .ok_or_else(bad)?,
            };
            (host.to_owned(), port)
        } else {
            match authority.rsplit_once(':') {
                Some((host, port)) => (host.to_owned(), port.parse().map_err(|_| bad())?),
                None => (authority.to_owned(), default_port),
            }
        };
        if host.is_empty() {
            return Err(bad());
        }
        Ok(Url {
            tls,
            host,
            port,
            target,
        })
    }

    /// `host:port` as the `Host` header and `connect` want it.
    pub fn authority(&self) -> String {
        let host = if self.host.contains(':') {
            format!("[{}]", self.host)
        } else {
            self.host.clone()
        };
        let default = if self.tls { 443 } else { 80 };
        if self.port == default {
            host
        } else {
            format!("{host}:{}", self.port)
        }
    }

    fn origin(&self) -> String {
        format!(
            "{}://{}",
            if self.tls { "https" } else { "http" },
            self.authority()
        )
    }
}

fn strip_prefix_ci<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    (text.len() >= prefix.len() && text[..prefix.len()].eq_ignore_ascii_case(prefix))
        .then(|| &text[prefix.len()..])
}

/// Percent-encodes `text` for a query string or a form body
/// (`application/x-www-form-urlencoded`: space as `+`).
pub fn form_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'*' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Sends `req`, following redirects.
pub async fn send(req: &Request) -> Result<Response, HttpError> {
    let mut method = req.method.to_ascii_uppercase();
    let mut url = req.url.clone();
    let mut body = req.body.clone();
    for _ in 0..=req.max_redirects {
        let parsed = Url::parse(&url)?;
        let resp = send_once(req, &method, &parsed, &url, body.as_deref()).await?;
        let location = resp.header("location").map(str::to_owned);
        match (resp.status, location) {
            (301..=303 | 307 | 308, Some(location)) if req.max_redirects > 0 => {
                if matches!(resp.status, 301..=303) && method != "HEAD" {
                    method = "GET".into();
                    body = None;
                }
                url = resolve(&parsed, &location);
            }
            _ => return Ok(resp),
        }
    }
    Err(HttpError::TooManyRedirects {
        url: req.url.clone(),
        limit: req.max_redirects,
    })
}

/// A `Location` relative to the URL that sent it.
fn resolve(base: &Url, location: &str) -> String {
    if location.contains("://") {
        location.to_owned()
    } else if location.starts_with("//") {
        format!("{}:{location}", if base.tls { "https" } else { "http" })
    } else if location.starts_with('/') {
        format!("{}{location}", base.origin())
    } else {
        let path = base.target.split('?').next().unwrap_or("/");
        let dir = &path[..path.rfind('/').map_or(0, |i| i + 1)];
        format!("{}{dir}{location}", base.origin())
    }
}

async fn within<T>(
    limit: Option<Duration>,
    url: &str,
    phase: &'static str,
    fut: impl Future<Output = T>,
) -> Result<T, HttpError> {
    match limit {
        None => Ok(fut.await),
        Some(after) => tokio::time::timeout(after, fut)
            .await
            .map_err(|_| HttpError::Timeout {
                url: url.to_owned(),
                phase,
                after,
            }),
    }
}

async fn send_once(
    req: &Request,
    method: &str,
    url: &Url,
    text: &str,
    body: Option<&[u8]>,
) -> Result<Response, HttpError> {
    let connect_err = |reason: String| HttpError::Connect {
        url: text.to_owned(),
        reason,
    };
    let tcp = within(
        req.connect_timeout,
        text,
        "connecting",
        TcpStream::connect((url.host.as_str(), url.port)),
    )
    .await?
    .map_err(|e| connect_err(e.to_string()))?;
    let _ = tcp.set_nodelay(true);
    if url.tls {
        let connector = tokio_rustls::TlsConnector::from(tls_config(req.verify_tls, text)?);
        let name = rustls::pki_types::ServerName::try_from(url.host.clone()).map_err(|e| {
            HttpError::Tls {
                url: text.to_owned(),
                reason: e.to_string(),
            }
        })?;
        let stream = within(
            req.connect_timeout,
            text,
            "in the TLS handshake",
            connector.connect(name, tcp),
        )
        .await?
        .map_err(|e| HttpError::Tls {
            url: text.to_owned(),
            reason: e.to_string(),
        })?;
        exchange(req, method, url, text, body, stream).await
    } else {
        exchange(req, method, url, text, body, tcp).await
    }
}

async fn exchange<S>(
    req: &Request,
    method: &str,
    url: &Url,
    text: &str,
    body: Option<&[u8]>,
    stream: S,
) -> Result<Response, HttpError>
where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
{
    let protocol = |e: &dyn std::fmt::Display| HttpError::Protocol {
        url: text.to_owned(),
        reason: e.to_string(),
    };
    let io = hyper_util::rt::TokioIo::new(stream);
    let (mut sender, conn) = hyper::client::conn::http1::handshake::<_, Full<Bytes>>(io)
        .await
        .map_err(|e| protocol(&e))?;
    let driver = tokio::spawn(conn);
    let mut builder = hyper::Request::builder()
        .method(method)
        .uri(url.target.as_str())
        .header("host", url.authority());
    let mut has_agent = false;
    for (name, value) in &req.headers {
        if name.eq_ignore_ascii_case("host") || name.eq_ignore_ascii_case("content-length") {
            continue;
        }
        has_agent |= name.eq_ignore_ascii_case("user-agent");
        builder = builder.header(name.as_str(), value.as_str());
    }
    if !has_agent {
        builder = builder.header("user-agent", concat!("omni/", env!("CARGO_PKG_VERSION")));
    }
    let request = builder
        .body(Full::new(Bytes::from(body.unwrap_or_default().to_vec())))
        .map_err(|e| protocol(&e))?;
    let result = async {
        let response = within(
            req.read_timeout,
            text,
            "waiting for the response",
            sender.send_request(request),
        )
        .await?
        .map_err(|e| protocol(&e))?;
        let status = response.status().as_u16();
        let headers = response
            .headers()
            .iter()
            .map(|(k, v)| {
                (
                    k.as_str().to_owned(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect();
        let limited = Limited::new(response.into_body(), req.max_body);
        let body = within(
            req.read_timeout,
            text,
            "reading the body",
            limited.collect(),
        )
        .await?
        .map_err(|e| protocol(&*e))?
        .to_bytes()
        .to_vec();
        Ok(Response {
            status,
            headers,
            body,
            url: text.to_owned(),
        })
    }
    .await;
    driver.abort();
    result
}

fn tls_config(verify: bool, url: &str) -> Result<Arc<rustls::ClientConfig>, HttpError> {
    static VERIFYING: OnceLock<Result<Arc<rustls::ClientConfig>, String>> = OnceLock::new();
    static TRUSTING: OnceLock<Arc<rustls::ClientConfig>> = OnceLock::new();
    let provider = || Arc::new(rustls::crypto::ring::default_provider());
    if !verify {
        return Ok(TRUSTING
            .get_or_init(|| {
                let config = rustls::ClientConfig::builder_with_provider(provider())
                    .with_safe_default_protocol_versions()
                    .expect("ring supports the default versions")
                    .dangerous()
                    .with_custom_certificate_verifier(Arc::new(NoVerify(provider())))
                    .with_no_client_auth();
                Arc::new(config)
            })
            .clone());
    }
    VERIFYING
        .get_or_init(|| {
            let found = rustls_native_certs::load_native_certs();
            let mut roots = rustls::RootCertStore::empty();
            let (added, _) = roots.add_parsable_certificates(found.certs);
            if added == 0 {
                return Err("no trusted certificates found in the system's store \
                     (install ca-certificates, or turn verification off)"
                    .to_owned());
            }
            let config = rustls::ClientConfig::builder_with_provider(provider())
                .with_safe_default_protocol_versions()
                .map_err(|e| e.to_string())?
                .with_root_certificates(roots)
                .with_no_client_auth();
            Ok(Arc::new(config))
        })
        .clone()
        .map_err(|reason| HttpError::Tls {
            url: url.to_owned(),
            reason,
        })
}

/// Accepts any certificate, for `verify_tls: false`; signatures are still
/// checked so the handshake itself stays sound.
#[derive(Debug)]
struct NoVerify(Arc<rustls::crypto::CryptoProvider>);

impl rustls::client::danger::ServerCertVerifier for NoVerify {
    fn verify_server_cert(
        &self,
        _end_entity: &rustls::pki_types::CertificateDer<'_>,
        _intermediates: &[rustls::pki_types::CertificateDer<'_>],
        _server_name: &rustls::pki_types::ServerName<'_>,
        _ocsp_response: &[u8],
        _now: rustls::pki_types::UnixTime,
    ) -> Result<rustls::client::danger::ServerCertVerified, rustls::Error> {
        Ok(rustls::client::danger::ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &rustls::pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &rustls::pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_parse_like_browsers_read_them() {
        let u = Url::parse("http://127.0.0.1:8080/health?x=1#frag").unwrap();
        assert_eq!(
            (u.tls, u.host.as_str(), u.port, u.target.as_str()),
            (false, "127.0.0.1", 8080, "/health?x=1")
        );
        let u = Url::parse("HTTPS://[::1]/").unwrap();
        assert_eq!((u.tls, u.host.as_str(), u.port), (true, "::1", 443));
        assert_eq!(u.authority(), "[::1]");
        let u = Url::parse("http://example.org?q").unwrap();
        assert_eq!(u.target, "/?q");
        assert_eq!(u.authority(), "example.org");
        for bad in [
            "ftp://x/",
            "http://",
            "http://user@host/",
            "http://h:99999/",
            "x",
        ] {
            assert!(Url::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn redirects_resolve_against_the_url_that_sent_them() {
        let base = Url::parse("http://h:81/a/b?c").unwrap();
        assert_eq!(resolve(&base, "/x"), "http://h:81/x");
        assert_eq!(resolve(&base, "y"), "http://h:81/a/y");
        assert_eq!(resolve(&base, "https://o/"), "https://o/");
        assert_eq!(resolve(&base, "//o/p"), "http://o/p");
    }

    #[test]
    fn form_encoding_matches_urlencode() {
        // Python: urllib.parse.urlencode({"q": "a b&c=d/é"}) -> q=a+b%26c%3Dd%2F%C3%A9
        assert_eq!(form_encode("a b&c=d/é"), "a+b%26c%3Dd%2F%C3%A9");
    }
}
