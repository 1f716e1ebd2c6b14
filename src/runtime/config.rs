//! The one configuration loader: built-in defaults < TOML file <
//! `OMNI_<SECTION>_<KEY>` environment < command-line flags.
//!
//! Configuration is schema-driven. Each section (`[governor]`, `[output]`, and
//! one per system) is a static [`Section`] listing its keys with a kind, a
//! default and a doc line; the same table validates files, parses environment
//! values, renders `omni config show` and writes `omni config init`. Every
//! value remembers the layer it came from ([`Origin`]).
//!
//! Guarantees:
//! - Unknown sections and keys, wrong types and out-of-range values fail fast
//!   with exit 78, naming the file (or variable, or flag), the key and the
//!   reason. A named file that does not exist is exit 66; the default file
//!   may be absent.
//! - A section that belongs to a known system compiled out of this build is
//!   accepted and ignored, so one file serves slim and full builds.
//! - This module (through [`Env`]) is the only place that reads the process
//!   environment; everything else gets values from here.

use std::collections::BTreeMap;
use std::ffi::{OsStr, OsString};
use std::fmt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::runtime::error::{Classify, Exit};
use crate::runtime::units::{HumanDuration, HumanSize, parse_duration, parse_size};

/// A snapshot of the process environment, taken once by `main`.
///
/// Tests build one by hand, so nothing depends on the real environment.
#[derive(Debug, Clone, Default)]
pub struct Env {
    vars: BTreeMap<OsString, OsString>,
}

impl Env {
    /// Captures the real environment. Only `main` calls this.
    #[allow(clippy::disallowed_methods)] // the one sanctioned read
    pub fn capture() -> Env {
        Env {
            vars: std::env::vars_os().collect(),
        }
    }

    /// An environment with exactly these variables.
    pub fn from_pairs<K: Into<OsString>, V: Into<OsString>>(
        pairs: impl IntoIterator<Item = (K, V)>,
    ) -> Env {
        Env {
            vars: pairs
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        }
    }

    /// The raw value of `name`.
    pub fn get_os(&self, name: &str) -> Option<&OsStr> {
        self.vars.get(OsStr::new(name)).map(OsString::as_os_str)
    }

    /// The value of `name` if it is set, non-empty and valid UTF-8.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.get_os(name)
            .and_then(OsStr::to_str)
            .filter(|v| !v.is_empty())
    }

    /// True when `name` is set to a non-empty value.
    pub fn is_set(&self, name: &str) -> bool {
        self.get_os(name).is_some_and(|v| !v.is_empty())
    }

    /// The same environment without the named variables.
    pub fn without(&self, names: &[&str]) -> Env {
        let mut vars = self.vars.clone();
        for name in names {
            vars.remove(OsStr::new(name));
        }
        Env { vars }
    }

    /// All variables whose name starts with `prefix`, in name order.
    pub fn with_prefix<'a>(
        &'a self,
        prefix: &'a str,
    ) -> impl Iterator<Item = (&'a str, &'a OsStr)> {
        self.vars.iter().filter_map(move |(k, v)| {
            let k = k.to_str()?;
            k.starts_with(prefix).then_some((k, v.as_os_str()))
        })
    }
}

/// What a key holds, and the range it must be in.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// `true` / `false`.
    Bool,
    /// An integer in `min..=max`.
    Int { min: i64, max: i64 },
    /// A number in `min..=max`.
    Float { min: f64, max: f64 },
    /// A human duration (`250ms`, `5s`) in `min..=max`.
    Duration { min: Duration, max: Duration },
    /// A human size (`512KiB`, `2GiB`) in `min..=max` bytes.
    Size { min: u64, max: u64 },
    /// One of a fixed set of words.
    Enum(&'static [&'static str]),
    /// Free text.
    Str,
    /// A list of paths (TOML array; `:`-separated in the environment).
    Paths,
}

