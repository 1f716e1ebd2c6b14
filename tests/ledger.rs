//! `omni ledger`: the Merkle tree against transparency-dev/merkle's test
//! vectors, tampering found and named, checkpoints and proofs checked by an
//! independent verifier (Python `cryptography` and a Python RFC 9162
//! implementation), and `kill -9` in the middle of a write stream.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use omni::systems::ledger::merkle::{self, Hash};
use serde_json::Value;

use crate::util::{omni, skip, text};

fn vectors(kind: &str) -> Vec<(PathBuf, Value)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/ledger/merkle")
        .join(kind);
    let mut out = Vec::new();
    let mut dirs = vec![root];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "json") {
                let v: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
                out.push((path, v));
            }
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// A base64 hash from a vector; `None` when it is not 32 bytes (the
/// vectors include deliberately short and empty ones).
fn hash(v: &Value) -> Option<Hash> {
    use base64::Engine as _;
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(v.as_str()?)
        .ok()?;
    bytes.try_into().ok()
}

fn proof(v: &Value) -> Option<Vec<Hash>> {
    match v {
        Value::Null => Some(Vec::new()),
        Value::Array(items) => items.iter().map(hash).collect(),
        _ => None,
    }
}

/// Every inclusion case of transparency-dev/merkle (happy paths, modified
/// proofs, wrong leaves, indices and sizes off by one or doubled, garbage
/// before and after): accepted exactly when the vector says so.
#[test]
fn inclusion_proofs_agree_with_transparency_dev_vectors() {
    let cases = vectors("inclusion");
    assert!(cases.len() >= 70, "{} cases", cases.len());
    let mut happy = 0;
    for (path, v) in &cases {
        let want_err = v["wantErr"].as_bool().unwrap();
        let ok = (|| {
            let root = hash(&v["root"])?;
            let leaf = hash(&v["leafHash"])?;
            let proof = proof(&v["proof"])?;
            Some(
                merkle::verify_inclusion(
                    v["leafIdx"].as_u64()?,
                    v["treeSize"].as_u64()?,
                    &leaf,
                    &proof,
                    &root,
                )
                .is_ok(),
            )
        })()
        .unwrap_or(false);
        assert_eq!(ok, !want_err, "{}: {}", path.display(), v["desc"]);
        happy += usize::from(ok);
    }
    assert!(happy >= 5, "only {happy} happy paths");
}

/// Every consistency case, the same way.
#[test]
fn consistency_proofs_agree_with_transparency_dev_vectors() {
    let cases = vectors("consistency");
    assert!(cases.len() >= 60, "{} cases", cases.len());
    for (path, v) in &cases {
        let want_err = v["wantErr"].as_bool().unwrap();
        let ok = (|| {
            let r1 = hash(&v["root1"])?;
            let r2 = hash(&v["root2"])?;
            let proof = proof(&v["proof"])?;
            Some(
                merkle::verify_consistency(
                    v["size1"].as_u64()?,
                    v["size2"].as_u64()?,
                    &r1,
                    &r2,
                    &proof,
                )
                .is_ok(),
            )
        })()
        .unwrap_or(false);
        assert_eq!(ok, !want_err, "{}: {}", path.display(), v["desc"]);
    }
}

fn ledger(home: &Path, dir: &Path, args: &[&str]) -> Output {
    let (cmd, rest) = args.split_first().unwrap();
    omni(home)
        .args(["ledger", cmd, "--data-dir"])
        .arg(dir)
        .args(rest)
        .output()
        .unwrap()
}

/// A ledger with `n` events, each its own commit.
fn populated(home: &Path, n: usize) -> PathBuf {
    let dir = home.join("ledger");
    let out = ledger(home, &dir, &["init", "--domain", "org-a"]);
    assert!(out.status.success(), "{}", text(&out));
    for i in 0..n {
        let source = format!("198.51.100.{}", i + 1);
        let out = ledger(
            home,
            &dir,
            &[
                "record",
                "--type",
                "malicious_ip",
                "--source",
                &source,
                "--severity",
                "high",
                "--meta",
                &format!("{{\"n\":{i}}}"),
            ],
        );
        assert!(out.status.success(), "{}", text(&out));
    }
    dir
}

fn verify(home: &Path, dir: &Path) -> (Option<i32>, Value) {
    let out = omni(home)
        .args(["--format", "json", "ledger", "verify", "--data-dir"])
        .arg(dir)
        .output()
        .unwrap();
    let v = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", text(&out)));
    (out.status.code(), v)
}

fn segment(dir: &Path) -> PathBuf {
    dir.join("log/00000000000000000000.seg")
}

/// The records of a segment: (offset of the header, payload).
fn records(bytes: &[u8]) -> Vec<(usize, Vec<u8>)> {
    let mut out = Vec::new();
    let mut off = 0;
    while off + 8 <= bytes.len() {
        let len = u32::from_le_bytes(bytes[off..off + 4].try_into().unwrap()) as usize;
        out.push((off, bytes[off + 8..off + 8 + len].to_vec()));
        off += 8 + len;
    }
    out
}

fn frame(payload: &[u8]) -> Vec<u8> {
    let mut out = (payload.len() as u32).to_le_bytes().to_vec();
    out.extend_from_slice(&crc32c::crc32c(payload).to_le_bytes());
    out.extend_from_slice(payload);
    out
}

/// Writes `payloads` as the whole log, framed with correct checksums (an
/// attacker who knows the format).
fn rewrite(dir: &Path, payloads: &[Vec<u8>]) {
    let bytes: Vec<u8> = payloads.iter().flat_map(|p| frame(p)).collect();
    std::fs::write(segment(dir), bytes).unwrap();
}

