//! Strict Ed25519 verification with a prepared key: [`StrictKey`] and
//! [`StrictBatch`] give exactly `verify_strict`'s verdicts, several times
//! faster, from tables of multiples of the key and of the basepoint (the
//! arithmetic is in `field.rs`).

use std::fmt;

use ed25519_dalek::{SIGNATURE_LENGTH, VerifyingKey};
use sha2::Digest as _;

use super::field::{self, Fe, Niels, Point};

/// The canonical encodings of the eight points of small order (the
/// 8-torsion subgroup E\[8\]): the identity, the point of order 2, the two of
/// order 4 and the four of order 8. A test checks them against
/// curve25519-dalek's `EIGHT_TORSION`.
const SMALL_ORDER_ENCODINGS: [[u8; 32]; 8] = {
    const fn enc(hex: &[u8; 64]) -> [u8; 32] {
        const fn nibble(c: u8) -> u8 {
            match c {
                b'0'..=b'9' => c - b'0',
                b'a'..=b'f' => c - b'a' + 10,
                _ => panic!("hex"),
            }
        }
        let mut out = [0u8; 32];
        let mut i = 0;
        while i < 32 {
            out[i] = nibble(hex[2 * i]) << 4 | nibble(hex[2 * i + 1]);
            i += 1;
        }
        out
    }
    [
        enc(b"0100000000000000000000000000000000000000000000000000000000000000"),
        enc(b"ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f"),
        enc(b"0000000000000000000000000000000000000000000000000000000000000000"),
        enc(b"0000000000000000000000000000000000000000000000000000000000000080"),
        enc(b"c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a"),
        enc(b"c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa"),
        enc(b"26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05"),
        enc(b"26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85"),
    ]
};

/// Multiples of a fixed point for variable-time fixed-base multiplication:
/// row `j` holds `[d·256^j]P` for `d = 1..=128` in affine Niels form; 33
/// rows cover any 256-bit scalar in signed radix-256 digits (`[-128,
/// 128)`), so a product is at most 33 mixed additions (7 multiplications
/// each) and no doublings (about 500 KiB a point).
struct Multiples(Vec<Niels>);

const ROWS: usize = 33;
const ROW: usize = 128;

impl Multiples {
    fn new(p: &Point) -> Multiples {
        let mut points = Vec::with_capacity(ROWS * ROW);
        let mut base = *p;
        for _ in 0..ROWS {
            let mut m = base;
            points.push(m);
            for _ in 1..ROW {
                m = m.add(&base);
                points.push(m);
            }
            // m = [128]base, so the next row's base is [256]base.
            base = m.double();
        }
        Multiples(field::to_niels(&points))
    }

    /// `acc + [n]P` for the little-endian integer `n` (the group element,
    /// exactly: the same point any correct multiplication gives).
    fn mul_add(&self, n: &[u8; 32], mut acc: Point) -> Point {
        let mut carry = 0i32;
        for (j, row) in self.0.chunks_exact(ROW).enumerate() {
            let mut d = i32::from(n.get(j).copied().unwrap_or(0)) + carry;
            carry = 0;
            if d >= 128 {
                d -= 256;
                carry = 1;
            }
            match d {
                0 => {}
                1.. => acc = acc.add_niels(&row[(d - 1) as usize]),
                _ => acc = acc.sub_niels(&row[(-d - 1) as usize]),
            }
        }
        acc
    }
}

/// The basepoint's multiples, built on first use (a few milliseconds).
static BASEPOINT_MULTIPLES: std::sync::LazyLock<Multiples> = std::sync::LazyLock::new(|| {
    let b = Point::decompress(curve25519_dalek::constants::ED25519_BASEPOINT_COMPRESSED.as_bytes())
        .expect("the basepoint decodes");
    Multiples::new(&b)
});

