//! Pure-Rust TPM2 quote verification (`systems::attest::quote`) against the
//! outside oracle: a live swtpm driven by tpm2-tools, whose quotes omni must
//! accept and whose tamperings omni must name exactly as the check that
//! catches them, with `tpm2_checkquote` agreeing on every verdict. Parsers are
//! also run over committed real output (tests/data/attest/tpm2-quote) for every
//! truncation and every single-byte flip, so a malformed input is always a
//! typed 65 and never a panic.

use std::collections::BTreeMap;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use omni::runtime::error::{Classify, Exit};
use omni::systems::attest::quote::{
    self, ATTR_RESTRICTED, AkPublic, HashAlg, PcrPolicy, PcrValues, Quote, QuoteCheck, QuoteError,
    QuoteEvidence, QuoteSignature, QuoteVerdict, TPM_GENERATED_VALUE, TPM_ST_ATTEST_QUOTE,
};
use sha2::{Digest, Sha256};

use crate::util::skip;

const FIXTURE_NONCE: &[u8] = &[0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77];

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/attest/tpm2-quote")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("fixture {}: {e}", path.display()))
}

fn fixture_ak() -> AkPublic {
    AkPublic::from_pem(&String::from_utf8(fixture("ak.pem")).unwrap()).unwrap()
}

/// PCR `pcr` of a sha256 bank that started at zero and was extended once with `data`'s digest.
fn extended_once(data: &[u8]) -> Vec<u8> {
    let mut h = Sha256::new();
    h.update([0u8; 32]);
    h.update(Sha256::digest(data));
    h.finalize().to_vec()
}

fn invalid(verdict: QuoteVerdict) -> QuoteCheck {
    match verdict {
        QuoteVerdict::Invalid(check) => check,
        QuoteVerdict::Valid => panic!("expected an invalid quote, got Valid"),
    }
}

// ---------------------------------------------------------------------------
// Committed real tpm2-tools output: formats, verification, malformed inputs

#[test]
fn fixture_quote_verifies_and_fields_parse() {
    let msg = fixture("q.msg");
    let quote = Quote::parse(&msg, &fixture("q.sig")).unwrap();
    assert_eq!(quote.magic(), TPM_GENERATED_VALUE);
    assert_eq!(quote.attest_type(), TPM_ST_ATTEST_QUOTE);
    assert_eq!(quote.extra_data(), FIXTURE_NONCE);
    // qualifiedSigner is a sha256 name: the 0x000B algorithm id then 32 bytes.
    assert_eq!(quote.qualified_signer().len(), 34);
    assert_eq!(&quote.qualified_signer()[..2], &[0x00, 0x0b]);
    assert!(quote.clock_info().safe);
    assert_eq!(
        quote.pcr_selection().unwrap().to_string(),
        "sha256:0,1,2,3,16"
    );
    assert_eq!(quote.signature().hash(), HashAlg::Sha256);

    let pcrs = PcrValues::from_tpm2_tools(&fixture("q.pcrs")).unwrap();
    assert_eq!(pcrs.len(), 5);
    // Independent oracle for the file layout: the values the fixture's PCRs must hold.
    assert_eq!(pcrs.get(HashAlg::Sha256, 0).unwrap(), &[0u8; 32]);
    assert_eq!(
        pcrs.get(HashAlg::Sha256, 3).unwrap(),
        extended_once(b"x").as_slice()
    );
    assert_eq!(
        pcrs.get(HashAlg::Sha256, 16).unwrap(),
        extended_once(b"omni").as_slice()
    );

    let ak = fixture_ak();
    assert_eq!(
        quote::verify(&quote, &pcrs, &ak, FIXTURE_NONCE, None),
        QuoteVerdict::Valid
    );
    // The pcrDigest is SHA-256 over the five values in selection order.
    let mut h = Sha256::new();
    for i in [0, 1, 2, 3, 16] {
        h.update(pcrs.get(HashAlg::Sha256, i).unwrap());
    }
    assert_eq!(quote.pcr_digest().unwrap(), h.finalize().as_slice());
}

#[test]
fn fixture_plain_der_signature_and_multibank_file() {
    // `-f plain`: a DER ECDSA signature over the same kind of quote.
    let plain = Quote::parse(&fixture("plain.msg"), &fixture("plain.sig")).unwrap();
    let pcrs = PcrValues::from_tpm2_tools(&fixture("q.pcrs")).unwrap();
    let ak = fixture_ak();
    assert_eq!(
        quote::verify(&plain, &pcrs, &ak, FIXTURE_NONCE, None),
        QuoteVerdict::Valid
    );

    // 13 sha256 + 2 sha1 values: two TPML_DIGEST blocks, and a pcrDigest that
    // uses the signing hash (sha256) even over the sha1 bank.
    let multi = Quote::parse(&fixture("multi.msg"), &fixture("multi.sig")).unwrap();
    assert_eq!(
        multi.pcr_selection().unwrap().to_string(),
        "sha256:0,1,2,3,4,5,6,7,8,9,10,16,23+sha1:1,2"
    );
    let file = fixture("multi.pcrs");
    assert_eq!(file.len(), 1200);
    let values = PcrValues::from_tpm2_tools(&file).unwrap();
    assert_eq!(values.len(), 15);
    assert_eq!(values.get(HashAlg::Sha1, 2).unwrap().len(), 20);
    assert_eq!(
        quote::verify(&multi, &values, &ak, &[0x00], None),
        QuoteVerdict::Valid
    );

    // Writing the file back gives tpm2-tools' bytes exactly.
    let sel = multi.pcr_selection().unwrap();
    assert_eq!(values.to_tpm2_tools(sel).unwrap(), file);
    let basic = Quote::parse(&fixture("q.msg"), &fixture("q.sig")).unwrap();
    assert_eq!(
        pcrs.to_tpm2_tools(basic.pcr_selection().unwrap()).unwrap(),
        fixture("q.pcrs")
    );

    // `-F values`: the same values concatenated, split by the quote's selection.
    let raw: Vec<u8> = sel
        .iter()
        .flat_map(|(h, i)| values.get(h, i).unwrap().to_vec())
        .collect();
    assert_eq!(
        PcrValues::from_tpm2_tools_values(&raw, sel).unwrap(),
        values
    );
    assert!(PcrValues::from_tpm2_tools_values(&raw[..raw.len() - 1], sel).is_err());

    // The TSS re-encoding of a plain signature parses back to the same signature.
    let tss = plain.signature().to_tpm();
    assert_eq!(QuoteSignature::parse(&tss).unwrap(), *plain.signature());
}

