//! `omni attest serve` over HTTPS with a real client (curl): challenge →
//! attest → verify, replay refused with 409, oversized bodies refused, the
//! health and metrics endpoints, revocations, and graceful SIGTERM.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};

use crate::util::{omni, skip};

struct Server {
    child: Child,
    url: String,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn have(tool: &str) -> bool {
    Command::new(tool).arg("--version").output().is_ok()
}

fn start(home: &Path, extra: &[&str]) -> Server {
    let mut child = omni(home)
        .current_dir(home)
        .args([
            "attest",
            "serve",
            "--port",
            "0",
            "--tls-cert",
            "tls.crt",
            "--tls-key",
            "tls.key",
        ])
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let url = line
        .trim()
        .strip_prefix("listening on ")
        .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
        .to_string();
    assert!(url.starts_with("https://127.0.0.1:"), "{url}");
    Server { child, url }
}

fn curl(home: &Path, args: &[&str]) -> (u16, String) {
    let out: Output = Command::new("curl")
        .current_dir(home)
        .args([
            "-s",
            "--max-time",
            "10",
            "--cacert",
            "tls.crt",
            "-w",
            "\n%{http_code}",
        ])
        .args(args)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let (body, code) = text.rsplit_once('\n').unwrap_or(("", "0"));
    (code.parse().unwrap_or(0), body.to_string())
}

fn setup(home: &Path) -> bool {
    if !have("curl") || !have("openssl") {
        skip("attest_serve", "curl or openssl is not installed");
        return false;
    }
    let ok = Command::new("openssl")
        .current_dir(home)
        .args([
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-nodes",
            "-keyout",
            "tls.key",
            "-out",
            "tls.crt",
            "-days",
            "1",
            "-subj",
            "/CN=localhost",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
        ])
        .output()
        .unwrap()
        .status
        .success();
    assert!(ok, "openssl could not make a test certificate");
    assert!(
        omni(home)
            .current_dir(home)
            .args(["attest", "init"])
            .status()
            .unwrap()
            .success()
    );
    std::fs::write(home.join("app.tar"), "release\n").unwrap();
    true
}

fn nonce(home: &Path, url: &str) -> String {
    let (code, body) = curl(home, &["-X", "POST", &format!("{url}/v1/challenge")]);
    assert_eq!(code, 200, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["ttlSeconds"], 60);
    v["nonce"].as_str().unwrap().to_string()
}

#[test]
fn challenge_attest_verify_and_replay_over_https() {
    let h = tempfile::tempdir().unwrap();
    let home = h.path();
    if !setup(home) {
        return;
    }
    let server = start(home, &[]);
    let url = &server.url;
    let (code, body) = curl(home, &[&format!("{url}/healthz")]);
    assert_eq!((code, body.trim()), (200, "ok"));
    let (code, _) = curl(home, &[&format!("{url}/readyz")]);
    assert_eq!(code, 200);

    let n = nonce(home, url);
    let made = omni(home)
        .current_dir(home)
        .args([
            "attest",
            "attest",
            "--subject",
            "app.tar",
            "--nonce",
            &n,
            "-o",
            "a.json",
        ])
        .output()
        .unwrap();
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let verify_url = format!("{url}/v1/verify?nonce={n}");
    let (code, body) = curl(home, &["--data-binary", "@a.json", &verify_url]);
    assert_eq!(code, 200, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["valid"], true, "{v}");
    assert!(
        v["checks"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c["check"] == "nonce" && c["ok"] == true)
    );

    // The same nonce again: refused, whatever the body.
    let (code, body) = curl(home, &["--data-binary", "@a.json", &verify_url]);
    assert_eq!(code, 409, "{body}");
    assert!(body.contains("already used"));
    // A nonce nobody issued.
    let (code, _) = curl(
        home,
        &[
            "--data-binary",
            "@a.json",
            &format!("{url}/v1/verify?nonce={}", "ab".repeat(32)),
        ],
    );
    assert_eq!(code, 409);

    // A fresh challenge that the attestation does not carry: a negative verdict.
    let other = nonce(home, url);
    let (code, body) = curl(
        home,
        &[
            "--data-binary",
            "@a.json",
            &format!("{url}/v1/verify?nonce={other}"),
        ],
    );
    assert_eq!(code, 200);
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(v["valid"], false);
    assert!(
        v["reason"]
            .as_str()
            .unwrap()
            .starts_with("nonce: carries nonce "),
        "{v}"
    );

    // Oversized and malformed bodies.
    std::fs::write(home.join("big.bin"), vec![b' '; 2 << 20]).unwrap();
    let (code, _) = curl(
        home,
        &["--data-binary", "@big.bin", &format!("{url}/v1/verify")],
    );
    assert_eq!(code, 413);
    let (code, body) = curl(
        home,
        &["--data-binary", "not json", &format!("{url}/v1/verify")],
    );
    assert_eq!(code, 400, "{body}");

    let (_, metrics) = curl(home, &[&format!("{url}/metrics")]);
    for want in [
        "omni_attest_verifications_total{result=\"valid\"} 1",
        "omni_attest_verifications_total{result=\"invalid\"} 1",
        "omni_attest_verifications_total{result=\"replayed\"} 2",
        "omni_attest_verifications_total{result=\"malformed\"} 1",
    ] {
        assert!(metrics.contains(want), "metrics lack {want}:\n{metrics}");
    }
    // Plain HTTP is not served.
    let plain = Command::new("curl")
        .args(["-s", "--max-time", "5", &url.replace("https", "http")])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&plain.stdout).contains("ok"));
}