/// A public key prepared for checking many signatures: [`StrictKey::verify`]
/// (and [`StrictBatch`]) gives exactly [`verify`](super::verify)'s (`verify_strict`'s)
/// verdict, with less work per signature. Preparing costs a few
/// milliseconds and 500 KiB (tables of multiples of the key, built on the
/// first verification); for one or a few signatures use
/// [`verify`](super::verify).
///
/// ed25519-dalek 2.x `verify_strict(A, M, R ‖ s)` accepts iff (1) `s` is
/// canonical (`s < ℓ`); (2) `R` decompresses to a point; (3) neither that
/// point nor `A` has small order; (4) `compress([k](−A) + [s]B) == R` as
/// bytes, with `k = SHA-512(R ‖ A ‖ M) mod ℓ`. This type checks (1) with the
/// same call; decides "A has small order" once per key; computes the point
/// of (4) as `[k](−A) + [s]B` from tables of multiples of `−A` and of `B`
/// (signed radix-256 digits of the canonical `k` and `s`: the same group
/// element as curve25519-dalek's double-base multiplication, so the same
/// canonical encoding), and compares its encoding with `R`; and replaces
/// (2) and the `R` half of (3) (a square root and three doublings) by "`R`
/// is not one of the eight canonical encodings of a small-order point".
/// Given (4), the two are equivalent: `R` equals `compress(P)` for the point
/// `P` of (4), so `R` decompresses (to `P`), and that point has small order
/// iff its encoding, which is canonical, is one of the eight. Without (4)
/// both reject. Nothing here is probabilistic; differential tests against
/// `verify_strict` (torsion in `R` and `A`, small-order `R` and `A`,
/// non-canonical `R` and `s`) pin it.
///
/// The multiplications are mixed additions of precomputed affine points
/// (`field.rs`, tested against curve25519-dalek), and a [`StrictBatch`]
/// shares one field inversion among all its signatures.
pub struct StrictKey {
    key: VerifyingKey,
    weak: bool,
    minus_a: std::sync::OnceLock<Multiples>,
}

impl fmt::Debug for StrictKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StrictKey").field("key", &self.key).finish()
    }
}

impl StrictKey {
    /// Prepares `key`.
    pub fn new(key: &VerifyingKey) -> StrictKey {
        StrictKey {
            key: *key,
            weak: key.is_weak(),
            minus_a: std::sync::OnceLock::new(),
        }
    }

    /// The key.
    pub fn key(&self) -> &VerifyingKey {
        &self.key
    }

    /// Whether `signature` (64 bytes; any other length is a `false`) is a
    /// strict signature over the concatenation of `message`'s parts: the
    /// same answer as [`verify_bytes`](super::verify_bytes) on the joined
    /// message.
    pub fn verify(&self, message: &[&[u8]], signature: &[u8]) -> bool {
        self.candidate(message, signature)
            .is_some_and(|(point, r)| point.compress() == r)
    }

    /// Everything but the final comparison: `None` when the signature is
    /// already refused, else the point `[k](−A) + [s]B` whose encoding must
    /// equal the returned `R`.
    fn candidate(&self, message: &[&[u8]], signature: &[u8]) -> Option<(Point, [u8; 32])> {
        use curve25519_dalek::Scalar;
        let signature = <&[u8; SIGNATURE_LENGTH]>::try_from(signature).ok()?;
        if self.weak {
            return None;
        }
        let (r, s) = signature.split_at(32);
        let r: [u8; 32] = r.try_into().expect("32 bytes");
        let s: [u8; 32] = s.try_into().expect("32 bytes");
        let s = Option::<Scalar>::from(Scalar::from_canonical_bytes(s))?;
        if SMALL_ORDER_ENCODINGS.contains(&r) {
            return None;
        }
        let mut h = sha2::Sha512::new();
        h.update(r);
        h.update(self.key.as_bytes());
        for part in message {
            h.update(part);
        }
        let k = Scalar::from_bytes_mod_order_wide(&h.finalize().into());
        let minus_a = self.minus_a.get_or_init(|| {
            // ed25519-dalek decoded it already: it is a point.
            let a = Point::decompress(self.key.as_bytes()).expect("a VerifyingKey is a point");
            Multiples::new(&a.neg())
        });
        let p = minus_a.mul_add(k.as_bytes(), Point::IDENTITY);
        let p = BASEPOINT_MULTIPLES.mul_add(s.as_bytes(), p);
        Some((p, r))
    }
}

