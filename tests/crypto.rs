//! The shared crypto helpers against external oracles: RFC 8032 Ed25519
//! vectors, NIST SHA-256 vectors, the official BLAKE3 vectors, and OpenSSL
//! reading our keys and writing keys we read.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

use omni::runtime::crypto::{self, CryptoError, Signature, SigningKey, VerifyingKey};
use omni::runtime::error::{Classify, Exit};
use rand::SeedableRng;

/// RFC 8032 §7.1: (secret key, public key, message, signature), all hex.
const RFC8032: &[(&str, &str, &str, &str, &str)] = &[
    (
        "TEST 1",
        "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
        "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
        "",
        "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b",
    ),
    (
        "TEST 2",
        "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
        "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
        "72",
        "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00",
    ),
    (
        "TEST 3",
        "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
        "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
        "af82",
        "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a",
    ),
    (
        "TEST 1024",
        "f5e5767cf153319517630f226876b86c8160cc583bc013744c6bf255f5cc0ee5",
        "278117fc144c72340f67d0f2316e8386ceffbf2b2428c9c51fef7c597f1d426e",
        concat!(
            "08b8b2b733424243760fe426a4b54908632110a66c2f6591eabd3345e3e4eb98",
            "fa6e264bf09efe12ee50f8f54e9f77b1e355f6c50544e23fb1433ddf73be84d8",
            "79de7c0046dc4996d9e773f4bc9efe5738829adb26c81b37c93a1b270b20329d",
            "658675fc6ea534e0810a4432826bf58c941efb65d57a338bbd2e26640f89ffbc",
            "1a858efcb8550ee3a5e1998bd177e93a7363c344fe6b199ee5d02e82d522c4fe",
            "ba15452f80288a821a579116ec6dad2b3b310da903401aa62100ab5d1a36553e",
            "06203b33890cc9b832f79ef80560ccb9a39ce767967ed628c6ad573cb116dbef",
            "efd75499da96bd68a8a97b928a8bbc103b6621fcde2beca1231d206be6cd9ec7",
            "aff6f6c94fcd7204ed3455c68c83f4a41da4af2b74ef5c53f1d8ac70bdcb7ed1",
            "85ce81bd84359d44254d95629e9855a94a7c1958d1f8ada5d0532ed8a5aa3fb2",
            "d17ba70eb6248e594e1a2297acbbb39d502f1a8c6eb6f1ce22b3de1a1f40cc24",
            "554119a831a9aad6079cad88425de6bde1a9187ebb6092cf67bf2b13fd65f270",
            "88d78b7e883c8759d2c4f5c65adb7553878ad575f9fad878e80a0c9ba63bcbcc",
            "2732e69485bbc9c90bfbd62481d9089beccf80cfe2df16a2cf65bd92dd597b07",
            "07e0917af48bbb75fed413d238f5555a7a569d80c3414a8d0859dc65a46128ba",
            "b27af87a71314f318c782b23ebfe808b82b0ce26401d2e22f04d83d1255dc51a",
            "ddd3b75a2b1ae0784504df543af8969be3ea7082ff7fc9888c144da2af58429e",
            "c96031dbcad3dad9af0dcbaaaf268cb8fcffead94f3c7ca495e056a9b47acdb7",
            "51fb73e666c6c655ade8297297d07ad1ba5e43f1bca32301651339e22904cc8c",
            "42f58c30c04aafdb038dda0847dd988dcda6f3bfd15c4b4c4525004aa06eeff8",
            "ca61783aacec57fb3d1f92b0fe2fd1a85f6724517b65e614ad6808d6f6ee34df",
            "f7310fdc82aebfd904b01e1dc54b2927094b2db68d6f903b68401adebf5a7e08",
            "d78ff4ef5d63653a65040cf9bfd4aca7984a74d37145986780fc0b16ac451649",
            "de6188a7dbdf191f64b5fc5e2ab47b57f7f7276cd419c17a3ca8e1b939ae49e4",
            "88acba6b965610b5480109c8b17b80e1b7b750dfc7598d5d5011fd2dcc5600a3",
            "2ef5b52a1ecc820e308aa342721aac0943bf6686b64b2579376504ccc493d97e",
            "6aed3fb0f9cd71a43dd497f01f17c0e2cb3797aa2a2f256656168e6c496afc5f",
            "b93246f6b1116398a346f1a641f3b041e989f7914f90cc2c7fff357876e506b5",
            "0d334ba77c225bc307ba537152f3f1610e4eafe595f6d9d90d11faa933a15ef1",
            "369546868a7f3a45a96768d40fd9d03412c091c6315cf4fde7cb68606937380d",
            "b2eaaa707b4c4185c32eddcdd306705e4dc1ffc872eeee475a64dfac86aba41c",
            "0618983f8741c5ef68d3a101e8a3b8cac60c905c15fc910840b94c00a0b9d0",
        ),
        "0aab4c900501b3e24d7cdf4663326a3a87df5e4843b2cbdb67cbf6e460fec350aa5371b1508f9f4528ecea23c436d94b5e8fcd4f681e30a6ac00a9704a188a03",
    ),
    (
        "TEST SHA(abc)",
        "833fe62409237b9d62ec77587520911e9a759cec1d19755b7da901b96dca3d42",
        "ec172b93ad5e563bf4932c70e1245034c35467ef2efd4d64ebf819683467e2bf",
        "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
        "dc2a4459e7369633a52b1bf277839a00201009a3efbf3ecb69bea2186c26b58909351fc9ac90b3ecfdfbc7c66431e0303dca179c138ac17ad9bef1177331a704",
    ),
];