#[test]
fn revocations_are_served_and_honoured_and_sigterm_is_graceful() {
    let h = tempfile::tempdir().unwrap();
    let home = h.path();
    if !setup(home) {
        return;
    }
    let run = |args: &[&str]| {
        omni(home)
            .current_dir(home)
            .arg("attest")
            .args(args)
            .output()
            .unwrap()
    };
    assert!(
        run(&["attest", "--subject", "app.tar", "-o", "a.json"])
            .status
            .success()
    );
    assert!(
        run(&[
            "revoke",
            "--attestation",
            "a.json",
            "--reason",
            "recalled",
            "--list",
            "rev.json"
        ])
        .status
        .success()
    );
    let mut server = start(home, &["--revocations", "rev.json"]);
    let url = server.url.clone();
    let (code, body) = curl(home, &[&format!("{url}/v1/revocations")]);
    assert_eq!(code, 200);
    assert_eq!(
        body.trim_end(),
        std::fs::read_to_string(home.join("rev.json"))
            .unwrap()
            .trim_end()
    );
    let (code, body) = curl(
        home,
        &["--data-binary", "@a.json", &format!("{url}/v1/verify")],
    );
    assert_eq!(code, 200);
    let v: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert!(
        v["reason"]
            .as_str()
            .unwrap()
            .starts_with("revocation: attestation "),
        "{v}"
    );

    // SIGTERM: the server ends by itself with exit 0.
    // SAFETY: kill(2) on our own child's pid.
    unsafe { libc::kill(server.child.id() as i32, libc::SIGTERM) };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    let status = loop {
        if let Some(s) = server.child.try_wait().unwrap() {
            break s;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no exit after SIGTERM"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    assert_eq!(status.code(), Some(0));
}

#[test]
fn serve_refuses_bad_tls_material_and_public_addresses() {
    let h = tempfile::tempdir().unwrap();
    let home = h.path();
    if !setup(home) {
        return;
    }
    let out = omni(home)
        .current_dir(home)
        .args([
            "attest",
            "serve",
            "--port",
            "0",
            "--tls-cert",
            "missing.crt",
            "--tls-key",
            "tls.key",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(66),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::write(home.join("junk.crt"), "not a certificate").unwrap();
    let out = omni(home)
        .current_dir(home)
        .args([
            "attest",
            "serve",
            "--port",
            "0",
            "--tls-cert",
            "junk.crt",
            "--tls-key",
            "tls.key",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(65),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = omni(home)
        .current_dir(home)
        .args([
            "attest",
            "serve",
            "--port",
            "0",
            "--listen",
            "0.0.0.0",
            "--tls-cert",
            "tls.crt",
            "--tls-key",
            "tls.key",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(78),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