impl Kind {
    fn expected(&self) -> String {
        match self {
            Kind::Bool => "true or false".into(),
            Kind::Int { .. } => "an integer".into(),
            Kind::Float { .. } => "a number".into(),
            Kind::Duration { .. } => "a duration such as \"250ms\" or \"5s\"".into(),
            Kind::Size { .. } => "a size such as \"512KiB\" or \"2GiB\"".into(),
            Kind::Enum(words) => format!("one of {}", words.join(", ")),
            Kind::Str => "a string".into(),
            Kind::Paths => "a list of paths".into(),
        }
    }
}

/// One configuration key.
#[derive(Debug, Clone, Copy)]
pub struct Key {
    /// The key name, `snake_case`.
    pub name: &'static str,
    /// Its type and range.
    pub kind: Kind,
    /// The built-in default as it would be written in TOML without quotes
    /// (`"2"`, `"auto"`, `"5s"`); `None` means unset by default.
    pub default: Option<&'static str>,
    /// One line for `config init` and `config show`.
    pub doc: &'static str,
}

/// One `[section]` of the configuration file.
#[derive(Debug, Clone, Copy)]
pub struct Section {
    /// The section name (`governor`, `output`, or a system id).
    pub name: &'static str,
    /// One line describing the section.
    pub doc: &'static str,
    /// Its keys.
    pub keys: &'static [Key],
}

impl Section {
    fn key(&self, name: &str) -> Option<&'static Key> {
        self.keys.iter().find(|k| k.name == name)
    }
}

/// A validated value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Bool(bool),
    Int(i64),
    Float(f64),
    Duration(Duration),
    Size(u64),
    Str(String),
    Paths(Vec<PathBuf>),
}

impl Value {
    /// The value as TOML text, so `config show` output is a loadable file.
    pub fn to_toml(&self) -> String {
        match self {
            Value::Bool(b) => b.to_string(),
            Value::Int(i) => i.to_string(),
            Value::Float(f) => format!("{f:?}"),
            Value::Duration(d) => format!("{:?}", HumanDuration(*d).to_string()),
            Value::Size(s) => format!("{:?}", HumanSize(*s).to_string()),
            Value::Str(s) => format!("{s:?}"),
            Value::Paths(p) => {
                let items: Vec<String> = p
                    .iter()
                    .map(|p| format!("{:?}", p.display().to_string()))
                    .collect();
                format!("[{}]", items.join(", "))
            }
        }
    }

    /// The value as JSON.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::json;
        match self {
            Value::Bool(b) => json!(b),
            Value::Int(i) => json!(i),
            Value::Float(f) => json!(f),
            Value::Duration(d) => json!(HumanDuration(*d).to_string()),
            Value::Size(s) => json!(HumanSize(*s).to_string()),
            Value::Str(s) => json!(s),
            Value::Paths(p) => json!(p),
        }
    }
}

/// Which layer a value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Built into omni.
    Default,
    /// The configuration file.
    File(PathBuf),
    /// An `OMNI_<SECTION>_<KEY>` variable.
    Env(String),
    /// A command-line flag.
    Flag(String),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Default => f.write_str("default"),
            Origin::File(p) => write!(f, "file {}", p.display()),
            Origin::Env(v) => write!(f, "env {v}"),
            Origin::Flag(flag) => write!(f, "flag {flag}"),
        }
    }
}

/// Where a bad value was found, for error messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    File(PathBuf),
    Env(String),
    Flag(String),
    Default,
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::File(p) => write!(f, "config file {}", p.display()),
            Place::Env(v) => write!(f, "environment variable {v}"),
            Place::Flag(flag) => write!(f, "flag {flag}"),
            Place::Default => f.write_str("built-in default"),
        }
    }
}

