//! A small metrics registry that renders the Prometheus text exposition
//! format, version 0.0.4.
//!
//! [`Metrics`] is a cheap handle (`Arc`) to one registry; clone it freely.
//! Systems register counters, gauges and histograms by name, HELP text and
//! label pairs, and keep the returned handle: updating a handle is one atomic
//! operation and never takes the registry lock. Registering the same name and
//! labels again returns a handle to the same series.
//!
//! # Guarantees
//!
//! - Names are checked against the Prometheus grammar (metric names
//!   `[a-zA-Z_:][a-zA-Z0-9_:]*`, label names `[a-zA-Z_][a-zA-Z0-9_]*`, no
//!   `__` prefix); every series of a family has the same label names and the
//!   family keeps one type and one HELP text. Violations are errors
//!   ([`MetricsError`], a bug in the caller: exit 70), not silent garbage.
//! - [`Metrics::render`] output is stable: families sorted by name, series
//!   sorted by label values, labels in registration order; `# HELP` and
//!   `# TYPE` exactly once per family, before its samples. Label values
//!   escape `\`, `"` and newline; HELP text escapes `\` and newline. Floats
//!   print as Rust's shortest round-trip decimal, with `+Inf`, `-Inf`, `NaN`.
//! - Families with no series are not rendered.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};

use crate::runtime::error::{Classify, Exit};

/// The content type of [`Metrics::render`] output.
pub const CONTENT_TYPE: &str = "text/plain; version=0.0.4; charset=utf-8";

/// Default histogram buckets for request durations, in seconds.
pub const DEFAULT_SECONDS_BUCKETS: &[f64] = &[
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

/// A registration the registry refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MetricsError {
    /// The metric name breaks the Prometheus grammar.
    #[error("invalid metric name {0:?}")]
    InvalidName(String),
    /// A label name breaks the grammar, is reserved, or repeats.
    #[error("invalid label name {label:?} for metric {metric}")]
    InvalidLabel {
        /// The metric.
        metric: String,
        /// The label name.
        label: String,
    },
    /// The name is already registered with another type or HELP text.
    #[error("metric {0} is already registered with another type or help text")]
    Conflict(String),
    /// The label names differ from the family's first series.
    #[error("metric {metric} has labels [{expected}], not [{got}]")]
    LabelMismatch {
        /// The metric.
        metric: String,
        /// The family's label names.
        expected: String,
        /// The label names given now.
        got: String,
    },
    /// Histogram buckets must be finite and strictly increasing.
    #[error("histogram {0} needs finite, strictly increasing buckets")]
    InvalidBuckets(String),
}

impl Classify for MetricsError {
    fn exit(&self) -> Exit {
        // Metric names and labels come from code, not users: a bug.
        Exit::Software
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Counter,
    Gauge,
    Histogram,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::Counter => "counter",
            Kind::Gauge => "gauge",
            Kind::Histogram => "histogram",
        }
    }
}

/// A monotonically increasing count.
#[derive(Debug, Clone)]
pub struct Counter(Arc<AtomicU64>);

impl Counter {
    /// Adds one.
    pub fn inc(&self) {
        self.add(1);
    }

    /// Adds `n`.
    pub fn add(&self, n: u64) {
        self.0.fetch_add(n, Ordering::Relaxed);
    }

    /// The current count.
    pub fn get(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }
}

/// A value that goes up and down (stored as `f64`).
#[derive(Debug, Clone)]
pub struct Gauge(Arc<AtomicU64>);

impl Gauge {
    /// Sets the value.
    pub fn set(&self, v: f64) {
        self.0.store(v.to_bits(), Ordering::Relaxed);
    }

    /// Adds `delta` (negative to subtract).
    pub fn add(&self, delta: f64) {
        add_f64(&self.0, delta);
    }

    /// Adds one.
    pub fn inc(&self) {
        self.add(1.0);
    }

    /// Subtracts one.
    pub fn dec(&self) {
        self.add(-1.0);
    }

