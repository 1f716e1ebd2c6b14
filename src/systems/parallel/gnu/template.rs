//! Replacement strings and GNU parallel's quoting of substituted values.
//!
//! Guarantees:
//! - A substituted value reaches the shell as one literal word: values made
//!   only of `[A-Za-z0-9_/.+-]` are left bare, anything else is put in single
//!   quotes (`'` as `'"'"'`), byte for byte what GNU parallel 20221122 prints
//!   with `--dry-run` for `/bin/sh`.
//! - A command with no replacement string gets the arguments appended, each
//!   quoted, separated by spaces (GNU's "no `{}` means `{}` at the end").

use std::fmt::Write as _;

/// What a replacement string takes from an argument.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    /// `{}`: the value.
    Whole,
    /// `{.}`: without the last extension.
    NoExt,
    /// `{/}`: the basename.
    Base,
    /// `{//}`: the directory name.
    Dir,
    /// `{/.}`: the basename without the extension.
    BaseNoExt,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Lit(String),
    /// `{}`-style; `pos` is 1-based for `{2}`, `{2.}`…, `None` for all arguments.
    Arg {
        pos: Option<usize>,
        part: Part,
    },
    /// `{#}`: the job's sequence number.
    Seq,
    /// `{%}`: the job's slot number.
    Slot,
}

/// A parsed command line with its replacement strings.
#[derive(Debug, Clone)]
pub struct Template {
    pieces: Vec<Piece>,
    /// True when the command names an argument somewhere; otherwise the
    /// arguments are appended.
    uses_args: bool,
    /// No command at all: each input is itself the command (GNU runs
    /// `parallel ::: 'echo a' 'echo b'`).
    input_is_command: bool,
}

impl Template {
    /// Parses `command`; unknown `{…}` sequences stay literal, as in GNU.
    /// An empty `command` means the inputs are the commands.
    pub fn parse(command: &str) -> Template {
        let mut pieces = Vec::new();
        let mut lit = String::new();
        let mut rest = command;
        while let Some(open) = rest.find('{') {
            let after = &rest[open + 1..];
            let parsed = after
                .find('}')
                .and_then(|close| parse_token(&after[..close]).map(|p| (p, close)));
            match parsed {
                Some((piece, close)) => {
                    lit.push_str(&rest[..open]);
                    if !lit.is_empty() {
                        pieces.push(Piece::Lit(std::mem::take(&mut lit)));
                    }
                    pieces.push(piece);
                    rest = &after[close + 1..];
                }
                None => {
                    lit.push_str(&rest[..=open]);
                    rest = after;
                }
            }
        }
        lit.push_str(rest);
        if !lit.is_empty() {
            pieces.push(Piece::Lit(lit));
        }
        let uses_args = pieces.iter().any(|p| matches!(p, Piece::Arg { .. }));
        Template {
            pieces,
            uses_args,
            input_is_command: command.is_empty(),
        }
    }

    /// True when the command mentions `{%}` (the slot must be known first).
    pub fn uses_slot(&self) -> bool {
        self.pieces.contains(&Piece::Slot)
    }

    /// The command for one job.
    pub fn render(&self, args: &[String], seq: u64, slot: usize) -> String {
        self.render_with(args, seq, slot, true)
    }

    /// The text with replacement strings filled in, values not quoted and
    /// nothing appended: for file patterns (a task's `outputs: [out/{/.}.res]`).
    pub fn render_plain(&self, args: &[String], seq: u64) -> String {
        if !self.uses_args && !self.pieces.iter().any(|p| matches!(p, Piece::Seq)) {
            return self
                .pieces
                .iter()
                .map(|p| match p {
                    Piece::Lit(s) => s.as_str(),
                    _ => "",
                })
                .collect();
        }
        self.render_with(args, seq, 0, false)
    }

    fn render_with(&self, args: &[String], seq: u64, slot: usize, quote: bool) -> String {
        if self.input_is_command {
            return args.join(" ");
        }
        let quote_into = |out: &mut String, value: &str| {
            if quote {
                quote_into(out, value);
            } else {
                out.push_str(value);
            }
        };
        let mut out = String::with_capacity(64);
        for piece in &self.pieces {
            match piece {
                Piece::Lit(s) => out.push_str(s),
                Piece::Seq => {
                    let _ = write!(out, "{seq}");
                }
                Piece::Slot => {
                    let _ = write!(out, "{slot}");
                }
                Piece::Arg { pos: None, part } => {
                    for (i, a) in args.iter().enumerate() {
                        if i > 0 {
                            out.push(' ');
                        }
                        quote_into(&mut out, &apply(*part, a));
                    }
                }
                Piece::Arg { pos: Some(n), part } => {
                    let value = args.get(n - 1).map(String::as_str).unwrap_or("");
                    quote_into(&mut out, &apply(*part, value));
                }
            }
        }
        if !self.uses_args && quote {
            for a in args {
                out.push(' ');
                quote_into(&mut out, a);
            }
        }
        out
    }
}

