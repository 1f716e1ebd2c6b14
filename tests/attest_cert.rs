//! `omni attest export-ca` / `export-cert`: the certificates are checked by
//! OpenSSL (the oracle: `x509 -text`, `verify -CAfile`) and parsed with
//! x509-parser for the exact bytes (extension, validity, certified key).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use omni::runtime::crypto;
use omni::systems::attest::cert::ATTESTATION_DIGEST_OID_STR;
use omni::systems::attest::dsse::Envelope;
use omni::systems::attest::statement::Statement;
use omni::systems::attest::{self, AttestRequest, Authority};
use x509_parser::extensions::GeneralName;
use x509_parser::prelude::{FromDer, X509Certificate};

use crate::util::{omni, skip, text};

struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        let h = Home {
            dir: tempfile::tempdir().unwrap(),
        };
        let out = h.run(&["init"]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out));
        h
    }
    fn path(&self) -> &Path {
        self.dir.path()
    }
    fn at(&self, name: &str) -> PathBuf {
        self.path().join(name)
    }
    fn file(&self, name: &str, body: &str) -> PathBuf {
        let p = self.at(name);
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
    fn ok(&self, args: &[&str]) -> Output {
        let out = self.run(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", text(&out));
        out
    }
    fn authority(&self) -> Authority {
        Authority::new(self.path().join("data/omni/attest"))
    }
    /// init is done; attests `app.tar` into `name` with the given flags.
    fn attestation(&self, name: &str, extra: &[&str]) -> PathBuf {
        self.file("app.tar", "release 1\n");
        let mut args = vec!["attest", "--subject", "app.tar", "-o", name];
        args.extend_from_slice(extra);
        self.ok(&args);
        self.at(name)
    }
}

fn have_openssl(test: &str) -> bool {
    let found = Command::new("openssl")
        .arg("version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        skip(test, "openssl is not installed (apt-get install openssl)");
    }
    found
}

fn openssl(dir: &Path, args: &[&str]) -> Output {
    Command::new("openssl")
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

fn der_of(pem_path: &Path) -> Vec<u8> {
    let bytes = std::fs::read(pem_path).unwrap();
    let (rest, pem) = x509_parser::pem::parse_x509_pem(&bytes).unwrap();
    assert!(rest.iter().all(u8::is_ascii_whitespace), "one certificate");
    assert_eq!(pem.label, "CERTIFICATE");
    pem.contents
}

fn parse(der: &[u8]) -> X509Certificate<'_> {
    let (rest, cert) = X509Certificate::from_der(der).unwrap();
    assert!(rest.is_empty());
    cert
}

fn uris(cert: &X509Certificate<'_>) -> Vec<String> {
    let san = cert.subject_alternative_name().unwrap().unwrap();
    san.value
        .general_names
        .iter()
        .filter_map(|g| match g {
            GeneralName::URI(u) => Some(u.to_string()),
            _ => None,
        })
        .collect()
}

fn statement_of(envelope: &Path) -> Statement {
    let env = Envelope::parse(&std::fs::read(envelope).unwrap()).unwrap();
    serde_json::from_slice(&env.payload).unwrap()
}

fn unix(t: SystemTime) -> i64 {
    t.duration_since(UNIX_EPOCH).unwrap().as_secs() as i64
}

#[test]
fn openssl_reads_the_ca_and_verifies_device_certificates() {
    if !have_openssl("attest_cert::openssl_reads_the_ca_and_verifies_device_certificates") {
        return;
    }
    let h = Home::new();
    h.attestation("a.json", &["--expires", "2h"]);
    h.ok(&["export-ca", "--output", "ca.pem"]);
    h.ok(&[
        "export-cert",
        "--attestation",
        "a.json",
        "--output",
        "device.pem",
    ]);

    let ca = openssl(h.path(), &["x509", "-in", "ca.pem", "-noout", "-text"]);
    assert!(ca.status.success(), "{}", text(&ca));
    let ca_text = String::from_utf8_lossy(&ca.stdout);
    assert!(ca_text.contains("CA:TRUE, pathlen:0"), "{ca_text}");
    assert!(
        ca_text.contains("Public Key Algorithm: ED25519"),
        "{ca_text}"
    );
    assert!(
        ca_text.contains("Signature Algorithm: ED25519"),
        "{ca_text}"
    );
    assert!(ca_text.contains("Certificate Sign, CRL Sign"), "{ca_text}");
    let key_id = crypto::KeyId::of(&h.authority().trusted_keys().unwrap()[0]);
    assert!(
        ca_text.contains(&format!("CN = omni attest authority {}", key_id.short())),
        "{ca_text}"
    );

    let dev = openssl(h.path(), &["x509", "-in", "device.pem", "-noout", "-text"]);
    assert!(dev.status.success(), "{}", text(&dev));
    let dev_text = String::from_utf8_lossy(&dev.stdout);
    let envelope_sha = crypto::sha256(&std::fs::read(h.at("a.json")).unwrap()).to_hex();
    let subject_sha = crypto::sha256(b"release 1\n").to_hex();
    assert!(
        dev_text.contains(&format!("URI:urn:omni:attest:{envelope_sha}")),
        "{dev_text}"
    );
    assert!(
        dev_text.contains(&format!("URI:urn:omni:subject:sha256:{subject_sha}")),
        "{dev_text}"
    );
    assert!(dev_text.contains(ATTESTATION_DIGEST_OID_STR), "{dev_text}");
    assert!(dev_text.contains("CA:FALSE"), "{dev_text}");
    assert!(
        dev_text.contains("TLS Web Client Authentication"),
        "{dev_text}"
    );

    let v = openssl(h.path(), &["verify", "-CAfile", "ca.pem", "device.pem"]);
    assert_eq!(v.status.code(), Some(0), "{}", text(&v));
    assert_eq!(String::from_utf8_lossy(&v.stdout).trim(), "device.pem: OK");

    // Re-exporting the CA names the same key: earlier device certificates
    // still verify against it, and the key identifier is unchanged.
    h.ok(&["export-ca", "--output", "ca2.pem", "--validity", "30d"]);
    let v = openssl(h.path(), &["verify", "-CAfile", "ca2.pem", "device.pem"]);
    assert_eq!(v.status.code(), Some(0), "{}", text(&v));
    let (ca1, ca2) = (der_of(&h.at("ca.pem")), der_of(&h.at("ca2.pem")));
    let (ca1, ca2) = (parse(&ca1), parse(&ca2));
    assert_eq!(ca1.public_key().raw, ca2.public_key().raw);
    assert_eq!(ca1.subject(), ca2.subject());

    // '-' (the default) writes the PEM to stdout and nothing else.
    let out = h.ok(&["export-ca"]);
    assert!(
        String::from_utf8_lossy(&out.stdout).starts_with("-----BEGIN CERTIFICATE-----\n"),
        "{}",
        text(&out)
    );
}

#[test]
fn another_authoritys_certificate_does_not_verify() {
    if !have_openssl("attest_cert::another_authoritys_certificate_does_not_verify") {
        return;
    }
    let h = Home::new();
    h.ok(&["export-ca", "--output", "ca.pem"]);
    // A second authority, with its own CA, certifies its own attestation.
    h.ok(&["init", "--dir", "other"]);
    h.file("app.tar", "release 1\n");
    h.ok(&[
        "attest",
        "--dir",
        "other",
        "--subject",
        "app.tar",
        "-o",
        "b.json",
    ]);
    h.ok(&[
        "export-cert",
        "--dir",
        "other",
        "--attestation",
        "b.json",
        "--output",
        "foreign.pem",
    ]);
    h.ok(&["export-ca", "--dir", "other", "--output", "other-ca.pem"]);
    let v = openssl(
        h.path(),
        &["verify", "-CAfile", "other-ca.pem", "foreign.pem"],
    );
    assert_eq!(v.status.code(), Some(0), "{}", text(&v));
    let v = openssl(h.path(), &["verify", "-CAfile", "ca.pem", "foreign.pem"]);
    assert_ne!(v.status.code(), Some(0), "{}", text(&v));
    assert!(!String::from_utf8_lossy(&v.stdout).contains("OK"));

    // And the first authority refuses to certify the other's attestation.
    let out = h.run(&[
        "export-cert",
        "--attestation",
        "b.json",
        "--output",
        "x.pem",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        text(&out).contains("signature: no trusted key verifies it"),
        "{}",
        text(&out)
    );
    assert!(!h.at("x.pem").exists(), "nothing is written");
}

#[test]
fn invalid_attestations_are_never_certified() {
    let h = Home::new();
    let good = h.attestation("a.json", &[]);

    // Tampered: one bit of the signature flipped, still well-formed.
    use base64::Engine as _;
    let b64 = base64::engine::general_purpose::STANDARD;
    let mut env: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&good).unwrap()).unwrap();
    let mut sig = b64
        .decode(env["signatures"][0]["sig"].as_str().unwrap())
        .unwrap();
    sig[10] ^= 0x01;
    env["signatures"][0]["sig"] = serde_json::json!(b64.encode(&sig));
    std::fs::write(h.at("tampered.json"), serde_json::to_vec(&env).unwrap()).unwrap();
    let out = h.run(&[
        "export-cert",
        "--attestation",
        "tampered.json",
        "--output",
        "t.pem",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .starts_with("invalid: tampered.json: signature: no trusted key verifies it"),
        "{}",
        text(&out)
    );
    assert!(!h.at("t.pem").exists(), "nothing is written");
    // With '-', stdout stays empty (the verdict goes to stderr).
    let out = h.run(&["export-cert", "--attestation", "tampered.json"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(out.stdout.is_empty(), "{}", text(&out));
    assert!(String::from_utf8_lossy(&out.stderr).contains("invalid: tampered.json"));

    // Expired: signed by the authority an hour ago, valid for a minute.
    let key = h.authority().signing_key().unwrap();
    let (env, _) = attest::attest(
        &key,
        &AttestRequest {
            subjects: vec![h.at("app.tar")],
            predicate: None,
            expires: Some(Duration::from_secs(60)),
            nonce: None,
            now: SystemTime::now() - Duration::from_secs(3600),
        },
    )
    .unwrap();
    std::fs::write(h.at("expired.json"), env.to_json()).unwrap();
    let out = h.run(&[
        "export-cert",
        "--attestation",
        "expired.json",
        "--output",
        "e.pem",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["valid"], false);
    assert!(
        v["reason"]
            .as_str()
            .unwrap()
            .starts_with("expiry: expired at "),
        "{v}"
    );
    assert!(!h.at("e.pem").exists());

    // Malformed → 65, missing → 66; neither writes anything.
    h.file("garbage.json", "{\"payloadType\": ");
    let out = h.run(&[
        "export-cert",
        "--attestation",
        "garbage.json",
        "-o",
        "g.pem",
    ]);
    assert_eq!(out.status.code(), Some(65), "{}", text(&out));
    assert!(text(&out).contains("garbage.json"), "{}", text(&out));
    let out = h.run(&["export-cert", "--attestation", "absent.json", "-o", "m.pem"]);
    assert_eq!(out.status.code(), Some(66), "{}", text(&out));
    assert!(text(&out).contains("absent.json"), "{}", text(&out));
    assert!(!h.at("g.pem").exists() && !h.at("m.pem").exists());

    // The good one is certified (so the refusals above were about the input).
    h.ok(&["export-cert", "--attestation", "a.json", "-o", "ok.pem"]);
    assert!(h.at("ok.pem").exists());
}

#[test]
fn the_certificate_carries_the_attestation_digest_signer_and_expiry() {
    let h = Home::new();
    let a = h.attestation("a.json", &["--expires", "2h"]);
    let before = SystemTime::now();
    // Asked for 30 days, but the attestation expires in 2 hours.
    h.ok(&[
        "export-cert",
        "--attestation",
        "a.json",
        "-o",
        "device.pem",
        "--validity",
        "30d",
    ]);
    h.ok(&["export-ca", "-o", "ca.pem"]);
    let der = der_of(&h.at("device.pem"));
    let cert = parse(&der);
    let envelope = std::fs::read(&a).unwrap();

    // The private extension: exactly DER OCTET STRING(sha256(envelope bytes)), not critical.
    let ext = cert
        .extensions()
        .iter()
        .find(|e| e.oid.to_id_string() == ATTESTATION_DIGEST_OID_STR)
        .expect("the attestation digest extension");
    assert!(!ext.critical);
    let mut expected = vec![0x04, 0x20];
    expected.extend_from_slice(crypto::sha256(&envelope).as_bytes());
    assert_eq!(ext.value, expected.as_slice());

    // The SANs name the envelope and the one subject.
    assert_eq!(
        uris(&cert),
        vec![
            format!("urn:omni:attest:{}", crypto::sha256(&envelope).to_hex()),
            format!(
                "urn:omni:subject:sha256:{}",
                crypto::sha256(b"release 1\n").to_hex()
            ),
        ]
    );

    // Validity: cut at the attestation's expiry, not 30 days.
    let expires = statement_of(&a).expires_at().unwrap().unwrap();
    let not_after = cert.validity().not_after.timestamp();
    assert!(not_after <= unix(expires), "{not_after} > {expires:?}");
    assert!(
        not_after >= unix(expires) - 1,
        "cut at the expiry, not earlier"
    );
    let not_before = cert.validity().not_before.timestamp();
    assert!(not_before <= unix(before) && not_before >= unix(before) - 61);

    // The certified key is the key that signed the attestation.
    let signer = h.authority().trusted_keys().unwrap()[0];
    let env = Envelope::parse(&envelope).unwrap();
    assert_eq!(env.signatures[0].0, crypto::KeyId::of(&signer).to_hex());
    assert_eq!(
        cert.public_key().subject_public_key.data.as_ref(),
        signer.as_bytes()
    );

    // Issued by the CA: AKI = the CA's SKI, issuer = the CA's subject.
    let ca_der = der_of(&h.at("ca.pem"));
    let ca = parse(&ca_der);
    let ski = |c: &X509Certificate<'_>| {
        c.extensions()
            .iter()
            .find_map(|e| match e.parsed_extension() {
                x509_parser::extensions::ParsedExtension::SubjectKeyIdentifier(k) => {
                    Some(k.0.to_vec())
                }
                _ => None,
            })
    };
    let aki = cert
        .extensions()
        .iter()
        .find_map(|e| match e.parsed_extension() {
            x509_parser::extensions::ParsedExtension::AuthorityKeyIdentifier(k) => {
                k.key_identifier.as_ref().map(|k| k.0.to_vec())
            }
            _ => None,
        });
    assert_eq!(aki, ski(&ca));
    assert!(aki.is_some());
    assert_eq!(cert.issuer(), ca.subject());
    assert!(ca.is_ca() && !cert.is_ca());
    // The signature really is the CA's: strict Ed25519 over the TBS bytes.
    let ca_key = h.authority().signing_key().unwrap().verifying_key();
    assert_eq!(
        ca.public_key().subject_public_key.data.as_ref(),
        ca_key.as_bytes()
    );
    let tbs: &[u8] = cert.tbs_certificate.as_ref();
    assert!(crypto::verify_bytes(
        &ca_key,
        tbs,
        &cert.signature_value.data
    ));
    let mut flipped = tbs.to_vec();
    flipped[20] ^= 1;
    assert!(!crypto::verify_bytes(
        &ca_key,
        &flipped,
        &cert.signature_value.data
    ));
}

#[test]
fn validity_defaults_to_24h_and_key_certifies_another_key() {
    let h = Home::new();
    h.attestation("a.json", &[]); // does not expire
    let device = crypto::generate_os();
    crypto::write_public_key(&h.at("device.pub"), &device.verifying_key(), false).unwrap();
    let before = unix(SystemTime::now());
    h.ok(&[
        "export-cert",
        "--attestation",
        "a.json",
        "--key",
        "device.pub",
        "-o",
        "d.pem",
    ]);
    let after = unix(SystemTime::now());
    let der = der_of(&h.at("d.pem"));
    let cert = parse(&der);
    assert_eq!(
        cert.public_key().subject_public_key.data.as_ref(),
        device.verifying_key().as_bytes()
    );
    let not_after = cert.validity().not_after.timestamp();
    assert!(
        (before + 86_400..=after + 86_400).contains(&not_after),
        "{not_after}"
    );

    // JSON report for a file output; a zero validity is a usage error.
    let out = h.ok(&[
        "export-cert",
        "--attestation",
        "a.json",
        "-o",
        "j.pem",
        "--validity",
        "1h",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["output"], "j.pem");
    assert!(
        v["uris"][0]
            .as_str()
            .unwrap()
            .starts_with("urn:omni:attest:")
    );
    let out = h.run(&["export-cert", "--attestation", "a.json", "--validity", "0s"]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
}

#[test]
fn revoked_attestations_are_not_certified_but_their_key_still_is() {
    let h = Home::new();
    h.attestation("a.json", &[]);
    h.file("other.tar", "release 2\n");
    h.ok(&["attest", "--subject", "other.tar", "-o", "b.json"]);
    h.ok(&[
        "revoke",
        "--attestation",
        "a.json",
        "--reason",
        "bad build",
        "--list",
        "rev.json",
    ]);

    let out = h.run(&[
        "export-cert",
        "--attestation",
        "a.json",
        "--revocations",
        "rev.json",
        "-o",
        "a.pem",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("revocation: attestation ") && stdout.contains("bad build"),
        "{}",
        text(&out)
    );
    assert!(!h.at("a.pem").exists(), "nothing is written");

    // Revoking one attestation does not revoke its key: b.json is certified.
    h.ok(&[
        "export-cert",
        "--attestation",
        "b.json",
        "--revocations",
        "rev.json",
        "-o",
        "b.pem",
    ]);
    assert!(h.at("b.pem").exists());

    // A list nobody trusted signed is malformed input (65), and nothing is issued.
    let other = tempfile::tempdir().unwrap();
    let out = omni(other.path())
        .current_dir(h.path())
        .args(["attest", "init"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let out = omni(other.path())
        .current_dir(h.path())
        .args([
            "attest",
            "revoke",
            "--key-id",
            "00",
            "--reason",
            "x",
            "--list",
            "foreign.json",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    let out = h.run(&[
        "export-cert",
        "--attestation",
        "b.json",
        "--revocations",
        "foreign.json",
        "-o",
        "f.pem",
    ]);
    assert_eq!(out.status.code(), Some(65), "{}", text(&out));
    assert!(
        text(&out).contains("revocation list foreign.json"),
        "{}",
        text(&out)
    );
    assert!(!h.at("f.pem").exists());
}
