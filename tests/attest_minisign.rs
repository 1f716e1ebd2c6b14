//! minisign interoperability of `systems::attest::minisign`, with Debian's
//! `minisign` (0.11) as the oracle: omni's signatures must pass `minisign -V`,
//! minisign's must pass omni, and both must reject the same tampering.
//!
//! Tests that need the `minisign` program print `SKIP <test>: minisign not
//! installed` and return when it is missing; CI installs it.

use std::fs;
use std::io::Write as _;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use omni::runtime::crypto::{self, KeyId, SigningKey};
use omni::runtime::error::{Classify, Exit};
use omni::runtime::governor::memory;
use omni::systems::attest::minisign::{
    Algorithm, InvalidReason, MAX_LEGACY_FILE_BYTES, MAX_TRUSTED_COMMENT_BYTES,
    MAX_UNTRUSTED_COMMENT_BYTES, MinisignError, MinisignKeyId, MinisignPublicKey,
    MinisignSecretKey, MinisignSignature, Verdict, sign_file, sign_file_with, verify_file,
    verify_signature, write_public_key,
};

use crate::util;

/// True when `minisign` can be run; otherwise prints the skip line.
fn have_minisign(test: &str) -> bool {
    let found = Command::new("minisign")
        .arg("-v")
        .stdin(Stdio::null())
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).starts_with("minisign"));
    if !found {
        util::skip(test, "minisign not installed");
    }
    found
}

