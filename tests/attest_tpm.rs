//! TPM quote *generation* (`--features tpm`): omni talks to a real swtpm
//! that each test starts on its own loopback ports and kills when done, and
//! its output is judged by omni's pure-Rust verifier and by the outside
//! oracle `tpm2_checkquote`. Without swtpm or tpm2-tools the live tests print
//! a SKIP line and return.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use omni::systems::attest::quote::{AK_REQUIRED_ATTRIBUTES, AkPublic, HashAlg, QuoteEvidence};
use sha2::{Digest, Sha256};

use crate::util::{isolate, omni_bin, skip};

const TOOLS: &[&str] = &["swtpm", "tpm2_pcrextend", "tpm2_checkquote"];

/// True when the live tests can run; prints the SKIP line otherwise.
fn tools_present(test: &str) -> bool {
    let missing: Vec<&str> = TOOLS.iter().copied().filter(|t| !on_path(t)).collect();
    if missing.is_empty() {
        return true;
    }
    skip(
        test,
        &format!(
            "needs {} (Debian swtpm, swtpm-tools, tpm2-tools)",
            missing.join(", ")
        ),
    );
    false
}

use crate::util::swtpm::{Swtpm, on_path};

/// The outcome of a bounded run.
struct Out {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Out {
    fn all(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }
}

/// Runs `cmd` in `dir` with a 30 s bound.
fn bounded(mut cmd: Command, dir: &Path) -> Out {
    let out_path = dir.join(".stdout");
    let err_path = dir.join(".stderr");
    cmd.current_dir(dir)
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&out_path).unwrap())
        .stderr(std::fs::File::create(&err_path).unwrap());
    let mut child = cmd.spawn().unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{cmd:?} did not finish within 30 s");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    Out {
        code: status.code(),
        stdout: std::fs::read_to_string(&out_path).unwrap_or_default(),
        stderr: std::fs::read_to_string(&err_path).unwrap_or_default(),
    }
}

/// A test's home: a temp dir, with the authority in `<home>/auth`.
struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        let home = Home {
            dir: tempfile::tempdir().unwrap(),
        };
        std::fs::write(home.path().join("app.tar"), "release 1\n").unwrap();
        home
    }
    fn path(&self) -> &Path {
        self.dir.path()
    }
    fn auth(&self) -> PathBuf {
        self.path().join("auth")
    }
    /// `omni attest ARGS --dir <home>/auth`.
    fn omni(&self, args: &[&str]) -> Out {
        let mut cmd = Command::new(omni_bin());
        isolate(&mut cmd, self.path());
        cmd.arg("attest").args(args).arg("--dir").arg(self.auth());
        bounded(cmd, self.path())
    }
    fn tool(&self, tcti: Option<&str>, args: &[&str]) -> Out {
        let mut cmd = Command::new(args[0]);
        cmd.args(&args[1..]);
        match tcti {
            Some(t) => cmd.env("TPM2TOOLS_TCTI", t),
            None => cmd.env_remove("TPM2TOOLS_TCTI"),
        };
        bounded(cmd, self.path())
    }
    fn write(&self, name: &str, body: &str) -> PathBuf {
        let p = self.path().join(name);
        std::fs::write(&p, body).unwrap();
        p
    }
    /// The quote evidence inside an attestation file.
    fn evidence(&self, attestation: &str) -> QuoteEvidence {
        let env: serde_json::Value =
            serde_json::from_slice(&std::fs::read(self.path().join(attestation)).unwrap()).unwrap();
        use base64::Engine as _;
        let payload = base64::engine::general_purpose::STANDARD
            .decode(env["payload"].as_str().unwrap())
            .unwrap();
        let statement: serde_json::Value = serde_json::from_slice(&payload).unwrap();
        assert_eq!(
            statement["predicateType"],
            "https://omni.dev/attest/tpm-quote/v1"
        );
        serde_json::from_value(statement["predicate"]["quote"].clone()).unwrap()
    }
}

fn ok(out: &Out) {
    assert_eq!(out.code, Some(0), "{}", out.all());
}

