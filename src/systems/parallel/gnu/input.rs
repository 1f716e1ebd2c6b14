//! Input sources: `::: ARGS`, `:::: FILES`, `-a FILE`, stdin; linking with
//! `:::+`/`::::+`; combining sources the way GNU parallel does.
//!
//! Guarantees:
//! - Unlinked sources combine into every combination, the first source
//!   varying slowest (GNU's order, so `{#}` numbers agree).
//! - Linked sources are read in step and stop with the shortest (GNU
//!   20221122's behaviour).
//! - A line is a file's line without its `\n`; empty lines are arguments.

use std::io::BufRead;
use std::path::PathBuf;

use super::GnuError;

/// Where one input source's values come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// `::: a b c`.
    Args(Vec<String>),
    /// `:::: FILE` or `-a FILE`; `-` is stdin.
    File(PathBuf),
}

/// The command words and the input sources after them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words {
    /// The command line (words joined by spaces, as GNU does).
    pub command: String,
    /// Sources in order; `true` links a source with the one before it.
    pub sources: Vec<(Source, bool)>,
}

/// Splits `COMMAND… ::: ARGS… :::: FILES…` at the separators.
pub fn split_words(words: &[String]) -> Result<Words, GnuError> {
    let first_sep = words.iter().position(|w| separator(w).is_some());
    let (command, rest) = words.split_at(first_sep.unwrap_or(words.len()));
    let command = command.join(" ");
    // NB: GNU would run `'' ::: a` as the command `'a'`; a blank command is
    // far more often a scripting mistake, so omni refuses it. No command
    // words at all (`::: 'echo a'`) means the inputs are the commands.
    if first_sep != Some(0) && !words.is_empty() && command.trim().is_empty() {
        return Err(GnuError::Usage("the command is empty".into()));
    }
    let mut sources = Vec::new();
    let mut i = 0;
    while i < rest.len() {
        let (files, linked) = separator(&rest[i]).unwrap_or((false, false));
        let end = rest[i + 1..]
            .iter()
            .position(|w| separator(w).is_some())
            .map_or(rest.len(), |p| i + 1 + p);
        let values = &rest[i + 1..end];
        if files {
            if values.is_empty() {
                return Err(GnuError::Usage(format!("{} needs a file name", rest[i])));
            }
            for (k, f) in values.iter().enumerate() {
                // NB: `:::: f1 f2` is two sources; only the first is linked by `::::+`.
                sources.push((Source::File(PathBuf::from(f)), linked && k == 0));
            }
        } else {
            sources.push((Source::Args(values.to_vec()), linked));
        }
        i = end;
    }
    Ok(Words { command, sources })
}

/// `(is a file separator, links)` for `:::`, `:::+`, `::::`, `::::+`.
fn separator(word: &str) -> Option<(bool, bool)> {
    match word {
        ":::" => Some((false, false)),
        ":::+" => Some((false, true)),
        "::::" => Some((true, false)),
        "::::+" => Some((true, true)),
        _ => None,
    }
}

/// Reads every source (files, stdin) into values.
pub fn load(
    sources: &[(Source, bool)],
    stdin: &mut dyn BufRead,
) -> Result<Vec<(Vec<String>, bool)>, GnuError> {
    let mut stdin_used = false;
    let mut out = Vec::with_capacity(sources.len());
    for (source, linked) in sources {
        let values = match source {
            Source::Args(v) => v.clone(),
            Source::File(p) if p.as_os_str() == "-" => {
                if stdin_used {
                    Vec::new()
                } else {
                    stdin_used = true;
                    read_lines(stdin).map_err(|source| GnuError::Input {
                        path: "stdin".into(),
                        source,
                    })?
                }
            }
            Source::File(p) => {
                let file = std::fs::File::open(p).map_err(|source| GnuError::Input {
                    path: p.display().to_string(),
                    source,
                })?;
                read_lines(&mut std::io::BufReader::new(file)).map_err(|source| {
                    GnuError::Input {
                        path: p.display().to_string(),
                        source,
                    }
                })?
            }
        };
        out.push((values, *linked));
    }
    Ok(out)
}

fn read_lines(r: &mut dyn BufRead) -> std::io::Result<Vec<String>> {
    let mut lines = Vec::new();
    let mut buf = Vec::new();
    loop {
        buf.clear();
        if r.read_until(b'\n', &mut buf)? == 0 {
            return Ok(lines);
        }
        if buf.last() == Some(&b'\n') {
            buf.pop();
        }
        lines.push(String::from_utf8_lossy(&buf).into_owned());
    }
}

/// Every job's arguments, in GNU's order.
pub fn combine(sources: Vec<(Vec<String>, bool)>) -> Vec<Vec<String>> {
    // Groups of linked sources, each already zipped into rows.
    let mut groups: Vec<Vec<Vec<String>>> = Vec::new();
    for (values, linked) in sources {
        match groups.last_mut() {
            Some(group) if linked => {
                group.truncate(values.len());
                for (row, v) in group.iter_mut().zip(values) {
                    row.push(v);
                }
            }
            _ => groups.push(values.into_iter().map(|v| vec![v]).collect()),
        }
    }
    let mut jobs: Vec<Vec<String>> = vec![Vec::new()];
    if groups.is_empty() {
        return Vec::new();
    }
    for group in groups {
        let mut next = Vec::with_capacity(jobs.len() * group.len());
        for prefix in &jobs {
            for row in &group {
                let mut job = prefix.clone();
                job.extend(row.iter().cloned());
                next.push(job);
            }
        }
        jobs = next;
    }
    jobs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(items: &[&str]) -> Vec<String> {
        items.iter().map(|x| (*x).to_string()).collect()
    }

    #[test]
    fn splits_command_and_sources() {
        let w = split_words(&s(&[
            "echo", "{}", ":::", "a", "b", ":::+", "1", "::::", "f", "g",
        ]))
        .unwrap();
        assert_eq!(w.command, "echo {}");
        assert_eq!(
            w.sources,
            vec![
                (Source::Args(s(&["a", "b"])), false),
                (Source::Args(s(&["1"])), true),
                (Source::File("f".into()), false),
                (Source::File("g".into()), false),
            ]
        );
        assert!(split_words(&s(&["echo", "::::"])).is_err());
        assert!(split_words(&s(&[" ", ":::", "a"])).is_err());
        assert!(split_words(&s(&["", ":::", "a"])).is_err());
        assert_eq!(split_words(&s(&[":::", "echo a"])).unwrap().command, "");
    }

    #[test]
    fn combines_like_gnu() {
        let jobs = combine(vec![(s(&["a", "b"]), false), (s(&["1", "2"]), false)]);
        assert_eq!(
            jobs,
            vec![
                s(&["a", "1"]),
                s(&["a", "2"]),
                s(&["b", "1"]),
                s(&["b", "2"])
            ]
        );
        let jobs = combine(vec![(s(&["a", "b", "c"]), false), (s(&["1", "2"]), true)]);
        assert_eq!(jobs, vec![s(&["a", "1"]), s(&["b", "2"])]);
        assert!(combine(vec![]).is_empty());
    }
}
