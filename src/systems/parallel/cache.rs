//! Cache keys: what a task's result depends on, hashed with BLAKE3.
//!
//! A key covers the command (after `foreach` substitution), the declared
//! environment, the BLAKE3 digests of the declared input files, and the keys
//! of the task's dependencies, plus a format tag so a change of the scheme
//! never reuses old entries. Anything else (mtimes, undeclared files, the
//! time of day) is not in the key: declare it or disable the cache.
//!
//! File digests are remembered with the file's size, mtime and inode, so an
//! unchanged file is stat()ed, not re-read (ninja's and git's fast path). A
//! file whose mtime changed is re-hashed; if its content is the same, the key
//! is too, and the task stays cached.

use std::collections::BTreeMap;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

use serde::{Deserialize, Serialize};

use super::store::{Store, StoreError};

/// Bumped whenever what goes into a key changes.
const FORMAT: &str = "omni-parallel-cache-v1";

/// What a key is made of, kept so `explain` can say what changed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Components {
    pub cmd: String,
    pub env: BTreeMap<String, String>,
    /// Input path → BLAKE3 hex (`missing` when a declared input is absent).
    pub inputs: BTreeMap<String, String>,
    /// Dependency name → its key.
    pub deps: BTreeMap<String, String>,
}

/// An instance's components as the store keeps them: their canonical JSON
/// and its key, computed once per task run.
#[derive(Debug, Clone, Default)]
pub struct Keyed {
    pub key: String,
    pub json: String,
}

impl Components {
    /// The key: BLAKE3 of the format tag and the canonical JSON of the components.
    pub fn key(&self) -> String {
        self.keyed().key
    }

    /// The canonical JSON and the key.
    pub fn keyed(&self) -> Keyed {
        let json = serde_json::to_string(self).unwrap_or_default();
        let mut h = blake3::Hasher::new();
        h.update(FORMAT.as_bytes());
        h.update(&[0]);
        h.update(json.as_bytes());
        Keyed {
            key: h.finalize().to_hex().to_string(),
            json,
        }
    }

    /// What differs from `before`, one line each, for `explain`.
    pub fn diff(&self, before: &Components) -> Vec<String> {
        let mut out = Vec::new();
        if self.cmd != before.cmd {
            out.push(format!(
                "command changed: {:?} -> {:?}",
                before.cmd, self.cmd
            ));
        }
        diff_maps(&mut out, "env", &before.env, &self.env);
        diff_maps(&mut out, "input", &before.inputs, &self.inputs);
        diff_maps(&mut out, "dependency key of", &before.deps, &self.deps);
        out
    }
}

/// The JSON array of a task's instances' components (what
/// `TaskRow::components` holds): the same text as serializing the list.
pub fn components_json(parts: &[Keyed]) -> String {
    let mut out = String::from("[");
    for (i, p) in parts.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&p.json);
    }
    out.push(']');
    out
}

fn short(v: &str) -> &str {
    v.get(..12).unwrap_or(v)
}

fn diff_maps(
    out: &mut Vec<String>,
    what: &str,
    before: &BTreeMap<String, String>,
    after: &BTreeMap<String, String>,
) {
    let show = |v: &str| {
        if what == "env" {
            format!("{v:?}")
        } else {
            short(v).to_string()
        }
    };
    for (k, v) in after {
        match before.get(k) {
            None => out.push(format!("{what} {k} added ({})", show(v))),
            Some(old) if old != v => {
                out.push(format!("{what} {k} changed ({} -> {})", show(old), show(v)))
            }
            Some(_) => {}
        }
    }
    for k in before.keys().filter(|k| !after.contains_key(*k)) {
        out.push(format!("{what} {k} removed"));
    }
}

