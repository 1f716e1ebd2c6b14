//! `omni parallel`: running many shell commands fast and correctly.
//!
//! Two front ends share one process runner (`runtime::process`):
//! - [`gnu`]: GNU parallel's everyday interface (`run … ::: …`): inputs,
//!   replacement strings, ordering, the joblog, `--halt`, exit statuses.
//! - the task graph (`submit --graph`): a DAG with caching, a job store,
//!   resume and a Slurm backend ([`slurm`]).

pub mod cache;
pub mod engine;
pub mod gnu;
pub mod graph;
pub mod journal;
pub mod slurm;
pub mod store;
