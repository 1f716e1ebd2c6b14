//! The arithmetic under [`super::StrictKey`]: integers modulo p = 2^255 − 19
//! and points of the Ed25519 curve −x² + y² = 1 + d·x²·y², enough for
//! variable-time verification with tables of precomputed multiples.
//!
//! curve25519-dalek (under ed25519-dalek) keeps its field and point models
//! private, and its public point addition costs 9 multiplications where an
//! addition of a precomputed affine point ("Niels" form, y+x, y−x, 2d·x·y)
//! costs 7. Verification is nothing but such additions, so they live here.
//! Nothing here handles secrets: it is not constant-time and need not be.
//!
//! Formulas: extended coordinates (X:Y:Z:T) with x = X/Z, y = Y/Z,
//! T = X·Y/Z (Hisil, Wong, Carter, Dawson, "Twisted Edwards curves
//! revisited", 2008): addition `add-2008-hwcd-3`, mixed addition
//! `madd-2008-hwcd-3`, doubling `dbl-2008-hwcd`, all for a = −1; encodings
//! as RFC 8032 section 5.1.2 (y little-endian, the sign of x in bit 255) and
//! decoding as section 5.1.3. Tests in `strict.rs` check every operation
//! against curve25519-dalek.

use std::sync::LazyLock;

const MASK: u64 = (1 << 51) - 1;

/// An integer modulo p in five 51-bit limbs (little-endian). Limbs may
/// exceed 51 bits a little between reductions; every operation returns
/// limbs below 2^52.
#[derive(Clone, Copy, Debug)]
pub(super) struct Fe([u64; 5]);

impl Fe {
    pub(super) const ZERO: Fe = Fe([0; 5]);
    pub(super) const ONE: Fe = Fe([1, 0, 0, 0, 0]);

    /// A small integer.
    const fn small(n: u64) -> Fe {
        Fe([n, 0, 0, 0, 0])
    }

    /// The low 255 bits of `bytes` (little-endian), reduced: bit 255 is
    /// ignored, and values in [p, 2^255) stand for their residue.
    pub(super) fn from_bytes(bytes: &[u8; 32]) -> Fe {
        let word = |i: usize| u64::from_le_bytes(bytes[i * 8..i * 8 + 8].try_into().expect("8"));
        let (w0, w1, w2, w3) = (word(0), word(1), word(2), word(3));
        Fe([
            w0 & MASK,
            (w0 >> 51 | w1 << 13) & MASK,
            (w1 >> 38 | w2 << 26) & MASK,
            (w2 >> 25 | w3 << 39) & MASK,
            (w3 >> 12) & MASK,
        ])
    }

    /// The canonical encoding: the residue in [0, p), little-endian.
    pub(super) fn to_bytes(self) -> [u8; 32] {
        let mut l = self.carried().0;
        // q = 1 iff the value (now below 2p) is at least p: add 19 and see
        // whether it carries past 2^255.
        let mut q = (l[0] + 19) >> 51;
        for limb in &l[1..] {
            q = (limb + q) >> 51;
        }
        l[0] += 19 * q;
        for i in 0..4 {
            l[i + 1] += l[i] >> 51;
            l[i] &= MASK;
        }
        l[4] &= MASK;
        let words = [
            l[0] | l[1] << 51,
            l[1] >> 13 | l[2] << 38,
            l[2] >> 26 | l[3] << 25,
            l[3] >> 39 | l[4] << 12,
        ];
        let mut out = [0u8; 32];
        for (chunk, w) in out.chunks_exact_mut(8).zip(words) {
            chunk.copy_from_slice(&w.to_le_bytes());
        }
        out
    }

    /// Carries each limb's excess into the next (the top one's, times 19,
    /// into the first): limbs below 2^51 + 2^18 afterwards.
    fn carried(self) -> Fe {
        let mut l = self.0;
        let mut c;
        c = l[0] >> 51;
        l[0] &= MASK;
        l[1] += c;
        c = l[1] >> 51;
        l[1] &= MASK;
        l[2] += c;
        c = l[2] >> 51;
        l[2] &= MASK;
        l[3] += c;
        c = l[3] >> 51;
        l[3] &= MASK;
        l[4] += c;
        c = l[4] >> 51;
        l[4] &= MASK;
        l[0] += c * 19;
        Fe(l)
    }

    pub(super) fn add(&self, other: &Fe) -> Fe {
        let (a, b) = (&self.0, &other.0);
        Fe([
            a[0] + b[0],
            a[1] + b[1],
            a[2] + b[2],
            a[3] + b[3],
            a[4] + b[4],
        ])
        .carried()
    }

    /// `self − other`, computed as `self + 4p − other` (never negative: both
    /// operands have limbs below 2^52).
    pub(super) fn sub(&self, other: &Fe) -> Fe {
        const FOUR_P0: u64 = 4 * ((1 << 51) - 19);
        const FOUR_P: u64 = 4 * ((1 << 51) - 1);
        let (a, b) = (&self.0, &other.0);
        Fe([
            a[0] + FOUR_P0 - b[0],
            a[1] + FOUR_P - b[1],
            a[2] + FOUR_P - b[2],
            a[3] + FOUR_P - b[3],
            a[4] + FOUR_P - b[4],
        ])
        .carried()
    }