#[test]
fn init_tpm_writes_a_restricted_ak() {
    if !tools_present("attest_tpm::init_tpm_writes_a_restricted_ak") {
        return;
    }
    let h = Home::new();
    let tpm = Swtpm::start(&h.path().join("state")).unwrap_or_else(|e| panic!("swtpm: {e}"));
    let tcti = tpm.tcti();
    ok(&h.omni(&["init", "--tpm", &tcti]));
    let pem = std::fs::read_to_string(h.auth().join("ak.pem")).unwrap();
    let ak = AkPublic::from_pem(&pem).unwrap();
    let public =
        AkPublic::from_tpm2b_public(&std::fs::read(h.auth().join("ak.pub.tpm")).unwrap()).unwrap();
    assert!(public.same_key(&ak), "ak.pem and ak.pub.tpm are one key");
    // fixedTPM | fixedParent | sensitiveDataOrigin | userWithAuth | restricted | sign.
    assert_eq!(public.attributes(), Some(0x0005_0072));
    assert_eq!(
        public.attributes().unwrap() & AK_REQUIRED_ATTRIBUTES,
        AK_REQUIRED_ATTRIBUTES
    );
    let recorded: serde_json::Value =
        serde_json::from_slice(&std::fs::read(h.auth().join("tpm.json")).unwrap()).unwrap();
    assert_eq!(recorded["tcti"], tcti.as_str());

    // Re-running keeps the signing key and finds the same (deterministic) AK.
    let key = std::fs::read(h.auth().join("signing.key")).unwrap();
    let out = h.omni(&["init", "--tpm", &tcti]);
    ok(&out);
    assert!(out.stdout.contains("existing key kept"), "{}", out.all());
    assert_eq!(std::fs::read(h.auth().join("signing.key")).unwrap(), key);
    assert_eq!(
        std::fs::read_to_string(h.auth().join("ak.pem")).unwrap(),
        pem
    );

    // Another TPM has another AK: enrolling it needs --force.
    let other = Swtpm::start(&h.path().join("state2")).unwrap_or_else(|e| panic!("swtpm: {e}"));
    let out = h.omni(&["init", "--tpm", &other.tcti()]);
    assert_eq!(out.code, Some(78), "{}", out.all());
    assert!(out.stderr.contains("differs from"), "{}", out.all());
    // And a quote from it is refused while the first AK is enrolled.
    let out = h.omni(&[
        "attest",
        "--subject",
        "app.tar",
        "--pcrs",
        "0",
        "--nonce",
        "01",
        "--tpm",
        &other.tcti(),
        "--output",
        "a.json",
    ]);
    assert_eq!(out.code, Some(78), "{}", out.all());
}