    /// The current value.
    pub fn get(&self) -> f64 {
        f64::from_bits(self.0.load(Ordering::Relaxed))
    }
}

fn add_f64(cell: &AtomicU64, delta: f64) {
    let mut cur = cell.load(Ordering::Relaxed);
    loop {
        let next = (f64::from_bits(cur) + delta).to_bits();
        match cell.compare_exchange_weak(cur, next, Ordering::Relaxed, Ordering::Relaxed) {
            Ok(_) => return,
            Err(actual) => cur = actual,
        }
    }
}

#[derive(Debug)]
struct HistogramCore {
    /// Upper bounds, strictly increasing, without `+Inf`.
    bounds: Vec<f64>,
    /// Per-bucket (non-cumulative) counts; the last slot is `+Inf`.
    counts: Vec<AtomicU64>,
    sum: AtomicU64,
}

/// A distribution of observations in fixed buckets.
#[derive(Debug, Clone)]
pub struct Histogram(Arc<HistogramCore>);

impl Histogram {
    /// Records one observation.
    pub fn observe(&self, v: f64) {
        let slot = self.0.bounds.partition_point(|b| *b < v);
        self.0.counts[slot].fetch_add(1, Ordering::Relaxed);
        add_f64(&self.0.sum, v);
    }

    /// Number of observations so far.
    pub fn count(&self) -> u64 {
        self.0
            .counts
            .iter()
            .map(|c| c.load(Ordering::Relaxed))
            .sum()
    }

    /// Sum of observations so far.
    pub fn sum(&self) -> f64 {
        f64::from_bits(self.0.sum.load(Ordering::Relaxed))
    }
}

#[derive(Debug, Clone)]
enum Series {
    Counter(Counter),
    Gauge(Gauge),
    Histogram(Histogram),
}

#[derive(Debug)]
struct Family {
    help: String,
    kind: Kind,
    label_names: Vec<String>,
    /// Keyed by label values, in the order of `label_names`.
    series: BTreeMap<Vec<String>, Series>,
}

/// A shared registry of metrics; clones share the same registry.
#[derive(Debug, Clone, Default)]
pub struct Metrics {
    families: Arc<Mutex<BTreeMap<String, Family>>>,
}

impl Metrics {
    /// An empty registry.
    pub fn new() -> Metrics {
        Metrics::default()
    }

    /// Registers (or finds) the counter `name` with these labels.
    pub fn counter(
        &self,
        name: &str,
        help: &str,
        labels: &[(&str, &str)],
    ) -> Result<Counter, MetricsError> {
        let series = self.register(name, help, Kind::Counter, labels, || {
            Ok(Series::Counter(Counter(Arc::new(AtomicU64::new(0)))))
        })?;
        match series {
            Series::Counter(c) => Ok(c),
            _ => Err(MetricsError::Conflict(name.to_owned())),
        }
    }

    /// Registers (or finds) the gauge `name` with these labels.
    pub fn gauge(
        &self,
        name: &str,
        help: &str,
        labels: &[(&str, &str)],
    ) -> Result<Gauge, MetricsError> {
        let series = self.register(name, help, Kind::Gauge, labels, || {
            Ok(Series::Gauge(Gauge(Arc::new(AtomicU64::new(
                0f64.to_bits(),
            )))))
        })?;
        match series {
            Series::Gauge(g) => Ok(g),
            _ => Err(MetricsError::Conflict(name.to_owned())),
        }
    }