/// Why configuration could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// A file named explicitly (`--config`, `$OMNI_CONFIG`) is missing or unreadable.
    #[error("config file {path}: {source}")]
    Unreadable {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The file is not valid TOML.
    #[error("config file {path}: {message}")]
    Syntax { path: PathBuf, message: String },
    /// A section that no part of omni knows.
    #[error("{place}: unknown section [{section}] (known: {known})")]
    UnknownSection {
        place: Place,
        section: String,
        known: String,
    },
    /// A key its section does not have.
    #[error("{place}: [{section}] unknown key '{key}'{hint}")]
    UnknownKey {
        place: Place,
        section: String,
        key: String,
        hint: String,
    },
    /// A value of the wrong type or out of range.
    #[error("{place}: [{section}] {key}: {reason}")]
    BadValue {
        place: Place,
        section: String,
        key: String,
        reason: String,
    },
    /// A write (`config init`) failed.
    #[error("writing {path}: {source}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// `config init` would replace an existing file.
    #[error("{path} already exists; pass --force to replace it")]
    Exists { path: PathBuf },
}

impl Classify for ConfigError {
    fn exit(&self) -> Exit {
        match self {
            ConfigError::Unreadable { source, .. } => match source.kind() {
                std::io::ErrorKind::PermissionDenied => Exit::NoPerm,
                _ => Exit::NoInput,
            },
            ConfigError::BadValue {
                place: Place::Flag(_),
                ..
            } => Exit::Usage,
            ConfigError::Write { source, .. } => Exit::from_io(source),
            ConfigError::Exists { .. } => Exit::IoErr,
            _ => Exit::Config,
        }
    }
}

/// An override from a command-line flag.
#[derive(Debug, Clone)]
pub struct FlagValue {
    /// The section it sets.
    pub section: &'static str,
    /// The key it sets.
    pub key: &'static str,
    /// The value as given.
    pub raw: FlagRaw,
    /// The flag's spelling, for messages (`--workers`).
    pub flag: &'static str,
}

/// A flag's value as given on the command line.
#[derive(Debug, Clone)]
pub enum FlagRaw {
    /// One word, parsed like an environment value.
    Text(String),
    /// A repeatable path flag (`--sandbox A --sandbox B`), kept as paths so
    /// no separator character is special.
    Paths(Vec<PathBuf>),
}

/// Where to look for the configuration file.
#[derive(Debug, Clone)]
pub struct FileChoice {
    /// The path.
    pub path: PathBuf,
    /// True when the user named it (`--config`, `$OMNI_CONFIG`): then it must exist.
    pub explicit: bool,
}

impl FileChoice {
    /// `--config PATH`, else `$OMNI_CONFIG`, else
    /// `$XDG_CONFIG_HOME/omni/config.toml` (or `~/.config/omni/config.toml`).
    pub fn resolve(flag: Option<&Path>, env: &Env) -> Option<FileChoice> {
        if let Some(p) = flag {
            return Some(FileChoice {
                path: p.to_path_buf(),
                explicit: true,
            });
        }
        if let Some(p) = env.get_os("OMNI_CONFIG").filter(|p| !p.is_empty()) {
            return Some(FileChoice {
                path: PathBuf::from(p),
                explicit: true,
            });
        }
        default_config_path(env).map(|path| FileChoice {
            path,
            explicit: false,
        })
    }
}

/// `$XDG_CONFIG_HOME/omni/config.toml`, else `$HOME/.config/omni/config.toml`.
pub fn default_config_path(env: &Env) -> Option<PathBuf> {
    let xdg = env
        .get_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute());
    let base = xdg.or_else(|| env.get_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some(base.join("omni").join("config.toml"))
}

/// Everything the loader needs, gathered by the CLI.
pub struct Sources<'a> {
    /// Sections this build knows.
    pub sections: &'a [&'static Section],
    /// Section names to accept and ignore (systems compiled out of this build).
    pub ignored_sections: &'a [&'static str],
    /// The configuration file, if any.
    pub file: Option<FileChoice>,
    /// The environment.
    pub env: &'a Env,
    /// Flag overrides.
    pub flags: &'a [FlagValue],
}

/// The effective configuration: every key of every known section, with the
/// layer it came from.
#[derive(Debug, Clone)]
pub struct Config {
    sections: Vec<&'static Section>,
    values: BTreeMap<(&'static str, &'static str), (Option<Value>, Origin)>,
    file: Option<PathBuf>,
}