fn parse_token(inner: &str) -> Option<Piece> {
    let digits = inner.len() - inner.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let (num, suffix) = inner.split_at(digits);
    let pos = if num.is_empty() {
        None
    } else {
        match num.parse::<usize>() {
            Ok(n) if n >= 1 => Some(n),
            _ => return None,
        }
    };
    let part = match suffix {
        "" => Part::Whole,
        "." => Part::NoExt,
        "/" => Part::Base,
        "//" => Part::Dir,
        "/." => Part::BaseNoExt,
        "#" if pos.is_none() => return Some(Piece::Seq),
        "%" if pos.is_none() => return Some(Piece::Slot),
        _ => return None,
    };
    Some(Piece::Arg { pos, part })
}

fn basename(s: &str) -> &str {
    match s.rfind('/') {
        Some(i) => &s[i + 1..],
        None => s,
    }
}

/// Strips the last `.ext` when it is in the last path component (GNU's
/// `s:\.[^/.]*$::`, so `.bashrc` becomes empty).
fn no_ext(s: &str) -> &str {
    match s.rfind('.') {
        Some(i) if !s[i..].contains('/') => &s[..i],
        _ => s,
    }
}

/// Perl's `File::Basename::dirname`, which GNU uses for `{//}`: trailing
/// slashes do not count (`x/y/` gives `x`), `/` stays `/`, no slash is `.`.
fn dirname(s: &str) -> &str {
    let t = s.trim_end_matches('/');
    if t.is_empty() {
        return if s.starts_with('/') { "/" } else { "." };
    }
    match t.rfind('/') {
        None => ".",
        Some(i) => match t[..i].trim_end_matches('/') {
            "" => "/",
            d => d,
        },
    }
}

fn apply(part: Part, s: &str) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    match part {
        Part::Whole => Cow::Borrowed(s),
        Part::NoExt => Cow::Borrowed(no_ext(s)),
        Part::Base => Cow::Borrowed(basename(s)),
        Part::BaseNoExt => Cow::Borrowed(no_ext(basename(s))),
        Part::Dir => Cow::Borrowed(dirname(s)),
    }
}

/// Appends `value` quoted for `/bin/sh` the way GNU parallel does.
pub fn quote_into(out: &mut String, value: &str) {
    let bare = !value.is_empty()
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'/' | b'.' | b'+' | b'-'));
    if bare {
        out.push_str(value);
        return;
    }
    out.push('\'');
    for c in value.chars() {
        if c == '\'' {
            out.push_str("'\"'\"'");
        } else {
            out.push(c);
        }
    }
    out.push('\'');
}

/// `value` quoted for `/bin/sh` (see [`quote_into`]).
pub fn quote(value: &str) -> String {
    let mut s = String::new();
    quote_into(&mut s, value);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| (*s).to_string()).collect()
    }

    #[test]
    fn quoting_matches_gnu_dry_run() {
        // Pairs recorded from `parallel --dry-run echo ::: VALUE` (20221122).
        for (value, gnu) in [
            ("a b", "'a b'"),
            ("$HOME", "'$HOME'"),
            ("it's", "'it'\"'\"'s'"),
            ("", "''"),
            ("a,b", "'a,b'"),
            ("a=b", "'a=b'"),
            ("ä", "'ä'"),
            ("a+b", "a+b"),
            ("a/b", "a/b"),
            ("-x", "-x"),
            ("a.b", "a.b"),
            ("a#b", "'a#b'"),
        ] {
            assert_eq!(quote(value), gnu, "{value:?}");
        }
    }

    #[test]
    fn path_replacements() {
        let t = Template::parse("echo {.} {/} {//} {/.} {#} {%}");
        assert_eq!(
            t.render(&v(&["/a/b.c.tar"]), 1, 1),
            "echo /a/b.c b.c.tar /a b.c 1 1"
        );
        assert_eq!(
            t.render(&v(&["d e.x"]), 2, 1),
            "echo 'd e' 'd e.x' . 'd e' 2 1"
        );
        assert_eq!(t.render(&v(&["f"]), 3, 2), "echo f f . f 3 2");
        let t = Template::parse("echo {//}");
        for (path, dir) in [
            ("x/y/", "x"),
            ("/x", "/"),
            ("/", "/"),
            ("x//y", "x"),
            ("", "."),
        ] {
            assert_eq!(
                t.render(&v(&[path]), 1, 1),
                format!("echo {dir}"),
                "{path:?}"
            );
        }
    }

    #[test]
    fn positional_and_appended() {
        let t = Template::parse("echo {2} {1/}");
        assert_eq!(t.render(&v(&["x/y", "z"]), 1, 1), "echo z y");
        let t = Template::parse("echo");
        assert_eq!(t.render(&v(&["a b", "c"]), 1, 1), "echo 'a b' c");
        let t = Template::parse("echo {} {x} {");
        assert_eq!(t.render(&v(&["a", "b"]), 1, 1), "echo a b {x} {");
        let t = Template::parse("");
        assert_eq!(t.render(&v(&["echo a"]), 1, 1), "echo a");
    }
}
