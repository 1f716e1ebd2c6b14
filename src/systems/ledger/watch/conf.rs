//! fail2ban's filter definition files, read as fail2ban reads them: INI
//! sections with `[INCLUDES] before/after` (and a `.local` beside the
//! `.conf`), `[DEFAULT]`, `[Definition]` and `[Init]`, Python
//! `configparser` continuation lines and `%(name)s` interpolation (also
//! `%(section/name)s`), then fail2ban's own `<tag>` substitution
//! (`<mdre-<mode>>`, `<lt_file/__prefix_line>`), with options given by the
//! caller (`mode=aggressive`) winning over the file's.
//!
//! Nothing here compiles a regex: [`Definition`] is the text of the
//! options; `filter.rs` turns it into a matcher.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::WatchError;

/// One parsed file set: section → option → raw value (keys lower-case).
#[derive(Debug, Default, Clone)]
pub struct Ini {
    sections: HashMap<String, HashMap<String, String>>,
    /// `[Init]` options in the order the files gave them.
    files: Vec<PathBuf>,
}

const MAX_DEPTH: usize = 40;

impl Ini {
    /// Reads `path` with its includes (before, itself, its `.local`, after).
    pub fn load(path: &Path) -> Result<Ini, WatchError> {
        let mut ini = Ini::default();
        ini.read(path, true, 0)?;
        Ok(ini)
    }

    /// The files that were read, in order.
    pub fn files(&self) -> &[PathBuf] {
        &self.files
    }

