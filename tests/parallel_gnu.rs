//! `omni parallel run`: GNU parallel compatibility, checked against Debian's `parallel`.