    /// Registers (or finds) the histogram `name` with these labels and
    /// bucket upper bounds (`+Inf` is implied).
    ///
    /// An existing series keeps the buckets it was created with.
    pub fn histogram(
        &self,
        name: &str,
        help: &str,
        labels: &[(&str, &str)],
        buckets: &[f64],
    ) -> Result<Histogram, MetricsError> {
        if labels.iter().any(|(k, _)| *k == "le") {
            return Err(MetricsError::InvalidLabel {
                metric: name.to_owned(),
                label: "le".to_owned(),
            });
        }
        let series = self.register(name, help, Kind::Histogram, labels, || {
            let valid =
                buckets.iter().all(|b| b.is_finite()) && buckets.windows(2).all(|w| w[0] < w[1]);
            if !valid {
                return Err(MetricsError::InvalidBuckets(name.to_owned()));
            }
            Ok(Series::Histogram(Histogram(Arc::new(HistogramCore {
                bounds: buckets.to_vec(),
                counts: (0..=buckets.len()).map(|_| AtomicU64::new(0)).collect(),
                sum: AtomicU64::new(0f64.to_bits()),
            }))))
        })?;
        match series {
            Series::Histogram(h) => Ok(h),
            _ => Err(MetricsError::Conflict(name.to_owned())),
        }
    }

    fn lock(&self) -> MutexGuard<'_, BTreeMap<String, Family>> {
        // A panic while holding the lock cannot leave the map half-updated in
        // a way that matters (inserts are single operations), so keep going.
        self.families
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Declares the counter family `name` without creating a series.
    ///
    /// Checks the name, HELP text and label names against any earlier
    /// registration, so code that only creates series later (per request)
    /// can fail fast at start-up instead.
    pub fn declare_counter(
        &self,
        name: &str,
        help: &str,
        label_names: &[&str],
    ) -> Result<(), MetricsError> {
        self.declare(name, help, Kind::Counter, label_names)
    }

    /// Declares the histogram family `name` without creating a series; see
    /// [`Metrics::declare_counter`].
    pub fn declare_histogram(
        &self,
        name: &str,
        help: &str,
        label_names: &[&str],
    ) -> Result<(), MetricsError> {
        if label_names.contains(&"le") {
            return Err(MetricsError::InvalidLabel {
                metric: name.to_owned(),
                label: "le".to_owned(),
            });
        }
        self.declare(name, help, Kind::Histogram, label_names)
    }

    fn declare(
        &self,
        name: &str,
        help: &str,
        kind: Kind,
        label_names: &[&str],
    ) -> Result<(), MetricsError> {
        check_names(name, label_names)?;
        let mut families = self.lock();
        family_entry(&mut families, name, help, kind, label_names)?;
        Ok(())
    }

    fn register(
        &self,
        name: &str,
        help: &str,
        kind: Kind,
        labels: &[(&str, &str)],
        make: impl FnOnce() -> Result<Series, MetricsError>,
    ) -> Result<Series, MetricsError> {
        let names: Vec<&str> = labels.iter().map(|(k, _)| *k).collect();
        check_names(name, &names)?;
        let values: Vec<String> = labels.iter().map(|(_, v)| (*v).to_owned()).collect();
        let mut families = self.lock();
        let family = family_entry(&mut families, name, help, kind, &names)?;
        if let Some(existing) = family.series.get(&values) {
            return Ok(existing.clone());
        }
        let series = make()?;
        family.series.insert(values, series.clone());
        Ok(series)
    }

    /// The whole registry in the Prometheus text format 0.0.4.
    pub fn render(&self) -> String {
        let families = self.lock();
        let mut out = String::with_capacity(1024);
        for (name, family) in families.iter() {
            if family.series.is_empty() {
                continue;
            }
            let _ = writeln!(out, "# HELP {name} {}", escape_help(&family.help));
            let _ = writeln!(out, "# TYPE {name} {}", family.kind.as_str());
            for (values, series) in &family.series {
                let labels = LabelSet {
                    names: &family.label_names,
                    values,
                };
                match series {
                    Series::Counter(c) => {
                        let _ = writeln!(out, "{name}{} {}", labels.render(None), c.get());
                    }
                    Series::Gauge(g) => {
                        let _ = writeln!(out, "{name}{} {}", labels.render(None), fmt_f64(g.get()));
                    }
                    Series::Histogram(h) => render_histogram(&mut out, name, &labels, h),
                }
            }
        }
        out
    }
}