    fn read(&mut self, path: &Path, required: bool, depth: usize) -> Result<(), WatchError> {
        if depth > 10 {
            return Err(WatchError::Filter {
                path: path.to_path_buf(),
                reason: "includes nest more than 10 deep (a loop?)".into(),
            });
        }
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) if !required && e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(source) => {
                return Err(WatchError::FilterIo {
                    path: path.to_path_buf(),
                    source,
                });
            }
        };
        let parsed = parse(&text).map_err(|(line, reason)| WatchError::Filter {
            path: path.to_path_buf(),
            reason: format!("line {line}: {reason}"),
        })?;
        let dir = path.parent().unwrap_or(Path::new("."));
        let includes = |key: &str| -> Vec<PathBuf> {
            parsed
                .iter()
                .filter(|(s, _)| s.eq_ignore_ascii_case("INCLUDES"))
                .flat_map(|(_, opts)| opts.iter().filter(|(k, _)| k == key))
                .flat_map(|(_, v)| {
                    v.split_whitespace()
                        .map(|f| dir.join(f))
                        .collect::<Vec<_>>()
                })
                .collect()
        };
        let (before, after) = (includes("before"), includes("after"));
        for f in before {
            self.read(&f, false, depth + 1)?;
        }
        self.files.push(path.to_path_buf());
        for (section, opts) in parsed {
            let entry = self.sections.entry(section).or_default();
            for (k, v) in opts {
                entry.insert(k, v);
            }
        }
        if depth == 0 && path.extension().is_some_and(|e| e == "conf") {
            self.read(&path.with_extension("local"), false, depth + 1)?;
        }
        for f in after {
            self.read(&f, false, depth + 1)?;
        }
        Ok(())
    }

    fn raw(&self, section: &str, key: &str, vars: &HashMap<String, String>) -> Option<String> {
        if let Some(v) = vars.get(key) {
            return Some(v.clone());
        }
        if let Some(v) = self.sections.get(section).and_then(|s| s.get(key)) {
            return Some(v.clone());
        }
        self.sections
            .get("DEFAULT")
            .and_then(|s| s.get(key))
            .cloned()
    }

    /// `section`'s option `key`, `%(name)s`-interpolated (Python's
    /// BasicInterpolation plus fail2ban's `%(section/name)s`).
    pub fn get(
        &self,
        section: &str,
        key: &str,
        vars: &HashMap<String, String>,
    ) -> Result<Option<String>, String> {
        self.get_depth(section, &key.to_ascii_lowercase(), vars, 0)
    }

    fn get_depth(
        &self,
        section: &str,
        key: &str,
        vars: &HashMap<String, String>,
        depth: usize,
    ) -> Result<Option<String>, String> {
        if depth > MAX_DEPTH {
            return Err(format!("%({key})s: interpolation nests too deep (a loop?)"));
        }
        let (section, key) = match key.split_once('/') {
            Some((s, k)) => (s, k),
            None => (section, key),
        };
        let Some(raw) = self.raw(section, key, vars) else {
            return Ok(None);
        };
        let mut out = String::with_capacity(raw.len());
        let mut rest = raw.as_str();
        while let Some(i) = rest.find('%') {
            out.push_str(&rest[..i]);
            let after = &rest[i + 1..];
            if let Some(r) = after.strip_prefix('%') {
                out.push('%');
                rest = r;
            } else if let Some(r) = after.strip_prefix('(') {
                let Some(end) = r.find(")s") else {
                    return Err(format!("option {key}: a '%(' without ')s'"));
                };
                let name = r[..end].to_ascii_lowercase();
                let value = self
                    .get_depth(section, &name, vars, depth + 1)?
                    .ok_or_else(|| format!("option {key}: %({name})s is not defined"))?;
                out.push_str(&value);
                rest = &r[end + 2..];
            } else {
                return Err(format!("option {key}: a bare '%' (write %% for one)"));
            }
        }
        out.push_str(rest);
        Ok(Some(out))
    }

    /// A `[Definition]` option with interpolation and fail2ban's `<tag>`
    /// substitution, or None when the filter does not set it.
    pub fn definition(
        &self,
        key: &str,
        vars: &HashMap<String, String>,
    ) -> Result<Option<String>, String> {
        let Some(v) = self.get("Definition", key, vars)? else {
            return Ok(None);
        };
        self.substitute_tags(&v, vars).map(Some)
    }

    /// What a `<name>` tag stands for: the caller's options, `[Init]`, then
    /// `[Definition]` (with `[DEFAULT]`); `<section/name>` names a section.
    fn tag(&self, name: &str, vars: &HashMap<String, String>) -> Result<Option<String>, String> {
        // Upper-case tags are regex tags (<HOST>, <F-USER>, </F-USER>).
        if name.starts_with('/')
            || name.starts_with("F-")
            || name
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
        {
            return Ok(None);
        }
        let key = name.to_ascii_lowercase();
        if let Some(v) = vars.get(&key) {
            return Ok(Some(v.clone()));
        }
        if !key.contains('/')
            && let Some(v) = self.sections.get("Init").and_then(|s| s.get(&key))
        {
            return Ok(Some(v.clone()));
        }
        self.get_depth("Definition", &key, vars, 0)
    }

    /// Replaces known `<tag>`s, innermost first, until none is left
    /// (unknown ones, like `<HOST>`, stay for the regex builder).
    pub fn substitute_tags(
        &self,
        value: &str,
        vars: &HashMap<String, String>,
    ) -> Result<String, String> {
        let mut cur = value.to_owned();
        for _ in 0..MAX_DEPTH {
            let mut out = String::with_capacity(cur.len());
            let mut changed = false;
            let mut rest = cur.as_str();
            while let Some(open) = rest.find('<') {
                let after = &rest[open + 1..];
                let end = after.find(['<', '>', ' ']);
                match end {
                    Some(e) if after.as_bytes()[e] == b'>' && e > 0 => {
                        let name = &after[..e];
                        match self.tag(name, vars)? {
                            Some(v) if !v.contains(&format!("<{name}>")) => {
                                out.push_str(&rest[..open]);
                                out.push_str(&v);
                                changed = true;
                            }
                            _ => out.push_str(&rest[..open + e + 2]),
                        }
                        rest = &after[e + 1..];
                    }
                    _ => {
                        out.push_str(&rest[..open + 1]);
                        rest = after;
                    }
                }
            }
            out.push_str(rest);
            if !changed {
                return Ok(out);
            }
            cur = out;
        }
        Err(format!("tags in {value:?} nest too deep (a loop?)"))
    }
}

type Parsed = Vec<(String, Vec<(String, String)>)>;

