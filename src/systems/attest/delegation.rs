//! Delegation: a signed grant that lets another key attest within narrower
//! bounds, and chains of such grants back to a trusted root.
//!
//! A delegation is a DSSE envelope (payload type
//! [`DELEGATION_PAYLOAD_TYPE`]) holding a [`Grant`]: the delegate's public
//! key, the predicate types and subject-name globs it may attest, how many
//! further hops it may delegate (`maxDepth`), its validity window, and its
//! parent's id. A delegation's id is the hex SHA-256 of its payload bytes, so
//! it names exactly what was signed. Files hold a whole chain, root first:
//! `{"delegations": [envelope, …]}`.
//!
//! # Rules (checked hop by hop; each violation names the hop and the field)
//! - Hop 1 is signed by a trusted root; hop n+1 by hop n's delegate, and its
//!   `parent` is hop n's id.
//! - A hop may only narrow: its predicate types are a subset of its parent's,
//!   every subject glob is contained in one of its parent's (see [`covers`]),
//!   `maxDepth` is at most the parent's minus one, and it expires no later
//!   than its parent. The chain below hop n has at most hop n's `maxDepth`
//!   further hops.
//! - The attestation at the end is signed by the last delegate, its predicate
//!   type and every subject name are within the last grant, and it expires no
//!   later than the last grant.
//!
//! Globs use `*` (any run of characters, `/` included) and `?` (one
//! character); `[` is refused so that containment stays decidable exactly.

use serde::{Deserialize, Serialize};

use crate::runtime::crypto::{self, KeyId, SigningKey, VerifyingKey};
use crate::runtime::time::parse_rfc3339;

use super::dsse::{Envelope, RawEnvelope};
use super::statement::Validity;

/// The DSSE payload type of delegations.
pub const DELEGATION_PAYLOAD_TYPE: &str = "application/vnd.omni.delegation+json";
/// The `_type` of a grant.
pub const GRANT_V1: &str = "https://omni.dev/attest/Delegation/v1";

/// The delegate a grant names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Delegate {
    /// Its key id.
    pub keyid: String,
    /// Its public key, 64 hex digits.
    pub public_key: String,
}

/// What a delegation grants.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Grant {
    /// Always [`GRANT_V1`].
    #[serde(rename = "_type")]
    pub type_: String,
    /// The key id of the signer.
    pub issuer: String,
    /// Who may attest.
    pub delegate: Delegate,
    /// Predicate types the delegate may attest.
    pub predicate_types: Vec<String>,
    /// Globs over subject names the delegate may attest.
    pub subjects: Vec<String>,
    /// How many further hops the delegate may delegate (0: none).
    pub max_depth: u32,
    /// When it was made and when it ends.
    pub validity: Validity,
    /// The id of the grant this one narrows, if it is not the first hop.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
}

/// A chain file: delegations, root first.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ChainFile {
    /// The envelopes (none in an attestation made directly by a root).
    #[serde(default)]
    pub delegations: Vec<RawEnvelope>,
}

/// One decoded hop.
#[derive(Debug, Clone)]
pub struct Hop {
    /// The envelope as signed.
    pub envelope: Envelope,
    /// Its grant.
    pub grant: Grant,
    /// Its id: hex SHA-256 of the payload.
    pub id: String,
}

impl Hop {
    /// Decodes an envelope into a hop (no signature check yet).
    pub fn decode(raw: &RawEnvelope) -> Result<Hop, String> {
        let json = serde_json::to_vec(raw).map_err(|e| e.to_string())?;
        let envelope = Envelope::parse(&json).map_err(|e| e.to_string())?;
        if envelope.payload_type != DELEGATION_PAYLOAD_TYPE {
            return Err(format!(
                "payload type {:?} is not {DELEGATION_PAYLOAD_TYPE}",
                envelope.payload_type
            ));
        }
        let grant: Grant = serde_json::from_slice(&envelope.payload)
            .map_err(|e| format!("not a delegation: {e}"))?;
        if grant.type_ != GRANT_V1 {
            return Err(format!("_type {:?} is not {GRANT_V1}", grant.type_));
        }
        for g in &grant.subjects {
            check_glob(g)?;
        }
        let id = crypto::sha256(&envelope.payload).to_hex();
        Ok(Hop {
            envelope,
            grant,
            id,
        })
    }

    /// The delegate's key.
    pub fn delegate_key(&self) -> Result<VerifyingKey, String> {
        crypto::parse_public_key(&self.grant.delegate.public_key)
            .map_err(|e| format!("delegate public key: {e}"))
    }

    /// When it expires.
    pub fn expires(&self) -> Result<std::time::SystemTime, String> {
        let text = self
            .grant
            .validity
            .expires_at
            .as_deref()
            .ok_or("a delegation must expire (validity.expiresAt)")?;
        parse_rfc3339(text)
            .ok_or_else(|| format!("validity.expiresAt {text:?} is not an RFC 3339 UTC time"))
    }
}

