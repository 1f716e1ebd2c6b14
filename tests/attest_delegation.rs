//! Delegation chains and revocation lists: every kind of widening is rejected
//! with the hop and the field, revocations are honoured, and lists are
//! signed and append-only.

use std::path::Path;
use std::process::Output;
use std::time::{Duration, SystemTime};

use omni::runtime::crypto::{self, SigningKey};
use omni::runtime::time::format_rfc3339;
use omni::systems::attest::delegation::{self, ChainFile};
use omni::systems::attest::statement::Validity;
use omni::systems::attest::{self, AttestRequest, VerifyRequest};

use crate::util::{omni, text};

const SLSA: &str = "https://slsa.dev/provenance/v1";

fn validity(days: u64) -> Validity {
    let now = SystemTime::now();
    Validity {
        nonce: None,
        issued_at: format_rfc3339(now),
        expires_at: Some(format_rfc3339(now + Duration::from_secs(days * 86_400))),
    }
}

/// Signs a hop from `issuer` to `to`, narrowing (or not) `parent`.
fn hop(
    issuer: &SigningKey,
    to: &SigningKey,
    types: &[&str],
    subjects: &[&str],
    depth: u32,
    days: u64,
    parent: Option<&delegation::Hop>,
) -> delegation::Hop {
    let grant = delegation::grant(
        &issuer.verifying_key(),
        &to.verifying_key(),
        types.iter().map(|s| s.to_string()).collect(),
        subjects.iter().map(|s| s.to_string()).collect(),
        depth,
        validity(days),
        parent.map(|p| p.id.clone()),
    )
    .unwrap();
    delegation::Hop::decode(&delegation::sign(issuer, &grant).to_raw()).unwrap()
}

/// Attests `name` as `signer` with `chain` embedded, then verifies against `root`.
fn verdict(
    root: &SigningKey,
    signer: &SigningKey,
    chain: &[&delegation::Hop],
    name: &str,
    days: u64,
) -> attest::Verdict {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(name);
    std::fs::write(&file, "artifact").unwrap();
    let request = AttestRequest {
        subjects: vec![file],
        predicate: Some((SLSA.into(), serde_json::json!({}))),
        expires: Some(Duration::from_secs(days * 86_400)),
        nonce: None,
        now: SystemTime::now(),
    };
    let (env, _) = attest::attest(signer, &request).unwrap();
    let chain = ChainFile {
        delegations: chain.iter().map(|h| h.envelope.to_raw()).collect(),
    };
    let bytes = attest::with_chain(&env, &chain);
    let req = VerifyRequest {
        path: "a.json".into(),
        keys: vec![root.verifying_key()],
        subjects: vec![],
        now: SystemTime::now(),
        revocations: None,
        nonce: None,
    };
    attest::verify(&bytes, &req).unwrap()
}

fn keys() -> (SigningKey, SigningKey, SigningKey) {
    (
        crypto::generate_os(),
        crypto::generate_os(),
        crypto::generate_os(),
    )
}

#[test]
fn a_narrowing_chain_of_two_hops_verifies() {
    let (root, dev, ci) = keys();
    let d1 = hop(
        &root,
        &dev,
        &[SLSA, "https://example.com/t"],
        &["dist/*"],
        1,
        30,
        None,
    );
    let d2 = hop(&dev, &ci, &[SLSA], &["dist/app-*.tar"], 0, 10, Some(&d1));
    // The file name is the subject name; it is a temp path, so match it by basename glob.
    let v = verdict(&root, &ci, &[&d1, &d2], "x", 5);
    // The subject here is a temp path, outside "dist/*": the scope check must say so.
    assert!(!v.valid);
    assert!(
        v.reason.as_deref().unwrap().starts_with("scope: subject "),
        "{:?}",
        v.reason
    );

    let d1 = hop(&root, &dev, &[SLSA], &["*"], 1, 30, None);
    let d2 = hop(&dev, &ci, &[SLSA], &["*/app-*.tar"], 0, 10, Some(&d1));
    let v = verdict(&root, &ci, &[&d1, &d2], "app-1.tar", 5);
    assert!(v.valid, "{:?}", v.reason);
}