#[test]
fn attest_with_pcrs_then_verify_with_the_nonce() {
    if !tools_present("attest_tpm::attest_with_pcrs_then_verify_with_the_nonce") {
        return;
    }
    let h = Home::new();
    let tpm = Swtpm::start(&h.path().join("state")).unwrap_or_else(|e| panic!("swtpm: {e}"));
    ok(&h.omni(&["init", "--tpm", &tpm.tcti()]));
    let nonce = "5eed0f0a7e57c0de0123456789abcdef";
    // No --tpm: the TCTI comes from tpm.json.
    ok(&h.omni(&[
        "attest",
        "--subject",
        "app.tar",
        "--pcrs",
        "0,1,2,3",
        "--nonce",
        nonce,
        "--output",
        "a.json",
    ]));
    let evidence = h.evidence("a.json");
    assert_eq!(evidence.pcrs.len(), 4);
    assert!(evidence.ak_public.is_some());

    let out = h.omni(&[
        "verify",
        "a.json",
        "--subject",
        "app.tar",
        "--nonce",
        nonce,
        "--format",
        "json",
    ]);
    ok(&out);
    let v: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(v["valid"], true);
    let quote = v["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["check"] == "quote")
        .expect("a quote check");
    assert_eq!(quote["ok"], true, "{quote}");

    // A different nonce: exit 1, naming the nonce check.
    let out = h.omni(&["verify", "a.json", "--nonce", "00"]);
    assert_eq!(out.code, Some(1), "{}", out.all());
    // Both the statement's nonce and the quote's extraData disagree.
    assert!(
        out.stdout
            .starts_with("invalid: a.json: nonce: carries nonce "),
        "{}",
        out.all()
    );
    assert!(
        out.stdout.contains("nonce mismatch: expected 00"),
        "{}",
        out.all()
    );
    // No nonce at all: a quote cannot be fresh, so it is not valid.
    let out = h.omni(&["verify", "a.json"]);
    assert_eq!(out.code, Some(1), "{}", out.all());
    assert!(
        out.stdout.contains("quote: nonce: none given"),
        "{}",
        out.all()
    );
    // A nonce for an attestation that does not carry it is refused too.
    ok(&h.omni(&["attest", "--subject", "app.tar", "--output", "plain.json"]));
    let out = h.omni(&["verify", "plain.json", "--nonce", nonce]);
    assert_eq!(out.code, Some(1), "{}", out.all());
    assert!(
        out.stdout.contains("nonce: carries no nonce"),
        "{}",
        out.all()
    );
}

#[test]
fn a_pcr_extended_after_quoting_fails_the_old_policy() {
    if !tools_present("attest_tpm::a_pcr_extended_after_quoting_fails_the_old_policy") {
        return;
    }
    let h = Home::new();
    let tpm = Swtpm::start(&h.path().join("state")).unwrap_or_else(|e| panic!("swtpm: {e}"));
    let tcti = tpm.tcti();
    ok(&h.omni(&["init", "--tpm", &tcti]));
    let attest = |nonce: &str, output: &str| {
        ok(&h.omni(&[
            "attest",
            "--subject",
            "app.tar",
            "--pcrs",
            "0,16",
            "--nonce",
            nonce,
            "--output",
            output,
        ]))
    };
    attest("aa01", "before.json");
    let old = h.evidence("before.json");
    let old16 = old.pcrs.get(HashAlg::Sha256, 16).unwrap().to_vec();
    let old0 = old.pcrs.get(HashAlg::Sha256, 0).unwrap().to_vec();
    let policy = h.write(
        "policy.json",
        &format!(
            r#"{{"0": "{}", "16": ["{}"]}}"#,
            hex::encode(&old0),
            hex::encode(&old16)
        ),
    );
    let policy = policy.to_str().unwrap();
    let out = h.omni(&[
        "verify",
        "before.json",
        "--nonce",
        "aa01",
        "--policy",
        policy,
    ]);
    ok(&out);
    assert!(out.stdout.contains("within the policy"), "{}", out.all());

    let digest = hex::encode(Sha256::digest(b"omni attest tpm test"));
    let ext = h.tool(
        Some(&tcti),
        &["tpm2_pcrextend", &format!("16:sha256={digest}")],
    );
    assert_eq!(ext.code, Some(0), "{}", ext.all());
    attest("aa02", "after.json");
    // The oracle for the new value: PCR_Extend is new = H(old || digest).
    let mut h2 = Sha256::new();
    h2.update(&old16);
    h2.update(hex::decode(&digest).unwrap());
    let new16 = h2.finalize().to_vec();
    assert_eq!(
        h.evidence("after.json").pcrs.get(HashAlg::Sha256, 16),
        Some(new16.as_slice())
    );
    let out = h.omni(&[
        "verify",
        "after.json",
        "--nonce",
        "aa02",
        "--policy",
        policy,
    ]);
    assert_eq!(out.code, Some(1), "{}", out.all());
    assert!(
        out.stdout.contains(&format!(
            "quote: policy: sha256 PCR 16 is {}",
            hex::encode(&new16)
        )),
        "{}",
        out.all()
    );
    // The old attestation still satisfies the old policy.
    ok(&h.omni(&[
        "verify",
        "before.json",
        "--nonce",
        "aa01",
        "--policy",
        policy,
    ]));

    // A policy that does not parse is 65, naming the file.
    let bad = h.write("bad.json", r#"{"16": "nothex"}"#);
    let out = h.omni(&[
        "verify",
        "after.json",
        "--nonce",
        "aa02",
        "--policy",
        bad.to_str().unwrap(),
    ]);
    assert_eq!(out.code, Some(65), "{}", out.all());
    assert!(out.stderr.contains("bad.json"), "{}", out.all());
}

#[test]
fn quote_out_dir_is_accepted_by_tpm2_checkquote() {
    if !tools_present("attest_tpm::quote_out_dir_is_accepted_by_tpm2_checkquote") {
        return;
    }
    let h = Home::new();
    let tpm = Swtpm::start(&h.path().join("state")).unwrap_or_else(|e| panic!("swtpm: {e}"));
    let nonce = "0011223344556677";
    // No init: --tpm alone is enough to quote.
    let out = h.omni(&[
        "quote",
        "--tpm",
        &tpm.tcti(),
        "--pcrs",
        "0,1,2,3,16",
        "--nonce",
        nonce,
        "--out-dir",
        "q",
    ]);
    ok(&out);
    let q = h.path().join("q");
    let check = |nonce: &str| {
        h.tool(
            None,
            &[
                "tpm2_checkquote",
                "-u",
                "q/ak.pem",
                "-m",
                "q/quote.msg",
                "-s",
                "q/quote.sig",
                "-f",
                "q/quote.pcrs",
                "-g",
                "sha256",
                "-q",
                nonce,
            ],
        )
    };
    let accepted = check(nonce);
    assert_eq!(accepted.code, Some(0), "{}", accepted.all());
    let rejected = check("0011223344556678");
    assert_ne!(rejected.code, Some(0), "{}", rejected.all());
    assert_eq!(std::fs::read(q.join("quote.pcrs")).unwrap().len(), 668);
    // omni reads tpm2-tools' files back and agrees.
    let evidence = QuoteEvidence::read_tpm2_tools(
        &q.join("quote.msg"),
        &q.join("quote.sig"),
        &q.join("quote.pcrs"),
        &q.join("ak.pem"),
    )
    .unwrap();
    assert!(
        evidence
            .verify(&hex::decode(nonce).unwrap(), None)
            .unwrap()
            .is_valid()
    );
    drop(tpm);
}

#[test]
fn an_unreachable_tpm_is_69_naming_the_tcti() {
    // Nothing listens on a port that was just free; no swtpm needed.
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let tcti = format!("swtpm:host=127.0.0.1,port={port}");
    let h = Home::new();
    let out = h.omni(&["init", "--tpm", &tcti]);
    assert_eq!(out.code, Some(69), "{}", out.all());
    assert!(
        out.stderr.contains(&format!("TPM {tcti} is unreachable")),
        "{}",
        out.all()
    );
    assert!(
        !h.auth().join("signing.key").exists(),
        "a failed init leaves nothing behind"
    );
    let out = h.omni(&[
        "quote",
        "--tpm",
        &tcti,
        "--pcrs",
        "0",
        "--nonce",
        "01",
        "--out-dir",
        "q",
    ]);
    assert_eq!(out.code, Some(69), "{}", out.all());
    let out = h.omni(&[
        "quote",
        "--tpm",
        "device:/nonexistent/tpmrm0",
        "--pcrs",
        "0",
        "--nonce",
        "01",
        "--out-dir",
        "q",
    ]);
    assert_eq!(out.code, Some(69), "{}", out.all());
    assert!(
        out.stderr.contains("device:/nonexistent/tpmrm0"),
        "{}",
        out.all()
    );
}

#[test]
fn malformed_tctis_are_65_and_a_bad_tpm_json_is_78() {
    let h = Home::new();
    for tcti in [
        "swtpm:host=bad_host,port=2321",
        "swtpm:port=70000",
        "tabrmd",
        "device:relative/path",
    ] {
        let out = h.omni(&["init", "--tpm", tcti]);
        assert_eq!(out.code, Some(65), "{tcti}: {}", out.all());
        assert!(
            out.stderr.contains(&format!("TCTI {tcti:?}")),
            "{}",
            out.all()
        );
    }
    ok(&h.omni(&["init"]));
    std::fs::write(h.auth().join("tpm.json"), r#"{"tcti": "swtpm:port=x"}"#).unwrap();
    let out = h.omni(&[
        "attest",
        "--subject",
        "app.tar",
        "--pcrs",
        "0",
        "--nonce",
        "01",
        "--output",
        "a.json",
    ]);
    assert_eq!(out.code, Some(78), "{}", out.all());
    assert!(out.stderr.contains("tpm.json"), "{}", out.all());
    // No TPM named anywhere: a configuration error that says how to name one.
    std::fs::remove_file(h.auth().join("tpm.json")).unwrap();
    let out = h.omni(&["quote", "--pcrs", "0", "--nonce", "01", "--out-dir", "q"]);
    assert_eq!(out.code, Some(78), "{}", out.all());
    assert!(out.stderr.contains("--tpm"), "{}", out.all());
}