/// Runs `minisign` in `dir` with no terminal (so it can never prompt).
fn minisign(dir: &Path, args: &[&str]) -> Output {
    Command::new("minisign")
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("running minisign")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[track_caller]
fn assert_exit(out: &Output, code: i32) {
    assert_eq!(
        out.status.code(),
        Some(code),
        "stdout: {}\nstderr: {}",
        text(&out.stdout),
        text(&out.stderr)
    );
}

/// A minisign key pair made by `minisign -G -W` (unencrypted) in `dir`.
fn minisign_keypair(dir: &Path, name: &str) -> MinisignPublicKey {
    let (public, secret) = (format!("{name}.pub"), format!("{name}.key"));
    assert_exit(
        &minisign(dir, &["-G", "-W", "-p", &public, "-s", &secret]),
        0,
    );
    MinisignPublicKey::read(&dir.join(public)).expect("minisign's public key parses")
}

/// The key id minisign prints in a `.pub` file's comment line.
fn printed_key_id(pub_file: &Path) -> String {
    let first = fs::read_to_string(pub_file).unwrap();
    first
        .lines()
        .next()
        .unwrap()
        .strip_prefix("untrusted comment: minisign public key ")
        .expect("minisign's comment line")
        .to_owned()
}

fn flip_byte(path: &Path, at: usize) {
    let mut bytes = fs::read(path).unwrap();
    bytes[at] ^= 0x01;
    fs::write(path, bytes).unwrap();
}

/// Replaces the trusted comment (line 3) of a signature.
fn with_trusted_comment(sig: &str, comment: &str) -> String {
    let mut lines: Vec<String> = sig.lines().map(str::to_owned).collect();
    lines[2] = format!("trusted comment: {comment}");
    lines.join("\n") + "\n"
}

/// omni's key, stored and reloaded the way the CLI does.
fn omni_key(dir: &Path) -> SigningKey {
    let path = dir.join("omni.key");
    crypto::write_private_key(&path, &crypto::generate_os(), false).unwrap();
    crypto::read_private_key(&path).unwrap()
}

fn invalid(reason: InvalidReason) -> Verdict {
    Verdict::Invalid { reason }
}

// ---- 1. omni signs, minisign verifies ----

#[test]
fn omni_signature_passes_minisign() {
    let test = "attest_minisign::omni_signature_passes_minisign";
    if !have_minisign(test) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let key = omni_key(d);
    let id = MinisignKeyId::for_omni_key(&key.verifying_key());
    let public = MinisignPublicKey::for_omni_key(&key.verifying_key());
    let pub_path = d.join("omni.pub");
    write_public_key(&pub_path, &public, false).unwrap();
    let mode = fs::metadata(&pub_path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o644);
    // The id minisign displays is omni's short key id (as a number: minisign
    // drops leading zeros).
    assert_eq!(
        u64::from_str_radix(&printed_key_id(&pub_path), 16).unwrap(),
        u64::from_str_radix(&KeyId::of(&key.verifying_key()).short(), 16).unwrap()
    );
    let err = write_public_key(&pub_path, &public, false).unwrap_err();
    assert!(matches!(err, MinisignError::Exists { .. }), "{err}");
    assert_eq!(err.exit(), Exit::Config);

    let file = d.join("release.tar");
    fs::write(&file, b"omni release artefact\n").unwrap();
    let comment = "timestamp:1795365919\tfile:release.tar\tby omni";
    let sig = sign_file(&key, id, &file, comment, "signature from omni").unwrap();
    assert_eq!(&alg_bytes(&sig), b"ED", "{sig}");
    fs::write(d.join("release.tar.minisig"), &sig).unwrap();

    let out = minisign(d, &["-V", "-p", "omni.pub", "-m", "release.tar"]);
    assert_exit(&out, 0);
    assert!(
        text(&out.stdout).contains(&format!("Trusted comment: {comment}\n")),
        "{}",
        text(&out.stdout)
    );
    // -H accepts only prehashed signatures: omni wrote "ED".
    assert_exit(
        &minisign(d, &["-V", "-H", "-p", "omni.pub", "-m", "release.tar"]),
        0,
    );
    // -Q prints exactly the trusted comment.
    let out = minisign(d, &["-V", "-Q", "-p", "omni.pub", "-m", "release.tar"]);
    assert_eq!(text(&out.stdout), format!("{comment}\n"));
    assert_eq!(
        verify_file(&public, &file, &sig).unwrap(),
        Verdict::Valid {
            trusted_comment: comment.into(),
            key_id: id,
            algorithm: Algorithm::Prehashed
        }
    );

    // A changed trusted comment: both reject the comment signature.
    let forged = with_trusted_comment(&sig, "timestamp:1\tfile:release.tar");
    fs::write(d.join("forged.minisig"), &forged).unwrap();
    let out = minisign(
        d,
        &[
            "-V",
            "-p",
            "omni.pub",
            "-m",
            "release.tar",
            "-x",
            "forged.minisig",
        ],
    );
    assert_exit(&out, 1);
    assert!(text(&out.stderr).contains("Comment signature verification failed"));
    assert_eq!(
        verify_file(&public, &file, &forged).unwrap(),
        invalid(InvalidReason::TrustedComment)
    );

    // One flipped bit in the file: both reject the file signature.
    flip_byte(&file, 5);
    let out = minisign(d, &["-V", "-p", "omni.pub", "-m", "release.tar"]);
    assert_exit(&out, 1);
    assert!(
        text(&out.stderr).contains("Signature verification failed"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(
        verify_file(&public, &file, &sig).unwrap(),
        invalid(InvalidReason::FileSignature)
    );
}

#[test]
fn comment_limits_match_minisign() {
    let test = "attest_minisign::comment_limits_match_minisign";
    if !have_minisign(test) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let key = SigningKey::from_bytes(&[42u8; 32]);
    let id = MinisignKeyId::for_omni_key(&key.verifying_key());
    let public = MinisignPublicKey::for_omni_key(&key.verifying_key());
    fs::write(d.join("k.pub"), public.to_text()).unwrap();
    let file = d.join("f");
    fs::write(&file, b"x").unwrap();

    // The longest comments omni writes are read by minisign.
    let trusted = "t".repeat(MAX_TRUSTED_COMMENT_BYTES);
    let untrusted = "u".repeat(MAX_UNTRUSTED_COMMENT_BYTES);
    let sig = sign_file(&key, id, &file, &trusted, &untrusted).unwrap();
    fs::write(d.join("f.minisig"), &sig).unwrap();
    assert_exit(&minisign(d, &["-V", "-q", "-p", "k.pub", "-m", "f"]), 0);

    // One byte more and minisign cannot read them, so omni refuses to write them.
    for (t, u) in [
        (format!("{trusted}t"), untrusted.clone()),
        (trusted.clone(), format!("{untrusted}u")),
    ] {
        let err = sign_file(&key, id, &file, &t, &u).unwrap_err();
        assert_eq!(err.exit(), Exit::Usage, "{err}");
        // Made by hand, the same signature is refused by minisign: the limits
        // are tight, not guesses.
        let mut parsed = MinisignSignature::parse(&sig).unwrap();
        parsed.trusted_comment = t.clone();
        parsed.untrusted_comment = u;
        let mut global = parsed.signature.to_vec();
        global.extend_from_slice(t.as_bytes());
        parsed.global_signature = crypto::sign(&key, &global).to_bytes();
        fs::write(d.join("long.minisig"), parsed.to_text()).unwrap();
        let out = minisign(
            d,
            &["-V", "-q", "-p", "k.pub", "-m", "f", "-x", "long.minisig"],
        );
        assert_ne!(
            out.status.code(),
            Some(0),
            "minisign accepted a longer line"
        );
        // omni reads it regardless: parsing is not limited by C buffers.
        assert!(
            verify_file(&public, &file, &parsed.to_text())
                .unwrap()
                .is_valid()
        );
    }
}

#[test]
fn key_ids_display_like_minisign() {
    let test = "attest_minisign::key_ids_display_like_minisign";
    if !have_minisign(test) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // A key whose id has a leading zero digit, the case where padding would
    // differ (deterministic: the first such seed).
    let key = (0u8..=255)
        .map(|i| SigningKey::from_bytes(&[i; 32]))
        .find(|k| KeyId::of(&k.verifying_key()).short().starts_with('0'))
        .expect("one in sixteen keys qualifies");
    let other = SigningKey::from_bytes(&[0xee; 32]);
    let (id, other_id) = (
        MinisignKeyId::for_omni_key(&key.verifying_key()),
        MinisignKeyId::for_omni_key(&other.verifying_key()),
    );
    let file = d.join("f");
    fs::write(&file, b"ids").unwrap();
    let sig = sign_file(&key, id, &file, "t", "u").unwrap();
    fs::write(d.join("f.minisig"), &sig).unwrap();
    let other_public = MinisignPublicKey::for_omni_key(&other.verifying_key());
    fs::write(d.join("other.pub"), other_public.to_text()).unwrap();
    let out = minisign(d, &["-V", "-p", "other.pub", "-m", "f"]);
    assert_exit(&out, 1);
    // minisign names both ids; omni's Display gives the same digits.
    let stderr = text(&out.stderr);
    assert!(stderr.contains(&format!(" is {id}\n")), "{id}: {stderr}");
    assert!(
        stderr.contains(&format!(" is {other_id}\n")),
        "{other_id}: {stderr}"
    );
    assert!(!id.to_string().starts_with('0'), "{id}");
    let Verdict::Invalid { reason } = verify_file(&other_public, &file, &sig).unwrap() else {
        panic!("a signature by another key passed");
    };
    let message = reason.to_string();
    assert!(message.contains(&format!("key {id}")), "{message}");
    assert!(message.contains(&format!("is {other_id}")), "{message}");
}

// ---- 2. minisign signs, omni verifies ----

#[test]
fn minisign_signature_passes_omni() {
    let test = "attest_minisign::minisign_signature_passes_omni";
    if !have_minisign(test) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let public = minisign_keypair(d, "k");
    let file = d.join("data.bin");
    fs::write(
        &file,
        (0..10_000u32).map(|i| (i % 251) as u8).collect::<Vec<_>>(),
    )
    .unwrap();
    assert_exit(
        &minisign(d, &["-S", "-s", "k.key", "-m", "data.bin", "-t", "comment"]),
        0,
    );
    let sig_path = d.join("data.bin.minisig");
    let sig_text = fs::read_to_string(&sig_path).unwrap();
    let sig = MinisignSignature::read(&sig_path).unwrap();
    assert_eq!(sig.algorithm, Algorithm::Prehashed);
    assert_eq!(
        verify_signature(&public, &file, &sig).unwrap(),
        Verdict::Valid {
            trusted_comment: "comment".into(),
            key_id: public.key_id(),
            algorithm: Algorithm::Prehashed
        }
    );
    // omni displays key ids the way minisign does.
    assert_eq!(
        public.key_id().to_string(),
        printed_key_id(&d.join("k.pub"))
    );

    // A modified trusted comment.
    assert_eq!(
        verify_file(&public, &file, &with_trusted_comment(&sig_text, "commenT")).unwrap(),
        invalid(InvalidReason::TrustedComment)
    );

    // A different key: the ids differ, and the reason names both as minisign does.
    let other = minisign_keypair(d, "other");
    let verdict = verify_file(&other, &file, &sig_text).unwrap();
    assert_eq!(
        verdict,
        invalid(InvalidReason::KeyIdMismatch {
            signature: public.key_id(),
            public_key: other.key_id(),
        })
    );
    let Verdict::Invalid { reason } = verdict else {
        unreachable!()
    };
    let message = reason.to_string();
    assert!(
        message.contains(&printed_key_id(&d.join("k.pub"))),
        "{message}"
    );
    assert!(
        message.contains(&printed_key_id(&d.join("other.pub"))),
        "{message}"
    );
    let out = minisign(d, &["-V", "-p", "other.pub", "-m", "data.bin"]);
    assert_exit(&out, 1);

    // A different key claiming the signer's id: the signature itself decides.
    let impostor = MinisignPublicKey::from_ed25519(other.verifying_key(), public.key_id());
    assert_eq!(
        verify_file(&impostor, &file, &sig_text).unwrap(),
        invalid(InvalidReason::FileSignature)
    );

    // A modified file.
    flip_byte(&file, 9_999);
    assert_eq!(
        verify_file(&public, &file, &sig_text).unwrap(),
        invalid(InvalidReason::FileSignature)
    );
    assert_exit(&minisign(d, &["-V", "-p", "k.pub", "-m", "data.bin"]), 1);
}

#[test]
fn unencrypted_minisign_secret_key_signs_for_minisign() {
    let test = "attest_minisign::unencrypted_minisign_secret_key_signs_for_minisign";
    if !have_minisign(test) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let public = minisign_keypair(d, "k");
    let secret = MinisignSecretKey::read(&d.join("k.key")).unwrap();
    assert_eq!(secret.public_key(), public);
    let file = d.join("f");
    fs::write(&file, b"signed by omni with minisign's key").unwrap();
    let sig = sign_file(
        secret.signing_key(),
        secret.key_id(),
        &file,
        "omni+minisign",
        "x",
    )
    .unwrap();
    fs::write(d.join("f.minisig"), sig).unwrap();
    let out = minisign(d, &["-V", "-p", "k.pub", "-m", "f"]);
    assert_exit(&out, 0);
    assert!(text(&out.stdout).contains("Trusted comment: omni+minisign"));

    // Secret keys readable by others are refused, like omni's own keys.
    fs::set_permissions(d.join("k.key"), fs::Permissions::from_mode(0o644)).unwrap();
    let err = MinisignSecretKey::read(&d.join("k.key")).unwrap_err();
    assert!(matches!(err, MinisignError::TooOpen { .. }), "{err}");
    assert_eq!(err.exit(), Exit::Config);
}

// ---- 3. legacy signatures, both ways ----

/// The algorithm bytes of a signature text, decoded independently of omni.
fn alg_bytes(sig: &str) -> [u8; 2] {
    use base64ct::Encoding as _;
    let bytes = base64ct::Base64::decode_vec(sig.lines().nth(1).unwrap()).unwrap();
    [bytes[0], bytes[1]]
}

#[test]
fn legacy_signatures_both_ways() {
    let test = "attest_minisign::legacy_signatures_both_ways";
    if !have_minisign(test) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let public = minisign_keypair(d, "k");
    let file = d.join("f");
    fs::write(&file, b"legacy mode signs the bytes themselves").unwrap();

    // minisign -l → omni.
    assert_exit(
        &minisign(d, &["-S", "-l", "-s", "k.key", "-m", "f", "-t", "old"]),
        0,
    );
    let sig = fs::read_to_string(d.join("f.minisig")).unwrap();
    assert_eq!(&alg_bytes(&sig), b"Ed", "{sig}");
    assert_eq!(
        verify_file(&public, &file, &sig).unwrap(),
        Verdict::Valid {
            trusted_comment: "old".into(),
            key_id: public.key_id(),
            algorithm: Algorithm::Legacy
        }
    );

    // omni legacy → minisign: accepted by -V, refused by -H (prehash required).
    let key = SigningKey::from_bytes(&[8u8; 32]);
    let id = MinisignKeyId::for_omni_key(&key.verifying_key());
    fs::write(
        d.join("omni.pub"),
        MinisignPublicKey::for_omni_key(&key.verifying_key()).to_text(),
    )
    .unwrap();
    let ours = sign_file_with(&key, id, &file, Algorithm::Legacy, "legacy by omni", "u").unwrap();
    assert_eq!(&alg_bytes(&ours), b"Ed", "{ours}");
    fs::write(d.join("ours.minisig"), &ours).unwrap();
    let out = minisign(
        d,
        &["-V", "-p", "omni.pub", "-m", "f", "-x", "ours.minisig"],
    );
    assert_exit(&out, 0);
    assert!(text(&out.stdout).contains("Trusted comment: legacy by omni"));
    let out = minisign(
        d,
        &[
            "-V",
            "-H",
            "-p",
            "omni.pub",
            "-m",
            "f",
            "-x",
            "ours.minisig",
        ],
    );
    assert_exit(&out, 1);
    assert!(
        text(&out.stderr).contains("Legacy"),
        "{}",
        text(&out.stderr)
    );

    // Tampering is caught in legacy mode too, by both.
    flip_byte(&file, 0);
    assert_eq!(
        verify_file(&public, &file, &sig).unwrap(),
        invalid(InvalidReason::FileSignature)
    );
    assert_exit(
        &minisign(
            d,
            &["-V", "-p", "omni.pub", "-m", "f", "-x", "ours.minisig"],
        ),
        1,
    );
}

// ---- 4. malformed input ----

/// A valid signature and key to mutate (no minisign needed).
fn sample(dir: &Path) -> (MinisignPublicKey, PathBuf, String) {
    let key = SigningKey::from_bytes(&[3u8; 32]);
    let file = dir.join("f");
    fs::write(&file, b"data").unwrap();
    let id = MinisignKeyId::for_omni_key(&key.verifying_key());
    let sig = sign_file(&key, id, &file, "tc", "uc").unwrap();
    (
        MinisignPublicKey::for_omni_key(&key.verifying_key()),
        file,
        sig,
    )
}

/// Line `n` (1-based) of `text` replaced by `with`.
fn replace_line(text: &str, n: usize, with: &str) -> String {
    let mut lines: Vec<&str> = text.lines().collect();
    lines[n - 1] = with;
    lines.join("\n") + "\n"
}

fn b64(bytes: &[u8]) -> String {
    use base64ct::Encoding as _;
    base64ct::Base64::encode_string(bytes)
}

#[test]
fn malformed_signatures_are_data_errors_naming_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let (public, file, sig) = sample(dir.path());
    let lines: Vec<&str> = sig.lines().collect();
    let sig_bytes = {
        use base64ct::Encoding as _;
        base64ct::Base64::decode_vec(lines[1]).unwrap()
    };
    let mut wrong_alg = sig_bytes.clone();
    wrong_alg[..2].copy_from_slice(b"EE");
    let cases: Vec<(&str, String, &str)> = vec![
        ("empty", String::new(), "line 1: missing"),
        (
            "no untrusted prefix",
            replace_line(&sig, 1, "comment: uc"),
            "line 1: expected a line starting with \"untrusted comment: \"",
        ),
        (
            "truncated base64",
            replace_line(&sig, 2, &lines[1][..lines[1].len() - 3]),
            "line 2: a base64 minisign signature: not valid base64",
        ),
        (
            "base64 with a bad character",
            replace_line(&sig, 2, &lines[1].replacen('R', "*", 1)),
            "line 2: a base64 minisign signature: not valid base64",
        ),
        (
            "short signature",
            replace_line(&sig, 2, &b64(&sig_bytes[..73])),
            "line 2: a base64 minisign signature: 73 bytes, expected 74",
        ),
        (
            "long signature",
            replace_line(&sig, 2, &b64(&[sig_bytes.as_slice(), &[0]].concat())),
            "line 2: a base64 minisign signature: 75 bytes, expected 74",
        ),
        (
            "wrong algorithm",
            replace_line(&sig, 2, &b64(&wrong_alg)),
            "line 2: unsupported signature algorithm \"EE\"",
        ),
        (
            "missing trusted comment",
            lines[..2].join("\n") + "\n",
            "line 3: missing",
        ),
        (
            "no trusted prefix",
            replace_line(&sig, 3, "trusted: tc"),
            "line 3: expected a line starting with \"trusted comment: \"",
        ),
        (
            "missing global signature",
            lines[..3].join("\n") + "\n",
            "line 4: missing",
        ),
        (
            "short global signature",
            replace_line(&sig, 4, &b64(&[0u8; 63])),
            "line 4: a base64 global signature: 63 bytes, expected 64",
        ),
        (
            "unpadded global signature",
            replace_line(&sig, 4, lines[3].trim_end_matches('=')),
            "line 4: a base64 global signature: not valid base64",
        ),
        (
            "trailing content",
            format!("{sig}\nextra\n"),
            "line 6: unexpected content after the last line",
        ),
    ];
    for (what, text, expected) in cases {
        let err = verify_file(&public, &file, &text).expect_err(what);
        assert_eq!(err.exit(), Exit::DataErr, "{what}: {err}");
        let message = err.to_string();
        assert!(
            message.starts_with("minisign signature: ") && message.contains(expected),
            "{what}: got {message:?}, expected {expected:?}"
        );
    }
    // The unmodified text is fine, and CRLF line endings are accepted.
    assert!(verify_file(&public, &file, &sig).unwrap().is_valid());
    assert!(
        verify_file(&public, &file, &sig.replace('\n', "\r\n"))
            .unwrap()
            .is_valid()
    );

    // From a file, the message names the file.
    let path = dir.path().join("bad.minisig");
    fs::write(&path, replace_line(&sig, 3, "nope")).unwrap();
    let err = MinisignSignature::read(&path).unwrap_err();
    assert_eq!(err.exit(), Exit::DataErr);
    assert_eq!(
        err.to_string(),
        format!(
            "{}: line 3: expected a line starting with \"trusted comment: \"",
            path.display()
        )
    );
}

#[test]
fn malformed_keys_are_data_errors_naming_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let (public, _file, _sig) = sample(dir.path());
    let pub_text = public.to_text();
    let key_line = public.to_base64();
    let key_bytes = {
        use base64ct::Encoding as _;
        base64ct::Base64::decode_vec(&key_line).unwrap()
    };
    let mut wrong_alg = key_bytes.clone();
    wrong_alg[..2].copy_from_slice(b"ED");
    let pem = crypto::public_key_pem(public.verifying_key()).unwrap();
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "missing key line",
            pub_text.lines().next().unwrap().to_owned() + "\n",
            "line 2: missing",
        ),
        (
            "a PEM key",
            pem,
            "line 1: expected a line starting with \"untrusted comment: \"",
        ),
        (
            "truncated",
            replace_line(&pub_text, 2, &key_line[..41]),
            "line 2: a base64 minisign public key: not valid base64",
        ),
        (
            "short",
            replace_line(&pub_text, 2, &b64(&key_bytes[..41])),
            "line 2: a base64 minisign public key: 41 bytes, expected 42",
        ),
        (
            "wrong algorithm",
            replace_line(&pub_text, 2, &b64(&wrong_alg)),
            "line 2: unsupported key algorithm \"ED\"",
        ),
        (
            "small-order key",
            replace_line(
                &pub_text,
                2,
                &b64(&[b"Ed".as_slice(), &[0u8; 8], &[0u8; 32]].concat()),
            ),
            "line 2: weak Ed25519 public key",
        ),
    ];
    for (what, text, expected) in cases {
        let err = MinisignPublicKey::parse(&text).expect_err(what);
        assert_eq!(err.exit(), Exit::DataErr, "{what}: {err}");
        let message = err.to_string();
        assert!(
            message.starts_with("minisign public key: ") && message.contains(expected),
            "{what}: got {message:?}, expected {expected:?}"
        );
    }
    // The -P form is one line.
    assert_eq!(MinisignPublicKey::from_base64(&key_line).unwrap(), public);

    // A key given where a signature belongs.
    let file = dir.path().join("f");
    let err = verify_file(&public, &file, &pub_text).unwrap_err();
    assert_eq!(err.exit(), Exit::DataErr);
    assert!(err.to_string().contains("line 2"), "{err}");
}