#[test]
fn every_kind_of_widening_is_rejected_with_hop_and_field() {
    let (root, dev, ci) = keys();
    let d1 = hop(&root, &dev, &[SLSA], &["*/app-*"], 1, 30, None);
    let cases = [
        (
            hop(
                &dev,
                &ci,
                &[SLSA, "https://example.com/other"],
                &["*/app-*"],
                0,
                10,
                Some(&d1),
            ),
            "hop 2: widens predicate types",
        ),
        (
            hop(&dev, &ci, &[SLSA], &["*"], 0, 10, Some(&d1)),
            "hop 2: widens subjects",
        ),
        (
            hop(&dev, &ci, &[SLSA], &["*/app-*"], 1, 10, Some(&d1)),
            "hop 2: widens maxDepth",
        ),
        (
            hop(&dev, &ci, &[SLSA], &["*/app-*"], 0, 60, Some(&d1)),
            "hop 2: widens expiry",
        ),
    ];
    for (d2, want) in cases {
        let v = verdict(&root, &ci, &[&d1, &d2], "app-1.tar", 5);
        assert!(!v.valid);
        let reason = v.reason.unwrap();
        assert!(
            reason.starts_with(&format!("delegation: {want}")),
            "{reason}"
        );
    }
    // Depth: a hop with maxDepth 0 cannot be extended.
    let d1 = hop(&root, &dev, &[SLSA], &["*"], 0, 30, None);
    let d2 = hop(&dev, &ci, &[SLSA], &["*"], 0, 10, Some(&d1));
    let v = verdict(&root, &ci, &[&d1, &d2], "app-1.tar", 5);
    assert_eq!(
        v.reason.as_deref(),
        Some("delegation: hop 2: hop 1 may not delegate further (maxDepth 0)")
    );
}

#[test]
fn chains_must_start_at_a_root_and_be_signed_hop_by_hop() {
    let (root, dev, ci) = keys();
    let stranger = crypto::generate_os();
    let forged = hop(&stranger, &dev, &[SLSA], &["*"], 1, 30, None);
    let v = verdict(&root, &dev, &[&forged], "a", 5);
    assert_eq!(
        v.reason.as_deref(),
        Some("delegation: hop 1: not signed by a trusted root")
    );
    let d1 = hop(&root, &dev, &[SLSA], &["*"], 1, 30, None);
    // Hop 2 signed by someone other than hop 1's delegate.
    let d2 = hop(&stranger, &ci, &[SLSA], &["*"], 0, 10, Some(&d1));
    let v = verdict(&root, &ci, &[&d1, &d2], "a", 5);
    assert_eq!(
        v.reason.as_deref(),
        Some("delegation: hop 2: not signed by the delegate of hop 1")
    );
    // The attestation signed by a key other than the last delegate.
    let v = verdict(&root, &stranger, &[&d1], "a", 5);
    assert!(
        v.reason
            .as_deref()
            .unwrap()
            .starts_with("signature: the last delegate did not sign it"),
        "{:?}",
        v.reason
    );
    // An attestation outliving its delegation.
    let v = verdict(&root, &dev, &[&d1], "a", 60);
    assert_eq!(
        v.reason.as_deref(),
        Some("scope: the attestation outlives its delegation (it must expire no later)")
    );
}

#[test]
fn widening_is_rejected_for_random_globs() {
    // Whatever the globs, verification agrees with containment: a child
    // glob not covered by the parent's is rejected; a covered one passes.
    let (root, dev, ci) = keys();
    let globs = [
        "*", "a*", "*a", "a?", "a*b", "?b", "ab*", "*x*", "a??", "b*",
    ];
    let mut rng_state = 0x9e37_79b9_u32;
    let mut next = |n: usize| {
        rng_state ^= rng_state << 13;
        rng_state ^= rng_state >> 17;
        rng_state ^= rng_state << 5;
        rng_state as usize % n
    };
    for _ in 0..40 {
        let (p, c) = (globs[next(globs.len())], globs[next(globs.len())]);
        let d1 = hop(&root, &dev, &[SLSA], &[p], 1, 30, None);
        let d2 = hop(&dev, &ci, &[SLSA], &[c], 0, 10, Some(&d1));
        let v = verdict(&root, &ci, &[&d1, &d2], "zzz", 5);
        let widened = v
            .reason
            .as_deref()
            .is_some_and(|r| r.starts_with("delegation: hop 2: widens subjects"));
        assert_eq!(
            widened,
            !delegation::covers(p, c),
            "parent {p:?} child {c:?}: {:?}",
            v.reason
        );
    }
}

// ---- through the binary ----