fn render_histogram(out: &mut String, name: &str, labels: &LabelSet<'_>, h: &Histogram) {
    // Read each bucket once and derive the count from them, so `_count`
    // always equals the `+Inf` bucket even while observations race.
    let counts: Vec<u64> =
        h.0.counts
            .iter()
            .map(|c| c.load(Ordering::Relaxed))
            .collect();
    let mut cumulative = 0u64;
    for (i, n) in counts.iter().enumerate() {
        cumulative += n;
        let le = match h.0.bounds.get(i) {
            Some(b) => fmt_f64(*b),
            None => "+Inf".to_owned(),
        };
        let _ = writeln!(
            out,
            "{name}_bucket{} {cumulative}",
            labels.render(Some(("le", &le)))
        );
    }
    let _ = writeln!(
        out,
        "{name}_sum{} {}",
        labels.render(None),
        fmt_f64(h.sum())
    );
    let _ = writeln!(out, "{name}_count{} {cumulative}", labels.render(None));
}

struct LabelSet<'a> {
    names: &'a [String],
    values: &'a [String],
}

impl LabelSet<'_> {
    fn render(&self, extra: Option<(&str, &str)>) -> String {
        let mut pairs: Vec<(&str, &str)> = self
            .names
            .iter()
            .map(String::as_str)
            .zip(self.values.iter().map(String::as_str))
            .collect();
        pairs.extend(extra);
        if pairs.is_empty() {
            return String::new();
        }
        let mut out = String::from("{");
        for (i, (k, v)) in pairs.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let _ = write!(out, "{k}=\"{}\"", escape_label_value(v));
        }
        out.push('}');
        out
    }
}

fn check_names(name: &str, label_names: &[&str]) -> Result<(), MetricsError> {
    if !valid_metric_name(name) {
        return Err(MetricsError::InvalidName(name.to_owned()));
    }
    for (i, label) in label_names.iter().enumerate() {
        if !valid_label_name(label) || label_names[..i].contains(label) {
            return Err(MetricsError::InvalidLabel {
                metric: name.to_owned(),
                label: (*label).to_owned(),
            });
        }
    }
    Ok(())
}

/// The family `name`, created if new, after checking it agrees with `kind`,
/// `help` and `label_names`.
fn family_entry<'a>(
    families: &'a mut BTreeMap<String, Family>,
    name: &str,
    help: &str,
    kind: Kind,
    label_names: &[&str],
) -> Result<&'a mut Family, MetricsError> {
    let family = families.entry(name.to_owned()).or_insert_with(|| Family {
        help: help.to_owned(),
        kind,
        label_names: label_names.iter().map(|l| (*l).to_owned()).collect(),
        series: BTreeMap::new(),
    });
    if family.kind != kind || family.help != help {
        return Err(MetricsError::Conflict(name.to_owned()));
    }
    if family
        .label_names
        .iter()
        .map(String::as_str)
        .ne(label_names.iter().copied())
    {
        return Err(MetricsError::LabelMismatch {
            metric: name.to_owned(),
            expected: family.label_names.join(","),
            got: label_names.join(","),
        });
    }
    Ok(family)
}

fn valid_metric_name(name: &str) -> bool {
    let mut chars = name.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_' || c == ':')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == ':')
}