#[test]
fn missing_files_are_no_input() {
    let dir = tempfile::tempdir().unwrap();
    let (public, file, sig) = sample(dir.path());
    let gone = dir.path().join("gone");
    let err = verify_file(&public, &gone, &sig).unwrap_err();
    assert_eq!(err.exit(), Exit::NoInput);
    assert_eq!(
        err.to_string(),
        format!("{} does not exist", gone.display())
    );
    let key = SigningKey::from_bytes(&[3u8; 32]);
    let id = MinisignKeyId::for_omni_key(&key.verifying_key());
    assert_eq!(
        sign_file(&key, id, &gone, "", "").unwrap_err().exit(),
        Exit::NoInput
    );
    for err in [
        MinisignSignature::read(&gone).unwrap_err(),
        MinisignPublicKey::read(&gone).unwrap_err(),
        MinisignSecretKey::read(&gone).unwrap_err(),
    ] {
        assert_eq!(err.exit(), Exit::NoInput, "{err}");
    }
    // A signature file that is not UTF-8 is malformed, naming the line.
    let latin1 = dir.path().join("latin1.minisig");
    let mut bytes = sig.clone().into_bytes();
    let at = sig.find("tc").unwrap();
    bytes[at] = 0xe9;
    fs::write(&latin1, bytes).unwrap();
    let err = MinisignSignature::read(&latin1).unwrap_err();
    assert_eq!(err.exit(), Exit::DataErr);
    assert_eq!(
        err.to_string(),
        format!("{}: line 3: not UTF-8 text", latin1.display())
    );
    // A write into a missing directory is an I/O error, not missing input.
    let err = write_public_key(&gone.join("k.pub"), &public, true).unwrap_err();
    assert_eq!(err.exit(), Exit::IoErr, "{err}");
    assert!(verify_file(&public, &file, &sig).unwrap().is_valid());
}