fn run(home: &Path, args: &[&str]) -> Output {
    omni(home)
        .current_dir(home)
        .arg("attest")
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn delegate_attest_verify_and_revoke_through_the_binary() {
    let h = tempfile::tempdir().unwrap();
    let home = h.path();
    for dir in ["root", "dev"] {
        assert!(run(home, &["init", "--dir", dir]).status.success());
    }
    std::fs::write(home.join("app-1.tar"), "a").unwrap();
    std::fs::write(home.join("p.json"), "{}").unwrap();
    let out = run(
        home,
        &[
            "delegate",
            "--dir",
            "root",
            "--to",
            "dev/signing.pub",
            "--predicate-types",
            SLSA,
            "--subjects",
            "app-*.tar",
            "--expires",
            "30d",
            "-o",
            "d1.json",
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    let attest_args = |out_file: &'static str| -> Vec<&'static str> {
        vec![
            "attest",
            "--dir",
            "dev",
            "--subject",
            "app-1.tar",
            "--predicate-type",
            SLSA,
            "--predicate",
            "p.json",
            "--expires",
            "7d",
            "--delegation",
            "d1.json",
            "-o",
            out_file,
        ]
    };
    assert!(run(home, &attest_args("a.json")).status.success());
    assert!(run(home, &attest_args("b.json")).status.success());
    let ok = run(
        home,
        &[
            "verify",
            "a.json",
            "--trust-root",
            "root/signing.pub",
            "--subject",
            "app-1.tar",
        ],
    );
    assert_eq!(ok.status.code(), Some(0), "{}", text(&ok));

    // The CLI refuses to write a widening delegation.
    assert!(run(home, &["init", "--dir", "ci"]).status.success());
    let out = run(
        home,
        &[
            "delegate",
            "--dir",
            "dev",
            "--parent",
            "d1.json",
            "--to",
            "ci/signing.pub",
            "--predicate-types",
            SLSA,
            "--subjects",
            "*",
            "--expires",
            "1d",
            "-o",
            "d2.json",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out).contains("hop 2: hop 1 may not delegate further (maxDepth 0)"),
        "{}",
        text(&out)
    );
    assert!(!home.join("d2.json").exists());

    // Revoking one attestation leaves the key and its other attestations valid.
    let out = run(
        home,
        &[
            "revoke",
            "--dir",
            "root",
            "--attestation",
            "a.json",
            "--reason",
            "bad build",
            "--list",
            "rev.json",
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    let out = run(
        home,
        &[
            "verify",
            "a.json",
            "--trust-root",
            "root/signing.pub",
            "--revocations",
            "rev.json",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out).contains("revocation: attestation ") && text(&out).contains("bad build"),
        "{}",
        text(&out)
    );
    let out = run(
        home,
        &[
            "verify",
            "b.json",
            "--trust-root",
            "root/signing.pub",
            "--revocations",
            "rev.json",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));

    // Revoking the delegate's key revokes everything it signed; the first entry stays (append-only).
    let dev_id =
        crypto::KeyId::of(&crypto::read_public_key(&home.join("dev/signing.pub")).unwrap())
            .to_hex();
    let out = run(
        home,
        &[
            "revoke",
            "--dir",
            "root",
            "--key-id",
            &dev_id,
            "--reason",
            "laptop stolen",
            "--list",
            "rev.json",
            "--format",
            "json",
        ],
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["entries"], 2);
    let out = run(
        home,
        &[
            "verify",
            "b.json",
            "--trust-root",
            "root/signing.pub",
            "--revocations",
            "rev.json",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out).contains("laptop stolen"));

    // A list edited without re-signing, or signed by an untrusted key, is refused.
    let mut env: serde_json::Value =
        serde_json::from_slice(&std::fs::read(home.join("rev.json")).unwrap()).unwrap();
    env["payload"] = serde_json::json!("eyJfdHlwZSI6IngifQ==");
    std::fs::write(home.join("edited.json"), env.to_string()).unwrap();
    let out = run(
        home,
        &[
            "verify",
            "b.json",
            "--trust-root",
            "root/signing.pub",
            "--revocations",
            "edited.json",
        ],
    );
    assert_eq!(out.status.code(), Some(65));
    assert!(
        text(&out).contains("not signed by a trusted key"),
        "{}",
        text(&out)
    );
    let out = run(
        home,
        &[
            "revoke",
            "--dir",
            "dev",
            "--attestation",
            "b.json",
            "--reason",
            "x",
            "--list",
            "rev.json",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(65),
        "another authority cannot append to the list: {}",
        text(&out)
    );
}
