//! Named random streams: one seed for the whole run, one independent
//! ChaCha20 stream per name.
//!
//! Guarantees:
//! - With a seed, `stream(seed, name)` is a pure function: the same seed and
//!   name give the same sequence on every machine, build and run. The
//!   derivation (BLAKE3 `derive_key` with the context below over the seed's
//!   little-endian bytes then the name) is part of omni's reproducibility
//!   contract: changing it changes every seeded result, so it carries a
//!   version in its context string.
//! - Different names give independent streams (distinct 256-bit keys from a
//!   keyed hash), so adding a consumer of randomness in one place does not
//!   shift the numbers another place sees.
//! - Without a seed every stream is keyed from the operating system's
//!   entropy source.

use rand::SeedableRng;
use rand_chacha::ChaCha20Rng;

/// BLAKE3 `derive_key` context; the version suffix is the contract above.
const CONTEXT: &str = "omni 2025 governor rng stream v1";

/// The 32-byte ChaCha20 key for (`seed`, `name`).
pub fn stream_key(seed: u64, name: &str) -> [u8; 32] {
    let mut hasher = blake3::Hasher::new_derive_key(CONTEXT);
    // The seed is fixed-width, so (seed, name) → bytes is unambiguous.
    hasher.update(&seed.to_le_bytes());
    hasher.update(name.as_bytes());
    *hasher.finalize().as_bytes()
}

/// The stream for `name`: deterministic with a seed, from OS entropy without.
pub fn stream(seed: Option<u64>, name: &str) -> ChaCha20Rng {
    match seed {
        Some(seed) => ChaCha20Rng::from_seed(stream_key(seed, name)),
        None => ChaCha20Rng::from_entropy(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::RngCore;

    #[test]
    fn derivation_is_pinned() {
        // Golden values: if these change, every seeded run in the wild
        // changes with them. Bump the context's version instead.
        assert_eq!(
            hex::encode(stream_key(42, "x")),
            "547a8272b9d8fc1002c9f95d431da36bd4f720a5f7ab9460428968d37fe970a9"
        );
        assert_eq!(stream(Some(42), "x").next_u64(), 0x5c46_9656_edce_7852);
    }

    #[test]
    fn names_and_seeds_both_change_the_key() {
        assert_ne!(stream_key(1, "ab"), stream_key(1, "a"));
        assert_ne!(stream_key(1, ""), stream_key(2, ""));
    }
}
