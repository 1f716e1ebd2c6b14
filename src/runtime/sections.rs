//! The configuration sections every build has: `[governor]` and `[output]`.
//! Systems declare their own section next to their registry entry.

use std::time::Duration;

use crate::runtime::config::{Key, Kind, Section};
use crate::runtime::output::{ColorChoice, Format};

/// `[governor]`: the resource governor (see runtime::governor).
pub static GOVERNOR: Section = Section {
    name: "governor",
    doc: "The resource governor shared by all systems.",
    keys: &[
        Key {
            name: "workers",
            kind: Kind::Int { min: 1, max: 4096 },
            default: None,
            doc: "Concurrency permits for parallel work; unset means the number of CPUs.",
        },
        Key {
            name: "cpu_percent",
            kind: Kind::Float {
                min: 1.0,
                max: 100.0,
            },
            default: None,
            doc: "Cap CPU use at this percent of the whole machine (all cores); unset means no cap.",
        },
        Key {
            name: "cpu_enforcement",
            kind: Kind::Enum(&["auto", "cgroup", "duty-cycle"]),
            default: Some("auto"),
            doc: "How the CPU cap is enforced: a cgroup when writable (auto), a cgroup or fail, or duty-cycle throttling.",
        },
        Key {
            name: "memory_limit",
            kind: Kind::Size {
                min: 1 << 20,
                max: u64::MAX,
            },
            default: None,
            doc: "Stop heap growth beyond this size; omni exits 75 when it is hit. Unset means no limit.",
        },
        Key {
            name: "io_ops",
            kind: Kind::Int {
                min: 1,
                max: 10_000_000,
            },
            default: None,
            doc: "I/O operations per second systems may draw; unset means unlimited.",
        },
        Key {
            name: "io_burst",
            kind: Kind::Int {
                min: 1,
                max: 10_000_000,
            },
            default: None,
            doc: "I/O operations that may be drawn at once; unset means io_ops.",
        },
        Key {
            name: "seed",
            kind: Kind::Int {
                min: 0,
                max: i64::MAX,
            },
            default: None,
            doc: "Deterministic mode: every system draws randomness from this seed.",
        },
        Key {
            name: "sandbox",
            kind: Kind::Paths,
            default: None,
            doc: "Confine file writes to these directories with Landlock; empty means no sandbox.",
        },
        Key {
            name: "stats",
            kind: Kind::Bool,
            default: Some("false"),
            doc: "Print governor statistics to stderr at exit.",
        },
        Key {
            name: "stop_grace",
            kind: Kind::Duration {
                min: Duration::ZERO,
                max: Duration::from_secs(3600),
            },
            default: Some("5s"),
            doc: "How long `omni stop` waits for background work to end before terminating it.",
        },
    ],
};

/// `[output]`: how reports and errors are rendered.
pub static OUTPUT: Section = Section {
    name: "output",
    doc: "How reports and errors are rendered.",
    keys: &[
        Key {
            name: "format",
            kind: Kind::Enum(Format::WORDS),
            default: Some("text"),
            doc: "Report format: text (or table) for people, json for machines, jsonl for lists, junit (JUnit XML) where a report is test-like, markdown for chaos reports and experiments.",
        },
        Key {
            name: "color",
            kind: Kind::Enum(ColorChoice::WORDS),
            default: Some("auto"),
            doc: "When to colour output: auto follows NO_COLOR, CLICOLOR_FORCE, TERM and the terminal.",
        },
    ],
};

/// The shared sections, in the order `config show` prints them.
pub static SHARED: [&Section; 2] = [&GOVERNOR, &OUTPUT];