fn unhex<const N: usize>(s: &str) -> [u8; N] {
    let mut out = [0u8; N];
    hex::decode_to_slice(s, &mut out).expect("valid hex in test vector");
    out
}

#[test]
fn rfc8032_vectors_match_exactly() {
    for (name, sk, pk, msg, sig) in RFC8032 {
        let key = SigningKey::from_bytes(&unhex::<32>(sk));
        let vk = key.verifying_key();
        assert_eq!(hex::encode(vk.as_bytes()), *pk, "{name}: public key");
        let msg = hex::decode(msg).unwrap();
        if *name == "TEST 1024" {
            assert_eq!(msg.len(), 1023, "{name}: message length");
        }
        let signature = crypto::sign(&key, &msg);
        assert_eq!(hex::encode(signature.to_bytes()), *sig, "{name}: signature");
        assert!(crypto::verify(&vk, &msg, &signature), "{name}: verify");
        assert!(crypto::verify_bytes(&vk, &msg, &unhex::<64>(sig)), "{name}");

        // Any change to the message or the signature is a plain `false`.
        let mut other = msg.clone();
        other.push(0);
        assert!(!crypto::verify(&vk, &other, &signature), "{name}: tampered");
        let mut bad = signature.to_bytes();
        bad[5] ^= 1;
        assert!(!crypto::verify_bytes(&vk, &msg, &bad), "{name}: bad sig");
    }
}

#[test]
fn sha256_nist_vectors() {
    let cases: &[(&[u8], &str)] = &[
        (
            b"abc",
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        ),
        (
            b"",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        ),
        (
            b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
        ),
    ];
    for (input, want) in cases {
        assert_eq!(crypto::sha256(input).to_hex(), *want);
        assert_eq!(crypto::sha256_reader(*input).unwrap().to_hex(), *want);
    }
}

#[test]
fn sha256_million_a_streams_across_buffers() {
    // NIST: one million repetitions of "a"; larger than the read buffer, so
    // it exercises the streaming path.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.bin");
    fs::write(&path, vec![b'a'; 1_000_000]).unwrap();
    let want = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
    assert_eq!(crypto::sha256_file(&path).unwrap().to_hex(), want);
    let both = crypto::digests_file(&path).unwrap();
    assert_eq!(both.sha256.to_hex(), want);
    assert_eq!(both.len, 1_000_000);
}

/// The BLAKE3 test-vector input: bytes 0, 1, …, 250 repeating.
fn blake3_input(len: usize) -> Vec<u8> {
    (0..len).map(|i| (i % 251) as u8).collect()
}