#[test]
fn legacy_signatures_stop_at_minisigns_limit() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("huge");
    // Sparse: no disk space or time is spent, only the length matters.
    let f = fs::File::create(&file).unwrap();
    f.set_len(MAX_LEGACY_FILE_BYTES + 1).unwrap();
    drop(f);
    let key = SigningKey::from_bytes(&[4u8; 32]);
    let id = MinisignKeyId::for_omni_key(&key.verifying_key());
    let err = sign_file_with(&key, id, &file, Algorithm::Legacy, "t", "u").unwrap_err();
    assert!(matches!(err, MinisignError::TooLarge { .. }), "{err}");
    assert_eq!(err.exit(), Exit::DataErr);
    // A legacy signature made over the first byte only, checked against it.
    let small = dir.path().join("small");
    fs::write(&small, b"\0").unwrap();
    let sig = sign_file_with(&key, id, &small, Algorithm::Legacy, "t", "u").unwrap();
    let public = MinisignPublicKey::for_omni_key(&key.verifying_key());
    let err = verify_file(&public, &file, &sig).unwrap_err();
    assert!(err.to_string().contains("legacy"), "{err}");
    assert_eq!(err.exit(), Exit::DataErr);
}

// ---- 5. a large file streams ----

const LARGE_ENTRY: &str = "attest_minisign::large_file_is_streamed";
const LARGE_BYTES: u64 = 50 << 20;