/// Flip a byte, delete an entry, swap two, forge a signature, replace the
/// key: `verify` exits 1 and names the entry every time; the untouched
/// ledger verifies (exit 0).
#[test]
fn tampering_is_found_and_the_entry_named() {
    let home = tempfile::tempdir().unwrap();
    let dir = populated(home.path(), 6);
    let pristine = std::fs::read(segment(&dir)).unwrap();
    let (code, v) = verify(home.path(), &dir);
    assert_eq!(code, Some(0), "{v}");
    assert_eq!(v["intact"], true);
    assert_eq!(v["entries"], 6);
    let payloads: Vec<Vec<u8>> = records(&pristine).into_iter().map(|(_, p)| p).collect();
    let expect = |what: &str, index: u64, reason: &str| {
        let (code, v) = verify(home.path(), &dir);
        assert_eq!(code, Some(1), "{what}: {v}");
        assert_eq!(v["intact"], false, "{what}");
        assert_eq!(v["index"], index, "{what}: {v}");
        let problem = v["problem"].as_str().unwrap();
        assert!(problem.contains(reason), "{what}: {problem}");
        std::fs::write(segment(&dir), &pristine).unwrap();
    };

    // 1. A flipped byte inside entry 2 (its checksum no longer matches).
    let mut bytes = pristine.clone();
    let (off, _) = records(&pristine)[2];
    bytes[off + 30] ^= 0x01;
    std::fs::write(segment(&dir), &bytes).unwrap();
    expect("flipped byte", 2, "checksum");

    // 2. The same flip with the checksum fixed: the signature fails.
    let mut changed = payloads.clone();
    let text2 = String::from_utf8(changed[2].clone()).unwrap();
    changed[2] = text2.replace("\"high\"", "\"low\"").into_bytes();
    rewrite(&dir, &changed);
    expect("edited entry", 2, "signature does not verify");

    // 3. Entry 3 deleted.
    let mut fewer = payloads.clone();
    fewer.remove(3);
    rewrite(&dir, &fewer);
    expect(
        "deleted entry",
        3,
        "changed, removed, inserted or reordered",
    );

    // 4. The last entry deleted.
    rewrite(&dir, &payloads[..5]);
    expect("deleted last entry", 5, "missing");

    // 5. Entries 1 and 4 swapped.
    let mut swapped = payloads.clone();
    swapped.swap(1, 4);
    rewrite(&dir, &swapped);
    expect(
        "swapped entries",
        1,
        "changed, removed, inserted or reordered",
    );

    // 6. A forged signature (another key's, valid base64) on entry 4.
    let mut forged = payloads.clone();
    let sig = event_sig_of(&forged[4]);
    let other = event_sig_of(&forged[0]);
    assert_ne!(sig, other);
    forged[4] = String::from_utf8(forged[4].clone())
        .unwrap()
        .replace(&sig, &other)
        .into_bytes();
    rewrite(&dir, &forged);
    expect("forged signature", 4, "signature does not verify");

    // 7. A duplicated entry (a replay) at the end.
    let mut replayed = payloads.clone();
    replayed.push(payloads[0].clone());
    rewrite(&dir, &replayed);
    expect("replayed entry", 6, "already in the log");

    // 8. The key replaced (a new key pair in the directory): every entry
    //    and checkpoint was signed by the old one.
    let other = home.path().join("other");
    let out = ledger(home.path(), &other, &["init"]);
    assert!(out.status.success(), "{}", text(&out));
    for f in ["key.pem", "key.pub"] {
        std::fs::copy(other.join(f), dir.join(f)).unwrap();
    }
    let (code, v) = verify(home.path(), &dir);
    assert_eq!(code, Some(1), "{v}");
    assert!(v["problem"].as_str().unwrap().contains("key.pub"), "{v}");
    // ...and with ledger.json edited to name the new key too.
    let mut meta: Value =
        serde_json::from_slice(&std::fs::read(dir.join("ledger.json")).unwrap()).unwrap();
    let new_meta: Value =
        serde_json::from_slice(&std::fs::read(other.join("ledger.json")).unwrap()).unwrap();
    meta["key_id"] = new_meta["key_id"].clone();
    std::fs::write(dir.join("ledger.json"), serde_json::to_vec(&meta).unwrap()).unwrap();
    let (code, v) = verify(home.path(), &dir);
    assert_eq!(code, Some(1), "{v}");
    assert!(v["problem"].as_str().unwrap().contains("checkpoint"), "{v}");
}

/// Records `n` low-severity scanner events from `source(i)` with
/// `record --batch` (one commit).
fn record_batch(home: &Path, dir: &Path, n: usize, source: impl Fn(usize) -> String) {
    let events = home.join("events.jsonl");
    let lines: String = (0..n)
        .map(|i| {
            format!(
                "{{\"type\":\"scanner\",\"source\":\"{}\",\"severity\":\"low\"}}\n",
                source(i)
            )
        })
        .collect();
    std::fs::write(&events, lines).unwrap();
    let out = ledger(home, dir, &["record", "--batch", events.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out));
}

/// Signatures are deterministic: the same event with its time given is the
/// same entry. Recorded again (alone, or in a batch, twice in one batch) it
/// is not appended again, so the ledger stays one `verify` accepts.
#[test]
fn recording_the_same_event_again_appends_nothing() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("ledger");
    assert!(ledger(home.path(), &dir, &["init"]).status.success());
    let once = [
        "record",
        "--type",
        "scanner",
        "--source",
        "192.0.2.1",
        "--severity",
        "low",
        "--time",
        "2026-01-01T00:00:00Z",
    ];
    let first = ledger(home.path(), &dir, &once);
    assert!(first.status.success(), "{}", text(&first));
    let again = ledger(home.path(), &dir, &once);
    assert!(again.status.success(), "{}", text(&again));
    assert!(
        text(&again).contains("entry 0 of 1, recorded already"),
        "{}",
        text(&again)
    );
    let events = home.path().join("events.jsonl");
    let line = |src: &str| {
        format!(
            "{{\"type\":\"scanner\",\"source\":\"{src}\",\"severity\":\"low\",\"time\":\"2026-01-01T00:00:00Z\"}}\n"
        )
    };
    let batch = [line("192.0.2.1"), line("192.0.2.2"), line("192.0.2.2")].concat();
    std::fs::write(&events, batch).unwrap();
    let out = ledger(
        home.path(),
        &dir,
        &["record", "--batch", events.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("recorded 1 events: entries 1 to 1 of 2; 2 were in the ledger already"),
        "{}",
        text(&out)
    );
    let (code, v) = verify(home.path(), &dir);
    assert_eq!(code, Some(0), "{v}");
    assert_eq!(v["entries"], 2, "{v}");
}

/// Damage spread over many blocks of a larger ledger (`verify` checks blocks
/// of 256 entries on several threads, out of order, and consumes them in
/// order): the lowest damaged index is named every time, whatever the kind
/// of damage above it and however many threads check.
#[test]
fn the_lowest_damage_is_named_across_blocks_and_threads() {
    use omni::systems::ledger::verify::verify as check;
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("ledger");
    let out = ledger(home.path(), &dir, &["init", "--domain", "org-a"]);
    assert!(out.status.success(), "{}", text(&out));
    record_batch(home.path(), &dir, 2000, |i| {
        format!("10.0.{}.{}", i / 256, i % 256)
    });
    let pristine: Vec<Vec<u8>> = records(&std::fs::read(segment(&dir)).unwrap())
        .into_iter()
        .map(|(_, p)| p)
        .collect();
    assert_eq!(pristine.len(), 2000);
    for threads in [1, 2, 5] {
        assert_eq!(check(&dir, threads).unwrap().unwrap().entries, 2000);
    }
    let forge = |p: &mut Vec<Vec<u8>>, i: usize| {
        let (sig, other) = (event_sig_of(&p[i]), event_sig_of(&p[(i + 1) % p.len()]));
        p[i] = String::from_utf8(p[i].clone())
            .unwrap()
            .replace(&sig, &other)
            .into_bytes();
    };
    // (what, damage, the index and reason expected)
    type Damage = fn(&mut Vec<Vec<u8>>, &dyn Fn(&mut Vec<Vec<u8>>, usize));
    let cases: [(&str, Damage, u64, &str); 5] = [
        (
            "forged at 1100 and 5",
            |p, f| {
                f(p, 1100);
                f(p, 5)
            },
            5,
            "signature",
        ),
        (
            "one forged signature late",
            |p, f| f(p, 1900),
            1900,
            "signature",
        ),
        (
            "forged at 300 and 1700",
            |p, f| {
                f(p, 1700);
                f(p, 300)
            },
            300,
            "signature",
        ),
        (
            "a replay at 700, a forgery at 1500",
            |p, f| {
                p[700] = p[3].clone();
                f(p, 1500)
            },
            700,
            "already in the log",
        ),
        (
            "a forgery at 511, a replay at 512",
            |p, f| {
                f(p, 511);
                p[512] = p[0].clone()
            },
            511,
            "signature",
        ),
    ];
    for (what, damage, index, reason) in cases {
        let mut changed = pristine.clone();
        damage(&mut changed, &forge);
        rewrite(&dir, &changed);
        for threads in [1, 2, 5] {
            let broken = check(&dir, threads).unwrap().unwrap_err();
            assert_eq!(
                broken.index,
                Some(index),
                "{what}, {threads} threads: {broken:?}"
            );
            assert!(broken.reason.contains(reason), "{what}: {broken:?}");
        }
    }
}

