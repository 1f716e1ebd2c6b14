//! `omni attest` init / attest / verify through the binary, interop with
//! securesystemslib (the reference DSSE implementation), and tamper checks.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, SystemTime};

use omni::runtime::crypto;
use omni::systems::attest::{self, AttestRequest, VerifyRequest};

use crate::util::{omni, skip, text};

struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        Home {
            dir: tempfile::tempdir().unwrap(),
        }
    }
    fn path(&self) -> &Path {
        self.dir.path()
    }
    fn file(&self, name: &str, body: &str) -> PathBuf {
        let p = self.path().join(name);
        std::fs::write(&p, body).unwrap();
        p
    }
    fn run(&self, args: &[&str]) -> Output {
        omni(self.path())
            .current_dir(self.path())
            .arg("attest")
            .args(args)
            .output()
            .unwrap()
    }
    fn authority(&self) -> PathBuf {
        self.path().join("data/omni/attest")
    }
}

fn code(out: &Output) -> Option<i32> {
    out.status.code()
}

#[test]
fn init_attest_verify_round_trip() {
    let h = Home::new();
    let out = h.run(&["init"]);
    assert_eq!(code(&out), Some(0), "{}", text(&out));
    let key = h.authority().join("signing.key");
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&key).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert!(
        !text(&out).contains("PRIVATE KEY"),
        "the private key is never printed"
    );

    h.file("app.tar", "release 1\n");
    h.file("notes.txt", "notes\n");
    let out = h.run(&[
        "attest",
        "--subject",
        "app.tar",
        "--subject",
        "notes.txt",
        "--expires",
        "30d",
        "--output",
        "a.json",
    ]);
    assert_eq!(code(&out), Some(0), "{}", text(&out));
    let out = h.run(&[
        "verify",
        "a.json",
        "--subject",
        "app.tar",
        "--subject",
        "notes.txt",
        "--format",
        "json",
    ]);
    assert_eq!(code(&out), Some(0), "{}", text(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["valid"], true);
    let digests = &v["subjects"][0]["digest"];
    let sha = crypto::sha256(b"release 1\n").to_hex();
    assert_eq!(digests["sha256"], sha.as_str());
    assert_eq!(
        digests["blake3"],
        crypto::blake3(b"release 1\n").to_hex().as_str()
    );

    // The alias behaves the same.
    let mut alias = omni(h.path());
    std::os::unix::process::CommandExt::arg0(&mut alias, "attestation-cli");
    let out = alias
        .current_dir(h.path())
        .args(["verify", "a.json"])
        .output()
        .unwrap();
    assert_eq!(code(&out), Some(0), "{}", text(&out));
}

#[test]
fn a_changed_subject_is_named_with_exit_1() {
    let h = Home::new();
    h.run(&["init"]);
    h.file("app.tar", "release 1\n");
    h.run(&["attest", "--subject", "app.tar", "-o", "a.json"]);
    h.file("app.tar", "release 1 with a backdoor\n");
    let out = h.run(&["verify", "a.json", "--subject", "app.tar"]);
    assert_eq!(code(&out), Some(1));
    let first = String::from_utf8_lossy(&out.stdout)
        .lines()
        .next()
        .unwrap_or_default()
        .to_string();
    assert!(
        first.starts_with("invalid: a.json: subject: app.tar: sha256 "),
        "{first}"
    );
    assert!(first.contains("differs from the attested"), "{first}");
    let other = h.file("other.bin", "x");
    let out = h.run(&["verify", "a.json", "--subject", other.to_str().unwrap()]);
    assert_eq!(code(&out), Some(1));
    assert!(text(&out).contains("matches no attested subject"));
}