    pub(super) fn neg(&self) -> Fe {
        Fe::ZERO.sub(self)
    }

    /// Schoolbook multiplication with 2^255 ≡ 19 folded in.
    pub(super) fn mul(&self, other: &Fe) -> Fe {
        let (a, b) = (&self.0, &other.0);
        let m = |x: u64, y: u64| u128::from(x) * u128::from(y);
        let (b1, b2, b3, b4) = (b[1] * 19, b[2] * 19, b[3] * 19, b[4] * 19);
        let c0 = m(a[0], b[0]) + m(a[4], b1) + m(a[3], b2) + m(a[2], b3) + m(a[1], b4);
        let mut c1 = m(a[1], b[0]) + m(a[0], b[1]) + m(a[4], b2) + m(a[3], b3) + m(a[2], b4);
        let mut c2 = m(a[2], b[0]) + m(a[1], b[1]) + m(a[0], b[2]) + m(a[4], b3) + m(a[3], b4);
        let mut c3 = m(a[3], b[0]) + m(a[2], b[1]) + m(a[1], b[2]) + m(a[0], b[3]) + m(a[4], b4);
        let mut c4 = m(a[4], b[0]) + m(a[3], b[1]) + m(a[2], b[2]) + m(a[1], b[3]) + m(a[0], b[4]);
        c1 += c0 >> 51;
        c2 += c1 >> 51;
        c3 += c2 >> 51;
        c4 += c3 >> 51;
        let top = (c4 >> 51) as u64;
        let mut l = [
            c0 as u64 & MASK,
            c1 as u64 & MASK,
            c2 as u64 & MASK,
            c3 as u64 & MASK,
            c4 as u64 & MASK,
        ];
        l[0] += top * 19;
        l[1] += l[0] >> 51;
        l[0] &= MASK;
        Fe(l)
    }

    pub(super) fn square(&self) -> Fe {
        self.mul(self)
    }

    /// `self` to the power `e` (little-endian bytes), square and multiply.
    fn pow(&self, e: &[u8; 32]) -> Fe {
        let mut acc = Fe::ONE;
        for byte in e.iter().rev() {
            for bit in (0..8).rev() {
                acc = acc.square();
                if byte >> bit & 1 == 1 {
                    acc = acc.mul(self);
                }
            }
        }
        acc
    }

    /// 1/self (0 for 0): self^(p−2).
    pub(super) fn invert(&self) -> Fe {
        self.pow(&exponent(0xeb, 0x7f))
    }

    pub(super) fn equals(&self, other: &Fe) -> bool {
        self.to_bytes() == other.to_bytes()
    }

    fn is_negative(&self) -> bool {
        self.to_bytes()[0] & 1 == 1
    }
}

/// 32 little-endian bytes: `low`, thirty 0xff, `high` (the exponents used
/// here are all of the form 2^k − c).
const fn exponent(low: u8, high: u8) -> [u8; 32] {
    let mut e = [0xff; 32];
    e[0] = low;
    e[31] = high;
    e
}

/// Replaces each element by its inverse with one inversion (Montgomery's
/// trick); none may be zero.
pub(super) fn invert_all(values: &mut [Fe]) {
    let mut prefix = Vec::with_capacity(values.len());
    let mut acc = Fe::ONE;
    for v in values.iter() {
        prefix.push(acc);
        acc = acc.mul(v);
    }
    let mut inv = acc.invert();
    for (v, before) in values.iter_mut().zip(prefix).rev() {
        let next = inv.mul(v);
        *v = inv.mul(&before);
        inv = next;
    }
}

struct Constants {
    /// d = −121665/121666.
    d: Fe,
    /// 2d.
    d2: Fe,
    /// A square root of −1: 2^((p−1)/4).
    sqrt_m1: Fe,
}

static CONSTANTS: LazyLock<Constants> = LazyLock::new(|| {
    let d = Fe::small(121665).neg().mul(&Fe::small(121666).invert());
    Constants {
        d,
        d2: d.add(&d),
        sqrt_m1: Fe::small(2).pow(&exponent(0xfb, 0x1f)),
    }
});

/// A point in extended coordinates.
#[derive(Clone, Copy, Debug)]
pub(super) struct Point {
    x: Fe,
    y: Fe,
    z: Fe,
    t: Fe,
}

/// An affine point prepared for mixed addition: (y + x, y − x, 2d·x·y).
#[derive(Clone, Copy, Debug)]
pub(super) struct Niels {
    y_plus_x: Fe,
    y_minus_x: Fe,
    xy2d: Fe,
}

impl Point {
    pub(super) const IDENTITY: Point = Point {
        x: Fe::ZERO,
        y: Fe::ONE,
        z: Fe::ONE,
        t: Fe::ZERO,
    };