/// Many strict verifications at once, possibly under different keys: each
/// verdict equals [`StrictKey::verify`]'s, and the points are compressed
/// together (one field inversion for the lot instead of one each, about a
/// sixth of the work of a verification).
#[derive(Default)]
pub struct StrictBatch {
    points: Vec<Point>,
    expected: Vec<[u8; 32]>,
    /// Per pushed signature: its place in `points`, or `None` if refused.
    slots: Vec<Option<usize>>,
}

impl StrictBatch {
    /// Adds one signature (most of the work happens here).
    pub fn push(&mut self, key: &StrictKey, message: &[&[u8]], signature: &[u8]) {
        let slot = key.candidate(message, signature).map(|(point, r)| {
            self.points.push(point);
            self.expected.push(r);
            self.points.len() - 1
        });
        self.slots.push(slot);
    }

    /// How many signatures were pushed since the last [`StrictBatch::finish`].
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    /// Whether nothing was pushed since the last [`StrictBatch::finish`].
    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// The verdicts, in the order pushed; the batch is empty afterwards.
    pub fn finish(&mut self) -> Vec<bool> {
        let mut z: Vec<Fe> = self.points.iter().map(|p| *p.z()).collect();
        field::invert_all(&mut z);
        let verdicts = self
            .slots
            .iter()
            .map(|slot| {
                slot.is_some_and(|i| self.points[i].compress_with(&z[i]) == self.expected[i])
            })
            .collect();
        self.points.clear();
        self.expected.clear();
        self.slots.clear();
        verdicts
    }
}

#[cfg(test)]
mod tests {
    //! [`StrictKey::verify`] against `verify_strict` on crafted
    //! signatures (the verdicts must be identical, every time), and the
    //! arithmetic of `field.rs` against curve25519-dalek.
    use super::*;
    use crate::runtime::crypto::{SigningKey, verify_bytes};
    use curve25519_dalek::constants::{ED25519_BASEPOINT_POINT as B, EIGHT_TORSION};
    use curve25519_dalek::traits::Identity;
    use curve25519_dalek::{EdwardsPoint, Scalar};
    use ed25519_dalek::Signer;
    use rand::RngCore;
    use rand::SeedableRng;

    /// A signature `(enc, s)` over `m` under `a_bytes` with nonce point
    /// `r_point` and scalar `s = r + k·a` (the honest equation when
    /// `r_point = [r]B`); `enc` overrides R's encoding.
    fn forge(a: &Scalar, a_bytes: &[u8; 32], r: &Scalar, enc: &[u8; 32], m: &[u8]) -> [u8; 64] {
        let mut h = sha2::Sha512::new();
        h.update(enc);
        h.update(a_bytes);
        h.update(m);
        let k = Scalar::from_bytes_mod_order_wide(&h.finalize().into());
        let s = r + k * a;
        let mut sig = [0u8; 64];
        sig[..32].copy_from_slice(enc);
        sig[32..].copy_from_slice(s.as_bytes());
        sig
    }

    fn random_scalar(rng: &mut impl RngCore) -> Scalar {
        let mut wide = [0u8; 64];
        rng.fill_bytes(&mut wide);
        Scalar::from_bytes_mod_order_wide(&wide)
    }

    /// Asserts that both verifiers agree; returns the verdict.
    fn same(prepared: &StrictKey, m: &[u8], sig: &[u8]) -> bool {
        let key = prepared.key();
        let strict = verify_bytes(key, m, sig);
        assert_eq!(
            prepared.verify(&[m], sig),
            strict,
            "key {} sig {}",
            hex::encode(key.as_bytes()),
            hex::encode(sig)
        );
        // Split messages hash the same as joined ones.
        let (x, y) = m.split_at(m.len() / 2);
        assert_eq!(prepared.verify(&[x, y], sig), strict);
        // And a batch gives the same verdict, whatever surrounds it.
        let mut batch = StrictBatch::default();
        batch.push(prepared, &[m], sig);
        batch.push(prepared, &[x, y], sig);
        assert_eq!(batch.finish(), [strict, strict]);
        assert!(batch.is_empty());
        strict
    }