fn valid_label_name(name: &str) -> bool {
    let mut chars = name.chars();
    !name.starts_with("__")
        && matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Label values escape backslash, double quote and line feed.
pub fn escape_label_value(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    for c in v.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// HELP text escapes backslash and line feed (quotes stay as they are).
fn escape_help(v: &str) -> String {
    v.replace('\\', "\\\\").replace('\n', "\\n")
}

/// A sample value as Prometheus parses it.
fn fmt_f64(v: f64) -> String {
    if v.is_nan() {
        "NaN".to_owned()
    } else if v == f64::INFINITY {
        "+Inf".to_owned()
    } else if v == f64::NEG_INFINITY {
        "-Inf".to_owned()
    } else {
        format!("{v}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_exact_exposition_text() {
        let m = Metrics::new();
        let c = m
            .counter("b_total", "Things.\nSecond \\ line", &[("k", "a\"b\\c\nd")])
            .unwrap();
        c.add(3);
        m.counter("b_total", "Things.\nSecond \\ line", &[("k", "x")])
            .unwrap()
            .inc();
        let g = m.gauge("a_gauge", "A gauge", &[]).unwrap();
        g.set(1.5);
        g.dec();
        let h = m
            .histogram("c_seconds", "Latency", &[("route", "/x")], &[0.1, 1.0])
            .unwrap();
        h.observe(0.05);
        h.observe(0.1);
        h.observe(7.0);
        let want = "\
# HELP a_gauge A gauge
# TYPE a_gauge gauge
a_gauge 0.5
# HELP b_total Things.\\nSecond \\\\ line
# TYPE b_total counter
b_total{k=\"a\\\"b\\\\c\\nd\"} 3
b_total{k=\"x\"} 1
# HELP c_seconds Latency
# TYPE c_seconds histogram
c_seconds_bucket{route=\"/x\",le=\"0.1\"} 2
c_seconds_bucket{route=\"/x\",le=\"1\"} 2
c_seconds_bucket{route=\"/x\",le=\"+Inf\"} 3
c_seconds_sum{route=\"/x\"} 7.15
c_seconds_count{route=\"/x\"} 3
";
        assert_eq!(m.render(), want);
    }

    #[test]
    fn same_series_is_shared_and_conflicts_are_errors() {
        let m = Metrics::new();
        let a = m.counter("x_total", "X", &[("a", "1")]).unwrap();
        let b = m.counter("x_total", "X", &[("a", "1")]).unwrap();
        a.inc();
        assert_eq!(b.get(), 1);
        assert_eq!(
            m.gauge("x_total", "X", &[("a", "1")]).unwrap_err(),
            MetricsError::Conflict("x_total".into())
        );
        assert!(matches!(
            m.counter("x_total", "X", &[("b", "1")]),
            Err(MetricsError::LabelMismatch { .. })
        ));
        assert!(matches!(
            m.counter("1x", "X", &[]),
            Err(MetricsError::InvalidName(_))
        ));
        assert!(matches!(
            m.counter("y", "Y", &[("__x", "1")]),
            Err(MetricsError::InvalidLabel { .. })
        ));
        assert!(matches!(
            m.counter("y", "Y", &[("a", "1"), ("a", "2")]),
            Err(MetricsError::InvalidLabel { .. })
        ));
        assert!(matches!(
            m.histogram("h", "H", &[], &[1.0, 1.0]),
            Err(MetricsError::InvalidBuckets(_))
        ));
        assert_eq!(m.render().matches("# TYPE").count(), 1);
    }

    #[test]
    fn declared_families_check_later_registrations_and_render_nothing() {
        let m = Metrics::new();
        m.declare_counter("req_total", "Requests", &["route"])
            .unwrap();
        assert_eq!(m.render(), "");
        assert!(matches!(
            m.counter("req_total", "Requests", &[("path", "/")]),
            Err(MetricsError::LabelMismatch { .. })
        ));
        assert_eq!(
            m.declare_histogram("req_total", "Requests", &["route"]),
            Err(MetricsError::Conflict("req_total".into()))
        );
        m.counter("req_total", "Requests", &[("route", "/")])
            .unwrap()
            .inc();
        assert_eq!(
            m.render(),
            "# HELP req_total Requests\n# TYPE req_total counter\nreq_total{route=\"/\"} 1\n"
        );
    }

    #[test]
    fn special_floats() {
        assert_eq!(fmt_f64(f64::INFINITY), "+Inf");
        assert_eq!(fmt_f64(f64::NEG_INFINITY), "-Inf");
        assert_eq!(fmt_f64(f64::NAN), "NaN");
        assert_eq!(fmt_f64(2.0), "2");
        assert_eq!(fmt_f64(-0.25), "-0.25");
    }
}
