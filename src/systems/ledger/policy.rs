//! The cross-domain trust policy: which organisations (domains) may report
//! what, with which keys, and how many of them must agree before a source
//! is blocked.
//!
//! ```toml
//! [block]
//! quorum = 2                       # k: distinct domains that must report a source
//!
//! [domains.acme]
//! keys = ["<64-hex key id>", "keys/acme-2.pub"]
//! types = ["malicious_ip", "brute_force"]   # omitted: any type
//! min_severity = "medium"                   # omitted: low
//! max_ttl = "24h"                           # omitted: no limit
//! ```
//!
//! Guarantees:
//! - [`Policy::admit`] accepts an event only when its domain is listed, its
//!   reporter key is listed under *that* domain (a key belongs to exactly one
//!   domain, so no key speaks for another), its type is allowed, its
//!   severity is at least the domain's minimum and its TTL at most the
//!   domain's maximum (a permanent event, TTL 0, exceeds any maximum).
//! - [`Policy::effective_ttl`] is the same check for events already in the
//!   log (recorded before the policy changed), except that the TTL is
//!   clamped to the maximum instead of refused.
//! - A policy that parses has 1 ≤ quorum ≤ n (the number of domains), no key
//!   listed twice, and only known severities, valid durations and types.
//! - Nothing here prints, reads the environment (only the policy file and
//!   the key files it names) or exits.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::event::{Body, Event, Severity};
use crate::runtime::crypto::{self, CryptoError, KeyId};
use crate::runtime::error::{Classify, Exit};

/// The policy's file name in a ledger's data directory.
pub const FILE: &str = "policy.toml";

/// Why a policy could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum PolicyError {
    #[error("policy {} does not exist", .0.display())]
    Missing(PathBuf),
    #[error("{}: {reason}", .path.display())]
    Invalid { path: PathBuf, reason: String },
    /// A key file the policy names is missing or unreadable.
    #[error("{}: {reason}", .path.display())]
    Key {
        path: PathBuf,
        reason: String,
        #[source]
        source: CryptoError,
    },
    #[error("reading {}: {source}", .path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

impl Classify for PolicyError {
    fn exit(&self) -> Exit {
        match self {
            PolicyError::Missing(_) => Exit::NoInput,
            PolicyError::Invalid { .. } => Exit::DataErr,
            PolicyError::Key { source, .. } => source.exit(),
            PolicyError::Io { source, .. } => Exit::from_io(source),
        }
    }
}

/// One domain's rules.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Domain {
    /// Key ids (hex SHA-256 of the public key) that report for this domain.
    pub keys: BTreeSet<String>,
    /// The event types it may report; `None`: any.
    pub types: Option<BTreeSet<String>>,
    pub min_severity: Severity,
    /// Seconds; `None`: no limit.
    pub max_ttl: Option<u64>,
}

/// A parsed, validated policy.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Policy {
    /// The file it was read from.
    pub path: PathBuf,
    /// k: distinct domains whose active, admitted reports must cover a source.
    pub quorum: u32,
    pub domains: BTreeMap<String, Domain>,
    /// Key id → its domain.
    #[serde(skip)]
    owner: BTreeMap<String, String>,
}

/// Why an event is inadmissible: one line naming the domain and the field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    #[error("domain {domain:?} is not in the trust policy")]
    UnknownDomain { domain: String },
    #[error(
        "reporter {key} is not a key of domain {domain:?}{}",
        match owner { Some(o) => format!(" (the policy lists it under {o:?}: a key cannot speak for another domain)"), None => " (the policy does not list it)".to_owned() }
    )]
    ForeignKey {
        domain: String,
        key: String,
        owner: Option<String>,
    },
    #[error("domain {domain:?} may not report type {kind:?} (its types: {allowed})")]
    Type {
        domain: String,
        kind: String,
        allowed: String,
    },
    #[error("severity {severity} is below domain {domain:?}'s min_severity {min}")]
    Severity {
        domain: String,
        severity: &'static str,
        min: &'static str,
    },
    #[error("ttl {ttl} is above domain {domain:?}'s max_ttl {max}")]
    Ttl {
        domain: String,
        ttl: String,
        max: String,
    },
}

