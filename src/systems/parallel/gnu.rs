//! GNU parallel's everyday interface (in progress).