#[test]
fn untrusted_or_tampered_envelopes_fail_the_signature_check() {
    let h = Home::new();
    h.run(&["init"]);
    h.file("app.tar", "x\n");
    h.run(&["attest", "--subject", "app.tar", "-o", "a.json"]);
    // A key that did not sign it.
    let stranger = crypto::generate_os();
    let pem = h.path().join("stranger.pub");
    crypto::write_public_key(&pem, &stranger.verifying_key(), false).unwrap();
    let out = h.run(&["verify", "a.json", "--key", pem.to_str().unwrap()]);
    assert_eq!(code(&out), Some(1));
    assert!(
        text(&out).contains("signature: no trusted key verifies it"),
        "{}",
        text(&out)
    );

    // A payload edited after signing: the statement is re-encoded with a new subject digest.
    let mut env: serde_json::Value =
        serde_json::from_slice(&std::fs::read(h.path().join("a.json")).unwrap()).unwrap();
    use base64::Engine as _;
    let b64 = base64::engine::general_purpose::STANDARD;
    let mut statement: serde_json::Value =
        serde_json::from_slice(&b64.decode(env["payload"].as_str().unwrap()).unwrap()).unwrap();
    statement["subject"][0]["digest"]["sha256"] =
        serde_json::json!(crypto::sha256(b"evil").to_hex());
    env["payload"] = serde_json::json!(b64.encode(serde_json::to_vec(&statement).unwrap()));
    std::fs::write(
        h.path().join("forged.json"),
        serde_json::to_vec(&env).unwrap(),
    )
    .unwrap();
    let out = h.run(&["verify", "forged.json", "--format", "json"]);
    assert_eq!(code(&out), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        v["reason"].as_str().unwrap().starts_with("signature:"),
        "{v}"
    );
    assert_eq!(
        v["subjects"],
        serde_json::json!([]),
        "nothing unauthenticated is reported"
    );
}

#[test]
fn every_flipped_bit_of_payload_or_signature_is_rejected() {
    let key = crypto::generate_os();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("f");
    std::fs::write(&file, "data").unwrap();
    let request = AttestRequest {
        subjects: vec![file],
        predicate: None,
        expires: None,
        nonce: None,
        now: SystemTime::now(),
    };
    let (env, _) = attest::attest(&key, &request).unwrap();
    let verify = |e: &attest::dsse::Envelope| {
        let req = VerifyRequest {
            path: "x.json".into(),
            keys: vec![key.verifying_key()],
            subjects: vec![],
            now: SystemTime::now(),
            revocations: None,
            nonce: None,
        };
        attest::verify(&e.to_json(), &req).map(|v| v.valid)
    };
    assert!(verify(&env).unwrap());
    for i in 0..env.payload.len() {
        let mut e = env.clone();
        e.payload[i] ^= 0x01;
        assert!(!verify(&e).unwrap(), "payload byte {i}");
    }
    for i in 0..env.signatures[0].1.len() {
        let mut e = env.clone();
        e.signatures[0].1[i] ^= 0x80;
        assert!(!verify(&e).unwrap(), "signature byte {i}");
    }
    let mut e = env.clone();
    e.payload_type.push('x');
    assert!(!verify(&e).unwrap(), "payload type is bound");
}

#[test]
fn expired_attestations_are_invalid() {
    let key = crypto::generate_os();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("f");
    std::fs::write(&file, "data").unwrap();
    let made = SystemTime::now() - Duration::from_secs(3600);
    let request = AttestRequest {
        subjects: vec![file],
        predicate: None,
        expires: Some(Duration::from_secs(60)),
        nonce: None,
        now: made,
    };
    let (env, _) = attest::attest(&key, &request).unwrap();
    let req = VerifyRequest {
        path: "x.json".into(),
        keys: vec![key.verifying_key()],
        subjects: vec![],
        now: SystemTime::now(),
        revocations: None,
        nonce: None,
    };
    let v = attest::verify(&env.to_json(), &req).unwrap();
    assert!(!v.valid);
    assert!(
        v.reason
            .as_deref()
            .unwrap()
            .starts_with("expiry: expired at "),
        "{:?}",
        v.reason
    );
    let req = VerifyRequest {
        now: made + Duration::from_secs(30),
        revocations: None,
        nonce: None,
        ..req
    };
    assert!(attest::verify(&env.to_json(), &req).unwrap().valid);
}

