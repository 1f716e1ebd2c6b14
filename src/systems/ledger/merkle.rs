//! The Merkle tree of RFC 6962 / RFC 9162 (section 2.1): SHA-256 with
//! domain separation, a leaf hashed as `SHA-256(0x00 ‖ data)`, an interior
//! node as `SHA-256(0x01 ‖ left ‖ right)`, the tree split at the largest
//! power of two below its size.
//!
//! Proofs are generated from the leaf hashes and verified with RFC 9162's
//! algorithms (2.1.3.2 inclusion, 2.1.4.2 consistency), which is what
//! transparency-dev/merkle's test vectors exercise (tests/data/ledger/merkle).
//!
//! Guarantees: verification never panics on hostile input (any index, size
//! or proof length), and a proof is accepted only when it is exactly as long
//! as the algorithm consumes.

use sha2::{Digest, Sha256};

/// A SHA-256 digest.
pub type Hash = [u8; 32];

/// `SHA-256("")`: the root of the empty tree.
pub fn empty_root() -> Hash {
    Sha256::digest([]).into()
}

/// `SHA-256(0x00 ‖ data)`.
pub fn leaf_hash(data: &[u8]) -> Hash {
    let mut h = Sha256::new();
    h.update([0u8]);
    h.update(data);
    h.finalize().into()
}

/// `SHA-256(0x01 ‖ left ‖ right)`.
pub fn node_hash(left: &Hash, right: &Hash) -> Hash {
    let mut h = Sha256::new();
    h.update([1u8]);
    h.update(left);
    h.update(right);
    h.finalize().into()
}

/// The largest power of two strictly below `n` (`n` ≥ 2).
fn split(n: u64) -> u64 {
    debug_assert!(n >= 2);
    1 << (63 - (n - 1).leading_zeros())
}

/// The root of the tree over `leaves` (leaf hashes), in one pass with a
/// stack of perfect subtrees (O(n) hashes, O(log n) memory).
pub fn root(leaves: &[Hash]) -> Hash {
    let mut acc = Accumulator::default();
    for leaf in leaves {
        acc.push(*leaf);
    }
    acc.root()
}

/// The tree's right edge, grown one leaf at a time: the roots of its
/// perfect subtrees, largest first. Appending is amortised one hash.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Accumulator {
    /// (height, root) of each perfect subtree, left to right.
    stack: Vec<(u32, Hash)>,
    size: u64,
}

impl Accumulator {
    pub fn push(&mut self, leaf: Hash) {
        let mut node = (0u32, leaf);
        while let Some(&(height, left)) = self.stack.last() {
            if height != node.0 {
                break;
            }
            self.stack.pop();
            node = (height + 1, node_hash(&left, &node.1));
        }
        self.stack.push(node);
        self.size += 1;
    }

    pub fn size(&self) -> u64 {
        self.size
    }

    /// The (height, root) of each perfect subtree, left to right: enough to
    /// go on appending (a checkpoint stores it).
    pub fn edge(&self) -> &[(u32, Hash)] {
        &self.stack
    }

    /// Rebuilds an accumulator from a stored [`Accumulator::edge`]; `None`
    /// when the edge cannot describe a tree of `size` leaves (the heights
    /// must be the set bits of `size`, largest first).
    pub fn from_edge(size: u64, edge: Vec<(u32, Hash)>) -> Option<Accumulator> {
        let mut total = 0u64;
        let mut previous = u32::MAX;
        for (height, _) in &edge {
            if *height >= previous || *height >= 64 {
                return None;
            }
            previous = *height;
            total = total.checked_add(1u64 << height)?;
        }
        (total == size).then_some(Accumulator { stack: edge, size })
    }

    /// The root of the tree so far: the perfect subtrees folded right to
    /// left, which is RFC 6962's split at the largest power of two.
    pub fn root(&self) -> Hash {
        let mut it = self.stack.iter().rev();
        let Some(&(_, mut acc)) = it.next() else {
            return empty_root();
        };
        for (_, left) in it {
            acc = node_hash(left, &acc);
        }
        acc
    }
}

/// The root of the subtree over `leaves` (MTH of RFC 6962).
fn subtree(leaves: &[Hash]) -> Hash {
    root(leaves)
}

/// The inclusion proof of leaf `index` in the tree over `leaves`
/// (RFC 9162 2.1.3.1 PATH), or `None` when the index is out of range.
pub fn inclusion_proof(leaves: &[Hash], index: u64) -> Option<Vec<Hash>> {
    if index >= leaves.len() as u64 {
        return None;
    }
    let mut proof = Vec::new();
    path(leaves, index as usize, &mut proof);
    Some(proof)
}