#[test]
fn blake3_official_vectors() {
    // test_vectors.json from the BLAKE3 repository: first 32 bytes of "hash".
    let cases: &[(usize, &str)] = &[
        (
            0,
            "af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262",
        ),
        (
            1,
            "2d3adedff11b61f14c886e35afa036736dcd87a74d27b5c1510225d0f592e213",
        ),
        (
            1023,
            "10108970eeda3eb932baac1428c7a2163b0e924c9a9e25b35bba72b28f70bd11",
        ),
        (
            1024,
            "42214739f095a406f3fc83deb889744ac00df831c10daa55189b5d121c855af7",
        ),
        (
            1025,
            "d00278ae47eb27b34faecf67b4fe263f82d5412916c1ffd97c8cb7fb814b8444",
        ),
        (
            8193,
            "bab6c09cb8ce8cf459261398d2e7aef35700bf488116ceb94a36d0f5f1b7bc3b",
        ),
        (
            102400,
            "bc3e3d41a1146b069abffad3c0d44860cf664390afce4d9661f7902e7943e085",
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    for (len, want) in cases {
        let input = blake3_input(*len);
        assert_eq!(crypto::blake3(&input).to_hex(), *want, "len {len}");
        let path = dir.path().join(format!("in-{len}"));
        fs::write(&path, &input).unwrap();
        assert_eq!(crypto::blake3_file(&path).unwrap().to_hex(), *want);
        // The one-pass pair agrees with both single digests.
        let both = crypto::digests_file(&path).unwrap();
        assert_eq!(both.blake3.to_hex(), *want);
        assert_eq!(both.sha256, crypto::sha256(&input));
        assert_eq!(both.len, *len as u64);
        assert_eq!(crypto::digests(&input), both);
    }
}

#[test]
fn sha256_file_agrees_with_sha256sum() {
    let Ok(_) = Command::new("sha256sum").arg("--version").output() else {
        crate::util::skip("crypto::sha256_file_agrees_with_sha256sum", "no sha256sum");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.bin");
    fs::write(&path, blake3_input(300_001)).unwrap();
    let out = Command::new("sha256sum").arg(&path).output().unwrap();
    let theirs = String::from_utf8(out.stdout).unwrap();
    let theirs = theirs.split_whitespace().next().unwrap();
    assert_eq!(crypto::sha256_file(&path).unwrap().to_hex(), theirs);
}

fn mode_of(path: &Path) -> u32 {
    fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

fn have_openssl() -> bool {
    Command::new("openssl")
        .arg("version")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

fn openssl(args: &[&str]) -> std::process::Output {
    let out = Command::new("openssl").args(args).output().unwrap();
    assert!(
        out.status.success(),
        "openssl {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

#[test]
fn written_keys_have_exact_modes_and_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let sk_path = dir.path().join("key.pem");
    let pk_path = dir.path().join("key.pub.pem");
    let key = crypto::generate_os();
    crypto::write_private_key(&sk_path, &key, false).unwrap();
    crypto::write_public_key(&pk_path, &key.verifying_key(), false).unwrap();
    assert_eq!(mode_of(&sk_path), 0o600);
    assert_eq!(mode_of(&pk_path), 0o644);

    let text = fs::read_to_string(&sk_path).unwrap();
    assert!(text.starts_with("-----BEGIN PRIVATE KEY-----\n"), "{text}");
    assert!(text.ends_with("-----END PRIVATE KEY-----\n"), "{text}");
    let pub_text = fs::read_to_string(&pk_path).unwrap();
    assert!(pub_text.starts_with("-----BEGIN PUBLIC KEY-----\n"));

    let back = crypto::read_private_key(&sk_path).unwrap();
    assert_eq!(back.to_bytes(), key.to_bytes());
    assert_eq!(
        crypto::read_public_key(&pk_path).unwrap(),
        key.verifying_key()
    );
    // No temporary files are left behind.
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn openssl_reads_our_private_key() {
    if !have_openssl() {
        crate::util::skip("crypto::openssl_reads_our_private_key", "openssl not found");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let sk_path = dir.path().join("ours.pem");
    let pk_path = dir.path().join("ours.pub.pem");
    let key = crypto::generate_os();
    crypto::write_private_key(&sk_path, &key, false).unwrap();
    crypto::write_public_key(&pk_path, &key.verifying_key(), false).unwrap();

    let out = openssl(&["pkey", "-in", sk_path.to_str().unwrap(), "-pubout"]);
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        fs::read_to_string(&pk_path).unwrap()
    );

    // A signature we make verifies with openssl, over the raw message.
    let msg_path = dir.path().join("msg");
    let sig_path = dir.path().join("msg.sig");
    fs::write(&msg_path, b"attest me").unwrap();
    fs::write(&sig_path, crypto::sign(&key, b"attest me").to_bytes()).unwrap();
    let out = openssl(&[
        "pkeyutl",
        "-verify",
        "-pubin",
        "-inkey",
        pk_path.to_str().unwrap(),
        "-rawin",
        "-in",
        msg_path.to_str().unwrap(),
        "-sigfile",
        sig_path.to_str().unwrap(),
    ]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Signature Verified Successfully"));
}

#[test]
fn we_read_openssl_generated_keys() {
    if !have_openssl() {
        crate::util::skip(
            "crypto::we_read_openssl_generated_keys",
            "openssl not found",
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let sk_path = dir.path().join("theirs.pem");
    let sk = sk_path.to_str().unwrap();
    openssl(&["genpkey", "-algorithm", "ed25519", "-out", sk]);
    fs::set_permissions(&sk_path, fs::Permissions::from_mode(0o600)).unwrap();
    let key = crypto::read_private_key(&sk_path).unwrap();

    let out = openssl(&["pkey", "-in", sk, "-pubout"]);
    let their_pub = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        crypto::public_key_pem(&key.verifying_key()).unwrap(),
        their_pub
    );
    let pub_path = dir.path().join("theirs.pub.pem");
    fs::write(&pub_path, &their_pub).unwrap();
    assert_eq!(
        crypto::read_public_key(&pub_path).unwrap(),
        key.verifying_key()
    );

    // Our PKCS#8 encoding is byte-identical to openssl's for the same key.
    let ours = crypto::private_key_pem(&key).unwrap();
    assert_eq!(ours.as_str(), fs::read_to_string(&sk_path).unwrap());

    // A signature openssl makes verifies with us.
    let msg_path = dir.path().join("msg");
    let sig_path = dir.path().join("msg.sig");
    fs::write(&msg_path, b"ledger entry").unwrap();
    openssl(&[
        "pkeyutl",
        "-sign",
        "-inkey",
        sk,
        "-rawin",
        "-in",
        msg_path.to_str().unwrap(),
        "-out",
        sig_path.to_str().unwrap(),
    ]);
    let sig = fs::read(&sig_path).unwrap();
    assert!(crypto::verify_bytes(
        &key.verifying_key(),
        b"ledger entry",
        &sig
    ));
    assert!(!crypto::verify_bytes(
        &key.verifying_key(),
        b"ledger entrY",
        &sig
    ));
}

#[test]
fn group_or_world_accessible_private_key_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("key.pem");
    crypto::write_private_key(&path, &crypto::generate_os(), false).unwrap();
    for mode in [0o644, 0o640, 0o604, 0o660] {
        fs::set_permissions(&path, fs::Permissions::from_mode(mode)).unwrap();
        let err = crypto::read_private_key(&path).unwrap_err();
        assert!(matches!(err, CryptoError::TooOpen { .. }), "{err:?}");
        assert_eq!(err.exit(), Exit::Config);
        let msg = err.to_string();
        assert!(msg.contains(&path.display().to_string()), "{msg}");
        assert!(msg.contains(&format!("{mode:04o}")), "{msg}");
    }
    // Owner-only modes, stricter than 0600, are fine.
    fs::set_permissions(&path, fs::Permissions::from_mode(0o400)).unwrap();
    crypto::read_private_key(&path).unwrap();
}

#[test]
fn existing_private_key_is_not_overwritten_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("key.pem");
    let first = crypto::generate_os();
    crypto::write_private_key(&path, &first, false).unwrap();
    let before = fs::read(&path).unwrap();

    let second = crypto::generate_os();
    let err = crypto::write_private_key(&path, &second, false).unwrap_err();
    assert!(matches!(err, CryptoError::Exists { .. }), "{err:?}");
    assert_eq!(err.exit(), Exit::Config);
    assert!(err.to_string().contains(&path.display().to_string()));
    assert_eq!(fs::read(&path).unwrap(), before, "original key untouched");

    crypto::write_private_key(&path, &second, true).unwrap();
    assert_eq!(mode_of(&path), 0o600);
    let loaded = crypto::read_private_key(&path).unwrap();
    assert_eq!(loaded.to_bytes(), second.to_bytes());
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn missing_and_malformed_keys_are_classified() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.pem");
    let err = crypto::read_private_key(&missing).unwrap_err();
    assert_eq!(err.exit(), Exit::NoInput);
    assert!(err.to_string().contains("nope.pem"), "{err}");
    assert_eq!(
        crypto::read_public_key(&missing).unwrap_err().exit(),
        Exit::NoInput
    );

    let cases: &[(&str, &str)] = &[
        ("garbage.pem", "hello\n"),
        (
            "truncated.pem",
            "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIE\n-----END PRIVATE KEY-----\n",
        ),
        (
            "pub-as-priv.pem",
            "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----\n",
        ),
        (
            "openssh.pem",
            "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaA==\n-----END OPENSSH PRIVATE KEY-----\n",
        ),
    ];
    for (name, text) in cases {
        let path = dir.path().join(name);
        fs::write(&path, text).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
        let err = crypto::read_private_key(&path).unwrap_err();
        assert!(
            matches!(err, CryptoError::Malformed { .. }),
            "{name}: {err:?}"
        );
        assert_eq!(err.exit(), Exit::DataErr);
        assert!(err.to_string().contains(name), "{err}");
    }

    // Public keys: wrong length hex, non-hex, and a private key by mistake.
    let priv_pem = crypto::private_key_pem(&crypto::generate_os()).unwrap();
    for (name, text) in [
        ("short.pub", "abcd"),
        ("nothex.pub", "zz"),
        ("private.pub", priv_pem.as_str()),
    ] {
        let path = dir.path().join(name);
        fs::write(&path, text).unwrap();
        let err = crypto::read_public_key(&path).unwrap_err();
        assert_eq!(err.exit(), Exit::DataErr, "{name}: {err}");
        assert!(err.to_string().contains(name), "{err}");
    }

    // A directory is not a key.
    let err = crypto::read_public_key(dir.path()).unwrap_err();
    assert_eq!(err.exit(), Exit::DataErr, "{err}");
}

#[test]
fn public_key_loads_from_raw_hex() {
    let dir = tempfile::tempdir().unwrap();
    let (_, _, pk, _, _) = RFC8032[0];
    let path = dir.path().join("k.hex");
    fs::write(&path, format!("{pk}\n")).unwrap();
    let vk = crypto::read_public_key(&path).unwrap();
    assert_eq!(hex::encode(vk.as_bytes()), pk);
}

#[test]
fn key_id_is_stable_and_seeded_generation_is_deterministic() {
    let a = crypto::generate(&mut rand_chacha::ChaCha20Rng::seed_from_u64(42));
    let b = crypto::generate(&mut rand_chacha::ChaCha20Rng::seed_from_u64(42));
    let c = crypto::generate(&mut rand_chacha::ChaCha20Rng::seed_from_u64(43));
    let id_a = crypto::key_id(&a.verifying_key());
    assert_eq!(id_a, crypto::key_id(&b.verifying_key()));
    assert_ne!(id_a, crypto::key_id(&c.verifying_key()));

    // The documented definition: SHA-256 over the 32 raw public key bytes,
    // checked on RFC 8032 TEST 1's public key.
    let vk = VerifyingKey::from_bytes(&unhex::<32>(RFC8032[0].2)).unwrap();
    let id = crypto::key_id(&vk);
    assert_eq!(id.to_hex(), crypto::sha256(vk.as_bytes()).to_hex());
    assert_eq!(id.to_hex().len(), 64);
    assert_eq!(id.short(), &id.to_hex()[..16]);
    assert_eq!(id.to_string(), id.to_hex());

    // The id survives a round trip through files.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("k.pem");
    crypto::write_private_key(&path, &a, false).unwrap();
    let loaded = crypto::read_private_key(&path).unwrap();
    assert_eq!(crypto::key_id(&loaded.verifying_key()), id_a);
}

#[test]
fn strict_verification_rejects_weak_keys_and_non_canonical_s() {
    // The identity point as a public key with the signature (R = identity,
    // s = 0) satisfies the cofactorless equation for *every* message:
    // [0]B == identity + [k]identity. Lenient verification accepts it.
    let mut identity = [0u8; 32];
    identity[0] = 1;
    let weak = VerifyingKey::from_bytes(&identity).unwrap();
    let mut forged = [0u8; 64];
    forged[..32].copy_from_slice(&identity);
    let forged = Signature::from_bytes(&forged);
    use ed25519_dalek::Verifier;
    assert!(
        weak.verify(b"anything at all", &forged).is_ok(),
        "lenient verify accepts the small-order forgery (the hazard)"
    );
    assert!(!crypto::verify(&weak, b"anything at all", &forged));
    // And such a key cannot even be loaded.
    assert!(crypto::parse_public_key(&hex::encode(identity)).is_err());

    // s + L (same value mod L, non-canonical encoding) is refused.
    let key = SigningKey::from_bytes(&[5u8; 32]);
    let sig = crypto::sign(&key, b"msg").to_bytes();
    const L: [u8; 32] = [
        0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7, 0xa2, 0xde, 0xf9, 0xde,
        0x14, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x10,
    ];
    let mut malleated = sig;
    let mut carry = 0u16;
    for i in 0..32 {
        let v = u16::from(sig[32 + i]) + u16::from(L[i]) + carry;
        malleated[32 + i] = v as u8;
        carry = v >> 8;
    }
    assert_eq!(carry, 0);
    assert!(crypto::verify_bytes(&key.verifying_key(), b"msg", &sig));
    assert!(!crypto::verify_bytes(
        &key.verifying_key(),
        b"msg",
        &malleated
    ));
}

/// Every Ed25519 case of Google's Wycheproof suite: omni's strict
/// verification accepts exactly the valid ones (malleable, non-canonical and
/// truncated signatures, invalid encodings and wrong keys are all refused).
#[test]
fn wycheproof_ed25519_vectors() {
    use wycheproof::TestResult;
    use wycheproof::eddsa::{TestName, TestSet};
    let set = TestSet::load(TestName::Ed25519).expect("vendored Wycheproof data");
    let (mut checked, mut valid) = (0, 0);
    for group in &set.test_groups {
        let key_bytes: [u8; 32] = group
            .key
            .pk
            .as_ref()
            .try_into()
            .expect("32-byte keys in this set");
        for test in &group.tests {
            let accepted = omni::runtime::crypto::VerifyingKey::from_bytes(&key_bytes)
                .is_ok_and(|key| omni::runtime::crypto::verify_bytes(&key, &test.msg, &test.sig));
            match test.result {
                TestResult::Valid => {
                    assert!(
                        accepted,
                        "tcId {} ({}) must verify",
                        test.tc_id, test.comment
                    );
                    valid += 1;
                }
                TestResult::Invalid => {
                    assert!(
                        !accepted,
                        "tcId {} ({}) must be refused",
                        test.tc_id, test.comment
                    );
                }
                TestResult::Acceptable => {}
            }
            checked += 1;
        }
    }
    assert!(
        checked > 100 && valid > 10,
        "the suite was really read ({checked} cases, {valid} valid)"
    );
}
