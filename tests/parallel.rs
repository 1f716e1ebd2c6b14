//! `omni parallel` task graphs: submit, status, cache, resume.