fn path(leaves: &[Hash], m: usize, out: &mut Vec<Hash>) {
    let n = leaves.len();
    if n <= 1 {
        return;
    }
    let k = split(n as u64) as usize;
    if m < k {
        path(&leaves[..k], m, out);
        out.push(subtree(&leaves[k..]));
    } else {
        path(&leaves[k..], m - k, out);
        out.push(subtree(&leaves[..k]));
    }
}

/// The consistency proof between the first `old` leaves and all of
/// `leaves` (RFC 9162 2.1.4.1 PROOF), or `None` when `old` is larger.
pub fn consistency_proof(leaves: &[Hash], old: u64) -> Option<Vec<Hash>> {
    let n = leaves.len() as u64;
    if old > n {
        return None;
    }
    let mut proof = Vec::new();
    if old > 0 && old < n {
        subproof(leaves, old as usize, true, &mut proof);
    }
    Some(proof)
}

fn subproof(leaves: &[Hash], m: usize, whole: bool, out: &mut Vec<Hash>) {
    let n = leaves.len();
    if m == n {
        if !whole {
            out.push(subtree(leaves));
        }
        return;
    }
    let k = split(n as u64) as usize;
    if m <= k {
        subproof(&leaves[..k], m, whole, out);
        out.push(subtree(&leaves[k..]));
    } else {
        subproof(&leaves[k..], m - k, false, out);
        out.push(subtree(&leaves[..k]));
    }
}

/// Why a proof was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ProofError {
    #[error("leaf index {index} is not below the tree size {size}")]
    IndexOutOfRange { index: u64, size: u64 },
    #[error("the proof has the wrong number of hashes")]
    WrongLength,
    #[error("the proof does not lead to the expected root")]
    RootMismatch,
    #[error("the old tree size {old} is larger than the new one {new}")]
    SizesReversed { old: u64, new: u64 },
}

/// The root an inclusion proof leads to (RFC 9162 2.1.3.2).
pub fn root_from_inclusion(
    index: u64,
    size: u64,
    leaf: &Hash,
    proof: &[Hash],
) -> Result<Hash, ProofError> {
    if index >= size {
        return Err(ProofError::IndexOutOfRange { index, size });
    }
    let (mut fn_, mut sn) = (index, size - 1);
    let mut r = *leaf;
    for p in proof {
        if sn == 0 {
            return Err(ProofError::WrongLength);
        }
        if fn_ & 1 == 1 || fn_ == sn {
            r = node_hash(p, &r);
            while fn_ & 1 == 0 && fn_ != 0 {
                fn_ >>= 1;
                sn >>= 1;
            }
        } else {
            r = node_hash(&r, p);
        }
        fn_ >>= 1;
        sn >>= 1;
    }
    if sn != 0 {
        return Err(ProofError::WrongLength);
    }
    Ok(r)
}

/// Checks that `leaf` is at `index` in the tree of `size` with `root`.
pub fn verify_inclusion(
    index: u64,
    size: u64,
    leaf: &Hash,
    proof: &[Hash],
    root: &Hash,
) -> Result<(), ProofError> {
    if root_from_inclusion(index, size, leaf, proof)? == *root {
        Ok(())
    } else {
        Err(ProofError::RootMismatch)
    }
}