#[test]
fn rotation_keeps_old_attestations_verifiable() {
    let h = Home::new();
    h.run(&["init"]);
    h.file("app.tar", "x\n");
    h.run(&["attest", "--subject", "app.tar", "-o", "old.json"]);
    let out = h.run(&["init"]);
    assert_eq!(code(&out), Some(78), "never silently replaced");
    assert!(text(&out).contains("pass --force to rotate it"));
    let out = h.run(&["init", "--force"]);
    assert_eq!(code(&out), Some(0), "{}", text(&out));
    assert!(text(&out).contains("still trusted for verification"));
    h.run(&["attest", "--subject", "app.tar", "-o", "new.json"]);
    for file in ["old.json", "new.json"] {
        let out = h.run(&["verify", file, "--subject", "app.tar"]);
        assert_eq!(code(&out), Some(0), "{file}: {}", text(&out));
    }
}

#[test]
fn bad_input_gets_the_documented_codes() {
    let h = Home::new();
    h.run(&["init"]);
    h.file("app.tar", "x\n");
    h.file("garbage.json", "{\"payloadType\": 1");
    let out = h.run(&["verify", "garbage.json"]);
    assert_eq!(code(&out), Some(65));
    assert!(
        text(&out).contains("garbage.json: not a DSSE envelope"),
        "{}",
        text(&out)
    );
    h.file("b64.json", r#"{"payloadType":"application/vnd.in-toto+json","payload":"%%%","signatures":[{"keyid":"","sig":"AA=="}]}"#);
    let out = h.run(&["verify", "b64.json"]);
    assert_eq!(code(&out), Some(65));
    assert!(text(&out).contains("payload is not valid base64"));
    let out = h.run(&["verify", "missing.json"]);
    assert_eq!(code(&out), Some(66));
    h.file("pred.json", "not json");
    let out = h.run(&[
        "attest",
        "--subject",
        "app.tar",
        "--predicate-type",
        "https://example.com/p",
        "--predicate",
        "pred.json",
        "-o",
        "p.json",
    ]);
    assert_eq!(code(&out), Some(65));
    assert!(text(&out).contains("predicate pred.json"));
    assert!(
        !h.path().join("p.json").exists(),
        "nothing written on failure"
    );
    let out = h.run(&["attest", "--subject", "absent.tar", "-o", "q.json"]);
    assert_eq!(code(&out), Some(66));
    // A private key readable by others is refused.
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(
        h.authority().join("signing.key"),
        std::fs::Permissions::from_mode(0o644),
    )
    .unwrap();
    let out = h.run(&["attest", "--subject", "app.tar", "-o", "r.json"]);
    assert_eq!(code(&out), Some(78));
    assert!(text(&out).contains("signing.key"));
}

#[test]
fn custom_predicates_are_carried() {
    let h = Home::new();
    h.run(&["init"]);
    h.file("app.tar", "x\n");
    h.file(
        "pred.json",
        r#"{"buildType":"https://example.com/make","ok":true}"#,
    );
    let out = h.run(&[
        "attest",
        "--subject",
        "app.tar",
        "--predicate-type",
        "https://slsa.dev/provenance/v1",
        "--predicate",
        "pred.json",
        "-o",
        "-",
    ]);
    assert_eq!(code(&out), Some(0));
    let env: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    use base64::Engine as _;
    let payload = base64::engine::general_purpose::STANDARD
        .decode(env["payload"].as_str().unwrap())
        .unwrap();
    let st: serde_json::Value = serde_json::from_slice(&payload).unwrap();
    assert_eq!(st["_type"], "https://in-toto.io/Statement/v1");
    assert_eq!(st["predicateType"], "https://slsa.dev/provenance/v1");
    assert_eq!(st["predicate"]["buildType"], "https://example.com/make");
}

// ---- interop with securesystemslib ----

fn python_dsse() -> Option<PathBuf> {
    let ok = Command::new("python3")
        .args(["-c", "import securesystemslib.dsse, cryptography"])
        .status()
        .is_ok_and(|s| s.success());
    ok.then(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/attest/dsse_interop.py"))
}

#[test]
fn securesystemslib_accepts_omni_envelopes_and_omni_accepts_its() {
    let Some(script) = python_dsse() else {
        skip(
            "securesystemslib_accepts_omni_envelopes_and_omni_accepts_its",
            "python3 with securesystemslib is not installed (pip install securesystemslib)",
        );
        return;
    };
    let h = Home::new();
    h.run(&["init"]);
    h.file("app.tar", "x\n");
    h.run(&["attest", "--subject", "app.tar", "-o", "a.json"]);
    let pubkey = h.authority().join("signing.pub");
    let py = |args: &[&std::ffi::OsStr]| {
        Command::new("python3")
            .arg(&script)
            .args(args)
            .current_dir(h.path())
            .output()
            .unwrap()
    };
    let out = py(&["verify".as_ref(), "a.json".as_ref(), pubkey.as_os_str()]);
    assert_eq!(code(&out), Some(0), "securesystemslib: {}", text(&out));

    // A flipped signature bit is rejected by the reference implementation too.
    let mut env: serde_json::Value =
        serde_json::from_slice(&std::fs::read(h.path().join("a.json")).unwrap()).unwrap();
    use base64::Engine as _;
    let b64 = base64::engine::general_purpose::STANDARD;
    let mut sig = b64
        .decode(env["signatures"][0]["sig"].as_str().unwrap())
        .unwrap();
    sig[10] ^= 1;
    env["signatures"][0]["sig"] = serde_json::json!(b64.encode(sig));
    std::fs::write(h.path().join("bad.json"), serde_json::to_vec(&env).unwrap()).unwrap();
    let out = py(&["verify".as_ref(), "bad.json".as_ref(), pubkey.as_os_str()]);
    assert_eq!(code(&out), Some(1), "{}", text(&out));

    // The other way: securesystemslib signs, omni verifies.
    let sha = crypto::sha256(b"x\n").to_hex();
    let statement = serde_json::json!({
        "_type": "https://in-toto.io/Statement/v1",
        "subject": [{"name": "app.tar", "digest": {"sha256": sha}}],
        "predicateType": "https://example.com/p",
        "predicate": {}
    });
    std::fs::write(h.path().join("st.json"), statement.to_string()).unwrap();
    let out = py(&[
        "sign".as_ref(),
        "st.json".as_ref(),
        "py.json".as_ref(),
        "py.pub".as_ref(),
    ]);
    assert_eq!(code(&out), Some(0), "{}", text(&out));
    let out = h.run(&[
        "verify",
        "py.json",
        "--key",
        "py.pub",
        "--subject",
        "app.tar",
    ]);
    assert_eq!(code(&out), Some(0), "{}", text(&out));
    h.file("app.tar", "changed\n");
    let out = h.run(&[
        "verify",
        "py.json",
        "--key",
        "py.pub",
        "--subject",
        "app.tar",
    ]);
    assert_eq!(code(&out), Some(1));
}

// ---- sign-file / verify-file (minisign format) through the binary ----

#[test]
fn sign_file_and_verify_file_interoperate_with_minisign() {
    if Command::new("minisign").arg("-v").output().is_err() {
        skip(
            "sign_file_and_verify_file_interoperate_with_minisign",
            "minisign not installed",
        );
        return;
    }
    let h = Home::new();
    h.run(&["init"]);
    h.file("release.tar", "release\n");
    let out = h.run(&["sign-file", "release.tar", "-t", "release 1.0"]);
    assert_eq!(code(&out), Some(0), "{}", text(&out));
    let pubkey = h.authority().join("minisign.pub");
    let m = Command::new("minisign")
        .args(["-V", "-p"])
        .arg(&pubkey)
        .args(["-m", "release.tar"])
        .current_dir(h.path())
        .output()
        .unwrap();
    assert_eq!(
        code(&m),
        Some(0),
        "minisign rejected omni's signature: {}",
        text(&m)
    );
    assert!(text(&m).contains("release 1.0"));
    let out = h.run(&["verify-file", "release.tar"]);
    assert_eq!(code(&out), Some(0), "{}", text(&out));
    assert!(text(&out).contains("trusted comment: release 1.0"));

    // minisign signs, omni verifies; a changed file is exit 1.
    let k = Command::new("minisign")
        .args(["-G", "-W", "-p", "k.pub", "-s", "k.key"])
        .current_dir(h.path())
        .output()
        .unwrap();
    assert!(k.status.success(), "{}", text(&k));
    h.file("notes.txt", "notes\n");
    let s = Command::new("minisign")
        .args(["-S", "-s", "k.key", "-m", "notes.txt", "-t", "by minisign"])
        .current_dir(h.path())
        .output()
        .unwrap();
    assert!(s.status.success(), "{}", text(&s));
    let out = h.run(&[
        "verify-file",
        "notes.txt",
        "-p",
        "k.pub",
        "--format",
        "json",
    ]);
    assert_eq!(code(&out), Some(0), "{}", text(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["trusted_comment"], "by minisign");
    h.file("notes.txt", "changed\n");
    let out = h.run(&["verify-file", "notes.txt", "-p", "k.pub"]);
    assert_eq!(code(&out), Some(1));
    assert!(
        text(&out).starts_with("invalid: notes.txt: "),
        "{}",
        text(&out)
    );
    // The authority's key does not verify minisign's signature: key id mismatch.
    let out = h.run(&["verify-file", "release.tar", "-p", "k.pub"]);
    assert_eq!(code(&out), Some(1));
    let out = h.run(&["verify-file", "missing.tar"]);
    assert_eq!(code(&out), Some(66));
}

#[test]
fn batch_verification_reports_each_invalid_file() {
    let h = Home::new();
    h.run(&["init"]);
    h.file("app.tar", "x\n");
    std::fs::create_dir(h.path().join("batch")).unwrap();
    for i in 0..20 {
        let out = h.run(&[
            "attest",
            "--subject",
            "app.tar",
            "-o",
            &format!("batch/{i:02}.json"),
        ]);
        assert!(out.status.success());
    }
    let out = h.run(&["verify", "--batch", "batch", "--format", "json"]);
    assert_eq!(code(&out), Some(0), "{}", text(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (v["total"].as_u64(), v["valid"].as_u64()),
        (Some(20), Some(20))
    );
    // One forged, one malformed: both reported, by name; the rest still count.
    let mut env: serde_json::Value =
        serde_json::from_slice(&std::fs::read(h.path().join("batch/07.json")).unwrap()).unwrap();
    env["payloadType"] = serde_json::json!("text/plain");
    std::fs::write(h.path().join("batch/07.json"), env.to_string()).unwrap();
    std::fs::write(h.path().join("batch/13.json"), "{").unwrap();
    let out = h.run(&[
        "verify",
        "--batch",
        "batch",
        "--workers",
        "2",
        "--format",
        "json",
    ]);
    assert_eq!(code(&out), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["valid"], 18);
    let bad: Vec<&str> = v["invalid"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["attestation"].as_str().unwrap())
        .collect();
    assert_eq!(bad, ["batch/07.json", "batch/13.json"]);
    assert!(
        v["invalid"][0]["reason"]
            .as_str()
            .unwrap()
            .starts_with("payload-type:")
    );
    assert!(
        v["invalid"][1]["reason"]
            .as_str()
            .unwrap()
            .contains("not a DSSE envelope")
    );
}

/// The static build (no `tpm` feature) never pretends: any TPM is 69 with a
/// pointer to the dynamically linked variant, before the TCTI is even parsed.
#[cfg(not(feature = "tpm"))]
#[test]
fn without_the_tpm_feature_any_tpm_is_69() {
    let h = Home::new();
    for args in [
        &["init", "--tpm", "swtpm:host=127.0.0.1,port=2321"][..],
        &["init", "--tpm", "not even a tcti"][..],
        &[
            "quote",
            "--tpm",
            "device:/dev/tpmrm0",
            "--pcrs",
            "0",
            "--nonce",
            "01",
            "--out-dir",
            "q",
        ][..],
    ] {
        let out = h.run(args);
        assert_eq!(code(&out), Some(69), "{args:?}: {}", text(&out));
        assert!(
            text(&out).contains("no TPM support in this build"),
            "{}",
            text(&out)
        );
        assert!(
            text(&out).contains("install.sh --with-tpm"),
            "{}",
            text(&out)
        );
    }
    assert!(!h.authority().join("signing.key").exists());
    // `none` is the software-only authority and works everywhere.
    let out = h.run(&["init", "--tpm", "none"]);
    assert_eq!(code(&out), Some(0), "{}", text(&out));
    h.file("app.tar", "x");
    let out = h.run(&[
        "attest",
        "--subject",
        "app.tar",
        "--pcrs",
        "0",
        "--nonce",
        "01",
        "--tpm",
        "swtpm:host=127.0.0.1,port=2321",
        "--output",
        "a.json",
    ]);
    assert_eq!(code(&out), Some(69), "{}", text(&out));
}

/// `verify-quote` reads tpm2-tools' files and agrees with `tpm2_checkquote`
/// on the committed swtpm fixtures: the right nonce passes, a wrong one fails.
#[test]
fn verify_quote_agrees_with_tpm2_checkquote() {
    let d =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/attest/tpm2-quote");
    let h = Home::new();
    let f = |name: &str| d.join(name).display().to_string();
    for (nonce, want) in [("0011223344556677", 0), ("0011223344556678", 1)] {
        let out = h.run(&[
            "verify-quote",
            "-u",
            &f("ak.pem"),
            "-m",
            &f("q.msg"),
            "-s",
            &f("q.sig"),
            "-f",
            &f("q.pcrs"),
            "--nonce",
            nonce,
        ]);
        assert_eq!(code(&out), Some(want), "{nonce}: {}", text(&out));
        if Command::new("tpm2_checkquote").arg("-v").output().is_ok() {
            let peer = Command::new("tpm2_checkquote")
                .args([
                    "-u",
                    &f("ak.pem"),
                    "-m",
                    &f("q.msg"),
                    "-s",
                    &f("q.sig"),
                    "-f",
                    &f("q.pcrs"),
                    "-g",
                    "sha256",
                    "-q",
                    nonce,
                ])
                .output()
                .unwrap();
            assert_eq!(
                peer.status.success(),
                want == 0,
                "tpm2_checkquote disagrees for {nonce}"
            );
        } else {
            skip(
                "verify_quote_agrees_with_tpm2_checkquote",
                "tpm2_checkquote not installed: compared with omni's expectations only",
            );
        }
    }
    let out = h.run(&[
        "verify-quote",
        "-u",
        &f("ak.pem"),
        "-m",
        &f("q.msg"),
        "-s",
        &f("q.sig"),
        "-f",
        &f("multi.pcrs"),
        "--nonce",
        "0011223344556677",
    ]);
    assert_eq!(
        code(&out),
        Some(1),
        "PCR values of another quote: {}",
        text(&out)
    );
}