/// Signs a grant into a delegation envelope.
pub fn sign(key: &SigningKey, grant: &Grant) -> Envelope {
    // NB: a grant of strings and numbers always serialises.
    let payload = serde_json::to_vec(grant).unwrap_or_default();
    Envelope::sign(key, DELEGATION_PAYLOAD_TYPE, payload)
}

/// Makes the grant for a new hop.
#[allow(clippy::too_many_arguments)]
pub fn grant(
    issuer: &VerifyingKey,
    delegate: &VerifyingKey,
    predicate_types: Vec<String>,
    subjects: Vec<String>,
    max_depth: u32,
    validity: Validity,
    parent: Option<String>,
) -> Result<Grant, String> {
    for g in &subjects {
        check_glob(g)?;
    }
    Ok(Grant {
        type_: GRANT_V1.to_string(),
        issuer: KeyId::of(issuer).to_hex(),
        delegate: Delegate {
            keyid: KeyId::of(delegate).to_hex(),
            public_key: hex::encode(delegate.as_bytes()),
        },
        predicate_types,
        subjects,
        max_depth,
        validity,
        parent,
    })
}

/// Refuses glob syntax whose containment omni cannot decide exactly.
pub fn check_glob(glob: &str) -> Result<(), String> {
    if glob.is_empty() {
        return Err("an empty subject glob matches nothing".into());
    }
    if glob.contains(['[', ']', '{', '}', '\\']) {
        return Err(format!(
            "subject glob {glob:?}: only `*` and `?` are supported"
        ));
    }
    Ok(())
}

/// Whether `name` matches `glob` (`*` any run, `?` one character).
pub fn matches(glob: &str, name: &str) -> bool {
    let (g, n): (Vec<char>, Vec<char>) = (glob.chars().collect(), name.chars().collect());
    // Iterative wildcard matching with one backtrack point per `*`.
    let (mut gi, mut ni, mut star, mut mark) = (0, 0, None, 0);
    while ni < n.len() {
        if gi < g.len() && (g[gi] == '?' || g[gi] == n[ni]) && g[gi] != '*' {
            gi += 1;
            ni += 1;
        } else if gi < g.len() && g[gi] == '*' {
            star = Some(gi);
            mark = ni;
            gi += 1;
        } else if let Some(s) = star {
            gi = s + 1;
            mark += 1;
            ni = mark;
        } else {
            return false;
        }
    }
    g[gi..].iter().all(|c| *c == '*')
}

/// Whether every name `inner` matches is also matched by `outer`.
///
/// Sound by construction: a `*` of `inner` (any run) may only be absorbed by
/// a `*` of `outer`; a `?` of `inner` by a `?` or a `*` of `outer`; a literal
/// by the same literal, a `?` or a `*`.
pub fn covers(outer: &str, inner: &str) -> bool {
    let (q, p): (Vec<char>, Vec<char>) = (outer.chars().collect(), inner.chars().collect());
    // memo[i][j]: outer[i..] covers inner[j..].
    let mut memo = vec![vec![None; p.len() + 1]; q.len() + 1];
    fn go(q: &[char], p: &[char], i: usize, j: usize, memo: &mut Vec<Vec<Option<bool>>>) -> bool {
        if let Some(v) = memo[i][j] {
            return v;
        }
        let v = if i == q.len() {
            j == p.len()
        } else if q[i] == '*' {
            go(q, p, i + 1, j, memo) || (j < p.len() && go(q, p, i, j + 1, memo))
        } else if j == p.len() {
            false
        } else if q[i] == '?' {
            p[j] != '*' && go(q, p, i + 1, j + 1, memo)
        } else {
            p[j] == q[i] && go(q, p, i + 1, j + 1, memo)
        };
        memo[i][j] = Some(v);
        v
    }
    go(&q, &p, 0, 0, &mut memo)
}

/// Checks that `child` (hop number `n`, counting from 1) only narrows
/// `parent`; the error is the reason, naming the hop and the field.
pub fn check_narrowing(parent: &Hop, child: &Hop, n: usize) -> Result<(), String> {
    let (p, c) = (&parent.grant, &child.grant);
    if p.max_depth == 0 {
        return Err(format!(
            "hop {n}: hop {} may not delegate further (maxDepth 0)",
            n - 1
        ));
    }
    if c.max_depth > p.max_depth - 1 {
        return Err(format!(
            "hop {n}: widens maxDepth to {} (hop {} allows at most {})",
            c.max_depth,
            n - 1,
            p.max_depth - 1
        ));
    }
    if let Some(t) = c
        .predicate_types
        .iter()
        .find(|t| !p.predicate_types.contains(t))
    {
        return Err(format!(
            "hop {n}: widens predicate types: {t} is not granted by hop {}",
            n - 1
        ));
    }
    if let Some(g) = c
        .subjects
        .iter()
        .find(|g| !p.subjects.iter().any(|pg| covers(pg, g)))
    {
        return Err(format!(
            "hop {n}: widens subjects: {g:?} is not within {:?} of hop {}",
            p.subjects,
            n - 1
        ));
    }
    if child.expires()? > parent.expires()? {
        return Err(format!(
            "hop {n}: widens expiry: {} is after hop {}'s {}",
            c.validity.expires_at.as_deref().unwrap_or_default(),
            n - 1,
            p.validity.expires_at.as_deref().unwrap_or_default()
        ));
    }
    Ok(())
}

