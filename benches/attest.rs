//! `attest/verify/one` against `attest/ed25519-verify-strict`: the issue's
//! target is in-process verification of one attestation (signature + subject
//! digest) within 1.5x a bare strict Ed25519 verify. Fixtures are built
//! outside the timed closures.

use std::time::SystemTime;

use criterion::{Criterion, criterion_group, criterion_main};
use omni::runtime::crypto;
use omni::systems::attest::{self, AttestRequest, VerifyRequest};

fn verify(c: &mut Criterion) {
    let key = crypto::generate_os();
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("artifact");
    std::fs::write(&file, vec![7_u8; 4096]).expect("write");
    let request = AttestRequest {
        subjects: vec![file.clone()],
        predicate: None,
        expires: None,
        nonce: None,
        now: SystemTime::now(),
    };
    let (envelope, _) = attest::attest(&key, &request).expect("attest");
    let bytes = envelope.to_json();
    let verify_request = VerifyRequest {
        path: "a.json".into(),
        keys: vec![key.verifying_key()],
        subjects: vec![file],
        now: SystemTime::now(),
        revocations: None,
        nonce: None,
    };
    let message = b"a message of a typical statement's size, signed once".repeat(8);
    let signature = crypto::sign(&key, &message);

    let mut group = c.benchmark_group("attest");
    group.bench_function("ed25519-verify-strict", |b| {
        b.iter(|| assert!(crypto::verify(&key.verifying_key(), &message, &signature)));
    });
    group.bench_function("verify/one", |b| {
        b.iter(|| {
            assert!(
                attest::verify(&bytes, &verify_request)
                    .expect("verify")
                    .valid
            )
        });
    });
    group.finish();
}

criterion_group!(benches, verify);
criterion_main!(benches);