impl Config {
    /// Loads and validates all layers.
    pub fn load(src: &Sources<'_>) -> Result<Config, ConfigError> {
        let mut cfg = Config {
            sections: src.sections.to_vec(),
            values: BTreeMap::new(),
            file: None,
        };
        for section in src.sections {
            for key in section.keys {
                let value = match key.default {
                    Some(raw) => {
                        Some(
                            parse_text(key, raw).map_err(|reason| ConfigError::BadValue {
                                place: Place::Default,
                                section: section.name.into(),
                                key: key.name.into(),
                                reason,
                            })?,
                        )
                    }
                    None => None,
                };
                cfg.values
                    .insert((section.name, key.name), (value, Origin::Default));
            }
        }
        if let Some(choice) = &src.file
            && let Some(table) = read_file(choice)?
        {
            cfg.apply_table(&choice.path, &table, src.ignored_sections)?;
            cfg.file = Some(choice.path.clone());
        }
        cfg.apply_env(src.env)?;
        for flag in src.flags {
            let (section, key) =
                cfg.lookup(flag.section, flag.key, &Place::Flag(flag.flag.into()))?;
            let parsed = match &flag.raw {
                FlagRaw::Text(raw) => parse_text(key, raw),
                FlagRaw::Paths(paths) => Ok(Value::Paths(paths.clone())),
            };
            let value = parsed.map_err(|reason| ConfigError::BadValue {
                place: Place::Flag(flag.flag.into()),
                section: section.name.into(),
                key: key.name.into(),
                reason,
            })?;
            cfg.values.insert(
                (section.name, key.name),
                (Some(value), Origin::Flag(flag.flag.into())),
            );
        }
        Ok(cfg)
    }

