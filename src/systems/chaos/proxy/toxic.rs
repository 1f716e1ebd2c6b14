//! Toxics: what a proxy does to the bytes of one direction of a connection.
//!
//! The JSON form is Toxiproxy's (`name`, `type`, `stream`, `toxicity`,
//! `attributes`), so its clients work unchanged. Attributes are checked
//! when a toxic is created or updated, never while data flows.

use std::time::Duration;

use serde::{Deserialize, Serialize};

/// Which direction a toxic acts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stream {
    /// Client to server.
    Upstream,
    /// Server to client (Toxiproxy's default).
    Downstream,
}

impl Stream {
    pub fn parse(text: &str) -> Result<Stream, String> {
        match text {
            "upstream" => Ok(Stream::Upstream),
            "downstream" | "" => Ok(Stream::Downstream),
            other if other.eq_ignore_ascii_case("upstream") => Ok(Stream::Upstream),
            other if other.eq_ignore_ascii_case("downstream") => Ok(Stream::Downstream),
            _ => Err("stream was invalid, can be either upstream or downstream".into()),
        }
    }
}

/// A toxic as the API shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Toxic {
    pub name: String,
    #[serde(rename = "type")]
    pub kind_name: String,
    pub stream: Stream,
    pub toxicity: f64,
    pub attributes: serde_json::Map<String, serde_json::Value>,
    #[serde(skip)]
    pub kind: Kind,
    /// Requests this toxic has matched (`http_fail_first`), kept across
    /// updates and shared by every connection.
    #[serde(skip)]
    pub hits: Hits,
}

/// A shared request counter; never part of a toxic's identity.
#[derive(Debug, Clone, Default)]
pub struct Hits(pub std::sync::Arc<std::sync::atomic::AtomicU64>);

impl PartialEq for Hits {
    fn eq(&self, _: &Hits) -> bool {
        true
    }
}

/// Which HTTP requests an HTTP toxic acts on.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Matcher {
    /// Empty: any method.
    pub method: String,
    /// Empty: any path.
    pub path_prefix: String,
}

impl Matcher {
    pub fn matches(&self, method: &str, path: &str) -> bool {
        (self.method.is_empty() || self.method.eq_ignore_ascii_case(method))
            && path.starts_with(&self.path_prefix)
    }
}

/// A toxic's effect, with its attributes checked.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// Each chunk waits `latency ± jitter` (uniform) before it is passed on.
    Latency { latency: Duration, jitter: Duration },
    /// At most `rate` KB/s (1 KB = 1000 bytes); 0 = no limit.
    Bandwidth { rate: u64 },
    /// The close of this direction waits `delay`.
    SlowClose { delay: Duration },
    /// Nothing passes; after `timeout` without data (if not zero) the
    /// connection closes, and it closes when the toxic is removed.
    Timeout { timeout: Duration },
    /// At the first data (or end of data), which is dropped, the connection
    /// is reset (RST) after `timeout`.
    ResetPeer { timeout: Duration },
    /// Chunks are cut into slices of `average_size ± size_variation` bytes,
    /// `delay` apart.
    Slicer {
        average_size: usize,
        size_variation: usize,
        delay: Duration,
    },
    /// The connection closes once `bytes` have passed in this direction.
    LimitData { bytes: u64 },
    /// omni's own: what TCP makes of lost segments. Each chunk is lost with
    /// probability `percent`/100 and then held a retransmission timeout
    /// (`rto`, doubling per retransmission, each at most 60 s), where each
    /// retransmission is lost again with the same probability; after 15
    /// lost retransmissions the connection is reset. Later chunks wait
    /// behind a held one.
    PacketLoss { percent: f64, rto: Duration },
    /// HTTP (upstream): answer `percent`% of the matching requests with
    /// `status` instead of passing them on.
    HttpStatus {
        status: u16,
        percent: f64,
        matcher: Matcher,
    },
    /// HTTP (upstream): hold matching requests for `delay`.
    HttpDelay { delay: Duration, matcher: Matcher },
    /// HTTP (upstream): answer the first `count` matching requests (across
    /// connections) with `status`.
    HttpFailFirst {
        count: u64,
        status: u16,
        matcher: Matcher,
    },
}

impl Kind {
    /// True for the toxics that read HTTP requests.
    pub fn is_http(&self) -> bool {
        matches!(
            self,
            Kind::HttpStatus { .. } | Kind::HttpDelay { .. } | Kind::HttpFailFirst { .. }
        )
    }
}