#[test]
fn fixture_failures_name_the_check() {
    let msg = fixture("q.msg");
    let sig = fixture("q.sig");
    let quote = Quote::parse(&msg, &sig).unwrap();
    let pcrs = PcrValues::from_tpm2_tools(&fixture("q.pcrs")).unwrap();
    let ak = fixture_ak();

    // Wrong nonce.
    let check = invalid(quote::verify(&quote, &pcrs, &ak, b"other", None));
    assert_eq!(
        check,
        QuoteCheck::Nonce {
            expected: b"other".to_vec(),
            found: FIXTURE_NONCE.to_vec()
        }
    );

    // A changed PCR value.
    let mut changed = pcrs.banks().get(&HashAlg::Sha256).unwrap().clone();
    changed.get_mut(&2).unwrap()[31] ^= 1;
    let changed = PcrValues::from_bank(HashAlg::Sha256, changed).unwrap();
    let check = invalid(quote::verify(&quote, &changed, &ak, FIXTURE_NONCE, None));
    assert!(
        matches!(
            check,
            QuoteCheck::PcrDigest {
                hash: HashAlg::Sha256,
                ..
            }
        ),
        "{check:?}"
    );

    // A missing value, and an unquoted extra value, are both a selection mismatch.
    let mut fewer = pcrs.banks().get(&HashAlg::Sha256).unwrap().clone();
    fewer.remove(&16);
    let fewer = PcrValues::from_bank(HashAlg::Sha256, fewer).unwrap();
    let check = invalid(quote::verify(&quote, &fewer, &ak, FIXTURE_NONCE, None));
    assert_eq!(
        check,
        QuoteCheck::Selection {
            quoted: "sha256:0,1,2,3,16".into(),
            supplied: "sha256:0,1,2,3".into()
        }
    );
    let mut more = pcrs.clone();
    more.insert(HashAlg::Sha256, 7, vec![0xaa; 32]).unwrap();
    let check = invalid(quote::verify(&quote, &more, &ak, FIXTURE_NONCE, None));
    assert!(matches!(check, QuoteCheck::Selection { .. }), "{check:?}");

    // Crafted magic and type (the signature would fail too: these come first).
    let mut bad_magic = msg.clone();
    bad_magic[..4].copy_from_slice(&0xDEAD_BEEFu32.to_be_bytes());
    let q = Quote::parse(&bad_magic, &sig).unwrap();
    assert_eq!(
        invalid(quote::verify(&q, &pcrs, &ak, FIXTURE_NONCE, None)),
        QuoteCheck::Magic {
            expected: TPM_GENERATED_VALUE,
            found: 0xDEAD_BEEF
        }
    );
    let mut bad_type = msg.clone();
    bad_type[4..6].copy_from_slice(&0x8014u16.to_be_bytes()); // TPM_ST_ATTEST_CERTIFY
    let q = Quote::parse(&bad_type, &sig).unwrap();
    assert!(q.pcr_selection().is_none());
    assert_eq!(
        invalid(quote::verify(&q, &pcrs, &ak, FIXTURE_NONCE, None)),
        QuoteCheck::Type {
            expected: TPM_ST_ATTEST_QUOTE,
            found: 0x8014
        }
    );

    // Policy: allowed, disallowed (names PCR 16 and its value), not quoted.
    let pcr16 = hex::encode(pcrs.get(HashAlg::Sha256, 16).unwrap());
    let ok = PcrPolicy::parse_json(&format!(
        r#"{{"0": ["{}"], "16": ["{}", "0x{}"], "mask": "0x10000"}}"#,
        "00".repeat(32),
        "11".repeat(32),
        pcr16.to_uppercase()
    ))
    .unwrap();
    assert_eq!(
        quote::verify(&quote, &pcrs, &ak, FIXTURE_NONCE, Some(&ok)),
        QuoteVerdict::Valid
    );
    let deny = PcrPolicy::parse_json(&format!(
        r#"{{"0": "{}", "16": ["{}"]}}"#,
        "00".repeat(32),
        "11".repeat(32)
    ))
    .unwrap();
    assert_eq!(
        invalid(quote::verify(
            &quote,
            &pcrs,
            &ak,
            FIXTURE_NONCE,
            Some(&deny)
        )),
        QuoteCheck::Policy {
            hash: HashAlg::Sha256,
            pcr: 16,
            expected: vec![vec![0x11; 32]],
            found: hex::decode(&pcr16).unwrap(),
        }
    );
    let unquoted = PcrPolicy::parse_json(&format!(r#"{{"23": ["{}"]}}"#, "00".repeat(32))).unwrap();
    assert_eq!(
        invalid(quote::verify(
            &quote,
            &pcrs,
            &ak,
            FIXTURE_NONCE,
            Some(&unquoted)
        )),
        QuoteCheck::PolicyMissing {
            hash: HashAlg::Sha256,
            pcr: 23
        }
    );
}

#[test]
fn tpm2b_public_attributes_catch_a_forgery_a_pem_cannot() {
    // The real AK from its TPM2B_PUBLIC: the same key, restricted, verifies.
    let ak = AkPublic::from_tpm2b_public(&fixture("ak.pub")).unwrap();
    assert_eq!(ak.attributes(), Some(0x0005_0072));
    assert!(ak.same_key(&fixture_ak()));
    let quote = Quote::parse(&fixture("q.msg"), &fixture("q.sig")).unwrap();
    let pcrs = PcrValues::from_tpm2_tools(&fixture("q.pcrs")).unwrap();
    assert_eq!(
        quote::verify(&quote, &pcrs, &ak, FIXTURE_NONCE, None),
        QuoteVerdict::Valid
    );

    // forged.msg is q.msg with the pcrDigest of all-zero PCRs, signed with
    // tpm2_sign by a non-restricted key of the same TPM. With only its PEM the
    // forgery is indistinguishable from a quote (tpm2_checkquote accepts it too).
    let forged = Quote::parse(&fixture("forged.msg"), &fixture("forged.sig")).unwrap();
    let zeros = PcrValues::from_bank(
        HashAlg::Sha256,
        [0, 1, 2, 3, 16]
            .into_iter()
            .map(|i| (i, vec![0u8; 32]))
            .collect(),
    )
    .unwrap();
    let pem = AkPublic::from_pem(&String::from_utf8(fixture("unrestricted.pem")).unwrap()).unwrap();
    assert_eq!(
        quote::verify(&forged, &zeros, &pem, FIXTURE_NONCE, None),
        QuoteVerdict::Valid
    );
    // Its TPM2B_PUBLIC says what it is.
    let public = AkPublic::from_tpm2b_public(&fixture("unrestricted.pub")).unwrap();
    assert!(public.same_key(&pem));
    let check = invalid(quote::verify(&forged, &zeros, &public, FIXTURE_NONCE, None));
    assert_eq!(
        check,
        QuoteCheck::AkAttributes {
            attributes: 0x0004_0072,
            missing: ATTR_RESTRICTED
        }
    );
    assert_eq!(
        check.to_string(),
        "the attestation key lacks restricted (objectAttributes 0x00040072): it can sign forged quotes"
    );

    // Evidence carrying the TPM2B_PUBLIC gets the same check; a mismatched pair is refused.
    let mut evidence = QuoteEvidence::from_tpm2_tools(
        &fixture("forged.msg"),
        &fixture("forged.sig"),
        &zeros
            .to_tpm2_tools(forged.pcr_selection().unwrap())
            .unwrap(),
        &String::from_utf8(fixture("unrestricted.pem")).unwrap(),
    )
    .unwrap();
    assert!(evidence.verify(FIXTURE_NONCE, None).unwrap().is_valid());
    evidence.ak_public = Some(fixture("unrestricted.pub"));
    let json = serde_json::to_string(&evidence).unwrap();
    let back: QuoteEvidence = serde_json::from_str(&json).unwrap();
    assert_eq!(back, evidence);
    assert_eq!(
        invalid(back.verify(FIXTURE_NONCE, None).unwrap()).name(),
        "ak-attributes"
    );
    evidence.ak_public = Some(fixture("ak.pub"));
    let e = evidence.verify(FIXTURE_NONCE, None).unwrap_err();
    assert_eq!(
        e.to_string(),
        "attestation key: ak_public and ak_pem are different keys"
    );

    // Every truncation of a TPM2B_PUBLIC is a typed error naming it.
    let public = fixture("ak.pub");
    for len in 0..public.len() {
        let e = AkPublic::from_tpm2b_public(&public[..len]).unwrap_err();
        assert_eq!(e.exit(), Exit::DataErr);
        assert!(
            e.to_string().starts_with("TPM2B_PUBLIC: "),
            "len {len}: {e}"
        );
    }
}

#[test]
fn every_single_byte_flip_of_the_message_is_caught() {
    let msg = fixture("q.msg");
    let sig = fixture("q.sig");
    let pcrs = PcrValues::from_tpm2_tools(&fixture("q.pcrs")).unwrap();
    let ak = fixture_ak();
    for at in 0..msg.len() {
        let mut bad = msg.clone();
        bad[at] ^= 0x01;
        let quote = match Quote::parse(&bad, &sig) {
            // A flipped size or count breaks the structure itself: a typed 65.
            Err(e) => {
                assert_eq!(e.exit(), Exit::DataErr, "byte {at}: {e}");
                continue;
            }
            Ok(q) => q,
        };
        let check = invalid(quote::verify(&quote, &pcrs, &ak, FIXTURE_NONCE, None));
        let expected = match at {
            0..4 => "magic",
            4..6 => "type",
            _ => "signature",
        };
        assert_eq!(check.name(), expected, "byte {at}: {check}");
    }
}

#[test]
fn every_truncation_is_a_typed_error_naming_structure_and_offset() {
    let msg = fixture("q.msg");
    let sig = fixture("q.sig");
    let pcrs = fixture("q.pcrs");
    for len in 0..msg.len() {
        let e = Quote::parse(&msg[..len], &sig).unwrap_err();
        assert_eq!(e.exit(), Exit::DataErr);
        let text = e.to_string();
        assert!(
            text.starts_with("TPMS_ATTEST: truncated at offset "),
            "len {len}: {text}"
        );
    }
    // The exact message for one case: the name's size says 34 bytes, 2 remain.
    let e = Quote::parse(&msg[..10], &sig).unwrap_err();
    assert_eq!(
        e.to_string(),
        "TPMS_ATTEST: truncated at offset 8: qualifiedSigner needs 34 bytes, 2 left"
    );
    for len in 0..sig.len() {
        let e = Quote::parse(&msg, &sig[..len]).unwrap_err();
        assert_eq!(e.exit(), Exit::DataErr);
        assert!(
            e.to_string()
                .starts_with("TPMT_SIGNATURE: truncated at offset "),
            "len {len}: {e}"
        );
    }
    let plain = fixture("plain.sig");
    for len in 1..plain.len() {
        let e = QuoteSignature::parse(&plain[..len]).unwrap_err();
        assert_eq!(e.exit(), Exit::DataErr);
        assert!(
            e.to_string().starts_with("DER ECDSA signature: "),
            "len {len}: {e}"
        );
    }
    for len in 0..pcrs.len() {
        let e = PcrValues::from_tpm2_tools(&pcrs[..len]).unwrap_err();
        assert_eq!(e.exit(), Exit::DataErr);
        assert!(
            e.to_string().starts_with("tpm2-tools PCR file: "),
            "len {len}: {e}"
        );
    }
    // One byte too many is refused too: the signature covers exactly the message.
    let mut long = msg.clone();
    long.push(0);
    let e = Quote::parse(&long, &sig).unwrap_err();
    assert_eq!(
        e.to_string(),
        "TPMS_ATTEST: 1 unexpected bytes after the end at offset 121"
    );
    let mut long = pcrs.clone();
    long.push(0);
    assert!(PcrValues::from_tpm2_tools(&long).is_err());
}

#[test]
fn pcr_file_flips_parse_or_fail_but_never_lie() {
    let msg = fixture("q.msg");
    let quote = Quote::parse(&msg, &fixture("q.sig")).unwrap();
    let file = fixture("q.pcrs");
    let good = PcrValues::from_tpm2_tools(&file).unwrap();
    let ak = fixture_ak();
    let mut caught = 0;
    for at in 0..file.len() {
        let mut bad = file.clone();
        bad[at] ^= 0x80;
        match PcrValues::from_tpm2_tools(&bad) {
            Err(e) => assert_eq!(e.exit(), Exit::DataErr, "byte {at}: {e}"),
            Ok(values) => {
                let verdict = quote::verify(&quote, &values, &ak, FIXTURE_NONCE, None);
                // Unused slots and padding may change freely; any change to what
                // the file says must be caught.
                assert_eq!(verdict.is_valid(), values == good, "byte {at}: {verdict:?}");
                caught += usize::from(!verdict.is_valid());
            }
        }
    }
    // 5 values × 32 bytes are real content that verification must catch.
    assert!(caught >= 160, "only {caught} flips were caught");
}

#[test]
fn arbitrary_bytes_never_panic() {
    // A small deterministic xorshift fuzz over all parsers.
    let mut state = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let seeds = [
        fixture("q.msg"),
        fixture("q.sig"),
        fixture("q.pcrs"),
        fixture("plain.sig"),
        fixture("ak.pub"),
    ];
    for round in 0..3000 {
        let base = &seeds[round % seeds.len()];
        let mut bytes = base.clone();
        let len = (next() as usize) % (base.len() + 8);
        bytes.resize(len, 0);
        for _ in 0..(next() % 4) {
            if !bytes.is_empty() {
                let i = (next() as usize) % bytes.len();
                bytes[i] = next() as u8;
            }
        }
        let _ = Quote::parse(&bytes, &seeds[1]);
        let _ = Quote::parse(&seeds[0], &bytes);
        let _ = QuoteSignature::parse(&bytes);
        let _ = PcrValues::from_tpm2_tools(&bytes);
        let _ = AkPublic::from_tpm2b_public(&bytes);
    }
}

#[test]
fn bad_keys_policies_and_files_are_typed_errors() {
    // An Ed25519 key is not an AK omni verifies with.
    let ed = "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----\n";
    let e = AkPublic::from_pem(ed).unwrap_err();
    assert_eq!(e.exit(), Exit::DataErr);
    assert!(
        e.to_string()
            .starts_with("attestation key: not an ECC P-256"),
        "{e}"
    );
    assert!(AkPublic::from_pem("junk").is_err());

    for (text, needle) in [
        ("[]", "not a JSON object"),
        (r#"{"x": ["00"]}"#, "key \"x\" is not a PCR number"),
        (r#"{"32": ["00"]}"#, "key \"32\" is not a PCR number"),
        (r#"{"1": []}"#, "PCR 1: the list of allowed values is empty"),
        (r#"{"1": ["zz"]}"#, "PCR 1: \"zz\" is not hex"),
        (
            r#"{"1": ["00"]}"#,
            "PCR 1: \"00\" is 1 bytes, sha256 values are 32",
        ),
        (r#"{"1": 5}"#, "PCR 1: expected a hex string or an array"),
    ] {
        let e = PcrPolicy::parse_json(text).unwrap_err();
        assert_eq!(e.exit(), Exit::DataErr, "{text}");
        assert!(e.to_string().contains(needle), "{text}: {e}");
    }

    // Signature algorithms omni does not verify are refused by name.
    let mut rsa = vec![0x00, 0x14, 0x00, 0x0b, 0x00, 0x02, 0xab, 0xcd];
    let e = QuoteSignature::parse(&rsa).unwrap_err();
    assert_eq!(
        e.to_string(),
        "TPMT_SIGNATURE: sigAlg at offset 0: unsupported signature algorithm 0x0014 (rsassa): only ECDSA P-256 AKs are verified"
    );
    rsa[1] = 0x18; // ECDSA but over SHA-1
    rsa[3] = 0x04;
    let e = QuoteSignature::parse(&rsa).unwrap_err();
    assert_eq!(
        e.to_string(),
        "TPMT_SIGNATURE: hash at offset 2: unsupported signature hash sha1"
    );

    // Files: missing is 66 and names the path; malformed is 65 and names the path.
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.msg");
    let write = |name: &str, bytes: &[u8]| {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    };
    let msg = write("q.msg", &fixture("q.msg"));
    let sig = write("q.sig", &fixture("q.sig"));
    let pcrs = write("q.pcrs", &fixture("q.pcrs"));
    let ak = write("ak.pem", &fixture("ak.pem"));
    let e = QuoteEvidence::read_tpm2_tools(&missing, &sig, &pcrs, &ak).unwrap_err();
    assert_eq!(e.exit(), Exit::NoInput);
    assert!(e.to_string().contains("missing.msg"), "{e}");
    let short = write("short.pcrs", &fixture("q.pcrs")[..100]);
    let e = QuoteEvidence::read_tpm2_tools(&msg, &sig, &short, &ak).unwrap_err();
    assert_eq!(e.exit(), Exit::DataErr);
    assert!(e.to_string().ends_with("short.pcrs"), "{e}");
    let cause = std::error::Error::source(&e).unwrap().to_string();
    assert!(
        cause.starts_with("tpm2-tools PCR file: truncated at offset 100"),
        "{cause}"
    );
    let evidence = QuoteEvidence::read_tpm2_tools(&msg, &sig, &pcrs, &ak).unwrap();
    assert_eq!(
        evidence.verify(FIXTURE_NONCE, None).unwrap(),
        QuoteVerdict::Valid
    );
}

#[test]
fn evidence_json_round_trip_and_verdict_shape() {
    let evidence = QuoteEvidence::from_tpm2_tools(
        &fixture("q.msg"),
        &fixture("q.sig"),
        &fixture("q.pcrs"),
        &String::from_utf8(fixture("ak.pem")).unwrap(),
    )
    .unwrap();
    let json = serde_json::to_value(&evidence).unwrap();
    assert_eq!(json["signature"].as_str().unwrap().len(), 96); // 72 bytes of base64
    assert_eq!(
        json["pcrs"]["sha256"]["16"].as_str().unwrap(),
        hex::encode(extended_once(b"omni"))
    );
    assert!(
        json["ak_pem"]
            .as_str()
            .unwrap()
            .starts_with("-----BEGIN PUBLIC KEY-----\n")
    );
    let back: QuoteEvidence = serde_json::from_value(json.clone()).unwrap();
    assert_eq!(back, evidence);
    assert_eq!(
        back.verify(FIXTURE_NONCE, None).unwrap(),
        QuoteVerdict::Valid
    );

    let verdict = back.verify(b"\x01", None).unwrap();
    assert_eq!(
        serde_json::to_value(&verdict).unwrap(),
        serde_json::json!({"verdict": "invalid", "failed": {"check": "nonce", "expected": "01", "found": "0011223344556677"}})
    );
    assert_eq!(
        serde_json::to_value(QuoteVerdict::Valid).unwrap(),
        serde_json::json!({"verdict": "valid"})
    );
    // Bank names are tpm2-tools' names.
    for h in HashAlg::ALL {
        assert_eq!(
            serde_json::to_string(&h).unwrap(),
            format!("\"{}\"", h.name())
        );
    }
    assert_eq!(HashAlg::Sm3_256.name(), "sm3_256");

    // Bad base64 and bad PCR values in JSON are refused at deserialisation.
    let mut bad = json.clone();
    bad["attest"] = "!!!".into();
    assert!(serde_json::from_value::<QuoteEvidence>(bad).is_err());
    let mut bad = json;
    bad["pcrs"]["sha256"]["16"] = "00".into();
    assert!(serde_json::from_value::<QuoteEvidence>(bad).is_err());
}

// ---------------------------------------------------------------------------
// Live: swtpm + tpm2-tools

/// The tools the live test runs.
const TOOLS: &[&str] = &[
    "swtpm",
    "tpm2_createek",
    "tpm2_createak",
    "tpm2_createprimary",
    "tpm2_create",
    "tpm2_load",
    "tpm2_readpublic",
    "tpm2_sign",
    "tpm2_pcrextend",
    "tpm2_quote",
    "tpm2_checkquote",
    "tpm2_flushcontext",
];

use crate::util::swtpm::{Swtpm, on_path};

/// Runs a tool in `dir` with a 20 s bound; returns (success, stdout+stderr).
fn run(dir: &Path, tcti: Option<&str>, args: &[&str]) -> (bool, String) {
    let mut cmd = Command::new(args[0]);
    cmd.args(&args[1..]).current_dir(dir).stdin(Stdio::null());
    let out_path = dir.join(".out");
    let err_path = dir.join(".err");
    cmd.stdout(std::fs::File::create(&out_path).unwrap());
    cmd.stderr(std::fs::File::create(&err_path).unwrap());
    match tcti {
        Some(t) => cmd.env("TPM2TOOLS_TCTI", t),
        None => cmd.env_remove("TPM2TOOLS_TCTI"),
    };
    let mut child = cmd.spawn().unwrap_or_else(|e| panic!("{}: {e}", args[0]));
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{args:?} did not finish within 20 s");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let text = std::fs::read_to_string(&out_path).unwrap_or_default()
        + &std::fs::read_to_string(&err_path).unwrap_or_default();
    (status.success(), text)
}

/// Runs a TPM command, then flushes transient objects: without a resource
/// manager swtpm runs out of object slots (TPM_RC 0x902) otherwise.
fn tpm(dir: &Path, tcti: &str, args: &[&str]) -> String {
    let (ok, text) = run(dir, Some(tcti), args);
    assert!(ok, "{args:?} failed:\n{text}");
    let (ok, flush) = run(dir, Some(tcti), &["tpm2_flushcontext", "-t"]);
    assert!(ok, "tpm2_flushcontext -t failed:\n{flush}");
    text
}

/// tpm2_checkquote's verdict on files in `dir` (no TPM needed).
fn checkquote(dir: &Path, ak: &str, msg: &str, sig: &str, pcrs: &str, nonce: &str) -> bool {
    run(
        dir,
        None,
        &[
            "tpm2_checkquote",
            "-u",
            ak,
            "-m",
            msg,
            "-s",
            sig,
            "-f",
            pcrs,
            "-g",
            "sha256",
            "-q",
            nonce,
        ],
    )
    .0
}

fn read(dir: &Path, name: &str) -> Vec<u8> {
    std::fs::read(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn swtpm_round_trip_with_tpm2_tools() {
    const TEST: &str = "attest_quote::swtpm_round_trip_with_tpm2_tools";
    let missing: Vec<&str> = TOOLS.iter().copied().filter(|t| !on_path(t)).collect();
    if !missing.is_empty() {
        skip(
            TEST,
            &format!(
                "needs {} (Debian swtpm, swtpm-tools, tpm2-tools)",
                missing.join(", ")
            ),
        );
        return;
    }
    let started = Instant::now();
    let tmp = tempfile::tempdir().unwrap();
    let state = tmp.path().join("state");
    let dir = tmp.path().join("work");
    std::fs::create_dir_all(&state).unwrap();
    std::fs::create_dir_all(&dir).unwrap();
    let swtpm = Swtpm::start(&state).unwrap_or_else(|e| panic!("swtpm: {e}"));
    let tcti = swtpm.tcti();
    let d = dir.as_path();

    tpm(
        d,
        &tcti,
        &["tpm2_createek", "-c", "ek.ctx", "-G", "ecc", "-u", "ek.pub"],
    );
    // A restricted ECC P-256 signing key under the endorsement hierarchy, ECDSA-SHA256.
    for ak in ["ak", "ak2"] {
        tpm(
            d,
            &tcti,
            &[
                "tpm2_createak",
                "-C",
                "ek.ctx",
                "-c",
                &format!("{ak}.ctx"),
                "-G",
                "ecc",
                "-g",
                "sha256",
                "-s",
                "ecdsa",
                "-u",
                &format!("{ak}.pem"),
                "-f",
                "pem",
                "-n",
                &format!("{ak}.name"),
            ],
        );
    }
    let digest = hex::encode(Sha256::digest(b"omni attest"));
    tpm(
        d,
        &tcti,
        &["tpm2_pcrextend", &format!("16:sha256={digest}")],
    );
    let nonce_hex = "5eed0f0a7e57c0de0123456789abcdef";
    let nonce = hex::decode(nonce_hex).unwrap();
    tpm(
        d,
        &tcti,
        &[
            "tpm2_quote",
            "-c",
            "ak.ctx",
            "-l",
            "sha256:0,1,2,3,16",
            "-q",
            nonce_hex,
            "-m",
            "q.msg",
            "-s",
            "q.sig",
            "-o",
            "q.pcrs",
            "-g",
            "sha256",
        ],
    );
    tpm(
        d,
        &tcti,
        &[
            "tpm2_readpublic",
            "-c",
            "ak.ctx",
            "-o",
            "ak.tpm2b",
            "-f",
            "tss",
        ],
    );
    // A non-restricted signing key of the same TPM signs a forged "quote".
    tpm(
        d,
        &tcti,
        &[
            "tpm2_createprimary",
            "-C",
            "o",
            "-G",
            "ecc",
            "-c",
            "primary.ctx",
        ],
    );
    tpm(
        d,
        &tcti,
        &[
            "tpm2_create",
            "-C",
            "primary.ctx",
            "-G",
            "ecc256:ecdsa-sha256",
            "-u",
            "key.pub",
            "-r",
            "key.priv",
            "-a",
            "fixedtpm|fixedparent|sensitivedataorigin|userwithauth|sign",
        ],
    );
    tpm(
        d,
        &tcti,
        &[
            "tpm2_load",
            "-C",
            "primary.ctx",
            "-u",
            "key.pub",
            "-r",
            "key.priv",
            "-c",
            "key.ctx",
        ],
    );
    tpm(
        d,
        &tcti,
        &[
            "tpm2_readpublic",
            "-c",
            "key.ctx",
            "-o",
            "key.pem",
            "-f",
            "pem",
        ],
    );
    let mut forged = read(d, "q.msg");
    let at = forged.len() - 32;
    forged[at..].copy_from_slice(&Sha256::digest([0u8; 32 * 5]));
    write(d, "forged.msg", &forged);
    tpm(
        d,
        &tcti,
        &[
            "tpm2_sign",
            "-c",
            "key.ctx",
            "-g",
            "sha256",
            "-o",
            "forged.sig",
            "forged.msg",
        ],
    );
    drop(swtpm); // everything below is verification: no TPM needed.

    // Sanity: the peer accepts its own quote; omni agrees.
    assert!(
        checkquote(d, "ak.pem", "q.msg", "q.sig", "q.pcrs", nonce_hex),
        "tpm2_checkquote rejected a fresh quote"
    );
    let msg = read(d, "q.msg");
    let sig = read(d, "q.sig");
    let pcr_file = read(d, "q.pcrs");
    assert_eq!(pcr_file.len(), 668);
    let quote = Quote::parse(&msg, &sig).unwrap();
    let pcrs = PcrValues::from_tpm2_tools(&pcr_file).unwrap();
    let ak = AkPublic::from_pem(&String::from_utf8(read(d, "ak.pem")).unwrap()).unwrap();
    let ak2 = AkPublic::from_pem(&String::from_utf8(read(d, "ak2.pem")).unwrap()).unwrap();
    assert_ne!(ak, ak2);
    assert_eq!(
        pcrs.get(HashAlg::Sha256, 16).unwrap(),
        extended_once(b"omni attest").as_slice()
    );
    assert_eq!(
        quote::verify(&quote, &pcrs, &ak, &nonce, None),
        QuoteVerdict::Valid
    );

    // Wrong nonce: both refuse; omni names the nonce.
    assert!(!checkquote(d, "ak.pem", "q.msg", "q.sig", "q.pcrs", "00ff"));
    assert_eq!(
        invalid(quote::verify(&quote, &pcrs, &ak, &[0x00, 0xff], None)),
        QuoteCheck::Nonce {
            expected: vec![0x00, 0xff],
            found: nonce.clone()
        }
    );

    // A flipped byte in q.msg (in clockInfo, so the structure still parses): signature.
    let mut bad = msg.clone();
    let clock_at = 6 + 2 + quote.qualified_signer().len() + 2 + nonce.len();
    bad[clock_at + 7] ^= 0x01;
    write(d, "bad.msg", &bad);
    assert!(!checkquote(
        d, "ak.pem", "bad.msg", "q.sig", "q.pcrs", nonce_hex
    ));
    let q = Quote::parse(&bad, &sig).unwrap();
    assert!(matches!(
        invalid(quote::verify(&q, &pcrs, &ak, &nonce, None)),
        QuoteCheck::Signature { .. }
    ));

    // A modified PCR 16 value in q.pcrs (5th value of the first TPML_DIGEST): PCR digest.
    let mut bad = pcr_file.clone();
    bad[132 + 4 + 4 + 4 * 66 + 2] ^= 0x01;
    write(d, "bad.pcrs", &bad);
    assert!(!checkquote(
        d, "ak.pem", "q.msg", "q.sig", "bad.pcrs", nonce_hex
    ));
    let changed = PcrValues::from_tpm2_tools(&bad).unwrap();
    let check = invalid(quote::verify(&quote, &changed, &ak, &nonce, None));
    let QuoteCheck::PcrDigest {
        hash,
        quoted,
        computed,
    } = check
    else {
        panic!("{check:?}")
    };
    assert_eq!(
        (hash, quoted.as_slice()),
        (HashAlg::Sha256, quote.pcr_digest().unwrap())
    );
    assert_ne!(computed, quoted);

    // A different AK: signature.
    assert!(!checkquote(
        d, "ak2.pem", "q.msg", "q.sig", "q.pcrs", nonce_hex
    ));
    assert!(matches!(
        invalid(quote::verify(&quote, &pcrs, &ak2, &nonce, None)),
        QuoteCheck::Signature { .. }
    ));

    // A policy that pins PCR 16 to its initial (zero) value: names PCR 16 and what it holds.
    let policy = PcrPolicy::parse_json(&format!(
        r#"{{"0": ["{zero}"], "16": ["{zero}"]}}"#,
        zero = "00".repeat(32)
    ))
    .unwrap();
    let check = invalid(quote::verify(&quote, &pcrs, &ak, &nonce, Some(&policy)));
    assert_eq!(
        check,
        QuoteCheck::Policy {
            hash: HashAlg::Sha256,
            pcr: 16,
            expected: vec![vec![0; 32]],
            found: extended_once(b"omni attest"),
        }
    );

    // Crafted magic / type: named before the (also failing) signature.
    let mut bad = msg.clone();
    bad[0] = 0x00;
    write(d, "magic.msg", &bad);
    assert!(!checkquote(
        d,
        "ak.pem",
        "magic.msg",
        "q.sig",
        "q.pcrs",
        nonce_hex
    ));
    let q = Quote::parse(&bad, &sig).unwrap();
    assert_eq!(
        invalid(quote::verify(&q, &pcrs, &ak, &nonce, None)).name(),
        "magic"
    );
    let mut bad = msg.clone();
    bad[5] = 0x17; // 0x8017 TPM_ST_ATTEST_CERTIFY
    let q = Quote::parse(&bad, &sig).unwrap();
    assert_eq!(
        invalid(quote::verify(&q, &pcrs, &ak, &nonce, None)),
        QuoteCheck::Type {
            expected: TPM_ST_ATTEST_QUOTE,
            found: 0x8017
        }
    );

    // The AK read from its TPM2B_PUBLIC is restricted and verifies the quote;
    // the forgery passes tpm2_checkquote and a PEM-only omni check, but not the
    // attribute check (tpm2_create wrote key.pub as a TPM2B_PUBLIC).
    let ak_tpm = AkPublic::from_tpm2b_public(&read(d, "ak.tpm2b")).unwrap();
    assert!(ak_tpm.same_key(&ak));
    assert_eq!(
        quote::verify(&quote, &pcrs, &ak_tpm, &nonce, None),
        QuoteVerdict::Valid
    );
    let forged = Quote::parse(&read(d, "forged.msg"), &read(d, "forged.sig")).unwrap();
    let zeros = PcrValues::from_bank(
        HashAlg::Sha256,
        [0, 1, 2, 3, 16]
            .into_iter()
            .map(|i| (i, vec![0u8; 32]))
            .collect(),
    )
    .unwrap();
    write(
        d,
        "zeros.pcrs",
        &zeros
            .to_tpm2_tools(forged.pcr_selection().unwrap())
            .unwrap(),
    );
    assert!(checkquote(
        d,
        "key.pem",
        "forged.msg",
        "forged.sig",
        "zeros.pcrs",
        nonce_hex
    ));
    let key_pem = AkPublic::from_pem(&String::from_utf8(read(d, "key.pem")).unwrap()).unwrap();
    assert!(quote::verify(&forged, &zeros, &key_pem, &nonce, None).is_valid());
    let key_tpm = AkPublic::from_tpm2b_public(&read(d, "key.pub")).unwrap();
    assert_eq!(
        invalid(quote::verify(&forged, &zeros, &key_tpm, &nonce, None)).name(),
        "ak-attributes"
    );

    // The other direction: files omni writes from JSON evidence satisfy tpm2_checkquote.
    let evidence = QuoteEvidence::from_tpm2_tools(
        &msg,
        &sig,
        &pcr_file,
        &String::from_utf8(read(d, "ak.pem")).unwrap(),
    )
    .unwrap();
    let json = serde_json::to_string(&evidence).unwrap();
    let back: QuoteEvidence = serde_json::from_str(&json).unwrap();
    assert_eq!(back.verify(&nonce, None).unwrap(), QuoteVerdict::Valid);
    let out = d.join("out");
    std::fs::create_dir(&out).unwrap();
    for (name, bytes) in back.tpm2_tools_files().unwrap() {
        write(&out, name, &bytes);
    }
    assert!(checkquote(
        &out,
        "ak.pem",
        "quote.msg",
        "quote.sig",
        "quote.pcrs",
        nonce_hex
    ));
    assert_eq!(read(&out, "quote.pcrs"), pcr_file);
    assert_eq!(read(&out, "quote.sig"), sig);

    let elapsed = started.elapsed();
    assert!(
        elapsed < Duration::from_secs(20),
        "the live round trip took {elapsed:?}"
    );
}

#[test]
fn quote_error_is_classified_for_the_cli() {
    // The lead's CLI maps errors through Classify: 65 for data, 66 for missing input.
    let e: QuoteError = quote::read_file(Path::new("/nonexistent/omni/q.msg")).unwrap_err();
    assert_eq!(e.exit(), Exit::NoInput);
    assert_eq!(e.to_string(), "cannot read /nonexistent/omni/q.msg");
    let e = PcrValues::from_bank(HashAlg::Sha256, BTreeMap::from([(40, vec![0; 32])])).unwrap_err();
    assert_eq!(e.exit(), Exit::DataErr);
    assert!(
        e.to_string().contains("sha256 PCR 40: index out of range"),
        "{e}"
    );
}

/// TPMs do not normalise ECDSA signatures to low-s, so the verifier must
/// accept `n - s` as well as `s` (both are valid ECDSA signatures).
#[test]
fn high_s_signatures_verify_like_low_s() {
    use omni::systems::attest::quote::{QuoteEvidence, QuoteVerdict};
    let d =
        std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/attest/tpm2-quote");
    let read = |n: &str| std::fs::read(d.join(n)).unwrap();
    let (msg, sig, pcrs) = (read("q.msg"), read("q.sig"), read("q.pcrs"));
    let pem = String::from_utf8(read("ak.pem")).unwrap();
    // TSS TPMT_SIGNATURE: alg(2) hash(2) size(2) r(32) size(2) s(32).
    assert_eq!(sig.len(), 72);
    const N: [u8; 32] = [
        0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        0xFF, 0xBC, 0xE6, 0xFA, 0xAD, 0xA7, 0x17, 0x9E, 0x84, 0xF3, 0xB9, 0xCA, 0xC2, 0xFC, 0x63,
        0x25, 0x51,
    ];
    let mut flipped = sig.clone();
    let mut borrow = 0_i16;
    for i in (0..32).rev() {
        let v = i16::from(N[i]) - i16::from(sig[40 + i]) - borrow;
        borrow = i16::from(v < 0);
        flipped[40 + i] = v.rem_euclid(256) as u8;
    }
    assert_ne!(flipped, sig);
    let nonce = [0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77];
    for s in [&sig, &flipped] {
        let evidence = QuoteEvidence::from_tpm2_tools(&msg, s, &pcrs, &pem).unwrap();
        assert_eq!(evidence.verify(&nonce, None).unwrap(), QuoteVerdict::Valid);
    }
    // And a real change to s still fails.
    let mut broken = sig.clone();
    broken[71] ^= 1;
    let evidence = QuoteEvidence::from_tpm2_tools(&msg, &broken, &pcrs, &pem).unwrap();
    assert!(matches!(
        evidence.verify(&nonce, None).unwrap(),
        QuoteVerdict::Invalid(_)
    ));
}