/// The root at any earlier size (what a replica compares a peer's
/// checkpoint of another size with) is the root of that prefix, between
/// commits as well as at them.
#[test]
fn the_root_at_any_size_is_the_root_of_that_prefix() {
    use omni::systems::ledger::Ledger;
    let home = tempfile::tempdir().unwrap();
    let dir = populated(home.path(), 3);
    record_batch(home.path(), &dir, 10, |i| format!("10.9.0.{i}"));
    let out = ledger(
        home.path(),
        &dir,
        &[
            "record",
            "--type",
            "scanner",
            "--source",
            "10.9.1.1",
            "--severity",
            "low",
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    let l = Ledger::open(&dir, false).unwrap();
    let leaves = l.leaves().unwrap();
    assert_eq!(leaves.len(), 14);
    for m in 0..=14 {
        assert_eq!(
            l.root_at(m as u64).unwrap(),
            Some(merkle::root(&leaves[..m])),
            "size {m}"
        );
    }
    assert_eq!(l.root_at(15).unwrap(), None);
    // Several at once, in one pass.
    let sizes = [1u64, 2, 5, 13, 14, 15];
    let want: Vec<Option<Hash>> = sizes
        .iter()
        .map(|&m| (m <= 14).then(|| merkle::root(&leaves[..m as usize])))
        .collect();
    assert_eq!(l.roots_at(&sizes).unwrap(), want);
}

/// An entry re-signed with the ledger's key so that its R has a torsion
/// component `t` (`R' = [r]B + T`, `s = r + k'·a`): the cofactored equation
/// holds, the cofactorless one `verify_strict` checks does not. With `small`,
/// R is the small-order point itself and `s = k·a` (the equation holds for
/// the identity).
fn torsioned(
    key: &omni::runtime::crypto::SigningKey,
    payload: &[u8],
    t: usize,
    r: curve25519_dalek::Scalar,
    small: bool,
) -> Vec<u8> {
    use curve25519_dalek::constants::{ED25519_BASEPOINT_POINT as B, EIGHT_TORSION};
    use omni::systems::ledger::event::{Body, Event, b64};
    use sha2::Digest;
    let e = Event::parse(payload).unwrap();
    let body = Body {
        v: e.v,
        time: e.time.clone(),
        kind: e.kind.clone(),
        source: e.source,
        severity: e.severity,
        ttl: e.ttl,
        meta: e.meta.clone(),
        domain: e.domain.clone(),
        reporter: e.reporter.clone(),
    };
    let (r, point) = if small {
        (curve25519_dalek::Scalar::ZERO, EIGHT_TORSION[t])
    } else {
        (r, B * r + EIGHT_TORSION[t])
    };
    let enc = point.compress().to_bytes();
    let mut h = sha2::Sha512::new();
    h.update(enc);
    h.update(key.verifying_key().as_bytes());
    h.update(body.signing_bytes());
    let k = curve25519_dalek::Scalar::from_hash(h);
    let s = r + k * key.to_scalar();
    let mut sig = enc.to_vec();
    sig.extend_from_slice(s.as_bytes());
    Event {
        sig: b64(&sig),
        ..e
    }
    .to_entry()
}

/// Entries whose signature has a torsion component in R, or a small-order
/// R, are refused every time, over many fresh signatures (a batch verifier
/// with random coefficients would let about half of some of them through;
/// `verify` must decide exactly as `verify_strict`). The untorsioned control
/// signature, made the same way, verifies.
#[test]
fn signatures_with_torsion_in_r_are_refused_every_time() {
    use rand::{RngCore, SeedableRng};
    let home = tempfile::tempdir().unwrap();
    let dir = populated(home.path(), 3);
    let key = omni::runtime::crypto::read_private_key(&dir.join("key.pem")).unwrap();
    let pristine = std::fs::read(segment(&dir)).unwrap();
    let payloads: Vec<Vec<u8>> = records(&pristine).into_iter().map(|(_, p)| p).collect();
    let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(0x7051);
    let mut scalar = || {
        let mut wide = [0u8; 64];
        rng.fill_bytes(&mut wide);
        curve25519_dalek::Scalar::from_bytes_mod_order_wide(&wide)
    };
    let refused = |entry: Vec<u8>, what: &str| {
        let mut changed = payloads.clone();
        changed[2] = entry;
        rewrite(&dir, &changed);
        let b = omni::systems::ledger::verify::verify(&dir, 2)
            .unwrap()
            .expect_err(what);
        assert_eq!(b.index, Some(2), "{what}");
        assert!(
            b.reason.contains("signature does not verify"),
            "{what}: {}",
            b.reason
        );
    };
    for trial in 0..200 {
        let t = 1 + trial % 7;
        let entry = torsioned(&key, &payloads[2], t, scalar(), false);
        refused(entry, &format!("trial {trial}: R + T{t}"));
    }
    for t in 0..8 {
        let entry = torsioned(&key, &payloads[2], t, scalar(), true);
        refused(entry, &format!("small-order R T{t}"));
    }
    // The control, T the identity, is an honest signature with another
    // nonce: the signature passes, and the changed bytes (a new leaf) are
    // what the root check then finds.
    let control = torsioned(&key, &payloads[2], 0, scalar(), false);
    let mut changed = payloads.clone();
    changed[2] = control;
    rewrite(&dir, &changed);
    let b = omni::systems::ledger::verify::verify(&dir, 2)
        .unwrap()
        .unwrap_err();
    assert!(b.reason.contains("do not give the root"), "{}", b.reason);
    std::fs::write(segment(&dir), &pristine).unwrap();
    assert!(
        omni::systems::ledger::verify::verify(&dir, 2)
            .unwrap()
            .is_ok()
    );
}

fn event_sig_of(payload: &[u8]) -> String {
    let v: Value = serde_json::from_slice(payload).unwrap();
    v["sig"].as_str().unwrap().to_owned()
}

/// The checkpoint is a C2SP signed note whose signature Python's
/// `cryptography` (OpenSSL) verifies with the public key, and the inclusion
/// and consistency proofs check out under an RFC 9162 verifier written in
/// Python, independently of omni's.
#[test]
fn checkpoints_and_proofs_check_out_in_an_independent_verifier() {
    let have = Command::new("python3")
        .args(["-c", "import cryptography"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !have {
        skip(
            "checkpoints_and_proofs_check_out_in_an_independent_verifier",
            "python3 cryptography is missing (scripts/test.sh installs it)",
        );
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let dir = populated(home.path(), 7);
    let json = |args: &[&str]| -> Value {
        let out = omni(home.path())
            .args(["--format", "json", "ledger"])
            .args(args)
            .arg("--data-dir")
            .arg(&dir)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", text(&out));
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let note = json(&["checkpoint"])["note"].as_str().unwrap().to_owned();
    let inclusion = json(&["prove", "--inclusion", "5"]);
    let consistency = json(&["prove", "--consistency", "3"]);
    let entry = std::fs::read(segment(&dir)).unwrap();
    let leaf5 = &records(&entry)[5].1;
    let script = r#"
import base64, hashlib, json, sys
from cryptography.hazmat.primitives.serialization import load_pem_public_key
note, pub, inc, con, leaf = sys.argv[1], open(sys.argv[2], "rb").read(), json.loads(sys.argv[3]), json.loads(sys.argv[4]), bytes.fromhex(sys.argv[5])
key = load_pem_public_key(pub)
raw = key.public_bytes_raw()
body, sigs = note.split("\n\n", 1)
body += "\n"
origin, size, root = body.split("\n")[:3]
for line in sigs.strip("\n").split("\n"):
    assert line.startswith("\u2014 "), line
    name, sig = line[2:].rsplit(" ", 1)
    sig = base64.b64decode(sig)
    kh = hashlib.sha256(name.encode() + b"\n\x01" + raw).digest()[:4]
    assert sig[:4] == kh, "key hash"
    key.verify(sig[4:], body.encode())  # raises if bad
H = lambda b: hashlib.sha256(b).digest()
node = lambda l, r: H(b"\x01" + l + r)
lh = H(b"\x00" + leaf)
assert base64.b64encode(lh).decode() == inc["leaf_hash"]
# RFC 9162 2.1.3.2
fn, sn, r = inc["index"], inc["tree_size"] - 1, lh
for p in map(base64.b64decode, inc["hashes"]):
    if fn & 1 or fn == sn:
        r = node(p, r)
        while not fn & 1 and fn:
            fn >>= 1; sn >>= 1
    else:
        r = node(r, p)
    fn >>= 1; sn >>= 1
assert sn == 0 and base64.b64encode(r).decode() == inc["root"] == root, "inclusion"
assert int(size) == inc["tree_size"]
# RFC 9162 2.1.4.2
m, n = con["old_size"], con["new_size"]
first, second = base64.b64decode(con["old_root"]), base64.b64decode(con["new_root"])
path = list(map(base64.b64decode, con["hashes"]))
if m & (m - 1) == 0:
    path.insert(0, first)
fn, sn = m - 1, n - 1
while fn & 1:
    fn >>= 1; sn >>= 1
fr = sr = path[0]
for c in path[1:]:
    if fn & 1 or fn == sn:
        fr, sr = node(c, fr), node(c, sr)
        while not fn & 1 and fn:
            fn >>= 1; sn >>= 1
    else:
        sr = node(sr, c)
    fn >>= 1; sn >>= 1
assert sn == 0 and fr == first and sr == second, "consistency"
assert con["new_root"] == root
print("ok")
"#;
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(&note)
        .arg(dir.join("key.pub"))
        .arg(inclusion.to_string())
        .arg(consistency.to_string())
        .arg(hex::encode(leaf5))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "ok");
}

/// `kill -9` of a writer streaming events, twelve times at random moments:
/// every acknowledged event is there, the log verifies, and the next writer
/// carries on.
#[test]
fn kill_9_in_the_middle_of_a_write_stream_loses_only_unacknowledged_events() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("ledger");
    assert!(ledger(home.path(), &dir, &["init"]).status.success());
    let mut acknowledged = 0u64;
    let mut rng = 0x9e3779b97f4a7c15u64;
    for round in 0..12 {
        let mut child = omni(home.path())
            .args([
                "ledger",
                "record",
                "--commit-every",
                "64",
                "--batch",
                "-",
                "--data-dir",
            ])
            .arg(&dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        let feeder = std::thread::spawn(move || {
            let mut i = 0u64;
            loop {
                let line = format!(
                    "{{\"type\":\"brute_force\",\"source\":\"10.{}.{}.{}\",\"severity\":\"medium\",\"meta\":{{\"round\":{round},\"i\":{i}}}}}\n",
                    (i >> 16) & 255,
                    (i >> 8) & 255,
                    i & 255
                );
                if stdin.write_all(line.as_bytes()).is_err() {
                    break;
                }
                i += 1;
            }
        });
        // Read acknowledgements until a random moment, then kill -9.
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        let deadline = Instant::now() + Duration::from_millis(150 + rng % 400);
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                // "recorded N events: entries A to B of SIZE" or "<id>  entry A of SIZE"
                if let Some(size) = line.rsplit(' ').next().and_then(|s| s.parse::<u64>().ok()) {
                    let _ = tx.send(size);
                }
            }
        });
        while Instant::now() < deadline {
            if let Ok(size) = rx.recv_timeout(Duration::from_millis(10)) {
                acknowledged = acknowledged.max(size);
            }
        }
        child.kill().unwrap();
        let _ = child.wait();
        let _ = reader.join();
        while let Ok(size) = rx.try_recv() {
            acknowledged = acknowledged.max(size);
        }
        let _ = feeder.join();
        let (code, v) = verify(home.path(), &dir);
        assert_eq!(code, Some(0), "round {round}: {v}");
        let entries = v["entries"].as_u64().unwrap();
        assert!(
            entries >= acknowledged,
            "round {round}: {acknowledged} acknowledged, {entries} in the log"
        );
    }
    assert!(acknowledged > 100, "the writer got going: {acknowledged}");
    // A writer opens the ledger after all this, cuts any torn tail, goes on.
    let out = ledger(
        home.path(),
        &dir,
        &[
            "record",
            "--type",
            "scanner",
            "--source",
            "203.0.113.9",
            "--severity",
            "low",
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    let (code, v) = verify(home.path(), &dir);
    assert_eq!(code, Some(0), "{v}");
}

/// Queries filter by type, severity, network and time; bad input is one
/// line with the documented code.
#[test]
fn queries_filter_and_bad_input_is_refused() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("ledger");
    assert!(
        ledger(home.path(), &dir, &["init", "--domain", "org-b"])
            .status
            .success()
    );
    for (kind, source, severity, time) in [
        (
            "malicious_ip",
            "192.0.2.10",
            "critical",
            "2026-01-01T00:00:00Z",
        ),
        ("scanner", "192.0.2.0/24", "low", "2026-01-02T00:00:00Z"),
        ("brute_force", "2001:db8::7", "high", "2026-01-03T00:00:00Z"),
    ] {
        let out = ledger(
            home.path(),
            &dir,
            &[
                "record",
                "--type",
                kind,
                "--source",
                source,
                "--severity",
                severity,
                "--time",
                time,
            ],
        );
        assert!(out.status.success(), "{}", text(&out));
    }
    let rows = |args: &[&str]| -> Vec<Value> {
        let out = omni(home.path())
            .args(["--format", "jsonl", "ledger", "query", "--data-dir"])
            .arg(&dir)
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", text(&out));
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    assert_eq!(rows(&[]).len(), 3);
    assert_eq!(rows(&["--type", "scanner"])[0]["source"], "192.0.2.0/24");
    assert_eq!(rows(&["--min-severity", "high"]).len(), 2);
    assert_eq!(rows(&["--source", "192.0.2.0/24"]).len(), 2);
    assert_eq!(
        rows(&["--source", "2001:db8::/32"])[0]["type"],
        "brute_force"
    );
    assert_eq!(rows(&["--since", "2026-01-02T00:00:00Z"]).len(), 2);
    assert_eq!(rows(&["--since", "24h ago"]).len(), 0);
    // Every record was indexed (a 32-byte header, 64 bytes per entry), and
    // the index never changes an answer: damaged, cut or gone, the same rows.
    let idx = dir.join("index/entries.idx");
    assert_eq!(std::fs::metadata(&idx).unwrap().len(), 32 + 3 * 64);
    let all = rows(&[]);
    let net = rows(&["--source", "192.0.2.0/24"]);
    let mut bytes = std::fs::read(&idx).unwrap();
    bytes[32 + 64 + 40] ^= 0xff; // entry 1's source
    std::fs::write(&idx, &bytes).unwrap();
    assert_eq!(rows(&["--source", "192.0.2.0/24"]), net);
    std::fs::write(&idx, &bytes[..32 + 64]).unwrap();
    assert_eq!(rows(&[]), all);
    std::fs::remove_dir_all(dir.join("index")).unwrap();
    assert_eq!(rows(&["--source", "192.0.2.0/24"]), net);
    for (args, code, says) in [
        (
            vec![
                "record",
                "--type",
                "x",
                "--source",
                "300.1.1.1",
                "--severity",
                "low",
            ],
            2,
            "not an IPv4",
        ),
        (
            vec![
                "record",
                "--type",
                "x",
                "--source",
                "10.0.0.1/8",
                "--severity",
                "low",
            ],
            2,
            "10.0.0.0/8",
        ),
        (
            vec![
                "record",
                "--type",
                "x",
                "--source",
                "10.0.0.1",
                "--severity",
                "dire",
            ],
            2,
            "severity",
        ),
        (
            vec![
                "record",
                "--type",
                "x",
                "--source",
                "10.0.0.1",
                "--severity",
                "low",
                "--meta",
                "[1]",
            ],
            2,
            "JSON object",
        ),
        (vec!["query", "--since", "yesterday"], 2, "--since"),
    ] {
        let out = ledger(home.path(), &dir, &args);
        assert_eq!(out.status.code(), Some(code), "{args:?}: {}", text(&out));
        assert!(text(&out).contains(says), "{args:?}: {}", text(&out));
    }
    let missing = home.path().join("nowhere");
    let out = ledger(home.path(), &missing, &["verify"]);
    assert_eq!(out.status.code(), Some(66), "{}", text(&out));
    assert!(text(&out).contains("omni ledger init"), "{}", text(&out));
}

/// An export carries every entry, the signed checkpoint and each entry's
/// inclusion proof; import checks all of it before writing anything: a
/// changed entry, a changed proof or an unsigned checkpoint is refused and
/// the target stays as it was; an untrusted key is refused unless --trust;
/// importing again adds nothing, and a longer export extends.
#[test]
fn export_and_import_check_everything_before_accepting_anything() {
    let home = tempfile::tempdir().unwrap();
    let src = populated(home.path(), 4);
    let file = home.path().join("backup.json");
    let out = ledger(
        home.path(),
        &src,
        &["export", "--output", file.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", text(&out));
    let doc: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    assert_eq!(doc["size"], 4);
    assert_eq!(doc["entries"].as_array().unwrap().len(), 4);
    assert_eq!(doc["proofs"].as_array().unwrap().len(), 4);
    assert!(doc["checkpoint"].as_str().unwrap().contains("\n4\n"));

    let dst = home.path().join("restored");
    assert!(
        ledger(home.path(), &dst, &["init", "--domain", "org-b"])
            .status
            .success()
    );
    let segment_len = || {
        std::fs::metadata(segment(&dst))
            .map(|m| m.len())
            .unwrap_or(0)
    };
    let import = |path: &Path, trust: bool| {
        let mut args = vec!["import", path.to_str().unwrap()];
        if trust {
            args.push("--trust");
        }
        ledger(home.path(), &dst, &args)
    };
    // Not trusted yet.
    let out = import(&file, false);
    assert_eq!(out.status.code(), Some(65), "{}", text(&out));
    assert!(text(&out).contains("--trust"), "{}", text(&out));
    // Damaged copies: refused, nothing written.
    let text_doc = std::fs::read_to_string(&file).unwrap();
    let proof0 = doc["proofs"][0][0].as_str().unwrap();
    let cases = [
        (
            "edited entry",
            text_doc.replacen("198.51.100.2", "198.51.100.99", 1),
            "signature",
        ),
        (
            "edited proof",
            text_doc.replacen(proof0, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=", 1),
            "proof 0",
        ),
        (
            "dropped entry",
            {
                let mut d = doc.clone();
                d["entries"].as_array_mut().unwrap().remove(1);
                serde_json::to_string(&d).unwrap()
            },
            "3 entries",
        ),
        (
            "forged size",
            text_doc.replacen("\"size\":4", "\"size\":3", 1),
            "size",
        ),
    ];
    for (what, body, says) in cases {
        let bad = home.path().join("bad.json");
        std::fs::write(&bad, body).unwrap();
        let out = import(&bad, true);
        assert_eq!(out.status.code(), Some(65), "{what}: {}", text(&out));
        assert!(text(&out).contains(says), "{what}: {}", text(&out));
        assert_eq!(segment_len(), 0, "{what}: nothing written");
        assert!(!dst.join("trusted").exists(), "{what}: no key trusted");
    }
    let out = import(&file, true);
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("4 added"), "{}", text(&out));
    let (code, v) = verify(home.path(), &dst);
    assert_eq!(code, Some(0), "{v}");
    assert_eq!(v["root"], doc["root"], "the same tree");
    // Again: nothing new.
    let out = import(&file, false);
    assert!(text(&out).contains("0 added"), "{}", text(&out));
    // The source grows; its next export extends the copy.
    let out = ledger(
        home.path(),
        &src,
        &[
            "record",
            "--type",
            "scanner",
            "--source",
            "203.0.113.7",
            "--severity",
            "low",
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    let out = ledger(
        home.path(),
        &src,
        &["export", "--output", file.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", text(&out));
    let out = import(&file, false);
    assert!(text(&out).contains("1 added"), "{}", text(&out));
    assert_eq!(verify(home.path(), &dst).0, Some(0));
}

/// Two network namespaces joined by a veth pair: `b` connects to a TCP
/// listener in `a` from two addresses, one of them recorded in the ledger.
struct Netns {
    a: String,
    b: String,
    listen: String,
    blocked: String,
    allowed: String,
}

static NEXT_NS: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);

fn ip(args: &[&str]) -> bool {
    Command::new("ip")
        .args(args)
        .status()
        .is_ok_and(|s| s.success())
}

impl Netns {
    fn new(test: &str, tools: &[&str]) -> Option<Netns> {
        if !crate::util::is_root() {
            skip(test, "needs root (network namespaces, nft, ipset)");
            return None;
        }
        for tool in tools {
            if Command::new(tool).arg("--version").output().is_err() {
                skip(
                    test,
                    &format!("{tool} is missing (scripts/test.sh installs it)"),
                );
                return None;
            }
        }
        let n = NEXT_NS.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let tag = format!("{}{n}", std::process::id() % 10_000);
        let ns = Netns {
            a: format!("olga{tag}"),
            b: format!("olgb{tag}"),
            listen: format!("10.78.{n}.1"),
            blocked: format!("10.78.{n}.2"),
            allowed: format!("10.78.{n}.3"),
        };
        let (va, vb) = (format!("olva{tag}"), format!("olvb{tag}"));
        let ok = ip(&["netns", "add", &ns.a])
            && ip(&["netns", "add", &ns.b])
            && ip(&[
                "link", "add", &va, "netns", &ns.a, "type", "veth", "peer", "name", &vb, "netns",
                &ns.b,
            ])
            && ip(&[
                "-n",
                &ns.a,
                "addr",
                "add",
                &format!("{}/24", ns.listen),
                "dev",
                &va,
            ])
            && ip(&[
                "-n",
                &ns.b,
                "addr",
                "add",
                &format!("{}/24", ns.blocked),
                "dev",
                &vb,
            ])
            && ip(&[
                "-n",
                &ns.b,
                "addr",
                "add",
                &format!("{}/24", ns.allowed),
                "dev",
                &vb,
            ])
            && ip(&["-n", &ns.a, "link", "set", &va, "up"])
            && ip(&["-n", &ns.b, "link", "set", &vb, "up"])
            && ip(&["-n", &ns.a, "link", "set", "lo", "up"]);
        assert!(ok, "setting up the namespaces");
        Some(ns)
    }

    /// Whether a TCP connection from `source` in `b` to a listener in `a`
    /// completes within a second.
    fn reaches(&self, source: &str) -> bool {
        let server = Command::new("ip")
            .args(["netns", "exec", &self.a, "python3", "-c"])
            .arg(
                "import socket,sys\ns=socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)\n\
                 s.bind((sys.argv[1], 9411)); s.listen(4); s.settimeout(3)\nprint('ready', flush=True)\n\
                 try:\n  c,_=s.accept(); c.close()\nexcept socket.timeout: pass",
            )
            .arg(&self.listen)
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut server = server;
        let mut line = String::new();
        BufReader::new(server.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        assert_eq!(line.trim(), "ready");
        let client = Command::new("ip")
            .args(["netns", "exec", &self.b, "python3", "-c"])
            .arg(
                "import socket,sys\ns=socket.socket(); s.bind((sys.argv[1], 0)); s.settimeout(1)\n\
                 try:\n  s.connect((sys.argv[2], 9411)); print('connected')\nexcept OSError as e: print('failed', e)",
            )
            .args([source, &self.listen])
            .output()
            .unwrap();
        let _ = server.kill();
        let _ = server.wait();
        String::from_utf8_lossy(&client.stdout).starts_with("connected")
    }
}

impl Drop for Netns {
    fn drop(&mut self) {
        ip(&["netns", "del", &self.a]);
        ip(&["netns", "del", &self.b]);
    }
}

/// `enforce` with nftables, then with ipset, inside a namespace the test
/// creates: the recorded address cannot reach the listener, the other
/// address can; an allowlisted one is never blocked; the nftables set keeps
/// the event's remaining TTL as its timeout.
#[test]
fn enforcement_blocks_recorded_sources_and_spares_the_rest() {
    let test = "enforcement_blocks_recorded_sources_and_spares_the_rest";
    let Some(ns) = Netns::new(test, &["nft", "ipset", "iptables"]) else {
        return;
    };
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("ledger");
    assert!(ledger(home.path(), &dir, &["init"]).status.success());
    assert!(
        ns.reaches(&ns.blocked) && ns.reaches(&ns.allowed),
        "reachable before"
    );
    let out = ledger(
        home.path(),
        &dir,
        &[
            "record",
            "--type",
            "brute_force",
            "--source",
            &ns.blocked,
            "--severity",
            "high",
            "--ttl",
            "1h",
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
    let out = ledger(
        home.path(),
        &dir,
        &["enforce", "--backend", "nftables", "--netns", &ns.a],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(text(&out).contains("1 sources blocked"), "{}", text(&out));
    assert!(
        !ns.reaches(&ns.blocked),
        "nftables: the recorded source is dropped"
    );
    assert!(
        ns.reaches(&ns.allowed),
        "nftables: the other source still connects"
    );
    let set = Command::new("ip")
        .args([
            "netns",
            "exec",
            &ns.a,
            "nft",
            "list",
            "set",
            "inet",
            "omni_ledger",
            "blocked_v4",
        ])
        .output()
        .unwrap();
    let listing = String::from_utf8_lossy(&set.stdout);
    assert!(
        listing.contains(&ns.blocked) && listing.contains("expires"),
        "{listing}"
    );
    // Applying again replaces the table in one transaction: still one set.
    let out = ledger(
        home.path(),
        &dir,
        &["enforce", "--backend", "nftables", "--netns", &ns.a],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(!ns.reaches(&ns.blocked));
    // The allowlist wins: with the address allowed, the table empties.
    std::fs::write(dir.join("allowlist"), format!("{}\n", ns.blocked)).unwrap();
    let out = ledger(
        home.path(),
        &dir,
        &["enforce", "--backend", "nftables", "--netns", &ns.a],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        text(&out).contains("0 sources blocked (1 allowlisted)"),
        "{}",
        text(&out)
    );
    assert!(ns.reaches(&ns.blocked), "allowlisted: reachable again");
    std::fs::remove_file(dir.join("allowlist")).unwrap();
    // ipset: the same, with the nftables table gone.
    assert!(ip(&[
        "netns",
        "exec",
        &ns.a,
        "nft",
        "delete",
        "table",
        "inet",
        "omni_ledger"
    ]));
    let out = ledger(
        home.path(),
        &dir,
        &["enforce", "--backend", "ipset", "--netns", &ns.a],
    );
    assert!(out.status.success(), "{}", text(&out));
    assert!(
        !ns.reaches(&ns.blocked),
        "ipset: the recorded source is dropped"
    );
    assert!(
        ns.reaches(&ns.allowed),
        "ipset: the other source still connects"
    );
    let out = ledger(
        home.path(),
        &dir,
        &["enforce", "--backend", "ipset", "--netns", &ns.a],
    );
    assert!(
        out.status.success(),
        "second ipset run (swap, rule already there): {}",
        text(&out)
    );
    let rules = Command::new("ip")
        .args(["netns", "exec", &ns.a, "iptables-save"])
        .output()
        .unwrap();
    let rules = String::from_utf8_lossy(&rules.stdout);
    assert_eq!(rules.matches("omni-ledger-v4 src").count(), 1, "{rules}");
}

/// The blocklist's forms: plain lines, an nftables script `nft -c` accepts,
/// ipset and iptables-restore input; TTL, threshold and severity decide.
#[test]
fn blocklists_follow_ttl_threshold_and_severity() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("ledger");
    assert!(ledger(home.path(), &dir, &["init"]).status.success());
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    let at = |secs_ago: u64| {
        omni::runtime::time::format_rfc3339(
            std::time::UNIX_EPOCH + Duration::from_secs(now - secs_ago),
        )
    };
    for (source, severity, ttl, ago) in [
        ("192.0.2.10", "high", "1h", 60),         // active
        ("192.0.2.11", "high", "1m", 3600),       // expired
        ("192.0.2.12", "low", "1h", 60),          // below --min-severity high
        ("198.51.100.0/24", "critical", "0", 60), // permanent network
        ("198.51.100.9", "high", "1h", 60),       // inside it: folded
        ("2001:db8::/48", "high", "1h", 60),
        ("2001:db8::/48", "high", "2h", 30),
    ] {
        let t = at(ago);
        let out = ledger(
            home.path(),
            &dir,
            &[
                "record",
                "--type",
                "scanner",
                "--source",
                source,
                "--severity",
                severity,
                "--ttl",
                ttl,
                "--time",
                &t,
            ],
        );
        assert!(out.status.success(), "{}", text(&out));
    }
    let list = |args: &[&str]| {
        let out = omni(home.path())
            .args(args)
            .args(["ledger", "blocklist", "--data-dir"])
            .arg(&dir)
            .args(["--min-severity", "high"])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", text(&out));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert_eq!(
        list(&["--format", "plain"]),
        "192.0.2.10\n198.51.100.0/24\n2001:db8::/48\n"
    );
    let json: Value = serde_json::from_str(&list(&["--format", "json"])).unwrap();
    let v6 = &json["blocks"][2];
    assert_eq!(v6["events"], 2);
    assert!(v6["expires"].as_u64().unwrap() >= now + 7100, "{v6}");
    let nft = list(&["--format", "nftables"]);
    assert!(
        nft.contains("198.51.100.0/24, ") || nft.contains("198.51.100.0/24 }"),
        "{nft}"
    );
    assert!(nft.contains("192.0.2.10/32 timeout"), "{nft}");
    if crate::util::is_root() {
        let check = Command::new("ip")
            .args(["netns", "add", "olgcheck"])
            .status()
            .is_ok_and(|s| s.success());
        if check {
            let mut c = Command::new("ip")
                .args(["netns", "exec", "olgcheck", "nft", "-c", "-f", "-"])
                .stdin(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap();
            c.stdin.take().unwrap().write_all(nft.as_bytes()).unwrap();
            let out = c.wait_with_output().unwrap();
            ip(&["netns", "del", "olgcheck"]);
            assert!(
                out.status.success(),
                "nft -c: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
    let ipset = list(&["--format", "ipset"]);
    assert!(
        ipset.contains("add omni-ledger-v4-next 198.51.100.0/24 timeout 0"),
        "{ipset}"
    );
    let ipt = list(&["--format", "iptables"]);
    assert!(
        ipt.contains("-A OMNI-LEDGER -s 192.0.2.10/32 -j DROP"),
        "{ipt}"
    );
    // --threshold 2: only the v6 network was reported twice.
    let out = omni(home.path())
        .args([
            "--format",
            "plain",
            "ledger",
            "blocklist",
            "--threshold",
            "2",
            "--data-dir",
        ])
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), "2001:db8::/48\n");
    // Other commands refuse the blocklist forms.
    let out = omni(home.path())
        .args(["--format", "nftables", "ledger", "verify", "--data-dir"])
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", text(&out));
}

/// A node serves the CrowdSec Local API's decision stream, and the Debian
/// `crowdsec-firewall-bouncer`, unchanged, enforces it: in a network
/// namespace the test creates, a source recorded through `record --node`
/// is dropped by the bouncer's nftables set; another address still
/// connects.
#[test]
fn crowdsec_firewall_bouncer_enforces_the_nodes_decisions() {
    let test = "crowdsec_firewall_bouncer_enforces_the_nodes_decisions";
    let Some(ns) = Netns::new(test, &["nft"]) else {
        return;
    };
    if !Path::new("/usr/bin/crowdsec-firewall-bouncer").exists() {
        skip(
            test,
            "crowdsec-firewall-bouncer is missing (scripts/test.sh installs it)",
        );
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("ledger");
    assert!(ledger(home.path(), &dir, &["init"]).status.success());
    let port = 19_000 + (std::process::id() % 500) as u16;
    let in_a = |args: &[&str]| {
        let mut c = Command::new("ip");
        c.args(["netns", "exec", &ns.a]);
        c.arg(crate::util::omni_bin());
        crate::util::isolate(&mut c, home.path());
        c.args(args);
        c
    };
    let mut node = in_a(&[
        "ledger",
        "node",
        "--data-dir",
        dir.to_str().unwrap(),
        "--port",
        &port.to_string(),
        "--api-key",
        "bouncer-key",
    ])
    .stdout(Stdio::piped())
    .stderr(Stdio::piped())
    .spawn()
    .unwrap();
    let mut line = String::new();
    BufReader::new(node.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert!(line.starts_with("listening on"), "{line}");
    let config = home.path().join("bouncer.yaml");
    std::fs::write(
        &config,
        format!(
            "mode: nftables\npid_dir: {pid}\nupdate_frequency: 1s\ndaemonize: false\nlog_mode: stdout\n\
             log_level: info\napi_url: http://127.0.0.1:{port}/\napi_key: bouncer-key\n\
             disable_ipv6: false\ndeny_action: DROP\ndeny_log: false\nsupported_decisions_types:\n  - ban\n\
             blacklists_ipv4: crowdsec-blacklists\nblacklists_ipv6: crowdsec6-blacklists\nipset_type: nethash\n\
             iptables_chains:\n  - INPUT\nnftables:\n  ipv4:\n    enabled: true\n    set-only: false\n\
             \x20   table: crowdsec\n    chain: crowdsec-chain\n  ipv6:\n    enabled: true\n    set-only: false\n\
             \x20   table: crowdsec6\n    chain: crowdsec6-chain\nprometheus:\n  enabled: false\n\
             \x20 listen_addr: 127.0.0.1\n  listen_port: 60601\n",
            pid = home.path().display()
        ),
    )
    .unwrap();
    let mut bouncer = Command::new("ip")
        .args([
            "netns",
            "exec",
            &ns.a,
            "/usr/bin/crowdsec-firewall-bouncer",
            "-c",
        ])
        .arg(&config)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let out = in_a(&[
        "ledger",
        "record",
        "--node",
        &format!("127.0.0.1:{port}"),
        "--api-key",
        "bouncer-key",
        "--type",
        "brute_force",
        "--source",
        &ns.blocked,
        "--severity",
        "high",
        "--ttl",
        "1h",
    ])
    .output()
    .unwrap();
    let enforced = (|| {
        assert!(out.status.success(), "{}", text(&out));
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            let set = Command::new("ip")
                .args([
                    "netns",
                    "exec",
                    &ns.a,
                    "nft",
                    "list",
                    "set",
                    "ip",
                    "crowdsec",
                    "crowdsec-blacklists",
                ])
                .output()
                .unwrap();
            if String::from_utf8_lossy(&set.stdout).contains(&ns.blocked) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        false
    })();
    let (blocked, allowed) = (ns.reaches(&ns.blocked), ns.reaches(&ns.allowed));
    let _ = bouncer.kill();
    let _ = bouncer.wait();
    let _ = node.kill();
    let _ = node.wait();
    assert!(enforced, "the bouncer put the recorded source in its set");
    assert!(!blocked, "the recorded source is dropped");
    assert!(allowed, "another address still connects");
}

/// The node's decision stream follows the Local API's contract: the
/// startup call sends every active decision, later calls only what changed
/// for that key (new, then expired ones under `deleted`); a wrong key gets
/// 403; `record --node` with a wrong key is refused (77); `--peers` is
/// refused while replication is not built (69).
#[test]
fn the_decision_stream_sends_changes_per_key() {
    let home = tempfile::tempdir().unwrap();
    let dir = home.path().join("ledger");
    assert!(ledger(home.path(), &dir, &["init"]).status.success());
    let port = 19_500 + (std::process::id() % 400) as u16;
    let mut node = omni(home.path())
        .args(["ledger", "node", "--data-dir"])
        .arg(&dir)
        .args([
            "--port",
            &port.to_string(),
            "--api-key",
            "k1",
            "--api-key",
            "k2",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(node.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    assert!(line.starts_with("listening on"), "{line}");
    let addr = format!("127.0.0.1:{port}");
    let record = |source: &str, ttl: &str, key: &str| {
        omni(home.path())
            .args(["ledger", "record", "--node", &addr, "--api-key", key])
            .args([
                "--type",
                "scanner",
                "--source",
                source,
                "--severity",
                "high",
                "--ttl",
                ttl,
            ])
            .output()
            .unwrap()
    };
    let stream = |key: &str, startup: bool| -> (u16, Value) {
        let url = format!("http://{addr}/v1/decisions/stream?startup={startup}");
        let out = Command::new("python3")
            .args(["-c", "import json,sys,urllib.request,urllib.error\nr=urllib.request.Request(sys.argv[1],headers={'X-Api-Key':sys.argv[2]})\ntry:\n  b=urllib.request.urlopen(r).read(); print(200); print(b.decode())\nexcept urllib.error.HTTPError as e:\n  print(e.code); print(e.read().decode())"])
            .args([&url, key])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        let (code, body) = text.split_once('\n').unwrap();
        (
            code.trim().parse().unwrap(),
            serde_json::from_str(body.trim()).unwrap(),
        )
    };
    let values = |v: &Value, key: &str| -> Vec<String> {
        v[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["value"].as_str().unwrap().to_owned())
            .collect()
    };
    let out = record("192.0.2.50", "1h", "k1");
    assert!(out.status.success(), "{}", text(&out));
    let out = record("198.51.100.0/24", "2s", "k1");
    assert!(out.status.success(), "{}", text(&out));
    let (code, first) = stream("k2", true);
    assert_eq!(code, 200);
    assert_eq!(values(&first, "new"), ["192.0.2.50", "198.51.100.0/24"]);
    assert_eq!(first["new"][1]["scope"], "Range");
    assert_eq!(first["new"][0]["type"], "ban");
    assert!(
        first["new"][0]["duration"]
            .as_str()
            .unwrap()
            .starts_with("59m")
            || first["new"][0]["duration"]
                .as_str()
                .unwrap()
                .starts_with("1h")
    );
    let (_, again) = stream("k2", false);
    assert!(
        values(&again, "new").is_empty() && values(&again, "deleted").is_empty(),
        "{again}"
    );
    std::thread::sleep(Duration::from_millis(2200));
    let out = record("203.0.113.5", "1h", "k2");
    assert!(out.status.success(), "{}", text(&out));
    let (_, later) = stream("k2", false);
    assert_eq!(values(&later, "new"), ["203.0.113.5"], "{later}");
    assert_eq!(values(&later, "deleted"), ["198.51.100.0/24"], "{later}");
    // Another key has its own position: its startup sees what is active now.
    let (_, other) = stream("k1", true);
    assert_eq!(values(&other, "new"), ["192.0.2.50", "203.0.113.5"]);
    let (code, body) = stream("nope", true);
    assert_eq!(
        (code, body["message"].as_str()),
        (403, Some("access forbidden"))
    );
    let out = record("192.0.2.51", "1h", "nope");
    assert_eq!(out.status.code(), Some(77), "{}", text(&out));
    // A local writer does not wait forever for the node's lock.
    let started = Instant::now();
    let out = ledger(
        home.path(),
        &dir,
        &[
            "record",
            "--type",
            "scanner",
            "--source",
            "192.0.2.52",
            "--severity",
            "low",
        ],
    );
    assert_eq!(out.status.code(), Some(75), "{}", text(&out));
    assert!(text(&out).contains("record --node"), "{}", text(&out));
    assert!(started.elapsed() < Duration::from_secs(10));
    let _ = node.kill();
    let _ = node.wait();
    let out = ledger(
        home.path(),
        &dir,
        &["node", "--peers", "a:9000,b:9000", "--api-key", "k"],
    );
    // A replica needs the others' keys (replicas/): a configuration error.
    assert_eq!(out.status.code(), Some(78), "{}", text(&out));
    assert!(text(&out).contains("replicas"), "{}", text(&out));
}
