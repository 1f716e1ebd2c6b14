//! In-process TPM2 quote verification against `tpm2_checkquote` on the same
//! committed quote (tests/data/attest/tpm2-quote: 5 sha256 PCRs, ECDSA P-256).
//!
//! Ids: `attest-quote/verify` (parsed quote, values and key: the hot path),
//! `attest-quote/parse-verify` (from the tpm2-tools bytes and PEM),
//! `attest-quote/tpm2_checkquote` (the peer, one process per check; skipped
//! when tpm2-tools is not installed).

// A bench reports what it measures on stderr, like criterion itself.
#![allow(clippy::print_stderr)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use criterion::{Criterion, criterion_group, criterion_main};
use omni::systems::attest::quote::{self, AkPublic, PcrValues, Quote, QuoteVerdict};

const NONCE: &[u8] = &[0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77];

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/attest/tpm2-quote")
}

fn read(name: &str) -> Vec<u8> {
    std::fs::read(dir().join(name)).expect("fixture")
}

fn bench(c: &mut Criterion) {
    let (msg, sig, pcr_file) = (read("q.msg"), read("q.sig"), read("q.pcrs"));
    let pem = String::from_utf8(read("ak.pem")).expect("pem");
    let quote = Quote::parse(&msg, &sig).expect("quote");
    let pcrs = PcrValues::from_tpm2_tools(&pcr_file).expect("pcrs");
    let ak = AkPublic::from_pem(&pem).expect("ak");
    assert_eq!(
        quote::verify(&quote, &pcrs, &ak, NONCE, None),
        QuoteVerdict::Valid
    );

    let mut group = c.benchmark_group("attest-quote");
    group.bench_function("verify", |b| {
        b.iter(|| quote::verify(&quote, &pcrs, &ak, NONCE, None))
    });
    group.bench_function("parse-verify", |b| {
        b.iter(|| {
            let quote = Quote::parse(&msg, &sig).expect("quote");
            let pcrs = PcrValues::from_tpm2_tools(&pcr_file).expect("pcrs");
            let ak = AkPublic::from_pem(&pem).expect("ak");
            quote::verify(&quote, &pcrs, &ak, NONCE, None)
        })
    });
    let checkquote = ["/usr/bin", "/usr/local/bin", "/bin"]
        .iter()
        .map(|d| Path::new(d).join("tpm2_checkquote"))
        .find(|p| p.exists());
    match checkquote {
        Some(tool) => {
            group.bench_function("tpm2_checkquote", |b| {
                b.iter(|| {
                    let status = Command::new(&tool)
                        .current_dir(dir())
                        .args(["-u", "ak.pem", "-m", "q.msg", "-s", "q.sig", "-f", "q.pcrs"])
                        .args(["-g", "sha256", "-q", "0011223344556677"])
                        .stdout(Stdio::null())
                        .stderr(Stdio::null())
                        .status()
                        .expect("tpm2_checkquote");
                    assert!(status.success());
                })
            });
        }
        None => eprintln!("attest-quote/tpm2_checkquote: tpm2-tools not installed, skipped"),
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