    /// A batch of signatures under several keys, good ones and damaged
    /// ones interleaved: each verdict is that signature's own.
    #[test]
    fn a_batch_gives_each_signature_its_own_verdict() {
        let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(9);
        let keys: Vec<SigningKey> = (0..3).map(|_| SigningKey::generate(&mut rng)).collect();
        let prepared: Vec<StrictKey> = keys
            .iter()
            .map(|k| StrictKey::new(&k.verifying_key()))
            .collect();
        let mut items = Vec::new();
        for i in 0..300usize {
            let m = format!("entry {i}").into_bytes();
            let mut sig = keys[i % 3].sign(&m).to_bytes().to_vec();
            match rng.next_u32() % 4 {
                0 => sig[rng.next_u32() as usize % 64] ^= 1 << (rng.next_u32() % 8),
                1 => sig.truncate(63),
                _ => {}
            }
            // Every fifth is checked under the wrong key.
            let signer = if i % 5 == 0 { (i + 1) % 3 } else { i % 3 };
            items.push((signer, m, sig));
        }
        let mut batch = StrictBatch::default();
        for (k, m, sig) in &items {
            batch.push(&prepared[*k], &[m], sig);
        }
        assert_eq!(batch.len(), items.len());
        let got = batch.finish();
        let want: Vec<bool> = items
            .iter()
            .map(|(k, m, sig)| verify_bytes(&keys[*k].verifying_key(), m, sig))
            .collect();
        assert_eq!(got, want);
        assert!(want.iter().any(|v| *v) && want.iter().any(|v| !*v));
        // An empty batch has no verdicts.
        assert!(batch.finish().is_empty());
    }

    #[test]
    fn the_small_order_encodings_are_exactly_the_eight_torsion_points() {
        let mut got: Vec<[u8; 32]> = EIGHT_TORSION
            .iter()
            .map(|p| p.compress().to_bytes())
            .collect();
        got.sort();
        let mut want = SMALL_ORDER_ENCODINGS.to_vec();
        want.sort();
        want.dedup();
        assert_eq!(got, want);
        for p in EIGHT_TORSION {
            assert!(p.is_small_order());
        }
    }

    /// curve25519-dalek's point as ours (through its encoding).
    fn ours(p: &EdwardsPoint) -> Point {
        Point::decompress(&p.compress().to_bytes()).expect("a point decodes")
    }

    fn random_point(rng: &mut impl RngCore) -> EdwardsPoint {
        B * random_scalar(rng) + EIGHT_TORSION[(rng.next_u32() % 8) as usize]
    }

    /// The tables give the same points as curve25519-dalek's own
    /// multiplication, for edge scalars and points with torsion.
    #[test]
    fn multiples_agree_with_scalar_multiplication() {
        let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(5);
        let points = [
            B,
            B * random_scalar(&mut rng) + EIGHT_TORSION[3],
            EIGHT_TORSION[1],
        ];
        for p in points {
            let table = Multiples::new(&ours(&p));
            let mul = |n: &[u8; 32]| table.mul_add(n, Point::IDENTITY).compress();
            let mut scalars = vec![Scalar::ZERO, Scalar::ONE, -Scalar::ONE];
            scalars.extend((0..50).map(|_| random_scalar(&mut rng)));
            for n in scalars {
                assert_eq!(mul(n.as_bytes()), (p * n).compress().to_bytes());
            }
            // Beyond ℓ (not reduced): 2^256 − 1 and 128·256^k patterns.
            let mut expect = EdwardsPoint::identity();
            for _ in 0..256 {
                expect = expect + expect + p;
            }
            // (2^256 − 1)P computed by double-and-add, bit by bit.
            assert_eq!(mul(&[0xff; 32]), expect.compress().to_bytes());
            let mut edge = [0u8; 32];
            for (i, b) in edge.iter_mut().enumerate() {
                *b = if i % 2 == 0 { 0x80 } else { 0x7f };
            }
            let mut expect = EdwardsPoint::identity();
            for byte in edge.iter().rev() {
                for bit in (0..8).rev() {
                    expect = expect + expect;
                    if byte >> bit & 1 == 1 {
                        expect += p;
                    }
                }
            }
            assert_eq!(mul(&edge), expect.compress().to_bytes());
            // Added to a point other than the identity.
            let start = random_point(&mut rng);
            let n = random_scalar(&mut rng);
            assert_eq!(
                table.mul_add(n.as_bytes(), ours(&start)).compress(),
                (start + p * n).compress().to_bytes()
            );
        }
    }