/// The attribute `key` as a percentage from 0 to 100 (`default` when
/// absent); fractions allowed.
fn percentage(
    attrs: &serde_json::Map<String, serde_json::Value>,
    key: &str,
    default: f64,
) -> Result<f64, String> {
    match attrs.get(key) {
        None | Some(serde_json::Value::Null) => Ok(default),
        Some(v) => v
            .as_f64()
            .filter(|p| (0.0..=100.0).contains(p))
            .ok_or_else(|| format!("{key}: from 0 to 100, not {v}")),
    }
}

/// The attribute `key` as a non-negative integer (`default` when absent).
fn uint(
    attrs: &serde_json::Map<String, serde_json::Value>,
    key: &str,
    default: u64,
) -> Result<u64, String> {
    match attrs.get(key) {
        None | Some(serde_json::Value::Null) => Ok(default),
        Some(v) => v
            .as_u64()
            .or_else(|| {
                v.as_f64()
                    .filter(|f| *f >= 0.0 && f.fract() == 0.0)
                    .map(|f| f as u64)
            })
            .ok_or_else(|| format!("{key}: must be a non-negative whole number, not {v}")),
    }
}

impl Kind {
    /// Parses `kind` with its attributes, filling in Toxiproxy's defaults
    /// (the returned map is what the API shows).
    pub fn parse(
        kind: &str,
        attrs: &serde_json::Map<String, serde_json::Value>,
    ) -> Result<(Kind, serde_json::Map<String, serde_json::Value>), String> {
        let ms = Duration::from_millis;
        let mut shown = serde_json::Map::new();
        let mut put = |k: &str, v: u64| {
            shown.insert(k.to_string(), v.into());
            v
        };
        let known: &[&str] = match kind {
            "latency" => &["latency", "jitter"],
            "bandwidth" => &["rate"],
            "slow_close" => &["delay"],
            "timeout" | "reset_peer" => &["timeout"],
            "slicer" => &["average_size", "size_variation", "delay"],
            "limit_data" => &["bytes"],
            "packet_loss" => &["percent", "rto"],
            "http_status" => &["status", "percent", "method", "path_prefix"],
            "http_delay" => &["delay", "method", "path_prefix"],
            "http_fail_first" => &["count", "status", "method", "path_prefix"],
            _ => return Err("invalid toxic type".into()),
        };
        if let Some(k) = attrs.keys().find(|k| !known.contains(&k.as_str())) {
            return Err(format!(
                "{kind}: unknown attribute '{k}' (known: {})",
                known.join(", ")
            ));
        }
        let parsed = match kind {
            "latency" => {
                let latency = put("latency", uint(attrs, "latency", 0)?);
                let jitter = put("jitter", uint(attrs, "jitter", 0)?);
                Kind::Latency {
                    latency: ms(latency),
                    jitter: ms(jitter),
                }
            }
            "bandwidth" => {
                let rate = put("rate", uint(attrs, "rate", 0)?);
                Kind::Bandwidth { rate }
            }
            "slow_close" => Kind::SlowClose {
                delay: ms(put("delay", uint(attrs, "delay", 0)?)),
            },
            "timeout" => Kind::Timeout {
                timeout: ms(put("timeout", uint(attrs, "timeout", 0)?)),
            },
            "reset_peer" => Kind::ResetPeer {
                timeout: ms(put("timeout", uint(attrs, "timeout", 0)?)),
            },
            "slicer" => {
                let average = put("average_size", uint(attrs, "average_size", 0)?);
                let variation = put("size_variation", uint(attrs, "size_variation", 0)?);
                let delay = put("delay", uint(attrs, "delay", 0)?);
                if variation > average {
                    return Err("slicer: size_variation must not exceed average_size".into());
                }
                Kind::Slicer {
                    average_size: usize::try_from(average).unwrap_or(usize::MAX).max(1),
                    size_variation: usize::try_from(variation).unwrap_or(0),
                    delay: Duration::from_micros(delay),
                }
            }
            "limit_data" => Kind::LimitData {
                bytes: put("bytes", uint(attrs, "bytes", 0)?),
            },
            "packet_loss" => {
                let percent = percentage(attrs, "percent", 0.0)?;
                let rto = uint(attrs, "rto", 200)?;
                if rto == 0 {
                    return Err("rto: at least 1 ms, not 0".into());
                }
                put("rto", rto);
                shown.insert("percent".into(), percent.into());
                Kind::PacketLoss {
                    percent,
                    rto: ms(rto),
                }
            }
            _ => {
                let text = |key: &str| -> Result<String, String> {
                    match attrs.get(key) {
                        None | Some(serde_json::Value::Null) => Ok(String::new()),
                        Some(serde_json::Value::String(s)) => Ok(s.clone()),
                        Some(v) => Err(format!("{key}: must be a string, not {v}")),
                    }
                };
                let matcher = Matcher {
                    method: text("method")?,
                    path_prefix: text("path_prefix")?,
                };
                let status = |default: u64| -> Result<u16, String> {
                    let s = uint(attrs, "status", default)?;
                    u16::try_from(s)
                        .ok()
                        .filter(|s| (100..=599).contains(s))
                        .ok_or_else(|| format!("status: an HTTP status from 100 to 599, not {s}"))
                };
                let kind = match kind {
                    "http_status" => {
                        let percent = percentage(attrs, "percent", 100.0)?;
                        let status = status(503)?;
                        put("status", u64::from(status));
                        shown.insert("percent".into(), percent.into());
                        Kind::HttpStatus {
                            status,
                            percent,
                            matcher: matcher.clone(),
                        }
                    }
                    "http_delay" => Kind::HttpDelay {
                        delay: ms(put("delay", uint(attrs, "delay", 0)?)),
                        matcher: matcher.clone(),
                    },
                    _ => {
                        let status = status(500)?;
                        put("status", u64::from(status));
                        Kind::HttpFailFirst {
                            count: put("count", uint(attrs, "count", 1)?),
                            status,
                            matcher: matcher.clone(),
                        }
                    }
                };
                shown.insert("method".into(), matcher.method.into());
                shown.insert("path_prefix".into(), matcher.path_prefix.into());
                kind
            }
        };
        Ok((parsed, shown))
    }
}