/// Writes `LARGE_BYTES` of varied content in 1 MiB blocks.
fn write_large(path: &Path) {
    let mut out = std::io::BufWriter::new(fs::File::create(path).unwrap());
    let mut block = vec![0u8; 1 << 20];
    for i in 0..(LARGE_BYTES >> 20) {
        for (j, b) in block.iter_mut().enumerate() {
            *b = (j as u64 ^ i.wrapping_mul(0x9e37_79b9)) as u8;
        }
        out.write_all(&block).unwrap();
    }
    out.flush().unwrap();
}

/// Child role: sign and verify the file named by `OMNI_TEST_MINISIGN_FILE`
/// and report the heap peak the work added. Alone in its process, so the
/// counting allocator's peak is this work's.
fn large_child() {
    let file = PathBuf::from(std::env::var_os("OMNI_TEST_MINISIGN_FILE").unwrap());
    assert!(memory::is_active(), "counting allocator not installed");
    let base = memory::current();
    let key = SigningKey::from_bytes(&[11u8; 32]);
    let id = MinisignKeyId::for_omni_key(&key.verifying_key());
    let sig = sign_file(&key, id, &file, "large", "u").unwrap();
    let public = MinisignPublicKey::for_omni_key(&key.verifying_key());
    let verdict = verify_file(&public, &file, &sig).unwrap();
    assert!(verdict.is_valid(), "{verdict:?}");
    fs::write(file.with_extension("minisig"), &sig).unwrap();
    fs::write(file.with_extension("pub"), public.to_text()).unwrap();
    println!("PEAK {}", memory::peak().saturating_sub(base));
}