    /// Each point operation of `field.rs` against curve25519-dalek's, on
    /// points with and without torsion.
    #[test]
    fn point_operations_agree_with_curve25519_dalek() {
        let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(6);
        let mut points: Vec<EdwardsPoint> = EIGHT_TORSION.to_vec();
        points.extend((0..40).map(|_| random_point(&mut rng)));
        let niels = field::to_niels(&points.iter().map(ours).collect::<Vec<_>>());
        for (i, p) in points.iter().enumerate() {
            let q = points[(i * 7 + 3) % points.len()];
            let enc = |e: EdwardsPoint| e.compress().to_bytes();
            assert_eq!(ours(p).compress(), enc(*p));
            assert_eq!(ours(p).neg().compress(), enc(-p));
            assert_eq!(ours(p).double().compress(), enc(p + p));
            assert_eq!(ours(p).add(&ours(&q)).compress(), enc(p + q));
            let qn = &niels[(i * 7 + 3) % points.len()];
            assert_eq!(ours(p).add_niels(qn).compress(), enc(p + q));
            assert_eq!(ours(p).sub_niels(qn).compress(), enc(p - q));
            // Chained, so that Z and T are far from 1.
            let chained = ours(p).add_niels(qn).double().sub_niels(qn).add(&ours(&q));
            assert_eq!(chained.compress(), enc((p + q) + (p + q) - q + q));
        }
    }

    /// Decoding agrees with curve25519-dalek on points, on random bytes
    /// (about half are not points) and on y at or above p.
    #[test]
    fn decoding_agrees_with_curve25519_dalek() {
        use curve25519_dalek::edwards::CompressedEdwardsY;
        let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(7);
        let mut cases: Vec<[u8; 32]> = (0..200)
            .map(|_| {
                let mut b = [0u8; 32];
                rng.fill_bytes(&mut b);
                b
            })
            .collect();
        cases.extend((0..50).map(|_| random_point(&mut rng).compress().to_bytes()));
        // y = p + k for small k, with either sign bit.
        for k in 0..19u8 {
            for sign in [0, 0x80] {
                let mut b = [0xff; 32];
                b[0] = 0xed + k;
                b[31] = 0x7f | sign;
                cases.push(b);
            }
        }
        let (mut points, mut not_points) = (0, 0);
        for b in cases {
            let theirs = CompressedEdwardsY(b).decompress();
            let mine = Point::decompress(&b);
            // x = 0 with the sign bit set: RFC 8032 refuses it,
            // curve25519-dalek does not (only (0, ±1) have x = 0, and both
            // are small-order points, which verification refuses anyway).
            let x_zero_negative = theirs.is_some_and(|p| {
                let c = p.compress().to_bytes();
                c[31] >> 7 == 0 && b[31] >> 7 == 1 && (p.is_small_order())
            });
            if x_zero_negative {
                continue;
            }
            match (theirs, mine) {
                (Some(t), Some(m)) => {
                    points += 1;
                    assert_eq!(m.compress(), t.compress().to_bytes(), "{}", hex::encode(b));
                }
                (None, None) => not_points += 1,
                (t, m) => panic!(
                    "{}: dalek {:?}, ours {:?}",
                    hex::encode(b),
                    t.is_some(),
                    m.is_some()
                ),
            }
        }
        assert!(points > 100 && not_points > 50, "{points} {not_points}");
    }

