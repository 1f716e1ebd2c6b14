//! omni: one executable carrying ten systems as subcommands.
//!
//! Layers (see ARCHITECTURE.md): `main → cli → commands → systems`, and all of
//! them may use `runtime`. Tests and benches call into this library directly.

pub mod cli;
pub mod commands;
pub mod runtime;
pub mod systems;
