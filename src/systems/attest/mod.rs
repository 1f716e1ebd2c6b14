//! `omni attest`: in-toto Statement v1 attestations in DSSE envelopes,
//! signed with Ed25519, verified in pure Rust.
//!
//! In progress (issue 3): behind the non-default `attest` cargo feature until
//! every command of the issue works.

pub mod quote;