    /// Validates one file against the schema without other layers.
    pub fn check_file(
        path: &Path,
        sections: &[&'static Section],
        ignored_sections: &[&'static str],
    ) -> Result<(), ConfigError> {
        let env = Env::default();
        Config::load(&Sources {
            sections,
            ignored_sections,
            file: Some(FileChoice {
                path: path.to_path_buf(),
                explicit: true,
            }),
            env: &env,
            flags: &[],
        })
        .map(|_| ())
    }

    fn lookup(
        &self,
        section: &str,
        key: &str,
        place: &Place,
    ) -> Result<(&'static Section, &'static Key), ConfigError> {
        let Some(sec) = self.sections.iter().copied().find(|s| s.name == section) else {
            return Err(ConfigError::UnknownSection {
                place: place.clone(),
                section: section.into(),
                known: self.known_sections(),
            });
        };
        let Some(k) = sec.key(key) else {
            return Err(ConfigError::UnknownKey {
                place: place.clone(),
                section: section.into(),
                key: key.into(),
                hint: hint(key, sec),
            });
        };
        Ok((sec, k))
    }

    fn known_sections(&self) -> String {
        self.sections
            .iter()
            .map(|s| s.name)
            .collect::<Vec<_>>()
            .join(", ")
    }

    fn apply_table(
        &mut self,
        path: &Path,
        table: &toml::Table,
        ignored: &[&'static str],
    ) -> Result<(), ConfigError> {
        let place = Place::File(path.to_path_buf());
        for (name, item) in table {
            if ignored.contains(&name.as_str()) {
                tracing::info!(section = %name, "ignoring config section of a system not in this build");
                continue;
            }
            let toml::Value::Table(keys) = item else {
                return Err(ConfigError::UnknownSection {
                    place,
                    section: name.clone(),
                    known: format!(
                        "{}; top-level keys must be inside a [section]",
                        self.known_sections()
                    ),
                });
            };
            if !self.sections.iter().any(|s| s.name == name) {
                return Err(ConfigError::UnknownSection {
                    place,
                    section: name.clone(),
                    known: self.known_sections(),
                });
            }
            for (key, value) in keys {
                let (sec, k) = self.lookup(name, key, &place)?;
                let v = parse_toml(k, value).map_err(|reason| ConfigError::BadValue {
                    place: place.clone(),
                    section: sec.name.into(),
                    key: k.name.into(),
                    reason,
                })?;
                self.values.insert(
                    (sec.name, k.name),
                    (Some(v), Origin::File(path.to_path_buf())),
                );
            }
        }
        Ok(())
    }

    fn apply_env(&mut self, env: &Env) -> Result<(), ConfigError> {
        let sections = self.sections.clone();
        for sec in sections {
            let prefix = format!("OMNI_{}_", sec.name.to_ascii_uppercase());
            for (var, raw) in env.with_prefix(&prefix) {
                let key = var[prefix.len()..].to_ascii_lowercase();
                let place = Place::Env(var.to_string());
                let (sec, k) = self.lookup(sec.name, &key, &place)?;
                let raw = raw.to_str().ok_or_else(|| ConfigError::BadValue {
                    place: place.clone(),
                    section: sec.name.into(),
                    key: k.name.into(),
                    reason: "value is not valid UTF-8".into(),
                })?;
                let v = parse_text(k, raw).map_err(|reason| ConfigError::BadValue {
                    place: place.clone(),
                    section: sec.name.into(),
                    key: k.name.into(),
                    reason,
                })?;
                self.values
                    .insert((sec.name, k.name), (Some(v), Origin::Env(var.to_string())));
            }
        }
        Ok(())
    }

    /// The file that was loaded, if any.
    pub fn file(&self) -> Option<&Path> {
        self.file.as_deref()
    }

    /// The known sections, in order.
    pub fn sections(&self) -> &[&'static Section] {
        &self.sections
    }

    /// The value and origin of `section.key`.
    ///
    /// # Panics
    /// When the key is not in the schema: that is a programming error, caught
    /// by the first test that touches the key.
    pub fn entry(&self, section: &str, key: &str) -> (Option<&Value>, &Origin) {
        let (v, o) = self
            .values
            .iter()
            .find(|((s, k), _)| *s == section && *k == key)
            .map(|(_, v)| v)
            .unwrap_or_else(|| panic!("config key [{section}] {key} is not in the schema"));
        (v.as_ref(), o)
    }

    /// `section.key` as a value, if set.
    pub fn get(&self, section: &str, key: &str) -> Option<&Value> {
        self.entry(section, key).0
    }

    /// `section.key` as a bool (unset = false).
    pub fn bool(&self, section: &str, key: &str) -> bool {
        matches!(self.get(section, key), Some(Value::Bool(true)))
    }

    /// `section.key` as an integer.
    pub fn int(&self, section: &str, key: &str) -> Option<i64> {
        match self.get(section, key) {
            Some(Value::Int(i)) => Some(*i),
            _ => None,
        }
    }

    /// `section.key` as a float.
    pub fn float(&self, section: &str, key: &str) -> Option<f64> {
        match self.get(section, key) {
            Some(Value::Float(f)) => Some(*f),
            _ => None,
        }
    }

    /// `section.key` as a duration.
    pub fn duration(&self, section: &str, key: &str) -> Option<Duration> {
        match self.get(section, key) {
            Some(Value::Duration(d)) => Some(*d),
            _ => None,
        }
    }

    /// `section.key` as a size in bytes.
    pub fn size(&self, section: &str, key: &str) -> Option<u64> {
        match self.get(section, key) {
            Some(Value::Size(s)) => Some(*s),
            _ => None,
        }
    }

    /// `section.key` as a string (also for enums).
    pub fn str(&self, section: &str, key: &str) -> Option<&str> {
        match self.get(section, key) {
            Some(Value::Str(s)) => Some(s),
            _ => None,
        }
    }

    /// `section.key` as paths (unset = empty).
    pub fn paths(&self, section: &str, key: &str) -> &[PathBuf] {
        match self.get(section, key) {
            Some(Value::Paths(p)) => p,
            _ => &[],
        }
    }
}

/// Suggests the closest key name, if one is close.
fn hint(key: &str, section: &Section) -> String {
    let best = section
        .keys
        .iter()
        .map(|k| (edit_distance(key, k.name), k.name))
        .min();
    match best {
        Some((d, name)) if d <= 2 => format!(" (did you mean '{name}'?)"),
        _ => format!(
            " (known: {})",
            section
                .keys
                .iter()
                .map(|k| k.name)
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = if ca == *cb {
                prev
            } else {
                1 + prev.min(cur).min(row[j])
            };
            prev = cur;
        }
    }
    row[b.len()]
}

fn read_file(choice: &FileChoice) -> Result<Option<toml::Table>, ConfigError> {
    let text = match std::fs::read_to_string(&choice.path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !choice.explicit => return Ok(None),
        // Readable, but not text: a malformed file, not a missing one.
        Err(e) if e.kind() == std::io::ErrorKind::InvalidData => {
            return Err(ConfigError::Syntax {
                path: choice.path.clone(),
                message: "not valid UTF-8 text".into(),
            });
        }
        Err(source) => {
            return Err(ConfigError::Unreadable {
                path: choice.path.clone(),
                source,
            });
        }
    };
    text.parse::<toml::Table>()
        .map(Some)
        .map_err(|e| ConfigError::Syntax {
            path: choice.path.clone(),
            message: toml_message(&text, &e),
        })
}

/// `line L, column C: message` from a TOML error.
fn toml_message(text: &str, err: &toml::de::Error) -> String {
    let msg = err.message().trim().to_string();
    match err.span() {
        Some(span) => {
            let before = &text[..span.start.min(text.len())];
            let line = before.matches('\n').count() + 1;
            let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            format!("line {line}, column {col}: {msg}")
        }
        None => msg,
    }
}

fn type_name(v: &toml::Value) -> &'static str {
    match v {
        toml::Value::String(_) => "a string",
        toml::Value::Integer(_) => "an integer",
        toml::Value::Float(_) => "a float",
        toml::Value::Boolean(_) => "a boolean",
        toml::Value::Datetime(_) => "a datetime",
        toml::Value::Array(_) => "an array",
        toml::Value::Table(_) => "a table",
    }
}

/// Validates a TOML value against a key.
fn parse_toml(key: &Key, value: &toml::Value) -> Result<Value, String> {
    let wrong = || {
        format!(
            "expected {}, found {}",
            key.kind.expected(),
            type_name(value)
        )
    };
    match (key.kind, value) {
        (Kind::Bool, toml::Value::Boolean(b)) => Ok(Value::Bool(*b)),
        (Kind::Int { .. }, toml::Value::Integer(i)) => check_range(key, Value::Int(*i)),
        #[allow(clippy::cast_precision_loss)] // config numbers are small
        (Kind::Float { .. }, toml::Value::Integer(i)) => check_range(key, Value::Float(*i as f64)),
        (Kind::Float { .. }, toml::Value::Float(f)) => check_range(key, Value::Float(*f)),
        (Kind::Size { .. }, toml::Value::Integer(i)) => {
            let bytes = u64::try_from(*i).map_err(|_| format!("{i} is negative"))?;
            check_range(key, Value::Size(bytes))
        }
        (
            Kind::Duration { .. } | Kind::Size { .. } | Kind::Enum(_) | Kind::Str,
            toml::Value::String(s),
        ) => parse_text(key, s),
        (Kind::Paths, toml::Value::String(s)) => Ok(Value::Paths(vec![PathBuf::from(s)])),
        (Kind::Paths, toml::Value::Array(items)) => items
            .iter()
            .map(|i| match i {
                toml::Value::String(s) => Ok(PathBuf::from(s)),
                other => Err(format!(
                    "expected a list of paths, found {} in the list",
                    type_name(other)
                )),
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Value::Paths),
        _ => Err(wrong()),
    }
}

/// Parses text (environment, flag, default) for a key.
fn parse_text(key: &Key, raw: &str) -> Result<Value, String> {
    let raw = raw.trim();
    let value = match key.kind {
        Kind::Bool => match raw {
            "true" | "1" | "yes" | "on" => Value::Bool(true),
            "false" | "0" | "no" | "off" => Value::Bool(false),
            _ => return Err(format!("expected true or false, found {raw:?}")),
        },
        Kind::Int { .. } => Value::Int(
            raw.parse()
                .map_err(|_| format!("expected an integer, found {raw:?}"))?,
        ),
        Kind::Float { .. } => Value::Float(
            raw.parse::<f64>()
                .ok()
                .filter(|f| f.is_finite())
                .ok_or_else(|| format!("expected a number, found {raw:?}"))?,
        ),
        Kind::Duration { .. } => Value::Duration(parse_duration(raw).map_err(|e| e.to_string())?),
        Kind::Size { .. } => Value::Size(parse_size(raw).map_err(|e| e.to_string())?),
        Kind::Enum(words) => {
            if !words.contains(&raw) {
                return Err(format!(
                    "expected one of {}, found {raw:?}",
                    words.join(", ")
                ));
            }
            Value::Str(raw.to_string())
        }
        Kind::Str => Value::Str(raw.to_string()),
        Kind::Paths => Value::Paths(
            raw.split(':')
                .filter(|p| !p.is_empty())
                .map(PathBuf::from)
                .collect(),
        ),
    };
    check_range(key, value)
}

fn check_range(key: &Key, value: Value) -> Result<Value, String> {
    let out_of_range = |shown: String, lo: String, hi: Option<String>| match hi {
        Some(hi) => Err(format!(
            "{shown} is out of range: must be between {lo} and {hi}"
        )),
        None => Err(format!("{shown} is out of range: must be at least {lo}")),
    };
    match (key.kind, &value) {
        (Kind::Int { min, max }, Value::Int(i)) if *i < min || *i > max => out_of_range(
            i.to_string(),
            min.to_string(),
            (max != i64::MAX).then(|| max.to_string()),
        ),
        (Kind::Float { min, max }, Value::Float(f)) if *f < min || *f > max => {
            out_of_range(f.to_string(), min.to_string(), Some(max.to_string()))
        }
        (Kind::Duration { min, max }, Value::Duration(d)) if *d < min || *d > max => out_of_range(
            HumanDuration(*d).to_string(),
            HumanDuration(min).to_string(),
            Some(HumanDuration(max).to_string()),
        ),
        (Kind::Size { min, max }, Value::Size(s)) if *s < min || *s > max => out_of_range(
            HumanSize(*s).to_string(),
            HumanSize(min).to_string(),
            (max != u64::MAX).then(|| HumanSize(max).to_string()),
        ),
        _ => Ok(value),
    }
}

/// The commented default file written by `omni config init`.
pub fn default_file_text(sections: &[&'static Section]) -> String {
    let mut out = String::from(
        "# omni configuration.\n\
         # Precedence: built-in defaults < this file < OMNI_<SECTION>_<KEY> environment < flags.\n\
         # Every key is shown commented out with its default; uncomment to change it.\n\
         # Durations: 250ms 5s 2m 1h 7d. Sizes: 512KiB 2GiB 1MB.\n",
    );
    for section in sections {
        out.push_str(&format!("\n# {}\n[{}]\n", section.doc, section.name));
        for key in section.keys {
            out.push_str(&format!("# {}\n", key.doc));
            let shown = match key.default {
                Some(raw) => parse_text(key, raw)
                    .map(|v| v.to_toml())
                    .unwrap_or_else(|_| format!("{raw:?}")),
                None => match key.kind {
                    Kind::Paths => "[]".into(),
                    _ => "(unset)".into(),
                },
            };
            if shown == "(unset)" {
                out.push_str(&format!(
                    "# {} =    (unset by default; {})\n",
                    key.name,
                    key.kind.expected()
                ));
            } else {
                out.push_str(&format!("# {} = {shown}\n", key.name));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    static TEST: Section = Section {
        name: "test",
        doc: "test section",
        keys: &[
            Key {
                name: "workers",
                kind: Kind::Int { min: 1, max: 64 },
                default: Some("4"),
                doc: "w",
            },
            Key {
                name: "timeout",
                kind: Kind::Duration {
                    min: Duration::from_millis(1),
                    max: Duration::from_secs(3600),
                },
                default: Some("5s"),
                doc: "t",
            },
            Key {
                name: "limit",
                kind: Kind::Size {
                    min: 1024,
                    max: u64::MAX,
                },
                default: None,
                doc: "l",
            },
            Key {
                name: "mode",
                kind: Kind::Enum(&["a", "b"]),
                default: Some("a"),
                doc: "m",
            },
        ],
    };

    fn load(
        file: Option<&str>,
        env: &[(&str, &str)],
        flags: &[FlagValue],
    ) -> Result<Config, ConfigError> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.toml");
        if let Some(text) = file {
            std::fs::write(&path, text).unwrap();
        }
        let env = Env::from_pairs(env.iter().copied());
        Config::load(&Sources {
            sections: &[&TEST],
            ignored_sections: &["ledger"],
            file: Some(FileChoice {
                path,
                explicit: file.is_some(),
            }),
            env: &env,
            flags,
        })
    }

    #[test]
    fn each_layer_overrides_the_one_below() {
        let c = load(None, &[], &[]).unwrap();
        assert_eq!(
            c.entry("test", "workers"),
            (Some(&Value::Int(4)), &Origin::Default)
        );
        let c = load(Some("[test]\nworkers = 8\n"), &[], &[]).unwrap();
        assert_eq!(c.int("test", "workers"), Some(8));
        assert!(matches!(c.entry("test", "workers").1, Origin::File(_)));
        let c = load(
            Some("[test]\nworkers = 8\n"),
            &[("OMNI_TEST_WORKERS", "9")],
            &[],
        )
        .unwrap();
        assert_eq!(
            c.entry("test", "workers").1,
            &Origin::Env("OMNI_TEST_WORKERS".into())
        );
        assert_eq!(c.int("test", "workers"), Some(9));
        let flag = FlagValue {
            section: "test",
            key: "workers",
            raw: FlagRaw::Text("10".into()),
            flag: "--workers",
        };
        let c = load(
            Some("[test]\nworkers = 8\n"),
            &[("OMNI_TEST_WORKERS", "9")],
            &[flag],
        )
        .unwrap();
        assert_eq!(c.int("test", "workers"), Some(10));
        assert_eq!(
            c.entry("test", "workers").1,
            &Origin::Flag("--workers".into())
        );
    }

    #[test]
    fn errors_name_place_key_and_reason() {
        let e = load(Some("[test]\nworkrs = 1\n"), &[], &[])
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("unknown key 'workrs'") && e.contains("did you mean 'workers'"),
            "{e}"
        );
        let e = load(Some("[test]\nworkers = \"x\"\n"), &[], &[])
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("workers: expected an integer, found a string"),
            "{e}"
        );
        let e = load(Some("[test]\nworkers = 0\n"), &[], &[])
            .unwrap_err()
            .to_string();
        assert!(
            e.contains("0 is out of range: must be between 1 and 64"),
            "{e}"
        );
        let e = load(Some("[nope]\n"), &[], &[]).unwrap_err().to_string();
        assert!(e.contains("unknown section [nope]"), "{e}");
        let e = load(Some("[test\n"), &[], &[]).unwrap_err().to_string();
        assert!(e.contains("line 1, column"), "{e}");
        let e = load(None, &[("OMNI_TEST_TIMEOUT", "5")], &[]).unwrap_err();
        assert!(
            e.to_string().contains(
                "environment variable OMNI_TEST_TIMEOUT: [test] timeout: invalid duration"
            )
        );
        assert_eq!(e.exit(), Exit::Config);
    }

    #[test]
    fn compiled_out_sections_are_ignored() {
        assert!(load(Some("[ledger]\nanything = 1\n"), &[], &[]).is_ok());
    }

    #[test]
    fn init_text_is_a_valid_file() {
        let text = default_file_text(&[&TEST]);
        assert!(text.contains("[test]") && text.contains("# timeout = \"5s\""));
        let c = load(Some(&text), &[], &[]).unwrap();
        assert_eq!(c.duration("test", "timeout"), Some(Duration::from_secs(5)));
    }
}