    /// RFC 8032 section 5.1.3 decoding, except that a y at or above p
    /// stands for its residue (as curve25519-dalek decodes). `None` when no
    /// point has that y, or for x = 0 with the sign bit set.
    pub(super) fn decompress(bytes: &[u8; 32]) -> Option<Point> {
        let c = &*CONSTANTS;
        let y = Fe::from_bytes(bytes);
        let yy = y.square();
        let u = yy.sub(&Fe::ONE);
        let v = c.d.mul(&yy).add(&Fe::ONE);
        // x = u·v³·(u·v⁷)^((p−5)/8), then fix up by √−1 if needed.
        let v3 = v.square().mul(&v);
        let v7 = v3.square().mul(&v);
        let mut x = u.mul(&v3).mul(&u.mul(&v7).pow(&exponent(0xfd, 0x0f)));
        let vxx = v.mul(&x.square());
        if !vxx.equals(&u) {
            if vxx.equals(&u.neg()) {
                x = x.mul(&c.sqrt_m1);
            } else {
                return None;
            }
        }
        let sign = bytes[31] >> 7 == 1;
        if sign && x.equals(&Fe::ZERO) {
            return None;
        }
        if x.is_negative() != sign {
            x = x.neg();
        }
        Some(Point {
            x,
            y,
            z: Fe::ONE,
            t: x.mul(&y),
        })
    }

    /// The canonical encoding (RFC 8032 section 5.1.2), given 1/Z.
    pub(super) fn compress_with(&self, z_inverse: &Fe) -> [u8; 32] {
        let x = self.x.mul(z_inverse);
        let mut out = self.y.mul(z_inverse).to_bytes();
        out[31] |= u8::from(x.is_negative()) << 7;
        out
    }

    pub(super) fn compress(&self) -> [u8; 32] {
        self.compress_with(&self.z.invert())
    }

    /// The denominator [`Point::compress_with`] needs the inverse of.
    pub(super) fn z(&self) -> &Fe {
        &self.z
    }

    pub(super) fn neg(&self) -> Point {
        Point {
            x: self.x.neg(),
            y: self.y,
            z: self.z,
            t: self.t.neg(),
        }
    }

    /// `add-2008-hwcd-3` (9 multiplications).
    pub(super) fn add(&self, q: &Point) -> Point {
        let a = self.y.sub(&self.x).mul(&q.y.sub(&q.x));
        let b = self.y.add(&self.x).mul(&q.y.add(&q.x));
        let c = self.t.mul(&CONSTANTS.d2).mul(&q.t);
        let d = self.z.add(&self.z).mul(&q.z);
        finish(a, b, c, d)
    }

    /// `dbl-2008-hwcd` with a = −1.
    pub(super) fn double(&self) -> Point {
        let a = self.x.square();
        let b = self.y.square();
        let c = self.z.square().add(&self.z.square());
        let e = self.x.add(&self.y).square().sub(&a).sub(&b);
        let g = b.sub(&a);
        let f = g.sub(&c);
        let h = a.add(&b).neg();
        Point {
            x: e.mul(&f),
            y: g.mul(&h),
            z: f.mul(&g),
            t: e.mul(&h),
        }
    }

    /// `madd-2008-hwcd-3`: `self + q` for an affine `q` (7 multiplications).
    pub(super) fn add_niels(&self, q: &Niels) -> Point {
        let a = self.y.sub(&self.x).mul(&q.y_minus_x);
        let b = self.y.add(&self.x).mul(&q.y_plus_x);
        let c = self.t.mul(&q.xy2d);
        let d = self.z.add(&self.z);
        finish(a, b, c, d)
    }

    /// `self − q` for an affine `q`: the addition of −q = (−x, y).
    pub(super) fn sub_niels(&self, q: &Niels) -> Point {
        let a = self.y.sub(&self.x).mul(&q.y_plus_x);
        let b = self.y.add(&self.x).mul(&q.y_minus_x);
        let c = self.t.mul(&q.xy2d).neg();
        let d = self.z.add(&self.z);
        finish(a, b, c, d)
    }
}

/// The common tail of the additions: E = B − A, F = D − C, G = D + C,
/// H = B + A; (E·F, G·H, F·G, E·H).
fn finish(a: Fe, b: Fe, c: Fe, d: Fe) -> Point {
    let e = b.sub(&a);
    let f = d.sub(&c);
    let g = d.add(&c);
    let h = b.add(&a);
    Point {
        x: e.mul(&f),
        y: g.mul(&h),
        z: f.mul(&g),
        t: e.mul(&h),
    }
}

/// The affine Niels forms of `points`, with one inversion for them all.
pub(super) fn to_niels(points: &[Point]) -> Vec<Niels> {
    let mut z: Vec<Fe> = points.iter().map(|p| p.z).collect();
    invert_all(&mut z);
    points
        .iter()
        .zip(z)
        .map(|(p, zi)| {
            let x = p.x.mul(&zi);
            let y = p.y.mul(&zi);
            Niels {
                y_plus_x: y.add(&x),
                y_minus_x: y.sub(&x),
                xy2d: x.mul(&y).mul(&CONSTANTS.d2),
            }
        })
        .collect()
}