/// Python configparser's reading of one file: `[section]`, `key = value`
/// or `key: value` (the first of the two), indented continuation lines,
/// `#`/`;` comment lines. Option names are lower-cased.
fn parse(text: &str) -> Result<Parsed, (usize, String)> {
    let mut out: Parsed = Vec::new();
    let mut current: Option<(String, String)> = None;
    let flush = |out: &mut Parsed, cur: &mut Option<(String, String)>| {
        if let Some((k, v)) = cur.take()
            && let Some(sec) = out.last_mut()
        {
            let v = v.trim_end().to_owned();
            if let Some(slot) = sec.1.iter_mut().find(|(key, _)| *key == k) {
                slot.1 = v;
            } else {
                sec.1.push((k, v));
            }
        }
    };
    for (n, line) in text.lines().enumerate() {
        let n = n + 1;
        let trimmed = line.trim();
        if trimmed.starts_with('#') || trimmed.starts_with(';') {
            continue;
        }
        if trimmed.is_empty() {
            if let Some((_, v)) = current.as_mut() {
                v.push('\n');
            }
            continue;
        }
        let indented = line.starts_with(' ') || line.starts_with('\t');
        if indented && let Some((_, v)) = current.as_mut() {
            if !v.is_empty() && !v.ends_with('\n') {
                v.push('\n');
            }
            v.push_str(trimmed);
            continue;
        }
        flush(&mut out, &mut current);
        if let Some(name) = trimmed.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
            let name = name.trim().to_owned();
            if !out.iter().any(|(s, _)| *s == name) {
                out.push((name.clone(), Vec::new()));
            } else {
                // A section repeated in one file continues the first one.
                let i = out.iter().position(|(s, _)| *s == name).expect("present");
                let sec = out.remove(i);
                out.push(sec);
            }
            continue;
        }
        let delim = trimmed.find(['=', ':']).ok_or((
            n,
            format!("expected `name = value` or `[section]`, found {trimmed:?}"),
        ))?;
        if out.is_empty() {
            return Err((n, "an option before any [section]".into()));
        }
        let key = trimmed[..delim].trim().to_ascii_lowercase();
        let value = trimmed[delim + 1..].trim().to_owned();
        current = Some((key, value));
    }
    flush(&mut out, &mut current);
    // Collapse runs of blank lines inside values (empty_lines_in_values).
    for (_, opts) in &mut out {
        for (_, v) in opts.iter_mut() {
            *v = v
                .split('\n')
                .filter(|l| !l.trim().is_empty())
                .collect::<Vec<_>>()
                .join("\n");
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ini(text: &str) -> Ini {
        let mut ini = Ini::default();
        for (s, opts) in parse(text).unwrap() {
            let e = ini.sections.entry(s).or_default();
            for (k, v) in opts {
                e.insert(k, v);
            }
        }
        ini
    }

    #[test]
    fn interpolation_tags_and_continuations() {
        let i = ini(concat!(
            "[DEFAULT]\n_daemon = sshd\nlogtype = file\n[lt_file]\np = <_daemon>\\[\n",
            "[Definition]\nmode = normal\nx = %(y)s-<m-<mode>>\ny = Y\nm-normal = N\n",
            "  second\n# comment\nm-ddos = D\npre = <lt_<logtype>/p> 100%%\n"
        ));
        let none = HashMap::new();
        assert_eq!(i.definition("x", &none).unwrap().unwrap(), "Y-N\nsecond");
        let mut vars = HashMap::new();
        vars.insert("mode".to_owned(), "ddos".to_owned());
        assert_eq!(i.definition("x", &vars).unwrap().unwrap(), "Y-D");
        assert_eq!(i.definition("pre", &none).unwrap().unwrap(), "sshd\\[ 100%");
        assert_eq!(i.definition("missing", &none).unwrap(), None);
        // Regex tags are left alone.
        let j = ini("[Definition]\nf = ^<F-USER>.*</F-USER> from <HOST>$\n");
        assert_eq!(
            j.definition("f", &none).unwrap().unwrap(),
            "^<F-USER>.*</F-USER> from <HOST>$"
        );
    }

    #[test]
    fn loops_and_bad_lines_are_errors() {
        let i = ini("[Definition]\na = %(b)s\nb = %(a)s\n");
        assert!(i.definition("a", &HashMap::new()).is_err());
        assert!(parse("no section = x\n").is_err());
        assert!(parse("[s]\njust words\n").is_err());
    }
}