#[test]
fn large_file_is_streamed() {
    if util::child_role().as_deref() == Some("minisign-large") {
        return large_child();
    }
    if util::child_role().is_some() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("big.bin");
    write_large(&file);
    let out = util::child(LARGE_ENTRY, "minisign-large")
        .env("OMNI_TEST_MINISIGN_FILE", &file)
        .output()
        .unwrap();
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", text(&out.stderr));
    let peak: usize = stdout
        .lines()
        .find_map(|l| l.strip_prefix("PEAK "))
        .unwrap_or_else(|| panic!("no PEAK line: {stdout}"))
        .parse()
        .unwrap();
    // Reading the file whole would need 50 MiB; streaming needs one buffer.
    assert!(
        peak < 2 << 20,
        "signing and verifying 50 MiB peaked at {peak} heap bytes"
    );

    let test = "attest_minisign::large_file_is_streamed (minisign part)";
    if !have_minisign(test) {
        return;
    }
    let d = dir.path();
    let out = minisign(
        d,
        &["-V", "-p", "big.pub", "-m", "big.bin", "-x", "big.minisig"],
    );
    assert_exit(&out, 0);
    // And minisign's prehashed signature over the same file passes omni.
    let public = minisign_keypair(d, "k");
    assert_exit(
        &minisign(d, &["-S", "-s", "k.key", "-m", "big.bin", "-t", "big"]),
        0,
    );
    let sig = fs::read_to_string(d.join("big.bin.minisig")).unwrap();
    assert_eq!(
        verify_file(&public, &file, &sig).unwrap(),
        Verdict::Valid {
            trusted_comment: "big".into(),
            key_id: public.key_id(),
            algorithm: Algorithm::Prehashed
        }
    );
}