/// Checks that the tree of `old` leaves with root `old_root` is a prefix
/// of the tree of `new` leaves with root `new_root` (RFC 9162 2.1.4.2).
pub fn verify_consistency(
    old: u64,
    new: u64,
    old_root: &Hash,
    new_root: &Hash,
    proof: &[Hash],
) -> Result<(), ProofError> {
    if old > new {
        return Err(ProofError::SizesReversed { old, new });
    }
    if old == new {
        if !proof.is_empty() {
            return Err(ProofError::WrongLength);
        }
        return if old_root == new_root {
            Ok(())
        } else {
            Err(ProofError::RootMismatch)
        };
    }
    if old == 0 {
        // Every tree extends the empty one; there is nothing to prove.
        return if proof.is_empty() {
            Ok(())
        } else {
            Err(ProofError::WrongLength)
        };
    }
    if proof.is_empty() {
        return Err(ProofError::WrongLength);
    }
    let mut path: Vec<Hash> = Vec::with_capacity(proof.len() + 1);
    if old.is_power_of_two() {
        path.push(*old_root);
    }
    path.extend_from_slice(proof);
    let (mut fn_, mut sn) = (old - 1, new - 1);
    while fn_ & 1 == 1 {
        fn_ >>= 1;
        sn >>= 1;
    }
    let (mut fr, mut sr) = (path[0], path[0]);
    for c in &path[1..] {
        if sn == 0 {
            return Err(ProofError::WrongLength);
        }
        if fn_ & 1 == 1 || fn_ == sn {
            fr = node_hash(c, &fr);
            sr = node_hash(c, &sr);
            while fn_ & 1 == 0 && fn_ != 0 {
                fn_ >>= 1;
                sn >>= 1;
            }
        } else {
            sr = node_hash(&sr, c);
        }
        fn_ >>= 1;
        sn >>= 1;
    }
    if sn != 0 {
        return Err(ProofError::WrongLength);
    }
    if fr == *old_root && sr == *new_root {
        Ok(())
    } else {
        Err(ProofError::RootMismatch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// RFC 6962's test leaves (as used by certificate-transparency and
    /// transparency-dev/merkle) and the roots of their prefixes.
    fn rfc_leaves() -> Vec<Hash> {
        [
            "",
            "00",
            "10",
            "2021",
            "3031",
            "40414243",
            "5051525354555657",
            "606162636465666768696a6b6c6d6e6f",
        ]
        .iter()
        .map(|h| leaf_hash(&hex::decode(h).unwrap()))
        .collect()
    }

    const ROOTS: [&str; 8] = [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];

    #[test]
    fn roots_match_rfc6962_vectors() {
        let leaves = rfc_leaves();
        assert_eq!(
            hex::encode(root(&[])),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        for (n, want) in ROOTS.iter().enumerate() {
            assert_eq!(hex::encode(root(&leaves[..=n])), *want, "size {}", n + 1);
        }
    }

    #[test]
    fn every_generated_proof_verifies_and_a_changed_one_does_not() {
        let leaves: Vec<Hash> = (0..37u32).map(|i| leaf_hash(&i.to_be_bytes())).collect();
        for n in 1..=leaves.len() {
            let tree = &leaves[..n];
            let r = root(tree);
            for m in 0..n {
                let proof = inclusion_proof(tree, m as u64).unwrap();
                verify_inclusion(m as u64, n as u64, &tree[m], &proof, &r).unwrap();
                assert!(
                    verify_inclusion(m as u64, n as u64, &tree[(m + 1) % n], &proof, &r).is_err()
                        || n == 1
                );
                if let Some(first) = proof.first() {
                    let mut bad = proof.clone();
                    bad[0][0] ^= 1;
                    assert!(verify_inclusion(m as u64, n as u64, &tree[m], &bad, &r).is_err());
                    assert_ne!(first, &bad[0]);
                }
            }
            for old in 0..=n {
                let proof = consistency_proof(tree, old as u64).unwrap();
                let old_root = root(&tree[..old]);
                verify_consistency(old as u64, n as u64, &old_root, &r, &proof).unwrap();
                if old > 0 && old < n {
                    let wrong = root(&leaves[1..=old]);
                    assert!(verify_consistency(old as u64, n as u64, &wrong, &r, &proof).is_err());
                }
            }
        }
    }

    #[test]
    fn hostile_inputs_are_refused_without_panicking() {
        let h = leaf_hash(b"x");
        assert!(verify_inclusion(5, 5, &h, &[], &h).is_err());
        assert!(verify_inclusion(0, u64::MAX, &h, &[h; 70], &h).is_err());
        assert!(verify_consistency(9, 3, &h, &h, &[]).is_err());
        assert!(verify_consistency(1, u64::MAX, &h, &h, &[h; 3]).is_err());
        assert!(verify_consistency(3, 3, &h, &h, &[h]).is_err());
    }

    #[test]
    fn the_accumulator_matches_the_recursive_definition() {
        let leaves: Vec<Hash> = (0..100u32).map(|i| leaf_hash(&i.to_le_bytes())).collect();
        let mut acc = Accumulator::default();
        for (i, l) in leaves.iter().enumerate() {
            acc.push(*l);
            assert_eq!(acc.root(), mth(&leaves[..=i]), "size {}", i + 1);
        }
    }

    /// MTH exactly as RFC 6962 writes it.
    fn mth(d: &[Hash]) -> Hash {
        match d.len() {
            0 => empty_root(),
            1 => d[0],
            n => {
                let k = split(n as u64) as usize;
                node_hash(&mth(&d[..k]), &mth(&d[k..]))
            }
        }
    }
}