/// What a client sends to create or update a toxic (every field optional
/// on update).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ToxicRequest {
    pub name: Option<String>,
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub stream: Option<String>,
    pub toxicity: Option<f64>,
    pub attributes: Option<serde_json::Map<String, serde_json::Value>>,
}

impl ToxicRequest {
    /// A new toxic; the name defaults to `<type>_<stream>`, as in Toxiproxy.
    pub fn build(self) -> Result<Toxic, String> {
        let kind_name = self
            .kind
            .clone()
            .filter(|k| !k.is_empty())
            .ok_or("a toxic needs a type")?;
        // HTTP toxics read requests, so their stream defaults to upstream.
        let default = if kind_name.starts_with("http_") {
            "upstream"
        } else {
            "downstream"
        };
        let stream = Stream::parse(self.stream.as_deref().unwrap_or(default))?;
        let toxicity = self.toxicity.unwrap_or(1.0);
        if !(0.0..=1.0).contains(&toxicity) {
            return Err(format!("toxicity: must be between 0 and 1, not {toxicity}"));
        }
        let attrs = self.attributes.clone().unwrap_or_default();
        let (kind, attributes) = Kind::parse(&kind_name, &attrs)?;
        let name = self.name.filter(|n| !n.is_empty()).unwrap_or_else(|| {
            let s = match stream {
                Stream::Upstream => "upstream",
                Stream::Downstream => "downstream",
            };
            format!("{kind_name}_{s}")
        });
        if kind.is_http() && stream != Stream::Upstream {
            return Err(format!(
                "{kind_name} reads requests: its stream must be upstream"
            ));
        }
        Ok(Toxic {
            name,
            kind_name,
            stream,
            toxicity,
            attributes,
            kind,
            hits: Hits::default(),
        })
    }