    /// Canonical encodings near p, inverses and batch inversion.
    #[test]
    fn field_encodings_and_inverses() {
        let from_hex = |h: &str| -> [u8; 32] { hex::decode(h).unwrap().try_into().unwrap() };
        let p = from_hex("edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
        let small = |n: u8| {
            let mut b = [0u8; 32];
            b[0] = n;
            b
        };
        assert_eq!(Fe::from_bytes(&p).to_bytes(), small(0));
        let mut p1 = p;
        p1[0] += 1;
        assert_eq!(Fe::from_bytes(&p1).to_bytes(), small(1));
        // 2^255 − 1 = p + 18.
        let top = from_hex("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f");
        assert_eq!(Fe::from_bytes(&top).to_bytes(), small(18));
        // p − 1 is already canonical, and (p − 1)² = 1.
        let mut m1 = p;
        m1[0] -= 1;
        let minus_one = Fe::from_bytes(&m1);
        assert_eq!(minus_one.to_bytes(), m1);
        assert_eq!(minus_one.square().to_bytes(), small(1));
        assert_eq!(Fe::ONE.neg().to_bytes(), m1);
        assert_eq!(Fe::ZERO.sub(&Fe::ZERO).to_bytes(), small(0));
        let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(8);
        let mut values: Vec<Fe> = (0..64)
            .map(|_| {
                let mut b = [0u8; 32];
                rng.fill_bytes(&mut b);
                Fe::from_bytes(&b)
            })
            .collect();
        values.push(minus_one);
        values.push(Fe::ONE);
        let singles: Vec<[u8; 32]> = values.iter().map(|v| v.invert().to_bytes()).collect();
        for (v, inv) in values.iter().zip(&singles) {
            assert_eq!(v.mul(&Fe::from_bytes(inv)).to_bytes(), small(1));
            // (a + b)·c = a·c + b·c, and a − b + b = a.
            let (a, b) = (*v, Fe::from_bytes(inv));
            assert_eq!(
                a.add(&b).mul(&a).to_bytes(),
                a.mul(&a).add(&b.mul(&a)).to_bytes()
            );
            assert_eq!(a.sub(&b).add(&b).to_bytes(), a.to_bytes());
        }
        let mut all = values.clone();
        field::invert_all(&mut all);
        let batched: Vec<[u8; 32]> = all.iter().map(|v| v.to_bytes()).collect();
        assert_eq!(batched, singles);
    }

    #[test]
    fn honest_and_damaged_signatures() {
        let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(1);
        for i in 0..64u32 {
            let key = SigningKey::generate(&mut rng);
            let vk = key.verifying_key();
            let pk = StrictKey::new(&vk);
            let m = format!("message {i}").into_bytes();
            let sig = key.sign(&m).to_bytes();
            assert!(same(&pk, &m, &sig));
            assert!(!same(&pk, b"another", &sig));
            let mut bad = sig;
            bad[(i as usize * 7) % 64] ^= 1 << (i % 8);
            assert!(!same(&pk, &m, &bad));
            assert!(!same(&pk, &m, &sig[..63]));
            // s + ℓ: the same point equation, a non-canonical scalar.
            let mut s = [0u8; 32];
            s.copy_from_slice(&sig[32..]);
            let l = Scalar::ZERO - Scalar::ONE; // ℓ − 1
            let mut carry = 1u16;
            let mut wide = [0u8; 32];
            for j in 0..32 {
                let v = u16::from(s[j]) + u16::from(l.as_bytes()[j]) + carry;
                wide[j] = v as u8;
                carry = v >> 8;
            }
            if carry == 0 {
                let mut nc = sig;
                nc[32..].copy_from_slice(&wide);
                assert!(!same(&pk, &m, &nc), "s + ℓ");
            }
        }
    }

    /// R with a torsion component: `R' = [r]B + T` and `s = r + k'·a`,
    /// so the cofactored equation holds and the cofactorless one (what
    /// `verify_strict` checks) does not; and small-order R.
    #[test]
    fn torsion_and_small_order_in_r_are_refused() {
        let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(2);
        let key = SigningKey::generate(&mut rng);
        let vk = key.verifying_key();
        let pk = StrictKey::new(&vk);
        let a = key.to_scalar();
        for round in 0..50u32 {
            let m = format!("torsion {round}").into_bytes();
            let r = random_scalar(&mut rng);
            for (t, torsion) in EIGHT_TORSION.iter().enumerate() {
                let enc = (B * r + torsion).compress().to_bytes();
                let sig = forge(&a, vk.as_bytes(), &r, &enc, &m);
                // The control (T the identity) is an honest signature.
                assert_eq!(same(&pk, &m, &sig), t == 0, "T{t}");
                // Small-order R itself, with the s that makes the
                // equation hold for the identity.
                let small = torsion.compress().to_bytes();
                let sig = forge(&a, vk.as_bytes(), &Scalar::ZERO, &small, &m);
                assert!(!same(&pk, &m, &sig), "small-order R {t}");
            }
        }
    }

    /// Non-canonical encodings of R (y ≥ p) and of the small-order
    /// points, and random bytes.
    #[test]
    fn non_canonical_and_random_r_are_refused() {
        let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(3);
        let key = SigningKey::generate(&mut rng);
        let vk = key.verifying_key();
        let pk = StrictKey::new(&vk);
        let a = key.to_scalar();
        let m = b"non-canonical";
        for low in 0..19u8 {
            // y = p + low, both signs.
            for sign in [0u8, 0x80] {
                let mut enc = [0xffu8; 32];
                enc[0] = 0xed + low;
                enc[31] = 0x7f | sign;
                for r in [Scalar::ZERO, Scalar::ONE, random_scalar(&mut rng)] {
                    let sig = forge(&a, vk.as_bytes(), &r, &enc, m);
                    assert!(!same(&pk, m, &sig));
                }
            }
        }
        // x = 0 with the sign bit set (the identity and the point of
        // order 2, encoded with "negative" zero).
        for mut enc in [SMALL_ORDER_ENCODINGS[0], SMALL_ORDER_ENCODINGS[1]] {
            enc[31] |= 0x80;
            let sig = forge(&a, vk.as_bytes(), &Scalar::ZERO, &enc, m);
            assert!(!same(&pk, m, &sig));
        }
        for _ in 0..200 {
            let mut sig = [0u8; 64];
            rng.fill_bytes(&mut sig);
            sig[63] &= 0x0f;
            assert!(!same(&pk, m, &sig));
        }
    }

    /// Small-order keys refuse everything; keys with a torsion component
    /// verify exactly when `verify_strict` says so.
    #[test]
    fn weak_and_torsioned_keys_match_verify_strict() {
        let mut rng = rand_chacha::ChaCha20Rng::seed_from_u64(4);
        let m = b"weak keys";
        for torsion in EIGHT_TORSION {
            let weak = VerifyingKey::from_bytes(&torsion.compress().to_bytes()).unwrap();
            assert!(weak.is_weak());
            for r in [Scalar::ZERO, Scalar::ONE, random_scalar(&mut rng)] {
                let enc = (B * r).compress().to_bytes();
                let sig = forge(&Scalar::ZERO, weak.as_bytes(), &r, &enc, m);
                assert!(!same(&StrictKey::new(&weak), m, &sig));
            }
        }
        let mut accepted = 0;
        for round in 0..64u32 {
            let a = random_scalar(&mut rng);
            let t = &EIGHT_TORSION[1 + round as usize % 7];
            let point: EdwardsPoint = B * a + t;
            let vk = VerifyingKey::from_bytes(&point.compress().to_bytes()).unwrap();
            let pk = StrictKey::new(&vk);
            let r = random_scalar(&mut rng);
            let enc = (B * r).compress().to_bytes();
            let m = format!("torsioned key {round}").into_bytes();
            let sig = forge(&a, vk.as_bytes(), &r, &enc, &m);
            if same(&pk, &m, &sig) {
                accepted += 1;
            }
        }
        // verify_strict accepts when the torsion's order divides k: both
        // outcomes occur, and the two verifiers agreed on each.
        assert!(0 < accepted && accepted < 64, "{accepted}");
    }
}