/// The BLAKE3 hex digest of a file, or `None` when it does not exist, using
/// the store's (size, mtime, inode) memory to skip unchanged files.
pub fn file_digest(store: &Store, path: &Path) -> Result<Option<String>, FileError> {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(FileError::Io(path.display().to_string(), e)),
    };
    if meta.is_dir() {
        return Err(FileError::Io(
            path.display().to_string(),
            std::io::Error::other("is a directory"),
        ));
    }
    let name = path.to_string_lossy();
    let mtime_ns = meta.mtime() * 1_000_000_000 + meta.mtime_nsec();
    if let Some(d) = store.file_digest(&name, meta.size(), mtime_ns, meta.ino())? {
        return Ok(Some(d));
    }
    let mut hasher = blake3::Hasher::new();
    let mut file =
        std::fs::File::open(path).map_err(|e| FileError::Io(path.display().to_string(), e))?;
    std::io::copy(&mut file, &mut hasher)
        .map_err(|e| FileError::Io(path.display().to_string(), e))?;
    let digest = hasher.finalize().to_hex().to_string();
    store.remember_file(&name, meta.size(), mtime_ns, meta.ino(), &digest)?;
    Ok(Some(digest))
}

#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error("{0}: {1}")]
    Io(String, #[source] std::io::Error),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Expands glob patterns relative to `base` into sorted, de-duplicated
/// relative paths of existing files. A pattern without glob characters is
/// kept as is even when the file does not exist (so a missing declared input
/// shows up in the key).
pub fn expand(base: &Path, patterns: &[String]) -> Vec<String> {
    let mut out = std::collections::BTreeSet::new();
    for p in patterns {
        if !p.contains(['*', '?', '[']) {
            out.insert(p.clone());
            continue;
        }
        let full = if Path::new(p).is_absolute() {
            p.clone()
        } else {
            base.join(p).to_string_lossy().into_owned()
        };
        for path in glob_paths(&full) {
            let shown = path
                .strip_prefix(base)
                .map(|r| r.to_string_lossy().into_owned())
                .unwrap_or_else(|_| path.to_string_lossy().into_owned());
            out.insert(shown);
        }
    }
    out.into_iter().collect()
}

/// Files matching `pattern` (`*`, `?` within one path component; `**` is not
/// special), sorted.
fn glob_paths(pattern: &str) -> Vec<std::path::PathBuf> {
    let mut current = vec![std::path::PathBuf::from(if pattern.starts_with('/') {
        "/"
    } else {
        "."
    })];
    let parts: Vec<&str> = pattern
        .split('/')
        .filter(|s| !s.is_empty() && *s != ".")
        .collect();
    for (i, part) in parts.iter().enumerate() {
        let last = i + 1 == parts.len();
        let mut next = Vec::new();
        for dir in &current {
            if !part.contains(['*', '?', '[']) {
                let p = dir.join(part);
                if (last && p.is_file()) || (!last && p.is_dir()) {
                    next.push(p);
                }
                continue;
            }
            let Ok(entries) = std::fs::read_dir(dir) else {
                continue;
            };
            for e in entries.flatten() {
                let name = e.file_name();
                let name = name.to_string_lossy();
                if name.starts_with('.') && !part.starts_with('.') {
                    continue;
                }
                if wildcard(part.as_bytes(), name.as_bytes()) {
                    let p = e.path();
                    if (last && p.is_file()) || (!last && p.is_dir()) {
                        next.push(p);
                    }
                }
            }
        }
        current = next;
    }
    let mut out: Vec<_> = current
        .into_iter()
        .map(|p| p.strip_prefix("./").map(Path::to_path_buf).unwrap_or(p))
        .collect();
    out.sort();
    out
}

/// `*` and `?` matching (and `[...]` treated literally as a class of characters).
fn wildcard(pat: &[u8], text: &[u8]) -> bool {
    let (mut p, mut t) = (0, 0);
    let (mut star, mut mark) = (None, 0);
    while t < text.len() {
        if p < pat.len()
            && pat[p] == b'['
            && let Some(end) = pat[p..].iter().position(|&c| c == b']')
        {
            let class = &pat[p + 1..p + end];
            if class.contains(&text[t]) {
                p += end + 1;
                t += 1;
                continue;
            }
        }
        if p < pat.len() && (pat[p] == b'?' || pat[p] == text[t]) {
            p += 1;
            t += 1;
        } else if p < pat.len() && pat[p] == b'*' {
            star = Some(p);
            mark = t;
            p += 1;
        } else if let Some(s) = star {
            p = s + 1;
            mark += 1;
            t = mark;
        } else {
            return false;
        }
    }
    while p < pat.len() && pat[p] == b'*' {
        p += 1;
    }
    p == pat.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The store's text for a task's components is what serializing the
    /// list gives (older rows were written that way), and a key computed
    /// with its JSON is the key.
    #[test]
    fn keyed_parts_match_plain_serialization() {
        let a = Components {
            cmd: "proc \"x\" {}".into(),
            env: BTreeMap::from([("K".into(), "v\n".into())]),
            ..Components::default()
        };
        let b = Components {
            cmd: "b".into(),
            deps: BTreeMap::from([("a".into(), a.key())]),
            ..Components::default()
        };
        let list = vec![a.clone(), b.clone()];
        let parts: Vec<Keyed> = list.iter().map(Components::keyed).collect();
        assert_eq!(
            components_json(&parts),
            serde_json::to_string(&list).unwrap()
        );
        assert_eq!(
            components_json(&parts[..1]),
            serde_json::to_string(&list[..1]).unwrap()
        );
        assert_eq!(components_json(&[]), "[]");
        assert_eq!(parts[1].key, b.key());
        assert_eq!(parts[0].json, serde_json::to_string(&a).unwrap());
    }

    #[test]
    fn keys_change_with_each_component_and_diff_names_it() {
        let base = Components {
            cmd: "cc a.c".into(),
            env: BTreeMap::from([("CC".into(), "gcc".into())]),
            inputs: BTreeMap::from([("a.c".into(), "aaaa".into())]),
            deps: BTreeMap::from([("gen".into(), "k1".into())]),
        };
        let mut other = base.clone();
        assert_eq!(base.key(), other.key());
        other.inputs.insert("a.c".into(), "bbbb".into());
        assert_ne!(base.key(), other.key());
        assert_eq!(other.diff(&base), ["input a.c changed (aaaa -> bbbb)"]);
        let mut env = base.clone();
        env.env.insert("CC".into(), "clang".into());
        assert_eq!(env.diff(&base), ["env CC changed (\"gcc\" -> \"clang\")"]);
        let mut dep = base.clone();
        dep.deps.clear();
        assert_eq!(dep.diff(&base), ["dependency key of gen removed"]);
    }

    #[test]
    fn globs_match_files_in_order() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("parts/sub")).unwrap();
        for f in [
            "parts/b.txt",
            "parts/a.txt",
            "parts/c.csv",
            "parts/.hidden",
            "parts/sub/d.txt",
        ] {
            std::fs::write(dir.path().join(f), "x").unwrap();
        }
        let got = expand(
            dir.path(),
            &["parts/*.txt".into(), "parts/*/d.txt".into(), "plain".into()],
        );
        assert_eq!(
            got,
            ["parts/a.txt", "parts/b.txt", "parts/sub/d.txt", "plain"]
        );
        assert!(wildcard(b"a?c*", b"abcdef"));
        assert!(!wildcard(b"a?c", b"abcd"));
        assert!(wildcard(b"f[0-2]", b"f0") && !wildcard(b"f[01]", b"f2"));
    }

    #[test]
    fn file_digests_are_remembered_until_the_file_changes() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("db")).unwrap();
        let f = dir.path().join("in.txt");
        std::fs::write(&f, "one").unwrap();
        let d1 = file_digest(&store, &f).unwrap().unwrap();
        assert_eq!(d1, blake3::hash(b"one").to_hex().to_string());
        std::fs::write(&f, "two").unwrap();
        let d2 = file_digest(&store, &f).unwrap().unwrap();
        assert_eq!(d2, blake3::hash(b"two").to_hex().to_string());
        assert_eq!(file_digest(&store, &dir.path().join("nope")).unwrap(), None);
    }
}