    /// `old` with its toxicity and attributes changed as this request says
    /// (attributes merge); name, type and stream stay, as in Toxiproxy.
    pub fn apply_to(self, old: &Toxic) -> Result<Toxic, String> {
        let mut attrs = old.attributes.clone();
        if let Some(new) = self.attributes {
            attrs.extend(new);
        }
        ToxicRequest {
            name: Some(old.name.clone()),
            kind: Some(old.kind_name.clone()),
            stream: Some(
                match old.stream {
                    Stream::Upstream => "upstream",
                    Stream::Downstream => "downstream",
                }
                .to_string(),
            ),
            toxicity: Some(self.toxicity.unwrap_or(old.toxicity)),
            attributes: Some(attrs),
        }
        .build()
        .map(|mut t| {
            t.hits = old.hits.clone();
            t
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(json: serde_json::Value) -> ToxicRequest {
        serde_json::from_value(json).unwrap()
    }

    #[test]
    fn toxics_take_toxiproxys_defaults_and_check_attributes() {
        let t = req(serde_json::json!({"type": "latency", "attributes": {"latency": 100}}))
            .build()
            .unwrap();
        assert_eq!(t.name, "latency_downstream");
        assert_eq!(t.toxicity, 1.0);
        assert_eq!(
            t.kind,
            Kind::Latency {
                latency: Duration::from_millis(100),
                jitter: Duration::ZERO
            }
        );
        assert_eq!(t.attributes["jitter"], 0);
        for bad in [
            serde_json::json!({"type": "latency", "attributes": {"latency": -1}}),
            serde_json::json!({"type": "latency", "attributes": {"latencyy": 1}}),
            serde_json::json!({"type": "nope"}),
            serde_json::json!({"type": "bandwidth", "stream": "sideways"}),
            serde_json::json!({"type": "bandwidth", "toxicity": 1.5}),
            serde_json::json!({"type": "slicer", "attributes": {"average_size": 1, "size_variation": 2}}),
        ] {
            assert!(req(bad.clone()).build().is_err(), "{bad}");
        }
        let up = req(serde_json::json!({"type": "timeout", "stream": "upstream"}))
            .build()
            .unwrap();
        assert_eq!(up.name, "timeout_upstream");
        let http = req(serde_json::json!({"type": "http_status", "attributes": {"percent": 25, "path_prefix": "/api"}}))
            .build()
            .unwrap();
        assert_eq!(http.name, "http_status_upstream");
        assert_eq!(
            http.kind,
            Kind::HttpStatus {
                status: 503,
                percent: 25.0,
                matcher: Matcher {
                    method: String::new(),
                    path_prefix: "/api".into()
                }
            }
        );
        assert!(
            Matcher {
                method: "GET".into(),
                path_prefix: "/a".into()
            }
            .matches("get", "/a/b")
        );
        assert!(
            !Matcher {
                method: "GET".into(),
                path_prefix: "/a".into()
            }
            .matches("POST", "/a")
        );
        for bad in [
            serde_json::json!({"type": "http_status", "attributes": {"status": 99}}),
            serde_json::json!({"type": "http_status", "attributes": {"percent": 101}}),
            serde_json::json!({"type": "http_delay", "attributes": {"path_prefix": 3}}),
            serde_json::json!({"type": "http_fail_first", "stream": "downstream"}),
        ] {
            assert!(req(bad.clone()).build().is_err(), "{bad}");
        }
        // packet_loss: omni's own; percent 0 and rto 200 ms by default,
        // percent a fraction from 0 to 100, rto at least 1 ms.
        let loss = req(serde_json::json!({"type": "packet_loss"}))
            .build()
            .unwrap();
        assert_eq!(loss.name, "packet_loss_downstream");
        assert_eq!(
            loss.kind,
            Kind::PacketLoss {
                percent: 0.0,
                rto: Duration::from_millis(200)
            }
        );
        assert_eq!(
            serde_json::Value::Object(loss.attributes.clone()),
            serde_json::json!({"percent": 0.0, "rto": 200})
        );
        let loss = req(serde_json::json!({"type": "packet_loss", "stream": "upstream", "attributes": {"percent": 2.5, "rto": 50}}))
            .build()
            .unwrap();
        assert_eq!(
            (loss.stream, &loss.kind),
            (
                Stream::Upstream,
                &Kind::PacketLoss {
                    percent: 2.5,
                    rto: Duration::from_millis(50)
                }
            )
        );
        for (bad, error) in [
            (
                serde_json::json!({"percent": 150}),
                "percent: from 0 to 100, not 150",
            ),
            (
                serde_json::json!({"percent": -1}),
                "percent: from 0 to 100, not -1",
            ),
            (
                serde_json::json!({"percent": "30"}),
                "percent: from 0 to 100, not \"30\"",
            ),
            (serde_json::json!({"rto": 0}), "rto: at least 1 ms, not 0"),
            (
                serde_json::json!({"rto": 1.5}),
                "rto: must be a non-negative whole number, not 1.5",
            ),
            (
                serde_json::json!({"rto": -200}),
                "rto: must be a non-negative whole number, not -200",
            ),
            (
                serde_json::json!({"loss": 3}),
                "packet_loss: unknown attribute 'loss' (known: percent, rto)",
            ),
        ] {
            let got = req(serde_json::json!({"type": "packet_loss", "attributes": bad}))
                .build()
                .unwrap_err();
            assert_eq!(got, error, "{bad}");
        }
        let raised = req(serde_json::json!({"attributes": {"percent": 100}}))
            .apply_to(&loss)
            .unwrap();
        assert_eq!(
            raised.kind,
            Kind::PacketLoss {
                percent: 100.0,
                rto: Duration::from_millis(50)
            }
        );
        assert!(
            req(serde_json::json!({"attributes": {"percent": 100.5}}))
                .apply_to(&loss)
                .is_err()
        );
        let changed = req(serde_json::json!({"attributes": {"timeout": 50}}))
            .apply_to(&up)
            .unwrap();
        assert_eq!(
            (changed.name.as_str(), changed.stream, &changed.kind),
            (
                "timeout_upstream",
                Stream::Upstream,
                &Kind::Timeout {
                    timeout: Duration::from_millis(50)
                }
            )
        );
    }
}
