//! Domain logic, one folder per system. Systems never print, never read the
//! environment, never exit and never build a runtime: they take what they
//! need from `runtime` and return values and typed errors.
//!
//! A system's folder arrives with its issue; until then it is absent.

#[cfg(feature = "attest")]
pub mod attest;
#[cfg(feature = "chaos")]
pub mod chaos;
#[cfg(feature = "ledger")]
pub mod ledger;
#[cfg(feature = "parallel")]
pub mod parallel;