/// Seconds as the largest whole unit (86400 → 1d); 0 → "0 (permanent)".
pub fn human_secs(secs: u64) -> String {
    if secs == 0 {
        return "0 (permanent)".into();
    }
    for (unit, n) in [("w", 604_800), ("d", 86_400), ("h", 3600), ("m", 60)] {
        if secs.is_multiple_of(n) {
            return format!("{}{unit}", secs / n);
        }
    }
    format!("{secs}s")
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPolicy {
    #[serde(default)]
    block: Option<RawBlock>,
    #[serde(default)]
    domains: BTreeMap<Spanned<String>, RawDomain>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBlock {
    quorum: Spanned<i64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDomain {
    keys: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    types: Option<Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    min_severity: Option<Spanned<String>>,
    #[serde(default)]
    max_ttl: Option<Spanned<String>>,
}

/// `line L, column C` of a byte offset.
fn position(text: &str, at: usize) -> String {
    let before = &text[..at.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    format!("line {line}, column {col}")
}

fn valid_name(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
}

fn valid_type(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

impl Policy {
    /// Reads and validates the policy at `path` (key files relative to its
    /// directory).
    pub fn load(path: &Path) -> Result<Policy, PolicyError> {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(PolicyError::Missing(path.to_path_buf()));
            }
            Err(source) => {
                return Err(PolicyError::Io {
                    path: path.to_path_buf(),
                    source,
                });
            }
        };
        Policy::parse(&text, path)
    }

    /// The policy for a ledger: `explicit` (which must exist), else
    /// `<dir>/policy.toml` when it exists, else none.
    pub fn find(dir: &Path, explicit: Option<&Path>) -> Result<Option<Policy>, PolicyError> {
        match explicit {
            Some(p) => Policy::load(p).map(Some),
            None => match Policy::load(&dir.join(FILE)) {
                Ok(p) => Ok(Some(p)),
                Err(PolicyError::Missing(_)) => Ok(None),
                Err(e) => Err(e),
            },
        }
    }

    /// Parses policy text; `path` names it in errors and anchors relative
    /// key files.
    pub fn parse(text: &str, path: &Path) -> Result<Policy, PolicyError> {
        let invalid = |reason: String| PolicyError::Invalid {
            path: path.to_path_buf(),
            reason,
        };
        let at = |span: std::ops::Range<usize>, field: &str, what: String| {
            invalid(format!("{}: {field}: {what}", position(text, span.start)))
        };
        let raw: RawPolicy = toml::from_str(text).map_err(|e| {
            let msg = e.message().trim().to_owned();
            invalid(match e.span() {
                Some(span) => format!("{}: {msg}", position(text, span.start)),
                None => msg,
            })
        })?;
        if raw.domains.is_empty() {
            return Err(invalid(
                "no [domains.<name>] table: a policy lists at least one domain".into(),
            ));
        }
        let base = path.parent().unwrap_or(Path::new("."));
        let mut domains = BTreeMap::new();
        let mut owner: BTreeMap<String, String> = BTreeMap::new();
        for (name, d) in raw.domains {
            let span = name.span();
            let name = name.into_inner();
            let field = |f: &str| format!("domains.{name}.{f}");
            if !valid_name(&name) {
                return Err(at(
                    span,
                    &format!("domains.{name}"),
                    "a domain name uses letters, digits, '-', '_' and '.'".into(),
                ));
            }
            if d.keys.get_ref().is_empty() {
                return Err(at(
                    d.keys.span(),
                    &field("keys"),
                    "no keys: list the key ids (or .pub files) that report for this domain".into(),
                ));
            }
            let mut keys = BTreeSet::new();
            for k in d.keys.into_inner() {
                let span = k.span();
                let k = k.into_inner();
                let id = if k.len() == 64 && k.bytes().all(|b| b.is_ascii_hexdigit()) {
                    k.to_ascii_lowercase()
                } else if k.ends_with(".pub") || k.contains('/') {
                    let file = base.join(&k);
                    let key =
                        crypto::read_public_key(&file).map_err(|source| PolicyError::Key {
                            path: path.to_path_buf(),
                            reason: format!(
                                "{}: {}: key file {k}",
                                position(text, span.start),
                                field("keys")
                            ),
                            source,
                        })?;
                    KeyId::of(&key).to_hex()
                } else {
                    return Err(at(
                        span,
                        &field("keys"),
                        format!(
                            "{k:?}: expected a key id (64 hex digits, as `omni ledger init` prints it) or the path of a .pub file"
                        ),
                    ));
                };
                if let Some(other) = owner.get(&id) {
                    return Err(at(
                        span,
                        &field("keys"),
                        format!(
                            "key {id} is already listed under domain {other:?}: a key reports for one domain only"
                        ),
                    ));
                }
                owner.insert(id.clone(), name.clone());
                keys.insert(id);
            }
            let types = match d.types {
                None => None,
                Some(list) => {
                    if list.get_ref().is_empty() {
                        return Err(at(
                            list.span(),
                            &field("types"),
                            "an empty list allows nothing: omit types to allow any".into(),
                        ));
                    }
                    let mut out = BTreeSet::new();
                    for t in list.into_inner() {
                        if !valid_type(t.get_ref()) {
                            return Err(at(
                                t.span(),
                                &field("types"),
                                format!(
                                    "type {:?}: use lower-case letters, digits and '_' (malicious_ip)",
                                    t.get_ref()
                                ),
                            ));
                        }
                        out.insert(t.into_inner());
                    }
                    Some(out)
                }
            };
            let min_severity = match d.min_severity {
                None => Severity::Low,
                Some(s) => s
                    .get_ref()
                    .parse::<Severity>()
                    .map_err(|e| at(s.span(), &field("min_severity"), e))?,
            };
            let max_ttl = match d.max_ttl {
                None => None,
                Some(t) => {
                    let secs = crate::runtime::units::parse_duration(t.get_ref())
                        .map_err(|e| at(t.span(), &field("max_ttl"), e.to_string()))?
                        .as_secs();
                    if secs == 0 {
                        return Err(at(
                            t.span(),
                            &field("max_ttl"),
                            "must be at least 1s (omit it for no limit)".into(),
                        ));
                    }
                    Some(secs)
                }
            };
            domains.insert(
                name,
                Domain {
                    keys,
                    types,
                    min_severity,
                    max_ttl,
                },
            );
        }
        let n = domains.len() as i64;
        let quorum = match raw.block {
            None => 1,
            Some(b) => {
                let k = *b.quorum.get_ref();
                if !(1..=n).contains(&k) {
                    return Err(at(
                        b.quorum.span(),
                        "block.quorum",
                        format!("{k}: must be between 1 and the number of domains ({n})"),
                    ));
                }
                k as u32
            }
        };
        Ok(Policy {
            path: path.to_path_buf(),
            quorum,
            domains,
            owner,
        })
    }

    /// n: the number of domains.
    pub fn n(&self) -> u32 {
        self.domains.len() as u32
    }

    /// The domain a key id reports for.
    pub fn owner(&self, key: &str) -> Option<&str> {
        self.owner.get(key).map(String::as_str)
    }

    /// Everything but the TTL: the domain's rules, when they admit it.
    fn rules(
        &self,
        domain: &str,
        reporter: &str,
        kind: &str,
        severity: Severity,
    ) -> Result<&Domain, Refusal> {
        let d = self
            .domains
            .get(domain)
            .ok_or_else(|| Refusal::UnknownDomain {
                domain: domain.to_owned(),
            })?;
        if !d.keys.contains(reporter) {
            return Err(Refusal::ForeignKey {
                domain: domain.to_owned(),
                key: reporter.to_owned(),
                owner: self.owner.get(reporter).cloned(),
            });
        }
        if let Some(types) = &d.types
            && !types.contains(kind)
        {
            return Err(Refusal::Type {
                domain: domain.to_owned(),
                kind: kind.to_owned(),
                allowed: types.iter().cloned().collect::<Vec<_>>().join(", "),
            });
        }
        if severity < d.min_severity {
            return Err(Refusal::Severity {
                domain: domain.to_owned(),
                severity: severity.as_str(),
                min: d.min_severity.as_str(),
            });
        }
        Ok(d)
    }

    fn admit_fields(
        &self,
        domain: &str,
        reporter: &str,
        kind: &str,
        severity: Severity,
        ttl: u64,
    ) -> Result<(), Refusal> {
        let d = self.rules(domain, reporter, kind, severity)?;
        if let Some(max) = d.max_ttl
            && (ttl == 0 || ttl > max)
        {
            return Err(Refusal::Ttl {
                domain: domain.to_owned(),
                ttl: human_secs(ttl),
                max: human_secs(max),
            });
        }
        Ok(())
    }

    /// Whether a new event may enter the ledger.
    pub fn admit(&self, e: &Event) -> Result<(), Refusal> {
        self.admit_fields(&e.domain, &e.reporter, &e.kind, e.severity, e.ttl)
    }

    /// [`Policy::admit`] for an event not signed yet.
    pub fn admit_body(&self, b: &Body) -> Result<(), Refusal> {
        self.admit_fields(&b.domain, &b.reporter, &b.kind, b.severity, b.ttl)
    }

    /// For an event already in the log: its TTL clamped to the domain's
    /// maximum (0, permanent, becomes the maximum), or why it is ignored.
    pub fn effective_ttl(&self, e: &Event) -> Result<u64, Refusal> {
        let d = self.rules(&e.domain, &e.reporter, &e.kind, e.severity)?;
        Ok(match d.max_ttl {
            Some(max) if e.ttl == 0 || e.ttl > max => max,
            _ => e.ttl,
        })
    }
}

impl fmt::Display for Policy {
    /// A summary: k of n, then one line per domain.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "block when {} of {} domains agree",
            self.quorum,
            self.n()
        )?;
        for (name, d) in &self.domains {
            let types = d.types.as_ref().map_or("any type".to_owned(), |t| {
                t.iter().cloned().collect::<Vec<_>>().join(",")
            });
            let keys = d
                .keys
                .iter()
                .map(|k| &k[..16])
                .collect::<Vec<_>>()
                .join(",");
            writeln!(
                f,
                "{name}: {} key{} ({keys}); {types}; severity >= {}; max ttl {}",
                d.keys.len(),
                if d.keys.len() == 1 { "" } else { "s" },
                d.min_severity.as_str(),
                d.max_ttl.map_or("none".to_owned(), human_secs),
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    const B: &str = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    const C: &str = "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc";

    fn policy(text: &str) -> Result<Policy, String> {
        Policy::parse(text, Path::new("/etc/omni/policy.toml")).map_err(|e| e.to_string())
    }

    fn three(quorum: u32) -> Policy {
        policy(&format!(
            r#"
[block]
quorum = {quorum}

[domains.acme]
keys = ["{A}"]
types = ["malicious_ip", "brute_force"]
min_severity = "medium"
max_ttl = "24h"

[domains.globex]
keys = ["{B}"]

[domains.initech]
keys = ["{C}"]
"#
        ))
        .unwrap()
    }

    fn event(domain: &str, reporter: &str, kind: &str, severity: Severity, ttl: u64) -> Event {
        Event {
            v: 1,
            time: "1000".into(),
            kind: kind.into(),
            source: "192.0.2.1".parse().unwrap(),
            severity,
            ttl,
            meta: serde_json::Map::new(),
            domain: domain.into(),
            reporter: reporter.into(),
            sig: String::new(),
        }
    }

    #[test]
    fn a_valid_policy_parses_and_summarises() {
        let p = three(2);
        assert_eq!((p.quorum, p.n()), (2, 3));
        let acme = &p.domains["acme"];
        assert_eq!(acme.max_ttl, Some(86_400));
        assert_eq!(acme.min_severity, Severity::Medium);
        assert_eq!(p.domains["globex"].types, None);
        assert_eq!(p.owner(B), Some("globex"));
        let text = p.to_string();
        assert!(
            text.starts_with("block when 2 of 3 domains agree\n"),
            "{text}"
        );
        assert!(
            text.contains("acme: 1 key (aaaaaaaaaaaaaaaa); brute_force,malicious_ip; severity >= medium; max ttl 1d"),
            "{text}"
        );
        // No [block]: quorum 1.
        let one = policy(&format!("[domains.a]\nkeys = [\"{A}\"]\n")).unwrap();
        assert_eq!(one.quorum, 1);
    }

    #[test]
    fn admission_refuses_each_rule_with_a_precise_reason() {
        use Severity::*;
        let p = three(2);
        assert_eq!(
            p.admit(&event("acme", A, "malicious_ip", High, 3600)),
            Ok(())
        );
        assert_eq!(p.admit(&event("globex", B, "anything", Low, 0)), Ok(()));
        let refused = |e: Event| p.admit(&e).unwrap_err().to_string();
        assert_eq!(
            refused(event("umbrella", A, "malicious_ip", High, 60)),
            "domain \"umbrella\" is not in the trust policy"
        );
        // acme's key claiming to report for globex.
        let r = refused(event("globex", A, "malicious_ip", High, 60));
        assert!(
            r.contains("is not a key of domain \"globex\"") && r.contains("under \"acme\""),
            "{r}"
        );
        let unknown = "d".repeat(64);
        assert!(
            refused(event("acme", &unknown, "malicious_ip", High, 60)).contains("does not list it")
        );
        assert_eq!(
            refused(event("acme", A, "scanner", High, 60)),
            "domain \"acme\" may not report type \"scanner\" (its types: brute_force, malicious_ip)"
        );
        assert_eq!(
            refused(event("acme", A, "malicious_ip", Low, 60)),
            "severity low is below domain \"acme\"'s min_severity medium"
        );
        assert_eq!(
            refused(event("acme", A, "malicious_ip", High, 2 * 86_400)),
            "ttl 2d is above domain \"acme\"'s max_ttl 1d"
        );
        assert_eq!(
            refused(event("acme", A, "malicious_ip", High, 0)),
            "ttl 0 (permanent) is above domain \"acme\"'s max_ttl 1d"
        );
        // At derivation the TTL is clamped, the rest still refused.
        assert_eq!(
            p.effective_ttl(&event("acme", A, "malicious_ip", High, 7 * 86_400)),
            Ok(86_400)
        );
        assert_eq!(
            p.effective_ttl(&event("acme", A, "malicious_ip", High, 0)),
            Ok(86_400)
        );
        assert_eq!(
            p.effective_ttl(&event("acme", A, "malicious_ip", High, 60)),
            Ok(60)
        );
        assert!(
            p.effective_ttl(&event("acme", A, "scanner", High, 60))
                .is_err()
        );
        assert_eq!(
            p.effective_ttl(&event("globex", B, "scanner", Low, 0)),
            Ok(0),
            "no max_ttl: permanent stays permanent"
        );
    }

    #[test]
    fn bad_policies_are_refused_naming_the_line_and_field() {
        let cases: Vec<(String, &str)> = vec![
            ("[block]\nquorum = 1\n".into(), "no [domains.<name>] table"),
            (
                format!("[domains.a]\nkeys = [\"{A}\"]\nmin_severity = \"urgent\"\n"),
                "line 3, column 16: domains.a.min_severity: severity \"urgent\"",
            ),
            (
                format!("[domains.a]\nkeys = [\"{A}\"]\nmax_ttl = \"forever\"\n"),
                "line 3, column 11: domains.a.max_ttl: invalid duration",
            ),
            (
                format!("[domains.a]\nkeys = [\"{A}\"]\nmax_tl = \"1h\"\n"),
                "line 3, column 1: unknown field `max_tl`",
            ),
            (
                format!(
                    "[block]\nquorum = 3\n[domains.a]\nkeys = [\"{A}\"]\n[domains.b]\nkeys = [\"{B}\"]\n"
                ),
                "line 2, column 10: block.quorum: 3: must be between 1 and the number of domains (2)",
            ),
            (
                format!("[block]\nquorum = 0\n[domains.a]\nkeys = [\"{A}\"]\n"),
                "block.quorum: 0: must be between 1",
            ),
            (
                format!("[domains.a]\nkeys = [\"{A}\"]\n[domains.b]\nkeys = [\"{B}\", \"{A}\"]\n"),
                "line 4, column 77: domains.b.keys: key aaaa",
            ),
            ("[domains.a]\nkeys = []\n".into(), "domains.a.keys: no keys"),
            (
                "[domains.a]\nkeys = [\"abc\"]\n".into(),
                "domains.a.keys: \"abc\": expected a key id",
            ),
            (
                format!("[domains.a]\nkeys = [\"{A}\"]\ntypes = []\n"),
                "domains.a.types: an empty list allows nothing",
            ),
            (
                format!("[domains.a]\nkeys = [\"{A}\"]\ntypes = [\"Scanner\"]\n"),
                "domains.a.types: type \"Scanner\"",
            ),
            (
                format!("[domains.a]\nkeys = [\"{A}\"]\nmax_ttl = \"0s\"\n"),
                "domains.a.max_ttl: must be at least 1s",
            ),
            ("[domains.a\n".into(), "line 1"),
        ];
        for (text, says) in cases {
            let err = policy(&text).unwrap_err();
            assert!(err.starts_with("/etc/omni/policy.toml: "), "{err}");
            assert!(err.contains(says), "{text}\n→ {err}\n(wanted {says:?})");
        }
    }

    #[test]
    fn keys_may_be_pub_files_relative_to_the_policy() {
        let dir = tempfile::tempdir().unwrap();
        let key = crypto::generate_os().verifying_key();
        std::fs::create_dir(dir.path().join("keys")).unwrap();
        crypto::write_public_key(&dir.path().join("keys/acme.pub"), &key, false).unwrap();
        let path = dir.path().join(FILE);
        std::fs::write(&path, "[domains.acme]\nkeys = [\"keys/acme.pub\"]\n").unwrap();
        let p = Policy::load(&path).unwrap();
        let id = KeyId::of(&key).to_hex();
        assert_eq!(p.owner(&id), Some("acme"));
        std::fs::write(&path, "[domains.acme]\nkeys = [\"keys/gone.pub\"]\n").unwrap();
        let err = Policy::load(&path).unwrap_err();
        assert_eq!(err.exit(), Exit::NoInput, "{err}");
        assert!(err.to_string().contains("line 2"), "{err}");
        let missing = Policy::load(&dir.path().join("nope.toml")).unwrap_err();
        assert_eq!(missing.exit(), Exit::NoInput);
        // <dir>/policy.toml is found; a broken one is an error, not ignored.
        assert_eq!(
            Policy::find(dir.path(), None).unwrap_err().exit(),
            Exit::NoInput
        );
        std::fs::write(&path, "[domains.acme]\nkeys = [\"keys/acme.pub\"]\n").unwrap();
        assert_eq!(Policy::find(dir.path(), None).unwrap().unwrap().n(), 1);
        let empty = tempfile::tempdir().unwrap();
        assert!(Policy::find(empty.path(), None).unwrap().is_none());
    }
}