/// A verified chain: the key that may attest at its end, within `last`.
#[derive(Debug, Clone)]
pub struct Verified {
    /// The last delegate's key.
    pub delegate: VerifyingKey,
    /// The hops, root first.
    pub hops: Vec<Hop>,
}

impl Verified {
    /// The grant the attestation must stay within.
    pub fn last(&self) -> &Grant {
        // NB: a verified chain has at least one hop.
        &self.hops[self.hops.len() - 1].grant
    }
}

/// Verifies a chain against trusted roots at time `now`; the error is the
/// reason the chain does not hold.
pub fn verify_chain(
    hops: Vec<Hop>,
    roots: &[VerifyingKey],
    now: std::time::SystemTime,
) -> Result<Verified, String> {
    let Some(first) = hops.first() else {
        return Err("the chain is empty".into());
    };
    if first.grant.parent.is_some() {
        return Err("hop 1: names a parent that is not in the chain".into());
    }
    let mut signer = roots
        .iter()
        .find(|k| first.envelope.verified_by(k).is_some())
        .copied()
        .ok_or("hop 1: not signed by a trusted root")?;
    for (i, hop) in hops.iter().enumerate() {
        let n = i + 1;
        if i > 0 {
            let parent = &hops[i - 1];
            if hop.envelope.verified_by(&signer).is_none() {
                return Err(format!(
                    "hop {n}: not signed by the delegate of hop {}",
                    n - 1
                ));
            }
            if hop.grant.parent.as_deref() != Some(parent.id.as_str()) {
                return Err(format!(
                    "hop {n}: its parent is not hop {} ({})",
                    n - 1,
                    parent.id
                ));
            }
            check_narrowing(parent, hop, n)?;
        }
        if hop.grant.issuer != KeyId::of(&signer).to_hex() {
            return Err(format!(
                "hop {n}: the issuer field does not name its signer"
            ));
        }
        let expires = hop.expires().map_err(|e| format!("hop {n}: {e}"))?;
        if now > expires {
            return Err(format!(
                "hop {n}: expired at {}",
                hop.grant.validity.expires_at.as_deref().unwrap_or_default()
            ));
        }
        let key = hop.delegate_key().map_err(|e| format!("hop {n}: {e}"))?;
        if KeyId::of(&key).to_hex() != hop.grant.delegate.keyid {
            return Err(format!(
                "hop {n}: the delegate key id does not match its public key"
            ));
        }
        signer = key;
    }
    Ok(Verified {
        delegate: signer,
        hops,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glob_matching() {
        assert!(matches("dist/*.tar", "dist/app-1.tar"));
        assert!(matches("dist/*", "dist/a/b"));
        assert!(matches("a?c", "abc"));
        assert!(!matches("a?c", "abbc"));
        assert!(!matches("dist/*.tar", "dist/app.zip"));
        assert!(matches("*", ""));
        assert!(matches("**x", "yx"));
    }

    #[test]
    fn containment_is_sound() {
        assert!(covers("dist/*", "dist/app-*.tar"));
        assert!(covers("*", "anything*?"));
        assert!(covers("a*", "a?c"));
        assert!(covers("a?c", "abc"));
        assert!(!covers("a?c", "a*c"), "a*c matches abbc, a?c does not");
        assert!(!covers("dist/*.tar", "dist/*"));
        assert!(!covers("app-?", "app-*"));
        assert!(!covers("x", "x*"));
    }

    #[test]
    fn containment_agrees_with_matching_on_samples() {
        // Brute force: whenever covers(q, p) holds, every sample p matches is matched by q.
        let globs = [
            "*", "a*", "*a", "a?", "?a", "a*b", "a?b", "ab", "*b*", "a**", "?", "??", "a*?",
        ];
        let names = [
            "", "a", "b", "ab", "ba", "aab", "abb", "a*b", "axb", "aaa", "bab", "abab",
        ];
        for q in globs {
            for p in globs {
                if covers(q, p) {
                    for n in names {
                        assert!(
                            !matches(p, n) || matches(q, n),
                            "covers({q:?}, {p:?}) but {n:?}"
                        );
                    }
                }
            }
        }
    }
}
